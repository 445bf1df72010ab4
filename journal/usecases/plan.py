"""``journal plan``: the 90-day plan note, generated from the active goals."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from journal.adapters.templates import Renderer
from journal.adapters.vault import Vault
from journal.core import codec, generated
from journal.core.catalog import Catalog
from journal.core.dates import Period, week_of, writable_day
from journal.core.errors import UsageProblem
from journal.core.formatting import json_numbers, one_line_texts
from journal.core.goal import Goal
from journal.core.periodic import in_folder
from journal.core.plan import (
    Aim,
    as_kept,
    build_plan,
    keep_ended,
    plan_weeks,
    planned_goals,
    weeks_over,
)
from journal.core.plan_notes import (
    covering,
    emptied_plans,
    plan_options,
    plan_spans,
    planned_for,
    read_starts,
    read_targets,
    rekeyed,
    row_goal,
)
from journal.core.records import Record, record
from journal.core.settings import PLAN_DAYS, PLAN_NAME
from journal.usecases.generate import (
    UsersNote,
    Written,
    refuse_unlisted,
    users_note,
    write_generated,
)
from journal.usecases.history import series_lookup
from journal.usecases.review import done_days, found_places, milestones_on, review_places

TEMPLATE = "plan.md.j2"


@record()
class PlanResult(Record):
    """What `journal plan` made: the note written and the data shown."""

    written: Written
    data: dict[str, Any]


def default_start(today: date, week_start: int) -> date:
    """Today when it is the first day of a week, else the first day of next week."""
    return today + timedelta(days=(week_start - today.weekday()) % 7)


def plan_path(vault: Vault, start: date, days: int) -> str:
    return in_folder(
        vault.config.folders.plan, PLAN_NAME.format(start=start.isoformat(), days=days)
    )


def _plan_place(catalog: Catalog, path: str, start: date, days: int) -> str:
    """Where the plan of ``days`` days from ``start`` lives: at ``path``, or in the one
    plan note of those days the user moved or renamed it to (as a moved review is found
    by its week), so that it is regenerated in place rather than made again."""
    if path in catalog.by_path:
        return path
    end = start + timedelta(days=days - 1)
    moved = [
        note.path for first, last, note in plan_spans(catalog) if (first, last) == (start, end)
    ]
    return moved[0] if len(moved) == 1 else path


def running_plan(catalog: Catalog, start: date, folder: str) -> tuple[date, int] | None:
    """The start and length of the plan note that runs through the week from ``start``
    to its end, if any (of several, the one that starts last: the review follows it).
    One that ends within that week is ending: the next plan starts then.  An empty note
    in the plan ``folder`` counts by its name (:func:`emptied_plans`): made again, it is
    refused as empty, not passed over for a new plan that would take its days."""
    shortest, longest = PLAN_DAYS
    end = start + timedelta(days=6)
    spans = [
        (first, (last - first).days + 1, note.path) for first, last, note in plan_spans(catalog)
    ]
    running = [
        (first, path, days)
        for first, days, path in spans + emptied_plans(catalog, folder)
        if shortest <= days <= longest and first <= end < first + timedelta(days=days)
    ]
    if not running:
        return None
    first, _path, days = max(running)
    return first, days


def _overlap_told(one: Period, other: Period, week_start: int) -> bool:
    """Whether two plans overlap, other than by a handover: the earlier one ending in the
    week the later one starts (as a 90-day plan from a Monday ends on a Saturday, and the
    next one :func:`running_plan` leaves to begin that week), where the review follows the
    later one as it should."""
    if not one.overlaps(other):
        return False
    earlier, later = sorted((one, other), key=lambda period: period.start)
    return earlier.start == later.start or earlier.end > week_of(later.start, week_start).end


def plan_length(vault: Vault, days: int | None) -> int:
    """The plan's length: ``--days``, else ``[plan] days``; a usage error outside
    :data:`PLAN_DAYS` (checked before the notes are read)."""
    if days is None:  # 0 is a length given, and refused
        days = vault.config.plan.days
    shortest, longest = PLAN_DAYS
    if not shortest <= days <= longest:
        raise UsageProblem(f"--days must be between {shortest} and {longest}")
    return days


def quarterly_plan(
    vault: Vault,
    catalog: Catalog,
    today: date,
    *,
    days: int,
    start: date | None = None,
    write: bool = True,
    dry_run: bool = False,
    force: bool = False,
    keep_running: bool = False,
) -> PlanResult:
    """Build the plan of ``days`` (:func:`plan_length`, which the command line asks
    before reading the notes) and create or regenerate its note (nothing written
    without ``write`` or with ``dry_run``; refused while a folder can't be listed, see
    :func:`refuse_unlisted`).  With no ``start``, the plan starts on
    :func:`default_start`; ``keep_running``: unless a plan runs through that week, which
    is then made again, with its own start and days (:func:`running_plan`), and a plan
    made so says how to refresh the one it takes over from while that one still runs."""
    if start is None:
        start = default_start(today, vault.config.week_start)
        running = running_plan(catalog, start, vault.config.folders.plan) if keep_running else None
        if running is not None:
            start, days = running
    end = writable_day(start + timedelta(days=days - 1), "the plan's end")
    path = _plan_place(catalog, plan_path(vault, start, days), start, days)
    if write:
        refuse_unlisted(catalog, path, "the plan")
    undated = _undated(vault, catalog, path, today)
    planned = {g.key: g for g in planned_goals(catalog.goals, Period(start, end), undated)}
    series_of = series_lookup(vault, list(planned.values()), today)
    ticked = milestones_on(vault, list(planned.values()), today, today)

    def plan_data(
        kept: dict[str, dict[str, float]] | None = None, rows: object = ()
    ) -> tuple[dict[str, Any], dict[str, list[float | None]], dict[str, float]]:
        """The plan's data, with its weekly targets and starts (the ``targets``
        property's) apart."""
        with catalog.linking_from(path):  # its links resolve from its own folder
            data = build_plan(
                catalog,
                start,
                days,
                vault.config.goals.hours_per_week,
                week_start=vault.config.week_start,
                series_of=series_of,
                kept=kept,
                aims=_aims(rows),
                undated=undated,
                milestones=ticked,
                max_active_goals=vault.config.goals.max_active_goals,
                today=today,
            )
        return data, data.pop("targets"), data.pop("starts")

    data, targets, starts = plan_data()
    told: list[str] = []  # what the plan written is, told once it is (not when it can't be)
    handed: list[str] = []  # told when the plan is made: the plan it takes over from
    ours, week_start = Period(start, end), vault.config.week_start
    for other_start, other_end, note in plan_spans(catalog):
        theirs = Period(other_start, other_end)
        if note.path == path or not ours.overlaps(theirs):
            continue
        again = plan_options(other_start, other_end, vault.config.plan.days)
        if _overlap_told(ours, theirs, week_start):
            followed = max((start, path), (other_start, note.path))[1]  # as covering() picks
            this = "this plan" if write and not dry_run else "this plan, if written,"
            told.append(
                f"{this} overlaps {note.path} ({other_start} to {other_end}); on the days both "
                f"cover, a review follows {followed} (the one that starts last, then by "
                f"name; regenerate {note.path} with {again})"
            )
        elif keep_running and other_start < start and other_end >= today:
            handed.append(
                f"{note.path} ends on {other_end}: `journal plan` now refreshes {path}, which "
                f"reviews follow from {start}; `journal plan {again}` refreshes {note.path} "
                "until then"
            )
    props = {
        "type": "plan",
        "start": start,
        "end": end,
        "days": days,
        "week_start": vault.config.week.start.strip().lower(),  # the weeks its targets mean
        "goals": data["goals"] or None,
        "targets": _target_rows(targets, planned, starts),
    }
    existing = users_note(vault, path, props)
    hashed: dict[str, Any] = {}  # the tool's targets, where the note's keep rows of the user's
    if existing is not None and "targets" in existing.props:
        # the weekly targets the review's pace reads (the property) and those the note
        # shows (the table) stay as the user left either, so both say the same; --force
        # replaces them, but in the weeks that ended
        rows = rekeyed(existing.props["targets"], catalog.goals)  # a goal given an id since
        labels = [week["label"] for week in data["weeks"]]
        at = _users_rows(existing, rows) if not force and "targets" in existing.changed else {}
        listed = rows if isinstance(rows, list) else []  # (edited rows: a list)
        mine = None if at is None else {key: listed[i] for key, i in at.items()}  # as read
        if mine is None:  # a row removed: the whole property is the user's
            # kept and reported by the write; the table follows
            unread: list[str] = []
            kept = read_targets(rows, labels, unread)
            told += _not_numbers(path, unread)
            data = plan_data(kept, rows)[0]
            unplanned = [row["title"] for row in data["rows"] if not kept.get(row["key"])]
            if unplanned:
                one = len(unplanned) == 1
                told.append(
                    f"{path}: the weekly targets you edited name none for "
                    f"{'; '.join(unplanned)}: "
                    + (
                        "its column is left empty and pace is judged by its straight line"
                        if one
                        else "their columns are left empty and pace is judged by their "
                        "straight lines"
                    )
                    + f" (run with --force to plan {'it' if one else 'them'}, replacing "
                    "your edits)"
                )
        elif not force and "targets" in existing.edited:
            props["targets"] = rows  # the table is kept: so is the property, and Focus
            kept = read_targets(rows, labels)  # by month follows it, not the goal's line
            if kept != as_kept(targets, labels):
                data = plan_data(kept, rows)[0]
        else:  # the weeks that ended keep the targets their reviews judged by
            ended = weeks_over(plan_weeks(start, days, week_start), today, week_start)
            begun = sum(week["start"] <= today.isoformat() for week in data["weeks"])
            merged = keep_ended(targets, read_targets(rows, labels), labels, ended, begun)
            tools = _target_rows(merged, planned, starts, rows) or []
            wrong: list[str] = []
            for key, values in read_targets(list(mine.values()), labels, wrong).items():
                merged[key] = [values.get(label) for label in labels]  # the user's row
            told += _not_numbers(path, wrong)
            if merged != targets:
                data = plan_data(as_kept(merged, labels), list(mine.values()))[0]
                props["targets"] = tools or None
            if mine and at:  # the user's rows in place of the tool's, which the hash is of
                made = {row_goal(row): row for row in tools}
                written = existing.props["targets"]  # a row kept is written back as it was
                kept_rows = [written[at[key]] if key in mine else row for key, row in made.items()]
                props["targets"] = kept_rows + [written[at[key]] for key in mine if key not in made]
                hashed["targets"] = tools
                goal_keys = {g.key for g in catalog.goals}
                told += [
                    f"{path}: kept your edits of the 'targets' row of "
                    + (
                        f"{planned[key].title if key in planned else key}, which the plan "
                        "would change (run with --force to replace them)"
                        if key in goal_keys
                        else f"{key}, which names no goal now (renamed? put the goal's id, "
                        "or its path, in the row's `goal`, or delete the row)"
                    )
                    for key, row in mine.items()
                    if row not in tools
                ]
    body = Renderer(vault.root).render(TEMPLATE, {"plan": one_line_texts(data)})
    written = write_generated(
        vault,
        path,
        "plan",
        props,
        body,
        force=force,
        dry_run=dry_run or not write,
        resolved=catalog.by_path.get(path) if write else None,  # (see mid_save)
        printed=not write,
        hashed=hashed,
    )
    if written.action in ("created", "would create"):
        told += handed
    for message in told:
        vault.notice(message)
    if "targets" in written.kept:  # the table is a view of the property, not read back
        again = plan_options(start, end, vault.config.plan.days)
        vault.notice(
            f"{path}: pace follows the 'targets' property, not the weekly targets table you "
            "edited: put your targets in the goal's `values` there (one a week, in the "
            f"table's order), or `journal plan {again} --force` shows the property's in the "
            "table again"
        )
    if written.action in ("created", "updated") and _review_reads_other(existing, props, written):
        _tell_the_review(vault, catalog, today, ours, path)
    return PlanResult(written, data)


