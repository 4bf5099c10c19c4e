"""Scenarios side by side, in the domain (issue 16): today's answers and each
named scenario evaluated with the same rules, what differs said in words, the
reasons with their citations numbered into one list, English and French."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from advisor_gui.domain import clientfile
from advisor_gui.domain import register as registers
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import Answers
from advisor_gui.domain.presentation import present
from advisor_gui.domain.register import RegisterEntry, Scenario
from advisor_gui.domain.scenarios import MAX_NAME, compare, name_problem, unused_name

TODAY = Answers(province="AB", workers=6, sector="construction")
HIRING = Scenario(name="After hiring 6", answers=dataclasses.replace(TODAY, workers=12))
TENDER = Scenario(name="Wins the Metrolinx tender",
                  answers=dataclasses.replace(TODAY, prime_contractor="requires_cor", public_sector_bids=True))


def test_three_scenarios_side_by_side(dataset) -> None:
    c = compare(dataset, TODAY, (HIRING, TENDER), "en")
    assert [col.name for col in c.columns] == ["Today", "After hiring 6", "Wins the Metrolinx tender"]
    assert [col.program for col in c.columns] == ["SECOR", "COR", "COR"]
    assert [col.changed_answers for col in c.columns] == [(), ("workers",),
                                                         ("prime_contractor", "public_sector_bids")]
    program = c.row("program")
    assert [cell.text for cell in program.cells] == ["SECOR", "COR (differs from Today)", "COR (differs from Today)"]
    assert [cell.changed for cell in program.cells] == [False, True, True]
    # hiring six more crosses Alberta's SECOR limit of 10: said as the status, with the limit
    status = c.row("status")
    assert "SECOR: not eligible: over 10 workers" in status.cells[1].text
    assert status.cells[1].changed and not status.cells[0].changed
    workers = c.row("answer.workers")
    assert workers.label == "How many workers does the operation consistently run with?"
    assert [cell.text for cell in workers.cells] == ["6", "12 (differs from Today)", "6"]
    assert [cell.changed for cell in workers.cells] == [False, True, False]
    prime = c.row("answer.prime_contractor")
    assert prime.cells[2].changed and "(differs from Today)" in prime.cells[2].text
    assert not any(r.key == "answer.sector" for r in c.rows)  # only what differs somewhere
    assert [r.key for r in c.rows][:2] == ["program", "status"] and c.rows[-1].key == "reasons"
    # the reasons are the presentation model's, with citations into the comparison's one source list
    reasons = c.row("reasons").cells
    today_view = present(dataset, TODAY, evaluate(dataset, TODAY, "en"), "en")
    assert [x.text for x in reasons[0].lines] == [r.text for r in today_view.reasons]
    assert any("12 workers" in x.text and "COR line of 10" in x.text for x in reasons[1].lines)
    assert any("prime contractor or project owner requires COR" in x.text for x in reasons[2].lines)
    numbers = {s.number for s in c.sources}
    for cell in reasons:
        for line in cell.lines:
            assert line.refs and set(line.refs) <= numbers, line
    assert [s.number for s in c.sources] == list(range(1, len(c.sources) + 1))


def test_a_tender_requiring_cor_in_ontario(dataset) -> None:
    """Ontario has no small-employer program: COR either way, the difference is the answer and the reason."""
    base = Answers(province="ON", workers=8)
    tender = Scenario(name="Tender 2027-09-01", answers=dataclasses.replace(base, public_sector_bids=True))
    c = compare(dataset, base, (tender,), "en")
    assert [col.program for col in c.columns] == ["COR", "COR"]
    assert not c.row("program").cells[1].changed
    assert c.row("answer.public_sector_bids").cells[1].text == "Yes (differs from Today)"
    assert any("public-sector" in x.text for x in c.row("reasons").cells[1].lines)


def test_french(dataset) -> None:
    c = compare(dataset, TODAY, (HIRING, TENDER), "fr")
    assert c.title == "Scénarios côte à côte"
    assert c.columns[0].name == "Aujourd'hui"
    assert c.row("program").cells[1].text == "COR (diffère de «\u00a0Aujourd'hui\u00a0»)"
    assert "SECOR\u00a0: non admissible\u00a0: plus de 10 travailleurs" in c.row("status").cells[1].text
    assert c.row("answer.workers").label.startswith("Avec combien de travailleurs")
    assert c.row("answer.public_sector_bids").cells[2].text.startswith("Oui (diffère")
    assert c.row("reasons").label == "Pourquoi"
    assert any("Avec 12 travailleurs" in x.text for x in c.row("reasons").cells[1].lines)


def test_known_sources_keep_their_numbers(dataset) -> None:
    """Printed beside a summary, a source the summary lists keeps its number; new ones come after."""
    view = present(dataset, TODAY, evaluate(dataset, TODAY, "en"), "en")
    first = len(view.sources) + 3  # two plan sources in between
    c = compare(dataset, TODAY, (HIRING, TENDER), "en", known=view.sources, first=first)
    known = {s.source: s.number for s in view.sources}
    for s in c.sources:
        if s.source in known:
            assert s.number == known[s.source]
        else:
            assert s.number >= first
    assert c.sources[:len(view.sources)] == tuple(
        dataclasses.replace(s, sections=c.sources[i].sections) for i, s in enumerate(view.sources))
    assert all(s.number >= first for s in c.new_sources(first))


def test_the_register_applies_to_every_scenario(dataset) -> None:
    entries = (RegisterEntry(name="Metrolinx", platform="none", accepts="cor_only", confirmed_by="email",
                             confirmed_on=dt.date(2026, 10, 1), note=""),)
    derived = registers.derive(entries, dt.date(2026, 11, 30))
    c = compare(dataset, TODAY, (HIRING,), "en", derived=derived)
    assert [col.program for col in c.columns] == ["COR", "COR"]


def test_names(dataset) -> None:
    assert name_problem("After hiring 6", ["Wins"]) == ""
    assert name_problem("   ", []) == "A scenario needs a name."
    assert name_problem("x" * (MAX_NAME + 1), []) == "A scenario's name can have at most 40 characters."
    assert name_problem("x" * MAX_NAME, []) == ""
    assert "already taken" in name_problem("after  HIRING 6", ["After hiring 6"])
    assert "already taken" in name_problem("today", [])
    assert "déjà pris" in name_problem("Aujourd'hui", [], "fr")
    assert unused_name(["Scenario 1"]) == "Scenario 2"
    assert unused_name([], "fr") == "Scénario 1"


def test_a_client_file_keeps_scenarios_and_refuses_a_long_name(dataset) -> None:
    rec = evaluate(dataset, TODAY)
    cf = clientfile.new_client_file(TODAY, rec, scenarios=(HIRING, TENDER))
    again = clientfile.loads(clientfile.dumps(cf), dataset)
    assert again.scenarios == (HIRING, TENDER)
    doc = clientfile.to_dict(cf)
    doc["scenarios"][0]["name"] = "x" * (MAX_NAME + 1)
    with pytest.raises(clientfile.ClientFileError, match=r"scenarios\[0\]\.name: must be at most 40 characters"):
        clientfile.parse(doc, dataset)
