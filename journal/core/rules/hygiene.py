"""Hygiene: notes that can't be read, bad values, broken links, duplicates, conflict copies."""

from __future__ import annotations

import calendar
import contextlib
import functools
import re
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from datetime import date

from journal.core import codec, plain_yaml
from journal.core.catalog import (
    MISTYPED_FIX,
    NoteHead,
    bare_name,
    front_matter,
    match_head,
    one_slip_from,
    two_organisations,
)
from journal.core.checkins import (
    INLINE_KEY,
    CheckIn,
    MiswrittenValue,
    in_unit,
    inline_link,
    inline_target,
    parse_inline,
    parse_value,
    unit_glued,
    unsigned_number,
)
from journal.core.dates import days_meant
from journal.core.errors import BEING_SAVED, Ambiguous, Diagnostic, JournalError
from journal.core.fences import code_blanked, code_spans
from journal.core.fields import (
    CLOSED,
    CONTACT_FIELDS,
    GOAL_FIELDS,
    MARKDOWN_LINK,
    MEETING_FIELDS,
    MILESTONE_KEY,
    NOTE_FIELDS,
    OBSIDIAN_LISTS,
    TEMPLATER,
    THOUSANDS,
    Field,
    FieldError,
    coerce,
)
from journal.core.formatting import listed, plural, shell_word
from journal.core.links import (
    Link,
    conflict_original,
    copy_candidates,
    copy_original,
    fold,
    markdown_link,
    name_key,
    named_copies,
    names_file,
    parse_link,
    unquoted_link,
)
from journal.core.moment import MONTHS
from journal.core.names import (
    MAX_PATH_CHARS,
    abbreviates,
    device_name,
    device_named,
    file_stem,
    one_slip,
    unfit_for_windows,
    windows_faults,
)
from journal.core.notes import (
    EDITED_SECTION,
    QUOTED_LOG,
    UNREAD_FIELD,
    NoteLink,
    remade_by,
    stem_of,
    unticked,
)
from journal.core.numerals import DASHES, named_chars
from journal.core.periodic import PeriodicSettings
from journal.core.regex import lazy
from journal.core.rules.base import Check, Context, Problem, Rule, line_of

#: How many other goals a duplicate-id finding names.
_NAMED = 3


def _person(kind: str, link: NoteLink) -> bool:
    """A meeting's ``with`` link: a person met may well have no contact note (``journal new
    meeting --no-create-contacts``), so it is a hint (H008), not an error (H001)."""
    return kind == "meeting" and link.key == "with"


def broken_link(ctx: Context) -> Iterator[Problem]:
    for path, kind, link in ctx.broken_links:
        if link.key is None or (kind == "goal" and link.key == "supports") or _person(kind, link):
            continue  # body links and people are H008's, a goal's `supports` R002's
        if ctx.copy_linked(link.target, path):
            yield _copy_linked(path, link, f"{link.key}: ")
            continue
        copy = ctx.copy_left(link.target, path)
        if copy is not None:
            yield _copy_left(path, link, copy, f"{link.key}: ")
            continue
        what = "file" if names_file(link.target) else "note"
        fix = f"fix the name (links match a file name, path or alias) or create that {what}"
        if what == "note":
            fix = ctx.goal_meant(link.target, path, fix)
        yield Problem(
            path,
            link.line,
            f"{link.key}: [[{link.target}]] links to no {what}",
            _unlisted(ctx, fix),
        )


def broken_body_link(ctx: Context) -> Iterator[Problem]:
    contacts: list[tuple[NoteHead, str]] | None = None  # made when a person has no note
    for path, kind, link in ctx.broken_links:
        if _person(kind, link):
            if contacts is None:
                contacts = _spelled_contacts(ctx)
            yield Problem(
                path,
                link.line,
                f"with: [[{link.target}]] has no contact note",
                _unlisted(ctx, _no_contact_fix(ctx, contacts, link.target, path)),
            )
        elif link.key is None and ctx.copy_linked(link.target, path):
            yield _copy_linked(path, link)
        elif link.key is None and (copy := ctx.copy_left(link.target, path)) is not None:
            yield _copy_left(path, link, copy)
        elif link.key is None:
            what = "file" if names_file(link.target) else "note"
            yield Problem(
                path,
                link.line,
                f"[[{link.target}]] links to no {what}",
                _unlisted(
                    ctx,
                    f"fix the name, or create the {what} (Obsidian shows the link as unresolved)",
                ),
            )
    if not ctx.goals_only:
        yield from _people_who_are_no_contacts(ctx)


def _spelled_contacts(ctx: Context) -> list[tuple[NoteHead, str]]:
    """Each contact, with its path and names as a command's name is compared with them
    (:func:`bare_name`) in one text: the contacts a name is not in can't be named by it."""
    return [
        (h, "\n".join(bare_name(x) for x in (h.path, h.title, h.stem, h.id or "", *h.aliases)))
        for h in ctx.catalog.heads
        if h.kind == "contact"
    ]


def _no_contact_fix(
    ctx: Context, contacts: Sequence[tuple[NoteHead, str]], name: str, source: str
) -> str:
    """How to give the person linked as ``[[name]]`` from the meeting at ``source`` a
    contact note: the contacts (:func:`_spelled_contacts`) whose names hold ``name``
    (found as ``--with`` finds one: `Ann Lee` of `Ann Lee-Wong`, renamed since; a few at
    most), else those it is one slip from (:func:`one_slip_from`: `Sam Patell`), may be
    theirs, else make one (a second note for one person, were it one of them)."""
    make = f"journal new contact {shell_word(name)}"
    if "," in name:  # `with: Dana Ortiz, Sam Patel` written as text is one name
        items = ", ".join(f'`  - "[[{part.strip()}]]"`' for part in name.split(",") if part.strip())
        return (
            f"for several people, write `with:` and then one line each ({items}); for one "
            f"person of that name, make the note: {make}"
        )
    wanted = bare_name(name)
    try:
        found = match_head([h for h, names in contacts if wanted in names], name)
        paths = [found.path] if found is not None else []
    except Ambiguous as several:
        paths = several.candidates
    alias = f" (or add `{name}` to its `aliases`: journal then finds it, Obsidian's links do not)"
    held = "has a name holding it" if len(paths) == 1 else "have names holding it"
    if not paths:
        paths = [h.path for h in one_slip_from(name, (h for h, _names in contacts))]
        alias, held = "", f"{'is' if len(paths) == 1 else 'are'} named one letter from it"
    if not paths or len(paths) > _NAMED:
        return f"fix the name, or make the note: {make}"
    links = [f'"{ctx.catalog.link_to(p, source)}"' for p in paths]
    one = "it is" if len(paths) == 1 else "one is"
    return (
        f"{listed(paths)} {held}: if {one} theirs, link {listed(links, 'or')}{alias}; else make "
        f"the note: {make}"
    )


def _people_who_are_no_contacts(ctx: Context) -> Iterator[Problem]:
    """A meeting's ``with`` person whose link finds a note that is no contact (a goal
    or a plain note of that name): no contact's touch points count the meeting."""
    for meeting in ctx.catalog.meetings:
        for person, (line, _text) in zip(meeting.people, meeting.people_at, strict=True):
            # no note found: the hint above (the index holds the link as unresolved)
            told = ctx.catalog.not_a_contact(person.target, meeting.path) if person.target else None
            if told is not None:
                what, fix = told
                yield Problem(
                    meeting.path,
                    line or 1,  # the item's own, as H008's for a link to no note
                    f"with: {what}",
                    f"{fix}, or link the person's contact note (its file name)",
                )


def _unlisted(ctx: Context, fix: str) -> str:
    """The fix of a link that finds nothing, which may be to a note in a folder the vault's
    listing could not list (:attr:`~journal.core.catalog.Catalog.unlisted`): say so."""
    if not ctx.catalog.unlisted:
        return fix
    folders = ", ".join(ctx.catalog.unlisted)
    return f"{fix}; or the note is in {folders}, which journal can't read: make it readable"


def _copy_linked(path: str, link: NoteLink, key: str = "") -> Problem:
    return Problem(
        path,
        link.line,
        f"{key}[[{link.target}]] links to a sync client's conflict copy, which journal "
        "leaves out (H003 reports the copy)",
        "merge the copy into its original and link that",
    )


def _copy_left(path: str, link: NoteLink, copy: str, key: str = "") -> Problem:
    original = conflict_original(copy) or copy
    return Problem(
        path,
        link.line,
        f"{key}[[{link.target}]] links to no note: only a sync client's conflict copy of it "
        f"is left, {copy}, which journal leaves out (H003)",
        f"if it is the note to keep, rename it {original.rsplit('/', 1)[-1]}",
    )


