"""Reading notes into the index's rows: each file read, hashed and parsed into the rows of
every table (:class:`Entry`), in this process or, for many files, in forked worker
processes that send their rows back marshalled (:func:`read_all`)."""

from __future__ import annotations

import json
import json.encoder
import marshal
import math
import os
import pickle
import signal
import stat
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Sequence
from itertools import accumulate, chain, pairwise, repeat
from typing import TYPE_CHECKING, Any

from journal.adapters.files import (
    STOPS,
    changed_ns,
    digest,
    interrupts_held,
    read_note,
    stat_stamp,
)
from journal.adapters.libc import die_with_parent, heap_kept
from journal.core.codec import MAX_NOTE_BYTES, after_front_matter, plain
from journal.core.errors import (
    BEING_SAVED,
    Diagnostic,
)
from journal.core.generated import searchable
from journal.core.goal import Goal
from journal.core.links import (
    LinkResolver,
    conflict_original,
    fold,
    is_copy_like,
    name_key,
)
from journal.core.networking import Contact, Meeting
from journal.core.notes import (
    Dating,
    Note,
    body_read,
    inline_checkins,
    note_date,
    parse_typed,
    stem_of,
)
from journal.core.periodic import PeriodicSettings
from journal.core.plaintext import linked_name
from journal.core.records import Record, record
from journal.core.regex import lazy
from journal.core.unspaced import (
    folded,
    spaced,
)

if TYPE_CHECKING:  # worker processes are imported only for a build of many files
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

RACY_NS = 2_000_000_000  # a file modified this close to its read is read again


PARALLEL_MIN = 1500  # files to read before the work is spread over processes


MAX_WORKERS = 8


CHUNK = 250  # files per task of a worker process


RAMP = (25, 25, 50, 50, 100, 100)


Touch = tuple[int, int, int, int, str]  # size, changed_ns, inode, checked_ns, path


@record()
class Entry(Record):
    """One file's rows, ready to write (plain data: made in worker processes too)."""

    path: str
    note: tuple[Any, ...]  # the notes row
    details: dict[str, list[tuple[Any, ...]]]  # rows of the per-note tables
    #: title, body and the names the properties link for full-text search, folded and
    #: spaced (see core.unspaced), and the body as written when folding changed it (else
    #: empty): what snippets show
    search: tuple[str, str, str, str]


RECORD_OF: dict[str, type] = {"goal": Goal, "contact": Contact, "meeting": Meeting}


def _rows(
    note: Note,
    record: object | None,
    info: os.stat_result,
    hashed: str | None,
    checked: int,
    body: str,
    dating: Dating | None = None,
    resolver: LinkResolver | None = None,
) -> Entry:
    """Everything the index stores about one note and its typed ``record`` (``dating``:
    see :func:`note_date`; ``resolver``: see :func:`name_resolver`).  Flags are ints, as
    SQLite stores them: a bool is bound through its adapter (see the top of
    :mod:`~journal.adapters.index`), at about 1,200 instructions a value in the writing
    process."""

    def text(key: str) -> str | None:
        value = note.props.get(key)
        return value if isinstance(value, str) else None

    path = note.path
    day = note_date(note, dating)
    aliases = note.aliases  # read from the properties on every call
    checkins = [(None, c) for c in note.checkins] + inline_checkins(note, dating, day)
    details: dict[str, list[tuple[Any, ...]]] = {
        "parsed": [(path, json_text(plain(note.props)), json_text(note.to_list()))],
        "records": [(note.kind, path, _pickled(record))] if _kept_record(note, record) else [],
        "aliases": [(path, key) for key in dict.fromkeys(fold(a) for a in aliases)],
        "links": [
            (
                path,
                i,
                line,
                target,
                0 if heading is None else heading,  # 0: NULL (see _LINK_VALUES)
                0 if alias is None else alias,
                int(embed),
                0 if key is None else key,
                name_key(target),
                (resolver(target, path) or 0) if resolver is not None else 0,
            )
            for i, (target, heading, alias, embed, line, key) in enumerate(note.links)
        ],
        "checkins": [
            (path, i, c.line, c.day.isoformat(), c.op, c.amount, c.note, goal)
            for i, (goal, c) in enumerate(checkins)
        ],
        "fields": [
            (path, i, f.line, f.key.casefold(), f.key, f.value) for i, f in enumerate(note.fields)
        ],
        "diagnostics": [
            (path, i, d.line, d.message, d.severity, d.code) for i, d in enumerate(note.diagnostics)
        ],
    }
    row = (
        path,
        *stat_stamp(info),
        hashed,
        checked,
        note.kind,
        note.id,
        note.title,
        text("status"),
        day.isoformat() if day else None,
        text("created"),
        text("start"),
        text("due"),
        fold(note.stem),
        json_text(aliases) if aliases else "[]",  # (most notes have none: the call saved)
        int(note.readable),
        int(is_copy_like(path)),
    )
    searched = folded(body)
    written = "" if searched == body else body
    linked = "\n".join(  # the names the properties link, once each
        dict.fromkeys(linked_name(t, alias) for t, _h, alias, _e, _l, key in note.links if key)
    )
    title = spaced(folded(_titled(note)))
    return Entry(path, row, details, (title, spaced(searched), spaced(folded(linked)), written))


