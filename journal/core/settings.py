"""The vault's settings (``.journal/config.toml``): every key, its type and default.

Each section is a frozen dataclass; a key that is not a field is an error
that names it.  A vault with no config file gets every default.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Collection
from dataclasses import field
from typing import Any

from journal.core.dates import DateError, parse_duration, weekday_index
from journal.core.errors import ConfigError
from journal.core.moment_locales import locale_name
from journal.core.names import pattern_tokens, render_pattern
from journal.core.periodic import clean_folder
from journal.core.records import Record, record
from journal.core.regex import lazy


@record(frozen=True)
class Folders(Record):
    """Where new notes of each kind are created (any note may live anywhere)."""

    goal: str = "goals"
    contact: str = "people"
    meeting: str = "meetings"
    review: str = "reviews"
    plan: str = "plans"
    daily: str = "daily"


@record(frozen=True)
class Week(Record):
    """The day weeks start on (weeks are still labelled ISO style, 2026-W47)."""

    start: str = "monday"


@record(frozen=True)
class Goals(Record):
    """Defaults for goals and the limits SMART checks use."""

    review_every: str = "1w"
    hours_per_week: float = 10.0
    max_active_goals: int = 5


@record(frozen=True)
class Networking(Record):
    """Follow-up rhythm for meetings and contacts."""

    follow_up_days: int = 7
    stale_contact_days: int = 60


@record(frozen=True)
class VaultSettings(Record):
    """Folders and notes never read (vault-relative), besides hidden ones and Obsidian's
    templates."""

    exclude: list[str] = field(default_factory=list)


@record(frozen=True)
class IndexSettings(Record):
    """Where the index (a disposable cache of the notes) lives; empty: the user cache."""

    path: str = ""


@record(frozen=True)
class WatchSettings(Record):
    """How long journal watch waits for a file to be quiet, and how often it reconciles all."""

    quiet_seconds: float = 0.3
    reconcile_seconds: float = 300.0


@record(frozen=True)
class Check(Record):
    """Thresholds and rule selection of ``journal check`` (docs/checks.md)."""

    pace_ratio: float = 2.0
    pace_min_weeks: float = 2.0
    max_horizon_days: int = 365
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)


#: The least value of keys for which a smaller one makes no sense.
MINIMUM = {
    "goals.hours_per_week": 0,
    "goals.max_active_goals": 0,
    "networking.follow_up_days": 0,
    "networking.stale_contact_days": 0,
}
#: The greatest value of keys a date is computed from (a meeting's ``follow_up_by``).
MAXIMUM = {"networking.follow_up_days": 365}

#: The tokens of ``[review] name``, with the values they take for 2026-W47.
REVIEW_NAME_EXAMPLE = {
    "week": "2026-W47",
    "year": "2026",
    "number": "47",
    "start": "2026-11-16",
    "end": "2026-11-22",
}


@record(frozen=True)
class ReviewSettings(Record):
    """The weekly review's file name: {week} (2026-W47), {year}, {number}, {start}, {end}."""

    name: str = "{week}"


#: A plan's file name, from its first day (``2026-11-23``) and its length in days.
PLAN_NAME = "{start}-{days}-day-plan.md"

#: The lengths a plan may have, in days, both included (``[plan] days``, ``--days``).
PLAN_DAYS = (7, 366)  # a week to a year


@record(frozen=True)
class PlanSettings(Record):
    """The 90-day plan: its length in days (journal plan --days overrides it)."""

    days: int = 90


@record(frozen=True)
class ObsidianSettings(Record):
    """Obsidian: the Bases folder, reviews in weekly notes, its moment.js locale."""

    bases: str = "bases"
    weekly_notes: bool = True
    locale: str = "en"


@record(frozen=True)
class Config(Record):
    """All settings of one vault."""

    folders: Folders = field(default_factory=Folders)
    vault: VaultSettings = field(default_factory=VaultSettings)
    week: Week = field(default_factory=Week)
    goals: Goals = field(default_factory=Goals)
    networking: Networking = field(default_factory=Networking)
    index: IndexSettings = field(default_factory=IndexSettings)
    watch: WatchSettings = field(default_factory=WatchSettings)
    check: Check = field(default_factory=Check)
    review: ReviewSettings = field(default_factory=ReviewSettings)
    plan: PlanSettings = field(default_factory=PlanSettings)
    obsidian: ObsidianSettings = field(default_factory=ObsidianSettings)

    @property
    def week_start(self) -> int:
        return weekday_index(self.week.start)


#: A problem found in the config: the dotted key it is about and the message.
Problem = tuple[tuple[str, ...], str]


