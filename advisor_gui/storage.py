"""Writing client files safely: atomic saves, autosave and crash recovery.

- :func:`save_text` writes through :class:`QSaveFile`: the old file stays
  untouched until the new one is complete, then replaces it in one step.
- :func:`file_stamp` is what a file on disk was when the window loaded or
  last saved it (modification time, size, SHA-256 of the bytes): a save
  compares it with the file now, so a file changed by another window or
  program is never overwritten silently.
- :class:`AutosaveManager` keeps unsaved work in the user's autosave folder
  (:func:`advisor_gui.paths.user_dirs`), a few seconds after the last change
  and on quit. Each running window holds a session lock (``QLockFile``); a
  clean exit releases it.
- :func:`find_recoverable` lists autosaves whose session is gone (it crashed
  or was killed, or quit with unsaved work): what the next start offers to
  recover.

Files in the autosave folder, per session ``<id>``: ``session-<id>.lock`` and
``session-<id>.autosave``, a JSON object::

    {"autosave_version": 2, "saved": UTC time, "path": original file or null,
     "base": {"mtime_ns", "size", "sha256"} of that file when the work was
             loaded or last saved, or null (untitled, or the file did not exist),
     "work": id of the piece of work (kept when it is recovered into another session),
     "owner": {"pid", "host", "boot", "started"} the process that wrote it,
     "document": <client file object>}

Version 1 autosaves (no ``base``, ``work`` or ``owner``) are still read: their
work id is their session and their base is unknown.

Recovery is idempotent: a session that recovers an autosave writes its own
autosave (same ``work`` id) *before* removing the recovered one, so a kill in
between leaves two files of one piece of work, and :func:`find_recoverable`
offers only the newest of them (removing or releasing the others with it).

When is a session's lock *live* (its autosave not offered)? ``QLockFile``'s
own stale handling comes first: ``tryLock`` takes over a lock whose PID is
gone on this host. Otherwise the lock counts as live only when all of these
hold:

1. the lock file is readable (``getLockInfo``): an empty, garbage or
   unreadable lock is not a live one;
2. it names this host (or this machine's id), and its PID is running;
3. that process is the one that wrote the autosave: its start time
   (``/proc/PID/stat``) and boot id match the autosave's ``owner``; for an
   autosave without ``owner``, ``/proc/PID/cmdline`` must name this app. A
   PID now used by another process is not a live owner. Where ``/proc`` is
   missing, a running PID counts as live.

A lock from another host cannot be checked: it counts as live while its
autosave is younger than :data:`FOREIGN_STALE_SECONDS`, then its work is
offered (when in doubt, offer the work: a duplicate can be discarded, lost
work cannot be recovered). A lock that is not live is removed with
``QLockFile.removeStaleLockFile``, which on Unix refuses while any process
still holds the lock's native (``flock``) lock: a live owner on this host is
never displaced, whatever its lock file says. A lock that cannot be removed
for another reason (no permission) does not hide the work either: it is
offered without a lock.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QFileDevice,
    QIODevice,
    QLockFile,
    QObject,
    QSaveFile,
    QSysInfo,
    QTimer,
    Signal,
)

from .util.digest import file_sha256, sha256
from .util.reading import InputError, decode_text, loads_json, read_path

log = logging.getLogger(__name__)

AUTOSAVE_VERSION = 2
READABLE_AUTOSAVE_VERSIONS = (1, 2)
AUTOSAVE_SUFFIX = ".autosave"
LOCK_SUFFIX = ".lock"
FOREIGN_STALE_SECONDS = 15 * 60
_LOW_SPACE = 64 * 1024  # below this much free space an autosave or a lock cannot be written


class SaveError(OSError):
    """A save that did not happen; the message says why. The old file is intact."""


translate = QCoreApplication.translate  # translate("Storage", "…"): the form pyside6-lupdate reads


def save_text(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically, or raise SaveError."""
    save_bytes(path, text.encode("utf-8"))


