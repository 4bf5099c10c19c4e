"""Map and table of the jurisdictions, kept in step with the interview."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.models import Dataset
from ..domain.offer import CATEGORIES
from .controller import AdvisorController
from .i18n import Retranslates
from .province_details import ProvinceDetails
from .province_map import LegendSwatch, ProvinceMap
from .province_model import (
    COL_NAME,
    COL_PARTNERS,
    COL_SUMMARY,
    CodeRole,
    ProvinceFilterProxy,
    ProvinceTableModel,
)
from .style import name_clear_button, pane_title, quiet_note

LEGEND_TEXT = {
    "cor_secor": "COR + SECOR",
    "cor_small_cor": "COR + Small COR",
    "all_sizes": QT_TRANSLATE_NOOP("ProvinceView", "COR + SECOR, all sizes"),
    "cor_only": QT_TRANSLATE_NOOP("ProvinceView", "COR only"),
    "not_participating": QT_TRANSLATE_NOOP("ProvinceView", "Not participating"),
}


def legend(parent: ProvinceView) -> QWidget:
    """The map's key; its labels are re-texted by :meth:`ProvinceView.retranslate`."""
    box = QWidget(parent)
    box.setObjectName("legend")
    grid = QGridLayout(box)
    grid.setContentsMargins(4, 0, 4, 0)
    grid.setHorizontalSpacing(6)
    grid.setVerticalSpacing(2)
    per_row = 3
    for i, category in enumerate(CATEGORIES):
        cell = QHBoxLayout()
        cell.setSpacing(4)
        cell.addWidget(LegendSwatch(category))  # named by ProvinceView.retranslate
        label = QLabel()  # texted by ProvinceView.retranslate
        label.setObjectName("legendLabel")
        label.setProperty("category", category)
        label.setWordWrap(True)  # a narrow map pane wraps the key rather than widening the window
        quiet_note(label, italic=False)
        cell.addWidget(label)
        cell.addStretch(1)
        grid.addLayout(cell, i // per_row, i % per_row)
    return box


class _TableParts:
    """The table page's model, filter and view."""

    def __init__(self, view: ProvinceView) -> None:
        controller = view._c
        self.model = ProvinceTableModel(controller.dataset, view, controller.language)
        self.proxy = ProvinceFilterProxy(view)
        self.proxy.setSourceModel(self.model)
        self.table = table = QTableView()
        table.setObjectName("provinceTable")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap); arrows move in it
        # One line a row; the summary is not a column, too long for one: the selected
        # jurisdiction's summary reads whole in the details under the table, so
        # reading it never scrolls the code and name out of sight (the filter
        # still searches it).
        table.setWordWrap(False)
        table.setColumnHidden(COL_SUMMARY, True)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().lineSpacing() + 8)  # compact rows
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        # Columns are fitted once, when the table is first shown (measuring all
        # 13 x 7 cells on every change would cost each answer).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(table.fontMetrics().averageCharWidth() * 6)
        self.columns_fitted = False
        table.selectionModel().currentRowChanged.connect(view._table_row_changed)

        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)

        # Every cited fact of the selected jurisdiction, under the table (issue 14).
        self.details = ProvinceDetails(controller)
        table.selectionModel().currentRowChanged.connect(lambda *_: self.show_details())
        self.proxy.dataChanged.connect(lambda *_: self.show_details())
        self.proxy.modelReset.connect(self.show_details)
        self.retranslate()

    def fit_columns(self) -> None:
        """Each column as wide as its content, the name and partners at most a short
        line (cut short, whole in the details), headers wrapped to their longest
        word; the partners the rest."""
        self.columns_fitted = True
        table = self.table
        header = table.horizontalHeader()
        char = table.fontMetrics().averageCharWidth()
        caps = {COL_NAME: char * 18, COL_PARTNERS: char * 12}
        words = header.fontMetrics()
        for col in range(COL_SUMMARY):
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            longest_word = max((words.horizontalAdvance(w) for w in title.split()), default=0) + 24  # + sort arrow
            content = table.sizeHintForColumn(col)
            table.setColumnWidth(col, max(longest_word, min(content, caps.get(col, content))))
        lines = max(str(self.model.headerData(c, Qt.Orientation.Horizontal)).count(" ") for c in range(COL_SUMMARY))
        header.setFixedHeight(words.lineSpacing() * min(2, lines + 1) + 10)

    def show_details(self) -> None:
        """The selected jurisdiction in full: name, summary, certifying partners."""
        current = self.table.selectionModel().currentIndex()
        if not current.isValid():
            self.details.show_jurisdiction("", "")
            return
        row = current.row()

        def cell(col: int) -> str:
            return str(self.proxy.index(row, col).data() or "")

        text = QCoreApplication.translate("ProvinceView", "{0} ({1})\n{2}\nCertifying partners: {3}")
        self.details.show_jurisdiction(cell(0), text.format(cell(COL_NAME), cell(0), cell(COL_SUMMARY),
                                                            cell(COL_PARTNERS)))

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.table.setAccessibleName(translate("ProvinceView", "Jurisdictions table"))
        self.filter.setPlaceholderText(translate("ProvinceView", "Filter jurisdictions, programs, partners…"))
        self.filter.setAccessibleName(translate("ProvinceView", "Filter the jurisdictions table"))
        name_clear_button(self.filter)
        self.model.retranslate()


