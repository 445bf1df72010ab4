"""The git repository a vault lives in, through pygit2 (the only module importing it).

pygit2 binds libgit2: commits, trees and blobs are read in-process, without
running ``git`` or parsing its output.  It was chosen by measurement
(bench/git_libraries.py, docs/performance.md).  Paths here are relative to the
vault unless named ``repo_path``; the vault may be a folder of a larger
repository.  Every failure of reading git is a :class:`HistoryUnavailable`; a commit
git would not make is a :class:`GitProblem`.
"""

from __future__ import annotations

import email.utils
import os
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import NamedTuple

import pygit2
from pygit2.enums import ConfigLevel, FileMode, SortMode

from journal.adapters import files
from journal.adapters.gitfind import (
    RUNNING,
    HistoryUnavailable,
    NoRepository,
    OutsideWorkTree,
    common_dir,
    dot_git,
    given_repository,
    given_work_tree,
    named_git_folder,
    underway,
)
from journal.adapters.vault import Vault
from journal.core.errors import JournalError
from journal.core.formatting import shell_word
from journal.core.history import Revision, similar_pairs
from journal.core.notes import plain_id
from journal.core.records import Record, record

_BLOBS = (FileMode.BLOB, FileMode.BLOB_EXECUTABLE)
_UNCHANGED = "HEAD and the index are unchanged"
#: The hooks ``git commit`` runs (``git help hooks``), in the order it runs them.
_COMMIT_HOOKS = ("pre-commit", "prepare-commit-msg", "commit-msg", "post-commit")
COMMIT_WAIT = 30  # seconds a commit waits for another journal command's to end
INDEX_LOCK_WAIT = 3.0  # seconds a commit waits for a git command to let go of the index
#: Seconds git's index lock may be held before ``busy`` says it may be one left behind.
STALE_LOCK_SECONDS = 10.0
LOCK_POLL = 0.05  # seconds between two looks at a lock


class GitProblem(JournalError):
    """A commit git would not make: no identity, a locked index, a refused commit..."""


class NotCommittable(GitProblem):
    """A note ``--commit`` won't commit (:meth:`Repository.check_committable`); the
    message says why, not what was done (the caller adds that)."""


@record(frozen=True, slots=True)
class FileChange(Record):
    """A note file changed by one commit: each side absent (None) or (path, blob id)."""

    old_path: str | None
    old_blob: str | None
    new_path: str | None
    new_blob: str | None
    #: in a merge, the file (path, blob id) in each other parent (None where it has none),
    #: at ``new_path`` or where it was before one side moved it
    others: tuple[tuple[str, str] | None, ...] = ()
    #: in a merge, the file (path, blob id) where the branches parted (their merge base)
    base: tuple[str, str] | None = None


class CommitChanges(NamedTuple):
    """What one commit did to the vault's notes, and where the vault was before it."""

    files: list[FileChange]
    folders: tuple[str, ...]  # the vault's folder in each parent ("" or "a/b/")


