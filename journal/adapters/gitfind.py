"""Whether a folder is inside a git work tree, without loading the git library.

Most commands only need git when there is a repository; looking for a ``.git``
entry (a folder, or the file a worktree or submodule has) at or above the vault
first keeps pygit2 out of their start-up everywhere else.
"""

from __future__ import annotations

from pathlib import Path

from journal.core.errors import NotFound


class NoRepository(NotFound):
    """The vault is not inside a git repository (or the repository has no work tree)."""


def maybe_in_repository(folder: Path) -> bool:
    """False only when no ``.git`` exists at or above ``folder``."""
    folder = folder.resolve()
    return any((parent / ".git").exists() for parent in (folder, *folder.parents))
