"""What every rule of ``journal check`` shares: findings, rules, and the vault context.

A rule is a pure function of a :class:`Context` (the catalog, the config and
today) that yields :class:`Problem` records; the runner stamps them with the
rule's id and severity.  Lookups that rules need across notes are built once
on the context, so evaluating every rule stays linear in the size of the vault.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from functools import cached_property
from typing import Any
from urllib.parse import unquote

from journal.core import formatting
from journal.core.catalog import Catalog, closest, match_key
from journal.core.checkins import CheckIn
from journal.core.errors import Severity
from journal.core.goal import Goal
from journal.core.links import (
    conflict_original,
    fold,
    names_file,
    path_finder,
)
from journal.core.names import slug
from journal.core.notes import Note, NoteLink
from journal.core.periodic import PeriodicSettings
from journal.core.progress import rhythm
from journal.core.records import Record, record
from journal.core.settings import Config
from journal.core.words import names_result


@record(frozen=True, slots=True)
class Finding(Record):
    """One problem a rule found, where it is, and how to fix it.  ``goal``: the goal it
    is about when it is reported in another note (see :class:`Problem`)."""

    rule: str
    severity: Severity
    path: str
    line: int
    message: str
    suggestion: str
    goal: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON record (documented in docs/checks.md)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@record(frozen=True, slots=True)
class Problem(Record):
    """What a rule's check yields: a finding without the rule's id and severity.
    ``goal``: the goal it is about when it is reported in another note (a ``progress::``
    line), whose ``check_ignore`` silences it."""

    path: str
    line: int
    message: str
    suggestion: str
    goal: str | None = None


Check = Callable[["Context"], Iterable[Problem]]


@record(frozen=True, slots=True)
class Rule(Record):
    """One check: a stable id (``S001``), a name, a severity and a one-line summary."""

    id: str
    name: str
    severity: Severity
    summary: str
    check: Check


#: The kinds of notes whose links must resolve: the tool's own.  Plain and daily
#: notes may link to notes not written yet, as is usual in Obsidian.
LINKED_KINDS = ("goal", "meeting", "contact")


def is_activity(goal: Goal) -> bool:
    """An explicit ``kind`` decides (:attr:`Goal.kind_given`); without one, a metric
    that counts effort (an activity phrase or a reach word and no outcome marker:
    "events attended", "LinkedIn followers"), as :func:`~journal.core.goal.goal_from_note`
    set the kind."""
    return goal.kind == "activity"


def hours_over(effort: float, hours: float) -> float:
    """How many hours a week ``effort`` (a sum of goals' ``effort``) is over ``hours``:
    0 when within, the sum's float noise rounded off (0.1 + 0.2 is 0.3).  The plan's
    Capacity section and A002 both judge by it."""
    return max(round(effort - hours, 6), 0.0)


def to_pause(goals: Iterable[Goal], excess: float, hours: float) -> list[Goal]:
    """The active goals to pause to take ``excess`` hours a week off, in this order until
    they do: a goal whose ``effort`` alone is over ``hours`` first (no pausing of others
    fits it), then activity goals (:func:`is_activity`), then the least confident, then
    the latest due.  The plan's Capacity section and A002 both name these."""
    order = sorted(
        (g for g in goals if g.effort and g.status == "active"),  # a done goal can't pause
        key=lambda g: (
            not hours_over(g.effort or 0, hours),
            not is_activity(g),
            g.confidence or 10,
            -(g.due or date.min).toordinal(),
            g.path,
        ),
    )
    chosen = []
    for goal in order:
        if excess <= 0:
            break
        chosen.append(goal)
        excess = round(excess - (goal.effort or 0), 6)  # as hours_over rounds
    return chosen


def _no_files() -> Sequence[str]:
    return ()


#: What a goal measured by its milestones takes from them when its file has none.
_MILESTONES_GIVE = frozenset({"baseline", "target", "unit"})


class Context:
    """The vault as the rules see it, with every cross-note lookup built once.

    ``files()`` gives the vault's other files (images, PDFs, ``.base``...), which
    links such as ``![[diagram.png]]`` point to; it is only called when such a link
    names no note.  ``goals_only``: the caller keeps only the findings in goal notes (the
    review), so rules skip the other notes they would look at; H010 still looks at them,
    as its findings there are check-ins lost on their way to a goal.  ``fixes``: the
    caller shows the findings' fixes (the review shows none, so the goals' names in
    the commands they give are not worked out: see :meth:`goal_word`).  ``periodic()``
    gives the vault's daily-note settings, which H010's fix names; only called for a
    field in a note with no date.
    """

    def __init__(
        self,
        catalog: Catalog,
        config: Config,
        today: date,
        files: Callable[[], Sequence[str]] = _no_files,
        *,
        goals_only: bool = False,
        fixes: bool = True,
        periodic: Callable[[], PeriodicSettings] = PeriodicSettings,
    ) -> None:
        self.catalog = catalog
        self.config = config
        self.today = today
        self._files = files
        self._periodic = periodic
        self.goals_only = goals_only
        self.fixes = fixes

    @cached_property
    def periodic(self) -> PeriodicSettings:
        return self._periodic()

    def goal_word(self, path: str) -> str:
        """The goal at ``path`` as a command to paste names it (:meth:`Catalog.goal_word`,
        which reads every note's names once); ``GOAL`` when no fix is shown."""
        return self.catalog.goal_word(path) if self.fixes else "GOAL"

    def goal_meant(self, target: str, source: str, fix: str, quote: str = '"') -> str:
        """``fix``, the fix of a link to ``target`` from the note at ``source`` that finds
        no note, or one naming the goal (not that note) it may mean: the one whose title
        is the link's text, or whose id is made of it (a goal renamed by hand keeps both),
        else up to three named most like it (:func:`closest`), asked of before ``fix``;
        each link in ``quote``; a file name written as a web address (``%20`` for a space)
        is told with the note it names.  ``fix`` alone when no fix is shown."""
        if not self.fixes:
            return fix

        def link(path: str) -> str:
            return f"{quote}{self.catalog.link_to(path, source)}{quote}"

        decoded = unquote(target).removesuffix(".md") if "%" in target else target
        found = self.catalog.resolve_path(decoded, source) if decoded != target else None
        if found is not None:  # a Notion export's `Become%20an%20HRBP%20a1b2.md`
            return (
                f"'{target}' is a file name written as a web address (%20 for a space, as an "
                f"export writes it): link {link(found)}"
            )
        goals = [h for h in self.catalog.heads_of("goal") if h.path != source]
        text, made = fold(target), slug(target)

        for named, by in (
            ((h for h in goals if fold(h.title) == text), "titled so"),
            ((h for h in goals if h.id == made), "whose id is its name's"),
        ):
            head = next(named, None)
            if head is not None:
                return f"the goal {by} is {head.path} (renamed since?): link {link(head.path)}"
        near = [link(head.path) for head in closest(target, goals)]
        return f"did you mean {formatting.listed(near, 'or')}? Else {fix}" if near else fix

    @cached_property
    def goals(self) -> list[Goal]:
        return self.catalog.goals

    @cached_property
    def open_goals(self) -> list[Goal]:
        """Goals the SMART rules judge: active and paused ones (done and dropped are history)."""
        return [g for g in self.goals if g.is_open]

    @cached_property
    def active_goals(self) -> list[Goal]:
        return [g for g in self.goals if g.status == "active"]

    @cached_property
    def goal_by_path(self) -> dict[str, Goal]:
        return {g.path: g for g in self.goals}

    @cached_property
    def bad_keys(self) -> dict[str, tuple[str, ...]]:
        """For each goal, the keys whose value failed validation (reported by H005)."""
        return {g.path: g.unread for g in self.goals if g.unread}

    @cached_property
    def broken_links(self) -> list[tuple[str, str, NoteLink]]:
        """(path, kind, link): the links of goals, meetings and contacts that find neither
        a note nor a file (the index knows which links resolve; only these are looked at);
        with ``goals_only``, those of goals."""
        kinds = ("goal",) if self.goals_only else LINKED_KINDS
        return [
            (path, kind, link)
            for path, kind, link in self.catalog.unresolved_links(kinds)
            if link.target and not self._is_file(link.target, path)
        ]

    def copy_linked(self, target: str, source: str) -> bool:
        """Whether a link that finds no note names a sync client's conflict copy there
        is (which the catalog leaves out, H003), rather than nothing."""
        if not self.catalog.conflict_copies or names_file(target):
            return False
        return self._find_copy(target, source) is not None

    def copy_left(self, target: str, source: str) -> str | None:
        """The sync-conflict copy that is all that is left of the note a link that finds
        no note names (the original renamed or deleted since), or None."""
        if not self._copy_of or names_file(target):
            return None
        found = self._find_original(target, source)
        return self._copy_of[found] if found is not None else None

    @cached_property
    def _copy_of(self) -> dict[str, str]:
        """The first sync-conflict copy (in path order) of each note that has one, by the
        path of that note."""
        found: dict[str, str] = {}
        for path in self.catalog.conflict_copies:
            found.setdefault(conflict_original(path) or path, path)
        return found

    @cached_property
    def _find_original(self) -> Callable[[str, str | None], str | None]:
        return path_finder(self._copy_of)

    @cached_property
    def _find_copy(self) -> Callable[[str, str | None], str | None]:
        return path_finder(self.catalog.conflict_copies)

    def judges(self, goal: Goal, checkin: CheckIn) -> bool:
        """Whether a date rule (T009, T011) judges one of ``goal``'s check-ins: those of
        its own log; those of other notes, but not for a goal that counts meetings (a
        meeting's day is T010's) nor, with ``goals_only``, those in notes that are no
        goal."""
        if checkin.path == goal.path:
            return True
        return goal.metric_source != "meetings" and not (
            self.goals_only and checkin.path not in self.goal_by_path
        )

    def note(self, goal: Goal) -> Note:
        return self._goal_notes[goal.path]

    @cached_property
    def _goal_notes(self) -> dict[str, Note]:
        """The goals' notes, loaded at once when a rule first asks for one."""
        return {n.path: n for n in self.catalog.of_kind("goal")}

    @cached_property
    def outcomes_by_area(self) -> dict[str, list[Goal]]:
        """The open outcome goals with a metric and a target that say they count a result
        (a ``kind`` written, a metric naming one, or a count brought down; not a metric
        that merely counts no effort, "recruiters met"), in path order, by area
        (:func:`match_key`; ``""`` for none): the larger goals another goal of their area
        may feed or serve (O001, R001)."""
        found: dict[str, list[Goal]] = {}
        for goal in self.open_goals:
            if (
                not self.is_activity(goal)
                and goal.metric
                and goal.target is not None
                and (goal.kind_given or goal.down or names_result(goal.metric))
            ):
                found.setdefault(match_key(goal.area or ""), []).append(goal)
        return found

    @cached_property
    def supporters(self) -> dict[str, list[str]]:
        """For each goal some goal's ``supports`` links to, the paths of the goals that do,
        in path order, each once."""
        found: dict[str, list[str]] = {}
        for goal in self.goals:
            targets = {self.catalog.resolve_path(s.target, goal.path) for s in goal.supports}
            for target in sorted(t for t in targets if t in self.goal_by_path):
                found.setdefault(target, []).append(goal.path)
        return found

    @cached_property
    def served(self) -> list[Goal]:
        """The open goals other goals' ``supports`` link to, the most served first, then
        in path order (R001's larger goals: asked for every goal without a reason)."""
        return sorted(
            (g for g in self.open_goals if g.path in self.supporters),
            key=lambda g: (-len(self.supporters[g.path]), g.path),
        )

    @cached_property
    def _activity(self) -> dict[str, bool]:
        return {g.path: is_activity(g) for g in self.goals}

    def is_activity(self, goal: Goal) -> bool:
        """The goal measures effort rather than a result (see :func:`is_activity`)."""
        return self._activity[goal.path]

    def fed_outcomes(self, goal: Goal) -> list[Goal]:
        """The outcome goals, not dropped, an activity goal's ``feeds`` links resolve to:
        it is relevant through them, and its outcome is theirs (R001, S002 and O001 ask
        nothing more of it)."""
        return [g for g in self.linked_outcomes(goal) if g.status != "dropped"]

    def linked_outcomes(self, goal: Goal) -> list[Goal]:
        """The outcome goals an activity goal's ``feeds`` links resolve to, whatever their
        status, each once (resolved once a goal: R001, S002 and O001 each ask)."""
        if not self.is_activity(goal):
            return []
        linked = self._linked.get(goal.path)
        if linked is None:
            found = (self.catalog.resolve(f.target, goal.path) for f in goal.feeds if f.target)
            fed = (self.goal_by_path.get(note.path) for note in found if note is not None)
            unique = {g.path: g for g in fed if g is not None and not self._activity[g.path]}
            linked = self._linked[goal.path] = list(unique.values())
        return linked

    @cached_property
    def _linked(self) -> dict[str, list[Goal]]:
        return {}

    def _is_file(self, target: str, source: str) -> bool:
        """A link that names a file by its extension finds a file of that name (as in
        Obsidian: an exact path, then by name, the shortest path)."""
        return names_file(target) and self._find_file(target, source) is not None

    @cached_property
    def _find_file(self) -> Callable[[str, str | None], str | None]:
        return path_finder(self._files())

    def missing(self, goal: Goal, key: str) -> bool:
        """The key has no usable value and is not merely invalid (that is H005's finding);
        for ``current``, in the file (see :meth:`lacks_current`); for a goal measured by
        its milestones, ``baseline``, ``target`` and ``unit`` are its milestones' unless
        written (a unit other than ``milestones``)."""
        if key == "current":
            empty = self.lacks_current(goal)
        elif goal.metric_source == "milestones" and key in _MILESTONES_GIVE:
            empty = key != "unit" or goal.unit == "milestones"  # its milestones' values
        else:
            value = getattr(goal, key)
            empty = value is None or value == [] or (isinstance(value, str) and not value.strip())
        return empty and key not in self.bad_keys.get(goal.path, ())

    def lacks_current(self, goal: Goal) -> bool:
        """The goal file has no usable ``current`` (none, or not a number) and the goal
        does not count its meetings or milestones: the rules judge no value then, though
        its log or other notes give one (:attr:`Goal.current`)."""
        return goal.file_current is None and goal.metric_source == "manual"

    def review_every(self, goal: Goal) -> timedelta:
        """The goal's check-in rhythm, else the vault's default (:func:`rhythm`)."""
        return rhythm(goal, self.config.goals.review_every)


def line_of(goal: Goal, key: str) -> int:
    """The line of ``key`` in the goal's front matter, else of its title, else 1."""
    return goal.line_of(key) or 1


def number(value: float) -> str:
    """``3``, ``0.5``, ``1.25``: a rate or amount for a message (two decimals at most)."""
    return formatting.number(round(value, 2))
