"""The printed summary: one pipeline, three outputs.

:func:`paint_report` lays the report's HTML out for a paged device (a printer
from the print or preview dialog, or a :class:`QPdfWriter`) and paints it page
by page: each page's slice of the document, a running header and a footer
with "Page X of Y". Headings are kept with what follows them; the comparison
and the answers may continue on the next page, but only between rows, their
header row repeated.

The window imports this module the first time a print action runs (or the
File menu opens), never at start-up, so it imports what it uses at the top.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox

from .. import APP_NAME, __version__
from .. import settings as opt
from ..domain.engine import evaluate
from ..domain.register import with_cautions
from ..domain.report import BODY_PT, HEADING_PT, breakable_tables, build_report, render_html
from ..storage import save_bytes
from .messages import message_box, tell
from .plaintext import window_title
from .preferences import PreferencesDialog

if TYPE_CHECKING:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import (
        QFont,
        QImage,
        QPagedPaintDevice,
        QPageLayout,
        QPageSize,
        QPainter,
        QTextBlock,
        QTextDocument,
        QTextFrame,
        QTextTable,
    )
    from PySide6.QtWidgets import QMainWindow

    from ..domain.engine import Recommendation
    from ..domain.models import Answers, Dataset
    from ..domain.presentation import Presentation
    from ..domain.register import Derived, Scenario
    from ..domain.report import Report
    from ..settings import Settings
    from .controller import AdvisorController

PAGE_SIZE_NAMES = ("letter", "a4")  # Letter is the Canadian default
MARGINS_MM = (16.0, 13.0, 16.0, 12.0)  # left, top, right, bottom
BAND_PT = 8  # header and footer text
LOGO_NAME = "advisor-report-logo"
LOGO_MAX_PX = (160, 56)  # in CSS pixels (1/96 in)
FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans"]


translate = QCoreApplication.translate  # translate("Printing", "…"): the form pyside6-lupdate reads


def page_size_id(name: str) -> QPageSize.PageSizeId:
    """``letter`` (the Canadian default) or ``a4``; anything else is Letter."""
    ids = QtGui.QPageSize.PageSizeId
    return ids.A4 if name.lower() == "a4" else ids.Letter


def page_layout(name: str) -> QPageLayout:
    return QtGui.QPageLayout(QtGui.QPageSize(page_size_id(name)), QtGui.QPageLayout.Orientation.Portrait,
                             QtCore.QMarginsF(*MARGINS_MM), QtGui.QPageLayout.Unit.Millimeter)


# --- the document -----------------------------------------------------------------------


def _report_font() -> QFont:
    font = QtGui.QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QtGui.QFont.StyleHint.SansSerif)
    font.setPointSizeF(BODY_PT)
    return font


def _logo_image(path: str) -> tuple[QImage, tuple[int, int]] | None:
    """The logo and its size on the page in CSS pixels (within LOGO_MAX_PX);
    the image keeps up to four times that resolution so it prints sharply."""
    if not path:
        return None
    image = QtGui.QImage(path)
    if image.isNull() or image.width() < 1 or image.height() < 1:
        return None
    box_w, box_h = LOGO_MAX_PX
    ratio = min(box_w / image.width(), box_h / image.height(), 1.0)
    size = (max(1, round(image.width() * ratio)), max(1, round(image.height() * ratio)))
    if image.width() > 4 * size[0]:
        image = image.scaled(4 * size[0], 4 * size[1], Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image, size


def build_document(report: Report, breaks: Mapping[str, Iterable[int]] | None = None) -> QTextDocument:
    """The report as a QTextDocument (not yet laid out for a device); ``breaks``
    as :func:`~advisor_gui.domain.report.render_html` takes them."""
    doc = QtGui.QTextDocument()
    doc.setDefaultFont(_report_font())
    doc.setDocumentMargin(0)
    logo = _logo_image(report.logo)
    if logo is not None:
        doc.addResource(QtGui.QTextDocument.ResourceType.ImageResource, QtCore.QUrl(LOGO_NAME), logo[0])
        html = render_html(report, logo_src=LOGO_NAME, logo_size=logo[1], breaks=breaks)
    else:
        html = render_html(report, breaks=breaks)
    doc.setHtml(html)
    _heading_sizes_as_styled(doc)
    doc.setMetaInformation(QtGui.QTextDocument.MetaInformation.DocumentTitle, report.document_title)
    return doc


def _heading_sizes_as_styled(doc: QTextDocument) -> None:
    """Headings at HEADING_PT: Qt's HTML reader sizes h1-h3 by its own steps
    above the default font, whatever the style sheet says."""
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level in HEADING_PT:
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.hasProperty(QtGui.QTextFormat.Property.FontSizeAdjustment):
                    fmt.clearProperty(QtGui.QTextFormat.Property.FontSizeAdjustment)
                    if fmt.verticalAlignment() != QtGui.QTextCharFormat.VerticalAlignment.AlignSuperScript:
                        fmt.setFontPointSize(HEADING_PT[level])
                    cursor = QtGui.QTextCursor(doc)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QtGui.QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(fmt)
                it += 1
        block = block.next()


class _Bands:
    """Heights and font of the running header and footer, in device pixels."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.font = QtGui.QFont(_report_font())
        self.font.setPointSizeF(BAND_PT)
        metrics = QtGui.QFontMetricsF(self.font, device)
        dpi = device.logicalDpiY()
        self.line = metrics.height()
        self.gap = dpi * 0.16  # between a band and the body
        self.height = self.line + self.gap


