"""What the views show about one jurisdiction, without Qt: all of its cited
facts (the province table's details), its counting rule (the workers
question's help) and the comparison's rows with its own values.

The engine picks the facts relevant to one client into
``Recommendation.province_facts``; here every fact is listed, so none is
unreachable (DESIGN.md §2).
"""

from __future__ import annotations

from ..util.records import record
from .citations import format_cites
from .engine import ProvinceFact, counting_rule, fill, province_facts
from .models import Cite, Dataset


def all_facts(dataset: Dataset, code: str, lang: str = "en") -> tuple[ProvinceFact, ...]:
    """Every cited fact about the jurisdiction: its issuer, every note, its
    counting rules and its placement advice (for the table's details area)."""
    j = dataset.jurisdiction(code)
    out = list(province_facts(dataset, j, None, lang))
    values = {"province_name": j.name.get(lang)}
    out += [ProvinceFact("counting", fill(r.rule, values, lang), format_cites(dataset, r.cite), r.cite)
            for r in j.counting]
    if j.placement is not None:
        out.append(ProvinceFact("partners", j.placement.text.get(lang), format_cites(dataset, j.placement.cite),
                                j.placement.cite))
    return tuple(out)


def workers_help(dataset: Dataset, code: str, sector: str = "other", lang: str = "en") -> ProvinceFact | None:
    """The workers question's help in this jurisdiction: its counting rule's
    (None where no program applies, Quebec)."""
    j = dataset.jurisdiction(code)
    rule = counting_rule(j, sector)
    if rule is None:
        return None
    text = fill(rule.help, {"province_name": j.name.get(lang)}, lang)
    return ProvinceFact("counting", text, format_cites(dataset, rule.cite), rule.cite)


@record
class ComparisonRow:
    """One dimension for one jurisdiction. ``*_general`` marks a cell that is the
    article's general guidance rather than the jurisdiction's own value."""

    id: str
    label: str
    cor: str
    small: str
    cor_general: bool
    small_general: bool
    source: str
    cites: tuple[Cite, ...] = ()  # what ``source`` formats


@record
class Comparison:
    """The comparison for a jurisdiction: its small program's label and rows, or,
    where there is no small-employer program (Quebec, COR-only provinces),
    no rows and a short ``explanation`` instead."""

    province: str
    small_label: str
    rows: tuple[ComparisonRow, ...]
    explanation: ProvinceFact | None = None


def comparison_for(dataset: Dataset, code: str, lang: str = "en") -> Comparison:
    j = dataset.jurisdiction(code)
    if j.small_program is None:
        note = j.comparison_note
        explanation = (
            ProvinceFact("program", note.text.get(lang), format_cites(dataset, note.cite), note.cite) if note else None
        )
        return Comparison(code, "", (), explanation)
    rows = []
    for dim in dataset.comparison:
        cell = next((c for c in dim.by_province if code in c.jurisdictions), None)
        cor = cell.cor if cell is not None and cell.cor is not None else None
        small = cell.small if cell is not None and cell.small is not None else None
        cites = dim.cite + (cell.cite if cell is not None else ())
        rows.append(ComparisonRow(
            dim.id, dim.label.get(lang),
            (cor or dim.cor).get(lang), (small or dim.small).get(lang),
            cor is None, small is None, format_cites(dataset, cites), cites,
        ))
    return Comparison(code, dataset.program(j.small_program).short.get(lang), tuple(rows))
