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
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


@cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def build(tp: Any, data: Any) -> Any:
    """Turn JSON data into an instance of the annotated type ``tp``."""
    if data is None:
        return None
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return tp(**{name: build(hint, data[name]) for name, hint in _fields(tp) if name in data})
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return build(typing.get_args(tp)[0], data)
    if origin is tuple:
        item = typing.get_args(tp)[0]
        return tuple(build(item, x) for x in data)
    if origin in (typing.Union, types.UnionType):
        return _build_union(typing.get_args(tp), data)
    if tp is dt.date:
        return dt.date.fromisoformat(data)
    return data  # str, int, bool, Literal[...]


def _build_union(options: tuple[Any, ...], data: Any) -> Any:
    for option in options:
        if option is type(None):
            continue
        base = typing.get_args(option)[0] if typing.get_origin(option) is typing.Annotated else option
        if dataclasses.is_dataclass(base) and isinstance(data, dict):
            return build(base, data)
        if typing.get_origin(base) is tuple and isinstance(data, list):
            return build(base, data)
        if base is dt.date and isinstance(data, str):
            return build(base, data)
    return tuple(data) if isinstance(data, list) else data


def build_as(cls: type[T], data: Any) -> T:
    result: T = build(cls, data)
    return result
