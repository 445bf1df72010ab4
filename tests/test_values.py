"""A goal's value: check-ins from other notes, values on a past day, sync-conflict copies,
staleness from git, and numbers in JSON."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from journal.core.catalog import Catalog
from journal.core.notes import parse_note
from journal.core.series import value_on, value_series, values_on
from tests.conftest import Invoke, Write, goal_text
from tests.gitutil import Git

GOAL = "goals/Connect with five HR leaders.md"


def test_sync_conflict_copies_are_never_data(invoke: Invoke, write: Write, vault: Path) -> None:
    write(GOAL, goal_text(current=1))
    goal = "goals/Meet HRBPs.md"
    write(goal, goal_text("Meet HRBPs", metric_source="meetings", baseline=0, current=0))
    daily = "# Friday\n\nprogress:: [[Connect with five HR leaders]] +1 panel\n"
    write("daily/2026-11-21.md", daily)
    write("daily/2026-11-21.sync-conflict-20261121-101010-ABCDEFG.md", daily)
    write("daily/2026-11-21 (conflicted copy 2026-11-21).md", daily)
    write("people/Dana Ortiz.md", "---\ntype: contact\n---\n")
    meeting = (
        '---\ntype: meeting\ndate: 2026-11-18\nkind: coffee\nwith:\n  - "[[Dana Ortiz]]"\n'
        'goal: "[[Meet HRBPs]]"\nfollow_up_by: 2026-11-25\nfollow_up_done: false\n---\n'
        "- [ ] Send the article\n"
    )
    write("meetings/2026-11-18 Coffee.md", meeting)
    write("meetings/2026-11-18 Coffee (Dana's conflicted copy 2026-11-19).md", meeting)
    write("goals/Meet HRBPs.sync-conflict-20261121-101010-ABCDEFG.md", goal_text("Meet HRBPs"))

    history = json.loads(invoke("log", "Connect", "--json").stdout)
    assert [(c["date"], c["path"]) for c in history["checkins"]] == [
        ("2026-11-20", GOAL),
        ("2026-11-21", "daily/2026-11-21.md"),
    ]
    shown = json.loads(invoke("show", "Meet HRBPs", "--json").stdout)
    assert shown["current"] == 1
    assert [r["path"] for r in json.loads(invoke("followups", "--json").stdout)] == [
        "meetings/2026-11-18 Coffee.md"
    ]
    people = json.loads(invoke("people", "--json").stdout)
    assert [(p["name"], p["meetings"]) for p in people] == [("Dana Ortiz", 1)]
    listed = json.loads(invoke("list", "--json").stdout)
    assert sorted(g["path"] for g in listed) == [GOAL, goal]
    found = json.loads(invoke("check", "--select", "H003", "--json").stdout)
    assert sorted(f["path"] for f in found if f["rule"] == "H003") == [
        "daily/2026-11-21 (conflicted copy 2026-11-21).md",
        "daily/2026-11-21.sync-conflict-20261121-101010-ABCDEFG.md",
        "goals/Meet HRBPs.sync-conflict-20261121-101010-ABCDEFG.md",
        "meetings/2026-11-18 Coffee (Dana's conflicted copy 2026-11-19).md",
    ]


def test_index_and_search_leave_sync_conflict_copies_out_and_say_so(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported (tryout): `journal index` counted two copies among the goals (12 where
    `list` shows 10) and said "problems: none"; `journal search` listed the copies."""
    write(GOAL, goal_text(current=1))
    copies = [
        "goals/Connect with five HR leaders.sync-conflict-20261121-101010-ABCDEFG.md",
        "notes/HR leaders (Conflict).md",
    ]
    write(copies[0], goal_text(current=1))
    write(copies[1], "---\ntitle: [x\n---\nHR leaders\n")  # its error is the copy's too
    summary = json.loads(invoke("index", "--json").stdout)
    assert (summary["notes"], summary["kinds"], summary["conflict_copies"]) == (
        1,
        {"contact": 0, "goal": 1, "meeting": 0, "note": 0, "plan": 0, "review": 0},
        copies,
    )
    assert (summary["diagnostics"], summary["errors"]) == (
        {"error": 0, "warning": 0, "hint": 0},
        [],
    )
    lines = invoke("index").stdout.splitlines()
    assert lines[1] == "notes: 1 (1 goal), and 2 sync-conflict copies left out"
    assert lines[3] == (
        f"problems: 2 sync-conflict copies (journal --vault {vault} check --select H003 names them)"
    )
    told = ": left out, as every command leaves out a sync-conflict copy "
    told += f"(journal --vault {vault} check "
    found = invoke("search", "leaders", "--json")
    assert [hit["path"] for hit in json.loads(found.stdout)] == [GOAL]
    assert found.stderr == f"journal: {copies[0]}, {copies[1]}{told}--select H003 names them)\n"
    # the copy of the note (a short body) ranks first, the goal's copy after the goal:
    # one note listed leaves out, and tells, the first alone
    first = invoke("search", "leaders", "--limit", "1", "--json")
    assert [hit["path"] for hit in json.loads(first.stdout)] == [GOAL]
    assert first.stderr == f"journal: {copies[1]}{told}--select H003 names it)\n"


