"""The index: a SQLite cache of every parsed note, made fresh before every answer.

The files are the truth; the index only saves re-reading them.  :meth:`Index.refresh`
reconciles it with the disk: a stat scan (size, change time, inode) finds what
may have changed, only those files are read and hashed, only files whose hash
changed are parsed again, and deleted files are dropped.  The change time is the
ctime (see :func:`~journal.adapters.files.changed_ns`).  A file changed within
:data:`~journal.adapters.index_reading.RACY_NS` of the moment it was read is read again
on the next scan, because a same-size edit in the same clock tick leaves its stat
unchanged.

Each note is stored as the JSON of :meth:`Note.to_list` (to rebuild it without
parsing), a goal, contact or meeting also as its typed record, pickled (to read it
without typing its properties again: ``journal review`` reads every one), and spread
over tables for queries: notes, links (with the path they
resolve to, or NULL), aliases, tags, tasks, check-ins, inline fields (by case-folded
key), diagnostics and an FTS5 table over titles and bodies.  The schema version is
``PRAGMA user_version``; a database of another version, another vault, or a damaged
one is moved aside (or its rows made again) and rebuilt from the files with a one-line
notice.

Several processes may share one index (two commands, a command and the
watcher): WAL, a busy timeout, autocommit connections with explicit ``BEGIN
IMMEDIATE`` for every write, and writes in short batches - except a rebuild, which is
one transaction so that no other process ever reads an index half made.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import json
import math
import os
import pickle
import re
import sqlite3
import stat
import sys
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import field
from datetime import date
from itertools import filterfalse, islice
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, cast

from journal import __version__
from journal.adapters import index_reading
from journal.adapters.cachedir import (
    CACHED_INDEX,
    UNUSED_DAYS,
    cache_folder,
    cache_subfolder,
    folder_gone,
    private_folder,
    vault_cache_file,
)
from journal.adapters.environment import variable
from journal.adapters.files import (
    absolute,
    blake2b,
    changed_ns,
    digest,
    stat_stamp,
    turn,
)
from journal.adapters.index_faults import DamagedRows, damaged, full
from journal.adapters.index_reading import (
    RECORD_OF,
    Entry,
    Touch,
    being_saved,
    json_text,
    name_resolver,
    process_context,
    ramp_sizes,
    read_all,
    tail_size,
)
from journal.adapters.vault import Vault, is_utf8, name_problem, skip_notice
from journal.core.catalog import meant_as, unlisted_records
from journal.core.checkins import CheckIn
from journal.core.errors import (
    ConfigError,
    Diagnostic,
    JournalError,
    UnsafeWrite,
    UsageProblem,
)
from journal.core.fields import KINDS
from journal.core.formatting import shell_words
from journal.core.goal import Goal, Milestone
from journal.core.links import (
    COPY_MARKS,
    Link,
    LinkResolver,
    fold,
)
from journal.core.networking import Contact, Meeting
from journal.core.notes import (
    PARSER_VERSION,
    STORED,
    Note,
    NoteField,
    NoteLink,
    stem_of,
)
from journal.core.periodic import PeriodicSettings
from journal.core.records import Record, new_tuple, record
from journal.core.regex import lazy

if TYPE_CHECKING:
    from journal.adapters.index_search import Hit

#: 15: parsed.note a list (Note.to_list); 14: the records table, notes_unreadable; 13:
#: search.linked; 12: the excluded table; 11: notes.copy_like marks conflict copies and
#: names not in NFC too; 10: notes.copy_like; 9: search.written; 8: tags and tasks are
#: views; 7: changed_ns
SCHEMA_VERSION = 15
KEEP_ASIDE = 2  # moved-aside index files kept per index (the newest)
BATCH = 500  # files per write transaction
#: Bytes a page of a new index file: 8 KiB, not SQLite's 4 KiB, wrote a cold build's rows
#: in 14% less time (0.47 -> 0.40 s at 10,000 notes, lookups and commit included), with
#: no change seen in reading them (list, review, check, search)
PAGE_SIZE = 8192
WAL_LIMIT = 32 * 1024 * 1024  # bytes of write-ahead log kept after a checkpoint
BUSY_SECONDS = 120.0  # a writer waits this long for another: a rebuild holds one transaction
LOCK_POLL_MS = 200  # ... in waits this long, looking for Ctrl-C between them
LOCK_TELL_SECONDS = 1.0  # ... and says so after this long
FULL_RESOLVE = 1000  # above this many changed notes, re-resolve every link at once

T = TypeVar("T")

# Python 3.11's sqlite3 binds only str, int, float and bytearray directly. Any other
# value - None, a bool, bytes - first goes through its adapter registry and, finding
# none there, looks for a ``__conform__`` method on the value, which costs about as much
# as storing the value (some 2,000 instructions a value: a link row holds four Nones and
# a bool). These adapters are found at once and give what binding gave without them.
# Python 3.12 made that look-up cheap, and the adapters would cost it a little more.
if sys.version_info < (3, 12):
    sqlite3.register_adapter(type(None), cast("Callable[[None], None]", {}.get))  # NULL
    sqlite3.register_adapter(bool, int)  # 0 or 1
    sqlite3.register_adapter(bytes, bytes)  # the same bytes object (a BLOB)

#: The full-text table: made with the schema, and made again to empty it (:meth:`Index._clear`).
#: ``linked``: the names the note's properties link (:func:`~journal.core.plaintext.linked_name`),
#: so that a person's name finds the meetings ``with`` them.
_SEARCH_TABLE = (
    "CREATE VIRTUAL TABLE search USING fts5 ("
    "title, body, linked, written UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
)
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE notes (
    num INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    changed_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    hash TEXT,
    checked_ns INTEGER NOT NULL,
    kind TEXT NOT NULL,
    id TEXT,
    title TEXT NOT NULL,
    status TEXT,
    date TEXT,
    created TEXT,
    start TEXT,
    due TEXT,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    readable INTEGER NOT NULL,
    copy_like INTEGER NOT NULL
);
CREATE TABLE parsed (path TEXT PRIMARY KEY, props TEXT NOT NULL, note TEXT NOT NULL);
-- the typed records of the readable goals, contacts and meetings, pickled: read a kind at
-- a time, in path order (a review reads all 3,200 of a 10,000-note vault), from pages of
-- their own (beside the note's JSON, a kind's records took 3x as long to read)
CREATE TABLE records (
    kind TEXT NOT NULL, path TEXT NOT NULL, record BLOB NOT NULL, PRIMARY KEY (kind, path)
) WITHOUT ROWID;
CREATE TABLE aliases (path TEXT, key TEXT, PRIMARY KEY (path, key)) WITHOUT ROWID;
-- the notes of excluded folders (template folders, [vault] exclude), never read: by name,
-- for the links that find them (Vault.excluded_notes)
CREATE TABLE excluded (path TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE links (
    path TEXT NOT NULL,
    seq INTEGER NOT NULL,
    line INTEGER NOT NULL,
    target TEXT NOT NULL,
    heading TEXT,
    alias TEXT,
    embed INTEGER NOT NULL,
    property TEXT,
    name TEXT NOT NULL,
    resolved TEXT,
    PRIMARY KEY (path, seq)
) WITHOUT ROWID;
-- tags and tasks: views over the note's JSON, which holds them already (no command
-- looks them up by value, and rows of their own cost a cold build 4% of its work)
CREATE VIEW tags (path, seq, tag) AS
    SELECT p.path, j.key, j.value FROM parsed p, json_each(p.note, '$[{tags}]') j;
CREATE VIEW tasks (path, line, state, text) AS
    SELECT p.path, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'),
        json_extract(j.value, '$[2]')
    FROM parsed p, json_each(p.note, '$[{tasks}]') j;
CREATE TABLE checkins (
    path TEXT NOT NULL,
    seq INTEGER NOT NULL,
    line INTEGER NOT NULL,
    day TEXT NOT NULL,
    op TEXT,
    amount REAL NOT NULL,
    note TEXT NOT NULL,
    goal TEXT,
    PRIMARY KEY (path, seq)
) WITHOUT ROWID;
CREATE TABLE fields (
    path TEXT NOT NULL,
    seq INTEGER NOT NULL,
    line INTEGER NOT NULL,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (path, seq)
) WITHOUT ROWID;
CREATE TABLE diagnostics (
    path TEXT NOT NULL,
    seq INTEGER NOT NULL,
    line INTEGER,
    message TEXT NOT NULL,
    severity TEXT NOT NULL,
    code TEXT NOT NULL,
    PRIMARY KEY (path, seq)
) WITHOUT ROWID;
""".format(tags=STORED.index("tags"), tasks=STORED.index("tasks"))
#: The indexes that find rows by another value than their path, by name: made with the
#: tables, and again after a remake's rows (:meth:`Index._remake`), which drops them
#: first - kept up row by row, they were a twentieth of a cold build (0.1-0.15 s of 3.1 s
#: at 10,000 notes, the writer's B-tree work competing with the workers for the cores).
_LOOKUPS = {
    "notes_kind": "notes (kind)",
    "notes_name": "notes (name)",
    "notes_id": "notes (id)",
    "aliases_key": "aliases (key)",
    "excluded_name": "excluded (name)",
    "links_name": "links (name)",
    "fields_key": "fields (key)",
    "notes_copy_like": "notes (path) WHERE copy_like",  # the few a sync tool's copy may be
    "notes_unreadable": "notes (path) WHERE NOT readable",  # the review lists them
}
_PER_NOTE = ("parsed", "records", "aliases", "links", "checkins", "fields", "diagnostics")
_TABLES = ("notes", *_PER_NOTE, "excluded", "search", "meta")
_MARKS = ",".join("?" * 18)
#: The values of a ``links`` row, whose heading, alias, property and resolved path (text
#: or NULL) the rows of :mod:`~journal.adapters.index_reading` give as 0 for NULL:
#: Python 3.11's sqlite3 binds a None through its adapters (see above), and most of the
#: link rows - 66,324 at 10,000 notes - hold three or four of them (-3% of the writing
#: process's instructions).  A ``CASE`` makes the NULL, not ``NULLIF(?, 0)``: SQLite's
#: call of a function, and its copy of the text, cost a link row about 350 instructions.
_LINK_VALUES = ", ".join(
    f"CASE WHEN ?{n} != 0 THEN ?{n} END" if n in (5, 6, 8, 10) else f"?{n}" for n in range(1, 11)
)
_NOTE_COLUMNS = (
    "path, size, changed_ns, inode, hash, checked_ns, kind, id, title, status, date, created, "
    "start, due, name, aliases, readable, copy_like"
)


def _make_search(conn: sqlite3.Connection) -> None:
    """The full-text table, empty, its terms kept in memory up to 8 MB before they are
    written out (1 MB by default: a rebuild of 10,000 notes wrote its terms in pieces,
    merged as they came - 5 segments left on 2 levels, against 1 or 2 - for 7% more of
    the table's instructions)."""
    conn.execute(_SEARCH_TABLE)
    conn.execute("INSERT INTO search (search, rank) VALUES ('hashsize', 8388608)")


def _make_lookups(conn: sqlite3.Connection) -> None:
    for name, on in _LOOKUPS.items():
        conn.execute(f"CREATE INDEX {name} ON {on}")


@functools.cache
def code_key() -> str:
    """A hash of the code the rows are made by (``journal.core``, this module and
    :mod:`~journal.adapters.index_reading`): the pickled records hold its classes, so an
    index made by other code is made again."""
    here = Path(__file__)  # index.py, or index.pyc in an install of byte code alone
    root = str(here.parent.parent.parent)  # the folder holding the package
    reading = Path(index_reading.__file__).name
    sources = [
        *_python_files(root, "journal/core"),
        *(f"journal/adapters/{name}" for name in (here.name, reading)),
    ]
    return kept_code_key(root, sources, lambda: cache_subfolder("code"))


def _python_files(root: str, folder: str) -> Iterator[str]:
    """The ``.py`` files in ``folder`` (a path in ``root``) and below, as paths in
    ``root``, and the ``.pyc`` files that stand for no ``.py`` there (an install of byte
    code alone: a key of no core file kept the rows of other code); not a hidden one (an
    editor's lock file, ``.#goal.py``, is a link to nowhere), nor Python's cache."""
    entries = [e for e in os.scandir(f"{root}/{folder}") if not e.name.startswith(".")]
    names = {entry.name for entry in entries}
    for entry in entries:
        rel = f"{folder}/{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                yield from _python_files(root, rel)
        elif entry.name.endswith(".py") or (
            entry.name.endswith(".pyc") and entry.name[:-1] not in names
        ):
            yield rel


