"""The map of Canada coloured by what each jurisdiction offers.

Colours come from a colour-blind-safe palette and every category also has its
own hatch pattern, so the map reads in greyscale print; each jurisdiction is
labelled with its code. The coloured map is cached as a pixmap per size, the
selection outline as a layer per selection and size. Click selects, hover shows
the facts, arrow keys move the selection in geographic order (:data:`ROWS`).

Screen readers see each jurisdiction as an item of the map (a list): its name
and code, what it offers, its certifying partners, whether it is selected and
where it is (:class:`ProvinceMapAccessible`, :class:`ProvinceItemAccessible`).
"""

from __future__ import annotations

import json
import math
import struct

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QDataStream,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleStateChangeEvent,
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget, QSizePolicy, QToolTip, QWidget

from ..domain.models import Dataset, Jurisdiction
from ..domain.offer import offer_category
from ..paths import resource
from ..util.records import record
from .pixels import blank_picture, on_whole_pixels
from .plaintext import html_text


@record
class Swatch:
    """How one offer category is painted: fill colour, pattern and the colour's name."""

    fill: QColor
    pattern: Qt.BrushStyle
    colour: object  # the fill in words, for screen readers (a QT_TRANSLATE_NOOP in context "ProvinceMap")


# Okabe-Ito based; patterns keep categories apart in greyscale.
SWATCHES: dict[str, Swatch] = {
    "cor_secor": Swatch(QColor("#0072B2"), Qt.BrushStyle.SolidPattern, QT_TRANSLATE_NOOP("ProvinceMap", "dark blue")),
    "cor_small_cor": Swatch(QColor("#56B4E9"), Qt.BrushStyle.BDiagPattern,
                            QT_TRANSLATE_NOOP("ProvinceMap", "light blue")),
    "all_sizes": Swatch(QColor("#009E73"), Qt.BrushStyle.CrossPattern, QT_TRANSLATE_NOOP("ProvinceMap", "green")),
    "cor_only": Swatch(QColor("#F0C75E"), Qt.BrushStyle.SolidPattern, QT_TRANSLATE_NOOP("ProvinceMap", "yellow")),
    # Dots, not a second diagonal hatch: told apart from Small COR's at legend size too.
    "not_participating": Swatch(QColor("#D5D5D5"), Qt.BrushStyle.Dense6Pattern,
                                QT_TRANSLATE_NOOP("ProvinceMap", "grey")),
}
HATCH = QColor(0, 0, 0, 110)  # the pattern's lines, over the fill

# Each pattern in words (a swatch is named "COR + SECOR: solid, dark blue").
PATTERN_WORDS = {
    Qt.BrushStyle.SolidPattern: QT_TRANSLATE_NOOP("ProvinceMap", "solid"),
    Qt.BrushStyle.BDiagPattern: QT_TRANSLATE_NOOP("ProvinceMap", "hatched with lines rising to the right"),
    Qt.BrushStyle.CrossPattern: QT_TRANSLATE_NOOP("ProvinceMap", "cross-hatched"),
    Qt.BrushStyle.Dense6Pattern: QT_TRANSLATE_NOOP("ProvinceMap", "dotted"),
}

# The selection: a dark line with a white line inside it, so that whatever the
# fill on either side (dark blue to light grey) it meets the dark line, at
# 3:1 or more (tests/test_province_map.py computes the ratios).
SELECTION_DARK = QColor("#111111")
SELECTION_HALO = QColor("#FFFFFF")

# Geographic order for the arrow keys: rows north to south, each west to east.
# Left/Right walk the rows in reading order, Up/Down go to the nearest label
# in the row above or below, Home/End to the first and the last.
ROWS: tuple[tuple[str, ...], ...] = (
    ("YT", "NT", "NU"),
    ("BC", "AB", "SK", "MB", "ON", "QC", "NL"),
    ("NB", "NS", "PE"),
)

# Label anchors (map units) where the shape's centre is a poor spot.
_LABEL_AT = {"NU": (600, 330), "NT": (330, 420), "NL": (845, 535), "QC": (735, 600), "ON": (575, 700),
             "PE": (905, 632), "NS": (975, 770), "NB": (800, 785)}
