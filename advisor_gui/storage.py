"""Writing client files safely: atomic saves, autosave and crash recovery.

- :func:`save_text` writes through :class:`QSaveFile`: the old file stays
  untouched until the new one is complete, then replaces it in one step.
- :class:`AutosaveManager` keeps unsaved work in the user's autosave folder
  (:func:`advisor_gui.paths.user_dirs`), a few seconds after the last change
  and on quit. Each running window holds a session lock (``QLockFile`` with
  its PID); a clean exit releases it.
- :func:`find_recoverable` lists autosaves whose session is gone (it crashed
  or was killed, or quit with unsaved work): what the next start offers to
  recover.

Files in the autosave folder, per session ``<id>``: ``session-<id>.lock`` and
``session-<id>.autosave``, a JSON object ``{"autosave_version": 1, "path":
original file or null, "saved": UTC time, "document": <client file object>}``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QFileDevice, QIODevice, QLockFile, QObject, QSaveFile, QTimer, Signal

log = logging.getLogger(__name__)

AUTOSAVE_VERSION = 1
AUTOSAVE_SUFFIX = ".autosave"
LOCK_SUFFIX = ".lock"


class SaveError(OSError):
    """A save that did not happen; the message says why. The old file is intact."""


def save_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically, or raise SaveError."""
    target = os.fspath(path)
    if os.path.isdir(target):
        raise SaveError(QCoreApplication.translate("Storage", "A folder with that name already exists"))
    parent = os.path.dirname(os.path.abspath(target))
    if not os.path.exists(parent):
        raise SaveError(QCoreApplication.translate("Storage", "The folder {0} does not exist").format(parent))
    if not os.path.isdir(parent):
        raise SaveError(QCoreApplication.translate("Storage", "{0} is not a folder").format(parent))
    data = text.encode("utf-8")
    out = QSaveFile(target)
    out.setDirectWriteFallback(False)
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        raise SaveError(out.errorString())
    try:
        written = out.write(data)
        if written != len(data):
            raise SaveError(_reason(out, QCoreApplication.translate(
                "Storage", "Not everything could be written; the disk may be full")))
        if not out.commit():
            raise SaveError(_reason(out, QCoreApplication.translate(
                "Storage", "The new file could not replace the old one")))
    except BaseException:
        out.cancelWriting()
        if out.isOpen():
            out.commit()  # after cancelWriting this only removes the temporary file
        raise


def _reason(out: QSaveFile, fallback: str) -> str:
    return out.errorString() if out.error() != QFileDevice.FileError.NoError else fallback


# --- autosave ----------------------------------------------------------------------
def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class AutosaveManager(QObject):
    """Writes ``snapshot()`` to this session's autosave file, ``DELAY_MS``
    after the last :meth:`schedule` (so typing is never interrupted) and on
    :meth:`flush`. Failures are logged and reported through :attr:`failed`,
    never raised."""

    failed = Signal(str)
    DELAY_MS = 3000

    def __init__(self, snapshot: Callable[[], dict[str, Any]], directory: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self.directory = directory
        self.session = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.file = directory / f"session-{self.session}{AUTOSAVE_SUFFIX}"
        self._lock: QLockFile | None = None
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        return self._pending

    def schedule(self) -> None:
        """There is unsaved work: write it once changes pause."""
        self._pending = True
        self._timer.start()

    def flush(self) -> bool:
        """Write now if anything is pending; True when the file is current."""
        self._timer.stop()
        if not self._pending:
            return True
        try:
            self._hold_lock()
            document = {"autosave_version": AUTOSAVE_VERSION, "saved": _now(), **self._snapshot()}
            save_text(self.file, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        except Exception as exc:  # never let autosave take the window down
            log.warning("autosave to %s failed: %s", self.file, exc)
            self.failed.emit(str(exc))
            return False
        self._pending = False
        return True

    def discard(self) -> None:
        """The work is saved or thrown away: no recovery file is needed."""
        self._timer.stop()
        self._pending = False
        try:
            self.file.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", self.file, exc)

    def close(self) -> None:
        """Clean exit: write what is pending (kept for the next start when the
        work was not saved), then release the session lock."""
        if self._pending:
            self.flush()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _hold_lock(self) -> None:
        if self._lock is not None:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(self.directory / f"session-{self.session}{LOCK_SUFFIX}"))
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale
        if not lock.tryLock(0):
            raise OSError(f"session lock unavailable ({lock.error().name})")
        self._lock = lock


# --- recovery ----------------------------------------------------------------------
@dataclass
class Recoverable:
    """An autosave left by a session that is no longer running. Holds that
    session's lock until :meth:`release` or :meth:`remove`."""

    file: Path
    lock: QLockFile
    saved: str
    path: str | None
    document: Any
    problem: str = ""

    def release(self) -> None:
        """Decide later: keep the autosave, let go of the lock."""
        self.lock.unlock()

    def remove(self) -> None:
        """Recovered elsewhere or discarded: delete the autosave."""
        try:
            self.file.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", self.file, exc)
        self.lock.unlock()

    def set_aside(self) -> Path:
        """Unreadable: rename it so it is kept but not offered again."""
        target = self.file.with_suffix(".unreadable")
        try:
            self.file.replace(target)
        except OSError as exc:
            log.warning("could not rename %s: %s", self.file, exc)
        self.lock.unlock()
        return target


def _read_autosave(file: Path) -> tuple[str, str | None, Any, str]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("autosave_version") != AUTOSAVE_VERSION:
            return "", None, None, "not an autosave this version of the app wrote"
        path = data.get("path")
        saved = data.get("saved")
        return (saved if isinstance(saved, str) else "", path if isinstance(path, str) else None,
                data.get("document"), "")
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        return "", None, None, str(exc)


def find_recoverable(directory: Path, exclude_session: str = "") -> list[Recoverable]:
    """Autosaves whose session is gone, newest first. Each comes locked, so
    two windows starting together never both take the same one."""
    try:
        files = sorted(directory.glob(f"session-*{AUTOSAVE_SUFFIX}"), key=lambda f: f.stat().st_mtime,
                       reverse=True)
    except OSError:
        return []
    found: list[Recoverable] = []
    for file in files:
        session = file.name[len("session-"):-len(AUTOSAVE_SUFFIX)]
        if session == exclude_session:
            continue
        lock = QLockFile(str(directory / f"session-{session}{LOCK_SUFFIX}"))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # that window is still running
        if not file.exists():  # its owner finished with it meanwhile
            lock.unlock()
            continue
        saved, path, document, problem = _read_autosave(file)
        found.append(Recoverable(file, lock, saved, path, document, problem))
    return found
