"""The recommendation summary the consultant hands the client.

:func:`build_report` wraps the recommendation's :class:`~advisor_gui.domain.presentation.Presentation`
(everything the summary says about the recommendation, shared with the card and
the command line) with what only the printed page has: the client, the
consultant, the firm's logo, the notes and the date. :func:`render_html` turns
it into the HTML subset Qt's rich-text engine understands (the UI lays it out
page by page for preview, print and PDF). All user text (client, consultant,
firm, notes) and dataset text is escaped.

Citations are numbered per source document: a reason citing the article's §5
shows a marker like [1] and the source list reads "1. On-Track, “…” — §5 …".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from html import escape

from ..util.records import record
from . import wording
from .engine import Recommendation
from .freshness import is_stale
from .models import Answers, Dataset
from .plan import Plan, build_plan
from .presentation import Cited, Comparison, Presentation, present, refs_text
from .register import Derived, Scenario
from .scenarios import ScenarioComparison, compare


def labels(lang: str = "en") -> Mapping[str, str]:
    """The summary's fixed wording (the shared catalogue)."""
    return wording.words(lang)


@record
class Report:
    """The recommendation as the printed summary shows it (``view``), and for whom."""

    view: Presentation
    client: str
    consultant: str
    firm: str
    logo: str  # a file path; empty for none
    notes: str
    date: dt.date
    rules_stale: bool = False  # last reviewed more than twelve months before the summary's date
    phone: str = ""  # the consultant's, from Preferences
    email: str = ""
    plan: Plan | None = None  # the client's dated plan (issue 16): the "Plan" section
    # Today's answers and the client's scenarios side by side (issue 16): the "Scenarios" section.
    scenarios: ScenarioComparison | None = None

    @property
    def lang(self) -> str:
        return self.view.lang

    @property
    def title(self) -> str:
        return self.view.word("title")

    @property
    def document_title(self) -> str:
        """The title for the PDF's metadata and the print job."""
        return f"{self.title} \u2014 {_one_line(self.client)}" if self.client.strip() else self.title

    @property
    def running_header(self) -> str:
        if self.client.strip():
            return self.view.word("header").format(client=_one_line(self.client))
        return self.view.word("header_no_client")

    @property
    def running_footer(self) -> str:
        return self.view.word("footer").format(
            version=self.view.dataset_version,
            effective=wording.date(self.view.dataset_effective, self.lang),
            date=wording.date(self.date, self.lang),
        )

    @property
    def prepared_by(self) -> str:
        return ", ".join(p for p in (_one_line(self.consultant), _one_line(self.firm)) if p)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def build_report(
    dataset: Dataset,
    answers: Answers,
    recommendation: Recommendation,
    *,
    client: str = "",
    consultant: str = "",
    firm: str = "",
    logo: str = "",
    notes: str = "",
    phone: str = "",
    email: str = "",
    today: dt.date,
    lang: str = "en",
    view: Presentation | None = None,
    target: dt.date | None = None,
    scenarios: Sequence[Scenario] = (),
    derived: Derived | None = None,
) -> Report:
    """The summary for ``answers`` and the engine's ``recommendation`` of them
    (evaluated in ``lang``), in ``lang``; ``view`` when the caller already has
    the recommendation's presentation in that language. With ``scenarios``, the
    summary compares them with ``answers`` (the client's register, ``derived``,
    applied to each), their sources numbered after the recommendation's and the plan's."""
    if view is None or view.lang != wording.language(lang):
        view = present(dataset, answers, recommendation, lang)
    plan = build_plan(dataset, answers, recommendation.program, today, target, view.lang)
    report = Report(view, client, consultant, firm, logo, notes, today, is_stale(dataset, today), phone, email,
                    plan)
    if scenarios:
        first = len(view.sources) + len(plan_sources(report)) + 1
        comparison = compare(dataset, answers, scenarios, view.lang, derived=derived, known=view.sources,
                             first=first)
        report = dataclasses.replace(report, scenarios=comparison)
    return report


# --- HTML ------------------------------------------------------------------------------

