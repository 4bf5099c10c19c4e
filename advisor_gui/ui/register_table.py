"""The client's prime-contractor register in the window (issue 16).

A page beside the map, table and plan: one row per prime contractor or project
owner (name, platform, what it accepts, how and when that was confirmed, a
note), edited in place from the keyboard (F2 or typing; the choice columns as
lists), with Add and Remove. The register lives in the controller, which
derives the ``prime_contractor`` answer from it and saves it in the client
file; the interview shows the derived answer and says where it comes from.

:class:`RegisterModel` is tested without widgets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, get_args

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain import wording
from ..domain.register import Accepts, Confirmation, RegisterEntry, RegisterPlatform
from .controller import AdvisorController
from .i18n import Retranslates
from .plaintext import plain_label

COL_NAME, COL_PLATFORM, COL_ACCEPTS, COL_BY, COL_ON, COL_NOTE = range(6)
Index = QModelIndex | QPersistentModelIndex
PLATFORMS: tuple[str, ...] = get_args(RegisterPlatform)
ACCEPTS: tuple[str, ...] = get_args(Accepts)
CONFIRMATIONS: tuple[str, ...] = get_args(Confirmation)
ChoicesRole = Qt.ItemDataRole.UserRole + 1  # [(code, label)] for the choice columns
CodeRole = Qt.ItemDataRole.UserRole + 2


def choice_labels(column: int) -> list[tuple[str, str]]:
    """The codes of a choice column with their labels in the window's language."""
    if column == COL_PLATFORM:
        names = {"other": QCoreApplication.translate("RegisterModel", "Other"),
                 "none": QCoreApplication.translate("RegisterModel", "None")}
        return [(p, names.get(p, p)) for p in PLATFORMS]
    if column == COL_ACCEPTS:
        return [("cor_only", QCoreApplication.translate("RegisterModel", "COR only")),
                ("accepts_small", QCoreApplication.translate("RegisterModel", "Accepts SECOR / Small COR")),
                ("unknown", QCoreApplication.translate("RegisterModel", "Unknown"))]
    if column == COL_BY:
        return [("email", QCoreApplication.translate("RegisterModel", "Email")),
                ("contract_clause", QCoreApplication.translate("RegisterModel", "Contract clause")),
                ("platform_requirement", QCoreApplication.translate("RegisterModel", "Platform requirement")),
                ("phone", QCoreApplication.translate("RegisterModel", "Phone")),
                ("other", QCoreApplication.translate("RegisterModel", "Other")),
                ("none", QCoreApplication.translate("RegisterModel", "Not confirmed"))]
    return []


_FIELDS = {COL_NAME: "name", COL_PLATFORM: "platform", COL_ACCEPTS: "accepts", COL_BY: "confirmed_by",
           COL_ON: "confirmed_on", COL_NOTE: "note"}


