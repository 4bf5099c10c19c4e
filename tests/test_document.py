"""The window's client files: save, open, recent files, unsaved-changes prompts,
autosave and crash recovery, driven through the real MainWindow."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from advisor_gui import settings as opt
from advisor_gui.domain import clientfile
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import Answers
from advisor_gui.paths import user_dirs
from advisor_gui.settings import Settings
from advisor_gui.storage import AutosaveManager
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.document import DocumentController
from advisor_gui.ui.main_window import MainWindow

from .conftest import ROOT
from .test_storage import full_disk  # noqa: F401  (a fixture)

pytestmark = pytest.mark.gui
Std = QMessageBox.StandardButton


class Dialogs:
    """Stands in for the user in front of every QMessageBox: answers with the
    next queued reply (a standard button or a button's text)."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, str]] = []
        self.replies: list[Any] = []

    def exec(self, box: QMessageBox) -> int:
        self.seen.append((box.objectName(), box.text(), box.informativeText()))
        if not self.replies:
            raise AssertionError(f"unexpected dialog: {box.text()} {box.informativeText()}")
        reply = self.replies.pop(0)
        if callable(reply):  # does something while the box is up, then says which button
            reply = reply(box)
        button = box.button(reply) if isinstance(reply, Std) else next(
            (b for b in box.buttons() if b.text().replace("&", "") == reply), None)
        assert button is not None, f"no {reply} button in {[b.text() for b in box.buttons()]}"
        button.click()
        return 0

    def answer(self, *replies: Any) -> None:
        self.replies.extend(replies)

    def texts(self) -> str:
        return "\n".join(f"{t} {i}" for _, t, i in self.seen)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    d = Dialogs()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: d.exec(box))
    monkeypatch.setattr(AutosaveManager, "DELAY_MS", 40)
    return d


@pytest.fixture
def make_window(qtbot: Any, dataset: Any, tmp_path: Path, dialogs: Dialogs) -> Iterator[Any]:
    """Opens main windows, ready as a user finds them (painted, the deferred
    start-up done) unless ``ready=False``; at the end closes them, discarding unsaved work.
    (Not qtbot.addWidget: pytest-qt closes those before fixtures tear down,
    which would meet the unsaved-changes prompt with nobody to answer it.)"""
    made: list[MainWindow] = []

    def make(ready: bool = True) -> MainWindow:
        w = MainWindow(AdvisorController(dataset), Settings(str(tmp_path / "settings.ini")))
        w.show()
        made.append(w)
        if ready:
            qtbot.waitUntil(lambda: w.started, timeout=3000)
        return w

    yield make
    for w in made:
        if w.isVisible():
            if w.document.modified:
                dialogs.answer(Std.Discard)
            assert w.close()
        w.deleteLater()


@pytest.fixture
def window(make_window: Any) -> MainWindow:
    w: MainWindow = make_window()
    return w


