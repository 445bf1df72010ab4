"""The vault as data: every parsed note, with goal lookup and link resolution."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from datetime import date
from functools import cached_property

from journal.core.checkins import INLINE_KEY, CheckIn, parse_inline
from journal.core.errors import Ambiguous, Diagnostic, JournalError, NotFound
from journal.core.goal import Goal, goal_from_note
from journal.core.links import link_key, parse_link
from journal.core.networking import (
    Contact,
    Meeting,
    contact_from_note,
    counts_for,
    meeting_checkin,
    meeting_from_note,
)
from journal.core.notes import Note, note_date


class Catalog:
    """All notes of a vault, sorted by path, with the lookups commands need.

    ``today`` (when given) keeps meetings dated after it out of the goals that
    count their meetings (``metric_source: meetings``).
    """

    def __init__(self, notes: Iterable[Note], today: date | None = None) -> None:
        self.notes = sorted(notes, key=lambda n: n.path)
        self.by_path = {n.path: n for n in self.notes}
        self.today = today

    @cached_property
    def goals(self) -> list[Goal]:
        """The typed goals of every readable goal note, in path order, each with its
        log's check-ins plus the ``progress::`` check-ins other notes hold for it."""
        goals = [goal_from_note(n)[0] for n in self.notes if n.kind == "goal" and n.readable]
        by_path = {g.path: g for g in goals}
        for target, checkin in self._inline_checkins():
            note = self.resolve(target)
            goal = by_path.get(note.path) if note is not None else None
            if goal is not None and checkin.path != goal.path:
                goal.checkins.append(checkin)
        for goal in goals:
            if goal.metric_source == "meetings":
                self._count_meetings(goal)
            goal.checkins.sort(key=lambda c: (c.day, c.path != goal.path, c.path, c.line))
        return goals

    def _count_meetings(self, goal: Goal) -> None:
        """A goal with ``metric_source: meetings``: its value is baseline plus the
        meetings that count for it, each a +1 check-in; values in its log and in
        ``progress::`` fields are ignored (dated notes stay)."""
        linked = self._meetings_by_goal.get(goal.path, [])
        counted = [meeting_checkin(m) for m in linked if counts_for(goal, m, self.today)]
        goal.checkins = [c for c in goal.checkins if c.op is None] + counted
        goal.current = (goal.baseline or 0) + len(counted)

    @cached_property
    def _meetings_by_goal(self) -> dict[str, list[Meeting]]:
        """Meetings by the path of the note their ``goal`` links to."""
        found: dict[str, list[Meeting]] = {}
        for meeting in self.meetings:
            target = self.resolve(meeting.goal.target) if meeting.goal else None
            if target is not None:
                found.setdefault(target.path, []).append(meeting)
        return found

    @cached_property
    def contacts(self) -> list[Contact]:
        """The typed contacts, in path order."""
        return [contact_from_note(n)[0] for n in self.of_kind("contact")]

    @cached_property
    def meetings(self) -> list[Meeting]:
        """The typed meetings, in path order."""
        return [meeting_from_note(n)[0] for n in self.of_kind("meeting")]

    def people_of(self, meeting: Meeting) -> list[Note]:
        """The contact notes a meeting's ``with`` links resolve to."""
        found = (self.resolve(link.target) for link in meeting.people)
        unique = {n.path: n for n in found if n is not None and n.kind == "contact"}
        return list(unique.values())

    def link_to(self, path: str) -> str:
        """A wikilink that resolves to the note at ``path``: ``[[File name]]``, or the
        path when another note with that name would win."""
        stem = path.rsplit("/", 1)[-1][:-3]
        target = self.resolve(stem)
        name = stem if target is None or target.path == path else path[:-3]
        return f"[[{name}]]"

    def _inline_checkins(self) -> list[tuple[str, CheckIn]]:
        found = []
        for note in self.notes:
            if not note.readable:
                continue
            fields = [f for f in note.fields if f.key.casefold() == INLINE_KEY]
            day = note_date(note) if fields else None
            if day is None:
                continue
            for item in fields:
                parsed = parse_inline(item.value, day, item.line, note.path)
                if parsed is not None:
                    found.append(parsed)
        return found

    def of_kind(self, kind: str) -> list[Note]:
        return [n for n in self.notes if n.kind == kind and n.readable]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for n in self.notes for d in n.diagnostics]

    def goal_at(self, path: str) -> Goal:
        for goal in self.goals:
            if goal.path == path:
                return goal
        raise NotFound(f"{path} is not a readable goal")

    def find_goal(self, ref: str) -> Goal:
        """A goal by id, path, file name, title or alias (case-insensitive)."""
        return self.goal_at(self.find_note(ref, kinds=("goal",)).path)

    def find_note(self, ref: str, kinds: tuple[str, ...] | None = None) -> Note:
        """A note by id, path, file name, title or alias (also written as a wikilink),
        else by a unique part of its title, file name or id; a name that matches
        several notes is an error."""
        link = parse_link(ref)
        if link is not None and link.target:
            ref = link.target  # "[[Dana Ortiz]]" as typed in a note
        pool = [n for n in self.notes if kinds is None or n.kind in kinds]
        wanted = link_key(ref)
        tiers: list[Callable[[Note], bool]] = [
            lambda n: n.id == ref.strip(),
            lambda n: (n.id or "").casefold() == wanted,
            lambda n: link_key(n.path) == wanted,
            lambda n: n.stem.casefold() == wanted or n.title.casefold() == wanted,
            lambda n: wanted in (a.casefold() for a in n.aliases),
            lambda n: any(wanted in name.casefold() for name in (n.title, n.stem, n.id or "")),
        ]
        for matches in tiers:
            found = [n for n in pool if matches(n)]
            if len(found) == 1:
                return found[0]
            if found:
                raise Ambiguous(ref, [n.path for n in found])
        for note in self.notes:
            problems = [d for d in note.diagnostics if d.code == "front-matter"]
            if problems and wanted in (link_key(note.path), note.stem.casefold()):
                raise JournalError(
                    f"can't use this note: {problems[0].message}",
                    path=note.path,
                    line=problems[0].line,
                )
        what = " or ".join(kinds) if kinds else "note"
        names = [n.title for n in pool] + [n.id for n in pool if n.id]
        close = difflib.get_close_matches(ref, names, n=3, cutoff=0.5)
        hint = f" (did you mean: {', '.join(close)}?)" if close else ""
        raise NotFound(f"no {what} called '{ref}'{hint}")

    @cached_property
    def _link_index(self) -> tuple[dict[str, list[Note]], dict[str, list[Note]]]:
        by_name: dict[str, list[Note]] = {}
        by_alias: dict[str, list[Note]] = {}
        for note in self.notes:
            by_name.setdefault(note.stem.casefold(), []).append(note)
            for alias in note.aliases:
                by_alias.setdefault(alias.casefold(), []).append(note)
        return by_name, by_alias

    def resolve(self, target: str) -> Note | None:
        """The note a wikilink target points to: by path, file name, then alias.

        When names collide the note with the shortest path wins, as in Obsidian.
        """
        key = link_key(target)
        if not key:
            return None
        by_name, by_alias = self._link_index
        if "/" in key:
            exact = [n for n in self.notes if link_key(n.path) == key]
            if exact:
                return exact[0]
            name = key.rsplit("/", 1)[-1]
            suffix = [n for n in by_name.get(name, []) if link_key(n.path).endswith("/" + key)]
            return _shortest(suffix)
        return _shortest(by_name.get(key, [])) or _shortest(by_alias.get(key, []))


def _shortest(notes: list[Note]) -> Note | None:
    if not notes:
        return None
    return min(notes, key=lambda n: (n.path.count("/"), len(n.path), n.path))
