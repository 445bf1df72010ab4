"""Adding a check-in line to a note's ``## Log`` section, touching nothing else.

The section is found with :mod:`journal.core.body`, as the reader finds it (so a
``## Log`` inside a code block or a quote is not one): the line goes right after its
last top-level check-in (else its last top-level list item: a list of the user's below
the check-ins is left as it is) - a backdated one before the first item dated later,
so the log stays in date order - else at the end of the section; a note without one
gets ``## Log`` at the end.  Every other character stays - line endings, the BOM, a
missing final newline.  The result must read back as the old check-ins plus exactly
the new one.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import TYPE_CHECKING

from journal.core.body import BodyFacts, LogItem, LogSection, left_open, parse_body, split_lines
from journal.core.checkins import (
    CheckIn,
    CheckInError,
    format_log_line,
    in_percent,
    parse_log_line,
    uncounted_lines,
)
from journal.core.codec import Document, parse_text
from journal.core.errors import UnsafeWrite
from journal.core.formatting import single_line
from journal.core.regex import lazy

if TYPE_CHECKING:
    from journal.core.periodic import PeriodicSettings

HEADING = "## Log"
_NUMBER = lazy(r"\s*(\d{1,9})[.)]")


def append_checkin(
    doc: Document, checkin: CheckIn, periodic: PeriodicSettings | None = None
) -> str:
    """The note's new text with ``checkin`` added to its log (front matter untouched;
    ``periodic``: the vault's daily notes, whose names may date its lines)."""
    body = doc.body
    head = doc.text[: doc.body_start]
    facts = _log_facts(body, doc.body_line)  # file lines: as log_checkins reads them
    shift = doc.body_line - 1  # from a file line to a body line
    sections = facts.log_sections
    nl = doc.body_newline
    section = sections[0] if sections else None
    later = _first_later(section, checkin, periodic) if section else None
    anchor = _anchor(section, periodic) if section else None
    marker = _marker(anchor, later)

    def entry() -> str:
        return format_log_line(checkin.day, checkin.op, checkin.amount, checkin.note, marker)

    if section is None:
        new_body = _new_section(
            body, entry(), nl, fresh_line=not head or head.endswith(("\n", "\r"))
        )
    elif later is not None:  # a backdated line: before the first item dated after it
        new_body = _insert_after(body, later.line - 1 - shift, entry() + nl)
    elif anchor is not None:
        new_body = _insert_after(body, anchor.last - shift, entry() + nl)
    else:
        content, end = section.content - shift, section.end - shift
        new_body = _at_section_end(body, content, end, entry(), nl)
    text = head + new_body
    _verify(doc, text, checkin, periodic)
    return text


def has_log(doc: Document) -> bool:
    """Whether the note has a Log section."""
    return bool(_log_facts(doc.body, doc.body_line).log_sections)


def uncounted(doc: Document) -> list[tuple[int, str]]:
    """The lines of the note that read as check-ins its log does not count, with why
    (:func:`~journal.core.checkins.uncounted_lines`)."""
    return uncounted_lines(_log_facts(doc.body, doc.body_line))


def _first_later(
    section: LogSection, checkin: CheckIn, periodic: PeriodicSettings | None
) -> LogItem | None:
    """The first top-level item of ``section`` dated after ``checkin``'s day (one that
    is not a check-in line is passed over), or None."""
    for item in section.items:
        try:
            found = parse_log_line(item.text, item.line, periodic=periodic)
        except CheckInError:
            continue
        if found is not None and found.day > checkin.day:
            return item
    return None


def _anchor(section: LogSection, periodic: PeriodicSettings | None) -> LogItem | None:
    """The top-level item the new line goes after: the last dated one, a check-in (one
    whose date is wrong too), else the last of all."""
    for item in reversed(section.items):
        try:
            if parse_log_line(item.text, item.line, periodic=periodic) is not None:
                return item
        except CheckInError:
            return item
    return section.items[-1] if section.items else None


def _marker(anchor: LogItem | None, later: LogItem | None) -> str:
    """The list marker of the new line: that of the item it follows.  In a numbered log,
    the number of the item it goes before, or the one after that item's (markdown counts
    on from a list's first number, so the file's other numbers need no change)."""
    if anchor is None:
        return "-"
    bullet = anchor.marker
    if not bullet[0].isdigit():
        return bullet
    if later is not None:
        number = _NUMBER.match(later.text)
        if number is not None:
            return number.group(1) + bullet[-1]
    after = int(bullet[:-1]) + 1  # markdown reads 9 digits at most: then the same
    return f"{after if after < 10**9 else bullet[:-1]}{bullet[-1]}"


