"""The client's name and the consultant's notes: a collapsible section under
the interview. Both live on the controller and are saved in the client file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .. import settings as opt
from ..settings import Settings
from .controller import AdvisorController

NOTES_LINES = 5


class ClientNotesPanel(QWidget):
    def __init__(self, controller: AdvisorController, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientNotes")
        self._c = controller
        self._settings = settings

        self.toggle = QToolButton()
        self.toggle.setObjectName("notesToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.toggle.setAccessibleName(self.tr("Client and notes"))
        self.toggle.setAccessibleDescription(self.tr("Shows or hides the client name and the notes"))
        self.toggle.toggled.connect(self._set_expanded)

        self.client = QLineEdit()
        self.client.setObjectName("clientName")
        self.client.setPlaceholderText(self.tr("Company or person advised"))
        self.client.setAccessibleName(self.tr("Client name"))
        self.client.setClearButtonEnabled(True)
        self.client.textEdited.connect(controller.set_client_name)

        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notesEdit")
        self.notes.setPlaceholderText(self.tr("Notes for this client: what they told you, what to check next…"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        lines = self.notes.fontMetrics().lineSpacing() * NOTES_LINES
        self.notes.setFixedHeight(lines + 2 * self.notes.frameWidth() + 8)
        self.notes.textChanged.connect(self._notes_edited)

        self.body = QWidget()
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 2, 0, 0)
        form.setSpacing(4)
        client_label = QLabel(self.tr("&Client:"))
        client_label.setBuddy(self.client)
        notes_label = QLabel(self.tr("N&otes:"))
        notes_label.setBuddy(self.notes)
        form.addRow(client_label, self.client)
        form.addRow(notes_label, self.notes)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 0, 4, 8)
        layout.setSpacing(2)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)

        controller.clientChanged.connect(self._show_client)
        controller.notesChanged.connect(self._show_notes)
        self._show_client(controller.client_name)
        self._show_notes(controller.notes)
        expanded = bool(settings.get(opt.SHOW_NOTES))
        self.toggle.setChecked(expanded)
        self._set_expanded(expanded)

    def _set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self._settings.set(opt.SHOW_NOTES, expanded)
        self._update_toggle_text()

    def _update_toggle_text(self) -> None:
        name = self._c.client_name.strip()
        if self.toggle.isChecked() or not name:
            self.toggle.setText(self.tr("Client and notes"))
        else:
            self.toggle.setText(self.tr("Client and notes: {0}").format(name))

    def _show_client(self, name: str) -> None:
        if self.client.text() != name:
            self.client.setText(name)
        self._update_toggle_text()

    def _show_notes(self, notes: str) -> None:
        if self.notes.toPlainText() != notes:
            self.notes.setPlainText(notes)

    def _notes_edited(self) -> None:
        self._c.set_notes(self.notes.toPlainText())

    def expand_and_focus(self) -> None:
        self.toggle.setChecked(True)
        self.client.setFocus()
