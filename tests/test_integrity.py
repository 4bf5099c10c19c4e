"""The seal of a rules file, and the guard on the bundled dataset's releases:
data/rules.yaml may not change without a version bump and a changelog entry."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor_gui.domain import integrity
from advisor_gui.domain.integrity import (
    check_seal,
    content_digest,
    release_problems,
    seal,
    translated_changelog_problems,
)

from .conftest import ROOT

SAMPLE = b"# a header\n# another\n\nversion: \"1.0\"\nname: x\n"


def test_seal_is_inserted_after_the_header_and_verifies() -> None:
    sealed = seal(SAMPLE)
    lines = sealed.split(b"\n")
    assert lines[2].startswith(b"# sha256: ") and len(lines[2]) == len(b"# sha256: ") + 64
    assert check_seal(sealed) is None
    assert seal(sealed) == sealed  # sealing twice changes nothing
    assert integrity.recorded_digest(sealed) == content_digest(sealed) == content_digest(SAMPLE)


def test_line_endings_do_not_break_the_seal() -> None:
    sealed = seal(SAMPLE)
    assert check_seal(sealed.replace(b"\n", b"\r\n")) is None


@pytest.mark.parametrize(("raw", "code"), [
    (SAMPLE, "missing"),
    (seal(SAMPLE).replace(b"name: x", b"name: y"), "mismatch"),
    (seal(SAMPLE)[:-4], "truncated"),
    (seal(SAMPLE) + b"# sha256: " + b"0" * 64 + b"\n", "duplicate"),
    (seal(SAMPLE).replace(b"# sha256: ", b"# sha256: zz", 1), "malformed"),
])
def test_each_seal_problem_is_named(raw: bytes, code: str) -> None:
    problem = check_seal(raw)
    assert problem is not None and problem.code == code, problem


def test_versions_compare_number_by_number() -> None:
    v = integrity.parse_version
    assert v("2026.11.0") == v("2026.11") < v("2026.11.1") < v("2026.12.0") < v("2027.1.0")
    assert v("2026.9.0") < v("2026.10.0")  # not string order
    assert v("2026") is None and v("2026.x") is None and v("") is None and v("v2026.1") is None


# --- the release guard -------------------------------------------------------------

def _release(tmp_text: str, version: str = "2026.11.0") -> tuple[bytes, str]:
    raw = seal(tmp_text.encode())
    return raw, f"{version}  {content_digest(raw)}\n"


CHANGELOG = "# Rules dataset changelog\n\n## 2026.11.0 — first\n\nAll.\n"


def test_the_bundled_dataset_is_sealed_recorded_and_documented(dataset) -> None:
    """Fails when data/rules.yaml changes without a version bump, a changelog
    entry and a fresh seal (python scripts/seal_dataset.py)."""
    problems = release_problems((ROOT / "data" / "rules.yaml").read_bytes(), dataset.version,
                                (ROOT / "data" / "rules.sha256").read_text(encoding="utf-8"),
                                (ROOT / "data" / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert problems == []


def test_the_french_changelog_has_every_entry_of_the_english_one() -> None:
    english = (ROOT / "data" / "CHANGELOG.md").read_text(encoding="utf-8")
    french = (ROOT / "data" / "CHANGELOG.fr.md").read_text(encoding="utf-8")
    assert translated_changelog_problems(english, french, "data/CHANGELOG.fr.md") == []
    assert translated_changelog_problems(english, french.replace("## 2026.11.2", "## 2026.11.9"), "fr") == [
        "fr has no '## 2026.11.2' entry (translate data/CHANGELOG.md's)"]


@pytest.mark.parametrize("name", ["CHANGELOG.md", "CHANGELOG.fr.md"])
def test_the_changelogs_speak_to_consultants_not_maintainers(name: str) -> None:
    """How to release rules is in the README; what users read says what the advice now says."""
    text = (ROOT / "data" / name).read_text(encoding="utf-8")
    for maintainer_talk in ("seal_dataset", "scripts/", "rules.yaml", "YAML", "bump", "diff-dataset", "`"):
        assert maintainer_talk not in text, f"{name}: {maintainer_talk!r}"


def test_the_seal_script_check_agrees() -> None:
    proc = subprocess.run([sys.executable, "scripts/seal_dataset.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_guard_accepts_the_honest_workflow() -> None:
    raw, record = _release("version: 2026.11.0\nx: 1\n")
    assert release_problems(raw, "2026.11.0", record, CHANGELOG) == []
    # edit, bump, changelog, re-seal and record
    raw2 = seal(b"version: 2026.12.0\nx: 2\n")
    record2 = record + f"2026.12.0  {content_digest(raw2)}\n"
    log2 = CHANGELOG.replace("## 2026.11.0", "## 2026.12.0 — x\n\nAB.\n\n## 2026.11.0")
    assert release_problems(raw2, "2026.12.0", record2, log2) == []


def test_guard_refuses_an_edit_without_a_new_seal() -> None:
    raw, record = _release("version: 2026.11.0\nx: 1\n")
    edited = raw.replace(b"x: 1", b"x: 2")
    problems = release_problems(edited, "2026.11.0", record, CHANGELOG)
    assert any("does not match its sha256 seal" in p for p in problems), problems


def test_guard_refuses_a_resealed_edit_without_a_version_bump() -> None:
    raw, record = _release("version: 2026.11.0\nx: 1\n")
    resealed = seal(raw.replace(b"x: 1", b"x: 2"))
    problems = release_problems(resealed, "2026.11.0", record, CHANGELOG)
    assert any("changed but its version is still 2026.11.0" in p for p in problems), problems


def test_guard_refuses_a_bump_without_a_changelog_entry() -> None:
    _raw, record = _release("version: 2026.11.0\nx: 1\n")
    raw2 = seal(b"version: 2026.12.0\nx: 2\n")
    record2 = record + f"2026.12.0  {content_digest(raw2)}\n"
    problems = release_problems(raw2, "2026.12.0", record2, CHANGELOG)
    assert "data/CHANGELOG.md has no '## 2026.12.0' entry" in problems
    assert any("newest entry is 2026.11.0" in p for p in problems)


def test_guard_refuses_an_unrecorded_version_and_a_decreasing_record() -> None:
    raw2 = seal(b"version: 2026.12.0\nx: 2\n")
    log = "## 2026.12.0\n\n## 2026.11.0\n"
    problems = release_problems(raw2, "2026.12.0", "", log)
    assert any("is not recorded in data/rules.sha256" in p for p in problems)
    bad = f"2026.12.0  {'a' * 64}\n2026.11.0  {content_digest(raw2)}\n"
    assert any("versions must increase" in p for p in release_problems(raw2, "2026.11.0", bad, log))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([b"a", b"", b"# sha256: " + b"1" * 64, b"# sha256:", b"x: 1", b"#c"]),
                max_size=8))
def test_the_fast_digest_equals_the_line_model(lines: list[bytes]) -> None:
    """content_digest finds seal lines without splitting the file; it must agree
    with the definition: split into lines, drop seal lines, join with LF."""
    import hashlib

    raw = b"\n".join(lines)
    kept = [line for line in raw.split(b"\n") if not line.startswith(integrity.SEAL_PREFIX)]
    assert content_digest(raw) == hashlib.sha256(b"\n".join(kept)).hexdigest()
    assert content_digest(raw.replace(b"\n", b"\r\n")) == content_digest(raw)


def test_a_sealed_load_hashes_the_file_once(tmp_path, monkeypatch) -> None:
    """The seal check and the validated cache's name share one digest of the file."""
    from advisor_gui.domain import loader
    from advisor_gui.paths import bundled_dataset

    raw = bundled_dataset().read_bytes()
    path = tmp_path / "rules.yaml"
    path.write_bytes(raw)
    loader.load_with_cache(path, tmp_path / "cache", require_seal=True)  # validates, writes the cache
    hashed: list[int] = []
    real = integrity.sha256

    def counting(data: bytes):  # type: ignore[no-untyped-def]
        if len(data) > 1024:  # the file, not the few bytes of its seal lines
            hashed.append(len(data))
        return real(data)

    monkeypatch.setattr(integrity, "sha256", counting)
    monkeypatch.setattr(loader, "sha256", counting)
    dataset = loader.load_with_cache(path, tmp_path / "cache", require_seal=True)
    assert dataset.version and len(hashed) == 1, hashed
    assert loader.cache_name(raw).startswith("rules-" + content_digest(raw)[:32] + "-")


def test_only_copies_that_differ_in_line_endings_share_an_identity() -> None:
    """A seal line inside a multi-line quoted string is text, not a comment: moving it
    there keeps the content digest (and a valid seal) but changes what the file says,
    so it must change the name of what is derived from the file."""
    seal = b"# sha256: " + b"0" * 64
    as_comment = seal + b'\nnote: "first\n  second"\n'
    inside_the_string = b'note: "first\n' + seal + b'\n  second"\n'
    assert content_digest(as_comment) == content_digest(inside_the_string)
    assert integrity.identity(as_comment) != integrity.identity(inside_the_string)
    assert integrity.identity(as_comment.replace(b"\n", b"\r\n")) == integrity.identity(as_comment)
    assert integrity.identity(as_comment, content_digest(as_comment)) == integrity.identity(as_comment)
