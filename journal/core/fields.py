"""The typed properties of notes: one table that drives reading, validation,
``journal set``, writing, docs and Obsidian's property types."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from journal.core import links as wikilinks
from journal.core.dates import DateError, parse_date, parse_duration
from journal.core.errors import Conflict, Diagnostic, JournalError, Severity, UsageProblem
from journal.core.formatting import single_line
from journal.core.numerals import dotted_thousands, respelled
from journal.core.records import Record, record
from journal.core.regex import lazy
from journal.core.tags import clean_tag, unique

if TYPE_CHECKING:
    from journal.core.plain_yaml import Sources

FieldType = Literal[
    "text",
    "number",
    "date",
    "choice",
    "link",
    "links",
    "tags",
    "list",
    "checkbox",
    "milestones",
    "duration",
    "done",
]

#: Obsidian's property type for each of ours (``.obsidian/types.json``); None: no
#: Obsidian type fits (a list of mappings; ``false`` or a date).
OBSIDIAN_TYPES: dict[FieldType, str | None] = {
    "text": "text",
    "number": "number",
    "date": "date",
    "choice": "text",
    "link": "text",
    "links": "multitext",
    "tags": "tags",
    "list": "multitext",
    "checkbox": "checkbox",
    "milestones": None,
    "duration": "text",
    "done": None,
}

#: Obsidian's own list properties, each with the legacy name Obsidian also reads.
OBSIDIAN_LISTS = {"tags": "tag", "aliases": "alias", "cssclasses": "cssclass"}

KINDS = ("goal", "contact", "meeting", "review", "plan")
STATUSES = ("active", "paused", "done", "dropped")
CLOSED = ("done", "dropped")  # the statuses of a goal no longer worked on
GOAL_KINDS = ("outcome", "activity")
MEETING_KINDS = ("coffee", "informational", "event", "mentor")
METRIC_SOURCES = ("manual", "meetings")


@record(frozen=True, slots=True)
class Field(Record):
    """One property: its name, type, SMART group and a one-line meaning; a number may
    have a lowest and a highest allowed value."""

    name: str
    type: FieldType
    group: str
    help: str
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None


GOAL_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("type", "choice", "identity", "always `goal`", KINDS),
        Field("id", "text", "identity", "stable id, written at creation, kept across renames"),
        Field("title", "text", "identity", "the goal in a few words"),
        Field("status", "choice", "identity", "where the goal stands", STATUSES),
        Field("completed", "date", "identity", "the day the goal was done (set with status done)"),
        Field("area", "text", "identity", "life or work area, e.g. networking, skills"),
        Field("tags", "tags", "identity", "tags, as a list"),
        Field("aliases", "list", "identity", "other names the goal is found by"),
        Field("created", "date", "identity", "the day the goal was written"),
        Field("outcome", "text", "specific", "the concrete result, one sentence"),
        Field("metric", "text", "measurable", "what is counted"),
        Field("unit", "text", "measurable", "the unit of the metric, e.g. interviews"),
        Field("baseline", "number", "measurable", "the value at the start"),
        Field("target", "number", "measurable", "the value that means done"),
        Field("current", "number", "measurable", "the value now"),
        Field(
            "metric_source",
            "choice",
            "measurable",
            "manual (current and the log) or meetings (counted from meeting notes)",
            METRIC_SOURCES,
        ),
        Field(
            "metric_kind",
            "list",
            "measurable",
            "with metric_source: meetings, the meeting kinds counted (default: all)",
            MEETING_KINDS,
        ),
        Field("effort", "number", "achievable", "hours per week the goal needs", low=0),
        Field("confidence", "number", "achievable", "how sure you are, 1-10", low=1, high=10),
        Field("supports", "links", "relevant", "the aspiration or larger goal it serves"),
        Field("why", "text", "relevant", "why the goal matters"),
        Field("start", "date", "time-bound", "first day of the goal's window"),
        Field("due", "date", "time-bound", "the deadline"),
        Field("milestones", "milestones", "time-bound", "list of {title, due, done, dropped}"),
        Field("review_every", "duration", "time-bound", "check-in rhythm: 1w or 2w"),
        Field(
            "kind", "choice", "outcome", "outcome (a result) or activity (an effort)", GOAL_KINDS
        ),
        Field("feeds", "links", "outcome", "for an activity goal: the outcome goal it feeds"),
        Field("check_ignore", "list", "check", "rule ids or prefixes journal check skips here"),
    )
}

#: The goal properties only the tool writes (``journal set`` refuses them).
FIXED_KEYS = ("id", "type")
#: The goal properties ``journal set`` only clears (``milestones=``): it writes no value
#: of them, which are edited in the file.
CLEARED_ONLY = ("milestones",)
#: The properties ``journal set`` writes in a goal: the goal's own but those, and
#: Obsidian's ``cssclasses`` (the CSS classes it styles the note with), written as
#: ``tags`` and ``aliases`` are, under the key the file has for it.
SET_FIELDS: dict[str, Field] = {
    **{name: spec for name, spec in GOAL_FIELDS.items() if name not in FIXED_KEYS},
    "cssclasses": Field("cssclasses", "list", "identity", "CSS classes Obsidian styles it with"),
}


CONTACT_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("type", "choice", "identity", "always `contact`", KINDS),
        Field("title", "text", "identity", "the person's name (default: the file name)"),
        Field("aliases", "list", "identity", "other names the person is found by"),
        Field("org", "text", "contact", "the organisation they work for"),
        Field("role", "text", "contact", "their job title"),
        Field("met_at", "text", "contact", "where you met: a link to a meeting note, or text"),
        Field("email", "text", "contact", "email address"),
        Field("linkedin", "text", "contact", "LinkedIn profile address"),
        Field("tags", "tags", "identity", "tags, as a list"),
        Field("created", "date", "identity", "the day the note was written"),
    )
}

MEETING_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("type", "choice", "identity", "always `meeting`", KINDS),
        Field("title", "text", "identity", "what the meeting was (default: the file name)"),
        Field("date", "date", "meeting", "the day (default: a date the file name starts with)"),
        Field("kind", "choice", "meeting", "coffee, informational, event or mentor", MEETING_KINDS),
        Field("with", "links", "meeting", "the people met, as links to contact notes"),
        Field("goal", "link", "meeting", "the goal the meeting serves"),
        Field("follow_up_by", "date", "follow-up", "the day the follow-up is due"),
        Field("follow_up_done", "done", "follow-up", "false, or the date it was done"),
        Field("outcome", "text", "meeting", "what came of it, one sentence"),
        Field("tags", "tags", "identity", "tags, as a list"),
    )
}

#: The properties of each kind of note journal writes with ``journal new`` (all are in its
#: template's context: docs/templates.md) and checks the values of (H005).
NOTE_FIELDS = {"goal": GOAL_FIELDS, "contact": CONTACT_FIELDS, "meeting": MEETING_FIELDS}

#: The link properties of goals and meetings, by kind: a value written as text (`goal: Find
#: a mentor`) is the link journal reads it as, resolved and checked as one (H001, H008).
TEXT_LINKED: dict[str, dict[str, Field]] = {
    kind: {name: f for name, f in fields.items() if f.type in ("link", "links")}
    for kind, fields in (("goal", GOAL_FIELDS), ("meeting", MEETING_FIELDS))
}

REVIEW_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("type", "choice", "identity", "always `review` (written by journal review)", KINDS),
        Field("week", "text", "review", "the ISO week, e.g. 2026-W47"),
        Field("start", "date", "review", "the week's first day"),
        Field("end", "date", "review", "the week's last day"),
        Field("goals", "links", "review", "the goals the note covers"),
        Field("generated_hash", "text", "review", "the properties above as journal wrote them"),
    )
}

PLAN_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("type", "choice", "identity", "always `plan` (written by journal plan)", KINDS),
        Field("start", "date", "plan", "the plan's first day"),
        Field("end", "date", "plan", "the plan's last day"),
        Field("days", "number", "plan", "its length in days", low=1),
        Field("goals", "links", "plan", "the goals it plans"),
        Field("targets", "milestones", "plan", "per goal id, the value to reach each week"),
        Field("generated_hash", "text", "plan", "the properties above as journal wrote them"),
    )
}


#: What a link property holding a Markdown link is told (``hygiene`` finds it by this).
MARKDOWN_LINK = (
    "is a Markdown link, which Obsidian does not read in a property (it shows the text, "
    "linking no note)"
)


#: The code of the warning for a number whose point may part thousands (H022).
THOUSANDS = "thousands"

#: What a value holding a Templater command (``<% tp.file.title %>``) is told (H024, H005).
TEMPLATER = "is a Templater command that never ran (`<% ... %>`)"
_TEMPLATER_COMMAND = lazy(r"<%.*?%>", re.DOTALL)


def templater_command(raw: Any) -> bool:
    """Whether ``raw`` is text holding a Templater command, ``<% ... %>``: a template
    copied without running it."""
    return isinstance(raw, str) and "<%" in raw and _TEMPLATER_COMMAND.search(raw) is not None


class FieldError(JournalError):
    """A property value that is not of its field's type."""