class Repository:
    """The repository holding a vault, opened once per command."""

    def __init__(
        self, repo: pygit2.Repository, root: Path, prefix: str, reads: Callable[[str], bool]
    ) -> None:
        self._repo = repo
        self.root = root  # the work tree
        self.prefix = prefix  # the vault's folder in the work tree: "" or "a/b/"
        self._reads = reads  # which vault paths are notes (Vault.reads)

    @classmethod
    def open(cls, vault: Vault) -> Repository:
        """The repository whose work tree holds the vault: the one ``GIT_DIR`` names
        (:func:`given_repository`), else the one found above the vault."""
        given = given_repository(vault.root)
        try:
            found = str(given) if given else pygit2.discover_repository(str(vault.root))
        except pygit2.GitError as exc:  # a `.git` file git can't read
            raise _not_found(vault.root, exc) from None
        if found is None:
            raise _not_found(vault.root, None)
        try:
            repo = _repository(found)
        except pygit2.GitError as exc:
            raise _open_problem(Path(found), exc) from None
        what, hint = found, ""
        if given is not None:
            _give_work_tree(repo)
            what += " (the repository GIT_DIR names)"
            hint = " (set GIT_WORK_TREE to the folder it tracks)"
        if repo.is_bare or repo.workdir is None:
            raise OutsideWorkTree(
                f"{what} is a bare repository: it has no work tree for the vault{hint}"
            )
        root = Path(repo.workdir).resolve()
        try:
            rel = vault.root.resolve().relative_to(root)
        except ValueError:
            raise OutsideWorkTree(
                f"{vault.root} is not inside the work tree {root} of {what}"
            ) from None
        prefix = "" if rel == Path() else rel.as_posix() + "/"
        return cls(repo, root, prefix, vault.reads)

    # --- where HEAD stands -----------------------------------------------------------------

    @property
    def unborn(self) -> bool:
        """No commits yet."""
        with self._reading():  # HEAD or its branch may be damaged
            return self._repo.head_is_unborn

    @property
    def detached(self) -> bool:
        with self._reading():
            return not self.unborn and self._repo.head_is_detached

    @property
    def shallow(self) -> bool:
        with self._reading():
            return self._repo.is_shallow

    @property
    def branch(self) -> str | None:
        with self._reading():
            if self.unborn:
                ref = self._repo.references.get("HEAD")
                target = ref.target if ref is not None else None
                return str(target).removeprefix("refs/heads/") if isinstance(target, str) else None
            return None if self.detached else self._repo.head.shorthand

    @property
    def head(self) -> str | None:
        with self._reading():
            return None if self.unborn else str(self._repo.head.target)

    # --- reading history -------------------------------------------------------------------

    def walk(self) -> Iterator[Revision]:
        """Every commit reachable from HEAD, newest first (parents after children)."""
        if self.unborn:
            return
        shallow = self.shallow
        with self._reading():
            order = SortMode.TOPOLOGICAL | SortMode.TIME
            for commit in self._repo.walk(self._repo.head.target, order):
                yield _revision(commit, shallow)

    def changes(self, commit_id: str, folder: str) -> CommitChanges:
        """The vault's note files (those :meth:`Vault.reads`) that ``commit_id`` changed,
        against its first parent, the vault being in ``folder`` there ("" or "a/b/").

        A merge lists the files that differ from every parent (what the merge itself
        did, as ``git log --cc`` shows it), those it took from another branch that the
        first parent's line had edited too since they parted (a conflict resolved their
        way), and those it kept as the first parent has them where another branch had
        edited or deleted them since (:meth:`_kept`, a conflict resolved your way), each
        with its version in the other parents and at their merge base.  A file one side
        moved is found on the others where it was (:meth:`_find`), so a merge of a move
        with an edit is neither an addition nor the edit again.  A parent without that
        folder, whose files the commit moved there, has the vault where they were
        (:meth:`_moved_from`): moving the vault's folder is no change of its notes.
        """
        with self._reading():
            commit = self._repo[commit_id].peel(pygit2.Commit)
            parents = commit.parents
            new_tree = self._vault_tree(commit.tree, folder)
            folders = tuple(self._folder_in(p.tree, commit.tree, folder) for p in parents)
            old_tree = self._vault_tree(parents[0].tree, folders[0]) if parents else None
            others = [
                self._vault_tree(p.tree, at) for p, at in zip(parents[1:], folders[1:], strict=True)
            ]
            if _same(old_tree, new_tree) and not others:
                return CommitChanges([], folders)
            found = []
            diff = _diff(old_tree, new_tree)
            if not others:
                for before, after in diff:
                    old, new = self._side(before), self._side(after)
                    if old != new:
                        found.append(FileChange(*(old or (None, None)), *(new or (None, None))))
                return CommitChanges(found, folders)
            merge = _Merge(new_tree)
            base = self._merge_base(parents)
            in_base = self._folder_in(base, commit.tree, folder) if base is not None else folder
            base_tree = self._vault_tree(base, in_base) if base is not None else None
            for before, after in self._paired(diff, merge):
                old, new = self._side(before), self._side(after)
                if old == new or (old is None and new is None):
                    continue
                at_base = self._find(base_tree, new, merge) if new else None
                # edited on the first parent's line too since the branches parted
                ours = old is not None and new is not None and old[1] != _blob(at_base)
                theirs = tuple(self._find(tree, new, merge) for tree in others) if new else ()
                took = (
                    new in theirs  # at its path there: a file moved there is the merge's
                    if new is not None
                    else old is not None and any(self._entry(t, "", old[0]) is None for t in others)
                )
                if not ours and took:
                    continue  # the merge took this file as it was on another branch
                old_path, old_blob = old or (None, None)
                new_path, new_blob = new or (None, None)
                found.append(FileChange(old_path, old_blob, new_path, new_blob, theirs, at_base))
            if old_tree is not None and new_tree is not None:
                found.extend(self._kept(old_tree, new_tree, others, base_tree, merge))
        return CommitChanges(found, folders)

    def _kept(
        self,
        old_tree: pygit2.Tree,
        new_tree: pygit2.Tree,
        others: list[pygit2.Tree | None],
        base: pygit2.Tree | None,
        merge: _Merge,
    ) -> Iterator[FileChange]:
        """The files a merge (the vault's ``new_tree``) kept as its first parent has them
        (``old_tree``) where another parent's vault tree has them edited or deleted since
        the branches parted (``base``, the vault's tree there): each unchanged against the
        first parent, with its version in the other parents and at their merge base.
        Only a merge diffs against its other parents."""
        seen: set[str] = set()
        for tree in others:
            for before, after in _diff(tree, new_tree):
                new = self._side(after)
                if new is None or new[0] in seen or self._entry(old_tree, "", new[0]) != new[1]:
                    continue  # the merge's own change is listed against the first parent
                at_base = self._find(base, new, merge)
                if before is None and (at_base is None or self._find(tree, new, merge)):
                    continue  # not deleted there: new since they parted, or moved
                if before is not None and before.id == _blob(at_base):
                    continue  # only the first parent's line changed it
                seen.add(new[0])
                theirs = tuple(self._find(t, new, merge) for t in others)
                yield FileChange(new[0], new[1], new[0], new[1], theirs, at_base)

    def _paired(self, diff: list[_Change], merge: _Merge) -> list[_Change]:
        """A merge's ``diff`` against its first parent, each note file it added paired
        with the one it removed that it is most like (:meth:`_moved`): one file moved on
        the other branch, edited on the first parent's line."""
        removed = [
            (i, side)
            for i, (was, now) in enumerate(diff)
            if now is None and (side := self._side(was))
        ]
        added = [
            (j, side)
            for j, (was, now) in enumerate(diff)
            if was is None and (side := self._side(now))
        ]
        if not (removed and added):
            return diff
        pairs = self._moved([s for _i, s in removed], [s for _j, s in added], merge)
        moved = {removed[i][0]: added[j][0] for i, j in pairs}
        paired = set(moved.values())
        return [
            (was, diff[moved[i]][1]) if i in moved else (was, now)
            for i, (was, now) in enumerate(diff)
            if i not in paired
        ]

    def _find(
        self, tree: pygit2.Tree | None, new: tuple[str, str], merge: _Merge
    ) -> tuple[str, str] | None:
        """A merge's file ``new`` (path, blob) as a parent or their base has it (``tree``:
        the vault's tree there): at its path, else the note file there that the merge
        lacks and that it is most like (moved on one side); None when there is none."""
        blob = self._entry(tree, "", new[0])
        if blob is not None or tree is None:
            return None if blob is None else (new[0], blob)
        if tree.id not in merge.gone:
            merge.gone[tree.id] = [
                side
                for was, now in _diff(tree, merge.tree)
                if now is None and (side := self._side(was))
            ]
        gone = merge.gone[tree.id]
        pairs = self._moved(gone, [new], merge)
        return gone[pairs[0][0]] if pairs else None

    def _moved(
        self, gone: list[tuple[str, str]], came: list[tuple[str, str]], merge: _Merge
    ) -> list[tuple[int, int]]:
        """The files of ``gone`` and ``came`` (path, blob) that are one file moved
        (:func:`similar_pairs`), never two notes whose front matter names two ids: two
        goals made from one template are alike, not one goal."""
        left = [merge.text(self, blob) for _p, blob in gone]
        right = [merge.text(self, blob) for _p, blob in came]
        ids = [plain_id(text) for text in left], [plain_id(text) for text in right]

        def allowed(i: int, j: int) -> bool:
            return not (ids[0][i] and ids[1][j] and ids[0][i] != ids[1][j])

        return similar_pairs(left, right, allowed)

    def _merge_base(self, parents: list[pygit2.Commit]) -> pygit2.Tree | None:
        """The tree of the commit where a merge's parents parted; None when git finds
        none (unrelated histories, a shallow clone's cut)."""
        try:
            found = self._repo.merge_base_many([p.id for p in parents])
            return None if found is None else self._repo[found].peel(pygit2.Commit).tree
        except (KeyError, pygit2.GitError):  # an ancestor missing: the parting is not known
            return None

    def _folder_in(self, old: pygit2.Tree, new: pygit2.Tree, folder: str) -> str:
        """The vault's folder in a parent's tree ``old``, when it is in ``folder`` in the
        commit's tree ``new``: the same, or where the commit moved it from when only
        ``new`` has that folder."""
        if self._vault_tree(old, folder) is not None or self._vault_tree(new, folder) is None:
            return folder
        before = self._moved_from(old, new, folder)
        return folder if before is None else before

    def _moved_from(self, old: pygit2.Tree, new: pygit2.Tree, folder: str) -> str | None:
        """The folder that the commit from tree ``old`` to ``new`` moved the vault's
        files from into ``folder``, which ``old`` lacks: the one where most of the files
        it deleted had the path in the vault of a file it added in ``folder`` (the same
        content first, edited ones next); None when it deleted no such file (the vault's
        first commit, a copy)."""
        added: dict[str, str] = {}  # vault path -> blob
        deleted: list[tuple[str, str]] = []  # (path, blob)
        for was, now in _diff(old, new):  # the whole tree's: only where it appears
            if was is None and now is not None and now.path.startswith(folder):
                added[now.path[len(folder) :]] = now.id
            elif now is None and was is not None:
                deleted.append((was.path, was.id))
        same: Counter[str] = Counter()
        named: Counter[str] = Counter()
        for path, blob in deleted:
            parts = path.split("/")
            for at in range(len(parts)):
                rel = "/".join(parts[at:])
                if rel in added:
                    before = "".join(f"{part}/" for part in parts[:at])
                    named[before] += 1
                    same[before] += added[rel] == blob
        return min(named, key=lambda before: (-same[before], -named[before], before), default=None)

    def _vault_tree(self, tree: pygit2.Tree, folder: str) -> pygit2.Tree | None:
        if not folder:
            return tree
        sub = _tree_entry(tree, folder.rstrip("/"))
        return sub if isinstance(sub, pygit2.Tree) else None

    def _side(self, file: _File | None) -> tuple[str, str] | None:
        """A side of a change, (path, blob id), if it is a note file."""
        if file is None or file.mode not in _BLOBS or not self._reads(file.path):
            return None
        return file.path, file.id

    def _entry(self, tree: pygit2.Tree | None, folder: str, rel: str) -> str | None:
        item = _tree_entry(tree, folder + rel)
        return str(item.id) if isinstance(item, pygit2.Blob) else None

    def read(self, blob_id: str) -> bytes:
        with self._reading():
            return self._repo[blob_id].peel(pygit2.Blob).data

    def head_blob(self, rel: str) -> str | None:
        """The blob id of a vault file in HEAD, None when HEAD does not have it."""
        head = self.head
        return None if head is None else self.blob_at(head, rel)

    def blob_at(self, commit_id: str, rel: str, folder: str | None = None) -> str | None:
        """The blob id of a vault file in a commit (the vault in ``folder`` there, by
        default HEAD's), None when the commit does not have it."""
        with self._reading():
            tree = self._repo[commit_id].peel(pygit2.Commit).tree
            return self._entry(tree, self.prefix if folder is None else folder, rel)

    def blobs_back(self, commit_id: str, rel: str, folder: str) -> Iterator[str]:
        """Each version (blob id) of a vault file, the vault in ``folder``: in a commit,
        then back along first parents, newest first, as long as the commits have the file
        (to the first commit, or a shallow clone's oldest)."""
        last = None
        with self._reading():
            commit: pygit2.Commit | None = self._repo[commit_id].peel(pygit2.Commit)
            while commit is not None:
                blob = self._entry(commit.tree, folder, rel)
                if blob is None:
                    return
                if blob != last:
                    yield blob
                last = blob
                parents = commit.parent_ids
                commit = self._repo[parents[0]].peel(pygit2.Commit) if parents else None

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """pygit2's failures while reading history, as :class:`HistoryUnavailable`; a
        repository moved or deleted meanwhile (its objects gone with it) is said so, not
        taken for a damaged one."""
        try:
            yield
        except (KeyError, pygit2.GitError, OSError) as exc:
            if not (Path(self._repo.path).is_dir() and self.root.is_dir()):
                raise HistoryUnavailable(
                    f"the repository at {self.root} was moved or deleted while it was read"
                ) from None
            if isinstance(exc, KeyError):  # a missing object (as pygit2's NotFoundError)
                raise HistoryUnavailable(self._missing(str(exc))) from None
            raise HistoryUnavailable(f"git can't read the repository: {exc}") from None

    def _missing(self, text: str) -> str:
        found = re.search(r"[0-9a-f]{40}", text)
        what = f"object {found.group()[:12]}" if found else "an object"
        partial = any(
            re.fullmatch(r"remote\..+\.promisor|extensions\.partialclone", entry.name)
            for entry in self._repo.config
        )
        if partial:
            return (
                f"{what} is not in this partial clone (cloned with --filter): git fetches "
                "such objects when it needs them, journal can't; use a full clone"
            )
        return f"{what} is missing from the repository (git fsck shows what is damaged)"

    # --- committing ------------------------------------------------------------------------

    def check_identity(self) -> None:
        """Refuse early when git would not know whom to record as the author."""
        _signature("AUTHOR", self._repo)
        _signature("COMMITTER", self._repo)

    def check_unlocked(self) -> None:
        """Refuse early when another git command holds the index, ``git commit`` is
        running its hooks (``GIT_INDEX_FILE`` is set), or one is under way (a merge,
        rebase, cherry-pick, revert or bisect): a commit now would be an ordinary one in
        the middle of it, which git itself refuses.  Checked in turn with
        other journal commands (:meth:`_taking_turns`): the index lock a journal commit
        holds for a moment while writing the index is not another git command's."""
        with self._taking_turns(None):
            free = self._index_free()
        if not free:
            raise GitProblem(self._locked())
        if os.environ.get("GIT_INDEX_FILE"):  # not locked in a plain `git commit`'s hooks
            raise GitProblem(
                "GIT_INDEX_FILE is set, as git sets it while `git commit` runs its hooks: "
                "a commit now would make that one fail (and journal commits through the "
                "repository's own index); commit after it, or unset GIT_INDEX_FILE"
            )
        what = self.operation()
        if what is not None:
            raise GitProblem(
                f"a git {what} is under way; finish it (or abort it) first, then commit"
            )

    def operation(self) -> str | None:
        """The operation git is in the middle of (a merge, rebase...), or None."""
        return underway(Path(self._repo.path))

    def busy(self) -> str | None:
        """Why a file the tool writes on its own (``watch --regenerate``) would get in
        git's way now: a merge, rebase, cherry-pick, revert or bisect under way (a change
        would stop its ``--continue``), or a git command holding the index (a checkout
        half done: the notes are neither branch's yet; :data:`RUNNING` for the first
        :data:`STALE_LOCK_SECONDS`, then that the lock may be one left behind); None
        when none is."""
        what = self.operation()
        if what is None:
            try:
                held = time.time() - self._index_lock().stat().st_mtime
            except OSError:  # no lock: git is not at work
                return None
            # (a lock dated ahead, by another clock, is as old as it is far off)
            return self._locked() if abs(held) >= STALE_LOCK_SECONDS else RUNNING
        return f"a git {what} is under way"

    def _index_lock(self) -> Path:
        return Path(self._repo.path) / "index.lock"

    def _index_free(self) -> bool:
        """Whether git's index is free, waiting up to :data:`INDEX_LOCK_WAIT` for a git
        command that holds it to end: a plain ``git status`` (which a shell prompt or an
        editor runs all the time) takes it for a moment to refresh it."""
        return files.keep_trying(
            lambda: not self._index_lock().exists(), INDEX_LOCK_WAIT, LOCK_POLL
        )

    def _locked(self) -> str:
        return (
            "git's index is locked: another git command is running, or one stopped and "
            f"left {self._index_lock()} behind (remove it if no git command is running)"
        )

    def check_committable(self, rel: str) -> None:
        """Refuse a file that lies in a repository of its own (a submodule), has staged
        changes, is in a merge conflict, is ignored, or goes through a filter driver
        (``filter=`` in ``.gitattributes``: git-crypt, git-lfs), which only git itself
        runs.  Checked in turn with other journal commands' commits
        (:meth:`_taking_turns`): the file another one stages for a moment while it
        commits is not a staged change of the user's."""
        with self._taking_turns(None):
            self._check(rel)

    def _check(self, rel: str) -> None:
        repo_path = self.prefix + rel
        try:
            index = self._repo.index
            index.read(False)
        except pygit2.GitError as exc:  # core.splitIndex, a newer index format...
            raise NotCommittable(
                f"git's index can't be read here ({exc}); commit with git", path=rel
            ) from None
        nested = self._nested(repo_path, index)
        if nested is not None:
            raise NotCommittable(nested, path=rel)
        conflicts = index.conflicts
        if conflicts is not None and repo_path in conflicts:
            raise NotCommittable("has a merge conflict in git; resolve it first", path=rel)
        staged = str(index[repo_path].id) if repo_path in index else None
        head = self.head_blob(rel)
        if staged != head:
            raise NotCommittable(
                "has staged changes in git; commit or unstage them first "
                f"({self._unstage([repo_path])})",
                path=rel,
            )
        if head is None and self._repo.path_is_ignored(repo_path):
            raise NotCommittable(self._ignored(repo_path), path=rel)
        driver = self._repo.get_attr(repo_path, "filter")
        if isinstance(driver, str):  # set in .gitattributes (git-crypt, git-lfs...)
            raise NotCommittable(
                f"goes through the git filter '{driver}' (.gitattributes), which --commit "
                "can't run: it would commit the file unfiltered; commit it with git",
                path=rel,
            )

    def _nested(self, repo_path: str, index: pygit2.Index) -> str | None:
        """Why ``repo_path`` is another repository's: a folder it lies in is a submodule
        (a gitlink in the index or in HEAD, which staging the file would replace, as
        ``git add`` refuses to) or holds a repository of its own; None when it is not."""
        tree = None if self.unborn else self._repo.head.peel(pygit2.Commit).tree
        for folder in _folders(repo_path):
            in_head = _tree_entry(tree, folder)
            if (folder in index and index[folder].mode == FileMode.COMMIT) or (
                in_head is not None and in_head.filemode == FileMode.COMMIT
            ):
                return (
                    f"is in the git submodule '{folder}', a repository of its own that "
                    "--commit does not commit to (nor does git add); commit it there with git"
                )
            if (self.root / folder / ".git").exists():
                return (
                    f"is in '{folder}', a git repository of its own inside this one, that "
                    "--commit does not commit to; commit it there with git"
                )
        return None

    def _ignored(self, repo_path: str) -> str:
        """Why git ignores ``repo_path``: the folder it ignores (the topmost), or the file;
        the rule may be in a ``.gitignore``, ``.git/info/exclude`` or ``core.excludesFile``
        (libgit2 does not say which: ``git check-ignore -v`` does)."""
        rule = "`git check-ignore -v` names the rule"
        for folder in _folders(repo_path):
            if not self._repo.path_is_ignored(folder + "/"):
                continue
            if len(folder) < len(self.prefix):  # the vault's folder, or one it lies in
                where = f"'{folder}/' in {self.root}"
                return f"is ignored by git, as is the whole vault ({where}; {rule})"
            inside = folder[len(self.prefix) :]
            return f"is ignored by git, as is its folder '{inside}' ({rule})"
        return f"is ignored by git ({rule})"

    def commit(self, rels: Sequence[str], message: str) -> Revision | None:
        """Commit exactly these vault files as they are on disk, nothing else.

        The new tree is HEAD's tree with only these files replaced (or removed
        when they no longer exist), each staged as ``git add`` would (its mode
        included); other staged changes stay staged and are not committed.  The
        index is written first, so a locked index stops the commit before HEAD
        moves, and put back when git then refuses the commit: on any error HEAD
        and the index are as they were (or the message says what is staged).
        Returns None when the files already match HEAD.  Hooks are not run.  Two
        journal commands committing at once take turns (:meth:`_taking_turns`).
        """
        with self._taking_turns():
            return self._commit(rels, message)

    def commit_hooks(self) -> list[str]:
        """The hooks ``git commit`` would run here, which journal's commits do not: those
        of :data:`_COMMIT_HOOKS` that are executable files in ``core.hooksPath`` (relative
        to the work tree) or else the repository's ``hooks`` folder."""
        configured = _config(_git_config(self._repo), "core.hooksPath")
        if configured is not None:
            folder = self.root / Path(configured).expanduser()
        else:
            git_dir = Path(self._repo.path)
            try:  # a linked work tree's hooks are its main repository's
                folder = common_dir(git_dir) / "hooks"
            except (OSError, UnicodeDecodeError):
                folder = git_dir / "hooks"
        return [
            name
            for name in _COMMIT_HOOKS
            if (folder / name).is_file() and os.access(folder / name, os.X_OK)
        ]

    @property
    def signs_commits(self) -> bool:
        """Whether ``git commit`` would sign here (``commit.gpgsign``); journal's commits
        are not signed."""
        try:
            return bool(_git_config(self._repo).get_bool("commit.gpgsign"))
        except (KeyError, pygit2.GitError):  # not set, or not a yes/no git would take
            return False

    def configure(self, settings: dict[str, str]) -> list[str]:
        """Set each of ``settings`` that git does not read so already in the
        repository's own config (``.git/config``: a clone's, never shared); the names
        set."""
        changed = self.unset(settings)
        if changed:
            try:
                local = pygit2.Config(str(common_dir(Path(self._repo.path)) / "config"))
                for key in changed:
                    local[key] = settings[key]
            except (OSError, UnicodeDecodeError, pygit2.GitError) as exc:
                raise GitProblem(f"can't set git's config: {str(exc).rstrip(': ')}") from None
        return changed

    def unset(self, settings: dict[str, str]) -> list[str]:
        """The names of ``settings`` git does not read so: those :meth:`configure` sets."""
        current = _git_config(self._repo)
        return [key for key, value in settings.items() if _config(current, key) != value]

    @contextmanager
    def _taking_turns(self, state: str | None = _UNCHANGED) -> Iterator[None]:
        """Hold journal's commit lock (``.git/journal-commit.lock``, ``flock``) while
        reading, staging and committing: two journal commands committing at once each
        read the index and HEAD, then wrote their own back over the other's (a file
        staged at its old content, "old reference value does not match").  git's own
        commands are kept out by its index lock, checked before and while writing.
        ``state``: what a refusal adds (by default, that nothing in git changed)."""
        with files.turn(Path(self._repo.path) / "journal-commit.lock", COMMIT_WAIT) as why:
            if why is not None:
                raise GitProblem(why if state is None else f"{why}; {state}")
            yield

    def _commit(self, rels: Sequence[str], message: str) -> Revision | None:
        for rel in rels:
            self._check(rel)
        repo = self._repo
        author = _signature("AUTHOR", repo)
        committer = _signature("COMMITTER", repo)
        paths = [self.prefix + rel for rel in rels]
        try:
            head = None if self.unborn else repo.head.peel(pygit2.Commit)
            index = repo.index
            index.read(False)
            before: dict[str, pygit2.IndexEntry | None] = dict.fromkeys(paths)
            before.update((path, index[path]) for path in paths if path in index)
            tree = self._stage(index, paths, head)
        except (pygit2.GitError, KeyError, OSError) as exc:
            raise GitProblem(f"git can't prepare the commit: {exc}; {_UNCHANGED}") from None
        if head is not None and tree == head.tree_id:
            return None

        def write_index() -> bool:
            try:
                index.write()
            except (pygit2.GitError, OSError) as exc:
                if self._index_lock().exists() or "locked" in str(exc):
                    return False  # a `git status` holds it for a moment
                raise GitProblem(f"git's index: {exc}; {_UNCHANGED}") from None
            return True

        if not files.keep_trying(write_index, INDEX_LOCK_WAIT, LOCK_POLL):
            raise GitProblem(f"{self._locked()}; {_UNCHANGED}")
        parents = [] if head is None else [head.id]
        try:
            commit_id = repo.create_commit("HEAD", author, committer, message, tree, parents)
        except (pygit2.GitError, OSError) as exc:
            state = self._restore(index, before)
            raise GitProblem(f"git refused the commit: {exc}; {state}") from None
        return _revision(repo[commit_id].peel(pygit2.Commit), shallow=False)

    def _stage(
        self, index: pygit2.Index, paths: Sequence[str], head: pygit2.Commit | None
    ) -> pygit2.Oid:
        """Stage ``paths`` in ``index`` (in memory) and write the tree of HEAD with only
        their entries replaced by the staged ones."""
        tree_index = pygit2.Index()
        if head is not None:
            tree_index.read_tree(head.tree)
        for path in paths:
            if (self.root / path).is_file():
                index.add(path)  # as git add: the blob, and the mode git would record
                tree_index.add(index[path])
                continue
            for staged in (index, tree_index):
                if path in staged:
                    staged.remove(path)
        return tree_index.write_tree(self._repo)

    def _restore(self, index: pygit2.Index, before: dict[str, pygit2.IndexEntry | None]) -> str:
        """Put the index entries of ``before`` back into the index as it is now; the state
        that leaves, in words."""
        try:
            index.read(False)
            for path, entry in before.items():
                if entry is not None:
                    index.add(entry)
                elif path in index:
                    index.remove(path)
            index.write()
        except (pygit2.GitError, OSError):
            return f"HEAD is unchanged but the files stay staged ({self._unstage(list(before))})"
        return _UNCHANGED

    def _unstage(self, paths: Sequence[str]) -> str:
        """The command that unstages ``paths`` (from the top of the work tree), to paste
        in any folder: git reads a path from the folder it runs in, so ``-C`` the top."""
        named = " ".join(shell_word(path) for path in paths)
        return f"git -C {shell_word(str(self.root))} restore --staged -- {named}"


