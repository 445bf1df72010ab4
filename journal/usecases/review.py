"""``journal review``: this week's review note, generated from the vault."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from journal.adapters.gitfind import HistoryUnavailable
from journal.adapters.templates import Renderer
from journal.adapters.vault import Vault
from journal.core import codec, generated
from journal.core.catalog import COPY_RULES, Catalog
from journal.core.checkins import INLINE_KEY
from journal.core.dates import (
    DateError,
    Period,
    commit_day,
    here_too,
    imitated_after,
    now_on,
    parse_week,
    week_label,
    week_of,
    weekday_index,
    writable_day,
)
from journal.core.errors import JournalError, Stopped, UsageProblem
from journal.core.fields import GOAL_FIELDS, FieldError, coerce
from journal.core.formatting import listed, one_line_texts, terminal_data
from journal.core.goal import Goal, Milestone, goal_from_note
from journal.core.history import Event, GoalChange, Revision, summed, tick_day
from journal.core.links import composed
from journal.core.names import render_pattern
from journal.core.periodic import in_folder, weekly_note_path
from journal.core.plan_notes import covering, read_starts, read_targets, rekeyed
from journal.core.records import Record, record
from journal.core.review import REACHED, WeeklyTargets, build_review
from journal.usecases.check import check_vault, rules_on
from journal.usecases.generate import Written, refuse_unlisted, write_generated
from journal.usecases.history import (
    GoalWeek,
    LoadedHistory,
    WeekInGit,
    history_if_any,
    series_lookup,
    week_in_git,
)

TEMPLATE = "review.md.j2"
SHOWN = ("error", "warning")  # the findings the review lists: no hints but REACHED
UNCOUNTED = "H010"  # progress:: fields that count for no goal: lost check-ins
SMART_GROUPS = "SMARTO"  # the first letters of the SMART rules' ids (H: the vault's hygiene)
HYGIENE = "Hygiene"  # the label of the other findings: the files', not the goals' SMART-ness
#: The SMART rules that find a mistake in the files, not a judgement of the goal: a paused
#: goal's are still listed (a log that disagrees with `current`, a day that can't be).
FILE_MISTAKES = frozenset({"M007", "R002", "T007", "T009", "T011", "T012"})
STATUS_EVENTS = ("completed", "dropped", "status")  # history's events of a status change
PLAN_CHANGED = "T012"  # a goal changed since the plan covering this week was made
COPY_NAMED = "H019"  # a note named as a copy: Needs attention names it (attention.copies)
STALE = "T006"  # a goal quiet too long: Needs attention's stale list says it
PAST_DUE = "T002"  # an active goal past due: its past_due list says it
WEEK = timedelta(days=7)
PERIOD = "period"  # the section of the week's days and the links to the weeks around it
OPEN_OR_DONE = ("active", "done")  # the statuses the review shows a goal's values for
#: The fields a past week takes from git as they were then (:func:`goals_then`): those
#: the scoreboard, pace and chart read, except the value (from its series).
THEN_FIELDS = ("status", "target", "baseline", "start", "due", "unit", "created")


@record()
class ReviewResult(Record):
    """What `journal review` made: its week, the note written and the data shown."""

    period: Period
    written: Written
    data: dict[str, Any]
    #: The review of the week before, given (or, dry run, to be given) its next link
    #: to this one (:func:`_link_back`), else None.
    linked: str | None = None


def review_period(
    vault: Vault, today: date, *, week: str | None = None, day: date | None = None
) -> tuple[Period, date]:
    """The week to review and the day it is seen from: ``--week`` (its last day) or
    ``--date`` (that day), or today when that is earlier: a day ahead has no values yet."""
    start = vault.config.week_start
    if week is not None and day is not None:
        raise UsageProblem("give --week or --date, not both")
    if week is not None:
        try:
            period = parse_week(week, start)
        except DateError as exc:
            raise UsageProblem(f"--week: {exc.message}") from None
        seen = min(period.end, today)
    else:
        period, seen = week_of(day or today, start), min(day or today, today)
    # its days are written in the note (and its label, the year of a day between them)
    writable_day(period.start, "the review week's start")
    writable_day(period.end, "the review week's end")
    return period, seen


@record(frozen=True)
class ReviewPlace(Record):
    """Where the review of a week lives; ``adopted``: it is Obsidian's weekly note, which
    gets journal's sections but keeps its own properties."""

    path: str
    adopted: bool


