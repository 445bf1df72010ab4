"""Numbers typed the way of another locale or keyboard, and how journal wants them.

journal reads a number in ASCII digits, with a decimal point and no thousands separator
(``2.5``, ``1000``).  One typed with a decimal comma (``2,5``), spaces between its
thousands (``1 000``, a French keyboard's no-break space), apostrophes between them
(``1'000``, the Swiss way) or full-width characters (U+FF10-U+FF19 digits, U+FF0E point,
as a Japanese input method types) is refused, never read as another number;
:func:`respelled` gives the form to write instead, for the message that says so.  A
point may part thousands too, the German way (``2.500``): :func:`dotted_thousands` tells
when it may.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from journal.core.regex import lazy

#: The spaces that part a number's thousands (no-break, figure, thin, narrow no-break),
#: which no value is read across: ``+1 000`` is no +1 with a note ``000``.
GROUP_SPACES = "\u00a0\u2007\u2009\u202f"
#: The apostrophes that part a number's thousands the Swiss way (``1'000``, or with U+2019):
#: ``+1'000`` is no +1 with a note ``'000``.
GROUP_APOSTROPHES = "'\u2019"

#: A number once its characters are ASCII (but its apostrophes): its thousands parted by
#: spaces or apostrophes (one kind), or not, a decimal mark, a sign as check-ins write it.
_NUMBER = lazy(
    r"(?P<sign>[+-]|=[+-]?)?"
    rf"(?P<whole>\d{{1,3}}(?P<group>[ {GROUP_APOSTROPHES}])\d{{3}}(?:(?P=group)\d{{3}})*|\d+)"
    r"(?:(?P<mark>[.,])(?P<part>\d+))?",
    re.ASCII,
)


#: A number whose points may part its thousands: 1-3 digits (not starting with 0), then
#: groups of three digits, each after a point.
_DOTTED = lazy(r"(?P<sign>[+-]|=[+-]?)?(?P<whole>[1-9]\d{0,2})(?P<groups>(?:\.\d{3})+)", re.ASCII)


def dotted_thousands(written: str) -> str | None:
    """What to tell of ``written`` when its points may part thousands, the German way:
    two or more groups of three digits after points (``1.000.000``: certainly thousands,
    and no number journal reads), or one group ending in 0 (``2.500``, ``1.000``,
    ``12.300``: an English writer would have written 2.5, 1, 12.3); None for any other
    number (``2.5``, ``2.50``, ``0.500``, ``1.125``)."""
    number = _DOTTED.fullmatch(written.strip())
    if number is None:
        return None
    sign, whole, groups = number.group("sign", "whole", "groups")
    if len(groups) == len(".000") and not groups.endswith("0"):
        return None
    thousands = f"{sign or ''}{whole}{groups.replace('.', '')}"
    if len(groups) > len(".000"):
        return (
            f"`{written}` parts its thousands with points, which journal does not read; "
            f"write {thousands}"
        )
    read = f"{sign or ''}{whole}{groups.rstrip('0').rstrip('.')}"
    return (
        f"`{written}` reads as {read} in journal; write {thousands} if you meant thousands, "
        f"or {read}"
    )


#: The dashes typed for a hyphen or a minus that NFKC keeps (hyphen, figure and en dash,
#: minus sign): in a date or a value, each is meant as ``-``.
DASHES = str.maketrans(dict.fromkeys("\u2010\u2012\u2013\u2212", "-"))


class Respelling(NamedTuple):
    """How to write a number: ``number``, what changes (``how``: ``a decimal with a
    point``), and the characters of the typed one that are not ASCII, named (``chars``:
    `` (U+202F narrow no-break space)``, or empty)."""

    number: str
    how: str
    chars: str


def respelled(written: str) -> Respelling | None:
    """How ``written`` is meant to be written, when it is a number with a decimal comma,
    spaces or apostrophes between its thousands, full-width characters or a dash for its
    minus (:data:`DASHES`); None when it is
    none, is written right already, or is unclear (``2,500``: a decimal comma, or a
    thousands separator?)."""
    import unicodedata

    typed = unicodedata.normalize("NFKC", written.strip()).translate(DASHES)
    number = _NUMBER.fullmatch(typed)
    if number is None or (number.group("mark") == "," and len(number.group("part")) == 3):
        return None
    sign, whole, group, mark, part = number.group("sign", "whole", "group", "mark", "part")
    meant = (
        (sign or "") + (whole.replace(group, "") if group else whole) + (f".{part}" if part else "")
    )
    if meant == written:
        return None
    if mark == ",":
        how = "a decimal with a point"
    elif group == " ":
        how = "it with no space"
    elif group:
        how = "it with no separator"
    else:
        how = "it in ASCII characters"
    return Respelling(meant, how, named_chars(written))


def named_chars(text: str) -> str:
    """`` (U+FF0E fullwidth full stop, full-width digits)``: the characters of ``text``
    that are not ASCII, each named once (its digits together), or empty."""
    import unicodedata

    names: list[str] = []
    for char in text:
        if char.isascii():
            continue
        name = unicodedata.name(char, "").lower()
        name = (
            "full-width digits"
            if name.startswith("fullwidth digit")
            else f"U+{ord(char):04X} {name}".rstrip()
        )
        if name not in names:
            names.append(name)
    return f" ({', '.join(names)})" if names else ""
