"""Obsidian wikilinks: ``[[Target#Heading|Alias]]`` and embeds ``![[Target]]``."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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


def name_key(target: str) -> str:
    """The file-name part of a link target's key: what candidates are looked up by."""
    return link_key(target).rsplit("/", 1)[-1]


def resolve_link(
    target: str,
    named: Callable[[str], Sequence[str]],
    aliased: Callable[[str], Sequence[str]],
) -> str | None:
    """The path a wikilink target points to, or None.

    ``named(name)`` gives the paths of notes whose file name (case-folded, no
    ``.md``) is ``name``; ``aliased(key)`` those with that (case-folded) alias.
    A target with a folder matches the full path, else a path ending in it; a
    bare name matches a file name, then an alias.  When several notes match,
    the one with the shortest path wins, as in Obsidian.
    """
    key = link_key(target)
    if not key:
        return None
    if "/" in key:
        candidates = named(key.rsplit("/", 1)[-1])
        exact = sorted(p for p in candidates if link_key(p) == key)
        if exact:
            return exact[0]
        return _shortest([p for p in candidates if link_key(p).endswith("/" + key)])
    return _shortest(named(key)) or _shortest(aliased(key))


def _shortest(paths: Sequence[str]) -> str | None:
    if not paths:
        return None
    return min(paths, key=lambda p: (p.count("/"), len(p), p))
