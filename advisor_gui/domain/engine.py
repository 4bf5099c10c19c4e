"""The decision engine: answers + dataset -> a cited recommendation.

Pure and deterministic. Eligibility comes from the jurisdiction's table row;
the recommendation from the dataset's ordered rules (NONE beats COR beats the
small-employer program); cautions from advice rules and the source notes that
apply; what would change the answer from re-evaluating with each question's
probes.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar, cast, get_args

from ..util.records import record
from . import wording
from .answer_schema import answer_facts, answer_specs, conform, with_answer
from .citations import format_cites, short_cites
from .conditions import FactSpec, FactValue, holds
from .models import (
    MAX_WORKERS,
    Answers,
    Certification,
    Cite,
    Condition,
    CountingRule,
    Dataset,
    Jurisdiction,
    Partner,
    PrimeContractor,
    Probe,
    ProgramCode,
    Question,
    Rule,
    SectorGroup,
    Text,
    WorkerCount,
    derived,
    derived_value,
)

PLACEHOLDER = re.compile(r"\{(\w+)\}")
# Names a dataset text may use in braces; checked when the dataset loads.
TEXT_FIELDS = frozenset(
    {
        "workers", "n_workers", "province_name", "cor_line", "small_label", "small_max",
        "program_label", "platforms", "other_provinces", "value", "program",
        # a counting rule's sentence (CountingRule.applied)
        "counted", "peak", "owners", "subcontractors", "payroll_hours", "fte",
    }
)
HOURS_PER_FTE = 2080  # BC: FTEs = annual payroll hours / 2,080 (go2HR)
_DECISION_RANK = {"none": 0, "cor": 1, "small": 2}


@record
class Reason:
    """Why the program was recommended: the rule, its text and its citation."""

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
    """A certifying partner to contact, with its own program label and limit."""

    acronym: str
    name: str
    source: str
    # The partner's own name for the recommended program and its size limit,
    # where they differ from the province's (empty otherwise).
    program_label: str = ""
    limit: str = ""

    def label(self) -> str:
        """"ACSA (Alberta Construction Safety Association)"; the name alone when
        it already starts with the acronym ("go2HR (tourism and hospitality)")."""
        if self.name == self.acronym or self.name.startswith(f"{self.acronym} "):
            return self.name
        return f"{self.acronym} ({self.name})"


@record
class ProvinceFact:
    """A cited fact about the client's jurisdiction (DESIGN.md §2: every cited
    fact reaches a user); ``topic`` is what it bears on (see models.NoteTopic)."""

    topic: str
    text: str
    source: str
    cites: tuple[Cite, ...] = ()  # what ``source`` formats, for views that number their sources


@record
class Counting:
    """The province's counting rule, and the count the recommendation used.

    ``applied`` is true when ``worker_count`` was given and the rule could use
    it; ``workers`` is then the count by the rule (FTEs rounded up: the rule
    compares them unrounded, and 19.2 FTEs is over 19), else the ``workers``
    answer. ``general_guidance``: no province rule was found; the article's
    general guidance is applied."""

    rule: str
    text: str
    help: str
    source: str
    basis: str
    applied: bool
    workers: int
    fte: float | None = None
    sentence: str = ""  # names the rule applied (also the first reason) when applied
    cites: tuple[Cite, ...] = ()  # what ``source`` formats

    @property
    def general_guidance(self) -> bool:
        return self.basis == "general"

    def as_contract(self) -> dict[str, object]:
        return {
            "rule": self.rule, "text": self.text, "source": self.source, "basis": self.basis,
            "general_guidance": self.general_guidance, "applied": self.applied,
            "workers": self.workers, "fte": self.fte,
        }


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
    # Question ids whose answers the reasons rest on (the facts their rules test).
    contributing: tuple[str, ...] = ()
    # The jurisdiction's facts that bear on this client: who issues the
    # certificate, incentives, and the notes whose conditions hold.
    province_facts: tuple[ProvinceFact, ...] = ()
    # How the province places an employer when no listed partner serves its sector.
    placement: ProvinceFact | None = None
    counting: Counting | None = None  # None only where no program applies (Quebec)

    def as_contract(self) -> dict[str, object]:
        """The JSON document of DESIGN.md §4 (plus ``what_would_change`` and the
        keys added since: ``province_facts``, ``placement``, ``counting``)."""
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
            "province_facts": [{"topic": f.topic, "text": f.text, "source": f.source} for f in self.province_facts],
            "placement": (
                {"text": self.placement.text, "source": self.placement.source} if self.placement else None
            ),
            "counting": self.counting.as_contract() if self.counting else None,
        }


def fill(text: Text, values: Mapping[str, str], lang: str = "en") -> str:
    """Fill {name} placeholders; only names in TEXT_FIELDS ever reach here."""
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text.get(lang))


def normalise(answers: Answers, dataset: Dataset) -> Answers:
    """Conform the answers to the dataset; drop the home province from
    ``other_provinces`` and duplicates everywhere; count ``workers`` by the
    province's rule when ``worker_count`` is given (and drop it, so a what-if
    that tries another count is not counted over)."""
    answers = conform(answers, dataset)
    others = tuple(dict.fromkeys(p for p in answers.other_provinces if p != answers.province))
    platforms = tuple(dict.fromkeys(answers.prequal_platforms))
    if answers.worker_count is not None:
        rule = counting_rule(dataset.jurisdiction(answers.province), answers.sector)
        counted = count_workers(rule, answers.worker_count) if rule is not None else None
        workers = counted[0] if counted is not None else answers.workers
        answers = replace(answers, workers=workers, worker_count=None)
    if others == answers.other_provinces and platforms == answers.prequal_platforms:
        return answers
    return replace(answers, other_provinces=others, prequal_platforms=platforms)


def counting_rule(j: Jurisdiction, sector: str) -> CountingRule | None:
    """The jurisdiction's counting rule for ``sector``: the first whose sectors
    include it, else the first for every sector."""
    for rule in j.counting:
        if sector in rule.sectors:
            return rule
    return next((rule for rule in j.counting if not rule.sectors), None)


def count_workers(rule: CountingRule, details: WorkerCount) -> tuple[int, float | None] | None:
    """``workers`` by ``rule`` from the details (with the FTEs for an FTE rule),
    or None when the details give nothing the rule counts."""
    given = details.given()
    if rule.basis == "fte":
        hours = given.get("payroll_hours")
        if hours is None:
            return None
        fte = hours / HOURS_PER_FTE
        return min(MAX_WORKERS, max(1, math.ceil(fte))), fte
    parts = [given[part] for part in rule.counts if part in given]
    if not parts:
        return None
    return min(MAX_WORKERS, max(1, math.ceil(sum(parts)))), None


def n_workers(count: int, lang: str) -> str:
    """"1 worker", "12 workers" (the plural as the language forms it)."""
    if lang == "fr":
        return f"{wording.number(count, lang)} travailleur" + ("s" if count > 1 else "")
    return f"{wording.number(count, lang)} worker" + ("s" if count != 1 else "")


def join_list(items: Sequence[str], lang: str) -> str:
    """"A", "A and B", "A, B and C" (French: "et")."""
    word = " et " if lang == "fr" else " and "
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + word + items[-1]


def _counting(dataset: Dataset, answers: Answers, j: Jurisdiction, lang: str) -> tuple[Counting | None, str]:
    """The province's rule as applied to the raw answers, and, when details were
    given that the rule cannot use, the caution saying so."""
    rule = counting_rule(j, answers.sector)
    if rule is None:
        return None, ""
    counted = count_workers(rule, answers.worker_count) if answers.worker_count is not None else None
    where = {"province_name": j.name.get(lang)}

    def made(workers: int, fte: float | None = None, sentence: str = "") -> Counting:
        return Counting(rule.id, fill(rule.rule, where, lang), fill(rule.help, where, lang),
                        format_cites(dataset, rule.cite), rule.basis, bool(sentence), workers, fte, sentence,
                        rule.cite)

    if counted is None:
        caution = ""
        if answers.worker_count is not None:
            caution = wording.words(lang)["count_incomplete"].format(
                province_name=j.name.get(lang), n_workers=n_workers(answers.workers, lang))
        return made(answers.workers), caution
    workers, fte = counted
    given = answers.worker_count.given() if answers.worker_count is not None else {}
    values = {
        "counted": wording.number(workers, lang),
        "n_workers": n_workers(workers, lang),
        "peak": wording.number(given.get("peak_12_months", 0), lang, 2),
        "owners": wording.number(given.get("owners_family_volunteers", 0), lang, 2),
        "subcontractors": wording.number(given.get("subcontractors", 0), lang, 2),
        "payroll_hours": wording.number(given.get("payroll_hours", 0), lang, 2),
        "fte": wording.number(fte, lang, 2) if fte is not None else "",
        "province_name": j.name.get(lang),
    }
    return made(workers, fte, fill(rule.applied, values, lang)), ""


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
    # some listed partner serves the client's sector for the recommended program
    "partner_found": FactSpec("bool", advice_only=True),
}
DERIVED_FACTS = frozenset(_DERIVED_FACTS)


def fact_specs(dataset: Dataset) -> dict[str, FactSpec]:
    """Every fact a condition may name: the answers (those the dataset adds
    included) and what :func:`facts_for` derives."""
    return {**answer_specs(dataset), **_DERIVED_FACTS}


def facts_for(dataset: Dataset, answers: Answers, j: Jurisdiction) -> dict[str, FactValue]:
    """The facts of :func:`fact_specs` but the advice-only ones (known once the
    program is decided: :func:`advice_facts`)."""
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
    """Only the program: the cheap core that what-if probes re-run (some twenty
    times an answer); kept for answers that come back (see :func:`_kept`)."""
    return _kept(dataset, _DECIDED, answers, lambda: _decide(dataset, answers), 4096)


def _decide(dataset: Dataset, answers: Answers) -> str:
    answers = normalise(answers, dataset)
    j = dataset.jurisdiction(answers.province)
    facts = facts_for(dataset, answers, j)
    return _effect_program(j, _winning_effect(dataset, _decision_rules_fired(dataset, facts)))


T = TypeVar("T")
_DECIDED, _EVALUATED = "engine.decide", "engine.evaluate"  # derived(dataset) keys
_MISSING = object()


def _kept(dataset: Dataset, kind: str, key: Hashable, make: Callable[[], T], most: int) -> T:
    """``make()``, kept with ``dataset`` under ``key`` (the engine is a pure function of
    the dataset and the answers): a consultant who changes an answer and changes it
    back, or flips between two, asks for the same results again. At most ``most`` of a
    kind (a program is a word; a recommendation some 10-20 KB)."""
    kept = derived(dataset).setdefault(kind, {})
    value = kept.get(key, _MISSING)
    if value is _MISSING:
        value = make()
        if len(kept) >= most:
            kept.clear()  # a long session: start again rather than grow
        kept[key] = value
    return cast(T, value)


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
    caller that fills them in later); kept for answers that come back."""
    return _kept(dataset, _EVALUATED, (answers, lang, what_ifs),
                 lambda: _evaluate(dataset, answers, lang, what_ifs=what_ifs), 256)


