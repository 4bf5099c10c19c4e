"""Structured rule conditions: how a condition is checked against the facts
(:func:`advisor_gui.domain.engine.fact_specs` says which exist) when the dataset
loads, and how it is evaluated.

A condition is data (:class:`~advisor_gui.domain.models.Condition`); nothing in
the dataset is ever executed or passed to ``eval``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ..util.records import record
from .models import Condition

FactValue = bool | int | str | tuple[str, ...] | None


@record
class FactSpec:
    """What a fact holds: ``int``, ``bool``, ``enum`` (one of ``values``) or
    ``list`` (a tuple of ``values``); ``nullable`` allows None."""

    kind: str
    values: tuple[str, ...] = ()
    nullable: bool = False
    advice_only: bool = False  # only known once the program is chosen


_ORDER_OPS = {"lt", "le", "gt", "ge"}
_UNARY_OPS = {"empty", "nonempty", "is_null", "not_null"}


def _children(cond: Condition) -> Iterator[tuple[str, int, Condition]]:
    for key in ("all", "any", "none"):
        for i, child in enumerate(getattr(cond, key)):
            yield key, i, child


def check(
    cond: Condition, specs: Mapping[str, FactSpec], *, advice: bool
) -> list[tuple[tuple[str | int, ...], str]]:
    """Problems with a condition, each as (path inside the condition, message)."""
    problems: list[tuple[tuple[str | int, ...], str]] = []
    forms = [bool(cond.fact), bool(cond.all), bool(cond.any), bool(cond.none)]
    if sum(forms) != 1:
        return [((), "a condition needs exactly one of fact, all, any, none")]
    if not cond.fact:
        if cond.op or cond.value is not None or cond.ref:
            problems.append(((), "op, value and ref belong to a fact test"))
        for key, i, child in _children(cond):
            problems += [((key, i, *p), msg) for p, msg in check(child, specs, advice=advice)]
        return problems
    spec = specs.get(cond.fact)
    if spec is None:
        return [(("fact",), f"unknown fact {cond.fact!r}")]
    if spec.advice_only and not advice:
        return [(("fact",), f"{cond.fact!r} is only known to caution and step rules")]
    if not cond.op:
        return [(("op",), "a fact test needs an op")]
    if cond.op in _UNARY_OPS:
        if cond.value is not None or cond.ref:
            problems.append((("value",), f"{cond.op} takes no value"))
        if cond.op in {"empty", "nonempty"} and spec.kind != "list":
            problems.append((("op",), f"{cond.op} applies to lists, {cond.fact} is {spec.kind}"))
        if cond.op in {"is_null", "not_null"} and not spec.nullable:
            problems.append((("op",), f"{cond.fact} is never null"))
        return problems
    if cond.ref:
        other = specs.get(cond.ref)
        if other is None:
            return [(("ref",), f"unknown fact {cond.ref!r}")]
        if other.kind != spec.kind:
            problems.append((("ref",), f"{cond.ref} is {other.kind}, {cond.fact} is {spec.kind}"))
        if cond.value is not None:
            problems.append((("value",), "give value or ref, not both"))
        if cond.op not in _ORDER_OPS | {"eq", "ne"}:
            problems.append((("op",), f"{cond.op} cannot compare two facts"))
        return problems
    problems += [(("value",), msg) for msg in _value_problems(cond, spec)]
    return problems


def _value_problems(cond: Condition, spec: FactSpec) -> list[str]:
    value, op = cond.value, cond.op
    if op in _ORDER_OPS:
        if spec.kind != "int" or type(value) is not int:
            return [f"{op} compares integers; {cond.fact} is {spec.kind}, value {value!r}"]
        return []
    if op in {"in", "not_in", "contains_any"}:
        if not isinstance(value, tuple) or not value:
            return [f"{op} needs a non-empty list"]
        if op == "contains_any" and spec.kind != "list":
            return [f"contains_any applies to lists, {cond.fact} is {spec.kind}"]
        if op != "contains_any" and spec.kind != "enum":
            return [f"{op} applies to one-of facts, {cond.fact} is {spec.kind}"]
        bad = [v for v in value if v not in spec.values]
        return [f"{v!r} is not a value of {cond.fact}" for v in bad]
    # eq / ne
    if spec.kind == "bool":
        return [] if type(value) is bool else [f"{cond.fact} is yes/no, got {value!r}"]
    if spec.kind == "int":
        return [] if type(value) is int else [f"{cond.fact} is an integer, got {value!r}"]
    if spec.kind == "enum":
        if value is None and spec.nullable:
            return []
        ok = isinstance(value, str) and value in spec.values
        return [] if ok else [f"{value!r} is not a value of {cond.fact}"]
    return [f"{op} does not apply to the list {cond.fact}; use contains_any or empty"]


def holds(cond: Condition, facts: Mapping[str, FactValue]) -> bool:
    """Evaluate a condition that :func:`check` accepted."""
    if cond.all:
        return all(holds(c, facts) for c in cond.all)
    if cond.any:
        return any(holds(c, facts) for c in cond.any)
    if cond.none:
        return not any(holds(c, facts) for c in cond.none)
    actual = facts[cond.fact]
    op = cond.op
    if op == "is_null":
        return actual is None
    if op == "not_null":
        return actual is not None
    if op == "empty":
        return not actual
    if op == "nonempty":
        return bool(actual)
    expected = facts[cond.ref] if cond.ref else cond.value
    if op == "eq":
        return actual == expected
    if op == "ne":
        return actual != expected
    if op in _ORDER_OPS:
        if not isinstance(actual, int) or not isinstance(expected, int):
            return False  # a null threshold never compares
        if op == "lt":
            return actual < expected
        if op == "le":
            return actual <= expected
        if op == "gt":
            return actual > expected
        return actual >= expected
    assert isinstance(expected, tuple)
    if op == "in":
        return actual in expected
    if op == "not_in":
        return actual not in expected
    assert isinstance(actual, tuple)
    return any(v in expected for v in actual)  # contains_any
