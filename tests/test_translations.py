"""The window in English and Canadian French through Qt's own machinery: the
.ts sources complete and current (pyside6-lupdate), the French window free of
English, the language switched live both ways, the summary's language chosen
at print time, dates and numbers by locale."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QTabWidget,
    QWidget,
)

from advisor_gui import settings as opt
from advisor_gui.domain.models import Answers
from advisor_gui.ui import i18n
from advisor_gui.ui.main_window import MainWindow
from tests.conftest import ROOT, shown_window

pytestmark = pytest.mark.gui

TS_FR = ROOT / "resources" / "translations" / "advisor_fr.ts"
# Words the same in both languages (trademarks, codes, formats): allowed in the French window.
SAME_IN_FRENCH = {"COR", "SECOR", "Plan", "Date", "Source", "Note",
                  "Code", "Version", "Notes", "Images ({0})", "A4 (210 × 297 mm)", "{0} / {1}",
                  "{0}   ({1})", "{0}[*] — {1}", "&Sources ({0})"}


def _translations_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def english_sources() -> set[str]:
    """Every source text of the window, with and without its mnemonic."""
    texts = {m.findtext("source") or "" for m in ET.parse(TS_FR).getroot().iter("message")}
    texts -= SAME_IN_FRENCH
    return {t for text in texts for t in (text, no_mnemonic_text(text)) if t.strip()}


def no_mnemonic_text(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text)


def test_ts_files_are_complete_and_current() -> None:
    """lupdate into a copy changes nothing (no new, no vanished text), and every
    entry is translated (no unfinished, obsolete or vanished entry)."""
    assert _translations_script().problems() == []


def test_every_french_entry_keeps_its_placeholders_and_typography() -> None:
    for message in ET.parse(TS_FR).getroot().iter("message"):
        source = message.findtext("source") or ""
        forms = [f.text or "" for f in message.iter("numerusform")] or [message.findtext("translation") or ""]
        for french in forms:
            assert sorted(re.findall(r"\{\d\}|%n", french)) == sorted(re.findall(r"\{\d\}|%n", source)), source
            assert source.count("&") == french.count("&"), f"mnemonic lost or added: {source!r} -> {french!r}"
            for colon in re.finditer(r":(?=\s|$)", french):
                assert french[colon.start() - 1] == "\u00a0", f"a colon takes a non-breaking space: {french!r}"
            assert "« " not in french and " »" not in french, f"guillemets take non-breaking spaces: {french!r}"
            assert not re.search(r" [;?!]", french), f"no space before ; ? ! in Canadian usage: {french!r}"


def visible_texts(root: QWidget, skip: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what a user reads or hears in ``root``, ``skip`` and its children left out."""
    found: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if w is skip or skip.isAncestorOf(w):
            continue
        where = f"{type(w).__name__}#{w.objectName()}"
        texts = [w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.windowTitle(), w.statusTip()]
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            texts.append(w.text())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QPlainTextEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QSpinBox):
            texts += [w.suffix(), w.prefix()]
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QMenu):
            texts.append(w.title())
            for action in w.actions():
                texts += [action.text(), action.toolTip(), action.statusTip()]
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
        found += [(where, t) for t in texts if t]
    return found


