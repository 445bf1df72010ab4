"""The networking log: contacts, meetings, follow-ups and touch points.

A contact is a ``type: contact`` note; a meeting is a ``type: meeting`` note that
links the people met (``with``) and the goal it serves (``goal``) and owes a
follow-up by ``follow_up_by`` until ``follow_up_done`` holds the day it was done.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Iterable
from dataclasses import field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from journal.core.body import DONE_TASK
from journal.core.checkins import CheckIn
from journal.core.codec import is_empty
from journal.core.dates import DATED_NAME, DateError, parse_date
from journal.core.errors import Diagnostic
from journal.core.fields import (
    CONTACT_FIELDS,
    MEETING_FIELDS,
    Field,
    read_typed,
    typed_text,
    written_links,
)
from journal.core.formatting import listed, plural, single_line
from journal.core.links import Link, composed
from journal.core.notes import note_date
from journal.core.records import Record, record
from journal.core.regex import lazy

if TYPE_CHECKING:
    from journal.core.goal import Goal
    from journal.core.notes import Note

#: A task's due date as the Tasks plugin writes it: ``📅 2026-11-24`` (or ``📆``, ``🗓``,
#: which it reads too), or Dataview's ``[due:: 2026-11-24]`` (also in parentheses).
_TASK_DUE = lazy(r"[📅📆🗓]\ufe0f?\s*(\d{4}-\d\d-\d\d)|[\[(]due::\s*(\d{4}-\d\d-\d\d)\s*[\])]")

#: A follow-up due from today to this many days after it (both included) is "due": a
#: meeting held today owes its follow-up in ``[networking] follow_up_days`` (7).
DUE_SOON_DAYS = 7

#: How a new meeting note is titled, by kind.
KIND_TITLES = {
    "coffee": "Coffee",
    "informational": "Informational interview",
    "event": "Event",
    "mentor": "Mentor session",
}


@record()
class Contact(Record):
    """A person in the network (a ``type: contact`` note)."""

    path: str
    title: str
    org: str | None = None
    role: str | None = None
    met_at: str | None = None
    email: str | None = None
    linkedin: str | None = None
    aliases: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    created: date | None = None
    lines: dict[str, int] = field(default_factory=dict)  # each property's line


@record()
class Meeting(Record):
    """A conversation (a ``type: meeting`` note)."""

    path: str
    title: str
    day: date | None = None  # the ``date`` property
    kind: str | None = None
    people: list[Link] = field(default_factory=list)  # the ``with`` property
    #: each person's line (a list item's own) and entry as written (``[[Dana]]``, ``Dana``)
    people_at: list[tuple[int | None, str]] = field(default_factory=list)
    goal: Link | None = None
    follow_up_by: date | None = None
    follow_up_done: bool | date = False
    outcome: str | None = None
    open_tasks: list[str] = field(default_factory=list)
    open_states: list[str] = field(default_factory=list)  # each one's ``[ ]`` state: " ", "/"
    ticked_tasks: list[str] = field(default_factory=list)  # ``[x]``, not cancelled ``[-]``
    lines: dict[str, int] = field(default_factory=dict)
    follow_up_unread: str | None = None  # a ``follow_up_by`` that is no date, as written
    #: ``follow_up_by`` is implied (:func:`imply_follow_up`): the note has none
    follow_up_implied: bool = False
    #: the implied ``follow_up_by`` is an open task's due date (:func:`task_due`)
    follow_up_from_task: bool = False

    @property
    def follow_up_open(self) -> bool:
        return self.follow_up_by is not None and self.follow_up_done is False


def _typed(note: Note, fields: dict[str, Field]) -> tuple[dict[str, Any], list[Diagnostic]]:
    typed, _extra, problems = read_typed(
        note.props, fields, path=note.path, key_lines=note.key_lines, sources=note.sources
    )
    return typed, problems


def contact_from_note(note: Note) -> tuple[Contact, list[Diagnostic]]:
    """The typed contact of a ``type: contact`` note, with a diagnostic per bad value."""
    typed, problems = _typed(note, CONTACT_FIELDS)
    contact = Contact(note.path, note.title, lines=dict(note.key_lines))
    for key in ("org", "role", "met_at", "email", "linkedin", "aliases", "tags", "created"):
        if typed.get(key) is not None:
            setattr(contact, key, typed[key])
    return contact, problems


def meeting_from_note(note: Note) -> tuple[Meeting, list[Diagnostic]]:
    """The typed meeting of a ``type: meeting`` note; its date falls back to a date
    its file name starts with."""
    typed, problems = _typed(note, MEETING_FIELDS)
    title = note.title if "title" in typed else DATED_NAME.sub("", note.title) or note.title
    written = note.props.get("follow_up_by")
    unread = typed.get("follow_up_by") is None and not is_empty(written)
    people = list(  # as typed["with"], each with its line (lost once the note is stored)
        written_links(MEETING_FIELDS["with"], note.props.get("with"), note.key_lines.get("with"))
    )
    meeting = Meeting(
        note.path,
        title,
        day=typed.get("date") or note_date(note),
        kind=typed.get("kind"),
        people=[link for link, _line, _text in people],
        people_at=[(line, text) for _link, line, text in people],
        goal=typed.get("goal"),
        follow_up_by=typed.get("follow_up_by"),
        follow_up_done=typed.get("follow_up_done") or False,  # empty: not done
        outcome=typed.get("outcome"),
        open_tasks=[t.text for t in note.tasks if not t.done],
        open_states=[t.state for t in note.tasks if not t.done],
        ticked_tasks=[t.text for t in note.tasks if t.state in DONE_TASK],
        lines=dict(note.key_lines),
        follow_up_unread=_as_written(written, typed_text(note.sources, "follow_up_by"))
        if unread
        else None,
    )
    return meeting, problems


def _as_written(value: Any, source: str | None) -> str:
    """A property's value on one line, as near as written (``["2026-11-20"]`` for a list):
    what a listing shows of a value it can't read."""
    if source is not None:
        text = source
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, default=str, ensure_ascii=False)
    else:
        text = str(value)
    return single_line(text)


