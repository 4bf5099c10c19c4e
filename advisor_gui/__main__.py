"""``python -m advisor_gui``: the window with no arguments, else the CLI."""

import sys


def _run() -> int:
    if len(sys.argv) == 1:
        from .app import main

        return main()
    from .cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(_run())
