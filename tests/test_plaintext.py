"""File-derived text is shown as text (issue 11 §2, §6, §8): names, notes, file
names, consultant and firm, every text of a hostile rules dataset and errors
quoting values, fed with ``<img src=…>``, ``file://`` and ``https://`` links and
``&``, through every box and surface of the window.

Nothing may be interpreted (labels plain, HTML escaped, no mnemonic from a
``&``), and no file may be read: the ``<img>`` points at a file in a folder
watched with Linux inotify (IN_OPEN | IN_ACCESS), every surface is rendered
(``grab()``, tooltips shown for real) so that a lazily loaded image would be
loaded, and a deliberately rich label is the positive control that proves the
watch sees Qt's reads.
"""

from __future__ import annotations

import ctypes
import dataclasses
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QTextEdit,
    QToolTip,
    QWidget,
)

from advisor_gui import settings as opt
from advisor_gui.domain import clientfile
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import Answers, Dataset, Text
from advisor_gui.settings import Settings
from advisor_gui.storage import AutosaveManager
from advisor_gui.ui.client_field import MAX_CLIENT_NAME
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow

from .dataset_variants import NEWER, variant

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="inotify"),
    # Tooltips are shown for real; the offscreen platform cannot raise their window.
    pytest.mark.qt_log_ignore("This plugin does not support raise"),
]

IN_ACCESS, IN_OPEN = 0x1, 0x20
AMP = "R&D & Sons"
MNEMONIC_SAFE = "R&&D && Sons"  # how AMP reads in a button, an action or a buddied label


# --- the watch -------------------------------------------------------------------------------
class Watch:
    """Reports every open or read of a file in one folder (inotify)."""

    def __init__(self, folder: Path) -> None:
        self._libc = ctypes.CDLL(None, use_errno=True)
        self.fd = self._libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        assert self.fd >= 0, os.strerror(ctypes.get_errno())
        wd = self._libc.inotify_add_watch(self.fd, os.fsencode(folder), IN_OPEN | IN_ACCESS)
        assert wd >= 0, os.strerror(ctypes.get_errno())

    def events(self) -> int:
        """How many opens/reads since the last call."""
        count = 0
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return count
            offset = 0
            while offset < len(data):  # struct inotify_event: wd, mask, cookie, len, name[len]
                name_len = int.from_bytes(data[offset + 12:offset + 16], sys.byteorder)
                offset += 16 + name_len
                count += 1

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture
def spy(tmp_path: Path) -> Iterator[tuple[Path, Watch]]:
    folder = tmp_path / "spy"
    folder.mkdir()
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    assert image.save(str(folder / "spy.png"))
    watch = Watch(folder)
    yield folder / "spy.png", watch
    watch.close()


def hostile(spy_png: Path) -> str:
    return (f'<img src="{spy_png}"> <a href="file://{spy_png}">local</a> '
            f'<a href="https://example.com/x">web</a> {AMP}')


def settle(widget: QWidget) -> None:
    """Lay out and paint, the way a user's screen would (images load here)."""
    for _ in range(3):
        QApplication.processEvents()
    widget.grab()
    QApplication.processEvents()


def test_the_watch_sees_qt_read_an_image(qtbot: Any, spy: tuple[Path, Watch]) -> None:
    """The positive control: a rich label fed the same markup reads the file."""
    path, watch = spy
    assert watch.events() == 0
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    qtbot.addWidget(label)
    label.setText(hostile(path))
    label.show()
    settle(label)
    assert watch.events() > 0
    # and relative to the working folder, as a file name's <img> would be
    os.chdir(path.parent)
    try:
        label.setText(f'<img src="{path.name}">')
        settle(label)
    finally:
        os.chdir(Path(__file__).parent)
    assert watch.events() > 0


# --- what "not interpreted" means -----------------------------------------------------------------
def inert_html(html: str) -> QTextDocument:
    """``html`` as Qt lays it out: no image and no link other than an in-page citation."""
    doc = QTextDocument()
    doc.setHtml(html)
    assert_inert_document(doc)
    return doc


def assert_inert_document(doc: QTextDocument) -> None:
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isImageFormat(), f"an image in {doc.toPlainText()[:200]!r}"
            if fmt.isAnchor():
                assert fmt.anchorHref().startswith("#"), fmt.anchorHref()
            it += 1
        block = block.next()


