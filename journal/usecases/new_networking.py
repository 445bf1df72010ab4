"""``journal new contact`` and ``journal new meeting``: the networking log's notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from datetime import date, timedelta
from typing import Any

from journal.adapters.vault import Vault
from journal.core import codec
from journal.core.catalog import Catalog, NoteHead, bare_name, one_slip_from, two_organisations
from journal.core.dates import writable_day
from journal.core.errors import Conflict, NotFound, UsageProblem
from journal.core.fields import CLOSED
from journal.core.formatting import listed, shell_word, single_line
from journal.core.links import composed, parse_link
from journal.core.networking import (
    counted_results,
    meeting_title,
    needs_outcome,
    not_counted,
    results_named,
)
from journal.core.notes import Note
from journal.core.records import Record, record
from journal.usecases.common import found_links, named_goal, still_closed
from journal.usecases.new_note import (
    UnusableNote,
    create_note,
    free_path,
    note_data,
    note_path,
    note_stem,
)


@record(frozen=True)
class NewMeeting(Record):
    """The meeting note `journal new meeting` wrote, and the contacts it made or
    missed."""

    path: str
    title: str  # "DATE Title", as the file is named
    props: dict[str, Any]
    contacts_created: list[str] = field(default_factory=list)
    contacts_missing: list[str] = field(default_factory=list)  # linked, no note yet


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


def _same_person(contacts: Sequence[NoteHead], name: str) -> NoteHead | None:
    """The contact with ``name`` as its name, file name or alias, ignoring case and
    accents: ``Jose Nunez`` is ``José Núñez``, whom every lookup would then find twice."""
    wanted = bare_name(name)  # as every lookup compares names
    for head in contacts:
        names = (head.title, head.stem, *head.aliases)
        if wanted in (bare_name(n) for n in names):
            return head
    return None


def _check_name(contacts: Sequence[NoteHead], name: str) -> str:
    name = single_line(name)
    if not name:
        raise UsageProblem("a contact needs a name")
    existing = _same_person(contacts, name)
    if existing is not None:
        known = "" if existing.title == name else f": {existing.title}"
        raise Conflict(f"a contact called '{name}' already exists{known}", path=existing.path)
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
    """Write ``people/<NAME>.md``; refuses a name that an existing contact has.  A
    ``met_at`` link is found as ``--supports`` finds its note.  Each text is one line."""
    contacts = catalog.heads_of("contact")
    name = _check_name(contacts, name)
    org, role, met_at = (
        text if text is None else single_line(text) for text in (org, role, met_at)
    )
    if met_at is not None and met_at.count("[[") != met_at.count("]]"):
        raise UsageProblem(
            f"--met-at: '{met_at}' has a link whose brackets don't close; write "
            '"[[Note]]", or where you met as text'
        )
    link = parse_link(met_at.strip()) if met_at is not None else None
    if link is not None:  # a value that is one link (text may hold one: it stays text)
        hint = "create that note first, or write where you met as text"
        here = note_path(vault.config.folders.contact, name)  # where the link resolves from
        met_at = found_links(catalog, [link], "--met-at", here, (None, hint))[0]
    props = contact_props(name, today, org=org, role=role, met_at=met_at)
    context = {key: codec.plain(value) for key, value in props.items()}
    try:
        rel = create_note(
            vault, catalog, vault.config.folders.contact, name, props, "contact.md.j2", context
        )
    except Conflict as exc:
        raise _taken(exc) from None
    near = one_slip_from(name, contacts)
    if near and org:  # of two organisations: two people, as journal check (H028) has it
        orgs = {c.path: c.org for c in catalog.contacts}
        near = [h for h in near if not two_organisations(org, orgs.get(h.path))]
    if near:
        vault.notice(
            f"{rel} is named one letter from {listed([h.title for h in near], 'or')}: if they "
            "are one person, delete it and use their note (journal check tells the pair: H028)"
        )
    return rel, context


def _taken(exc: Conflict) -> Conflict:
    """The refusal of a contact's name another note has, with the ways on."""
    if isinstance(exc, UnusableNote):
        return exc
    return Conflict(
        f"{exc.message}: if it is the person's note, give it `type: contact`; else give "
        "the contact another name",
        path=exc.path,
    )


