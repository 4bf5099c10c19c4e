"""``python -m advisor_gui``: the window with no arguments (or with one client
file, as a file manager passes it, optionally after ``--basedir DIR``), else
the command line."""

from __future__ import annotations

import os
import sys

CLIENT_FILE_SUFFIX = ".coradvice"
BASEDIR = "--basedir"


def window_args(args: list[str]) -> tuple[str | None, str | None] | None:
    """``(basedir, client file)`` when the arguments ask for the window:
    nothing, one client file, ``--basedir DIR`` (or ``--basedir=DIR``), or both
    in that order. None when they are a command."""
    basedir = None
    if args and args[0].startswith(BASEDIR + "="):
        basedir, args = args[0][len(BASEDIR) + 1:], args[1:]
    elif len(args) >= 2 and args[0] == BASEDIR:
        basedir, args = args[1], args[2:]
    if not args:
        return basedir, None
    if len(args) == 1 and args[0].lower().endswith(CLIENT_FILE_SUFFIX) and not args[0].startswith("-"):
        return basedir, args[0]
    return None


def file_to_open(args: list[str]) -> str | None:
    """The client file to open in the window, when the arguments name one."""
    found = window_args(args)
    return found[1] if found else None


def _run() -> int:
    args = sys.argv[1:]
    window = window_args(args)
    if window is not None:
        basedir, open_file = window
        if basedir:
            from .paths import BASEDIR_ENV

            os.environ[BASEDIR_ENV] = basedir
        from .app import main

        return main(open_file)
    from .cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(_run())
