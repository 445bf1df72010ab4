"""Fenced code blocks, read one line at a time (in a block quote or a list item too):
what the body scanner, the front-matter codec and generated notes all skip."""

from __future__ import annotations

from journal.core.regex import lazy

#: A fenced code block's first line, in a block quote or a list item too: the fence and
#: its info string (which can't hold a backtick after a backtick fence).
_MARKED_FENCE = r"(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]))*[ \t]*(`{3,}|~{3,})"
_FENCE_OPEN = lazy(_MARKED_FENCE + r"(.*)")
_FENCE_CLOSE = lazy(_MARKED_FENCE + r"[ \t]*")


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
