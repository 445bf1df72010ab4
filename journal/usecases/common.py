"""Helpers shared by the use cases: opening the vault and loading its notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from journal.adapters.files import here
from journal.adapters.vault import Vault, enclosing_vault, find_vault, load_catalog, vault_around
from journal.core.catalog import Catalog
from journal.core.errors import Diagnostic, NotFound, UsageProblem
from journal.core.formatting import shell_word
from journal.core.goal import Goal, kind_of
from journal.core.links import Link
from journal.core.networking import (
    Meeting,
    come_to_nothing,
    counted_meetings,
    counted_results,
    needs_outcome,
    result_not_named,
    without_outcome,
)

#: The notes a goal's link properties name (None: any note), and what to do when none is.
LINKED = {
    "supports": (None, "create that note first"),
    "feeds": (("goal",), "create the outcome goal first"),
}


def open_vault(
    explicit: str | None,
    cwd: Path | None = None,
    notify: Callable[[str], None] | None = None,
    variable: str | None = None,
) -> Vault:
    """The vault named by ``--vault``/``JOURNAL_VAULT``, or found from ``cwd``; what the
    user should know goes to ``notify`` (see :meth:`Vault.notice`), such as a folder
    named that lies inside a vault, or (``explicit`` from the environment ``variable``)
    another vault around ``cwd``, which a command run there is easily meant for."""
    vault = Vault.open(find_vault(explicit, cwd))
    vault.notify = notify
    folder = (cwd or here()) if variable is not None else None
    around = vault_around(folder) if folder is not None else None
    if around is not None and around != vault.root:
        vault.notice(
            f"using the vault {vault.root} ({variable}), not the vault {around} you are in; "
            "give --vault to choose"
        )
    outer = enclosing_vault(vault.root)
    if outer is not None:
        vault.notice(
            f"{vault.root} is a folder inside the vault {outer}, read as a vault of its "
            f"own: its numbers leave out the rest (pass --vault {shell_word(str(outer))} for "
            "the whole vault)"
        )
    return vault


def catalog(
    vault: Vault,
    today: date | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Catalog:
    """The vault's notes, fresh from disk (through the index), as of ``today``."""
    return load_catalog(vault, today, progress=progress)


def named_goal(
    vault: Vault, catalog: Catalog, ref: str, *, parts: bool = True, writes: bool = False
) -> Goal:
    """The goal a command names: by a file path (as a shell completes it), else by id,
    name, title, alias or (with ``parts``) a unique part, only a sure one for a command
    that ``writes`` (:meth:`Catalog.find_goal`).  A file of the vault that is no note
    journal reads (hidden, in an excluded folder) is told as such, not as no goal."""
    named = vault.named_path(ref)
    try:
        return catalog.find_goal(named, parts=parts, writes=writes)
    except NotFound:
        why = vault.why_unread(named)
        if why is None:
            raise
        raise NotFound(f"no goal called '{ref}': {why}") from None


def still_closed(catalog: Catalog, goal: Goal, done: str) -> str:
    """What a command that did ``done`` for a goal done or dropped (or paused) says of it:
    that it is, and how to reopen (resume) it."""
    again = "resume" if goal.status == "paused" else "reopen"
    return (
        f"the goal is {goal.status}; {done} all the same ({again} it: journal set "
        f"{catalog.goal_word(goal.path)} status=active)"
    )


def found_links(
    catalog: Catalog,
    links: list[Link],
    option: str,
    source: str,
    linked: tuple[tuple[str, ...] | None, str] | None = None,
) -> list[str]:
    """The links a goal's ``supports`` or ``feeds`` (``option``, as the user gave it:
    ``--feeds``, ``feeds``) names, each found as a note of its kinds is found by name (id,
    title, file name, alias or a unique part) and written as the link that resolves to
    it in Obsidian from the note at ``source``, where they are written (an alias would
    not), keeping its heading and display text.  A link to that note itself (a goal's),
    or one of ``supports`` or ``feeds`` to a goal that leads back to it, is a usage
    error.  ``linked``: the kinds and the hint of another option (see
    :data:`LINKED`)."""
    kinds, hint = linked or LINKED[option.lstrip("-")]
    try:
        found = [(catalog.find_note(link.target, kinds).path, link) for link in links]
    except NotFound as exc:
        raise NotFound(f"{option}: {exc.message}; {hint}") from None
    if any(path == source for path, _link in found):
        verb = option.lstrip("-")[:-1]  # supports, --feeds: support, feed
        raise UsageProblem(f"{option}: names this goal itself, which it can't {verb}")
    # a loop (R003 tells one written by hand); none leads back to a note not made yet
    if option.lstrip("-") in ("supports", "feeds") and source in catalog.paths:
        for path, _link in found:
            way = catalog.way_between(path, source)
            if way is not None:
                raise UsageProblem(
                    f"{option}: {catalog.link_to(path, source)} leads back to this goal "
                    f"({catalog.named_way([source, *way], source)}): a loop, in which no "
                    "goal is the bigger one; link the bigger goal or aspiration they serve"
                )
    return [
        str(link._replace(target=catalog.link_target(path, source), embed=False))
        for path, link in found
    ]


