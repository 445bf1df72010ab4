"""``journal watch``: keep the index current while notes are edited, until stopped."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from journal.adapters.files import read_note_at, stat_stamp
from journal.adapters.gitfind import RUNNING, HistoryUnavailable, NoRepository
from journal.adapters.index import Index
from journal.adapters.vault import Vault
from journal.adapters.watcher import (
    SAVE_SECONDS,
    Update,
    Watcher,
    stop_on_signals,
    told_once_long,
)
from journal.core import codec
from journal.core.catalog import warns
from journal.core.errors import Conflict, JournalError, Stopped
from journal.core.generated import HASH_KEY, MARK
from journal.core.notes import emptied
from journal.usecases.generate import UnlistedFolders
from journal.usecases.history import open_repository
from journal.usecases.listing import misread
from journal.usecases.review import found_places, review_period, review_places, weekly_review


def update_record(update: Update) -> dict[str, Any]:
    """A batch of index updates as plain data."""
    return {
        "full": update.full,
        "elsewhere": update.elsewhere,
        "settings": update.settings,
        "read": update.refresh.parsed,
        "removed": update.refresh.removed,
        "offline": update.refresh.offline,
        "excluded": update.refresh.excluded,
        "seconds": round(update.refresh.seconds, 4),
    }


def regenerate_review(vault: Vault, index: Index, today: date) -> dict[str, Any]:
    """Bring this week's review note up to date; one that does not exist is never made
    (:class:`Unmade`).

    Only generated sections the user has not edited change (see ``journal
    review``), and last week's review gets its next link (``linked``: its path,
    when it did); the written paths are refreshed in the index at once, so the
    writes' own file events change nothing.  A note written within the quiet period,
    or by another process between the read and the write (an editor's save, a second
    watcher), is put off (:class:`NotNow`) until it has been quiet.
    """
    busy = _git_busy(vault)
    if busy == RUNNING:  # a checkout, a commit: over in a moment, nothing to tell
        raise GitRunning(f"{busy}; it will be once git is done")
    if busy is not None:
        raise GitBusy(f"{busy}; it will be once git is done (a change now would get in its way)")
    seen = review_period(vault, today)
    places = review_places(vault)  # lists the weekly folder: once per batch
    with index.reading() as reader:
        catalog = vault.catalog(reader, today)
        found = found_places(vault, catalog, places)
        place = found(seen[0], writing=True)
        rel = place.path
        if not vault.disk_path(rel).is_file():
            raise Unmade(
                f"there is no review of this week yet ({rel}); it will be kept up to date "
                "once `journal review` has made it"
            )
        hook = vault.before_write

        def settled_then(path: str) -> None:  # and again once read, just before writing
            _settled(vault, path, place.adopted)
            if hook is not None:
                hook(path)
            vault.check_stop()  # the last moment: nothing is written after a stop

        vault.before_write = settled_then
        try:
            _settled(vault, rel, place.adopted)  # before the work: most are not being saved
            result = weekly_review(vault, catalog, today, seen=seen, places=places)
        except Conflict:  # written meanwhile: an editor's save, a second watcher
            raise _being_saved(vault, rel) from None
        except UnlistedFolders as exc:  # as `journal review` writes none then
            raise Unlisted(f"{exc.why}; it will be once {exc.it} can be read") from None
        except FileNotFoundError:  # moved or deleted meanwhile: its own event comes
            raise NotNow(f"{rel} was moved or deleted meanwhile") from None
        except Stopped as exc:
            raise Stopped(exc.message, path=rel) from None
        finally:
            vault.before_write = hook
    if result.written.action == "updated":
        index.refresh([rel, *([result.linked] if result.linked else [])])
        with contextlib.suppress(FileNotFoundError):  # moved at once: nothing of ours there
            vault.memo[f"{_OWN} {rel}"] = stat_stamp(vault.disk_path(rel).stat())
    return {**result.written.to_dict(), "linked": result.linked}


class NotNow(JournalError):
    """The review is not regenerated now: git is in the middle of something, or the note
    itself is being saved or empty (the watcher tries again once idle, and then says so,
    after ``now``; a save is over within seconds, so only git's wait and an empty note
    are ``told``)."""

    now = "now that it is saved"
    told = False
    idle = True  # tried again once idle (every tick): what put it off ends with no event


class GitBusy(NotNow):
    """Git is in the middle of something."""

    now = "now that git is done"
    told = True


class GitRunning(GitBusy):
    """A git command holds git's index, for a moment (a checkout, a commit): not told."""

    told = False


