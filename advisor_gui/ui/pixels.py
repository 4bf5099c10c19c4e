"""Where a widget falls on the screen's pixels.

A widget that copies a picture of itself instead of drawing (a scroll bar, a legend
swatch) looks exactly as drawn only where it starts and ends on whole screen pixels:
at 125 % or 150 % a logical pixel is not one, and where the widget is in its window
decides where Qt places its lines and patterns.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QWidget


def blank_picture(device_size: QSize, ratio: float, fill: QColor | Qt.GlobalColor) -> QPixmap:
    """A picture of ``device_size`` screen pixels drawn on at ``ratio`` (in logical
    pixels, as a widget is), filled with ``fill``."""
    picture = QPixmap(device_size)
    picture.setDevicePixelRatio(ratio)
    picture.fill(fill)
    return picture


def on_whole_pixels(widget: QWidget) -> bool:
    """Whether ``widget`` starts and ends on whole screen pixels in its window."""
    ratio = widget.devicePixelRatioF()
    if ratio.is_integer():
        return True
    at = widget.mapTo(widget.window(), QPoint(0, 0))
    return all((v * ratio).is_integer() for v in (at.x(), at.y(), widget.width(), widget.height()))
