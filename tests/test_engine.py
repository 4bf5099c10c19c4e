"""The engine: properties over every valid answers document, plus specifics."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor_gui.domain.engine import PLACEHOLDER, decide, evaluate
from advisor_gui.domain.models import JURISDICTION_CODES, PREQUAL_PLATFORMS, Answers


def answers_strategy(sector_ids: list[str]) -> st.SearchStrategy[Answers]:
    return st.builds(
        Answers,
        province=st.sampled_from(JURISDICTION_CODES),
        workers=st.one_of(st.integers(1, 40), st.integers(1, 100_000)),
        sector=st.sampled_from(sector_ids),
        public_sector_bids=st.booleans(),
        prime_contractor=st.sampled_from(["none", "requires_cor", "accepts_secor", "unknown"]),
        prequal_platforms=st.lists(st.sampled_from(PREQUAL_PLATFORMS), max_size=3).map(tuple),
        multi_site=st.booleans(),
        other_provinces=st.lists(st.sampled_from(JURISDICTION_CODES), max_size=3).map(tuple),
        current_certification=st.sampled_from(["none", "secor", "cor"]),
        hires_subtrades_into_cor_sites=st.booleans(),
    )


@pytest.fixture(scope="module")
def any_answers(dataset):
    return answers_strategy([s.id for s in dataset.sectors])


def test_every_valid_document_gets_one_explained_program(dataset) -> None:
    cor_triggers = {r.id for r in dataset.rules if r.effect == "cor"}  # every COR rule, as the dataset says
    assert len(cor_triggers) >= 10
    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(answers_strategy([s.id for s in dataset.sectors]))
    def prop(answers: Answers) -> None:
        rec = evaluate(dataset, answers)
        assert len(rec.step_rules) == len(rec.next_steps)
        assert rec.program in {"COR", "SECOR", "SMALL_COR", "NONE"}
        assert rec.reasons, "at least one reason"
        assert all(r.rule and r.text and r.source for r in rec.reasons)
        if rec.program != "NONE":
            assert rec.program in rec.eligible
        else:
            assert rec.eligible == ()
        fired = {r.rule for r in rec.reasons}
        if fired & cor_triggers and rec.program != "NONE":
            assert rec.program == "COR", "a COR trigger never yields the small program"
        assert decide(dataset, answers) == rec.program
        prose = [r.text for r in rec.reasons] + [c.text for c in rec.cautions]
        prose += [*rec.next_steps, *rec.what_would_change]
        assert not any(PLACEHOLDER.search(t) for t in prose), "every placeholder is filled"

    prop()


def test_evaluation_is_deterministic(dataset) -> None:
    from advisor_gui.domain.engine import _evaluate

    a = Answers(province="BC", workers=12, prime_contractor="unknown")
    # The engine itself, not the recommendations it keeps: two evaluations agree.
    assert _evaluate(dataset, a, "en", what_ifs=True) == _evaluate(dataset, a, "en", what_ifs=True) \
        == evaluate(dataset, a)


def test_small_program_needs_every_trigger_absent(dataset) -> None:
    base = Answers(province="AB", workers=5, sector="construction")
    assert decide(dataset, base) == "SECOR"
    for change in (
        {"prime_contractor": "requires_cor"}, {"public_sector_bids": True},
        {"prequal_platforms": ("ISN",)}, {"multi_site": True}, {"other_provinces": ("SK",)},
        {"hires_subtrades_into_cor_sites": True}, {"sector": "oil_and_gas"}, {"workers": 10},
    ):
        assert decide(dataset, dataclasses.replace(base, **change)) == "COR", change


def test_decided_programs_are_kept_with_their_dataset_and_bounded(dataset) -> None:
    from advisor_gui.domain import engine
    from advisor_gui.domain.models import derived

    a = Answers(province="AB", workers=5, sector="construction")
    assert decide(dataset, a) == "SECOR"
    kept = derived(dataset)[engine._DECIDED]
    assert kept[a] == "SECOR"
    kept[a] = "kept"  # answers that come back are not decided again
    try:
        assert decide(dataset, a) == "kept"
    finally:
        del kept[a]
    kept.clear()
    for workers in range(1, 4200):  # more answers than are kept: the store starts again
        decide(dataset, dataclasses.replace(a, workers=workers))
        assert len(kept) <= 4096
    assert len(kept) < 4199
    assert decide(dataset, dataclasses.replace(a, workers=12)) == "COR"


def test_recommendations_are_kept_per_answers_language_and_what_ifs(dataset) -> None:
    from advisor_gui.domain import engine
    from advisor_gui.domain.models import derived

    a = Answers(province="BC", workers=12, sector="construction")
    full, bare, french = evaluate(dataset, a), evaluate(dataset, a, what_ifs=False), evaluate(dataset, a, "fr")
    assert full.what_would_change and not bare.what_would_change
    assert french.reasons[0].text != full.reasons[0].text
    assert evaluate(dataset, a) is full and evaluate(dataset, a, "fr") is french
    kept = derived(dataset)[engine._EVALUATED]
    assert kept[(a, "en", True)] is full and kept[(a, "en", False)] is bare
    assert evaluate(dataset, dataclasses.replace(a, workers=25)).program == "COR"


def test_partners_follow_sector_and_program(dataset) -> None:
    construction = evaluate(dataset, Answers(province="AB", workers=5, sector="construction"))
    assert [p.acronym for p in construction.partners][:1] == ["ACSA"]
    service = evaluate(dataset, Answers(province="AB", workers=5, sector="other"))
    assert "AASP" in [p.acronym for p in service.partners]
    assert evaluate(dataset, Answers(province="QC", workers=5)).partners == ()


def test_source_notes_are_cautions_with_both_claims(dataset) -> None:
    rec = evaluate(dataset, Answers(province="AB", workers=10))
    note = next(c for c in rec.cautions if c.rule == "note.ab_at_ten")
    assert note.text.startswith("Sources differ")
    assert "http" in note.text  # the public source's address


def test_every_rule_can_fire(dataset) -> None:
    """No dead rules: a sweep over answers fires each rule at least once."""
    seen: set[str] = set()
    sectors = [s.id for s in dataset.sectors]
    for province in JURISDICTION_CODES:
        for workers in (1, 5, 9, 10, 11, 18, 19, 20, 21):
            for extra in ({}, {"prime_contractor": "unknown"}, {"current_certification": "secor"},
                          {"current_certification": "cor"},
                          {"public_sector_bids": True}, {"prime_contractor": "requires_cor"},
                          {"sector": "oil_and_gas"}, {"multi_site": True},
                          {"other_provinces": ("ON",)}, {"hires_subtrades_into_cor_sites": True},
                          {"sector": "construction", "prequal_platforms": ("ISN",)}):
                assert extra.get("sector", "other") in sectors
                rec = evaluate(dataset, Answers(province=province, workers=workers, **extra))
                seen |= {r.rule for r in rec.reasons} | {c.rule for c in rec.cautions} | set(rec.step_rules)
    rule_ids = {r.id for r in dataset.rules}
    assert {r.effect for r in dataset.rules if r.id in seen} >= {"cor", "small", "none", "caution", "step"}
    assert rule_ids <= seen, f"never fired: {sorted(rule_ids - seen)}"


def test_steps_name_their_rules(dataset) -> None:
    rec = evaluate(dataset, Answers(province="AB", workers=12, current_certification="secor"))
    assert rec.step_rules[0] == "step.secor_to_cor"
    effects = {r.id: r.effect for r in dataset.rules}
    assert all(effects[r] == "step" for r in rec.step_rules)
    assert "step.small_program" not in rec.step_rules


def test_what_ifs_added_later_are_the_same_as_evaluated_at_once(dataset) -> None:
    from advisor_gui.domain.engine import with_what_ifs

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(answers_strategy([s.id for s in dataset.sectors]), st.sampled_from(["en", "fr"]))
    def prop(answers: Answers, lang: str) -> None:
        quick = evaluate(dataset, answers, lang, what_ifs=False)
        assert with_what_ifs(dataset, answers, quick, lang) == evaluate(dataset, answers, lang)

    prop()


def test_citations_and_source_notes_kept_with_the_dataset_read_as_made_afresh(dataset) -> None:
    """format_cites and source_note_text keep their texts with the dataset
    (models.derived); a kept text is the one a fresh formatting gives."""
    from advisor_gui.domain import citations, engine

    for rule in dataset.rules:
        first = citations.format_cites(dataset, rule.cite)
        assert citations.format_cites(dataset, list(rule.cite)) == first == citations._format_cites(
            dataset, tuple(rule.cite))
    for note in dataset.source_notes:
        for lang in ("en", "fr"):
            for with_sources in (True, False):
                kept = engine.source_note_text(dataset, note.id, lang, with_sources=with_sources)
                assert kept == engine._source_note_text(dataset, note.id, lang, with_sources)
                assert (lang == "fr") == (kept != engine.source_note_text(dataset, note.id, "en",
                                                                          with_sources=with_sources))