# Qt's rich-text engine understands a subset of CSS: sizes in pt (they scale
# with the printer's resolution), margins, colours, table borders. The body is
# 10 pt; only the source list (8.5 pt) is smaller. Citation markers are set at
# 12 pt because Qt draws superscript at two thirds of the font's whole point
# size: they print at 8 pt.
BODY_PT = 10
SMALL_PT = 8.5
REF_PT = 12
REF_PRINTED_PT = REF_PT * 2 // 3
HEADING_PT = {1: 17.0, 2: 12.5, 3: 11.0}  # Qt's reader ignores a heading's CSS size: the layout sets these
REPORT_CSS = f"""
body {{ font-size: {BODY_PT}pt; color: #1A1A1A; }}
h1 {{ font-size: {HEADING_PT[1]}pt; font-weight: 600; color: #1F3A5F; margin: 0 0 1px 0; }}
p.subtitle {{ font-size: 10.5pt; color: #5A6B7D; margin: 0 0 8px 0; }}
h2 {{ font-size: {HEADING_PT[2]}pt; font-weight: 600; color: #1F3A5F; margin: 10px 0 3px 0; }}
h3 {{ font-size: {HEADING_PT[3]}pt; font-weight: 600; color: #1F3A5F; margin: 10px 0 2px 0; }}
p {{ margin: 0 0 4px 0; }}
p.meta-label {{ font-size: {SMALL_PT}pt; font-weight: 600; color: #5A6B7D; margin: 0 0 1px 0;
                text-transform: uppercase; }}
p.meta-name {{ font-weight: 600; margin: 0; }}
p.meta {{ margin: 0; }}
p.stale {{ color: #7A4A00; font-weight: 600; }}
p.verdict-kicker {{ color: #33414F; margin: 0; }}
p.verdict {{ font-size: 20pt; font-weight: 700; margin: 0; }}
p.verdict-cor {{ color: #0B4F8A; }}
p.verdict-small {{ color: #0B6E4F; }}
p.verdict-none {{ color: #4A4A4A; }}
p.verdict-detail {{ font-size: 11pt; color: #1A1A1A; margin: 0 0 4px 0; }}
p.eligible {{ margin: 0; }}
p.final-word {{ font-style: italic; color: #33414F; margin: 6px 0 0 0; }}
ul, ol {{ margin-top: 0; margin-bottom: 0; }}
li {{ margin-bottom: 1px; }}
li.caution {{ color: #5C3400; }}
span.ref {{ color: #0B5CAD; font-size: {REF_PT}pt; vertical-align: super; }}
span.label {{ font-weight: 600; }}
th {{ font-weight: 600; color: #1F3A5F; text-align: left; background-color: #EEF3F8; }}
td.dim {{ font-weight: 600; color: #33414F; }}
td.recommended {{ background-color: #E3F1FB; }}
td.changed {{ background-color: #FFF0C2; font-weight: 600; }}
p.cell {{ margin: 0 0 3px 0; }}
th.recommended {{ background-color: #CFE5F6; }}
p.note {{ color: #4A4A4A; font-style: italic; margin: 0 0 4px 0; }}
p.about {{ color: #33414F; margin: 0 0 3px 0; }}
p.source {{ font-size: {SMALL_PT}pt; color: #33414F; margin: 0 0 2px 0; }}
p.provisional {{ font-weight: 600; color: #7A4A00; margin: 4px 0 0 0; }}
ul.disputes {{ color: #33414F; }}
"""

# The tables that may continue on the next page, between rows, their header
# repeated: the keys of ``render_html``'s ``breaks``, in the order they appear.
BREAKABLE_TABLES = ("comparison", "answers", "plan", "scenarios")


def breakable_tables(report: Report) -> tuple[str, ...]:
    """The keys of :data:`BREAKABLE_TABLES` this report prints a table for, in
    order (a province without a small-employer program has no comparison
    table; no dated step, no plan table; no scenario, no scenarios table)."""
    present_ = {
        "comparison": bool(report.view.comparison.rows),
        "answers": True,
        "plan": report.plan is not None and any(s.date is not None for s in report.plan.steps),
        "scenarios": report.scenarios is not None,
    }
    return tuple(key for key in BREAKABLE_TABLES if present_[key])


