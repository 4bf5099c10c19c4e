"""Start the window: application identity, the dataset, the main window."""

from __future__ import annotations

import gc
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from ..domain.models import Dataset

BENCH_EXIT_AFTER_PAINT = "ADVISOR_BENCH_EXIT_AFTER_PAINT"


class _FirstPaint(QObject):
    """For benchmarks/run.py: print when the window has first painted, then quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {time.time():.6f}", flush=True)
        QApplication.quit()


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setDesktopFileName(APP_ID)
    return app


def load_dataset_or_explain() -> Dataset | None:
    """The dataset the app uses, or None after telling the user why not."""
    from ..domain.loader import DatasetError, load_with_cache
    from ..paths import bundled_dataset, prebuilt_cache_dir, user_dirs

    try:
        return load_with_cache(bundled_dataset(), user_dirs().cache, prebuilt_cache_dir())
    except DatasetError as exc:
        QMessageBox.critical(None, APP_NAME, QApplication.translate(
            "App", "The rules dataset could not be loaded, so the advisor cannot start.\n\n{0}").format(exc))
        return None


def run() -> int:
    gc.disable()  # no collections during start-up; frozen and re-enabled after the first frame
    app = make_app()
    from ..settings import Settings
    from .controller import AdvisorController
    from .main_window import MainWindow

    dataset = load_dataset_or_explain()
    if dataset is None:
        return 2
    window = MainWindow(AdvisorController(dataset), Settings())
    window.show()
    if os.environ.get(BENCH_EXIT_AFTER_PAINT) == "1":
        window.installEventFilter(_FirstPaint(window))

    def after_first_frame() -> None:
        gc.freeze()
        gc.enable()

    QTimer.singleShot(0, after_first_frame)
    return app.exec()
