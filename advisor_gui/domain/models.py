"""The rules dataset and the answers, as frozen dataclasses.

These classes are the single definition of the dataset's shape. They import
neither pydantic nor Qt, so the window can start from a validated cache without
paying for either. Validation (strict types, unknown keys refused) is done by
pydantic in :mod:`advisor_gui.domain.loader`, which reads ``__pydantic_config__``
from each class; the JSON Schema in ``data/rules.schema.json`` is generated from
them too.
"""

import datetime as dt
import weakref
from collections.abc import Callable, Hashable
from typing import Annotated, Any, Literal, TypeVar, get_args

from ..util.constraints import Ge, Le, Len, MinLen
from ..util.records import record, weakref_record

# Every class: strict types, unknown keys are errors. Frozen via the decorator.
_STRICT = {"extra": "forbid", "strict": True}

JurisdictionCode = Literal[
    "AB", "BC", "SK", "MB", "ON", "QC", "NB", "NS", "PE", "NL", "YT", "NT", "NU"
]
JURISDICTION_CODES: tuple[str, ...] = get_args(JurisdictionCode)
ProgramCode = Literal["COR", "SECOR", "SMALL_COR", "NONE"]
SmallProgramCode = Literal["SECOR", "SMALL_COR"]
SectorGroup = Literal["construction", "oil_and_gas", "other"]
PrimeContractor = Literal["none", "requires_cor", "accepts_secor", "unknown"]
PrequalPlatform = Literal["ISN", "ComplyWorks", "Avetta", "CanQualify", "ContractorCheck"]
PREQUAL_PLATFORMS: tuple[str, ...] = get_args(PrequalPlatform)
Certification = Literal["none", "secor", "cor"]
NonEmpty = Annotated[str, MinLen(1)]
Identifier = Annotated[str, MinLen(1)]


@record
class Text:
    """Human-readable text in both shipped languages: both are required and
    non-empty (the loader also refuses blank ones). A proper name with no
    official French form (a certifying partner, WorkSafeBC) repeats the English."""

    __pydantic_config__ = _STRICT
    en: NonEmpty
    fr: NonEmpty

    def get(self, lang: str = "en") -> str:
        return self.fr if lang == "fr" else self.en


@record
class Source:
    """A document the dataset relies on: its address, and its dates where known.
    ``short_name`` is how views name it in brief ("On-Track's article")."""

    __pydantic_config__ = _STRICT
    id: Identifier
    title: NonEmpty
    publisher: NonEmpty
    url: str = ""
    published: dt.date | None = None
    accessed: dt.date | None = None
    kind: Literal["article", "official", "partner", "third_party"] = "partner"
    updated: dt.date | None = None
    short_name: str = ""


@record
class Cite:
    """A pointer into a source; ``at`` names the section or table row."""

    __pydantic_config__ = _STRICT
    source: Identifier
    at: str = ""


Cites = Annotated[tuple[Cite, ...], MinLen(1)]


# What a jurisdiction's fact bears on: the views group them by it.
NoteTopic = Literal[
    "issuer", "counting", "incentive", "public_sector", "program", "audit", "partners", "reciprocity",
]


@record
class Note:
    """A cited fact about one jurisdiction. All of them are shown with the
    province (the table's details); the engine also picks those whose ``when``
    holds for the client (every one when ``when`` is absent) into the
    recommendation's ``province_facts``. The loader refuses a note no answers
    can select."""

    __pydantic_config__ = _STRICT
    text: Text
    cite: Cites
    topic: NoteTopic = "program"
    when: "Condition | None" = None


# What a headcount rule adds up, as the keys of an answers document's worker_count.
CountedPart = Literal["peak_12_months", "owners_family_volunteers", "subcontractors"]


