"""The one place that resolves paths: bundled data and resources (from source
or frozen by PyInstaller) and the user's config, data and cache folders.

``ADVISOR_BASEDIR`` (or ``--basedir``) puts every user folder under one
directory: tests, the frozen self-test and portable use never touch the real
profile.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from . import APP_NAME, ORG_NAME
from .util.records import record

if TYPE_CHECKING:
    from .domain.dataset_store import DatasetStore

BASEDIR_ENV = "ADVISOR_BASEDIR"


def bundle_root() -> Path:
    """Where ``data/`` and ``resources/`` live: the PyInstaller folder when
    frozen, the repository root when run from source."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def data_file(name: str) -> Path:
    return _inside(bundle_root() / "data", name)


def resource(name: str) -> Path:
    return _inside(bundle_root() / "resources", name)


def _inside(root: Path, name: str) -> Path:
    if Path(name).is_absolute() or ".." in Path(name).parts:
        raise ValueError(f"resource names are relative and stay inside: {name!r}")
    return root / name


def bundled_dataset() -> Path:
    return data_file("rules.yaml")


def prebuilt_cache_dir() -> Path:
    """Where a frozen build keeps the dataset cache it validated at build time:
    next to ``rules.yaml`` (empty when run from source)."""
    return bundled_dataset().parent


@record
class UserDirs:
    """The user's folders: settings, data (autosaves, installed rules) and caches."""

    config: Path
    data: Path
    cache: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.ini"

    @property
    def autosave(self) -> Path:
        return self.data / "autosave"

    @property
    def datasets(self) -> Path:
        return self.data / "rules"


def user_dirs(basedir: str | os.PathLike[str] | None = None) -> UserDirs:
    """User folders: under ``basedir`` (or $ADVISOR_BASEDIR) when given,
    otherwise the platform's standard places."""
    base = basedir or os.environ.get(BASEDIR_ENV)
    if base:
        root = Path(base)
        return UserDirs(root / "config", root / "data", root / "cache")
    from platformdirs import PlatformDirs

    dirs = PlatformDirs(APP_NAME.replace("/", "-"), ORG_NAME)
    return UserDirs(Path(dirs.user_config_dir), Path(dirs.user_data_dir), Path(dirs.user_cache_dir))


def dataset_store() -> DatasetStore:
    """The rules datasets this installation uses: the bundled one, the updates
    installed in the user's data folder, and the validated cache."""
    from .domain.dataset_store import DatasetStore

    dirs = user_dirs()
    return DatasetStore(bundled_dataset(), dirs.datasets, dirs.cache)