def named_people(catalog: Catalog, names: Sequence[str]) -> list[Note | str]:
    """Each person ``names`` name, once, in their order: the contact note (by id, name,
    alias or unique part), else the name itself.  Names that are equal as lookups
    compare them (:func:`bare_name`, in any case: ``Jose Nunez``, ``José Núñez``), or
    that would get the same contact file (``Lee/Chang``, ``Lee:Chang``), are one person,
    spelled as first given; a name matching several contacts is an error."""
    people: list[Note | str] = []
    seen: set[str] = set()
    for raw in names:
        link = parse_link(raw)
        name = single_line(link.target if link else raw)
        if not name:
            continue
        person: Note | str
        try:  # a link is looked up as one: resolved as Obsidian does (found in a tryout)
            person = _contact(catalog, f"[[{name}]]" if link else name)
            keys = {person.path}
        except NotFound:
            if "," in name:
                raise _several(raw, name) from None
            person = name
            keys = {f"name:{bare_name(name).casefold()}", f"file:{note_stem(name).casefold()}"}
        except UsageProblem as exc:  # no file can be named so (`../../etc`, `:::`)
            raise UsageProblem(f"--with {shell_word(raw)}: {exc.message}") from None
        if not keys & seen:
            people.append(person)
        seen |= keys
    return people


def _several(raw: str, name: str) -> UsageProblem:
    """The refusal of ``--with NAME`` holding a comma and naming no contact: meant as
    several people, each given a ``--with`` of their own (not split: a contact's ``Lee,
    Chang`` is one person)."""
    each = " ".join(
        f"--with {shell_word(part.strip())}" for part in name.split(",") if part.strip()
    )
    return UsageProblem(
        f"--with {shell_word(raw)} holds a comma, and no contact has that name: give each "
        f"person a --with of their own: {each}"
    )


def slips(catalog: Catalog, names: Sequence[str]) -> dict[str, list[str]]:
    """For each of ``names`` (no contact's) that is one slip from the name of contacts
    (:func:`one_slip_from`: ``Sam Patell``), their titles."""
    contacts = catalog.heads_of("contact") if names else []
    found = {name: [h.title for h in one_slip_from(name, contacts)] for name in names}
    return {name: titles for name, titles in found.items() if titles}


def not_in_contacts(names: Sequence[str], slipped: dict[str, list[str]]) -> str:
    """``names`` (no contact's) as told: ``Sam Patell (did you mean Sam Patel?), Lee
    Chang``, with the contacts each of :func:`slips` may mean."""
    return ", ".join(
        f"{name} (did you mean {listed(slipped[name], 'or')}?)" if name in slipped else name
        for name in names
    )


def _contact(catalog: Catalog, name: str) -> Note:
    """The contact ``name`` names, or the one whose file the name would get (``lee:chang``
    is ``people/Lee Chang.md``, as ``Lee/Chang`` is)."""
    try:
        return catalog.find_note(name, kinds=("contact",))
    except NotFound:
        stem = note_stem(name)
        if stem == name:
            raise
        return catalog.find_note(stem, kinds=("contact",))


def _person_target(catalog: Catalog, name: str, source: str) -> str:
    """The target of the link to a person ``name`` names and no contact has, written in
    the note at ``source``: the note the name finds there (a plain note by an alias,
    ``Marcus`` for ``People/Marcus Lee.md``), as Obsidian resolves it (never by alias);
    else the name its contact note would get."""
    stem = note_stem(name)
    found = catalog.counted_path(stem, source)
    return stem if found is None else catalog.link_target(found, source)


