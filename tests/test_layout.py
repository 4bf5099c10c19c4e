"""The window on screens of every size: where it opens (a pure function, then a
real window on made-up screens at 100-200 % scaling), what shows at a laptop's
1366x705, and the province table's wrapped summary."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMargins, QRect

from advisor_gui.domain.models import Answers
from advisor_gui.ui.placement import DEFAULT_FRAME, MAXIMISE_UP_TO, clamp_to_screens, first_placement

from .conftest import shown_window

FRAME = QMargins(4, 30, 4, 4)


def inside(rect: QRect, frame: QMargins, area: QRect) -> bool:
    return area.contains(rect.marginsAdded(frame))


# --- the pure function ----------------------------------------------------------------
@pytest.mark.parametrize("area", [
    QRect(0, 0, 1366, 728),       # a laptop minus a 40 px taskbar
    QRect(0, 27, 1280, 693),      # 1280x720 with a top panel
    QRect(0, 0, 911, 512),        # 1366x768 at 150 %
    QRect(0, 0, 1280, 720),       # 1920x1080 at 150 %
    QRect(0, 0, 960, 540),        # 1920x1080 at 200 %
    QRect(72, 0, 1368, 900),      # 1440x900 with a dock on the left
])
def test_small_screens_open_maximised_with_a_normal_size_that_fits(area: QRect) -> None:
    placed = first_placement(area, FRAME)
    assert placed.maximised
    assert inside(placed.rect, FRAME, area)


@pytest.mark.parametrize("area", [
    QRect(0, 0, 1920, 1040),      # a workstation minus its taskbar
    QRect(0, 0, 1536, 824),       # 1920x1080 at 125 %
    QRect(1920, 0, 2560, 1400),   # a second monitor to the right
    QRect(0, 0, 3840, 2120),      # 4K at 100 %
    QRect(0, 0, 1920, 1160),      # 4K at 200 %
])
def test_large_screens_get_a_comfortable_size_centred(area: QRect) -> None:
    placed = first_placement(area, FRAME)
    assert not placed.maximised and area.width() > MAXIMISE_UP_TO
    assert inside(placed.rect, FRAME, area)
    outer = placed.rect.marginsAdded(FRAME)
    assert abs(outer.center().x() - area.center().x()) <= 1 and abs(outer.center().y() - area.center().y()) <= 1
    assert placed.rect.width() >= 1280 and placed.rect.height() >= 700
    assert placed.rect.width() <= 1680 and placed.rect.height() <= 1050


def test_a_window_left_on_a_monitor_that_is_gone_comes_back_whole() -> None:
    laptop = QRect(0, 0, 1366, 728)
    on_monitor = QRect(2000, 100, 1600, 1000)  # was on a 2560-wide monitor to the right
    back = clamp_to_screens(on_monitor, [laptop], FRAME)
    assert inside(back, FRAME, laptop)


def test_a_window_partly_off_screen_slides_in_title_bar_first() -> None:
    screen = QRect(0, 0, 1920, 1040)
    back = clamp_to_screens(QRect(1500, -200, 1200, 700), [screen], FRAME)
    assert inside(back, FRAME, screen) and back.size() == QRect(0, 0, 1200, 700).size()
    too_big = clamp_to_screens(QRect(10, 40, 3000, 2000), [screen], FRAME)
    assert inside(too_big, FRAME, screen)


def test_a_window_that_fits_stays_where_it_was_and_picks_its_own_screen() -> None:
    left, right = QRect(0, 0, 1920, 1040), QRect(1920, 0, 1920, 1040)
    there = QRect(2100, 100, 1200, 800)
    assert clamp_to_screens(there, [left, right], FRAME) == there
    straddling = QRect(1700, 100, 1200, 800)  # mostly on the right-hand screen
    moved = clamp_to_screens(straddling, [left, right], FRAME)
    assert inside(moved, FRAME, right)


def test_the_default_frame_is_a_real_title_bar() -> None:
    assert DEFAULT_FRAME.top() >= 30 and min(DEFAULT_FRAME.left(), DEFAULT_FRAME.right()) >= 4


# --- a real window on made-up screens -----------------------------------------------------
_CHILD = r"""
import json, sys
from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication
from advisor_gui.paths import bundled_dataset
from advisor_gui.domain.loader import load_dataset
from advisor_gui.settings import Settings
from advisor_gui.ui.app_main import make_app
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow

app = make_app()
settings = Settings(sys.argv[1])
win = MainWindow(AdvisorController(load_dataset(bundled_dataset())), settings)
if len(sys.argv) > 2:  # a remembered geometry (from a screen that may be gone)
    x, y, w, h = map(int, sys.argv[2].split(","))
    win.setGeometry(QRect(x, y, w, h))
    win.save_state()
    win = MainWindow(AdvisorController(load_dataset(bundled_dataset())), Settings(sys.argv[1]))
win.place_on_screen()
win.show()
out = {}
def report():
    scr = win.screen().availableGeometry()
    f = win.frameGeometry()
    out.update(maximised=win.isMaximized(), frame=[f.x(), f.y(), f.width(), f.height()],
               normal=[win.normalGeometry().width(), win.normalGeometry().height()],
               screen=[scr.x(), scr.y(), scr.width(), scr.height()],
               card=win.card_box.width(), card_min=win.card_box.minimumWidth())
    print(json.dumps(out))
    app.quit()
QTimer.singleShot(200, report)
app.exec()
"""


def _run_window(tmp_path: Path, screens: list[tuple[int, int]], scale: float, *geometry: str) -> dict:
    config = {"windowFrameMargins": True, "screens": [
        {"name": f"s{i}", "x": sum(w for w, _ in screens[:i]), "y": 0, "width": w, "height": h,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1} for i, (w, h) in enumerate(screens)]}
    path = tmp_path / "screens.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={path}", "QT_SCALE_FACTOR": str(scale)}
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(tmp_path / "settings.ini"), *geometry],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("size", "scale"), [((1366, 768), 1.0), ((1366, 768), 1.25), ((1920, 1080), 1.5),
                                             ((1920, 1080), 2.0), ((1920, 1080), 1.0), ((3840, 2160), 1.0)])
def test_a_real_window_fits_its_screen_at_every_scale(tmp_path: Path, size: tuple[int, int], scale: float) -> None:
    got = _run_window(tmp_path, [size], scale)
    x, y, w, h = got["frame"]
    sx, sy, sw, sh = got["screen"]
    slack = 0 if scale == int(scale) else 1  # logical pixels round at fractional scales
    assert sx <= x and sy <= y and x + w <= sx + sw + slack and y + h <= sy + sh + slack, got
    assert got["maximised"] == (sw <= MAXIMISE_UP_TO), got
    assert got["card"] >= got["card_min"] - 1, "the card keeps its readable measure"


def test_a_real_window_remembered_on_a_monitor_that_is_gone(tmp_path: Path) -> None:
    _run_window(tmp_path, [(1366, 768), (2560, 1440)], 1.0, "2000,100,1500,1000")  # docked: saved on the monitor
    got = _run_window(tmp_path, [(1366, 768)], 1.0)  # undocked
    x, y, w, h = got["frame"]
    assert x >= 0 and y >= 0 and x + w <= 1366 and y + h <= 768, got


# --- what a laptop shows ----------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_at_1366x705_the_verdict_reasons_and_first_next_step_show(qtbot, dataset, tmp_path: Path,
                                                                   lang: str) -> None:
    from advisor_gui.ui import i18n

    i18n.apply(lang)
    win = shown_window(qtbot, tmp_path, dataset, Answers(province="BC", workers=12, sector="construction",
                                                          prime_contractor="unknown"))
    win.controller.set_language(lang)
    win.resize(1366, 705)
    qtbot.waitUntil(lambda: win.width() == 1366)
    win.apply_default_sizes()
    win.controller.flush()
    card = win.card
    qtbot.waitUntil(lambda: card.document().size().height() > 0)
    doc = card.document()
    view = win.controller.presentation
    first_step = view.next_steps[0].text
    cursor = doc.find(first_step[:40])
    assert not cursor.isNull()
    bottom_of_step = card.cursorRect(cursor).bottom()
    assert bottom_of_step < card.viewport().height(), "the first next step shows without scrolling"
    assert card.width() >= win.card_box.minimumWidth() - 20
    # The comparison shows all seven rows, or says how to see them.
    table = win.comparison.table
    qtbot.waitUntil(lambda: table.verticalHeader().length() > 0)
    if table.verticalScrollBar().maximum() > 0:
        assert win.comparison.expand.isVisible()
        win.comparison.expand.click()
        qtbot.waitUntil(lambda: table.verticalScrollBar().maximum() == 0)
        assert win.right.sizes()[0] == 0
        win.comparison.expand.click()
        assert win.right.sizes()[0] > 0


def test_the_card_never_gets_narrower_than_a_readable_measure(qtbot, dataset, tmp_path: Path) -> None:
    win = shown_window(qtbot, tmp_path, dataset)
    win.resize(win.minimumSizeHint().width(), 700)
    qtbot.waitUntil(lambda: win.width() <= win.minimumSizeHint().width() + 1)
    win.apply_default_sizes()
    measure = win.card.fontMetrics().averageCharWidth() * 45
    assert win.card.viewport().width() >= measure
    assert win.minimumSizeHint().width() <= 911, "fits 1366 px at 150 %"


# --- the province table -------------------------------------------------------------------
def test_the_province_table_keeps_the_names_in_sight_and_shows_the_summary_whole(qtbot, dataset,
                                                                                  tmp_path: Path) -> None:
    from advisor_gui.ui.province_model import COL_CODE, COL_NAME, COL_SUMMARY

    win = shown_window(qtbot, tmp_path, dataset, Answers(province="MB", workers=4))
    win.resize(1366, 705)
    win.apply_default_sizes()
    win.provinces.tabs.setCurrentIndex(1)
    table = win.provinces.table
    qtbot.waitUntil(lambda: table.isVisible())
    # No sideways scrolling: code and name stay in sight.
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=2000)
    assert table.columnWidth(COL_CODE) > 0 and table.columnWidth(COL_NAME) > 0
    assert table.isColumnHidden(COL_SUMMARY)
    details = win.provinces._parts().details
    manitoba = dataset.jurisdiction("MB")
    assert details.isVisible()
    assert manitoba.name.get("en") in details.text() and manitoba.summary.get("en") in details.text()
    win.controller.set_province("NS")
    qtbot.waitUntil(lambda: dataset.jurisdiction("NS").summary.get("en") in details.text())


# --- the Primes and Scenarios pages (issue 16) ------------------------------------------------
def test_register_columns_share_the_width() -> None:
    from advisor_gui.ui.register_table import fit_widths

    # room for every text on one line: the last column takes the rest
    assert fit_widths([100, 50, 80], [40, 50, 30], 300) == [100, 50, 150]
    # not enough: each column its longest word plus a share of the room in proportion to its want
    widths = fit_widths([200, 50, 300], [50, 50, 50], 300)
    assert sum(widths) == 300 and widths[1] == 50 and widths[0] < widths[2]
    assert all(w >= m for w, m in zip(widths, [50, 50, 50], strict=True))
    # not even the words: the free-text columns give up room down to their floor, then it scrolls
    assert fit_widths([200, 90, 300], [80, 90, 80], 220, [40, 90, 40]) == [65, 90, 65]
    assert fit_widths([200, 90, 300], [80, 90, 80], 100, [40, 90, 40]) == [40, 90, 40]


PRIMES = (
    ("PCL Constructors Canada Inc.", "ContractorCheck", "accepts_small", "platform_requirement",
     dt.date(2026, 9, 1), "Confirmed by the site safety manager for the Brampton job, by email to the office"),
    ("Metrolinx", "none", "cor_only", "contract_clause", dt.date(2026, 10, 15), "Clause 7.3 of the tender"),
    ("EllisDon", "Avetta", "unknown", "none", None, ""),
)


@pytest.mark.parametrize(("lang", "width"), [("en", 1366), ("fr", 1366), ("fr", 1280)])  # 1280: 1920 at 150 %
def test_at_1366x705_the_primes_register_fits_its_page(qtbot, dataset, tmp_path: Path, lang: str,
                                                       width: int) -> None:
    """No sideways scrolling: the columns share the page, the texts wrap (never
    inside a word of a choice or a date), each row as tall as its texts."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QStyleOptionViewItem

    from advisor_gui.domain.register import RegisterEntry
    from advisor_gui.ui import i18n
    from advisor_gui.ui.register_table import COL_NAME, COL_NOTE, PADDING, longest_word

    i18n.apply(lang)
    try:
        win = shown_window(qtbot, tmp_path, dataset, Answers(province="ON", workers=8, sector="construction"))
        win.controller.set_language(lang)
        win.resize(width, 705)
        qtbot.waitUntil(lambda: win.width() == width)
        win.apply_default_sizes()
        win.controller.set_register(tuple(RegisterEntry(*p) for p in PRIMES))
        win.provinces.tabs.setCurrentWidget(win.register_page)
        panel = win.register
        table, model = panel.table, panel.model
        # At 1280 (1920 at 150 %) in French the narrowest columns that cut no word are a few
        # pixels wider than the page: it scrolls a little rather than cut "Entrepreneur".
        fits = width >= 1366
        qtbot.waitUntil(lambda: table.isVisible() and (table.horizontalScrollBar().maximum() == 0 or not fits),
                        timeout=2000)
        qtbot.wait(20)  # the fit after the last resize
        widths = [table.columnWidth(c) for c in range(model.columnCount())]
        if fits:
            assert table.horizontalScrollBar().maximum() == 0
            assert sum(widths) <= table.viewport().width()
        else:
            assert table.horizontalScrollBar().maximum() <= 0.05 * table.viewport().width()
        metrics = table.fontMetrics()
        delegate = table.itemDelegate()
        for col in range(model.columnCount()):
            texts = [str(model.index(r, col).data()) for r in range(model.rowCount())]
            if col not in (COL_NAME, COL_NOTE):  # choices and dates wrap between words only
                assert widths[col] >= max(longest_word(metrics, t) for t in texts) + PADDING, (col, texts)
            for r in range(model.rowCount()):
                option = QStyleOptionViewItem()
                option.initFrom(table)
                option.rect = table.visualRect(model.index(r, col))
                option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
                assert delegate.sizeHint(option, model.index(r, col)).height() <= table.rowHeight(r)
        # the headers wrap inside a header tall enough for them
        header = table.horizontalHeader()
        for col in range(model.columnCount()):
            title = str(model.headerData(col, Qt.Orientation.Horizontal))
            needed = header.fontMetrics().boundingRect(QRect(0, 0, widths[col] - PADDING, 10_000),
                                                       Qt.TextFlag.TextWordWrap, title).height()
            assert needed <= header.height(), title
            assert widths[col] >= longest_word(header.fontMetrics(), title) + PADDING, title  # no word cut
        assert model.index(0, COL_NOTE).data(Qt.ItemDataRole.ToolTipRole)  # the whole note, however narrow
    finally:
        i18n.apply("en")


