"""Load and validate the rules dataset; every defect becomes one
``file:line: field: problem`` error and nothing is half-loaded.

Checks, in order: size, encoding, YAML syntax (no aliases, no duplicate keys),
strict types and unknown keys (pydantic over the dataclasses in
:mod:`.models`), then cross-references: unique ids, cited sources exist,
conditions name known facts and values, questions cover every answer key,
texts are given in English and French and use only known placeholders.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
from pathlib import Path
from typing import Any

from ..util import plain
from ..util.atomic import write_atomic
from ..util.digest import sha256
from ..util.reading import CAPS, InputError, clip, decode_text, one_line, quoted, read_path
from ..util.validation import adapter
from . import integrity
from .answer_schema import ADDED_KINDS, QUESTION_FACT_KINDS
from .conditions import FactSpec
from .conditions import check as check_condition
from .engine import DERIVED_FACTS, PLACEHOLDER, TEXT_FIELDS, fact_specs, unreachable
from .models import ANSWER_FIELDS, Cite, Condition, Dataset, Probe, Text

MAX_BYTES = CAPS["rules"]  # the shared reader's cap (advisor_gui.util.reading)
MAX_YAML_DEPTH = 64  # the bundled rules nest about 10 levels deep
MAX_INT_DIGITS = 100  # no number in a rules file is longer than a few digits
FieldPath = tuple[str | int, ...]


class DatasetError(Exception):
    """A dataset defect, located: ``file:line: field: problem``."""

    def __init__(self, file: str, line: int | None, field: str, problem: str) -> None:
        field = clip(field)
        self.file, self.line, self.field, self.problem = file, line, field, problem
        where = f"{file}:{line}" if line else file
        super().__init__(one_line(f"{where}: {field or '(document)'}: {problem}"))


def _q(value: object) -> str:
    """A value read from YAML as messages quote it (Python spelling, at most 80 characters)."""
    return quoted(value, python=True)


def dotted(path: FieldPath) -> str:
    out = ""
    for part in path:
        part = part if isinstance(part, int) else clip(part, 40)
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class _Refused(Exception):
    """A value refused while the YAML is built; ``node`` (when given) is the
    scalar at fault, so the error can name its field path."""

    def __init__(self, line: int, field: str, problem: str, node: Any = None) -> None:
        super().__init__(problem)
        self.line, self.field, self.problem, self.node = line, field, problem, node


_LOADER: Any = None


def _strict_loader() -> Any:
    """A safe YAML loader that refuses aliases, merge keys and duplicate keys
    while it constructs (no extra pass over the document)."""
    global _LOADER
    if _LOADER is None:
        import yaml

        base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        class StrictLoader(base):  # type: ignore[misc, valid-type]
            def construct_object(self, node: Any, deep: bool = False) -> Any:
                if node in self.constructed_objects:
                    raise _Refused(node.start_mark.line + 1, "(yaml)",
                                   "YAML anchors and aliases are not allowed in the dataset")
                return super().construct_object(node, deep)

            def construct_mapping(self, node: Any, deep: bool = False) -> Any:
                seen: set[object] = set()
                for key_node, _value in node.value:
                    if key_node.tag == "tag:yaml.org,2002:merge":
                        raise _Refused(key_node.start_mark.line + 1, "(yaml)", "merge keys (<<) are not allowed")
                    if key_node.value in seen:
                        raise _Refused(key_node.start_mark.line + 1, str(key_node.value), "duplicate key")
                    seen.add(key_node.value)
                return super().construct_mapping(node, deep)

            def construct_yaml_timestamp(self, node: Any) -> Any:
                try:
                    return super().construct_yaml_timestamp(node)
                except (ValueError, OverflowError):
                    raise _Refused(node.start_mark.line + 1, "(yaml)",
                                   f"{_q(node.value)} is not a real date (YYYY-MM-DD)", node) from None

            def construct_yaml_int(self, node: Any) -> Any:
                if len(str(node.value)) > MAX_INT_DIGITS:
                    raise _Refused(node.start_mark.line + 1, "(yaml)",
                                   f"a number of more than {MAX_INT_DIGITS} digits ({_q(node.value)})", node)
                return super().construct_yaml_int(node)

        StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)
        StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
        _LOADER = StrictLoader
    return _LOADER


def _children(node: Any) -> list[tuple[str | int, Any]]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [(str(k.value), v) for k, v in node.value]
    if isinstance(node, yaml.SequenceNode):
        return list(enumerate(node.value))
    return []


def _check_depth(file: str, root: Any) -> None:
    """Refuse nesting deeper than :data:`MAX_YAML_DEPTH` before anything
    recursive (construction, JSON, pydantic, the line map) walks the tree."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_YAML_DEPTH:
            raise DatasetError(file, node.start_mark.line + 1, "(yaml)",
                               f"nested more than {MAX_YAML_DEPTH} levels deep")
        stack.extend((child, depth + 1) for _key, child in _children(node))