LINKEDIN = "goals/Post on LinkedIn twice a week.md"


def test_a_progress_field_in_a_daily_note_moves_the_goal(
    invoke: Invoke, example_vault: Path
) -> None:
    """Issue 6: `progress:: [[Goal]] +1` in a daily note counts once, dated by the note,
    on top of `current` in the goal file, which stays as it is."""
    before = (example_vault / LINKEDIN).read_bytes()
    (example_vault / "daily/2026-11-21.md").write_text(
        "# Saturday\n\nprogress:: [[Post on LinkedIn twice a week]] +1 Saturday post\n"
    )
    board = json.loads(invoke("status", "--json", root=example_vault).stdout)
    [row] = [g for g in board["goals"] if g["path"] == LINKEDIN]
    assert (row["current"], row["progress"]) == (6, 0.375)
    checked = json.loads(invoke("check", "--select", "M007", "--json", root=example_vault).stdout)
    assert checked == []
    review = invoke("review", "--stdout", root=example_vault).stdout
    assert (
        "| [[Post on LinkedIn twice a week]] | 38% ████░░░░░░ | **6** of 16 posts (from 0) | +3 |"
        in (review)
    )
    shown = invoke("show", "LinkedIn", root=example_vault).stdout
    assert "  current 5 in the file, +1 from other notes = 6\n" in shown
    record = json.loads(invoke("show", "LinkedIn", "--json", root=example_vault).stdout)
    assert (record["current"], record["file_current"]) == (6, 5)
    assert (example_vault / LINKEDIN).read_bytes() == before


def _goal_with(log: str, current: int | None, *others: tuple[str, str]) -> Catalog:
    props = f"current: {current}\n" if current is not None else ""
    goal = f"---\ntype: goal\ntitle: G\nbaseline: 0\n{props}start: 2026-11-01\n---\n## Log\n{log}"
    notes = [parse_note("goals/G.md", goal.encode())]
    notes += [parse_note(path, f"progress:: [[G]] {value}\n".encode()) for path, value in others]
    return Catalog(notes, today=date(2026, 11, 22))


def test_other_notes_add_in_decimal_so_a_goal_reaches_its_target() -> None:
    """Found in review: `current: 0.2` and `progress:: +0.7` made 0.8999999999999999:
    short of a target of 0.9 (no M008, stale, a bar at 100%)."""
    goal = b"---\ntype: goal\ntitle: G\ntarget: 0.9\ncurrent: 0.2\n---\n"
    notes = [
        parse_note("goals/G.md", goal),
        parse_note("daily/2026-11-05.md", b"progress:: [[G]] +0.7\n"),
    ]
    [g] = Catalog(notes, today=date(2026, 11, 22)).goals
    assert (g.current, g.progress) == (0.9, 1)


