"""The interview's logic without Qt (advisor_gui.domain.interview): which
questions apply, which can change the answer; the window and the summary agree."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings

from advisor_gui.domain import interview
from advisor_gui.domain.engine import evaluate
from advisor_gui.domain.models import Answers
from advisor_gui.domain.report import build_report

from .test_engine import answers_strategy


def _ids(questions) -> list[str]:
    return [q.id for q in questions]


def test_prequalification_applies_to_construction_only(dataset) -> None:
    other = _ids(interview.visible_questions(dataset, Answers(province="AB", workers=6)))
    building = _ids(interview.visible_questions(dataset, Answers(province="AB", workers=6, sector="construction")))
    assert "prequal_platforms" not in other and "prequal_platforms" in building
    assert set(building) - set(other) == {"prequal_platforms"}
    assert building == [q.id for q in dataset.questions]


def test_a_question_matters_when_its_what_if_moves_the_program(dataset) -> None:
    questions = {q.id: q for q in dataset.questions}
    rec = evaluate(dataset, Answers(province="AB", workers=6))
    assert interview.matters(questions["province"], rec)
    assert interview.matters(questions["workers"], rec), "10 workers would make it COR"
    assert interview.matters(questions["current_certification"], rec), "no what-if: it shapes advice"
    # Quebec does not take part: only the province can change anything
    none = evaluate(dataset, Answers(province="QC", workers=6))
    assert [q.id for q in dataset.questions if interview.matters(q, none)] == ["province"]


def test_the_summary_lists_exactly_the_questions_that_apply(dataset) -> None:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(answers_strategy([s.id for s in dataset.sectors]))
    def prop(answers: Answers) -> None:
        r = build_report(dataset, answers, evaluate(dataset, answers), today=dt.date(2026, 11, 27))
        shown = interview.visible_questions(dataset, answers)
        assert [a.question for a in r.view.answers] == [q.prompt.en for q in shown]
        assert [q for q, _ in interview.answered(dataset, answers)] == list(shown)

    prop()