class Unmade(NotNow):
    """No review of this week yet: only `journal review` makes one, never the watcher
    (told once).  Not tried again once idle: making it is a batch of its own."""

    told = True
    idle = False


class Editing(NotNow):
    """The note is open in an editor that keeps a swap or lock file beside it
    (:data:`EDITOR_LOCKS`): written now, the editor's next save would write its old text
    back over it (found in a tryout: vim's `:w` after "The file has been changed since
    reading it" left the review stale), or a reload would drop what was typed.  Tried
    again once idle: the lock file going is no event (the watcher ignores such names)."""

    now = "now that the editor has closed it"
    told = True


class Unlisted(NotNow):
    """A folder of the vault can't be listed (``chmod 000 goals``): the review would leave
    out its notes.  Tried again once idle, once it can be (its chmod is an event of its
    own, and a reconcile lists every folder again)."""

    now = "now that every folder can be read"
    told = True


class Emptied(NotNow):
    """The review note is empty: emptied on purpose, or by a save that never ended, or a
    sync's placeholder (told as `journal review` refuses it).  Not tried again once
    idle: filling it is a change of the file, a batch of its own."""

    told = True
    idle = False


class Unfilled(Emptied):
    """The note at the review's place holds none of journal's sections: a weekly note
    made from the user's own template, which only `journal review` fills (the watcher
    never makes a review)."""


def _settle_seconds(vault: Vault) -> float:
    """Seconds a review must have gone unwritten before the watcher writes it."""
    return max(vault.config.watch.quiet_seconds, SAVE_SECONDS)


def _being_saved(vault: Vault, rel: str) -> NotNow:
    quiet = _settle_seconds(vault)
    return NotNow(f"{rel} is being saved; it will be once it has been quiet for {quiet:g} s")


#: The files an editor keeps beside a note while it has it open: vim's swap file
#: (``.NAME.swp``; ``.swo``, ``.swn`` when one was left behind), emacs' lock link
#: (``.#NAME``).  Editors that keep none there (VS Code, Obsidian, neovim) can't be told.
EDITOR_LOCKS = (".{}.swp", ".{}.swo", ".{}.swn", ".#{}")


def _editor_lock(vault: Vault, rel: str) -> str | None:
    """The vault path of an editor's swap or lock file beside the note at ``rel``, if any."""
    path = vault.disk_path(rel)
    for pattern in EDITOR_LOCKS:
        lock = pattern.format(path.name)
        if os.path.lexists(path.with_name(lock)):  # emacs': a symlink to nowhere
            return f"{rel.rpartition('/')[0]}/{lock}".lstrip("/")
    return None


def _settled(vault: Vault, rel: str, adopted: bool) -> None:
    """Refuse (:class:`Editing`) while an editor has the note at ``rel`` open, as its
    swap or lock file beside it tells; (:class:`NotNow`) while it was written within the
    last :func:`_settle_seconds`, or is empty: an editor may be saving it (emptied, not yet
    written again), and a review made over that would take the place of the file the
    editor is writing to; or holds no marker, record (:data:`MARK`) or owned properties'
    hash, as every review `journal review` wrote does (a weekly note Obsidian made:
    ``adopted``, which `journal review` fills even when empty, as Obsidian makes it).  A
    time more than a second ahead is no save of this machine's (a synced file, a clock
    set back): it would put the review off until then."""
    lock = _editor_lock(vault, rel)
    if lock is not None:
        raise Editing(
            f"{rel} is open in an editor ({lock} is beside it: delete it if no editor has "
            "the note open); it will be once the editor has closed it"
        )
    info = vault.disk_path(rel).stat()
    if vault.memo.get(f"{_OWN} {rel}") == stat_stamp(info):  # as the watcher left it
        return
    if -1 < time.time() - info.st_mtime < _settle_seconds(vault):
        raise _being_saved(vault, rel)
    data = read_note_at(vault.disk_path(rel))  # gone meanwhile: the caller's, a move
    if codec.decode(data).blank:  # as `journal review` refuses it, unless --force
        fill = (
            "`journal review` fills it" if adopted else "`journal review --force` writes it again"
        )
        raise Emptied(f"{rel}: {emptied(data)} ({fill})")
    if MARK.encode() not in data and HASH_KEY.encode() not in data:
        raise Unfilled(
            f"{rel} holds no section of journal's yet; it will be once `journal review` "
            "has filled it"
        )


