"""The CLI contract of DESIGN.md §4: keys, codes and exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor_gui import __version__, cli
from advisor_gui.domain.models import JURISDICTION_CODES

from .conftest import ROOT


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def recommend(tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: Any, raw: str | None = None):
    path = tmp_path / "answers.json"
    path.write_text(raw if raw is not None else json.dumps(doc), encoding="utf-8")
    return run(capsys, "recommend", "--answers", str(path), "--json")


def test_recommend_contract_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str], dataset) -> None:
    code, out, err = recommend(tmp_path, capsys, {"province": "BC", "workers": 12, "prime_contractor": "unknown",
                                                  "sector": "construction"})
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert {"program", "eligible", "province", "reasons", "cautions", "next_steps", "partners", "dataset"} <= set(doc)
    assert doc["program"] == "SMALL_COR" and doc["province"] == "BC"
    assert all(set(r) == {"rule", "text", "source"} for r in doc["reasons"])
    assert all(set(c) == {"rule", "text"} for c in doc["cautions"])
    assert all(isinstance(p, str) for p in doc["partners"]) and doc["partners"]
    assert doc["dataset"] == {"version": dataset.version, "effective": dataset.effective.isoformat()}


def test_recommend_reads_stdin() -> None:
    proc = subprocess.run([sys.executable, "-m", "advisor_gui", "recommend", "--answers", "-", "--json"],
                          input='{"province": "ON", "workers": 6}', capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["program"] == "COR"


BAD = [
    ({"province": "AB", "workers": 5, "colour": "red"}, "colour"),
    ({"province": "ZZ", "workers": 5}, "province"),
    ({"province": "AB", "workers": 0}, "workers"),
    ({"province": "AB", "workers": -3}, "workers"),
    ({"province": "AB", "workers": 2.5}, "workers"),
    ({"province": "AB", "workers": "7"}, "workers"),
    ({"province": "AB", "workers": True}, "workers"),
    ({"province": "AB"}, "workers"),
    ({"workers": 4}, "province"),
    ({"province": "AB", "workers": 4, "sector": "mining"}, "sector"),
    ({"province": "AB", "workers": 4, "prequal_platforms": ["Nope"]}, "prequal_platforms"),
    ({"province": "AB", "workers": 4, "other_provinces": "BC"}, "other_provinces"),
    ({"province": "AB", "workers": 4, "multi_site": "yes"}, "multi_site"),
    ([1, 2], "object"),
]


@pytest.mark.parametrize(("doc", "named"), BAD, ids=[str(b[0])[:50] for b in BAD])
def test_bad_answers_exit_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: Any,
                                          named: str) -> None:
    code, out, err = recommend(tmp_path, capsys, doc)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and named in err and "Traceback" not in err


@pytest.mark.parametrize("raw", ['{"province": "AB", "workers": 5', "", "not json"])
def test_malformed_json(tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: str) -> None:
    code, out, err = recommend(tmp_path, capsys, None, raw=raw)
    assert (code, out) == (2, "") and "JSON" in err and err.count("\n") == 1


def test_missing_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for target, words in ((tmp_path / "nope.json", "no such file"), (tmp_path, "folder")):
        code, out, err = run(capsys, "recommend", "--answers", str(target), "--json")
        assert (code, out) == (2, "") and words in err and err.count("\n") == 1


def test_unknown_command_and_missing_option(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["frobnicate"], ["recommend"], ["recommend", "--answers"]):
        code, out, err = run(capsys, *args)
        assert (code, out) == (2, "") and err.count("\n") == 1


def test_every_invalid_document_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scalars = st.one_of(
        st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False), st.text(max_size=5)
    )
    bad_docs = st.one_of(
        st.fixed_dictionaries({
            "province": st.text(max_size=3).filter(lambda s: s not in JURISDICTION_CODES),
            "workers": st.integers(1, 9),
        }),
        st.fixed_dictionaries({"province": st.just("AB"), "workers": st.integers(max_value=0)}),
        st.fixed_dictionaries({"province": st.just("AB"), "workers": st.integers(1, 9)},
                              optional={"multi_site": scalars.filter(lambda v: not isinstance(v, bool)),
                                        "extra_key": scalars}).filter(lambda d: len(d) > 2),
        st.lists(scalars, max_size=3),
        scalars,
    )

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(bad_docs)
    def prop(doc: Any) -> None:
        code, out, err = recommend(tmp_path, capsys, doc)
        assert (code, out) == (2, ""), doc
        assert err.count("\n") == 1 and "Traceback" not in err

    prop()


def test_provinces_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "provinces", "--json")
    rows = {r["code"]: r for r in json.loads(out)}
    assert code == 0 and len(rows) == 13
    for row in rows.values():
        assert {"code", "name", "participates", "cor_min_workers", "small_program", "small_max_workers"} <= set(row)
    def facts(code: str) -> tuple[object, ...]:
        row = rows[code]
        return row["participates"], row["cor_min_workers"], row["small_program"], row["small_max_workers"]

    assert facts("AB") == (True, 10, "SECOR", 10)
    assert facts("BC") == (True, 20, "SMALL_COR", 19)
    assert facts("SK") == (True, 10, "SECOR", 9)
    assert facts("MB") == (True, 1, "SECOR", None)
    assert facts("QC") == (False, None, None, None)
    for code_ in ("ON", "NB", "NS", "PE", "NL", "YT", "NT", "NU"):
        assert (rows[code_]["cor_min_workers"], rows[code_]["small_program"]) == (1, None)


def test_provinces_text_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "provinces")
    assert code == 0 and "Small COR" in out and len(out.splitlines()) == 14


def test_version() -> None:
    proc = subprocess.run([sys.executable, "-m", "advisor_gui", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_text_output_is_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"province": "AB", "workers": 6}', encoding="utf-8")
    code, out, _ = run(capsys, "recommend", "--answers", str(path))
    assert code == 0 and out.startswith("Recommendation for Alberta\nSECOR — Small Employer Certificate of Recognition")


def test_a_lone_client_file_argument_opens_the_window() -> None:
    from advisor_gui.__main__ import file_to_open

    assert file_to_open(["acme.coradvice"]) == "acme.coradvice"
    assert file_to_open(["/home/c/ACME.CORADVICE"]) == "/home/c/ACME.CORADVICE"
    assert file_to_open([]) is None
    assert file_to_open(["recommend", "--answers", "a.coradvice"]) is None
    assert file_to_open(["--answers.coradvice"]) is None
    assert file_to_open(["--basedir", "/tmp/b", "acme.coradvice"]) == "acme.coradvice"
    assert file_to_open(["--basedir=/tmp/b", "acme.coradvice"]) == "acme.coradvice"
    assert file_to_open(["--basedir", "/tmp/b", "recommend"]) is None


def test_window_arguments_take_a_basedir() -> None:
    from advisor_gui.__main__ import window_args

    assert window_args(["--basedir", "/tmp/b"]) == ("/tmp/b", None)
    assert window_args(["--basedir", "/tmp/b", "x.coradvice"]) == ("/tmp/b", "x.coradvice")
    assert window_args(["--basedir", "/tmp/b", "provinces"]) is None
    assert window_args(["--version"]) is None


def test_the_window_without_a_display_says_so_in_one_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["ADVISOR_BASEDIR"] = str(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "advisor_gui"], capture_output=True, text=True, env=env,
                          cwd=Path(__file__).resolve().parent.parent, timeout=60)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "no display" in proc.stderr and "--help" in proc.stderr


def test_display_rules() -> None:
    from advisor_gui.app import display_missing

    assert display_missing({}, "linux")
    assert not display_missing({"DISPLAY": ":0"}, "linux")
    assert not display_missing({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not display_missing({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not display_missing({}, "win32") and not display_missing({}, "darwin")
