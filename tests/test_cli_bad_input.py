"""The bad-input contract through every CLI command (DESIGN.md §4, issue 11 §7-8):
exit 2, one line on stderr, nothing on stdout, never a traceback, never a hang."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from advisor_gui import cli
from advisor_gui.domain.integrity import check_seal

from .conftest import ROOT
from .dataset_variants import NEWER, variant

GOOD = {"province": "AB", "workers": 12}
BAD_DATE = [("effective: 2026-05-13", "effective: 2026-02-30")]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """Run a command that must be refused; its one stderr line."""
    code, out, err = run(capsys, *args)
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and err.startswith("advisor: ") and "Traceback" not in err
    assert len(err) <= 320, err
    return err


def answers_file(tmp_path: Path, doc: object = GOOD, name: str = "a.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


# --- inputs that are not regular files ---------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
@pytest.mark.parametrize("command", ["recommend", "plan", "report", "screenshot", "validate-dataset",
                                     "seal-dataset", "diff-dataset"])
def test_a_fifo_is_refused_by_every_command(tmp_path: Path, capsys, command: str) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # nobody writes to it: any blocking open would hang the test
    link = tmp_path / "link.coradvice"
    link.symlink_to(fifo)
    out = tmp_path / "out"
    for target in (fifo, link):
        args = {
            "recommend": ["recommend", "--answers", str(target)],
            "plan": ["plan", "--answers", str(target), "--ics", f"{out}.ics"],
            "report": ["report", "--answers", str(target), "--output", f"{out}.pdf"],
            "screenshot": ["screenshot", "--answers", str(target), "--output", f"{out}.png"],
            "validate-dataset": ["validate-dataset", str(target)],
            "seal-dataset": ["seal-dataset", str(target)],
            "diff-dataset": ["diff-dataset", str(ROOT / "data" / "rules.yaml"), str(target)],
        }[command]
        assert "pipe" in refused(capsys, *args)
    assert not Path(f"{out}.pdf").exists() and not Path(f"{out}.png").exists() and not Path(f"{out}.ics").exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused(capsys) -> None:
    assert "device" in refused(capsys, "recommend", "--answers", "/dev/zero")
    assert "device" in refused(capsys, "validate-dataset", "/dev/zero")


def test_a_folder_is_refused(tmp_path: Path, capsys) -> None:
    assert "folder" in refused(capsys, "recommend", "--answers", str(tmp_path))
    assert "folder" in refused(capsys, "validate-dataset", str(tmp_path))
    assert "folder" in refused(capsys, "seal-dataset", str(tmp_path))


# --- hostile JSON ---------------------------------------------------------------------
def test_deep_nesting(tmp_path: Path, capsys) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000)
    assert "nested too deeply" in refused(capsys, "recommend", "--answers", str(path))
    path.write_text('{"format_version": ' + "[" * 100_000)
    assert "nested too deeply" in refused(capsys, "recommend", "--answers", str(path))


def test_a_5000_digit_integer(tmp_path: Path, capsys) -> None:
    path = tmp_path / "big.json"
    path.write_text('{"province": "AB", "workers": ' + "7" * 5000 + "}")
    assert "more than 1000 digits" in refused(capsys, "recommend", "--answers", str(path))


def test_workers_10_to_the_400(tmp_path: Path, capsys) -> None:
    path = tmp_path / "huge.json"
    path.write_text('{"province": "AB", "workers": 1' + "0" * 400 + "}")
    err = refused(capsys, "recommend", "--answers", str(path), "--json")
    assert "workers: must be a whole number from 1 to 1,000,000" in err


def test_duplicate_answers_keys(tmp_path: Path, capsys) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"province": "AB", "workers": 4, "workers": 400}')
    assert "workers: duplicate key" in refused(capsys, "recommend", "--answers", str(path))


def test_a_long_bad_value_is_quoted_short(tmp_path: Path, capsys) -> None:
    path = answers_file(tmp_path, {"province": "AB", "workers": 4, "sector": "s" * 900_000})
    err = refused(capsys, "recommend", "--answers", str(path))
    assert "sector" in err and "s" * 70 in err and "s" * 81 not in err and "\u2026" in err


def test_stdin_is_capped(capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    stdin = io.TextIOWrapper(io.BytesIO(b'{"province": "AB", "workers": 4, "x": "' + b"y" * 2_000_000 + b'"}'))
    monkeypatch.setattr(sys, "stdin", stdin)
    assert "at most" in refused(capsys, "recommend", "--answers", "-")


# --- rules files: impossible dates ------------------------------------------------------
def test_an_impossible_date_through_validate_diff_and_seal(tmp_path: Path, capsys, rules_text: str) -> None:
    bad = variant(rules_text, tmp_path / "bad.yaml", BAD_DATE, seal_mode="seal")
    before = bad.read_bytes()
    good = variant(rules_text, tmp_path / "good.yaml", NEWER, seal_mode="seal")
    for args in (["validate-dataset", str(bad)], ["diff-dataset", str(good), str(bad)],
                 ["diff-dataset", str(bad), str(good)], ["seal-dataset", str(bad)]):
        err = refused(capsys, *args)
        assert err.startswith(f"advisor: {bad}:17: effective: ") and "2026-02-30" in err, err
    assert bad.read_bytes() == before


# --- stdout closed early --------------------------------------------------------------
@pytest.mark.parametrize("args", [["provinces"], ["provinces", "--json"], ["recommend", "--json"], ["--version"],
                                  ["--help"]])
def test_a_closed_stdout_is_a_quiet_exit(tmp_path: Path, args: list[str]) -> None:
    """``provinces | true``, ``recommend … | head -1``: made deterministic by
    closing the pipe's read end before the command even starts."""
    if args[0] == "recommend":
        args = [*args, "--answers", str(answers_file(tmp_path))]
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, "-m", "advisor_gui", *args], stdout=write_end,
                              stderr=subprocess.PIPE, cwd=ROOT, timeout=120)
    finally:
        os.close(write_end)
    assert proc.stderr == b""
    # argparse swallows its own write errors for --version/--help (then exits 0); the commands say 141.
    assert proc.returncode == (0 if args[0].startswith("--") else cli.EXIT_BROKEN_PIPE)


