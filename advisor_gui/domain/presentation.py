"""What a recommendation says, in one language: the model every view renders.

:func:`present` turns the engine's :class:`~advisor_gui.domain.engine.Recommendation`
(whose dataset texts are already in the language asked for), the answers and
the dataset into a frozen :class:`Presentation`: headings, the verdict, each
program's status with its reason, reasons, cautions, source notes, partners and
next steps with their numbered citations, the transition guide, what would
change the answer, the province's facts, the comparison, the answers as asked,
what is still to find out, and the numbered sources. The recommendation card,
the printed summary and the command line's text output render this model and
nothing else, so they say the same things with the same citation numbers; the
fixed wording comes from :mod:`advisor_gui.domain.wording`, the citations from
:mod:`advisor_gui.domain.citations`.

Citations are numbered per source document in order of first citation
(:attr:`Presentation.sources`); each entry lists the sections cited from it.
Building a model is cheap (well under a millisecond): the window builds one per
recommendation it shows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from html import escape

from ..util.records import record
from . import wording
from .citations import describe_source
from .engine import Recommendation
from .interview import answered as answered_questions
from .models import Answers, Cite, Dataset, Jurisdiction, Partner, Question, Rule
from .province import comparison_for

# --- the model -------------------------------------------------------------------------


@record
class Cited:
    """A sentence and the numbers of the sources it cites (see Presentation.sources);
    ``rule`` names the rule (or source note) that produced it, when one did."""

    text: str
    refs: tuple[int, ...] = ()
    rule: str = ""


@record
class AnswerLine:
    """One question as asked and the answer given (or not yet)."""

    key: str
    question: str
    answer: str


@record
class PartnerLine:
    """A partner as the views list it, with its citation numbers."""

    acronym: str
    name: str
    refs: tuple[int, ...] = ()
    # The partner's own program and size limit when they differ from the
    # province's ("program: SEBASE (…); size: 2 to 19 personnel"), else empty.
    program: str = ""

    @property
    def line(self) -> str:
        """"ACSA — Alberta Construction Safety Association", then its program, if its own."""
        text = f"{self.acronym} — {self.name}"
        return f"{text} ({self.program})" if self.program else text


@record
class Dispute:
    """A place where public sources disagree with the article: both claims."""

    rule: str
    topic: str
    article: Cited
    other: Cited


@record
class Guide:
    """A cited explanatory section shown with the advice (the SECOR to COR transition)."""

    title: str
    body: str
    points: tuple[str, ...]
    refs: tuple[int, ...]


@record
class ProgramStatus:
    """How one program stands for this operation: ``status`` in words, with
    its reason when not eligible ("not eligible: over 10 workers")."""

    code: str
    label: str
    status: str
    heading: str  # "SECOR (not eligible: over 10 workers)"
    recommended: bool
    eligible: bool
    line: str  # "SECOR: not eligible: over 10 workers"


@record
class ComparisonRow:
    """One dimension; a cell that is the article's general guidance rather than
    the province's own value ends with :data:`GENERAL_MARK` (``*_general``)."""

    key: str
    label: str
    cor: str
    small: str
    cor_general: bool = False
    small_general: bool = False


GENERAL_MARK = "†"  # †: see Comparison.general_note


@record
class Comparison:
    """COR against the province's small-employer program, with the province's
    own values and labels. ``recommended`` is 0 (COR), 1 (small) or -1. Where
    the province has no small-employer program (Quebec, COR-only provinces)
    there are no rows: ``explanation`` says why instead."""

    title: str
    columns: tuple[ProgramStatus, ProgramStatus]
    recommended: int
    note: str
    rows: tuple[ComparisonRow, ...]
    refs: tuple[int, ...]
    explanation: Cited | None = None
    general_note: str = ""  # what the mark on a general-guidance cell means (empty: none marked)

    @property
    def cor_heading(self) -> str:
        return self.columns[0].heading

    @property
    def small_heading(self) -> str:
        return self.columns[1].heading