class RegisterModel(QAbstractTableModel):
    """The controller's register as an editable table: every edit makes a new
    register and hands it to :meth:`AdvisorController.set_register`."""

    def __init__(self, controller: AdvisorController, parent: Any = None) -> None:
        super().__init__(parent)
        self._c = controller
        self._rows: tuple[RegisterEntry, ...] = controller.register
        self._lang = controller.language
        controller.registerChanged.connect(self._reload)
        controller.languageChanged.connect(self._language_changed)

    def _reload(self, entries: tuple[RegisterEntry, ...]) -> None:
        if entries == self._rows:
            return
        self.beginResetModel()
        self._rows = tuple(entries)
        self.endResetModel()

    def _language_changed(self, lang: str) -> None:
        self._lang = lang
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COL_NOTE))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COL_NOTE)

    def entry(self, row: int) -> RegisterEntry:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e, col = self._rows[index.row()], index.column()
        value = getattr(e, _FIELDS[col])
        if role == CodeRole:
            return value
        if role == ChoicesRole:
            return choice_labels(col)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col in (COL_PLATFORM, COL_ACCEPTS, COL_BY):
                return dict(choice_labels(col)).get(value, value)
            if col == COL_ON:
                return wording.date(value, self._lang) if value else "\u2014"
            return value
        if role == Qt.ItemDataRole.EditRole:
            if col == COL_ON:
                return value.isoformat() if value else ""
            return value
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_ON:
            return QCoreApplication.translate("RegisterModel", "Date as YYYY-MM-DD; empty when not confirmed")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """One cell changed; refused (False) when the value does not fit the column."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        col = index.column()
        if col == COL_NAME:
            value = str(value).strip()
            if not value:
                return False
        elif col in (COL_PLATFORM, COL_ACCEPTS, COL_BY):
            if value not in dict(choice_labels(col)):
                return False
        elif col == COL_ON:
            text = str(value or "").strip()
            try:
                value = dt.date.fromisoformat(text) if text else None
            except ValueError:
                return False
        else:
            value = str(value)
        rows = list(self._rows)
        rows[index.row()] = dataclasses.replace(rows[index.row()], **{_FIELDS[col]: value})
        self._commit(tuple(rows))
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (QCoreApplication.translate("RegisterModel", "Prime or owner"),
                    QCoreApplication.translate("RegisterModel", "Platform"),
                    QCoreApplication.translate("RegisterModel", "Accepts"),
                    QCoreApplication.translate("RegisterModel", "Confirmed by"),
                    QCoreApplication.translate("RegisterModel", "Confirmed on"),
                    QCoreApplication.translate("RegisterModel", "Note"))[section]
        return super().headerData(section, orientation, role)

    def _commit(self, rows: tuple[RegisterEntry, ...]) -> None:
        self._rows = rows
        self._c.set_register(rows)

    def add(self, name: str) -> int:
        """A new entry (what it accepts unknown, not confirmed); returns its row."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows = (*self._rows, RegisterEntry(name=name, platform="none", accepts="unknown",
                                                 confirmed_by="none", confirmed_on=None, note=""))
        self.endInsertRows()
        self._c.set_register(self._rows)
        return row

    def remove(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        self._rows = self._rows[:row] + self._rows[row + 1:]
        self.endRemoveRows()
        self._c.set_register(self._rows)


class _ChoiceDelegate(QStyledItemDelegate):
    """A list of the column's choices for the platform, accepts and confirmation columns."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        choices = index.data(ChoicesRole)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for code, label in choices:
            combo.addItem(label, code)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(CodeRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class RegisterPanel(Retranslates, QWidget):
    """The register's table with Add and Remove, and what it derives."""

    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("primeRegister")
        self._c = controller
        self.model = RegisterModel(controller, self)
        self.table = QTableView()
        self.table.setObjectName("registerTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(_ChoiceDelegate(self.table))
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self.derived = plain_label()
        self.derived.setObjectName("registerDerived")
        self.derived.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName("registerAdd")
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("registerRemove")
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 0, 4, 0)
        buttons.addWidget(self.derived, 1)
        buttons.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 2)
        layout.setSpacing(4)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        controller.registerChanged.connect(self._show_derived)
        controller.languageChanged.connect(self._show_derived)
        self.retranslate()

    def pane_title(self) -> str:
        return self.tr("Prime contractors and owners")


    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Prime-contractor register"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add a prime contractor or project owner, then type its name"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected prime contractor or owner"))
        self._show_derived()

    def _show_derived(self, *_: object) -> None:
        d = self._c.derived
        self.remove_button.setEnabled(self.model.rowCount() > 0)
        if d is None:
            self.derived.setText(self.tr("Empty: the interview's prime-contractor answer stands. "
                                         "Add the client's primes to derive it."))
            return
        self.derived.setText(derived_note(d, self._c.language))

    def add_entry(self) -> None:
        row = self.model.add(self.tr("New prime contractor"))
        index = self.model.index(row, COL_NAME)
        self.table.setCurrentIndex(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.edit(index)

    def remove_current(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.model.remove(current.row())


def derived_note(d: Any, lang: str) -> str:
    """"Derived from the register: COR required (Metrolinx)." in ``lang``."""
    w = wording.words(lang)
    return w["register_derived"].format(value=w[f"register_value_{d.prime_contractor}"], names=", ".join(d.driving))
