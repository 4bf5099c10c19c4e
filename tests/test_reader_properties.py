"""Property suite over every reader (issue 11 §7-8): answers documents, client
files and rules files, from bytes, from paths and through the CLI's main().
For generated and mutated input the outcome is success, or exactly: exit 2,
one line on stderr (at most ~300 characters), nothing on stdout, no traceback.

Derandomized and bounded, so CI sees the same examples every run in a few seconds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor_gui import cli
from advisor_gui.domain import clientfile
from advisor_gui.domain.answers import AnswersError, parse_answers_text
from advisor_gui.domain.clientfile import ClientFileError
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.loader import DatasetError, parse_dataset
from advisor_gui.domain.models import Answers
from advisor_gui.util.reading import MAX_MESSAGE

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

SNIPPETS = [b"[" * 2000, b"{" * 2000, b"9" * 5000, b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b'"', b"\\",
            b"NaN", b"Infinity", b"-1e999", b"1e400", b'"workers": 0', b'"province": "AB"', b"2026-02-30",
            b'"x" * 1000', b"\n", b"\r\n", b"}", b"]", b",", b"true", b"null", b"\xc3\x28", b"\xed\xa0\x80",
            b"&amp;<img src=/dev/zero>", b"a" * 100_000]


def mutations(base: bytes) -> st.SearchStrategy[bytes]:
    """``base`` cut, with bytes flipped, or with a hostile snippet spliced in."""
    n = len(base)
    cut = st.integers(0, n).map(lambda i: base[:i])
    flip = st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, 255)).map(
        lambda t: base[: t[0]] + bytes([t[1]]) + base[t[0] + 1:])
    splice = st.tuples(st.integers(0, n), st.sampled_from(SNIPPETS)).map(
        lambda t: base[: t[0]] + t[1] + base[t[0]:])
    return st.one_of(cut, flip, splice, st.binary(max_size=200))


JSON_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.text(max_size=20),
                        st.floats(allow_nan=False, allow_infinity=False))
JSON = st.recursive(JSON_LEAVES, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                                            kids, max_size=4),
                    max_leaves=12)
ANSWERS_DOCS = st.one_of(
    JSON,
    st.fixed_dictionaries({"province": st.sampled_from(["AB", "BC", "QC", "ZZ", ""]),
                           "workers": st.one_of(st.integers(-5, 2_000_000), st.just(10**400), JSON_LEAVES)},
                          optional={"sector": st.one_of(st.sampled_from(["construction", "other"]), st.text()),
                                    "multi_site": JSON_LEAVES, "other_provinces": JSON, "extra": JSON}),
)


def assert_one_line(message: str) -> None:
    assert "\n" not in message and "Traceback" not in message
    assert 0 < len(message) <= MAX_MESSAGE


def assert_cli_contract(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    code = cli.main(args)
    out = capsys.readouterr()
    if code == 0:
        assert out.err == ""
        return
    assert code == 2, out.err
    assert out.out == ""
    assert out.err.count("\n") == 1 and out.err.endswith("\n") and "Traceback" not in out.err
    assert len(out.err) <= MAX_MESSAGE + len("advisor: \n")


@pytest.fixture(scope="module")
def client_bytes(dataset) -> bytes:
    a = Answers(province="BC", workers=25, sector="construction")
    return clientfile.dumps(clientfile.new_client_file(a, evaluate(dataset, a), client="Coast Framing",
                                                       notes="Notes & more")).encode()


# --- answers documents --------------------------------------------------------------
def test_answers_from_generated_documents(tmp_path: Path, capsys, dataset) -> None:
    path = tmp_path / "a.json"

    @SETTINGS
    @given(ANSWERS_DOCS)
    def prop(doc: object) -> None:
        text = json.dumps(doc)
        try:
            parse_answers_text(text, dataset)
        except AnswersError as exc:
            assert_one_line(str(exc))
        path.write_text(text, encoding="utf-8")
        assert_cli_contract(capsys, ["recommend", "--answers", str(path), "--json"])

    prop()


def test_answers_from_mutated_bytes(tmp_path: Path, capsys, dataset) -> None:
    base = b'{"province": "AB", "workers": 12, "sector": "construction", "prequal_platforms": ["ISN"]}'
    path = tmp_path / "a.json"

    @SETTINGS
    @given(mutations(base))
    def prop(raw: bytes) -> None:
        path.write_bytes(raw)
        assert_cli_contract(capsys, ["recommend", "--answers", str(path)])

    prop()


# --- client files ---------------------------------------------------------------------
def test_client_files_from_mutated_bytes(tmp_path: Path, capsys, dataset, client_bytes: bytes) -> None:
    path = tmp_path / "c.coradvice"

    @SETTINGS
    @given(mutations(client_bytes))
    def prop(raw: bytes) -> None:
        path.write_bytes(raw)
        try:
            clientfile.read(path, dataset)  # the window's reading path
        except ClientFileError as exc:
            assert_one_line(str(exc))
        try:
            clientfile.loads(raw.decode("utf-8", "replace"), dataset)  # from text
        except ClientFileError as exc:
            assert_one_line(str(exc))
        assert_cli_contract(capsys, ["recommend", "--answers", str(path)])

    prop()


def test_client_files_from_generated_documents(tmp_path: Path, capsys, dataset, client_bytes: bytes) -> None:
    base = json.loads(client_bytes)
    path = tmp_path / "c.json"  # no suffix: recognised by format_version

    @SETTINGS
    @given(st.sampled_from(sorted(base)), JSON)
    def prop(key: str, value: object) -> None:
        path.write_text(json.dumps({**base, key: value}), encoding="utf-8")
        try:
            clientfile.read(path, dataset)
        except ClientFileError as exc:
            assert_one_line(str(exc))
        assert_cli_contract(capsys, ["recommend", "--answers", str(path), "--json"])

    prop()


# --- rules files ------------------------------------------------------------------------
def test_rules_files_from_mutated_bytes(tmp_path: Path, capsys, rules_text: str) -> None:
    """Mutations of a small region of the real rules file (the head, where the
    version and dates are), then the whole file through every command."""
    raw = rules_text.encode()
    head, tail = raw[:1500], raw[1500:]
    path = tmp_path / "rules.yaml"

    @settings(SETTINGS, max_examples=25)
    @given(mutations(head))
    def prop(mutated: bytes) -> None:
        data = mutated + tail
        try:
            parse_dataset(data, "rules.yaml")
        except DatasetError as exc:
            assert_one_line(str(exc))
        path.write_bytes(data)
        assert_cli_contract(capsys, ["validate-dataset", str(path)])
        assert_cli_contract(capsys, ["diff-dataset", str(path), str(path)])

    prop()


@pytest.mark.parametrize("field", ["effective", "last_reviewed"])
@pytest.mark.parametrize("value", ["2026-02-30", "2026-13-01", "0000-01-01", "2026-02-29", "99999-01-01"])
def test_rules_file_dates(tmp_path: Path, capsys, rules_text: str, field: str, value: str) -> None:
    import re

    text, n = re.subn(rf"^{field}: .*$", f"{field}: {value}", rules_text, count=1, flags=re.M)
    assert n == 1
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    for args in (["validate-dataset", str(path)], ["seal-dataset", str(path)]):
        code = cli.main(args)
        out = capsys.readouterr()
        assert (code, out.out) == (2, "")
        assert out.err.startswith(f"advisor: {path}:") and f": {field}: " in out.err and out.err.count("\n") == 1