def _revision(commit: pygit2.Commit, shallow: bool) -> Revision:
    parents = tuple(str(p) for p in commit.parent_ids)
    author = commit.author
    zone = timezone(timedelta(minutes=author.offset))
    encoding = commit.message_encoding  # the commit's `encoding` header, as git log reads it
    return Revision(
        id=str(commit.id),
        parents=parents,
        author=_text(author.raw_name, encoding),
        email=_text(author.raw_email, encoding),
        time=datetime.fromtimestamp(author.time, zone),
        summary=_text(commit.raw_message, encoding).strip().split("\n", 1)[0].strip(),
        boundary=shallow and not parents,
    )


def _folders(repo_path: str) -> list[str]:
    """The folders a path lies in, from the top: ``a``, ``a/b`` for ``a/b/c.md``."""
    parts = repo_path.split("/")[:-1]
    return ["/".join(parts[: depth + 1]) for depth in range(len(parts))]


def _tree_entry(tree: pygit2.Tree | None, repo_path: str) -> pygit2.Object | None:
    if tree is None:
        return None
    try:
        return tree[repo_path]
    except KeyError:
        return None


def _same(old: pygit2.Tree | None, new: pygit2.Tree | None) -> bool:
    if old is None or new is None:
        return old is None and new is None
    return old.id == new.id


