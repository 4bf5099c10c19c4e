"""Offline: nothing the app does opens a network connection, ever."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from advisor_gui.domain.models import Answers
from advisor_gui.settings import Settings
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.headless import write_report
from advisor_gui.ui.main_window import MainWindow


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args))
        raise OSError("network access attempted")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_window_interaction_and_pdf_stay_offline(qtbot, dataset, tmp_path: Path, no_network: list[str]) -> None:
    win = MainWindow(AdvisorController(dataset), Settings(str(tmp_path / "s.ini")))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    for code in ("BC", "QC", "ON", "MB"):
        win.controller.set_province(code)
    win.controller.set_answer("workers", 25)
    assert write_report(dataset, Answers(province="BC", workers=12), tmp_path / "s.pdf", client="X") == 0
    assert (tmp_path / "s.pdf").stat().st_size > 1000
    assert no_network == []
    assert "PySide6.QtNetwork" not in sys.modules, "Qt's network module is never loaded"
