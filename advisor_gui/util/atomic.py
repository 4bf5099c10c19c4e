"""Replace a file's content atomically, without Qt: every file the CLI and
the domain write (sealed rules, installed rules updates, the dataset cache)
goes through :func:`write_atomic`. The window's files (client files,
autosaves, PDFs) go through ``QSaveFile`` in :mod:`advisor_gui.storage`.

A symlink stays a symlink: the file it points to is what gets replaced. The
file keeps its permission bits. The new content goes to a temporary file in
the same folder, is flushed to disk, then renamed over the target, so a crash
leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` (through its symlinks) atomically; returns
    the path actually written. Raises OSError; on failure the old file is
    untouched and no temporary file is left behind."""
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None  # a new file: the usual mode, as the process's umask makes it
    tmp = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError, AttributeError):  # the rename itself on disk (POSIX only)
        dir_fd = os.open(target.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return target
