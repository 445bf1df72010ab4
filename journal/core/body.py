"""What a note's body holds: links, tags, tasks, headings, inline fields and log lines.

markdown-it-py finds the block structure, so nothing inside fenced or indented
code is taken for a link, tag, task or check-in; a line scanner finds the same
blocks in the common subset of markdown, goals' Log sections included.  Inline
content is parsed (with our wikilink rule) only when it holds something that
needs it - a backslash, ``<``, a ``#`` that may be in a markdown link's URL, or a
code span the regexes can't read around (see :func:`_code_blanked`) - and
otherwise scanned with the same regexes directly; this keeps the common note
cheap (see bench/).  TeX math (``$...$``, ``$$...$$``) is blanked first, as
Obsidian shows it (see :func:`math_spans`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import field
from functools import lru_cache
from itertools import pairwise, repeat
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import unquote

from journal.core import links as wikilinks
from journal.core.codec import LINE_BREAK, conflict_spans
from journal.core.fences import code_spans, fence_step, span_ends
from journal.core.records import Record, new_tuple, record
from journal.core.regex import lazy
from journal.core.tags import body_tags, body_tags_by_line

if TYPE_CHECKING:  # markdown-it is imported when a body is first parsed (startup stays light)
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

_TASK = lazy(r"\[(.)\]\s+(.*)", re.DOTALL)
# Dataview's inline fields: ``key:: value`` on its own line (the key may be bold,
# ``**key**::``), or ``[key:: value]`` / ``(key:: value)`` inside text; a value may
# hold wikilinks, whose brackets do not close the field.
_FIELD_LINE = lazy(r"^(?:\*\*|__)?([A-Za-z][\w -]*?)(?:\*\*|__)?::[ \t]*(.*)$", re.MULTILINE)
_FIELD_BRACKET = lazy(
    r"\[([A-Za-z][\w -]*?)::[ \t]*((?:\[\[[^\[\]\n]*\]\]|[^\[\]\n])*)\]"
    r"|\(([A-Za-z][\w -]*?)::[ \t]*((?:\[\[[^\[\]\n]*\]\]|[^\[\]()\n])*)\)"
)
#: ``key:: [[...`` after other text on a line, not in brackets: Dataview reads no field
#: there (a field starts its line or is bracketed), though it was likely meant as one.
_FIELD_INSIDE = lazy(r"(?<=[\s.,;:!?])(?:\*\*|__)?([A-Za-z][\w-]*)(?:\*\*|__)?::[ \t]*(\[\[.*)$")
_MD_LINK_TEXT = lazy(r"\[[^\[\]\n]*\]\(")  # a link's text and the "(" of its URL
#: A markdown link the regexes read as markdown-it does (see :func:`_plain_links`), its
#: destination group 1: text with no bracket, a destination with no space, parenthesis,
#: bracket, colon (``file:``), entity or angle bracket; on one line, with no title.
_PLAIN_MD_LINK = lazy(r"\[[^\[\]\n]*\]\(([^\s()<>\[\]\\:&]*)\)")
_URL_END = lazy(r"[)\s>]")
_NOT_PLAIN = lazy(r"[\\<&*_]")  # escapes, HTML, entities, emphasis: see _code_blanked
_SPAN_BAIL = lazy(r"[\[\]()\n]")
#: What math is read around, left to right: a backslash escape, a run of backticks (a code
#: span, when a run as long closes it), a wikilink, and the dollars that open math.
_MATH_MARK = lazy(r"\\.|`+|\[\[|\$\$?", re.DOTALL)
_DIGITS = frozenset("0123456789")
_MANY_BRACKETS = 256  # more "[" in one paragraph: markdown-it's link rule is quadratic
_LOG_TITLES = frozenset({"log", "check-ins", "checkins", "progress log"})
_NEWLINE = LINE_BREAK  # the line breaks markdown-it counts lines by
_LONE_RETURN = lazy(r"\r(?!\n)")
_NOT_A_NAME = lazy(r"[^\w\s-]|_")  # "Log:", "Log 📈", "_Log_": no part of the name
#: A paragraph's line starting with a list marker glued to a digit: ``-2026-11-10: +2``.
_GLUED = lazy(r"^[-*+]\d.*", re.MULTILINE)
#: Obsidian's block id: ``^`` and Latin letters, digits or dashes, ending a line, after a
#: space (or alone on it).
_BLOCK_ID = lazy(r"(?:^|\s)\^([A-Za-z0-9-]+)\s*$")


def split_block_id(text: str) -> tuple[str, str | None]:
    """``text`` (one line) without the block id that ends it (``finished book 4 ^d1``:
    Obsidian's handle to link the line, ``[[Note#^d1]]``, no part of what it says), and
    the id; ``(text, None)`` when it ends with none."""
    found = _BLOCK_ID.search(text) if "^" in text else None
    if found is None:
        return text, None
    return text[: found.start()].rstrip(), found.group(1)


def _is_log_title(title: str) -> bool:
    """Whether a heading names a goal's Log section: ``Log``, ``Check-ins``, ``Progress
    log``, in any case, with any punctuation or emoji around the words."""
    folded = title.casefold()
    if "log" not in folded and "check" not in folded:  # a quick no: each title holds one
        return False  # (a goal's paragraphs are asked too, most of them long)
    words = _NOT_A_NAME.sub(" ", title.replace("\u2011", "-").replace("\u2010", "-")).split()
    return " ".join(words).casefold() in _LOG_TITLES  # (U+2010, U+2011: hyphens)


class BodyLink(NamedTuple):
    link: wikilinks.Link
    line: int


#: The task states of a task done: ``x`` or ``X``.
DONE_TASK = frozenset("xX")
#: The task states that leave nothing to do: done and cancelled (``-``), as the Tasks
#: plugin reads them; any other (`` ``, in progress ``/``, ``>``, ``?``...) is open.
CLOSED_TASK = DONE_TASK | {"-"}


class Task(NamedTuple):
    line: int
    state: str  # the character between the brackets (see CLOSED_TASK)
    text: str  # its first line, without the block id ending it (:func:`split_block_id`)


class InlineField(NamedTuple):
    key: str
    value: str
    line: int


class Heading(NamedTuple):
    level: int
    text: str
    line: int


class LogItem(NamedTuple):
    """A top-level list item of a Log section: its first line (file line) and that
    line's text, its last non-blank line and its marker (``-``, ``*``, ``+``, or its
    number and ``.`` or ``)``)."""

    line: int
    text: str
    last: int
    marker: str


class Stray(NamedTuple):
    """A line of a goal's body that may be a check-in its log does not count: a
    top-level list item outside its Log sections, or a paragraph's line whose marker
    has no space after it (``-2026-11-10: +2``, no list item: ``spaced`` False)."""

    line: int
    text: str  # the line as written
    spaced: bool
    #: What it is under outside a Log section: the heading above it as written (``## Logs``),
    #: a paragraph that reads as one (``**Log**``: ``heading`` False), "" for none; None
    #: inside a Log section.
    under: str | None
    heading: bool


@record()
class LogSection(Record):
    """Where a Log section sits (file lines): its heading's first line and the line
    after the heading, the line that ends the section (a heading that closes it, or
    one past the last line) and its top-level list items."""

    heading: int
    level: int
    content: int
    end: int
    items: list[LogItem] = field(default_factory=list)


@record()
class BodyFacts(Record):
    """Everything the body says that the tool cares about; lines are file lines."""

    links: list[BodyLink] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    fields: list[InlineField] = field(default_factory=list)
    stray_fields: list[InlineField] = field(default_factory=list)  # see _FIELD_INSIDE
    log_sections: list[LogSection] = field(default_factory=list)
    quoted_logs: list[int] = field(default_factory=list)  # Log headings in a quote: no log
    strays: list[Stray] = field(default_factory=list)  # a goal's: see Stray
    #: The lines of a table's rows (``| 2026-10-01 | +1 |``) in a Log section: no check-ins
    log_rows: list[tuple[int, str]] = field(default_factory=list)
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # see codec.conflict_spans

    @property
    def log_lines(self) -> list[tuple[int, str]]:
        """The first line (file line, text) of each top-level item of the Log sections
        outside merge conflicts, in file order: the lines that may be check-ins."""
        return [
            (item.line, item.text)
            for log in self.log_sections
            for item in log.items
            if not self.in_conflict(item.line)
        ]

    def in_conflict(self, line: int) -> bool:
        """Whether file line ``line`` is in a block of a merge conflict git left (from
        its ``<<<<<<<`` to its ``>>>>>>>``): one side's guess, which counts nothing."""
        return any(start <= line <= end for start, end in self.conflicts)


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
    end = _closing(state, start + 1)  # a target has at least one character
    if end < 0 or src.find("[[", start, end) >= 0 or src.find("\n", start, end) >= 0:
        return False  # as in Obsidian: a single "]" belongs to the target
    if not silent:
        token = state.push("wikilink", "", 0)
        token.content = src[start:end]
        token.meta = {"embed": embed}
    state.pos = end + 2
    return True