def _line_offsets(body: str) -> list[int]:
    """The offset where each line (1-based index - 1) starts, plus the end of the text."""
    offsets = [0]
    for line in split_lines(body)[:-1]:
        start = offsets[-1] + len(line)
        offsets.append(start + (2 if body.startswith("\r\n", start) else 1))
    offsets.append(len(body))
    return offsets


def _insert_after(body: str, line: int, text: str) -> str:
    """``text`` (ending in a newline) inserted after body line ``line`` (1-based)."""
    offsets = _line_offsets(body)
    at = offsets[line]
    if at == len(body) and not body.endswith(("\n", "\r")):
        # The line is the last one and has no newline: keep the file without one.
        newline = text[len(text.rstrip("\r\n")) :]
        return body + newline + text[: -len(newline)]
    return body[:at] + text + body[at:]


def _at_section_end(body: str, content: int, end: int, entry: str, nl: str) -> str:
    """A first item for a Log section that has none (``content``: the line after its
    heading): after its last non-blank line, with a blank line before it (and before
    a heading that follows)."""
    lines = split_lines(body)
    last = end - 1
    while last >= content and not lines[last - 1].strip():
        last -= 1
    followed_by_heading = end <= len(lines) and last == end - 1
    return _insert_after(body, last, nl + entry + nl + (nl if followed_by_heading else ""))


def _new_section(body: str, entry: str, nl: str, *, fresh_line: bool) -> str:
    """``## Log`` and the entry at the end of the body, on a line of its own (after a
    blank line, unless the body is blank space); a file without a final newline (one
    ending in blank space, or at the closing ``---``) stays without one."""
    ended = body.endswith(("\n", "\r")) if body else fresh_line
    if not body.strip():
        lead = "" if ended else nl
    elif ended:
        lead = "" if split_lines(body)[-2:-1] == [""] else nl
    else:
        lead = nl + nl
    return body + lead + HEADING + nl + nl + entry + (nl if ended else "")


def _verify(doc: Document, text: str, checkin: CheckIn, periodic: PeriodicSettings | None) -> None:
    """The new text must hold the same front matter and the old check-ins plus this one."""
    again = parse_text(text, bom=doc.bom)
    if again.problems or again.yaml_text != doc.yaml_text:
        raise UnsafeWrite("adding the log line would change the front matter; nothing written")
    before, after = _checkins(doc, periodic), _checkins(again, periodic)
    wanted = (checkin.day, checkin.op, checkin.amount, single_line(checkin.note))
    if after - before != Counter([wanted]) or before - after:
        opened = left_open(doc.body)
        if opened is not None:
            what, line = opened
            at = line + doc.body_line - 1
            raise UnsafeWrite(
                f"{what} opened on line {at} is never closed, so the log line would be part "
                "of it; nothing written: close it, then log again",
                line=at,
            )
        raise UnsafeWrite(
            "the log line would not read back as intended (indented text after the log?); "
            "nothing written"
        )


def _checkins(doc: Document, periodic: PeriodicSettings | None) -> Counter[tuple[object, ...]]:
    return Counter((c.day, c.op, c.amount, c.note) for c in log_checkins(doc, periodic))


@functools.lru_cache(maxsize=4)
def _log_facts(body: str, first_line: int) -> BodyFacts:
    """The structure of a body whose first line is file line ``first_line``, read once
    for the few times ``journal log`` needs it (the check-ins before, where the line
    goes, the check-ins before again to verify): a goal's long log takes markdown-it
    a while.  Read only, never changed."""
    return parse_body(body, first_line, want_log=True)


def log_checkins(doc: Document, periodic: PeriodicSettings | None = None) -> list[CheckIn]:
    """The check-ins of a note's Log sections, in file order (lines with an impossible
    date left out; ``periodic``: the vault's daily notes, whose names may date them)."""
    found = []
    for line, text in _log_facts(doc.body, doc.body_line).log_lines:
        try:
            parsed = parse_log_line(text, line, periodic=periodic)
        except CheckInError as exc:  # `+40%` in a goal counted in % is +40
            percent = in_percent(exc, text, doc.data.get("unit") if doc.data else None)
            parsed = parse_log_line(percent, line, periodic=periodic) if percent else None
        if parsed is not None:
            found.append(parsed)
    return found