def alias_only_link(ctx: Context) -> Iterator[Problem]:
    # (path, link, line, as shown, whether H020 or H010 tells an alias notes share, the
    # kind the note found must be: a progress field naming a contact is H010's alone)
    links: list[tuple[str, Link, int, str, bool, str | None]] = [
        (g.path, link.link, link.line, f"[[{link.target}]]", link.key is not None, None)
        for g in ctx.goals
        for link in ctx.note(g).links
    ]
    if not ctx.goals_only:  # a meeting's people and goal (`- "[[Dana]]"`, or `- Dana`)
        for meeting in ctx.catalog.meetings:
            named = [
                (link, line, f"`{text}` in `with`")  # at its list item's line, as written
                for link, (line, text) in zip(meeting.people, meeting.people_at, strict=True)
            ]
            if meeting.goal is not None:
                named.append(
                    (meeting.goal, meeting.lines.get("goal"), f"`{meeting.goal}` in `goal`")
                )
            links += [
                (meeting.path, link, line or 1, shown, True, None) for link, line, shown in named
            ]
        for path, _day, field in ctx.catalog.fields(INLINE_KEY):  # a check-in that counts
            written = inline_link(field.value)  # until a note of that name is made
            link = parse_link(written) if written else None
            if link is not None:  # (an alias goals share: H010 names them, as H020 does)
                links.append((path, link, field.line, f"`{field.key}:: {written}`", True, "goal"))
    for path, link, line, shown, told, kind in links:
        target = link.target
        if not target or ctx.catalog.resolve_path(target, path, by_alias=False):
            continue
        if told and ctx.catalog.link_ties(target, path):
            continue  # H020 names the notes, and the fix
        note = ctx.catalog.resolve(target, path)
        if note is not None and kind in (None, note.kind):
            yield Problem(
                path,
                line,
                f"{shown} names the note by an alias: journal finds {note.path}, Obsidian "
                "does not (it shows such a link as unresolved)",
                # its heading and display text kept (found in a tryout: `[[Dana|Dana O.]]`
                # was told to write `[[Dana Ortiz|Dana]]`, another text shown)
                f"write [[{note.stem}{f'#{link.heading}' if link.heading else ''}"
                f"|{link.alias or target}]]: Obsidian resolves file names, not aliases",
            )


_EXAMPLE_FIELD = f"`{INLINE_KEY}:: [[NAME OF THE GOAL]] +1 WHAT YOU DID`"


def uncounted_progress(ctx: Context) -> Iterator[Problem]:
    # The fields a goal counts with a value or a note (most of them) need no second look.
    counted = {(c.path, c.line): c for g in ctx.goals for c in g.checkins if c.path != g.path}
    for path, day, field in ctx.catalog.fields(INLINE_KEY):
        checkin = counted.get((path, field.line))
        if checkin is not None and (
            checkin.op is not None
            or (
                checkin.note
                and unsigned_number(checkin.note) is None
                and _value_in_code(checkin.note) is None
            )
        ):
            continue
        problem = _why_uncounted(ctx, path, day is not None, field.value, field.line)
        if problem is not None:
            yield Problem(path, field.line, *problem)
    for diagnostic in ctx.catalog.diagnostics:
        if diagnostic.code in ("progress", "progress-colon", "progress-task"):
            yield _unread_field(ctx, diagnostic)


def _unread_field(ctx: Context, told: Diagnostic) -> Problem:
    """H010 at a ``progress`` field not read (after other text on its line, or with one
    colon) or on a task not done: the fix writes the field as found, so that it is read
    (or ticks the task); about the goal its link names, if any (``journal check GOAL``
    keeps it)."""
    found = UNREAD_FIELD.match(told.message)
    assert found is not None  # the message names the field
    field = found.group(1)
    if told.code == "progress-task":
        fix = "tick the task (`[x]`) when it is done, or remove the field"
    elif told.code == "progress" and told.line in unticked(ctx.catalog.by_path[told.path].tasks):
        fix = (
            f"put it on a line of its own to count it now, or in brackets, `[{field}]`, to "
            "count it once the task is done (`[x]`)"
        )
    elif told.code == "progress":
        fix = f"put it on a line of its own, or in brackets: `[{field}]`"
    else:
        field = field.replace(":", "::", 1)
        fix = f"write two colons: `{field}`"
    with contextlib.suppress(MiswrittenValue):  # `+ 1`: no goal's check-in as it is
        parsed = parse_inline(field.partition("::")[2].strip(), ctx.today, 0, told.path)
        if parsed is not None:
            goal = ctx.catalog.resolve_path(parsed[0], told.path)
            if goal in ctx.goal_by_path:
                return Problem(told.path, told.line or 1, told.message, fix, goal)
    return Problem(told.path, told.line or 1, told.message, fix)


#: Where the value starts in a field that names its goal without a link
#: (``Post on LinkedIn twice a week +1``).
_VALUE_AFTER_NAME = lazy(r"\s+(?=(?:[+-]|=[+-]?)\d)")


def _named_field(ctx: Context, path: str, value: str) -> str | None:
    """The field ``value`` (at ``path``) written with its goal's link, when the text
    before its value names one goal (as ``journal log`` finds a sure one): H010's fix for
    ``progress:: Post on LinkedIn twice a week +1``; else None."""
    found = _VALUE_AFTER_NAME.search(value)
    name = value[: found.start()].strip() if found is not None else ""
    if found is None or not name:
        return None
    try:
        goal = ctx.catalog.find_goal(name, writes=True)
    except JournalError:
        return None
    return f"`{INLINE_KEY}:: {ctx.catalog.link_to(goal.path, path)} {value[found.end() :]}`"


def _excluded_named(
    ctx: Context, path: str, target: str, resolved: str, value: str
) -> tuple[str, str]:
    """H010 at a ``progress::`` field (``value``, at ``path``) whose link ``target`` finds
    ``resolved``, a note journal does not read (a template's): the fix links each goal
    of that file name by the link that finds it."""
    rest = value[_link_end(value) :].strip()
    goals = [h.path for h in ctx.catalog.heads_of("goal") if fold(h.stem) == name_key(target)]
    fields = [f"`{INLINE_KEY}:: {ctx.catalog.link_to(p, path)} {rest}`" for p in goals]
    return (
        f"`{INLINE_KEY}:: [[{target}]]` names {resolved}, a note journal does not read (in a "
        "template folder or [vault] exclude), not a goal, so it counts for none",
        f"link the goal by its path: {listed(fields, 'or')}"
        if fields
        else f"name the goal it is progress on: {_EXAMPLE_FIELD}",
    )


def _number_alone(unit: str | None) -> str:
    """How a value with more glued to it is written (H006, H010)."""
    return f"the number alone, in the goal's unit ({unit})" if unit else "the number alone"


def _markdown_link(ctx: Context, path: str, line: int, value: str) -> str | None:
    """The name of the note a Markdown link starting the field's value names, or None.
    The value holds a Markdown link's text alone (a wikilink stands in it as written),
    so it is one when the value starts with text, not a change, and a link on its line
    names a ``.md`` file, as Obsidian writes Markdown links to notes."""
    if "[[" in value or value.lstrip()[:1] in ("+", "-", "=", "") or value.lstrip()[0].isdigit():
        return None
    if path not in ctx.catalog.by_path:
        return None
    notes = [
        link.target
        for link in ctx.catalog.by_path[path].links
        if link.line == line and link.key is None and link.target.lower().endswith(".md")
    ]
    return stem_of(notes[0]) if notes else None


def _daily_name(periodic: PeriodicSettings, path: str) -> str:
    """How the note at ``path`` would be a daily note (H010's fix)."""
    daily = periodic.daily
    if daily is None:
        return (
            "or make it a daily note: journal reads Obsidian's daily-note settings "
            "(folder, format and moment.js locale; `journal obsidian setup` shows them)"
        )
    if daily.names is None:
        return (
            f"daily notes are not read by their names: their format '{daily.format}' writes "
            f"names journal has none for in moment.js locale '{periodic.locale}'"
        )
    where = f"{daily.folder}/" if daily.folder else ""
    if not path.startswith(where):
        return f"or make it a daily note in {where} ({periodic.daily_names('')})"
    name = path[len(where) :]
    name = name[:-3] if name.lower().endswith(".md") else name
    return f"a daily note's name: {periodic.daily_names(name)}"


