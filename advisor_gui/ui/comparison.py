"""COR vs the province's small-employer program across the article's seven
dimensions; the recommended column is highlighted and marked in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..domain.engine import Recommendation
from ..domain.models import Dataset
from .controller import AdvisorController

HIGHLIGHT = QColor("#E3F1FB")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComparisonModel", text)


class ComparisonModel(QAbstractTableModel):
    """Rows: dimensions. Columns: COR, then the small-employer program."""

    def __init__(self, dataset: Dataset, rec: Recommendation, parent: Any = None) -> None:
        super().__init__(parent)
        self._ds = dataset
        self._rec = rec

    def set_dataset(self, dataset: Dataset) -> None:
        self.beginResetModel()
        self._ds = dataset
        self.endResetModel()

    def set_recommendation(self, rec: Recommendation) -> None:
        self._rec = rec
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 1))

    def small_code(self) -> str:
        return self._ds.jurisdiction(self._rec.province).small_program or "SECOR"

    def recommended_column(self) -> int:
        if self._rec.program == "COR":
            return 0
        if self._rec.program in ("SECOR", "SMALL_COR"):
            return 1
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ds.comparison)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def column_status(self, col: int) -> str:
        code = "COR" if col == 0 else self.small_code()
        if col == self.recommended_column():
            return _tr("recommended")
        if code in self._rec.eligible:
            return _tr("eligible")
        j = self._ds.jurisdiction(self._rec.province)
        if col == 1 and j.participates and j.small_program is None:
            return _tr("not offered here")
        return _tr("not eligible") if j.participates else _tr("not offered here")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._ds.comparison[section].label.en
            return None
        code = "COR" if section == 0 else self.small_code()
        name = self._ds.program(code).short.en
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "\u2605 " if section == self.recommended_column() else ""
            return f"{mark}{name} \u2014 {self.column_status(section)}"
        if role == Qt.ItemDataRole.FontRole and section == self.recommended_column():
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        dim = self._ds.comparison[index.row()]
        text = dim.cor if index.column() == 0 else dim.small
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text.en
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == self.recommended_column():
            return HIGHLIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self.column_status(index.column()) in (
            _tr("not eligible"), _tr("not offered here")
        ):
            return QColor("#6B6B6B")
        return None


class ComparisonPane(QWidget):
    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonPane")
        self._c = controller
        title = QLabel(self.tr("COR compared with the small-employer program"))
        title.setObjectName("paneTitle")
        self.note = QLabel()
        self.note.setObjectName("comparisonNote")
        self.note.setWordWrap(True)
        self.model = ComparisonModel(controller.dataset, controller.recommendation, self)
        self.table = QTableView()
        self.table.setObjectName("comparisonTable")
        self.table.setAccessibleName(self.tr("Comparison of COR and the small-employer program"))
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        controller.recommendationChanged.connect(self.show_recommendation)
        controller.datasetChanged.connect(self.model.set_dataset)
        self.show_recommendation(controller.recommendation)

    def show_recommendation(self, rec: Recommendation) -> None:
        self.model.set_recommendation(rec)
        ds = self._c.dataset
        j = ds.jurisdiction(rec.province)
        if not j.participates:
            text = self.tr("{0} does not take part in COR; both columns are shown for reference.").format(j.name.en)
        elif j.small_program is None:
            text = self.tr("{0} has no small-employer program: COR applies at every size. "
                           "The SECOR column shows what other provinces offer.").format(j.name.en)
        elif j.small_program == "SMALL_COR":
            text = self.tr("British Columbia's small-employer program is called Small COR.")
        else:
            text = ""
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self.table.resizeRowsToContents()
