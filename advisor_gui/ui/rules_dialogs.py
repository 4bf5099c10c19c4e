"""The dialogs of :mod:`.rules_updates`: the change summary shown before an
import or a revert, and Help ▸ About the Rules (dates, sources, changelog)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain.dataset_diff import AREAS, Change, counts, general_areas, impacted_jurisdictions
from ..domain.freshness import is_stale, review_due
from ..domain.models import Dataset
from .plaintext import make_plain

DIFF_CSS = """
h3 { font-size: 10.5pt; color: #1F3A5F; margin: 10px 0 2px 0; }
ul { margin-top: 0; margin-bottom: 0; }
li { margin-bottom: 4px; }
span.added { color: #0B6E4F; font-weight: 600; }
span.removed { color: #A1260D; font-weight: 600; }
span.changed { color: #0B4F8A; font-weight: 600; }
span.old { color: #6B6B6B; }
span.subject { font-weight: 600; }
"""


translate = QCoreApplication.translate


def _dtr(text: str) -> str:
    """Words from :mod:`advisor_gui.domain.dataset_diff` (marked there with ``N_``), translated."""
    return translate("DatasetDiff", text)


def _value(text: str) -> str:
    return _dtr(text) if text in ("none", "yes", "no") else text


def _field(change: Change) -> str:
    words, french = change.label_words()
    label = " \u203a ".join(_dtr(w) for w in words)
    return translate("DatasetDiff", "{0} (French)").format(label) if french else label


def change_html(change: Change) -> str:
    kind = {"added": translate("DatasetDiff", "Added"), "removed": translate("DatasetDiff", "Removed"),
            "changed": translate("DatasetDiff", "Changed")}[change.kind]
    subject = f'<span class="subject">{escape(change.subject)}</span>'
    if change.kind == "changed":
        old = f'<span class="old">{escape(_value(change.old))}</span>'
        new = escape(_value(change.new))
        if change.subject:
            body = escape(translate("DatasetDiff", "{0}: {1}: {2} \u2192 {3}")).format(
                subject, escape(_field(change)), old, new)
        else:
            body = escape(translate("DatasetDiff", "{0}: {1} \u2192 {2}")).format(escape(_field(change)), old, new)
    else:
        what = change.new if change.kind == "added" else change.old
        body = escape(translate("DatasetDiff", "{0}: {1}")).format(subject, escape(what))
    return f'<li><span class="{change.kind}">{escape(kind)}</span> \u2014 {body}</li>'


def changes_html(changes: Sequence[Change]) -> str:
    """The changes grouped under their area headings, as HTML."""
    if not changes:
        return "<p>" + escape(translate("DatasetDiff", "No changes.")) + "</p>"
    parts: list[str] = []
    for area, title in AREAS.items():
        items = [c for c in changes if c.area == area]
        if items:
            parts.append(f"<h3>{escape(_dtr(title))} ({len(items)})</h3><ul>")
            parts += [change_html(c) for c in items]
            parts.append("</ul>")
    return "".join(parts)


def summary_text(changes: Sequence[Change]) -> str:
    """"12 changes: 3 added, 1 removed, 8 changed. Impacted jurisdictions: AB, NL." """
    if not changes:
        return translate("DatasetDiff", "No changes.")
    n = counts(changes)
    line = translate("DatasetDiff", "{0} changes: {1} added, {2} removed, {3} changed.").format(
        len(changes), n["added"], n["removed"], n["changed"])
    codes = impacted_jurisdictions(changes)
    if codes:
        line += " " + translate("DatasetDiff", "Impacted jurisdictions: {0}.").format(", ".join(codes))
    general = general_areas(changes)
    if general:
        line += " " + translate("DatasetDiff", "Changes that apply everywhere: {0}.").format(
            ", ".join(_dtr(AREAS[a]).lower() for a in general))
    return line


def _browser(name: str) -> QTextBrowser:
    view = QTextBrowser()
    view.setObjectName(name)
    view.setOpenLinks(False)
    view.setOpenExternalLinks(False)
    view.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                 | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    view.document().setDefaultStyleSheet(DIFF_CSS)
    return view


class RulesReviewDialog(QDialog):
    """What changes against the rules in use, before anything is installed.
    Accepting it is the user's confirmation."""

    def __init__(self, current: Dataset, new: Dataset, changes: Sequence[Change], *,
                 mode: Literal["import", "revert"], source: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rulesReviewDialog")
        self.changes = tuple(changes)
        importing = mode == "import"
        self.setWindowTitle(self.tr("Import Rules") if importing else self.tr("Revert to Bundled Rules"))

        headline = make_plain(QLabel())
        headline.setText(
            self.tr("Use rules {0} in place of rules {1}?").format(new.version, current.version) if importing
            else self.tr("Go back to the bundled rules {0} in place of rules {1}?").format(new.version,
                                                                                       current.version))
        headline.setObjectName("reviewHeadline")
        headline.setStyleSheet("font-size: 12pt; font-weight: 600; color: #1F3A5F;")
        headline.setWordWrap(True)

        facts = QLabel(self._facts_html(current, new, source))
        facts.setObjectName("reviewFacts")
        facts.setTextFormat(Qt.TextFormat.RichText)
        facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts.setWordWrap(True)

        self.summary = make_plain(QLabel(summary_text(self.changes)))
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: 600;")

        self.view = _browser("reviewChanges")
        self.view.setAccessibleName(self.tr("What changes"))
        self.view.setHtml(changes_html(self.changes))

        note = QLabel(
            self.tr("The file is copied into the advisor's own folder and the recommendation follows the new "
                    "rules at once. File \u25b8 Revert to Bundled Rules goes back at any time.") if importing
            else self.tr("Installed rules updates are removed; the rules that came with the advisor are used "
                         "from now on."))
        note.setObjectName("reviewNote")
        note.setWordWrap(True)
        note.setStyleSheet("color: #4A4A4A;")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = buttons.addButton(
            self.tr("&Install and Use These Rules") if importing else self.tr("&Revert to Bundled Rules"),
            QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirmButton")
        self.confirm.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(headline)
        layout.addWidget(facts)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(780, 560)
        self.confirm.setFocus()

    def _facts_html(self, current: Dataset, new: Dataset, source: Path | None) -> str:
        head = self.tr("New file") if source is not None else self.tr("Bundled rules")
        rows = [
            ("", self.tr("In use now"), head),
            (self.tr("Version"), current.version, new.version),
            (self.tr("Effective"), current.effective.isoformat(), new.effective.isoformat()),
            (self.tr("Last reviewed"), current.last_reviewed.isoformat(), new.last_reviewed.isoformat()),
        ]
        cells = []
        for i, (label, a, b) in enumerate(rows):
            tag = "th" if i == 0 else "td"
            cells.append(f'<tr><td style="color:#4A4A4A; padding-right:14px">{escape(label)}</td>'
                         f'<{tag} style="padding-right:18px" align="left">{escape(a)}</{tag}>'
                         f'<{tag} align="left">{escape(b)}</{tag}></tr>')
        html = "<table cellspacing='0' cellpadding='1'>" + "".join(cells) + "</table>"
        if source is not None:
            html += "<p style='color:#4A4A4A'>" + escape(self.tr("File: {0}").format(source)) + "</p>"
        return html


class AboutRulesDialog(QDialog):
    """Help ▸ About the Rules: dates, origin, every source with its address
    (as text: the advisor opens nothing), and the changelog."""

    def __init__(self, dataset: Dataset, changelog: str, today: dt.date, *, installed: Path | None,
                 changes_from_bundled: Sequence[Change] | None, parent: QWidget | None = None,
                 lang: str = "en") -> None:
        super().__init__(parent)
        self._lang = lang
        self.setObjectName("aboutRulesDialog")
        self.setWindowTitle(self.tr("About the Rules"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)

        self.summary = _browser("rulesSummary")
        self.summary.setAccessibleName(self.tr("The rules in use"))
        self.summary.setHtml(self._summary_html(dataset, today, installed, changes_from_bundled))
        self.tabs.addTab(self.summary, self.tr("&Rules"))

        self.sources = _browser("rulesSources")
        self.sources.setAccessibleName(self.tr("Sources of the rules"))
        self.sources.setHtml(self._sources_html(dataset))
        self.tabs.addTab(self.sources, self.tr("&Sources ({0})").format(len(dataset.sources)))

        self.changelog = _browser("rulesChangelog")
        self.changelog.setAccessibleName(self.tr("Changelog of the rules"))
        if changelog.strip():
            self.changelog.setMarkdown(changelog)
        else:
            self.changelog.setPlainText(self.tr("The changelog is not included in this installation."))
        self.tabs.addTab(self.changelog, self.tr("&Changelog"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(820, 600)

    def _summary_html(self, ds: Dataset, today: dt.date, installed: Path | None,
                      changes: Sequence[Change] | None) -> str:
        due = review_due(ds.last_reviewed).isoformat()
        if is_stale(ds, today):
            review = self.tr("Due for review: the last review was more than a year ago (review was due by {0}).")
            review = review.format(due)
        else:
            review = self.tr("Current: next review due by {0}.").format(due)
        origin = (self.tr("An installed update: {0}").format(installed) if installed is not None
                  else self.tr("The rules that came with the advisor"))
        rows = [
            (self.tr("Version"), ds.version),
            (self.tr("Effective"), ds.effective.isoformat()),
            (self.tr("Last reviewed"), ds.last_reviewed.isoformat()),
            (self.tr("Review"), review),
            (self.tr("In use"), origin),
            (self.tr("Contents"), self.tr("{0} jurisdictions, {1} rules, {2} source notes, {3} sources").format(
                len(ds.jurisdictions), len(ds.rules), len(ds.source_notes), len(ds.sources))),
        ]
        table = "".join(f'<tr><td style="color:#4A4A4A; padding-right:14px" valign="top">{escape(k)}</td>'
                        f"<td>{escape(v)}</td></tr>" for k, v in rows)
        parts = [
            f"<h2 style='color:#1F3A5F'>{escape(ds.title.get(self._lang))}</h2>",
            f"<table cellspacing='0' cellpadding='2'>{table}</table>",
            "<p>" + escape(self.tr("Programs, thresholds and certifying partners change. Your office can hand you an "
                              "updated rules file: File \u25b8 Import Rules\u2026 checks it, shows what it "
                              "changes and installs it; File \u25b8 Revert to Bundled Rules goes back.")) + "</p>",
        ]
        if installed is not None and changes is not None:
            parts.append("<h3>" + escape(self.tr("Changes from the bundled rules")) + "</h3>")
            parts.append("<p><b>" + escape(summary_text(changes)) + "</b></p>")
            parts.append(changes_html(changes))
        return "".join(parts)

    def _sources_html(self, ds: Dataset) -> str:
        kinds = {"article": self.tr("the article"), "official": self.tr("official"),
                 "partner": self.tr("certifying partner"), "third_party": self.tr("third party")}
        no_address = self.tr("No web address: the article this dataset follows")
        items = []
        for s in ds.sources:
            dates = []
            if s.published:
                dates.append(self.tr("published {0}").format(s.published.isoformat()))
            if s.accessed:
                dates.append(self.tr("accessed {0}").format(s.accessed.isoformat()))
            meta = ", ".join([kinds[s.kind], *dates])
            address = (f"<span style='font-family: monospace; color:#33414F'>{escape(s.url)}</span>" if s.url
                       else f"<i>{escape(no_address)}</i>")
            items.append(f"<li><b>{escape(s.title)}</b> \u2014 {escape(s.publisher)} "
                         f"<span style='color:#6B6B6B'>({escape(meta)})</span><br/>{address}</li>")
        intro = self.tr("Addresses are shown as text to copy: the advisor works offline and opens nothing.")
        return f"<p style='color:#4A4A4A'>{escape(intro)}</p><ol>{''.join(items)}</ol>"
