"""Strict pydantic validation of the domain's dataclasses, imported only when
something is actually validated (the window starts without pydantic)."""

from __future__ import annotations

import functools
from typing import Any


@functools.cache
def adapter(cls: type) -> Any:
    """A pydantic TypeAdapter for ``cls``, built once."""
    import pydantic

    return pydantic.TypeAdapter(cls)
