"""Outcome over activity: an activity goal says which outcome goal it feeds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from journal.core.goal import Goal
from journal.core.names import match_key
from journal.core.notes import stem_of
from journal.core.rules.base import Context, Problem, Rule, line_of
from journal.core.rules.words import Effort, effort_of

#: How many outcome goals of the same area a suggestion names.
CANDIDATES = 3

#: A result to measure instead of the effort, by what the goal is about (the first
#: whose word its title or metric holds; networking when none does, reach when the
#: metric counts reach): (words, result, effort).
_INSTEAD = (
    (
        "course courses lesson lessons module modules class classes training study book books",
        "Pass the certification exam with a score of 80%",
        "Complete 10 course modules",
    ),
    (
        "application applications applied apply",
        "Get 3 first-round interviews",
        "Submit 20 applications",
    ),
    (
        "post posts posted article articles blog",
        "Get 5 messages from hiring managers",
        "Publish 8 posts",
    ),
    ("workout workouts gym", "Run 5 km in under 30 minutes", "Do 24 workouts"),
    (
        "informational",
        "Get 2 referrals from informational interviews",
        "Hold 6 informational interviews",
    ),
    (
        "coffee chat chats ones",  # ones: one-to-ones, one-on-ones
        "Get 2 referrals from coffee chats",
        "Have 12 coffee chats",
    ),
)
_NETWORKING = (
    "Secure 2 informational interviews at networking events",
    "Attend 3 networking events",
)
_REACH = ("Get 5 messages from hiring managers", "Grow to 1,000 followers")


def unpaired_activity(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.open_goals:
        if not ctx.is_activity(goal) or ctx.fed_outcomes(goal):
            continue
        links = [f.target for f in goal.feeds if f.target]
        fed = [note for t in links if (note := ctx.catalog.resolve(t, goal.path))]
        if goal.feeds and not fed:
            continue  # every feeds link is broken: H001 reports it
        if any(n.kind == "goal" and n.path not in ctx.goal_by_path for n in fed):
            continue  # it feeds a goal that can't be read (H004): whether an outcome, unknown
        effort = effort_of(goal.metric or "")
        if effort and not goal.kind_given:
            counts = "reach or popularity" if effort.reach else "activity"
            what = f"the metric '{goal.metric}' counts {counts} (\"{effort.phrase}\")"
            key, alternative = "metric", "; if it counts a result, say `kind: outcome`"
        elif goal.metric_source == "meetings" and not goal.kind_given:  # goal.kind_of
            what = f"the metric '{goal.metric}' counts the meetings held (`metric_source:"
            what += " meetings`)"
            key = "metric"
            alternative = (
                '; if it counts what they led to, say it in the metric ("informational '
                'interviews that led to a referral"): a meeting then counts once its '
                "`outcome:` is filled in"
            )
        else:
            what, key, alternative = "an activity goal (`kind: activity`)", "kind", ""
        if dropped := ctx.linked_outcomes(goal):  # all dropped, as none is fed
            names = ", ".join(f"[[{stem_of(g.path)}]]" for g in dropped)
            goals, are = ("goals", "are") if len(dropped) > 1 else ("goal", "is")
            problem = f"{what}, and the outcome {goals} it feeds, {names}, {are} dropped"
        elif goal.feeds:
            names = ", ".join(str(link) for link in goal.feeds)
            problem = f"{what}, and it feeds only {names}, which is not an outcome goal"
        else:
            problem = (
                f"{what}{' that' if key == 'kind' else ', and the goal'} feeds no outcome goal"
            )
        result, instead_of = _instead(goal, effort)
        candidates = ctx.outcomes_by_area.get(match_key(goal.area or ""), [])[:CANDIDATES]
        nearby = (
            " (outcome goals in the same area: "
            + ", ".join(f'"[[{stem_of(g.path)}]]"' for g in candidates)
            + ")"
            if goal.area and candidates
            else ""
        )
        yield Problem(
            goal.path,
            line_of(goal, key),
            problem,
            f"say which outcome goal it feeds with `feeds:`{nearby}, or measure a result "
            f'instead: "{result}" rather than "{instead_of}"{alternative}',
        )


def _instead(goal: Goal, effort: Effort | None) -> tuple[str, str]:
    """A result to measure instead of ``goal``'s effort, and that effort, fitting what
    the goal is about (its metric's ``effort``, when it counts some)."""
    if effort and effort.reach:
        return _REACH
    words = set(re.findall(r"[a-z]+", f"{goal.title} {goal.metric or ''}".lower()))
    return next(
        ((r, e) for about, r, e in _INSTEAD if words.intersection(about.split())), _NETWORKING
    )


RULES = (
    Rule(
        "O001",
        "unpaired-activity",
        "warning",
        "an activity goal does not feed an outcome goal",
        unpaired_activity,
    ),
)
