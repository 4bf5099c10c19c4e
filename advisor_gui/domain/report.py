"""The recommendation summary the consultant hands the client.

:func:`build_report` gathers everything the printed summary says into a frozen,
Qt-free model; :func:`render_html` turns that model into the HTML subset Qt's
rich-text engine understands (the UI lays it out page by page for preview,
print and PDF). All user text (client, consultant, firm, notes) is escaped.

Citations are numbered per source document: a reason citing the article's §5
shows a marker like [1] and the source list reads "1. On-Track, “…” — §5 …".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape

from ..util.records import record
from .engine import Recommendation
from .freshness import is_stale
from .interview import answered
from .models import Answers, Cite, Dataset, Question

# Fixed wording of the summary in the shipped languages. Sentences are whole;
# {placeholders} are filled with str.format, never by joining fragments.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "COR / SECOR recommendation summary",
        "subtitle": "Which workplace-safety certificate fits the operation, and why",
        "client": "Client",
        "prepared_by": "Prepared by",
        "date": "Date",
        "province": "Province or territory",
        "no_client": "(not named)",
        "recommendation_for": "Recommendation for {province}",
        "eligible": "Eligible here: {programs}",
        "eligible_none": "Nothing is eligible here: {province} does not take part in COR.",
        "final_word": "This summary applies the published program rules. The certifying partner that audits the "
                      "program, and the prime contractors and owners the operation works for, have the final word "
                      "on which certificate they accept: confirm with them before committing.",
        "answers": "The answers this summary is based on",
        "question": "Question",
        "answer": "Answer",
        "yes": "Yes",
        "no": "No",
        "none": "None",
        "why": "Why",
        "why_cor_over_small": "Why COR, although {small} is open to this operation",
        "why_not_small": "Why {small} isn't the fit here",
        "cautions": "Cautions",
        "disputes": "Where sources differ",
        "other_says": "Other sources: {claim}",
        "partners": "Certifying partners to contact",
        "next_steps": "Next steps",
        "what_would_change": "What would change the answer",
        "comparison": "COR compared with {small} in {province}",
        "comparison_generic": "COR compared with the small-employer program",
        "column": "{program} ({status})",
        "recommended": "recommended",
        "eligible_status": "eligible",
        "not_eligible": "not eligible",
        "not_offered": "not offered here",
        "note_not_participating": "{province} does not take part in COR; both columns are shown for reference.",
        "note_no_small": "{province} has no small-employer program: COR applies at every size. "
                         "The SECOR column shows what other provinces offer.",
        "note_small_cor": "British Columbia's small-employer program is called Small COR.",
        "notes": "Consultant's notes",
        "about": "About this summary",
        "dataset": "Rules dataset {version}, effective {effective}, last reviewed {reviewed}.",
        "stale": "These rules were last reviewed on {reviewed}, more than a year before this summary: programs, "
                 "thresholds and partners may have changed since. Confirm with the certifying partner.",
        "sources": "Sources",
        "sections": "cited at: {sections}",
        "header": "COR / SECOR recommendation \u2014 {client}",
        "header_no_client": "COR / SECOR recommendation",
        "footer": "Rules dataset {version} \u00b7 effective {effective} \u00b7 prepared {date}",
    },
    "fr": {
        "title": "Sommaire de la recommandation COR / SECOR",
        "subtitle": "Quel certificat de sécurité au travail convient à l'entreprise, et pourquoi",
        "client": "Client",
        "prepared_by": "Préparé par",
        "date": "Date",
        "province": "Province ou territoire",
        "no_client": "(non nommé)",
        "recommendation_for": "Recommandation pour : {province}",
        "eligible": "Admissible ici : {programs}",
        "eligible_none": "Rien n'est admissible ici : {province} ne participe pas au COR.",
        "final_word": "Ce sommaire applique les règles publiées des programmes. Le partenaire de certification qui "
                      "audite le programme, ainsi que les maîtres d'œuvre et donneurs d'ouvrage pour qui l'entreprise "
                      "travaille, ont le dernier mot sur le certificat qu'ils acceptent : vérifiez auprès d'eux avant "
                      "de vous engager.",
        "answers": "Les réponses sur lesquelles repose ce sommaire",
        "question": "Question",
        "answer": "Réponse",
        "yes": "Oui",
        "no": "Non",
        "none": "Aucune",
        "why": "Pourquoi",
        "why_cor_over_small": "Pourquoi le COR, même si le {small} est offert à cette entreprise",
        "why_not_small": "Pourquoi le {small} ne convient pas ici",
        "cautions": "Mises en garde",
        "disputes": "Là où les sources divergent",
        "other_says": "Autres sources : {claim}",
        "partners": "Partenaires de certification à contacter",
        "next_steps": "Prochaines étapes",
        "what_would_change": "Ce qui changerait la réponse",
        "comparison": "Le COR comparé au {small} en {province}",
        "comparison_generic": "Le COR comparé au programme des petits employeurs",
        "column": "{program} ({status})",
        "recommended": "recommandé",
        "eligible_status": "admissible",
        "not_eligible": "non admissible",
        "not_offered": "non offert ici",
        "note_not_participating": "{province} ne participe pas au COR; les deux colonnes sont données à titre "
                                  "indicatif.",
        "note_no_small": "{province} n'a pas de programme pour petits employeurs : le COR s'applique à toutes les "
                         "tailles. La colonne SECOR montre ce qu'offrent d'autres provinces.",
        "note_small_cor": "En Colombie-Britannique, le programme des petits employeurs s'appelle Small COR.",
        "notes": "Notes du conseiller",
        "about": "À propos de ce sommaire",
        "dataset": "Jeu de règles {version}, en vigueur le {effective}, révisé le {reviewed}.",
        "stale": "Ces règles ont été révisées le {reviewed}, plus d'un an avant ce sommaire : les programmes, "
                 "les seuils et les partenaires ont pu changer depuis. Confirmez auprès du partenaire de "
                 "certification.",
        "sources": "Sources",
        "sections": "passages cités : {sections}",
        "header": "Recommandation COR / SECOR \u2014 {client}",
        "header_no_client": "Recommandation COR / SECOR",
        "footer": "Jeu de règles {version} \u00b7 en vigueur le {effective} \u00b7 préparé le {date}",
    },
}


def labels(lang: str = "en") -> dict[str, str]:
    return LABELS.get(lang, LABELS["en"])


# --- the model ------------------------------------------------------------------------


@record
class Cited:
    """A sentence and the numbers of the sources it cites (see Report.sources)."""

    text: str
    refs: tuple[int, ...] = ()


@record
class AnswerLine:
    question: str
    answer: str


@record
class PartnerLine:
    acronym: str
    name: str
    refs: tuple[int, ...] = ()


@record
class Dispute:
    """A place where public sources disagree with the article: both claims."""

    topic: str
    article: Cited
    other: Cited


@record
class Guide:
    title: str
    body: str
    points: tuple[str, ...]
    refs: tuple[int, ...]


@record
class ComparisonRow:
    label: str
    cor: str
    small: str


@record
class Comparison:
    """COR against the province's small-employer program (SECOR for reference
    where the province has none). ``recommended`` is 0 (COR), 1 (small) or -1."""

    title: str
    cor_heading: str
    small_heading: str
    recommended: int
    note: str
    rows: tuple[ComparisonRow, ...]
    refs: tuple[int, ...]


@record
class SourceEntry:
    """One numbered source: the document and the sections cited from it."""

    number: int
    text: str
    sections: tuple[str, ...]


@record
class Report:
    lang: str
    title: str
    subtitle: str
    client: str
    consultant: str
    firm: str
    logo: str  # a file path; empty for none
    notes: str
    date: dt.date
    province_code: str
    province_name: str
    program: str  # COR, SECOR, SMALL_COR, NONE
    program_label: str  # as the province names it: "Small COR" in BC
    program_long: str
    eligible: tuple[str, ...]  # labels
    why_title: str
    answers: tuple[AnswerLine, ...]
    reasons: tuple[Cited, ...]
    cautions: tuple[Cited, ...]
    disputes: tuple[Dispute, ...]
    partners: tuple[PartnerLine, ...]
    next_steps: tuple[str, ...]
    transition: Guide | None
    comparison: Comparison
    what_would_change: tuple[str, ...]
    sources: tuple[SourceEntry, ...]
    dataset_version: str
    dataset_effective: dt.date
    dataset_reviewed: dt.date
    rules_stale: bool = False  # last reviewed more than twelve months before the summary's date

    @property
    def document_title(self) -> str:
        """The title for the PDF's metadata and the print job."""
        return f"{self.title} \u2014 {self.client}" if self.client.strip() else self.title

    @property
    def running_header(self) -> str:
        lab = labels(self.lang)
        if self.client.strip():
            return lab["header"].format(client=_one_line(self.client))
        return lab["header_no_client"]

    @property
    def running_footer(self) -> str:
        return labels(self.lang)["footer"].format(
            version=self.dataset_version,
            effective=self.dataset_effective.isoformat(),
            date=self.date.isoformat(),
        )

    @property
    def prepared_by(self) -> str:
        return ", ".join(p for p in (_one_line(self.consultant), _one_line(self.firm)) if p)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Sources:
    """Numbers source documents in order of first citation; collects sections."""

    def __init__(self, dataset: Dataset, lang: str) -> None:
        self._ds = dataset
        self._lang = lang
        self._order: list[str] = []
        self._sections: dict[str, list[str]] = {}

    def cite(self, cites: Iterable[Cite], *, at: str | None = None) -> tuple[int, ...]:
        """Number the cited sources; ``at`` replaces each cite's own section."""
        numbers: list[int] = []
        for c in cites:
            if c.source not in self._sections:
                self._order.append(c.source)
                self._sections[c.source] = []
            section = c.at if at is None else at
            if section and section not in self._sections[c.source]:
                self._sections[c.source].append(section)
            n = self._order.index(c.source) + 1
            if n not in numbers:
                numbers.append(n)
        return tuple(numbers)

    def entries(self) -> tuple[SourceEntry, ...]:
        out = []
        for i, sid in enumerate(self._order, start=1):
            src = self._ds.source(sid)
            text = f"{src.publisher}, \u201c{src.title}\u201d"
            if src.url:
                text += f", {src.url}"
            out.append(SourceEntry(i, text, tuple(self._sections[sid])))
        return tuple(out)


