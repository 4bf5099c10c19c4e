"""@record behaves as @dataclass(frozen=True, slots=True) does."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass
from typing import Any

import pytest

from advisor_gui.domain import models
from advisor_gui.domain.records import record


@record
class Point:
    x: int
    y: tuple[Any, ...] = ()
    label: str | None = None


@dataclass(frozen=True, slots=True)
class PointDC:
    x: int
    y: tuple[Any, ...] = ()
    label: str | None = None


@record
class One:
    only: Any


@dataclass(frozen=True, slots=True)
class OneDC:
    only: Any


@record
class Empty:
    pass


@dataclass(frozen=True, slots=True)
class EmptyDC:
    pass


NAN = float("nan")
SAMPLES: list[tuple[Any, ...]] = [
    (1,), (1, (2, 3)), (1, (2, 3), "a"), (2, (2, 3), "a"), (1, (), None), (True,), (1.0,),
    (1, (NAN,)), (NAN,), (1, ([1],)),
]


def _shown(obj: object) -> str:
    return repr(obj).replace(type(obj).__qualname__, "_", 1)


@pytest.mark.parametrize(("rec", "ref", "samples"), [
    (Point, PointDC, SAMPLES),
    (One, OneDC, [s[:1] for s in SAMPLES] + [(None,), ((1, 2),)]),
    (Empty, EmptyDC, [()]),
])
def test_same_equality_hash_and_repr(rec: Any, ref: Any, samples: list[tuple[Any, ...]]) -> None:
    for a in samples:
        ra, da = rec(*a), ref(*a)
        assert _shown(ra) == _shown(da)
        try:
            expected_hash: int | None = hash(da)
        except TypeError:  # an unhashable field value
            expected_hash = None
            with pytest.raises(TypeError):
                hash(ra)
        if expected_hash is not None:
            assert hash(ra) == expected_hash
        for b in samples:
            assert (ra == rec(*b)) == (da == ref(*b)), (a, b)
            assert (ra != rec(*b)) == (da != ref(*b)), (a, b)
        assert ra != da and da != ra  # another class is never equal
        assert ra.__eq__(object()) is NotImplemented


def test_frozen_slotted_and_still_a_dataclass() -> None:
    p = Point(1, (2,), "a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del p.x  # type: ignore[misc]
    assert not hasattr(p, "__dict__")
    assert dataclasses.is_dataclass(p)
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "label"]
    assert Point.__match_args__ == ("x", "y", "label")
    assert dataclasses.replace(p, x=5) == Point(5, (2,), "a")
    assert dataclasses.asdict(p) == {"x": 1, "y": (2,), "label": "a"}
    assert pickle.loads(pickle.dumps(p)) == p
    assert {p, Point(1, (2,), "a")} == {p}


def test_refuses_what_it_cannot_honour() -> None:
    with pytest.raises(TypeError, match="defines __eq__"):
        @record
        class OwnEq:
            x: int

            def __eq__(self, other: object) -> bool:
                return True

    with pytest.raises(TypeError, match="every field"):
        @record
        class Hidden:
            x: int = dataclasses.field(compare=False)


def test_every_model_is_a_record() -> None:
    for name in dir(models):
        cls = getattr(models, name)
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == models.__name__:
            assert cls.__eq__ is not object.__eq__ and cls.__hash__ is not None, name
            assert "__slots__" in cls.__dict__ and cls.__dataclass_params__.frozen, name