MIN_ROWS = 2  # body rows a table keeps together at the foot of a page and at the top of the next
MAX_LAYOUTS = 8


def layout_for(doc: QTextDocument, device: QPagedPaintDevice, scale: float = 1.0) -> QSizeF:
    """Lay ``doc`` out on ``device``'s pages less the header and footer bands,
    ``scale`` times the natural size; returns the body size in layout units
    (device pixels / scale). Headings are kept with what follows them."""
    bands = _Bands(device)
    body = QtCore.QSizeF(device.width() / scale, (device.height() - 2 * bands.height) / scale)
    doc.documentLayout().setPaintDevice(device)
    doc.setPageSize(body)
    fit_title(doc)
    keep_headings_with_next(doc, body.height())
    keep_last_section_together(doc, body.height())
    no_blank_pages(doc, body.height())
    return body


def fit_layout(report: Report, device: QPagedPaintDevice) -> tuple[QTextDocument, QSizeF, float]:
    """The laid-out document, its body size and scale (always 1: the type
    sizes are minimums, never shrunk). Where a table row would straddle two
    pages, the table continues on the next page from that row, its header
    repeated: the document is built again with that break until no row
    straddles a page."""
    breaks: dict[str, list[int]] = {}
    for _ in range(MAX_LAYOUTS):
        doc = build_document(report, breaks)
        body = layout_for(doc, device)
        found = straddling_row(doc, body.height(), breaks, breakable_tables(report))
        if found is None:
            break
        key, row = found
        breaks.setdefault(key, []).append(row)
    return doc, body, 1.0


TITLE_MIN_PT = 12.0


def fit_title(doc: QTextDocument) -> None:
    """The title (the first block, an h1) on one line: its type a little
    smaller, half a point at a time, when the language or the font makes it
    longer than the page is wide."""
    title = doc.begin()
    if title.blockFormat().headingLevel() != 1 or title.layout().lineCount() <= 1:
        return
    cursor = QtGui.QTextCursor(title)
    cursor.movePosition(QtGui.QTextCursor.MoveOperation.EndOfBlock, QtGui.QTextCursor.MoveMode.KeepAnchor)
    size = cursor.charFormat().font().pointSizeF()
    while title.layout().lineCount() > 1 and size > TITLE_MIN_PT:
        size -= 0.5
        fmt = QtGui.QTextCharFormat()
        fmt.setFontPointSize(size)
        cursor.mergeCharFormat(fmt)
        doc.documentLayout().blockBoundingRect(title)  # lays the block out again


