"""Records: the tool's dataclasses, with their methods written once.

A dataclass costs its module about a millisecond to define on Python 3.11, most of it
compiling the ``__init__``, ``__repr__``, ``__eq__`` and ``__hash__`` (and a frozen
class's ``__setattr__`` and ``__delattr__``) it writes for the class; with 80-odd of
them, that was a third of a command's imports.  So every dataclass of the package is
declared with :func:`record` over :class:`Record` (a test keeps them so): equality, hash
and repr are :class:`Record`'s, the same for every class as the generated ones; a frozen
class's setters are shared functions; and ``__init__``, the same code dataclasses
writes, is compiled when the class is first made an instance of - a command makes
about half of the classes it imports.  A record is pickled as its class and its values
(:meth:`Record.__reduce__`), and unpickled by that ``__init__``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field, fields
from typing import Any, NamedTuple, TypeVar, cast, dataclass_transform

T = TypeVar("T")


class _Parts(NamedTuple):
    values: Callable[[Any], tuple[Any, ...]]  # the compared fields' values, as a tuple
    shown: tuple[str, ...]  # the names of the fields a repr shows
    names: tuple[str, ...]  # every field's, in order (a pickle's values)


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

        shown = tuple(f.name for f in every if f.repr)
        found = _PARTS[cls] = _Parts(values, shown, tuple(f.name for f in every))
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

    def __hash__(self) -> int:  # a record not frozen has none (see record)
        return hash(_parts(self.__class__).values(self))

    def __repr__(self) -> str:
        shown = _parts(self.__class__).shown
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{self.__class__.__qualname__}({inner})"

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        """Pickled as its class and its fields' values, made again by its ``__init__``
        (a frozen one's too): a pickle of its ``__dict__`` held every field's name, a
        quarter of a meeting's bytes, and unpickling the 3,200 records of a
        10,000-note vault took a third more instructions (259 M against 177 M)."""
        cls = self.__class__
        return cls, tuple([getattr(self, name) for name in _parts(cls).names])


@dataclass_transform(field_specifiers=(field,))
def record(*, frozen: bool = False, slots: bool = False) -> Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=..., slots=..., repr=False, eq=False)`` for a class over
    :class:`Record`, whose ``__init__`` is compiled on first use and whose frozen
    setters are shared (see the module's text)."""

    def make(cls: type[T]) -> type[T]:
        own = vars(cls)
        if frozen and ("__setattr__" in own or "__delattr__" in own):
            raise TypeError(f"{cls.__qualname__}: a frozen record has the setters of records")
        made: Any = dataclass(init=False, repr=False, eq=False, slots=slots)(cls)
        every = fields(made)
        _check_order(made, every)
        _check_supported(made, every, frozen)
        if not frozen:
            made.__hash__ = None  # unhashable, as a dataclass with its equality
        else:
            made.__setattr__ = _refuse_set
            made.__delattr__ = _refuse_delete

        def first_init(self: Any, *args: Any, **kwargs: Any) -> None:
            init = _compiled_init(every, frozen)
            init.__qualname__ = f"{made.__qualname__}.__init__"  # named in its errors
            made.__init__ = init
            init(self, *args, **kwargs)

        if "__init__" not in own:  # one the class writes itself is kept, as by dataclasses
            made.__init__ = first_init
        return made  # type: ignore[no-any-return]

    return make


def _check_supported(cls: type, every: tuple[Field[Any], ...], frozen: bool) -> None:
    """Refuse, at once, what the compiled ``__init__`` does not do (``__post_init__``, a
    field left out of ``__init__`` or keyword-only) and a record frozen over one not, or
    the other way (as dataclasses does)."""
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__qualname__}: a record has no __post_init__")
    for item in every:
        if not item.init or item.kw_only is True:
            raise TypeError(
                f"{cls.__qualname__}.{item.name}: a record's fields are all in __init__"
            )
    for base in cls.__mro__[1:]:
        if (
            "__dataclass_fields__" in vars(base)
            and (cast(Any, base).__setattr__ is _refuse_set) != frozen
        ):
            raise TypeError(f"{cls.__qualname__}: frozen or not as {base.__qualname__} is")


def _check_order(cls: type, every: tuple[Field[Any], ...]) -> None:
    """Refuse, at once, a field without a default after one with (as dataclasses does
    when it writes ``__init__``)."""
    defaulted = None
    for item in every:
        if item.default is not MISSING or item.default_factory is not MISSING:
            defaulted = item.name
        elif defaulted is not None:
            raise TypeError(
                f"{cls.__qualname__}: non-default argument {item.name!r} follows default"
                f" argument {defaulted!r}"
            )


def _compiled_init(every: tuple[Field[Any], ...], frozen: bool) -> Callable[..., None]:
    """The ``__init__`` dataclasses would write for fields ``every``."""
    space: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": MISSING}
    params, lines = [], []
    for item in every:
        name, value = item.name, item.name
        if item.default is not MISSING:
            space[f"_d_{name}"] = item.default
            params.append(f"{name}=_d_{name}")
        elif item.default_factory is not MISSING:
            space[f"_f_{name}"] = item.default_factory
            params.append(f"{name}=_MISSING")
            value = f"_f_{name}() if {name} is _MISSING else {name}"
        else:
            params.append(name)
        lines.append(f"_set(self, {name!r}, {value})" if frozen else f"self.{name} = {value}")
    source = f"def __init__(self, {', '.join(params)}):\n    " + "\n    ".join(lines or ["pass"])
    exec(source, space)
    init: Callable[..., None] = space["__init__"]
    return init


def _refuse_set(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _refuse_delete(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")
