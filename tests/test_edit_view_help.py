"""Edit ▸ Undo / Redo / Copy Recommendation, File ▸ Close, View ▸ Text Size,
Help ▸ User Guide and Keyboard Shortcuts: what each does, in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QSpinBox

from advisor_gui import settings as opt
from advisor_gui.domain.models import Answers
from advisor_gui.domain.presentation import render_html, render_text
from advisor_gui.settings import Settings
from advisor_gui.ui import i18n, text_size
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.document import DocumentController
from advisor_gui.ui.main_window import MainWindow
from advisor_gui.ui.plaintext import without_mnemonic

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _text_at_system_size() -> Iterator[None]:
    yield
    text_size.apply(text_size.DEFAULT)  # the next test's window starts as the system has it


@pytest.fixture()
def clipboard(qapp: QApplication) -> Iterator[Any]:
    """The clipboard, emptied after the test: the offscreen platform's in-process
    clipboard outlives Python and would delete a Python-made QMimeData at exit
    (a crash after the suite has passed; real platforms hand it over at quit)."""
    yield QApplication.clipboard()
    QApplication.clipboard().clear()


def make(qtbot: Any, tmp_path: Path, dataset: Any, *, size: int | None = None) -> MainWindow:
    settings = Settings(str(tmp_path / "settings.ini"))
    if size is not None:
        settings.set(opt.TEXT_SIZE, size)
    win = MainWindow(AdvisorController(dataset, Answers(province="AB", workers=5)), settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.started)
    return win


@pytest.fixture()
def window(qtbot: Any, tmp_path: Path, dataset: Any) -> MainWindow:
    return make(qtbot, tmp_path, dataset)


def to_french(qtbot: Any, win: MainWindow) -> None:
    win.controller.set_language(i18n.apply("fr"))
    qtbot.waitUntil(lambda: win.file_menu.title() == "&Fichier")


# --- Copy Recommendation ---------------------------------------------------------------
def test_copy_recommendation_puts_text_and_html_with_sources_on_the_clipboard(qtbot: Any, window: MainWindow,
                                                                             clipboard: Any) -> None:
    window.controller.set_answer("workers", 40)
    window.act_copy_recommendation.trigger()
    data = clipboard.mimeData()
    view = window.controller.presentation
    assert data.hasText() and data.hasHtml()
    assert data.text() == render_text(view, rule_ids=False)
    assert data.html() == render_html(view)
    text = data.text()
    assert text.startswith("Recommendation for Alberta") and "COR" in text and "[1]" in text
    assert "Sources" in text and view.sources[0].text in text
    assert "(cor." not in text, "rule ids are for the command line, not an email"
    html = data.html()
    assert "<sup>" in html and "<ol>" in html and "<script" not in html
    assert html.count("font-size:small") >= len(view.sources)

    to_french(qtbot, window)
    window.act_copy_recommendation.trigger()
    french = clipboard.mimeData()
    assert french.text().startswith("Recommandation\u00a0: Alberta") and 'lang="fr"' in french.html()


def test_text_and_html_say_the_same_things(window: MainWindow) -> None:
    view = window.controller.presentation
    html = render_html(view)
    for section in ("why_title", "facts_title"):
        assert getattr(view, section) in render_text(view)
    assert view.why_title in html and view.comparison.rows[0].label in html
    assert render_text(view).count("  - ") >= len(view.reasons) + len(view.next_steps)


# --- Undo and Redo -----------------------------------------------------------------------
def test_a_burst_of_changes_to_one_question_is_one_undo(qtbot: Any, window: MainWindow) -> None:
    spin = window.interview.editor("workers")
    assert isinstance(spin, QSpinBox)
    assert not window.act_undo.isEnabled() and window.act_undo.text() == "&Undo"
    for value in (6, 7, 8, 9, 12):  # the spin box held down
        spin.setValue(value)
    assert window.history.stack.count() == 1
    assert window.act_undo.isEnabled() and window.act_undo.text() == "&Undo Change Workers"
    window.act_undo.trigger()
    assert window.controller.answers.workers == 5 and spin.value() == 5
    assert window.act_redo.text() == "&Redo Change Workers" and not window.act_undo.isEnabled()
    window.act_redo.trigger()
    assert window.controller.answers.workers == 12 and spin.value() == 12


def test_each_question_is_its_own_step_from_every_view(qtbot: Any, window: MainWindow) -> None:
    c = window.controller
    c.set_answer("workers", 15)  # the interview
    c.set_province("SK")  # the map or the table
    window.interview.editor("multi_site").setChecked(True)  # type: ignore[attr-defined]
    assert window.history.stack.count() == 3
    assert window.act_undo.text() == "&Undo Change Multiple Sites"
    window.act_undo.trigger()
    assert not c.answers.multi_site
    window.act_undo.trigger()
    assert c.answers.province == "AB" and window.act_undo.text() == "&Undo Change Workers"
    window.controller.flush()
    assert window.provinces.map.selected() == "AB"  # the views follow
    window.act_undo.trigger()
    assert c.answers == Answers(province="AB", workers=5)
    window.act_redo.trigger()
    window.act_redo.trigger()
    assert (c.answers.workers, c.answers.province) == (15, "SK")
    c.set_answer("sector", "construction")  # a new change drops what could be redone
    assert not window.act_redo.isEnabled()


def test_a_change_that_ends_where_it_began_leaves_nothing_to_undo(window: MainWindow) -> None:
    box = window.interview.editor("public_sector_bids")
    box.setChecked(True)  # type: ignore[attr-defined]
    box.setChecked(False)  # type: ignore[attr-defined]
    assert window.history.stack.count() == 0 and not window.act_undo.isEnabled()


def test_undo_back_to_the_saved_answers_is_unmodified(window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "acme.coradvice"
    monkeypatch.setattr(DocumentController, "ask_save_path", lambda self: path)
    doc = window.document
    c = window.controller
    c.set_answer("workers", 6)
    assert doc.save_as() and not doc.modified
    c.set_answer("workers", 7)  # after a save: a step of its own, not merged with 5 -> 6
    c.set_answer("workers", 8)
    assert doc.modified and window.isWindowModified()
    window.act_undo.trigger()
    assert c.answers.workers == 6 and not doc.modified and not window.isWindowModified()
    window.act_undo.trigger()
    assert c.answers.workers == 5 and doc.modified
    window.act_redo.trigger()
    assert not doc.modified
    window.act_redo.trigger()
    assert c.answers.workers == 8 and doc.modified


def test_new_open_and_close_start_a_new_history(window: MainWindow, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DocumentController, "_confirm", lambda self, why: True)
    window.controller.set_answer("workers", 9)
    window.act_new.trigger()
    assert window.history.stack.count() == 0 and not window.act_undo.isEnabled()
    window.controller.set_answer("workers", 9)
    path = tmp_path / "x.coradvice"
    monkeypatch.setattr(DocumentController, "ask_save_path", lambda self: path)
    window.document.save_as()
    window.act_new.trigger()
    window.controller.set_answer("workers", 11)
    assert window.history.stack.count() == 1
    assert window.document.open_path(path)
    assert window.history.stack.count() == 0 and window.controller.answers.workers == 9


def test_undo_names_the_question_in_french(qtbot: Any, window: MainWindow) -> None:
    window.controller.set_answer("workers", 30)
    to_french(qtbot, window)
    assert window.act_undo.text() == "&Annuler la modification\u00a0: nombre de travailleurs"
    assert window.act_redo.text() == "&Rétablir"


# --- File ▸ Close -----------------------------------------------------------------------
def test_close_leaves_an_empty_window_and_asks_about_unsaved_changes(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "acme.coradvice"
    monkeypatch.setattr(DocumentController, "ask_save_path", lambda self: path)
    window.controller.set_client_name("Acme")
    window.controller.set_answer("workers", 25)
    window.document.save_as()
    window.controller.set_answer("workers", 26)
    asked: list[str] = []
    monkeypatch.setattr(DocumentController, "_confirm", lambda self, why: asked.append(why) or False)
    window.act_close.trigger()  # Cancel: nothing changes
    assert asked == ["closing_file"] and window.document.path == path and window.controller.answers.workers == 26
    monkeypatch.setattr(DocumentController, "_confirm", lambda self, why: asked.append(why) or True)
    window.act_close.trigger()
    doc = window.document
    assert doc.path is None and not doc.modified and window.controller.client_name == ""
    assert window.controller.answers == AdvisorController.DEFAULT_ANSWERS
    assert window.windowTitle().startswith("Untitled") and window.act_close.shortcut() == QKeySequence("Ctrl+W")


# --- View ▸ Text Size -------------------------------------------------------------------
def test_text_size_scales_the_window_and_is_remembered(qtbot: Any, window: MainWindow, tmp_path: Path,
                                                      dataset: Any) -> None:
    base = QApplication.font().pointSizeF()
    title = window.findChild(QLabel, "paneTitle")
    title_size = title.font().pointSizeF()
    card_css = window.card.document().defaultStyleSheet()
    card_text = window.card.toPlainText()
    assert "font-size: 20pt" in card_css
    window.act_text_larger.trigger()
    window.act_text_larger.trigger()
    assert text_size.current() == 120 and window.settings.get(opt.TEXT_SIZE) == 120
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.2)
    qtbot.waitUntil(lambda: window.interview.editor("workers").font().pointSizeF() == pytest.approx(base * 1.2))
    assert title.font().pointSizeF() == pytest.approx(title_size * 1.2)
    qtbot.waitUntil(lambda: "font-size: 24pt" in window.card.document().defaultStyleSheet())
    assert window.card.toPlainText() == card_text  # rendered again, whole
    for _ in range(12):
        window.act_text_larger.trigger()
    assert text_size.current() == text_size.STEPS[-1] and not window.act_text_larger.isEnabled()
    window.act_text_reset.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base) and not window.act_text_reset.isEnabled()
    for _ in range(12):
        window.act_text_smaller.trigger()
    assert text_size.current() == text_size.STEPS[0] and not window.act_text_smaller.isEnabled()
    window.act_text_reset.trigger()
    assert window.settings.get(opt.TEXT_SIZE) == 100


def test_a_section_shown_again_is_the_same_document_and_follows_the_text_size(qtbot: Any,
                                                                               window: MainWindow) -> None:
    # The card keeps the sections it parsed; showing one again gives the document the HTML
    # gives, and a new text size parses them again with the new style.
    c = window.controller

    def shown(province: str) -> str:
        c.set_answer("province", province)
        c.flush()
        return window.card.document().toHtml()

    c.set_answer("workers", 12)
    first = shown("AB")
    assert shown("BC") != first
    assert shown("AB") == first
    window.act_text_larger.trigger()
    window.act_text_larger.trigger()
    qtbot.waitUntil(lambda: "font-size: 24pt" in window.card.document().defaultStyleSheet())
    larger = window.card.document().toHtml()
    assert larger != first and "24pt" in larger
    assert shown("BC") != larger and shown("AB") == larger


def test_the_remembered_text_size_applies_before_the_first_paint(qtbot: Any, tmp_path: Path, dataset: Any) -> None:
    base = QApplication.font().pointSizeF()
    settings = Settings(str(tmp_path / "settings.ini"))
    settings.set(opt.TEXT_SIZE, 150)
    win = MainWindow(AdvisorController(dataset, Answers(province="AB", workers=5)), settings)
    qtbot.addWidget(win)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5)  # before show()
    assert "font-size: 30pt" in win.card.document().defaultStyleSheet()
    settings.set(opt.TEXT_SIZE, 9999)  # edited by hand: the nearest sane size
    assert text_size.apply(settings.get(opt.TEXT_SIZE)) == text_size.STEPS[-1]


def test_larger_answers_to_both_plus_keys(window: MainWindow) -> None:
    keys = [k.toString() for k in window.act_text_larger.shortcuts()]
    assert keys == ["Ctrl+=", "Ctrl++"]


# --- Help ----------------------------------------------------------------------------------
def test_user_guide_opens_on_f1_offline_in_both_languages(qtbot: Any, window: MainWindow) -> None:
    assert window.act_user_guide.shortcut() == QKeySequence("F1")
    assert window.act_learn.shortcut() == QKeySequence("Shift+F1")
    guide = window.show_user_guide()
    view = guide.view  # type: ignore[attr-defined]
    assert guide.isVisible() and guide.windowTitle() == "User Guide"
    assert not view.openLinks() and not view.openExternalLinks()
    text = view.toPlainText()
    for topic in ("The interview", "Client files", "Autosave", "Printing and PDF", "Updating the rules",
                  "Languages", "Text Size"):
        assert topic in text, topic
    assert "{key:" not in text and window.act_save.shortcut().toString() in text
    assert window.show_user_guide() is guide  # one window, raised again
    to_french(qtbot, window)
    french = window.show_user_guide()
    assert french is not guide and french.windowTitle() == "Guide d'utilisation"
    text = french.view.toPlainText()  # type: ignore[attr-defined]
    assert "Les dossiers clients" in text and "Enregistrement automatique" in text and "{key:" not in text


def _menu_path(menu: Any, action: QAction) -> str:
    """"View ▸ Scenarios" as the menus read now (no Alt letters)."""
    return f"{without_mnemonic(menu.title())} ▸ {without_mnemonic(action.text())}"


def test_the_user_guide_covers_the_plan_primes_and_scenarios(qtbot: Any, window: MainWindow) -> None:
    """The guide names the menus, pages and buttons as the window shows them,
    in both languages, with the shortcuts the menus declare."""
    for lang in ("en", "fr"):
        if lang == "fr":
            to_french(qtbot, window)
        text = " ".join(window.show_user_guide().view.toPlainText().split())  # type: ignore[attr-defined]
        for menu, action in ((window.view_menu, window.act_scenarios), (window.view_menu, window.act_client_plan),
                             (window.file_menu, window.act_export_calendar)):
            assert _menu_path(menu, action) in text, (lang, _menu_path(menu, action))
        for action in (window.act_scenarios, window.act_client_plan):
            assert f"({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})" in text
        tabs = window.provinces.tabs
        for page in (window.plan_page, window.register_page, window.scenarios_page):
            assert without_mnemonic(tabs.tabText(tabs.indexOf(page))) in text
        scenarios, primes, plan = window.scenarios, window.register, window.client_plan
        for button in (scenarios.add_button, scenarios.edit_button, scenarios.delete_button, primes.add_button,
                       primes.remove_button, plan.export_button):
            assert without_mnemonic(button.text()) in text, (lang, button.text())


def test_keyboard_shortcuts_are_generated_from_the_menus(qtbot: Any, window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    rows = dialog.rows()  # type: ignore[attr-defined]
    in_menus = [a for menu in (window.file_menu, window.edit_menu, window.view_menu, window.help_menu,
                               window.text_size_menu) for a in menu.actions()
                if isinstance(a, QAction) and not a.isSeparator() and not a.shortcut().isEmpty()]
    assert len(rows) == len(in_menus)
    assert ("Edit", "Copy Recommendation", "Ctrl+Shift+C") in rows
    assert ("View", "Text Size \u25b8 Larger", "Ctrl+= or Ctrl++") in rows
    assert ("Help", "User Guide", "F1") in rows
    assert any(r[:2] == ("Edit", "Undo") for r in rows)
    to_french(qtbot, window)
    french = window.show_shortcuts()
    assert french.windowTitle() == "Raccourcis clavier"
    rows = french.rows()  # type: ignore[attr-defined]
    native = QKeySequence("Ctrl+Shift+C").toString(QKeySequence.SequenceFormat.NativeText)
    assert ("Édition", "Copier la recommandation", native) in rows
    assert any(r[:2] == ("Affichage", "Taille du texte \u25b8 Agrandir") for r in rows)


# --- the rules' changelog, as consultants read it ---------------------------------------------
def test_about_the_rules_shows_the_changelog_in_the_windows_language(qtbot: Any, window: MainWindow) -> None:
    window.act_about_rules.trigger()
    english = window.rules_updates.dialog.changelog.toPlainText()  # type: ignore[union-attr]
    assert english.startswith("What changed in the rules") and "Impacted jurisdictions:" in english
    window.rules_updates.dialog.close()  # type: ignore[union-attr]
    to_french(qtbot, window)
    window.act_about_rules.trigger()
    french = window.rules_updates.dialog.changelog.toPlainText()  # type: ignore[union-attr]
    assert french.startswith("Ce qui a changé dans les règles") and "Provinces et territoires touchés" in french
    assert window.controller.dataset.version in french
