"""Keeping the index fresh while notes are edited: the only module that imports watchdog.

Events only mark paths dirty; nothing is read in watchdog's thread.  The paths
are handled once they have all been quiet for ``quiet`` seconds (a burst of events
is one batch, unless it goes on for :data:`BURST_SECONDS`; editors save in
bursts: vim renames the file to ``note.md~`` and writes a new one, VS Code
truncates then writes), and what happens is decided from the disk by the same
:meth:`Index.refresh` every command uses: a file whose bytes did not change
(the tool's own write, a ``touch``) is not parsed again and reports nothing.
Editor and sync temp files (``4913``, ``note.md~``, ``.note.md.swp``, emacs'
``.#note.md``) and skipped folders (``.git``, ``.obsidian``, ``.trash``...) are
ignored by name; the notes of excluded folders (template folders...) are known by name
only (links find them), so a note made, moved or deleted there is an update too.

Only what the index knows is watched: the vault folder itself (not
recursively) and each top-level folder that is not skipped (recursively), so a big
``.git`` or ``node_modules`` costs no inotify watches.
A top-level folder that appears later gets its watch when its event is handled
(and is then read, with the rest of its batch, once quiet: a folder renamed is one
update); one that goes away loses its watch.  A folder whose attributes
change (``chmod 000 goals`` and back) is read again: one that can't be listed is told,
and its notes stay in the index (see :meth:`Vault.find_unlisted_above`); once it can
be, it is listed (and a top-level one watched) anew.

The whole vault is reconciled at start - before the observer starts, so a big
vault is read by worker processes, then once more (a stat scan) to catch what
changed meanwhile - every ``reconcile_every`` seconds, after watchdog reports a
problem (a warning such as an inotify queue overflow during a ``git
checkout``), after an error while handling a batch, and when one of watchdog's
threads has died (it is restarted).  Stopping interrupts a reconcile between
two files; what was read so far is kept.  An update with many files to read
(:data:`~journal.adapters.index_reading.PARALLEL_MIN`) stops the observer meanwhile, so
that worker processes may be forked, and reconciles once more after watching again.

The settings (``.journal/config.toml``, Obsidian's) are read again once their files
change (:meth:`Watcher._read_settings`); the index is then reopened under them.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import select
import signal
import stat
import threading
import time
import warnings
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import FrameType
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from journal.adapters import index_reading
from journal.adapters.index import Index, IndexTakenOver, Refresh
from journal.adapters.vault import Vault, icloud_note
from journal.core.errors import ConfigError, JournalError, NotFound
from journal.core.records import Record, record

UNWATCHED_ROUNDS = 3  # reconciles at most while not watching, after a large refresh
READING_NOTICE = 1.0  # seconds of reading changed files before the watcher says so
FULL_BATCH = 5000  # more dirty paths than this: reconcile the whole vault instead
TICK = 1.0  # seconds between liveness checks when nothing happens
STOP_SECONDS = 0.1  # how long stopping may wait for watchdog's threads
START_TRIES = 10  # starts a folder vanishing meanwhile may spoil before watching gives up
START_PAUSE = 0.2  # seconds between two of them
_IGNORED_EVENTS = frozenset({"opened", "closed_no_write"})
#: Seconds an editor may take between emptying a file and writing it again (half a
#: second was seen), or the quiet period when longer: a note found empty is read once it
#: has content or has stayed empty this long, and a review is written only when unwritten
#: for this long.
SAVE_SECONDS = 2.0
#: Seconds a burst of events (a ``git checkout``, a sync) may go on before the paths quiet
#: so far are handled: until then, no path is taken while any keeps changing, so that a
#: burst is one batch (found in a tryout: a checkout of 2,000 notes gave 58 lines).
BURST_SECONDS = 5.0


@record(frozen=True)
class Update(Record):
    """One batch of index updates, as the watcher reports it."""

    refresh: Refresh
    full: bool  # a reconcile of the whole vault rather than of dirty paths
    #: another journal process (a command, a watcher) stored changes since the last
    #: batch: the notes this batch was about may have been read by it (its refresh came
    #: first), not by this one
    elsewhere: bool = False
    #: the settings were read again (edited) just before: what hangs on them (this
    #: week's review) may differ even when no note did
    settings: bool = False


class _Dirty:
    """Paths waiting for their quiet period, in the order of their last event.  Paths
    ripe for a batch take along the waiting paths inside them (a folder is read whole)
    and the other end of a move of one of those: a note moved into a folder made just
    before (`mkdir goals/Q1; mv goals/A.md goals/Q1/`) is read with the folder, and
    its old path must go in the same batch, or the index holds it twice in between
    (found in a tryout: the review regenerated with the goal twice, and duplicate ids)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._last: OrderedDict[str, float] = OrderedDict()
        self._moved: dict[str, set[str]] = {}  # a path moved, waiting -> every path of its moves
        self._full = False
        self._woken = False

    def mark(self, rel: str, moved_from: str | None = None) -> None:
        """``rel`` changed; ``moved_from``: the path it was moved from (marked too)."""
        with self._cond:
            was_empty = not self._last
            for path in (moved_from, rel) if moved_from is not None else (rel,):
                self._last[path] = time.monotonic()
                self._last.move_to_end(path)
            if moved_from is not None:  # A -> B -> C: one group
                group = self._moved.get(moved_from, {moved_from}) | self._moved.get(rel, {rel})
                self._moved.update(dict.fromkeys(group, group))
            if was_empty:
                self._cond.notify()

    def _along(self, ripe: list[str]) -> list[str]:
        """``ripe`` and the waiting paths it takes along (see the class)."""
        taken = set(ripe)
        more = True
        while more:
            more = False
            for rel in list(self._last):
                parts = rel.split("/")
                inside = any("/".join(parts[:i]) in taken for i in range(1, len(parts)))
                if inside or not self._moved.get(rel, set()).isdisjoint(taken):
                    del self._last[rel]
                    taken.add(rel)
                    ripe.append(rel)
                    more = True
        for rel in ripe:
            self._moved.pop(rel, None)
        return ripe

    def request_full(self) -> None:
        with self._cond:
            self._full = True
            self._cond.notify()

    def wake(self) -> None:
        """Make a waiting :meth:`take` return now."""
        with self._cond:
            self._woken = True
            self._cond.notify()

    def take(self, quiet: float, timeout: float) -> tuple[list[str], bool]:
        """Wait up to ``timeout`` for paths quiet for ``quiet`` seconds, once every path
        waiting has been (or the burst has gone on for :data:`BURST_SECONDS`, or
        ``quiet`` when that is longer), or for a request to reconcile everything; return
        them and whether everything is wanted."""
        with self._cond:
            end = time.monotonic() + timeout
            while True:
                now = time.monotonic()
                if self._full:
                    self._full = False
                    self._last.clear()
                    self._moved.clear()
                    return [], True
                if self._woken:
                    self._woken = False
                    return [], False
                ripe = []
                wait = end - now
                if self._last:  # in the order they last changed: the oldest first
                    oldest = next(iter(self._last.values()))
                    newest = next(reversed(self._last.values()))
                    cap = max(BURST_SECONDS, quiet)  # a burst is never cut before its quiet
                    if now - newest < quiet and now - oldest < cap:  # a burst going on
                        wait = min(wait, newest + quiet - now, oldest + cap - now)
                    else:  # the oldest is quiet (cap >= quiet): take each one quiet
                        while self._last and now - next(iter(self._last.values())) >= quiet:
                            ripe.append(next(iter(self._last)))
                            del self._last[ripe[-1]]
                if ripe:
                    return self._along(ripe), False
                if wait <= 0:
                    return [], False
                self._cond.wait(wait)