@record
class SourceEntry:
    """One numbered source: the document and the sections cited from it."""

    number: int
    source: str  # the source's id
    text: str
    sections: tuple[str, ...]

    def line(self, lang: str) -> str:
        """"1. Publisher, “Title”, address — cited at: §5; §3"."""
        w = wording.words(lang)
        text = w["source_entry"].format(number=self.number, text=self.text)
        if self.sections:
            text += " \u2014 " + w["sections"].format(sections="; ".join(self.sections))
        return text


@record
class Presentation:
    """Everything the card, the summary and the command line say about one recommendation, in one language."""

    lang: str
    province_code: str
    province_name: str
    program: str  # COR, SECOR, SMALL_COR, NONE
    program_label: str  # as the province names it: "Small COR" in BC
    program_long: str
    kicker: str  # "Recommendation for Alberta"
    eligible: tuple[str, ...]  # labels of the eligible programs
    eligibility: str  # "Eligible here: COR, SECOR", or why nothing is
    statuses: tuple[ProgramStatus, ...]  # COR, then the province's small program (SECOR for reference)
    why_title: str
    reasons: tuple[Cited, ...]
    cautions: tuple[Cited, ...]
    disputes: tuple[Dispute, ...]  # the source notes bearing on this answer, shown after the advice
    partners: tuple[PartnerLine, ...]
    placement: Cited | None  # how the province places the employer when no partner serves its sector
    next_steps: tuple[Cited, ...]
    transition: Guide | None
    what_would_change: tuple[str, ...]
    facts_title: str  # "In Alberta"
    # Who issues the certificate, the province's facts that bear on this client
    # and how it counts workers (the rule; the sentence applying it is the first reason).
    province_facts: tuple[Cited, ...]
    comparison: Comparison
    answers: tuple[AnswerLine, ...]
    unanswered: tuple[str, ...]  # the answers given as "unknown": still to find out
    sources: tuple[SourceEntry, ...]
    dataset_version: str
    dataset_effective: dt.date
    dataset_reviewed: dt.date
    # The questions not answered yet: the recommendation uses their defaults
    # and is provisional; ``to_confirm`` introduces them (empty when all are answered).
    open_questions: tuple[str, ...] = ()
    to_confirm: str = ""

    @property
    def provisional(self) -> bool:
        return bool(self.open_questions)

    def word(self, key: str) -> str:
        """A fixed heading or phrase of the catalogue, in this model's language."""
        return wording.words(self.lang)[key]

    @property
    def verdict_kind(self) -> str:
        """``cor``, ``small`` or ``none``: how the verdict is styled."""
        return {"COR": "cor", "SECOR": "small", "SMALL_COR": "small"}.get(self.program, "none")

    @property
    def program_detail(self) -> str:
        """What the verdict adds to ``program_label`` without repeating it:
        "Certificate of Recognition" for COR, "British Columbia's small-employer
        program" for Small COR, nothing where the long name only restates the
        label ("No COR program applies here")."""
        label, long = self.program_label.strip(), self.program_long.strip()
        if long.endswith(f"({label})"):  # "Certificate of Recognition (COR)"
            return long[: -len(label) - 2].strip()
        if long.startswith(label):  # "Small COR (British Columbia's …)", "No COR program applies here"
            rest = long[len(label):].strip()
            return rest[1:-1].strip() if rest.startswith("(") and rest.endswith(")") else ""
        return long

    @property
    def verdict_line(self) -> str:
        """The verdict in one line: "Small COR — British Columbia's small-employer program"."""
        detail = self.program_detail
        return f"{self.program_label} — {detail}" if detail else self.program_label

    @property
    def dataset_line(self) -> str:
        return self.word("dataset").format(
            version=self.dataset_version,
            effective=wording.date(self.dataset_effective, self.lang),
            reviewed=wording.date(self.dataset_reviewed, self.lang),
        )

    def source(self, number: int) -> SourceEntry:
        return self.sources[number - 1]


# --- reading the dataset -----------------------------------------------------------------


def partner_name(partner: Partner, lang: str) -> str:
    """A certifying partner's name in ``lang``: the one place that reads it."""
    return partner.name.get(lang)


