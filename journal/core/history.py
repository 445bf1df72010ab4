"""Goal history as meaning, not lines: what changed in a goal between two versions.

Pure: the versions come in as bytes or parsed notes, the commits as
:class:`Revision` records; reading git is the adapter's job.

- :func:`state_of` reduces a parsed goal note to the :class:`GoalState` that
  history compares (via :func:`journal.core.goal.goal_from_note`).
- :func:`diff_states` turns two states into :class:`Event` s:
  ``current 2 -> 3``, ``status active -> done``, ``target 5 -> 8``...
- :func:`pair_renames` matches the goals a commit removed with those it added,
  by ``id`` first and by content similarity second, so a goal that was moved and
  edited in one commit is one change.
- :func:`follow` picks the changes of one goal out of a whole history, across
  renames, by its ``id`` (by path for a goal without one); :func:`goals_of` sorts a
  history's changes by goal the same way.
"""

from __future__ import annotations

import bisect
import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field, replace
from datetime import date, datetime
from typing import Any

from journal.core.body import log_cut, log_tail
from journal.core.checkins import percent_unit
from journal.core.codec import is_empty, plain
from journal.core.dates import commit_day
from journal.core.fields import typed_text
from journal.core.formatting import amount
from journal.core.goal import goal_from_note
from journal.core.notes import Note, goal_front_matter
from journal.core.records import Record, record
from journal.core.regex import lazy

#: Share of equal content above which a removed and an added goal are one goal moved.
SIMILAR = 0.5
#: Pairs of texts compared at most to find files moved (see :func:`similar_pairs`).
RENAME_LIMIT = 10_000
#: The properties with events of their own; any other is a ``property`` event, and one
#: of these whose value changed while what the goal reads of it did not is ``edited``.
OWN_EVENTS = ("title", "status", "target", "current", "baseline", "start", "due", "milestones")
#: A property value longer than this (in characters) is reported as changed, not shown.
SHORT = 40


@record(frozen=True, slots=True)
class Revision(Record):
    """One commit, as history shows it."""

    id: str
    parents: tuple[str, ...]
    author: str
    email: str
    time: datetime  # the author's time, in the author's time zone
    summary: str  # the first line of the message
    boundary: bool = False  # a shallow clone's oldest commit: its parents are missing

    @property
    def day(self) -> date:
        return self.time.date()

    @property
    def short(self) -> str:
        return self.id[:7]

    def to_dict(self) -> dict[str, Any]:
        return {
            "commit": self.id,
            "date": self.day.isoformat(),
            "time": self.time.isoformat(),
            "author": self.author,
            "email": self.email,
            "message": self.summary,
        }

    def as_record(self) -> dict[str, Any]:
        """Everything, as JSON data (the history cache keeps it)."""
        return {
            "id": self.id,
            "parents": list(self.parents),
            "author": self.author,
            "email": self.email,
            "time": self.time.isoformat(),
            "summary": self.summary,
            "boundary": self.boundary,
        }

    @classmethod
    def from_record(cls, data: dict[str, Any]) -> Revision:
        time = datetime.fromisoformat(data["time"])
        return cls(**{**data, "parents": tuple(data["parents"]), "time": time})


@record(frozen=True, slots=True)
class GoalState(Record):
    """The parts of a goal that history reports on."""

    id: str | None
    title: str
    status: str
    current: float | None
    target: float | None
    baseline: float | None
    start: str | None  # ISO dates, so a state is plain data
    due: str | None
    unit: str | None
    #: (title, ISO due day or None, done: False, True or the ISO day it was done, dropped:
    #: the same), the dropped ones too
    milestones: tuple[tuple[str, str | None, bool | str, bool | str], ...] = ()
    checkins: tuple[tuple[str, str, str], ...] = ()  # (day, value text, note: CheckIn.text)
    #: The other properties (not :data:`OWN_EVENTS`) in file order: (key, value as JSON).
    props: tuple[tuple[str, str], ...] = ()
    #: The properties of :data:`OWN_EVENTS` in file order: (key, value as JSON data).
    own: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "current": self.current,
            "target": self.target,
            "baseline": self.baseline,
            "start": self.start,
            "due": self.due,
            "unit": self.unit,
            "milestones": [list(m) for m in self.milestones],
            "checkins": [list(c) for c in self.checkins],
            "props": [list(p) for p in self.props],
            "own": [list(p) for p in self.own],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoalState:
        return cls(
            **{
                **data,
                "milestones": tuple((str(t), u, d, x) for t, u, d, x in data["milestones"]),
                "checkins": tuple((str(a), str(b), str(c)) for a, b, c in data["checkins"]),
                "props": tuple((str(k), str(v)) for k, v in data["props"]),
                "own": tuple((str(k), v) for k, v in data["own"]),
            }
        )


def state_of(note: Note) -> GoalState | None:
    """The history-relevant state of a goal note; None for other or unreadable notes."""
    if note.kind != "goal" or not note.readable:
        return None
    goal, _problems = goal_from_note(note)
    props, own = [], []
    for key, value in note.props.items():
        if key in OWN_EVENTS:
            own.append((key, plain(value)))
        else:
            written = typed_text(note.sources, key)
            shown = plain(value) if written is None else written
            props.append((key, json.dumps(shown, ensure_ascii=False)))
    return GoalState(
        id=goal.id,
        title=goal.title,
        status=goal.status,
        current=None if goal.metric_source == "meetings" else goal.current,  # not read
        target=goal.target,
        baseline=goal.baseline,
        start=goal.start.isoformat() if goal.start else None,
        due=goal.due.isoformat() if goal.due else None,
        unit=goal.unit,
        milestones=tuple(
            (m["title"], m["due"], m["done"], m["dropped"])
            for m in (one.to_dict() for one in goal.every_milestone)
        ),
        checkins=tuple((c.day.isoformat(), c.value_text, c.text) for c in goal.checkins),
        props=tuple(props),
        own=tuple(own),
    )


