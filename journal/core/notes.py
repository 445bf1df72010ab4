"""A parsed note: what the index stores and every command reads.

:func:`parse_note` is the one place a note's bytes become data.  The result is
plain and JSON-serialisable (:meth:`Note.to_list` / :meth:`Note.from_list`),
so the index can cache it and skip re-parsing unchanged files.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import field
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from journal.core import codec
from journal.core.body import CLOSED_TASK, DONE_TASK, parse_body
from journal.core.checkins import (
    INLINE_KEY,
    CheckIn,
    CheckInError,
    LogLines,
    in_percent,
    late_change,
    parse_inline,
    parse_log_line,
    uncounted_lines,
    unsigned_number,
    written_value,
)
from journal.core.dates import DateError, parse_date
from journal.core.errors import Diagnostic, being_saved, changed_on_disk
from journal.core.fields import (
    KINDS,
    TEXT_LINKED,
    THOUSANDS,
    list_items,
    obsidian_list,
    templater_command,
    typed_text,
    written_links,
)
from journal.core.links import Link, is_conflict_copy, parse_link, unquoted_link
from journal.core.numerals import dotted_thousands
from journal.core.records import Record, new_tuple, record
from journal.core.regex import lazy
from journal.core.tags import unique

if TYPE_CHECKING:
    from journal.core.generated import Section, SectionError
    from journal.core.periodic import PeriodicSettings
    from journal.core.plain_yaml import Sources

#: How a note an editor is saving reads (:func:`~journal.core.errors.being_saved`).
EMPTY_NOW = "it is empty right now"
CUT_NOW = "its front matter is incomplete right now"
NOTHING_WRITTEN = "nothing written; try again"

PARSER_VERSION = 54  # bump when parse_note gives other results: cached notes are re-read

#: Dates a note by its path when nothing else does (Obsidian's daily-note names:
#: ``PeriodicSettings.daily_date``); the index passes the vault's.
Dating = Callable[[str], date | None]
#: A ``type: goal`` (``meeting``, ``contact``) line, as the raw text of a note whose front
#: matter can't be read holds it.
_TYPED_LINE = lazy(
    r"^type:[ \t]*(['\"]?)((?i:goal|meeting|contact))\1[ \t]*(?:#.*)?\r?$", re.MULTILINE
)
#: The code of the diagnostic of a generated section the user edited (H026).
EDITED_SECTION = "edited-section"
#: The kinds read as a typed record (:func:`typed_record`).
_TYPED = ("goal", "contact", "meeting")
#: A plain ``id:`` line: one word, maybe quoted, maybe a comment after it.
_ID_LINE = lazy(r"id:[ \t]*(['\"]?)([^\s'\"#]+)\1[ \t]*(?:#.*)?")
#: The front matter keys Obsidian plugins mark their own files with: a Kanban board, an
#: Excalidraw drawing.  Such a note is no goal, meeting or contact to be (H016), and one
#: larger than a note can be is read for its front matter (:func:`parse_typed`).
PLUGIN_KEYS: Final = ("kanban-plugin", "excalidraw-plugin")
#: Where an Excalidraw drawing's data starts (``%%`` then ``## Drawing``; ``# Drawing``
#: in older files): the JSON of its strokes, megabytes the plugin alone reads.
_DRAWING = lazy(r"^(?:%%[ \t]*\r?\n)?#{1,2} Drawing[ \t]*\r?$", re.MULTILINE)
#: A plain ``goal:`` line (a meeting's), its value maybe quoted, maybe a comment after it.
_GOAL_LINE = lazy(r"goal:[ \t]*(?:(['\"])(.*)\1|(.*?))[ \t]*(?:[ \t]#.*)?")


class NoteLink(NamedTuple):
    """A wikilink (or markdown link to a note) found in a note."""

    target: str
    heading: str | None
    alias: str | None
    embed: bool
    line: int
    key: str | None = None  # the property it sits in, None in the body

    @property
    def link(self) -> Link:
        return Link(self.target, self.heading, self.alias, self.embed)


class NoteTask(NamedTuple):
    line: int
    state: str
    text: str

    @property
    def done(self) -> bool:
        """Closed: done or cancelled (see :data:`CLOSED_TASK`)."""
        return self.state in CLOSED_TASK


class NoteField(NamedTuple):
    key: str
    value: str
    line: int


@record()
class Note(Record):
    """One markdown file of the vault, parsed."""

    path: str  # relative to the vault, with forward slashes
    kind: str  # goal, contact, meeting, review, plan, or note
    title: str
    props: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    sources: Sources = field(default_factory=dict)
    body_line: int = 1
    links: list[NoteLink] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    tasks: list[NoteTask] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    fields: list[NoteField] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    readable: bool = True
    writable: bool = True

    @property
    def stem(self) -> str:
        return stem_of(self.path)

    @property
    def id(self) -> str | None:
        raw = self.props.get("id")
        if raw is None or isinstance(raw, (dict, list)) or str(raw).strip() == "":
            return None
        return (typed_text(self.sources, "id") or str(raw)).strip()

    @property
    def aliases(self) -> list[str]:
        return obsidian_list(self.props, "aliases")

    @property
    def cssclasses(self) -> list[str]:
        return obsidian_list(self.props, "cssclasses")

    @property
    def is_conflict_copy(self) -> bool:
        return is_conflict_copy(self.path)

    def to_list(self) -> list[Any]:
        """The note as JSON-ready data, as the index stores it beside its path and
        properties: the values of :data:`STORED` in that order (a list, not a mapping: the
        names repeated in every note were a seventh of its text, and of the time to write
        and read it).  Links, tasks, fields and check-ins are lists of their values in
        field order: smaller and faster to write and read back than one mapping each (a
        vault holds hundreds of thousands)."""
        return [
            self.kind,
            self.title,
            dict(self.key_lines),
            dict(self.sources),
            self.body_line,
            list(self.links),  # records are tuples: JSON lists of their values
            list(self.tags),
            list(self.tasks),
            list(self.headings),
            list(self.fields),
            [(c.day.isoformat(), *c[1:]) for c in self.checkins],
            [d.to_dict() for d in self.diagnostics],
            self.readable,
            self.writable,
        ]

    @classmethod
    def from_list(cls, path: str, props: dict[str, Any], data: list[Any]) -> Note:
        """The note :meth:`to_list` gave ``data``, at ``path``, its properties ``props``."""
        kind, title, key_lines, sources, body_line, links, tags, tasks, *rest = data
        headings, fields, checkins, diagnostics, readable, writable = rest
        return cls(
            path,
            kind,
            title,
            props,
            key_lines,
            sources,
            body_line,
            [NoteLink._make(item) for item in links],
            tags,
            [NoteTask._make(item) for item in tasks],
            headings,
            [NoteField._make(item) for item in fields],
            [CheckIn(date.fromisoformat(item[0]), *item[1:]) for item in checkins],
            [Diagnostic.from_dict(d) for d in diagnostics],
            readable,
            writable,
        )


#: What :meth:`Note.to_list` holds, in its order: every field of a note but its path and
#: properties (the index's JSON functions find tags and tasks by their place in it).
STORED = tuple(f.name for f in dataclasses.fields(Note) if f.name not in ("path", "props"))


def stem_of(path: str) -> str:
    """A note's file name without ``.md``: what a link names it by."""
    name = path.rsplit("/", 1)[-1]
    return name[:-3] if name.lower().endswith(".md") else name


