"""Tags the Obsidian way: ``#tag``, ``#nested/tag``; never all digits."""

from __future__ import annotations

from collections.abc import Iterable

from journal.core.regex import lazy

_BODY_TAG = lazy(r"(?<![^\s(])#([\w/-]+)")  # at the start, or after a space or (


def clean_tag(raw: str) -> str | None:
    """A tag without ``#`` and spaces, or None when it is not a valid tag."""
    tag = raw.strip().lstrip("#").strip()
    if not tag or tag.isdigit() or any(ch.isspace() for ch in tag):
        return None
    return tag


def body_tags(text: str) -> list[str]:
    """The ``#tags`` in a run of plain text (code, math and markdown links' URLs already
    left out).  What the pattern finds has no ``#`` or space: :func:`clean_tag` would
    only drop all-digit ones."""
    return [tag for tag in _BODY_TAG.findall(text) if not tag.isdigit()]


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
