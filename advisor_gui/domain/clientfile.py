"""Client files (``.coradvice``): one client's answers, notes and the advice given.

A client file is UTF-8 JSON, one object, every key required (format 2)::

    {
      "format_version": 2,
      "answers": {"province": "AB", "workers": 6, "sector": "other", ...},
      "client": {"name": "Acme Roofing Ltd."},
      "consultant": {"name": "Jo Tremblay", "firm": "North Safety Advisory"},
      "notes": "Free text, any length, newlines kept.",
      "dataset": {"version": "2026.11.0", "effective": "2026-05-13", "program": "SECOR"},
      "created": "2026-05-13T14:02:11Z",
      "modified": "2026-06-01T09:30:00Z",
      "register": [{"name": "Ledcor", "platform": "ISN", "accepts": "cor_only",
                    "confirmed_by": "email", "confirmed_on": "2026-04-02", "note": ""}],
      "scenarios": [{"name": "After hiring 6", "answers": {"province": "AB", "workers": 12, ...}}]
    }

- ``format_version``: a whole number; this app writes :data:`FORMAT_VERSION`,
  reads older versions through :data:`MIGRATIONS` and refuses newer ones.
- ``answers``: the answers document of DESIGN.md §4, with every key written out,
  except the two optional details ``worker_count`` (only the numbers given) and
  ``certificate_date``, written only when present. They left the format at
  version 1: a file without them is exactly what earlier versions wrote and
  read, and an earlier app handed a file with them refuses it with one message
  naming ``answers.worker_count`` (an unknown key), never dropping it silently.
- ``client``: who the advice is for (``name`` may be empty while drafting).
- ``consultant``: who gave the advice (``name``, ``firm``; either may be empty).
- ``notes``: the consultant's free-text notes.
- ``dataset``: the rules dataset the recommendation was made with, and the
  ``program`` it recommended then (``COR``, ``SECOR``, ``SMALL_COR`` or ``NONE``).
  Opening the file under another dataset compares that with today's answer
  (:func:`drift`).
- ``created``, ``modified``: ISO 8601 date and time in UTC (``Z`` or ``+00:00``).
- ``register`` (format 2): the prime contractors and owners, each with every key:
  ``name``; ``platform`` (``ISN``, ``ComplyWorks``, ``Avetta``, ``CanQualify``,
  ``ContractorCheck``, ``other``, ``none``); ``accepts`` (``cor_only``,
  ``accepts_small``, ``unknown``); ``confirmed_by`` (``email``,
  ``contract_clause``, ``platform_requirement``, ``phone``, ``other``,
  ``none``); ``confirmed_on`` (``YYYY-MM-DD`` or null); ``note``. With entries,
  ``prime_contractor`` is derived from it (:mod:`.register`).
- ``scenarios`` (format 2): named answers variants, each ``{name, answers}``
  (names unique, at most 40 characters), the answers as strict as the main
  ones. The window shows them side by side with the answers (the base,
  "Today") and the summary prints them (:mod:`.scenarios`).

Format 1 (no ``register``, no ``scenarios``) is read as format 2 with both
empty: it means the same; saving writes format 2.

Reading is as strict as the rules dataset: strict JSON types (``"6"`` is not a
number, ``1`` is not ``true``), unknown keys refused, duplicate keys and
``NaN`` refused, and every problem reported as one :class:`ClientFileError`
naming the field. Nothing here writes to disk; atomic saving is the UI's
:mod:`advisor_gui.storage`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, Literal, cast

from ..util.reading import CAPS, DuplicateKey, InputError, clip, decode_text, loads_json, one_line, quoted, read_path
from ..util.records import record
from . import answer_schema
from .answers import AnswersError, check_sector, explain_error
from .engine import Recommendation
from .models import Answers, Dataset, NonEmpty, ProgramCode
from .register import MAX_SCENARIO_NAME, RegisterEntry, Scenario

FORMAT_VERSION: Final = 2
SUFFIX = ".coradvice"
MAX_BYTES = CAPS["client"]  # the shared reader's cap (advisor_gui.util.reading)
_STRICT = {"extra": "forbid", "strict": True}


class ClientFileError(ValueError):
    """A client file that cannot be read: ``file: field: problem`` on one line."""

    def __init__(self, field: str, problem: str, file: str = "") -> None:
        field = clip(field)
        self.field, self.problem, self.file = field, problem, file
        parts = [p for p in (file, field) if p]
        super().__init__(one_line(": ".join([*parts, problem])))

    def in_file(self, file: str) -> ClientFileError:
        """The same error, naming the file it came from."""
        return ClientFileError(self.field, self.problem, file)


@record
class Client:
    """The client a file is about."""

    __pydantic_config__ = _STRICT
    name: str


@record
class Consultant:
    """Who prepared the file (from Preferences when it was saved)."""

    __pydantic_config__ = _STRICT
    name: str
    firm: str


@record
class DatasetRecord:
    """The rules dataset a recommendation was made with, and what it recommended."""

    __pydantic_config__ = _STRICT
    version: NonEmpty
    effective: dt.date
    program: ProgramCode


@record
class ClientFile:
    """A client file: answers, client, consultant, notes, the rules used and the dates."""

    __pydantic_config__ = _STRICT
    format_version: Literal[2]
    answers: Answers
    client: Client
    consultant: Consultant
    notes: str
    dataset: DatasetRecord
    created: dt.datetime
    modified: dt.datetime
    register: tuple[RegisterEntry, ...] = ()
    scenarios: tuple[Scenario, ...] = ()


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def new_client_file(answers: Answers, recommendation: Recommendation, *, client: str = "", notes: str = "",
                    consultant: Consultant | None = None, created: dt.datetime | None = None,
                    modified: dt.datetime | None = None, register: tuple[RegisterEntry, ...] = (),
                    scenarios: tuple[Scenario, ...] = ()) -> ClientFile:
    """A client file for ``answers`` as the current dataset sees them."""
    modified = modified or now_utc()
    return ClientFile(
        format_version=FORMAT_VERSION,
        answers=answers,
        client=Client(name=client),
        consultant=consultant or Consultant(name="", firm=""),
        notes=notes,
        dataset=DatasetRecord(
            version=recommendation.dataset_version,
            effective=dt.date.fromisoformat(recommendation.dataset_effective),
            program=cast(ProgramCode, recommendation.program),
        ),
        created=created or modified,
        modified=modified,
        register=register,
        scenarios=scenarios,
    )


# --- writing ---------------------------------------------------------------------
def _timestamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _plain(value: Any) -> Any:
    if isinstance(value, Answers):
        return {k: _plain(v) for k, v in answer_schema.as_document(value).items()}
    if isinstance(value, dt.datetime):
        return _timestamp(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def to_dict(cf: ClientFile) -> dict[str, Any]:
    """The JSON object of the format, keys in the documented order."""
    out: dict[str, Any] = _plain(cf)
    return out


def dumps(cf: ClientFile) -> str:
    """The file's text: indented UTF-8 JSON ending in a newline."""
    return json.dumps(to_dict(cf), ensure_ascii=False, indent=2) + "\n"