@record(frozen=True, slots=True)
class LongerVersion(Record):
    """A version of a readable goal file that history read, from which it reads an
    older version holding less of its log (:meth:`cut`): its :class:`GoalState`, its body
    as read, whether its unit is ``%`` (:func:`percent_unit`), where the Log items that
    end its body start (:func:`log_tail`), and the body lines (0-based) of its
    check-ins."""

    state: GoalState
    body: str
    percent: bool
    tail: int | None
    lines: tuple[int, ...]

    @classmethod
    def read(cls, note: Note, state: GoalState, body: str, items: Sequence[int]) -> LongerVersion:
        """What :func:`~journal.core.notes.parse_with_log` read of a goal (``note`` and
        its ``state``, ``body`` and ``items``)."""
        lines = tuple(checkin.line - note.body_line for checkin in note.checkins)
        percent = percent_unit(note.props.get("unit"))
        return cls(state, body, percent, log_tail(body, items), lines)

    def cut(self, path: str, raw: bytes) -> LongerVersion | None:
        """The goal file at ``path`` whose bytes are ``raw`` read from this version of it,
        when its body is this one's without the Log items that end it (:func:`log_cut`)
        and its unit reads them as this one's: its front matter read, its check-ins this
        version's before the cut.  None when it must be read whole, most often told by
        its text before its front matter is decoded.  (History reads the newest version
        first: a log kept daily has thousands of versions, each a line shorter than the
        last, and parsing each whole takes the square of their number, as it still does
        when the log does not end the body, is kept newest first, or has lines under its
        items.)"""
        if self.tail is None:
            return None
        text, head = raw.decode("utf-8", "replace"), self.body[: self.tail]
        if head:  # where its body starts if it is this one's cut short: from the last place
            # its text is found, back (a body's `---` is the front matter's first line too)
            at = text.rfind(head)
            while at >= 0 and not self.body.startswith(text[at:]):
                at = text.rfind(head, 0, at)
            if at < 0:
                return None
        found = goal_front_matter(path, raw)
        if found is None:
            return None
        note, body = found
        percent = percent_unit(note.props.get("unit"))
        cut = log_cut(self.body, self.tail, body) if percent == self.percent else None
        state = state_of(note) if cut is not None else None
        if cut is None or state is None:
            return None
        kept = bisect.bisect_left(self.lines, cut)
        checkins = self.state.checkins[:kept]
        return LongerVersion(
            replace(state, checkins=checkins), body, percent, self.tail, self.lines[:kept]
        )


def with_either_side(state: GoalState, sides: Iterable[GoalState | None]) -> GoalState:
    """``state`` of a goal file with merge conflicts git left in its log, with the
    check-ins of either side (``sides``: the file as each has it), which count nothing
    in the file: the commit that resolves the conflict adds none a branch told."""
    known = Counter(state.checkins)
    for side in sides:
        if side is not None:
            known |= Counter(side.checkins)
    extra = known - Counter(state.checkins)
    return replace(state, checkins=(*state.checkins, *extra.elements()))


# --- events -------------------------------------------------------------------------------

#: Event kinds, in the order a change lists them.
KINDS = (
    "created",
    "first-seen",
    "deleted",
    "kept",  # a goal a merge kept over another branch's deletion
    "unreadable",
    "readable",
    "moved",
    "title",
    "completed",
    "dropped",
    "status",
    "target",
    "current",
    "baseline",
    "start",
    "due",
    "milestone",
    "property",
    "edited",
    "checkin",
    "checkins",  # several counted as one (:func:`summed`)
)


@record(frozen=True, slots=True)
class Event(Record):
    """One change in meaning: ``kind`` (see :data:`KINDS`), old and new value, a sentence."""

    kind: str
    old: Any
    new: Any
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "old": self.old, "new": self.new, "text": self.text}

    @property
    def made_a_note(self) -> bool:
        """A deletion that kept the file, made a note that is no goal (``no longer a goal``)."""
        return self.kind == "deleted" and self.new is not None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(data["kind"], data["old"], data["new"], data["text"])


