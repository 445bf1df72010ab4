"""What a note's body holds: links, tags, tasks, headings, inline fields and log lines.

markdown-it-py finds the block structure, so nothing inside fenced or indented
code is taken for a link, tag, task or check-in.  Inline content is parsed
(with our wikilink rule) only when it holds something that needs it - a
backtick, a backslash or ``<`` - and otherwise scanned with the same regexes
directly; this keeps the common note cheap (see bench/).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from journal.core import links as wikilinks
from journal.core.tags import body_tags

_TASK = re.compile(r"\[(.)\]\s+(.*)", re.DOTALL)
_FIELD_LINE = re.compile(r"^([A-Za-z][\w -]*?)::[ \t]*(.*)$", re.MULTILINE)
_FIELD_BRACKET = re.compile(r"[\[(]([A-Za-z][\w -]*?)::[ \t]*([^\])]*)[\])]")
_MD_LINK = re.compile(r"\[[^\]\n]*\]\(<?([^)\s>]+\.md)(?:#[^)\s>]*)?>?\)")
_SLOW = re.compile(r"[`\\<]")
_LOG_TITLES = frozenset({"log", "check-ins", "checkins", "progress log"})
_NEWLINE = re.compile(r"\r\n?|\n")  # the line breaks markdown-it counts lines by


@dataclass(frozen=True, slots=True)
class BodyLink:
    link: wikilinks.Link
    line: int


@dataclass(frozen=True, slots=True)
class Task:
    line: int
    state: str  # the character between the brackets
    text: str

    @property
    def done(self) -> bool:
        return self.state not in (" ", "")


@dataclass(frozen=True, slots=True)
class InlineField:
    key: str
    value: str
    line: int


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass
class LogSection:
    """Where a Log section sits (file lines): its heading's first line and the line
    after the heading, the line that ends the section (a heading that closes it, or
    one past the last line) and its last top-level list item (last non-blank line
    and bullet), if any."""

    heading: int
    level: int
    content: int
    end: int
    last_item: int | None = None
    bullet: str = "-"


@dataclass
class BodyFacts:
    """Everything the body says that the tool cares about; lines are file lines."""

    links: list[BodyLink] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    fields: list[InlineField] = field(default_factory=list)
    log_lines: list[tuple[int, str]] = field(default_factory=list)
    log_sections: list[LogSection] = field(default_factory=list)


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` exactly as markdown-it numbers them (``\\r\\n``, ``\\r``
    and ``\\n`` end a line; ``str.splitlines`` would also split at form feeds and
    U+2028 and shift every line after them)."""
    return _NEWLINE.split(text)


def _wikilink_rule(state: StateInline, silent: bool) -> bool:
    """Inline rule: ``[[target#heading|alias]]`` and ``![[embed]]`` as one token."""
    src, pos = state.src, state.pos
    embed = src.startswith("![[", pos)
    if not embed and not src.startswith("[[", pos):
        return False
    start = pos + (3 if embed else 2)
    end = src.find("]]", start)
    inner = src[start:end] if end >= 0 else ""
    if not inner or any(ch in inner for ch in "[]\n"):
        return False
    if not silent:
        token = state.push("wikilink", "", 0)
        token.content = src[start:end]
        token.meta = {"embed": embed}
    state.pos = end + 2
    return True


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True})
    md.inline.ruler.before("link", "wikilink", _wikilink_rule)
    md.disable("inline")  # core rule: inline content is parsed on demand below
    return md