def test_at_1366x705_the_scenario_name_has_room_in_french(qtbot, dataset, tmp_path: Path) -> None:
    import dataclasses

    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QFont, QFontMetrics

    from advisor_gui.domain.register import Scenario
    from advisor_gui.ui import i18n

    i18n.apply("fr")
    try:
        today = Answers(province="ON", workers=8, sector="construction")
        win = shown_window(qtbot, tmp_path, dataset, today)
        win.controller.set_language("fr")
        win.resize(1366, 705)
        qtbot.waitUntil(lambda: win.width() == 1366)
        win.apply_default_sizes()
        win.controller.set_scenarios((
            Scenario(name="Après 6 embauches", answers=dataclasses.replace(today, workers=14)),
            Scenario(name="Remporte l'appel d'offres de Metrolinx",
                     answers=dataclasses.replace(today, public_sector_bids=True))))
        win.show_scenarios()
        panel = win.scenarios
        panel.select_column(1)
        qtbot.waitUntil(lambda: panel.name_edit.text() == "Après 6 embauches")
        qtbot.wait(20)
        edit = panel.name_edit
        assert edit.fontMetrics().horizontalAdvance(edit.text()) + 16 <= edit.width()
        assert edit.y() > panel.add_button.y()  # on a row of its own with Edit and Delete
        assert panel.edit_button.isVisible() and panel.delete_button.isVisible()
        assert panel.delete_button.geometry().right() <= panel.width()
        # the long name wraps in its heading, whole
        header = panel.table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)
        for col in (2, 3):
            name = str(panel.model.headerData(col, Qt.Orientation.Horizontal))
            needed = QFontMetrics(bold).boundingRect(QRect(0, 0, header.sectionSize(col) - 16, 10_000),
                                                     Qt.TextFlag.TextWordWrap, name).height()
            assert needed <= header.height() - 6, name
    finally:
        i18n.apply("en")