class _Merge:
    """A merge's vault tree, and the note files each tree it is compared with has that
    it lacks (by tree id), listed once."""

    def __init__(self, tree: pygit2.Tree | None) -> None:
        self.tree = tree
        self.gone: dict[object, list[tuple[str, str]]] = {}
        self.texts: dict[str, str] = {}  # the note files read, by blob id

    def text(self, repo: Repository, blob: str) -> str:
        """The text of the note file ``blob``, read once for the merge."""
        if blob not in self.texts:
            self.texts[blob] = repo.read(blob).decode("utf-8", "replace")
        return self.texts[blob]


def _blob(side: tuple[str, str] | None) -> str | None:
    return None if side is None else side[1]


class _File(NamedTuple):
    """A file of a tree: its path there, blob id and mode."""

    path: str
    id: str
    mode: int


#: A file two trees differ in: each side None where it has none.
_Change = tuple[_File | None, _File | None]


def _diff(old: pygit2.Tree | None, new: pygit2.Tree | None) -> list[_Change]:
    """The files that differ between two trees, in the order of their paths, as git's
    diff of the trees lists them (a file made a folder: the file deleted, the folder's
    files added).  A folder both trees hold alike is not read: libgit2's diff reads
    every folder (20 ms a commit on 20,000 notes, where this reads the folders a commit
    changed)."""
    return sorted(_changed(old, new, ""), key=lambda pair: next(f.path for f in pair if f))


