"""The window paints on its own thread: Qt's raster pool is switched off (see make_app)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Threads of the process after a gradient fill of 1000 rows (Qt hands such fills to its pool).
PAINT = """
import os, sys
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
if sys.argv[1] == "app":
    from advisor_gui.ui.app_main import make_app
    make_app()
else:
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
before = len(os.listdir("/proc/self/task"))
image = QImage(200, 1000, QImage.Format.Format_ARGB32_Premultiplied)
gradient = QLinearGradient(QPointF(0, 0), QPointF(200, 0))
gradient.setColorAt(0, QColor("white"))
gradient.setColorAt(1, QColor("navy"))
painter = QPainter(image)
painter.fillRect(image.rect(), gradient)
painter.end()
print(len(os.listdir("/proc/self/task")) - before)
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads through /proc")
@pytest.mark.parametrize(("how", "pool"), [("app", False), ("plain", True)])
def test_the_app_fills_without_qts_thread_pool(how: str, pool: bool) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run([sys.executable, "-c", PAINT, how], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=60, check=True)
    started = int(out.stdout.split()[-1])
    if pool:
        if os.cpu_count() == 1:
            pytest.skip("one CPU: Qt starts no pool")
        assert started > 0  # the control: a plain application fills in threads
    else:
        assert started == 0
