"""``journal obsidian setup``: property types and Bases views for Obsidian.

- ``.obsidian/types.json`` gets the type of every key journal reads that it does
  not type yet, unless the values the vault's notes hold under that name don't fit
  it (left out and reported; a Date whose values are all dates and times is added as
  one); a user's types are never removed or changed (a different one is kept and
  reported).  It is neither read nor written through a symlink (a
  ``.obsidian`` shared by several vaults): that is reported instead.
- ``.base`` files are written to ``[obsidian] bases`` (default ``bases/``).  The
  hash of what was written is kept in ``.journal/obsidian.json``; a base whose
  bytes no longer match it was edited by the user and is never written again, nor is
  a file of that name journal never wrote (no record of it, no :data:`MARKER`).
- Nothing changes when everything is already in place.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import field
from typing import Any

from journal.adapters import files
from journal.adapters.obsidian import JsonFile, edit_json, load_periodic, read_json, write_json
from journal.adapters.vault import Vault, load_catalog
from journal.core.bases import BASES, MARKER, base_text, outside
from journal.core.errors import ConfigError, UnsafeWrite
from journal.core.jsontext import add_members
from journal.core.moment import WEEKDAYS
from journal.core.periodic import NoteFormat, in_folder
from journal.core.property_types import fit_types, merge_types, wanted_types
from journal.core.records import Record, record

TYPES_PATH = ".obsidian/types.json"
STATE_PATH = ".journal/obsidian.json"
#: What becomes of ``types.json`` when it is reached through a symlink.
THROUGH_A_SYMLINK = (
    "not changed: it is reached through a symlink (a .obsidian folder shared by several "
    "vaults?), and journal never writes through one; run journal obsidian setup in the "
    "vault that holds the real folder, or set the types in Obsidian"
)
#: What becomes of a base journal wrote (its record or marker says so) edited since.
EDITED = "kept (edited by you)"
#: What becomes of a file of a base's name that journal never wrote: no record, no marker.
NOT_OURS = "kept (not journal's)"


#: The values the vault's notes hold under some property names: (path, key, value).
Values = Callable[[Collection[str]], Sequence[tuple[str, str, Any]]]


@record()
class TypesResult(Record):
    """What the property types step did (or would do, in a dry run)."""

    path: str = TYPES_PATH
    added: list[str] = field(default_factory=list)
    kept: list[tuple[str, str, str]] = field(default_factory=list)  # key, theirs, ours
    left_out: list[tuple[str, str, str]] = field(default_factory=list)  # key, ours, why
    as_found: list[tuple[str, str, str, str]] = field(default_factory=list)  # key, type, ours, why
    written: bool = False
    refused: str | None = None  # why the file was left alone (then nothing is listed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "added": self.added,
            "kept": [{"key": k, "yours": t, "journal": o} for k, t, o in self.kept],
            "left_out": [{"key": k, "journal": o, "why": w} for k, o, w in self.left_out],
            "as_found": [
                {"key": k, "type": t, "journal": o, "why": w} for k, t, o, w in self.as_found
            ],
            "written": self.written,
            "refused": self.refused,
        }


def fitted_lines(types: dict[str, Any]) -> tuple[list[str], list[str]]:
    """One line per type added as the notes' values are, and per type left out for them
    (``types``: :meth:`TypesResult.to_dict`): ``typed created as datetime, not date:
    ...``, ``left out start: 2 notes hold a date and time (journal reads it as date)``."""
    typed = [
        f"typed {t['key']} as {t['type']}, not {t['journal']}: {t['why']}"
        for t in types["as_found"]
    ]
    left = [
        f"left out {t['key']}: {t['why']} (journal reads it as {t['journal']})"
        for t in types["left_out"]
    ]
    return typed, left


@record()
class SetupResult(Record):
    """The whole setup: types, bases (path and action) and the periodic-note settings."""

    dry_run: bool
    types: TypesResult
    bases: list[dict[str, str]] = field(default_factory=list)
    periodic: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "types": self.types.to_dict(),
            "bases": self.bases,
            "periodic": self.periodic,
            "problems": self.problems,
        }


def merge_property_types(vault: Vault, values: Values, *, dry_run: bool = False) -> TypesResult:
    """Add journal's property types to ``.obsidian/types.json`` (created if missing),
    those the values the vault's notes hold under their names fit (``values``, asked
    only of the names to add); one reached through a symlink is left alone
    (``refused`` says so, dry run or not)."""
    try:
        vault.disk_path(TYPES_PATH)
    except UnsafeWrite:
        return TypesResult(refused=THROUGH_A_SYMLINK)
    current = read_json(vault.root, TYPES_PATH)
    if current.problem:
        raise ConfigError(f"{current.problem}; fix or delete it, then run this again")
    wanted = wanted_types()
    missing = merge_types(current.data, wanted, TYPES_PATH).added
    fit = fit_types({key: wanted[key] for key in missing}, values(missing) if missing else ())
    left = {key for key, _kind, _why in fit.left_out}
    typed = {key: fit.types.get(key, kind) for key, kind in wanted.items() if key not in left}
    merged = merge_types(current.data, typed, TYPES_PATH)
    result = TypesResult(
        added=merged.added, kept=merged.kept, left_out=fit.left_out, as_found=fit.as_found
    )
    if merged.added and not dry_run:
        if current.snapshot is None:
            write_json(vault, current, merged.data)
        else:  # only the new keys, as new lines laid out like the user's
            added = {key: merged.data["types"][key] for key in merged.added}
            edit_json(vault, current, lambda text: add_members(text, "types", added))
        result.written = True
    return result


def obsidian_setup(vault: Vault, *, dry_run: bool = False) -> SetupResult:
    """Property types, Bases views, and a report of the periodic-note settings."""

    def values(keys: Collection[str]) -> Sequence[tuple[str, str, Any]]:
        return load_catalog(vault).property_values(keys)

    result = SetupResult(dry_run, merge_property_types(vault, values, dry_run=dry_run))
    state = read_json(vault.root, STATE_PATH)
    written = _recorded(state)
    before = dict(written)
    folder = vault.config.obsidian.bases
    excluded = [(rel, vault.disk_path(rel).is_dir()) for rel in vault.excluded]
    for name, data in BASES.items():
        rel = in_folder(folder, f"{name}.base")
        text = base_text(outside(data, excluded))
        action = _write_base(vault, rel, text.encode("utf-8"), written, dry_run)
        result.bases.append({"path": rel, "action": action})
    if (written != before or state.problem) and not dry_run:
        write_json(vault, state, {"bases": dict(sorted(written.items()))})
    options = vault.config.obsidian
    periodic = load_periodic(vault.root, options.locale)
    result.periodic = {
        "daily": _format_record(periodic.daily),
        "weekly": _format_record(periodic.weekly),
        "weekly_notes": options.weekly_notes,
        "locale": periodic.locale,
        "week_starts": WEEKDAYS[periodic.week.dow % 7].lower(),
    }
    result.problems = list(periodic.problems)
    if state.problem:  # journal's own record: made again, never at a user's base's cost
        made = "would be made again" if dry_run else "made again"
        result.problems.append(f"{state.problem}; {made}: a base unlike journal's is kept as yours")
    return result


def _write_base(vault: Vault, rel: str, data: bytes, written: dict[str, str], dry_run: bool) -> str:
    """Create, update or keep one base; returns what happened."""
    path = vault.disk_path(rel)
    digest = files.digest(data)
    if not path.exists():
        if not dry_run:
            vault.ensure_parent(rel)
            vault.create(rel, data)
        written[rel] = digest
        return "created"
    snapshot = files.read_snapshot(path)
    if snapshot.digest == digest:
        written[rel] = digest
        return "unchanged"
    if written.get(rel) != snapshot.digest:
        ours = rel in written or snapshot.data.startswith(MARKER.encode())
        return EDITED if ours else NOT_OURS
    if not dry_run:
        vault.replace(rel, snapshot, data)
    written[rel] = digest
    return "updated"


def _recorded(state: JsonFile) -> dict[str, str]:
    """The hash of each base as journal last wrote it."""
    data = state.data if isinstance(state.data, dict) else {}
    bases = data.get("bases", {})
    if not isinstance(bases, dict):
        return {}
    return {k: v for k, v in bases.items() if isinstance(k, str) and isinstance(v, str)}


def _format_record(item: NoteFormat | None) -> dict[str, str] | None:
    if item is None:
        return None
    return {"folder": item.folder, "format": item.format, "source": item.source}