def show(value: Any) -> str:
    """A value as the user would write it: ``3``, ``2.5``, ``2026-12-31``, ``(none)``."""
    if value is None:
        return "(none)"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def diff_states(
    old: GoalState | None,
    new: GoalState | None,
    *,
    old_path: str | None = None,
    new_path: str | None = None,
    boundary: bool = False,
    broken: bool = False,
    last: GoalState | None = None,
) -> list[Event]:
    """What changed from ``old`` to ``new`` (None: the goal did not exist there).

    ``boundary`` marks the oldest commit of a shallow clone, where a goal that
    appears was not created but is only first seen.  A missing state with a path
    is a file that is there but not a readable goal: with ``broken``, a goal file
    whose front matter can't be read (``no longer a readable goal``, ``a readable
    goal again``, then what changed since ``last``, the goal as it was last readable,
    when known), else a note that is not a goal (no ``type: goal``), which the goal
    was made from (``created``: ``became a goal``) or was made into (``deleted``: ``no
    longer a goal``).
    """
    if new is None:
        if old is None:
            return []
        if new_path is not None and broken:
            return [Event("unreadable", old_path, new_path, "no longer a readable goal")]
        if new_path is not None:  # the file is still there, as another note
            return [Event("deleted", old_path, new_path, "no longer a goal")]
        return [Event("deleted", old_path, None, "deleted")]
    summary = _summary(new)
    if old is None and old_path is not None and broken:
        again = Event("readable", old_path, new_path, f"a readable goal again ({summary})")
        return [again, *(diff_states(last, new) if last is not None else [])]
    if old is None and old_path is not None:  # the file was there, as another note
        return [Event("created", old_path, new_path, f"became a goal ({summary})")]
    if old is None:
        if boundary:
            return [Event("first-seen", None, new_path, f"first seen ({summary})")]
        return [Event("created", None, new_path, f"created ({summary})")]
    events: list[Event] = []
    if old_path and new_path and old_path != new_path:
        events.append(Event("moved", old_path, new_path, _moved(old_path, new_path)))
    if old.title != new.title:
        events.append(Event("title", old.title, new.title, f"title '{old.title}' -> '{new.title}'"))
    if old.status != new.status:
        kind = {"done": "completed", "dropped": "dropped"}.get(new.status, "status")
        events.append(Event(kind, old.status, new.status, f"status {old.status} -> {new.status}"))
    for key in VALUES:
        before, after = getattr(old, key), getattr(new, key)
        if before != after:
            events.append(_value_event(key, before, after))
    events.extend(_milestones(old, new))
    events.extend(_properties(old, new))
    events.extend(_edited(old, new))
    events.extend(_checkins(old, new))
    return events


def _moved(old: str, new: str) -> str:
    """A move's text; one that only wrote the accents another way (a Mac-to-Linux sync:
    ``e`` and an accent, NFD, made ``é``, NFC) says so, as both names look the same."""
    if unicodedata.normalize("NFC", old) != unicodedata.normalize("NFC", new):
        return f"moved {old} -> {new}"
    forms = [
        next((f for f in ("NFC", "NFD") if unicodedata.is_normalized(f, p)), "mixed")
        for p in (old, new)
    ]
    return f"renamed {new}: the same name, its accents re-encoded (Unicode {' -> '.join(forms)})"


#: The goal's values whose changes are events of their own kind.
VALUES = ("target", "current", "baseline", "start", "due")


def _value_event(key: str, before: Any, after: Any, source: str = "") -> Event:
    said = ["the goalposts moved"] if key == "target" and before is not None else []
    if source:
        said.append(source)
    text = f"{key} {show(before)} -> {show(after)}"
    if said:
        text += f" ({'; '.join(said)})"
    return Event(key, before, after, text)


#: A merge commit's message naming the branch merged: ``Merge branch 'conflict-br'``.
_MERGED_BRANCH = lazy(r"Merge (?:remote-tracking )?branch '([^']+)'")


def _merged_branch(summary: str) -> str:
    """The branch a merge commit merged, by its message (``conflict-br``); "" if unnamed."""
    found = _MERGED_BRANCH.match(summary)
    return found.group(1) if found else ""


def merged_event(event: Event, summary: str) -> Event:
    """``event`` as a merge (its message ``summary``) took it from another branch:
    ``target 9 -> 12 (the goalposts moved; from the merged branch conflict-br)``
    (``merged`` when the message names no branch)."""
    branch = _merged_branch(summary)
    source = f"from the merged branch {branch}" if branch else "merged"
    if event.kind in VALUES:
        return _value_event(event.kind, event.old, event.new, source)
    return Event(event.kind, event.old, event.new, f"{event.text} ({source})")


def kept_over(
    ours: GoalState,
    merged: GoalState,
    theirs: Sequence[GoalState | None],
    base: GoalState,
    summary: str,
) -> list[Event]:
    """The values a merge (``merged``, its message ``summary``) kept as its first parent
    had them (``ours``) over another parent's (``theirs``) that had changed them since
    the branches parted (``base``), told against that parent's value, the one its
    branch's commits told: ``target 12 -> 9 (kept over the merged branch conflict-br)``;
    a goal another parent deleted since they parted (None), kept: ``kept (deleted on
    the merged branch del)``."""
    branch = _merged_branch(summary)
    over = f"kept over the merged branch {branch}".rstrip()
    events = []
    if any(other is None for other in theirs):
        text = f"kept (deleted on the merged branch {branch})".replace(" )", ")")
        events.append(Event("kept", None, None, text))
    for key in VALUES:
        value, before = getattr(merged, key), getattr(base, key)
        if value != getattr(ours, key):
            continue
        for other in theirs:
            was = getattr(other, key) if other is not None else value
            if was not in (value, before):
                text = f"{key} {show(was)} -> {show(value)} ({over})"
                events.append(Event(key, was, value, text))
                break
    return events