def _undated(vault: Vault, catalog: Catalog, path: str, today: date) -> dict[str, date | None]:
    """The done goals without a ``completed`` day that the plan at ``path`` holds (see
    :func:`~journal.core.plan.planned_goals`): each by the day git saw it made done
    (:func:`done_days`), else, where git can't tell, undated when the plan's note lists
    it already (in ``goals``): nothing says it was done before the plan began, and the
    plan made again keeps it (a new plan takes none)."""
    goals = [g for g in catalog.goals if g.status == "done" and g.completed is None]
    if not goals:
        return {}
    dated = done_days(vault, goals, today)
    note = catalog.by_path.get(path)
    listed = {
        found.path
        for link in (note.links if note is not None else ())
        if link.key == "goals" and (found := catalog.resolve(link.target, path)) is not None
    }
    return {g.path: dated.get(g.path) for g in goals if g.path in dated or g.path in listed}


def _not_numbers(path: str, unread: list[str]) -> list[str]:
    """What to tell of the weekly targets the user edited that are no numbers."""
    if not unread:
        return []
    return [
        f"{path}: weekly targets you edited that are not numbers, so those weeks have "
        f"none: {'; '.join(unread)}"
    ]


def _aims(rows: object) -> dict[str, Aim]:
    """By goal, what each row of a plan's ``targets`` was planned for
    (:func:`~journal.core.plan_notes.planned_for`): the table shows a kept row so."""
    starts = read_starts(rows)
    found = {}
    for row in rows if isinstance(rows, list) else ():
        key, aim = row_goal(row), planned_for(row)
        if key is not None and aim is not None and aim[0] is not None:
            found[key] = Aim(starts.get(key), aim[0], aim[1])
    return found


