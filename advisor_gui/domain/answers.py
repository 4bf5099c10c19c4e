"""Read an answers document (DESIGN.md §4) strictly, with one clear error."""

from __future__ import annotations

from typing import Any

from ..util.reading import DuplicateKey, InputError, clip, loads_json, one_line, quoted
from . import answer_schema
from .models import Answers, Dataset


class AnswersError(ValueError):
    """Bad answers: ``field`` names the offending key ('' for the document)."""

    def __init__(self, field: str, problem: str) -> None:
        field = clip(field)
        self.field, self.problem = field, problem
        super().__init__(one_line(f"{field}: {problem}" if field else problem))


def explain_error(err: Any, offset: int = 0) -> AnswersError:
    """One pydantic error about the answers as an AnswersError; ``offset`` skips
    leading location parts (the answers nested inside a client file)."""
    loc = [str(p) for p in err["loc"]][offset:]
    # worker_count's keys are named in full (worker_count.payroll_hours)
    field = ".".join(loc[:2]) if loc[:1] == ["worker_count"] else (loc[0] if loc else "")
    if err["type"] == "unexpected_keyword_argument":
        return AnswersError(field, "unknown answer key")
    if err["type"] in {"missing_argument", "missing"}:
        return AnswersError(field, "is required")
    if not field:
        return AnswersError("", "the answers must be a JSON object")
    hint = answer_schema.hint(field) or err["msg"].lower()
    return AnswersError(field, f"{hint} (got {quoted(err.get('input'))})")


def check_sector(answers: Answers, dataset: Dataset) -> None:
    """The sector must be one the dataset knows."""
    sector_ids = [s.id for s in dataset.sectors]
    if answers.sector not in sector_ids:
        raise AnswersError("sector", f"must be one of {', '.join(sector_ids)} (got {quoted(answers.sector)})")


def parse_answers(data: object, dataset: Dataset) -> Answers:
    """Validate a decoded JSON value into :class:`Answers` or raise AnswersError."""
    import pydantic

    if not isinstance(data, dict):
        raise AnswersError("", "the answers must be a JSON object")
    try:
        answers = answer_schema.validate(data, dataset)
    except pydantic.ValidationError as exc:
        raise explain_error(exc.errors(include_url=False)[0]) from None
    check_sector(answers, dataset)
    return answers


def parse_answers_text(text: str, dataset: Dataset) -> Answers:
    """Decode with the shared strict JSON reader (duplicate keys, depth and
    number bounds), then validate."""
    return parse_answers(decode(text), dataset)


def decode(text: str) -> object:
    """Strict JSON (:func:`.reading.loads_json`) with its problems as AnswersError."""
    try:
        return loads_json(text)
    except DuplicateKey as exc:
        raise AnswersError(exc.key, exc.problem) from None
    except InputError as exc:
        raise AnswersError("", exc.problem) from None
