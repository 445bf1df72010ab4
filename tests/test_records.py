"""The package's dataclasses: all over :class:`Record`, which compares, hashes and shows
them as the methods dataclasses would write for them."""

from __future__ import annotations

import dataclasses
import importlib
import pickle
import pkgutil
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

import pytest

import journal
from journal.core.dates import Period
from journal.core.records import Record


def _package_dataclasses() -> list[type]:
    found = []
    for info in pkgutil.walk_packages(journal.__path__, "journal."):
        if info.name.endswith("__main__"):  # importing it runs the command
            continue
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and dataclasses.is_dataclass(value)
                and value.__module__ == module.__name__
            ):
                found.append(value)
    return found


def test_every_dataclass_of_the_package_is_a_record_without_generated_eq_and_repr() -> None:
    classes = _package_dataclasses()
    assert len(classes) > 60  # the walk found them
    wrong = [
        c.__qualname__
        for c in classes
        if not issubclass(c, Record)
        or c.__dataclass_params__.eq  # type: ignore[attr-defined]
        or c.__dataclass_params__.repr  # type: ignore[attr-defined]
    ]
    assert wrong == []


@dataclass(frozen=True, repr=False, eq=False)
class _Frozen(Record):
    kind: ClassVar[str] = "frozen"  # no field: neither compared nor shown
    name: str
    when: date | None = None
    cache: list[int] = field(default_factory=list, compare=False, repr=False)


@dataclass(frozen=True, slots=True, repr=False, eq=False)
class _Slotted(Record):
    name: str


@dataclass(repr=False, eq=False)
class _Plain(Record):
    name: str
    items: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Generated:
    name: str
    when: date | None = None
    cache: list[int] = field(default_factory=list, compare=False, repr=False)


def test_records_compare_and_hash_as_generated_dataclasses_do() -> None:
    a, b = _Frozen("x", date(2026, 1, 1), [1]), _Frozen("x", date(2026, 1, 1), [2])
    assert a == b and hash(a) == hash(b)  # a field left out of comparing stays out
    assert a != _Frozen("x", date(2026, 1, 2))
    assert len({a, b, _Frozen("y")}) == 2
    assert _Slotted("x") != _Frozen("x")  # another class is never equal
    assert _Slotted("x") == _Slotted("x") and hash(_Slotted("x")) == hash(_Slotted("x"))
    assert (_Frozen("x") == "x") is False
    assert _Plain("x", [1]) == _Plain("x", [1]) != _Plain("x", [2])
    with pytest.raises(TypeError, match="unhashable type: '_Plain'"):
        hash(_Plain("x"))


def test_records_show_as_generated_dataclasses_do() -> None:
    shown = repr(_Frozen("x", date(2026, 1, 1), [1]))
    generated = repr(_Generated("x", date(2026, 1, 1), [1]))
    assert shown == generated.replace("_Generated", "_Frozen")
    assert shown == "_Frozen(name='x', when=datetime.date(2026, 1, 1))"
    assert repr(_Slotted("x")) == "_Slotted(name='x')"


def test_records_keep_what_dataclasses_give() -> None:
    period = Period(date(2026, 11, 16), date(2026, 11, 22))
    assert dataclasses.replace(period, end=date(2026, 11, 23)).end == date(2026, 11, 23)
    assert pickle.loads(pickle.dumps(period)) == period
    assert pickle.loads(pickle.dumps(_Slotted("x"))) == _Slotted("x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        period.end = date(2026, 1, 1)  # type: ignore[misc]
    assert dataclasses.asdict(_Plain("x", [1])) == {"name": "x", "items": [1]}


def test_the_records_made_from_each_others_values_hold_the_same_fields_in_order() -> None:
    """``new_tuple`` makes a NamedTuple from another's values with no check of their
    names or number: a field added to one of a pair must be added to the other."""
    from journal.core.body import InlineField, Task
    from journal.core.links import Link
    from journal.core.notes import NoteField, NoteLink, NoteTask

    assert Task._fields == NoteTask._fields
    assert InlineField._fields == NoteField._fields
    assert (*Link._fields, "line", "key") == NoteLink._fields
