"""Printing for real: the summary goes through the same QPrinter path File ▸
Print… uses, to a CUPS queue whose driver (cups-pdf) writes what it would
have printed to a PDF. The driver re-encodes fonts, so pages are compared,
not extracted text. Needs root (to start cupsd and add the queue) and
Debian's cups and printer-driver-cups-pdf (``scripts/setup.sh --dev``
installs them); skipped without them except in CI, where that fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from advisor_gui.domain.models import Answers
from advisor_gui.settings import Settings
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

QUEUE = "AdvisorTestPDF"
OUT = Path.home() / "PDF"  # cups-pdf's Out for the job's user (/etc/cups/cups-pdf.conf)


def _missing() -> str:
    if os.geteuid() != 0:
        return "starting cupsd and adding a queue needs root"
    for tool in ("cupsd", "lpadmin", "lpstat", "pdfinfo", "pdftoppm"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path("/usr/lib/cups/backend/cups-pdf").exists():
        return "printer-driver-cups-pdf is not installed"
    return ""


@pytest.fixture(scope="module")
def queue() -> str:
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"the printing test cannot run in CI: {missing}")
        pytest.skip(missing)
    if subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout.strip() != "scheduler is running":
        subprocess.run(["cupsd"], check=True)
        end = time.monotonic() + 20
        while subprocess.run(["lpstat", "-r"], capture_output=True, text=True).stdout.strip() != \
                "scheduler is running":
            assert time.monotonic() < end, "cupsd did not start"
            time.sleep(0.1)
    subprocess.run(["lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-E", "-m", "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"],
                   check=True, capture_output=True)
    yield QUEUE
    subprocess.run(["lpadmin", "-x", QUEUE], capture_output=True)


def printed(doc_name: str, timeout: float = 60) -> Path:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = sorted(OUT.glob(f"{doc_name}*.pdf")) if OUT.is_dir() else []
        if found and subprocess.run(["pdfinfo", str(found[-1])], capture_output=True).returncode == 0:
            return found[-1]
        time.sleep(0.2)
    raise AssertionError(f"nothing from {doc_name!r} in {OUT}")


def non_blank_pages(pdf: Path, tmp: Path) -> int:
    subprocess.run(["pdftoppm", "-r", "20", "-gray", str(pdf), str(tmp / "page")], check=True)
    count = 0
    for page in sorted(tmp.glob("page*.pgm")):
        data = page.read_bytes()
        pixels = data[data.index(b"255\n") + 4:]
        count += any(b < 200 for b in pixels)  # some ink on the page
    return count


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_print_sends_every_page_to_the_printer(qtbot, queue: str, dataset, tmp_path: Path, page_size: str) -> None:
    from advisor_gui import settings as opt
    from advisor_gui.ui.printing import paint_report, pdf_bytes, printers_available

    assert printers_available()
    window = MainWindow(AdvisorController(dataset, Answers(province="BC", workers=12, prime_contractor="unknown")),
                        Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(window)
    window.settings.set(opt.PAGE_SIZE, page_size)
    report = window.printing.report()
    printer = window.printing.printer(report)  # what Print… hands the print dialog
    printer.setPrinterName(queue)  # what the user picks in it
    doc = f"advisor-{page_size}-{os.getpid()}"
    printer.setDocName(doc)
    assert printer.isValid()
    paint_report(report, printer)
    pdf = printed(doc)
    expected = pdf_bytes(report, page_size)[1]
    assert expected >= 2
    assert non_blank_pages(pdf, tmp_path) == expected