def _why_uncounted(
    ctx: Context, path: str, dated: bool, value: str, line: int
) -> tuple[str, str] | None:
    """(message, suggestion) when the ``progress::`` field ``value`` at ``path`` counts
    for no goal (as ``Catalog.goals`` reads them), else None."""
    try:
        parsed = parse_inline(value, ctx.today, 0, path)
    except MiswrittenValue as exc:
        end = _link_end(value)  # the value starts after the link
        rest = value[end:].strip()
        target = inline_target(value)
        resolved = ctx.catalog.resolve_path(target, path) if target is not None else None
        goal = ctx.goal_by_path.get(resolved or "")
        unit = goal.unit if goal is not None else None
        meant = in_unit(exc.written, unit) or exc.value
        at = code_blanked(rest).find(exc.written)  # (outside code: a span may hold it too)
        if at >= 0:
            rest = rest[:at] + meant + rest[at + len(exc.written) :]
        fixed = f"`{INLINE_KEY}:: {value[:end]} {rest}`"
        if meant == exc.written and unit_glued(exc.written):  # the fix would be the line
            fixed = f"{_number_alone(unit)}: {fixed.replace(exc.written, '+N', 1)}"
        return f"`{INLINE_KEY}::` {exc}, so it counts for no goal", f"write {fixed}"
    if parsed is None:
        markdown = _markdown_link(ctx, path, line, value)
        if markdown is not None:  # as Obsidian writes links with "Use [[Wikilinks]]" off
            return (
                f"`{INLINE_KEY}::` starts with a Markdown link, which journal does not read "
                "there, so it counts for no goal",
                f"write the goal as a wikilink: `{INLINE_KEY}:: [[{markdown}]] ...`",
            )
        return (
            f"`{INLINE_KEY}::` does not start with a link to a goal, so it counts for none",
            f"start it with the goal's link: {_named_field(ctx, path, value) or _EXAMPLE_FIELD}",
        )
    target, checkin = parsed
    link = f"[[{target}]]"
    resolved = ctx.catalog.resolve_path(target, path)
    if resolved == path and path in ctx.goal_by_path:
        return (
            f"`{INLINE_KEY}::` in the goal's own note is not counted: the goal's check-ins "
            "are the `- DATE: +N` lines of its `## Log`",
            f"run `{_log_command(ctx, path, checkin)}` (it writes the line under `## Log` "
            "and keeps `current` in step), then remove the field",
        )
    tied = ctx.catalog.link_ties(target, path)
    if not dated:
        logged = (  # the goal it counts for once dated, if any
            f": `{_log_command(ctx, resolved, checkin)} --date YYYY-MM-DD`"
            if resolved is not None and resolved in ctx.goal_by_path and not tied
            else " with `journal log`"
        )
        return (
            f"`{INLINE_KEY}::` in a note with no date: the check-in can't be dated, so it "
            "is not counted",
            "give the note a `date:` property or a name that starts with its day "
            f"(`2026-11-20 ...`); {_daily_name(ctx.periodic, path)}; or log it in the "
            f"goal{logged}",
        )
    if tied:
        what, fix = _tie(ctx, target, path, tied)
        return f"`{INLINE_KEY}:: {link}` {what}, so it counts for none of them", fix
    if resolved is None:
        return (
            f"`{INLINE_KEY}:: {link}` links to no note, so it counts for no goal",
            _unlisted(
                ctx,
                ctx.goal_meant(
                    target,
                    path,
                    "fix the goal's name (a file name, path or alias of a goal note)",
                    "",
                ),
            ),
        )
    goal = ctx.goal_by_path.get(resolved)
    named = ctx.catalog.by_path.get(resolved)
    if named is None:  # found as Obsidian finds it, where journal reads no note
        return _excluded_named(ctx, path, target, resolved, value)
    if goal is None and named.kind == "goal":  # meant as one, and can't be read
        errors = [d.line for d in named.diagnostics if d.line and d.severity == "error"]
        where = f"{resolved}:{errors[0]}" if errors else resolved
        return (
            f"`{INLINE_KEY}:: {link}` names a goal that can't be read ({where}, H004), so "
            "it counts for none until it can",
            f"fix the goal's front matter at {where}",
        )
    if goal is None:
        fix = f"name the goal it is progress on: {_EXAMPLE_FIELD}"
        if named.kind == "note" and ctx.catalog.meant_as(named) == "goal":
            how = "add `type: goal` to its front matter" if named.props else front_matter("goal")
            fix = f"to make {resolved} the goal (it sits in the goal folder), {how}; or {fix}"
        return (
            f"`{INLINE_KEY}:: {link}` names {resolved} ({named.kind}), not a goal, so it "
            "counts for none",
            fix,
        )
    coded = _value_in_code(checkin.note) if checkin.op is None else None
    if coded is not None:
        change, rest = coded
        return (
            f"`{INLINE_KEY}:: {link}` has no value: `{change}` is in code, which adds nothing",
            "write the change outside code, after the link: "
            f"`{INLINE_KEY}:: {link} {change}{f' {rest}' if rest else ''}`",
        )
    if checkin.op is None and not checkin.note:
        return (
            f"`{INLINE_KEY}:: {link}` has no value: it marks the day but adds nothing",
            "add the change after the link: `+1`, `-1` or `=N`, then an optional note",
        )
    told = unsigned_number(checkin.note) if checkin.op is None else None
    if told is not None:
        return (
            f"`{INLINE_KEY}:: {link}` {told}",
            "write the change with its sign after the link (`+1`, `-1` or `=N`), then the "
            "note; or start the note with a word",
        )
    if checkin.op is not None and goal.metric_source == "meetings":
        return (
            f"{link} counts its meeting notes (`metric_source: meetings`), so the value "
            f"{checkin.value_text} is ignored",
            "record the meeting instead (`journal new meeting --with PERSON --goal "
            f"{ctx.goal_word(goal.path)}`), or drop the value",
        )
    return None


def _link_end(value: str) -> int:
    """Where the link a ``progress::`` field's ``value`` starts with ends: at its first
    ``]]`` outside code (``[[Goal]] +1,5 `]]` ``, `` `[[Other]]` [[Goal]] +1,5``)."""
    blanked = code_blanked(value)
    end = blanked.find("]]", blanked.find("[["))
    return end + 2 if end >= 0 else len(value)


def _value_in_code(note: str) -> tuple[str, str] | None:
    """The change a check-in's note starts with in code, and the rest of the note
    (``+5`` and ``ran tests`` of `` `+5` ran tests``: the field ``progress:: [[Goal]]
    `+5` ran tests`` has no value), None when it starts with none."""
    spans = code_spans(note) if note.startswith("`") else []
    if not spans or spans[0][0] != 0:
        return None
    code = note[: spans[0][1]].strip("`").strip()
    try:
        found = parse_value(code)
    except MiswrittenValue:
        return None
    return (code, note[spans[0][1] :].strip()) if found is not None and not found[2] else None


def _log_command(ctx: Context, goal: str, checkin: CheckIn) -> str:
    """The ``journal log`` that writes ``checkin`` (a ``progress::`` field's) in the log
    of the goal at ``goal``: its value (``+0`` when it has none) and its note (after
    ``--`` when it starts with ``-``, which the command would read as an option)."""
    note = checkin.note
    words = [checkin.value_text or "+0"]
    if note:
        words += ["--", shell_word(note)] if note.startswith("-") else [shell_word(note)]
    return " ".join(["journal log", ctx.goal_word(goal), *words])


def _tie(ctx: Context, target: str, source: str, tied: Sequence[str]) -> tuple[str, str]:
    """What a link to ``target`` from the note at ``source`` that can't choose between
    the notes at ``tied`` (see :meth:`~journal.core.catalog.Catalog.link_ties`) links
    to, and its fix.  Notes of one name: Obsidian takes one of them, not always the
    same, so the path says which.  Notes sharing an alias (no file has the name):
    Obsidian resolves none, so the file name says which."""
    if ctx.catalog.resolve_path(target, source, by_alias=False) is None:
        names = [f"[[{ctx.catalog.link_target(p, source)}|{target}]]" for p in tied]
        return (
            f"is an alias of {_either(tied, 'and')}: Obsidian resolves no link by an alias "
            "(it shows it as unresolved), and journal does not choose between them",
            "write the file name of the note meant: " + _either(names),
        )
    return (
        f"may link to {_either(tied)}: Obsidian's choice between notes a link names "
        "equally well is not stable",
        "write the path of the note meant: " + _either([f"[[{p[:-3]}]]" for p in tied]),
    )


def _either(items: Sequence[str], word: str = "or") -> str:
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def ambiguous_link(ctx: Context) -> Iterator[Problem]:
    if not ctx.catalog.may_tie:  # nothing to look at: the goal notes are not even loaded
        return
    for goal in ctx.goals:
        for link in ctx.note(goal).links:
            if link.key is not None:
                yield from _tied(ctx, goal.path, link.line, link.key, link.target, "")
    if ctx.goals_only:
        return
    for meeting in ctx.catalog.meetings:
        named = [("goal", meeting.goal)] if meeting.goal is not None else []
        for key, linked in named + [("with", person) for person in meeting.people]:
            line = meeting.lines.get(key, 1)
            counts = ", so the meeting counts for none of them"
            yield from _tied(ctx, meeting.path, line, key, linked.target, counts)
    for contact in ctx.catalog.of_kind("contact"):
        for link in contact.links:
            if link.key is not None:
                yield from _tied(ctx, contact.path, link.line, link.key, link.target, "")


def _tied(
    ctx: Context, path: str, line: int, key: str, target: str, counts: str
) -> Iterator[Problem]:
    """H020's finding for the link to ``target`` in the property ``key`` of the note at
    ``path``, when it can't choose between notes; ``counts``: what that costs."""
    tied = ctx.catalog.link_ties(target, path) if target else ()
    if tied:
        what, fix = _tie(ctx, target, path, tied)
        yield Problem(path, line, f"{key}: [[{target}]] {what}{counts}", fix)