def feeds_no_outcome(catalog: Catalog, path: str, links: list[Link]) -> list[Diagnostic]:
    """O001's warning, said at once by ``new goal --feeds`` and ``set feeds=``: the goal
    at ``path`` feeds, by ``links`` (the goals :func:`found_links` found), only activity
    goals; none when one of them is not, or can't be read (``journal check`` then says
    what it can)."""
    if not links:  # (no goal loaded: a new goal without --feeds pays nothing here)
        return []
    fed = [catalog.find_note(link.target, ("goal",)).path for link in links]
    kinds = {g.path: g.kind for g in catalog.goals}
    if any(kinds.get(p) != "activity" for p in fed):
        return []
    names = ", ".join(f"[[{catalog.link_target(p)}]]" for p in fed)
    return [
        Diagnostic(
            path,
            None,
            f"feeds only {names}, which is not an outcome goal (O001): link the outcome goal "
            "whose result its work is for",
            "warning",
            "feeds",
        )
    ]


def refuse_done_before_start(
    catalog: Catalog, goal: Goal, day: date, how: str, start: date | None
) -> None:
    """A goal not done yet can't be done on ``day`` before ``start``, the start it has
    or is given in the same command (as a check-in then is refused); ``how``: the
    option that gives the day it was done."""
    if goal.status != "done" and start is not None and day < start:
        raise UsageProblem(
            f"the goal starts on {start}, so it can't be done on {day}, before it "
            f"({how} gives the day it was done; or move the start first: "
            f"journal set {catalog.goal_word(goal.path)} start={day})"
        )


def kind_with_feeds(
    written: str | None, metric: str | None, *, adding: bool, fix: str
) -> str | None:
    """The ``kind`` a goal that feeds an outcome goal is written with: ``activity`` when
    ``feeds`` is being given (``adding``) to a goal that says no kind (``written``), as
    ``new goal --feeds`` and ``set feeds=`` write one; None when its kind stands (it is
    an activity goal by its kind, else by its ``metric``); else a usage error, which
    ``fix`` (the options, as the command takes them) says how to mend."""
    if written == "activity":
        return None
    if written is None and adding:
        return "activity"
    if written is None and kind_of(None, metric) == "activity":
        return None
    what = f"kind: {written}" if written else "an outcome goal (no `kind`"
    if not written:
        what += f", and its metric '{metric}' counts a result)" if metric else ")"
    raise UsageProblem(
        f"feeds names the outcome goal an activity goal feeds, and this goal would be {what}; "
        + fix
    )


def outcome_wanted(catalog: Catalog, goal: Goal) -> dict[str, Any]:
    """For ``journal show`` and ``journal log GOAL``: whether the goal counts only the
    meetings with an ``outcome`` (an outcome goal counting its meetings) and the results
    one must name, the meetings it counts, those held for it that it does not count until
    theirs is filled in, and those it does not count as theirs says nothing came of them
    or names no such result (each with its outcome)."""
    meetings, today = catalog.meetings_for(goal.path), catalog.today
    counted = counted_meetings(goal, meetings, today) if goal.metric_source == "meetings" else []
    return {
        "meetings_need_outcome": needs_outcome(goal),
        "meetings_result": counted_results(goal),
        "meetings_counted": _outcomes(counted),
        "meetings_without_outcome": [m.path for m in without_outcome(goal, meetings, today)],
        "meetings_come_to_nothing": _outcomes(come_to_nothing(goal, meetings, today)),
        "meetings_result_not_named": _outcomes(result_not_named(goal, meetings, today)),
    }


def _outcomes(meetings: list[Meeting]) -> list[dict[str, str | None]]:
    return [{"path": m.path, "outcome": m.outcome} for m in meetings]