def summed(events: Sequence[Event]) -> list[Event]:
    """``events`` of several commits (oldest first) as one change: each value changed
    once from its first to its last (``current 62 -> 67``, not each step; where it
    ended as it began, every step: ``current 3 -> 5 -> 3``), the check-ins as the log
    ends (:func:`_checkins_summed`) where the first came, and ``property changed: KEY``
    said once."""
    out: list[Event] = []
    steps: dict[str, list[Event]] = {}
    for event in events:
        if event.kind in VALUES:
            if event.kind not in steps:
                out.append(event)
            steps.setdefault(event.kind, []).append(event)
        elif event.kind == "edited" and any(e.text == event.text for e in out):
            continue
        elif event.kind != "checkin":
            out.append(event)
        elif not any(e.kind == "checkin" for e in out):
            out.append(event)  # where the check-ins go
    for i, event in enumerate(out):
        mine = steps.get(event.kind, [])
        if len(mine) > 1 and mine[0].old != mine[-1].new:
            out[i] = _value_event(event.kind, mine[0].old, mine[-1].new)
        elif len(mine) > 1:
            chain = " -> ".join(show(v) for v in [mine[0].old, *(e.new for e in mine)])
            out[i] = Event(event.kind, mine[0].old, mine[-1].new, f"{event.kind} {chain}")
    at = next((i for i, e in enumerate(out) if e.kind == "checkin"), len(out))
    return out[:at] + _checkins_summed([e for e in events if e.kind == "checkin"]) + out[at + 1 :]


def _checkins_summed(events: Sequence[Event]) -> list[Event]:
    """Check-in events (oldest first) as one change from the log before the first to the
    log after the last: a line added, then changed or removed, is the line it ended as
    or nothing; several of a kind are counted (``3 check-ins``, ``2 check-ins changed``,
    ``2 check-ins removed``)."""
    lines: list[list[Event]] = []  # each line's events, in order
    for event in events:
        was = event.old
        mine = next((line for line in lines if was is not None and line[-1].new == was), None)
        if mine is None:
            lines.append([event])
        else:
            mine.append(event)
    kinds: dict[str, list[Event]] = {"added": [], "changed": [], "removed": []}
    for line in lines:
        first, last = line[0].old, line[-1].new
        if first == last:  # added and taken out again, or changed back
            continue
        kind = "added" if first is None else "removed" if last is None else "changed"
        kinds[kind].append(line[0] if len(line) == 1 else checkin_event(first, last))
    nouns = {"added": "check-ins", "changed": "check-ins changed", "removed": "check-ins removed"}
    return [
        told[0]
        if len(told) == 1
        else Event("checkins", None, len(told), f"{len(told)} {nouns[kind]}")
        for kind, told in kinds.items()
        if told
    ]


def _summary(state: GoalState) -> str:
    parts = [f"status {state.status}"]
    if state.current is not None:  # none: a goal that counts its meetings has no `current`
        parts.append(f"current {show(state.current)}")
    if state.target is not None:
        parts.append(f"target {amount(show(state.target), state.unit)}")
    if state.due:
        parts.append(f"due {state.due}")
    return ", ".join(parts)


def _milestones(old: GoalState, new: GoalState) -> list[Event]:
    """The milestones added, renamed, moved, reached, dropped or reopened, in the new
    list's order, then those removed.  A milestone is the one of the same title (the first
    not matched yet); one whose title changed at the same place in the list with the
    same due day is renamed."""
    if old.milestones == new.milestones:  # most commits
        return []
    left = dict(enumerate(old.milestones))  # the old ones not matched yet, by place
    matched = []
    for title, *_rest in new.milestones:
        at = next((i for i, m in left.items() if m[0] == title), None)
        matched.append(left.pop(at) if at is not None else None)
    events = []
    for place, ((title, due, done, dropped), was) in enumerate(
        zip(new.milestones, matched, strict=True)
    ):
        if was is None and place in left and left[place][1] == due:
            was = left.pop(place)
            events.append(_milestone("renamed", was[0], title, f"{was[0]} -> {title}"))
        if was is None:
            events.append(_milestone("added", None, title))
            continue
        if was[1] != due:
            events.append(_milestone_moved("due", title, was[1], due))
        if done and not was[2]:
            events.append(_milestone("reached", title, "reached"))
        elif dropped and not was[3]:
            events.append(_milestone("dropped", title, "dropped"))
        elif (was[2] and not done) or (was[3] and not dropped):
            events.append(_milestone("reopened", title, "reopened"))
        elif was[2] != done:  # done either way: on another day, or a day given or taken away
            events.append(_milestone_moved("done", title, was[2], done))
    for title, *_rest in left.values():
        events.append(_milestone("removed", title, None))
    return events


def _milestone(action: str, old: Any, new: Any, detail: str | None = None) -> Event:
    """A milestone event: ``milestone reached: Draft`` (``detail``: by default the title,
    ``old`` or ``new``), its action read back by :func:`_milestone_action`."""
    if detail is None:
        detail = old if old is not None else new
    return Event("milestone", old, new, f"milestone {action}: {detail}")


def _milestone_action(event: Event) -> str:
    """What a milestone event (:func:`_milestone`, :func:`_milestone_moved`) did:
    ``added``, ``renamed``, ``reached``, ``due moved``, ``done date moved``..."""
    return event.text.removeprefix("milestone ").split(":", 1)[0]


def tick_day(changes: Iterable[tuple[date, GoalChange]], title: str) -> date | None:
    """The day of the change that ticked the milestone ``title`` done (``milestone
    reached``), of a goal's ``changes`` (newest first, each with the day it counts on),
    following its renames back; None when a later one reopened it, or it was added
    done, or its done date was changed, or no change tells (written done)."""
    for day, change in changes:
        renamed = None
        for event in change.events:
            if event.kind != "milestone":
                continue
            what = _milestone_action(event)
            if what == "renamed" and event.new == title:
                renamed = event.old
            elif what in ("reached", "reopened") and event.old == title:
                return day if what == "reached" else None
            elif (what == "added" and event.new == title) or (
                what == "done date moved" and event.new["title"] == title
            ):
                return None
        title = renamed or title
    return None


