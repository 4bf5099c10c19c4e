"""The desktop application's entry point; the window code loads only here."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

NO_DISPLAY = ("advisor: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
              "the headless commands work without one: python -m advisor_gui --help")


def display_missing(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """On Linux and the BSDs, whether Qt would find no display to open a window
    on (it would abort). An explicit QT_QPA_PLATFORM (offscreen, vnc …) is the
    user's choice and always counts as a display."""
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    return not any(environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))


def main(open_file: str | None = None) -> int:
    if display_missing():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from .ui import pyside_imports

    pyside_imports.install()  # first: the window's modules are then imported without PySide6 reading their source
    from .ui.app_main import run

    return run(open_file)