def review_places(vault: Vault) -> Callable[[Period], ReviewPlace]:
    """Where the review of each week lives: Obsidian's weekly note when the vault has
    weekly notes set up (Periodic Notes or Calendar plugin) and ``[obsidian]
    weekly_notes`` is on (the note in the weekly folder named for that week, else where
    the plugins would create it), else ``[folders] review`` / ``[review] name``.  The
    settings are read and the weekly folder is listed once, for every week asked."""
    options = vault.config.obsidian
    settings = vault.periodic
    if not options.weekly_notes or settings.weekly is None:
        return lambda period: ReviewPlace(_own_path(vault, period), adopted=False)
    existing = [rel for rel, _entry in vault.iter_notes(settings.weekly.folder)]

    def place(period: Period) -> ReviewPlace:
        weekly = weekly_note_path(settings, period, existing)
        if weekly is None:  # their format writes names journal has none for
            return ReviewPlace(_own_path(vault, period), adopted=False)
        return ReviewPlace(weekly, adopted=True)

    return place


def _own_path(vault: Vault, period: Period) -> str:
    label = week_label(period.start, vault.config.week_start)
    values = {
        "week": label,
        "year": label[:4],
        "number": label[-2:],
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
    }
    name = render_pattern(vault.config.review.name, values)
    return in_folder(vault.config.folders.review, f"{name}.md")


def weekly_review(
    vault: Vault,
    catalog: Catalog,
    today: date,
    *,
    seen: tuple[Period, date] | None = None,
    write: bool = True,
    dry_run: bool = False,
    force: bool = False,
    places: Callable[[Period], ReviewPlace] | None = None,
) -> ReviewResult:
    """Build the review of one week and create or regenerate its note.

    ``seen``: the week and the day it is seen from (:func:`review_period`, which the
    command line asks before reading the notes); by default this week, from today.
    ``write=False`` (``--stdout``) and ``dry_run`` write nothing; the result's
    text is then the note as this run would leave it.  A folder that can't be listed
    refuses a run that writes, or would (:func:`refuse_unlisted`).  ``places``: the
    caller's :func:`review_places`, when it already has one (it lists the weekly folder).
    """
    period, as_of = seen or review_period(vault, today)
    place = found_places(vault, catalog, places or review_places(vault))
    here = place(period, writing=write)
    if write:
        refuse_unlisted(catalog, here.path, "the review")
    with catalog.linking_from(here.path):  # its links resolve from its own folder
        data = review_data(vault, catalog, period, as_of, today)
        for key, other in (("previous", period.start - WEEK), ("next", period.start + WEEK)):
            path = place(week_of(other, vault.config.week_start)).path
            data[f"{key}_link"] = catalog.link_to(path) if path in catalog.by_path else None
    shown = one_line_texts(data)
    renderer = Renderer(vault.root)
    body = renderer.render(TEMPLATE, {"review": shown})
    props = {
        "type": "review",
        "week": data["week"],
        "start": period.start,
        "end": period.end,
        "goals": data["goals"] or None,
    }
    written = write_generated(
        vault,
        here.path,
        "review",
        props,
        body,
        force=force,
        dry_run=dry_run or not write,
        resolved=catalog.by_path.get(here.path) if write else None,  # (see mid_save)
        adopt=here.adopted,
        printed=not write,
    )
    linked = None
    if write:
        _tell_other_reviews(vault, catalog, here.path, data["week"])
        if written.action != "unchanged":
            linked = _link_back(
                vault, catalog, place, period, shown, renderer, here.path, today, dry_run
            )
    return ReviewResult(period, written, data, linked)