def _evaluate(dataset: Dataset, answers: Answers, lang: str, *, what_ifs: bool) -> Recommendation:
    answers = conform(answers, dataset)
    j = dataset.jurisdiction(answers.province)
    counting, incomplete = _counting(dataset, answers, j, lang) if j.participates else (None, "")
    answers = normalise(answers, dataset)
    facts = facts_for(dataset, answers, j)
    fired = _decision_rules_fired(dataset, facts)
    effect = _winning_effect(dataset, fired)
    program = _effect_program(j, effect)
    values = _text_values(dataset, answers, j, program, lang)

    winning = [rule for rule in (dataset.rules[i] for i in fired) if rule.effect == effect]
    reasons = tuple(
        Reason(rule.id, fill(rule.text, values, lang), format_cites(dataset, rule.cite)) for rule in winning
    )
    if counting is not None and counting.applied:
        reasons = (Reason(counting.rule, counting.sentence, counting.source), *reasons)
    partners = suggest_partners(dataset, j, answers.sector, program, lang)
    advice_facts = {**facts, "program": program, "partner_found": bool(partners)}
    cautions: list[Caution] = []
    if incomplete and counting is not None:
        cautions.append(Caution("count.incomplete", incomplete, counting.source))
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
    placement = None
    if not partners and program != "NONE" and j.placement is not None:
        placement = ProvinceFact("partners", j.placement.text.get(lang), format_cites(dataset, j.placement.cite),
                                 j.placement.cite)
    return Recommendation(
        program=program,
        eligible=eligible_programs(j, answers.workers),
        province=answers.province,
        reasons=reasons,
        cautions=tuple(cautions),
        next_steps=tuple(steps),
        partners=partners,
        what_would_change=tuple(changes),
        dataset_version=dataset.version,
        dataset_effective=dataset.effective.isoformat(),
        influential=tuple(influential),
        step_rules=tuple(step_rules),
        contributing=contributing_questions(dataset, winning),
        province_facts=province_facts(dataset, j, advice_facts, lang),
        placement=placement,
        counting=counting,
    )