def shown_tooltip(tip: str, owner: QWidget) -> str:
    """Show ``tip`` as Qt would on hover; returns what it reads as."""
    if not tip:
        return ""
    QToolTip.showText(owner.mapToGlobal(QPoint(5, 5)), tip, owner)
    QApplication.processEvents()
    label = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "qtooltip_label"), None)
    if label is not None and label.isVisible():
        label.grab()
    QToolTip.hideText()
    return inert_html(tip).toPlainText() if QtGui.Qt.mightBeRichText(tip) else tip


def check_tree(root: QWidget, marker: str) -> list[str]:
    """Every label, text view, button and tooltip under ``root`` is inert;
    returns the texts that showed ``marker`` literally."""
    seen: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if isinstance(w, QLabel):
            text = w.text()
            if w.textFormat() == Qt.TextFormat.PlainText or (
                    w.textFormat() == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(text)):
                if marker in text:
                    assert "<img" not in text or w.textFormat() == Qt.TextFormat.PlainText, w.objectName()
                    seen.append(text)
            else:
                seen.append(inert_html(text).toPlainText())
        elif isinstance(w, QTextEdit):
            assert_inert_document(w.document())
            seen.append(w.toPlainText())
            if hasattr(w, "openLinks"):
                assert not w.openLinks() and not w.openExternalLinks(), w.objectName()  # type: ignore[attr-defined]
        elif isinstance(w, QAbstractButton) and "R&" in w.text():
            assert MNEMONIC_SAFE in w.text(), f"a mnemonic in {w.text()!r}"
            seen.append(w.text().replace("&&", "&"))
        seen.append(shown_tooltip(w.toolTip(), w))
    for action in root.findChildren(QAction):
        if "R&" in action.text():
            assert MNEMONIC_SAFE in action.text(), f"a mnemonic in {action.text()!r}"
        seen.append(shown_tooltip(action.toolTip(), root))
    return seen


def hostile_dataset(dataset: Dataset, bad: str) -> Dataset:
    """Every English text of the rules, and the version, prefixed with ``bad``."""
    def walk(value: Any) -> Any:
        if isinstance(value, Text):
            return dataclasses.replace(value, en=f"{bad} {value.en}")
        if isinstance(value, tuple):
            return tuple(walk(v) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: walk(getattr(value, f.name)) for f in dataclasses.fields(value)}
            for name in ("title", "publisher", "name"):  # Source and Partner hold plain strings
                if isinstance(changes.get(name), str):
                    changes[name] = f"{bad} {changes[name]}"
            return dataclasses.replace(value, **changes)
        return value

    return dataclasses.replace(walk(dataset), version=f"2026.99.0 {bad}")


# --- the window --------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot: Any, dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(AutosaveManager, "DELAY_MS", 60_000)
    settings = Settings(str(tmp_path / "settings.ini"))
    w = MainWindow(AdvisorController(dataset, Answers(province="AB", workers=12, sector="construction")), settings)
    w.show()
    qtbot.waitUntil(lambda: w.started, timeout=3000)
    yield w
    w.document.discard_changes()
    w.close()
    w.deleteLater()


