"""``--commit``: commit exactly the notes a command wrote, and nothing else.

:func:`prepare_commit` runs before the command writes anything: it refuses
when the vault is not in a repository, the repository is not the user's, git
has no identity or its index is locked, and it makes the vault check each note
just before writing it (not in a submodule, no staged changes of its own, no merge
conflict, not ignored, not filtered).  After the command, :func:`commit_paths`
commits those notes (:func:`to_commit`) in one commit.
"""

from __future__ import annotations

from collections.abc import Sequence

from journal.adapters.git import NotCommittable, Repository
from journal.adapters.gitfind import HistoryUnavailable
from journal.adapters.vault import Vault
from journal.core.errors import JournalError
from journal.core.formatting import listed, single_line
from journal.core.history import Revision
from journal.core.records import Record, record


@record(frozen=True)
class Committed(Record):
    """The commit ``--commit`` made, and what the user should know of it: where
    journal's commit is not the one ``git commit`` would have made (a line each)."""

    revision: Revision
    notices: tuple[str, ...] = ()


def prepare_commit(vault: Vault) -> None:
    """Refuse now, before anything is written, if the vault's notes can't be committed."""
    try:
        repo = Repository.open(vault)
        repo.check_identity()
        repo.check_unlocked()
    except JournalError as exc:
        raise JournalError(f"can't commit: {_reason(exc)}; nothing written") from None

    def check(rel: str) -> None:
        try:
            repo.check_committable(rel)
        except JournalError as exc:
            raise _refused(vault, exc) from None

    vault.before_write = check


def to_commit(vault: Vault) -> list[str]:
    """The notes ``--commit`` commits after a command: those it wrote, else those it
    keeps up to date and found so (a review regenerated with nothing to change: as it
    stands, the user's reflection in it)."""
    return vault.written or sorted(vault.kept)


def commit_paths(vault: Vault, paths: Sequence[str], message: str) -> Committed | None:
    """Commit these vault-relative notes as they are on disk with ``message`` (on one
    line).

    Only these files enter the commit and the index; other staged changes stay
    staged.  Returns None when the files already match HEAD.
    """
    unique = list(dict.fromkeys(paths))
    subject = single_line(message)  # one line, whatever a title held
    try:
        repo = Repository.open(vault)
        revision = repo.commit(unique, subject)
    except JournalError as exc:
        if vault.written:
            raise JournalError(f"written but not committed: {_reason(exc)}") from None
        if isinstance(exc, NotCommittable):  # a note kept as it was: as before writing
            raise _refused(vault, exc) from None
        raise JournalError(f"not committed: {_reason(exc)}") from None
    if revision is None:
        return None
    return Committed(revision, _unlike_git(repo))


def _refused(vault: Vault, exc: JournalError) -> JournalError:
    """``exc``, the refusal of a note, with what the command has done: nothing, or the
    notes it wrote before that one (not committed)."""
    if vault.written:
        done = "; written before it, not committed: " + ", ".join(vault.written)
    else:
        done = ", nothing done"
    return JournalError(exc.message + done, path=exc.path, line=exc.line)


def _unlike_git(repo: Repository) -> tuple[str, ...]:
    """Where the commit just made differs from one ``git commit`` would make: on no
    branch, without the repository's hooks, unsigned."""
    notices = []
    if repo.detached:
        notices.append(
            "committed on a detached HEAD (no branch): it is lost at the next checkout "
            "unless a branch takes it (git branch NAME)"
        )
    skipped = []
    hooks = repo.commit_hooks()
    if hooks:
        names = listed(hooks)
        skipped.append(f"without running the repository's {names} hook{'s' * (len(hooks) > 1)}")
    if repo.signs_commits:
        skipped.append("unsigned (commit.gpgsign)")
    if skipped:
        notices.append(
            f"committed {', and '.join(skipped)}; journal commits only the notes it wrote"
        )
    return tuple(notices)


def _reason(exc: JournalError) -> str:
    return exc.reason if isinstance(exc, HistoryUnavailable) else str(exc)
