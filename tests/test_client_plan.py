"""The client's plan in the window (issue 16): the steps model without widgets,
the plan page on the issue's three cases, the certificate date as an undoable
answer, File ▸ Export Audit Calendar… and the summary's Plan section."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from advisor_gui.domain.answers import parse_answers
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.plan import build_plan
from advisor_gui.settings import Settings
from advisor_gui.ui import client_plan
from advisor_gui.ui.client_plan import COL_DATE, COL_SOURCE, COL_STEP, PlanStepsModel, RuleRole
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow

from .test_plan import AB_SECOR, BC_SMALL_COR, ON_NEW, TODAY


def make_window(qtbot: Any, tmp_path: Path, dataset, doc: dict[str, Any]) -> MainWindow:
    controller = AdvisorController(dataset, parse_answers(doc, dataset))
    win = MainWindow(controller, Settings(str(tmp_path / "settings.ini")), today=lambda: TODAY)
    qtbot.addWidget(win)
    return win


def shown(win: MainWindow) -> dict[str, str]:
    """Rule id -> the date column, as the plan page shows it."""
    panel = win.client_plan
    panel.refresh()
    m = panel.model
    return {m.index(r, 0).data(RuleRole): m.index(r, COL_DATE).data() for r in range(m.rowCount())}


def test_the_model_shows_date_title_and_source(qapp, dataset) -> None:
    answers = parse_answers(BC_SMALL_COR, dataset)
    plan = build_plan(dataset, answers, evaluate(dataset, answers).program, TODAY)
    model = PlanStepsModel()
    model.set_plan(plan, "en")
    assert model.rowCount() == len(plan.steps) and model.columnCount() == 3
    rows = {model.index(r, 0).data(RuleRole): r for r in range(model.rowCount())}
    r = rows["plan.bc.maintenance_2"]
    assert model.index(r, COL_DATE).data() == "31 December 2026"
    assert "worksafebc.com" in model.index(r, COL_SOURCE).data()
    assert model.index(r, COL_STEP).data() == plan.steps[r].title
    assert model.index(rows["plan.bc.maintenance_1"], COL_DATE).data() == "31 December 2025 (already past)"
    assert model.index(rows["plan.bc.report_window"], COL_DATE).data() == "No date given by the sources"
    assert model.index(r, COL_DATE).data(client_plan.Qt.ItemDataRole.ToolTipRole).startswith(
        "Rule plan.bc.maintenance_2")
    model.set_plan(plan, "fr")
    assert model.index(r, COL_DATE).data() == "31 décembre 2026"


@pytest.mark.gui
def test_the_plan_page_shows_the_three_cases(qtbot, tmp_path, dataset) -> None:
    win = make_window(qtbot, tmp_path, dataset, AB_SECOR)
    got = shown(win)
    assert got["plan.ab.secor.maintenance_1"] == "31 December 2026"
    assert got["plan.ab.secor_over_ten"] == "31 December 2027"
    assert got["plan.cor.book_auditor"] == "2 October 2027"
    assert got["plan.cor.training"] == "No date given by the sources"
    assert "31 December 2027" in win.client_plan.heading.text()

    win.controller.set_answers(parse_answers(BC_SMALL_COR, dataset))
    got = shown(win)
    assert got["plan.bc.recertification"] == "31 December 2027"
    assert got["plan.bc.maintenance_1"].endswith("(already past)")

    win.controller.set_answers(parse_answers(ON_NEW, dataset))
    assert win.client_plan.certificate.isHidden()  # holds no certificate: no date to ask
    win.client_plan.set_target(dt.date(2027, 9, 1))
    got = shown(win)
    assert got["plan.cor.audit"] == "1 September 2027"
    assert got["plan.on.internal_audit"] == "3 July 2027"
    assert got["plan.cor.book_auditor"] == "3 June 2027"


@pytest.mark.gui
def test_view_client_plan_shows_the_page(qtbot, tmp_path, dataset) -> None:
    win = make_window(qtbot, tmp_path, dataset, AB_SECOR)
    win.act_client_plan.trigger()
    assert win.provinces.tabs.currentWidget() is win.plan_page and win.client_plan.parentWidget() is win.plan_page
    assert win.provinces.title.text() == "Client plan"
    win.provinces.tabs.setCurrentIndex(0)
    assert win.provinces.title.text() == "Provinces and territories"


@pytest.mark.gui
def test_the_certificate_date_is_an_undoable_answer(qtbot, tmp_path, dataset) -> None:
    win = make_window(qtbot, tmp_path, dataset, {**BC_SMALL_COR, "certificate_date": None})
    panel = win.client_plan
    assert not panel.certificate.isHidden()
    assert panel.certificate.text() == "Not given"
    assert shown(win)["plan.bc.recertification"] == "No date given by the sources"
    panel.certificate.setDate(client_plan.QDate(2024, 6, 30))
    assert win.controller.answers.certificate_date == dt.date(2024, 6, 30)
    assert shown(win)["plan.bc.recertification"] == "31 December 2027"
    win.history.undo()
    assert win.controller.answers.certificate_date is None
    assert panel.certificate.date() == client_plan.NOT_GIVEN
    win.history.redo()
    assert panel.certificate.date() == client_plan.QDate(2024, 6, 30)


@pytest.mark.gui
def test_export_writes_a_calendar_that_parses_back_with_stable_uids(qtbot, tmp_path, dataset) -> None:
    from icalendar import Calendar

    win = make_window(qtbot, tmp_path, dataset, AB_SECOR)
    win.controller.set_client_name("Acme Ltd.")
    first = win.client_plan.export_calendar(tmp_path / "plan.ics")
    assert first == tmp_path / "plan.ics"
    cal = Calendar.from_ical(first.read_bytes())
    events = {str(e["summary"]): str(e["uid"]) for e in cal.walk("VEVENT")}
    plan = win.client_plan.plan()
    assert len(events) == sum(1 for s in plan.steps if s.date is not None)
    starts = sorted(e.decoded("dtstart") for e in cal.walk("VEVENT"))
    assert starts[0] == min(s.date for s in plan.steps if s.date is not None)
    # a later certificate date moves the events, never their UIDs
    win.controller.set_answer("certificate_date", dt.date(2025, 4, 1))
    again = Calendar.from_ical(win.client_plan.export_calendar(tmp_path / "again.ics").read_bytes())
    assert {str(e["summary"]): str(e["uid"]) for e in again.walk("VEVENT")} == events


@pytest.mark.gui
def test_export_follows_the_windows_language(qtbot, tmp_path, dataset) -> None:
    from icalendar import Calendar

    win = make_window(qtbot, tmp_path, dataset, AB_SECOR)
    english = Calendar.from_ical(win.client_plan.export_calendar(tmp_path / "en.ics").read_bytes())
    win.controller.set_language("fr")
    french = Calendar.from_ical(win.client_plan.export_calendar(tmp_path / "fr.ics").read_bytes())
    titles = [s.title for s in win.client_plan.plan().steps if s.date is not None]
    assert [str(e["summary"]) for e in french.walk("VEVENT")] == titles
    assert all("R\u00e8gle\u00a0: plan." in str(e["description"]) for e in french.walk("VEVENT"))
    assert all("Rule: plan." in str(e["description"]) for e in english.walk("VEVENT"))
    assert [str(e["uid"]) for e in french.walk("VEVENT")] == [str(e["uid"]) for e in english.walk("VEVENT")]


@pytest.mark.gui
def test_a_failed_export_says_why_and_writes_nothing(qtbot, tmp_path, dataset, monkeypatch) -> None:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(client_plan, "tell",
                        lambda _p, _i, text, informative="", **_k: said.append((text, informative)))
    win = make_window(qtbot, tmp_path, dataset, AB_SECOR)
    assert win.client_plan.export_calendar(tmp_path / "missing" / "plan.ics") is None
    assert said and said[0][0] == "The calendar could not be saved."
    assert not (tmp_path / "missing").exists()
    # no dated step: nothing to export, and it says so
    win.controller.set_answers(parse_answers({"province": "AB", "workers": 4}, dataset))
    assert win.client_plan.export_calendar(tmp_path / "none.ics") is None
    assert said[-1][0] == "The plan has no dated steps to put in a calendar."
    assert not win.client_plan.export_button.isEnabled()


@pytest.mark.gui
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_summary_has_the_plan_section(qtbot, tmp_path, dataset, lang) -> None:
    from advisor_gui.ui.printing import write_pdf

    win = make_window(qtbot, tmp_path, dataset, ON_NEW)
    win.client_plan.set_target(dt.date(2027, 9, 1))
    out = tmp_path / "summary.pdf"
    write_pdf(win.printing.report(lang), out)
    text = " ".join(subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    if lang == "en":
        assert "Plan The client's dated steps" in text
        assert "1 September 2027" in text and "3 July 2027" in text
        assert "Steps with no date from the sources" in text
    else:
        assert "Plan Les étapes datées du client" in text
        assert "Étapes sans date dans les sources" in text
        assert "1er septembre 2027" in text and "3 juillet 2027" in text
    assert "Sources" in text.split("Plan", 1)[1]  # the plan's citations, numbered into the source list
