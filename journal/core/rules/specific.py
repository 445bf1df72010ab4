"""Specific: the goal says what will exist when it is done."""

from __future__ import annotations

from collections.abc import Iterator

from journal.core.rules.base import Context, Problem, Rule, line_of
from journal.core.rules.words import is_concrete, vague_phrase

_SUGGEST_VAGUE = (
    "name what will exist when it is done, with a number or a deliverable: how many of "
    "what, or which thing, and by when"
)


def vague_goal(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.open_goals:
        outcome = (goal.outcome or "").strip()
        title_phrase = vague_phrase(goal.title)
        outcome_phrase = vague_phrase(outcome) if outcome else None
        if outcome_phrase and not is_concrete(outcome):
            yield Problem(
                goal.path,
                line_of(goal, "outcome"),
                f'the outcome "{outcome}" is vague ("{outcome_phrase}" with no number '
                "or deliverable)",
                _SUGGEST_VAGUE,
            )
        elif title_phrase and not is_concrete(goal.title) and not is_concrete(outcome):
            yield Problem(
                goal.path,
                line_of(goal, "title"),
                f'the goal "{goal.title}" is vague ("{title_phrase}" with no number or '
                "deliverable, and no concrete outcome)",
                _SUGGEST_VAGUE,
            )


def missing_outcome(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.open_goals:
        if ctx.missing(goal, "outcome") and not ctx.fed_outcomes(goal):
            yield Problem(
                goal.path,
                line_of(goal, "outcome"),
                "no outcome: the goal does not say what result it is after",
                "add `outcome:` with one sentence describing the result: what will exist, "
                "or be true, when it is done (not the work that gets there)",
            )


RULES = (
    Rule(
        "S001",
        "vague-goal",
        "warning",
        "the title or outcome is vague: a vague phrase with no number or deliverable",
        vague_goal,
    ),
    Rule(
        "S002",
        "missing-outcome",
        "warning",
        "the goal has no `outcome` (nor, for an activity goal, `feeds`)",
        missing_outcome,
    ),
)