def kept_code_key(root: str, sources: list[str], kept: Callable[[], Path]) -> str:
    """The hash of the files ``sources`` (their paths in the folder ``root``), kept in
    the folder ``kept()`` gives under a hash of their names, sizes, inodes, change and
    modification times, and the version of journal: taken from there while those stay,
    the 1.2 MB of code is not read and hashed by every command (4-5 ms of each, of 0.3
    s for a review of 10,000 notes).  Not kept while a file changed within
    :data:`~journal.adapters.index_reading.RACY_NS` (an edit within the same tick of the
    clock would keep every stat); the keys of other versions kept there are deleted once
    :data:`UNUSED_DAYS` old (two versions in use, a pre-commit hook's and the command
    line's, keep theirs); a folder that can't be written keeps none (the hash is made
    each time).  (A path as text, not a Path: 55 of them cost as much as their stats.)"""
    named = sorted(sources)
    stamp = blake2b(f"{__version__}\0{root}".encode(), digest_size=16)
    newest = 0
    for rel in named:
        info = os.stat(f"{root}/{rel}")  # noqa: PTH116 (see above)
        changed = changed_ns(info)
        newest = max(newest, info.st_mtime_ns, changed)
        stamp.update(
            f"{rel}\0{info.st_size}\0{info.st_ino}\0{info.st_mtime_ns}\0{changed}\0".encode()
        )
    try:
        file: Path | None = kept() / stamp.hexdigest()
    except OSError:
        file = None
    if file is not None:
        with contextlib.suppress(OSError, UnicodeDecodeError):
            text = file.read_text(encoding="ascii")
            if _CODE_KEY.fullmatch(text):
                return text
    found = blake2b(digest_size=16)
    for rel in named:
        with open(f"{root}/{rel}", "rb") as source:  # noqa: PTH123 (see above)
            data = source.read()
        found.update(f"{rel}\0{len(data)}\0".encode() + data)
    key = found.hexdigest()
    if file is not None and time.time_ns() - newest >= index_reading.RACY_NS:
        with contextlib.suppress(OSError):
            since = time.time() - UNUSED_DAYS * 86400
            for other in file.parent.iterdir():
                with contextlib.suppress(OSError):
                    if other.stat().st_mtime < since:
                        other.unlink()
            temp = file.with_name(f"{file.name}.{os.getpid()}")
            temp.write_text(key, encoding="ascii")
            temp.replace(file)
    return key


_CODE_KEY = lazy(r"[0-9a-f]{32}")


def _made_by_this_code(meta: dict[str, str]) -> bool:
    """Whether the rows under ``meta`` (the ``meta`` table) were made by this parser and
    this code (:func:`code_key`)."""
    return meta.get("parser") == str(PARSER_VERSION) and meta.get("code") == code_key()


def default_path(vault: Vault) -> Path:
    """Where a vault's index lives: ``$JOURNAL_INDEX`` (relative to the working folder),
    else ``[index] path`` in the config (relative to the vault), else one file per vault
    and per version of the index (schema and :func:`code_key`, which covers
    ``PARSER_VERSION``) in the user cache folder: two versions never share it.  The
    folders of the config's path and the cache folder are made (missing in a fresh
    clone), not :func:`variable_path`'s."""
    chosen = variable_path()
    if chosen is not None:
        return chosen
    if vault.config.index.path:
        path = Path(vault.config.index.path).expanduser()
        return path if path.is_absolute() else vault.root / path
    return vault_cache_file(vault.root, f".s{SCHEMA_VERSION}-{code_key()[:8]}.sqlite")


def variable_path() -> Path | None:
    """The index file ``$JOURNAL_INDEX`` names (relative to the working folder), if set;
    a usage error when its folder does not exist: a typo in the variable would make
    folders anywhere."""
    chosen = variable("JOURNAL_INDEX")
    if not chosen:
        return None
    path = absolute(Path(chosen).expanduser(), "JOURNAL_INDEX")
    try:
        path.parent.stat()
    except FileNotFoundError:
        raise UsageProblem(
            f"JOURNAL_INDEX: the folder {path.parent} does not exist: make it "
            f"({shell_words(['mkdir', '-p', str(path.parent)])}) or give a file in a "
            "folder that does"
        ) from None
    except OSError:  # can't be looked in: told when the index is opened
        pass
    return path


#: A moved-aside copy of one (see ``_moved_aside``): its vault part and hash, its stamp.
_CACHED_ASIDE = lazy(
    r"([\w.-]*-([0-9a-f]{12}))(?:\.s\d+-[0-9a-f]{8})?\.sqlite\.(\d{8}-\d{6})(?:-\d+)?\.bad"
)


def prune_orphans(keep: Path | None) -> list[Path]:
    """Delete the index files in the cache folder whose vault folder no longer exists
    (with their logs, the vault's lock file and moved-aside copies), but ``keep``; the
    index files deleted.  A vault
    on a drive not mounted now loses only its cache: the next command rebuilds it."""
    folder = cache_folder()
    try:
        names = sorted(p.name for p in folder.iterdir())
    except OSError:
        return []
    pruned = []
    for found in filter(None, map(CACHED_INDEX.fullmatch, names)):
        path = folder / found[0]
        if path == keep:
            continue
        root = _root_of(path)
        if root is None or not Path(root).is_absolute() or not folder_gone(Path(root)):
            continue
        aside = [folder / other for other in names if _moved_aside(found[0]).fullmatch(other)]
        if _delete_index(path, aside):
            with contextlib.suppress(OSError):  # the vault's write lock (Vault.lock)
                (folder / f"{found[1]}.lock").unlink()
            pruned.append(path)
    return pruned


def prune_other_versions(index: Path) -> list[Path]:
    """When ``index`` is in the cache folder, delete there the index files of its vault
    that other versions of journal made and no process modified for
    :data:`UNUSED_DAYS` (an older ``journal watch`` may still use a fresher one), and its
    moved-aside copies of any version moved aside as long ago (their index file there or
    gone); the index files deleted."""
    folder, ours = index.parent, CACHED_INDEX.fullmatch(index.name)
    if _chosen(index):  # the user's folder: its files are none of journal's to delete
        return []
    try:
        names = sorted(p.name for p in folder.iterdir())
    except OSError:
        return []
    since = time.time() - UNUSED_DAYS * 86400
    pruned = []
    for name in names:
        found = CACHED_INDEX.fullmatch(name)
        aside = _CACHED_ASIDE.fullmatch(name)  # its index file there or gone
        vault = found or aside
        if ours is None or vault is None or vault[2] != ours[2]:
            continue
        if found and folder / name != index and _last_written(folder / name) < since:
            if _delete_index(folder / name, []):
                pruned.append(folder / name)
        elif aside and _moved_at(aside[3]) < since:
            with contextlib.suppress(OSError):
                (folder / name).unlink()
    return pruned


def _moved_at(stamp: str) -> float:
    """When an index file was moved aside, by the ``stamp`` in its name (local time)."""
    try:
        return time.mktime(time.strptime(stamp, "%Y%m%d-%H%M%S"))
    except (ValueError, OverflowError):
        return math.inf  # no time: kept


def _last_written(index: Path) -> float:
    """When the index file ``index`` or its logs were last modified (a process in WAL
    mode writes its log; the file changes at checkpoints)."""
    times = []
    for path in (index, Path(f"{index}-wal"), Path(f"{index}-shm")):
        with contextlib.suppress(OSError):
            times.append(path.stat().st_mtime)
    return max(times, default=0.0)


def _delete_index(path: Path, aside: Iterable[Path]) -> bool:
    """Delete the index file ``path`` in the cache folder with its logs, build lock and
    the moved-aside copies ``aside``; False when it can't be deleted."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:
        return False  # a cache folder that can't be written: nothing is deleted
    for target in (Path(f"{path}-wal"), Path(f"{path}-shm"), _build_lock(path), *aside):
        with contextlib.suppress(OSError):
            target.unlink()
    return True


def _build_lock(index: Path) -> Path:
    """The lock a process holds while it reads many files into the index at ``index``
    (:meth:`Index._reading_alone`)."""
    return index.with_suffix(".build.lock")


def _moved_aside(name: str) -> re.Pattern[str]:
    """The names the index file ``name`` gets when moved aside (see ``_move_aside``)."""
    return re.compile(re.escape(name) + r"\.(\d{8}-\d{6})(?:-(\d+))?\.bad")


def _root_of(path: Path) -> str | None:
    """The vault an index file was made for; None when it can't be read.  Opened as
    immutable, which makes no log files beside it (a root never changes once written)."""
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, timeout=1)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'root'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row and isinstance(row[0], str) else None


@record()
class Refresh(Record):
    """What one reconcile did."""

    scanned: int = 0
    parsed: list[str] = field(default_factory=list)  # read and (re)stored
    removed: list[str] = field(default_factory=list)
    touched: int = 0  # read again but unchanged
    unread: int = 0  # files left to read when the refresh was stopped
    seconds: float = 0.0
    #: the notes a refresh of some paths found not downloaded from iCloud (only their
    #: placeholder is there): left out of every list
    offline: list[str] = field(default_factory=list)
    #: the notes of excluded folders that came or went (links to their names resolve anew)
    excluded: list[str] = field(default_factory=list)
    #: the notes read while an editor was saving them (told so, stored with no hash): to
    #: be read again once the save is over, when no event may come
    saving: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.parsed or self.removed or self.offline or self.excluded)

    def then(self, later: Refresh) -> Refresh:
        """This reconcile and a ``later`` one, as one."""
        return Refresh(
            scanned=max(self.scanned, later.scanned),
            parsed=sorted((set(self.parsed) - set(later.removed)) | set(later.parsed)),
            removed=sorted(set(self.removed) - set(later.parsed) | set(later.removed)),
            touched=self.touched + later.touched,
            unread=later.unread,
            seconds=self.seconds + later.seconds,
            offline=sorted(set(self.offline) - set(later.parsed) | set(later.offline)),
            excluded=sorted(set(self.excluded) | set(later.excluded)),
            saving=sorted(set(self.saving) - set(later.parsed) | set(later.saving)),
        )


class Head(NamedTuple):
    """A note as lookups see it (see :class:`journal.core.catalog.NoteHead`)."""

    path: str
    kind: str
    id: str | None
    title: str
    aliases: tuple[str, ...]
    readable: bool

    @property
    def stem(self) -> str:
        return stem_of(self.path)


#: A row whose ``path`` is none of the sync-conflict copies given as a JSON list.
_NOT_LEFT_OUT = "path NOT IN (SELECT value FROM json_each(?))"


class _Known(NamedTuple):
    """A file as the index saw it before a refresh's scan."""

    size: int
    changed_ns: int
    inode: int
    hash: str | None


#: A row as the stat scan compares it: path, size, changed_ns, inode, whether the row can
#: be trusted while that stat is unchanged (it was hashed, and its change was old enough
#: when it was read: see :data:`~journal.adapters.index_reading.RACY_NS`), and the hash.
_Stamp = tuple[str, int, int, int, int, str | None]


#: Whether a row can be trusted while its stat is unchanged (see :data:`_Stamp`; ``?``:
#: :data:`~journal.adapters.index_reading.RACY_NS`).
_TRUSTED = "hash IS NOT NULL AND checked_ns - changed_ns >= ?"
_STAMP_SQL = f"SELECT path, size, changed_ns, inode, {_TRUSTED}, hash FROM notes"
#: Every row's stat as the stat scan of the whole vault compares it with a file's, in C
#: (a set of them against the scan's tuples): path, size, change time and inode, the
#: change time NULL (equal to none) for a row not to trust while that stat is unchanged.
_SCANNED_SQL = f"SELECT path, size, CASE WHEN {_TRUSTED} THEN changed_ns END, inode FROM notes"
_SIZE, _INODE = attrgetter("st_size"), attrgetter("st_ino")


class _Compared(NamedTuple):
    """A stat scan compared with the rows (see :meth:`Index._compare`)."""

    stamps: dict[str, _Stamp]  # the rows of the paths to read and of those gone, at least
    found: dict[str, os.stat_result | None]
    stale: list[str]  # the paths to read
    gone: list[str]
    rows: bool  # whether the index held any row of the scope (none: a first build)


def _changed(stamp: _Stamp | None, info: os.stat_result | None, *, untrusted: bool = True) -> bool:
    """Whether a file must be read again: no trusted row (``untrusted``: a row whose stat
    is too recent to trust counts), or another stat (an inode of 0 is none known:
    Windows' directory listing gives no inode, where the read's stat does, and every
    file would be read again by every command)."""
    return (
        stamp is None
        or info is None  # (only listed: no row either)
        or (untrusted and not stamp[4])
        or stamp[1] != info.st_size
        or stamp[2] != changed_ns(info)
        or (info.st_ino != 0 and stamp[3] != info.st_ino)
    )


def _still_unreadable(entry: Entry, known: _Known | None) -> bool:
    """Whether ``entry``, read again, is a note that could not be read with the stat the
    index stored it with, as one that could not be read (no hash).  Such a note is read
    again by every refresh (what keeps it unreadable may end with no change of its stat:
    a lock), which is no change: a watcher told it at every reconcile."""
    return (
        known is not None
        and known.hash is None
        and entry.note[1:5] == (known.size, known.changed_ns, known.inode, None)
    )


