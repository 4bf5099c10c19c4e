"""The recommendation card: the controller's presentation of the recommendation
(see :mod:`advisor_gui.domain.presentation`), rendered section by section: the
verdict with each program's status, the reasons with their numbered citations
(hover or click a [n] marker for the source), cautions and source notes, what
would change the answer, partners, next steps, the province's facts and the
numbered sources.

Each section lives in its own frame of the document. An answer change replaces
only the sections whose content changed, so Qt lays out just those frames
rather than the whole card.
"""

from __future__ import annotations

from collections import OrderedDict
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import (
    QCursor,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocumentFragment,
    QTextFrame,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from ..domain.presentation import Cited, Dispute, Presentation
from . import text_size
from .controller import AdvisorController
from .plaintext import tooltip
from .scroll_bars import cache_scroll_bars
from .style import card_css

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl  # its first use costs start-up ~2 ms; only the link signals carry one

    from ..domain.engine import Recommendation

# What a consultant needs first comes first: on a laptop the verdict, the reasons,
# the cautions and the first next step show without scrolling; the province and
# the source notes (compact, opened in place) after the advice.
SECTIONS = ("verdict", "why", "cautions", "next_steps", "transition", "partners", "what_ifs", "unanswered",
            "facts", "disputes", "sources")
NOTE_ANCHOR = "note:"  # a source note's disclosure link: "#note:<id>"


def _refs(refs: tuple[int, ...]) -> str:
    """``[1, 3]``, each number a link to its source."""
    if not refs:
        return ""
    links = ", ".join(f'<a class="cite" href="#cite{n}">{n}</a>' for n in refs)
    return f"<sup>\u202f[{links}]</sup>"  # a narrow no-break space: never a line of its own


def _cited(item: Cited) -> str:
    return escape(item.text) + _refs(item.refs)


def _section(title: str, items: list[str], *, css: str = "", ordered: bool = False) -> str:
    if not items:
        return ""
    tag = "ol" if ordered else "ul"
    lis = "".join(f"<li>{item}</li>" for item in items)
    return f'<p class="section">{escape(title)}</p><{tag} class="{css}">{lis}</{tag}>'


def _dispute(d: Dispute, expanded: bool) -> str:
    """A source note: one line (its topic, a disclosure link) until opened, then both claims."""
    mark = "\u25be" if expanded else "\u25b8"  # ▾ / ▸
    head = f'<a class="toggle" href="#{NOTE_ANCHOR}{escape(d.rule)}">{mark}\u00a0<b>{escape(d.topic)}</b></a>'
    if not expanded:
        return head + _refs(tuple(dict.fromkeys((*d.article.refs, *d.other.refs))))
    return f"{head}<br/>{_cited(d.article)} {_cited(d.other)}"


def section_html(v: Presentation, expanded: frozenset[str] = frozenset()) -> dict[str, str]:
    """The card's HTML, one string per section of :data:`SECTIONS` (empty: not
    shown); the source notes whose ids are in ``expanded`` show both claims."""
    w = v.word
    statuses = "".join(f'<p class="status">{escape(s.line)}</p>' for s in v.statuses)
    confirm = ""
    if v.provisional:
        confirm = (f'<p class="provisional">{escape(v.to_confirm)}</p><ul class="confirm">'
                   + "".join(f"<li>{escape(q)}</li>" for q in v.open_questions) + "</ul>")
    partners = [f"<b>{escape(p.acronym)}</b> \u2014 {escape(p.name)}"
                + (f" ({escape(p.program)})" if p.program else "") + _refs(p.refs) for p in v.partners]
    if v.placement is not None:
        partners.append(_cited(v.placement))
    out = {
        "verdict": (f'<p class="kicker">{escape(v.kicker)}</p>'
                    f'<p class="program {v.verdict_kind}">{escape(v.program_label)}</p>'
                    f'<p class="long">{escape(v.program_long)}</p>'
                    f'<p class="eligible">{escape(v.eligibility)}</p>{statuses}{confirm}'),
        "why": _section(v.why_title, [_cited(r) for r in v.reasons]),
        "cautions": _section(w("cautions"), [_cited(c) for c in v.cautions], css="cautions"),
        "disputes": _section(w("disputes"), [_dispute(d, d.rule in expanded) for d in v.disputes], css="notes"),
        "what_ifs": _section(w("what_would_change"), [escape(s) for s in v.what_would_change]),
        "partners": _section(w("partners"), partners),
        "next_steps": _section(w("next_steps"), [_cited(s) for s in v.next_steps], ordered=True),
        "transition": "",
        "unanswered": _section(w("unanswered"), [escape(s) for s in v.unanswered]),
        "facts": _section(v.facts_title, [_cited(f) for f in v.province_facts], css="facts"),
        # Numbered documents only: the sections cited from each show on hovering a
        # marker (source_for), so this section changes only with the documents cited.
        "sources": (f'<p class="section">{escape(w("sources"))}</p>'
                    + "".join(f'<p class="source">{escape(w("source_entry").format(number=s.number, text=s.text))}'
                              "</p>" for s in v.sources)),
    }
    if v.transition is not None:
        t = v.transition
        out["transition"] = (f'<p class="section">{escape(t.title)}</p><p>{escape(t.body)}{_refs(t.refs)}</p>'
                             + (f"<ul>{''.join(f'<li>{escape(p)}</li>' for p in t.points)}</ul>" if t.points
                                else ""))
    return out


PARSED_KEPT = 200  # sections' parsed HTML: a few KB each


class RecommendationCard(QTextBrowser):
    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        cache_scroll_bars(self)
        self.setObjectName("recommendationCard")
        self.setAccessibleName(self.tr("Recommendation"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._c = controller
        self._view: Presentation | None = None
        self._shown: dict[str, str] = {}
        self._frames: dict[str, QTextFrame] = {}
        self._expanded: frozenset[str] = frozenset()  # the source notes opened to show both claims
        # Sections parsed from their HTML (what insertHtml does first), for sections shown again.
        self._parsed: OrderedDict[str, QTextDocumentFragment] = OrderedDict()
        self._scale = text_size.factor()
        self.document().setDefaultStyleSheet(card_css(self._scale))
        self.highlighted.connect(self._hover)
        self.anchorClicked.connect(self._click)
        controller.viewsDue.connect(self.show_recommendation)
        self.show_recommendation()

    # --- rendering -------------------------------------------------------------
    def show_recommendation(self, _rec: Recommendation | None = None) -> None:
        """Show the controller's presentation, replacing only the sections that changed."""
        view = self._c.presentation
        if view is self._view:
            return
        self._view = view
        self._render()

    def _render(self) -> None:
        view = self._view
        assert view is not None
        html = section_html(view, self._expanded)
        if not self._frames:
            self._build(html)
        else:
            changed = [key for key in SECTIONS if html[key] != self._shown[key]]
            if changed:
                cursor = QTextCursor(self.document())
                cursor.beginEditBlock()
                for key in changed:
                    self._fill(cursor, key, html[key])
                cursor.endEditBlock()
        self._shown = html
        self.setAccessibleDescription(f"{view.kicker}. {view.program_long}. {view.eligibility}")

    def changeEvent(self, event: QEvent) -> None:
        """View ▸ Text Size: the style's point sizes follow, and the card is rendered again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and text_size.factor() != self._scale:
            self._scale = text_size.factor()
            self.document().setDefaultStyleSheet(card_css(self._scale))
            self._parsed.clear()  # parsed with the old style
            self._frames.clear()
            self._view = None
            self.show_recommendation()

    def _build(self, html: dict[str, str]) -> None:
        doc = self.document()
        doc.clear()
        fmt = QTextFrameFormat()
        fmt.setMargin(0)
        fmt.setPadding(0)
        fmt.setBorder(0)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        for key in SECTIONS:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            self._frames[key] = cursor.insertFrame(fmt)
            self._fill(cursor, key, html[key])
        cursor.endEditBlock()
        # The empty block a document always ends with, after the last frame: no height.
        last = doc.lastBlock()
        last.setVisible(False)

    def _fill(self, cursor: QTextCursor, key: str, html: str) -> None:
        frame = self._frames[key]
        cursor.setPosition(frame.firstPosition())
        cursor.setPosition(frame.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        # What is left is the section's first block, still formatted as it was
        # (a list item, a heading): start the new content from a plain block.
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.setCharFormat(QTextCharFormat())
        listed = cursor.block().textList()
        if listed is not None:
            listed.remove(cursor.block())
        if html:
            cursor.insertFragment(self._parse(html))
            # Keep each line's shaped glyphs after layout (Qt drops them to save memory and
            # shapes every line again on each paint): a repaint of the card takes 0.9 ms, not 1.4.
            block = self.document().findBlock(frame.firstPosition())
            end = frame.lastPosition()
            while block.isValid() and block.position() <= end:
                block.layout().setCacheEnabled(True)
                block = block.next()
        # An empty section is one empty block: hidden, it takes no room (the
        # layout learns of a change of visibility only when told).
        block = frame.firstCursorPosition().block()
        if block.isVisible() != bool(html):
            block.setVisible(bool(html))
            self.document().markContentsDirty(block.position(), max(1, block.length()))

    def _parse(self, html: str) -> QTextDocumentFragment:
        """``html`` as insertHtml reads it (with the document's style), kept for when
        the section shows it again: an answer changed and changed back."""
        fragment = self._parsed.get(html)
        if fragment is None:
            fragment = self._parsed[html] = QTextDocumentFragment.fromHtml(html, self.document())
            if len(self._parsed) > PARSED_KEPT:
                self._parsed.popitem(last=False)
        else:
            self._parsed.move_to_end(html)
        return fragment

    # --- source notes --------------------------------------------------------------
    def toggle_note(self, note_id: str) -> None:
        """Open or close one source note (only its section is redrawn)."""
        self._expanded = self._expanded ^ {note_id}
        if self._view is not None:
            self._render()

    def expand_notes(self, expanded: bool = True) -> None:
        """Open (or close) every source note shown."""
        self._expanded = frozenset(d.rule for d in self._view.disputes) if expanded and self._view else frozenset()
        if self._view is not None:
            self._render()

    # --- citations ---------------------------------------------------------------
    def citations(self) -> list[str]:
        """The anchors of the numbered sources cited on the card, in order."""
        return [f"cite{s.number}" for s in self._view.sources] if self._view is not None else []

    def source_for(self, anchor: str) -> str:
        """The source behind a citation anchor: the document and the sections cited."""
        key = anchor.lstrip("#")
        if self._view is None or not key.startswith("cite") or not key[4:].isdigit():
            return ""
        number = int(key[4:])
        if not 1 <= number <= len(self._view.sources):
            return ""
        entry = self._view.source(number)
        if not entry.sections:
            return entry.text
        return f"{entry.text} \u2014 {self._view.word('sections').format(sections='; '.join(entry.sections))}"

    def _hover(self, url: QUrl) -> None:
        text = self.source_for(url.fragment())
        if text:
            QToolTip.showText(QCursor.pos(), tooltip(text), self)
        else:
            QToolTip.hideText()

    def _click(self, url: QUrl) -> None:
        if url.fragment().startswith(NOTE_ANCHOR):
            self.toggle_note(url.fragment()[len(NOTE_ANCHOR):])
            return
        text = self.source_for(url.fragment())
        if text:
            pos = self.viewport().mapToGlobal(self.cursorRect().bottomRight()) if not self.underMouse() \
                else QCursor.pos() + QPoint(8, 8)
            QToolTip.showText(pos, tooltip(text), self)
