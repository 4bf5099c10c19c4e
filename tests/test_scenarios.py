"""YAML scenarios through the CLI contract.

``shared/acceptance/cases.yaml`` runs through a real ``python -m advisor_gui``
process; our own scenario files (tests/scenarios/*.yaml) run through the same
CLI entry point in-process, which is faster and checks the same JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor_gui import cli

from .conftest import ROOT, SHARED

# The shared acceptance file when it sits beside the checkout (as in CI), else
# the copy kept in the repository.
ACCEPTANCE = next(p for p in (SHARED / "acceptance" / "cases.yaml", ROOT / "tests" / "acceptance" / "cases.yaml")
                  if p.exists())
OWN = sorted((ROOT / "tests" / "scenarios").glob("*.yaml"))


CASE_KEYS = {"name", "answers", "expect"}
EXPECT_KEYS = {
    "program", "exit", "eligible", "eligible_includes", "eligible_excludes", "mentions", "has_cautions",
    "reasons_include", "cautions_include", "cautions_exclude", "changes_mention",
    # issue 14: partners by sector, counting rules, province facts, the comparison
    "partners_include", "partners_exclude", "partners_none", "placement_mentions", "mentions_not",
    "changes_exclude", "workers_counted", "counting_rule", "province_facts_mention", "comparison_mentions",
    "comparison_explained",
}


def _cases(path: Path) -> list[Any]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [pytest.param(c, id=f"{path.stem}: {c['name']}") for c in cases]


def check_shape(case: dict[str, Any]) -> None:
    """A scenario is only as strong as the keys the checker reads: an unknown
    key (a typo, or a name with an unquoted comma that YAML splits into a stray
    key) fails instead of being silently ignored."""
    assert set(case) == CASE_KEYS, f"scenario keys {sorted(set(case) ^ CASE_KEYS)}: expected exactly {CASE_KEYS}"
    unknown = set(case["expect"]) - EXPECT_KEYS
    assert not unknown, f"unknown expect keys {sorted(unknown)}; known: {sorted(EXPECT_KEYS)}"
    assert "program" in case["expect"] or case["expect"].get("exit") == 2, "every scenario expects a program"


def check(expect: dict[str, Any], out: dict[str, Any]) -> None:
    """Assert every expectation of one scenario against the JSON output."""
    assert out["program"] == expect["program"]
    eligible = out["eligible"]
    if "eligible" in expect:
        assert sorted(eligible) == sorted(expect["eligible"])
    for code in expect.get("eligible_includes", []):
        assert code in eligible
    for code in expect.get("eligible_excludes", []):
        assert code not in eligible
    prose = " ".join(
        [r["text"] for r in out["reasons"]] + [c["text"] for c in out["cautions"]] + out["next_steps"]
    ).lower()
    for word in expect.get("mentions", []):
        assert word.lower() in prose, f"{word!r} not in the reasons, cautions or next steps"
    if expect.get("has_cautions"):
        assert out["cautions"]
    reason_ids = {r["rule"] for r in out["reasons"]}
    caution_ids = {c["rule"] for c in out["cautions"]}
    assert set(expect.get("reasons_include", [])) <= reason_ids
    assert set(expect.get("cautions_include", [])) <= caution_ids
    assert not set(expect.get("cautions_exclude", [])) & caution_ids
    changes = " ".join(out["what_would_change"])
    for text in expect.get("changes_mention", []):
        assert text in changes, f"{text!r} not in {out['what_would_change']}"
    for text in expect.get("changes_exclude", []):
        assert text not in changes, f"{text!r} in {out['what_would_change']}"
    for word in expect.get("mentions_not", []):
        assert word.lower() not in prose, f"{word!r} in the reasons, cautions or next steps"
    def named(acronym: str) -> bool:  # "ACSA (Alberta …)", or a name starting with it
        return any(p == acronym or p.startswith(f"{acronym} ") for p in out["partners"])

    for acronym in expect.get("partners_include", []):
        assert named(acronym), f"{acronym} not in {out['partners']}"
    for acronym in expect.get("partners_exclude", []):
        assert not named(acronym), f"{acronym} in {out['partners']}"
    if "partners_none" in expect:
        assert (out["partners"] == []) == expect["partners_none"], out["partners"]
        assert (out["placement"] is not None) == (expect["partners_none"] and out["program"] != "NONE")
    for text in expect.get("placement_mentions", []):
        assert out["placement"] and text in out["placement"]["text"], out["placement"]
    if "workers_counted" in expect:
        assert out["counting"]["applied"] and out["counting"]["workers"] == expect["workers_counted"], out["counting"]
    if "counting_rule" in expect:
        assert out["counting"]["rule"] == expect["counting_rule"], out["counting"]
    facts = " ".join(f["text"] for f in out["province_facts"])
    for text in expect.get("province_facts_mention", []):
        assert text in facts, f"{text!r} not in the province facts: {facts}"
    check_comparison(expect, out["province"])
    if out["program"] != "NONE":
        assert out["program"] in eligible
    assert out["reasons"], "every answer is explained"


def check_comparison(expect: dict[str, Any], province: str) -> None:
    """The comparison's province values (a domain function the comparison pane renders)."""
    if "comparison_mentions" not in expect and "comparison_explained" not in expect:
        return
    from advisor_gui.domain.loader import load_dataset
    from advisor_gui.domain.province import comparison_for

    comparison = comparison_for(load_dataset(ROOT / "data" / "rules.yaml"), province)
    cells = " ".join(f"{r.cor} {r.small}" for r in comparison.rows if not (r.cor_general and r.small_general))
    for text in expect.get("comparison_mentions", []):
        assert text in cells, f"{text!r} not among {province}'s own comparison values: {cells}"
    if "comparison_explained" in expect:
        assert (comparison.explanation is not None and not comparison.rows) == expect["comparison_explained"]


@pytest.mark.parametrize("case", _cases(ACCEPTANCE))
def test_acceptance_case_through_the_real_cli(case: dict[str, Any], tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(case["answers"]), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "advisor_gui", "recommend", "--answers", str(answers), "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    check_shape(case)
    expect = case["expect"]
    if expect.get("exit") == 2:
        assert proc.returncode == 2
        assert proc.stdout == ""
        assert len(proc.stderr.strip().splitlines()) == 1
        assert "Traceback" not in proc.stderr
        return
    assert proc.returncode == 0, proc.stderr
    check(expect, json.loads(proc.stdout))


@pytest.mark.parametrize("case", [c for p in OWN for c in _cases(p)])
def test_own_scenario(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    check_shape(case)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(case["answers"]), encoding="utf-8")
    code = cli.main(["recommend", "--answers", str(answers), "--json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    check(case["expect"], json.loads(captured.out))


@pytest.mark.parametrize("bad", [
    {"name": "a, b", "answers": {}, "expect": {"program": "COR"}, "b": None},  # an unquoted comma
    {"name": "typo", "answers": {}, "expect": {"program": "COR", "reason_include": ["x"]}},
    {"name": "nothing expected", "answers": {}, "expect": {"mentions": ["x"]}},
])
def test_the_checker_refuses_keys_it_would_ignore(bad: dict[str, Any]) -> None:
    with pytest.raises(AssertionError):
        check_shape(bad)


def test_every_scenario_file_is_well_formed() -> None:
    for path in [ACCEPTANCE, *OWN]:
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            check_shape(case)
