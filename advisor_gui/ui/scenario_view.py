"""Scenarios side by side in the window (issue 16): View ▸ Scenarios.

A page beside the map, table, plan and primes: one column for today's answers
and one for each of the client's named what-if scenarios, rows for the
recommended program, how each program stands, every answer that differs from
today's and the reasons with their numbered sources (the model is
:class:`~advisor_gui.domain.scenarios.ScenarioComparison`, built by the
controller). A value that differs from today's says so in words ("12 (differs
from Today)"), in bold and on a tinted cell: never by colour alone.

Above the table: **Add Scenario** (a copy of today's answers, named at once in
the name field), the selected scenario's **name** (Enter renames it), **Edit
Answers…** (the interview, in a dialog that names the scenario, on that
scenario's answers only) and **Delete**. Each change is one step of Edit ▸ Undo
and marks the client file modified. The selected column is the scenario these
act on; arrows move between columns. Like the other pages beside the map, the
buttons have no Alt letters (the interview's questions take those); Ctrl+5
focuses the table, Tab goes to the buttons and the name.

:class:`ScenarioModel` is tested without widgets.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.models import Answers
from ..domain.presentation import refs_text
from ..domain.register import Scenario
from ..domain.scenarios import MAX_NAME, MAX_SCENARIOS, ScenarioComparison
from .controller import AdvisorController
from .i18n import Retranslates
from .plaintext import plain_label, tooltip, window_title
from .style import CHANGED_BACKGROUND, CHANGED_TEXT, pane_title, quiet_note

Index = QModelIndex | QPersistentModelIndex
RowKeyRole = Qt.ItemDataRole.UserRole + 1
ChangedRole = Qt.ItemDataRole.UserRole + 2


class ScenarioModel(QAbstractTableModel):
    """The comparison as a table: column 0 names the row, then one column per
    set of answers (today's first); the last row lists the numbered sources."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._c: ScenarioComparison | None = None

    def set_comparison(self, comparison: ScenarioComparison) -> None:
        if comparison == self._c:
            return
        self.beginResetModel()
        self._c = comparison
        self.endResetModel()

    @property
    def comparison(self) -> ScenarioComparison | None:
        return self._c

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._c is None:
            return 0
        return len(self._c.rows) + (1 if self._c.sources else 0)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._c is None else 1 + len(self._c.columns)

    def sources_row(self) -> int:
        """The row of the numbered sources (-1 when nothing is cited)."""
        return len(self._c.rows) if self._c is not None and self._c.sources else -1

    def cell_text(self, row: int, col: int) -> str:
        c = self._c
        assert c is not None
        if row == self.sources_row():
            if col != 0:
                return ""
            return "\n".join(s.line(c.lang) for s in c.sources)
        r = c.rows[row]
        if col == 0:
            return r.label
        cell = r.cells[col - 1]
        if r.key == "reasons":
            return "\n".join(f"\u2022 {x.text} {refs_text(x.refs)}".rstrip() for x in cell.lines)
        return "\n".join(f"{x.text} {refs_text(x.refs)}".rstrip() for x in cell.lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self._c
        if not index.isValid() or c is None:
            return None
        row, col = index.row(), index.column()
        sources = row == self.sources_row()
        changed = not sources and col > 0 and c.rows[row].cells[col - 1].changed
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, col)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if sources or col == 0:
                return self.cell_text(row, col)
            return f"{c.columns[col - 1].name} \u2014 {c.rows[row].label}: {self.cell_text(row, col)}"
        if role == Qt.ItemDataRole.FontRole and (changed or (col == 0 and not sources)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and changed:
            return QBrush(QColor(CHANGED_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole and changed:
            return QBrush(QColor(CHANGED_TEXT))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == RowKeyRole:
            return "sources" if sources else c.rows[row].key
        if role == ChangedRole:
            return changed
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (Qt.ItemDataRole.DisplayRole,
                                                                 Qt.ItemDataRole.ToolTipRole) and self._c:
            name = "" if section == 0 else self._c.columns[section - 1].name
            # The user's own text: a tooltip shows it literally, never as markup.
            return tooltip(name) if role == Qt.ItemDataRole.ToolTipRole else name
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags


class ScenarioPanel(Retranslates, QWidget):
    """The Scenarios page: the buttons and name field above the side-by-side table."""

    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioPanel")
        self._c = controller
        self._due = True  # the table is out of date (rebuilt when shown)
        self._editor: ScenarioEditor | None = None
        self.model = ScenarioModel(self)
        self.table = QTableView()
        self.table.setObjectName("scenarioTable")
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)  # the row names: see resizeEvent
        # A long name wraps (the header grows to three lines), whole in the tooltip.
        # Not elided: the header elides to one line before it wraps.
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                   | Qt.TextFlag.TextWordWrap)
        self.table.horizontalHeader().sectionClicked.connect(self._header_clicked)
        # The names re-wrap once the columns settle (a page shown or resized resizes them several times).
        self._header_timer = QTimer(self)
        self._header_timer.setSingleShot(True)
        self._header_timer.setInterval(0)
        self._header_timer.timeout.connect(self._fit_header)
        header.sectionResized.connect(self._header_timer.start)

        self.add_button = QPushButton()
        self.add_button.setObjectName("scenarioAdd")
        self.add_button.clicked.connect(self.add_scenario)
        self.name_label = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("scenarioName")
        self.name_edit.setMaxLength(MAX_NAME)
        self.name_edit.returnPressed.connect(self.rename_current)
        self.name_label.setBuddy(self.name_edit)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("scenarioEdit")
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("scenarioDelete")
        self.delete_button.clicked.connect(self.delete_current)
        self.message = plain_label()
        self.message.setObjectName("scenarioMessage")
        self.message.setWordWrap(True)
        quiet_note(self.message, italic=False)

        # Add on a row of its own; the selected scenario's name (the field as wide as
        # the page allows: French names run long), Edit and Delete on the next, in Tab order.
        top = QHBoxLayout()
        top.setContentsMargins(4, 0, 4, 0)
        top.addWidget(self.add_button)
        top.addStretch(1)
        selected = QHBoxLayout()
        selected.setContentsMargins(4, 0, 4, 0)
        selected.addWidget(self.name_label)
        selected.addWidget(self.name_edit, 1)
        selected.addWidget(self.edit_button)
        selected.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 2)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(selected)
        msg_row = QHBoxLayout()
        msg_row.setContentsMargins(4, 0, 4, 0)
        msg_row.addWidget(self.message)
        layout.addLayout(msg_row)
        layout.addWidget(self.table, 1)

        for signal in (controller.scenariosChanged, controller.registerChanged, controller.datasetChanged,
                       controller.answersChanged, controller.languageChanged):
            signal.connect(self._mark_due)
        controller.viewsDue.connect(lambda _rec: self._refresh_if_shown())
        self.table.selectionModel().currentChanged.connect(lambda *_: self._show_selected())
        self.retranslate()
        self.refresh()

    def tab_chain(self) -> list[QWidget]:
        """The page's controls in Tab order: the buttons and the name, then the table."""
        return [self.add_button, self.name_edit, self.edit_button, self.delete_button, self.table]

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_label_column()

    def _fit_label_column(self) -> None:
        """The row names take about a fifth of the width (they wrap), the sets of answers share the rest."""
        width = self.table.viewport().width()
        self.table.setColumnWidth(0, max(self.fontMetrics().averageCharWidth() * 14, width * 21 // 100))
        self._fit_header()
        self._header_timer.start()

    def _fit_header(self) -> None:
        """The header as tall as the most wrapped scenario name needs, at most three lines."""
        header = self.table.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)  # the selected column's heading is bold
        metrics = QFontMetrics(font)
        needed = max((metrics.boundingRect(QRect(0, 0, max(1, header.sectionSize(c) - 16), 10_000),
                                           Qt.TextFlag.TextWordWrap,
                                           str(self.model.headerData(c, Qt.Orientation.Horizontal) or "")).height()
                      for c in range(1, self.model.columnCount())), default=0)
        lines = min(3, max(1, round(needed / max(1, metrics.lineSpacing()))))
        header.setFixedHeight(metrics.lineSpacing() * lines + 10)

    def pane_title(self) -> str:
        return self.tr("Scenarios side by side")

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Scenarios side by side"))
        self.table.setAccessibleDescription(self.tr(
            "One column for today's answers and one for each scenario; a value that differs from today's says so"))
        self.add_button.setText(self.tr("Add Scenario"))
        self.add_button.setToolTip(self.tr("A new scenario with a copy of today's answers; then type its name"))
        self.name_label.setText(self.tr("Name:"))
        self.name_edit.setAccessibleName(self.tr("Scenario name"))
        self.name_edit.setToolTip(self.tr("The selected scenario's name: type a new one and press Enter to rename "
                                          "it (at most {0} characters)").format(MAX_NAME))
        self.edit_button.setText(self.tr("Edit Answers…"))
        self.edit_button.setToolTip(self.tr("Change the selected scenario's answers in the interview (today's "
                                            "answers stay as they are)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected scenario (Edit ▸ Undo brings it back)"))
        self._mark_due()
        self._refresh_if_shown()

    # --- showing ---------------------------------------------------------------------
    def _mark_due(self, *_: object) -> None:
        self._due = True

    def _refresh_if_shown(self) -> None:
        if self._due and self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._refresh_if_shown()

    def refresh(self) -> None:
        """The table from the controller's comparison now, the selected column kept."""
        self._due = False
        column = self.current_column()
        self.model.set_comparison(self._c.scenario_comparison())
        sources = self.model.sources_row()
        self.table.clearSpans()
        if sources >= 0:
            self.table.setSpan(sources, 0, 1, self.model.columnCount())
        self._fit_label_column()
        self.select_column(min(column, len(self._c.scenarios)))
        self._show_selected()

    def current_column(self) -> int:
        """The set of answers selected: 0 for today's, i for scenario i - 1."""
        index = self.table.currentIndex()
        return max(0, index.column() - 1) if index.isValid() else 0

    def current_scenario(self) -> int:
        """The index of the selected scenario, -1 when today's column (or none) is selected."""
        return self.current_column() - 1

    def select_column(self, column: int) -> None:
        row = max(0, self.table.currentIndex().row())
        if self.model.rowCount() and row == self.model.sources_row():
            row = 0
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, column + 1))

    def _header_clicked(self, section: int) -> None:
        if section > 0:
            self.select_column(section - 1)

    def _show_selected(self) -> None:
        i = self.current_scenario()
        has = 0 <= i < len(self._c.scenarios)
        self.name_edit.setEnabled(has)
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.add_button.setEnabled(len(self._c.scenarios) < MAX_SCENARIOS)
        name = self._c.scenarios[i].name if has else ""
        if self.name_edit.text() != name:
            self.name_edit.setText(name)
        if has:
            self.name_edit.setPlaceholderText("")
        elif self._c.scenarios:
            self.name_edit.setPlaceholderText(self.tr("Select a scenario's column"))
        else:
            self.name_edit.setPlaceholderText(self.tr("Add a scenario first"))
        if not self._c.scenarios:
            self.say(self.tr("No scenarios yet. Add Scenario copies today's answers under a name of your choice; "
                             "then change that copy's answers to compare the two side by side."))
        elif len(self._c.scenarios) >= MAX_SCENARIOS and not self.message.text():
            self.say(self.tr("At most {0} scenarios beside today's answers.").format(MAX_SCENARIOS))

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- changing --------------------------------------------------------------------
    def add_scenario(self) -> None:
        """A copy of today's answers, named "Scenario n", selected, its name ready to type over."""
        scenarios = self._c.scenarios
        if len(scenarios) >= MAX_SCENARIOS:
            self.say(self.tr("At most {0} scenarios beside today's answers: delete one to add another.")
                     .format(MAX_SCENARIOS))
            return
        name = self._c.new_scenario_name()
        self._c.set_scenarios((*scenarios, Scenario(name=name, answers=self._c.answers)))
        self.refresh()
        self.select_column(len(self._c.scenarios))
        self.say(self.tr("Added “{0}”, a copy of today's answers. Type its name and press Enter, then Edit "
                         "Answers… to change what differs.").format(name))
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.name_edit.selectAll()

    def rename_current(self) -> bool:
        """The name field's text becomes the selected scenario's name (refused, said why, when it cannot)."""
        i = self.current_scenario()
        if not 0 <= i < len(self._c.scenarios):
            return False
        old = self._c.scenarios[i]
        text = self.name_edit.text()
        if " ".join(text.split()) == old.name:
            self.say("")
            return True
        problem = self._c.scenario_problem(text, skip=i)
        if problem:
            self.say(problem)
            self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.name_edit.selectAll()
            return False
        scenarios = list(self._c.scenarios)
        scenarios[i] = dataclasses.replace(old, name=" ".join(text.split()))
        self._c.set_scenarios(tuple(scenarios))
        self.refresh()
        self.say(self.tr("Renamed “{0}” to “{1}”.").format(old.name, scenarios[i].name))
        return True

    def delete_current(self) -> None:
        i = self.current_scenario()
        if not 0 <= i < len(self._c.scenarios):
            return
        name = self._c.scenarios[i].name
        self._c.set_scenarios(self._c.scenarios[:i] + self._c.scenarios[i + 1:])
        self.refresh()
        self.select_column(min(i + 1, len(self._c.scenarios)))
        self.say(self.tr("Deleted “{0}”. Edit ▸ Undo brings it back.").format(name))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_current(self) -> ScenarioEditor | None:
        """Edit Answers…: the selected scenario's answers in the interview, in a dialog
        (window-modal; OK keeps them, Cancel leaves the scenario as it was)."""
        i = self.current_scenario()
        if not 0 <= i < len(self._c.scenarios):
            return None
        editor = ScenarioEditor(self._c, self._c.scenarios[i], self)
        editor.accepted.connect(lambda: self._edited(i, editor.answers()))
        editor.finished.connect(lambda _r: self.table.setFocus(Qt.FocusReason.OtherFocusReason))
        self._editor = editor
        editor.open()
        return editor

    def _edited(self, i: int, answers: Answers) -> None:
        if not 0 <= i < len(self._c.scenarios):
            return
        scenarios = list(self._c.scenarios)
        scenarios[i] = dataclasses.replace(scenarios[i], answers=answers)
        self._c.set_scenarios(tuple(scenarios))
        self.refresh()
        self.select_column(i + 1)
        self.say(self.tr("Updated the answers of “{0}”.").format(scenarios[i].name))


