"""The consultant's notes: a collapsible section under the interview. They live
on the controller and are saved in the client file (the client's name has its
own field above the recommendation)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import settings as opt
from ..settings import Settings
from .controller import AdvisorController
from .i18n import Retranslates
from .plaintext import no_mnemonic
from .style import section_toggle

NOTES_LINES = 5


class ClientNotesPanel(Retranslates, QWidget):
    def __init__(self, controller: AdvisorController, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientNotes")
        self._c = controller
        self._settings = settings

        self.toggle = QToolButton()
        self.toggle.setObjectName("notesToggle")
        self.toggle.setAutoRaise(True)
        section_toggle(self.toggle)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.toggle.toggled.connect(self._set_expanded)

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notesEdit")
        self.notes.setTabChangesFocus(True)
        lines = self.notes.fontMetrics().lineSpacing() * NOTES_LINES
        self.notes.setFixedHeight(lines + 2 * self.notes.frameWidth() + 8)
        self.notes.textChanged.connect(self._notes_edited)

        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 2, 0, 0)
        body_layout.addWidget(self.notes)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 0, 4, 8)
        layout.setSpacing(2)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)

        self.retranslate()
        controller.notesChanged.connect(self._show_notes)
        self._show_notes(controller.notes)
        expanded = bool(settings.get(opt.SHOW_NOTES))
        self.toggle.setChecked(expanded)
        self._set_expanded(expanded)

    def retranslate(self) -> None:
        self.toggle.setAccessibleName(self.tr("Notes"))
        self.toggle.setAccessibleDescription(self.tr("Shows or hides the notes for this client"))
        self.notes.setPlaceholderText(self.tr("Notes for this client: what they told you, what to check next…"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self._update_toggle_text()

    def _set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self._settings.set(opt.SHOW_NOTES, expanded)
        self._update_toggle_text()

    def _update_toggle_text(self) -> None:
        first = next((line.strip() for line in self._c.notes.splitlines() if line.strip()), "")
        if self.toggle.isChecked() or not first:
            self.toggle.setText(self.tr("Notes"))
        else:
            shown = self.toggle.fontMetrics().elidedText(first, Qt.TextElideMode.ElideRight, 220)
            self.toggle.setText(self.tr("Notes: {0}").format(no_mnemonic(shown)))

    def _show_notes(self, notes: str) -> None:
        if self.notes.toPlainText() != notes:
            self.notes.setPlainText(notes)
        self._update_toggle_text()

    def _notes_edited(self) -> None:
        self._c.set_notes(self.notes.toPlainText())
