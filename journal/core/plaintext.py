"""A note's markdown as plain text, as search snippets show it: the words a reader sees
in Obsidian's reading view, so that a snippet's ``**`` marks only what the search found.

Left out: emphasis markers (``**``, ``__``, ``*``, ``_``, ``~~``, ``==``; a run of two or
more ``*`` anywhere, in code too), heading ``#`` marks and rules, the fence lines of code
blocks (their code kept), HTML ``<!-- -->`` and Obsidian ``%% %%`` comments, and the
brackets of links: a wikilink shows its alias, else its target's name (and heading:
``Note > Heading``), a markdown link its text.  A heading kept is set apart from the
text after it by `` ·`` (a snippet is one line).
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
_HEADING = lazy(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*(\r?)$", re.MULTILINE)
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
_EMPHASIS = lazy(
    r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"  # *one*
    r"|(?<!\w)(_{1,3})(?=[^\s_])(.+?)(?<=[^\s_])\2(?!\w)"  # _one_, __two__
    r"|~~(?=\S)(.+?)(?<=\S)~~|==(?=\S)(.+?)(?<=\S)=="
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
    if "-" in text or "*" in text or "_" in text or "=" in text:
        text = _RULE.sub("", text)
    if "#" in text:
        text = _HEADING.sub(lambda m: _heading_shown(m, title), text)
    if "[" in text:
        text = _MD_LINK.sub(r"\1", links_as(text, _link_shown))
    if "<" in text:
        text = _AUTOLINK.sub(r"\1", text)
    return _unmarked(text)


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
    text = heading[2] or ""
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
