"""Where the main window opens: on a screen's available area (the screen minus
taskbars and docks), title bar and frame included.

Pure geometry on logical pixels (what ``QScreen.availableGeometry()`` gives at
any scaling), so it is tested with made-up screens; :class:`MainWindow` applies
it to the real window and corrects it once the window manager has said how
thick its frame is.

- First start: maximised on screens at most :data:`MAXIMISE_UP_TO` wide
  (laptops, and a 1920-pixel screen at 150 %), with a normal size that fits too;
  above that a comfortable size, centred.
- A remembered geometry is kept when its frame lies on a screen that still
  exists; otherwise (a laptop undocked from its monitor, a smaller resolution)
  it moves to the screen it overlaps most, else the first, shrunk to fit.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMargins, QPoint, QRect, QSize

from ..util.records import record

MAXIMISE_UP_TO = 1440  # logical pixels
PREFERRED = QSize(1680, 1050)  # the most the window asks for on a large screen
# A title bar and border before the window manager has said (corrected after the window shows).
DEFAULT_FRAME = QMargins(8, 38, 8, 8)


@record
class Placement:
    """Where and how the window opens on a screen."""

    rect: QRect  # the window's geometry without its frame, in logical pixels
    maximised: bool


def _fit_size(size: QSize, room: QSize) -> QSize:
    return QSize(max(1, min(size.width(), room.width())), max(1, min(size.height(), room.height())))


def first_placement(available: QRect, frame: QMargins = DEFAULT_FRAME) -> Placement:
    """The window on a first start, on a screen whose available area is ``available``."""
    room = available.marginsRemoved(frame)
    if available.width() <= MAXIMISE_UP_TO:
        return Placement(QRect(room.topLeft(), _fit_size(room.size(), room.size())), True)
    size = _fit_size(QSize(min(PREFERRED.width(), room.width() * 9 // 10), PREFERRED.height()), room.size())
    outer = QRect(QPoint(0, 0), size.grownBy(frame))
    outer.moveCenter(available.center())
    return Placement(outer.marginsRemoved(frame), False)


def _overlap(a: QRect, b: QRect) -> int:
    cut = a.intersected(b)
    return cut.width() * cut.height() if cut.isValid() else 0


def clamp_to_screens(rect: QRect, screens: Sequence[QRect], frame: QMargins = DEFAULT_FRAME) -> QRect:
    """``rect`` (without frame) moved and shrunk so that its frame lies within one
    of ``screens`` (available areas, the first being the primary): the one it
    overlaps most, else the first. Unchanged when it already fits."""
    if not screens:
        return QRect(rect)
    outer = rect.marginsAdded(frame)
    screen = max(screens, key=lambda s: _overlap(outer, s))
    if _overlap(outer, screen) == 0:
        screen = screens[0]
    if screen.contains(outer):
        return QRect(rect)
    size = _fit_size(rect.size(), screen.marginsRemoved(frame).size())
    outer = QRect(outer.topLeft(), size.grownBy(frame))
    # Slide it in: right/bottom edges first, so the title bar wins when both overflow.
    outer.moveRight(min(outer.right(), screen.right()))
    outer.moveBottom(min(outer.bottom(), screen.bottom()))
    outer.moveLeft(max(outer.left(), screen.left()))
    outer.moveTop(max(outer.top(), screen.top()))
    return outer.marginsRemoved(frame)
