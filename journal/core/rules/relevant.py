"""Relevant: the goal says what it serves or why it matters, and what it serves exists."""

from __future__ import annotations

from collections.abc import Iterator

from journal.core.rules.base import Context, Problem, Rule, line_of


def no_reason(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.open_goals:
        if (
            ctx.missing(goal, "supports")
            and ctx.missing(goal, "why")
            and not ctx.fed_outcomes(goal)
        ):
            yield Problem(
                goal.path,
                line_of(goal, "why"),
                "neither `supports` nor `why`: nothing says why this goal matters",
                "link the larger goal it serves by its file name "
                '(`supports: "[[Become an HR Business Partner]]"`) or add `why:` with one '
                "sentence",
            )


def broken_supports(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.goals:
        for link in goal.supports:
            if not link.target:
                continue
            target = ctx.catalog.resolve_path(link.target, goal.path)
            if target is None:
                yield Problem(
                    goal.path,
                    line_of(goal, "supports"),
                    f"supports {link} but no note is called '{link.target}'",
                    "fix the name (links match a file name, path or alias) or create that note",
                )
            elif target == goal.path:
                yield Problem(
                    goal.path,
                    line_of(goal, "supports"),
                    f"supports {link}, which is this goal itself: it says nothing of why "
                    "the goal matters",
                    "link the aspiration or bigger goal it serves, or say why in `why:`",
                )


RULES = (
    Rule(
        "R001",
        "no-reason",
        "warning",
        "the goal has neither `supports` nor `why` (nor, for an activity goal, `feeds`)",
        no_reason,
    ),
    Rule(
        "R002",
        "broken-supports",
        "error",
        "`supports` links to a note that does not exist, or to the goal itself",
        broken_supports,
    ),
)
