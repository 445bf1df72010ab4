"""Obsidian's settings folder, ``.obsidian/``: reading its JSON, writing it safely.

Reading never fails: a file that is missing, unreadable or not valid JSON is
treated as absent (its problem is kept for ``journal obsidian setup`` to show).
Writing goes through the vault (:meth:`Vault.create`, :meth:`Vault.replace`: inside the
vault, atomic, unchanged since read, listed in ``Vault.written``).
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal.adapters import files
from journal.core import codec
from journal.core.errors import ConfigError, Conflict, JournalError, location
from journal.core.periodic import (
    CALENDAR_PATH,
    CORE_PLUGINS_PATH,
    DAILY_PATH,
    PERIODIC_PATH,
    SETTINGS_FILES,
    PeriodicSettings,
    default_daily,
    resolve_settings,
    template_notes,
)
from journal.core.records import Record, record

if TYPE_CHECKING:  # vault.py imports this module
    from journal.adapters.vault import Vault

FOLDER = ".obsidian"
COMMUNITY_PLUGINS = ".obsidian/community-plugins.json"
TEMPLATE_SETTINGS = (  # where template plugins keep their folder: file, key
    (".obsidian/templates.json", "folder"),  # the core Templates plugin
    (".obsidian/plugins/templater-obsidian/data.json", "templates_folder"),  # Templater
)
#: The settings files that may name a template note (see :func:`template_notes`).
TEMPLATE_NAMERS = (DAILY_PATH, PERIODIC_PATH, CALENDAR_PATH)
#: Every file of ``.obsidian/`` the tool's settings come from (what ``journal watch``
#: checks for changes): the daily and weekly note settings, the plugins turned on, and
#: the template folders.
READ_SETTINGS = (
    *SETTINGS_FILES,
    COMMUNITY_PLUGINS,
    CORE_PLUGINS_PATH,
    *(rel for rel, _key in TEMPLATE_SETTINGS),
)


@record(frozen=True, slots=True)
class JsonFile(Record):
    """One JSON file as read: its data (None when absent or unreadable), the snapshot
    to replace it safely (also of bytes that are not JSON), and what was wrong with it."""

    rel: str
    data: Any
    snapshot: files.Snapshot | None
    problem: str | None = None


def read_json(root: Path, rel: str) -> JsonFile:
    """The JSON file at ``rel`` (vault-relative); never raises."""
    path = root / rel
    snapshot = None
    try:
        if not path.is_file():
            return JsonFile(rel, None, None)
        snapshot = files.read_snapshot(path)
        data = json.loads(codec.utf8_text(snapshot.data))
    except codec.NotUtf8 as exc:
        return JsonFile(rel, None, snapshot, f"{location(rel, exc.line)}{exc.message}")
    except json.JSONDecodeError as exc:  # a comma too many, as a hand edit leaves
        return JsonFile(rel, None, snapshot, f"{location(rel, exc.lineno)}not JSON: {exc.msg}")
    except (JournalError, OSError, ValueError) as exc:
        message = exc.message if isinstance(exc, JournalError) else str(exc)
        return JsonFile(rel, None, snapshot, f"{rel}: can't read it ({message})")
    return JsonFile(rel, data, snapshot)


def json_text(data: Any, *, newline: bool) -> bytes:
    """JSON as Obsidian writes it (``JSON.stringify(data, null, 2)``), keys in order."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return (text + ("\n" if newline else "")).encode("utf-8")


def write_json(vault: Vault, current: JsonFile, data: Any) -> None:
    """Write ``data`` over the file as read (or create it): atomically, and only if
    nobody changed it since (:class:`~journal.core.errors.Conflict` otherwise)."""
    if current.snapshot is None:
        if current.problem:
            raise JournalError(f"{current.problem}; left as it is")
        if vault.disk_path(current.rel).exists():
            raise Conflict("appeared while the tool was working; left as it is", path=current.rel)
        vault.ensure_parent(current.rel)
        vault.create(current.rel, json_text(data, newline=False))
        return
    ends = current.snapshot.data.endswith(b"\n")
    vault.replace(current.rel, current.snapshot, json_text(data, newline=ends))


def edit_json(vault: Vault, current: JsonFile, edit: Callable[[str], str]) -> None:
    """Replace the file as read with ``edit`` applied to its text (a BOM stays):
    atomically, and only if nobody changed it since."""
    if current.snapshot is None:
        raise ValueError("edit_json needs a file that was read")
    data = current.snapshot.data
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    try:
        text = edit(data[len(bom) :].decode("utf-8"))
    except ValueError as exc:
        raise ConfigError(
            f"can't change it without rewriting it ({exc}); not changed", path=current.rel
        ) from None
    vault.replace(current.rel, current.snapshot, bom + text.encode("utf-8"))


def enabled_plugins(root: Path) -> frozenset[str]:
    """The community plugins turned on (``.obsidian/community-plugins.json``)."""
    data = read_json(root, COMMUNITY_PLUGINS).data
    if not isinstance(data, list):
        return frozenset()
    return frozenset(item for item in data if isinstance(item, str))


def load_periodic(root: Path, locale: str = "en") -> PeriodicSettings:
    """The vault's daily and weekly note settings (see :mod:`journal.core.periodic`);
    ``locale`` is ``[obsidian] locale``."""
    if not (root / FOLDER).is_dir():
        return resolve_settings({}, frozenset(), locale)
    try:  # the files are opened by name: a folder entered but not listed (311) will do
        (root / DAILY_PATH).stat()
    except FileNotFoundError:
        pass
    except OSError as exc:  # `chmod 000` or `chmod 644`: told once, not by each file
        problem = f"{FOLDER}: can't read the folder ({exc.strerror or exc})"
        return replace(resolve_settings({}, frozenset(), locale), problems=(problem,))
    found = {rel: read_json(root, rel) for rel in SETTINGS_FILES}
    data = {rel: f.data for rel, f in found.items()}
    settings = resolve_settings(data, enabled_plugins(root), locale)
    if settings.daily is None:  # Obsidian's own Daily notes, on with no settings file?
        found[CORE_PLUGINS_PATH] = core = read_json(root, CORE_PLUGINS_PATH)
        settings = replace(settings, daily=default_daily(core.data))
    problems = tuple(f.problem for f in found.values() if f.problem)
    return replace(settings, problems=problems + settings.problems)


def template_paths(root: Path) -> list[tuple[str, str]]:
    """The template folders set in Obsidian's Templates and Templater plugins (whether or
    not the plugin is on: a folder of templates holds no real notes), and the template
    notes the daily and periodic note settings name, as written, each after the settings
    file that names it."""
    if not (root / FOLDER).is_dir():
        return []
    found = []
    for rel, key in TEMPLATE_SETTINGS:
        data = read_json(root, rel).data
        value = data.get(key) if isinstance(data, dict) else None
        if isinstance(value, str) and value.strip():
            found.append((rel, value))
    for rel in TEMPLATE_NAMERS:
        found += [(rel, note) for note in template_notes({rel: read_json(root, rel).data})]
    return found
