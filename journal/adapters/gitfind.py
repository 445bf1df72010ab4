"""Whether a folder is inside a git work tree, without loading the git library.

Most commands only need git when there is a repository; looking for a ``.git``
entry (a folder, or the file a worktree or submodule has) at or above the vault
first keeps pygit2 out of their start-up everywhere else.  The errors of reading
git live here too, so that commands can catch them without loading pygit2.
"""

from __future__ import annotations

from pathlib import Path

from journal.core.errors import JournalError, NotFound


class NoRepository(NotFound):
    """The vault is not inside a git repository (or the repository has no work tree)."""


class HistoryUnavailable(JournalError):
    """The repository is there but git's history can't be read from it (another user's,
    objects missing...): every failure of reading git is this one error."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"git history unavailable: {reason}")
        self.reason = reason


def maybe_in_repository(folder: Path) -> bool:
    """False only when no ``.git`` exists at or above ``folder``."""
    folder = folder.resolve()
    return any((parent / ".git").exists() for parent in (folder, *folder.parents))