def similar_contacts(ctx: Context) -> Iterator[Problem]:
    if ctx.goals_only:
        return
    contacts = ctx.catalog.contacts
    names = [  # each contact's names as written, with their bare names (as lookups see them)
        [(n, bare_name(n)) for n in dict.fromkeys((c.title, stem_of(c.path), *c.aliases))]
        for c in contacts
    ]
    # two names one slip apart share one of them with a letter left out (or whole): the
    # pairs to compare, found without comparing every contact with every other
    holders: dict[str, set[int]] = {}
    for index, named in enumerate(names):
        for _name, bare in named:
            for key in {bare, *(bare[:k] + bare[k + 1 :] for k in range(len(bare)))}:
                holders.setdefault(key, set()).add(index)
    pairs = {(a, b) for found in holders.values() for a in found for b in found if a < b}
    told = []
    for a, b in sorted(pairs):
        alike = [(x, y, bx == by) for x, bx in names[a] for y, by in names[b] if one_slip(bx, by)]
        alike.sort(key=lambda found: not found[2])  # a name both have first
        if alike and (alike[0][2] or not two_organisations(contacts[a].org, contacts[b].org)):
            told.append(((contacts[a], contacts[b]), alike[0]))
    if not told:
        return
    linked = ctx.catalog.backlinks({c.path for pair, _alike in told for c in pair})
    for pair, (x, y, same) in told:
        # kept: the one more notes link to, else the one written first (by `created`,
        # when both say it), else the first by path (the pair's order)
        dated = all(c.created for c in pair)
        ranks = [
            (-len(linked.get(c.path, ())), c.created if dated and c.created else date.min)
            for c in pair
        ]
        kept, dropped = pair if ranks[0] <= ranks[1] else pair[::-1]
        dropped_name = x if dropped is pair[0] else y
        relinked = len(linked.get(dropped.path, ()))
        if same:
            what, alias = "the same name as", ""
            renamed = f"{dropped_name} ({dropped.org or 'ORG'})"
            two = f"give one of them another title and file name (`{renamed}`)"
        else:
            what, two = "named one letter from", "give each their `org`"
            alias = (
                f", add `{dropped_name}` to its `aliases` (journal then finds it by that name, "
                "Obsidian's links do not)"
            )
        for this, other, name, theirs in ((*pair, x, y), (*pair[::-1], y, x)):
            keep, drop = ("this note", dropped.path) if this is kept else (kept.path, "this note")
            links = f"the links to {drop} in {plural(relinked, 'note')}"
            relink = f", change {links} into links to {keep}" if relinked else ""
            yield Problem(
                this.path,
                this.lines.get("title", 1),
                f"{what} {other.path} ({name}, {theirs})",
                f"if one person, keep {keep}: move what {drop} holds into it"
                f"{relink}{alias} and delete {drop}; if two people, {two}",
            )


def duplicate_id(ctx: Context) -> Iterator[Problem]:
    by_id: dict[str, list[str]] = {}
    for goal in ctx.goals:
        if goal.id:
            by_id.setdefault(goal.id.casefold(), []).append(goal.path)
    for goal in ctx.goals:
        paths = by_id.get((goal.id or "").casefold(), [])
        if len(paths) > 1 and goal.path in paths:
            others = [p for p in paths if p != goal.path]
            named = ", ".join(others[:_NAMED])
            more = f" and {len(others) - _NAMED} more" if len(others) > _NAMED else ""
            original = copy_original(goal.path)
            if original not in others:
                original = next((p for p in others if _named_after_a_computer(goal.path, p)), None)
            yield Problem(
                goal.path,
                goal.line_of("id") or 1,
                f"id '{goal.id}' is also the id of {named}{more}",
                _merge_the_copy(original, "if it is a goal of its own, give it a new unique id")
                if original is not None
                else _NEW_ID,
            )


#: H002's fix when neither goal is named as a copy of the other.
_NEW_ID = (
    "if one of them is a copy of the other (a sync client's: OneDrive names it after the "
    "computer, `Note-MAYA-PC.md` beside `Note.md`; a file manager's: `Note (1).md`, `Note - "
    "Copy.md`), merge what it has of its own into the other and delete it: a new id would "
    "make both count; else give one of them a new unique id (ids are how goals are found "
    "and linked)"
)

#: What OneDrive puts after a copy's name: ``-`` and the computer's name (at most 15
#: letters, digits and hyphens), which H003 can't tell from a word of a title.
_COMPUTER = lazy(r"-[A-Za-z0-9][A-Za-z0-9-]{0,14}")


def _named_after_a_computer(path: str, original: str) -> bool:
    """Whether ``path`` is named as OneDrive names its copy of ``original``
    (``a/Note-MAYA-PC.md`` of ``a/Note.md``), which only a goal of the same id tells."""
    stem = original.removesuffix(".md")
    return (
        path.startswith(stem)
        and path.endswith(".md")
        and _COMPUTER.fullmatch(path, len(stem), len(path) - 3) is not None
    )


#: Obsidian's list properties and their legacy names, read in any case (``tag:``).
_OBSIDIAN_NAMES = frozenset({*OBSIDIAN_LISTS, *OBSIDIAN_LISTS.values()})


@functools.lru_cache(maxsize=4096)
def _close_name(key: str, missing: tuple[str, ...]) -> list[str]:
    """The property ``key`` is likely a typo of: the first of ``missing`` one slip of
    the finger away (:func:`one_slip`), with ``-`` and spaces read as ``_``.  A key two
    slips away is more likely a word of its own (`related:` is no `created:`, `state:`
    no `start:`, `follow_up_date:` no `follow_up_done:`)."""
    typed = _folded(key)
    return [name for name in missing if one_slip(typed, name)][:1]


def _folded(key: str) -> str:
    return re.sub(r"[- ]", "_", key.lower())


#: Names other tools and templates give a goal's or a meeting's days (Notion, Todoist,
#: spreadsheets) and a meeting's people: meant as journal's when the note lacks it and
#: the value would do for it (`started: true`, a meeting's `follow_up: send the deck`,
#: are words of one's own).
_OTHER_NAMES = {
    "goal": {
        **dict.fromkeys(("deadline", "due_date", "due_by", "target_date", "end_date"), "due"),
        **dict.fromkeys(("start_date", "started", "started_on", "begin", "begins"), "start"),
        **dict.fromkeys(("completed_on", "completion_date", "done_on", "finished"), "completed"),
        **dict.fromkeys(("progress", "percent_complete", "percent_done", "percentage"), "current"),
    },
    "meeting": {
        **dict.fromkeys(
            ("follow_up", "follow_up_date", "followup_date", "follow_up_on"), "follow_up_by"
        ),
        **dict.fromkeys(("attendees", "participants"), "with"),  # Obsidian meeting templates
    },
    "contact": {  # Obsidian people templates (`title` is the contact's name: its own key)
        **dict.fromkeys(("company", "organization", "organisation", "employer"), "org"),
        **dict.fromkeys(("job_title", "position"), "role"),
    },
}


def _other_name(
    kind: str,
    key: str,
    props: Callable[[], Mapping[str, object]],
    fields: Mapping[str, Field],
    missing: tuple[str, ...],
) -> str | None:
    """The property the note's ``key`` names by another tool's name, if its value would
    do for it (a ``kind`` note's ``props``, loaded only for such a key), or None."""
    meant = _OTHER_NAMES.get(kind, {}).get(_folded(key))
    if meant is None or meant not in missing:
        return None
    value = props().get(key)
    if value is None:
        return None
    if isinstance(value, str) and (
        (fields[meant].type == "date" and days_meant(value))
        or (meant == "current" and _SHARE.fullmatch(value))
    ):
        return meant  # a day written another way (`12/31/2026`), a share done (`40%`)
    try:
        return meant if coerce(fields[meant], value) is not None else None
    except FieldError:
        return None


#: A share done, as other tools write progress: ``40%``.
_SHARE = lazy(r"\d+(?:\.\d+)?\s*%")
#: H012's fix of another tool's name for `current`: what it holds is rarely in the goal's
#: unit (a share done, ``40%`` or ``0.4``), and is not converted.
_PROGRESS_FIX = (
    "write `current:` in place of `{key}:`, as the amount done in the unit `target` counts: "
    "journal works out the share done; a percentage is not converted"
)
#: Keys other tools mark a goal done with (``done: true``); journal reads ``status``.
_DONE_KEYS = frozenset({"done", "complete", "is_done"})


def _done_fix(word: str) -> str:
    """How to mark a goal done that says so by another key (H012) or by ``completed: true``
    (H005); ``word`` names the goal on the command line."""
    return (
        "write `status: done` and `completed:` with the day it was done (`journal done "
        f"{word}` writes both): journal reads a goal as done by `status: done`"
    )


def misspelt_property(ctx: Context) -> Iterator[Problem]:
    notes: list[tuple[str, str, dict[str, int], Mapping[str, Field]]] = [
        ("goal", g.path, g.lines, GOAL_FIELDS) for g in ctx.goals
    ]
    if not ctx.goals_only:  # a follow-up owed under `folow_up_by:` is lost without a word
        notes += [("meeting", m.path, m.lines, MEETING_FIELDS) for m in ctx.catalog.meetings]
        notes += [("contact", c.path, c.lines, CONTACT_FIELDS) for c in ctx.catalog.contacts]
    open_goals = {g.path for g in ctx.goals if g.status not in CLOSED}
    for kind, path, lines, fields in notes:
        # the fields the note lacks: found for its first unknown key (few notes have one)
        missing: tuple[str, ...] | None = None
        for key in lines:
            folded = key.lower()
            if folded in fields or folded in _OBSIDIAN_NAMES:  # known, other case (H011), `tag:`
                continue

            def props(path: str = path) -> Mapping[str, object]:
                return ctx.catalog.by_path[path].props  # a note loaded only when asked

            own = " (a key of your own can stay: " + (
                "`check_ignore: [H012]`)" if kind == "goal" else "`--ignore H012`)"
            )
            if _folded(key) in _DONE_KEYS and path in open_goals and props().get(key) is True:
                yield Problem(
                    path,
                    lines[key],
                    f"`{key}: true` is no goal property, and the goal's status is not done",
                    _done_fix(ctx.goal_word(path)) + own,
                )
                continue
            if missing is None:
                missing = tuple(name for name in fields if name not in lines)
            other = _other_name(kind, key, props, fields, missing)
            close = [other] if other else _close_name(key, missing)
            if close:
                yield Problem(
                    path,
                    lines[key],
                    f"`{key}` is no {kind} property, and the {kind} has no `{close[0]}`: "
                    + ("another name for it?" if other else "a typo?"),
                    (
                        _PROGRESS_FIX.format(key=key)
                        if other == "current"
                        else _renamed(key, fields[close[0]], props().get(key))
                    )
                    + own,
                )