def _users_rows(note: UsersNote, rows: Any) -> dict[str, int] | None:
    """Where the rows of the plan's ``targets`` the user edited (or added) are, by goal
    (:func:`~journal.core.generated.edited_rows`): each is kept as it is, the others
    follow their goals; None when a row was removed, which tells no row apart.
    ``rows``: the note's, :func:`~journal.core.plan_notes.rekeyed` (a row of a goal given
    an id since is the goal's, and kept as written, its `goal` too)."""
    edited = generated.edited_rows(note.props, "targets")
    if edited is None:
        return None
    found = {row_goal(rows[i]): i for i in edited}
    return None if None in found else {str(key): i for key, i in found.items()}


def _target_rows(
    targets: dict[str, list[float | None]],
    goals: Mapping[str, Goal],
    starts: Mapping[str, float],
    rows: object = None,
) -> list[dict[str, Any]] | None:
    """The ``targets`` property: per goal id (in id order), the value its line starts
    from (``starts``: the review's pace starts there, not where rounded weekly values
    would put it), the target and due day it was planned for (``journal check`` T012
    tells when the goal's changed since), and its weekly values.  A goal with no line
    now (the weeks that ended keep its targets: dropped, paused, due before the plan)
    keeps what its row in ``rows``, the note's, was planned for and started from."""
    before = {row_goal(r): r for r in rows if isinstance(r, dict)} if isinstance(rows, list) else {}
    started = read_starts(rows)
    found = []
    for key, values in sorted(targets.items()):
        goal = goals.get(key) if key in starts else None  # (a goal with a line has a start)
        aim = (goal.target, goal.due) if goal is not None else planned_for(before.get(key))
        start = starts.get(key) if goal is not None else started.get(key)
        row: dict[str, Any] = {"goal": key}
        if start is not None:
            row["from"] = json_numbers(start)
        if aim is not None:
            row["target"] = json_numbers(aim[0])
            if aim[1] is not None:
                row["due"] = aim[1]
        row["values"] = json_numbers(values)  # 6, not 6.0, as the table
        found.append(row)
    return found or None