def _text(text: str) -> str:
    """User or dataset text as HTML: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


def _refs(refs: tuple[int, ...]) -> str:
    if not refs:
        return ""
    return f'<span class="ref">&#8201;{refs_text(refs)}</span>'


def _cited(item: Cited) -> str:
    return escape(item.text) + _refs(item.refs)


def _list(items: Iterable[str], *, ordered: bool = False, li_class: str = "", list_class: str = "") -> str:
    tag = "ol" if ordered else "ul"
    li = f'<li class="{li_class}">' if li_class else "<li>"
    cls = f' class="{list_class}"' if list_class else ""
    return f"<{tag}{cls}>" + "".join(f"{li}{item}</li>" for item in items) + f"</{tag}>"


def _table(head: str, rows: Sequence[str], breaks: Iterable[int], *, padding: int = 3) -> str:
    """A bordered table with its header row; from each row index in ``breaks``
    on, a new table on the next page that repeats the header (the page layout
    asks for these breaks where a row would straddle two pages)."""
    cuts = sorted({b for b in breaks if 0 < b < len(rows)})
    parts = []
    for start, end in zip([0, *cuts], [*cuts, len(rows)], strict=True):
        style = "border-collapse: collapse; border-color: #C9D3DE; border-style: solid;"
        if start:  # the break goes on the empty paragraph Qt keeps between two tables
            parts.append('<p style="page-break-before: always; margin: 0;"></p>')
        parts.append(f'<table width="100%" cellspacing="0" cellpadding="{padding}" border="1" style="{style}">'
                     f"<thead>{head}</thead>{''.join(rows[start:end])}</table>")
    return "".join(parts)


def masthead_rows(report: Report) -> list[tuple[str, list[str]]]:
    """The "Prepared for / Prepared by" block as plain text: (label, lines).
    A client with no name has no "Prepared for" line: the province stands alone."""
    r, v = report, report.view
    w = v.word
    client = _one_line(r.client)
    out = [(w("prepared_for"), [client, v.province_name]) if client else (w("province"), [v.province_name])]
    by = [line for line in (_one_line(r.consultant), _one_line(r.firm), _one_line(r.phone), _one_line(r.email))
          if line]
    if by:
        out.append((w("prepared_by"), by))
    out.append((w("date"), [wording.date(r.date, v.lang)]))
    return out


def render_html(report: Report, *, logo_src: str = "", logo_size: tuple[int, int] | None = None,
                breaks: Mapping[str, Iterable[int]] | None = None) -> str:
    """The summary as Qt rich-text HTML. ``logo_src`` is the name under which
    the caller registered the firm's logo image (empty: no logo), drawn at
    ``logo_size`` (width, height in CSS pixels) when given. ``breaks`` names,
    for each of :data:`BREAKABLE_TABLES`, the body rows that start a new page."""
    r = report
    v = r.view
    w = v.word
    breaks = breaks or {}
    parts: list[str] = ["<html><head>", f"<title>{escape(r.document_title)}</title>",
                        f"<style>{REPORT_CSS}</style></head><body>"]

    # Masthead: the title across the page; under it who it is for, who prepared it and when,
    # the logo above the date.
    parts.append(f"<h1>{escape(r.title)}</h1><p class=\"subtitle\">{escape(w('subtitle'))}</p>")
    cells = []
    *people, (date_label, date_lines) = masthead_rows(r)
    for label, lines in people:
        body = f'<p class="meta-name">{escape(lines[0])}</p>' + "".join(
            f'<p class="meta">{escape(line)}</p>' for line in lines[1:])
        cells.append(f'<td valign="top" width="37%"><p class="meta-label">{escape(label)}</p>{body}</td>')
    while len(cells) < 2:
        cells.append('<td width="37%"></td>')
    logo = ""
    if logo_src:
        size = f' width="{logo_size[0]}" height="{logo_size[1]}"' if logo_size else ""
        logo = f'<p align="right" style="margin: 0 0 4px 0;"><img src="{escape(logo_src)}"{size}/></p>'
    cells.append(f'<td valign="top" align="right">{logo}'
                 f'<p class="meta-label" align="right">{escape(date_label)}</p>'
                 f'<p class="meta" align="right">{escape(date_lines[0])}</p></td>')
    parts.append('<table width="100%" cellspacing="0" cellpadding="0" style="margin-top: 2px;">'
                 f"<tr>{''.join(cells)}</tr></table>")

    # The verdict, said once: the program's name, then what it stands for.
    stale = escape(w("stale").format(reviewed=wording.date(v.dataset_reviewed, v.lang)))
    statuses = " \u00b7 ".join(escape(s.line) for s in v.statuses)
    detail = f'<p class="verdict-detail">{escape(v.program_detail)}</p>' if v.program_detail else ""
    parts.append(
        '<table width="100%" cellspacing="0" cellpadding="8" border="1" '
        'style="border-collapse: collapse; border-color: #9FB7CE; border-style: solid; margin-top: 10px;">'
        '<tr><td bgcolor="#F2F7FB">'
        f'<p class="verdict-kicker">{escape(v.kicker)}</p>'
        f'<p class="verdict verdict-{v.verdict_kind}">{escape(v.program_label)}</p>{detail}'
        f'<p class="eligible">{escape(v.eligibility)}</p><p class="eligible">{statuses}</p>'
        + (f'<p class="provisional">{escape(v.to_confirm)}</p>' + _list(escape(q) for q in v.open_questions)
           if v.provisional else "")
        + f'<p class="final-word">{escape(w("final_word"))}</p>'
        + (f'<p class="stale">{stale}</p>' if r.rules_stale else "")
        + "</td></tr></table>"
    )

    # Why, then the advice; the source notes after it.
    parts.append(f"<h2>{escape(v.why_title)}</h2>" + _list(_cited(x) for x in v.reasons))
    if v.cautions:
        parts.append(f"<h2>{escape(w('cautions'))}</h2>" + _list((_cited(x) for x in v.cautions),
                                                                  li_class="caution"))
    if v.partners or v.placement is not None:
        items = [f'<span class="label">{escape(p.acronym)}</span> \u2014 {escape(p.name)}'
                 + (f" ({escape(p.program)})" if p.program else "") + _refs(p.refs) for p in v.partners]
        if v.placement is not None:
            items.append(_cited(v.placement))
        parts.append(f"<h2>{escape(w('partners'))}</h2>" + _list(items))
    if v.next_steps:
        parts.append(f"<h2>{escape(w('next_steps'))}</h2>" + _list((_cited(s) for s in v.next_steps),
                                                                    ordered=True))
    if v.transition is not None:
        t = v.transition
        body = f"<p>{escape(t.body)}{_refs(t.refs)}</p>"
        if t.points:
            body += _list(escape(p) for p in t.points)
        parts.append(f"<h2>{escape(t.title)}</h2>{body}")
    if v.what_would_change:
        parts.append(f"<h2>{escape(w('what_would_change'))}</h2>"
                     + _list(escape(s) for s in v.what_would_change))
    if v.unanswered:
        parts.append(f"<h2>{escape(w('unanswered'))}</h2>" + _list(escape(s) for s in v.unanswered))
    if v.province_facts:
        parts.append(f"<h2>{escape(v.facts_title)}</h2>" + _list(_cited(f) for f in v.province_facts))
    if v.disputes:
        notes = (
            f'<span class="label">{escape(d.topic)}.</span> {_cited(d.article)} {_cited(d.other)}'
            for d in v.disputes
        )
        parts.append(f"<h2>{escape(w('disputes'))}</h2>" + _list(notes, list_class="disputes"))
    if r.notes.strip():
        # As typed: escaped, line breaks and runs of spaces kept.
        parts.append(f"<h2>{escape(w('notes'))}</h2><p style=\"white-space: pre-wrap\">{_text(r.notes)}</p>")

    parts.append(_comparison_html(v.comparison, w("dimension"), breaks.get("comparison", ())))

    rows = [f"<tr><td>{escape(a.question)}</td><td>{escape(a.answer)}</td></tr>" for a in v.answers]
    head = f'<tr><th width="68%">{escape(w("question"))}</th><th>{escape(w("answer"))}</th></tr>'
    parts.append(f"<h2>{escape(w('answers'))}</h2>" + _table(head, rows, breaks.get("answers", ()), padding=2))

    if r.plan is not None and r.plan.steps:
        parts.append(_plan_html(r, w, breaks.get("plan", ())))

    if r.scenarios is not None:
        parts.append(_scenarios_html(r.scenarios, breaks.get("scenarios", ())))

    parts.append(f"<h2>{escape(w('about'))}</h2><p class=\"about\">{escape(v.dataset_line)}</p>")
    if r.rules_stale:
        parts.append(f'<p class="stale">{stale}</p>')
    extra = plan_sources(r) if r.plan is not None and r.plan.steps else ()
    # The scenarios cite the recommendation's sources (sections they add included) and their own after the plan's.
    own = r.scenarios.sources[:len(v.sources)] if r.scenarios is not None else v.sources
    after = r.scenarios.new_sources(len(v.sources) + len(extra) + 1) if r.scenarios is not None else ()
    if own or extra or after:  # numbered in the text, so a copy or a screen reader keeps the numbers
        first = len(v.sources) + 1
        parts.append(f"<h3>{escape(w('sources'))}</h3>"
                     + "".join(f'<p class="source">{escape(s.line(v.lang))}</p>' for s in own)
                     + "".join(f'<p class="source">{escape(w("source_entry").format(number=first + i, text=t))}</p>'
                               for i, t in enumerate(extra))
                     + "".join(f'<p class="source">{escape(s.line(v.lang))}</p>' for s in after))
    parts.append("</body></html>")
    return "".join(parts)


def plan_sources(report: Report) -> tuple[str, ...]:
    """The plan's citations, each once, numbered after the recommendation's sources."""
    seen: dict[str, None] = {}
    for s in report.plan.steps if report.plan is not None else ():
        if s.date is not None:
            seen.setdefault(s.source)
    return tuple(seen)


def _plan_html(report: Report, w: Callable[[str], str], breaks: Iterable[int] = ()) -> str:
    """The "Plan" section: each step's date (or that no source dates it) and
    what to do, its citation numbered into the source list, as the window's
    plan shows them."""
    plan, lang = report.plan, report.lang
    assert plan is not None
    first = len(report.view.sources) + 1
    numbers = {src: first + i for i, src in enumerate(plan_sources(report))}
    rows = []
    for s in plan.steps:
        if s.date is None:
            continue  # the dates go to print; the undated steps are counted below
        when = wording.date(s.date, lang)
        if s.overdue:
            when = w("plan_date_past").format(date=when)
        rows.append(f"<tr><td>{escape(when)}</td><td>{escape(s.title)}{_refs((numbers[s.source],))}</td></tr>")
    head = f'<tr><th width="24%">{escape(w("plan_date"))}</th><th>{escape(w("plan_step"))}</th></tr>'
    intro = w("plan_intro_target").format(date=wording.date(plan.target, lang)) if plan.target else w("plan_intro")
    undated = sum(1 for s in plan.steps if s.date is None)
    after = f"<p>{escape(w('plan_undated_count').format(count=undated))}</p>" if undated else ""
    table = _table(head, rows, breaks, padding=1) if rows else ""
    intro_html = f"<p>{escape(intro)}</p>" if intro else ""
    return f"<h2>{escape(w('plan'))}</h2>{intro_html}{table}{after}"


def _scenarios_html(c: ScenarioComparison, breaks: Iterable[int] = ()) -> str:
    """The "Scenarios" section: one column per set of answers, today's first; a
    value that differs from today's says so in words, in bold, on a tinted cell."""
    share = 78 // len(c.columns)
    head = ('<tr><th width="22%"></th>'
            + "".join(f'<th width="{share}%">{escape(col.name)}</th>' for col in c.columns) + "</tr>")
    rows = []
    for row in c.rows:
        cells = []
        for cell in row.cells:
            if row.key == "reasons":  # a bullet each, without a list's indent in a narrow column
                body = "".join(f'<p class="cell">\u2022 {_cited(x)}</p>' for x in cell.lines)
            else:
                body = "<br/>".join(_cited(x) for x in cell.lines)
            cells.append(f'<td class="changed">{body}</td>' if cell.changed else f"<td>{body}</td>")
        rows.append(f'<tr><td class="dim">{escape(row.label)}</td>{"".join(cells)}</tr>')
    return (f"<h2>{escape(c.title)}</h2><p>{escape(c.intro)}</p>" + _table(head, rows, breaks, padding=2))


