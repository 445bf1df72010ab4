"""Whether a folder is inside a git work tree, without loading the git library.

Most commands only need git when there is a repository; looking for a ``.git``
entry (a folder, or the file a worktree or submodule has) at or above the vault
first keeps pygit2 out of their start-up everywhere else.  Where HEAD stands is
read here from git's plain files (:func:`read_head`), so that a command whose
cached history is still HEAD's does not load pygit2 at all.  The errors of reading
git live here too, so that commands can catch them without loading pygit2.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from journal.adapters.files import absolute
from journal.core.errors import JournalError, NotFound
from journal.core.regex import lazy

#: What ``Repository.busy`` says while a git command holds git's index for a moment.
RUNNING = "a git command is running"


class NoRepository(NotFound):
    """The vault is not inside a git repository (or the repository has no work tree)."""


class OutsideWorkTree(NoRepository):
    """A repository was found (above the vault, or named by ``GIT_DIR``) but the vault is
    not in its work tree, or it has none: no new repository is wanted."""


class HistoryUnavailable(JournalError):
    """The repository is there but git's history can't be read from it (another user's,
    objects missing...): every failure of reading git is this one error."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"git history unavailable: {reason}")
        self.reason = reason


def maybe_in_repository(folder: Path) -> bool:
    """False only when ``GIT_DIR`` is not set and no ``.git`` exists at or above
    ``folder``."""
    return bool(os.environ.get("GIT_DIR")) or dot_git(folder) is not None


def given_repository(folder: Path) -> Path | None:
    """The repository ``GIT_DIR`` names (relative to the current folder; a ``.git`` file
    there is followed), which git takes over the one above the current folder, when it
    is to hold the vault in ``folder``: None when ``GIT_DIR`` is not set, or names the
    repository found above ``folder`` while ``GIT_WORK_TREE`` is not set.  git sets
    ``GIT_DIR`` for the hooks it runs and for ``git rebase --exec`` (a worktree's, a
    submodule's repository): the vault's repository and work tree are then the ones found
    above it, whatever folder the command runs in."""
    said = os.environ.get("GIT_DIR")
    if not said:
        return None
    given = absolute(Path(said), "GIT_DIR")
    try:
        named = named_git_folder(given) if given.is_file() else None
        given = (named or given).resolve()
        if not os.environ.get("GIT_WORK_TREE"):
            found = dot_git(folder)
            own = _git_folder(found) if found is not None else None
            if own is not None and own.resolve() == given:
                return None
    except (OSError, UnicodeDecodeError):  # an unreadable `.git` file: opening it says so
        pass
    return given


def given_work_tree() -> Path | None:
    """The work tree ``GIT_WORK_TREE`` names (relative to the current folder), None when
    it is not set."""
    said = os.environ.get("GIT_WORK_TREE")
    return absolute(Path(said), "GIT_WORK_TREE").resolve() if said else None


def dot_git(folder: Path) -> Path | None:
    """The nearest ``.git`` at or above ``folder``: a folder, or the file a worktree or
    submodule has."""
    folder = folder.resolve()
    return next((p / ".git" for p in (folder, *folder.parents) if (p / ".git").exists()), None)


def named_git_folder(dot_git_file: Path) -> Path | None:
    """The folder a ``.git`` file names (``gitdir: PATH``, relative to the file's
    folder), there or not; None when the file names none."""
    said = dot_git_file.read_text("utf-8").strip()
    if not said.startswith("gitdir: "):
        return None
    return (dot_git_file.parent / said.removeprefix("gitdir: ")).resolve()


_COMMIT_ID = lazy(r"[0-9a-f]{40}|[0-9a-f]{64}")


class Head(NamedTuple):
    """Where HEAD stands, read from the files in ``.git``."""

    root: Path  # the work tree: the folder holding ``.git``
    branch: str | None  # None: detached
    commit: str
    shallow: str  # the ``shallow`` file's text ("" in a full clone): a fetch may deepen it
    underway: str | None = None  # see :func:`underway`

    def stamp(self) -> dict[str, str | None]:
        return {"branch": self.branch, "commit": self.commit, "shallow": self.shallow}


