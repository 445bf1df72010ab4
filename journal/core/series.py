"""A goal's progress over time: one value per day, from history and check-ins.

A goal's value is what its file says plus what other notes add:

- **the file's value** (:func:`file_series`): ``current`` as committed to git on
  a day (*recorded*) and as the file holds it today, merged with the goal's own
  ``## Log``.  ``current`` is what the file's value *is*, so a recorded value is
  taken as it stands for its day; on any other day the log's ``+N``, ``-N`` and
  ``=N`` apply to the value of the day before, from ``baseline`` (a line for progress
  made before the log sets the value the log gives: a commit before it holds that
  progress already).  So a user who
  only edits ``current:`` and commits gets a series, a user who only logs
  check-ins gets one, and a user who does both is not counted twice.
- **check-ins in other notes** (``progress::`` fields, counted meetings) are never
  written into the goal file; they add an *offset* (:func:`offsets`): ``+N``/``-N``
  move it by N, ``=N`` sets it so that the value is N that day, and a ``=N`` in the
  goal's own log (a recount of the whole value) sets it back to 0.

:func:`value_series` is the sum, :func:`current_value` its value today; with no
check-ins elsewhere the value is the file's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from journal.core.checkins import (
    BEFORE_THE_LOG,
    CheckIn,
    exact_sum,
    gives,
    log_agrees,
    restated,
)
from journal.core.formatting import exact_number
from journal.core.goal import Goal
from journal.core.progress import start_of
from journal.core.records import Record, record

Steps = Sequence[tuple[date, float]]


@record(frozen=True, slots=True)
class Point(Record):
    """The value at the end of ``day``; ``source``: start, git, first (the value the
    goal was first committed with, on the day ``committed``), log, file, note (a
    check-in in another note) or since (the value on a ``--since`` day)."""

    day: date
    value: float
    source: str
    committed: date | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {"date": self.day.isoformat(), "value": self.value, "source": self.source}
        return data if self.committed is None else {**data, "committed": str(self.committed)}


def progress_series(
    *,
    baseline: float | None,
    start: date | None,
    recorded: Sequence[tuple[date, float]] = (),
    checkins: Sequence[CheckIn] = (),
    current: tuple[date, float] | None = None,
    opened: date | None = None,
) -> list[Point]:
    """The merged series, oldest first, one point per day on which the value is known.

    ``recorded`` are committed ``current`` values (oldest first; the last of a
    day counts); ``opened``: the day the first of them was committed when it is the
    value the goal was first committed with (dated back to where it stood then,
    :func:`~journal.core.history.recorded_values`): its point is ``first``, no change
    of that day (:func:`committed_changes`); ``checkins`` the goal's log, whose line
    for progress made before it sets the value the log gives
    (:func:`~journal.core.checkins.restated`);
    ``current`` is the file's value and the day it is known from
    (:func:`known_since`), which wins over everything else of that day (its source
    is ``file`` when it differs from what the rest gives that day).  The series
    starts with ``baseline`` on ``start`` when that day is not after every other
    point (a point of that day replaces it, but for a commit that holds the baseline:
    the start it stays, however many commits that day); commits before the start that
    hold the baseline (the goal made before it begins) are none.  A recorded value equal to
    the value before it adds no point.
    """
    value = float(baseline or 0)
    anchors = {day: float(v) for day, v in recorded}
    first = recorded[0][0] if recorded and opened is not None else None
    if first is not None and len(recorded) > 1 and recorded[1][0] == first:
        first = None  # a later commit's value of that day counts
    by_day: dict[date, list[CheckIn]] = {}
    for checkin in restated(baseline, list(checkins)):
        if checkin.op is not None:
            by_day.setdefault(checkin.day, []).append(checkin)
    days = sorted(anchors.keys() | by_day.keys() | ({current[0]} if current else set()))
    while start is not None and days and days[0] < start:  # the goal made before it begins:
        first = days[0]  # a commit holding the baseline, and nothing else that day, is none
        held = anchors.get(first) == value and (
            current is None or current[0] != first or current[1] == value
        )
        if first in by_day or not held:
            break
        del days[0]
    points: list[Point] = []
    if start is not None and (not days or start <= days[0]):
        points.append(Point(start, value, "start"))  # a point of the same day replaces it
    for day in days:
        source = None
        if day in anchors:
            value, source = anchors[day], "first" if day == first else "git"
        elif day in by_day:
            for checkin in by_day[day]:
                value = checkin.apply(value)
            source = "log"
        if current is not None and day == current[0] and value != current[1]:
            value, source = float(current[1]), "file"
        if points and points[-1].day == day:
            if source is None or (
                source in ("git", "first") and day not in by_day and value == points[-1].value
            ):
                continue  # the start, and nothing more that day: a commit holding the baseline
            points.pop()
        elif source is None or (
            source in ("git", "first")
            and day not in by_day
            and points
            and value == points[-1].value
        ):
            continue  # nothing new that day
        points.append(Point(day, value, source, opened if source == "first" else None))
    return points


@record(frozen=True, slots=True)
class Step(Record):
    """A change of a goal's value that no check-in gives: a point of its series (a
    committed ``current``, the file's) whose value the check-ins before it do not give."""

    day: date
    change: float
    value: float
    source: str  # the point's

    def to_dict(self) -> dict[str, Any]:
        sign = "+" if self.change > 0 else "-"
        change = f"{sign}{exact_number(abs(self.change))}"
        return {
            "date": self.day.isoformat(),
            "change": change,
            "value": self.value,
            "source": self.source,
        }