# --- follow-ups -------------------------------------------------------------------------


def owes_unnamed_follow_up(meeting: Meeting) -> bool:
    """Whether a meeting owes a follow-up it names no day for: it is dated, has an open
    task and no ``follow_up_by``, and its follow-up is not done (a hand-written note,
    or one from an Obsidian template, often leaves the key out)."""
    return _names_no_day(meeting) and bool(meeting.open_tasks) and meeting.follow_up_done is False


def _names_no_day(meeting: Meeting) -> bool:
    return meeting.day is not None and "follow_up_by" not in meeting.lines


def task_due(tasks: Iterable[str], since: date = date.min) -> date | None:
    """The earliest due date, from ``since`` on, of ``tasks`` (their texts), written for
    the Tasks plugin (``📅 2026-11-24``, ``📆``, ``🗓``, ``[due:: 2026-11-24]``; a day
    :func:`parse_date` refuses, that does not exist or of a year out of range, is none),
    or None: read only when a follow-up is implied."""
    days = []
    for text in tasks:
        for found in _TASK_DUE.finditer(text):
            with contextlib.suppress(DateError):
                days.append(parse_date(found.group(1) or found.group(2)))
    return min((day for day in days if day >= since), default=None)


def imply_follow_up(meeting: Meeting, days: int) -> None:
    """Give a meeting that :func:`owes_unnamed_follow_up` a ``follow_up_by``, marked
    implied: its open tasks' due date (:func:`task_due`), else the one ``journal new
    meeting`` writes, ``days`` (``[networking] follow_up_days``) after it.  Done, such a
    follow-up keeps that day (its lateness, a past week's review tell by it): with its
    open tasks giving none (all ticked since, or none of those left dated), its ticked
    tasks' due date, but for one due before the meeting (done to prepare it).  Any other
    meeting is left as it is."""
    if not _names_no_day(meeting):
        return
    assert meeting.day is not None  # dated
    done = meeting.follow_up_done is not False and bool(meeting.ticked_tasks)
    if not (meeting.open_tasks or done):
        return
    due = task_due(meeting.open_tasks)
    if due is None and done:
        due = task_due(meeting.ticked_tasks, meeting.day)
    meeting.follow_up_by = due or meeting.day + timedelta(days=days)
    meeting.follow_up_implied = True
    meeting.follow_up_from_task = due is not None


