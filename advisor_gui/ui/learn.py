"""Help ▸ COR and SECOR Explained: the guidance and a searchable FAQ, cited."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain.citations import format_cites
from ..domain.models import Dataset
from .style import name_clear_button


class LearnDialog(QDialog):
    def __init__(self, dataset: Dataset, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("COR and SECOR Explained"))
        self.resize(860, 560)
        self._pages: list[tuple[str, str, str]] = []  # title, html, searchable text
        for g in dataset.guidance:
            title, body, points = g.title.get(lang), g.body.get(lang), [p.get(lang) for p in g.points]
            source = self.tr("Source: {0}").format(format_cites(dataset, g.cite))
            items = "".join(f"<li>{escape(p)}</li>" for p in points)
            html = (f"<h2>{escape(title)}</h2><p>{escape(body)}</p>" + (f"<ul>{items}</ul>" if items else "")
                    + f"<p><small>{escape(source)}</small></p>")
            self._pages.append((title, html, f"{title} {body} {' '.join(points)}"))
        for f in dataset.faq:
            question, answer = f.question.get(lang), f.answer.get(lang)
            source = self.tr("Source: {0}").format(format_cites(dataset, f.cite))
            html = f"<h2>{escape(question)}</h2><p>{escape(answer)}</p><p><small>{escape(source)}</small></p>"
            self._pages.append((self.tr("FAQ: {0}").format(question), html, f"{question} {answer}"))

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search topics and questions…"))
        self.search.setAccessibleName(self.tr("Search the explanations"))
        self.search.setClearButtonEnabled(True)
        name_clear_button(self.search)
        self.topics = QListWidget()
        self.topics.setAccessibleName(self.tr("Topics"))
        self.topics.setWordWrap(True)
        for i, (title, _html, _text) in enumerate(self._pages):
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, i)
            self.topics.addItem(item)
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Explanation"))
        self.view.setOpenLinks(False)  # the texts are escaped; a link could only come from a bug
        self.view.setOpenExternalLinks(False)
        self.topics.currentItemChanged.connect(self._show)
        self.search.textChanged.connect(self._filter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.topics, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.view)
        split.setSizes([300, 560])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.topics.setCurrentRow(0)
        self.search.setFocus()

    def _show(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        if item is not None:
            self.view.setHtml(self._pages[item.data(Qt.ItemDataRole.UserRole)][1])

    def _filter(self, text: str) -> None:
        needle = text.casefold().strip()
        first = None
        for row in range(self.topics.count()):
            item = self.topics.item(row)
            hit = not needle or needle in self._pages[item.data(Qt.ItemDataRole.UserRole)][2].casefold()
            item.setHidden(not hit)
            if hit and first is None:
                first = item
        if first is None:
            self.topics.setCurrentRow(-1)
            self.view.setPlainText(self.tr("No topic mentions \u201c{0}\u201d.").format(text.strip()))
        elif self.topics.currentItem() is None or self.topics.currentItem().isHidden():
            self.topics.setCurrentItem(first)

    def visible_titles(self) -> list[str]:
        return [self.topics.item(r).text() for r in range(self.topics.count()) if not self.topics.item(r).isHidden()]