def stepped(
    points: Sequence[Point], checkins: Sequence[CheckIn], start: float
) -> tuple[list[tuple[CheckIn, float]], list[Step]]:
    """``checkins`` (in date order, stable) with the value after each, counted on from
    ``start``, and the :class:`Step` s to the series ``points`` (each at the end of its
    day, after that day's check-ins) where the check-ins do not give their value: so
    each of them goes from the value before by its change, and every day ends at the
    series' value.  Without check-ins, no steps: there is no row to add up to."""
    rows: list[tuple[CheckIn, float]] = []
    steps: list[Step] = []
    value = start
    items: list[CheckIn | Point] = [*checkins, *points] if checkins else []
    for item in sorted(items, key=lambda i: (i.day, isinstance(i, Point))):
        if isinstance(item, CheckIn):
            value = item.apply(value)
            rows.append((item, value))
        elif not math.isclose(item.value, value, rel_tol=1e-12, abs_tol=1e-9):
            steps.append(Step(item.day, exact_sum(item.value, -value), item.value, item.source))
            value = item.value
    return rows, steps


def committed_changes(points: Sequence[Point], baseline: float | None) -> list[date]:
    """The days a commit changed the value: ``git`` points that differ from the value
    before them (an uncommitted edit, ``file``, has no day of its own)."""
    days = []
    previous = float(baseline or 0)
    for point in points:
        if point.source == "git" and point.value != previous:
            days.append(point.day)
        previous = point.value
    return days


def value_on(points: Steps, day: date, default: float) -> float:
    """The last value of ``points`` (in date order) on or before ``day``, else ``default``."""
    return values_on(points, (day,), default)[0]


def values_on(points: Steps, days: Sequence[date], default: float) -> list[float]:
    """:func:`value_on` of each of ``days`` (in date order), in one pass."""
    values = []
    value = default
    index = 0
    count = len(points)
    for day in days:
        while index < count and points[index][0] <= day:
            value = points[index][1]
            index += 1
        values.append(value)
    return values


def pairs(points: Sequence[Point]) -> list[tuple[date, float]]:
    """The points as (day, value) pairs, as the review and the plan take a series."""
    return [(p.day, p.value) for p in points]


