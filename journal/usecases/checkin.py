"""``journal log GOAL VALUE [NOTE]`` records a check-in; ``journal log GOAL`` shows them.

Recording is one atomic write of the goal file: ``current`` changes in the front
matter (a lossless splice) and a line is added to the ``## Log`` section, through
:meth:`Vault.rewrite`, which refuses if the file changed since it was read.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from journal.adapters.vault import Vault
from journal.core import codec
from journal.core.catalog import Catalog
from journal.core.checkins import (
    BEFORE_THE_LOG,
    CheckIn,
    CheckInError,
    MiswrittenValue,
    exact_sum,
    format_log_line,
    gives,
    in_unit,
    log_agrees,
    parse_log_line,
    parse_value,
    percent_unit,
    refuse_miswritten,
    replay,
    restated,
    running,
)
from journal.core.dates import not_after
from journal.core.errors import Diagnostic, JournalError, UsageProblem
from journal.core.fields import CLOSED, GOAL_FIELDS, FieldError, coerce, refuse_other_case
from journal.core.formatting import exact_number, number, shell_word, shell_words, single_line
from journal.core.goal import (
    below_zero,
    goal_value,
    refuse_hand_value,
    refused_below_zero,
    start_of_values,
    titled_down,
)
from journal.core.logsection import append_checkin, log_checkins, uncounted
from journal.core.numerals import dotted_thousands
from journal.core.records import Record, record
from journal.core.series import offsets, stepped, value_on
from journal.usecases.common import named_goal, outcome_wanted, still_closed
from journal.usecases.history import goal_series


@record(frozen=True)
class Logged(Record):
    """What `journal log` wrote: the goal, the line's day, change and note, the value
    before and after."""

    path: str
    title: str  # the goal's
    day: date
    change: str
    note: str
    old: float
    new: float
    notice: str | None = None  # why current did not move (a later =N sets it)
    carried: str | None = None  # "DAY +N ..." logged too: progress the log did not have yet
    #: written too: the first value of a goal with no baseline that counts down from it
    #: (:func:`~journal.core.goal.start_of_values`), so it stays where the goal starts
    baseline: float | None = None
    hint: str | None = None  # for ``carried`` on a goal that says not where it began
    warning: Diagnostic | None = None  # current and the log disagreed before (its line)
    closed: Diagnostic | None = None  # the goal is done, dropped or paused: logged all the same


def _value_then_note(value: str, note: str) -> tuple[str, str]:
    """A VALUE typed with its note in one quoted word (``journal log G "+1 Went to a
    meetup"``, found in a tryout): the value, then the note; else both as given."""
    first, _, rest = value.strip().partition(" ")
    if note or not rest or not first[-1:].isdigit() or parse_value(first) is None:
        return value, note
    if rest[0].isdigit() or unicodedata.numeric(rest[0], None) is not None or rest[0] in "/.,":
        return value, note  # `=10 000`, `+1 1/2`, `+1 ½`: one amount, refused as before
    return first, rest.strip()


def _unquoted_name(ref: str, value: str, note: str) -> str | None:
    """The usage error of a goal's name with spaces typed unquoted (``journal log coffee
    chats +1 Coffee``): ``value`` is no value, and a later word is one; else None."""
    words = note.split(" ")
    at = next((i for i, word in enumerate(words) if _is_value(word)), None)
    if at is None or _is_value(value):
        return None
    name = shell_word(" ".join([ref, value, *words[:at]]))
    return (
        f"'{value}' is no VALUE and {words[at]} comes after it: a goal's name with spaces "
        f"goes in quotes: journal log {name} {shell_words(words[at:])}"
    )


def _refuse_valued_note(note: str, word: str, day: date) -> None:
    """A usage error for a dated note that starts like a value (``+2 more chats
    booked``, ``+2, more``): its log line, read back as the log reads it, has a value."""
    try:
        read = parse_log_line(format_log_line(day, None, 0, note), 1)
    except CheckInError:
        read = None  # no value read: the log then says why (a line that reads so is H006)
    if read is not None and read.op is not None:
        first, _, rest = note.strip().partition(" ")
        example = f"{rest}: {first}" if rest else f"noted {first}"
        raise UsageProblem(
            f"the note '{note}' starts like a value, so its log line would read as "
            f"{read.op}{exact_number(read.amount)}: "
            f"start the note with a word, e.g. journal log {word} +0 {shell_word(example)}"
        )


def _is_value(word: str) -> bool:
    """Whether ``word`` is a VALUE on its own (``+1``, ``=4``)."""
    try:
        parsed = parse_value(word)
    except MiswrittenValue:
        return False
    return parsed is not None and not parsed[2] and word[-1:].isdigit()


def parse_change(text: str, note: str = "") -> tuple[str, float]:
    """``+N``, ``-N``, ``=N`` or ``=-N`` as (op, amount); a usage error otherwise (also for
    a number whose point may part thousands, ``+1.000``: which is meant?), or
    :class:`MiswrittenValue`, the log line's own advice, for ``+1,5``, for ``+ 1`` (``+``
    then a ``note`` of ``1 ...``) and for a number too large to be one."""
    told = dotted_thousands(text)
    if told is not None:
        raise UsageProblem(told)
    parsed = parse_value(text)
    if parsed is None or parsed[2] or not text[-1:].isdigit():
        refuse_miswritten(f"{text} {note}".strip())
        hint = (  # a note given as the value: `journal log G "Went to a meetup"`
            "; to log a note with no change to the number, give +0 before it"
            if text[:1].isalpha()
            else ""
        )
        raise UsageProblem(
            f"VALUE should be +N (up by N), -N (down by N) or =N (now N), not '{text}'{hint}"
        )
    return parsed[0], parsed[1]


def _number(doc: codec.Document, key: str) -> float | None:
    try:
        value = goal_value(doc, key)
    except FieldError as exc:
        raise JournalError(
            f"{exc.message}; fix it before logging", line=doc.key_line(key)
        ) from None
    return float(value) if value is not None else None


def _refuse_uncounted(doc: codec.Document) -> None:
    """Refuse to log to a goal holding check-in lines its log does not count (under
    ``## Logs``, ``-2026-11-10: +2``): ``current`` would be worked out without them, and
    the line would go to a ``## Log`` beside the user's."""
    lines = uncounted(doc)
    if lines:
        line, message = lines[0]
        more = f" ({len(lines)} such lines)" if len(lines) > 1 else ""
        raise JournalError(f"{message}; nothing written: fix it, then log again{more}", line=line)


def _dip(start: float, logged: list[CheckIn], checkin: CheckIn) -> tuple[date, float] | None:
    """The first day and value below 0 of the log's running values with ``checkin`` in
    it, when the log without it never goes below 0 (a log that does was written so)."""
    if any(value < 0 for _c, value in running(start, logged)):
        return None
    return next(((c.day, v) for c, v in running(start, [*logged, checkin]) if v < 0), None)


def _tidy(value: float) -> int | float:
    """A whole value as an int (sums are exact already: see ``CheckIn.apply``)."""
    return int(value) if value.is_integer() else value


def _in_goals_unit(
    vault: Vault, catalog: Catalog, ref: str, told: MiswrittenValue
) -> tuple[str, float]:
    """The change a VALUE with ``%`` glued on (``+5%``) makes to a goal counted in ``%``;
    for any other, the usage error ``told``, with the value in the goal's unit when that
    is hours or minutes (``+1:30``: write +1.5)."""
    try:
        goal = named_goal(vault, catalog, ref, writes=True)
    except JournalError:  # the value is told first
        raise UsageProblem(str(told)) from None
    meant = in_unit(told.written, goal.unit)
    if meant is not None and percent_unit(goal.unit):
        return parse_change(meant)
    hint = f"; for this goal, counted in {goal.unit}, write {meant}" if meant else ""
    raise UsageProblem(f"{told}{hint}")


def log_checkin(
    vault: Vault,
    catalog: Catalog,
    ref: str,
    value: str,
    note: str,
    day: date,
    *,
    after_read: Callable[[], None] | None = None,
) -> Logged:
    """Append ``- DAY: VALUE NOTE`` to the goal's log and set ``current``, in one write.

    When ``current`` in the file agrees with baseline plus the log (or is missing),
    it becomes baseline plus the log with the new line, so a backdated check-in lands
    in its place (and may leave ``current`` as it is, before a later ``=N``).  When
    they already disagreed, the change applies to ``current`` as it is and the
    result carries a warning.  To a goal counting its meetings, whose value is theirs,
    ``+0`` appends ``- DAY: NOTE``, a dated note.  ``after_read`` runs between the read
    and the write (tests use it to play a user saving the file at that moment).
    """
    try:
        value, note = _value_then_note(value, note)
        unquoted = _unquoted_name(ref, value, note)
        if unquoted:
            raise UsageProblem(unquoted)
        op, amount = parse_change(value, note)
    except MiswrittenValue as exc:
        op, amount = _in_goals_unit(vault, catalog, ref, exc)
    not_after(day, catalog.today, "journal log")
    goal = named_goal(vault, catalog, ref, writes=True)
    noted = goal.metric_source == "meetings" and op != "=" and amount == 0  # a dated note
    if noted and not note.strip():
        raise UsageProblem(
            "+0 logs a note to a goal counting its meetings: give the note, journal log "
            f"{catalog.goal_word(goal.path)} +0 WORDS"
        )
    if noted:
        _refuse_valued_note(note, catalog.goal_word(goal.path), day)
    else:
        refuse_hand_value(goal, catalog.goal_word)
    if goal.start is not None and day < goal.start:
        raise UsageProblem(
            f"{day} is before the goal's start ({goal.start}): a check-in then would count "
            f"before the goal began; log on or after it, or move the start first "
            f"(journal set {catalog.goal_word(goal.path)} start={day})"
        )
    checkin = CheckIn(day, None if noted else op, amount, single_line(note), 0, goal.path)
    result: dict[str, Any] = {}
    periodic = vault.periodic  # dates log lines

    def transform(doc: codec.Document) -> str:
        if noted:  # its value is its meetings': the line changes no number
            _refuse_uncounted(doc)
            value = _tidy(goal.current or 0.0)
            notice = "a dated note: this goal counts its meeting notes, so its log takes no value"
            result.update(old=value, new=value, notice=notice)
            return appended(doc)
        refuse_other_case(doc.data or {}, ("current",), GOAL_FIELDS, doc.key_line)  # first
        _refuse_uncounted(doc)
        current = _number(doc, "current")
        logged = [c for c in log_checkins(doc, periodic) if c.op is not None]
        baseline = _number(doc, "baseline")
        target = _number(doc, "target") if baseline is None else None  # only for a start
        valueless = baseline is None and current is None and not logged
        down = titled_down(goal.title, target)
        if valueless and op != "=" and (down or target == 0):  # down from what?
            word = catalog.goal_word(goal.path)
            why = "its title brings the number down to" if down else "its target is"
            raise UsageProblem(
                f"{checkin.value_text} changes a value the goal does not have yet: {why} "
                f"{number(target)}, and it has no baseline or current; log where it stands "
                f"first: journal log {word} =N"
            )
        origin = start_of_values(baseline, goal.title, target, logged, current)
        base = origin.value
        replayed = replay(base, logged)
        old = current if current is not None else replayed
        dip = None  # (the log's first day below 0, its value there) with the check-in in
        if current is None or log_agrees(base, logged, current):
            new = _tidy(replay(base if logged else old, [*logged, checkin]))
            dip = _dip(base if logged else old, logged, checkin)
            later = sorted((c for c in logged if c.op == "=" and c.day > day), key=lambda c: c.day)
            if new == _tidy(old) and later:
                reset = later[-1]
                result["notice"] = f"unchanged: the {reset.value_text} on {reset.day} comes later"
        else:
            new = _tidy(checkin.apply(current))
            result["warning"] = Diagnostic(
                goal.path,
                doc.key_line("current"),
                f"current was {number(current)} but baseline plus the log gives "
                f"{number(replayed)}; {checkin.value_text} was applied to current "
                "(journal check reports the difference as M007)",
                "warning",
                "M007",
            )
        try:
            coerce(GOAL_FIELDS["current"], new)
        except FieldError as exc:
            raise UsageProblem(
                f"{checkin.value_text} would make current {number(new)}, and {exc.message}"
            ) from None
        if new < 0 and not below_zero(goal.baseline, goal.target, old):  # as set refuses it
            raise UsageProblem(
                f"{checkin.value_text} would make current {number(new)}, and "
                f"{refused_below_zero('log')}"
            )
        if dip is not None and not below_zero(goal.baseline, goal.target, old):
            raise UsageProblem(  # backdated: below 0 on its way, current at 0 or more
                f"{checkin.value_text} on {day} would make the log's value {number(dip[1])}"
                f"{' that day' if dip[0] == day else f' on {dip[0]}'}, and "
                f"{refused_below_zero('log')}"
            )
        result.update(old=_tidy(old), new=new)
        edits: dict[tuple[codec.PathKey, ...], Any] = {} if current == new else {("current",): new}
        # a goal with no baseline counting down from its first value (`current`, or the
        # first =N logged, this one maybe): written as its baseline, so it stays the start
        # (a change backdated before the first =N says no value: the start found stays)
        first = origin
        if origin.source != "current":
            first = start_of_values(baseline, goal.title, target, [*logged, checkin], None)
            first = first if first.source else origin
        if first.source in ("current", "log"):
            edits[("baseline",)] = result["baseline"] = _tidy(first.value)
        now = codec.edited(doc, edits) if edits else doc
        # progress made before the log began (by hand, or `set` with no Log section): a
        # line of today for it too, so baseline plus the log keeps giving current (else
        # M007); a change, not an =N, which would leave later backdated lines uncounted
        if current is not None and not logged and op != "=" and not gives(base, [], current):
            gap, today = exact_sum(current, -base), catalog.today or day
            sign = "+" if gap > 0 else "-"
            carried = CheckIn(today, sign, abs(gap), BEFORE_THE_LOG, 0, goal.path)
            now = codec.parse_text(append_checkin(now, carried, periodic), bom=doc.bom)
            result["carried"] = f"{today.isoformat()} {carried.value_text} {BEFORE_THE_LOG}"
            if _number(doc, "baseline") is None and goal.start is None and goal.created is None:
                result["hint"] = (
                    "with no baseline, start or created day it counts as progress made that "
                    f"day: if {number(current)} is where the goal began, delete that line "
                    f"and run journal set {catalog.goal_word(goal.path)} "
                    f"baseline={number(current)}"
                )
        return appended(now)

    def appended(doc: codec.Document) -> str:
        text = append_checkin(doc, checkin, periodic)
        if after_read is not None:
            after_read()
        return text

    if goal.status in (*CLOSED, "paused"):
        result["closed"] = Diagnostic(
            goal.path,
            goal.line_of("status"),
            still_closed(catalog, goal, "the check-in is logged"),
            "warning",
            "closed",
        )
    vault.rewrite(goal.path, transform, catalog.by_path[goal.path])
    return Logged(goal.path, goal.title, day, checkin.value_text, checkin.text, **result)


def history(vault: Vault, catalog: Catalog, ref: str, today: date) -> dict[str, Any]:
    """A goal's check-ins with the value after each, its series for a chart (from git
    and check-ins, see :func:`goal_series`), and whether baseline plus the goal's own
    log agrees with ``current`` in its file (as ``journal check`` M007 judges)."""
    goal = named_goal(vault, catalog, ref)
    points = goal_series(vault, goal, today).points
    base = goal.base
    shift = offsets(goal, today)
    day_before = timedelta(days=1)
    # the check-ins counted on, as the header and chart count them, with a step to each
    # value of the series they do not give (git's committed values, the file's
    # ``current``): a line for progress made before the log sets the value (with what
    # other notes add), as in the series
    own_lines = iter(
        restated(
            base,
            [c for c in goal.checkins if c.path == goal.path],
            lambda day: value_on(shift, day - day_before, 0),
        )
    )
    ordered = sorted(goal.checkins, key=lambda c: c.day)
    lines = [next(own_lines) if c.path == goal.path else c for c in ordered]
    rows, steps = stepped(points, lines, base)
    own = [c for c in goal.checkins if c.path == goal.path and c.op is not None]
    replayed = replay(base, own)
    return {
        "id": goal.id,
        "path": goal.path,
        "title": goal.title,
        "unit": goal.unit,
        "metric_source": goal.metric_source,
        "baseline": goal.baseline,
        "base": base,
        "target": goal.target,
        "down": goal.goes_down(goal.current),
        "current": goal.current,
        "file_current": goal.file_current,
        "start": goal.start.isoformat() if goal.start else None,
        "due": goal.due.isoformat() if goal.due else None,
        "replayed": replayed,
        "agrees": log_agrees(base, own, goal.file_current),
        "checkins": [
            {
                "date": c.day.isoformat(),
                "change": c.value_text or None,
                "value": value if c.op is not None and not goal.value_unread else None,
                "note": c.text,
                "path": c.path,
                "line": c.line,
                "future": c.day > today,
            }
            for c, (_line, value) in zip(ordered, rows, strict=True)
        ],
        "steps": [step.to_dict() for step in steps],
        **outcome_wanted(catalog, goal),
        "series": [p.to_dict() for p in points],
    }