def _titled(note: Note) -> str:
    """What search finds a note's title by: its title, and its file name when that has
    words the title lacks (a contact renamed in Obsidian keeps its ``title:``; found in
    a tryout: ``search Samantha`` missed ``people/Samantha Lee.md``, titled ``Sam
    Lee``), whole, so that ``"Samantha Lee"`` is a phrase of it; not one whose words the
    title has (twice, they ranked ``Learn SQL basics joins.md``, titled ``Learn SQL:
    basics / joins?``, above the note titled ``Learn SQL basics``)."""
    title = note.title
    if note.stem == title:  # most notes: no words to compare
        return title
    original = conflict_original(note.path)  # a sync's copy: the name it was copied from
    stem = note.stem if original is None else stem_of(original)
    held = set(_WORDS.findall(fold(title)))
    more = any(fold(word) not in held for word in _WORDS.findall(stem))
    return f"{title}\n{stem}" if more else title


_WORDS = lazy(r"\w+")


#: Made once; without the circular check, which a note's data (no cycle in it) paid
#: for with about a sixth of its encoding time.
_encoder = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), check_circular=False, allow_nan=False
)


_make_c_encoder = getattr(json.encoder, "c_make_encoder", None)  # None without json's C part
#: What ``_encoder.iterencode`` makes of its settings for each call, made once: the call
#: through ``encode`` and ``iterencode`` was about a tenth of encoding a note's data.
_c_encode: Callable[[Any, int], Sequence[str]] | None = (
    _make_c_encoder(
        None, _encoder.default, json.encoder.encode_basestring, None, ":", ",", False, False, False
    )
    if _make_c_encoder is not None
    else None
)


def _encode(data: Any) -> str:
    """``_encoder.encode(data)``."""
    return "".join(_c_encode(data, 0)) if _c_encode is not None else _encoder.encode(data)


def json_text(data: Any) -> str:
    """``data`` as JSON text that SQLite's JSON functions read: a value that is no JSON
    number (``.nan``, ``.inf``, ``1e400`` in a note) as its YAML text (``.nan``,
    ``.inf``, ``-.inf``), since Python's ``NaN`` in the text made every query of the
    notes' JSON fail ("malformed JSON")."""
    try:
        return _encode(data)
    except ValueError:
        return _encode(_finite(data))


def _finite(data: Any) -> Any:
    if isinstance(data, float) and not math.isfinite(data):
        return ".nan" if math.isnan(data) else ".inf" if data > 0 else "-.inf"
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, (list, tuple)):
        return [_finite(value) for value in data]
    return data


def _kept_record(note: Note, record: object | None) -> bool:
    """Whether the note's typed record has a ``records`` row: a readable note's, of a
    kind that table holds (one it did not would never be deleted: see _WHERE_PATH)."""
    return record is not None and note.readable and note.kind in RECORD_OF


def _pickled(record: object) -> bytes:
    return pickle.dumps(record, pickle.HIGHEST_PROTOCOL)


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def being_saved(entry: Entry) -> bool:
    """Whether ``entry`` is a note read while an editor was saving it (:func:`_read_file`)."""
    return any(row[3].startswith(BEING_SAVED) for row in entry.details["diagnostics"])


