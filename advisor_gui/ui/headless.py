"""Headless renderings for the CLI: the window as a PNG, the client summary as a PDF."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..domain.models import Answers, Dataset
from ..domain.register import Derived, Scenario


def _ensure_platform() -> None:
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") \
            and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def write_screenshot(dataset: Dataset, answers: Answers, output: Path, size: tuple[int, int], *,
                     lang: str = "en") -> int:
    """Render the full window with ``answers`` at ``size`` in ``lang`` to a PNG.
    Uses a throwaway settings file, so remembered window state never leaks in."""
    _ensure_platform()
    from PySide6.QtWidgets import QApplication

    from ..settings import Settings
    from . import i18n
    from .app_main import make_app
    from .controller import AdvisorController
    from .main_window import MainWindow

    make_app()
    i18n.apply(lang)
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(AdvisorController(dataset, answers, lang=lang), Settings(str(Path(tmp) / "settings.ini")))
        window.resize(*size)
        window.show()
        for _ in range(3):
            QApplication.processEvents()
        window.apply_default_sizes()
        window.controller.flush()
        for _ in range(3):  # layouts settle, then the views' once-per-turn refits run
            QApplication.processEvents()
        image = window.grab()
        window.document.discard_changes()
        window.close()
    if not image.save(str(output), "PNG"):
        raise OSError(f"could not write {output}")
    return 0


def write_report(dataset: Dataset, answers: Answers, output: Path, *, client: str = "", notes: str = "",
                 page_size: str = "letter", lang: str = "en", scenarios: Sequence[Scenario] = (),
                 derived: Derived | None = None) -> int:
    """Write the client summary for ``answers`` as a PDF (``letter`` or ``a4``) in ``lang``,
    with the consultant and firm remembered in the settings and the consultant's
    ``notes``; a client file's ``scenarios`` (its register ``derived``) side by
    side. Returns 0; raises OSError when ``output`` cannot be written."""
    _ensure_platform()
    from ..settings import Settings
    from .app_main import make_app
    from .printing import report_for, write_pdf

    make_app()
    report = report_for(dataset, answers, Settings(), client=client, notes=notes, lang=lang, scenarios=scenarios,
                        derived=derived)
    write_pdf(report, Path(output), page_size)
    return 0
