"""A table whose cells copy the pictures they have shown instead of drawing them again.

The comparison table wraps its cells' text. Qt's item delegate lays that text out
twice on every paint (once to place it, once to draw it) and asks the model, in
Python, for seven roles per cell: the table was about a seventh of an answer's
time on screen. What a cell shows depends only on what the model says it shows
(:meth:`CellKeys.cell_key`), its size and the view's state, so
:class:`PictureTable` keeps each cell's picture under that key and copies it.

- The picture is drawn on the view's base colour, as the cell is on screen, so
  text is smoothed the same way (a transparent picture would lose sub-pixel
  smoothing on screens that use it).
- While the pointer is over the cells, they are drawn as usual: a style may
  light the cell under the pointer, which the key does not tell. So is the cell
  with the keyboard focus (Fusion fills its frame with a gradient laid from where
  it is drawn).
- At a fractional scale (125 %, 150 %), only cells that fall on whole screen
  pixels (where they are in the window) are copied; the others are drawn as usual.
- A cell gets a picture the second time it is shown: the first frame, at
  start-up, draws as Qt does.
- The pictures kept are bounded by size, least recently shown first out.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QRectF
from PySide6.QtGui import QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

from .pixels import blank_picture

PICTURES_BYTES = 6 * 1024 * 1024  # per table: a few hundred cells of the comparison at 1366x768
SEEN_KEPT = 4096  # keys of cells shown once, not yet worth a picture


class CellKeys(Protocol):
    def cell_key(self, row: int, column: int) -> Hashable:
        """Everything the model's data() gives for this cell, in any role."""


class _PictureDelegate(QStyledItemDelegate):
    def __init__(self, view: PictureTable) -> None:
        super().__init__(view)
        self._view = view
        self._pictures: OrderedDict[tuple[Any, ...], QPixmap] = OrderedDict()
        self._bytes = 0
        self._seen: set[tuple[Any, ...]] = set()  # keys shown once
        self.drawn = 0  # cells drawn into a picture (every other paint of a kept cell is a copy)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        state = self._view.paint_state
        row, column = index.row(), index.column()
        if state is None or (state[0] == row and state[1] == column):
            # Under the pointer; or the cell with the focus, whose frame Fusion fills with a
            # gradient that depends on where it is drawn.
            super().paint(painter, option, index)
            return
        rect = option.rect
        ratio = painter.device().devicePixelRatioF()
        if not ratio.is_integer():
            # At 125 % or 150 % a cell can start or end inside a screen pixel (where it is in
            # the window counts, not only in the table), where Qt places text and blends edges
            # in its own way: only a cell on whole screen pixels is copied.
            on_screen = painter.deviceTransform().mapRect(QRectF(rect))
            if not all(v.is_integer() for v in (on_screen.x(), on_screen.y(), on_screen.width(),
                                                  on_screen.height())):
                super().paint(painter, option, index)
                return
        model: Any = index.model()
        key = (model.cell_key(row, column), rect.width(), rect.height(), ratio, state[2])
        picture = self._pictures.get(key)
        if picture is None and key not in self._seen:
            # Shown for the first time (the whole first frame, at start-up): drawn as usual.
            # A cell shown again is worth a picture.
            self._seen.add(key)
            if len(self._seen) > SEEN_KEPT:
                self._seen.clear()
            super().paint(painter, option, index)
            return
        if picture is None:
            picture = blank_picture(rect.size() * ratio, ratio, option.palette.base().color())
            own = QPainter(picture)
            drawn = QStyleOptionViewItem(option)
            drawn.rect = QRect(QPoint(0, 0), rect.size())
            super().paint(own, drawn, index)
            own.end()
            self.drawn += 1
            self._keep(key, picture)
        else:
            self._pictures.move_to_end(key)
        painter.drawPixmap(rect.topLeft(), picture)

    def _keep(self, key: tuple[Any, ...], picture: QPixmap) -> None:
        self._pictures[key] = picture
        self._bytes += picture.width() * picture.height() * 4
        while self._bytes > PICTURES_BYTES and len(self._pictures) > 1:
            _key, old = self._pictures.popitem(last=False)
            self._bytes -= old.width() * old.height() * 4


class PictureTable(QTableView):
    """A read-only table (no selection) over a model with :meth:`CellKeys.cell_key`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pictures = _PictureDelegate(self)
        self.setItemDelegate(self.pictures)
        # For the cells of one paint: the current cell if it shows focus, and what else
        # changes every cell's look (font, palette, enabled, active window); None: draw live.
        self.paint_state: tuple[int, int, Hashable] | None = None

    def paintEvent(self, event: QPaintEvent) -> None:
        # The table itself, not viewport(): wrapping the viewport makes PySide build dozens
        # of widget classes' enumerations (≈ 5 ms) in the first frame. The viewport's focus
        # proxy is the table; the pointer over the table's header or bars counts as over it.
        if self.underMouse():
            self.paint_state = None
        else:
            current = self.currentIndex()
            focus = self.hasFocus() and current.isValid()
            self.paint_state = (current.row() if focus else -1, current.column() if focus else -1,
                                (self.font().key(), self.palette().cacheKey(), self.isEnabled(),
                                 self.isActiveWindow()))
        super().paintEvent(event)
