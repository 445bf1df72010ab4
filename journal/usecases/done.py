"""``journal done NOTE``: a meeting's follow-up, a goal, or a goal's milestone is done."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field
from datetime import date
from functools import partial
from typing import Any

from journal.adapters.vault import Vault
from journal.core import codec
from journal.core.catalog import Catalog, match_key
from journal.core.checkins import exact_sum
from journal.core.dates import not_after
from journal.core.errors import Ambiguous, JournalError, NotFound, UsageProblem
from journal.core.fields import (
    CLOSED,
    GOAL_FIELDS,
    MEETING_FIELDS,
    FieldError,
    done_value,
    item_line,
    milestone_items,
    refuse_other_case,
)
from journal.core.formatting import amount, number, signed
from journal.core.goal import Change, Goal, edit_goal
from journal.core.networking import meeting_from_note, owes_unnamed_follow_up, without_outcome
from journal.core.notes import Note
from journal.core.progress import one_step_left, reached, value_now
from journal.core.records import Record, record
from journal.usecases.common import refuse_done_before_start


@record()
class Done(Record):
    """What `journal done` marked done, in which note, and the values it wrote."""

    path: str
    title: str  # the note's
    what: str  # "follow-up", "goal" or "milestone"
    key: str  # what says it is done
    old: Any = None  # its value before
    changes: list[Change] = field(default_factory=list)  # every value written
    written: bool = False
    milestone: str | None = None  # the milestone's title
    open_tasks: list[str] = field(default_factory=list)  # a meeting's unticked tasks
    open_states: list[str] = field(default_factory=list)  # their states: " ", "/"...
    open_milestones: list[str] = field(default_factory=list)  # a done goal's, with due days
    short: str | None = None  # a goal done short of its target: how to record the value
    #: A dropped milestone made done, which counts again: its ``dropped`` as written.
    dropped: Any = None

    @property
    def new(self) -> Any:
        """The value ``key`` got; None when it was done already."""
        return next((c.new for c in self.changes if c.key == self.key), None)


def mark_done(
    vault: Vault,
    catalog: Catalog,
    ref: str,
    day: date,
    *,
    milestone: str | None = None,
    dated: bool = False,
) -> Done:
    """Set ``follow_up_done: DAY`` on a meeting, ``status: done`` (and so ``completed:
    DAY``, as ``journal set`` does) on a goal, or ``done: DAY`` on the goal milestone
    whose title is (or uniquely holds) ``milestone``.  Something already done is left
    as it is, but for a milestone done on another day than ``day`` when it was given
    (``dated``: ``--date``), whose ``done`` then becomes ``day``.  A goal done all at
    once (0 to 1: :func:`_done_is_reached`) also gets its target as ``current``; any
    other goal done short of its target is told how to record its value (``short``).
    A contact's name is the follow-up still open with them
    (:func:`_the_follow_up_with`); a name that matches several notes is the one thing
    left to do among them (:func:`_the_open_one`).  A meeting's tasks not ticked yet
    are listed (``open_tasks``): closing its follow-up may forget one."""
    if milestone is not None and not milestone.strip():
        raise UsageProblem("--milestone needs a milestone's title, a part of it or its number")
    not_after(day, catalog.today, "journal done")
    kinds = ("goal",) if milestone is not None else _KINDS
    ref = vault.named_path(ref)
    try:
        note = catalog.find_note(ref, kinds=kinds, writes=True)
    except Ambiguous as exc:
        if milestone is not None:
            raise
        note = _the_open_one(catalog, ref, exc, day)
    if note.kind == "contact":
        note = _the_follow_up_with(catalog, ref, note, day)
    goal: Goal | None = None
    if milestone is not None:
        result = Done(note.path, note.title, "milestone", "milestones")
        word = partial(catalog.goal_word, note.path)
        transform = _milestone(result, milestone, day, word, dated=dated)
    elif note.kind == "meeting":
        meeting, _problems = meeting_from_note(note)  # this one, not the vault's
        if meeting.day is not None and day < meeting.day:
            if catalog.today is not None and meeting.day > catalog.today:  # no --date can do
                raise JournalError(
                    f"this meeting has not happened yet (on {meeting.day}; today is "
                    f"{catalog.today}): its follow-up can be done from that day on",
                    path=note.path,
                    line=meeting.lines.get("date"),
                )
            raise UsageProblem(
                f"the follow-up of a meeting on {meeting.day} can't be done on {day}, "
                "before it (--date gives the day it was done)"
            )
        result = Done(note.path, note.title, "follow-up", "follow_up_done")
        result.open_tasks, result.open_states = meeting.open_tasks, meeting.open_states
        transform = _follow_up(result, day, owes_unnamed_follow_up(meeting))
    else:
        goal = catalog.goal_at(note.path)
        refuse_done_before_start(catalog, goal, day, "--date", goal.start)
        result = Done(note.path, note.title, "goal", "status")
        transform = _goal(result, day, goal)
    result.written = vault.rewrite(note.path, transform, note)
    if goal is not None and result.written:  # done with milestones still open
        result.open_milestones = [
            f"{m.title} (due {m.due})" if m.due else m.title
            for m in goal.milestones
            if not m.is_done
        ]
        if not any(c.key == "current" for c in result.changes):
            result.short = _short_of_target(goal, catalog)
    return result


#: What ``journal done NOTE`` looks for ``NOTE`` among: a contact's name is the
#: follow-up open with them, before the meetings whose titles it is a part of.
_KINDS = ("meeting", "goal", "contact")


def _the_open_one(catalog: Catalog, ref: str, ambiguous: Ambiguous, day: date) -> Note:
    """Of the notes the name ``ref`` matches, the one thing still to do on ``day`` - a
    meeting held by then whose follow-up is open, a goal not done, a follow-up open with
    a contact among them (:func:`_owed`) - when there is one; else an error listing
    them when there are several, or the error itself (also when one of the notes can't
    be used: it may be the one meant)."""
    if ambiguous.unusable:
        raise ambiguous
    open_ones: dict[str, Note] = {}
    for path in ambiguous.candidates:
        note = catalog.by_path[path]
        found = _owed(catalog, note, day) if note.kind == "contact" else [note]
        open_ones |= {n.path: n for n in found if _still_open(n, day)}
    if len(open_ones) > 1:
        raise catalog.ambiguous(ref, list(open_ones), _KINDS)
    if not open_ones:
        raise ambiguous
    return next(iter(open_ones.values()))


def _the_follow_up_with(catalog: Catalog, ref: str, contact: Note, day: date) -> Note:
    """The meeting whose follow-up is the one still open on ``day`` with ``contact``,
    whom ``ref`` names (`journal done Jon`: the thank-you owed to Jon)."""
    owed = _owed(catalog, contact, day)
    if not owed:
        raise NotFound(f"no follow-up is open with {contact.title} ({contact.path} is a contact)")
    if len(owed) > 1:
        raise catalog.ambiguous(ref, [n.path for n in owed], _KINDS)
    return owed[0]


def _owed(catalog: Catalog, contact: Note, day: date) -> list[Note]:
    """The meetings with ``contact`` whose follow-up is still open on ``day``."""
    return [
        catalog.by_path[m.path]
        for m in catalog.meetings
        if any(n.path == contact.path for n in catalog.people_of(m))
        and _still_open(catalog.by_path[m.path], day)
    ]


def _still_open(note: Note, day: date) -> bool:
    props = note.props
    if note.kind == "meeting":  # owes a follow-up not done (a value neither true nor a date)
        meeting = meeting_from_note(note)[0]
        owed = props.get("follow_up_by") not in (None, "") or owes_unnamed_follow_up(meeting)
        if meeting.day is not None and meeting.day > day:
            return False  # a meeting still to come: its follow-up can't be done yet
        return owed and done_value(props.get("follow_up_done")) in (None, False)
    return props.get("status") not in CLOSED


def _goal(result: Done, day: date, goal: Goal) -> Callable[[codec.Document], str]:
    """``status: done`` (and ``completed``); for a goal done all at once whose ``current``
    the file still holds as read, ``current`` at its target too."""
    reached = _done_is_reached(goal)

    def transform(doc: codec.Document) -> str:
        data = doc.data
        result.old = codec.plain(data.get("status") if data is not None else None)
        wanted: dict[str, Any] = {"status": "done"}
        written = codec.plain(data.get("current") if data is not None else None)
        if reached is not None and result.old != "done" and _same_number(written, goal):
            wanted["current"] = reached
        edited, result.changes = edit_goal(doc, wanted, day)
        return edited.text

    return transform


def _done_is_reached(goal: Goal) -> int | None:
    """The target to write as ``current`` when ``goal`` is marked done: for a goal done all
    at once (a whole step from baseline to target: 0 to 1 playbook), being done is
    reaching it.  None for any other goal, one at its target already, and one whose value
    is not the file's ``current`` alone (no ``current``; a check-in with a value, in its
    log or elsewhere; counted from meetings): a value is never made up for them."""
    target, now = goal.target, goal.file_current
    if target is None or now is None or reached(goal, now):
        return None
    if not one_step_left(goal, goal.base) or goal.metric_source == "meetings":
        return None
    if any(c.op is not None for c in goal.checkins):
        return None
    return int(target)


def _same_number(written: Any, goal: Goal) -> bool:
    """Whether the file's ``current`` is the number the goal was read with."""
    return type(written) in (int, float) and written == goal.file_current


