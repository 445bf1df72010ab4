"""``journal new goal``: a goal file from the shipped (or vault) template."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import field
from datetime import date
from typing import Any

from journal.adapters.files import read_note_at
from journal.adapters.templates import Renderer
from journal.adapters.vault import Vault
from journal.core import codec
from journal.core.catalog import Catalog, match_head
from journal.core.errors import Ambiguous, Conflict, Diagnostic, UsageProblem
from journal.core.fields import (
    GOAL_FIELDS,
    NOTE_FIELDS,
    parse_cli_value,
    yaml_value,
)
from journal.core.formatting import markdown_text, number, shell_word, single_line
from journal.core.goal import body_line, brings_down, titled_cut, titled_down, titled_start
from journal.core.links import fold, is_conflict_copy
from journal.core.names import (
    ID_LENGTH,
    MAX_NAME_BYTES,
    MAX_NAME_CHARS,
    file_stem,
    is_cut,
    path_step,
    refuse_comment_mark,
    slug,
    unique_id,
)
from journal.core.notes import emptied
from journal.core.periodic import clean_folder, in_folder
from journal.core.records import Record, record
from journal.usecases.common import feeds_no_outcome, found_links, kind_with_feeds

#: Options of ``journal new goal`` that are goal properties, typed by GOAL_FIELDS.
GOAL_OPTIONS = (
    "outcome",
    "metric",
    "unit",
    "baseline",
    "target",
    "effort",
    "supports",
    "why",
    "due",
    "area",
    "kind",
    "feeds",
)


@record(frozen=True)
class Created(Record):
    """The note a `journal new` command wrote, and what to tell of it."""

    path: str
    id: str | None
    props: dict[str, Any] = field(default_factory=dict)
    cut: str = ""  # said when the id leaves out words of the title
    #: What ``journal check`` will say of the links it was given (``--feeds``).
    warnings: list[Diagnostic] = field(default_factory=list)
    #: The days of the check-ins with a value in other notes that already name the new
    #: goal, dated before its start: they count toward it all the same (T011).
    early: list[date] = field(default_factory=list)
    #: Where a goal given no ``--baseline`` starts, when that is not 0 (:func:`_start`).
    start: str = ""


def note_stem(title: str) -> str:
    """The file name (without ``.md``) of a note titled ``title`` (:func:`file_stem`); a
    usage error when the title has no character a file name can hold (``:::``), reads as
    a path (:func:`path_step`: ``../../etc``, whose note would be ``etc.md``), or would
    name a sync client's conflict copy, which every command leaves out."""
    step = path_step(title)
    if step is not None:
        raise UsageProblem(
            f"'{title}' reads as a path ({step}), not a name: give the name alone (journal "
            "names the note's file after it, in its folder)"
        )
    try:
        stem = file_stem(title)
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None
    if is_conflict_copy(f"{stem}.md"):
        raise UsageProblem(
            f"'{title}' is named like a sync client's conflict copy, which journal reads as "
            "one (H003) and leaves out: choose another title"
        )
    return stem


def note_path(folder: str, title: str) -> str:
    """The vault path of a new note titled ``title`` in ``folder``, taken or not (see
    :func:`free_path`): the note its links are written in."""
    refuse_comment_mark(title)
    # (the folder spelt as on disk: Vault.open) "." (the vault's) is ""
    return in_folder(clean_folder(folder), f"{note_stem(title)}.md")


def free_path(vault: Vault, catalog: Catalog, folder: str, title: str) -> str:
    """The vault path a new note ``folder/<title>.md`` would get; Conflict, naming it,
    when a note of that name is already there (compared as links compare names:
    ignoring case and Unicode normal form, as macOS file systems do; UnusableNote for a
    folder of that name), or in another folder: ``[[<title>]]`` would then name either
    note, and the links written for the one there (a contact's meetings, a goal's
    check-ins) could go to the new one.  A
    title holding ``%%`` is a usage error: in the note's heading and in links to it, it
    would open a comment (Obsidian's, and journal's reading), hiding the rest."""
    rel = note_path(folder, title)
    folder, _, name = rel.rpartition("/")
    stem = name[:-3]
    with vault.writing(rel):  # a folder that can't be listed or entered: not written
        where = vault.disk_path(folder) if folder else vault.root
        taken = {fold(p.name): p.name for p in where.iterdir()} if where.is_dir() else {}
    existing = taken.get(fold(f"{stem}.md"))
    if existing is not None:
        same = "" if existing == f"{stem}.md" else " (names are compared ignoring case)"
        there = in_folder(folder, existing)
        if (where / existing).is_dir():
            raise UnusableNote(
                f"a folder has the name of this note{same}, so no note is written there: "
                "rename the folder, or give the note another name",
                path=there,
            )
        why = f"a note with this name already exists{same}; not overwritten"
    else:
        elsewhere = catalog.resolve_path(stem, by_alias=False)
        if elsewhere is None:
            return rel
        there = elsewhere
        why = (
            f"a note with this name already exists; a second would share its [[{stem}]] "
            "links (Obsidian picks one of the two)"
        )
    if is_cut(title):  # a verification: two long titles alike in their first 100 characters
        why += (  # (a CJK title's 200 bytes are 66 characters)
            f" (the file name is the title cut to at most {MAX_NAME_CHARS} characters and "
            f"{MAX_NAME_BYTES} bytes of UTF-8, which the note there shares: a title that begins "
            "differently makes another)"
        )
    _refuse_unusable(vault, catalog, there, why)
    raise Conflict(why, path=there)


