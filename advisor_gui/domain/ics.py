"""The plan as an RFC 5545 calendar (``plan --ics``; File ▸ Export Audit Calendar…).

One all-day event per dated step, with a display alarm ``ALARM_DAYS`` before.
Each event's UID is derived from the client and the step's rule id only, so
re-exporting after a date changes (a corrected certificate date, a new target)
updates the calendar's event instead of adding a second one; the language is
not part of it either, so a French export updates the events of an English one.
Undated steps are left out: a calendar entry needs a date, and none is invented.

The texts are in the plan's language (:attr:`Plan.lang`: the window's for File ▸
Export Audit Calendar…, ``--lang`` for ``plan --ics``), from the wording
catalogue, and say so with the LANGUAGE parameter (``en-CA``, ``fr-CA``).

The ``icalendar`` library is imported inside the functions: the window's
start-up never pays for it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import __version__
from ..util.digest import sha256
from . import wording
from .plan import Plan

ALARM_DAYS = 30
UID_DOMAIN = "cor-secor-advisor.invalid"
PRODID = f"-//COR-SECOR Advisor//Plan {__version__}//EN"


def client_key(plan: Plan, client: str = "") -> str:
    """What identifies the client across exports: its name when known, else
    its province (never the dates, which may move)."""
    return client.strip() or plan.province


def event_uid(key: str, rule: str) -> str:
    digest = sha256(f"{key}\x00{rule}".encode()).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def calendar_bytes(plan: Plan, client: str = "", stamp: dt.datetime | None = None) -> bytes:
    """The calendar's bytes. ``stamp`` is the DTSTAMP (default: now, UTC)."""
    from icalendar import Alarm, Calendar, Event

    stamp = stamp or dt.datetime.now(dt.UTC)
    key = client_key(plan, client)
    w = wording.words(plan.lang)
    text = {"LANGUAGE": f"{wording.language(plan.lang)}-CA"}
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", w["ics_calendar_name"].format(client=client.strip() or plan.province))
    for step in plan.steps:
        if step.date is None:
            continue
        event = Event()
        event.add("uid", event_uid(key, step.rule))
        event.add("dtstamp", stamp)
        event.add("dtstart", step.date)
        event.add("dtend", step.date + dt.timedelta(days=1))
        event.add("summary", step.title, parameters=text)
        event.add("description", w["ics_description"].format(title=step.title, rule=step.rule, source=step.source),
                  parameters=text)
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["COR", plan.province])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", step.title, parameters=text)
        alarm.add("trigger", dt.timedelta(days=-ALARM_DAYS))
        event.add_component(alarm)
        cal.add_component(event)
    return bytes(cal.to_ical())


def write_calendar(path: str | Path, plan: Plan, client: str = "") -> Path:
    """Write the calendar atomically (the previous file stays whole on failure)."""
    from ..util.atomic import write_atomic

    return write_atomic(path, calendar_bytes(plan, client))