def _changed(old: pygit2.Tree | None, new: pygit2.Tree | None, folder: str) -> Iterator[_Change]:
    if old is not None and new is not None and old.id == new.id:
        return
    before = {entry.raw_name: entry for entry in old} if old is not None else {}
    after = {entry.raw_name: entry for entry in new} if new is not None else {}
    for name in before.keys() | after.keys():
        was, now = before.get(name), after.get(name)
        if was is not None and now is not None and (was.id, was.filemode) == (now.id, now.filemode):
            continue
        path = folder + _text(name or b"")
        was_tree, now_tree = _tree(was), _tree(now)
        if was_tree is not None or now_tree is not None:
            yield from _changed(was_tree, now_tree, path + "/")
        old_file = (
            _File(path, str(was.id), was.filemode) if was is not None and was_tree is None else None
        )
        new_file = (
            _File(path, str(now.id), now.filemode) if now is not None and now_tree is None else None
        )
        if old_file is not None or new_file is not None:
            yield old_file, new_file


def _tree(entry: pygit2.Object | None) -> pygit2.Tree | None:
    return entry if isinstance(entry, pygit2.Tree) else None


def _text(raw: bytes, encoding: str | None = None) -> str:
    """Text git stored as bytes: in the commit's ``encoding`` when it names one git
    knows (``ISO-8859-1``, from ``i18n.commitEncoding``), else UTF-8."""
    if encoding:
        try:
            return raw.decode(encoding)
        except (LookupError, ValueError):  # no such codec, or bytes it can't read
            pass
    return raw.decode("utf-8", errors="replace")


