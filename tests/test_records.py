"""The package's dataclasses: all made by :func:`record` over :class:`Record`, which
compares, hashes, shows and makes them as the methods dataclasses would write do."""

from __future__ import annotations

import collections.abc
import copy
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
from journal.core.goal import Milestone
from journal.core.records import Record, record


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


def test_every_dataclass_of_the_package_is_a_record() -> None:
    classes = _package_dataclasses()
    assert len(classes) > 60  # the walk found them
    wrong = [
        c.__qualname__
        for c in classes
        if not issubclass(c, Record)
        or c.__dataclass_params__.init  # type: ignore[attr-defined]
        or c.__dataclass_params__.eq  # type: ignore[attr-defined]
        or c.__dataclass_params__.repr  # type: ignore[attr-defined]
    ]
    assert wrong == []


@record(frozen=True)
class _Frozen(Record):
    kind: ClassVar[str] = "frozen"  # no field: neither compared nor shown
    name: str
    when: date | None = None
    cache: list[int] = field(default_factory=list, compare=False, repr=False)


@record(frozen=True, slots=True)
class _Slotted(Record):
    name: str
    when: date | None = None


@record()
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
    assert repr(_Slotted("x")) == "_Slotted(name='x', when=None)"


def test_records_keep_what_dataclasses_give() -> None:
    period = Period(date(2026, 11, 16), date(2026, 11, 22))
    assert dataclasses.replace(period, end=date(2026, 11, 23)).end == date(2026, 11, 23)
    assert pickle.loads(pickle.dumps(period)) == period
    assert pickle.loads(pickle.dumps(_Slotted("x"))) == _Slotted("x")
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'end'"):
        period.end = date(2026, 1, 1)  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'name'"):
        del _Slotted("x").name  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        _Frozen("x").name = "y"  # type: ignore[misc]
    assert dataclasses.asdict(_Plain("x", [1])) == {"name": "x", "items": [1]}
    slotted = _Slotted("x", date(2026, 1, 1))
    for twin in (pickle.loads(pickle.dumps(slotted)), copy.copy(slotted), copy.deepcopy(slotted)):
        assert twin == slotted and twin.when == date(2026, 1, 1)
    plain = _Plain("x", [1])
    plain.name = "y"  # not frozen
    assert pickle.loads(pickle.dumps(plain)) == _Plain("y", [1])


def test_a_record_pickles_as_its_class_and_values() -> None:
    """No field's name in the bytes (a quarter of a meeting's, read back by every
    review); a field left out of equality (a milestone's line) comes back too, and a
    frozen record is made again through its ``__init__``."""
    plain = _Plain("x", [1])
    assert b"name" not in pickle.dumps(plain) and b"items" not in pickle.dumps(plain)
    milestone = Milestone("Draft", date(2026, 12, 1), False, 0, line=12)
    twin = pickle.loads(pickle.dumps(milestone))
    assert twin == milestone and twin.line == 12
    with pytest.raises(dataclasses.FrozenInstanceError):
        twin.title = "x"  # type: ignore[misc]


def test_records_are_made_as_generated_dataclasses_are() -> None:
    """The ``__init__`` compiled on first use takes the same arguments, in the same ways,
    as the one dataclasses writes, and refuses the same mistakes."""
    for args, kwargs in (
        ((), {"name": "x"}),
        (("x", date(2026, 1, 1)), {}),
        (("x",), {"cache": [3]}),
    ):
        made, generated = _Frozen(*args, **kwargs), _Generated(*args, **kwargs)
        assert dataclasses.astuple(made) == dataclasses.astuple(generated)
    assert _Frozen("x").cache is not _Frozen("x").cache  # a new list each time
    assert _Plain("x").items == [] and _Plain("x").items is not _Plain("x").items
    with pytest.raises(
        TypeError, match=r"^_Plain.__init__\(\) missing 1 required positional argument: 'name'"
    ):
        _Plain()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="unexpected keyword argument 'nom'"):
        _Plain(nom="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="takes from 2 to 3 positional arguments"):
        _Plain("x", [], 3)  # type: ignore[call-arg]


def test_a_record_is_compiled_when_first_made() -> None:
    @record(frozen=True)
    class Late(Record):
        name: str
        count: int = 0

    stub = Late.__init__
    assert Late("x", 2).count == 2
    assert Late.__init__ is not stub  # compiled once, then called directly
    assert Late("y").count == 0


def test_a_record_with_a_field_without_default_after_one_with_is_refused_at_once() -> None:
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument 'a'"):

        @record()
        class Wrong(Record):
            a: int = 0
            b: int  # type: ignore[misc]


def test_the_records_made_from_each_others_values_hold_the_same_fields_in_order() -> None:
    """``new_tuple`` makes a NamedTuple from another's values with no check of their
    names or number: a field added to one of a pair must be added to the other."""
    from journal.core.body import InlineField, Task
    from journal.core.links import Link
    from journal.core.notes import NoteField, NoteLink, NoteTask

    assert Task._fields == NoteTask._fields
    assert InlineField._fields == NoteField._fields
    assert (*Link._fields, "line", "key") == NoteLink._fields


def test_a_record_keeps_an_init_of_its_own_and_refuses_setters_of_its_own_when_frozen() -> None:
    @record()
    class Own(Record):
        name: str

        def __init__(self, text: str) -> None:
            self.name = text.upper()

    assert Own("x").name == "X"
    with pytest.raises(TypeError, match="a frozen record has the setters of records"):

        @record(frozen=True)
        class Setter(Record):
            name: str

            def __setattr__(self, key: str, value: object) -> None:
                object.__setattr__(self, key, value)


def test_a_record_refuses_at_once_what_its_init_does_not_do_and_mixed_frozenness() -> None:
    with pytest.raises(TypeError, match="no __post_init__"):

        @record()
        class Post(Record):
            name: str

            def __post_init__(self) -> None: ...

    with pytest.raises(TypeError, match="all in __init__"):

        @record()
        class Hidden(Record):
            name: str = field(init=False)

    with pytest.raises(TypeError, match="frozen or not as _Frozen is"):

        @record()
        class Thawed(_Frozen):
            extra: int = 0

    assert not isinstance(_Plain("x"), collections.abc.Hashable)  # as dataclasses leave it
    assert isinstance(_Frozen("x"), collections.abc.Hashable)


def test_every_record_of_the_package_has_a_docstring() -> None:
    # a dataclass without one is given its signature as one, which costs every command
    # the compiling of tokenize's patterns (``inspect.signature``) at import
    missing = [
        c.__qualname__
        for c in _package_dataclasses()
        if (c.__doc__ or "").startswith(f"{c.__name__}(")  # the one dataclasses writes
    ]
    assert missing == []
