"""The goal model: a goal note's properties, typed and validated."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import field
from datetime import date
from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from journal.core import codec
from journal.core.checkins import CheckIn
from journal.core.errors import Diagnostic, JournalError
from journal.core.fields import (
    GOAL_FIELDS,
    OBSIDIAN_LISTS,
    SET_FIELDS,
    Field,
    FieldError,
    coerce,
    obsidian_key,
    read_typed,
    refuse_other_case,
    typed_text,
)
from journal.core.formatting import json_progress, single_line
from journal.core.links import Link, composed
from journal.core.records import Record, record
from journal.core.regex import lazy

if TYPE_CHECKING:
    from journal.core.notes import Note


#: The properties a goal's progress is measured by: while one of them is written but
#: can't be read (H005), its progress is unknown (:attr:`Goal.aim`), never counted as if
#: the value were 0.
MEASURES = ("baseline", "target", "current")


class Start(NamedTuple):
    """Where a goal's progress counts from (:func:`start_of_values`): the ``value``, and
    what gives it (``source``): ``baseline``; with none, the ``title`` ("from 45 to 30
    days"), its first value logged (``log``, an ``=N`` above the target) or its
    ``current`` (above the target, nothing logged), which it counts down from; the
    target when that value is at or below it and the title brings the number down to
    it (``reached``: the start is unknown, the target is reached); else ``""``, 0."""

    value: float
    source: str


#: "from 45 to 30", "from 60% to 75%", "from EUR 5,000 to EUR 3,500": the start and the
#: end a title names (a number with a decimal comma, "2,5", is none; nor a year then
#: words, "from 2025 levels to 10%").
_NUMBER = r"[$\u20ac\u00a3]?(?P<{}>\d+(?:,\d{{3}})*(?:\.\d+)?)(?![.,]?\d)"
_FROM_TO = lazy(
    rf"\bfrom\s+(?:[a-z]{{3}}\s+)?(?!(?:19|20)\d\d\s+(?!to\b)[^\s\d])"
    rf"{_NUMBER.format('start')}\S*(?:\s+[^\s\d]+){{0,2}}?"
    rf"\s+to\s+(?:[a-z]{{3}}\s+)?{_NUMBER.format('end')}",
    re.IGNORECASE,
)
#: A verb that brings a number down: "Reduce", "Bring time-to-fill down".
_DOWN_VERB = (
    r"\b(?:reduce|lower|cut|decrease|drop|shrink|slash|trim|lose|minimi[sz]e"
    r"|(?:bring|get)\b.{0,40}?\bdown)\b"
)
#: What a level below which a number is to stay is said with ("under 30", "fewer than
#: 5"), not "no less than" (at least) nor a time ("in under 48 hours").
_UNDER = r"(?<!\bno\s)(?<!\bnot\s)(?<!\bin\s)(?<!\bwithin\s)\b(?:under|below|(?:fewer|less)\s+than)"
#: A title bringing a number down to its target: "Reduce time-to-hire to 30 days",
#: "Reduce sick days to fewer than 5", or keeping it under it without such a verb: "Get
#: time-to-hire under 30 days", "Bring time-to-fill down to 30 days" (found in a tryout:
#: these wrote `baseline: 0`, and the goal read as done once its value was logged).
_DOWN_TO = lazy(
    rf"(?:{_DOWN_VERB}.*?\bto\s+(?:{_UNDER}\s+)?|(?:{_UNDER}|\bdown\s+to)\s+)"
    rf"(?:[a-z]{{3}}\s+)?{_NUMBER.format('end')}",
    re.IGNORECASE,
)
#: A title that opens with a verb bringing a number down ("Reduce turnover by 15%": the
#: size of the cut, or the level to reach?); not one later in it, for what a count is
#: for ("Run 2 workshops to reduce bias in hiring").
_BRINGS_DOWN = lazy(
    r"^\W*(?:reduce|lower|cut|decrease|drop|shrink|slash|trim|lose|minimi[sz]e)\b",
    re.IGNORECASE,
)
#: A number after "by": the size of a cut ("by 15%").
_BY_NUMBER = lazy(rf"\bby\s+(?:[a-z]{{3}}\s+)?{_NUMBER.format('end')}", re.IGNORECASE)


#: Keys of C, not a function called per item: a goal's check-ins and milestones are
#: ordered for each goal a command shows.
_day: Callable[[CheckIn], date] = attrgetter("day")
_index: Callable[[Milestone], int] = attrgetter("index")


def _title_number(text: str) -> float:
    """A number of a title (``5,000``) as written: whole, an int (5000, not 5000.0)."""
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() else value


def titled_start(title: str, target: float | None) -> float | None:
    """The start ``title`` names for a goal reaching ``target``: X of "from X to Y" when Y
    is the target and X is not; else None."""
    if target is None or "from" not in title.casefold():  # most titles: no regex
        return None
    for found in _FROM_TO.finditer(title):
        start = _title_number(found["start"])
        if _title_number(found["end"]) == target and start != target:
            return start
    return None


def titled_down(title: str, target: float | None) -> bool:
    """Whether ``title`` brings a number down to ``target``: "Reduce time-to-hire to 30
    days", "Cut cost per hire from EUR 5,000 to EUR 3,500"."""
    if target is None:
        return False
    start = titled_start(title, target)
    if start is not None:
        return start > target
    return any(_title_number(m["end"]) == target for m in _DOWN_TO.finditer(title))


def brings_down(title: str, target: float | None) -> bool:
    """Whether ``title`` says a number is to go down, to ``target`` (:func:`titled_down`)
    or by it or some amount: it opens with such a verb, and names ``target`` after "by"
    if anywhere ("Reduce overtime by 20%"; not "Cut 4 podcast episodes": a count)."""
    if titled_down(title, target):
        return True
    if _BRINGS_DOWN.match(title) is None:
        return False
    named = [
        m.start()
        for m in re.finditer(r"\d+(?:,\d{3})*(?:\.\d+)?", title)
        if target is not None and _title_number(m.group()) == target
    ]
    return all(at in _cuts(title, target) for at in named)


def titled_cut(title: str, target: float | None) -> bool:
    """Whether ``title`` names ``target`` after "by" ("Reduce turnover by 15%"): the size
    of a cut, or the level to reach?"""
    return bool(_cuts(title, target))


def _cuts(title: str, target: float | None) -> set[int]:
    """Where in ``title`` ``target`` is named after "by"."""
    return {
        m.start("end")
        for m in _BY_NUMBER.finditer(title)
        if target is not None and _title_number(m["end"]) == target
    }


def start_of_values(
    baseline: float | None,
    title: str,
    target: float | None,
    log: list[CheckIn],
    current: float | None,
) -> Start:
    """Where progress counts from (:class:`Start`): ``baseline``; with none, the start the
    title names (:func:`titled_start`), else the goal's first value when it is above the
    target - the goal counts down from it -, else the target when the title brings the
    number down to it (:func:`titled_down`: reached, from a start unknown), else 0.  The
    first value is the first measured line of its own ``log`` when it sets the value
    (``=N``; a change says no value), else, nothing logged, the file's ``current``."""
    if baseline is not None:
        return Start(baseline, "baseline")
    titled = titled_start(title, target)
    if titled is not None:
        return Start(titled, "title")
    measured = [c for c in log if c.op is not None]
    first, source = current, "current"
    if measured:
        line = min(measured, key=_day)
        first, source = (line.amount if line.op == "=" else None), "log"
    if first is not None and target is not None:
        if first > target:
            return Start(first, source)
        if titled_down(title, target):
            return Start(target, "reached")
    return Start(0.0, "")


@record(frozen=True, slots=True)
class Milestone(Record):
    """A goal's milestone: its title, due day, whether (or when) it was done or dropped,
    and its place in the goal's list."""

    title: str
    due: date | None
    done: bool | date  # True, False, or the day it was done
    index: int
    dropped: bool | date = False  # True, False, or the day it was dropped
    #: The line of its item in the file (None: not known), where a finding points.
    line: int | None = field(default=None, compare=False)

    @property
    def is_done(self) -> bool:
        return self.done is not False

    @property
    def is_dropped(self) -> bool:
        """Dropped and not done: planned, due and counted nowhere."""
        return self.dropped is not False and not self.is_done

    @property
    def done_on(self) -> date | None:
        return self.done if isinstance(self.done, date) else None

    @property
    def done_day(self) -> date | None:
        """The day it counts as done: the day it was done, its due day when ticked
        without one (``done: true``); None while open."""
        return self.due if self.done is True else self.done_on

    def to_dict(self) -> dict[str, Any]:
        dropped = _day_or(self.dropped) if self.is_dropped else False
        return {
            "title": self.title,
            "due": _iso(self.due),
            "done": _day_or(self.done),
            "dropped": dropped,
        }


@record()
class Goal(Record):
    """A goal with typed SMART fields; a value that failed validation is None."""

    path: str
    title: str
    id: str | None = None
    status: str = "active"
    completed: date | None = None
    area: str | None = None
    tags: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    created: date | None = None
    outcome: str | None = None
    metric: str | None = None
    unit: str | None = None
    baseline: float | None = None
    target: float | None = None
    current: float | None = None  # the value: the file's plus check-ins in other notes
    file_current: float | None = None  # ``current`` as the goal file holds it
    effort: float | None = None
    confidence: float | None = None
    supports: list[Link] = field(default_factory=list)
    why: str | None = None
    start: date | None = None
    due: date | None = None
    milestones: list[Milestone] = field(default_factory=list)  # those not dropped
    #: The milestones dropped (:attr:`Milestone.is_dropped`): only listed, as dropped.
    dropped_milestones: list[Milestone] = field(default_factory=list)
    review_every: str | None = None
    kind: str = "outcome"
    feeds: list[Link] = field(default_factory=list)
    check_ignore: list[str] = field(default_factory=list)
    metric_source: str = "manual"
    metric_kind: list[str] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    #: Days a commit changed the goal's value (from git, by the commands that read its
    #: history: ``usecases.history.goals_series``); None: not looked up.
    changed: list[date] | None = None
    lines: dict[str, int] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    #: The keys (as in the file) whose value can't be read, sorted: each has a diagnostic.
    unread: tuple[str, ...] = ()
    #: The note says its ``kind`` (a value that can't be read says nothing).
    kind_given: bool = False

    @property
    def unmeasured(self) -> bool:
        """One of :data:`MEASURES` is written but can't be read: progress is unknown."""
        return bool(self.unread) and any(key in self.unread for key in MEASURES)

    @property
    def value_unread(self) -> bool:
        """``current`` is written but can't be read (H005), and the goal's value is its
        file's (not counted from its meetings): the value is unknown, never what the
        log adds up to."""
        return "current" in self.unread and self.metric_source != "meetings"

    @property
    def counts_milestones(self) -> bool:
        """Measured by its milestones, or counting them (its unit is milestones, as
        M001's fix writes it): an undone one past its due day makes it behind."""
        return self.metric_source == "milestones" or (self.unit or "").casefold() in (
            "milestone",
            "milestones",
        )

    @property
    def aim(self) -> float | None:
        """The target progress is measured against: None with no target, and while the
        goal is :attr:`unmeasured`."""
        return None if self.unmeasured else self.target

    @property
    def origin(self) -> Start:
        """Where its progress counts from, and what says so (:func:`start_of_values`); 0
        while its baseline can't be read (its progress is unknown then)."""
        if self.baseline is not None:
            return Start(self.baseline, "baseline")
        if "baseline" in self.unread:
            return Start(0.0, "")
        return self.unwritten_origin

    @property
    def unwritten_origin(self) -> Start:
        """Where its progress would count from with no baseline (:func:`start_of_values`)."""
        own = [c for c in self.checkins if c.path == self.path]
        return start_of_values(None, self.title, self.target, own, self.file_current)

    @property
    def base(self) -> float:
        """The value its progress counts from: its baseline, else its :attr:`origin`."""
        return self.baseline if self.baseline is not None else self.origin.value

    @property
    def start_unknown(self) -> bool:
        """Nothing says where its progress counts from - no baseline, no start in the
        title, no value yet (:func:`start_of_values`) - and it can't be 0: its title
        brings a number down to its target, or its target is 0 with no value yet
        ("Zero open grievances by March": it counts down from its first value)."""
        if self.origin.source != "":
            return False
        return titled_down(self.title, self.target) or (self.target == 0 and self.current is None)

    @property
    def awaits_start(self) -> bool:
        """Its start is not known (:attr:`start_unknown`) and it has no value at all: not
        at its target, whatever its base of 0 says (a value from other notes' check-ins
        alone sets no start: it is judged from 0, as before)."""
        return self.current is None and self.start_unknown

    @property
    def down(self) -> bool:
        """Its target is below its :attr:`base`, or is its base as it is ``reached``
        (:func:`start_of_values`): it brings something down."""
        if self.target is None:
            return False
        return self.target < self.base or (
            self.target == self.base and self.origin.source == "reached"
        )

    def goes_down(self, value: float | None) -> bool:
        """Whether ``value`` reads as going down to the target: the goal's direction
        (:attr:`down`), past the target too; with none (the target is its base:
        ``0 errors``, kept at 0), while ``value`` is above the target."""
        if self.target is not None and self.target == self.base and not self.down:
            return value is not None and value > self.target
        return self.down

    @property
    def progress(self) -> float | None:
        """Share of the way from its :attr:`base` to target, 0.0-1.0 (may exceed 1)."""
        return self.progress_at(self.current)

    def progress_at(self, value: float | None) -> float | None:
        """:attr:`progress` had the goal's value been ``value``."""
        target = self.aim
        if target is None or value is None:
            return None
        start = self.base
        if target == start:  # reached, counting down from a start unknown: done
            return 1.0 if self.down and value <= target else None
        return (value - start) / (target - start)

    @property
    def key(self) -> str:
        """What a plan's ``targets`` name the goal by: its id, or its path when it has
        none (a goal written by hand), so every goal the plan's table plans is followed
        by the review's and the status board's pace; composed (:func:`composed`), as a
        row is read (:func:`~journal.core.plan_notes.row_goal`): a file name a Mac wrote
        decomposed is the same goal's once renamed."""
        return composed(self.id or self.path)

    @property
    def is_open(self) -> bool:
        return self.status in ("active", "paused")

    @property
    def every_milestone(self) -> list[Milestone]:
        """The milestones in the file's order, the dropped ones too: as they are listed."""
        return sorted([*self.milestones, *self.dropped_milestones], key=_index)

    def line_of(self, key: str) -> int | None:
        return self.lines.get(key) or self.lines.get("title")

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON record of a goal (documented in docs/commands.md)."""
        return {
            "id": self.id,
            "path": self.path,
            "type": "goal",
            "title": self.title,
            "status": self.status,
            "completed": _iso(self.completed),
            "kind": self.kind,
            "area": self.area,
            "tags": self.tags,
            "aliases": self.aliases,
            "created": _iso(self.created),
            "outcome": self.outcome,
            "metric": self.metric,
            "unit": self.unit,
            "baseline": self.baseline,
            "target": self.target,
            "current": self.current,
            "file_current": self.file_current,
            "base": self.base,
            "progress": json_progress(self.progress),
            "effort": self.effort,
            "confidence": self.confidence,
            "supports": [str(link) for link in self.supports],
            "why": self.why,
            "feeds": [str(link) for link in self.feeds],
            "start": _iso(self.start),
            "due": _iso(self.due),
            "milestones": [m.to_dict() for m in self.every_milestone],
            "review_every": self.review_every,
            "metric_source": self.metric_source,
            "metric_kind": self.metric_kind,
            "down": self.goes_down(self.current),
            "unread": list(self.unread),
        }


def refuse_hand_value(goal: Goal, word: Callable[[str], str]) -> None:
    """A goal that counts its meetings has no hand-kept value to log or set; ``word``
    names the goal at a path in a command to type (:meth:`Catalog.goal_word`)."""
    if goal.metric_source == "milestones":
        name = word(goal.path)
        raise JournalError(
            "this goal counts its milestones done (it has no metric or target); mark one "
            f"done instead: journal done {name} --milestone TITLE",
            path=goal.path,
        )
    if goal.metric_source == "meetings":
        kinds = f" --kind {goal.metric_kind[0]}" if len(goal.metric_kind) == 1 else ""
        name = word(goal.path)
        raise JournalError(
            "this goal counts its meeting notes (metric_source: meetings); record a meeting "
            f"instead: journal new meeting --with PERSON --goal {name}{kinds}",
            path=goal.path,
            line=goal.lines.get("metric_source"),
        )


def below_zero(*values: float | None) -> bool:
    """Whether any of a goal's ``values`` (its baseline, target, current) is below 0: then
    a current below 0 is a level it takes, else ``set`` and ``log`` refuse one
    (:func:`refused_below_zero`)."""
    return any(value is not None and value < 0 for value in values)


def refused_below_zero(command: str) -> str:
    """Why ``command`` (``set``, ``log``) refuses a current below 0 on a goal whose values
    are 0 or more (:func:`below_zero`), and what to do when such a value is meant."""
    return (
        f"{command} takes a current below 0 only for a goal whose baseline, target or current "
        "is below 0: for a value below 0 that is meant, edit the file (current and its log), "
        "or set a baseline or target below 0 first"
    )


@record(frozen=True)
class Change(Record):
    """One property edited: its value before and after, as plain data (dates as text)."""

    key: str
    old: Any
    new: Any


def edit_goal(
    doc: codec.Document,
    wanted: Mapping[str, Any],
    day: date,
    same: Mapping[str, Callable[[Any, Any], bool]] | None = None,
) -> tuple[codec.Document, list[Change]]:
    """Set the ``wanted`` properties of a goal's document that differ from it: the note
    as the edit's check read it back, and the changes (none: ``doc`` as it was).  A goal
    that becomes done also gets ``completed: DAY``, and one done no more (reopened,
    paused, dropped) loses its ``completed`` day, unless ``wanted`` gives one.  A list
    keeps each item the file already says as the file writes it (:func:`as_written`):
    an item the field reads alike, or one ``same[key]`` says is the same (a link to the
    same note)."""
    before = codec.plain(dict(doc.data or {}))
    values = dict(wanted)
    was = str(before.get("status", "")).strip().lower()  # as read: `Done` is done
    if values.get("status") == "done" and was != "done":
        values.setdefault("completed", day)
    reopened = values.get("status", "done") != "done" and was == "done"
    if reopened and before.get("completed"):
        values.setdefault("completed", None)  # its done day goes, as it came
    refuse_other_case(before, values, GOAL_FIELDS, doc.key_line)
    # tags, aliases, cssclasses: the key the file has for them, in any case (``Tags``)
    keys = {k: obsidian_key(before, k) or k if k in OBSIDIAN_LISTS else k for k in values}
    for key, value in values.items():
        if key in SET_FIELDS:
            alike = _read_alike(SET_FIELDS[key], (same or {}).get(key))
            # an item YAML reads as a list (`- [[Note]]`, unquoted) is kept only on its
            # own line: written out anew it would be `- - - Note`, no link to anyone
            old = before.get(keys[key])
            whole = codec.is_sequence(old) and codec.keeps_item_lines(doc, keys[key])
            values[key] = as_written(old, value, alike, collections=whole)
    changes = [
        Change(key, before.get(keys[key]), codec.plain(value))
        for key, value in values.items()
        # a property left out has no value: setting it empty (`tags=`) changes nothing
        if before.get(keys[key], None if value in (None, []) else _MISSING) != codec.plain(value)
    ]
    if not changes:
        return doc, []
    return codec.edited(doc, {(keys[c.key],): values[c.key] for c in changes}), changes


_MISSING = object()  # a property the file does not have (see edit_goal)


def as_written(
    old: Any, new: Any, same: Callable[[Any, Any], bool], *, collections: bool = True
) -> Any:
    """``new``, a list to write, with each item that an item of the file's list ``old``
    already says (``same(old_item, new_item)``) as the file writes it: ``- 1.5`` stays a
    number where ``aliases=1.5`` gives the text, and the line keeps its comment (an item
    written otherwise is another item to the codec); an old item that is a list or a
    mapping only with ``collections``."""
    if not (codec.is_sequence(old) and codec.is_sequence(new)):
        return new
    unused = [item for item in old if collections or not isinstance(item, list | dict)]
    written = []
    for item in new:
        found = next((at for at, mine in enumerate(unused) if same(mine, item)), None)
        written.append(item if found is None else unused.pop(found))
    return written


def _read_alike(
    field: Field, also: Callable[[Any, Any], bool] | None = None
) -> Callable[[Any, Any], bool]:
    """Whether a list item of the file and one to write are read alike by ``field``
    (``- 1.5`` and the text ``1.5`` as aliases), or ``also`` says they are the same; an
    item the field can't read (``- true`` as a tag) is never the same as one it can."""

    def same(old: Any, new: Any) -> bool:
        if (type(old) is type(new) and old == new) or (also is not None and also(old, new)):
            return True
        try:
            return bool(coerce(field, [old]) == coerce(field, [new]))
        except (FieldError, ValueError, TypeError):
            return False

    return same


#: What a new goal's "Why it matters" says until the user writes it (templates/goal.md.j2
#: has the same words; tests/test_packaging.py checks the two agree).
WHY_PLACEHOLDER = "Write one or two sentences on why this goal matters now."
_ATX = r"#{1,6}(?:\s|$)"  # an ATX heading's start
_HEADING = lazy(_ATX)
#: What starts a block other than a paragraph: a heading, a list item (its marker then a
#: space, or alone), a thematic break, a quote, a table, HTML, a numbered item, a setext
#: underline, a fence (not ``**Health** first`` nor ``-5 kg``: text).
_MARKDOWN_BLOCK = lazy(
    rf"{_ATX}|[-*+](?:\s|$)|(?:[-*_][ \t]*){{3,}}$|[>|<]|\d{{1,9}}[.)](?:\s|$)|=+$|[`~]{{3}}"
)
#: What opens a comment or a fence running on below the line.
_OPENS = lazy(r"%%|<!--|```|~~~")
#: The paragraph a line starts: its lines up to a blank line or the end.
_PARAGRAPH = lazy(r"[^\r\n]*(?:\r?\n(?![ \t]*\r?$)[^\r\n]*)*", re.MULTILINE)


def _why_paragraph(doc: codec.Document) -> re.Match[str] | None:
    """The paragraph under "Why it matters" in a body as ``new goal`` wrote it (see
    :func:`_new_goal_head`), else None."""
    head = _new_goal_head(doc)
    return None if head is None else _PARAGRAPH.match(doc.text, head.end())


def fill_why(doc: codec.Document, old: object, why: str) -> str | None:
    """``doc``'s text with the line under "Why it matters" that ``new goal`` wrote (see
    :func:`_why_paragraph`), the template's placeholder or ``old``, the why before, alone
    in its paragraph, saying ``why`` on one line; None otherwise (the user wrote their
    own, or the body is of their own)."""
    found = _why_paragraph(doc)
    line = body_line(why)
    text = "" if found is None else found.group()
    said, was = text.rstrip(" \t"), single_line("" if old is None else str(old))
    if (
        found is None
        or line is None
        or "\n" in text
        or not said
        or said not in (WHY_PLACEHOLDER, was)
    ):
        return None
    return doc.text[: found.start()] + line + doc.text[found.start() + len(said) :]


def said_in_body(doc: codec.Document, key: str) -> list[str]:
    """What the body's lines of ``key`` say, each on one line: for ``outcome`` its
    ``**Outcome:**`` lines, for ``why`` the paragraph under "Why it matters" in a body as
    ``new goal`` wrote it (none for the template's placeholder, nor a heading there)."""
    if key == "outcome":
        return [found.group("text") for found in _OUTCOME_LINE.finditer(doc.text, doc.body_start)]
    found = _why_paragraph(doc)
    said = "" if found is None else single_line(found.group())
    return [] if not said or said == WHY_PLACEHOLDER or _HEADING.match(said) else [said]


#: The line templates/goal.md.j2 writes for a goal's outcome, after the title heading.
OUTCOME_LABEL = "**Outcome:**"
_OUTCOME_LINE = lazy(rf"^{re.escape(OUTCOME_LABEL)}[ \t]*(?P<text>.*?)[ \t]*(?=\r?$)", re.MULTILINE)
#: How templates/goal.md.j2 begins a body: the title heading, the outcome line when
#: there is an outcome, the "Why it matters" heading (tests/test_packaging.py keeps them
#: in step).
_NEW_GOAL_HEAD = lazy(
    rf"(?P<title># [^\r\n]*\r?\n\r?\n)(?P<outcome>{re.escape(OUTCOME_LABEL)}[^\r\n]*\r?\n\r?\n)?"
    r"## Why it matters\r?\n\r?\n"
)


def _new_goal_head(doc: codec.Document) -> re.Match[str] | None:
    """The start of ``doc``'s body when it is as ``journal new goal`` writes it (see
    ``_NEW_GOAL_HEAD``), else None: a body of the user's own is never written in."""
    return _NEW_GOAL_HEAD.match(doc.text, doc.body_start)


def fill_outcome(doc: codec.Document, old: object, outcome: str) -> str | None:
    """``doc``'s text with the body's ``**Outcome:**`` line (once in the body) saying
    ``outcome`` on one line, when it said ``old``, the outcome before; with one added
    after the title heading, as the template writes it, when there was none and no
    ``old`` and the body is as ``new goal`` wrote it (:func:`_new_goal_head`).  None
    otherwise: the user's words are never touched."""
    line = body_line(outcome)
    found = list(_OUTCOME_LINE.finditer(doc.text, doc.body_start))
    if line is None or len(found) > 1:
        return None
    if found:
        if found[0].group("text") != single_line("" if old is None else str(old)):
            return None
        at, end = found[0].start("text"), found[0].end("text")
        return doc.text[:at].rstrip(" \t") + f" {line}" + doc.text[end:]
    head = _new_goal_head(doc)
    if old or head is None:
        return None
    at = head.end("title")
    added = f"{OUTCOME_LABEL} {line}{doc.body_newline}{doc.body_newline}"
    return doc.text[:at] + added + doc.text[at:]


def body_line(text: str) -> str | None:
    """``text`` on one line, to stand as a paragraph of a note's body; None when it is
    empty or markdown that would start a heading, list, quote or fence there, or open a
    comment (``## Log`` would become the goal's Log section): it stays a property."""
    line = single_line(text)
    if not line or _MARKDOWN_BLOCK.match(line) or _OPENS.search(line):
        return None
    return line


def goal_value(doc: codec.Document, key: str) -> Any:
    """The goal property ``key`` of ``doc`` as a goal reads it (a quoted day is a day;
    None when missing); :class:`FieldError` when it is not of its type."""
    if doc.data is None:
        return None
    return coerce(GOAL_FIELDS[key], doc.data.get(key), typed_text(doc.data.sources, key))


@cache  # a list's goals name the same few hundred days, each written once
def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day_or(value: bool | date) -> bool | str:
    """``done`` or ``dropped`` as JSON: the day as text, else true or false."""
    return value.isoformat() if isinstance(value, date) else value


def goal_from_note(note: Note) -> tuple[Goal, list[Diagnostic]]:
    """The typed goal of a ``type: goal`` note, with a diagnostic per bad value."""
    goal = Goal(
        path=note.path,
        title=note.title,
        id=note.id,
        lines=dict(note.key_lines),
        checkins=list(note.checkins),
    )
    typed, extra, problems = read_typed(
        note.props, GOAL_FIELDS, path=note.path, key_lines=note.key_lines, sources=note.sources
    )
    goal.extra = {key: codec.plain(value) for key, value in extra.items()}  # plain data
    for key, value in typed.items():
        if key in ("type", "title", "id"):
            continue
        if key == "milestones":
            read = [
                Milestone(m["title"], m["due"], m["done"], m["index"], m["dropped"], m["line"])
                for m in value
            ]
            goal.dropped_milestones = [m for m in read if m.is_dropped]
            value = [m for m in read if not m.is_dropped]
        if value is not None:
            setattr(goal, key, value)
    goal.file_current = goal.current
    by_line = {line: key for key, line in note.key_lines.items()}
    goal.unread = tuple(
        sorted({by_line[p.line] for p in problems if p.code == "value" and p.line in by_line})
    )
    if _by_milestones(goal):
        _measure_by_milestones(goal)
    goal.kind_given = note.props.get("kind") not in (None, "") and "kind" not in goal.unread
    given = goal.kind if goal.kind_given else None
    goal.kind = kind_of(
        given,
        goal.metric,
        meetings=goal.metric_source == "meetings",
        down=goal.down,
    )
    return goal, problems


def _by_milestones(goal: Goal) -> bool:
    """Whether ``goal`` is measured by its milestones: it has some (not all dropped), and
    neither a ``metric`` nor a ``target`` is written (one that can't be read is)."""
    written = {"metric", "target", "metric_source"} & set(goal.unread)
    return (
        bool(goal.milestones)
        and goal.metric is None
        and goal.target is None
        and goal.metric_source == "manual"
        and not written
    )


def _measure_by_milestones(goal: Goal) -> None:
    """Measure ``goal`` by its milestones (``metric_source`` reads ``milestones``): from
    0 to the milestones not dropped, in ``milestones`` unless it names its unit; its
    value, the milestones done (:func:`~journal.core.series.current_value`), is counted,
    so a ``baseline`` or ``current`` in its file is not read (nor unread: it makes no
    value unknown)."""
    goal.metric_source = "milestones"
    goal.unit = goal.unit or "milestones"
    goal.baseline = 0.0
    goal.target = float(len(goal.milestones))
    goal.file_current = None
    goal.unread = tuple(key for key in goal.unread if key not in ("baseline", "current"))


def kind_of(
    written: str | None, metric: str | None, *, meetings: bool = False, down: bool = False
) -> str:
    """The kind a goal reads as: the ``kind`` written, else what its metric counts (see
    O001: "events attended" and "LinkedIn followers" are activity), else ``outcome``.  A
    goal that counts its meetings (``meetings``) counts meetings held, activity, unless
    its metric names a result ("interviews that led to a referral").  A goal whose target
    is below its baseline (``down``: "overtime hours" cut to 2) counts a result."""
    if written:
        return written
    from journal.core.words import effort_of, names_result  # patterns: when needed

    if meetings:
        return "outcome" if names_result(metric or "") else "activity"
    if not metric or down:
        return "outcome"
    return "activity" if effort_of(metric) else "outcome"