#: What a goal's Log heading inside a block quote or callout is told (H006).
QUOTED_LOG = (
    "a Log heading inside a quote or callout is not read as the log: the lines under it "
    "count nothing"
)
_DAY_NAME = lazy(r"(\d{4}-\d{2}-\d{2})")
#: A line that starts (or a list item, a quote that starts) with ``progress:`` written
#: with one colon, then a change, or a link and a change: meant as the ``progress::``
#: field, which it is not.
#: The field a ``progress``, ``progress-colon`` or ``progress-task`` warning names, as
#: written: read back from the start of its message by H010, whose fix writes it so it
#: is read.
UNREAD_FIELD = lazy(r"`(.+)` (?:after other text on its line|has one colon|on a task not done)")
_ONE_COLON = lazy(
    r"[ \t]*(?:>[ \t]*)*(?:[-*+][ \t]+)?((?i:progress):[ \t]+"
    r"(?:\[\[[^\[\]\n]*\]\][ \t]*)?[+=-][ \t]*\d[^\r\n]*)"
)


def note_date(note: Note, dating: Dating | None = None) -> date | None:
    """The day a note is about: its ``date`` property, else a date its file name
    starts with (daily notes, ``2026-11-18 Coffee with Dana``), else what
    ``dating`` makes of its path (a daily note named in the vault's own format,
    ``daily/2026/11/20 Friday.md``)."""
    for text in (note.props.get("date"), note.stem):
        match = _DAY_NAME.match(str(text)) if isinstance(text, str) else None
        if match:
            try:
                return parse_date(match.group(1))
            except DateError:
                continue
    return dating(note.path) if dating is not None else None


