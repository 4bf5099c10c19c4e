"""The prime-contractor register and named scenarios of a client file (issue 16).

The register lists the prime contractors and project owners the client works
for, what each accepts and how that was confirmed. When it has entries, the
``prime_contractor`` answer is *derived* from it: any COR-only entry means
``requires_cor`` (that entry drives the answer); every entry confirmed as
accepting the small-employer program means ``accepts_secor``; anything else is
``unknown``. The platforms named in the register join ``prequal_platforms``.
A confirmation older than :data:`STALE_MONTHS` months earns a caution: a
product choice (no source gives a period), said as such.

Scenarios are named variants of the answers ("Today", "After hiring 6").
Pure: no Qt, no clock (the caller passes ``today``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Literal

from ..util.records import record
from . import wording
from .engine import Caution, Recommendation
from .models import PREQUAL_PLATFORMS, Answers, NonEmpty

_STRICT = {"extra": "forbid", "strict": True}
STALE_MONTHS = 12
MAX_SCENARIO_NAME = 40  # characters: a scenario's name heads a column in the window and in print

Accepts = Literal["cor_only", "accepts_small", "unknown"]
RegisterPlatform = Literal["ISN", "ComplyWorks", "Avetta", "CanQualify", "ContractorCheck", "other", "none"]
Confirmation = Literal["email", "contract_clause", "platform_requirement", "phone", "other", "none"]


@record
class RegisterEntry:
    """One prime contractor or project owner; every key is written."""

    __pydantic_config__ = _STRICT
    name: NonEmpty
    platform: RegisterPlatform
    accepts: Accepts
    confirmed_by: Confirmation  # "none": not confirmed yet
    confirmed_on: dt.date | None
    note: str


@record
class Scenario:
    """A named variant of the client's answers."""

    __pydantic_config__ = _STRICT
    name: NonEmpty
    answers: Answers


@dataclasses.dataclass(frozen=True)
class Derived:
    """What the register makes of the prime-contractor question."""

    prime_contractor: str
    driving: tuple[str, ...]  # the entries that decide it (the COR-only ones, or all accepting)
    platforms: tuple[str, ...]  # prequalification platforms the register names
    stale: tuple[RegisterEntry, ...]  # confirmed more than STALE_MONTHS months before today


def confirmed(entry: RegisterEntry) -> bool:
    return entry.confirmed_by != "none" and entry.confirmed_on is not None


def _months_before(day: dt.date, months: int) -> dt.date:
    from .plan import add_months

    return add_months(day, -months)


def derive(entries: tuple[RegisterEntry, ...], today: dt.date) -> Derived | None:
    """The derived answer, or None when the register is empty (the answers stand)."""
    if not entries:
        return None
    cor_only = tuple(e.name for e in entries if e.accepts == "cor_only")
    if cor_only:
        value, driving = "requires_cor", cor_only
    elif all(e.accepts == "accepts_small" and confirmed(e) for e in entries):
        value, driving = "accepts_secor", tuple(e.name for e in entries)
    else:
        value, driving = "unknown", tuple(e.name for e in entries if e.accepts != "accepts_small" or not confirmed(e))
    platforms = tuple(p for p in PREQUAL_PLATFORMS if any(e.platform == p for e in entries))
    limit = _months_before(today, STALE_MONTHS)
    stale = tuple(e for e in entries if e.confirmed_on is not None and e.confirmed_on < limit)
    return Derived(value, driving, platforms, stale)


def cautions(derived: Derived | None, lang: str) -> tuple[Caution, ...]:
    """What the register adds to a recommendation's cautions, in ``lang``: which
    prime(s) drive the derived answer, then each confirmation older than
    :data:`STALE_MONTHS` months (a product rule: no source gives the period)."""
    if derived is None:
        return ()
    w = wording.words(lang)
    value = w[f"register_value_{derived.prime_contractor}"]
    driving = Caution("register.driving", w["register_driving"].format(value=value, names=", ".join(derived.driving)))
    return (driving, *(Caution("register.stale", w["register_stale"].format(
        name=e.name, date=wording.date(e.confirmed_on, lang) if e.confirmed_on else "", months=STALE_MONTHS))
        for e in derived.stale))


def with_cautions(recommendation: Recommendation, derived: Derived | None, lang: str) -> Recommendation:
    """``recommendation`` (of the answers :func:`apply` made) with the register's
    :func:`cautions` before its own: the window, the summary and the command line
    say the same."""
    extra = cautions(derived, lang)
    if not extra:
        return recommendation
    return dataclasses.replace(recommendation, cautions=(*extra, *recommendation.cautions))


def apply(answers: Answers, derived: Derived | None) -> Answers:
    """The answers with the register's derivation: ``prime_contractor``
    replaced, the register's platforms added to ``prequal_platforms`` (none dropped)."""
    if derived is None:
        return answers
    platforms = tuple(p for p in PREQUAL_PLATFORMS if p in answers.prequal_platforms or p in derived.platforms)
    return dataclasses.replace(answers, prime_contractor=derived.prime_contractor,  # type: ignore[arg-type]
                               prequal_platforms=platforms)  # type: ignore[arg-type]
