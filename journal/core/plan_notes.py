"""A plan note as the review, ``journal check`` and ``journal plan`` read it: the days
it spans, the plan a week follows, and its ``targets`` property."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import date

from journal.core.catalog import Catalog
from journal.core.dates import DateError, parse_date
from journal.core.goal import Goal
from journal.core.links import composed
from journal.core.notes import Note
from journal.core.regex import lazy
from journal.core.settings import PLAN_NAME

#: A plan note's file name (:data:`PLAN_NAME`), read back: its start and its days.
_PLAN_NAMED = lazy(
    re.escape(PLAN_NAME)
    .replace(r"\{start\}", r"(\d{4}-\d{2}-\d{2})")
    .replace(r"\{days\}", r"([1-9][0-9]*)")
)


def row_goal(row: object) -> str | None:
    """The goal a row of a plan's ``targets`` names (:attr:`~journal.core.goal.Goal.key`:
    its id, or its path), composed (:func:`~journal.core.links.composed`: a plan written
    when the goal's file name was decomposed names the same goal); None for a row that
    names none."""
    goal = row.get("goal") if isinstance(row, dict) else None
    return composed(goal) if isinstance(goal, str) else None


def rekeyed(rows: object, goals: Iterable[Goal]) -> object:
    """A plan's ``targets`` rows with each row that names a goal by its path, the goal
    having an id now (given one after the plan was written), naming it by its id
    (:attr:`~journal.core.goal.Goal.key`), unless a row names that id already: its
    weekly targets, edited or not, stay the goal's.  Positions are kept (the rows the
    user edited are told by theirs); other values come back as they are."""
    if not isinstance(rows, list):
        return rows
    named = {row_goal(row) for row in rows}
    ids = {composed(g.path): g.key for g in goals if g.id and g.key not in named}
    if not ids or not named & ids.keys():
        return rows
    return [{**row, "goal": ids[key]} if (key := row_goal(row)) in ids else row for row in rows]


def read_targets(
    rows: object, labels: Sequence[str], unread: list[str] | None = None
) -> dict[str, dict[str, float]]:
    """A plan's ``targets`` property, one value per week of ``labels`` (the plan's
    weeks), as ``{goal id: {week label: value}}`` (:func:`row_goal`); what is not a row
    of a goal id and numbers (a hand edit gone wrong) is left out, and a week's value
    that is no number is told in ``unread`` (a quoted number, ``"4"``, is read as the
    number)."""
    targets: dict[str, dict[str, float]] = {}
    for row in rows if isinstance(rows, list) else ():
        goal = row_goal(row)
        values = row.get("values") if isinstance(row, dict) else None
        if goal is not None and isinstance(values, list):
            found: dict[str, float] = {}
            targets[goal] = found
            for label, value in zip(labels, values, strict=False):
                number_ = _target(value)
                if number_ is not None:
                    found[str(label)] = number_
                elif value is not None and unread is not None:
                    unread.append(f"{goal} in {label}: {str(value)[:40]!r}")
    return targets


def read_starts(rows: object) -> dict[str, float]:
    """Per goal id (:func:`row_goal`), the value a plan's ``targets`` row says its line
    starts from (``from``, written since 2026-12; a row without it, or with no number, is
    left out)."""
    starts = {}
    for row in rows if isinstance(rows, list) else ():
        goal = row_goal(row)
        start = _target(row.get("from")) if isinstance(row, dict) else None
        if goal is not None and start is not None:
            starts[goal] = start
    return starts


def planned_up(row: object) -> bool | None:
    """Whether a plan's ``targets`` row climbs from its ``from`` (True) or comes down
    (False); None when it says neither: no ``from``, ``target`` or weekly value, or a line
    held at its target (a goal past it when the plan began)."""
    if not isinstance(row, dict) or not isinstance(values := row.get("values"), list):
        return None
    start, target = _target(row.get("from")), _target(row.get("target"))
    first = next((v for v in map(_target, values) if v is not None), None)
    if start is None or first is None or first in (start, target):
        return None
    return first > start


def _target(value: object) -> float | None:
    """A weekly target as a number: an int or float, or a text that is one."""
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    return None


def plan_spans(catalog: Catalog) -> list[tuple[date, date, Note]]:
    """Each plan note with the days it spans (``start`` to ``end``), in path order;
    a plan whose dates can't be read is left out."""
    spans = []
    for note in catalog.of_kind("plan"):
        try:
            start = parse_date(str(note.props.get("start")))
            end = parse_date(str(note.props.get("end")))
        except DateError:
            continue
        spans.append((start, end, note))
    return spans


def emptied_plans(catalog: Catalog, folder: str) -> list[tuple[date, int, str]]:
    """The empty notes (a sync's placeholder, a save half done) in the plan ``folder``
    named as a plan is (:data:`PLAN_NAME`), each as the start and days its name says and
    its path: not read as a plan (:func:`plan_spans`), but one may be on its way."""
    inside = f"{folder}/" if folder else ""
    found = []
    for d in catalog.diagnostics_of(["note"]):
        named = d.path.startswith(inside) and _PLAN_NAMED.fullmatch(d.path[len(inside) :])
        if d.code == "empty" and named:
            try:
                found.append((parse_date(named[1]), int(named[2]), d.path))
            except DateError:
                continue
    return found


def covering(catalog: Catalog, day: date) -> tuple[date, date, Note] | None:
    """The plan pace on ``day`` follows: of the plan notes with weekly targets whose
    days hold it, the one that starts last (then by path).  A plan speaks for its own
    days only: the day after a shorter plan ended, its last target is not the goal's
    (found in a tryout: it ruled to the week's end, a goal's due day included)."""
    found = [
        (start, end, note)
        for start, end, note in plan_spans(catalog)
        if start <= day <= end and isinstance(note.props.get("targets"), list)
    ]
    return max(found, key=lambda item: (item[0], item[2].path)) if found else None


def planned_for(row: object) -> tuple[float | None, date | None] | None:
    """The target and due day a row of a plan's ``targets`` was planned for (written
    beside its values since 2026-12), or None for a row without them (an older plan,
    or a hand edit that can't be read)."""
    if not isinstance(row, dict) or "target" not in row:
        return None
    due = row.get("due")
    if isinstance(due, str):
        try:
            due = parse_date(due)
        except DateError:
            return None
    if not (due is None or isinstance(due, date)):
        return None
    return _target(row["target"]), due


def plan_options(start: date, end: date, days: int) -> str:
    """The ``journal plan`` options that make again the plan spanning ``start`` to
    ``end`` (``days``: the vault's plan length, which needs no option)."""
    length = (end - start).days + 1
    return f"--start {start.isoformat()}" + (f" --days {length}" if length != days else "")