def find_people(catalog: Catalog, names: Sequence[str]) -> tuple[list[Note], list[str]]:
    """The contact notes ``names`` refer to and the names that match no contact
    (see :func:`named_people`)."""
    people = named_people(catalog, names)
    return [p for p in people if isinstance(p, Note)], [p for p in people if isinstance(p, str)]


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
    create_contacts: bool | None = None,
) -> NewMeeting:
    """Write ``meetings/<DATE> <Title>.md`` linked to the people (in the order given)
    and the goal, with ``follow_up_by`` = date + ``[networking] follow_up_days``.

    People who are not contacts yet are created as contacts when ``create_contacts``
    is true, only linked (``[[Name]]``, unresolved until such a note exists, with a
    notice) when it is false, and listed in an error when it is None.  Every file is
    planned and checked before the first is written, so a failure writes nothing.
    """
    if title is not None and not title.strip():
        raise UsageProblem("--title can't be empty; leave it out for the default title")
    if title is not None:  # the note is 'DATE TITLE': a title that names nothing is none
        try:
            note_stem(title)
        except UsageProblem as exc:
            raise UsageProblem(f"--title: {exc.message}") from None
    if goal is not None and not goal.strip():
        raise UsageProblem("--goal can't be empty; leave it out for a meeting for no goal")
    if not any(p.strip() for p in people):
        raise UsageProblem("name the people you met with --with PERSON")
    named = named_people(catalog, people)
    unknown = [p for p in named if isinstance(p, str)]  # no contact has these names
    day = day or today
    served = named_goal(vault, catalog, goal, writes=True) if goal else None
    goal_path = served.path if served else None
    names = [composed(p.title) if isinstance(p, Note) else p for p in named]  # a file's name
    heading = single_line(title) if title and title.strip() else meeting_title(kind, names)
    stem = f"{day.isoformat()} {heading}"
    folders = vault.config.folders
    try:  # the same meeting, moved to another folder, would be found too
        rel = free_path(vault, catalog, folders.meeting, stem)
    except UsageProblem as exc:  # %% in a name of the people's: the title is the fix
        raise UsageProblem(f"{exc.message}; give the meeting a --title") from None
    except UnusableNote:
        raise
    except Conflict as exc:
        raise Conflict(
            f"{exc.message}: name this meeting with --title (the note is "
            f"'DATE TITLE'), e.g. --title \"{heading} again\"",
            path=exc.path,
        ) from None
    targets = {name: _person_target(catalog, name, rel) for name in unknown}
    found_else = {
        name: told
        for name in unknown
        if (told := catalog.not_a_contact(targets[name], rel)) is not None
    }
    if found_else and create_contacts is not False:  # no contact can be made of that name
        name, (what, fix) = next(iter(found_else.items()))
        raise Conflict(f"--with {name}: {what}; {fix}, or name their contact note in --with")
    slipped = slips(catalog, unknown)
    if unknown and create_contacts is None:
        make = listed([f"`journal new contact {shell_word(name)}`" for name in unknown])
        raise NotFound(
            f"not in your contacts: {not_in_contacts(unknown, slipped)}; add --create-contacts "
            "to create contact notes for them (--no-create-contacts links them without), or create "
            f"them with {make}"
        )
    created = unknown if create_contacts else []
    try:
        contacts = {name: free_path(vault, catalog, folders.contact, name) for name in created}
    except Conflict as exc:
        raise _taken(exc) from None
    notes = []
    for name, path in contacts.items():
        met = min(day, today)  # a contact met at a past meeting is new in that week
        props = contact_props(name, met, met_at=catalog.link_to(rel, path))
        context = {key: codec.plain(value) for key, value in props.items()}
        notes.append((path, note_data(vault, props, "contact.md.j2", context)))

    def link(person: Note | str) -> str:
        if isinstance(person, Note):
            return catalog.link_to(person.path, rel)
        if person in contacts:
            return catalog.link_to(contacts[person], rel)
        return f"[[{targets[person]}]]"

    meeting: dict[str, Any] = {"type": "meeting"}
    if note_stem(heading) != heading:  # a title no file can be named (`Chat: HR/People`)
        meeting["title"] = heading
    meeting |= {
        "date": day,
        "kind": kind,
        "with": [link(person) for person in named],
        "goal": catalog.link_to(goal_path, rel) if goal_path else None,
        "follow_up_by": writable_day(
            day + timedelta(days=vault.config.networking.follow_up_days), "follow_up_by"
        ),
        "follow_up_done": False,
        "outcome": None,
    }
    context = {key: codec.plain(value) for key, value in meeting.items()}
    context |= {"title": heading, "people": names}
    notes.append((rel, note_data(vault, meeting, "meeting.md.j2", context)))
    for path, _data in notes:
        vault.check_write(path)
    for path, data in notes:
        vault.ensure_parent(path)
        vault.create(path, data)
    for name in (name for name in contacts if name in slipped):
        vault.notice(
            f"created {contacts[name]}: did you mean {listed(slipped[name], 'or')}? If so, "
            f"delete it and link their contact note in {rel}"
        )
    missing = [name for name in unknown if name not in contacts]
    for name in missing:
        if name in found_else:
            what, fix = found_else[name]
            vault.notice(f"with: {what}; {fix}, or link the person's contact note")
        else:
            unresolved = (
                "the link stays unresolved (an H008 hint in journal check) until one exists: "
                f"journal new contact {shell_word(name)}"
            )
            if name in slipped:  # the contact meant first, not a note for the slip
                unresolved = (
                    f"did you mean {listed(slipped[name], 'or')}? If so, link their contact "
                    f"note in {rel}; if not, {unresolved}"
                )
            vault.notice(f"no contact note for {name}: {unresolved}")
    if served is not None and served.status in CLOSED:
        vault.notice(
            f"{served.path}: {still_closed(catalog, served, 'the meeting is linked to it')}"
        )
    if served is not None and served.metric_source == "meetings":
        why = not_counted(served, kind, day)
        if why is not None:
            vault.notice(f"this meeting does not count for {served.title}: {why}")
        elif needs_outcome(served):
            results = counted_results(served)
            until = (
                f"its outcome names {results_named(results)}" if results else "it has an outcome"
            )
            vault.notice(
                f"this meeting does not count for {served.title} until {until} (an outcome "
                f"goal counts what meetings led to): fill in its `outcome:` in {rel}, "
                "`none` if nothing came of it"
            )
    if (by := meeting["follow_up_by"]) < today:  # a meeting noted late
        vault.notice(f"{rel}: follow_up_by {by} is already past: the follow-up is overdue")
    props = {k: codec.plain(v) for k, v in meeting.items()}
    return NewMeeting(rel, stem, props, list(contacts.values()), missing)
