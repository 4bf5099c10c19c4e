"""The province table's details area: every cited fact of the selected
jurisdiction (who issues the certificate, its notes, how it counts workers and
how it places employers no partner serves), as plain text with its sources.

It follows the controller's province (the table's selection) and language, and
is refreshed only when one of them, or the rules, change.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from ..domain.province import all_facts
from .controller import AdvisorController


def details_html(controller: AdvisorController, code: str) -> str:
    """The jurisdiction's summary and every fact, each with its source; all dataset text escaped."""
    ds, lang = controller.dataset, controller.language
    j = ds.jurisdiction(code)
    items = "".join(
        f"<li>{escape(f.text)}<br/><span style='color:#4A5560; font-size:8pt'>{escape(f.source)}</span></li>"
        for f in all_facts(ds, code, lang)
    )
    return (f"<p style='font-weight:600; color:#1F3A5F'>{escape(j.name.get(lang))}</p>"
            f"<p>{escape(j.summary.get(lang))}</p><ul>{items}</ul>")


class ProvinceDetails(QTextBrowser):
    def __init__(self, controller: AdvisorController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provinceDetails")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._c = controller
        self._shown: tuple[object, ...] = ()
        self.retranslate()
        controller.provinceChanged.connect(lambda _code: self.refresh())
        controller.languageChanged.connect(lambda _lang: self.refresh())
        controller.datasetChanged.connect(lambda _ds: self.refresh())
        self.refresh()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Facts about the selected province or territory"))

    def refresh(self) -> None:
        c = self._c
        key = (c.dataset, c.language, c.answers.province)
        if key == self._shown:
            return
        self._shown = key
        self.setHtml(details_html(c, c.answers.province))
