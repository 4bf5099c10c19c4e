"""Preferences: the window's language, who prepares the summary (consultant,
firm, phone, email, logo) and the paper it is printed on. Remembered in the
settings file."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import settings as opt
from ..settings import Settings
from .plaintext import fit_max_length
from .style import name_clear_button

LOGO_PREVIEW = (160, 48)

# Light checks: catch a slip of the keyboard, never refuse a real number or address.
PHONE = re.compile(r"^\+?[0-9 ().\-/]*[0-9][0-9 ().\-/]*(?:\s*(?:ext\.?|x|poste|p\.)\s*[0-9]+)?$", re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def phone_ok(text: str) -> bool:
    """Empty, or digits (at least 7) with the usual separators and an optional extension."""
    text = text.strip()
    return not text or (PHONE.match(text) is not None and sum(ch.isdigit() for ch in text) >= 7)


def email_ok(text: str) -> bool:
    """Empty, or something@somewhere.tld."""
    text = text.strip()
    return not text or EMAIL.match(text) is not None


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings

        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.setAccessibleName(self.tr("Language of the window"))
        self.language.addItem(self.tr("Follow the system"), "")
        self.language.addItem("English", "en")  # each language in its own name
        self.language.addItem("Français", "fr")
        index = self.language.findData(str(settings.get(opt.LANGUAGE)))
        self.language.setCurrentIndex(max(index, 0))
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        language_row = QFormLayout()
        language_row.addRow(language_label, self.language)
        window_box = QGroupBox(self.tr("Window"))
        window_box.setLayout(language_row)

        intro = QLabel(self.tr("These details appear on every printed or exported summary."))
        intro.setWordWrap(True)

        self.consultant = self._field(opt.CONSULTANT, "consultantName", self.tr("Consultant name"))
        self.firm = self._field(opt.FIRM, "firmName", self.tr("Firm"))
        self.phone = self._field(opt.PHONE, "consultantPhone", self.tr("Phone"), 40,
                                 self.tr("For example +1 780 555 0142"))
        self.email = self._field(opt.EMAIL, "consultantEmail", self.tr("Email"), 200,
                                 self.tr("For example name@firm.ca"))
        self.problem = QLabel()
        self.problem.setObjectName("preferencesProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #8A1C1C;")
        self.problem.hide()

        self.logo = QLineEdit(str(settings.get(opt.FIRM_LOGO)))
        self.logo.setObjectName("firmLogo")
        self.logo.setAccessibleName(self.tr("Firm logo file"))
        self.logo.setPlaceholderText(self.tr("No logo"))
        self.logo.setClearButtonEnabled(True)
        name_clear_button(self.logo)
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAccessibleName(self.tr("Choose a logo file"))
        browse.clicked.connect(self._browse)
        logo_row = QHBoxLayout()
        logo_row.setContentsMargins(0, 0, 0, 0)
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setMinimumHeight(LOGO_PREVIEW[1])
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.logo.textChanged.connect(self._show_logo)

        self.page_size = QComboBox()
        self.page_size.setObjectName("pageSize")
        self.page_size.setAccessibleName(self.tr("Page size"))
        self.page_size.addItem(self.tr("Letter (8.5 × 11 in)"), "letter")
        self.page_size.addItem(self.tr("A4 (210 × 297 mm)"), "a4")
        index = self.page_size.findData(str(settings.get(opt.PAGE_SIZE)).lower())
        self.page_size.setCurrentIndex(max(index, 0))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, buddy, field in ((self.tr("&Consultant name:"), self.consultant, self.consultant),
                                   (self.tr("&Firm:"), self.firm, self.firm),
                                   (self.tr("P&hone:"), self.phone, self.phone),
                                   (self.tr("&Email:"), self.email, self.email),
                                   ("", None, self.problem),
                                   (self.tr("Firm &logo:"), self.logo, logo_row),
                                   ("", None, self.logo_preview),
                                   (self.tr("&Page size:"), self.page_size, self.page_size)):
            label = QLabel(text)
            if buddy is not None:
                label.setBuddy(buddy)
            form.addRow(label, field)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        summary_box = QGroupBox(self.tr("Printed summary"))
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.addWidget(intro)
        summary_layout.addLayout(form)

        layout = QVBoxLayout(self)
        layout.addWidget(window_box)
        layout.addWidget(summary_box)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self._show_logo(self.logo.text())

    def _field(self, option: opt.Option, name: str, accessible: str, limit: int = 200,
               placeholder: str = "") -> QLineEdit:
        """A line edit showing ``option``'s value as plain text. The limit applies
        to typing: a longer value already in the settings is shown whole."""
        value = str(self._settings.get(option))
        edit = QLineEdit()
        fit_max_length(edit, value, limit)
        edit.setText(value)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _browse(self) -> None:
        formats = " ".join(f"*.{bytes(f.data()).decode()}" for f in QImageReader.supportedImageFormats())
        start = self.logo.text() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the firm's logo"), start,
                                              self.tr("Images ({0})").format(formats))
        if path:
            self.logo.setText(path)

    def _show_logo(self, path: str) -> None:
        if not path.strip():
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("No logo: the summary is printed without one."))
            return
        pixmap = QPixmap(path)
        if pixmap.isNull():
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("This file cannot be read as an image; the summary is printed "
                                              "without a logo."))
            self.logo_preview.setWordWrap(True)
            return
        self.logo_preview.setText("")
        self.logo_preview.setPixmap(pixmap.scaled(*LOGO_PREVIEW, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation))

    def problems(self) -> list[tuple[QLineEdit, str]]:
        """The fields that do not look right, each with what to fix."""
        out = []
        if not phone_ok(self.phone.text()):
            out.append((self.phone, self.tr("The phone number should have at least 7 digits (spaces, +, -, "
                                            "brackets and an extension such as \"ext. 12\" are fine).")))
        if not email_ok(self.email.text()):
            out.append((self.email, self.tr("The email address should look like name@firm.ca.")))
        return out

    def accept(self) -> None:
        problems = self.problems()
        if problems:  # say what to fix, where; keep the dialog open
            self.problem.setText("\n".join(text for _, text in problems))
            self.problem.show()
            problems[0][0].setFocus(Qt.FocusReason.OtherFocusReason)
            problems[0][0].selectAll()
            return
        s = self._settings
        s.set(opt.CONSULTANT, self.consultant.text().strip())
        s.set(opt.FIRM, self.firm.text().strip())
        s.set(opt.PHONE, " ".join(self.phone.text().split()))
        s.set(opt.EMAIL, self.email.text().strip())
        s.set(opt.FIRM_LOGO, self.logo.text().strip())
        s.set(opt.PAGE_SIZE, str(self.page_size.currentData()))
        s.set(opt.LANGUAGE, str(self.language.currentData()))
        s.sync()
        super().accept()