def format_answer(dataset: Dataset, question: Question, value: object, lang: str = "en") -> str:
    """An answer as the client gave it: choice labels and names, not raw keys."""
    w = wording.words(lang)
    if question.kind == "province" and isinstance(value, str):
        return _jurisdiction_name(dataset, value, lang)
    if question.kind == "provinces" and isinstance(value, tuple):
        return ", ".join(_jurisdiction_name(dataset, v, lang) for v in value) or w["none"]
    if question.kind == "yes_no":
        return w["yes"] if value else w["no"]
    if question.kind == "multi_choice" and isinstance(value, tuple):
        return ", ".join(_choice_label(dataset, question, v, lang) for v in value) or w["none"]
    if question.kind == "choice":
        return _choice_label(dataset, question, value, lang)
    if question.kind == "count" and isinstance(value, int):
        return wording.number(value, lang)
    return str(value)


def _jurisdiction_name(dataset: Dataset, code: str, lang: str) -> str:
    try:
        return dataset.jurisdiction(code).name.get(lang)
    except KeyError:
        return code


def _choice_label(dataset: Dataset, question: Question, value: object, lang: str) -> str:
    for choice in question.choices:
        if choice.value == value:
            return choice.label.get(lang)
    if question.id == "sector" and isinstance(value, str):
        try:
            return dataset.sector(value).label.get(lang)
        except KeyError:
            pass
    return str(value)


class _Sources:
    """Numbers source documents in order of first citation; collects sections."""

    def __init__(self, dataset: Dataset) -> None:
        self._ds = dataset
        self._number: dict[str, int] = {}
        self._sections: dict[str, list[str]] = {}

    def cite(self, cites: Iterable[Cite], *, at: str | None = None) -> tuple[int, ...]:
        """Number the cited sources; ``at`` replaces each cite's own section."""
        numbers: list[int] = []
        for c in cites:
            n = self._number.get(c.source)
            if n is None:
                n = self._number[c.source] = len(self._number) + 1
                self._sections[c.source] = []
            section = c.at if at is None else at
            for locator in locators(section):
                if locator not in self._sections[c.source]:
                    self._sections[c.source].append(locator)
            if n not in numbers:
                numbers.append(n)
        return tuple(numbers)

    def entries(self) -> tuple[SourceEntry, ...]:
        return tuple(
            SourceEntry(n, sid, describe_source(self._ds.source(sid)), distinct_locators(self._sections[sid]))
            for sid, n in self._number.items()
        )


_SECTION_NUMBER = re.compile(r"^(?:\u00a7\s*)?(\d+)(?:\.\s+|\s+)(?=\S)")


def locators(section: str | None) -> list[str]:
    """The places one cite points to, each written one way: "§1 What COR is"
    for "1. What COR is" and "§1 What COR is" alike; "a; b" is two places."""
    out = []
    for part in (section or "").split(";"):
        part = " ".join(part.split())
        if part:
            out.append(_SECTION_NUMBER.sub(lambda m: f"\u00a7{m.group(1)} ", part, count=1))
    return out


def distinct_locators(items: Iterable[str]) -> tuple[str, ...]:
    """Each place once, in the document's order (numbered sections first, then
    named ones in order of citation); a place is dropped when a more precise
    one in the same list starts with it ("§3 Side by side" beside "§3 Side by
    side, cycle")."""
    unique: list[str] = []
    for loc in items:
        if loc.casefold() not in (u.casefold() for u in unique):
            unique.append(loc)
    kept = [loc for loc in unique
            if not any(other != loc and other.casefold().startswith((loc.casefold() + ",", loc.casefold() + " ("))
                       for other in unique)]

    def order(item: tuple[int, str]) -> tuple[int, int, int]:
        index, loc = item
        number = _SECTION_NUMBER.match(loc)
        return (0, int(number.group(1)), index) if number else (1, 0, index)

    return tuple(loc for _, loc in sorted(enumerate(kept), key=order))