def file_series(
    goal: Goal,
    today: date | None,
    recorded: Sequence[tuple[date, float]] = (),
    committed: float | None = None,
    opened: date | None = None,
) -> list[Point]:
    """The goal file's values: ``recorded`` (committed ``current`` values, ``opened``
    as :func:`progress_series` takes them), the goal's own log, and ``file_current``
    from the day it is known (:func:`known_since`); ``committed``: the last value
    committed (``recorded`` may leave it out)."""
    if goal.metric_source == "meetings":  # counted from its meetings: no file values
        recorded, committed = (), None
    own = [c for c in goal.checkins if c.path == goal.path]
    since = known_since(goal, today, recorded, own, committed)
    return progress_series(
        baseline=goal.base,
        start=start_of(goal),
        recorded=recorded,
        checkins=own,
        current=(since, goal.file_current)
        if since is not None and goal.file_current is not None
        else None,
        opened=opened,
    )


def known_since(
    goal: Goal,
    today: date | None,
    recorded: Sequence[tuple[date, float]],
    own: list[CheckIn],
    committed: float | None,
) -> date | None:
    """The day the file's ``current`` is known to hold: ``today`` when it differs from
    the last committed value, ``committed`` (an edit git has not seen yet), else the last day the
    goal's value is dated - its last commit or check-in up to today, else its start.
    A value that neither a log line nor a commit dates (``current`` edited by hand in
    a vault without git, or a log line added without ``current``) so shows from then,
    not as progress of whichever week a review is made in.

    ``today`` too for a goal with an ``=N`` in other notes, which is measured against
    the file's value on its day as every command reads it (:func:`offsets`,
    :func:`current_value`): the value today stays the same with or without git; and for
    one with a check-in of its own with a value dated after today that its log does not
    give ``current`` with (:func:`log_agrees`: it may count the check-in or not).  When
    the log gives it (as ``journal log`` keeps it), the day of the last such check-in,
    committed or not (the commit holding it may be dated after today too, in another
    time zone, so ``committed`` leaves it out): the days before have the values their
    check-ins give, as they will once that day comes, so a week's change counts no
    check-in dated after it, whichever day it is seen from."""
    if today is None:
        return None
    ahead = [c.day for c in own if c.op is not None and c.day > today]
    path = goal.path
    if "=" in [c.op for c in goal.checkins if c.path != path] or (
        ahead and not log_agrees(goal.base, own, goal.file_current)
    ):
        return today
    if ahead:
        return max(ahead)
    if committed is not None and committed != goal.file_current:
        return today
    days = [day for day, _value in recorded]
    days += [c.day for c in own if c.op is not None and c.day <= today]
    last = max(days, default=start_of(goal))
    return min(last, today) if last is not None else today


def offsets(
    goal: Goal, today: date | None, own_series: Steps | None = None
) -> list[tuple[date, float]]:
    """What check-ins in other notes add to the file's value, from each day on.

    An ``=N`` elsewhere is measured against the file's own values (its log and
    ``current``, not git), so the value today is the same with or without history;
    ``own_series``: those values, when the caller has them (``file_series`` without
    git's values, as pairs).
    """
    elsewhere, recounted = _elsewhere(goal)
    if not elsewhere:
        return []
    base = pairs(file_series(goal, today)) if own_series is None else own_series
    return _offset_steps(elsewhere, recounted, base, goal.base)


def _elsewhere(goal: Goal) -> tuple[dict[date, list[CheckIn]], list[date]]:
    """The goal's check-ins with a value in other notes, by day, and the days of its own
    log's ``=N`` lines (:func:`offsets`)."""
    elsewhere: dict[date, list[CheckIn]] = {}
    recounted = []  # the days of the goal's own ``=N`` lines
    for checkin in goal.checkins:
        if checkin.path != goal.path:
            if checkin.op is not None:
                elsewhere.setdefault(checkin.day, []).append(checkin)
        elif checkin.op == "=":
            recounted.append(checkin.day)
    return elsewhere, recounted


