"""``python -m advisor_gui``: the window with no arguments (or with one client
file, as a file manager passes it), else the command line."""

from __future__ import annotations

import sys

CLIENT_FILE_SUFFIX = ".coradvice"


def file_to_open(args: list[str]) -> str | None:
    """The client file to open in the window, when that is all the arguments say."""
    if len(args) == 1 and args[0].lower().endswith(CLIENT_FILE_SUFFIX) and not args[0].startswith("-"):
        return args[0]
    return None


def _run() -> int:
    args = sys.argv[1:]
    if not args or file_to_open(args):
        from .app import main

        return main(file_to_open(args))
    from .cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(_run())
