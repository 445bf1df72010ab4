"""``journal history``: what git remembers about the vault's goals.

- :func:`goal_history`: one goal's timeline (commits that touched it, what each
  changed in meaning) and its progress series.
- :func:`vault_history`: the vault's recent goal events, newest first.
- :func:`goal_series`: a goal's progress series for any command (log, review,
  pace): git-backed in a repository, from check-ins alone otherwise.
- :func:`week_in_git`: a period's created, completed, dropped, deleted and changed goals for
  the weekly review, or None when the vault is not in a repository.

``journal history`` reports git's history being unavailable as an error; the other
commands go on without it, with a notice (:func:`history_if_any`).

Each commit's goal changes are computed once and cached by commit id
(adapters/history_cache.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import field, replace
from datetime import date
from functools import cached_property, partial
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, cast

from journal.adapters import history_cache
from journal.adapters.gitfind import (
    Head,
    HistoryUnavailable,
    NoRepository,
    OutsideWorkTree,
    maybe_in_repository,
    read_head,
)
from journal.adapters.vault import Vault
from journal.core.catalog import Catalog, match_head
from journal.core.checkins import LogLines
from journal.core.codec import conflict_sides
from journal.core.dates import Period, after_now, commit_day, now_on
from journal.core.errors import (
    Ambiguous,
    Diagnostic,
    JournalError,
    NotFound,
    Stopped,
    Unreadable,
)
from journal.core.goal import Goal, goal_from_note
from journal.core.history import (
    KINDS,
    Event,
    Followed,
    GoalChange,
    LongerVersion,
    Revision,
    Version,
    arrival_days,
    diff_states,
    follow,
    goal_change,
    goals_of,
    kept_over,
    merged_event,
    pair_renames,
    recorded_values,
    state_of,
    with_either_side,
)
from journal.core.links import composed, is_conflict_copy
from journal.core.notes import PARSER_VERSION, Note, parse_note, parse_with_log, reads_as_goal
from journal.core.progress import start_of
from journal.core.records import Record, record
from journal.core.series import Counted, Point, committed_changes, pairs, value_series
from journal.usecases.common import named_goal

if TYPE_CHECKING:
    from journal.adapters.git import FileChange, Repository
    from journal.core.periodic import PeriodicSettings

CACHE_VERSION = f"{history_cache.FORMAT}.{PARSER_VERSION}"


#: What a history read from HEAD lacks while git is in the middle of these.
_UNCOMMITTED = {
    "merge": "the merged side",
    "cherry-pick": "the picked commit",
    "revert": "the reverted changes",
}


@record(frozen=True)
class RepoStatus(Record):
    """Where the vault's repository stands."""

    root: str
    prefix: str  # the vault's folder inside the repository, "" at its root
    branch: str | None
    head: str | None
    detached: bool
    shallow: bool
    underway: str | None  # the operation git is in the middle of (a rebase...)

    def notices(self) -> list[str]:
        """Facts the user should know when reading history from this repository."""
        found = []
        at = self.head[:7] if self.head else None
        if self.head is None:
            found.append("the repository has no commits yet")
        elif self.underway and self.detached:
            found.append(
                f"a git {self.underway} is under way: HEAD is at {at}, partway through it;"
                " history is read from there"
            )
        elif self.underway:
            found.append(
                f"a git {self.underway} is under way: history is read from HEAD ({at}),"
                f" without {_UNCOMMITTED.get(self.underway, 'its changes')} until it is"
                " committed"
            )
        elif self.detached:
            found.append(f"HEAD is detached at {at}; history is read from there")
        if self.shallow:
            found.append("shallow clone: older history is missing, so it is truncated")
        return found

    def to_dict(self) -> dict[str, Any]:
        return {
            "root": self.root,
            "vault_folder": self.prefix.rstrip("/"),
            "branch": self.branch,
            "head": self.head,
            "detached": self.detached,
            "shallow": self.shallow,
            "underway": self.underway,
        }


class LoadedHistory:
    """Every commit reachable from HEAD, newest first, with its goal changes.  The
    repository itself is opened only for what the cache does not hold (:attr:`repo`)."""

    def __init__(
        self,
        vault: Vault,
        status: RepoStatus,
        commits: list[tuple[Revision, list[GoalChange]]],
        moved: dict[str, str],
        repo: Repository | None = None,
    ) -> None:
        self.status = status
        self.commits = commits
        self._vault = vault
        self._moved = moved  # the vault's folder in the commits before it was moved
        self._repo = repo
        self._arrival: tuple[date, dict[str, date]] | None = None

    @cached_property
    def followed(self) -> Followed:
        """Each goal's changes (:class:`Followed`), indexed once for all that ask: a review
        asks for its series, its past week's fields, milestones and done days."""
        return Followed(self.commits)

    def folder(self, commit_id: str) -> str:
        """The vault's folder in a commit of the history ("" or "a/b/")."""
        return self._moved.get(commit_id, self.status.prefix)

    @property
    def repo(self) -> Repository:
        if self._repo is None:
            self._repo = open_repository(self._vault)
        return self._repo

    @cached_property
    def versions(self) -> Versions:
        """The notes of its commits, read as the vault reads them (:class:`Versions`)."""
        return Versions(self.repo, self._vault.periodic, self._vault.check_stop)

    @property
    def truncated(self) -> bool:
        return any(revision.boundary for revision, _changes in self.commits)

    def arrival(self, today: date) -> dict[str, date]:
        """When each commit's change reached HEAD's line (:func:`arrival_days`), seen
        on ``today``; made once a day asked."""
        if self._arrival is None or self._arrival[0] != today:
            self._arrival = (today, arrival_days(self.commits, today, now_on(today)))
        return self._arrival[1]


