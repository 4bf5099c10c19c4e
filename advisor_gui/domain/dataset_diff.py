"""What changes between two rules datasets: a structured list of changes and
a plain-text rendering of it.

Items are matched by their key (jurisdiction code, partner acronym, rule id,
source id, …); for an item in both, each field that differs is one change with
its value before and after, rendered as short text (a condition as an
expression, a citation as ``source (at)``, a text by its English wording, or
its French one when only the translation changed).

Labels are English; the window passes them through Qt's translator.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

from ..util.records import record
from .models import Cite, Condition, Dataset, Jurisdiction, Note, Partner, Text

Kind = Literal["added", "removed", "changed"]


def N_(context: str, text: str) -> str:
    """Marks ``text`` for translation in the window (``pyside6-lupdate`` reads it as
    QT_TRANSLATE_NOOP; see scripts/translations.py); the domain itself stays English."""
    return text


#: Areas in the order they are reported, with their headings.
AREAS: dict[str, str] = {
    "dataset": N_("DatasetDiff", "Dataset"),
    "jurisdiction": N_("DatasetDiff", "Jurisdictions"),
    "partner": N_("DatasetDiff", "Certifying partners"),
    "rule": N_("DatasetDiff", "Rules"),
    "source_note": N_("DatasetDiff", "Source notes"),
    "source": N_("DatasetDiff", "Sources"),
    "program": N_("DatasetDiff", "Programs"),
    "sector": N_("DatasetDiff", "Sectors"),
    "question": N_("DatasetDiff", "Interview questions"),
    "comparison": N_("DatasetDiff", "Comparison table"),
    "guidance": N_("DatasetDiff", "Guidance"),
    "faq": N_("DatasetDiff", "Questions and answers"),
}

#: Human names of fields, where the attribute name is not one already.
FIELD_LABELS: dict[str, str] = {
    "schema_version": N_("DatasetDiff", "schema version"),
    "last_reviewed": N_("DatasetDiff", "last reviewed"),
    "participates": N_("DatasetDiff", "takes part in COR"),
    "cor_min_workers": N_("DatasetDiff", "COR threshold (workers)"),
    "cor_line": N_("DatasetDiff", "COR recommended from (workers)"),
    "small_program": N_("DatasetDiff", "small-employer program"),
    "small_max_workers": N_("DatasetDiff", "small-program worker limit"),
    "cite": N_("DatasetDiff", "citations"),
    "when": N_("DatasetDiff", "condition"),
    "shown_when": N_("DatasetDiff", "shown when"),
    "what_if": N_("DatasetDiff", "what-ifs"),
    "general": N_("DatasetDiff", "audits employers no sector partner covers"),
    "article": N_("DatasetDiff", "the article's claim"),
    "other": N_("DatasetDiff", "the other sources' claim"),
    "url": N_("DatasetDiff", "address"),
    "at": N_("DatasetDiff", "location"),
    "short": N_("DatasetDiff", "short name"),
    "long": N_("DatasetDiff", "long name"),
    "cor": N_("DatasetDiff", "COR"),
    "small": N_("DatasetDiff", "small-employer program"),
    "order": N_("DatasetDiff", "order"),
}


@record
class Change:
    """One difference. ``subject`` names the item (``AB``, ``AB ACSA``, a rule
    id); ``field`` the attribute for a change ("" when the whole item was added
    or removed, whose ``new`` or ``old`` then describes it)."""

    area: str
    kind: Kind
    subject: str
    field: str = ""
    old: str = ""
    new: str = ""
    jurisdictions: tuple[str, ...] = ()  # codes this change is specific to (empty: not specific)

    @property
    def area_title(self) -> str:
        return AREAS[self.area]

    def label_words(self) -> tuple[list[str], bool]:
        """The field's human name, one word group per nesting level, and whether
        only the French text changed."""
        parts = self.field.split(".")
        french = parts[-1] == "fr"
        return [FIELD_LABELS.get(p, p.replace("_", " ")) for p in (parts[:-1] if french else parts)], french

    @property
    def field_label(self) -> str:
        """``small_max_workers`` -> "small-program worker limit"; nested fields
        joined by " › "; a French-only change ends with "(French)"."""
        words, french = self.label_words()
        label = " \u203a ".join(words)
        return f"{label} (French)" if french else label


# --- rendering values -----------------------------------------------------------

def show(value: Any) -> str:
    """A field's value as one short line of text."""
    if value is None:
        return N_("DatasetDiff", "none")
    if isinstance(value, bool):
        return N_("DatasetDiff", "yes") if value else N_("DatasetDiff", "no")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Text):
        return value.en
    if isinstance(value, Cite):
        return f"{value.source} ({value.at})" if value.at else value.source
    if isinstance(value, Condition):
        return show_condition(value)
    if isinstance(value, tuple):
        return "; ".join(show(v) for v in value) if value else "none"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for key in ("text", "label", "prompt", "title", "name"):
            if hasattr(value, key):
                return show(getattr(value, key))
        return ", ".join(f"{f.name}={show(getattr(value, f.name))}" for f in dataclasses.fields(value))
    return str(value)


