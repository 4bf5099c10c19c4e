"""Scenarios side by side in the window and in print (issue 16): add, rename,
edit and delete from the Scenarios page, each an undo step that marks the
file modified; saved and reopened; used from the keyboard alone; printed; French."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from advisor_gui.domain import clientfile
from advisor_gui.domain.models import Answers
from advisor_gui.domain.register import Scenario
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow
from advisor_gui.ui.scenario_view import ChangedRole, RowKeyRole, ScenarioModel

from .conftest import shown_window

pytestmark = pytest.mark.gui

TODAY = Answers(province="AB", workers=6, sector="construction")


def make_window(qtbot: Any, tmp_path: Path, dataset: Any) -> MainWindow:
    win = shown_window(qtbot, tmp_path, dataset, TODAY)
    win.resize(1366, 768)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    win.finish_startup()
    return win


def edit_answers(qtbot: Any, win: MainWindow, change: dict[str, Any]) -> None:
    editor = win.scenarios.edit_current()
    assert editor is not None and editor.isVisible()
    for key, value in change.items():
        editor.scratch.set_answer(key, value)
    editor.accept()
    qtbot.waitUntil(lambda: not editor.isVisible())


def row_texts(model: ScenarioModel, key: str) -> list[str]:
    for r in range(model.rowCount()):
        if model.index(r, 0).data(RowKeyRole) == key:
            return [model.index(r, c).data() for c in range(model.columnCount())]
    raise KeyError(key)


def test_the_model_without_widgets(qapp, dataset) -> None:
    c = AdvisorController(dataset, TODAY)
    c.set_scenarios((Scenario(name="After hiring 6", answers=dataclasses.replace(TODAY, workers=12)),))
    model = ScenarioModel()
    model.set_comparison(c.scenario_comparison())
    assert model.columnCount() == 3
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in (1, 2)] == ["Today", "After hiring 6"]
    assert row_texts(model, "program")[1:] == ["SECOR", "COR (differs from Today)"]
    assert row_texts(model, "answer.workers")[1:] == ["6", "12 (differs from Today)"]
    r = next(r for r in range(model.rowCount()) if model.index(r, 0).data(RowKeyRole) == "program")
    assert model.index(r, 2).data(ChangedRole) and not model.index(r, 1).data(ChangedRole)
    assert model.index(r, 2).data(Qt.ItemDataRole.FontRole).bold()  # not by colour alone
    assert model.index(r, 2).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "After hiring 6 \u2014 Recommended program: COR (differs from Today)")
    reasons = row_texts(model, "reasons")
    assert reasons[2].startswith("\u2022 With 12 workers") and "[1]" in reasons[2]
    assert model.index(model.sources_row(), 0).data().startswith("1. On-Track")


def test_add_rename_edit_delete_undo_and_save(qtbot, tmp_path: Path, dataset) -> None:
    win = make_window(qtbot, tmp_path, dataset)
    doc = win.document
    assert not doc.modified
    win.show_scenarios()
    panel = win.scenarios
    assert panel.isVisible() and not panel.delete_button.isEnabled()
    assert "No scenarios yet" in panel.message.text()
    # add: a copy of today's answers, its name ready to type over
    panel.add_scenario()
    assert [s.name for s in win.controller.scenarios] == ["Scenario 1"]
    assert win.controller.scenarios[0].answers == win.controller.answers
    assert doc.modified and win.act_undo.text() == "&Undo Add Scenario"
    assert panel.current_scenario() == 0 and win.focusWidget() is panel.name_edit
    # rename: refused with a reason, then done
    panel.name_edit.setText("today")
    assert not panel.rename_current()
    assert "already taken" in panel.message.text() and win.controller.scenarios[0].name == "Scenario 1"
    panel.name_edit.setText("  After   hiring 6 ")
    assert panel.rename_current()
    assert win.controller.scenarios[0].name == "After hiring 6"
    assert win.act_undo.text() == "&Undo Rename Scenario"
    # edit its answers in the interview, in a dialog that names it; today's stay
    edit_answers(qtbot, win, {"workers": 12})
    assert win.controller.scenarios[0].answers.workers == 12 and win.controller.answers.workers == 6
    assert win.act_undo.text() == "&Undo Edit Scenario Answers"
    assert row_texts(panel.model, "program")[1:] == ["SECOR", "COR (differs from Today)"]
    # a second and a third
    panel.add_scenario()
    panel.name_edit.setText("Wins the Metrolinx tender")
    assert panel.rename_current()
    edit_answers(qtbot, win, {"prime_contractor": "requires_cor", "public_sector_bids": True})
    panel.add_scenario()
    assert [s.name for s in win.controller.scenarios] == ["After hiring 6", "Wins the Metrolinx tender",
                                                          "Scenario 1"]
    assert panel.model.columnCount() == 5  # the row names, Today and three scenarios
    # delete, then undo brings it back; undo again and again walks back
    panel.delete_current()
    assert len(win.controller.scenarios) == 2 and "Deleted “Scenario 1”" in panel.message.text()
    win.act_undo.trigger()
    assert [s.name for s in win.controller.scenarios][-1] == "Scenario 1"
    win.act_undo.trigger()  # the add
    assert len(win.controller.scenarios) == 2
    win.act_redo.trigger()
    win.act_undo.trigger()
    # save and reopen: format 2, the scenarios key
    path = tmp_path / "acme.coradvice"
    assert doc._write(path)
    assert not doc.modified
    saved = clientfile.read(path, dataset)
    assert [s.name for s in saved.scenarios] == ["After hiring 6", "Wins the Metrolinx tender"]
    assert saved.scenarios[0].answers.workers == 12
    assert saved.scenarios[1].answers.prime_contractor == "requires_cor"
    assert '"format_version": 2' in path.read_text(encoding="utf-8")
    assert doc.new_document()
    assert win.controller.scenarios == ()
    assert doc.open_path(path)
    assert win.controller.scenarios == saved.scenarios and not doc.modified
    assert win.act_undo.text() == "&Undo"  # a file opened starts a new history
    win.scenarios.refresh()
    assert [win.scenarios.model.headerData(i, Qt.Orientation.Horizontal) for i in (1, 2, 3)] == [
        "Today", "After hiring 6", "Wins the Metrolinx tender"]


def test_keyboard_only(qtbot, tmp_path: Path, dataset) -> None:
    win = make_window(qtbot, tmp_path, dataset)
    qtbot.keyClick(win, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    panel = win.scenarios
    assert win.provinces.tabs.currentWidget() is win.scenarios_page
    assert QApplication.focusWidget() is panel.table
    # back to the buttons: Shift+Tab from the table (delete, edit and the name are greyed out: skipped)
    qtbot.keyClick(panel.table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is panel.add_button
    qtbot.keyClick(panel.add_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is win.provinces.tabs.tabBar()  # the page's tab, then the page
    qtbot.keyClick(panel.add_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is panel.name_edit
    qtbot.keyClicks(panel.name_edit, "After hiring 6")
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)
    assert win.controller.scenarios[0].name == "After hiring 6"
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.edit_button
    qtbot.keyClick(panel.edit_button, Qt.Key.Key_Space)
    editor = panel._editor
    assert editor is not None and editor.isVisible()
    assert editor.heading.text() == "Answers of the scenario “After hiring 6”"
    spin = editor.interview.editor("workers")
    spin.setFocus()
    for _ in range(6):  # 6 -> 12, a step a press
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # the dialog's default button: OK
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert win.controller.scenarios[0].answers.workers == 12 and win.controller.answers.workers == 6
    # arrows move between the columns; the name field follows
    panel.table.setFocus()
    panel.select_column(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_Right)
    assert panel.current_scenario() == 0 and panel.name_edit.text() == "After hiring 6"
    # Escape cancels an edit: nothing changes
    qtbot.keyClick(panel.edit_button, Qt.Key.Key_Space)
    editor = panel._editor
    editor.scratch.set_answer("workers", 30)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert win.controller.scenarios[0].answers.workers == 12


def _pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_summary_prints_the_scenarios(qtbot, tmp_path: Path, dataset, lang: str) -> None:
    from advisor_gui.ui.printing import write_pdf

    win = make_window(qtbot, tmp_path, dataset)
    out = tmp_path / "none.pdf"
    write_pdf(win.printing.report(lang), out)
    assert "Scenarios side by side" not in _pdf_text(out) and "Scénarios côte à côte" not in _pdf_text(out)
    win.controller.set_scenarios((
        Scenario(name="After hiring 6", answers=dataclasses.replace(TODAY, workers=12)),
        Scenario(name="Wins the Metrolinx tender",
                 answers=dataclasses.replace(TODAY, prime_contractor="requires_cor", public_sector_bids=True))))
    report = win.printing.report(lang)
    assert report.scenarios is not None
    out = tmp_path / "summary.pdf"
    write_pdf(report, out)
    text = _pdf_text(out)
    section = text.split("Scenarios side by side" if lang == "en" else "Scénarios côte à côte", 1)[1]
    assert "After hiring 6" in section and "Wins the Metrolinx" in section
    if lang == "en":
        assert "12 (differs from Today)" in section
        assert "SECOR: not eligible: over 10 workers" in section
        assert "Recommended program" in section
    else:
        assert "12 (diffère de « Aujourd'hui »)" in section
        assert "SECOR : non" in section and "admissible : plus de 10" in section  # (a narrow column wraps)
    assert "Sources" in section  # the citations, numbered into the summary's list
    numbers = {s.number for s in report.scenarios.sources}
    printed = section.split("Sources", 1)[1]
    for n in numbers:
        assert f"{n}. " in printed


def test_the_cli_report_prints_a_client_files_scenarios(qapp, tmp_path: Path, dataset) -> None:
    from advisor_gui import cli
    from advisor_gui.domain.engine import evaluate

    cf = clientfile.new_client_file(TODAY, evaluate(dataset, TODAY), client="Acme", scenarios=(
        Scenario(name="After hiring 6", answers=dataclasses.replace(TODAY, workers=12)),))
    path = tmp_path / "acme.coradvice"
    path.write_text(clientfile.dumps(cf), encoding="utf-8")
    out = tmp_path / "acme.pdf"
    assert cli.main(["report", "--answers", str(path), "--output", str(out)]) == 0
    if shutil.which("pdftotext"):
        assert "12 (differs from Today)" in _pdf_text(out)


def test_french_window(qtbot, tmp_path: Path, dataset) -> None:
    from advisor_gui.ui import i18n

    win = make_window(qtbot, tmp_path, dataset)
    win.controller.set_scenarios((Scenario(name="Après 6 embauches", answers=dataclasses.replace(TODAY, workers=12)),))
    win.show_scenarios()
    i18n.apply("fr")
    try:
        _check_french(win)
    finally:
        i18n.apply("en")  # tests without a window come after: they expect English


def _check_french(win: MainWindow) -> None:
    win.controller.set_language("fr")
    QApplication.processEvents()
    tabs = win.provinces.tabs
    assert tabs.tabText(tabs.indexOf(win.scenarios_page)) == "Scénarios"
    assert win.act_scenarios.text() == "&Scénarios"
    panel = win.scenarios
    assert panel.add_button.text() == "Ajouter un scénario"
    assert panel.edit_button.text() == "Modifier les réponses…"
    assert panel.model.headerData(1, Qt.Orientation.Horizontal) == "Aujourd'hui"
    assert row_texts(panel.model, "program")[2] == "COR (diffère de «\u00a0Aujourd'hui\u00a0»)"
    panel.name_edit.setFocus()
    panel.select_column(1)
    panel.name_edit.setText("aujourd'hui")
    assert not panel.rename_current() and "déjà pris" in panel.message.text()
    panel.delete_current()
    assert win.act_undo.text() == "&Annuler\u00a0: Suppression d'un scénario"