# The small Atlantic provinces are labelled out at sea, with a leader line to
# this point inside the province; the label is clickable too.
_LEADER_TO = {"PE": (874, 677), "NS": (905, 722), "NB": (828, 705)}
_HIT_RADIUS = 22.0  # map units around a label (some are out at sea)
_REACH = 400.0  # Up/Down go no further (map units): nothing lies south of BC to go to
# Labels: dark text with a white halo, readable on every fill and hatch (15:1 against
# the halo; tests/test_contrast.py); the sea labels sit on a white plate.
LABEL_TEXT = "#1A1A1A"
LABEL_HALO = "#FFFFFF"


def paint_swatch(p: QPainter, rect: QRectF, category: str) -> None:
    """Fill + hatch, as on the map (used by the legend too)."""
    sw = SWATCHES[category]
    # fillPath, not fillRect: choosing among fillRect's overloads makes PySide build
    # the enumerations of QGradient and QImage (~3 ms of start-up) for a swatch.
    area = QPainterPath()
    area.addRect(rect)
    p.fillPath(area, sw.fill)
    if sw.pattern != Qt.BrushStyle.SolidPattern:
        p.fillPath(area, QBrush(HATCH, sw.pattern))


def _halo_text(p: QPainter, rect: QRectF, font: QFont, text: str) -> None:
    """``text`` centred in ``rect``, dark on a white halo."""
    metrics = QFontMetricsF(font)
    at = QPointF(rect.center().x() - metrics.horizontalAdvance(text) / 2,
                 rect.center().y() + (metrics.ascent() - metrics.descent()) / 2)
    path = QPainterPath()
    path.addText(at, font, text)
    halo = QPen(QColor(LABEL_HALO), 3.5)
    halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.strokePath(path, halo)
    p.fillPath(path, QColor(LABEL_TEXT))