def inline_checkins(
    note: Note, dating: Dating | None = None, day: date | None = None
) -> list[tuple[str, CheckIn]]:
    """The ``progress:: [[Goal]] +1`` check-ins a note holds, as (link target, check-in);
    none when the note has no date (see :func:`note_date`; ``day``, when the caller
    has it already) or its front matter can't be read."""
    if not note.readable:
        return []
    fields = [f for f in note.fields if f.key.casefold() == INLINE_KEY]
    if day is None and fields:
        day = note_date(note, dating)
    if day is None or not fields:
        return []
    waiting = unticked(note.tasks)
    found = (_inline_checkin(f.value, day, f.line, note.path) for f in fields)
    return [item for item in found if item is not None and item[1].line not in waiting]


def unticked(tasks: list[NoteTask]) -> dict[int, str]:
    """The state of each task not done (open, in progress, cancelled: any but ``[x]``)
    by its line: a ``progress::`` field on it counts nothing until it is ticked, as a
    log line's task does not (see :func:`~journal.core.checkins.parse_log_line`)."""
    return {task.line: task.state for task in tasks if task.state not in DONE_TASK}


def _inline_checkin(value: str, day: date, line: int, path: str) -> tuple[str, CheckIn] | None:
    """:func:`parse_inline`, None for a field that is no check-in (H010 says why)."""
    try:
        return parse_inline(value, day, line, path)
    except CheckInError:
        return None


def parse_note(
    path: str,
    raw: bytes,
    periodic: PeriodicSettings | None = None,
    log_lines: LogLines | None = None,
) -> Note:
    """Read one note's bytes; problems become diagnostics, never exceptions.  ``periodic``:
    the vault's daily notes, whose names may date log lines (see :func:`parse_log_line`);
    ``log_lines``: a reader of log lines with those settings that remembers them, for a
    caller that reads many versions of one note."""
    return parse_typed(path, raw, periodic, log_lines)[0]


def parse_typed(
    path: str,
    raw: bytes,
    periodic: PeriodicSettings | None = None,
    log_lines: LogLines | None = None,
    *,
    saving: bool = False,
) -> tuple[Note, object | None]:
    """:func:`parse_note`, and the note's typed record (:func:`typed_record`), which
    the index keeps beside it.  ``saving``: the file changed a moment ago, so an empty
    note, or front matter never closed, is an editor's save caught midway
    (:func:`being_saved`), not a note that lost its text."""
    note, record, _body, _logged = _parsed(path, raw, periodic, log_lines, saving)
    return note, record


def parse_with_log(
    path: str, raw: bytes, periodic: PeriodicSettings | None, log_lines: LogLines
) -> tuple[Note, str, list[int]]:
    """:func:`parse_note`, the body it read, and the body lines (0-based) of the top-level
    items of its Log sections that may be check-ins (:attr:`BodyFacts.log_lines`; none
    but a goal's), for :func:`~journal.core.body.log_tail`."""
    note, _record, body, logged = _parsed(path, raw, periodic, log_lines, False)
    return note, body, [line - note.body_line for line, _text in logged]