def format_answer(dataset: Dataset, question: Question, value: object, lang: str = "en") -> str:
    """An answer as the client gave it: choice labels and names, not raw keys."""
    lab = labels(lang)
    if question.kind == "province" and isinstance(value, str):
        return _jurisdiction_name(dataset, value, lang)
    if question.kind == "provinces" and isinstance(value, tuple):
        return ", ".join(_jurisdiction_name(dataset, v, lang) for v in value) or lab["none"]
    if question.kind == "yes_no":
        return lab["yes"] if value else lab["no"]
    if question.kind == "multi_choice" and isinstance(value, tuple):
        return ", ".join(_choice_label(dataset, question, v, lang) for v in value) or lab["none"]
    if question.kind == "choice":
        return _choice_label(dataset, question, value, lang)
    return str(value)


def _jurisdiction_name(dataset: Dataset, code: str, lang: str) -> str:
    try:
        return dataset.jurisdiction(code).name.get(lang)
    except KeyError:
        return code


def _choice_label(dataset: Dataset, question: Question, value: object, lang: str) -> str:
    for choice in question.choices:
        if choice.value == value:
            return choice.label.get(lang)
    if question.id == "sector" and isinstance(value, str):
        try:
            return dataset.sector(value).label.get(lang)
        except KeyError:
            pass
    return str(value)


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
    today: dt.date,
    lang: str = "en",
) -> Report:
    """Everything the printed summary says, for ``answers`` and the engine's
    ``recommendation`` of them."""
    lab = labels(lang)
    rec = recommendation
    j = dataset.jurisdiction(rec.province)
    province = j.name.get(lang)
    program = dataset.program(rec.program)
    sources = _Sources(dataset, lang)
    rules = {r.id: r for r in dataset.rules}
    notes_by_id = {n.id: n for n in dataset.source_notes}

    answer_lines = tuple(
        AnswerLine(q.prompt.get(lang), format_answer(dataset, q, value, lang))
        for q, value in answered(dataset, answers)
    )

    reasons = tuple(
        Cited(r.text, sources.cite(rules[r.rule].cite)) if r.rule in rules else Cited(r.text)
        for r in rec.reasons
    )
    cautions: list[Cited] = []
    disputes: list[Dispute] = []
    for c in rec.cautions:
        if c.rule in notes_by_id:
            note = notes_by_id[c.rule]
            disputes.append(Dispute(
                note.topic.get(lang),
                Cited(note.article.text.get(lang), sources.cite(note.article.cite)),
                Cited(lab["other_says"].format(claim=note.other.text.get(lang)), sources.cite(note.other.cite)),
            ))
        elif c.rule in rules:
            cautions.append(Cited(c.text, sources.cite(rules[c.rule].cite)))
        else:
            cautions.append(Cited(c.text))

    partner_cites = {p.acronym: p.cite for p in j.partners}
    partners = tuple(
        PartnerLine(p.acronym, p.name, sources.cite(partner_cites.get(p.acronym, ())))
        for p in rec.partners
    )

    transition = None
    if rec.program == "COR" and answers.current_certification == "secor":
        g = dataset.guide("transition")
        transition = Guide(g.title.get(lang), g.body.get(lang), tuple(p.get(lang) for p in g.points),
                           sources.cite(g.cite))

    comparison = _comparison(dataset, rec, lang, sources)
    small = dataset.program(j.small_program).short.get(lang) if j.small_program else ""
    if rec.program == "COR" and j.small_program and j.small_program in rec.eligible:
        why_title = lab["why_cor_over_small"].format(small=small)
    elif rec.program == "COR" and j.small_program:
        why_title = lab["why_not_small"].format(small=small)
    else:
        why_title = lab["why"]
    return Report(
        lang=lang,
        title=lab["title"],
        subtitle=lab["subtitle"],
        client=client,
        consultant=consultant,
        firm=firm,
        logo=logo,
        notes=notes,
        date=today,
        province_code=j.code,
        province_name=province,
        program=rec.program,
        program_label=program.short.get(lang),
        program_long=program.long.get(lang),
        eligible=tuple(dataset.program(p).short.get(lang) for p in rec.eligible),
        why_title=why_title,
        answers=answer_lines,
        reasons=reasons,
        cautions=tuple(cautions),
        disputes=tuple(disputes),
        partners=partners,
        next_steps=rec.next_steps,
        transition=transition,
        comparison=comparison,
        what_would_change=rec.what_would_change,  # the engine already drops repeats
        sources=sources.entries(),
        dataset_version=dataset.version,
        dataset_effective=dataset.effective,
        dataset_reviewed=dataset.last_reviewed,
        rules_stale=is_stale(dataset, today),
    )


