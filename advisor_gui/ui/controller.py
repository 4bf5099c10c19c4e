"""The one place where the UI meets the domain.

The controller owns the dataset, the current answers and the recommendation.
Widgets call :meth:`set_answer`; everything that shows the answer listens to
:attr:`recommendationChanged`, everything that shows the province to
:attr:`provinceChanged`, everything built from dataset facts (questions, the
map, the tables) to :attr:`datasetChanged`, everything that shows dataset text
to :attr:`languageChanged`. The views render :attr:`presentation`, the
recommendation as the domain words it in :attr:`language`.

The controller also tracks which questions the user has answered
(:attr:`answered`): a new window or File ▸ New starts with none (the defaults
stand in, and the recommendation says it is provisional); an answer the user
gives, or a client file opened, counts as answered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from ..domain import interview, wording
from ..domain import register as registers
from ..domain.answer_schema import conform, with_answer
from ..domain.engine import Recommendation, count_workers, counting_rule, evaluate, with_what_ifs
from ..domain.models import Answers, Dataset, Question, WorkerCount
from ..domain.presentation import Presentation, present
from ..domain.register import RegisterEntry, Scenario

if TYPE_CHECKING:
    from ..domain.scenarios import ScenarioComparison


class AdvisorController(QObject):
    answersChanged = Signal(object)  # Answers
    recommendationChanged = Signal(object)  # Recommendation
    provinceChanged = Signal(str)
    clientChanged = Signal(str)  # the client's name, as printed on the summary
    notesChanged = Signal(str)  # the consultant's free-text notes
    datasetChanged = Signal(object)  # Dataset; emitted before answers/recommendation follow
    # The recommendation for views to show, at most once per turn of the event
    # loop: a burst of changes (a spin box held down) is painted once, and
    # set_answer returns as soon as the rules are evaluated.
    viewsDue = Signal(object)  # Recommendation
    languageChanged = Signal(str)  # "en" or "fr"; emitted before the views show the texts in it
    answeredChanged = Signal(object)  # frozenset of the question ids answered
    registerChanged = Signal(object)  # tuple[RegisterEntry, ...]: the client's prime contractors
    scenariosChanged = Signal(object)  # tuple[Scenario, ...]: the client's named what-if answers

    DEFAULT_ANSWERS = Answers(province="AB", workers=6)

    def __init__(self, dataset: Dataset, answers: Answers | None = None, parent: QObject | None = None,
                 *, lang: str = "en", answered: Iterable[str] | None = None,
                 today: Callable[[], dt.date] = dt.date.today):
        """``answered``: the questions the user answered; by default all of them
        when ``answers`` are given, none when the window starts afresh. ``today``
        dates the register's stale confirmations."""
        super().__init__(parent)
        self._dataset = dataset
        self._lang = wording.language(lang)
        self._today = today
        self._register: tuple[RegisterEntry, ...] = ()
        self._scenarios: tuple[Scenario, ...] = ()
        self._comparison: tuple[tuple[Any, ...], ScenarioComparison] | None = None  # (key, comparison)
        self._derived: registers.Derived | None = None
        self._answers = self._counted(conform(answers or self.DEFAULT_ANSWERS, dataset))
        self._answered = self._answered_set(answered, all_answered=answers is not None)
        self._rec = self._evaluate()
        self._what_ifs_due = False
        self._presentation: Presentation | None = None
        self._views_timer = QTimer(self)
        self._views_timer.setSingleShot(True)
        self._views_timer.setInterval(0)
        self._views_timer.timeout.connect(self.flush)
        self.recommendationChanged.connect(lambda _rec: self._views_timer.start())
        self._client_name = ""
        self._notes = ""

    # --- state -----------------------------------------------------------------
    @property
    def dataset(self) -> Dataset:
        return self._dataset

    @property
    def today(self) -> Callable[[], dt.date]:
        """The clock that dates the register's stale confirmations."""
        return self._today

    @property
    def language(self) -> str:
        """The language of the recommendation's and the dataset's texts (``en`` or ``fr``)."""
        return self._lang

    @property
    def answers(self) -> Answers:
        """The answers as given (a client file keeps these)."""
        return self._answers

    @property
    def effective_answers(self) -> Answers:
        """The answers the rules see: with the register's derived prime-contractor
        answer and platforms when the register has entries (issue 16)."""
        return registers.apply(self._answers, self._derived)

    @property
    def register(self) -> tuple[RegisterEntry, ...]:
        return self._register

    @property
    def derived(self) -> registers.Derived | None:
        """What the register makes of the prime-contractor question (None: empty register)."""
        return self._derived

    @property
    def recommendation(self) -> Recommendation:
        if self._what_ifs_due:
            self._rec = with_what_ifs(self._dataset, self.effective_answers, self._rec, self._lang)
            self._what_ifs_due = False
            self._presentation = None
        return self._rec

    @property
    def presentation(self) -> Presentation:
        """What the views say about the recommendation, in :attr:`language` (built once per recommendation)."""
        rec = self.recommendation
        if self._presentation is None:
            everything = self._answered >= self._question_ids()
            self._presentation = present(self._dataset, self.effective_answers, rec, self._lang,
                                         None if everything else self._answered)
        return self._presentation

    @property
    def answered(self) -> frozenset[str]:
        """The ids of the questions the user has answered (or a client file held)."""
        return self._answered

    def is_answered(self, key: str) -> bool:
        return key in self._answered

    def _question_ids(self) -> frozenset[str]:
        return frozenset(q.id for q in self._dataset.questions)

    def _answered_set(self, answered: Iterable[str] | None, *, all_answered: bool) -> frozenset[str]:
        if answered is None:
            return self._question_ids() if all_answered else frozenset()
        return frozenset(answered)

    def mark_answered(self, key: str) -> None:
        """Count question ``key`` as answered, even when its answer is the default."""
        if key in self._answered:
            return
        self._answered = self._answered | {key}
        self._presentation = None
        self.answeredChanged.emit(self._answered)
        self._views_timer.start()

    @property
    def client_name(self) -> str:
        return self._client_name

    @property
    def notes(self) -> str:
        return self._notes

    def state(self) -> tuple[Answers, str, str, tuple[RegisterEntry, ...], tuple[Scenario, ...]]:
        """What a client file keeps: the answers, the client's name, the notes, the register and the scenarios."""
        return (self._answers, self._client_name, self._notes, self._register, self._scenarios)

    # --- scenarios (issue 16) ------------------------------------------------------
    @property
    def scenarios(self) -> tuple[Scenario, ...]:
        """The client's named what-if answers (the current answers are "Today")."""
        return self._scenarios

    def set_scenarios(self, scenarios: tuple[Scenario, ...]) -> None:
        """Replace the scenarios (added, renamed, edited, removed, undone); each
        one's answers as the rules in use ask them. Ignored when nothing changes."""
        scenarios = tuple(dataclasses.replace(s, answers=self._counted(conform(s.answers, self._dataset)))
                          for s in scenarios)
        if scenarios == self._scenarios:
            return
        self._scenarios = scenarios
        self.scenariosChanged.emit(scenarios)

    def scenario_problem(self, name: str, skip: int = -1) -> str:
        """Why ``name`` cannot name a scenario (the one at ``skip`` aside), in the
        window's language; empty when it can."""
        from ..domain import scenarios as scenario_rules  # loads with the Scenarios page, after the first paint

        others = [s.name for i, s in enumerate(self._scenarios) if i != skip]
        return scenario_rules.name_problem(name, others, self._lang)

    def new_scenario_name(self) -> str:
        from ..domain import scenarios as scenario_rules

        return scenario_rules.unused_name([s.name for s in self._scenarios], self._lang)

    def scenario_comparison(self, lang: str | None = None) -> ScenarioComparison:
        """Today and each scenario side by side (see :mod:`advisor_gui.domain.scenarios`),
        in ``lang`` (the window's by default); kept until something it shows changes."""
        from ..domain import scenarios as scenario_rules

        lang = wording.language(lang or self._lang)
        key = (self._dataset, self._answers, self._scenarios, self._derived, lang)
        if self._comparison is None or self._comparison[0] != key:
            self._comparison = (key, scenario_rules.compare(self._dataset, self._answers, self._scenarios, lang,
                                                            derived=self._derived))
        return self._comparison[1]

    def evaluate_answers(self, answers: Answers) -> Recommendation:
        """The recommendation for other answers (a scenario being edited), the register applied."""
        effective = registers.apply(conform(answers, self._dataset), self._derived)
        return evaluate(self._dataset, effective, self._lang, what_ifs=False)

    def recommendation_in(self, lang: str) -> Recommendation:
        """The recommendation worded in ``lang`` (a summary in another language):
        the same effective answers, the register's derived answer and cautions
        included, whatever the language."""
        lang = wording.language(lang)
        return self.recommendation if lang == self._lang else self._evaluate(lang=lang)

    def presentation_in(self, lang: str) -> Presentation:
        """What the views would say in ``lang``: :attr:`presentation` when that
        is the window's language, else built from :meth:`recommendation_in`."""
        lang = wording.language(lang)
        if lang == self._lang:
            return self.presentation
        everything = self._answered >= self._question_ids()
        return present(self._dataset, self.effective_answers, self.recommendation_in(lang), lang,
                       None if everything else self._answered)

    def _evaluate(self, *, what_ifs: bool = True, lang: str | None = None) -> Recommendation:
        """The engine on the effective answers, with the register's cautions:
        which prime drives the derived answer, and each stale confirmation
        (in ``lang``, the window's language by default)."""
        lang = lang or self._lang
        rec = evaluate(self._dataset, self.effective_answers, lang, what_ifs=what_ifs)
        return registers.with_cautions(rec, self._derived, lang)

    def set_register(self, entries: tuple[RegisterEntry, ...]) -> None:
        """The client's prime-contractor register; the recommendation follows
        the answer it derives. Ignored when nothing changes."""
        entries = tuple(entries)
        if entries == self._register:
            return
        self._register = entries
        self._derived = registers.derive(entries, self._today())
        self._rec = self._evaluate(what_ifs=False)
        self._what_ifs_due = True
        self._presentation = None
        self.registerChanged.emit(entries)
        self.recommendationChanged.emit(self._rec)

    # --- changes ---------------------------------------------------------------
    def set_answer(self, key: str, value: Any) -> None:
        """The user's answer to question ``key``: it counts as answered from now
        on. Setting ``workers`` directly drops the worker-count details."""
        if key == "workers" and self._answers.worker_count is not None:
            self._set(dataclasses.replace(self._answers, workers=value, worker_count=None), key)
        elif self._answers.get(key) == value:
            self.mark_answered(key)
        else:
            self._set(with_answer(self._answers, key, value), key)

    def set_worker_count(self, details: WorkerCount | None, workers: int) -> None:
        """The worker-count helper's result: the details and the workers they count."""
        self._set(dataclasses.replace(self._answers, workers=workers, worker_count=details), "workers")

    def _set(self, answers: Answers, key: str) -> None:
        # Answered before the answers change (the views see both at once), announced after.
        newly = key not in self._answered
        if newly:
            self._answered = self._answered | {key}
            self._presentation = None
        self._apply(answers)
        if newly:
            self.answeredChanged.emit(self._answered)
            self._views_timer.start()

    def set_province(self, code: str) -> None:
        self.set_answer("province", code)

    def set_answers(self, answers: Answers, answered: Iterable[str] | None = None) -> None:
        """Replace every answer (a client file opened, File ▸ New): ``answered``
        are the questions the user answered, all of them by default."""
        known = self._answered_set(answered, all_answered=True)
        if known != self._answered:
            self._answered = known
            self._presentation = None
            self.answeredChanged.emit(known)
            self._views_timer.start()
        self._apply(answers)

    def _apply(self, answers: Answers) -> None:
        answers = self._counted(conform(answers, self._dataset))
        old = self._answers
        if answers == old:
            return
        self._answers = answers
        # The program, reasons and cautions now; the what-ifs (a dozen more
        # evaluations) when something reads the recommendation or the views refresh.
        self._rec = self._evaluate(what_ifs=False)
        self._what_ifs_due = True
        self._presentation = None
        self.answersChanged.emit(answers)
        if answers.province != old.province:
            self.provinceChanged.emit(answers.province)
        self.recommendationChanged.emit(self._rec)

    def _counted(self, answers: Answers) -> Answers:
        """With worker-count details, ``workers`` as the province's rule counts
        them (as the engine will): the interview shows it, a file saves it."""
        if answers.worker_count is None:
            return answers
        rule = counting_rule(self._dataset.jurisdiction(answers.province), answers.sector)
        counted = count_workers(rule, answers.worker_count) if rule is not None else None
        if counted is None or counted[0] == answers.workers:
            return answers
        return dataclasses.replace(answers, workers=counted[0])

    def set_dataset(self, dataset: Dataset) -> None:
        """Switch to other rules (an imported update, or back to the bundled
        rules). The answers carry over; a sector the new rules do not know
        becomes ``other``; a question they add starts at its default. Emits
        datasetChanged, then answersChanged when an answer had to change, then
        recommendationChanged."""
        if dataset is self._dataset:
            return
        answers = self._conformed(self._answers, dataset)
        self._dataset = dataset
        changed = answers != self._answers
        self._answers = answers
        scenarios = tuple(dataclasses.replace(s, answers=self._conformed(s.answers, dataset)) for s in self._scenarios)
        self._rec = self._evaluate()
        self._what_ifs_due = False
        self._presentation = None
        self.datasetChanged.emit(dataset)
        if changed:
            self.answersChanged.emit(answers)
        self.set_scenarios(scenarios)
        self.recommendationChanged.emit(self._rec)
        self.flush()  # a rules switch is rare and total: show it at once

    @staticmethod
    def _conformed(answers: Answers, dataset: Dataset) -> Answers:
        """``answers`` as other rules ask them: a sector they do not know becomes ``other``."""
        answers = conform(answers, dataset)
        if answers.sector not in {s.id for s in dataset.sectors}:
            answers = dataclasses.replace(answers, sector="other")
        return answers

    def set_language(self, lang: str) -> None:
        """Show the recommendation and the dataset's texts in ``lang`` ("en" or
        "fr"; anything else is English): re-evaluates, emits languageChanged,
        then refreshes the views at once. Client files record nothing of it."""
        lang = wording.language(lang)
        if lang == self._lang:
            return
        self._lang = lang
        self._rec = self._evaluate()
        self._what_ifs_due = False
        self._presentation = None
        self.languageChanged.emit(lang)
        self.recommendationChanged.emit(self._rec)
        self.flush()

    def set_client_name(self, name: str) -> None:
        """The client's name (free text; escaped wherever it is shown)."""
        if name != self._client_name:
            self._client_name = name
            self.clientChanged.emit(name)

    def set_notes(self, notes: str) -> None:
        if notes != self._notes:
            self._notes = notes
            self.notesChanged.emit(notes)

    # --- questions -------------------------------------------------------------
    def flush(self) -> None:
        """Bring the views up to date now (printing, screenshots, tests)."""
        self._views_timer.stop()
        self.viewsDue.emit(self.recommendation)

    def question_visible(self, question: Question) -> bool:
        return interview.visible(self._dataset, self._answers, question)

    def question_matters(self, question: Question) -> bool:
        """False for a question none of whose what-ifs changes the answer now."""
        return interview.matters(question, self.recommendation)