def shape_paths(shapes: dict[str, dict[str, list[list[float]]]]) -> dict[str, QPainterPath]:
    """One path per jurisdiction from its rings of flat x, y coordinates.

    The rings are handed to Qt as one QDataStream of polygons (a count, then
    big-endian doubles): a QPointF per vertex from Python costs 2–3 times as much.
    """
    blob = b"".join(struct.pack(f">I{len(ring)}d", len(ring) // 2, *ring)
                    for shape in shapes.values() for ring in shape["rings"])
    stream = QDataStream(QByteArray(blob))
    paths: dict[str, QPainterPath] = {}
    for code, shape in shapes.items():
        path = QPainterPath()
        for _ring in shape["rings"]:
            polygon = QPolygonF()
            stream >> polygon
            path.addPolygon(polygon)
            path.closeSubpath()
        paths[code] = path
    if stream.status() != QDataStream.Status.Ok:
        raise ValueError("map/provinces.json: the shapes could not be read")
    return paths


class ProvinceMap(QWidget):
    provinceClicked = Signal(str)

    def __init__(self, dataset: Dataset, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceMap")
        self.setAccessibleName(self.tr("Map of Canada by program offered"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 180)
        self._ds = dataset
        self._lang = "en"
        doc = json.loads(resource("map/provinces.json").read_text(encoding="utf-8"))
        self._view = QRectF(*doc["viewBox"])
        self._paths = shape_paths(doc["shapes"])
        self._category: dict[str, str] = {j.code: offer_category(j) for j in dataset.jurisdictions}
        self._rows = [[code for code in row if code in self._paths] for row in ROWS]
        self._order = [code for row in self._rows for code in row]
        self._selected = ""
        self._cache: QPixmap | None = None
        # The selection's outline, drawn once per jurisdiction and size over the part of the
        # map it covers: (where it goes, the layer), by (code, device width, device height).
        self._selections: dict[tuple[str, int, int, float], tuple[QPointF, QPixmap] | None] = {}
        self._transform = QTransform()
        self._boxes: tuple[QSize, dict[str, QRectF]] | None = None  # (for what size, the labels' boxes)
        # One accessible item per jurisdiction, made when a screen reader first asks.
        self._items: list[ProvinceItemAccessible] = []
        self._a11y: ProvinceMapAccessible | None = None
        install_accessibility()

    def set_dataset(self, dataset: Dataset) -> None:
        """Recolour for other rules (the shapes stay)."""
        self._ds = dataset
        self._category = {j.code: offer_category(j) for j in dataset.jurisdictions}
        self._cache = None
        self.update()
        self._renamed()

    def set_language(self, lang: str) -> None:
        """Names and tooltips from the rules in ``lang``."""
        self._lang = lang
        self._describe_selection()
        self._renamed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Map of Canada by program offered"))
            self._describe_selection()
            self._renamed()
        super().changeEvent(event)

    def _renamed(self) -> None:
        """The items' names and descriptions follow the language and the rules."""
        if QAccessible.isActive() and self._items:
            for index in range(len(self._items)):
                for kind in (QAccessible.Event.NameChanged, QAccessible.Event.DescriptionChanged):
                    event = QAccessibleEvent(self, kind)
                    event.setChild(index)
                    self._announce(event)

    # --- selection ---------------------------------------------------------------
    def selected(self) -> str:
        return self._selected

    def set_selected(self, code: str) -> None:
        if code != self._selected:
            before = self._selected
            self._selected = code
            self._describe_selection()
            self.update()
            self._announce_selection(before)

    def _describe_selection(self) -> None:
        name = self._ds.jurisdiction(self._selected).name.get(self._lang) if self._selected else ""
        self.setAccessibleDescription(self.tr("Selected: {0}").format(name))

    def codes(self) -> list[str]:
        """The jurisdictions in geographic order (the arrow keys' and the screen readers')."""
        return list(self._order)

    def _jurisdiction(self, code: str) -> Jurisdiction:
        return self._ds.jurisdiction(code)

    def item_name(self, code: str) -> str:
        """What a screen reader calls the jurisdiction: its name, its code as
        the map shows it, and what it offers."""
        from .province_model import describe_offer

        j = self._jurisdiction(code)
        return self.tr("{0} ({1}) — {2}").format(j.name.get(self._lang), code,
                                                  describe_offer(self._ds, j, self._lang))

    def partners_text(self, code: str) -> str:
        partners = ", ".join(p.acronym for p in self._jurisdiction(code).partners) or self.tr("none listed")
        return self.tr("Certifying partners: {0}").format(partners)

    def facts_text(self, code: str) -> str:
        """The selected jurisdiction's facts as plain text, for the label under the map."""
        if code not in self._paths:
            return self.tr("Choose a province or territory: click it on the map, or use the arrow keys.")
        return f"{self.item_name(code)}\n{self.partners_text(code)}"

    def code_rect(self, code: str) -> QRect:
        """Where the jurisdiction is drawn, in widget coordinates (its label
        out at sea too, for the small Atlantic provinces)."""
        rect = self._transform.mapRect(self._paths[code].boundingRect())
        if code in _LEADER_TO:
            at = self.label_point(code)
            rect = rect.united(QRectF(at.x() - 15, at.y() - 9, 30, 18))
        return rect.toAlignedRect()

    # --- accessibility -------------------------------------------------------------
    def accessible_interface(self) -> ProvinceMapAccessible:
        """The map's interface for Qt's accessibility cache: the same object
        while Qt keeps it, a new one if Qt has let the previous go."""
        if self._a11y is None or not shiboken6.isValid(self._a11y):
            self._a11y = ProvinceMapAccessible(self)
        return self._a11y

    def accessible_items(self) -> list[ProvinceItemAccessible]:
        if not self._items:
            self._items = [ProvinceItemAccessible(self, code) for code in self._order]
            # Interfaces without an object of their own live in Qt's cache until
            # removed: remove them with the map (not at exit, when Python and
            # the cache would both delete them).
            self.destroyed.connect(lambda _obj=None, items=self._items: _forget(items))
        return self._items

    def _announce(self, event: QAccessibleEvent) -> None:
        QAccessible.updateAccessibility(event)

    def _announce_selection(self, before: str) -> None:
        """Tell screen readers the selection moved (Orca reads the newly focused item)."""
        if not QAccessible.isActive():
            return
        changed = QAccessible.State()
        changed.selected = True
        for code in (before, self._selected):
            if code in self._order:
                event = QAccessibleStateChangeEvent(self, changed)
                event.setChild(self._order.index(code))
                self._announce(event)
        if self._selected in self._order:
            index = self._order.index(self._selected)
            selection = QAccessibleEvent(self, QAccessible.Event.Selection)
            selection.setChild(index)
            self._announce(selection)
            if self.hasFocus():
                focus = QAccessibleEvent(self, QAccessible.Event.Focus)
                focus.setChild(index)
                self._announce(focus)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if QAccessible.isActive():
            # Qt announces the map itself once this returns: hand the focus on
            # to the selected item after that, so a screen reader reads it.
            QTimer.singleShot(0, self, self._focus_selected_item)

    def _focus_selected_item(self) -> None:
        if self.hasFocus() and self._selected in self._order:
            focus = QAccessibleEvent(self, QAccessible.Event.Focus)
            focus.setChild(self._order.index(self._selected))
            self._announce(focus)

    # --- geometry ----------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(520, 450)

    def hasHeightForWidth(self) -> bool:
        return False

    def _update_transform(self) -> None:
        margin = 6.0
        w, h = self.width() - 2 * margin, self.height() - 2 * margin
        scale = min(w / self._view.width(), h / self._view.height())
        dx = margin + (w - self._view.width() * scale) / 2 - self._view.left() * scale
        dy = margin + (h - self._view.height() * scale) / 2 - self._view.top() * scale
        self._transform = QTransform(scale, 0, 0, scale, dx, dy)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._cache = None
        self._update_transform()
        super().resizeEvent(event)

    def code_at(self, pos: QPointF) -> str:
        inv, ok = self._transform.inverted()
        if not ok:
            return ""
        pt = inv.map(pos)
        for code, path in self._paths.items():
            if path.contains(pt):
                return code
        best, best_d = "", _HIT_RADIUS
        for code in _LABEL_AT:  # a label set in the sea (NU's in Hudson Bay, the small Atlantic ones)
            x, y = _LABEL_AT[code]
            d = ((pt.x() - x) ** 2 + (pt.y() - y) ** 2) ** 0.5
            if d <= best_d:
                best, best_d = code, d
        return best

    def label_point(self, code: str) -> QPointF:
        """Where the jurisdiction's label sits, in widget coordinates (inside
        its shape, or at the end of its leader line)."""
        at = QPointF(*_LABEL_AT[code]) if code in _LABEL_AT else self._paths[code].boundingRect().center()
        return self._transform.map(at)

    # --- painting ----------------------------------------------------------------
    def _render_base(self) -> QPixmap:
        dpr = self.devicePixelRatioF()
        pix = blank_picture(QSize(int(self.width() * dpr), int(self.height() * dpr)), dpr, Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setTransform(self._transform)
        outline = QPen(QColor("#FFFFFF"), 0)
        outline.setCosmetic(True)
        for code, path in self._paths.items():
            sw = SWATCHES[self._category[code]]
            p.fillPath(path, sw.fill)
            if sw.pattern != Qt.BrushStyle.SolidPattern:
                hatch = QBrush(HATCH, sw.pattern)
                hatch.setTransform(self._transform.inverted()[0])
                p.fillPath(path, hatch)
            p.strokePath(path, outline)
        p.resetTransform()
        font = self._label_font()
        p.setFont(font)
        leader = QPen(QColor("#5A5A5A"), 1)
        for code in self._paths:
            at = self.label_point(code)
            rect = QRectF(at.x() - 20, at.y() - 9, 40, 18)
            if code in _LEADER_TO:
                p.setPen(leader)
                p.drawLine(at, self._transform.map(QPointF(*_LEADER_TO[code])))
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(255, 255, 255, 230))
                p.drawRoundedRect(rect.adjusted(6, 1, -6, -1), 3, 3)
                p.setPen(QColor(LABEL_TEXT))
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, code)
            else:
                _halo_text(p, rect, font, code)
        p.end()
        return pix

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, min(10.0, self.width() / 70)))
        font.setBold(True)
        return font

    def _label_boxes(self) -> dict[str, QRectF]:
        """Where each label is written, in widget coordinates (the box of a
        label out at sea, the text's own rectangle inland); measured once per size."""
        if self._boxes is None or self._boxes[0] != self.size():
            metrics = QFontMetricsF(self._label_font())
            boxes: dict[str, QRectF] = {}
            for code in self._paths:
                at = self.label_point(code)
                rect = QRectF(at.x() - 20, at.y() - 9, 40, 18)
                if code in _LEADER_TO:
                    boxes[code] = rect.adjusted(6, 1, -6, -1)
                else:
                    boxes[code] = metrics.boundingRect(rect, Qt.AlignmentFlag.AlignCenter, code).adjusted(-4, 0, 4, 0)
            self._boxes = (self.size(), boxes)
        return self._boxes[1]

    def _render_selection(self, *, whole: bool = False) -> tuple[QPointF, QPixmap] | None:
        """The selected jurisdiction's outline on a transparent layer over the part of
        the map it covers, and where that part is: stroking an antialiased path costs
        more than the rest of a paint, so it is done once per jurisdiction and size,
        not on every repaint nor on every change of province. A dark line with a white
        line inside it (see :data:`SELECTION_DARK`), then cleared off the labels so it
        never crosses a code (Quebec's outline runs under "NL"); clearing costs less
        than clipping the strokes. ``whole``: a layer the size of the map (what the part
        must look like, for the tests)."""
        if self._selected not in self._paths:
            return None
        area = self._transform.mapRect(self._paths[self._selected].boundingRect()).adjusted(-4, -4, 4, 4)
        if whole:
            area = QRectF(self.rect())
        if self._selected in _LEADER_TO:
            c = self.label_point(self._selected)
            area = area.united(QRectF(c.x() - 20, c.y() - 14, 40, 28))
        area = area.intersected(QRectF(self.rect()))
        if area.isEmpty():
            return None
        # On whole screen pixels (at 125 % or 150 % a logical pixel is not one), so the
        # layer lies on the map exactly as a layer the size of the map would.
        dpr = self.devicePixelRatioF()
        left, top = math.floor(area.left() * dpr), math.floor(area.top() * dpr)
        right, bottom = math.ceil(area.right() * dpr), math.ceil(area.bottom() * dpr)
        part = QRectF(left / dpr, top / dpr, (right - left) / dpr, (bottom - top) / dpr)
        pix = blank_picture(QSize(right - left, bottom - top), dpr, Qt.GlobalColor.transparent)
        origin = QTransform.fromTranslate(-part.x(), -part.y())  # widget coordinates -> the layer's
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pens = []
        for colour, width in ((SELECTION_DARK, 4.0), (SELECTION_HALO, 1.0)):  # logical pixels
            pen = QPen(colour, width * dpr)  # cosmetic: in device pixels, and at 1 px Qt's fastest line
            pen.setCosmetic(True)
            pens.append(pen)
        p.setTransform(self._transform * origin)
        for pen in pens:
            p.strokePath(self._paths[self._selected], pen)
        p.setTransform(origin)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
        for code, box in self._label_boxes().items():
            if code != self._selected or code not in _LEADER_TO:
                p.fillRect(box, Qt.GlobalColor.transparent)
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        if self._selected in _LEADER_TO:
            c = self.label_point(self._selected)
            p.setBrush(Qt.BrushStyle.NoBrush)
            for pen in pens:
                p.setPen(pen)
                p.drawRoundedRect(QRectF(c.x() - 16, c.y() - 10, 32, 20), 5, 5)
        p.end()
        return part.topLeft(), pix

    def paintEvent(self, event: QPaintEvent) -> None:
        size = self.size() * self.devicePixelRatioF()
        if self._cache is None or self._cache.size() != size:
            self._cache = self._render_base()
        key = (self._selected, size.width(), size.height(), self.devicePixelRatioF())
        if key not in self._selections:
            if any(k[1:] != key[1:] for k in self._selections):
                self._selections.clear()  # drawn for another size
            self._selections[key] = self._render_selection()
        layer = self._selections[key]
        p = QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        if layer is not None:
            p.drawPixmap(layer[0], layer[1])
        if self.hasFocus():
            p.resetTransform()
            focus = QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DashLine)
            p.setPen(focus)
            p.drawRect(self.rect().adjusted(1, 1, -2, -2))
        p.end()

    # --- interaction ---------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        code = self.code_at(event.position())
        if code and event.button() == Qt.MouseButton.LeftButton:
            self.provinceClicked.emit(code)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        code = self.code_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if code else Qt.CursorShape.ArrowCursor)
        if code:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_for(code), self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def tooltip_for(self, code: str) -> str:
        from .province_model import describe_offer

        j = self._ds.jurisdiction(code)
        partners = ", ".join(p.acronym for p in j.partners) or self.tr("none listed")
        # Rich text (the name in bold): every value from the rules file escaped.
        return self.tr("<b>{0}</b><br>{1}<br>Certifying partners: {2}").format(
            html_text(j.name.get(self._lang)), html_text(describe_offer(self._ds, j, self._lang)),
            html_text(partners)
        )

    def _anchor(self, code: str) -> QPointF:
        """Where the jurisdiction's label is, in map units."""
        return QPointF(*_LABEL_AT[code]) if code in _LABEL_AT else self._paths[code].boundingRect().center()

    def neighbour(self, code: str, key: Qt.Key) -> str:
        """Where ``key`` moves the selection from ``code``: Left/Right to the
        previous/next in :data:`ROWS` (west to east, row after row, stopping at
        the ends), Up/Down to the nearest label in the row above/below (if
        one is near enough: Down from the Prairies stays put), Home/End to
        the first/last; with nothing selected, to the first."""
        order = self._order
        if not order:
            return ""
        if key == Qt.Key.Key_Home or code not in order:
            return order[0]
        if key == Qt.Key.Key_End:
            return order[-1]
        i = order.index(code)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            return order[max(0, min(len(order) - 1, i + (1 if key == Qt.Key.Key_Right else -1)))]
        row = next(r for r, codes in enumerate(self._rows) if code in codes)
        target = row + (1 if key == Qt.Key.Key_Down else -1)
        if not 0 <= target < len(self._rows) or not self._rows[target]:
            return code
        here = self._anchor(code)

        def distance(other: str) -> float:
            d = self._anchor(other) - here
            return float(d.x() ** 2 + d.y() ** 2)

        nearest = min(self._rows[target], key=distance)
        return nearest if distance(nearest) <= _REACH ** 2 else code

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        moves = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End)
        chooses = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not plain or key not in moves + chooses:
            super().keyPressEvent(event)
            return
        event.accept()
        if key in moves:
            target = self.neighbour(self._selected, key)
            if target and target != self._selected:
                self.provinceClicked.emit(target)
        elif self._order:
            self.provinceClicked.emit(self._selected if self._selected in self._order else self._order[0])