class _FactsLabel(QLabel):
    """The selected jurisdiction's facts, as tall as the longest of them needs at
    the current width: choosing another province never resizes the map above it
    (a resize redraws the whole map, and relays out the pane, on every change)."""

    def __init__(self, source: ProvinceMap) -> None:
        super().__init__()
        self._source = source
        self._heights: dict[tuple[int, str], int] = {}
        self._hints: dict[tuple[str, str, bool], QSize] = {}
        self._texts: dict[str, str] = {}  # by jurisdiction code ("": none chosen)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def texts_changed(self) -> None:
        """The facts' wording changed (the dataset or the language): measure again."""
        self._heights.clear()
        self._hints.clear()
        self._texts.clear()
        self.updateGeometry()

    def text_for(self, code: str) -> str:
        """The facts of ``code`` (worded once per language and rules: choosing a
        province is on the answer path)."""
        text = self._texts.get(code)
        if text is None:
            text = self._texts[code] = self._source.facts_text(code)
        return text

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        key = (inner, self.font().key())
        if key not in self._heights:
            metrics = self.fontMetrics()
            flags = Qt.TextFlag.TextWordWrap.value | Qt.AlignmentFlag.AlignLeft.value
            texts = (self.text_for(code) for code in ("", *self._source.codes()))
            self._heights[key] = max(metrics.boundingRect(0, 0, inner, 10_000, flags, text).height()
                                     for text in texts)
        return self._heights[key] + margins.top() + margins.bottom()

    def _label_hint(self, minimum: bool) -> QSize:
        """QLabel's own hint for the text shown (it wraps the text several times to
        find a width, ≈ 0.5 ms): kept per text and font, as the texts come back."""
        key = (self.text(), self.font().key(), minimum)
        hint = self._hints.get(key)
        if hint is None:
            hint = self._hints[key] = super().minimumSizeHint() if minimum else super().sizeHint()
        return hint

    def sizeHint(self) -> QSize:
        hint = self._label_hint(False)
        return QSize(hint.width(), max(hint.height(), self.heightForWidth(self.width() or hint.width())))

    def minimumSizeHint(self) -> QSize:
        hint = self._label_hint(True)
        return QSize(hint.width(), self.heightForWidth(self.width() or hint.width()))