def test_other_notes_add_to_the_files_value_and_a_recount_includes_them() -> None:
    # +2 elsewhere on top of a log of +1, +1; the file's current agrees with its log.
    catalog = _goal_with("- 2026-11-02: +1\n- 2026-11-10: +1\n", 2, ("daily/2026-11-05.md", "+2"))
    [g] = catalog.goals
    assert (g.file_current, g.current) == (2, 4)
    assert [(p.day.day, p.value, p.source) for p in value_series(g, date(2026, 11, 22))] == [
        (1, 0, "start"), (2, 1, "log"), (5, 3, "note"), (10, 4, "log")
    ]  # fmt: skip
    # =N elsewhere: the value is N that day; later changes in the file add to it.
    catalog = _goal_with("- 2026-11-02: +1\n- 2026-11-10: +1\n", 2, ("daily/2026-11-05.md", "=7"))
    [g] = catalog.goals
    assert g.current == 8
    assert value_on([(p.day, p.value) for p in value_series(g, None)], date(2026, 11, 5), 0) == 7
    # =N in the goal's own log is a recount of everything: the +2 before it is in it.
    catalog = _goal_with("- 2026-11-02: +1\n- 2026-11-10: =3\n", 3, ("daily/2026-11-05.md", "+2"))
    assert catalog.goals[0].current == 3
    # A hand-edited current (no log) still gets the check-ins from other notes.
    catalog = _goal_with("", 10, ("daily/2026-11-05.md", "+1"), ("daily/2026-11-30.md", "+5"))
    assert catalog.goals[0].current == 11  # the note dated after today does not count yet
    # No current in the file: the log gives the file's value, the other notes add to it.
    assert (
        _goal_with("- 2026-11-02: +1\n", None, ("daily/2026-11-05.md", "+1")).goals[0].current == 2
    )
    assert _goal_with("- 2026-11-02: +1\n", None).goals[0].current == 1
    assert _goal_with("", None).goals[0].current is None  # neither current nor a check-in


def test_other_notes_are_measured_against_the_file_not_git() -> None:
    # git recorded 6 on 11-03 (a value the file's log never had; current 5 is a hand
    # edit the log does not explain): the +2 on 11-05 elsewhere is an offset of 2
    # against the file's own value then (1), not an =8.
    catalog = _goal_with("- 2026-11-02: +1\n- 2026-11-10: +1\n", 5, ("daily/2026-11-05.md", "+2"))
    [g] = catalog.goals
    points = value_series(g, date(2026, 11, 22), [(date(2026, 11, 3), 6.0)])
    assert [(p.day.day, p.value, p.source) for p in points] == [
        (1, 0, "start"), (2, 1, "log"), (3, 6, "git"), (5, 8, "note"), (10, 9, "log"),
        (22, 7, "file"),
    ]  # fmt: skip
    # With no git values the file's own series is the one offsets are measured against.
    catalog = _goal_with("- 2026-11-02: +1\n- 2026-11-10: +1\n", 2, ("daily/2026-11-05.md", "+2"))
    [g] = catalog.goals
    assert [(p.day.day, p.value) for p in value_series(g, date(2026, 11, 22))] == [
        (1, 0), (2, 1), (5, 3), (10, 4)
    ]  # fmt: skip


def _points(
    log: str, current: int, today: date, recorded: list[tuple[date, float]]
) -> list[tuple[int, float, str]]:
    """The (day of month, value, source) series of a goal with ``log``, ``current`` and
    the committed values ``recorded``, as of ``today``."""
    [goal] = _goal_with(log, current).goals
    return [(p.day.day, p.value, p.source) for p in value_series(goal, today, recorded)]


def test_a_log_that_gives_current_is_the_record_commits_do_not_contradict() -> None:
    """Reported: a post logged a week late (`--date 2026-11-28`, after the commit of
    11-29 that had 1) made the series 1, 2 (11-28), 1 (11-29, git), 2: a drop that never
    happened, and the week's change in the review disagreed with its check-ins."""
    late_line = "- 2026-11-26: +1 first\n- 2026-11-28: +1 forgot\n"
    points = _points(late_line, 2, date(2026, 12, 4), [(date(2026, 11, 29), 1.0)])
    assert points == [(1, 0, "start"), (26, 1, "log"), (28, 2, "log")]
    # so does a recount (found in review: after hand edits committed on 10-20 and
    # 11-05, `=5 recounted` put all of it in the recount's week)
    commits = [(date(2026, 10, 20), 3.0), (date(2026, 11, 5), 5.0)]
    steps = _points(
        "- 2026-10-05: +1\n- 2026-11-20: =5 recounted\n", 5, date(2026, 11, 22), commits
    )
    assert (20, 3, "git") in steps
    # only before the recount: after it, the log dates its steps (found in review: a
    # recount on 11-02 brought back the dip of the late line)
    early = "- 2026-11-02: =0 recount\n" + late_line  # a recount first, then the late line
    late = _points(early, 2, date(2026, 12, 4), [(date(2026, 11, 29), 1.0)])
    assert [p[1] for p in late] == sorted(p[1] for p in late)  # no drop
    # a line for progress made before the log leaves the dating to the commits: it sets
    # the value the log gives, which the commit held already (not 4, the file's 2 after)
    carried = "- 2026-12-04: +2 made before the log\n"
    dated = _points(carried, 2, date(2026, 12, 4), [(date(2026, 11, 29), 2.0)])
    assert dated == [(1, 0, "start"), (29, 2, "git"), (4, 2, "log")]