def _link_back(
    vault: Vault,
    catalog: Catalog,
    place: FoundPlaces,
    period: Period,
    shown: dict[str, Any],
    renderer: Renderer,
    rel: str,
    today: date,
    dry_run: bool,
) -> str | None:
    """Give the review of the week before ``period`` (the one ``rel``, the review of
    ``period`` just written, links as previous) its next link to ``rel``: its period
    section alone is made again (the template rendered for that week, ``shown`` the
    context of ``rel``'s), only while it is what the template makes for that week
    without that link (not one the user changed, nor made by a template that shows no
    next link).  Its path once written (or, dry run, to be), else None; a note that
    can't be written is told, not the command's failure (``rel`` is written)."""
    start = vault.config.week_start
    week = week_of(period.start - WEEK, start)
    path = place(week).path
    if path == rel or path not in catalog.by_path:
        return None
    older = place(week_of(week.start - WEEK, start)).path
    with catalog.linking_from(path):
        link = catalog.link_to(rel)
        context = {
            **shown,
            "week": week_label(week.start, start),
            "start": week.start.isoformat(),
            "end": week.end.isoformat(),
            "as_of": min(week.end, today).isoformat(),
            "previous_week": week_label(week.start - WEEK, start),
            "next_week": shown["week"],
            "previous_link": catalog.link_to(older) if older in catalog.by_path else None,
        }

    def period_of(next_link: str | None) -> str | None:
        """The text of the period section the template makes for that week."""
        text = renderer.render(TEMPLATE, {"review": {**context, "next_link": next_link}})
        found = generated.find_sections(text).get(PERIOD)
        return found.body(text) if found else None

    def transform(doc: codec.Document) -> str:
        found = generated.find_sections(doc.body, path).get(PERIOD)
        if found is None:
            return doc.text
        mine = found.body(doc.body).replace("\r\n", "\n")
        if link in mine:  # linked already (most runs): nothing rendered
            return doc.text
        linked = period_of(link)
        # a template that shows no next link; a line the user changed
        if linked is None or linked == mine or period_of(None) != mine:
            return doc.text
        block = generated.section(linked, PERIOD).replace("\n", doc.body_newline)
        return doc.text[: doc.body_start] + doc.body[: found.start] + block + doc.body[found.end :]

    try:
        if dry_run:
            changed = vault.would_rewrite(path, transform, catalog.by_path.get(path))
        else:
            changed = vault.rewrite(path, transform, catalog.by_path.get(path))
    except Stopped:
        return None
    except (JournalError, OSError) as exc:
        why = exc.message if isinstance(exc, JournalError) else exc.strerror or str(exc)
        vault.notice(f"{path}: next link not added: {why}")
        return None
    return path if changed else None


def _tell_other_reviews(vault: Vault, catalog: Catalog, rel: str, week: str) -> None:
    """Tell of another review note of ``week`` than ``rel``, the one written: one made
    before the reviews went to Obsidian's weekly notes (found in a tryout: left beside
    the new one without a word), or a copy; what the user wrote in it is in neither."""
    for path, other in catalog.property_texts("review", "week"):
        if other == week and path != rel:
            vault.notice(
                f"{path} is a review of {week} too, beside {rel}: merge what you wrote in it "
                f"into {rel} and delete it"
            )


class FoundPlaces(Protocol):
    """:func:`found_places`' answer."""

    def __call__(self, period: Period, *, writing: bool = False) -> ReviewPlace: ...


