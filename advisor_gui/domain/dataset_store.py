"""Which rules dataset is in use: the bundled one, or the newest valid update
the user installed (File ▸ Import Rules…), and the import, install and revert
steps behind those menu items. No Qt: the window and the CLI both start here.

Installed updates live in ``paths.user_dirs().datasets`` as
``rules-VERSION.yaml`` (the file exactly as imported, seal included). Versions
are dot-separated numbers (``2026.11.0``) compared number by number; the
effective date orders datasets of equal version. At start-up an installed file
is used only when its version is newer than the bundled one (an application
update that ships newer rules wins over an older import), its seal holds and it
validates; otherwise the next one is tried, and finally the bundled file. Only
the file actually used is read and checked, through the validated cache.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..util.atomic import write_atomic
from ..util.records import record
from .integrity import check_seal, parse_version
from .loader import (
    DatasetError,
    cache_file_for,
    load_with_cache,
    parse_dataset,
    read_bytes,
    write_cache,
)
from .models import Dataset

if TYPE_CHECKING:
    from .dataset_diff import Change

INSTALLED_PREFIX = "rules-"
INSTALLED_SUFFIX = ".yaml"
# Compiled on first use (through re's cache): only needed when updates are installed.
_PEEK_VERSION = rb"""^version:[ \t]*(["']?)([0-9][0-9.]*)\1[ \t]*(?:#.*)?\r?$"""

RefusalKind = Literal["unreadable", "unsealed", "damaged", "invalid", "version", "older", "same"]


class ImportRefused(Exception):
    """Why a rules file cannot be imported. ``kind`` says which check failed,
    ``detail`` is the one-line reason (``file:line: field: problem`` for the
    loader's and the seal's findings)."""

    def __init__(self, kind: RefusalKind, detail: str) -> None:
        self.kind, self.detail = kind, detail
        super().__init__(detail)


@record
class Selection:
    """The dataset in use and where it came from. ``skipped`` holds one line per
    installed update that could not be used (damaged, invalid)."""

    dataset: Dataset
    path: Path
    installed: bool
    skipped: tuple[str, ...] = ()


@record
class Candidate:
    """A rules file that passed every check and is newer than the rules in use."""

    source: Path
    raw: bytes
    dataset: Dataset
    changes: tuple[Change, ...]


def version_key(version: str) -> tuple[int, ...] | None:
    return parse_version(version)


def order_key(dataset: Dataset) -> tuple[tuple[int, ...], dt.date]:
    """Datasets sort by version, then by effective date."""
    return version_key(dataset.version) or (), dataset.effective


def peek_version(raw: bytes) -> str | None:
    """The top-level ``version:`` of a dataset file without parsing it (start-up
    uses this to rank files; the file finally used is fully checked)."""
    match = re.search(_PEEK_VERSION, raw, re.MULTILINE)
    return match.group(2).decode("ascii") if match else None


class DatasetStore:
    """The bundled dataset, the installed updates and the validated cache."""

    def __init__(self, bundled: Path, installed_dir: Path, cache_dir: Path) -> None:
        self.bundled, self.root, self.cache_dir = bundled, installed_dir, cache_dir

    # --- what is there ------------------------------------------------------------
    def installed(self) -> list[tuple[tuple[int, ...], Path]]:
        """Installed updates, newest first, ranked by the version in their name."""
        found: list[tuple[tuple[int, ...], Path]] = []
        try:
            entries = list(self.root.iterdir())
        except OSError:
            return []
        for path in entries:
            name = path.name
            if not (name.startswith(INSTALLED_PREFIX) and name.endswith(INSTALLED_SUFFIX)):
                continue
            key = version_key(name[len(INSTALLED_PREFIX):-len(INSTALLED_SUFFIX)])
            if key is not None and path.is_file():
                found.append((key, path))
        return sorted(found, reverse=True)

    def bundled_version(self) -> tuple[int, ...]:
        try:
            peeked = peek_version(read_bytes(self.bundled))
        except DatasetError:
            return ()
        return (version_key(peeked) if peeked else None) or ()

    # --- choosing -------------------------------------------------------------------
    def select(self) -> Selection:
        """The dataset to use: the newest installed update that is newer than
        the bundled dataset and passes its checks, else the bundled one. Raises
        DatasetError only when the bundled dataset itself is unusable."""
        skipped: list[str] = []
        bundled_key: tuple[int, ...] | None = None  # read only when an update is installed
        for key, path in self.installed():
            if bundled_key is None:
                bundled_key = self.bundled_version()
            if key <= bundled_key:
                break  # newest first: the rest are older than the bundled rules too
            try:
                dataset = load_with_cache(path, self.cache_dir, require_seal=True)
            except DatasetError as exc:
                skipped.append(str(exc))
                continue
            if version_key(dataset.version) != key:
                skipped.append(f"{path}: version: the file says {dataset.version}, its name another version")
                continue
            return Selection(dataset, path, True, tuple(skipped))
        return Selection(self.load_bundled(), self.bundled, False, tuple(skipped))

    def load_bundled(self) -> Dataset:
        return load_with_cache(self.bundled, self.cache_dir, self.bundled.parent, require_seal=True)

    # --- importing ------------------------------------------------------------------
    def prepare_import(self, path: Path, current: Dataset) -> Candidate:
        """Check a rules file for import against the rules in use: readable,
        sealed and intact, valid, and of a newer version. Nothing is written."""
        name = str(path)
        try:
            raw = read_bytes(path)
        except DatasetError as exc:
            raise ImportRefused("unreadable", str(exc)) from None
        seal_problem = check_seal(raw)
        if seal_problem is not None:
            detail = str(DatasetError(name, seal_problem.line, "sha256", seal_problem.message))
            raise ImportRefused("unsealed" if seal_problem.code == "missing" else "damaged", detail)
        try:
            dataset = parse_dataset(raw, name)
        except DatasetError as exc:
            raise ImportRefused("invalid", str(exc)) from None
        new_key = version_key(dataset.version)
        if new_key is None:
            raise ImportRefused("version", f"{name}: version: {dataset.version!r} is not a version number "
                                           "like 2026.11.0, so it cannot be ranked against the rules in use")
        current_key = version_key(current.version) or ()
        if new_key == current_key:
            raise ImportRefused("same", f"{name}: version: {dataset.version} is the version already in use")
        if new_key < current_key:
            raise ImportRefused("older", f"{name}: version: {dataset.version} is older than the rules in use "
                                         f"({current.version})")
        from .dataset_diff import diff  # only when importing: keeps start-up lean

        return Candidate(path, raw, dataset, tuple(diff(current, dataset)))

    def install(self, candidate: Candidate) -> Path:
        """Write the file into the installed folder atomically (a crash leaves
        either no file or the whole file) and prime the cache. OSError on failure."""
        self.root.mkdir(parents=True, exist_ok=True)
        target = self.root / f"{INSTALLED_PREFIX}{candidate.dataset.version}{INSTALLED_SUFFIX}"
        write_atomic(target, candidate.raw)
        if read_bytes(target) != candidate.raw:
            target.unlink(missing_ok=True)
            raise OSError(f"{target}: the copy does not read back identically")
        write_cache(candidate.dataset, cache_file_for(candidate.raw, self.cache_dir))
        return target

    def remove_installed(self) -> int:
        """Remove every installed update (Revert to Bundled Rules); returns how
        many files were removed. OSError when one cannot be."""
        removed = 0
        for _key, path in self.installed():
            path.unlink()
            removed += 1
        return removed
