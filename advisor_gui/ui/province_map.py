"""The map of Canada coloured by what each jurisdiction offers.

Colours come from a colour-blind-safe palette and every category also has its
own hatch pattern, so the map reads in greyscale print; each jurisdiction is
labelled with its code. The coloured map is cached as a pixmap per size; only
the selection outline is drawn on every paint. Click selects, hover shows the
facts, arrow keys move the selection.
"""

from __future__ import annotations

import json
import struct

from PySide6.QtCore import QByteArray, QDataStream, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
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
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..domain.models import Dataset
from ..domain.offer import offer_category
from ..paths import resource
from ..util.records import record
from .plaintext import html_text


@record
class Swatch:
    fill: QColor
    pattern: Qt.BrushStyle


# Okabe-Ito based; patterns keep categories apart in greyscale.
SWATCHES: dict[str, Swatch] = {
    "cor_secor": Swatch(QColor("#0072B2"), Qt.BrushStyle.SolidPattern),
    "cor_small_cor": Swatch(QColor("#56B4E9"), Qt.BrushStyle.BDiagPattern),
    "all_sizes": Swatch(QColor("#009E73"), Qt.BrushStyle.CrossPattern),
    "cor_only": Swatch(QColor("#F0C75E"), Qt.BrushStyle.SolidPattern),
    # Dots, not a second diagonal hatch: told apart from Small COR's at legend size too.
    "not_participating": Swatch(QColor("#D5D5D5"), Qt.BrushStyle.Dense6Pattern),
}

# Label anchors (map units) where the shape's centre is a poor spot.
_LABEL_AT = {"NU": (600, 330), "NT": (330, 420), "NL": (830, 560), "QC": (735, 600), "ON": (575, 700),
             "PE": (905, 632), "NS": (975, 770), "NB": (800, 785)}
# The small Atlantic provinces are labelled out at sea, with a leader line to
# this point inside the province; the label is clickable too.
_LEADER_TO = {"PE": (874, 677), "NS": (905, 722), "NB": (828, 705)}
_HIT_RADIUS = 22.0  # map units around an out-at-sea label
# Labels: dark text with a white halo, readable on every fill and hatch (15:1 against
# the halo; tests/test_contrast.py); the sea labels sit on a white plate.
LABEL_TEXT = "#1A1A1A"
LABEL_HALO = "#FFFFFF"


def paint_swatch(p: QPainter, rect: QRectF, category: str) -> None:
    """Fill + hatch, as on the map (used by the legend too)."""
    sw = SWATCHES[category]
    p.fillRect(rect, sw.fill)
    if sw.pattern != Qt.BrushStyle.SolidPattern:
        p.fillRect(rect, QBrush(QColor(0, 0, 0, 110), sw.pattern))


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
        self._order = [j.code for j in dataset.jurisdictions]
        self._selected = ""
        self._cache: QPixmap | None = None
        self._selection: tuple[tuple[str, QSize], QPixmap] | None = None  # (what it shows, the layer)
        self._transform = QTransform()

    def set_dataset(self, dataset: Dataset) -> None:
        """Recolour for other rules (the shapes stay)."""
        self._ds = dataset
        self._category = {j.code: offer_category(j) for j in dataset.jurisdictions}
        self._cache = None
        self.update()

    def set_language(self, lang: str) -> None:
        """Names and tooltips from the rules in ``lang``."""
        self._lang = lang
        self._describe_selection()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(self.tr("Map of Canada by program offered"))
            self._describe_selection()
        super().changeEvent(event)

    # --- selection ---------------------------------------------------------------
    def selected(self) -> str:
        return self._selected

    def set_selected(self, code: str) -> None:
        if code != self._selected:
            self._selected = code
            self._describe_selection()
            self.update()

    def _describe_selection(self) -> None:
        name = self._ds.jurisdiction(self._selected).name.get(self._lang) if self._selected else ""
        self.setAccessibleDescription(self.tr("Selected: {0}").format(name))

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
        for code in _LEADER_TO:
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
        pix = QPixmap(QSize(int(self.width() * dpr), int(self.height() * dpr)))
        pix.setDevicePixelRatio(dpr)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setTransform(self._transform)
        outline = QPen(QColor("#FFFFFF"), 0)
        outline.setCosmetic(True)
        for code, path in self._paths.items():
            sw = SWATCHES[self._category[code]]
            p.fillPath(path, sw.fill)
            if sw.pattern != Qt.BrushStyle.SolidPattern:
                hatch = QBrush(QColor(0, 0, 0, 110), sw.pattern)
                hatch.setTransform(self._transform.inverted()[0])
                p.fillPath(path, hatch)
            p.strokePath(path, outline)
        p.resetTransform()
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, min(10.0, self.width() / 70)))
        font.setBold(True)
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

    def _render_selection(self) -> QPixmap:
        """The selected jurisdiction's outline on a transparent layer: stroking
        an antialiased path costs more than the rest of a paint, so it is done
        once per selection and size, not on every repaint."""
        dpr = self.devicePixelRatioF()
        pix = QPixmap(QSize(int(self.width() * dpr), int(self.height() * dpr)))
        pix.setDevicePixelRatio(dpr)
        pix.fill(Qt.GlobalColor.transparent)
        if self._selected in self._paths:
            p = QPainter(pix)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setTransform(self._transform)
            pen = QPen(self.palette().highlight().color().darker(150), 3)
            pen.setCosmetic(True)
            p.strokePath(self._paths[self._selected], pen)
            p.resetTransform()
            if self._selected in _LEADER_TO:
                c = self.label_point(self._selected)
                p.setPen(pen)
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(QRectF(c.x() - 15, c.y() - 9, 30, 18), 4, 4)
            p.end()
        return pix

    def paintEvent(self, event: QPaintEvent) -> None:
        size = self.size() * self.devicePixelRatioF()
        if self._cache is None or self._cache.size() != size:
            self._cache = self._render_base()
        key = (self._selected, size)
        if self._selection is None or self._selection[0] != key:
            self._selection = (key, self._render_selection())
        p = QPainter(self)
        p.drawPixmap(0, 0, self._cache)
        p.drawPixmap(0, 0, self._selection[1])
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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}.get(
            Qt.Key(event.key())
        )
        if step is None:
            super().keyPressEvent(event)
            return
        i = self._order.index(self._selected) if self._selected in self._order else -1
        self.provinceClicked.emit(self._order[(i + step) % len(self._order)])
