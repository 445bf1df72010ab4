"""ISO weeks across year boundaries, other week starts, durations."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from journal.core.dates import (
    DateError,
    Period,
    _parsed_date,
    commit_day,
    days_meant,
    parse_date,
    parse_day,
    parse_duration,
    parse_week,
    today_from,
    week_label,
    week_of,
)


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2026, 11, 22), "2026-W47"),
        (date(2026, 11, 16), "2026-W47"),
        (date(2026, 12, 31), "2026-W53"),
        (date(2027, 1, 1), "2026-W53"),
        (date(2027, 1, 3), "2026-W53"),
        (date(2027, 1, 4), "2027-W01"),
        (date(2024, 12, 30), "2025-W01"),
        (date(2021, 1, 3), "2020-W53"),
    ],
)
def test_iso_week_labels_cross_year_boundaries(day: date, label: str) -> None:
    assert week_label(day) == label


def test_a_week_is_monday_to_sunday_by_default() -> None:
    assert week_of(date(2026, 11, 22)) == Period(date(2026, 11, 16), date(2026, 11, 22))
    assert parse_week("2026-W53") == Period(date(2026, 12, 28), date(2027, 1, 3))


def test_sunday_start_weeks_are_labelled_by_their_thursday() -> None:
    sunday = 6
    assert week_of(date(2026, 11, 22), sunday) == Period(date(2026, 11, 22), date(2026, 11, 28))
    assert week_label(date(2026, 11, 22), sunday) == "2026-W48"
    assert parse_week("2026-W48", sunday).start == date(2026, 11, 22)


@given(st.dates(min_value=date(1900, 1, 8), max_value=date(2200, 12, 20)), st.integers(0, 6))
def test_label_and_parse_agree_for_every_week_start(day: date, start: int) -> None:
    week = week_of(day, start)
    assert day in week and week.days == 7
    assert parse_week(week_label(day, start), start) == week
    assert week_label(week.end + timedelta(days=1), start) != week_label(day, start)


@pytest.mark.parametrize("text", ["2026-W54", "2025-W53", "2026-47", "W47"])
def test_bad_weeks_are_errors(text: str) -> None:
    with pytest.raises(DateError):
        parse_week(text)


def test_dates_are_strict() -> None:
    assert parse_date("2026-11-22T10:30:00") == date(2026, 11, 22)
    with pytest.raises(DateError, match="not a real date"):
        parse_date("2024-02-30")
    with pytest.raises(DateError, match="expected YYYY-MM-DD"):
        parse_date("22/11/2026")


def test_durations() -> None:
    assert parse_duration("2w") == timedelta(days=14)
    assert parse_duration("10d") == timedelta(days=10)
    for bad in ("0w", "w", "1m", ""):
        with pytest.raises(DateError):
            parse_duration(bad)
    assert parse_duration("36525d") == timedelta(days=36_525)  # a century
    for huge in ("36526d", "5218w", "1000000000d", "99999999999d"):  # fuzzing: OverflowError
        with pytest.raises(DateError, match="longer than a hundred years"):
            parse_duration(huge)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2026-11-22T10:00", "is a date and time: give the day alone (2026-11-22)"),
        ("\u0662\u0660\u0662\u0666-\u0661\u0661-\u0662\u0662", "is not a date"),  # Arabic-Indic
        ("9999-12-31", "is out of range (a year from 1000 to 8999)"),  # today + N overflowed
        ("0999-12-31", "is out of range"),
    ],
)
def test_journal_today_is_a_plain_date_within_the_calendar(value: str, words: str) -> None:
    with pytest.raises(DateError, match=re.escape(words)):
        today_from(value)
    assert today_from(" 2026-11-22 ") == date(2026, 11, 22)


@pytest.mark.parametrize("year", ["9999", "0001", "0999"])
def test_a_date_beyond_the_years_journal_counts_in_is_refused(year: str) -> None:
    """Reported: `due: 9999-12-31` (or `review --date 0001-01-07`) crashed the review
    with an OverflowError: a day after it, or a week before it, is off the calendar."""
    for parse in (parse_date, parse_day):
        with pytest.raises(DateError, match=re.escape("out of range (a year from 1000 to 8999)")):
            parse(f"{year}-12-31")
    with pytest.raises(DateError, match="out of range"):
        parse_week(f"{year}-W01")
    assert parse_day("8999-12-31") == date(8999, 12, 31)


@pytest.mark.parametrize("text", ["2026-11-20T10:00", " 2026-11-20", "2026-11-20 "])
def test_an_options_day_is_the_day_alone(text: str) -> None:
    """Reported: `--due-before 2026-12-31T10:00` and `--date " 2026-11-20"` were taken."""
    assert parse_date(text) == date(2026, 11, 20)  # a property may hold a date-time
    with pytest.raises(DateError) as refused:
        parse_day(text)
    assert refused.value.message.endswith("give the day alone (2026-11-20)")  # as documented


def test_a_date_is_written_in_ascii_digits() -> None:
    with pytest.raises(DateError):
        parse_date("\u0662\u0660\u0662\u0666-\u0661\u0661-\u0662\u0662")


@pytest.mark.parametrize("text", ["2026-12-31T25:00", "2026-12-31T10:61", "2026-12-31 24:00:00"])
def test_a_date_time_with_no_such_time_is_no_date(text: str) -> None:
    """Reported: `due: 2026-12-31T25:00` was taken for 2026-12-31 without a word."""
    with pytest.raises(DateError, match="is not a real time of day"):
        parse_date(text)
    assert parse_date("2026-12-31T23:59:60Z") == date(2026, 12, 31)  # a leap second


@pytest.mark.parametrize(
    ("stamp", "day"),
    [
        ("2026-12-06T09:00:00+14:00", date(2026, 12, 5)),  # now, at +14:00: today
        ("2026-12-06T09:09:00+14:00", date(2026, 12, 5)),  # 9 minutes ahead: a drift
        ("2026-12-06T09:11:00+14:00", date(2026, 12, 6)),  # 11: after now, its own day
        ("2026-12-05T23:00:00+14:00", date(2026, 12, 5)),  # its own day, today
        ("2026-12-04T19:00:00-10:00", date(2026, 12, 4)),  # yesterday
    ],
)
def test_a_commit_counts_on_its_authors_day_or_today_when_made_by_now(
    stamp: str, day: date
) -> None:
    now = datetime(2026, 12, 5, 9, 0, tzinfo=timezone(timedelta(hours=-10)))  # 19:00 UTC
    assert commit_day(datetime.fromisoformat(stamp), date(2026, 12, 5), now) == day


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("31.12.2026", [date(2026, 12, 31)]),
        ("12/31/2026", [date(2026, 12, 31)]),
        ("01/02/2026", [date(2026, 1, 2), date(2026, 2, 1)]),
        ("05/05/2026", [date(2026, 5, 5)]),
        ("Dec 31, 2026", [date(2026, 12, 31)]),
        ("31st December 2026", [date(2026, 12, 31)]),
        ("November 2, 2025 9:14 AM", [date(2025, 11, 2)]),
        ("2026/1/10", [date(2026, 1, 10)]),
        ("13/13/2026", []),
        ("Junk 3, 2026", []),
        ("12/31/26", []),  # a two-digit year: which century is not guessed
        ("next friday", []),
    ],
)
def test_the_days_a_day_written_another_way_may_mean(text: str, days: list[date]) -> None:
    assert list(days_meant(text)) == days


@given(
    st.one_of(
        st.dates().map(date.isoformat),
        st.from_regex(r"[0-9\u0663\uff12]{4}-[0-9W]{2}-[0-9]{2}", fullmatch=True),
        st.text(alphabet="0123456789-W+T: \u0663\uff12", min_size=8, max_size=12),
    )
)
@example("2026-12-06")
@example("0999-01-01")
@example("2026-02-29")
@example("2026-W49-1")
def test_parse_date_reads_as_its_patterns(text: str) -> None:
    """The fast path for ``YYYY-MM-DD`` (``date.fromisoformat``) gives what the
    patterns give: the same day, or a refusal (theirs, with its message)."""
    try:
        expected: date | str = _parsed_date(text.strip())
    except DateError as exc:
        expected = str(exc)
    try:
        found: date | str = parse_date(text)
    except DateError as exc:
        found = str(exc)
    assert found == expected