# --- migration -------------------------------------------------------------------
Migration = Callable[[dict[str, Any]], dict[str, Any]]

_V0_KEYS = {"format_version", "answers", "client", "consultant", "firm", "notes", "rules", "saved"}


def _v0_to_v1(doc: dict[str, Any]) -> dict[str, Any]:
    """Format 0, the draft layout from the design stage (never released, kept as
    the worked example of a migration): a flat client name, the consultant and
    firm side by side, ``rules`` for the dataset record and a single ``saved``
    time standing for both timestamps."""
    for key in doc:
        if key not in _V0_KEYS:
            raise ClientFileError(key, "unknown field (format 0)")
    for key in ("answers", "rules", "saved"):
        if key not in doc:
            raise ClientFileError(key, "required field is missing (format 0)")
    return {
        "format_version": 1,
        "answers": doc["answers"],
        "client": {"name": doc.get("client", "")},
        "consultant": {"name": doc.get("consultant", ""), "firm": doc.get("firm", "")},
        "notes": doc.get("notes", ""),
        "dataset": doc["rules"],
        "created": doc["saved"],
        "modified": doc["saved"],
    }


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Format 1 (the first release): no register, no scenarios. Both start
    empty, so the file means what it meant; keys format 2 adds are refused in
    a file that says it is format 1 (the field is named)."""
    for key in ("register", "scenarios"):
        if key in doc:
            raise ClientFileError(key, "unknown field (format 1)")
    return {**doc, "format_version": 2, "register": [], "scenarios": []}


# Each entry upgrades a document of that format_version to the next one.
MIGRATIONS: dict[int, Migration] = {0: _v0_to_v1, 1: _v1_to_v2}


def upgrade(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring a decoded document to :data:`FORMAT_VERSION` (or refuse it)."""
    if "format_version" not in doc:
        raise ClientFileError("format_version", "required field is missing (not a COR/SECOR Advisor client file)")
    version = doc["format_version"]
    if not isinstance(version, int) or isinstance(version, bool):
        raise ClientFileError("format_version", f"must be a whole number (got {quoted(version)})")
    if version > FORMAT_VERSION:
        raise ClientFileError(
            "format_version",
            f"{quoted(version)} is newer than this version of the app can read (up to {FORMAT_VERSION}); "
            "update COR/SECOR Advisor to open this file",
        )
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ClientFileError("format_version", f"{quoted(version)} is not a format this app knows")
        doc = step(doc)
        version = doc["format_version"]
    return doc


