"""The one reader for every file the app is handed: answers documents, client
files and rules files, from the command line and from the window alike.

The rules, the same for every kind of file:

- **Only regular files.** FIFOs, devices, sockets and folders are refused up
  front, from ``os.stat`` (which follows symlinks, so a symlink to a FIFO is a
  FIFO), before any open that could block. The file is then opened with
  ``O_NONBLOCK`` (an open never waits for a FIFO's writer) and checked again
  with ``fstat`` on the opened descriptor, which closes the race of a file
  swapped between the two checks.
- **Size capped before parsing**, per kind (:data:`CAPS`): a client file or an
  answers document at 1 MiB (a real one is under 10 KiB, notes included), a
  rules file at 1 MiB (the bundled one is about 125 KiB). The size is checked
  on the descriptor and at most cap + 1 bytes are ever read, so a file that
  grows while it is read is refused too. Standard input (``-``) has the same
  cap.
- **UTF-8, one optional BOM.** A leading UTF-8 byte-order mark is accepted and
  dropped everywhere (Windows editors add it); anything that is not UTF-8 is
  refused. Rules files are sealed over the bytes without the BOM.
- **JSON, strictly:** duplicate keys refused, ``NaN``/``Infinity`` refused,
  nesting at most :data:`MAX_DEPTH` levels (checked before the decoder runs,
  so it never recurses deeply), integer literals at most
  :data:`MAX_INT_DIGITS` digits (far below Python's own 4,300-digit limit).
- **Messages quote at most** :data:`QUOTE_CHARS` **characters** of a bad value
  (:func:`quoted`), and an error line is never longer than :data:`MAX_MESSAGE`
  characters (:func:`one_line`).

Pure Python, no Qt: the CLI calls it directly, the window from a worker thread.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import stat
from typing import IO, Any, Final, Literal

Kind = Literal["answers", "client", "rules"]

MiB: Final = 1024 * 1024
CAPS: Final[dict[Kind, int]] = {"answers": 1 * MiB, "client": 1 * MiB, "rules": 1 * MiB}
MAX_DEPTH: Final = 32
MAX_INT_DIGITS: Final = 1000
QUOTE_CHARS: Final = 80
MAX_MESSAGE: Final = 300
BOM: Final = b"\xef\xbb\xbf"

_NOUN: Final[dict[Kind, str]] = {"answers": "an answers document", "client": "a client file",
                                 "rules": "a rules file"}


class InputError(ValueError):
    """Why a file cannot be read: one short problem, without the file's name
    (each caller names the file in its own error format). ``line`` is 1-based
    when the problem has a place."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        self.problem, self.line = problem, line
        super().__init__(problem)


