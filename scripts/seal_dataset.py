#!/usr/bin/env python3
"""Seal the bundled rules dataset after an honest edit, and record the release.

The workflow for changing data/rules.yaml:

  1. edit the YAML;
  2. bump ``version`` (YEAR.MONTH.N, higher than the last release);
  3. add a ``## VERSION`` entry at the top of data/CHANGELOG.md and its French
     twin data/CHANGELOG.fr.md (impacted jurisdictions / what changed, written for
     consultants: what the advice now says, never how the file was edited;
     ``python -m advisor_gui diff-dataset OLD NEW`` drafts the list);
  4. run ``python scripts/seal_dataset.py``.

The script validates the dataset, writes its sha256 seal line, and appends
``VERSION  SHA256`` to data/rules.sha256. It refuses when the content changed
but the version did not, or when the changelog has no entry for the version.
``--check`` only reports (what the test suite asserts too).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advisor_gui.domain import integrity  # noqa: E402
from advisor_gui.domain.loader import DatasetError, parse_dataset  # noqa: E402
from advisor_gui.util.atomic import write_atomic  # noqa: E402

RULES = ROOT / "data" / "rules.yaml"
RECORD = ROOT / "data" / "rules.sha256"
CHANGELOG = ROOT / "data" / "CHANGELOG.md"
CHANGELOG_FR = ROOT / "data" / "CHANGELOG.fr.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report problems, change nothing")
    args = parser.parse_args(argv)

    raw = RULES.read_bytes()
    try:
        dataset = parse_dataset(raw, "data/rules.yaml")
    except DatasetError as exc:
        print(f"seal: {exc}", file=sys.stderr)
        return 2
    record_text = RECORD.read_text(encoding="utf-8") if RECORD.exists() else ""
    changelog = CHANGELOG.read_text(encoding="utf-8") if CHANGELOG.exists() else ""

    french = CHANGELOG_FR.read_text(encoding="utf-8") if CHANGELOG_FR.exists() else ""
    if args.check:
        problems = integrity.release_problems(raw, dataset.version, record_text, changelog)
        problems += integrity.translated_changelog_problems(changelog, french, "data/CHANGELOG.fr.md")
        for problem in problems:
            print(f"seal: {problem}", file=sys.stderr)
        return 1 if problems else 0

    record = integrity.parse_record(record_text)
    recorded = dict(record)
    sealed = integrity.seal(raw)
    digest = integrity.content_digest(sealed)
    version = dataset.version
    if integrity.parse_version(version) is None:
        print(f"seal: version {version!r} is not of the form YEAR.MONTH.N", file=sys.stderr)
        return 1
    if version in recorded and recorded[version] != digest:
        print(f"seal: data/rules.yaml changed but its version is still {version}; bump the version and add a "
              "changelog entry first", file=sys.stderr)
        return 1
    if version not in recorded:
        last = record[-1][0] if record else None
        last_key = integrity.parse_version(last) if last else None
        new_key = integrity.parse_version(version)
        if last_key is not None and new_key is not None and new_key <= last_key:
            print(f"seal: version {version} is not newer than the last release {last}", file=sys.stderr)
            return 1
        for name, text in (("data/CHANGELOG.md", changelog), ("data/CHANGELOG.fr.md", french)):
            if version not in integrity.changelog_versions(text):
                print(f"seal: {name} has no '## {version}' entry; write one first", file=sys.stderr)
                return 1
        record.append((version, digest))
    if sealed != raw:
        write_atomic(RULES, sealed)
    write_atomic(RECORD, integrity.format_record(record).encode("utf-8"))
    problems = integrity.release_problems(sealed, version, RECORD.read_text(encoding="utf-8"), changelog)
    problems += integrity.translated_changelog_problems(changelog, french, "data/CHANGELOG.fr.md")
    for problem in problems:
        print(f"seal: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"data/rules.yaml {version} sealed: sha256 {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