def found_places(
    vault: Vault, catalog: Catalog, places: Callable[[Period], ReviewPlace]
) -> FoundPlaces:
    """Where the review of each week is: its place (``places``, see
    :func:`review_places`), or, moved or renamed by hand (in Obsidian), the one review
    note whose ``week`` is the week's, regenerated there rather than made again.  The
    review notes' weeks are read once, when a note is first not at its place.  Two or
    more such notes and none at its place: the place, or (``writing``: to write the
    review there) a :class:`JournalError` naming them - a review made at the place
    would hold none of the user's text (found in review)."""
    by_week: dict[str, list[str]] | None = None

    def place(period: Period, *, writing: bool = False) -> ReviewPlace:
        nonlocal by_week
        planned = places(period)
        if planned.path in catalog.by_path:
            return planned
        if by_week is None:
            by_week = {}
            for path, week in catalog.property_texts("review", "week"):
                by_week.setdefault(week, []).append(path)
        week = week_label(period.start, vault.config.week_start)
        moved = sorted(by_week.get(week, []))
        if len(moved) > 1 and writing:
            raise JournalError(
                f"{listed(moved)} are"
                f" {'both' if len(moved) == 2 else 'all'} reviews of {week}"
                f" (their `week` property) and neither is at {planned.path}: merge them into"
                " one and delete the other"
            )
        return ReviewPlace(moved[0], planned.adopted) if len(moved) == 1 else planned

    return place


def review_data(
    vault: Vault, catalog: Catalog, period: Period, as_of: date, today: date
) -> dict[str, Any]:
    """Everything the template shows, from the notes, git (when the vault is in a
    repository), ``journal check`` and the 90-day plan covering ``as_of``.  The series
    run to ``today``; a past week reads its values from them on ``as_of``, and each
    goal's status, target, due day... then from git where they changed since
    (:func:`goals_then`), and its milestones (:func:`milestones_on`)."""
    then = goals_then(vault, catalog, as_of, today)
    for path, milestones in milestones_on(vault, catalog.goals, as_of, today).items():
        then.setdefault(path, {})["milestones"] = milestones
    shown = [
        g
        for g in catalog.goals
        if g.status in OPEN_OR_DONE or then.get(g.path, {}).get("status") in OPEN_OR_DONE
    ]
    series_of = _rebased(series_lookup(vault, shown, today, catalog.counted), catalog.goals, then)
    # the week up to the day it is seen from (a `--date` in mid-week: found in a tryout,
    # a goal completed the day after was among its wins, while its scoreboard said 0)
    git = week_in_git(vault, Period(period.start, min(period.end, as_of)), today)
    # The goals of this week as they are (none changed from git's): the review's own stale
    # and past-due lists name every goal T006 and T002 would, which Needs attention
    # leaves out then (build_review's `_unlisted`), so they are not run for nothing
    listed = (STALE, PAST_DUE) if as_of == today == catalog.today and not then else ()
    findings = check_vault(
        vault,
        catalog,
        as_of,
        # a plan's now, not that week's; a note named as a copy: Needs attention's copies
        ignore=(COPY_NAMED, *((PLAN_CHANGED,) if as_of < today else ()), *listed),
        severities=SHOWN,
        also=(REACHED,),
        goals_only=True,
        fixes=False,  # the review shows none
    ).findings
    goal_paths = {g.path for g in catalog.goals}
    # a goal paused is not judged here by the SMART rules (found in a tryout: pausing, the
    # user's "not now", left six findings in every week's list); `journal check` still is.
    # Paused then, in a past week, as git has it (a tryout: paused that week and taken up
    # again since, it was off the scoreboard but had A001 and T006 under Needs attention)
    paused = {
        g.path for g in catalog.goals if then.get(g.path, {}).get("status", g.status) == "paused"
    }
    smart = [
        {
            "goal": catalog.link_to(f.path),
            "group": "SMART" if f.rule[0] in SMART_GROUPS else HYGIENE,
            "rule": f.rule,
            "severity": f.severity,
            "message": terminal_data(f.message),  # a file name's tab shown `\t`, as check does
        }
        for f in findings
        if f.path in goal_paths
        and f.rule != UNCOUNTED
        and not (f.path in paused and f.rule[0] in SMART_GROUPS and f.rule not in FILE_MISTAKES)
    ]
    # a past week's review names no note dated after it (a daily note of a later month)
    later = (
        {path for path, day, _f in catalog.fields(INLINE_KEY) if day is not None and day > as_of}
        if as_of < today
        else set()
    )
    uncounted = [
        {
            "note": catalog.link_to(f.path),
            "path": f.path,
            "line": f.line,
            "message": terminal_data(f.message),
        }
        for f in findings
        if f.rule == UNCOUNTED and f.path not in later
    ]

    return build_review(
        catalog,
        period,
        as_of,
        week_start=vault.config.week_start,
        default_review_every=vault.config.goals.review_every,
        series_of=series_of,
        plan=covering_plan(catalog, as_of, vault.config.week_start),
        smart=smart,
        uncounted=uncounted,
        git=_git_section(vault, catalog, git, today) if git is not None else None,
        completed_paths={g.path for g in git.completed} if git is not None else None,
        then=then,
        copies=rules_on(vault, COPY_RULES),
    )