def _renamed(key: str, meant: Field, value: object) -> str:
    """H012's fix for ``key``, holding ``value``, meant as ``meant``: rename it, or, when
    the value would not do there, write the line its first item makes (a list where one
    value is wanted: `goals: ["[[A]]"]` for a meeting's `goal`), else mend the value."""
    try:
        coerce(meant, value)
    except FieldError as exc:
        days = days_meant(value) if meant.type == "date" and isinstance(value, str) else ()
        if days:
            meant_days = _days_to_write(meant.name, days)
            if len(days) > 1:
                meant_days = f"the day meant: {meant_days},"
            return f"write {meant_days} in place of `{key}: {value}`"
        first = value[0] if isinstance(value, list) and value else None
        try:
            one = first is not None and coerce(meant, first) is not None
        except FieldError:
            one = False
        if not one:
            return f"rename `{key}:` to `{meant.name}:` and mend its value: {exc.message}"
        text = unquoted_link(first) or str(first)
        fix = f"write `{meant.name}: {_yaml_value(text)}` in place of `{key}:` and its list"
        if isinstance(value, list) and len(value) > 1:
            fix += (
                ", the first of its items (a meeting serves one goal: link the others in its body)"
                if meant.name == "goal"
                else f", the first of its items (`{meant.name}` holds one value)"
            )
        return fix
    return _rename(key, meant.name)


def _rename(key: str, meant: str) -> str:
    """The fix of a key misspelt for ``meant`` (H012, H027)."""
    return f"rename `{key}:` to `{meant}:`"


def _yaml_value(text: str) -> str:
    """An inline field's value as a front-matter value: as written when the front matter
    reads it back so (:func:`plain_yaml.read`: that text, or the number it spells, as in
    ``50`` or ``2026-09-01``), else as ``journal set`` writes that text
    (:func:`codec.scalar_text`: quoted, as ``"[[Health]]"``, ``"- a list"``, ``"a:"``)."""
    read = plain_yaml.read(f"key: {text}\n")
    if read is not None and text in (read["key"], read.sources.get("key")):
        return text
    return codec.scalar_text(text)


def inline_property(ctx: Context) -> Iterator[Problem]:
    """H025: a goal property the front matter lacks, written as a Dataview inline field in
    the body (``Target:: 50``, ``[unit:: km]``, by another tool's name ``started::``,
    with a space or ``-`` for ``_`` as in ``Due Date::``): one indexed look-up of the
    inline fields per spelling of a property name.  A field on a task is the task's (the
    Tasks plugin's ``[due:: 2026-12-14]``), not the goal's."""
    goals = {g.path: g for g in ctx.goals}
    others = {k: v for k, v in _OTHER_NAMES["goal"].items() if k != INLINE_KEY}  # a check-in
    for key in (*(k for k in GOAL_FIELDS if k != "type"), *others):
        meant = others.get(key, key)
        spelt = dict.fromkeys((key, key.replace("_", " "), key.replace("_", "-")))
        for path, _day, field in (found for name in spelt for found in ctx.catalog.fields(name)):
            goal = goals.get(path)
            if (
                goal is not None
                and ctx.missing(goal, meant)
                and all(task.line != field.line for task in ctx.catalog.by_path[path].tasks)
            ):
                yield Problem(
                    path,
                    field.line,
                    f"`{field.key}:: {field.value}` is a Dataview inline field; journal reads "
                    f"`{meant}:` in the front matter",
                    f"move it there: `{meant}: {_yaml_value(field.value)}` (of the body's "
                    "inline fields "
                    "journal reads only `progress::`; docs/obsidian.md)",
                )


#: What a wikilink can't hold in a file name: ``[[C# tips]]`` is the heading ``tips`` of
#: the note ``C``; ``^`` starts a block, ``|`` the text shown, ``[``/``]`` end the link.
_UNLINKABLE = "#^[]|"


