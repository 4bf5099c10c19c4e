"""Message boxes that never interpret what they show.

Every box the app shows may carry file-derived text: a file name, a client's
name, a rules file's text, an error quoting a bad value. Qt would render such
text as HTML when it merely looks like markup (``<img src=…>`` makes Qt read
local files; a link becomes clickable), so every box is built here, with both
of its labels set to plain text. The one exception is Help ▸ About
(:mod:`.about`), rich text by design for its licence link, built only from
escaped text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import APP_NAME

Icon = QMessageBox.Icon
Button = QMessageBox.StandardButton

# Room for a path or a reason without wrapping every few words.
_WIDE = "QLabel#qt_msgbox_informativelabel { min-width: 400px; }"


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, text: str, informative: str = "",
                buttons: QMessageBox.StandardButton = Button.Ok, *, title: str = APP_NAME,
                detail: str = "", name: str = "") -> QMessageBox:
    """A box whose text, informative text and details are shown as plain text.

    ``name`` becomes the object name (tests find boxes by it). The caller shows
    it (``exec()`` or ``open()``)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # the main and the informative label alike
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
        box.setStyleSheet(_WIDE)
    if detail:
        box.setDetailedText(detail)  # always plain in Qt
    if name:
        box.setObjectName(name)
    return box


def tell(parent: QWidget | None, icon: QMessageBox.Icon, text: str, informative: str = "", *,
         title: str = APP_NAME, name: str = "") -> None:
    """Show a plain-text box with an OK button and wait for it."""
    message_box(parent, icon, text, informative, title=title, name=name).exec()
