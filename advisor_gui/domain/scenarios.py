"""Scenarios side by side (issue 16): what the rules say for each named set of answers.

A client file keeps named variants of its answers ("After hiring 6", "Wins the
Metrolinx tender"; :class:`~advisor_gui.domain.register.Scenario`). Here the
current answers (the *base*, "Today") and each scenario are evaluated with the
same rules and put in one :class:`ScenarioComparison`: one column per set of
answers; rows for the program, how each program stands, every answer that
differs from the base somewhere, and the reasons.

Nothing is rendered here beyond words: each set of answers goes through the
presentation model (:func:`~advisor_gui.domain.presentation.present`), so the
program's name, the statuses, the answers as the client gave them and the
reasons with their citations read exactly as on the card and in the summary.
Citations are renumbered into one list for the whole comparison; a caller that
prints it beside a recommendation passes that recommendation's numbered sources
(``known``) so that a source keeps its number, and says where new numbers start.

Scenario names are the user's: unique (case and spacing aside), not empty and
at most :data:`MAX_NAME` characters (:func:`name_problem`). Pure: no Qt.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from ..util.records import record
from . import register as registers
from . import wording
from .citations import describe_source
from .engine import evaluate
from .interview import visible_questions
from .models import Answers, Cite, Dataset
from .presentation import (
    Cited,
    SourceEntry,
    distinct_locators,
    format_answer,
    locators,
    present,
    reason_cites,
)
from .register import MAX_SCENARIO_NAME, Scenario

MAX_NAME = MAX_SCENARIO_NAME  # characters of a scenario's name (a column heading in the window and in print)
MAX_SCENARIOS = 4  # beside the base: five columns still fit a printed page and the window


@record
class ScenarioCell:
    """What one column says on one row: its lines (each with citation numbers)
    and whether that differs from the base column (said in the text as well)."""

    lines: tuple[Cited, ...]
    changed: bool = False

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@record
class ScenarioRow:
    """One row across the columns: ``key`` is ``program``, ``status``,
    ``answer.<question id>`` (or ``answer.certificate_date``) or ``reasons``."""

    key: str
    label: str
    cells: tuple[ScenarioCell, ...]


@record
class ScenarioColumn:
    """One set of answers and what the rules make of it."""

    name: str
    base: bool
    program: str
    program_label: str
    verdict_kind: str  # cor, small or none (how the verdict is styled)
    changed_answers: tuple[str, ...]  # the keys of the answers that differ from the base


@record
class ScenarioComparison:
    """The base and every scenario, side by side, in one language."""

    lang: str
    title: str
    intro: str
    columns: tuple[ScenarioColumn, ...]
    rows: tuple[ScenarioRow, ...]
    sources: tuple[SourceEntry, ...]  # every source cited here, numbered as the rows cite them

    def row(self, key: str) -> ScenarioRow:
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)

    def new_sources(self, first: int) -> tuple[SourceEntry, ...]:
        """The sources numbered from ``first`` on (those the caller's list does not have)."""
        return tuple(s for s in self.sources if s.number >= first)


def base_name(lang: str) -> str:
    """The base column's name: "Today" in English."""
    return wording.words(lang)["scenario_base"]


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def clean_name(name: str) -> str:
    """A name as kept: spaces at the ends dropped, runs of white space (a line break) one space."""
    return " ".join(name.split())


def name_problem(name: str, others: Sequence[str], lang: str = "en") -> str:
    """Why ``name`` cannot name a scenario beside ``others`` (the other scenarios'
    names), in ``lang``; empty when it can. The base's name is taken in both languages."""
    w = wording.words(lang)
    cleaned = clean_name(name)
    if not cleaned:
        return w["scenario_name_empty"]
    if len(cleaned) > MAX_NAME:
        return w["scenario_name_long"].format(limit=MAX_NAME)
    taken = {_key(o) for o in others} | {_key(base_name(x)) for x in wording.LANGUAGES}
    if _key(cleaned) in taken:
        return w["scenario_name_taken"].format(name=cleaned)
    return ""


def unused_name(others: Sequence[str], lang: str = "en") -> str:
    """"Scenario 1", "Scenario 2"…: the first such name not taken."""
    template = wording.words(lang)["scenario_default_name"]
    n = 1
    while name_problem(template.format(n=n), others, lang):
        n += 1
    return template.format(n=n)


def duplicate(scenarios: Sequence[Scenario], name: str, answers: Answers) -> tuple[Scenario, ...]:
    """The scenarios with a new one, ``answers`` under ``name`` (checked by the caller), last."""
    return (*scenarios, Scenario(name=clean_name(name), answers=answers))


def _answer_keys(dataset: Dataset, base: Answers, others: Sequence[Answers]) -> list[str]:
    """The questions (in the interview's order) whose answer differs from the
    base in any scenario, then the certificate's date when it differs."""
    keys = [q.id for q in dataset.questions if any(a.get(q.id) != base.get(q.id) for a in others)]
    if any(a.certificate_date != base.certificate_date for a in others):
        keys.append("certificate_date")
    return keys


def _answer_text(dataset: Dataset, answers: Answers, key: str, lang: str) -> str:
    w = wording.words(lang)
    if key == "certificate_date":
        return wording.date(answers.certificate_date, lang) if answers.certificate_date else w["scenario_no_date"]
    question = next(q for q in dataset.questions if q.id == key)
    if question not in visible_questions(dataset, answers):
        return w["scenario_not_asked"]
    return format_answer(dataset, question, answers.get(key), lang)


def _answer_label(dataset: Dataset, key: str, lang: str) -> str:
    if key == "certificate_date":
        return wording.words(lang)["scenario_certificate_date"]
    return next(q for q in dataset.questions if q.id == key).prompt.get(lang)


class _Numbering:
    """One list of sources for the whole comparison: the ``known`` entries keep
    their numbers, others are numbered from ``first``; each entry collects the
    sections cited from it."""

    def __init__(self, dataset: Dataset, known: Sequence[SourceEntry], first: int | None) -> None:
        self._ds = dataset
        self._entries: dict[str, SourceEntry] = {s.source: s for s in known}
        self._next = first if first is not None else max((s.number for s in known), default=0) + 1

    def cite(self, cites: Sequence[Cite]) -> tuple[int, ...]:
        out: list[int] = []
        for c in cites:
            entry = self._entries.get(c.source)
            if entry is None:
                entry = SourceEntry(self._next, c.source, describe_source(self._ds.source(c.source)), ())
                self._next += 1
            entry = dataclasses.replace(entry, sections=distinct_locators((*entry.sections, *locators(c.at))))
            self._entries[c.source] = entry
            if entry.number not in out:
                out.append(entry.number)
        return tuple(out)

    def entries(self) -> tuple[SourceEntry, ...]:
        """The known entries (their sections completed), then those cited only here, by number."""
        return tuple(sorted(self._entries.values(), key=lambda s: s.number))


def compare(dataset: Dataset, base: Answers, scenarios: Sequence[Scenario], lang: str = "en", *,
            derived: registers.Derived | None = None, known: Sequence[SourceEntry] = (),
            first: int | None = None) -> ScenarioComparison:
    """The base answers ("Today") and each scenario side by side, in ``lang``.

    ``derived``: the client's prime-contractor register, applied to every set of
    answers as it is to the base (the register is the client's, not a scenario's).
    ``known``: numbered sources the comparison is shown beside (a summary's);
    they keep their numbers, new ones start at ``first`` (default: after them)."""
    lang = wording.language(lang)
    w = wording.words(lang)
    named = [(base_name(lang), registers.apply(base, derived)),
             *((s.name, registers.apply(s.answers, derived)) for s in scenarios)]
    recs = [evaluate(dataset, a, lang, what_ifs=False) for _, a in named]
    views = [present(dataset, a, rec, lang) for (_, a), rec in zip(named, recs, strict=True)]
    rules = {r.id: r for r in dataset.rules}
    numbering = _Numbering(dataset, known, first)
    base_answers, base_view = named[0][1], views[0]
    keys = _answer_keys(dataset, base_answers, [a for _, a in named[1:]])

    def changed(text: str, is_changed: bool) -> str:
        return w["scenario_changed"].format(value=text, base=named[0][0]) if is_changed else text

    columns = []
    program_cells, status_cells, reason_cells = [], [], []
    answer_cells: dict[str, list[ScenarioCell]] = {k: [] for k in keys}
    for i, ((name, answers), view, rec) in enumerate(zip(named, views, recs, strict=True)):
        program_changed = i > 0 and view.program != base_view.program
        status_changed = i > 0 and [s.line for s in view.statuses] != [s.line for s in base_view.statuses]
        program_cells.append(ScenarioCell((Cited(changed(view.program_label, program_changed)),), program_changed))
        status_cells.append(ScenarioCell(tuple(Cited(s.line) for s in view.statuses), status_changed))
        reason_cells.append(ScenarioCell(tuple(Cited(r.text, numbering.cite(reason_cites(rules, rec, r.rule)), r.rule)
                                               for r in view.reasons)))
        differing = []
        for key in keys:
            text = _answer_text(dataset, answers, key, lang)
            is_changed = i > 0 and text != _answer_text(dataset, base_answers, key, lang)
            if is_changed:
                differing.append(key)
            answer_cells[key].append(ScenarioCell((Cited(changed(text, is_changed)),), is_changed))
        columns.append(ScenarioColumn(name, i == 0, view.program, view.program_label, view.verdict_kind,
                                      tuple(differing)))
    rows = [ScenarioRow("program", w["scenario_program"], tuple(program_cells)),
            ScenarioRow("status", w["scenario_status"], tuple(status_cells)),
            *(ScenarioRow(f"answer.{k}", _answer_label(dataset, k, lang), tuple(answer_cells[k])) for k in keys),
            ScenarioRow("reasons", w["scenario_reasons"], tuple(reason_cells))]
    intro = w["scenario_intro"].format(base=named[0][0]) if scenarios else w["scenario_none"]
    return ScenarioComparison(lang, w["scenarios"], intro, tuple(columns), tuple(rows), numbering.entries())