class ScenarioEditor(Retranslates, QDialog):
    """The interview on one scenario's answers: its own controller, so today's
    answers, the card and the undo history are untouched until OK."""

    def __init__(self, main: AdvisorController, scenario: Scenario, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from .interview import InterviewPanel  # the dialog's own interview

        self.setObjectName("scenarioEditor")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._name = scenario.name
        self.scratch = AdvisorController(main.dataset, scenario.answers, self, lang=main.language, today=main.today)
        self.scratch.set_register(main.register)
        self.heading = pane_title("")
        self.heading.setObjectName("scenarioEditorHeading")
        self.heading.setWordWrap(True)
        self.note = plain_label()
        self.note.setWordWrap(True)
        quiet_note(self.note)
        self.interview = InterviewPanel(self.scratch)
        self.interview.assign_mnemonics()
        derived = main.derived
        if derived is not None:
            from .register_table import derived_note

            self.interview.show_derived("prime_contractor", derived.prime_contractor,
                                        derived_note(derived, main.language))
        self.verdict = plain_label()
        self.verdict.setObjectName("scenarioEditorVerdict")
        self.verdict.setWordWrap(True)
        font = self.verdict.font()
        font.setBold(True)
        self.verdict.setFont(font)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.interview, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        self.scratch.viewsDue.connect(lambda _rec: self._show_verdict())
        self.retranslate()
        self.resize(560, 640)

    def retranslate(self) -> None:
        self.setWindowTitle(window_title(self.tr("Edit Scenario “{0}”").format(self._name)))
        self.heading.setText(self.tr("Answers of the scenario “{0}”").format(self._name))
        self.note.setText(self.tr("Only this scenario changes: today's answers, the recommendation card and the "
                                  "other scenarios stay as they are. OK keeps these answers; Cancel leaves the "
                                  "scenario as it was."))
        self._show_verdict()

    def _show_verdict(self) -> None:
        p = self.scratch.presentation
        self.verdict.setText(self.tr("With these answers: {0}").format(p.verdict_line))

    def answers(self) -> Answers:
        return self.scratch.answers
