"""The weekly review as data: where every goal stands in one week.

:func:`build_review` returns plain data (strings, numbers, lists, dicts) for the
review template; nothing here formats markdown except wikilinks and the Mermaid
chart, whose syntax needs care.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import field, replace
from datetime import date, timedelta
from typing import Any

from journal.core.catalog import COPY_RULES, MEANT_KINDS, TO_SEE, Catalog
from journal.core.checkins import CheckIn, exact_sum, log_agrees, replay, restated
from journal.core.dates import Period, week_label, week_of
from journal.core.fields import CLOSED
from journal.core.formatting import (
    bar,
    listed,
    number,
    numeric,
    parts_of,
    percent,
    plural,
    rate,
    signed,
    time_left,
    uncommented,
)
from journal.core.goal import Goal, Milestone
from journal.core.links import Link, composed
from journal.core.networking import (
    OVERDUE_LISTED_DAYS,
    Meeting,
    folded,
    follow_up_order,
    follow_up_state,
    implied_reason,
    needs_outcome,
)
from journal.core.progress import (
    Pace,
    counted,
    expected_value,
    last_checkin,
    overdue_milestones,
    pace,
    past_due,
    plan_pace,
    quiet_too_long,
    rate_of,
    reached,
    rhythm,
    rounded,
    start_of,
    stepped,
)
from journal.core.records import Record, record
from journal.core.regex import lazy
from journal.core.series import pairs, value_on, value_series

DUE_SOON_DAYS = 14
REACHED = "M008"  # the check's "target reached": the one hint the review lists
CHART_BEFORE = timedelta(weeks=26)  # the chart's window around the review day
CHART_AFTER = timedelta(weeks=13)
Series = list[tuple[date, float]]
SeriesOf = Callable[[Goal], Series]


@record(frozen=True, slots=True)
class WeeklyTargets(Record):
    """A plan's weekly targets: ``targets[goal id][week label]`` is the value to reach
    by the end of that week of the plan, ``weeks`` (cut to the plan's days);
    ``starts[goal id]``, the value the goal's line starts from, where the plan says."""

    path: str
    targets: dict[str, dict[str, float]]
    weeks: dict[str, Period]
    week_start: int  # the first day of its weeks: the plan's, whatever the vault says now
    starts: Mapping[str, float] = field(default_factory=dict)

    def on(self, goal: Goal, day: date, *, whole: bool = True) -> float | None:
        """The value the plan has ``goal`` at by the end of ``day``: its target for the
        week, reached step by step from last week's (on the third of a week's seven
        days, 3/7 of the way), so a Monday is not judged against Sunday's target.  The
        step ends with the week's last day, or the goal's due day if sooner; in the
        goal's first week in the plan it starts where the plan's line starts
        (:meth:`_start`); a count's (:func:`counted` by ``day``) in whole steps unless not
        ``whole``.  None when the plan has no target that week, or the plan or the goal
        has not begun."""
        mine = self.targets.get(goal.key, {})
        label = week_label(day, self.week_start)
        end = mine.get(label)
        if end is None:
            return None
        week = self.weeks[label]  # (cut to the plan: its first and last may be short)
        begun = max(week.start, start_of(goal) or week.start)
        if day < begun:
            return None  # the straight line judges a day before the plan or the goal began
        finish = _finish(goal, week)
        previous = week_of(day, self.week_start).start - timedelta(days=1)
        last, before = mine.get(week_label(previous, self.week_start)), previous
        if last is None:  # its first week in the plan
            before = begun - timedelta(days=1)
            last = self._start(goal, end, week, before)
        value = end
        if day < finish and last is not None:
            value = last + (end - last) * (day - before).days / (finish - before).days
        return stepped(goal, value, counted(goal, day)) if whole else value  # 0 until 1

    def _start(self, goal: Goal, end: float, week: Period, before: date) -> float | None:
        """Where the plan's line for ``goal`` starts (on ``before``, the day before its
        first week's first day): in the week the line begins (the plan's first, or the
        one the goal starts in), the value the plan says it starts from (``starts``);
        else (a plan written without it, or targets that begin after the line does)
        from the first two weeks' targets and days (a plan's line is straight), which
        are rounded, so a little off; kept between the baseline and the first target.
        From the goal's straight line when the plan has one week of it and no start."""
        low, high = sorted((goal.base, end))
        first = next(iter(self.weeks.values())).start
        start = self.starts.get(goal.key)
        if start is not None and max(first, start_of(goal) or first) in week:
            return min(max(start, low), high)
        label = week_label(week.end + timedelta(days=1), self.week_start)
        after, following = self.targets[goal.key].get(label), self.weeks.get(label)
        if after is None or following is None:
            return expected_value(goal, before)
        finish = _finish(goal, following)
        step = (after - end) / (finish - week.end).days  # its line ends on the due day
        return min(max(end - step * (week.end - before).days, low), high)


def _finish(goal: Goal, week: Period) -> date:
    """The day a week's step of a plan's line ends: the week's last day, or the goal's
    due day if it falls in the week (the line ends on it)."""
    due = goal.due
    return min(week.end, due) if due is not None and due >= week.start else week.end


def plan_judged(
    goal: Goal, day: date, value: float | None, plan: WeeklyTargets | None
) -> tuple[Pace, str, float | None]:
    """The goal's :func:`pace` on ``day`` at ``value`` (None: its ``current``), its status
    then against ``plan``'s target for the week (:func:`plan_pace`), and that target: None
    without a plan, when it has none that week, for a goal its milestones judge
    (:attr:`Pace.stepwise`: one verdict, plan or no plan), and after the goal's due day
    (:func:`past_due`: short of its target, it is behind it, whatever a plan made before
    its due day was moved says).  The review and ``journal status`` judge by it."""
    now = pace(goal, day, value)
    line = None  # the plan's line that day, judged as the straight one (:func:`judged`)
    if plan and not (now.stepwise or past_due(goal, day)):
        line = plan.on(goal, day, whole=False)
    shown = value if value is not None else goal.current
    planned = stepped(goal, line, counted(goal, day, shown)) if line is not None else None
    return now, plan_pace(goal, now.status, shown, line, day), planned


def value_points(catalog: Catalog) -> SeriesOf:
    """Each goal's values over time up to the catalog's ``today``, without git history
    (:func:`value_series`): the series when none is given."""
    return lambda goal: pairs(value_series(goal, catalog.today))


def build_review(
    catalog: Catalog,
    period: Period,
    as_of: date,
    *,
    week_start: int = 0,
    default_review_every: str = "1w",
    series_of: SeriesOf | None = None,
    plan: WeeklyTargets | None = None,
    smart: Sequence[dict[str, Any]] | None = None,
    uncounted: Sequence[dict[str, Any]] = (),
    git: dict[str, Any] | None = None,
    completed_paths: set[str] | None = None,
    then: Mapping[str, Mapping[str, Any]] | None = None,
    copies: Collection[str] = COPY_RULES,
) -> dict[str, Any]:
    """Everything the weekly review template shows, as plain data.

    ``smart`` (findings) and ``git`` (this week's goal events) are None when that
    source is not available; the template then shows nothing for it rather than
    faking it.  ``uncounted``: the ``progress::`` fields that count for no goal.
    ``completed_paths``: the goals git saw completed in the period (see
    :func:`_completed_in`).  ``series_of``: each goal's values over time (by default
    :func:`value_points`, without git).  ``then``: by path, the fields (``status``,
    ``target``, ``due``, ``milestones``...) whose value on ``as_of`` git knows to differ
    from the file's, typed as :class:`Goal` has them (a goal dropped since was active
    then, a target raised since was lower, a milestone moved since was due then).
    ``copies``: the rules (of :data:`COPY_RULES`) whose copies Needs attention names
    (those the vault's settings leave on).  The scoreboard shows the active goals and
    those completed in the period.

    The goals are taken as they stood on ``as_of`` (:func:`existed`, :func:`_as_it_was`):
    a goal not written yet is in no list, and no finding of ``smart`` names it, nor one of
    a goal done or dropped by then (but in the period).  A goal at its target by its value
    then is told to be marked done (:data:`REACHED`, kept for it alone: the check judges
    today's value), not asked for a check-in.
    """
    label = week_label(period.start, week_start)
    link = _linker(catalog)
    known = then or {}
    goals: list[Goal] = []
    absent: set[str] = set()  # links of the goals not written yet
    for goal in (_as_it_was(g, as_of, catalog.today, known.get(g.path)) for g in catalog.goals):
        if existed(goal, as_of, catalog.today):
            goals.append(goal)
        else:
            absent.add(link(goal))
    active = [g for g in goals if g.status == "active"]
    completed = [g for g in goals if _completed_in(g, period, completed_paths)]
    done_now = {g.path for g in completed}
    board = [g for g in goals if g.status == "active" or g.path in done_now]
    series_of = series_of or value_points(catalog)
    points = {g.path: [p for p in series_of(g) if p[0] <= as_of] for g in board}
    values = {g.path: _week_value(g, points[g.path], as_of, catalog.today) for g in board}
    before = period.start - timedelta(days=1)
    # a goal at its target by the week's value needs marking done (M008), not a check-in
    at_target = {link(g) for g in active if reached(g, values[g.path])}
    stale = _stale(active, link, as_of, default_review_every, values, catalog)
    closed = {link(g) for g in goals if g.status in CLOSED and g.path not in done_now}
    passed = [  # past due
        {"goal": link(g), "due": g.due.isoformat(), "days": (as_of - g.due).days}
        for g in sorted(active, key=_due_key)
        if g.due and g.due < as_of
    ]
    scores = {
        g.path: _score(g, catalog, as_of, before, period, points[g.path], values[g.path], plan)
        for g in board
    }
    checkins = _checkins(board, link, catalog, period, as_of)
    networking, overdue = _networking(catalog, period, as_of)
    return {
        "week": label,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "as_of": as_of.isoformat(),
        "previous_week": week_label(period.start - timedelta(days=7), week_start),
        "next_week": week_label(period.end + timedelta(days=1), week_start),
        "scoreboard": list(scores.values()),
        "checkins": checkins,
        "milestones": _milestones(active, catalog, period, as_of, week_start),
        "attention": {
            "unreadable": _unreadable(catalog),
            "unlisted": catalog.unlisted_records(),
            "copies": catalog.copy_records(copies),
            "offline": catalog.offline,
            "stale": stale,
            "due_soon": [
                {"goal": link(g), "due": g.due.isoformat(), "days": (g.due - as_of).days}
                for g in sorted(active, key=_due_key)
                if g.due
                and 0 <= (g.due - as_of).days <= DUE_SOON_DAYS
                and link(g) not in at_target  # at no risk: M008 asks to mark it done
            ],
            "past_due": passed,
            "followups": overdue,
            "smart": _unlisted(
                [f for f in smart if f["rule"] != REACHED or f["goal"] in at_target]
                if smart is not None
                else None,
                {"T006": [*stale, *({"goal": g} for g in at_target)], "T002": passed},
                absent | closed,
            ),
            "uncounted": list(uncounted),
        },
        "wins": {
            "completed": [{"goal": link(g), "title": g.title} for g in completed],
            "reached": [
                {
                    k: scores[g.path][k]
                    for k in ("goal", "title", "current", "target", "unit", "down", "baseline")
                }
                for g in active
                if link(g) in at_target and not reached(g, value_on(points[g.path], before, g.base))
            ],
            "milestones": [
                {
                    "goal": link(g),
                    "title": catalog.relinked(m.title, g.path),
                    "day": m.done_day.isoformat(),
                }
                for g in goals
                for m in g.milestones
                if m.done_day and m.done_day in period
            ],
            "activity": _activity(catalog, checkins, networking, period, as_of),
        },
        "networking": networking,
        "git": git,
        "chart": gantt(
            active,
            as_of,
            lambda g: values[g.path],
            lambda g: scores[g.path]["pace"],
            board,
        ),
        "goals": [link(g) for g in board],
        "plan": catalog.link_to(plan.path) if plan else None,
    }


def _unreadable(catalog: Catalog) -> list[dict[str, Any]]:
    """The notes meant as goals, meetings and contacts that can't be read, and the daily
    notes (their check-ins: found in a tryout, a goal's week went quiet without a word),
    one problem each, with the ``kind`` meant and what fixing it shows, ``see``: the
    review can't show them anywhere else."""
    return [
        {
            "note": catalog.link_to(u["path"]),
            **u,
            "see": TO_SEE[u["kind"]][0],
            "counts": listed([catalog.link_to(g["path"]) for g in u.get("counts_for", ())]),
        }
        for u in catalog.unreadable_records((*MEANT_KINDS, "daily"))
    ]


def _activity(
    catalog: Catalog,
    checkins: list[dict[str, Any]],
    networking: dict[str, Any],
    period: Period,
    as_of: date,
) -> dict[str, Any]:
    """What moved in the week besides wins: the check-ins and meetings the review lists,
    and the follow-ups closed (``follow_up_done``) in it; ``text`` says it in words
    (``6 check-ins, 1 meeting and 1 closed follow-up``), empty when nothing did.  A
    check-in recorded in a meeting held that week (a goal counting its meetings) is the
    meeting, counted once (a tryout: "6 check-ins, 4 meetings" held 3 of them twice)."""
    held = {m["meeting"] for m in networking["meetings"]}
    closed = sum(
        isinstance(m.follow_up_done, date)
        and m.follow_up_done in period
        and m.follow_up_done <= as_of
        for m in catalog.meetings
    )
    counts = {
        "checkins": sum(c["source"] not in held for g in checkins for c in g["checkins"]),
        "meetings": len(networking["meetings"]),
        "followups": closed,
    }
    nouns = {"checkins": "check-in", "meetings": "meeting", "followups": "closed follow-up"}
    parts = [plural(n, nouns[key]) for key, n in counts.items() if n]
    text = listed(parts)
    return {**counts, "text": text}


def _unlisted(
    smart: Sequence[dict[str, Any]] | None,
    listed: dict[str, list[dict[str, Any]]],
    absent: set[str],
) -> list[dict[str, Any]] | None:
    """The findings, without those that say what a list of the review already says
    (``listed``: rule id -> that list), so a goal is named once for one problem, and
    without those on the goals ``absent`` from the week (links: not written yet, or
    done or dropped by then: off the scoreboard, no longer worked on)."""
    if smart is None:
        return None
    said = {(rule, item["goal"]) for rule, items in listed.items() for item in items}
    return [f for f in smart if (f["rule"], f["goal"]) not in said and f["goal"] not in absent]


def _due_key(goal: Goal) -> tuple[date, str]:
    return (goal.due or date.max, composed(goal.path))


def _since(day: date | None, as_of: date, today: date | None) -> bool:
    """Whether ``day`` (when something was done) came after ``as_of`` but not after
    ``today``: in a past week's review it was not done yet.  A day after today is left
    as written (T009 reports it), as every other command reads it."""
    return day is not None and as_of < day <= (today or date.max)


def existed(goal: Goal, as_of: date, today: date | None) -> bool:
    """Whether ``goal`` was there by ``as_of``, by the earlier of its ``created`` and
    ``start`` days (a goal with neither is taken to have been there): a past week's
    review leaves out the goals written after it, but not one written later for work
    that began earlier (``start`` before ``created``, with its check-ins).  A day after
    today is left as written, as :func:`_since` reads it."""
    days = [day for day in (goal.created, goal.start) if day is not None]
    return not _since(min(days, default=None), as_of, today)


def _as_it_was(
    goal: Goal, as_of: date, today: date | None, then: Mapping[str, Any] | None = None
) -> Goal:
    """``goal`` as it stood on ``as_of``: a goal completed since was still active then
    (a past week's review shows it on the scoreboard, with its pace), and a milestone
    done since still open.  ``then``: the fields whose value then git knows (its
    target, due day... before a change committed since, so pace and chart are judged
    by the goal of that week); ``then["status"]``: its status then (a goal dropped or
    paused since, or done since without a ``completed`` day); a goal done with a
    ``completed`` day goes by that day: done from it, and before it as git had it then
    (paused, dropped), else active."""
    fields = dict(then or {})
    status = fields.pop("status", None)
    if fields:
        goal = replace(goal, **fields)
    later = [m for m in goal.milestones if _since(m.done_on, as_of, today)]
    if later:
        open_then = [replace(m, done=False) if m in later else m for m in goal.milestones]
        goal = replace(goal, milestones=open_then)
    if goal.status == "done" and goal.completed is not None:
        if _since(goal.completed, as_of, today):
            was = status if status in ("paused", "dropped") else "active"
            return replace(goal, status=was, completed=None)
        return goal
    if status is not None and status != goal.status:
        return replace(goal, status=status, completed=goal.completed if status == "done" else None)
    return goal


def _meeting_then(meeting: Meeting, as_of: date, catalog: Catalog) -> Meeting:
    """``meeting`` as it stood on ``as_of``: a follow-up done since was still owed (by
    the day it keeps once done, implied for a meeting without ``follow_up_by``:
    :func:`~journal.core.networking.imply_follow_up`)."""
    done = meeting.follow_up_done
    if isinstance(done, date) and _since(done, as_of, catalog.today):
        return replace(meeting, follow_up_done=False)
    return meeting


def _completed_in(goal: Goal, period: Period, git_paths: set[str] | None = None) -> bool:
    """Whether ``goal`` was completed in ``period``: a done goal by its ``completed``
    date; without one, when git saw it completed then (``git_paths``, None outside a
    repository), else when it is done and its last check-in falls in the period."""
    if goal.completed is not None:
        return goal.status == "done" and goal.completed in period
    if git_paths is not None:
        return goal.path in git_paths
    last = last_checkin(goal)
    return goal.status == "done" and last is not None and last in period


def _linker(catalog: Catalog) -> Callable[[Goal], str]:
    """Wikilinks to goals that resolve to them (``[[File name]]``; no alias, so they are
    safe in table cells)."""
    return lambda goal: catalog.link_to(goal.path)


def _week_value(goal: Goal, points: Series, as_of: date, today: date | None) -> float | None:
    """The goal's value in the review: now, or for a past week (``as_of`` before today)
    its value on the week's last day, from its series up to then (``points``)."""
    if goal.current is not None and today is not None and as_of < today:
        return value_on(points, as_of, goal.base)
    return goal.current


def _score(
    goal: Goal,
    catalog: Catalog,
    as_of: date,
    before: date,
    period: Period,
    points: Series,
    value: float | None,
    plan: WeeklyTargets | None,
) -> dict[str, Any]:
    """A scoreboard row: the goal's ``value`` in the week (see :func:`_week_value`), its
    change in the week from its series to ``as_of`` (``points``; 0 when its check-ins in
    the week have no value), and its pace on ``as_of``, against the plan's target for the
    week holding it (:func:`plan_judged`).  For a goal one step from its target, what it
    needs is that step by its due day, not a weekly rate, and ``late`` the milestone that
    makes it behind."""
    # days compared, not `in period`: a call for each of a vault's thousands of points
    start, end, until = period.start, period.end, min(period.end, as_of)
    in_week = [p for p in points if start <= p[0] <= end]
    based = "baseline" not in goal.unread  # else counted from one it can't read: unknown
    change = None
    if in_week and based:
        start_value = value_on(points, before, goal.base)
        change = in_week[-1][1] - start_value
    elif based and any(start <= c.day <= until for c in goal.checkins):
        change = 0.0  # check-ins with a note and no value: there was one, no change
    logged = _logged(goal, period, as_of) if based else None
    now, status, planned = plan_judged(goal, as_of, value, plan)  # (a week ahead: now)
    progress = goal.progress_at(value)
    late = None
    if now.late is not None:
        days, milestone = now.late
        title = catalog.relinked(milestone.title, goal.path)
        late = {"title": title, "due": str(milestone.due), "days": days}
    return {
        "goal": catalog.link_to(goal.path),
        "title": goal.title,
        "unit": goal.unit or "",
        "baseline": number(goal.base if based and not goal.awaits_start else None),
        "current": number(value),
        "target": number(goal.target),
        "percent": percent(progress),
        "bar": bar(progress),
        "change": signed(change),
        "logged": signed(logged) if logged is not None and logged != change else None,
        "pace": status,
        "expected": number(rounded(planned if planned is not None else now.expected, goal)),
        "needed": (
            numeric(rate(abs(now.needed_per_week))) if now.needed_per_week is not None else None
        ),
        "needs": _needs(goal, now, as_of, value),
        "down": goal.goes_down(value),
        "by_plan": planned is not None,
        "late": late,
        "unread_meetings": catalog.unread_meetings_of(goal),
    }


def _logged(goal: Goal, period: Period, as_of: date) -> float | None:
    """What the goal's own log adds up to in the week (to ``as_of``) when it has a value
    in the week and disagrees with ``current`` (M007), which gives the goal's value: the
    change the Check-ins list, which the value does not show (a tryout: `no change` beside
    a listed `+1`).  None when they agree or the week logged no value."""
    own = [c for c in goal.checkins if c.path == goal.path]
    start, until = period.start, min(period.end, as_of)
    if not any(c.op is not None and start <= c.day <= until for c in own):
        return None
    base = goal.base
    if log_agrees(base, own, goal.file_current):
        return None
    log = restated(base, own)
    end = replay(base, [c for c in log if c.day <= min(period.end, as_of)])
    return exact_sum(end, -replay(base, [c for c in log if c.day < period.start]))


def _needs(goal: Goal, now: Pace, as_of: date, value: float | None) -> str | None:
    """What the goal needs, in words: the weekly rate (``1.4/week``; ``1 every 2.5
    weeks`` for a goal counted in whole numbers on ``as_of``, at ``value``); for a goal
    one step from its target, that step by its due day (``1 by 2026-12-31, in 11
    days``: it comes once, at no rate), and on its due day what is left by its end
    (``2.5 by 2026-12-30, today``)."""
    if now.left is None or goal.due is None:
        return None
    if now.needed_per_week is None or now.stepwise:
        days = (goal.due - as_of).days
        when = f"in {time_left(days)}" if days else "today"
        return f"{number(abs(now.left))} by {goal.due}, {when}"
    return rate_of(goal, abs(now.needed_per_week), counted(goal, as_of, value))


def _checkins(
    goals: list[Goal], link: Callable[[Goal], str], catalog: Catalog, period: Period, as_of: date
) -> list[dict[str, Any]]:
    """Per goal that has any, its check-ins of the period (to ``as_of``) in date order:
    day, change, note (its links made to resolve from the review), and a link to the note
    it was recorded in when not the goal's (to its line, when a block id ends it)."""
    out = []
    start, until = period.start, min(period.end, as_of)  # (not `in period`: see _score)
    for goal in goals:
        items = [
            {
                "day": c.day.isoformat(),
                "change": c.value_text,
                "note": catalog.relinked(c.text, c.path or goal.path),
                "source": _source(catalog, c) if c.path not in ("", goal.path) else None,
            }
            for c in sorted(
                (c for c in goal.checkins if start <= c.day <= until),
                key=lambda c: c.day,
            )
        ]
        if items:
            out.append({"goal": link(goal), "checkins": items})
    return out


def _source(catalog: Catalog, checkin: CheckIn) -> str:
    """A link to the note a check-in was recorded in: to its line when a block id ends it
    (``[[2026-11-21#^d1]]``)."""
    block = checkin.block
    if block is None:
        return catalog.titled_link(checkin.path)
    return str(Link(catalog.link_target(checkin.path), f"^{block}"))


def _milestones(
    goals: list[Goal], catalog: Catalog, period: Period, as_of: date, week_start: int
) -> dict[str, list[dict[str, Any]]]:
    """Open milestones: overdue (:func:`overdue_milestones`: due before ``as_of``, this
    week's too once its day is past, with how many ``days``), due in the week (from
    ``as_of`` on) and in the next."""
    following = week_of(period.end + timedelta(days=1), week_start)
    groups: dict[str, list[dict[str, Any]]] = {"overdue": [], "this_week": [], "next_week": []}
    for goal in goals:
        for days, m in overdue_milestones(goal, as_of):
            groups["overdue"].append(_milestone(catalog, goal, m, days))
        for m in goal.milestones:
            if m.is_done or m.due is None or m.due < as_of:
                continue
            if m.due in period:
                groups["this_week"].append(_milestone(catalog, goal, m))
            elif m.due in following:
                groups["next_week"].append(_milestone(catalog, goal, m))
    for items in groups.values():
        items.sort(key=lambda i: (i["due"], i["goal"], i["title"]))
    return groups


def _milestone(
    catalog: Catalog, goal: Goal, milestone: Milestone, days: int | None = None
) -> dict[str, Any]:
    """A milestone of ``goal`` as the review lists it (``days``: how long overdue)."""
    return {
        "goal": catalog.link_to(goal.path),
        "title": catalog.relinked(milestone.title, goal.path),
        "due": str(milestone.due),
        "days": days,
    }


def _stale(
    goals: list[Goal],
    link: Callable[[Goal], str],
    as_of: date,
    default_every: str,
    values: dict[str, float | None],
    catalog: Catalog,
) -> list[dict[str, Any]]:
    """The goals without a check-in for longer than their rhythm, as T006 and `journal
    status` judge them (:func:`quiet_too_long`), by the week's ``values``; with the last
    meeting for the goal since (its ``goal`` links it), whose outcome a check-in would
    record (a tryout: "no check-in for 12 days" the week of an informational interview
    for that goal read as if nothing had been done): for a goal counting its meetings,
    one whose ``outcome`` it waits for (``needs_outcome``: filling it in is the check-in,
    as T006 says; `journal log` refuses its values)."""
    stale = []
    for goal in goals:
        every = rhythm(goal, default_every)
        last = quiet_too_long(goal, as_of, every.days, values[goal.path], catalog.supporters)
        if last is None:
            continue
        met = catalog.last_meeting_for(goal, last, as_of)
        checked = last_checkin(goal, until=as_of)  # ``last`` is its start when never
        stale.append(
            {
                "goal": link(goal),
                "last": checked.isoformat() if checked else None,
                "days": (as_of - last).days,
                "every": goal.review_every or default_every,
                "met": str(met.day) if met else None,
                "meeting": catalog.titled_link(met.path) if met else None,
                "needs_outcome": needs_outcome(goal),
            }
        )
    return stale


def _networking(
    catalog: Catalog, period: Period, as_of: date
) -> tuple[dict[str, Any], dict[str, int]]:
    """Follow-ups due and overdue (those overdue for long only counted, in ``older``:
    :func:`~journal.core.networking.folded`) after those whose ``follow_up_by`` is no
    date (``by``: as written), meetings held in the period, contacts added in it; and
    for Needs attention, how many follow-ups are overdue and the oldest's days."""

    def listed(meeting: Meeting, state: str, by: str | None, days: int) -> dict[str, Any]:
        return {
            "meeting": catalog.titled_link(meeting.path),
            "with": [_person(catalog, p.target, p.display) for p in meeting.people],
            "state": state,
            "by": catalog.relinked(by, meeting.path) if by is not None else None,
            "implied": implied_reason(meeting),
            "days": days,
            "tasks": [catalog.relinked(task, meeting.path) for task in meeting.open_tasks],
        }

    owed = []
    for meeting in (_meeting_then(m, as_of, catalog) for m in catalog.meetings):
        state = follow_up_state(meeting, as_of)
        if state in ("undated", "overdue", "due"):  # the last two have a follow_up_by
            owed.append((meeting, state, meeting.follow_up_by))
    owed.sort(key=lambda item: follow_up_order(item[0], item[1]))
    days = [abs((as_of - by).days) if by is not None else 0 for _m, _state, by in owed]
    overdue = [late if item[1] == "overdue" else 0 for item, late in zip(owed, days, strict=True)]
    followups = []
    older = []
    for (meeting, state, by), late, fold in zip(owed, days, folded(overdue), strict=True):
        if by is None:  # no date: never folded
            followups.append(listed(meeting, state, meeting.follow_up_unread, 0))
        elif fold:
            older.append(by)
        else:
            followups.append(listed(meeting, state, by.isoformat(), late))
    start, until = period.start, min(period.end, as_of)  # (not `in period`: see _score)
    in_period = [  # sorted once picked: not every meeting of the vault
        (m.day, m) for m in catalog.meetings if m.day is not None and start <= m.day <= until
    ]
    in_period.sort(key=lambda item: (item[0], composed(item[1].path)))
    held = [
        {
            "meeting": catalog.titled_link(m.path),
            "day": day.isoformat(),
            "kind": m.kind or "meeting",
            "with": [_person(catalog, p.target, p.display) for p in m.people],
            "outcome": catalog.relinked(m.outcome, m.path) if m.outcome else m.outcome,
        }
        for day, m in in_period
    ]
    added = [
        {
            "contact": catalog.titled_link(c.path),
            "org": catalog.relinked(c.org, c.path) if c.org else c.org,
            "role": catalog.relinked(c.role, c.path) if c.role else c.role,
        }
        for c in catalog.contacts
        if c.created is not None and c.created in period
    ]
    networking = {
        "followups": followups,
        "older": {
            "count": len(older),
            "oldest": min(older).isoformat() if older else None,
            "weeks": OVERDUE_LISTED_DAYS // 7,
        },
        "meetings": held,
        "contacts": added,
    }
    return networking, {"count": sum(d > 0 for d in overdue), "days": max(overdue, default=0)}


def _person(catalog: Catalog, target: str, display: str) -> str:
    path = catalog.resolve_path(target)
    return catalog.titled_link(path) if path is not None else display


def gantt(
    goals: list[Goal],
    as_of: date,
    value_of: Callable[[Goal], float | None],
    pace_of: Callable[[Goal], str],
    board: Sequence[Goal] = (),
) -> str:
    """A Mermaid gantt of each goal's window: the done part is its progress share of
    the window (at its value on the review day, ``value_of``, as the scoreboard has it),
    so a bar ending left of the review day is behind.  Its ``accTitle`` and ``accDescr``
    say in words what it shows, by the scoreboard's pace of each goal (``pace_of``), and
    which goals of the scoreboard (``board``) it leaves out, and why.

    The chart shows at most :data:`CHART_BEFORE` before the review day and
    :data:`CHART_AFTER` after it; a goal's bar is cut to that window (its label then
    gives the start or due outside it) and a goal wholly outside it is left out.
    """
    # a bar's end is the day after the due day (Mermaid's ends are exclusive), as the
    # plan's timeline has it: the target is for the end of the due day
    windows = [
        (index, goal, start, goal.due, goal.due + timedelta(days=1))
        for index, goal in enumerate(goals, start=1)
        if (start := start_of(goal)) is not None and goal.due is not None and goal.due > start
    ]
    first = max(min([as_of, *(w[2] for w in windows)]), as_of - CHART_BEFORE)
    last = min(max([as_of, *(w[4] for w in windows)]), as_of + CHART_AFTER)
    shown_last = max(as_of, last - timedelta(days=1))  # a bar's end is the day after
    lines = gantt_head(first, shown_last)
    paces: list[tuple[str, str]] = []  # each goal shown: its name and pace
    shown: set[str] = set()
    for index, goal, start, due, end in windows:
        if due < first or start > last:
            continue
        shown.add(goal.path)
        paces.append((chart_text(goal.title), pace_of(goal)))
        progress = goal.progress_at(value_of(goal))
        share = max(0.0, min(progress or 0.0, 1.0))  # in days as the scoreboard's bar
        middle = start + timedelta(days=parts_of(share, (end - start).days))
        notes = [f"{parts_of(progress, 100)} pct"] if progress is not None else []
        notes += [f"from {start}"] if start < first else []
        notes += [f"due {due}"] if end > last else []
        label = f" ({', '.join(notes)})" if notes else ""
        start, middle, end = (min(max(day, first), last) for day in (start, middle, end))
        lines.append(f"    section {gantt_text(goal.title)}{label}")
        if middle > start:
            lines.append(f"    done :done, g{index}a, {start}, {middle}")
        if end > middle:
            lines.append(f"    to go :g{index}b, {middle}, {end}")
    lines.append("    section Review")
    lines.append(f"    Review day :milestone, review, {as_of}, 0d")
    active = {g.path for g in goals}
    left = [
        (chart_text(g.title), _not_charted(g, g.path in active))
        for g in board
        if g.path not in shown
    ]
    return "\n".join([lines[0], *_described(paces, as_of, left, len(board)), *lines[1:]])


def _not_charted(goal: Goal, active: bool) -> str:
    """Why :func:`gantt` leaves a goal of the scoreboard out, in words (one of
    :data:`_LEFT_OUT`): only active goals are charted."""
    start = start_of(goal)
    if not active:
        return "completed this week"
    if goal.due is None:
        return "without a due date"
    if start is None:
        return "without a start date"
    return "due by its start" if goal.due <= start else "outside its weeks"


#: The paces a chart's description counts, in its order, as it words them.
_PACE_WORDS = {
    "ahead": "ahead",
    "on track": "on track",
    "done": "done",
    "unknown": "of unknown pace",
}


def _described(
    paces: list[tuple[str, str]], as_of: date, left: list[tuple[str, str]], rows: int
) -> list[str]:
    """The review chart's ``accTitle`` and ``accDescr`` lines, which a screen reader
    reads: how many goals it shows, and how many are behind (named), ahead, on track...;
    then the goals of the scoreboard's ``rows`` it leaves out (``left``: name, why),
    counted and named by why (a tryout: "of 3 goals" under a scoreboard of 5)."""
    title = f"    accTitle: Progress against time of {plural(len(paces), 'goal')}"
    named = {why: [name for name, w in left if w == why] for why in _LEFT_OUT}
    out = [f"{len(names)} {why} ({', '.join(names)})" for why, names in named.items() if names]
    unlisted = (  # (no colon nor semicolon: Mermaid's syntax)
        f". {len(left)} of the scoreboard's {plural(rows, 'goal')} "
        f"{'is' if len(left) == 1 else 'are'} not charted, {listed(out)}"
        if out
        else ""
    )
    if not paces:
        return [title, f"    accDescr: no goal with a start and due date to chart{unlisted}"]
    behind = [name for name, pace in paces if pace == "behind"]
    counts = [
        f"{sum(pace == key for _, pace in paces)} {words}"
        for key, words in _PACE_WORDS.items()
        if any(pace == key for _, pace in paces)
    ]
    said = f"{len(behind)} {'is' if len(behind) == 1 else 'are'} behind ({', '.join(behind)})"
    return [
        title,
        f"    accDescr: Of {plural(len(paces), 'goal')}, "
        f"{listed([said if behind else 'none is behind', *counts])}, each a bar from its "
        f"start to its due date filled as far as its progress, with the review day {as_of} "
        f"marked{unlisted}",
    ]


#: Why a goal of the scoreboard is not charted (:func:`_not_charted`), in the order the
#: chart's description lists them.
_LEFT_OUT = (
    "without a due date",
    "without a start date",
    "due by its start",
    "outside its weeks",
    "completed this week",
)


def gantt_head(first: date, last: date) -> list[str]:
    """The first lines of a Mermaid gantt chart from ``first`` to ``last``: its dates
    carry the year when the two are in different years."""
    axis = "%b %d" if first.year == last.year else "%b %d %Y"
    return ["gantt", "    dateFormat YYYY-MM-DD", f"    axisFormat {axis}", "    todayMarker off"]


def gantt_text(text: str, limit: int = 60) -> str:
    """:func:`chart_text` as a task's or section's name, which starts a gantt line: one
    Mermaid would read as a statement (:data:`_GANTT_WORD`) starts with a zero-width
    space."""
    cleaned = chart_text(text, limit)
    if _GANTT_WORD.match(cleaned):  # a zero-width space first: read as the name it is
        return "\u200b" + cleaned
    return cleaned


def chart_text(text: str, limit: int = 60) -> str:
    """Text safe inside a Mermaid gantt line (no ``:``, ``;``, ``#``, nor ``<`` and ``>``,
    which Mermaid renders as HTML: ``<b>`` would bolden the rest; a run of ``%`` - ``%%``
    opens a comment, ``%%{`` a directive - reads ``pct``, as the labels write progress:
    ``75 pct``, ``(25 pct)``), without its HTML comments (:func:`uncommented`), cut at a
    word boundary with an ellipsis when longer than ``limit`` characters."""
    plain = uncommented(text)
    if "%" in plain:  # (most titles: no pattern to compile)
        plain = _PERCENTS.sub(lambda found: " pct " if found.group(1) else " pct", plain)
    cleaned = " ".join(plain.translate(_CHART_SPACED).split())
    if len(cleaned) > limit:
        cut = cleaned[: limit - 1]
        if cleaned[limit - 1] != " " and " " in cut:
            cut = cut.rsplit(" ", 1)[0]
        cleaned = cut.rstrip() + "…"
    return cleaned or "goal"


#: The characters :func:`chart_text` makes spaces.
_CHART_SPACED = str.maketrans(dict.fromkeys(":;#<>\n\r", " "))


#: A run of ``%`` in a chart's text, and the letter or digit after it (``50%off``).
_PERCENTS = lazy(r"%+(?=([^\W_])?)")


#: What Mermaid's gantt reads at the start of a line, in any case, as a statement of its
#: own, not a task's name: a milestone "Title page of the capstone" became the chart's
#: title, "Section 5 done" a section, "Click through the quiz" and "2027-01-05 demo day"
#: broke the chart (found in a tryout, with mermaid 11).
_GANTT_WORD = lazy(
    r"(?:gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes"
    r"|excludes|todaymarker|weekday|weekend|title|acctitle|accdescr|section|click"
    r"|\d{4}-\d\d-\d\d)\b",  # a whole word: "Clicks on my profile" is a name
    re.IGNORECASE,
)
