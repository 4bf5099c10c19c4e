"""The menu bar as declared: every menu, every entry in order, every shortcut,
mnemonics unique within a menu, and the same menus before and after the
features behind them (client files, printing, rules updates) have loaded."""

from __future__ import annotations

import re
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
        ("Export Au&dit Calendar…", None), ("Summary &Language", None), SEP,
        ("&Import Rules…", None), ("Revert to &Bundled Rules…", None), SEP,
        ("&Close", "Ctrl+W"), ("&Quit", K.Quit),
    ],
    "&Edit": [("&Undo", K.Undo), ("&Redo", K.Redo), SEP, ("&Copy Recommendation", "Ctrl+Shift+C"), SEP,
              ("Pre&ferences…", K.Preferences)],
    "&View": [
        ("Province &Map", "Ctrl+1"), ("Province &Table", "Ctrl+2"), ("&Comparison Pane", "Ctrl+3"),
        ("Client &Plan", "Ctrl+4"), ("Sce&narios", "Ctrl+5"), ("P&rime Contractors", "Ctrl+6"), SEP,
        ("Go to &Interview", "Ctrl+I"), SEP, ("Text &Size", None),
    ],
    "Text &Size": [("&Larger", "Ctrl+="), ("&Smaller", "Ctrl+-"), SEP, ("&Reset", "Ctrl+0")],
    "&Help": [("&User Guide", "F1"), ("&Keyboard Shortcuts", None), SEP,
              ("COR and SECOR &Explained", "Shift+F1"), ("About the &Rules…", None),
              ("&About COR/SECOR Advisor", None)],
}


def also() -> dict[str, list[object]]:
    """Every shortcut an action answers to, where there is more than the one the menu shows
    (the platform's bindings are known once the application exists)."""
    redo = QKeySequence(K.Redo).toString()
    return {"actionTextLarger": ["Ctrl+=", "Ctrl++"], "actionUndo": [K.Undo],
            "actionRedo": [redo, *(k for k in ("Ctrl+Shift+Z", "Ctrl+Y") if k != redo)]}


@pytest.fixture()
def window(qtbot, tmp_path: Path, dataset) -> MainWindow:
    win = MainWindow(AdvisorController(dataset, Answers(province="AB", workers=5)),
                     Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    return win


def menus(win: MainWindow) -> dict[str, list[object]]:
    """Each menu and each declared submenu (by title): its entries and shortcuts."""
    found: dict[str, list[object]] = {}

    def walk(title: str, menu: QMenu) -> None:
        found[title] = [SEP if a.isSeparator() else (a.text(), a.shortcut()) for a in menu.actions()]
        for a in menu.actions():
            sub = a.menu()
            if isinstance(sub, QMenu) and sub.objectName() == "textSizeMenu":
                walk(a.text(), sub)

    for top in win.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        walk(top.text(), menu)
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
    for name, keys in also().items():
        action = window.findChild(QAction, name)
        assert [k.toString() for k in action.shortcuts()] == [QKeySequence(k).toString() for k in keys], name


def mnemonics(win: MainWindow) -> dict[str, list[str]]:
    """The mnemonic letter of every entry of every menu and submenu (the menu bar's too), as shown now."""
    found: dict[str, list[str]] = {}

    def letter(text: str) -> str:
        marked = re.search(r"&([^&])", text.replace("&&", ""))
        assert marked, f"no mnemonic: {text!r}"
        return marked.group(1).lower()

    def walk(title: str, menu: QMenu) -> None:
        menu.aboutToShow.emit()  # Open Recent and the like are filled as they open
        # Every entry but a greyed-out placeholder ("No recent files") has a letter.
        entries = [a for a in menu.actions() if not a.isSeparator() and (a.isEnabled() or "&" in a.text())]
        found[title] = [letter(a.text()) for a in entries]
        for a in entries:
            if isinstance(a.menu(), QMenu):
                walk(f"{title} > {a.text()}", a.menu())

    tops = list(win.menuBar().actions())
    found["menu bar"] = [letter(a.text()) for a in tops]
    for top in tops:
        walk(top.text(), top.menu())
    return found


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_mnemonics_are_unique_in_each_menu_in_both_languages(qtbot, window: MainWindow, lang: str) -> None:
    from advisor_gui.ui import i18n

    window.show()
    qtbot.waitUntil(lambda: window.started)
    i18n.apply(lang)
    qtbot.waitUntil(lambda: window.file_menu.title() == ("&Fichier" if lang == "fr" else "&File"))
    window.controller.set_answer("workers", 7)  # Undo names the question: still one letter, unique
    window.act_undo.trigger()
    found = mnemonics(window)
    assert len(found) >= 8
    for title, letters in found.items():
        assert len(letters) == len(set(letters)), f"{lang} {title}: {letters}"


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
