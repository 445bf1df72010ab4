"""Check-ins: the dated lines of a goal's ``## Log`` and how they add up.

Grammar of one log line (a top-level list item under a heading named Log)::

    - 2026-11-20: +1 Coffee with [[Dana Ortiz]]
    - 2026-11-21: =4 recounted after the conference
    - 2026-11-22: a note with no number

``+N``/``-N`` change the value, ``=N`` sets it (the sign touches the number: a
line with ``+ 1`` or ``= 4`` is not read, and says so; ``- 3 leaders`` is a note); the
colon after the date is optional; everything after the value is the note.  A line
with a change after a date in another form (``30/11/2026``, ``Nov 30, 2026``,
``30 novembre 2026``) is not read either, and says so; so is one whose value is typed
with a decimal comma, a no-break space between its thousands (``+1 000``, a French
keyboard's) or an apostrophe (``+1'000``, the Swiss way) or full-width characters (a
Japanese input method's), and a line typed all in full-width characters or with en
dashes in its date: it counts nothing, never a shorter number; so is one whose date is
stamped another way (``[2026-11-04 09:14:00 AM] +1``, ``2026-11-03 09:14 AM: +1``,
``2026-11-05, +1``, ``Wed 2026-11-26: +1``).
Hand-written variants read the same: a linked or bold date (``[[2026-11-20]]``,
``**2026-11-20**``), a time after the date (ignored), ``date - note``, and
punctuation right after the number (``+1.``); and, given the vault's daily notes, a
daily note's name, linked or written out (``[[samedi 5 décembre 2026]]``).

Any other note (a daily note, a meeting note) may hold a check-in as an inline
field, dated by the note: ``progress:: [[Goal]] +1 note``.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from journal.core.body import DONE_TASK, BodyFacts, Stray, split_block_id
from journal.core.dates import DateError, parse_date
from journal.core.fences import code_blanked
from journal.core.fields import LARGEST
from journal.core.formatting import exact_number, single_line
from journal.core.moment import ENGLISH
from journal.core.moment_locales import all_names
from journal.core.names import unaccented
from journal.core.numerals import (
    DASHES,
    GROUP_APOSTROPHES,
    GROUP_SPACES,
    named_chars,
    respelled,
)
from journal.core.regex import lazy

if TYPE_CHECKING:
    from journal.core.periodic import PeriodicSettings

_DATE = r"\d{4}-\d{2}-\d{2}"
#: ``+N``, ``-N`` (a change), ``=N`` or ``=-N`` (the value now): the sign touches the
#: number, and the number ends at a space or punctuation (``+1.`` is +1) - not at one
#: that parts its thousands or decimals (``+1 000``, ``+1'000`` - an apostrophe before
#: three digits that end the number: ``+2 it's`` is +2 -, or a full-width point: see
#: :func:`refuse_miswritten`), nor at ``:``, ``;`` or ``-`` before more digits (``+1:30``,
#: ``+2-3``) or at ``%`` (``+40%``): those are no value (see :func:`in_unit`).
_VALUE_TEXT = (
    r"(?P<op>[+-]|=[+-]?)(?P<amount>[0-9]+(?:\.[0-9]+)?)"
    rf"(?!\w|%|[.,/:;\-\uff0c\uff0e{GROUP_SPACES}]\d|[{GROUP_APOSTROPHES}]\d{{3}}(?!\d))"
    r"[.,;:!]*"
)
#: A list item's marker: a bullet, or a number and ``.`` or ``)`` (``1. 2026-11-20: +1``),
#: and a task's checkbox (``- [x] 2026-11-20: +1``).
_MARKER = r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[(?P<task>.)\]\s+)?"
_LINE_PATTERN = rf"(?P<marker>{_MARKER})" + (
    # the date: plain, a link to the daily note ([[2026-11-20]]) or bold (**2026-11-20**)
    rf"(?:\[\[(?:[^\[\]|]*/)?(?P<linked>{_DATE})(?:\|[^\[\]]*)?\]\]"
    rf"|(?P<mark>\*\*|__)(?P<marked>{_DATE}):?(?P=mark)|(?P<plain>{_DATE})\b)"
    # a time of day, ignored; with a UTC offset (+0100, +05:30, Z), refused
    r"(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:(?P<offset>[ \t]*(?:[+-]\d{2}:?\d{2}|Z))\b|\b))?"
    r"\s*(?::|[-\u2013\u2014](?=\s))?\s*"  # "date:", "date - note"
    # the note is stripped in Python: "\s*(.*?)\s*$" is quadratic on spaces inside it
    rf"(?:{_VALUE_TEXT})?(?P<note>.*)"
)
_VALUE = lazy(rf"{_VALUE_TEXT}(?P<note>.*)", re.DOTALL)
#: A plus or equals sign apart from its number (``+ 1``, ``= 4``): meant as a value, but
#: not one.  (A dash and a space set off a note: ``- 3 leaders`` is one.)
_SPACED_SIGN = lazy(r"(?P<sign>\+|=[+-]?)\s+(?P<amount>\d+(?:\.\d+)?)(?!\w|[.:]\d)")
#: A plus sign before a value (``++1``).
_DOUBLED = lazy(r"\+(?P<value>\+\d+(?:\.\d+)?)(?!\w)")
#: A sign touching a number that may be written another way (``+1,5``, ``+1 000``,
#: ``+1'000``, in full-width characters): :func:`~journal.core.numerals.respelled` says
#: how it is meant.
_WRITTEN = lazy(
    r"(?:[+\-\uff0b\uff0d]|[=\uff1d][+\-\uff0b\uff0d]?)"
    rf"\d+(?:[.,\uff0c\uff0e{GROUP_SPACES}{GROUP_APOSTROPHES}]\d+)*(?!\w)"
)
#: Where the word a line starts with ends: at a space, but not one that parts digits.
_FIRST_WORD = lazy(rf"[^\S{GROUP_SPACES}]|[{GROUP_SPACES}](?!\d)")
#: A sign, then an amount written as no value is - with a currency sign, thousands
#: separators, a fraction, hours and minutes or a range (``+1:30``, ``-2-3``), a percent
#: sign, in digits of another script; after ``+`` or ``=`` any number
#: with more glued to it but an ordinal (``+2h``, ``+5km``, ``+1k``; ``+3rd interview`` is
#: a note) - or the minus sign of word processors (``\u2212200``): read as a note with no
#: value but for this.  A word glued to a dash is a note (``-3pm call``, ``-2FA set up``),
#: but for the words of numbers that are none: ``=inf``, ``-infinity``, ``+NaN``, ``+\u221e``.
_NO_VALUE = (
    r"\u2212\d"
    r"|(?:[+-]|=[+-]?)(?:[$\u20ac\u00a3\u00a5]\d|\d{1,3}(?:,\d{3})+\b|\d+/\d|(?![0-9])\d"
    r"|\d+(?:\.\d+)?(?:[:;-]\d|%)"
    r"|(?:inf(?:inity)?|nan)\b|\u221e)"
    r"|(?:\+|=[+-]?)\d(?!\d*(?:st|nd|rd|th)\b)"
)


_NO_VALUE_LINE = lazy(_NO_VALUE, re.IGNORECASE)


def _month_names() -> str:
    """Every month name of the locales journal has (``all_names``) and English, long and
    short, in each form, with and without accents (``décembre``, ``decembre``), the dot
    optional: an alternation, longest first."""
    return _names_of("months", "months_short")


def _locale_names(*kinds: str) -> Iterator[str]:
    """The names of ``kinds`` (:class:`~journal.core.moment.Names` fields) in English and
    every locale journal has (``all_names``), in each form, as listed."""
    for locale in (ENGLISH, *all_names().values()):
        for listed in (getattr(locale, kind) for kind in kinds):
            yield from (*listed.names, *listed.other)


def _names_of(*kinds: str) -> str:
    """The names of ``kinds`` (:func:`_locale_names`) as :func:`_month_names` gives the
    months'."""
    names = {name.rstrip(".") for name in _locale_names(*kinds)}
    names |= {unaccented(name) for name in names}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return rf"(?:{alternation})\.?"


