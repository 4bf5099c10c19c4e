"""Shared fixtures: Qt offscreen, user folders isolated under tmp, the dataset once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The command line's default language follows the locale: the suite runs in English
# whatever the machine's (tests that want French say --lang fr or set these themselves).
for _name in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings, autosaves and caches never touch the real profile."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("ADVISOR_BASEDIR", str(base))
    return base


@pytest.fixture(scope="session")
def dataset():
    from advisor_gui.domain.loader import load_dataset
    from advisor_gui.paths import bundled_dataset

    return load_dataset(bundled_dataset())


# A Python script (for a fresh process, python -c) that builds the main window on the bundled
# rules, as the app does, and leaves it as ``w`` with its controller ``c``: for tests of what
# a window loads, where the test process has loaded everything already.
BUILD_WINDOW_SCRIPT = (
    "import sys\n"
    "from advisor_gui.ui.app_main import make_app\n"
    "from advisor_gui.domain.loader import load_dataset\n"
    "from advisor_gui.paths import bundled_dataset\n"
    "from advisor_gui.settings import Settings\n"
    "from advisor_gui.ui.controller import AdvisorController\n"
    "from advisor_gui.ui.main_window import MainWindow\n"
    "make_app()\n"
    "c = AdvisorController(load_dataset(bundled_dataset()))\n"
    "w = MainWindow(c, Settings())\n"
)


def on_screen(widget):
    """``widget``'s pixels as its window draws them (a grab of the whole window, cut to the
    widget): at 125 % or 150 % where a widget is in the window decides which of its parts
    fall on whole screen pixels, which a grab of the widget alone would not show."""
    from PySide6.QtCore import QPoint, QRect, QRectF

    window = widget.window()
    image = window.grab().toImage()
    ratio = image.devicePixelRatio()
    area = QRectF(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))
    device = QRectF(area.x() * ratio, area.y() * ratio, area.width() * ratio, area.height() * ratio)
    return image.copy(device.toAlignedRect())


def shown_window(qtbot, tmp_path: Path, dataset, answers=None):
    """A main window on ``dataset`` (and ``answers``), shown offscreen, closed after the test."""
    from advisor_gui.settings import Settings
    from advisor_gui.ui.controller import AdvisorController
    from advisor_gui.ui.main_window import MainWindow

    win = MainWindow(AdvisorController(dataset, answers), Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(scope="session")
def rules_text() -> str:
    from advisor_gui.paths import bundled_dataset

    return bundled_dataset().read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _english_window(request: pytest.FixtureRequest) -> None:
    """Windows start in English, as the app does on an English system (translators
    installed the same way); a test that switches to French is undone here."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from advisor_gui.ui import i18n

    if i18n.current() != "en":
        request.getfixturevalue("qapp")
        i18n.apply("en")


@pytest.fixture(autouse=True)
def _no_unexpected_modal_dialogs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog nobody answers would hang the suite: fail instead.
    Tests that expect a dialog patch ``exec`` themselves (their patch wins)."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        return
    from PySide6.QtWidgets import QDialog, QMessageBox

    def refuse(dialog: QDialog) -> int:
        text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
        raise AssertionError(f"unexpected modal dialog: {text!r}")

    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)


@pytest.fixture(autouse=True)
def _close_without_prompting(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows in other test files change answers freely; closing them at
    teardown must not stop at the unsaved-changes prompt, which
    tests/test_document.py covers on its own."""
    if request.module.__name__.endswith("test_document") or "qtbot" not in request.fixturenames:
        return
    from advisor_gui.ui.document import DocumentController

    monkeypatch.setattr(DocumentController, "close_requested", lambda self: True)


@pytest.fixture
def window(qtbot, dataset, tmp_path: Path):
    """A new main window (nothing answered yet) at 1366x768, shown offscreen."""
    from advisor_gui.settings import Settings
    from advisor_gui.ui.controller import AdvisorController
    from advisor_gui.ui.main_window import MainWindow

    win = MainWindow(AdvisorController(dataset), Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win
