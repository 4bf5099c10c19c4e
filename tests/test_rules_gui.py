"""Keeping the rules current, driven through the real window: import with a
change summary, refusals, revert, the stale banner, About the Rules."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from advisor_gui.domain.models import Answers
from advisor_gui.paths import dataset_store
from advisor_gui.settings import Settings
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow
from advisor_gui.ui.province_model import COL_CODE, COL_LIMIT

from .conftest import shown_window
from .dataset_variants import BUNDLED_VERSION, NEWER, VERSION_LINE, variant

pytestmark = pytest.mark.gui


@pytest.fixture()
def window(qtbot, tmp_path: Path, dataset) -> MainWindow:
    return shown_window(qtbot, tmp_path, dataset, Answers(province="AB", workers=10, sector="transportation"))


def import_and_wait(qtbot, ru, path: Path) -> None:
    """File ▸ Import Rules on ``path``; the check runs in a worker thread."""
    with qtbot.waitSignal(ru.importFinished, timeout=30000):
        ru.import_rules(path)
    assert ru.progress is None


def status(win: MainWindow) -> str:
    return win.statusBar().findChild(QLabel, "datasetStatus").text()


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
    import_and_wait(qtbot, ru, variant(rules_text, tmp_path / "from-office.yaml", NEWER))
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
    assert window.provinces.model.index(row, COL_LIMIT).data() == "Up to 9"  # the table shows the new rules
    assert window.interview.editor("workers").value() == 10  # rebuilt interview shows the answers
    assert dataset_store().select().dataset.version == "2026.12.0"  # and the next start uses it


def test_cancelling_the_review_installs_nothing(qtbot, window: MainWindow, rules_text: str, tmp_path: Path) -> None:
    ru = window.rules_updates
    import_and_wait(qtbot, ru, variant(rules_text, tmp_path / "n.yaml", NEWER))
    ru.dialog.reject()
    assert window.controller.dataset.version == BUNDLED_VERSION
    assert dataset_store().installed() == []


@pytest.mark.parametrize(("edits", "mode", "cut", "headline"), [
    ([(VERSION_LINE, 'version: "2026.10.0"')], "seal", False, "older than the rules in use"),
    (NEWER, "seal", True, "damaged or was changed"),
    (NEWER, "stale", False, "damaged or was changed"),
    ([*NEWER, ("cor_line: 20", 'cor_line: "twenty"')], "seal", False, "not a valid rules dataset"),
    (NEWER, "none", False, "not sealed"),
], ids=["older", "truncated", "bad-hash", "schema-invalid", "unsealed"])
def test_bad_files_are_refused_with_the_reason(qtbot, window: MainWindow, rules_text: str, tmp_path: Path,
                                               edits, mode, cut: bool, headline: str) -> None:
    path = variant(rules_text, tmp_path / "f.yaml", edits, seal_mode=mode)
    if cut:
        path.write_bytes(path.read_bytes()[:9000])
    ru = window.rules_updates
    import_and_wait(qtbot, ru, path)
    box = ru.message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert headline in box.text()
    assert str(path) in box.informativeText() and f"({BUNDLED_VERSION}) are unchanged" in box.informativeText()
    assert ru.dialog is None, "no change summary for a refused file"
    box.accept()
    assert window.controller.dataset.version == BUNDLED_VERSION and f"Rules {BUNDLED_VERSION}" in status(window)
    assert dataset_store().installed() == []


def test_revert_goes_back_to_the_bundled_rules(qtbot, window: MainWindow, rules_text: str, tmp_path: Path) -> None:
    ru = window.rules_updates
    import_and_wait(qtbot, ru, variant(rules_text, tmp_path / "n.yaml", NEWER))
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
    assert dataset_store().installed() == []
    window.file_menu.aboutToShow.emit()
    assert not action(window, "actionRevertRules").isEnabled()


def test_stale_banner_for_an_old_review_not_for_a_fresh_one(qtbot, tmp_path: Path, dataset) -> None:
    window = MainWindow(AdvisorController(dataset), Settings(str(tmp_path / "s.ini")),
                        today=lambda: dataset.last_reviewed + dt.timedelta(days=30))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    banner = window.rules_updates.banner
    window.controller.set_dataset(dataclasses.replace(dataset, last_reviewed=dataset.last_reviewed))
    assert not banner.isVisible()
    old = dataclasses.replace(dataset, last_reviewed=dt.date(2025, 9, 1))
    window.controller.set_dataset(old)
    assert banner.isVisible()
    assert "last reviewed on September 1, 2025, more than a year ago" in banner.text.text()
    assert banner.geometry().bottom() < window.provinces.mapTo(window, window.provinces.rect().topLeft()).y()
    banner.link.click()
    about = window.rules_updates.dialog
    assert about is not None and about.objectName() == "aboutRulesDialog"
    assert "Due for review" in about.summary.toPlainText()
    window.controller.set_dataset(dataset)
    assert not banner.isVisible()


def test_stale_banner_shows_at_start_up(qtbot, tmp_path: Path, dataset) -> None:
    win = MainWindow(AdvisorController(dataset), Settings(str(tmp_path / "s.ini")), today=lambda: dt.date(2031, 1, 1))
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


def test_about_shows_the_changes_of_an_installed_update(qtbot, window: MainWindow, rules_text: str,
                                                        tmp_path: Path) -> None:
    ru = window.rules_updates
    import_and_wait(qtbot, ru, variant(rules_text, tmp_path / "n.yaml", NEWER))
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

    store = dataset_store()
    target = store.install(store.prepare_import(variant(rules_text, tmp_path / "n.yaml", NEWER), dataset))
    assert load_dataset_or_explain().dataset.version == "2026.12.0"
    target.write_bytes(target.read_bytes()[:4000])  # damaged on disk since
    selection = load_dataset_or_explain()
    assert selection.dataset.version == BUNDLED_VERSION and not selection.installed
    explain_skipped(window, selection.skipped)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert "could not be used" in box.text() and "rules-2026.12.0.yaml: sha256:" in box.detailedText()
    box.accept()


def test_import_of_an_impossible_date_shows_the_refusal(qtbot, window: MainWindow, rules_text: str,
                                                        tmp_path: Path) -> None:
    """It used to show nothing (a ValueError escaped the import)."""
    path = variant(rules_text, tmp_path / "bad-date.yaml",
                   [*NEWER[:1], ("effective: 2026-05-13", "effective: 2026-02-30")])
    ru = window.rules_updates
    import_and_wait(qtbot, ru, path)
    box = ru.message
    assert isinstance(box, QMessageBox) and box.isVisible() and ru.dialog is None
    assert "not a valid rules dataset" in box.text()
    assert f"{path}:17: effective: " in box.informativeText() and "2026-02-30" in box.informativeText()
    box.accept()
    assert window.controller.dataset.version == BUNDLED_VERSION and dataset_store().installed() == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_import_of_a_symlink_to_a_fifo_never_blocks_the_window(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """It used to freeze the window for good. Now the check runs off the GUI
    thread and the shared reader refuses a FIFO before opening it; the event
    loop keeps turning throughout and the user is told why."""
    fifo = tmp_path / "rules-fifo"
    os.mkfifo(fifo)
    link = tmp_path / "rules.yaml"
    link.symlink_to(fifo)
    ticks: list[int] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(0)
    ru = window.rules_updates
    ru.import_rules(link)  # returns at once: nothing is read on the GUI thread
    assert ru.progress is not None and ru.progress.isVisible()
    qtbot.waitUntil(lambda: ru.message is not None and ru.message.isVisible(), timeout=30000)
    timer.stop()
    assert ticks, "the event loop kept running while the file was checked"
    assert "could not be read" in ru.message.text() and "pipe" in ru.message.informativeText()
    assert ru.progress is None and ru.dialog is None
    ru.message.accept()


def test_cancel_drops_the_check_and_installs_nothing(qtbot, window: MainWindow, rules_text: str,
                                                     tmp_path: Path) -> None:
    ru = window.rules_updates
    with qtbot.waitSignal(ru.importFinished, timeout=30000):
        ru.import_rules(variant(rules_text, tmp_path / "n.yaml", NEWER))
        assert ru.progress is not None
        ru.progress.findChild(QPushButton).click()  # Cancel, before the worker's answer is delivered
    assert ru.progress is None and ru.dialog is None and ru.message is None
    assert "Import cancelled" in window.statusBar().currentMessage()
    QThreadPool.globalInstance().waitForDone(30000)
    QApplication.processEvents()  # the worker's late answer arrives and is dropped
    assert ru.dialog is None and ru.message is None
    assert window.controller.dataset.version == BUNDLED_VERSION and dataset_store().installed() == []
