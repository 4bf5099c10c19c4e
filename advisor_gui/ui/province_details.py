"""The province table's details area: the selected jurisdiction in full (its
name, summary and certifying partners, as the table gives them) and every cited
fact about it (who issues the certificate, its notes, how it counts workers and
how it places employers no partner serves), each with its source.

Plain text throughout: every dataset text is escaped, links are off. The table
says which jurisdiction (its selection) and when (language, rules).
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from ..domain.province import all_facts
from .controller import AdvisorController


def details_html(controller: AdvisorController, code: str, header: str) -> str:
    """``header`` (the table's lines about the jurisdiction), then every fact with its source."""
    lines = header.splitlines()
    head = "".join(
        f"<p style='margin:0 0 3px 0'>{'<b>' if i == 0 else ''}{escape(line)}{'</b>' if i == 0 else ''}</p>"
        for i, line in enumerate(lines)
    )
    facts = all_facts(controller.dataset, code, controller.language) if code else ()
    items = "".join(
        f"<li>{escape(f.text)}<br/><span style='color:#4A5560; font-size:8pt'>{escape(f.source)}</span></li>"
        for f in facts
    )
    return head + (f"<ul style='margin-top:2px'>{items}</ul>" if items else "")


class ProvinceDetails(QTextBrowser):
    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceDetails")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._c = controller
        self._shown: tuple[object, ...] = ()
        self._header = ""

    def show_jurisdiction(self, code: str, header: str) -> None:
        """Show ``code`` (empty: nothing selected) under the table's ``header`` lines."""
        c = self._c
        key = (c.dataset, c.language, code, header)
        if key == self._shown:
            return
        self._shown = key
        self._header = header
        self.setHtml(details_html(c, code, header))
        name = header.splitlines()[0] if header else ""
        self.setAccessibleName(name or self.tr("Facts about the selected province or territory"))

    def text(self) -> str:
        """What the area says, as plain text."""
        return self.toPlainText()