def _closing(state: StateInline, start: int) -> int:
    """Where the first ``]]`` at or after ``start`` is (-1: none), remembering the last
    answer: a line of many ``[[`` asks for the same ``]]`` from every one of them."""
    since, found = state.env.get("]]", (len(state.src) + 1, -1))
    if not since <= start <= (found if found >= 0 else len(state.src)):
        since, found = start, state.src.find("]]", start)
        state.env["]]"] = (since, found)
    return int(found)


@lru_cache(maxsize=2)
def _parser(links: bool = True) -> MarkdownIt:
    """markdown-it with our wikilink rule; without its link and image rules when
    ``links`` is false (they take quadratic time on text of many ``[``)."""
    from markdown_it import MarkdownIt

    # lists nested 10 deep reach CommonMark's preset limit of 20 levels, past which
    # markdown-it drops the rest of the note (a ## Log after a deep outline); 100 is
    # markdown-it's own default, far within Python's recursion limit
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": 100})
    md.inline.ruler.before("link", "wikilink", _wikilink_rule)
    if not links:
        md.disable(["link", "image"])
    md.disable("inline")  # core rule: inline content is parsed on demand below
    return md


def parse_body(text: str, first_line: int = 1, *, want_log: bool = False) -> BodyFacts:
    """Scan a body whose first line is file line ``first_line`` (its ``%%comments%%``
    blanked out first: Obsidian shows none of what they hold)."""
    conflicts = conflict_spans(text)
    text = blank_comments(text)
    if "$" in text and "$$" in text:  # (a search for "$" is the faster one)
        text = _math_lines_blanked(text)
    facts = None if want_log else _plain_facts(text, first_line)
    if facts is None:
        facts = _block_facts(text, first_line, want_log)
    facts.conflicts = [(first_line + start - 1, first_line + end - 1) for start, end in conflicts]
    return facts


def log_tail(body: str, items: Sequence[int]) -> int | None:
    """Where the Log items (and blank lines) that end ``body`` start, as an offset in it:
    a goal's body whose Log items that may be check-ins start on the body lines (0-based)
    ``items`` (:attr:`BodyFacts.log_lines`).  :func:`log_cut` cuts it there or after.
    None when it is not to be cut: it holds math over several lines (``$$``), which a
    later ``$$`` closes, or a carriage return alone, which ends a line ``\n`` does not."""
    if "$$" in body or ("\r" in body and _LONE_RETURN.search(body)):
        return None
    lines = body.split("\n")
    at, kept = len(lines), len(items)
    while at:  # back over the items and blank lines that end it
        if kept and items[kept - 1] == at - 1:  # a Log item's line
            kept -= 1
            at -= 1
        elif lines[at - 1].strip(" \t\r"):
            break
        else:
            at -= 1
    return len(body) - sum(map(len, lines[at:])) - (len(lines) - at) + 1


def log_cut(longer: str, tail: int | None, shorter: str) -> int | None:
    """Where ``shorter`` ends in ``longer``, a goal's body whose Log items (and blank
    lines) that end it start at ``tail`` (:func:`log_tail`): the body line of the cut,
    when ``shorter`` is ``longer`` cut at the end of a line there or after; None
    otherwise.  The Log items of ``shorter`` are then those of ``longer`` before the cut:
    a line that starts a top-level list item changes nothing read before it (only a
    setext underline or a lazy continuation line, neither a list item, does), and
    comments and conflicts are read from the top down."""
    if tail is None or len(shorter) < tail or (shorter and shorter[-1] != "\n"):
        return None
    return shorter.count("\n") if longer.startswith(shorter) else None


def _block_facts(text: str, first_line: int, want_log: bool) -> BodyFacts:
    """What :func:`parse_body` finds in ``text`` (comments and math lines blanked), read
    block by block: by the line scanner, or by markdown-it where it must."""
    lines, fast = scanned_lines(text)
    found = fast_blocks(lines) if fast else None
    blocks = found if found is not None else md_blocks(text)
    facts = _facts(blocks, lines, first_line, want_log)
    if want_log and "\r" in text and _LONE_RETURN.search(text):
        _log_lines_past_lone_returns(facts, blocks, lines, _NEWLINE.findall(text), first_line)
    return facts


