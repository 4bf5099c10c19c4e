"""@record behaves as @dataclass(frozen=True, slots=True) does."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from dataclasses import dataclass
from typing import Any

import pytest

from advisor_gui.domain import models
from advisor_gui.util.records import record


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
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'x'"):
        p.x = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'x'"):
        del p.x  # type: ignore[misc]
    with pytest.raises(AttributeError):
        p.other = 1  # type: ignore[attr-defined]
    assert not hasattr(p, "__dict__")
    assert Point.__slots__ == PointDC.__slots__
    assert dataclasses.is_dataclass(p)
    assert [f.name for f in dataclasses.fields(Point)] == ["x", "y", "label"]
    assert Point.__match_args__ == PointDC.__match_args__
    assert dataclasses.replace(p, x=5) == Point(5, (2,), "a")
    assert dataclasses.asdict(p) == {"x": 1, "y": (2,), "label": "a"}
    assert {p, Point(1, (2,), "a")} == {p}


def test_same_constructor() -> None:
    assert str(inspect.signature(Point)) == str(inspect.signature(PointDC))
    assert Point.__init__.__qualname__ == "Point.__init__"
    assert Point(1) == Point(x=1) == Point(1, (), None)
    assert Point(1, label="b").label == "b"
    for args, kwargs in [((), {}), ((1, 2, 3, 4), {}), ((1,), {"x": 1}), ((1,), {"nope": 1})]:
        with pytest.raises(TypeError):
            Point(*args, **kwargs)
        with pytest.raises(TypeError):
            PointDC(*args, **kwargs)
    default: tuple[Any, ...] = ()
    assert Point(1).y is default and Empty() == Empty()


def test_records_of_as_many_fields_share_code_but_keep_their_own_names_and_defaults() -> None:
    @record
    class Pair:
        a: int
        b: str = "b"

    @record
    class Other:
        first: str
        second: tuple[int, ...] = (1,)

    assert Pair.__init__.__code__ is not Other.__init__.__code__
    assert Pair.__init__.__code__.co_code == Other.__init__.__code__.co_code  # one template
    assert str(inspect.signature(Pair)) == "(a: 'int', b: 'str' = 'b') -> None"
    assert str(inspect.signature(Other)) == "(first: 'str', second: 'tuple[int, ...]' = (1,)) -> None"
    assert Pair(1) == Pair(a=1, b="b") and Pair(2, b="c").b == "c"
    assert Other(second=(2,), first="x") == Other("x", (2,)) and Other("y").second == (1,)
    with pytest.raises(TypeError, match=r"Pair\.__init__"):
        Pair(first="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="first"):
        Other()  # type: ignore[call-arg]


def test_docstring_as_dataclasses_writes_it() -> None:
    assert One.__doc__ == (OneDC.__doc__ or "").replace("OneDC", "One")
    assert Point.__doc__ == (PointDC.__doc__ or "").replace("PointDC", "Point")


@pytest.mark.parametrize("copier", [copy.copy, copy.deepcopy, lambda p: pickle.loads(pickle.dumps(p))])
def test_pickled_and_copied(copier: Any) -> None:
    p = Point(1, (2, "x"), None)
    q = copier(p)
    assert q == p and type(q) is Point
    assert copier(Empty()) == Empty()
    assert copier(models.Text("a", "b")) == models.Text("a", "b")


def test_refuses_what_it_cannot_honour() -> None:
    with pytest.raises(TypeError, match="defines __eq__"):
        @record
        class OwnEq:
            x: int

            def __eq__(self, other: object) -> bool:
                return True

    with pytest.raises(TypeError, match="not a plain field"):
        @record
        class Hidden:
            x: int = dataclasses.field(compare=False)

    with pytest.raises(TypeError, match="not a plain field"):
        @record
        class Factory:
            x: list[int] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="follows default argument"):
        @record
        class Order:
            x: int = 1
            y: int  # type: ignore[misc]

    with pytest.raises(TypeError, match="defines __post_init__"):
        @record
        class Post:
            x: int

            def __post_init__(self) -> None:
                pass


def test_every_model_is_a_record() -> None:
    for name in dir(models):
        cls = getattr(models, name)
        if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == models.__name__:
            assert cls.__eq__ is Point.__eq__ and cls.__setattr__ is Point.__setattr__, name
            assert "__slots__" in cls.__dict__, name


def test_a_dataset_and_its_lookup_indexes_are_collected_together() -> None:
    """Looking things up in a dataset must not keep it alive: a dataset loaded,
    used and dropped is collected, and its indexes with it."""
    import gc
    import weakref

    from advisor_gui.domain.loader import load_dataset
    from advisor_gui.paths import bundled_dataset

    ds = load_dataset(bundled_dataset())
    assert ds.jurisdiction("BC").code == "BC" and ds.source("article").id == "article"
    with pytest.raises(KeyError):
        ds.program("XX")
    holders = [r for r in gc.get_referrers(ds.jurisdictions, ds.sources, ds.programs) if r is not ds]
    assert holders == [], "only the dataset holds its tuples"
    ref = weakref.ref(ds)
    del ds
    gc.collect()
    assert ref() is None, "the dataset is still referenced"