_DIGIT = lazy(r"\d")


_LOG_LINE = lazy(_LINE_PATTERN)  # a log line, as read from a goal's log
#: A log line dated by a daily note's name: a link to it (``[[samedi 5 décembre 2026]]``,
#: a path, heading or alias allowed) or the name written out, then ``:`` or a value.
_NAMED_DAY = lazy(
    rf"(?P<marker>{_MARKER})(?:\[\[(?P<link>[^\[\]|#]+)(?:#[^\[\]|]*)?(?:\|[^\[\]]*)?\]\]"
    r"|(?P<name>[^:\[\]]+?)(?=\s*:|\s+(?:[+-]|=[+-]?)\d))"
    r"\s*(?::|[-\u2013\u2014](?=\s))?\s*(?P<rest>.*)"
)


#: A change as a word of its own (``passed module 4 +1``, ``AM: +1``): a sign touching a
#: number, with a space, punctuation or the line's edge around them (``-3pm``, ``3->4``
#: and ``2026-11-06-2026-11-08`` hold none).
_CHANGE_WORD = lazy(  # the sign first: a search then skips to one
    r"(?:[+-](?<![^\s,;:(\[\]].)|=(?<![^\s,;:(\[\]].)-?)\d+(?:\.\d+)?(?=[.,;:!)\]]*(?:\s|$))"
)
#: A log line dated YYYY-MM-DD in a stamp journal does not read: in brackets, after a
#: word (a weekday: ``Wed 2026-11-26``), with seconds or AM (``[2026-11-04 09:14:00 AM]``,
#: jrnl's); the rest is what follows it.
_STAMPED = lazy(
    rf"(?P<marker>{_MARKER})(?P<stamp>\[?(?:(?P<word>[^\W\d_]{{2,12}}\.?),?[ \t]+)?"
    rf"(?P<day>{_DATE})(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?(?:[ \t]*[AaPp]\.?[Mm]\b\.?)?\]?)"
    r"(?P<rest>.*)"
)
#: What a note starts with where a stamp's words may come before a change (``AM: +1``,
#: ``(Wed): +1``, ``, +1``): two words at most, then a sign and a digit.  A quick no for
#: nearly every note, before :func:`_refuse_stamped` looks closer.
_WORDS_THEN_CHANGE = lazy(r"[^\w+=-]*+(?:[^\W\d_]{1,12}+[^\w+=-]*+){0,2}+(?:[+-]|=-?)\d")
#: What parts a stamp's words (``(Wed):``, ``AM,``).
_STAMP_PUNCT = lazy(r"[,;:()\[\]\-\u2013\u2014]")


