"""The front-matter codec: split a note, read its properties, splice edits back.

Reading: front matter counts only when a ``---`` line opens the file at byte 0
(after an optional BOM), a ``---`` line closes it, and the YAML between parses
to a mapping - as in Obsidian.  Plain ``key: value`` lines and block lists are read
without a YAML library (:mod:`journal.core.plain_yaml`); any other YAML by
python-frontmatter's YAML handler with the YAML 1.2 loader of :mod:`journal.core.yaml12`.

Writing: never by dumping a mapping.  An edit replaces only the characters of
the values it changes (or inserts/removes whole lines for new/removed keys);
every other byte - comments, key order, quoting, flow lists, CRLF, BOM, the
body and the final newline - stays.  The result is parsed again and must equal
the intended mapping, else nothing is written.
"""

from __future__ import annotations

import copy
import functools
import itertools
import json
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import field
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

from journal.core.errors import JournalError, Severity, UnsafeWrite
from journal.core.records import Record, record
from journal.core.regex import lazy

if TYPE_CHECKING:  # imported where a note is read or edited: not every command does
    from journal.core import plain_yaml, yaml12
    from journal.core.plain_yaml import LineMap

MAX_NOTE_BYTES: Final = 8 * 1024 * 1024
TOO_LARGE: Final = (
    f"the file is larger than {MAX_NOTE_BYTES // 2**20} MB, more than journal reads of a"
    " note: split it, or move a file that is no note out of the vault (or into"
    " `[vault] exclude`)"
)
BOM: Final = b"\xef\xbb\xbf"

