"""Check-ins: the dated lines of a goal's ``## Log`` and how they add up.

Grammar of one log line (a top-level list item under a heading named Log)::

    - 2026-11-20: +1 Coffee with [[Dana Ortiz]]
    - 2026-11-21: =4 recounted after the conference
    - 2026-11-22: a note with no number

``+N``/``-N`` change the value, ``=N`` sets it; the colon after the date is
optional; everything after the value is the note.

Any other note (a daily note, a meeting note) may hold a check-in as an inline
field, dated by the note: ``progress:: [[Goal]] +1 note``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from journal.core.dates import DateError, parse_date

_LINE = re.compile(
    r"^\s*[-*+]\s+(?:\[.\]\s+)?(\d{4}-\d{2}-\d{2})\b\s*:?\s*"
    r"(?:([+=-])\s?(\d+(?:\.\d+)?)(?![\w.]))?\s*(.*?)\s*$"
)
_VALUE = re.compile(r"([+=-])\s?(\d+(?:\.\d+)?)(?![\w.])\s*(.*?)\s*$")


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One measurement (or a dated note when ``op`` is None)."""

    day: date
    op: str | None  # "+", "-", "=" or None
    amount: float
    note: str
    line: int
    path: str = ""

    def apply(self, value: float) -> float:
        if self.op == "+":
            return value + self.amount
        if self.op == "-":
            return value - self.amount
        if self.op == "=":
            return self.amount
        return value

    @property
    def value_text(self) -> str:
        if self.op is None:
            return ""
        return f"{self.op}{_number_text(self.amount)}"


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class CheckInError(ValueError):
    """A log line whose date is not a real date."""


def parse_log_line(text: str, line: int, path: str = "") -> CheckIn | None:
    """The check-in on a log line, None when the line is not one.

    Raises :class:`CheckInError` for a dated line whose date is not real.
    """
    match = _LINE.match(text)
    if match is None:
        return None
    day_text, op, amount, note = match.groups()
    try:
        day = parse_date(day_text)
    except DateError as exc:
        raise CheckInError(exc.message) from None
    return CheckIn(day, op, float(amount) if amount else 0.0, note, line, path)


def parse_value(text: str) -> tuple[str, float, str] | None:
    """``(op, amount, rest)`` from ``+1 note``, ``=4``, ``-2 ...``; None otherwise."""
    match = _VALUE.match(text.strip())
    if match is None:
        return None
    return match.group(1), float(match.group(2)), match.group(3)


def running(start: float, checkins: list[CheckIn]) -> list[tuple[CheckIn, float]]:
    """Each check-in (in date order, stable) with the value just after it."""
    out = []
    value = start
    for checkin in sorted(checkins, key=lambda c: c.day):
        value = checkin.apply(value)
        out.append((checkin, value))
    return out


def replay(start: float, checkins: list[CheckIn]) -> float:
    """The value after applying ``checkins`` (in date order, stable) to ``start``."""
    steps = running(start, checkins)
    return steps[-1][1] if steps else start


def series(start: float, checkins: list[CheckIn]) -> list[tuple[date, float]]:
    """The value at the end of each day that has a measuring check-in, in date order."""
    points = {c.day: value for c, value in running(start, checkins) if c.op is not None}
    return sorted(points.items())


def format_log_line(day: date, op: str, amount: float, note: str, bullet: str = "-") -> str:
    """The log line :func:`parse_log_line` reads back as this check-in:
    ``- 2026-11-20: +1 Coffee with [[Dana Ortiz]]``."""
    text = f"{bullet} {day.isoformat()}: {op}{_number_text(amount)} {' '.join(note.split())}"
    return text.rstrip()


INLINE_KEY = "progress"
_INLINE = re.compile(r"^\s*!?\[\[([^\[\]\n]+?)\]\]\s*(.*)$")


def parse_inline(value: str, day: date, line: int, path: str) -> tuple[str, CheckIn] | None:
    """``[[Goal]] +1 note`` (the value of a ``progress::`` field) as (link target, check-in)."""
    match = _INLINE.match(value)
    if match is None:
        return None
    target = match.group(1).split("|", 1)[0].split("#", 1)[0].strip()
    rest = match.group(2)
    parsed = parse_value(rest)
    if parsed is None:
        return target, CheckIn(day, None, 0.0, rest.strip(), line, path)
    op, amount, note = parsed
    return target, CheckIn(day, op, amount, note, line, path)
