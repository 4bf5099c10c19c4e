"""The menu bar as declared: every menu, every entry in order, every shortcut,
mnemonics unique within a menu, and the same menus before and after the
features behind them (client files, printing, rules updates) have loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from advisor_gui.domain.models import Answers
from advisor_gui.settings import Settings
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

K = QKeySequence.StandardKey
SEP = "---"

EXPECTED = {
    "&File": [
        ("&New", K.New), ("&Open…", K.Open), ("Open &Recent", None), SEP,
        ("&Save", K.Save), ("Save &As…", K.SaveAs), SEP,
        ("Print Pre&view…", "Ctrl+Shift+P"), ("&Print…", K.Print), ("&Export PDF…", "Ctrl+E"),
        ("Summary &Language", None), SEP,
        ("&Import Rules…", None), ("Revert to &Bundled Rules…", None), SEP,
        ("&Quit", K.Quit),
    ],
    "&Edit": [("Pre&ferences…", K.Preferences)],
    "&View": [
        ("Province &Map", "Ctrl+1"), ("Province &Table", "Ctrl+2"), ("&Comparison Pane", "Ctrl+3"), SEP,
        ("Go to &Interview", "Ctrl+I"),
    ],
    "&Help": [("COR and SECOR &Explained", K.HelpContents), ("About the &Rules…", None),
              ("&About COR/SECOR Advisor", None)],
}


@pytest.fixture()
def window(qtbot, tmp_path: Path, dataset) -> MainWindow:
    win = MainWindow(AdvisorController(dataset, Answers(province="AB", workers=5)),
                     Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    return win


def menus(win: MainWindow) -> dict[str, list[object]]:
    found: dict[str, list[object]] = {}
    for top in win.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        found[top.text()] = [SEP if a.isSeparator() else (a.text(), a.shortcut()) for a in menu.actions()]
    return found


def expected() -> dict[str, list[object]]:
    def key(k: object) -> QKeySequence:
        if k == K.Preferences and QKeySequence(K.Preferences).isEmpty():
            return QKeySequence("Ctrl+,")  # the platform has none: the app's own
        return QKeySequence(k) if k is not None else QKeySequence()  # type: ignore[arg-type]

    return {title: [SEP if e == SEP else (e[0], key(e[1])) for e in entries] for title, entries in EXPECTED.items()}


def test_menus_entries_and_shortcuts_in_order(qtbot, window: MainWindow) -> None:
    assert menus(window) == expected()
    window.show()
    qtbot.waitUntil(lambda: window.started)  # client files built after the first paint: nothing moves
    assert menus(window) == expected()


def test_mnemonics_are_unique_in_each_menu(window: MainWindow) -> None:
    for title, entries in EXPECTED.items():
        letters = [text[text.index("&") + 1].lower() for text, _ in (e for e in entries if e != SEP)]
        assert len(letters) == len(set(letters)), f"{title}: {letters}"
    tops = [t[t.index("&") + 1].lower() for t in EXPECTED]
    assert len(tops) == len(set(tops))


def test_every_shortcut_is_unique(window: MainWindow) -> None:
    keys = [a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(keys) == len(set(keys)), keys


def test_actions_reach_their_features_when_triggered(qtbot, window: MainWindow, monkeypatch) -> None:
    """Each feature loads on first use: a triggered action builds it and calls it."""
    from advisor_gui.ui.printing import SummaryPrinting

    called: list[str] = []
    monkeypatch.setattr(SummaryPrinting, "export_pdf", lambda self: called.append("export"))
    monkeypatch.setattr(SummaryPrinting, "show_preferences", lambda self: called.append("prefs"))
    window.act_export_pdf.trigger()
    window.act_preferences.trigger()
    assert called == ["export", "prefs"]
    window.file_menu.aboutToShow.emit()
    assert not window.act_revert_rules.isEnabled()  # nothing installed
    assert window.act_print.text().startswith("&Print…")
