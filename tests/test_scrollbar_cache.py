"""Scroll bars are drawn once per look and copied afterwards (ui/scrollbar_cache.py):
the same pixels as the base style, fewer drawings, a bounded cache."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QScrollBar, QStyleFactory

from advisor_gui.ui import scrollbar_cache
from advisor_gui.ui.scrollbar_cache import ScrollBarCacheStyle


def _bar(qtbot, style, value: int = 0, length: int = 600) -> QScrollBar:
    bar = QScrollBar(Qt.Orientation.Vertical)
    bar.setStyle(style)
    bar.setRange(0, 1000)
    bar.setPageStep(250)
    bar.setValue(value)
    bar.resize(14, length)
    qtbot.addWidget(bar)
    return bar


def _image(bar: QScrollBar) -> QImage:
    return bar.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def test_a_cached_bar_looks_exactly_like_the_base_styles(qtbot) -> None:
    base = QStyleFactory.create("Fusion")
    cached = ScrollBarCacheStyle(QStyleFactory.create("Fusion"))
    for value, length in ((0, 600), (400, 600), (750, 120)):
        plain = _image(_bar(qtbot, base, value, length))
        fast = _bar(qtbot, cached, value, length)
        assert _image(fast) == plain, (value, length)
        assert _image(fast) == plain, (value, length)  # from the cache, the same


def test_a_picture_is_drawn_once_then_copied(qtbot) -> None:
    style = ScrollBarCacheStyle(QStyleFactory.create("Fusion"))
    bar = _bar(qtbot, style, 100)
    bar.grab()
    assert style.drawings == 1
    for _ in range(3):
        bar.grab()
    assert style.drawings == 1
    bar.setValue(300)  # a new position is a new picture
    bar.grab()
    assert style.drawings == 2
    bar.setValue(100)  # and the first one is still there
    bar.grab()
    assert style.drawings == 2


def test_the_cache_is_bounded(qtbot) -> None:
    style = ScrollBarCacheStyle(QStyleFactory.create("Fusion"))
    bar = _bar(qtbot, style, 0, 80)
    for value in range(0, 1000, 10):
        bar.setValue(value)
        bar.grab()
    assert len(style._pictures) == scrollbar_cache.CACHE_SIZE


def test_the_application_draws_with_it() -> None:
    code = ("from advisor_gui.ui.app_main import make_app\n"
            "print(type(make_app().style()).__name__, make_app().style().baseStyle().name())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen")).stdout.split()
    assert out[0] == "ScrollBarCacheStyle" and out[1] != ""
