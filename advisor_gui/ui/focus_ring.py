"""One clear focus indicator for the whole window.

The style's own focus cues are faint (a 1 px line of the highlight colour, or
nothing at all on a text browser) and appear only after a Tab. A single ring
follows the focus instead: 2 px of :data:`RING_COLOUR`, at least 3:1 against
the window, the text fields and the map's colours (``tests/test_contrast.py``).
Small controls get it around them (1 px apart); large panes (the card, the
tables, the map) inside their edge, where the splitters cannot clip it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from shiboken6 import isValid

RING_COLOUR = "#0B4F8A"
RING_WIDTH = 2
GAP = 1  # between a small control and its ring
_OUT = RING_WIDTH + GAP
_LARGE = (280, 140)  # from this size on, a widget is a pane: the ring goes inside


def _is_pane(widget: QWidget) -> bool:
    return isinstance(widget, QAbstractScrollArea) or (
        widget.width() >= _LARGE[0] and widget.height() >= _LARGE[1])


class _Ring(QWidget):
    """The ring itself: a child of the widget it marks, or of an ancestor with room around it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(RING_COLOUR), RING_WIDTH))
        half = RING_WIDTH / 2
        p.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), 3, 3)
        p.end()


class FocusRing(QObject):
    """Shows the ring around whatever has the focus in ``window``."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._ring: _Ring | None = None
        self._target: QWidget | None = None
        self._watched: list[QWidget] = []
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def target(self) -> QWidget | None:
        """The widget the ring is shown around (None: not shown)."""
        ring = self._ring
        return self._target if ring is not None and isValid(ring) and ring.isVisible() else None

    def ring(self) -> QWidget | None:
        return self._ring if self._ring is not None and isValid(self._ring) else None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self._window:
            self.follow(new)
        elif new is not None:
            self._release()

    def follow(self, widget: QWidget) -> None:
        self._release()
        self._target = widget
        host = widget if _is_pane(widget) else _host_for(widget)
        ring = self.ring()
        if ring is None:
            ring = self._ring = _Ring()
        ring.setParent(host)  # a ring whose host is deleted goes with it; the next focus makes another
        self._watched = [widget]
        parent = widget.parentWidget()
        while parent is not None and widget is not host and parent is not host:
            self._watched.append(parent)
            parent = parent.parentWidget()
        for w in self._watched:
            w.installEventFilter(self)
        self._place()

    def _release(self) -> None:
        for w in self._watched:
            if isValid(w):
                w.removeEventFilter(self)
        self._watched = []
        self._target = None
        ring = self.ring()
        if ring is not None:
            ring.hide()

    def _place(self) -> None:
        widget, ring = self._target, self.ring()
        if widget is None or ring is None or not isValid(widget):
            return
        host = ring.parentWidget()
        if host is None or not widget.isVisible():
            ring.hide()
            return
        if widget is host:
            ring.setGeometry(widget.rect())
        else:
            at = QRect(widget.mapTo(host, widget.rect().topLeft()), widget.size())
            ring.setGeometry(at.adjusted(-_OUT, -_OUT, _OUT, _OUT))
        ring.raise_()
        ring.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide,
                            QEvent.Type.ChildAdded):
            self._place()
        return False


def _host_for(widget: QWidget) -> QWidget:
    """The nearest ancestor with room for the ring around ``widget``; never past
    a scroll area's viewport (the ring scrolls, and is clipped, with it)."""
    host = widget.parentWidget()
    assert host is not None
    while True:
        at = QRect(widget.mapTo(host, widget.rect().topLeft()), widget.size())
        if host.rect().contains(at.adjusted(-_OUT, -_OUT, _OUT, _OUT)) or host.isWindow():
            return host
        scroll = host.parentWidget()
        if scroll is None or (isinstance(scroll, QAbstractScrollArea) and scroll.viewport() is host):
            return host
        host = scroll
