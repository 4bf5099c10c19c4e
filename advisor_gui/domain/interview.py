"""The interview, without Qt: which of the dataset's questions apply to the
answers given so far, and which of them can still change the recommendation.

The window's interview (through its controller) and the printed summary both
ask here, so a question hidden on screen is also left out of the summary.
"""

from __future__ import annotations

from .answer_schema import conform
from .conditions import holds
from .engine import Recommendation, facts_for
from .models import Answers, Dataset, Question


def visible(dataset: Dataset, answers: Answers, question: Question) -> bool:
    """False for a question that does not apply (its ``shown_when`` fails)."""
    if question.shown_when is None:
        return True
    j = dataset.jurisdiction(answers.province)
    return holds(question.shown_when, facts_for(dataset, answers, j))


def visible_questions(dataset: Dataset, answers: Answers) -> tuple[Question, ...]:
    """The questions that apply to ``answers``, in the dataset's order."""
    return tuple(q for q in dataset.questions if visible(dataset, answers, q))


def answered(dataset: Dataset, answers: Answers) -> tuple[tuple[Question, object], ...]:
    """Each question that applies, with its answer."""
    answers = conform(answers, dataset)
    return tuple((q, answers.get(q.id)) for q in visible_questions(dataset, answers))


def matters(question: Question, recommendation: Recommendation) -> bool:
    """False (moot) only for a question whose answer neither appears among the
    reasons (``contributing``) nor changes the program through any of its
    what-ifs (the recommendation must carry its what-ifs: ``influential``).
    With several COR triggers at once, no single one changes the program, yet
    each is a reason: none of them is moot."""
    if question.id == "province" or question.id in recommendation.contributing:
        return True
    if recommendation.program == "NONE":
        return False
    if not question.what_if:
        return True  # no what-if: it shapes cautions and steps, not the program
    return question.id in recommendation.influential
