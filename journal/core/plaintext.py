"""A note's markdown as plain text, as search snippets show it: the words a reader sees
in Obsidian's reading view, so that a snippet's ``**`` marks only what the search found.

Left out: emphasis markers (``**``, ``__``, ``*``, ``_``, ``~~``, ``==``; a run of two or
more ``*`` anywhere, in code too), heading ``#`` marks and rules, the fence lines of code
blocks (their code kept) and inline code's backticks (its text as written, as a URL's),
HTML ``<!-- -->`` and Obsidian ``%% %%`` comments, HTML tags, the ``>`` of quotes (a
callout's ``[!type]`` line shows its title, else its type), a table's delimiter row and
pipes (its cells apart by `` · ``), footnote marks (``[^1]``), block ids (``^id``), the
backslash of an escape, and the brackets of links: a wikilink shows its alias, else its
target's name (and heading: ``Note > Heading``), a markdown link its text.  A heading
kept is set apart from the text after it by `` ·`` (a snippet is one line).
"""

from __future__ import annotations

import re

from journal.core.body import blank_comments
from journal.core.dates import DATED_NAME
from journal.core.fences import fence_step
from journal.core.links import Link, links_as
from journal.core.regex import lazy

_HTML_COMMENT = lazy(r"<!--.*?(?:-->|\Z)", re.DOTALL)
#: A heading line: its level, its text (without closing ``#`` marks).
#: (Its closing ``#`` marks are taken off by :func:`_heading_shown`: read by the pattern,
#: a line of many spaces took seconds - found in review.)
_HEADING = lazy(r"^[ \t]{0,3}(#{1,6})(?:[ \t]([^\r\n]*?))?(\r?)$", re.MULTILINE)
_RULE = lazy(r"^[ \t]*(?:[-*_=][ \t]*){3,}\r?(?:\n|\Z)", re.MULTILINE)  # a break, a setext line
_MD_LINK = lazy(r"!?\[([^\[\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_AUTOLINK = lazy(r"<((?:https?|mailto):[^<>\s]+)>")
_STARS = lazy(r"\*{2,}")
#: What sets a heading apart from the text after it (:data:`_HEADING_END` while the text
#: is made: none after the last heading with no text after it).
_HEADING_GAP = " ·"
_HEADING_END = "\0"  # no text the index holds has one: it makes NUL bytes spaces
_LAST_HEADING_END = lazy(r"\0(\s*)\Z")
#: A heading's last letter that ends it as a sentence does: no gap after it.
_ENDS_SENTENCE = frozenset(".:?!")
_ESCAPE = lazy(r"\\([!-/:-@\[-`{-~])")  # a backslash before ASCII punctuation
#: Where a piece of text kept apart (:func:`_prose`) stands while the rest is made plain.
_KEPT = "\x01{}\x02"
_PLACED = lazy("\x01(\\d+)\x02")
#: An inline code span: a run of backticks, then text, then a run of as many, inside a
#: paragraph (CommonMark's rule).
_CODE_SPAN = lazy(r"(?<![`\\])(`+)(?!`)((?:(?!\n[ \t]*\n).){1,2000}?)(?<!`)\1(?!`)", re.DOTALL)
#: A bare URL, as GFM links one: not a code span kept inside it, nor punctuation that
#: ends it (``*see https://x.org*``: the emphasis is the note's).
_URL = lazy(r"https?://[^\s<>()\[\]`\x01\x02]*[^\s<>()\[\]`\x01\x02*_~=.,:;!?'\"]")
_QUOTE = lazy(r"[ \t]{0,3}(?:>[ \t]?)+")
_CALLOUT = lazy(r"\[!([\w-]+)\][+-]?(.*)")
_DELIMITER_ROW = lazy(r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?")
_CELLS = " · "
#: An HTML tag (``<br>``: group 1, shown as a space), not a comparison (``1 < 2``).
_HTML_TAG = lazy(r"<(br\s*/?)>|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", re.IGNORECASE)
#: A footnote's reference (``[^1]``), and its mark at the start of its text.
_FOOTNOTE = lazy(r"^\[\^[^\]\s\[^]+\]:[ \t]*|\[\^[^\]\s\[^]+\]", re.MULTILINE)
#: A block's id at the end of its line (``^block-id``), hidden in reading view.
_BLOCK_ID = lazy(r"(?<![ \t])[ \t]+\^[A-Za-z0-9-]+[ \t]*(?=\r?$)", re.MULTILINE)
#: (Each at most 500 characters long: unbounded, a line of 100,000 characters holding
#: many openers and no closer took half a minute to read.)
_EMPHASIS = lazy(
    r"(?<![\w*])\*(?=[^\s*])(.{1,500}?)(?<=[^\s*])\*(?![\w*])"  # *one*
    r"|(?<!\w)(_{1,3})(?=[^\s_])(.{1,500}?)(?<=[^\s_])\2(?!\w)"  # _one_, __two__
    r"|~~(?=\S)(.{1,500}?)(?<=\S)~~|==(?=\S)(.{1,500}?)(?<=\S)=="
)


def plain_text(text: str, title: str = "") -> str:
    """``text`` (a note's body) as plain text (see the module's doc), its lines kept
    apart; a level-1 heading that is ``title`` (the title a hit is listed with, in any
    case), or ``title`` without the date it starts with (a meeting's heading, as
    ``journal new meeting`` writes it), is left out, so that a snippet does not repeat it."""
    if "%%" in text:
        text = blank_comments(text)
    if "<!--" in text:
        text = _HTML_COMMENT.sub("", text)
    shown: list[str] = []
    prose: list[str] = []  # the lines outside code since the last code, shown at once
    fence: str | None = None
    for line in text.split("\n"):
        if fence is None and "`" not in line and "~" not in line:  # no fence line
            prose.append(line)
            continue
        opening = fence is None
        fence, code = fence_step(fence, line.rstrip("\r"))
        if not code:
            prose.append(line)
            continue
        if prose:
            shown.append(_prose(prose, title))
            prose = []
        if not (opening or fence is None):  # fence lines are left out, their code kept
            shown.append(_STARS.sub("", line))
    if prose:
        shown.append(_prose(prose, title))
    plain = "\n".join(shown)
    if _HEADING_END in plain:
        plain = _LAST_HEADING_END.sub(r"\1", plain).replace(_HEADING_END, _HEADING_GAP)
    return plain


def _prose(lines: list[str], title: str) -> str:
    """Lines of text (not code) as plain text."""
    text = "\n".join(lines)
    kept: list[str] = []  # what emphasis and the rest must not touch, as shown

    def keep(shown: str) -> str:
        kept.append(_STARS.sub("", shown))
        return _KEPT.format(len(kept) - 1)

    if "`" in text:
        text = _CODE_SPAN.sub(lambda m: keep(_code_shown(m[2])), text)
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    if "://" in text:
        text = _URL.sub(lambda m: keep(m[0]), text)
    if ">" in text:
        text = _quotes_shown(text)
    if "-" in text or "*" in text or "_" in text or "=" in text:
        text = _RULE.sub("", text)
    if "#" in text:
        text = _HEADING.sub(lambda m: _heading_shown(m, title), text)
    if "[" in text:
        text = _MD_LINK.sub(r"\1", links_as(text, _link_shown))
        text = _FOOTNOTE.sub("", text) if "[^" in text else text
    if "^" in text:
        text = _BLOCK_ID.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(lambda m: keep(m[1]), text)
    if "|" in text:
        text = _tables_shown(text)
    if "<" in text:
        text = _HTML_TAG.sub(lambda m: " " if m[1] else "", text)
    text = _unmarked(text)
    if kept:
        text = _STARS.sub("", _PLACED.sub(lambda m: _placed(kept, m), text))
    return text


def _code_shown(code: str) -> str:
    """An inline code span's text as shown: a space at each end taken off, when both
    have one (CommonMark's rule for code that starts or ends with a backtick)."""
    if len(code) > 2 and code[0] == code[-1] == " " and code.strip():
        return code[1:-1]
    return code


def _placed(kept: list[str], found: re.Match[str]) -> str:
    at = int(found[1])
    return kept[at] if at < len(kept) else found[0]


def _quotes_shown(text: str) -> str:
    """``text`` without the ``>`` of its quoted lines, a callout's ``[!type]`` line shown
    as its title, else its type (``> [!tip]-`` shows ``Tip``)."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        quote = _QUOTE.match(line)
        if quote is None:
            continue
        line = line[quote.end() :]
        callout = _CALLOUT.match(line)
        if callout is not None:
            line = callout[2].strip() or callout[1].capitalize()
        lines[at] = line
    return "\n".join(lines)


def _tables_shown(text: str) -> str:
    """``text`` with each table (a row of cells, then its delimiter row) as its cells,
    one row a line, the cells apart by `` · `` and the delimiter row left out."""
    lines = text.split("\n")
    shown: list[str] = []
    table = False
    for at, line in enumerate(lines):
        if not table:
            below = lines[at + 1] if at + 1 < len(lines) else ""
            table = "|" in line and "|" in below and _DELIMITER_ROW.fullmatch(below) is not None
        elif "|" not in line or not line.strip():
            table = False
        if not table:
            shown.append(line)
        elif not _DELIMITER_ROW.fullmatch(line):
            cells = line.strip().removeprefix("|").removesuffix("|").split("|")
            shown.append(_CELLS.join(cell.strip() for cell in cells))
    return "\n".join(shown)


def _unmarked(text: str) -> str:
    """``text`` without its emphasis markers."""
    text = _STARS.sub("", text)
    return _EMPHASIS.sub(lambda m: next(g for g in m.groups()[::-1] if g is not None), text)


def _heading_shown(heading: re.Match[str], title: str) -> str:
    """A heading's text, without its ``#`` marks, and the mark of its end (see
    :data:`_HEADING_GAP`) unless it ends as a sentence does; nothing for a level-1 heading
    that says the title (in any case: ``# Bold`` in ``bold.md``; its emphasis, links and
    escapes as shown: ``# Q1 \\#people`` says ``Q1 #people``, as journal writes such a
    title), or the title without the date it starts with."""
    text = (heading[2] or "").strip(" \t")
    closed = text.rstrip("#")  # a closing sequence: its marks, after a space or alone
    if closed != text and (not closed or closed[-1] in " \t"):
        text = closed.rstrip(" \t")
    if len(heading[1]) == 1 and title.strip():
        shown = _unmarked(links_as(text, _link_shown))
        shown = _ESCAPE.sub(r"\1", shown) if "\\" in shown else shown
        said = shown.strip().casefold()
        if said in (title.strip().casefold(), DATED_NAME.sub("", title.strip()).casefold()):
            return ""
    if not text or text.rstrip("*_~=")[-1:] in _ENDS_SENTENCE:  # (`**Done.**` too)
        return text + heading[3]
    return text + _HEADING_END + heading[3]


def linked_name(target: str, alias: str | None) -> str:
    """A link a property holds as the search holds and shows it: its target's name, and
    its alias in parentheses when that says another (``Lars Østergaard (Lars)``)."""
    name = target.rsplit("/", 1)[-1].removesuffix(".md")
    if not alias or alias.strip().casefold() == name.casefold():
        return name
    return f"{name} ({alias.strip()})" if name else alias.strip()


def _link_shown(link: Link | None, written: str) -> str:
    """What Obsidian shows of a wikilink (or an embed): its alias, else its target's
    name, with the heading it names (``Note > Heading``)."""
    if link is None:
        return written
    if link.alias:
        return link.alias
    name = link.display.removesuffix(".md")
    return " > ".join(part for part in (name, link.heading) if part)