class ProvinceView(Retranslates, QWidget):
    """Tabs: Map | Table. Selecting anywhere sets the interview's province."""

    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceView")
        self._c = controller
        self._syncing = False

        self.map = ProvinceMap(controller.dataset)
        self.map.set_language(controller.language)
        self.map.provinceClicked.connect(controller.set_province)
        map_page = QWidget()
        map_layout = QVBoxLayout(map_page)
        map_layout.setContentsMargins(0, 4, 0, 2)
        map_layout.setSpacing(2)
        map_layout.addWidget(self.map, 1)
        self.legend = legend(self)
        map_layout.addWidget(self.legend)
        # The selected jurisdiction's facts as text, not only in the hover tooltip.
        self.facts = _FactsLabel(self.map)
        self.facts.setObjectName("provinceFacts")
        self.facts.setContentsMargins(4, 2, 4, 0)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        map_layout.addWidget(self.facts)

        # The table page is built when first shown (most sessions never open it).
        self._table_page = QWidget()
        self._table_layout = QVBoxLayout(self._table_page)
        self._table_layout.setContentsMargins(0, 4, 0, 0)
        self._table: _TableParts | None = None

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(map_page, "")
        self.tabs.addTab(self._table_page, "")
        self.tabs.currentChanged.connect(self._tab_shown)

        self.title = title = pane_title("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        controller.provinceChanged.connect(self.select)
        controller.answeredChanged.connect(lambda _keys: self.select(controller.answers.province))
        controller.datasetChanged.connect(self._dataset_changed)
        controller.languageChanged.connect(self._language_changed)
        self.map.set_language(controller.language)
        self.retranslate()
        self.select(controller.answers.province)

    # --- language ------------------------------------------------------------------
    def retranslate(self) -> None:
        """Titles, tabs, the legend and the table's words in the current language."""
        self._show_title()
        self.tabs.setTabText(0, self.tr("&Map"))
        self.tabs.setTabText(1, self.tr("&Table"))
        self.tabs.setAccessibleName(self.tr("Provinces and territories"))
        for label in self.legend.findChildren(QLabel, "legendLabel"):
            label.setText(self.tr(str(LEGEND_TEXT[label.property("category")])))
        for swatch in self.legend.findChildren(LegendSwatch):
            swatch.setAccessibleName(swatch.describe(self.tr(str(LEGEND_TEXT[swatch.category]))))
        self.facts.texts_changed()  # worded with the translator just installed
        self._show_facts()
        self.legend.setAccessibleName(self.tr("Map legend"))
        if self._table is not None:
            self._table.retranslate()

    # --- the table page, built on first use ----------------------------------------
    def _parts(self) -> _TableParts:
        if self._table is None:
            self._table = _TableParts(self)
            self._table_layout.addWidget(self._table.filter)
            self._table_layout.addWidget(self._table.table, 2)
            self._table_layout.addWidget(self._table.details, 1)  # scrolls: every fact of the province
            # Tab order as if built with the map: map, filter, table, then what followed.
            QWidget.setTabOrder(self.map, self._table.filter)
            QWidget.setTabOrder(self._table.filter, self._table.table)
            self.select(self._c.answers.province)
        return self._table

    @property
    def model(self) -> ProvinceTableModel:
        return self._parts().model

    @property
    def proxy(self) -> ProvinceFilterProxy:
        return self._parts().proxy

    @property
    def table(self) -> QTableView:
        return self._parts().table

    @property
    def filter(self) -> QLineEdit:
        return self._parts().filter

    def _dataset_changed(self, dataset: Dataset) -> None:
        self.map.set_dataset(dataset)
        self.facts.texts_changed()
        self._show_facts()
        if self._table is not None:
            self._table.model.set_dataset(dataset)
        self.select(self._c.answers.province)

    def _show_facts(self) -> None:
        self.facts.setText(self.facts.text_for(self.map.selected()))

    def _language_changed(self, lang: str) -> None:
        self.map.set_language(lang)
        self.facts.texts_changed()
        self._show_facts()
        if self._table is not None:
            self._table.model.set_language(lang)
            if self._table.columns_fitted:
                self._table.fit_columns()

    def _show_title(self) -> None:
        """The pane's heading; a page added beside the map and table (the client's
        plan) names itself through its ``pane_title()``."""
        page = self.tabs.currentWidget()
        named = getattr(page, "pane_title", None)
        self.title.setText(named() if callable(named) else self.tr("Provinces and territories"))

    def _tab_shown(self, index: int) -> None:
        self._show_title()
        if self.tabs.widget(index) is self._table_page:
            parts = self._parts()
            if not parts.columns_fitted:  # fitted once, when first seen
                parts.fit_columns()

    def select(self, code: str) -> None:
        """Show ``code`` as selected on the map and in the table."""
        self._syncing = True
        try:
            # Not answered yet: the map shows no province that could pass for an answer.
            self.map.set_selected(code if self._c.is_answered("province") else "")
            self._show_facts()
            parts = self._table
            if parts is None:
                return  # the table takes the selection when it is built
            proxy_index = parts.proxy.mapFromSource(parts.model.index(parts.model.row_of(code), 0))
            if proxy_index.isValid():
                flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                         | QItemSelectionModel.SelectionFlag.Rows)
                parts.table.selectionModel().setCurrentIndex(proxy_index, flags)
                if parts.table.isVisible():
                    parts.table.scrollTo(proxy_index)
            else:
                parts.table.selectionModel().clearSelection()
        finally:
            self._syncing = False

    def _table_row_changed(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if self._syncing or not current.isValid():
            return
        self._c.set_province(current.data(CodeRole))
