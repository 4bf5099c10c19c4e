"""Issue 14, the domain half: worker_count and certificate_date in the answers
contract, the moot logic with several COR triggers, every cited province fact
reachable, the province-aware comparison."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from advisor_gui import cli
from advisor_gui.domain import clientfile, interview, province
from advisor_gui.domain.answers import AnswersError, parse_answers
from advisor_gui.domain.engine import evaluate, unreachable
from advisor_gui.domain.models import Answers, WorkerCount


def test_several_cor_triggers_are_never_greyed(dataset) -> None:
    """With three COR triggers no single what-if moves the program, yet each is a reason."""
    answers = Answers(province="AB", workers=4, prime_contractor="requires_cor", public_sector_bids=True,
                      multi_site=True)
    rec = evaluate(dataset, answers)
    assert rec.program == "COR"
    questions = {q.id: q for q in dataset.questions}
    for key in ("prime_contractor", "public_sector_bids", "multi_site"):
        assert key not in rec.influential  # flipping one alone changes nothing...
        assert interview.matters(questions[key], rec), key  # ...but it is a reason: not moot
    assert not interview.matters(questions["hires_subtrades_into_cor_sites"], rec)


@pytest.mark.parametrize(("doc", "field"), [
    ({"worker_count": {"peak": 3}}, "worker_count.peak"),
    ({"worker_count": {"peak_12_months": -1}}, "worker_count.peak_12_months"),
    ({"worker_count": {"payroll_hours": "41600"}}, "worker_count.payroll_hours"),
    ({"worker_count": {"subcontractors": True}}, "worker_count.subcontractors"),
    ({"worker_count": [3]}, "worker_count"),
    ({"certificate_date": "2026-13-01"}, "certificate_date"),
    ({"certificate_date": "2026-05-01T00:00:00"}, "certificate_date"),
    ({"certificate_date": 20260501}, "certificate_date"),
])
def test_bad_details_are_refused_naming_the_key(dataset, doc: dict[str, Any], field: str) -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers({"province": "AB", "workers": 5, **doc}, dataset)
    assert info.value.field == field, str(info.value)
    assert "\n" not in str(info.value)


def test_details_are_read_and_workers_alone_is_unchanged(dataset) -> None:
    answers = parse_answers({"province": "BC", "workers": 5, "worker_count": {"payroll_hours": 41600.5},
                             "certificate_date": "2025-03-31"}, dataset)
    assert answers.worker_count == WorkerCount(payroll_hours=41600.5)
    assert str(answers.certificate_date) == "2025-03-31"
    plain = evaluate(dataset, Answers(province="AB", workers=9))
    assert plain.counting is not None and not plain.counting.applied and plain.counting.workers == 9
    assert plain.reasons[0].rule == "small.fits"
    for code in ("AB", "BC", "SK", "MB", "ON", "YT", "NU"):
        for lang in ("en", "fr"):
            rec = evaluate(dataset, Answers(province=code, workers=5, worker_count=WorkerCount(peak_12_months=3,
                           owners_family_volunteers=1, payroll_hours=9000)), lang)
            assert rec.counting is not None and rec.counting.applied
            assert "{" not in rec.counting.text + rec.counting.help + rec.reasons[0].text, (code, lang)


def test_a_client_file_round_trips_the_details_and_omits_them_when_absent(dataset) -> None:
    answers = Answers(province="SK", workers=8, worker_count=WorkerCount(peak_12_months=8, subcontractors=3))
    rec = evaluate(dataset, answers)
    text = clientfile.dumps(clientfile.new_client_file(answers, rec))
    doc = json.loads(text)
    assert doc["format_version"] == 2
    assert doc["answers"]["worker_count"] == {"peak_12_months": 8.0, "subcontractors": 3.0}
    assert clientfile.loads(text, dataset).answers == clientfile.parse(doc, dataset).answers
    assert clientfile.loads(text, dataset).answers.worker_count == answers.worker_count
    bare = json.loads(clientfile.dumps(clientfile.new_client_file(Answers(province="SK", workers=8), rec)))
    assert "worker_count" not in bare["answers"] and "certificate_date" not in bare["answers"]


def test_recommend_json_gains_keys_without_changing_the_old_ones(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"province": "BC", "workers": 3, "worker_count": {"payroll_hours": 41600}}))
    assert cli.main(["recommend", "--answers", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["program"] == "COR" and doc["counting"]["workers"] == 20 and doc["counting"]["fte"] == 20.0
    assert all(set(r) == {"rule", "text", "source"} for r in doc["reasons"])
    assert all(set(f) == {"topic", "text", "source"} and f["source"] for f in doc["province_facts"])
    assert doc["province_facts"][0]["topic"] == "issuer"


def test_every_cited_province_fact_reaches_a_user(dataset) -> None:
    """Every note and issuer is in the table's details (province.all_facts), and the
    loader's check finds answers that put each note into some recommendation."""
    assert unreachable(dataset) == []
    for j in dataset.jurisdictions:
        facts = {f.text for f in province.all_facts(dataset, j.code)}
        assert {n.text.en for n in j.notes} <= facts
        assert j.issuer is None or j.issuer.en in facts
        assert j.issuer is None or j.issuer_cite


def test_the_comparison_follows_the_province(dataset) -> None:
    bc = province.comparison_for(dataset, "BC")
    target = next(r for r in bc.rows if r.id == "target")
    assert bc.small_label == "Small COR" and "19 or fewer FTEs" in target.small and not target.small_general
    assert all(r.cor_general and r.small_general for r in bc.rows if r.id in {"on_site", "cost"})
    for code in ("QC", "ON", "NB", "NS", "PE", "NL", "YT", "NT", "NU"):
        c = province.comparison_for(dataset, code, "fr")
        assert c.rows == () and c.explanation is not None and c.explanation.source
    assert province.workers_help(dataset, "AB") is not None
    assert "12" in province.workers_help(dataset, "AB").text
    assert province.workers_help(dataset, "QC") is None


def test_partner_labels_do_not_repeat_the_acronym(dataset) -> None:
    for j in dataset.jurisdictions:
        for sector in dataset.sectors:
            for p in evaluate(dataset, Answers(province=j.code, workers=30, sector=sector.id), what_ifs=False).partners:
                assert not p.label().startswith(f"{p.acronym} ({p.acronym}"), p.label()