def goals_then(
    vault: Vault, catalog: Catalog, as_of: date, today: date
) -> dict[str, dict[str, Any]]:
    """By path, the fields of :data:`THEN_FIELDS` whose value on ``as_of`` git knows to
    differ from the file's, typed as the goal has them: a goal whose target or due day
    (start, baseline, unit, ``created``, status) a commit after ``as_of`` changed had the
    value that commit changed; a goal dropped (or paused, or done without a
    ``completed`` day) since had its status then.  Empty for ``as_of`` today (the week
    holding today, or one ahead, shows the files as they are) and outside a repository.

    Each field goes by itself (:func:`_fields_on`): one whose value in the file is not
    the one last committed (changed since, on a day git can't tell) or was last
    committed after today is left as the file has it; so is the status of a goal done
    with a ``completed`` day by ``as_of``, which says when (one completed later had
    git's status then: paused, say, until it was taken up again and done).  History is
    read once for all goals.
    """
    if as_of >= today:
        return {}
    history = history_if_any(vault)
    if history is None:
        return {}
    later = [
        change
        for revision, changes in history.commits
        if revision.day > as_of
        for change in changes
        if any(_field_of(e) for e in change.events)
    ]
    if not later:
        return {}
    followed = history.followed  # one pass, not one walk per goal
    now = now_on(today)
    found = {}
    for goal in catalog.goals:
        fields = _fields_on(followed(goal.id, goal.path), goal, as_of, today, now)
        if goal.status == "done" and goal.completed is not None and goal.completed <= as_of:
            fields.pop("status", None)  # done by then: its `completed` day says so
        if fields:
            found[goal.path] = fields
    return found


def milestones_on(
    vault: Vault, goals: Sequence[Goal], as_of: date, today: date
) -> dict[str, list[Milestone]]:
    """By path, the milestones of ``goals`` as git has them on ``as_of`` where the
    file's differ: before today (a past week), as the goal's last commit by then had
    them when a commit since changed them (moved, ticked, removed...); and each one
    ticked without a day (``done: true``) done on the day of the commit that ticked it
    (:func:`~journal.core.history.tick_day`).  Where git can't tell (no repository, the
    milestones changed since the last commit, the goal not committed by ``as_of``), the
    file's stand, and ``done: true`` counts on its due day
    (:attr:`~journal.core.goal.Milestone.done_day`).  History is read once, and not at
    all for this week without a milestone ticked so."""
    past = as_of < today
    wanted = [g for g in goals if past or any(m.done is True for m in g.milestones)]
    history = history_if_any(vault) if wanted else None
    if history is None:
        return {}
    followed = history.followed
    now = now_on(today)
    found = {}
    for goal in wanted:
        mine = [
            (commit_day(revision.time, today, now), revision, change)
            for revision, change in followed(goal.id, goal.path)
        ]
        try:
            then = _committed_on(history, goal, mine, as_of, today) if past else None
        except HistoryUnavailable as exc:  # (the review goes on without git's history)
            vault.notice(f"{exc}; going on without it")
            return {}
        milestones, older = then or (goal.milestones, mine)
        dated = [(day, change) for day, _revision, change in older]
        ticked = [_ticked(m, dated, today) for m in milestones]
        if ticked != goal.milestones:
            found[goal.path] = ticked
    return found


