"""The map without a mouse and without sight: geographic arrow keys, the selected
jurisdiction's facts as text, one accessible item per jurisdiction (read
in-process here; over AT-SPI in test_accessibility_tree.py), named legend
swatches, and a selection outline that stands out on every fill."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAccessible, QBrush, QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from advisor_gui.domain.offer import CATEGORIES
from advisor_gui.settings import Settings
from advisor_gui.ui import i18n
from advisor_gui.ui.controller import AdvisorController
from advisor_gui.ui.main_window import MainWindow
from advisor_gui.ui.province_map import (
    HATCH,
    ROWS,
    SELECTION_DARK,
    SELECTION_HALO,
    SWATCHES,
    LegendSwatch,
    ProvinceMap,
)

from .conftest import on_screen

pytestmark = pytest.mark.gui

ALL = ["YT", "NT", "NU", "BC", "AB", "SK", "MB", "ON", "QC", "NL", "NB", "NS", "PE"]


@pytest.fixture
def window(qtbot, dataset, tmp_path: Path) -> MainWindow:
    win = MainWindow(AdvisorController(dataset), Settings(str(tmp_path / "settings.ini")))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.provinces.tabs.setCurrentIndex(0)
    return win


def press(qtbot, m: ProvinceMap, key: Qt.Key) -> str:
    qtbot.keyClick(m, key)
    return m.selected()


# --- keyboard ------------------------------------------------------------------------
def test_left_and_right_walk_the_rows_west_to_east(window: MainWindow, qtbot) -> None:
    m = window.provinces.map
    m.setFocus()
    assert m.codes() == ALL == [code for row in ROWS for code in row]
    assert press(qtbot, m, Qt.Key.Key_Home) == "YT"
    walked = ["YT"] + [press(qtbot, m, Qt.Key.Key_Right) for _ in range(12)]
    assert walked == ALL
    assert press(qtbot, m, Qt.Key.Key_Right) == "PE", "the last stays the last"
    back = [press(qtbot, m, Qt.Key.Key_Left) for _ in range(12)]
    assert back == ALL[-2::-1]
    assert press(qtbot, m, Qt.Key.Key_Left) == "YT"
    assert press(qtbot, m, Qt.Key.Key_End) == "PE"
    assert window.controller.answers.province == "PE", "moving the selection answers the question"


UP = {"BC": "YT", "AB": "NT", "SK": "NT", "MB": "NT", "ON": "NU", "QC": "NU", "NL": "NU",
      "NB": "QC", "NS": "NL", "PE": "NL", "YT": "YT", "NT": "NT", "NU": "NU"}
DOWN = {"YT": "BC", "NT": "SK", "NU": "QC", "ON": "NB", "QC": "PE", "NL": "PE",
        "BC": "BC", "AB": "AB", "SK": "SK", "MB": "MB", "NB": "NB", "NS": "NS", "PE": "PE"}


@pytest.mark.parametrize(("key", "expected"), [(Qt.Key.Key_Up, UP), (Qt.Key.Key_Down, DOWN)])
def test_up_and_down_go_to_the_nearest_neighbour_in_the_next_row(window: MainWindow, qtbot, key, expected) -> None:
    m = window.provinces.map
    m.setFocus()
    moves = {}
    for code in ALL:
        window.controller.set_province(code)
        moves[code] = press(qtbot, m, key)
    assert moves == expected


def test_enter_and_space_choose_and_other_keys_pass_through(window: MainWindow, qtbot) -> None:
    m = window.provinces.map
    m.setFocus()
    chosen: list[str] = []
    m.provinceClicked.connect(chosen.append)
    window.controller.set_province("MB")
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
        qtbot.keyClick(m, key)
    assert chosen == ["MB", "MB", "MB"]
    qtbot.keyClick(m, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)  # a shortcut's, not the map's
    qtbot.keyClick(m, Qt.Key.Key_A)
    assert chosen == ["MB", "MB", "MB"] and m.selected() == "MB"


# --- the facts as text -----------------------------------------------------------------
def test_the_selected_jurisdictions_facts_are_shown_as_text(window: MainWindow, dataset, qtbot) -> None:
    facts = window.provinces.facts
    assert facts.isVisible() and facts.textFormat() == Qt.TextFormat.PlainText
    m = window.provinces.map
    m.setFocus()
    window.controller.set_province("BC")
    text = facts.text()
    assert text.startswith("British Columbia (BC) — COR from 20 workers; Small COR up to 19\n")
    assert "Certifying partners: BCCSA" in text
    press(qtbot, m, Qt.Key.Key_Right)  # AB
    assert facts.text().startswith("Alberta (AB) — ")
    assert ", ".join(p.acronym for p in dataset.jurisdiction("AB").partners) in facts.text()
    window.controller.set_province("QC")
    assert facts.text() == "Quebec (QC) — Does not take part in COR\nCertifying partners: none listed"


def test_the_facts_label_keeps_its_hints_per_text_and_font(window: MainWindow) -> None:
    # Coming back to a province gives the hints QLabel gives for that text, in any text size.
    facts = window.provinces.facts

    def hints() -> tuple[QSize, QSize]:
        return facts.sizeHint(), facts.minimumSizeHint()

    def measured_again() -> tuple[QSize, QSize]:
        facts._hints.clear()
        return hints()

    seen = set()
    for code in ("BC", "QC", "AB", "BC", "QC", "AB"):
        window.controller.set_province(code)
        window.controller.flush()
        kept = hints()
        assert kept == measured_again(), code
        seen.add(kept[0].width())
    assert len(seen) > 1  # the hints follow the text
    window.controller.set_province("BC")
    window.controller.flush()
    small = hints()
    bigger = facts.font()
    bigger.setPointSizeF(bigger.pointSizeF() * 1.5)
    facts.setFont(bigger)
    assert hints() == measured_again() != small


def test_the_facts_follow_the_language(window: MainWindow) -> None:
    window.controller.set_province("BC")
    i18n.apply("fr")
    window.controller.set_language("fr")
    text = window.provinces.facts.text()
    assert text.startswith("Colombie-Britannique (BC) — COR à partir de 20 travailleurs")
    assert "Partenaires de certification\u00a0: BCCSA" in text
    item = QAccessible.queryAccessibleInterface(window.provinces.map).child(ALL.index("BC"))
    assert item.text(QAccessible.Text.Name).startswith("Colombie-Britannique (BC) — ")
    i18n.apply("en")
    window.controller.set_language("en")
    assert window.provinces.facts.text().startswith("British Columbia (BC) — ")


# --- screen readers -------------------------------------------------------------------
def test_each_jurisdiction_is_an_accessible_item_of_the_map(window: MainWindow, dataset) -> None:
    m = window.provinces.map
    window.controller.set_province("BC")
    iface = QAccessible.queryAccessibleInterface(m)
    assert iface is QAccessible.queryAccessibleInterface(m), "one interface per map, kept"
    assert iface.role() == QAccessible.Role.List and iface.childCount() == 13
    map_rect = iface.rect()
    names = []
    for i in range(iface.childCount()):
        item = iface.child(i)
        assert item is iface.child(i) and iface.indexOfChild(item) == i
        assert item.isValid() and item.parent() is iface and item.object() is None
        assert item.role() == QAccessible.Role.ListItem
        j = dataset.jurisdiction(ALL[i])
        name = item.text(QAccessible.Text.Name)
        assert name.startswith(f"{j.name.get('en')} ({j.code}) — ")
        assert item.text(QAccessible.Text.Description).startswith("Certifying partners: ")
        state = item.state()
        assert state.focusable and state.selectable and not state.invisible
        assert bool(state.selected) == (j.code == "BC")
        rect = item.rect()
        assert not rect.isEmpty() and map_rect.contains(rect.center()), j.code
        assert iface.childAt(*_global_label_point(m, j.code)) is item, j.code
        names.append(name)
    assert names[ALL.index("BC")] == "British Columbia (BC) — COR from 20 workers; Small COR up to 19"
    assert iface.childAt(map_rect.left() + 1, map_rect.top() + 1) is None
    assert iface.child(13) is None and iface.child(-1) is None


def _global_label_point(m: ProvinceMap, code: str) -> tuple[int, int]:
    at = m.mapToGlobal(m.label_point(code).toPoint())
    return at.x(), at.y()


def test_the_focused_item_is_the_selected_one(window: MainWindow, qtbot) -> None:
    m = window.provinces.map
    window.controller.set_province("SK")
    iface = QAccessible.queryAccessibleInterface(m)
    sk = iface.child(ALL.index("SK"))
    assert not sk.state().focused and iface.focusChild() is None
    m.setFocus()
    qtbot.waitUntil(m.hasFocus)
    assert sk.state().focused and iface.focusChild() is sk


def test_moving_the_selection_is_announced(window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a screen reader is told: focus on the map goes on to the selected
    item (after Qt announces the map), a move changes two items' selected
    state, the map's selection and the focused item."""
    m = window.provinces.map
    window.controller.set_province("AB")
    window.interview.editor("workers").setFocus()
    events: list[tuple[QAccessible.Event, int]] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(m, "_announce", lambda event: events.append((event.type(), event.child())))
    ab, sk = ALL.index("AB"), ALL.index("SK")
    m.setFocus()
    qtbot.waitUntil(lambda: events == [(QAccessible.Event.Focus, ab)])
    events.clear()
    qtbot.keyClick(m, Qt.Key.Key_Right)  # AB -> SK
    assert events == [(QAccessible.Event.StateChanged, ab), (QAccessible.Event.StateChanged, sk),
                      (QAccessible.Event.Selection, sk), (QAccessible.Event.Focus, sk)]


