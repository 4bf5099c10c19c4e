"""The dated plan (issue 16): the engine on the issue's three cases, the
dataset's timing checks, ``plan`` on the command line and its .ics export."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from advisor_gui import cli
from advisor_gui.domain.answers import parse_answers
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.ics import ALARM_DAYS, calendar_bytes
from advisor_gui.domain.plan import Plan, add_months, build_plan

from .conftest import ROOT

TODAY = dt.date(2026, 11, 30)
AB_SECOR = {"province": "AB", "workers": 8, "current_certification": "secor", "certificate_date": "2025-03-14",
            "worker_count": {"peak_12_months": 13}}
BC_SMALL_COR = {"province": "BC", "workers": 12, "sector": "construction", "current_certification": "secor",
                "certificate_date": "2024-06-30"}
ON_NEW = {"province": "ON", "workers": 25, "sector": "construction"}


def plan_for(dataset, doc: dict[str, Any], target: dt.date | None = None, lang: str = "en") -> Plan:
    answers = parse_answers(doc, dataset)
    return build_plan(dataset, answers, evaluate(dataset, answers, lang).program, TODAY, target, lang)


def dated(plan: Plan) -> dict[str, dt.date]:
    return {s.rule: s.date for s in plan.steps if s.date is not None}


def check_shape(plan: Plan) -> None:
    """Dated steps in date order, undated last, every step cites a source."""
    dates = [s.date for s in plan.steps]
    first_undated = next((i for i, d in enumerate(dates) if d is None), len(dates))
    assert all(d is None for d in dates[first_undated:])
    assert dates[:first_undated] == sorted(dates[:first_undated])  # type: ignore[type-var]
    assert all(s.rule.startswith("plan.") and s.source for s in plan.steps)


def test_alberta_secor_holder_outgrowing_the_limit(dataset) -> None:
    plan = plan_for(dataset, AB_SECOR)
    assert plan.program == "COR"  # 13 at peak counts over Alberta's ten
    check_shape(plan)
    got = dated(plan)
    # SECOR maintenance in each of the next two calendar years (AMHSA), valid three years
    assert got["plan.ab.secor.maintenance_1"] == dt.date(2026, 12, 31)
    assert got["plan.ab.secor.maintenance_2"] == dt.date(2027, 12, 31)
    assert got["plan.ab.secor.expiry"] == dt.date(2028, 3, 14)
    # over ten: COR at the next scheduled audit in the following calendar year (AASP)
    assert got["plan.ab.secor_over_ten"] == dt.date(2027, 12, 31)
    assert plan.target == dt.date(2027, 12, 31)
    assert got["plan.cor.book_auditor"] == dt.date(2027, 10, 2)  # ~90 days before
    assert got["plan.cor.records"] == dt.date(2026, 12, 31)  # 12 months of records
    by_rule = {s.rule: s for s in plan.steps}
    assert "safetypartnershipsaasp.com" in by_rule["plan.ab.secor_over_ten"].source
    assert "amhsa.net" in by_rule["plan.ab.secor.maintenance_1"].source
    assert by_rule["plan.cor.training"].date is None  # no source gives a lead time
    assert by_rule["plan.cor.no_credit"].date is None
    # the other target (the earliest audit the records allow) gives way to Alberta's rule
    assert "plan.cor.earliest_audit" not in by_rule
    assert "plan.ab.pir_registration" not in by_rule  # a SECOR holder is in PIR already


def test_bc_small_cor_holder(dataset) -> None:
    plan = plan_for(dataset, BC_SMALL_COR)
    assert plan.program == "SMALL_COR"
    check_shape(plan)
    got = dated(plan)
    assert got == {
        "plan.bc.maintenance_1": dt.date(2025, 12, 31),
        "plan.bc.maintenance_2": dt.date(2026, 12, 31),
        "plan.bc.recertification": dt.date(2027, 12, 31),
    }
    steps = {s.rule: s for s in plan.steps}
    assert all("worksafebc.com" in steps[r].source for r in got)
    assert steps["plan.bc.maintenance_1"].overdue and not steps["plan.bc.maintenance_2"].overdue
    assert steps["plan.bc.report_window"].date is None and "45" in steps["plan.bc.report_window"].title
    assert "plan.bc.safetydriven.report_window" not in steps  # SafetyDriven serves trucking
    trucking = plan_for(dataset, {**BC_SMALL_COR, "sector": "transportation"})
    assert "plan.bc.safetydriven.report_window" in {s.rule for s in trucking.steps}


def test_ontario_firm_starting_cor_for_a_tender(dataset) -> None:
    plan = plan_for(dataset, ON_NEW, target=dt.date(2027, 9, 1))
    assert plan.program == "COR"
    check_shape(plan)
    got = dated(plan)
    assert got["plan.cor.audit"] == dt.date(2027, 9, 1)
    assert got["plan.on.internal_audit"] == dt.date(2027, 7, 3)  # 60 days before
    assert got["plan.cor.book_auditor"] == dt.date(2027, 6, 3)  # 90 days before
    assert got["plan.on.system"] == dt.date(2026, 7, 3)  # a year before the internal audit
    steps = {s.rule: s for s in plan.steps}
    assert steps["plan.on.system"].overdue  # the tender is too close for the consultant's rule
    assert "aceisgroup.com" in steps["plan.on.internal_audit"].source
    assert "plan.on.earliest_audit" not in steps  # the user's target replaces it
    # no target: counted from today, the earliest the sources allow
    free = plan_for(dataset, ON_NEW)
    assert free.target == dt.date(2028, 1, 29)
    assert dated(free)["plan.on.earliest_audit"] == dt.date(2028, 1, 29)


def test_no_plan_without_a_certificate_or_cor(dataset) -> None:
    plan = plan_for(dataset, {"province": "SK", "workers": 4})
    assert plan.program == "SECOR" and plan.steps == ()
    undated_holder = plan_for(dataset, {"province": "BC", "workers": 4, "current_certification": "secor"})
    assert undated_holder.steps and all(s.date is None for s in undated_holder.steps)


def test_french_titles_and_same_rules(dataset) -> None:
    en, fr = plan_for(dataset, AB_SECOR), plan_for(dataset, AB_SECOR, lang="fr")
    assert [(s.rule, s.date, s.source) for s in en.steps] == [(s.rule, s.date, s.source) for s in fr.steps]
    assert all(a.title != b.title for a, b in zip(en.steps, fr.steps, strict=True))


def test_add_months_clamps_to_the_month_end() -> None:
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2027, 1, 31), -2) == dt.date(2026, 11, 30)


def test_every_participating_jurisdiction_has_a_road_to_cor(dataset) -> None:
    for j in dataset.jurisdictions:
        if not j.participates:
            continue
        plan = plan_for(dataset, {"province": j.code, "workers": 40})
        assert plan.program == "COR"
        if j.code == "PE":  # the article lists PEI, but no program was found there: nothing to date
            assert plan.steps == ()
            continue
        assert plan.target is not None and "plan.cor.book_auditor" in dated(plan), j.code


@pytest.mark.parametrize(
    ("step", "problem"),
    [
        ("{id: x, jurisdictions: [\"AB\"], track: cycle, holds: [secor], years: 1, title: {en: a, fr: b}, "
         "cite: [{source: article}]}", "undated step"),
        ("{id: x, jurisdictions: [\"AB\"], track: first_cor, anchor: certificate, title: {en: a, fr: b}, "
         "cite: [{source: article}]}", "only a cycle step"),
        ("{id: x, jurisdictions: [\"AB\"], track: cycle, title: {en: a, fr: b}, cite: [{source: article}]}",
         "which certificate"),
        ("{id: x, jurisdictions: [\"AB\"], track: first_cor, sectors: [nope], title: {en: a, fr: b}, "
         "cite: [{source: article}]}", "unknown sector"),
        ("{id: x, jurisdictions: [\"AB\"], track: first_cor, title: {en: a, fr: ''}, cite: [{source: article}]}",
         "fr"),
    ],
)
def test_the_loader_refuses_a_meaningless_timing_step(rules_text: str, step: str, problem: str) -> None:
    from advisor_gui.domain.loader import DatasetError, parse_dataset

    text = rules_text.replace("\ntiming:\n", f"\ntiming:\n  - {step}\n", 1)
    with pytest.raises(DatasetError) as err:
        parse_dataset(text.encode(), "rules.yaml")
    assert problem in str(err.value) and "timing" in str(err.value)


# --- the command line and the calendar ------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def write(tmp_path: Path, doc: dict[str, Any]) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def test_plan_json_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "plan", "--answers", write(tmp_path, ON_NEW), "--json", "--today",
                         "2026-11-30", "--target", "2027-09-01", "--lang", "en")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert {"program", "province", "steps", "dataset"} <= doc.keys()
    assert doc["program"] == "COR" and doc["province"] == "ON"
    assert set(doc["dataset"]) == {"version", "effective"}
    for step in doc["steps"]:
        assert set(step) == {"date", "title", "rule", "source"}
    dates = [s["date"] for s in doc["steps"]]
    assert dates[0] == "2026-07-03" and None in dates
    assert dates.index(None) == sum(d is not None for d in dates)
    assert doc["overdue"] == ["plan.on.system"]


def test_plan_text_and_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plan", "--answers", write(tmp_path, BC_SMALL_COR), "--today", "2026-11-30",
                       "--lang", "fr")
    assert code == 0 and "2025-12-31" in out and "sans date" in out and "date dépassée" in out


@pytest.mark.parametrize(
    ("extra", "doc", "needle"),
    [
        (["--target", "2027-13-01"], ON_NEW, "--target"),
        (["--today", "tomorrow"], ON_NEW, "--today"),
        ([], {"province": "ZZ", "workers": 3}, "province"),
        ([], {"province": "ON", "workers": 0}, "workers"),
        ([], {"province": "ON", "workers": 3, "certificate_date": "2025-02-30"}, "certificate_date"),
    ],
)
def test_plan_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str],
                        doc: dict[str, Any], needle: str) -> None:
    code, out, err = run(capsys, "plan", "--answers", write(tmp_path, doc), "--json", *extra)
    assert code == 2 and out == "" and needle in err and err.count("\n") == 1


def test_plan_bad_ics_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "plan", "--answers", write(tmp_path, ON_NEW), "--ics", str(tmp_path))
    assert code == 2 and out == "" and "--ics" in err


def test_ics_parses_back_with_alarms_and_stable_uids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from icalendar import Calendar

    ics = tmp_path / "plan.ics"
    answers = write(tmp_path, AB_SECOR)
    args = ["plan", "--answers", answers, "--ics", str(ics), "--today", "2026-11-30", "--client", "Acme"]
    assert run(capsys, *args)[0] == 0
    first = Calendar.from_ical(ics.read_bytes())
    events = first.walk("VEVENT")
    plan_doc = json.loads(run(capsys, "plan", "--answers", answers, "--json", "--today", "2026-11-30")[1])
    dated_steps = [s for s in plan_doc["steps"] if s["date"]]
    assert len(events) == len(dated_steps)
    for event, step in zip(events, dated_steps, strict=True):
        assert event.decoded("dtstart") == dt.date.fromisoformat(step["date"])
        assert str(event["summary"]) == step["title"]
        assert step["rule"] in str(event["description"])
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("trigger") == dt.timedelta(days=-ALARM_DAYS)
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == len(uids)
    # re-export a year later, the certificate date corrected: same UIDs, new dates
    moved = write(tmp_path, {**AB_SECOR, "certificate_date": "2025-04-01"})
    assert run(capsys, "plan", "--answers", moved, "--ics", str(ics), "--today", "2027-01-05",
               "--client", "Acme")[0] == 0
    again = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    by_uid = {str(e["uid"]): e for e in again}
    assert set(uids) == set(by_uid)
    expiry = next(e for e in again if "expires" in str(e["summary"]))
    assert expiry.decoded("dtstart") == dt.date(2028, 4, 1)
    # another client's calendar never shares a UID
    other = calendar_bytes(build_plan_for_cli(answers), client="Other Co")
    assert not set(uids) & {str(e["uid"]) for e in Calendar.from_ical(other).walk("VEVENT")}


def test_ics_follows_the_language_and_keeps_its_uids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``plan --ics --lang``: every text of the calendar in that language (the
    plan's titles, the description's labels, the calendar's name), the same
    events with the same UIDs in both, so a French export updates an English one."""
    from icalendar import Calendar

    answers = write(tmp_path, AB_SECOR)
    cals = {}
    for lang in ("en", "fr"):
        ics = tmp_path / f"plan-{lang}.ics"
        assert run(capsys, "plan", "--answers", answers, "--ics", str(ics), "--today", "2026-11-30",
                   "--client", "Acme", "--lang", lang)[0] == 0
        cals[lang] = Calendar.from_ical(ics.read_bytes())
    doc = {lang: json.loads(run(capsys, "plan", "--answers", answers, "--json", "--today", "2026-11-30",
                                "--lang", lang)[1]) for lang in ("en", "fr")}
    label = {"en": ("Rule: ", "Source: "), "fr": ("Règle\u00a0: ", "Source\u00a0: ")}
    for lang, cal in cals.items():
        events = cal.walk("VEVENT")
        steps = [s for s in doc[lang]["steps"] if s["date"]]
        assert len(events) == len(steps) > 0
        for event, step in zip(events, steps, strict=True):
            description = str(event["description"])
            assert str(event["summary"]) == step["title"]
            assert description.startswith(step["title"] + "\n\n")
            assert f"{label[lang][0]}{step['rule']}\n" in description
            assert f"{label[lang][1]}{step['source']}" in description
            assert event["summary"].params["LANGUAGE"] == f"{lang}-CA"
            assert event["description"].params["LANGUAGE"] == f"{lang}-CA"
            (alarm,) = event.walk("VALARM")
            assert str(alarm["description"]) == step["title"]
    assert "Rule:" not in cals["fr"].to_ical().decode() and "Règle" not in cals["en"].to_ical().decode()
    assert str(cals["en"]["x-wr-calname"]) == "COR/SECOR plan \u2014 Acme"
    assert str(cals["fr"]["x-wr-calname"]) == "Plan COR/SECOR \u2014 Acme"
    en, fr = (cals[lang].walk("VEVENT") for lang in ("en", "fr"))
    assert [str(e["uid"]) for e in en] == [str(e["uid"]) for e in fr]
    assert [e.decoded("dtstart") for e in en] == [e.decoded("dtstart") for e in fr]
    assert [str(e["summary"]) for e in en] != [str(e["summary"]) for e in fr]


