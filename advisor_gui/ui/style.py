"""The application's style sheet and the card's document style (one place)."""

STYLE_SHEET = """
QLabel#paneTitle { font-size: 11pt; font-weight: 600; color: #1F3A5F; padding: 2px 0 4px 0; }
QLabel#prompt { font-weight: 600; color: #1A1A1A; }
QLabel#prompt[moot="true"] { font-weight: 400; color: #6E6E6E; }
QLabel#helpBox { background: #F3F6FA; border: 1px solid #D6DEE8; border-radius: 4px; padding: 6px;
                 color: #33414F; }
QLabel#comparisonNote { color: #4A4A4A; font-style: italic; }
QLabel#legendLabel { color: #333333; }
QTextBrowser#recommendationCard { border: 1px solid #D6DEE8; border-radius: 4px; background: #FFFFFF; }
QToolButton#notesToggle { font-weight: 600; color: #1F3A5F; border: none; padding: 4px 0; text-align: left; }
QToolButton#notesToggle:focus { color: #0B5CAD; text-decoration: underline; }
QStatusBar QLabel#datasetStatus { color: #4A4A4A; padding-right: 6px; }
"""

CARD_CSS = """
p.kicker { color: #5A6B7D; font-size: 9pt; margin: 0; }
p.program { font-size: 20pt; font-weight: 700; margin: 0; }
p.cor { color: #0B4F8A; }
p.small { color: #0B6E4F; }
p.none { color: #6B6B6B; }
p.long { color: #33414F; margin: 0 0 4px 0; }
p.eligible { color: #1A1A1A; background: #EEF3F8; padding: 4px; margin: 4px 0; }
p.section { font-size: 11pt; font-weight: 600; color: #1F3A5F; margin: 10px 0 2px 0; }
ul, ol { margin-top: 0; margin-bottom: 0; }
li { margin-bottom: 3px; }
ul.cautions li { color: #6A3D00; }
ul.notes li { color: #4A5560; font-size: 9pt; }
a.cite { color: #0B5CAD; text-decoration: none; }
"""
