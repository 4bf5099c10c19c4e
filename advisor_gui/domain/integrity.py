"""The seal of a rules dataset file, and the release record of the bundled one.

A dataset file carries the SHA-256 of its own content on one comment line::

    # sha256: 3f1a…(64 hex digits)

The digest is computed over the file's bytes with that line removed and line
endings normalised to LF (a copy that went through a Windows editor or mail
client is still the same content). A truncated or edited copy no longer matches
its seal and is refused before it is even parsed. Being a YAML comment, the seal
needs no field in the schema.

The bundled ``data/rules.yaml`` is also recorded, release by release, in
``data/rules.sha256`` (``VERSION  SHA256`` per line, oldest first), and each
recorded version has an entry in ``data/CHANGELOG.md``: :func:`release_problems`
is what the test suite and ``scripts/seal_dataset.py`` check.

Pure Python and cheap: hashing the bundled file takes about a millisecond,
so the window checks it on every start.
"""

from __future__ import annotations

import itertools
import re
from typing import Literal

from ..util.digest import sha256
from ..util.records import record

SEAL_PREFIX = b"# sha256:"
_SEAL_LINE = re.compile(rb"^# sha256:[ \t]*([0-9A-Fa-f]*)[ \t]*$")
# Release bookkeeping only (tests, scripts): left to re's own cache, not compiled at start-up.
_RECORD_LINE = r"^(\S+)\s+([0-9a-f]{64})$"
_CHANGELOG_HEADING = r"^##\s+(\d+(?:\.\d+)+)\b"


SealCode = Literal["missing", "duplicate", "malformed", "truncated", "mismatch"]


@record
class SealProblem:
    """Why a file's seal does not hold; ``line`` is 1-based (None: the whole file)."""

    code: SealCode
    line: int | None
    message: str


def _normalised(raw: bytes) -> bytes:
    return raw.replace(b"\r\n", b"\n") if b"\r" in raw else raw


def _seal_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of every seal line in LF text; ``end`` is the line's
    newline (or the end of the text). Found with ``find``: no line splitting."""
    starts = [0] if data.startswith(SEAL_PREFIX) else []
    at = data.find(b"\n" + SEAL_PREFIX)
    while at != -1:
        starts.append(at + 1)
        at = data.find(b"\n" + SEAL_PREFIX, at + 1)
    spans = []
    for start in starts:
        end = data.find(b"\n", start)
        spans.append((start, len(data) if end == -1 else end))
    return spans


def _content(data: bytes, spans: list[tuple[int, int]]) -> bytes:
    """The lines of ``data`` other than the seal lines, joined by LF (as if
    split into lines, filtered and joined again)."""
    if not spans:
        return data
    pieces, pos = [], 0
    for start, end in spans:
        pieces.append(data[pos:start])
        pos = end + 1
    content = b"".join(pieces) + data[pos:]
    if spans[-1][1] == len(data) and content.endswith(b"\n"):
        content = content[:-1]  # a seal on the last line took the newline before it along
    return content


def content_digest(raw: bytes) -> str:
    """SHA-256 (hex) of the file's content: seal lines removed, LF line endings."""
    data = _normalised(raw)
    return _digest(data, _seal_spans(data))


def _digest(data: bytes, spans: list[tuple[int, int]]) -> str:
    return sha256(_content(data, spans)).hexdigest()


def identity(raw: bytes, digest: str | None = None) -> str:
    """What tells this file's text from any other's, for naming what was derived
    from it: the content digest (``digest``, when the caller has it), and where
    each seal line is with its bytes. A seal line is not always a comment (inside
    a multi-line quoted string it is text), so the content digest alone could
    name two files that parse differently alike; with the seal lines and their
    places, only copies that differ in line endings (LF or CRLF) share it."""
    data = _normalised(raw)
    spans = _seal_spans(data)
    seals = b"".join(b"%d:%s\n" % (start, data[start:end]) for start, end in spans)
    return (digest or _digest(data, spans))[:32] + "-" + sha256(seals).hexdigest()[:8]


def _seal_value(data: bytes, span: tuple[int, int]) -> bytes | None:
    match = _SEAL_LINE.match(data[span[0]:span[1]])
    return match.group(1) if match else None


def recorded_digest(raw: bytes) -> str | None:
    """The digest the file's seal line records, or None when it has none."""
    data = _normalised(raw)
    spans = _seal_spans(data)
    value = _seal_value(data, spans[0]) if len(spans) == 1 else None
    return value.decode("ascii").lower() if value else None


def check_seal(raw: bytes, digest: str | None = None) -> SealProblem | None:
    """None when the file carries exactly one seal and its content matches it
    (``digest``: the file's content digest, when the caller has it)."""
    data = _normalised(raw)
    spans = _seal_spans(data)
    if not spans:
        return SealProblem("missing", None, "the file carries no sha256 seal, so a damaged or edited copy "
                           "could not be detected; seal it with the advisor's seal-dataset command "
                           "(python -m advisor_gui seal-dataset FILE)")
    if len(spans) > 1:
        return SealProblem("duplicate", data.count(b"\n", 0, spans[1][0]) + 1,
                           "the file carries more than one sha256 seal line")
    value = _seal_value(data, spans[0])
    if value is None or len(value) != 64:
        return SealProblem("malformed", data.count(b"\n", 0, spans[0][0]) + 1,
                           "the sha256 seal line is damaged (expected 64 hexadecimal digits)")
    if value.decode("ascii").lower() == (digest or _digest(data, spans)):
        return None
    if raw and not raw.endswith(b"\n"):
        return SealProblem("truncated", None, "the file is incomplete: it ends in the middle of a line and its "
                           "content does not match its sha256 seal (copy the file again)")
    return SealProblem("mismatch", None, "the content does not match its sha256 seal: the file was changed or "
                       "damaged after it was sealed")


