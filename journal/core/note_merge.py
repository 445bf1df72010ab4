"""Three versions of a generated note made ready for git's three-way merge.

The generated sections, the record of them and the properties the tool owns are made
from the goals, not written: merged line by line, two sides' versions mix into text
no run made, which the next run keeps as the user's.  :func:`aligned` gives the base
and both sides one version of each (OURS', for one no one edited), so that only the
text the user wrote can differ and a line merge (``git merge-file``) merges that
alone: a section or owned property a side edited by hand (it no longer matches its
hash, in the section's begin marker or the note's ``generated_hash``, as ``journal
review`` tells) is that side's text, merged as such.  An owned property's value is
written into each side's own text, as ``journal plan`` writes its values, so that the
comments typed in it are merged too.  With no base (both sides made the note), the
lines both sides have, and of two lines that differ the one the other is with text
added, stand for the note as generated, before anyone wrote.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from journal.core import codec, generated
from journal.core.generated import HASH_KEY, Section
from journal.core.records import Record, record

#: Where a section stands in a text (start, end), and whether a hand edited it there.
Part = tuple[int, int, bool]


@record(frozen=True)
class Aligned(Record):
    """The three texts :func:`aligned` makes, and the comments of THEIRS' properties
    that giving them OURS' values took away (with the lines they were on)."""

    base: str
    ours: str
    theirs: str
    dropped: list[str]


def aligned(base: str, ours: str, theirs: str) -> Aligned:
    """``base``, ``ours`` and ``theirs`` (texts, no BOM) with one version of each
    generated section and owned property no one edited (OURS', else THEIRS', else
    BASE's; one edited by hand stays as that side has it, for the line merge), OURS'
    ``generated_hash``, a record of the sections both sides had, and OURS' line breaks.
    An empty ``base`` (both sides made the note: git's add/add) is made of the lines
    ours and theirs share (:func:`_common_lines`), so that what one side alone wrote is
    an addition or an edit of that side.  A :class:`generated.SectionError` when a
    side's markers don't pair up; an :class:`~journal.core.errors.UnsafeWrite` when a
    value can't be written into a side's properties."""
    made_anew = not base
    newline = codec.usual_newline(ours)
    base, theirs = (_with_newlines(text, newline) for text in (base, theirs))
    docs = [codec.parse_text(text) for text in (ours, theirs, base)]
    valued = _with_values(docs)
    dropped = Counter(codec.comments(docs[1])) - Counter(codec.comments(valued[0]))
    theirs, base = (doc.text for doc in valued)
    texts = (ours, theirs, base)
    found = [generated.find_sections(text) for text in texts]
    theirs, base = _as_unedited(
        [(text, _section_parts(text, at)) for text, at in zip(texts, found, strict=True)]
    )
    had = generated.recorded(ours) | generated.recorded(theirs) | set(found[0]) | set(found[1])
    base, ours, theirs = (generated.with_record(text, had) for text in (base, ours, theirs))
    base = _common_lines(ours, theirs) if made_anew else base
    return Aligned(base, ours, theirs, list(dropped.elements()))


def _with_values(docs: Sequence[codec.Document]) -> list[codec.Document]:
    """THEIRS and BASE (the second and third of ``docs``, OURS first) with the value of
    each owned property they hold unedited, and of ``generated_hash``, as the first side
    holding it unedited has it, written into their text as ``journal plan`` writes its
    values (:func:`generated.value_edits`): their comments, key order and quotes stay,
    but those on lines of a value that goes (a row of ``targets`` OURS has not)."""
    mine = docs[0].data
    keys = generated.owned_keys(mine.get(HASH_KEY) if mine is not None else None)
    held = [_unedited(doc, keys) for doc in docs]
    values: dict[str, Any] = {}
    for unedited in held:
        for key, value in unedited.items():
            values.setdefault(key, value)
    made = []
    for doc, unedited in zip(docs[1:], held[1:], strict=True):
        rows: generated.Edits = {}
        changes: generated.Edits = {}
        for key, value in unedited.items():
            if codec.plain(value) != codec.plain(values[key]):
                more_rows, more = generated.value_edits(key, value, values[key])
                rows.update(more_rows)
                changes.update(more)
        for edits in (rows, changes):
            doc = codec.edited(doc, edits) if edits else doc
        made.append(doc)
    return made