def test_current_edited_since_the_last_commit_brings_back_no_dip_the_log_undid() -> None:
    """Reported: with `current:` edited by hand after the commits (not committed yet),
    a value committed before a backdated line was added came back as a drop (5 on
    11-24 from the log, 4 on 11-25 from git), and the edit moved to the log's last day
    when the log's commits were left out."""
    late_line = "- 2026-11-23: +1 first\n- 2026-11-24: +1 logged late\n"
    commits = [(date(2026, 11, 23), 1.0), (date(2026, 11, 25), 1.0), (date(2026, 11, 27), 2.0)]
    points = _points(late_line, 7, date(2026, 11, 30), commits)
    assert points == [(1, 0, "start"), (23, 1, "log"), (24, 2, "log"), (30, 7, "file")]
    # found in review: a line added after the last commit, summing to its value by
    # chance, made the log "give" it, and the committed hand edit of 11-05 was lost
    later = _points("- 2026-11-26: +1 call\n", 2, date(2026, 11, 30), [(date(2026, 11, 5), 1.0)])
    assert later == [(1, 0, "start"), (5, 1, "git"), (26, 2, "log")]


_DAYS = st.dates(date(2026, 1, 1), date(2026, 3, 1))


@given(
    st.lists(st.tuples(_DAYS, st.floats(-5, 5, allow_nan=False))).map(sorted),
    st.lists(_DAYS).map(sorted),
)
def test_values_on_is_value_on_of_each_day(
    points: list[tuple[date, float]], days: list[date]
) -> None:
    assert values_on(points, days, -1.0) == [value_on(points, day, -1.0) for day in days]


_NOV = st.dates(date(2026, 10, 28), date(2026, 12, 3))
_LINE = st.tuples(_NOV, st.sampled_from(["+1", "+0.5", "-1", "=3", "=0.2"]))


@given(
    st.lists(st.tuples(_LINE, st.sampled_from(["", " made before the log"])), max_size=5),
    st.one_of(st.none(), st.sampled_from([0, 1, 2, 3.5])),
    st.lists(_LINE, max_size=4),
    st.lists(st.tuples(_NOV, st.sampled_from([0.0, 1.0, 2.0, 3.5])), max_size=3).map(sorted),
    st.one_of(st.none(), _NOV),
    st.one_of(st.none(), _NOV),
    st.booleans(),
)
@example(  # the commit left out (before the recount), and `current` edited since it
    [((date(2026, 11, 2), "=1"), "")],
    5,
    [(date(2026, 11, 10), "+1")],
    [(date(2026, 11, 5), 1.0)],
    None,
    date(2026, 11, 30),
    False,
)
def test_a_series_from_what_counting_worked_out_is_the_series_worked_out_again(
    log: list[tuple[tuple[date, str], str]],
    current: float | None,
    others: list[tuple[date, str]],
    recorded: list[tuple[date, float]],
    opened: date | None,
    today: date | None,
    meetings: bool,
) -> None:
    """The review's series take the file's own values and the offsets from counting the
    goal's value (:meth:`Catalog.counted`): the same series as worked out again."""
    props = f"current: {current}\n" if current is not None else ""
    props += "metric_source: meetings\n" if meetings else ""
    lines = "".join(f"- {day}: {value}{note}\n" for (day, value), note in log)
    goal = f"---\ntype: goal\ntitle: G\nbaseline: 0\n{props}start: 2026-11-01\n---\n## Log\n"
    notes = [parse_note("goals/G.md", (goal + lines).encode())]
    notes += [
        parse_note(f"daily/{day}.md", f"progress:: [[G]] {value}\n".encode())
        for day, value in dict(others).items()
    ]
    catalog = Catalog(notes, today=today)
    [g] = catalog.goals
    counted = catalog.counted(g, today)
    assert value_series(g, today, recorded, opened, counted) == value_series(
        g, today, recorded, opened
    )


