"""Time-bound: a due date, a window milestones fit in, and a check-in rhythm kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise

from journal.core.dates import DateError, parse_date
from journal.core.formatting import plural, shell_word, signed
from journal.core.goal import Goal
from journal.core.networking import implied_day
from journal.core.progress import (
    last_checkin,
    overdue_milestones,
    quiet_since,
    quiet_too_long,
    reached,
    start_of,
    step,
)
from journal.core.rules.base import Context, Problem, Rule, line_of

#: How far ahead T001's example due day is: a quarter, the span of a 90-day plan.
SUGGESTED_HORIZON = timedelta(days=90)


def missing_due(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.open_goals:
        if ctx.missing(goal, "due"):
            yield Problem(
                goal.path,
                line_of(goal, "due"),
                "no due date: the goal is not time-bound",
                "add `due:` with the day it should be done, e.g. "
                f"`due: {ctx.today + SUGGESTED_HORIZON}`",
            )


def overdue(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.active_goals:
        if goal.due is not None and goal.due < ctx.today:
            days = (ctx.today - goal.due).days
            word = ctx.goal_word(goal.path)
            new_due = f"set a new `due` (`journal set {word} due=YYYY-MM-DD`)"
            if goal.current is not None and reached(goal, goal.current):
                fix = f"mark it done (`journal set {word} status=done`), or {new_due}"
            else:  # short of its target (or none says): done would record it as a win
                fix = (
                    f"{new_due}, or drop it (`journal set {word} status=dropped`); "
                    f"`status=done` if it was reached after all"
                )
            yield Problem(
                goal.path,
                line_of(goal, "due"),
                f"due {goal.due} passed {plural(days, 'day')} ago and the goal is still active",
                fix,
            )


def due_before_start(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.open_goals:
        start, key = (goal.start, "start") if goal.start else (goal.created, "created")
        if goal.due is not None and start is not None and goal.due < start:
            yield Problem(
                goal.path,
                line_of(goal, "due"),
                f"due {goal.due} is before the goal starts ({key}: {start}), so it has no "
                "window to pace it by",
                f"set `due` after {start} (`journal set {ctx.goal_word(goal.path)} "
                f"due=YYYY-MM-DD`), or fix `{key}`",
            )


def no_start(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.open_goals:
        if ctx.missing(goal, "start") and ctx.missing(goal, "created"):
            first = start_of(goal)  # its first check-in, if any
            yield Problem(
                goal.path,
                line_of(goal, "start"),
                "neither `start` nor `created`: nothing says when the goal began, so "
                + (
                    f"its pace is judged from its first check-in ({first})"
                    if first
                    else "its pace can't be judged"
                ),
                f"add `start:` with the day work on it began, e.g. `start: {ctx.today}` "
                "(`journal new goal` writes `created` and `start`)",
            )


#: The longest a long goal may go without a checkpoint (T003): a quarter.
QUARTER_DAYS = 92


def long_horizon(ctx: Context) -> Iterator[Problem]:
    limit = ctx.config.check.max_horizon_days
    for goal in ctx.open_goals:
        start = start_of(goal) or ctx.today
        if goal.due is None or (goal.due - start).days <= limit:
            continue
        runs = f"runs {(goal.due - start).days} days ({start}..{goal.due}), more than "
        runs += f"max_horizon_days = {limit}"
        if not goal.milestones:
            message = f"{runs}, with no milestones"
        elif gap := _longest_gap(goal, start, goal.due):
            message = f"{runs}, and {gap}"
        else:
            continue
        yield Problem(
            goal.path,
            line_of(goal, "due" if not goal.milestones else "milestones"),
            message,
            "add `milestones:` with a checkpoint at least every quarter, each with a title "
            "and a due date",
        )


def _longest_gap(goal: Goal, start: date, due: date) -> str | None:
    """The longest stretch of ``goal`` between its start, its milestones' due dates (those
    inside its window) and its ``due``, said, when it is longer than a quarter."""
    points = [(start, f"the start ({start})")]
    points += sorted(
        (m.due, f"milestone {m.index + 1} '{m.title}' ({m.due})")
        for m in goal.milestones
        if m.due is not None and start < m.due <= due
    )
    points.append((due, f"the due date ({due})"))
    (since, first), (until, last) = max(pairwise(points), key=lambda p: (p[1][0] - p[0][0]).days)
    days = (until - since).days
    return (
        f"{days} days pass with no checkpoint, from {first} to {last}"
        if days > QUARTER_DAYS
        else None
    )


def milestone_outside_window(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.open_goals:
        start = goal.start or goal.created  # a first check-in is no start to judge by
        for milestone in goal.milestones:
            if milestone.due is None:
                continue
            name = f"milestone {milestone.index + 1} '{milestone.title}'"
            if start is not None and milestone.due < start:
                where = f"before the goal starts ({start})"
            elif goal.due is not None and milestone.due > goal.due:
                where = f"after the goal is due ({goal.due})"
            else:
                continue
            yield Problem(
                goal.path,
                line_of(goal, "milestones"),
                f"{name} is due {milestone.due}, {where}",
                "move the milestone's due date inside the goal's window, or move `start`/`due`",
            )


def milestones_out_of_order(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.open_goals:
        dated = [(m, m.due) for m in goal.milestones if m.due is not None]
        for (before, before_due), (after, after_due) in pairwise(dated):
            if after_due < before_due:
                yield Problem(
                    goal.path,
                    line_of(goal, "milestones"),
                    f"milestone {after.index + 1} '{after.title}' (due {after_due}) is listed "
                    f"after milestone {before.index + 1} '{before.title}' (due {before_due}) "
                    "but due before it",
                    "list milestones in the order they are due, or fix the dates",
                )


def milestone_overdue(ctx: Context) -> Iterator[Problem]:
    now = ctx.catalog.today or ctx.today  # a past week's review judges as of its end
    for goal in ctx.active_goals:
        for days, milestone in overdue_milestones(goal, ctx.today, now):
            yield Problem(
                goal.path,
                line_of(goal, "milestones"),
                f"milestone {milestone.index + 1} '{milestone.title}' is "
                f"{plural(days, 'day')} overdue (due {milestone.due}) and not done",
                f"mark it done (`journal done {ctx.goal_word(goal.path)} --milestone "
                f"{shell_word(milestone.title)}`), or move its `due` to the day you now expect it",
            )


def undated_milestone(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.open_goals:
        for milestone in goal.milestones:
            if milestone.due is None and not milestone.is_done:
                yield Problem(
                    goal.path,
                    milestone.line or line_of(goal, "milestones"),
                    f"milestone {milestone.index + 1} '{milestone.title}' has no due day, so "
                    "no plan or review can place it",
                    "give it the day you mean to reach it by (`due: YYYY-MM-DD` under its "
                    "title), or drop it (`dropped: true`)",
                )


def stale(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.active_goals:
        rhythm = ctx.review_every(goal)
        since = quiet_too_long(goal, ctx.today, rhythm.days, goal.current, ctx.catalog.supporters)
        if since is None:
            continue
        latest = last_checkin(goal, until=ctx.today)
        gap = (ctx.today - since).days
        what = f"no check-in since {since}" if latest else f"no check-in since it began ({since})"
        if since != quiet_since(goal, ctx.today):  # a goal supporting it was checked in later
            what = f"no check-in since {since}, the last of a goal supporting it"
        counted = goal.metric_source == "meetings"
        met = ctx.catalog.last_meeting_for(goal, since, ctx.today) if counted else None
        if met is not None:  # held since, counted once its outcome is filled in
            fix = (
                f"fill in `outcome:` in {met.path}, `none` if nothing came of it (an outcome "
                "goal counts a meeting once it says what it led to)"
            )
        elif counted:  # a +N line would not count
            fix = (
                "note a meeting for it (`journal new meeting --with PERSON --goal "
                f"{ctx.goal_word(goal.path)}`), or a line without a number under "
                f"`## Log`, e.g. `- {ctx.today}: WHAT YOU DID`"
            )
        elif goal.metric_source == "milestones":  # measured by them: no number to log
            fix = (
                f"mark a milestone reached (`journal done {ctx.goal_word(goal.path)} "
                "--milestone TITLE`), or add a line without a number under `## Log`, e.g. "
                f"`- {ctx.today}: WHAT YOU DID`"
            )
        elif ctx.missing(goal, "metric") and ctx.missing(goal, "target"):  # no number to log
            fix = f"add a line without a number under `## Log`, e.g. `- {ctx.today}: WHAT YOU DID`"
        else:  # a `+N` line by hand would leave `current` behind (M007)
            fix = (
                f"log what you did: `journal log {ctx.goal_word(goal.path)} "
                f"{signed(step(goal))} {shell_word('WHAT YOU DID')}` (it keeps `current` "
                "in step), or a line without a number under `## Log`, e.g. "
                f"`- {ctx.today}: WHAT YOU DID`"
            )
        yield Problem(
            goal.path,
            line_of(goal, "review_every"),
            f"{what}: {gap} days, longer than its review rhythm of {plural(rhythm.days, 'day')}",
            f"{fix}, or set a slower `review_every`",
        )


def future_dated(ctx: Context) -> Iterator[Problem]:
    now = ctx.catalog.today or ctx.today  # a past week's review judges as of its end
    for goal in ctx.goals:
        if goal.completed is not None and goal.completed > now:
            yield Problem(
                goal.path,
                line_of(goal, "completed"),
                f"completed {goal.completed} is after today ({now})",
                "set the day it was done: "
                f"`journal set {ctx.goal_word(goal.path)} completed=YYYY-MM-DD`",
            )
        for milestone in goal.milestones:
            if milestone.done_on is not None and milestone.done_on > now:
                yield Problem(
                    goal.path,
                    line_of(goal, "milestones"),
                    f"milestone '{milestone.title}' is done on {milestone.done_on}, after "
                    f"today ({now})",
                    "set the day it was done, or `done: false` until it is",
                )
        for checkin in goal.checkins:  # meetings ahead count on their day
            if checkin.day > now and ctx.judges(goal, checkin):
                yield Problem(
                    checkin.path or goal.path,
                    checkin.line,
                    f"check-in dated {checkin.day}, after today ({now}): a check-in records "
                    "what happened",
                    "fix the date (a typo?), or add the line on the day it happens",
                    goal.path,
                )
    if ctx.goals_only:
        return
    # meetings by their stored property, not typed: a check of a big vault types none
    for path, text in ctx.catalog.property_texts("meeting", "follow_up_done"):
        try:
            done = parse_date(text)
        except DateError:
            continue  # not a date: H005's
        if done > now:
            yield Problem(
                path,
                ctx.catalog.by_path[path].key_lines.get("follow_up_done", 1),
                f"follow_up_done {done} is after today ({now})",
                "set the day the follow-up was sent, or `false` until it is",
            )


def before_start(ctx: Context) -> Iterator[Problem]:
    """Check-ins with a value, and ``completed``, dated before the goal's ``start``:
    what ``journal log --date`` and ``journal done --date`` refuse, written by hand or
    left behind by ``journal set GOAL start=`` moved later."""
    for goal in ctx.goals:
        start = goal.start
        if start is None:
            continue
        if goal.completed is not None and goal.completed < start:
            yield Problem(
                goal.path,
                line_of(goal, "completed"),
                f"completed {goal.completed} is before the goal's start ({start})",
                "fix `completed`, or `start` if the goal began earlier",
            )
        early = [
            c for c in goal.checkins if c.op is not None and c.day < start and ctx.judges(goal, c)
        ]
        days = [c.day for c in early]
        days += [goal.completed] if goal.completed is not None and goal.completed < start else []
        first = min(days, default=start)  # a start before them all
        for checkin in early:
            yield Problem(
                checkin.path or goal.path,
                checkin.line,
                f"check-in dated {checkin.day}, before the goal's start ({start}): it counts "
                "before the goal began",
                f"move the start back (`journal set {ctx.goal_word(goal.path)} "
                f"start={first}`), or fix the date",
                goal.path,
            )


def meeting_dates(ctx: Context) -> Iterator[Problem]:
    if ctx.goals_only:
        return
    for meeting in ctx.catalog.meetings:
        line = meeting.lines.get
        if meeting.day is None:
            yield Problem(
                meeting.path,
                line("date") or line("type") or 1,
                "the meeting has no date (no `date`, no day at the start of its file name): "
                "no goal that counts meetings counts it",
                "add `date: YYYY-MM-DD`, the day you met",
            )
            continue
        by, done = meeting.follow_up_by, meeting.follow_up_done
        if by is not None and by < meeting.day:
            yield Problem(
                meeting.path, line("follow_up_by") or 1, *early_follow_up(by, meeting.day)
            )
        if not isinstance(done, bool) and done < meeting.day:
            yield Problem(
                meeting.path,
                line("follow_up_done") or 1,
                f"follow_up_done {done} is before the meeting ({meeting.day})",
                "set the day the follow-up was sent, or `false` until it is",
            )


def early_follow_up(by: date, day: date) -> tuple[str, str]:
    """What T010 says of a ``follow_up_by`` (``by``) before the meeting's ``day``, and
    the fix (``journal set`` says it at once)."""
    return (
        f"follow_up_by {by} is before the meeting ({day})",
        "a follow-up comes after the meeting: fix the date (a typo?)",
    )


def implied_follow_up(ctx: Context) -> Iterator[Problem]:
    if ctx.goals_only:
        return
    for meeting in ctx.catalog.meetings:
        if meeting.follow_up_implied and meeting.follow_up_open:  # done: nothing to add
            by, line = meeting.follow_up_by, meeting.lines.get
            yield Problem(
                meeting.path,
                line("date") or line("type") or 1,
                "the meeting has an open task and no `follow_up_by`: its follow-up is taken "
                f"as due {by}, {implied_day(meeting)}",
                f"add `follow_up_by: {by}` (or the day you mean), so Obsidian and other "
                "tools see it too",
            )


RULES = (
    Rule("T001", "missing-due", "error", "the goal has no `due` date", missing_due),
    Rule("T002", "overdue", "warning", "an active goal is past its `due` date", overdue),
    Rule(
        "T003",
        "long-horizon",
        "warning",
        "the goal runs longer than `max_horizon_days` without a milestone every quarter",
        long_horizon,
    ),
    Rule(
        "T004",
        "milestone-outside-window",
        "warning",
        "a milestone is due before the goal starts or after it is due",
        milestone_outside_window,
    ),
    Rule(
        "T005",
        "milestones-out-of-order",
        "warning",
        "a milestone is due before the one listed above it",
        milestones_out_of_order,
    ),
    Rule(
        "T006",
        "stale",
        "warning",
        "no check-in for longer than the goal's `review_every`",
        stale,
    ),
    Rule(
        "T007",
        "due-before-start",
        "error",
        "the goal is due before it starts (`start`, else `created`)",
        due_before_start,
    ),
    Rule(
        "T008",
        "no-start",
        "hint",
        "the goal has neither `start` nor `created`, so nothing says when it began",
        no_start,
    ),
    Rule(
        "T009",
        "future-dated",
        "warning",
        "a check-in, a goal's `completed`, a milestone's `done` or a meeting's "
        "`follow_up_done` is dated after today",
        future_dated,
    ),
    Rule(
        "T010",
        "meeting-dates",
        "warning",
        "a meeting has no date, or its follow-up is due or done before it",
        meeting_dates,
    ),
    Rule(
        "T011",
        "before-start",
        "warning",
        "a check-in or the goal's `completed` is dated before its `start`",
        before_start,
    ),
    Rule(
        "T013",
        "milestone-overdue",
        "warning",
        "a milestone of an active goal is past its `due` date and not done",
        milestone_overdue,
    ),
    Rule(
        "T014",
        "implied-follow-up",
        "hint",
        "a meeting with an open task and no `follow_up_by` owes its follow-up "
        "`follow_up_days` after it, a day only journal knows",
        implied_follow_up,
    ),
    Rule(
        "T015",
        "undated-milestone",
        "warning",
        "an open milestone of an open goal has no `due` day: no plan, review or status "
        "can place it in a week",
        undated_milestone,
    ),
)
