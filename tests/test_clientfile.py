"""The client-file format: round trip, strict reading, migration, comparison."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor_gui.domain import clientfile
from advisor_gui.domain.clientfile import ClientFile, ClientFileError, Consultant
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import ANSWER_FIELDS, Answers

from .conftest import ROOT
from .test_engine import answers_strategy
from .unprivileged import run_unprivileged

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)  # what a text box can hold
UTC_TIMES = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2200, 1, 1),
                         timezones=st.just(dt.UTC))


def sample(dataset: Any, **answers: Any) -> ClientFile:
    a = Answers(**({"province": "AB", "workers": 6} | answers))
    return clientfile.new_client_file(a, evaluate(dataset, a), client="Acme Roofing", notes="line 1\nline 2",
                                      consultant=Consultant(name="Jo Tremblay", firm="North Safety"))


def doc(dataset: Any) -> dict[str, Any]:
    return json.loads(clientfile.dumps(sample(dataset)))


def test_round_trip_any_client_file(dataset) -> None:
    files = st.builds(
        ClientFile,
        format_version=st.just(2),
        answers=answers_strategy([s.id for s in dataset.sectors]),
        client=st.builds(clientfile.Client, name=TEXT),
        consultant=st.builds(Consultant, name=TEXT, firm=TEXT),
        notes=st.text(st.characters(exclude_categories=("Cs",)), max_size=400),
        dataset=st.builds(clientfile.DatasetRecord, version=TEXT.filter(bool), effective=st.dates(),
                          program=st.sampled_from(["COR", "SECOR", "SMALL_COR", "NONE"])),
        created=UTC_TIMES,
        modified=UTC_TIMES,
    )

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(files)
    def prop(cf: ClientFile) -> None:
        text = clientfile.dumps(cf)
        back = clientfile.loads(text, dataset)
        assert back == cf
        assert clientfile.dumps(back) == text, "writing is deterministic"
        assert list(json.loads(text)) == ["format_version", "answers", "client", "consultant", "notes",
                                          "dataset", "created", "modified", "register", "scenarios"]

    prop()


def test_written_file_is_the_documented_format(dataset) -> None:
    d = doc(dataset)
    assert d["format_version"] == clientfile.FORMAT_VERSION == 2
    assert d["answers"]["province"] == "AB" and tuple(d["answers"]) == ANSWER_FIELDS
    assert d["client"] == {"name": "Acme Roofing"}
    assert d["consultant"] == {"name": "Jo Tremblay", "firm": "North Safety"}
    assert d["dataset"] == {"version": dataset.version, "effective": dataset.effective.isoformat(),
                            "program": "SECOR"}
    assert d["created"].endswith("Z") and dt.datetime.fromisoformat(d["created"]).tzinfo is not None
    assert d["notes"] == "line 1\nline 2"


def _set(path: str, value: Any) -> Any:
    def mutate(d: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = d
        for p in parents:
            target = target[p]
        target[last] = value
    return mutate


def _drop(path: str) -> Any:
    def mutate(d: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = d
        for p in parents:
            target = target[p]
        del target[last]
    return mutate


WRONG = [
    (_set("answers.workers", 0), "answers.workers", "whole number"),
    (_set("answers.workers", "6"), "answers.workers", "whole number"),
    (_set("answers.workers", 6.0), "answers.workers", "whole number"),
    (_set("answers.province", "ZZ"), "answers.province", "must be one of"),
    (_set("answers.multi_site", 1), "answers.multi_site", "bool"),
    (_set("answers.sector", "mining"), "answers.sector", "must be one of"),
    (_set("answers.colour", "red"), "answers.colour", "unknown answer key"),
    (_drop("answers.workers"), "answers.workers", "is required"),
    (_set("answers", [1]), "answers", "JSON object"),
    (_set("client.name", 5), "client.name", "string"),
    (_set("client", "Acme"), "client", ""),
    (_set("client.phone", "555"), "client.phone", "unknown field"),
    (_set("consultant.firm", None), "consultant.firm", "string"),
    (_drop("consultant.firm"), "consultant.firm", "required field is missing"),
    (_set("notes", ["a"]), "notes", "string"),
    (_drop("notes"), "notes", "required field is missing"),
    (_set("dataset.program", "GOLD"), "dataset.program", "COR"),
    (_set("dataset.version", ""), "dataset.version", "at least 1"),
    (_set("dataset.effective", "13/05/2026"), "dataset.effective", "date"),
    (_set("created", "yesterday"), "created", "ISO 8601"),
    (_set("created", 1700000000), "created", "ISO 8601"),
    (_set("modified", "2026-05-13T14:02:11"), "modified", "UTC"),
    (_set("modified", "2026-05-13T14:02:11+02:00"), "modified", "UTC"),
    (_set("extra", True), "extra", "unknown field"),
    (_set("format_version", "1"), "format_version", "whole number"),
    (_set("format_version", True), "format_version", "whole number"),
    (_set("format_version", -1), "format_version", "not a format"),
    (_drop("format_version"), "format_version", "not a COR/SECOR Advisor client file"),
]


@pytest.mark.parametrize(("mutate", "field", "words"), WRONG, ids=[w[1] + ":" + w[2] for w in WRONG])
def test_wrong_types_and_keys_are_refused_naming_the_field(dataset, mutate: Any, field: str, words: str) -> None:
    d = doc(dataset)
    mutate(d)
    with pytest.raises(ClientFileError) as info:
        clientfile.parse(d, dataset)
    assert info.value.field == field
    assert words.lower() in info.value.problem.lower()
    assert "\n" not in str(info.value)


CORRUPT = [
    ("", "empty"),
    ("   \n", "empty"),
    ('{"format_version": 1, "answers": {"province": "AB"', "cut short"),
    ("not json at all", "not valid JSON"),
    ("[1, 2, 3]", "expected a JSON object"),
    ('"just a string"', "expected a JSON object"),
    ('{"format_version": 1, "format_version": 1}', "duplicate key"),
    ('{"format_version": NaN}', "NaN is not allowed"),
    ("[" * 50_000 + "]" * 50_000, "nested too deeply"),
]


@pytest.mark.parametrize(("text", "words"), CORRUPT, ids=[c[1] for c in CORRUPT])
def test_corrupt_text_is_one_clear_error(text: str, words: str) -> None:
    with pytest.raises(ClientFileError) as info:
        clientfile.loads(text)
    assert words in str(info.value) and "\n" not in str(info.value)


def test_every_truncation_of_a_good_file_is_refused(dataset) -> None:
    text = clientfile.dumps(sample(dataset))
    for cut in range(0, len(text) - 2, 7):  # the closing brace and newline are what make it whole
        with pytest.raises(ClientFileError):
            clientfile.loads(text[:cut], dataset)


def test_newer_format_is_refused_with_a_message(dataset) -> None:
    d = doc(dataset) | {"format_version": clientfile.FORMAT_VERSION + 1, "something_new": {}}
    with pytest.raises(ClientFileError) as info:
        clientfile.parse(d, dataset)
    assert info.value.field == "format_version"
    assert "newer than this version of the app" in info.value.problem and "update" in info.value.problem


V0 = {
    "format_version": 0,
    "answers": {"province": "SK", "workers": 4, "sector": "construction"},
    "client": "Prairie Drywall",
    "consultant": "Sam Roy",
    "firm": "Roy Safety",
    "notes": "Draft-era file",
    "rules": {"version": "2026.05.0", "effective": "2026-05-01", "program": "SECOR"},
    "saved": "2026-05-02T10:00:00Z",
}


def test_format_0_migrates_to_the_current_format(dataset) -> None:
    cf = clientfile.parse(copy.deepcopy(V0), dataset)
    assert cf.format_version == 2
    assert cf.answers == Answers(province="SK", workers=4, sector="construction")
    assert cf.client.name == "Prairie Drywall"
    assert cf.consultant == Consultant(name="Sam Roy", firm="Roy Safety")
    assert cf.dataset.version == "2026.05.0" and cf.dataset.program == "SECOR"
    assert cf.created == cf.modified == dt.datetime(2026, 5, 2, 10, tzinfo=dt.UTC)
    assert json.loads(clientfile.dumps(cf))["format_version"] == 2, "saving writes the current format"


def test_format_0_is_read_strictly_too(dataset) -> None:
    with pytest.raises(ClientFileError, match="unknown field"):
        clientfile.parse(V0 | {"colour": "red"}, dataset)
    with pytest.raises(ClientFileError, match="rules: required field is missing"):
        clientfile.parse({k: v for k, v in V0.items() if k != "rules"}, dataset)
    with pytest.raises(ClientFileError, match=r"answers\.workers"):
        clientfile.parse(V0 | {"answers": {"province": "SK", "workers": -1}}, dataset)


def test_migration_table_reaches_the_current_version() -> None:
    for version in range(min(clientfile.MIGRATIONS), clientfile.FORMAT_VERSION):
        assert version in clientfile.MIGRATIONS, f"no migration from format {version}"


# --- reading files ---------------------------------------------------------------------
def digest(path: Path) -> tuple[str, float]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime


def test_read_names_the_file_and_never_changes_it(tmp_path: Path, dataset) -> None:
    path = tmp_path / "acme.coradvice"
    path.write_text(clientfile.dumps(sample(dataset))[:-40], encoding="utf-8")
    before = digest(path)
    with pytest.raises(ClientFileError) as info:
        clientfile.read(path, dataset)
    assert str(info.value).startswith("acme.coradvice: not valid JSON")
    assert digest(path) == before


def test_read_a_good_file(tmp_path: Path, dataset) -> None:
    path = tmp_path / "acme.coradvice"
    cf = sample(dataset)
    path.write_text(clientfile.dumps(cf), encoding="utf-8")
    assert clientfile.read(path, dataset) == cf


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: p.mkdir(), "is a folder"),
    (lambda p: None, "no such file"),
    (lambda p: p.write_bytes(b"\xff\xfe{\x00"), "not UTF-8"),
    (lambda p: p.write_bytes(b" " * (clientfile.MAX_BYTES + 1)), "larger than"),
    (lambda p: os.mkfifo(p), "not a regular file"),
], ids=["folder", "missing", "binary", "huge", "fifo"])
def test_read_refuses_what_is_not_a_client_file(tmp_path: Path, make: Any, words: str) -> None:
    path = tmp_path / "x.coradvice"
    make(path)
    with pytest.raises(ClientFileError, match=words):
        clientfile.read(path)


def test_read_an_unreadable_file_says_so(dataset) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        folder.chmod(0o755)
        path = folder / "secret.coradvice"
        path.write_text(clientfile.dumps(sample(dataset)), encoding="utf-8")
        path.chmod(0o000)
        proc = run_unprivileged(
            "import sys; from advisor_gui.domain import clientfile as c\n"
            "try: c.read(sys.argv[1])\nexcept c.ClientFileError as e: print(e)", str(path))
        assert proc.stdout.strip() == "secret.coradvice: cannot be read: permission denied", proc.stderr
    finally:
        shutil.rmtree(folder)


# --- comparison with the dataset in use --------------------------------------------------
def test_drift_when_an_older_dataset_recommended_otherwise(dataset) -> None:
    cf = sample(dataset, workers=14)
    old = dataclasses.replace(cf, dataset=dataclasses.replace(cf.dataset, version="2026.05.0", program="SECOR"))
    now = evaluate(dataset, cf.answers)
    change = clientfile.drift(old, now)
    assert change is not None
    assert (change.then_program, change.then_version) == ("SECOR", "2026.05.0")
    assert (change.now_program, change.now_version) == ("COR", dataset.version)
    assert change.reasons == tuple(r.text for r in now.reasons) and change.reasons


def test_no_drift_when_same_dataset_or_same_program(dataset) -> None:
    cf = sample(dataset)
    now = evaluate(dataset, cf.answers)
    assert clientfile.drift(cf, now) is None
    other_version = dataclasses.replace(cf, dataset=dataclasses.replace(cf.dataset, version="2025.01.0"))
    assert clientfile.drift(other_version, now) is None, "same program: nothing to say"


def test_the_readme_example_is_a_valid_client_file(dataset) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Client files"):]
    example = section[section.index("```json") + len("```json"):section.index("```\n", section.index("```json"))]
    cf = clientfile.loads(example, dataset)
    assert cf.client.name == "Acme Roofing Ltd." and cf.dataset.program == "COR"