def table_rows(doc: QTextDocument, tables: Iterable[str]) -> list[tuple[str, int, QTextTable, int]]:
    """Every body row of the breakable tables: (table key, index of the row
    in the whole table, the QTextTable piece holding it, its row in that piece).
    ``tables``: the keys of the tables the report has, in order
    (:func:`~advisor_gui.domain.report.breakable_tables`)."""
    keys = iter(tables)
    out: list[tuple[str, int, QTextTable, int]] = []
    key, index = "", 0
    for piece in doc.rootFrame().childFrames():
        if not isinstance(piece, QtGui.QTextTable) or piece.format().headerRowCount() < 1:
            continue
        if not (continues(piece) and key):
            key, index = next(keys, ""), 0
        if not key:
            break
        for r in range(piece.format().headerRowCount(), piece.rows()):
            out.append((key, index, piece, r))
            index += 1
    return out


def no_blank_pages(doc: QTextDocument, page_height: float) -> None:
    """Drop a table's page break where the table before it already fills its
    page to the foot (Qt then starts the next page itself, and the break
    would leave a page blank)."""
    layout = doc.documentLayout()
    previous: QTextFrame | None = None
    for frame in doc.rootFrame().childFrames():
        if previous is not None and continues(frame):
            block = frame.firstCursorPosition().block().previous()  # the paragraph that breaks the page
            # (a table's last rule may reach a hair past the foot of its page)
            before = _page(layout.frameBoundingRect(previous).bottom() - page_height * 0.01, page_height)
            if _page(layout.blockBoundingRect(block).top() + 1, page_height) > before + 1:
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QtGui.QTextFormat.PageBreakFlag.PageBreak_Auto)
                QtGui.QTextCursor(block).setBlockFormat(fmt)
        previous = frame


def continues(table: QTextFrame) -> bool:
    """Whether ``table`` continues the table just before it (the same header,
    only empty paragraphs between them)."""
    if not isinstance(table, QtGui.QTextTable):
        return False
    block = table.firstCursorPosition().block().previous()
    while block.isValid() and not block.text() and QtGui.QTextCursor(block).currentTable() is None:
        block = block.previous()
    before = QtGui.QTextCursor(block).currentTable() if block.isValid() else None
    return (before is not None and before.columns() == table.columns()
            and before.cellAt(0, 0).firstCursorPosition().block().text()
            == table.cellAt(0, 0).firstCursorPosition().block().text())


def row_span(doc: QTextDocument, table: QTextTable, row: int) -> tuple[float, float]:
    """Top and bottom of a table row's text, in document coordinates."""
    layout = doc.documentLayout()
    tops, bottoms = [], []
    for col in range(table.columns()):
        cell = table.cellAt(row, col)
        tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
    return min(tops), max(bottoms)


def straddling_row(doc: QTextDocument, page_height: float, breaks: Mapping[str, Iterable[int]],
                   tables: Iterable[str]) -> tuple[str, int] | None:
    """Where a breakable table should continue on a new page: the first body
    row (table key, row index) that starts on one page and ends on the next,
    moved up so that at least MIN_ROWS rows go on together. None when every
    row is on one page, or when the row is among the first of its table or
    piece (then the table's start goes to the next page with its heading)."""
    rows = table_rows(doc, tables)
    counts: dict[str, int] = {}
    for key, index, _t, _r in rows:
        counts[key] = index + 1
    piece_page: dict[int, int] = {}  # each piece's first page
    for key, index, table, r in rows:
        top, bottom = row_span(doc, table, r)
        page = piece_page.setdefault(id(table), _page(top + 1, page_height))
        # A row that straddles, or that Qt moved to the next page itself (stretching the row
        # before it to the foot of the page, with no rule under it).
        if _page(top + 1, page_height) == page and _page(bottom - 1, page_height) == page:
            continue
        start = max([0, *(b for b in breaks.get(key, ()) if b <= index)])
        row = min(index, counts[key] - MIN_ROWS)
        if row - start < MIN_ROWS:
            continue
        return key, row
    return None