def _path_of(root: Any, target: Any) -> FieldPath | None:
    """The field path of ``target`` (a node) under ``root``, without recursion."""
    stack: list[tuple[Any, FieldPath]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        stack.extend((child, (*path, key)) for key, child in _children(node))
    return None


class _Located:
    """The parsed YAML; the line of a field path is worked out only when an
    error needs it."""

    def __init__(self, file: str, text: str) -> None:
        import yaml

        self.file, self._text = file, text
        self._lines: dict[FieldPath, int] | None = None
        loader = _strict_loader()(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise DatasetError(file, 1, "", "the file is empty")
            _check_depth(file, node)
            self.data: Any = loader.construct_document(node)
        except _Refused as exc:
            path = _path_of(node, exc.node) if exc.node is not None else None
            raise DatasetError(file, exc.line, dotted(path) if path else exc.field, exc.problem) from None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            raise DatasetError(file, line, "(yaml)", str(exc.problem or exc).strip()) from None
        except yaml.YAMLError as exc:
            raise DatasetError(file, None, "(yaml)", str(exc).strip()) from None
        except (ValueError, OverflowError, RecursionError) as exc:  # a constructor's own refusal
            raise DatasetError(file, None, "(yaml)", clip(str(exc) or type(exc).__name__)) from None
        finally:
            loader.dispose()

    def _line_map(self) -> dict[FieldPath, int]:
        if self._lines is None:
            self._lines = {}
            loader = _strict_loader()(self._text)
            try:
                self._walk(loader.get_single_node(), ())
            finally:
                loader.dispose()
        return self._lines

    def _walk(self, node: Any, path: FieldPath) -> None:
        import yaml

        lines = self._lines
        assert lines is not None
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                key = (*path, str(key_node.value))
                lines[key] = key_node.start_mark.line + 1
                self._walk(value_node, key)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._walk(item, (*path, i))

    def error(self, path: FieldPath, problem: str) -> DatasetError:
        lines = self._line_map()
        probe = tuple(path)
        while probe and probe not in lines:
            probe = probe[:-1]
        return DatasetError(self.file, lines.get(probe, 1), dotted(path), problem)


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a dataset value")


def _validate_types(doc: _Located) -> Dataset:
    import pydantic  # only here: the window starts from the validated cache

    if not isinstance(doc.data, dict):
        raise doc.error((), "the dataset must be a mapping of fields")
    try:
        payload = json.dumps(doc.data, default=_json_default)
    except (TypeError, ValueError) as exc:
        raise doc.error((), f"unsupported value: {exc}") from None
    try:
        dataset: Dataset = _adapter().validate_json(payload, strict=True)
    except pydantic.ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        path = tuple(p for p in first["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        raise doc.error(path, _explain(first)) from None
    return dataset


_LANGUAGES = {"en": "English", "fr": "French"}


@functools.cache
def _text_fields() -> frozenset[str]:
    """The names of the dataset fields that hold a :class:`Text` (``name``, ``summary`` …)."""
    import typing

    from . import models

    names: set[str] = set()
    for cls in vars(models).values():
        if isinstance(cls, type) and dataclasses.is_dataclass(cls):
            for name, hint in typing.get_type_hints(cls).items():
                if hint is Text or Text in typing.get_args(hint):
                    names.add(name)
    return frozenset(names)


def _explain(error: Any) -> str:
    kind, value = error["type"], error.get("input")
    last = error["loc"][-1] if error["loc"] else None  # the field at fault
    if last in _LANGUAGES and kind in {"missing_argument", "missing", "string_too_short"}:
        state = "missing" if kind != "string_too_short" else "empty"
        return f"the {_LANGUAGES[last]} text is {state}: every text needs both en and fr"
    if isinstance(value, str) and last in _text_fields() and kind.startswith(("dataclass", "model")):
        return f"a text needs both languages, as {{en: \"…\", fr: \"…\"}} (got {_q(value)})"
    if kind == "unexpected_keyword_argument":
        return "unknown field"
    if kind == "missing_argument" or kind == "missing":
        return "required field is missing"
    if kind in {"string_type", "literal_error"} and isinstance(value, bool):
        return (f"{error['msg']}; got {_q(value)}: YAML reads bare ON/YES/NO/OFF as booleans, "
                "quote the value")
    return f"{error['msg']} (got {_q(value)})" if not isinstance(value, dict | list) else error["msg"]


def _adapter() -> Any:
    return adapter(Dataset)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the dataset (written to ``data/rules.schema.json``)."""
    schema: dict[str, Any] = _adapter().json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "COR/SECOR Advisor rules dataset"
    return schema


def _leaves(value: Any, path: FieldPath, found: list[tuple[FieldPath, Any]]) -> None:
    """Collect every Cite and Text inside a dataclass tree, with its path (one pass)."""
    if isinstance(value, Cite | Text):
        found.append((path, value))
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            _leaves(item, (*path, i), found)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls: type = type(value)
        for name in _field_names(cls):
            _leaves(getattr(value, name), (*path, name), found)


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _unique(doc: _Located, items: tuple[Any, ...], key: str, where: str) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            raise doc.error((where, i, key), f"duplicate {key} {_q(value)}")
        seen.add(value)
    return seen


def _cross_check(doc: _Located, ds: Dataset) -> None:
    source_ids = _unique(doc, ds.sources, "id", "sources")
    leaves: list[tuple[FieldPath, Any]] = []
    _leaves(ds, (), leaves)
    for path, leaf in leaves:
        if isinstance(leaf, Cite) and leaf.source not in source_ids:
            raise doc.error((*path, "source"), f"cites unknown source {_q(leaf.source)}")
    sector_ids = _unique(doc, ds.sectors, "id", "sectors")
    for needed in ("construction", "oil_and_gas", "other"):
        if needed not in sector_ids:
            raise doc.error(("sectors",), f"the sector {_q(needed)} of the answers contract is missing")
    codes = _unique(doc, ds.jurisdictions, "code", "jurisdictions")
    del codes  # Len(13) + unique + Literal codes = all thirteen
    _unique(doc, ds.programs, "code", "programs")
    for i in range(len(ds.jurisdictions)):
        _check_jurisdiction(doc, ds, i, sector_ids)
    _unique(doc, ds.comparison, "id", "comparison")
    _unique(doc, ds.guidance, "id", "guidance")
    _unique(doc, ds.faq, "id", "faq")
    question_ids = _unique(doc, ds.questions, "id", "questions")
    missing = [k for k in ANSWER_FIELDS if k not in question_ids]
    if missing:
        raise doc.error(("questions",), f"no question asks for {', '.join(missing)}")
    for i, q in enumerate(ds.questions):
        _check_question_key(doc, q.id, q.kind, i)
    specs = fact_specs(ds)
    for i, q in enumerate(ds.questions):
        if specs[q.id].kind != QUESTION_FACT_KINDS[q.kind]:
            raise doc.error(("questions", i, "kind"),
                            f"a {q.kind} question cannot ask for {q.id}, which is {specs[q.id].kind}")
        for k, probe in enumerate(q.what_if):
            problem = _probe_problem(specs[q.id], probe)
            if problem:
                raise doc.error(("questions", i, "what_if", k), problem)
        if q.shown_when is not None:
            _check_condition(doc, q.shown_when, ("questions", i, "shown_when"), specs, advice=False)
        if q.kind in {"choice", "multi_choice"} and q.id in specs:
            allowed = specs[q.id].values
            for k, choice in enumerate(q.choices):
                if choice.value not in allowed:
                    raise doc.error(("questions", i, "choices", k, "value"),
                                    f"{_q(choice.value)} is not a value of {q.id}")
    rule_ids = _unique(doc, ds.rules, "id", "rules")
    for i, rule in enumerate(ds.rules):
        advice = rule.effect in {"caution", "step"}
        _check_condition(doc, rule.when, ("rules", i, "when"), specs, advice=advice)
    if not any(r.effect == "small" for r in ds.rules):
        raise doc.error(("rules",), "no rule ever recommends the small-employer program")
    _unique(doc, ds.source_notes, "id", "source_notes")
    # The engine matches a source note against the reasons and cautions given:
    # a step (or another advice kind) would never show it.
    matchable = {r.id for r in ds.rules if r.effect != "step"}
    for i, note in enumerate(ds.source_notes):
        for k, rid in enumerate(note.rules):
            if rid not in rule_ids:
                raise doc.error(("source_notes", i, "rules", k), f"unknown rule {_q(rid)}")
            if rid not in matchable:
                raise doc.error(("source_notes", i, "rules", k),
                                f"{_q(rid)} is a next step: a source note can only follow a reason or a caution")
        if note.when is not None:
            _check_condition(doc, note.when, ("source_notes", i, "when"), specs, advice=True)
    for i, j in enumerate(ds.jurisdictions):
        for k, fact in enumerate(j.notes):
            if fact.when is not None:
                _check_condition(doc, fact.when, ("jurisdictions", i, "notes", k, "when"), specs, advice=True)
    for i, dim in enumerate(ds.comparison):
        seen: set[str] = set()
        for k, cell in enumerate(dim.by_province):
            for c, code in enumerate(cell.jurisdictions):
                if code in seen:
                    raise doc.error(("comparison", i, "by_province", k, "jurisdictions", c),
                                    f"{code} already has a cell in this row")
                seen.add(code)
                if cell.small is not None and ds.jurisdiction(code).small_program is None:
                    raise doc.error(("comparison", i, "by_province", k, "small"),
                                    f"{code} has no small-employer program to compare")
    _check_timing(doc, ds, sector_ids)
    for path, problem in unreachable(ds):
        raise doc.error(path, problem)
    for path, leaf in leaves:
        if isinstance(leaf, Text):
            for lang in ("en", "fr"):
                if not getattr(leaf, lang).strip():
                    raise doc.error((*path, lang),
                                    f"the {_LANGUAGES[lang]} text is blank: every text needs both en and fr")
                for name in PLACEHOLDER.findall(getattr(leaf, lang)):
                    if name not in TEXT_FIELDS:
                        raise doc.error((*path, lang), f"unknown placeholder {{{name}}}")


def _check_timing(doc: _Located, ds: Dataset, sector_ids: set[str]) -> None:
    """The plan's timing steps: unique ids, known sectors, and a date rule that
    means something (an undated step moves nothing; a certificate counts only
    for a cycle; the target is never counted from itself)."""
    _unique(doc, ds.timing, "id", "timing")
    for i, step in enumerate(ds.timing):
        base = ("timing", i)
        for k, sector in enumerate(step.sectors):
            if sector not in sector_ids:
                raise doc.error((*base, "sectors", k), f"unknown sector {_q(sector)}")
        moved = step.years or step.months or step.days or step.year_end or step.target
        if step.anchor is None and moved:
            raise doc.error((*base, "anchor"), "an undated step (no anchor) cannot move a date or be the target")
        if step.anchor == "certificate" and step.track != "cycle":
            raise doc.error((*base, "anchor"), "only a cycle step counts from the certificate date")
        if step.target and (step.anchor == "target" or step.track != "first_cor"):
            raise doc.error((*base, "target"), "the target is a first_cor step dated from today")
        if step.track == "cycle" and not step.holds:
            raise doc.error((*base, "holds"), "a cycle step says which certificate it follows (secor or cor)")
    timing_ids = {step.id for step in ds.timing}
    _unique(doc, ds.working_elsewhere, "id", "working_elsewhere")
    for i, route in enumerate(ds.working_elsewhere):
        base = ("working_elsewhere", i)
        if route.id in timing_ids:
            raise doc.error((*base, "id"), f"{_q(route.id)} is already the id of a timing step")
        for field in ("sectors", "except_sectors"):
            for k, sector in enumerate(getattr(route, field)):
                if sector not in sector_ids:
                    raise doc.error((*base, field, k), f"unknown sector {_q(sector)}")


def _check_question_key(doc: _Located, key: str, kind: str, i: int) -> None:
    """A question either asks for one of the contract's keys or adds one of a
    kind the answer schema can add, under a name no other fact has."""
    if key in ANSWER_FIELDS:
        return
    if kind not in ADDED_KINDS:
        raise doc.error(("questions", i, "kind"),
                        f"{_q(key)} is not an answer key of the contract, and a dataset can only add "
                        f"{', '.join(ADDED_KINDS)} questions")
    if key in DERIVED_FACTS or not key.isidentifier():
        raise doc.error(("questions", i, "id"),
                        f"{_q(key)} cannot name an added answer: it must be a name (letters, digits, _) "
                        "that no other fact has")


def _probe_problem(spec: FactSpec, probe: Probe) -> str | None:
    """What is wrong with a what-if's trial answer for its question, if anything."""
    if spec.kind == "int":
        return None if probe.direction and probe.value is None else "a count's what-if takes a direction, no value"
    value = probe.value
    if probe.direction:
        return "only a count's what-if takes a direction"
    if spec.kind == "bool":
        fits = type(value) is bool
    elif spec.kind == "enum":
        fits = isinstance(value, str) and value in spec.values
    else:
        fits = isinstance(value, tuple) and all(v in spec.values for v in value)
    return None if fits else f"value {_q(value)} is not an answer to this question"


def _check_jurisdiction(doc: _Located, ds: Dataset, i: int, sector_ids: set[str]) -> None:
    j = ds.jurisdictions[i]
    base = ("jurisdictions", i)
    if j.participates and (j.cor_line is None or j.cor_min_workers is None):
        raise doc.error((*base, "cor_line"), "a participating jurisdiction needs cor_line and cor_min_workers")
    if not j.participates and (j.small_program or j.partners):
        raise doc.error((*base, "participates"), "a jurisdiction that does not participate offers no program")
    if j.small_program is None and j.small_max_workers is not None:
        raise doc.error((*base, "small_max_workers"), "a limit without a small-employer program")
    if j.issuer is not None and not j.issuer_cite:
        raise doc.error((*base, "issuer_cite"), "the issuer needs its citation (issuer_cite)")
    if j.participates and not any(not rule.sectors for rule in j.counting):
        raise doc.error((*base, "counting"), "a participating jurisdiction needs a counting rule for every sector")
    if not j.participates and j.counting:
        raise doc.error((*base, "counting"), "no program here, so no counting rule")
    for k, rule in enumerate(j.counting):
        for s, sector in enumerate(rule.sectors):
            if sector not in sector_ids:
                raise doc.error((*base, "counting", k, "sectors", s), f"unknown sector {_q(sector)}")
        if (rule.basis == "fte") == bool(rule.counts):
            raise doc.error((*base, "counting", k, "counts"),
                            "an FTE rule counts payroll hours; any other rule lists the counts it adds up")
    if j.small_program is None and j.comparison_note is None:
        raise doc.error((*base, "comparison_note"),
                        "without a small-employer program the comparison needs a short explanation")
    for k, partner in enumerate(j.partners):
        for s, sector in enumerate(partner.sectors):
            if sector not in sector_ids:
                raise doc.error((*base, "partners", k, "sectors", s), f"unknown sector {_q(sector)}")
        for s, program in enumerate(partner.programs):
            if program != "COR" and program != j.small_program:
                raise doc.error((*base, "partners", k, "programs", s),
                                f"{program} is not offered in {j.code}")


def _check_condition(doc: _Located, cond: Condition, path: FieldPath, specs: Any, *, advice: bool) -> None:
    problems = check_condition(cond, specs, advice=advice)
    if problems:
        sub, message = problems[0]
        raise doc.error((*path, *sub), message)


def read_bytes(path: Path) -> bytes:
    """Read a dataset file through the shared reader (:mod:`.reading`): a
    regular file only, never blocking, at most :data:`MAX_BYTES`, BOM dropped."""
    try:
        return read_path(path, "rules")
    except InputError as exc:
        raise DatasetError(str(path), None, "", exc.problem) from None


def parse_dataset(raw: bytes, name: str) -> Dataset:
    try:
        text = decode_text(raw)
    except InputError as exc:
        raise DatasetError(name, exc.line, "", exc.problem) from None
    doc = _Located(name, text)
    dataset = _validate_types(doc)
    _cross_check(doc, dataset)
    return dataset


def verify_seal(raw: bytes, name: str, digest: str | None = None) -> None:
    """Refuse a file whose sha256 seal is missing or does not match its content
    (truncated, tampered with, damaged), before anything parses it. ``digest``:
    its content digest, when the caller has it."""
    problem = integrity.check_seal(raw, digest)
    if problem is not None:
        raise DatasetError(name, problem.line, "sha256", problem.message)


def load_dataset(path: str | os.PathLike[str], *, require_seal: bool = False) -> Dataset:
    """Fully validate a dataset file (YAML + strict types + cross-references).

    ``require_seal``: check the file's sha256 seal first (imported and installed
    files, the bundled file at start-up). Authoring tools leave it off, so a
    file can be validated while it is being edited.
    """
    p = Path(path)
    raw = read_bytes(p)
    if require_seal:
        verify_seal(raw, str(path))
    return parse_dataset(raw, str(path))


# --- the validated cache -------------------------------------------------------

@functools.cache
def _schema_fingerprint() -> str:
    """The models' source hash (read once): a cache written by other models is never read."""
    from . import models

    return sha256(Path(models.__file__).read_bytes()).hexdigest()[:16]


def cache_key(raw: bytes, digest: str | None = None) -> str:
    """What names the validated cache of ``raw``: the file's identity (its
    content digest, ``digest`` when the caller has it, and its seal lines with
    their places: see :func:`integrity.identity`) and the models' fingerprint."""
    return integrity.identity(raw, digest) + "-" + _schema_fingerprint()


def cache_name(raw: bytes, digest: str | None = None) -> str:
    """The file name of the validated cache for a dataset's bytes."""
    return f"rules-{cache_key(raw, digest)}.json"


def load_with_cache(path: Path, cache_dir: Path, prebuilt_dir: Path | None = None, *,
                    require_seal: bool = False) -> Dataset:
    """Load through a JSON cache written only after a full validation.

    The cache is keyed by the dataset's content and the models' source, so any
    edit to either revalidates. ``prebuilt_dir`` is where a frozen build keeps
    the cache it validated at build time (looked at first, never written).
    Writing the user cache is best effort. The seal (when required) is checked
    on every load, cached or not: it costs one hash.
    """
    raw = read_bytes(path)
    digest = integrity.content_digest(raw)  # the file is hashed once: for its seal and the cache's name
    if require_seal:
        verify_seal(raw, str(path), digest)
    try:
        name = cache_name(raw, digest)
    except OSError:  # the models' source is unreadable: no safe key, so no cache
        return parse_dataset(raw, str(path))
    for folder in (prebuilt_dir, cache_dir):
        if folder is None:
            continue
        try:
            return plain.build_as(Dataset, json.loads((folder / name).read_bytes()))
        except (OSError, ValueError, KeyError, TypeError):
            pass
    dataset = parse_dataset(raw, str(path))
    write_cache(dataset, cache_dir / name)
    return dataset


def cache_file_for(raw: bytes, cache_dir: Path) -> Path:
    return cache_dir / cache_name(raw)


def write_cache(dataset: Dataset, cache_file: Path) -> None:
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(cache_file, _adapter().dump_json(dataset))
    except OSError:
        pass
