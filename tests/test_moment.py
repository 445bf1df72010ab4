"""moment.js formats: rendering and strict reading of the date tokens note names use."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.core.errors import JournalError
from journal.core.moment import (
    ENGLISH,
    ENGLISH_WEEK,
    ISO_WEEK,
    FormatError,
    LocaleWeek,
    parse,
    render,
)
from journal.core.moment_locales import LOCALES, all_names, locale_names

FRIDAY = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("YYYY-MM-DD", "2026-11-20"),
        ("YYYY/MM/DD dddd", "2026/11/20 Friday"),
        ("DD-MM-YYYY", "20-11-2026"),
        ("D.M.YY", "20.11.26"),
        ("Do MMMM YYYY", "20th November 2026"),
        ("ddd, MMM D", "Fri, Nov 20"),
        ("dd d do E e", "Fr 5 5th 5 5"),
        ("DDDD DDD DDDo", "324 324 324th"),
        ("Q Qo [Q]Q", "4 4th Q4"),
        ("GGGG-[W]WW", "2026-W47"),
        ("GG W Wo", "26 47 47th"),
        ("gggg-[W]ww", "2026-W47"),
        ("[Week] w [of] gggg", "Week 47 of 2026"),
        ("YYYY [at the] \\Y", "2026 at the Y"),
        ("[[Daily]] YYYY", "[Daily] 2026"),
    ],
)
def test_render_writes_what_moment_writes(fmt: str, expected: str) -> None:
    assert render(fmt, FRIDAY) == expected


@pytest.mark.parametrize(
    ("day", "iso", "english"),
    [
        (date(2026, 12, 28), "2026-W53", "2027-W01"),
        (date(2026, 12, 31), "2026-W53", "2027-W01"),
        (date(2027, 1, 1), "2026-W53", "2027-W01"),
        (date(2027, 1, 3), "2026-W53", "2027-W02"),  # a Sunday: a new English week
        (date(2027, 1, 4), "2027-W01", "2027-W02"),
        (date(2020, 12, 31), "2020-W53", "2021-W01"),
        (date(2021, 1, 3), "2020-W53", "2021-W02"),
        (date(2024, 12, 30), "2025-W01", "2025-W01"),
        (date(2022, 1, 1), "2021-W52", "2022-W01"),
    ],
)
def test_week_years_are_right_across_the_new_year(day: date, iso: str, english: str) -> None:
    assert render("GGGG-[W]WW", day) == iso
    assert render("gggg-[W]ww", day) == english
    assert render("gggg-[W]ww", day, ISO_WEEK) == iso


def test_moment_week_rules_with_iso_settings_are_iso_weeks_every_day() -> None:
    day = date(1995, 1, 1)
    while day < date(2045, 1, 1):
        year, week, weekday = day.isocalendar()
        assert ISO_WEEK.week_of(day) == (year, week)
        assert ISO_WEEK.day_of(year, week, weekday % 7) == day
        day += timedelta(days=1)


def test_english_weeks_start_on_sunday_and_week_one_holds_the_first_of_january() -> None:
    for year in range(2000, 2040):
        assert ENGLISH_WEEK.week_of(date(year, 1, 1)) == (year, 1)
        start = ENGLISH_WEEK.start_of_week(date(year, 7, 1))
        assert start.weekday() == 6 and date(year, 6, 25) <= start <= date(year, 7, 1)
        assert ENGLISH_WEEK.weeks_in_year(year) in (52, 53)


def test_a_monday_week_with_english_doy_follows_moments_arithmetic() -> None:
    week = LocaleWeek(1, 6)  # what the Calendar plugin's "monday" gives an English locale
    assert week.start_of_week(FRIDAY) == date(2026, 11, 16)
    year, number = week.week_of(FRIDAY)
    assert week.day_of(year, number, 1) == date(2026, 11, 16)


DATE_FORMATS = [
    "YYYY-MM-DD",
    "YYYY/MM/DD dddd",
    "DD-MM-YYYY",
    "D.M.YYYY",
    "Do MMMM YYYY",
    "ddd, MMM D YYYY",
    "YYYY-DDDD",
    "GGGG-[W]WW-E",
    "gggg-[W]ww-e",
    "[Daily] YYYYMMDD",
    "YY-MM-DD",
]


@given(
    st.dates(min_value=date(1970, 1, 1), max_value=date(2068, 12, 31)),
    st.sampled_from(DATE_FORMATS),
)
def test_a_rendered_name_reads_back_as_its_day(day: date, fmt: str) -> None:
    assert parse(fmt, render(fmt, day)) == day


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("YYYY-MM-DD", "2026-02-30"),  # no such day
        ("YYYY-MM-DD", "2026-11-20 notes"),  # strict: the whole name
        ("YYYY-MM-DD", "2026-1-20"),  # MM is two digits
        ("YYYY/MM/DD dddd", "2026/11/20 Monday"),  # the weekday disagrees
        ("MM-DD", "11-20"),  # no year: moment would guess this year
        ("YYYY-DDDD", "2026-366"),  # 2026 has 365 days
        ("GGGG-[W]WW-E", "2026-W54-1"),
        # reported (tryout, against moment 2.30.1): 2026 has 52 weeks in `en`, whose week 1
        # of 2027 holds 2026-12-31; the note Obsidian opens for that week is 2027-W01
        ("gggg-[W]ww", "2026-W53"),
        ("gggg-[W]ww-e", "2026-W53-4"),
        ("gggg-[W]ww", "2026-W00"),
        ("DD-MM-YYYY", "20/11/2026"),
    ],
)
def test_strict_reading_refuses(fmt: str, text: str) -> None:
    assert parse(fmt, text) is None


def test_a_locale_week_year_of_53_weeks_has_its_53rd() -> None:
    assert parse("gggg-[W]ww", "2022-W53") == date(2022, 12, 25)  # 2022: 53 `en` weeks
    assert parse("gggg-[W]ww", "2027-W01") == date(2026, 12, 27)


def test_names_are_read_in_any_case() -> None:
    assert parse("DD MMMM YYYY dddd", "20 november 2026 FRIDAY") == FRIDAY


@pytest.mark.parametrize("fmt", ["YYYY-MM-DD HH:mm", "YYYY-MM-DD-hh", "X", "YYYY A"])
def test_time_tokens_are_refused_with_a_clear_message(fmt: str) -> None:
    with pytest.raises(FormatError, match="has no place in a note name"):
        render(fmt, FRIDAY)
    assert issubclass(FormatError, JournalError)


@pytest.mark.parametrize("fmt", ["LL", "L", "ll", "[Daily] LLLL", "LT"])
def test_the_locales_own_formats_are_refused_with_what_to_write(fmt: str) -> None:
    """Reported (tryout): Daily Notes set to `LL` ("November 20, 2026") read no note as
    dated, and H010 said to name daily notes in the format 'LL', as they were."""
    with pytest.raises(FormatError, match="a format of the locale, which journal does not read"):
        parse(fmt, "November 20, 2026")
    assert render("[Log] YYYY", FRIDAY) == "Log 2026"  # a bracketed L is a letter


def test_letters_that_are_not_tokens_are_themselves() -> None:
    assert render("YYYY-MM-DD[T]", FRIDAY) == "2026-11-20T"
    assert render("YYYY-MM-DD T, _ #", FRIDAY) == "2026-11-20 T, _ #"


@pytest.mark.parametrize(
    ("week", "day", "expected", "start"),
    [  # moment 2.30's own output for these rules (the groups of core/moment_locales.py)
        (LocaleWeek(1, 6), "2026-12-27", "2026-W52", "2026-12-21"),  # en, Start week on Monday
        (LocaleWeek(1, 6), "2027-01-01", "2027-W01", "2026-12-28"),
        (LocaleWeek(1, 7), "2026-12-31", "2027-W01", "2026-12-28"),  # tr
        (LocaleWeek(6, 12), "2026-12-27", "2027-W01", "2026-12-26"),  # ar
        (LocaleWeek(0, 4), "2026-12-31", "2026-W53", "2026-12-27"),  # en-au
        (LocaleWeek(0, 4), "2027-01-03", "2027-W01", "2027-01-03"),
    ],
)
def test_locale_week_rules_are_moments(
    week: LocaleWeek, day: str, expected: str, start: str
) -> None:
    assert render("gggg-[W]ww", date.fromisoformat(day), week) == expected
    assert week.start_of_week(date.fromisoformat(day)).isoformat() == start


# --- names in other locales ------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "fmt", "expected"),
    [  # moment 2.30's own output for 2026-11-20 (a Friday) in these locales
        ("fr", "dddd D MMMM YYYY", "vendredi 20 novembre 2026"),
        ("fr", "ddd D MMM YYYY, dd", "ven. 20 nov. 2026, ve"),
        ("fr", "Do MMMM, Wo [semaine], Mo [mois]", "20 novembre, 47e semaine, 11e mois"),
        ("de", "dddd, D. MMMM YYYY", "Freitag, 20. November 2026"),
        ("de", "ddd D. MMM, Do", "Fr. 20. Nov., 20."),
        ("es", "D MMM YYYY", "20 nov. 2026"),
        ("es", "DD-MMM-YYYY", "20-nov-2026"),  # short months lose their dot between dashes
        ("es", "dddd Do", "viernes 20º"),
        ("it", "dddd D MMMM YYYY", "venerdì 20 novembre 2026"),
        ("pt", "dddd, D [de] MMMM", "Sexta-feira, 20 de novembro"),
        ("pt-br", "dddd, ddd, dd", "sexta-feira, sex, 6ª"),
        ("nl", "D MMM YYYY, Do", "20 nov. 2026, 20ste"),
        ("nl", "DD-MMM-YYYY", "20-nov-2026"),
        ("ja", "YYYY年MM月DD日(ddd)", "2026年11月20日(金)"),
        ("ja", "MMMM dddd Do", "11月 金曜日 20日"),
        ("zh-cn", "YYYY年MMMD日 dddd ddd dd", "2026年11月20日 星期五 周五 五"),
        ("zh-cn", "Do Mo Wo", "20日 11月 47周"),
        ("ko", "YYYY년 MMMM D일 dddd", "2026년 11월 20일 금요일"),
        ("ru", "D MMMM YYYY", "20 ноября 2026"),  # after a day: genitive
        ("ru", "MMMM YYYY", "ноябрь 2026"),
        ("ru", "D MMM YYYY, MMM, Do", "20 нояб. 2026, нояб., 20-го"),  # noqa: RUF001
        ("ru", "[В] dddd, dddd", "В пятницу, пятницу"),  # noqa: RUF001
        ("pl", "D MMMM YYYY", "20 listopada 2026"),
        ("pl", "MMMM YYYY, dddd", "listopad 2026, piątek"),
        ("sv", "dddd D MMMM YYYY, Do", "fredag 20 november 2026, 20:e"),
        ("en-gb", "dddd Do MMMM", "Friday 20th November"),
    ],
)
def test_names_are_the_locales_as_moment_writes_them(locale: str, fmt: str, expected: str) -> None:
    names = locale_names(locale)
    assert names is not None
    assert render(fmt, FRIDAY, LOCALES[locale], names) == expected
    if "YYYY" in fmt and "D" in fmt:
        assert parse(fmt, expected, LOCALES[locale], names) == FRIDAY


def test_french_ordinals_depend_on_the_word() -> None:
    fr = locale_names("fr")
    assert fr is not None
    assert render("Do MMMM", date(2026, 12, 1), ISO_WEEK, fr) == "1er décembre"
    assert render("Wo Qo Mo", date(2026, 11, 1), ISO_WEEK, fr) == "44e 4e 11e"
    assert render("[la] wo", date(2026, 1, 1), ISO_WEEK, fr) == "la 1re"


@given(
    st.dates(min_value=date(1970, 1, 1), max_value=date(2068, 12, 31)),
    st.sampled_from(sorted(all_names())),
    st.sampled_from(
        ["dddd D MMMM YYYY", "YYYY年MM月DD日(ddd)", "DD-MMM-YYYY dd", "Do MMM YYYY", "MMMM YYYY Do"]
    ),
)
def test_a_name_in_any_locale_reads_back_as_its_day(day: date, locale: str, fmt: str) -> None:
    names, week = all_names()[locale], LOCALES[locale]
    assert parse(fmt, render(fmt, day, week, names), week, names) == day


@pytest.mark.parametrize(
    ("locale", "fmt", "text"),
    [
        ("fr", "dddd D MMMM YYYY", "Vendredi 20 NOVEMBRE 2026"),  # any case, as moment reads
        ("ru", "D MMMM YYYY", "20 ноябрь 2026"),  # either form, as moment's strict regexes
        ("es", "D MMM YYYY", "20 nov 2026"),
    ],
)
def test_names_are_read_in_any_case_and_form(locale: str, fmt: str, text: str) -> None:
    assert parse(fmt, text, LOCALES[locale], all_names()[locale]) == FRIDAY


def test_a_weekday_in_another_language_must_still_be_the_dates() -> None:
    assert parse("dddd D MMMM YYYY", "samedi 20 novembre 2026", ISO_WEEK, all_names()["fr"]) is None
    assert parse("dddd D MMMM YYYY", "friday 20 november 2026", ISO_WEEK, all_names()["fr"]) is None


def test_every_locale_has_every_name() -> None:
    for names in all_names().values():
        for token, count in (("MMMM", 12), ("MMM", 12), ("dddd", 7), ("ddd", 7), ("dd", 7)):
            listed = names.of(token)
            assert len(listed.names) == count and len(set(listed.names)) == count
            assert len(listed.other) in (0, count)
    assert sorted(all_names()) == sorted(
        "fr de es it pt pt-br nl ja zh-cn ko ru pl sv".split()  # noqa: SIM905
    )
    assert locale_names("en-au") is ENGLISH and locale_names("tr") is None