def _read_file(
    root: str,
    rel: str,
    known_hash: str | None,
    periodic: PeriodicSettings | None = None,
    resolver: LinkResolver | None = None,
) -> Entry | Touch | None:
    """Read one file: its rows, a stat-only update when its bytes are the ones already
    indexed, or None when it is gone (or became a symlink or a folder); ``periodic``:
    the vault's daily notes, which date notes and log lines."""
    path = os.path.join(root, rel)  # noqa: PTH118 (a Path costs more than the stat, per file)
    try:
        fd = os.open(path, _READ_FLAGS)
    except FileNotFoundError:
        return None
    except OSError as exc:
        try:
            info = os.lstat(path)
        except OSError:  # gone, or not to be looked at for any reason: the stat scan tells
            return None
        return _unreadable(rel, info, _cant_read(exc)) if stat.S_ISREG(info.st_mode) else None
    try:
        info = os.fstat(fd)  # before reading: a change while reading shows as a new stat
        if not stat.S_ISREG(info.st_mode):
            return None
        data = read_note(fd, info.st_size)
    except OSError as exc:
        return _unreadable(rel, os.fstat(fd), _cant_read(exc))
    finally:
        os.close(fd)
    checked = time.time_ns()
    hashed = digest(data)
    if known_hash == hashed:
        return (*stat_stamp(info), checked, rel)
    try:
        # changed within 2 s, either way (a change time ahead of the clock, as a file
        # server's, is no save going on as long): an editor may be writing it
        saving = abs(checked - changed_ns(info)) < RACY_NS
        note, record = parse_typed(rel, data, periodic, saving=saving)
        if saving and any(d.message.startswith(BEING_SAVED) for d in note.diagnostics):
            kept = None  # no hash: read and told again once the save is over
        else:
            kept = hashed
        dating = periodic.daily_date if periodic is not None and periodic.daily else None
        return _rows(note, record, info, kept, checked, _body(data, note), dating, resolver)
    except Exception as exc:  # a bug met in one note must not stop the others
        problem = f"can't read this note: internal error: {type(exc).__name__}: {exc}"
        return _unreadable(rel, info, problem, hashed)


_cancel: Any = None  # in a worker process: the event that tells it its work is not wanted


_resolver: LinkResolver | None = None  # in a worker process: see name_resolver


def name_resolver(named: dict[str, list[str]]) -> LinkResolver:
    """Links resolved by file names alone (``named``: every note a scan found): the
    answer of the full resolver wherever a file name answers, since aliases are only
    asked when none does; a link no file name answers to is left None, for the last
    pass, which knows the aliases."""
    return LinkResolver(lambda key: named.get(key, ()), lambda key: ())


def _start_worker(cancel: Any, resolver: LinkResolver | None, parent: int) -> None:
    """Set a worker process up; its arguments are inherited, not pickled (forked)."""
    global _cancel, _resolver
    _cancel = cancel
    _resolver = resolver
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPS)
    _die_with(parent)


def _die_with(parent: int) -> None:
    """Have the kernel end this worker when ``parent``, the process that forked it, ends
    (Linux): killed (``kill -9``, the OOM killer) while its workers read, it left them
    waiting for work for ever - they hold the pipes' other ends - and holding the build
    lock they were forked with, for which every later command then waited 120 s."""
    die_with_parent(signal.SIGKILL)  # (a safeguard only: skipped without ctypes)
    if os.getppid() != parent:  # ended before it was asked
        os._exit(1)


def _cuts(count: int) -> list[int]:
    """Where the chunks of ``count`` files begin, and the end: :data:`CHUNK` files each,
    the first few smaller (:data:`RAMP`), so the writing process gets rows sooner, and,
    when there are files enough for both, the last few too (RAMP backwards), so the
    workers end together and the rows stored after them are few (:func:`tail_size`)."""
    ramp = ramp_sizes()
    last = ramp[::-1] if tail_size(count) else []
    before = count - sum(last)
    sizes = chain(ramp, repeat(max(CHUNK, 1)))
    cuts = [0]
    while cuts[-1] < before:
        cuts.append(min(cuts[-1] + next(sizes), before))
    cuts += [before + end for end in accumulate(last)]
    return cuts


def ramp_sizes() -> list[int]:
    """The sizes of the first chunks (:data:`RAMP`, none over :data:`CHUNK`)."""
    return [max(min(size, CHUNK), 1) for size in RAMP]  # (CHUNK = 0: one each)


def tail_size(count: int) -> int:
    """How many of ``count`` files, read in worker processes, come last in small chunks
    (:func:`_cuts`; none when they are too few for both ramps): their rows are stored as
    they come, so that once the workers end, only the last chunk's are left to store."""
    ramp = sum(ramp_sizes())
    return ramp if count >= 2 * ramp else 0