def implied_reason(meeting: Meeting) -> str | None:
    """Why an implied follow-up is due when it is, shown beside its day (``no
    follow_up_by: a week after the meeting``, ``its task's due date``); None for a
    ``follow_up_by`` written."""
    if not meeting.follow_up_implied or meeting.follow_up_by is None or meeting.day is None:
        return None
    return f"no follow_up_by: {implied_day(meeting)}"


def implied_day(meeting: Meeting) -> str:
    """Where an implied follow-up's day comes from: ``its task's due date``, or ``a week
    after the meeting``."""
    if meeting.follow_up_from_task or meeting.follow_up_by is None or meeting.day is None:
        return "its task's due date"
    return f"{span((meeting.follow_up_by - meeting.day).days)} after the meeting"


def span(days: int) -> str:
    """``a week`` for 7 days, else ``3 days``, ``1 day``."""
    return "a week" if days == 7 else plural(days, "day")


def follow_up_state(meeting: Meeting, today: date) -> str | None:
    """``done``, ``overdue``, ``due`` (today to :data:`DUE_SOON_DAYS` days on, both
    included), ``later`` (also a meeting still to come: its follow-up can't be done
    before it, as ``journal done`` says), ``undated`` (a ``follow_up_by`` that is no
    date: it may be overdue), or None for a meeting that owes no follow-up."""
    if meeting.follow_up_done is not False:
        return "done"
    if meeting.follow_up_by is None and meeting.follow_up_unread is None:
        return None
    if meeting.day is not None and meeting.day > today:
        return "later"
    if meeting.follow_up_by is None:
        return "undated"
    if meeting.follow_up_by < today:
        return "overdue"
    if meeting.follow_up_by <= today + timedelta(days=DUE_SOON_DAYS):
        return "due"
    return "later"


def follow_up_order(meeting: Meeting, state: str) -> tuple[bool, date, date, str]:
    """The order follow-ups are listed in everywhere: those whose ``follow_up_by`` is no
    date first (they may be overdue), then by ``follow_up_by`` (none last), oldest first;
    then by the meeting's day and path (composed: :func:`composed`; so the no-date ones by
    their meeting's day)."""
    by = meeting.follow_up_by or date.max
    return (state != "undated", by, meeting.day or date.max, composed(meeting.path))


#: Follow-ups overdue for longer than this are counted, not listed, by the review and
#: ``journal status``: hundreds of stale follow-ups hide this week's (``journal
#: followups`` lists them all)...
OVERDUE_LISTED_DAYS = 28
#: ...but for this many of them, the latest due, still listed: someone to follow up with is
#: named even when every follow-up owed is old (found in a tryout: a review that folded
#: them all named nobody); and a line would count two or more (one saves no space).
OLD_LISTED_UP_TO = 3


def folded(days_overdue: list[int]) -> list[bool]:
    """For follow-ups overdue by ``days_overdue`` each (0: not overdue), which are counted
    rather than listed: those overdue for over :data:`OVERDUE_LISTED_DAYS` but the
    :data:`OLD_LISTED_UP_TO` least overdue of them, when two or more are left."""
    old = sorted((days, i) for i, days in enumerate(days_overdue) if days > OVERDUE_LISTED_DAYS)
    counted = {i for _days, i in old[OLD_LISTED_UP_TO:]} if len(old) > OLD_LISTED_UP_TO + 1 else ()
    return [i in counted for i in range(len(days_overdue))]


# --- goals counted from meetings --------------------------------------------------------


def meeting_checkin(goal: Goal, meeting: Meeting, today: date | None) -> CheckIn | None:
    """What ``meeting`` (already known to link to ``goal``) is for a goal with
    ``metric_source: meetings``: a ``+1`` dated by the meeting when it counts - held for
    it (:func:`held_for`) and, for an outcome goal (:func:`needs_outcome`), with an
    ``outcome`` saying what it led to, one the goal names if it names any
    (:func:`names_result`) -; a check-in with no value when such a goal's meeting came to
    nothing (:func:`came_to_nothing`) or to no result it counts (answered, so the goal is
    not quiet); else None."""
    wanted = needs_outcome(goal)
    if not held_for(goal, meeting, today) or (wanted and not _has_outcome(meeting)):
        return None
    assert meeting.day is not None
    counted = not wanted or (not came_to_nothing(meeting) and names_result(goal, meeting))
    op, amount = ("+", 1.0) if counted else (None, 0.0)
    line = meeting.lines.get("goal", 1)
    return CheckIn(meeting.day, op, amount, meeting.title, line, meeting.path)


