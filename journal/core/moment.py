"""moment.js date formats, as Obsidian's Daily Notes and Periodic Notes use them.

:func:`render` writes a date the way ``moment(date).format(fmt)`` does and
:func:`parse` reads a name back the way ``moment(name, fmt, true)`` (strict)
does, for the date tokens note names use:

- years ``YYYY`` ``YY`` ``Y``; ISO week-years ``GGGG`` ``GG``; locale week-years ``gggg`` ``gg``
- ISO weeks ``WW`` ``W`` ``Wo``; locale weeks ``ww`` ``w`` ``wo``
- months ``MM`` ``M`` ``Mo`` ``MMM`` ``MMMM``; quarters ``Q`` ``Qo``
- days ``DD`` ``D`` ``Do``; days of the year ``DDDD`` ``DDD`` ``DDDo``
- weekdays ``dddd`` ``ddd`` ``dd`` ``d`` ``do``, ISO ``E``, locale ``e``
- ``[literal text]`` and ``\\x`` escapes; any other character is itself.

Month and weekday names and ordinals (``Do``...) are a locale's :class:`Names`:
English (:data:`ENGLISH`, Obsidian's default language) unless one is given
(``core/moment_locales.py`` has moment's names of other locales).  Time tokens
(``HH``, ``mm``...) have no place in a note name and are refused with
:class:`FormatError`.  Locale weeks follow :class:`LocaleWeek` (moment's week
rules: the first day of the week and the January day that is always in week 1).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field
from datetime import date, timedelta
from functools import lru_cache

from journal.core.errors import JournalError
from journal.core.records import Record, record
from journal.core.regex import lazy

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")

# moment's own tokenizer (format.js): a bracketed literal, else an escaped or plain token,
# else any one character.
_TOKEN = lazy(
    r"(\[[^\[]*\])|(\\)?([Hh]mm(?:ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?"
    r"|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(?:ggg?)?|GG(?:GGG?)?|e|E|a|A|hh?|HH?"
    r"|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|LTS|LT|L{1,4}|l{1,4}|.)",
    re.DOTALL,
)
_DATE_TOKENS = frozenset(
    "YYYY YY Y GGGG GG gggg gg WW W Wo ww w wo MM M Mo MMM MMMM Q Qo DD D Do DDDD DDD DDDo "  # noqa: SIM905
    "dddd ddd dd d do E e".split()
)
_NAMED = ("MMMM", "MMM", "dddd", "ddd", "dd")  # tokens written as a locale's names
_OTHER_TOKENS = lazy(r"[Hh]mm(?:ss)?|[HhkmsSaAxXzZN]+|y+|Y{5,6}|G{5}|g{5}")


class FormatError(JournalError):
    """A date format this tool can't render or read."""


@record(frozen=True, slots=True)
class LocaleWeek(Record):
    """moment's locale week: ``dow`` is the first day (0 Sunday ... 6 Saturday) and
    ``7 + dow - doy`` the day of January that is always in week 1.

    The default is moment's English locale, Obsidian's default language: weeks
    start on Sunday and week 1 holds 1 January.  ``LocaleWeek(1, 4)`` is ISO.
    """

    dow: int = 0
    doy: int = 6

    def first_week_offset(self, year: int) -> int:
        fwd = 7 + self.dow - self.doy  # the day of January always in week 1
        fwd_weekday = _js_weekday(date(year, 1, 1) + timedelta(days=fwd - 1))
        return -((7 + fwd_weekday - self.dow) % 7) + fwd - 1

    def weeks_in_year(self, year: int) -> int:
        days = (date(year + 1, 1, 1) - date(year, 1, 1)).days
        return (days - self.first_week_offset(year) + self.first_week_offset(year + 1)) // 7

    def week_of(self, day: date) -> tuple[int, int]:
        """(week-year, week) of ``day``, as moment's ``gggg`` and ``ww`` give them."""
        offset = self.first_week_offset(day.year)
        week = (day.timetuple().tm_yday - offset - 1) // 7 + 1
        if week < 1:
            return day.year - 1, week + self.weeks_in_year(day.year - 1)
        if week > self.weeks_in_year(day.year):
            return day.year + 1, week - self.weeks_in_year(day.year)
        return day.year, week

    def day_of(self, year: int, week: int, weekday: int) -> date:
        """The day of locale week ``week`` of week-year ``year``; ``weekday`` 0 is Sunday."""
        local = (7 + weekday - self.dow) % 7
        day_of_year = 1 + 7 * (week - 1) + local + self.first_week_offset(year)
        return date(year, 1, 1) + timedelta(days=day_of_year - 1)

    def start_of_week(self, day: date) -> date:
        """moment's ``startOf('week')``."""
        return day - timedelta(days=(_js_weekday(day) - self.dow) % 7)