def program_status(dataset: Dataset, j: Jurisdiction, rec: Recommendation, column: int, lang: str) -> ProgramStatus:
    """How a program stands (0 = COR, 1 = the province's small program, or SECOR for reference)."""
    w = wording.words(lang)
    code = "COR" if column == 0 else (j.small_program or "SECOR")
    label = dataset.program(code).short.get(lang)
    eligible = code in rec.eligible
    if code == rec.program:
        status = w["recommended"]
    elif eligible:
        status = w["eligible_status"]
    elif not j.participates or (column == 1 and j.small_program is None):
        status = w["not_offered"]
    elif column == 1 and j.small_max_workers is not None:
        status = w["not_eligible_over"].format(limit=wording.number(j.small_max_workers, lang))
    else:
        status = w["not_eligible"]
    return ProgramStatus(code, label, status, w["column"].format(program=label, status=status),
                         code == rec.program, eligible, w["status_line"].format(program=label, status=status))


def _common_section(sections: Iterable[str]) -> str | None:
    """The section the rows of a table share ("§3 Side by side" for "§3 Side
    by side, cycle", "§3 Side by side, audit format", …), or None to keep each."""
    items = [s for s in sections if s]
    if len(set(items)) < 2:
        return None
    prefix = items[0]
    for item in items[1:]:
        while not item.startswith(prefix):
            prefix = prefix[:-1]
    cut = max(prefix.rfind(","), prefix.rfind(" ("), prefix.rfind(":"))
    common = prefix[:cut].strip() if cut > 0 else ""
    return common or None


# --- building ------------------------------------------------------------------------------


def reason_cites(rules: Mapping[str, Rule], rec: Recommendation, rule_id: str) -> tuple[Cite, ...]:
    """What a reason cites: its rule's citations; the counting rule applied (not a
    decision rule) cites its own sources. ``rules``: the dataset's rules by id."""
    if rule_id in rules:
        return rules[rule_id].cite
    if rec.counting is not None and rule_id == rec.counting.rule:
        return tuple(rec.counting.cites)
    return ()