class IndexLocked(JournalError):
    """Another process held the index's write lock for all of :data:`BUSY_SECONDS`."""


class NewerIndex(JournalError):
    """The index file was made by a newer version of journal: not this one's to use."""


class IndexTakenOver(JournalError):
    """Another version of journal made the index again since this process opened it."""


#: The classes typed records are made of: the only ones their unpickler makes, so that
#: an index file made by someone else (``[index] path`` is in the vault's settings)
#: can't run code.
_RECORD_CLASSES: dict[tuple[str, str], type] = {
    (cls.__module__, cls.__qualname__): cls
    for cls in (date, CheckIn, Goal, Milestone, Link, Contact, Meeting)
}
#: How each per-note table's rows of some paths are found: ``records`` by its key, whose
#: first column is the kind (by the path alone, every row is read)
_WHERE_PATH = {
    table: "path IN "
    if table != "records"
    else f"kind IN ({', '.join(repr(kind) for kind in RECORD_OF)}) AND path IN "
    for table in _PER_NOTE
}


class _RecordUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str, /) -> Any:
        try:
            return _RECORD_CLASSES[module, name]
        except KeyError:
            raise pickle.UnpicklingError(f"{module}.{name} is no part of a record") from None


def _unpickled(blob: bytes, kind: str) -> Any:
    """The typed record of a note of ``kind`` stored as ``blob``."""
    try:
        record = _RecordUnpickler(io.BytesIO(blob)).load()
    except Exception as exc:  # any damage in the bytes
        raise DamagedRows(f"a {kind} record can't be read: {exc}") from None
    if type(record) is not RECORD_OF[kind]:
        raise DamagedRows(f"a {kind} record holds a {type(record).__name__}")
    return record


#: Seconds between tries of an index file that could not be used (see Index._replaced).
RETRY_SECONDS = 1.0
#: How much more room a full disk must have before the index file is tried again: a
#: try brings the file up to date (a scan, maybe every note), not to be done each second
#: on a busy disk whose free room goes up and down by a few pages.
ROOM_GAIN = 1 << 20


#: The fix of two vaults given one index file: each rebuilds it in turn, for itself.
OWN_INDEX = "give each vault an index of its own: `[index] path`, JOURNAL_INDEX"


class Why(NamedTuple):
    """Why the index is built anew: a word for scripts (``index --json``'s
    ``rebuilt_because``) and the words told."""

    code: str
    words: str = ""


class _Unusable(NamedTuple):
    """The index file as it was last tried, while it can't be used (see Index._replaced)."""

    seen: tuple[int, int, bool] | None  # what was at its path (Index._file_id)
    tried: float  # when (time.monotonic)
    room: int  # the bytes free on its disk then


def _room(path: Path) -> int:
    """The bytes free to this user on the disk of the folder of ``path`` (0: unknown);
    shutil imported here, only a full disk asks (``list`` started without it, 7 M
    instructions)."""
    import shutil

    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return 0


