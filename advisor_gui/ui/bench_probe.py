"""The start-up probe for ``benchmarks/run.py``: with ``ADVISOR_BENCH_EXIT_AFTER_PAINT=1``
the window prints when its first frame is painted (``first-paint <epoch s>``)
and when its deferred start-up work is done (``ready <epoch s>``), then quits.
It lives in the app (not the benchmark) because the frozen app is measured too;
it is imported only when the variable is set."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from .main_window import MainWindow

def install(window: MainWindow) -> None:
    """Report the first paint, and quit once start-up is complete (queue this
    after the window's other start-up work)."""
    window.firstPainted.connect(lambda: print(f"first-paint {time.time():.6f}", flush=True))

    def ready() -> None:
        print(f"ready {time.time():.6f}", flush=True)
        QApplication.quit()

    window.after_startup(ready)