def goal_front_matter(path: str, raw: bytes) -> tuple[Note, str] | None:
    """What history's :func:`~journal.core.history.state_of` needs of a readable goal
    file but its check-ins (which :meth:`~journal.core.history.LongerVersion.cut` takes
    from a newer version): the note :func:`parse_note` reads, as far as its front matter
    says (kind, title, properties and how they are written, the front matter's
    diagnostics), and its body as parse_note reads it, unread.  Not the links and tags of
    its properties, nor anything of its body (links, tags, tasks, fields, check-ins, their
    diagnostics), nor :func:`typed_record`'s diagnostics.  None for any other file, and
    for one larger than a note can be (parse_note reads a plugin's from its front
    matter)."""
    if len(raw) > codec.MAX_NOTE_BYTES:
        return None
    doc = codec.decode(raw)
    note = _front_matter_read(path, raw, doc, False)
    if note.kind != "goal" or not note.readable:
        return None
    return note, body_read(note.props, doc.body)


def _parsed(
    path: str,
    raw: bytes,
    periodic: PeriodicSettings | None,
    log_lines: LogLines | None,
    saving: bool,
) -> tuple[Note, object | None, str, list[tuple[int, str]]]:
    """:func:`parse_typed`, the body read, and the first line of each Log item in it that
    may be a check-in (:attr:`BodyFacts.log_lines`)."""
    doc = _plugins_file(raw) if len(raw) > codec.MAX_NOTE_BYTES else None
    doc = codec.decode(raw) if doc is None else doc
    note = _front_matter_read(path, raw, doc, saving)
    _read_properties(note)
    body = body_read(note.props, doc.body)
    sections = _sections_of(body, path)  # read once: for the fields and H023/H026
    read_log = log_lines or functools.partial(parse_log_line, periodic=periodic)
    logged = _read_body(note, body, read_log, sections)
    if note.kind in ("review", "plan"):
        _check_sections(note, body, sections)
    record, problems = typed_record(note)
    note.diagnostics.extend(problems)
    note.diagnostics.sort(key=_line_of)  # in line order wherever shown; stable: ties as found
    if record is None and not note.readable:
        # meant as one: commands name it, lookups say why it can't be used
        note.kind = _meant_kind(doc, raw) or note.kind
        named = plain_id(doc.text or "")
        if named is not None and note.id is None:  # named by its id too, to say why
            note.props["id"] = named
        goal = _plain_line(doc.text or "", _GOAL_LINE)
        if goal is not None:  # the goal a meeting may count for, as written
            note.props["goal"] = goal.group(2) if goal.group(1) else goal.group(3)
    return note, record, body, logged


def _front_matter_read(path: str, raw: bytes, doc: codec.Document, saving: bool) -> Note:
    """The note of ``doc`` (the bytes ``raw`` decoded) as far as its front matter says."""
    stem = path.rsplit("/", 1)[-1]
    stem = stem[:-3] if stem.lower().endswith(".md") else stem
    note = Note(path=path, kind="note", title=stem)
    note.diagnostics = [
        Diagnostic(path, p.line, p.message, p.severity, p.code)
        for p in (*doc.problems, *codec.commented_values(doc), *codec.merge_keys(doc))
    ]
    if saving and doc.blank:  # an editor's save caught midway
        note.diagnostics = [Diagnostic(path, 1, being_saved(EMPTY_NOW), "hint", "empty")]
    elif saving and doc.unclosed:
        note.diagnostics = [Diagnostic(path, 1, being_saved(CUT_NOW), "error", "front-matter")]
    elif doc.blank:
        note.diagnostics.append(Diagnostic(path, 1, emptied(raw), "hint", "empty"))
    note.writable = doc.writable
    note.readable = _readable(doc)
    props = dict(doc.data or {})
    note.props = props
    if doc.data is not None:
        note.key_lines = dict(doc.data.key_lines)
        note.sources = dict(doc.data.sources)
    note.kind = _declared_kind(props)
    title = props.get("title")
    if (
        isinstance(title, (str, int, float))
        and not isinstance(title, bool)
        and str(title).strip()
        and not templater_command(title)  # `<% tp.file.title %>` would write the file's name
    ):
        note.title = (typed_text(note.sources, "title") or str(title)).strip()
    note.body_line = doc.body_line
    return note