def config_from_dict(
    data: dict[str, Any], path: str = ".journal/config.toml", text: str = ""
) -> Config:
    """Validate a parsed TOML document into a :class:`Config`.

    Every problem is reported, in file order, each on the line of its key in
    ``text`` (the TOML source) when exactly one line defines that key; the first
    :class:`ConfigError` raised holds the others in ``also``.
    """
    problems: list[Problem] = []
    sections: dict[str, Any] = {}
    known = {f.name: f for f in dataclasses.fields(Config)}
    for name, values in data.items():
        if name not in known:
            problems.append(((name,), f"unknown section [{name}]{_suggest(name, known)}"))
        elif not isinstance(values, dict):
            problems.append(((name,), f"[{name}] should be a table of keys"))
        else:
            section_type = known[name].default_factory
            sections[name] = _section(name, section_type, values, problems)
    config = Config(**sections)
    _check_values(config, problems)
    if problems:
        errors = [ConfigError(m, path=path, line=key_line(text, key)) for key, m in problems]
        errors.sort(key=lambda e: (e.line is None, e.line or 0))
        errors[0].also = tuple(errors[1:])
        raise errors[0]
    return _clean_folders(config)


def _clean_folders(config: Config) -> Config:
    """The folder settings as vault paths (:func:`clean_folder`: ``""`` for ``"."``, the
    vault's own; ``reviews/`` is ``reviews``), with ``/`` for a ``\\`` typed as on
    Windows: every path inside the tool is a disk name, where a ``\\`` belongs to a
    file name."""
    folders = {
        key: clean_folder(value) for key, value in dataclasses.asdict(config.folders).items()
    }
    return dataclasses.replace(
        config,
        folders=Folders(**folders),
        vault=VaultSettings([folder.replace("\\", "/") for folder in config.vault.exclude]),
        obsidian=dataclasses.replace(config.obsidian, bases=clean_folder(config.obsidian.bases)),
    )


#: A setting's type as the config file's reader would say it.
_KINDS: dict[type, str] = {
    float: "a number",
    int: "a whole number",
    str: "text",
    bool: "true or false",
    list: "a list",
    dict: "a table",
}


def _kind(kind: type) -> str:
    return _KINDS.get(kind, kind.__name__)


def _section(name: str, cls: Any, values: dict[str, Any], problems: list[Problem]) -> Any:
    """The section's dataclass from its valid keys; a problem for each other key."""
    fields = {f.name: f for f in dataclasses.fields(cls)}
    kwargs = {}
    for key, value in values.items():
        if key not in fields:
            problems.append(((name, key), f"unknown key '{name}.{key}'{_suggest(key, fields)}"))
            continue
        expected = type(getattr(cls(), key))
        written = value  # as the file says it: -1, not -1.0
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or isinstance(value, bool) != (expected is bool):
            problems.append(
                (
                    (name, key),
                    f"'{name}.{key}' should be {_kind(expected)}, not "
                    f"{_kind(type(value))} ({str(written)[:40]!r})",
                )
            )
            continue
        if isinstance(value, float) and not math.isfinite(value):  # TOML has nan and inf
            problems.append(((name, key), f"'{name}.{key}' should be a number, not {written}"))
            continue
        least = MINIMUM.get(f"{name}.{key}")
        if least is not None and value < least:
            problems.append(
                ((name, key), f"'{name}.{key}' should be {least} or more, not {written}")
            )
            continue
        most = MAXIMUM.get(f"{name}.{key}")
        if most is not None and value > most:
            problems.append(
                ((name, key), f"'{name}.{key}' should be {most} or less, not {written}")
            )
            continue
        kwargs[key] = value
    return cls(**kwargs)