#: The files that say git is in the middle of an operation, and its name, in the order
#: libgit2 reads them (``git_repository_state``).
_UNDERWAY = (
    ("rebase-merge", "rebase"),
    ("rebase-apply/rebasing", "rebase"),
    ("rebase-apply/applying", "am"),
    ("rebase-apply", "am or rebase"),
    ("MERGE_HEAD", "merge"),
    ("REVERT_HEAD", "revert"),
    ("CHERRY_PICK_HEAD", "cherry-pick"),
    ("BISECT_LOG", "bisect"),
)


def underway(git_dir: Path) -> str | None:
    """The operation git is in the middle of in the work tree whose own git folder is
    ``git_dir`` (a merge, rebase, cherry-pick, revert, bisect or am), or None."""
    return next((what for name, what in _UNDERWAY if (git_dir / name).exists()), None)


def common_dir(git_dir: Path) -> Path:
    """The folder a repository's refs, config and hooks are in: a linked worktree's
    main repository's (its ``commondir`` file says where), else ``git_dir`` itself.
    Raises OSError or UnicodeDecodeError when the file can't be read."""
    named = git_dir / "commondir"
    if not named.is_file():
        return git_dir
    return (git_dir / named.read_text("utf-8").strip()).resolve()


def read_head(folder: Path) -> Head | None:
    """HEAD of the repository holding ``folder``, from ``.git/HEAD`` and the refs (a
    worktree's ``.git`` file leads to its own HEAD and the shared refs; ``GIT_DIR``, the
    repository it names, :func:`given_repository`); None whenever the repository is not
    the plain kind this reader knows (a ``core.worktree`` or bare setting, as a submodule
    has, unless ``GIT_WORK_TREE`` names the work tree; reftable, grafts, a branch with no
    commit yet, anything unreadable) or ``folder`` is outside its work tree: the caller
    then asks pygit2."""
    given = given_repository(folder)
    named_tree = given_work_tree() if given is not None else None
    found = dot_git(folder) if given is None else None
    if given is not None:  # git's rule: GIT_WORK_TREE, else the current folder
        root = named_tree or absolute(Path(), "GIT_WORK_TREE").resolve()
        if not folder.resolve().is_relative_to(root):
            return None
    elif found is None:
        return None
    else:
        root = found.parent
    try:
        own = given if found is None else _git_folder(found)
        if own is None:
            return None
        common = common_dir(own)
        config = (common / "config").read_text("utf-8").lower()
        if named_tree is None and ("worktree" in config or "bare = true" in config):
            return None
        if "refstorage" in config or (common / "reftable").exists():
            return None
        if (common / "info" / "grafts").exists():  # changes the walk, not HEAD
            return None
        said = (own / "HEAD").read_text("utf-8").strip()
        shallow = (common / "shallow").read_text("utf-8") if (common / "shallow").exists() else ""
        if _COMMIT_ID.fullmatch(said):
            return Head(root, None, said, shallow, underway(own))
        ref = said.removeprefix("ref: ")
        if ref == said or not ref.startswith("refs/heads/") or ".." in ref:
            return None
        commit = _resolve(common, ref)
    except (OSError, UnicodeDecodeError):
        return None
    if commit is None:
        return None
    return Head(root, ref.removeprefix("refs/heads/"), commit, shallow, underway(own))


def _git_folder(entry: Path) -> Path | None:
    """The folder a ``.git`` entry is, or the one a ``.git`` file names (``gitdir: ...``)."""
    if entry.is_dir():
        return entry
    found = named_git_folder(entry)
    return found if found is not None and found.is_dir() else None


def _resolve(git: Path, ref: str) -> str | None:
    """A branch's commit: its loose ref file, else its line in ``packed-refs``."""
    loose = git / ref
    if loose.is_file():
        said = loose.read_text("utf-8").strip()
        return said if _COMMIT_ID.fullmatch(said) else None
    packed = git / "packed-refs"
    if not packed.is_file():
        return None
    for line in packed.read_text("utf-8").splitlines():
        commit, _space, name = line.partition(" ")
        if name == ref and _COMMIT_ID.fullmatch(commit):
            return commit
    return None