def unlinkable_name(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.goals:
        found = sorted({ch for ch in stem_of(goal.path) if ch in _UNLINKABLE})
        if found:
            chars = " ".join(f"`{ch}`" for ch in found)
            yield Problem(
                goal.path,
                1,
                f"the file name holds {chars}, which a wikilink can't hold: a link to the goal "
                "(in reviews, plans, Obsidian) finds another note or none",
                "rename the file without them (journal's own names put a space in their place)",
            )


def _paths(ctx: Context) -> Collection[str]:
    """The paths a rule over names looks at: every note's, or the goals' alone (the
    review: what is the week's concern, without listing the whole vault)."""
    return [goal.path for goal in ctx.goals] if ctx.goals_only else ctx.catalog.paths


def unportable_name(ctx: Context) -> Iterator[Problem]:
    paths = _paths(ctx)
    for path in device_named(paths):
        parts = path.split("/")
        for at, part in enumerate(parts):
            device = device_name(part)
            if device is not None:
                yield _device_named(path, part, device, "folder" if at < len(parts) - 1 else "file")
    for path in filter(unfit_for_windows, paths):
        parts = path.split("/")
        for at, part in enumerate(parts):
            faults = windows_faults(part)
            if faults:
                yield _unfit_for_windows(path, part, faults, at < len(parts) - 1)
    for path in paths:
        if len(path) > MAX_PATH_CHARS:
            yield _too_long(path)
    lowered = [fold(path) for path in paths]  # NFC too: `Café` as macOS writes it is one
    if len(set(lowered)) == len(lowered):
        return  # most vaults: no two paths differ only in case
    by_name: dict[str, list[str]] = {}
    for low, path in zip(lowered, paths, strict=True):
        by_name.setdefault(low, []).append(path)
    for same in by_name.values():
        if len(same) < 2:
            continue
        for path in same:
            others = ", ".join(f"{p}{_accents(p, same)}" for p in sorted(same) if p != path)
            yield Problem(
                path,
                1,
                f"the path{_accents(path, same)} differs from {others} only in case (or in how an "
                "accent is written, as macOS writes it apart): Windows and macOS hold one "
                "file for both (a git checkout or a sync there keeps one of them), and "
                "Obsidian links both by one name",
                "rename one of them, so that the names differ in more than case and accents",
            )


def _too_long(path: str) -> Problem:
    """H018's finding for a path longer than :data:`MAX_PATH_CHARS`; the fix names the
    path with the file name journal would make of it, when that one is short enough."""
    fix = "rename the file or a folder on its path, to a path of at most "
    fix += f"{MAX_PATH_CHARS} characters"
    folder, slash, name = path.rpartition("/")
    try:
        shorter = f"{folder}{slash}{file_stem(name.removesuffix('.md'))}.md"
    except ValueError:  # no character of it is one a name can hold
        shorter = path
    if len(shorter) < len(path) and len(shorter) <= MAX_PATH_CHARS:
        fix += f", e.g. to `{shorter}`"
    return Problem(
        path,
        1,
        f"the path is {len(path)} characters long, over {MAX_PATH_CHARS}: with the vault's "
        "folder in front (`C:\\Users\\NAME\\OneDrive - Company\\career\\` is about 60 "
        "characters) it passes the 260 a Windows path holds, and a git checkout or a sync "
        "there fails on it",
        fix,
    )


def _accents(path: str, same: list[str]) -> str:
    """How ``path`` writes its accents when one of ``same`` writes them apart (as macOS
    does): the paths print alike, so each says which it is."""
    if all(unicodedata.is_normalized("NFC", p) for p in same):
        return ""
    if unicodedata.is_normalized("NFC", path):
        return " (accents composed, NFC)"
    return " (accents decomposed, NFD)"


def _unfit_for_windows(path: str, part: str, faults: list[str], folder: bool) -> Problem:
    what = "folder" if folder else "file"
    try:  # as journal would name it
        renamed = file_stem(part) if folder else f"{file_stem(part[:-3])}.md"
        fix = f"rename the {what}, e.g. to `{renamed}`"
    except ValueError:  # no character of it is one a name can hold
        fix = f"rename the {what}"
    return Problem(
        path,
        1,
        f"the {what} name `{part}` {listed(faults)}, which Windows can't hold in a name: a "
        "git checkout or a sync there fails on it",
        fix,
    )


def _merge_the_copy(original: str, otherwise: str) -> str:
    return (
        f"if this is a copy of {original} (a file manager's or a sync client's), merge what it "
        f"has of its own into that note and delete it; {otherwise}"
    )


#: The name Obsidian gives a new note (`Untitled.md`, then `Untitled 1.md`...): such a
#: pair is no copy H019 names unless one of them holds something counted.
OBSIDIAN_NEW_NOTE = "Untitled"


def copy_named(ctx: Context) -> Iterator[Problem]:
    paths = _paths(ctx)
    pairs = named_copies(copy_candidates(paths), set(paths).intersection)
    for path, original, counts in ctx.catalog.counted_copies(pairs):
        if not counts and stem_of(original) == OBSIDIAN_NEW_NOTE:
            continue
        held = (
            "so what the two hold (goals, check-ins, follow-ups) counts twice"
            if counts
            else "but neither holds anything journal counts (a goal, meeting, contact or "
            "`progress::` field), so nothing counts twice"
        )
        yield Problem(
            path,
            1,
            f"named like a second copy of {original}: read as a note of its own, {held}",
            _merge_the_copy(original, "if it is a note of its own, give it a name of its own"),
        )


def _device_named(path: str, part: str, device: str, what: str) -> Problem:
    renamed = f"{device}_{part[len(device) :]}"
    return Problem(
        path,
        1,
        f"the {what} name `{part}` names the Windows device {device.upper()} (by its part "
        "before the first dot): Windows can't hold it, so a git checkout or a sync there "
        "fails on it",
        f"rename the {what}, e.g. to `{renamed}` (journal's own names put a `_` after a "
        "device name)",
    )


def undated_done(ctx: Context) -> Iterator[Problem]:
    for goal in ctx.goals:
        if goal.status == "done" and ctx.missing(goal, "completed"):
            yield Problem(
                goal.path,
                line_of(goal, "status"),
                "done, with no `completed` day: the note does not say when",
                "add the day it was done: "
                f"`journal set {ctx.goal_word(goal.path)} completed=YYYY-MM-DD` (the "
                "review and the plan take the day of the commit that made it done, when "
                "there is one)",
            )


def not_a_goal(ctx: Context) -> Iterator[Problem]:
    if ctx.goals_only:
        return  # it is no goal
    for d in ctx.catalog.not_goals:
        yield Problem(d.path, d.line or 1, d.message, ctx.catalog.typing_fix("goal", d.path))
    for kind, d in ctx.catalog.untyped:
        yield Problem(d.path, d.line or 1, d.message, ctx.catalog.typing_fix(kind, d.path))


def mistyped_note(ctx: Context) -> Iterator[Problem]:
    if ctx.goals_only:
        return  # no goal
    for kind, d in ctx.catalog.mistyped:
        yield Problem(d.path, d.line or 1, d.message, MISTYPED_FIX.format(kind=kind))


def conflict_copy(ctx: Context) -> Iterator[Problem]:
    if ctx.goals_only:
        return  # a copy is never one of the goals
    for path in ctx.catalog.conflict_copies:
        original = conflict_original(path)
        if original in ctx.catalog.by_path:
            advice = f"merge its changes into {original} by hand, then delete this copy"
        else:  # the original was renamed or deleted since, or this name was chosen
            advice = (
                "no original is beside it: if this is the note to keep, rename it without "
                "the conflict part (it is left out of every command until then)"
            )
        yield Problem(
            path, 1, "a sync-conflict copy: the sync client found two versions of this note", advice
        )


def _diagnostics(
    code: tuple[str, ...], severity: str, suggestion: str, others: dict[str, str] | None = None
) -> Check:
    """The notes' diagnostics of ``code`` and ``severity`` as findings, with the fix
    ``suggestion``, or the one of ``others`` whose key the message starts with (a message
    quotes the user's text: ``duplicate key 'placeholder'``)."""

    def check(ctx: Context) -> Iterator[Problem]:
        for diagnostic in ctx.catalog.diagnostics:
            if diagnostic.code in code and diagnostic.severity == severity:
                message = diagnostic.message
                starts = (fix for key, fix in (others or {}).items() if message.startswith(key))
                yield Problem(
                    diagnostic.path, diagnostic.line or 1, message, next(starts, suggestion)
                )

    return check


def edited_section(ctx: Context) -> Iterator[Problem]:
    """H026: a generated section the user edited (the parser's diagnostic), with the
    command that remakes its note.  Which sections the template makes now is not known
    here (it is not rendered): the fix covers one it no longer makes, too."""
    for diagnostic in ctx.catalog.diagnostics:
        if diagnostic.code == EDITED_SECTION:
            note = ctx.catalog.by_path[diagnostic.path]
            command = remade_by(note)
            yield Problem(
                diagnostic.path,
                diagnostic.line or 1,
                diagnostic.message,
                "move your text out of the section (above or below its markers) and run "
                f"`{command}` again, or `{command} --force` to drop it; if that run says the "
                f"{note.kind} template no longer makes the section (--force leaves such a "
                "section alone), delete the section, markers too, once your text is out",
            )


_BAD_VALUES = _diagnostics(
    ("value",), "error", "write the value in the form docs/format.md gives for this property"
)


#: How to mend a value left as a Templater command (H024, and H005 of a date or number).
_RUN_THE_TEMPLATE = (
    "run the template in Obsidian or write the value (Templater: Replace templates in the "
    "active file); the value is ignored until then"
)


def bad_value(ctx: Context) -> Iterator[Problem]:
    for problem in _BAD_VALUES(ctx):
        fix = (
            _RUN_THE_TEMPLATE
            if problem.message.endswith(TEMPLATER)
            else _wikilink_fix(ctx, problem)
            or _unit_word_fix(ctx, problem)
            or _choice_fix(problem)
            or _date_fix(problem)
            or _duration_fix(problem)
            or _completed_fix(ctx, problem)
            or _date_form_fix(ctx, problem)
        )
        yield problem if fix is None else Problem(problem.path, problem.line, problem.message, fix)


#: A number property written with its unit's word, or glued to a percent sign or an
#: hour's: ``target should be a number, not '1 mentor'``, ``'100%'``, ``'2h'``.
_NUMBER_AND_WORD = lazy(
    r"(\w+) should be a number, not '(-?[0-9][0-9.]*)(?: +([^\d'][^']*)|(%|h|hrs?))'"
)


def _unit_word_fix(ctx: Context, problem: Problem) -> str | None:
    """The number alone, and the word as the goal's ``unit`` (when it has none), for a
    ``target: 1 mentor``."""
    told = _NUMBER_AND_WORD.fullmatch(problem.message)
    if told is None:
        return None
    key, value, word, glued = told.groups()
    word = word or glued
    if key == "confidence" and word == "%":  # from 1 to 10
        return f"write it from 1 to 10: `confidence: {float(value) / 10:g}`"
    fix = f"write the number alone, `{key}: {value}`"
    note = ctx.catalog.by_path.get(problem.path)
    unit = note.props.get("unit") if note is not None else None
    if key not in ("baseline", "target", "current"):
        return fix
    if not unit:
        return f"{fix}, and the word as the unit: `unit: {word}`"
    return f"{fix} (the unit, `unit: {unit}`, names what it counts)"


#: A choice not among its property's: ``status should be one of active, ..., not 'activ'``
_NOT_A_CHOICE = lazy(r"(\w+) should be one of (.*), not '(.*)'")
#: A date not written YYYY-MM-DD: ``due: '2027/01/31' is not a date (expected YYYY-MM-DD)``
_NOT_A_DATE = lazy(r"(\w+): '(.*)' is not a date \(expected YYYY-MM-DD\)")
#: A duration in words: ``review_every: '2 weeks' is not a duration (expected ...)``
_DURATION_WORDS = lazy(
    r"(\w+): '(\d+) *(?:(w)(?:eeks?|ks?)?|(d)(?:ays?)?)' is not a duration \(.*\)", re.IGNORECASE
)


def _choice_fix(problem: Problem) -> str | None:
    """The one choice a bad value is a slip for (``status: activ``: ``active``)."""
    told = _NOT_A_CHOICE.fullmatch(problem.message)
    if told is None:
        return None
    key, choices, typed = told.groups()
    typed = typed.strip().casefold()
    meant = [c for c in choices.split(", ") if one_slip(typed, c) or abbreviates(typed, c)]
    return f"did you mean `{key}: {meant[0]}`?" if len(meant) == 1 else None


def _date_fix(problem: Problem) -> str | None:
    """The date a bad one, written another common way (:func:`days_meant`: ``2027/01/31``,
    ``31.12.2026``, ``Dec 31, 2026``, in other characters: an en dash, full-width digits),
    means; both when its day and month could be either way round."""
    told = _NOT_A_DATE.fullmatch(problem.message)
    if told is None:
        return None
    key, typed = told.groups()
    days = days_meant(unicodedata.normalize("NFKC", typed).translate(DASHES))
    if not days:
        return None
    meant = _days_to_write(key, days)
    if len(days) > 1:
        return f"write the day meant: {meant}"
    chars = named_chars(typed)
    return f"write it in ASCII characters, {meant}{chars}" if chars else f"write it {meant}"


def _days_to_write(key: str, days: Sequence[date]) -> str:
    """``key: DAY`` for the day a value means, or of each of two, then named."""
    if len(days) == 1:
        return f"`{key}: {days[0].isoformat()}`"
    return " or ".join(f"`{key}: {d.isoformat()}` ({d.day} {MONTHS[d.month - 1]})" for d in days)


#: A value of the form YYYY-MM-DD that is no real day: ``due: '2026-12-32' is not a real
#: date (...)``, also a date and time's, a milestone's (``milestones item 1: '...' ...``).
_NO_REAL_DAY = lazy(r".*: '(\d{4})-(\d\d)-(\d\d)[^']*' is not a real date \(.*\)")
#: The property a bad value's message starts with: ``due: ...``, ``created should be ...``.
_TOLD_KEY = lazy(r"(\w+)[: ]")


def _date_form_fix(ctx: Context, problem: Problem) -> str | None:
    """The form of a date property's value, YYYY-MM-DD, said where the report is read
    (a hook's output); for a value of that form, why it is no real day."""
    told = _NO_REAL_DAY.fullmatch(problem.message)
    why = _why_no_day(*told.groups()) if told is not None else None
    if told is not None and why is not None:
        day = "-".join(told.groups())
        return f"write a day that exists, in the form YYYY-MM-DD: {day} is no real day ({why})"
    key = _TOLD_KEY.match(problem.message)
    note = ctx.catalog.by_path.get(problem.path)
    spec = NOTE_FIELDS.get(note.kind, {}).get(key[1]) if key and note else None
    if spec is None or spec.type != "date":
        return None
    return f"write the day in the form YYYY-MM-DD: `{spec.name}: YYYY-MM-DD`"


def _why_no_day(year: str, month: str, day: str) -> str | None:
    """Why a date written YYYY-MM-DD is no real day (``2026-12-32``: December 2026 has 31
    days); None when its month and day are real (its year is out of range)."""
    if not 1 <= int(month) <= 12:
        return f"there is no month {month}"
    days = calendar.monthrange(int(year), int(month))[1]
    return None if 1 <= int(day) <= days else f"{MONTHS[int(month) - 1]} {year} has {days} days"


def _duration_fix(problem: Problem) -> str | None:
    """The duration written in words (``2 weeks``, ``14 days``) as journal reads it."""
    told = _DURATION_WORDS.fullmatch(problem.message)
    if told is None:
        return None
    key, count, week, day = told.groups()
    return f"write it `{key}: {count}{(week or day).lower()}`"


def _completed_fix(ctx: Context, problem: Problem) -> str | None:
    """``completed: true``: journal reads a goal as done by its status."""
    note = ctx.catalog.by_path.get(problem.path)
    if not problem.message.startswith("completed ") or note is None:
        return None
    return _done_fix(ctx.goal_word(problem.path)) if note.props.get("completed") is True else None


def _wikilink_fix(ctx: Context, problem: Problem) -> str | None:
    """The wikilink to write for a link property's Markdown link (told by ``fields``:
    ``supports: `[A](A.md)` is a Markdown link...``): to the note it names, found as
    Obsidian finds a Markdown link's path from the note, or else named as its file."""
    key, _, rest = problem.message.partition(": `")
    written, told, _ = rest.rpartition(f"` {MARKDOWN_LINK}")
    linked = markdown_link(written) if told else None
    if linked is None:
        return None
    text, target = linked
    path = ctx.catalog.resolve_path(target, problem.path, by_alias=False) if target else None
    if path is not None:
        return f'write the wikilink, `{key}: "{ctx.catalog.link_to(path, problem.path)}"` ({path})'
    meant = f'write a wikilink to the note meant, `{key}: "[[{{}}]]"`'
    if not target or "://" in target:  # a web page or a heading: the link's text names it
        return meant.format(text)
    return f"no note is at {target}: " + meant.format(stem_of(target))


#: The hint of a value YAML read as a comment, as ``codec.commented_values`` words it.
_COMMENTED = lazy(r"`(.*)` holds no value: YAML reads `(.*)` as a comment")


def commented_value(ctx: Context) -> Iterator[Problem]:
    for diagnostic in ctx.catalog.diagnostics:
        told = _COMMENTED.fullmatch(diagnostic.message)
        if diagnostic.code == "commented-value" and told is not None:
            written, comment = told.groups()
            fix = _uncommented(written, comment)
            yield Problem(diagnostic.path, diagnostic.line or 1, diagnostic.message, fix)


def _uncommented(written: str, comment: str) -> str:
    """How to write the value meant by ``comment``, which YAML read as a comment on the
    line ``written`` (``tags: #career``, ``- #career``): without its ``#``, or quoted
    (as a list for Obsidian's list properties)."""
    head = "-" if written.startswith("-") else written.partition(":")[0] + ":"
    words = comment.split()
    if head[:-1].lower() in _OBSIDIAN_NAMES:
        bare, quoted = ", ".join(w.lstrip("#") for w in words), codec.inline_text(words)
    else:
        bare, quoted = " ".join(w.lstrip("#") for w in words), codec.scalar_text(comment)
    return f"write `{head} {bare}`, or quote it: `{head} {quoted}`"


_UNREAD_MILESTONE_KEYS = _diagnostics(
    (MILESTONE_KEY,),
    "warning",
    "rename it to the key meant, or delete it: `done` and `dropped` take `true` or the day "
    "(docs/format.md, Milestones); a key of your own can stay: `check_ignore: [H027]`",
)

#: A milestone's key close to one it lacks, as ``fields`` words it.
_MILESTONE_SLIP = lazy(r"\w+ item \d+: `(.*)` is no milestone key, and it has no `(\w+)`: a typo\?")


def milestone_key(ctx: Context) -> Iterator[Problem]:
    """H027: a key a milestone does not read (the parser's diagnostic); one close to a
    key the milestone lacks is renamed, as H012 renames a goal's."""
    for problem in _UNREAD_MILESTONE_KEYS(ctx):
        slip = _MILESTONE_SLIP.fullmatch(problem.message)
        if slip is not None:
            fix = f"{_rename(*slip.groups())} (a key of your own can stay: `check_ignore: [H027]`)"
            problem = Problem(problem.path, problem.line, problem.message, fix)
        yield problem


#: What a goal's check-in line the log does not count holds up (H006).
_LOG_WAITS = "it counts nothing, and `journal log` writes nothing to the goal, until then"
_SAVE_AS_UTF8 = (
    "save the file as UTF-8 (most editors offer the encoding when saving: Save with "
    "Encoding, UTF-8); the note is skipped until then"
)
_OUT_OF_THE_VAULT = "out of the vault (or into `[vault] exclude`); it is skipped until then"
#: What a conflict has more with ``merge.conflictStyle`` diff3 or zdiff3.
_DIFF3 = (
    "with `merge.conflictStyle diff3` or `zdiff3`, also the `|||||||` line and the base "
    "text after it, up to `=======`"
)

#: The log lines that can't be read or count nothing, with their fixes (H006).
_BAD_LOG_LINES = _diagnostics(
    ("log",),
    "warning",
    "write it as `- YYYY-MM-DD: +N note`, with a real date, the sign touching the "
    "number, ASCII digits and a decimal point (`+1.5`); the line is not counted "
    "until then",
    {
        "log line: a task not done": "tick it (`- [x]`) once done; if it will not "
        "be, delete it or move it out of the log",
        "log line: a task dated only": "write the line the message gives: the date "
        "first, then the change and the note (journal's log is dated at its start)",
        QUOTED_LOG: "take the heading and the lines under it out of the quote (no `>` "
        "before them); `journal log` writes a `## Log` of its own at the end until then",
        "log line under ": "put the line under a Log heading, written `## Log` (`#`s, "
        f"then a space), as the message says; {_LOG_WAITS}",
        "log line with no space": "put a space after the list marker (`- 2026-11-20: "
        f"+1 note`), under the goal's Log heading; {_LOG_WAITS}",
        "log line: one sign": "write the value with one sign, as the message says; the "
        "line is not counted until then",
        "log line: a time with a UTC offset": "write the date, then the change and the "
        "note, as the message says (a time with no offset may stay after the date); the "
        "line is not counted until then",
        "log line in a table": "write each row as a list item under the Log heading, "
        f"as the message gives (the table can go then); {_LOG_WAITS}",
        "log line: the date and change are written": "write the line the message "
        "gives: the date YYYY-MM-DD first, then the change and the note; the line is "
        "not counted until then",
        "log line: the change ": "write the line the message gives: the change right "
        "after the date, then the note; the line is read as a note until then",
    },
)

#: A log line's value with more glued to it, as the parser tells it.
_GLUED_TOLD = lazy(r"log line: '(.+?)' is no value journal reads")


def bad_log_line(ctx: Context) -> Iterator[Problem]:
    """H006, the fix of a value with more glued to it (``+1:30``, ``+1.5h``) in the
    goal's own unit: ``+1.5`` for a goal counted in hours."""
    for problem in _BAD_LOG_LINES(ctx):
        told = _GLUED_TOLD.match(problem.message)
        goal = ctx.goal_by_path.get(problem.path)
        if told is not None and goal is not None and unit_glued(told.group(1)):
            written, meant = told.group(1), in_unit(told.group(1), goal.unit)
            how = f"`{meant}` for `{written}` (the goal counts {goal.unit})" if meant else ""
            fix = f"write {how or _number_alone(goal.unit)}; the line is not counted until then"
            problem = Problem(problem.path, problem.line, problem.message, fix)
        yield problem


RULES = (
    Rule(
        "H001",
        "broken-link",
        "error",
        "a wikilink in the front matter of a goal (except `supports`), meeting or contact "
        "links to no note",
        broken_link,
    ),
    Rule("H002", "duplicate-id", "error", "two goals have the same `id`", duplicate_id),
    Rule("H003", "conflict-copy", "warning", "a sync-conflict copy of a note", conflict_copy),
    Rule(
        "H004",
        "unreadable-note",
        "error",
        "a note whose front matter (or file) can't be read; it is skipped",
        _diagnostics(
            ("front-matter", "parse", "empty"),
            "error",
            "fix the YAML between the `---` lines (quote values holding ': ', indent with "
            "spaces, no duplicate keys); the note is skipped until then",
            {
                "invalid front matter: the closing '---' is missing after line": "add a `---` "
                "line after the line named, the last property, so that the note's text starts "
                "after it; the note is skipped until then",
                "invalid front matter: the '...' on line": "write `---` in place of the `...` "
                "on the line named; the note is skipped until then",
                "invalid front matter: a task checkbox": "write each item as `- title: NAME`, "
                "with `done: true` on the next line, indented as `title`, for a ticked one "
                "(docs/format.md, Milestones); the note is skipped until then",
                "git left a merge conflict": "keep the lines you want between the `<<<<<<<` "
                f"and `>>>>>>>` lines and remove the marker lines ({_DIFF3}); the note is "
                "skipped until then",
                "invalid front matter: '{{...}}'": 'quote the placeholder ("{{date}}"); in a '
                "template folder journal does not read (`[vault] exclude`), it may stay so",
                "not valid UTF-8": _SAVE_AS_UTF8,
                "the file is UTF-16": _SAVE_AS_UTF8,
                "the file starts with": "save the file as UTF-8 with one byte order mark or "
                "none (in most editors: Save with Encoding, UTF-8); the note is skipped until "
                "then",
                "line 1 has": "delete what you can't see before the `---` on line 1 (put the "
                "cursor just before the first '-' and press Backspace); the note is skipped "
                "until then",
                "its lines end with": "save the file with LF (or CRLF) "
                "line endings; the note is skipped until then",
                "invalid front matter: a control character": "delete the character in the "
                "line named (most editors show it as nothing or a box: retype the line); the "
                "note is skipped until then",
                "the file contains NUL bytes": "a note is text: remove the NUL bytes, or move a "
                f"file that is no note {_OUT_OF_THE_VAULT}",
                "the file is larger than": "split it or move it, as said; it is skipped until then",
                BEING_SAVED: "wait for the editor or sync to finish saving it, then run the "
                "command again (a note still empty or cut off 2 s after its last change is told "
                "as it is); the note is skipped until then",
                "empty (": "wait for the sync to finish; if it stays empty, restore its text "
                "or delete the note, as said; the note is skipped until then",
                "can't read: ": "give yourself read access to the file (its permissions or "
                "owner: `chmod u+r FILE`); the note is skipped until then",
            },
        ),
    ),
    Rule(
        "H005",
        "bad-value",
        "error",
        "a property of a goal, meeting or contact whose value is not of its type (ignored)",
        bad_value,
    ),
    Rule(
        "H006",
        "bad-log-line",
        "warning",
        "a dated line in a goal's log that can't be read: its date is not a real date or "
        "not YYYY-MM-DD, a space parts a `+` or `=` from its number (`+ 1`), or the number "
        "has a decimal comma (`+1,5`), a space between its thousands or full-width "
        "characters, or its date is stamped another way (`[2026-11-04 09:14 AM] +1`); or one "
        "that counts nothing: a task not done (`- [ ]`, `- [-]`), a change after a note's "
        "words, a Log heading in a quote or callout, a table's row in the log, a check-in "
        "line under no Log heading (`## Logs`, `**Log**`) or with no space after its dash "
        "(`-2026-11-20: +1`)",
        bad_log_line,
    ),
    Rule(
        "H007",
        "front-matter-warning",
        "warning",
        "a second front-matter block, a `---` block at the top that is not properties, "
        "one after blank lines, or YAML 1.1's merge key (`<<: *defaults`)",
        _diagnostics(
            ("front-matter", "merge-key"),
            "warning",
            "properties are `key: value` lines in one block from a `---` on line 1 to the "
            "next `---`: write this block so, move it there or merge it into the first, or "
            "remove it",
            {
                "no '---' line opens": "add `---` as the first line, above the properties "
                "(one line: they are closed already)",
                codec.MERGE_KEY: "write the properties it would merge in this mapping and delete "
                "the `<<` line (and the anchored block, once nothing else names it)",
                "the closing '---' is probably missing": "add a `---` line after the line "
                "named, so that the heading is the note's text again (and the `---` below it "
                "a rule); if the `#` line is a comment of yours, put it right under a "
                "property, with no blank line before it",
            },
        ),
    ),
    Rule(
        "H008",
        "broken-body-link",
        "hint",
        "a wikilink in the body of a goal, meeting or contact links to no note",
        broken_body_link,
    ),
    Rule(
        "H009",
        "alias-link",
        "hint",
        "a link of a goal, a meeting or a `progress::` field names a note only by an alias, "
        "which Obsidian does not resolve",
        alias_only_link,
    ),
    Rule(
        "H010",
        "uncounted-progress",
        "warning",
        "a `progress::` field that can't count: it names no goal, has no value or no date, "
        "parts a sign from its number, or follows other text on its line",
        uncounted_progress,
    ),
    Rule(
        "H011",
        "property-case",
        "warning",
        "a goal, meeting or contact property, or a choice such as `status`, written in other "
        "case (`Status:`, `status: Active`)",
        _diagnostics(
            ("key-case",),
            "warning",
            "write it in lower case, as journal and Obsidian's Bases both read it",
            {
                "two values for": "keep the line you mean, in lower case, and delete the "
                "other; until then journal reads the lower-case one"
            },
        ),
    ),
    Rule(
        "H012",
        "misspelt-property",
        "warning",
        "a goal, meeting or contact property journal does not know, close to one the note "
        "lacks (`tagret:` and no `target:`, `folow_up_by:` and no `follow_up_by:`)",
        misspelt_property,
    ),
    Rule(
        "H013",
        "merge-conflict",
        "error",
        "a note git left in a merge conflict (`<<<<<<<`, `=======` and `>>>>>>>` lines, "
        "outside fenced code): the check-ins between them count nothing, and the tool edits "
        "nothing in it",
        _diagnostics(
            ("conflict",),
            "error",
            "keep the lines you want, delete the `<<<<<<<`, `=======` and `>>>>>>>` lines "
            f"({_DIFF3})",
        ),
    ),
    Rule(
        "H014",
        "unlinkable-name",
        "warning",
        "a goal's file name holds `#`, `^`, `[`, `]` or `|`, which no wikilink can hold",
        unlinkable_name,
    ),
    Rule(
        "H015",
        "undated-done",
        "hint",
        "a done goal has no `completed` day (its `status` was set by hand)",
        undated_done,
    ),
    Rule(
        "H016",
        "not-a-goal",
        "warning",
        "a note in the goal folder that is not read as a goal: its `type` is not `goal` "
        "(`goals`, `Type:`, none, no front matter), nor another journal type; or one in the "
        "meeting or people folder with no `type`",
        not_a_goal,
    ),
    Rule(
        "H017",
        "mistyped-note",
        "warning",
        "a note in the meeting or people folder whose `type` is a slip for `meeting` or "
        "`contact` (`meetng`, `meetings`, `Type: meeting`): read as a plain note, its "
        "follow-up or contact is in no list",
        mistyped_note,
    ),
    Rule(
        "H018",
        "unportable-name",
        "warning",
        "a note's path that Windows or macOS can't hold: it differs from another's only in "
        "case, or a file or folder name on it is a Windows device name (`CON`, `aux.txt`, "
        '`Con. law`), holds a character Windows reserves (`< > : " \\ | ? *`, a control '
        "character) or ends in a space or dot, or the path is longer than 200 characters",
        unportable_name,
    ),
    Rule(
        "H019",
        "copy-named",
        "warning",
        "a note named like a second copy of the note beside it (`Note 2.md`, `Note copy.md`, "
        "`Note - Copy.md`, `Note (1).md`): what both hold counts twice",
        copy_named,
    ),
    Rule(
        "H020",
        "ambiguous-link",
        "warning",
        "a link in the properties of a goal, meeting or contact that names two or more "
        "notes equally well (`[[Fitness]]` for `Career/Fitness.md` and `Health/Fitness.md`): "
        "Obsidian's choice is not stable, and a meeting's `goal` or `with` counts for none",
        ambiguous_link,
    ),
    Rule(
        "H021",
        "commented-value",
        "hint",
        "a property (or a list item) with no value, whose `#` word after the colon (or "
        "dash) YAML reads as a comment: `tags: #career`",
        commented_value,
    ),
    Rule(
        "H022",
        "ambiguous-number",
        "warning",
        "a number whose point may part thousands, the German way (`target: 2.500`, a log "
        "line's `+1.000`): journal reads it as a decimal point (2.5, +1)",
        _diagnostics(
            (THOUSANDS,),
            "warning",
            "if the point parts thousands, write the number without it (2500); else as "
            "journal reads it (2.5), which no one can read as thousands",
        ),
    ),
    Rule(
        "H023",
        "broken-sections",
        "error",
        "a review's or plan's generated-section markers that don't pair up (a begin marker "
        "twice, after a merge that kept both sides): `journal review` or `plan` stops there",
        _diagnostics(
            ("sections",),
            "error",
            "mend the markers as the message says, then run `journal review` (`journal "
            "plan` for a plan); docs/guide.md: a generated note in a merge conflict",
        ),
    ),
    Rule(
        "H024",
        "templater-command",
        "warning",
        "a property of a goal, meeting or contact holding a Templater command that never "
        "ran (`title: <% tp.file.title %>`): the value is ignored",
        _diagnostics(("templater",), "warning", _RUN_THE_TEMPLATE),
    ),
    Rule(
        "H025",
        "inline-property",
        "hint",
        "a goal property the front matter lacks, written as a Dataview inline field in the "
        "body (`Target:: 50`): journal reads it only in the front matter",
        inline_property,
    ),
    Rule(
        "H026",
        "edited-section",
        "hint",
        "a review's or plan's generated section holding your edits: `journal review` (or "
        "`plan`) keeps it as it is, so it is no longer updated",
        edited_section,
    ),
    Rule(
        "H027",
        "milestone-key",
        "warning",
        "a key in a goal's milestone that journal does not read (a milestone reads `title`, "
        "`due`, `done` and `dropped`): `status: dropped`, a slip such as `dew:`",
        milestone_key,
    ),
    Rule(
        "H028",
        "similar-contacts",
        "hint",
        "two contacts of one name (`José Núñez`, `Jose Nunez`), or named one letter apart "
        "(`Sam Patel`, `Sam Patell`) and not of two organisations: one person with two notes?",
        similar_contacts,
    ),
)