ISO_WEEK = LocaleWeek(1, 4)
ENGLISH_WEEK = LocaleWeek()


def _js_weekday(day: date) -> int:
    """0 for Sunday ... 6 for Saturday, as JavaScript's ``getDay``."""
    return (day.weekday() + 1) % 7


@record(frozen=True, slots=True)
class NameList(Record):
    """One kind of a locale's names (January or Sunday first).  Some locales write
    ``other`` names when the whole format matches the regular expression ``other_if``
    (moment's format and standalone forms: Russian months after a day, ``D MMMM``, are
    genitive); reading takes either."""

    names: tuple[str, ...]
    other: tuple[str, ...] = ()
    other_if: str = ""

    def for_format(self, fmt: str) -> tuple[str, ...]:
        """The names moment writes in ``fmt``."""
        return self.other if self.other_if and re.search(self.other_if, fmt) else self.names


@record(frozen=True, slots=True)
class Names(Record):
    """A moment locale's names (``MMMM``, ``MMM``, ``dddd``, ``ddd``, ``dd``) and its
    ``ordinal(number, period)`` (``Do`` is ``ordinal(day, "D")``; the period is the
    token without its ``o``).  Names are equal when of the same ``locale``."""

    locale: str
    months: NameList = field(compare=False)
    months_short: NameList = field(compare=False)
    weekdays: NameList = field(compare=False)
    weekdays_short: NameList = field(compare=False)
    weekdays_min: NameList = field(compare=False)
    ordinal: Callable[[int, str], str] = field(compare=False)

    def of(self, token: str) -> NameList:
        """The names a name token (one of ``MMMM MMM dddd ddd dd``) writes."""
        return (
            self.months,
            self.months_short,
            self.weekdays,
            self.weekdays_short,
            self.weekdays_min,
        )[_NAMED.index(token)]


def _english_ordinal(number: int, _period: str) -> str:
    """``1st``, ``2nd``, ``11th``, ``23rd``: English ordinals, as moment writes them."""
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


ENGLISH = Names(
    "en",
    NameList(MONTHS),
    NameList(tuple(m[:3] for m in MONTHS)),
    NameList(WEEKDAYS),
    NameList(tuple(d[:3] for d in WEEKDAYS)),
    NameList(tuple(d[:2] for d in WEEKDAYS)),
    _english_ordinal,
)


def uses_names(fmt: str) -> bool:
    """Whether ``fmt`` writes names or ordinals, which differ from locale to locale."""
    return any(is_token and _is_named(text) for text, is_token in tokens(fmt))


def _is_named(token: str) -> bool:
    return token in _NAMED or token.endswith("o")


@lru_cache(maxsize=64)
def tokens(fmt: str) -> tuple[tuple[str, bool], ...]:
    """The format as (text, is_token) pieces; literals already unescaped."""
    pieces: list[tuple[str, bool]] = []
    for match in _TOKEN.finditer(fmt):
        bracketed, escaped, token = match.groups()
        if bracketed is not None:
            pieces.append((bracketed[1:-1], False))
        elif escaped:
            pieces.append((token, False))
        elif token in _DATE_TOKENS:
            pieces.append((token, True))
        elif token[0] in "Ll":  # moment's formats of the locale, which it expands first
            raise FormatError(
                f"the date format '{fmt}' uses '{token}', a format of the locale, which "
                "journal does not read: write the tokens it stands for in the setting (in "
                "English, L is MM/DD/YYYY, LL is MMMM D, YYYY, ll is MMM D, YYYY)"
            )
        elif _OTHER_TOKENS.fullmatch(token):
            raise FormatError(
                f"the date format '{fmt}' uses '{token}', which has no place in a note name "
                "(only date tokens such as YYYY, MM, DD, ddd, GGGG, WW, gggg, ww are supported)"
            )
        else:
            pieces.append((token, False))
    return tuple(pieces)