class _Handler(FileSystemEventHandler):
    """Marks the vault-relative paths of events dirty; never raises."""

    def __init__(self, vault: Vault, dirty: _Dirty, log: Callable[[str], None]) -> None:
        self.vault = vault
        self.root = str(vault.root)
        self.dirty = dirty
        self.log = log

    def on_any_event(self, event: FileSystemEvent) -> None:
        try:
            if event.event_type in _IGNORED_EVENTS:
                return
            if event.is_directory and event.event_type in ("modified", "closed"):
                return  # a folder's own metadata; the files in it send their own events
            # a folder's "attrib" (a chmod) is read: it may be listable, or no longer
            wanted = []
            for raw in (event.src_path, event.dest_path):
                rel = self.relative(os.fsdecode(raw)) if raw else None
                if rel and not event.is_directory:  # iCloud's placeholder: its note's event
                    rel = icloud_note(rel) or rel
                if rel == "":
                    self.dirty.request_full()  # the vault folder itself moved or vanished
                elif rel is not None and self.wanted(rel, event, os.fsdecode(raw)):
                    wanted.append(rel)
            if len(wanted) == 2 and wanted[0] == wanted[1]:  # a note evicted by iCloud
                del wanted[1]
            if event.event_type == "attrib" and event.is_directory and wanted:
                # a subfolder that could not be listed has no watch (nor its subfolders):
                # its top-level folder is watched anew, which places them once it can be
                # (only then: a sync tool touches every folder's times)
                top = wanted[0].split("/", 1)[0]
                if top != wanted[0] and wanted[0] in self.vault.unlisted:
                    self.dirty.mark(top)
            if len(wanted) == 2:  # a move from one wanted path to another
                self.dirty.mark(wanted[1], moved_from=wanted[0])
            for rel in wanted if len(wanted) < 2 else ():
                self.dirty.mark(rel)
        except Exception as exc:  # a handler that raises kills watchdog's thread
            self.log(f"journal watch: can't handle {event!r}: {exc}")
            self.dirty.request_full()

    def relative(self, path: str) -> str | None:
        if path == self.root:
            return ""
        prefix = self.root + os.sep
        if not path.startswith(prefix):
            return None
        return path[len(prefix) :].replace(os.sep, "/")

    def wanted(self, rel: str, event: FileSystemEvent, path: str) -> bool:
        """Whether the index reads ``rel``, or knows its name (a note of an excluded
        folder, which links find), or must tell of it: a symlink made to a folder (``ln
        -s ../people notes/people``), which a listing names as skipped."""
        if event.is_directory:
            return self.vault.links_find(rel, folder=True)
        if self.vault.links_find(rel):
            return True
        made = event.event_type in ("created", "moved")
        return made and not self.vault.ignores(rel) and Path(path).is_symlink()


