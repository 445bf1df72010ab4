"""Where a goal stands: the straight line from start to due, pace, and rates.

A goal's line runs from ``baseline`` when its start day begins to ``target`` when
its due day ends (:func:`expected_value`).  Pace compares ``current`` with that line
today: within :data:`TOLERANCE` of the whole way is on track.  A goal one whole step
from its target (:func:`one_step_left`) has nothing between for a line to measure,
and one counting milestones (:attr:`Goal.counts_milestones`) steps as they are due:
their milestones judge their pace.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from journal.core.dates import parse_duration, weeks_between
from journal.core.formatting import exact_number, per_week
from journal.core.goal import Goal, Milestone
from journal.core.records import Record, record

TOLERANCE = 0.10


@record(frozen=True, slots=True)
class Pace(Record):
    """Pace of one goal on one day (``status``: ahead, on track, behind, done, paused,
    dropped, unknown)."""

    status: str
    expected: float | None  # where the line says the value should be today
    needed_per_week: float | None  # rate needed from today to reach target by due
    seen_per_week: float | None  # rate since start so far
    # one step left (:func:`one_step_left`): judged by its milestones, by no line or plan
    stepwise: bool = False
    late: tuple[int, Milestone] | None = None  # the milestone that makes it behind, days late
    # what is still to reach by the end of the due day (target less value), up to that
    # day: on it, what it needs is no rate
    left: float | None = None


def start_of(goal: Goal) -> date | None:
    """The day the goal's line starts: ``start``, else ``created``, else the first check-in."""
    if goal.start:
        return goal.start
    if goal.created:
        return goal.created
    days = [c.day for c in goal.checkins]
    return min(days) if days else None


def expected_value(goal: Goal, day: date) -> float | None:
    """The value to reach by the end of ``day`` on the straight line from the baseline
    when the goal starts to its target at the end of its due day - the line a 90-day
    plan draws (:class:`journal.core.plan.Line`)."""
    start, target = start_of(goal), goal.aim
    if target is None or goal.due is None or start is None or goal.due < start:
        return None
    base = goal.base
    days = (goal.due - start).days + 1
    share = min(max((day - start).days + 1, 0), days) / days
    return base + (target - base) * share


def past_due(goal: Goal, day: date) -> bool:
    """Whether ``day`` is after the goal's due day (it is due by the end of that day)."""
    return goal.due is not None and day > goal.due


def last_checkin(goal: Goal, until: date | None = None) -> date | None:
    """The day of the latest check-in (its log, other notes, counted meetings), commit
    that changed its value (:attr:`Goal.changed`) or milestone done on a stated day, on
    or before ``until``."""
    days = [c.day for c in goal.checkins] + (goal.changed or [])
    days += [d for m in goal.milestones if (d := m.done_on) is not None]
    return max((d for d in days if until is None or d <= until), default=None)


def quiet_since(goal: Goal, until: date) -> date | None:
    """The day a goal has been without a check-in since, as of ``until``: its last
    check-in (:func:`last_checkin`) on or before it, else the day it began
    (:func:`start_of`); None when nothing says.  The review, ``journal status`` and
    T006 judge staleness from it."""
    return last_checkin(goal, until=until) or start_of(goal)


def overdue_milestones(
    goal: Goal, day: date, today: date | None = None
) -> list[tuple[int, Milestone]]:
    """The goal's milestones due before ``day`` and not done by then, each with the days
    it is overdue, the earliest due first.  ``today``: the day the goal is seen from, when
    later than ``day`` (a past week's review): a milestone done after ``day`` but not after
    ``today`` was still open then; one done after ``today`` is taken as written (T009
    reports it)."""
    seen = today or day
    late = [
        ((day - m.due).days, m)
        for m in goal.milestones
        if m.due is not None
        and m.due < day
        and (not m.is_done or (m.done_on is not None and day < m.done_on <= seen))
    ]
    return sorted(late, key=lambda item: (-item[0], item[1].index))


def rhythm(goal: Goal, default_every: str) -> timedelta:
    """The goal's check-in rhythm (``review_every``), else the vault's default (both
    validated on read: a bad value is reported and left out)."""
    return parse_duration(goal.review_every or default_every)


def quiet_too_long(
    goal: Goal,
    until: date,
    rhythm_days: int,
    value: float | None,
    supporters: Callable[[Goal], Iterable[Goal]],
) -> date | None:
    """The day ``goal`` has been without a check-in since (:func:`quiet_since`) when that
    is longer than its review rhythm as of ``until``, else None: as ``journal status``,
    T006 and the review judge it.  A check-in of a goal that supports or feeds it, or
    one of theirs in turn (``supporters``, asked only of a goal quiet on its own),
    counts as one on it.  A goal at its target by ``value`` (:func:`reached`) needs
    marking done (M008), not a check-in."""
    since = quiet_since(goal, until)
    if since is None or (until - since).days <= rhythm_days or reached(goal, value):
        return None
    days = [d for g in _supporting(goal, supporters) if (d := last_checkin(g, until=until))]
    since = max([since, *days])
    return since if (until - since).days > rhythm_days else None


