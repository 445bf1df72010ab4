"""Tags the Obsidian way: ``#tag``, ``#nested/tag``, ``#🎯``; never digits 0-9 alone."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from journal.core.regex import lazy

#: What a tag is made of, as Obsidian reads it in a note and in ``tags:`` (its app's
#: pattern): anything but whitespace, general and supplemental punctuation
#: (U+2000-U+206F, U+2E00-U+2E7F: ``…``, ``—``, a typographic apostrophe, a zero-width
#: space) and ASCII punctuation other than ``-``, ``_`` and ``/`` - letters and digits of
#: every script, their combining marks, emoji.
_TAG_TEXT = "[^\\s\\ufeff\\u2000-\\u206f\\u2e00-\\u2e7f'!\"#$%&()*+,.:;<=>?@^`{|}~\\[\\]\\\\]+"
#: At the start, or after a space or ``(``; the ``#`` first, so the regex engine jumps from
#: one ``#`` to the next (a lookbehind first tried every character: 10x the instructions).
_BODY_TAG = lazy(f"#(?<![^\\s(]#)({_TAG_TEXT})")
_TAG = lazy(_TAG_TEXT)


def clean_tag(raw: str) -> str | None:
    """A tag without ``#`` and spaces, composed (NFC), or None when it is not a valid
    tag."""
    tag = raw.strip().lstrip("#").strip()
    return (_tag(tag) or None) if _TAG.fullmatch(tag) else None


def body_tags(text: str) -> list[str]:
    """The ``#tags`` in a run of plain text (code, math and markdown links' URLs already
    left out), composed (NFC)."""
    return [tag for tag in map(_tag, _BODY_TAG.findall(text)) if tag]


def body_tags_by_line(text: str, first_line: int) -> list[tuple[str, int]]:
    """Each tag :func:`body_tags` finds, with the line it is on (``text``'s first being
    ``first_line``)."""
    tags = []
    line, counted = first_line, 0  # the line ``counted`` is on
    for found in _BODY_TAG.finditer(text):
        tag = _tag(found[1])
        if tag:
            start = found.start()
            line += text.count("\n", counted, start)
            counted = start
            tags.append((tag, line))
    return tags


def _tag(text: str) -> str:
    """``text`` composed, or empty when it is digits 0-9 alone (no tag to Obsidian)."""
    if text.isascii():
        return "" if text.isdigit() else text
    return unicodedata.normalize("NFC", text)


def unique(tags: Iterable[str]) -> list[str]:
    """Tags in first-seen order, without case-insensitive repeats."""
    seen: set[str] = set()
    out = []
    for tag in tags:
        folded = tag.casefold()
        if folded not in seen:
            seen.add(folded)
            out.append(tag)
    return out
