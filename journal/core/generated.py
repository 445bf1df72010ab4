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
never touched, except one line the tool keeps after the last section: the record
of every section the note has been given::

    <!-- journal:sections chart scoreboard wins -->

so a section the template makes that the note lacks is told apart: in the record,
the user removed it (it is not added back, unless the regeneration is forced); not
in it, the note never had it (it is added, next to its neighbours).  A note without a
record (made before records existed, or the user deleted it) counts as never having
had what it lacks.

The properties the tool owns are guarded alike: :func:`owned_hashes`, kept in the
``generated_hash`` property, holds a hash of each one's value as the tool wrote it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import field
from typing import Any

from journal.core import codec
from journal.core.errors import JournalError
from journal.core.fences import fence_language, fence_step
from journal.core.formatting import json_numbers
from journal.core.links import composed
from journal.core.records import Record, record
from journal.core.regex import lazy

HASH_KEY = "generated_hash"  # the property holding :func:`owned_hashes`
GENERATED_KINDS = ("review", "plan")  # the notes journal generates

_NAME = lazy(r"[a-z0-9-]+")
# Markers stand at the start of a line (:func:`_markers`): a leading ``^`` would keep
# the regex engine from jumping to the literal text, 6x slower on a long review.
_BEGIN = lazy(r"<!-- journal:begin ([a-z0-9-]+)(?: ([0-9a-f]{8}))? -->[ \t]*(?=\r?$)", re.MULTILINE)
_END = lazy(r"<!-- journal:end ([a-z0-9-]+) -->[ \t]*(?=\r?$)", re.MULTILINE)
_RECORD = lazy(r"<!-- journal:sections((?: [a-z0-9-]+)*) -->[ \t]*(?=\r?$)", re.MULTILINE)
_RECORD_LIKE = lazy(r"<!-- journal:sections\b")
_MARKER_LIKE = lazy(r"<!--\s*journal:")
#: The line breaks ``str.splitlines`` reads but ``\n`` (see :func:`_fence_lines`).
_OTHER_BREAK = lazy("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


#: What every marker and record of journal's sections starts with: a note without it
#: holds none (a quick look before any pattern).
MARK = "<!-- journal:"


def searchable(text: str) -> str:
    """``text`` as full-text search reads it: without the section markers generated
    notes hold nor Mermaid charts' source (a review's chart is its goals' names and
    dates again, and a snippet of either reads as noise)."""
    if MARK not in text and "mermaid" not in text:
        return text
    kept = []
    fence: str | None = None
    chart = False  # in a Mermaid fence
    for line in text.split("\n"):  # markdown's lines: no other line break splits them
        opening = fence is None
        fence, code = fence_step(fence, line.rstrip("\r"))
        if opening and fence is not None:
            chart = fence_language(line.rstrip("\r")) == "mermaid"
        if code and chart:
            continue
        if code or not (_BEGIN.match(line) or _END.match(line) or _RECORD.match(line)):
            kept.append(line)
    return "\n".join(kept)


class SectionError(JournalError):
    """Section markers that don't pair up; the note is left alone.  ``below``: how far
    below ``line`` the lines are that the message names (its ``{0}``, ``{1}``...), so
    that :meth:`move` moves them with it."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        below: tuple[int, ...] = (),
    ) -> None:
        super().__init__(message, path=path, line=line)
        self._said, self._below = message, below
        self.move(0)

    def move(self, lines: int) -> None:
        """Count the lines ``lines`` further down: a note's body was read on its own."""
        if self.line is not None:
            self.line += lines
            if self._below:
                self.message = self._said.format(*(self.line + n for n in self._below))


#: A wikilink as the hash reads it (not :mod:`journal.core.links`' grammar: no ``[`` or
#: ``]`` inside, nothing stripped; the hashes notes hold were made so): after ``[[``, its
#: target (what Obsidian rewrites when the note it names is renamed or moved), heading
#: and display text (after ``|``, or ``\|`` in a table).
_LINK_REST = r"([^\[\]\n|#]*?)(#[^\[\]\n|]*?)?(?:\\?\|([^\[\]\n]*))?\]\]"
_WIKILINK = lazy(r"\[\[" + _LINK_REST)
#: The same, only those with neither a heading nor a display text (most: replaced with
#: no call into Python), and only those with one of them.
_BARE_WIKILINK = lazy(r"\[\[[^\[\]\n|#]*\]\]")
_MARKED_WIKILINK = lazy(r"\[\[(?=[^\[\]\n]*[#|])" + _LINK_REST)


def _link_shown(link: re.Match[str]) -> str:
    """A wikilink as the hash sees it: its heading and display text, not its target; nor
    a display text that is the target or its note's name (``[[folder/New|New]]``), as
    Obsidian writes to keep what a renamed or moved link shows."""
    target, heading, shown = link.groups()
    if shown is None or shown in (target, target.rsplit("/", 1)[-1]):
        return f"[[{heading or ''}]]"
    return f"[[{heading or ''}|{shown}]]"


def content_hash(text: str, *, links: bool = False, shown: bool = True) -> str:
    """Hash of a section's text, blind to line-ending conversions and to the targets of
    its wikilinks: Obsidian rewrites ``[[Old name]]`` in every note when a note is
    renamed, which is no edit of the user's; a heading or display text added to a link
    is one.  The hashes the markers of notes written before held: ``links=True`` saw
    the links whole, ``shown=False`` none of them."""
    normal = text.replace("\r\n", "\n").strip("\n")
    if not links and "[[" in normal:
        if not shown:
            normal = _WIKILINK.sub("[[]]", normal)
        else:  # as _WIKILINK.sub(_link_shown, ...), calling Python for marked links only
            normal = _BARE_WIKILINK.sub("[[]]", normal)
            if "#" in normal or "|" in normal:
                normal = _MARKED_WIKILINK.sub(_link_shown, normal)
    import hashlib  # here: a command that writes no generated text starts without it

    return hashlib.blake2b(normal.encode("utf-8"), digest_size=4).hexdigest()


def _hashes(text: str) -> tuple[str, str]:
    """The hashes ``text`` may have been written with: :func:`content_hash` as now,
    and as notes written before hold it."""
    return content_hash(text), content_hash(text, links=True)


def _shown_links(text: str) -> set[str]:
    """The headings and display texts of the links of ``text``, as the hash sees them."""
    return {_link_shown(link) for link in _WIKILINK.finditer(text)} - {"[[]]"}


def owned_hash(props: Mapping[str, Any], *, links: bool = False) -> str:
    """Hash of the tool-owned properties (all but ``type`` and the hash itself) as
    values, not text: Obsidian's property editor rewrites the whole front matter
    (block lists, ``6.0`` as ``6``, other quotes) without changing what they mean.  As
    a section's, it is blind to its links' targets, which Obsidian rewrites when a note
    is renamed (found in a tryout: a rename and any other change made every later run
    keep the review's `goals` as the user's); ``links=True``: the hash notes written
    before hold, which saw them."""
    return content_hash(_owned_text(props), links=links)


def _owned_text(props: Mapping[str, Any]) -> str:
    values = {k: v for k, v in props.items() if k not in ("type", HASH_KEY)}
    return json.dumps(json_numbers(codec.plain(values)), sort_keys=True, ensure_ascii=False)


def _owned_hashes_of(props: Mapping[str, Any]) -> tuple[str, ...]:
    """The hashes ``props`` may have been written with: as now, and as before.  A list
    of rows alone (a plan's ``targets``) is hashed row by row (:func:`_row_hashes`), so
    which rows the user edited is told (:func:`edited_rows`), and rows only put in
    another order are no edit (nor under a hash of the whole list, which notes written
    before hold: of the rows in the tool's order, by goal)."""
    value = next(iter(props.values())) if len(props) == 1 else None
    if not (value and _rows(value)):
        return _hashes(_owned_text(props))
    key, in_order = next(iter(props)), sorted(value, key=_row_id)  # as the tool wrote them
    return (".".join(sorted(_row_hashes(value))), *_hashes(_owned_text({key: in_order})))


def _row_hashes(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """The hash of each row of a list of rows (:func:`_rows`), as values."""
    return [
        content_hash(json.dumps(json_numbers(codec.plain(row)), sort_keys=True, ensure_ascii=False))
        for row in rows
    ]


def edited_rows(old: Mapping[str, Any], key: str) -> list[int] | None:
    """The rows (their numbers) of the list of rows ``old[key]`` that the user edited or
    added since the tool wrote it (the rows its ``generated_hash`` has no hash of: all
    of them under a hash of the whole list, written before the tool hashed rows), or
    None when a row was removed, which tells no row apart."""
    rows = old.get(key)
    recorded = _parts(old.get(HASH_KEY)).get(key)
    if not (rows and _rows(rows) and recorded):
        return None
    left = recorded.split(".")
    edited = []
    for index, mine in enumerate(_row_hashes(rows)):
        if mine in left:
            left.remove(mine)
        else:
            edited.append(index)
    return edited if len(left) <= len(edited) else None


def owned_hashes(
    props: Mapping[str, Any], kept: Collection[str] = (), old: Mapping[str, Any] | None = None
) -> str:
    """``key:hash`` for each tool-owned property, its :func:`owned_hash` alone, in key
    order: which property the user changed is told apart (one hash of them all, as
    notes written before this hold, only says that one of them changed), also when a
    later version owns other properties.  The hash ``old`` (the note's properties)
    holds for a property stays while it is one of its value's (no churn in notes
    written before the hash was blind to link targets), but for a list of rows, whose
    hash of the whole list (notes written before) becomes one of its rows once.  A
    property whose value the user keeps (``kept``) keeps the hash ``old`` holds for it,
    which already differs from the user's value, else gets the hash of the tool's value
    that sees its links: it must still differ on the next run, which a hash blind to
    link targets would not tell (``[[b]]`` the user wrote for the tool's ``[[a]]``)."""
    recorded = _parts(old.get(HASH_KEY)) if old is not None else {}

    def part(key: str) -> str:
        mine = recorded.get(key)
        if key in kept:
            return mine or owned_hash({key: props[key]}, links=True)
        hashes = _owned_hashes_of({key: props[key]})
        if len(hashes) > 2:  # a list of rows: its hash of rows, which tells the rows edited
            hashes = hashes[:1]
        return mine if mine in hashes else hashes[0]

    keys = sorted(k for k in props if k not in ("type", HASH_KEY))
    return " ".join(f"{key}:{part(key)}" for key in keys)


def _parts(recorded: Any) -> dict[str, str]:
    """The hash of each property in a ``generated_hash`` value of ``key:hash`` parts."""
    if not isinstance(recorded, str) or ":" not in recorded:
        return {}
    return dict(item.partition(":")[::2] for item in recorded.split())


def owned_keys(recorded: Any) -> list[str]:
    """The owned properties a ``generated_hash`` value of ``key:hash`` parts names."""
    return list(_parts(recorded))


def untouched(old: Mapping[str, Any], keys: Iterable[str]) -> set[str] | None:
    """The owned properties (``keys``) that ``old``, a note's properties, holds as the
    tool last wrote them (by its ``generated_hash``), or lacks.  None for a note with
    one hash of them all (written before :func:`owned_hashes`) that no longer matches:
    which one the user changed is unknown."""
    recorded = old.get(HASH_KEY)
    lacking = {key for key in keys if key not in old}
    if not isinstance(recorded, str):
        return lacking  # none: a note the tool did not write, or a hash made a number
    if ":" in recorded:
        parts = _parts(recorded)
        return lacking | {
            key
            for key in keys
            if key in old and parts.get(key) in _owned_hashes_of({key: old[key]})
        }
    if recorded in _owned_hashes_of({key: old[key] for key in keys if key in old}):
        return set(keys)
    return None


#: Edits of a note's properties: a path into them (keys, item numbers) and its value.
Edits = dict[tuple[str | int, ...], Any]


def value_edits(key: str, old: Any, new: Any) -> tuple[Edits, Edits]:
    """The edits, made in turn, that make a note's value ``old`` of the property ``key``
    the tool's ``new`` so that what does not change keeps its text (a comment): first the
    rows a list of rows gains and loses (:func:`_matched`), then every value that changes
    (:func:`_edits`).  Either may be empty."""
    matched = _matched(old, new)
    rows: Edits = {(key,): matched} if codec.plain(matched) != codec.plain(old) else {}
    return rows, _edits((key,), matched, new)


def _matched(old: Any, new: Any) -> Any:
    """``old``, a list of rows (mappings: a plan's ``targets``), made to hold the rows of
    ``new`` in its order: a row ``old`` has (the same first value, a plan's ``goal``, and
    keys) as ``old`` has it, a new one as ``new`` has it.  Written first, it adds and
    removes rows, each row kept keeping its lines (:func:`~journal.core.codec.edit` edits
    a list item by item); its rows are then edited value by value.  ``old`` itself when
    either is no list of rows."""
    if not (_rows(old) and _rows(new)):
        return old
    unused: dict[str, list[Mapping[str, Any]]] = {}
    for row in old:
        unused.setdefault(_row_id(row), []).append(row)
    matched = []
    for row in new:
        mine = unused.get(_row_id(row))
        matched.append(mine.pop(0) if mine and _same_keys(mine[0], row) else row)
    return matched


def _rows(value: Any) -> bool:
    """A list of mappings, each with a value: rows :func:`_matched` matches."""
    return codec.is_sequence(value) and all(isinstance(v, Mapping) and v for v in value)


def _row_id(row: Mapping[str, Any]) -> str:
    """What tells a row (:func:`_rows`) from the others: its first value, composed
    (:func:`~journal.core.links.composed`: a plan's row of a goal whose file name was
    decomposed, and is no longer, is the goal's)."""
    return composed(value_text(next(iter(row.values()))))


def _edits(path: tuple[str | int, ...], old: Any, new: Any) -> Edits:
    """The edits that make a note's value ``old`` the tool's ``new``: key by key in a
    mapping of the same keys, row by row in a list of such mappings of the same length
    (a plan's ``targets``, its rows :func:`_matched`), so what does not change keeps its
    text (a comment), and what does its style (a flow list, ``[4.4, 4.7]``, stays one);
    else ``new`` whole."""
    pairs: list[tuple[str | int, Any, Any]] = []
    if _same_keys(old, new):
        pairs = [(key, old[key], value) for key, value in new.items()]
    elif (
        codec.is_sequence(old)
        and codec.is_sequence(new)
        and len(old) == len(new)
        and all(_same_keys(was, now) for was, now in zip(old, new, strict=True))
    ):
        pairs = [(index, *both) for index, both in enumerate(zip(old, new, strict=True))]
    else:
        return {path: new}
    edits: Edits = {}
    for step, was, now in pairs:
        if codec.plain(was) != codec.plain(now):
            edits.update(_edits((*path, step), was, now))
    return edits


def _same_keys(old: Any, new: Any) -> bool:
    """Two mappings of the same keys in the same order: a row :func:`_edits` edits."""
    return isinstance(old, Mapping) and isinstance(new, Mapping) and list(old) == list(new)


def value_text(value: Any) -> str:
    """A property's value as text to compare by (JSON, its keys sorted)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def section(text: str, name: str) -> str:
    """``text`` wrapped in markers: the Jinja filter ``section``, used as
    ``{% filter section("scoreboard") %}...{% endfilter %}``."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise SectionError(
            f"section name {name!r} is not allowed (use lower-case letters, digits and -)"
        )
    inner = next(_markers(_BEGIN, text), None)
    if inner is not None:
        raise SectionError(
            f"section '{inner.group(1)}' is inside section '{name}': sections can't be "
            f"nested; end '{name}' (its {{% endfilter %}}) before '{inner.group(1)}' begins"
        )
    body = text.strip("\n")
    return (
        f"<!-- journal:begin {name} {content_hash(body)} -->\n{body}\n<!-- journal:end {name} -->"
    )


@record(frozen=True, slots=True)
class Section(Record):
    """A generated section of a note: its name, where its markers and body sit (offsets)
    and the hash its begin marker stores."""

    name: str
    start: int  # offset of the begin marker
    end: int  # offset just past the end marker
    body_start: int
    body_end: int
    stored_hash: str | None

    def body(self, text: str) -> str:
        return text[self.body_start : self.body_end]

    def edited(self, text: str, fresh: str | None = None, *, old_hash_ok: bool = False) -> bool:
        """Whether the user changed the section since the tool wrote it.  A hash written
        before headings and display texts of links counted still holds with
        ``old_hash_ok``, or when each of them is one ``fresh`` (the section as the tool
        writes it now) has too: it came from the notes, not from the user."""
        body = self.body(text)
        if self.stored_hash in _hashes(body):
            return False
        if self.stored_hash != content_hash(body, shown=False):
            return True
        return not (
            old_hash_ok or (fresh is not None and _shown_links(body) <= _shown_links(fresh))
        )


def remake_command(props: Mapping[str, Any]) -> str | None:
    """The command that remakes a review's or a plan's sections, from its properties."""
    if props.get("type") == "review" and props.get("week"):
        return f"journal review --week {props['week']}"
    if props.get("type") == "plan" and props.get("start") and props.get("days"):
        return f"journal plan --start {props['start']} --days {props['days']}"
    return None


def find_sections(text: str, path: str | None = None) -> dict[str, Section]:
    """The generated sections of ``text`` by name; malformed markers are an error.
    Markers in closed fenced code (a section quoted in the reflection) are left out;
    when that fails (a fence left open above a section, closed by the fence of a chart
    inside it), they are read as they stand; then with a fence open at the end as code."""
    first: SectionError | None = None
    tried: list[list[tuple[int, int]]] = []
    for code in _code_readings(text):  # each made only when the one before fails
        if code in tried:
            continue
        tried.append(code)
        try:
            return _sections(text, path, code)
        except SectionError as exc:
            first = first or exc
    assert first is not None
    raise first


def _code_readings(text: str) -> Iterator[list[tuple[int, int]]]:
    yield _fenced_code(text)
    yield []
    yield _fenced_code(text, open_to_end=True)


def _sections(text: str, path: str | None, code: Sequence[tuple[int, int]]) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    ends = {m.start(): m for m in _markers(_END, text) if not _inside(m.start(), code)}
    position = 0
    begins = [m for m in _markers(_BEGIN, text) if not _inside(m.start(), code)]
    for index, begin in enumerate(begins):
        name = begin.group(1)
        if begin.start() < position:
            raise SectionError(
                f"section '{name}' starts inside another section",
                path=path,
                line=_line(text, begin.start()),
            )
        end = next(
            (m for start, m in sorted(ends.items()) if start > begin.end() and m.group(1) == name),
            None,
        )
        following = begins[index + 1].start() if index + 1 < len(begins) else len(text)
        if end is None or following < end.start():  # another section begins inside
            _refuse_a_spoilt_end(text, name, begin.end(), following, path, code)
            line = _line(text, begin.start())
            if index + 1 < len(begins) and begins[index + 1].group(1) == name:
                raise _begun_twice(text, name, line, begins[index + 1], end, path)
            raise SectionError(f"section '{name}' has no matching end marker", path=path, line=line)
        if name in sections:
            raise SectionError(
                f"section '{name}' appears twice", path=path, line=_line(text, begin.start())
            )
        body_start = _after_newline(text, begin.end())
        body_end = _before_newline(text, end.start())
        sections[name] = Section(
            name, begin.start(), end.end(), body_start, max(body_start, body_end), begin.group(2)
        )
        position = end.end()
    stray = [
        m for m in ends.values() if not any(s.start <= m.start() < s.end for s in sections.values())
    ]
    if stray:
        line = _line(text, stray[0].start())
        name = stray[0].group(1)
        _refuse_a_spoilt_begin(text, name, stray[0].start(), path, code)
        raise SectionError(f"end marker of '{name}' has no begin marker", path=path, line=line)
    return sections


def _line(text: str, offset: int) -> int:
    """The line of ``text`` that ``offset`` is on (counted only for an error: a long
    review's sections cost a count of its text each)."""
    return text.count("\n", 0, offset) + 1


def _begun_twice(
    text: str,
    name: str,
    line: int,
    again: re.Match[str],
    end: re.Match[str] | None,
    path: str | None,
) -> SectionError:
    """A section whose begin marker comes twice before its end marker, as a merge
    conflict resolved by keeping both sides leaves it (found in a tryout: the error said
    the first has no end marker).  The other fix it gives makes that section anew and
    nothing else (found in review: it said `--force`, which replaced the user's edits in
    every other section too): its lines deleted, and its name in the record, which
    would otherwise keep it out as a section the user removed."""
    second = text.count("\n", 0, again.start()) + 1 - line
    lines = "the section" if end is None else "lines {0}-{2}"
    last = 0 if end is None else text.count("\n", 0, end.start()) + 1 - line
    try:
        named = name in recorded(text, path)
    except SectionError:  # a spoilt record: told once this is mended
        named = False
    record = f" and '{name}' in the `<!-- journal:sections ... -->` line" if named else ""
    return SectionError(
        f"section '{name}' begins twice, at lines {{0}} and {{1}}, before its end marker "
        "(both sides of a merge conflict kept?): keep one side's begin marker and lines, or "
        f"delete {lines}{record}, then make it again (`journal review`; `journal plan` for a"
        " plan): that section is made anew, what you wrote elsewhere in the note kept",
        path=path,
        line=line,
        below=(0, second, last),
    )


def _refuse_a_spoilt_begin(
    text: str, name: str, stop: int, path: str | None, code: Sequence[tuple[int, int]]
) -> None:
    """Name the last line before ``stop``, outside code, that begins as the begin marker
    of ``name`` but is none (its hash edited: ``949D7FA5``), rather than say the end
    marker after it has no begin marker (found in a tryout: the error named the end)."""
    like = re.compile(rf"^[ \t]*<!--\s*journal:begin\s+{re.escape(name)}\b.*$", re.MULTILINE)
    spoilt = [m for m in like.finditer(text, 0, stop) if not _inside(m.start(), code)]
    if spoilt:
        line = text.count("\n", 0, spoilt[-1].start()) + 1
        raise SectionError(
            f"'{spoilt[-1].group().strip()}' is not a valid begin marker: it is "
            f"'<!-- journal:begin {name} -->' with the 8-digit hash journal wrote, if any, "
            "alone on its line",
            path=path,
            line=line,
        )


def _refuse_a_spoilt_end(
    text: str, name: str, start: int, stop: int, path: str | None, code: Sequence[tuple[int, int]]
) -> None:
    """Name the end marker of ``name`` between ``start`` and ``stop``, at the start of a
    line (but for white space) and outside code, that text was typed beside (``<!--
    journal:end wins --> mine``) or that was indented, rather than say it has none."""
    marker = f"<!-- journal:end {name} -->"
    found = text.find(marker, start, stop)
    while found >= 0:
        line_start = text.rfind("\n", 0, found) + 1
        if not text[line_start:found].strip() and not _inside(found, code):
            line = text.count("\n", 0, found) + 1
            shown = text.split("\n")[line - 1].rstrip("\r")
            fix = "move what you typed beside it" if shown.strip() != marker else "unindent it"
            raise SectionError(
                f"'{shown}' is not a valid end marker alone at the start of its line: {fix}",
                path=path,
                line=line,
            )
        found = text.find(marker, found + 1, stop)


def _fenced_code(text: str, *, open_to_end: bool = False) -> list[tuple[int, int]]:
    """The spans of the fenced code blocks of ``text``: a marker quoted there (in the
    reflection, say) is an example, not a section; a fence left open runs to the end
    with ``open_to_end``, as in CommonMark, else hides nothing."""
    if "```" not in text and "~~~" not in text:
        return []
    spans: list[tuple[int, int]] = []
    fence: str | None = None
    start = 0
    for offset, line in _fence_lines(text):
        before = fence
        fence, _code = fence_step(fence, line.rstrip("\r\n"))
        if before is None and fence is not None:
            start = offset
        elif before is not None and fence is None:
            spans.append((start, offset + len(line)))
    if fence is not None and open_to_end:
        spans.append((start, len(text)))
    return spans


def _fence_lines(text: str) -> list[tuple[int, str]]:
    """The lines of ``text`` (as ``str.splitlines`` reads them, their line breaks kept)
    that could open or close a fence, those holding ```` ``` ```` or ``~~~`` (the others
    neither do), each with its offset: found from the fences alone, each line's ends
    found from there, unless one holds a line break of splitlines' other than ``\\n``
    and ``\\r\\n`` (a long review's every line looked at cost some 2 M instructions
    each time its sections were read, 6 times a run)."""
    found: list[tuple[int, str]] = []
    ticks, tildes = text.find("```"), text.find("~~~")  # (str.find: 5x a regex's search)
    while ticks >= 0 or tildes >= 0:
        at = tildes if ticks < 0 or 0 <= tildes < ticks else ticks
        start = text.rfind("\n", 0, at) + 1
        position = text.find("\n", at) + 1 or len(text)
        line = text[start:position]
        if _OTHER_BREAK.search(line.removesuffix("\n").removesuffix("\r")):
            break
        found.append((start, line))
        if 0 <= ticks < position:
            ticks = text.find("```", position)
        if 0 <= tildes < position:
            tildes = text.find("~~~", position)
    else:
        return found
    found, offset = [], 0
    for line in text.splitlines(keepends=True):
        if "```" in line or "~~~" in line:
            found.append((offset, line))
        offset += len(line)
    return found


def _record(text: str, path: str | None = None) -> re.Match[str] | None:
    """The record line of ``text``, not one quoted in fenced code above or below it.  A
    line that begins as one but is not (text typed after it) is an error, as a marker
    with text after it is: taken for no record, it would bring removed sections back."""
    code = _fenced_code(text)
    records = [m for m in _markers(_RECORD, text) if not _inside(m.start(), code)]
    valid = {m.start() for m in records}
    for like in _markers(_RECORD_LIKE, text):
        if like.start() not in valid and not _inside(like.start(), code):
            line = text.count("\n", 0, like.start()) + 1
            shown = text[like.start() :].split("\n", 1)[0].strip()
            raise SectionError(
                f"'{shown}' is not a valid record of sections on a line of its own",
                path=path,
                line=line,
            )
    return records[0] if records else None


def _markers(marker: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``marker`` that start a line."""
    for found in marker.finditer(text):
        if found.start() == 0 or text[found.start() - 1] == "\n":
            yield found


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def check_markers(text: str) -> dict[str, Section]:
    """The sections of a freshly rendered note, which must be well formed: every
    marker-like comment a valid marker on a line of its own, pairs matched, no nesting,
    no name twice (else a later run could not find them again)."""
    valid = {m.start() for marker in (_BEGIN, _END, _RECORD) for m in _markers(marker, text)}
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
    if text.endswith("\r\n", 0, index):  # (not text[:index]: a copy of a long review)
        return index - 2
    return index - 1 if text.endswith("\n", 0, index) else index


@record()
class Merge(Record):
    """The outcome of regenerating a note over its previous version."""

    text: str
    replaced: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # edited by the user: left as they are
    missing: list[str] = field(default_factory=list)  # removed by the user: not re-added
    #: sections the note has that the template no longer makes: left as they are
    orphaned: list[str] = field(default_factory=list)
    overwritten: list[str] = field(default_factory=list)  # edited, replaced by ``force``
    restored: list[str] = field(default_factory=list)  # removed by the user, re-added by ``force``


def merge(old: str, new: str, *, force: bool = False, path: str | None = None) -> Merge:
    """``old`` with each generated section replaced by its version in ``new``.

    Text outside the sections is always ``old``'s (but for the record).  Sections
    the user edited are kept, and sections the user removed are not re-added, unless
    ``force``; sections the note never had are added (and count as replaced).
    Lines written end as most of ``old``'s do (:func:`codec.usual_newline`).
    """
    old_sections = find_sections(old, path)
    new_sections = find_sections(new)
    had = recorded(old, path)
    newline = codec.usual_newline(old)
    result = Merge(old)
    pieces: list[str] = []
    position = 0
    for name, current in sorted(old_sections.items(), key=lambda item: item[1].start):
        fresh = new_sections.get(name)
        if fresh is None:  # a section the template no longer makes: leave it to the user
            result.orphaned.append(name)
            continue
        block = new[fresh.start : fresh.end]
        if block.replace("\r\n", "\n") == old[current.start : current.end].replace("\r\n", "\n"):
            continue
        user_text = content_hash(current.body(old))
        if current.edited(old, fresh.body(new)) and user_text != content_hash(fresh.body(new)):
            if not force:
                result.kept.append(name)
                continue
            result.overwritten.append(name)
        pieces.append(old[position : current.start])
        pieces.append(block.replace("\r\n", "\n").replace("\n", newline))
        position = current.end
        result.replaced.append(name)
    pieces.append(old[position:])
    text = "".join(pieces)
    absent = [name for name in new_sections if name not in old_sections]
    for name in absent:
        if name not in had or force:
            text = _insert(text, new, name, newline)
            result.replaced.append(name)
            if name in had:
                result.restored.append(name)
    result.missing = sorted(name for name in absent if name in had and not force)
    result.text = with_record(text, had)
    return result


def _insert(text: str, new: str, name: str, newline: str) -> str:
    """``text`` with ``new``'s section ``name`` put after the nearest section that
    comes before it in ``new``, else before the nearest one after it, else after
    the last section of ``text``."""
    here, order = find_sections(text), find_sections(new)
    names = list(order)
    at = names.index(name)
    block = new[order[name].start : order[name].end].replace("\r\n", "\n").replace("\n", newline)
    before = next((here[n] for n in reversed(names[:at]) if n in here), None)
    after = next((here[n] for n in names[at + 1 :] if n in here), None)
    if before is None and after is not None:
        return text[: after.start] + block + newline * 2 + text[after.start :]
    end = before.end if before else max((s.end for s in here.values()), default=len(text))
    return text[:end] + newline * 2 + block + text[end:]


def recorded(text: str, path: str | None = None) -> set[str]:
    """The sections the record of ``text`` lists (none without a record)."""
    found = _record(text, path)
    return set(found.group(1).split()) if found else set()


def has_record(text: str, path: str | None = None) -> bool:
    """Whether ``text`` holds the record of the sections it was given (a note whose
    sections were all deleted still does)."""
    return _record(text, path) is not None


def with_record(text: str, had: Iterable[str] = ()) -> str:
    """``text`` with its record listing ``had`` and every section it holds: the
    record it has is rewritten, else one goes on the line after its last section."""
    sections = find_sections(text)
    names = "".join(f" {name}" for name in sorted({*had, *sections}))
    line = f"<!-- journal:sections{names} -->"
    found = _record(text)
    if found:
        return text[: found.start()] + line + text[found.end() :]
    if not sections:
        return text
    end = max(s.end for s in sections.values())
    return text[:end] + codec.usual_newline(text) + line + text[end:]