def build_plan_for_cli(answers_path: str) -> Plan:
    from advisor_gui.domain.loader import load_dataset

    dataset = load_dataset(ROOT / "data" / "rules.yaml")
    answers = cli.read_answers(answers_path, dataset)
    return build_plan(dataset, answers, evaluate(dataset, answers).program, TODAY)


def test_icalendar_stays_out_of_the_window_start_up() -> None:
    import subprocess

    code = ("import sys, advisor_gui.app, advisor_gui.cli, advisor_gui.domain.plan, advisor_gui.domain.ics; "
            "print('icalendar' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "False"


# --- other provinces -------------------------------------------------------------------


def elsewhere(dataset, doc: dict[str, Any]) -> dict[str, str]:
    """The other-jurisdiction steps of the plan, by rule id: their titles."""
    plan = plan_for(dataset, doc)
    found = {s.rule: s.title for s in plan.steps if s.rule.startswith("elsewhere.")}
    assert all(s.date is None for s in plan.steps if s.rule.startswith("elsewhere."))
    assert all(s.source for s in plan.steps)
    return found


def test_other_provinces_letters_and_their_validity(dataset) -> None:
    got = elsewhere(dataset, {"province": "AB", "workers": 30, "sector": "construction",
                              "other_provinces": ["BC", "MB", "YT", "AB"]})
    assert set(got) == {"elsewhere.general", "elsewhere.bc", "elsewhere.mb", "elsewhere.yt.corel"}
    assert "6 months" in got["elsewhere.bc"] and "12 months" in got["elsewhere.mb"]
    assert "6 months" in got["elsewhere.yt.corel"]
    assert "elsewhere.ab" not in got  # the client's own province is no host


def test_energy_safety_canada_cor_gets_no_corel_and_may_extend_its_scope(dataset) -> None:
    got = elsewhere(dataset, {"province": "AB", "workers": 30, "sector": "oil_and_gas", "other_provinces": ["YT"]})
    assert "elsewhere.yt.esc" in got and "elsewhere.esc_scope" in got and "elsewhere.yt.corel" not in got


def test_manitoba_secor_does_not_travel(dataset) -> None:
    got = elsewhere(dataset, {"province": "MB", "workers": 5, "current_certification": "secor",
                              "other_provinces": ["SK"]})
    assert "elsewhere.mb_secor" in got and "elsewhere.sk" in got
    assert "elsewhere.mb_secor" not in elsewhere(dataset, {"province": "MB", "workers": 5, "other_provinces": ["SK"]})


def test_a_quebec_firm_follows_each_host_route(dataset) -> None:
    got = elsewhere(dataset, {"province": "QC", "workers": 30, "other_provinces": ["ON", "NB", "YT", "PE"]})
    assert set(got) == {"elsewhere.qc_firm", "elsewhere.on", "elsewhere.pe"}  # no home-COR letters offered
    fr = plan_for(dataset, {"province": "QC", "workers": 30, "other_provinces": ["ON"]}, lang="fr")
    assert any("Québec" in s.title for s in fr.steps)


def test_every_host_has_something_to_say(dataset) -> None:
    for j in dataset.jurisdictions:
        home = "QC" if j.code != "QC" else "ON"
        assert elsewhere(dataset, {"province": home, "workers": 30, "other_provinces": [j.code]}), j.code