class LegendSwatch(QWidget):
    """A legend entry's fill and pattern, as on the map; screen readers read it
    as an image named for its category, pattern and colour."""

    def __init__(self, category: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = category
        self.setFixedSize(QSize(22, 14))  # big enough for the hatch to show its direction
        install_accessibility()

    def describe(self, label: str) -> str:
        sw = SWATCHES[self.category]
        pattern = QCoreApplication.translate("ProvinceMap", str(PATTERN_WORDS[sw.pattern]))
        colour = QCoreApplication.translate("ProvinceMap", str(sw.colour))
        return self.tr("{0}: {1}, {2}").format(label, pattern, colour)

    def draw(self, p: QPainter) -> None:
        """The swatch: its fill and pattern, edged in Qt's dark grey."""
        paint_swatch(p, QRectF(self.rect()), self.category)
        p.setPen(Qt.GlobalColor.darkGray)
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def paintEvent(self, event: QPaintEvent) -> None:
        # The picture never changes with the window: drawn once per category and pixel
        # ratio, then copied (a whole-window repaint drew the five swatches again); drawn
        # as such where the swatch is not on whole screen pixels (the hatch's phase).
        if not on_whole_pixels(self):
            p = QPainter(self)
            self.draw(p)
            p.end()
            return
        ratio = self.devicePixelRatioF()
        key = (self.category, self.width(), self.height(), ratio)
        picture = _SWATCH_PICTURES.get(key)
        if picture is None:
            picture = blank_picture(self.size() * ratio, ratio, Qt.GlobalColor.transparent)
            p = QPainter(picture)
            self.draw(p)
            p.end()
            _SWATCH_PICTURES[key] = picture
        p = QPainter(self)
        p.drawPixmap(0, 0, picture)
        p.end()


_SWATCH_PICTURES: dict[tuple[str, int, int, float], QPixmap] = {}  # category, size, pixel ratio


# --- what screen readers see -----------------------------------------------------------
class ProvinceMapAccessible(QAccessibleWidget):
    """The map as a list of its jurisdictions (in :data:`ROWS` order)."""

    def __init__(self, owner: ProvinceMap) -> None:
        super().__init__(owner, QAccessible.Role.List)
        self._map = owner

    def childCount(self) -> int:
        return len(self._map.accessible_items()) if shiboken6.isValid(self._map) else 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes a null pointer
        items = self._map.accessible_items() if shiboken6.isValid(self._map) else []
        return items[index] if 0 <= index < len(items) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        items = self._map.accessible_items() if shiboken6.isValid(self._map) else []
        return next((i for i, item in enumerate(items) if item is child), -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes a null pointer
        if not shiboken6.isValid(self._map):
            return None
        code = self._map.code_at(QPointF(self._map.mapFromGlobal(QPoint(x, y))))
        return self.child(self._map.codes().index(code)) if code else None

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes a null pointer
        if shiboken6.isValid(self._map) and self._map.hasFocus() and self._map.selected() in self._map.codes():
            return self.child(self._map.codes().index(self._map.selected()))
        return None


class ProvinceItemAccessible(QAccessibleInterface):
    """One jurisdiction: a list item named "British Columbia (BC) — COR from 20
    workers; Small COR up to 19", described by its certifying partners,
    selected when it is the province answered, placed where it is drawn."""

    def __init__(self, owner: ProvinceMap, code: str) -> None:
        super().__init__()
        self._map = owner
        self.code = code

    def _alive(self) -> bool:
        return shiboken6.isValid(self._map)

    def isValid(self) -> bool:
        return self._alive()

    def object(self) -> QObject | None:  # type: ignore[override]  # Qt takes a null pointer
        return None

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes a null pointer
        return QAccessible.queryAccessibleInterface(self._map) if self._alive() else None

    def window(self) -> QWindow | None:  # type: ignore[override]  # Qt takes a null pointer
        return self._map.window().windowHandle() if self._alive() else None

    def relations(self, match: QAccessible.RelationFlag | None = None
                  ) -> list[tuple[QAccessibleInterface, QAccessible.RelationFlag]]:
        return []

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes a null pointer
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes a null pointer
        return None

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]  # Qt takes a null pointer
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def text(self, t: QAccessible.Text) -> str:
        if not self._alive():
            return ""
        if t == QAccessible.Text.Name:
            return self._map.item_name(self.code)
        if t == QAccessible.Text.Description:
            return self._map.partners_text(self.code)
        return ""

    def setText(self, t: QAccessible.Text, text: str) -> None:
        pass

    def rect(self) -> QRect:
        if not self._alive():
            return QRect()
        r = self._map.code_rect(self.code)
        return QRect(self._map.mapToGlobal(r.topLeft()), r.size())

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        if not self._alive():
            state.invalid = True
            return state
        state.focusable = True
        state.selectable = True
        state.selected = self._map.selected() == self.code
        state.focused = state.selected and self._map.hasFocus()
        state.invisible = not self._map.isVisible()
        return state


def _forget(items: list[ProvinceItemAccessible]) -> None:
    """Take a gone map's items out of Qt's accessibility cache (which deletes them)."""
    for item in items:
        if shiboken6.isValid(item):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(item))
    items.clear()


_factory_installed = False


def _accessible_for(key: str, obj: QObject) -> QAccessibleInterface | None:
    if key == "ProvinceMap" and isinstance(obj, ProvinceMap):
        return obj.accessible_interface()
    if key == "LegendSwatch" and isinstance(obj, LegendSwatch):
        return QAccessibleWidget(obj, QAccessible.Role.Graphic)
    return None


def install_accessibility() -> None:
    """Give Qt the map's and the legend's accessible interfaces (once)."""
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_accessible_for)
        _factory_installed = True
