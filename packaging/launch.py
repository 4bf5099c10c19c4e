"""The frozen app's entry point: ``python -m advisor_gui`` as an executable.

No arguments opens the window; anything else is the command line (including
``--self-test``). Kept thin: start-up imports only what the window needs.
"""

import sys

from advisor_gui.__main__ import _run

if __name__ == "__main__":
    sys.exit(_run())
