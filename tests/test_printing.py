"""The printed summary: PDF text, page sizes, fonts and metadata (poppler), the
page-by-page layout (headings kept with their content, tables inside the
page), the preview dialog, the window's actions and the `report` command."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from advisor_gui import cli
from advisor_gui import settings as opt
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import Answers
from advisor_gui.domain.report import build_report

from .conftest import BUILD_WINDOW_SCRIPT, ROOT

pytestmark = pytest.mark.gui

TODAY = dt.date(2026, 11, 27)
SCENARIOS = {
    "AB-6-SECOR": (Answers(province="AB", workers=6), "SECOR", "Alberta"),
    "BC-12-unknown-primes": (Answers(province="BC", workers=12, prime_contractor="unknown"), "Small COR",
                             "British Columbia"),
    "ON-40-public": (Answers(province="ON", workers=40, public_sector_bids=True, sector="construction"), "COR",
                     "Ontario"),
    "QC-12": (Answers(province="QC", workers=12), "No COR program", "Quebec"),
}
TRICKY_CLIENT = "<b>Acme</b> & Sons"

# The printed Plan (issue 16) may take one page beyond the summary's three: an open
# product decision (DESIGN.md §1 says one to three pages; issue 16 asks for the Plan in print).
PLAN_PAGES = 1


def poppler(tool: str, *args: str) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (scripts/setup.sh --dev does)")
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def pdf_text(path: Path) -> str:
    """The PDF's text as a reader would search it: ligatures unfolded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", poppler("pdftotext", str(path), "-")).split())


def pdf_info(path: Path) -> dict[str, str]:
    info = {}
    for line in poppler("pdfinfo", str(path)).splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


@pytest.fixture
def app(qapp):
    return qapp


