"""Frozen dataclasses that are cheap to define.

``@dataclass(frozen=True, slots=True)`` compiles six methods per class, one
``exec`` each (≈1.4 ms a class on Python 3.11, nearly all of it ``compile``),
and the window defines some thirty such classes before it can show. Only
``__init__`` depends on the field names, so :func:`record` makes that one method
per class (from code compiled once per number of fields, given the class's
field names), and shares one definition of the others:

* ``__eq__``/``__hash__``: the tuple of the fields, for instances of the same class;
* ``__repr__``: ``Name(field=value, ...)``;
* ``__setattr__``/``__delattr__``: a field can be neither assigned nor deleted
  (:class:`dataclasses.FrozenInstanceError`); ``__init__`` sets them as a
  frozen dataclass does, through ``object.__setattr__``;
* ``__getstate__``/``__setstate__``: pickling and copying, as for a frozen
  slotted dataclass.

The rest (fields, ``__slots__``, ``__match_args__``) comes from
:func:`dataclasses.dataclass` itself, so a record is a real dataclass for
:mod:`dataclasses` and pydantic; only ``__dataclass_params__`` tells the
difference (it reads ``init``, ``repr``, ``eq`` and ``frozen`` False, since
those methods are made here). ``tests/test_records.py`` holds a record to the
behaviour of ``@dataclass(frozen=True, slots=True)``.

Records keep to plain fields: a default value at most. ``default_factory``,
``field(init=False, compare=False, ...)``, ``kw_only``, ``InitVar``,
``__post_init__`` and inheritance are refused when the class is defined: such
a class should use ``@dataclass``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from types import CodeType, FunctionType
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

_OWN = ("__init__", "__eq__", "__hash__", "__repr__", "__setattr__", "__delattr__",
        "__getstate__", "__setstate__", "__post_init__", "_record_values")
_set = object.__setattr__


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


def _setattr(self: Any, name: str, value: Any) -> None:
    if name in self.__dataclass_fields__:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
    _set(self, name, value)  # any other name: AttributeError (slots)


def _delattr(self: Any, name: str) -> None:
    if name in self.__dataclass_fields__:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
    object.__delattr__(self, name)


def _getstate(self: Any) -> list[Any]:
    return list(self._record_values(self))


def _setstate(self: Any, state: list[Any]) -> None:
    for f, value in zip(dataclasses.fields(self), state, strict=False):
        _set(self, f.name, value)


def _values_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) >= 2:
        return attrgetter(*names)  # a tuple, in C
    if names:
        name = names[0]
        return lambda obj: (getattr(obj, name),)
    return lambda obj: ()


def _template(arity: int) -> CodeType:
    """The code of ``__init__(self, p0, ..., p<arity-1>)`` setting each
    parameter as the field of its name, compiled once per number of fields."""
    code = _TEMPLATES.get(arity)
    if code is None:
        params = [f"__record_p{i}__" for i in range(arity)]
        body = [f" __record_set__(__record_self__, {p!r}, {p})" for p in params]
        source = f"def __init__({', '.join(['__record_self__', *params])}):\n" + ("\n".join(body) or " pass") + "\n"
        env: dict[str, Any] = {}
        exec(source, env)  # built from the number of fields only
        code = _TEMPLATES[arity] = env["__init__"].__code__
    return code


_TEMPLATES: dict[int, CodeType] = {}


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """``__init__(self, field, ..., field=default)`` setting each field as a
    frozen dataclass does. Compiling one per class cost ≈ 0.1–0.2 ms a class
    at start-up; the code compiled once per number of fields is given the
    class's field names instead (as local names and as the names it sets),
    and its defaults as the function's defaults."""
    template = _template(len(fields))
    names = {f"__record_p{i}__": f.name for i, f in enumerate(fields)}
    code = template.replace(
        co_varnames=tuple(names.get(name, name) for name in template.co_varnames),
        co_consts=tuple(names.get(c, c) if isinstance(c, str) else c for c in template.co_consts))
    defaults = tuple(f.default for f in fields if f.default is not dataclasses.MISSING)
    init: Callable[..., None] = FunctionType(code, {"__record_set__": _set}, "__init__", defaults or None)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    return init


def _refuse(cls: type, why: str) -> TypeError:
    return TypeError(f"{cls.__qualname__}: {why}; use @dataclass(frozen=True, slots=True) for this class")


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True, slots=True)``, making only ``__init__`` per class."""
    return _make(cls, weakref_slot=False)


@dataclass_transform(frozen_default=True)
def weakref_record(cls: type[T]) -> type[T]:
    """A :func:`record` that can be weakly referenced (``weakref_slot=True``):
    for an object that caches derived data elsewhere until it is collected."""
    return _make(cls, weakref_slot=True)


def _make(cls: type[T], *, weakref_slot: bool) -> type[T]:
    for name in _OWN:
        if name in cls.__dict__:
            raise _refuse(cls, f"it defines {name}")
    if cls.__bases__ != (object,):
        raise _refuse(cls, "a record inherits from nothing")
    has_doc = bool(cls.__doc__)
    if not has_doc:
        cls.__doc__ = "(written below)"  # dataclasses would sign it from object.__init__, parsing text
    made: Any = dataclasses.dataclass(init=False, repr=False, eq=False, slots=True, weakref_slot=weakref_slot)(cls)
    fields = dataclasses.fields(made)
    if len(fields) != len(made.__dataclass_fields__):
        raise _refuse(cls, "an InitVar or ClassVar annotation")
    defaulted = False
    for f in fields:
        plain = (f.init and f.repr and f.compare and f.hash is None and not f.kw_only
                 and f.default_factory is dataclasses.MISSING and f.name != "__record_self__")
        if not plain:
            raise _refuse(cls, f"field {f.name} is not a plain field")
        if f.default is dataclasses.MISSING and defaulted:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
        defaulted = defaulted or f.default is not dataclasses.MISSING
    made.__init__ = _init(made, fields)
    made._record_values = staticmethod(_values_of(tuple(f.name for f in fields)))
    made.__eq__ = _eq
    made.__hash__ = _hash
    made.__repr__ = _repr
    made.__setattr__ = _setattr
    made.__delattr__ = _delattr
    made.__getstate__ = _getstate
    made.__setstate__ = _setstate
    if not has_doc:  # as dataclasses documents a class without a docstring
        import inspect

        made.__doc__ = made.__name__ + str(inspect.signature(made)).replace(" -> None", "")
    result: type[T] = made
    return result