def test_without_current_the_log_gives_the_value_with_or_without_other_notes() -> None:
    log = "- 2026-11-02: +2\n- 2026-11-10: +3\n"
    assert _goal_with(log, None).goals[0].current == 5
    assert _goal_with(log, None, ("daily/2026-11-12.md", "+1")).goals[0].current == 6


def test_a_backdated_check_in_lands_in_its_place(invoke: Invoke, write: Write, vault: Path) -> None:
    """Issue: `journal log G +1 --date` before a later `=3` said `current 3 -> 4`, and then
    `journal check` reported M007.  Now current follows baseline plus the log."""
    log = "- 2026-11-10: +2 two calls\n- 2026-11-20: =3 recounted\n"
    write(GOAL, goal_text(current=3).replace("- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n", log))
    result = invoke("log", "Connect", "+1", "call", "--date", "2026-11-15")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"{GOAL}: 2026-11-15 +1 call; current 3 -> 3 (unchanged: the =3 on 2026-11-20 "
        "comes later)\n"
    )
    assert invoke("check", "--select", "M007").exit_code == 0
    result = invoke("log", "Connect", "+1", "after", "--date", "2026-11-21")
    assert result.stdout.endswith("; current 3 -> 4\n")
    assert "\ncurrent: 4\n" in (vault / GOAL).read_text()


