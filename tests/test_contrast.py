"""Contrast, computed (WCAG 2 relative luminance): every text at least 4.5:1
against what it is drawn on, every non-text indicator (focus ring, map swatch
edges) at least 3:1. The colours are read from where the app takes them: the
palette, style.py, the card's style sheet, the comparison and the map."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette

from advisor_gui.ui import comparison, focus_ring, province_map, style

pytestmark = pytest.mark.gui


def luminance(colour: str | QColor) -> float:
    c = QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def ratio(a: str | QColor, b: str | QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_formula() -> None:
    assert ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


def _palette(qapp) -> QPalette:
    from advisor_gui.ui.app_main import make_app

    return style.readable_palette(make_app().palette())


def test_window_and_field_texts(qapp) -> None:
    pal = _palette(qapp)
    window, base = pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Base)
    for text, ground in [(pal.color(QPalette.ColorRole.WindowText), window), (pal.color(QPalette.ColorRole.Text), base),
                         (pal.color(QPalette.ColorRole.PlaceholderText), base),
                         (pal.color(QPalette.ColorRole.HighlightedText), pal.color(QPalette.ColorRole.Highlight)),
                         (QColor(style.TITLE_COLOUR), window), (QColor(style.MOOT_COLOUR), window),
                         (QColor(style.QUIET_COLOUR), window), (QColor(style.HELP_TEXT), QColor(style.HELP_BACKGROUND)),
                         (QColor(style.PLACEHOLDER_COLOUR), base)]:
        assert ratio(text, ground) >= 4.5, (text.name(), ground.name())


def test_card_style_sheet_texts() -> None:
    backgrounds = {"p.eligible": "#EEF3F8"}
    for selector, body in re.findall(r"([\w.,\s]+)\{([^}]*)\}", style.card_css()):
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9A-Fa-f]{6})", body)
        if colour is None:
            continue
        ground = re.search(r"background:\s*(#[0-9A-Fa-f]{6})", body)
        behind = ground.group(1) if ground else backgrounds.get(selector.strip(), "#FFFFFF")
        assert ratio(colour.group(1), behind) >= 4.5, selector.strip()


def test_comparison_texts() -> None:
    for ground in ("#FFFFFF", comparison.HIGHLIGHT):
        assert ratio(comparison.DIMMED, ground) >= 4.5
        assert ratio("#000000", ground) >= 4.5


def test_map_labels_read_on_every_fill() -> None:
    # The labels are drawn on a halo (or a white plate at sea): the text against it.
    assert ratio(province_map.LABEL_TEXT, province_map.LABEL_HALO) >= 4.5
    assert ratio(province_map.LABEL_TEXT, "#FFFFFF") >= 4.5


def test_legend_hatches_differ() -> None:
    solid = province_map.Qt.BrushStyle.SolidPattern
    patterns = [s.pattern for s in province_map.SWATCHES.values() if s.pattern != solid]
    assert len(set(patterns)) == len(patterns)
    diagonals = {province_map.Qt.BrushStyle.BDiagPattern, province_map.Qt.BrushStyle.FDiagPattern}
    assert len(diagonals & set(patterns)) <= 1, "two diagonal hatches look alike at legend size"


def test_focus_ring_stands_out(qapp) -> None:
    pal = _palette(qapp)
    grounds = [pal.color(QPalette.ColorRole.Window), pal.color(QPalette.ColorRole.Base), QColor(style.HELP_BACKGROUND),
               QColor(comparison.HIGHLIGHT)]
    for ground in grounds:
        assert ratio(focus_ring.RING_COLOUR, ground) >= 3.0, ground.name()
    # On the map the ring runs inside the widget's edge, in the margin the map is drawn within
    # (over the window colour, checked above): thinner than that margin.
    assert focus_ring.RING_WIDTH < 6


def test_legend_swatch_edges(qapp) -> None:
    # The legend draws each swatch's edge in Qt's dark grey on the window.
    pal = _palette(qapp)
    assert ratio(QColor("#808080"), pal.color(QPalette.ColorRole.Window)) >= 3.0