def _stated(then: list[Milestone], goal: Goal, as_of: date) -> list[Milestone]:
    """``then`` (git's milestones of ``goal`` on ``as_of``) with the days the file states:
    one open then that the file has done (or dropped) on a day by ``as_of`` was done
    (dropped) on that day, whenever the commit came (a review of last week made on
    Monday, the tick committed that morning).  Matched by title, the first of it."""
    stated: dict[str, Milestone] = {}
    for m in goal.every_milestone:
        stated.setdefault(m.title, m)
    kept = []
    for m in then:
        now = stated.get(m.title)
        if now is None or m.is_done:
            kept.append(m)
        elif now.done_on is not None and now.done_on <= as_of:
            kept.append(replace(m, done=now.done_on))
        elif not (now.is_dropped and isinstance(now.dropped, date) and now.dropped <= as_of):
            kept.append(m)
    return kept


def _ticked(milestone: Milestone, changes: list[tuple[date, GoalChange]], today: date) -> Milestone:
    """``milestone``, when ticked without a day, done on the day git saw it ticked by
    ``today`` (:func:`~journal.core.history.tick_day`), if it did."""
    day = tick_day(changes, milestone.title) if milestone.done is True else None
    return replace(milestone, done=day) if day is not None and day <= today else milestone


def _committed_on(
    history: LoadedHistory,
    goal: Goal,
    mine: list[tuple[date, Revision, GoalChange]],
    as_of: date,
    today: date,
) -> tuple[list[Milestone], list[tuple[date, Revision, GoalChange]]] | None:
    """The milestones of ``goal`` on ``as_of`` as its last commit by then has them, and
    its changes (``mine``: newest first, each with its day) from that one back; None
    when no commit since changed them, or git can't tell: the file's are not the ones
    last committed by today (changed since), or no commit by ``as_of`` has the goal.  A
    day the file states for one open then, by ``as_of``, stands (:func:`_stated`)."""
    at = next((i for i, (day, _r, _c) in enumerate(mine) if day <= as_of), None)
    moved = [m for m in mine[:at] if any(e.kind == "milestone" for e in m[2].events)]
    if not moved or at is None:
        return None
    day, revision, change = moved[0]  # the last commit that changed them
    if day > today or _milestones_in(history, revision, change) != goal.milestones:
        return None
    _day, revision, change = mine[at]
    then = _milestones_in(history, revision, change)
    return (_stated(then, goal, as_of), mine[at:]) if then is not None else None


def _milestones_in(
    history: LoadedHistory, revision: Revision, change: GoalChange
) -> list[Milestone] | None:
    """A goal's milestones as ``change`` left them in the commit ``revision``; None
    when it left no readable goal there (deleted, broken)."""
    path = change.new_path
    blob = history.repo.blob_at(revision.id, path, history.folder(revision.id)) if path else None
    if path is None or blob is None:
        return None
    note = history.versions.note(path, blob)
    return goal_from_note(note)[0].milestones if note.kind == "goal" and note.readable else None


def done_days(vault: Vault, goals: Sequence[Goal], today: date) -> dict[str, date]:
    """By path, the day each of the done ``goals`` (without a ``completed`` day) was made
    done, as git has it: the day of the commit that last changed its status, to done
    (:func:`_committed_changes`).  Not a goal made done since its last commit (or by
    one dated after ``today``), nor one git never saw change its status (written done):
    git can't tell when; nor any outside a repository.  History is read once."""
    history = history_if_any(vault) if goals else None
    if history is None:
        return {}
    followed = history.followed
    now = now_on(today)
    found = {}
    for goal in goals:
        status = _committed_changes(followed(goal.id, goal.path), goal, today, now).get("status")
        if status:
            found[goal.path] = status[0][0]
    return found