def test_every_surface_shows_hostile_text_literally_and_reads_no_file(
        qtbot: Any, window: MainWindow, dataset: Dataset, spy: tuple[Path, Watch], tmp_path: Path) -> None:
    path, watch = spy
    bad = hostile(path)
    c = window.controller
    c.set_dataset(hostile_dataset(dataset, bad))
    c.set_client_name(bad)
    c.set_notes(f"{bad}\nsecond line")
    window.settings.set(opt.CONSULTANT, bad)
    window.settings.set(opt.FIRM, bad)
    recent = tmp_path / f'{bad.replace("/", "|")}.coradvice'
    window.settings.set(opt.RECENT_FILES, [str(recent)])
    window.recent_menu.aboutToShow.emit()
    c.flush()
    window.provinces.tabs.setCurrentIndex(1)  # builds the table
    window.comparison.setVisible(True)
    settle(window)

    seen = check_tree(window, "<img")
    assert any(bad in s for s in seen), "the card, labels and tooltips show the markup as text"
    assert f"Rules 2026.99.0 {bad}" in window.statusBar().findChild(QLabel, "datasetStatus").text()
    # the table, the comparison, the map and the card's citations: every tooltip
    models = [window.provinces.model, window.comparison.model]
    for model in models:
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                tip = model.index(row, col).data(Qt.ItemDataRole.ToolTipRole)
                if tip:
                    seen.append(shown_tooltip(tip, window.provinces.table))
    for j in c.dataset.jurisdictions:
        assert bad in shown_tooltip(window.provinces.map.tooltip_for(j.code), window.provinces.map)
    card = window.card
    for anchor in card.citations():
        from advisor_gui.ui.plaintext import tooltip

        assert shown_tooltip(tooltip(card.source_for(anchor)), card) == card.source_for(anchor)
    html = card.toHtml()
    assert_inert_document(card.document())
    assert 'title="' not in html or "&lt;img" in html
    assert bad in card.toPlainText()
    # the recent file's tooltip is its path, literally
    [entry] = [a for a in window.recent_menu.actions() if a.statusTip() == str(recent)]
    assert shown_tooltip(entry.toolTip(), window) == str(recent)
    # the collapsed Notes button: "&" shown, not a shortcut
    notes = window.findChild(QWidget, "clientNotes")
    notes.toggle.setChecked(False)
    assert QKeySequence.mnemonic(notes.toggle.text()).isEmpty()
    # the interview's prompts (buddied labels): the one mnemonic the window chose, the file's "&" shown
    for label in window.interview.findChildren(QLabel, "prompt"):
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.text().replace("&&", "").count("&") == 1, label.text()
    assert seen

    # the dialogs: preferences, learn, about the rules, a rules review, print preview
    from advisor_gui.ui.learn import LearnDialog
    from advisor_gui.ui.preferences import PreferencesDialog
    from advisor_gui.ui.rules_dialogs import AboutRulesDialog, RulesReviewDialog

    prefs = PreferencesDialog(window.settings, window)
    assert prefs.consultant.text() == bad and prefs.firm.text() == bad
    learn = LearnDialog(c.dataset, window)
    about = AboutRulesDialog(c.dataset, "", dataset.effective, installed=recent, changes_from_bundled=(),
                             parent=window)
    from advisor_gui.domain.dataset_diff import diff

    review = RulesReviewDialog(dataset, c.dataset, tuple(diff(dataset, c.dataset)), mode="import",
                               source=recent, parent=window)
    preview = window.printing.preview_dialog()
    assert bad.replace("[*]", "") in preview.windowTitle()
    for dialog in (prefs, learn, about, review, preview):
        dialog.show()
        settle(dialog)
        texts = check_tree(dialog, "<img")
        if dialog is not preview and dialog is not prefs:
            assert any(bad in t for t in texts), type(dialog).__name__
        dialog.close()
    assert "&lt;img" in review.view.toHtml() or bad not in review.view.toPlainText()
    assert watch.events() == 0, "a surface read the file named in an <img>"


# --- the message boxes ----------------------------------------------------------------------------
class Boxes:
    def __init__(self) -> None:
        self.seen: list[QMessageBox] = []

    def show(self, box: QMessageBox) -> int:
        box.show()
        settle(box)
        self.seen.append(box)
        for label in box.findChildren(QLabel):
            if label.text():
                assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
        box.close()
        return 0


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    b = Boxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: b.show(box))
    monkeypatch.setattr(QMessageBox, "open", lambda box: b.show(box))
    return b


