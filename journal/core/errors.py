"""The one error family the tool raises, and per-file diagnostics."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from journal.core.records import Record, record

Severity = Literal["error", "warning", "hint"]


class JournalError(Exception):
    """A problem to show the user as one line, never as a traceback.

    ``exit_code`` is 1 for domain errors; usage problems use 2.
    """

    exit_code = 1
    #: Further problems found together with this one, reported after it, one line each.
    also: tuple[JournalError, ...] = ()

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        return location(self.path, self.line) + self.message


class UsageProblem(JournalError):
    """The command line asked for something malformed (exit 2)."""

    exit_code = 2


class NotFound(JournalError):
    """A goal, note, vault or file that does not exist."""


class Ambiguous(JournalError):
    """A name that matches more than one note."""

    #: How many of the notes a name matches the error lists.
    SHOWN = 5

    def __init__(
        self,
        name: str,
        candidates: list[str],
        *,
        links: Mapping[str, str] | None = None,
        unusable: Mapping[str, Diagnostic] | None = None,
    ) -> None:
        """``candidates``: the paths of the notes, listed in path order (the first
        :data:`SHOWN`, then how many more), each to paste: in backticks, with a link that
        names it alone when ``links`` has one, or why it can't be used when ``unusable``
        says (by path)."""
        self.candidates = sorted(candidates)
        self.links = dict(links or {})
        self.unusable = dict(unusable or {})
        listing = ", ".join(self._listed(c) for c in self.candidates[: self.SHOWN])
        more = len(self.candidates) - self.SHOWN
        listing += f" and {more} more" if more > 0 else ""
        super().__init__(
            f"'{name}' matches {len(candidates)} notes; name one by its path: {listing}"
        )

    def _listed(self, path: str) -> str:
        """A candidate as the list shows it: its path, then what else to know of it."""
        import unicodedata  # only for this error

        said = []  # a path not in composed form (`é` as `e` and an accent) looks like another
        if not unicodedata.is_normalized("NFC", path):
            said.append("its accents written as separate marks")
        why = self.unusable.get(path)
        if why is not None:
            said.append(f"can't be used{f', line {why.line}' if why.line else ''}: {why.message}")
        elif path in self.links:
            said.append(f"or `{self.links[path]}`")
        return f"`{path}`" + (f" ({'; '.join(said)})" if said else "")


#: How a note an editor is writing right now is told (:func:`being_saved`).
BEING_SAVED = "is being saved"


def being_saved(what: str, then: str = "try again") -> str:
    """What is said of a note caught in the middle of an editor's save, ``what`` telling
    how it reads: ``is being saved (it is empty right now); try again``."""
    return f"{BEING_SAVED} ({what}); {then}"


class Unreadable(JournalError):
    """The note named can't be used: its front matter can't be read (``problem`` says
    why, path and line where), or it is being saved (:func:`being_saved`)."""

    def __init__(self, problem: str, *, path: str, line: int | None) -> None:
        saving = problem.startswith(BEING_SAVED)
        super().__init__(
            problem if saving else f"can't use this note: {problem}", path=path, line=line
        )
        self.problem = problem


class ConfigError(JournalError):
    """A bad ``.journal/config.toml``."""


class Stopped(JournalError):
    """Work given up because a stop was asked for meanwhile (``journal watch``'s Ctrl-C
    or SIGTERM, through ``Vault.stopping``); ``path``: the note it was for, if any."""


class Conflict(JournalError):
    """A file changed on disk between the tool's read and its write, or a name is taken."""


def changed_on_disk(saved: str = "in an editor") -> str:
    """Why a write was refused when the file changed since the tool read it: ``saved``,
    how it was likely saved meanwhile."""
    return (
        f"changed on disk since it was read (saved {saved}?); nothing written, run the "
        "command again"
    )


class UnsafeWrite(JournalError):
    """A write the tool refuses: outside the vault, through a symlink, unreadable front matter."""


@record(frozen=True, slots=True)
class Diagnostic(Record):
    """A problem found in one file; reported and then skipped, never fatal."""

    path: str
    line: int | None
    message: str
    severity: Severity = "error"
    code: str = "parse"

    def __str__(self) -> str:
        return location(self.path, self.line) + self.message

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "message": self.message,
            "severity": self.severity,
            "code": self.code,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Diagnostic:
        line = data.get("line")
        return cls(
            path=str(data["path"]),
            line=line if isinstance(line, int) else None,
            message=str(data["message"]),
            severity=str(data.get("severity", "error")),  # type: ignore[arg-type]
            code=str(data.get("code", "parse")),
        )


def location(path: str | None, line: int | None) -> str:
    """``path:line: `` prefix in the style compilers and linters use."""
    if path is None:
        return ""
    return f"{path}:{line}: " if line else f"{path}: "
