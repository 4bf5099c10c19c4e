"""COR vs the province's small-employer program across the article's seven
dimensions; the recommended column is highlighted and marked in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ..domain.engine import Recommendation
from ..domain.models import Dataset
from .controller import AdvisorController
from .plaintext import make_plain, tooltip
from .style import pane_title, quiet_note

HIGHLIGHT = QColor("#E3F1FB")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComparisonModel", text)


COL_DIMENSION, COL_COR, COL_SMALL = range(3)


class ComparisonModel(QAbstractTableModel):
    """Rows: dimensions. Columns: the dimension, COR, the small-employer program."""

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
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_COR, COL_SMALL)
        self.dataChanged.emit(self.index(0, COL_COR), self.index(self.rowCount() - 1, COL_SMALL))

    def small_code(self) -> str:
        return self._ds.jurisdiction(self._rec.province).small_program or "SECOR"

    def recommended_column(self) -> int:
        if self._rec.program == "COR":
            return COL_COR
        if self._rec.program in ("SECOR", "SMALL_COR"):
            return COL_SMALL
        return -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ds.comparison)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def column_status(self, col: int) -> str:
        code = "COR" if col == COL_COR else self.small_code()
        if col == self.recommended_column():
            return _tr("recommended")
        if code in self._rec.eligible:
            return _tr("eligible")
        j = self._ds.jurisdiction(self._rec.province)
        if col == COL_SMALL and j.participates and j.small_program is None:
            return _tr("not offered here")
        if not j.participates:
            return _tr("not offered here")
        if col == COL_SMALL and j.small_max_workers is not None:
            return _tr("not eligible: over {0} workers").format(j.small_max_workers)
        return _tr("not eligible")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return None
        if section == COL_DIMENSION:
            return _tr("Dimension") if role == Qt.ItemDataRole.DisplayRole else None
        code = "COR" if section == COL_COR else self.small_code()
        name = self._ds.program(code).short.en
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "\u2605 " if section == self.recommended_column() else ""
            return f"{mark}{name}\n{self.column_status(section)}"
        if role == Qt.ItemDataRole.FontRole and section == self.recommended_column():
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        dim = self._ds.comparison[index.row()]
        if index.column() == COL_DIMENSION:
            if role == Qt.ItemDataRole.DisplayRole:
                return dim.label.en
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        text = dim.cor if index.column() == COL_COR else dim.small
        if role == Qt.ItemDataRole.DisplayRole:
            return text.en
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(text.en)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == self.recommended_column():
            return HIGHLIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self.column_status(index.column()).startswith(
            (_tr("not eligible"), _tr("not offered here"))
        ):
            return QColor("#6B6B6B")
        return None


class ComparisonPane(QWidget):
    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonPane")
        self._c = controller
        self.title = title = pane_title(self.tr("COR compared with the small-employer program"))
        self.note = make_plain(QLabel())
        self.note.setObjectName("comparisonNote")
        quiet_note(self.note)
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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_DIMENSION, QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._shown_for: tuple[str, str] | None = None  # (province, small program) the rows were sized for
        # Measuring wrapped text for every row is the costly part: do it once per
        # event-loop turn, however many resizes and changes that turn brought.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_columns)
        # Any column width change (a scroll bar coming or going, too) rewraps the cells.
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_timer.start())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        controller.viewsDue.connect(self.show_recommendation)
        controller.datasetChanged.connect(self._dataset_changed)
        self.show_recommendation(controller.recommendation)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:  # the pane's own words; the content follows the controller
            self.title.setText(self.tr("COR compared with the small-employer program"))
            self.table.setAccessibleName(self.tr("Comparison of COR and the small-employer program"))
        super().changeEvent(event)

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
        shown_for = (rec.province, self.model.small_code())
        if shown_for != self._shown_for:  # the texts change only with the province
            self._shown_for = shown_for
            self._fit_timer.start()

    def _dataset_changed(self, dataset: Dataset) -> None:
        self.model.set_dataset(dataset)
        self._shown_for = None  # new texts: size the rows again

    def _fit_columns(self) -> None:
        """The dimension column: as wide as its longest label, at most a quarter of the table."""
        metrics = self.table.fontMetrics()
        longest = max(metrics.horizontalAdvance(d.label.en) for d in self._c.dataset.comparison) + 24
        # contentsRect, not viewport(): wrapping the returned QWidget makes PySide
        # initialise dozens of widget classes (≈ 8 ms) on the start-up path.
        self.table.setColumnWidth(COL_DIMENSION, min(longest, max(90, self.table.contentsRect().width() // 4)))
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()  # once the size settles: splitters send several resizes
