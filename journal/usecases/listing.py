"""``journal list`` and ``journal show``: notes and goals as plain records."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from journal.adapters.vault import Vault
from journal.core.catalog import COPY_RULES, MISTYPED_FIX, Catalog, match_key, warns
from journal.core.codec import plain
from journal.core.errors import ConfigError, Diagnostic, UsageProblem
from journal.core.fields import STATUSES, as_written
from journal.core.formatting import json_progress, plural
from journal.core.goal import Goal
from journal.core.links import names_file, path_finder
from journal.core.notes import Note
from journal.core.progress import last_checkin
from journal.usecases.common import named_goal, outcome_wanted


def note_record(note: Note) -> dict[str, Any]:
    """The JSON record of a note that is not a goal."""
    status = note.props.get("status")
    return {
        "id": note.id,
        "path": note.path,
        "type": note.kind,
        "title": note.title,
        "status": status if isinstance(status, str) else None,
        "tags": note.tags,
        # numbers as `show` gives a goal's extra properties: a phone number 0612345678
        # came out as 612345678 (a tryout)
        "properties": plain({k: as_written(v, note.sources.get(k)) for k, v in note.props.items()}),
    }


def list_notes(
    catalog: Catalog,
    *,
    kind: str = "goal",
    statuses: Sequence[str] = (),
    areas: Sequence[str] = (),
    due_before: date | None = None,
) -> Iterator[dict[str, Any]]:
    """Records of the notes that pass every filter, in path order, made as they are
    asked for (:meth:`Catalog.each_note`).

    ``kind`` is a note type, ``note`` for plain notes, or ``all``.  Listing goals,
    a status that no goal can have is a usage error (raised at once); other notes'
    status is free.
    """
    wanted_status = {match_key(s) for s in statuses}
    if kind == "goal" and (unknown := sorted(wanted_status - set(STATUSES))):
        raise UsageProblem(
            f"--status: '{unknown[0]}' is not a goal status; use {', '.join(STATUSES)}"
        )
    wanted_area = {match_key(a) for a in areas}
    if kind == "goal":
        goals = catalog.goals
        return (
            g.to_dict() for g in goals if _goal_passes(g, wanted_status, wanted_area, due_before)
        )
    return _note_records(
        catalog, None if kind == "all" else kind, wanted_status, wanted_area, due_before
    )


def _note_records(
    catalog: Catalog,
    kind: str | None,
    wanted_status: set[str],
    wanted_area: set[str],
    due_before: date | None,
) -> Iterator[dict[str, Any]]:
    goals_by_path = {g.path: g for g in catalog.goals}
    for note in catalog.each_note(kind):
        if not note.readable:
            continue
        goal = goals_by_path.get(note.path)
        if goal is not None:
            if _goal_passes(goal, wanted_status, wanted_area, due_before):
                yield goal.to_dict()
            continue
        record = note_record(note)
        area = note.props.get("area")
        if wanted_status and match_key(str(record["status"])) not in wanted_status:
            continue
        if wanted_area and (not isinstance(area, str) or match_key(area) not in wanted_area):
            continue
        if due_before is not None:
            continue  # only goals have a due date
        yield record


def listing_problems(catalog: Catalog) -> list[Diagnostic]:
    """What ``journal list`` reports: every error (those of :attr:`Catalog.unreadable_goals`
    among them), and the warnings of typed notes (goal, contact...) and of notes in the
    goal folder, meant as goals (:func:`warns`), with those of the notes there that are no
    goal (:attr:`Catalog.not_goals`) and of the notes in the meeting and people folders
    whose `type` is a slip (:attr:`Catalog.mistyped`); a plain note elsewhere that opens
    with a ``---`` rule stays quiet."""
    found = catalog.diagnostics
    warned = {d.path for d in found if d.severity == "warning"}
    typed = {  # every note's head is loaded only when some note has a warning
        h.path
        for h in (catalog.heads if warned else ())
        if h.path in warned and warns(h.kind, h.path, catalog.goal_folder)
    }
    told = [
        d for d in found if d.severity == "error" or (d.severity == "warning" and d.path in typed)
    ]
    return sorted([*told, *misread(catalog)], key=lambda d: d.path)


def tell_copies(vault: Vault, catalog: Catalog) -> None:
    """Tell (:meth:`Vault.notice`) of the copies ``journal status`` names
    (:meth:`Catalog.copy_records`, of the rules the vault's settings leave on): a note
    spelled two ways (NFC and NFD) is two rows alike, a conflict copy none."""
    found = catalog.copy_records()
    if not found:
        return
    from journal.usecases.check import rules_on  # (it loads the rules: only when needed)

    on = rules_on(vault, COPY_RULES)
    for copy in found:
        if copy["rule"] in on:
            vault.notice(copy["message"])


def misread(catalog: Catalog) -> list[Diagnostic]:
    """The warnings, each with its fix, of the notes meant as a goal, meeting or contact
    and read as none: those in the goal folder that are no goal (:attr:`Catalog.not_goals`)
    and those whose `type` line is a slip (:func:`mistyped`)."""
    not_goals = [
        replace(d, message=f"{d.message}; {catalog.typing_fix('goal', d.path)}")
        for d in catalog.not_goals
    ]
    return [*not_goals, *mistyped(catalog)]


def mistyped(catalog: Catalog) -> list[Diagnostic]:
    """The warnings of :attr:`Catalog.mistyped`, each with its fix."""
    return [
        replace(d, message=f"{d.message}; {MISTYPED_FIX.format(kind=k)}")
        for k, d in catalog.mistyped
    ]


def untyped_note(catalog: Catalog, kind: str) -> str:
    """What a listing of ``kind`` (meeting, contact) that found none adds: how many notes
    its folder holds with no `type` (:attr:`Catalog.untyped`, H016), or ""."""
    count = sum(k == kind for k, _ in catalog.untyped)
    if not count:
        return ""
    folder = catalog.folders[kind]
    notes = plural(count, "note")
    return f"; {folder}/ holds {notes} without type: {kind} (journal check --select H016)"


def _goal_passes(goal: Goal, statuses: set[str], areas: set[str], due_before: date | None) -> bool:
    if statuses and goal.status not in statuses:
        return False
    if areas and match_key(goal.area or "") not in areas:
        return False
    return due_before is None or (goal.due is not None and goal.due < due_before)


def show_goal(vault: Vault, catalog: Catalog, ref: str, today: date) -> dict[str, Any]:
    """One goal's record, with its check-ins, links and problems: the note's own and
    the errors and warnings ``journal check`` finds in it (but T006, which reads git
    history; None when the check settings can't be read: ``journal check`` says why)."""
    from journal.usecases.check import check_vault

    goal = named_goal(vault, catalog, ref)
    note = catalog.by_path[goal.path]
    record = goal.to_dict()
    record["checkins"] = [
        {
            "date": c.day.isoformat(),
            "change": c.value_text or None,
            "note": c.text,
            "path": c.path,  # the goal's own, or the note a progress:: field is in
            "line": c.line,
        }
        for c in goal.checkins
    ]
    record |= outcome_wanted(catalog, goal)
    files = functools.cache(vault.attachments)  # listed once, if a link names a file
    find_file = functools.cache(lambda: path_finder(files()))

    def resolved(target: str) -> str | None:
        """The note the link finds, else the file that is no note it names (``![[x.png]]``:
        docs/obsidian.md, "Links" 6), else None."""
        found = catalog.resolve_path(target, goal.path)
        if found is None and names_file(target):
            found = find_file()(target, goal.path)
        return found

    record["links"] = [
        {
            "target": link.target,
            "line": link.line,
            "property": link.key,
            "resolved": resolved(link.target),
        }
        for link in note.links
    ]
    record["tasks"] = [{"line": t.line, "done": t.done, "text": t.text} for t in note.tasks]
    record["supporting"] = [
        _related(catalog, g, via)
        for g in catalog.goals
        if g.path != goal.path and (via := _via(catalog, goal, g.path))
    ]
    record["supported_by"] = [
        _related(catalog, g, _via(catalog, g, goal.path)) for g in catalog.supporters(goal)
    ]
    record["diagnostics"] = [d.to_dict() for d in note.diagnostics]
    try:
        report = check_vault(  # the goal's findings alone: the rules skip other notes
            vault,
            catalog,
            today,
            ignore=("T006",),
            severities=("error", "warning"),
            goals_only=True,
            files=files,
        )
    except ConfigError:
        record["findings"] = None
    else:
        said = {(d.line, d.message) for d in note.diagnostics}  # H005 repeats a note's own
        record["findings"] = [
            {"rule": f.rule, "severity": f.severity, "line": f.line, "message": f.message}
            for f in report.findings
            if f.path == goal.path and (f.line, f.message) not in said
        ]
    record["extra"] = plain(goal.extra)
    return record


def _via(catalog: Catalog, goal: Goal, path: str) -> list[str]:
    """How ``goal`` links the goal at ``path``: ``supports``, ``feeds``, both or none."""
    return [
        key
        for key, links in (("supports", goal.supports), ("feeds", goal.feeds))
        if any(catalog.counted_path(link.target, goal.path) == path for link in links)
    ]


def _related(catalog: Catalog, goal: Goal, via: list[str]) -> dict[str, Any]:
    """A goal another supports or feeds, or is supported or fed by, as ``show`` lists
    it; ``via``: the keys that link the two (:func:`_via`)."""
    last = last_checkin(goal, until=catalog.today)
    return {
        "title": goal.title,
        "path": goal.path,
        "link": catalog.link_to(goal.path),
        "status": goal.status,
        "progress": json_progress(goal.progress),
        "current": goal.current,
        "target": goal.target,
        "unit": goal.unit,
        "down": goal.goes_down(goal.current),
        "last_checkin": last.isoformat() if last else None,
        "via": via,
    }


def goal_problems(catalog: Catalog, path: str | None = None) -> list[Diagnostic]:
    """What ``journal status`` reports: every error, the warnings of goal notes (a log
    line that can't be read is left out of the values it shows) and of meetings and
    contacts whose `type` is a slip (:func:`mistyped`: their follow-ups are not on the
    board); with ``path``
    (``journal log GOAL``), the errors and warnings of that goal's note alone."""
    if path is not None:
        return [d for d in catalog.diagnostics if d.path == path and d.severity != "hint"]
    goals = {g.path for g in catalog.goals}
    found = [
        d
        for d in catalog.diagnostics
        if d.severity == "error" or (d.severity == "warning" and d.path in goals)
    ]
    return sorted([*found, *mistyped(catalog)], key=lambda d: d.path)


def review_problems(catalog: Catalog) -> list[Diagnostic]:
    """What ``journal review`` reports, in path order: the goals, meetings, contacts and
    daily notes it can't read (:attr:`Catalog.unreadable_notes`: also those whose type it
    can't read, as a UTF-16 file's), and the errors and warnings of goals, meetings and contacts (a
    ``follow_up_done: yes`` that leaves a follow-up listed as overdue says why); a plain
    note's are ``journal list``'s."""
    found = [d for _kind, d in catalog.unreadable_notes]
    told = {(d.path, d.line, d.message) for d in found}
    for d in catalog.diagnostics_of(("goal", "meeting", "contact")):
        if d.severity != "hint" and (d.path, d.line, d.message) not in told:
            found.append(d)
    return sorted(found, key=lambda d: d.path)
