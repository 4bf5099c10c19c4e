"""Scroll bars that copy their pictures instead of drawing them again.

Fusion, Qt's style on Linux without a desktop theme, draws the window's three
scroll bars slowly when the whole window repaints: a full repaint took 6-12 ms
with them and about 2 ms with copies (benchmarks/run.py, 1366x768). A bar's
picture depends only on its size, range, position, state and palette, so
:class:`CachedScrollBar` keeps the looks it has shown (up to 2 MiB of them per bar) and
copies it when that look comes back. A look not seen yet is drawn as usual and
kept on the next turn of the event loop; while the pointer is over the bar or
drags it, the bar is always drawn as usual (the style lights the part under the
pointer, which the bar does not tell).

A subclass, not a proxy style: a style written in Python makes PySide build
every enumeration of ``QStyle`` before the first frame (about 11 ms) and sends
every complex control of the window (combo boxes, spin boxes) through Python.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QWidget

from .pixels import on_whole_pixels

# Per bar, the looks kept fill at most this many bytes: about 50 looks of the card's bar at
# 1366x768 (a look per document length and scroll position an answer gives), 15 at 150 %.
# A look drawn again costs 2-5 ms (Fusion fills the groove's gradient in threads).
LOOKS_BYTES = 2 * 1024 * 1024


class CachedScrollBar(QScrollBar):
    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._pictures: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()
        self._drawing = False  # inside render(): the style draws
        self._keep_due = False
        self.drawn = 0  # looks drawn into a picture (every other paint of a kept look is a copy)

    def _look(self) -> tuple[Any, ...]:
        return (self.width(), self.height(), self.devicePixelRatioF(), self.minimum(), self.maximum(),
                self.sliderPosition(), self.pageStep(), self.invertedAppearance(), self.isEnabled(),
                self.hasFocus(), self.isActiveWindow(), self.palette().cacheKey(), self.layoutDirection())

    def _live(self) -> bool:
        """Drawn by the style as usual: under the pointer, or being dragged (the style
        lights the part under the pointer), or not on whole screen pixels (at 125 % or
        150 %, where the bar is in the window decides how Qt places its parts)."""
        return self.underMouse() or self.isSliderDown() or not on_whole_pixels(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        picture = None
        if not (self._drawing or self._live()):
            key = self._look()
            picture = self._pictures.get(key)
            if picture is not None:
                self._pictures.move_to_end(key)  # the looks least recently shown go first
        if picture is None:
            super().paintEvent(event)
            if not self._drawing and not self._keep_due:
                self._keep_due = True
                QTimer.singleShot(0, self, self._keep)  # dropped if the bar goes first
            return
        painter = QPainter(self)
        painter.drawPixmap(0, 0, picture)
        painter.end()

    def _keep(self) -> None:
        """Draw the current look into a picture (outside a paint event: render() may not nest)."""
        self._keep_due = False
        key = self._look()
        if self._live() or key in self._pictures or self.width() <= 0 or self.height() <= 0:
            return
        ratio = self.devicePixelRatioF()
        picture = QPixmap(self.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        self._drawing = True
        try:
            self.render(picture, QPoint(0, 0))  # the background too, as a paint on screen has it
        finally:
            self._drawing = False
        self.drawn += 1
        self._pictures[key] = picture
        kept = max(1, LOOKS_BYTES // max(1, picture.width() * picture.height() * 4))
        while len(self._pictures) > kept:
            self._pictures.popitem(last=False)


def cache_scroll_bars(area: QAbstractScrollArea) -> None:
    """Give ``area`` scroll bars that copy the looks they have shown."""
    area.setVerticalScrollBar(CachedScrollBar(Qt.Orientation.Vertical))
    area.setHorizontalScrollBar(CachedScrollBar(Qt.Orientation.Horizontal))
