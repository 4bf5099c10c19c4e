"""The 13 jurisdictions as a table model: tested without widgets, shared by the
table view and its sort/filter proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ..domain.models import Dataset, Jurisdiction
from ..domain.offer import offer_category
from ..domain.presentation import partner_name
from .plaintext import tooltip

COL_CODE, COL_NAME, COL_COR, COL_SMALL, COL_LIMIT, COL_PARTNERS, COL_SUMMARY = range(7)
CodeRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
CategoryRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    """``text``, marked with QT_TRANSLATE_NOOP("ProvinceTableModel", …) where it is written, translated."""
    return QCoreApplication.translate("ProvinceTableModel", text)


def cor_from_text(j: Jurisdiction) -> str:
    if not j.participates or j.cor_min_workers is None:
        return QCoreApplication.translate("ProvinceTableModel", "Not offered")
    if j.cor_min_workers <= 1:
        return QCoreApplication.translate("ProvinceTableModel", "All sizes")
    return QCoreApplication.translate("ProvinceTableModel", "{0}+ workers").format(j.cor_min_workers)


def small_limit_text(j: Jurisdiction) -> str:
    if j.small_program is None:
        return "\u2014"
    if j.small_max_workers is None:
        return QCoreApplication.translate("ProvinceTableModel", "All sizes")
    return QCoreApplication.translate("ProvinceTableModel", "Up to {0}").format(j.small_max_workers)


def describe_offer(ds: Dataset, j: Jurisdiction, lang: str = "en") -> str:
    """One plain sentence on what the jurisdiction offers (tooltips, legend)."""
    if not j.participates:
        return QCoreApplication.translate("ProvinceTableModel", "Does not take part in COR")
    if j.small_program is None:
        return QCoreApplication.translate("ProvinceTableModel", "COR at all sizes; no small-employer program")
    label = ds.program(j.small_program).short.get(lang)
    if j.small_max_workers is None:
        return QCoreApplication.translate("ProvinceTableModel", "COR and {0} at all sizes").format(label)
    return QCoreApplication.translate("ProvinceTableModel", "COR from {0} workers; {1} up to {2}").format(
        j.cor_min_workers, label, j.small_max_workers)


class ProvinceTableModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("ProvinceTableModel", "Code"),
               QT_TRANSLATE_NOOP("ProvinceTableModel", "Jurisdiction"),
               "COR",
               QT_TRANSLATE_NOOP("ProvinceTableModel", "Small-employer program"),
               QT_TRANSLATE_NOOP("ProvinceTableModel", "Small limit"),
               QT_TRANSLATE_NOOP("ProvinceTableModel", "Certifying partners"),
               QT_TRANSLATE_NOOP("ProvinceTableModel", "Summary"))

    def __init__(self, dataset: Dataset, parent: Any = None, lang: str = "en") -> None:
        super().__init__(parent)
        self._ds = dataset
        self._lang = lang
        self._rows = list(dataset.jurisdictions)

    def set_language(self, lang: str) -> None:
        """The rules file's texts (names, program labels, summaries) in ``lang``."""
        if lang != self._lang:
            self._lang = lang
            last = len(self._rows) - 1
            if last >= 0:
                self.dataChanged.emit(self.index(0, 0), self.index(last, self.columnCount() - 1))

    def retranslate(self) -> None:
        """The translators changed: headers and cells say it again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.HEADERS) - 1))

    def set_dataset(self, dataset: Dataset) -> None:
        self.beginResetModel()
        self._ds = dataset
        self._rows = list(dataset.jurisdictions)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(str(self.HEADERS[section]))
        return None

    def row_of(self, code: str) -> int:
        for i, j in enumerate(self._rows):
            if j.code == code:
                return i
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        j = self._rows[index.row()]
        col = index.column()
        if role == CodeRole:
            return j.code
        if role == CategoryRole:
            return offer_category(j)
        if role == SortRole:
            return self._sort_key(j, col)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(j, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_SUMMARY:
                return tooltip(j.summary.get(self._lang))
            if col == COL_PARTNERS:
                return tooltip("\n".join(f"{p.acronym} \u2014 {partner_name(p, self._lang)}"
                                         for p in j.partners)) or None
            return tooltip(describe_offer(self._ds, j, self._lang))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_CODE, COL_COR, COL_LIMIT):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, j: Jurisdiction, col: int) -> str:
        if col == COL_CODE:
            return j.code
        if col == COL_NAME:
            return j.name.get(self._lang)
        if col == COL_COR:
            return cor_from_text(j)
        if col == COL_SMALL:
            if j.small_program:
                return self._ds.program(j.small_program).short.get(self._lang)
            return QCoreApplication.translate("ProvinceTableModel", "None")
        if col == COL_LIMIT:
            return small_limit_text(j)
        if col == COL_PARTNERS:
            return ", ".join(p.acronym for p in j.partners) or "\u2014"
        return j.summary.get(self._lang)

    def _sort_key(self, j: Jurisdiction, col: int) -> Any:
        if col == COL_COR:
            return j.cor_min_workers if j.cor_min_workers is not None else 10**6
        if col == COL_LIMIT:
            return j.small_max_workers if j.small_max_workers is not None else (10**5 if j.small_program else -1)
        if col == COL_PARTNERS:
            return len(j.partners)
        return self._text(j, col).lower()


class ProvinceFilterProxy(QSortFilterProxyModel):
    """Sorts by SortRole and filters on any column's text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