def _offset_steps(
    elsewhere: dict[date, list[CheckIn]],
    recounted: list[date],
    base: Steps | None,
    baseline: float,
) -> list[tuple[date, float]]:
    """:func:`offsets` of the check-ins ``elsewhere`` (not empty), against the file's own
    values ``base``; None: the offsets are the check-ins' sums, whatever those values are
    (:func:`_summed`), which need not be worked out."""
    first = min(elsewhere)
    recounts = {day for day in recounted if day > first}
    days = sorted(elsewhere.keys() | recounts)
    steps: list[tuple[date, float]] = []
    offset = 0.0
    if base is None:
        for day in days:
            if day in recounts:
                offset = 0.0
            for checkin in elsewhere.get(day, ()):
                offset = offset + checkin.amount if checkin.op == "+" else offset - checkin.amount
            steps.append((day, offset))
        return steps
    for day, file_value in zip(days, values_on(base, days, baseline), strict=True):
        if day in recounts:
            offset = 0.0
        for checkin in elsewhere.get(day, []):  # in decimal: 0.2 + 0.7 is 0.9 (is the target)
            offset = exact_sum(checkin.apply(exact_sum(file_value, offset)), -file_value)
        steps.append((day, offset))
    return steps


#: Every whole number of at most this size is a float, so a sum of such is exact.
_EXACT = 2**53


def _summed(goal: Goal) -> bool:
    """Whether the offsets of the goal's check-ins in other notes are their sums, the same
    whatever the file's values on their days: none sets the value (``=N``) and the goal's
    numbers (baseline, ``current``, each check-in's amount) are whole, their sizes (the
    amounts' twice) adding up to less than 2^53.  Then the file's value, the offset and
    the amount add and take away exactly, as :func:`exact_sum` would in decimal, and the
    file's own values (a series for each goal) need not be worked out for its value."""
    base, current, path = goal.base, goal.file_current or 0, goal.path
    if not (float(base).is_integer() and float(current).is_integer()):
        return False
    total = abs(base) + abs(current)
    for checkin in goal.checkins:
        amount = checkin.amount
        if (checkin.op == "=" and checkin.path != path) or not float(amount).is_integer():
            return False
        total += 2 * abs(amount)
    return total < _EXACT  # a float sum of whole numbers that reaches it stays there


def value_series(
    goal: Goal,
    today: date | None,
    recorded: Sequence[tuple[date, float]] = (),
    opened: date | None = None,
    counted: Counted | None = None,
) -> list[Point]:
    """The goal's value over time, up to ``today`` (a check-in dated after it, which
    T009 flags, has no point: the value today is :func:`current_value`'s):
    :func:`file_series` (of ``recorded`` and ``opened``) plus :func:`offsets`; a day
    with only check-ins from other notes is a ``note`` point.  None for a goal whose
    value is unknown (:attr:`~journal.core.goal.Goal.value_unread`).  ``counted``: what
    :func:`counted_value` worked out for the goal on ``today``, not worked out again."""
    if goal.value_unread:
        return []
    committed = recorded[-1][1] if recorded else None  # before the log leaves it out
    recorded = _undated_by_log(goal, recorded)
    # the file's values are its own (counted's): no commit left to take, and the last
    # one its `current` (as known_since reads it), or none it takes (counted by meetings)
    own = goal.metric_source == "meetings" or (
        not recorded and committed in (None, goal.file_current)
    )
    if counted is not None and own and counted.own is not None:
        points = counted.own
    else:
        points = file_series(goal, today, recorded, committed, opened)
    base = pairs(points)
    git_free = not recorded or goal.metric_source == "meetings"  # file_series ignores it
    if counted is not None and (own or not git_free):  # measured against its own values
        steps = counted.steps
    else:
        steps = offsets(goal, today, base if git_free else None)
    if steps:
        by_day = {p.day: p for p in points}
        days = sorted(by_day.keys() | {day for day, _offset in steps})
        points = [
            Point(day, exact_sum(value, offset), "note")
            if (point := by_day.get(day)) is None
            else Point(day, exact_sum(value, offset), point.source, point.committed)
            for day, value, offset in zip(
                days,
                values_on(base, days, goal.base),
                values_on(steps, days, 0),
                strict=True,
            )
        ]
    return points if today is None else [p for p in points if p.day <= today]


