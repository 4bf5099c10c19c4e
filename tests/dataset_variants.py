"""Rules files for the import, diff and guard tests: the bundled text with
edits applied, then re-sealed the way a lead consultant would (or not)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from advisor_gui.domain.integrity import SEAL_PREFIX, seal
from advisor_gui.paths import bundled_dataset

# The bundled file's version, so the fixtures follow each release.
BUNDLED_VERSION = re.search(r'^version: "([^"]+)"', bundled_dataset().read_text(encoding="utf-8"), re.M)[1]
VERSION_LINE = f'version: "{BUNDLED_VERSION}"'

NEWER = [
    (VERSION_LINE, 'version: "2026.12.0"'),
    ("effective: 2026-05-13", "effective: 2026-12-01"),
    # Alberta's SECOR limit 10 -> 9 (the first small_max_workers in the file is Alberta's)
    ("    small_max_workers: 10\n", "    small_max_workers: 9\n"),
]


def variant(rules_text: str, path: Path, edits: Sequence[tuple[str, str]] = (), *,
            seal_mode: Literal["seal", "stale", "none"] = "seal") -> Path:
    """Write the bundled text with each (old, new) edit applied once.

    ``seal``: re-sealed; ``stale``: the bundled seal kept (an edited copy);
    ``none``: no seal line at all.
    """
    text = rules_text
    for old, new in edits:
        assert old in text, f"fixture text moved: {old!r}"
        text = text.replace(old, new, 1)
    raw = text.encode("utf-8")
    if seal_mode == "seal":
        raw = seal(raw)
    elif seal_mode == "none":
        raw = b"\n".join(line for line in raw.split(b"\n") if not line.startswith(SEAL_PREFIX))
    path.write_bytes(raw)
    return path