def _line_of(diagnostic: Diagnostic) -> int:
    """Where a diagnostic sorts in its note: at its line, a whole note's (no line) first."""
    return diagnostic.line or 0


def _plugins_file(raw: bytes) -> codec.Document | None:
    """The front matter of ``raw``, a file larger than a note can be, when it marks the
    file as a plugin's (:data:`PLUGIN_KEYS`), else None (too large: H004)."""
    doc = codec.front_matter_only(raw)
    return doc if doc is not None and plugin_file(doc.data or {}) else None


def plugin_file(props: Mapping[str, Any]) -> bool:
    """Whether the front matter ``props`` marks its note as a plugin's file."""
    return any(key in props for key in PLUGIN_KEYS)


def body_read(props: Mapping[str, Any], body: str) -> str:
    """What is read of a note's ``body`` (its front matter ``props``): the whole, but of
    an Excalidraw drawing its text up to the drawing's data (:data:`_DRAWING`)."""
    if "excalidraw-plugin" not in props:
        return body
    drawing = _DRAWING.search(body)
    return body if drawing is None else body[: drawing.start()]


def emptied(raw: bytes) -> str:
    """What is said of a note whose bytes ``raw`` are none or white space
    (:attr:`~journal.core.codec.Document.blank`): a hint, quiet, but an error in the goal
    folder (:attr:`~journal.core.catalog.Catalog.diagnostics`), and why a command that
    would write over it does not.  Git may hold it empty too (a note made and not yet
    written), so its text is to restore only if it had any."""
    size = "0 bytes" if not raw else "only white space"
    return (
        f"empty ({size}): a sync may still be writing it, or it lost its text: restore its "
        "text from git or your sync's history if it had any, or delete the note"
    )


def _sections_of(body: str, path: str) -> dict[str, Section] | SectionError:
    """journal's generated sections in ``body`` by name (none without the markers' text:
    one search), or why their markers can't be read."""
    generated = _generated()
    if generated.MARK not in body:
        return {}
    try:
        sections: dict[str, Section] = generated.find_sections(body, path)
    except generated.SectionError as exc:
        error: SectionError = exc
        return error
    return sections


@functools.cache
def _generated() -> ModuleType:
    """:mod:`journal.core.generated`, imported when first needed (its hashlib is not
    cheap); an import statement in :func:`_sections_of` would cost every note its
    look-ups."""
    import journal.core.generated

    return journal.core.generated


def _check_sections(note: Note, body: str, sections: dict[str, Section] | SectionError) -> None:
    """The generated sections' markers of a review or plan that `journal review` or
    `plan` would stop at (H023; not in a note git left in a conflict: H013's), and each
    section the user edited, which they keep as it is (H026); ``sections``: what
    :func:`_sections_of` found in ``body``."""
    if any(d.code == "conflict" for d in note.diagnostics):
        return
    if not isinstance(sections, dict):
        sections.move(note.body_line - 1)
        note.diagnostics.append(
            Diagnostic(note.path, sections.line, sections.message, "error", "sections")
        )
        return
    command = remade_by(note)
    note.diagnostics += [
        Diagnostic(
            note.path,
            note.body_line + body.count("\n", 0, section.start),
            f"the '{section.name}' section holds your edits, so `{command}` keeps it as it "
            "is: it is no longer updated",
            "hint",
            EDITED_SECTION,
        )
        for section in sections.values()
        if section.edited(body, old_hash_ok=True)  # an older hash too: no edit of theirs
    ]


def remade_by(note: Note) -> str:
    """The command that remakes the sections of ``note``, a review or a plan."""
    from journal.core.generated import remake_command

    return remake_command(note.props) or f"journal {note.kind}"