def _give_work_tree(repo: pygit2.Repository) -> None:
    """Give the repository ``GIT_DIR`` names the work tree git gives it: the one
    ``GIT_WORK_TREE`` names; none for a bare repository; else ``core.worktree``'s (libgit2
    read it); else the current folder."""
    tree = given_work_tree()
    if tree is None and not repo.is_bare and _config(repo.config, "core.worktree") is None:
        tree = files.absolute(Path(), "GIT_WORK_TREE")
    if tree is not None:
        try:
            repo.workdir = str(tree)
        except (pygit2.GitError, OSError) as exc:  # no such folder
            raise HistoryUnavailable(f"git can't use the work tree {tree}: {exc}") from None


def _not_found(folder: Path, exc: pygit2.GitError | None) -> JournalError:
    """Why git finds no repository holding ``folder`` (``exc``: what libgit2 said, if it
    failed): a ``.git`` file that names no repository, or no ``.git`` at all."""
    entry = dot_git(folder)
    if entry is not None and entry.is_file():
        try:
            named = named_git_folder(entry)
        except (OSError, UnicodeDecodeError) as problem:
            return HistoryUnavailable(f"can't read the `.git` file at {entry}: {problem}")
        if named is None:
            return HistoryUnavailable(
                f"the `.git` file at {entry} names no repository (git wants one line: "
                "`gitdir: PATH`, the repository's folder)"
            )
        if not named.exists():
            return HistoryUnavailable(
                f"the `.git` file at {entry} points to {named}, which is not there (a moved "
                "or deleted repository?)"
            )
        if exc is None:
            return HistoryUnavailable(
                f"the `.git` file at {entry} points to {named}, which is not a git repository"
            )
    if exc is not None:
        return HistoryUnavailable(f"git can't find the repository: {exc}")
    return NoRepository(f"{folder} is not in a git repository")