class UnusableNote(Conflict):
    """A new note's name is that of a note that can't be used (:func:`_refuse_unusable`),
    or of a folder: the refusal says why, and no caller adds the ways on it gives for a
    note of text (a contact's "give it `type: contact`")."""


def _refuse_unusable(vault: Vault, catalog: Catalog, rel: str, why: str) -> None:
    """Refuse the name of the note at ``rel`` (``why``: the refusal) when that note can't
    be used, saying why as every command does: it is empty (a sync's placeholder or a
    save half done, whose text may still come, told in H004's words), or its front
    matter can't be read (not UTF-8, bad YAML) or is no properties."""
    try:
        raw = read_note_at(vault.disk_path(rel))
    except OSError:
        return  # gone meanwhile, or can't be read: the refusal of a note of text
    if codec.decode(raw).blank:
        raise UnusableNote(f"{why}: {emptied(raw)}", path=rel)
    problem = catalog.unusable(rel)
    if problem is not None:
        raise UnusableNote(f"{why}: {problem.message}", path=rel, line=problem.line)


def create_note(
    vault: Vault,
    catalog: Catalog,
    folder: str,
    title: str,
    props: Mapping[str, Any],
    template: str,
    context: Mapping[str, Any],
) -> str:
    """Write a new note ``folder/<title>.md``; never overwrites (case-insensitively),
    nor takes the name of a note elsewhere (see :func:`free_path`)."""
    rel = free_path(vault, catalog, folder, title)  # before the folder is made
    vault.ensure_parent(rel)
    vault.create(rel, note_data(vault, props, template, context))
    return rel


def note_data(
    vault: Vault, props: Mapping[str, Any], template: str, context: Mapping[str, Any]
) -> bytes:
    """A new note's bytes: ``props`` as its front matter, its body from ``template``,
    given the title as markdown text (its heading adds no tag or link to the note) and
    every property of its kind, null when ``context`` has none."""
    context = {**dict.fromkeys(NOTE_FIELDS[props["type"]]), **context}
    title = context.get("title")
    if isinstance(title, str):
        context = {**context, "title": markdown_text(title)}
    body = Renderer(vault.root).render(template, context)
    return codec.new_note_text(props, body).encode("utf-8")