def _milestone_moved(key: str, title: str, was: Any, now: Any) -> Event:
    """``milestone due moved: Draft 2026-12-20 -> 2026-12-27`` (``done``: ``done date
    moved``, ``(none)`` for ``true``); ``old`` and ``new`` are ``{"title": ..., key:
    value}``."""
    days = " -> ".join(show(v if isinstance(v, str) else None) for v in (was, now))
    action = f"{'done date' if key == 'done' else key} moved"
    return _milestone(
        action, {"title": title, key: was}, {"title": title, key: now}, f"{title} {days}"
    )


def _properties(old: GoalState, new: GoalState) -> list[Event]:
    """The other properties that changed, in file order (removed ones last): ``area: hr
    -> people`` for short values, ``outcome changed`` (``added``, ``removed``) for long
    text, lists and mappings.  An empty value (``area:``, ``""``, ``[]``) is as good as
    none: a key left empty and then deleted changed nothing.  An event's ``old``/``new``
    is ``{key: value}``, or None where the property is absent."""
    before, after = dict(old.props), dict(new.props)
    keys = [k for k, _ in new.props] + [k for k, _ in old.props if k not in after]
    events = []
    for key in keys:
        was, now = before.get(key), after.get(key)
        if was == now:  # most: parsed only when they differ
            continue
        old_value = {key: json.loads(was)} if was is not None else None
        new_value = {key: json.loads(now)} if now is not None else None
        old_filled, new_filled = _filled(old_value, key), _filled(new_value, key)
        if old_filled is None and new_filled is None:
            continue
        old_text = "(none)" if old_filled is None else _short(old_filled)
        new_text = "(none)" if new_filled is None else _short(new_filled)
        if old_text is not None and new_text is not None:
            text = f"{key}: {old_text} -> {new_text}"
        else:
            how = "added" if old_filled is None else "removed" if new_filled is None else "changed"
            text = f"{key} {how}"
        events.append(Event("property", old_value, new_value, text))
    return events


def _edited(old: GoalState, new: GoalState) -> list[Event]:
    """The properties of :data:`OWN_EVENTS` whose value changed while what the goal reads
    of it did not (a due day that is none, a milestone's other keys), in file order
    (removed ones last): ``property changed: due``; ``old``/``new`` as a ``property``
    event's.  An empty value is none; a value that means the same (3 is 3.0) no change."""
    if old.own == new.own:
        return []
    before, after = dict(old.own), dict(new.own)
    events = []
    for key in [*after, *(k for k in before if k not in after)]:
        was, now = before.get(key), after.get(key)
        if (
            was is now  # a NaN is one object, unequal to itself
            or was == now
            or (is_empty(was) and is_empty(now))
            or getattr(old, key) != getattr(new, key)  # told by its own event
        ):
            continue
        old_value = {key: was} if key in before else None
        new_value = {key: now} if key in after else None
        events.append(Event("edited", old_value, new_value, f"property changed: {key}"))
    return events


#: A check-in of a goal's log as :attr:`GoalState.checkins` holds it: (day, change, note).
_Line = tuple[str, str, str]


def _checkins(old: GoalState, new: GoalState) -> list[Event]:
    """The check-ins added, changed and removed, in the new log's order, those removed
    last.  A line taken out of the log and one put in are one line changed when they are
    of the same day (paired in log order), else when they differ only by their day (a
    date corrected): ``check-in changed: 2026-12-01 +2 two chats -> +1 one chat``."""
    if old.checkins == new.checkins:  # most commits
        return []
    taken = _unmatched(old.checkins, new.checkins)
    put = _unmatched(new.checkins, old.checkins)
    was: dict[int, _Line] = {}  # by place in `put`: the line it replaced
    for same in (slice(0, 1), slice(1, 3)):  # the day, else the change and the note
        for at, line in enumerate(put):
            match = None if at in was else next((c for c in taken if c[same] == line[same]), None)
            if match is not None:
                was[at] = match
                taken.remove(match)
    pairs: list[tuple[_Line | None, _Line | None]]
    pairs = [(was.get(at), line) for at, line in enumerate(put)] + [(c, None) for c in taken]
    return [checkin_event(_as_dict(before), _as_dict(after)) for before, after in pairs]


def _unmatched(lines: tuple[_Line, ...], others: tuple[_Line, ...]) -> list[_Line]:
    """The ``lines`` that ``others`` lack (as many times as they lack them), in order.
    Most commits add a line to a log: then, unless one of the lines added was in it
    already, they are the answer, found without counting a long log's lines twice (nor
    looking for each line added in it: an import adds thousands at once)."""
    if lines[: len(others)] == others:
        added = lines[len(others) :]
        if set(added).isdisjoint(others):
            return list(added)
    elif others[: len(lines)] == lines:  # a log cut short: it lacks none of its lines
        return []
    extra = Counter(lines) - Counter(others)
    out = []
    for line in lines:
        if extra[line] > 0:
            extra[line] -= 1
            out.append(line)
    return out


def _as_dict(line: _Line | None) -> dict[str, str] | None:
    return None if line is None else dict(zip(("date", "change", "note"), line, strict=True))


