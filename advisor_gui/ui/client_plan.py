"""The client's dated plan in the window (issue 16): View ▸ Client Plan.

A tab beside the province map and table (the card and its verdict keep their
place): the certificate's date (an answer, ``certificate_date``, undoable like
the others), an optional target date (a tender; the window's own, not saved),
and the plan's steps from :func:`advisor_gui.domain.plan.build_plan` — date or
"no date given by the sources", title, citation. File ▸ Export Audit
Calendar… writes the same plan as an .ics through :mod:`advisor_gui.domain.ics`.

:class:`PlanStepsModel` is tested without widgets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain import wording
from ..domain.plan import Plan, PlanStep, build_plan
from .controller import AdvisorController
from .i18n import Retranslates
from .messages import Icon, tell
from .plaintext import plain_label

COL_DATE, COL_STEP, COL_SOURCE = range(3)
RuleRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
# QDateEdit has no empty value: its minimum stands for "not given".
NOT_GIVEN = QDate(1990, 1, 1)
HOLDS_CERTIFICATE = frozenset({"secor", "cor"})


class PlanStepsModel(QAbstractTableModel):
    """The plan's steps, one a row: when, what, on whose authority."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._steps: tuple[PlanStep, ...] = ()
        self._lang = "en"

    def set_plan(self, plan: Plan | None, lang: str) -> None:
        self.beginResetModel()
        self._steps = plan.steps if plan is not None else ()
        self._lang = wording.language(lang)
        self.endResetModel()

    def step(self, row: int) -> PlanStep:
        return self._steps[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def date_text(self, s: PlanStep) -> str:
        if s.date is None:
            return QCoreApplication.translate("PlanStepsModel", "No date given by the sources")
        when = wording.date(s.date, self._lang)
        return QCoreApplication.translate("PlanStepsModel", "{0} (already past)").format(when) if s.overdue else when

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._steps[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (self.date_text(s), s.title, s.source)[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("PlanStepsModel", "Rule {0}").format(s.rule) + "\n" + s.source
        if role == RuleRole:
            return s.rule
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (QCoreApplication.translate("PlanStepsModel", "Date"),
                    QCoreApplication.translate("PlanStepsModel", "Step"),
                    QCoreApplication.translate("PlanStepsModel", "Source"))[section]
        return super().headerData(section, orientation, role)


def _to_qdate(day: dt.date | None) -> QDate:
    return NOT_GIVEN if day is None else QDate(day.year, day.month, day.day)


def _from_qdate(day: QDate) -> dt.date | None:
    return None if day == NOT_GIVEN else dt.date(day.year(), day.month(), day.day())


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NOT_GIVEN)
    edit.setMaximumDate(QDate(2100, 12, 31))
    edit.setKeyboardTracking(False)  # one answer per date typed, not one per digit
    edit.setDate(NOT_GIVEN)
    return edit


class ClientPlanPanel(Retranslates, QWidget):
    """The plan for the current answers, refreshed with the recommendation."""

    def __init__(self, controller: AdvisorController, today: Callable[[], dt.date] = dt.date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientPlan")
        self._c = controller
        self._today = today
        self._target: dt.date | None = None
        self._due = True

        self.certificate = _date_edit("certificateDate")
        self.certificate.dateChanged.connect(self._certificate_edited)
        self.target = _date_edit("targetDate")
        self.target.dateChanged.connect(self._target_edited)
        self.certificate_label = plain_label()
        self.certificate_label.setBuddy(self.certificate)
        self.target_label = plain_label()
        self.target_label.setBuddy(self.target)
        self.form = QHBoxLayout()  # one row: the plan's steps get the height
        self.form.setContentsMargins(4, 4, 4, 0)
        self.form.addWidget(self.certificate_label)
        self.form.addWidget(self.certificate)
        self.form.addSpacing(12)
        self.form.addWidget(self.target_label)
        self.form.addWidget(self.target)
        self.form.addStretch(1)

        self.heading = plain_label()
        self.heading.setObjectName("planHeading")
        self.heading.setWordWrap(True)
        self.heading.setContentsMargins(0, 2, 0, 0)

        self.model = PlanStepsModel(self)
        self.table = QTableView()
        self.table.setObjectName("planSteps")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_STEP, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(COL_SOURCE, True)  # the selected step's citation shows whole below
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        # The selected step's rule and citation, whole and selectable.
        self.details = plain_label()
        self.details.setObjectName("planStepSource")
        self.details.setWordWrap(True)
        self.details.setContentsMargins(4, 0, 4, 0)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)

        self.export_button = QPushButton()
        self.export_button.setObjectName("exportCalendar")
        self.export_button.clicked.connect(lambda: self.export_calendar())
        top = QHBoxLayout()  # what the plan is counted towards, and its export
        top.setContentsMargins(4, 0, 4, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 2)
        layout.setSpacing(4)
        layout.addLayout(self.form)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)

        controller.viewsDue.connect(self._refresh_later)
        controller.answersChanged.connect(self._answers_changed)
        controller.languageChanged.connect(self._refresh_later)
        self.retranslate()
        self._answers_changed()

    # --- texts ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.certificate_label.setText(self.tr("Certificate date:"))
        self.certificate.setSpecialValueText(self.tr("Not given"))
        self.certificate.setAccessibleName(self.tr("Date on the certificate the client holds"))
        self.target_label.setText(self.tr("Target audit date:"))
        self.target.setSpecialValueText(self.tr("From the rules"))
        self.target.setAccessibleName(self.tr("Target date for the COR audit, for example a tender"))
        self.target.setToolTip(self.tr("A tender's date, for example; not saved in the client file"))
        self.table.setAccessibleName(self.tr("Plan steps"))
        self.export_button.setText(self.tr("Export Calendar…"))
        self.export_button.setToolTip(self.tr("Save the dated steps as a calendar file (.ics)"))
        self.table.setToolTip(self.tr("Every step cites its rule; steps no source dates are listed without a date."))
        self._refresh_later()

    # --- state ---------------------------------------------------------------------
    def plan(self) -> Plan:
        """The plan for the current answers and recommendation, in the window's language."""
        c = self._c
        return build_plan(c.dataset, c.answers, c.recommendation.program, self._today(), self._target, c.language)

    def _show_details(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid():
            self.details.setText(self.tr("Select a step to see its rule and source."))
            return
        s = self.model.step(current.row())
        self.details.setText(self.tr("Rule {0} \u2014 source: {1}").format(s.rule, s.source))

    def _answers_changed(self, *_: object) -> None:
        answers = self._c.answers
        holds = answers.current_certification in HOLDS_CERTIFICATE
        self.certificate.setVisible(holds)
        self.certificate_label.setVisible(holds)
        wanted = _to_qdate(answers.certificate_date)
        if self.certificate.date() != wanted:
            self.certificate.blockSignals(True)
            self.certificate.setDate(wanted)
            self.certificate.blockSignals(False)
        # Rebuilt on the views' turn (viewsDue follows every answer change): reading the
        # recommendation here would compute the deferred what-ifs at once.
        self._due = True

    def _certificate_edited(self, day: QDate) -> None:
        self._c.set_answer("certificate_date", _from_qdate(day))

    def _target_edited(self, day: QDate) -> None:
        self._target = _from_qdate(day)
        self._due = True
        self.refresh()

    @property
    def target_date(self) -> dt.date | None:
        """The target date typed in (None: the rules' own)."""
        return self._target

    def set_target(self, day: dt.date | None) -> None:
        self.target.setDate(_to_qdate(day))

    def _refresh_later(self, *_: object) -> None:
        self._due = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the steps now (when something changed since the last time)."""
        if not self._due:
            return
        self._due = False
        plan = self.plan()
        lang = self._c.language
        self.model.set_plan(plan, lang)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, COL_STEP))
        else:
            self._show_details(QModelIndex())
        program = self._c.presentation.program_label
        if plan.target is not None:
            text = self.tr("Recommended: {0}. Target for the COR audit: {1}.").format(
                program, wording.date(plan.target, lang))
        else:
            text = self.tr("Recommended: {0}.").format(program)
        if not plan.steps:
            text += " " + self.tr("No steps: the client holds no certificate and COR is not recommended.")
        self.heading.setText(text)
        self.export_button.setEnabled(any(s.date is not None for s in plan.steps))

    # --- the calendar --------------------------------------------------------------
    def suggested_name(self) -> str:
        name = "".join(ch for ch in self._c.client_name.strip() if ch.isalnum() or ch in " -_.").strip()
        return f"{name or self._c.answers.province} audit calendar.ics"

    def export_calendar(self, path: str | Path | None = None) -> Path | None:
        """Write the plan's dated steps as an .ics (asks where when ``path`` is None);
        says why on failure. Returns the file written, or None."""
        from ..domain.ics import write_calendar

        self._due = True
        self.refresh()
        plan = self.plan()
        if not any(s.date is not None for s in plan.steps):
            tell(self.window(), Icon.Information, self.tr("The plan has no dated steps to put in a calendar."),
                 name="calendarEmpty")
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self.window(), self.tr("Export Audit Calendar"),
                                                    str(Path.home() / self.suggested_name()),
                                                    self.tr("Calendar files (*.ics)"))
            if not chosen:
                return None
            path = chosen if chosen.lower().endswith(".ics") else chosen + ".ics"
        try:
            written = write_calendar(path, plan, self._c.client_name)
        except (OSError, ValueError) as err:
            tell(self.window(), Icon.Warning, self.tr("The calendar could not be saved."),
                 self.tr("{0}\n\nThe previous file, if any, is unchanged.").format(
                     getattr(err, "strerror", None) or str(err)), name="calendarFailed")
            return None
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(self.tr("Calendar saved: {0}").format(written.name), 5000)
        return written