_OWN = "regenerated"  # Vault.memo's key (with the note's path) for the watcher's own write


def _misread(index: Index, read: list[str]) -> list[dict[str, Any]]:
    """The problems of the notes just ``read`` that are meant as a goal, meeting or
    contact and read as none, as `journal list` tells them: the warnings of
    :func:`~journal.usecases.listing.misread` (a `type` line this save got wrong) and
    the error of an empty one (a sync truncated it).  Looked for only when a note read
    is in one of those folders."""
    folders = index.vault.config.folders
    tops = [f"{f}/" for f in (folders.goal, folders.meeting, folders.contact) if f]
    mine = {path for path in read if path.startswith(tuple(tops))}
    if not mine:
        return []
    with index.reading() as reader:
        catalog = index.vault.catalog(reader)
        emptied = [d for d in catalog.diagnostics if d.code == "empty" and d.severity == "error"]
        found = [*emptied, *misread(catalog)]
    return [d.to_dict() for d in found if d.path in mine]


def _notes_changed(index: Index, record: dict[str, Any], review: str | None) -> bool:
    """Whether a batch changed a note the review is made from: not when it only read
    review notes, or the note at ``review`` (the review last regenerated: a weekly note
    of Obsidian's it went into is typed as its template types it).  A review written by
    another machine of a synced vault (another day there, or no git) made this watcher
    write its own over it, which the other one then wrote over again, for ever (found in
    a tryout: 18 times in 40 s); what a review holds of yours is kept either way, and a
    regeneration put off while you saved the review is done once it is saved."""
    if record["removed"] or record["excluded"]:  # links may find other notes now
        return True
    others = [path for path in record["read"] if path != review]
    return bool(others) and set(index.kinds(others).values()) != {"review"}


def _git_busy(vault: Vault) -> str | None:
    """What git is in the middle of in the vault's repository (see
    :meth:`Repository.busy`), or None (also with no repository, or one git can't read:
    nothing to wait for then).  Opened each time it is asked (a fifth of a millisecond),
    so a repository made or removed meanwhile is seen."""
    try:
        return open_repository(vault).busy()
    except (NoRepository, HistoryUnavailable):
        return None