@functools.cache
def _stamp_words() -> frozenset[str]:
    """The words a date's stamp may hold, casefolded without dots: ``am``, ``pm`` and the
    weekdays of every locale journal has and English, long and short."""
    names = {
        name.replace(".", "").casefold() for name in _locale_names("weekdays", "weekdays_short")
    }
    return frozenset(names | {unaccented(name) for name in names} | {"am", "pm"})


def _only_stamp(text: str) -> bool:
    """Whether ``text`` holds nothing but a stamp's words (AM or PM, a weekday: at most
    two) and punctuation: ``AM:``, ``, ``, ``(Wed):``."""
    words = _STAMP_PUNCT.sub(" ", text).split()
    if len(words) > 2 or any(char.isdigit() for char in text):
        return False
    folded = (word.replace(".", "").casefold() for word in words)
    return all(word in ("am", "pm") or word in _stamp_words() for word in folded)


def _change_first(change: re.Match[str], before: str) -> str:
    """``VALUE NOTE``: the change ``change`` found in a note, then the note without it
    (``before`` it, and what follows it)."""
    after = change.string[change.end() :].lstrip(".,;:! \t")
    return " ".join(part for part in (change.group(), before.strip(), after) if part)


def _may_hold_change(note: str) -> bool:
    """A quick no for a note holding no change as a word after a space (nearly every
    note: a regex call costs more than these scans; ``follow-up`` passes)."""
    return " +" in note or " -" in note or " =" in note


def _refuse_stamped(marker: str, day: str, stamp: str, rest: str, *, anywhere: bool) -> None:
    """Raise :class:`CheckInError`, with the line to write, when ``rest``, what follows
    the date ``day`` and the ``stamp`` it is written in (``2026-11-03 09:14 ``, ``[2026-11-04
    09:14:00 AM]``), holds a change: past a stamp's words alone (``AM: +1``, ``, +1``,
    ``(Wed): +1``) or, when ``anywhere``, past other words (they go to the note)."""
    change = _CHANGE_WORD.search(rest)
    if change is None:
        return
    before = rest[: change.start()]
    stamped = _only_stamp(before)
    if not (stamped or anywhere):
        return
    try:
        parse_date(day)
    except DateError as exc:
        raise CheckInError(exc.message) from None
    fix = f"{marker.strip()} {day}: {_change_first(change, '' if stamped else before)}"
    raise CheckInError(
        f"the date and change are written '{(stamp + before + change.group()).strip()}', "
        f"which journal does not read: write '{fix}'; the line is not read"
    )


def late_change(checkin: CheckIn) -> str | None:
    """Why a dated note holding a change after its first words (``passed module 4 +1``)
    changes nothing, with the line to write; None for any other note.  The line stays a
    note: the number may be the note's own."""
    note = checkin.note
    change = _CHANGE_WORD.search(note) if _may_hold_change(note) else None
    if change is None:
        return None
    fix = format_log_line(
        checkin.day, None, 0, _change_first(change, checkin.note[: change.start()])
    )
    return (
        f"the change '{change.group()}' comes after the note's first words, so it changes "
        f"nothing: write '{fix}' (a change comes right after the date); the line is read as "
        "a note"
    )


@functools.cache
def _other_date_line() -> re.Pattern[str]:
    """A list item that starts with a date in a form other than YYYY-MM-DD:
    ``30/11/2026``, ``11/30/26``, ``30.11.2026``, ``2026/11/30``, ``2026-11-3``,
    ``Nov 30, 2026``, ``30 November 2026``, ``30 novembre 2026``, ``21 de noviembre de
    2026`` (a month name's year may be left out: ``Dec 12``), ``2026年11月30日``, a
    weekday before a day or month name (``samedi 5 décembre 2026``); the rest is what
    follows the separator."""
    month = _month_names()
    weekday = rf"(?:{_names_of('weekdays', 'weekdays_short')},?\s+)?"
    other_date = _MARKER + (
        r"(?P<date>"
        rf"{_DATE}T\d{{2}}:\d{{2}}(?::\d{{2}})?"  # a date and time
        r"|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
        rf"|{weekday}{month}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
        rf"|{weekday}\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?{month}(?:,?\s+(?:de\s+)?\d{{4}})?"
        r"|(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[(\uff08][日月火水木金土][)\uff09])?)(?!\w|[/.-]\w)"
        r"\s*(?:[:\uff1a]|[-\u2013\u2014](?=\s))?\s*(?P<rest>.*)$"
    )
    return re.compile(other_date, re.IGNORECASE)