def province_facts(
    dataset: Dataset, j: Jurisdiction, facts: Mapping[str, FactValue] | None, lang: str = "en"
) -> tuple[ProvinceFact, ...]:
    """Who issues the certificate, then the jurisdiction's notes whose ``when``
    holds for ``facts`` (every note when ``facts`` is None: the table's details)."""
    out = []
    if j.issuer is not None:
        out.append(ProvinceFact("issuer", j.issuer.get(lang), format_cites(dataset, j.issuer_cite), j.issuer_cite))
    for note in j.notes:
        if facts is None or note.when is None or holds(note.when, facts):
            out.append(ProvinceFact(note.topic, note.text.get(lang), format_cites(dataset, note.cite), note.cite))
    return tuple(out)


# The question each derived fact comes from (a fact of an answer key is its own).
_FACT_QUESTION = {
    "sector_group": "sector",
    "small_eligible": "workers",
    "small_headroom": "workers",
}


def condition_facts(cond: Condition) -> Iterable[str]:
    """Every fact a condition names (with ``ref``)."""
    if cond.fact:
        yield cond.fact
    if cond.ref:
        yield cond.ref
    for sub in (*cond.all, *cond.any, *cond.none):
        yield from condition_facts(sub)


def contributing_questions(dataset: Dataset, rules: Sequence[Rule]) -> tuple[str, ...]:
    """The questions whose answers the given rules' conditions test, in the
    interview's order: an answer behind a reason is never moot."""
    named: set[str] = set()
    for rule in rules:
        for fact in condition_facts(rule.when):
            if fact.startswith("jurisdiction."):
                named.add("province")
            else:
                named.add(_FACT_QUESTION.get(fact, fact))
    return tuple(q.id for q in dataset.questions if q.id in named)


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
    others = join_list([dataset.jurisdiction(c).name.get(lang) for c in answers.other_provinces], lang)
    return {
        "workers": wording.number(answers.workers, lang),
        "n_workers": n_workers(answers.workers, lang),
        "province_name": j.name.get(lang),
        "cor_line": wording.number(j.cor_line, lang) if j.cor_line is not None else "",
        "small_label": small,
        "small_max": wording.number(j.small_max_workers, lang) if j.small_max_workers is not None else "",
        "program_label": dataset.program(program).short.get(lang),
        "platforms": join_list(list(answers.prequal_platforms), lang),
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
    """The "Sources differ" sentence: both claims, with or without their citations
    (kept with the dataset: every evaluation words the province's notes again)."""
    return derived_value(dataset, ("source_note_text", note_id, lang, with_sources),
                         lambda: _source_note_text(dataset, note_id, lang, with_sources))


def _source_note_text(dataset: Dataset, note_id: str, lang: str, with_sources: bool) -> str:
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
    """Partners that run ``program`` here for the client's sector: its
    specialists, else those of its group, else the partners open to any
    industry; none when no partner serves it (the recommendation then carries
    the province's ``placement`` advice instead)."""
    return tuple(_suggestion(dataset, p, program, lang) for p in partners_for(dataset, j, sector, program))


def partners_for(dataset: Dataset, j: Jurisdiction, sector: str, program: str) -> list[Partner]:
    """The partners :func:`suggest_partners` suggests, as the dataset has them."""
    running = [p for p in j.partners if program in p.programs]
    group = dataset.sector(sector).group
    for pick in (
        [p for p in running if sector in p.sectors],
        # a finer sector of construction or oil and gas; "other" is no catch-all
        # (S2SA serves sales and service, not trucking): that is what ``general`` says
        [p for p in running if group != "other" and group in p.sectors],
        [p for p in running if p.general],
    ):
        if pick:
            return pick
    return []


def _suggestion(dataset: Dataset, p: Partner, program: str, lang: str) -> PartnerSuggestion:
    small = program != "COR"
    return PartnerSuggestion(
        p.acronym, p.name.get(lang), format_cites(dataset, p.cite),
        program_label=p.small_label.get(lang) if small and p.small_label else "",
        limit=p.small_limit.get(lang) if small and p.small_limit else "",
    )


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
    if question.kind == "provinces" and isinstance(probe.value, tuple):
        others = tuple(p for p in probe.value if p != answers.province)
        if probe.value and (not others or current):
            # "also works in another province": not for the home province, nor
            # for a firm that already works elsewhere
            return []
    return [probe.value]


def unreachable(dataset: Dataset) -> list[tuple[tuple[str | int, ...], str]]:
    """The jurisdiction facts no answers would show (DESIGN.md §2: every cited
    fact reaches a user), as (path in the dataset, problem).

    Reachable means: a note with no ``when`` goes into ``province_facts`` for
    every client of its jurisdiction (and, like every note, into the table's
    details); a note with a ``when`` must hold for some answers; the placement
    advice must be needed for some sector and program (no partner serves it).
    The answers tried: every sector, prime-contractor answer and certificate,
    with and without public bids, at the sizes around the jurisdiction's lines.
    """
    problems: list[tuple[tuple[str | int, ...], str]] = []
    for ji, j in enumerate(dataset.jurisdictions):
        pending = {k for k, note in enumerate(j.notes) if note.when is not None}
        placement_needed = j.placement is None
        marks = {1, 4, 25, *(m + d for m in (j.cor_line, j.small_max_workers) if m for d in (-1, 0, 1))}
        for workers, sector, prime, public, cert in itertools.product(
            sorted(m for m in marks if m >= 1), [s.id for s in dataset.sectors],
            get_args(PrimeContractor), (False, True), get_args(Certification),
        ):
            if not pending and placement_needed:
                break
            answers = normalise(Answers(province=j.code, workers=workers, sector=sector, prime_contractor=prime,
                                        public_sector_bids=public, current_certification=cert), dataset)
            facts = facts_for(dataset, answers, j)
            program = _effect_program(j, _winning_effect(dataset, _decision_rules_fired(dataset, facts)))
            found = bool(partners_for(dataset, j, sector, program))
            if not found and program != "NONE":
                placement_needed = True
            advice = {**facts, "program": program, "partner_found": found}
            pending = {k for k in pending if not holds(cast(Condition, j.notes[k].when), advice)}
        for k in sorted(pending):
            problems.append((("jurisdictions", ji, "notes", k, "when"),
                             "no answers select this note, so it would reach no recommendation"))
        if not placement_needed:
            problems.append((("jurisdictions", ji, "placement"),
                             "a partner serves every sector here, so the placement advice would reach no one"))
    return problems