def _supporting(goal: Goal, supporters: Callable[[Goal], Iterable[Goal]]) -> list[Goal]:
    """The goals that support or feed ``goal``, and those that support them, and so on
    (each once, ``goal`` never)."""
    found: dict[str, Goal] = {goal.path: goal}
    todo = [goal]
    while todo:
        for g in supporters(todo.pop()):
            if g.path not in found:
                found[g.path] = g
                todo.append(g)
    return list(found.values())[1:]


def reached(goal: Goal, value: float | None) -> bool:
    """Whether ``value`` is at or past the goal's target, in its direction (a goal that
    counts down reaches it from above; one whose target is its baseline, with no
    direction, only at it); False with no target (:attr:`Goal.aim`) or no value."""
    target, base = goal.aim, goal.base
    if target is None or value is None:
        return False
    if target == base:
        return value <= target if goal.down else value == target
    return value >= target if target > base else value <= target


def value_now(goal: Goal) -> float:
    """The goal's value: ``current``, else its baseline (0 when it has none)."""
    return goal.current if goal.current is not None else goal.base


def pace(goal: Goal, today: date, value: float | None = None) -> Pace:
    """Ahead, on track or behind against the goal's straight line on ``today``, with
    its value then (default: its value now), as :func:`judged` (a goal counted in whole
    numbers then, :func:`counted`, is expected at the whole steps the line has
    reached).  A goal :attr:`~Goal.unmeasured` has no pace (unknown, or its status when
    closed or paused): none of its numbers is judged."""
    if goal.unmeasured:
        status = goal.status if goal.status in ("done", "paused", "dropped") else "unknown"
        return Pace(status, None, None, None)
    base, target = goal.base, goal.aim
    current = value if value is not None else value_now(goal)
    line = expected_value(goal, today)
    whole = counted(goal, today, current)
    expected = stepped(goal, line, whole) if line is not None else None  # a count's: 0 until 1
    start = start_of(goal)
    seen = None
    if start is not None and today > start:
        seen = (current - base) / weeks_between(start, today)
    left = needed = None
    if target is not None and goal.due is not None and goal.due >= today:
        left = target - current  # by the end of the due day: on it too
        needed = left / weeks_between(today, goal.due) if goal.due > today else None
    # a goal to 0 with no value yet is not there: it counts down from its first value
    if goal.status == "done" or (reached(goal, current) and not goal.awaits_start):
        return Pace("done", expected, needed, seen, left=left)
    if goal.status in ("paused", "dropped"):
        return Pace(goal.status, expected, None, seen)
    if value is None and goal.current is None:  # no value and no check-in: shown as "?"
        return Pace("unknown", expected, None, None)
    if target is None or target == base:
        return Pace("unknown", expected, needed, seen, left=left)
    if past_due(goal, today):  # the day has passed, short of target:
        return Pace("behind", target, None, seen)  # no start needed to know that
    if goal.due is not None and (one_step_left(goal, current, today) or goal.counts_milestones):
        late = next(iter(overdue_milestones(goal, today)), None)
        early = line is not None and _judged(current, line, target - base) == "ahead"
        status = "behind" if late else "ahead" if early else "on track"
        return Pace(status, None, needed, seen, stepwise=True, late=late, left=left)
    if line is None:
        return Pace("unknown", expected, needed, seen, left=left)
    verdict = judged(goal, current, line, target - base, today)
    return Pace(verdict, expected, needed, seen, left=left)


def one_step_left(goal: Goal, value: float, day: date | None = None) -> bool:
    """Whether ``goal``, at ``value`` (on ``day``), is one whole step from its target:
    counted in whole numbers (:func:`counted`) and within 1 of the target, short of it
    (0 of 1 playbook, 4 of 5 interviews).  That step comes all at once, so no line or
    plan can say how far along it should be: :func:`pace` judges it by the goal's
    milestones (an undone one past its due day makes it behind), the line only telling
    when the steps before came early (ahead)."""
    target = goal.aim
    return target is not None and counted(goal, day, value) and 0 < abs(target - value) <= 1


def judged(goal: Goal, value: float, line: float, span: float, day: date) -> str:
    """Ahead, on track or behind (:func:`_judged`): ``value`` against ``line``, the
    straight line's or a plan's value on ``day``; for a goal counted in whole numbers then,
    behind only short of the whole steps the line has reached (:func:`stepped`: 0 of 2
    with the line at 0.47 owes none), ahead only past the line itself (3 of 5 with the
    line at 2.9 is on it): one verdict, plan or no plan."""
    verdict = _judged(value, line, span)
    if verdict == "behind" and counted(goal, day, value):
        return _judged(value, stepped(goal, line, True), span)
    return verdict


