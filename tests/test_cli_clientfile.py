"""The CLI reads client files wherever it reads an answers document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from advisor_gui import cli
from advisor_gui.domain import clientfile
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import Answers

from .conftest import ROOT


def client_text(dataset, **answers) -> str:
    a = Answers(**({"province": "BC", "workers": 25} | answers))
    return clientfile.dumps(clientfile.new_client_file(a, evaluate(dataset, a), client="Coast Framing"))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_recommend_takes_the_answers_of_a_client_file(tmp_path: Path, dataset, capsys) -> None:
    path = tmp_path / "coast.coradvice"
    path.write_text(client_text(dataset), encoding="utf-8")
    code, out, err = run(capsys, "recommend", "--answers", str(path), "--json")
    assert (code, err) == (0, "")
    assert json.loads(out)["program"] == "COR" and json.loads(out)["province"] == "BC"


def test_a_json_object_with_format_version_is_a_client_file(tmp_path: Path, dataset, capsys) -> None:
    path = tmp_path / "coast.json"
    path.write_text(client_text(dataset, workers=5), encoding="utf-8")
    code, out, _ = run(capsys, "recommend", "--answers", str(path), "--json")
    assert code == 0 and json.loads(out)["program"] == "SMALL_COR"


def test_client_file_on_stdin(dataset) -> None:
    proc = subprocess.run([sys.executable, "-m", "advisor_gui", "recommend", "--answers", "-", "--json"],
                          input=client_text(dataset), capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["program"] == "COR"


@pytest.mark.parametrize(("mutate", "words"), [
    (lambda t: t[: len(t) // 2], "coast.coradvice: not valid JSON"),
    (lambda t: t.replace('"workers": 25', '"workers": 0'), "coast.coradvice: answers.workers: must be a whole"),
    (lambda t: t.replace('"format_version": 2', '"format_version": 9'), "format_version: 9 is newer"),
    (lambda t: t.replace('"notes": ""', '"notes": "", "colour": 1'), "colour: unknown field"),
    (lambda t: "{}", "format_version: required field is missing"),
], ids=["truncated", "bad-answer", "newer", "unknown-key", "not-a-client-file"])
def test_bad_client_files_exit_2_with_one_line(tmp_path: Path, dataset, capsys, mutate, words: str) -> None:
    path = tmp_path / "coast.coradvice"
    path.write_text(mutate(client_text(dataset)), encoding="utf-8")
    code, out, err = run(capsys, "recommend", "--answers", str(path), "--json")
    assert (code, out) == (2, "")
    assert words in err and err.count("\n") == 1 and "Traceback" not in err
