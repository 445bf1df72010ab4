"""Obsidian's periodic notes: where daily and weekly notes live and how they are named.

The settings come from ``.obsidian/`` (read by ``adapters/obsidian.py``) and are
resolved as Obsidian's plugins resolve them (obsidian-daily-notes-interface):

- **daily**: the Periodic Notes plugin's daily settings when that plugin is enabled
  and its daily notes are on, else the core Daily Notes settings
  (``.obsidian/daily-notes.json``), else the vault root when that core plugin is on
  with no settings (:func:`default_daily`); the format defaults to ``YYYY-MM-DD``.
- **weekly**: the Periodic Notes plugin's weekly settings when enabled, else the
  Calendar plugin's weekly-note settings; the format defaults to ``gggg-[W]ww``.
- **locale weeks** (``gggg``, ``ww``, ``startOf('week')``): the rules of moment's
  locale as the plugins set it: the *Locale* of the Calendar plugin or of Periodic
  Notes 1.x (``.obsidian/app.json``) when one is chosen, else ``[obsidian] locale``
  (moment's English by default: weeks start on Sunday, week 1 holds 1 January);
  their *Start week on* then moves the first day.
- **names** (``MMMM``, ``ddd``, ``Do``...): that locale's, as moment writes them
  (``core/moment_locales.py``).  A format that writes names in a locale journal has
  none for is told as a problem: its daily notes are not read by their names, and
  weekly notes are not used (the review goes to ``[folders] review``).

A format may hold ``/``: each part is a folder below the note folder, as when
Obsidian creates the note.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import field, replace
from datetime import date, timedelta
from typing import Any

from journal.core import moment
from journal.core.dates import Period
from journal.core.moment import ENGLISH, ENGLISH_WEEK, FormatError, LocaleWeek, Names
from journal.core.moment_locales import LOCALES, locale_name, locale_names
from journal.core.records import Record, record

DAILY_FORMAT = "YYYY-MM-DD"
WEEKLY_FORMAT = "gggg-[W]ww"
DAILY_PATH = ".obsidian/daily-notes.json"
PERIODIC_PATH = ".obsidian/plugins/periodic-notes/data.json"
CALENDAR_PATH = ".obsidian/plugins/calendar/data.json"
APP_PATH = ".obsidian/app.json"
SETTINGS_FILES = (DAILY_PATH, PERIODIC_PATH, CALENDAR_PATH, APP_PATH)
#: The core plugins turned on: read only when no daily-note settings are found.
CORE_PLUGINS_PATH = ".obsidian/core-plugins.json"
_WEEKDAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")


@record(frozen=True, slots=True)
class NoteFormat(Record):
    """Where one kind of periodic note lives (``folder``, vault-relative, may be
    empty) and how it is named (a moment.js ``format``, with the locale's month and
    weekday ``names``: None when the format writes names and journal has none for the
    locale); ``source`` names the settings file it came from."""

    folder: str
    format: str
    source: str
    names: Names | None = ENGLISH

    def date_of(self, path: str, week: LocaleWeek) -> date | None:
        """The day a note at ``path`` is named after, when it lies in the folder (or
        below it) and its name (with as many parent folders as the format has parts)
        reads in the format; else None (always, when the ``names`` are not known)."""
        if self.names is None:
            return None
        if self.folder:
            if not path.startswith(self.folder + "/"):
                return None
            path = path[len(self.folder) + 1 :]
        if path.lower().endswith(".md"):
            path = path[:-3]
        return self.date_named(path, week)

    def date_named(self, name: str, week: LocaleWeek, *, weekday: bool = True) -> date | None:
        """The day a daily note's ``name`` (a link's target: its path or file name,
        without ``.md``) reads as in the format, its folder not asked; with ``weekday``
        False, the day it would be if its weekday name were right.  A name that is not
        ASCII is read NFC (a file system may give it decomposed: ``a`` and U+0308)."""
        if self.names is None:
            return None
        if not name.isascii():
            name = unicodedata.normalize("NFC", name)
        parts = name.split("/")
        depth = _depth(self.format)
        if len(parts) < depth:
            return None
        text = "/".join(parts[-depth:])
        try:
            return moment.parse(self.format, text, week, self.names, weekday=weekday)
        except FormatError:
            return None


@record(frozen=True, slots=True)
class PeriodicSettings(Record):
    """The vault's daily and weekly note settings (None: not configured), the locale
    week rules (and the moment locale they come from), and problems met while
    reading them (one line each)."""

    daily: NoteFormat | None = None
    weekly: NoteFormat | None = None
    week: LocaleWeek = ENGLISH_WEEK
    problems: tuple[str, ...] = field(default=())
    locale: str = "en"

    @property
    def key(self) -> str:
        """A fingerprint of what dates notes (the index is rebuilt when it changes)."""
        daily = self.daily
        if daily is None:
            return ""
        key = f"{daily.folder}\0{daily.format}\0{self.week.dow},{self.week.doy}"
        if moment.uses_names(daily.format):
            key += f"\0{daily.names.locale if daily.names else ''}"
        return key

    def daily_date(self, path: str) -> date | None:
        """The day of the daily note at ``path``, or None when it is not one."""
        return self.daily.date_of(path, self.week) if self.daily is not None else None

    def day_named(self, name: str) -> date | None:
        """The day a link to the daily note ``name`` means (see :meth:`NoteFormat.date_named`),
        or None."""
        return self.daily.date_named(name, self.week) if self.daily is not None else None

    def daily_names(self, name: str) -> str:
        """How daily notes are named (``daily`` set, with its ``names``), said of one named
        ``name`` that reads as no day: its right name when only its weekday is wrong."""
        daily = self.daily
        assert daily is not None and daily.names is not None
        fmt, names, week = daily.format, daily.names, self.week
        locale = f"moment.js locale '{self.locale}'"
        day = daily.date_named(name, week, weekday=False)
        if day is None:
            return f"daily notes are named in the format '{fmt}' ({locale})"
        return (
            f"'{name}' in '{fmt}' is no day: {moment.render('MMMM D, YYYY', day)} is a "
            f"{moment.render('dddd', day)}; the daily note is "
            f"'{moment.render(fmt, day, week, names)}' ({locale})"
        )


def weekly_note_path(
    settings: PeriodicSettings, period: Period, existing: Iterable[str] = ()
) -> str | None:
    """Where the weekly note of ``period`` is (vault-relative, ``.md``), or None when
    the vault has no weekly notes configured, or their format writes names journal
    does not have for the locale (``weekly.names`` is None).

    The period stands for the locale week that holds its Thursday (the day that
    also labels it ISO-style).  Like the plugins, a note of ``existing`` (paths
    below the weekly folder) whose name reads, in the format, as a day of that
    locale week is the week's note (the first in path order when there are
    several).  Otherwise the note is named by rendering the format on the first
    day of the period that lies in that locale week and, when the format has ISO
    week tokens (``G``, ``W``), in the ISO week: so both kinds of token name the
    period's own week.
    """
    weekly = settings.weekly
    if weekly is None or weekly.names is None:
        return None
    week = settings.week
    thursday = period.start + timedelta(days=(3 - period.start.weekday()) % 7)
    start = week.start_of_week(thursday)
    for path in sorted(existing):
        day = weekly.date_of(path, week)
        if day is not None and week.start_of_week(day) == start:
            return path
    day = max(period.start, start)
    if any(is_token and text[0] in "GW" for text, is_token in moment.tokens(weekly.format)):
        day = max(day, thursday - timedelta(days=3))
    return in_folder(weekly.folder, f"{moment.render(weekly.format, day, week, weekly.names)}.md")


def _depth(fmt: str) -> int:
    """How many path parts a rendered name has (``/`` inside ``[...]`` counts too,
    as it does when Obsidian creates the file)."""
    return 1 + sum(text.count("/") for text, _is_token in moment.tokens(fmt))


def clean_folder(value: Any) -> str:
    """A settings folder as a vault-relative path (Obsidian's ``normalizePath``): ``""``
    for the vault's own folder (``"."``)."""
    if not isinstance(value, str):
        return ""
    parts = [p for p in value.replace("\\", "/").split("/") if p not in ("", ".")]
    return "/".join(parts)


def in_folder(folder: str, name: str) -> str:
    """The vault path of ``name`` in ``folder`` (as :func:`clean_folder` gives it)."""
    return f"{folder}/{name}" if folder else name


def resolve_settings(
    files: Mapping[str, Any], enabled_plugins: frozenset[str], locale: str = "en"
) -> PeriodicSettings:
    """The settings from the parsed JSON of ``.obsidian/`` files, keyed by their
    vault-relative path; ``enabled_plugins`` are the community plugins turned on;
    ``locale`` is the moment locale Obsidian has when no plugin sets one."""
    problems: list[str] = []
    enabled = "periodic-notes" in enabled_plugins
    periodic = files.get(PERIODIC_PATH) if enabled else None
    calendar = files.get(CALENDAR_PATH) if "calendar" in enabled_plugins else None
    daily = _from_periodic(periodic, "daily", "day", DAILY_FORMAT)
    if daily is None and isinstance(files.get(DAILY_PATH), dict):
        options = files[DAILY_PATH]
        daily = _note_format(options.get("folder"), options.get("format"), DAILY_FORMAT, DAILY_PATH)
    weekly = _from_periodic(periodic, "weekly", "week", WEEKLY_FORMAT)
    if weekly is None and isinstance(calendar, dict):
        folder, fmt = calendar.get("weeklyNoteFolder"), calendar.get("weeklyNoteFormat")
        shown = calendar.get("showWeeklyNote")  # the plugin's switch for weekly notes
        if not isinstance(shown, bool):  # no switch written: on when a setting is filled in
            shown = any(isinstance(v, str) and v.strip() for v in (folder, fmt))
        if shown:
            weekly = _note_format(folder, fmt, WEEKLY_FORMAT, CALENDAR_PATH)
    sources = [(APP_PATH, files.get(APP_PATH) if enabled else None), (CALENDAR_PATH, calendar)]
    name, week = _locale_week(locale, sources, problems)
    daily = _valid(daily, problems, name, _UNNAMED_DAILY)
    weekly = _valid(weekly, problems, name, _UNNAMED_WEEKLY)
    return PeriodicSettings(daily, weekly, week, tuple(problems), name)


def default_daily(core_plugins: Any) -> NoteFormat | None:
    """Obsidian's daily notes when no settings say where they go (no ``daily-notes.json``,
    no Periodic Notes daily settings): at the vault root, named ``YYYY-MM-DD``, when the
    Daily notes core plugin is on by ``core_plugins``, the JSON of ``core-plugins.json`` in
    either form Obsidian has written it (each core plugin's switch,
    ``{"daily-notes": true}``; in older versions, the list of those turned on)."""
    if isinstance(core_plugins, dict):
        on = core_plugins.get("daily-notes") is True
    else:
        on = isinstance(core_plugins, list) and "daily-notes" in core_plugins
    return NoteFormat("", DAILY_FORMAT, CORE_PLUGINS_PATH) if on else None


def _locale_week(
    locale: str, sources: list[tuple[str, Any]], problems: list[str]
) -> tuple[str, LocaleWeek]:
    """moment's locale and its week rules as the plugins leave them: ``locale``, then
    each source's ``localeOverride`` and ``weekStart`` (the first day of the week;
    ``doy`` stays the locale's, as moment's ``updateLocale`` keeps it); a later
    source wins."""
    name = locale_name(locale) or "en"
    first_day = None
    for path, data in sources:
        if not isinstance(data, dict):
            continue
        override = data.get("localeOverride")
        if isinstance(override, str) and override not in ("", "system-default"):
            found = locale_name(override)
            if found is None:
                problems.append(f"{path}: moment.js has no locale '{override}'; ignored")
            name = found or name
        start = data.get("weekStart")
        if isinstance(start, str) and start.lower() in _WEEKDAYS:
            first_day = _WEEKDAYS.index(start.lower())
    week = LOCALES[name]
    return name, week if first_day is None else LocaleWeek(first_day, week.doy)


#: What becomes of notes whose format writes names journal has none for.
_UNNAMED_DAILY = "daily notes are dated only by a `date` property or a name starting YYYY-MM-DD"
_UNNAMED_WEEKLY = "reviews go to [folders] review, not to weekly notes"


def _valid(
    item: NoteFormat | None, problems: list[str], locale: str, unnamed: str
) -> NoteFormat | None:
    """``item`` when its format can be rendered and read, with ``locale``'s names when it
    writes names (None when journal has none for it, and a problem saying ``unnamed``),
    else None and a problem."""
    if item is None:
        return None
    try:
        uses_names = moment.uses_names(item.format)
    except FormatError as exc:
        problems.append(f"{item.source}: {exc.message}; ignored")
        return None
    if not uses_names:
        return item
    names = locale_names(locale)
    if names is None:
        problems.append(
            f"{item.source}: the format '{item.format}' writes month or weekday names, and "
            f"journal has none for moment.js locale '{locale}': {unnamed}"
        )
    return replace(item, names=names)


#: The periods of the Periodic Notes settings: the key of each in 0.x, and in 1.x.
_PERIODS = (
    ("daily", "day"),
    ("weekly", "week"),
    ("monthly", "month"),
    ("quarterly", "quarter"),
    ("yearly", "year"),
)


def template_notes(files: Mapping[str, Any]) -> list[str]:
    """The template notes the daily note, Periodic Notes (0.x and 1.x) and Calendar
    settings name (``files``: their parsed JSON by vault-relative path), as
    vault-relative ``.md`` paths: templates, with placeholders, not notes."""
    named: list[Any] = []
    daily, calendar = files.get(DAILY_PATH), files.get(CALENDAR_PATH)
    if isinstance(daily, dict):
        named.append(daily.get("template"))
    if isinstance(calendar, dict):
        named.append(calendar.get("weeklyNoteTemplate"))
    periodic = files.get(PERIODIC_PATH)
    if isinstance(periodic, dict):
        sets = periodic.get("calendarSets")
        sections = [periodic.get(old) for old, _new in _PERIODS]
        if isinstance(sets, list):
            sections += [s.get(new) for s in sets if isinstance(s, dict) for _old, new in _PERIODS]
        for section in sections:
            if isinstance(section, dict):
                named += [section.get("template"), section.get("templatePath")]
    paths = [clean_folder(text) for text in named if isinstance(text, str)]
    return [path if path.lower().endswith(".md") else f"{path}.md" for path in paths if path]


def _from_periodic(data: Any, old_key: str, new_key: str, default: str) -> NoteFormat | None:
    """The Periodic Notes plugin's settings of one period: ``daily``/``weekly`` in its
    0.x settings, ``day``/``week`` of the active calendar set in 1.x."""
    if not isinstance(data, dict):
        return None
    section = data.get(old_key)
    sets = data.get("calendarSets")
    if isinstance(sets, list):
        active = data.get("activeCalendarSet")
        chosen = [s for s in sets if isinstance(s, dict) and s.get("id") == active] or sets[:1]
        section = chosen[0].get(new_key) if chosen and isinstance(chosen[0], dict) else None
    if not isinstance(section, dict) or section.get("enabled") is not True:
        return None
    return _note_format(section.get("folder"), section.get("format"), default, PERIODIC_PATH)


def _note_format(folder: Any, fmt: Any, default: str, source: str) -> NoteFormat:
    text = fmt.strip() if isinstance(fmt, str) else ""
    return NoteFormat(clean_folder(folder), text or default, source)
