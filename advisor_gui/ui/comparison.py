"""COR vs the province's small-employer program across the article's seven
dimensions; the recommended column is highlighted and marked in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.models import Dataset
from ..domain.presentation import Comparison
from .cell_pictures import PictureTable
from .controller import AdvisorController
from .i18n import Retranslates
from .plaintext import make_plain, tooltip
from .scroll_bars import cache_scroll_bars
from .style import pane_title, quiet_note

HIGHLIGHT = QColor("#E3F1FB")
DIMMED = QColor("#6B6B6B")


COL_DIMENSION, COL_COR, COL_SMALL = range(3)


class ComparisonModel(QAbstractTableModel):
    """Rows: dimensions. Columns: the dimension, COR, the small-employer program.
    Shows a presentation's :class:`~advisor_gui.domain.presentation.Comparison`."""

    def __init__(self, comparison: Comparison, dimension: str = "Dimension", parent: Any = None) -> None:
        super().__init__(parent)
        self._cmp = comparison
        self._dimension = dimension

    @property
    def comparison(self) -> Comparison:
        return self._cmp

    def set_comparison(self, comparison: Comparison, dimension: str | None = None) -> tuple[int, ...]:
        """Show ``comparison``; signals only what changed. Returns the rows whose texts changed."""
        old = self._cmp
        if dimension is not None and dimension != self._dimension:
            self._dimension = dimension
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_DIMENSION, COL_DIMENSION)
        if len(comparison.rows) != len(old.rows):
            self.beginResetModel()
            self._cmp = comparison
            self.endResetModel()
            return tuple(range(len(comparison.rows)))
        self._cmp = comparison
        last = len(comparison.rows) - 1
        for col, (a, b) in enumerate(zip(old.columns, comparison.columns, strict=True), start=COL_COR):
            if a != b or (old.recommended == col - 1) != (comparison.recommended == col - 1):
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, col, col)
                if last >= 0:
                    self.dataChanged.emit(self.index(0, col), self.index(last, col))
        changed = tuple(i for i, (a, b) in enumerate(zip(old.rows, comparison.rows, strict=True)) if a != b)
        for row in changed:
            self.dataChanged.emit(self.index(row, COL_DIMENSION), self.index(row, COL_SMALL))
        return changed

    def small_code(self) -> str:
        return self._cmp.columns[1].code

    def recommended_column(self) -> int:
        return {0: COL_COR, 1: COL_SMALL}.get(self._cmp.recommended, -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cmp.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def column_status(self, col: int) -> str:
        return self._cmp.columns[col - COL_COR].status

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return None
        if section == COL_DIMENSION:
            return self._dimension if role == Qt.ItemDataRole.DisplayRole else None
        column = self._cmp.columns[section - COL_COR]
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "\u2605 " if column.recommended else ""
            return f"{mark}{column.label}\n{column.status}"
        if role == Qt.ItemDataRole.FontRole and column.recommended:
            return _bold()
        return None

    def cell_key(self, row: int, col: int) -> tuple[Any, ...]:
        """All that :meth:`data` gives for a cell, in every role (the table keeps its picture under it)."""
        if col == COL_DIMENSION:
            return (self._cmp.rows[row].label,)
        cells = self._cmp.rows[row]
        column = self._cmp.columns[col - COL_COR]
        return (cells.cor if col == COL_COR else cells.small, column.recommended, column.eligible)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._cmp.rows[index.row()]
        col = index.column()
        if col == COL_DIMENSION:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.label
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cor if col == COL_COR else row.small
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(row.cor if col == COL_COR else row.small)
        column = self._cmp.columns[col - COL_COR]
        if role == Qt.ItemDataRole.BackgroundRole and column.recommended:
            return HIGHLIGHT
        if role == Qt.ItemDataRole.ForegroundRole and not column.eligible:
            return DIMMED
        return None


_BOLD: list[QFont] = []


def _bold() -> QFont:
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


class ComparisonPane(Retranslates, QWidget):
    # The "Show all rows" button: True asks for the whole column (the map pane
    # shut), False gives the map its room back.
    expandRequested = Signal(bool)

    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonPane")
        self._c = controller
        self.title = title = pane_title(self.tr("COR compared with the small-employer program"))
        self.note = make_plain(QLabel())
        self.note.setObjectName("comparisonNote")
        quiet_note(self.note)
        self.note.setWordWrap(True)
        view = controller.presentation
        self.model = ComparisonModel(view.comparison, view.word("dimension"), self)
        self.table = PictureTable()
        cache_scroll_bars(self.table)
        self.table.setObjectName("comparisonTable")
        self.table.setAccessibleName(self.tr("Comparison of COR and the small-employer program"))
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap)
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_DIMENSION, QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._labels: tuple[str, ...] = ()  # the dimension labels the columns were fitted for
        # Measuring wrapped text for every row is the costly part: do it once per
        # event-loop turn, however many resizes and changes that turn brought.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_columns)
        # Any column width change (a scroll bar coming or going, too) rewraps the cells.
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._fit_timer.start())
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 8, 8)
        layout.setSpacing(4)
        self.expand = QToolButton()
        self.expand.setObjectName("comparisonExpand")
        self.expand.setCheckable(True)
        self.expand.setAutoRaise(True)
        self.expand.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.expand.hide()  # shown when some rows are out of sight (see _show_expand)
        self.expand.toggled.connect(self._expand_toggled)
        title.setWordWrap(True)  # a narrow pane wraps its title rather than widening the window
        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(title, 1)
        heading.addWidget(self.expand)
        layout.addLayout(heading)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        controller.viewsDue.connect(self.show_recommendation)
        controller.datasetChanged.connect(self._dataset_changed)
        self._show_note(view.comparison)
        self._labels = tuple(r.label for r in view.comparison.rows)
        self._retranslate_expand()
        self._fit_timer.start()

    def _retranslate_expand(self) -> None:
        rows = self.model.rowCount()
        self.expand.setText(self.tr("Show the &Map") if self.expand.isChecked()
                            else self.tr("Show All %n &Rows", "", rows))
        self.expand.setToolTip(self.tr("Give the map its room back") if self.expand.isChecked()
                               else self.tr("Close the map pane so that every row of the comparison shows"))

    def _expand_toggled(self, checked: bool) -> None:
        self._retranslate_expand()
        self.expandRequested.emit(checked)
        self._show_expand()

    def _show_expand(self) -> None:
        """The button shows while rows are out of sight, or while the map is shut for them."""
        needed = self.expand.isChecked() or self.table.verticalScrollBar().maximum() > 0
        if needed != self.expand.isVisibleTo(self):
            self.expand.setVisible(needed)

    def full_height(self) -> int:
        """The height that shows every row without scrolling (at the current width)."""
        layout = self._layout
        margins = layout.contentsMargins()
        frame = 2 * self.table.frameWidth()
        table = self.table.horizontalHeader().height() + self.table.verticalHeader().length() + frame
        note = self.note.heightForWidth(self.width()) + layout.spacing() if self.note.isVisibleTo(self) else 0
        title = max(self.title.sizeHint().height(), self.expand.sizeHint().height())
        return margins.top() + title + layout.spacing() + note + table + margins.bottom()

    def fit_now(self) -> None:
        """Size the columns and rows for the current width at once (not on the next turn)."""
        self._fit_timer.stop()
        self._fit_columns()

    def retranslate(self) -> None:
        """The pane's own words (the content follows the controller's language)."""
        self.title.setText(self.tr("COR compared with the small-employer program"))
        self.table.setAccessibleName(self.tr("Comparison of COR and the small-employer program"))
        self._retranslate_expand()

    def show_recommendation(self, _rec: object = None) -> None:
        view = self._c.presentation
        comparison = view.comparison
        if comparison is self.model.comparison:
            return
        changed = self.model.set_comparison(comparison, view.word("dimension"))
        self._show_note(comparison)
        if not changed:
            return
        labels = tuple(r.label for r in comparison.rows)
        if labels != self._labels:  # the dimension column fits its labels
            self._labels = labels
            self._fit_timer.start()
        else:  # re-wrap only the rows whose texts changed
            for row in changed:
                self.table.resizeRowToContents(row)

    def _show_note(self, comparison: Comparison) -> None:
        """The province's note, the explanation that replaces the rows where it
        has no small-employer program, and what the general-guidance mark means."""
        explanation = comparison.explanation.text if comparison.explanation is not None else ""
        text = "\n".join(t for t in (comparison.note, explanation, comparison.general_note) if t)
        if text != self.note.text():
            self.note.setText(text)
            self.note.setVisible(bool(text))
        if self.table.isHidden() != (not comparison.rows):
            self.table.setVisible(bool(comparison.rows))

    def _dataset_changed(self, _dataset: Dataset) -> None:
        self._labels = ()  # new texts: size the rows again
        self.show_recommendation()

    def _fit_columns(self) -> None:
        """The dimension column: as wide as its longest label, at most a fifth of the table (labels wrap)."""
        metrics = self.table.fontMetrics()
        longest = max((metrics.horizontalAdvance(r.label) for r in self.model.comparison.rows), default=0) + 24
        # contentsRect, not viewport(): wrapping the returned QWidget makes PySide
        # initialise dozens of widget classes (≈ 8 ms) on the start-up path.
        self.table.setColumnWidth(COL_DIMENSION, min(longest, max(90, self.table.contentsRect().width() // 5)))
        self.table.resizeRowsToContents()
        self._show_expand()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()  # once the size settles: splitters send several resizes
