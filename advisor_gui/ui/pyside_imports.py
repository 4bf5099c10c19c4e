"""A cheaper form of the check PySide6 makes on every module imported after it.

Once ``PySide6.QtCore`` is loaded, PySide6 (for its opt-in ``from __feature__
import ...``, PYSIDE-2029) asks of each module name met in an ``import``
statement for the first time whether that module uses PySide6: it reads the
module's whole source through :func:`inspect.getsource` (linecache, tokenize's
encoding detection, a list of lines) and looks for the word ``PySide6``. The
window's start-up meets some 105 module names that way, ≈ 8–15 ms of CPU
before the first frame (a bare PySide6 window meets a handful).

:func:`install` keeps the question and its answer, and answers it by looking
for the same word in the bytes of the module's ``.py`` file; any other module
(built in, frozen, from a zip, a ``.pyc`` only) still gets PySide6's own check.
It changes nothing if this PySide6 has no such check: the app uses no PySide6
feature, and a module's answer only matters to one that does.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def install() -> bool:
    """Load PySide6 and put the cheaper check in place of its own (once).
    False when this PySide6 has no such check, or it is already in place."""
    import PySide6.QtCore  # noqa: F401  (installs PySide6's import hook and its check)

    feature = sys.modules.get(_FEATURE_MODULE)
    own = getattr(feature, _CHECK, None)
    if feature is None or not callable(own) or getattr(own, "reads_bytes", False):
        return False
    setattr(feature, _CHECK, _bytes_check(own))
    return True


def _bytes_check(own: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        """Whether ``module``'s source says ``PySide6``, as ``own`` answers."""
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return own(module)

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    return uses_pyside
