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

from dataclasses import field
from typing import Any, NamedTuple

from journal.core.plain_scalars import INDICATORS, YAML12_BY_FIRST, yaml_int
from journal.core.records import Record, record
from journal.core.regex import lazy

#: ``key:`` at the start of a line, then the rest of the line.  A longer key is an error
#: to libyaml (a simple key is at most 1024 characters): left to it.
_KEY_LINE = lazy(r"([A-Za-z_][A-Za-z0-9_-]{0,999}):(?: +(.*))?")
#: ``- item`` with its indentation.
_ITEM_LINE = lazy(r"( *)- +(.*)")
#: What a plain value may not hold here: a character YAML treats specially anywhere in
#: a plain value (``: ``, ``#``, flow indicators), or a ``:`` at its end.  (A tab never
#: gets here: a line with one is not printable.)
_NOT_PLAIN = lazy(r"[#\[\]{}]|: |:$")

_INF = float("inf")
#: The one NaN both readers give for ``.nan`` (:mod:`yaml12` too), made as PyYAML makes
#: it: a note that holds one reads back equal to itself, as an edit's check needs.
NAN = -_INF / _INF


class LineMap(dict[str, Any]):
    """A mapping that also knows the 1-based line of each key in its YAML text,
    and the typed text of plain values that resolved to numbers or booleans."""

    key_lines: dict[str, int]
    sources: dict[str, str]

    def __init__(self) -> None:
        super().__init__()
        self.key_lines = {}
        self.sources = {}


class LineList(list[Any]):
    """A list that also knows the 1-based line of each item in its YAML text."""

    item_lines: list[int]

    def __init__(self) -> None:
        super().__init__()
        self.item_lines = []


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


class _Scalar(NamedTuple):
    text: str  # as written, quotes and all
    value: Any  # as YAML reads it
    start: int  # its offset in the text
    column: int
    line: int


class _Entry(NamedTuple):
    key: str
    start: int  # the key's offset in the text; keys are at column 0
    line: int
    value: _Scalar | list[_Scalar] | None
    dash: int = -1  # a list's: the offset of its first ``-``
    indent: int = -1  # a list's: its items' indentation


def read(text: str) -> LineMap | None:
    """The mapping of ``text`` (YAML, lines counted from 1), or None when it holds
    anything but ``key: value`` lines, block lists of values, blank lines and comment
    lines, or no key at all."""
    entries = _scan(text)
    if not entries:
        return None
    mapping = LineMap()
    for entry in entries:
        mapping.key_lines[entry.key] = entry.line
        if isinstance(entry.value, list):
            items = mapping[entry.key] = LineList()
            items.extend(item.value for item in entry.value)
            items.item_lines = [item.line for item in entry.value]
        elif entry.value is None:
            mapping[entry.key] = None
        else:
            value = mapping[entry.key] = entry.value.value
            if isinstance(value, (int, float)):  # plain (quoted is text), as yaml12 keeps
                mapping.sources[entry.key] = entry.value.text
    return mapping


def spans(text: str) -> Span | None:
    """The span tree of ``text``'s mapping, as :func:`journal.core.yaml12.spans` finds
    it, or None when :func:`read` would not read ``text``."""
    entries = _scan(text)
    if not entries:
        return None
    found: dict[str, Span] = {}
    for entry in entries:
        if isinstance(entry.value, list):
            items = [_span(item) for item in entry.value]
            child = Span(entry.dash, items[-1].end, entry.indent, "block-seq", items=items)
        elif entry.value is None:  # null: an empty scalar just past the ':'
            colon = entry.start + len(entry.key) + 1
            child = Span(colon, colon, len(entry.key) + 1, "scalar")
        else:
            child = _span(entry.value)
        child.key_start, child.key_end = entry.start, entry.start + len(entry.key)
        child.key_column = 0
        found[entry.key] = child
    last = found[entries[-1].key]
    return Span(entries[0].start, last.end, 0, "block-map", entries=found)


def _span(scalar: _Scalar) -> Span:
    return Span(scalar.start, scalar.start + len(scalar.text), scalar.column, "scalar")


def _scan(text: str) -> list[_Entry]:
    """The keys of ``text`` with their values read, where each sits; empty when it holds
    more than :func:`read` reads (or no key)."""
    try:
        return _entries(text)
    except _NotPlain:
        return []


def _entries(text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    seen: set[str] = set()
    items: list[_Scalar] | None = None  # the list the last key opened, if it has no value
    offset = 0
    for number, whole in enumerate(text.split("\n"), start=1):
        at = offset
        offset += len(whole) + 1
        line = whole[:-1] if whole.endswith("\r") else whole
        stripped = line.strip(" ")
        if not stripped:
            continue
        if not line.isprintable():
            raise _NotPlain  # a tab, or a character YAML refuses or reads as a line break
        if stripped[0] == "#":
            continue
        if line[0] != " ":
            found = _KEY_LINE.fullmatch(line)
            if found is not None:
                key, rest = found.group(1), (found.group(2) or "").rstrip(" ")
                if key in seen:
                    raise _NotPlain  # YAML words the error
                seen.add(key)
                if rest:
                    column = found.start(2)
                    entries.append(_Entry(key, at, number, _scalar(rest, at, column, number)))
                    items = None
                else:
                    entries.append(_Entry(key, at, number, None))
                    items = []
                continue
        found = _ITEM_LINE.fullmatch(line)
        if found is None or items is None:
            raise _NotPlain
        indent = len(found.group(1))
        if not items:
            entries[-1] = entries[-1]._replace(value=items, dash=at + indent, indent=indent)
        elif indent != entries[-1].indent:
            raise _NotPlain
        item = found.group(2).rstrip(" ")
        if not item:
            raise _NotPlain  # an empty item is null: left to YAML
        items.append(_scalar(item, at, found.start(2), number))
    return entries


def _scalar(text: str, line_start: int, column: int, line: int) -> _Scalar:
    return _Scalar(text, _value(text), line_start + column, column, line)


def _value(text: str) -> Any:
    """A value as YAML 1.2's core schema reads it: quoted text, or a plain scalar typed
    by the first of its patterns it matches (:data:`YAML12_BY_FIRST`)."""
    first = text[0]
    if first == "'" or first == '"':
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != first or first in inner or "\\" in inner:
            raise _NotPlain
        return inner
    if (first in INDICATORS and not (first == "-" and text[1:2].isdigit())) or _NOT_PLAIN.search(
        text
    ):
        raise _NotPlain
    for implicit in YAML12_BY_FIRST.get(first, ()):
        if implicit.pattern.match(text):
            return _typed(implicit.tag, text)
    return text


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
