"""Obsidian's daily and weekly note settings, as the plugins resolve them, and what the
review and the index make of them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from journal.adapters.obsidian import load_periodic
from journal.core.dates import parse_week, week_of
from journal.core.moment import LocaleWeek
from journal.core.periodic import (
    CALENDAR_PATH,
    DAILY_PATH,
    PERIODIC_PATH,
    NoteFormat,
    PeriodicSettings,
    resolve_settings,
    weekly_note_path,
)


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
    assert "daily-notes.json: can't read it" in settings.problems[0]
    assert "has no place in a note name" in settings.problems[1]


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


def test_weekly_note_path_follows_the_locale_week_start_like_the_plugin() -> None:
    english = weekly("gggg-[W]ww", week=LocaleWeek())
    # The plugin names the note after the Sunday that starts the locale week holding
    # the period's Thursday: Sunday 2026-12-27 is in English week 1 of 2027.
    assert weekly_note_path(english, parse_week("2026-W53")) == "reviews/2027-W01.md"
    assert weekly_note_path(english, week_of(date(2026, 11, 22), 6)) == "reviews/2026-W48.md"
    dated = weekly("YYYY-MM-DD", week=LocaleWeek())
    assert weekly_note_path(dated, parse_week("2026-W47")) == "reviews/2026-11-15.md"


def test_no_weekly_notes_no_path() -> None:
    assert weekly_note_path(PeriodicSettings(), parse_week("2026-W47")) is None


def test_resolve_settings_is_pure() -> None:
    files = {DAILY_PATH: {"format": "YYYYMMDD"}}
    settings = resolve_settings(files, frozenset())
    assert settings.daily_date("20261120.md") == date(2026, 11, 20)
    assert settings.key != PeriodicSettings().key