def comparison_status(dataset: Dataset, rec: Recommendation, column: int, lang: str = "en") -> str:
    """How a comparison column stands for this recommendation (0 = COR, 1 = small)."""
    lab = labels(lang)
    j = dataset.jurisdiction(rec.province)
    code = "COR" if column == 0 else (j.small_program or "SECOR")
    if code == rec.program:
        return lab["recommended"]
    if code in rec.eligible:
        return lab["eligible_status"]
    if not j.participates or (column == 1 and j.small_program is None):
        return lab["not_offered"]
    return lab["not_eligible"]


def _comparison(dataset: Dataset, rec: Recommendation, lang: str, sources: _Sources) -> Comparison:
    lab = labels(lang)
    j = dataset.jurisdiction(rec.province)
    province = j.name.get(lang)
    small_code = j.small_program or "SECOR"
    small = dataset.program(small_code).short.get(lang)
    cor = dataset.program("COR").short.get(lang)
    if not j.participates:
        note = lab["note_not_participating"].format(province=province)
    elif j.small_program is None:
        note = lab["note_no_small"].format(province=province)
    elif j.small_program == "SMALL_COR":
        note = lab["note_small_cor"]
    else:
        note = ""
    title = (lab["comparison"].format(small=small, province=province) if j.small_program
             else lab["comparison_generic"])
    recommended = {"COR": 0, small_code: 1}.get(rec.program, -1) if rec.program != "NONE" else -1
    cites = [c for dim in dataset.comparison for c in dim.cite]
    refs = sources.cite(cites, at=_common_section(c.at for c in cites))
    return Comparison(
        title=title,
        cor_heading=lab["column"].format(program=cor, status=comparison_status(dataset, rec, 0, lang)),
        small_heading=lab["column"].format(program=small, status=comparison_status(dataset, rec, 1, lang)),
        recommended=recommended,
        note=note,
        rows=tuple(ComparisonRow(d.label.get(lang), d.cor.get(lang), d.small.get(lang)) for d in dataset.comparison),
        refs=refs,
    )


