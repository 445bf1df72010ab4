"""``journal obsidian setup``: property types and Bases views for Obsidian.

- ``.obsidian/types.json`` gets the type of every key journal reads that it does
  not type yet; a user's types are never removed or changed (a different one is
  kept and reported).  It is neither read nor written through a symlink (a
  ``.obsidian`` shared by several vaults): that is reported instead.
- ``.base`` files are written to ``[obsidian] bases`` (default ``bases/``).  The
  hash of what was written is kept in ``.journal/obsidian.json``; a base whose
  bytes no longer match it was edited by the user and is never written again, nor is
  a file of that name journal never wrote (no record of it, no :data:`MARKER`).
- Nothing changes when everything is already in place.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from journal.adapters import files
from journal.adapters.obsidian import JsonFile, edit_json, load_periodic, read_json, write_json
from journal.adapters.vault import Vault
from journal.core.bases import BASES, MARKER, base_text
from journal.core.errors import ConfigError, UnsafeWrite
from journal.core.jsontext import add_members
from journal.core.moment import WEEKDAYS
from journal.core.periodic import NoteFormat, in_folder
from journal.core.property_types import merge_types, wanted_types
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


@record()
class TypesResult(Record):
    """What the property types step did (or would do, in a dry run)."""

    path: str = TYPES_PATH
    added: list[str] = field(default_factory=list)
    kept: list[tuple[str, str, str]] = field(default_factory=list)  # key, theirs, ours
    written: bool = False
    refused: str | None = None  # why the file was left alone (then nothing is listed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "added": self.added,
            "kept": [{"key": k, "yours": t, "journal": o} for k, t, o in self.kept],
            "written": self.written,
            "refused": self.refused,
        }


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


def merge_property_types(vault: Vault, *, dry_run: bool = False) -> TypesResult:
    """Add journal's property types to ``.obsidian/types.json`` (created if missing);
    one reached through a symlink is left alone (``refused`` says so, dry run or not)."""
    try:
        vault.disk_path(TYPES_PATH)
    except UnsafeWrite:
        return TypesResult(refused=THROUGH_A_SYMLINK)
    current = read_json(vault.root, TYPES_PATH)
    if current.problem:
        raise ConfigError(f"{current.problem}; fix or delete it, then run this again")
    merged = merge_types(current.data, wanted_types(), TYPES_PATH)
    result = TypesResult(added=merged.added, kept=merged.kept)
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
    result = SetupResult(dry_run, merge_property_types(vault, dry_run=dry_run))
    state = read_json(vault.root, STATE_PATH)
    written = _recorded(state)
    before = dict(written)
    folder = vault.config.obsidian.bases
    for name, data in BASES.items():
        rel = in_folder(folder, f"{name}.base")
        action = _write_base(vault, rel, base_text(data).encode("utf-8"), written, dry_run)
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