class CheckIn(NamedTuple):
    """One measurement (or a dated note when ``op`` is None); ``note`` as the line has it
    (what a log line is matched by), shown and copied as :attr:`text`."""

    day: date
    op: str | None  # "+", "-", "=" or None
    amount: float
    note: str
    line: int
    path: str = ""

    @property
    def text(self) -> str:
        """The note without the block id ending it (``^d1``: see :func:`split_block_id`)."""
        return split_block_id(self.note)[0]

    @property
    def block(self) -> str | None:
        """The block id ending the line (``d1``), which links to it: ``[[Note#^d1]]``."""
        return split_block_id(self.note)[1]

    def apply(self, value: float) -> float:
        if self.op == "+":
            return exact_sum(value, self.amount)
        if self.op == "-":
            return exact_sum(value, -self.amount)
        if self.op == "=":
            return self.amount
        return value

    @property
    def value_text(self) -> str:
        if self.op is None:
            return ""
        return f"{self.op}{exact_number(self.amount)}"


#: The note of the line ``journal log`` adds for progress the log lacked (made by hand,
#: or by ``journal set`` with no Log section): dated the day it is written, not the day
#: the progress was made.
BEFORE_THE_LOG = "made before the log"


def log_agrees(baseline: float | None, log: list[CheckIn], current: float | None) -> bool:
    """Does ``current`` equal ``baseline`` plus the goal's own ``log``?  Yes when there is
    nothing to compare (no ``current``, no measuring check-in); equal up to float
    rounding (``+0.1`` and ``+0.2`` make 0.3, and a sum's rounding is far below one part
    in 10^12, so 10^12 and 10^12 + 500 still differ).  ``journal log``, ``journal log
    GOAL`` and M007 all ask this."""
    measured = [c for c in log if c.op is not None]
    return current is None or not measured or gives(baseline, measured, current)


def gives(baseline: float | None, log: list[CheckIn], value: float) -> bool:
    """Does ``baseline`` plus ``log`` come to ``value`` (up to float rounding)?"""
    return math.isclose(replay(baseline or 0, log), value, rel_tol=1e-12, abs_tol=1e-9)


class CheckInError(ValueError):
    """A dated log line that can't be read: its date is not real or not YYYY-MM-DD, or
    its value is written so that it would be misread."""


class MiswrittenValue(CheckInError):
    """A value that would be misread: ``written`` (a sign apart from its number, ``+ 1``;
    a decimal comma, ``+1,5``) is meant as ``value`` (``+1``, ``+1.5``)."""

    def __init__(self, message: str, value: str, written: str) -> None:
        super().__init__(message)
        self.value = value
        self.written = written


def refuse_miswritten(text: str) -> None:
    """Raise :class:`MiswrittenValue` when ``text`` starts with a sign apart from its
    number, with a number holding a decimal comma (read as ``+1`` and a note ``5``),
    spaces between its thousands (``+1 000``) or full-width characters, or
    with a sign and an amount written otherwise (see :data:`_NO_VALUE`)."""
    spaced = _SPACED_SIGN.match(text)
    if spaced is not None:
        value, written = "".join(spaced.group("sign", "amount")), spaced.group()
        raise MiswrittenValue(
            f"the sign must touch the number: write {value}, not {written}", value, written
        )
    doubled = _DOUBLED.match(text)
    if doubled is not None:
        value, written = doubled.group("value"), doubled.group()
        raise MiswrittenValue(f"one sign: write {value}, not {written}", value, written)
    number = _WRITTEN.match(text)
    meant = respelled(number.group()) if number is not None else None
    if number is not None and meant is not None:
        written = number.group()
        raise MiswrittenValue(
            f"write {meant.how}: {meant.number}, not {written}{meant.chars}",
            meant.number,
            written,
        )
    if _NO_VALUE_LINE.match(text) is not None and _VALUE.match(text) is None:
        written = _FIRST_WORD.split(text, maxsplit=1)[0]
        raise MiswrittenValue(
            f"'{written}' is no value journal reads: write the sign (+, - or =) and the "
            "number alone, in digits 0-9 with a decimal point (+2500, +0.5, -200)",
            written,
            written,
        )