def show_condition(c: Condition) -> str:
    """A condition as a compact expression: ``workers ge cor_line and multi_site eq yes``."""
    def group(items: tuple[Condition, ...], joiner: str) -> str:
        inner = f" {joiner} ".join(show_condition(i) for i in items)
        return f"({inner})" if len(items) > 1 else inner

    parts: list[str] = []
    if c.fact:
        operand = c.ref if c.ref else ("" if c.op in {"empty", "nonempty", "is_null", "not_null"} else show(c.value))
        parts.append(" ".join(p for p in (c.fact, c.op, operand) if p))
    if c.all:
        parts.append(group(c.all, "and"))
    if c.any:
        parts.append(group(c.any, "or"))
    if c.none:
        parts.append("not " + group(c.none, "or"))
    return " and ".join(parts) or "always"


# --- comparing --------------------------------------------------------------------

def _field_changes(area: str, subject: str, old: Any, new: Any, *, skip: Iterable[str] = (),
                   codes: tuple[str, ...] = (), prefix: str = "") -> list[Change]:
    """One change per differing field of two dataclass instances of one type;
    nested records (a source note's claims) are compared field by field too."""
    out: list[Change] = []
    for f in dataclasses.fields(old):
        if f.name in skip:
            continue
        a, b = getattr(old, f.name), getattr(new, f.name)
        if a == b:
            continue
        path = prefix + f.name
        if isinstance(a, Text) and isinstance(b, Text) and a.en == b.en:
            out.append(Change(area, "changed", subject, path + ".fr", a.fr or "none", b.fr or "none", codes))
        elif (dataclasses.is_dataclass(a) and type(a) is type(b)
              and not isinstance(a, Text | Cite | Condition)):
            out.extend(_field_changes(area, subject, a, b, codes=codes, prefix=path + "."))
        else:
            out.append(Change(area, "changed", subject, path, show(a), show(b), codes))
    return out


def _keyed(area: str, old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], str],
           describe: Callable[[Any], str], *, subject: Callable[[Any], str] | None = None,
           codes: Callable[[Any], tuple[str, ...]] = lambda _i: (),
           compare: Callable[[Any, Any], list[Change]] | None = None) -> list[Change]:
    """Added, removed and changed items of two lists keyed by ``key``."""
    name = subject or key
    old_by = {key(i): i for i in old}
    new_by = {key(i): i for i in new}
    out: list[Change] = []
    for k, item in new_by.items():
        if k not in old_by:
            out.append(Change(area, "added", name(item), new=describe(item), jurisdictions=codes(item)))
    for k, item in old_by.items():
        if k not in new_by:
            out.append(Change(area, "removed", name(item), old=describe(item), jurisdictions=codes(item)))
    for k, item in new_by.items():
        before = old_by.get(k)
        if before is not None and before != item:
            if compare is not None:
                out.extend(compare(before, item))
            else:
                out.extend(_field_changes(area, name(item), before, item, codes=codes(item)))
    common_old = [key(i) for i in old if key(i) in new_by]
    common_new = [key(i) for i in new if key(i) in old_by]
    if common_old != common_new:
        out.append(Change(area, "changed", AREAS[area], "order", ", ".join(common_old), ", ".join(common_new)))
    return out


def _partner_text(p: Partner) -> str:
    return f"{p.name.en} ({', '.join(p.sectors)}; {', '.join(p.programs)})"


def _note_changes(code: str, old: tuple[Note, ...], new: tuple[Note, ...]) -> list[Change]:
    return _keyed("jurisdiction", old, new, key=lambda n: n.text.en, describe=lambda n: n.text.en,
                  subject=lambda _n: f"{code} note", codes=lambda _n: (code,),
                  compare=lambda a, b: _field_changes("jurisdiction", f"{code} note", a, b, codes=(code,)))


def _jurisdiction_changes(a: Jurisdiction, b: Jurisdiction) -> list[Change]:
    code = b.code
    out = _field_changes("jurisdiction", f"{code} {b.name.en}", a, b, skip=("partners", "notes"), codes=(code,))
    out += _keyed("partner", a.partners, b.partners, key=lambda p: p.acronym, describe=_partner_text,
                  subject=lambda p: f"{code} {p.acronym}", codes=lambda _p: (code,))
    out += _note_changes(code, a.notes, b.notes)
    return out