def watch_vault(
    vault: Vault,
    *,
    on_update: Callable[[dict[str, Any]], None],
    log: Callable[[str], None],
    on_reading: Callable[[int], None] | None = None,
    on_history: Callable[[int], None] | None = None,
    regenerate: Callable[[], date] | None = None,
    on_regenerated: Callable[[dict[str, Any], str], None] | None = None,
    on_ready: Callable[[], None] | None = None,
    on_stop: Callable[[], None] | None = None,
    output: int | None = None,
) -> dict[str, Any]:
    """Watch ``vault`` until Ctrl-C or SIGTERM; ``on_update`` runs after every batch of
    index changes, whose record lists the errors of the notes it read (``errors``).
    With ``regenerate`` (a function giving today), this week's review is regenerated
    after each batch that changed notes, or found them stored by another command; its
    result is the batch record's ``regenerated`` (None when it was not regenerated: no
    review note yet, told once; put off; stopped).  Once idle, it also does what a batch
    put off (a save, git), and regenerates the review when the day changed since it was
    last made (at the start too, so a review made on another day is brought up to
    date); not when git's HEAD moved alone (a commit): the review rewritten after every
    commit left the working tree changed, and `git pull --rebase` refused; its result
    (written or not: it tells the edits kept) is passed to ``on_regenerated`` with why
    it was made now.  ``on_reading(total)``: a refresh has been reading ``total``
    changed files for more than a second; ``on_history(total)``: the review's git
    history (``total`` commits, not cached yet: at the first start, after a commit) has
    been read for more than a second.  ``on_ready``: the first reconcile is done
    and the watches are in place; ``on_stop``: a signal (Ctrl-C, SIGTERM, SIGHUP) asked
    it to stop, called in the signal handler.  The settings are read again when edited, except
    ``[watch]``'s (see :class:`Watcher`).  ``output``: the file descriptor the updates
    are printed to; when it is a pipe whose reader went away, watching stops with
    :class:`BrokenPipeError` within a tick.

    Returns what the stop left undone: ``unread``, how many changed files a refresh
    left unread; ``review``, the review whose regeneration the stop cut short (given up
    at once: nothing is written once a stop is asked for), or None; ``read``, the notes
    a batch the stop cut short had stored (its line never printed), and ``review_due``,
    whether that batch would have regenerated the review."""
    index = Index.open(vault)  # its notices go through vault.notice, as every command's
    settings = vault.config.watch
    # a line, not the commands' progress bar (git history's alone asks: load_history)
    vault.working = None
    if on_history is not None:
        vault.working = lambda label: contextlib.nullcontext(told_once_long(on_history))

    waiting: NotNow | None = None  # why a regeneration was put off
    review: str | None = None  # the path of the review the watcher last regenerated
    day: date | None = None  # the day the review was last regenerated for
    abandoned: str | None = None  # the review a stop cut the regeneration of short
    #: the notes the review is made from, as the index held them when it was last due
    #: (:meth:`Index.notes_digest`)
    made_from: str | None = None

    def regenerated(index: Index, today: date) -> dict[str, Any] | None:
        nonlocal waiting, day, review, abandoned
        was_waiting, waiting, day = waiting, None, today
        try:
            result = regenerate_review(index.vault, index, today)
            review = result["path"]
            return result
        except Stopped as exc:
            abandoned = exc.path
        except NotNow as exc:
            if exc.told and not (was_waiting and was_waiting.told):  # once, not per batch
                log(f"review not regenerated: {exc}")
            waiting = exc
        except JournalError as exc:
            if index.vault.root.is_dir():  # else watching stops at once, saying so
                log(f"review not regenerated: {exc}")
        return None

    def handle(update: Update) -> None:
        index = watcher.index  # another one once the settings were read again
        record = update_record(update)
        folder = index.vault.config.folders.goal
        record["errors"] = [  # what `journal list` would tell of these notes
            d.to_dict()
            for d, kind in index.problems(record["read"])
            if d.severity == "error" or warns(kind, d.path, folder)
        ] + _misread(index, record["read"])
        if regenerate is not None and due(index, update, record):
            record["regenerated"] = regenerated(index, regenerate())
        on_update(record)

    def due(index: Index, update: Update, record: dict[str, Any]) -> bool:
        """Whether ``update`` asks for the review to be regenerated: a note it is made
        from changed, here or (stored by another process) elsewhere, or the settings.
        Not when another process stored only reviews: two watchers of one index whose
        days differ (time zones) each wrote its own review back once the other stored
        its own, for ever (found in review)."""
        nonlocal made_from
        changed = update.settings or _notes_changed(index, record, review)
        if not (changed or update.elsewhere):
            return False
        before, made_from = made_from, index.notes_digest(but_kind="review", but_path=review)
        return changed or made_from != before

    def idle() -> None:
        """Once git is done (a merge committed: no note changes) or the review saved, do
        what it put off; on a new day, bring the review up to date."""
        if regenerate is None:
            return
        now = regenerate()
        if waiting is not None and waiting.idle:
            why = waiting.now
        elif now != day:
            why = f"for {now.isoformat()}"
        else:
            return
        result = regenerated(watcher.index, now)
        if result is not None and on_regenerated is not None:
            on_regenerated(result, why)

    watcher = Watcher(
        index,
        quiet=settings.quiet_seconds,
        reconcile_every=settings.reconcile_seconds,
        on_update=handle,
        on_reading=on_reading,
        on_idle=idle,
        on_ready=on_ready,
        log=log,
        output=output,
    )
    vault.stopping = watcher.stop_event.is_set  # the settings read again keep it
    try:
        with stop_on_signals(watcher, on_stop):
            watcher.run()
        cut = watcher.cut  # stored, but stopped before its line and its review
        review_due = (
            cut is not None
            and regenerate is not None
            and abandoned is None
            and due(watcher.index, cut, update_record(cut))
        )
    finally:
        watcher.index.close()
    read = len(cut.refresh.parsed) if cut is not None else 0
    return {"unread": watcher.unread, "review": abandoned, "read": read, "review_due": review_due}