def parse_log_line(
    text: str, line: int, path: str = "", periodic: PeriodicSettings | None = None
) -> CheckIn | None:
    """The check-in on a log line, None when the line is not one.

    A date not written YYYY-MM-DD is read as a daily note's name, in the format and
    locale of ``periodic`` (the vault's: none without it): linked
    (``[[samedi 5 décembre 2026]]``) or written out.

    Raises :class:`CheckInError` for a dated line whose date is not real, for a change
    after a date not written YYYY-MM-DD nor a daily note's name (the day it means is not
    guessed), after a link that names no day, or after a full-width colon, for a value
    written so that it would be misread (see :func:`refuse_miswritten`), for a change
    after a date stamped another way (``[2026-11-04 09:14:00 AM] +1``, ``2026-11-05, +1``,
    ``Wed 2026-11-26: +1``: see :func:`_refuse_stamped`), and for a task
    not done (``- [ ]``, cancelled ``- [-]``, in progress ``- [/]``: any but ``[x]``),
    which counts when ticked.
    """
    match = _LOG_LINE.match(text)
    if match is None:
        named = _NAMED_DAY.match(text)
        name = (named.group("link") or named.group("name")).strip() if named else ""
        day = periodic.day_named(name) if named and periodic is not None else None
        if named is not None and day is not None:
            rest = named.group("rest")
            value = _VALUE.match(rest)
            note = value.group("note") if value is not None else rest
            return _dated(day, name, named.group("task"), value, note, line, path)
        # every other date form has a digit: the months of 13 locales are built, and
        # their long pattern tried, only for a line that may hold one
        digit = _DIGIT.search(text) is not None
        other = _other_date_line().match(text) if digit else None
        rest = other.group("rest") if other is not None else ""
        if other is not None and _holds_value(rest):
            raise CheckInError(
                f"the date '{other.group('date')}' must be written YYYY-MM-DD (which day "
                "it means is not guessed); the line is not read"
            )
        stamped = _STAMPED.match(text) if digit and other is None else None
        if stamped is not None and _only_stamp(stamped.group("word") or ""):
            stamp, rest = stamped.group("stamp", "rest")
            _refuse_stamped(
                stamped.group("marker"), stamped.group("day"), stamp, rest, anywhere=True
            )
        if not text.isascii():
            _refuse_other_characters(text)
            done = _DONE_ON.fullmatch(text)
            if done is not None:
                raise CheckInError(
                    "a task dated only by its done date (✅): write "
                    f"'- {done.group('day')}: {done.group('text')}'; the line is not read"
                )
        if named is not None and named.group("link") and _holds_value(named.group("rest")):
            raise CheckInError(f"{undated_link(name, periodic)}; the line is not read")
        return None
    day_text = match.group("linked") or match.group("marked") or match.group("plain")
    try:
        day = parse_date(day_text)
    except DateError as exc:
        raise CheckInError(exc.message) from None
    if match.group("offset"):
        raise CheckInError(
            f"a time with a UTC offset ('{match.group('offset').strip()}') is read as no "
            f"change: write '- {day_text}: +N note' (a time alone may stay); the line is not "
            "read"
        )
    value = match if match.group("op") is not None else None
    note = match.group("note")
    found = _dated(day, day_text, match.group("task"), value, note, line, path)
    if value is None and _may_hold_change(note) and _WORDS_THEN_CHANGE.match(note):
        marker = match.group("marker")
        stamp = text[len(marker) : match.start("note")]
        _refuse_stamped(marker, day_text, stamp, note, anywhere=False)
    return found


class LogLines:
    """:func:`parse_log_line` with one vault's ``periodic`` settings, each line's text
    read once: a goal's history reads the lines of every version of its file again (a
    log kept daily for years: thousands of versions of thousands of lines)."""

    def __init__(self, periodic: PeriodicSettings | None) -> None:
        self.periodic = periodic
        self._read: dict[str, CheckIn | None] = {}

    def __call__(self, text: str, line: int, path: str) -> CheckIn | None:
        if text in self._read:
            found = self._read[text]
        else:  # a line that can't be read raises again each time (they are few)
            found = self._read[text] = parse_log_line(text, 0, "", self.periodic)
        if found is None:
            return None
        day, op, amount, note, _line, _path = found
        return CheckIn(day, op, amount, note, line, path)


#: A ticked task dated by the Tasks plugin's done date alone: ``- [x] +1 Talk ✅ 2026-12-02``.
_DONE_ON = lazy(r"\s*[-*+]\s+\[[xX]\]\s+(?P<text>.*?)\s*✅\ufe0f?\s*(?P<day>\d{4}-\d\d-\d\d)\s*")


#: A number alone at the start of a dated note (``1 recommendations``, ``2 d``, ``1+ g``).
_UNSIGNED = lazy(r"(?P<number>\d+(?:\.\d+)?)\+?(?=\s|$)")


def unsigned_number(note: str) -> str | None:
    """Why a dated note that starts with a number alone (``1 recommendations``, ``1+ g``)
    changes nothing - a change typed without its sign, likely; None for any other note.
    The line stays a note: which change is meant is not guessed."""
    match = _UNSIGNED.match(note)
    if match is None:
        return None
    return (
        f"'{match.group()}' has no sign, so it changes nothing: write +{match.group('number')} "
        "to add it (=N sets the value); the line is read as a note"
    )


def undated_link(name: str, periodic: PeriodicSettings | None) -> str:
    """Why a link to ``name`` dates no log line, and how the date is written."""
    told = f"'[[{name}]]' names no day"
    daily = periodic.daily if periodic is not None else None
    if periodic is None or daily is None or daily.names is None:
        return f"{told}: write the date YYYY-MM-DD ([[2026-11-20]])"
    return f"{told}: {periodic.daily_names(name)}, or write the date YYYY-MM-DD"