# --- outputs ------------------------------------------------------------------------------
@pytest.fixture()
def no_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    """Output checks come before any rendering: rendering here fails the test."""
    from advisor_gui.ui import headless

    def boom(*_a, **_k):
        raise AssertionError("rendered before the output path was checked")

    monkeypatch.setattr(headless, "write_screenshot", boom)
    monkeypatch.setattr(headless, "write_report", boom)


@pytest.mark.parametrize("command", ["screenshot", "report"])
def test_output_into_a_missing_folder_or_onto_a_folder(tmp_path: Path, capsys, no_rendering, command) -> None:
    answers = str(answers_file(tmp_path))
    suffix = ".png" if command == "screenshot" else ".pdf"
    err = refused(capsys, command, "--answers", answers, "--output", str(tmp_path / "nope" / f"x{suffix}"))
    assert "--output" in err and "does not exist" in err
    err = refused(capsys, command, "--answers", answers, "--output", str(tmp_path))
    assert "--output" in err and "is a folder" in err


@pytest.mark.parametrize("size", ["100000x100000", "7681x768", "1366x4321", "99999999999999999999x5", "axb",
                                  "100x100", "1366x768x2", ""])
def test_screenshot_size_is_bounded(tmp_path: Path, capsys, no_rendering, size: str) -> None:
    err = refused(capsys, "screenshot", "--answers", str(answers_file(tmp_path)), "--output",
                  str(tmp_path / "x.png"), "--size", size)
    assert "--size" in err and "320x240 to 7680x4320" in err


# --- seal-dataset -----------------------------------------------------------------------
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes and symlinks")
def test_seal_dataset_keeps_a_symlink_and_the_mode(tmp_path: Path, capsys, rules_text: str) -> None:
    real = variant(rules_text, tmp_path / "real.yaml", NEWER, seal_mode="none")
    real.chmod(0o640)
    link = tmp_path / "link.yaml"
    link.symlink_to(real.name)
    code, out, err = run(capsys, "seal-dataset", str(link))
    assert code == 0 and err == "" and "sealed" in out
    assert link.is_symlink() and os.readlink(link) == real.name
    assert check_seal(real.read_bytes()) is None
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml", "real.yaml"]  # no temporary left
