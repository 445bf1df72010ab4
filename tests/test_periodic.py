"""Obsidian's daily and weekly note settings, as the plugins resolve them, and what the
review and the index make of them."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from journal.adapters.obsidian import load_periodic
from journal.adapters.vault import Vault, load_catalog
from journal.core.dates import parse_week, week_of
from journal.core.moment import LocaleWeek, render
from journal.core.periodic import (
    APP_PATH,
    CALENDAR_PATH,
    DAILY_PATH,
    PERIODIC_PATH,
    NoteFormat,
    PeriodicSettings,
    resolve_settings,
    weekly_note_path,
)
from tests.conftest import Invoke, Write, goal_text, permissions_checked


def obsidian(root: Path, files: dict[str, Any], plugins: list[str] | None = None) -> Path:
    """An ``.obsidian/`` folder holding ``files`` (as JSON) and the enabled plugins."""
    (root / ".obsidian").mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(data if isinstance(data, str) else json.dumps(data))
    if plugins is not None:
        (root / ".obsidian/community-plugins.json").write_text(json.dumps(plugins))
    return root


def test_a_vault_without_obsidian_has_no_periodic_notes(tmp_path: Path) -> None:
    assert load_periodic(tmp_path) == PeriodicSettings()


def test_core_daily_notes(tmp_path: Path) -> None:
    obsidian(tmp_path, {DAILY_PATH: {"folder": "/Journal/Daily/", "format": "DD-MM-YYYY"}})
    settings = load_periodic(tmp_path)
    assert settings.daily == NoteFormat("Journal/Daily", "DD-MM-YYYY", DAILY_PATH)
    assert settings.weekly is None
    assert settings.daily_date("Journal/Daily/20-11-2026.md") == date(2026, 11, 20)
    assert settings.daily_date("Journal/Daily/2025/31-12-2025.md") == date(2025, 12, 31)
    assert settings.daily_date("Journal/20-11-2026.md") is None  # not in the folder
    assert settings.daily_date("Journal/Daily/notes.md") is None


def test_core_daily_notes_defaults(tmp_path: Path) -> None:
    obsidian(tmp_path, {DAILY_PATH: {}})
    settings = load_periodic(tmp_path)
    assert settings.daily == NoteFormat("", "YYYY-MM-DD", DAILY_PATH)
    assert settings.daily_date("anywhere/2026-11-20.md") == date(2026, 11, 20)


PERIODIC_OLD = {
    "daily": {"enabled": True, "folder": "daily", "format": "YYYY/MM/DD dddd"},
    "weekly": {"enabled": True, "folder": "reviews", "format": "GGGG-[W]WW"},
    "monthly": {"enabled": False, "folder": "", "format": ""},
}
PERIODIC_NEW = {
    "activeCalendarSet": "b",
    "calendarSets": [
        {"id": "a", "day": {"enabled": True, "folder": "wrong", "format": "YYYY"}},
        {
            "id": "b",
            "day": {"enabled": True, "folder": "days", "format": "YYYY-MM-DD"},
            "week": {"enabled": True, "folder": "weeks", "format": "gggg-[W]ww"},
        },
    ],
}


def test_periodic_notes_plugin_settings_win_when_it_is_enabled(tmp_path: Path) -> None:
    obsidian(
        tmp_path,
        {DAILY_PATH: {"folder": "core", "format": "YYYY-MM-DD"}, PERIODIC_PATH: PERIODIC_OLD},
        ["periodic-notes"],
    )
    settings = load_periodic(tmp_path)
    assert settings.daily == NoteFormat("daily", "YYYY/MM/DD dddd", PERIODIC_PATH)
    assert settings.weekly == NoteFormat("reviews", "GGGG-[W]WW", PERIODIC_PATH)
    assert settings.daily_date("daily/2026/11/20 Friday.md") == date(2026, 11, 20)
    assert settings.daily_date("daily/2026/11/20 Monday.md") is None
    assert settings.daily_date("daily/archive/2026/11/20 Friday.md") == date(2026, 11, 20)


def test_a_disabled_plugin_is_not_read(tmp_path: Path) -> None:
    obsidian(
        tmp_path,
        {DAILY_PATH: {"folder": "core"}, PERIODIC_PATH: PERIODIC_OLD},
        ["calendar"],  # periodic-notes installed but turned off
    )
    settings = load_periodic(tmp_path)
    assert settings.daily == NoteFormat("core", "YYYY-MM-DD", DAILY_PATH)
    assert settings.weekly is None


def test_periodic_notes_one_point_x_uses_the_active_calendar_set(tmp_path: Path) -> None:
    obsidian(tmp_path, {PERIODIC_PATH: PERIODIC_NEW}, ["periodic-notes"])
    settings = load_periodic(tmp_path)
    assert settings.daily == NoteFormat("days", "YYYY-MM-DD", PERIODIC_PATH)
    assert settings.weekly == NoteFormat("weeks", "gggg-[W]ww", PERIODIC_PATH)


def test_a_period_turned_off_in_the_plugin_falls_back(tmp_path: Path) -> None:
    data = {**PERIODIC_OLD, "daily": {**PERIODIC_OLD["daily"], "enabled": False}}
    obsidian(tmp_path, {PERIODIC_PATH: data, DAILY_PATH: {"folder": "core"}}, ["periodic-notes"])
    assert load_periodic(tmp_path).daily == NoteFormat("core", "YYYY-MM-DD", DAILY_PATH)


def test_calendar_plugin_weekly_notes_and_week_start(tmp_path: Path) -> None:
    calendar = {"weekStart": "monday", "weeklyNoteFolder": "weekly", "weeklyNoteFormat": ""}
    obsidian(tmp_path, {CALENDAR_PATH: calendar}, ["calendar"])
    settings = load_periodic(tmp_path)
    assert settings.weekly == NoteFormat("weekly", "gggg-[W]ww", CALENDAR_PATH)
    assert settings.week == LocaleWeek(1, 6)


@pytest.mark.parametrize(
    ("shown", "folder", "fmt", "expected"),
    [
        (False, "W", "gggg-[W]ww", None),  # turned off: settings left behind don't count
        (True, "", "", NoteFormat("", "gggg-[W]ww", CALENDAR_PATH)),  # on, the defaults
        (True, "W", "", NoteFormat("W", "gggg-[W]ww", CALENDAR_PATH)),
    ],
)
def test_the_calendar_plugins_weekly_switch_decides(
    tmp_path: Path, shown: bool, folder: str, fmt: str, expected: NoteFormat | None
) -> None:
    """Reported: `showWeeklyNote: false` with a folder left set made journal write the
    review there; `true` with the default (empty) settings was taken for "not set up"."""
    calendar = {"showWeeklyNote": shown, "weeklyNoteFolder": folder, "weeklyNoteFormat": fmt}
    obsidian(tmp_path, {CALENDAR_PATH: calendar}, ["calendar"])
    assert load_periodic(tmp_path).weekly == expected


def test_a_broken_core_plugins_file_is_a_problem_too(tmp_path: Path) -> None:
    """Read for Obsidian's own Daily notes when no settings file names them (reported:
    a malformed one was ignored without a word, unlike every other settings file)."""
    obsidian(tmp_path, {})
    (tmp_path / ".obsidian/core-plugins.json").write_text("{not json")
    settings = load_periodic(tmp_path)
    assert settings.daily is None
    assert [p for p in settings.problems if "core-plugins.json:1: not JSON" in p]


def test_broken_settings_are_problems_not_errors(tmp_path: Path) -> None:
    obsidian(
        tmp_path,
        {
            DAILY_PATH: "{not json",
            PERIODIC_PATH: {"weekly": {"enabled": True, "format": "YYYY-[W]ww HH:mm"}},
        },
        ["periodic-notes"],
    )
    settings = load_periodic(tmp_path)
    assert settings.daily is None and settings.weekly is None
    assert len(settings.problems) == 2
    assert "daily-notes.json:1: not JSON" in settings.problems[0]
    assert "has no place in a note name" in settings.problems[1]


def test_settings_in_utf16_are_told_to_be_saved_as_utf8(tmp_path: Path) -> None:
    """Reported (tryout): a UTF-16 daily-notes.json gave Python's words, `'utf-8' codec
    can't decode byte 0xff in position 0`."""
    obsidian(tmp_path, {}, [])
    (tmp_path / DAILY_PATH).write_bytes('{"format": "YYYY-MM-DD"}'.encode("utf-16"))
    assert load_periodic(tmp_path).problems == (
        ".obsidian/daily-notes.json:1: the file is UTF-16; save it as UTF-8",
    )


