"""Start the window: application identity, the dataset, the main window."""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QWidget

from .. import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__

if TYPE_CHECKING:
    from ..domain.dataset_store import Selection

def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Qt's raster engine hands every gradient or pattern fill of 96 rows or more to a
    # pool of threads and waits for them: for a window's fills (a scroll bar's groove,
    # the map's hatching) the hand-off costs more than the fill. A scroll bar drew in
    # 3.0 ms with the pool, 0.2 ms without; the first paint came 13 ms sooner
    # (benchmarks/run.py, this machine). Qt's own switch, read when the pool is first asked for.
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setDesktopFileName(APP_ID)
    from .style import readable_palette

    app.setPalette(readable_palette(app.palette()))
    return app


def load_dataset_or_explain() -> Selection | None:
    """The dataset the app uses (the newest valid installed update, else the
    bundled one), or None after telling the user why there is none."""
    from ..domain.loader import DatasetError
    from ..paths import dataset_store

    try:
        return dataset_store().select()
    except DatasetError as exc:
        from PySide6.QtWidgets import QMessageBox  # message boxes load only when one is shown

        from .messages import tell

        tell(None, QMessageBox.Icon.Critical, QApplication.translate(
            "App", "The rules dataset could not be loaded, so the advisor cannot start."), str(exc))
        return None


def explain_skipped(parent: QWidget, skipped: tuple[str, ...]) -> None:
    """Say which installed rules updates were passed over at start-up, and why."""
    from PySide6.QtWidgets import QMessageBox

    from .messages import message_box

    box = message_box(parent, QMessageBox.Icon.Warning, QApplication.translate(
        "App", "An installed rules update could not be used, so the advisor uses the next newest valid rules "
               "(shown in the status bar). Import the update again, or revert to the bundled rules."),
        detail="\n".join(skipped))
    box.open()


def run(open_file: str | None = None) -> int:
    """The window; ``open_file`` is a client file to open once it shows."""
    gc.disable()  # no collections during start-up; frozen and re-enabled after the first frame
    app = make_app()
    from ..settings import LANGUAGE, Settings
    from . import i18n
    from .controller import AdvisorController
    from .main_window import MainWindow

    settings = Settings()
    lang = i18n.apply(i18n.resolve(str(settings.get(LANGUAGE))))  # before any text is made
    selection = load_dataset_or_explain()
    if selection is None:
        return 2
    window = MainWindow(AdvisorController(selection.dataset, lang=lang), settings)
    window.place_on_screen()
    window.show()
    if selection.skipped:
        window.after_startup(lambda: explain_skipped(window, selection.skipped))
    # Recovery first, then the file: never read behind the back of work recovered for it.
    window.after_startup(lambda: window.document.start(open_file))

    def collect_from_now_on() -> None:
        gc.freeze()  # what start-up built lives as long as the window
        gc.enable()

    window.after_startup(collect_from_now_on)
    if os.environ.get("ADVISOR_BENCH_EXIT_AFTER_PAINT") == "1":  # benchmarks/run.py measures this start-up
        from . import bench_probe

        bench_probe.install(window)
    return app.exec()