class Index:
    """One vault's index; use :meth:`open`, then :meth:`refresh` before reading."""

    def __init__(self, vault: Vault, path: Path | None, *, in_memory: bool = False) -> None:
        self.vault = vault
        self.file = path  # the index's file; None: in memory for good (no cache folder)
        self._unopened = in_memory  # it could not be opened yet: in memory meanwhile
        self.notify = vault.notice  # what the user should know (each message once)
        self.periodic: PeriodicSettings = vault.periodic
        for problem in self.periodic.problems:  # notes may be dated otherwise than meant
            self.notify(f"{problem}; notes are dated as if it were not there")
        self.outdated: Why | None = None  # why the rows must be made again (see _check_meta)
        self.rebuilt_because: str | None = None  # why this process built it anew (Why.code)
        self._holding = False  # inside a rebuild's one write transaction
        self._emptied = False  # ... that emptied the tables: every row is one it stored
        self._unlooked = False  # ... whose lookup indexes are dropped (see _read_and_store)
        self._data_version: int | None = None  # see changed_elsewhere
        self._changes: str | None = None  # the `changes` count then
        self._seen_elsewhere = False  # a store found another's changes first (see _store)
        self._remade: Refresh | None = None  # see take_repaired
        self.pruned: list[Path] = []  # other versions' index files deleted (see _connect)
        self.conn = self._connect(in_memory=in_memory)
        self._opened = None if in_memory else self._file_id()
        #: the file as last tried, while in memory (``in_memory``: it could not be opened)
        self._unusable: _Unusable | None = self._as_tried() if in_memory else None

    @classmethod
    def open(cls, vault: Vault, path: Path | None = None) -> Index:
        """Open (creating or repairing) the index of ``vault``; notices go to
        :meth:`Vault.notice`."""
        target = path or default_path(vault)
        if _chosen(target):
            _tell_inside(vault, target)
        try:
            return cls(vault, target)
        except NewerIndex as exc:
            vault.notice(str(exc))
            return cls(vault, target, in_memory=True)  # tried again as _replaced says
        except (OSError, sqlite3.OperationalError) as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise JournalError(f"the index {target} stays locked: {exc}") from None
            reason = _why_not(exc, target)
            vault.notice(f"can't use the index {target} ({reason}); working without one")
            return cls(vault, target, in_memory=True)  # tried again as _replaced says

    @property
    def path(self) -> Path | None:
        """The index's file, None while the index is in memory as it could not be opened
        (its file is tried again meanwhile, see :meth:`_replaced`)."""
        return None if self._unopened else self.file

    @property
    def in_memory(self) -> bool:
        """Whether the index is in memory now, not its file (which may come back)."""
        return self.file is None or self._unusable is not None

    # --- opening, repairing -----------------------------------------------------------

    def _connect(self, *, in_memory: bool = False) -> sqlite3.Connection:
        path = None if in_memory else self.file
        if path is not None:
            made = path.exists()
            if made and not path.is_file():  # /dev/null: SQLite would make a
                # journal file beside it (/dev/null-journal)
                raise OSError(errno.EINVAL, "it is not a regular file", str(path))
            _refuse_foreign(path, self.vault)
            private_folder(path.parent)
            _refuse_read_only(path)
            if not made:  # this version makes its file: after an upgrade, say
                self.pruned += prune_other_versions(path)
        for attempt in (1, 2):
            if path is not None:  # a new file, or one made anew once moved aside
                _make_private(path)
            conn = sqlite3.connect(
                str(path or ":memory:"),
                timeout=BUSY_SECONDS,
                isolation_level=None,
                check_same_thread=False,  # one thread at a time (the watcher's loop)
            )
            try:
                problem = self._prepare(conn)
            except sqlite3.DatabaseError as exc:
                conn.close()
                if not damaged(exc) or attempt == 2:
                    raise
                if path is not None:
                    _refuse_other_file(path)
                problem = Why("damaged", f"is damaged ({exc})")
            else:
                if problem is None:
                    return conn
                foreign = path is not None and _chosen(path) and not _ours(conn)
                conn.close()
                if foreign:  # another program's database, at a path the user chose
                    raise ConfigError(
                        f"the index path {path} holds a SQLite database journal did not make "
                        "(another program's?): not moving it aside; set `[index] path` or "
                        "JOURNAL_INDEX to a file of its own"
                    )
                if problem.code == "newer-version":
                    raise NewerIndex(f"the index {path} {problem.words}")
            self._move_aside(problem)
        raise AssertionError("unreachable")  # pragma: no cover

    def _prepare(self, conn: sqlite3.Connection) -> Why | None:
        """Set the connection up; a reason to move the file aside, or None when usable."""
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # a new file's: no other changes
        _while_locked(conn, "PRAGMA journal_mode = WAL", self._waiting)
        conn.execute("PRAGMA synchronous = NORMAL")
        # the deleted rows' text overwritten only in pages written anyway: SQLite built
        # with SECURE_DELETE (Debian's, Ubuntu's) zeroed every page a rebuild emptied,
        # through the log, before writing the new rows over it (0.04-0.07 s of a 1.7 s
        # rebuild at 10,000 notes; 17 MB more of log)
        conn.execute("PRAGMA secure_delete = FAST")
        conn.execute("PRAGMA cache_size = -32000")  # 32 MB: a cold build writes a lot
        # a rebuild writes the whole index to the log; a watcher's connection keeps the
        # log file open, so cut it back after each checkpoint
        conn.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            _while_locked(conn, "BEGIN IMMEDIATE", self._waiting)
            try:
                problem = self._made_for_this_version(conn)
                conn.execute("ROLLBACK" if problem else "COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            if problem:
                return problem
            version = conn.execute("PRAGMA user_version").fetchone()[0]  # a newer one's?
        if version > SCHEMA_VERSION:  # moved aside or rebuilt, the newer one would too
            return Why(
                "newer-version",
                f"was made by a newer version of journal (schema {version}); this one "
                f"(schema {SCHEMA_VERSION}) reads the notes without it: upgrade this "
                "journal, or give it an index of its own (JOURNAL_INDEX)",
            )
        self._check_meta(conn)
        return None

    def _made_for_this_version(self, conn: sqlite3.Connection) -> Why | None:
        """In a write transaction, make this schema's tables in a new file, or in place
        of an older version's (its rows are a cache of the notes, not worth a copy; an
        older process still using the file stops at its next write, as
        :meth:`_refuse_other_code` does); a reason not to use the file, or None."""
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version >= SCHEMA_VERSION:  # made meanwhile
            return None
        made = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite%'"
        ).fetchall()
        if made and (version == 0 or not _ours(conn)):
            return Why("not-an-index", "is not a journal index")
        if made:
            self.notify(
                f"the index {self.file} was made by an older version of journal (schema "
                f"{version}): rebuilding it for this version (once after an upgrade)"
            )
            self.rebuilt_because = "older-version"
            for kind, name, _sql in sorted(made, key=lambda m: "VIRTUAL" not in (m[2] or "")):
                if kind in ("table", "view"):  # an FTS5 table first: it drops its own
                    conn.execute(f'DROP {kind} IF EXISTS "{name}"')
        self._create(conn)
        return None

    def _create(self, conn: sqlite3.Connection) -> None:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        _make_search(conn)
        _make_lookups(conn)
        conn.executemany("INSERT INTO meta VALUES (?, ?)", self._identity())
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.rebuilt_because = self.rebuilt_because or "new"

    def _identity(self) -> list[tuple[str, str]]:
        """What the rows were made by and for: the parser, the vault, the fingerprint of
        the settings that date notes by their names (Obsidian's daily notes), and the
        excluded folders and notes (``Vault.excluded``), which have no rows."""
        return [
            ("parser", str(PARSER_VERSION)),
            ("code", code_key()),
            ("root", str(self.vault.root)),
            ("dating", self.periodic.key),
            ("excluded", json_text(sorted(self.vault.excluded))),
        ]

    def _check_meta(self, conn: sqlite3.Connection) -> None:
        """Note (in :attr:`outdated`) that the rows were made by another parser, for
        another vault, under other daily-note settings or other excluded folders or notes (see
        :meth:`_identity`): the next refresh makes them all again, in one transaction."""
        meta = _metadata(conn)
        reason = self._outdated_because(meta)
        if reason is not None and self.file is not None and meta.get("root") is not None:
            self.notify(f"rebuilding the index {self.file}: {reason.words}")
        self.outdated = reason

    def _outdated_because(self, meta: dict[str, str]) -> Why | None:
        """Why rows made under ``meta`` (the ``meta`` table) are not this vault's, or None."""
        if meta.get("root") != str(self.vault.root):  # inside a copied vault: see open
            inside = self.file is not None and self.file.resolve().is_relative_to(self.vault.root)
            hint = "" if inside else f" ({OWN_INDEX})"
            return Why("other-vault", f"it held the notes of {meta.get('root')}{hint}")
        if not _made_by_this_code(meta):
            return Why("parser", "the note parser changed")
        if meta.get("dating") != self.periodic.key:
            return Why(
                "daily-notes", "the daily-note settings (.obsidian/, [obsidian] locale) changed"
            )
        if meta.get("excluded", "[]") != json_text(sorted(self.vault.excluded)):
            return Why("excluded", "the excluded folders or notes changed")
        return None

    def _clear(self, conn: sqlite3.Connection) -> None:
        self._changes = self._count_changes()  # kept across, for the other connections
        for table in _TABLES:
            if table != "search":
                conn.execute(f"DELETE FROM {table}")
        # made anew: FTS5 deletes its rows one by one (0.16 s at 10,000 notes, 0.07 s so)
        conn.execute("DROP TABLE search")
        _make_search(conn)
        rows = [*self._identity(), ("changes", self._changes)]
        conn.executemany("INSERT INTO meta VALUES (?, ?)", rows)

    def _move_aside(self, reason: Why) -> None:
        assert self.file is not None
        self.rebuilt_because = reason.code
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.file.with_name(f"{self.file.name}.{stamp}.bad")
        count = 1
        while aside.exists():  # moved aside twice in one second: keep both
            count += 1
            aside = self.file.with_name(f"{self.file.name}.{stamp}-{count}.bad")
        with contextlib.suppress(FileNotFoundError):  # another process moved it already
            self.file.replace(aside)
        for suffix in ("-wal", "-shm"):
            Path(str(self.file) + suffix).unlink(missing_ok=True)
        moved = _moved_aside(self.file.name)
        found = [(moved.fullmatch(p.name), p) for p in self.file.parent.iterdir()]
        old = sorted((m[1], int(m[2] or 1), p) for m, p in found if m)  # oldest first
        for _stamp, _count, path in old[:-KEEP_ASIDE]:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        self.notify(
            f"the index {self.file} {reason.words}; "
            f"moved it aside to {aside.name} and rebuilding it from the notes"
        )

    def _guard(self, action: Callable[[], T], remade: Callable[[], T] | None = None) -> T:
        """Run ``action``; on a damaged database, move it aside, rebuild, run it again
        (or, when given, run ``remade`` instead of both: a refresh of everything); on a
        full disk, the same in memory (:meth:`_in_memory_for_now`)."""
        try:
            return action()
        except sqlite3.DatabaseError as exc:
            if self._newer_schema():
                raise self._other_version() from None  # its tables: no damage
            if full(exc) and self.file is not None and self._unusable is None:
                self._in_memory_for_now(f"can't write the index {self.file} ({exc})")
            elif not damaged(exc) or self.file is None:
                raise
            else:
                self.conn.close()
                self._move_aside(Why("damaged", f"is damaged ({exc})"))
                self.conn = self._connect()
                self._opened, self._data_version = self._file_id(), None
            if remade is not None:
                return remade()
            repaired = self._refresh(None, None, None)
            self._remade = repaired if self._remade is None else self._remade.then(repaired)
            return action()

    def _newer_schema(self) -> bool:
        """Whether a newer version of journal made the open file again, in place."""
        try:
            version: int = self.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error:
            return False
        return version > SCHEMA_VERSION

    def _in_memory_for_now(self, why: str) -> None:
        """Work in memory until the file can be written again (tried as
        :meth:`_replaced` says): the disk is full, say, and the command answers all the
        same, from notes read anew."""
        self.notify(f"{why}; working without it until it can be written again")
        self._opened = None
        self.conn.close()  # what the failed write began is rolled back
        self._unusable = self._as_tried()  # after closing, which may give room back
        self.conn, self._data_version = self._connect(in_memory=True), None
        self.outdated = None  # a new, empty database, made whole by the caller

    def close(self) -> None:
        self.conn.close()

    # --- refreshing -------------------------------------------------------------------

    def _count_changes(self) -> str:
        """Count a change of the notes stored (in the open write transaction), for
        :meth:`changed_elsewhere`: the ``changes`` value of ``meta`` after it.  Noted when
        the count found was not this connection's own (another stored notes since)."""
        before = self._meta("changes")
        if self._changes is not None and before != self._changes:
            self._seen_elsewhere = True
        counted = str(int(before or 0) + 1)
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('changes', ?)", (counted,))
        return counted

    def _commits_of_others(self) -> int:
        """SQLite's ``data_version`` of this connection: a number that moves when another
        connection commits a change to the file (and only then)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def changed_elsewhere(self) -> bool:
        """Whether another connection (another journal command) stored or removed notes
        since this was last asked (SQLite's ``data_version`` says it committed; the
        ``changes`` count of :meth:`_store`, whether that was more than the stat of files
        read again unchanged, after a ``touch``); False the first time."""
        version = self._commits_of_others()
        seen, self._seen_elsewhere = self._seen_elsewhere, False
        if version == self._data_version:
            return False
        first, self._data_version = self._data_version is None, version
        changes, self._changes = self._changes, self._meta("changes")
        return not first and (seen or changes != self._changes)

    def notes_digest(self, *, but_kind: str, but_path: str | None) -> str:
        """A hash of every note's path and stored bytes' hash (its stat, for a note
        stored without one) but those of kind ``but_kind`` and the one at ``but_path``:
        the same while no other note came, went or changed (10 ms at 10,000 notes)."""

        def run() -> list[tuple[str, str]]:
            return self.conn.execute(
                "SELECT path, coalesce(hash, size || ' ' || changed_ns) FROM notes"
                " WHERE kind != ? AND path != ? ORDER BY path",
                (but_kind, but_path or ""),
            ).fetchall()

        return digest("\n".join(f"{path}\t{hashed}" for path, hashed in self._guard(run)).encode())

    def refresh(
        self,
        scope: Iterable[str] | None = None,
        *,
        progress: Callable[[int, int], None] | None = None,
        stop: Callable[[], bool] | None = None,
        hold_saving: bool = False,
    ) -> Refresh:
        """Reconcile the index with the disk: the whole vault, or only the files and
        folders in ``scope`` (vault-relative paths).  ``progress(done, total)`` is
        called while files are read; once ``stop()`` is true, the refresh ends after
        storing what it has read (the index stays consistent, only not fully fresh).
        ``hold_saving``: a note read while an editor is saving it keeps its row as it was
        (none, for a new one) rather than being stored as being saved, and is only in
        :attr:`Refresh.saving`: the watcher reads it once the save is over."""
        paths = None if scope is None else sorted(set(scope))
        if self._replaced():
            paths = None  # a new, empty file: every note is to be read
        return self._reconcile(paths, progress, stop, hold_saving)

    def _reconcile(
        self,
        paths: list[str] | None,
        progress: Callable[[int, int], None] | None = None,
        stop: Callable[[], bool] | None = None,
        hold_saving: bool = False,
    ) -> Refresh:
        """:meth:`refresh` of ``paths`` in the database open."""
        if self.outdated is not None:
            return self._guard(lambda: self._remake(progress, stop, always=False))

        def everything() -> Refresh:
            with self._unsynced_when_empty():
                return self._refresh(None, progress, stop, hold_saving)

        return self._guard(  # a damaged file: made anew by reading every note
            everything
            if paths is None
            else lambda: self._refresh(paths, progress, stop, hold_saving),
            everything,
        )

    @contextlib.contextmanager
    def _unsynced_when_empty(self) -> Iterator[None]:
        """Commit without waiting for the disk while an index that holds no note yet is
        filled (a first build, or one moved aside): the wait for a whole index written
        at once, not the work, was a tenth of a cold build here (0.3 s of 3.4 s at
        10,000 notes).  A power cut just after can only leave some of these rows out or
        the file damaged: the stat scan reads the notes left out, a damaged file is moved
        aside and made again; rows of an index that held notes (of another parser, say)
        are rewritten with the wait, as every other write.

        Nor through the write-ahead log, for a vault of
        :data:`~journal.adapters.index_reading.PARALLEL_MIN` notes or more while no other
        connection has the file open (:func:`_unlogged`): written
        there, then copied into the file, a whole index was written twice (0.09 s of a
        1.9 s cold build, at its end, on one core).  Other commands wait for such a
        build, as they do for its build lock; a smaller vault's builds don't make them
        wait (commands started at once, each with a few notes to read, said they did)."""
        if self.conn.execute("SELECT 1 FROM notes LIMIT 1").fetchone() is not None:
            yield
            return
        self.conn.execute("PRAGMA synchronous = OFF")
        many = (
            len(list(islice(self.vault.iter_notes(), index_reading.PARALLEL_MIN)))
            == index_reading.PARALLEL_MIN
        )
        unlogged = self.file is not None and many and _unlogged(self.conn)
        try:
            yield
        finally:
            if unlogged:
                self._logged_again()
            self.conn.execute("PRAGMA synchronous = NORMAL")

    def _logged_again(self) -> None:
        """Back to the write-ahead log after :meth:`_unsynced_when_empty`, its log and
        shared-memory files made now, as in every other use.  Its rows are committed:
        a switch that fails (a disk just filled, found in review) is no failed build -
        the file is left as it is, and the next process that opens it switches it."""
        try:
            _while_locked(self.conn, "PRAGMA journal_mode = WAL", self._waiting)
            self.conn.execute("SELECT 1 FROM meta LIMIT 1").fetchone()
        except (sqlite3.Error, IndexLocked):
            pass

    def take_repaired(self) -> Refresh | None:
        """What the repairs of a damaged file read since this was last asked, outside a
        refresh (reading it: :meth:`_guard`), and what the file was brought up to date
        with that the notes read into memory meanwhile did not hold (:meth:`_caught_up`);
        the watcher tells it with its next batch."""
        repaired, self._remade = self._remade, None
        return repaired

    def rebuild(self, *, progress: Callable[[int, int], None] | None = None) -> Refresh:
        """Forget everything and read every note again; then give the disk back when
        more than a quarter of the file is free pages (after many notes went away)."""
        self._replaced()
        remake = functools.partial(self._remake, progress, None, always=True)
        result = self._guard(remake, remake)  # a damaged file: made anew, then this once
        started = time.perf_counter()
        self._guard(self._compact)
        self._remade = None  # a repair while compacting read what this rebuild did
        result.seconds += time.perf_counter() - started
        return result

    def _compact(self) -> None:
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        free = self.conn.execute("PRAGMA freelist_count").fetchone()[0]
        if free * 4 > pages:
            self._end_read()
            with contextlib.suppress(IndexLocked):  # the rebuild is done: compact next time
                _while_locked(self.conn, "VACUUM", self._waiting)  # keeps rowids (notes.num)
            # the file shrinks once the log is copied back: now, unless a reader needs it
            # (a passive checkpoint waits for nobody; a later one finishes the work)
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def _remake(
        self,
        progress: Callable[[int, int], None] | None,
        stop: Callable[[], bool] | None,
        *,
        always: bool,
    ) -> Refresh:
        """Empty the index and read every note again (``always``; else only while the
        rows are still outdated: another process may have made them meanwhile), in one
        write transaction, so other processes read the old rows until it commits, never
        an index half made.  Stopped, it is rolled back."""
        self._end_read()
        try:
            with self._unsynced_when_empty(), self._write():
                self._holding = True
                why = Why("asked") if always else self._outdated_because(_metadata(self.conn))
                if why is not None:
                    self._clear(self.conn)
                    for name in _LOOKUPS:
                        self.conn.execute(f"DROP INDEX {name}")
                    self._unlooked = self._emptied = True
                result = self._refresh(None, progress, stop)
                self._look_up()
                if stop is not None and stop():
                    raise _Stopped
        except _Stopped:
            return Refresh()
        finally:
            self._holding = self._unlooked = self._emptied = False
        self.outdated = None
        if why is not None:
            self.rebuilt_because = self.rebuilt_because or why.code
        return result

    def _look_up(self) -> None:
        """Make the lookup indexes a remake dropped (:data:`_LOOKUPS`), unless made."""
        if self._unlooked:
            _make_lookups(self.conn)
            self._unlooked = False

    def _file_id(self) -> tuple[int, int, bool] | None:
        """Which file the connection opened (device, inode) and whether it is whole (not
        emptied in place: shorter than SQLite's smallest page); None in memory."""
        if self.file is None:
            return None
        info = self.file.stat()
        return (info.st_dev, info.st_ino, info.st_size >= MIN_PAGE)

    def _at_path(self) -> tuple[int, int, bool] | None:
        """:meth:`_file_id` of what is at the index's path now; None when nothing is."""
        try:
            return self._file_id()
        except OSError:
            return None

    def _as_tried(self) -> _Unusable:
        """The file as it is now, tried and found unusable."""
        assert self.file is not None
        return _Unusable(self._at_path(), time.monotonic(), _room(self.file))

    def reopen_if_replaced(self) -> bool:
        """Open the file at the index's path anew if it is no longer the one open (see
        :meth:`_replaced`); True when it was.  A stat (and the room on its disk while
        working in memory): a watcher asks it every tick."""
        return self._replaced()

    def _replaced(self) -> bool:
        """When the file at the index's path is no longer the one open (deleted, or moved
        aside by another process) or was emptied in place (truncated), open the one there
        now (made anew if none): a long-running watcher would otherwise keep writing to a
        file nobody reads, and its connection to an emptied file would keep every other
        process out of it ("locked").  When that can't be done (a folder made at its path,
        its folder made read-only, its disk full: :meth:`_in_memory_for_now`), work in
        memory, and try the file again once what is at its path changes, or, at most every
        :data:`RETRY_SECONDS`, while nothing is there or once its disk has more room than
        at the last try; memory is let go of only once the file is written
        (:meth:`_caught_up`).  True when another database is open."""
        if self.file is None:
            return False
        now = self._at_path()
        if self._unusable is None:
            if now == self._opened:
                return False
        elif not self._worth_a_try(self._unusable, now):
            return False
        opened, outdated = self._opened, self.outdated
        emptied = now is not None and opened is not None and now[:2] == opened[:2] and not now[2]
        if emptied:  # let go of it first: this connection's lock would keep ours out too
            self._end_read()
            self.conn.close()
        try:
            conn = self._connect()
            if self._unusable is not None:
                conn = self._caught_up(conn)
        except (OSError, sqlite3.Error, ConfigError, NewerIndex) as exc:
            self._opened = None
            if self._unusable is not None:  # in memory already: stay so
                self._unusable, self.outdated = self._as_tried(), outdated
                return False
            self.notify(
                f"can't use the index {self.file} ({exc}); working without one until it "
                "can be used again"
            )
            self._unusable = self._as_tried()
            conn = self._connect(in_memory=True)
        else:
            if self._unusable is not None:
                self.notify(f"the index {self.file} can be used again")
            self._opened, self._unusable, self._unopened = self._file_id(), None, False
        if not emptied:
            self._end_read()
            self.conn.close()
        self.conn, self._data_version = conn, None  # its commits are no other process's
        return True

    def _worth_a_try(self, unusable: _Unusable, now: tuple[int, int, bool] | None) -> bool:
        """Whether to try the file again (see :meth:`_replaced`); ``now``: what is at its
        path (:meth:`_file_id`)."""
        if now != unusable.seen:
            return True
        if time.monotonic() - unusable.tried < RETRY_SECONDS:
            return False
        assert self.file is not None
        return now is None or _room(self.file) >= unusable.room + ROOM_GAIN

    def _caught_up(self, conn: sqlite3.Connection) -> sqlite3.Connection:
        """The file open on ``conn`` brought up to date with the notes, which were read
        into memory meanwhile (a damaged file is moved aside and made anew: the
        connection to use is given back); what it holds that memory did not (a note
        saved since memory's last refresh) is told by :meth:`take_repaired`.  When it
        can't be written (its disk still full), raises, ``conn`` closed."""
        held, memory, self.conn = self._hashes(), self.conn, conn
        try:
            self._reconcile(None)
            stored = self._hashes()
        except BaseException:
            self.conn.close()
            raise
        finally:
            conn, self.conn = self.conn, memory
        new = Refresh(
            parsed=sorted(p for p, hashed in stored.items() if p not in held or held[p] != hashed),
            removed=sorted(held.keys() - stored.keys()),
        )
        if new.changed:
            self._remade = new if self._remade is None else self._remade.then(new)
        return conn

    def _hashes(self) -> dict[str, str | None]:
        """Every note's hash, by path (None: a note that could not be read)."""
        return dict(self.conn.execute("SELECT path, hash FROM notes"))

    def _refresh(
        self,
        scope: list[str] | None,
        progress: Callable[[int, int], None] | None,
        stop: Callable[[], bool] | None,
        hold_saving: bool = False,
    ) -> Refresh:
        started = time.perf_counter()
        compared = self._compare(scope)
        with self._reading_alone(len(compared.stale), stop) as locked:
            if locked:  # another process may have stored them since the scan
                compared = self._compare(scope)
            excluded = self._store_excluded(scope)  # first: the notes' links may find them
            result = self._read_and_store(scope, progress, stop, started, compared, hold_saving)
        result.excluded = excluded
        if scope is not None:  # a whole listing tells them in its notice
            inside = tuple(f"{item}/" for item in scope)
            result.offline = [n for n in self.vault.offline if n in scope or n.startswith(inside)]
        return result

    @contextlib.contextmanager
    def _reading_alone(self, count: int, stop: Callable[[], bool] | None) -> Iterator[bool]:
        """Hold the build lock beside the index file while ``count`` files, enough to
        spread over processes (:data:`~journal.adapters.index_reading.PARALLEL_MIN`), are
        read and stored: commands started at once on an empty index (cron jobs, a status
        bar) each read the whole vault, 20 of them 20 times the work (found in a tryout).
        Yields whether it holds the lock: the caller then scans again, for what another
        process stored after its scan (while it waited, or just before).  No lock for an
        index in memory or inside a remake's transaction, which SQLite's write lock
        already keeps to one process; none either when it can't be taken (the files are
        then read, as before).  The wait ends once ``stop()`` (the refresh's): it then
        stores nothing."""
        if count < index_reading.PARALLEL_MIN or self.file is None or self._holding:
            yield False
            return
        lock = _build_lock(self.file)
        with turn(lock, BUSY_SECONDS, self._waiting, stop, LOCK_TELL_SECONDS) as why:
            yield why is None

    def _read_and_store(
        self,
        scope: list[str] | None,
        progress: Callable[[int, int], None] | None,
        stop: Callable[[], bool] | None,
        started: float,
        compared: _Compared,
        hold_saving: bool,
    ) -> Refresh:
        """The rest of :meth:`_refresh`, from its stat scan's comparison."""
        stamps, found, stale, gone, rows = compared
        result = Refresh(scanned=len(found))
        known = {p: _Known(*stamps[p][1:4], stamps[p][5]) for p in stale + gone if p in stamps}
        pending: list[Entry] = []
        touched: list[Touch] = []
        # every note is read now (a first build, a rebuild): links are resolved by file
        # name as they are read (in the workers, if any); the last pass sees only the others
        names = None
        if scope is None and not rows:
            names = _names_by_key([*found, *self._excluded_rows(None)])
        # another connection that writes meanwhile (a first build commits as it goes)
        # resolves links by alias where a file name answers once this build stored the
        # note of that name - storing a note, or resolving every link of a build not
        # done (its `resolve` mark): SQLite's count of their commits, now
        others = (self.conn, self._commits_of_others()) if names is not None else None
        resolve_all = names is not None or len(stale) + len(gone) > FULL_RESOLVE
        hashes = [known[p].hash if p in known else None for p in stale]
        context = process_context(len(stale))
        resolver = name_resolver(names) if names else None
        reading = read_all(str(self.vault.root), stale, hashes, self.periodic, resolver, context)
        ending = tail_size(len(stale)) if context is not None else 0  # workers' last chunks
        smallest = ramp_sizes()[0]  # ... each stored as it comes
        done, tail = 0, len(stale) - ending
        # a remake's lookup indexes are made before its last files, while workers read
        # them, not after, on one core; the rows that come after go into them
        looked_up = tail - 2 * ending if ending else -1
        try:
            for done, (rel, item) in enumerate(reading, 1):
                if item is None:
                    if rel in known:
                        gone.append(rel)
                elif isinstance(item, tuple):
                    touched.append(item)
                elif _still_unreadable(item, known.get(rel)):
                    result.touched += 1  # stored as it stands: nothing to store or tell
                elif item.note[4] is None and being_saved(item):
                    result.saving.append(rel)
                    if not hold_saving:
                        pending.append(item)
                else:
                    pending.append(item)
                if done == looked_up:
                    self._look_up()
                if len(pending) >= BATCH or (done > tail and len(pending) >= smallest):
                    result.parsed += self._store(
                        pending, touched, [], known, resolve=not resolve_all
                    )[0]
                    result.touched += len(touched)
                    pending, touched = [], []
                if progress is not None:
                    progress(done, len(stale))
                if stop is not None and stop():
                    break
        finally:
            reading.close()  # stops the worker processes at once
        # left unread: those that changed, not those read just before (too recent to
        # trust their stat), which the next command finds unchanged
        result.unread = sum(
            _changed(stamps.get(p), found[p], untrusted=False) for p in stale[done:]
        )
        stored, removed = self._store(pending, touched, gone, known, resolve=not resolve_all)
        result.parsed += stored
        result.touched += len(touched)
        result.removed = sorted(removed)
        stopped = stop is not None and stop()  # a pending full resolve is left for next time
        if not stopped and (resolve_all or self._meta("resolve") == "all"):
            with self._write():
                alone = (self.conn, self._commits_of_others()) == others
                self._resolve_all(names if alone else None)
        result.seconds = time.perf_counter() - started
        return result

    def _compare(self, scope: list[str] | None) -> _Compared:
        """The rows of ``scope`` (of the whole vault: only those of the paths to read and
        gone), the files found, the paths to read (their stat changed or is too recent to
        trust) and those gone.  With no row at all (a first build) the files are only
        listed, their stats None: every one is read, and the stat scan of 10,000 notes was
        0.03 s of a build's start, while no worker had work."""
        self._end_read()
        if scope is None:
            return self._compare_all()
        stamps = self._stamps(scope)  # before the scan: see _still and _superseded
        scanned = self._scan(scope)
        if twins := self._twins(scanned, stamps):
            stamps.update(self._stamps(twins))
            scanned.update(self._scan(twins))
        found = cast(dict[str, os.stat_result | None], scanned)
        get = stamps.get
        stale = [p for p, info in found.items() if _changed(get(p), info)]
        return self._compared(stamps, found, stale, stamps.keys() - found.keys(), bool(stamps))

    def _compare_all(self) -> _Compared:
        """:meth:`_compare` of the whole vault, in C: the rows' stats, read as a set
        before the scan, against the scan's (:data:`_SCANNED_SQL`); only the files with
        no equal row are compared as :func:`_changed` does.  Their rows, and those of
        the files gone, are read after the scan in the same read transaction: as they
        were before it.  (The rows read whole, and :func:`_changed` called per file, were
        half of a refresh's instructions at 10,000 notes.)"""
        conn = self.conn
        began = not conn.in_transaction  # (else a remake's: no other writer meanwhile)
        if began:
            conn.execute("BEGIN")
        try:
            rows = set(conn.execute(_SCANNED_SQL, (index_reading.RACY_NS,)))
            found = self._scan_vault(stat=bool(rows))
            if not rows:
                return self._compared({}, found, list(found), (), False)
            infos = cast(Collection[os.stat_result], found.values())
            stats = zip(
                found, map(_SIZE, infos), map(changed_ns, infos), map(_INODE, infos), strict=True
            )
            differ = [scanned[0] for scanned in filterfalse(rows.__contains__, stats)]
            gone: Collection[str] = ()  # every row equal to a file's: none gone
            if len(rows) > len(found) - len(differ):
                gone = set(map(itemgetter(0), rows)) - found.keys()
            stamps = self._stamps_of([*differ, *gone])
            get = stamps.get
            stale = [p for p in differ if _changed(get(p), found[p])]
            return self._compared(stamps, found, stale, gone, True)
        finally:
            if began:
                self._end_read()

    def _compared(
        self,
        stamps: dict[str, _Stamp],
        found: dict[str, os.stat_result | None],
        stale: list[str],
        missing: Collection[str],
        rows: bool,
    ) -> _Compared:
        """The comparison of a scan, the rows of the files not found ``missing``."""
        # a folder that can't be listed is no empty one: its notes stay, left out of
        # every list by the catalog, until it can be listed again
        unlisted = self.vault.left_out().unlisted
        gone = sorted(p for p in missing if not unlisted(p))
        return _Compared(stamps, found, sorted(stale), gone, rows)

    def _twins(self, found: dict[str, os.stat_result], stamps: dict[str, _Stamp]) -> list[str]:
        """The notes stored under another name of a file found by a scoped scan: a hard
        link (``ln``; a change made through one name changes the other, and no event
        names it), or the old path of a file moved to a path the index has no row for.
        A move between two folders the watcher watches apart comes as a creation and,
        half a second later, a deletion (found in a tryout: a review regenerated in
        between listed the goal twice); its old path is read (found gone) with the new.
        Looked up only for a new path or a file with more than one name."""
        inodes = sorted(
            {info.st_ino for p, info in found.items() if info.st_nlink > 1 or p not in stamps}
            - {0}  # none known (Windows' listing)
        )
        if not inodes:
            return []
        rows = self.conn.execute(
            "SELECT path FROM notes WHERE inode IN (SELECT value FROM json_each(?))",
            (json.dumps(inodes),),
        )
        return sorted({row[0] for row in rows} - found.keys() - stamps.keys())

    def pending(self, scope: Iterable[str] | None = None) -> int:
        """How many files :meth:`refresh` of ``scope`` would read now (every file of the
        vault when the rows are outdated), found by the stat scan alone."""
        if self.outdated is not None:
            scope = None
        paths = None if scope is None else sorted(set(scope))
        compared = self._guard(lambda: self._compare(paths))
        return len(compared.found) if self.outdated is not None else len(compared.stale)

    def _end_read(self) -> None:
        if self.conn.in_transaction and not self._holding:
            self.conn.execute("COMMIT")

    def _stamps(self, scope: list[str]) -> dict[str, _Stamp]:
        """The rows of the notes in ``scope`` (files and folders) as the stat scan
        compares them, by path."""
        stamps = {}
        for item in filter(is_utf8, scope):  # no other name is ever stored
            for row in self.conn.execute(
                _STAMP_SQL + " WHERE path = ? OR (path > ? AND path < ?)",
                (index_reading.RACY_NS, item, item + "/", item + "0"),
            ):
                stamps[row[0]] = row
        return stamps

    def _stamps_of(self, paths: list[str]) -> dict[str, _Stamp]:
        """The rows of the notes at ``paths`` as the stat scan compares them, by path."""
        if not paths:
            return {}
        rows = self.conn.execute(
            _STAMP_SQL + " WHERE path IN (SELECT value FROM json_each(?))",
            (index_reading.RACY_NS, json.dumps(paths)),
        )
        return {row[0]: row for row in rows}

    def _scan_vault(self, *, stat: bool) -> dict[str, os.stat_result | None]:
        """Every note of the vault, with its stat (``stat``) or None."""
        listed = self.vault.iter_notes(bad_name=self._skipped)
        if stat:  # (no copy for the wider type: every command's refresh comes here)
            return cast(dict[str, os.stat_result | None], _stats(listed, self._skipped))
        return {rel: None for rel, _entry in listed}

    def _scan(self, scope: list[str]) -> dict[str, os.stat_result]:
        vault = self.vault
        found: dict[str, os.stat_result] = {}
        for item in scope:
            with vault.relisting(item):  # listed below, or gone
                try:
                    info = os.lstat(vault.disk_path(item))  # names are as on disk: "\\" is no "/"
                except UnsafeWrite:
                    if why := vault.symlink_skipped(item):  # one made while a watcher runs
                        self._skipped(item, why)
                    continue
                except OSError as exc:  # a folder above it made unreadable: none of it is gone
                    if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
                        vault.find_unlisted_above(item, self._skipped)
                    elif vault.reads(item):  # gone, or evicted by iCloud
                        vault.look_offline(item, here=False)
                    continue
                if stat.S_ISDIR(info.st_mode) and not vault.ignores(item):
                    listed = vault.iter_notes(item, bad_name=self._skipped)
                    found.update(_stats(listed, self._skipped))
                elif stat.S_ISREG(info.st_mode) and vault.reads(item):
                    vault.look_offline(item, here=True)
                    problem = name_problem(item)
                    if problem is None:
                        found[item] = info
                    else:
                        self._skipped(item, problem)
        return found

    def _skipped(self, rel: str, reason: str) -> None:
        """Tell (once: see :meth:`Vault.notice`) that a note is left out, and why."""
        self.notify(skip_notice(rel, reason))

    # --- writing ----------------------------------------------------------------------

    def _write(self, *, wait: bool = True) -> contextlib.AbstractContextManager[None]:
        """A write transaction; inside a rebuild's, nothing more (it commits at its end).
        ``wait=False``: :class:`_Busy` at once while another process writes."""
        if self._holding:
            return contextlib.nullcontext()
        return _Transaction(self.conn, self._waiting if wait else None)

    def _waiting(self) -> None:
        self.notify(
            f"the index {self.file} is being written by another journal process (a build,"
            f" a watcher); waiting for it, up to {BUSY_SECONDS:.0f} s (Ctrl-C stops)"
        )

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _store(
        self,
        entries: list[Entry],
        touched: list[Touch],
        gone: list[str],
        known: dict[str, _Known],
        *,
        resolve: bool,
    ) -> tuple[list[str], list[str]]:
        """Write what a refresh read; the paths of the entries stored, and of the rows
        removed (``gone`` but those another process rewrote since the scan)."""
        if not (entries or touched or gone):
            return [], []
        conn = self.conn
        try:  # only stats of unchanged files: no wait for another writer (a rebuild)
            with self._write(wait=bool(entries or gone)):
                self._refuse_other_code()
                conn.executemany(  # unless another process stored other bytes meanwhile
                    "UPDATE notes SET size = ?, changed_ns = ?, inode = ?, checked_ns = ?"
                    " WHERE path = ? AND hash = ?",
                    [(*t, known[t[4]].hash) for t in touched],
                )
                removed = [p for p in gone if self._still(p, known[p])]
                # none to look up in a remake's emptied tables (each file is stored once)
                rows = {} if self._emptied else self._present([e.path for e in entries] + removed)
                entries = [e for e in entries if not self._superseded(e, known.get(e.path), rows)]
                # new files may have been indexed meanwhile
                present = [p for p in [e.path for e in entries] + removed if p in rows]
                names = self._names_of(present) if resolve else set()
                self._delete(present)
                self._insert(entries)
                counted = self._count_changes() if present or entries else None
                if resolve:
                    names |= self._names_of([e.path for e in entries])
                    self._resolve([e.path for e in entries], names)
                elif entries or removed:
                    conn.execute("INSERT OR REPLACE INTO meta VALUES ('resolve', 'all')")
        except _Busy:  # their rows are right: a later command stores their stats
            return [], []
        if counted is not None:  # committed
            self._changes = counted
        return [e.path for e in entries], removed

    def _store_excluded(self, scope: list[str] | None) -> list[str]:
        """Keep the ``excluded`` rows of ``scope`` (None: the vault) as the disk has them
        (:meth:`Vault.excluded_notes`: names only, nothing read), and resolve anew the
        links to the names of those that came or went; their paths."""
        there = {rel for item in scope or [""] for rel in self.vault.excluded_notes(item)}
        stored = self._excluded_rows(scope)
        came, went = sorted(there - stored), sorted(stored - there)
        if not (came or went):
            return []
        with self._write():
            self._refuse_other_code()
            rows = [(path, fold(stem_of(path))) for path in came]
            self.conn.executemany("DELETE FROM excluded WHERE path = ?", [(p,) for p in went])
            self.conn.executemany("INSERT OR REPLACE INTO excluded VALUES (?, ?)", rows)
            counted = self._count_changes()
            self._resolve([], {fold(stem_of(path)) for path in came + went})
        self._changes = counted
        return sorted(came + went)

    def _excluded_rows(self, scope: list[str] | None) -> set[str]:
        """The paths of the ``excluded`` rows in ``scope`` (files and folders; None: all)."""
        if scope is None:
            return {path for (path,) in self.conn.execute("SELECT path FROM excluded")}
        found: set[str] = set()
        for item in filter(is_utf8, scope):
            found.update(
                path
                for (path,) in self.conn.execute(
                    "SELECT path FROM excluded WHERE path = ? OR (path > ? AND path < ?)",
                    (item, item + "/", item + "0"),
                )
            )
        return found

    def _refuse_other_code(self) -> None:
        """Write no row into an index that another version of journal made again since
        this process opened it (after an upgrade, while an older ``journal watch`` runs):
        its commands would read the rows of this process's code as theirs; nor into one
        made again for another vault (two vaults given one ``JOURNAL_INDEX``)."""
        meta = dict(self.conn.execute("SELECT * FROM meta WHERE key IN ('parser', 'code', 'root')"))
        if meta.get("root") != str(self.vault.root):
            raise IndexTakenOver(
                f"the index {self.file} now holds the notes of {meta.get('root')}; "
                f"stopped here, writing nothing to it ({OWN_INDEX})"
            )
        if not _made_by_this_code(meta):
            raise self._other_version()

    def _other_version(self) -> IndexTakenOver:
        """The error of a process whose index another version of journal made again."""
        return IndexTakenOver(
            f"another version of journal made the index {self.file} again; "
            "stopped here, writing nothing to it (start journal again to use the other "
            "version)"
        )

    def _present(self, paths: Sequence[str]) -> dict[str, tuple[Any, ...]]:
        """The rows the index has for ``paths``: path -> (size, changed_ns, inode, hash)."""
        found = {}
        for chunk in _chunks(paths):
            marks = ",".join("?" * len(chunk))
            for path, *row in self.conn.execute(
                f"SELECT path, size, changed_ns, inode, hash FROM notes WHERE path IN ({marks})",
                chunk,
            ):
                found[path] = tuple(row)
        return found

    def _superseded(
        self, entry: Entry, known: _Known | None, rows: dict[str, tuple[Any, ...]]
    ) -> bool:
        """Another process stored this note after this refresh's scan, and the file has
        changed since this refresh read it: what it stored is newer than ``entry``."""
        before = None if known is None else (known.size, known.changed_ns, known.inode, known.hash)
        if rows.get(entry.path) == before:
            return False
        try:
            info = os.lstat(Path(self.vault.root, entry.path))
        except OSError:
            return True
        return stat_stamp(info) != entry.note[1:4]

    def _still(self, path: str, known: _Known) -> bool:
        """The row is as this scan read it (another process did not just rewrite it)."""
        row = self.conn.execute("SELECT hash FROM notes WHERE path = ?", (path,)).fetchone()
        return row is not None and row[0] == known.hash

    def _names_of(self, paths: Sequence[str]) -> set[str]:
        """The link names the notes at ``paths`` answer to (file names and aliases)."""
        names: set[str] = set()
        for chunk in _chunks(paths):
            marks = ",".join("?" * len(chunk))
            for (name,) in self.conn.execute(
                f"SELECT name FROM notes WHERE path IN ({marks}) "
                f"UNION SELECT key FROM aliases WHERE path IN ({marks})",
                chunk + chunk,
            ):
                names.add(name)
        return names

    def _delete(self, paths: Sequence[str]) -> None:
        conn = self.conn
        for chunk in _chunks(paths):
            marks = ",".join("?" * len(chunk))
            conn.execute(
                "DELETE FROM search WHERE rowid IN"
                f" (SELECT rowid FROM notes WHERE path IN ({marks}))",
                chunk,
            )
            conn.execute(f"DELETE FROM notes WHERE path IN ({marks})", chunk)
            for table in _PER_NOTE:
                conn.execute(f"DELETE FROM {table} WHERE {_WHERE_PATH[table]}({marks})", chunk)

    def _insert(self, entries: list[Entry]) -> None:
        conn = self.conn
        # each note numbered as SQLite numbers a row (one past the largest number, 1 in an
        # empty table), so that its search row is written without looking the number up
        last = conn.execute("SELECT max(num) FROM notes").fetchone()[0] or 0
        conn.executemany(
            f"INSERT INTO notes (num, {_NOTE_COLUMNS}) VALUES (?, {_MARKS})",
            [(last + i, *e.note) for i, e in enumerate(entries, 1)],
        )
        conn.executemany(  # with the note's rowid as a value: a subquery is 3x slower
            "INSERT INTO search (rowid, title, body, linked, written) VALUES (?, ?, ?, ?, ?)",
            [(last + i, *e.search) for i, e in enumerate(entries, 1)],
        )
        for table in _PER_NOTE:
            rows = [row for e in entries for row in e.details[table]]
            if rows:
                marks = _LINK_VALUES if table == "links" else ",".join("?" * len(rows[0]))
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    def _resolve(self, paths: Sequence[str], names: set[str]) -> None:
        """Resolve the links of the notes at ``paths`` and every link that names one of
        ``names`` (the notes that came, went or changed answer to them)."""
        conn = self.conn
        rows: dict[tuple[str, int], tuple[str, str | None]] = {}
        for column, keys in (("name", sorted(names)), ("path", list(paths))):
            for chunk in _chunks(keys):
                marks = ",".join("?" * len(chunk))
                for path, seq, target, resolved in conn.execute(
                    f"SELECT path, seq, target, resolved FROM links WHERE {column} IN ({marks})",
                    chunk,
                ):
                    rows[path, seq] = (target, resolved)
        cache: dict[tuple[str, str], list[str]] = {}

        def lookup(sql: str) -> Callable[[str], list[str]]:
            def find(key: str) -> list[str]:
                if (sql, key) not in cache:
                    cache[sql, key] = [p for (p,) in conn.execute(sql, (key,) * sql.count("?"))]
                return cache[sql, key]

            return find

        self._update_links(rows, lookup(_NAMED_SQL), lookup(_ALIASED_SQL))

    def _resolve_all(self, early: dict[str, list[str]] | None = None) -> None:
        """Resolve every link again; only those an alias may resolve when the links were
        resolved as they were read, by the file names ``early`` (given only when no other
        process stored or removed a note meanwhile), and the notes stored have the same
        paths (no file came or went during the build): the others were resolved as this
        would."""
        conn = self.conn
        every = "SELECT path, name FROM notes UNION ALL SELECT path, name FROM excluded"
        stored = conn.execute(every).fetchall()
        if early is not None and _same_paths(early, [path for path, _name in stored]):
            # resolved by file names already: those only an alias may yet resolve - a bare
            # name (its `name` is its whole key) no file has, that some note has as alias
            by_name, only = early, " AND resolved IS NULL AND name IN (SELECT key FROM aliases)"
        else:
            by_name, only = {}, ""
            for path, name in sorted(stored):
                by_name.setdefault(name, []).append(path)
        by_alias: dict[str, list[str]] = {}
        for path, key in conn.execute("SELECT path, key FROM aliases"):
            by_alias.setdefault(key, []).append(path)
        last: tuple[str, int] = ("", -1)
        while True:  # a page at a time: a large vault has hundreds of thousands of links
            page = conn.execute(
                "SELECT path, seq, target, resolved FROM links WHERE (path, seq) > (?, ?)"
                f"{only} ORDER BY path, seq LIMIT 20000",
                last,
            ).fetchall()
            if not page:
                break
            rows = {(path, seq): (target, resolved) for path, seq, target, resolved in page}
            self._update_links(rows, lambda k: by_name.get(k, []), lambda k: by_alias.get(k, []))
            last = page[-1][:2]
        conn.execute("DELETE FROM meta WHERE key = 'resolve'")

    def _update_links(
        self,
        rows: dict[tuple[str, int], tuple[str, str | None]],
        named: Callable[[str], Sequence[str]],
        aliased: Callable[[str], Sequence[str]],
    ) -> None:
        resolve = LinkResolver(named, aliased)
        updates = []
        for (path, seq), (target, old) in rows.items():
            new = resolve(target, path)
            if new != old:
                updates.append((new, path, seq))
        self.conn.executemany("UPDATE links SET resolved = ? WHERE path = ? AND seq = ?", updates)

    # --- reading ----------------------------------------------------------------------

    def reader(self) -> IndexReader:
        """A consistent view of the index for a :class:`~journal.core.catalog.Catalog`
        (a read transaction, open until the next refresh: see :meth:`reading`).

        Raises :class:`IndexTakenOver` when the rows are no longer this vault's and this
        code's: another vault (sharing one ``JOURNAL_INDEX``) or another version of
        journal made the index again since this process's refresh."""
        self._end_read()
        self.conn.execute("BEGIN")
        meta = dict(self.conn.execute("SELECT * FROM meta WHERE key IN ('root', 'parser', 'code')"))
        if meta.get("root") != str(self.vault.root) or not _made_by_this_code(meta):
            self._end_read()
            raise IndexTakenOver(
                f"the index {self.file} was made again meanwhile, for {meta.get('root')} "
                f"or by another version of journal; run the command again ({OWN_INDEX})"
            )
        return IndexReader(self)

    @contextlib.contextmanager
    def reading(self) -> Iterator[IndexReader]:
        """:meth:`reader` for a long-running process: the read transaction ends on
        leaving, since an open one keeps SQLite from recycling its write-ahead log."""
        try:
            yield self.reader()
        finally:
            self._end_read()

    def errors(self) -> list[Diagnostic]:
        """The errors of every note but those every list leaves out (:meth:`left_out`) -
        what makes each unreadable, or a part of it - in path order."""
        query = (
            "SELECT path, line, message, code FROM diagnostics WHERE severity = 'error'"
            f" AND {_NOT_LEFT_OUT} ORDER BY path, seq"
        )
        return [
            Diagnostic(path, line, message, "error", code)
            for path, line, message, code in self._guard(
                lambda: self.conn.execute(query, (json.dumps(self._left_out()),)).fetchall()
            )
        ]

    def left_out(self) -> list[str]:
        """The paths of the notes every list leaves out (:meth:`Vault.left_out`: the
        sync-conflict copies, and those in folders that can't be listed), in path order."""
        return self._guard(self._left_out)

    def _left_out(self) -> list[str]:
        folders = list(self.vault.unlisted)
        if "." in folders:  # the vault's own folder: every note is in it
            query, args = "SELECT path FROM notes", []
        else:
            marked = " OR ".join(f"path LIKE '%{mark}%'" for mark in COPY_MARKS)
            query = f"SELECT path FROM notes WHERE {marked}" + (
                " OR (path > ? AND path < ?)" * len(folders)  # in the folder: "0" follows "/"
            )
            args = [bound for folder in folders for bound in (f"{folder}/", f"{folder}0")]
        left_out = self.vault.left_out()
        return [
            path for (path,) in self.conn.execute(query + " ORDER BY path", args) if left_out(path)
        ]

    def problems(self, paths: Sequence[str]) -> list[tuple[Diagnostic, str]]:
        """The errors and warnings of the notes at ``paths``, each with its note's kind,
        in path order."""
        query = (
            "SELECT d.path, d.line, d.message, d.severity, d.code, n.kind FROM diagnostics d"
            " JOIN notes n ON n.path = d.path WHERE d.severity IN ('error', 'warning')"
        )

        def run() -> list[tuple[Diagnostic, str]]:
            rows = []
            for chunk in _chunks(sorted(paths)):
                marks = ",".join("?" * len(chunk))
                where = f" AND d.path IN ({marks}) ORDER BY d.path, d.seq"
                rows += self.conn.execute(query + where, chunk).fetchall()
            return [(Diagnostic(*row[:5]), row[5]) for row in rows]

        return self._guard(run)

    def kinds(self, paths: Sequence[str]) -> dict[str, str]:
        """The kind of each note at ``paths`` the index holds, by path."""

        def run() -> dict[str, str]:
            found: dict[str, str] = {}
            for chunk in _chunks(sorted(paths)):
                marks = ",".join("?" * len(chunk))
                sql = f"SELECT path, kind FROM notes WHERE path IN ({marks})"
                found.update(self.conn.execute(sql, chunk).fetchall())
            return found

        return self._guard(run)

    def summary(self) -> dict[str, Any]:
        """Counts by kind and diagnostics by severity, of the notes but those every list
        leaves out (:meth:`left_out`); the paths of the sync-conflict copies and the
        folders that can't be listed are given apart."""

        def run() -> dict[str, Any]:
            left_out = self._left_out()
            args = (json.dumps(left_out),)

            def counts(sql: str) -> dict[str, int]:
                return dict(sorted(self.conn.execute(sql, args).fetchall()))

            kinds = counts(f"SELECT kind, count(*) FROM notes WHERE {_NOT_LEFT_OUT} GROUP BY kind")
            unread = (
                f"SELECT path FROM notes WHERE kind = 'note' AND NOT readable AND {_NOT_LEFT_OUT}"
            )
            folders = self.vault.meant_folders
            for (path,) in self.conn.execute(unread, args):  # of the kind its folder gives it
                meant = meant_as("note", path, folders)
                if meant in KINDS:  # (a daily note is a note)
                    kinds["note"] -= 1
                    kinds[meant] = kinds.get(meant, 0) + 1
            where = f"FROM diagnostics WHERE {_NOT_LEFT_OUT}"
            files = self.conn.execute(f"SELECT count(DISTINCT path) {where}", args).fetchone()[0]
            return {
                "notes": sum(kinds.values()),
                "kinds": dict(sorted(kinds.items())),
                "conflict_copies": list(filter(self.vault.left_out().copy, left_out)),
                "unlisted_folders": unlisted_records(self.vault.unlisted),
                "diagnostics": counts(f"SELECT severity, count(*) {where} GROUP BY severity"),
                "files_with_problems": files,
            }

        return self._guard(run)

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Notes matching an FTS5 query, best first, with snippets
        (:func:`~journal.adapters.index_search.matching`), all from one state of the
        index."""

        from journal.adapters.index_search import matching  # list, review: no search

        def run() -> list[Hit]:
            self._end_read()
            self.conn.execute("BEGIN")
            try:
                return matching(self.conn, query, limit, self.vault.notice)
            finally:
                self._end_read()

        return self._guard(run)


def _metadata(conn: sqlite3.Connection) -> dict[str, str]:
    """The ``meta`` table: what the rows were made by and for (see ``Index._identity``)."""
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def _why_not(exc: OSError | sqlite3.OperationalError, target: Path) -> str:
    """What kept the index file ``target`` from use, in words: an OS error's, and the
    path it met it at when that is another (its folder, a file where the cache folder
    should be: `(File exists)` alone named none, found in a tryout)."""
    if not isinstance(exc, OSError) or not exc.strerror:
        return str(exc)
    if exc.filename is not None and str(exc.filename) != str(target):
        return f"{exc.strerror}: {exc.filename}"
    return exc.strerror


def _make_private(path: Path) -> None:
    """Make the new index file ``path``, empty (SQLite takes it for an empty database),
    readable by the user alone: it holds the text of every note, and SQLite would make it
    0644 (its log and shared-memory files take its mode).  In a folder an older version
    made 0755, or a path of the user's choosing, another user could read it (found in a
    tryout).  Left to SQLite when another process made it first."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _refuse_foreign(path: Path, vault: Vault) -> None:
    """Raise :class:`ConfigError` when the index path names a note of the vault: a
    damaged index is moved aside and replaced, and a mistyped ``[index] path`` or
    ``JOURNAL_INDEX`` must not take a note out of the vault that way."""
    try:
        rel = path.resolve().relative_to(vault.root.resolve()).as_posix()
    except (OSError, ValueError):
        return
    if vault.reads(rel):
        raise ConfigError(
            f"the index path {path} is a note of the vault; set `[index] path` or "
            "JOURNAL_INDEX to a file of its own"
        )


