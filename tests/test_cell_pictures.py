"""The comparison table copies the pictures of its cells: the same pixels as Qt's
own delegate, drawn again only when what a cell shows changes."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyledItemDelegate

from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import JURISDICTION_CODES, Answers
from advisor_gui.domain.presentation import present
from advisor_gui.ui import cell_pictures
from advisor_gui.ui.comparison import ComparisonModel
from advisor_gui.ui.main_window import MainWindow

from .conftest import on_screen

pytestmark = pytest.mark.gui

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
         Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole,
         Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.CheckStateRole)


def _on_screen(table) -> QImage:
    """The table's cells as the window draws them, where they are in it."""
    return on_screen(table.viewport())


def _plain_picture(table) -> QImage:
    """The table's cells as Qt's own delegate draws them."""
    own = table.itemDelegate()
    plain = QStyledItemDelegate(table)
    table.setItemDelegate(plain)
    try:
        return _on_screen(table)
    finally:
        table.setItemDelegate(own)


def _settle(window: MainWindow) -> None:
    window.controller.flush()  # the views now, not on the next turn
    window.comparison.fit_now()
    for _ in range(3):
        QApplication.processEvents()


def test_the_cells_look_as_qt_draws_them_and_are_drawn_once(window: MainWindow) -> None:
    table = window.comparison.table
    for province, workers in (("AB", 8), ("BC", 15), ("SK", 40), ("MB", 25), ("AB", 40)):
        window.controller.set_answer("province", province)
        window.controller.set_answer("workers", workers)
        _settle(window)
        assert table.isVisible() and table.model().rowCount() > 5
        shown = _on_screen(table)
        assert shown == _plain_picture(table), province
        drawn = table.pictures.drawn
        assert _on_screen(table) == shown
        assert table.pictures.drawn == drawn, "a cell shown again is copied"


def test_the_focused_cell_shows_its_focus_as_qt_draws_it(window: MainWindow, qtbot) -> None:
    table = window.comparison.table
    window.controller.set_answer("province", "AB")
    window.controller.set_answer("workers", 12)
    _settle(window)
    assert table.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    table.setCurrentIndex(table.model().index(1, 1))
    qtbot.waitUntil(table.hasFocus)
    focused = _on_screen(table)
    assert focused == _plain_picture(table)
    window.interview.setFocus()
    qtbot.waitUntil(lambda: not table.hasFocus())
    assert _on_screen(table) != focused  # the focus frame went with the focus


def test_under_the_pointer_the_cells_are_drawn_as_usual(window: MainWindow, monkeypatch) -> None:
    table = window.comparison.table
    monkeypatch.setattr(table, "underMouse", lambda: True)
    window.controller.set_answer("province", "MB")
    window.controller.set_answer("workers", 12)
    _settle(window)
    drawn = table.pictures.drawn
    assert _on_screen(table) == _plain_picture(table)
    assert table.pictures.drawn == drawn


def test_the_pictures_kept_are_bounded(window: MainWindow, monkeypatch) -> None:
    table = window.comparison.table
    monkeypatch.setattr(cell_pictures, "PICTURES_BYTES", 200 * 1024)
    for province in JURISDICTION_CODES:
        window.controller.set_answer("province", province)
        _settle(window)
        table.viewport().grab()
    delegate = table.pictures
    assert delegate._bytes == sum(p.width() * p.height() * 4 for p in delegate._pictures.values())
    assert delegate._bytes <= 200 * 1024


def test_a_cell_key_tells_everything_the_cell_shows(dataset) -> None:
    # Two cells with one key show the same thing in every role, across provinces and sizes.
    seen: dict[object, tuple[object, ...]] = {}
    for province, workers, sector in itertools.product(JURISDICTION_CODES, (4, 12, 40),
                                                       ("construction", "oil_and_gas", "other")):
        for lang in ("en", "fr"):
            answers = Answers(province=province, workers=workers, sector=sector)
            model = ComparisonModel(present(dataset, answers, evaluate(dataset, answers, lang), lang).comparison)
            for row in range(model.rowCount()):
                for col in range(model.columnCount()):
                    index = model.index(row, col)
                    shown = tuple(repr(model.data(index, role)) for role in ROLES)
                    key = (col, model.cell_key(row, col))
                    assert seen.setdefault(key, shown) == shown, key
    assert len(seen) > 50


@pytest.mark.skipif(bool(os.environ.get("QT_SCALE_FACTOR")), reason="this is the run at another scale")
def test_the_pixels_hold_at_150_percent() -> None:
    # At 150 % a cell, a bar or the map's outline can start inside a screen pixel: the tests
    # of what is copied instead of drawn, run at that scale.
    env = dict(os.environ, QT_SCALE_FACTOR="1.5", QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__,
                           "tests/test_scroll_bars.py", "tests/test_province_map.py",
                           "-k", "not 150_percent and (cell or bar or look or outline or swatch)"],
                          cwd=Path(__file__).resolve().parent.parent, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