def _is_heading(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() >= 2


def keep_headings_with_next(doc: QTextDocument, page_height: float, max_passes: int = 40) -> int:
    """Push a heading to the next page when what follows it does not start on
    the same page; a heading followed by a table that fits on one page moves
    with the whole table. Returns how many page breaks were added."""
    added = 0
    for _ in range(max_passes):
        heading = first_orphan_heading(doc, page_height)
        if heading is None:
            break
        cursor = QtGui.QTextCursor(heading)
        fmt = heading.blockFormat()
        fmt.setPageBreakPolicy(QtGui.QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        cursor.setBlockFormat(fmt)
        added += 1
    return added


LAST_SECTION_MOVES_IF_FILL = 0.75  # the page it leaves stays at least this full (its text 70 %, as measured in print)


def keep_last_section_together(doc: QTextDocument, page_height: float) -> bool:
    """"About this summary" and its sources (the last h2 to the end) go to the
    next page whole when they would straddle a page break and the page they
    leave stays LAST_SECTION_MOVES_IF_FILL full; otherwise at least two source
    lines go on together, never one alone. Returns whether a break was added."""
    layout = doc.documentLayout()
    last = doc.lastBlock()
    while last.isValid() and not last.text().strip():
        last = last.previous()
    heading = last
    while heading.isValid() and heading.blockFormat().headingLevel() != 2:
        heading = heading.previous()
    if not heading.isValid() or _starts_page(doc, heading, page_height):
        return False
    top = layout.blockBoundingRect(heading).top()
    end_page = _page(layout.blockBoundingRect(last).bottom() - 1, page_height)
    if _page(top + 1, page_height) == end_page:
        return False
    if top - _page(top + 1, page_height) * page_height >= LAST_SECTION_MOVES_IF_FILL * page_height:
        target = heading
        # The section moves whole: a break an earlier step put inside it (the
        # "Sources" heading kept with its list) would now leave a page nearly empty.
        block = heading.next()
        while block.isValid():
            inner = block.blockFormat()
            if inner.pageBreakPolicy() & QtGui.QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                inner.setPageBreakPolicy(QtGui.QTextFormat.PageBreakFlag.PageBreak_Auto)
                QtGui.QTextCursor(block).setBlockFormat(inner)
            block = block.next()
    else:
        target = last.previous()  # the last two lines of the list go on together
        if not target.isValid() or _page(layout.blockBoundingRect(target).top() + 1, page_height) == end_page:
            return False
    fmt = target.blockFormat()
    fmt.setPageBreakPolicy(QtGui.QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QtGui.QTextCursor(target).setBlockFormat(fmt)
    return True


def _page(y: float, page_height: float) -> int:
    return int(y // page_height)


def first_orphan_heading(doc: QTextDocument, page_height: float) -> QTextBlock | None:
    """The first block that needs a page break before it: a heading (h2/h3)
    separated from its content (for a table: its header row and first
    MIN_ROWS rows) by a page break, or the heading (or the block just before)
    of a table that starts on a later page than its heading or whose first
    rows do not share a page. Blocks that already start a page are never
    returned; a table continued on a new page is not a table's start."""
    layout = doc.documentLayout()
    found: list[QTextBlock] = []
    block = doc.begin()
    while block.isValid():
        if _is_heading(block) and block.next().isValid() and not _starts_page(doc, block, page_height):
            page = _page(layout.blockBoundingRect(block).top() + 1, page_height)
            if _page(_group_end(doc, block.next(), page_height), page_height) != page:
                found.append(block)
                break
        block = block.next()
    for frame in doc.rootFrame().childFrames():
        if continues(frame):
            continue
        rect = layout.frameBoundingRect(frame)
        lead = _table_lead(frame.firstCursorPosition().block())
        if lead is None or _starts_page(doc, lead, page_height):
            continue
        first = _page(rect.top() + 1, page_height)
        if isinstance(frame, QtGui.QTextTable) and frame.format().headerRowCount() > 0:
            last_row = min(frame.rows() - 1, frame.format().headerRowCount() + MIN_ROWS - 1)
            split = _page(row_span(doc, frame, last_row)[1] - 1, page_height) != first
        else:  # the masthead and the verdict stay whole
            split = rect.height() < page_height * 0.9 and _page(rect.bottom() - 1, page_height) != first
        parted = _page(layout.blockBoundingRect(lead).top() + 1, page_height) != first
        if split or parted:
            found.append(lead)
            break
    return min(found, key=lambda b: b.position()) if found else None


def _starts_page(doc: QTextDocument, block: QTextBlock, page_height: float) -> bool:
    rect = doc.documentLayout().blockBoundingRect(block)
    return rect.top() - _page(rect.top() + 1, page_height) * page_height < max(rect.height(), 1.0) * 1.5


def _table_lead(first_cell: QTextBlock) -> QTextBlock | None:
    """The heading a table belongs to (up to three blocks before it), else the
    block just before the table."""
    before = first_cell.previous()
    candidate = before
    for _ in range(3):
        if not candidate.isValid():
            break
        if _is_heading(candidate):
            return candidate
        candidate = candidate.previous()
    return before if before.isValid() else None


def _group_end(doc: QTextDocument, following: QTextBlock, page_height: float) -> float:
    """Where the content that must share the heading's page ends."""
    layout = doc.documentLayout()
    table = QtGui.QTextCursor(following).currentTable()
    if table is not None:
        last = min(table.rows() - 1, table.format().headerRowCount() + MIN_ROWS - 1)
        return row_span(doc, table, last)[1] - 1
    rect = layout.blockBoundingRect(following)
    lines = following.layout().lineCount()
    if lines > 2:  # two lines of a long paragraph are enough company
        line = following.layout().lineAt(1)
        return rect.top() + line.rect().bottom() - 1
    return rect.bottom() - 1


def paint_report(report: Report, device: QPagedPaintDevice) -> int:
    """Paint the whole summary on ``device``; returns the number of pages."""
    doc, body, scale = fit_layout(report, device)
    bands = _Bands(device)
    pages = doc.pageCount()
    painter = QtGui.QPainter()
    if not painter.begin(device):
        raise OSError(translate("Printing", "The printer or file could not be opened for writing."))
    try:
        for index in range(pages):
            if index:
                device.newPage()
            _paint_bands(painter, report, bands, device.width(), device.height(), index + 1, pages)
            painter.save()
            painter.translate(0, bands.height)
            painter.scale(scale, scale)
            painter.translate(0, -index * body.height())
            clip = QtCore.QRectF(0, index * body.height(), body.width(), body.height())
            painter.setClipRect(clip)
            doc.drawContents(painter, clip)
            painter.restore()
    finally:
        painter.end()
    return pages


def _paint_bands(painter: QPainter, report: Report, bands: _Bands, width: float, height: float,
                 page: int, pages: int) -> None:
    painter.save()
    painter.setFont(bands.font)
    painter.setPen(QtGui.QColor("#5A6B7D"))
    metrics = QtGui.QFontMetricsF(bands.font, painter.device())
    right = report.prepared_by or APP_NAME
    right_w = min(metrics.horizontalAdvance(right) + 1, width * 0.45)
    top = QtCore.QRectF(0, 0, width, bands.line)
    left_text = metrics.elidedText(report.running_header, Qt.TextElideMode.ElideRight, width - right_w - bands.gap)
    painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left_text)
    painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                     metrics.elidedText(right, Qt.TextElideMode.ElideRight, right_w))
    pen = QtGui.QPen(QtGui.QColor("#C9D3DE"))
    pen.setWidthF(max(1.0, painter.device().logicalDpiY() / 150))
    painter.setPen(pen)
    rule_y = bands.line + bands.gap * 0.35
    painter.drawLine(0, int(rule_y), int(width), int(rule_y))
    foot_y = height - bands.line
    rule_y = foot_y - bands.gap * 0.35
    painter.drawLine(0, int(rule_y), int(width), int(rule_y))
    painter.setPen(QtGui.QColor("#5A6B7D"))
    bottom = QtCore.QRectF(0, foot_y, width, bands.line)
    page_text = report.view.word("page_of").format(page=page, pages=pages)  # in the summary's language
    page_w = metrics.horizontalAdvance(page_text) + 1
    painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     metrics.elidedText(report.running_footer, Qt.TextElideMode.ElideRight,
                                        width - page_w - bands.gap))
    painter.drawText(bottom, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, page_text)
    painter.restore()


# --- outputs -----------------------------------------------------------------------------


def pdf_bytes(report: Report, page_size: str = "letter") -> tuple[bytes, int]:
    """The summary as a PDF document (bytes) and its page count."""
    buffer = QtCore.QBuffer()
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    writer = QtGui.QPdfWriter(buffer)
    writer.setPageLayout(page_layout(page_size))
    writer.setResolution(1200)
    writer.setTitle(report.document_title)
    writer.setCreator(f"{APP_NAME} {__version__}")
    pages = paint_report(report, writer)
    del writer  # flushes the PDF trailer into the buffer
    data = bytes(QtCore.QByteArray(buffer.data()).data())
    buffer.close()
    return data, pages


def write_pdf(report: Report, path: Path, page_size: str = "letter") -> int:
    """Write the summary to ``path`` atomically; returns the page count.
    Raises OSError (a :class:`~advisor_gui.storage.SaveError` saying why) when
    the file cannot be written."""
    data, pages = pdf_bytes(report, page_size)
    save_bytes(path, data)
    return pages


def report_for(dataset: Dataset, answers: Answers, settings: Settings | None, *, client: str = "",
               notes: str = "", today: dt.date | None = None,
               recommendation: Recommendation | None = None, lang: str = "en",
               view: Presentation | None = None, target: dt.date | None = None,
               scenarios: Sequence[Scenario] = (), derived: Derived | None = None) -> Report:
    """The report for ``answers`` in ``lang`` (evaluated unless ``recommendation``,
    evaluated in ``lang``, is given; ``view`` is its presentation when the caller
    has it) with the consultant, firm and logo remembered in ``settings`` and the
    consultant's ``notes`` (printed under "Consultant's notes")."""
    consultant = firm = logo = phone = email = ""
    if settings is not None:
        consultant, firm, logo, phone, email = (
            str(settings.get(o)) for o in (opt.CONSULTANT, opt.FIRM, opt.FIRM_LOGO, opt.PHONE, opt.EMAIL))
    # Evaluated here (the command line's report): with the register's cautions, as the window shows them.
    rec = recommendation if recommendation is not None else with_cautions(evaluate(dataset, answers, lang),
                                                                          derived, lang)
    return build_report(dataset, answers, rec, client=client, consultant=consultant, firm=firm, logo=logo,
                        phone=phone, email=email, notes=notes, today=today or dt.date.today(), lang=lang, view=view,
                        target=target, scenarios=scenarios, derived=derived)


def default_file_name(client: str, today: dt.date) -> str:
    """A file name from the client's name and the date, safe on every system."""
    name = re.sub(r"[^\w\-]+", "-", client.strip(), flags=re.UNICODE).strip("-_")[:60]
    stem = translate("Printing", "COR-SECOR-summary")
    return f"{name}-{stem}-{today.isoformat()}.pdf" if name else f"{stem}-{today.isoformat()}.pdf"


# --- window integration -------------------------------------------------------------------


class SummaryPrinting(QtCore.QObject):
    """The window's Print Preview…, Print…, Export PDF… and Preferences…
    handlers: MainWindow declares the actions and calls these. Everything
    heavy is imported when one runs."""

    def __init__(self, window: QMainWindow, controller: AdvisorController, settings: Settings,
                 summary_language: Callable[[], str] | None = None) -> None:
        """``summary_language`` gives the language chosen for summaries (File ▸
        Summary Language); without it, summaries follow the window."""
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.settings = settings
        self.summary_language = summary_language or (lambda: controller.language)

    def report(self, lang: str | None = None) -> Report:
        """The summary of what the window shows now, in ``lang`` (default: the
        summary language chosen in the window, else the window's own)."""
        c = self.controller
        lang = lang or self.summary_language()
        plan = getattr(self.window, "client_plan", None)  # the plan's target date, as the window shows it
        target = plan.target_date if plan is not None else None
        # The same effective answers (the register's derived prime contractor and
        # platforms) and register cautions in every language, not the answers as given.
        return report_for(c.dataset, c.effective_answers, self.settings, client=c.client_name, notes=c.notes,
                          recommendation=c.recommendation_in(lang), lang=lang, view=c.presentation_in(lang),
                          target=target, scenarios=c.scenarios, derived=c.derived)

    def printer(self, report: Report) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(str(self.settings.get(opt.PAGE_SIZE))))
        printer.setDocName(report.document_title)
        printer.setCreator(f"{APP_NAME} {__version__}")
        return printer

    def preview_dialog(self) -> QPrintPreviewDialog:
        """The preview dialog, painting the current summary (not yet shown)."""
        report = self.report()
        printer = self.printer(report)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.printer_ref = printer  # type: ignore[attr-defined]  # QPrinter is not a QObject: keep it alive
        dialog.setObjectName("printPreviewDialog")
        dialog.setWindowTitle(translate("Printing", "Print Preview — {0}").format(window_title(report.document_title)))
        dialog.setAccessibleName(translate("Printing", "Print preview of the client summary"))
        dialog.paintRequested.connect(lambda printer: paint_report(report, printer))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        screen = self.window.screen().availableGeometry() if self.window.screen() else None
        if screen is not None:
            dialog.resize(min(900, screen.width() - 40), screen.height() - 60)
        return dialog

    def show_preview(self) -> None:
        self.preview_dialog().exec()

    def print_report(self) -> None:
        if not printers_available():
            box = message_box(self.window, QMessageBox.Icon.Information,
                              translate("Printing", "No printer is installed on this computer, so the summary "
                                                    "cannot be printed here."),
                              translate("Printing", "Export the summary as a PDF instead; it can be printed anywhere."),
                              QMessageBox.StandardButton.Close, title=translate("Printing", "No printer installed"))
            export = box.addButton(translate("Printing", "Export PDF…"), QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(export)
            box.exec()
            if box.clickedButton() is export:
                self.export_pdf()
            return
        report = self.report()
        printer = self.printer(report)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(translate("Printing", "Print the client summary"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            try:
                paint_report(report, printer)
            except OSError as exc:
                tell(self.window, QMessageBox.Icon.Critical, translate("Printing", "Printing failed"), str(exc))
                return
            self.window.statusBar().showMessage(translate("Printing", "Summary sent to the printer."), 5000)

    def ask_pdf_path(self, report: Report) -> Path | None:
        folder = str(self.settings.get(opt.LAST_DIR)) or str(Path.home())
        suggested = str(Path(folder) / default_file_name(report.client, report.date))
        path, _ = QFileDialog.getSaveFileName(self.window, translate("Printing", "Export the summary as PDF"),
                                              suggested, translate("Printing", "PDF documents (*.pdf)"))
        if not path:
            return None
        result = Path(path)
        if result.suffix.lower() != ".pdf":
            result = result.with_name(result.name + ".pdf")
        return result

    def export_pdf(self) -> Path | None:
        """Ask where, write the PDF, say how it went. Returns the path written."""
        report = self.report()
        path = self.ask_pdf_path(report)
        if path is None:
            return None
        try:
            pages = write_pdf(report, path, str(self.settings.get(opt.PAGE_SIZE)))
        except OSError as exc:
            tell(self.window, QMessageBox.Icon.Critical, translate("Printing", "Export failed"),
                 translate("Printing", "The summary could not be saved to {0}.\n\n{1}").format(
                     str(path), exc.strerror or str(exc)))
            return None
        self.settings.set(opt.LAST_DIR, str(path.parent))
        self.window.statusBar().showMessage(
            self.tr("Saved the summary (%n page(s)) to {0}", "", pages).format(str(path)), 8000)
        return path

    def show_preferences(self) -> None:
        PreferencesDialog(self.settings, self.window).exec()


def printers_available() -> bool:
    return bool(QPrinterInfo.availablePrinters())


def update_print_action(action: QAction) -> None:
    """Say in the menu when there is no printer (Print stays enabled and explains)."""
    if printers_available():
        action.setText(translate("Printing", "&Print…"))
        action.setToolTip(translate("Printing", "Print the client summary"))
    else:
        action.setText(translate("Printing", "&Print… (no printer installed)"))
        action.setToolTip(translate("Printing", "No printer is installed on this computer. Use Export PDF… instead."))
    action.setStatusTip(action.toolTip())
