"""A window in a child process, to be killed with SIGKILL at an awkward moment.

``python -m tests.crash_child MODE FILE`` (``ADVISOR_BASEDIR`` set by the
test) builds the real MainWindow offscreen and:

- ``save``: opens FILE, types (province ON, 31 workers, notes), waits for
  the autosave, types once more and saves; at the removal of the autosave it
  prints ``saved`` and stops there, for the test to kill it.
- ``recover``: offers recovery and answers Recover; at the removal of the
  recovered autosave (after this session's own autosave is written) it prints
  ``recovered`` and stops there.

The hooks are monkeypatches made here, in the child; the app has none.
"""

from __future__ import annotations

import os
import sys
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QMessageBox

from advisor_gui.settings import Settings
from advisor_gui.storage import AutosaveManager, Recoverable
from advisor_gui.ui.app_main import load_dataset_or_explain, make_app
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow


def stop_here(word: str) -> None:
    """Say where we are and wait to be killed (never returns)."""
    print(word, flush=True)
    threading.Event().wait(120)
    os._exit(3)  # not killed: the test failed to


def wait_for(app: QApplication, done: object) -> None:
    end = time.monotonic() + 30
    while not done() and time.monotonic() < end:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.01)
    if not done():  # type: ignore[operator]
        print("timeout", flush=True)
        os._exit(4)


def main(mode: str, file: str) -> None:
    AutosaveManager.DELAY_MS = 50
    app = make_app()
    selection = load_dataset_or_explain()
    assert selection is not None
    window = MainWindow(AdvisorController(selection.dataset), Settings())
    window.show()
    wait_for(app, lambda: window.started)
    doc = window.document
    if mode == "save":
        assert doc.open_path(file)
        combo = window.interview.editor("province")
        combo.setCurrentIndex(combo.findData("ON"))
        window.interview.editor("workers").setValue(30)
        wait_for(app, lambda: doc.autosave.file.exists())
        window.interview.editor("workers").setValue(31)  # not autosaved yet: saved at once
        window.notes.notes.setPlainText("typed, then saved")
        AutosaveManager.discard = lambda self: stop_here("saved")  # type: ignore[method-assign]
        doc.save()
    elif mode == "recover":
        def answer(box: QMessageBox) -> int:
            button = next(b for b in box.buttons() if b.text().replace("&", "") == "Recover")
            button.click()
            return 0

        QMessageBox.exec = answer  # type: ignore[method-assign]
        Recoverable.remove = lambda self: stop_here("recovered")  # type: ignore[method-assign]
        doc.offer_recovery()
    print("not stopped", flush=True)
    os._exit(5)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
