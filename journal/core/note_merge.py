"""Three versions of a generated note made ready for git's three-way merge.

The generated sections, the record of them and the properties the tool owns are made
from the goals, not written: merged line by line, two sides' versions mix into text
no run made, which the next run keeps as the user's.  :func:`aligned` gives the base
and both sides OURS' version of each, so that only the text the user wrote can differ
and a line merge (``git merge-file``) merges that alone.
"""

from __future__ import annotations

from journal.core import codec, generated
from journal.core.generated import HASH_KEY


def aligned(base: str, ours: str, theirs: str) -> tuple[str, str, str]:
    """``base``, ``ours`` and ``theirs`` (texts, no BOM) with OURS' generated sections
    (a section only one side has stays), its owned properties and a record of the
    sections both sides had, and OURS' line breaks.  A :class:`generated.SectionError`
    when a side's markers don't pair up."""
    newline = _newline(ours)
    base, theirs = (_with_newlines(text, newline) for text in (base, theirs))
    base, theirs = (_properties_of(ours, text) for text in (base, theirs))
    ours_sections = generated.find_sections(ours)
    blocks = {name: ours[s.start : s.end] for name, s in ours_sections.items()}
    base, theirs = (_sections_of(blocks, text) for text in (base, theirs))
    had = generated.recorded(ours) | generated.recorded(theirs)
    had |= set(ours_sections) | set(generated.find_sections(theirs))
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


def _sections_of(blocks: dict[str, str], text: str) -> str:
    """``text`` with each of its sections that ``blocks`` (OURS') has replaced by it."""
    found = generated.find_sections(text)
    for name, at in sorted(found.items(), key=lambda item: -item[1].start):
        if name in blocks:
            text = text[: at.start] + blocks[name] + text[at.end :]
    return text