def reads_as_goal(raw: bytes) -> bool:
    """Whether :func:`parse_note` reads ``raw`` as a goal, readable or not, from its
    front matter alone (what git's history reads of every note a commit changed).  Bytes
    holding neither the word ``type`` nor ``goal`` (in any case) are none: without a
    backslash, which a quoted YAML escape may spell them with, YAML can't make them."""
    if b"\\" not in raw and (b"type" not in raw or b"goal" not in raw.lower()):
        return False
    doc = codec.decode(raw)
    kind = _declared_kind(doc.data or {})
    if kind in _TYPED or _readable(doc):  # as parse_typed: a typed record, or read
        return kind == "goal"
    return _meant_kind(doc, raw) == "goal"


def _readable(doc: codec.Document) -> bool:
    return not any(p.severity == "error" and p.code != "conflict" for p in doc.problems)


def _declared_kind(props: dict[str, Any]) -> str:
    """The kind the ``type`` property names (``note`` when it names none)."""
    kind = props.get("type")
    if isinstance(kind, str) and kind.strip().lower() in KINDS:
        return kind.strip().lower()
    return "note"


def _meant_kind(doc: codec.Document, raw: bytes) -> str | None:
    """The kind a ``type: goal`` (``meeting``, ``contact``) line names in the text of a
    note whose front matter can't be read (not UTF-8 too)."""
    typed = _TYPED_LINE.search(doc.text or raw.decode("utf-8", "replace"))
    return None if typed is None else typed.group(2).lower()


def plain_kind(text: str) -> str | None:
    """The kind a plain ``type: goal`` (``meeting``, ``contact``) line of the front
    matter opening ``text`` names (:func:`_plain_line`), for a file that is no note."""
    found = _plain_line(text, _TYPED_LINE)
    return None if found is None else found.group(2).lower()


def plain_id(text: str) -> str | None:
    """The value of a plain ``id: value`` line in the front matter opening ``text``
    (:func:`_plain_line`), for a note whose front matter can't be read."""
    found = _plain_line(text, _ID_LINE)
    return None if found is None else found.group(2)


