"""The recommendation card: the program with the province's own label, what is
eligible, each reason with its citation (hover or click a [n] marker for the
source), cautions and source notes, partners, next steps, what would change.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from ..domain.engine import Recommendation
from ..domain.models import Dataset
from .controller import AdvisorController
from .plaintext import tooltip
from .style import CARD_CSS

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl  # its first use costs start-up ~2 ms; only the link signals carry one


class RecommendationCard(QTextBrowser):
    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recommendationCard")
        self.setAccessibleName(self.tr("Recommendation"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._c = controller
        self._sources: dict[str, str] = {}
        self.document().setDefaultStyleSheet(CARD_CSS)
        self.highlighted.connect(self._hover)
        self.anchorClicked.connect(self._click)
        controller.viewsDue.connect(self.show_recommendation)
        self.show_recommendation(controller.recommendation)

    # --- rendering -------------------------------------------------------------
    def show_recommendation(self, rec: Recommendation) -> None:
        self._sources = {}
        self.setHtml(self.render_html(self._c.dataset, rec))
        self.setAccessibleDescription(self.toPlainText()[:400])

    def _cite(self, source: str) -> str:
        n = len(self._sources) + 1
        key = f"cite{n}"
        self._sources[key] = source
        return f'<a class="cite" href="#{key}" title="{escape(tooltip(source))}"><sup>[{n}]</sup></a>'

    def render_html(self, ds: Dataset, rec: Recommendation) -> str:
        j = ds.jurisdiction(rec.province)
        program = ds.program(rec.program)
        tr = self.tr
        parts: list[str] = []
        badge = {"COR": "cor", "SECOR": "small", "SMALL_COR": "small"}.get(rec.program, "none")
        parts.append(
            f'<p class="kicker">{escape(tr("Recommendation for {0}").format(j.name.en))}</p>'
            f'<p class="program {badge}">{escape(program.short.en)}</p>'
            f'<p class="long">{escape(program.long.en)}</p>'
        )
        if rec.eligible:
            names = ", ".join(ds.program(p).short.en for p in rec.eligible)
            parts.append(f'<p class="eligible">{escape(tr("Eligible here: {0}").format(names))}</p>')

        small = j.small_program
        if rec.program == "COR" and small and small in rec.eligible:
            head = tr("Why COR, although {0} is open to this operation").format(ds.program(small).short.en)
        elif rec.program == "COR" and small:
            head = tr("Why {0} isn't the fit here").format(ds.program(small).short.en)
        else:
            head = tr("Why")
        parts.append(self._section(head, [escape(r.text) + self._cite(r.source) for r in rec.reasons]))
        cautions = [c for c in rec.cautions if not c.rule.startswith("note.")]
        notes = [c for c in rec.cautions if c.rule.startswith("note.")]
        if cautions:
            items = [escape(c.text) + (self._cite(c.source) if c.source else "") for c in cautions]
            parts.append(self._section(tr("Cautions"), items, css="cautions"))
        if notes:
            items = [escape(c.brief or c.text) + self._cite(c.source) for c in notes]
            parts.append(self._section(tr("Where sources differ"), items, css="notes"))
        if rec.what_would_change:
            parts.append(self._section(tr("What would change the answer"),
                                       [escape(s) for s in rec.what_would_change]))
        if rec.partners:
            items = [f"<b>{escape(p.acronym)}</b> \u2014 {escape(p.name)}" + self._cite(p.source)
                     for p in rec.partners]
            parts.append(self._section(tr("Certifying partners to contact"), items))
        if rec.next_steps:
            parts.append(self._section(tr("Next steps"), [escape(s) for s in rec.next_steps], ordered=True))
        return "".join(parts)

    @staticmethod
    def _section(title: str, items: list[str], *, css: str = "", ordered: bool = False) -> str:
        tag = "ol" if ordered else "ul"
        lis = "".join(f"<li>{item}</li>" for item in items)
        return f'<p class="section">{escape(title)}</p><{tag} class="{css}">{lis}</{tag}>'

    # --- citations ---------------------------------------------------------------
    def citations(self) -> list[str]:
        """The anchors of the citations on the card, in order."""
        return list(self._sources)

    def source_for(self, anchor: str) -> str:
        return self._sources.get(anchor.lstrip("#"), "")

    def _hover(self, url: QUrl) -> None:
        text = self.source_for(url.fragment())
        if text:
            QToolTip.showText(QCursor.pos(), tooltip(text), self)
        else:
            QToolTip.hideText()

    def _click(self, url: QUrl) -> None:
        text = self.source_for(url.fragment())
        if text:
            pos = self.viewport().mapToGlobal(self.cursorRect().bottomRight()) if not self.underMouse() \
                else QCursor.pos() + QPoint(8, 8)
            QToolTip.showText(pos, tooltip(text), self)
