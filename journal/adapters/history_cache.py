"""The git-history cache: what each commit did to the vault's goals, by commit id.

A commit never changes, so its goal changes are computed once and kept in one
JSON file per repository and vault folder under ``$XDG_CACHE_HOME/journal/history/``
(default ``~/.cache``), never inside the vault.  The file also keeps the last walk
(HEAD's stamp and the commit ids it reached, in order), so that while HEAD stays
put a command reads the history from the file alone.  The file is disposable: a
missing, unreadable or outdated one is rebuilt, and failing to write it only
costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from journal.adapters.cachedir import cache_folder, folder_gone, private_folder
from journal.core.regex import lazy

#: Bump when what is cached per commit changes meaning.
#: 21: a check-in line changed in place or taken out of the log is told so
#: (``check-in changed: ...``, ``check-in removed: ...``), not as another check-in;
#: 20: a goal counting its meetings has no ``current`` (its file's is not read);
#: 19: a commit that only changed a goal's line endings or byte-order mark says so
#: (``layout``);
#: 18: a move that only re-encoded the name's accents (NFD -> NFC) says so;
#: 17: goal files read with the vault's daily-note settings (a log line dated
#: ``[[06.12.2026]]`` is a check-in), which the key names too (``PeriodicSettings.key``);
#: 16: a merge finds a goal another branch moved where that branch has it (no
#: ``created``, no other branch's events again); a check-in counted once across a
#: conflicted commit; a goal kept over another branch's deletion is told;
#: 15: milestones removed, renamed, their due and done days moved, and a property
#: with an event of its own changed while what the goal reads of it did not
#: (``property changed: due``);
#: 14: a merge also tells a value it kept as the first parent had it over another
#: branch's change (``target 12 -> 9 (kept over the merged branch x)``);
#: 13: a merge also tells a value it took from another branch that the first parent's
#: line had changed too (``target 9 -> 12 (...; from the merged branch x)``);
#: 12: a goal readable again is also told against its last readable version
#: (``status paused -> active``...);
#: 11: a note made a goal is ``created`` (``became a goal``), a goal made a note
#: ``deleted`` (``no longer a goal``), not ``readable`` / ``unreadable``;
#: 10: a target of 1 with the unit for one (``target 1 referral``);
#: 9: a commit that moved the vault's folder moved no goal (``folders``: where the
#: vault was); 8: a property empty before and after (or deleted while empty) is no change;
#: 7: sync-conflict copies are no goals in history either; 6: each commit's own record
#: (author, time...) and the last walk; 5: "created"
#: names no `current` a goal lacks; 4: a merge keeps only the changes no parent had
#: (a clean one: none)
FORMAT = 21


def cache_root() -> Path:
    return cache_folder() / "history"


def cache_path(repository: Path, prefix: str) -> Path:
    """The cache file of one repository's work tree and vault folder."""
    key = hashlib.sha256(f"{repository.resolve()}\0{prefix}".encode()).hexdigest()[:20]
    return cache_root() / f"{key}.json"


def load(path: Path, version: str) -> dict[str, Any]:
    """The cache: ``commits`` (id -> record) and, when it was saved with a walk,
    ``head`` (the stamp of the HEAD walked) and ``order`` (the commit ids reached,
    newest first); an empty mapping when there is no usable cache."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != version:
        return {}
    return data if isinstance(data.get("commits"), dict) else {}


def save(
    path: Path,
    version: str,
    commits: dict[str, Any],
    vault_root: Path,
    head: dict[str, Any] | None,
    order: list[str],
    repository: Path,
) -> None:
    """Write the cache atomically (``head``: the stamp of the HEAD walked, when HEAD's
    files said what git says, else None; ``repository``: its work tree, written right
    after ``version`` so that :func:`prune_gone` reads it without the rest); skipped
    when it would land inside the vault."""
    folder = path.parent
    if folder.resolve().is_relative_to(vault_root.resolve()):
        return
    with contextlib.suppress(OSError):
        private_folder(folder)  # the user's alone, with the cache folder
        fd, name = tempfile.mkstemp(prefix=".history-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                data = {
                    "version": version,
                    "repository": str(repository.resolve()),
                    "commits": commits,
                    "head": head,
                    "order": order,
                }
                json.dump(data, handle, separators=(",", ":"))
            Path(name).replace(path)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise


_REPOSITORY = lazy(r'^\{"version":"(?:[^"\\]|\\.)*","repository":("(?:[^"\\]|\\.)*")')


def prune_gone() -> None:
    """Delete the caches of work trees that no longer exist (a vault deleted or moved
    away, with its repository).  Only the start of each is read; a cache that does not
    name its work tree (written before 2026-12) is left."""
    for path in sorted(cache_root().glob("*.json")):
        try:
            with path.open("rb") as handle:
                start = handle.read(8192).decode("utf-8", "replace")
        except OSError:
            continue
        named = _REPOSITORY.match(start)
        if named is None:
            continue
        root = Path(json.loads(named.group(1)))
        if root.is_absolute() and folder_gone(root):
            with contextlib.suppress(OSError):
                path.unlink()