def parse_body(text: str, first_line: int = 1, *, want_log: bool = False) -> BodyFacts:
    """Scan a body whose first line is file line ``first_line``."""
    md = _parser()
    facts = BodyFacts()
    lines = split_lines(text)
    tokens = md.parse(text)
    log: LogSection | None = None
    list_depth = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            inline = tokens[index + 1]
            level = int(token.tag[1:])
            line = first_line + (token.map[0] if token.map else 0)
            title = inline.content.strip()
            facts.headings.append(Heading(level, title, line))
            is_log = want_log and title.casefold() in _LOG_TITLES
            if log is not None and (level <= log.level or is_log):
                log.end = line  # sections end at the next heading as high, or the next Log
                log = None
            if is_log:
                content = first_line + (token.map[1] if token.map else 1)
                log = LogSection(line, level, content, first_line + len(lines))
                facts.log_sections.append(log)
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "list_item_open" and token.map:
            _list_item(tokens, index, facts, first_line)
            if log is not None and list_depth == 1:
                start, end = token.map
                facts.log_lines.append((first_line + start, lines[start]))
                while end - 1 > start and not lines[end - 1].strip():
                    end -= 1  # markdown-it counts the blank lines after an item as its own
                log.last_item = first_line + end - 1
                log.bullet = token.markup if token.markup in ("-", "*", "+") else "-"
        elif kind == "inline" and token.map:
            _inline(md, token, facts, first_line + token.map[0])
    return facts


def _list_item(tokens: list[Token], index: int, facts: BodyFacts, first_line: int) -> None:
    """Record a task when the item's first paragraph starts with ``[ ]``/``[x]``."""
    if index + 2 >= len(tokens) or tokens[index + 1].type != "paragraph_open":
        return
    inline = tokens[index + 2]
    match = _TASK.match(inline.content)
    if match and inline.map:
        line = first_line + inline.map[0]
        facts.tasks.append(Task(line, match.group(1), match.group(2).split("\n", 1)[0].strip()))


def _inline(md: MarkdownIt, token: Token, facts: BodyFacts, line: int) -> None:
    content = token.content
    if not ("[" in content or "#" in content or "::" in content):
        return
    if _SLOW.search(content) is None:
        for offset, text in enumerate(content.split("\n")):
            _scan_text(text, line + offset, facts, links=True)
        return
    children: list[Token] = []
    md.inline.parse(content, md, {}, children)
    offset = 0
    buffer: list[str] = []

    def flush() -> None:
        if buffer:
            _scan_text("".join(buffer), line + offset, facts, links=False)
            buffer.clear()

    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            flush()
            offset += 1
        elif child.type == "wikilink":
            embed = bool(child.meta.get("embed"))
            _add_link(child.content, embed, line + offset, facts)
            buffer.append(("![[" if embed else "[[") + child.content + "]]")
        elif child.type == "link_open":
            _add_md_link(child.attrGet("href"), line + offset, facts)
        elif child.type == "code_inline":
            buffer.append(" ")
        else:
            buffer.append(child.content)
    flush()


def _scan_text(text: str, line: int, facts: BodyFacts, *, links: bool) -> None:
    if links and "[" in text:
        for link in wikilinks.find_links(text):
            facts.links.append(BodyLink(link, line))
        for match in _MD_LINK.finditer(text):
            _add_md_link(match.group(1), line, facts)
    if "#" in text:
        facts.tags.extend((tag, line) for tag in body_tags(text))
    if "::" in text:
        for match in _FIELD_LINE.finditer(text):
            facts.fields.append(InlineField(match.group(1).strip(), match.group(2).strip(), line))
        for match in _FIELD_BRACKET.finditer(text):
            facts.fields.append(InlineField(match.group(1).strip(), match.group(2).strip(), line))


def _add_link(inner: str, embed: bool, line: int, facts: BodyFacts) -> None:
    link = wikilinks.split_inner(inner, embed=embed)
    if link is not None:
        facts.links.append(BodyLink(link, line))


def _add_md_link(href: Any, line: int, facts: BodyFacts) -> None:
    if not isinstance(href, str) or "://" in href:
        return
    target, _, heading = unquote(href).partition("#")
    if target.casefold().endswith(".md"):
        facts.links.append(BodyLink(wikilinks.Link(target, heading or None), line))
