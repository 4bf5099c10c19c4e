"""The engine: properties over every valid answers document, plus specifics."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor_gui.domain.engine import PLACEHOLDER, decide, evaluate
from advisor_gui.domain.models import JURISDICTION_CODES, PREQUAL_PLATFORMS, Answers

COR_TRIGGERS = {
    "cor.prime_requires_cor", "cor.public_sector_bids", "cor.upstream_oil_gas",
    "cor.construction_prequal", "cor.multi_site", "cor.multi_province", "cor.gc_subtrades",
    "cor.workforce_at_line", "cor.over_small_limit", "cor.no_small_program",
}


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
    @settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(answers_strategy([s.id for s in dataset.sectors]))
    def prop(answers: Answers) -> None:
        rec = evaluate(dataset, answers)
        assert rec.program in {"COR", "SECOR", "SMALL_COR", "NONE"}
        assert rec.reasons, "at least one reason"
        assert all(r.rule and r.text and r.source for r in rec.reasons)
        if rec.program != "NONE":
            assert rec.program in rec.eligible
        else:
            assert rec.eligible == ()
        fired = {r.rule for r in rec.reasons}
        if fired & COR_TRIGGERS and rec.program != "NONE":
            assert rec.program == "COR", "a COR trigger never yields the small program"
        assert decide(dataset, answers) == rec.program
        prose = [r.text for r in rec.reasons] + [c.text for c in rec.cautions]
        prose += [*rec.next_steps, *rec.what_would_change]
        assert not any(PLACEHOLDER.search(t) for t in prose), "every placeholder is filled"

    prop()


def test_evaluation_is_deterministic(dataset) -> None:
    a = Answers(province="BC", workers=12, prime_contractor="unknown")
    assert evaluate(dataset, a) == evaluate(dataset, a)


def test_small_program_needs_every_trigger_absent(dataset) -> None:
    base = Answers(province="AB", workers=5, sector="construction")
    assert decide(dataset, base) == "SECOR"
    for change in (
        {"prime_contractor": "requires_cor"}, {"public_sector_bids": True},
        {"prequal_platforms": ("ISN",)}, {"multi_site": True}, {"other_provinces": ("SK",)},
        {"hires_subtrades_into_cor_sites": True}, {"sector": "oil_and_gas"}, {"workers": 10},
    ):
        assert decide(dataset, dataclasses.replace(base, **change)) == "COR", change


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
                          {"public_sector_bids": True}, {"prime_contractor": "requires_cor"},
                          {"sector": "oil_and_gas"}, {"multi_site": True},
                          {"other_provinces": ("ON",)}, {"hires_subtrades_into_cor_sites": True},
                          {"sector": "construction", "prequal_platforms": ("ISN",)}):
                assert extra.get("sector", "other") in sectors
                rec = evaluate(dataset, Answers(province=province, workers=workers, **extra))
                seen |= {r.rule for r in rec.reasons} | {c.rule for c in rec.cautions}
                seen |= {r.id for r in dataset.rules if r.effect == "step"
                         and any(s == r.text.en for s in rec.next_steps)}
    rule_ids = {r.id for r in dataset.rules if r.effect != "step"}
    assert rule_ids <= seen, f"never fired: {sorted(rule_ids - seen)}"
