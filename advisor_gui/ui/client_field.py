"""The client's name, above the recommendation: printed on the summary and
kept in the controller (so a client file can save it).

The length limit applies to typing only: a longer name read from a client file
is shown and saved whole (the field never cuts what a file holds), and a
counter appears as the name nears or passes the limit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from .controller import AdvisorController
from .i18n import Retranslates
from .plaintext import fit_max_length
from .style import name_clear_button

MAX_CLIENT_NAME = 200
COUNTER_FROM = MAX_CLIENT_NAME - 40  # the counter shows from here on


class ClientNameField(Retranslates, QWidget):
    """A label and a line edit bound both ways to ``controller.client_name``."""

    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientNameField")
        self._c = controller
        self.edit = QLineEdit()
        self.edit.setObjectName("clientName")
        fit_max_length(self.edit, controller.client_name, MAX_CLIENT_NAME)
        self.edit.setText(controller.client_name)
        self.edit.setClearButtonEnabled(True)
        self.label = label = QLabel()
        label.setBuddy(self.edit)
        self.counter = QLabel()
        self.counter.setObjectName("clientNameCounter")
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 2)
        layout.setSpacing(6)
        layout.addWidget(label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.counter)
        self.retranslate()
        self.edit.textEdited.connect(self._edited)
        self.edit.textChanged.connect(self._count)
        controller.clientChanged.connect(self._show)

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Printed on the summary"))
        self.edit.setAccessibleName(self.tr("Client name"))
        self.edit.setAccessibleDescription(self.tr("The client's name, printed on the recommendation summary"))
        self.label.setText(self.tr("C&lient name:"))
        name_clear_button(self.edit)
        self._count(self.edit.text())

    def _edited(self, text: str) -> None:
        # A long name from a file may be shortened, never lengthened past the limit again.
        fit_max_length(self.edit, text, MAX_CLIENT_NAME)
        self._c.set_client_name(text)

    def _show(self, name: str) -> None:
        if self.edit.text() != name:
            fit_max_length(self.edit, name, MAX_CLIENT_NAME)
            self.edit.setText(name)

    def _count(self, text: str) -> None:
        """"173 / 200" once the name nears the limit; hidden below that."""
        n = len(text)
        if n < COUNTER_FROM:
            if self.counter.isVisibleTo(self):
                self.counter.hide()
            return
        self.counter.setText(self.tr("{0} / {1}").format(n, MAX_CLIENT_NAME))
        self.counter.setToolTip(
            self.tr("Names typed here are limited to {0} characters; a longer name read from a file is kept "
                    "whole.").format(MAX_CLIENT_NAME) if n > MAX_CLIENT_NAME
            else self.tr("Names typed here are limited to {0} characters.").format(MAX_CLIENT_NAME))
        self.counter.show()