# --- messages --------------------------------------------------------------------
def clip(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def quoted(value: object, limit: int = QUOTE_CHARS, *, python: bool = False) -> str:
    """A bad value as a message shows it: JSON spelling where there is one
    (``"abc"``, ``12``, ``true``), else ``repr``; at most ``limit`` characters,
    an ellipsis where it was cut. ``python``: ``repr`` spelling (``'abc'``),
    for values read from YAML. Long strings and numbers are cut before they
    are spelled out, so a 10 MB value costs nothing."""
    if isinstance(value, str):
        value = value[: limit + 1]
    elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 4 * limit:
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    try:
        text = repr(value) if python else json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return clip(text, limit)


def one_line(message: str, limit: int = MAX_MESSAGE) -> str:
    """A message made safe for one line of stderr or a message box: control
    characters and newlines become spaces, and it is cut to ``limit``."""
    if len(message) > limit * 4:
        message = message[: limit * 4]
    return clip(re.sub(r"[\x00-\x1f\x7f]+", " ", message), limit)


# --- reading bytes ------------------------------------------------------------------
def _kind_name(mode: int) -> str | None:
    """What a non-regular file is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _os_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "cannot be read: permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    return f"cannot be read: {exc.strerror or type(exc).__name__}"


def _too_big(kind: Kind, size: int | None) -> InputError:
    cap = CAPS[kind] // 1024
    got = f" ({size / MiB:.1f} MiB)" if size is not None else ""
    return InputError(f"is larger than {cap} KiB{got}; {_NOUN[kind]} is at most {cap} KiB")


def read_path(path: str | os.PathLike[str], kind: Kind) -> bytes:
    """The bytes of a regular file of at most ``CAPS[kind]`` bytes, leading BOM
    dropped. Raises :class:`InputError`; never blocks on a FIFO or a device."""
    cap = CAPS[kind]
    try:
        before = os.stat(path)
        problem = _kind_name(before.st_mode)
        if problem is not None:
            raise InputError(problem)
        if before.st_size > cap:
            raise _too_big(kind, before.st_size)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        try:
            after = os.fstat(fd)
            problem = _kind_name(after.st_mode)
            if problem is not None:  # swapped for a FIFO or a device since the stat
                raise InputError(problem)
            if after.st_size > cap:
                raise _too_big(kind, after.st_size)
            chunks: list[bytes] = []
            left = cap + 1
            while left > 0:
                chunk = os.read(fd, min(left, 256 * 1024))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
        finally:
            os.close(fd)
    except InputError:
        raise
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise InputError(_os_problem(exc) if isinstance(exc, OSError) else "is not a valid file name") from None
    raw = b"".join(chunks)
    if len(raw) > cap:
        raise _too_big(kind, None)
    return raw[len(BOM):] if raw.startswith(BOM) else raw


def read_stream(stream: IO[bytes], kind: Kind) -> bytes:
    """Standard input (or any binary stream) under the same cap and BOM rule."""
    cap = CAPS[kind]
    try:
        raw = stream.read(cap + 1)
    except OSError as exc:
        raise InputError(_os_problem(exc)) from None
    if len(raw) > cap:
        raise _too_big(kind, None)
    return raw[len(BOM):] if raw.startswith(BOM) else raw


def decode_text(raw: bytes) -> str:
    """UTF-8 text (the BOM is already gone); the line of the first bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        hint = " (UTF-16? save it as UTF-8)" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        raise InputError(f"not UTF-8 text{hint}", line) from None


# --- JSON ---------------------------------------------------------------------------
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_DELTA = {"[": 1, "{": 1, "]": -1, "}": -1}
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_LONG_INT = re.compile(rf"-?\d{{{MAX_INT_DIGITS + 1},}}")


def json_depth(text: str) -> int:
    """The deepest bracket nesting of a JSON text, strings skipped (a linear
    scan; the decoder itself would recurse)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if not brackets:
        return 0
    return max(itertools.accumulate(_DELTA[c] for c in brackets))


def _position(text: str, at: int) -> tuple[int, int]:
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook``: a key given twice is refused, never "last wins"."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


class _Duplicate(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class DuplicateKey(InputError):
    """A JSON object names ``key`` twice."""

    def __init__(self, key: str) -> None:
        super().__init__("duplicate key")
        self.key = clip(key)


def _no_constant(name: str) -> Any:
    raise InputError(f"not valid JSON: {name} is not allowed")


def _int(literal: str) -> int:
    if len(literal) > MAX_INT_DIGITS + 1:
        raise InputError(f"not valid JSON: a number has more than {MAX_INT_DIGITS} digits")
    return int(literal)


def loads_json(text: str) -> Any:
    """Decode strict JSON under the depth and number bounds. Raises
    :class:`InputError` (``DuplicateKey`` for a repeated key)."""
    if not text.strip():
        raise InputError("the file is empty (not valid JSON)")
    depth = json_depth(text)
    if depth > MAX_DEPTH:
        raise InputError(f"not valid JSON: nested too deeply (more than {MAX_DEPTH} levels)")
    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=_no_constant, parse_int=_int)
    except _Duplicate as exc:
        raise DuplicateKey(exc.key) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", exc.lineno) from None
    except InputError as exc:
        long_int = _LONG_INT.search(text)
        if long_int is not None and "digits" in exc.problem:
            line, col = _position(text, long_int.start())
            raise InputError(f"{exc.problem} at line {line} column {col}", line) from None
        raise
    except (RecursionError, ValueError) as exc:  # belt and braces: the bounds above should catch these
        raise InputError(f"not valid JSON: {clip(str(exc))}") from None
