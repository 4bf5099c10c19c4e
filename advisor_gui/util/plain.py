"""Rebuild the dataset's frozen dataclasses from JSON that was already validated.

The window starts from a cache written only after a full, strict validation
(:func:`advisor_gui.domain.loader.load_dataset`), so this builder trusts its
input and needs neither pydantic nor YAML: that keeps them off the start-up path.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


Converter = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


_CLASS_CONVERTERS: dict[type, Converter] = {}


def _class_converter(cls: type) -> Converter:
    """Registered before its fields are worked out, so recursive types
    (a Condition holds Conditions) resolve to the same function.

    Only the fields that need converting are touched; the rest of the JSON
    object goes to the constructor as it is (a key the class does not have is
    a TypeError, like a missing required one: the caller then revalidates)."""
    known = _CLASS_CONVERTERS.get(cls)
    if known is not None:
        return known
    converted: list[tuple[str, Converter]] = []

    def make(data: Any) -> Any:
        if converted:
            data = dict(data)
            for name, conv in converted:
                if name in data:
                    data[name] = conv(data[name])
        return cls(**data)

    _CLASS_CONVERTERS[cls] = make
    hints = _field_types(cls)
    for f in dataclasses.fields(cls):
        conv = converter(hints[f.name])
        if conv is not _identity:
            converted.append((f.name, conv))
    return make


def _field_types(cls: type) -> dict[str, Any]:
    """The fields' types as declared; typing.get_type_hints (which evaluates
    every annotation again) only for a class that names a type in a string."""
    declared = {f.name: f.type for f in dataclasses.fields(cls)}
    if any(_names_a_type(tp) for tp in declared.values()):
        return typing.get_type_hints(cls)
    return declared


def _names_a_type(tp: Any) -> bool:
    if isinstance(tp, str | typing.ForwardRef):
        return True
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Literal:
        return False  # its strings are values
    if origin is typing.Annotated:
        args = args[:1]  # the rest is metadata
    return any(_names_a_type(arg) for arg in args)


def converter(tp: Any) -> Converter:
    """A function turning JSON data into ``tp``, worked out once per type."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _class_converter(tp)
    return _converter(tp)


@cache
def _converter(tp: Any) -> Converter:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return converter(typing.get_args(tp)[0])
    if origin is tuple:
        item = converter(typing.get_args(tp)[0])
        if item is _identity:
            return tuple
        return lambda data: tuple(map(item, data))
    if origin in (typing.Union, types.UnionType):
        return _union_converter(typing.get_args(tp))
    if tp is dt.date:
        return dt.date.fromisoformat
    return _identity  # str, int, bool, Literal[...]


def _union_converter(options: tuple[Any, ...]) -> Converter:
    by_kind: dict[type, Converter] = {}
    for option in options:
        base = typing.get_args(option)[0] if typing.get_origin(option) is typing.Annotated else option
        if dataclasses.is_dataclass(base):
            by_kind[dict] = converter(base)
        elif typing.get_origin(base) is tuple:
            by_kind[list] = converter(base)
        elif base is dt.date:
            by_kind[str] = dt.date.fromisoformat
    if list not in by_kind:
        by_kind[list] = tuple

    def convert(data: Any) -> Any:
        conv = by_kind.get(type(data))
        return conv(data) if conv is not None else data

    return convert


def build_as(cls: type[T], data: Any) -> T:
    result: T = converter(cls)(data)
    return result
