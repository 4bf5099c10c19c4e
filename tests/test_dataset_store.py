"""Choosing, importing, installing and reverting rules datasets (no Qt)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from advisor_gui.domain.dataset_store import DatasetStore, ImportRefused, order_key, peek_version, version_key
from advisor_gui.domain.freshness import is_stale, review_due
from advisor_gui.domain.integrity import seal
from advisor_gui.paths import bundled_dataset, dataset_store, user_dirs

from .dataset_variants import BUNDLED_VERSION, NEWER, VERSION_LINE, variant


@pytest.fixture()
def store(tmp_path: Path) -> DatasetStore:
    return DatasetStore(bundled_dataset(), tmp_path / "installed", tmp_path / "cache")


def test_without_updates_the_bundled_rules_are_used(store: DatasetStore, dataset) -> None:
    chosen = store.select()
    assert not chosen.installed and chosen.path == bundled_dataset() and chosen.skipped == ()
    assert chosen.dataset == dataset


def test_a_valid_newer_file_imports_installs_and_is_chosen(store: DatasetStore, dataset, rules_text: str,
                                                           tmp_path: Path) -> None:
    path = variant(rules_text, tmp_path / "from-office.yaml", NEWER)
    candidate = store.prepare_import(path, dataset)
    assert candidate.dataset.version == "2026.12.0"
    assert candidate.dataset.jurisdiction("AB").small_max_workers == 9
    assert any(c.area == "jurisdiction" and c.field == "small_max_workers" for c in candidate.changes)
    assert not store.root.exists()  # checking writes nothing
    target = store.install(candidate)
    assert target.name == "rules-2026.12.0.yaml" and target.read_bytes() == path.read_bytes()
    chosen = store.select()
    assert chosen.installed and chosen.path == target and chosen.dataset == candidate.dataset
    assert list(store.cache_dir.glob("rules-*.json")), "install primes the validated cache"


def refusal(store: DatasetStore, path: Path, current) -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        store.prepare_import(path, current)
    assert not store.root.exists() or not any(store.root.iterdir()), "a refused file is never installed"
    return info.value


def test_an_older_file_is_refused(store: DatasetStore, dataset, rules_text: str, tmp_path: Path) -> None:
    older = variant(rules_text, tmp_path / "old.yaml", [(VERSION_LINE, 'version: "2026.9.3"')])
    err = refusal(store, older, dataset)
    assert err.kind == "older" and f"2026.9.3 is older than the rules in use ({BUNDLED_VERSION})" in err.detail


def test_the_same_version_is_refused(store: DatasetStore, dataset, tmp_path: Path) -> None:
    err = refusal(store, bundled_dataset(), dataset)
    assert err.kind == "same"


def test_a_truncated_file_is_refused_before_validation(store: DatasetStore, dataset, rules_text: str,
                                                       tmp_path: Path) -> None:
    path = variant(rules_text, tmp_path / "cut.yaml", NEWER)
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) * 2 // 3])
    err = refusal(store, path, dataset)
    assert err.kind == "damaged" and "incomplete" in err.detail and f"{path}: sha256:" in err.detail


def test_a_file_with_a_bad_hash_is_refused(store: DatasetStore, dataset, rules_text: str, tmp_path: Path) -> None:
    path = variant(rules_text, tmp_path / "bad-hash.yaml", NEWER)
    raw = path.read_bytes()
    digest = raw.split(b"# sha256: ")[1][:64]
    path.write_bytes(raw.replace(digest, b"0" * 64))
    err = refusal(store, path, dataset)
    assert err.kind == "damaged" and "does not match its sha256 seal" in err.detail


def test_a_file_edited_after_sealing_is_refused(store: DatasetStore, dataset, rules_text: str,
                                                tmp_path: Path) -> None:
    path = variant(rules_text, tmp_path / "edited.yaml", NEWER, seal_mode="stale")
    assert refusal(store, path, dataset).kind == "damaged"


def test_an_unsealed_file_is_refused(store: DatasetStore, dataset, rules_text: str, tmp_path: Path) -> None:
    path = variant(rules_text, tmp_path / "unsealed.yaml", NEWER, seal_mode="none")
    err = refusal(store, path, dataset)
    assert err.kind == "unsealed" and "seal-dataset" in err.detail


def test_a_schema_invalid_file_is_refused_with_the_loader_line(store: DatasetStore, dataset, rules_text: str,
                                                               tmp_path: Path) -> None:
    path = variant(rules_text, tmp_path / "invalid.yaml", [*NEWER, ("cor_line: 20", 'cor_line: "twenty"')])
    err = refusal(store, path, dataset)
    assert err.kind == "invalid"
    assert "jurisdictions[1].cor_line" in err.detail and err.detail.startswith(f"{path}:")


def test_a_missing_file_and_an_unrankable_version_are_refused(store: DatasetStore, dataset, rules_text: str,
                                                              tmp_path: Path) -> None:
    assert refusal(store, tmp_path / "nowhere.yaml", dataset).kind == "unreadable"
    path = variant(rules_text, tmp_path / "named.yaml", [(VERSION_LINE, 'version: "autumn"')])
    assert refusal(store, path, dataset).kind == "version"


def test_a_damaged_installed_file_is_skipped_with_its_reason(store: DatasetStore, dataset, rules_text: str,
                                                             tmp_path: Path) -> None:
    store.install(store.prepare_import(variant(rules_text, tmp_path / "a.yaml", NEWER), dataset))
    newest = variant(rules_text, tmp_path / "b.yaml", [(VERSION_LINE, 'version: "2027.1.0"')])
    store.install(store.prepare_import(newest, dataset))
    assert store.select().dataset.version == "2027.1.0"
    damaged = store.root / "rules-2027.1.0.yaml"
    damaged.write_bytes(damaged.read_bytes()[:5000])
    chosen = store.select()
    assert chosen.dataset.version == "2026.12.0" and chosen.installed
    assert len(chosen.skipped) == 1 and "rules-2027.1.0.yaml: sha256:" in chosen.skipped[0]


def test_installed_rules_older_than_the_bundled_ones_are_ignored(store: DatasetStore, rules_text: str) -> None:
    store.root.mkdir(parents=True)
    variant(rules_text, store.root / "rules-2026.10.0.yaml", [(VERSION_LINE, 'version: "2026.10.0"')])
    chosen = store.select()
    assert not chosen.installed and chosen.skipped == ()


def test_revert_removes_the_updates(store: DatasetStore, dataset, rules_text: str, tmp_path: Path) -> None:
    store.install(store.prepare_import(variant(rules_text, tmp_path / "a.yaml", NEWER), dataset))
    assert store.remove_installed() == 1
    assert store.installed() == [] and not store.select().installed


def test_a_tampered_bundled_dataset_stops_start_up(tmp_path: Path, rules_text: str) -> None:
    from advisor_gui.domain.loader import DatasetError

    bundled = variant(rules_text, tmp_path / "rules.yaml", [("cor_line: 20", "cor_line: 21")], seal_mode="stale")
    with pytest.raises(DatasetError, match="sha256"):
        DatasetStore(bundled, tmp_path / "i", tmp_path / "c").select()


def test_default_store_uses_the_user_data_folder() -> None:
    store = dataset_store()
    assert store.root == user_dirs().datasets and store.bundled == bundled_dataset()


def test_peek_and_order(rules_text: str, dataset) -> None:
    assert peek_version(rules_text.encode()) == dataset.version
    assert peek_version(b"title: x\n  version: 1.2\nversion: '2026.1.5'  # note\n") == "2026.1.5"
    assert order_key(dataset) == (version_key(dataset.version), dataset.effective)
    assert version_key("2026.11.0") == (2026, 11) < version_key("2026.11.1") < version_key("2026.12")


def test_staleness_is_twelve_months_after_the_review(dataset) -> None:
    reviewed = dataset.last_reviewed  # 2026-11-27
    assert not is_stale(dataset, reviewed)
    assert not is_stale(dataset, reviewed.replace(year=reviewed.year + 1))
    assert is_stale(dataset, reviewed.replace(year=reviewed.year + 1) + dt.timedelta(days=1))
    assert review_due(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)


def test_seal_of_the_variant_helper_matches(rules_text: str, tmp_path: Path) -> None:
    path = variant(rules_text, tmp_path / "x.yaml")
    assert path.read_bytes() == seal(rules_text.encode())