_OPEN = lazy(r"---[ \t]*(\r?\n)")
#: Characters an editor shows as nothing (or a space) before a ``---`` on line 1: a
#: second BOM (added to a file that had one, or files joined), a zero-width space...
_HIDDEN = {
    "\ufeff": "a byte order mark",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\u00a0": "a no-break space",
}
_HIDDEN_OPEN = lazy("[" + "".join(_HIDDEN) + r"]+(?=---[ \t]*\r?\n)")
_LATE_OPEN = lazy(r"(?:[ \t]*\r?\n)+---[ \t]*\r?\n")
_CLOSE = lazy(r"^---[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
_KEY = lazy(r"[A-Za-z_][A-Za-z0-9_-]*")
_PROPERTY_LINE = lazy(r"[ \t]*[^\s:#][^:\n]*:(?:[ \t]|\r?$)")
_BLANK_LINE = lazy(r"^[ \t]*\r?$", re.MULTILINE)
_TYPE_LINE = lazy(
    r"^type:[ \t]*['\"]?(?i:goal|meeting|contact|review|plan)['\"]?[ \t]*\r?$", re.MULTILINE
)
_PLAIN_FORBIDDEN = lazy(r"[\x00-\x1f\x7f]|: |:$| #")
_FLOW_FORBIDDEN = lazy(r"[,\[\]{}]")

_HINTS = (
    ("mapping values are not allowed", "a ':' inside a value; put the value in quotes"),
    ("could not find expected ':'", "a line that is not 'key: value'"),
)
_TAB_INDENT = "a tab; YAML indents with spaces"  # as docs/format.md promises
#: A line whose value (of a key, or a list item) opens with a typographic quote.
_CURLY_VALUE = lazy(
    r"[ \t]*(?:-[ \t]+)?(?:[^:#\n]+:[ \t]+)?(?P<open>[\u201c\u2018\u00ab\u201e])"
    r"(?:.*(?P<close>[\u201c\u201d\u2018\u2019\u00bb]))?"
)
_RESERVED = "%@`"  # characters YAML keeps for itself at the start of a plain value

Value = Any  # str | int | float | bool | None | date | list[Value] | dict[str, Value]
PathKey = str | int
REMOVE: Final = object()


@record(frozen=True, slots=True)
class Problem(Record):
    """A reason a note's front matter can't be trusted, with its 1-based line."""

    line: int | None
    message: str
    severity: Severity = "error"
    code: str = "front-matter"  # "conflict": git's conflict markers, the note still read


@record()
class Document(Record):
    """A decoded note that remembers exactly where its parts are."""

    text: str
    bom: bool = False
    newline: str = "\n"
    yaml_start: int | None = None
    yaml_end: int | None = None
    body_start: int = 0
    data: LineMap | None = None
    problems: list[Problem] = field(default_factory=list)
    writable: bool = True
    unclosed: bool = False  # front matter opened and never closed: a write cut off?

    @property
    def yaml_text(self) -> str:
        if self.yaml_start is None or self.yaml_end is None:
            return ""
        return self.text[self.yaml_start : self.yaml_end]

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def body_newline(self) -> str:
        """The line ending of the body: the one most of its lines have (the front
        matter's may differ: a block pasted from a template of another system), else
        the file's."""
        return usual_newline(self.body) if "\n" in self.body else self.newline

    @property
    def body_line(self) -> int:
        """The 1-based file line on which the body starts."""
        return self.text.count("\n", 0, self.body_start) + 1

    @property
    def blank(self) -> bool:
        """Whether the note holds no text: none, white space, a BOM alone (not one that
        can't be read)."""
        return not self.problems and (not self.text or self.text.isspace())

    def key_line(self, key: str) -> int | None:
        """The 1-based file line of a top-level property."""
        if self.data is None:
            return None
        return self.data.key_lines.get(key)

    def refuse(self, line: int | None, message: str, severity: Severity = "error") -> None:
        self.problems.append(Problem(line, message, severity))
        self.writable = False


class NotUtf8(JournalError):
    """A file's bytes that are no UTF-8 text; the message says what to do, ``line`` where
    (when known)."""


def utf8_text(raw: bytes) -> str:
    """A file's bytes as text, a UTF-8 BOM left out, as notes, the config and Obsidian's
    settings are read.  :class:`NotUtf8` when the file is UTF-16, holds NUL bytes or is
    in another encoding (Windows' cp1252)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotUtf8(_UTF16, line=1)
    nul = raw.find(b"\x00")
    if nul >= 0:
        message = _UTF16 if _bomless_utf16(raw) else "the file contains NUL bytes"
        raise NotUtf8(message, line=raw.count(b"\n", 0, nul) + 1)
    start = len(BOM) if raw.startswith(BOM) else 0
    try:
        return raw[start:].decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = start + exc.start  # counted in the file, BOM and all
        line = raw.count(b"\n", 0, bad) + 1
        raise NotUtf8(
            f"not valid UTF-8 (byte 0x{raw[bad]:02x}); save as UTF-8", line=line
        ) from None


_UTF16 = "the file is UTF-16; save it as UTF-8"
_ASCII_TEXT = lazy(r"[\t\n\r\x20-\x7e]+")


def _bomless_utf16(raw: bytes) -> bool:
    """Whether ``raw`` (holding a NUL byte) is UTF-16 written without a byte order mark:
    its first characters (up to four) plain ASCII text, each beside a NUL byte."""
    start = raw[:8]
    return len(raw) % 2 == 0 and any(
        _ASCII_TEXT.fullmatch(start.decode(order, "replace"))
        for order in ("utf-16-be", "utf-16-le")
    )


def decode(raw: bytes) -> Document:
    """Decode a note's bytes and split off and read its front matter."""
    if len(raw) > MAX_NOTE_BYTES:
        return _unreadable(1, TOO_LARGE)
    try:
        text = utf8_text(raw)
    except NotUtf8 as exc:
        return _unreadable(exc.line, exc.message)
    bom = raw.startswith(BOM)
    ending = _bad_line_ends(text)
    if ending:  # classic Mac OS, or CRLF made twice: one line to every reader here
        return _unreadable(1, f"its lines end with {ending}; save it with LF or CRLF line endings")
    return parse_text(text, bom=bom)


#: How far into a file too large to be a note its front matter is looked for
#: (:func:`front_matter_only`).
HEAD_BYTES: Final = 64 * 1024


def front_matter_only(raw: bytes) -> Document | None:
    """The front matter opening the first :data:`HEAD_BYTES` of ``raw``, a file too large
    to be read whole, as a document with no body that is never written; None when no
    front matter there can be read."""
    head = raw[: raw.rfind(b"\n", 0, HEAD_BYTES) + 1]  # whole lines: no character cut
    try:
        doc = parse_text(utf8_text(head), bom=raw.startswith(BOM))
    except NotUtf8:
        return None
    if doc.data is None:
        return None
    doc.text = doc.text[: doc.body_start]
    doc.writable = False
    return doc


def _bad_line_ends(text: str) -> str | None:
    """What the first line of ``text`` ends in when that is a carriage return alone
    (classic Mac OS; also when an LF ends the file) or two and an LF (a CRLF file
    converted to CRLF again); None for LF and CRLF.  A carriage return further on (a
    terminal's progress line pasted in a body) is text."""
    cr = text.find("\r")
    lf = text.find("\n")
    if cr < 0 or (lf >= 0 and cr >= lf - 1):
        return None
    if cr == lf - 2 and text[cr + 1] == "\r":
        return "two carriage returns (CR CR LF), as after converting to CRLF twice"
    return "a carriage return alone"


def after_front_matter(text: str) -> str:
    """``text`` past a ``---`` block on its first line, whether its properties can be
    read or not: what is the body of a note whose front matter is broken."""
    opening = _OPEN.match(text, hidden_end(text))
    closing = _CLOSE.search(text, opening.end()) if opening else None
    return text[closing.end() :] if closing else text


def hidden_end(text: str) -> int:
    """Where the ``---`` on the first line of ``text`` starts past characters one can't
    see (:data:`_HIDDEN`); 0 when there are none."""
    hidden = _HIDDEN_OPEN.match(text)
    return hidden.end() if hidden else 0


def _unreadable(line: int | None, message: str) -> Document:
    doc = Document(text="")
    doc.refuse(line, message)
    return doc


def parse_text(text: str, *, bom: bool = False) -> Document:
    """Split decoded text into front matter and body and read the front matter."""
    doc = Document(text=text, bom=bom)
    opening = _OPEN.match(text)
    if opening is None:
        doc.newline = _first_newline(text)
        if _check_hidden_opening(doc):
            return doc
        _check_late_block(doc)
        _check_unopened(doc)
        _check_conflict(doc)
        return doc
    doc.newline = opening.group(1)
    closing = _closing(text, opening.end())
    if closing is None:
        # Properties whose closing line went missing (see _meant), else a `---` rule
        # opening a note of plain markdown (told only for a typed note or one in the goal
        # folder, as an empty or plain-text block is; `journal check` says H007).
        block = _BLANK_LINE.split(text[opening.end() :], maxsplit=1)[0]
        if _meant(block):
            unclosed = _never_closed(block)
            doc.refuse(unclosed.line, unclosed.message)
            doc.unclosed = True
        else:
            doc.refuse(
                1,
                "the '---' on line 1 is never closed and no property follows it: read as a "
                "rule, not front matter",
                "warning",
            )
        return doc
    yaml_text = text[opening.end() : closing.start()]
    data, problem = _load(yaml_text)
    if problem is not None:
        conflict = _conflict_start(text)  # one side may hold the closing '---' too
        last = text.count("\n", 0, closing.end()) + 1  # the closing line, or after it
        if conflict is not None and conflict <= last:  # YAML trips over git's markers
            problem = Problem(
                conflict,
                "git left a merge conflict in the front matter (the <<<<<<< line); resolve "
                "it and remove the markers: the note is skipped until then",
            )
        else:
            rule = text.count("\n", 0, closing.start()) + 1
            block = _BLANK_LINE.split(yaml_text, maxsplit=1)[0]
            lines = _lines(block)
            dotted = _meant(block) and any(line.rstrip(" \t") == "..." for line in lines)
            dots = _closed_by_dots(lines, _last_property(lines)) if dotted else None
            problem = dots or _runs_into_text(yaml_text, problem, rule) or problem
        doc.refuse(problem.line, problem.message)
        return doc
    if not isinstance(data, _plain_yaml().LineMap):
        if data is None:
            kind = "empty"
        else:
            kind = ("a list" if isinstance(data, list) else "plain text") + ", not properties"
        doc.refuse(
            1, f"the '---' block at the top is {kind}; it is not read as front matter", "warning"
        )
        return doc
    doc.yaml_start, doc.yaml_end, doc.body_start = opening.end(), closing.start(), closing.end()
    doc.data = data
    _check_heading_in_block(doc)
    _check_second_block(doc)
    _check_conflict(doc)
    return doc


def _closing(text: str, start: int) -> re.Match[str] | None:
    """``_CLOSE.search(text, start)`` for ``start`` just past a line break: the ``---``
    lines are found by ``str.find`` (the regex tried its ``^`` at every character: about
    10,000 instructions for a note's front matter)."""
    at = text.find("\n---", start - 1)
    while at >= 0:
        found = _CLOSE.match(text, at + 1)
        if found is not None:
            return found
        at = text.find("\n---", at + 1)
    return None


def _meant(block: str) -> bool:
    """Whether ``block``, the lines after the opening ``---`` up to the first blank line,
    are properties: a ``key:`` line first, or a ``type:`` line of one of journal's kinds;
    else the ``---`` is a rule opening a note of plain markdown (a heading after it)."""
    return _PROPERTY_LINE.match(block) is not None or _TYPE_LINE.search(block) is not None


def commented_values(doc: Document) -> list[Problem]:
    """A hint for each property (or list item) with no value whose line goes on with a
    ``#`` word right after its colon (or dash): ``tags: #career``, which YAML reads as
    ``tags:`` and a comment, losing the tag.  A comment after a space (``kind:  # note``)
    is one of one's own.  Not among ``doc.problems``: the note reads and edits as ever."""
    if doc.data is None or doc.text.find(" #", doc.yaml_start, doc.yaml_end) < 0:
        return []  # most notes: read at the cost of a search, no copy
    lines = ("\n" + doc.yaml_text).split("\n")  # as _load reads it: by the file's lines
    found = []
    for key, value in doc.data.items():
        if value is None:
            at = [doc.data.key_lines.get(key)]
        elif isinstance(value, list):
            numbers = getattr(value, "item_lines", [])
            at = [n for v, n in zip(value, numbers, strict=False) if v is None]
        else:
            continue
        for number in at:
            line = lines[number - 1].rstrip("\r") if number and number <= len(lines) else ""
            marker = ":" if value is None else "-"
            comment = line.partition(marker)[2].strip(" \t")
            if len(comment) > 1 and comment[0] == "#" and comment[1] not in " \t#":
                message = f"`{line.strip(' ')}` holds no value: YAML reads `{comment}` as a comment"
                found.append(Problem(number, message, "hint", "commented-value"))
    return found


MERGE_KEY = "`<<` is YAML 1.1's merge key, which YAML 1.2 does not merge"


def merge_keys(doc: Document) -> list[Problem]:
    """A warning for each ``<<`` key (``<<: *defaults``) in the front matter, at any
    depth: YAML 1.2, as journal reads it, merges nothing, so the properties it names are
    not read where it stands (only as the value of a property named ``<<``).  Not among
    ``doc.problems``: the note reads and edits as ever."""
    if doc.data is None or doc.text.find("<<", doc.yaml_start, doc.yaml_end) < 0:
        return []
    found, seen, stack = [], set(), [doc.data]
    while stack:  # a mapping an alias repeats is looked at once
        value = stack.pop()
        if id(value) in seen or not isinstance(value, (dict, list)):
            continue
        seen.add(id(value))
        stack.extend(value.values() if isinstance(value, dict) else value)
        if isinstance(value, dict) and "<<" in value:
            line = value.key_lines["<<"]
            if not _plain_merge(doc.text, line):
                continue
            merged = value["<<"] if isinstance(value["<<"], list) else [value["<<"]]
            keys = dict.fromkeys(key for part in merged if isinstance(part, dict) for key in part)
            names = [f"`{key}`" for key in keys if key not in value]
            lost = (
                f"{', '.join(names)} {'are' if len(names) > 1 else 'is'} not read from it"
                if names
                else "it is read as a property"
            )
            found.append(Problem(line, f"{MERGE_KEY}: {lost}", "warning", "merge-key"))
    return sorted(found, key=lambda problem: problem.line or 0)


def _plain_merge(text: str, line: int | None) -> bool:
    """Whether the ``<<`` key on ``line`` of ``text`` is YAML 1.1's merge key: a plain
    one (or tagged ``!!merge``), not one quoted (``"<<"``) or tagged otherwise (``!!str
    <<``), which YAML 1.1 reads as a key like any other (found in review: they were
    told as merge keys).  Only the key is looked at, not a value or comment after it
    (``<<: *b  # not "<<"`` is one)."""
    lines = text.split("\n", line) if line is not None else []
    found = _MERGE_AT.search(lines[line - 1] if line and len(lines) >= line else "")
    return found is None or (not found["quote"] and found["tag"] in (None, "!!merge", _MERGE_TAG))


#: A ``<<`` key on a line: its tag, if any, and its quote, if any.
_MERGE_AT = lazy(r"""(?:(?P<tag>!\S*)[ \t]+)?(?P<quote>["']?)<<(?P=quote)[ \t]*(?::|\r?$)""")
_MERGE_TAG = "!<tag:yaml.org,2002:merge>"


def _check_hidden_opening(doc: Document) -> bool:
    """Refuse a note whose front matter characters one can't see hide (a second BOM, a
    zero-width space before the ``---`` on line 1): read past them, it has properties
    (or broken ones), which neither journal nor Obsidian reads, and a writer would add
    a second block.  A ``---`` rule behind them opens plain markdown: no problem."""
    start = hidden_end(doc.text)
    if not start:
        return False
    behind = parse_text(doc.text[start:])
    if behind.data is None and not any(
        p.severity == "error" and p.code == "front-matter" for p in behind.problems
    ):
        return False
    hidden = doc.text[:start]
    if doc.bom and not hidden.strip("\ufeff"):
        marks = len(hidden) + 1
        doc.refuse(
            1,
            f"the file starts with {'two' if marks == 2 else marks} byte order marks (U+FEFF) "
            "before its '---', so its front matter can't be read; save it as UTF-8 with one "
            "BOM or none",
        )
        return True
    names = "; ".join(f"U+{ord(char):04X}, {_HIDDEN[char]}" for char in dict.fromkeys(hidden))
    what, it, times = (
        ("a character", "it", "")
        if len(hidden) == 1
        else ("characters", "them", f" {len(hidden)} times")
    )
    doc.refuse(
        1,
        f"line 1 has {what} you can't see before its '---' ({names}), so its front matter "
        f"can't be read; delete {it}: put the cursor just before the first '-' and press "
        f"Backspace{times}",
    )
    return True


def _check_late_block(doc: Document) -> None:
    """Warn when blank lines come before a ``---`` block of properties with a ``type`` (a
    note of the tool's kinds, meant as front matter; a block without one may well be text
    between two thematic breaks): front matter must start on the first line (in Obsidian
    too), so it is read as text."""
    late = _LATE_OPEN.match(doc.text)
    closing = _CLOSE.search(doc.text, late.end()) if late else None
    if late is None or closing is None:
        return
    data, problem = _load(doc.text[late.end() : closing.start()])
    if problem is None and isinstance(data, dict) and "type" in data:
        doc.refuse(
            doc.text.count("\n", 0, late.end()),
            "blank lines come before this '---' block, so it is read as text, not as front "
            "matter (which must start on line 1)",
            "warning",
        )


def _check_unopened(doc: Document) -> None:
    """Warn when a note's first lines are properties with a journal ``type``, closed by a
    ``---`` line but opened by none (the opening line went missing): read as text, and one
    ``---`` on line 1 mends it (not a new block, which would leave them in the text)."""
    if _PROPERTY_LINE.match(doc.text) is None:  # most notes: a heading or prose first
        return
    closing = _CLOSE.search(doc.text)
    block = doc.text[: closing.start()] if closing else ""
    if not _TYPE_LINE.search(block):
        return
    data, problem = _load(block)
    if problem is None and isinstance(data, dict):
        last = block.count("\n")
        doc.refuse(
            1,
            f"no '---' line opens the front matter: the properties on lines 1-{last}, closed "
            f"by the '---' on line {last + 1}, are read as text",
            "warning",
        )


#: A line of markdown that can't go on a property: a heading, a list item.
_MARKDOWN_LINE = lazy(r"#{1,6}[ \t]|[-*+][ \t]|\d+[.)][ \t]")
_INDENTED = lazy(r"[ \t]+\S")
_HEADING = lazy(r"#{1,6}[ \t]+\S")


def _runs_into_text(yaml_text: str, problem: Problem, closing: int) -> Problem | None:
    """The problem of front matter whose closing ``---`` went missing, so that YAML read
    on into the note's text up to a later ``---`` rule (line ``closing``) and stopped there
    (``problem``): the properties, read alone, end on a line followed by a heading, a
    list item or a blank line, and no property comes between them and where YAML stopped.
    None when that is not so."""
    if problem.line is None:
        return None
    lines = _lines(yaml_text)  # lines[i] is the file's line i + 2
    stopped = problem.line - 2
    keys = [
        i
        for i, line in enumerate(lines[: stopped + 1])
        if _property_line(line)  # not `- 2026-11-20: +1`
    ]
    if not keys or keys[-1] == stopped or lines[keys[-1]][:1].isspace():
        return None
    end = _property_end(lines, keys[-1])
    empty = lines[keys[-1]].rstrip().endswith(":")
    after = lines[end + 1] if end + 1 < len(lines) else None
    if end >= stopped or after is None:
        return None
    if after.strip(" ") and not (_MARKDOWN_LINE.match(after) and not empty):  # a tab: its own
        return None
    data, unread = _load("\n".join(lines[: end + 1]) + "\n")
    if unread is not None or not isinstance(data, dict):
        return None
    return Problem(
        end + 2,
        f"invalid front matter: the closing '---' is missing after line {end + 2}, the last "
        "property: the note's text after it is read as properties, up to the '---' on line "
        f"{closing}",
    )


def _lines(text: str) -> list[str]:
    """``text``'s lines as YAML 1.2 counts them, as ``str.splitlines`` gives them but
    broken only at CR, LF and CRLF (``splitlines`` also breaks at U+2028, form feeds...,
    which moved every line number after them)."""
    lines = LINE_BREAK.split(text)
    return lines[:-1] if lines[-1] == "" else lines


#: A line break as YAML 1.2 and markdown-it count lines: CR LF, CR or LF.
LINE_BREAK = lazy(r"\r\n?|\n")


def _property_end(lines: list[str], key: int) -> int:
    """The index of the last line of the property on ``lines[key]``: its indented lines,
    or its items if it has no value."""
    end, empty = key, lines[key].rstrip().endswith(":")
    while end + 1 < len(lines) and (
        _INDENTED.match(lines[end + 1]) or (empty and lines[end + 1].startswith("- "))
    ):
        end += 1
    return end


def _last_property(lines: list[str]) -> int | None:
    """The index of the last line of the properties ``lines`` start with (``#`` comments
    among them), when they read alone as properties; None when they don't."""
    end, i = None, 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            i += 1
        elif not line[:1].isspace() and _property_line(line):
            end = _property_end(lines, i)
            i = end + 1
        else:
            break
    if end is None:
        return None
    data, unread = _load("\n".join(lines[: end + 1]) + "\n")
    return end if unread is None and isinstance(data, dict) else None


def _property_line(line: str) -> bool:
    """Whether ``line`` reads as a property's (``key: value``), not as markdown's list
    item or heading that has a colon (``- 2026-11-20: +1``)."""
    return _PROPERTY_LINE.match(line) is not None and _MARKDOWN_LINE.match(line) is None


def _closed_by_dots(lines: list[str], end: int | None) -> Problem | None:
    """The problem of front matter closed by a ``...`` line (YAML's end of a document,
    which pandoc takes for the closing line): the line after ``lines[end]``, the last of
    the properties (:func:`_last_property`), and no property after it (a ``...`` among
    the properties is none).  None when that is not so."""
    if end is None or end + 1 >= len(lines) or lines[end + 1].rstrip(" \t") != "...":
        return None
    dots = end + 1
    after = lines[dots + 1] if dots + 1 < len(lines) else ""
    if _property_line(after):
        return None
    return Problem(
        dots + 2,
        f"invalid front matter: the '...' on line {dots + 2} closes no front matter in "
        "Obsidian or journal, which end it with a '---' line only",
    )


def _never_closed(block: str) -> Problem:
    """The problem of front matter with no closing ``---`` anywhere after it, ``block``
    its lines up to the first blank line: the closing line is missing after the last of
    the properties it starts with, or a ``...`` line closes them (:func:`_closed_by_dots`)."""
    lines = _lines(block)  # lines[i] is the file's line i + 2
    end = _last_property(lines)
    if end is None:
        return Problem(1, "front matter opened on line 1 is never closed (no closing '---' line)")
    return _closed_by_dots(lines, end) or Problem(
        end + 2,
        f"invalid front matter: the closing '---' is missing after line {end + 2}, the last "
        "property: no '---' line closes the front matter opened on line 1",
    )


def _check_heading_in_block(doc: Document) -> None:
    """Warn of front matter whose closing ``---`` went missing above a markdown heading
    and a ``---`` rule, which YAML reads as a comment and the closing line: the block
    ends in a blank line, and after its last property holds only ``#`` lines and blank
    lines, one a heading (``# Title``) after a blank line.  A comment right under a
    property, or one the ``---`` closes at once, is one's own."""
    if doc.text.find("\n#", doc.yaml_start, doc.yaml_end) < 0:
        return  # most notes: a search, no copy
    lines = _lines(doc.yaml_text)  # lines[i] is the file's line i + 2
    if lines[-1].strip():
        return
    last = len(lines) - 1
    while lines[last].startswith("#") or not lines[last].strip():
        last -= 1
    heading = next(
        (
            i
            for i in range(last + 2, len(lines))
            if _HEADING.match(lines[i]) and not lines[i - 1].strip()
        ),
        None,
    )
    if heading is not None:
        doc.refuse(
            last + 2,
            f"the closing '---' is probably missing after line {last + 2}: the heading on "
            f"line {heading + 2} is read as a comment in the front matter, up to the '---' "
            f"on line {len(lines) + 2}, and is missing from the note's text",
            "warning",
        )


def _load(yaml_text: str) -> tuple[Any, Problem | None]:
    """Parse the YAML between the delimiters.  A newline stands in for the opening
    ``---`` line, so every line number YAML reports is the file's line number.  Plain
    lines are read without a YAML library (:mod:`journal.core.plain_yaml`)."""
    text = "\n" + yaml_text
    plain = _plain_yaml().read(text)
    if plain is not None:
        return plain, None
    from journal.core import yaml12

    try:
        return _handler().load(text, Loader=yaml12.Yaml12Loader), None
    except yaml12.MarkedYAMLError as exc:
        return None, _explain(exc, text)
    except yaml12.ReaderError as exc:
        return None, _bad_character(exc, text)
    except yaml12.YAMLError as exc:
        return None, Problem(None, f"invalid front matter: {exc}")
    except RecursionError:
        return None, Problem(None, "invalid front matter: nested too deeply")


@functools.cache
def _plain_yaml() -> ModuleType:
    """:mod:`journal.core.plain_yaml`, imported when a note is first read: an import
    statement in :func:`_load` would cost each note's read its look-ups (about as much
    as reading a short front matter)."""
    from journal.core import plain_yaml

    return plain_yaml


@functools.cache
def _handler() -> Any:
    """python-frontmatter's YAML handler, imported when a note is first read."""
    import frontmatter.default_handlers

    return frontmatter.default_handlers.YAMLHandler()


def _bad_character(exc: yaml12.ReaderError, text: str) -> Problem:
    """The line and the name of a character YAML reads no text with (a control
    character such as the soft line break Word pastes, U+000B), in one line: PyYAML's
    message ran over two and gave an offset, no line (found in a tryout)."""
    code = int(exc.character)
    control = code < 0x20 or 0x7F <= code <= 0x9F
    what = "a control character" if control else "a character YAML does not allow"
    named = ", the soft line break Word pastes" if code == 0x0B else ""
    at = text.find(chr(code))  # the first one: where the reader stopped (its position
    # counts bytes of UTF-8 in libyaml, characters in PyYAML's own reader)
    return Problem(
        text.count("\n", 0, at if at >= 0 else exc.position) + 1,
        f"invalid front matter: {what} (U+{code:04X}{named}) on this line, which properties "
        "can't hold: delete it",
    )


def _explain(exc: yaml12.MarkedYAMLError, text: str) -> Problem:
    """The line and the reason, in the user's words, that YAML ``text`` can't be read."""
    problem = exc.problem or str(exc)
    context = exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    slip = _keyboard_slip(exc, text, mark)
    if slip is not None:
        return Problem(slip[0], "invalid front matter: " + slip[1])
    quoted = _quote_slip(text, mark.line) if mark is not None else None
    if quoted is not None:
        return quoted
    if "flow" in context and mark is not None and (hidden := _hidden_close(exc, text)):
        return hidden
    if "quoted scalar" in context and "end of stream" in problem and exc.context_mark:
        mark, problem = exc.context_mark, "this quoted value is never closed"
    elif "flow" in context and _unclosed(exc, text):
        mark = exc.context_mark
        if "sequence" in context:
            problem = (
                "the '[' on this line is never closed (no ']'): end the list with ']', "
                "or write one item per line as `  - item`"
            )
        else:
            problem = "the '{' on this line is never closed (no '}')"
    elif "tab character" in problem or _tab_indented(exc, text, mark):
        problem = _TAB_INDENT  # libyaml's words for a tab before a key, an item, a line...
    elif "cannot start any token" in problem and mark is not None:
        char = text[mark.index : mark.index + 1]
        if char == "\t":
            problem = _TAB_INDENT
        elif char and char in _RESERVED:
            problem = f"a value can't start with '{char}' in YAML; put the value in quotes"
        else:
            problem = f"a character YAML can't read here ({char!r})"
    elif mark is not None and (links := _UNQUOTED_LINKS.match(_line_at(text, mark.index))):
        value = f'{links.group(1)}: "[[A]], [[B]]"' if links.group(1) else '"[[A]], [[B]]"'
        problem = f'links on one line need quotes: `{value}`, or one per line as `  - "[[A]]"`'

    elif (
        mark is not None
        and "mapping values" in problem
        and (curly := _CURLY_VALUE.match(_line_at(text, mark.index)))
    ):  # found in a tryout: TextEdit's and Word's quotes, told to "put it in quotes"
        marks = " ".join(filter(None, curly.group("open", "close")))  # as typed
        problem = (
            f"the value is in typographic quotes ({marks}), which YAML reads as text: write "
            'straight quotes (") around a value that holds ": "'
        )
    elif (
        mark is not None
        and any(words in problem for words in ("mapping values", "expected key"))
        and (key := _indented_key(text, mark))
    ):
        problem = (
            f"this line is indented under `{key}:`, which has a value already; "
            "start it where the other properties start"
        )
    elif (
        mark is not None
        and (task := _TASK_ITEM.fullmatch(_line_at(text, mark.index)))
        and _MILESTONES_ABOVE.search(text, 0, _line_start(text, mark.index))
    ):
        box, title = task.groups()
        ticked = " with `done: true`" if box in "xX" else ""
        problem = (
            f"a task checkbox in a YAML list: `- [{box}] {title}` is a list inside a list to "
            f"YAML; write `- title: {title}`{ticked}"
        )
    else:
        problem = next((hint for needle, hint in _HINTS if needle in problem), problem)
    return Problem(mark.line + 1 if mark is not None else None, "invalid front matter: " + problem)


def _quote_slip(text: str, stopped: int) -> Problem | None:
    """What went wrong when YAML stopped on line ``stopped`` (from 0) after a quoted
    value that ends on it: a quote not closed on its own line, whose closing quote is
    the opening one of a later value; or an apostrophe that ended a value in single
    quotes (``'it's'``).  None for neither."""
    from journal.core import yaml12  # _load imported it

    quoted = yaml12.quote_ending_on(text, stopped)
    if quoted is None:
        return None
    quote, opened, end = quoted
    before = text[text.rfind("\n", 0, end - 1) + 1 : end - 1]  # its line up to the quote
    if opened < stopped and _VALUE_START.fullmatch(before):
        return Problem(
            opened + 1,
            "invalid front matter: this quoted value is never closed on its line: its quote "
            f"runs on to line {stopped + 1}, where YAML stops; close it on this line",
        )
    if quote == "'" and text[end : end + 1].isalnum():
        return Problem(
            stopped + 1,
            "invalid front matter: an apostrophe ends a value in single quotes: write it "
            "twice (`'it''s'`) or put the value in double quotes",
        )
    return None


#: What comes on a line before a quote that opens a value: indentation, a list's ``-``,
#: a key and its colon.
_VALUE_START = lazy(r"[ \t]*(?:-[ \t]+)*(?:[^\s:#][^:\n]*:[ \t]+)?")


def _unclosed(exc: yaml12.MarkedYAMLError, text: str) -> bool:
    """Whether YAML gave up on a ``[``/``{`` opened on an earlier line than the one it
    stopped on because the bracket is never closed (rather than for a mistake inside)."""
    opened, stopped = exc.context_mark, exc.problem_mark
    if "did not find expected ',' or" not in (exc.problem or ""):
        return False
    if opened is None or stopped is None or stopped.line <= opened.line:
        return False
    return not _closes(text, opened.index)


def _hidden_close(exc: yaml12.MarkedYAMLError, text: str) -> Problem | None:
    """The problem of the ``[`` or ``{`` YAML gave up in, never closed, when the comment
    on its line holds its closing bracket: ``tags: [a, #b]``, whose ``#b]`` YAML reads as
    a comment.  Told only where that is sure: it is the one bracket open where YAML
    stopped, on a later line; it opens the value of a key or a list item on its line (as
    YAML's scanner reads the text: none in a block scalar); no bracket comes after it on
    its line; and the comment's first bracket is its closing one.  None otherwise."""
    from journal.core import yaml12  # _load imported it

    stopped = exc.problem_mark.index if exc.problem_mark else len(text)
    read = [token for token in yaml12.tokens(text) if token[1] < stopped]
    still_open: list[int] = []  # where in ``read`` the brackets open are
    for number, (kind, _, _) in enumerate(read):
        if kind in ("FlowSequenceStart", "FlowMappingStart"):
            still_open.append(number)
        elif kind in ("FlowSequenceEnd", "FlowMappingEnd") and still_open:
            still_open.pop()
    if len(still_open) != 1:
        return None
    first = still_open[0]
    at = read[first][1]
    start, end = _line_start(text, at), _line_end(text, at + 1)
    lead = [k for k, begins, _ in read[:first] if begins >= start and k not in ("Anchor", "Tag")]
    if stopped < end or lead[-1:] not in (["Value"], ["BlockEntry"]):
        return None  # YAML stopped on its line, or it opens no key's or item's value there
    after = [token for token in read[first + 1 :] if token[1] < end]
    if any(kind.startswith("Flow") and kind != "FlowEntry" for kind, _, _ in after):
        return None  # a bracket in the bracket
    last = max((token[2] for token in after), default=at + 1)
    comment = text[last:end].strip()
    close = "]" if text[at] == "[" else "}"
    brackets = [char for char in comment if char in "[]{}"]
    if last >= end or not comment.startswith("#") or brackets[:1] != [close]:
        return None
    if _closes(text, at):
        return None
    before = after[-1][0] if after else ""
    keyed = close == "}" and before != "Value"  # not after `b:`
    # quoted, the comment is an item of its own only after the bracket, a `,` or `b:`
    # (after `career`, `[career "#network"]` is one item: found in review)
    sure = before in ("", "FlowEntry", "Value")
    return Problem(
        text.count("\n", 0, at) + 1,
        f"invalid front matter: the '{text[at]}' on this line is never closed: YAML reads "
        f"`{comment}` as a comment, hiding the '{close}'"
        + (_quoting(comment, close, keyed=keyed) if sure else ""),
    )


def _quoting(comment: str, close: str, *, keyed: bool) -> str:
    """How to write the value a ``comment`` ends at its ``close`` bracket in quotes (of a
    mapping's key, ``keyed``, the key alone: ``"#b": 2``), when that is sure: it is one
    word, and nothing but a comment comes after the bracket (``#b]]`` keeps a ``]``).
    Empty when it is not sure."""
    part, _, rest = comment.partition(close)
    part = part.split(",")[0].strip()
    if rest.strip() and not _NOTE.match(rest):
        return ""
    if keyed and (key := _QUOTABLE_KEY.fullmatch(part)):
        quoted = f'"{key[1]}": {key[2]}' if key[2] else f'"{key[1]}"'
        return f"; put the key in quotes (`{quoted}`)"
    if not keyed and _QUOTABLE.fullmatch(part):
        return f'; put the value in quotes (`"{part}"`)'
    return ""


#: A value starting with ``#`` that reads the same in double quotes: one word, no ``"``
#: or ``\\`` (nor a backtick, which would end the message's code span).
_QUOTABLE = lazy(r'#[^\s"\\`]*')
#: Such a key (no ``:`` in it), with its value if it has one, one such word too: ``#b: 2``.
_QUOTABLE_KEY = lazy(r'(#[^\s"\\:`]*)(?::[ \t]+([^\s"\\#`]+))?')


def _closes(text: str, at: int) -> bool:
    """Whether the bracket at ``text[at]`` is closed: brackets counted to the end,
    skipping quoted values and comments, up to the next property."""
    depth = 0
    index = at
    last = "["  # the last character before this one that is no space (or comment)
    while index < len(text):
        char = text[index]
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return True
        elif char in "'\"" and last in ("[", "{", ",", ":"):  # a quote that starts a value
            index = _quote_end(text, index)
        elif char == "#" and text[index - 1] in " \t\n[{,":  # as YAML, in a flow
            index = _line_end(text, index + 1)  # the comment's line ends
            continue
        elif char == "\n" and _TOP_KEY.match(text, index + 1):
            return False  # the next property began first
        if char not in " \t\n":
            last = char
        index += 1
    return False


_TOP_KEY = lazy(r"[^\s#:\-\[\]{},'\"][^:\n]*:(?:[ \t]|$)", re.MULTILINE)


def _quote_end(text: str, start: int) -> int:
    """The index of the quote that closes the one at ``start`` (the end when none)."""
    quote = text[start]
    index = start + 1
    while index < len(text):
        if text[index] == "\\" and quote == '"':
            index += 2
            continue
        if text[index] == quote:
            if quote == "'" and text.startswith("''", index):
                index += 2
                continue
            return index
        index += 1
    return len(text)


def _indented_key(text: str, mark: Any) -> str | None:
    """The key of the line before the one at ``mark`` when that line looks like a
    property indented under it, which has a value already (``status: active`` then
    ``  due: 2026-12-31``, which YAML reads as more of the value ``active``)."""
    start = _line_start(text, mark.index)
    line = text[start:].partition("\n")[0]
    earlier = [ln for ln in text[: max(start - 1, 0)].split("\n") if ln.strip()]
    before = next((ln for ln in reversed(earlier) if not ln.lstrip().startswith("#")), "")
    indent = len(line) - len(line.lstrip(" "))
    found = _KEY_WITH_VALUE.match(before)
    if not found or not _PROPERTY_LINE.match(line) or indent <= len(found.group(1)):
        return None
    return found.group(2).strip("'\"")


#: ``key: value`` (in a list item too: ``- name: Dana``; a key in quotes too), the
#: column its key starts at as group 1.
_KEY_WITH_VALUE = lazy(r"( *(?:- +)?)('[^'\n]*'|\"[^\"\n]*\"|[^\s:#'\"\[{-][^:\n]*):[ \t]+[^\s#|>]")

#: ``with: [[A]], [[B]]``: a flow list YAML reads up to its ``]]``, then finds a comma.
#: The last key before a line is ``milestones:`` (its items are the lines after it).
_MILESTONES_ABOVE = lazy(r"^milestones:[ \t]*\n(?:[ \t-].*\n)*\Z", re.MULTILINE | re.IGNORECASE)
#: A list item written as a task (``  - [x] Draft``), which YAML reads as a list in a list.
_TASK_ITEM = lazy(r"[ \t]*- \[(.)\][ \t]+(.*?)[ \t]*")
_UNQUOTED_LINKS = lazy(r"[ \t]*(?:([^:\s-][^:]*):|-)[ \t]+\[\[[^\n]*\]\][ \t]*,")


def _line_at(text: str, index: int) -> str:
    return text[_line_start(text, index) :].partition("\n")[0]


def _tab_indented(exc: yaml12.MarkedYAMLError, text: str, mark: Any) -> bool:
    """Whether YAML gave up reading (not building: a duplicate key is no tab's fault) on
    a line indented with a tab that is the mistake: the line reads once its indentation
    is spaces or gone (a space and a tab before ``status: x`` after ``title: A``, which
    libyaml calls ``mapping values are not allowed here``).  A tab that only starts a
    line inside quotes or brackets, where it is a space, is not blamed for another
    mistake on that line."""
    from journal.core import yaml12

    if mark is None or mark.index < mark.column or isinstance(exc, yaml12.ConstructorError):
        return False
    start = mark.index - mark.column
    line = text[start:].partition("\n")[0]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" not in indent:
        return False
    rest = text[start + len(indent) :]
    return any(
        _reads_past(text[:start] + spaces + rest, mark)
        for spaces in (indent.replace("\t", " "), "")
    )


def _reads_past(fixed_text: str, mark: Any) -> bool:
    """Whether YAML that gave up reading at ``mark``, with a line fixed (``fixed_text``),
    now reads, or gives up only on a later line: the fixed line was the mistake."""
    from journal.core import yaml12

    try:
        yaml12.load(fixed_text)
    except yaml12.MarkedYAMLError as other:
        where = other.problem_mark or other.context_mark
        return where is not None and where.line > mark.line
    except yaml12.YAMLError:
        return False
    return True


#: Spaces a keyboard types that YAML reads as text, with their names: a Japanese input
#: method's ideographic space, the no-break spaces of a Mac's Option+Space and of French
#: typing, and the figure space.
_ODD_SPACES = {
    "\u3000": "a full-width space (U+3000)",
    "\u00a0": "a no-break space (U+00A0)",
    "\u202f": "a narrow no-break space (U+202F)",
    "\u2007": "a figure space (U+2007)",
}
_ODD = "".join(_ODD_SPACES)
#: Each character as ASCII: a full-width space is two columns wide.
_AS_ASCII = str.maketrans({"\uff1a": ": ", "\u3000": "  "} | dict.fromkeys(_ODD_SPACES, " "))
#: What YAML wants in ASCII typed otherwise (the part to fix as group 1), and the words
#: for it (``{}``: the name of the first odd space): a full-width colon after a key, an
#: odd space after a key's colon, odd spaces (and spaces) indenting a line.
#: The start of a line up to its key's end: indent, a list item's dash, the key.
_KEY_START = r"[ \t]*(?:-[ \t]+)?[^\s:#'\"-][^:\n]*?"
_SLIPS = (
    (re.compile(_KEY_START + "(\uff1a)"), "a full-width colon '\uff1a' (U+FF1A): write ': '"),
    (re.compile(_KEY_START + f":([{_ODD}])"), "{} after the colon: write an ASCII space"),
    (
        re.compile(f"([ \t]*[{_ODD}][ \t{_ODD}]*)"),
        "indented with {}: indent with spaces",
    ),
)


def _keyboard_slip(exc: yaml12.MarkedYAMLError, text: str, mark: Any) -> tuple[int, str] | None:
    """The 1-based line and the words when YAML gave up reading on or after a line
    holding a full-width colon (U+FF1A) where a key's ``:`` goes, a full-width or
    no-break space right after a key's ``:``, or indented with such spaces (a Japanese
    input method's, a Mac's Option+Space), that reads past where it gave up once written
    in ASCII: YAML reads such a line as more text and stops further on."""
    from journal.core import yaml12

    if mark is None or isinstance(exc, yaml12.ConstructorError):
        return None
    if "\uff1a" not in text and not any(space in text for space in _ODD_SPACES):
        return None
    lines = text.split("\n")
    for number, line in enumerate(lines[: mark.line + 1]):
        for pattern, problem in _SLIPS:
            found = pattern.match(line)
            if found is None:
                continue
            typed = found.group(1)
            fixed = line[: found.start(1)] + typed.translate(_AS_ASCII) + line[found.end(1) :]
            if _reads_past("\n".join([*lines[:number], fixed, *lines[number + 1 :]]), mark):
                odd = next((_ODD_SPACES[c] for c in typed if c in _ODD_SPACES), "")
                return number + 1, problem.format(odd)
    return None


def _check_second_block(doc: Document) -> None:
    if not _OPEN.match(doc.text, doc.body_start):  # most notes: no copy of the body
        return
    body = doc.body
    closing = _CLOSE.search(body, body.find("\n") + 1)
    if closing is None:
        return
    data, problem = _load(body[body.find("\n") + 1 : closing.start()])
    if problem is None and isinstance(data, dict) and data:
        doc.refuse(
            doc.body_line,
            "a second front-matter block follows the first (a sync merge?); merge them by hand",
            "warning",
        )


_CONFLICT_LINE = lazy(r"(<{7}|={7}|>{7})(?:[ \t].*)?\r?", re.ASCII)


def _check_conflict(doc: Document) -> None:
    """Refuse to edit a note git left in a merge conflict (a ``<<<<<<<`` line, then
    ``=======``, then ``>>>>>>>``, outside fenced code: a note may quote one): both
    sides' lines are in it, and a tool's line written among them would be lost in the
    merge.  The note is still read, and reported."""
    start = _conflict_start(doc.text)
    if start is None:
        return
    message = (
        "git left a merge conflict in this note (the <<<<<<< line); resolve it and remove "
        "the markers: the tool edits nothing in it until then"
    )
    doc.problems.append(Problem(start, message, "error", "conflict"))
    doc.writable = False


def _conflict_start(text: str) -> int | None:
    """The line of the first ``<<<<<<<`` of a merge conflict git left in ``text``, or
    None."""
    spans = conflict_spans(text)
    return spans[0][0] if spans else None


def conflict_spans(text: str) -> list[tuple[int, int]]:
    """The blocks of the merge conflicts git left in ``text``: the lines (1-based) of
    each block's ``<<<<<<<`` and of its ``>>>>>>>``, a ``=======`` between them (and
    the base's ``|||||||`` in the diff3 styles), outside fenced code."""
    if "<" not in text or "<<<<<<<" not in text:  # one character (memchr): 14x faster
        return []
    from journal.core.fences import fence_step

    spans: list[tuple[int, int]] = []
    wanted, start = "<", 0
    fence: str | None = None
    for number, line in enumerate(text.split("\n"), 1):
        fence, code = fence_step(fence, line.rstrip("\r"))
        marker = None if code else _CONFLICT_LINE.fullmatch(line)
        if marker is None or marker.group(1)[0] != wanted:
            continue
        start = number if wanted == "<" else start
        wanted = {"<": "=", "=": ">"}.get(wanted, "<")
        if wanted == "<":
            spans.append((start, number))
    return spans


def conflict_sides(text: str) -> tuple[str, str]:
    """``text`` as each side of the merge conflicts git left in it has it: (ours,
    theirs), without the markers, the other side's lines and the base's (diff3)."""
    lines = text.split("\n")
    ours: list[str] = []
    theirs: list[str] = []
    at = 0
    for start, end in conflict_spans(text):
        ours += lines[at : start - 1]
        theirs += lines[at : start - 1]
        side: list[str] | None = ours
        for line in lines[start : end - 1]:  # between the <<<<<<< and the >>>>>>>
            if line.startswith("|||||||"):
                side = None
            elif line.startswith("=======") and _CONFLICT_LINE.fullmatch(line):
                side = theirs
            elif side is not None:
                side.append(line)
        at = end
    return "\n".join(ours + lines[at:]), "\n".join(theirs + lines[at:])


def usual_newline(text: str) -> str:
    """The line ending most of ``text``'s lines end with: ``\\r\\n`` when more than half
    of them, else ``\\n`` (also with no line break): what lines written into it end
    with, so that one line pasted with the other ending doesn't turn them all."""
    return "\r\n" if 2 * text.count("\r\n") > text.count("\n") else "\n"


def _first_newline(text: str) -> str:
    """The ending of the first line of ``text``: ``\\r\\n`` or ``\\n`` (also when it
    has none)."""
    index = text.find("\n")
    return "\r\n" if index > 0 and text[index - 1] == "\r" else "\n"


def encode(text: str, *, bom: bool) -> bytes:
    """Bytes to write for ``text``, with the BOM the file had."""
    return (BOM if bom else b"") + text.encode("utf-8")


# --- writing values ---------------------------------------------------------------------


#: The types :func:`plain` gives back as they are, told at once (most values are text).
#: The types of the scalars plain data (JSON, a template's context) holds as they are.
SCALAR_TYPES = frozenset((str, int, float, bool, type(None)))


def is_empty(value: Any) -> bool:
    """A property value that says nothing: none, ``""``, ``[]`` or ``{}`` (``area:`` in a
    note, a list emptied in Obsidian)."""
    return value is None or value in ("", [], {})


def plain(value: Value) -> Value:
    """What ``value`` reads back as after it is written (dates become their text).  A
    scalar inside a list or a mapping is taken as it is without a call (most are: the
    index makes the plain data of every note's properties)."""
    if type(value) in SCALAR_TYPES:
        return value
    if is_sequence(value):  # before the Mapping ABC's slower check: a note's lists
        return [v if type(v) in SCALAR_TYPES else plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): v if type(v) in SCALAR_TYPES else plain(v) for k, v in value.items()}
    return value


