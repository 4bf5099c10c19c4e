"""The change summary between two datasets, and the diff-dataset, seal-dataset
and validate-dataset commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor_gui import cli
from advisor_gui.domain.dataset_diff import Change, diff, impacted_jurisdictions, render_text, show_condition
from advisor_gui.domain.integrity import check_seal
from advisor_gui.domain.loader import load_dataset
from advisor_gui.paths import bundled_dataset, dataset_store

from .dataset_variants import BUNDLED_VERSION, NEWER, variant

KNOWN_CHANGE = [
    *NEWER,
    # a partner leaves Alberta, one joins Newfoundland and Labrador
    ("""      - acronym: AHSA
        name: {en: "Alberta Hotel Safety Association", fr: "Alberta Hotel Safety Association"}
        sectors: [hospitality]
        programs: [COR, SECOR]
        cite: [{source: ahsa-secor, at: "About SECOR"}]
""", ""),
    ("""      - acronym: NLCSA
""", """      - acronym: WNL
        name: {en: "Example Partner NL", fr: "Partenaire exemple T.-N.-L."}
        sectors: [other]
        programs: [COR]
        cite: [{source: nlcsa-cor, at: "COR"}]
      - acronym: NLCSA
"""),
    # a rule's condition changes
    ("{fact: multi_site, op: eq, value: true}", "{all: [{fact: multi_site, op: eq, value: true}, "
                                                "{fact: workers, op: ge, value: 2}]}"),
    # a source moves
    ('url: "https://www.nlcsa.com/cor/"', 'url: "https://nlcsa.com/cor/"'),
]


@pytest.fixture()
def newer(rules_text: str, tmp_path: Path) -> Path:
    return variant(rules_text, tmp_path / "newer.yaml", KNOWN_CHANGE)


def test_known_change_is_listed_field_by_field(dataset, newer: Path) -> None:
    changes = diff(dataset, load_dataset(newer))
    assert Change("dataset", "changed", "", "version", BUNDLED_VERSION, "2026.12.0") in changes
    assert Change("jurisdiction", "changed", "AB Alberta", "small_max_workers", "10", "9", ("AB",)) in changes
    removed = [c for c in changes if c.area == "partner" and c.kind == "removed"]
    added = [c for c in changes if c.area == "partner" and c.kind == "added"]
    assert [c.subject for c in removed] == ["AB AHSA"] and "Alberta Hotel Safety Association" in removed[0].old
    assert [c.subject for c in added] == ["NL WNL"] and added[0].new == "Example Partner NL (other; COR)"
    rule = next(c for c in changes if c.area == "rule")
    assert rule.subject == "cor.multi_site" and rule.field == "when"
    assert rule.old == "multi_site eq yes" and rule.new == "(multi_site eq yes and workers ge 2)"
    source = next(c for c in changes if c.area == "source")
    assert source.subject == "nlcsa-cor" and source.field == "url"
    assert impacted_jurisdictions(changes) == ("AB", "NL")
    assert len(changes) == 7


def test_plain_text_rendering(dataset, newer: Path) -> None:
    text = render_text(dataset, load_dataset(newer))
    lines = text.splitlines()
    assert lines[0] == f"Rules dataset {BUNDLED_VERSION} (effective 2026-05-13, reviewed 2026-11-27)"
    assert lines[1] == "  \u2192 2026.12.0 (effective 2026-12-01, reviewed 2026-11-27)"
    assert "7 changes: 1 added, 1 removed, 5 changed." in lines
    assert "Impacted jurisdictions: AB, NL" in lines
    assert "Changes that apply everywhere: rules, sources" in lines
    assert "  changed  AB Alberta: small-program worker limit: 10 \u2192 9" in lines
    assert "  removed  AB AHSA: Alberta Hotel Safety Association (hospitality; COR, SECOR)" in lines
    assert "  added    NL WNL: Example Partner NL (other; COR)" in lines
    assert lines.index("Jurisdictions") < lines.index("Certifying partners") < lines.index("Rules") \
        < lines.index("Sources")


def test_identical_datasets_have_no_changes(dataset) -> None:
    assert diff(dataset, dataset) == []
    assert render_text(dataset, dataset).endswith("No changes.")


def test_source_note_and_translation_changes(dataset, rules_text: str, tmp_path: Path) -> None:
    path = variant(rules_text, tmp_path / "n.yaml", [
        ('jurisdictions: ["AB"]\n    when: {all: [{fact: program, op: eq, value: COR}',
         'jurisdictions: ["AB", "SK"]\n    when: {all: [{fact: program, op: eq, value: COR}'),
        ('fr: "Alberta"}', 'fr: "L\'Alberta"}'),
    ])
    changes = diff(dataset, load_dataset(path))
    note = next(c for c in changes if c.area == "source_note")
    assert note.subject == "note.issuer_ab" and note.old == "AB" and note.new == "AB; SK"
    french = next(c for c in changes if c.area == "jurisdiction")
    assert french.field == "name.fr" and french.field_label == "name (French)" and french.new == "L'Alberta"


def test_conditions_render_as_expressions(dataset) -> None:
    rendered = {r.id: show_condition(r.when) for r in dataset.rules}
    assert rendered["none.not_participating"] == "jurisdiction.participates eq no"
    assert rendered["cor.construction_prequal"] == "(sector_group eq construction and prequal_platforms nonempty)"


# --- commands ----------------------------------------------------------------------

def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_diff_dataset_prints_the_summary(capsys: pytest.CaptureFixture[str], dataset, newer: Path) -> None:
    code, out, err = run(capsys, "diff-dataset", str(bundled_dataset()), str(newer))
    assert code == 0 and err == ""
    assert out.rstrip("\n") == render_text(dataset, load_dataset(newer))


def test_diff_dataset_bad_file_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], rules_text: str,
                                                     tmp_path: Path) -> None:
    bad = variant(rules_text, tmp_path / "bad.yaml", [("cor_line: 20", 'cor_line: "twenty"')])
    code, out, err = run(capsys, "diff-dataset", str(bundled_dataset()), str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"{bad}:" in err and "jurisdictions[1].cor_line" in err
    code, out, err = run(capsys, "diff-dataset", str(tmp_path / "missing.yaml"), str(bad))
    assert code == 2 and out == "" and "no such file" in err


def test_seal_dataset_makes_a_file_importable(capsys: pytest.CaptureFixture[str], rules_text: str,
                                              tmp_path: Path) -> None:
    path = variant(rules_text, tmp_path / "edited.yaml", NEWER, seal_mode="stale")
    code, out, _err = run(capsys, "validate-dataset", str(path))
    assert code == 0 and "not importable until sealed" in out
    code, out, err = run(capsys, "seal-dataset", str(path))
    assert code == 0 and err == "" and "sealed — rules dataset 2026.12.0" in out
    assert check_seal(path.read_bytes()) is None
    code, out, _err = run(capsys, "validate-dataset", str(path))
    assert code == 0 and out.rstrip().endswith("; sealed")


def test_seal_dataset_refuses_an_invalid_file(capsys: pytest.CaptureFixture[str], rules_text: str,
                                              tmp_path: Path) -> None:
    path = variant(rules_text, tmp_path / "bad.yaml", [("cor_line: 20", 'cor_line: "twenty"')], seal_mode="none")
    before = path.read_bytes()
    code, out, err = run(capsys, "seal-dataset", str(path))
    assert code == 2 and out == "" and "cor_line" in err
    assert path.read_bytes() == before


def test_commands_use_the_installed_update(capsys: pytest.CaptureFixture[str], dataset, rules_text: str,
                                           tmp_path: Path) -> None:
    import json

    store = dataset_store()
    store.install(store.prepare_import(variant(rules_text, tmp_path / "n.yaml", NEWER), dataset))
    answers = tmp_path / "a.json"
    answers.write_text('{"province": "AB", "workers": 10}', encoding="utf-8")
    code, out, _err = run(capsys, "recommend", "--answers", str(answers), "--json")
    doc = json.loads(out)
    assert code == 0 and doc["dataset"]["version"] == "2026.12.0" and "SECOR" not in doc["eligible"]