class _WatchdogProblems(logging.Handler):
    """Turns every warning watchdog logs (lost events, failed watches) into a reconcile."""

    def __init__(self, dirty: _Dirty) -> None:
        super().__init__(logging.WARNING)
        self.dirty = dirty

    def emit(self, record: logging.LogRecord) -> None:
        self.dirty.request_full()


class Watcher:
    """Watches one vault and keeps its index current until stopped."""

    def __init__(
        self,
        index: Index,
        *,
        quiet: float = 0.3,
        reconcile_every: float = 300.0,
        on_update: Callable[[Update], None] | None = None,
        on_reading: Callable[[int], None] | None = None,
        on_idle: Callable[[], None] | None = None,
        on_ready: Callable[[], None] | None = None,
        log: Callable[[str], None] = print,
        output: int | None = None,
    ) -> None:
        self.index = index
        # the updates' output: once what reads it is gone, watching stops (see _Output)
        self._output = _Output(output)
        self.on_reading = on_reading
        self.on_idle = on_idle  # called about once a second when no file changed
        self.on_ready = on_ready  # called once watching, after the first reconcile
        self.unread = 0  # files the last refresh left unread, when stopping cut it short
        self.cut: Update | None = None  # a batch stored but not handed on: stopped meanwhile
        self.root = str(index.vault.root)
        self.quiet = quiet
        self.reconcile_every = reconcile_every
        self.on_update = on_update
        self.log = log
        self.dirty = _Dirty()
        self.stop_event = threading.Event()
        self.ready = threading.Event()  # set once watching and the first reconcile is done
        self._handler = _Handler(index.vault, self.dirty, log)
        self._observer: Any = None
        self._watches: dict[str, tuple[ObservedWatch, int]] = {}  # top-level folder: watch, inode
        self._threads: list[threading.Thread] = []
        self._settings = index.vault.settings_stamp()
        self._edited: tuple[tuple[Any, ...], float] | None = None  # a new stamp, when seen
        self._settings_read = False  # until the next update says so
        self._told: str | None = None  # why the settings could not be taken yet, once told
        self._watched_root: tuple[int, int] | None = None  # the folder the watches are on
        self._emptied: dict[str, float] = {}  # a note found empty: since when
        self._saving: dict[str, float] = {}  # a note read while being saved: since when

    def stop(self) -> None:
        """Ask :meth:`run` to return (from any thread or a signal handler)."""
        self.stop_event.set()
        self.dirty.wake()

    def run(self) -> None:
        """Reconcile, then watch until :meth:`stop`; the observer is always stopped.
        Raises :class:`NotFound` when the vault folder goes away."""
        # watchdog warns (RuntimeWarning) when it re-adds a watch for a renamed folder; that
        # is harmless, and a warning raised as an error would kill its thread
        warnings.filterwarnings("ignore", category=RuntimeWarning, module=r"watchdog\.")
        problems = _WatchdogProblems(self.dirty)
        watchdog_log = logging.getLogger("watchdog")
        watchdog_log.addHandler(problems)
        try:
            self._handle(None)  # no watchdog thread yet: workers may be forked
            if self.stop_event.is_set():
                return
            self._start_observer()
            self._update(None)  # what changed before the watches were in place
            self.ready.set()
            if self.on_ready is not None and not self.stop_event.is_set():
                self.on_ready()
            last_full = time.monotonic()
            while not self.stop_event.is_set():
                paths, full = self.dirty.take(self.quiet, TICK)
                if self.stop_event.is_set():
                    break
                self._output.check()
                if not self.index.vault.root.is_dir():  # exit 1: not a stop asked for
                    raise self._gone()
                reread = self._read_settings()
                if self._edited is not None and (paths or full):
                    self._postpone(paths, full)  # to be handled under the new settings
                    continue
                full = reread or full
                if self._index_replaced():  # deleted, or emptied: every note read anew
                    full = True
                if not self._observer_alive():
                    self.log("journal watch: the file watcher stopped; restarting it")
                    self._stop_observer()
                    self._start_observer()
                    full = True
                elif self._root_id() != self._watched_root:
                    # another folder at the vault's path (a backup restored, a fresh
                    # clone, a sync tool swapping it): the watches are on the old one
                    self.log("journal watch: the vault folder was replaced; watching the new one")
                    self._stop_observer()
                    self._start_observer()
                    full = True
                if time.monotonic() - last_full >= self.reconcile_every:
                    full = True
                ended = self._ended_watches()
                if ended:
                    paths = sorted({*paths, *ended})
                full = full or len(paths) > FULL_BATCH
                tops = [path for path in paths if "/" not in path]
                if full or tops:
                    unwatched = {top for top in tops if top not in self._watches}
                    self._watch_folders(renew=tops)  # a top-level folder came, went or moved
                    if not full:
                        paths = self._held_until_quiet(paths, unwatched & self._watches.keys())
                if full:
                    last_full = time.monotonic()
                    self._emptied.clear()
                    self._saving.clear()
                    self._update(None)
                elif paths:
                    written = self._written(paths)
                    if written:
                        self._update(written)
                elif self.on_idle is not None and not tops:  # none held for later
                    self.on_idle()
        finally:
            self._stop_observer()
            watchdog_log.removeHandler(problems)  # after: stopping may log a warning

    def _read_settings(self) -> bool:
        """Read the vault's settings again when one of their files changed and stayed so
        for the quiet period (seen within a :data:`TICK` or two).  True when they were:
        the index is then the one the new settings give, rebuilt by the next refresh when
        they change what it holds (excluded folders, daily-note names).  A config that
        can't be read is told once per edit, and the settings read before stay."""
        vault = self.index.vault
        stamp = vault.settings_stamp()
        now = time.monotonic()
        if stamp == self._settings:
            self._edited = None
            return False
        if self._edited is None or self._edited[0] != stamp:
            self._edited = (stamp, now)  # an editor may be half way through its save
            return False
        if now - self._edited[1] < self.quiet:
            return False
        try:
            vault = vault.reloaded()
        except ConfigError as exc:  # told once: read again at the next edit
            self._settings, self._edited = stamp, None
            self.log(f"journal watch: {exc}; watching on with the settings read before")
            return False
        try:
            index, before = Index.open(vault), self.index
        except JournalError as exc:  # the index stays locked a while: tried again next tick
            if str(exc) != self._told:
                self._told = str(exc)
                self.log(f"journal watch: {exc}; the settings are read again in a moment")
            return False
        self._settings, self._edited, self._told = stamp, None, None
        self.index = index
        self._handler.vault = vault
        before.close()
        if index.path != before.path:
            where = "none: working without one (see above)" if index.in_memory else index.path
            self.log(f"journal watch: the index is now {where}")
        self._settings_read = True
        self.log("journal watch: read the settings again")
        return True

    def _written(self, paths: list[str]) -> list[str]:
        """``paths`` less the notes found empty, each handed back until it has content or
        has stayed empty for :data:`SAVE_SECONDS`: an editor that empties a file and
        writes it again later than the quiet period (found in a tryout: half a second)
        would have its goal read as an empty note, and dropped from a review regenerated
        in between.  Those a refresh found being saved (white space or a BOM alone, a
        front matter cut off, a moment after their change: see
        :func:`~journal.core.notes.parse_typed`) kept their rows as they were, and are
        handed back as long, then read again: no event may come.  A reconcile of the whole
        vault holds only those."""
        now, ready = time.monotonic(), []
        wait = max(self.quiet, SAVE_SECONDS)
        for path in paths:
            told = self._saving.pop(path, None)
            if told is not None and now - told < wait:
                self._saving[path] = told
                self.dirty.mark(path)
                continue
            try:
                found = (self.index.vault.root / path).lstat()
            except OSError:  # gone: its row goes
                found = None
            empty = found is not None and stat.S_ISREG(found.st_mode) and found.st_size == 0
            since = self._emptied.pop(path, now)  # written again: forgotten
            if empty and now - since < wait:
                self._emptied[path] = since
                self.dirty.mark(path)
            else:
                ready.append(path)
        return ready

    def _held_until_quiet(self, paths: list[str], watched: set[str]) -> list[str]:
        """``paths``, or none when some are in the top-level folders ``watched`` just now
        for the first time: the batch is then handed back whole, to be read once quiet.
        What is written in a new folder comes unseen until it is watched, so a folder
        still being filled (a ``git checkout`` making it) would be read in one batch, and
        what came after in many; and the rest goes with it, as it may be the other half
        of a move (``mv people contacts``, or a folder deleted and another made): its
        notes removed a batch before they were read at their new place left a review
        regenerated in between without them."""
        if not any(path.split("/")[0] in watched for path in paths):
            return paths
        for path in paths:
            self.dirty.mark(path)
        return []

    def _postpone(self, paths: list[str], full: bool) -> None:
        """Hand ``paths`` (and a reconcile) back for later: the settings are being edited
        (a ``journal review`` under a new week start may have written a note meanwhile,
        which must not be regenerated under the old one)."""
        for path in paths:
            self.dirty.mark(path)
        if full:
            self.dirty.request_full()
        self.stop_event.wait(self.quiet)

    def _update(self, paths: list[str] | None) -> None:
        """Refresh ``paths`` (None: reconcile the whole vault).  With many files to read
        (a ``git checkout``, a folder of notes moved in), the observer is stopped
        meanwhile, since a refresh forks worker processes only while no other thread
        runs; once it is watching again, a reconcile reads what changed unwatched."""
        if not self._many(paths):
            self._handle(paths)
            return
        self._stop_observer()
        self._handle(paths)
        for _round in range(UNWATCHED_ROUNDS):  # files may still be coming (a checkout)
            if self.stop_event.is_set() or not self._many(None):
                break
            self._handle(None)
        if not self.stop_event.is_set():
            self._start_observer()
            self._handle(None)

    def _index_replaced(self) -> bool:
        """Whether the index file was replaced, deleted or emptied since the last look (it
        is then open anew: an idle watcher holding an emptied file would keep every other
        command out of it), or is used again after the watcher worked in memory (a full
        disk that has room again).  An error is left to the next refresh, which meets it
        again and logs it (True would ask for a reconcile of the whole vault every tick)."""
        try:
            return self.index.reopen_if_replaced()
        except Exception:
            return False

    def _many(self, paths: list[str] | None) -> bool:
        """Whether refreshing ``paths`` (None: the vault) reads enough files to fork."""
        try:
            return self.index.pending(paths) >= index_reading.PARALLEL_MIN
        except Exception:  # the refresh meets it again, and logs it
            return False

    def _handle(self, paths: list[str] | None) -> None:
        """Refresh the index for ``paths`` (None: everything); errors are logged, and
        the next round reconciles everything."""
        try:
            result = self.index.refresh(
                paths, progress=self._reading(), stop=self.stop_event.is_set, hold_saving=True
            )
            self.unread = result.unread
            for path in result.saving:  # read again once the save is over (_written)
                self._saving.setdefault(path, time.monotonic())
                self.dirty.mark(path)
            repaired = self.index.take_repaired()
            if repaired is not None:  # a damaged index made again since the last batch
                result = repaired.then(result)
            elsewhere = self.index.changed_elsewhere()
            settings, self._settings_read = self._settings_read, False
            if (result.changed or elsewhere or settings) and self.on_update is not None:
                update = Update(result, paths is None, elsewhere, settings)
                if self.stop_event.is_set():  # its line and its review: the stop's to tell
                    self.cut = update
                else:
                    self.on_update(update)
        except IndexTakenOver:
            raise  # a newer journal's index: watching on would write into it
        except BrokenPipeError:
            raise  # what reads the updates went away (`journal watch | head`): stop
        except Exception as exc:
            if isinstance(exc, BrokenProcessPool):  # a worker killed (by hand, out of memory)
                self.log(
                    "journal watch: a worker process stopped (killed?) while reading notes; "
                    "reading them again"
                )
            else:
                self.log(f"journal watch: error: {type(exc).__name__}: {exc}; reconciling")
            self.dirty.request_full()
            self.stop_event.wait(TICK)  # don't spin on an error that persists

    def _reading(self) -> Callable[[int, int], None] | None:
        """A refresh's progress callback: ``on_reading(total)``, once, when reading the
        changed files (and the files changed too recently to trust their stat) has
        taken more than :data:`READING_NOTICE` seconds since the first one (a big
        ``git checkout``), so a long silence is explained (:func:`told_once_long`)."""
        return None if self.on_reading is None else told_once_long(self.on_reading)

    def _gone(self) -> NotFound:
        return NotFound(f"the vault folder {self.root} is gone; stopped watching")

    def _root_id(self) -> tuple[int, int] | None:
        """Which folder is at the vault's path (device, inode); None when none is."""
        try:
            info = self.index.vault.root.stat()
        except OSError:
            return None
        return (info.st_dev, info.st_ino)

    def _start_observer(self) -> None:
        """Start watching; a folder that goes away while the watches are placed (a
        ``git checkout`` removing and making folders) is no reason to stop: try again."""
        for attempt in range(1, START_TRIES + 1):
            try:
                self._try_start()
                return
            except OSError as exc:  # e.g. the inotify watch limit
                self._stop_observer()
                if not self.index.vault.root.is_dir():
                    raise self._gone() from None
                if not isinstance(exc, FileNotFoundError) or attempt == START_TRIES:
                    raise JournalError(f"can't watch {self.root}: {exc}") from None
                if self.stop_event.wait(START_PAUSE):
                    return  # a stop asked for meanwhile: run() ends as it checks

    def _try_start(self) -> None:
        self._watched_root = self._root_id()
        before = set(threading.enumerate())  # the observer starts its inotify reader at once
        observer = Observer(timeout=STOP_SECONDS)
        self._observer = observer
        observer.schedule(self._handler, self.root, recursive=False)
        self._watch_folders()
        observer.start()
        # the threads watchdog started besides the observer and its emitters (its inotify
        # reader, the first time): if any dies, events are lost
        self._threads = [
            t for t in threading.enumerate() if t not in before and t not in observer.emitters
        ]

    def _watch_folders(self, renew: Collection[str] = ()) -> None:
        """Watch every top-level folder the index reads or knows the notes of (an
        excluded one), recursively, and no other (the vault folder itself is watched
        alone).  The folders named in ``renew`` (events came for them: they may have been
        replaced) and any whose inode changed are watched anew."""
        vault = self.index.vault
        wanted: dict[str, int] = {}
        with contextlib.suppress(OSError), os.scandir(self.root) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and vault.links_find(
                    entry.name, folder=True
                ):
                    wanted[entry.name] = entry.inode()
        for name, (watch, inode) in sorted(self._watches.items()):
            if wanted.get(name) != inode or name in renew:
                del self._watches[name]
                with contextlib.suppress(KeyError, OSError):
                    self._observer.unschedule(watch)
        for name, inode in sorted(wanted.items()):
            if name not in self._watches:
                path = str(vault.root / name)
                try:
                    watch = self._observer.schedule(self._handler, path, recursive=True)
                except FileNotFoundError:  # gone again: its event comes
                    continue
                except OSError as exc:  # e.g. the inotify watch limit: reconciles still see it
                    self.log(f"journal watch: can't watch {path}: {exc}")
                    continue
                self._watches[name] = (watch, inode)

    def _observer_alive(self) -> bool:
        """Whether the observer, the vault folder's own watch and watchdog's threads still
        work.  The watch of a top-level folder may end on its own (watchdog stops it when
        the folder is deleted, also when one is made again at once under its name): no
        failure, see :meth:`_ended_watches`."""
        observer = self._observer
        return (
            observer.is_alive()
            and all(e.is_alive() or e.watch.path != self.root for e in tuple(observer.emitters))
            and all(thread.is_alive() for thread in self._threads)
        )

    def _ended_watches(self) -> list[str]:
        """The top-level folders whose watch ended, to watch anew and read again (a
        folder deleted and made again between two looks: its new notes came unwatched)."""
        ended = {e.watch.path for e in tuple(self._observer.emitters) if not e.is_alive()}
        return sorted(name for name, (watch, _ino) in self._watches.items() if watch.path in ended)

    def _stop_observer(self) -> None:
        if self._observer is not None:
            self._observer.stop()
            with contextlib.suppress(RuntimeError):
                self._observer.join(timeout=5)
            self._observer = None
            self._watches.clear()