def held_for(goal: Goal, meeting: Meeting, today: date | None) -> bool:
    """Whether ``meeting`` (already known to link to ``goal``) is one the goal counts
    when held: of a counted kind, dated in the goal's window (``start``, else
    ``created``, to ``due``) and not after ``today``."""
    day = meeting.day
    if day is None or not_counted(goal, meeting.kind, day) is not None:
        return False
    return today is None or day <= today


def needs_outcome(goal: Goal) -> bool:
    """Whether ``goal`` counts its meetings and is an outcome goal, so a meeting counts
    only once its ``outcome`` says what it led to (outcome over activity): by its
    ``kind``, else by a metric that names a result ("informational interviews that led
    to a referral"; see :func:`~journal.core.goal.kind_of`).  An activity goal - also one
    whose metric names none, "informational interviews": it counts meetings held -
    counts every meeting held."""
    return goal.metric_source == "meetings" and goal.kind == "outcome"  # see kind_of


def counted_results(goal: Goal) -> list[str]:
    """The results a meeting leads to that an outcome goal counting its meetings names
    (``referral`` for "referrals from informational interviews": see
    :func:`~journal.core.words.meeting_results`), of which a meeting's ``outcome``
    must name one for it to count; none - any other goal too -: any result counts."""
    return list(_results(goal.metric or "", goal.unit or "")) if needs_outcome(goal) else []


@functools.lru_cache(maxsize=256)
def _results(metric: str, unit: str) -> tuple[str, ...]:
    from journal.core.words import meeting_results  # its patterns: when needed

    return tuple(meeting_results(metric, unit))


def results_named(results: list[str]) -> str:
    """``a referral``, ``an introduction or an offer``: results a goal counts
    (:func:`counted_results`) as a sentence names them."""
    return listed(
        [f"{'an' if result[:1] in 'aeiou' else 'a'} {result}" for result in results], "or"
    )


def names_result(goal: Goal, meeting: Meeting) -> bool:
    """Whether ``meeting``'s ``outcome`` names a result ``goal`` counts, by a word
    starting as its stem ("She will refer me" for a referral); any outcome does for a goal
    that names none (:func:`counted_results`)."""
    results = counted_results(goal)
    if not results:
        return True
    from journal.core.words import names_meeting_result

    return names_meeting_result(meeting.outcome or "", results)


def _has_outcome(meeting: Meeting) -> bool:
    return bool((meeting.outcome or "").strip())


#: An ``outcome`` saying that nothing came of a meeting: one of the words no, none or
#: nothing, alone or first (``Nothing yet - no referral``; not ``Nobody...``, ``Now...``,
#: ``No-nonsense...``), or ``n/a``, ``-`` or ``false`` alone; any case.
_NOTHING = lazy(r"\s*(?:(?:no|none|nothing)(?![\w'\u2019-])|(?:n/a|-|false)\s*$)", re.IGNORECASE)


def came_to_nothing(meeting: Meeting) -> bool:
    """Whether the meeting's ``outcome`` says that nothing came of it (:data:`_NOTHING`):
    answered, but no result an outcome goal counts."""
    return _NOTHING.match(meeting.outcome or "") is not None


def without_outcome(goal: Goal, meetings: Iterable[Meeting], today: date | None) -> list[Meeting]:
    """The ``meetings`` held for ``goal`` (:func:`held_for`) that it does not count only
    because their ``outcome`` is empty (:func:`needs_outcome`)."""
    if not needs_outcome(goal):
        return []
    return [m for m in meetings if held_for(goal, m, today) and not _has_outcome(m)]


def come_to_nothing(goal: Goal, meetings: Iterable[Meeting], today: date | None) -> list[Meeting]:
    """The ``meetings`` held for ``goal`` that it does not count because their ``outcome``
    says nothing came of them (:func:`came_to_nothing`, :func:`needs_outcome`)."""
    if not needs_outcome(goal):
        return []
    return [m for m in meetings if held_for(goal, m, today) and came_to_nothing(m)]