#: The size of SQLite's smallest page: a database file is never shorter, but emptied.
MIN_PAGE = 512
#: The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def _ours(conn: sqlite3.Connection) -> bool:
    """Whether the database holds journal's ``meta`` table (of any version): one made by
    journal, which may be moved aside and made again."""
    try:
        return bool(conn.execute("SELECT 1 FROM meta WHERE key = 'root'").fetchone())
    except sqlite3.DatabaseError:
        return False


def _tell_inside(vault: Vault, path: Path) -> None:
    """Tell when the index path the user chose lies in the vault's folder (a relative
    ``JOURNAL_INDEX`` run inside the vault): a sync tool or git carries the file to every
    copy of the vault, where it holds another folder's notes."""
    try:
        inside = path.resolve().is_relative_to(vault.root.resolve())
    except OSError:
        return
    if inside:
        source = "JOURNAL_INDEX" if variable("JOURNAL_INDEX") else "[index] path"
        vault.notice(
            f"the index {path} lies in the vault folder: an index inside the vault goes with "
            "it to every copy of the vault (a sync tool, git): move it out "
            f"({source}, or the default in the cache folder)"
        )


def _chosen(path: Path) -> bool:
    """Whether the index path is one the user chose (``[index] path``,
    ``JOURNAL_INDEX``), not one in journal's cache folder, whose files are its own."""
    return path.parent != cache_folder()