def diff(old: Dataset, new: Dataset) -> list[Change]:
    """Every change from ``old`` to ``new``, grouped by area in :data:`AREAS` order."""
    out: list[Change] = []
    for name in ("version", "effective", "last_reviewed", "schema_version", "title"):
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(Change("dataset", "changed", "", name, show(a), show(b)))
    out += _keyed("jurisdiction", old.jurisdictions, new.jurisdictions, key=lambda j: j.code,
                  describe=lambda j: j.name.en, subject=lambda j: f"{j.code} {j.name.en}",
                  codes=lambda j: (j.code,), compare=_jurisdiction_changes)
    out += _keyed("rule", old.rules, new.rules, key=lambda r: r.id,
                  describe=lambda r: f"{r.effect}: {r.text.en} [when {show_condition(r.when)}]")
    out += _keyed("source_note", old.source_notes, new.source_notes, key=lambda n: n.id,
                  describe=lambda n: n.topic.en, codes=lambda n: tuple(n.jurisdictions))
    out += _keyed("source", old.sources, new.sources, key=lambda s: s.id,
                  describe=lambda s: f"{s.title}, {s.publisher}" + (f" <{s.url}>" if s.url else ""))
    out += _keyed("program", old.programs, new.programs, key=lambda p: p.code, describe=lambda p: p.long.en)
    out += _keyed("sector", old.sectors, new.sectors, key=lambda s: s.id, describe=lambda s: s.label.en)
    out += _keyed("question", old.questions, new.questions, key=lambda q: q.id, describe=lambda q: q.prompt.en)
    out += _keyed("comparison", old.comparison, new.comparison, key=lambda d: d.id, describe=lambda d: d.label.en)
    out += _keyed("guidance", old.guidance, new.guidance, key=lambda g: g.id, describe=lambda g: g.title.en)
    out += _keyed("faq", old.faq, new.faq, key=lambda f: f.id, describe=lambda f: f.question.en)
    order = list(AREAS)
    return sorted(out, key=lambda c: order.index(c.area))


def impacted_jurisdictions(changes: Iterable[Change]) -> tuple[str, ...]:
    """Codes of the jurisdictions the changes name, in the dataset's usual order."""
    from .models import JURISDICTION_CODES

    named = {code for c in changes for code in c.jurisdictions}
    return tuple(code for code in JURISDICTION_CODES if code in named)


def general_areas(changes: Iterable[Change]) -> tuple[str, ...]:
    """Areas with changes that are not specific to a jurisdiction (the dataset's
    own version and dates aside), in :data:`AREAS` order."""
    found = {c.area for c in changes if not c.jurisdictions and c.area != "dataset"}
    return tuple(a for a in AREAS if a in found)


def counts(changes: Iterable[Change]) -> dict[str, int]:
    out = {"added": 0, "removed": 0, "changed": 0}
    for c in changes:
        out[c.kind] += 1
    return out


# --- plain text --------------------------------------------------------------------

def describe(change: Change) -> str:
    """One line for a change, without its area."""
    if not change.subject:
        return f"{change.field_label}: {change.old} \u2192 {change.new}"
    if change.kind == "added":
        return f"{change.subject}: {change.new}"
    if change.kind == "removed":
        return f"{change.subject}: {change.old}"
    return f"{change.subject}: {change.field_label}: {change.old} \u2192 {change.new}"


def render_text(old: Dataset, new: Dataset, changes: Sequence[Change] | None = None) -> str:
    """The change summary printed by ``diff-dataset`` (and shown before an import)."""
    changes = diff(old, new) if changes is None else changes
    lines = [
        f"Rules dataset {old.version} (effective {old.effective}, reviewed {old.last_reviewed})",
        f"  \u2192 {new.version} (effective {new.effective}, reviewed {new.last_reviewed})",
    ]
    if not changes:
        lines.append("No changes.")
        return "\n".join(lines)
    n = counts(changes)
    lines.append(f"{len(changes)} changes: {n['added']} added, {n['removed']} removed, {n['changed']} changed.")
    codes = impacted_jurisdictions(changes)
    lines.append("Impacted jurisdictions: " + (", ".join(codes) if codes else "none named"))
    general = general_areas(changes)
    if general:
        lines.append("Changes that apply everywhere: " + ", ".join(AREAS[a].lower() for a in general))
    area = ""
    for c in changes:
        if c.area != area:
            area = c.area
            lines += ["", c.area_title]
        lines.append(f"  {c.kind:<8} {describe(c)}")
    return "\n".join(lines)