def _committed_changes(
    mine: Sequence[tuple[Revision, GoalChange]], goal: Goal, today: date, now: datetime
) -> dict[str, list[tuple[date, Event]]]:
    """Per field of :data:`THEN_FIELDS`, git's changes of it in ``goal`` (``mine``, its
    changes as :func:`follow` finds them: the day each commit counts on,
    :func:`commit_day`, and event, newest first); not a field whose value in the file is
    not the one git last recorded by today (changed since, on a day git can't tell)."""
    events: dict[str, list[tuple[date, Event]]] = {}
    for revision, change in mine:  # newest first
        for event in change.events:
            key = _field_of(event)
            if key is not None:
                events.setdefault(key, []).append((commit_day(revision.time, today, now), event))
    found = {}
    for key, changes in events.items():
        day, newest = changes[0]
        if day <= today and _value(key, newest, newest.new) == getattr(goal, key):
            found[key] = changes
    return found


def _fields_on(
    mine: Sequence[tuple[Revision, GoalChange]],
    goal: Goal,
    as_of: date,
    today: date,
    now: datetime,
) -> dict[str, Any]:
    """The fields git says ``goal`` had on ``as_of`` that differ from the file's: the
    file's values with the changes committed after ``as_of`` undone, newest first,
    field by field (:func:`_committed_changes`, see :func:`goals_then`)."""
    found = {}
    for key, changes in _committed_changes(mine, goal, today, now).items():
        current = getattr(goal, key)
        value = current
        for day, event in changes:
            if day <= as_of:
                break
            value = _value(key, event, event.old)
        if value != current:
            found[key] = value
    return found


def _rebased(
    series_of: Callable[[Goal], list[tuple[date, float]]],
    goals: list[Goal],
    then: dict[str, dict[str, Any]],
) -> Callable[[Goal], list[tuple[date, float]]]:
    """``series_of`` with the values of a goal valued by its baseline and its log (no
    ``current``: its series adds the log to today's baseline) moved to the baseline it
    had then, as :func:`goals_then` gives it."""
    shift = {
        g.path: then[g.path]["baseline"] - g.base
        for g in goals
        if g.file_current is None and then.get(g.path, {}).get("baseline") is not None
    }

    def points(goal: Goal) -> list[tuple[date, float]]:
        delta = shift.get(goal.path)
        found = series_of(goal)
        return [(day, value + delta) for day, value in found] if delta else found

    return points


def _field_of(event: Event) -> str | None:
    """The field of :data:`THEN_FIELDS` a history event changes, if any."""
    if event.kind in STATUS_EVENTS:
        return "status"
    if event.kind == "property":
        side = event.new if isinstance(event.new, dict) else event.old
        key = next(iter(side), None) if isinstance(side, dict) else None
        return key if key in THEN_FIELDS else None
    if event.kind == "created":  # the file was created: no change of its `created`
        return None
    return event.kind if event.kind in THEN_FIELDS else None


def _value(key: str, event: Event, side: Any) -> Any:
    """One side (``old`` or ``new``) of ``event`` as the goal has the field ``key``:
    typed as a goal note's value is (a date as a date, a number as int or float), None
    for a value that can't be read (as the goal reads it) or absent."""
    raw = side
    if event.kind == "property":  # {key: value}, or None where the property is absent
        raw = side.get(key) if isinstance(side, dict) else None
    try:
        return coerce(GOAL_FIELDS[key], raw)
    except FieldError:
        return None


