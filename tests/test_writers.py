"""Every file the app writes goes through one of two atomic writers:
``util.atomic.write_atomic`` (Qt-free: sealed rules, installed updates, the
dataset cache) or ``storage.save_bytes`` (``QSaveFile``: client files,
autosaves, PDFs)."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from advisor_gui.util.atomic import write_atomic

from .conftest import ROOT

WRITERS = {"advisor_gui/util/atomic.py", "advisor_gui/storage.py"}
# Ways of writing a file by hand: not outside the two writers.
HAND_WRITTEN = re.compile(
    r"\.write_bytes\(|\.write_text\(|os\.replace\(|\.rename\(|mkstemp\(|QSaveFile\(|open\([^)]*['\"][wax]b?['\"]"
)


def test_no_module_writes_files_by_hand() -> None:
    offenders = []
    for path in sorted((ROOT / "advisor_gui").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel in WRITERS:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if HAND_WRITTEN.search(line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert offenders == [], "write through util.atomic.write_atomic or storage.save_bytes"


def test_write_atomic_replaces_content_and_keeps_the_mode(tmp_path: Path) -> None:
    target = tmp_path / "rules.yaml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    assert write_atomic(target, b"new") == target
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["rules.yaml"], "no temporary file left"


def test_write_atomic_gives_a_new_file_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.json", b"{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o640


def test_write_atomic_writes_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_bytes(b"old")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert write_atomic(link, b"new") == real
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "cache.json"
    target.write_bytes(b"old")

    def no_rename(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["cache.json"]