def open_repository(vault: Vault) -> Repository:
    """The repository holding the vault; :class:`NoRepository` when there is none.
    (pygit2 is loaded only when a ``.git`` exists at or above the vault, or ``GIT_DIR``
    names one.)"""
    if not maybe_in_repository(vault.root):
        raise NoRepository(f"{vault.root} is not in a git repository")
    from journal.adapters.git import Repository

    return Repository.open(vault)


def _no_history(exc: NoRepository) -> JournalError:
    """``journal history`` without a repository: ``git init`` is suggested only when
    none was found (not one whose work tree the vault is outside of)."""
    hint = "" if isinstance(exc, OutsideWorkTree) else " (git init and commit to start one)"
    return JournalError(f"no history: {exc}{hint}")


def load_history(vault: Vault) -> LoadedHistory:
    """Read the history (from the cache where it can) and update the cache.

    While HEAD is the commit the cache last walked (read from ``.git``'s files,
    :func:`read_head`), the cache alone answers and git is not opened.  The last
    history read is kept while HEAD stays the same commit, so a command that asks
    several times (the review: series, the week in git, past weeks' fields) reads
    once; a watcher reads again after a commit (``Vault.memo``)."""
    # the notes it follows, and how their log lines are dated (a daily note's name)
    version = f"{CACHE_VERSION} {json.dumps([sorted(vault.excluded), vault.periodic.key])}"
    head = read_head(vault.root)
    prefix = _prefix(vault, head.root) if head else None
    read: tuple[Path, dict[str, Any]] | None = None  # the cache file read, and its data
    if head is not None and prefix is not None:
        key: object = (head, version)
        last = vault.memo.get("history")
        if last is not None and last[0] == key:
            return cast(LoadedHistory, last[1])
        path = history_cache.cache_path(head.root, prefix)
        read = (path, history_cache.load(path, version))
        if read[1].get("head") == head.stamp():
            loaded = _from_cache(vault, head, prefix, read[1])
            if loaded is not None:
                vault.memo["history"] = (key, loaded)
                return loaded
    repo = open_repository(vault)
    status = RepoStatus(
        str(repo.root),
        repo.prefix,
        repo.branch,
        repo.head,
        repo.detached,
        repo.shallow,
        repo.operation(),
    )
    # the cache may answer next time when HEAD's files say what pygit2 says
    same = (repo.root, repo.prefix, status.branch, status.head, status.shallow)
    quick = (
        head is not None
        and (head.root, prefix, head.branch, head.commit, bool(head.shallow)) == same
    )
    key = (head, version) if quick else (status, version)
    last = vault.memo.get("history")
    if last is not None and last[0] == key:
        return cast(LoadedHistory, last[1])
    path = history_cache.cache_path(repo.root, repo.prefix)
    cached = read[1] if read and read[0] == path else history_cache.load(path, version)
    records = cached.get("commits", {})
    kept: dict[str, Any] = {}
    versions = Versions(repo, vault.periodic, vault.check_stop)
    commits = []
    computed = False
    where: dict[str, str] = {}  # commit -> the vault's folder in it, as a child found it
    revisions = list(repo.walk())  # children first
    try:
        with vault.at_work("git history") as progress:
            for at, revision in enumerate(revisions):
                folder = where.get(revision.id, repo.prefix)
                record = records.get(revision.id)
                folders = _folders(record, revision, repo.prefix) if record is not None else None
                if (
                    record is None
                    or record.get("boundary") != revision.boundary
                    or folders is None
                    or folders[0] != folder
                    or record.get("shallow")
                ):
                    vault.check_stop()
                    progress(at, len(revisions))
                    record, changes, folders = _read_commit(
                        versions, revision, folder, status.shallow
                    )
                    computed = True
                else:
                    changes = [GoalChange.from_dict(c) for c in record["changes"]]
                for parent, there in zip(revision.parents, folders[1:], strict=True):
                    where.setdefault(parent, there)
                kept[revision.id] = record
                commits.append((revision, changes))
            progress(len(revisions), len(revisions))
    except Stopped:  # the commits read so far are kept, as no walk (no HEAD): none is lost
        if computed:
            history_cache.save(path, version, {**records, **kept}, vault.root, None, [], repo.root)
        raise
    stamp = head.stamp() if quick and head is not None else None
    if computed or kept.keys() != records.keys() or stamp != cached.get("head"):
        history_cache.save(path, version, kept, vault.root, stamp, list(kept), repo.root)
    moved = {commit: there for commit, there in where.items() if there != repo.prefix}
    loaded = LoadedHistory(vault, status, commits, moved, repo)
    vault.memo["history"] = (key, loaded)
    return loaded


def _read_commit(
    versions: Versions, revision: Revision, folder: str, shallow: bool
) -> tuple[dict[str, Any], list[GoalChange], list[str]]:
    """What a commit did to the goals (the vault in ``folder`` there) as the cache keeps
    it, its goal changes, and the vault's folder in it, then in each of its parents."""
    repo = versions.repo
    files, before = repo.changes(revision.id, folder)
    first = (revision.parents[0], before[0]) if revision.parents else None
    changes = _goal_changes(versions, files, revision.boundary, first, revision.summary)
    record = {
        "boundary": revision.boundary,
        "revision": revision.as_record(),
        "changes": [c.to_dict() for c in changes],
    }
    folders = [folder, *before]
    if set(folders) != {repo.prefix}:
        record["folders"] = folders
    if shallow and any(e.kind == "readable" for c in changes for e in c.events):
        record["shallow"] = True  # its last readable version may be fetched later
    return record, changes, folders


