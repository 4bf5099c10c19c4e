"""Atomic saves, autosave and finding work to recover."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSaveFile

from advisor_gui.storage import AutosaveManager, SaveError, find_recoverable, save_text

from .unprivileged import run_unprivileged

pytestmark = pytest.mark.gui


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- atomic saves ------------------------------------------------------------------------
def test_save_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "acme.coradvice"
    save_text(target, "first\n")
    save_text(target, "second é\n")
    assert target.read_text(encoding="utf-8") == "second é\n"
    assert files_in(tmp_path) == ["acme.coradvice"], "no temporary file left behind"


@pytest.mark.parametrize("how", ["commit", "short-write"])
def test_failed_save_keeps_the_old_file_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      how: str) -> None:
    target = tmp_path / "acme.coradvice"
    target.write_text("the good old file\n", encoding="utf-8")
    if how == "commit":  # e.g. the disk filled up while flushing, or the rename was refused
        monkeypatch.setattr(QSaveFile, "commit", lambda self: False)
    else:
        real_write = QSaveFile.write
        monkeypatch.setattr(QSaveFile, "write", lambda self, data: real_write(self, data[:3]))
    with pytest.raises(SaveError) as info:
        save_text(target, "the new content\n")
    assert str(info.value) in {"The new file could not replace the old one",
                               "Not everything could be written; the disk may be full"}
    monkeypatch.undo()
    assert target.read_text(encoding="utf-8") == "the good old file\n"
    assert files_in(tmp_path) == ["acme.coradvice"], "the temporary file was cancelled"


def test_save_where_the_folder_is_gone_or_wrong(tmp_path: Path) -> None:
    (tmp_path / "plain-file").write_text("x")
    (tmp_path / "a-folder.coradvice").mkdir()
    cases = [
        (tmp_path / "missing" / "acme.coradvice", "does not exist"),
        (tmp_path / "plain-file" / "acme.coradvice", "is not a folder"),
        (tmp_path / "a-folder.coradvice", "A folder with that name already exists"),
    ]
    for target, words in cases:
        with pytest.raises(SaveError, match=words):
            save_text(target, "{}\n")
    assert files_in(tmp_path) == ["a-folder.coradvice", "plain-file"]


def test_save_into_a_read_only_folder() -> None:
    """Root writes through permission bits, so the save runs as an ordinary
    user (setpriv) when the tests run as root."""
    folder = Path(tempfile.mkdtemp())
    try:
        (folder / "acme.coradvice").write_text("old\n", encoding="utf-8")
        folder.chmod(0o555)
        (folder / "acme.coradvice").chmod(0o444)
        code = ("import sys\nfrom advisor_gui.storage import save_text, SaveError\n"
                "for name in ('acme.coradvice', 'new.coradvice'):\n"
                "    try: save_text(sys.argv[1] + '/' + name, 'new\\n'); print('saved')\n"
                "    except SaveError as e: print('refused:', e)\n")
        proc = run_unprivileged(code, str(folder))
        lines = proc.stdout.splitlines()
        assert len(lines) == 2 and all(line.startswith("refused: ") for line in lines), proc.stdout + proc.stderr
        assert all(len(line) > len("refused: ") for line in lines), "the reason is given"
        assert (folder / "acme.coradvice").read_text(encoding="utf-8") == "old\n"
        assert files_in(folder) == ["acme.coradvice"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


# --- autosave ----------------------------------------------------------------------------
def test_autosave_writes_after_changes_pause(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AutosaveManager, "DELAY_MS", 1000)  # roomy: the machine may be busy
    state = {"n": 0}
    manager = AutosaveManager(lambda: {"path": None, "document": {"n": state["n"]}}, tmp_path / "autosave")
    for i in range(6):  # typing: each change restarts the timer
        state["n"] = i
        manager.schedule()
        qtbot.wait(20)
        assert not manager.file.exists(), "nothing is written while changes keep coming"
    qtbot.waitUntil(manager.file.exists, timeout=5000)
    saved = json.loads(manager.file.read_text(encoding="utf-8"))
    assert saved["document"] == {"n": 5} and saved["autosave_version"] == 1 and saved["saved"].endswith("Z")
    lock = manager.directory / f"session-{manager.session}.lock"
    assert lock.exists() and lock.read_text().split("\n")[0] == str(os.getpid())
    manager.discard()
    assert not manager.file.exists()
    manager.close()
    assert not lock.exists(), "a clean exit releases the session lock"


def test_autosave_failure_is_reported_not_raised(qtbot, tmp_path: Path) -> None:
    blocker = tmp_path / "autosave"
    blocker.write_text("a file where the folder should be")
    manager = AutosaveManager(lambda: {"path": None, "document": {}}, blocker)
    manager.schedule()
    with qtbot.waitSignal(manager.failed, timeout=1000):
        assert manager.flush() is False
    assert manager.pending, "still pending: the next change tries again"

    def broken() -> dict[str, object]:
        raise RuntimeError("snapshot failed")

    other = AutosaveManager(broken, tmp_path / "ok")
    other.schedule()
    with qtbot.waitSignal(other.failed, timeout=1000) as blocker_signal:
        assert other.flush() is False
    assert blocker_signal.args == ["snapshot failed"]
    other.close()


def test_live_sessions_are_not_offered_dead_ones_are(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    live = AutosaveManager(lambda: {"path": "/x/live.coradvice", "document": {"live": True}}, folder)
    live.schedule()
    assert live.flush()
    assert find_recoverable(folder) == [], "another running window's work is left alone"

    quitter = AutosaveManager(lambda: {"path": None, "document": {"quit": True}}, folder)
    quitter.schedule()
    quitter.close()  # quit with unsaved work: flushed, lock released, file kept
    found = find_recoverable(folder, exclude_session=live.session)
    assert [f.document for f in found] == [{"quit": True}]
    found[0].release()
    assert quitter.file.exists(), "decide later keeps it"

    # A session killed outright: its lock names a process that no longer exists.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    pid = int(dead.stdout)
    (folder / "session-dead.lock").write_text(f"{pid}\npython3\n{socket.gethostname()}\n")
    (folder / "session-dead.autosave").write_text(json.dumps(
        {"autosave_version": 1, "saved": "2026-05-13T10:00:00Z", "path": None, "document": {"dead": True}}))
    os.utime(folder / "session-dead.autosave", (time.time() + 5, time.time() + 5))
    found = find_recoverable(folder, exclude_session=live.session)
    assert [f.document for f in found] == [{"dead": True}, {"quit": True}], "newest first"
    assert found[0].saved == "2026-05-13T10:00:00Z"
    found[0].remove()
    found[1].remove()
    assert sorted(p.name for p in folder.glob("*.autosave")) == [live.file.name]
    live.discard()
    live.close()


def test_an_unreadable_autosave_is_reported(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    folder.mkdir()
    (folder / "session-x.autosave").write_text('{"autosave_version": 1, "document": {', encoding="utf-8")
    [item] = find_recoverable(folder)
    assert item.problem and item.document is None
    kept = item.set_aside()
    assert kept.exists() and find_recoverable(folder) == []

