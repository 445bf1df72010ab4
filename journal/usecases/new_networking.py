"""``journal new contact`` and ``journal new meeting``: the networking log's notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from journal.adapters.vault import Vault
from journal.core import codec
from journal.core.catalog import Catalog
from journal.core.errors import Conflict, NotFound, UsageProblem
from journal.core.links import parse_link
from journal.core.networking import meeting_title
from journal.core.notes import Note
from journal.usecases.new_note import create_note, free_path


@dataclass(frozen=True)
class NewMeeting:
    path: str
    props: dict[str, Any]
    contacts_created: list[str] = field(default_factory=list)


def contact_props(name: str, today: date, **values: str | None) -> dict[str, Any]:
    """A new contact's front matter, in the order of the format (empty keys to fill in)."""
    return {
        "type": "contact",
        "title": name,
        "org": values.get("org"),
        "role": values.get("role"),
        "met_at": values.get("met_at"),
        "email": None,
        "linkedin": None,
        "created": today,
    }


def _same_person(catalog: Catalog, name: str) -> Note | None:
    wanted = name.casefold()
    for note in catalog.of_kind("contact"):
        names = (note.title, note.stem, *note.aliases)
        if wanted in (n.casefold() for n in names):
            return note
    return None


def _check_name(catalog: Catalog, name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise UsageProblem("a contact needs a name")
    existing = _same_person(catalog, name)
    if existing is not None:
        raise Conflict(f"a contact called '{name}' already exists", path=existing.path)
    return name


def new_contact(
    vault: Vault,
    catalog: Catalog,
    name: str,
    today: date,
    *,
    org: str | None = None,
    role: str | None = None,
    met_at: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """Write ``people/<NAME>.md``; refuses a name that an existing contact has."""
    name = _check_name(catalog, name)
    props = contact_props(name, today, org=org, role=role, met_at=met_at)
    context = {key: codec.plain(value) for key, value in props.items()}
    rel = create_note(vault, vault.config.folders.contact, name, props, "contact.md.j2", context)
    return rel, context


def find_people(catalog: Catalog, names: Sequence[str]) -> tuple[list[Note], list[str]]:
    """The contact notes ``names`` refer to (id, name, alias or unique part) and the
    names that match no contact; a name matching several contacts is an error."""
    found: list[Note] = []
    unknown: list[str] = []
    for raw in names:
        link = parse_link(raw)
        name = " ".join((link.target if link else raw).split())
        try:
            note = catalog.find_note(name, kinds=("contact",))
        except NotFound:
            if name and name not in unknown:
                unknown.append(name)
            continue
        if note not in found:
            found.append(note)
    return found, unknown


def new_meeting(
    vault: Vault,
    catalog: Catalog,
    people: Sequence[str],
    today: date,
    *,
    day: date | None = None,
    kind: str | None = None,
    goal: str | None = None,
    title: str | None = None,
    create_contacts: bool = False,
) -> NewMeeting:
    """Write ``meetings/<DATE> <Title>.md`` linked to the people and the goal, with
    ``follow_up_by`` = date + ``[networking] follow_up_days``.

    People who are not contacts yet are created as contacts when
    ``create_contacts`` is set; otherwise nothing is written and the error lists
    them.
    """
    if title is not None and not title.strip():
        raise UsageProblem("--title can't be empty; leave it out for the default title")
    if not any(p.strip() for p in people):
        raise UsageProblem("name the people you met with --with PERSON")
    known, unknown = find_people(catalog, people)
    if unknown and not create_contacts:
        raise NotFound(
            f"not in your contacts: {', '.join(unknown)}; add --create-contacts to create "
            "contact notes for them, or create them with `journal new contact NAME`"
        )
    day = day or today
    goal_path = catalog.find_goal(goal).path if goal else None
    new_names = [_check_name(catalog, name) for name in unknown]
    names = [note.title for note in known] + new_names
    heading = " ".join(title.split()) if title and title.strip() else meeting_title(kind, names)
    stem = f"{day.isoformat()} {heading}"
    folders = vault.config.folders
    rel = free_path(vault, folders.meeting, stem)
    new_paths = [free_path(vault, folders.contact, name) for name in new_names]
    goal_link = catalog.link_to(goal_path, rel) if goal_path else None
    for name, path in zip(new_names, new_paths, strict=True):
        new_contact(vault, catalog, name, today, met_at=catalog.link_to(rel, path))
    links = [catalog.link_to(note.path, rel) for note in known]
    links += [catalog.link_to(path, rel) for path in new_paths]
    props: dict[str, Any] = {
        "type": "meeting",
        "date": day,
        "kind": kind,
        "with": links,
        "goal": goal_link,
        "follow_up_by": day + timedelta(days=vault.config.networking.follow_up_days),
        "follow_up_done": False,
        "outcome": None,
    }
    context = {key: codec.plain(value) for key, value in props.items()}
    context |= {"title": heading, "people": names}
    written = create_note(vault, folders.meeting, stem, props, "meeting.md.j2", context)
    return NewMeeting(written, {k: codec.plain(v) for k, v in props.items()}, new_paths)
