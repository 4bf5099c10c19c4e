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
    assert saved["document"] == {"n": 5} and saved["autosave_version"] == 2 and saved["saved"].endswith("Z")
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



# --- issue 11: locks that never hide work, never displace a live window ------------------------------
LIVE_WINDOW = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from advisor_gui.storage import AutosaveManager
app = QCoreApplication([])
manager = AutosaveManager(lambda: {"path": None, "base": None, "document": {"live": True}}, Path(sys.argv[1]))
manager.schedule()
assert manager.flush()
print("ready", flush=True)
sys.stdin.read()
os._exit(0)  # gone without releasing anything, like a crash
"""


def test_a_live_window_elsewhere_is_never_displaced_whatever_its_lock_says(qtbot, tmp_path: Path) -> None:
    from .conftest import ROOT

    folder = tmp_path / "autosave"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, "-c", LIVE_WINDOW, str(folder)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        assert find_recoverable(folder) == [], "a live window elsewhere"
        [lock] = folder.glob("*.lock")
        lock.write_bytes(b"garbage\n")  # same file, still locked by the live window
        assert find_recoverable(folder) == [], "its lock's text is damaged, but it still holds it"
    finally:
        child.communicate("")
    [found] = find_recoverable(folder)
    assert found.document == {"live": True}, "once it is gone, its work is offered"
    found.release()


def test_a_lock_from_another_host_hides_work_only_while_it_is_fresh(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    folder.mkdir()
    (folder / "session-far.lock").write_text("4242\npython3.11\nanother-host\nsome-other-machine-id\n")
    autosave = folder / "session-far.autosave"
    autosave.write_text(json.dumps({"autosave_version": 2, "saved": "2026-05-13T10:00:00Z", "path": None,
                                    "base": None, "work": "far", "document": {"far": True}}))
    assert find_recoverable(folder) == [], "another computer may still be editing it"
    old = time.time() - 16 * 60
    os.utime(autosave, (old, old))
    [found] = find_recoverable(folder)
    assert found.document == {"far": True} and found.lock is not None
    found.remove()
    assert files_in(folder) == []


def test_a_lock_that_cannot_be_removed_does_not_hide_the_work(qtbot, tmp_path: Path) -> None:
    code = """
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from advisor_gui.storage import find_recoverable
app = QCoreApplication([])
folder = Path(sys.argv[1])
found = find_recoverable(folder)
print(json.dumps([f.document for f in found]))
"""
    folder = Path(tempfile.mkdtemp(prefix="advisor-lock-"))
    try:
        (folder / "session-x.lock").write_text("")  # empty, and only its owner (root) may write it
        (folder / "session-x.lock").chmod(0o444)
        (folder / "session-x.autosave").write_text(json.dumps(
            {"autosave_version": 1, "saved": "", "path": None, "document": {"x": 1}}))
        os.chmod(folder, 0o777)
        (folder / "session-x.autosave").chmod(0o666)
        done = run_unprivileged(code, str(folder))
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == [{"x": 1}]
    finally:
        shutil.rmtree(folder)


# --- issue 11: a full disk ------------------------------------------------------------------------------
@pytest.fixture
def full_disk(tmp_path: Path):
    """A tiny tmpfs, filled up (needs root and mount: skipped elsewhere)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a full disk needs root to mount a tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True,
                          check=False)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here: " + done.stderr.decode(errors="replace"))
    try:
        (mount / "autosave").mkdir()
        fd = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"\0" * 1024):
                pass
        except OSError:
            pass
        finally:
            os.close(fd)
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_the_first_autosave_on_a_full_disk_says_the_disk_is_full(qtbot, full_disk: Path) -> None:
    manager = AutosaveManager(lambda: {"path": None, "base": None, "document": {"n": 1}}, full_disk / "autosave")
    manager.schedule()
    with qtbot.waitSignal(manager.failed, timeout=1000) as failed:
        assert manager.flush() is False
    assert "disk is full" in failed.args[0] and "UnknownError" not in failed.args[0]
    assert manager.pending, "the work is still to be written"
    (full_disk / "filler").unlink()
    with qtbot.waitSignal(manager.recovered, timeout=1000):
        assert manager.flush()
    assert json.loads(manager.file.read_text())["document"] == {"n": 1}
    manager.discard()
    manager.close()
