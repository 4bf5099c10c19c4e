"""Shared fixtures: Qt offscreen, user folders isolated under tmp, the dataset once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, autosaves and caches never touch the real profile."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("ADVISOR_BASEDIR", str(base))
    return base


@pytest.fixture(scope="session")
def dataset():
    from advisor_gui.domain.loader import load_dataset
    from advisor_gui.paths import bundled_dataset

    return load_dataset(bundled_dataset())


@pytest.fixture(scope="session")
def rules_text() -> str:
    from advisor_gui.paths import bundled_dataset

    return bundled_dataset().read_text(encoding="utf-8")
