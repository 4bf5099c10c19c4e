"""The decision engine: answers + dataset -> a cited recommendation.

Pure and deterministic. Eligibility comes from the jurisdiction's table row;
the recommendation from the dataset's ordered rules (NONE beats COR beats the
small-employer program); cautions from advice rules and the source notes that
apply; what would change the answer from re-evaluating with each question's
probes.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import get_args

from ..util.records import record
from . import wording
from .answer_schema import answer_facts, answer_specs, conform, with_answer
from .citations import format_cites, short_cites
from .conditions import FactSpec, FactValue, holds
from .models import Answers, Dataset, Jurisdiction, Probe, ProgramCode, Question, SectorGroup, Text

PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Names a dataset text may use in braces; checked when the dataset loads.
TEXT_FIELDS = frozenset(
    {
        "workers", "province_name", "cor_line", "small_label", "small_max",
        "program_label", "platforms", "other_provinces", "value", "program",
    }
)
_DECISION_RANK = {"none": 0, "cor": 1, "small": 2}


@record
class Reason:
    rule: str
    text: str
    source: str


@record
class Caution:
    """``text`` is self-contained (citations inline, for the JSON contract);
    ``brief`` leaves them to ``source``, for views that show sources apart."""

    rule: str
    text: str
    source: str = ""
    brief: str = ""


@record
class PartnerSuggestion:
    acronym: str
    name: str
    source: str

    def label(self) -> str:
        return f"{self.acronym} ({self.name})"


@record
class Recommendation:
    """What the engine concludes for one answers document."""

    program: str
    eligible: tuple[str, ...]
    province: str
    reasons: tuple[Reason, ...]
    cautions: tuple[Caution, ...]
    next_steps: tuple[str, ...]
    partners: tuple[PartnerSuggestion, ...]
    what_would_change: tuple[str, ...]
    dataset_version: str
    dataset_effective: str
    influential: tuple[str, ...] = ()  # question ids whose what-if changes the program
    step_rules: tuple[str, ...] = ()  # the rule behind each of next_steps, in the same order

    def as_contract(self) -> dict[str, object]:
        """The JSON document of DESIGN.md §4 (plus ``what_would_change``)."""
        return {
            "program": self.program,
            "eligible": list(self.eligible),
            "province": self.province,
            "reasons": [{"rule": r.rule, "text": r.text, "source": r.source} for r in self.reasons],
            "cautions": [{"rule": c.rule, "text": c.text} for c in self.cautions],
            "next_steps": list(self.next_steps),
            "partners": [p.label() for p in self.partners],
            "what_would_change": list(self.what_would_change),
            "dataset": {"version": self.dataset_version, "effective": self.dataset_effective},
        }


def fill(text: Text, values: Mapping[str, str], lang: str = "en") -> str:
    """Fill {name} placeholders; only names in TEXT_FIELDS ever reach here."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text.get(lang))


def normalise(answers: Answers, dataset: Dataset) -> Answers:
    """Conform the answers to the dataset; drop the home province from
    ``other_provinces`` and duplicates everywhere."""
    answers = conform(answers, dataset)
    others = tuple(dict.fromkeys(p for p in answers.other_provinces if p != answers.province))
    platforms = tuple(dict.fromkeys(answers.prequal_platforms))
    if others == answers.other_provinces and platforms == answers.prequal_platforms:
        return answers
    return replace(answers, other_provinces=others, prequal_platforms=platforms)


def small_eligible(j: Jurisdiction, workers: int) -> bool:
    if not j.participates or j.small_program is None:
        return False
    return j.small_max_workers is None or workers <= j.small_max_workers


def eligible_programs(j: Jurisdiction, workers: int) -> tuple[str, ...]:
    """From the table: COR anywhere that participates; the small program up to its limit."""
    if not j.participates:
        return ()
    if small_eligible(j, workers) and j.small_program is not None:
        return ("COR", j.small_program)
    return ("COR",)


# The facts the engine derives from the answers and the jurisdiction; with the
# answers themselves (answer_schema), every fact a rule condition may name.
_DERIVED_FACTS = {
    "sector_group": FactSpec("enum", get_args(SectorGroup)),
    "jurisdiction.participates": FactSpec("bool"),
    "jurisdiction.cor_line": FactSpec("int", nullable=True),
    "jurisdiction.cor_min_workers": FactSpec("int", nullable=True),
    "jurisdiction.small_program": FactSpec("enum", ("SECOR", "SMALL_COR"), nullable=True),
    "jurisdiction.small_max_workers": FactSpec("int", nullable=True),
    "small_eligible": FactSpec("bool"),
    "small_headroom": FactSpec("int", nullable=True),
    "program": FactSpec("enum", get_args(ProgramCode), advice_only=True),
}
DERIVED_FACTS = frozenset(_DERIVED_FACTS)