# --- reading ---------------------------------------------------------------------
_ADAPTER: Any = None


def _adapter() -> Any:
    global _ADAPTER
    if _ADAPTER is None:
        import pydantic

        _ADAPTER = pydantic.TypeAdapter(ClientFile)
    return _ADAPTER


def decode(text: str) -> Any:
    """Strict JSON through the shared reader (:mod:`.reading`): no duplicate
    keys, no NaN or Infinity, bounded nesting and number length."""
    try:
        return loads_json(text)
    except DuplicateKey as exc:
        raise ClientFileError(exc.key, exc.problem) from None
    except InputError as exc:
        problem = exc.problem
        if problem.startswith("not valid JSON: ") and "nested" not in problem and "digits" not in problem:
            problem = "not valid JSON (damaged or cut short?): " + problem[len("not valid JSON: "):]
        raise ClientFileError("", problem) from None


def _dotted(loc: list[str | int]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _explain(err: Any) -> ClientFileError:
    loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
    if len(loc) > 1 and loc[0] == "answers":
        answers_error = explain_error({**err, "loc": loc}, offset=1)
        return ClientFileError(f"answers.{answers_error.field}", answers_error.problem)
    field = _dotted(loc)
    kind, value = err["type"], err.get("input")
    if loc == ["answers"] and kind not in {"missing_argument", "missing"}:
        return ClientFileError(field, "the answers must be a JSON object")
    if kind == "unexpected_keyword_argument":
        return ClientFileError(field, "unknown field")
    if kind in {"missing_argument", "missing"}:
        return ClientFileError(field, "required field is missing")
    if loc and loc[-1] in {"created", "modified"}:
        return ClientFileError(field, f"must be an ISO 8601 date and time in UTC, like 2026-05-13T14:02:11Z "
                                      f"(got {quoted(value)})")
    if not loc:
        return ClientFileError("", "not a client file: expected a JSON object")
    shown = "" if isinstance(value, dict | list) else f" (got {quoted(value)})"
    msg = str(err["msg"])
    return ClientFileError(field, f"{msg[:1].lower()}{msg[1:]}{shown}")


def parse(data: object, dataset: Dataset | None = None) -> ClientFile:
    """Validate a decoded document (any known format) into a :class:`ClientFile`.

    With ``dataset``, the answers are also checked against it (the sector, the
    questions it adds); without, a key beyond the contract's is refused."""
    import pydantic

    if not isinstance(data, dict):
        raise ClientFileError("", "not a client file: expected a JSON object")
    doc = upgrade(data)
    scenarios_doc = doc.get("scenarios", [])
    doc = {k: v for k, v in doc.items() if k != "scenarios"}
    added: dict[str, Any] = {}
    if isinstance(doc.get("answers"), dict):  # the dataset's added questions are checked apart
        core, added = answer_schema.split(doc["answers"])
        doc = {**doc, "answers": core}
    try:
        if isinstance(doc.get("answers"), dict):
            answer_schema.check_details(doc["answers"], ("answers",))
        cf: ClientFile = _adapter().validate_json(json.dumps(doc), strict=True)
        added_answers = answer_schema.check_added(added, dataset, ("answers",))
    except pydantic.ValidationError as exc:
        raise _explain(exc.errors(include_url=False)[0]) from None
    for name in ("created", "modified"):
        value: dt.datetime = getattr(cf, name)
        if value.utcoffset() != dt.timedelta(0):
            raise ClientFileError(name, f"must be in UTC, ending in Z (got {quoted(doc[name])})")
    answers = dataclasses.replace(cf.answers, added=added_answers)
    if dataset is not None:
        answers = answer_schema.conform(answers, dataset)
    cf = dataclasses.replace(cf, answers=answers, created=cf.created.astimezone(dt.UTC),
                             modified=cf.modified.astimezone(dt.UTC))
    if dataset is not None:
        try:
            check_sector(cf.answers, dataset)
        except AnswersError as exc:
            raise ClientFileError(f"answers.{exc.field}", exc.problem) from None
    return dataclasses.replace(cf, scenarios=_scenarios(scenarios_doc, dataset))


_ANSWERS_ADAPTER: Any = None


def _scenarios(data: object, dataset: Dataset | None) -> tuple[Scenario, ...]:
    """The scenarios, each one's answers read exactly as the file's own."""
    import pydantic

    global _ANSWERS_ADAPTER
    if not isinstance(data, list):
        raise ClientFileError("scenarios", "must be a list")
    if _ANSWERS_ADAPTER is None:
        _ANSWERS_ADAPTER = pydantic.TypeAdapter(Answers)
    out: list[Scenario] = []
    for i, item in enumerate(data):
        where = f"scenarios[{i}]"
        if not isinstance(item, dict):
            raise ClientFileError(where, "must be an object with name and answers")
        for key in item:
            if key not in {"name", "answers"}:
                raise ClientFileError(f"{where}.{key}", "unknown field")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ClientFileError(f"{where}.name", "must be a non-empty text")
        if len(name) > MAX_SCENARIO_NAME:
            raise ClientFileError(f"{where}.name", f"must be at most {MAX_SCENARIO_NAME} characters "
                                                   f"(got {len(name)})")
        if any(s.name == name for s in out):
            raise ClientFileError(f"{where}.name", f"{quoted(name)} is already the name of a scenario")
        raw = item.get("answers")
        if not isinstance(raw, dict):
            raise ClientFileError(f"{where}.answers", "the answers must be a JSON object")
        core, added = answer_schema.split(raw)
        try:
            answer_schema.check_details(core, ("answers",))
            answers: Answers = _ANSWERS_ADAPTER.validate_json(json.dumps(core), strict=True)
            added_answers = answer_schema.check_added(added, dataset, ("answers",))
        except pydantic.ValidationError as exc:
            err = exc.errors(include_url=False)[0]
            loc = [p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
            if loc[:1] != ["answers"]:
                loc = ["answers", *loc]
            problem = explain_error({**err, "loc": loc}, offset=1)
            raise ClientFileError(f"{where}.answers.{problem.field}", problem.problem) from None
        answers = dataclasses.replace(answers, added=added_answers)
        if dataset is not None:
            answers = answer_schema.conform(answers, dataset)
            try:
                check_sector(answers, dataset)
            except AnswersError as exc:
                raise ClientFileError(f"{where}.answers.{exc.field}", exc.problem) from None
        out.append(Scenario(name=name, answers=answers))
    return tuple(out)


def loads(text: str, dataset: Dataset | None = None) -> ClientFile:
    return parse(decode(text), dataset)


def is_client_document(data: object) -> bool:
    """True for a decoded JSON object that claims to be a client file."""
    return isinstance(data, dict) and "format_version" in data


def read(path: str | Path, dataset: Dataset | None = None) -> ClientFile:
    """Read and validate a client file; every failure is one ClientFileError
    naming the file. The file is only ever read, through the shared reader
    (regular files only, never blocking, size capped: :mod:`.reading`)."""
    p = Path(path)
    name = p.name or str(p)
    try:
        text = decode_text(read_path(p, "client"))
    except InputError as exc:
        problem = exc.problem
        if problem.startswith("not UTF-8"):
            problem = "not UTF-8 text (damaged, or not a client file)"
        raise ClientFileError("", problem, name) from None
    try:
        return loads(text, dataset)
    except ClientFileError as exc:
        raise exc.in_file(name) from None


# --- comparison with the dataset in use ----------------------------------------------
@record
class Drift:
    """The file's recommendation under its dataset versus today's."""

    then_program: str
    then_version: str
    now_program: str
    now_version: str
    reasons: tuple[str, ...]


def drift(cf: ClientFile, now: Recommendation) -> Drift | None:
    """How the answer changed, when the file was made under another dataset
    version and the program recommended then is not today's."""
    if cf.dataset.version == now.dataset_version or cf.dataset.program == now.program:
        return None
    return Drift(cf.dataset.program, cf.dataset.version, now.program, now.dataset_version,
                 tuple(r.text for r in now.reasons))