def _folders(record: dict[str, Any], revision: Revision, prefix: str) -> list[str] | None:
    """The vault's folder in a cached commit, then in each of its parents: all HEAD's
    ``prefix`` unless the record says otherwise (the vault was moved); None when what
    it says does not fit the commit."""
    said = record.get("folders", [prefix] * (1 + len(revision.parents)))
    fits = isinstance(said, list) and len(said) == 1 + len(revision.parents)
    return said if fits and all(isinstance(f, str) for f in said) else None


def _prefix(vault: Vault, root: Path) -> str | None:
    """The vault's folder in the work tree at ``root`` ("" at its root, else "a/b/")."""
    try:
        rel = vault.root.resolve().relative_to(root)
    except ValueError:
        return None
    return "" if rel == Path() else rel.as_posix() + "/"


def _from_cache(
    vault: Vault, head: Head, prefix: str, cached: dict[str, Any]
) -> LoadedHistory | None:
    """The history the cache's last walk holds; None if the file is inconsistent."""
    records, order = cached["commits"], cached.get("order")
    if not isinstance(order, list) or any(c not in records for c in order):
        return None
    try:
        commits = [
            (
                Revision.from_record(records[c]["revision"]),
                [GoalChange.from_dict(change) for change in records[c]["changes"]],
            )
            for c in order
        ]
        moved = {c: str(records[c]["folders"][0]) for c in order if "folders" in records[c]}
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    status = RepoStatus(
        str(head.root),
        prefix,
        head.branch,
        head.commit,
        head.branch is None,
        bool(head.shallow),
        head.underway,
    )
    return LoadedHistory(vault, status, commits, moved)


def history_if_any(vault: Vault) -> LoadedHistory | None:
    """The history for a command that only adds it to what it shows: None when the
    vault is not in a repository, or, with a notice, when git's history can't be read;
    :class:`NotFound` when that is because the vault folder is gone (moved meanwhile:
    no fault of git's)."""
    try:
        return load_history(vault)
    except NoRepository:
        return None
    except HistoryUnavailable as exc:
        if not vault.root.is_dir():
            raise NotFound(f"the vault folder {vault.root} is gone") from None
        vault.notice(f"{exc}; going on without it")
        return None


def _goal_changes(
    versions: Versions,
    files: list[FileChange],
    boundary: bool,
    parent: tuple[str, str] | None,
    summary: str,
) -> list[GoalChange]:
    """The goals one commit changed (``files``: its note files changed, against
    ``parent``: its first parent and the vault's folder there), with renames (and
    renames with edits) paired.  A goal readable again is also told against its last
    readable version (:meth:`Versions.last_readable`).  ``summary``: the commit's
    message, which may name the branch a merge merged."""
    found: list[GoalChange] = []
    removed: list[Version] = []
    added: list[Version] = []
    for change in files:
        old = versions.goal(change.old_path, change.old_blob)
        new = versions.goal(change.new_path, change.new_blob)
        if change.old_path and change.new_path and (old or new):  # edited in place
            blob, path = (
                (change.new_blob, change.new_path)
                if new is None
                else (change.old_blob, change.old_path)
            )
            # the side that is no goal: a goal file that can't be read, as Versions.goal found
            broken = not (old and new) and blob is not None and versions.broken(path, blob)
            last = (
                versions.last_readable(*parent, change.old_path)
                if broken and new is not None and parent is not None
                else None
            )
            edited = goal_change(
                old, new, boundary=boundary, path=change.new_path, broken=broken, last=last
            )
            others = [versions.goal(*other) if other else None for other in change.others]
            base = versions.goal(*change.base) if change.base else None
            found.append(_merged(edited, old, new, others, base, summary))
        elif old is not None:
            removed.append(old)
        elif new is not None:
            added.append(new)
    for old, new in pair_renames(removed, added, versions.check):
        found.append(goal_change(old, new, boundary=boundary))
    return sorted(found, key=lambda change: change.path)


def _merged(
    change: GoalChange,
    old: Version | None,
    new: Version | None,
    others: list[Version | None],
    base: Version | None,
    summary: str,
) -> GoalChange:
    """A merge's change of a goal against its first parent (``old``; ``others``: the
    goal in the merge's other parents, ``base``: where the branches parted; ``summary``:
    the merge's message): the events whose new value no parent had, as ``git log --cc``
    shows only lines no parent had, those it took from another branch where the first
    parent's line had changed that value too (a conflict resolved their way), and the
    values it kept as the first parent had them over another branch's change
    (:func:`kept_over`, a conflict resolved your way), said so: else the line listed
    last by date would have the last word, not the file.  A value only one side changed
    is told by that side's commits: a clean merge keeps no event, but stays: its
    ``current`` is the goal's value from then on (its timeline skips it)."""
    if not others or new is None:
        return change
    # what the merge changed against each other parent (a parent without the goal: all)
    # and against the base (a list: a value may be a mapping, no key of a set)
    against = [
        None if other is None else [(e.kind, e.new) for e in _moved_or_changed(other, new)]
        for other in others
    ]
    since = [
        (e.kind, e.old, e.new)
        for e in (_moved_or_changed(base, new) if base else diff_states(None, new.state))
    ]
    kept = []
    for event in change.events:
        if all(changed is None or (event.kind, event.new) in changed for changed in against):
            kept.append(event)  # the merge's own
        elif (event.kind, event.old, event.new) not in since:  # the first parent's changed too
            kept.append(merged_event(event, summary))
    if old is not None and base is not None:
        theirs = [other.state if other else None for other in others]
        kept.extend(kept_over(old.state, new.state, theirs, base.state, summary))
        kept.sort(key=lambda event: KINDS.index(event.kind))
    return replace(change, events=tuple(kept))