def _check_values(config: Config, problems: list[Problem]) -> None:
    """A problem for each value of the right type that is still not allowed."""
    for key, check, value in (
        (("week", "start"), weekday_index, config.week.start),
        (("goals", "review_every"), parse_duration, config.goals.review_every),
    ):
        try:
            check(value)
        except DateError as exc:
            problems.append((key, f"'{'.'.join(key)}': {exc.message}"))
    try:
        render_pattern(config.review.name, REVIEW_NAME_EXAMPLE)
    except ValueError as exc:
        problems.append((("review", "name"), f"'review.name': {exc}"))
    else:
        tokens = pattern_tokens(config.review.name)
        if config.review.name.lower().endswith(".md"):  # reported: reviews/2026-W47.md.md
            problems.append(
                (
                    ("review", "name"),
                    f"'review.name' = '{config.review.name}' ends in .md, which the tool adds "
                    f"to the name: write '{config.review.name[:-3]}'",
                )
            )
        elif not (tokens & {"week", "start", "end"} or {"year", "number"} <= tokens):
            problems.append(
                (
                    ("review", "name"),
                    f"'review.name' = '{config.review.name}' names no one week (each week's "
                    "review would regenerate the same note): use {week}, {start} or {end}, "
                    "or both {year} and {number}",
                )
            )
    if locale_name(config.obsidian.locale) is None:
        problems.append(
            (
                ("obsidian", "locale"),
                f"'obsidian.locale': moment.js has no locale '{config.obsidian.locale}'",
            )
        )
    shortest, longest = PLAN_DAYS
    if not shortest <= config.plan.days <= longest:
        problems.append(
            (
                ("plan", "days"),
                f"'plan.days' must be between {shortest} and {longest} (a week to a year)",
            )
        )
    for name, seconds in dataclasses.asdict(config.watch).items():
        if not 0 < seconds <= 86400:
            problems.append(
                (("watch", name), f"'watch.{name}' must be more than 0 and at most 86400 seconds")
            )
    folders = [(("folders", k), v) for k, v in dataclasses.asdict(config.folders).items()]
    folders.append((("obsidian", "bases"), config.obsidian.bases))
    if all(isinstance(item, str) for item in config.vault.exclude):
        folders += [(("vault", "exclude"), item) for item in config.vault.exclude]
    else:
        problems.append(
            (("vault", "exclude"), "'vault.exclude' should be a list of folders and notes")
        )
    for key, folder in folders:
        if (
            not folder
            or folder.startswith(("/", "\\"))
            or ".." in folder.replace("\\", "/").split("/")
        ):
            what = "a folder or note" if key == ("vault", "exclude") else "a folder"
            problems.append(
                (key, f"'{'.'.join(key)}' must be {what} inside the vault, relative to it")
            )
        elif (
            key[0] == "folders"
            and key[1] != "daily"
            and folder_ignored(
                clean_folder(folder), {clean_folder(e) for e in config.vault.exclude}
            )
        ):
            problems.append(
                (
                    key,
                    f"'{'.'.join(key)}' = '{folder}' is a folder journal never reads (hidden, "
                    "a tool's, or excluded): a note made there would be found by no command",
                )
            )
    _check_check(config.check, problems)


#: Folders of tools, never read, besides hidden ones.
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})


def is_skipped_folder(name: str) -> bool:
    """Folders never read: hidden ones (.git, .obsidian, .trash, .journal) and tool caches."""
    return name.startswith(".") or name in SKIPPED_FOLDERS


def folder_ignored(folder: str, excluded: Collection[str]) -> bool:
    """Whether the listing never enters the vault-relative ``folder`` ("" is the root):
    a skipped folder (:func:`is_skipped_folder`), one of ``excluded``, or one inside
    such a folder."""
    parts = folder.split("/") if folder else []
    return any(is_skipped_folder(part) for part in parts) or any(
        "/".join(parts[: i + 1]) in excluded for i in range(len(parts))
    )


def _check_check(check: Check, problems: list[Problem]) -> None:
    if check.pace_ratio < 1:
        problems.append((("check", "pace_ratio"), "'check.pace_ratio' should be 1 or more"))
    if check.pace_min_weeks < 0:
        problems.append((("check", "pace_min_weeks"), "'check.pace_min_weeks' should be 0 or more"))
    if check.max_horizon_days < 1:
        problems.append(
            (("check", "max_horizon_days"), "'check.max_horizon_days' should be 1 or more")
        )
    for name in ("select", "ignore"):
        if not all(isinstance(item, str) for item in getattr(check, name)):
            problems.append((("check", name), f"'check.{name}' should be a list of rule ids"))


_TABLE = lazy(r"\s*\[\s*([^\[\]#]+?)\s*\]\s*(?:#.*)?$")
_ASSIGN = lazy(r"\s*([^=#\[\]]+?)\s*=")


def key_line(text: str, key: tuple[str, ...]) -> int | None:
    """The 1-based line of the TOML ``text`` that defines ``key`` (a ``[table]``
    header or a ``key = value`` in its table), or None when no line or more than
    one line does: tomllib gives no positions, so this reads the lines itself."""
    found = []
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TABLE.match(line)
        if header:
            table = _dotted(header.group(1))
            if table == key:
                found.append(number)
        elif (assign := _ASSIGN.match(line)) and (*table, *_dotted(assign.group(1))) == key:
            found.append(number)
    return found[0] if len(found) == 1 else None


def _dotted(name: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in name.split("."))


def _suggest(name: str, options: dict[str, Any]) -> str:
    import difflib  # only a config with a wrong name asks

    close = difflib.get_close_matches(name, list(options), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
