"""The prime-contractor register in the window (issue 16): the model without
widgets, the derived answer in the interview and on the card, stale
confirmations, and the register saved in the client file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from advisor_gui.domain import clientfile
from advisor_gui.domain.models import Answers
from advisor_gui.settings import Settings
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow
from advisor_gui.ui.register_table import COL_ACCEPTS, COL_BY, COL_NAME, COL_ON, COL_PLATFORM, RegisterModel

TODAY = dt.date(2026, 11, 30)


def controller(dataset) -> AdvisorController:
    return AdvisorController(dataset, Answers(province="ON", workers=8), today=lambda: TODAY)


def fill(model: RegisterModel, rows: list[tuple[str, str, str, str, str]]) -> None:
    for name, platform, accepts, by, on in rows:
        r = model.add(name)
        for col, value in ((COL_PLATFORM, platform), (COL_ACCEPTS, accepts), (COL_BY, by), (COL_ON, on)):
            assert model.setData(model.index(r, col), value), (name, col, value)


THREE = [("PCL", "ISN", "accepts_small", "email", "2026-09-01"),
         ("Metrolinx", "none", "cor_only", "contract_clause", "2026-10-15"),
         ("EllisDon", "Avetta", "accepts_small", "phone", "2025-06-01")]


def test_the_model_edits_the_controllers_register(qapp, dataset) -> None:
    c = controller(dataset)
    model = RegisterModel(c)
    fill(model, THREE)
    assert [e.name for e in c.register] == ["PCL", "Metrolinx", "EllisDon"]
    assert c.derived is not None and c.derived.prime_contractor == "requires_cor"
    assert c.derived.driving == ("Metrolinx",)
    assert c.effective_answers.prime_contractor == "requires_cor"
    assert set(c.effective_answers.prequal_platforms) == {"ISN", "Avetta"}
    assert c.answers.prime_contractor == "none"  # the answer as given stays
    # the card's cautions name the prime that drives the answer, and the stale confirmation
    texts = [x.text for x in c.recommendation.cautions]
    assert any("Metrolinx" in t and "COR required" in t for t in texts)
    assert any(t.startswith("EllisDon: confirmed on 1 June 2025") for t in texts)
    # bad values are refused, the register unchanged
    assert not model.setData(model.index(0, COL_ON), "2026-13-01")
    assert not model.setData(model.index(0, COL_ACCEPTS), "maybe")
    assert not model.setData(model.index(0, COL_NAME), "  ")
    assert model.index(0, COL_ACCEPTS).data() == "Accepts SECOR / Small COR"
    assert model.index(0, COL_ON).data() == "1 September 2026"
    model.remove(1)
    assert c.derived.prime_contractor == "accepts_secor"
    model.remove(0)
    model.remove(0)
    assert c.derived is None and c.effective_answers.prime_contractor == "none"


@pytest.mark.gui
def test_the_interview_and_card_show_the_derived_answer(qtbot: Any, tmp_path: Path, dataset) -> None:
    c = controller(dataset)
    win = MainWindow(c, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    fill(win.register.model, THREE)
    c.flush()
    editor = win.interview.editor("prime_contractor")
    assert not editor.isEnabled() and editor.currentData() == "requires_cor"
    note = win.interview.question_box("prime_contractor").findChild(QLabel, "derivedNote")
    assert note.text() == "Derived from the register: COR required (Metrolinx)."
    assert "Derived from the register" in win.register.derived.text()
    assert "Metrolinx" in win.card.toPlainText()
    assert c.recommendation.program == "COR"
    # an unrelated answer keeps the derived one on screen
    c.set_answer("workers", 9)
    assert editor.currentData() == "requires_cor"
    for _ in range(3):
        win.register.model.remove(0)
    assert editor.isEnabled() and editor.currentData() == "none" and not note.isVisibleTo(win)


@pytest.mark.gui
def test_the_register_is_saved_in_the_client_file(qtbot: Any, tmp_path: Path, dataset) -> None:
    c = controller(dataset)
    win = MainWindow(c, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    fill(win.register.model, THREE[:2])
    assert win.document.modified
    path = tmp_path / "acme.coradvice"
    assert win.document._write(path)
    cf = clientfile.read(path, dataset)
    assert [e.name for e in cf.register] == ["PCL", "Metrolinx"]
    assert cf.answers.prime_contractor == "none"
    assert not win.document.modified
    win.document.new_document()
    assert c.register == ()
    assert win.document.open_path(path)
    assert [e.name for e in c.register] == ["PCL", "Metrolinx"] and not win.document.modified


@pytest.mark.gui
@pytest.mark.parametrize("window_lang", ["en", "fr"])
def test_the_summary_uses_the_register_in_every_language(qtbot: Any, tmp_path: Path, dataset,
                                                         window_lang: str) -> None:
    """File ▸ Summary Language may differ from the window's: the summary still
    sees the register's derived answer (a COR-only prime: COR) and its caution."""
    from advisor_gui.domain.report import render_html

    c = AdvisorController(dataset, Answers(province="AB", workers=6, sector="construction"),
                          today=lambda: TODAY, lang=window_lang)
    win = MainWindow(c, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    assert c.recommendation.program == "SECOR"  # without the register
    fill(win.register.model, [("Metrolinx", "none", "cor_only", "contract_clause", "2026-10-15")])
    assert c.recommendation.program == "COR"
    driving = {"en": "Prime contractors (from the register): COR required, because of Metrolinx.",
               "fr": "Entrepreneurs principaux (selon le registre)\u00a0: COR exigé, en raison de Metrolinx."}
    answer = {"en": "At least one requires COR", "fr": "Au moins un exige le COR"}
    for lang in ("en", "fr"):
        report = win.printing.report(lang)
        assert report.lang == lang
        assert report.view.program == "COR", lang
        assert "cor.prime_requires_cor" in [r.rule for r in report.view.reasons], lang
        assert driving[lang] in [x.text for x in report.view.cautions], lang
        assert answer[lang] in [a.answer for a in report.view.answers], lang
        html = render_html(report)
        assert "Metrolinx" in html
    # the window's menu choice leads to the same summary
    other = "fr" if window_lang == "en" else "en"
    win.summary_language_actions[other].trigger()
    assert win.printing.report().view.program == "COR"
    assert driving[other] in [x.text for x in win.printing.report().view.cautions]


@pytest.mark.gui
def test_register_changes_are_undo_steps(qtbot: Any, tmp_path: Path, dataset) -> None:
    """Adding (with the name typed next), editing and removing a prime are each
    one Edit ▸ Undo step, named for what they did, redoable, marking the file
    modified; undoing back to the saved register leaves it unmodified."""
    c = controller(dataset)
    win = MainWindow(c, Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    doc, panel, model = win.document, win.register, win.register.model
    assert not doc.modified and win.act_undo.text() == "&Undo" and not win.act_undo.isEnabled()
    # Add, then the name typed into the new row: one step
    panel.add_entry()
    assert win.act_undo.text() == "&Undo Add Prime Contractor" and doc.modified
    assert model.setData(model.index(0, COL_NAME), "Metrolinx")
    assert win.act_undo.text() == "&Undo Add Prime Contractor"
    assert win.history.stack.count() == 1
    from advisor_gui.ui import i18n

    i18n.apply("fr")
    try:
        assert win.history.action_texts()[0] == "&Annuler\u00a0: Ajout d'un entrepreneur principal"
    finally:
        i18n.apply("en")
    # an edit of what it accepts is a step of its own
    assert model.setData(model.index(0, COL_ACCEPTS), "cor_only")
    assert win.act_undo.text() == "&Undo Edit Prime Contractor"
    assert c.effective_answers.prime_contractor == "requires_cor"
    win.act_undo.trigger()
    assert c.register[0].accepts == "unknown" and c.effective_answers.prime_contractor == "unknown"
    assert model.index(0, COL_ACCEPTS).data() == "Unknown"
    assert win.act_redo.text() == "&Redo Edit Prime Contractor"
    win.act_redo.trigger()
    assert c.register[0].accepts == "cor_only" and c.recommendation.program == "COR"
    # a later rename is an edit, not part of the add
    assert model.setData(model.index(0, COL_NAME), "Metrolinx Corp.")
    assert win.act_undo.text() == "&Undo Edit Prime Contractor" and win.history.stack.count() == 3
    win.act_undo.trigger()
    assert c.register[0].name == "Metrolinx"
    # save: unmodified; remove: modified, "Remove"; undo: back to the saved register, unmodified
    assert doc._write(tmp_path / "acme.coradvice") and not doc.modified
    panel.table.setCurrentIndex(model.index(0, COL_NAME))
    panel.remove_current()
    assert c.register == () and doc.modified and win.act_undo.text() == "&Undo Remove Prime Contractor"
    assert c.effective_answers.prime_contractor == "none"
    win.act_undo.trigger()
    assert [e.name for e in c.register] == ["Metrolinx"] and model.rowCount() == 1 and not doc.modified
    assert c.recommendation.program == "COR"
    # undo all the way: the register is empty again, the add undone as one step
    win.act_undo.trigger()  # the accepts edit
    win.act_undo.trigger()  # the add and its name
    assert c.register == () and model.rowCount() == 0 and not win.act_undo.isEnabled()
    win.act_redo.trigger()
    assert [e.name for e in c.register] == ["Metrolinx"] and c.register[0].accepts == "unknown"
    # answers and register changes share one history
    c.set_answer("workers", 12)
    assert win.act_undo.text() == "&Undo Change Workers"
    win.act_undo.trigger()
    assert c.answers.workers == 8 and [e.name for e in c.register] == ["Metrolinx"]
    # a new client file starts a new history
    assert doc.modified and doc._write(tmp_path / "acme.coradvice")
    assert doc.new_document()
    assert c.register == () and win.act_undo.text() == "&Undo"


def test_file_text_in_tooltips_is_plain(qapp, dataset) -> None:
    """A prime's name or note, a scenario's name: shown literally in tooltips, never as markup."""
    import dataclasses

    from PySide6.QtCore import Qt

    from advisor_gui.domain.register import RegisterEntry, Scenario
    from advisor_gui.ui.plaintext import tooltip
    from advisor_gui.ui.scenario_view import ScenarioModel

    c = controller(dataset)
    c.set_register((RegisterEntry(name="<b>PCL</b>", platform="none", accepts="cor_only", confirmed_by="none",
                                  confirmed_on=None, note="<img src='x'> & more"),))
    model = RegisterModel(c)
    assert model.index(0, COL_NAME).data(Qt.ItemDataRole.ToolTipRole) == tooltip("<b>PCL</b>")
    assert "&lt;img" in model.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)
    c.set_scenarios((Scenario(name="<i>Later</i>", answers=dataclasses.replace(c.answers, workers=20)),))
    scenarios = ScenarioModel()
    scenarios.set_comparison(c.scenario_comparison())
    assert scenarios.headerData(2, Qt.Orientation.Horizontal) == "<i>Later</i>"
    assert scenarios.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == tooltip("<i>Later</i>")


def test_view_prime_contractors_opens_the_primes_page_with_its_table_focused(qtbot, dataset, tmp_path) -> None:
    from advisor_gui.settings import Settings
    from advisor_gui.ui.controller import AdvisorController
    from advisor_gui.ui.main_window import MainWindow

    win = MainWindow(AdvisorController(dataset), Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    assert win.act_primes.shortcut().toString() == "Ctrl+6"
    win.apply_default_sizes()
    QApplication.processEvents()
    before = win.right.sizes()
    win.act_primes.trigger()
    assert win.provinces.tabs.currentWidget() is win.register_page
    assert win.provinces.title.text() == "Prime contractors and project owners"
    qtbot.waitUntil(lambda: win.register.table.hasFocus())
    sizes = win.right.sizes()
    assert sizes[0] >= before[0] and sizes[0] >= sum(sizes) * 3 // 5 - 1  # most of the column
