"""Regression: PySide6 6.12.0 on Python 3.11 drops a reference to None on every
void Qt call and aborts after a few thousand (packaging-notes.md). The pinned
version must survive 20,000 such calls with None's refcount intact."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_void_qt_calls_do_not_leak_none_references() -> None:
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtWidgets import QApplication, QLabel
        app = QApplication([])
        label = QLabel()
        before = sys.getrefcount(None)
        for i in range(20000):
            label.setText("x")
            label.resize(10 + i % 5, 10)
        drift = sys.getrefcount(None) - before
        print(drift)
        sys.exit(0 if abs(drift) < 100 else 3)
        """
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stdout}{proc.stderr[-500:]}"
