"""View ▸ Text Size: the whole window's text scaled from the system's font size.

The size is a percentage of the application font the platform gave the app (its
"base", taken the first time a size is applied), one of :data:`STEPS`; the
settings remember it (``TEXT_SIZE``). :func:`apply` sets the application font,
which every widget without a font size of its own follows; widgets that set a
size of their own (pane titles) are scaled by the same ratio, and the
recommendation card re-renders with its style sheet scaled (:func:`factor`).
At start-up the main window applies the remembered size before it builds a
widget, so nothing is laid out twice; at 100 % it does nothing at all.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

STEPS = (80, 90, 100, 110, 120, 135, 150, 175, 200)
DEFAULT = 100
_SIZE_RESOLVED = 0x2  # QFont::SizeResolved: the widget chose its own size

_base: QFont | None = None
_percent = DEFAULT


def clamp(percent: int) -> int:
    """The nearest step to ``percent`` (a hand-edited setting stays within bounds)."""
    return min(STEPS, key=lambda step: (abs(step - percent), step))


def current() -> int:
    return _percent


def factor() -> float:
    """How much larger than the system's the window's text is now (1.0 at 100 %)."""
    return _percent / 100


def larger(percent: int) -> int:
    return next((s for s in STEPS if s > percent), STEPS[-1])


def smaller(percent: int) -> int:
    return next((s for s in reversed(STEPS) if s < percent), STEPS[0])


def apply(percent: int) -> int:
    """Scale the application's text to ``percent`` (clamped to a step); returns the step used."""
    global _base, _percent
    percent = clamp(int(percent))
    app = QApplication.instance()
    if percent == _percent or not isinstance(app, QApplication):
        _percent = percent
        return percent
    if _base is None:
        _base = QFont(app.font())
    ratio = percent / _percent
    font = QFont(_base)
    if _base.pointSizeF() > 0:
        font.setPointSizeF(_base.pointSizeF() * percent / 100)
    else:
        font.setPixelSize(max(1, round(_base.pixelSize() * percent / 100)))
    _percent = percent
    app.setFont(font)
    for widget in app.allWidgets():  # sizes of their own (titles): the same ratio
        own = widget.font()
        if own.resolveMask() & _SIZE_RESOLVED and own.pointSizeF() > 0:
            own = QFont(own)
            own.setPointSizeF(own.pointSizeF() * ratio)
            widget.setFont(own)
    return percent