def test_a_backdated_reset_a_later_one_overrides_says_so(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in a tryout: a backdated `=2` before a later `=3` left current at 3 and said
    nothing (`"notice": null`), where a backdated `+1` says why."""
    log = "- 2026-11-10: +2 two calls\n- 2026-11-20: =3 recounted\n"
    write(GOAL, goal_text(current=3).replace("- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n", log))
    result = invoke("log", "Connect", "=2", "recount", "--date", "2026-11-15", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    record = json.loads(result.stdout)
    assert (record["old"], record["new"]) == (3, 3)
    assert record["notice"] == "unchanged: the =3 on 2026-11-20 comes later"


def test_a_check_in_when_current_already_disagreed_warns(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    write(GOAL, goal_text(current=4))  # baseline 0 plus the log's +1 is 1, not 4
    result = invoke("log", "Connect", "+1", "--json")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert (record["old"], record["new"], record["notice"]) == (4, 5, None)
    assert "current was 4 but baseline plus the log gives 1" in record["warning"]
    result = invoke("log", "Connect", "+1")
    assert result.stdout.endswith("; current 5 -> 6\n")
    line = goal_text().splitlines().index("current: 2") + 1  # the key's line, as M007
    assert result.stderr == (
        f"{GOAL}:{line}: warning: current was 5 but baseline plus the log gives 2; +1 was "
        "applied to current (journal check reports the difference as M007)\n"
    )


def _scoreboard(text: str, title: str) -> str:
    [row] = [line for line in text.splitlines() if line.startswith(f"| [[{title}]]")]
    return row


def test_a_past_weeks_review_shows_the_values_at_its_end(
    invoke: Invoke, example_vault: Path
) -> None:
    """Issue: W45 showed today's 4 events and credited later gains to that week."""
    text = invoke("review", "--week", "2026-W45", "--stdout", root=example_vault).stdout
    assert _scoreboard(text, "Attend two HR events a month") == (
        "| [[Attend two HR events a month]] | 50% █████░░░░░ | **3** of 6 events (from 0) | +1 | "
        "on track (expected 2) · needs 1 event every 2.5 weeks |"
    )
    assert "| **2** of 16 posts (from 0) | +2 |" in _scoreboard(
        text, "Post on LinkedIn twice a week"
    )
    # The week that holds today is seen as the goals stand now.
    now = invoke("review", "--stdout", root=example_vault).stdout
    assert "| **4** of 6 events (from 0) | +1 |" in _scoreboard(now, "Attend two HR events a month")


def test_a_past_weeks_chart_agrees_with_its_scoreboard(invoke: Invoke, example_vault: Path) -> None:
    """The Mermaid chart of W45 shows each goal's progress at the week's end, as the
    scoreboard does, not today's."""
    for week, events in (("2026-W45", "50"), ("2026-W47", "67")):
        text = invoke("review", "--week", week, "--stdout", root=example_vault).stdout
        chart = dict(re.findall(r"\n    section (.+?) \((\d+) pct", text))
        board = dict(re.findall(r"\n\| \[\[(.+?)\]\] \| (\d+)% ", text))
        assert chart["Attend two HR events a month"] == events, week
        shared = chart.keys() & board.keys()
        assert len(shared) >= 6 and {k: chart[k] for k in shared} == {k: board[k] for k in shared}


def test_a_past_week_in_git_takes_committed_values_not_later_ones(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    git = Git(vault, tmp_path / "home").init()
    text = goal_text(current=0, start="2026-10-26").replace(
        "- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n", ""
    )
    write(GOAL, text)
    git.commit("Add", "2026-10-26")
    for day, value in (("2026-11-04", 1), ("2026-11-12", 4)):
        write(GOAL, text.replace("current: 0", f"current: {value}"))
        git.commit(f"current {value}", day)
    week45 = invoke("review", "--week", "2026-W45", "--stdout").stdout
    assert "| **1** of 5 conversations (from 0) | +1 | on track" in _scoreboard(
        week45, "Connect with five HR leaders"
    )
    week46 = invoke("review", "--week", "2026-W46", "--stdout").stdout
    assert "| **4** of 5 conversations (from 0) | +3 | ahead" in _scoreboard(
        week46, "Connect with five HR leaders"
    )


def test_a_plan_from_a_past_day_starts_from_the_value_then(
    invoke: Invoke, example_vault: Path
) -> None:
    text = invoke("plan", "--start", "2026-11-02", "--stdout", root=example_vault).stdout
    # Two events by 2026-11-01 (four now): the line to 6 by 2026-12-31 starts from 2.
    assert "| [[Attend two HR events a month]] | 2 | 6 events | 2026-12-31 |" in text
    assert (
        "  - goal: attend-two-hr-events-a-month\n    from: 2\n    target: 6\n"
        "    due: 2026-12-31\n    values: [2.5, 2.9, 3.4," in text
    )


def test_a_committed_hand_edit_of_current_is_a_check_in(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """Issue 7: `current 40 -> 60` committed on 2026-11-19 (no log lines) is not 52 days
    without a check-in, in the review, `journal check` (T006) and `journal status`."""
    text = (
        "---\ntype: goal\nid: words\ntitle: Write words\nmetric: words\nunit: k words\n"
        "baseline: 0\ntarget: 100\ncurrent: 40\nstart: 2026-10-01\ndue: 2027-03-31\n"
        "review_every: 1w\n---\n# Write words\n"
    )
    write("goals/Write words.md", text)

    def stale() -> tuple[bool, bool, bool]:
        review = invoke("review", "--stdout").stdout
        check = json.loads(invoke("check", "--select", "T006", "--json").stdout)
        board = json.loads(invoke("status", "--json").stdout)
        return "No check-in" in review, bool(check), bool(board["quiet"])

    assert stale() == (True, True, True)  # no repository: nothing says when it changed
    git = Git(vault, tmp_path / "home").init()
    git.commit("Add", "2026-10-01")
    write("goals/Write words.md", text.replace("current: 40", "current: 60"))
    git.commit("60k words", "2026-11-19")
    assert stale() == (False, False, False)
    # A review of an earlier week does not count the later commit.
    old = invoke("review", "--week", "2026-W46", "--stdout").stdout
    assert "- No check-in for 45 days (rhythm 1w): [[Write words]]\n" in old
    assert "T006" not in old  # named once, by the line above (not again as a finding)


def _types(value: object) -> object:
    """``value`` with each number replaced by its type's name, to compare types too."""
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__ if isinstance(value, (int, float)) else value


def test_json_prints_whole_numbers_as_ints_and_keeps_fractions(
    invoke: Invoke, write: Write, tmp_path: Path, vault: Path
) -> None:
    write(GOAL, goal_text(current=1, baseline=0.5, start="2026-11-01"))
    logged = json.loads(invoke("log", "Connect", "+1", "--json").stdout)
    assert _types({k: logged[k] for k in ("old", "new")}) == {"old": "int", "new": "int"}
    record = json.loads(invoke("log", "Connect", "--json").stdout)
    assert _types([record["current"], record["replayed"], record["baseline"]]) == [
        "int",
        "float",  # 0.5 + 1 + 1
        "float",
    ]
    assert (record["replayed"], record["baseline"]) == (2.5, 0.5)
    assert _types(record["series"]) == [
        {"date": "2026-11-01", "value": "float", "source": "start"},
        {"date": "2026-11-20", "value": "float", "source": "log"},
        {"date": "2026-11-22", "value": "int", "source": "file"},
    ]
    assert _types(record["checkins"][0]["value"]) == "float"
    git = Git(vault, tmp_path / "home").init()
    git.commit("Add", "2026-11-22")
    history = json.loads(invoke("history", "Connect", "--json").stdout)
    assert [(p["value"], type(p["value"]).__name__) for p in history["series"]] == [
        (0.5, "float"),
        (1.5, "float"),
        (2, "int"),
    ]


def test_negative_absolute_values_and_a_goal_with_nothing_to_show(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    write(GOAL, goal_text(baseline=-1, current=0))  # its values go below 0: log takes it
    result = invoke("log", "Connect", "=-2", "in", "debt")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"{GOAL}: 2026-11-22 =-2 in debt; current 0 -> -2\n"
    assert invoke("log", "Connect", "-2").stdout.endswith("; current -2 -> -4\n")
    text = (vault / GOAL).read_text()
    assert "\ncurrent: -4\n" in text and text.endswith(
        "- 2026-11-22: =-2 in debt\n- 2026-11-22: -2\n"
    )
    for bad in ("=--2", "= -2", "=-2x", "+1."):
        assert invoke("log", "Connect", bad).exit_code == 2, bad
    write("goals/Network more.md", "---\ntype: goal\ntitle: Network more\n---\n# Network more\n")
    assert invoke("log", "Network more").stdout == "Network more: no check-ins yet\n"
    write("goals/Read.md", "---\ntype: goal\ntitle: Read\ntarget: 5\nstart: 2026-11-01\n---\n")
    assert invoke("log", "Read").stdout == "Read: ? / 5\n\nno check-ins yet\n"
    # found in a tryout: a goal starting today drew a chart of one day, with no bar
    write(
        "goals/New.md",
        "---\ntype: goal\ntitle: New\ntarget: 3\ncurrent: 1\nstart: 2026-11-22\n---\n",
    )
    assert invoke("log", "New").stdout == "New: 1 / 3\n\nno check-ins yet\n"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (3.0, "3"),
        (2.5, "2.5"),
        (0.1 + 0.2, "0.3"),  # six significant digits
        (179487179487179.3, "179487179487179.3"),  # reported: "1.79487e+14/week"
        (576087000000000.5, "576087000000000.5"),
        (0.000012, "0.000012"),
        (None, "?"),
    ],
)
def test_numbers_are_never_shown_in_exponent_form(value: float | None, shown: str) -> None:
    from journal.core.formatting import number

    assert number(value) == shown


def test_a_current_that_cant_be_read_leaves_the_value_unknown(invoke: Invoke, write: Write) -> None:
    """Reported (tryout): with `current: 4,5` and a log of +1, `show` said `0 -> 1 / 10`
    and "no current in the file: 1 from the log", `status` 1/10, `list --json` current 1:
    docs/format.md says the value is unknown, never the log's sum (nor a chart of it)."""
    write(GOAL, goal_text(current="4,5", target=10))  # its log: +1 on 2026-11-20
    [listed] = json.loads(invoke("list", "--json").stdout)
    assert (listed["current"], listed["file_current"], listed["progress"]) == (None, None, None)
    assert listed["unread"] == ["current"]  # why it is null, in every goal record
    plain = invoke("--plain", "list").stdout  # (verified: it said "none logged")
    assert "Connect with five HR leaders: active, value unknown (its current can't be read)" in (
        plain.replace("\n  ", " ")
    )
    shown = invoke("show", "Connect").stdout
    assert "measure: HR leaders met: 0 -> ? / 10 conversations" in shown
    assert "from the log" not in shown
    assert "Connect with five HR leaders  ?/10 conversations" in invoke("status").stdout
    review = invoke("review", "--stdout").stdout
    assert "| [[Connect with five HR leaders]] | unknown | **?** of 10 conversations" in review
    assert json.loads(invoke("show", "Connect", "--json").stdout)["current"] is None
    logged = json.loads(invoke("log", "Connect", "--json").stdout)  # no value after a line
    assert (logged["current"], logged["series"]) == (None, [])
    assert [(c["change"], c["value"]) for c in logged["checkins"]] == [("+1", None)]
    assert invoke("log", "Connect").stdout == (
        "Connect with five HR leaders: ? / 10 conversations\n\n"
        "2026-11-20  +1  ?  Coffee with [[Dana Ortiz]]\n"
    )