#: After a line break (each line of the text searched ends with one), a line of a body
#: :func:`_plain_facts` reads: an ATX heading (its marks, the rest of its line) or a task
#: (its state, its text); or one it leaves to the line scanner (``bail``): indented,
#: HTML, a quote, maybe a link reference definition, an ordered list, a thematic break or
#: setext underline, a list marker with no text or more spaces after it, or a list item
#: :func:`fast_blocks` gives up on.  (A line break first: searched for ten times faster.)
_PLAIN_LINE = lazy(
    r"\n(?![A-Za-z\n])(?:(?P<bail>[^\S\n]|[<>]|\[(?!\[|[^\[\]\\\n]*\](?!:))|[0-9]\d{0,8}[.)][ \n]"
    r"|[-*_=][ \-*_=]*\n|[-+*](?: ?\n| [^\S\n])"
    r"|[-+*] (?:#{1,6}[ \n]|[-+*][ \n]|\d{1,9}[.)][ \n]|[<>]|```|~~~|[ \-*_=]*\n"
    r"|\[[^\n]\][^\S\n]*\n|\[(?!\[|[^\n]\][^\S\n])))"
    r"|(#{1,6})((?: [^\n]*)?)(?=\n)|[-+*] \[([^\n])\][^\S\n]+([^\n]*))"
)
#: A line that opens a fenced code block (its fence and info string), after its line break.
_FENCE_LINE = lazy(r"\n(?=[`~])(`{3,}|~{3,})([^\n]*)")
#: A line that may close a fenced code block (if its marker is the opening one's, as long).
_FENCE_END = lazy(r"\n(?= {0,3}[`~]) {0,3}(`{3,}|~{3,})[ \t]*(?=\n)")


def _plain_facts(text: str, first_line: int) -> BodyFacts | None:
    """What :func:`_block_facts` finds in ``text`` (no Log asked for), read text-wide
    when it is made of paragraphs, ATX headings, top-level lists and fenced code at the
    margin, with no tab, carriage return, ``\\``, ``<``, ``$`` or ``](`` outside code and
    code spans only where the regexes read around them; None for any other body.  A few
    regex searches of the whole text find what the line scanner would give up on, the
    headings and the tasks; links and tags are found by one scan of the text outside
    fenced code (no link or tag runs over a line break: the block a line is in can't
    change them), fields line by line where ``::`` is."""
    if "\t" in text or "\r" in text:
        return None
    breaks, plain = "\n" + text + "\n", text  # breaks: each line between line breaks
    # (a search for one character first: memchr, several times faster than for three)
    if ("`" in text and "```" in text) or ("~" in text and "~~~" in text):
        breaks = _fences_emptied(breaks)
        plain = breaks[1:-1]
    if "\\" in plain or "<" in plain or "$" in plain or ("(" in plain and "](" in plain):
        return None
    if _emphasised_tag(plain):
        return None
    headings: list[Heading] = []
    tasks: list[Task] = []
    index = counted = 0  # the line that starts after ``counted`` in ``breaks``
    for found in _PLAIN_LINE.finditer(breaks):
        bail, marks, rest, state, task = found.groups()
        if bail is not None:
            return None
        start = found.start()
        index += breaks.count("\n", counted, start)
        counted = start
        if marks is not None:
            title = _heading_text(rest)
            headings.append(new_tuple(Heading, (len(marks), title, first_line + index)))
        else:
            task = task.strip()
            if "^" in task:  # (the call saved: most tasks end with no block id)
                task = split_block_id(task)[0]
            tasks.append(new_tuple(Task, (first_line + index, state, task)))
    if "`" in plain:
        if "&" in plain or "*" in plain or "_" in plain:  # (see _code_blanked)
            return None
        blanked = _spans_blanked(plain)  # as a paragraph's: no span runs over a line break
        if blanked is None:
            return None
        return _plain_inline(blanked, plain, headings, tasks, first_line)
    return _plain_inline(plain, plain, headings, tasks, first_line)


def _fences_emptied(breaks: str) -> str:
    """``breaks`` (a body between line breaks) with each line of fenced code empty."""
    kept: list[str] = []
    done = at = 0  # where the text not yet kept starts; where to search on
    while (fenced := _FENCE_LINE.search(breaks, at)) is not None:
        fence, info = fenced.groups()
        at = fenced.end()
        if fence[0] == "`" and "`" in info:
            continue  # an inline code span, not a fence
        closing = _FENCE_END.search(breaks, at)
        while closing and not closing.group(1).startswith(fence):
            closing = _FENCE_END.search(breaks, closing.end())
        start, at = fenced.start() + 1, closing.end() if closing else len(breaks) - 1
        kept += [breaks[done:start], "\n" * breaks.count("\n", start, at)]
        done = at
    return "".join(kept) + breaks[done:]


def _plain_inline(
    text: str, plain: str, headings: list[Heading], tasks: list[Task], first_line: int
) -> BodyFacts:
    """The facts of a body with ``headings`` and ``tasks``, and the links, tags and fields
    of ``text``: the body outside its fenced code, its code spans blanked (``plain``: as
    written), for :func:`_plain_facts`."""
    links = wikilinks.links_by_line(text, first_line) if "[[" in text else []
    tags = body_tags_by_line(text, first_line) if "#" in text else []
    facts = BodyFacts(list(map(new_tuple, repeat(BodyLink), links)), tags, tasks, headings)
    index = counted = 0
    found = text.find("::")
    written = None if text is plain or found < 0 else plain.split("\n")  # (once: linear)
    while found >= 0:
        start = text.rfind("\n", 0, found) + 1
        end = text.find("\n", found)
        end = len(text) if end < 0 else end
        index += text.count("\n", counted, start)
        counted = start
        row = text[start:end]
        content, as_written = _line_content(row, row if written is None else written[index])
        _scan_fields(content, first_line + index, facts, as_written)
        found = text.find("::", end)
    return facts


def _line_content(line: str, written: str) -> tuple[str, str]:
    """The inline content the line scanner gives a line of a body (``line``, its code
    spans blanked; ``written``: as written), for :func:`_plain_facts`, and that content
    as written."""
    heading = _ATX.match(written) if written[0] == "#" else None
    if heading:  # the heading's text, then its spans blanked (a span may end it)
        title = _heading_text(written[heading.end(1) :])
        blanked = (_spans_blanked(title) or title) if "`" in title else title  # (as the body's)
        return blanked, title
    if written[:2] in ("- ", "* ", "+ "):  # (a text follows: the rest were given up on)
        return line[2:].rstrip(" "), written[2:].rstrip(" ")
    return line.rstrip(" "), written.rstrip(" ")


def scanned_lines(text: str) -> tuple[list[str], bool]:
    """The lines of ``text`` (as :func:`split_lines`), and whether the line scanner may
    read them: no carriage return but in a CRLF line break (a vault saved on Windows
    reads as fast as one saved with LF: its notes took markdown-it, 60% more CPU for a
    build)."""
    if "\r" in text:
        if _LONE_RETURN.search(text) is not None:
            return split_lines(text), False
        text = text.replace("\r\n", "\n")  # the same lines, sooner
    return text.split("\n"), True


def _log_lines_past_lone_returns(
    facts: BodyFacts, blocks: list[Block], lines: list[str], ends: list[str], first_line: int
) -> None:
    """Each log item's line with what follows a carriage return alone in it, in the
    item's paragraph (``+1 foo\\rbar``): markdown-it breaks the line there, but to the
    tool it is text, so a check-in's note keeps ``bar``.  ``ends``: each line's end."""
    after = {b[1]: b[1] + b[2].count("\n") + 1 for b in blocks if b[0] == "text"}
    for log in facts.log_sections:
        for at, item in enumerate(log.items):
            index = item.line - first_line
            end, text = after.get(index, index + 1), item.text
            while index + 1 < end and ends[index] == "\r":
                index += 1
                text += "\r" + lines[index]
            if text != item.text:
                log.items[at] = item._replace(text=text)


