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

    def __init__(
        self,
        name: str,
        candidates: list[str],
        *,
        pick: str | None = None,
        unusable: Mapping[str, Diagnostic] | None = None,
    ) -> None:
        """``pick``: how to name one of them alone, said after the list; ``unusable``:
        why each candidate that can't be used can't, said after its path."""
        self.unusable = dict(unusable or {})
        listing = ", ".join(self._listed(c) for c in candidates)
        told = f"; {pick}" if pick else ""
        super().__init__(f"'{name}' matches {len(candidates)} notes: {listing}{told}")
        self.candidates = candidates

    def _listed(self, path: str) -> str:
        """A candidate as the list shows it: its path, and why it can't be used."""
        why = self.unusable.get(path)
        if why is None:
            return _told_apart(path)
        at = f", line {why.line}" if why.line else ""
        return f"{_told_apart(path)} (can't be used{at}: {why.message})"


def _told_apart(path: str) -> str:
    """``path``, marked when its letters are not in their composed form (``é`` as ``e``
    and a combining accent, as macOS writes names): it looks like another then."""
    import unicodedata

    if unicodedata.is_normalized("NFC", path):
        return path
    return f"{path} (its accents written as separate marks)"


class Unreadable(JournalError):
    """The note named can't be used: its front matter can't be read (``problem`` says
    why, path and line where)."""

    def __init__(self, problem: str, *, path: str, line: int | None) -> None:
        super().__init__(f"can't use this note: {problem}", path=path, line=line)
        self.problem = problem


class ConfigError(JournalError):
    """A bad ``.journal/config.toml``."""


class Conflict(JournalError):
    """A file changed on disk between the tool's read and its write, or a name is taken."""


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
