"""Inside a fresh D-Bus session (``dbus-run-session -- python tests/atspi_session.py
BASEDIR OUT.json [CLIENT.coradvice]``): start Xvfb, start the app on it with
Qt's accessibility bridge on, read its tree with ``atspi_dump.py`` under the
system Python into OUT.json (not stdout: the bus's daemons write there), and
stop everything. Exit status: the dump's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
APP_NAME = "COR/SECOR Advisor"


def main() -> int:
    basedir, out = sys.argv[1], Path(sys.argv[2])
    extra = sys.argv[3:]
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        display = ":" + pipe.readline().strip()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
           "QT_ACCESSIBILITY": "1", "ADVISOR_BASEDIR": basedir, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    app = subprocess.Popen([sys.executable, "-m", "advisor_gui", *extra], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        dump = subprocess.run(["/usr/bin/python3", str(HERE / "atspi_dump.py"), APP_NAME, "40"], env=env,
                              capture_output=True, text=True, timeout=120)
        out.write_text(dump.stdout, encoding="utf-8")
        sys.stderr.write(dump.stderr)
        return dump.returncode
    finally:
        app.terminate()
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app.kill()
        xvfb.terminate()
        xvfb.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
