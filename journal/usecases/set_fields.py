"""``journal set GOAL KEY=VALUE...``: typed, validated, lossless property edits."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Sequence
from dataclasses import field
from datetime import date, timedelta
from typing import Any

from journal.adapters.vault import Vault
from journal.core import codec
from journal.core.catalog import Catalog
from journal.core.checkins import CheckIn, gives
from journal.core.errors import (
    Ambiguous,
    Diagnostic,
    JournalError,
    NotFound,
    UnsafeWrite,
    UsageProblem,
)
from journal.core.fields import (
    CLEARED_ONLY,
    FIXED_KEYS,
    MEETING_FIELDS,
    OBSIDIAN_LISTS,
    SET_FIELDS,
    FieldError,
    lookup,
    parse_cli_value,
    refuse_other_case,
    yaml_value,
)
from journal.core.formatting import listed, shell_word, shell_words, single_line
from journal.core.goal import (
    MEASURES,
    Change,
    Goal,
    below_zero,
    edit_goal,
    fill_outcome,
    fill_why,
    goal_value,
    refuse_hand_value,
    refused_below_zero,
    said_in_body,
    start_of_values,
)
from journal.core.links import composed, parse_link
from journal.core.logsection import append_checkin, has_log, log_checkins
from journal.core.names import file_stem, refuse_comment_mark
from journal.core.networking import meeting_from_note
from journal.core.notes import Note, stem_of
from journal.core.numerals import respelled
from journal.core.periodic import PeriodicSettings
from journal.core.plan_notes import plan_options, plan_spans, rekeyed, row_goal
from journal.core.records import Record, record
from journal.core.rules.timebound import early_follow_up
from journal.core.series import offsets, value_on
from journal.usecases.common import (
    LINKED,
    feeds_no_outcome,
    found_links,
    kind_with_feeds,
    named_goal,
    refuse_done_before_start,
)
from journal.usecases.generate import users_note

#: Obsidian's legacy names of its list properties (``tag=``), given for their own.
_LEGACY_NAMES = {legacy: name for name, legacy in OBSIDIAN_LISTS.items()}
PLANNED = ("baseline", "target", "start", "due")  # what a plan's weekly targets come from
#: The body's lines ``new goal`` wrote for these properties, and how ``set`` writes each
#: anew: when it says the value before (or the template's placeholder), never the user's.
BODY_FILLS = {"why": fill_why, "outcome": fill_outcome}


@record()
class SetResult(Record):
    """What `journal set` changed in a note."""

    path: str
    title: str
    given: dict[str, str] = field(default_factory=dict)  # each value as typed, by key
    changes: list[Change] = field(default_factory=list)
    written: bool = False
    #: The running plans whose weekly targets for the goal came from values changed
    #: here, by path: the ``journal plan`` arguments that make each again, and whether
    #: you edited its targets (then ``--force`` is needed too).
    plans: dict[str, tuple[str, bool]] = field(default_factory=dict)
    #: The ``=N`` check-in (``2026-11-22 =2``) added to the log to keep it in step with
    #: a ``current`` set here.
    logged: str | None = None
    #: Why that line could not be added (``current`` was set all the same).
    unlogged: str | None = None
    #: What that recount takes in, as counted in it: what check-ins in other notes
    #: before today add, and their days (see :func:`_taken_in`).
    taken_in: tuple[float, list[date]] | None = None
    #: Of ``why`` and ``outcome``, those also written in the body, on the line ``new
    #: goal`` wrote for them (see :data:`BODY_FILLS`).
    in_body: list[str] = field(default_factory=list)
    #: Of those set, the ones the body says otherwise (words of the user's own, or a value
    #: the body can't say): left as it is.
    otherwise: list[str] = field(default_factory=list)
    #: ``outcome`` was set, and the body, of the user's own, has no ``**Outcome:**`` line
    #: to say it: it is left as it is.
    outcome_not_in_body: bool = False
    #: What ``journal check`` will say of the links ``feeds`` was given.
    warnings: list[Diagnostic] = field(default_factory=list)
    #: The file's name, which links show, when a title set here would name it otherwise.
    named: str | None = None

    @property
    def assigned(self) -> list[str]:
        """Each change as ``KEY=VALUE``: the value as typed, else (a ``completed`` the
        tool added) as written."""
        return [f"{c.key}={self.given.get(c.key, c.new)}" for c in self.changes]


def parse_assignments(
    assignments: Sequence[str], ref: str, goal_word: Callable[[str, list[str]], str]
) -> dict[str, str]:
    """``["status=done", "current=3"]`` as a mapping; each key once, Obsidian's legacy
    names as the property (``cssclass=wide`` is ``cssclasses``).  ``ref``: the goal as
    named, and ``goal_word``: the goal a name finds, given the keys to set, as a command
    to paste names it (a :class:`JournalError` when none), for the command meant when
    words are no ``KEY=VALUE`` (:func:`_as_meant`)."""
    parsed: dict[str, str] = {}
    for item in assignments:
        key, sep, value = item.partition("=")
        key = _LEGACY_NAMES.get(key.strip(), key.strip())
        if not sep or not key:
            meant = _as_meant(assignments, ref, goal_word)
            raise UsageProblem(f"'{item}' is not KEY=VALUE: {meant}")
        if key in parsed:
            raise UsageProblem(f"'{key}' is given twice")
        parsed[key] = value
    return parsed


_FORM = (
    "give journal set GOAL KEY=VALUE..., each KEY=VALUE one word with no space around '=', "
    "a goal's name or a value with spaces in quotes"
)


def _as_meant(
    assignments: Sequence[str], ref: str, goal_word: Callable[[str, list[str]], str]
) -> str:
    """What is wrong with ``assignments`` that hold words that are no ``KEY=VALUE``, and
    the command meant, to paste: the words before the first ``KEY=VALUE`` are the
    goal's name's (``set Senior HRBP why=x``), a space around ``=`` is dropped (``target
    = 5``, ``due= 2027-01-31``) and a word after a ``KEY=VALUE`` is its value's (``why=Next
    step``); the form expected when that names no goal or no property (every command told
    runs pasted)."""
    words, slips = _closed_up(assignments)
    names = list(itertools.takewhile(lambda word: "=" not in word, words))
    meant = words[len(names) :]
    pairs = [(key.strip(), value) for key, _, value in (word.partition("=") for word in meant)]
    keys = [_LEGACY_NAMES.get(key, key) for key, _ in pairs]
    unknown = [key for key, _ in pairs if _LEGACY_NAMES.get(key, key) not in SET_FIELDS]
    if not meant or unknown:
        return _FORM + (f"; unknown property '{unknown[0]}'" if unknown else "")
    try:
        goal = goal_word(" ".join([ref, *names]), keys)
    except JournalError as exc:
        return f"{_FORM}; {exc.message}"
    if names:
        slips.insert(0, "a goal's name with spaces goes in quotes")
    values = [f"{key}={shell_words([value]) if value else ''}" for key, value in pairs]
    return f"{'; '.join(slips)}: journal set {goal} {' '.join(values)}"


def _closed_up(assignments: Sequence[str]) -> tuple[list[str], list[str]]:
    """``assignments`` with each ``=`` typed with a space around it closed up (``target =
    5``, ``due =2027-01-31``, ``due= 2027-01-31``) and each word after a ``KEY=VALUE``
    joined to its value (``why=Next step``), and the slips so mended, in words."""
    words: list[str] = []
    slips: list[str] = []
    for word in assignments:
        last = words[-1] if words else ""
        if word.startswith("=") and last and "=" not in last:
            words[-1], slip = last + word, "no space around '='"
        elif "=" in last and "=" not in word:
            spaced = not last.endswith("=")
            words[-1] = f"{last} {word}" if spaced else last + word
            slip = "a value with spaces goes in quotes" if spaced else "no space around '='"
        else:
            words.append(word)
            continue
        if slip not in slips:
            slips.append(slip)
    return words, slips


def typed_assignments(given: dict[str, str], catalog: Catalog, goal: Goal) -> dict[str, Any]:
    """Validated values, as the codec writes them, for ``goal``'s properties; the notes
    that ``supports`` and ``feeds`` name are found as ``new goal`` finds them, and, as
    there, ``feeds`` is refused on an outcome goal."""
    parsed: dict[str, Any] = {}
    levels = "current" in given and _below_zero(given, goal)
    for key, text in given.items():
        if key in FIXED_KEYS:
            raise UsageProblem(f"'{key}' is not changed by the tool; edit the file if you must")
        if key not in SET_FIELDS or (key in CLEARED_ONLY and text.strip()):
            edited = dict.fromkeys(CLEARED_ONLY, _milestones_edited(catalog, goal))
            lookup(key, SET_FIELDS, edited)  # an unknown key's error
            raise UsageProblem(f"'{key}' is only cleared by the tool ({key}=); {edited[key]}")
        spec = SET_FIELDS[key]
        if key == "title":  # as `new goal` refuses it
            refuse_comment_mark(text)
        if key in MEASURES:
            word = catalog.goal_word(goal.path)
            _refuse_sign(key, text.strip(), word, levels, goal.file_current)
        parsed[key] = parse_cli_value(spec, text)
    kind = _kind_for_feeds(parsed, goal)
    if kind is not None:  # feeds= on a goal that says no kind: as new goal writes it
        parsed["kind"] = kind
    typed: dict[str, Any] = {}
    for key, value in parsed.items():
        if key in LINKED and value:
            value = found_links(catalog, value, key, goal.path)  # the links, as text
        typed[key] = yaml_value(SET_FIELDS[key], value)
    return typed


def _below_zero(given: dict[str, str], goal: Goal) -> bool:
    """Whether ``goal``'s values go below 0, as this command leaves them: its
    ``baseline`` or ``target`` (``given``, else the file's) or the file's ``current``."""
    given_or_held = {"baseline": goal.baseline, "target": goal.target}
    for key in given_or_held.keys() & given.keys():
        given_or_held[key] = parse_cli_value(SET_FIELDS[key], given[key])
    return below_zero(goal.file_current, *given_or_held.values())


def _refuse_sign(key: str, text: str, name: str, levels: bool, held: float | None) -> None:
    """Refuse a number with a sign for ``key``, a value a goal is measured by
    (``current=+1``): a sign reads as a change, as ``journal log GOAL +1`` makes one, and
    set writes the value (``name``: the goal in a command to paste).  A minus is a level,
    not a change, for ``baseline`` and ``target``, and for ``current`` when ``levels``:
    the goal's values go below 0 (:func:`_below_zero`); a change is told as a check-in
    to log only where log takes it: ``held``, the file's ``current``, stays 0 or more.  A
    number to write otherwise (a minus sign, U+2212, for ``-``) is told how first
    (:func:`respelled`)."""
    meant = respelled(text)
    signed = meant.number if meant is not None else text
    sign, amount = signed[:1], signed[1:]
    if sign not in ("+", "-") or not amount[:1].isdigit():
        return
    if sign == "-" and (key != "current" or levels):
        return  # a value below 0, written as typed (parse_cli_value tells a U+2212 minus)
    said = f"{key}={signed} has a sign, and set writes a value, not a change: "
    said += f"{key}={amount} sets {amount}"
    if key == "current" and (sign == "+" or _taken_away(held, amount)):
        change = "add" if sign == "+" else "take away"
        said += f"; to {change} {amount}, log it: journal log {name} {signed}"
    if key == "current" and sign == "-":
        said += f"; {refused_below_zero('set')}"
    if meant is not None:
        said = f"write {meant.how}: {key}={signed}, not '{text}'{meant.chars}; and {said}"
    raise UsageProblem(said)


def _taken_away(held: float | None, amount: str) -> bool:
    """Whether ``journal log`` takes ``amount`` (as typed) away from ``held``, the file's
    ``current`` of a goal whose values are 0 or more: it leaves 0 or more."""
    try:
        return held is not None and held - float(amount) >= 0
    except ValueError:  # no number as typed
        return False


def _milestones_edited(catalog: Catalog, goal: Goal) -> str:
    """How the goal's milestones are edited, as ``set`` writes none."""
    return (
        "edit milestones in the file, or mark one done with "
        f"`journal done {catalog.goal_word(goal.path)} --milestone TITLE`"
    )


def _kind_for_feeds(parsed: dict[str, Any], goal: Goal) -> str | None:
    """The ``kind`` to write with the change (see :func:`kind_with_feeds`, which refuses
    a change that leaves ``feeds`` on a goal that is no activity goal): ``activity``
    when it gives ``feeds`` to a goal that says no kind, else None."""
    if not {"feeds", "kind", "metric"} & parsed.keys() or not parsed.get("feeds", goal.feeds):
        return None  # what the file already says is `journal check`'s
    written = parsed.get("kind", goal.kind if goal.kind_given else None)
    adding = bool(parsed.get("feeds")) and "kind" not in parsed
    metric = parsed.get("metric", goal.metric)
    fix = "give kind=activity, or clear feeds (feeds=)"
    return kind_with_feeds(written, metric, adding=adding, fix=fix)


def set_fields(
    vault: Vault, catalog: Catalog, ref: str, assignments: Sequence[str], today: date
) -> SetResult:
    """Edit a goal's properties; only the lines of changed keys are touched, and the log
    line of a new ``current`` and the body's lines of ``why`` and ``outcome`` that
    ``new goal`` wrote.  A goal that becomes done also gets ``completed: TODAY``
    (unless it is given)."""
    given = parse_assignments(
        assignments, ref, lambda name, keys: _word(vault, catalog, name, keys)
    )
    # before the values: a meeting is no goal, whatever `kind`
    note = _named(vault, catalog, ref, given)
    if note.kind == "meeting":
        return _set_meeting(vault, catalog, note, given)
    goal = catalog.goal_at(note.path)
    typed = typed_assignments(given, catalog, goal)
    if not typed:
        raise UsageProblem("nothing to set: give KEY=VALUE pairs, e.g. current=3")
    if typed.get("status") == "done" and "completed" not in typed:  # it writes today
        start = typed.get("start", goal.start)  # as it will be
        refuse_done_before_start(catalog, goal, today, "completed=DAY", start)
    same_note = dict.fromkeys(LINKED, _same_note(catalog, goal.path))
    if "current" in typed:
        if goal.metric_source != "milestones" or not {"metric", "target"} & typed.keys():
            refuse_hand_value(goal, catalog.goal_word)  # (with one: measured by milestones no more)
        start = goal.origin  # counted down from `current` (no baseline): it stays the start
        if start.source == "current" and "baseline" not in typed:
            typed["baseline"] = start.value
    result = SetResult(goal.path, goal.title, {k: v.strip() for k, v in given.items()})

    def transform(doc: codec.Document) -> str:
        edited, result.changes = edit_goal(doc, typed, today, same_note)
        text = edited.text
        if any(c.key == "current" for c in result.changes):
            text = _in_step(edited, goal, today, result, vault.periodic)
        changed = {c.key: c for c in result.changes}
        for key, fill in BODY_FILLS.items():
            new = typed.get(key)
            if key not in changed or not isinstance(new, str):
                continue
            doc = _reread(edited, text)
            filled = fill(doc, changed[key].old, new)
            said = said_in_body(doc, key)
            if filled is not None:
                result.in_body.append(key)
                text = filled
            elif any(words != single_line(new) for words in said):
                result.otherwise.append(key)
            elif key == "outcome" and not said:
                result.outcome_not_in_body = True
        return text

    result.written = vault.rewrite(goal.path, transform, catalog.by_path[goal.path])
    if result.logged:
        result.taken_in = _taken_in(goal, today)
    if given.get("feeds", "").strip():
        links = parse_cli_value(SET_FIELDS["feeds"], given["feeds"])
        result.warnings = feeds_no_outcome(catalog, goal.path, links)
    if any(c.key in PLANNED for c in result.changes):
        result.plans = plans_for(vault, catalog, goal.key, today)
    title = typed.get("title")
    if any(c.key == "title" for c in result.changes) and isinstance(title, str):
        stem = composed(stem_of(goal.path))  # as a title names it (a Mac's is decomposed)
        result.named = stem if _file_stem_or_none(title) != stem else None
    return result


#: What ``journal set`` writes on a meeting: what came of it, the goal it served and the
#: day its follow-up is due (``journal done`` marks that done).
MEETING_SET = ("outcome", "goal", "follow_up_by")


def _named(vault: Vault, catalog: Catalog, ref: str, keys: Collection[str]) -> Note:
    """The goal ``ref`` names, else the meeting it names (a goal is looked for first, so
    a name that names one still does); the goal's error when it names neither.  With a
    key no meeting has among ``keys``, a contact ``ref`` names is looked for too (as
    :func:`_meant` finds it), and refused naming its file: set edits no contact."""
    other = _not_meetings(keys)
    kinds = ("meeting",) if other is None else ("meeting", "contact")
    try:
        return catalog.by_path[named_goal(vault, catalog, ref, writes=True).path]
    except NotFound as missing:
        try:
            note = _meant(catalog, vault.named_path(ref), kinds)
        except NotFound:
            raise missing from None
    if note.kind == "contact":
        raise UsageProblem(f"set does not edit contacts; edit its {other} in the file: {note.path}")
    return note


def _meant(catalog: Catalog, ref: str, kinds: tuple[str, ...]) -> Note:
    """The note of ``kinds`` ``ref`` names (:meth:`Catalog.find_note`); of several, the
    one contact among them when the others are meetings with that contact (``Siobhán``,
    a part of her name and of the titles of her meetings, is her)."""
    try:
        return catalog.find_note(ref, kinds, writes=True)
    except Ambiguous as several:
        notes = [catalog.by_path[path] for path in several.candidates]
        contacts = [note for note in notes if note.kind == "contact"]
        if (
            several.unusable
            or len(contacts) != 1
            or not all(note is contacts[0] or _met(catalog, note, contacts[0]) for note in notes)
        ):
            raise
        return contacts[0]


def _met(catalog: Catalog, note: Note, contact: Note) -> bool:
    """Whether ``note`` is a meeting with ``contact``."""
    people = catalog.people_of(meeting_from_note(note)[0]) if note.kind == "meeting" else []
    return any(person.path == contact.path for person in people)


def _not_meetings(keys: Collection[str]) -> str | None:
    """The first of ``keys`` that set does not write in a meeting (:data:`MEETING_SET`)."""
    return next((key for key in keys if key not in MEETING_SET), None)


def _word(vault: Vault, catalog: Catalog, ref: str, keys: Collection[str]) -> str:
    """The note ``ref`` names (:func:`_named`) as a command to paste names it."""
    note = _named(vault, catalog, ref, keys)
    return shell_word(note.path) if note.kind == "meeting" else catalog.goal_word(note.path)


def _set_meeting(vault: Vault, catalog: Catalog, note: Note, given: dict[str, str]) -> SetResult:
    """Edit the :data:`MEETING_SET` properties of the meeting ``note``, only their lines;
    ``goal`` is named as ``new meeting --goal`` names it, and written as its link."""
    other = _not_meetings(given)
    if other is not None:
        raise UsageProblem(
            f"set writes a meeting's {listed(list(MEETING_SET))}; edit its {other} in the "
            f"file: {note.path}"
        )
    typed: dict[str, Any] = {}
    for key, text in given.items():
        value = parse_cli_value(MEETING_FIELDS[key], text)
        if key == "goal" and value is not None:
            served = named_goal(vault, catalog, text, writes=True)
            value = catalog.link_to(served.path, note.path)
        typed[key] = yaml_value(MEETING_FIELDS[key], value)
    result = SetResult(note.path, note.title, {k: v.strip() for k, v in given.items()})

    def transform(doc: codec.Document) -> str:
        refuse_other_case(doc.data or {}, typed, MEETING_FIELDS, doc.key_line)
        before = codec.plain(dict(doc.data or {}))
        result.changes = [
            Change(key, before.get(key), codec.plain(value))
            for key, value in typed.items()
            if before.get(key) != codec.plain(value)
        ]
        if not result.changes:
            return doc.text
        return codec.edit(doc, {(c.key,): typed[c.key] for c in result.changes})

    result.written = vault.rewrite(note.path, transform, note)
    by = typed.get("follow_up_by")
    if result.written and isinstance(by, date):
        result.warnings = _early(note, by)
    return result


def _early(meeting: Note, by: date) -> list[Diagnostic]:
    """T010's warning, said at once, when ``by``, the ``follow_up_by`` just set, is before
    the meeting: written all the same, as a value that disagrees is."""
    day = meeting_from_note(meeting)[0].day
    if day is None or by >= day:
        return []
    what, fix = early_follow_up(by, day)
    said = f"{what}, written all the same (T010): {fix}"
    return [Diagnostic(meeting.path, None, said, "warning", "meeting-dates")]


def _reread(edited: codec.Document, text: str) -> codec.Document:
    """``edited`` when its text is ``text``, else ``text`` read anew (same byte order mark)."""
    return edited if text == edited.text else codec.parse_text(text, bom=edited.bom)


def _file_stem_or_none(title: str) -> str | None:
    try:
        return file_stem(title)
    except ValueError:  # no character a file name can hold
        return None


def _same_note(catalog: Catalog, source: str) -> Callable[[Any, Any], bool]:
    """Whether a link of the file's ``supports`` (or ``feeds``) and a link to write
    point to the same note, as Obsidian resolves them from the goal at ``source`` (by
    path or file name, never an alias), with the same heading and display text
    (``[[goals/A.md|A]]`` is ``[[A|A]]``)."""

    def found(text: Any) -> tuple[str, str | None, str | None] | None:
        link = parse_link(text) if isinstance(text, str) else None
        path = catalog.resolve_path(link.target, source, by_alias=False) if link else None
        return None if link is None or path is None else (path, link.heading, link.alias)

    def same(old: Any, new: Any) -> bool:
        mine = found(old)
        return old == new or (mine is not None and mine == found(new))

    return same


def _in_step(
    doc: codec.Document, goal: Goal, today: date, result: SetResult, periodic: PeriodicSettings
) -> str:
    """The goal's text with ``- TODAY: =CURRENT`` added to its Log section when baseline
    plus the log no longer gives the ``current`` just set, so the log keeps explaining
    the value (a later ``journal log +1`` would otherwise leave M007 for good).  Not in a
    goal without a Log section, nor before the goal's start; when the line can't be
    added safely, ``current`` is set alone and ``result.unlogged`` says why."""
    current, baseline, target, start = (
        _typed(doc, key) for key in ("current", "baseline", "target", "start")
    )
    if not isinstance(current, (int, float)) or not has_log(doc):
        return doc.text  # cleared (or no Log section)
    if isinstance(start, date) and today < start:  # as just set, maybe
        return doc.text
    log = log_checkins(doc, periodic)
    base = start_of_values(baseline, goal.title, target, log, current).value
    if gives(base, log, float(current)):
        return doc.text
    recount = CheckIn(today, "=", float(current), "", 0, goal.path)
    try:
        text = append_checkin(doc, recount, periodic)
    except UnsafeWrite as exc:
        result.unlogged = exc.message
        return doc.text
    result.logged = f"{today.isoformat()} {recount.value_text}"
    return text


def _taken_in(goal: Goal, today: date) -> tuple[float, list[date]] | None:
    """What an ``=N`` recount logged ``today`` takes in (see docs/format.md, "current
    and the log"): what check-ins in other notes add to ``goal``'s value before today,
    since its log's last recount, and their days; None when they add nothing."""
    before = today - timedelta(days=1)
    added = value_on(offsets(goal, before), before, 0)
    if not added:
        return None
    own = [c.day for c in goal.checkins if c.path == goal.path and c.op == "=" and c.day < today]
    since = max(own, default=date.min)
    days = [
        c.day
        for c in goal.checkins
        if c.path != goal.path and c.op is not None and since <= c.day < today
    ]
    return added, sorted(days)


def _typed(doc: codec.Document, key: str) -> Any:
    """:func:`goal_value`, None for a value not of its type (checks name it)."""
    try:
        return goal_value(doc, key)
    except FieldError:
        return None


def plans_for(
    vault: Vault, catalog: Catalog, goal_key: str, today: date
) -> dict[str, tuple[str, bool]]:
    """The plans running on ``today`` or later with weekly targets for the goal
    ``goal_key`` (see :attr:`Goal.key`), each with the ``journal plan`` options that
    make it again (the vault's plan length needs no option) and whether its targets
    were edited by hand, in the property or the note's table (a plain run keeps them:
    ``--force`` replaces them)."""
    found = {}
    for start, end, note in plan_spans(catalog):
        rows = rekeyed(note.props.get("targets"), catalog.goals)
        if end < today or not isinstance(rows, list):
            continue
        if any(row_goal(row) == goal_key for row in rows):
            options = plan_options(start, end, vault.config.plan.days)
            users = users_note(vault, note.path, {"targets": None})  # None: never as written
            edited = users is not None and bool({"targets"} & {*users.changed, *users.edited})
            found[note.path] = (options, edited)
    return found
