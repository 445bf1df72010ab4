"""Three versions of a generated note made ready for git's three-way merge.

The generated sections, the record of them and the properties the tool owns are made
from the goals, not written: merged line by line, two sides' versions mix into text
no run made, which the next run keeps as the user's.  :func:`aligned` gives the base
and both sides one version of each (OURS', for a section no one edited), so that only
the text the user wrote can differ and a line merge (``git merge-file``) merges that
alone: a section a side edited by hand (it no longer matches the hash in its begin
marker, as :func:`generated.merge` tells) is that side's text, merged as such.
"""

from __future__ import annotations

from collections.abc import Iterable

from journal.core import codec, generated
from journal.core.generated import HASH_KEY, Section


def aligned(base: str, ours: str, theirs: str) -> tuple[str, str, str]:
    """``base``, ``ours`` and ``theirs`` (texts, no BOM) with one version of each
    generated section no one edited (OURS', else THEIRS', else BASE's; a section edited
    by hand stays as that side has it, for the line merge), OURS' owned properties, a
    record of the sections both sides had, and OURS' line breaks.  A
    :class:`generated.SectionError` when a side's markers don't pair up."""
    newline = _newline(ours)
    base, theirs = (_with_newlines(text, newline) for text in (base, theirs))
    base, theirs = (_properties_of(ours, text) for text in (base, theirs))
    found = [generated.find_sections(text) for text in (ours, theirs, base)]
    blocks = _unedited(zip((ours, theirs, base), found, strict=True))
    ours_at, theirs_at, base_at = found
    theirs, base = _sections_of(blocks, theirs, theirs_at), _sections_of(blocks, base, base_at)
    had = generated.recorded(ours) | generated.recorded(theirs) | set(ours_at) | set(theirs_at)
    base, ours, theirs = (generated.with_record(text, had) for text in (base, ours, theirs))
    return base, ours, theirs


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _with_newlines(text: str, newline: str) -> str:
    """``text`` with ``newline`` line breaks, when it has the other kind."""
    if _newline(text) == newline:
        return text
    return text.replace("\r\n", "\n").replace("\n", newline)


def _properties_of(ours: str, text: str) -> str:
    """``text`` with each property OURS owns (named in its ``generated_hash``) as OURS
    writes it, where ``text`` has it too."""
    mine = codec.parse_text(ours)
    recorded = mine.data.get(HASH_KEY) if mine.data is not None else None
    owned = [*generated.owned_keys(recorded), HASH_KEY]
    theirs = codec.parse_text(text)
    mine_at, theirs_at = codec.entry_spans(mine), codec.entry_spans(theirs)
    spans = sorted(
        (theirs_at[key], mine_at[key]) for key in owned if key in mine_at and key in theirs_at
    )
    for (start, end), (mine_start, mine_end) in reversed(spans):
        text = text[:start] + ours[mine_start:mine_end] + text[end:]
    return text


def _unedited(sides: Iterable[tuple[str, dict[str, Section]]]) -> dict[str, str]:
    """Each section (marked, whole) as the first of ``sides`` (a text and its sections)
    that holds it as journal wrote it has it."""
    blocks: dict[str, str] = {}
    for text, found in sides:
        for name, at in found.items():
            if name not in blocks and not at.edited(text):
                blocks[name] = text[at.start : at.end]
    return blocks


def _sections_of(blocks: dict[str, str], text: str, found: dict[str, Section]) -> str:
    """``text`` with each of its ``found`` sections that it holds as journal wrote it
    replaced by its version in ``blocks``; those edited by hand stay."""
    for _name, at in sorted(found.items(), key=lambda item: -item[1].start):
        if not at.edited(text):
            text = text[: at.start] + blocks[at.name] + text[at.end :]
    return text
