"""``journal done NOTE``: a meeting's follow-up, a goal, or a goal's milestone is done."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from journal.adapters.vault import Vault
from journal.core import codec
from journal.core.catalog import Catalog
from journal.core.errors import JournalError, NotFound
from journal.core.fields import GOAL_FIELDS, FieldError, coerce


@dataclass
class Done:
    path: str
    title: str  # the note's
    what: str  # "follow-up", "goal" or "milestone"
    key: str
    old: Any = None
    new: Any = None
    written: bool = False
    milestone: str | None = None  # the milestone's title


def mark_done(
    vault: Vault, catalog: Catalog, ref: str, day: date, *, milestone: str | None = None
) -> Done:
    """Set ``follow_up_done: DAY`` on a meeting, ``status: done`` and ``completed: DAY``
    on a goal, or ``done: DAY`` on the goal milestone whose title is (or uniquely holds)
    ``milestone``.  Something already done is left as it is."""
    kinds = ("goal",) if milestone is not None else ("meeting", "goal")
    note = catalog.find_note(ref, kinds=kinds)
    if milestone is not None:
        result = Done(note.path, note.title, "milestone", "milestones")
        transform = _milestone(result, milestone, day)
    elif note.kind == "meeting":
        result = Done(note.path, note.title, "follow-up", "follow_up_done")
        transform = _follow_up(result, day)
    else:
        result = Done(note.path, note.title, "goal", "status")
        transform = _set_if_open(
            result, ("status",), "done", lambda old: old != "done", {("completed",): day}
        )
    result.written = vault.rewrite(note.path, transform)
    return result


def _set_if_open(
    result: Done,
    path: tuple[str],
    value: Any,
    is_open: Callable[[Any], bool],
    also: dict[tuple[str | int, ...], Any] | None = None,
) -> Callable[[codec.Document], str]:
    """Set ``path`` (and the ``also`` keys with it) unless it is already closed."""

    def transform(doc: codec.Document) -> str:
        result.old = codec.plain(doc.data.get(path[0]) if doc.data is not None else None)
        if not is_open(result.old):
            return doc.text
        result.new = codec.plain(value)
        return codec.edit(doc, {path: value, **(also or {})})

    return transform


def _follow_up(result: Done, day: date) -> Callable[[codec.Document], str]:
    """``follow_up_done: DAY``, only on a meeting that owes a follow-up."""
    mark = _set_if_open(result, ("follow_up_done",), day, lambda old: old in (None, False))

    def transform(doc: codec.Document) -> str:
        if doc.data is None or doc.data.get("follow_up_by") in (None, ""):
            raise JournalError(
                "this meeting has no follow_up_by, so there is no follow-up to mark done "
                "(set follow_up_by first if one is owed); nothing written"
            )
        return mark(doc)

    return transform


def _milestone(result: Done, wanted: str, day: date) -> Callable[[codec.Document], str]:
    def transform(doc: codec.Document) -> str:
        raw = doc.data.get("milestones") if doc.data is not None else None
        try:
            items = coerce(GOAL_FIELDS["milestones"], raw)
        except FieldError as exc:
            raise JournalError(
                f"{exc.message}; fix it first", line=doc.key_line("milestones")
            ) from None
        index = _find_milestone([m["title"] for m in items], wanted)
        result.milestone = items[index]["title"]
        result.key = f"milestones[{index + 1}] {result.milestone}"
        result.old = codec.plain(items[index]["done"])
        if items[index]["done"] is not False:
            return doc.text
        result.new = day.isoformat()
        assert isinstance(raw, list)  # coerce accepted it
        if isinstance(raw[index], dict):
            return codec.edit(doc, {("milestones", index, "done"): day})
        return codec.edit(doc, {("milestones", index): {"title": raw[index], "done": day}})

    return transform


def _find_milestone(titles: list[str], wanted: str) -> int:
    """The milestone titled ``wanted`` (case-insensitive), else the one title that
    holds it, else its 1-based number."""
    key = " ".join(wanted.split()).casefold()
    for tier in (lambda t: t.casefold() == key, lambda t: key in t.casefold()):
        found = [i for i, title in enumerate(titles) if tier(title)]
        if len(found) == 1:
            return found[0]
        if found:
            names = "; ".join(titles[i] for i in found)
            raise JournalError(f"'{wanted}' matches {len(found)} milestones: {names}")
    if key.isdigit() and 1 <= int(key) <= len(titles):
        return int(key) - 1
    listing = "; ".join(titles) or "none"
    raise NotFound(f"no milestone called '{wanted}' (milestones: {listing})")