def blank_comments(text: str) -> str:
    """``text`` without Obsidian's comments - ``%%`` to the next ``%%``, on one line or
    over several - line breaks kept, so every line keeps its number; a ``%%`` in fenced
    code (in a quote or list too) or in a code span is code."""
    if "%" not in text or "%%" not in text:  # (a search for "%" is the faster one)
        return text
    return "".join(line for line, _fence, _hidden in _comments_read(text))


def left_open(text: str) -> tuple[str, int] | None:
    """What ``text`` leaves open at its end, so that a line added after it is read as
    part of it: ``("a %% comment", line)`` or ``("a fenced code block", line)``, with the
    1-based line it opens on; None when nothing is."""
    fence, hidden, opened = None, False, 0
    for number, (_line, now_fence, now_hidden) in enumerate(_comments_read(text), 1):
        if (fence is None and now_fence is not None) or (now_hidden and not hidden):
            opened = number
        fence, hidden = now_fence, now_hidden
    if fence is not None:
        return "a fenced code block", opened
    return ("a %% comment", opened) if hidden else None


def _comments_read(text: str) -> Iterator[tuple[str, str | None, bool]]:
    """Each line of ``text`` without its commented parts (see :func:`blank_comments`),
    with the code fence and whether a comment is open after it."""
    hidden = False
    fence: str | None = None
    for line in text.splitlines(keepends=True):
        code = False
        if fence is not None or not hidden:  # no fence opens inside a comment
            fence, code = fence_step(fence, line.rstrip("\r\n"))
        if not code:
            line, hidden = _blank_line(line, hidden)
        yield line, fence, hidden


def _blank_line(line: str, hidden: bool) -> tuple[str, bool]:
    """``line`` without its commented parts (its line break kept), and whether a comment
    is still open at its end (``hidden``: one was open at its start).  Read left to
    right: outside a comment, a code span (backticks to as many backticks) is skipped
    whole.  The parts are dropped, not turned to spaces, so text after a comment at the
    start of a line is not taken for indented code."""
    end = len(line.rstrip("\r\n"))
    kept: list[str] = []
    start = at = 0  # start: where the text kept (or the comment) began
    while at < end:
        if hidden:
            close = line.find("%%", at, end)
            if close < 0:
                break
            hidden, start = False, close + 2
            at = start
            continue
        mark = line.find("%%", at, end)
        tick = line.find("`", at, end)
        if mark < 0:
            break
        if 0 <= tick < mark:
            run = len(line[tick:end]) - len(line[tick:end].lstrip("`"))
            closing = re.search(rf"(?<!`)`{{{run}}}(?!`)", line[tick + run : end])
            at = tick + run + (closing.end() if closing else 0)
            continue
        kept.append(line[start:mark])
        hidden, at = True, mark + 2
    if not hidden:
        kept.append(line[start:end])
    return "".join(kept) + line[end:], hidden


# A body is read as a list of blocks, each a tuple whose first two items are the kind and
# the 0-based line it starts on:
#   ("heading", line, level, text[, end, quoted])  an ATX or setext heading (``end``: the
#                                      line after it; ``quoted``: whether it is in a block
#                                      quote, a callout; both from markdown-it only)
#   ("item", line, depth, first, at, end, bullet)  a list item; ``first`` is the first
#                                      line of its first paragraph (on line ``at``), None
#                                      when it starts with something else; ``end``: one
#                                      past its last line (markdown-it may count blank
#                                      lines after it as its own); ``bullet``: its marker
#   ("text", line, content)            a paragraph's or heading's inline content, one
#                                      stripped line per line
Block = tuple[Any, ...]


def md_blocks(text: str) -> list[Block]:
    """The blocks of a body, by markdown-it (any markdown)."""
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    depth = quotes = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open" and token.map:
            title = tokens[index + 1].content.strip()
            level = int(token.tag[1:])
            blocks.append(("heading", token.map[0], level, title, token.map[1], quotes > 0))
        elif kind in ("blockquote_open", "blockquote_close"):
            quotes += 1 if kind == "blockquote_open" else -1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif kind == "list_item_open" and token.map:
            first, first_at = None, token.map[0]
            if index + 2 < len(tokens) and tokens[index + 1].type == "paragraph_open":
                inline = tokens[index + 2]
                first = _stripped(inline.content).split("\n", 1)[0]
                first_at = inline.map[0] if inline.map else first_at
            bullet = token.markup if token.markup in ("-", "*", "+") else token.info + token.markup
            blocks.append(("item", token.map[0], depth, first, first_at, token.map[1], bullet))
        elif kind == "inline" and token.map:
            blocks.append(("text", token.map[0], _stripped(token.content)))
    return blocks


def _stripped(content: str) -> str:
    """Inline content with the spaces around each line dropped, as the inline parser
    does at line breaks."""
    return "\n".join(line.strip(" \t") for line in content.split("\n")).strip()


_ATX = lazy(r"(#{1,6})(?: |$)")
_BULLET = lazy(r"[-+*] (?=\S)")
_BULLET_LIKE = lazy(r"[-+*](?: |$)")
_ORDERED = lazy(r" *\d{1,9}[.)](?: |$)")
_FENCE = lazy(r"(`{3,}|~{3,})(.*)")
#: A line of these characters alone (not only spaces) is read as a thematic break or a
#: setext underline, which the line scanner leaves to markdown-it.
_RULE_CHARS = " -*_="
_ITEM_BAIL = lazy(r"#{1,6}(?: |$)|[-+*](?: |$)|\d{1,9}[.)](?: |$)|[>]|<|```|~~~")
_TASK_ONLY = lazy(r"\[.\]\s*")
_RULE_OR_NUMBER = frozenset("-*_=0123456789")  # what a rule or _ORDERED can start with