def result_not_named(goal: Goal, meetings: Iterable[Meeting], today: date | None) -> list[Meeting]:
    """The ``meetings`` held for ``goal`` that it does not count because their ``outcome``,
    not saying that nothing came of them, names no result it counts (:func:`names_result`)."""
    if not needs_outcome(goal):
        return []
    return [
        m
        for m in meetings
        if held_for(goal, m, today)
        and _has_outcome(m)
        and not came_to_nothing(m)
        and not names_result(goal, m)
    ]


def counted_meetings(goal: Goal, meetings: Iterable[Meeting], today: date | None) -> list[Meeting]:
    """The ``meetings`` that count for ``goal``, a ``+1`` each (:func:`meeting_checkin`)."""
    return [m for m in meetings if (c := meeting_checkin(goal, m, today)) and c.op == "+"]


def not_counted(goal: Goal, kind: str | None, day: date) -> str | None:
    """Why a meeting of ``kind`` on ``day`` does not count for ``goal`` (which counts
    its meetings): not of a kind it counts, or outside its window; None when it does."""
    if goal.metric_kind and kind not in goal.metric_kind:
        kinds = " or ".join(goal.metric_kind)
        return f"it counts {kinds} meetings only (--kind {goal.metric_kind[0]})"
    first = goal.start or goal.created
    if (first is not None and day < first) or (goal.due is not None and day > goal.due):
        return f"it counts the meetings from {first or 'its start'} to {goal.due or 'its end'}"
    return None


# --- touch points -----------------------------------------------------------------------


@record(frozen=True, slots=True)
class Touch(Record):
    """A point of contact with a person: a meeting or a follow-up sent."""

    day: date | None  # None: a follow-up whose ``follow_up_by`` is no date
    what: str  # "meeting" or "follow-up"
    path: str
    implied: str | None = None  # a follow-up's :func:`implied_reason`
    follow_up_text: str | None = None  # a ``follow_up_by`` that is no date, as written

    def to_dict(self) -> dict[str, str | None]:
        return {
            "date": self.day.isoformat() if self.day else None,
            "what": self.what,
            "path": self.path,
            "implied": self.implied,
            "follow_up_text": self.follow_up_text,
        }


@record(frozen=True, slots=True)
class PersonStatus(Record):
    """One contact's last and next touch point, and whether it went stale."""

    last: Touch | None
    next: Touch | None
    days_since: int | None
    stale: bool
    meetings: int


def person_status(
    contact: Contact,
    meetings: Iterable[Meeting],
    today: date,
    stale_days: int,
) -> PersonStatus:
    """Last touch: the latest meeting on or before today, or follow-up done by then of a
    meeting with this contact alone (a group meeting's may have gone to another of its
    people); next: an open follow-up whose ``follow_up_by`` is no date (it may be
    overdue), else the earliest later meeting or open follow-up (one overdue too).
    Stale: no touch (else the note's ``created`` day) for more than ``stale_days``."""
    past: list[Touch] = []
    ahead: list[Touch] = []
    count = 0
    for meeting in meetings:
        if meeting.day is not None:
            count += meeting.day <= today
            (past if meeting.day <= today else ahead).append(
                Touch(meeting.day, "meeting", meeting.path)
            )
        done = meeting.follow_up_done
        if isinstance(done, date) and done <= today and len(meeting.people) == 1:
            past.append(Touch(done, "follow-up", meeting.path))
        if meeting.follow_up_open and meeting.follow_up_by is not None:
            why = implied_reason(meeting)
            ahead.append(Touch(meeting.follow_up_by, "follow-up", meeting.path, why))
        elif follow_up_state(meeting, today) == "undated":  # may be overdue: owed first
            unread = meeting.follow_up_unread
            ahead.append(Touch(None, "follow-up", meeting.path, follow_up_text=unread))
    last = max(past, key=_touch_order, default=None)
    upcoming = min(ahead, key=_touch_order, default=None)
    seen = last.day if last else contact.created
    days = (today - seen).days if seen else None
    return PersonStatus(last, upcoming, days, days is not None and days > stale_days, count)


def _touch_order(touch: Touch) -> tuple[bool, date, str, str]:
    return (touch.day is not None, touch.day or date.min, touch.what, touch.path)


def meeting_title(kind: str | None, names: list[str]) -> str:
    """``Coffee with Dana Ortiz``, ``Event with A, B and C``."""
    what = KIND_TITLES.get(kind or "", "Meeting")
    people = listed(names) or "someone"
    return f"{what} with {people}"