def test_every_box_shows_hostile_text_literally_and_reads_no_file(
        qtbot: Any, window: MainWindow, dataset: Dataset, spy: tuple[Path, Watch], boxes: Boxes,
        tmp_path: Path, rules_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path, watch = spy
    bad = hostile(path)
    files = tmp_path / "files"
    files.mkdir()
    # A file name cannot hold "/": its <img> names the spy relative to the working folder.
    monkeypatch.chdir(path.parent)
    name = f'<img src="{path.name}"> <a href="https:example.com">web {AMP}.coradvice'

    # The drift box, for a valid file whose name, notes and rules version carry markup.
    a = Answers(province="AB", workers=14)
    cf = clientfile.new_client_file(a, evaluate(dataset, a), client=bad, notes=bad)
    old = dataclasses.replace(cf, dataset=dataclasses.replace(cf.dataset, version=f"2026.05.0 {bad}",
                                                               program="SECOR"))
    valid = files / name
    valid.write_text(clientfile.dumps(old), encoding="utf-8")
    assert window.document.open_path(valid)
    drift = boxes.seen[-1]
    assert drift.informativeText().startswith(f"Recommended SECOR under rules 2026.05.0 {bad}; COR now")
    assert window.controller.client_name == bad and window.controller.notes == bad
    settle(window)
    check_tree(window, "<img")

    # The open-error box: a bad value quoted, in a file whose name is markup.
    doc = clientfile.to_dict(old)
    doc["answers"]["sector"] = bad
    broken = files / f"x {name}"
    broken.write_text(json.dumps(doc), encoding="utf-8")
    assert not window.document.open_path(broken)
    error = boxes.seen[-1]
    assert name in error.text() and "<img" in error.informativeText(), "the value is quoted, as text"

    # The Import Rules refusals: a hostile file name, and a hostile value in the rules.
    ru = window.rules_updates
    unsealed = variant(rules_text, files / name.replace(".coradvice", ".yaml"), NEWER, seal_mode="none")
    with qtbot.waitSignal(ru.importFinished, timeout=30000):  # checked in a worker thread
        ru.import_rules(unsealed)
    assert "not sealed" in boxes.seen[-1].text() and str(unsealed) in boxes.seen[-1].informativeText()
    quoted = bad.replace('"', "'")
    invalid = variant(rules_text, files / "invalid.yaml", [*NEWER, ("cor_line: 20", f'cor_line: "{quoted}"')])
    with qtbot.waitSignal(ru.importFinished, timeout=30000):
        ru.import_rules(invalid)
    assert "not a valid rules dataset" in boxes.seen[-1].text()
    assert "<img" in boxes.seen[-1].informativeText(), "the error quotes the bad value, as text"
    assert len(boxes.seen) == 4
    assert watch.events() == 0, "a box read the file named in an <img>"


# --- names and notes intact (§6) --------------------------------------------------------------------
def test_a_long_client_name_from_a_file_survives_an_edit_and_a_save(
        qtbot: Any, window: MainWindow, dataset: Dataset, tmp_path: Path, boxes: Boxes) -> None:
    long_name = "Northern Lights Roofing & Sheet Metal " * 12  # 456 characters
    assert len(long_name) > MAX_CLIENT_NAME
    a = Answers(province="AB", workers=14)
    path = tmp_path / "long.coradvice"
    path.write_text(clientfile.dumps(clientfile.new_client_file(a, evaluate(dataset, a), client=long_name)),
                    encoding="utf-8")
    assert window.document.open_path(path)
    field = window.findChild(QWidget, "clientNameField")
    assert field.edit.text() == long_name, "not cut to the typing limit"
    assert field.counter.isVisible() and f"{len(long_name)} / {MAX_CLIENT_NAME}" in field.counter.text()
    field.edit.setFocus()
    field.edit.setCursorPosition(0)
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)  # one keystroke…
    assert window.controller.client_name == long_name[1:]
    assert window.document.save()
    assert clientfile.read(path, dataset).client.name == long_name[1:]  # …+ Save keeps the rest
    qtbot.keyClicks(field.edit, "XY")  # typing cannot grow a name already over the limit
    assert window.controller.client_name == long_name[1:]

    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "y" * (MAX_CLIENT_NAME + 20))  # typing is limited, and says so
    assert window.controller.client_name == "y" * MAX_CLIENT_NAME
    assert field.counter.text() == f"{MAX_CLIENT_NAME} / {MAX_CLIENT_NAME}"
    field.edit.setText("short")
    assert not field.counter.isVisible()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_the_notes_print_literally_in_the_summary(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    from advisor_gui.ui.printing import write_pdf

    notes = "Prime wants COR by <b>&amp;</b> spring\nCall   Jo & Ann <img src=/dev/zero>"
    window.controller.set_notes(notes)
    out = tmp_path / "summary.pdf"
    write_pdf(window.printing.report(), out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Consultant's notes\nPrime wants COR by <b>&amp;</b> spring\n" in text
    assert "Call Jo & Ann <img src=/dev/zero>" in " ".join(text.split())  # text extraction merges spaces


def test_notes_ampersand_is_no_mnemonic_in_the_collapsed_button(qtbot: Any, window: MainWindow) -> None:
    panel = window.findChild(QWidget, "clientNotes")
    panel.toggle.setChecked(False)
    window.controller.set_notes("Tom & Jerry &Co")
    assert panel.toggle.text() == "Notes: Tom && Jerry &&Co"
    assert QKeySequence.mnemonic(panel.toggle.text()).isEmpty()
    panel.toggle.setChecked(True)
    assert panel.toggle.text() == "Notes"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_the_report_command_prints_a_client_files_name_and_notes(tmp_path: Path, dataset: Dataset,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from advisor_gui import cli

    a = Answers(province="BC", workers=25)
    cf = clientfile.new_client_file(a, evaluate(dataset, a), client="Coast <b>Framing</b> & Co",
                                    notes="Ask about <b>&amp;</b> the prime")
    path = tmp_path / "coast.coradvice"
    path.write_text(clientfile.dumps(cf), encoding="utf-8")
    out = tmp_path / "coast.pdf"
    assert cli.main(["report", "--answers", str(path), "--output", str(out)]) == 0
    assert capsys.readouterr().err == ""
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Coast <b>Framing</b> & Co" in text
    assert "Consultant's notes\nAsk about <b>&amp;</b> the prime\n" in text
