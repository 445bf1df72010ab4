"""Specific: the goal says what will exist when it is done."""

from __future__ import annotations

from collections.abc import Iterator

from journal.core.rules.base import Context, Problem, Rule, line_of
from journal.core.words import is_concrete, is_quantity, vague_phrase

_SUGGEST_VAGUE = (
    "name what will exist when it is done, with a number or a deliverable: how many of "
    "what, or which thing, and by when"
)


def _vague(what: str, text: str, phrase: str, more: str = "") -> str:
    """Why ``text`` (``what`` names it) with its vague ``phrase`` is vague: no number,
    or a number that is no amount (a year, a date, a score past its scale: "11/10")."""
    numbers = [t for t in text.split() if any(c.isdigit() for c in t) and not is_quantity(t)]
    if not numbers:
        return f'{what} "{text}" is vague ("{phrase}" with no number or deliverable{more})'
    return (
        f'{what} "{text}" is vague ("{phrase}" with no amount or deliverable{more}): '
        f"{numbers[0]} is no amount (a year, a date or a score past its scale)"
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
                _vague("the outcome", outcome, outcome_phrase),
                _SUGGEST_VAGUE,
            )
        elif title_phrase and not is_concrete(goal.title) and not is_concrete(outcome):
            yield Problem(
                goal.path,
                line_of(goal, "title"),
                _vague("the goal", goal.title, title_phrase, ", and no concrete outcome"),
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
