"""Measurable: a metric, a unit, numbers to count from and to, and a log that adds up."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from journal.core.checkins import log_agrees, replay
from journal.core.fields import GOAL_FIELDS, coerce, typed_text
from journal.core.formatting import amount
from journal.core.goal import Goal, kind_of, titled_down
from journal.core.progress import reached
from journal.core.rules.base import Check, Context, Problem, Rule, line_of, number
from journal.core.words import counted_by, counted_in, metric_in


def _missing(key: str, message: str, suggestion: str, *, measured_only: bool = False) -> Check:
    """A check for a missing key; ``measured_only``: only on goals with a metric or target
    (on the others M001 and M002 already say what is missing)."""

    def check(ctx: Context) -> Iterator[Problem]:
        for goal in ctx.open_goals:
            if measured_only and ctx.missing(goal, "metric") and ctx.missing(goal, "target"):
                continue
            if goal.metric_source == "milestones":  # they are its measure
                continue
            if ctx.missing(goal, key):
                yield Problem(goal.path, line_of(goal, key), message, suggestion)

    return check


_NO_CURRENT = _missing(
    "current",
    "no current value: progress can't be measured",
    "add `current:` with the value now (the baseline if you have not started)",
    measured_only=True,
)


def missing_current(ctx: Context) -> Iterator[Problem]:
    """No ``current`` in the file; a goal whose log or other notes give it a value (which
    ``show``, ``list`` and the review report) is told that value, and what to write."""
    for problem in _NO_CURRENT(ctx):
        goal = ctx.goal_by_path[problem.path]
        if goal.current is None or goal.unmeasured:  # no value to tell, or none known
            yield problem
            continue
        logged = replay(goal.base, [c for c in goal.checkins if c.path == goal.path])
        yield Problem(
            problem.path,
            problem.line,
            f"no current in the file: {number(goal.current)} from the log and other notes, "
            "as show, list and the review give it, but pace (A001) is judged only from a "
            "`current` in the file",
            f"add `current: {number(logged)}` (the baseline plus the file's own log; "
            "check-ins in other notes add to it)",
        )


_NO_METRIC = _missing(
    "metric",
    "no metric: nothing says what is counted",
    "add `metric:` naming what you count: what the goal makes or gets, one at a time",
)


def _with_example(check: Check, example: Callable[[Goal], str | None], fix: str) -> Check:
    """``check``'s problems, each with the fix ``fix`` naming the goal's own ``example``
    (``{}`` in ``fix``) when it has one, else as ``check`` gives it."""

    def run(ctx: Context) -> Iterator[Problem]:
        for problem in check(ctx):
            counted = example(ctx.goal_by_path[problem.path])
            if counted:
                problem = Problem(problem.path, problem.line, problem.message, fix.format(counted))
            yield problem

    return run


def _metric_example(goal: Goal) -> str | None:
    """What ``goal``'s title counts ("Build 3 dashboards": "dashboards"; with the clause
    that makes it a result; the count that is its target first), else its unit.  Never
    an activity O001 would then flag: for a goal with an ``outcome``, what the outcome
    counts instead, else none; a goal whose ``kind`` is written is judged by it, not by
    its metric, and keeps the example."""
    example = metric_in(goal.title, goal.target) or (goal.unit or "").strip()
    if kind_of(None, example, down=goal.down) != "activity":
        return example
    if goal.outcome:
        example = metric_in(goal.outcome, goal.target) or ""
        return None if kind_of(None, example, down=goal.down) == "activity" else example
    return example if goal.kind_given else None


#: No ``metric``; the example fits the goal (:func:`_metric_example`), else none.
missing_metric = _with_example(
    _NO_METRIC, _metric_example, 'add `metric:` naming what you count, e.g. "{}"'
)


_NO_UNIT = _missing(
    "unit",
    "no unit: the numbers have no unit",
    "add `unit:` naming what one step is, the word shown after the goal's numbers",
    measured_only=True,
)


#: No ``unit``; the example fits the goal: what its metric counts ("km run": "km run"),
#: else what its title counts, read as M001 reads it (the count that is its target), else
#: none.
missing_unit = _with_example(
    _NO_UNIT,
    lambda goal: counted_by(goal.metric or "") or counted_in(goal.title, goal.target),
    'add `unit:` naming what one step is, e.g. "{}"',
)


_NO_BASELINE = _missing(
    "baseline",
    "no baseline: progress counts from 0",
    "add `baseline:` with the value when the goal started, e.g. `baseline: 0`",
    measured_only=True,
)
#: What M005 says of a goal whose start, with no baseline, something else gives
#: (:attr:`Goal.origin`): the message after "no baseline: progress counts ".
_COUNTED_FROM = {
    "title": "from {}, the start the title gives",
    "log": "down from {}, the first value logged",
    "current": "down from {}, its current value",
}


def missing_baseline(ctx: Context) -> Iterator[Problem]:
    """No ``baseline``: where progress counts from instead, and the baseline to write -
    the start the goal's title or first value gives, never 0 for a goal whose title
    brings a number down to its target (it can't count up from 0)."""
    for problem in _NO_BASELINE(ctx):
        goal = ctx.goal_by_path[problem.path]
        start, target = goal.origin, goal.target
        fix = "add `baseline:` with the value when the goal started"
        if start.source in _COUNTED_FROM:
            value = number(start.value)
            said = _COUNTED_FROM[start.source].format(value)
            fix = f"{fix}, e.g. `baseline: {value}`"
            problem = Problem(
                problem.path, problem.line, f"no baseline: progress counts {said}", fix
            )
        elif target is not None and titled_down(goal.title, target):
            fix = f"{fix}: above {number(target)}, as the title brings the number down to it"
            message = f"no baseline: the title brings the number down to {number(target)}, " + (
                "where it is: reached, from a start not known"
                if start.source == "reached"
                else "from a start not known (no value yet): progress can't count yet"
            )
            problem = Problem(problem.path, problem.line, message, fix)
        elif goal.start_unknown:  # a target of 0, no value yet
            message = "no baseline: the target is 0, from a start not known (no value yet)"
            fix = f"{fix} (above 0), or log where it stands now: it counts down from there"
            problem = Problem(
                problem.path, problem.line, f"{message}: progress can't count yet", fix
            )
        yield problem


def _counted_up_from(goal: Goal) -> float | None:
    """The baseline a goal should have whose ``baseline`` is written below the target
    while its title brings the number down to it (:func:`titled_down`) and its first
    value, or the title's start, is above it (M009); else None."""
    target, baseline = goal.aim, goal.baseline
    if target is None or baseline is None or baseline >= target:
        return None
    start = goal.unwritten_origin
    if start.source in _COUNTED_FROM and titled_down(goal.title, target):
        return start.value
    return None


def baseline_counts_up(ctx: Context) -> Iterator[Problem]:
    """A ``baseline`` written below the target of a goal whose title brings the number
    down to it (:func:`_counted_up_from`): older journals' ``new goal`` wrote ``baseline:
    0`` for every title, and "Reduce time-to-hire to 30 days" at 42 read as 140% done."""
    for goal in ctx.open_goals:
        if (start := _counted_up_from(goal)) is not None:
            value = number(start)
            yield Problem(
                goal.path,
                line_of(goal, "baseline"),
                f"the title brings the number down, but baseline {number(goal.baseline or 0)} "
                f"makes it count up: write baseline: {value}",
                f"journal set {ctx.goal_word(goal.path)} baseline={value}",
            )


def _target_at_baseline(goal: Goal) -> float | None:
    """The goal's target when it is where its progress counts from (:attr:`Goal.base`),
    else None: M006's finding, a goal with nothing to reach (not one counting down that
    is there: :attr:`Goal.down`; nor one whose start is not known, which M005 tells)."""
    return goal.aim if goal.aim == goal.base and not goal.down and not goal.start_unknown else None


def target_equals_baseline(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.open_goals:
        if (target := _target_at_baseline(goal)) is not None:
            yield Problem(
                goal.path,
                line_of(goal, "target"),
                f"target {number(target)} equals "
                + ("the baseline" if goal.baseline is not None else "where progress counts from")
                + ": there is nothing to reach",
                "set `target` to the value that means done, and `baseline` to where you start",
            )


def log_disagrees(ctx: Context) -> Iterator[Problem]:
    """``current`` in the file against baseline plus the file's own log (check-ins in
    other notes add to both, so they never make them disagree).  A goal git left in a
    merge conflict (H013) is passed over: the check-ins between its markers count
    nothing, so its log is read only in part.  A goal counting its meetings reads no
    ``current``: one written by hand that is not the counted value is told so."""
    conflicted = {d.path for d in ctx.catalog.diagnostics if d.code == "conflict"}
    for goal in ctx.open_goals:
        if goal.metric_source == "meetings":
            yield from _current_unread(ctx, goal)
            continue
        own = [c for c in goal.checkins if c.path == goal.path]
        current = goal.file_current
        if (
            current is None
            or goal.unmeasured  # a baseline it can't read (H005) gives no sum
            or goal.path in conflicted
            or log_agrees(goal.base, own, current)
        ):
            continue
        base = goal.base
        logged = replay(base, own)
        # on the last measured check-in's day: a recount of what `current` already said
        # is no progress of today's week (the review would count it so)
        day = min(max(c.day for c in own if c.op is not None), ctx.today)
        yield Problem(
            goal.path,
            line_of(goal, "current"),
            f"current is {number(current)} but baseline {number(base)} plus the "
            f"log's check-ins gives {number(logged)}",
            f"if {number(current)} is right, add a check-in such as "
            f"`- {day.isoformat()}: ={number(current)} recounted` at the end of the log; "
            f"else set current to {number(logged)}",
        )


def _current_unread(ctx: Context, goal: Goal) -> Iterator[Problem]:
    """M007 for a goal counting its meetings whose file holds a ``current`` (read, not
    H005's) other than the value they give: it is not read, and would mislead."""
    if "current" not in goal.lines or "current" in goal.unread or goal.current is None:
        return
    note = ctx.catalog.by_path[goal.path]  # this note alone; its value types (not unread)
    written = coerce(
        GOAL_FIELDS["current"], note.props.get("current"), typed_text(note.sources, "current")
    )
    if written is not None and written != goal.current:
        yield Problem(
            goal.path,
            line_of(goal, "current"),
            f"current is {number(written)} but it is not read: the goal counts its "
            f"meeting notes (`metric_source: meetings`), which give {number(goal.current)}",
            "remove the `current:` line (the meetings give the value), or remove "
            "`metric_source: meetings` to keep the value by hand",
        )


def target_reached(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.active_goals:
        current = goal.current  # the goal's value (other notes' check-ins too)
        # at a target that is its baseline, it has reached nothing: M006 says so
        if (
            current is not None
            and reached(goal, current)
            and _target_at_baseline(goal) is None
            and _counted_up_from(goal) is None  # counted the wrong way: M009 says so
        ):
            yield Problem(  # "1 of 2", a goal going down to 2, read as short of it
                goal.path,
                line_of(goal, "current"),
                f"the goal has reached its target ({amount(number(current), goal.unit)} "
                f"against a target of {number(goal.target or 0)}) and is still active",
                f"mark it done (`journal done {ctx.goal_word(goal.path)}`), or "
                f"{'lower' if goal.down else 'raise'} `target` if it goes on",
            )


RULES = (
    Rule(
        "M001",
        "missing-metric",
        "error",
        "the goal has no `metric` (what is counted)",
        missing_metric,
    ),
    Rule(
        "M002",
        "missing-target",
        "error",
        "the goal has no numeric `target`",
        _missing(
            "target",
            "no target: nothing says which value means done",
            "add `target:` with the number that means done, e.g. `target: 2`",
        ),
    ),
    Rule(
        "M003",
        "missing-unit",
        "hint",
        "the goal has no `unit`",
        missing_unit,
    ),
    Rule(
        "M004",
        "missing-current",
        "warning",
        "the goal has no `current` value",
        missing_current,
    ),
    Rule(
        "M005",
        "missing-baseline",
        "hint",
        "the goal has no `baseline` (progress then counts from where it is known to start)",
        missing_baseline,
    ),
    Rule(
        "M006",
        "target-equals-baseline",
        "error",
        "`target` equals `baseline`",
        target_equals_baseline,
    ),
    Rule(
        "M007",
        "log-disagrees",
        "warning",
        "`baseline` plus the logged check-ins does not add up to `current`; or a goal "
        "counting its meetings, which reads no `current`, holds one they do not give",
        log_disagrees,
    ),
    Rule(
        "M008",
        "target-reached",
        "hint",
        "an active goal has reached its target",
        target_reached,
    ),
    Rule(
        "M009",
        "baseline-counts-up",
        "warning",
        "a `baseline` below the target of a goal whose title brings the number down",
        baseline_counts_up,
    ),
)