def _moved_or_changed(old: Version, new: Version) -> list[Event]:
    """What changed from one version of a goal to another, its move included."""
    return diff_states(old.state, new.state, old_path=old.path, new_path=new.path)


class Versions:
    """The notes of the repository's commits, read as the index reads the vault's: with
    its daily-note settings (``periodic``, today's), whose names may date log lines;
    ``check`` is called before each file is read (:meth:`Vault.check_stop`)."""

    def __init__(
        self, repo: Repository, periodic: PeriodicSettings, check: Callable[[], None]
    ) -> None:
        self.repo = repo
        self.periodic = periodic
        self.check = check
        self._log_lines = LogLines(periodic)  # a log's lines, read once for all versions
        self._checkins: dict[tuple[str, str, str], tuple[str, str, str]] = {}  # one of each
        # a goal file's state by (blob, path); for one that is none, whether it is a
        # goal file that can't be read (True) rather than a note that is no goal (False)
        self._read: dict[tuple[str, str], Version | bool] = {}
        self._longer: dict[str, LongerVersion] = {}  # the version of each path read last

    def note(self, path: str, blob: str) -> Note:
        """The note at ``path`` whose bytes are ``blob``."""
        return self._parsed(path, self.repo.read(blob))

    def _parsed(self, path: str, data: bytes) -> Note:
        return parse_note(path, data, self.periodic, self._log_lines)

    def at_head(self, path: str) -> Note | None:
        """The note at ``path`` in the last commit, if it has one."""
        blob = self.repo.head_blob(path)
        return self.note(path, blob) if blob else None

    def goal(self, path: str | None, blob: str | None) -> Version | None:
        """A goal file's state at one blob (parsed once per blob and path); None if not
        a goal."""
        if path is None or blob is None or is_conflict_copy(path):  # never a goal
            return None
        key = (blob, path)
        if key not in self._read:
            self.check()
            self._read[key] = self._version(path, self.repo.read(blob))
        found = self._read[key]
        return found if isinstance(found, Version) else None

    def _version(self, path: str, data: bytes) -> Version | bool:
        """:meth:`goal` of the file at ``path`` whose bytes are ``data``: read from the
        version of its path read last when it holds more of the same log
        (:meth:`LongerVersion.cut`), else parsed if it reads as a goal (most notes are none:
        their bodies are not parsed); False when it does not."""
        conflicted = b"<<<<<<<" in data
        known = self._longer.get(path) if not conflicted else None
        cut = known.cut(path, data) if known is not None else None
        if cut is not None:
            self._longer[path] = cut
            return Version(path, cut.state, data.decode("utf-8", "replace"))
        if not reads_as_goal(data):
            return False
        note, body, items = parse_with_log(path, data, self.periodic, self._log_lines)
        state = state_of(note)
        if state is None:
            return _unreadable_goal(note)
        same = self._checkins.setdefault  # each version holds all its log: its lines kept once
        state = replace(state, checkins=tuple(same(c, c) for c in state.checkins))
        if conflicted:  # a conflict committed: either side's
            sides = conflict_sides(data.decode("utf-8", "replace"))
            state = with_either_side(
                state,
                (state_of(self._parsed(path, s.encode())) for s in sides),
            )
        else:
            self._longer[path] = LongerVersion.read(note, state, body, items)
        return Version(path, state, data.decode("utf-8", "replace"))

    def broken(self, path: str, blob: str) -> bool:
        """Whether the blob read by :meth:`goal` is a goal file that can't be read."""
        return self._read.get((blob, path)) is True

    def last_readable(self, commit: str, folder: str, path: str) -> Version | None:
        """The goal at ``path`` as it was last readable: in ``commit`` (the vault in
        ``folder``) or back along first parents, past the versions that are goal files
        that can't be read; None when an older version is no goal or the file is not
        there."""
        for blob in self.repo.blobs_back(commit, path, folder):
            found = self.goal(path, blob)
            if found is not None or not self.broken(path, blob):
                return found
        return None


def _unreadable_goal(note: Note) -> bool:
    """A goal file (``type: goal``) that can't be read, not a note that is no goal."""
    return note.kind == "goal" and not note.readable


# --- one goal -----------------------------------------------------------------------------


@record(frozen=True)
class Entry(Record):
    """One commit's changes to a goal (``revision`` None: not committed yet)."""

    revision: Revision | None
    path: str
    events: list[Event]
    layout: str = ""  # see GoalChange.layout

    def to_dict(self) -> dict[str, Any]:
        commit: dict[str, Any] = (
            self.revision.to_dict()
            if self.revision
            else dict.fromkeys(("commit", "date", "time", "author", "email", "message"))
        )
        return {
            **commit,
            "uncommitted": self.revision is None,
            "path": self.path,
            "events": [e.to_dict() for e in self.events],
            "layout": self.layout,
        }