@record
class CountingRule:
    """How a jurisdiction (or, with ``sectors``, one partner) counts workers.

    ``basis`` ``headcount`` adds up the ``counts`` parts of ``worker_count``;
    ``fte`` divides annual ``payroll_hours`` by 2,080 (compared unrounded);
    ``general`` means no province rule was found and the article's general
    guidance is applied (``counts`` then says what is added up). ``rule`` states
    the rule and the threshold in the province's terms, ``help`` is the workers
    question's help there, and ``applied`` the sentence naming the rule once
    ``worker_count`` was used (placeholders: {counted}, {n_workers}, {peak},
    {owners}, {subcontractors}, {payroll_hours}, {fte}).
    """

    __pydantic_config__ = _STRICT
    id: Identifier
    basis: Literal["headcount", "fte", "general"]
    rule: Text
    help: Text
    applied: Text
    cite: Cites
    counts: tuple[CountedPart, ...] = ()
    sectors: tuple[Identifier, ...] = ()


@record
class Sector:
    """An answer value for ``sector``; ``group`` is what the rules test."""

    __pydantic_config__ = _STRICT
    id: Identifier
    label: Text
    group: SectorGroup


@record
class Partner:
    """A certifying partner: who audits which program for which sectors."""

    __pydantic_config__ = _STRICT
    acronym: NonEmpty
    name: Text  # the official French name where the body has one, else the English again
    sectors: Annotated[tuple[Identifier, ...], MinLen(1)]
    programs: Annotated[tuple[Literal["COR", "SECOR", "SMALL_COR"], ...], MinLen(1)]
    cite: Cites
    general: bool = False  # audits for employers no sector-specific partner covers
    # The partner's own name for its small-employer program and its limit, where
    # they differ from the province's (go2HR "SECOR", BCFSC "SEBASE", ESC 10 or fewer).
    small_label: Text | None = None
    small_limit: Text | None = None


@record
class Jurisdiction:
    """One province or territory, as the article's threshold table describes it.

    ``cor_min_workers`` is the article's "COR threshold" column (1 = all sizes,
    None = not participating). ``cor_line`` is the workforce at which the
    recommendation becomes COR. ``small_max_workers`` is None when the small
    program has no ceiling (Manitoba) or does not exist.
    """

    __pydantic_config__ = _STRICT
    code: JurisdictionCode
    name: Text
    participates: bool
    cor_min_workers: Annotated[int, Ge(1)] | None
    cor_line: Annotated[int, Ge(1)] | None
    small_program: SmallProgramCode | None
    small_max_workers: Annotated[int, Ge(1)] | None
    summary: Text
    cite: Cites
    issuer: Text | None = None
    partners: tuple[Partner, ...] = ()
    notes: tuple[Note, ...] = ()
    issuer_cite: tuple[Cite, ...] = ()  # required when there is an issuer
    # How workers are counted here: the first rule whose sectors include the
    # client's (or that has none) applies; required where the jurisdiction participates.
    counting: tuple[CountingRule, ...] = ()
    # How the province places an employer that no listed partner serves.
    placement: Note | None = None
    # Instead of the comparison's rows where there is no small-employer program.
    comparison_note: Note | None = None


@record
class ProgramInfo:
    """How a program code is named (e.g. SMALL_COR -> "Small COR")."""

    __pydantic_config__ = _STRICT
    code: ProgramCode
    short: Text
    long: Text


@record
class Cell:
    """A dimension's values for some jurisdictions, from their own sources."""

    __pydantic_config__ = _STRICT
    jurisdictions: Annotated[tuple[JurisdictionCode, ...], MinLen(1)]
    cite: Cites
    cor: Text | None = None  # None: the dimension's general value
    small: Text | None = None


@record
class Dimension:
    """One row of the article's COR-vs-SECOR table. ``cor`` and ``small`` are the
    article's general guidance; ``by_province`` replaces them where a
    jurisdiction's own sources give its values."""

    __pydantic_config__ = _STRICT
    id: Identifier
    label: Text
    cor: Text
    small: Text
    cite: Cites
    by_province: tuple[Cell, ...] = ()


@record
class Condition:
    """A structured test over the facts; exactly one form is used.

    Leaf: ``fact`` + ``op`` + (``value`` or ``ref``). Combinators: ``all``,
    ``any`` and ``none`` (none of them holds). Checked against the known facts when the dataset loads.
    """

    __pydantic_config__ = _STRICT
    fact: str = ""
    op: Literal[
        "eq", "ne", "lt", "le", "gt", "ge", "in", "not_in",
        "contains_any", "empty", "nonempty", "is_null", "not_null", "",
    ] = ""
    value: bool | int | str | tuple[str, ...] | None = None
    ref: str = ""
    all: tuple["Condition", ...] = ()
    any: tuple["Condition", ...] = ()
    none: tuple["Condition", ...] = ()