def checkin_event(old: dict[str, str] | None, new: dict[str, str] | None) -> Event:
    """The event of a check-in (``{"date", "change", "note"}``) added (``old`` None),
    changed, or removed (``new`` None)."""
    if new is None:
        assert old is not None  # an event has a side
        return Event("checkin", old, new, f"check-in removed: {_line(old)}")
    if old is None:
        return Event("checkin", old, new, f"check-in {_line(new)}")
    after = _line(new, day=new["date"] != old["date"])
    return Event("checkin", old, new, f"check-in changed: {_line(old)} -> {after}")


def _line(checkin: dict[str, str], day: bool = True) -> str:
    """``2026-12-01 +2 two chats``: a check-in as its log line says it."""
    parts = (checkin["date"] if day else "", checkin["change"], checkin["note"])
    return " ".join(part for part in parts if part)


def _filled(value: dict[str, Any] | None, key: str) -> Any:
    """The property's value, or None when it is absent or empty."""
    return None if value is None or is_empty(value[key]) else value[key]


def _short(value: Any) -> str | None:
    """A property value as the user wrote it, when it is a short one-line scalar."""
    if isinstance(value, (dict, list)):
        return None
    text = ("true" if value else "false") if isinstance(value, bool) else show(value)
    return text if len(text) <= SHORT and "\n" not in text else None


# --- changes of one commit ----------------------------------------------------------------


@record(frozen=True, slots=True)
class Version(Record):
    """A goal file on one side of a commit: its path, state and text."""

    path: str
    state: GoalState
    text: str = ""


def similarity(a: str, b: str) -> float:
    """How much of two texts is equal, 0.0-1.0."""
    import difflib  # only a commit that renames a goal asks

    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0  # (upper bounds of the ratio, found in linear time)
    return matcher.ratio()


def pair_renames(
    removed: Sequence[Version],
    added: Sequence[Version],
    check: Callable[[], None] = lambda: None,
) -> list[tuple[Version | None, Version | None]]:
    """Match the goals a commit removed with those it added: one goal moved, maybe edited.

    Pairs by equal ``id`` first, then by content similarity (at least
    :data:`SIMILAR`, best first) among goals without a matching id; the rest stay
    removals ``(old, None)`` or additions ``(None, new)``.  ``check`` is called before
    two goals are compared (milliseconds each: a caller may give up between two).
    """
    pairs: list[tuple[Version | None, Version | None]] = []
    left = list(removed)
    right = list(added)
    for old in list(left):
        match = next((new for new in right if old.state.id and new.state.id == old.state.id), None)
        if match is not None:
            pairs.append((old, match))
            left.remove(old)
            right.remove(match)

    def allowed(i: int, j: int) -> bool:  # two ids: two goals
        check()
        return not (left[i].state.id and right[j].state.id)

    matched = similar_pairs([old.text for old in left], [new.text for new in right], allowed)
    pairs.extend((left[i], right[j]) for i, j in matched)
    used_left = {i for i, _j in matched}
    used_right = {j for _i, j in matched}
    pairs.extend((old, None) for i, old in enumerate(left) if i not in used_left)
    pairs.extend((None, new) for j, new in enumerate(right) if j not in used_right)
    return sorted(pairs, key=_pair_path)


def similar_pairs(
    left: Sequence[str],
    right: Sequence[str],
    allowed: Callable[[int, int], bool] = lambda i, j: True,
) -> list[tuple[int, int]]:
    """The texts of ``left`` and ``right`` (by index) that are one file moved: equal
    texts first, then those at least :data:`SIMILAR` alike, the most alike first, each
    paired once (as git's rename detection); ``allowed``: which pairs may be.  As git's
    rename limit, texts are compared only while at most :data:`RENAME_LIMIT` pairs are
    left (a merge that reorganised a folder: equal texts alone pair then)."""
    pairs: list[tuple[int, int]] = []
    same: dict[str, list[int]] = {}
    for j, text in enumerate(right):
        same.setdefault(text, []).append(j)
    for i, text in enumerate(left):
        found = next((j for j in same.get(text, ()) if allowed(i, j)), None)
        if found is not None:
            same[text].remove(found)
            pairs.append((i, found))
    used_left, used_right = {i for i, _j in pairs}, {j for _i, j in pairs}
    rest_left = [i for i in range(len(left)) if i not in used_left]
    rest_right = [j for j in range(len(right)) if j not in used_right]
    if len(rest_left) * len(rest_right) > RENAME_LIMIT:
        return pairs
    scored = sorted(
        (-similarity(left[i], right[j]), i, j)
        for i in rest_left
        for j in rest_right
        if allowed(i, j)
    )
    for score, i, j in scored:
        if -score >= SIMILAR and i not in used_left and j not in used_right:
            pairs.append((i, j))
            used_left.add(i)
            used_right.add(j)
    return pairs


def _pair_path(pair: tuple[Version | None, Version | None]) -> str:
    version = pair[1] or pair[0]
    return version.path if version else ""


