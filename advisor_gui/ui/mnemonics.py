"""Keyboard mnemonics (Alt+letter) for texts the app does not write itself.

A buddied label's mnemonic is a window-wide shortcut: two with the same letter
are ambiguous and neither works, and a letter the menu bar uses is lost to the
menu. The interview's prompts come from the rules file, in either language, so
their letters are chosen when the prompts are shown: word-initial letters
first, never one the rest of the window already uses (:func:`taken_mnemonics`).
"""

from __future__ import annotations

import string

from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QTabBar, QWidget

_LETTERS = set(string.ascii_lowercase)


def mnemonic_of(text: str) -> str:
    """The mnemonic letter of a Qt text (``"Save &As…"`` → ``"a"``); "" when it has none."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return ""


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with ``&`` before the first free letter (a word's first letter
    if one is free), other ``&`` shown as such; the letter is added to ``taken``.
    Only the letters a to z qualify (Alt+é is not on every keyboard)."""
    starts = [i for i, ch in enumerate(text) if (i == 0 or not text[i - 1].isalnum())]
    candidates = starts + [i for i in range(len(text)) if i not in starts]
    for i in candidates:
        letter = text[i].lower()
        if letter in _LETTERS and letter not in taken:
            taken.add(letter)
            return text[:i].replace("&", "&&") + "&" + text[i:].replace("&", "&&")
    return text.replace("&", "&&")


def taken_mnemonics(window: QWidget, skip: QWidget | None = None) -> set[str]:
    """The mnemonic letters in use in ``window`` outside ``skip``: the menu bar's,
    the tabs', buddied labels' and buttons'."""
    taken: set[str] = set()
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            taken.add(mnemonic_of(action.text()))
    for bar in window.findChildren(QTabBar):
        if skip is None or not skip.isAncestorOf(bar):
            taken.update(mnemonic_of(bar.tabText(i)) for i in range(bar.count()))
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and (skip is None or not skip.isAncestorOf(label)):
            taken.add(mnemonic_of(label.text()))
    for button in window.findChildren(QAbstractButton):
        if skip is None or not skip.isAncestorOf(button):
            taken.add(mnemonic_of(button.text()))
    taken.discard("")
    return taken
