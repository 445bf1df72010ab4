"""Records: the equality, hash and repr of the tool's dataclasses, written once.

A dataclass costs its module about a millisecond to define on Python 3.11, most of it
compiling the ``__init__``, ``__repr__``, ``__eq__`` and ``__hash__`` it writes for the
class; with 60-odd of them, that was a third of a command's imports.  So every
dataclass of the package is declared ``@dataclass(..., repr=False, eq=False)`` over
:class:`Record`, whose methods do the same as the generated ones for any dataclass
(a test keeps every dataclass of the package so declared): only ``__init__`` (and a
frozen class's ``__setattr__`` and ``__delattr__``) are still compiled per class.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any, NamedTuple


class _Parts(NamedTuple):
    values: Callable[[Any], tuple[Any, ...]]  # the compared fields' values, as a tuple
    shown: tuple[str, ...]  # the names of the fields a repr shows
    frozen: bool


_PARTS: dict[type, _Parts] = {}

#: A NamedTuple made from a tuple of its values - ``new_tuple(Link, (a, b, c, d))`` - in
#: C, without the Python-level ``__new__`` a NamedTuple has (hot paths: every link, task
#: and field of every note).
new_tuple = tuple.__new__


def _parts(cls: type) -> _Parts:
    """What the methods need of a dataclass, read from it once."""
    found = _PARTS.get(cls)
    if found is None:
        every = fields(cls)
        compared = tuple(f.name for f in every if f.compare)

        def values(record: Any) -> tuple[Any, ...]:
            return tuple([getattr(record, name) for name in compared])

        frozen = cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
        found = _PARTS[cls] = _Parts(values, tuple(f.name for f in every if f.repr), frozen)
    return found


class Record:
    """The base of the package's dataclasses: equal when of the same class with equal
    compared fields; hashable when frozen; shown as ``Name(field=value, ...)``."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _parts(self.__class__).values
        return bool(values(self) == values(other))

    def __hash__(self) -> int:
        parts = _parts(self.__class__)
        if not parts.frozen:
            raise TypeError(f"unhashable type: '{type(self).__name__}'")
        return hash(parts.values(self))

    def __repr__(self) -> str:
        shown = _parts(self.__class__).shown
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inner})"
