"""The loader: each kind of dataset defect is refused with file:line: field: problem."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from advisor_gui import cli
from advisor_gui.domain.loader import DatasetError, load_dataset, load_with_cache

from .conftest import ROOT


def broken(tmp_path: Path, rules_text: str, old: str, new: str, count: int = 1) -> Path:
    assert old in rules_text, f"fixture text moved: {old!r}"
    path = tmp_path / "rules.yaml"
    path.write_text(rules_text.replace(old, new, count), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def test_bundled_dataset_is_valid(dataset) -> None:
    assert dataset.version and dataset.effective <= dataset.last_reviewed
    assert [j.code for j in dataset.jurisdictions][:3] == ["AB", "BC", "SK"]
    assert dataset.sources[0].id == "article"


CASES = [
    # (name, old, new, field regex, problem regex, line needle)
    ("unknown key", "  - code: \"AB\"\n", "  - code: \"AB\"\n    colour: red\n",
     r"jurisdictions\[0\]\.colour", "unknown field", "colour: red"),
    ("wrong type", "cor_line: 20", "cor_line: \"twenty\"", r"jurisdictions\[1\]\.cor_line",
     "valid integer", "cor_line: \"twenty\""),
    ("bare ON", "code: \"ON\"", "code: ON", r"jurisdictions\[4\]\.code", "quote", "code: ON"),
    ("duplicate id", "  - id: cor.multi_site\n", "  - id: cor.multi_province\n",
     r"rules\[\d+\]\.id", "duplicate id", None),
    ("unknown fact", "{fact: multi_site, op: eq, value: true}\n",
     "{fact: multiple_sites, op: eq, value: true}\n", r"rules\[\d+\]\.when\.fact", "unknown fact",
     "multiple_sites"),
    ("bad value for a fact", "{fact: prime_contractor, op: eq, value: requires_cor}",
     "{fact: prime_contractor, op: eq, value: demands_cor}", r"rules\[\d+\]\.when\.value",
     "not a value of prime_contractor", "demands_cor"),
    ("unknown source", "cite: [{source: article, at: \"5. Who needs COR\"}]",
     "cite: [{source: nowhere, at: \"5. Who needs COR\"}]", r"\.cite\[0\]\.source",
     "unknown source 'nowhere'", "source: nowhere"),
    ("fact without citation",
     "    cite: [{source: article, at: \"4. Worker thresholds by province\"}]\n  - id: workers",
     "    cite: []\n  - id: workers", r"questions\[0\]\.cite", "at least 1 item", None),
    ("unknown placeholder", "{n_workers}, the operation is at or above {province_name}'s",
     "{staff}, the operation is at or above {province_name}'s", r"rules\[\d+\]\.text\.en",
     r"unknown placeholder \{staff\}", "{staff}"),
    ("note names an unknown rule", "rules: [", "rules: [cor.nonexistent, ", r"source_notes\[\d+\]\.rules\[0\]",
     "unknown rule", "cor.nonexistent"),
    # issue 14: every cited fact reaches a user; notes follow what the engine can match
    ("note keyed to a step", "rules: [caution.secor_to_cor, caution.secor_holder_at_limit]",
     "rules: [step.secor_to_cor]", r"source_notes\[\d+\]\.rules\[0\]", "a source note can only follow",
     "rules: [step.secor_to_cor]"),
    ("issuer without citation", "    issuer_cite: [{source: nbcsa-faq",
     "    issuer_citation_gone: [{source: nbcsa-faq", r"jurisdictions\[6\]", "unknown field|issuer needs", None),
    ("note no answers select", "        when: {fact: sector, op: in, value: [construction, transportation]}",
     "        when: {fact: workers, op: gt, value: 2000000}", r"jurisdictions\[7\]\.notes\[1\]\.when",
     "no answers select this note", "value: 2000000"),
    ("placement nobody needs", "  - code: \"NL\"\n", "  - code: \"NL\"\n    placement: {text: {en: \"x\", fr: \"x\"}, "
     "cite: [{source: article}]}\n", r"jurisdictions\[9\]\.placement", "placement advice would reach no one",
     None),
    ("worker count rule without counts",
     "        basis: headcount\n        counts: [peak_12_months, owners_family_volunteers]\n"
     "        rule:\n          en: \"Alberta SECOR",
     "        basis: headcount\n        rule:\n          en: \"Alberta SECOR",
     r"jurisdictions\[0\]\.counting\[0\]\.counts",
     "lists the counts", None),
    ("duplicate key", "version: \"2026", "version: \"x\"\nversion: \"2026", r"^version$", "duplicate key",
     None),
    ("malformed YAML", "sources:\n", "sources:\n  - [unclosed\n", r"\(yaml\)", ".+", None),
    # every text is in English and French
    ("French missing", 'name: {en: "British Columbia", fr: "Colombie-Britannique"}', 'name: {en: "British Columbia"}',
     r"^jurisdictions\[1\]\.name\.fr$", "the French text is missing", 'name: {en: "British Columbia"}'),
    ("French empty", 'name: {en: "British Columbia", fr: "Colombie-Britannique"}',
     'name: {en: "British Columbia", fr: ""}', r"^jurisdictions\[1\]\.name\.fr$", "the French text is empty",
     'name: {en: "British Columbia", fr: ""}'),
    ("French blank", 'fr: "Qu\'est-ce que le COR?"', 'fr: "   "', r"^guidance\[0\]\.title\.fr$",
     "the French text is blank", 'fr: "   "'),
    ("French missing in a block", "      fr: \"Selon l'article, le COR vise 20",
     "      #fr: \"Selon l'article, le COR vise 20",
     r"^jurisdictions\[1\]\.summary\.fr$", "the French text is missing", None),
    ("partner name without French",
     'name: {en: "BC Construction Safety Alliance", fr: "BC Construction Safety Alliance"}',
     'name: "BC Construction Safety Alliance"', r"^jurisdictions\[1\]\.partners\[0\]\.name$",
     r"a text needs both languages, as \{en: .+, fr: .+\} \(got 'BC Construction Safety Alliance'\)",
     'name: "BC Construction Safety Alliance"'),
]


@pytest.mark.parametrize(("name", "old", "new", "field", "problem", "needle"), CASES, ids=[c[0] for c in CASES])
def test_each_defect_is_named(tmp_path: Path, rules_text: str, name: str, old: str, new: str,
                              field: str, problem: str, needle: str | None) -> None:
    path = broken(tmp_path, rules_text, old, new)
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    err = info.value
    assert err.file == str(path)
    assert re.search(field, err.field), f"{err}"
    assert re.search(problem, err.problem), f"{err}"
    assert err.line and err.line > 0
    if needle:
        assert err.line == line_of(path, needle), str(err)
    assert str(err).startswith(f"{path}:{err.line}: ")


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    )
    path = tmp_path / "bomb.yaml"
    path.write_text(bomb, encoding="utf-8")
    with pytest.raises(DatasetError, match="aliases are not allowed"):
        load_dataset(path)


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:
        fh.write(b"# padding\n" * (5 * 1024 * 1024))  # 50 MiB
    with pytest.raises(DatasetError, match="at most"):
        load_dataset(path)


@pytest.mark.parametrize(("content", "problem"), [
    (None, "no such file"), (b"", "empty"), (b"\xff\xfe\x00bad", "not UTF-8"), (b"- 1\n- 2\n", "mapping"),
])
def test_unreadable_inputs(tmp_path: Path, content: bytes | None, problem: str) -> None:
    path = tmp_path / "rules.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DatasetError, match=problem):
        load_dataset(path)


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="folder"):
        load_dataset(tmp_path)


def test_validate_dataset_command(tmp_path: Path, rules_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["validate-dataset", str(ROOT / "data" / "rules.yaml")]) == 0
    assert "valid" in capsys.readouterr().out
    path = broken(tmp_path, rules_text, "cor_line: 20", "cor_line: -4")
    assert cli.main(["validate-dataset", str(path)]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert re.fullmatch(rf"advisor: {re.escape(str(path))}:\d+: jurisdictions\[1\]\.cor_line: .+\n", out.err)


def test_cache_round_trips_and_follows_edits(tmp_path: Path, dataset, rules_text: str) -> None:
    src = tmp_path / "rules.yaml"
    src.write_text(rules_text, encoding="utf-8")
    cache = tmp_path / "cache"
    first = load_with_cache(src, cache)
    assert first == dataset
    assert len(list(cache.glob("rules-*.json"))) == 1
    assert load_with_cache(src, cache) == dataset  # from the cache
    src.write_text(rules_text.replace('version: "', 'version: "edited-', 1), encoding="utf-8")
    assert load_with_cache(src, cache).version.startswith("edited-")
    src.write_text(rules_text.replace("cor_line: 20", "cor_line: oops"), encoding="utf-8")
    with pytest.raises(DatasetError):
        load_with_cache(src, cache)  # a bad edit is never served from an old cache


def test_schema_file_is_current() -> None:
    proc = subprocess.run([sys.executable, "scripts/gen_schema.py", "--check"], cwd=ROOT)
    assert proc.returncode == 0, "data/rules.schema.json is stale: run scripts/gen_schema.py"


def test_map_geometry_is_current() -> None:
    proc = subprocess.run([sys.executable, "scripts/build_map.py", "--check"], cwd=ROOT)
    assert proc.returncode == 0, "resources/map/provinces.json is stale: run scripts/build_map.py"
