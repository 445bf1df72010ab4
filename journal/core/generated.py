"""Generated sections inside notes the user also writes in.

A generated section sits between two HTML comments (hidden in Obsidian's reading
view and on GitHub)::

    <!-- journal:begin scoreboard 1a2b3c4d -->
    ...generated text...
    <!-- journal:end scoreboard -->

The begin marker holds a hash of the text the tool wrote.  When a note is
regenerated, a section whose text still has that hash is replaced with the new
text; a section the user edited is kept as it is (and reported) unless the
regeneration is forced.  Everything outside the sections is the user's and is
never touched.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from journal.core.errors import JournalError

_NAME = re.compile(r"[a-z0-9-]+")
_BEGIN = re.compile(
    r"^<!-- journal:begin ([a-z0-9-]+)(?: ([0-9a-f]{8}))? -->[ \t]*(?=\r?$)", re.MULTILINE
)
_END = re.compile(r"^<!-- journal:end ([a-z0-9-]+) -->[ \t]*(?=\r?$)", re.MULTILINE)
_MARKER_LIKE = re.compile(r"<!--\s*journal:")


class SectionError(JournalError):
    """Section markers that don't pair up; the note is left alone."""


def content_hash(text: str) -> str:
    """Hash of a section's text, blind to line-ending conversions."""
    normal = text.replace("\r\n", "\n").strip("\n")
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=4).hexdigest()


def section(text: str, name: str) -> str:
    """``text`` wrapped in markers: the Jinja filter ``section``, used as
    ``{% filter section("scoreboard") %}...{% endfilter %}``."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise SectionError(
            f"section name {name!r} is not allowed (use lower-case letters, digits and -)"
        )
    body = text.strip("\n")
    return (
        f"<!-- journal:begin {name} {content_hash(body)} -->\n{body}\n<!-- journal:end {name} -->"
    )


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    start: int  # offset of the begin marker
    end: int  # offset just past the end marker
    body_start: int
    body_end: int
    stored_hash: str | None

    def body(self, text: str) -> str:
        return text[self.body_start : self.body_end]

    def edited(self, text: str) -> bool:
        return self.stored_hash != content_hash(self.body(text))


def find_sections(text: str, path: str | None = None) -> dict[str, Section]:
    """The generated sections of ``text`` by name; malformed markers are an error."""
    sections: dict[str, Section] = {}
    ends = {m.start(): m for m in _END.finditer(text)}
    position = 0
    for begin in _BEGIN.finditer(text):
        line = text.count("\n", 0, begin.start()) + 1
        name = begin.group(1)
        if begin.start() < position:
            raise SectionError(
                f"section '{name}' starts inside another section", path=path, line=line
            )
        end = next(
            (m for start, m in sorted(ends.items()) if start > begin.end() and m.group(1) == name),
            None,
        )
        nested = next(
            (
                m
                for m in _BEGIN.finditer(text, begin.end())
                if end is None or m.start() < end.start()
            ),
            None,
        )
        if end is None or nested is not None:
            raise SectionError(f"section '{name}' has no matching end marker", path=path, line=line)
        if name in sections:
            raise SectionError(f"section '{name}' appears twice", path=path, line=line)
        body_start = _after_newline(text, begin.end())
        body_end = _before_newline(text, end.start())
        sections[name] = Section(
            name, begin.start(), end.end(), body_start, max(body_start, body_end), begin.group(2)
        )
        position = end.end()
    stray = [
        m
        for m in _END.finditer(text)
        if not any(s.start <= m.start() < s.end for s in sections.values())
    ]
    if stray:
        line = text.count("\n", 0, stray[0].start()) + 1
        raise SectionError(
            f"end marker of '{stray[0].group(1)}' has no begin marker", path=path, line=line
        )
    return sections


def check_markers(text: str) -> dict[str, Section]:
    """The sections of a freshly rendered note, which must be well formed: every
    marker-like comment a valid marker on a line of its own, pairs matched, no nesting,
    no name twice (else a later run could not find them again)."""
    valid = {m.start() for m in _BEGIN.finditer(text)} | {m.start() for m in _END.finditer(text)}
    for found in _MARKER_LIKE.finditer(text):
        if found.start() not in valid:
            line = text.count("\n", 0, found.start()) + 1
            shown = text.splitlines()[line - 1].strip()
            raise SectionError(
                f"'{shown}' is not a valid section marker on a line of its own", line=line
            )
    return find_sections(text)


def _after_newline(text: str, index: int) -> int:
    if text.startswith("\r\n", index):
        return index + 2
    return index + 1 if text.startswith("\n", index) else index


def _before_newline(text: str, index: int) -> int:
    if text[:index].endswith("\r\n"):
        return index - 2
    return index - 1 if text[:index].endswith("\n") else index


@dataclass
class Merge:
    """The outcome of regenerating a note over its previous version."""

    text: str
    replaced: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited by the user: left as they are
    missing: list[str] = field(default_factory=list)  # removed by the user: not re-added


def merge(old: str, new: str, *, force: bool = False, path: str | None = None) -> Merge:
    """``old`` with each generated section replaced by its version in ``new``.

    Text outside the sections is always ``old``'s.  Sections the user edited
    are kept unless ``force``; sections the user removed are not re-added.
    Line endings of ``old`` are kept.
    """
    old_sections = find_sections(old, path)
    new_sections = find_sections(new)
    newline = "\r\n" if "\r\n" in old else "\n"
    result = Merge(old)
    pieces: list[str] = []
    position = 0
    for name, current in sorted(old_sections.items(), key=lambda item: item[1].start):
        fresh = new_sections.get(name)
        if fresh is None:
            continue  # a section the template no longer makes: leave it to the user
        block = new[fresh.start : fresh.end]
        if block.replace("\r\n", "\n") == old[current.start : current.end].replace("\r\n", "\n"):
            continue
        user_text = content_hash(current.body(old))
        if current.edited(old) and not force and user_text != content_hash(fresh.body(new)):
            result.kept.append(name)
            continue
        pieces.append(old[position : current.start])
        pieces.append(block.replace("\r\n", "\n").replace("\n", newline))
        position = current.end
        result.replaced.append(name)
    pieces.append(old[position:])
    result.text = "".join(pieces)
    result.missing = sorted(set(new_sections) - set(old_sections))
    return result