def test_every_command_tells_of_broken_daily_note_settings_once(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from journal.cli import cli

    obsidian(tmp_path, {DAILY_PATH: "{not json"}, [])
    (tmp_path / "goals").mkdir()
    result = CliRunner().invoke(cli, ["--vault", str(tmp_path), "list", "--json"])
    assert result.exit_code == 0 and result.stdout.strip() == "[]"
    told = [line for line in result.stderr.splitlines() if "daily-notes.json" in line]
    assert told == [
        "journal: .obsidian/daily-notes.json:1: not JSON: Expecting property name enclosed in "
        "double quotes; notes are dated as if it were not there"
    ]


@pytest.mark.parametrize("mode", [0o644, 0o000])
def test_settings_in_a_folder_that_cant_be_entered_are_told_and_the_index_used(
    invoke: Invoke, example_vault: Path, mode: int
) -> None:
    """Found in a tryout: with `chmod 644 .obsidian` (or 000), journal said `can't use
    the index ... (Permission denied: .obsidian/daily-notes.json); working without one`,
    then stopped with `internal error: PermissionError`."""
    (example_vault / ".obsidian").chmod(mode)
    try:
        with permissions_checked():
            result = invoke("list", "--json", root=example_vault)
            again = invoke("index", "--json", root=example_vault)
    finally:
        (example_vault / ".obsidian").chmod(0o755)
    assert result.stderr == (
        "journal: .obsidian: can't read the folder (Permission denied); notes are dated as "
        "if it were not there\n"
    )
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 10
    assert (again.exit_code, json.loads(again.stdout)["read"]) == (0, 0)


def test_settings_in_a_folder_that_can_be_entered_but_not_listed_are_read(
    invoke: Invoke, example_vault: Path
) -> None:
    """Found in a review: with `chmod 311 .obsidian` (its files opened by name, as they
    are read), the daily-note settings were dropped: a check-in in a daily note of the
    folder they name was lost, and the index rebuilt as if they had changed."""
    (example_vault / "days").mkdir()
    obsidian(example_vault, {DAILY_PATH: {"folder": "days", "format": "DD.MM.YYYY"}})
    (example_vault / "days/03.12.2026.md").write_text(
        "Coffee.\n\nprogress:: [[Connect with five HR leaders in my industry this quarter]] +1\n"
    )
    assert invoke("index", root=example_vault).exit_code == 0
    (example_vault / ".obsidian").chmod(0o311)
    try:
        with permissions_checked():
            again = invoke("index", "--json", root=example_vault)
            result = invoke("log", "connect-five", "--json", root=example_vault)
    finally:
        (example_vault / ".obsidian").chmod(0o755)
    assert (again.exit_code, again.stderr, json.loads(again.stdout)["read"]) == (0, "", 0)
    assert (result.exit_code, result.stderr) == (0, "")
    checkins = json.loads(result.stdout)["checkins"]
    assert [(c["date"], c["path"]) for c in checkins][-1] == ("2026-12-03", "days/03.12.2026.md")


def test_settings_that_are_no_json_are_told_at_their_line(tmp_path: Path) -> None:
    """Found in a tryout: a comma too many (a hand edit) was told in Python's words,
    `can't read it (Expecting ...: line 1 column 44 (char 43))`, with no `file:line`."""
    obsidian(tmp_path, {DAILY_PATH: '{\n  "folder": "daily",\n}\n'}, [])
    assert load_periodic(tmp_path).problems == (
        ".obsidian/daily-notes.json:3: not JSON: Expecting property name enclosed in double quotes",
    )


def weekly(fmt: str, folder: str = "reviews", week: LocaleWeek | None = None) -> PeriodicSettings:
    return PeriodicSettings(
        weekly=NoteFormat(folder, fmt, PERIODIC_PATH), week=week or LocaleWeek(1, 4)
    )


@pytest.mark.parametrize(
    ("fmt", "week", "expected"),
    [
        ("GGGG-[W]WW", "2026-W47", "reviews/2026-W47.md"),
        ("GGGG-[W]WW", "2026-W53", "reviews/2026-W53.md"),
        ("GGGG-[W]WW", "2027-W01", "reviews/2027-W01.md"),
        ("gggg-[W]ww", "2026-W53", "reviews/2026-W53.md"),
        ("YYYY/[Week] WW", "2026-W53", "reviews/2026/Week 53.md"),  # Monday 2026-12-28
        ("YYYY-MM-DD", "2027-W01", "reviews/2027-01-04.md"),  # the week's first day
    ],
)
def test_weekly_note_path_with_iso_weeks(fmt: str, week: str, expected: str) -> None:
    assert weekly_note_path(weekly(fmt), parse_week(week)) == expected


ENGLISH, MONDAY_EN, EN_GB = LocaleWeek(0, 6), LocaleWeek(1, 6), LocaleWeek(1, 4)


@pytest.mark.parametrize(
    ("fmt", "week", "day", "expected"),
    [
        # ISO tokens name the review's own ISO week whatever day the locale week starts on
        # (the plugins render moment's startOf('week'), a Sunday in English: one week early).
        ("GGGG-[W]WW", ENGLISH, "2026-11-18", "2026-W47"),
        ("GGGG [Week] WW", ENGLISH, "2026-12-31", "2026 Week 53"),
        ("GGGG-[W]WW", ENGLISH, "2027-01-07", "2027-W01"),
        ("GGGG [Week] WW", ENGLISH, "2027-01-03", "2026 Week 53"),
        ("GGGG-[W]WW", MONDAY_EN, "2026-12-31", "2026-W53"),
        ("GGGG-[W]WW", EN_GB, "2027-01-01", "2026-W53"),
        # Locale tokens: what moment.js writes for the week (checked against moment 2.30).
        ("gggg-[W]ww", ENGLISH, "2026-11-18", "2026-W47"),
        ("gggg-[W]ww", ENGLISH, "2026-12-31", "2027-W01"),
        ("gggg-[W]ww", ENGLISH, "2027-01-07", "2027-W02"),
        ("gggg-[W]ww", MONDAY_EN, "2026-12-31", "2027-W01"),
        ("gggg-[W]ww", MONDAY_EN, "2027-01-01", "2027-W01"),
        ("gggg-[W]ww", MONDAY_EN, "2027-01-07", "2027-W02"),
        ("gggg-[W]ww", EN_GB, "2026-12-31", "2026-W53"),
        ("gggg-[W]ww", EN_GB, "2027-01-07", "2027-W01"),
        # Date tokens: the review week's first day inside the locale week.
        ("[Week of] YYYY-MM-DD", ENGLISH, "2026-11-18", "Week of 2026-11-16"),
        ("[Week of] YYYY-MM-DD", ENGLISH, "2026-12-31", "Week of 2026-12-28"),
        ("[Week of] YYYY-MM-DD", EN_GB, "2027-01-07", "Week of 2027-01-04"),
    ],
)
def test_weekly_note_names_across_the_new_year(
    fmt: str, week: LocaleWeek, day: str, expected: str
) -> None:
    period = week_of(date.fromisoformat(day))  # journal's Monday weeks
    assert weekly_note_path(weekly(fmt, week=week), period) == f"reviews/{expected}.md"


def test_sunday_review_weeks_get_their_iso_week_too() -> None:
    """[week] start = "sunday": the review of Sun 15 - Sat 21 November is 2026-W47."""
    period = week_of(date(2026, 11, 18), 6)
    assert weekly_note_path(weekly("GGGG-[W]WW", week=ENGLISH), period) == "reviews/2026-W47.md"
    assert weekly_note_path(weekly("gggg-[W]ww", week=ENGLISH), period) == "reviews/2026-W47.md"
    dated = weekly("YYYY-MM-DD", week=ENGLISH)
    assert weekly_note_path(dated, period) == "reviews/2026-11-15.md"


@pytest.mark.parametrize("week", [ENGLISH, MONDAY_EN, EN_GB, LocaleWeek(6, 12), LocaleWeek(1, 7)])
@pytest.mark.parametrize(
    "fmt", ["GGGG-[W]WW", "gggg-[W]ww", "YYYY-MM-DD", "GGGG/[W]W", "[Week] ww [of] gggg"]
)
def test_every_weeks_note_is_one_the_plugins_find_for_that_week(fmt: str, week: LocaleWeek) -> None:
    """Over 14 years: the name reads back (as the plugins read it) as a day of the
    locale week holding the review's Thursday, so Obsidian opens this note for that
    week; ISO tokens carry the review's own ISO week; no two weeks share a name."""
    settings = weekly(fmt, week=week)
    names = set()
    monday = date(2019, 12, 30)
    for offset in range(0, 14 * 365, 7):
        period = week_of(monday + timedelta(days=offset))
        thursday = period.start + timedelta(days=3)
        path = weekly_note_path(settings, period)
        assert path is not None
        day = settings.weekly.date_of(path, week) if settings.weekly else None
        assert day is not None and week.start_of_week(day) == week.start_of_week(thursday)
        if fmt.startswith("G"):
            assert day.isocalendar()[:2] == thursday.isocalendar()[:2]
        names.add(path)
    assert len(names) == len(range(0, 14 * 365, 7))


def test_an_existing_weekly_note_is_found_by_its_name() -> None:
    english = weekly("GGGG [Week] WW", week=ENGLISH)
    w47 = parse_week("2026-W47")
    mine = ["reviews/2026 Week 46.md", "reviews/2026 Week 47.md", "reviews/notes.md"]
    assert weekly_note_path(english, w47, mine) == "reviews/2026 Week 47.md"
    dated = weekly("[Week of] YYYY-MM-DD", week=ENGLISH)
    existing = ["reviews/Week of 2026-11-17.md", "reviews/Week of 2026-11-24.md"]
    assert weekly_note_path(dated, w47, existing) == "reviews/Week of 2026-11-17.md"
    # one made by the plugin (named after the Sunday that starts the English week)
    assert weekly_note_path(dated, w47, ["reviews/Week of 2026-11-15.md"]) == (
        "reviews/Week of 2026-11-15.md"
    )
    # Saturday 21st is in that week, Sunday 22nd starts the next English week
    assert weekly_note_path(dated, w47, ["reviews/Week of 2026-11-22.md"]) == (
        "reviews/Week of 2026-11-16.md"
    )
    # a note of that name outside the weekly folder is not it; archives below it are
    assert weekly_note_path(dated, w47, ["elsewhere/Week of 2026-11-17.md"]) == (
        "reviews/Week of 2026-11-16.md"
    )
    assert weekly_note_path(dated, w47, ["reviews/2026/Week of 2026-11-18.md"]) == (
        "reviews/2026/Week of 2026-11-18.md"
    )


def test_no_weekly_notes_no_path() -> None:
    assert weekly_note_path(PeriodicSettings(), parse_week("2026-W47")) is None


def test_resolve_settings_is_pure() -> None:
    files = {DAILY_PATH: {"format": "YYYYMMDD"}}
    settings = resolve_settings(files, frozenset())
    assert settings.daily_date("20261120.md") == date(2026, 11, 20)
    assert settings.key != PeriodicSettings().key


# --- the locale: which rules gggg, ww and startOf('week') follow ---------------------------

WEEKLY = {"weekly": {"enabled": True, "folder": "Weekly", "format": "gggg-[W]ww"}}


@pytest.mark.parametrize(
    ("files", "plugins", "locale", "expected"),
    [
        ({}, [], "en", ("en", LocaleWeek(0, 6))),  # moment's English: Obsidian's default
        ({}, [], "en-GB", ("en-gb", LocaleWeek(1, 4))),  # [obsidian] locale
        ({}, [], "en_US", ("en", LocaleWeek(0, 6))),  # as moment falls back to "en"
        ({}, [], "de-AT", ("de-at", LocaleWeek(1, 4))),
        ({}, [], "pt-PT", ("pt", LocaleWeek(1, 4))),
        ({CALENDAR_PATH: {"weekStart": "monday"}}, ["calendar"], "en", ("en", LocaleWeek(1, 6))),
        (
            {CALENDAR_PATH: {"localeOverride": "en-gb", "weekStart": "locale"}},
            ["calendar"],
            "en",
            ("en-gb", LocaleWeek(1, 4)),
        ),
        (
            {CALENDAR_PATH: {"localeOverride": "system-default", "weekStart": "sunday"}},
            ["calendar"],
            "fr",
            ("fr", LocaleWeek(0, 4)),
        ),
        ({CALENDAR_PATH: {"localeOverride": "en-gb"}}, [], "en", ("en", LocaleWeek(0, 6))),
        # Periodic Notes 1.x keeps them in .obsidian/app.json (vault.getConfig)
        (
            {APP_PATH: {"localeOverride": "de", "weekStart": "sunday"}, PERIODIC_PATH: WEEKLY},
            ["periodic-notes"],
            "en",
            ("de", LocaleWeek(0, 4)),
        ),
        ({APP_PATH: {"localeOverride": "de"}}, ["calendar"], "en", ("en", LocaleWeek(0, 6))),
        # both plugins: the Calendar's setting wins
        (
            {APP_PATH: {"localeOverride": "de"}, CALENDAR_PATH: {"localeOverride": "tr"}},
            ["periodic-notes", "calendar"],
            "en",
            ("tr", LocaleWeek(1, 7)),
        ),
    ],
)
def test_the_locale_comes_from_the_plugins_or_the_config(
    tmp_path: Path,
    files: dict[str, Any],
    plugins: list[str],
    locale: str,
    expected: tuple[str, LocaleWeek],
) -> None:
    obsidian(tmp_path, files, plugins)
    settings = load_periodic(tmp_path, locale)
    assert (settings.locale, settings.week) == expected
    assert settings.problems == ()


def test_an_unknown_locale_in_a_plugin_is_a_problem(tmp_path: Path) -> None:
    obsidian(tmp_path, {CALENDAR_PATH: {"localeOverride": "xx-yy"}}, ["calendar"])
    settings = load_periodic(tmp_path, "en-gb")
    assert (settings.locale, settings.week) == ("en-gb", LocaleWeek(1, 4))
    assert settings.problems == (f"{CALENDAR_PATH}: moment.js has no locale 'xx-yy'; ignored",)


def test_a_calendar_set_to_en_gb_names_the_weekly_note_iso_style(tmp_path: Path) -> None:
    calendar = {"localeOverride": "en-gb", "weeklyNoteFolder": "W"}
    obsidian(tmp_path, {CALENDAR_PATH: calendar}, ["calendar"])
    settings = load_periodic(tmp_path)
    assert weekly_note_path(settings, week_of(date(2027, 1, 1))) == "W/2026-W53.md"
    english = load_periodic(obsidian(tmp_path, {CALENDAR_PATH: {**calendar, "localeOverride": ""}}))
    assert weekly_note_path(english, week_of(date(2027, 1, 1))) == "W/2027-W01.md"
    # Start week on Monday keeps English's week 1 (the week of 2 January): not ISO
    monday = load_periodic(obsidian(tmp_path, {CALENDAR_PATH: {"weekStart": "monday"}}))
    assert monday.week == LocaleWeek(1, 6)
    assert render("gggg-[W]ww", date(2026, 12, 31), monday.week) == "2027-W01"
    assert render("gggg-[W]ww", date(2027, 1, 1), monday.week) == "2027-W01"


def test_the_config_locale_is_checked(vault: Path, invoke: Invoke) -> None:
    (vault / ".journal/config.toml").write_text('[obsidian]\nlocale = "klingon"\n')
    result = invoke("list")
    assert result.exit_code == 1
    assert "'obsidian.locale': moment.js has no locale 'klingon'" in result.stderr


# --- journal review and the weekly note ---------------------------------------------------


def weekly_vault(vault: Path, fmt: str, folder: str = "Weekly") -> None:
    """Periodic Notes 0.x with weekly notes on, Obsidian in English (Sunday weeks)."""
    weekly_settings = {"weekly": {"enabled": True, "folder": folder, "format": fmt}}
    obsidian(vault, {PERIODIC_PATH: weekly_settings}, ["periodic-notes"])


def test_review_finds_the_weekly_note_you_made_instead_of_a_second_one(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    weekly_vault(vault, "GGGG [Week] WW")
    write("goals/a.md", goal_text("Alpha"))
    write("Weekly/2026 Week 47.md", "# My week\n")
    assert invoke("review", "--date", "2026-11-18").stdout == "Weekly/2026 Week 47.md: updated\n"
    assert invoke("review", "--date", "2026-12-31").stdout == "Weekly/2026 Week 53.md: created\n"
    assert invoke("review", "--date", "2027-01-07").stdout == (
        "Weekly/2027 Week 01.md: created\nWeekly/2026 Week 53.md: next link added\n"
    )
    names = sorted(p.name for p in (vault / "Weekly").iterdir())
    assert names == ["2026 Week 47.md", "2026 Week 53.md", "2027 Week 01.md"]
    made = (vault / "Weekly/2026 Week 53.md").read_text()
    assert made.startswith("---\ntype: review\nweek: 2026-W53\nstart: 2026-12-28\n")


def test_review_finds_a_week_of_note_by_its_date(vault: Path, write: Write, invoke: Invoke) -> None:
    weekly_vault(vault, "[Week of] YYYY-MM-DD", folder="")
    write("goals/a.md", goal_text("Alpha"))
    write("Week of 2026-11-17.md", "notes\n")
    assert invoke("review", "--date", "2026-11-20").stdout == "Week of 2026-11-17.md: updated\n"
    assert invoke("review", "--date", "2026-11-23").stdout == (
        "Week of 2026-11-23.md: created\nWeek of 2026-11-17.md: next link added\n"
    )
    assert " · next: [[Week of 2026-11-23]]\n" in (vault / "Week of 2026-11-17.md").read_text()


def test_a_weekly_note_from_your_template_gets_sections_and_nothing_else(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    weekly_vault(vault, "GGGG-[W]WW")
    write("goals/a.md", goal_text("Alpha"))
    mine = "---\ntype: weekly\nweek: 47\nstart: Monday\ntags: [weekly]\n---\n# Week 47\n\nPlans.\n"
    write("Weekly/2026-W47.md", mine)
    untyped = "---\nmood: good\n---\nNo type here.\n"
    write("Weekly/2026-W46.md", untyped)
    assert invoke("review", "--date", "2026-11-18").stdout == "Weekly/2026-W47.md: updated\n"
    text = (vault / "Weekly/2026-W47.md").read_text()
    assert text.startswith(mine + "\n<!-- journal:begin period")
    assert invoke("review", "--date", "2026-11-11").stdout == "Weekly/2026-W46.md: updated\n"
    assert (vault / "Weekly/2026-W46.md").read_text().startswith(untyped + "\n<!-- journal:begin")
    # a second run regenerates the sections in place and still sets no property
    write("goals/b.md", goal_text("Beta"))
    assert invoke("review", "--date", "2026-11-18").stdout == "Weekly/2026-W47.md: updated\n"
    again = (vault / "Weekly/2026-W47.md").read_text()
    assert again.startswith(mine + "\n<!-- journal:begin period") and "Beta" in again


def test_sections_added_to_a_crlf_weekly_note_take_its_bodys_line_ends(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """A template pasted from another system: LF front matter over a CRLF body.  The
    sections appended take the body's CRLF (the front matter's LF would mix them)."""
    weekly_vault(vault, "GGGG-[W]WW")
    write("goals/a.md", goal_text("Alpha"))
    mine = b"---\nmood: good\n---\r\n# Week 47\r\n\r\nPlans.\r\n"
    write("Weekly/2026-W47.md", mine)
    assert invoke("review", "--date", "2026-11-18").stdout == "Weekly/2026-W47.md: updated\n"
    data = (vault / "Weekly/2026-W47.md").read_bytes()
    assert data.startswith(mine + b"\r\n<!-- journal:begin period")
    assert b"\n" not in data[len(b"---\nmood: good\n") :].replace(b"\r\n", b"")


def test_weekly_notes_can_be_turned_off(vault: Path, write: Write, invoke: Invoke) -> None:
    weekly_vault(vault, "GGGG-[W]WW")
    (vault / ".journal/config.toml").write_text(
        '[obsidian]\nweekly_notes = false\n\n[review]\nname = "Review {week}"\n'
    )
    write("goals/a.md", goal_text("Alpha"))
    write("Weekly/2026-W47.md", "---\ntype: weekly\n---\nmine\n")
    assert invoke("review").stdout == "reviews/Review 2026-W47.md: created\n"
    assert (vault / "Weekly/2026-W47.md").read_text() == "---\ntype: weekly\n---\nmine\n"


def test_the_advice_for_a_note_in_the_way_is_what_works(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    write("goals/a.md", goal_text("Alpha"))
    write("reviews/2026-W47.md", "---\ntype: goal\n---\n")
    result = invoke("review")
    assert result.exit_code == 1
    assert "not touching it (move it, or change [review] name in the config)" in result.stderr
    (vault / ".journal/config.toml").write_text('[review]\nname = "{week} review"\n')
    assert invoke("review").stdout == "reviews/2026-W47 review.md: created\n"


# --- names in the locale's language ----------------------------------------------------

LEA_CALENDAR = {
    "localeOverride": "fr",
    "weeklyNoteFormat": "[Semaine du] D MMMM YYYY",
    "weeklyNoteFolder": "Hebdo2",
    "showWeeklyNote": True,
}


def test_a_french_weekly_note_is_found_and_named_in_french(
    vault: Path, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: with the Calendar plugin in French, the review made
    `Semaine du 30 November 2026.md` beside the user's `Semaine du 30 novembre 2026.md`."""
    obsidian(vault, {CALENDAR_PATH: LEA_CALENDAR}, ["calendar"])
    write("goals/a.md", goal_text("Alpha"))
    write("Hebdo2/Semaine du 30 novembre 2026.md", "# Ma semaine\n")
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-01")
    result = invoke("review")
    assert (result.stdout, result.stderr) == (
        "Hebdo2/Semaine du 30 novembre 2026.md: updated\n",
        "",
    )
    assert invoke("review", "--date", "2026-12-08").stdout == (
        "Hebdo2/Semaine du 7 décembre 2026.md: created\n"
        "Hebdo2/Semaine du 30 novembre 2026.md: next link added\n"
    )
    assert sorted(p.name for p in (vault / "Hebdo2").iterdir()) == [
        "Semaine du 30 novembre 2026.md",
        "Semaine du 7 décembre 2026.md",
    ]


@pytest.mark.parametrize(
    ("locale", "fmt", "name"),
    [
        ("ja", "YYYY年MM月DD日(ddd)", "2026年11月20日(金)"),
        ("fr", "dddd D MMMM YYYY", "vendredi 20 novembre 2026"),
        ("de", "dddd, D. MMMM YYYY", "Freitag, 20. November 2026"),
    ],
)
def test_daily_notes_named_in_the_locales_language_count(
    vault: Path, write: Write, locale: str, fmt: str, name: str
) -> None:
    """Reported: `2026年11月20日(金).md` (Japanese) and `samedi 21 novembre 2026.md`
    (French) were not read as daily notes: only English names were."""
    obsidian(vault, {DAILY_PATH: {"folder": "Journal", "format": fmt}})
    (vault / ".journal/config.toml").write_text(f'[obsidian]\nlocale = "{locale}"\n')
    write("goals/Lead.md", goal_text("Lead", current=2))
    write(f"Journal/{name}.md", "progress:: [[Lead]] +1 met Sam\n")
    checkins = load_catalog(Vault.open(vault)).goals[0].checkins
    assert [(c.day, c.path) for c in checkins if c.path.startswith("Journal/")] == [
        (date(2026, 11, 20), f"Journal/{name}.md")
    ]


def test_a_format_with_names_journal_lacks_is_told_and_makes_no_weekly_note(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    calendar = {**LEA_CALENDAR, "localeOverride": "tr"}
    obsidian(
        vault, {CALENDAR_PATH: calendar, DAILY_PATH: {"format": "D MMMM YYYY dddd"}}, ["calendar"]
    )
    write("goals/a.md", goal_text("Alpha"))
    result = invoke("review")
    assert result.stdout == "reviews/2026-W47.md: created\n"
    assert not (vault / "Hebdo2").exists()
    weekly_notice = (
        f"{CALENDAR_PATH}: the format '[Semaine du] D MMMM YYYY' writes month or weekday "
        "names, and journal has none for moment.js locale 'tr': reviews go to [folders] "
        "review, not to weekly notes"
    )
    assert result.stderr.count(weekly_notice) == 1, result.stderr
    assert f"{DAILY_PATH}: the format 'D MMMM YYYY dddd' writes month or weekday names" in (
        result.stderr
    )
    settings = load_periodic(vault)
    assert settings.weekly is not None and settings.weekly.names is None
    assert weekly_note_path(settings, week_of(date(2026, 11, 18))) is None
    # a format without names is the same in every locale
    obsidian(vault, {CALENDAR_PATH: {**calendar, "weeklyNoteFormat": "GGGG-[W]WW"}})
    assert invoke("review", "--date", "2026-12-08").stdout == "Hebdo2/2026-W50.md: created\n"


# --- log lines dated by a daily note's name ----------------------------------------------

FRENCH_DAILY = {"folder": "Journal/Quotidien", "format": "dddd D MMMM YYYY"}


def french_vault(vault: Path, write: Write, log: str) -> None:
    obsidian(vault, {DAILY_PATH: FRENCH_DAILY})
    (vault / ".journal/config.toml").write_text('[obsidian]\nlocale = "fr"\n')
    text = goal_text("Lead", current=0).split("## Log")[0] + f"## Log\n\n{log}"
    write("goals/Lead.md", text)


def test_a_log_line_dated_by_a_link_to_a_daily_note_counts(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """Reported: `- [[samedi 5 décembre 2026]]: +1` in a French vault counted nothing and
    got no finding; the linked note need not exist."""
    french_vault(
        vault,
        write,
        "- [[samedi 5 décembre 2026]]: +1 link\n"
        "- [[Journal/Quotidien/samedi 5 décembre 2026|samedi]]: +1 path alias\n"
        "- samedi 5 décembre 2026 : +1 plain weekday\n"
        "- [[dimanche 6 décembre 2026]] +2 not written yet\n",
    )
    write("Journal/Quotidien/samedi 5 décembre 2026.md", "# samedi\n")
    checkins = load_catalog(Vault.open(vault)).goals[0].checkins
    assert [(c.day, c.op, c.amount, c.note) for c in checkins] == [
        (date(2026, 12, 5), "+", 1.0, "link"),
        (date(2026, 12, 5), "+", 1.0, "path alias"),
        (date(2026, 12, 5), "+", 1.0, "plain weekday"),
        (date(2026, 12, 6), "+", 2.0, "not written yet"),
    ]
    assert invoke("check", "--select", "H006").stdout == "All checks passed (1 goal checked).\n"


def test_a_log_line_whose_linked_or_written_date_cant_be_read_is_reported(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    french_vault(
        vault,
        write,
        "- [[5 décembre 2026]]: +1 not the format\n"
        "- [[vendredi 5 décembre 2026]]: +1 wrong weekday\n"
        "- sam. 5 décembre 2026 : +1 short weekday\n"
        "- 5 décembre 2026 : +1 plain\n"
        "- [[Dana Ortiz]] a link to a person, no value\n",
    )
    result = invoke("check", "--select", "H006")
    lines = [line for line in result.stdout.splitlines() if "H006" in line]
    assert len(lines) == 4, result.stdout
    assert "'[[5 décembre 2026]]' names no day" in lines[0]
    assert "dddd D MMMM YYYY" in lines[0] and "'fr'" in lines[0]
    assert "'[[vendredi 5 décembre 2026]]' names no day" in lines[1]
    assert "'sam. 5 décembre 2026' must be written YYYY-MM-DD" in lines[2]
    assert "'5 décembre 2026' must be written YYYY-MM-DD" in lines[3]
    assert load_catalog(Vault.open(vault)).goals[0].checkins == []


def test_a_daily_note_with_a_decomposed_name_is_dated(vault: Path, write: Write) -> None:
    """Reported: a German daily note whose file name is NFD (as macOS may write it) was
    not dated, so its `progress::` counted nothing."""
    obsidian(vault, {DAILY_PATH: {"folder": "Tagebuch", "format": "dddd, D. MMMM YYYY"}})
    (vault / ".journal/config.toml").write_text('[obsidian]\nlocale = "de"\n')
    write("goals/Lead.md", goal_text("Lead", current=2))
    name = unicodedata.normalize("NFD", "Montag, 2. März 2026")
    write(f"Tagebuch/{name}.md", "progress:: [[Lead]] +1 x\n")
    checkins = load_catalog(Vault.open(vault)).goals[0].checkins
    assert [c.day for c in checkins if c.path.startswith("Tagebuch/")] == [date(2026, 3, 2)]


def test_without_daily_notes_a_log_line_dated_by_a_name_is_reported(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    write(
        "goals/Lead.md",
        goal_text("Lead", current=0).split("## Log")[0] + "## Log\n\n"
        "- [[samedi 5 décembre 2026]]: +1 link\n"
        "- samedi 5 décembre 2026 : +1 plain weekday\n"
        "- [[Dana Ortiz]] met her\n",
    )
    lines = invoke("check", "--select", "H006").stdout.splitlines()
    assert [line.split("H006  warning  ")[1] for line in lines if "H006" in line] == [
        "log line: '[[samedi 5 décembre 2026]]' names no day: write the date YYYY-MM-DD "
        "([[2026-11-20]]); the line is not read",
        "log line: the date 'samedi 5 décembre 2026' must be written YYYY-MM-DD (which day "
        "it means is not guessed); the line is not read",
    ]


def test_journal_log_counts_a_log_line_dated_by_a_daily_note(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """The log agreed with `current`: no line for progress "made before the log"."""
    french_vault(vault, write, "- [[samedi 5 décembre 2026]]: +1 link\n")
    (vault / "goals/Lead.md").write_text(
        (vault / "goals/Lead.md").read_text().replace("current: 0", "current: 1")
    )
    assert invoke("log", "Lead", "+1", "second").exit_code == 0
    text = (vault / "goals/Lead.md").read_text()
    assert "current: 2\n" in text
    # in date order: before the line of a later day, as a line dated YYYY-MM-DD
    assert text.endswith("- 2026-11-22: +1 second\n- [[samedi 5 décembre 2026]]: +1 link\n")


def test_a_backdated_check_in_goes_before_a_later_line_dated_by_a_daily_note(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """The log stays in date order: a line dated by a daily note's name is dated where
    `journal log` places a backdated line too (it went after it, as if undated)."""
    obsidian(vault, {DAILY_PATH: {"folder": "daily", "format": "DD.MM.YYYY"}})
    text = goal_text("Lead", current=1).split("## Log")[0] + "## Log\n\n- [[20.11.2026]]: +1 x\n"
    write("goals/Lead.md", text)
    assert invoke("log", "Lead", "+1", "y", "--date", "2026-11-19").exit_code == 0
    assert (
        (vault / "goals/Lead.md")
        .read_text()
        .endswith("## Log\n\n- 2026-11-19: +1 y\n- [[20.11.2026]]: +1 x\n")
    )


def test_journal_set_current_reads_a_log_line_dated_by_a_daily_note(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """baseline plus the log gives the current set: no `=N` line is added."""
    french_vault(vault, write, "- [[samedi 5 décembre 2026]]: +1 link\n")
    assert invoke("set", "Lead", "current=1").exit_code == 0
    assert (
        (vault / "goals/Lead.md")
        .read_text()
        .endswith("## Log\n\n- [[samedi 5 décembre 2026]]: +1 link\n")
    )


def test_h010_names_the_daily_format_locale_and_right_weekday(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """Reported: `samedi 6 décembre 2026.md` (a Sunday) got a generic fix, naming no
    format, locale or weekday, though docs/checks.md promised them."""
    french_vault(vault, write, "- 2026-11-20: +1 x\n")
    write("Journal/Quotidien/samedi 6 décembre 2026.md", "progress:: [[Lead]] +1 x\n")
    write("Journal/Quotidien/notes.md", "progress:: [[Lead]] +1 x\n")
    write("notes/idea.md", "progress:: [[Lead]] +1 x\n")
    out = invoke("check", "--select", "H010").stdout
    assert (
        "or make it a daily note in Journal/Quotidien/ (daily notes are named in the format "
        "'dddd D MMMM YYYY' (moment.js locale 'fr'))"
    ) in out
    assert (
        "a daily note's name: 'samedi 6 décembre 2026' in 'dddd D MMMM YYYY' is no day: "
        "December 6, 2026 is a Sunday; the daily note is 'dimanche 6 décembre 2026' "
        "(moment.js locale 'fr')"
    ) in out
    assert (
        "a daily note's name: daily notes are named in the format 'dddd D MMMM YYYY' "
        "(moment.js locale 'fr')"
    ) in out


def test_h010_says_when_daily_notes_are_not_read_by_their_names(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    obsidian(vault, {DAILY_PATH: {"folder": "J", "format": "dddd D MMMM YYYY"}})
    (vault / ".journal/config.toml").write_text('[obsidian]\nlocale = "tr"\n')
    write("goals/Lead.md", goal_text("Lead"))
    write("J/Cumartesi 5 Aralik 2026.md", "progress:: [[Lead]] +1 x\n")
    assert (
        "daily notes are not read by their names: their format 'dddd D MMMM YYYY' writes "
        "names journal has none for in moment.js locale 'tr'"
    ) in invoke("check", "--select", "H010").stdout