@record()
class GoalTimeline(Record):
    """A goal's history: entries oldest first, its progress series, and notices."""

    goal: Goal
    status: RepoStatus
    entries: list[Entry]
    series: list[Point]
    truncated: bool
    notices: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "goal": {"id": self.goal.id, "path": self.goal.path, "title": self.goal.title},
            "repository": self.status.to_dict(),
            "truncated": self.truncated,
            "notices": self.notices,
            "entries": [e.to_dict() for e in self.entries],
            "series": [p.to_dict() for p in self.series],
        }


def goal_history(
    vault: Vault, catalog: Catalog, ref: str, today: date, since: date | None = None
) -> GoalTimeline:
    """The timeline of the goal ``ref``: every commit that touched it, across renames.
    A name that no goal in the vault has is looked up among the goals git saw deleted;
    one a deleted goal has whole (its id, title...) wins over a part of a live goal's."""
    named = _named(vault, catalog, ref)
    if isinstance(named, Unreadable):
        return _broken_goal_history(vault, named, today, since)
    if isinstance(named, _DeletedGoal):
        return _deleted_goal_history(vault, named, today, since)
    goal = named
    try:
        history = load_history(vault)
    except NoRepository as exc:
        raise _no_history(exc) from None
    mine = follow(history.commits, goal.id, goal.path)
    committed = history.versions.at_head(goal.path) if history.status.head else None
    head_id = committed.id if committed is not None and not mine else None
    if head_id and head_id not in {g.id for g in catalog.goals}:  # its id changed, uncommitted
        mine = follow(history.commits, head_id, goal.path)
    notices = history.status.notices()
    last = mine[0][1] if mine else None
    pending = _uncommitted(history.versions, catalog, goal, committed, last)
    if not mine and history.status.head is not None:
        notices.append(
            f"no history yet: {goal.path} is in no commit (a new file, or moved since the "
            "last commit: commit the move and its history follows)"
            if committed is None or committed.kind == "goal"
            # the verifier: a committed note made a goal since was said to be in no commit
            else f"no history yet: {goal.path} is a goal since the last commit, which holds "
            "it as a note: commit it and its history begins"
        )
    series = _git_series(goal, mine, today, history)
    return _timeline(goal, history.status, mine, pending, series, notices, since)


def _named(vault: Vault, catalog: Catalog, ref: str) -> Goal | Unreadable | _DeletedGoal:
    """What ``ref`` names: a goal in the vault, else one whose file can't be read now
    (the error reading it), else one git saw deleted; first by a whole name (its id,
    title...), then by a part of one; :class:`NotFound` when none.  The goals git knows
    beyond the vault's are gathered once, for both."""
    broken: tuple[list[Note], dict[str, Diagnostic]] | None = None
    deleted: list[_DeletedGoal] | None = None
    for parts in (False, True):
        try:
            return named_goal(vault, catalog, ref, parts=parts)
        except Unreadable as unreadable:
            return unreadable
        except NotFound as exc:
            missing = exc
        broken = broken or _broken_pool(vault, catalog)
        try:
            head = match_head(broken[0], ref, parts=parts)
        except Ambiguous:
            head = None
        if head is not None:
            problem = broken[1][head.path]
            return Unreadable(problem.message, path=head.path, line=problem.line)
        deleted = _deleted_pool(vault) if deleted is None else deleted
        found = match_head(deleted, ref, parts=parts)
        if found is not None:
            return found
    raise missing


def _broken_pool(vault: Vault, catalog: Catalog) -> tuple[list[Note], dict[str, Diagnostic]]:
    """The goal files that can't be read now, as their last commit has them, and the
    error reading each, by path (none outside a repository)."""
    why: dict[str, Diagnostic] = {}
    for diagnostic in catalog.unreadable_goals:
        why.setdefault(diagnostic.path, diagnostic)
    try:
        history = load_history(vault) if why else None  # kept for the timeline (memo)
    except (NoRepository, HistoryUnavailable):
        return [], why
    if history is None or not history.status.head:
        return [], why
    committed = [history.versions.at_head(path) for path in sorted(why)]
    return [n for n in committed if n is not None and n.readable and n.kind == "goal"], why


def _broken_goal_history(
    vault: Vault, broken: Unreadable, today: date, since: date | None
) -> GoalTimeline:
    """The timeline of a goal whose file can't be read now (``broken`` says why), as
    its last commit has it: what it was is what a user who broke it wants to see.  The
    error stands when no commit holds the file as a readable goal."""
    try:
        history = load_history(vault)
    except NoRepository:
        raise broken from None
    path = broken.path or ""
    committed = history.versions.at_head(path) if history.status.head else None
    if committed is None or not committed.readable or committed.kind != "goal":
        raise broken
    goal = goal_from_note(committed)[0]
    mine = follow(history.commits, goal.id, path)
    at = f"{path}:{broken.line}" if broken.line else path
    notices = [
        *history.status.notices(),
        f"{at}: {broken.problem}; the file can't be read now, so this is the goal as last "
        "committed",
    ]
    series = _git_series(goal, mine, today, history)
    return _timeline(goal, history.status, mine, None, series, notices, since)


def _timeline(
    goal: Goal,
    status: RepoStatus,
    mine: list[tuple[Revision, GoalChange]],
    pending: list[Event] | None,
    series: list[Point],
    notices: list[str],
    since: date | None,
) -> GoalTimeline:
    entries = [
        Entry(revision, change.path, list(change.events), change.layout)
        for revision, change in mine
        if change.events or len(revision.parents) < 2  # a clean merge made nothing itself
    ]
    entries.reverse()
    if pending is not None:
        entries.append(Entry(None, goal.path, pending))
    if since is not None:
        entries = [e for e in entries if e.revision is None or e.revision.day >= since]
        before = [p for p in series if p.day < since]
        series = [p for p in series if p.day >= since]
        if before and (not series or series[0].day > since):  # where progress stood then
            series.insert(0, Point(since, before[-1].value, "since"))
    truncated = any(r.boundary for r, _c in mine)
    return GoalTimeline(goal, status, entries, series, truncated, notices)