def _read_chunk(
    root: str, paths: list[str], hashes: list[str | None], periodic: PeriodicSettings
) -> bytes:
    """:func:`_read_file` for a chunk of files, in a worker process (cut short when the
    refresh is stopped: nobody reads the result then), marshalled, an entry as the list
    of its values: written in half the instructions of a pickle, read back in 8% fewer
    by the writing process.  Rows hold only what SQLite binds (str, int, float, bytes,
    None), which marshal writes."""
    found: list[list[Any] | Touch | None] = []
    for rel, known in zip(paths, hashes, strict=True):
        if _cancel.is_set():
            break
        item = _read_file(root, rel, known, periodic, _resolver)
        if isinstance(item, Entry):
            found.append([item.path, item.note, item.details, item.search])
        else:
            found.append(item)
    return marshal.dumps(found)


def _unmarshalled(data: bytes) -> list[Entry | Touch | None]:
    """What :func:`_read_chunk` sent."""
    return [Entry(*item) if isinstance(item, list) else item for item in marshal.loads(data)]


def _workers() -> int:
    """How many worker processes a parallel read forks: one a core."""
    return min(os.cpu_count() or 1, MAX_WORKERS)


def process_context(count: int) -> BaseContext | None:
    """Forked worker processes to read ``count`` files, when they are many
    (:data:`PARALLEL_MIN`), there is more than one core, and forking is safe: on Linux
    and the like, from a process with one thread (not the watcher); else None (read in
    this process).  Forked workers need no imports and never re-run the caller's main
    module, as spawned ones would."""
    if count < PARALLEL_MIN or _workers() < 2:
        return None
    if sys.platform in ("darwin", "win32") or threading.active_count() > 1:
        return None
    import multiprocessing  # (4 ms: only for a build)

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork")


def _body(data: bytes, note: Note) -> str:
    """The body text for full-text search (undecodable bytes replaced, NUL bytes made
    spaces: FTS5's snippets end a text at one, and showed words from past it next to
    words before; see :func:`searchable`), as far as it is read (:func:`body_read`:
    not an Excalidraw drawing's JSON); none for a file too large to be a note
    (tokenizing it made its every save, and every search finding it, take seconds)."""
    if len(data) > MAX_NOTE_BYTES:
        return ""
    text = data.decode("utf-8", "replace").removeprefix("\ufeff").replace("\0", " ")
    if note.body_line > 1:
        parts = text.split("\n", note.body_line - 1)
        body = body_read(note.props, parts[-1]) if len(parts) == note.body_line else ""
        return searchable(body)
    return searchable(text if note.readable else after_front_matter(text))  # broken: unsearched


def _cant_read(exc: OSError) -> str:
    return f"can't read: {exc.strerror or exc}"


def _unreadable(rel: str, info: os.stat_result, problem: str, hashed: str | None = None) -> Entry:
    """The rows of a note that could not be read (``hashed``: or parsed)."""
    note = Note(path=rel, kind="note", title=rel, readable=False, writable=False)
    note.diagnostics.append(Diagnostic(rel, None, problem))
    return _rows(note, None, info, hashed, time.time_ns(), "")


def read_all(
    root: str,
    paths: list[str],
    hashes: list[str | None],
    periodic: PeriodicSettings,
    resolver: LinkResolver | None,
    context: BaseContext | None,
) -> Generator[tuple[str, Entry | Touch | None], None, None]:
    """Read, hash and parse the files at ``paths`` in the folder ``root`` (``hashes``:
    those of their rows, if any), in order; in worker processes forked in ``context``
    (:func:`process_context`), keeping only a few chunks in flight, or in this one.
    ``resolver``: see :func:`name_resolver`."""
    workers = _workers()
    if context is None:
        for rel, known in zip(paths, hashes, strict=True):
            yield rel, _read_file(root, rel, known, periodic, resolver)
        return
    jobs = [(root, paths[i:j], hashes[i:j], periodic) for i, j in pairwise(_cuts(len(paths)))]
    from concurrent.futures import ProcessPoolExecutor

    cancel = context.Event()
    with heap_kept():  # set before the fork: the workers' heaps too
        pool = ProcessPoolExecutor(
            workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(cancel, resolver, os.getpid()),
        )
        try:
            running: deque[tuple[list[str], Future[bytes]]] = deque()
            for job in jobs:
                # the first submit forks the workers: born with the stops held, they
                # ignore Ctrl-C (the main process stops them) and die quietly of the
                # others, none stopped half-way through its start with a traceback
                with interrupts_held():
                    running.append((job[1], pool.submit(_read_chunk, *job)))
                while len(running) > 2 * workers or (running and job is jobs[-1]):
                    chunk, future = running.popleft()
                    yield from zip(chunk, _unmarshalled(future.result()), strict=True)
        finally:  # when the caller stops early, the chunks in flight are dropped
            cancel.set()
            pool.shutdown(wait=True, cancel_futures=True)
