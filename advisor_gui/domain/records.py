"""Frozen dataclasses that are cheap to define.

``@dataclass(frozen=True, slots=True)`` compiles six methods per class with
``exec`` (≈1.4 ms a class on Python 3.11), and the window defines some thirty
such classes before it can show. Comparison, hashing and ``repr`` depend on
nothing but the class's field names, so :func:`record` defines them once, here,
and has :func:`dataclasses.dataclass` generate only what is specific to each
class: ``__init__`` and the frozen ``__setattr__``/``__delattr__``.

A record behaves as ``@dataclass(frozen=True, slots=True)`` does: equal when of
the same class with equal fields (compared as tuples), hashed as the tuple of
its fields, shown as ``Name(field=value, ...)``, immutable, and still a real
dataclass for :mod:`dataclasses` and pydantic. Only ``__dataclass_params__``
tells the difference (``eq`` and ``repr`` read False). Fields may not opt out
of comparison, hashing or ``repr``: such a class should use ``@dataclass``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

_VALUES = "_record_values"  # the class attribute: instance -> tuple of its field values


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        return self._record_values(self) == other._record_values(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self._record_values(self))


def _repr(self: Any) -> str:
    cls = self.__class__
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(cls))
    return f"{cls.__qualname__}({shown})"


def _values_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) >= 2:
        return attrgetter(*names)  # a tuple, in C
    if names:
        name = names[0]
        return lambda obj: (getattr(obj, name),)
    return lambda obj: ()


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True, slots=True)``, defined without compiling
    ``__eq__``, ``__hash__`` and ``__repr__`` for the class."""
    for name in ("__eq__", "__hash__", "__repr__", _VALUES):
        if name in cls.__dict__:
            raise TypeError(f"{cls.__qualname__} defines {name}; use @dataclass for it")
    made: Any = dataclasses.dataclass(frozen=True, slots=True, eq=False, repr=False)(cls)
    fields = dataclasses.fields(made)
    for f in fields:
        if not (f.compare and f.repr and f.hash is None):
            raise TypeError(f"{cls.__qualname__}.{f.name}: a record compares, hashes and shows every field; "
                            "use @dataclass for this class")
    setattr(made, _VALUES, staticmethod(_values_of(tuple(f.name for f in fields))))
    made.__eq__ = _eq
    made.__hash__ = _hash
    made.__repr__ = _repr
    result: type[T] = made
    return result