@record(frozen=True, slots=True)
class GoalChange(Record):
    """One goal changed by one commit (paths relative to the vault)."""

    old_path: str | None
    new_path: str | None
    old_id: str | None
    new_id: str | None
    title: str
    current: float | None  # the value after the commit; None when deleted or not set
    events: tuple[Event, ...] = field(default_factory=tuple)
    #: When no event tells it: what the commit changed of a text the same but for its
    #: line endings or byte-order mark (:func:`layout_change`), else "".
    layout: str = ""

    @property
    def path(self) -> str:
        return self.new_path or self.old_path or ""

    @property
    def id(self) -> str | None:
        return self.new_id or self.old_id

    def to_dict(self) -> dict[str, Any]:
        return {
            "old_path": self.old_path,
            "new_path": self.new_path,
            "old_id": self.old_id,
            "new_id": self.new_id,
            "title": self.title,
            "current": self.current,
            "events": [e.to_dict() for e in self.events],
            "layout": self.layout,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoalChange:
        return cls(**{**data, "events": tuple(Event.from_dict(e) for e in data["events"])})


def goal_change(
    old: Version | None,
    new: Version | None,
    *,
    boundary: bool,
    path: str | None = None,
    broken: bool = False,
    last: Version | None = None,
) -> GoalChange:
    """The change from ``old`` to ``new`` (one of them may be missing) as events.

    ``path`` names a file that exists on both sides of the commit when one side
    is not a readable goal; ``broken``: that side is a goal file that can't be read,
    and ``last`` the goal as it was last readable before (:func:`diff_states`).
    """
    old_state = old.state if old else None
    new_state = new.state if new else None
    shown = new_state or old_state
    old_path = old.path if old else path
    new_path = new.path if new else path
    events = diff_states(
        old_state,
        new_state,
        old_path=old_path,
        new_path=new_path,
        boundary=boundary,
        broken=broken,
        last=last.state if last else None,
    )
    return GoalChange(
        old_path=old_path,
        new_path=new_path,
        old_id=old_state.id if old_state else None,
        new_id=new_state.id if new_state else None,
        title=shown.title if shown else "",
        current=new_state.current if new_state else None,
        events=tuple(events),
        layout=layout_change(old.text, new.text) if old and new and not events else "",
    )


_BOM = "\ufeff"


def layout_change(old: str, new: str) -> str:
    """What changed from the text ``old`` to ``new`` when only their line endings or
    byte-order mark did (an editor's or git's ``core.autocrlf``, no word of the user's):
    ``line endings changed (CRLF to LF)``, ``byte-order mark removed``, or both; "" when
    the text changed."""
    old_text, new_text = old.removeprefix(_BOM), new.removeprefix(_BOM)
    told = []
    if old_text != new_text:
        if old_text.replace("\r\n", "\n") != new_text.replace("\r\n", "\n"):
            return ""
        was, now = _line_endings(old_text), _line_endings(new_text)
        told.append("line endings changed" + (f" ({was} to {now})" if was and now else ""))
    had, has = old.startswith(_BOM), new.startswith(_BOM)
    if had != has:
        told.append(f"byte-order mark {'added' if has else 'removed'}")
    return "; ".join(told)


def _line_endings(text: str) -> str | None:
    """``LF`` or ``CRLF`` when every line of ``text`` ends so; None when they are mixed."""
    crlf = text.count("\r\n")
    return "LF" if not crlf else "CRLF" if crlf == text.count("\n") else None


# --- one goal through the whole history ---------------------------------------------------

History = Sequence[tuple[Revision, Sequence[GoalChange]]]


class _Trail:
    """One goal followed back through a history (newest first): by its ``id``, and by
    path for a change without one (or a goal without one); a move makes older commits
    followed at the old path, a change of ``id`` by the old id, and an addition that is
    no move ends following by path (an older goal at that path is another goal)."""

    def __init__(self, goal_id: str | None, path: str | None) -> None:
        self.goal_id = goal_id
        self.tracked = path

    def owns(self, change: GoalChange) -> bool:
        ids = {i for i in (change.old_id, change.new_id) if i}
        if self.goal_id and ids:
            return self.goal_id in ids
        return self.tracked is not None and self.tracked == change.path

    def take(self, change: GoalChange) -> None:
        """Follow the goal on past ``change``, one of its own."""
        self.tracked = change.old_path
        if change.old_id and change.new_id == self.goal_id:
            self.goal_id = change.old_id  # its id changed here: older commits have that


def follow(history: History, goal_id: str | None, path: str) -> list[tuple[Revision, GoalChange]]:
    """The changes of one goal (its ``id``, at ``path`` now), newest first, given the
    whole history newest first, across renames and changes of id (:class:`_Trail`)."""
    found = []
    trail = _Trail(goal_id, path)
    for revision, changes in history:
        for change in changes:
            if trail.owns(change):
                found.append((revision, change))
                trail.take(change)
    return found


class Followed:
    """:func:`follow` for many goals over one ``history``, each walk jumping from one
    change of its goal to the next by id and path instead of reading every change (a
    vault of goals without ``id``: 150 goals and 1,500 commits cost a review 0.6 s of
    full walks)."""

    def __init__(self, history: History) -> None:
        self._flat = [(r, c) for r, changes in history for c in changes]
        self._by_id: dict[str, list[int]] = {}
        self._by_path: dict[str, list[int]] = {}
        for at, (_revision, change) in enumerate(self._flat):
            for key in {i for i in (change.old_id, change.new_id) if i}:
                self._by_id.setdefault(key, []).append(at)
            self._by_path.setdefault(change.path, []).append(at)

    def __call__(self, goal_id: str | None, path: str) -> list[tuple[Revision, GoalChange]]:
        """What ``follow(history, goal_id, path)`` gives: a change the trail owns is
        one of its id's or at its path, so the next it takes is the first it owns after
        the last taken, in those two lists (its trail changes only when it takes one)."""
        trail = _Trail(goal_id, path)
        found: list[tuple[Revision, GoalChange]] = []
        last = -1
        while True:
            taken = None
            for stream in (
                self._by_path.get(trail.tracked or "", ()),
                self._by_id.get(trail.goal_id or "", ()),
            ):
                at = bisect.bisect_right(stream, last)
                while at < len(stream) and not trail.owns(self._flat[stream[at]][1]):
                    at += 1
                if at < len(stream) and (taken is None or stream[at] < taken):
                    taken = stream[at]
            if taken is None:
                return found
            revision, change = self._flat[taken]
            found.append((revision, change))
            trail.take(change)
            last = taken


def goals_of(history: History) -> list[list[tuple[Revision, GoalChange]]]:
    """The changes of ``history`` (newest first) by goal, each goal's newest first, in
    the order their newest changes come: one goal across its paths and ids, as
    :func:`follow` finds it from its newest change.  One pass (a commit that adds
    thousands of goals is not a walk each)."""
    goals: list[tuple[_Trail, list[tuple[Revision, GoalChange]]]] = []
    by_id: dict[str, set[int]] = {}  # the trails that may own a change, by id and path
    by_path: dict[str, set[int]] = {}
    for revision, changes in history:
        for change in changes:
            ids = [i for i in (change.old_id, change.new_id) if i]
            maybe = [*by_path.get(change.path, ()), *(n for i in ids for n in by_id.get(i, ()))]
            at = min((n for n in maybe if goals[n][0].owns(change)), default=len(goals))
            if at == len(goals):
                goals.append((_Trail(change.id, change.path), []))
            trail, mine = goals[at]
            mine.append((revision, change))
            trail.take(change)
            if trail.goal_id:
                by_id.setdefault(trail.goal_id, set()).add(at)
            if trail.tracked:
                by_path.setdefault(trail.tracked, set()).add(at)
    return [mine for _trail, mine in goals]


def arrival_days(history: History, today: date, now: datetime) -> dict[str, date]:
    """The day each commit's change reached HEAD's first-parent line (``history`` newest
    first, HEAD first): a commit of that line the day it counts on (:func:`commit_day`:
    its own, or today for one made by ``now`` on a day after ``today`` in its author's
    time zone), no earlier than the line's commits before it (a rebase, a wrong clock);
    a commit of a merged branch the day of the merge that brought it in, when its value
    took effect for the branch checked out."""
    revisions = {revision.id: revision for revision, _changes in history}
    line: dict[str, None] = {}  # in order; a dict, as a list's `in` made it quadratic
    at = history[0][0].id if history else None
    while at is not None and at in revisions and at not in line:
        line[at] = None
        parents = revisions[at].parents
        at = parents[0] if parents else None
    arrival: dict[str, date] = {}
    last: date | None = None
    for commit in reversed(line):  # oldest first: each brings what no earlier one did
        day = commit_day(revisions[commit].time, today, now)
        last = day if last is None else max(day, last)
        stack = [commit]
        while stack:
            found = stack.pop()
            if found in revisions and found not in arrival:
                arrival[found] = last
                stack.extend(revisions[found].parents)
    return arrival


#: The events of a goal's first commit as a goal: the value it holds is where it stood.
OPENINGS = ("created", "first-seen", "readable")


def recorded_values(
    changes: Iterable[tuple[Revision, GoalChange]],
    until: date | None = None,
    arrival: Mapping[str, date] | None = None,
    known: Sequence[date] = (),
) -> tuple[list[tuple[date, float]], date | None]:
    """``(day, current)`` at each commit of the goal that holds a ``current``, oldest
    first (``changes`` come newest first, parents after children, as :func:`follow`
    gives them), up to the day ``until``.  A commit that left ``current`` as it was
    still says what it was that day: a log line added by hand without ``current``
    counts until then, not on and on.  So in a repository the file's committed values
    win: a check-in dated back before a commit of the goal shows from the day it was
    committed.  A commit dated before its parent (a rebase, a cherry-pick, a wrong
    clock) counts from its parent's day: its value came after that one's.  ``arrival``
    (:func:`arrival_days`): the day each commit counts from, so a branch merged later,
    whose values were apart until then, shows no drop among the other commits' days.
    The value of the goal's oldest commit, when it opens its history (the goal
    created, a note made a goal, first seen in a shallow clone), is where the goal
    stood when it was written, not progress of that day: it counts from the last of
    the days ``known`` to date the goal's value (its start, its own log's check-ins)
    up to that commit, as the file's value does without git; the day that commit
    counts from is given too when its value is the first of the list (else None): it
    is no change of the value (:func:`~journal.core.series.progress_series`)."""
    dated: list[tuple[date, int, float | None]] = []
    last: date | None = None
    opened: date | None = None
    for order, (revision, change) in enumerate(list(changes)[::-1]):
        if arrival is not None:
            day = arrival.get(revision.id, revision.day)
        else:
            day = max(revision.day, last) if last is not None else revision.day
            last = day
        if order == 0 and any(e.kind in OPENINGS for e in change.events):
            opened = day
            day = max((d for d in known if d <= day), default=day)
        dated.append((day, order, change.current))
    kept = [
        (day, order, current)
        for day, order, current in sorted(dated, key=lambda item: item[:2])
        # a commit's day is in its author's time zone: later ones may not be
        if current is not None and (until is None or day <= until)
    ]
    first = opened if kept and kept[0][1] == 0 else None
    return [(day, current) for day, _order, current in kept], first
