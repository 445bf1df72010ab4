"""Achievable: a rate you can keep, and a load that fits your week."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from functools import partial

from journal.core.dates import weeks_between
from journal.core.formatting import listed, plural, shell_word
from journal.core.goal import Goal
from journal.core.progress import counted, decimals, pace, rate_of, start_of
from journal.core.rules.base import (
    Context,
    Problem,
    Rule,
    hours_over,
    line_of,
    number,
    to_pause,
)
from journal.core.words import spans_of, written_like

_EPSILON = 1e-9


def pace_out_of_reach(ctx: Context) -> Iterator[Problem]:
    settings = ctx.config.check
    for goal in ctx.active_goals:
        start = start_of(goal)
        base, current, target, due = goal.baseline, goal.current, goal.target, goal.due
        if base is None and ctx.missing(goal, "baseline"):
            base = goal.base  # where progress counts from without one (M005 only hints)
        if base is None or current is None or target is None or due is None or start is None:
            continue  # a missing or bad value is already an M, T001 or H005 finding
        if ctx.lacks_current(goal):
            continue  # so is a missing or bad `current` (M004, H005)
        if due <= ctx.today or start >= ctx.today:
            continue
        if weeks_between(start, ctx.today) < settings.pace_min_weeks:
            continue
        rates = pace(goal, ctx.today)
        if rates.status == "done" or rates.needed_per_week is None or rates.stepwise:
            continue  # one step left: it comes at once, at no weekly rate
        direction = 1 if target >= base else -1
        needed = rates.needed_per_week * direction
        seen = max((rates.seen_per_week or 0.0) * direction, 0.0)
        if needed <= settings.pace_ratio * seen + _EPSILON:
            continue
        expected = rates.expected if rates.expected is not None else base
        whole = counted(goal, ctx.today, current)  # as the scoreboard judges it
        if not seen and whole and abs(expected - base) < 1:
            continue  # whole steps, the line not yet at the first: no step is no lag

        # a goal counting down says so, as the review's scoreboard does ("needs to drop")
        drop, went = ("to drop ", "dropped") if direction < 0 else ("", "averaged")
        so_far = (
            f"has {went} {rate_of(goal, seen, whole)} since {start}"
            if seen > 0
            else f"has made no progress since {start}"
        )
        yield Problem(
            goal.path,
            line_of(goal, "target"),
            f"needs {drop}{rate_of(goal, needed, whole)} to reach {number(target)} by {due}, "
            f"but {so_far}",
            _pace_suggestion(
                current,
                target,
                direction,
                (start, due, ctx.today),
                seen,
                decimals(goal),
                partial(_set_target, ctx, goal),
            ),
        )


def _pace_suggestion(
    current: float,
    target: float,
    direction: int,
    when: tuple[date, date, date],
    seen: float,
    digits: int,
    set_target: Callable[[float], str],
) -> str:
    """Where the rate so far leads: the day it reaches the target (offered as the due day
    up to :func:`_far_day`, from ``when``: the goal's start, due day and today), and the
    value it reaches by due, to ``digits`` (:func:`decimals`: a target's) on the
    near side, offered as a target (worded by ``set_target``) only when it is a step
    beyond ``current``."""
    one_step = "if the progress comes in one step near the end, add `check_ignore: [A001]`"
    if seen <= 0:  # easing a goal that counts down is raising its target
        ease = "raise" if direction < 0 else "lower"
        return f"log the first step, move `due`, or {ease} `target`; {one_step}"
    start, due, today = when
    scale = 10**digits
    reached = (current + direction * seen * weeks_between(today, due)) * scale
    reachable = (math.floor(reached) if direction > 0 else math.ceil(reached)) / scale
    options = [set_target(reachable)] if (reachable - current) * direction > _EPSILON else []
    options.append("make more time for it")
    far = _far_day(start, due, today)
    days = abs(target - current) / seen * 7
    if days > (far - today).days:
        where = f"{number(target)} is far off (not reached by {far})"
    else:
        where = f"you reach {number(target)} around {today + timedelta(days=math.ceil(days))}"
        options.insert(0, "move `due` there")
    return f"at this rate {where}: {listed(options, 'or')}; {one_step}"


#: How far A001 offers to move a goal's due day: to this many times its span after its
#: start, and these many days ahead at most (five years).
_FAR_SPANS, _FAR_DAYS = 10, 5 * 365


def _far_day(start: date, due: date, today: date) -> date:
    """The last day A001 offers as a goal's due day: :data:`_FAR_SPANS` times its span
    after ``start``, :data:`_FAR_DAYS` after ``today`` at most (and within the calendar)."""
    span = (due - start).days
    far = min(start.toordinal() + _FAR_SPANS * span, today.toordinal() + _FAR_DAYS)
    return date.fromordinal(min(far, date.max.toordinal()))


def _set_target(ctx: Context, goal: Goal, to: float) -> str:
    """The option of setting ``goal``'s target to ``to``; when its title states the old
    target, changing the title too, the number written as the title writes it (``3,500``:
    ``4,874``): by the command that sets both when it states it once, else in words
    (which of its numbers to change is not the tool's guess)."""
    option = f"set `target` to {number(to)}"
    spans = spans_of(goal.title, goal.target or 0)
    if not spans:
        return option
    start, end = spans[0]
    old = goal.title[start:end]
    if len(spans) > 1:
        return f"{option} (and change the title, which says {old} too)"
    title = shell_word(goal.title[:start] + written_like(number(to), old) + goal.title[end:])
    command = f"journal set {ctx.goal_word(goal.path)} target={number(to)} title={title}"
    return f"{option} (`{command}`: the title says {old} too)"


def _by_age(goals: list[Goal]) -> list[Goal]:
    """Goals in the order they were taken on: ``created``, else ``start``; neither is last."""
    return sorted(goals, key=lambda g: (g.created or g.start or date.max, g.path))


def over_capacity(ctx: Context) -> Iterator[Problem]:
    hours = ctx.config.goals.hours_per_week
    # a goal whose start is still ahead takes no hours yet (a plan counts it from then)
    loaded = [
        g
        for g in _by_age(ctx.active_goals)
        if g.effort is not None and ((start := start_of(g)) is None or start <= ctx.today)
    ]
    everything = sum(g.effort or 0 for g in loaded)
    excess = hours_over(everything, hours)
    if not excess:
        return
    pausing = to_pause(loaded, excess, hours)
    pause = ", ".join(f"{ctx.catalog.link_to(g.path)} ({number(g.effort or 0)} h)" for g in pausing)
    command = f"`journal set {ctx.goal_word(pausing[0].path)} status=paused`" + (
        ", then the others likewise" if len(pausing) > 1 else ""
    )
    total = 0.0
    for goal in loaded:
        total += goal.effort or 0
        if hours_over(total, hours):
            yield Problem(
                goal.path,
                line_of(goal, "effort"),
                f"with this goal the active goals need {plural(round(total, 2), 'hour')} a week "
                f"(all of them: {number(everything)}), more than hours_per_week = {number(hours)}",
                f"pausing {pause} brings the week within it (a goal over the hours alone "
                "first, then activity goals, then the least confident, then the latest due, "
                "as a plan's Capacity section chooses: "
                f"{command}); or lower `effort`, or raise "
                "`hours_per_week` in .journal/config.toml if you really have the time",
            )


def too_many_goals(ctx: Context) -> Iterator[Problem]:
    """One finding for all the goals beyond the limit, at the first of them (by age)."""
    limit = ctx.config.goals.max_active_goals
    active = _by_age(ctx.active_goals)
    over = active[limit:]
    if not over:
        return
    which = listed(["this one", *(ctx.catalog.link_to(g.path) for g in over[1:])])
    yield Problem(
        over[0].path,
        line_of(over[0], "status"),
        f"{len(active)} goals are active, {len(over)} over max_active_goals = {limit}: {which}",
        "finish, pause or drop a goal first (this one: "
        f"`journal set {ctx.goal_word(over[0].path)} status=paused`), or raise "
        "`max_active_goals` in .journal/config.toml",
    )


RULES = (
    Rule(
        "A001",
        "pace-out-of-reach",
        "warning",
        "the weekly rate needed to reach the target by `due` is far above the rate so far",
        pace_out_of_reach,
    ),
    Rule(
        "A002",
        "over-capacity",
        "warning",
        "the `effort` of active goals adds up to more than `hours_per_week`",
        over_capacity,
    ),
    Rule(
        "A003",
        "too-many-goals",
        "warning",
        "more active goals than `max_active_goals`",
        too_many_goals,
    ),
)
