"""PySide6's check of each imported module, answered more cheaply (ui/pyside_imports.py)."""

from __future__ import annotations

import inspect
import subprocess
import sys
import textwrap
from types import ModuleType
from typing import Any

import PySide6.QtCore  # noqa: F401
import pytest

from advisor_gui import app
from advisor_gui.ui import pyside_imports

feature: Any = sys.modules.get("shibokensupport.feature")
pytestmark = pytest.mark.skipif(feature is None or not hasattr(feature, "_mod_uses_pyside"),
                                reason="this PySide6 has no check of imported modules")


def _own_check() -> Any:
    check = feature._mod_uses_pyside
    return check if not getattr(check, "reads_bytes", False) else check.__closure__[0].cell_contents


def test_answers_as_pyside_does_for_every_loaded_module() -> None:
    own = _own_check()
    cheap = pyside_imports._bytes_check(own)
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    assert len(modules) > 100
    uses = {m.__name__ for m in modules if own(m)}
    assert {m.__name__ for m in modules if cheap(m)} == uses
    assert "json" not in uses and "sys" not in uses


def test_a_module_without_a_source_file_gets_pyside_own_answer(tmp_path: Any) -> None:
    seen: list[str] = []
    cheap = pyside_imports._bytes_check(lambda m: seen.append(m.__name__) or True)
    gone = ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # no such file
    assert cheap(sys) and cheap(gone) and seen == ["sys", "gone"]
    here = tmp_path / "here.py"
    here.write_text("import PySide6.QtCore\n", encoding="utf-8")
    module = ModuleType("here")
    module.__file__ = str(here)
    assert cheap(module) and seen == ["sys", "gone"]


def test_installed_once_by_the_window_entry_point() -> None:
    """In a fresh process: the window's entry point puts it in place before
    the window's modules load, and the modules still get PySide6's answers."""
    code = textwrap.dedent("""
        import sys
        from advisor_gui.ui import pyside_imports
        assert pyside_imports.install() is True
        assert pyside_imports.install() is False
        from advisor_gui.ui.style import pane_title  # noqa: F401
        from json import dumps  # noqa: F401
        feature = sys.modules["shibokensupport.feature"]
        assert feature._mod_uses_pyside.reads_bytes
        marks = feature.pyside_feature_dict
        assert marks["advisor_gui.ui.style"] == 0 and marks["json"] == -1, marks
        print("ok")
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "ok", done.stderr
    source = inspect.getsource(app.main)
    assert source.index("pyside_imports.install()") < source.index("from .ui.app_main import run")
