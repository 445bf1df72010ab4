"""``journal followups``: what the networking log owes, oldest first."""

from __future__ import annotations

from datetime import date
from typing import Any

from journal.core.catalog import Catalog
from journal.core.networking import Meeting, follow_up_order, follow_up_state, implied_reason

SHOWN_STATES = ("undated", "overdue", "due")


def followup_record(
    catalog: Catalog, meeting: Meeting, state: str, today: date, note_title: str
) -> dict[str, Any]:
    """One follow-up as a plain record (documented in docs/commands.md); ``note_title``:
    the meeting note's title (with the date its name starts with), as ``list`` gives it."""
    # the goal the meeting counts for: none when its link ties (H020), as in the review
    found = catalog.counted_path(meeting.goal.target, meeting.path) if meeting.goal else None
    goal = catalog.by_path.get(found) if found is not None else None
    done = meeting.follow_up_done
    due = meeting.follow_up_by
    return {
        "path": meeting.path,
        "title": meeting.title,
        "note_title": note_title,
        "date": meeting.day.isoformat() if meeting.day else None,
        "kind": meeting.kind,
        "follow_up_by": due.isoformat() if due else None,
        "follow_up_text": meeting.follow_up_unread,  # set when follow_up_by is no date
        "implied": implied_reason(meeting),  # set when the note has no follow_up_by
        "state": state,
        "days_overdue": (today - due).days if state == "overdue" and due else 0,
        "done": done.isoformat() if isinstance(done, date) else done,
        "days_late": max(0, (done - due).days) if isinstance(done, date) and due else 0,
        "with": [
            _name(catalog, link.target, link.display, meeting.path) for link in meeting.people
        ],
        "goal": {"title": goal.title, "path": goal.path} if goal else None,
        "tasks": meeting.open_tasks,
        "task_states": meeting.open_states,
    }


def _name(catalog: Catalog, target: str, display: str, source: str) -> str:
    note = catalog.resolve(target, source)
    return note.title if note is not None else display


def followups(catalog: Catalog, today: date, *, everything: bool = False) -> list[dict[str, Any]]:
    """Open follow-ups whose ``follow_up_by`` is no date (first: they may be overdue),
    overdue or due today to 7 days on (``everything``: also later and done ones), oldest
    ``follow_up_by`` first (:func:`~journal.core.networking.follow_up_order`)."""
    owed = [(meeting, follow_up_state(meeting, today)) for meeting in catalog.meetings]
    shown = [
        (meeting, state)
        for meeting, state in owed
        if state is not None and (everything or state in SHOWN_STATES)
    ]
    shown.sort(key=lambda pair: follow_up_order(*pair))
    titles = {h.path: h.title for h in catalog.heads_of("meeting")} if shown else {}
    return [
        followup_record(catalog, meeting, state, today, titles.get(meeting.path, meeting.title))
        for meeting, state in shown
    ]
