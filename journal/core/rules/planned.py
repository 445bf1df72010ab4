"""The rule about the 90-day plan: a goal changed since the plan that paces it."""

from __future__ import annotations

from collections.abc import Iterator

from journal.core.formatting import number
from journal.core.plan_notes import (
    covering,
    plan_options,
    planned_for,
    planned_up,
    read_starts,
    rekeyed,
    row_goal,
)
from journal.core.rules.base import Context, Problem, Rule, line_of


def plan_out_of_date(ctx: Context) -> Iterator[Problem]:
    """An active goal whose target or due day is not the one the plan covering today
    (the one the review paces it by) was made for, or that the plan takes the other way
    than it now counts from its start (:attr:`~journal.core.goal.Goal.base`: a plan made
    before it was known, "from 0" up to 30 of a goal counting down from 42)."""
    found = covering(ctx.catalog, ctx.today)
    if found is None:
        return
    start, end, plan = found
    goals = {g.key: g for g in ctx.active_goals}
    again = plan_options(start, end, ctx.config.plan.days)
    rows = rekeyed(plan.props["targets"], ctx.catalog.goals)
    starts = read_starts(rows)
    for row in rows if isinstance(rows, list) else ():
        key = row_goal(row) or ""
        goal = goals.get(key)
        planned = planned_for(row) if goal is not None else None
        if goal is None or planned is None:
            continue
        target, due = planned
        if planned != (goal.target, goal.due):
            key_line = "target" if target != goal.target else "due"
            said = f"to {_aim(target, due)}; it now says {_aim(goal.target, goal.due)}"
        elif goal.base != target and planned_up(row) == goal.down:
            key_line, ways = "baseline", ("up", "down") if goal.down else ("down", "up")
            said = (
                f"{ways[0]} from {number(starts[key])} to {number(target or 0)}; it now "
                f"counts {ways[1]} from {number(goal.base)}"
            )
        else:
            continue
        yield Problem(
            goal.path,
            line_of(goal, key_line),
            f"{plan.path} plans the goal {said}, so this week's targets and pace are the old ones",
            f"`journal plan {again}` makes the plan again (the weeks that ended keep their "
            "targets; with --force if you edited its weekly targets)",
        )


def _aim(target: float | None, due: object) -> str:
    reach = "no target" if target is None else number(target)
    return f"{reach} by {due}" if due is not None else f"{reach}, with no due date"


RULES = (
    Rule(
        "T012",
        "plan-out-of-date",
        "warning",
        "the goal's target, due date or start changed since the plan covering this week was made",
        plan_out_of_date,
    ),
)