def _open_problem(found: Path, exc: pygit2.GitError) -> HistoryUnavailable:
    """A clear message for a repository libgit2 would not open."""
    work_tree = found.parent if found.name == ".git" else found
    try:
        owner = work_tree.stat().st_uid
    except OSError:
        owner = os.geteuid()
    if owner != os.geteuid():
        return HistoryUnavailable(
            f"the git repository at {work_tree} belongs to another user, so git does not trust "
            "it ('dubious ownership'); if it is yours to use, run: git config --global "
            f"--add safe.directory '{work_tree}'"
        )
    return HistoryUnavailable(f"can't open the git repository at {work_tree}: {exc}")


def _signature(kind: str, repo: pygit2.Repository) -> pygit2.Signature:
    """The author or committer: ``GIT_<KIND>_NAME``/``_EMAIL``/``_DATE`` as git reads
    them, else ``author.name``/``committer.email`` and the like from git's config (git
    2.22 and later), else ``user.name``/``user.email``, and now."""
    config = _git_config(repo)
    name = os.environ.get(f"GIT_{kind}_NAME") or _config(config, f"{kind.lower()}.name")
    name = name or _config(config, "user.name")
    address = os.environ.get(f"GIT_{kind}_EMAIL") or _config(config, f"{kind.lower()}.email")
    address = address or _config(config, "user.email")
    if not (name and address):
        raise GitProblem(
            "git does not know who you are: set your name and email with "
            "git config --global user.name 'Your Name' and "
            "git config --global user.email you@example.com"
        )
    when = os.environ.get(f"GIT_{kind}_DATE")
    if not when:
        return pygit2.Signature(name, address)
    moment = _git_date(when, f"GIT_{kind}_DATE")
    offset = moment.utcoffset() or timedelta()
    return pygit2.Signature(
        name, address, int(moment.timestamp()), int(offset.total_seconds() // 60)
    )


#: Where libgit2 finds no user config file (this module's folder holds none).
_NO_CONFIG = str(Path(__file__).parent)


def _repository(found: str) -> pygit2.Repository:
    """The repository at ``found``.  Git warns and goes on when it can't read the user's
    config (a HOME it may not read: a cron job as a service user), libgit2 stops at it
    ("failed to stat '/root/.gitconfig'"): then it reads none, as git does."""
    try:
        return pygit2.Repository(found)
    except pygit2.GitError as exc:
        user = [
            folder
            for level in (ConfigLevel.GLOBAL, ConfigLevel.XDG)
            for folder in pygit2.settings.search_path[level].split(os.pathsep)
            if folder
        ]
        if "failed to stat" not in str(exc) or not any(f"'{f}/" in str(exc) for f in user):
            raise
    for level in (ConfigLevel.GLOBAL, ConfigLevel.XDG):
        pygit2.settings.search_path[level] = _NO_CONFIG
    return pygit2.Repository(found)


def _config(config: pygit2.Config, key: str) -> str | None:
    """A text setting of git's config."""
    try:
        value = config[key]
    except (KeyError, pygit2.GitError):
        return None
    return value if isinstance(value, str) and value else None


def _git_config(repo: pygit2.Repository) -> pygit2.Config:
    """The repository's config as ``git`` reads it, which libgit2's is not when git is
    told to read ``GIT_CONFIG_GLOBAL``'s file instead of the user's (``~/.gitconfig``,
    ``~/.config/git/config``), ``GIT_CONFIG_SYSTEM``'s instead of the system's, or no
    system file (``GIT_CONFIG_NOSYSTEM``): libgit2 reads none of these variables."""
    user = os.environ.get("GIT_CONFIG_GLOBAL")
    system = os.environ.get("GIT_CONFIG_SYSTEM")
    try:
        nosystem = pygit2.Config.parse_bool(os.environ.get("GIT_CONFIG_NOSYSTEM") or "no")
    except pygit2.GitError:
        nosystem = False
    if user is None and system is None and not nosystem:
        return repo.config

    git_dir = Path(repo.path)
    try:
        return _config_of(_layers(git_dir, user, system, nosystem))
    except OSError as exc:  # a config file that can't be read (its folder's rights)
        raise GitProblem(f"git's config can't be read: {exc.strerror}: {exc.filename}") from None


def _layers(
    git_dir: Path, user: str | None, system: str | None, nosystem: bool
) -> dict[ConfigLevel, list[Path]]:
    """The files of each level of git's config (see :func:`_git_config`)."""

    def found(level: ConfigLevel, name: str) -> list[Path]:
        """The file libgit2 reads at ``level``: the first there is in its search path."""
        folders = pygit2.settings.search_path[level].split(os.pathsep)
        return [path for f in folders if f and (path := Path(f, name)).is_file()][:1]

    try:
        shared = common_dir(git_dir)
    except (OSError, UnicodeDecodeError):
        shared = git_dir
    layers: dict[ConfigLevel, list[Path]] = {}
    if not nosystem:
        # set empty, it names no file: git then reads none, not the usual one
        layers[ConfigLevel.SYSTEM] = (
            found(ConfigLevel.SYSTEM, "gitconfig") if system is None else [Path(system)]
        )
    if user is None:
        layers[ConfigLevel.XDG] = found(ConfigLevel.XDG, "config")
        layers[ConfigLevel.GLOBAL] = found(ConfigLevel.GLOBAL, ".gitconfig")
    else:
        layers[ConfigLevel.GLOBAL] = [Path(user)]
    layers[ConfigLevel.LOCAL] = [shared / "config"]
    layers[ConfigLevel.WORKTREE] = [git_dir / "config.worktree"]
    return layers


def _config_of(layers: dict[ConfigLevel, list[Path]]) -> pygit2.Config:
    """A config of the files of ``layers`` there are, each at its level."""
    config = pygit2.Config()
    for level, paths in layers.items():
        for path in paths:
            if path.is_file():
                try:
                    config.add_file(path, level)
                except pygit2.GitError as exc:
                    raise GitProblem(f"git's config can't be read: {exc}") from None
    return config


def _git_date(text: str, name: str) -> datetime:
    """A date in one of git's forms: ``@1700000000 +0100``, ISO 8601 or RFC 2822."""
    parts = text.strip().lstrip("@").split()
    if parts and parts[0].isdigit():
        zone = UTC
        if len(parts) > 1 and len(parts[1]) == 5 and parts[1][0] in "+-":
            minutes = int(parts[1][1:3]) * 60 + int(parts[1][3:])
            zone = timezone(timedelta(minutes=minutes if parts[1][0] == "+" else -minutes))
        return datetime.fromtimestamp(int(parts[0]), zone)
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            raise GitProblem(f"{name}: '{text}' is not a date git understands") from None
    return moment if moment.tzinfo else moment.astimezone()