def _refuse_other_file(path: Path) -> None:
    """Raise :class:`ConfigError` when an index path the user chose (``[index] path``,
    ``JOURNAL_INDEX``) holds a file that is no SQLite database (``data.txt``, a
    ``.base``): one damaged past reading is moved aside, which must not happen to a file
    of the user's.  Files in journal's cache folder are its own.  Asked only of a file
    SQLite found damaged: opening and closing the file drops every lock this process
    holds on it (POSIX), and a watcher opening the index again (its settings edited)
    would lose its connection's; a command closing beside it would then find itself
    the last one, and delete the write-ahead log the watcher goes on writing to."""
    if not _chosen(path):
        return
    try:
        with path.open("rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except OSError:
        return  # none yet (or unreadable: opening it says so)
    if head and head != SQLITE_HEADER:
        raise ConfigError(
            f"the index path {path} holds a file that is no SQLite database (a damaged "
            "index, or a file of yours): not moving it aside; delete it if it is an index, "
            "else set `[index] path` or JOURNAL_INDEX to a file of its own"
        )


def _refuse_read_only(path: Path) -> None:
    """Raise :class:`PermissionError` when the index (its file, write-ahead log or
    folder) can't be written - say after ``sudo journal`` left it root's - since SQLite
    would only fail at the first write, with an error that names no file."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    for item in (path.parent, path, wal, shm):
        if (item == path.parent or item.exists()) and not os.access(item, os.W_OK):
            raise PermissionError(errno.EACCES, "it can't be written", str(item))


class _Stopped(Exception):
    """A rebuild stopped before its end: its transaction is rolled back."""


class _Busy(Exception):
    """Another process writes the index, and the write asked for was not worth a wait."""


class _Transaction:
    """``BEGIN IMMEDIATE`` (see :func:`_while_locked`) ... ``COMMIT``, rolled back on
    any error; with no ``waiting``, :class:`_Busy` at once while another process
    writes."""

    def __init__(self, conn: sqlite3.Connection, waiting: Callable[[], None] | None) -> None:
        self.conn = conn
        self.waiting = waiting

    def __enter__(self) -> None:
        if self.waiting is not None:
            _while_locked(self.conn, "BEGIN IMMEDIATE", self.waiting)
            return
        if _at_once(self.conn, "BEGIN IMMEDIATE") is None:
            raise _Busy

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is None:
            self.conn.execute("COMMIT")
        elif self.conn.in_transaction:
            self.conn.execute("ROLLBACK")


def _unlogged(conn: sqlite3.Connection) -> bool:
    """Switch ``conn`` from the write-ahead log to a rollback journal, if no other
    connection has its file open (SQLite refuses the switch then: no wait for it);
    whether it switched.  The journal holds only the few pages the empty file had: a
    stopped build is rolled back, and one killed midway by the next process to open the
    file (a journal kept in memory left the file damaged, moved aside by the next
    command)."""
    switched = _at_once(conn, "PRAGMA journal_mode = DELETE")
    return switched is not None and switched.fetchone()[0] == "delete"


def _at_once(conn: sqlite3.Connection, statement: str) -> sqlite3.Cursor | None:
    """Run ``statement`` with no wait for another connection's lock: None when locked."""
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        return conn.execute(statement)
    except sqlite3.OperationalError as exc:
        if "locked" not in str(exc):
            raise
        return None
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")


def _while_locked(conn: sqlite3.Connection, statement: str, waiting: Callable[[], None]) -> None:
    """Run ``statement`` (``BEGIN IMMEDIATE``; the switch to write-ahead logging, which
    two processes making a file at once may get "locked" for at once, without SQLite's
    wait), waiting up to :data:`BUSY_SECONDS` for another writer (a rebuild, a watcher's
    update) in waits of :data:`LOCK_POLL_MS`: Python's signal handlers don't run while
    SQLite waits, so a single long wait would hold Ctrl-C and ``kill`` back until it
    ends.  ``waiting`` is called once the wait is past :data:`LOCK_TELL_SECONDS`, and
    after each try from then on; a lock still held after that is :class:`IndexLocked`
    (SQLite's "database is locked" would read as the tool's own failure)."""
    started = time.monotonic()
    conn.execute(f"PRAGMA busy_timeout = {LOCK_POLL_MS}")
    try:
        while True:
            tried = time.monotonic()
            try:
                conn.execute(statement)
                return
            except sqlite3.OperationalError as exc:
                now = time.monotonic()
                if "locked" not in str(exc):
                    raise
                if now - started >= BUSY_SECONDS:
                    raise IndexLocked(
                        f"the index stayed locked by another process for {BUSY_SECONDS:g} s;"
                        " nothing was written: try again once it is done (a process that"
                        " holds it open, such as a database browser, may need closing)"
                    ) from None
                if now - started >= LOCK_TELL_SECONDS:
                    waiting()
                if now - tried < LOCK_POLL_MS / 1000:  # refused at once: no busy wait
                    time.sleep(0.02)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")


#: The paths of the notes a link finds by a file name (``notes.name``), those journal does
#: not read too (``excluded``), and by an alias.
_NAMED_SQL = (
    "SELECT path FROM notes WHERE name = ? UNION ALL SELECT path FROM excluded WHERE name = ?"
)
_ALIASED_SQL = "SELECT path FROM aliases WHERE key = ?"


def _names_by_key(paths: Iterable[str]) -> dict[str, list[str]]:
    """The notes at ``paths`` by the name links find them by (as ``notes.name``), each
    list in path order."""
    named: dict[str, list[str]] = {}
    for path in sorted(paths):
        named.setdefault(fold(stem_of(path)), []).append(path)
    return named


def _same_paths(named: dict[str, list[str]], paths: list[str]) -> bool:
    """Whether ``named`` (:func:`_names_by_key`) holds ``paths``, and no other: the same
    names then (a name is its path's)."""
    held = [path for group in named.values() for path in group]
    return len(held) == len(paths) and set(held) == set(paths)


def _stats(
    entries: Iterable[tuple[str, os.DirEntry[str]]], skipped: Callable[[str, str], None]
) -> dict[str, os.stat_result]:
    """The stat of every listed note still there (another process may delete any); one
    that can't be looked at for any other reason (its path too long, its folder made
    unreadable since it was listed) is told to ``skipped``."""
    found = {}
    for rel, entry in entries:
        try:
            found[rel] = entry.stat(follow_symlinks=False)
        except FileNotFoundError:
            continue
        except OSError as exc:
            skipped(rel, f"can't read the note ({exc.strerror or exc})")
    return found


def _json_value(kind: str, value: Any) -> Any:
    """A value of ``json_each`` as Python's: SQLite gives true and false as 1 and 0, a
    list or mapping as its JSON text."""
    if kind in ("true", "false"):
        return kind == "true"
    return json.loads(value) if kind in ("array", "object") else value


def _chunks(items: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


class IndexReader:
    """The index as a :class:`~journal.core.catalog.NoteSource`, inside one read
    transaction so every answer comes from the same state."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        return self.index._guard(lambda: self.index.conn.execute(sql, args).fetchall())

    def heads(self) -> list[Head]:
        return self._heads("")

    def paths(self) -> list[str]:
        return [path for (path,) in self._rows("SELECT path FROM notes ORDER BY path")]

    def has(self, path: str) -> bool:
        return bool(self._rows("SELECT 1 FROM notes WHERE path = ?", (path,)))

    def copy_named(self) -> list[str]:
        # marked as the rows were made (links.copy_like): reading every path took a
        # review 2% of its work
        found = self._rows("SELECT path FROM notes WHERE copy_like ORDER BY path")
        return [path for (path,) in found]

    def present(self, paths: Collection[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(sorted(paths)):
            marks = ",".join("?" * len(chunk))
            found.update(
                p for (p,) in self._rows(f"SELECT path FROM notes WHERE path IN ({marks})", chunk)
            )
        return found

    def unreadable(self) -> list[Head]:
        return self._heads("WHERE NOT readable")

    def heads_in(self, folder: str, kind: str | None) -> list[Head]:
        if not folder:
            return self._heads("WHERE kind = ?", (kind,)) if kind else self.heads()
        # the paths from "folder/" up to "folder0" ("0" follows "/"): an indexed range
        if kind is None:
            return self._heads("WHERE path >= ? AND path < ?", (f"{folder}/", f"{folder}0"))
        where = "WHERE path >= ? AND path < ? AND kind = ?"
        return self._heads(where, (f"{folder}/", f"{folder}0", kind))

    def ids(self) -> list[tuple[str, str]]:
        return self._rows("SELECT path, id FROM notes WHERE id IS NOT NULL ORDER BY path")

    def _heads(self, where: str, args: tuple[str, ...] = ()) -> list[Head]:
        return [
            Head(
                path,
                kind,
                id_,
                title,
                tuple(json.loads(aliases)) if aliases != "[]" else (),
                ok == 1,
            )
            for path, kind, id_, title, aliases, ok in self._rows(
                f"SELECT path, kind, id, title, aliases, readable FROM notes {where} ORDER BY path",
                args,
            )
        ]

    def load(self, *, kind: str | None = None, paths: Collection[str] | None = None) -> list[Note]:
        sql = "SELECT p.path, p.props, p.note FROM notes n JOIN parsed p ON p.path = n.path"
        if paths is not None:
            rows = []
            for chunk in _chunks(sorted(paths)):
                marks = ",".join("?" * len(chunk))
                rows += self._rows(f"{sql} WHERE n.path IN ({marks})", chunk)
        elif kind is not None:
            rows = self._rows(f"{sql} WHERE n.kind = ? ORDER BY n.path", (kind,))
        else:
            rows = self._rows(f"{sql} ORDER BY n.path")
        notes = [
            Note.from_list(path, json.loads(props), json.loads(note)) for path, props, note in rows
        ]
        if paths is not None:
            notes.sort(key=lambda n: n.path)
        return notes

    def records(self, kind: str, path: str | None = None) -> list[Any]:
        return self.index._guard(lambda: self._records(kind, path))

    def _records(self, kind: str, path: str | None) -> list[Any]:
        sql = "SELECT record FROM records WHERE kind = ?"
        if path is not None:
            found = self._rows(f"{sql} AND path = ?", (kind, path))
        else:
            found = self._rows(f"{sql} ORDER BY path", (kind,))
        return [_unpickled(blob, kind) for (blob,) in found]

    def inline_checkins(self) -> list[tuple[str, CheckIn]]:
        # made in C, not by the NamedTuple's __new__ in Python (2,034 at 10,000 notes)
        return [
            (goal, new_tuple(CheckIn, (date.fromisoformat(day), op, amount, note, line, path)))
            for path, line, day, op, amount, note, goal in self._rows(
                "SELECT path, line, day, op, amount, note, goal FROM checkins"
                " WHERE goal IS NOT NULL ORDER BY path, seq"
            )
        ]

    def unresolved_links(self, kinds: Collection[str]) -> list[tuple[str, str, NoteLink]]:
        marks = ",".join("?" * len(kinds))
        return [
            (path, kind, NoteLink(target, heading, alias, bool(embed), line, key))
            for path, kind, line, target, heading, alias, embed, key in self._rows(
                "SELECT l.path, n.kind, l.line, l.target, l.heading, l.alias, l.embed, l.property"
                " FROM links l JOIN notes n ON n.path = l.path WHERE l.resolved IS NULL"
                f" AND n.readable AND n.kind IN ({marks}) ORDER BY l.path, l.seq",
                sorted(kinds),
            )
        ]

    def backlinks(self, paths: Collection[str]) -> dict[str, list[str]]:
        # a link to a note names its file name or an alias: found by the links' names
        found: dict[str, list[str]] = {}
        for chunk in _chunks(sorted(paths), 300):  # three times: 900 of SQLite's 999 at most
            marks = ",".join("?" * len(chunk))
            for resolved, path in self._rows(
                "SELECT DISTINCT resolved, path FROM links WHERE name IN (SELECT name FROM notes"
                f" WHERE path IN ({marks}) UNION SELECT key FROM aliases WHERE path IN ({marks}))"
                f" AND resolved IN ({marks}) AND resolved != path ORDER BY path",
                chunk * 3,
            ):
                found.setdefault(resolved, []).append(path)
        return found

    def fields(self, key: str) -> list[tuple[str, date | None, NoteField]]:
        # the fields table keeps each inline field by its case-folded key (indexed)
        return [
            (path, date.fromisoformat(day) if day else None, NoteField(name, value, line))
            for path, day, name, value, line in self._rows(
                "SELECT f.path, n.date, f.name, f.value, f.line"
                " FROM fields f JOIN notes n ON n.path = f.path"
                " WHERE f.key = ? AND n.readable ORDER BY f.path, f.seq",
                (key,),
            )
        ]

    def property_texts(self, kind: str, key: str) -> list[tuple[str, str]]:
        # read in SQLite from the stored front matter, no note loaded
        return [
            (path, value)
            for path, value in self._rows(
                "SELECT n.path, json_extract(p.props, ?) FROM notes n"
                " JOIN parsed p ON p.path = n.path"
                " WHERE n.kind = ? AND n.readable AND json_type(p.props, ?) = 'text'"
                " ORDER BY n.path",
                (f'$."{key}"', kind, f'$."{key}"'),
            )
        ]

    def property_values(self, keys: Collection[str]) -> list[tuple[str, str, Any]]:
        # read in SQLite from the stored front matter (json_each), no note loaded
        if not keys:
            return []
        wanted = sorted(keys)
        rows = self._rows(
            "SELECT p.path, j.key, j.type, j.value FROM notes n"
            " JOIN parsed p ON p.path = n.path, json_each(p.props) j"
            f" WHERE n.readable AND lower(j.key) IN ({','.join('?' * len(wanted))})"
            " ORDER BY p.path, j.id",
            wanted,
        )
        return [(path, key, _json_value(kind, value)) for path, key, kind, value in rows]

    def named(self, names: Collection[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for chunk in _chunks(sorted(names)):
            marks = ",".join("?" * len(chunk))
            sql = (
                f"SELECT name, path FROM notes WHERE name IN ({marks}) UNION ALL"
                f" SELECT name, path FROM excluded WHERE name IN ({marks}) ORDER BY path"
            )
            for name, path in self._rows(sql, chunk + chunk):
                found.setdefault(name, []).append(path)
        return found

    def aliased(self, key: str) -> list[str]:
        return [p for (p,) in self._rows("SELECT path FROM aliases WHERE key = ?", (key,))]

    def shares_names(self) -> bool:
        return bool(
            self._rows("SELECT 1 FROM notes GROUP BY name HAVING count(*) > 1 LIMIT 1")
            or self._rows(
                "SELECT 1 FROM aliases GROUP BY key HAVING count(DISTINCT path) > 1 LIMIT 1"
            )
            or self._rows(  # a note journal does not read may share a name too
                "SELECT 1 FROM excluded e WHERE EXISTS (SELECT 1 FROM notes WHERE name = e.name)"
                " OR EXISTS (SELECT 1 FROM excluded o WHERE o.name = e.name AND o.path != e.path)"
                " LIMIT 1"
            )
        )

    def diagnostics(self, kinds: Collection[str] | None = None) -> list[Diagnostic]:
        sql = "SELECT d.path, d.line, d.message, d.severity, d.code FROM diagnostics d"
        args: list[str] = []
        if kinds is not None:
            args = sorted(kinds)
            sql += " JOIN notes n ON n.path = d.path WHERE n.kind IN ({})".format(
                ",".join("?" * len(args))
            )
        return [Diagnostic(*row) for row in self._rows(f"{sql} ORDER BY d.path, d.seq", args)]