def test_the_items_leave_with_the_map(qtbot, dataset) -> None:
    import shiboken6

    m = ProvinceMap(dataset)
    items = [QAccessible.queryAccessibleInterface(m).child(i) for i in range(13)]
    ids = [QAccessible.uniqueId(item) for item in items]  # as the AT-SPI bridge registers them
    m.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(m))
    assert not any(shiboken6.isValid(item) for item in items)
    assert all(QAccessible.accessibleInterface(i) is None for i in ids)


def test_legend_swatches_are_named_images(window: MainWindow) -> None:
    swatches = window.provinces.legend.findChildren(LegendSwatch)
    assert [s.category for s in swatches] == list(CATEGORIES)
    names = {s.category: s.accessibleName() for s in swatches}
    assert names["cor_secor"] == "COR + SECOR: solid, dark blue"
    assert names["cor_small_cor"] == "COR + Small COR: hatched with lines rising to the right, light blue"
    assert names["all_sizes"] == "COR + SECOR, all sizes: cross-hatched, green"
    assert len(set(names.values())) == len(names)
    for swatch in swatches:
        assert QAccessible.queryAccessibleInterface(swatch).role() == QAccessible.Role.Graphic


def test_a_legend_swatch_is_its_fill_and_edge_copied(window: MainWindow) -> None:
    # A swatch copies a picture drawn once per category: the same pixels as drawing it.
    for swatch in window.provinces.legend.findChildren(LegendSwatch):
        ratio = swatch.devicePixelRatioF()
        expected = QImage(swatch.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        expected.setDevicePixelRatio(ratio)
        expected.fill(Qt.GlobalColor.transparent)
        p = QPainter(expected)
        swatch.draw(p)
        p.end()
        for _ in range(2):  # drawn, then copied
            shown = QImage(swatch.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
            shown.setDevicePixelRatio(ratio)
            shown.fill(Qt.GlobalColor.transparent)
            swatch.render(shown)
            assert shown == expected, swatch.category


# --- the selection outline ----------------------------------------------------------------
def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(top: QColor, bottom: QColor) -> QColor:
    a = top.alphaF()
    return QColor.fromRgbF(*(t * a + b * (1 - a) for t, b in
                             zip((top.redF(), top.greenF(), top.blueF()), (bottom.redF(), bottom.greenF(),
                                                                           bottom.blueF()), strict=True)))


def coverage(pattern: Qt.BrushStyle) -> float:
    """The share of a surface a Qt hatch pattern's lines cover."""
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.fillRect(image.rect(), QBrush(Qt.GlobalColor.black, pattern))
    p.end()
    return sum(image.pixelColor(x, y).alpha() > 0 for x in range(64) for y in range(64)) / 64 ** 2


def test_the_selection_outline_stands_out_on_every_fill(window: MainWindow) -> None:
    """WCAG 1.4.11: the dark line meets every fill (a hatched one as the eye
    mixes it: the fill with its share of hatch lines) and the window behind
    the map at 3:1 or more, and its white inner line at 3:1."""
    behind = window.provinces.map.palette().window().color()
    surfaces = {"window": behind}
    for category, sw in SWATCHES.items():
        surfaces[category] = sw.fill
        if sw.pattern != Qt.BrushStyle.SolidPattern:
            share = coverage(sw.pattern)
            assert 0 < share < 0.3, (category, share)
            lines = QColor(HATCH)
            lines.setAlphaF(HATCH.alphaF() * share)
            surfaces[category + ", hatched"] = over(lines, sw.fill)
    ratios = {name: round(contrast(SELECTION_DARK, colour), 2) for name, colour in surfaces.items()}
    assert min(ratios.values()) >= 3.0, ratios
    assert contrast(SELECTION_DARK, SELECTION_HALO) >= 3.0
    assert ratios["cor_secor"] >= 3.0  # the dark blue the old outline reached only 1.37:1 on


def test_the_outline_leaves_the_labels_readable(window: MainWindow, qtbot) -> None:
    m = window.provinces.map
    window.controller.set_province("QC")
    at, layer = m._render_selection()
    dpr = layer.devicePixelRatio()
    image = QImage(m.size() * dpr, QImage.Format.Format_ARGB32_Premultiplied)  # the layer where it goes
    image.setDevicePixelRatio(dpr)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.drawPixmap(at, layer)
    p.end()

    def ink(rect: QRect) -> int:
        return sum(1 for x in range(rect.left(), rect.right() + 1) for y in range(rect.top(), rect.bottom() + 1)
                   if image.pixelColor(int(x * dpr), int(y * dpr)).alpha() > 0)

    assert ink(m.code_rect("QC")) > 100, "the outline is drawn"
    nl = m.label_point("NL").toPoint()
    assert ink(QRect(nl - QPoint(6, 4), nl + QPoint(6, 4))) == 0, "nothing is drawn over NL's label"


def test_each_outline_is_drawn_once_per_size(window: MainWindow, qtbot) -> None:
    m = window.provinces.map
    drawn: list[str] = []
    render = m._render_selection

    def counted():
        drawn.append(m.selected())
        return render()

    m._render_selection = counted
    for code in ("QC", "AB", "QC", "AB", "NL"):
        window.controller.set_province(code)
        m.repaint()
    assert drawn == ["QC", "AB", "NL"]
    first = m.grab().toImage()
    m.resize(m.width() - 40, m.height())
    m.repaint()
    assert drawn[-1] == "NL" and len(drawn) == 4  # another size: drawn again
    m.resize(m.width() + 40, m.height())
    m.repaint()
    assert m.grab().toImage() == first


def test_the_outline_lies_on_the_map_as_a_layer_the_size_of_the_map_would(window: MainWindow) -> None:
    # The layer covers only the outline's part of the map, on whole screen pixels (at 150 %
    # a logical pixel is not one): the map looks as it would with a layer over all of it.
    m = window.provinces.map

    def shown():
        return on_screen(m)

    for code in ("QC", "NL", "PE", "BC"):
        window.controller.set_province(code)
        m.repaint()
        part = shown()
        key = next(k for k in m._selections if k[0] == code)
        m._selections[key] = m._render_selection(whole=True)
        whole = shown()
        del m._selections[key]
        # The outline's antialiasing may round a shade differently (BC: 9 pixels off by at
        # most 3 of 255 at 100 %): no pixel may differ by more than that.
        assert part.size() == whole.size(), code
        worst = max((max(abs(((part.pixel(x, y) >> s) & 255) - ((whole.pixel(x, y) >> s) & 255)) for s in (0, 8, 16))
                     for x in range(part.width()) for y in range(part.height())
                     if part.pixel(x, y) != whole.pixel(x, y)), default=0)
        assert worst <= 4, (code, worst)


def test_hit_testing_and_rects_need_no_mouse(qtbot, dataset) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    m = ProvinceMap(dataset, parent)
    m.resize(520, 450)
    for code in ALL:
        assert m.code_rect(code).contains(m.label_point(code).toPoint()), code


def test_choosing_another_province_never_resizes_the_map(window: MainWindow, dataset, qtbot) -> None:
    """The facts under the map reserve the height of the longest of them: a map
    resized on every choice would be redrawn whole and relay out its pane."""
    m = window.provinces.map
    for lang in ("en", "fr"):
        i18n.apply(lang)
        window.controller.set_language(lang)
        window.controller.set_province("ON")
        QApplication.processEvents()
        size = m.size()
        for j in dataset.jurisdictions:
            window.controller.set_province(j.code)
            QApplication.processEvents()
            assert m.size() == size, (lang, j.code)
            facts = window.provinces.facts
            assert facts.height() >= facts.heightForWidth(facts.width()) > 0  # nothing cut off
    i18n.apply("en")
    window.controller.set_language("en")
