"""Relevant: the goal says what it serves or why it matters, and what it serves exists."""

from __future__ import annotations

from collections.abc import Iterator

from journal.core.catalog import match_key
from journal.core.goal import Goal
from journal.core.links import Link
from journal.core.rules.activity import CANDIDATES
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
                f"link the larger goal it serves by its file name {_larger_goals(ctx, goal)}, "
                "or add `why:` with one sentence",
            )


_NO_LARGER_GOAL = '(`supports: "[[NAME OF THAT GOAL]]"`)'


def _larger_goals(ctx: Context, goal: Goal) -> str:
    """An example of the ``supports`` link a goal lacks, to a goal of the vault that may
    be the larger one it serves: one other goals serve (those of its area first, then the
    most served), else an outcome goal of its area (as O001 names them); never the goal
    itself nor one serving it.  A placeholder when the vault has none, or when no fix is
    shown (``ctx.fixes``: the review's 300 goals without a reason skip the search)."""
    if not ctx.fixes:
        return _NO_LARGER_GOAL
    serving = {goal.path, *ctx.supporters.get(goal.path, ())}
    area = match_key(goal.area) if goal.area else None
    served = sorted(  # stable: the most served first, then by path (ctx.served)
        (g for g in ctx.served if g.path not in serving),
        key=lambda g: match_key(g.area or "") != area,
    )
    if served:
        candidates, which = served, ("a goal other goals serve", "goals other goals serve")
    else:
        nearby = ctx.outcomes_by_area.get(area, []) if area is not None else []
        candidates = [g for g in nearby if g.path not in serving]
        which = ("an outcome goal in the same area", "outcome goals in the same area")
    links = [f'"{ctx.catalog.link_to(g.path, goal.path)}"' for g in candidates[:CANDIDATES]]
    if not links:
        return _NO_LARGER_GOAL
    if len(links) == 1:
        return f"(`supports: {links[0]}`, {which[0]})"
    return f"(`supports: {links[0]}`, or another of the {which[1]}: {', '.join(links[1:])})"


def _supports_line(ctx: Context, goal: Goal, link: Link) -> int:
    """The line of ``link`` in the goal's ``supports`` (its item's, in a list)."""
    lines = (n.line for n in ctx.note(goal).links if n.key == "supports" and n[:2] == link[:2])
    return next(lines, line_of(goal, "supports"))


def broken_supports(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.goals:
        for link in goal.supports:
            if not link.target:
                continue
            target = ctx.catalog.resolve_path(link.target, goal.path)
            if target is None:
                yield Problem(
                    goal.path,
                    _supports_line(ctx, goal, link),
                    f"supports {link} but no note is called '{link.target}'",
                    ctx.goal_meant(
                        link.target,
                        goal.path,
                        "fix the name (links match a file name, path or alias) or create that note",
                    ),
                )
            elif target == goal.path:
                yield Problem(
                    goal.path,
                    _supports_line(ctx, goal, link),
                    f"supports {link}, which is this goal itself: it says nothing of why "
                    "the goal matters",
                    "link the aspiration or bigger goal it serves, or say why in `why:`",
                )


def supports_loop(ctx: Context) -> Iterator[Problem]:
    """A goal whose ``supports`` (or an activity's ``feeds``) lead back to it through
    other goals (A supports B, B supports A): none of them is the bigger goal, and a
    check-in on one counts for every goal of the loop (a supporting goal's check-in counts
    for the goal it supports: the links followed are the ones that count,
    :meth:`~journal.core.catalog.Catalog.supporters`, none to notes a link can't choose
    between).  Told at each open goal of the loop, with the shortest way back (a goal
    linking itself is R002's)."""
    for goal in ctx.open_goals:
        way = ctx.catalog.way_between(goal.path, goal.path)
        if way is None:
            continue
        first = next(
            link
            for link in (*goal.supports, *goal.feeds)
            if link.target and ctx.catalog.counted_path(link.target, goal.path) == way[1]
        )
        key = "supports" if first in goal.supports else "feeds"
        yield Problem(
            goal.path,
            _supports_line(ctx, goal, first) if key == "supports" else line_of(goal, key),
            f"{key} {first}, which leads back to this goal "
            f"({ctx.catalog.named_way(way, goal.path)}): in a "
            "loop no goal is the bigger one, and a check-in on one counts for them all",
            "link the bigger goal or aspiration they serve, and drop the link that closes the loop",
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
    Rule(
        "R003",
        "supports-loop",
        "warning",
        "`supports` (or `feeds`) lead back to the goal through other goals (A supports B, B "
        "supports A)",
        supports_loop,
    ),
)