def fast_blocks(lines: list[str]) -> list[Block] | None:
    """The blocks of a body in the common subset of markdown - paragraphs, ATX headings,
    ``-``/``*``/``+`` lists with one space after the marker, indented with spaces or
    tabs, fenced code, HTML comments (``<!-- journal:begin ... -->``) and block quotes
    holding paragraphs alone (callouts) outside lists - read line by line; None as soon
    as a line needs the full parser.

    :func:`md_blocks` gives the same blocks for every body this accepts, but that an
    item's end may also count the blank lines after it there (property tests check it);
    it is several times slower (see bench/).
    """
    blocks: list[Block] = []
    stack: list[int] = []  # content column of each open list item
    open_items: list[int] = []  # the block of each open list item
    para: list[str] = []  # lines of the open paragraph
    para_line = 0
    item: int | None = None  # the block of the item whose first paragraph is open
    fence: tuple[str, int] | None = None  # marker character and length of an open fence
    comment = False  # whether an HTML comment is open (it ends on a line holding "-->")
    quoted = False  # whether the open paragraph is in a block quote

    def close_paragraph() -> None:
        """End the open paragraph (there is one: its callers ask first, a hot path)."""
        nonlocal para, item, quoted
        text = "\n".join(para).strip()
        blocks.append(("text", para_line, text))
        if item is not None:
            kind, line, depth, _, at, end, bullet = blocks[item]
            blocks[item] = (kind, line, depth, text.split("\n", 1)[0], at, end, bullet)
        para, item, quoted = [], None, False

    def close_items(end: int, column: int) -> None:
        """End the open list items whose content column is past ``column`` at ``end``."""
        while stack and column < stack[-1]:
            stack.pop()
            at = open_items.pop()
            blocks[at] = (*blocks[at][:5], end, blocks[at][6])

    for index, line in enumerate(lines):
        if comment:
            comment = "-->" not in line
            continue
        if "\t" in line:  # Obsidian indents lists with tabs
            line = _tabs_expanded(line)
            if fence is None and "\t" in line and line.lstrip(" ")[0] in _TAB_BAIL:
                return None  # a tab after a marker: "-\tx" is an item, "#\tx" a heading
        if fence is not None:
            mark, size = fence
            rest = line.lstrip(" ")
            closes = rest.startswith(mark * size) and not rest.rstrip(" \t").strip(mark)
            if closes and len(line) - len(rest) < 4:
                fence = None
            continue
        rest = line.lstrip(" ")
        if not rest:
            if para:
                close_paragraph()
            continue
        indent = len(line) - len(rest)
        if para and indent >= (stack[-1] if stack else 0) + 4:
            if quoted and rest[0] == ">":
                return None  # (a quote's line however deep: not a lazy continuation)
            para.append(rest.rstrip(" \t"))  # a lazy continuation, however deep
            continue
        first = rest[0]  # each pattern below can only match from its own first characters
        if first in _RULE_OR_NUMBER and (
            _ORDERED.match(line) if first in _DIGITS else not line.strip(_RULE_CHARS)
        ):
            return None  # a thematic break or setext underline; an ordered list
        bullet = heading = fenced = None
        opens_comment = False
        quote = None  # a block quote's line without its marker
        if first in "-+*":
            bullet = _BULLET.match(rest)
            if not bullet and _BULLET_LIKE.match(rest):
                return None  # a list marker with more spaces than one
        elif first == "#":
            heading = _ATX.match(rest)
        elif first in "`~":
            fenced = _FENCE.match(rest)
            if fenced and fenced.group(1)[0] == "`" and "`" in fenced.group(2):
                fenced = None  # an inline code span, not a fence
        elif first == "<" and rest.startswith("<!--"):
            opens_comment = True  # an HTML block to its "-->" (this line's too)
        elif first == ">":
            quote = rest[2:] if rest.startswith("> ") else rest[1:]
            if quote.strip(" \t") and quote[0] in _QUOTE_BAIL:
                return None  # more than a paragraph in the quote
            if quoted:  # the quote's paragraph goes on, or ends at an empty line
                if quote.strip(" \t"):
                    para.append(quote.rstrip(" \t"))
                else:
                    close_paragraph()
                continue
        elif (first == "<" and (rest[1:2].isalpha() or rest[1:2] in "/!?")) or (
            first == "[" and not para and not _NO_REFERENCE.match(rest)
        ):
            return None  # maybe HTML, maybe a link reference definition
        if para and not (bullet or heading or fenced or opens_comment or quote is not None):
            para.append(rest.rstrip(" \t"))  # a continuation line
            continue
        if para:
            close_paragraph()
        if stack and indent < stack[-1]:
            close_items(index, indent)
        if indent >= (stack[-1] if stack else 0) + 4:
            return None  # indented code
        if bullet:
            content = rest[2:]
            if (
                _ITEM_BAIL.match(content)
                or not content.strip(_RULE_CHARS)  # a thematic break (or setext underline)
                or _TASK_ONLY.fullmatch(content)
                or (content[0] == "[" and not content.startswith("[[") and not _TASK.match(content))
            ):
                return None
            item = len(blocks)
            blocks.append(("item", index, len(stack) + 1, None, index, None, rest[0]))
            stack.append(indent + 2)
            open_items.append(item)
            para, para_line = [content.strip(" \t")], index
        elif (heading or fenced or opens_comment or quote is not None) and stack:
            return None  # a heading, fence, comment or quote inside a list item
        elif heading:
            text = _heading_text(rest[heading.end(1) :])
            blocks += [("heading", index, len(heading.group(1)), text), ("text", index, text)]
        elif fenced:
            fence = (fenced.group(1)[0], len(fenced.group(1)))
        elif opens_comment:
            comment = "-->" not in rest
        elif quote is not None:
            if quote.strip(" \t"):
                if quote[0] == "[" and not _NO_REFERENCE.match(quote):
                    return None
                para, para_line, quoted = [quote.rstrip(" \t")], index, True
        else:
            para, para_line = [line.strip(" \t")], index
    if para:
        close_paragraph()
    close_items(len(lines), -1)
    return blocks


#: What a block quote's line may not start with (after its marker and a space) for the line
#: scanner: anything but a paragraph's text, and a space (indented code, or none).
_QUOTE_BAIL = frozenset(" \t-+*#`~<>=_0123456789")
#: A line opening with ``[`` that no link reference definition starts on: a ``[[``, or a
#: label closed on the line by a ``]`` with no ``:`` after it (``[!note] A callout``).
_NO_REFERENCE = lazy(r"\[(?:\[|[^\[\]\\\n]*\](?!:))")
#: What a line may start with where a tab after it would change the blocks read.
_TAB_BAIL = frozenset("-+*#=_`~0123456789")


def _tabs_expanded(line: str) -> str:
    """``line`` with the tabs of its indentation as spaces to the next tab stop of 4,
    as CommonMark reads a tab where it builds blocks."""
    rest = line.lstrip(" \t")
    column = 0
    for char in line[: len(line) - len(rest)]:
        column += 4 - column % 4 if char == "\t" else 1
    return " " * column + rest


def _heading_text(rest: str) -> str:
    """An ATX heading's text: markdown-it drops a closing run of ``#`` after a space."""
    if not rest.endswith(("#", " ")):
        return rest.strip()  # (no closing run: most headings)
    rest = rest.rstrip(" ")
    bare = rest.rstrip("#")
    if bare and bare[-1] == " ":
        rest = bare
    return rest.strip()


def item_end(end: int, start: int, lines: list[str]) -> int:
    """One past the last line of the list item on line ``start`` that a block says ends
    before ``end``, without the blank lines after it (markdown-it counts some as the
    item's own)."""
    while end - 1 > start and not lines[end - 1].strip():
        end -= 1
    return end


