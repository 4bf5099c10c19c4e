"""The worker-count helper ("Count workers…" beside the workers question).

It asks only what the province's counting rule adds up (the 12-month peak,
owners, family and volunteers, subcontractors, or BC's annual payroll hours),
shows the rule with its citation and the count it gives (the engine's own
sentence, so the card and ``recommend`` say the same), warns when the count is
within two of the province's line or the work is seasonal, and hands back the
``worker_count`` details with the ``workers`` they count.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain import wording
from ..domain.engine import Counting, counting_rule, evaluate
from ..domain.models import MAX_PAYROLL_HOURS, MAX_WORKERS, WorkerCount
from .controller import AdvisorController
from .plaintext import make_plain
from .style import help_box, quiet_note

NEAR_LINE = 2  # warn when the count is within this many workers (or FTEs) of the line


def line_of(controller: AdvisorController) -> int | None:
    """The workforce at which the province's answer turns: its small program's
    limit, else its COR line; None where the size cannot change the program."""
    j = controller.dataset.jurisdiction(controller.answers.province)
    if not j.participates or j.small_program is None:
        return None
    return j.small_max_workers if j.small_max_workers is not None else j.cor_line


class WorkerCountDialog(QDialog):
    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workerCountDialog")
        self._c = controller
        ds, answers, lang = controller.dataset, controller.answers, controller.language
        j = ds.jurisdiction(answers.province)
        self._province = j.name.get(lang)
        self._rule = counting_rule(j, answers.sector)
        self.setWindowTitle(self.tr("Count workers"))
        rec = evaluate(ds, answers, lang, what_ifs=False)
        counting = rec.counting

        title = make_plain(QLabel(self.tr("How {0} counts workers").format(self._province)))
        title.setObjectName("workerCountTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.rule_text = make_plain(QLabel(counting.text if counting else ""))
        self.rule_text.setObjectName("countingRule")
        self.rule_text.setWordWrap(True)
        self.source = make_plain(QLabel(self.tr("Source: {0}").format(counting.source if counting else "")))
        self.source.setObjectName("countingSource")
        self.source.setWordWrap(True)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        quiet_note(self.source)

        form = QFormLayout()
        self.fields: dict[str, QSpinBox | QDoubleSpinBox] = {}
        given = answers.worker_count.given() if answers.worker_count is not None else {}
        labels = {
            "peak_12_months": self.tr("&Most employees at one time in the last 12 months"),
            "owners_family_volunteers": self.tr("&Owners, family members and volunteers"),
            "subcontractors": self.tr("&Subcontractors working on site"),
            "payroll_hours": self.tr("Annual &payroll hours"),
        }
        hints = {
            "peak_12_months": self.tr("Employees on the payroll at the busiest moment, not counting owners, "
                                      "family, volunteers or subcontractors"),
            "owners_family_volunteers": self.tr("Owners, family members and volunteers who work in the operation"),
            "subcontractors": self.tr("Subcontractors working for the operation at that time"),
            "payroll_hours": self.tr("Every paid hour in the last 12 months; divided by 2,080 for FTEs"),
        }
        parts: tuple[str, ...] = ()
        if self._rule is not None:
            parts = ("payroll_hours",) if self._rule.basis == "fte" else self._rule.counts
        for key in parts:
            box: QSpinBox | QDoubleSpinBox
            if key == "payroll_hours":
                box = QDoubleSpinBox()
                box.setDecimals(0)
                box.setRange(0, MAX_PAYROLL_HOURS)
                box.setSingleStep(40)
            else:
                box = QSpinBox()
                box.setRange(0, MAX_WORKERS)
            box.setGroupSeparatorShown(True)
            box.setObjectName(key)
            box.setValue(int(given.get(key, 0)))
            box.setAccessibleName(labels[key].replace("&", ""))
            box.setAccessibleDescription(hints[key])
            box.setToolTip(hints[key])
            box.valueChanged.connect(self._update)
            label = QLabel(labels[key])
            label.setBuddy(box)
            form.addRow(label, box)
            self.fields[key] = box
        self.seasonal = QCheckBox(self.tr("The &work is seasonal (the headcount swings through the year)"))
        self.seasonal.toggled.connect(self._update)
        form.addRow(self.seasonal)

        self.result_text = make_plain(QLabel())
        self.result_text.setObjectName("countResult")
        self.result_text.setWordWrap(True)
        help_box(self.result_text)
        self.warning = make_plain(QLabel())
        self.warning.setObjectName("countWarning")
        self.warning.setWordWrap(True)
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Use this count"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.rule_text)
        layout.addWidget(self.source)
        layout.addLayout(form)
        layout.addWidget(self.result_text)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._counting: Counting | None = None
        self._update()

    def details(self) -> WorkerCount:
        """The details entered (a detail left at 0 that the rule needs still counts as 0)."""
        return WorkerCount(**{key: float(box.value()) for key, box in self.fields.items()})

    def counted(self) -> int | None:
        """``workers`` by the province's rule, or None when nothing was entered."""
        return self._counting.workers if self._counting is not None and self._counting.applied else None

    def _update(self, *_args: object) -> None:
        c = self._c
        counting = None
        if any(box.value() > 0 for box in self.fields.values()):
            answers = replace(c.answers, worker_count=self.details())
            counting = evaluate(c.dataset, answers, c.language, what_ifs=False).counting
        self._counting = counting
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.counted() is not None)
        if counting is None or not counting.applied:
            self.result_text.setText(self.tr("Enter the numbers above: the count follows {0}'s rule.")
                                     .format(self._province))
        else:
            self.result_text.setText(counting.sentence)
        warnings = []
        line = line_of(c)
        if counting is not None and counting.applied and line is not None:
            value = counting.fte if counting.fte is not None else counting.workers
            if abs(value - line) <= NEAR_LINE:
                warnings.append(self.tr("This count is within two of {0}'s line ({1}): a few hires or a busier "
                                        "season would change the answer. Count carefully and confirm with the "
                                        "certifying partner.").format(self._province, wording.number(line, c.language)))
        if self.seasonal.isChecked():
            warnings.append(self.tr("Seasonal work: count the busiest time of the last 12 months, not a usual "
                                    "week; the certifying partner decides how your peak counts."))
        self.warning.setText("\n".join(warnings))
        self.warning.setVisible(bool(warnings))