@record(frozen=True)
class _DeletedGoal(Record):
    """A goal as git last saw it before a commit deleted it (a catalog's note head)."""

    path: str
    id: str | None
    title: str
    at: int  # the deleting commit's place in the history, newest first
    kind: str = "goal"
    aliases: tuple[str, ...] = ()
    readable: bool = True
    pending: bool = False  # deleted on the disk, still in HEAD (``at``: its last commit)
    kept: bool = False  # its file kept, made a note that is no goal ("no longer a goal")

    @property
    def stem(self) -> str:
        return PurePosixPath(self.path).stem


def _deleted_pool(vault: Vault) -> list[_DeletedGoal]:
    """The goals git saw deleted, from the cached history (none outside a repository),
    to be named as :meth:`Catalog.find_goal` would have named them."""
    try:
        history = load_history(vault)
    except NoRepository:
        return []
    gone_here = _deleted_on_disk(vault, history)
    deleted: dict[str, _DeletedGoal] = {}
    for at, (_revision, changes) in enumerate(history.commits):
        for change in changes:
            deletion = next((e for e in change.events if e.kind == "deleted"), None)
            if change.old_path and deletion is not None:
                kept = deletion.made_a_note  # its file kept: "no longer a goal"
                gone = _DeletedGoal(change.old_path, change.old_id, change.title, at, kept=kept)
                deleted.setdefault(gone.id or gone.path, gone)  # the latest deletion
    # one pool, so the best match wins whichever way it went; a goal deleted on the
    # disk after a committed deletion and a restore is the one deleted on the disk
    return list({**deleted, **gone_here}.values())


def _deleted_goal_history(
    vault: Vault, found: _DeletedGoal, today: date, since: date | None
) -> GoalTimeline:
    """The timeline of a deleted goal, ending with its deletion."""
    history = load_history(vault)
    if found.pending:  # still in HEAD: its history to HEAD, then the deletion pending
        here = found
        mine = follow(history.commits, here.id, here.path)
        blob = history.repo.head_blob(here.path)
        assert blob is not None  # _deleted_on_disk only lists files HEAD has
        goal, _problems = goal_from_note(history.versions.note(here.path, blob))
        goal.current = goal.file_current = None  # no value today: it is gone
        notices = history.status.notices()
        notices.append(f"{here.path} is deleted but not committed yet; this is its history")
        series = _git_series(goal, mine, today, history)
        pending = [Event("deleted", here.path, None, "deleted")]
        return _timeline(goal, history.status, mine, pending, series, notices, since)
    revision = history.commits[found.at][0]
    mine = follow(history.commits[found.at :], found.id, found.path)
    parent = revision.parents[0] if revision.parents else None
    blob = history.repo.blob_at(parent, found.path, history.folder(parent)) if parent else None
    if blob is None:  # git has no such file before the deletion: the cache is not git's
        cache = history_cache.cache_path(history.repo.root, history.repo.prefix)
        raise HistoryUnavailable(
            f"the cached history says {revision.short} deleted {found.path}, but the "
            f"commit before it has no such file; delete {cache} (a cache, rebuilt from "
            "git) and run this again"
        )
    goal, _problems = goal_from_note(history.versions.note(found.path, blob))
    goal.current = goal.file_current = None  # no value today: it is gone
    notices = history.status.notices()
    by = f"{revision.short} on {revision.day}"
    what = (
        f"is no longer a goal (its type changed by {by})" if found.kept else f"was deleted by {by}"
    )
    notices.append(f"{found.path} {what}; this is its history from git")
    series = _git_series(goal, mine, today, history)
    return _timeline(goal, history.status, mine, None, series, notices, since)


def _deleted_on_disk(vault: Vault, history: LoadedHistory) -> dict[str, _DeletedGoal]:
    """The goals HEAD has (by the newest commit of each) whose file is gone from the
    disk: deleted, not committed yet."""
    found: dict[str, _DeletedGoal] = {}
    seen: set[str] = set()
    for at, (_revision, changes) in enumerate(history.commits):
        for change in changes:
            key = change.new_id or change.old_id or change.new_path or change.old_path or ""
            if key in seen:
                continue
            seen.add(key)
            gone = any(e.kind == "deleted" for e in change.events)  # made a note: no goal
            path = None if gone else change.new_path
            if path and not vault.disk_path(path).exists() and history.repo.head_blob(path):
                found[key] = _DeletedGoal(path, change.new_id, change.title, at, pending=True)
    return found


def _uncommitted(
    versions: Versions,
    catalog: Catalog,
    goal: Goal,
    committed: Note | None,
    last: GoalChange | None,
) -> list[Event] | None:
    """What the goal file on disk changed since HEAD (``committed``: the note HEAD has
    at its path, if any; else the goal at its last committed path), a goal mended since
    also against the goal as last committed readable; None when nothing did."""
    work = state_of(catalog.by_path[goal.path])
    head_path = goal.path if committed is not None else (last.new_path if last else None)
    if committed is None and head_path is not None:
        committed = versions.at_head(head_path)
    head = state_of(committed) if committed is not None else None
    if head == work and head_path == goal.path:
        return None
    broken = committed is not None and _unreadable_goal(committed)
    readable = None  # the goal as last committed readable, which it is told against
    repo = versions.repo
    if broken and head_path is not None and repo.head is not None:
        readable = versions.last_readable(repo.head, repo.prefix, head_path)
    return diff_states(
        head,
        work,
        old_path=head_path,
        new_path=goal.path,
        broken=broken,
        last=readable.state if readable else None,
    )