def _dated(
    day: date,
    day_text: str,
    task: str | None,
    value: re.Match[str] | None,
    note: str,
    line: int,
    path: str,
) -> CheckIn:
    """The check-in on ``day`` (written ``day_text``) with ``value``, a match holding its
    op and amount (None: a dated note), and ``note``; raises :class:`CheckInError` for a
    task not done or a misread value."""
    if task is not None and task not in DONE_TASK:
        raise CheckInError(
            f"a task not done (`[{task}]`) counts nothing: it counts when ticked (`[x]`)"
        )
    note = note.strip()
    if value is None:
        if note.startswith("\uff1a") and _holds_value(note[1:].lstrip()):
            raise CheckInError(
                f"a full-width colon '\uff1a' (U+FF1A) follows the date: write '{day_text}:'; "
                "the line is not read"
            )
        refuse_miswritten(note)
        return CheckIn(day, None, 0.0, note, line, path)
    return CheckIn(day, *_op_amount(value), note, line, path)


def _refuse_other_characters(text: str) -> None:
    """Raise :class:`CheckInError` when ``text`` is a log line typed in other characters
    (full-width ones, as a Japanese input method types, or an en dash in the date): one
    that is one once its characters are folded to ASCII (NFKC, and dashes to ``-``)."""
    match = _LOG_LINE.match(unicodedata.normalize("NFKC", text).translate(DASHES))
    if match is None:
        return
    day = next(group for group in ("linked", "marked", "plain") if match.group(group))
    value = f" {match.group('op')}{match.group('amount')}" if match.group("op") else ""
    end = match.end("amount" if value else day)
    folded = (len(unicodedata.normalize("NFKC", char)) for char in text)
    typed = next((n for n, size in enumerate(itertools.accumulate(folded), 1) if size >= end), 0)
    written = text[:typed]
    raise CheckInError(
        f"write it in ASCII characters: '{match.group('marker')}"
        f"{match.group(day)}:{value}', not '{written}'{named_chars(written)}; the line is "
        "not read"
    )


def _holds_value(text: str) -> bool:
    """Whether ``text`` starts with a value, written right or so that it would be
    misread (``+1``, ``+ 1``, ``+1,5``)."""
    try:
        refuse_miswritten(text)
    except MiswrittenValue:
        return True
    return _VALUE.match(text) is not None


_HOURS = frozenset({"h", "hr", "hrs", "hour", "hours"})
_MINUTES = frozenset({"m", "min", "mins", "minute", "minutes"})
#: A value with hours and minutes (``+1:30``, ``+1h30``), hours (``+1.5h``), minutes
#: (``+45min``) or a percent sign (``+40%``).
_UNIT_GLUED = lazy(
    r"(?P<op>[+-]|=[+-]?)(?P<number>\d+(?:\.\d+)?)(?:(?:[:;]|(?P<h>h))(?P<minutes>[0-5]\d)"
    r"(?:m|min)?|(?P<unit>h|hrs?|hours?|m|mins?|minutes?|%))[.,;:!]*",
    re.IGNORECASE,
)


#: A value with more glued to its number: digits after ``:``, ``;`` or ``-``, a letter,
#: a percent sign (``+1:30``, ``+2-3``, ``+1.5h``, ``+5km``, ``+40%``).
_GLUED = lazy(r"(?:[+-]|=[+-]?)\d+(?:\.\d+)?(?:[:;-]\d|[a-z%])", re.IGNORECASE)


def unit_glued(written: str) -> bool:
    """Whether the value ``written`` has more glued to its number (see :data:`_GLUED`),
    which the number alone, in the goal's unit, would say."""
    return _GLUED.match(written) is not None


def in_unit(written: str, unit: object) -> str | None:
    """The value ``written`` with hours and minutes or a unit glued on (``+1:30``,
    ``+1h30``, ``+1.5h``, ``+45min``, ``+40%``) stands for, in a goal's ``unit`` when that
    is hours, minutes or ``%`` (``+1.5``, ``+90``, ``+40``); None for any other."""
    glued = _UNIT_GLUED.fullmatch(written)
    wanted = str(unit).strip().casefold() if unit is not None else ""
    if glued is None or wanted not in (_HOURS | _MINUTES | {"%"}):
        return None
    amount = float(glued.group("number"))
    given = (glued.group("unit") or "h").casefold()
    if given == "%" or wanted == "%":
        return glued.group("op") + glued.group("number") if given == wanted else None
    if glued.group("minutes"):
        amount += int(glued.group("minutes")) / 60
    elif given in _MINUTES:
        amount /= 60
    amount = amount * 60 if wanted in _MINUTES else amount
    return f"{glued.group('op')}{exact_number(round(amount, 2))}"


def percent_unit(unit: object) -> bool:
    """Whether a goal's ``unit`` is ``%``, which reads a log line's ``+40%`` as ``+40``
    (:func:`in_percent`)."""
    return unit == "%"


