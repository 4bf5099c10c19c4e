"""Field constraints as light markers: pydantic applies them when it validates
(through ``annotated_types``, imported only then), and the window, which starts
from the validated cache, never pays for importing that package."""

from __future__ import annotations

from typing import Annotated, Any


class _Constraint:
    __slots__ = ("args",)

    def __init__(self, *args: int) -> None:
        self.args = args

    def __repr__(self) -> str:
        return f"{type(self).__name__}{self.args}"

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        import annotated_types

        real = getattr(annotated_types, type(self).__name__)(*self.args)
        return handler(Annotated[source, real])


class Ge(_Constraint):
    """At least ``Ge(n)``."""


class Le(_Constraint):
    """At most ``Le(n)``."""


class MinLen(_Constraint):
    """At least ``MinLen(n)`` items or characters."""


class Len(_Constraint):
    """Between ``Len(lo, hi)`` items."""
