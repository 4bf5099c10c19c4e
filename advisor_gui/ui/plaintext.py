"""File-derived text shown as text: never markup, never a link, never a mnemonic.

Names, notes, file paths, error messages and every text of a rules dataset may
come from a file someone else wrote. Qt would interpret such text in several
places: a ``QLabel`` (AutoText, the default) or a tooltip renders it as HTML
as soon as ``Qt.mightBeRichText`` says it looks like markup (``<img src=…>``
makes Qt read local files, ``<a href>`` becomes clickable); a button, check
box, action or buddied label turns ``&`` into a keyboard mnemonic; a window
title drops ``[*]``. Each surface goes through one of the helpers here:

- :func:`plain_label` / :func:`make_plain` for labels (``Qt.PlainText``);
- :func:`html_text` where a surface is HTML (a card, a rich label): escaped,
  line breaks kept;
- :func:`tooltip` for every tooltip built from such text;
- :func:`no_mnemonic` for button, check box, action and buddy-label texts;
- :func:`window_title` for window titles;
- :func:`fit_max_length` for line edits: limits apply to typing, never to text read from a file.

Message boxes have their own helper, :mod:`.messages`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


def html_text(text: str) -> str:
    """``text`` as HTML that shows exactly ``text``: escaped (quotes too, so it
    is safe in an attribute), line breaks kept."""
    return "<br/>".join(escape(line) for line in text.split("\n"))


def tooltip(text: str) -> str:
    """A tooltip that shows ``text`` literally. Qt decides per tooltip whether
    it is rich text, so the text is always given as escaped rich text (wrapped
    like any rich tooltip, line breaks kept); empty stays empty (no tooltip)."""
    if not text:
        return ""
    return "<p style='white-space:pre-wrap'>" + escape(text) + "</p>"


def no_mnemonic(text: str) -> str:
    """``text`` for a button, check box, action or buddied label: ``&`` shown, not a shortcut."""
    return text.replace("&", "&&")


def without_mnemonic(text: str) -> str:
    """A label's text as read: the mnemonic marker gone, ``&&`` back to ``&`` (the inverse of :func:`no_mnemonic`)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def window_title(text: str) -> str:
    """``text`` inside a window title: a literal ``[*]`` stays (Qt treats it as the modified marker)."""
    return text.replace("[*]", "[*][*]")


def make_plain(label: QLabel) -> QLabel:
    """Show ``label``'s text as plain text, whatever it looks like."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` as plain text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def fit_max_length(edit: QLineEdit, text: str, limit: int) -> None:
    """Limit typing in ``edit`` to ``limit`` characters, but never below the
    length of ``text`` (read from a file): QLineEdit cuts text longer than its
    maxLength, so a long name from a file would lose its end on the next save.
    Call it before ``setText`` and again as the text is edited."""
    edit.setMaxLength(max(limit, len(text)))
