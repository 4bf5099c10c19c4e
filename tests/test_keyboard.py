"""The window without a mouse: Tab and Shift+Tab go round every pane and come
back (no trap), F6 / Shift+F6 move between panes, the focus always shows,
Ctrl+F reaches the table's filter, every question has its own Alt+letter, and
the controls are named as they are labelled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QLineEdit, QToolButton, QWidget

from advisor_gui.domain.models import Answers
from advisor_gui.ui.main_window import MainWindow
from advisor_gui.ui.mnemonics import mnemonic_of, taken_mnemonics, with_mnemonic

from .conftest import shown_window

pytestmark = pytest.mark.gui

CONSTRUCTION = Answers(province="AB", workers=6, sector="construction")


@pytest.fixture
def window(qtbot, dataset, tmp_path: Path) -> MainWindow:
    win = shown_window(qtbot, tmp_path, dataset, CONSTRUCTION)
    win.resize(1366, 705)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    win.interview.focus_first()
    return win


def _walk(win: MainWindow, key: Qt.Key, limit: int = 400) -> list[QWidget]:
    """Press ``key`` until the focus is back where it started; the widgets visited."""
    first = QApplication.focusWidget()
    assert first is not None
    visited = [first]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), key)
        now = QApplication.focusWidget()
        if now is first:
            return visited
        visited.append(now)
    raise AssertionError(f"{key.name} never came back: stuck in {visited[-1].objectName() or visited[-1]!r}")


def _panes_of(win: MainWindow, visited: list[QWidget]) -> list[str]:
    names = []
    for widget in visited:
        pane = win.pane_of(widget)
        name = pane.objectName() if pane is not None else ""
        if name and (not names or names[-1] != name):
            names.append(name)
    return names


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Backtab])
def test_tab_visits_every_pane_and_comes_back(window: MainWindow, key: Qt.Key) -> None:
    visited = _walk(window, key)
    panes = set(_panes_of(window, visited))
    assert {"interview", "cardBox", "comparisonPane"} <= panes
    assert window.card in visited and window.comparison.table in visited and window.provinces.map in visited


def test_tab_leaves_the_province_table_too(window: MainWindow, qtbot) -> None:
    window.provinces.tabs.setCurrentIndex(1)
    window.provinces.table.setFocus()
    qtbot.waitUntil(lambda: window.provinces.table.hasFocus())
    QTest.keyClick(window.provinces.table, Qt.Key.Key_Tab)
    assert not window.provinces.table.hasFocus()
    assert not window.provinces.table.tabKeyNavigation() and not window.comparison.table.tabKeyNavigation()


@pytest.mark.parametrize("page", ["plan_page", "register_page", "scenarios_page"])
def test_tab_from_the_tab_bar_enters_a_page_built_late(window: MainWindow, qtbot, page: str) -> None:
    """The Plan, Primes and Scenarios pages are built when first shown: their
    controls come right after the tab bar, not after every other pane."""
    shown = getattr(window, page)
    window.provinces.tabs.setCurrentWidget(shown)
    bar = window.provinces.tabs.tabBar()
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    QTest.keyClick(bar, Qt.Key.Key_Tab)
    assert shown.isAncestorOf(QApplication.focusWidget()), QApplication.focusWidget().objectName()


def test_f6_cycles_the_panes_both_ways(window: MainWindow) -> None:
    order = []
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        order.append(window.pane_of(QApplication.focusWidget()))
    assert order == [window.card_box, window.provinces.tabs.currentWidget(), window.comparison, window.interview]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.pane_of(QApplication.focusWidget()) is window.comparison


def test_the_focus_always_shows(window: MainWindow, qtbot) -> None:
    ring = window.focus_ring
    assert ring.target() is window.interview.editor("province"), "after Go to Interview the focus shows at once"
    for widget in (window.card, window.provinces.map, window.comparison.table, window.client_field.edit,
                   window.interview.editor("multi_site")):
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda w=widget: ring.target() is w)
        shown = ring.ring()
        assert shown is not None and shown.isVisible()
        # Around or on the widget, never elsewhere.
        top_left = shown.mapTo(window, shown.rect().topLeft())
        widget_at = widget.mapTo(window, widget.rect().topLeft())
        assert abs(top_left.x() - widget_at.x()) <= 3 and abs(top_left.y() - widget_at.y()) <= 3


def test_ctrl_f_goes_to_the_table_filter(window: MainWindow, qtbot) -> None:
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.provinces.filter.hasFocus())
    assert window.provinces.tabs.currentIndex() == 1


def test_with_mnemonic_picks_free_word_initials() -> None:
    taken = {"f", "e"}
    assert with_mnemonic("Does the firm bid?", taken) == "&Does the firm bid?"
    assert with_mnemonic("Does R&D count?", taken) == "Does &R&&D count?"
    assert with_mnemonic("Does", taken) == "D&oes"
    assert taken == {"f", "e", "d", "r", "o"}
    assert mnemonic_of("Save &As…") == "a" and mnemonic_of("R&&D") == "" and mnemonic_of("Plain") == ""


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_question_has_its_own_mnemonic(qtbot, dataset, tmp_path: Path, lang: str) -> None:
    from advisor_gui.ui import i18n

    i18n.apply(lang)
    win = shown_window(qtbot, tmp_path, dataset, CONSTRUCTION)
    win.controller.set_language(lang)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.waitUntil(lambda: win.interview.prompt("province").text().count("&") >= 1)
    letters = [mnemonic_of(win.interview.prompt(q).text()) for q in win.interview.question_ids()]
    assert all(letters), dict(zip(win.interview.question_ids(), letters, strict=True))
    elsewhere = taken_mnemonics(win, skip=win.interview)
    assert len(set(letters)) == len(letters), "unique within the interview"
    assert not set(letters) & elsewhere, "none the menus, tabs or other labels use"
    for q in win.interview.question_ids():
        prompt = win.interview.prompt(q)
        assert prompt.buddy() is not None
    # Alt+letter reaches the question.
    key = getattr(Qt.Key, f"Key_{letters[1].upper()}")
    QTest.keyClick(win, key, Qt.KeyboardModifier.AltModifier)
    assert win.interview.prompt(win.interview.question_ids()[1]).buddy().hasFocus()


# --- names ------------------------------------------------------------------------------
def test_clear_buttons_are_named(window: MainWindow) -> None:
    window.provinces.tabs.setCurrentIndex(1)
    for edit in (window.client_field.edit, window.provinces.filter):
        buttons = edit.findChildren(QToolButton)
        assert buttons and all(b.accessibleName() == "Clear" for b in buttons)
        assert all(b.accessibleDescription() == edit.accessibleName() for b in buttons)


def test_province_boxes_are_named_with_their_visible_code(window: MainWindow) -> None:
    boxes = [b for b in window.interview.editor("other_provinces").findChildren(QCheckBox)
             if b.objectName() != "noneOfThese"]  # "None of these" answers with no province (issue 14)
    assert len(boxes) == 13
    for box in boxes:
        assert box.accessibleName().startswith(box.text().replace("&&", "&") + " \u2014 ")


def test_prequalification_boxes_are_read_with_their_question(window: MainWindow) -> None:
    grid = window.interview.editor("prequal_platforms")
    question = window.interview.prompt("prequal_platforms").text().replace("&", "")
    assert grid.accessibleName().replace("&", "") == question
    for box in grid.findChildren(QCheckBox):
        assert box.accessibleDescription().replace("&", "") == question


def test_no_line_edit_is_left_unnamed(window: MainWindow) -> None:
    window.provinces.tabs.setCurrentIndex(1)
    for edit in window.findChildren(QLineEdit):
        owner = edit.parentWidget()
        if edit.isVisible() and owner is not None and not owner.inherits("QAbstractSpinBox") \
                and not owner.inherits("QComboBox"):
            assert edit.accessibleName(), edit.objectName()
    labels = [label for label in window.findChildren(QLabel) if label.buddy() is not None]
    assert labels