class PartlyRead(FieldError):
    """A list with items that are not of its type: ``value`` holds the others, which a
    note's reader keeps (``tags: [career, 2026]`` still has ``career``); a value being
    written is refused whole."""

    def __init__(self, message: str, value: Any, bad: list[tuple[int, str]]) -> None:
        super().__init__(message)
        self.value = value
        self.bad = bad  # (index of the item, what is wrong with it)


# --- reading values from front matter ---------------------------------------------------


def coerce(field: Field, raw: Any, source: str | None = None) -> Any:
    """The typed value of ``raw`` (as loaded from YAML 1.2), or :class:`FieldError`.

    ``source`` is the text the user typed when a plain scalar resolved to a
    number or boolean (so ``id: 0012`` stays ``"0012"``).
    """
    if raw is None:
        return [] if field.type in ("links", "tags", "list", "milestones") else None
    return _READERS[field.type](field, raw, source)


def _text(field: Field, raw: Any, source: str | None) -> str:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, (bool, int, float)):
        return source if source is not None else _scalar_str(raw)
    raise FieldError(f"{field.name} should be text, not {_kind(raw)}")


#: The largest number a value may be, either way: far beyond any goal's, and still exact
#: as a float (an integer above 2^53 is not), so no sum or rate overflows.
LARGEST = 10**15