def present(dataset: Dataset, answers: Answers, rec: Recommendation, lang: str = "en",
            answered: Iterable[str] | None = None) -> Presentation:
    """Everything a view says about ``rec`` (the engine's recommendation for
    ``answers``, evaluated in ``lang``), in ``lang``. ``answered``: the keys of
    the questions the user actually answered (None: all of them, as for a client
    file); the others are listed as not answered yet and the answer is provisional."""
    lang = wording.language(lang)
    w = wording.words(lang)
    j = dataset.jurisdiction(rec.province)
    province = j.name.get(lang)
    program = dataset.program(rec.program)
    sources = _Sources(dataset)
    rules = {r.id: r for r in dataset.rules}
    notes_by_id = {n.id: n for n in dataset.source_notes}

    reasons = tuple(Cited(r.text, sources.cite(reason_cites(rules, rec, r.rule)), r.rule) for r in rec.reasons)
    cautions: list[Cited] = []
    disputes: list[Dispute] = []
    for c in rec.cautions:
        note = notes_by_id.get(c.rule)
        if note is not None:
            disputes.append(Dispute(
                note.id,
                note.topic.get(lang),
                Cited(note.article.text.get(lang), sources.cite(note.article.cite), note.id),
                Cited(w["other_says"].format(claim=note.other.text.get(lang)), sources.cite(note.other.cite),
                      note.id),
            ))
        else:
            cautions.append(Cited(c.text, sources.cite(rules[c.rule].cite) if c.rule in rules else (), c.rule))

    by_acronym = {p.acronym: p for p in j.partners}
    partners = tuple(
        PartnerLine(p.acronym, partner_name(by_acronym[p.acronym], lang) if p.acronym in by_acronym else p.name,
                    sources.cite(by_acronym[p.acronym].cite) if p.acronym in by_acronym else (),
                    _partner_program(p.program_label, p.limit, lang))
        for p in rec.partners
    )
    placement = (Cited(rec.placement.text, sources.cite(rec.placement.cites), "placement")
                 if rec.placement is not None else None)
    step_rules = rec.step_rules if len(rec.step_rules) == len(rec.next_steps) else ("",) * len(rec.next_steps)
    steps = tuple(
        Cited(text, sources.cite(rules[rule].cite) if rule in rules else (), rule)
        for text, rule in zip(rec.next_steps, step_rules, strict=True)
    )

    transition = None
    if rec.program == "COR" and answers.current_certification == "secor":
        g = dataset.guide("transition")
        transition = Guide(g.title.get(lang), g.body.get(lang), tuple(p.get(lang) for p in g.points),
                           sources.cite(g.cite))

    # Who issues the certificate: the jurisdiction's issuer, unless one of its
    # notes says it at more length.
    issuer = j.issuer.get(lang) if j.issuer is not None else None
    noted = sum(1 for f in rec.province_facts if f.topic == "issuer") > (1 if issuer is not None else 0)
    facts = [
        Cited(w["issuer"].format(issuer=f.text) if f.text == issuer else f.text, sources.cite(f.cites), f.topic)
        for f in rec.province_facts
        if not (noted and f.text == issuer and f.topic == "issuer")
    ]
    counting = rec.counting
    if counting is not None:
        key = "counting_general" if counting.general_guidance else "counting"
        facts.append(Cited(w[key].format(rule=counting.text), sources.cite(counting.cites), counting.rule))

    comparison = _comparison(dataset, j, rec, lang, sources)

    if counting is not None and counting.applied and counting.workers != answers.workers:
        # The workers the province's rule counted from the details, as the window shows them.
        answers = dataclasses.replace(answers, workers=counting.workers)
    asked = answered_questions(dataset, answers)
    given = None if answered is None else frozenset(answered)
    answer_lines = tuple(
        AnswerLine(q.id, q.prompt.get(lang),
                   format_answer(dataset, q, value, lang) if given is None or q.id in given else w["not_answered"])
        for q, value in asked
    )
    open_questions = tuple(q.prompt.get(lang) for q, _ in asked if given is not None and q.id not in given)
    unanswered = tuple(
        w["unanswered_item"].format(question=q.prompt.get(lang))
        for q, value in asked
        if q.kind == "choice" and value == "unknown" and (given is None or q.id in given)
    )

    small = dataset.program(j.small_program).short.get(lang) if j.small_program else ""
    if rec.program == "COR" and j.small_program and j.small_program in rec.eligible:
        why_title = w["why_cor_over_small"].format(small=small)
    elif rec.program == "COR" and j.small_program:
        why_title = w["why_not_small"].format(small=small)
    else:
        why_title = w["why"]
    eligible = tuple(dataset.program(p).short.get(lang) for p in rec.eligible)
    return Presentation(
        lang=lang,
        province_code=j.code,
        province_name=province,
        program=rec.program,
        program_label=program.short.get(lang),
        program_long=program.long.get(lang),
        kicker=w["provisional_for" if open_questions else "recommendation_for"].format(province=province),
        eligible=eligible,
        eligibility=(w["eligible"].format(programs=", ".join(eligible)) if eligible
                     else w["eligible_none"].format(province=province)),
        statuses=comparison.columns,
        why_title=why_title,
        reasons=reasons,
        cautions=tuple(cautions),
        disputes=tuple(disputes),
        partners=partners,
        placement=placement,
        next_steps=steps,
        transition=transition,
        what_would_change=rec.what_would_change,  # the engine already drops repeats
        facts_title=w["province_facts"].format(province=province),
        province_facts=tuple(facts),
        comparison=comparison,
        answers=answer_lines,
        unanswered=unanswered,
        sources=sources.entries(),
        dataset_version=dataset.version,
        dataset_effective=dataset.effective,
        dataset_reviewed=dataset.last_reviewed,
        open_questions=open_questions,
        to_confirm=w["to_confirm"] if open_questions else "",
    )


def _partner_program(label: str, limit: str, lang: str) -> str:
    """A partner's own program and limit, as the partners section shows them."""
    w = wording.words(lang)
    if label and limit:
        return w["partner_program_limit"].format(program=label, limit=limit)
    if label:
        return w["partner_program"].format(program=label)
    return w["partner_limit"].format(limit=limit) if limit else ""