def _comparison_html(c: Comparison, dimension: str, breaks: Iterable[int] = ()) -> str:
    def cls(col: int, tag: str) -> str:
        return ' class="recommended"' if c.recommended == col else (' class="dim"' if tag == "dim" else "")

    head = (f'<tr><th width="22%">{escape(dimension)}</th>'
            f'<th width="39%"{cls(0, "th")}>{escape(c.cor_heading)}</th>'
            f'<th width="39%"{cls(1, "th")}>{escape(c.small_heading)}</th></tr>')
    rows = [
        f'<tr><td class="dim">{escape(row.label)}</td><td{cls(0, "td")}>{escape(row.cor)}</td>'
        f'<td{cls(1, "td")}>{escape(row.small)}</td></tr>'
        for row in c.rows
    ]
    note = f'<p class="note">{escape(c.note)}</p>' if c.note else ""
    if not c.rows:  # no small-employer program here: the explanation instead of generic rows
        explanation = f"<p>{_cited(c.explanation)}</p>" if c.explanation is not None else ""
        return f"<h2>{escape(c.title)}{_refs(c.refs)}</h2>{note}{explanation}"
    if c.general_note:
        note += f'<p class="note">{escape(c.general_note)}</p>'
    return f"<h2>{escape(c.title)}{_refs(c.refs)}</h2>{note}" + _table(head, rows, breaks)