def _plain_line(text: str, line_pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first line of the front matter opening ``text`` (up to its closing ``---``)
    that ``line_pattern`` matches whole, outside the blocks of a merge conflict git left
    there (:func:`~journal.core.codec.conflict_spans`): a line scan, not YAML, for a
    note whose front matter can't be read."""
    lines = text[codec.hidden_end(text) :].split("\n")  # hidden: told as unreadable
    if lines[0].rstrip("\r") != "---":
        return None
    spans = codec.conflict_spans(text)
    for number, line in enumerate((line.rstrip("\r") for line in lines[1:]), 2):
        if any(start <= number <= end for start, end in spans):
            continue
        if line in ("---", "..."):
            return None
        if found := line_pattern.fullmatch(line):
            return found
    return None


def typed_record(note: Note) -> tuple[object | None, list[Diagnostic]]:
    """The typed goal, contact or meeting a note of that kind is read as (None for the
    other kinds), and a diagnostic per property value that can't be read."""
    read = _record_reader(note.kind)
    return (None, []) if read is None else read(note)


@functools.cache
def _record_reader(kind: str) -> Callable[[Note], tuple[object, list[Diagnostic]]] | None:
    """What reads the typed record of a note of ``kind``, imported on first use (goal.py
    types against this module; an import statement would cost every note)."""
    if kind == "goal":
        from journal.core.goal import goal_from_note

        return goal_from_note
    if kind in ("contact", "meeting"):
        from journal.core.networking import contact_from_note, meeting_from_note

        return contact_from_note if kind == "contact" else meeting_from_note
    return None


def _read_properties(note: Note) -> None:
    """Links and tags held in properties; a link in a list is on its item's line.  A link
    property of a goal or meeting holds its links as its typed value does, those written
    as text too (``goal: Find a mentor``)."""
    linked = TEXT_LINKED.get(note.kind, {})
    for key, value in note.props.items():
        if key in linked:
            line = note.key_lines.get(key, 1)
            written = written_links(linked[key], value, line)
            note.links += [NoteLink(*link, at or line, key) for link, at, _text in written]
            continue
        if "[[" not in str(value):  # a list's or a mapping's text holds its items' texts
            continue  # most values: no link
        line = note.key_lines.get(key, 1)
        lines = getattr(value, "item_lines", None)  # a LineList: each item's line
        items = [(value, line)]
        if lines and not unquoted_link(value):
            items = [(v, lines[i] if i < len(lines) else line) for i, v in enumerate(value)]
        for item, at in items:
            for text in _link_texts(item):
                link = parse_link(text)
                if link is not None:
                    note.links.append(
                        NoteLink(link.target, link.heading, link.alias, link.embed, at, key)
                    )
    note.tags.extend(obsidian_list(note.props, "tags"))


def _link_texts(value: Any) -> list[str]:
    """The texts in a property value that may be links (hold a ``[[``)."""
    if isinstance(value, str):  # "[[A]], [[B]]" holds two links, as Obsidian reads it
        if "[[" not in value:
            return []
        return list_items(value) if "]]," in value else [value]
    if isinstance(value, list):
        unquoted = unquoted_link(value)
        return [unquoted] if unquoted else [s for item in value for s in _link_texts(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _link_texts(item)]
    return []


def _one_colon_fields(path: str, body: str, first_line: int) -> list[Diagnostic]:
    """A warning for each ``progress: [[Goal]] +1`` (:data:`_ONE_COLON`) outside code
    and comments: Dataview and journal read the field written with two colons, so it
    counts for no goal."""
    from journal.core.body import blank_comments
    from journal.core.fences import fence_step

    told, fence = [], None
    for number, line in enumerate(blank_comments(body).split("\n")):
        fence, code = fence_step(fence, line.rstrip("\r"))
        found = None if code or "ROGRESS: " not in line.upper() else _ONE_COLON.match(line)
        if found is not None and not line.startswith(("    ", "\t")):  # no indented code
            told.append(
                Diagnostic(
                    path,
                    first_line + number,
                    f"`{found.group(1).strip()}` has one colon: a field is written "
                    "`progress::`, so it counts for no goal",
                    "warning",
                    "progress-colon",
                )
            )
    return told


def _read_body(
    note: Note,
    body: str,
    read_log: Callable[[str, int, str], CheckIn | None],
    sections: dict[str, Section] | SectionError,
) -> list[tuple[int, str]]:
    """Read ``body`` into ``note``; the first line of each Log item that may be a check-in
    (:attr:`BodyFacts.log_lines`)."""
    facts = parse_body(body, note.body_line, want_log=note.kind == "goal")
    generated = _generated_lines(sections, body, note.body_line)
    if generated:
        facts.fields = [f for f in facts.fields if not _within(f.line, generated)]
        facts.stray_fields = [f for f in facts.stray_fields if not _within(f.line, generated)]
    # the body's records hold the same values in the same order
    note.links += [new_tuple(NoteLink, (*link, line, None)) for link, line in facts.links]
    note.tags = unique([*note.tags, *map(operator.itemgetter(0), facts.tags)])
    note.tasks = [new_tuple(NoteTask, task) for task in facts.tasks]
    note.headings = [h.text for h in facts.headings]
    note.fields = [
        new_tuple(NoteField, item)
        for item in facts.fields
        if item.key.casefold() != INLINE_KEY or not facts.in_conflict(item.line)
    ]  # a check-in between conflict markers counts nothing, as in the log
    for stray in facts.stray_fields:
        meant = _inline_checkin(stray.value, date.min, stray.line, note.path)
        if stray.key.casefold() == INLINE_KEY and meant and (meant[1].op or meant[1].note):
            note.diagnostics.append(
                Diagnostic(
                    note.path,
                    stray.line,
                    f"`{stray.key}:: {stray.value}` after other text on its line is not read "
                    "(Dataview reads a field at the start of a line or in brackets), so it "
                    "counts for no goal",
                    "warning",
                    "progress",
                )
            )
    note.diagnostics += _waiting_fields(note)
    if "rogress: " in body or "ROGRESS: " in body:  # found in a tryout: counted nothing
        note.diagnostics += [
            told
            for told in _one_colon_fields(note.path, body, note.body_line)
            if not _within(told.line or 0, generated)
        ]
    note.diagnostics += [
        Diagnostic(note.path, line, QUOTED_LOG, "warning", "log") for line in facts.quoted_logs
    ]
    note.diagnostics += [
        Diagnostic(note.path, line, message, "warning", "log")
        for line, message in uncounted_lines(facts)
    ]
    logged = facts.log_lines
    for line, text in logged:
        try:
            checkin = read_log(text, line, note.path)
        except CheckInError as exc:
            percent = in_percent(exc, text, note.props.get("unit"))
            if percent is None:
                note.diagnostics.append(
                    Diagnostic(note.path, line, f"log line: {exc}", "warning", "log")
                )
                continue
            checkin = read_log(percent, line, note.path)
        if checkin is None:
            continue
        note.checkins.append(checkin)
        if checkin.op is not None and "." in text:
            _tell_thousands(note, line, "log line:", text)
        told = unsigned_number(checkin.note) or late_change(checkin) if checkin.op is None else None
        if told is not None:
            note.diagnostics.append(
                Diagnostic(note.path, line, f"log line: {told}", "warning", "log")
            )
    for inline in note.fields:
        if "." in inline.value and inline.key.casefold() == INLINE_KEY:
            _tell_thousands(note, inline.line, f"{INLINE_KEY}::", inline.value)
    return logged


def _waiting_fields(note: Note) -> list[Diagnostic]:
    """A warning for each ``progress::`` check-in on a task not done (see
    :func:`unticked`), which counts nothing until the task is ticked."""
    waiting = unticked(note.tasks) if note.fields else None
    if not waiting:
        return []
    return [
        Diagnostic(
            note.path,
            inline.line,
            f"`{inline.key}:: {inline.value}` on a task not done (`[{waiting[inline.line]}]`) "
            "counts nothing: it counts once the task is done (`[x]`)",
            "warning",
            "progress-task",
        )
        for inline in note.fields
        if inline.line in waiting
        and inline.key.casefold() == INLINE_KEY
        and _inline_checkin(inline.value, date.min, inline.line, note.path) is not None
    ]


def _generated_lines(
    sections: dict[str, Section] | SectionError, body: str, first_line: int
) -> list[tuple[int, int]]:
    """The file lines (first, last, markers included) of each of journal's generated
    ``sections`` in ``body``, whose first line is file line ``first_line``: journal's own
    output, whose fields are not read back (a review's check-ins copy the notes of log
    lines, fields and all).  Markers that don't pair up hide nothing (H023 tells of them
    in a review or plan)."""
    if not isinstance(sections, dict):
        return []
    return [
        (first_line + body.count("\n", 0, s.start), first_line + body.count("\n", 0, s.end))
        for s in sections.values()
    ]


def _within(line: int, spans: list[tuple[int, int]]) -> bool:
    return any(first <= line <= last for first, last in spans)


def _tell_thousands(note: Note, line: int, what: str, text: str) -> None:
    """Warn of the value on ``line`` (a log line's or a ``progress::`` field's, ``text``)
    when its point may part thousands (``+1.000``): read as written, and told (H022)."""
    written = written_value(text)
    told = dotted_thousands(written) if written is not None else None
    if told is not None:
        note.diagnostics.append(Diagnostic(note.path, line, f"{what} {told}", "warning", THOUSANDS))


def mid_save(resolved: Note, raw: bytes) -> str | None:
    """Why ``raw``, the bytes an edit of ``resolved`` starts from, are not the note the
    command resolved: an editor is in the middle of its save (it emptied the file and
    writes it again), or saved another text (of another kind or id, or without a heading
    the note had: half written); None when it is still that note."""
    if not (resolved.props or resolved.headings):
        return None  # nothing to lose
    if not raw.strip():
        return being_saved(EMPTY_NOW, NOTHING_WRITTEN)
    if resolved.props and codec.decode(raw).data is None:
        return being_saved(CUT_NOW, NOTHING_WRITTEN)
    now = parse_note(resolved.path, raw)
    if (now.kind, now.id) != (resolved.kind, resolved.id) or not set(resolved.headings) <= set(
        now.headings
    ):
        return changed_on_disk()
    return None