def _comparison(dataset: Dataset, j: Jurisdiction, rec: Recommendation, lang: str, sources: _Sources) -> Comparison:
    """The province's own comparison (:func:`~advisor_gui.domain.province.comparison_for`):
    its limits and labels, general-guidance cells marked; an explanation instead
    of rows where it has no small-employer program."""
    w = wording.words(lang)
    province = j.name.get(lang)
    small_code = j.small_program or "SECOR"
    small = dataset.program(small_code).short.get(lang)
    own = comparison_for(dataset, j.code, lang)
    columns = (program_status(dataset, j, rec, 0, lang), program_status(dataset, j, rec, 1, lang))
    recommended = {"COR": 0, small_code: 1}.get(rec.program, -1)
    if j.small_program is None:
        explanation = None
        if own.explanation is not None:
            explanation = Cited(own.explanation.text, sources.cite(own.explanation.cites), "comparison")
        note = (w["note_not_participating"] if not j.participates else w["note_no_small"]).format(province=province)
        return Comparison(w["comparison_generic"], columns, recommended, note if explanation is None else "", (),
                          (), explanation)
    cites = [c for dim in dataset.comparison for c in dim.cite]
    refs = sources.cite(cites, at=_common_section(c.at for c in cites))
    extra = [c for row in own.rows for c in row.cites if c not in cites]
    refs += tuple(n for n in sources.cite(extra) if n not in refs)

    def cell(text: str, general: bool) -> str:
        return w["general_cell"].format(text=text, mark=GENERAL_MARK) if general else text

    rows = tuple(ComparisonRow(r.id, r.label, cell(r.cor, r.cor_general), cell(r.small, r.small_general),
                               r.cor_general, r.small_general) for r in own.rows)
    marked = any(r.cor_general or r.small_general for r in rows)
    return Comparison(
        title=w["comparison"].format(small=small, province=province),
        columns=columns,
        recommended=recommended,
        note=w["note_small_cor"] if j.small_program == "SMALL_COR" else "",
        rows=rows,
        refs=refs,
        general_note=w["general_note"].format(mark=GENERAL_MARK, province=province) if marked else "",
    )


# --- plain text and HTML ------------------------------------------------------------------


def refs_text(refs: tuple[int, ...]) -> str:
    """Citation markers as every view writes them: ``[1, 3]``."""
    return f"[{', '.join(str(n) for n in refs)}]" if refs else ""


@record
class OutlineItem:
    """One entry of a section: sentences, each with its citation numbers; ``rule``
    names the rule behind it; ``detail`` lines belong to the entry above them."""

    parts: tuple[tuple[str, tuple[int, ...]], ...]
    rule: str = ""
    detail: bool = False


@record
class OutlineSection:
    """A titled section of the linear rendering (text or HTML)."""

    title: str
    refs: tuple[int, ...]
    items: tuple[OutlineItem, ...]
    ordered: bool = False


def _item(text: str, refs: tuple[int, ...] = (), rule: str = "", *, detail: bool = False) -> OutlineItem:
    return OutlineItem(((text, refs),), rule, detail)


def _cited_item(c: Cited) -> OutlineItem:
    return _item(c.text, c.refs, c.rule)