@record
class Choice:
    """One answer a choice question offers."""

    __pydantic_config__ = _STRICT
    value: NonEmpty
    label: Text


@record
class Probe:
    """A what-if for one question: try another answer and, when the program
    changes, say so with ``text`` ({program} and {value} are filled in).

    ``value`` is the answer to try; for a count, ``direction`` ``up`` or
    ``down`` tries the nearest threshold above or below the current count.
    """

    __pydantic_config__ = _STRICT
    text: Text
    value: bool | str | tuple[str, ...] | None = None
    direction: Literal["up", "down", ""] = ""


@record
class Question:
    """One interview question; ``id`` is an answer key of the contract."""

    __pydantic_config__ = _STRICT
    id: Identifier
    prompt: Text
    help: Text
    kind: Literal["province", "count", "yes_no", "choice", "multi_choice", "provinces"]
    cite: Cites
    choices: tuple[Choice, ...] = ()
    shown_when: Condition | None = None
    what_if: tuple[Probe, ...] = ()


@record
class Rule:
    """An ordered decision or advice rule.

    Decision rules (``effect`` none / cor / small) choose the program: NONE beats
    COR beats the small program. Advice rules (caution / step) run afterwards
    and may test the chosen ``program``.
    """

    __pydantic_config__ = _STRICT
    id: Identifier
    effect: Literal["none", "cor", "small", "caution", "step"]
    when: Condition
    text: Text
    cite: Cites


@record
class Claim:
    """What one side of a source note says, with its citation."""

    __pydantic_config__ = _STRICT
    text: Text
    cite: Cites


@record
class SourceNote:
    """A place where public sources disagree with the article: both claims, cited.

    Shown as a caution when it applies: to the listed jurisdictions (all when
    empty), after any of the listed rules fired (any when empty), and when
    ``when`` holds.
    """

    __pydantic_config__ = _STRICT
    id: Identifier
    topic: Text
    article: Claim
    other: Claim
    jurisdictions: tuple[JurisdictionCode, ...] = ()
    rules: tuple[Identifier, ...] = ()
    when: Condition | None = None


@record
class Guidance:
    """A cited explanatory section: the cycle, the SECOR->COR transition."""

    __pydantic_config__ = _STRICT
    id: Identifier
    title: Text
    body: Text
    cite: Cites
    points: tuple[Text, ...] = ()


@record
class Faq:
    """A cited question and answer for the Learn pages."""

    __pydantic_config__ = _STRICT
    id: Identifier
    question: Text
    answer: Text
    cite: Cites


# The plan (issue 16): which track a timing step belongs to, and what its date counts from.
PlanTrack = Literal["cycle", "first_cor"]
PlanAnchor = Literal["certificate", "today", "target"]


@record
class TimingStep:
    """One cited step of a client's dated plan (:mod:`advisor_gui.domain.plan`).

    ``track`` ``cycle`` steps follow a certificate the client holds (its date is
    the ``certificate`` anchor); ``first_cor`` steps lead to a first COR, from
    no certificate or from SECOR (``holds`` limits a step to those current
    certifications; empty: any). The date is the ``anchor`` moved by ``years``,
    ``months`` and ``days`` (negative: before it), then, with ``year_end``,
    31 December of that year. Without an ``anchor`` the step is shown undated:
    no source gives its timing, and none is invented. ``target`` marks the date
    the ``target`` anchor counts back from when the user gives none (the first
    such dated step applies). ``sectors`` limits a partner's rule to the
    sectors it serves (empty: all).
    """

    __pydantic_config__ = _STRICT
    id: Identifier
    jurisdictions: Annotated[tuple[JurisdictionCode, ...], MinLen(1)]
    track: PlanTrack
    title: Text
    cite: Cites
    holds: tuple[Literal["none", "secor", "cor"], ...] = ()
    anchor: PlanAnchor | None = None
    years: Annotated[int, Ge(-10), Le(10)] = 0
    months: Annotated[int, Ge(-120), Le(120)] = 0
    days: Annotated[int, Ge(-3660), Le(3660)] = 0
    year_end: bool = False
    target: bool = False
    sectors: tuple[Identifier, ...] = ()