def _common_section(sections: Iterable[str]) -> str | None:
    """The section the rows of a table share ("§3 Side by side" for "§3 Side
    by side, cycle", "§3 Side by side, audit format", …), or None to keep each."""
    items = [s for s in sections if s]
    if len(set(items)) < 2:
        return None
    prefix = items[0]
    for item in items[1:]:
        while not item.startswith(prefix):
            prefix = prefix[:-1]
    cut = max(prefix.rfind(","), prefix.rfind(" ("), prefix.rfind(":"))
    common = prefix[:cut].strip() if cut > 0 else ""
    return common or None


# --- HTML ------------------------------------------------------------------------------

# Qt's rich-text engine understands a subset of CSS: sizes in pt (they scale
# with the printer's resolution), margins, colours, table borders.
REPORT_CSS = """
p.stale { color: #7A4A00; font-weight: 600; }
body { font-size: 9pt; color: #1A1A1A; }
h1 { font-size: 17pt; font-weight: 600; color: #1F3A5F; margin: 0 0 2px 0; }
p.subtitle { font-size: 10pt; color: #5A6B7D; margin: 0 0 8px 0; }
h2 { font-size: 11pt; font-weight: 600; color: #1F3A5F; margin: 11px 0 3px 0; }
h3 { font-size: 10pt; font-weight: 600; color: #1A1A1A; margin: 6px 0 2px 0; }
p { margin: 0 0 4px 0; }
td.meta-label { color: #5A6B7D; font-size: 9pt; }
td.meta-value { font-size: 9pt; }
p.verdict-kicker { font-size: 9.5pt; color: #33414F; margin: 0; }
p.verdict { font-size: 20pt; font-weight: 700; margin: 0; }
p.verdict-cor { color: #0B4F8A; }
p.verdict-small { color: #0B6E4F; }
p.verdict-none { color: #4A4A4A; }
p.verdict-long { font-size: 10.5pt; color: #1A1A1A; margin: 0 0 4px 0; }
p.eligible { font-size: 9.5pt; margin: 0; }
p.final-word { font-size: 9pt; font-style: italic; color: #33414F; margin: 6px 0 0 0; }
ul, ol { margin-top: 0; margin-bottom: 0; }
li { margin-bottom: 2px; }
li.caution { color: #5C3400; }
span.ref { color: #0B5CAD; font-size: 7.5pt; vertical-align: super; }
span.label { font-weight: 600; }
th { font-weight: 600; color: #1F3A5F; text-align: left; background-color: #EEF3F8; }
td.dim { font-weight: 600; color: #33414F; }
td.recommended { background-color: #E3F1FB; }
th.recommended { background-color: #CFE5F6; }
p.note { font-size: 9pt; color: #4A4A4A; font-style: italic; margin: 0 0 4px 0; }
p.about { font-size: 9pt; color: #33414F; margin: 0 0 3px 0; }
ol.sources li { font-size: 8pt; color: #33414F; margin-bottom: 2px; }
"""


