"""The 90-day plan as data: weekly targets, milestones by week, capacity, focus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from journal.core.catalog import Catalog
from journal.core.dates import Period, week_label
from journal.core.formatting import number
from journal.core.goal import Goal
from journal.core.review import (
    Series,
    SeriesOf,
    WeeklyTargets,
    checkin_series,
    gantt_text,
)
from journal.core.series import value_on


def plan_weeks(start: date, days: int) -> list[Period]:
    """The weeks of a plan: 7-day steps from ``start``; the last one may be shorter."""
    end = start + timedelta(days=days - 1)
    weeks = []
    day = start
    while day <= end:
        weeks.append(Period(day, min(day + timedelta(days=6), end)))
        day += timedelta(days=7)
    return weeks


def weekly_targets(goal: Goal, weeks: list[Period], points: Series) -> list[float] | None:
    """The value to reach by the end of each week, on the straight line from the goal's
    value when the plan starts to its target on its due day (or the plan's end)."""
    if goal.target is None or not weeks:
        return None
    plan_start = weeks[0].start
    begin = value_on(points, plan_start - timedelta(days=1), goal.baseline or 0)
    finish = goal.due if goal.due and goal.due > plan_start else weeks[-1].end
    span = (finish - plan_start).days + 1
    values = []
    for week in weeks:
        share = min((week.end - plan_start).days + 1, span) / span
        values.append(round(begin + (goal.target - begin) * share, 1))
    return values


def build_plan(
    catalog: Catalog,
    start: date,
    days: int,
    hours_per_week: float,
    *,
    week_start: int = 0,
    series_of: SeriesOf = checkin_series,
) -> dict[str, Any]:
    """Everything the plan template shows, as plain data."""
    weeks = plan_weeks(start, days)
    end = weeks[-1].end
    goals = [g for g in catalog.goals if g.status == "active"]

    def link(goal: Goal) -> str:
        return catalog.link_to(goal.path)

    labels = [week_label(w.start, week_start) for w in weeks]
    rows = []
    planned: dict[str, dict[str, float]] = {}
    for goal in goals:
        targets = weekly_targets(goal, weeks, series_of(goal))
        if goal.id and targets:
            planned[goal.id] = dict(zip(labels, targets, strict=True))
        rows.append(
            {
                "goal": link(goal),
                "id": goal.id,
                "title": goal.title,
                "unit": goal.unit or "",
                "targets": [number(v) for v in targets] if targets else ["–"] * len(weeks),
                "milestones": [
                    [m.title for m in goal.milestones if m.due and m.due in week and not m.is_done]
                    for week in weeks
                ],
            }
        )
    effort = sum(g.effort or 0 for g in goals)
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "days": days,
        "weeks": [
            {"label": label, "start": w.start.isoformat(), "end": w.end.isoformat()}
            for label, w in zip(labels, weeks, strict=True)
        ],
        "rows": rows,
        "capacity": {
            "hours": number(hours_per_week),
            "effort": number(effort),
            "over": effort > hours_per_week,
            "pause": [
                {"goal": link(g), "effort": number(g.effort)}
                for g in _to_pause(goals, effort - hours_per_week)
            ],
            "without_effort": [link(g) for g in goals if g.effort is None],
        },
        "focus": _focus(goals, link, Period(start, end)),
        "chart": _gantt(goals, Period(start, end)),
        "goals": [link(g) for g in goals],
        "targets": WeeklyTargets("", planned),
    }


def _to_pause(goals: list[Goal], excess: float) -> list[Goal]:
    """Goals to pause to get back under capacity: activity goals first, then the least
    confident, then the latest due; as few as needed."""
    if excess <= 0:
        return []
    order = sorted(
        (g for g in goals if g.effort),
        key=lambda g: (
            g.kind != "activity",
            g.confidence or 10,
            -(g.due or date.min).toordinal(),
            g.path,
        ),
    )
    chosen = []
    for goal in order:
        if excess <= 0:
            break
        chosen.append(goal)
        excess -= goal.effort or 0
    return chosen


def _focus(goals: list[Goal], link: Callable[[Goal], str], window: Period) -> list[dict[str, Any]]:
    """Per month of the plan: the milestones and deadlines that fall in it."""
    months: list[dict[str, Any]] = []
    day = window.start.replace(day=1)
    while day <= window.end:
        following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        month = Period(max(day, window.start), min(following - timedelta(days=1), window.end))
        items = [
            {"goal": link(g), "what": f"milestone: {m.title}", "due": m.due.isoformat()}
            for g in goals
            for m in g.milestones
            if m.due and m.due in month and not m.is_done
        ] + [
            {"goal": link(g), "what": "due", "due": g.due.isoformat()}
            for g in goals
            if g.due and g.due in month
        ]
        items.sort(key=lambda i: (i["due"], i["goal"]))
        months.append({"month": day.strftime("%B %Y"), "items": items})
        day = following
    return months


def _gantt(goals: list[Goal], window: Period) -> str:
    lines = ["gantt", "    dateFormat YYYY-MM-DD", "    axisFormat %b %d", "    todayMarker off"]
    for index, goal in enumerate(goals, start=1):
        start = max(goal.start or window.start, window.start)
        end = min(goal.due or window.end, window.end)
        if end < start:
            continue
        lines.append(f"    section {gantt_text(goal.title)}")
        lines.append(f"    window :g{index}, {start}, {end + timedelta(days=1)}")
        for number_, m in enumerate(goal.milestones, start=1):
            if m.due and m.due in window:
                state = "done, " if m.is_done else ""
                lines.append(
                    f"    {gantt_text(m.title)} :{state}milestone, g{index}m{number_}, {m.due}, 0d"
                )
    return "\n".join(lines)