def _unedited(doc: codec.Document, keys: Sequence[str]) -> dict[str, Any]:
    """The owned properties (``keys``) a readable note holds with the value its hash
    says the tool wrote, and its ``generated_hash``: each with its value."""
    data = doc.data if doc.writable else None
    if not isinstance(data, Mapping):
        return {}
    unedited = (generated.untouched(data, keys) or set()) | {HASH_KEY}
    return {key: data[key] for key in [*keys, HASH_KEY] if key in data and key in unedited}


def _common_lines(ours: str, theirs: str) -> str:
    """The note as both sides made it, before either wrote its own text: the lines
    ``ours`` and ``theirs`` both have, in their order (as difflib matches them; lines
    end at ``\\n`` alone, as in git's line merge), and where their lines differ, those
    one side kept as made and the other wrote more into (:func:`_as_made`)."""
    import difflib  # only a note both sides made asks

    mine, other = ours.split("\n"), theirs.split("\n")
    matcher = difflib.SequenceMatcher(None, mine, other, autojunk=False)
    lines: list[str] = []
    for tag, start, end, there, there_end in matcher.get_opcodes():
        if tag == "equal":
            lines += mine[start:end]
        elif tag == "replace":
            lines += _as_made(mine[start:end], other[there:there_end])
    return "\n".join(lines)


def _as_made(mine: Sequence[str], other: Sequence[str]) -> list[str]:
    """Of two runs of lines that differ, the lines one side kept as made where the other
    wrote more into them (a prompt filled in after its colon, a blank line written on):
    of each pair of lines one of which is the other with text added before or after it
    (:func:`_grown`), the shorter, paired in order (each line of ``mine`` with the first
    line of ``other`` after the last one paired).  The longer is then that side's edit
    of it, holding its text; a line of no pair is text a side wrote there."""
    lines: list[str] = []
    at = 0
    for line in mine:
        for index in range(at, len(other)):
            if _grown(line, other[index]) or _grown(other[index], line):
                lines.append(min(line, other[index], key=len))
                at = index + 1
                break
    return lines


def _grown(line: str, made: str) -> bool:
    """Whether ``line`` is ``made`` with text added before or after it (before its
    ``\\r``, in a note whose lines end in CRLF)."""
    return line.startswith(made.removesuffix("\r")) or line.endswith(made)


def _with_newlines(text: str, newline: str) -> str:
    """``text`` with ``newline`` line breaks, when it has the other kind."""
    if codec.usual_newline(text) == newline:
        return text
    return text.replace("\r\n", "\n").replace("\n", newline)


def _section_parts(text: str, found: Mapping[str, Section]) -> dict[str, Part]:
    """The sections ``found`` in ``text``, marked, whole."""
    return {name: (at.start, at.end, at.edited(text)) for name, at in found.items()}


def _as_unedited(sides: Sequence[tuple[str, Mapping[str, Part]]]) -> tuple[str, str]:
    """THEIRS and BASE (the second and third of ``sides``, each a text and its sections,
    OURS first) with each section they hold unedited as the first side holding it
    unedited has it; a section edited by hand stays."""
    blocks: dict[str, str] = {}
    for text, parts in sides:
        for name, (start, end, edited) in parts.items():
            if name not in blocks and not edited:
                blocks[name] = text[start:end]
    theirs, base = (_replaced(blocks, text, parts) for text, parts in sides[1:])
    return theirs, base


def _replaced(blocks: Mapping[str, str], text: str, parts: Mapping[str, Part]) -> str:
    """``text`` with each of its unedited ``parts`` replaced by its version in
    ``blocks``."""
    for name, (start, end, edited) in sorted(parts.items(), key=lambda item: -item[1][0]):
        if not edited:
            text = text[:start] + blocks[name] + text[end:]
    return text