def _short_of_target(goal: Goal, catalog: Catalog) -> str | None:
    """For a goal done short of its target, one line saying so, with the command that
    records the value if it was reached; None at or past it, or with no target."""
    target = goal.aim
    value = value_now(goal)
    if target is None or reached(goal, value):
        return None
    name = catalog.goal_word(goal.path)
    waiting = without_outcome(goal, catalog.meetings_for(goal.path), catalog.today)
    if waiting:  # held, counted once they say what they led to
        paths = ", ".join(m.path for m in waiting)
        record = f"fill in `outcome:` in {paths} (an outcome goal counts what meetings led to)"
    elif goal.metric_source == "meetings":
        record = f"note the meetings it counts: journal new meeting --with PERSON --goal {name}"
    elif goal.metric_source == "milestones":
        record = f"mark each milestone reached: journal done {name} --milestone TITLE"
    else:
        step = signed(exact_sum(target, -value))
        record = f"journal log {name} {step} (or journal set {name} current={number(target)})"
    return (
        f"done at {number(value)} of {amount(target, goal.unit)}, short of its target; "
        f"if it was reached, record it: {record}"
    )


def _follow_up(result: Done, day: date, unnamed: bool) -> Callable[[codec.Document], str]:
    """``follow_up_done: DAY``, only on a meeting that owes a follow-up: by its
    ``follow_up_by``, or (``unnamed``) by the day implied when it has none."""

    def transform(doc: codec.Document) -> str:
        if doc.data is None or (
            doc.data.get("follow_up_by") in (None, "")
            and not (unnamed and "follow_up_by" not in doc.data)
        ):
            raise JournalError(
                "this meeting has no follow_up_by, so there is no follow-up to mark done "
                "(set follow_up_by first if one is owed); nothing written"
            )
        refuse_other_case(doc.data, ("follow_up_done",), MEETING_FIELDS, doc.key_line)
        result.old = codec.plain(doc.data.get("follow_up_done"))
        if done_value(doc.data.get("follow_up_done")) not in (None, False):
            return doc.text  # true or a date: done (a value that is neither is replaced)
        result.changes = [Change(result.key, result.old, day.isoformat())]
        return codec.edit(doc, {("follow_up_done",): day})

    return transform