def fact_specs(dataset: Dataset) -> dict[str, FactSpec]:
    """Every fact a condition may name: the answers (those the dataset adds
    included) and what :func:`facts_for` derives."""
    return {**answer_specs(dataset), **_DERIVED_FACTS}


def facts_for(dataset: Dataset, answers: Answers, j: Jurisdiction) -> dict[str, FactValue]:
    """The facts of :func:`fact_specs` but ``program`` (known only once decided)."""
    facts = answer_facts(dataset, answers)
    facts.update({
        "sector_group": dataset.sector(answers.sector).group,
        "jurisdiction.participates": j.participates,
        "jurisdiction.cor_line": j.cor_line,
        "jurisdiction.cor_min_workers": j.cor_min_workers,
        "jurisdiction.small_program": j.small_program,
        "jurisdiction.small_max_workers": j.small_max_workers,
        "small_eligible": small_eligible(j, answers.workers),
        "small_headroom": (
            j.small_max_workers - answers.workers if j.small_max_workers is not None else None
        ),
    })
    return facts


def decide(dataset: Dataset, answers: Answers) -> str:
    """Only the program: the cheap core that what-if probes re-run."""
    answers = normalise(answers, dataset)
    j = dataset.jurisdiction(answers.province)
    facts = facts_for(dataset, answers, j)
    return _effect_program(j, _winning_effect(dataset, _decision_rules_fired(dataset, facts)))


def _decision_rules_fired(dataset: Dataset, facts: Mapping[str, FactValue]) -> list[int]:
    return [
        i
        for i, rule in enumerate(dataset.rules)
        if rule.effect in _DECISION_RANK and holds(rule.when, facts)
    ]


def _winning_effect(dataset: Dataset, fired: list[int]) -> str:
    if not fired:
        # The dataset's rules must cover every case; tests walk all jurisdictions
        # and sizes. Falling back to COR keeps the advice on the safe side.
        return "cor"
    return min((dataset.rules[i].effect for i in fired), key=_DECISION_RANK.__getitem__)


def evaluate(dataset: Dataset, answers: Answers, lang: str = "en", *, what_ifs: bool = True) -> Recommendation:
    """The full recommendation with reasons, cautions, steps, partners and
    what-ifs (``what_ifs=False`` skips the what-ifs, the costliest part, for a
    caller that fills them in later)."""
    answers = normalise(answers, dataset)
    j = dataset.jurisdiction(answers.province)
    facts = facts_for(dataset, answers, j)
    fired = _decision_rules_fired(dataset, facts)
    effect = _winning_effect(dataset, fired)
    program = _effect_program(j, effect)
    values = _text_values(dataset, answers, j, program, lang)

    reasons = tuple(
        Reason(rule.id, fill(rule.text, values, lang), format_cites(dataset, rule.cite))
        for rule in (dataset.rules[i] for i in fired)
        if rule.effect == effect
    )
    advice_facts = {**facts, "program": program}
    cautions: list[Caution] = []
    steps: list[str] = []
    step_rules: list[str] = []
    for rule in dataset.rules:
        if rule.effect in _DECISION_RANK or not holds(rule.when, advice_facts):
            continue
        text = fill(rule.text, values, lang)
        if rule.effect == "caution":
            cautions.append(Caution(rule.id, text, format_cites(dataset, rule.cite)))
        else:
            steps.append(text)
            step_rules.append(rule.id)
    fired_ids = {r.rule for r in reasons} | {c.rule for c in cautions}
    cautions += _source_notes(dataset, answers.province, fired_ids, advice_facts, lang)

    changes, influential = _what_would_change(dataset, answers, program, lang) if what_ifs else ([], [])
    return Recommendation(
        program=program,
        eligible=eligible_programs(j, answers.workers),
        province=answers.province,
        reasons=reasons,
        cautions=tuple(cautions),
        next_steps=tuple(steps),
        partners=suggest_partners(dataset, j, answers.sector, program, lang),
        what_would_change=tuple(changes),
        dataset_version=dataset.version,
        dataset_effective=dataset.effective.isoformat(),
        influential=tuple(influential),
        step_rules=tuple(step_rules),
    )


def with_what_ifs(dataset: Dataset, answers: Answers, rec: Recommendation, lang: str = "en") -> Recommendation:
    """``rec``, from ``evaluate(dataset, answers, lang, what_ifs=False)``, completed
    with its what-ifs: the same as evaluating again with them, for the cost of
    the what-ifs alone."""
    changes, influential = _what_would_change(dataset, normalise(answers, dataset), rec.program, lang)
    return dataclasses.replace(rec, what_would_change=tuple(changes), influential=tuple(influential))


