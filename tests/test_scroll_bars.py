"""Scroll bars that copy the looks they have shown (ui/scroll_bars.py): the same
pixels as a plain bar, drawn once per look, redrawn live under the pointer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QScrollArea, QScrollBar

from advisor_gui.ui import scroll_bars
from advisor_gui.ui.scroll_bars import CachedScrollBar

from .conftest import on_screen


def _bar(qtbot, cls: type[QScrollBar], value: int = 0, length: int = 600) -> QScrollBar:
    bar = cls(Qt.Orientation.Vertical)
    bar.setRange(0, 1000)
    bar.setPageStep(250)
    bar.setValue(value)
    bar.resize(16, length)  # on whole screen pixels at 125 % and 150 % as at 100 %
    bar.move(300, 50)  # away from the pointer (offscreen, it rests at 0, 0)
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    return bar


def _image(bar: QScrollBar) -> QImage:
    return bar.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_a_kept_look_is_pixel_for_pixel_the_styles(qtbot) -> None:
    for value, length in ((0, 600), (400, 600), (750, 120)):
        plain = _bar(qtbot, QScrollBar, value, length)
        cached = _bar(qtbot, CachedScrollBar, value, length)
        _image(cached)  # a look not kept yet: drawn by the style, kept on the next turn
        _settle()
        drawn = cached.drawn
        assert drawn >= 1
        copy = _image(cached)
        _settle()
        assert cached.drawn == drawn  # a copy: a look drawn live would have been kept now
        assert copy == _image(plain), (value, length)
        plain.close()
        cached.close()


def test_a_look_is_drawn_once_then_copied(qtbot) -> None:
    bar = _bar(qtbot, CachedScrollBar, 100)
    bar.repaint()
    _settle()
    assert bar.drawn == 1
    for _ in range(3):
        bar.repaint()
        _settle()
    assert bar.drawn == 1
    bar.setValue(300)  # a new position is a new look
    bar.repaint()
    _settle()
    assert bar.drawn == 2
    bar.setValue(100)  # the first is still kept
    bar.repaint()
    _settle()
    assert bar.drawn == 2


def test_the_looks_kept_are_bounded_and_the_least_recently_shown_go_first(qtbot, monkeypatch) -> None:
    bar = _bar(qtbot, CachedScrollBar, 0, 80)
    ratio = bar.devicePixelRatioF()
    look = round(16 * ratio) * round(80 * ratio) * 4  # bytes
    monkeypatch.setattr(scroll_bars, "LOOKS_BYTES", 10 * look)  # ten looks of this bar
    for value in range(0, 1000, 25):
        bar.setValue(value)
        bar.repaint()
        _settle()
        bar.setValue(0)  # shown again and again: kept
        bar.repaint()
        _settle()
    assert bar.drawn == 40 and len(bar._pictures) == 10
    bar.repaint()
    _settle()
    assert bar.drawn == 40  # the look at 0 was never dropped


def test_under_the_pointer_the_bar_is_drawn_live(qtbot, monkeypatch) -> None:
    bar = _bar(qtbot, CachedScrollBar, 100)
    monkeypatch.setattr(bar, "underMouse", lambda: True)
    for _ in range(3):
        bar.repaint()
        _settle()
    assert bar.drawn == 0


def test_the_windows_scroll_areas_use_them(qtbot, window) -> None:
    for area in (window.card, window.interview.findChild(QScrollArea), window.comparison.table):
        assert isinstance(area.verticalScrollBar(), CachedScrollBar), area


def test_the_windows_bars_look_as_the_style_draws_them_where_they_are(qtbot, window) -> None:
    # In the window (at 150 % a bar may start inside a screen pixel, and is then drawn live).
    window.controller.set_answer("province", "AB")
    window.controller.set_answer("workers", 12)
    window.controller.flush()
    bars = [b for b in window.findChildren(CachedScrollBar) if b.isVisible()]
    assert len(bars) >= 2

    for bar in bars:
        bar.repaint()
        _settle()
        kept = on_screen(bar)  # copied, where the bar is on whole pixels
        bar._live = lambda: True  # drawn by the style
        try:
            assert on_screen(bar) == kept, bar.parent().objectName()
        finally:
            del bar._live