def render(fmt: str, day: date, week: LocaleWeek = ENGLISH_WEEK, names: Names = ENGLISH) -> str:
    """``moment(day).format(fmt)``."""
    return "".join(
        _render_token(text, day, week, names, fmt) if is_token else text
        for text, is_token in tokens(fmt)
    )


def _render_token(token: str, day: date, week: LocaleWeek, names: Names, fmt: str) -> str:
    if token in _NAMED:
        index = day.month - 1 if token[0] == "M" else _js_weekday(day)
        return names.of(token).for_format(fmt)[index]
    iso_year, iso_week, iso_weekday = day.isocalendar()
    if token[0] == "G":
        return f"{iso_year:04d}" if token == "GGGG" else f"{iso_year % 100:02d}"
    if token[0] in "gw":
        week_year, number = week.week_of(day)
        if token[0] == "g":
            return f"{week_year:04d}" if token == "gggg" else f"{week_year % 100:02d}"
        return _number(token, number, names)
    if token[0] == "W":
        return _number(token, iso_week, names)
    if token[0] == "Y":
        return {"YYYY": f"{day.year:04d}", "YY": f"{day.year % 100:02d}"}.get(token, str(day.year))
    if token[0] == "M":
        return _number(token, day.month, names)
    if token[0] == "Q":
        return _number(token, (day.month - 1) // 3 + 1, names)
    if token.startswith("DDD"):
        return _number(token, day.timetuple().tm_yday, names)
    if token[0] == "D":
        return _number(token, day.day, names)
    if token == "E":
        return str(iso_weekday)
    if token == "e":
        return str((_js_weekday(day) - week.dow) % 7)
    return _number(token, _js_weekday(day), names)


_PADDED = {"MM": 2, "DD": 2, "WW": 2, "ww": 2, "DDDD": 3}


def _number(token: str, value: int, names: Names) -> str:
    if token.endswith("o"):
        return names.ordinal(value, token[:-1])
    width = _PADDED.get(token)
    return f"{value:0{width}d}" if width else str(value)


# --- parsing ---------------------------------------------------------------------------

_NUMBERS = {
    "YYYY": r"\d{4}",
    "GGGG": r"\d{4}",
    "gggg": r"\d{4}",
    "YY": r"\d{2}",
    "GG": r"\d{2}",
    "gg": r"\d{2}",
    "Y": r"[+-]?\d{1,6}",
    "MM": r"\d{2}",
    "DD": r"\d{2}",
    "WW": r"\d{2}",
    "ww": r"\d{2}",
    "DDDD": r"\d{3}",
    "M": r"\d{1,2}",
    "D": r"\d{1,2}",
    "W": r"\d{1,2}",
    "w": r"\d{1,2}",
    "DDD": r"\d{1,3}",
    "Q": r"[1-4]",
    "E": r"[1-7]",
    "e": r"[0-6]",
    "d": r"[0-6]",
}
_FIELD = {
    "YYYY": "year",
    "YY": "year",
    "Y": "year",
    "GGGG": "iso_year",
    "GG": "iso_year",
    "gggg": "week_year",
    "gg": "week_year",
    "WW": "iso_week",
    "W": "iso_week",
    "Wo": "iso_week",
    "ww": "week",
    "w": "week",
    "wo": "week",
    "MM": "month",
    "M": "month",
    "Mo": "month",
    "MMM": "month",
    "MMMM": "month",
    "DD": "day",
    "D": "day",
    "Do": "day",
    "DDDD": "day_of_year",
    "DDD": "day_of_year",
    "DDDo": "day_of_year",
    "Q": "quarter",
    "Qo": "quarter",
    "E": "iso_weekday",
    "e": "locale_weekday",
    "d": "weekday",
    "do": "weekday",
    "dd": "weekday",
    "ddd": "weekday",
    "dddd": "weekday",
}


@lru_cache(maxsize=64)
def _read_names(names: Names, token: str) -> dict[str, int]:
    """Each name of ``token`` (in every form, case folded) and its number (a month from 1,
    a weekday from 0 for Sunday)."""
    listed = names.of(token)
    start = 1 if token[0] == "M" else 0
    return {
        name.casefold(): number
        for forms in (listed.other, listed.names)
        for number, name in enumerate(forms, start)
    }


@lru_cache(maxsize=64)
def _ordinal_suffixes(names: Names, period: str) -> tuple[str, ...]:
    """What ``names.ordinal`` puts after the number of ``period`` (longest first)."""
    found = {names.ordinal(n, period)[len(str(n)) :] for n in range(367)}
    return tuple(sorted(found, key=len, reverse=True))


@lru_cache(maxsize=64)
def _pattern(fmt: str, names: Names) -> tuple[re.Pattern[str], tuple[str, ...]]:
    parts, order = [], []
    for text, is_token in tokens(fmt):
        if not is_token:
            parts.append(re.escape(text))
            continue
        order.append(text)
        if text in _NAMED:
            alternatives = sorted(_read_names(names, text), key=len, reverse=True)
            body = "|".join(re.escape(n) for n in alternatives)
        elif text.endswith("o"):
            suffixes = _ordinal_suffixes(names, text[:-1])
            body = r"\d{1,3}(?:" + "|".join(re.escape(s) for s in suffixes) + ")"
        else:
            body = _NUMBERS[text]
        parts.append(f"({body})")
    return re.compile("".join(parts), re.IGNORECASE), tuple(order)


def parse(
    fmt: str,
    text: str,
    week: LocaleWeek = ENGLISH_WEEK,
    names: Names = ENGLISH,
    *,
    weekday: bool = True,
) -> date | None:
    """The day ``text`` names in ``fmt`` (moment's strict parsing), or None.

    A name needs a year (or a week-year): without one moment would take the
    current year, which would date last year's notes wrongly.  Weekday names
    must agree with the date, as in moment's strict mode (unless ``weekday`` is
    False: what a name with a wrong weekday means otherwise).  Names are read in any
    case and in any of their forms (:class:`NameList`).
    """
    pattern, order = _pattern(fmt, names)
    match = pattern.fullmatch(text)
    if match is None:
        return None
    found: dict[str, int] = {}
    for token, value in zip(order, match.groups(), strict=True):
        number = _value(token, value, names)
        key = _FIELD[token]
        if found.setdefault(key, number) != number:
            return None  # the same field twice, with two values
    try:
        day = _assemble(found, week)
    except ValueError:
        return None
    if not weekday:
        for key in ("weekday", "iso_weekday", "locale_weekday"):
            found.pop(key, None)
    if day is None or not _agrees(day, found, week):
        return None
    return day


def _value(token: str, text: str, names: Names) -> int:
    if token in _NAMED:
        return _read_names(names, token)[text.casefold()]
    number = int(re.sub(r"\D.*", "", text, flags=re.DOTALL) if token.endswith("o") else text)
    if token in ("YY", "GG", "gg"):
        number += 1900 if number > 68 else 2000
    return number


def _assemble(found: dict[str, int], week: LocaleWeek) -> date | None:
    if "year" in found:
        if "day_of_year" in found and "month" not in found:
            return date(found["year"], 1, 1) + timedelta(days=_day_of_year(found) - 1)
        return date(found["year"], found.get("month", 1), found.get("day", 1))
    if "iso_year" in found and "iso_week" in found:
        weekday = found.get("iso_weekday", 1)
        if "weekday" in found:
            weekday = found["weekday"] or 7
        return date.fromisocalendar(found["iso_year"], found["iso_week"], weekday)
    if "week_year" in found and "week" in found:
        if not 1 <= found["week"] <= week.weeks_in_year(found["week_year"]):
            raise ValueError("no such week of the year")  # moment's strict: 2026-W53 in `en`
        weekday = found.get("weekday", week.dow)
        if "locale_weekday" in found:
            weekday = (found["locale_weekday"] + week.dow) % 7
        return week.day_of(found["week_year"], found["week"], weekday)
    return None


def _day_of_year(found: dict[str, int]) -> int:
    number = found["day_of_year"]
    days = (date(found["year"] + 1, 1, 1) - date(found["year"], 1, 1)).days
    if not 1 <= number <= days:
        raise ValueError("no such day of the year")
    return number


def _agrees(day: date, found: dict[str, int], week: LocaleWeek) -> bool:
    """Weekdays, quarters and weeks given next to a full date must be that date's."""
    iso_weekday = day.isoweekday()
    checks = {
        "weekday": _js_weekday(day),
        "iso_weekday": iso_weekday,
        "locale_weekday": (_js_weekday(day) - week.dow) % 7,
        "quarter": (day.month - 1) // 3 + 1,
        "month": day.month,
        "day": day.day,
    }
    return all(found[key] == value for key, value in checks.items() if key in found)