def _judged(value: float, expected: float, span: float) -> str:
    """Ahead, on track or behind: ``value`` against ``expected``, as a share of the whole
    way (``span``, target less baseline: negative for a goal that counts down)."""
    gap = (value - expected) / span
    edge = TOLERANCE + 1e-9  # exactly 10% off is on track: (0.025 - 0.022) / 0.03 > 0.1
    return "ahead" if gap > edge else "behind" if gap < -edge else "on track"


def plan_pace(
    goal: Goal, status: str, value: float | None, planned: float | None, day: date
) -> str:
    """The pace ``status`` (on ``day``) judged (:func:`judged`) against a 90-day plan's
    target for the week instead of the straight line, when the plan has one (``planned``,
    its line's value that day, not rounded to whole steps) and the goal
    is under way: judged ahead, on track or behind by the line, and not past its due
    day (then it is behind, whatever the plan said)."""
    span = (goal.target or 0) - goal.base
    under_way = status in ("ahead", "on track", "behind")
    if planned is None or value is None or past_due(goal, day) or span == 0 or not under_way:
        return status
    return judged(goal, value, planned, span, day)


def places(goal: Goal) -> int:
    """The decimals a goal's plan values are rounded to: one, or one more than its
    baseline or target is written with (a reply rate from 0.02 to 0.05 moves by
    thousandths a week; at one decimal every week would say 0)."""
    written = _decimals((goal.baseline, goal.target))
    return written + 1 if written else 1


def decimals(goal: Goal) -> int:
    """The decimals a target A001 offers a goal is written with: the most its baseline,
    target and value have (0 to 10 at 3.5 has one; its check-ins' +0.25 count for none),
    one at most unless the target has two, and two at most (a target is a round number)."""
    written = _decimals((goal.base, goal.target, goal.current, goal.file_current))
    return min(written, max(_decimals((goal.target,)), 1), 2)


def _decimals(values: Iterable[float | None]) -> int:
    """The most decimals any of ``values`` is written with (0 for whole numbers)."""
    written = [exact_number(v) for v in values if v is not None]
    return max((len(t.partition(".")[2]) for t in written), default=0)


def counted(goal: Goal, day: date | None = None, value: float | None = None) -> bool:
    """Whether a goal is counted in whole numbers (its baseline, target, value and
    check-ins are), so its plan asks for whole steps: 1 interview by a week, never 0.3.
    A weight from 82 to 75 kg weighed at 79.5 is a measure, not a count (found in a
    tryout: its plan asked for 80 kg in week 1, above where it stood).  On ``day`` (a
    day judged, a plan's week), as known by then: its check-ins dated up to it and its
    ``value`` then (None: not known), so +0.5 logged after a week leaves that week
    judged and planned in whole steps (found in a tryout: it turned every past week's
    "on track (expected 1)" into "behind (expected 1.4)"); without ``day``, as it is now
    (its value, the file's and all its check-ins)."""
    if goal.target is None:
        return False
    values: list[float | None] = [goal.base, goal.target]
    values += [goal.current, goal.file_current] if day is None else [value]
    values += [
        c.amount for c in goal.checkins if c.op is not None and (day is None or c.day <= day)
    ]
    return all(float(v).is_integer() for v in values if v is not None)


def rate_of(goal: Goal, weekly: float, whole: bool) -> str:
    """A weekly rate of ``goal`` in words, as A001 and the review's scoreboard both write
    it (:func:`per_week`): in its unit, and in whole steps for a goal counted so
    (``whole``, :func:`counted`: ``2 posts/week``, ``1 event every 1.8 weeks``)."""
    return per_week(weekly, goal.unit, whole)


def step(goal: Goal) -> float:
    """One step of ``goal`` toward its target, as a check-in to suggest: 1 for a goal
    counted in whole numbers (:func:`counted`), else one of the last decimal it is
    written with (0.1 from 3.5 to 4.2); negative for a goal that counts down."""
    size = 1.0 if counted(goal) else 10.0 ** (1 - places(goal))
    return -size if goal.down else size


def planned(goal: Goal, value: float, whole: bool) -> float:
    """A value of a plan's line for ``goal`` as the plan asks it: its whole step for a
    goal counted in whole numbers (``whole``: :func:`stepped`); else the line, to the
    goal's precision (:func:`places`)."""
    return round(stepped(goal, value, whole), places(goal))


def stepped(goal: Goal, value: float, whole: bool) -> float:
    """For a goal counted in whole numbers (``whole``, :func:`counted` on the day the
    line is at ``value``), the whole number the line has reached (for a goal that goes
    down, the one at or above it); for any other goal, ``value``."""
    if not whole:
        return value
    if goal.down:  # counted: it has a target
        return float(math.ceil(value - 1e-9))
    return float(math.floor(value + 1e-9))


def rounded(value: float | None, goal: Goal) -> float | None:
    """``value`` to the goal's plan precision (:func:`places`): a rate from 0.02 to
    0.05 expects 0.024, not 0."""
    return round(value, places(goal)) if value is not None else None
