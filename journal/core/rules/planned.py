"""The rule about the 90-day plan: a goal changed since the plan that paces it."""

from __future__ import annotations

from collections.abc import Iterator

from journal.core.formatting import number
from journal.core.plan_notes import covering, plan_options, planned_for, row_goal
from journal.core.rules.base import Context, Problem, Rule, line_of


def plan_out_of_date(ctx: Context) -> Iterator[Problem]:
    """An active goal whose target or due day is not the one the plan covering today
    (the one the review paces it by) was made for."""
    found = covering(ctx.catalog, ctx.today)
    if found is None:
        return
    start, end, plan = found
    goals = {g.key: g for g in ctx.active_goals}
    again = plan_options(start, end, ctx.config.plan.days)
    for row in plan.props["targets"]:
        goal = goals.get(row_goal(row) or "")
        planned = planned_for(row) if goal is not None else None
        if goal is None or planned is None or planned == (goal.target, goal.due):
            continue
        target, due = planned
        yield Problem(
            goal.path,
            line_of(goal, "target" if target != goal.target else "due"),
            f"{plan.path} plans the goal to {_aim(target, due)}; it now says "
            f"{_aim(goal.target, goal.due)}, so this week's targets and pace are the old ones",
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
        "the goal's target or due date changed since the plan covering this week was made",
        plan_out_of_date,
    ),
)
