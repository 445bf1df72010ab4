"""The 90-day plan as data: weekly targets, milestones by week, capacity, focus.

A plan's rows are the vault's calendar weeks holding its days.  Each goal is
planned over its window, from its start to its due day within the plan, on the
straight line from its value when the window opens to its target on its due day.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from journal.core.catalog import Catalog, is_little_word
from journal.core.dates import Period, week_label, week_of
from journal.core.formatting import (
    markdown_text,
    number,
    numeric,
    plural,
    signed,
    single_line,
    uncommented,
)
from journal.core.goal import Goal, Milestone
from journal.core.links import composed
from journal.core.progress import (
    counted,
    overdue_milestones,
    past_due,
    places,
    planned,
    start_of,
    stepped,
)
from journal.core.records import Record, record
from journal.core.review import (
    Series,
    SeriesOf,
    chart_text,
    gantt_head,
    gantt_text,
    value_points,
)
from journal.core.rules.base import hours_over, to_pause
from journal.core.series import value_on

FOCUS_GOALS = 3  # goals named per month in the focus list


def plan_weeks(start: date, days: int, week_start: int = 0) -> list[Period]:
    """The weeks of a plan: the calendar weeks (starting on ``week_start``) holding its
    ``days`` days from ``start``, the first and last cut to the plan."""
    end = start + timedelta(days=days - 1)
    weeks = []
    day = start
    while day <= end:
        week = week_of(day, week_start)
        weeks.append(Period(day, min(week.end, end)))
        day = week.end + timedelta(days=1)
    return weeks


def goal_window(goal: Goal, plan: Period) -> Period | None:
    """The days of the plan a goal is worked on: from its start (or the plan's) to its
    due day, or to the plan's end when it is due later or has no due day; None when it
    starts after the plan, or is due before it (:func:`past_due`: a plan does not move
    a goal's due day, so it has no weeks in it)."""
    if past_due(goal, plan.start):
        return None
    first = max(start_of(goal) or plan.start, plan.start)
    last = goal.due if goal.due and first <= goal.due <= plan.end else plan.end
    return Period(first, last) if first <= last else None


@record(frozen=True, slots=True)
class Line(Record):
    """The straight line a goal is planned on: ``begin`` the day before ``first``,
    ``target`` on ``finish`` (which may lie after the plan).  ``held``: the goal was
    past its target already (4 interviews of 3, 74.5 kg of 75), so the line holds at
    the target - a plan never asks for a step back."""

    first: date
    finish: date
    begin: float
    target: float
    held: bool = False

    def on(self, day: date) -> float:
        """The value to reach by the end of ``day``."""
        if self.held:
            return self.target
        span = (self.finish - self.first).days + 1
        share = max(0, min((day - self.first).days + 1, span)) / span
        return self.begin + (self.target - self.begin) * share


@record(frozen=True, slots=True)
class MilestoneLine(Line):
    """The line of a goal measured by its milestones (``metric_source: milestones``): by
    the end of a day, the milestones due by then (``dues``, their due days); all of
    them (its target) from its ``finish``, the goal's due day, on."""

    dues: tuple[date, ...] = ()

    def on(self, day: date) -> float:
        return self.target if day >= self.finish else float(sum(due <= day for due in self.dues))


@record(frozen=True, slots=True)
class KeptLine(Line):
    """A goal's line as weekly targets a user edited and kept say it: straight from one
    week's target (at its last day; before the first, where the line begins) to the
    next, so Focus by month asks the way the table shows."""

    ends: tuple[date, ...] = ()
    values: tuple[float | None, ...] = ()

    def on(self, day: date) -> float:
        since, reached = self.first - timedelta(days=1), self.begin
        for end, value in zip(self.ends, self.values, strict=True):
            if value is None:
                continue
            if end >= day:
                if day <= since:
                    break
                return reached + (value - reached) * (day - since).days / (end - since).days
            since, reached = end, value
        return reached


@record(frozen=True, slots=True)
class Aim(Record):
    """What a row of a plan's ``targets`` was planned for: the value its line starts
    from (None when it does not say), its target and its due day."""

    begin: float | None
    target: float | None
    due: date | None


def goal_line(goal: Goal, window: Period, points: Series, last: date | None = None) -> Line | None:
    """The line from the goal's value when its window opens to its target on its due
    day (or the plan's last day when it has none, or one before its start: T007; or
    when it is due after it, by ``last``, the last day of the plan's last calendar
    week); for a goal measured by its milestones, the milestones due by each day
    (:class:`MilestoneLine`); None without a target (:attr:`~journal.core.goal.Goal.aim`),
    or a start (:attr:`~journal.core.goal.Goal.start_unknown`)."""
    target = goal.aim
    if target is None or goal.start_unknown:
        return None
    base = goal.base
    begin = value_on(points, window.start - timedelta(days=1), base)
    finish = goal.due if goal.due and goal.due >= window.start else window.end
    if last is not None and window.end < finish <= last:
        finish = window.end  # its target in the plan's last week, not short of it
    held = (target - base) * (target - begin) < 0  # begins beyond the target
    if goal.metric_source == "milestones":
        dues = tuple(m.due for m in goal.milestones if m.due is not None)
        return MilestoneLine(window.start, finish, begin, target, held, dues)
    return Line(window.start, finish, begin, target, held)


def planned_goals(
    goals: list[Goal], plan: Period, undated: Mapping[str, date | None] | None = None
) -> list[Goal]:
    """The goals a plan of ``plan``'s days holds: the active ones, and those completed
    since it began (a plan made again later keeps the goals done during it), those due
    before it too (with no weeks in it: :func:`goal_window`); not one that starts after
    its last day (a plan of last quarter made again holds none of this quarter's
    goals).  ``undated``: by path, the done goals without a ``completed``
    day to take as completed on the day it gives (git's), or, for None, to keep as
    planned (nothing tells when they were done); a done goal not in it is left out."""
    undated = undated or {}
    found = []
    for goal in goals:
        if goal.status == "done" and goal.completed is None:
            if goal.path not in undated:
                continue
            day = undated[goal.path]
            goal = goal if day is None else replace(goal, completed=day)
        done = goal.status == "done" and (goal.completed is None or goal.completed >= plan.start)
        held = goal_window(goal, plan) is not None or past_due(goal, plan.start)
        if (goal.status == "active" or done) and held:
            found.append(goal)
    return found


def build_plan(
    catalog: Catalog,
    start: date,
    days: int,
    hours_per_week: float,
    *,
    week_start: int = 0,
    series_of: SeriesOf | None = None,
    kept: Mapping[str, Mapping[str, float]] | None = None,
    aims: Mapping[str, Aim] | None = None,
    undated: Mapping[str, date | None] | None = None,
    milestones: Mapping[str, list[Milestone]] | None = None,
    max_active_goals: int | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """Everything the plan template shows, as plain data, as of ``today`` (without it,
    no month is over).  ``targets`` (per goal id, the value to reach by the end of each
    week, null before the goal's window, up to its last week, or the week a done goal
    was completed in) and ``starts`` (per goal id, the value its line starts from, as
    the table's "From" shows it) go into the front matter, for the review.
    ``undated``: the done goals without a ``completed`` day the plan holds
    (:func:`planned_goals`).  ``milestones``: by path, the milestones to take for a
    goal's (those ticked without a day, dated by git).  ``series_of``: each goal's
    values over time (by default :func:`value_points`, without git).  ``kept``: the
    weekly targets a user edited and kept (see
    :func:`~journal.core.plan_notes.read_targets`), which the table then shows, in each
    goal's weeks (a goal they name no target for gets an empty column), and Focus by
    month follows for the goals whose targets differ from the plan's
    (:class:`KeptLine`).  ``aims``: per goal id, what the kept targets of a row the
    user edited were planned for, which its row in the table says and its column runs
    to (the goal's target or due day may have changed since)."""
    weeks = plan_weeks(start, days, week_start)
    span = Period(start, weeks[-1].end)
    # the days due days and milestones are placed on: the plan's, and the rest of its
    # last calendar week (found in a tryout: a 90-day plan ends on a Saturday, and the
    # goals due on the quarter's last Sunday were in no section, short of their targets)
    reach = Period(start, week_of(span.end, week_start).end)
    whole = [*weeks[:-1], Period(weeks[-1].start, reach.end)]  # the last week whole
    labels = [week_label(w.start, week_start) for w in weeks]
    over = weeks_over(weeks, today, week_start)
    dated = milestones or {}
    goals = [
        replace(g, milestones=dated[g.path]) if g.path in dated else g
        for g in planned_goals(catalog.goals, span, undated)
    ]

    def link(goal: Goal) -> str:
        return catalog.link_to(goal.path)

    def titled(goal: Goal, milestone: Milestone) -> str:
        """A milestone's title, its links made to resolve from the plan."""
        return catalog.relinked(milestone.title, goal.path)

    series_of = series_of or value_points(catalog)
    windows = {g.path: goal_window(g, span) for g in goals}
    lines: dict[str, Line] = {}
    points: dict[str, Series] = {}  # the values of the goals with a line
    for goal in goals:
        window = windows[goal.path]
        if window is None:
            continue
        points[goal.path] = series_of(goal)
        line = goal_line(goal, window, points[goal.path], reach.end)
        if line is not None:
            lines[goal.path] = line
    with_line = [g for g in goals if g.path in lines]
    worked = _worked(goals, windows)  # a done goal has no target after its completed day
    in_steps = {  # by the end of each week: as known then, or today (:func:`_counted_by`)
        g.path: [_counted_by(g, points[g.path], w.end, today) for w in weeks] for g in with_line
    }
    values = {
        g.path: _weekly_values(g, lines[g.path], worked[g.path], weeks, in_steps[g.path])
        for g in with_line
    }
    aims = aims or {}
    ends = {  # the day each column ends: a kept row's on the due day it was planned for
        g.path: _last_day(replace(g, due=aims[g.key].due) if g.key in aims else g)
        for g in with_line
    }
    lasts = {g.path: _last_week(values[g.path], ends[g.path], weeks) for g in with_line}
    shown = values
    focused = lines  # the lines Focus by month follows
    if kept is not None:
        shown, focused = {}, dict(lines)
        for g in with_line:
            mine = kept.get(g.key, {})
            if not mine:  # an empty column: Focus asks nothing of it either
                del focused[g.path]
            shown[g.path] = [  # none after its last week (due or done), whatever `kept` says
                mine.get(label) if i <= lasts[g.path] else None for i, label in enumerate(labels)
            ]
            if mine and shown[g.path] != values[g.path]:  # this goal's targets were edited
                line = lines[g.path]
                focused[g.path] = KeptLine(
                    line.first,
                    line.finish,
                    line.begin,
                    line.target,
                    line.held,
                    tuple(min(w.end, line.finish) for w in weeks),  # a due day ends its week
                    tuple(shown[g.path]),
                )
    starts = {g.key: round(lines[g.path].begin, places(g)) for g in with_line}
    placed = sorted(  # the milestones of the table, by day, goal, title, done
        (
            (day, number_, g, m)
            for number_, g in enumerate(with_line, start=1)
            for day, m in _milestone_days(g, reach)
        ),
        key=lambda held: (held[0], held[1], held[3].title, held[3].is_done),
    )
    names = short_names([g.title for g in with_line])
    goal_titles = goal_names([g.title for g in with_line])
    late = _late(goals, today)
    return {
        "start": start.isoformat(),
        "end": span.end.isoformat(),
        "days": days,
        "goals": [link(g) for g in goals],
        "rows": [
            {
                "number": number_,
                "goal": link(g),
                "id": g.id,
                "key": g.key,
                "title": g.title,
                "short": names[number_ - 1],
                "unit": g.unit or "",
                "begin": number(starts[g.key] if aim.begin is None else aim.begin),
                "target": number(aim.target),
                "by": max(lines[g.path].finish, aim.due or span.start).isoformat(),
                "due": aim.due.isoformat() if aim.due else None,
            }
            for number_, g in enumerate(with_line, start=1)
            for aim in [aims.get(g.key, Aim(None, g.target, g.due))]
        ],
        "weeks": [
            {
                "label": label,
                "start": week.start.isoformat(),
                "end": week.end.isoformat(),
                "targets": [
                    {
                        "value": ""
                        if (v := shown[g.path][i]) is None
                        else asked(g, v, in_steps[g.path][i]),
                        # a week of the goal's own (kept targets may name others)
                        "due": (its := i <= lasts[g.path]) and ends[g.path] in days,
                        # the last week of a goal done in it: "done", not the line's value
                        "done": its and g.status == "done" and g.completed in days,
                    }
                    for g in with_line
                ],
                "milestones": [
                    {
                        "goal": number_,
                        "short": names[number_ - 1],
                        "goal_title": goal_titles[number_ - 1],
                        "title": titled(g, m),
                        "done": m.is_done,
                        "overdue": late.get((g.path, m.index)),
                    }
                    for day, number_, g, m in placed
                    if day in days
                ],
            }
            for i, (label, week, days) in enumerate(zip(labels, weeks, whole, strict=True))
        ],
        "unplanned": [
            {
                "goal": link(g),
                "starts": None,  # (a plan holds no goal that starts after it: for templates)
                "past_due": str(g.due) if past_due(g, span.start) else None,
                # counting down from a start not known: the command that gives it
                "no_start": (
                    f"journal log {catalog.goal_word(g.path)} =N"
                    if g.aim is not None and g.start_unknown
                    else None
                ),
                "milestones": [
                    {
                        "title": titled(g, m),
                        "due": day.isoformat(),
                        "done": m.is_done,
                        "dates": _dates(m),
                        "overdue": late.get((g.path, m.index)),
                    }
                    for day, m in _milestone_days(g, reach)
                ],
            }
            for g in goals
            if g.path not in lines
        ],
        "capacity": {
            **_capacity(
                [g for g in goals if windows[g.path]],
                worked,
                weeks,
                labels,
                hours_per_week,
                link,
                earlier=_kept_before(catalog.goals, goals, kept or {}, weeks, labels, over),
                over=over,
                gaps={  # the ended weeks a goal keeps no weekly target in: no hours then
                    g.path: {i for i in range(over) if labels[i] not in kept.get(g.key, {})}
                    for g in with_line
                }
                if kept is not None
                else {},
            ),
            **_too_many(catalog.goals, max_active_goals),
        },
        "focus": _focus(goals, worked, focused, points, link, titled, reach, span, today, late),
        "chart": _gantt(goals, worked, span, reach),
        "targets": {g.key: _trimmed(values[g.path]) for g in with_line},
        "starts": starts,
    }


SHORT_CHARS = 24  # a goal's short name: its title's first words within so many characters


def short_names(titles: Sequence[str]) -> list[str]:
    """Each title's short name, heading its column of the weekly targets: as many of its
    first words as fit in :data:`SHORT_CHARS` characters, not ending on a little word
    (``Attend two HR events``, not ``... events a``; a longer first word cut, ending in
    ``…``), without HTML comments, as markdown text (:func:`markdown_text`).  Names
    that would be the same (in any case) are told apart by a word (:func:`_told_apart`),
    and those of titles the same throughout, or empty, end in the goal's number,
    ``Budget (3)``."""
    words = [_plain(title).split(" ") for title in titles]
    names = [_short(w, _fitting(w)) for w in words]
    alike: dict[str, list[int]] = {}
    for at, name in enumerate(names):
        alike.setdefault(name.casefold(), []).append(at)
    for group in alike.values():
        for at in group if len(group) > 1 else ():
            names[at] = _told_apart(words[at], [words[other] for other in group if other != at])
    return _apart(names)


def _told_apart(words: list[str], others: list[list[str]]) -> str:
    """The short name of the title of ``words`` among ``others`` whose short names are
    the same: its first words and the first word where it differs from the closest of
    them, not a little word (the next one instead), ``Present people … dashboard``;
    its first words as many as fit in :data:`SHORT_CHARS` characters with that word
    (the ellipsis not counted).  Its usual short name when the others differ from it
    only after its end (or it is one of them), or inside its first word."""
    differ = max(_same_words(words, other) for other in others)
    if differ in (0, len(words)):
        return _short(words, _fitting(words))
    telling = [at for at in range(differ, len(words)) if not is_little_word(words[at])]
    at = telling[0] if telling else differ
    word = _short(words[at:], 1, SHORT_CHARS // 2)
    room = SHORT_CHARS - len(word) - 1
    first = words[:at]
    lead = _short(first, _fitting(first, room), room)
    whole = lead == " ".join(first) or lead.endswith("…")  # no words left out, or an ellipsis
    return f"{lead} {word}" if whole else f"{lead} … {word}"


def _same_words(words: list[str], other: list[str]) -> int:
    """How many first words ``words`` and ``other`` have the same, in any case."""
    pairs = zip(words, other, strict=False)
    return next(
        (at for at, (mine, theirs) in enumerate(pairs) if mine.casefold() != theirs.casefold()),
        min(len(words), len(other)),
    )


def _fitting(words: list[str], chars: int = SHORT_CHARS) -> int:
    """How many of ``words`` a short name keeps: as many as fit in ``chars``
    characters, one at least, then fewer while a cut one would end on a little word."""
    count = max(
        (n for n in range(1, len(words) + 1) if len(" ".join(words[:n])) <= chars),
        default=1,
    )
    while count < len(words) and count > 1 and is_little_word(words[count - 1]):
        count -= 1
    return count


def goal_names(titles: Sequence[str]) -> list[str]:
    """Each title whole, as :func:`short_names` writes the short ones: how a milestone
    names its goal."""
    return _apart([_plain(title) for title in titles])


def _plain(title: str) -> str:
    """A title on one line, without its HTML comments."""
    return single_line(uncommented(title))


def _apart(names: list[str]) -> list[str]:
    """``names`` as markdown text, those that are the same (in any case), or empty,
    ending in their number (their place, from 1): a numbered name is unique, so a name
    that reads as one is numbered too."""
    numbered: set[int] = set()
    while True:
        alike = Counter(name.casefold() for name in names)
        same = [
            at
            for at, name in enumerate(names)
            if at not in numbered and (alike[name.casefold()] > 1 or not name)
        ]
        if not same:
            return [markdown_text(name) for name in names]
        for at in same:
            names[at] = f"{names[at]} ({at + 1})".lstrip()
            numbered.add(at)


def _short(words: list[str], count: int, chars: int = SHORT_CHARS) -> str:
    """The first ``count`` of ``words``, a single word longer than ``chars`` cut to it
    with ``…``."""
    text = " ".join(words[:count])
    return text if len(text) <= chars else text[: chars - 1] + "…"


def keep_ended(
    targets: Mapping[str, list[float | None]],
    written: Mapping[str, Mapping[str, float]],
    labels: Sequence[str],
    ended: int,
    begun: int,
) -> dict[str, list[float | None]]:
    """``targets`` (per goal id, a value per week of ``labels``) with the first ``ended``
    weeks as the plan note holds them (``written``,
    :func:`~journal.core.plan_notes.read_targets`): a week over keeps the targets its
    review judged by, whatever the goals' targets, due days, history or status say now.
    A goal planned since (added, or started, later) has none in them; one planned then
    and no more (dropped, paused) keeps a row of them, and its target of the week in
    progress too (the first ``begun`` weeks): the week began with it."""
    kept = {}
    for key in sorted({*targets, *written}):
        now = targets.get(key)
        old = written.get(key, {})
        held = ended if now is not None else begun
        row = [
            old.get(label) if i < held else (now[i] if now and i < len(now) else None)
            for i, label in enumerate(labels)
        ]
        if any(value is not None for value in row):
            kept[key] = _trimmed(row)
    return kept


def as_kept(
    targets: Mapping[str, list[float | None]], labels: Sequence[str]
) -> dict[str, dict[str, float]]:
    """``targets`` as :func:`build_plan` takes weekly targets to show (``kept``)."""
    return {
        key: {label: v for label, v in zip(labels, values, strict=False) if v is not None}
        for key, values in targets.items()
    }


def _weekly_values(
    goal: Goal, line: Line, window: Period | None, weeks: list[Period], in_steps: list[bool]
) -> list[float | None]:
    """The line's value by the end of each week of the goal's window (None outside), to
    the goal's precision: what the ``targets`` property holds and the review reads (a
    goal counted in whole numbers by then, ``in_steps``, is asked the whole part of it:
    :func:`asked`)."""
    digits = places(goal)
    return [
        _to_places(goal, line.on(w.end), digits, whole) if window and window.overlaps(w) else None
        for w, whole in zip(weeks, in_steps, strict=True)
    ]


def _counted_by(goal: Goal, points: Series, day: date, today: date | None) -> bool:
    """Whether the plan asks ``goal``'s value by the end of ``day`` in whole steps: as
    it was counted (:func:`counted`) by then, at its value then (``points``), or by
    ``today`` for a day to come (as it is now without ``today``), as the review judges
    that day: a check-in in decimals after a week leaves that week's targets whole."""
    if today is None:
        return counted(goal)
    seen = min(day, today)
    return counted(goal, seen, value_on(points, seen, goal.base))


def _to_places(goal: Goal, value: float, digits: int, whole: bool) -> float:
    """``value`` rounded to ``digits``, unless that carries it to a whole step the line
    has not reached (1.98 interviews to 2.0, asked as 2 the day before they are due)
    for a goal counted in whole numbers (``whole``): then cut towards where the line
    comes from (1.9)."""
    shown = round(value, digits)
    if not whole or stepped(goal, shown, True) == stepped(goal, value, True):
        return shown
    scale = 10**digits
    if (goal.target or 0) < goal.base:
        return float(math.ceil(value * scale) / scale)
    return float(math.floor(value * scale) / scale)


def asked(goal: Goal, value: float, whole: bool) -> str:
    """A weekly target of ``goal`` as the plan's table shows it (:func:`planned`)."""
    return number(planned(goal, value, whole))


def _trimmed(values: list[float | None]) -> list[float | None]:
    """``values`` without the Nones after the last value."""
    while values and values[-1] is None:
        values = values[:-1]
    return values


def _worked(goals: list[Goal], windows: dict[str, Period | None]) -> dict[str, Period | None]:
    """The windows the goals take time in: a done goal's ends on its ``completed`` day."""
    worked = dict(windows)
    for goal in goals:
        window = windows[goal.path]
        if window and goal.status == "done" and goal.completed is not None:
            end = min(window.end, goal.completed)
            worked[goal.path] = Period(window.start, end) if window.start <= end else None
    return worked


def weeks_over(weeks: Sequence[Period], today: date | None, week_start: int) -> int:
    """How many of ``weeks`` have ended by ``today`` (those before its week; none
    without it)."""
    if today is None:
        return 0
    this_week = week_of(today, week_start).start
    return sum(week.end < this_week for week in weeks)


def _kept_before(
    goals: Sequence[Goal],
    planned: Sequence[Goal],
    kept: Mapping[str, Mapping[str, float]],
    weeks: Sequence[Period],
    labels: Sequence[str],
    over: int,
) -> list[tuple[Goal, Period]]:
    """The goals planned no more (paused, dropped) that keep targets in the first
    ``over`` weeks, those that ended (:func:`keep_ended`), each with the weeks from the
    first to the last of those: it took time in them."""
    paths = {g.path for g in planned}
    found = []
    for goal in goals:
        mine = kept.get(goal.key, {}) if goal.path not in paths else {}
        held = [i for i, label in enumerate(labels[:over]) if mine.get(label) is not None]
        if held:
            found.append((goal, Period(weeks[held[0]].start, weeks[held[-1]].end)))
    return found


def _capacity(
    goals: list[Goal],
    windows: dict[str, Period | None],
    weeks: list[Period],
    labels: list[str],
    hours: float,
    link: Callable[[Goal], str],
    *,
    earlier: Sequence[tuple[Goal, Period]] = (),
    over: int = 0,
    gaps: Mapping[str, set[int]] | None = None,
) -> dict[str, Any]:
    """Per run of weeks counting the same goals (those with an ``effort`` whose window
    covers the week, but in the weeks ``gaps`` gives it, where it keeps no target: it
    was paused then; a done goal's ends on its ``completed`` day; a goal planned no
    more, in the weeks ``earlier`` gives it): their weekly effort against ``hours``,
    and where that is over, the goals to pause (see
    :func:`~journal.core.rules.base.to_pause`) in its weeks from ``ahead``, the first
    not over: a run of the first ``over`` weeks alone, which ended, has none."""
    windows = {**windows, **{g.path: weeks_of for g, weeks_of in earlier}}
    everyone = [*goals, *(g for g, _ in earlier)]
    gaps = gaps or {}
    runs: list[dict[str, Any]] = []
    previous: list[Goal] | None = None
    seen: list[Goal] = []  # the goals counted in a week before
    peak = 0.0
    for i, (week, label) in enumerate(zip(weeks, labels, strict=True)):
        counted = [
            g
            for g in everyone
            if g.effort
            and (w := windows[g.path])
            and w.overlaps(week)
            and i not in gaps.get(g.path, ())
        ]
        if counted != previous:
            effort = sum(g.effort or 0 for g in counted)
            excess = hours_over(effort, hours)
            before = previous or []
            left = [g for g in before if g not in counted]
            paused = [g for g in left if g.status == "paused" or i in gaps.get(g.path, ())]
            peak = max(peak, effort)
            runs.append(
                {
                    "first": label,
                    "last": label,
                    "weeks": 1,
                    "ahead": None,
                    "effort": numeric(number(effort)),  # 0.1 + 0.2 is 0.3
                    "over": excess > 0,
                    "goals": len(counted),
                    "ended": [link(g) for g in left if g.status == "active" and g not in paused],
                    "done": [link(g) for g in left if g.status == "done" and g not in paused],
                    "paused": [link(g) for g in paused],
                    "dropped": [link(g) for g in left if g.status == "dropped" and g not in paused],
                    "started": [link(g) for g in counted if previous is not None and g not in seen],
                    "resumed": [link(g) for g in counted if g in seen and g not in before],
                    "pause": [],
                }
            )
            previous = counted
            seen += [g for g in counted if g not in seen]
        else:
            runs[-1]["last"] = label
            runs[-1]["weeks"] += 1
        if i >= over and runs[-1]["ahead"] is None:  # advice from this week on
            runs[-1]["ahead"] = label
            runs[-1]["pause"] = [
                {"goal": link(g), "effort": numeric(number(g.effort))}
                for g in to_pause(counted, excess, hours)
            ]
    return {
        "hours": numeric(number(hours)),
        "peak": numeric(number(peak)),
        "over": hours_over(peak, hours) > 0,
        "runs": runs,
        "without_effort": [link(g) for g in goals if g.effort is None],
        "goals": len(goals),
    }


def _too_many(goals: Sequence[Goal], limit: int | None) -> dict[str, Any]:
    """The active goals against ``limit`` (``max_active_goals``), as A003 counts them."""
    active = sum(g.status == "active" for g in goals)
    over = max(active - limit, 0) if limit is not None else 0
    return {"active": active, "max_active": limit, "too_many": over}


def _focus(
    goals: list[Goal],
    worked: Mapping[str, Period | None],
    lines: dict[str, Line],
    points: Mapping[str, Series],
    link: Callable[[Goal], str],
    titled: Callable[[Goal, Milestone], str],
    reach: Period,
    span: Period,
    today: date | None,
    late: Mapping[tuple[str, int], int],
) -> list[dict[str, Any]]:
    """Per month of the plan, what was planned for it: the goals that need the most
    progress in it (the largest share of their planned way, with the value to reach by
    the month's end; not one done in the month, nor in a month not over by ``today``
    one done or whose value - ``points``: by the month's end, or now - is there
    already); the milestones (``titled``) and due days that fall in it
    (:func:`_goal_day`; in the last month, up to ``reach``, the end of the plan's last
    calendar week), with the days each
    is overdue (``late``, :func:`_late`; an active goal's past its due day); and the
    goals ``worked`` on in it.  A goal done before the month is in none of its lists."""
    months: list[dict[str, Any]] = []
    day = span.start.replace(day=1)
    while day <= span.end:
        following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        month = Period(max(day, span.start), min(following - timedelta(days=1), span.end))
        placed = Period(month.start, reach.end if month.end == span.end else month.end)
        over = today is not None and month.end < today
        eve = month.start - timedelta(days=1)
        live = [g for g in goals if not _done_by(g, eve)]
        needs = []
        for goal in live:
            line = lines.get(goal.path)
            if line is None or line.held or line.target == line.begin:
                continue
            before, after = line.on(eve), line.on(month.end)
            share = (after - before) / (line.target - line.begin)
            # the change between the values shown (as the plan asks them, each as the
            # goal was counted by its day), so the months add up
            mine = points[goal.path]
            aim = planned(goal, after, _counted_by(goal, mine, month.end, today))
            start = planned(goal, before, _counted_by(goal, mine, eve, today))
            change = round(aim - start, places(goal))
            listed = _goal_day(goal)  # a goal done by hand that git can't date: its due day
            if change == 0 or (
                goal.status == "done" and (not over or (listed is not None and listed <= month.end))
            ):
                continue  # done in the month (its Due list says so), or done by now
            if not over:  # still to come: not one that is there already
                has = value_on(mine, month.end, goal.base)
                if (aim - has) * (line.target - line.begin) <= 0:
                    continue
            needs.append((-share, composed(goal.path), goal, change, aim))
        needs.sort(key=lambda n: n[:2])
        items = [
            {
                "goal": link(g),
                "milestone": titled(g, m),
                "due": day.isoformat(),
                "done": m.is_done,
                "dates": _dates(m, dated=True),
                "overdue": late.get((g.path, m.index)),
            }
            for g in goals
            for day, m in _milestone_days(g, reach)
            if day in placed
        ] + [
            {
                "goal": link(g),
                "milestone": None,
                "due": shown.isoformat(),
                "done": g.status == "done",
                "dates": f"due {g.due}" if g.due and g.due != shown else None,
                "overdue": (
                    (today - shown).days
                    if today and g.status == "active" and shown < today
                    else None
                ),
            }
            for g in live
            if (shown := _goal_day(g)) and shown in placed
        ]
        items.sort(key=lambda i: (i["due"], i["goal"], i["milestone"] or ""))
        months.append(
            {
                "month": day.strftime("%B %Y"),
                "end": month.end.isoformat(),
                "goals": [
                    {
                        "goal": link(goal),
                        "unit": goal.unit or "",
                        "change": signed(change),
                        "reach": number(aim),
                        "done": None,  # none is done since 2026-12: kept for templates
                    }
                    for _, _, goal, change, aim in needs[:FOCUS_GOALS]
                ],
                "items": items,
                "worked": [link(g) for g in goals if (w := worked[g.path]) and w.overlaps(month)],
            }
        )
        day = following
    return months


def _late(goals: list[Goal], today: date | None) -> dict[tuple[str, int], int]:
    """By goal path and milestone index, the days each open milestone of the active
    ``goals`` is overdue on ``today`` (:func:`overdue_milestones`, as the review counts
    them)."""
    if today is None:
        return {}
    return {
        (goal.path, m.index): days
        for goal in goals
        if goal.status == "active"
        for days, m in overdue_milestones(goal, today)
    }


def _goal_day(goal: Goal) -> date | None:
    """The day Focus by month lists a goal on: the day it was done (as a milestone,
    :func:`_shown_on`), else its due day."""
    done = goal.completed if goal.status == "done" else None
    return done or goal.due


def _dates(milestone: Milestone, *, dated: bool = False) -> str | None:
    """For a milestone done on another day than it was due (it falls on the day done,
    :func:`_shown_on`), ``due 2026-12-11, done 2026-11-23``, or ``due 2026-12-11`` on a
    line ``dated`` by the day done already; else None."""
    due, done = milestone.due, milestone.done_on
    if not (due and done and due != done):
        return None
    return f"due {due}" if dated else f"due {due}, done {done}"


def _done_by(goal: Goal, day: date) -> bool:
    """The goal was completed on or before ``day``: nothing is left to do by then."""
    return goal.status == "done" and goal.completed is not None and goal.completed <= day


def _shown_on(goal: Goal, milestone: Milestone, span: Period) -> date | None:
    """The day of the plan of ``span`` every section shows ``milestone`` on: the day it
    was done (one ticked without a day: its due day), else its due day (found in a
    tryout: one done late was in its due week in the table and Focus by month, on the
    day done in the timeline; reported: one done early, before the plan, was on its due
    day, one done late on its done day).  None when that day is not in the plan (one
    done before it is in none, as a goal done before it), and for one left unticked
    when its goal was completed before its day."""
    day = milestone.done_day or milestone.due
    if day is None or day not in span or (not milestone.is_done and _done_by(goal, day)):
        return None
    return day


def _milestone_days(goal: Goal, span: Period) -> list[tuple[date, Milestone]]:
    """The goal's milestones the plan of ``span`` shows, each with its day
    (:func:`_shown_on`), in day order (then file order)."""
    found = [(_shown_on(goal, m, span), m) for m in goal.milestones]
    return sorted(((day, m) for day, m in found if day is not None), key=lambda held: held[0])


def _last_week(values: Sequence[float | None], end: date | None, weeks: Sequence[Period]) -> int:
    """The last week (its number) of a goal's column, of ``values``: the week holding
    ``end``, the day its targets end (:func:`_last_day`), or that of its last value when
    the plan has no such week; -1 for a column of no value."""
    own = [i for i, v in enumerate(values) if v is not None]
    held = [i for i, week in enumerate(weeks) if end is not None and week.start <= end]
    return -1 if not own else held[-1] if held else own[-1]


def _last_day(goal: Goal) -> date | None:
    """The day a goal's weekly targets end on: its due date, or its ``completed`` day
    when it was done before (nothing is left to reach after it)."""
    done = goal.completed if goal.status == "done" else None
    return done if done and (goal.due is None or done < goal.due) else goal.due


def _gantt(
    goals: list[Goal], windows: dict[str, Period | None], span: Period, reach: Period
) -> str:
    """The plan's timeline: each goal's window and its milestones (up to ``reach``, the
    end of its last calendar week), with an ``accTitle`` and ``accDescr`` that say in
    words what it shows, for a screen reader."""
    lines = gantt_head(span.start, span.end)  # found in a tryout: no year across a new year
    shown: list[Goal] = []
    milestones: list[Milestone] = []
    for index, goal in enumerate(goals, start=1):
        window = windows[goal.path]
        if window is None:
            continue
        shown.append(goal)
        lines.append(f"    section {gantt_text(goal.title)}")
        lines.append(f"    window :g{index}, {window.start}, {window.end + timedelta(days=1)}")
        for number_, m in enumerate(goal.milestones, start=1):
            day = _shown_on(goal, m, reach)
            if day is not None:
                milestones.append(m)
                state = "done, " if m.is_done else ""
                lines.append(
                    f"    {gantt_text(m.title)} :{state}milestone, g{index}m{number_}, {day}, 0d"
                )
    title = f"    accTitle: Timeline of {plural(len(shown), 'goal')}, {span.start} to {span.end}"
    return "\n".join([lines[0], title, _described(shown, milestones, span, reach), *lines[1:]])


def _described(shown: list[Goal], milestones: list[Milestone], span: Period, reach: Period) -> str:
    """The timeline's ``accDescr`` line: its goals (how many are done, when some are),
    milestones and the first goal due that is not done (``still due`` once some are)."""
    if not shown:
        return "    accDescr: no goal in these weeks"
    done = sum(m.is_done for m in milestones)
    held = (
        f"{plural(len(milestones), 'milestone')}, {f'{done} of them' if done else 'none'} done"
        if milestones
        else "no milestone"
    )
    finished = sum(g.status == "done" for g in shown)
    still = "still " if finished else ""
    due = sorted(
        (g.due, chart_text(g.title))
        for g in shown
        if g.due and g.due in reach and g.status != "done"
    )
    ending = (
        f"{plural(len(due), 'goal')} {still}due in these weeks, "
        f"{'the first ' if len(due) > 1 else ''}{due[0][1]} on {due[0][0]}"
        if due
        else f"no goal {still}due in these weeks"
    )
    goals = f"{plural(len(shown), 'goal')} from {span.start} to {span.end}"
    if finished:
        goals += f", {finished} of them done,"
    return f"    accDescr: {goals} with {held}, and {ending}"