def seal(raw: bytes) -> bytes:
    """The file with its seal line written (replaced, or inserted after the
    opening comment block). Line endings are kept as they were."""
    newline = b"\r\n" if b"\r\n" in raw else b"\n"
    lines = _normalised(raw).split(b"\n")
    found = [i for i, line in enumerate(lines) if line.startswith(SEAL_PREFIX)]
    for i in reversed(found[1:]):
        del lines[i]
    digest = sha256(b"\n".join(line for line in lines if not line.startswith(SEAL_PREFIX))).hexdigest()
    seal_line = SEAL_PREFIX + b" " + digest.encode("ascii")
    if found:
        lines[found[0]] = seal_line
    else:
        at = 0
        while at < len(lines) and lines[at].startswith(b"#"):
            at += 1
        lines.insert(at, seal_line)
    return newline.join(lines)


# --- the release record of the bundled dataset -----------------------------------

def parse_record(text: str) -> list[tuple[str, str]]:
    """``VERSION  SHA256`` lines (``#`` comments and blank lines ignored)."""
    entries: list[tuple[str, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = re.match(_RECORD_LINE, line)
        if match is None:
            raise ValueError(f"line {n}: expected 'VERSION  SHA256', got {line!r}")
        entries.append((match.group(1), match.group(2)))
    return entries


def format_record(entries: list[tuple[str, str]]) -> str:
    head = ("# The sha256 of data/rules.yaml's content for each released version, oldest first.\n"
            "# Written by scripts/seal_dataset.py; never edit by hand.\n")
    return head + "".join(f"{version}  {digest}\n" for version, digest in entries)


def changelog_versions(text: str) -> list[str]:
    """The versions that have an entry (``## VERSION …`` headings), in order."""
    return re.findall(_CHANGELOG_HEADING, text, re.MULTILINE)


def parse_version(text: str) -> tuple[int, ...] | None:
    """``"2026.11.0"`` -> ``(2026, 11, 0)``; None when it is not dot-separated numbers."""
    parts = text.strip().split(".")
    if len(parts) < 2 or not all(p.isdigit() and len(p) <= 9 for p in parts):
        return None
    numbers = [int(p) for p in parts]
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()  # 2026.11 == 2026.11.0
    return tuple(numbers)


def translated_changelog_problems(changelog_text: str, translated_text: str, name: str) -> list[str]:
    """A translated changelog (``name``: data/CHANGELOG.fr.md) must have an entry for
    every version of the English one, in the same order, and no other."""
    english, translated = changelog_versions(changelog_text), changelog_versions(translated_text)
    if english == translated:
        return []
    missing = [v for v in english if v not in translated]
    if missing:
        return [f"{name} has no '## {v}' entry (translate data/CHANGELOG.md's)" for v in missing]
    return [f"{name}: its entries ({', '.join(translated)}) are not those of data/CHANGELOG.md "
            f"({', '.join(english)})"]


def release_problems(raw: bytes, version: str, record_text: str, changelog_text: str) -> list[str]:
    """What is wrong with the bundled dataset's release bookkeeping (empty: all
    is well). ``raw`` is data/rules.yaml, ``version`` its ``version`` field."""
    fix = ("edit the YAML, bump `version`, add a '## VERSION' entry to data/CHANGELOG.md, then run "
           "python scripts/seal_dataset.py")
    problems: list[str] = []
    seal_problem = check_seal(raw)
    if seal_problem is not None:
        problems.append(f"data/rules.yaml: {seal_problem.message}; {fix}")
    digest = content_digest(raw)
    try:
        record = parse_record(record_text)
    except ValueError as exc:
        return [*problems, f"data/rules.sha256: {exc}"]
    recorded = dict(record)
    if parse_version(version) is None:
        problems.append(f"data/rules.yaml: version {version!r} is not of the form YEAR.MONTH.N")
    if version in recorded and recorded[version] != digest:
        problems.append(f"data/rules.yaml changed but its version is still {version}: {fix}")
    elif version not in recorded:
        problems.append(f"data/rules.yaml version {version} is not recorded in data/rules.sha256: {fix}")
    elif record[-1][0] != version:
        problems.append(f"data/rules.yaml version {version} is not the latest recorded release ({record[-1][0]})")
    for older, newer in itertools.pairwise(v for v, _ in record):
        a, b = parse_version(older), parse_version(newer)
        if a is None or b is None or not a < b:
            problems.append(f"data/rules.sha256: versions must increase ({older} then {newer})")
    if len(set(recorded.values())) != len(record):
        problems.append("data/rules.sha256: two versions record the same content; a release must change something")
    documented = changelog_versions(changelog_text)
    for v, _ in record:
        if v not in documented:
            problems.append(f"data/CHANGELOG.md has no '## {v}' entry")
    if documented and documented[0] != version:
        problems.append(f"data/CHANGELOG.md: the newest entry is {documented[0]}, not the current version {version}")
    return problems