def choose_save_path(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
    monkeypatch.setattr(DocumentController, "ask_save_path", lambda self: path)


def choose_open_path(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> None:
    monkeypatch.setattr(DocumentController, "ask_open_path", lambda self: path)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def edit(window: MainWindow, **answers: Any) -> None:
    c = window.controller
    c.set_answers(dataclasses.replace(c.answers, **answers))


def write_client_file(path: Path, dataset: Any, **answers: Any) -> Path:
    a = Answers(**({"province": "SK", "workers": 8, "sector": "construction"} | answers))
    cf = clientfile.new_client_file(a, evaluate(dataset, a), client="Prairie Drywall", notes="Call back in May")
    path.write_text(clientfile.dumps(cf), encoding="utf-8")
    return path


# --- the File menu -------------------------------------------------------------------------

def test_a_new_window_is_an_untitled_unmodified_client_file(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.started, timeout=3000)
    assert window.windowTitle() == "Untitled[*] — COR/SECOR Advisor" and not window.isWindowModified()


def test_changes_before_the_file_machinery_is_built_are_still_unsaved(
        qtbot: Any, make_window: Any, dialogs: Dialogs, tmp_path: Path) -> None:
    window = make_window(ready=False)
    assert not window.started
    edit(window, workers=42)
    window.controller.set_client_name("Early Bird Ltd")
    window.controller.flush()
    assert window.document.modified
    assert window.isWindowModified()
    dialogs.answer(Std.Cancel)
    assert not window.close()  # asked, and cancelling keeps the work
    assert "Save the changes" in dialogs.texts()
    assert window.controller.client_name == "Early Bird Ltd"


def test_create_save_reopen_change_close(qtbot: Any, make_window: Any, dataset: Any, tmp_path: Path,
                                         dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    # create: answer the interview, name the client, write a note
    window.interview.editor("workers").setValue(14)
    qtbot.keyClicks(window.client_field.edit, "Acme Roofing")
    window.notes.toggle.setChecked(True)
    qtbot.keyClicks(window.notes.notes, "Prime on the Leduc job wants COR.")
    assert window.isWindowModified()
    assert window.controller.client_name == "Acme Roofing"

    # save: untitled, so Save asks where (Save As)
    target = tmp_path / "acme.coradvice"
    choose_save_path(monkeypatch, target)
    window.act_save.trigger()
    assert not window.isWindowModified()
    assert window.windowTitle() == "acme.coradvice[*] — COR/SECOR Advisor"
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["answers"]["workers"] == 14 and saved["client"]["name"] == "Acme Roofing"
    assert saved["notes"] == "Prime on the Leduc job wants COR."
    assert saved["dataset"] == {"version": dataset.version, "effective": dataset.effective.isoformat(),
                                "program": "COR"}

    # reopen in a fresh window
    window.close()
    again = make_window()
    assert again.document.recent_files() == [str(target)]
    assert again.document.open_recent(str(target))
    assert again.controller.answers.workers == 14 and again.client_field.edit.text() == "Acme Roofing"
    assert again.notes.notes.toPlainText() == "Prime on the Leduc job wants COR."
    assert not again.isWindowModified()

    # change, then close without saving: asked; Cancel keeps the window open
    edit(again, multi_site=True)
    assert again.isWindowModified()
    dialogs.answer(Std.Cancel)
    assert not again.close()
    assert again.isVisible() and again.controller.answers.multi_site
    assert "Save the changes to “acme.coradvice” before closing?" in dialogs.seen[-1][1]
    # ... Discard closes, and the file on disk is what was saved
    before = digest(target)
    dialogs.answer(Std.Discard)
    assert again.close()
    assert digest(target) == before
    assert not list(user_dirs().autosave.glob("*.autosave")), "discarded work leaves no recovery file"


def test_save_from_the_close_prompt(window: MainWindow, tmp_path: Path, dialogs: Dialogs,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    edit(window, workers=3)
    target = tmp_path / "small.coradvice"
    choose_save_path(monkeypatch, target)
    dialogs.answer(Std.Save)
    assert window.close()
    assert json.loads(target.read_text(encoding="utf-8"))["answers"]["workers"] == 3


def test_close_prompt_when_the_save_fails_keeps_the_window(window: MainWindow, tmp_path: Path,
                                                            dialogs: Dialogs,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    edit(window, workers=3)
    choose_save_path(monkeypatch, tmp_path / "gone" / "x.coradvice")
    dialogs.answer(Std.Save, Std.Ok)
    assert not window.close()
    assert window.isVisible() and window.isWindowModified()
    assert "could not be saved" in dialogs.seen[-1][1]


@pytest.mark.parametrize(("reply", "kept"), [(Std.Cancel, True), (Std.Discard, False)])
def test_new_with_unsaved_changes_asks(window: MainWindow, dialogs: Dialogs, reply: Std, kept: bool) -> None:
    edit(window, province="BC", workers=30)
    window.controller.set_notes("keep me?")
    dialogs.answer(reply)
    window.act_new.trigger()
    assert "before starting a new client file" in dialogs.seen[-1][1]
    assert (window.controller.answers.workers == 30) is kept
    assert (window.controller.notes == "keep me?") is kept
    assert window.isWindowModified() is kept


def test_no_prompt_when_nothing_changed_or_changed_back(window: MainWindow, dialogs: Dialogs) -> None:
    edit(window, workers=9)
    edit(window, workers=AdvisorController.DEFAULT_ANSWERS.workers)
    assert not window.isWindowModified()
    window.act_new.trigger()
    assert dialogs.seen == []


def test_open_with_unsaved_changes_asks_after_the_file_checks_out(window: MainWindow, dataset: Any, tmp_path: Path,
                                                                   dialogs: Dialogs,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    other = write_client_file(tmp_path / "prairie.coradvice", dataset)
    edit(window, workers=2)
    choose_open_path(monkeypatch, other)
    dialogs.answer(Std.Cancel)
    window.act_open.trigger()
    assert "before opening another file" in dialogs.seen[-1][1]
    assert window.controller.answers.workers == 2 and window.isWindowModified()
    dialogs.answer(Std.Discard)
    window.act_open.trigger()
    assert window.controller.answers.province == "SK" and window.controller.client_name == "Prairie Drywall"
    assert window.windowTitle().startswith("prairie.coradvice") and not window.isWindowModified()


# --- opening bad files ---------------------------------------------------------------------
BAD_FILES = {
    "truncated": (lambda p, ds: p.write_text(write_client_file(p, ds).read_text()[:120]), "not valid JSON"),
    "wrong-type": (lambda p, ds: p.write_text(write_client_file(p, ds).read_text().replace(
        '"workers": 8', '"workers": "eight"')), "answers.workers: must be a whole number"),
    "newer": (lambda p, ds: p.write_text(write_client_file(p, ds).read_text().replace(
        '"format_version": 2', '"format_version": 3')), "format_version: 3 is newer"),
    "not-json": (lambda p, ds: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00"), "not UTF-8"),
    "folder": (lambda p, ds: p.mkdir(), "is a folder"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_opening_a_bad_file_explains_and_changes_nothing(window: MainWindow, dataset: Any, tmp_path: Path,
                                                         dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch,
                                                         case: str) -> None:
    make, words = BAD_FILES[case]
    bad = tmp_path / "client.coradvice"
    make(bad, dataset)
    before = digest(bad) if bad.is_file() else None
    edit(window, workers=4)
    window.controller.set_notes("unsaved notes")
    choose_open_path(monkeypatch, bad)
    dialogs.answer(Std.Ok)
    window.act_open.trigger()
    [(_, text, detail)] = dialogs.seen
    assert text == "“client.coradvice” could not be opened."
    assert words.lower() in detail.lower() and "your current work is still open" in detail
    assert window.controller.answers.workers == 4 and window.controller.notes == "unsaved notes"
    assert window.isWindowModified() and window.document.path is None
    if before is not None:
        assert digest(bad) == before, "the file on disk is never modified"


def test_opening_an_older_dataset_file_says_what_changed(window: MainWindow, dataset: Any, tmp_path: Path,
                                                         dialogs: Dialogs) -> None:
    path = tmp_path / "old.coradvice"
    a = Answers(province="AB", workers=14)
    cf = clientfile.new_client_file(a, evaluate(dataset, a))
    old = dataclasses.replace(cf, dataset=dataclasses.replace(cf.dataset, version="2026.05.0", program="SECOR"))
    path.write_text(clientfile.dumps(old), encoding="utf-8")
    dialogs.answer(Std.Ok)
    assert window.document.open_path(path)
    [(_, text, detail)] = dialogs.seen
    assert text == "The recommendation has changed since this file was saved."
    assert detail.startswith(f"Recommended SECOR under rules 2026.05.0; COR now (rules {dataset.version}) because:")
    for reason in window.controller.recommendation.reasons:
        assert reason.text in detail
    assert not window.isWindowModified(), "reading is not changing"


# --- saving fails ----------------------------------------------------------------------------
def test_failed_save_keeps_the_work_and_the_old_file(window: MainWindow, dataset: Any, tmp_path: Path,
                                                     dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QSaveFile

    path = write_client_file(tmp_path / "prairie.coradvice", dataset)
    assert window.document.open_path(path)
    before = digest(path)
    edit(window, workers=40)
    monkeypatch.setattr(QSaveFile, "commit", lambda self: False)
    dialogs.answer(Std.Ok)
    assert not window.document.save()
    assert dialogs.seen[-1][1] == "“prairie.coradvice” could not be saved."
    assert "Use Save As" in dialogs.seen[-1][2]
    assert digest(path) == before
    assert window.isWindowModified() and window.controller.answers.workers == 40
    assert window.document.path == path


# --- recent files --------------------------------------------------------------------------
def test_recent_files_newest_first_at_most_ten(window: MainWindow, dataset: Any, tmp_path: Path) -> None:
    paths = [write_client_file(tmp_path / f"c{i:02}.coradvice", dataset, workers=i + 1) for i in range(12)]
    for p in paths:
        assert window.document.open_path(p)
    assert window.document.open_path(paths[3])
    recent = window.document.recent_files()
    assert recent[0] == str(paths[3]) and len(recent) == 10
    assert recent[1:] == [str(paths[i]) for i in (11, 10, 9, 8, 7, 6, 5, 4, 2)]
    window.recent_menu.aboutToShow.emit()
    labels = [a.text() for a in window.recent_menu.actions() if not a.isSeparator()]
    assert labels[0].startswith("&1  c03.coradvice") and labels[-1] == "&Clear List"
    next(a for a in window.recent_menu.actions() if a.text() == "&Clear List").trigger()
    assert window.document.recent_files() == []
    assert window.settings.get(opt.RECENT_FILES) == []


def test_a_missing_recent_file_is_pruned_with_a_message(window: MainWindow, dataset: Any, tmp_path: Path,
                                                        dialogs: Dialogs) -> None:
    keep = write_client_file(tmp_path / "keep.coradvice", dataset)
    gone = write_client_file(tmp_path / "gone.coradvice", dataset)
    window.document.open_path(keep)
    window.document.open_path(gone)
    gone.unlink()
    window.recent_menu.aboutToShow.emit()
    action = next(a for a in window.recent_menu.actions() if "gone.coradvice" in a.text())
    dialogs.answer(Std.Ok)
    action.trigger()
    assert dialogs.seen[-1][1] == "“gone.coradvice” is no longer there."
    assert window.document.recent_files() == [str(keep)]
    assert window.document.path == gone, "the open document is left alone"


# --- autosave and recovery -----------------------------------------------------------------
def autosaves() -> list[Path]:
    return sorted(user_dirs().autosave.glob("*.autosave"))


def test_unsaved_work_is_autosaved_and_removed_once_saved(qtbot: Any, window: MainWindow, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    edit(window, province="MB", workers=55)
    window.controller.set_notes("autosave me")
    qtbot.waitUntil(lambda: len(autosaves()) == 1, timeout=2000)
    saved = json.loads(autosaves()[0].read_text(encoding="utf-8"))
    assert saved["path"] is None
    assert saved["document"]["answers"]["workers"] == 55 and saved["document"]["notes"] == "autosave me"
    choose_save_path(monkeypatch, tmp_path / "mb.coradvice")
    assert window.document.save()
    assert autosaves() == []
    edit(window, workers=56)
    qtbot.waitUntil(lambda: len(autosaves()) == 1, timeout=2000)
    edit(window, workers=55)  # back to what is saved
    assert autosaves() == [] and not window.isWindowModified()


def dead_session(dataset: Any, *, original: str | None = None, workers: int = 77) -> Path:
    """What a killed window leaves: its autosave and a lock naming a PID that is gone."""
    folder = user_dirs().autosave
    folder.mkdir(parents=True, exist_ok=True)
    pid = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                             text=True, check=True).stdout)
    a = Answers(province="NS", workers=workers)
    cf = clientfile.new_client_file(a, evaluate(dataset, a), client="Harbour Marine", notes="half-typed no")
    (folder / "session-dead.lock").write_text(f"{pid}\npython3\n{socket.gethostname()}\n")
    file = folder / "session-dead.autosave"
    file.write_text(json.dumps({"autosave_version": 1, "saved": "2026-05-13T10:00:00Z", "path": original,
                                "document": clientfile.to_dict(cf)}), encoding="utf-8")
    return file


def test_recover_after_a_crash(window: MainWindow, dataset: Any, tmp_path: Path, dialogs: Dialogs) -> None:
    original = str(tmp_path / "harbour.coradvice")
    left = dead_session(dataset, original=original)
    dialogs.answer("Recover")
    window.document.offer_recovery()
    [(name, text, detail)] = dialogs.seen
    assert name == "recoveryBox" and text == "Recover unsaved work?"
    assert "Client: Harbour Marine" in detail and "File: harbour.coradvice" in detail
    assert window.controller.answers == Answers(province="NS", workers=77)
    assert window.controller.notes == "half-typed no"
    assert window.document.path == Path(original) and window.isWindowModified()
    assert not left.exists(), "taken over by this session's own autosave"
    [own] = autosaves()
    assert own.name == f"session-{window.document.autosave.session}.autosave"
    dialogs.answer(Std.Discard)
    assert window.close()
    assert autosaves() == []


def test_discard_or_decide_later(window: MainWindow, dataset: Any, dialogs: Dialogs) -> None:
    left = dead_session(dataset)
    dialogs.answer("Decide Later")
    window.document.offer_recovery()
    assert left.exists() and window.controller.answers == AdvisorController.DEFAULT_ANSWERS
    assert not window.isWindowModified()
    dialogs.answer("Discard")
    window.document.offer_recovery()
    assert not left.exists() and not (left.parent / "session-dead.lock").exists()
    window.document.offer_recovery()
    assert len(dialogs.seen) == 2, "nothing left to offer"


def test_unreadable_autosave_is_kept_aside_and_reported(window: MainWindow, dataset: Any,
                                                        dialogs: Dialogs) -> None:
    left = dead_session(dataset)
    doc = json.loads(left.read_text())
    doc["document"]["answers"]["workers"] = "many"
    left.write_text(json.dumps(doc))
    dialogs.answer(Std.Ok)
    window.document.offer_recovery()
    assert dialogs.seen[0][1] == "Autosaved work could not be read."
    assert "answers.workers" in dialogs.seen[0][2]
    assert left.with_suffix(".unreadable").exists() and not left.exists()


KILLED_SESSION = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from advisor_gui.storage import AutosaveManager
AutosaveManager.DELAY_MS = 100
from advisor_gui.ui.app_main import make_app, load_dataset_or_explain
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow
from advisor_gui.settings import Settings
app = make_app()
window = MainWindow(AdvisorController(load_dataset_or_explain().dataset), Settings())
window.show()
window.interview.editor("province").setCurrentIndex(
    window.interview.editor("province").findData("ON"))
window.interview.editor("workers").setValue(23)
window.notes.notes.setPlainText("typed just before the crash")
end = time.time() + 20
while not list(window.document.autosave.directory.glob("*.autosave")) and time.time() < end:
    app.processEvents()
    time.sleep(0.01)
print("autosaved", flush=True)
while True:  # still editing when the process is killed
    app.processEvents()
    time.sleep(0.01)
"""


def test_killed_mid_edit_then_restart_offers_recovery(make_window: Any, dialogs: Dialogs) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-c", KILLED_SESSION], stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "autosaved"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    window = make_window()
    dialogs.answer("Recover")
    window.document.offer_recovery()
    assert window.controller.answers.province == "ON" and window.controller.answers.workers == 23
    assert window.controller.notes == "typed just before the crash"
    assert window.isWindowModified()
    dialogs.answer(Std.Discard)
    window.close()
    assert autosaves() == [] and not list(user_dirs().autosave.glob("*.lock"))


# --- issue 11: recovery that no later prompt can undo -------------------------------------------
def dead_session_for(path: Path, dataset: Any, *, base: Any = "now", workers: int = 77, session: str = "dead",
                     version: int = 2, work: str = "w-dead") -> Path:
    """A killed window's autosave of unsaved work on ``path``; ``base``: the
    file's stamp the work started from ("now": as the file is now)."""
    left = dead_session(dataset, original=str(path), workers=workers)
    if session != "dead":
        left = left.rename(left.with_name(f"session-{session}.autosave"))
        (left.parent / "session-dead.lock").rename(left.parent / f"session-{session}.lock")
    doc = json.loads(left.read_text(encoding="utf-8"))
    if version == 2:
        from advisor_gui.storage import file_stamp

        stamp = file_stamp(path) if base == "now" else base
        doc |= {"autosave_version": 2, "work": work, "base": stamp.to_json() if stamp else None}
    left.write_text(json.dumps(doc), encoding="utf-8")
    return left


def shown(window: MainWindow) -> tuple[int, str]:
    return window.controller.answers.workers, window.controller.client_name


def on_disk(path: Path) -> int:
    return int(json.loads(path.read_text(encoding="utf-8"))["answers"]["workers"])


@pytest.mark.parametrize("later", ["Revert", "Cancel"])
def test_recovered_work_then_open_the_same_file_asks_to_revert(window: MainWindow, dataset: Any, tmp_path: Path,
                                                               dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch,
                                                               later: str) -> None:
    path = write_client_file(tmp_path / "harbour.coradvice", dataset, workers=8)
    before = digest(path)
    dead_session_for(path, dataset, workers=77)
    dialogs.answer("Recover")
    window.document.offer_recovery()
    assert shown(window)[0] == 77 and window.isWindowModified()
    assert window.windowTitle().startswith("harbour.coradvice")
    choose_open_path(monkeypatch, path)
    dialogs.answer(Std.Cancel if later == "Cancel" else "Revert")
    window.act_open.trigger()
    assert dialogs.seen[-1][0] == "revertBox" and dialogs.seen[-1][1] == "Revert to the saved file?"
    assert digest(path) == before, "opening never writes"
    if later == "Cancel":
        assert shown(window)[0] == 77 and window.isWindowModified()
        assert len(autosaves()) == 1, "the recovered work is still autosaved"
    else:
        assert shown(window)[0] == 8 and not window.isWindowModified()
        assert autosaves() == []


@pytest.mark.parametrize("reply", ["Recover", "Discard", "Decide Later"])
def test_start_on_a_file_with_recovered_work(window: MainWindow, dataset: Any, tmp_path: Path, dialogs: Dialogs,
                                             reply: str) -> None:
    """`python -m advisor_gui FILE` after a crash: recovery first, then the file
    is opened only if its recovered work is not what the window now shows."""
    path = write_client_file(tmp_path / "harbour.coradvice", dataset, workers=8)
    left = dead_session_for(path, dataset, workers=77)
    dialogs.answer(reply)
    window.document.start(str(path))
    assert [name for name, _, _ in dialogs.seen] == ["recoveryBox"], "no second prompt"
    if reply == "Recover":
        assert shown(window)[0] == 77 and window.isWindowModified() and window.document.path == path
        assert window.document.save()  # Ctrl+S: the recovered work is saved ...
        assert on_disk(path) == 77 and not window.isWindowModified()
        assert window.document.save()  # ... and saving again does not bring the old content back
        assert on_disk(path) == 77 and shown(window)[0] == 77
        assert autosaves() == []
    else:
        assert shown(window)[0] == 8 and not window.isWindowModified()
        assert left.exists() is (reply == "Decide Later")


def test_open_the_open_file_with_unsaved_changes_reads_it_after_the_answer(
        window: MainWindow, dataset: Any, tmp_path: Path, dialogs: Dialogs,
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_client_file(tmp_path / "p.coradvice", dataset, workers=8)
    assert window.document.open_path(path)
    edit(window, workers=9)

    def another_program_saves_meanwhile(box: QMessageBox) -> str:
        write_client_file(path, dataset, workers=12)
        return "Revert"

    choose_open_path(monkeypatch, path)
    dialogs.answer(another_program_saves_meanwhile)
    window.act_open.trigger()
    assert dialogs.seen[-1][1] == "Revert to the saved file?"
    assert shown(window)[0] == 12 and not window.isWindowModified(), "what is on disk after the answer"
    edit(window, workers=13)
    assert window.document.save() and on_disk(path) == 13, "and no false 'changed on disk' afterwards"


def test_open_recent_of_the_open_file_unmodified_just_reloads(window: MainWindow, dataset: Any, tmp_path: Path,
                                                              dialogs: Dialogs) -> None:
    path = write_client_file(tmp_path / "p.coradvice", dataset, workers=8)
    assert window.document.open_path(path)
    write_client_file(path, dataset, workers=10)
    assert window.document.open_recent(str(path))
    assert dialogs.seen == [] and shown(window)[0] == 10


# --- issue 11: a save never silently overwrites a file changed on disk ---------------------------
@pytest.mark.parametrize("reply", ["Cancel", "Overwrite", "Reload", "Save As…"])
def test_two_windows_on_one_file_the_second_save_asks(make_window: Any, dataset: Any, tmp_path: Path,
                                                      dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch,
                                                      reply: str) -> None:
    path = write_client_file(tmp_path / "shared.coradvice", dataset, workers=8)
    first, second = make_window(), make_window()
    assert first.document.open_path(path) and second.document.open_path(path)
    edit(first, workers=21)
    assert first.document.save() and on_disk(path) == 21
    edit(second, workers=22)
    elsewhere = tmp_path / "copy.coradvice"
    choose_save_path(monkeypatch, elsewhere)
    dialogs.answer(Std.Cancel if reply == "Cancel" else reply)
    saved = second.document.save()
    name, text, _ = dialogs.seen[-1]
    assert name == "changedOnDiskBox"
    assert text == "“shared.coradvice” has changed on disk since it was opened or last saved here."
    assert saved is (reply in ("Overwrite", "Save As…"))
    assert on_disk(path) == (22 if reply == "Overwrite" else 21)
    if reply == "Reload":
        assert shown(second)[0] == 21 and not second.isWindowModified()
    elif reply == "Save As…":
        assert on_disk(elsewhere) == 22 and second.document.path == elsewhere
    else:
        assert shown(second)[0] == 22 and second.isWindowModified() == (reply == "Cancel")


def test_a_file_changed_by_another_program_is_not_overwritten(window: MainWindow, dataset: Any, tmp_path: Path,
                                                              dialogs: Dialogs) -> None:
    path = write_client_file(tmp_path / "p.coradvice", dataset, workers=8)
    assert window.document.open_path(path)
    edit(window, workers=9)
    assert window.document.save()
    edit(window, workers=10)
    text = path.read_text(encoding="utf-8").replace('"workers": 9', '"workers": 44')
    path.write_text(text, encoding="utf-8")  # same size, maybe the same second: the hash tells
    dialogs.answer(Std.Cancel)
    assert not window.document.save()
    assert on_disk(path) == 44


# --- issue 11: autosaves older than the saved file; a kill after a save -----------------------------
def test_an_autosave_already_saved_is_not_offered(window: MainWindow, dataset: Any, tmp_path: Path,
                                                  dialogs: Dialogs) -> None:
    path = write_client_file(tmp_path / "p.coradvice", dataset, workers=8)
    from advisor_gui.storage import file_stamp

    old = file_stamp(path)
    left = dead_session_for(path, dataset, base=old, workers=77)
    cf = clientfile.parse(json.loads(left.read_text())["document"], dataset)
    path.write_text(clientfile.dumps(cf), encoding="utf-8")  # that work was saved, then the kill
    window.document.offer_recovery()
    assert dialogs.seen == [] and not left.exists()


def test_an_autosave_older_than_the_saved_file_says_so_and_never_overwrites(
        window: MainWindow, dataset: Any, tmp_path: Path, dialogs: Dialogs) -> None:
    path = write_client_file(tmp_path / "p.coradvice", dataset, workers=8)
    dead_session_for(path, dataset, workers=77)
    write_client_file(path, dataset, workers=90)  # saved later, by another window
    newer = digest(path)
    dialogs.answer("Recover")
    window.document.offer_recovery()
    assert dialogs.seen[-1][1] == "Recover unsaved work older than the saved file?"
    assert "Older than the saved file" in dialogs.seen[-1][2]
    assert shown(window)[0] == 77
    dialogs.answer(Std.Cancel)
    assert not window.document.save()  # Ctrl+S asks
    assert dialogs.seen[-1][0] == "changedOnDiskBox" and digest(path) == newer


def test_a_version_1_autosave_older_than_its_file_says_so(window: MainWindow, dataset: Any, tmp_path: Path,
                                                          dialogs: Dialogs) -> None:
    path = write_client_file(tmp_path / "p.coradvice", dataset, workers=8)
    left = dead_session_for(path, dataset, version=1)
    os.utime(left, (1_000_000_000, 1_000_000_000))  # autosaved long before the file's last save
    dialogs.answer("Decide Later")
    window.document.offer_recovery()
    assert dialogs.seen[-1][1] == "Recover unsaved work older than the saved file?"
    os.utime(left)  # autosaved after it: ordinary unsaved work
    dialogs.answer("Recover")
    window.document.offer_recovery()
    assert dialogs.seen[-1][1] == "Recover unsaved work?" and shown(window)[0] == 77


def test_the_same_work_twice_is_offered_once(window: MainWindow, dataset: Any, tmp_path: Path,
                                             dialogs: Dialogs) -> None:
    path = write_client_file(tmp_path / "p.coradvice", dataset, workers=8)
    first = dead_session_for(path, dataset, workers=77, session="first", work="same")
    second = dead_session_for(path, dataset, workers=78, session="second", work="same")
    os.utime(first, (1_000_000_000, 1_000_000_000))
    dialogs.answer("Recover")
    window.document.offer_recovery()
    assert len(dialogs.seen) == 1 and shown(window)[0] == 78, "the newest of the two"
    assert not first.exists() and not second.exists()
    [own] = autosaves()
    assert json.loads(own.read_text())["work"] == "same"


# --- issue 11: real kill -9 at the awkward moments -----------------------------------------------
def run_child_until(mode: str, file: Path, word: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-m", "tests.crash_child", mode, str(file)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == word
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL


def test_killed_after_save_before_the_autosave_goes(make_window: Any, dataset: Any, tmp_path: Path,
                                                    dialogs: Dialogs) -> None:
    path = write_client_file(tmp_path / "p.coradvice", dataset, workers=8)
    run_child_until("save", path, "saved")
    assert on_disk(path) == 31 and len(autosaves()) == 1, "killed with its autosave left behind"
    window = make_window()
    window.document.offer_recovery()
    assert dialogs.seen == [], "the saved work is not offered as unsaved"
    assert window.document.open_path(path)
    assert autosaves() == [] and shown(window)[0] == 31 and not window.isWindowModified()


def test_killed_right_after_recover_offers_the_work_once(make_window: Any, dataset: Any, tmp_path: Path,
                                                         dialogs: Dialogs) -> None:
    path = write_client_file(tmp_path / "p.coradvice", dataset, workers=8)
    dead_session_for(path, dataset, workers=77, version=1)  # as the released app writes them
    run_child_until("recover", path, "recovered")
    assert len(autosaves()) == 2, "killed between its own autosave and removing the recovered one"
    window = make_window()
    dialogs.answer("Recover")
    window.document.offer_recovery()
    assert [name for name, _, _ in dialogs.seen] == ["recoveryBox"]
    assert shown(window)[0] == 77 and window.isWindowModified()
    assert len(autosaves()) == 1
    assert window.document.save() and on_disk(path) == 77 and autosaves() == []


# --- issue 11: broken locks never hide work; a full disk says so ----------------------------------
@pytest.mark.parametrize("lock", ["empty", "garbage", "other-host", "reused-pid"])
def test_a_broken_lock_does_not_hide_the_work(window: MainWindow, dataset: Any, tmp_path: Path, dialogs: Dialogs,
                                              lock: str) -> None:
    left = dead_session(dataset, workers=66)
    lock_file = left.parent / "session-dead.lock"
    other = None
    if lock == "empty":
        lock_file.write_bytes(b"")
    elif lock == "garbage":
        lock_file.write_bytes(b"\x00\xffnot a lock\n")
    elif lock == "other-host":
        lock_file.write_text("4242\npython3.11\nanother-host\n")
        os.utime(left, (1_000_000_000, 1_000_000_000))  # and its autosave is old
    else:
        other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
        exe = Path(os.path.realpath(f"/proc/{other.pid}/exe")).name  # what Qt compares
        lock_file.write_text(f"{other.pid}\n{exe}\n{socket.gethostname()}\n")
    try:
        dialogs.answer("Recover")
        window.document.offer_recovery()
    finally:
        if other is not None:
            other.communicate(b"")
    assert [name for name, _, _ in dialogs.seen] == ["recoveryBox"] and shown(window)[0] == 66


def test_autosave_on_a_full_disk_says_so_and_keeps_the_work(qtbot: Any, make_window: Any,
                                                            request: pytest.FixtureRequest,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADVISOR_BASEDIR", str(request.getfixturevalue("full_disk")))
    window = make_window()
    edit(window, workers=5)
    qtbot.waitUntil(lambda: "disk is full" in window.statusBar().currentMessage(), timeout=3000)
    message = window.statusBar().currentMessage()
    assert "UnknownError" not in message and "Your work is still open" in message
    assert window.isWindowModified() and shown(window)[0] == 5


def test_a_file_too_large_to_open_again_is_not_written(qtbot: Any, window: MainWindow, dialogs: Dialogs,
                                                       monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Notes pasted past the client-file size cap: Save says so and writes
    nothing (a file the reader would refuse is never made); the work stays
    in the window, unsaved, and is autosaved."""
    target = tmp_path / "huge.coradvice"
    choose_save_path(monkeypatch, target)
    window.controller.set_notes("n" * (1024 * 1024))
    dialogs.answer(Std.Ok)
    window.act_save.trigger()
    assert "was not saved" in dialogs.seen[-1][1] and "1024 KiB" in dialogs.seen[-1][2]
    assert not target.exists()
    assert window.document.modified and window.isWindowModified()
    qtbot.waitUntil(lambda: bool(list(window.document.autosave.directory.glob("*.autosave"))), timeout=3000)
    window.controller.set_notes("short again")
    window.act_save.trigger()
    assert target.is_file() and not window.document.modified


def test_saving_keeps_the_register_and_scenarios_the_window_does_not_edit(window: MainWindow, dataset: Any,
                                                                          tmp_path: Path) -> None:
    """Issue 16: a format-2 file's register and scenarios survive an edit and a save."""
    import dataclasses

    from advisor_gui.domain.register import RegisterEntry, Scenario

    path = write_client_file(tmp_path / "prairie.coradvice", dataset)
    cf = clientfile.read(path, dataset)
    entry = RegisterEntry(name="PCL", platform="ISN", accepts="cor_only", confirmed_by="email",
                          confirmed_on=None, note="")
    scenario = Scenario(name="After hiring 6", answers=cf.answers)
    path.write_text(clientfile.dumps(dataclasses.replace(cf, register=(entry,), scenarios=(scenario,))),
                    encoding="utf-8")
    assert window.document.open_path(path)
    edit(window, workers=9)
    assert window.document.save()
    saved = clientfile.read(path, dataset)
    assert saved.answers.workers == 9 and saved.register == (entry,) and saved.scenarios == (scenario,)
