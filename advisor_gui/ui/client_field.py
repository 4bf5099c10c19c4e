"""The client's name, above the recommendation: printed on the summary and
kept in the controller (so a client file can save it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from .controller import AdvisorController

if TYPE_CHECKING:
    pass

MAX_CLIENT_NAME = 200


class ClientNameField(QWidget):
    """A label and a line edit bound both ways to ``controller.client_name``."""

    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientNameField")
        self._c = controller
        self.edit = QLineEdit(controller.client_name)
        self.edit.setObjectName("clientName")
        self.edit.setMaxLength(MAX_CLIENT_NAME)
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("Printed on the summary"))
        self.edit.setAccessibleName(self.tr("Client name"))
        self.edit.setAccessibleDescription(self.tr("The client's name, printed on the recommendation summary"))
        label = QLabel(self.tr("C&lient name:"))
        label.setBuddy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        layout.setSpacing(6)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        self.edit.textEdited.connect(controller.set_client_name)
        controller.clientChanged.connect(self._show)

    def _show(self, name: str) -> None:
        if self.edit.text() != name:
            self.edit.setText(name)
