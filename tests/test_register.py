"""The prime-contractor register, scenarios and client file format 2 (issue 16)."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from advisor_gui import cli
from advisor_gui.domain import clientfile
from advisor_gui.domain.clientfile import ClientFileError
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import Answers
from advisor_gui.domain.register import RegisterEntry, Scenario, apply, derive

TODAY = dt.date(2026, 11, 30)


def entry(name: str, accepts: str, on: str | None = "2026-10-01", by: str = "email",
          platform: str = "none") -> RegisterEntry:
    return RegisterEntry(name=name, platform=platform, accepts=accepts,  # type: ignore[arg-type]
                         confirmed_by=by if on else "none",  # type: ignore[arg-type]
                         confirmed_on=dt.date.fromisoformat(on) if on else None, note="")


def test_any_cor_only_prime_requires_cor_and_drives_the_answer() -> None:
    d = derive((entry("Ledcor", "accepts_small"), entry("PCL", "cor_only", platform="ISN"),
                entry("Town of Banff", "unknown", on=None)), TODAY)
    assert d is not None and d.prime_contractor == "requires_cor" and d.driving == ("PCL",)
    assert d.platforms == ("ISN",)


def test_all_confirmed_accepting_means_accepts_secor() -> None:
    d = derive((entry("A", "accepts_small"), entry("B", "accepts_small", platform="Avetta")), TODAY)
    assert d is not None and d.prime_contractor == "accepts_secor" and d.driving == ("A", "B")


def test_an_unconfirmed_or_unknown_prime_leaves_it_unknown() -> None:
    d = derive((entry("A", "accepts_small"), entry("B", "accepts_small", on=None)), TODAY)
    assert d is not None and d.prime_contractor == "unknown" and d.driving == ("B",)
    assert derive((), TODAY) is None


def test_confirmations_older_than_twelve_months_are_stale() -> None:
    d = derive((entry("Old", "accepts_small", on="2025-11-29"), entry("Fresh", "accepts_small", on="2025-11-30")),
               TODAY)
    assert d is not None and [e.name for e in d.stale] == ["Old"]


def test_apply_replaces_the_answer_and_keeps_the_platforms() -> None:
    answers = Answers(province="AB", workers=6, prequal_platforms=("Avetta",), prime_contractor="accepts_secor")
    d = derive((entry("PCL", "cor_only", platform="ISN"),), TODAY)
    got = apply(answers, d)
    assert got.prime_contractor == "requires_cor" and got.prequal_platforms == ("ISN", "Avetta")
    assert apply(answers, None) is answers


# --- client file format 2 -------------------------------------------------------------
FORMAT_1 = {
    "format_version": 1,
    "answers": {"province": "AB", "workers": 6, "sector": "construction", "public_sector_bids": False,
                "prime_contractor": "unknown", "prequal_platforms": [], "multi_site": False,
                "other_provinces": [], "current_certification": "secor", "hires_subtrades_into_cor_sites": False,
                "certificate_date": "2025-03-14"},
    "client": {"name": "Acme Roofing"}, "consultant": {"name": "Jo", "firm": "North"},
    "notes": "from the first release",
    "dataset": {"version": "2026.11.3", "effective": "2026-05-13", "program": "SECOR"},
    "created": "2026-06-01T09:30:00Z", "modified": "2026-06-01T09:30:00Z",
}  # as the first release wrote it


def test_a_format_1_file_opens_unchanged_in_meaning(dataset) -> None:
    cf = clientfile.parse(copy.deepcopy(FORMAT_1), dataset)
    assert cf.format_version == 2 and cf.register == () and cf.scenarios == ()
    assert cf.answers.certificate_date == dt.date(2025, 3, 14) and cf.answers.prime_contractor == "unknown"
    assert evaluate(dataset, cf.answers).program == evaluate(dataset, cli.with_register(cf)).program
    saved = json.loads(clientfile.dumps(cf))
    assert saved["format_version"] == 2 and saved["register"] == [] and saved["scenarios"] == []
    assert {k: v for k, v in saved.items() if k not in {"format_version", "register", "scenarios"}} == \
        {k: v for k, v in FORMAT_1.items() if k != "format_version"}


def test_reading_a_format_1_file_never_writes_it(tmp_path: Path, dataset) -> None:
    path = tmp_path / "old.coradvice"
    text = json.dumps(FORMAT_1)
    path.write_text(text, encoding="utf-8")
    assert clientfile.read(path, dataset).format_version == 2
    assert path.read_text(encoding="utf-8") == text


def test_format_1_refuses_format_2_keys(dataset) -> None:
    with pytest.raises(ClientFileError, match="register: unknown field"):
        clientfile.parse(FORMAT_1 | {"register": []}, dataset)


def test_register_and_scenarios_round_trip(dataset) -> None:
    base = clientfile.parse(copy.deepcopy(FORMAT_1), dataset)
    cf = dataclasses.replace(base, register=(entry("PCL", "cor_only", platform="ISN"),),
                             scenarios=(Scenario("After hiring 6", Answers(province="AB", workers=12)),))
    cf = clientfile.parse(json.loads(clientfile.dumps(cf)), dataset)
    text = clientfile.dumps(cf)
    back = clientfile.loads(text, dataset)
    assert back == cf and clientfile.dumps(back) == text
    doc = json.loads(text)
    assert doc["register"][0] == {"name": "PCL", "platform": "ISN", "accepts": "cor_only", "confirmed_by": "email",
                                  "confirmed_on": "2026-10-01", "note": ""}
    assert doc["scenarios"][0]["name"] == "After hiring 6" and doc["scenarios"][0]["answers"]["workers"] == 12


@pytest.mark.parametrize(("change", "field"), [
    ({"register": [{"name": "X"}]}, "register[0].platform"),
    ({"register": [{"name": "X", "platform": "ISN", "accepts": "maybe", "confirmed_by": "none",
                    "confirmed_on": None, "note": ""}]}, "register[0].accepts"),
    ({"scenarios": [{"name": "A", "answers": {"province": "AB", "workers": 0}}]}, "scenarios[0].answers.workers"),
    ({"scenarios": [{"name": "A", "answers": {"province": "AB", "workers": 3, "colour": 1}}]},
     "scenarios[0].answers.colour"),
    ({"scenarios": [{"name": "A", "answers": {"province": "AB", "workers": 3}},
                    {"name": "A", "answers": {"province": "AB", "workers": 4}}]}, "scenarios[1].name"),
    ({"scenarios": [{"name": "", "answers": {"province": "AB", "workers": 3}}]}, "scenarios[0].name"),
])
def test_bad_register_or_scenarios_name_the_field(dataset, change: dict, field: str) -> None:
    doc = FORMAT_1 | {"format_version": 2, "register": [], "scenarios": []} | change
    with pytest.raises(ClientFileError) as info:
        clientfile.parse(copy.deepcopy(doc), dataset)
    assert info.value.field == field


def test_recommend_uses_the_register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    confirmed = (dt.date.today() - dt.timedelta(days=30)).isoformat()
    old = (dt.date.today() - dt.timedelta(days=500)).isoformat()
    doc = FORMAT_1 | {"format_version": 2, "scenarios": [], "register": [
        {"name": "Ledcor", "platform": "none", "accepts": "accepts_small", "confirmed_by": "email",
         "confirmed_on": old, "note": ""},
        {"name": "PCL", "platform": "ISN", "accepts": "cor_only", "confirmed_by": "contract_clause",
         "confirmed_on": confirmed, "note": "clause 12.3"},
        {"name": "Town", "platform": "none", "accepts": "unknown", "confirmed_by": "none",
         "confirmed_on": None, "note": ""},
    ]}
    path = tmp_path / "acme.coradvice"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert cli.main(["recommend", "--answers", str(path), "--json", "--lang", "en"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["program"] == "COR"  # six workers in Alberta, but a prime requires COR
    assert out["register"] == {"prime_contractor": "requires_cor", "driving": ["PCL"], "platforms": ["ISN"],
                               "stale": ["Ledcor"]}
    assert any(c["rule"] == "register.stale" and "Ledcor" in c["text"] for c in out["cautions"])
    assert cli.main(["recommend", "--answers", str(path), "--lang", "fr"]) == 0
    assert "PCL" in capsys.readouterr().out
    assert any(c["rule"] == "register.driving" and "PCL" in c["text"] for c in out["cautions"])


def test_the_command_line_words_the_register_as_the_window_does(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """One source of the register's cautions (register.cautions): recommend's text
    and its JSON, and the printed summary, in the language asked for."""
    confirmed = (dt.date.today() - dt.timedelta(days=30)).isoformat()
    doc = FORMAT_1 | {"format_version": 2, "scenarios": [], "register": [
        {"name": "PCL", "platform": "ISN", "accepts": "cor_only", "confirmed_by": "contract_clause",
         "confirmed_on": confirmed, "note": ""}]}
    path = tmp_path / "acme.coradvice"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert cli.main(["recommend", "--answers", str(path), "--lang", "fr"]) == 0
    text = capsys.readouterr().out
    assert "Entrepreneurs principaux (selon le registre)\u00a0: COR exigé, en raison de PCL." in text
    assert text.count("selon le registre") == 1  # said once, with the value in words
    pdf = tmp_path / "summary.pdf"
    assert cli.main(["report", "--answers", str(path), "--output", str(pdf), "--lang", "en"]) == 0
    words = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Prime contractors (from the register): COR required, because of PCL." in " ".join(words.split())
