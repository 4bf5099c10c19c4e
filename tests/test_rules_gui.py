"""Keeping the rules current, driven through the real window: import with a
change summary, refusals, revert, the stale banner, About the Rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from advisor_gui.domain.dataset_store import DatasetStore
from advisor_gui.domain.models import Answers
from advisor_gui.settings import Settings
from advisor_gui.ui import rules_updates
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow
from advisor_gui.ui.province_model import COL_CODE

from .conftest import shown_window
from .dataset_variants import BUNDLED_VERSION, NEWER, VERSION_LINE, variant

pytestmark = pytest.mark.gui


@pytest.fixture()
def window(qtbot, tmp_path: Path, dataset) -> MainWindow:
    return shown_window(qtbot, tmp_path, dataset, Answers(province="AB", workers=10, sector="transportation"))


def status(win: MainWindow) -> str:
    return win._status.text()


def action(win: MainWindow, name: str):
    found = [a for a in win.findChildren(type(win.file_menu.menuAction())) if a.objectName() == name]
    assert len(found) == 1, name
    return found[0]


def test_menus_offer_import_revert_and_about(window: MainWindow) -> None:
    file_actions = [a.objectName() for a in window.file_menu.actions()]
    assert file_actions.index("actionImportRules") < file_actions.index("actionRevertRules")
    assert window.file_menu.actions()[-1].text() == window.tr("&Quit")
    help_names = [a.objectName() for a in window.help_menu.actions()]
    assert "actionAboutRules" in help_names
    window.file_menu.aboutToShow.emit()
    assert not action(window, "actionRevertRules").isEnabled()  # nothing installed yet


def test_import_shows_the_changes_then_switches_live(qtbot, window: MainWindow, rules_text: str,
                                                     tmp_path: Path) -> None:
    ru = window.rules_updates
    assert f"Rules {BUNDLED_VERSION}" in status(window)
    assert "SECOR" in window.controller.recommendation.eligible
    ru.import_rules(variant(rules_text, tmp_path / "from-office.yaml", NEWER))
    dialog = ru.dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.view.toPlainText()
    assert "Alberta" in text and "small-program worker limit: 10 \u2192 9" in text
    assert "3 changes" in dialog.summary.text() and "AB" in dialog.summary.text()
    assert f"Rules {BUNDLED_VERSION}" in status(window), "nothing changes before the user confirms"
    dialog.confirm.click()
    assert "Rules 2026.12.0" in status(window)
    assert window.controller.dataset.version == "2026.12.0"
    assert window.controller.answers.sector == "transportation"  # answers carry over
    assert "SECOR" not in window.controller.recommendation.eligible  # AB limit now 9: 10 workers outgrew it
    assert "up to 9" in window.card.toPlainText()
    row = window.provinces.model.row_of("AB")
    assert window.provinces.model.index(row, COL_CODE).data() == "AB"
    assert window.provinces.model._ds.version == "2026.12.0"
    assert window.interview.editor("workers").value() == 10  # rebuilt interview shows the answers
    assert DatasetStore.default().select().dataset.version == "2026.12.0"  # and the next start uses it


def test_cancelling_the_review_installs_nothing(window: MainWindow, rules_text: str, tmp_path: Path) -> None:
    ru = window.rules_updates
    ru.import_rules(variant(rules_text, tmp_path / "n.yaml", NEWER))
    ru.dialog.reject()
    assert window.controller.dataset.version == BUNDLED_VERSION
    assert DatasetStore.default().installed() == []


@pytest.mark.parametrize(("edits", "mode", "cut", "headline"), [
    ([(VERSION_LINE, 'version: "2026.10.0"')], "seal", False, "older than the rules in use"),
    (NEWER, "seal", True, "damaged or was changed"),
    (NEWER, "stale", False, "damaged or was changed"),
    ([*NEWER, ("cor_line: 20", 'cor_line: "twenty"')], "seal", False, "not a valid rules dataset"),
    (NEWER, "none", False, "not sealed"),
], ids=["older", "truncated", "bad-hash", "schema-invalid", "unsealed"])
def test_bad_files_are_refused_with_the_reason(window: MainWindow, rules_text: str, tmp_path: Path,
                                               edits, mode, cut: bool, headline: str) -> None:
    path = variant(rules_text, tmp_path / "f.yaml", edits, seal_mode=mode)
    if cut:
        path.write_bytes(path.read_bytes()[:9000])
    ru = window.rules_updates
    ru.import_rules(path)
    box = ru.message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert headline in box.text()
    assert str(path) in box.informativeText() and f"({BUNDLED_VERSION}) are unchanged" in box.informativeText()
    assert ru.dialog is None, "no change summary for a refused file"
    box.accept()
    assert window.controller.dataset.version == BUNDLED_VERSION and f"Rules {BUNDLED_VERSION}" in status(window)
    assert DatasetStore.default().installed() == []


def test_revert_goes_back_to_the_bundled_rules(window: MainWindow, rules_text: str, tmp_path: Path) -> None:
    ru = window.rules_updates
    ru.import_rules(variant(rules_text, tmp_path / "n.yaml", NEWER))
    ru.dialog.confirm.click()
    window.file_menu.aboutToShow.emit()
    assert action(window, "actionRevertRules").isEnabled()
    action(window, "actionRevertRules").trigger()
    dialog = ru.dialog
    headline = dialog.findChild(type(dialog.summary), "reviewHeadline").text()
    assert f"Go back to the bundled rules {BUNDLED_VERSION}" in headline
    assert "9 \u2192 10" in dialog.view.toPlainText()
    dialog.confirm.click()
    assert window.controller.dataset.version == BUNDLED_VERSION and f"Rules {BUNDLED_VERSION}" in status(window)
    assert "SECOR" in window.controller.recommendation.eligible
    assert DatasetStore.default().installed() == []
    window.file_menu.aboutToShow.emit()
    assert not action(window, "actionRevertRules").isEnabled()


def test_stale_banner_for_an_old_review_not_for_a_fresh_one(qtbot, window: MainWindow, dataset,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    banner = window.rules_updates.banner
    monkeypatch.setattr(rules_updates, "today", lambda: dataset.last_reviewed + dt.timedelta(days=30))
    window.controller.set_dataset(dataclasses.replace(dataset, last_reviewed=dataset.last_reviewed))
    assert not banner.isVisible()
    old = dataclasses.replace(dataset, last_reviewed=dt.date(2025, 9, 1))
    window.controller.set_dataset(old)
    assert banner.isVisible()
    assert "last reviewed on 2025-09-01, more than a year ago" in banner.text.text()
    assert banner.geometry().bottom() < window.provinces.mapTo(window, window.provinces.rect().topLeft()).y()
    banner.link.click()
    about = window.rules_updates.dialog
    assert about is not None and about.objectName() == "aboutRulesDialog"
    assert "Due for review" in about.summary.toPlainText()
    window.controller.set_dataset(dataset)
    assert not banner.isVisible()


def test_stale_banner_shows_at_start_up(qtbot, tmp_path: Path, dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules_updates, "today", lambda: dt.date(2031, 1, 1))
    win = MainWindow(AdvisorController(dataset), Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    banner = win.rules_updates.banner
    assert banner.isVisible()
    win.provinces.tabs.setCurrentIndex(1)  # the table page is built when first opened
    chain, widget = [], win.nextInFocusChain()
    while widget is not win and len(chain) < 1000:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    # the first focus and the first Tab stay with the interview; the banner's link comes after the panes
    assert chain.index(win.interview.editor("province")) < chain.index(win.provinces.map) \
        < chain.index(win.provinces.filter) < chain.index(win.provinces.table) \
        < chain.index(win.comparison.table) < chain.index(banner.link)


def test_about_the_rules_lists_dates_sources_and_changelog(window: MainWindow, dataset) -> None:
    action(window, "actionAboutRules").trigger()
    about = window.rules_updates.dialog
    summary = about.summary.toPlainText()
    for fact in (dataset.version, dataset.effective.isoformat(), dataset.last_reviewed.isoformat()):
        assert fact in summary
    assert "came with the advisor" in summary
    sources = about.sources.toPlainText()
    assert all(s.url in sources for s in dataset.sources if s.url)
    assert "<a " not in about.sources.toHtml(), "addresses are text, nothing to open"
    assert about.tabs.tabText(1).replace("&", "") == f"Sources ({len(dataset.sources)})"
    changelog = about.changelog.toPlainText()
    assert BUNDLED_VERSION in changelog and "Impacted jurisdictions:" in changelog
    assert "## " not in changelog, "the changelog is rendered, not shown as Markdown source"


def test_about_shows_the_changes_of_an_installed_update(window: MainWindow, rules_text: str,
                                                        tmp_path: Path) -> None:
    ru = window.rules_updates
    ru.import_rules(variant(rules_text, tmp_path / "n.yaml", NEWER))
    ru.dialog.confirm.click()
    ru.show_about_rules()
    text = ru.dialog.summary.toPlainText()
    assert "An installed update" in text and "rules-2026.12.0.yaml" in text
    assert "Changes from the bundled rules" in text and "10 \u2192 9" in text


def test_set_dataset_resets_an_unknown_sector(dataset) -> None:
    controller = AdvisorController(dataset, Answers(province="AB", workers=5, sector="forestry"))
    fewer = dataclasses.replace(dataset, sectors=tuple(s for s in dataset.sectors if s.id != "forestry"))
    seen: list[str] = []
    controller.datasetChanged.connect(lambda _d: seen.append("dataset"))
    controller.answersChanged.connect(lambda _a: seen.append("answers"))
    controller.recommendationChanged.connect(lambda _r: seen.append("recommendation"))
    controller.set_dataset(fewer)
    assert controller.answers.sector == "other" and controller.dataset is fewer
    assert seen == ["dataset", "answers", "recommendation"]


def test_start_up_passes_over_a_damaged_update_and_says_so(qtbot, window: MainWindow, dataset, rules_text: str,
                                                           tmp_path: Path) -> None:
    from advisor_gui.ui.app_main import explain_skipped, load_dataset_or_explain

    store = DatasetStore.default()
    target = store.install(store.prepare_import(variant(rules_text, tmp_path / "n.yaml", NEWER), dataset))
    assert load_dataset_or_explain().dataset.version == "2026.12.0"
    target.write_bytes(target.read_bytes()[:4000])  # damaged on disk since
    selection = load_dataset_or_explain()
    assert selection.dataset.version == BUNDLED_VERSION and not selection.installed
    explain_skipped(window, selection.skipped)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert "could not be used" in box.text() and "rules-2026.12.0.yaml: sha256:" in box.detailedText()
    box.accept()
