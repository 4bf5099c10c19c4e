"""The card, the printed summary and the command line say the same things.

Each renders the controller's (or the domain's) presentation of a
recommendation; this test renders all three for a set of scenarios in English
and in French and checks that each shows every reason, caution, source note,
partner, next step, what-if and program status with the same citation numbers,
and the same numbered sources. The card is updated in place from one scenario
to the next (only the sections that changed are replaced), so the test also
holds that incremental rendering to a card built from scratch.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument

from advisor_gui import cli
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import Answers
from advisor_gui.domain.presentation import Cited, Presentation, present, refs_text
from advisor_gui.domain.report import build_report, render_html

SCENARIOS: dict[str, dict[str, object]] = {
    "AB-8-construction-prime-requires-COR": {"province": "AB", "workers": 8, "sector": "construction",
                                             "prime_contractor": "requires_cor"},
    "AB-6": {"province": "AB", "workers": 6},
    "AB-15-over-SECOR": {"province": "AB", "workers": 15, "prime_contractor": "unknown"},
    "AB-12-SECOR-holder": {"province": "AB", "workers": 12, "current_certification": "secor"},
    "BC-15": {"province": "BC", "workers": 15},
    "BC-12-unknown-primes": {"province": "BC", "workers": 12, "prime_contractor": "unknown"},
    "QC-40": {"province": "QC", "workers": 40},
    "NB-12": {"province": "NB", "workers": 12},
    "ON-40-public-construction": {"province": "ON", "workers": 40, "sector": "construction",
                                  "public_sector_bids": True},
    "MB-30": {"province": "MB", "workers": 30},
    "SK-9-oil-and-gas": {"province": "SK", "workers": 9, "sector": "oil_and_gas", "multi_site": True},
    "YT-5": {"province": "YT", "workers": 5, "other_provinces": ["BC"]},
    # Issue 14: counting rules, partners' own programs, placement, province facts.
    "AB-steady-9-peak-14": {"province": "AB", "workers": 9, "worker_count": {"peak_12_months": 14}},
    "SK-8-staff-3-subcontractors": {"province": "SK", "workers": 8,
                                    "worker_count": {"peak_12_months": 8, "subcontractors": 3}},
    "YT-peak-12-usually-7": {"province": "YT", "workers": 7, "worker_count": {"peak_12_months": 12}},
    "BC-payroll-41600": {"province": "BC", "workers": 15, "worker_count": {"payroll_hours": 41600}},
    "BC-8-hospitality": {"province": "BC", "workers": 8, "sector": "hospitality"},
    "AB-6-public-bids": {"province": "AB", "workers": 6, "public_sector_bids": True},
}
LANGS = ("en", "fr")
TODAY = __import__("datetime").date(2026, 11, 30)


def norm(text: str) -> str:
    """Whitespace of any kind (thin, non-breaking, line breaks) as one space; none before a citation."""
    text = re.sub(r"\s+", " ", text.replace("\u2009", " ").replace("\u00a0", " "))
    return re.sub(r" \[(\d)", r"[\1", text).strip()


def cited(item: Cited) -> str:
    return norm(f"{item.text}{refs_text(item.refs)}")


def claims(v: Presentation) -> list[str]:
    """What every rendering must say, normalised."""
    out = [norm(v.program_label), norm(v.eligibility), *(norm(s.line) for s in v.statuses)]
    out += [cited(x) for x in (*v.reasons, *v.cautions, *v.next_steps)]
    for d in v.disputes:
        out += [norm(d.topic), cited(d.article), cited(d.other)]
    out += [norm(f"{p.line}{refs_text(p.refs)}") for p in v.partners]
    if v.placement is not None:
        out.append(cited(v.placement))
    out += [norm(s) for s in v.what_would_change]
    out += [norm(s) for s in v.unanswered]
    out += [norm(v.facts_title), *(cited(f) for f in v.province_facts)]
    if v.provisional:
        out += [norm(v.to_confirm), *(norm(q) for q in v.open_questions)]
    out += [norm(f"{s.number}. {s.text}") for s in v.sources]
    return out


def comparison_claims(v: Presentation) -> list[str]:
    """What the summary and the command line say of the comparison (the card leaves it to its pane)."""
    c = v.comparison
    out = [norm(c.title)]
    if c.explanation is not None:
        out.append(cited(c.explanation))
    out += [norm(r.label) for r in c.rows]
    if c.general_note:
        out.append(norm(c.general_note))
    return out


def view_of(dataset, answers: Answers, lang: str) -> Presentation:
    return present(dataset, answers, evaluate(dataset, answers, lang), lang)


def report_text(dataset, answers: Answers, lang: str) -> str:
    html = render_html(build_report(dataset, answers, evaluate(dataset, answers, lang), today=TODAY, lang=lang))
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def cli_text(tmp_path: Path, capsys: pytest.CaptureFixture[str], doc: dict[str, object], lang: str,
             *extra: str) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["recommend", "--answers", str(path), "--lang", lang, *extra]) == 0
    return capsys.readouterr().out


def test_card_summary_and_cli_say_the_same_things(qapp, dataset, tmp_path, capsys) -> None:
    from advisor_gui.ui.card import RecommendationCard
    from advisor_gui.ui.controller import AdvisorController

    controller = AdvisorController(dataset)
    card = RecommendationCard(controller)  # updated in place from scenario to scenario
    checked = 0
    for name, doc in SCENARIOS.items():
        answers = cli.parse_answers(doc, dataset)
        views = {}
        for lang in LANGS:
            controller.set_language(lang)
            controller.set_answers(answers)
            controller.flush()
            view = views[lang] = view_of(dataset, answers, lang)
            assert controller.presentation == view, name
            # On the card each source note is one line, its topic, until opened.
            card.expand_notes(False)
            collapsed = norm(card.toPlainText())
            for d in view.disputes:
                assert norm(d.topic) in collapsed and cited(d.other) not in collapsed, name
            card.expand_notes()
            fresh = RecommendationCard(controller)
            fresh.expand_notes()
            texts = {"card": norm(card.toPlainText()), "summary": norm(report_text(dataset, answers, lang)),
                     "cli": norm(cli_text(tmp_path, capsys, doc, lang))}
            assert texts["card"] == norm(fresh.toPlainText()), f"{name} {lang}: the card updated in place differs"
            fresh.deleteLater()
            for claim in claims(view):
                for where, text in texts.items():
                    assert claim in text, f"{name} {lang}: {where} does not say {claim!r}"
            for claim in comparison_claims(view):
                for where in ("summary", "cli"):
                    assert claim in texts[where], f"{name} {lang}: {where} does not say {claim!r}"
            # The advice comes first, then the province, then the source notes.
            for where, text in texts.items():
                order = [text.find(norm(x)) for x in (view.why_title, view.facts_title, view.word("disputes"))
                         if norm(x) in text]
                assert order == sorted(order), f"{name} {lang}: {where} puts the sections out of order"
            # Every citation marker on the card leads to its numbered source.
            assert card.citations() == [f"cite{s.number}" for s in view.sources]
            for s in view.sources:
                assert card.source_for(f"#cite{s.number}").startswith(s.text)
            checked += 1
        en, fr = views["en"], views["fr"]
        # Same decision, rules, statuses' meaning, partners and citations in both languages; French words.
        assert (en.program, en.province_code) == (fr.program, fr.province_code)
        assert [r.rule for r in en.reasons] == [r.rule for r in fr.reasons]
        assert [(r.rule, r.refs) for r in (*en.reasons, *en.cautions, *en.next_steps)] == \
            [(r.rule, r.refs) for r in (*fr.reasons, *fr.cautions, *fr.next_steps)]
        assert [(p.acronym, p.refs) for p in en.partners] == [(p.acronym, p.refs) for p in fr.partners]
        assert [(s.number, s.source) for s in en.sources] == [(s.number, s.source) for s in fr.sources]
        assert [(s.code, s.recommended, s.eligible) for s in en.statuses] == \
            [(s.code, s.recommended, s.eligible) for s in fr.statuses]
        assert en.eligibility != fr.eligibility and en.why_title != fr.why_title
    assert checked == len(SCENARIOS) * len(LANGS) >= 20


def test_a_provisional_answer_says_so_on_the_card_and_the_summary(qapp, dataset) -> None:
    """Questions not answered yet: the card and the printed summary both mark
    the answer provisional and list them, in both languages."""
    from advisor_gui.ui.card import RecommendationCard
    from advisor_gui.ui.controller import AdvisorController

    controller = AdvisorController(dataset)  # a new window: nothing answered yet
    card = RecommendationCard(controller)
    for lang in LANGS:
        controller.set_language(lang)
        controller.flush()
        view = controller.presentation
        assert view.provisional and len(view.open_questions) >= 8
        summary = norm(document_text(render_html(build_report(
            dataset, controller.answers, controller.recommendation, today=TODAY, lang=lang, view=view))))
        for text in (norm(card.toPlainText()), summary):
            assert norm(view.kicker) in text and norm(view.to_confirm) in text
            for question in view.open_questions:
                assert norm(question) in text
        assert summary.count(norm(view.word("not_answered"))) >= 8  # the answers table too
    controller.set_answer("prime_contractor", "none")  # the default, now given
    controller.flush()
    view = controller.presentation
    prompt = next(q for q in dataset.questions if q.id == "prime_contractor").prompt.get("fr")
    assert prompt not in view.open_questions and len(view.open_questions) >= 7
    for key in [q.id for q in dataset.questions]:
        controller.mark_answered(key)
    controller.flush()
    assert not controller.presentation.provisional and "provisoire" not in card.toPlainText().lower()


def document_text(html: str) -> str:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def test_the_status_reason_is_the_same_everywhere(qapp, dataset, tmp_path, capsys) -> None:
    """Alberta at 15 workers: the screen and the PDF used to disagree."""
    doc = {"province": "AB", "workers": 15}
    answers = cli.parse_answers(doc, dataset)
    for lang, needle in (("en", "SECOR: not eligible: over 10 workers"),
                         ("fr", "SECOR : non admissible : plus de 10 travailleurs")):
        assert needle in norm(report_text(dataset, answers, lang))
        assert needle in norm(cli_text(tmp_path, capsys, doc, lang))
        view = view_of(dataset, answers, lang)
        assert norm(view.comparison.columns[1].line) == needle


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("name", ["AB-8-construction-prime-requires-COR", "BC-12-unknown-primes"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_says_what_the_model_says(qapp, dataset, tmp_path, name, lang) -> None:
    from advisor_gui.ui.headless import write_report

    answers = cli.parse_answers(SCENARIOS[name], dataset)
    pdf = tmp_path / "summary.pdf"
    write_report(dataset, answers, pdf, lang=lang)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout

    def flat(text: str) -> str:
        """Ligatures (ﬁ) as letters, breaks as spaces, hyphens dropped (pdftotext joins a word
        hyphenated at a line's end)."""
        return norm(unicodedata.normalize("NFKC", text)).replace("-", "")

    text = flat(out)
    view = view_of(dataset, answers, lang)
    for claim in (cited(r) for r in (*view.reasons, *view.cautions)):
        assert flat(claim) in text, claim
    for p in view.partners:
        assert flat(f"{p.acronym} \u2014 {p.name}{refs_text(p.refs)}") in text
    for s in view.statuses:
        assert flat(s.line) in text
    pages = out.count("\f") or 1
    assert flat(view.word("page_of").format(page=1, pages=pages)) in text, "the page band in the summary's language"


def test_json_is_the_same_contract_in_both_languages(dataset, tmp_path, capsys) -> None:
    for doc in SCENARIOS.values():
        en = json.loads(cli_text(tmp_path, capsys, doc, "en", "--json"))
        fr = json.loads(cli_text(tmp_path, capsys, doc, "fr", "--json"))
        assert set(en) == set(fr) >= {"program", "eligible", "province", "reasons", "cautions", "next_steps",
                                      "partners", "dataset"}
        for key in ("program", "eligible", "province", "dataset"):
            assert en[key] == fr[key], key
        for key in ("reasons", "cautions"):
            assert [(x["rule"], x.get("source")) for x in en[key]] == [(x["rule"], x.get("source")) for x in fr[key]]
        assert [f["source"] for f in en["province_facts"]] == [f["source"] for f in fr["province_facts"]]
        assert (en["lang"], fr["lang"]) == ("en", "fr")
        assert [r["text"] for r in en["reasons"]] != [r["text"] for r in fr["reasons"]]
        assert all(e["text"] != f["text"] for e, f in zip(en["reasons"], fr["reasons"], strict=True))


def test_the_language_follows_the_locale(monkeypatch) -> None:
    from advisor_gui.domain.wording import language_from_environment

    assert language_from_environment({}) == "en"
    assert language_from_environment({"LANG": "fr_CA.UTF-8"}) == "fr"
    assert language_from_environment({"LC_ALL": "", "LC_MESSAGES": "en_CA", "LANG": "fr_CA"}) == "en"
    assert language_from_environment({"LC_ALL": "fr_FR", "LANG": "en_CA"}) == "fr"
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert cli.language(cli.build_parser().parse_args(["provinces"])) == "fr"
    assert cli.language(cli.build_parser().parse_args(["provinces", "--lang", "en"])) == "en"


def test_the_counting_reason_carries_its_citation(dataset) -> None:
    """The reason that states the province's counting rule cites that rule's sources."""
    answers = cli.parse_answers({"province": "AB", "workers": 9, "worker_count": {"peak_12_months": 14}}, dataset)
    view = view_of(dataset, answers, "en")
    counting = [r for r in view.reasons if r.rule.startswith("count.")]
    assert counting and all(r.refs for r in counting)