def outline(p: Presentation) -> tuple[tuple[str, ...], tuple[OutlineSection, ...]]:
    """What a linear rendering says, in the card's order: the heading lines, then
    the sections with something in them: the questions still to answer when the
    answer is provisional, the advice, the province, then the source notes (the
    numbered sources and the dataset line follow them). :func:`render_text` and
    :func:`render_html` both render this."""
    head = (p.kicker, p.verdict_line, p.eligibility, *(s.line for s in p.statuses))
    partners = [_item(x.line, x.refs) for x in p.partners]
    if p.placement is not None:
        partners.append(_item(p.placement.text, p.placement.refs))
    sections: list[OutlineSection] = [
        OutlineSection(p.to_confirm, (), tuple(_item(q) for q in p.open_questions)),
        OutlineSection(p.why_title, (), tuple(_cited_item(r) for r in p.reasons)),
        OutlineSection(p.word("cautions"), (), tuple(_item(c.text, c.refs) for c in p.cautions)),
        OutlineSection(p.word("next_steps"), (), tuple(_item(s.text, s.refs) for s in p.next_steps), ordered=True),
    ]
    if p.transition is not None:
        t = p.transition
        sections.append(OutlineSection(t.title, (), (_item(t.body, t.refs), *(_item(x) for x in t.points))))
    sections += [
        OutlineSection(p.word("partners"), (), tuple(partners)),
        OutlineSection(p.word("what_would_change"), (), tuple(_item(x) for x in p.what_would_change)),
        OutlineSection(p.word("unanswered"), (), tuple(_item(x) for x in p.unanswered)),
        OutlineSection(p.facts_title, (), tuple(_item(f.text, f.refs) for f in p.province_facts)),
        OutlineSection(p.word("disputes"), (), tuple(
            OutlineItem(((f"{d.topic}.", ()), (d.article.text, d.article.refs), (d.other.text, d.other.refs)))
            for d in p.disputes)),
    ]
    c = p.comparison
    labelled = p.word("labelled")

    def cell(label: str, text: str) -> OutlineItem:  # "SECOR: …", once even when the text starts so
        shown = labelled.format(label=label, text="")
        return _item(text if text.startswith(shown.rstrip()) else f"{shown}{text}", detail=True)

    rows = [_item(c.note)] if c.note else []
    if c.explanation is not None:
        rows.append(_item(c.explanation.text, c.explanation.refs))
    for r in c.rows:
        rows += [_item(r.label), cell(c.columns[0].label, r.cor), cell(c.columns[1].label, r.small)]
    if c.general_note:
        rows.append(_item(c.general_note))
    sections.append(OutlineSection(c.title, c.refs, tuple(rows)))
    return head, tuple(s for s in sections if s.items)


def render_text(p: Presentation, *, rule_ids: bool = True) -> str:
    """The recommendation as plain text (the command line's ``recommend``; the
    window's Edit ▸ Copy Recommendation without ``rule_ids``)."""

    def cited(text: str, refs: tuple[int, ...]) -> str:
        return f"{text} {refs_text(refs)}".rstrip()

    def line(item: OutlineItem) -> str:
        text = " ".join(cited(t, r) for t, r in item.parts)
        if item.detail:
            return f"    {text}"
        return f"  - {text}  ({item.rule})" if item.rule and rule_ids else f"  - {text}"

    head, sections = outline(p)
    lines = list(head)
    for s in sections:
        lines += ["", cited(s.title, s.refs), *(line(item) for item in s.items)]
    lines += ["", p.word("sources"), *(f"  {s.line(p.lang)}" for s in p.sources)]
    lines += ["", p.dataset_line]
    return "\n".join(lines)


def render_html(p: Presentation) -> str:
    """The recommendation as a self-contained HTML fragment (for pasting into an
    email or a document): the same content as :func:`render_text`, every text
    escaped, citations as superscript numbers, the numbered sources at the end."""
    def cited(text: str, refs: tuple[int, ...]) -> str:
        return escape(text) + (f"<sup>\u2009{refs_text(refs)}</sup>" if refs else "")

    def entry(item: OutlineItem) -> str:
        return " ".join(cited(t, r) for t, r in item.parts)

    head = outline(p)[0]
    out = [f'<p style="margin:0;color:#5A6B7D">{escape(head[0])}</p>',
           f'<h2 style="margin:0 0 4px 0">{escape(p.program_label)}</h2>',
           f"<p style=\"margin:0\">{escape(p.program_long)}</p>",
           *(f'<p style="margin:0">{escape(x)}</p>' for x in head[2:])]
    for s in outline(p)[1]:
        out.append(f'<h3 style="margin:12px 0 2px 0">{cited(s.title, s.refs)}</h3>')
        tag = "ol" if s.ordered else "ul"
        lis: list[str] = []
        for item in s.items:
            if item.detail and lis:
                lis[-1] += f"<br>{entry(item)}"
            else:
                lis.append(entry(item))
        out.append(f"<{tag}>{''.join(f'<li>{x}</li>' for x in lis)}</{tag}>")
    out.append(f'<h3 style="margin:12px 0 2px 0">{escape(p.word("sources"))}</h3>')
    out += [f'<p style="margin:0 0 2px 0;font-size:small">{escape(s.line(p.lang))}</p>' for s in p.sources]
    out.append(f'<p style="color:#5A6B7D;font-size:small">{escape(p.dataset_line)}</p>')
    return f'<div lang="{p.lang}">' + "".join(out) + "</div>"
