"""A goal's progress over time: one value per day, from history and check-ins.

Two sources say what a goal's value was:

- **recorded** values: ``current`` as committed to git on a day (and as the file
  holds it today).  ``current`` is what the value *is*, so a recorded value is
  taken as it stands for its day.
- **check-ins** (the goal's log and ``progress::`` fields elsewhere): ``+N``,
  ``-N`` and ``=N`` replayed from ``baseline`` in date order, as
  :func:`journal.core.checkins.replay` does.

They are merged day by day: a day with a recorded value has that value (its
check-ins are already counted in it); on any other day its check-ins apply to
the value of the day before.  So a user who only edits ``current:`` and commits
gets a series, a user who only logs check-ins gets one, and a user who does both
is not counted twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from journal.core.checkins import CheckIn


@dataclass(frozen=True, slots=True)
class Point:
    """The value at the end of ``day``; ``source``: start, git, log or file."""

    day: date
    value: float
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.day.isoformat(), "value": self.value, "source": self.source}


def progress_series(
    *,
    baseline: float | None,
    start: date | None,
    recorded: Sequence[tuple[date, float]] = (),
    checkins: Sequence[CheckIn] = (),
    current: tuple[date, float] | None = None,
) -> list[Point]:
    """The merged series, oldest first, one point per day on which the value is known.

    ``recorded`` are committed ``current`` values (oldest first; the last of a
    day counts); ``current`` is today's value in the file, which wins over
    everything else of that day (its source is ``file`` when it differs from
    what was committed that day).  The series starts with ``baseline`` on
    ``start`` when that day is before every other point.  A recorded value
    equal to the value before it adds no point.
    """
    value = float(baseline or 0)
    anchors: dict[date, tuple[float, str]] = {day: (float(v), "git") for day, v in recorded}
    if current is not None and anchors.get(current[0], (None,))[0] != current[1]:
        anchors[current[0]] = (float(current[1]), "file")
    by_day: dict[date, list[CheckIn]] = {}
    for checkin in sorted(checkins, key=lambda c: c.day):
        if checkin.op is not None:
            by_day.setdefault(checkin.day, []).append(checkin)
    days = sorted(anchors.keys() | by_day.keys())
    points: list[Point] = []
    if start is not None and (not days or start < days[0]):
        points.append(Point(start, value, "start"))
    for day in days:
        if day in anchors:
            anchor, source = anchors[day]
            if points and anchor == points[-1].value and day not in by_day:
                continue
            value = anchor
        else:
            for checkin in by_day[day]:
                value = checkin.apply(value)
            source = "log"
        points.append(Point(day, value, source))
    return points
