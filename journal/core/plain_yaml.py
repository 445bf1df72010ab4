"""Front matter of plain lines, read without a YAML library.

Most notes' properties are ``key: value`` lines and block lists of plain or simply
quoted values, which YAML reads the same whatever the reader.  :func:`read` reads
exactly those, as :mod:`journal.core.yaml12` would (the same values, types, key and
item lines), without importing PyYAML: what a command that reads a few notes spends
on a YAML library's import is more than the whole read.  Anything else - nested
mappings, flow lists, anchors, tags, block scalars, escapes, a tab, a ``#`` - returns
None, and the caller hands the text to :mod:`yaml12`, which also words every error.
A property test holds the two to the same results.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import field
from typing import Any, TypeAlias

from journal.core.plain_scalars import INDICATORS, YAML12_BY_FIRST, yaml_int
from journal.core.records import Record, record
from journal.core.regex import lazy

#: One line: ``key: value`` (the key, the value), ``- item`` (the indentation and dash,
#: the item), or a blank or comment line (no group); a CR ending it left out.  A longer
#: key is an error to libyaml (a simple key is at most 1024 characters): left to it.
_LINE = lazy(
    r"\n(?:([A-Za-z_][A-Za-z0-9_-]{0,999}):(?: +([^\r\n]*))?|( *-) +([^\r\n]*)"
    r"|(?: *#[^\r\n]*| *))\r?(?![^\n])"
)
#: What a plain value may not hold here: a character YAML treats specially anywhere in
#: a plain value (``: ``, ``#``, flow indicators), or a ``:`` at its end.  (A tab never
#: gets here: a line with one is not printable.)
_NOT_PLAIN = lazy(r"[#\[\]{}]|: |:$")

_INF = float("inf")
#: The one NaN both readers give for ``.nan`` (:mod:`yaml12` too), made as PyYAML makes
#: it: a note that holds one reads back equal to itself, as an edit's check needs.
NAN = -_INF / _INF


#: The typed text of the plain numbers (and booleans) in a value: the text of a number,
#: or for a list or mapping holding one, the sources of its items by key (a list's by
#: position as text: ``{"0": "0612345678"}``), JSON as the index stores it.
Sources: TypeAlias = dict[str, "str | Sources"]


class LineMap(dict[str, Any]):
    """A mapping that also knows the 1-based line of each key in its YAML text,
    and the typed text of plain values that resolved to numbers or booleans, at any
    depth (:data:`Sources`)."""

    key_lines: dict[str, int]
    sources: Sources

    def __init__(self) -> None:
        self.key_lines = {}
        self.sources = {}


class LineList(list[Any]):
    """A list that also knows the 1-based line of each item in its YAML text, and the
    typed text of its numbers by position (:data:`Sources`)."""

    item_lines: list[int]
    sources: Sources

    def __init__(self) -> None:
        self.item_lines = []
        self.sources = {}


@record()
class Span(Record):
    """Where a value sits in YAML text (character offsets), for splicing edits."""

    start: int
    end: int
    column: int
    kind: str  # scalar, block-scalar, flow-seq, flow-map, block-seq, block-map
    key_start: int = -1
    key_end: int = -1
    key_column: int = -1
    entries: dict[str, Span] = field(default_factory=dict)
    items: list[Span] = field(default_factory=list)
    shared: bool = False  # the node of a YAML anchor that an alias also names

    def holds_shared(self) -> bool:
        """Whether this value, or a value inside it, is shared through an anchor."""
        children = [*self.entries.values(), *self.items]
        return self.shared or any(child.holds_shared() for child in children)


class _NotPlain(Exception):
    """The text is more than plain lines: YAML reads it."""


def read(text: str) -> LineMap | None:
    """The mapping of ``text`` (YAML, lines counted from 1), or None when it holds
    anything but ``key: value`` lines, block lists of values, blank lines and comment
    lines, or no key at all."""
    rows = _LINE.findall("\n" + text) if _printable(text) else []
    if len(rows) != text.count("\n") + 1:
        return None  # a line of another shape
    mapping = LineMap()
    key_lines = mapping.key_lines
    values: LineList | None = None  # the list the last key opened, if it has no value
    try:
        for number, (key, written, dash, item) in enumerate(rows, start=1):
            if key:
                if key in key_lines:
                    return None  # a key twice: YAML words that error
                key_lines[key] = number
                written = written.rstrip(" ")
                if written:
                    value = mapping[key] = _value(written)
                    if isinstance(value, (int, float)):  # plain (quoted is text), as yaml12
                        mapping.sources[key] = written
                    values = None
                else:
                    mapping[key] = None  # a list once an item follows
                    values, opener = LineList(), key
            elif dash:
                item = item.rstrip(" ")
                if values is None or not item:
                    return None  # an empty item is null: left to YAML
                if not values:
                    mapping[opener] = values
                    first = dash  # the items' indentation and dash
                elif dash != first:
                    return None
                value = _value(item)
                if isinstance(value, (int, float)):
                    values.sources[str(len(values))] = item
                    mapping.sources[opener] = values.sources
                values.append(value)
                values.item_lines.append(number)
    except _NotPlain:
        return None
    return mapping if key_lines else None  # no key: left to YAML


def spans(text: str) -> Span | None:
    """The span tree of ``text``'s mapping, as :func:`journal.core.yaml12.spans` finds
    it, or None when :func:`read` would not read ``text``."""
    mapping = read(text)
    if mapping is None:
        return None
    rows = _LINE.findall("\n" + text)  # each line's key, value, dash and item, as read
    lines = text.split("\n")
    starts = [0, *itertools.accumulate(len(line) + 1 for line in lines)]  # by line - 1

    def scalar(line: int, written: str, after: int) -> Span:
        """The span of the value ``written`` (trailing spaces left out) on ``line``, past
        column ``after``."""
        written = written.rstrip(" ")
        column = lines[line - 1].index(written, after)
        start = starts[line - 1] + column
        return Span(start, start + len(written), column, "scalar")

    found: dict[str, Span] = {}
    for key, line in mapping.key_lines.items():
        start = starts[line - 1]
        value = mapping[key]
        if isinstance(value, LineList):
            indent = len(rows[value.item_lines[0] - 1][2]) - 1
            items = [scalar(at, rows[at - 1][3], indent + 1) for at in value.item_lines]
            dash = starts[value.item_lines[0] - 1] + indent
            child = Span(dash, items[-1].end, indent, "block-seq", items=items)
        elif rows[line - 1][1].strip(" "):
            child = scalar(line, rows[line - 1][1], len(key) + 1)
        else:  # null: an empty scalar just past the ':'
            colon = start + len(key) + 1
            child = Span(colon, colon, len(key) + 1, "scalar")
        child.key_start, child.key_end = start, start + len(key)
        child.key_column = 0
        found[key] = child
    first, last = next(iter(found.values())), child
    return Span(first.key_start, last.end, 0, "block-map", entries=found)


def _printable(text: str) -> bool:
    """Whether each line of ``text`` is printable but for its line break (LF or CRLF; a
    CR that ends the text): not a tab, nor a character YAML refuses or reads as a line
    break."""
    return text.replace("\r\n", "\n").removesuffix("\r").replace("\n", "").isprintable()


def _value(text: str) -> Any:
    """A value as YAML 1.2's core schema reads it: quoted text, or a plain scalar typed
    by the first of its patterns it matches (:data:`YAML12_BY_FIRST`)."""
    tag = _remembered_tag(text) if len(text) <= 100 else _tag(text)
    if tag == "str":
        return text
    return text[1:-1] if tag == "quoted" else _typed(tag, text)


def _tag(text: str) -> str:
    """How :func:`_value` reads ``text``: ``quoted``, or the tag of its plain scalar's
    type (``str`` for text)."""
    first = text[0]
    if first == "'" or first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != first or first in inner or "\\" in inner:
            raise _NotPlain
        return "quoted"
    if (first in INDICATORS and not (first == "-" and text[1:2].isdigit())) or _NOT_PLAIN.search(
        text
    ):
        raise _NotPlain
    for implicit in YAML12_BY_FIRST.get(first, ()):
        if implicit.pattern.match(text):
            return implicit.tag
    return "str"


#: :func:`_tag` of short texts, remembered: a vault's notes repeat values (types, tags,
#: days).  The tag, not the value: a text read twice stays two objects, as YAML makes
#: them (a record holding both pickles as before).
_remembered_tag = functools.lru_cache(maxsize=4096)(_tag)


def _typed(tag: str, text: str) -> Any:
    """A plain scalar of an implicit type, built as PyYAML's constructors build it."""
    if tag == "bool":
        return text.lower() == "true"
    if tag == "null":
        return None
    if tag == "int":
        try:
            return yaml_int(text)
        except ValueError:  # more digits than Python reads: yaml12 says so
            raise _NotPlain from None
    sign = -1.0 if text[0] == "-" else 1.0
    body = text.lower()[1:] if text[0] in "+-" else text.lower()
    if body == ".inf":
        return sign * _INF
    if body == ".nan":
        return NAN
    return sign * float(body)