def told_once_long(tell: Callable[[int], None]) -> Callable[[int, int], None]:
    """A progress callback (done, total) that calls ``tell(total)`` once, when the work
    has gone on for more than :data:`READING_NOTICE` seconds since its first call (the
    first file read, not the scan before) and is not done."""
    started: float | None = None
    told = False

    def progress(done: int, total: int) -> None:
        nonlocal started, told
        now = time.monotonic()
        started = started or now
        if not told and done < total and now - started > READING_NOTICE:
            told = True
            tell(total)

    return progress


class _Output:
    """The file descriptor the updates are printed to, when it is a pipe or a FIFO
    (``journal watch | head -n 2``): :meth:`check`, at every tick, raises
    :class:`BrokenPipeError` once what reads it is gone, as a write there would, also
    while no note changes and nothing is written (POSIX's ``poll`` tells it, POLLERR).
    Anything else (a terminal, a file, none, Windows) has no reader to lose."""

    def __init__(self, fd: int | None) -> None:
        self.poll: Any = None
        if fd is None or not hasattr(select, "poll"):
            return
        try:
            if not stat.S_ISFIFO(os.fstat(fd).st_mode):
                return
        except OSError:  # closed: its first write says so
            return
        self.poll = select.poll()
        self.poll.register(fd, select.POLLERR | select.POLLHUP)

    def check(self) -> None:
        if self.poll is not None and self.poll.poll(0):
            raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


@contextlib.contextmanager
def stop_on_signals(watcher: Watcher, on_stop: Callable[[], None] | None = None) -> Iterator[None]:
    """Stop ``watcher`` cleanly on Ctrl-C (SIGINT), SIGTERM and SIGHUP (its terminal
    closed) while inside, calling ``on_stop`` (in the signal handler) at each; a signal
    ignored when it starts (``nohup``) stays ignored."""

    def handler(signum: int, frame: FrameType | None) -> None:
        watcher.stop()
        if on_stop is not None:
            on_stop()

    stops = [signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)]
    previous = {
        sig: signal.signal(sig, handler)
        for sig in stops
        if sig is not None and signal.getsignal(sig) is not signal.SIG_IGN
    }
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
