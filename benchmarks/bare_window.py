"""The benchmark's baseline: a bare PySide6 window (QMainWindow + QLabel),
started the way the app starts, with the same first-paint moment as the app's
MainWindow.firstPainted: the event-loop turn after the window's first Paint
event (ADVISOR_BENCH_EXIT_AFTER_PAINT=1)."""

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {time.time():.6f}", flush=True)
        QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.setCentralWidget(QLabel("A bare PySide6 window"))
    window.resize(1366, 768)
    window.show()
    if os.environ.get("ADVISOR_BENCH_EXIT_AFTER_PAINT") == "1":
        window.installEventFilter(_FirstPaint(window))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