def _effect_program(j: Jurisdiction, effect: str) -> str:
    if effect == "none":
        return "NONE"
    if effect == "small" and j.small_program is not None:
        return j.small_program
    return "COR"


def _text_values(
    dataset: Dataset, answers: Answers, j: Jurisdiction, program: str, lang: str
) -> dict[str, str]:
    small = dataset.program(j.small_program).short.get(lang) if j.small_program else ""
    others = ", ".join(dataset.jurisdiction(c).name.get(lang) for c in answers.other_provinces)
    return {
        "workers": wording.number(answers.workers, lang),
        "province_name": j.name.get(lang),
        "cor_line": wording.number(j.cor_line, lang) if j.cor_line is not None else "",
        "small_label": small,
        "small_max": wording.number(j.small_max_workers, lang) if j.small_max_workers is not None else "",
        "program_label": dataset.program(program).short.get(lang),
        "platforms": ", ".join(answers.prequal_platforms),
        "other_provinces": others,
    }


def _source_notes(
    dataset: Dataset,
    province: str,
    fired: set[str],
    facts: Mapping[str, FactValue],
    lang: str,
) -> list[Caution]:
    notes = []
    for note in dataset.source_notes:
        if note.jurisdictions and province not in note.jurisdictions:
            continue
        if note.rules and not fired.intersection(note.rules):
            continue
        if note.when is not None and not holds(note.when, facts):
            continue
        notes.append(
            Caution(
                note.id,
                source_note_text(dataset, note.id, lang),
                format_cites(dataset, note.article.cite + note.other.cite),
                source_note_text(dataset, note.id, lang, with_sources=False),
            )
        )
    return notes


def source_note_text(dataset: Dataset, note_id: str, lang: str = "en", *, with_sources: bool = True) -> str:
    """The "Sources differ" sentence: both claims, with or without their citations."""
    note = next(n for n in dataset.source_notes if n.id == note_id)
    template = wording.words(lang)["note_with_sources" if with_sources else "note_brief"]
    return template.format(
        topic=note.topic.get(lang),
        a=note.article.text.get(lang),
        a_src=short_cites(dataset, note.article.cite),
        b=note.other.text.get(lang),
        b_src=short_cites(dataset, note.other.cite),
    )


def suggest_partners(
    dataset: Dataset, j: Jurisdiction, sector: str, program: str, lang: str = "en"
) -> tuple[PartnerSuggestion, ...]:
    """Partners that run ``program`` here: sector specialists first, else the
    partners open to any industry, else everyone who runs it."""
    running = [p for p in j.partners if program in p.programs]
    group = dataset.sector(sector).group
    for pick in (
        [p for p in running if sector in p.sectors],
        [p for p in running if group in p.sectors],
        [p for p in running if p.general],
        running,
    ):
        if pick:
            return tuple(
                PartnerSuggestion(p.acronym, p.name.get(lang), format_cites(dataset, p.cite)) for p in pick
            )
    return ()


def _what_would_change(
    dataset: Dataset, answers: Answers, program: str, lang: str
) -> tuple[list[str], list[str]]:
    """Sentences saying which other answer changes the program, and the
    questions they belong to."""
    if program == "NONE":
        return [], []
    j = dataset.jurisdiction(answers.province)
    out: list[str] = []
    influential: list[str] = []
    for question in dataset.questions:
        for probe in question.what_if:
            for trial in _trials(question, probe, answers, j):
                other = decide(dataset, with_answer(answers, question.id, trial))
                if other != program:
                    label = dataset.program(other).short.get(lang)
                    shown = wording.number(trial, lang) if isinstance(trial, int) else ""
                    sentence = fill(probe.text, {"program": label, "value": shown}, lang)
                    if sentence not in out:
                        out.append(sentence)
                    if question.id not in influential:
                        influential.append(question.id)
                    break
    return out, influential


def _trials(
    question: Question, probe: Probe, answers: Answers, j: Jurisdiction
) -> Sequence[object]:
    current = answers.get(question.id)
    if probe.direction:
        marks = {m for m in (j.cor_line, j.small_max_workers) if m is not None}
        marks |= {m + 1 for m in marks} | {m - 1 for m in marks}
        if probe.direction == "up":
            return sorted(m for m in marks if m > current)
        return sorted((m for m in marks if 1 <= m < current), reverse=True)
    if probe.value == current:
        return []
    return [probe.value]