@record
class HostRoute:
    """What a client needs to work in another jurisdiction (a host): the
    host's COR, a reciprocity or equivalency letter and its validity, or
    nothing. It applies when a host is among the client's ``other_provinces``
    and, when given, the client's base is in ``home`` (not in
    ``except_home``), its sector in ``sectors`` (not in ``except_sectors``)
    and its current certification in ``holds``. Shown undated in the plan."""

    __pydantic_config__ = _STRICT
    id: Identifier
    hosts: Annotated[tuple[JurisdictionCode, ...], MinLen(1)]
    title: Text
    cite: Cites
    home: tuple[JurisdictionCode, ...] = ()
    except_home: tuple[JurisdictionCode, ...] = ()
    sectors: tuple[Identifier, ...] = ()
    except_sectors: tuple[Identifier, ...] = ()
    holds: tuple[Literal["none", "secor", "cor"], ...] = ()


@weakref_record
class Dataset:
    """The whole bundled rules dataset."""

    __pydantic_config__ = _STRICT
    schema_version: Literal[1]
    version: NonEmpty
    effective: dt.date
    last_reviewed: dt.date
    title: Text
    sources: Annotated[tuple[Source, ...], MinLen(1)]
    programs: Annotated[tuple[ProgramInfo, ...], Len(4, 4)]
    sectors: Annotated[tuple[Sector, ...], MinLen(1)]
    jurisdictions: Annotated[tuple[Jurisdiction, ...], Len(13, 13)]
    comparison: Annotated[tuple[Dimension, ...], MinLen(1)]
    questions: Annotated[tuple[Question, ...], MinLen(1)]
    rules: Annotated[tuple[Rule, ...], MinLen(1)]
    source_notes: tuple[SourceNote, ...]
    guidance: tuple[Guidance, ...]
    faq: tuple[Faq, ...]
    timing: tuple[TimingStep, ...] = ()
    working_elsewhere: tuple[HostRoute, ...] = ()

    def jurisdiction(self, code: str) -> Jurisdiction:
        return _find(self, self.jurisdictions, "code", code)

    def source(self, source_id: str) -> Source:
        return _find(self, self.sources, "id", source_id)

    def program(self, code: str) -> ProgramInfo:
        return _find(self, self.programs, "code", code)

    def sector(self, sector_id: str) -> Sector:
        return _find(self, self.sectors, "id", sector_id)

    def guide(self, guidance_id: str) -> Guidance:
        return _find(self, self.guidance, "id", guidance_id)


T = TypeVar("T")

# id(dataset) -> what was derived from it: its lookup indexes, keyed (id of one
# of its tuples, attribute), and whatever else other modules keep with it
# (derived()). Each dataset's entry is dropped when the dataset is collected
# (weakref.finalize), so nothing derived keeps a dataset, or its id, alive.
_DERIVED: dict[int, dict[Any, Any]] = {}


def derived(dataset: Dataset) -> dict[Any, Any]:
    """A dict for data derived from ``dataset`` that lives exactly as long as it does."""
    memo = _DERIVED.get(id(dataset))
    if memo is None:
        memo = _DERIVED[id(dataset)] = {}
        weakref.finalize(dataset, _DERIVED.pop, id(dataset), None)
    return memo


def derived_value(dataset: Dataset, key: Hashable, make: Callable[[], T]) -> T:
    """``make()``, worked out once per ``dataset`` and ``key`` and kept with the
    dataset (see :func:`derived`)."""
    memo = derived(dataset)
    try:
        value: T = memo[key]
    except KeyError:
        value = memo[key] = make()
    return value