def _facts(blocks: list[Block], lines: list[str], first_line: int, want_log: bool) -> BodyFacts:
    facts = BodyFacts()
    log: LogSection | None = None
    under, titled = "", False  # what a stray line is under (see Stray)
    heading_at = item_at = -1  # the line of the last heading, of the last item's paragraph
    for block in blocks:
        kind, index = block[0], block[1]
        if kind == "heading":
            level, title = block[2], block[3].strip()
            line = first_line + index
            facts.headings.append(Heading(level, title, line))
            is_log = want_log and _is_log_title(title)
            if is_log and len(block) > 5 and block[5]:  # in a quote, a callout: not the log
                facts.quoted_logs.append(line)
                is_log = False
            if log is not None and (level <= log.level or is_log):
                log.end = line  # sections end at the next heading as high, or the next Log
                log = None
            if is_log:
                after = block[4] if len(block) > 4 else index + 1
                log = LogSection(line, level, first_line + after, first_line + len(lines))
                facts.log_sections.append(log)
            elif want_log and log is None:
                quote = "> " if len(block) > 5 and block[5] else ""
                under, titled = f"{quote}{'#' * level} {title}", True
            heading_at = index
        elif kind == "item":
            task = _TASK.match(block[3]) if block[3] is not None else None
            if task:
                text = split_block_id(task.group(2).split("\n", 1)[0].strip())[0]
                facts.tasks.append(Task(first_line + block[4], task.group(1), text))
            if log is not None and block[2] == 1:
                last = first_line + item_end(block[5], index, lines) - 1
                log.items.append(LogItem(first_line + index, lines[index], last, block[6]))
            elif want_log and block[2] == 1:
                facts.strays.append(Stray(first_line + index, lines[index], True, under, titled))
            item_at = block[4]
        else:
            content = block[2]
            _inline(content, facts, first_line + index)
            if want_log and index != heading_at:
                if log is None and index != item_at and _is_log_title(content):
                    under, titled = content, False  # "**Log**", "Log:": meant as the heading
                if log is not None and index != item_at and content.startswith("|"):
                    facts.log_rows += [
                        (first_line + index + at, row)
                        for at, row in enumerate(content.split("\n"))
                        if row.startswith("|")
                    ]
                for glued in _GLUED.finditer(content):
                    at = first_line + index + content.count("\n", 0, glued.start())
                    where = None if log is not None else under
                    facts.strays.append(Stray(at, glued.group(), False, where, titled))
    return facts


def _emphasised_tag(text: str) -> bool:
    """Whether ``text`` may hold a tag in emphasis, ``*#tag*``: a tag to Obsidian (in
    italics) and to markdown-it's reading, none to the regexes (a ``#`` after a space).
    (A search for one character first: memchr, a hundred times faster than for two.)"""
    return ("*" in text and "*#" in text) or ("_" in text and "_#" in text)


def _plain_links(content: str) -> bool:
    """Whether each ``](`` of ``content`` is in a markdown link the regexes read as
    markdown-it does (:data:`_PLAIN_MD_LINK`), not an image's (``![a](x.md)``), with no
    wikilink about (``[[](](.md)``, ``[[x [a](b.md)]]``; and markdown-it gives the links
    of a line in their order)."""
    if "[[" in content:
        return False
    count = 0
    for found in _PLAIN_MD_LINK.finditer(content):
        if found.start() and content[found.start() - 1] == "!":
            return False
        count += 1
    return count == content.count("](")


def _plain_link_urls(text: str) -> list[str]:
    """The destinations of the markdown links of ``text`` (a line :func:`_plain_links`
    accepts)."""
    return _PLAIN_MD_LINK.findall(text)


def _inline(content: str, facts: BodyFacts, line: int) -> None:
    if not ("[" in content or "#" in content or "::" in content):
        return
    if "$" in content:
        content = _math_blanked(content)
    url = content.find("](") if ")" in content else -1  # a "#" after it may be in a link's URL
    slow = "`" in content or "\\" in content or "<" in content  # (3 searches beat a regex's 1)
    if url >= 0 and not slow and not _plain_links(content):
        slow = True  # `[]([[x)]]`, `[t](a.md "x")`, `![a](x.md)`: markdown-it reads those
    if _emphasised_tag(content):
        slow = True
    if not slow and (url < 0 or content.find("#", url) < 0):
        plain: str | None = content
    else:
        plain = _code_blanked(content)  # (None when it holds "](": markdown-it reads it)
    if plain is None:
        _parsed_inline(content, facts, line)
    elif plain is content:
        for offset, text in enumerate(plain.split("\n")):
            _scan_text(text, line + offset, facts, wiki=True, links=_plain_link_urls, written=text)
    else:  # (its spans blanked on their lines: none holds a line break)
        lines = content.split("\n")
        for offset, text in enumerate(plain.split("\n")):
            _scan_text(text, line + offset, facts, wiki=True, links=None, written=lines[offset])


def _code_blanked(content: str) -> str | None:
    """``content`` with each code span a space, as markdown-it's inline parser reads it,
    when that is all it would do differently from the regexes (no ``\\``, ``<``, ``&``,
    emphasis or markdown link; no span inside a wikilink or holding a bracket, a
    parenthesis or a line break); None when only that parser can tell."""
    if _NOT_PLAIN.search(content) or "](" in content:
        return None
    return _spans_blanked(content)


def _spans_blanked(content: str) -> str | None:
    """``content`` with each code span a space (see :func:`_code_blanked`); None when a
    span may sit inside a wikilink or holds a bracket, a parenthesis or a line break."""
    kept: list[str] = []
    done = 0  # where the text not yet kept starts
    for start, stop in code_spans(content):
        opened = content.rfind("[[", done, start)  # none before ``done`` is still open
        if opened >= 0 and content.find("]]", opened + 3, start) < 0:
            return None  # the span may sit inside a wikilink (its target has a character)
        if _SPAN_BAIL.search(content, start, stop):
            return None
        kept += [content[done:start], " "]
        done = stop
    return "".join(kept) + content[done:]


def math_spans(text: str) -> list[tuple[int, int]]:
    """Where each span of TeX math of ``text`` (inline markdown, no blank line) starts and
    ends, its dollars included, by pandoc's rule (Obsidian documents none): ``$$`` to the
    next ``$$``; ``$`` to the next ``$`` not escaped (``\\$``), when the first is
    followed and the last preceded by a non-space, and the last is not followed by a
    digit (``$5 and $10`` and ``$20,000 and $30,000`` hold none).  Read left to right: a
    code span, a backslash escape or a wikilink that starts before a ``$`` is skipped
    whole."""
    spans = []
    ticks: dict[int, int] | None = None  # where the code span each run opens ends
    brackets = -2  # where the first "]]" after the last "[[" is (-1: none)
    at = 0
    while (mark := _MATH_MARK.search(text, at)) is not None:
        start, found = mark.start(), mark.group()
        at = mark.end()
        if found[0] == "`":
            ticks = span_ends(text) if ticks is None else ticks
            at = max(at, ticks.get(start, -1))
        elif found == "[[":  # as _wikilink_rule reads one, its target a character at least
            if brackets != -1 and brackets <= at:
                brackets = text.find("]]", at + 1)
            if brackets > at and text.find("[[", at, brackets) < 0:
                at = brackets + 2 if text.find("\n", at, brackets) < 0 else at
        elif found == "$$":
            close = text.find("$$", at + 1)
            if close >= 0:
                spans.append((start, close + 2))
                at = close + 2
        elif found == "$" and at < len(text) and not text[at].isspace():
            close = _math_close(text, at + 1 + (text[at] == "\\"))
            after = text[close + 1 : close + 2]
            if close > 0 and not text[close - 1].isspace() and after not in _DIGITS:
                spans.append((start, close + 1))
                at = close + 1
    return spans