def _undated_by_log(
    goal: Goal, recorded: Sequence[tuple[date, float]]
) -> Sequence[tuple[date, float]]:
    """The committed values of ``recorded`` the goal's own log does not date: all of
    them, unless the log gives the file's ``current`` or the last committed value (an
    edit of ``current`` git has not seen yet); then only those before its last
    line that restates the value without dating its steps (an ``=N`` recount, or a line
    for progress made before the log, :data:`BEFORE_THE_LOG`).  After it, the log dates
    every step, and a value committed before a backdated line was added (2 posts, the
    second logged a week late) would be a dip that never happened."""
    if not recorded:  # nothing to cut (most goals: no commit, or no repository)
        return recorded
    own = [c for c in goal.checkins if c.path == goal.path and c.op is not None]
    if not own or goal.file_current is None or goal.metric_source == "meetings":
        return recorded
    if not gives(goal.base, own, goal.file_current) and not (
        # the value committed last, as a `current:` edited since is not (yet) git's: by
        # the lines dated up to that commit (a later one may sum to it by chance)
        gives(goal.base, [c for c in own if c.day <= recorded[-1][0]], recorded[-1][1])
    ):
        return recorded
    restated = [c.day for c in own if c.op == "=" or c.note == BEFORE_THE_LOG]
    cut = max(restated, default=date.min)
    return [(day, value) for day, value in recorded if day < cut]


class Counted(NamedTuple):
    """What :func:`counted_value` worked out for a goal's value on a day, which its
    series (:func:`value_series`) needs again: the file's own values (``file_series``
    without git's; None where the value needed none: the series works them out) and
    :func:`offsets`.  A tuple, not a record: every command that types the goals makes
    one for each."""

    own: list[Point] | None
    steps: list[tuple[date, float]]


def current_value(goal: Goal, today: date | None) -> float | None:
    """The goal's value on ``today`` (None: at the end of its check-ins): for a goal
    measured by its milestones, those done by then; else the file's ``current``, else
    what its log gives (baseline plus its check-ins), plus check-ins in other notes;
    None when there is neither a ``current`` nor a check-in with a value, and when
    ``current`` is written but can't be read (H005): unknown, not the log's sum."""
    return counted_value(goal, today)[0]


def counted_value(goal: Goal, today: date | None) -> tuple[float | None, Counted | None]:
    """:func:`current_value`, and what it worked out on the way (None for a goal valued
    without its series: by its milestones, or unknown)."""
    day = today or date.max
    if goal.metric_source == "milestones":  # measured by its milestones: those done
        done = [m for m in goal.milestones if m.is_done]
        return float(sum(m.done_on is None or m.done_on <= day for m in done)), None
    if goal.value_unread:
        return None, None
    file_value = goal.file_current
    own = None  # the file's own values, worked out once for both
    if file_value is None:
        if goal.metric_source != "meetings" and all(c.op is None for c in goal.checkins):
            return None, None
        own = file_series(goal, today)
        file_value = value_on(pairs(own), day, goal.base)
    elsewhere, recounted = _elsewhere(goal)
    steps: list[tuple[date, float]] = []
    if elsewhere and own is None and _summed(goal):  # most goals: the file's values unasked
        steps = _offset_steps(elsewhere, recounted, None, goal.base)
    elif elsewhere:
        own = own if own is not None else file_series(goal, today)
        steps = _offset_steps(elsewhere, recounted, pairs(own), goal.base)
    return exact_sum(file_value, value_on(steps, day, 0)), Counted(own, steps)