def save_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (``QSaveFile``: the old file stays
    untouched until the new one is complete), or raise SaveError. Every file
    the window writes goes through here: client files, autosaves, PDFs."""
    target = os.fspath(path)
    if os.path.isdir(target):
        raise SaveError(translate("Storage", "A folder with that name already exists"))
    parent = os.path.dirname(os.path.abspath(target))
    if not os.path.exists(parent):
        raise SaveError(translate("Storage", "The folder {0} does not exist").format(parent))
    if not os.path.isdir(parent):
        raise SaveError(translate("Storage", "{0} is not a folder").format(parent))
    out = QSaveFile(target)
    out.setDirectWriteFallback(False)
    if not out.open(QIODevice.OpenModeFlag.WriteOnly):
        raise SaveError(unwritable_reason(parent) or out.errorString())
    try:
        written = out.write(data)
        if written != len(data):
            raise SaveError(unwritable_reason(parent) or _reason(out, translate(
                "Storage", "Not everything could be written; the disk may be full")))
        if not out.commit():
            raise SaveError(unwritable_reason(parent) or _reason(out, translate(
                "Storage", "The new file could not replace the old one")))
    except BaseException:
        out.cancelWriting()
        if out.isOpen():
            out.commit()  # after cancelWriting this only removes the temporary file
        raise


def _reason(out: QSaveFile, fallback: str) -> str:
    return out.errorString() if out.error() != QFileDevice.FileError.NoError else fallback


def unwritable_reason(directory: str | os.PathLike[str]) -> str:
    """Why nothing can be written in ``directory`` ("" when no reason is seen)."""
    try:
        st = os.statvfs(directory)
    except OSError:
        return ""
    if st.f_bavail * st.f_frsize < _LOW_SPACE:
        return translate("Storage", "The disk is full (no space left in {0})").format(os.fspath(directory))
    if not os.access(directory, os.W_OK | os.X_OK):
        return translate("Storage", "No permission to write in {0}").format(os.fspath(directory))
    return ""


# --- what a file on disk was ---------------------------------------------------------
@dataclass(frozen=True)
class FileStamp:
    """A file's modification time, size and content hash at one moment."""

    mtime_ns: int
    size: int
    sha256: str

    def same_content(self, other: FileStamp | None) -> bool:
        return other is not None and self.size == other.size and self.sha256 == other.sha256

    def to_json(self) -> dict[str, Any]:
        return {"mtime_ns": self.mtime_ns, "size": self.size, "sha256": self.sha256}

    @classmethod
    def from_json(cls, data: object) -> FileStamp | None:
        if not isinstance(data, dict):
            return None
        mtime, size, sha = data.get("mtime_ns"), data.get("size"), data.get("sha256")
        if isinstance(mtime, int) and isinstance(size, int) and isinstance(sha, str):
            return cls(mtime, size, sha)
        return None


def file_stamp(path: str | os.PathLike[str], data: bytes | None = None) -> FileStamp | None:
    """The stamp of ``path`` now (``data``: its bytes, when the caller just
    wrote them); None when it is missing or unreadable."""
    try:
        st = os.stat(path)
        if data is None:
            with open(path, "rb") as handle:
                digest = file_sha256(handle)
        else:
            digest = sha256(data).hexdigest()
    except OSError:
        return None
    return FileStamp(st.st_mtime_ns, st.st_size, digest)


# --- who owns a lock --------------------------------------------------------------------
def _proc_start(pid: int) -> str:
    """A process's start time in clock ticks since boot ("" when unknown)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return stat[stat.rindex(")") + 2:].split()[19]
    except (OSError, ValueError, IndexError):
        return ""


def _boot_id() -> str:
    return bytes(QSysInfo.bootUniqueId().data()).decode("ascii", "replace")


def _machine_id() -> str:
    return bytes(QSysInfo.machineUniqueId().data()).decode("ascii", "replace")


def _hostname() -> str:
    return QSysInfo.machineHostName() or socket.gethostname()


def this_process() -> dict[str, Any]:
    """What identifies this process to a later start (stored as ``owner``)."""
    pid = os.getpid()
    return {"pid": pid, "host": _hostname(), "machine": _machine_id(), "boot": _boot_id(),
            "started": _proc_start(pid)}


def _pid_running(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, owned by someone else
        return True
    return True


def _is_this_app(pid: int, owner: dict[str, Any] | None) -> bool:
    """Whether running ``pid`` is the session that wrote the autosave."""
    if not Path("/proc/self/stat").exists():
        return True  # nothing to check with: a running PID counts as live
    if owner and owner.get("pid") == pid and owner.get("started"):
        if owner.get("boot") and owner.get("boot") != _boot_id():
            return False
        return _proc_start(pid) == owner.get("started")
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return False
    return b"advisor" in cmdline.lower()  # python -m advisor_gui, or the frozen app


def _lock_machine(lock_path: Path) -> str:
    """The machine id QLockFile wrote on the lock's fourth line ("" if none)."""
    try:
        lines = lock_path.read_bytes()[:4096].split(b"\n")
    except OSError:
        return ""
    return lines[3].decode("ascii", "replace").strip() if len(lines) > 3 else ""