def _math_close(text: str, at: int) -> int:
    """Where the first ``$`` at or after ``at`` that no backslash escapes is (-1: none)."""
    while (close := text.find("$", at)) >= 0:
        slashes = close - at - len(text[at:close].rstrip("\\"))
        if slashes % 2 == 0:
            return close
        at = close + 1
    return -1


def _math_blanked(content: str) -> str:
    """``content`` with each span of math a space (its line breaks kept), as code spans
    are: nothing in it is a link, tag or field."""
    kept: list[str] = []
    done = 0
    for start, stop in math_spans(content):
        kept += [content[done:start], " ", "\n" * content.count("\n", start, stop)]
        done = stop
    return "".join(kept) + content[done:] if kept else content


def _math_lines_blanked(text: str) -> str:
    """``text`` with each line inside math that runs over several lines (``$$`` on one
    line to ``$$`` on a later one, no blank line between, outside fenced code) made a
    line of plain text, its indent kept: ``- [ ] x`` or ``# x`` there is no task or
    heading, and the math stays one paragraph, as Obsidian shows it."""
    first, last = text.find("$$"), text.rfind("$$")
    if text.count("\n", first, last) + text.count("\r", first, last) < 2:
        return text  # no line between the first "$$" and the last
    lines, ends = _NEWLINE.split(text), _NEWLINE.findall(text)
    fence: str | None = None
    run: list[int] = []  # the lines of a paragraph-like run: no blank line, no code
    dollars = changed = False  # whether a line of the run holds "$$"; a line was made text
    for number, line in enumerate([*lines, ""]):
        if number == len(lines):
            code = True  # the end, which ends a run
        elif fence is None and "`" not in line and "~" not in line:
            code = False  # (no fence opens there: the common line, read sooner)
        else:
            fence, code = fence_step(fence, line)
        if line.strip() and not code:
            run.append(number)
            dollars = dollars or "$$" in line
            continue
        if dollars and len(run) > 2:
            changed = _math_run_blanked(lines, run) or changed
        run, dollars = [], False
    if not changed:
        return text
    return "".join(line + end for line, end in zip(lines, [*ends, ""], strict=True))


#: What may come before the ``$$`` that opens math over several lines on its line:
#: indentation, quote markers, a list item's marker.
_DISPLAY_OPEN = lazy(r"[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")


def _math_run_blanked(lines: list[str], run: list[int]) -> bool:
    """Make each of ``lines`` (those numbered ``run``, read as one paragraph) inside a
    ``$$`` span of math that runs over it plain text; whether one was."""
    joined = "\n".join(lines[i] for i in run)
    starts = [0]  # where each line starts in ``joined``
    for i in run[:-1]:
        starts.append(starts[-1] + len(lines[i]) + 1)
    changed = False
    for start, stop in math_spans(joined):
        if not joined.startswith("$$", start):
            continue  # "$5 ...\n- [ ] x\n... 10$": a list item ends a paragraph
        first, last = bisect_right(starts, start), bisect_right(starts, stop - 1)
        if not _DISPLAY_OPEN.fullmatch(joined, starts[first - 1], start):
            continue  # "Budget: $$ ..." mid-line: a display block opens its line
        for i in run[first : last - 1]:
            lines[i] = lines[i][: len(lines[i]) - len(lines[i].lstrip(" \t"))] + "x"
            changed = True
    return changed


def _parsed_inline(content: str, facts: BodyFacts, line: int) -> None:
    """What markdown-it's inline parser (with our wikilink rule) finds in ``content``,
    line by line: the text of each line is what the tokens that start on it give."""
    many = content.count("[") > _MANY_BRACKETS  # markdown links by regex then
    md = _parser(links=not many)
    children: list[Token] = []
    md.inline.parse(content, md, {}, children)
    written = content.split("\n")
    # a token may run over a line break (a code span, an HTML tag, a link's title): then
    # the line each token starts on is found by where it starts
    placed = len(written) > 1 and len(written) - 1 != sum(
        child.type in _BREAKS for child in children
    )
    if placed:
        children = _placed_tokens(content, md)
    offset = 0
    buffer: list[str] = []
    cuts: list[int] = []  # where emphasis marks start and end in ``buffer``: a tag ends there

    def flush(whole: bool = True, hard: bool = False) -> None:
        """Read the line's text; a line whose last token runs on past its end (``whole``
        False) gives its fields their values as read, not as written (cut mid-token).  A
        line ending in a hard break's ``\\`` (``hard``) is written without it: markup, which
        shows nothing."""
        if buffer:
            text = "".join(buffer)
            urls = md_link_urls if many else None
            as_written = written[offset] if whole else text
            if hard and as_written.endswith("\\") and not text.endswith("\\"):
                as_written = as_written[:-1]  # (not a literal "\\" before two spaces)
            if cuts and "#" in text:  # ``#t*a*`` is the tag ``t``, as Obsidian reads it
                pieces = ("".join(buffer[a:b]) for a, b in pairwise([0, *cuts, len(buffer)]))
                facts.tags += [(tag, line + offset) for piece in pieces for tag in body_tags(piece)]
            _scan_text(
                text,
                line + offset,
                facts,
                wiki=False,
                links=urls,
                written=as_written,
                tags=not cuts,
            )
            buffer.clear()
            cuts.clear()

    broke = False  # whether the last token was a line break
    for child in children:
        if placed and child.map is not None and child.map[0] != offset:
            flush(broke)
            offset = child.map[0]
            if not broke:  # the line starts inside the token before: no field starts it
                buffer.append(" ")
        broke = child.type in _BREAKS
        if broke:
            flush(hard=child.type == "hardbreak")
            offset += not placed
        elif child.type in _EMPHASIS:  # its marks kept, as the regexes read them
            cuts += [len(buffer), len(buffer) + 1]
            buffer.append(child.markup)
        elif child.type == "wikilink":
            embed = bool(child.meta.get("embed"))
            _add_link(child.content, embed, line + offset, facts)
            buffer.append(("![[" if embed else "[[") + child.content + "]]")
        elif child.type == "link_open":
            _add_md_link(child.attrGet("href"), line + offset, facts)
            buffer.append("[")  # its text read in its brackets, as the regexes read it
        elif child.type == "link_close":
            buffer.append("]()")  # (the URL left out: nothing in it is a tag)
        elif child.type == "code_inline":
            buffer.append(" ")
        elif child.type == "html_inline" and child.content.startswith("<!--"):
            buffer.append(" ")  # a comment: hidden, as code is (nothing in it is read)
        elif child.type in ("html_inline", "image"):
            # no field starts in a tag or an image's text (its alt text, its content)
            buffer.append(child.content.replace("\n", " "))
        elif child.info in ("escape", "entity"):
            # "\#tag" is text, not a tag: keep the backslash; an entity is read as written,
            # as the regexes read it ("&#10;" starts no line: it shows as a space)
            buffer.append(child.markup)
        else:
            buffer.append(child.content)
    flush(offset >= len(written) - 1)


