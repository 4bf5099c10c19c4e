"""The answer schema, declared once.

Each answer key has one declaration of its kind and values:

* **The contract's ten keys** (DESIGN.md §4), and its two optional details
  ``worker_count`` and ``certificate_date`` (which no question asks and no rule
  tests: :data:`~advisor_gui.domain.models.DETAIL_FIELDS`), are the typed fields of
  :class:`~advisor_gui.domain.models.Answers`. The engine reads them by
  attribute and mypy checks those reads, so they stay fields; this module
  derives everything else from their annotations (a ``Literal`` is a one-of,
  a ``tuple`` of one a list, ``Ge``/``Le`` the bounds, ``ItemOf("sectors")``
  the ids of the dataset's sectors). The dataset's question for such a key
  only says how to ask it; the loader checks that its kind fits the field.
* **Any other question in the dataset** adds an answer key: its ``kind`` in
  ``data/rules.yaml`` is the declaration. Only ``yes_no`` questions can be
  added this way (:data:`ADDED_KINDS`: a boolean, false when unanswered), so a
  new yes/no question needs the YAML, a scenario and the changelog, no code.
  Their answers live in ``Answers.added``, one frozen tuple of (id, value)
  pairs that :func:`conform` keeps complete and in the dataset's question
  order, so two answers compare equal when they say the same thing and a
  written document always spells every key out.

Why not generate ``Answers`` from the dataset? A class built at run time would
cost start-up time (the window starts without pydantic) and lose the typed,
checked reads; a plain dict of every answer would lose those reads too. Why not
declare the ten keys in the YAML as well? They are a contract of the command
line, not data an office lead may change.

From this one schema come the answers documents' validation (:func:`validate`;
:func:`split` and :func:`check_added` for the answers inside a client file),
the facts the rule conditions see (:func:`answer_specs`, :func:`answer_facts`),
the error hints (:func:`hint`) and the documents written back
(:func:`as_document`). Nothing here imports pydantic until a document is validated.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args, get_origin

from ..util.constraints import Ge, Le
from ..util.validation import adapter
from .conditions import FactSpec, FactValue
from .models import (
    ANSWER_FIELDS,
    CONTRACT_KEYS,
    WORKER_COUNT_KEYS,
    AddedAnswers,
    Answers,
    Dataset,
    ItemOf,
    Question,
    derived_value,
)

# What each kind of question asks for, as the rule conditions see it.
QUESTION_FACT_KINDS: dict[str, str] = {
    "province": "enum",
    "count": "int",
    "yes_no": "bool",
    "choice": "enum",
    "multi_choice": "list",
    "provinces": "list",
}


class AddedKind:
    """A kind of question a dataset may add: the fact it makes, the answer an
    unanswered one has (its type is the type every answer must have), and
    pydantic's name for a wrong type (so errors read like the fields' own).
    A plain class: a record would compile an ``__init__`` at start-up."""

    __slots__ = ("default", "fact", "wrong_type")

    def __init__(self, fact: FactSpec, default: bool, wrong_type: str) -> None:
        self.fact, self.default, self.wrong_type = fact, default, wrong_type


ADDED_KINDS: dict[str, AddedKind] = {"yes_no": AddedKind(FactSpec("bool"), False, "bool_type")}


# --- the kinds and values of the keys ---------------------------------------------
@functools.cache
def _field_types() -> dict[str, Any]:
    return {f.name: f.type for f in dataclasses.fields(Answers) if f.name in ANSWER_FIELDS}


def _split_annotated(tp: Any) -> tuple[Any, tuple[Any, ...]]:
    if get_origin(tp) is Annotated:
        base, *meta = get_args(tp)
        return base, tuple(meta)
    return tp, ()


def _field_spec(tp: Any, dataset: Dataset | None) -> FactSpec:
    """A field's annotation as a fact: ``bool``, ``int``, ``enum`` or ``list``
    (the values of an ``ItemOf`` are the dataset's, none without one)."""
    base, meta = _split_annotated(tp)
    for marker in meta:
        if isinstance(marker, ItemOf):
            items = getattr(dataset, marker.collection) if dataset is not None else ()
            return FactSpec("enum", tuple(item.id for item in items))
    if base is bool or base is int:
        return FactSpec(base.__name__)
    if get_origin(base) is Literal:
        return FactSpec("enum", get_args(base))
    if get_origin(base) is tuple:
        return FactSpec("list", _field_spec(get_args(base)[0], dataset).values)
    raise TypeError(f"no fact kind for the answer type {tp!r}")


def added_questions(dataset: Dataset) -> tuple[Question, ...]:
    """The dataset's questions that add an answer key to the contract's ten
    (worked out once per dataset: the engine asks for every what-if)."""
    return derived_value(dataset, added_questions,
                         lambda: tuple(q for q in dataset.questions if q.id not in CONTRACT_KEYS))


def answer_specs(dataset: Dataset) -> dict[str, FactSpec]:
    """Every answer key as a fact the rule conditions may name."""
    specs = {name: _field_spec(tp, dataset) for name, tp in _field_types().items()}
    for q in added_questions(dataset):
        specs[q.id] = ADDED_KINDS[q.kind].fact
    return specs


_DETAIL_HINTS = {
    "worker_count": "must be an object with any of " + ", ".join(WORKER_COUNT_KEYS),
    "certificate_date": "must be a date written YYYY-MM-DD",
    **{f"worker_count.{k}": "must be a number of 0 or more" for k in WORKER_COUNT_KEYS},
}


@functools.cache
def hint(key: str) -> str | None:
    """What a bad value of one of the contract's keys should have been (None
    where the validator's own message says it, or the dataset holds the values);
    ``key`` may be dotted (``worker_count.payroll_hours``)."""
    if key in _DETAIL_HINTS:
        return _DETAIL_HINTS[key]
    tp = _field_types().get(key)
    if tp is None:
        return None
    spec = _field_spec(tp, None)
    if spec.kind == "enum" and spec.values:
        return f"must be one of {', '.join(spec.values)}"
    if spec.kind == "list":
        return f"must be a list of {', '.join(spec.values)}"
    if spec.kind == "int":
        meta = _split_annotated(tp)[1]
        least = next((m.args[0] for m in meta if isinstance(m, Ge)), None)
        most = next((m.args[0] for m in meta if isinstance(m, Le)), None)
        if least is not None and most is not None:
            return f"must be a whole number from {least:,} to {most:,}"
        return f"must be a whole number of {least:,} or more" if least is not None else "must be a whole number"
    return None


# --- answers and the dataset in use ---------------------------------------------------
def conform(answers: Answers, dataset: Dataset) -> Answers:
    """The answers as ``dataset`` asks them: one added pair for each question it
    adds, in its order (the answer given, else the default), none for others."""
    asked = added_questions(dataset)
    if not asked and not answers.added:
        return answers
    given = dict(answers.added)
    added = tuple((q.id, given.get(q.id, ADDED_KINDS[q.kind].default)) for q in asked)
    return answers if added == answers.added else dataclasses.replace(answers, added=added)


def answer_facts(dataset: Dataset, answers: Answers) -> dict[str, FactValue]:
    """The answers as facts: every key of :func:`answer_specs`, with a value."""
    facts: dict[str, FactValue] = {name: getattr(answers, name) for name in ANSWER_FIELDS}
    if answers.added or added_questions(dataset):
        facts.update(conform(answers, dataset).added)
    return facts


def with_answer(answers: Answers, key: str, value: Any) -> Answers:
    """A copy with one answer changed (the caller keeps the value's type right)."""
    if key in CONTRACT_KEYS:
        changes: dict[str, Any] = {key: value}
        return dataclasses.replace(answers, **changes)
    if all(name != key for name, _ in answers.added):
        raise KeyError(key)
    return dataclasses.replace(answers, added=tuple((n, value if n == key else v) for n, v in answers.added))


def as_document(answers: Answers) -> dict[str, Any]:
    """The flat answers document: the contract's keys, then the added ones."""
    doc = {name: getattr(answers, name) for name in ANSWER_FIELDS}
    if answers.worker_count is not None:  # the details only when given: see DETAIL_FIELDS
        doc["worker_count"] = answers.worker_count.given()
    if answers.certificate_date is not None:
        doc["certificate_date"] = answers.certificate_date
    doc.update(answers.added)
    return doc


# --- reading documents --------------------------------------------------------------
def split(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A document's contract keys (for the typed fields) and the rest (for
    :func:`check_added`, which refuses any the dataset does not ask)."""
    core = {k: v for k, v in data.items() if k in CONTRACT_KEYS}
    rest = {k: v for k, v in data.items() if k not in CONTRACT_KEYS}
    return core, rest


def check_added(rest: Mapping[str, Any], dataset: Dataset | None,
                loc: tuple[str, ...] = ()) -> AddedAnswers:
    """The answers to the dataset's added questions, or a pydantic
    ValidationError located like pydantic's own (``loc`` prefixes it)."""
    asked = {q.id: ADDED_KINDS[q.kind] for q in added_questions(dataset)} if dataset is not None else {}
    pairs = []
    for key, value in rest.items():
        kind = asked.get(key)
        if kind is None:
            raise _error("unexpected_keyword_argument", (*loc, key), value)
        if type(value) is not type(kind.default):
            raise _error(kind.wrong_type, (*loc, key), value)
        pairs.append((key, value))
    return tuple(pairs)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_details(core: Mapping[str, Any], loc: tuple[str, ...] = ()) -> None:
    """What pydantic lets through that the contract does not: a
    ``certificate_date`` written other than YYYY-MM-DD (pydantic also takes a
    time of day or a number of seconds), ``worker_count`` numbers that are not
    finite (pydantic's bounds already refuse them; kept explicit)."""
    date = core.get("certificate_date")
    if date is not None and not (isinstance(date, str) and _DATE.fullmatch(date)):
        raise _error("date_type", (*loc, "certificate_date"), date)
    counts = core.get("worker_count")
    if isinstance(counts, Mapping):
        for key, value in counts.items():
            if isinstance(value, bool) or (isinstance(value, int | float) and not math.isfinite(value)):
                raise _error("float_type", (*loc, "worker_count", key), value)


def _error(kind: str, loc: tuple[str, ...], value: Any) -> Exception:
    import pydantic_core

    return pydantic_core.ValidationError.from_exception_data(
        "Answers", [{"type": kind, "loc": loc, "input": value}]
    )


def validate(data: Mapping[str, Any], dataset: Dataset) -> Answers:
    """A decoded answers document as :class:`Answers`, conformed to
    ``dataset`` (pydantic ValidationError otherwise; the sector is the caller's)."""
    core, rest = split(data)
    check_details(core)
    answers: Answers = adapter(Answers).validate_json(json.dumps(core), strict=True)
    added = check_added(rest, dataset)
    return conform(dataclasses.replace(answers, added=added), dataset)
