"""Fenced code blocks, read one line at a time (in a block quote or a list item too):
what the body scanner, the front-matter codec and generated notes all skip; and where
the code spans of a text are."""

from __future__ import annotations

from journal.core.regex import lazy

#: A fenced code block's first line, in a block quote or a list item too: the fence and
#: its info string (which can't hold a backtick after a backtick fence).
_MARKED_FENCE = r"(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]))*[ \t]*(`{3,}|~{3,})"
_FENCE_OPEN = lazy(_MARKED_FENCE + r"(.*)")
_FENCE_CLOSE = lazy(_MARKED_FENCE + r"[ \t]*")
_TICKS = lazy(r"``*")  # (not "`+": a literal first is searched for ten times faster)


def fence_step(fence: str | None, line: str) -> tuple[str | None, bool]:
    """Fenced code, one line at a time: given the fence open before ``line`` (None:
    none), the one open after it, and whether ``line`` is code (a fence line, or in
    fenced code; in a block quote or list item too)."""
    if fence is not None:
        closing = _FENCE_CLOSE.fullmatch(line)
        if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence):
            return None, True
        return fence, True
    opened = _FENCE_OPEN.fullmatch(line)
    if opened and not (opened.group(1)[0] == "`" and "`" in opened.group(2)):
        return opened.group(1), True  # (a backtick fence's info holds no backtick)
    return None, False


def fence_language(line: str) -> str:
    """The first word of the info string of a line that opens a fence (``mermaid`` in
    ```` ```mermaid ````), "" when it names none."""
    opened = _FENCE_OPEN.fullmatch(line)
    words = opened.group(2).split() if opened else []
    return words[0] if words else ""


def code_spans(text: str) -> list[tuple[int, int]]:
    """Where each code span of ``text`` (inline markdown) starts and ends, its backticks
    included: a run of backticks to the next run as long; a run that none as long follows
    is text (CommonMark; backslash escapes left aside)."""
    runs, closers = _tick_runs(text)
    spans = []
    at = 0  # the next run to open a span
    while at < len(runs):
        closing = closers[at]
        if closing is None:
            at += 1  # no run as long closes it: its backticks are text
            continue
        spans.append((runs[at][0], runs[closing][1]))
        at = closing + 1
    return spans


def code_blanked(text: str) -> str:
    """``text`` with each code span spaces as long: what is read outside code, at the
    places it is written.  Read left to right, as the body's reader does: a wikilink
    that starts before a backtick holds it (``[[Goal|a ` b]] +1 `x` ``: the link, then
    the span `` `x` ``)."""
    if "`" not in text:
        return text
    spans = code_spans(text) if "[[" not in text else _spans_around_links(text)
    kept: list[str] = []
    done = 0
    for start, stop in spans:
        kept += [text[done:start], " " * (stop - start)]
        done = stop
    return "".join(kept) + text[done:]


def _spans_around_links(text: str) -> list[tuple[int, int]]:
    """The code spans of ``text`` outside its wikilinks, whichever starts first (a link's
    target has a character, no ``[[`` and no line break)."""
    ends = span_ends(text)
    spans = []
    at = 0
    while (tick := text.find("`", at)) >= 0:
        opened = text.find("[[", at, tick)
        if opened >= 0:
            close = text.find("]]", opened + 3)
            bare = close >= 0 and text.find("[[", opened + 2, close) < 0
            at = close + 2 if bare and text.find("\n", opened, close) < 0 else opened + 1
            continue
        run = len(text) - len(text[tick:].lstrip("`")) - tick
        if tick in ends:
            spans.append((tick, ends[tick]))
            at = ends[tick]
        else:
            at = tick + run
    return spans


def span_ends(text: str) -> dict[int, int]:
    """Where the code span a run of backticks of ``text`` would open ends, by where the
    run starts: at the end of the next run as long (runs that none follows are left out),
    for a reader that reaches the run from elsewhere than the text's start."""
    runs, closers = _tick_runs(text)
    return {
        run[0]: runs[close][1]
        for run, close in zip(runs, closers, strict=True)
        if close is not None
    }


def _tick_runs(text: str) -> tuple[list[tuple[int, int]], list[int | None]]:
    """Where each run of backticks of ``text`` starts and ends, and the index of the next
    run as long as each (None: none follows)."""
    runs = [m.span() for m in _TICKS.finditer(text)]
    closers: list[int | None] = [None] * len(runs)
    after: dict[int, int] = {}
    for i in range(len(runs) - 1, -1, -1):
        size = runs[i][1] - runs[i][0]
        closers[i], after[size] = after.get(size), i
    return runs, closers