_BREAKS = frozenset({"softbreak", "hardbreak"})
_EMPHASIS = frozenset({"em_open", "em_close", "strong_open", "strong_close"})


def _placed_tokens(content: str, md: MarkdownIt) -> list[Token]:
    """The inline tokens of ``content``, each marked (``token.map``) with the line it
    starts on (0-based): the position the parser is at when a token is pushed is where
    the token starts, and a text token's line is where the text before it ends (text
    holds no line break)."""
    tokens: list[Token] = []
    breaks = [at for at, char in enumerate(content) if char == "\n"]
    state = _placed_state()(content, md, {"breaks": breaks}, tokens)
    md.inline.tokenize(state)
    for rule in md.inline.ruler2.getRules(""):
        rule(state)
    return tokens


@lru_cache(maxsize=1)
def _placed_state() -> type[StateInline]:
    """markdown-it's inline parser state marking each token it pushes with its line."""
    from markdown_it.rules_inline import StateInline

    class Placed(StateInline):
        def pushPending(self) -> Token:
            return self._placed(super().pushPending())

        def push(self, ttype: str, tag: str, nesting: Any) -> Token:
            return self._placed(super().push(ttype, tag, nesting))

        def _placed(self, token: Token) -> Token:
            line = bisect_left(self.env["breaks"], self.pos)  # the breaks before it
            token.map = [line, line]
            return token

    return Placed


def _scan_text(
    text: str,
    line: int,
    facts: BodyFacts,
    *,
    wiki: bool,
    links: Callable[[str], list[str]] | None,
    written: str,
    tags: bool = True,
) -> None:
    """The links (wikilinks when ``wiki``; markdown links' destinations by ``links``),
    tags (when ``tags``) and fields of ``text``, a line of inline content read
    (``written``: as written)."""
    if wiki and "[" in text:
        facts.links += [new_tuple(BodyLink, (link, line)) for link in wikilinks.find_links(text)]
    if links is not None and "](" in text:
        for url in links(text):
            _add_md_link(url, line, facts)
    if tags and "#" in text:
        facts.tags += [(tag, line) for tag in body_tags(text)]
    if "::" in text:
        _scan_fields(text, line, facts, written)


def _scan_fields(text: str, line: int, facts: BodyFacts, written: str) -> None:
    """The inline fields of ``text``, one line of a block's inline content read (its code
    spans blanked; by markdown-it, its links' addresses left out), ``written`` as written.
    A field that starts the line (``key:: value``) keeps its value as written, code spans
    and links' addresses too (a check-in's note, shown in the review); a reader of its
    value reads around code (see :func:`~journal.core.checkins.parse_inline`)."""
    for match in _FIELD_LINE.finditer(text):
        value = match.group(2) if text is written else _value_written(match, written)
        if written[:2] in _STRONG and value.rstrip().endswith(written[:2]):
            value = _strong_closed(value.rstrip(), written)
        facts.fields.append(InlineField(match.group(1).strip(), value.strip(), line))
    # a bracketed field ends at a "]" or ")": none can match after the last one, and
    # stopping there keeps a line of many "(key::" linear
    last = max(text.rfind("]"), text.rfind(")"))
    for match in _FIELD_BRACKET.finditer(text, 0, last + 1):
        key, value = match.group(1, 2) if match.group(1) else match.group(3, 4)
        facts.fields.append(InlineField(key.strip(), value.strip(), line))
    for match in _FIELD_INSIDE.finditer(text):
        facts.stray_fields.append(InlineField(match.group(1), match.group(2).strip(), line))


_STRONG = ("**", "__")


def _strong_closed(value: str, written: str) -> str:
    """The value of a line field whose line (as ``written``) opens bold before its key
    and ends with ``value``: without the mark closing that bold when neither the key's
    nor one within the value does (``**progress:: [[Goal]] +1 note**``: ``note``, not
    ``note**``; ``**progress:: [[Goal]] +1** and **more**`` keeps its marks)."""
    mark, kept = written[:2], value[:-2]
    if written[: written.find("::")].endswith(mark) or mark in kept or kept.endswith("\\"):
        return value  # closed at the key, or within the value; or an escaped mark
    return kept


def _value_written(match: re.Match[str], written: str) -> str:
    """The value of the line field ``match`` found in a line read, as the line as
    ``written`` has it: the same key must start it (else the value read)."""
    found = _FIELD_LINE.match(written) if match.start() == 0 else None
    if found is None or found.group(1) != match.group(1):
        return match.group(2)
    return found.group(2)


def md_link_urls(text: str) -> list[str]:
    """The URLs of inline links to notes, ``[text](Note.md#heading)`` or
    ``[text](<Note.md>)``: group 1 of every match of the regex
    ``\\[[^\\]\\n]*\\]\\(<?([^)\\s>]+\\.md)(?:#[^)\\s>]*)?>?\\)``, found in linear time
    (the regex scans the rest of the line again from every ``[`` and ``](``)."""
    urls = []
    resume = 0  # a link ends where the search for the next one starts
    end = -1  # where the URL of the last candidate ends (later ones may share it)
    cut = -1  # where its longest ".md" ends (a ".md" that ends it or comes before "#")
    for match in _MD_LINK_TEXT.finditer(text):
        start = match.end()
        if match.start() < resume:
            continue
        if start > end:
            found = _URL_END.search(text, start)
            end = found.start() if found else len(text)
            cut = end if text.endswith(".md", start, end) else text.rfind(".md#", start, end) + 3
        if text.startswith(")", end):
            close = end + 1
        elif text.startswith(">)", end):
            close = end + 2
        else:
            continue
        first = start + 1 if text.startswith("<", start) and cut - 3 > start + 1 else start
        if cut - 3 > first:  # a name before ".md"
            urls.append(text[first:cut])
            resume = close
    return urls


def _add_link(inner: str, embed: bool, line: int, facts: BodyFacts) -> None:
    link = wikilinks.split_inner(inner, embed=embed)
    if link is not None:
        facts.links.append(BodyLink(link, line))


def _add_md_link(href: Any, line: int, facts: BodyFacts) -> None:
    if not isinstance(href, str) or "://" in href:
        return
    target, _, heading = unquote(href).partition("#")
    if len(target) > 3 and target.casefold().endswith(".md"):  # a name before ".md"
        facts.links.append(BodyLink(wikilinks.Link(target, heading or None), line))
