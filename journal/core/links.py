"""Obsidian wikilinks: ``[[Target#Heading|Alias]]`` and embeds ``![[Target]]``."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINK = re.compile(r"(!?)\[\[([^\[\]\n]+?)\]\]")


@dataclass(frozen=True, slots=True)
class Link:
    """One wikilink; ``target`` is the note part (may hold a folder path)."""

    target: str
    heading: str | None = None
    alias: str | None = None
    embed: bool = False

    def __str__(self) -> str:
        text = self.target
        if self.heading:
            text += "#" + self.heading
        if self.alias:
            text += "|" + self.alias
        return ("!" if self.embed else "") + f"[[{text}]]"

    @property
    def display(self) -> str:
        return self.alias or self.target.rsplit("/", 1)[-1]


def split_inner(inner: str, *, embed: bool = False) -> Link | None:
    """A link from the text between ``[[`` and ``]]``."""
    target, _, alias = inner.partition("|")
    target, _, heading = target.partition("#")
    target = target.strip()
    if not target and not heading:
        return None
    return Link(target, heading.strip() or None, alias.strip() or None, embed)


def parse_link(text: str) -> Link | None:
    """The link when ``text`` is exactly one wikilink (as in a property value)."""
    match = _LINK.fullmatch(text.strip())
    if match is None:
        return None
    return split_inner(match.group(2), embed=bool(match.group(1)))


def find_links(text: str) -> list[Link]:
    """Every wikilink in a piece of plain text (no markdown structure considered)."""
    found = (split_inner(m.group(2), embed=bool(m.group(1))) for m in _LINK.finditer(text))
    return [link for link in found if link is not None]


def link_key(target: str) -> str:
    """The case-insensitive form a link target is matched by (no ``.md``)."""
    key = target.strip().replace("\\", "/").casefold()
    return key[:-3] if key.endswith(".md") else key
