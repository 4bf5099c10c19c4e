"""SHA-256 without loading OpenSSL at start-up.

``hashlib`` opens OpenSSL's libcrypto when it is imported (≈ 4 ms and 3.6 MiB
here). The window hashes the rules file at every start (≈ 200 KB), and CPython's
own SHA-256 module does that in about 1 ms, loading in 0.3 ms: the same digest,
sooner. Client files and calendar entries are hashed with it too, so OpenSSL
loads only when something else asks for ``hashlib`` (pydantic, when a rules
file is validated) or a file is too big for a client file (OpenSSL is ten times
faster on hundreds of megabytes). The module has been ``_sha256`` up to Python
3.11 and ``_sha2`` since 3.12; where neither exists (a build without them),
``hashlib`` is the answer.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from typing import Protocol

BIG = 4 << 20  # bytes: from this size on, a file is hashed by OpenSSL


class Hash(Protocol):
    def update(self, data: bytes, /) -> None: ...
    def hexdigest(self) -> str: ...


def _constructor() -> Callable[[bytes], Hash]:
    try:
        from _sha256 import sha256  # CPython ≤ 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # CPython ≥ 3.12
        except ImportError:
            from hashlib import sha256
    return sha256  # type: ignore[no-any-return]  # (_sha2 has no stubs)


sha256: Callable[[bytes], Hash] = _constructor()


def file_sha256(handle: io.BufferedReader) -> str:
    """The hex SHA-256 of what is left to read in ``handle``, read 64 KiB at a
    time (by OpenSSL when the file is :data:`BIG` or more)."""
    try:
        big = os.fstat(handle.fileno()).st_size >= BIG
    except (OSError, ValueError):  # not a file on disk
        big = False
    if big:
        import hashlib

        return hashlib.file_digest(handle, "sha256").hexdigest()
    digest = sha256(b"")
    while chunk := handle.read(1 << 16):
        digest.update(chunk)
    return digest.hexdigest()
