"""Obsidian's property types (``.obsidian/types.json``) for the keys journal reads.

Property types are vault-wide in Obsidian: ``{"types": {"due": "date", ...}}``.
:func:`wanted_types` derives ours from the field tables; :func:`merge_types`
adds the missing ones to a user's file and never removes or changes a type the
user has (a different one is kept and reported).
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
)
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
    a user's ``Due`` is our ``due`` (kept, and reported when its type differs).
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
        elif mine[1] != kind:
            merged.kept.append((mine[0], str(mine[1]), kind))
    return merged
