"""``journal people``: contacts with their last and next touch point."""

from __future__ import annotations

from datetime import date
from typing import Any

from journal.core.catalog import Catalog
from journal.core.networking import Meeting, person_status


def people(
    catalog: Catalog, today: date, stale_days: int, *, stale_only: bool = False
) -> list[dict[str, Any]]:
    """One record per contact, in path order (documented in docs/commands.md); with
    ``stale_only``, the stale ones alone, the longest untouched first (then by path)."""
    met: dict[str, list[Meeting]] = {}
    for meeting in catalog.meetings:
        for note in catalog.people_of(meeting):
            met.setdefault(note.path, []).append(meeting)
    listed = [
        (contact, person_status(contact, met.get(contact.path, []), today, stale_days))
        for contact in catalog.contacts
    ]
    if stale_only:  # a stale contact has days_since; the sort is stable: path order among equals
        listed = sorted(
            ((c, s) for c, s in listed if s.stale), key=lambda pair: -(pair[1].days_since or 0)
        )
    return [
        {
            "path": contact.path,
            "name": contact.title,
            "org": contact.org,
            "role": contact.role,
            "meetings": status.meetings,
            "last": status.last.to_dict() if status.last else None,
            "next": status.next.to_dict() if status.next else None,
            "days_since": status.days_since,
            "stale": status.stale,
        }
        for contact, status in listed
    ]