def _text(text: str) -> str:
    """User or dataset text as HTML: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


def _refs(refs: tuple[int, ...]) -> str:
    if not refs:
        return ""
    return f'<span class="ref">&#8201;[{", ".join(str(n) for n in refs)}]</span>'


def _cited(item: Cited) -> str:
    return escape(item.text) + _refs(item.refs)


def _list(items: Iterable[str], *, ordered: bool = False, li_class: str = "", list_class: str = "") -> str:
    tag = "ol" if ordered else "ul"
    li = f'<li class="{li_class}">' if li_class else "<li>"
    cls = f' class="{list_class}"' if list_class else ""
    return f"<{tag}{cls}>" + "".join(f"{li}{item}</li>" for item in items) + f"</{tag}>"


def render_html(report: Report, *, logo_src: str = "", logo_size: tuple[int, int] | None = None) -> str:
    """The summary as Qt rich-text HTML. ``logo_src`` is the name under which
    the caller registered the firm's logo image (empty: no logo), drawn at
    ``logo_size`` (width, height in CSS pixels) when given."""
    r = report
    lab = labels(r.lang)
    parts: list[str] = ["<html><head>", f"<title>{escape(r.document_title)}</title>",
                        f"<style>{REPORT_CSS}</style></head><body>"]

    # Masthead: title and who/when, the logo to the right.
    meta = [(lab["client"], escape(_one_line(r.client)) or lab["no_client"])]
    if r.prepared_by:
        meta.append((lab["prepared_by"], escape(r.prepared_by)))
    meta.append((lab["date"], r.date.isoformat()))
    meta.append((lab["province"], escape(r.province_name)))
    meta_rows = "".join(
        f'<tr><td class="meta-label" width="24%">{escape(k)}</td><td class="meta-value">{v}</td></tr>'
        for k, v in meta
    )
    head = (f"<h1>{escape(r.title)}</h1><p class=\"subtitle\">{escape(r.subtitle)}</p>"
            f'<table width="100%" cellspacing="0" cellpadding="1" style="margin-top: 4px;">{meta_rows}</table>')
    if logo_src:
        size = f' width="{logo_size[0]}" height="{logo_size[1]}"' if logo_size else ""
        parts.append(
            f'<table width="100%" cellspacing="0" cellpadding="0"><tr><td valign="top">{head}</td>'
            f'<td valign="top" align="right" width="26%"><img src="{escape(logo_src)}"{size}/></td></tr></table>'
        )
    else:
        parts.append(head)

    # The verdict.
    stale = escape(lab["stale"].format(reviewed=r.dataset_reviewed.isoformat()))
    kind = {"COR": "cor", "SECOR": "small", "SMALL_COR": "small"}.get(r.program, "none")
    eligible = (lab["eligible"].format(programs=", ".join(r.eligible)) if r.eligible
                else lab["eligible_none"].format(province=r.province_name))
    parts.append(
        '<table width="100%" cellspacing="0" cellpadding="8" border="1" '
        'style="border-collapse: collapse; border-color: #9FB7CE; border-style: solid; margin-top: 10px;">'
        '<tr><td bgcolor="#F2F7FB">'
        f'<p class="verdict-kicker">{escape(lab["recommendation_for"].format(province=r.province_name))}</p>'
        f'<p class="verdict verdict-{kind}">{escape(r.program_label)}</p>'
        f'<p class="verdict-long">{escape(r.program_long)}</p>'
        f'<p class="eligible">{escape(eligible)}</p>'
        f'<p class="final-word">{escape(lab["final_word"])}</p>'
        + (f'<p class="stale">{stale}</p>' if r.rules_stale else "")
        + "</td></tr></table>"
    )

    # Why.
    parts.append(f"<h2>{escape(r.why_title)}</h2>" + _list(_cited(x) for x in r.reasons))

    if r.cautions:
        parts.append(f"<h2>{escape(lab['cautions'])}</h2>" + _list((_cited(x) for x in r.cautions),
                                                                    li_class="caution"))
    if r.disputes:
        items = (
            f'<span class="label">{escape(d.topic)}.</span> {_cited(d.article)} {_cited(d.other)}'
            for d in r.disputes
        )
        parts.append(f"<h2>{escape(lab['disputes'])}</h2>" + _list(items))
    if r.partners:
        items = (f'<span class="label">{escape(p.acronym)}</span> \u2014 {escape(p.name)}{_refs(p.refs)}'
                 for p in r.partners)
        parts.append(f"<h2>{escape(lab['partners'])}</h2>" + _list(items))
    if r.next_steps:
        parts.append(f"<h2>{escape(lab['next_steps'])}</h2>" + _list((escape(s) for s in r.next_steps),
                                                                      ordered=True))
    if r.transition is not None:
        t = r.transition
        body = f"<p>{escape(t.body)}{_refs(t.refs)}</p>"
        if t.points:
            body += _list(escape(p) for p in t.points)
        parts.append(f"<h2>{escape(t.title)}</h2>{body}")
    if r.what_would_change:
        parts.append(f"<h2>{escape(lab['what_would_change'])}</h2>"
                     + _list(escape(s) for s in r.what_would_change))
    if r.notes.strip():
        # As typed: escaped, line breaks and runs of spaces kept.
        parts.append(f"<h2>{escape(lab['notes'])}</h2><p style=\"white-space: pre-wrap\">{_text(r.notes)}</p>")

    parts.append(_comparison_html(r.comparison))

    rows = "".join(f"<tr><td>{escape(a.question)}</td><td>{escape(a.answer)}</td></tr>" for a in r.answers)
    parts.append(
        f"<h2>{escape(lab['answers'])}</h2>"
        '<table width="100%" cellspacing="0" cellpadding="3" border="1" '
        'style="border-collapse: collapse; border-color: #C9D3DE; border-style: solid;">'
        f'<thead><tr><th width="62%">{escape(lab["question"])}</th><th>{escape(lab["answer"])}</th></tr></thead>'
        f"{rows}</table>"
    )

    about = escape(lab["dataset"].format(version=r.dataset_version, effective=r.dataset_effective.isoformat(),
                                         reviewed=r.dataset_reviewed.isoformat()))
    parts.append(f"<h2>{escape(lab['about'])}</h2><p class=\"about\">{about}</p>")
    if r.rules_stale:
        parts.append(f'<p class="stale">{stale}</p>')
    if r.sources:
        entries: list[str] = []
        for s in r.sources:
            text = escape(s.text)
            if s.sections:
                text += " \u2014 " + escape(lab["sections"].format(sections="; ".join(s.sections)))
            entries.append(text)
        parts.append(f"<h3>{escape(lab['sources'])}</h3>" + _list(entries, ordered=True, list_class="sources"))
    parts.append("</body></html>")
    return "".join(parts)


def _comparison_html(c: Comparison) -> str:
    def cls(col: int, tag: str) -> str:
        return ' class="recommended"' if c.recommended == col else (' class="dim"' if tag == "dim" else "")

    head = (f'<thead><tr><th width="22%"></th><th width="39%"{cls(0, "th")}>{escape(c.cor_heading)}</th>'
            f'<th width="39%"{cls(1, "th")}>{escape(c.small_heading)}</th></tr></thead>')
    rows = "".join(
        f'<tr><td class="dim">{escape(row.label)}</td><td{cls(0, "td")}>{escape(row.cor)}</td>'
        f'<td{cls(1, "td")}>{escape(row.small)}</td></tr>'
        for row in c.rows
    )
    note = f'<p class="note">{escape(c.note)}</p>' if c.note else ""
    return (
        f"<h2>{escape(c.title)}{_refs(c.refs)}</h2>{note}"
        '<table width="100%" cellspacing="0" cellpadding="3" border="1" '
        'style="border-collapse: collapse; border-color: #C9D3DE; border-style: solid;">'
        f"{head}{rows}</table>"
    )
