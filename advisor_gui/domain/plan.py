"""The client's dated plan (issue 16): the audits and deadlines of the
certificate it holds, and the road to a first COR, from the dataset's cited
timing steps. Pure: no Qt, no clock (the caller passes ``today``).

What the plan holds:

- *cycle* steps when the client holds a certificate (``current_certification``
  ``secor`` or ``cor``), counted from ``certificate_date`` (undated without it);
- *first_cor* steps when the recommendation is COR and the client has none yet
  (from nothing, or from SECOR): counted back from the target date — the one
  the user gives, else the first dated ``target`` step of the province (the
  Alberta switch year, the earliest audit the records allow).

Then, undated, what the client needs in each of its ``other_provinces``
(the dataset's ``working_elsewhere``: the host's COR, a reciprocity or
equivalency letter and its validity, or nothing).

Dated steps come first, in date order (the dataset's order breaks ties);
undated steps follow in the dataset's order. Every step cites its rule (the
timing step's id) and its sources. No date is ever invented: a step whose
timing no source gives stays undated.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from . import wording
from .citations import format_cites
from .models import Answers, Dataset, HostRoute, TimingStep


@dataclass(frozen=True)
class PlanStep:
    date: dt.date | None
    title: str
    rule: str
    source: str
    overdue: bool = False  # dated before today: the plan is already late for it


@dataclass(frozen=True)
class Plan:
    program: str
    province: str
    steps: tuple[PlanStep, ...]
    today: dt.date
    target: dt.date | None
    dataset_version: str
    dataset_effective: dt.date
    lang: str = "en"  # the language of the steps' titles (the calendar's texts follow it)

    def as_contract(self) -> dict[str, object]:
        """The ``plan --json`` document (DESIGN.md §4), plus ``today``,
        ``target`` and ``overdue`` (the rule ids of the steps already late)."""
        return {
            "program": self.program,
            "province": self.province,
            "steps": [
                {"date": s.date.isoformat() if s.date else None, "title": s.title, "rule": s.rule,
                 "source": s.source}
                for s in self.steps
            ],
            "dataset": {"version": self.dataset_version, "effective": self.dataset_effective.isoformat()},
            "today": self.today.isoformat(),
            "target": self.target.isoformat() if self.target else None,
            "overdue": [s.rule for s in self.steps if s.overdue],
        }


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months; the 31st becomes the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def step_date(step: TimingStep, anchors: dict[str, dt.date | None]) -> dt.date | None:
    """The step's date from its anchor, or None (undated, or its anchor unknown)."""
    if step.anchor is None:
        return None
    base = anchors.get(step.anchor)
    if base is None:
        return None
    moved = add_months(base, step.years * 12 + step.months) + dt.timedelta(days=step.days)
    return dt.date(moved.year, 12, 31) if step.year_end else moved


def applies(step: TimingStep, answers: Answers) -> bool:
    """The step is for the client's province and, when it says so, its sector
    and current certification."""
    if answers.province not in step.jurisdictions:
        return False
    if step.sectors and answers.sector not in step.sectors:
        return False
    return not step.holds or answers.current_certification in step.holds


def route_applies(route: HostRoute, answers: Answers) -> bool:
    """The route is for one of the client's other jurisdictions (never its
    own) and fits its base, sector and current certification."""
    hosts = set(route.hosts) & set(answers.other_provinces) - {answers.province}
    if not hosts:
        return False
    if (route.home and answers.province not in route.home) or answers.province in route.except_home:
        return False
    if (route.sectors and answers.sector not in route.sectors) or answers.sector in route.except_sectors:
        return False
    return not route.holds or answers.current_certification in route.holds


def elsewhere_steps(dataset: Dataset, answers: Answers, lang: str = "en") -> tuple[PlanStep, ...]:
    """What the client needs in each other jurisdiction it works in, as
    undated steps in the dataset's order (its rule id names the host)."""
    return tuple(
        PlanStep(None, r.title.get(lang), r.id, format_cites(dataset, r.cite))
        for r in dataset.working_elsewhere
        if route_applies(r, answers)
    )


def tracks(answers: Answers, program: str) -> tuple[str, ...]:
    """Which tracks the client's plan follows: the cycle of the certificate it
    holds; the road to a first COR when COR is recommended and not yet held."""
    chosen: list[str] = []
    if answers.current_certification in {"secor", "cor"}:
        chosen.append("cycle")
    if program == "COR" and answers.current_certification != "cor":
        chosen.append("first_cor")
    return tuple(chosen)


def build_plan(
    dataset: Dataset,
    answers: Answers,
    program: str,
    today: dt.date,
    target: dt.date | None = None,
    lang: str = "en",
) -> Plan:
    """The plan for ``answers`` given the recommended ``program``."""
    wanted = tracks(answers, program)
    steps = [s for s in dataset.timing if s.track in wanted and applies(s, answers)]
    anchors: dict[str, dt.date | None] = {"certificate": answers.certificate_date, "today": today}
    if target is not None:
        steps = [s for s in steps if not s.target]  # the user's date replaces the dataset's
    else:
        chosen = next((s for s in steps if s.target), None)
        target = step_date(chosen, anchors) if chosen is not None else None
        steps = [s for s in steps if not s.target or s is chosen]
    anchors["target"] = target
    dated: list[tuple[dt.date, int, PlanStep]] = []
    undated: list[PlanStep] = []
    for order, s in enumerate(steps):
        when = step_date(s, anchors)
        item = PlanStep(when, s.title.get(lang), s.id, format_cites(dataset, s.cite),
                        overdue=when is not None and when < today)
        if when is None:
            undated.append(item)
        else:
            dated.append((when, order, item))
    dated.sort(key=lambda t: (t[0], t[1]))
    return Plan(
        program=program,
        province=answers.province,
        steps=tuple(item for _, _, item in dated) + tuple(undated) + elsewhere_steps(dataset, answers, lang),
        today=today,
        target=target,
        dataset_version=dataset.version,
        dataset_effective=dataset.effective,
        lang=wording.language(lang),
    )


def render_text(plan: Plan, words: Mapping[str, str]) -> str:
    """The plan as plain text: one line per step, its date (or the undated
    marker), title, rule and source."""
    lines = [words["plan_heading"].format(province=plan.province, program=plan.program)]
    if not plan.steps:
        lines.append(words["plan_empty"])
    for s in plan.steps:
        when = s.date.isoformat() if s.date else words["plan_undated"]
        late = f" ({words['plan_overdue']})" if s.overdue else ""
        lines.append(f"{when:<12} {s.title}{late}")
        lines.append(f"{'':<12} [{s.rule}] {s.source}")
    return "\n".join(lines)
