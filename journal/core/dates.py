"""Dates, ISO weeks and periods.

Weeks are labelled the ISO 8601 way (``2026-W47``).  A vault may start its
weeks on another day; a week is then labelled by the ISO week of the one
Thursday it contains, which keeps every label unique and matches ISO weeks
exactly when weeks start on Monday.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from journal.core.errors import JournalError, UsageProblem
from journal.core.moment import MONTHS
from journal.core.records import Record, record
from journal.core.regex import lazy

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_THURSDAY = 3

# ASCII digits only: ``\d`` alone also takes other scripts' digits (Arabic-Indic...).
_DATE = lazy(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_DATETIME = lazy(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?",
    re.ASCII,
)
_WEEK = lazy(r"(\d{4})-?W(\d{1,2})", re.IGNORECASE | re.ASCII)
_DURATION = lazy(r"(\d+)\s*([dw])", re.IGNORECASE | re.ASCII)
#: The date a note's name starts with and the spaces after it (``2026-11-18 Coffee with
#: Dana``, as ``journal new meeting`` names a meeting): a meeting's title is its name without.
DATED_NAME = lazy(r"^\d{4}-\d{2}-\d{2}\s+")
#: The years a date may have (in a note, an option or ``JOURNAL_TODAY``): a day plus or
#: minus a plan, a horizon or a rate's forecast stays within the calendar (which ends on
#: 9999-12-31; ``due: 9999-12-31`` for "no deadline" would overflow the day after it).
YEARS = range(1000, 9000)
#: How far past now a moment (a commit's date) may be and still not be after today:
#: clocks drift, and a commit made on another machine may come a few minutes ahead.
CLOCK_SLACK = timedelta(minutes=10)


#: A time of day after a day written another way (``November 2, 2025 9:14 AM``).
_CLOCK = r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?"
#: A day written another common way than YYYY-MM-DD: year first with another separator
#: or a one-digit month or day (``2026/1/10``); day and month either way round before a
#: four-digit year (``31.12.2026``, ``12/31/2026``); an English month name before or after
#: the day (``Dec 31, 2026``, ``31 December 2026``).
_OTHER_DAY = lazy(
    r"(?:(?P<y1>\d{4})(?P<s1>[-/.])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
    r"|(?P<a>\d{1,2})(?P<s2>[-/.])(?P<b>\d{1,2})(?P=s2)(?P<y2>\d{4})"
    r"|(?P<n1>[a-z]{3,})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y3>\d{4})"
    r"|(?P<d3>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<n2>[a-z]{3,})\.?,?\s+(?P<y4>\d{4}))" + _CLOCK,
    re.IGNORECASE | re.ASCII,
)


def days_meant(text: str) -> tuple[date, ...]:
    """The real days ``text``, a day written another common way (:data:`_OTHER_DAY`, a
    time of day after it allowed), may mean: two when its day and month could be either
    way round (``01/02/2026``), none when it is no such day."""
    match = _OTHER_DAY.fullmatch(text.strip())
    if match is None:
        return ()
    found = match.groupdict()
    if found["y1"]:
        read = [(found["y1"], found["m1"], found["d1"])]
    elif found["y2"]:
        read = [(found["y2"], found["b"], found["a"]), (found["y2"], found["a"], found["b"])]
    else:
        name = (found["n1"] or found["n2"]).lower()
        month = next((str(n) for n, m in enumerate(MONTHS, 1) if m.lower().startswith(name)), "0")
        read = [(found["y3"] or found["y4"], month, found["d2"] or found["d3"])]
    days = []
    for year, month, day in read:
        try:
            days.append(date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return tuple(sorted({d for d in days if d.year in YEARS}))


class DateError(JournalError):
    """A value that is not the date, week or duration it should be."""


def parse_date(text: str) -> date:
    """A date from ``YYYY-MM-DD`` (or the date part of an ISO date-time, whose time must
    be a real one: ``T25:00`` is a typo, not a day)."""
    text = text.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and text.isascii():
        try:  # the common YYYY-MM-DD, read in C (a seventh of the time)
            day = date.fromisoformat(text)
        except ValueError:
            pass  # told below
        else:
            if day.year in YEARS:
                return day
    return _parsed_date(text)


def _parsed_date(text: str) -> date:
    """:func:`parse_date` of ``text`` (stripped) by its patterns."""
    match = _DATE.fullmatch(text) or _DATETIME.fullmatch(text)
    if match is None:
        raise DateError(f"'{text}' is not a date (expected YYYY-MM-DD)")
    try:
        day = date(int(text[:4]), int(text[5:7]), int(text[8:10]))
    except ValueError as exc:
        raise DateError(f"'{text}' is not a real date ({exc})") from None
    clock = match.groups()[3:6]  # a date-time's hour, minute and second (none: a date)
    hour, minute, second = (int(part or 0) for part in clock) if clock else (0, 0, 0)
    if hour > 23 or minute > 59 or second > 60:  # 60: a leap second
        raise DateError(f"'{text}' is not a real time of day ({hour:02}:{minute:02})")
    if day.year not in YEARS:
        raise DateError(f"'{text}' is out of range (a year from 1000 to 8999)")
    return day


def parse_day(text: str) -> date:
    """A day typed as an option's value: ``YYYY-MM-DD`` and nothing else (a time, or a
    space around it, is a typo there, not a day to guess)."""
    if _DATE.fullmatch(text) is None:
        if _DATETIME.fullmatch(text.strip()):
            raise DateError(
                f"'{text}' is a date and time: give the day alone ({text.strip()[:10]})"
            )
        if text != text.strip() and _DATE.fullmatch(text.strip()):
            raise DateError(f"'{text}' has a space around it: give the day alone ({text.strip()})")
        raise DateError(f"'{text}' is not a date (expected YYYY-MM-DD)")
    return parse_date(text)


def writable_day(day: date, what: str) -> date:
    """``day``, computed to be written as ``what`` (a meeting's ``follow_up_by``, a
    plan's end...), unless its year is not one of :data:`YEARS`: every later command
    would refuse it then."""
    if day.year not in YEARS:
        raise DateError(f"{what} would be {day}: out of range (a year from 1000 to 8999)")
    return day


def not_after(day: date, today: date | None, what: str) -> date:
    """``day``, which records something that happened (``what``: a check-in, a goal
    done...), unless it is after ``today``: a usage problem then, since a check-in or a
    completion dated ahead would count as done already (and is mostly a typo)."""
    if today is not None and day > today:
        raise UsageProblem(f"--date {day} is after today ({today}): {what} records what happened")
    return day


def now_on(today: date) -> datetime:
    """Now, on ``today``: this moment (in the local time zone) when ``today`` is the real
    day, else (``JOURNAL_TODAY`` names another) the end of ``today`` on each commit's
    own clock, a naive (floating) time :func:`after_now` reads so: a fixed today gives
    the same answers at any hour and in any time zone."""
    now = datetime.now().astimezone()
    if now.date() == today:
        return now
    return datetime.combine(today + timedelta(days=1), time())


def imitated_after(today: date) -> str | None:
    """How a commit dated after now (:func:`after_now`) is named when ``today`` is not
    the real day (``JOURNAL_TODAY`` names another): after that day, which it need not be
    by a clock set wrong; None on the real day."""
    if datetime.now().astimezone().date() == today:
        return None
    return f"after the day JOURNAL_TODAY sets ({today})"


def here_too(moment: datetime, day: date, today: date) -> str | None:
    """``moment``, of a commit dated ``day`` (by its author's clock), in the local time
    zone when that is another day (``2026-12-08 10:00 here``) and ``today`` is the real
    day (a day ``JOURNAL_TODAY`` sets is read on each commit's own clock: no remark);
    else None.  Found in a tryout: a commit "dated 2026-12-07" was "later than now" on
    2026-12-07, made at 22:00 -12:00, tomorrow morning here."""
    if imitated_after(today) is not None:
        return None
    local = moment.astimezone()
    return None if local.date() == day else f"{local:%Y-%m-%d %H:%M} here"


def after_now(moment: datetime, now: datetime) -> bool:
    """Whether ``moment`` (a commit's date, in any time zone) is after ``now`` by more
    than :data:`CLOCK_SLACK`: dated after today, by a clock set wrong.  A naive ``now``
    (:func:`now_on` of a day ``JOURNAL_TODAY`` sets) is read on the commit's own clock,
    so a commit of that day, wherever it was made, is not after it."""
    if now.tzinfo is None:
        moment = moment.replace(tzinfo=None)
    return moment > now + CLOCK_SLACK


def commit_day(moment: datetime, today: date, now: datetime) -> date:
    """The day a commit made at ``moment`` counts on: its author's day, unless that is
    after ``today`` while the moment is not after ``now`` (:func:`after_now`): made by
    now in a time zone a day ahead, it counts today.  One dated after now keeps its day,
    after today (a clock set wrong)."""
    day = moment.date()
    if day > today and not after_now(moment, now):
        return today
    return day


def weekday_index(name: str) -> int:
    """0 for Monday ... 6 for Sunday, from a weekday name."""
    try:
        return WEEKDAYS.index(name.strip().lower())
    except ValueError:
        raise DateError(
            f"'{name}' is not a weekday (expected one of {', '.join(WEEKDAYS)})"
        ) from None


@record(frozen=True, slots=True)
class Period(Record):
    """A closed range of days, ``start`` and ``end`` both included."""

    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, other: Period) -> bool:
        """Whether the two share a day."""
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def week_of(day: date, week_start: int = 0) -> Period:
    """The week (starting on weekday ``week_start``) that holds ``day``."""
    start = day - timedelta(days=(day.weekday() - week_start) % 7)
    return Period(start, start + timedelta(days=6))


def week_label(day: date, week_start: int = 0) -> str:
    """``YYYY-Www`` of the week holding ``day``."""
    week = week_of(day, week_start)
    thursday = week.start + timedelta(days=(_THURSDAY - week.start.weekday()) % 7)
    year, number, _ = thursday.isocalendar()
    return f"{year}-W{number:02d}"


def parse_week(text: str, week_start: int = 0) -> Period:
    """The period of a week label such as ``2026-W47`` (typed as an option's value: a
    space around it is a typo, as around a day)."""
    match = _WEEK.fullmatch(text)
    if match is None:
        if text != text.strip() and _WEEK.fullmatch(text.strip()):
            raise DateError(f"'{text}' has a space around it: give the week alone ({text.strip()})")
        raise DateError(f"'{text}' is not a week (expected YYYY-Www, e.g. 2026-W47)")
    year, number = int(match.group(1)), int(match.group(2))
    if year not in YEARS:
        raise DateError(f"'{text}' is out of range (a year from 1000 to 8999)")
    try:
        thursday = date.fromisocalendar(year, number, _THURSDAY + 1)
    except ValueError:
        raise DateError(f"'{text}' is not a week: {year} has no week {number}") from None
    return week_of(thursday, week_start)


#: The longest duration :func:`parse_duration` takes (a rhythm of a century says none).
LONGEST_DAYS = 36_525


def parse_duration(text: str) -> timedelta:
    """``3d``, ``1w``, ``2w`` ... as a timedelta, of a day to a hundred years."""
    match = _DURATION.fullmatch(text.strip())
    if match is None or int(match.group(1)) == 0:
        raise DateError(f"'{text}' is not a duration (expected e.g. 1w, 2w or 10d)")
    count = int(match.group(1))
    days = count * 7 if match.group(2).lower() == "w" else count
    if days > LONGEST_DAYS:
        raise DateError(f"'{text}' is longer than a hundred years (expected e.g. 1w, 2w or 10d)")
    return timedelta(days=days)


def weeks_between(start: date, end: date) -> float:
    """The number of weeks from ``start`` to ``end`` (may be fractional or negative)."""
    return (end - start).days / 7


def today_from(value: str | None) -> date:
    """Today, or the day given as YYYY-MM-DD (tests and reproducible runs set
    ``JOURNAL_TODAY``), in one of :data:`YEARS`."""
    if not value:
        return datetime.now().date()
    return parse_day(value.strip() or value)  # a blank value is shown as it is