def _milestone(
    result: Done, wanted: str, day: date, goal_word: Callable[[], str], *, dated: bool = False
) -> Callable[[codec.Document], str]:
    """``done: DAY`` on the milestone ``wanted`` names (:func:`_find_milestone`), also
    on one done on another day when ``dated`` (the day was given, to correct it);
    ``goal_word``: the goal as a command names it, for the hint when it names several."""

    def transform(doc: codec.Document) -> str:
        refuse_other_case(doc.data or {}, ("milestones",), GOAL_FIELDS, doc.key_line)
        raw = doc.data.get("milestones") if doc.data is not None else None
        line = doc.key_line("milestones")
        try:  # no milestones: none to find (``_find_milestone`` says so)
            found, bad = (
                milestone_items(GOAL_FIELDS["milestones"], raw) if raw is not None else ([], [])
            )
        except FieldError as exc:
            raise JournalError(f"{exc.message}; fix it first", line=line) from None
        if bad:  # told at the line at fault: the item's, or its key's
            index, message, key = bad[0]
            raise JournalError(f"{message}; fix it first", line=item_line(raw, index, key, line))
        items = [item for _index, item in found]
        index = _find_milestone([m["title"] for m in items], wanted, goal_word)
        result.milestone = items[index]["title"]
        result.key = f"milestones[{index + 1}] {result.milestone}"
        assert isinstance(raw, list)  # coerce accepted it
        written = raw[index].get("done") if isinstance(raw[index], dict) else None
        result.old = codec.plain(written)  # as the file shows it: none when there is no key
        done = items[index]["done"]
        if done is not False and not (dated and done != day):
            return doc.text
        if done is False and items[index]["dropped"] is not False:  # done and dropped is done
            result.dropped = codec.plain(raw[index]["dropped"])
        result.changes = [Change(result.key, result.old, day.isoformat())]
        if isinstance(raw[index], dict):
            return codec.edit(doc, {("milestones", index, "done"): day})
        return codec.edit(doc, {("milestones", index): {"title": raw[index], "done": day}})

    return transform


