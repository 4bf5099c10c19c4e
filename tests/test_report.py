"""The printed summary's model and HTML (Qt-free): content, labels, citations, escaping."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from html import escape as escape_html

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor_gui.domain import wording
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import Answers
from advisor_gui.domain.presentation import locators, program_status
from advisor_gui.domain.report import Report, build_report, labels, masthead_rows, render_html

from .conftest import ROOT
from .test_engine import answers_strategy

TODAY = dt.date(2026, 11, 27)
AB_6 = Answers(province="AB", workers=6)
BC_12 = Answers(province="BC", workers=12, prime_contractor="unknown")
ON_40 = Answers(province="ON", workers=40, public_sector_bids=True, sector="construction")
QC_12 = Answers(province="QC", workers=12)
AB_12_SECOR = Answers(province="AB", workers=12, current_certification="secor")


def report(dataset, answers: Answers, **kw) -> Report:
    kw.setdefault("today", TODAY)
    return build_report(dataset, answers, evaluate(dataset, answers), **kw)


def test_the_report_model_loads_without_qt() -> None:
    code = ("import sys, advisor_gui.domain.report; "
            "sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_bc_small_cor_with_cautions(dataset) -> None:
    r = report(dataset, BC_12, client="Acme")
    v = r.view
    assert (v.program, v.program_label, v.province_name) == ("SMALL_COR", "Small COR", "British Columbia")
    assert r.view.eligible == ("COR", "Small COR")
    assert any("confirm with the three to five prime contractors" in c.text for c in r.view.cautions)
    assert any("FTE" in d.topic for d in r.view.disputes), "BC's source note is shown as a dispute"
    assert r.view.comparison.small_heading == "Small COR (recommended)" and r.view.comparison.recommended == 1
    assert r.view.comparison.cor_heading == "COR (eligible)"
    assert "Small COR" in r.view.comparison.note
    assert r.view.transition is None
    assert [p.acronym for p in r.view.partners] == [p.acronym for p in evaluate(dataset, BC_12).partners]


def test_answers_use_prompts_and_labels_not_keys(dataset) -> None:
    answers = Answers(province="ON", workers=40, sector="construction", public_sector_bids=True,
                      prime_contractor="unknown", prequal_platforms=("ISN", "Avetta"), other_provinces=("AB", "MB"))
    r = report(dataset, answers)
    by_prompt = {a.question: a.answer for a in r.view.answers}
    prompts = {q.id: q.prompt.en for q in dataset.questions}
    assert by_prompt[prompts["province"]] == "Ontario"
    assert by_prompt[prompts["workers"]] == "40"
    assert by_prompt[prompts["sector"]] == "Construction"
    assert by_prompt[prompts["prime_contractor"]] == "Not asked yet"
    assert by_prompt[prompts["public_sector_bids"]] == "Yes"
    assert by_prompt[prompts["multi_site"]] == "No"
    assert by_prompt[prompts["prequal_platforms"]] == "ISNetworld (ISN), Avetta"
    assert by_prompt[prompts["other_provinces"]] == "Alberta, Manitoba"
    assert by_prompt[prompts["current_certification"]] == "None yet"


def test_questions_that_do_not_apply_are_left_out(dataset) -> None:
    prompts = {a.question for a in report(dataset, AB_6).view.answers}
    prequal = next(q for q in dataset.questions if q.id == "prequal_platforms")
    assert prequal.prompt.en not in prompts  # asked only of construction
    assert len(prompts) == len(dataset.questions) - 1


@pytest.mark.parametrize("answers", [AB_6, BC_12, ON_40, QC_12, AB_12_SECOR], ids=["AB", "BC", "ON", "QC", "AB-up"])
def test_every_reason_cites_numbered_sources(dataset, answers: Answers) -> None:
    r = report(dataset, answers)
    numbers = [s.number for s in r.view.sources]
    assert numbers == list(range(1, len(numbers) + 1))
    assert r.view.reasons and all(reason.refs for reason in r.view.reasons)
    cited = {n for item in (*r.view.reasons, *r.view.cautions) for n in item.refs}
    cited |= {n for d in r.view.disputes for n in (*d.article.refs, *d.other.refs)}
    cited |= {n for p in r.view.partners for n in p.refs} | set(r.view.comparison.refs)
    cited |= {n for item in (*r.view.next_steps, *r.view.province_facts) for n in item.refs}
    cited |= set(r.view.transition.refs) if r.view.transition else set()
    assert cited == set(numbers), "every listed source is cited and every citation is listed"
    article = next(s for s in r.view.sources if "Difference between COR and SECOR" in s.text)
    rules = {rule.id: rule for rule in dataset.rules}
    for reason in evaluate(dataset, answers).reasons:
        for cite in rules[reason.rule].cite:
            if cite.source == "article":  # each place the cite points to, or a more precise one
                for place in locators(cite.at):
                    assert any(s == place or s.startswith((place + ",", place + " (")) for s in article.sections)


def test_comparison_rows_share_one_section(dataset) -> None:
    article = report(dataset, AB_6).view.sources[0]
    assert "§3 Side by side" in article.sections
    assert not any(s.startswith("§3 Side by side,") for s in article.sections)


def test_transition_guidance_only_for_a_secor_holder_moving_up(dataset) -> None:
    up = report(dataset, AB_12_SECOR)
    guide = dataset.guide("transition")
    assert up.view.program == "COR" and up.view.transition is not None
    assert up.view.transition.title == guide.title.en and up.view.transition.body == guide.body.en
    assert up.view.transition.points == tuple(p.en for p in guide.points) and up.view.transition.refs
    assert report(dataset, Answers(province="AB", workers=12)).view.transition is None
    assert report(dataset, Answers(province="AB", workers=6, current_certification="secor")).view.transition is None
    assert up.view.why_title == "Why SECOR isn't the fit here"


def test_quebec_nothing_eligible(dataset) -> None:
    r = report(dataset, QC_12)
    assert (r.view.program, r.view.eligible, r.view.partners) == ("NONE", (), ())
    assert r.view.comparison.recommended == -1
    # No generic rows: the short explanation instead (issue 14).
    assert r.view.comparison.rows == () and "nothing to compare" in r.view.comparison.explanation.text
    assert r.view.comparison.cor_heading == "COR (not offered here)"
    html = render_html(r)
    assert "Nothing is eligible here: Quebec does not take part in COR." in html


def test_ontario_cor_without_small_program(dataset) -> None:
    r = report(dataset, ON_40)
    assert (r.view.program_label, r.view.eligible, r.view.comparison.recommended) == ("COR", ("COR",), 0)
    assert r.view.comparison.small_heading == "SECOR (not offered here)"
    assert r.view.comparison.rows == () and "every size" in r.view.comparison.explanation.text
    assert r.view.comparison.explanation.refs


def test_comparison_status(dataset) -> None:
    ab = dataset.jurisdiction("AB")
    ab_small = evaluate(dataset, AB_6)
    assert [program_status(dataset, ab, ab_small, c, "en").status for c in (0, 1)] == ["eligible", "recommended"]
    ab_big = evaluate(dataset, Answers(province="AB", workers=40))
    assert [program_status(dataset, ab, ab_big, c, "en").status for c in (0, 1)] == [
        "recommended", "not eligible: over 10 workers"]
    assert program_status(dataset, ab, ab_big, 1, "fr").status == "non admissible\u00a0: plus de 10 travailleurs"


def test_what_would_change_is_listed_once_each(dataset) -> None:
    r = report(dataset, BC_12)
    assert r.view.what_would_change
    assert len(set(r.view.what_would_change)) == len(r.view.what_would_change)
    assert set(r.view.what_would_change) == set(evaluate(dataset, BC_12).what_would_change)


def test_html_carries_every_part(dataset) -> None:
    r = report(dataset, AB_12_SECOR, client="Acme", consultant="Marie", firm="NorthSafe")
    html = render_html(r)
    lab = labels()
    for text in ("COR / SECOR recommendation summary", "Prepared for", "Acme", "Prepared by", "Marie", "NorthSafe",
                 "27 November 2026", "Alberta", "Certificate of Recognition", "Eligible here: COR", lab["cautions"],
                 lab["disputes"],
                 lab["partners"], lab["next_steps"], "Moving from SECOR to COR", lab["what_would_change"],
                 "COR compared with SECOR in Alberta", lab["answers"], lab["about"], lab["sources"],
                 "have the final word", dataset.version, wording.date(dataset.effective),
                 wording.date(dataset.last_reviewed)):
        assert text in html, text
    assert re.search(r"<h2>[^<]*Why SECOR isn&#x27;t the fit here", html)
    assert 'class="ref"' in html


def test_user_text_is_escaped(dataset) -> None:
    r = report(dataset, AB_6, client="<b>Acme</b> & Sons", consultant="<i>Jo</i>", firm="A&B \"Safety\"",
               notes="<script>alert(1)</script>\nsecond line")
    html = render_html(r, logo_src='logo" onerror="x')
    assert "<b>Acme" not in html and "&lt;b&gt;Acme&lt;/b&gt; &amp; Sons" in html
    assert "<i>Jo" not in html and "&lt;i&gt;Jo&lt;/i&gt;" in html
    assert "A&amp;B &quot;Safety&quot;" in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;<br/>second line" in html
    assert 'src="logo&quot; onerror=&quot;x"/>' in html
    assert '<img src="logo" width="180" height="60"/>' in render_html(r, logo_src="logo", logo_size=(180, 60))
    # The metadata title keeps the name as typed (it is not HTML).
    assert r.document_title.endswith("— <b>Acme</b> & Sons")
    assert r.running_header == "COR / SECOR recommendation — <b>Acme</b> & Sons"


def test_header_footer_and_defaults(dataset) -> None:
    r = report(dataset, AB_6)
    assert r.running_header == "COR / SECOR recommendation"
    assert r.document_title == "COR / SECOR recommendation summary"
    assert r.running_footer == (f"Rules dataset {dataset.version} · effective {wording.date(dataset.effective)} · "
                                "prepared 27 November 2026")
    assert r.prepared_by == ""
    # No client name: no "Prepared for" line at all (the province stands alone), no placeholder.
    html = render_html(r)
    assert "Prepared for" not in html and "not named" not in html and "Prepared by" not in html
    assert masthead_rows(r) == [("Province or territory", ["Alberta"]), ("Date", ["27 November 2026"])]
    assert report(dataset, AB_6, client="  Two\nlines ").running_header.endswith("— Two lines")


def test_french(dataset) -> None:
    r = report(dataset, BC_12, lang="fr")
    html = render_html(r)
    assert r.view.province_name == dataset.jurisdiction("BC").name.fr
    assert "Prochaines étapes" in html and "Mises en garde" in html
    assert r.view.answers[0].question == dataset.questions[0].prompt.fr


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_answers_build_and_render(dataset, data) -> None:
    answers = data.draw(answers_strategy([s.id for s in dataset.sectors]))
    r = report(dataset, answers, client="<x>")
    html = render_html(r)
    assert r.view.program_label in html and r.view.province_name.replace("'", "&#x27;") in html
    assert (r.view.transition is not None) == (r.view.program == "COR" and answers.current_certification == "secor")
    assert "<x>" not in html


def test_stale_rules_get_a_line_in_the_summary(dataset) -> None:
    import datetime as dt

    from advisor_gui.domain.engine import evaluate
    from advisor_gui.domain.models import Answers
    from advisor_gui.domain.report import build_report, render_html

    answers = Answers(province="AB", workers=6)
    rec = evaluate(dataset, answers)
    fresh = build_report(dataset, answers, rec, today=dataset.last_reviewed)
    old = build_report(dataset, answers, rec, today=dataset.last_reviewed + dt.timedelta(days=400))
    assert not fresh.rules_stale and "more than a year" not in render_html(fresh)
    assert old.rules_stale and render_html(old).count("more than a year before this summary") == 2


def test_prepared_for_and_by_block(dataset) -> None:
    """Client, consultant, firm, phone and email as plain text, the date in words, in both languages."""
    kw = {"client": "Prairie <Steel> & Sons Ltd.", "consultant": "Jo Tremblay", "firm": "North Safety",
          "phone": "+1 780 555 0142", "email": "jo@northsafety.ca", "today": dt.date(2026, 11, 30)}
    r = report(dataset, BC_12, **kw)
    assert masthead_rows(r) == [
        ("Prepared for", ["Prairie <Steel> & Sons Ltd.", "British Columbia"]),
        ("Prepared by", ["Jo Tremblay", "North Safety", "+1 780 555 0142", "jo@northsafety.ca"]),
        ("Date", ["30 November 2026"]),
    ]
    assert "Prairie &lt;Steel&gt; &amp; Sons Ltd." in render_html(r)
    fr = report(dataset, BC_12, lang="fr", **kw)
    assert [label for label, _ in masthead_rows(fr)] == ["Préparé pour", "Préparé par", "Date"]
    assert masthead_rows(fr)[-1][1] == ["30 novembre 2026"]
    only_phone = report(dataset, BC_12, phone="555 0100", today=TODAY)
    assert masthead_rows(only_phone)[1] == ("Prepared by", ["555 0100"])


def test_the_verdict_is_said_once(dataset) -> None:
    """"Small COR" then what it is, not "Small COR / Small COR (…)"; nothing after "No COR program"."""
    details = {a.province: report(dataset, a).view for a in (AB_6, BC_12, ON_40, QC_12)}
    assert details["BC"].program_detail == "British Columbia's small-employer program"
    assert details["ON"].program_detail == "Certificate of Recognition"
    assert details["AB"].program_detail == "Small Employer Certificate of Recognition"
    assert details["QC"].program_detail == ""
    for view in details.values():
        html = render_html(report(dataset, Answers(province=view.province_code, workers=12)))
        assert html.count(escape_html(view.program_label)) >= 1
        assert view.program_label not in view.program_detail
    fr = report(dataset, BC_12, lang="fr").view
    assert fr.program_detail == "programme pour petits employeurs de la Colombie-Britannique"


def test_source_locators_are_listed_once(dataset) -> None:
    """"§1 What COR is" and "1. What COR is" are one place; "a; b" are two."""
    for answers in (AB_6, BC_12, ON_40, QC_12, AB_12_SECOR, Answers(province="AB", workers=8, sector="construction",
                                                                      prime_contractor="requires_cor")):
        for s in report(dataset, answers).view.sources:
            places = [p.casefold() for p in s.sections]
            assert len(places) == len(set(places)), s.sections
            assert not any(";" in p or re.match(r"\d+\. ", p) for p in s.sections), s.sections
    assert locators("1. What COR is; §3 table, on-site days") == ["§1 What COR is", "§3 table, on-site days"]