def _find(dataset: Dataset, items: tuple[T, ...], attr: str, key: str) -> T:
    """The item of ``items`` (a tuple of ``dataset``) whose ``attr`` equals
    ``key`` (KeyError when none does), through an index built on first use:
    the engine looks sources up often."""
    index = derived_value(dataset, (id(items), attr), lambda: {getattr(item, attr): item for item in items})
    try:
        found: T = index[key]
    except KeyError:
        raise KeyError(key) from None
    return found


# The most workers an answers document may give. Canada's largest employers
# have under 500,000 employees; anything above a million is a typo or an attack.
MAX_WORKERS = 1_000_000


class ItemOf:
    """Annotation marker (pydantic ignores it): the value is the id of one of
    the dataset's ``collection`` (e.g. ``"sectors"``), checked against the
    dataset in use rather than a fixed list."""

    __slots__ = ("collection",)

    def __init__(self, collection: str) -> None:
        self.collection = collection


# The most payroll hours a worker_count may give: MAX_WORKERS full-time years, twice over.
MAX_PAYROLL_HOURS = MAX_WORKERS * 2080 * 2
Count = Annotated[float, Ge(0), Le(MAX_WORKERS)]
Hours = Annotated[float, Ge(0), Le(MAX_PAYROLL_HOURS)]


@record
class WorkerCount:
    """The optional details of ``worker_count`` (DESIGN.md §4): from them the
    engine computes ``workers`` by the province's counting rule."""

    __pydantic_config__ = _STRICT
    peak_12_months: Count | None = None  # most employees at one time in the last 12 months, the rest apart
    owners_family_volunteers: Count | None = None
    subcontractors: Count | None = None
    payroll_hours: Hours | None = None  # annual

    def given(self) -> dict[str, float]:
        """The details present, by key."""
        return {name: value for name in WORKER_COUNT_KEYS if (value := getattr(self, name)) is not None}


WORKER_COUNT_KEYS: tuple[str, ...] = (
    "peak_12_months", "owners_family_volunteers", "subcontractors", "payroll_hours",
)


# The answers to the questions a dataset adds (kind yes_no), as (question id,
# value) pairs: see :mod:`advisor_gui.domain.answer_schema`.
AddedAnswers = tuple[tuple[Identifier, bool], ...]


@record
class Answers:
    """The answers document of DESIGN.md §4.

    The contract's keys are typed fields, declared here once: their types are
    the schema :mod:`advisor_gui.domain.answer_schema` derives the facts, hints
    and checks from. ``added`` holds the answers to the yes/no questions the
    dataset adds on top; it is never a key of a document (the documents are
    flat), and :func:`~advisor_gui.domain.answer_schema.conform` keeps it in the
    dataset's question order with one pair for each such question.
    """

    __pydantic_config__ = _STRICT
    province: JurisdictionCode
    workers: Annotated[int, Ge(1), Le(MAX_WORKERS)]
    sector: Annotated[str, MinLen(1), ItemOf("sectors")] = "other"
    public_sector_bids: bool = False
    prime_contractor: PrimeContractor = "none"
    prequal_platforms: tuple[PrequalPlatform, ...] = ()
    multi_site: bool = False
    other_provinces: tuple[JurisdictionCode, ...] = ()
    current_certification: Certification = "none"
    hires_subtrades_into_cor_sites: bool = False
    worker_count: WorkerCount | None = None
    certificate_date: dt.date | None = None
    added: AddedAnswers = ()

    def get(self, key: str) -> Any:
        """One answer by its key: a field of the contract, or a question the
        dataset added (KeyError when neither: answers not conformed to the dataset)."""
        if key in CONTRACT_KEYS:
            return getattr(self, key)
        for name, value in self.added:
            if name == key:
                return value
        raise KeyError(key)


# The contract's optional details: no question asks them (the window fills
# worker_count from its helper), they are no facts of the rules, and a document
# carries them only when given (absent, they are None).
DETAIL_FIELDS: tuple[str, ...] = ("worker_count", "certificate_date")
# The contract's answer keys that questions ask, in the documented order.
ANSWER_FIELDS: tuple[str, ...] = tuple(
    name for name in Answers.__dataclass_fields__ if name != "added" and name not in DETAIL_FIELDS
)
CONTRACT_KEYS = frozenset(ANSWER_FIELDS + DETAIL_FIELDS)