def new_goal(
    vault: Vault, catalog: Catalog, title: str, options: Mapping[str, str | None], today: date
) -> Created:
    """Create a goal note; ``options`` are the typed-as-text values of GOAL_OPTIONS.
    The title is one line (its heading in the body must not become several lines)."""
    title = single_line(title)
    if not title:
        raise UsageProblem("a goal needs a title")
    given = {key: text for key, text in options.items() if text is not None and key in GOAL_OPTIONS}
    values = {key: parse_cli_value(GOAL_FIELDS[key], text) for key, text in given.items()}
    for key, value in values.items():  # an empty text is no text; "" or ",," no number, link
        if value is None and GOAL_FIELDS[key].type != "text":
            raise UsageProblem(f"--{key} was given an empty value; give one, or leave it out")
    due = values.get("due")
    if isinstance(due, date) and due < today:  # it starts today: no window (T007)
        raise UsageProblem(
            f"--due {due} is before today, when the goal starts: give a day from {today} on"
        )
    feeds = values.get("feeds") or []
    here = note_path(vault.config.folders.goal, title)  # where its links resolve from
    if feeds:
        fix = "use --kind activity, or drop --feeds"
        kind = kind_with_feeds(values.get("kind"), values.get("metric"), adding=True, fix=fix)
        if kind is not None:
            values["kind"] = kind
        values["feeds"] = found_links(catalog, values["feeds"], "--feeds", here)
    if values.get("supports"):
        values["supports"] = found_links(catalog, values["supports"], "--supports", here)
    short = slug(title)
    goal_id = unique_id(short, catalog.ids())
    baseline, start = _start(title, values, goal_id)
    props: dict[str, Any] = {
        "type": "goal",
        "id": goal_id,
        "title": title,
        "status": "active",
        # not given: left empty, for `journal check` to tell by the metric (O001)
        "kind": values.get("kind"),
        "area": values.get("area"),
        "created": today,
        "outcome": values.get("outcome"),
        "metric": values.get("metric"),
        "unit": values.get("unit"),
        "baseline": baseline,
        "target": values.get("target"),
        "current": baseline,
        "effort": values.get("effort"),
        "supports": values.get("supports") or None,
        "why": values.get("why"),
        "start": today,
        "due": values.get("due"),
        "review_every": vault.config.goals.review_every,
    }
    if props["kind"] == "activity":
        props["feeds"] = values.get("feeds")
    written = {key: yaml_value(GOAL_FIELDS[key], value) for key, value in props.items()}
    context = {key: codec.plain(value) for key, value in written.items()}
    why = context["why"]  # in the body too, when it can stand there as a line of text
    shown = {**context, "why": body_line(why) if isinstance(why, str) else None}
    try:
        _refuse_named_goal(catalog, title)
        rel = create_note(
            vault, catalog, vault.config.folders.goal, title, written, "goal.md.j2", shown
        )
    except UnusableNote:
        raise
    except Conflict as exc:
        there = catalog.by_path.get(exc.path or "")
        mine = there is not None and there.kind == "note"  # untyped: a note of the user's own
        fix = (
            "to make that note the goal, add `type: goal` to its front matter (see "
            "docs/guide.md, Notes you already have), or give the goal another title"
            if mine
            else "give the goal another title"
        )
        raise Conflict(f"{exc.message}: {fix}", path=exc.path) from None
    cut = f"the title's words cut at {ID_LENGTH} characters"
    return Created(
        rel,
        goal_id,
        context,
        cut if slug(title, sys.maxsize) != short else "",
        feeds_no_outcome(catalog, rel, feeds),
        sorted(c.day for c in catalog.checkins_naming(rel) if c.op is not None and c.day < today),
        start,
    )


def _refuse_named_goal(catalog: Catalog, title: str) -> None:
    """Conflict, naming it, when a goal already goes by ``title`` as ``journal show``
    finds one (its title, file name, id or an alias; not a part of one): a second would
    make the name match two goals, and the check-ins linking to it count for either.
    Read from the goals' light heads (no note is loaded; a note that can't be read is
    :func:`create_note`'s to tell)."""
    try:
        there = match_head(catalog.heads_of("goal"), title, parts=False)
    except Ambiguous:
        return  # several already: the goal is named by its path then (show says so)
    if there is not None:
        why = "a goal already goes by this name (its title, file name or an alias)"
        raise Conflict(why, path=there.path)


def _start(title: str, values: Mapping[str, Any], goal_id: str) -> tuple[float | None, str]:
    """The ``baseline`` (and ``current``) of a new goal, and what to say of it: the one
    given; else the start its title names ("from 45 to 30 days"); else none for a title
    that brings a number down, to its target ("Reduce time-to-hire to 30 days": it can't
    count up from 0) or not ("Reduce overtime by 20%"), its first value logged being
    where it counts down from; else none for a target of 0 (it would be done on day
    one); else 0."""
    if "baseline" in values:
        return values["baseline"], ""
    target = values.get("target")
    titled = titled_start(title, target)
    if titled is not None:
        start = number(titled)
        return titled, (
            f"baseline: {start} and current: {start}, the start the title gives "
            f"(from {start} to {number(target)})"
        )
    log = f"(journal log {shell_word(goal_id)} =N)"
    if titled_down(title, target):
        return None, (
            f"no baseline written: the title brings the number down to {number(target)}, "
            f"so it can't count up from 0; log where it stands now {log}: the goal counts "
            "down from its first value"
        )
    if brings_down(title, target) and target is not None:  # ("Reduce turnover by 15%")
        cut = titled_cut(title, target)
        return None, (
            "no baseline written: the title brings a number down, so it may not count up "
            f"from 0; log where it stands now {log}: the goal counts down from its first "
            f"value above {number(target)}"
            + (
                f"; if {number(target)} is how much to cut, not the level to reach, set the "
                f"target to that level (journal set {shell_word(goal_id)} target=N)"
                if cut
                else ""
            )
        )
    if target == 0:  # ("Zero open grievances by March"): 0 would be done on day one
        return None, (
            "no baseline written: the target is 0, which a count up from 0 has reached "
            f"already; log where it stands now {log}: the goal counts down from its first value"
        )
    return 0, ""