def test_the_french_window_shows_no_english_source_text(qtbot, tmp_path: Path, dataset) -> None:
    """Everything the window shows (labels, buttons, check boxes, tabs, menus and
    actions, tooltips, accessible names, table headers) is French, except the
    card's document (rendered from the presentation model, checked on its own)."""
    lang = i18n.apply("fr")
    from advisor_gui.settings import Settings
    from advisor_gui.ui.controller import AdvisorController

    window = MainWindow(AdvisorController(dataset, Answers(province="NB", workers=12), lang=lang),
                        Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.provinces.tabs.setCurrentIndex(1)  # the table page is built when first shown
    window.notes.toggle.setChecked(True)
    window.file_menu.aboutToShow.emit()
    window.controller.flush()
    english = english_sources()
    leaks = [(where, text) for where, text in visible_texts(window, window.card)
             if text in english or no_mnemonic_text(text) in english]
    assert leaks == []
    # the dataset's own words come from its French texts
    for qid in window.interview.question_ids():
        q = next(q for q in dataset.questions if q.id == qid)
        shown = re.sub("&(.)", r"\1", window.interview.prompt(qid).text())  # less its Alt+letter mnemonic
        assert shown == q.prompt.get("fr")
    assert window.file_menu.title() == "&Fichier"
    assert window.edit_menu.title() == "É&dition"
    # The card speaks the catalogue's French: none of its English wording shows.
    from advisor_gui.domain.wording import WORDS

    card = window.card.toPlainText()
    english_words = {w.split("{")[0].strip() for w in WORDS["en"].values()}
    english_words = {w for w in english_words if len(w) > 8 and w not in WORDS["fr"].values()}
    assert [w for w in english_words if w in card] == []
    assert "Recommandation pour" in card or "Recommandation" in card


def _wait_language(qtbot, window: MainWindow, file_title: str) -> None:
    qtbot.waitUntil(lambda: window.file_menu.title() == file_title, timeout=3000)


def test_the_language_changes_live_both_ways_without_a_restart(qtbot, tmp_path: Path, dataset, monkeypatch) -> None:
    """Edit ▸ Preferences ▸ Language: menus, pane titles, dialog buttons and the
    recommendation follow at once; actions and shortcuts stay the same objects."""
    from advisor_gui.ui.preferences import PreferencesDialog

    window = shown_window(qtbot, tmp_path, dataset, Answers(province="AB", workers=8))
    save_action, shortcut = window.act_save, window.act_save.shortcut()
    assert window.provinces.title.text() == "Provinces and territories"

    def choose(lang: str):  # the dialog, answered
        def exec_(dialog: PreferencesDialog) -> int:
            dialog.language.setCurrentIndex(dialog.language.findData(lang))
            dialog.accept()
            return 1
        monkeypatch.setattr(PreferencesDialog, "exec", exec_)
        window.act_preferences.trigger()

    choose("fr")
    _wait_language(qtbot, window, "&Fichier")
    assert window.settings.get(opt.LANGUAGE) == "fr"
    assert window.controller.language == "fr"
    assert window.act_save is save_action and save_action.text() == "&Enregistrer"
    assert save_action.shortcut() == shortcut
    assert window.provinces.title.text() == "Provinces et territoires"
    assert window.comparison.title.text() == "Le COR comparé au programme pour petits employeurs"
    assert window.interview.editor("workers").suffix() == " travailleurs"
    box = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Save
                      | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Save).text() == "Enregistrer"  # Qt's own qtbase_fr.qm
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Annuler"

    choose("en")
    _wait_language(qtbot, window, "&File")
    assert window.controller.language == "en"
    assert save_action.text() == "&Save"
    assert window.provinces.title.text() == "Provinces and territories"
    assert window.comparison.title.text() == "COR compared with the small-employer program"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_follow_the_system_picks_french_for_a_french_system(monkeypatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("fr_CA")))
    assert i18n.resolve("") == "fr"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_CA")))
    assert i18n.resolve("") == "en"
    assert i18n.resolve("fr") == "fr"


def test_the_summary_language_is_chosen_at_print_time(qtbot, tmp_path: Path, dataset) -> None:
    """A consultant in Moncton prints one of each: File ▸ Summary Language."""
    window = shown_window(qtbot, tmp_path, dataset, Answers(province="NB", workers=12))
    assert window.printing.report().lang == "en"  # the window's language by default
    window.summary_language_actions["fr"].trigger()
    french = window.printing.report()
    assert french.lang == "fr" and window.controller.language == "en"
    window.summary_language_actions["en"].trigger()
    assert window.printing.report().lang == "en"


def test_dates_and_numbers_follow_the_language(qtbot, tmp_path: Path, dataset) -> None:
    i18n.apply("fr")
    assert i18n.long_date(dt.date(2026, 11, 30)) == "30 novembre 2026"
    window = shown_window(qtbot, tmp_path, dataset, Answers(province="ON", workers=1500))
    window.setLocale(QLocale())
    spin = window.interview.editor("workers")
    assert isinstance(spin, QSpinBox)
    assert re.fullmatch(r"1[\u00a0\u202f ]500 travailleurs", spin.text())
    assert "novembre" in window.statusBar().findChild(QLabel, "datasetStatus").text() or \
        any(m in window.statusBar().findChild(QLabel, "datasetStatus").text()
            for m in ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                      "octobre", "décembre"))
    i18n.apply("en")
    assert i18n.long_date(dt.date(2026, 11, 30)) == "November 30, 2026"


def test_installing_the_translators_alone_re_texts_the_window(qtbot, tmp_path: Path, dataset) -> None:
    """Qt posts LanguageChange to the window, which passes it to every child's changeEvent."""
    window = shown_window(qtbot, tmp_path, dataset)
    i18n.apply("fr")
    qtbot.waitUntil(lambda: window.provinces.title.text() == "Provinces et territoires", timeout=3000)
    assert window.interview.editor("sector").parent() is not None
    assert window.client_field.label.text() == "Nom du c&lient\u00a0:"
    assert window.notes.toggle.text() == "Notes"
    assert window.view_menu.title() == "&Affichage"
