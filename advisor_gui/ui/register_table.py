"""The client's prime-contractor register in the window (issue 16).

A page beside the map, table and plan: one row per prime contractor or project
owner (name, platform, what it accepts, how and when that was confirmed, a
note), edited in place from the keyboard (F2 or typing; the choice columns as
lists), with Add and Remove. Its columns fit the page's width (:func:`fit_widths`):
as wide as their texts when there is room, else each narrowed towards its longest
word, the texts and headers wrapped (the name and note whole in a tooltip too).
The register lives in the controller, which derives the ``prime_contractor``
answer from it and saves it in the client file; the interview shows the derived
answer and says where it comes from.

:class:`RegisterModel` is tested without widgets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, get_args

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFontMetrics
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
from .plaintext import plain_label, tooltip

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
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_NAME, COL_NOTE) and value:
            return tooltip(value)  # whole, whatever the column's width; a file's text, never markup
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


def fit_widths(natural: list[int], minimum: list[int], available: int,
               floor: list[int] | None = None) -> list[int]:
    """Column widths for ``available`` pixels: ``natural`` (each column's text on
    one line) when they fit, the last column taking what is left; else each
    column ``minimum`` (its longest word) plus a share of the room left in
    proportion to how much more it would like. When even the minimums do not
    fit, the columns with a lower ``floor`` (free text, which may wrap inside a
    word) give up room down to it; below the floors, the table scrolls."""
    natural = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    if sum(natural) <= available:
        return [*natural[:-1], natural[-1] + available - sum(natural)]
    room = available - sum(minimum)
    if room < 0:
        return list(minimum) if floor is None else fit_widths(minimum, [min(f, m) for f, m in zip(
            floor, minimum, strict=True)], available)
    wants = [n - m for n, m in zip(natural, minimum, strict=True)]
    widths = [m + room * w // sum(wants) for m, w in zip(minimum, wants, strict=True)]
    widths[-1] += available - sum(widths)  # the rounding, to the last column
    return widths


PADDING = 12  # a cell's (or header's) margins and focus frame, either side together


def longest_word(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(w) for w in text.split()), default=0)


class _ChoiceDelegate(QStyledItemDelegate):
    """A list of the column's choices for the platform, accepts and confirmation
    columns; rows a little taller than their (wrapped) text, so lines never touch the grid."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 6)

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
        # Columns fit the page (fit_columns): texts and headers wrap, rows grow to hold them.
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                   | Qt.TextFlag.TextWordWrap)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.dataChanged, self.model.headerDataChanged):
            signal.connect(self._fit_timer.start)
        self.table.installEventFilter(self)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange,
                                                      QEvent.Type.Show):
            self._fit_timer.start()  # once the size settles: splitters send several resizes
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """The columns across the table's width (:func:`fit_widths`), from the
        texts shown now: each as wide as its header and cells on one line when
        there is room, else narrowed towards its longest word (at most about 14
        characters for the name and note, which may wrap anywhere, down to about
        6 when nothing else gives); the header as tall as its most wrapped title."""
        self._fit_timer.stop()
        table, model = self.table, self.model
        cells, words = table.fontMetrics(), table.horizontalHeader().fontMetrics()
        cap = cells.averageCharWidth() * 14
        natural, minimum, floor = [], [], []
        for col in range(model.columnCount()):
            title = str(model.headerData(col, Qt.Orientation.Horizontal))
            texts = [str(model.index(r, col).data() or "") for r in range(model.rowCount())]
            natural.append(max([words.horizontalAdvance(title), *(cells.horizontalAdvance(t) for t in texts)])
                           + PADDING)
            word = max([longest_word(cells, t) for t in texts] or [0])
            free_text = col in (COL_NAME, COL_NOTE)  # the user's words, any length: capped
            minimum.append(max(longest_word(words, title), min(word, cap) if free_text else word) + PADDING)
            # Never narrower than the header's longest word ("Entrepreneur" in French at 150 %).
            floor.append(max(cells.averageCharWidth() * 6, longest_word(words, title)) + PADDING if free_text
                         else minimum[-1])
        available = table.contentsRect().width() - 2 * table.frameWidth()
        bar = table.verticalScrollBar()
        if bar.isVisible():
            available -= bar.width()
        widths = fit_widths(natural, minimum, available, floor)
        for col, width in enumerate(widths):
            table.setColumnWidth(col, width)
        lines = max(words.boundingRect(QRect(0, 0, max(1, w - PADDING), 10_000), Qt.TextFlag.TextWordWrap,
                                       str(model.headerData(c, Qt.Orientation.Horizontal))).height()
                    for c, w in enumerate(widths))
        table.horizontalHeader().setFixedHeight(lines + 10)
        table.resizeRowsToContents()


    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Prime-contractor register"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Add a prime contractor or project owner, then type its name"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected prime contractor or owner"))
        self._show_derived()
        self._fit_timer.start()

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