def in_percent(told: CheckInError, text: str, unit: object) -> str | None:
    """The log line ``text``, refused as ``told``, with its value written with ``%``
    (``+40%``) as the number alone (``+40``) when the goal's ``unit`` is ``%``, which
    reads it so; else None (in any other unit it is no value: H006)."""
    if not percent_unit(unit) or not isinstance(told, MiswrittenValue):
        return None
    meant = in_unit(told.written, unit)
    return None if meant is None else text.replace(told.written, meant, 1)


def parse_value(text: str) -> tuple[str, float, str] | None:
    """``(op, amount, rest)`` from ``+1 note``, ``=4``, ``=-2``, ``-2 ...``; None otherwise
    (raises :class:`MiswrittenValue` for a number too large to be one)."""
    match = _VALUE.match(text.strip())
    if match is None:
        return None
    return (*_op_amount(match), match.group("note").strip())


def _op_amount(match: re.Match[str]) -> tuple[str, float]:
    """The operation and amount of a matched value (``=-2`` is ``=`` and -2.0).  Raises
    :class:`MiswrittenValue` for a number past :data:`~journal.core.fields.LARGEST`, as
    ``current`` may not be (the verifier: 300 nines counted as 1.0000000000000000525e300,
    and the fix M007 gave, that ``current``, was refused)."""
    sign, digits = match.group("op", "amount")
    amount = float(digits)
    if abs(amount) > LARGEST:
        written = sign + digits
        shown = written if len(written) <= 20 else f"{written[:20]}..."
        raise MiswrittenValue(
            f"'{shown}' is no value journal reads: a value is at most 10^15",
            written,
            written,
        )
    return sign[0], -amount if sign == "=-" else amount


_day: Callable[[CheckIn], date] = operator.attrgetter("day")
_note: Callable[[CheckIn], str] = operator.attrgetter("note")


def running(start: float, checkins: list[CheckIn]) -> list[tuple[CheckIn, float]]:
    """Each check-in (in date order, stable) with the value just after it, counting from
    ``start``."""
    out = []
    value = start
    for checkin in sorted(checkins, key=_day):
        value = checkin.apply(value)
        out.append((checkin, value))
    return out


def restated(
    baseline: float | None, log: list[CheckIn], added: Callable[[date], float] | None = None
) -> list[CheckIn]:
    """A goal's own ``log`` in date order, each line for progress made before the log
    (:data:`BEFORE_THE_LOG`) as the ``=N`` it stands for: the value baseline plus the
    log gives after it, plus what ``added`` gives for its day (what other notes add by
    then).  That progress was made before its day: a value committed before it holds
    it already, and added to that it would count twice."""
    if BEFORE_THE_LOG not in map(_note, log):  # most goals: nothing to replay
        return sorted(log, key=_day)
    return [
        c._replace(op="=", amount=exact_sum(value, added(c.day) if added else 0))
        if c.op is not None and c.note == BEFORE_THE_LOG
        else c
        for c, value in running(baseline or 0, log)
    ]


def replay(start: float, checkins: list[CheckIn]) -> float:
    """The value after applying ``checkins`` (in date order, stable) to ``start``."""
    steps = running(start, checkins)
    return steps[-1][1] if steps else start


def exact_sum(a: float, b: float) -> float:
    """``a + b`` in decimal, as the numbers are written: +0.1 +0.2 -0.3 is 0, not
    5.55e-17; 1 + 0.0000000004 is 1.0000000004; 576087000000001 + 0.5 keeps its half."""
    if (
        not (a and b)  # adding 0 is exact (the usual offset of a series)
        or (float(a).is_integer() and float(b).is_integer())  # whole: exact (most)
        or not (math.isfinite(a) and math.isfinite(b))
    ):
        return a + b
    from decimal import Decimal  # C-fast; only check-ins with values need it

    return float(Decimal(repr(a)) + Decimal(repr(b)))


def format_log_line(day: date, op: str | None, amount: float, note: str, bullet: str = "-") -> str:
    """The log line :func:`parse_log_line` reads back as this check-in:
    ``- 2026-11-20: +1 Coffee with [[Dana Ortiz]]``; a dated note (``op`` None)
    ``- 2026-11-20: No meetings this week``."""
    value = f"{op}{exact_number(amount)} " if op is not None else ""
    return f"{bullet} {day.isoformat()}: {value}{single_line(note)}".rstrip()


def uncounted_lines(facts: BodyFacts) -> list[tuple[int, str]]:
    """Each line of a goal's body (``facts``) that reads as a check-in with a value but
    that its log does not count, with why and the fix: a list item outside its Log
    sections (under another heading, a line meant as one, ``**Log**``, or none) or one
    whose marker has no space after it (``-2026-11-10: +2``).  A task is none: an action
    planned for a day is no check-in."""
    log = facts.log_sections[0] if facts.log_sections else None
    there = None  # the Log heading a line outside it goes under
    if log is not None:
        title = next(h for h in facts.headings if h.line == log.heading)
        there = f"'{'#' * title.level} {title.text}' (line {log.heading})"
    told = []
    for stray in facts.strays:
        text = stray.text.strip()
        written = text if stray.spaced else f"{text[0]} {text[1:]}"
        found = _LOG_LINE.match(written)
        if found is None or found.group("op") is None or found.group("task") is not None:
            continue
        told.append((stray.line, f"log line {_why_uncounted(stray, text, written, there)}"))
    for line, row in facts.log_rows:
        fix = _row_as_line(row)
        if fix is not None:
            told.append(
                (
                    line,
                    "log line in a table: journal reads no table, so it counts nothing; "
                    f"write it as a list item: '{fix}'",
                )
            )
    return sorted(told)


