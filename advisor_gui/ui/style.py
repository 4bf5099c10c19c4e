"""How the window looks: fonts and colours of its labels, and the card's document style (one place)."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QToolButton, QWidget

# Styling is applied with fonts and palettes, not an application style sheet:
# a style sheet on the window re-polishes every widget through QStyleSheetStyle
# and slows both start-up and every repaint.
TITLE_COLOUR = "#1F3A5F"
# A question whose answer cannot change the result: quieter, still 4.5:1 on the window.
MOOT_COLOUR = "#595959"
QUIET_COLOUR = "#4A4A4A"
HELP_TEXT, HELP_BACKGROUND = "#33414F", "#F3F6FA"
# Placeholder text in line edits and the notes (Qt's default is about 2.8:1 on white).
PLACEHOLDER_COLOUR = "#6B6B6B"
# Selected rows and items: white text on it at 4.5:1 (Fusion's #308CC6 gives 3.7:1).
HIGHLIGHT_COLOUR = "#1F6AA5"
# A scenario's value that differs from today's (also said in words and in bold).
CHANGED_TEXT, CHANGED_BACKGROUND = "#1A1A1A", "#FFF0C2"


def _colour(widget: QWidget, colour: str, role: QPalette.ColorRole = QPalette.ColorRole.WindowText) -> None:
    palette = widget.palette()
    palette.setColor(role, QColor(colour))
    widget.setPalette(palette)


def _font(widget: QWidget, *, bold: bool | None = None, italic: bool = False, delta: float = 0.0) -> None:
    font = QFont(widget.font())
    if bold is not None:
        font.setWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
    font.setItalic(italic)
    if delta:
        font.setPointSizeF(font.pointSizeF() + delta)
    widget.setFont(font)


def pane_title(text: str) -> QLabel:
    """The heading above a pane."""
    label = QLabel(text)
    label.setObjectName("paneTitle")
    _font(label, bold=True, delta=2)
    _colour(label, TITLE_COLOUR)
    label.setContentsMargins(0, 2, 0, 4)
    return label


def prompt_emphasis(label: QLabel, matters: bool) -> None:
    """A question's prompt: bold, or quiet when its answer cannot change the result."""
    _font(label, bold=matters)
    _colour(label, "#1A1A1A" if matters else MOOT_COLOUR)


def unanswered_mark(label: QLabel) -> None:
    """"Not answered yet" beside a question: in words, italic, amber-brown (7:1 on white)."""
    _font(label, italic=True, delta=-0.5)
    _colour(label, "#7A4A00")


def help_box(label: QLabel) -> None:
    label.setAutoFillBackground(True)
    _colour(label, HELP_BACKGROUND, QPalette.ColorRole.Window)
    _colour(label, HELP_TEXT)
    label.setFrameShape(QFrame.Shape.NoFrame)
    label.setMargin(6)


def quiet_note(label: QLabel, *, italic: bool = True) -> None:
    _font(label, italic=italic)
    _colour(label, QUIET_COLOUR)


def readable_palette(palette: QPalette) -> QPalette:
    """``palette`` with placeholder text at 4.5:1 or more on a text field, and
    selections whose text reads at 4.5:1."""
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(PLACEHOLDER_COLOUR))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(HIGHLIGHT_COLOUR))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#FFFFFF"))
    return palette


def name_clear_button(edit: QLineEdit) -> None:
    """Qt leaves a line edit's clear button unnamed: name it, and say which field it empties."""
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(QCoreApplication.translate("LineEdit", "Clear"))
        button.setAccessibleDescription(edit.accessibleName())
        button.setToolTip(QCoreApplication.translate("LineEdit", "Clear the text"))


def section_toggle(widget: QWidget) -> None:
    _font(widget, bold=True)
    _colour(widget, TITLE_COLOUR, QPalette.ColorRole.ButtonText)


_CARD_CSS = """
p.kicker {{ color: #5A6B7D; font-size: {s9}pt; margin: 0; }}
p.program {{ font-size: {s20}pt; font-weight: 700; margin: 0; }}
p.cor {{ color: #0B4F8A; }}
p.small {{ color: #0B6E4F; }}
p.none {{ color: #6B6B6B; }}
p.long {{ color: #33414F; margin: 0 0 4px 0; }}
p.eligible {{ color: #1A1A1A; background: #EEF3F8; margin: 4px 0 0 0; }}
p.status {{ color: #33414F; margin: 0; }}
p.section {{ font-size: {s11}pt; font-weight: 600; color: #1F3A5F; margin: 10px 0 2px 0; }}
ul, ol {{ margin-top: 0; margin-bottom: 0; }}
li {{ margin-bottom: 3px; }}
ul.cautions li {{ color: #6A3D00; }}
ul.notes li {{ color: #4A5560; font-size: {s9}pt; }}
a.cite {{ color: #0B5CAD; text-decoration: none; }}
ul.facts li {{ color: #33414F; }}
p.source {{ color: #4A5560; font-size: {s8}pt; margin: 0 0 2px 0; }}
p.provisional {{ color: #7A4A00; font-weight: 600; margin: 6px 0 0 0; }}
ul.confirm li {{ color: #5C3400; }}
a.toggle {{ color: #1F3A5F; text-decoration: none; }}
"""
_CARD_SIZES = {"s8": 8, "s9": 9, "s11": 11, "s20": 20}


def card_css(scale: float = 1.0) -> str:
    """The card's document style, its point sizes scaled with View ▸ Text Size."""
    return _CARD_CSS.format(**{key: f"{size * scale:g}" for key, size in _CARD_SIZES.items()})
