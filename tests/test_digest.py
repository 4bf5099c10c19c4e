"""util.digest: the same SHA-256 as hashlib's, without OpenSSL at start-up."""

from __future__ import annotations

import hashlib

import pytest

from advisor_gui.util import digest


@pytest.mark.parametrize("data", [b"", b"abc", bytes(range(256)) * 1000, b"# sha256: 00\r\nrules: []\n"])
def test_the_digest_is_hashlibs(data: bytes) -> None:
    assert digest.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


def test_fed_in_parts_it_is_the_same_digest() -> None:
    whole = bytes(range(256)) * 300
    h = digest.sha256(b"")
    for at in range(0, len(whole), 4096):
        h.update(whole[at:at + 4096])
    assert h.hexdigest() == hashlib.sha256(whole).hexdigest()


def test_it_is_cpythons_own_module_where_there_is_one() -> None:
    # Not OpenSSL's: loading that is what this module avoids at start-up.
    import importlib.util

    if not any(importlib.util.find_spec(name) for name in ("_sha256", "_sha2")):
        pytest.skip("this Python has no SHA-256 module of its own: hashlib's is used")
    assert digest.sha256.__module__ in ("_sha256", "_sha2"), digest.sha256.__module__


def test_a_file_is_hashed_from_where_its_handle_is(tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = bytes(range(256)) * 700  # more than one 64 KiB read
    path = tmp_path / "work.coradvice"
    path.write_bytes(data)
    with path.open("rb") as handle:
        assert digest.file_sha256(handle) == hashlib.sha256(data).hexdigest()
        handle.seek(100)
        assert digest.file_sha256(handle) == hashlib.sha256(data[100:]).hexdigest()


def test_a_big_file_is_hashed_by_openssl_with_the_same_digest(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # CPython's own SHA-256 is ten times slower on hundreds of megabytes: a file too big
    # to be a client file is still stamped without the window waiting seconds.
    monkeypatch.setattr(digest, "BIG", 1000)
    calls: list[bytes] = []
    monkeypatch.setattr(digest, "sha256", lambda data: calls.append(data) or hashlib.sha256(data))
    data = bytes(range(256)) * 8
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    with path.open("rb") as handle:
        assert digest.file_sha256(handle) == hashlib.sha256(data).hexdigest()
    assert calls == []