def lock_is_live(lock: QLockFile, lock_path: Path, autosave: Path, owner: dict[str, Any] | None) -> bool:
    """The rule in the module docstring, after ``tryLock`` failed."""
    pid, host, _app = lock.getLockInfo()  # (0, "", "") when it cannot be read
    if pid <= 0:
        return False  # empty, garbage or unreadable
    machine = _lock_machine(lock_path)
    local = host == _hostname() or (bool(machine) and machine == _machine_id())
    if not local:
        try:
            age = time.time() - autosave.stat().st_mtime
        except OSError:
            return False
        return age < FOREIGN_STALE_SECONDS
    return _pid_running(pid) and _is_this_app(pid, owner)


# --- autosave ----------------------------------------------------------------------
def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_work_id() -> str:
    return uuid.uuid4().hex


class AutosaveManager(QObject):
    """Writes ``snapshot()`` (``path``, ``base``, ``document``) to this
    session's autosave file, ``DELAY_MS`` after the last :meth:`schedule` (so
    typing is never interrupted) and on :meth:`flush`. Failures are logged and
    reported through :attr:`failed` (a sentence a user understands), never
    raised; the work stays pending, so the next change tries again. After a
    failure, the next success emits :attr:`recovered`."""

    failed = Signal(str)
    recovered = Signal()
    DELAY_MS = 3000

    def __init__(self, snapshot: Callable[[], dict[str, Any]], directory: Path,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self.directory = directory
        self.session = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.file = directory / f"session-{self.session}{AUTOSAVE_SUFFIX}"
        self.work = new_work_id()
        self._lock: QLockFile | None = None
        self._pending = False
        self._failing = False
        self._predecessors: list[Recoverable] = []
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

    def new_work(self) -> None:
        """The window now shows another piece of work (New, Open)."""
        self.work = new_work_id()

    def take_over(self, item: Recoverable) -> None:
        """Recovered ``item`` into this session: carry on its work id, write
        this session's autosave, and only then remove ``item`` (kept, and
        locked, until this session's own autosave is on disk)."""
        self.work = item.work
        self._predecessors.extend([item, *item.duplicates])
        item.duplicates = []
        self.schedule()
        self.flush()

    def flush(self) -> bool:
        """Write now if anything is pending; True when the file is current."""
        self._timer.stop()
        if not self._pending:
            return True
        try:
            self._hold_lock()
            document = {"autosave_version": AUTOSAVE_VERSION, "saved": _now(), "work": self.work,
                        "owner": this_process(), **self._snapshot()}
            save_text(self.file, json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        except Exception as exc:  # never let autosave take the window down
            log.warning("autosave to %s failed: %s", self.file, exc)
            self._failing = True
            self.failed.emit(str(exc))
            return False
        self._pending = False
        self._drop_predecessors()
        if self._failing:
            self._failing = False
            self.recovered.emit()
        return True

    def discard(self) -> None:
        """The work is saved or thrown away: no recovery file is needed."""
        self._timer.stop()
        self._pending = False
        try:
            self.file.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", self.file, exc)
        self._drop_predecessors()

    def close(self) -> None:
        """Clean exit: write what is pending (kept for the next start when the
        work was not saved), then release the session lock."""
        if self._pending:
            self.flush()
        for item in self._predecessors:  # not superseded: they stay for the next start
            item.release()
        self._predecessors = []
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _drop_predecessors(self) -> None:
        for item in self._predecessors:
            item.remove()
        self._predecessors = []

    def _hold_lock(self) -> None:
        if self._lock is not None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = unwritable_reason(self.directory.parent) if self.directory.parent.is_dir() else ""
            raise OSError(reason or translate("Storage", "The autosave folder {0} could not be created: {1}").format(
                self.directory, exc.strerror or exc)) from None
        lock = QLockFile(str(self.directory / f"session-{self.session}{LOCK_SUFFIX}"))
        lock.setStaleLockTime(0)  # only a dead owner makes a lock stale
        if not lock.tryLock(0):
            raise OSError(unwritable_reason(self.directory) or translate(
                "Storage", "The session lock in {0} could not be created ({1})").format(
                    self.directory, lock.error().name))
        self._lock = lock


# --- recovery ----------------------------------------------------------------------
@dataclass
class Recoverable:
    """An autosave left by a session that is no longer running. Holds that
    session's lock (when it could be taken) until :meth:`release` or
    :meth:`remove`. ``duplicates``: older autosaves of the same work (a kill
    right after a recovery), removed or released with this one."""

    file: Path
    lock: QLockFile | None
    saved: str
    path: str | None
    document: Any
    problem: str = ""
    work: str = ""
    base: FileStamp | None = None
    version: int = AUTOSAVE_VERSION
    duplicates: list[Recoverable] = field(default_factory=list)

    def release(self) -> None:
        """Decide later: keep the autosave, let go of the lock."""
        if self.lock is not None:
            self.lock.unlock()
        for other in self.duplicates:
            other.release()

    def remove(self) -> None:
        """Recovered elsewhere or discarded: delete the autosave."""
        try:
            self.file.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", self.file, exc)
        if self.lock is not None:
            self.lock.unlock()
        for other in self.duplicates:
            other.remove()

    def set_aside(self) -> Path:
        """Unreadable: rename it so it is kept but not offered again."""
        target = self.file.with_suffix(".unreadable")
        try:
            self.file.replace(target)
        except OSError as exc:
            log.warning("could not rename %s: %s", self.file, exc)
        self.release()
        return target

    def autosaved_after(self, stamp: FileStamp | None) -> bool:
        """For a version 1 autosave: whether it was written after the file
        (as it is now) was last modified."""
        try:
            return stamp is None or self.file.stat().st_mtime_ns >= stamp.mtime_ns
        except OSError:
            return False


def _read_autosave(file: Path) -> dict[str, Any]:
    try:  # the shared reader: a FIFO or a device put in the folder never blocks the start
        data = loads_json(decode_text(read_path(file, "autosave")))
    except InputError as exc:
        return {"problem": str(exc)}
    if not isinstance(data, dict) or data.get("autosave_version") not in READABLE_AUTOSAVE_VERSIONS:
        return {"problem": "not an autosave this version of the app wrote"}
    return data


def _take_lock(lock_path: Path, autosave: Path, owner: dict[str, Any] | None) -> tuple[bool, QLockFile | None]:
    """(offer the autosave?, the lock now held or None). See the module docstring."""
    lock = QLockFile(str(lock_path))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return True, lock
    if lock.error() != QLockFile.LockError.LockFailedError:
        return True, None  # cannot even look at the lock: do not let it hide the work
    if lock_is_live(lock, lock_path, autosave, owner):
        return False, None
    if lock.removeStaleLockFile():
        return (True, lock) if lock.tryLock(0) else (False, None)
    # Not removed: either a process here still holds its native lock (live after all),
    # or the lock file cannot be opened for writing (no permission): offer the work unlocked.
    try:
        held = os.access(lock_path, os.W_OK) or not lock_path.exists()
    except OSError:
        held = False
    return (False, None) if held else (True, None)


def find_recoverable(directory: Path, exclude_session: str = "") -> list[Recoverable]:
    """Autosaves whose session is gone, newest first, one per piece of work.
    Each comes locked (when its lock could be taken), so two windows starting
    together never both take the same one."""
    try:
        files = sorted(directory.glob(f"session-*{AUTOSAVE_SUFFIX}"), key=lambda f: f.stat().st_mtime_ns,
                       reverse=True)
    except OSError:
        return []
    found: list[Recoverable] = []
    by_work: dict[str, Recoverable] = {}
    for file in files:
        session = file.name[len("session-"):-len(AUTOSAVE_SUFFIX)]
        if session == exclude_session:
            continue
        data = _read_autosave(file)
        owner = data.get("owner") if isinstance(data.get("owner"), dict) else None
        offer, lock = _take_lock(directory / f"session-{session}{LOCK_SUFFIX}", file, owner)
        if not offer:
            continue  # that window is still running
        if not file.exists():  # its owner finished with it meanwhile
            if lock is not None:
                lock.unlock()
            continue
        data = _read_autosave(file)  # again: now that it is locked, it is final
        path, saved, work, version = data.get("path"), data.get("saved"), data.get("work"), data.get(
            "autosave_version")
        item = Recoverable(
            file, lock, saved if isinstance(saved, str) else "", path if isinstance(path, str) else None,
            data.get("document"), str(data.get("problem", "")),
            work if isinstance(work, str) and work else f"session-{session}",
            FileStamp.from_json(data.get("base")),
            version if isinstance(version, int) else 0,
        )
        first = by_work.get(item.work)
        if first is not None and not item.problem:
            first.duplicates.append(item)  # the same work, written earlier: goes with the newest
            continue
        by_work.setdefault(item.work, item)
        found.append(item)
    return found
