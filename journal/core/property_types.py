"""Obsidian's property types (``.obsidian/types.json``) for the keys journal reads.

Property types are vault-wide in Obsidian: ``{"types": {"due": "date", ...}}``.
:func:`wanted_types` derives ours from the field tables; :func:`fit_types` keeps
those the values of the vault's notes fit; :func:`merge_types` adds the missing ones
to a user's file and never removes or changes a type the user has (a different one
is kept and reported).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from typing import Any

from journal.core.errors import ConfigError
from journal.core.fields import (
    CONTACT_FIELDS,
    GOAL_FIELDS,
    MEETING_FIELDS,
    OBSIDIAN_LISTS,
    OBSIDIAN_TYPES,
    PLAN_FIELDS,
    REVIEW_FIELDS,
    Field,
    value_kind,
)
from journal.core.formatting import listed, plural
from journal.core.records import Record, record

#: The tables whose keys get a type.
TYPED_TABLES: tuple[dict[str, Field], ...] = (
    GOAL_FIELDS,
    CONTACT_FIELDS,
    MEETING_FIELDS,
    REVIEW_FIELDS,
    PLAN_FIELDS,
)

#: The types Obsidian knows; anything else in a user's file is kept as it is.
KNOWN_TYPES = ("text", "multitext", "number", "checkbox", "date", "datetime", "aliases", "tags")


def wanted_types(tables: Iterable[dict[str, Field]] = TYPED_TABLES) -> dict[str, str]:
    """Our key -> Obsidian type, in table order.  Obsidian's own list properties
    (``tags``, ``aliases``, ``cssclasses``) keep their built-in types, and fields
    no Obsidian type fits (milestones, done-or-date) get none."""
    found: dict[str, str] = {}
    for table in tables:
        for name, spec in table.items():
            kind = OBSIDIAN_TYPES[spec.type]
            if name in OBSIDIAN_LISTS or kind is None:
                continue
            if found.setdefault(name, kind) != kind:
                raise AssertionError(f"'{name}' has two Obsidian types: {found[name]}, {kind}")
    return found


#: The values (:func:`~journal.core.fields.value_kind`) each of our Obsidian types shows
#: as they are written; Obsidian's editor offers to change any other, or drops what its type
#: has no room for (the time of a date and time in a Date).
FITS = {
    "text": frozenset({"text", "a number", "a date", "a date and time", "true or false"}),
    "number": frozenset({"a number"}),
    "date": frozenset({"a date"}),
    "multitext": frozenset({"a list"}),
    "checkbox": frozenset({"true or false"}),
}


@record()
class TypesFit(Record):
    """The types to add that the vault's values fit (key -> type), and those left out
    (key, our type, why) or added as the values are (key, their type, ours, why)."""

    types: dict[str, str] = field(default_factory=dict)
    left_out: list[tuple[str, str, str]] = field(default_factory=list)
    as_found: list[tuple[str, str, str, str]] = field(default_factory=list)


def fit_types(wanted: dict[str, str], values: Iterable[tuple[str, str, Any]]) -> TypesFit:
    """Which of ``wanted`` (key -> Obsidian type) fit the values the vault's notes hold
    under those names (``values``: path, key as written, value; names match whatever
    their case): a type is added when every value fits it (:data:`FITS`), a Date as
    a Date and time when every value is one, and left out otherwise, with how many
    notes hold what."""
    held: dict[str, dict[str, set[str]]] = {}  # key -> what its values are -> paths
    for path, key, value in values:
        kind = value_kind(value)
        if kind is not None:
            held.setdefault(key.lower(), {}).setdefault(kind, set()).add(path)
    fit = TypesFit()
    for key, kind in wanted.items():
        found = held.get(key.lower(), {})
        unfit = {what: len(paths) for what, paths in found.items() if what not in FITS[kind]}
        if not unfit:
            fit.types[key] = kind
        elif kind == "date" and set(found) == {"a date and time"}:
            fit.types[key] = "datetime"
            count = unfit["a date and time"]
            notes = f"all {count} notes holding it hold" if count > 1 else "its one note holds"
            fit.as_found.append((key, "datetime", kind, f"{notes} a date and time"))
        else:
            fit.left_out.append((key, kind, _holding(unfit)))
    return fit


def _holding(counts: dict[str, int]) -> str:
    """``2 notes hold a date and time and 1 holds text``: how many notes hold each
    value, most first."""
    told: list[str] = []
    for what, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        many = plural(count, "note") if not told else str(count)  # 2 notes..., 1 holds...
        told.append(f"{many} {'holds' if count == 1 else 'hold'} {what}")
    return listed(told)


@record()
class TypesMerge(Record):
    """The file's data with our types added, what was added, and the user's types
    that differ from ours (key, theirs, ours)."""

    data: dict[str, Any]
    added: list[str] = field(default_factory=list)
    kept: list[tuple[str, str, str]] = field(default_factory=list)


def merge_types(current: Any, wanted: dict[str, str], path: str) -> TypesMerge:
    """``current`` (the parsed file, None when there is none) with every key of
    ``wanted`` it lacks added at the end of ``types``; every other key, its order
    and value, stays as it was.  Property names are case-insensitive in Obsidian:
    a user's ``Due`` is our ``due`` (kept, and reported when its type differs; a Date
    and time where ours is a Date is not: journal reads the day of either).
    A file that is not ``{"types": {...}}`` is an error."""
    if current is None:
        current = {}
    if not isinstance(current, dict):
        raise ConfigError("should hold a JSON object; not changed", path=path)
    types = current.get("types", {})
    if not isinstance(types, dict):
        raise ConfigError('"types" should be a JSON object; not changed', path=path)
    theirs: dict[str, tuple[str, Any]] = {}
    for key, kind in types.items():
        theirs.setdefault(key.lower(), (key, kind))
    merged = TypesMerge({**current, "types": dict(types)})
    for key, kind in wanted.items():
        mine = theirs.get(key.lower())
        if mine is None:
            merged.data["types"][key] = kind
            merged.added.append(key)
        elif mine[1] != kind and (kind, mine[1]) != ("date", "datetime"):  # days read alike
            merged.kept.append((mine[0], str(mine[1]), kind))
    return merged