def _find_milestone(titles: list[str], wanted: str, goal_word: Callable[[], str]) -> int:
    """The milestone titled ``wanted`` (compared by :func:`match_key`), else the one
    numbered ``wanted`` (from 1), else the one title that holds it: a number is the
    milestone's number, not a digit in another's title (``2`` is not "Modules 1-12
    passed").  Several are named with their numbers, and the command that marks the
    first of them done by its number."""
    key = match_key(wanted)
    keys = [match_key(title) for title in titles]
    exact = [i for i, title in enumerate(keys) if title == key]
    if not exact and re.fullmatch("[0-9]+", key) and 1 <= int(key) <= len(titles):
        return int(key) - 1
    for found in (exact, [i for i, title in enumerate(keys) if key in title]):
        if len(found) == 1:
            return found[0]
        if found:
            names = "; ".join(f"{i + 1} '{titles[i]}'" for i in found)
            more = "" if found is exact else " or by more of its title"  # alike: by number
            raise JournalError(
                f"'{wanted}' matches {len(found)} milestones: {names}; name one by its "
                f"number{more}: `journal done {goal_word()} --milestone {found[0] + 1}` "
                f"marks '{titles[found[0]]}' done"
            )
    if re.fullmatch("[0-9]+", key):  # a number past the last
        listing = "; ".join(f"{i}. {title}" for i, title in enumerate(titles, start=1))
        has = f"{len(titles)} ({listing})" if titles else "none"
        raise NotFound(f"no milestone {key}: the goal has {has}")
    listing = "; ".join(titles) or "none"
    raise NotFound(f"no milestone called '{wanted}' (milestones: {listing})")