#: What counting a goal's value on a day worked out (:meth:`Catalog.counted
#: <journal.core.catalog.Catalog.counted>`), None when it is not known.
Counting = Callable[[Goal, date], Counted | None]


def _uncounted(_goal: Goal, _today: date) -> Counted | None:
    return None


@record(frozen=True)
class Series(Record):
    """A goal's progress series and where it came from."""

    points: list[Point]
    from_git: bool  # False: the vault is not in a repository, check-ins only
    truncated: bool


def _git_series(
    goal: Goal,
    mine: list[tuple[Revision, GoalChange]],
    today: date,
    history: LoadedHistory,
    counted: Counted | None = None,
) -> list[Point]:
    """The goal's series from its commits (``mine``, :func:`follow`'s) and its notes; the
    value it was first committed with is dated by its start and its own log, and is no
    change of the value (``first``).  ``counted``: see :func:`value_series`."""
    recorded, opened = recorded_values(mine, today, history.arrival(today), _known(goal))
    return value_series(goal, today, recorded, opened, counted)


def _known(goal: Goal) -> list[date]:
    """The days that date the goal's value: its own log's check-ins with one, its start."""
    known = [c.day for c in goal.checkins if c.path == goal.path and c.op is not None]
    start = start_of(goal)
    if start is not None:
        known.append(start)
    return known


def goal_series(vault: Vault, goal: Goal, today: date) -> Series:
    """The goal's (day, value) series: committed ``current`` values merged with its
    check-ins when the vault is in a git repository, its check-ins alone otherwise."""
    return goals_series(vault, [goal], today)[goal.path]


def series_lookup(
    vault: Vault, goals: Sequence[Goal], today: date, counted: Counting | None = None
) -> Callable[[Goal], list[tuple[date, float]]]:
    """``(day, value)`` points per goal, as the review and the plan take them; history
    is read once for all ``goals`` (a goal not among them has no points), and a goal's
    series is worked out when first asked (a review asks for those on its scoreboard).
    ``counted``: see :func:`goals_series`."""
    series = _series_of(vault, goals, today, counted)

    def points(goal: Goal) -> list[tuple[date, float]]:
        found = series.get(goal.path)
        return pairs(found().points) if found else []

    return points


def goals_series(
    vault: Vault, goals: Sequence[Goal], today: date, counted: Counting | None = None
) -> dict[str, Series]:
    """:func:`goal_series` for many goals, reading the history once; by goal path.
    ``counted``: what counting a goal's value on a day worked out, when the caller has
    it (:meth:`Catalog.counted <journal.core.catalog.Catalog.counted>`), so the series
    does not work it out again.

    Also records on each goal the days a commit changed its value
    (:attr:`Goal.changed`, which ``last_checkin`` counts)."""
    return {path: found() for path, found in _series_of(vault, goals, today, counted).items()}


def _series_of(
    vault: Vault, goals: Sequence[Goal], today: date, counted: Counting | None
) -> dict[str, Callable[[], Series]]:
    """:func:`goals_series`, each series worked out when first asked; :attr:`Goal.changed`
    is recorded on each goal now, from its series only where a commit may have changed
    its value: a goal with no committed value, or only the one it was first committed
    with, has no such day, whatever its log and notes give."""
    parts = counted or _uncounted
    history = history_if_any(vault)
    found: dict[str, Callable[[], Series]] = {}
    if history is None:
        for goal in goals:
            goal.changed = []
            found[goal.path] = _once(partial(_checkin_series, goal, today, parts))
        return found
    followed = history.followed
    arrival = history.arrival(today)
    for goal in goals:
        vault.check_stop()
        mine = followed(goal.id, goal.path)
        truncated = any(r.boundary for r, _c in mine)
        known = _known(goal)
        recorded, opened = recorded_values(mine, today, arrival, known)
        found[goal.path] = series = _once(
            partial(_series, goal, today, recorded, opened, parts, truncated)
        )
        start = start_of(goal)
        # a `git` point (progress_series) may change the value: a value committed after
        # the first, or the first when it is no opening or a log line is dated before
        # the start (its day is then the series' first)
        if recorded and (
            len(recorded) > 1 or opened is None or (start is not None and min(known) < start)
        ):
            goal.changed = committed_changes(series().points, goal.base)
        else:
            goal.changed = []
    return found


def _once(make: Callable[[], Series]) -> Callable[[], Series]:
    """``make``, called once, when first asked: its series kept for every later call.
    (``functools.cache`` did the same, but its wrapper, made for each goal of a review
    whether asked or not, cost more to make than most goals' points.)"""
    kept: list[Series] = []

    def series() -> Series:
        if not kept:
            kept.append(make())
        return kept[0]

    return series


def _checkin_series(goal: Goal, today: date, parts: Counting) -> Series:
    """The goal's series outside a repository: from its notes alone."""
    return Series(value_series(goal, today, counted=parts(goal, today)), False, False)


def _series(
    goal: Goal,
    today: date,
    recorded: list[tuple[date, float]],
    opened: date | None,
    parts: Counting,
    truncated: bool,
) -> Series:
    """The goal's series from its committed values (:func:`recorded_values`) and its notes."""
    return Series(value_series(goal, today, recorded, opened, parts(goal, today)), True, truncated)


