"""The shared reader (advisor_gui/util/reading.py): what every file the app is
handed goes through, from the CLI and the window alike (issue 11 §7-8)."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest

from advisor_gui.domain import clientfile
from advisor_gui.domain.answers import AnswersError, parse_answers_text
from advisor_gui.domain.clientfile import ClientFileError
from advisor_gui.domain.loader import DatasetError, load_dataset
from advisor_gui.util import reading
from advisor_gui.util.reading import CAPS, InputError, loads_json, quoted, read_path, read_stream

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


@pytest.fixture()
def opens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every os.open the reader makes (a FIFO must be refused before any)."""
    seen: list[str] = []
    real = os.open

    def spy(path, flags, *args, **kwargs):
        seen.append(str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    return seen


@needs_fifo
@pytest.mark.parametrize("kind", ["answers", "client", "rules"])
def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path, opens: list[str], kind) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(fifo)
    for target in (fifo, link):
        with pytest.raises(InputError, match="pipe"):
            read_path(target, kind)
    assert opens == []


@needs_fifo
def test_a_fifo_swapped_in_after_the_stat_is_caught_on_the_descriptor(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The race: stat saw a regular file, the name now holds a FIFO. The open
    does not block (O_NONBLOCK) and fstat refuses it."""
    regular = tmp_path / "regular.json"
    regular.write_text("{}")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: real_stat(regular) if str(p) == str(fifo) else real_stat(p))
    with pytest.raises(InputError, match="pipe"):
        read_path(fifo, "answers")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_before_it_is_opened(opens: list[str]) -> None:
    with pytest.raises(InputError, match="device"):
        read_path("/dev/zero", "rules")
    assert opens == []


def test_a_folder_is_refused(tmp_path: Path, opens: list[str]) -> None:
    with pytest.raises(InputError, match="folder"):
        read_path(tmp_path, "client")
    assert opens == []


def test_a_file_over_the_cap_is_refused_before_reading(tmp_path: Path, opens: list[str]) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(CAPS["answers"] + 1)  # sparse: no disk used
    with pytest.raises(InputError, match="at most 1024 KiB"):
        read_path(big, "answers")
    assert opens == []


def test_stdin_has_the_same_cap_and_bom_rule() -> None:
    with pytest.raises(InputError, match="at most"):
        read_stream(io.BytesIO(b" " * (CAPS["answers"] + 1)), "answers")
    assert read_stream(io.BytesIO(reading.BOM + b"{}"), "answers") == b"{}"


def test_one_bom_rule_everywhere(tmp_path: Path, dataset, rules_text: str) -> None:
    """A UTF-8 BOM is accepted (and dropped) by every reader; UTF-16 is refused."""
    doc = tmp_path / "a.json"
    doc.write_bytes(reading.BOM + b'{"province": "AB", "workers": 4}')
    assert read_path(doc, "answers").startswith(b"{")
    rules = tmp_path / "rules.yaml"
    rules.write_bytes(reading.BOM + rules_text.encode())
    assert load_dataset(rules).version == dataset.version
    utf16 = tmp_path / "u.json"
    utf16.write_bytes('{"province": "AB"}'.encode("utf-16"))
    with pytest.raises(ClientFileError, match="not UTF-8"):
        clientfile.read(utf16)


def test_deep_nesting_is_refused_without_recursion() -> None:
    for text in ("[" * 100_000, "[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000):
        with pytest.raises(InputError, match="nested too deeply"):
            loads_json(text)
    assert loads_json(json.dumps(["[" * 40])) == ["[" * 40]  # brackets inside strings do not count


def test_integer_literals_are_bounded() -> None:
    with pytest.raises(InputError, match="more than 1000 digits at line 2 column 13"):
        loads_json('{"province": "AB",\n "workers": ' + "9" * 5000 + "}")
    assert loads_json("1" + "0" * 400) == 10**400  # under the bound: the field's own check speaks


def test_duplicate_keys_are_refused_in_answers_documents(dataset) -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers_text('{"province": "AB", "workers": 4, "province": "BC"}', dataset)
    assert info.value.field == "province" and "duplicate key" in str(info.value)


def test_workers_has_an_upper_bound(dataset) -> None:
    for workers in (1_000_001, 10**400):
        with pytest.raises(AnswersError) as info:
            parse_answers_text(f'{{"province": "AB", "workers": {workers}}}', dataset)
        assert info.value.field == "workers" and "1 to 1,000,000" in str(info.value)
        assert len(str(info.value)) < 200
    assert parse_answers_text('{"province": "AB", "workers": 1000000}', dataset).workers == 1_000_000


def test_long_bad_values_are_quoted_short(dataset) -> None:
    with pytest.raises(AnswersError) as info:
        parse_answers_text('{"province": "AB", "workers": 4, "sector": "' + "x" * 4_000_000 + '"}', dataset)
    assert len(str(info.value)) < 300 and "\u2026" in str(info.value)
    assert len(quoted("y" * 10_000)) == reading.QUOTE_CHARS
    assert quoted(10**4000).startswith("a number of about 4001 digits")
    assert quoted("short") == '"short"'


def test_client_file_with_a_huge_integer_is_one_error(tmp_path: Path) -> None:
    """It used to escape as a ValueError from the window's open path."""
    path = tmp_path / "c.coradvice"
    path.write_text('{"format_version": ' + "1" * 5000 + "}")
    with pytest.raises(ClientFileError, match="more than 1000 digits"):
        clientfile.read(path)


def test_rules_file_with_an_impossible_date_is_one_located_error(tmp_path: Path, rules_text: str) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(rules_text.replace("effective: 2026-05-13", "effective: 2026-02-30", 1))
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    err = info.value
    assert err.field == "effective" and err.line is not None and "2026-02-30" in err.problem
    assert str(err).startswith(f"{path}:{err.line}: effective: ")


def test_rules_reader_refuses_a_fifo(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs")
    fifo = tmp_path / "rules.yaml"
    os.mkfifo(fifo)
    with pytest.raises(DatasetError, match="pipe"):
        load_dataset(fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
