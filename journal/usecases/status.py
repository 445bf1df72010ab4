"""``journal status``: active goals, pace, next milestones, follow-ups, quiet goals."""

from __future__ import annotations

from datetime import date
from typing import Any

from journal.adapters.vault import Vault
from journal.core.catalog import COPY_RULES, Catalog
from journal.core.dates import week_label
from journal.core.formatting import json_progress
from journal.core.goal import Goal, Milestone
from journal.core.networking import needs_outcome
from journal.core.progress import last_checkin, quiet_too_long, rhythm, rounded
from journal.core.review import WeeklyTargets, plan_judged
from journal.core.settings import Config
from journal.usecases.check import rules_on
from journal.usecases.followups import followups
from journal.usecases.history import look_up_changes
from journal.usecases.review import covering_plan


def next_milestone(goal: Goal) -> Milestone | None:
    """The first open milestone by due date (undated ones last, then file order)."""
    open_ones = [m for m in goal.milestones if not m.is_done]
    return min(open_ones, key=lambda m: (m.due or date.max, m.index), default=None)


def goal_status(
    catalog: Catalog, goal: Goal, today: date, config: Config, plan: WeeklyTargets | None = None
) -> dict[str, Any]:
    """One active goal on the status board (documented in docs/commands.md); its pace
    against ``plan``'s target for this week when the plan has one, as the review has it."""
    where, judged, planned = plan_judged(goal, today, None, plan)
    expected = planned if planned is not None else where.expected
    milestone = next_milestone(goal)
    last = last_checkin(goal, until=today)
    every = rhythm(goal, config.goals.review_every).days
    return {
        "id": goal.id,
        "path": goal.path,
        "title": goal.title,
        "progress": json_progress(goal.progress),
        "current": goal.current,
        "target": goal.target,
        "base": goal.base,
        "down": goal.goes_down(goal.current),
        "unit": goal.unit,
        "due": goal.due.isoformat() if goal.due else None,
        "pace": judged,
        "expected": rounded(expected, goal),  # as the review shows it
        "by_plan": planned is not None,
        "next_milestone": milestone.to_dict() if milestone else None,
        "last_checkin": last.isoformat() if last else None,
        "review_every_days": every,
        # as the review and T006 judge it
        "quiet": quiet_since(catalog, goal, today, config) is not None,
    }


def status(vault: Vault, catalog: Catalog, today: date) -> dict[str, Any]:
    """The status board as plain data.  In a git repository a commit that changed a
    goal's value counts as a check-in (git is read for that, as ``journal check`` does
    for T006; without readable history the board goes on with a notice)."""
    look_up_changes(vault, catalog, today)
    config = vault.config
    plan = covering_plan(catalog, today, config.week_start)
    active = [g for g in catalog.goals if g.status == "active"]
    goals = [
        {
            **goal_status(catalog, g, today, config, plan),
            "unread_meetings": catalog.unread_meetings_of(g),
        }
        for g in active
    ]
    return {
        "vault": str(vault.root),  # which board, when a script loops over vaults
        "today": today.isoformat(),
        "week": week_label(today, config.week_start),
        "goals": goals,
        "followups": followups(catalog, today),
        "unlisted_folders": catalog.unlisted_records(),
        "copies": catalog.copy_records(rules_on(vault, COPY_RULES)),
        "unreadable_goals": catalog.unreadable_records(("goal",)),
        "unreadable_meetings": catalog.unreadable_records(("meeting",)),
        "quiet": [
            {
                "title": g["title"],
                "path": g["path"],
                "last_checkin": g["last_checkin"],
                "met": _met(catalog, goal, today, config),
            }
            for goal, g in zip(active, goals, strict=True)
            if g["quiet"]
        ],
    }


def quiet_since(catalog: Catalog, goal: Goal, today: date, config: Config) -> date | None:
    """The day a goal quiet for longer than its rhythm has been quiet since (its last
    check-in or one of a goal supporting it, else its start), as the review and T006
    judge it; None when it is not."""
    every = rhythm(goal, config.goals.review_every).days
    return quiet_too_long(goal, today, every, goal.current, catalog.supporters)


def _met(catalog: Catalog, goal: Goal, today: date, config: Config) -> dict[str, Any] | None:
    """The last meeting for a quiet goal since it went quiet, as the review names it."""
    meeting = catalog.last_meeting_for(goal, quiet_since(catalog, goal, today, config), today)
    if meeting is None:
        return None
    return {"date": str(meeting.day), "path": meeting.path, "needs_outcome": needs_outcome(goal)}