#: The plan's properties the review (and ``journal status``, T012) reads.
READ_BY_THE_REVIEW = ("start", "end", "week_start", "targets")


def _review_reads_other(
    existing: UsersNote | None, props: Mapping[str, Any], written: Written
) -> bool:
    """Whether the plan note written is new or says other than it did (``existing``) in
    what the review reads of it: a plan updated for a milestone ticked leaves the review
    as it was."""
    return existing is None or any(
        key not in written.kept_properties
        and codec.plain(existing.props.get(key)) != codec.plain(props[key])
        for key in READ_BY_THE_REVIEW
    )


def _tell_the_review(vault: Vault, catalog: Catalog, today: date, plan: Period, path: str) -> None:
    """Say that this week's review, made before, reads its pace from the plan just
    written at ``path`` (a Sunday's `journal review` then `journal plan` left it stale):
    not when the plan does not cover today, nor when the review follows another, which
    starts later (:func:`covering`)."""
    week = week_of(today, vault.config.week_start)
    followed = covering(catalog, today)
    later = followed is not None and (followed[0], followed[2].path) > (plan.start, path)
    if today not in plan or later:
        return
    review = found_places(vault, catalog, review_places(vault))(week).path
    if vault.disk_path(review).is_file():
        vault.notice(
            f"{review} reads this week's targets from the plan: `journal review` brings it "
            "up to date"
        )