def scalar_text(value: Value, *, flow: bool = False) -> str:
    """One scalar as YAML text that reads back the same in YAML 1.2 and 1.1
    (``flow``: inside ``[...]``/``{...}``, where commas and brackets need quotes)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise UnsafeWrite(f"{value} is not a number that can be written")
        from journal.core.formatting import exact_number

        text = exact_number(value)
        return text if "." in text else f"{text}.0"  # a float stays one (1e16: 10...0.0)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        ok = _plain_ok(value) and not (flow and _FLOW_FORBIDDEN.search(value))
        return value if ok else _double_quoted(value)
    raise UnsafeWrite(f"can't write a value of type {type(value).__name__}")


def _double_quoted(text: str) -> str:
    """A YAML double-quoted scalar; characters YAML can't hold raw (or would read as
    line breaks: NEL, LS, PS) are escaped."""
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted if quoted.isprintable() else _UNPRINTABLE.sub(_escaped, quoted)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


#: The characters a plain or quoted YAML scalar can't hold raw; none is printable
#: (``str.isprintable``).
_UNPRINTABLE = lazy(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def _plain_ok(text: str) -> bool:
    from journal.core.plain_scalars import INDICATORS, resolves_to_text  # when writing

    return (
        bool(text)
        and text == text.strip()
        and text[0] not in INDICATORS
        and _PLAIN_FORBIDDEN.search(text) is None
        and (text.isprintable() or _UNPRINTABLE.search(text) is None)  # a quick yes
        and resolves_to_text(text)
    )


def is_sequence(value: object) -> bool:
    """A list or a plain tuple: a YAML sequence.  A named tuple is a record (a link, a
    check-in), never a value to write or show."""
    return isinstance(value, list) or type(value) is tuple


def inline_text(value: Value, *, flow: bool = False) -> str:
    """A value on one line: a scalar, or a flow list/mapping of scalars."""
    if isinstance(value, Mapping):
        items = (f"{_key_text(k)}: {inline_text(v, flow=True)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if is_sequence(value):
        return "[" + ", ".join(inline_text(v, flow=True) for v in value) + "]"
    return scalar_text(value, flow=flow)


def block_lines(value: Value) -> list[str]:
    """A list or mapping as block YAML lines (no indentation on the first level)."""
    lines: list[str] = []
    if isinstance(value, Mapping):
        for key, item in value.items():
            if _is_collection(item) and item:
                lines.append(f"{_key_text(key)}:")
                lines.extend("  " + line for line in block_lines(item))
            else:
                lines.append(f"{_key_text(key)}: {inline_text(item)}".rstrip())
        return lines
    for item in value:
        if _is_collection(item) and item:
            inner = block_lines(item)
            lines.append("- " + inner[0])
            lines.extend("  " + line for line in inner[1:])
        else:
            lines.append("- " + inline_text(item))
    return lines


def _is_collection(value: Value) -> bool:
    """A value written in block style: a mapping or list, except a list of numbers, with
    gaps or not (written on one line, ``[1, null, 2.5]``, like a series of values)."""
    if is_sequence(value):
        return not all(
            v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in value
        )
    return isinstance(value, Mapping)


def _key_text(key: object) -> str:
    key = str(key)
    if not _KEY.fullmatch(key):
        raise UnsafeWrite(f"'{key}' is not a property name the tool writes (letters, digits, _ -)")
    return key


def entry_text(key: str, value: Value, newline: str, indent: int = 0) -> str:
    """``key: value`` as whole lines, block style for non-empty collections (but a
    list of numbers, with gaps or not, stays on one line)."""
    pad = " " * indent
    if _is_collection(value) and value:
        body = newline.join(pad + "  " + line for line in block_lines(value))
        return f"{pad}{_key_text(key)}:{newline}{body}{newline}"
    text = "" if value is None else " " + inline_text(value)
    return f"{pad}{_key_text(key)}:{text}{newline}"


# --- splicing edits ---------------------------------------------------------------------


@record(frozen=True, slots=True)
class _Splice(Record):
    """Text to put in place of the characters from ``start`` to ``end`` of a note."""

    start: int
    end: int
    text: str


def edit(doc: Document, changes: Mapping[tuple[PathKey, ...], Value]) -> str:
    """The note's new text with ``changes`` applied (value ``REMOVE`` deletes a key).

    Raises :class:`UnsafeWrite` when the note can't be edited losslessly or the
    result would not read back as exactly the intended properties.
    """
    return edited(doc, changes).text


def edited(doc: Document, changes: Mapping[tuple[PathKey, ...], Value]) -> Document:
    """The note with ``changes`` applied, as :func:`edit` makes it, read back: the
    check that it reads as intended has read it already."""
    if not doc.writable:
        reason = doc.problems[0].message if doc.problems else "it could not be read"
        raise UnsafeWrite(f"not editing this note: {reason}", line=_first_line(doc))
    before: dict[str, Value] = plain(dict(doc.data or {}))
    expected = copy.deepcopy(before)
    for path, value in changes.items():
        _apply_expected(expected, path, value)
    if doc.data is None:
        new_text = _new_front_matter(doc, changes)
    else:
        root = _spans(doc.yaml_text)
        if root is None:
            raise UnsafeWrite("the front matter is not a mapping")
        for path in changes:
            _refuse_shared(root, path, doc)
        yaml_text = doc.yaml_text
        splices = [
            _splice(yaml_text, root, path, value, doc.newline, _value_at(before, path))
            for path, value in changes.items()
        ]
        yaml_text = _apply(yaml_text, splices)
        assert doc.yaml_start is not None and doc.yaml_end is not None
        new_text = doc.text[: doc.yaml_start] + yaml_text + doc.text[doc.yaml_end :]
    return _verify(doc, new_text, expected)


def _spans(yaml_text: str) -> plain_yaml.Span | None:
    from journal.core import plain_yaml

    root = plain_yaml.spans(yaml_text)
    if root is None:
        from journal.core import yaml12

        root = yaml12.spans(yaml_text)
    return root


def entry_spans(doc: Document) -> dict[str, tuple[int, int]]:
    """Where each property of a readable note stands in its text: from the start of its
    key's line to past the end of its value's last line (its line break included)."""
    root = _spans(doc.yaml_text) if doc.data is not None and doc.writable else None
    if root is None or doc.yaml_start is None:
        return {}
    start, text = doc.yaml_start, doc.yaml_text
    return {
        key: (start + _line_start(text, span.key_start), start + _line_end(text, span.end))
        for key, span in root.entries.items()
    }


def keeps_item_lines(doc: Document, key: str) -> bool:
    """Whether an edit of the list at ``key`` keeps the lines of the items it keeps (see
    :func:`items_on_own_lines`): an item YAML reads as a collection (``- [[Note]]``) can
    then be kept as written; elsewhere it would be written out anew as YAML (``- - -
    Note``)."""
    if doc.data is None or not doc.writable:
        return False
    root = _spans(doc.yaml_text)
    span = root.entries.get(key) if root is not None else None
    return span is not None and items_on_own_lines(doc.yaml_text, span)


#: A ``#`` that may open a comment: at the start of a line or after blank space (one a
#: key or value holds opens none: :func:`comments` tells).
_HASH_SIGN = lazy(r"(?<![^ \t\n])#")


def comments(doc: Document) -> list[str]:
    """The comments of a readable note's properties, in order, each from its ``#`` to
    the end of its line (a ``#`` inside a key or a value, ``"[[Ship #2]]"``, is none)."""
    root = _spans(doc.yaml_text) if doc.data is not None and doc.writable else None
    if root is None:
        return []
    text, held = doc.yaml_text, list(_scalar_spans(root))
    found: list[str] = []
    done = 0  # where the line of the last comment ends: the rest of that line is in it
    for sign in _HASH_SIGN.finditer(text):
        at = sign.start()
        if at >= done and not any(start <= at < end for start, end in held):
            done = _line_end(text, at + 1)
            found.append(text[at:done].rstrip("\r\n"))
    return found


def _scalar_spans(span: plain_yaml.Span) -> Iterator[tuple[int, int]]:
    """Where the keys and the scalar values in ``span`` stand (start, end)."""
    if span.key_start >= 0:
        yield span.key_start, span.key_end
    if span.kind in ("scalar", "block-scalar"):
        yield span.start, span.end
    for inner in (*span.entries.values(), *span.items):
        yield from _scalar_spans(inner)


def _first_line(doc: Document) -> int | None:
    return doc.problems[0].line if doc.problems else None


def _new_front_matter(doc: Document, changes: Mapping[tuple[PathKey, ...], Value]) -> str:
    entries = []
    for path, value in changes.items():
        if len(path) != 1 or value is REMOVE:
            raise UnsafeWrite("the note has no front matter to edit")
        entries.append(entry_text(str(path[0]), value, doc.newline))
    nl = doc.newline
    return f"---{nl}{''.join(entries)}---{nl}{doc.text}"


def _apply_expected(expected: dict[str, Value], path: tuple[PathKey, ...], value: Value) -> None:
    target: Any = expected
    for step in path[:-1]:
        try:
            target = target[step]
        except (KeyError, IndexError, TypeError):
            raise UnsafeWrite(f"no property at {_path_text(path)}") from None
    last = path[-1]
    if value is REMOVE:
        if isinstance(target, dict):
            target.pop(last, None)
        return
    if isinstance(target, list) and isinstance(last, int) and not 0 <= last < len(target):
        raise UnsafeWrite(f"no item at {_path_text(path)}")
    target[last] = plain(value)


def _path_text(path: Sequence[PathKey]) -> str:
    """A path into the front matter as the user counts: ``milestones item 5.done``
    (items numbered from 1, as ``journal done --milestone 5`` numbers them)."""
    return "".join(f" item {p + 1}" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")


def _refuse_shared(root: plain_yaml.Span, path: tuple[PathKey, ...], doc: Document) -> None:
    """An edit at ``path`` would also change (or break) the values an anchor shares."""
    node: plain_yaml.Span | None = root
    for step in path:
        assert node is not None
        if isinstance(step, int):
            node = node.items[step] if step < len(node.items) else None
        else:
            node = node.entries.get(step)
        if node is None:
            return
        if node.shared:
            break
    if node is not None and node.holds_shared():
        raise UnsafeWrite(
            f"not editing '{_path_text(path)}': the value is shared through a YAML anchor "
            "(&name and *name); edit it by hand",
            line=doc.key_line(str(path[0])),
        )


def _locate(root: plain_yaml.Span, path: Sequence[PathKey]) -> plain_yaml.Span:
    node = root
    for step in path:
        if isinstance(step, int) and step < len(node.items):
            node = node.items[step]
        elif isinstance(step, str) and step in node.entries:
            node = node.entries[step]
        else:
            raise UnsafeWrite(f"no property at {_path_text(path)}")
    return node


def _value_at(data: Value, path: Sequence[PathKey]) -> Value:
    """The value at ``path`` in plain ``data`` (None where there is none)."""
    for step in path:
        found = isinstance(data, dict) and step in data
        if not (found or (isinstance(step, int) and is_sequence(data) and step < len(data))):
            return None
        data = data[step]
    return data


def _splice(
    text: str,
    root: plain_yaml.Span,
    path: tuple[PathKey, ...],
    value: Value,
    newline: str,
    old: Value = None,
) -> _Splice:
    parent = _locate(root, path[:-1])
    last = path[-1]
    if isinstance(last, int):
        return _replace_item(parent, last, value, path)
    current = parent.entries.get(last)
    if value is REMOVE:
        if current is None:
            return _Splice(0, 0, "")
        if parent.kind != "block-map":
            raise UnsafeWrite(f"can't remove {_path_text(path)} from a one-line mapping")
        return _Splice(_line_start(text, current.key_start), _line_end(text, current.end), "")
    if current is None:
        return _insert_entry(text, parent, last, value, newline, is_root=parent is root)
    items = _list_edit(text, current, old, value, newline)
    if items is not None:
        return items
    return _replace_value(text, current, value, newline, flow=parent.kind.startswith("flow"))


def _list_edit(
    text: str, span: plain_yaml.Span, old: Value, value: Value, newline: str
) -> _Splice | None:
    """A block list whose items stand on lines of their own edited item by item (None
    when it is not one, or ``value`` is no list or an empty one).  An item kept keeps its
    lines, with their comments, and the comment lines just above it, wherever the new
    order puts it; a removed item's lines go (the comments on them with them), the
    comment lines above and in it stay; a new item goes after the item before it."""
    if not is_sequence(old) or not is_sequence(value) or not value:
        return None
    if len(old) != len(span.items) or not items_on_own_lines(text, span):
        return None
    starts = [_line_start(text, item.start) for item in span.items]
    ends = [_line_end(text, item.end) for item in span.items]
    # the lines above each item but the first (those below the key stay there: a
    # comment on the whole list as often as on its first item)
    above = [""] + [text[end:start] for end, start in zip(ends, starts[1:], strict=False)]
    pad = text[starts[0] : span.items[0].start].partition("-")[0]
    unused: dict[tuple[str, str], list[int]] = {}
    for index, item in enumerate(old):
        unused.setdefault(_key(item), []).append(index)
    kept = [unused[_key(v)].pop(0) if unused.get(_key(v)) else None for v in value]
    removed = sorted(set(range(len(old))) - {k for k in kept if k is not None})

    def gone(index: int) -> str:  # what stays of a removed item: its comment lines
        return _comments(above[index]) + _comment_lines(text[starts[index] : ends[index]])

    out: list[str] = []
    for place, (new, was) in enumerate(zip(value, kept, strict=True)):
        later = (k for k in kept[place:] if k is not None)
        before = was if was is not None else min(later, default=len(old))
        while removed and removed[0] < before:  # the comments above the next item kept
            out.append(gone(removed.pop(0)))
        if was is None:
            out += [pad + line + newline for line in block_lines([new])]
        else:
            out.append(above[was] + text[starts[was] : ends[was]])
    out += [gone(k) for k in removed]
    new_text = "".join(out)
    if not text[: ends[-1]].endswith("\n"):
        new_text = new_text.removesuffix(newline)  # the list ended the text, with no break
    return _Splice(starts[0], ends[-1], new_text)


def items_on_own_lines(text: str, span: plain_yaml.Span) -> bool:
    """Whether ``span`` is a block list whose items each stand on lines of their own (the
    first opening with its ``-``, the last holding at most a comment after it): a scalar
    or a flow list or mapping on one line (``- [[Note]]``, which YAML reads as a list in
    a list), or a block mapping (a plan's row): what :func:`_list_edit` edits item by
    item."""
    if span.kind != "block-seq" or not span.items:
        return False
    for item in span.items:
        if item.kind not in ("scalar", "flow-seq", "flow-map", "block-map"):
            return False
        start, end = _line_start(text, item.start), _line_end(text, item.end)
        lead, rest = text[start : item.start], text[item.end : end].strip()
        one_line = "\n" not in text[item.start : item.end]
        if lead.strip() != "-" or not (one_line or item.kind == "block-map"):
            return False  # a multi-line value, or more than the item on its line
        if rest and not rest.startswith("#"):
            return False
    return True


def _comments(lines: str) -> str:
    """The lines above a removed list item, unless they are blank: no comment is lost,
    and no blank lines pile up."""
    return lines if lines.strip() else ""


def _comment_lines(text: str) -> str:
    """The lines of ``text`` that hold only a comment, each with a line break."""
    return "".join(line + "\n" for line in text.split("\n") if line.lstrip().startswith("#"))


def _key(value: Value) -> tuple[str, str]:
    """A list item to compare by: its type and text as it reads back (``1`` is not
    ``"1"`` nor ``True``)."""
    value = plain(value)
    return type(value).__name__, str(value)


def _replace_item(
    parent: plain_yaml.Span, index: int, value: Value, path: tuple[PathKey, ...]
) -> _Splice:
    """A scalar item becomes the new value on the same line (a list or mapping in
    flow style: ``- {title: Draft, done: 2026-11-17}``)."""
    if index >= len(parent.items) or value is REMOVE:
        raise UnsafeWrite(f"can only replace a single value at {_path_text(path)}")
    item = parent.items[index]
    if item.kind != "scalar":
        raise UnsafeWrite(f"can only replace a single value at {_path_text(path)}")
    return _Splice(item.start, item.end, inline_text(value, flow=parent.kind == "flow-seq"))


def _replace_value(
    text: str, span: plain_yaml.Span, value: Value, newline: str, *, flow: bool
) -> _Splice:
    colon = _colon_end(text, span)
    start = _after_anchor(text, span.start) if span.kind == "scalar" else span.start
    if flow:
        if span.kind == "scalar" and span.end > span.start >= colon:
            return _Splice(start, span.end, _scalar_like(text[start], value, flow=True))
        return _Splice(colon, span.end, " " + inline_text(value, flow=True))
    if _is_collection(value) and value:
        simple = is_sequence(value) and not any(_is_collection(v) for v in value)
        if span.kind == "flow-seq" and span.items and simple:
            return _Splice(span.start, span.end, inline_text(value))
        lines = block_lines(value)
        if span.kind in ("block-seq", "block-map") and span.start > colon:
            pad = " " * span.column
            return _Splice(span.start, span.end, (newline + pad).join(lines))
        pad = " " * (span.key_column + 2)
        return _Splice(colon, span.end, "".join(newline + pad + line for line in lines))
    if span.kind in ("block-seq", "block-map") and span.start > colon:
        return _onto_key_line(text, span, colon, "" if value is None else " " + inline_text(value))
    if value is None:
        return _Splice(colon, span.end, "")
    if span.kind == "scalar" and span.end > span.start >= colon:
        return _Splice(start, span.end, _scalar_like(text[start], value))
    return _Splice(colon, span.end, " " + inline_text(value))


def _onto_key_line(text: str, span: plain_yaml.Span, colon: int, value: str) -> _Splice:
    """A block list or mapping under its key replaced by ``value``, the text after the
    key's colon: the lines of its items go, with the comments on them; a comment on the
    key's line and the comment lines under it stay (as those of a list edited item by
    item do)."""
    end = _line_end(text, span.end)
    rest, _, under = text[colon:end].partition("\n")
    note = _NOTE.search(rest)
    line = value + (note.group() if note else "") + ("\r\n" if rest.endswith("\r") else "\n")
    return _Splice(colon, end, line + _comment_lines(under))


#: A comment after a value, with the blank space before it.
_NOTE = lazy(r"[ \t]+#[^\r\n]*")


#: An anchor before a value (``current: &a 3``): kept when the value is replaced (a
#: value an alias shares is never edited: see :func:`_refuse_shared`).
_ANCHOR = lazy(r"&[^\s,\[\]{}]+[ \t]+")


def _after_anchor(text: str, start: int) -> int:
    found = _ANCHOR.match(text, start)
    return found.end() if found and found.end() < len(text) else start


def _scalar_like(first: str, value: Value, *, flow: bool = False) -> str:
    """``value`` in place of a scalar that starts with ``first``: a text or a day in the
    quotes the old value had (``status: "active"``, ``due: '2027-01-31'`` stay quoted
    - Obsidian's property editor writes dates in neither), anything else as
    :func:`inline_text` writes it."""
    if isinstance(value, str) and first == '"':
        return _double_quoted(value)
    if isinstance(value, str) and first == "'" and value.isprintable():
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, date) and first in "\"'":  # `due: '2027-01-31'` stays quoted
        return first + value.isoformat() + first
    return inline_text(value, flow=flow)


def _insert_entry(
    text: str, parent: plain_yaml.Span, key: str, value: Value, newline: str, *, is_root: bool
) -> _Splice:
    if parent.kind == "flow-map":
        separator = ", " if parent.entries else ""
        close = parent.end - 1
        return _Splice(
            close, close, f"{separator}{_key_text(key)}: {inline_text(value, flow=True)}"
        )
    if parent.kind != "block-map":
        raise UnsafeWrite(f"can't add '{key}' here: its parent is not a mapping")
    if is_root:
        at = len(text)
        lead = "" if not text or text.endswith("\n") else newline
        return _Splice(at, at, lead + entry_text(key, value, newline))
    indent = min(entry.key_column for entry in parent.entries.values())
    at = _line_end(text, parent.end)
    lead = "" if text[:at].endswith("\n") else newline
    return _Splice(at, at, lead + entry_text(key, value, newline, indent))


def _colon_end(text: str, span: plain_yaml.Span) -> int:
    """The offset just after the ``:`` that ends the key of ``span``."""
    colon = text.find(":", span.key_end)
    if colon < 0:
        raise UnsafeWrite("could not find the ':' after a key")
    return colon + 1


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    """The offset just past the newline that ends the line holding ``index - 1``."""
    end = text.find("\n", max(index - 1, 0))
    return len(text) if end < 0 else end + 1


def _apply(text: str, splices: list[_Splice]) -> str:
    ordered = sorted(splices, key=lambda s: (s.start, s.end))
    for before, after in itertools.pairwise(ordered):
        if after.start < before.end:
            raise UnsafeWrite("two changes touch the same lines; set them one at a time")
    for splice in reversed(ordered):
        text = text[: splice.start] + splice.text + text[splice.end :]
    return text


def _verify(doc: Document, new_text: str, expected: dict[str, Value]) -> Document:
    again = parse_text(new_text, bom=doc.bom)
    if again.data is None or again.problems:
        reason = again.problems[0].message if again.problems else "no front matter"
        raise UnsafeWrite(
            f"the edit would not read back as intended ({reason}); the file was left unchanged"
        )
    got = plain(dict(again.data))
    if got != expected:
        key = next(k for k in {**expected, **got} if got.get(k, REMOVE) != expected.get(k, REMOVE))
        raise UnsafeWrite(
            f"the edit would not read back as intended: '{key}' would read "
            f"{_shown(got, key)} instead of {_shown(expected, key)}; the file was left unchanged",
            line=doc.key_line(key),
        )
    if again.body != doc.body:
        raise UnsafeWrite("the edit would change the note's body; the file was left unchanged")
    return again


def _shown(values: dict[str, Value], key: str) -> str:
    return json.dumps(values[key], ensure_ascii=False) if key in values else "(nothing)"


def new_note_text(props: Mapping[str, Value], body: str, newline: str = "\n") -> str:
    """A whole new note: front matter serialised from ``props`` (as data, never by
    string interpolation) followed by ``body``; verified to read back exactly."""
    entries = "".join(entry_text(key, value, newline) for key, value in props.items())
    text = f"---{newline}{entries}---{newline}{body}"
    again = read_back(text, body)
    if again.data is None or plain(dict(again.data)) != plain(dict(props)):
        raise UnsafeWrite("the new note's properties would not read back as intended")
    return text


def read_back(
    text: str, body: str, *, bom: bool = False, known: Sequence[Problem] = ()
) -> Document:
    """A note's new ``text`` as it reads back, checked to hold ``body`` as its body and
    no problem but those of ``known`` (the note had them already): a template's text
    with git's conflict markers, a second block... would make a note the tool then
    refuses to edit, so :class:`UnsafeWrite` names the line of the first new one."""
    again = parse_text(text, bom=bom)
    had = {problem.message for problem in known}
    new = [problem for problem in again.problems if problem.message not in had]
    if new:
        raise UnsafeWrite(
            f"the note would not read back as intended (its line {new[0].line}: "
            f"{new[0].message}); nothing was written"
        )
    if again.body != body:
        raise UnsafeWrite("the note's body would not read back as intended")
    return again
