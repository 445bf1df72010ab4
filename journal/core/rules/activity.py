"""Outcome over activity: an activity goal says which outcome goal it feeds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from journal.core.catalog import match_key
from journal.core.goal import Goal, kind_of
from journal.core.notes import stem_of
from journal.core.rules.base import Context, Problem, Rule, line_of
from journal.core.words import Effort, effort_of

#: How many outcome goals of the same area a suggestion names.
CANDIDATES = 3

#: A result to measure instead of the effort, by what the goal is about (the first
#: whose word its title or metric holds; networking when none does, reach when the
#: metric counts reach): (words, result).
_INSTEAD = (
    (
        "course courses lesson lessons module modules class classes training study book books",
        "Pass the certification exam with a score of 80%",
    ),
    ("application applications applied apply", "Get 3 first-round interviews"),
    ("post posts posted article articles blog", "Get 5 messages from hiring managers"),
    ("workout workouts gym", "Run 5 km in under 30 minutes"),
    ("informational", "Get 2 referrals from informational interviews"),
    # ones: one-to-ones, one-on-ones
    ("coffee chat chats ones", "Get 2 referrals from coffee chats"),
    (
        "networking event events meetup meetups conference conferences meeting meetings",
        "Secure 2 informational interviews at networking events",
    ),
)
_REACH = "Get 5 messages from hiring managers"

#: How ``feeds`` differs from ``supports``, for a goal that says only the latter.
_FEEDS_NOT_SUPPORTS = (
    "(`supports` names the larger goal a goal serves; `feeds` names the outcome goal whose "
    "result an activity goal's effort is for, and only it pairs the two)"
)


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
        if goal.metric_source == "meetings" and not goal.kind_given:  # goal.kind_of
            what = f"the metric '{goal.metric}' counts the meetings held (`metric_source:"
            what += " meetings`)"
            key = "metric"
            alternative = (
                '; if it counts what they led to, say it in the metric ("informational '
                'interviews that led to a referral"): a meeting then counts once its '
                "`outcome:` is filled in"
            )
        elif effort and not goal.kind_given:
            counts = "reach or popularity" if effort.reach else "activity"
            what = f"the metric '{goal.metric}' counts {counts} (\"{effort.phrase}\")"
            key, alternative = "metric", "; if it counts a result, say `kind: outcome`"
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
        instead = _instead(goal, effort)
        yield Problem(
            goal.path, line_of(goal, key), problem, f"{_pair(ctx, goal)}, or {instead}{alternative}"
        )


def _pair(ctx: Context, goal: Goal) -> str:
    """How to pair ``goal``: feed the outcome goal it ``supports`` (by command, and how
    the two keys differ), else one of the same area (up to :data:`CANDIDATES`), else any."""
    supported = [
        g
        for link in goal.supports
        if link.target
        and (note := ctx.catalog.resolve(link.target, goal.path))
        and (g := ctx.goal_by_path.get(note.path))
        and g.status != "dropped"
        and not ctx.is_activity(g)
    ]
    if supported:
        link = f"[[{stem_of(supported[0].path)}]]"
        return (
            f"it supports {link}: if its work is for that goal, `journal set "
            f'{ctx.goal_word(goal.path)} feeds="{link}"` {_FEEDS_NOT_SUPPORTS}'
        )
    candidates = ctx.outcomes_by_area.get(match_key(goal.area or ""), [])[:CANDIDATES]
    nearby = (
        " (outcome goals in the same area: "
        + ", ".join(f'"[[{stem_of(g.path)}]]"' for g in candidates)
        + ")"
        if goal.area and candidates
        else ""
    )
    return f"say which outcome goal it feeds with `feeds:`{nearby}"


def _instead(goal: Goal, effort: Effort | None) -> str:
    """How to measure a result instead of ``goal``'s effort (its metric's ``effort``,
    when it counts some): an example fitting what the goal is about, else the goal's own
    ``outcome`` unless it counts effort too (this rule would flag it as the metric), else
    what the goal is for."""
    words = set(re.findall(r"[a-z]+", f"{goal.title} {goal.metric or ''}".lower()))
    result = (
        _REACH
        if effort and effort.reach
        else next((r for about, r in _INSTEAD if words.intersection(about.split())), None)
    )
    if not result and kind_of(None, goal.outcome, down=goal.down) != "activity":
        result = goal.outcome
    if not result:
        return f'measure a result instead: what "{goal.title}" is for, counted'
    return f'measure a result instead: "{result}" rather than "{goal.title}"'


RULES = (
    Rule(
        "O001",
        "unpaired-activity",
        "warning",
        "an activity goal does not feed an outcome goal",
        unpaired_activity,
    ),
)
