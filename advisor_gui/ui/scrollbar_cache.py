"""Scroll bars drawn once per look, then copied (a proxy over the platform's style).

Fusion, Qt's style on Linux without a desktop theme, draws a scroll bar in time
proportional to its length: about 3 ms for a 600-pixel bar on a 2-core laptop,
more than the rest of a pane. The window shows three, so every repaint of the
whole window spent most of its time on them. A scroll bar's picture depends only
on its size, range, position, state and palette, so this style draws each
distinct picture once into a pixmap and copies it afterwards; everything else
goes to the base style unchanged.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOptionComplex, QStyleOptionSlider, QWidget

# Enough for every bar on screen in each of its states (hovered, pressed, scrolled a little).
CACHE_SIZE = 48


class ScrollBarCacheStyle(QProxyStyle):
    """The application's default style, with scroll bar pictures cached."""

    def __init__(self, base: QStyle | None = None) -> None:
        super().__init__(base) if base is not None else super().__init__()
        self._pictures: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()
        self.drawings = 0  # pictures drawn by the base style (the rest were copies)
        # Only Fusion's bars are slow and still: other styles (Windows 11's) animate
        # theirs on hover, which a picture keyed on the bar's state would freeze.
        self._caching = self.baseStyle().name().lower() == "fusion"

    def drawComplexControl(self, control: QStyle.ComplexControl, option: QStyleOptionComplex,
                           painter: QPainter, widget: QWidget | None = None) -> None:
        if not self._caching or control != QStyle.ComplexControl.CC_ScrollBar \
                or not isinstance(option, QStyleOptionSlider) or option.rect.isEmpty():
            super().drawComplexControl(control, option, painter, widget)
            return
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        key = (option.rect.width(), option.rect.height(), ratio, option.orientation, option.minimum,
               option.maximum, option.sliderPosition, option.pageStep, option.upsideDown,
               option.state.value, option.subControls.value, option.activeSubControls.value,
               option.palette.cacheKey(), option.direction)
        picture = self._pictures.get(key)
        if picture is None:
            picture = QPixmap(option.rect.size() * ratio)
            picture.setDevicePixelRatio(ratio)
            picture.fill(option.palette.window().color())
            local = QStyleOptionSlider(option)
            local.rect = QRect(QPoint(0, 0), option.rect.size())
            self.drawings += 1
            ink = QPainter(picture)
            super().drawComplexControl(control, local, ink, widget)
            ink.end()
            self._pictures[key] = picture
            if len(self._pictures) > CACHE_SIZE:
                self._pictures.popitem(last=False)
        else:
            self._pictures.move_to_end(key)
        painter.drawPixmap(option.rect.topLeft(), picture)