def look_up_changes(vault: Vault, catalog: Catalog, today: date) -> None:
    """Let "last check-in" count commits that changed an active goal's value (a user who
    edits ``current:`` by hand and commits is not quiet): read git once for the active
    goals not looked up yet (nothing to read outside a repository)."""
    missing = [g for g in catalog.goals if g.status == "active" and g.changed is None]
    if missing:
        _series_of(vault, missing, today, None)  # their series are not asked


# --- the whole vault ----------------------------------------------------------------------


@record(frozen=True)
class VaultEntry(Record):
    """One goal changed by one commit."""

    revision: Revision
    change: GoalChange

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.revision.to_dict(),
            "goal": {"id": self.change.id, "path": self.change.path, "title": self.change.title},
            "events": [e.to_dict() for e in self.change.events],
        }


@record()
class VaultTimeline(Record):
    """The vault's goal changes from git, newest first, as `journal history` shows them."""

    status: RepoStatus
    entries: list[VaultEntry]  # newest first
    truncated: bool  # the history itself ends early (a shallow clone)
    notices: list[str] = field(default_factory=list)
    more: int = 0  # goal changes left out by the limit

    def to_dict(self) -> dict[str, Any]:
        return {
            "repository": self.status.to_dict(),
            "truncated": self.truncated,
            "more": self.more,
            "notices": self.notices,
            "entries": [e.to_dict() for e in self.entries],
        }


def vault_history(vault: Vault, since: date | None = None, limit: int = 30) -> VaultTimeline:
    """The vault's goal events, newest first: at most ``limit`` goal changes (0: all)."""
    try:
        history = load_history(vault)
    except NoRepository as exc:
        raise _no_history(exc) from None
    entries = []
    for revision, changes in history.commits:
        if since is not None and revision.day < since:
            continue
        for change in changes:
            if any(e.kind != "first-seen" for e in change.events):
                entries.append(VaultEntry(revision, change))
    more = max(0, len(entries) - limit) if limit else 0
    if more:
        entries = entries[:limit]
    notices = history.status.notices()
    return VaultTimeline(history.status, entries, history.truncated, notices, more)


@record(frozen=True)
class GoalWeek(Record):
    """A goal in "this week in git": where it is and what happened to it."""

    id: str | None
    title: str
    path: str
    events: list[Event]
    change: GoalChange  # the period's last change of it: follow() finds it from today's path

    def to_dict(self) -> dict[str, Any]:
        texts = [e.text for e in self.events]
        return {"id": self.id, "title": self.title, "path": self.path, "events": texts}


@record()
class WeekInGit(Record):
    """The goals created, completed, dropped, deleted and otherwise changed in a period."""

    period: Period
    created: list[GoalWeek] = field(default_factory=list)
    completed: list[GoalWeek] = field(default_factory=list)
    dropped: list[GoalWeek] = field(default_factory=list)
    deleted: list[GoalWeek] = field(default_factory=list)
    changed: list[GoalWeek] = field(default_factory=list)
    truncated: bool = False
    misdated: list[Revision] = field(default_factory=list)  # dated after now, oldest first

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.period.start.isoformat(),
            "end": self.period.end.isoformat(),
            "truncated": self.truncated,
            "misdated": [r.to_dict() for r in self.misdated],
            **{
                name: [g.to_dict() for g in getattr(self, name)]
                for name in ("created", "completed", "dropped", "deleted", "changed")
            },
        }


def week_in_git(vault: Vault, period: Period, today: date) -> WeekInGit | None:
    """What git saw happen to goals in ``period`` (commit dates, the author's day); None
    when the vault is not in a git repository or its history can't be read
    (:func:`history_if_any`), so the review can leave the section out.

    A goal is one across its renames, as ``journal history GOAL`` follows it
    (:func:`goals_of`).  A commit dated after now (:func:`after_now`: a clock set wrong)
    counts on the day of the commit after it in git's order, today for the newest, and
    is named (:attr:`WeekInGit.misdated`); one made by now on a day after ``today`` in
    its author's time zone counts today.  A goal lands in one list: deleted when its file is
    gone by the period's last commit, else completed, else dropped, else created, else
    changed (a goal created and
    completed in the same week is listed as completed; one created and deleted, as
    deleted).
    """
    history = history_if_any(vault)
    if history is None:
        return None
    week = WeekInGit(period, truncated=history.truncated)
    commits = []
    now = now_on(today)
    counted = today  # the day of the commit after it in git's order
    for revision, changes in history.commits:  # newest first
        ahead = after_now(revision.time, now)
        if not ahead:  # made by now, its author's day may still be tomorrow here
            counted = commit_day(revision.time, today, now)
        if counted in period:
            commits.append((revision, changes))
            if ahead and changes:
                week.misdated.insert(0, revision)
    goals = [
        (mine[0][1], [e for _revision, change in reversed(mine) for e in change.events])
        for mine in goals_of(commits)  # one goal across its paths, as `history GOAL`
    ]
    for latest, events in sorted(goals, key=lambda item: composed(item[0].path)):
        kinds = {e.kind for e in events} - {"first-seen"}
        if not kinds:
            continue
        item = GoalWeek(latest.id, latest.title, latest.path, events, latest)
        if events[-1].kind == "deleted":
            week.deleted.append(item)
            continue
        for name in ("completed", "dropped", "created"):
            if name in kinds:
                getattr(week, name).append(item)
                break
        else:
            week.changed.append(item)
    return week