def _number(field: Field, raw: Any, source: str | None) -> int | float:
    if isinstance(raw, bool):
        raise FieldError(f"{field.name} should be a number, not true/false")
    if isinstance(raw, (int, float)):
        if isinstance(raw, float) and not math.isfinite(raw):
            raise FieldError(f"{field.name} should be a finite number")
        if raw == 0 and source is not None:
            parse_number(source, field.name)  # YAML reads 1e-400 as 0.0: refused as typed
        value = raw
    elif isinstance(raw, str):
        value = parse_number(raw, field.name)
    else:
        raise FieldError(f"{field.name} should be a number, not {_kind(raw)}")
    if abs(value) > LARGEST:  # sums and rates of such numbers overflow to inf and NaN
        raise FieldError(f"{field.name} should be a number from -10^15 to 10^15")
    low, high = field.low, field.high
    if (low is not None and value < low) or (high is not None and value > high):
        raise FieldError(
            f"{field.name} should be {_range(low, high)}, not {source or _scalar_str(value)}"
        )
    return value


def _range(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"from {low:g} to {high:g}"
    return f"{low:g} or more" if low is not None else f"{high:g} or less"


def parse_number(text: str, name: str) -> int | float:
    """A number from text such as ``3``, ``-2.5`` or ``1e3`` (a whole number written
    without a decimal point, as ``1e3``, is an int: it is written back as ``1000``), in
    ASCII digits as dates are (Python's ``float`` takes Arabic-Indic digits too); one
    with a decimal comma, spaces or full-width characters is refused saying how to write
    it (``write a decimal with a point: 2.5, not '2,5'``)."""
    cleaned = text.strip().replace("_", "")
    try:
        if not cleaned.isascii():
            raise ValueError
        value = float(cleaned)
    except ValueError:
        meant = respelled(text.strip())
        if meant is None:
            raise FieldError(f"{name} should be a number, not '{text}'") from None
        raise FieldError(
            f"{name} should be a number; write {meant.how}: {meant.number}, not "
            f"'{text}'{meant.chars}"
        ) from None
    if not math.isfinite(value):
        raise FieldError(f"{name} should be a finite number")
    if value == 0 and re.search(r"[1-9]", re.split(r"[eE]", cleaned)[0]):  # 1e-400
        raise FieldError(f"{name}: '{text}' is too close to 0 to be told from it")
    if re.fullmatch(r"[-+]?\d+", cleaned):
        return int(cleaned)  # exactly, however many digits
    if "." not in cleaned and value.is_integer():
        from decimal import Decimal  # rare (1e3): not imported by every command

        return int(Decimal(cleaned))  # 1e3, exactly (int(1e23) is 99999999999999991611392)
    return value


def _date(field: Field, raw: Any, source: str | None) -> date:
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return parse_date(raw)
        except DateError as exc:
            raise FieldError(f"{field.name}: {exc.message}") from None
    raise FieldError(f"{field.name} should be a date (YYYY-MM-DD), not {_kind(raw)}")


def _choice(field: Field, raw: Any, source: str | None) -> str:
    text = _text(field, raw, source).strip().lower()
    if text not in field.choices:
        raise FieldError(f"{field.name} should be one of {', '.join(field.choices)}, not '{text}'")
    return text


def _link(field: Field, raw: Any, source: str | None) -> wikilinks.Link:
    raw = wikilinks.unquoted_link(raw) or raw
    text = _text(field, raw, source).strip()
    link = wikilinks.parse_link(text)
    if link is None and wikilinks.markdown_link(text) is not None:
        raise FieldError(f"{field.name}: `{text}` {MARKDOWN_LINK}")
    if link is None and ("[[" in text or "]]" in text):
        raise FieldError(
            f"{field.name}: '{text}' is not one well-formed link; "
            'write "[[Note]]" or "[[Note|alias]]", several separated by commas'
        )
    link = link or (wikilinks.Link(text) if text else None)
    if link is None or not link.target:
        raise FieldError(f'{field.name} should be a link such as "[[Note]]"')
    return link


def _links(field: Field, raw: Any, source: str | None) -> list[wikilinks.Link]:
    links = []
    bad: list[tuple[int, str]] = []
    for index, item in enumerate(link_items(raw)):
        try:
            if item is not None:
                links.append(_link(field, item, None))
        except FieldError as exc:  # one bad item drops no other (`with:` of a meeting)
            bad.append((index, exc.message))
    if bad:
        raise PartlyRead("; ".join(message for _i, message in bad), links, bad)
    return links


def link_items(raw: Any) -> list[Any]:
    """The items of a link or links value, each one link as written: a list's items, the
    links of ``"[[A]], [[B]]"`` (Obsidian resolves both), else the value itself."""
    if isinstance(raw, str) and "[[" in raw:
        return list_items(raw)
    return raw if isinstance(raw, list) and not wikilinks.unquoted_link(raw) else [raw]


def written_links(
    field: Field, raw: Any, line: int | None
) -> Iterator[tuple[wikilinks.Link, int | None, str]]:
    """Each link of ``raw``, a value of ``field`` (a link or links), with its line (its
    item's in a list written one item a line, else ``line``, the key's) and its text as
    written (``[[Ann Lee]]``, ``Ann Lee``); an item that is no link is left out."""
    for index, item in enumerate(link_items(raw)):
        try:
            link = _link(field, item, None)
        except FieldError:
            continue
        written = str(wikilinks.unquoted_link(item) or item).strip()
        yield link, item_line(raw, index, None, line), written


def _tags(field: Field, raw: Any, source: str | None) -> list[str]:
    if isinstance(raw, str):
        parts: list[Any] = re.split(r"[,\s]+", raw)
    elif isinstance(raw, list):
        parts = raw
    else:
        parts = [_text(field, raw, source)]
    tags = []
    bad: list[tuple[int, str]] = []
    for index, part in enumerate(parts):
        if part is None or part == "":
            continue
        if not isinstance(part, (str, int, float)) or isinstance(part, bool):
            bad.append((index, f"{field.name} should be a list of tags, not hold {_kind(part)}"))
            continue
        tag = clean_tag(_scalar_str(part))
        if tag is None:
            bad.append((index, f"{field.name}: '{part}' is not a valid tag"))
            continue
        tags.append(tag)
    if bad:
        raise PartlyRead("; ".join(message for _i, message in bad), unique(tags), bad)
    return unique(tags)


def _list(field: Field, raw: Any, source: str | None) -> list[str]:
    if isinstance(raw, str):
        out = [part.strip() for part in raw.split(",") if part.strip()]
    elif isinstance(raw, list):
        out = []
        for item in raw:
            if isinstance(item, (dict, list)):
                raise FieldError(f"{field.name} should be a list of text, not hold {_kind(item)}")
            if item is not None:
                out.append(_scalar_str(item))
    else:
        out = [_text(field, raw, source)]
    if field.choices:
        out = [item.strip().lower() for item in out]
        for item in out:
            if item not in field.choices:
                raise FieldError(
                    f"{field.name} should hold {', '.join(field.choices)}, not '{item}'"
                )
    return out


def _checkbox(field: Field, raw: Any, source: str | None) -> bool:
    if isinstance(raw, bool):
        return raw
    raise FieldError(f"{field.name} should be true or false")


def _duration(field: Field, raw: Any, source: str | None) -> str:
    text = _text(field, raw, source).strip()
    try:
        parse_duration(text)
    except DateError as exc:
        raise FieldError(f"{field.name}: {exc.message}") from None
    return text


def done_value(raw: Any) -> bool | date | None:
    """``true``/``false`` or the date something was done; None when it is neither.
    Missing or empty (``done:``, ``done: ""``) is not done."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return False
    if isinstance(raw, (bool, date)):
        return raw
    try:
        return parse_date(str(raw))
    except DateError:
        return None


def _done(field: Field, raw: Any, source: str | None) -> bool | date:
    value = done_value(raw)
    if value is None:
        if isinstance(raw, str) and re.match(r"\d{4}-\d\d-\d\d", raw.strip(), re.ASCII):
            try:
                parse_date(raw)
            except DateError as exc:  # a date, mistyped: say what is wrong with it
                raise FieldError(f"{field.name}: {exc.message}") from None
        raise FieldError(_not_done(field.name, raw, "done"))
    return value


def _not_done(key: str, raw: Any, verb: str) -> str:
    """What is wrong with ``raw``, a value of ``key`` that is no :func:`done_value`:
    ``true`` or ``false`` in quotes is text, not that value."""
    if isinstance(raw, str) and raw.strip().lower() in ("true", "false"):
        value = raw.strip().lower()
        return (
            f'{key} is the text "{raw}" (in quotes), not {value}: write {key}: {value}, '
            "without quotes"
        )
    return f"{key} should be true, false or the date it was {verb}"


def _milestones(field: Field, raw: Any, source: str | None) -> list[dict[str, Any]]:
    items, bad = milestone_items(field, raw)
    if bad:
        raise FieldError(bad[0][1])
    return [item for _index, item in items]


def milestone_items(
    field: Field, raw: Any
) -> tuple[list[tuple[int, dict[str, Any]]], list[tuple[int, str, str | None]]]:
    """The milestones that can be read, each with its index in the list, and the problems
    of those that can't, each with its index and the key at fault (None: the item): one
    bad item hides no other."""
    if not isinstance(raw, list):
        raise FieldError(f"{field.name} should be a list of {{{', '.join(MILESTONE_KEYS)}}}")
    out = []
    bad = []
    for index, item in enumerate(raw):
        milestone, problems = _milestone(field, index + 1, item)
        if milestone is not None:
            out.append((index, milestone))
        bad += [(index, message, key) for message, key in problems]
    return out, bad


def _milestone(
    field: Field, number: int, item: Any
) -> tuple[dict[str, Any] | None, list[tuple[str, str | None]]]:
    """Item ``number`` of the list, read; else None and each of its problems with the key
    at fault (a bad ``due`` and a bad ``done`` are both told: the second was never said).
    ``done`` and ``dropped`` are each ``true``, ``false`` or the day it happened."""
    if isinstance(item, str):
        item = {"title": item}
    if not isinstance(item, dict) or not item.get("title"):
        return None, [(f"{field.name} item {number} needs a title", None)]
    problems: list[tuple[str, str | None]] = []
    due = item.get("due")
    read: dict[str, Any] = {"title": _scalar_str(item["title"]), "due": None}
    try:
        read["due"] = parse_date(str(due)) if due is not None else None
    except DateError as exc:
        problems.append((f"{field.name} item {number}: {exc.message}", "due"))
    for key in ("done", "dropped"):
        read[key] = done_value(item.get(key))
        if read[key] is None:
            message = _not_done(key, item.get(key), key)
            problems.append((f"{field.name} item {number}: {message}", key))
    return (None, problems) if problems else (read, [])


def _scalar_str(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _kind(value: Any) -> str:
    """What a YAML value is, in words: ``a number``, ``a list``..."""
    if isinstance(value, bool):  # before int, which it is too
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, datetime):  # before date, which it is too
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text" if isinstance(value, str) else f"a {type(value).__name__}"


def value_kind(raw: Any) -> str | None:
    """What a property's value is, in words (:func:`_kind`), a text that is a day or a
    date and time told as such (YAML 1.2 reads them as text); None for no value (empty,
    or a Templater command that never ran)."""
    if raw is None or raw == "" or raw == [] or templater_command(raw):
        return None
    if not isinstance(raw, str):
        return _kind(raw)
    try:
        parse_date(raw)
    except DateError:
        return "text"
    return "a date" if len(raw.strip()) == len("YYYY-MM-DD") else "a date and time"


_READERS = {
    "text": _text,
    "number": _number,
    "date": _date,
    "choice": _choice,
    "link": _link,
    "links": _links,
    "tags": _tags,
    "list": _list,
    "checkbox": _checkbox,
    "milestones": _milestones,
    "duration": _duration,
    "done": _done,
}


def read_typed(
    props: dict[str, Any],
    fields: dict[str, Field],
    *,
    path: str,
    key_lines: dict[str, int],
    sources: Sources,
) -> tuple[dict[str, Any], dict[str, Any], list[Diagnostic]]:
    """A note's properties typed by ``fields``: (typed values, keys not in the table,
    one diagnostic per bad value, naming the key's line).  Bad values are left out."""
    typed: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    problems: list[Diagnostic] = []
    renamed = {}  # the key in the file that holds each of Obsidian's list properties
    for name in OBSIDIAN_LISTS.keys() & fields.keys():
        found = obsidian_key(props, name)
        if found is not None:
            renamed[found] = name
    for key, raw in props.items():
        spec = fields.get(renamed.get(key, "" if key in renamed.values() else key))
        if templater_command(raw):  # ignored, as a bad value is: no value was written
            code = "templater"
            severity: Severity = "warning"
            if spec is not None:
                try:
                    coerce(spec, raw, typed_text(sources, key))
                except FieldError:  # of no use as it stands: a bad value (H005)
                    code, severity = "value", "error"
            leftover = f"{key}: `{single_line(raw)}` {TEMPLATER}"
            problems.append(Diagnostic(path, key_lines.get(key), leftover, severity, code))
            if spec is None:
                extra[key] = raw
            continue
        if spec is None:
            extra[key] = as_written(raw, sources.get(key))
            if other_case(key, fields, props):
                problems.append(
                    Diagnostic(
                        path,
                        key_lines.get(key),
                        f"`{key}` is not read as `{key.lower()}`: journal reads property "
                        "names as written, in lower case",
                        "warning",
                        "key-case",
                    )
                )
            elif (twin := other_case_twin(key, fields, props)) and props[twin] != raw:
                problems.append(
                    Diagnostic(
                        path,
                        key_lines.get(key),
                        f"two values for `{twin}`: `{key}: {single_line(str(raw))}` here, "
                        f"and `{twin}: {single_line(str(props[twin]))}` on line "
                        f"{key_lines.get(twin)}, which journal reads",
                        "warning",
                        "key-case",
                    )
                )
            continue
        try:
            if spec.type == "milestones" and raw is not None:  # none: as an empty list
                typed[spec.name] = _read_milestones(spec, raw, path, key_lines.get(key), problems)
            else:
                typed[spec.name] = coerce(spec, raw, typed_text(sources, key))
        except PartlyRead as exc:
            typed[spec.name] = exc.value
            others = "; the valid ones are read" if exc.value else ""
            by_line: dict[int | None, list[str]] = {}  # each at its item's line
            for index, message in exc.bad:
                where = item_line(raw, index, None, key_lines.get(key))
                by_line.setdefault(where, []).append(message)
            for line, messages in by_line.items():
                text = "; ".join(messages) + others
                problems.append(Diagnostic(path, line, text, "error", "value"))
            continue
        except FieldError as exc:
            problems.append(Diagnostic(path, key_lines.get(key), exc.message, "error", "value"))
            continue
        if spec.type == "number" and typed[spec.name] is not None:
            written = typed_text(sources, key) or raw  # YAML read `2.500` as 2.5: its text tells
            told = dotted_thousands(written) if isinstance(written, str) else None
            if told is not None:
                line = key_lines.get(key)
                problems.append(Diagnostic(path, line, f"{key}: {told}", "warning", THOUSANDS))
        if spec.type == "choice" and isinstance(raw, str) and raw != typed[spec.name]:
            written = raw if raw == raw.strip() else repr(raw)  # spaces shown in quotes
            problems.append(
                Diagnostic(
                    path,
                    key_lines.get(key),
                    f"`{key}: {written}` is read as `{typed[spec.name]}`, but Obsidian's "
                    "Bases and Dataview compare it as written",
                    "warning",
                    "key-case",
                )
            )
    return typed, extra, problems


def _read_milestones(
    field: Field, raw: Any, path: str, line: int | None, problems: list[Diagnostic]
) -> list[dict[str, Any]]:
    """The milestones that can be read, each with its ``index`` in the list (as
    ``journal done`` finds it) and its item's ``line``; a diagnostic for each that can't,
    on its line."""
    items, bad = milestone_items(field, raw)
    for index, message, key in bad:
        where = item_line(raw, index, key, line)
        problems.append(Diagnostic(path, where, message, "error", "value"))
    for index, item in enumerate(raw):  # a list: milestone_items refuses anything else
        for key in item if isinstance(item, dict) else ():
            if key not in MILESTONE_KEYS:
                message = f"{field.name} item {index + 1}: {_unread_key(key, item)}"
                where = item_line(raw, index, key, line)
                problems.append(Diagnostic(path, where, message, "warning", MILESTONE_KEY))
    return [
        {**item, "index": index, "line": item_line(raw, index, None, line)} for index, item in items
    ]


#: The keys a milestone reads; any other is told (H027), as it is not read.
MILESTONE_KEYS = ("title", "due", "done", "dropped")
#: The code of the diagnostic of a key a milestone does not read.
MILESTONE_KEY = "milestone-key"


def _unread_key(key: Any, item: dict[Any, Any]) -> str:
    """Why a milestone's ``key`` is not read, and the key meant: one it lacks a slip of
    the finger away (as H012 finds a goal's) or shortened (``drop``, ``dropd``: a
    milestone has four keys only), or ``done``/``dropped`` for a ``status`` saying so."""
    from journal.core.names import abbreviates, one_slip  # only a key of its own asks

    said, typed, value = f"`{key}` is no milestone key", str(key).lower(), item[key]
    if typed == "status" and str(value).lower() in ("done", "dropped"):
        meant = str(value).lower()
        return (
            f"{said}, so `{key}: {value}` is not read: a milestone is {meant} with "
            f"`{meant}: true` (or the day)"
        )
    close = [
        name
        for name in MILESTONE_KEYS
        if name not in item and (one_slip(typed, name) or abbreviates(typed, name))
    ]
    if close:
        return f"{said}, and it has no `{close[0]}`: a typo?"
    return f"{said}: it is not read (a milestone reads `title`, `due`, `done` and `dropped`)"


def item_line(raw: Any, index: int, key: str | None, line: int | None) -> int | None:
    """The line of ``key`` in item ``index`` of a list read from YAML (or of the item: one
    item a line, or several on one), else ``line``, the list's (written as one text)."""
    lines: list[int] = getattr(raw, "item_lines", [])
    if not (isinstance(raw, list) and len(lines) == len(raw)):
        return line
    key_lines: dict[str, int] = getattr(raw[index], "key_lines", {})
    return key_lines.get(key, lines[index]) if key is not None else lines[index]


def _known_lowered(key: Any, fields: dict[str, Field]) -> str | None:
    """The known property ``key`` names in other case (``Status``: ``status``), else None
    (``Tags``, ``Aliases`` and ``cssclasses`` in any case are read as they are)."""
    if not isinstance(key, str) or key == key.lower():
        return None
    lowered = key.lower()
    if lowered in OBSIDIAN_LISTS or lowered in OBSIDIAN_LISTS.values():
        return None  # read in any case, as Obsidian reads them
    return lowered if lowered in fields else None


def other_case(key: Any, fields: dict[str, Field], props: dict[str, Any]) -> bool:
    """Whether ``key`` is a known property written in other case (``Status``) with no
    ``status`` beside it: meant as that property, which Obsidian shows as one."""
    lowered = _known_lowered(key, fields)
    return lowered is not None and lowered not in props


def other_case_twin(key: Any, fields: dict[str, Field], props: dict[str, Any]) -> str | None:
    """The lower-case property beside ``key``, a known one in other case (``status``
    beside ``Status``): the one journal reads."""
    lowered = _known_lowered(key, fields)
    return lowered if lowered is not None and lowered in props else None


def refuse_other_case(
    props: dict[str, Any],
    keys: Iterable[str],
    fields: dict[str, Field],
    line_of: Callable[[str], int | None] | None = None,
) -> None:
    """Refuse to write ``keys`` into front matter that has one of them in other case
    (``Status`` for ``status``), which is not read: the file would get a twin.  The
    error names the line of that key (``line_of``: the document's :meth:`key_line`)."""
    wanted = set(keys)
    for written in props:
        key = str(written).lower()
        if key in wanted and other_case(written, fields, props):
            raise Conflict(
                f"has `{written}`, which is not read as `{key}`; rename it `{key}` first "
                "(nothing changed)",
                line=line_of(str(written)) if line_of is not None else None,
            )


def typed_text(sources: Sources, key: str) -> str | None:
    """The text typed for the plain number (or boolean) at ``key`` of ``sources``; None
    for another value, a list or mapping among them."""
    source = sources.get(key)
    return source if isinstance(source, str) else None


#: The largest whole number JSON's readers keep (jq and JavaScript hold numbers as
#: doubles: 9007199254740993 reads as ...992).
JSON_SAFE_INT = 2**53


def as_written(raw: Any, source: str | Sources | None) -> Any:
    """A number written in a form the number would lose (``1.10``, ``0012``, ``1e3``),
    or too large for JSON's readers to keep (:data:`JSON_SAFE_INT`), as the text typed
    (``source``), at any depth of a list or mapping (``source``: its sources); any other
    value as read."""
    if isinstance(source, dict):
        if isinstance(raw, dict):
            return {k: as_written(v, source.get(k)) for k, v in raw.items()}
        if isinstance(raw, list):
            return [as_written(v, source.get(str(i))) for i, v in enumerate(raw)]
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and source is not None:
        kept = source == _scalar_str(raw) and not (
            isinstance(raw, int) and abs(raw) > JSON_SAFE_INT
        )
        return raw if kept else source
    return raw


def obsidian_key(props: dict[str, Any], name: str) -> str | None:
    """The key holding Obsidian's list property ``name`` (``tags``, ``aliases``,
    ``cssclasses``): the first key, in file order, that is the name or its legacy
    form (``tag``...) in any case, as Obsidian reads them."""
    return _obsidian_key(tuple(props), name)


@functools.lru_cache(maxsize=1024)
def _obsidian_key(keys: tuple[Any, ...], name: str) -> str | None:
    """:func:`obsidian_key` of properties with ``keys``, in file order, remembered: notes
    repeat their keys (a template's), and the scan lowered each key of every note two to
    four times (its tags and aliases read, a typed note's properties too)."""
    wanted = (name, OBSIDIAN_LISTS[name])
    for key in keys:
        if isinstance(key, str) and key.lower() in wanted:
            return key
    return None


def obsidian_list(props: dict[str, Any], name: str) -> list[str]:
    """Obsidian's list property ``name`` in any form it accepts - a list, a comma
    string (tags and css classes also split at spaces), a legacy key - read
    leniently: items that are not text or numbers, or not valid tags, are dropped."""
    key = obsidian_key(props, name)
    if key is None:
        return []
    raw = props[key]
    if isinstance(raw, str):
        items = re.split(r"[,\s]+" if name != "aliases" else r",", raw)
    elif isinstance(raw, list):
        items = [_scalar_str(x) for x in raw if isinstance(x, (str, int, float))]
    else:
        items = []
    items = [item.strip() for item in items if item.strip()]
    if name == "tags":
        return unique(filter(None, map(clean_tag, items)))
    return items


# --- values typed on the command line ---------------------------------------------------

#: One item of a comma-separated list; a comma inside ``[[...]]`` belongs to the link.
_ITEM = lazy(r"(?:\[\[.*?\]\]|[^,])+")


def list_items(text: str) -> list[str]:
    """The items of a list written as text, split at commas but not inside ``[[...]]``
    (``[[Learn SQL, then Python]], [[B]]`` is two links)."""
    return [part.strip() for part in _ITEM.findall(text) if part.strip()]


def parse_cli_value(field: Field, text: str) -> Any:
    """The typed value of ``KEY=VALUE`` as typed in ``journal set`` (empty: clear it); a
    text on one line (:func:`single_line`), as every text typed for a note."""
    if text.strip() == "":
        return None
    try:
        if field.type in ("links", "list", "tags"):
            raw: Any = list_items(text)
            if not raw:  # `tags=,,` names no item: as `tags=`
                return None
        elif field.type == "checkbox":
            lowered = text.strip().lower()
            if lowered not in ("true", "false"):
                raise FieldError(f"{field.name} should be true or false")
            raw = lowered == "true"
        elif field.type == "date" and len(text.strip()) > len("YYYY-MM-DD"):
            day = _date(field, text, None)  # a date-time: its day, named in the message
            raise FieldError(f"{field.name} takes a day, not a time: write {day.isoformat()}")
        elif field.type == "date" and text != text.strip():  # as every DATE option
            raise FieldError(f"{field.name}: '{text}' has a space around it; write YYYY-MM-DD")
        elif field.type == "text":
            raw = single_line(text)
        elif field.type == "number" and (told := dotted_thousands(text)) is not None:
            raise FieldError(f"{field.name}: {told}")  # in a file: read, and told (H022)
        else:
            raw = text
        return coerce(field, raw)
    except FieldError as exc:
        raise UsageProblem(exc.message) from None


def yaml_value(field: Field, value: Any) -> Any:
    """The value as the codec writes it (links quoted, dates plain, lists as lists)."""
    if value is None:
        return None
    if field.type == "link":
        return str(value)
    if field.type == "links":
        return [str(link) for link in value]
    if field.type == "milestones":
        return [{k: v for k, v in m.items() if not (k == "done" and v is False)} for m in value]
    return value


def lookup(name: str, fields: dict[str, Field], cleared: Mapping[str, str] | None = None) -> Field:
    """The field called ``name``, or a usage error that suggests the closest name and
    names them all.  ``cleared``: the fields only an empty value is taken for, by name
    with how they are edited instead, which is said in place of suggesting one; they
    are listed apart, as cleared only (``milestones=``)."""
    if name in fields:
        return fields[name]
    import difflib  # a suggestion for a wrong name

    cleared = cleared or {}
    close = difflib.get_close_matches(name, list(fields), n=1)
    if close and close[0] in cleared:
        hint = f"; {cleared[close[0]]}"
    else:
        hint = f"; did you mean '{close[0]}'?" if close else ""
    offered = ", ".join(f for f in fields if f not in cleared)
    apart = ", ".join(f"{f}=" for f in fields if f in cleared)
    only = f"; cleared only: {apart}" if apart else ""
    raise UsageProblem(f"unknown property '{name}'{hint} (properties: {offered}{only})")