@pytest.fixture
def window(qtbot, dataset, tmp_path):
    from advisor_gui.settings import Settings
    from advisor_gui.ui.controller import AdvisorController
    from advisor_gui.ui.main_window import MainWindow

    win = MainWindow(AdvisorController(dataset, SCENARIOS["BC-12-unknown-primes"][0]),
                     Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    return win


# --- the PDF ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_pdf_for_each_scenario(app, dataset, tmp_path: Path, name: str) -> None:
    from advisor_gui.ui.headless import write_report

    answers, label, province = SCENARIOS[name]
    out = tmp_path / "summary.pdf"
    assert write_report(dataset, answers, out, client=TRICKY_CLIENT) == 0
    info = pdf_info(out)
    pages = int(info["Pages"])
    assert 1 <= pages <= 3 + PLAN_PAGES
    text = pdf_text(out)
    for expected in (label, province, TRICKY_CLIENT, dataset.version, f"Page 1 of {pages}",
                     f"Page {pages} of {pages}", "have the final word"):
        assert expected in text, expected
    assert text.count("Rules dataset " + dataset.version) >= pages, "the footer is on every page"
    assert info["Title"] == f"COR / SECOR recommendation summary — {TRICKY_CLIENT}"
    assert info["Creator"].startswith("COR/SECOR Advisor")


def test_pdf_page_sizes_fonts_and_selectable_text(app, dataset, tmp_path: Path) -> None:
    from advisor_gui.ui.headless import write_report

    answers = SCENARIOS["AB-6-SECOR"][0]
    write_report(dataset, answers, tmp_path / "letter.pdf")
    write_report(dataset, answers, tmp_path / "a4.pdf", page_size="a4")
    assert re.match(r"612 x 792 pts", pdf_info(tmp_path / "letter.pdf")["Page size"])
    assert re.match(r"595(\.\d+)? x 841\.\d+ pts|595 x 842 pts", pdf_info(tmp_path / "a4.pdf")["Page size"])
    header, _rule, *fonts = poppler("pdffonts", str(tmp_path / "a4.pdf")).splitlines()
    assert fonts, "the PDF has fonts (real text, not an image)"
    emb = header.index("emb")
    assert all(row[emb:emb + 3] == "yes" for row in fonts), fonts


def test_pdf_uses_remembered_consultant_and_logo(app, dataset, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from advisor_gui.settings import Settings
    from advisor_gui.ui.headless import write_report

    logo = tmp_path / "logo.png"
    image = QImage(300, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#1F3A5F"))
    assert image.save(str(logo))
    s = Settings()
    s.set(opt.CONSULTANT, "Marie-Ève Tremblay")
    s.set(opt.FIRM, "NorthSafe <Consulting>")
    s.set(opt.FIRM_LOGO, str(logo))
    s.sync()
    out = tmp_path / "s.pdf"
    write_report(dataset, SCENARIOS["AB-6-SECOR"][0], out)
    text = pdf_text(out)
    assert "Marie-Ève Tremblay, NorthSafe <Consulting>" in text
    assert "image" in poppler("pdfimages", "-list", str(out)), "the logo is drawn"


def test_unreadable_logo_is_left_out(app, dataset, tmp_path: Path) -> None:
    from advisor_gui.ui.printing import write_pdf

    bad = tmp_path / "logo.png"
    bad.write_text("not an image")
    r = build_report(dataset, SCENARIOS["AB-6-SECOR"][0], evaluate(dataset, SCENARIOS["AB-6-SECOR"][0]),
                     logo=str(bad), today=TODAY)
    assert write_pdf(r, tmp_path / "x.pdf") >= 1
    assert "image" not in poppler("pdfimages", "-list", str(tmp_path / "x.pdf")).split("\n", 2)[-1]


def test_write_pdf_is_atomic_and_reports_failure(app, dataset, tmp_path: Path) -> None:
    from advisor_gui.ui.printing import write_pdf

    r = build_report(dataset, SCENARIOS["QC-12"][0], evaluate(dataset, SCENARIOS["QC-12"][0]), today=TODAY)
    with pytest.raises(OSError):
        write_pdf(r, tmp_path / ("x" * 300 + ".pdf"))
    with pytest.raises(OSError):
        write_pdf(r, tmp_path / "missing" / "x.pdf")
    with pytest.raises(OSError):
        write_pdf(r, tmp_path)
    assert list(tmp_path.iterdir()) == [], "no partial files left behind"
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")
    write_pdf(r, target)
    assert target.read_bytes().startswith(b"%PDF-")


# --- the layout ---------------------------------------------------------------------------


def _laid_out(dataset, answers: Answers, notes: str = "", page_size: str = "letter"):
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    from advisor_gui.ui import printing

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(1200)
    writer.setPageLayout(printing.page_layout(page_size))
    r = build_report(dataset, answers, evaluate(dataset, answers), client="Acme", notes=notes, today=TODAY)
    doc, body, _scale = printing.fit_layout(r, writer)
    return doc, body, (writer, buffer)


def _problems(doc, body) -> list[str]:
    """Checked independently of the layout code: each heading shares its page
    with the first line of what follows; no table is wider than the page; no
    table row straddles two pages; a table that goes on over a page break does
    so between rows, starts the next page and repeats its header row there."""
    from PySide6.QtGui import QTextCursor, QTextTable

    layout = doc.documentLayout()
    h = body.height()
    out = []
    block = doc.begin()
    while block.isValid():
        nxt = block.next()
        if block.blockFormat().headingLevel() >= 2 and nxt.isValid():
            top = layout.blockBoundingRect(block).top()
            first_line = layout.blockBoundingRect(nxt).top() + nxt.layout().lineAt(0).rect().bottom()
            if int(top // h) != int((first_line - 1) // h):
                out.append(f"heading alone at the foot of page {int(top // h) + 1}: {block.text()!r}")
        block = nxt
    previous = None
    for frame in doc.rootFrame().childFrames():
        rect = layout.frameBoundingRect(frame)
        if rect.width() > body.width() + 1:
            out.append(f"table wider than the page: {rect.width()} > {body.width()}")
        first = QTextCursor(frame.firstCursorPosition()).block().text()
        if not isinstance(frame, QTextTable) or frame.format().headerRowCount() == 0:
            if rect.height() < h * 0.9 and int(rect.top() // h) != int((rect.bottom() - 1) // h):
                out.append(f"box split across pages: {first!r}")
            previous = None
            continue
        pages = set()
        for r in range(frame.rows()):
            cells = [frame.cellAt(r, c) for c in range(frame.columns())]
            top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)
            bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells)
            if int((top + 1) // h) != int((bottom - 1) // h):
                out.append(f"row {r} of {first!r} straddles two pages")
            pages.add(int((top + 1) // h))
        if len(pages) > 1:
            out.append(f"table {first!r} runs over a page break without repeating its header")
        header = frame.cellAt(0, 0).firstCursorPosition().block().text()
        if previous is not None and previous[0] == header and int((rect.top() + 1) // h) != previous[1] + 1:
            out.append(f"table {header!r} goes on, but not at the top of the next page")
        previous = (header, int((rect.bottom() - h * 0.01) // h))
    return out


@pytest.mark.parametrize("name", list(SCENARIOS))
@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_layout_keeps_headings_and_table_rows_whole(app, dataset, name: str, page_size: str) -> None:
    doc, body, _keep = _laid_out(dataset, SCENARIOS[name][0], page_size=page_size)
    assert 1 <= doc.pageCount() <= 3 + PLAN_PAGES
    assert _problems(doc, body) == []


def test_layout_rules_hold_wherever_the_page_breaks_fall(app, dataset) -> None:
    """Notes of growing length push every later heading and table past a page break."""
    sentence = "The client expects to add a second crew next season and will ask its primes in March. "
    answers = SCENARIOS["BC-12-unknown-primes"][0]
    seen_pages = set()
    for n in range(0, 84, 6):
        doc, body, _keep = _laid_out(dataset, answers, notes=sentence * n)
        seen_pages.add(doc.pageCount())
        assert _problems(doc, body) == [], f"with {n} sentences of notes"
    assert len(seen_pages) >= 2


def test_the_check_would_catch_an_orphan_heading(app, dataset) -> None:
    """Without the keep-with-next pass, some note length strands a heading."""
    from unittest import mock

    from advisor_gui.ui import printing

    sentence = "The client expects to add a second crew next season and will ask its primes in March. "
    answers = SCENARIOS["BC-12-unknown-primes"][0]
    found = []
    with mock.patch.object(printing, "keep_headings_with_next", lambda doc, h, max_passes=40: 0):
        for n in range(0, 42, 3):
            doc, body, _keep = _laid_out(dataset, answers, notes=sentence * n)
            found += _problems(doc, body)
    assert found


# --- preview and the window -----------------------------------------------------------------


def _page_count(dialog) -> int:
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    return widget.pageCount()


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_preview_dialog_shows_every_page(qtbot, window, page_size: str) -> None:
    from PySide6.QtGui import QPageSize

    from advisor_gui.ui import printing

    window.settings.set(opt.PAGE_SIZE, page_size)
    window.controller.set_client_name(TRICKY_CLIENT)
    dialog = window.printing.preview_dialog()
    dialog.open()
    qtbot.waitUntil(lambda: _page_count(dialog) > 0)
    c = window.controller
    expected = printing.pdf_bytes(printing.report_for(c.dataset, c.answers, window.settings, client=c.client_name),
                                  page_size)[1]
    assert _page_count(dialog) == expected
    printer = dialog.printer_ref
    assert printer.pageLayout().pageSize().id() == printing.page_size_id(page_size)
    assert printer.docName().endswith(TRICKY_CLIENT)
    assert page_size == "a4" or printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    dialog.close()


def test_no_printer_print_says_so_and_offers_pdf(qtbot, window, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from advisor_gui.ui import printing

    monkeypatch.setattr(printing, "printers_available", lambda: False)
    shown = {}

    def fake_exec(box: QMessageBox) -> int:
        shown["text"] = box.text() + " " + box.informativeText()
        export = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        export.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "from-print"), "")))
    window.act_print.trigger()
    assert "No printer is installed" in shown["text"]
    assert (tmp_path / "from-print.pdf").read_bytes().startswith(b"%PDF-")

    window.file_menu.aboutToShow.emit()  # the menu says it before anyone tries
    act = window.act_print
    assert "no printer" in act.text().lower() and "Export PDF" in act.toolTip()
    monkeypatch.setattr(printing, "printers_available", lambda: True)
    window.file_menu.aboutToShow.emit()
    assert act.text() == "&Print…"


def test_export_pdf_from_the_window(qtbot, window, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QFileDialog

    from advisor_gui.ui import printing

    asked = {}

    def fake_save(parent, caption, suggested, filters):
        asked["suggested"] = suggested
        return str(tmp_path / "acme"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    window.controller.set_client_name("Acme Roofing")
    window.findChild(printing.QAction, "actionExportPdf").trigger()
    out = tmp_path / "acme.pdf"
    assert out.exists() and "Acme Roofing" in pdf_text(out)
    assert Path(asked["suggested"]).name == f"Acme-Roofing-COR-SECOR-summary-{dt.date.today().isoformat()}.pdf"
    assert str(out) in window.statusBar().currentMessage()
    assert window.settings.get(opt.LAST_DIR) == str(tmp_path)


def test_export_pdf_failure_is_explained(qtbot, window, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox


    errors = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "gone" / "x.pdf"), "")))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: errors.append(box.informativeText()) or 0)
    assert window.printing.export_pdf() is None
    assert errors and str(tmp_path / "gone" / "x.pdf") in errors[0]
    assert window.statusBar().currentMessage() == ""


def test_cancelled_export_writes_nothing(qtbot, window, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QFileDialog


    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert window.printing.export_pdf() is None


def test_default_file_name() -> None:
    from advisor_gui.ui.printing import default_file_name

    assert default_file_name("<b>Acme</b> & Sons / Ltd.", TODAY) == "b-Acme-b-Sons-Ltd-COR-SECOR-summary-2026-11-27.pdf"
    assert default_file_name("Érable Électrique", TODAY).startswith("Érable-Électrique-")
    assert default_file_name("  ", TODAY) == "COR-SECOR-summary-2026-11-27.pdf"


def test_client_name_field_and_controller(qtbot, window) -> None:
    from advisor_gui.ui.client_field import ClientNameField

    field = window.findChild(ClientNameField)
    assert field is not None and field.isVisibleTo(window)
    assert field.edit.accessibleName() == "Client name"
    seen: list[str] = []
    window.controller.clientChanged.connect(seen.append)
    qtbot.keyClicks(field.edit, "Acme")
    assert seen[-1] == "Acme" and window.controller.client_name == "Acme"
    window.controller.set_client_name("Loaded from a file")
    assert field.edit.text() == "Loaded from a file"
    with qtbot.assertNotEmitted(window.controller.clientChanged):
        window.controller.set_client_name("Loaded from a file")


def test_preferences_are_remembered(qtbot, window, tmp_path) -> None:
    from advisor_gui.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.consultant, "Marie")
    qtbot.keyClicks(dialog.firm, "NorthSafe")
    dialog.logo.setText(str(tmp_path / "missing.png"))
    assert "cannot be read" in dialog.logo_preview.text()
    dialog.page_size.setCurrentIndex(dialog.page_size.findData("a4"))
    dialog.accept()
    s = window.settings
    assert (s.get(opt.CONSULTANT), s.get(opt.FIRM), s.get(opt.PAGE_SIZE)) == ("Marie", "NorthSafe", "a4")
    again = PreferencesDialog(window.settings, window)
    qtbot.addWidget(again)
    assert again.consultant.text() == "Marie" and again.page_size.currentData() == "a4"
    again.reject()
    c = window.controller
    from advisor_gui.ui.printing import report_for

    assert report_for(c.dataset, c.answers, s).prepared_by == "Marie, NorthSafe"


def test_building_the_window_does_not_load_print_support() -> None:
    code = BUILD_WINDOW_SCRIPT + (
        "sys.exit(3 if 'PySide6.QtPrintSupport' in sys.modules or 'advisor_gui.domain.report' in sys.modules else 0)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


# --- the command line ---------------------------------------------------------------------


def _answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text('{"province": "BC", "workers": 12, "prime_contractor": "unknown"}', encoding="utf-8")
    return path


def test_cli_report(app, tmp_path: Path, capsys, dataset) -> None:
    out = tmp_path / "out.pdf"
    code = cli.main(["report", "--answers", str(_answers_file(tmp_path)), "--output", str(out),
                     "--client", TRICKY_CLIENT, "--page-size", "A4"])
    captured = capsys.readouterr()
    assert (code, captured.out, captured.err) == (0, "", "")
    assert "595" in pdf_info(out)["Page size"]
    text = pdf_text(out)
    assert TRICKY_CLIENT in text and "Small COR" in text and dataset.version in text


@pytest.mark.parametrize("where", ["missing-folder", "folder", "too-long"])
def test_cli_report_bad_output(app, tmp_path: Path, capsys, where: str) -> None:
    target = {"missing-folder": tmp_path / "nope" / "x.pdf", "folder": tmp_path,
              "too-long": tmp_path / ("x" * 300 + ".pdf")}[where]
    code = cli.main(["report", "--answers", str(_answers_file(tmp_path)), "--output", str(target)])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("advisor: --output:")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json"]


def test_cli_report_bad_answers(app, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "a.json"
    bad.write_text('{"province": "XX", "workers": 3}')
    code = cli.main(["report", "--answers", str(bad), "--output", str(tmp_path / "x.pdf")])
    captured = capsys.readouterr()
    assert code == 2 and captured.out == "" and "province" in captured.err
    assert not (tmp_path / "x.pdf").exists()