def _row_as_line(row: str) -> str | None:
    """The log line a table's row (``| 2026-10-01 | +1 | Module 1 passed |``) stands for,
    its cells in order and the change first; None for a row that is no check-in (no
    date in its first cell, or no change in the others)."""
    cells = (cell.strip() for cell in row.strip().strip("|").split("|"))
    found = _LOG_LINE.match("- " + " ".join(cell for cell in cells if cell))
    if found is None or found.group("task") is not None:
        return None
    day = found.group("linked") or found.group("marked") or found.group("plain")
    note = found.group("note").strip()
    if found.group("op") is not None:
        return f"- {day}: {found.group('op')}{found.group('amount')} {note}".rstrip()
    change = _CHANGE_WORD.search(note)
    return None if change is None else f"- {day}: {_change_first(change, note[: change.start()])}"


_A_LOG_HEADING = "a '## Log' heading"


def _why_uncounted(stray: Stray, text: str, written: str, there: str | None) -> str:
    """Why the check-in line ``stray`` (``text``, as a list item ``written``) counts
    nothing, and the fix; ``there``: the goal's Log heading and its line, if any."""
    under = stray.under
    if not stray.spaced:
        place = "" if under is None else f" under {there or _A_LOG_HEADING}"
        return (
            f"with no space after its '{text[0]}' is no list item: it counts nothing; "
            f"write '{written}'{place}"
        )
    if not under:
        where = "no heading"
    else:
        where = f"'{under}'" if stray.heading else f"'{under}', which is no heading"
    if there is not None:
        return f"under {where}, not under {there}: it counts nothing; move it there"
    if not under:
        return f"under {where}: it counts nothing; add {_A_LOG_HEADING} above it"
    if not stray.heading:
        return f"under {where}: it counts nothing; write '## Log' there instead"
    level = under.lstrip("> ").split(" ", 1)[0]
    return (
        f"under {where}, not a Log heading: it counts nothing; name that heading "
        f"'{level} Log', or add {_A_LOG_HEADING} above the line"
    )


INLINE_KEY = "progress"
_INLINE = lazy(r"^\s*!?\[\[([^\[\]\n]+?)\]\]\s*(.*)$")
_INLINE_VALUE = lazy(rf"\s*!?\[\[[^\[\]\n]+?\]\]\s*{_VALUE_TEXT}")


def written_value(text: str) -> str | None:
    """The value of a log line (``- 2026-11-20: +1.000 note``) or of a ``progress::``
    field (``[[Goal]] +1.000 note``) as written (``+1.000``); None when it has none."""
    match = _LOG_LINE.match(text) or _INLINE_VALUE.match(code_blanked(text))
    if match is None or match.group("op") is None:
        return None
    return match.group("op") + match.group("amount")


def inline_target(value: str) -> str | None:
    """The link target ``[[Goal]] +1 note`` (a ``progress::`` field's value) starts with
    (``Goal``), None when it starts with no link."""
    link = inline_link(value)
    return None if link is None else link[2:-2].split("|", 1)[0].split("#", 1)[0].strip()


def inline_link(value: str) -> str | None:
    """The link ``[[Goal|shown]] +1 note`` (a ``progress::`` field's value) starts with,
    as written (``[[Goal|shown]]``), None when it starts with no link (outside code)."""
    match = _INLINE.match(code_blanked(value))
    return None if match is None else f"[[{value[match.start(1) : match.end(1)]}]]"


def parse_inline(value: str, day: date, line: int, path: str) -> tuple[str, CheckIn] | None:
    """``[[Goal]] +1 note`` (the value of a ``progress::`` field, as written) as (link
    target, check-in); None when it does not start with a link.  The link and the amount
    are read outside code spans, the note is as written (`` [[Goal]] +1 ran `make` ``).
    Raises :class:`MiswrittenValue` for ``[[Goal]] + 1`` or ``[[Goal]] +1,5``, which is
    no check-in (not even a dated note)."""
    match = _INLINE.match(code_blanked(value))
    if match is None:
        return None
    target = inline_target(value)
    assert target is not None  # the value starts with a link
    rest = match.group(2)  # (it starts with no space, nor code)
    found = _VALUE.match(rest)
    if found is None:
        refuse_miswritten(rest)  # the note: all after the link ("[[Goal]] `+5` ran")
        return target, CheckIn(day, None, 0.0, value[match.end(1) + 2 :].strip(), line, path)
    note = value[match.start(2) + found.start("note") :].strip()
    return target, CheckIn(day, *_op_amount(found), note, line, path)