def _git_section(vault: Vault, catalog: Catalog, week: WeekInGit, today: date) -> dict[str, Any]:
    """The lists of "This week in git".  A goal's line says once what its list's title
    says: a created goal's state follows its link (``(status active, ...)``), a completed
    or dropped goal's status event and its ``completed`` day are left out, and a deleted
    goal created in the week says so (``(created this week)``) rather than its state
    then, one made a note ``(no longer a goal)``.  A goal moved or renamed since links to
    where it is now (one whose name was only spelled otherwise, its accents composed or
    not, and not committed so, to the goal of that name)."""
    lists = ("completed", "dropped", "deleted", "created", "changed")
    gone = any(i.path not in catalog.by_path for name in lists for i in getattr(week, name))
    now = _paths_now(vault, catalog) if gone else {}
    spelled = {composed(g.path): g.path for g in catalog.goals} if gone else {}

    def entry(name: str, item: GoalWeek) -> dict[str, Any]:
        path = item.path if item.path in catalog.by_path else now.get(id(item.change))
        path = path or spelled.get(composed(item.path))
        goal = catalog.link_to(path) if path is not None else item.title
        own = [e for e in item.events if e.kind == name or _said_by(name, e)]
        details = own[0].text.removeprefix("created ") if name == "created" and own else None
        if name == "deleted":
            said = ["created this week"] if any(e.kind == "created" for e in own) else []
            if own[-1].made_a_note:
                said.append("no longer a goal")
            details = f"({'; '.join(said)})" if said else None
        events = [e.text for e in summed([e for e in item.events if e not in own])]
        return {"goal": goal, "details": details, "events": events}

    entries = {name: [entry(name, i) for i in getattr(week, name)] for name in lists}
    after = imitated_after(today) or "later than now (a clock set wrong?)"
    misdated = [
        {
            "commit": r.short,
            "date": f"{r.day} ({here})" if (here := here_too(r.time, r.day, today)) else str(r.day),
            "after": after,
        }
        for r in week.misdated
    ]
    return {**entries, "truncated": week.truncated, "misdated": misdated}


def _paths_now(vault: Vault, catalog: Catalog) -> dict[int, str]:
    """Each committed change of a goal (by ``id()``) -> the path of that goal today, as
    :func:`follow` finds its changes from there."""
    history = history_if_any(vault)
    if history is None:
        return {}
    followed = history.followed
    return {
        id(change): goal.path
        for goal in catalog.goals
        for _revision, change in followed(goal.id, goal.path)
    }


def _said_by(name: str, event: Event) -> bool:
    """Whether the title of the list ``name`` says what ``event`` does besides its own
    event: the ``completed`` property set as a goal is completed, a deleted goal's
    creation (in the week: its line says so)."""
    if name == "deleted":
        return event.kind == "created"
    return name == "completed" and event.kind == "property" and "completed" in (event.new or {})


def _plan_week_start(written: Any, configured: int) -> int:
    """The first day of the weeks a plan's targets were made for (its ``week_start``,
    written when it was made), so a later ``[week] start`` moves no target to another
    week; the vault's own for a plan without it."""
    try:
        return weekday_index(written) if isinstance(written, str) else configured
    except DateError:
        return configured


def covering_plan(catalog: Catalog, day: date, week_start: int) -> WeeklyTargets | None:
    """The weekly targets pace on ``day`` follows: of the plan notes whose days hold it,
    the one that starts last (:func:`~journal.core.plan_notes.covering`)."""
    found = covering(catalog, day)
    if found is None:
        return None
    from journal.core.plan import plan_weeks  # (loaded only for a week a plan covers)

    start, end, note = found
    days = (end - start).days + 1
    first = _plan_week_start(note.props.get("week_start"), week_start)
    weeks = {week_label(w.start, first): w for w in plan_weeks(start, days, first)}
    rows = rekeyed(note.props["targets"], catalog.goals)
    targets = read_targets(rows, list(weeks))
    return WeeklyTargets(note.path, targets, weeks, first, read_starts(rows))
