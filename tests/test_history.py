"""`journal history` and the history use cases on real git repositories."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from journal.adapters.history_cache import cache_root
from journal.adapters.vault import Vault, load_catalog
from journal.core.checkins import LogLines
from journal.core.dates import Period
from journal.core.notes import Note
from journal.core.periodic import PeriodicSettings
from journal.usecases.history import WeekInGit, goal_series, week_in_git
from journal.usecases.review import done_days, goals_then
from tests.conftest import Invoke, Write
from tests.gitutil import AUTHOR, Git, only_config_of


def goal(
    current: int,
    *,
    target: int = 5,
    due: str = "2026-12-31",
    status: str = "active",
    drafted: str = "false",
    log: tuple[str, ...] = (),
    story: str = "Why now, and who is on the list.",
    title: str = "Connect with five HR leaders",
    goal_id: str = "connect",
) -> str:
    lines = "".join(f"- {line}\n" for line in log)
    return (
        f"---\ntype: goal\nid: {goal_id}\ntitle: {title}\nstatus: {status}\n"
        f"unit: conversations\nbaseline: 0\ntarget: {target}\ncurrent: {current}\n"
        f"start: 2026-10-01\ndue: {due}\nmilestones:\n  - title: Draft list\n"
        f"    done: {drafted}\n---\n# {title}\n\n{story}\n\n## Log\n\n{lines}"
    )


#: The story's goal as it ends: renamed to "Meet HR leaders", its id and title kept.
RENAMED = {
    "id": "connect",
    "path": "goals/Meet HR leaders.md",
    "title": "Connect with five HR leaders",
}


@pytest.fixture
def git(vault: Path, tmp_path: Path) -> Git:
    return Git(vault, tmp_path / "home").init()


def history_json(invoke: Invoke, *args: str) -> dict[str, object]:
    result = invoke("history", *args, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def history_points(invoke: Invoke, ref: str) -> list[tuple[str, float]]:
    """The (date, value) points of a goal's series, as `journal history --json` gives them."""
    series = history_json(invoke, ref)["series"]
    assert isinstance(series, list)
    return [(p["date"], p["value"]) for p in series]


def summary(entries: object) -> list[tuple[object, ...]]:
    assert isinstance(entries, list)
    return [
        (e["date"], e["message"], e["path"], [ev["text"] for ev in e["events"]]) for e in entries
    ]


COFFEE = "2026-10-08: +1 Coffee with [[Dana Ortiz]]"


@pytest.fixture
def story(git: Git, write: Write) -> Git:
    """A goal's life: created, checked in, edited, goalposts moved, renamed and edited, done."""
    write("goals/Connect.md", goal(0))
    write("notes/Ideas.md", "# Ideas\n")
    git.commit("Add goal", "2026-10-01")
    write("goals/Connect.md", goal(1, log=(COFFEE,)))
    git.commit("Coffee", "2026-10-08")
    write("daily/2026-10-12.md", "progress:: [[Connect]] +1 call with Sam\n")
    write("notes/Ideas.md", "# Ideas\n\nmore\n")
    git.commit("Daily note", "2026-10-12")
    write("goals/Connect.md", goal(1, log=(COFFEE,), story="A longer story."))
    git.commit("Notes", "2026-10-15")
    write("goals/Connect.md", goal(1, target=8, drafted="2026-10-19", log=(COFFEE,)))
    git.commit("Aim higher", "2026-10-20")
    write("goals/Connect.md", goal(3, target=8, due="2027-01-31", drafted="true", log=(COFFEE,)))
    git.commit("Push", "2026-11-02")
    git("mv", "goals/Connect.md", "goals/Meet HR leaders.md")
    write(
        "goals/Meet HR leaders.md",
        goal(4, target=8, due="2027-01-31", drafted="true", log=(COFFEE,)),
    )
    write("daily/2026-10-12.md", "progress:: [[Meet HR leaders]] +1 call with Sam\n")  # as Obsidian
    git.commit("Rename", "2026-11-10")
    write(
        "goals/Meet HR leaders.md",
        goal(4, target=8, due="2027-01-31", drafted="true", status="done", log=(COFFEE,)),
    )
    git.commit("Done", "2026-11-20")
    return git


def test_a_check_ins_block_id_is_no_part_of_its_event(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """An Obsidian block id ending a log line (`^c1`) names the line for links: its
    check-in's event leaves it out, and adding one later is no new check-in."""
    write("goals/Connect.md", goal(0))
    git.commit("Add goal", "2026-10-01")
    write("goals/Connect.md", goal(1, log=(f"{COFFEE} ^c1",)))
    git.commit("Coffee", "2026-10-08")
    write("goals/Connect.md", goal(2, log=(f"{COFFEE} ^c1", "2026-10-09: +1 Call ^c2")))
    git.commit("Call", "2026-10-09")
    write("goals/Connect.md", goal(2, log=(f"{COFFEE} ^c1", "2026-10-09: +1 Call ^call")))
    git.commit("Renamed a block", "2026-10-10")
    assert summary(history_json(invoke, "connect")["entries"])[1:] == [
        ("2026-10-08", "Coffee", "goals/Connect.md",
         ["current 0 -> 1", "check-in 2026-10-08 +1 Coffee with [[Dana Ortiz]]"]),
        ("2026-10-09", "Call", "goals/Connect.md",
         ["current 1 -> 2", "check-in 2026-10-09 +1 Call"]),
        ("2026-10-10", "Renamed a block", "goals/Connect.md", []),
    ]  # fmt: skip


def test_a_goal_timeline_reads_as_meaning_across_a_rename_with_an_edit(
    story: Git, invoke: Invoke
) -> None:
    data = history_json(invoke, "connect")
    assert data["goal"] == {
        "id": "connect",
        "path": "goals/Meet HR leaders.md",
        "title": "Connect with five HR leaders",
    }
    assert summary(data["entries"]) == [
        ("2026-10-01", "Add goal", "goals/Connect.md",
         ["created (status active, current 0, target 5 conversations, due 2026-12-31)"]),
        ("2026-10-08", "Coffee", "goals/Connect.md",
         ["current 0 -> 1", "check-in 2026-10-08 +1 Coffee with [[Dana Ortiz]]"]),
        ("2026-10-15", "Notes", "goals/Connect.md", []),
        ("2026-10-20", "Aim higher", "goals/Connect.md",
         ["target 5 -> 8 (the goalposts moved)", "milestone reached: Draft list"]),
        ("2026-11-02", "Push", "goals/Connect.md",
         ["current 1 -> 3", "due 2026-12-31 -> 2027-01-31",
          "milestone done date moved: Draft list 2026-10-19 -> (none)"]),
        ("2026-11-10", "Rename", "goals/Meet HR leaders.md",
         ["moved goals/Connect.md -> goals/Meet HR leaders.md", "current 3 -> 4"]),
        ("2026-11-20", "Done", "goals/Meet HR leaders.md", ["status active -> done"]),
    ]  # fmt: skip
    entries = data["entries"]
    assert isinstance(entries, list)
    assert {e["author"] for e in entries} == {AUTHOR}
    assert entries[0]["time"] == "2026-10-01T12:00:00+01:00"
    assert [e["kind"] for e in entries[-1]["events"]] == ["completed"]
    # Committed current values, the log's check-in, and the daily note's progress::
    # field, which adds to the file's values from its day on.
    assert data["series"] == [
        {"date": "2026-10-01", "value": 0, "source": "start"},
        {"date": "2026-10-08", "value": 1, "source": "git"},
        {"date": "2026-10-12", "value": 2, "source": "note"},
        {"date": "2026-11-02", "value": 4, "source": "git"},
        {"date": "2026-11-10", "value": 5, "source": "git"},
    ]
    assert data["truncated"] is False
    assert data["notices"] == []


def test_the_text_timeline_and_since(story: Git, invoke: Invoke) -> None:
    result = invoke("history", "Meet HR leaders", "--since", "2026-11-01")
    assert result.exit_code == 0, result.output

    def short(rev: str) -> str:
        return story("rev-parse", rev).strip()[:7]

    assert result.stdout.splitlines() == [
        "Connect with five HR leaders  (goals/Meet HR leaders.md)",
        f"2026-11-02  {short('HEAD~2')}  {AUTHOR}: Push",
        "  current 1 -> 3",
        "  due 2026-12-31 -> 2027-01-31",
        "  milestone done date moved: Draft list 2026-10-19 -> (none)",  # done: true
        f"2026-11-10  {short('HEAD~1')}  {AUTHOR}: Rename",
        "  moved goals/Connect.md -> goals/Meet HR leaders.md",
        "  current 3 -> 4",
        f"2026-11-20  {short('HEAD')}  {AUTHOR}: Done",
        "  status active -> done",
        "progress:",
        "  2026-11-01       2  since",  # where it stood that day (found in a tryout)
        "  2026-11-02       4  git",
        "  2026-11-10       5  git",
    ]


def test_a_hand_edited_current_gives_a_series_and_uncommitted_edits_show(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    for day, value in (("2026-10-01", 0), ("2026-10-10", 2), ("2026-10-24", 2), ("2026-11-05", 5)):
        write("goals/Connect.md", goal(value, story=f"edited {day}"))
        git.commit(f"current {value}", day)
    write("goals/Connect.md", goal(6, story="edited today"))  # not committed
    data = history_json(invoke, "connect")
    assert data["series"] == [
        {"date": "2026-10-01", "value": 0, "source": "start"},
        {"date": "2026-10-10", "value": 2, "source": "git"},
        {"date": "2026-11-05", "value": 5, "source": "git"},
        {"date": "2026-11-22", "value": 6, "source": "file"},
    ]
    entries = data["entries"]
    assert isinstance(entries, list)
    assert entries[-1]["uncommitted"] is True
    assert entries[-1]["commit"] is None
    assert [e["text"] for e in entries[-1]["events"]] == ["current 5 -> 6"]
    # The use case other commands call gives the same series.
    catalog = load_catalog(Vault.open(vault))
    series = goal_series(Vault.open(vault), catalog.find_goal("connect"), date(2026, 11, 22))
    assert series.from_git and not series.truncated
    assert [(p.day.isoformat(), p.value) for p in series.points] == [
        ("2026-10-01", 0), ("2026-10-10", 2), ("2026-11-05", 5), ("2026-11-22", 6)
    ]  # fmt: skip


@pytest.mark.parametrize("main_edits_the_goal", [True, False])
def test_a_merged_branchs_values_count_from_its_merge(
    git: Git, write: Write, invoke: Invoke, main_edits_the_goal: bool
) -> None:
    """Reported: a branch that set `current: 2` on 11-12, merged on 11-14 after a commit
    of main on 11-13 that left the goal at 0, gave the series 0, 2, 0, 2 - a drop that
    never was.  The branch's value counts from its merge, also when main never touched
    the goal (the merge then records no change of it: its value is the branch's)."""
    write("goals/Connect.md", goal(0, story="start"))
    git.commit("start", "2026-11-01")
    git("checkout", "-q", "-b", "side")
    write("goals/Connect.md", goal(2, story="start"))
    git.commit("side: 2", "2026-11-12")
    git("checkout", "-q", "main")
    if main_edits_the_goal:
        write("goals/Connect.md", goal(0, story="main edited"))
    else:
        write("notes/other.md", "# Other\n")
    git.commit("main", "2026-11-13")
    stamp = "2026-11-14T12:00:00+01:00"
    git("merge", "-q", "--no-ff", "--no-edit", "-X", "theirs", "side",
        env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})  # fmt: skip
    points = history_points(invoke, "connect")
    assert ("2026-11-14", 2) in points and points[-1] == ("2026-11-14", 2)
    assert [value for _day, value in points] == sorted(value for _day, value in points)


def test_commits_of_one_second_count_in_order_and_none_after_today(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Three `--commit` runs within one second: the last commit's value is that day's
    (the first one's was); a commit dated after today (JOURNAL_TODAY) is not a point."""
    write("goals/Connect.md", goal(0))
    git.commit("start", "2026-10-01")
    for value in (3, 4, 5):
        write("goals/Connect.md", goal(value, story=f"at {value}"))
        git.commit(f"current {value}", "2026-11-10")
    write("goals/Connect.md", goal(7, story="later"))
    git.commit("from the future", "2026-11-30")
    assert history_json(invoke, "connect")["series"] == [
        {"date": "2026-10-01", "value": 0, "source": "start"},
        {"date": "2026-11-10", "value": 5, "source": "git"},
        {"date": "2026-11-22", "value": 7, "source": "file"},
    ]


def _change_this_week(
    invoke: Invoke,
    monkeypatch: pytest.MonkeyPatch,
    today: str,
    link: str = "Connect",
    week: str | None = None,
) -> str:
    """The review's "this week" cell of the only goal, with ``today`` as today (of the
    ISO ``week``, when given)."""
    monkeypatch.setenv("JOURNAL_TODAY", today)
    result = invoke("review", "--stdout", *(["--week", week] if week else []))
    assert result.exit_code == 0, result.stderr
    [row] = [line for line in result.stdout.splitlines() if line.startswith(f"| [[{link}]] |")]
    return row.split(" | ")[3]


def test_a_value_nothing_dates_is_no_weeks_progress_without_git(
    write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`current: 2` written by hand, no log, no git: no week's review counts +2 (every
    week's did, as the value was taken to be today's)."""
    write("goals/Connect.md", goal(2))
    for today in ("2026-11-22", "2026-11-29", "2027-01-03"):
        assert _change_this_week(invoke, monkeypatch, today) == "none"


def test_a_log_line_added_without_current_is_no_weekly_drop(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log line added by hand, `current` left as it was (M007), committed: the weeks
    after it show no -1 (the file's value, which wins, was taken to be today's)."""
    write("goals/Connect.md", goal(1, log=(COFFEE,)))
    git.commit("Coffee", "2026-10-08")
    write("goals/Connect.md", goal(1, log=(COFFEE, "2026-10-20: +1 call with Sam")))
    git.commit("Call", "2026-10-21")
    for today in ("2026-11-22", "2026-12-06", "2027-01-03"):
        assert _change_this_week(invoke, monkeypatch, today) == "none"
    # the log line's own week: the file, which wins, still says 1, and the cell says
    # what the week's check-ins listed below it add up to (M007 tells why)
    assert _change_this_week(invoke, monkeypatch, "2026-10-21") == (
        "no change (+1 logged, see M007)"
    )


def test_a_commit_that_left_current_alone_still_dates_its_value(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """A log line added by hand, `current` left at 3 and committed, then `journal log`
    (+1, backdated): the value never reads 5, which the file never held."""
    write("goals/Connect.md", goal(3, log=("2026-09-29: +3 modules",)))
    git.commit("three", "2026-09-29")
    two = ("2026-09-29: +3 modules", "2026-10-08: +1 module 4")
    write("goals/Connect.md", goal(3, log=two))  # by hand: current stays 3
    git.commit("a line by hand", "2026-10-11")
    write("goals/Connect.md", goal(4, log=(*two, "2026-10-15: +1 module 5")))
    git.commit("journal log --date 2026-10-15", "2026-10-20")
    assert history_points(invoke, "connect") == [
        ("2026-09-29", 3),
        ("2026-10-08", 4),
        ("2026-10-11", 3),
        ("2026-10-15", 4),
    ]  # never 5, which the file never held; 10-20's commit holds 4, as the day before


def _series(vault: Path, ref: str, today: date = date(2026, 11, 22)) -> list[tuple[str, float]]:
    catalog = load_catalog(Vault.open(vault), today)
    points = goal_series(Vault.open(vault), catalog.find_goal(ref), today).points
    return [(p.day.isoformat(), p.value) for p in points]


def test_what_dates_a_value_nothing_else_dates(vault: Path, write: Write) -> None:
    """`current` dated to the goal's start when nothing else dates it (no git, no log),
    the start point kept; to the last check-in of its own with a value dated after today
    (which it counts: the days before have their check-ins' values, and the line is not
    counted twice, as 8); today when check-ins in other notes measure against it."""
    write("goals/Connect.md", goal(0))
    assert _series(vault, "connect") == [("2026-10-01", 0)]  # the start: baseline, kept
    write("goals/Connect.md", goal(4))
    assert _series(vault, "connect") == [("2026-10-01", 4)]
    ahead = ("2026-11-10: +2 two calls", "2026-11-25: +3 typed a day ahead")
    write("goals/Connect.md", goal(5, log=ahead))
    assert _series(vault, "connect") == [
        ("2026-10-01", 0),
        ("2026-11-10", 2),
    ]  # fmt: skip: the 11-25 line is T009's, after today: no point
    write("goals/Connect.md", goal(5))
    write("daily/2026-10-20.md", "progress:: [[Connect]] =3 recounted\n")
    assert _series(vault, "connect") == [
        ("2026-10-01", 0), ("2026-10-20", 3), ("2026-11-22", 8)
    ]  # fmt: skip
    assert load_catalog(Vault.open(vault), date(2026, 11, 22)).find_goal("connect").current == 8


def test_in_a_repository_the_committed_values_win_over_the_log(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """A commit that left `current` alone on 10-07, then `journal log +2 --date
    2026-10-07` committed on 10-13: the +2 shows from 10-13, when the file said so.  A
    line added by hand without `current`, committed with it: no rise, and no drop at
    the next commit."""
    write("goals/Connect.md", goal(0))
    git.commit("start", "2026-10-05")
    write("goals/Connect.md", goal(0, story="A longer story."))
    git.commit("words", "2026-10-07")
    write("goals/Connect.md", goal(2, story="A longer story.", log=("2026-10-07: +2 calls",)))
    git.commit("journal log --date 2026-10-07", "2026-10-13")
    write(
        "goals/Connect.md",
        goal(2, story="Words.", log=("2026-10-07: +2 calls", "2026-10-15: +1 a")),
    )
    git.commit("a line by hand, current left at 2", "2026-10-15")
    write(
        "goals/Connect.md",
        goal(2, story="More words.", log=("2026-10-07: +2 calls", "2026-10-15: +1 a")),
    )
    git.commit("text only", "2026-10-20")
    assert history_points(invoke, "connect") == [
        ("2026-10-01", 0),
        ("2026-10-07", 0),
        ("2026-10-13", 2),
        ("2026-10-15", 2),
    ]  # a commit's day with a check-in keeps its point


def test_an_undated_current_is_no_weeks_progress_beside_plus_check_ins_elsewhere(
    write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`current: 2` by hand, no git, and a `+1` in a daily note: the +1 is its week's
    progress, the 2 none's (an `=N` elsewhere would measure against today's file)."""
    write("goals/Connect.md", goal(2))
    write("daily/2026-11-10.md", "progress:: [[Connect]] +1 lunch\n")
    for today in ("2026-11-22", "2026-11-29"):
        assert _change_this_week(invoke, monkeypatch, today) == "none"
    assert _change_this_week(invoke, monkeypatch, "2026-11-10") == "+1"


def test_a_review_reads_the_history_once_and_each_command_again(
    story: Git, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A past week's review asks for the history three times (its series, the week in
    git, the goals then): one read of the cache and one walk serve all three."""
    from journal.usecases import history as history_module

    reads: list[object] = []
    real = history_module.history_cache.load

    def counted(*args: object) -> object:
        reads.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(history_module.history_cache, "load", counted)
    assert invoke("review", "--week", "2026-W43").exit_code == 0
    assert len(reads) == 1
    assert invoke("history", "connect").exit_code == 0  # another command reads anew
    assert len(reads) == 2


def test_vault_history_is_newest_first_with_since_and_limit(
    story: Git, invoke: Invoke, write: Write
) -> None:
    write("goals/Other.md", goal(0, title="Learn SQL", goal_id="sql"))
    story.commit("Another goal", "2026-11-21")
    result = invoke("history", "--limit", "3")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith(f"{AUTHOR}: Another goal") and lines[0].startswith("2026-11-21")
    assert (
        lines[1]
        == "  Learn SQL: created (status active, current 0, target 5 conversations, due 2026-12-31)"
    )
    assert lines[3] == "  Connect with five HR leaders: status active -> done"
    assert lines[5:8] == [  # several events of a goal in a commit: one per line
        "  Connect with five HR leaders:",
        "    moved goals/Connect.md -> goals/Meet HR leaders.md",
        "    current 3 -> 4",
    ]
    all_changes = len(history_json(invoke, "--limit", "0")["entries"])  # type: ignore[arg-type]
    assert lines[8] == f"... {all_changes - 3} older goal changes (--limit 0 shows all)"
    assert len(lines) == 9
    assert history_json(invoke, "--limit", "3")["more"] == all_changes - 3
    assert "older goal change" not in invoke("history", "--limit", "0").stdout
    data = history_json(invoke, "--since", "2026-11-10")
    assert data["more"] == 0
    assert [(e["date"], e["goal"]["id"]) for e in data["entries"]] == [  # type: ignore[attr-defined]
        ("2026-11-21", "sql"), ("2026-11-20", "connect"), ("2026-11-10", "connect")
    ]  # fmt: skip
    assert data["repository"]["branch"] == "main"  # type: ignore[index]
    later = invoke("history", "--since", "2026-12-01")
    assert (later.stdout, later.stderr) == (
        "",
        "journal: no goal changes in the git history since 2026-12-01\n",
    )
    goal_later = invoke("history", "sql", "--since", "2026-12-01").stdout.splitlines()
    assert goal_later[:2] == ["Learn SQL  (goals/Other.md)", "  no changes since 2026-12-01"]
    assert goal_later[2:] == ["progress:", "  2026-12-01       0  since"]


def test_history_leaves_out_template_and_excluded_folders(
    git: Git, invoke: Invoke, write: Write
) -> None:
    """The notes history follows are the ones the vault reads: not a template goal in
    Obsidian's template folder, nor one in a folder of ``[vault] exclude`` (a change of
    which takes effect over the cached history)."""
    write(".obsidian/templates.json", '{"folder": "Templates"}')
    write("Templates/Goal.md", goal(0, title="'{{title}}'", goal_id="template"))
    write("Archive/Old.md", goal(0, title="Old goal", goal_id="old"))
    write("goals/Connect.md", goal(0))
    git.commit("Start", "2026-11-01")

    def goals_in_history() -> list[object]:
        entries = history_json(invoke)["entries"]
        assert isinstance(entries, list)
        return sorted(e["goal"]["id"] for e in entries)

    assert goals_in_history() == ["connect", "old"]
    assert "no goal called" in invoke("history", "template").stderr
    write(".journal/config.toml", '[vault]\nexclude = ["Archive"]\n')
    assert goals_in_history() == ["connect"]


CREATED = "created (status active, current 0, target 5 conversations, due 2026-12-31)"


def test_week_in_git_for_the_weekly_review(story: Git, vault: Path, write: Write) -> None:
    write("goals/Other.md", goal(0, title="Learn SQL", goal_id="sql"))
    write("goals/Old.md", goal(0, title="Old plan", goal_id="old"))
    story.commit("Two goals", "2026-11-16")
    write("goals/Old.md", goal(0, title="Old plan", goal_id="old", status="dropped"))
    write("goals/Other.md", goal(1, title="Learn SQL", goal_id="sql"))
    story.commit("Drop one", "2026-11-18")
    week = week_in_git(
        Vault.open(vault), Period(date(2026, 11, 16), date(2026, 11, 22)), date(2026, 11, 22)
    )
    assert week is not None
    assert week.to_dict() == {
        "start": "2026-11-16",
        "end": "2026-11-22",
        "truncated": False,
        "misdated": [],
        "created": [
            {"id": "sql", "title": "Learn SQL", "path": "goals/Other.md",
             "events": [CREATED, "current 0 -> 1"]},
        ],
        "completed": [
            {"id": "connect", "title": "Connect with five HR leaders",
             "path": "goals/Meet HR leaders.md", "events": ["status active -> done"]},
        ],
        "dropped": [
            {"id": "old", "title": "Old plan", "path": "goals/Old.md",
             "events": [CREATED, "status active -> dropped"]},
        ],
        "deleted": [],
        "changed": [],
    }  # fmt: skip


def test_without_a_repository(vault: Path, write: Write, invoke: Invoke) -> None:
    write("goals/Connect.md", goal(2, log=(COFFEE,)))
    result = invoke("history", "connect")
    assert result.exit_code == 1
    assert "not in a git repository" in result.stderr
    assert "Traceback" not in result.output
    assert invoke("history").exit_code == 1
    assert (
        week_in_git(
            Vault.open(vault), Period(date(2026, 11, 16), date(2026, 11, 22)), date(2026, 11, 22)
        )
        is None
    )
    goal_ = load_catalog(Vault.open(vault)).find_goal("connect")
    series = goal_series(Vault.open(vault), goal_, date(2026, 11, 22))
    assert not series.from_git
    assert [(p.day.isoformat(), p.value, p.source) for p in series.points] == [
        ("2026-10-01", 0, "start"),
        ("2026-10-08", 2, "file"),
    ]  # fmt: skip: the +1 no log line dates counts from the last dated day, not today


def test_no_commits_yet_and_an_untracked_goal(git: Git, write: Write, invoke: Invoke) -> None:
    write("goals/Connect.md", goal(0))
    result = invoke("history", "connect")
    assert result.exit_code == 0, result.output
    assert "the repository has no commits yet" in result.stderr
    assert "not committed yet\n  created (" in result.stdout
    nothing = invoke("history")
    assert (nothing.exit_code, nothing.stdout) == (0, "")
    assert nothing.stderr.endswith("journal: no goal changes in the git history\n")
    write("notes/a.md", "# a\n")
    git.commit("First", "2026-11-01", "notes/a.md")
    result = invoke("history", "connect")
    assert "no history yet: goals/Connect.md is in no commit" in result.stderr
    assert result.exit_code == 0


def test_detached_head_reads_history_from_there(story: Git, invoke: Invoke) -> None:
    story("checkout", "-q", "--detach", "HEAD~1")
    result = invoke("history", "connect", "--json")
    assert result.exit_code == 0, result.output
    head = story("rev-parse", "HEAD").strip()
    assert f"HEAD is detached at {head[:7]}" in result.stderr
    data = json.loads(result.stdout)
    assert data["repository"]["detached"] is True
    assert data["repository"]["branch"] is None
    assert [e["message"] for e in data["entries"]][-1] == "Rename"


def test_a_shallow_clone_marks_history_truncated(
    story: Git, tmp_path: Path, invoke: Invoke
) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{story.root}", str(clone)],
        check=True,
        env=story.env,
    )
    result = invoke("history", "connect", "--json", root=clone)
    assert result.exit_code == 0, result.output
    assert "shallow clone" in result.stderr
    data = json.loads(result.stdout)
    assert data["truncated"] is True
    assert summary(data["entries"]) == [
        ("2026-11-10", "Rename", "goals/Meet HR leaders.md",
         ["first seen (status active, current 4, target 8 conversations, due 2027-01-31)"]),
        ("2026-11-20", "Done", "goals/Meet HR leaders.md", ["status active -> done"]),
    ]  # fmt: skip
    # its value at the cut is where it stood then, dated as without git (its last
    # check-in), not progress of the cut's day: 2 -> 5 on 2026-11-10
    assert [(p["date"], p["value"]) for p in data["series"]] == [
        ("2026-10-01", 0),
        ("2026-10-08", 4),
        ("2026-10-12", 5),  # the daily note's +1
    ]
    # Vault-wide, goals merely first seen at the cut are not "created".
    result = invoke("history", "--json", root=clone)
    assert [e["message"] for e in json.loads(result.stdout)["entries"]] == ["Done"]


def test_a_vault_inside_a_larger_repository(tmp_path: Path, invoke: Invoke) -> None:
    big = Git(tmp_path / "big", tmp_path / "home").init()
    root = big.root / "life" / "career vault"
    (root / ".journal").mkdir(parents=True)
    (root / "goals").mkdir()
    (big.root / "README.md").write_text("# my life\n")
    (big.root / "other.md").write_text(goal(9, goal_id="not-in-vault"))
    (root / "goals" / "Connect.md").write_text(goal(0))
    big.commit("Start", "2026-10-01")
    (root / "goals" / "Connect.md").write_text(goal(2))
    (big.root / "other.md").write_text(goal(10, goal_id="not-in-vault"))
    big.commit("Progress", "2026-10-05")
    result = invoke("history", "--json", root=root)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["repository"]["vault_folder"] == "life/career vault"
    assert [(e["goal"]["path"], e["message"]) for e in data["entries"]] == [
        ("goals/Connect.md", "Progress"),
        ("goals/Connect.md", "Start"),
    ]


def test_a_vault_whose_folder_moved_in_its_repository_keeps_its_history(
    tmp_path: Path, invoke: Invoke
) -> None:
    """Found in testing: moving the vault's folder started its history at the move, every
    goal `created` there (and in the review's This week in git).  Followed here from
    the repository's root into career/ (with an edit), then to notes/career/."""
    repo = Git(tmp_path / "repo", tmp_path / "home").init()
    (repo.root / "goals").mkdir()
    (repo.root / "goals/Connect.md").write_text(goal(0))
    (repo.root / "goals/Old.md").write_text(goal(0, title="Old plan", goal_id="old"))
    repo.commit("Start", "2026-10-01")
    (repo.root / "goals/Connect.md").write_text(goal(1))
    (repo.root / "goals/Old.md").unlink()
    repo.commit("Coffee", "2026-10-08")
    (repo.root / "career/.journal").mkdir(parents=True)
    (repo.root / "goals").rename(repo.root / "career/goals")
    (repo.root / "career/goals/Connect.md").write_text(goal(2))
    repo.commit("Into career/", "2026-11-16")
    (repo.root / "notes").mkdir()
    repo("mv", "career", "notes/career")
    repo.commit("Under notes/", "2026-11-17")
    vault = repo.root / "notes/career"
    (vault / "goals/Connect.md").write_text(goal(3))
    repo.commit("Call", "2026-11-18")
    created = "created (status active, current 0, target 5 conversations, due 2026-12-31)"
    for _run in ("from git", "from the cache"):
        result = invoke("history", "connect", "--json", root=vault)
        assert summary(json.loads(result.stdout)["entries"]) == [
            ("2026-10-01", "Start", "goals/Connect.md", [created]),
            ("2026-10-08", "Coffee", "goals/Connect.md", ["current 0 -> 1"]),
            ("2026-11-16", "Into career/", "goals/Connect.md", ["current 1 -> 2"]),
            ("2026-11-18", "Call", "goals/Connect.md", ["current 2 -> 3"]),
        ]
        entries = json.loads(invoke("history", "--json", root=vault).stdout)["entries"]
        assert [(e["message"], e["goal"]["id"]) for e in entries] == [
            ("Call", "connect"),
            ("Into career/", "connect"),
            ("Coffee", "connect"),
            ("Coffee", "old"),
            ("Start", "connect"),
            ("Start", "old"),
        ]
        old = invoke("history", "old", "--json", root=vault)  # its last version: in the root
        assert [e["message"] for e in json.loads(old.stdout)["entries"]] == ["Start", "Coffee"]
    week = week_in_git(
        Vault.open(vault), Period(date(2026, 11, 16), date(2026, 11, 22)), date(2026, 11, 22)
    )
    assert week is not None
    assert (week.created, [(g.id, [e.text for e in g.events]) for g in week.changed]) == (
        [],
        [("connect", ["current 1 -> 2", "current 2 -> 3"])],
    )


def test_a_branch_that_edited_the_vault_where_it_was_before_a_move_is_followed_there(
    tmp_path: Path, invoke: Invoke
) -> None:
    """Each parent of a merge has the vault's folder of its own: a branch made before the
    vault moved edits it in the old folder, and the merge brings that edit in."""
    repo = Git(tmp_path / "repo", tmp_path / "home").init()
    (repo.root / "career/goals").mkdir(parents=True)
    (repo.root / "career/goals/Connect.md").write_text(goal(0))
    (repo.root / "career/goals/Other.md").write_text(goal(0, title="Learn SQL", goal_id="sql"))
    repo.commit("Start", "2026-10-01")
    repo("checkout", "-q", "-b", "side")
    (repo.root / "career/goals/Connect.md").write_text(goal(1))
    repo.commit("Coffee", "2026-10-02")
    repo("checkout", "-q", "main")
    repo("mv", "career", "vault")
    repo.commit("Rename the folder", "2026-10-03")
    stamp = "2026-10-04T12:00:00+01:00"
    repo("merge", "-q", "--no-ff", "-m", "Merge side", "side",
         env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})  # fmt: skip
    entries = json.loads(invoke("history", "--json", root=repo.root / "vault").stdout)["entries"]
    assert [(e["message"], e["goal"]["id"], [v["text"] for v in e["events"]]) for e in entries] == [
        ("Coffee", "connect", ["current 0 -> 1"]),
        ("Start", "connect", [CREATED]),
        ("Start", "sql", [CREATED]),
    ]


def test_non_ascii_and_space_paths(git: Git, write: Write, invoke: Invoke) -> None:
    write("goals/Zoë's plan ü.md", goal(1, goal_id="zoe", title="Zoë's plan"))
    git.commit("Zoë", "2026-10-01")
    git("mv", "goals/Zoë's plan ü.md", "goals/Ärger über Ziele.md")
    write("goals/Ärger über Ziele.md", goal(2, goal_id="zoe", title="Zoë's plan"))
    git.commit("Umbenannt", "2026-10-02")
    data = history_json(invoke, "Zoë")
    assert summary(data["entries"])[-1] == (
        "2026-10-02", "Umbenannt", "goals/Ärger über Ziele.md",
        ["moved goals/Zoë's plan ü.md -> goals/Ärger über Ziele.md", "current 1 -> 2"],
    )  # fmt: skip


def test_a_goal_without_id_is_followed_by_similarity(
    git: Git, write: Write, invoke: Invoke
) -> None:
    story = "\n".join(f"Line {i} of why this goal matters to me." for i in range(15))
    text = "---\ntype: goal\ntitle: Read more\ncurrent: {n}\n---\n" + story + "\n"
    write("goals/Read.md", text.format(n=1))
    git.commit("Read", "2026-10-01")
    git("mv", "goals/Read.md", "goals/Reading.md")
    write("goals/Reading.md", text.format(n=2))
    git.commit("Rename and edit", "2026-10-02")
    data = history_json(invoke, "Read more")
    assert summary(data["entries"]) == [
        ("2026-10-01", "Read", "goals/Read.md", ["created (status active, current 1)"]),
        ("2026-10-02", "Rename and edit", "goals/Reading.md",
         ["moved goals/Read.md -> goals/Reading.md", "current 1 -> 2"]),
    ]  # fmt: skip


def test_a_merge_lists_only_what_it_changed_itself(git: Git, write: Write, invoke: Invoke) -> None:
    write("goals/Connect.md", goal(0))
    write("goals/Other.md", goal(0, title="Learn SQL", goal_id="sql"))
    git.commit("Start", "2026-10-01")
    git("checkout", "-q", "-b", "side")
    write("goals/Other.md", goal(1, title="Learn SQL", goal_id="sql"))
    git.commit("Side work", "2026-10-02")
    git("checkout", "-q", "main")
    write("goals/Connect.md", goal(1))
    git.commit("Main work", "2026-10-03")
    stamp = "2026-10-04T12:00:00+01:00"
    git("merge", "-q", "--no-ff", "-m", "Merge side", "side",
        env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})  # fmt: skip
    data = history_json(invoke, "--limit", "0")
    assert [(e["message"], e["goal"]["id"]) for e in data["entries"]] == [  # type: ignore[attr-defined]
        ("Main work", "connect"), ("Side work", "sql"), ("Start", "connect"), ("Start", "sql")
    ]  # fmt: skip


def merge_of_two_branches(
    git: Git,
    write: Write,
    start: str,
    side: tuple[str, str, str],
    main: tuple[str, str, str],
    merged_on: str,
) -> None:
    """goals/Connect.md as ``start`` (committed on 10-01), then a branch ``side`` and one
    on main, each (message, day, text), merged with ``--no-ff`` on ``merged_on``."""
    write("goals/Connect.md", start)
    git.commit("Start", "2026-10-01")
    git("checkout", "-q", "-b", "side")
    write("goals/Connect.md", side[2])
    git.commit(side[0], side[1])
    git("checkout", "-q", "main")
    write("goals/Connect.md", main[2])
    git.commit(main[0], main[1])
    stamp = f"{merged_on}T12:00:00+01:00"
    git("merge", "-q", "--no-ff", "-m", "Merge side", "side",
        env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})  # fmt: skip


def test_a_merge_of_two_edits_of_one_goal_repeats_neither(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: the side branch moved the target, main the due day; the merge commit
    (which differs from both parents) said `target 5 -> 8` again, in `history` and in
    the review's "This week in git". A merge that resolves a conflict its own way keeps
    what no parent had."""
    merge_of_two_branches(
        git,
        write,
        goal(0),
        ("Side target", "2026-10-02", goal(0, target=8)),
        ("Main due", "2026-10-03", goal(0, due="2027-01-15")),
        "2026-10-04",
    )
    merged = (git.root / "goals/Connect.md").read_text()
    assert "\ntarget: 8\n" in merged and "\ndue: 2027-01-15\n" in merged  # both edits
    entries = history_json(invoke, "connect")["entries"]
    assert [(e["message"], [ev["text"] for ev in e["events"]]) for e in entries][1:] == [  # type: ignore[attr-defined]
        ("Side target", ["target 5 -> 8 (the goalposts moved)"]),
        ("Main due", ["due 2026-12-31 -> 2027-01-15"]),
    ]  # fmt: skip
    git("checkout", "-q", "-b", "other", "HEAD~1")  # then a merge that resolves its own way
    write("goals/Connect.md", goal(0, target=7, due="2027-01-15"))
    git.commit("Other target", "2026-10-05")
    git("checkout", "-q", "main")
    done = subprocess.run(
        ["git", "-C", str(git.root), "merge", "-q", "--no-ff", "-m", "Merge other", "other"],
        env=git.env, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode != 0  # a conflict on the target line
    write("goals/Connect.md", goal(0, target=10, due="2027-01-15"))
    git.commit("Merge other", "2026-10-06")
    last = history_json(invoke, "connect")["entries"][-1]  # type: ignore[index]
    assert (last["message"], [ev["text"] for ev in last["events"]]) == (
        "Merge other",
        ["target 8 -> 10 (the goalposts moved)"],
    )


def merge_conflict(
    git: Git,
    write: Write,
    start: str,
    theirs: str,
    ours: str,
    days: tuple[str, str] = ("2026-11-17", "2026-11-18"),
) -> None:
    """goals/Connect.md as ``start`` (committed on 10-08), ``theirs`` on a branch
    `conflict-br` ("Theirs", on the first of ``days``), ``ours`` on main ("Ours", on the
    second), and the branch merged with a conflict left to resolve."""
    write("goals/Connect.md", start)
    git.commit("Start", "2026-10-08")
    git("checkout", "-q", "-b", "conflict-br")
    write("goals/Connect.md", theirs)
    git.commit("Theirs", days[0])
    git("checkout", "-q", "main")
    write("goals/Connect.md", ours)
    git.commit("Ours", days[1])
    merge_again(git)


def merge_again(git: Git) -> None:
    """Merge `conflict-br`, which conflicts."""
    merging = ["git", "-C", str(git.root), "merge", "-q", "conflict-br"]
    assert subprocess.run(merging, env=git.env, capture_output=True).returncode != 0


def test_a_conflict_resolved_the_branchs_way_ends_the_timeline_on_the_files_values(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: target 10 on main, 12 on a branch, 9 on main, the conflict resolved with
    `git checkout --theirs` (12): the timeline ended on main's `target 10 -> 9` and did
    not list the merge, while the file said 12.  The merge tells what it changed against
    its first parent and where it came from: in the goal's timeline, the vault's, their
    JSON and the week in git; from the cache too."""
    merge_conflict(git, write, goal(0, target=10), goal(0, target=12), goal(0, target=9))
    git("checkout", "--theirs", "goals/Connect.md")
    git.commit("Merge branch 'conflict-br'", "2026-11-19")
    assert "\ntarget: 12\n" in (git.root / "goals/Connect.md").read_text()
    merged = "target 9 -> 12 (the goalposts moved; from the merged branch conflict-br)"
    before = [("Theirs", "target 10 -> 12"), ("Ours", "target 10 -> 9")]
    _told_at_the_merge(git, invoke, before, merged, (9, 12), "target 10 -> 12")


def _told_at_the_merge(
    git: Git,
    invoke: Invoke,
    before: list[tuple[str, str]],
    told: str,
    values: tuple[int, int],
    week: str,
) -> None:
    """The goal's target events, ``before`` (commit, text) then the merge's ``told``
    (its ``values``, old and new), in the goal's timeline (cold and from the cache), in
    the vault's and their JSON; ``week``: the week in git's line."""
    for _run in ("cold", "warm"):
        data = history_json(invoke, "connect")
        texts = [(e["message"], [ev["text"] for ev in e["events"]]) for e in data["entries"]]  # type: ignore[attr-defined]
        assert texts[1:] == [
            *((message, [f"{text} (the goalposts moved)"]) for message, text in before),
            ("Merge branch 'conflict-br'", [told]),
        ]
        last = data["entries"][-1]["events"][-1]  # type: ignore[index]
        assert (last["kind"], last["old"], last["new"]) == ("target", *values)
    vault_wide = history_json(invoke)["entries"][0]  # type: ignore[index]
    assert (vault_wide["message"], [e["text"] for e in vault_wide["events"]]) == (
        "Merge branch 'conflict-br'",
        [told],
    )
    assert "  Connect with five HR leaders: " + told in invoke("history").stdout
    line = f"- Changed: [[Connect]]: {week} (the goalposts moved)"
    assert _week_in_git(invoke, git.root) == line


def test_a_merge_tells_a_value_it_took_only_where_the_first_parents_line_changed_it(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """A merge whose message names no branch says `merged`, and the series ends on the
    merge's value."""
    merge_conflict(git, write, goal(0), goal(3), goal(2))
    git("checkout", "--theirs", "goals/Connect.md")
    git.commit("Merge the laptop's work", "2026-11-19")
    last = history_json(invoke, "connect")["entries"][-1]  # type: ignore[index]
    assert (last["message"], [e["text"] for e in last["events"]]) == (
        "Merge the laptop's work",
        ["current 2 -> 3 (merged)"],
    )
    assert history_points(invoke, "connect")[-1] == ("2026-11-19", 3)


def test_a_conflict_resolved_your_way_ends_the_timeline_on_the_files_values(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: target 10, 9 on main (11-17), 12 on a branch (11-18), the conflict
    resolved with `git checkout --ours` (9): the timeline, by date, ended on the branch's
    `target 10 -> 12` while the file said 9.  The merge tells what it kept over the
    branch, against the branch's value: in the goal's timeline, the vault's, their JSON
    and the week in git; from the cache too."""
    days = ("2026-11-18", "2026-11-17")
    merge_conflict(git, write, goal(0, target=10), goal(0, target=12), goal(0, target=9), days)
    git("checkout", "--ours", "goals/Connect.md")
    git.commit("Merge branch 'conflict-br'", "2026-11-19")
    assert "\ntarget: 9\n" in (git.root / "goals/Connect.md").read_text()
    kept = "target 12 -> 9 (kept over the merged branch conflict-br)"
    before = [("Ours", "target 10 -> 9"), ("Theirs", "target 10 -> 12")]
    _told_at_the_merge(git, invoke, before, kept, (12, 9), "target 10 -> 9")


def test_a_conflict_resolved_your_way_shows_no_rise_and_drop_in_the_series(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: `current` 3 on a branch (11-17), 2 on main (11-18), the conflict resolved
    with `git checkout --ours` (2) on 11-19: the series went 2, then 3 on the merge's day
    (the branch's value, counted from its merge), then 2 - a rise and a drop main never
    had.  From the merge on the value is the merge's, and the merge tells the value it
    kept (`kept over the merged branch`: its message names no branch)."""
    merge_conflict(git, write, goal(0), goal(3), goal(2))
    git("checkout", "--ours", "goals/Connect.md")
    git.commit("Merge the laptop's work", "2026-11-19")
    assert [value for _day, value in history_points(invoke, "connect")] == [0, 2]
    last = history_json(invoke, "connect")["entries"][-1]  # type: ignore[index]
    assert (last["message"], [e["text"] for e in last["events"]]) == (
        "Merge the laptop's work",
        ["current 3 -> 2 (kept over the merged branch)"],
    )


def test_a_merge_that_took_the_branchs_due_day_and_kept_your_target_tells_the_target(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """A conflict resolved by hand, your target kept and the branch's due day taken (which
    only the branch changed): the merge tells the target it kept, not the due day."""
    days = ("2026-11-18", "2026-11-17")
    theirs = goal(0, target=12, due="2027-01-15")
    merge_conflict(git, write, goal(0, target=10), theirs, goal(0, target=9), days)
    write("goals/Connect.md", goal(0, target=9, due="2027-01-15"))
    git.commit("Merge branch 'conflict-br'", "2026-11-19")
    last = history_json(invoke, "connect")["entries"][-1]  # type: ignore[index]
    assert (last["message"], [e["text"] for e in last["events"]]) == (
        "Merge branch 'conflict-br'",
        ["target 12 -> 9 (kept over the merged branch conflict-br)"],
    )


def test_the_cache_lives_outside_the_vault_and_is_used(
    story: Git, invoke: Invoke, vault: Path
) -> None:
    first = history_json(invoke, "connect")
    files = list(cache_root().glob("*.json"))
    assert len(files) == 1
    assert not files[0].resolve().is_relative_to(vault.resolve())
    cached = json.loads(files[0].read_text())
    assert len(cached["commits"]) == 8
    # A warm run reads the cache: a doctored record shows through...
    head = story("rev-parse", "HEAD").strip()
    cached["commits"][head]["changes"][0]["events"][0]["text"] = "from the cache"
    files[0].write_text(json.dumps(cached))
    assert "from the cache" in invoke("history", "connect").stdout
    # ...and a broken cache is rebuilt, not an error.
    files[0].write_text("{not json")
    assert history_json(invoke, "connect") == first


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_a_repository_owned_by_another_user(story: Git, invoke: Invoke, tmp_path: Path) -> None:
    for path in [story.root, *story.root.rglob("*")]:
        os.lchown(path, 4242, 4242)
    result = invoke("history", "connect")
    assert result.exit_code == 1
    assert "belongs to another user" in result.stderr
    assert f"safe.directory '{story.root}'" in result.stderr
    assert "Traceback" not in result.output
    # The advice works: with safe.directory in git's global config, history is read.
    home = tmp_path / "trusting-home"
    home.mkdir()
    (home / ".gitconfig").write_text(f"[safe]\n\tdirectory = {story.root}\n")
    done = run_journal(["--vault", str(story.root), "history", "connect"], home)
    assert done.returncode == 0, done.stderr
    assert "status active -> done" in done.stdout


def run_journal(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """The real CLI in a fresh process whose git config comes from ``home`` only."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(only_config_of(home))
    return subprocess.run(
        [sys.executable, "-m", "journal", *args], env=env, capture_output=True, text=True
    )


def test_git_is_never_run_as_a_program(
    story: Git, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """History is read through the library, so it works with no git on PATH."""
    monkeypatch.setenv("PATH", "/nonexistent")
    assert shutil.which("git") is None
    assert history_json(invoke, "connect")["entries"]


def test_a_goal_whose_front_matter_broke_for_a_while(
    git: Git, write: Write, invoke: Invoke
) -> None:
    write("goals/Connect.md", goal(1))
    git.commit("Add", "2026-10-01")
    write("goals/Connect.md", goal(1).replace("title: Connect", "title: Plan: Connect"))
    git.commit("Oops", "2026-10-02")
    write("goals/Connect.md", goal(2))
    git.commit("Fixed", "2026-10-03")
    data = history_json(invoke, "connect")
    assert summary(data["entries"]) == [
        ("2026-10-01", "Add", "goals/Connect.md",
         ["created (status active, current 1, target 5 conversations, due 2026-12-31)"]),
        ("2026-10-02", "Oops", "goals/Connect.md", ["no longer a readable goal"]),
        ("2026-10-03", "Fixed", "goals/Connect.md",
         ["a readable goal again (status active, current 2, target 5 conversations, "
          "due 2026-12-31)", "current 1 -> 2"]),
    ]  # fmt: skip
    assert [p["value"] for p in data["series"]] == [1, 2]  # type: ignore[index]


#: The reported goal: paused, then its front matter broken, then mended and resumed.
PAUSED = goal(1, status="paused")
BROKEN = PAUSED.replace("title: Connect", "title: Plan: Connect")
AGAIN = [
    "a readable goal again (status active, current 2, target 8 conversations, due 2026-12-31)",
    "status paused -> active",
    "target 5 -> 8 (the goalposts moved)",
    "current 1 -> 2",
]


def test_a_goal_readable_again_is_told_against_its_last_readable_version(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    """Reported: the commit that mended a goal's front matter and resumed it (and moved
    its target) said only `a readable goal again (status active, ...)`, in the goal's
    timeline, the vault's history and its JSON: the resume and the goalpost move were
    lost."""
    write("goals/Connect.md", PAUSED)
    git.commit("Pause", "2026-10-01")
    write("goals/Connect.md", BROKEN)
    git.commit("Oops", "2026-10-02")
    write("goals/Connect.md", BROKEN.replace("current: 1", "current: 2"))  # still broken
    git.commit("Still broken", "2026-10-03")
    history_json(invoke)  # the commits so far cached: the mending one is read alone
    write("goals/Connect.md", goal(2, target=8))
    git.commit("Fixed", "2026-10-04")
    data = history_json(invoke, "connect")
    assert summary(data["entries"])[1:] == [
        ("2026-10-02", "Oops", "goals/Connect.md", ["no longer a readable goal"]),
        ("2026-10-04", "Fixed", "goals/Connect.md", AGAIN),
    ]
    assert [(p["date"], p["value"]) for p in data["series"]] == [  # type: ignore[index]
        ("2026-10-01", 1),
        ("2026-10-04", 2),
    ]
    fixed = history_json(invoke)["entries"][0]  # type: ignore[index]
    assert [(e["kind"], e["old"], e["new"]) for e in fixed["events"]] == [
        ("readable", "goals/Connect.md", "goals/Connect.md"),
        ("status", "paused", "active"),
        ("target", 5, 8),
        ("current", 1, 2),
    ]
    assert "Connect with five HR leaders:\n    " + "\n    ".join(AGAIN) in (
        invoke("history").stdout
    )
    week = week_in_git(
        Vault.open(vault), Period(date(2026, 10, 3), date(2026, 10, 4)), date(2026, 10, 4)
    )
    assert week is not None
    assert [[e.text for e in g.events] for g in week.changed] == [AGAIN]


def test_a_goal_readable_again_in_a_shallow_clone_is_told_again_once_fetched_deeper(
    git: Git, write: Write, invoke: Invoke, tmp_path: Path
) -> None:
    """A shallow clone cut after the commit that broke the goal only says it is readable
    again; once the older history is fetched, the cached commit is told against the goal
    as it was last readable (a record of its commit is no longer all it takes)."""
    write("goals/Connect.md", PAUSED)
    git.commit("Pause", "2026-10-01")
    write("goals/Connect.md", BROKEN)
    git.commit("Oops", "2026-10-02")
    write("goals/Connect.md", goal(2, target=8))
    git.commit("Fixed", "2026-10-04")
    root = tmp_path / "clone"
    git("clone", "-q", "--depth", "2", f"file://{git.root}", str(root))
    clone = Git(root, git.home)

    def fixed() -> list[str]:
        result = invoke("history", "connect", "--json", root=root)
        assert result.exit_code == 0, result.output
        return [e["text"] for e in json.loads(result.stdout)["entries"][-1]["events"]]

    assert fixed() == AGAIN[:1]
    clone("fetch", "-q", "--unshallow")
    assert fixed() == AGAIN


def test_a_goal_mended_since_the_last_commit_is_told_against_its_last_readable_version(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """The report's case not committed yet: the goal's last entry is told against the
    goal as last committed readable; mended back as it was, it only says so."""
    write("goals/Connect.md", PAUSED)
    git.commit("Pause", "2026-10-01")
    write("goals/Connect.md", BROKEN)
    git.commit("Oops", "2026-10-02")
    write("goals/Connect.md", goal(2, target=8))
    (pending,) = history_json(invoke, "connect")["entries"][-1:]  # type: ignore[index]
    assert pending["uncommitted"]
    assert [e["text"] for e in pending["events"]] == AGAIN
    write("goals/Connect.md", PAUSED)
    (pending,) = history_json(invoke, "connect")["entries"][-1:]  # type: ignore[index]
    assert [e["text"] for e in pending["events"]] == [
        "a readable goal again (status paused, current 1, target 5 conversations, due 2026-12-31)"
    ]


BOOKS = "Read 24 books in 2026. So far {n}.\n"


def books(current: int, *, kind: str = "goal", head: str = "") -> str:
    """The tester's note (Obsidian migration), with the front matter that makes it a goal
    (``kind``: its ``type``; ``head``: lines before it, an ``id:``)."""
    return (
        f"---\n{head}type: {kind}\nmetric: books read\nunit: books\ntarget: 24\n"
        f"current: {current}\nstart: 2026-01-01\ndue: 2026-12-31\n---\n" + BOOKS.format(n=current)
    )


BECAME = "became a goal (status active, current 19, target 24 books, due 2026-12-31)"


def test_a_note_made_a_goal_is_created_not_a_readable_goal_again(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    """A note that was never a goal and gets `type: goal` became one (`created`, as a
    new goal file), in the goal's timeline, the vault's and the week in git; `a readable
    goal again` is for a goal whose front matter was broken (the test above)."""
    write("Read 24 books.md", BOOKS.format(n=19))
    git.commit("a", "2026-06-01")
    write("Read 24 books.md", books(19))
    git.commit("convert", "2026-12-03")
    (entry,) = history_json(invoke)["entries"]  # type: ignore[misc]
    assert entry["events"] == [  # type: ignore[index]
        {"kind": "created", "old": "Read 24 books.md", "new": "Read 24 books.md",
         "text": BECAME},
    ]  # fmt: skip
    data = history_json(invoke, "Read 24 books")
    assert summary(data["entries"]) == [("2026-12-03", "convert", "Read 24 books.md", [BECAME])]
    week = week_in_git(
        Vault.open(vault), Period(date(2026, 11, 30), date(2026, 12, 6)), date(2026, 12, 6)
    )
    assert week is not None
    assert [(g.path, [e.text for e in g.events]) for g in week.created] == [
        ("Read 24 books.md", [BECAME])
    ]
    assert week.changed == []
    write("Read 24 books.md", BOOKS.format(n=20))  # a note again, not committed yet
    write("Other.md", books(19).replace("Read 24", "Run 5"))
    git.commit("other", "2026-12-04", "Other.md")
    write("Other.md", BOOKS.format(n=1))
    git.commit("no goal", "2026-12-05", "Other.md")
    write("Other.md", books(1).replace("Read 24", "Run 5"))  # made one, not committed yet
    result = invoke("history", "Other")
    assert result.exit_code == 0, result.output
    assert "no longer a goal\nnot committed yet\n  became a goal (status active, current 1" in (
        result.stdout
    )


def test_a_committed_note_made_a_goal_since_is_not_said_to_be_in_no_commit(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Found by the verifier: `history` said "is in no commit (a new file, or moved...)"
    of a note the last commit holds, made a goal since."""
    write("Read 24 books.md", BOOKS.format(n=19))
    git.commit("a", "2026-06-01")
    write("Read 24 books.md", books(19))  # not committed yet
    notices = history_json(invoke, "Read 24 books")["notices"]
    assert notices == [
        "no history yet: Read 24 books.md is a goal since the last commit, which holds it as "
        "a note: commit it and its history begins"
    ]


def test_a_goal_made_a_note_is_no_longer_a_goal(
    git: Git, write: Write, invoke: Invoke, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A goal whose `type: goal` is removed (or changed) is gone as a goal, its file kept:
    `deleted`, said `no longer a goal` (by history, named as a deleted goal is, and by
    the review); made a goal again, it `became a goal`."""
    write("Read 24 books.md", books(19, head="id: books\n"))
    git.commit("goal", "2026-11-02")
    write("Read 24 books.md", books(19, kind="note", head="id: books\n"))
    git.commit("just a note", "2026-12-01")
    (entry,) = history_json(invoke, "--since", "2026-12-01")["entries"]  # type: ignore[misc]
    assert entry["events"] == [  # type: ignore[index]
        {"kind": "deleted", "old": "Read 24 books.md", "new": "Read 24 books.md",
         "text": "no longer a goal"},
    ]  # fmt: skip
    week = week_in_git(
        Vault.open(vault), Period(date(2026, 11, 30), date(2026, 12, 6)), date(2026, 12, 6)
    )
    assert week is not None
    assert [(g.id, [e.text for e in g.events]) for g in week.deleted] == [
        ("books", ["no longer a goal"])
    ]
    result = invoke("history", "Read 24 books")
    assert result.exit_code == 0, result.output
    assert "Read 24 books.md is no longer a goal (its type changed by " in result.stderr
    assert "  no longer a goal\nprogress:\n" in result.stdout
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-05")
    review = invoke("review", "--stdout")
    assert "\n- Deleted: [[Read 24 books]] (no longer a goal)\n" in review.stdout
    (vault / "Read 24 books.md").unlink()  # the note deleted, not committed yet: no goal
    result = invoke("history", "Read 24 books")
    assert "Read 24 books.md is no longer a goal (its type changed by " in result.stderr
    assert "  no longer a goal\nprogress:\n" in result.stdout
    write("Read 24 books.md", books(19, head="id: books\n"))
    git.commit("a goal again", "2026-12-03")
    data = history_json(invoke, "books")
    assert [(e[1], e[3]) for e in summary(data["entries"])] == [
        ("goal", [BECAME.replace("became a goal", "created")]),
        ("just a note", ["no longer a goal"]),
        ("a goal again", [BECAME]),
    ]


def test_a_note_moved_and_made_a_goal_in_one_commit_is_created(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """No goal was at the old path: the goal is created at the new one (with its `id:`
    or without), not a move."""
    write("inbox/Read 24 books.md", BOOKS.format(n=19))
    write("inbox/Run.md", "---\nid: run\n---\nRun a 10k.\n")
    git.commit("a", "2026-06-01")
    git("rm", "-q", "inbox/Read 24 books.md", "inbox/Run.md")
    write("goals/Read 24 books.md", books(19))
    write("goals/Run.md", books(3, head="id: run\n").replace("Read 24", "Run 10"))
    git.commit("file them as goals", "2026-12-03")
    data = history_json(invoke)
    assert [(e["goal"]["path"], e["goal"]["id"], [ev["kind"] for ev in e["events"]])  # type: ignore[index]
            for e in data["entries"]] == [  # type: ignore[attr-defined]
        ("goals/Read 24 books.md", None, ["created"]),
        ("goals/Run.md", "run", ["created"]),
    ]  # fmt: skip
    assert summary(history_json(invoke, "run")["entries"])[0][3] == [
        "created (status active, current 3, target 24 books, due 2026-12-31)"
    ]


@pytest.mark.parametrize("was", ["a note", "no file"])
@pytest.mark.parametrize(("baseline", "current"), [(0, 19), (40, 62)])
def test_the_value_a_goal_is_first_committed_with_is_no_progress_of_that_week(
    git: Git,
    write: Write,
    invoke: Invoke,
    monkeypatch: pytest.MonkeyPatch,
    was: str,
    baseline: int,
    current: int,
) -> None:
    """A goal written (or a note made one) long after its start, with the value it got
    to by then: that value counts from its start, as without git, not as progress of
    the commit's week (it showed `+19`, `+22`) or a check-in; the commits after it
    date their changes."""
    if was == "a note":
        write("Read 24 books.md", BOOKS.format(n=current))
    write("Other.md", "# Other\n")
    git.commit("a", "2026-06-01")
    write("Read 24 books.md", books(current, head=f"baseline: {baseline}\n"))
    git.commit("a goal", "2026-12-03")
    assert _change_this_week(invoke, monkeypatch, "2026-12-05", "Read 24 books") == "none"
    assert history_points(invoke, "Read 24 books") == [("2026-01-01", current)]
    # nor a check-in (T006): the goal is quiet since its start, as without git
    quiet = "T006  warning  no check-in since it began (2026-01-01): 338 days"
    assert quiet in invoke("check").output
    write("Read 24 books.md", books(current + 1, head=f"baseline: {baseline}\n"))
    git.commit("one more", "2026-12-09")
    assert _change_this_week(invoke, monkeypatch, "2026-12-12", "Read 24 books") == "+1"
    assert (
        _change_this_week(invoke, monkeypatch, "2026-12-12", "Read 24 books", "2026-W49") == "none"
    )
    assert history_points(invoke, "Read 24 books") == [
        ("2026-01-01", current),
        ("2026-12-09", current + 1),
    ]


def test_a_goal_without_id_does_not_inherit_an_earlier_goal_at_its_path(
    git: Git, write: Write, invoke: Invoke
) -> None:
    why = "\n".join(f"Line {i} of why reading matters." for i in range(15))
    reading = "---\ntype: goal\ntitle: Read more\ncurrent: {n}\n---\n" + why + "\n"
    write("goals/Plan.md", reading.format(n=1))
    git.commit("A", "2026-10-01")
    write("goals/Plan.md", reading.format(n=2))
    git.commit("A progress", "2026-10-02")
    git("mv", "goals/Plan.md", "goals/Reading.md")
    git.commit("Rename A", "2026-10-03")
    write("goals/Plan.md", "---\ntype: goal\ntitle: Run a 10k\ncurrent: 0\n---\nTraining.\n")
    git.commit("B", "2026-10-04")
    data = history_json(invoke, "Run a 10k")
    assert summary(data["entries"]) == [
        ("2026-10-04", "B", "goals/Plan.md", ["created (status active, current 0)"])
    ]
    assert [(p["date"], p["value"]) for p in data["series"]] == [  # type: ignore[index]
        ("2026-10-04", 0)
    ]
    data = history_json(invoke, "Read more")
    assert [e["message"] for e in data["entries"]] == ["A", "A progress", "Rename A"]  # type: ignore[index]


def test_a_deleted_goal_is_looked_up_in_the_history(
    story: Git, invoke: Invoke, write: Write
) -> None:
    story("rm", "-q", "goals/Meet HR leaders.md")
    story.commit("Remove", "2026-11-21")
    write("goals/Other.md", goal(0, title="Learn SQL", goal_id="sql"))
    for ref in ("connect", "Connect with five HR leaders", "Meet HR leaders"):
        result = invoke("history", ref, "--json")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["goal"] == RENAMED
        entries = summary(data["entries"])
        assert len(entries) == 8
        assert entries[0][1] == "Add goal"
        assert entries[-1] == ("2026-11-21", "Remove", "goals/Meet HR leaders.md", ["deleted"])
        assert data["series"] == [
            {"date": "2026-10-01", "value": 0, "source": "start"},
            {"date": "2026-10-08", "value": 1, "source": "git"},
            {"date": "2026-11-02", "value": 3, "source": "git"},
            {"date": "2026-11-10", "value": 4, "source": "git"},
        ]
        head = story("rev-parse", "HEAD").strip()[:7]
        assert result.stderr == (
            f"journal: goals/Meet HR leaders.md was deleted by {head} on 2026-11-21; "
            "this is its history from git\n"
        )
    text = invoke("history", "connect").stdout.splitlines()
    assert text[-7:-5] == [f"2026-11-21  {head}  {AUTHOR}: Remove", "  deleted"]
    missing = invoke("history", "nothing like it")
    assert missing.exit_code == 1
    assert missing.stderr == "journal: no goal called 'nothing like it'\n"


def test_a_history_cache_that_is_not_gits_is_an_error_that_says_so(
    story: Git, invoke: Invoke
) -> None:
    """A cache naming a deletion git does not have (edited, or written by something
    else) is one clear line, not an internal error (nor an assert that -O would skip)."""
    story("rm", "-q", "goals/Meet HR leaders.md")
    story.commit("Remove", "2026-11-21")
    assert invoke("history").exit_code == 0  # fills the cache
    [cache] = cache_root().glob("*.json")
    data = json.loads(cache.read_text())
    head = story("rev-parse", "HEAD").strip()
    [change] = data["commits"][head]["changes"]
    change.update(old_path="goals/Ghost.md", old_id="ghost", title="Ghost")
    cache.write_text(json.dumps(data))
    result = invoke("history", "ghost")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"journal: git history unavailable: the cached history says {head[:7]} deleted "
        f"goals/Ghost.md, but the commit before it has no such file; delete {cache} (a "
        "cache, rebuilt from git) and run this again\n"
    )
    cache.unlink()
    assert invoke("history", "connect").exit_code == 0  # rebuilt from git


def test_a_commit_by_set_names_every_property_it_changed(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in git.env.items():  # journal's own commit needs an identity too
        if name.startswith("GIT_"):
            monkeypatch.setenv(name, value)
    write("goals/Connect.md", goal(1).replace("unit:", "area: hr\nunit:"))
    git.commit("Add goal", "2026-10-01")
    outcome = "Five HR leaders I can call for advice, each met at least twice by year end"
    result = invoke(
        "set", "connect", f"outcome={outcome}", "why=Key point: advice", "area=people", "--commit"
    )
    assert result.exit_code == 0, result.output
    lines = invoke("history", "connect").stdout.splitlines()
    assert lines[3:7] == [
        lines[3],
        "  area: hr -> people",
        "  outcome added",
        "  why: (none) -> Key point: advice",
    ]
    assert "journal: set outcome=" in lines[3]
    assert "text edited; no property changed" not in lines


def test_a_goal_is_followed_across_a_change_of_its_id(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: `journal history G2` stopped at the commit that changed `id: G` to
    `id: G2`, leaving out the goal's creation and its moved target."""
    write("goals/Connect.md", goal(0, goal_id="g"))
    git.commit("Start", "2026-10-01")
    write("goals/Connect.md", goal(0, goal_id="g", target=9))
    git.commit("Target", "2026-10-05")
    write("goals/Connect.md", goal(0, goal_id="g2", target=9))
    git.commit("New id", "2026-10-10")
    entries = history_json(invoke, "g2")["entries"]
    assert [e["message"] for e in entries] == ["Start", "Target", "New id"]  # type: ignore[index]


def test_a_goal_is_followed_across_a_change_of_its_id_not_committed_yet(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: after `id: hr-events` became `id: events` in the file, not committed,
    `journal history events` showed no commit and said the file "has never been
    committed"."""
    write("goals/Connect.md", goal(0, goal_id="g"))
    git.commit("Start", "2026-10-01")
    write("goals/Connect.md", goal(0, goal_id="g", target=9))
    git.commit("Target", "2026-10-05")
    write("goals/Connect.md", goal(0, goal_id="g2", target=9))
    result = invoke("history", "g2", "--json")
    assert result.exit_code == 0 and "no history yet" not in result.stderr
    entries = json.loads(result.stdout)["entries"]
    assert [e["message"] for e in entries][:2] == ["Start", "Target"]
    assert "id: g -> g2" in invoke("history", "g2").stdout


def test_a_new_goal_at_a_moved_goals_path_gets_none_of_its_history(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    """Found in review: a goal moved away (not committed) and a new goal written at its
    path took the moved goal's commits as its own, by the id the path had in HEAD."""
    write("goals/Connect.md", goal(0, goal_id="g"))
    git.commit("Start", "2026-10-01")
    (vault / "goals/archive").mkdir()
    (vault / "goals/Connect.md").rename(vault / "goals/archive/old.md")
    write("goals/Connect.md", goal(0, goal_id="new"))
    result = invoke("history", "new", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["entries"][0]["commit"] is None  # not committed yet
    assert len(json.loads(result.stdout)["entries"]) == 1


def test_a_commit_dated_before_its_parent_counts_from_its_parents_day(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: after a rebase left `current: 5` (dated 10-20) on top of `current: 3`
    (dated 10-25), the series ended at 3 from git, the file said 5, and the review
    credited "+2" to a week in which nothing happened."""
    write("goals/Connect.md", goal(0))
    git.commit("Start", "2026-10-01")
    write("goals/Connect.md", goal(3))
    git.commit("Three", "2026-10-25")
    write("goals/Connect.md", goal(5))
    git.commit("Five, rebased", "2026-10-20")
    # the 5 came after the 3, whatever its date says: on 10-25, the last value of the day
    assert history_points(invoke, "connect") == [("2026-10-01", 0), ("2026-10-25", 5)]
    review = invoke("review", "--stdout").stdout  # the week of 2026-11-16 to 11-22
    row = next(line for line in review.splitlines() if line.startswith("| [[Connect]]"))
    assert "| none |" in row  # no change this week


def test_a_commit_message_in_another_encoding_is_read_in_it(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: a commit made with `i18n.commitEncoding=ISO-8859-1` (an `encoding`
    header) showed `caf\\ufffd` where `git log` shows `café`."""
    write("goals/Connect.md", goal(0))
    git("add", "-A")
    subprocess.run(
        [b"git", b"-C", bytes(git.root), b"-c", b"i18n.commitEncoding=ISO-8859-1", b"commit",
         b"-q", b"-m", "Caf\u00e9 goal".encode("latin-1")],
        env=git.env, check=True, capture_output=True,
    )  # fmt: skip
    assert b"encoding ISO-8859-1" in subprocess.run(
        ["git", "-C", str(git.root), "cat-file", "commit", "HEAD"],
        env=git.env, check=True, capture_output=True,
    ).stdout  # fmt: skip
    [entry] = history_json(invoke, "connect")["entries"]  # type: ignore[misc]
    assert entry["message"] == "Caf\u00e9 goal"


def test_a_goal_deleted_but_not_committed_has_its_history_to_head(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    """Reported: a goal removed from the disk but still in HEAD was `no goal called`
    (exit 1); and after a delete and a restore, the older deletion was shown instead."""
    write("goals/Connect.md", goal(0))
    git.commit("Start", "2026-10-01")
    git("rm", "-q", "goals/Connect.md")
    git.commit("Delete", "2026-10-03")
    git("checkout", "HEAD~1", "--", "goals/Connect.md")
    git.commit("Restore", "2026-10-04")
    write("goals/Connect.md", goal(2))
    git.commit("Two", "2026-10-06")
    (vault / "goals/Connect.md").unlink()
    data = history_json(invoke, "connect")
    entries = data["entries"]
    assert [(e["message"], [ev["text"] for ev in e["events"]]) for e in entries][-2:] == [  # type: ignore[attr-defined]
        ("Two", ["current 0 -> 2"]),
        (None, ["deleted"]),
    ]  # fmt: skip
    assert entries[-1]["uncommitted"] is True  # type: ignore[index]
    shown = invoke("history", "connect")
    assert shown.exit_code == 0
    assert "goals/Connect.md is deleted but not committed yet" in shown.stderr


def test_a_clean_merge_keeps_the_value_it_brought_in_the_series(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Found in review: a merge whose every change came from a branch was dropped
    whole, its `current` too, so the series fell back to the first parent's value."""
    merge_of_two_branches(
        git,
        write,
        goal(0),
        ("One", "2026-10-10", goal(1)),
        ("Due", "2026-10-20", goal(0, due="2027-01-15")),
        "2026-10-21",
    )
    points = history_points(invoke, "connect")
    assert points[-1] == ("2026-10-21", 1)  # from the merge on, the value it brought
    messages = [e["message"] for e in history_json(invoke, "connect")["entries"]]  # type: ignore[attr-defined]
    assert "Merge side" not in messages  # it made nothing of its own


def test_a_merge_of_two_changes_of_one_kind_repeats_neither(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Found in review: events were matched by kind alone, so a property changed on one
    branch and another on the other showed again at the merge."""
    base = goal(0).replace("status: active\n", "status: active\narea: hr\n")
    base = base.replace("due: 2026-12-31\n", "due: 2026-12-31\nowner: ana\n")  # lines apart
    merge_of_two_branches(
        git,
        write,
        base,
        ("Area", "2026-10-10", base.replace("area: hr", "area: people")),
        ("Owner", "2026-10-20", base.replace("owner: ana", "owner: bob")),
        "2026-10-21",
    )
    entries = history_json(invoke, "connect")["entries"]
    assert [e["message"] for e in entries] == ["Start", "Area", "Owner"]  # type: ignore[index]


def test_a_deleted_goal_named_exactly_wins_over_a_part_of_another(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    """Found in review: a goal deleted on the disk was matched by a part of its title
    before a goal deleted in a commit whose title is the name exactly."""
    write("goals/Run.md", goal(0, title="Run", goal_id="run"))
    write("goals/Run a 10k.md", goal(0, title="Run a 10k", goal_id="run-10k"))
    git.commit("Start", "2026-10-01")
    git("rm", "-q", "goals/Run.md")
    git.commit("Drop run", "2026-10-02")
    (vault / "goals/Run a 10k.md").unlink()  # not committed
    assert history_json(invoke, "Run")["goal"] == {  # type: ignore[comparison-overlap]
        "id": "run", "path": "goals/Run.md", "title": "Run"
    }  # fmt: skip
    assert history_json(invoke, "10k")["goal"]["id"] == "run-10k"  # type: ignore[index]


def test_a_deleted_goals_exact_name_wins_over_a_part_of_a_live_goals(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Found in testing: the id of a deleted goal showed, without a word, the live goal
    a part of whose id it is ('hr-leaders' in 'find-a-mentor-in-hr-leadership')."""
    mentor = "Find a mentor in HR leadership"
    write("goals/Connect.md", goal(0, goal_id="hr-leaders"))
    write("goals/Mentor.md", goal(1, title=mentor, goal_id="find-a-mentor-in-hr-leadership"))
    git.commit("Start", "2026-10-01")
    git("rm", "-q", "goals/Connect.md")
    git.commit("Drop", "2026-10-02")
    result = invoke("history", "hr-leaders", "--json")
    assert json.loads(result.stdout)["goal"]["id"] == "hr-leaders"
    assert "goals/Connect.md was deleted by" in result.stderr
    assert history_json(invoke, "hr-lead")["goal"]["title"] == mentor  # type: ignore[index]
    write("goals/Again.md", goal(0, title="Meet HR leaders again", goal_id="hr-leaders"))
    assert history_json(invoke, "hr-leaders")["goal"]["path"] == "goals/Again.md"  # type: ignore[index]


def test_a_broken_goals_exact_name_wins_over_a_part_of_a_readable_goals(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """As a deleted goal's: the goal whose file broke since its last commit is the one
    named whole, not the readable goal a part of whose title the name is."""
    write("goals/Run.md", goal(0, title="Run", goal_id="run"))
    write("goals/Run a 10k.md", goal(0, title="Run a 10k", goal_id="run-10k"))
    git.commit("Start", "2026-10-01")
    write("goals/Run.md", "---\ntype: goal\ntitle: [broken\n---\n")
    result = invoke("history", "Run", "--json")
    assert json.loads(result.stdout)["goal"]["id"] == "run"
    assert "the file can't be read now, so this is the goal as last committed" in result.stderr
    shown = invoke("show", "Run")  # every command: the file named, which it can't use
    assert (shown.exit_code, shown.stdout) == (1, "")
    assert shown.stderr.startswith("goals/Run.md:3: can't use this note: invalid front matter")


def test_a_sync_conflict_copy_is_no_goal_in_history_either(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: `journal history` and the review's week in git listed a copy as created."""
    write("goals/Connect.md", goal(1))
    git.commit("Add goal", "2026-11-16")
    write("goals/Merge CV (conflict copy).md", goal(0, title="Merge CV", goal_id="cv-merge"))
    write("goals/Connect.sync-conflict-20261117-101010-ABCDEFG.md", goal(2))
    git.commit("Synced", "2026-11-17")
    entries = history_json(invoke)["entries"]
    assert [e["message"] for e in entries] == ["Add goal"]  # the copies' commit: no goal
    for ref in ("Merge CV", "merge-cv", "goals/Merge CV.md"):  # its name, id, path
        shown = invoke("show", ref)
        assert shown.exit_code == 1 and (
            "goals/Merge CV (conflict copy).md is named like a sync client's conflict copy, "
            "so it is left out: rename it to use it" in shown.stderr
        ), ref
    assert "conflict copy" not in invoke("show", "Merge").stderr  # a part names nothing


def test_a_goal_whose_file_is_broken_now_shows_its_history_as_last_committed(
    story: Git, invoke: Invoke, write: Write
) -> None:
    """Reported (carried): `history` refused a goal whose front matter broke since the
    last commit, the moment its history helps most (what did it say?)."""
    broken = write("goals/Meet HR leaders.md", "---\ntype: goal\ntitle: [broken\n---\n")
    for ref in ("Meet HR leaders", "goals/Meet HR leaders.md", "connect"):  # its id (review)
        result = invoke("history", ref, "--json")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["goal"] == RENAMED
        assert len(summary(data["entries"])) == 7 and data["series"][-1]["value"] == 4
        assert result.stderr == (
            "journal: goals/Meet HR leaders.md:3: invalid front matter: the '[' on this line "
            "is never closed (no ']'): end the list with ']', or write one item per line as "
            "`  - item`; the file can't be read now, so this is the goal as last committed\n"
        )
    assert broken.read_text() == "---\ntype: goal\ntitle: [broken\n---\n"  # untouched
    write("goals/New.md", "---\ntype: goal\ntitle: [new\n---\n")  # in no commit: the error
    fresh = invoke("history", "goals/New.md")
    assert fresh.exit_code == 1
    assert fresh.stderr.startswith("goals/New.md:3: can't use this note: invalid front matter")


def test_a_goal_committed_before_it_starts_has_no_change_in_that_week_whatever_comes_later(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in a tryout: a goal committed in W48 that starts in W50 showed `±0` in W48's
    review ("This week"), and `–` once a check-in of W50 was logged: the commit, holding
    the baseline before the start, was a point of its series until the log dated every
    step.  It is none either way: `–`, as in a vault without git."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-10")
    repo = Git(tmp_path / "repo", tmp_path / "home").init()
    (repo.root / ".journal").mkdir()
    (repo.root / "goals").mkdir()
    note = repo.root / "goals" / "Hire.md"
    text = (
        "---\ntype: goal\nid: hire\ntitle: Hire two recruiters\nstatus: active\n"
        "unit: recruiters\nbaseline: 0\ntarget: 2\ncurrent: {}\ncreated: 2026-11-25\n"
        "start: 2026-12-07\ndue: 2027-03-31\n---\n# Hire two recruiters\n\n## Log\n\n{}"
    )
    note.write_text(text.format(0, ""))
    repo.commit("Goal", "2026-11-25")

    def week_48() -> str:
        review = invoke("review", "--week", "2026-W48", "--stdout", root=repo.root).stdout
        return next(line for line in review.splitlines() if line.startswith("| [[Hire"))

    before = week_48()
    note.write_text(text.format(1, "- 2026-12-09: +1 first hire\n"))
    repo.commit("Log", "2026-12-09")
    assert before.split(" | ")[3] == "none"
    assert week_48() == before
    series = json.loads(invoke("history", "hire", "--json", root=repo.root).stdout)["series"]
    assert [(p["date"], p["source"]) for p in series] == [
        ("2026-12-07", "start"),
        ("2026-12-09", "log"),
    ]


def _started(tmp_path: Path) -> tuple[Git, Path]:
    """A vault in a repository of its own, its goal at 1 since a commit of 2026-10-08."""
    repo = Git(tmp_path / "repo", tmp_path / "home").init()
    (repo.root / ".journal").mkdir()
    (repo.root / "goals").mkdir()
    note = repo.root / "goals" / "Connect.md"
    note.write_text(goal(1, log=("2026-10-08: +1",)))
    repo.commit("Start", "2026-10-08")
    return repo, note


def _week_in_git(invoke: Invoke, root: Path) -> str:
    """The first line of the review's "This week in git"."""
    review = invoke("review", "--stdout", root=root).stdout
    return review.split("## This week in git\n\n")[1].split("\n")[0]


def test_this_week_in_git_sums_a_goals_steps(tmp_path: Path, invoke: Invoke) -> None:
    """A goal committed three times in the week: one net change, the check-ins counted."""
    repo, note = _started(tmp_path)
    steps = ["2026-10-08: +1"]
    for value, day in ((2, "2026-11-16"), (3, "2026-11-18"), (4, "2026-11-20")):
        steps.append(f"{day}: +1")
        note.write_text(goal(value, log=tuple(steps)))
        repo.commit("Coffee", day)
    assert _week_in_git(invoke, repo.root) == "- Changed: [[Connect]]: current 1 -> 4; 3 check-ins"


def test_this_week_in_git_counts_the_check_ins_of_a_merged_branch_once(
    tmp_path: Path, invoke: Invoke
) -> None:
    """Found in a tryout: after a merge the line read "current 5 -> 6; check-in ...
    Desk; current 5 -> 6; check-in ... Laptop; current 6 -> 7"; summed, each check-in
    once (the merge's own change against its first parent adds none)."""
    repo, note = _started(tmp_path)
    repo("checkout", "-q", "-b", "laptop")
    note.write_text(goal(2, log=("2026-10-08: +1", "2026-11-17: +1 Laptop")))
    repo.commit("Laptop", "2026-11-17")
    repo("checkout", "-q", "main")
    note.write_text(goal(2, log=("2026-10-08: +1", "2026-11-16: +1 Desk")))
    repo.commit("Desk", "2026-11-16")
    both = ("2026-10-08: +1", "2026-11-16: +1 Desk", "2026-11-17: +1 Laptop")
    note.write_text(goal(3, log=both))
    repo("add", "-A")
    stamp = {
        "GIT_AUTHOR_DATE": "2026-11-18T12:00:00+01:00",
        "GIT_COMMITTER_DATE": "2026-11-18T12:00:00+01:00",
    }
    tree = repo("write-tree").strip()
    parents = ["-p", repo("rev-parse", "HEAD").strip(), "-p", repo("rev-parse", "laptop").strip()]
    merge = repo("commit-tree", tree, *parents, "-m", "Merge laptop", env=stamp).strip()
    repo("reset", "-q", merge)
    assert _week_in_git(invoke, repo.root) == "- Changed: [[Connect]]: current 1 -> 3; 2 check-ins"


SHIP = """---
type: goal
id: ship
title: Ship
status: active
metric: things shipped
unit: things
baseline: 0
target: 3
current: 0
start: 2026-11-01
due: 2027-01-31
milestones:
  - title: Draft
    due: 2026-12-20
  - title: Review
    due: 2027-01-10
---
# Ship

## Log
"""


def test_milestone_changes_are_told_everywhere_history_is(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: a milestone's due day moved and one removed said "text edited; no
    property changed" (no event in JSON, none in the vault's history or the review's
    "This week in git"), and one renamed read as added."""
    write("goals/Ship.md", SHIP)
    git.commit("one", "2026-11-16")
    write("goals/Ship.md", SHIP.replace("due: 2026-12-20", "due: 2026-12-27"))
    git.commit("move Draft due", "2026-11-17")
    write(
        "goals/Ship.md",
        SHIP.replace("due: 2026-12-20", "due: 2026-12-27").replace(
            "title: Review\n", "title: Peer review\n"
        ),
    )
    git.commit("rename Review", "2026-11-18")
    write(
        "goals/Ship.md",
        SHIP.replace("due: 2026-12-20", "due: 2026-12-27").replace(
            "  - title: Review\n    due: 2027-01-10\n", ""
        ),
    )
    git.commit("remove Peer review", "2026-11-19")
    lines = invoke("history", "Ship").stdout.splitlines()
    assert [line for line in lines if line.startswith("  ")][1:4] == [
        "  milestone due moved: Draft 2026-12-20 -> 2026-12-27",
        "  milestone renamed: Review -> Peer review",
        "  milestone removed: Peer review",
    ]
    entries = history_json(invoke, "Ship")["entries"]
    assert isinstance(entries, list)
    assert [[e["kind"] for e in entry["events"]] for entry in entries[1:]] == [
        ["milestone"],
        ["milestone"],
        ["milestone"],
    ]
    since = history_json(invoke, "--since", "2026-11-17")["entries"]
    assert isinstance(since, list)
    assert [e["message"] for e in since] == [
        "remove Peer review",
        "rename Review",
        "move Draft due",
    ]
    assert _week_in_git(invoke, git.root) == (
        "- Created: [[Ship]] (status active, current 0, target 3 things, due 2027-01-31): "
        "milestone due moved: Draft 2026-12-20 -> 2026-12-27; "
        "milestone renamed: Review -> Peer review; milestone removed: Peer review"
    )


def test_a_commit_that_changed_a_value_the_goal_cannot_read_says_which(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: "no property changed" when the front matter's values differed."""
    write("goals/Ship.md", SHIP.replace("due: 2027-01-31", "due: 2027-02-30"))
    git.commit("one", "2026-11-16")
    write("goals/Ship.md", SHIP.replace("due: 2027-01-31", "due: 2027-02-31"))
    git.commit("two", "2026-11-17")
    lines = invoke("history", "Ship").stdout.splitlines()
    assert lines[3:5] == [lines[3], "  property changed: due"]
    assert "text edited; no property changed" not in lines
    assert _week_in_git(invoke, git.root).endswith(": property changed: due")


def test_filling_the_cache_parses_only_goals(
    git: Git, write: Write, vault: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: the first run parsed every note of every commit it read, bodies too
    (21 s on a 20,000-note vault put in git in one commit).  Only goal files are parsed,
    readable or not (an escape spelling `goal` too); the other notes are told apart by
    their front matter, links and the word goal in them notwithstanding.  A version of a
    goal whose body is the one read before it (newer) is read from its front matter."""
    from journal.core import history as core_history
    from journal.usecases import history

    write("goals/Connect.md", goal(0))
    write("goals/Spelled.md", goal(0, goal_id="spelled").replace("type: goal", 'type: "\\x67oal"'))
    write("goals/Broken.md", "---\ntype: goal\nid: broken\ntitle: [unclosed\n---\n")
    write("people/Dana.md", "---\ntype: contact\n---\nMet about my goal [[Connect]].\n")
    write("meetings/Coffee.md", "---\ntype: meeting\ngoal: '[[Connect]]'\n---\nA goal.\n")
    write("notes/Ideas.md", "# Ideas\n\ntype: a goal\n")
    git.commit("Add", "2026-10-01")
    write("goals/Connect.md", goal(1))
    write("notes/Ideas.md", "# Ideas\n\nmore goals\n")
    git.commit("Edit", "2026-10-08")
    parsed: list[str] = []
    fronts: list[str] = []
    parse, front = history.parse_with_log, core_history.goal_front_matter

    def counted(
        path: str, raw: bytes, periodic: PeriodicSettings | None, log_lines: LogLines
    ) -> tuple[Note, str, list[int]]:
        parsed.append(path)
        return parse(path, raw, periodic, log_lines)

    def front_counted(path: str, raw: bytes) -> tuple[Note, str] | None:
        fronts.append(path)
        return front(path, raw)

    monkeypatch.setattr(history, "parse_with_log", counted)
    monkeypatch.setattr(core_history, "goal_front_matter", front_counted)
    entries = history_json(invoke)["entries"]
    assert sorted(parsed) == ["goals/Broken.md", "goals/Connect.md", "goals/Spelled.md"]
    assert fronts == ["goals/Connect.md"]
    told = {(e["goal"]["path"], e["events"][0]["kind"]) for e in entries}  # type: ignore[index]
    assert told == {
        ("goals/Connect.md", "current"),
        ("goals/Connect.md", "created"),
        ("goals/Spelled.md", "created"),
    }


def test_a_version_cut_from_the_newer_one_is_decoded_once(
    git: Git, write: Write, vault: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older version of a goal whose log grew at its end is told a goal and read by
    one decoding of its front matter (it is cut from the newer one); one whose log grew
    at its top (newest first) by two, told a goal and then parsed, as before there were
    cuts: a cut that can't be is seen before its front matter is decoded."""
    from journal.core import codec

    days = [f"2026-10-{day:02}: +1 chat {day}" for day in range(1, 5)]
    for day in range(1, 5):
        write("goals/Up.md", goal(day, goal_id="up", log=tuple(days[:day])))
        write("goals/Down.md", goal(day, goal_id="down", log=tuple(reversed(days[:day]))))
        git.commit(f"Day {day}", f"2026-10-{day:02}")
    now = {(vault / "goals" / name).read_bytes() for name in ("Up.md", "Down.md")}
    decoded: Counter[bytes] = Counter()
    decode = codec.decode

    def counted(raw: bytes) -> codec.Document:
        if raw not in now:  # the versions before the last: read from git only
            decoded[raw] += 1
        return decode(raw)

    monkeypatch.setattr(codec, "decode", counted)
    invoke("history")
    times = [
        sorted(n for raw, n in decoded.items() if name in raw) for name in (b"id: up", b"id: down")
    ]
    assert times == [[1, 1, 2], [2, 2, 2]]  # 2: the first read, with nothing to cut it from


def test_a_fill_tells_how_far_it_is(story: Git, vault: Path) -> None:
    """Reported: filling the cache took 13-31 s on a big vault with nothing shown.  A
    fill reports each commit it reads to the vault's ``working`` display (the command
    line's progress bar); a run the cache answers shows none."""
    from journal.usecases.history import load_history

    shown: list[object] = []

    @contextlib.contextmanager
    def working(label: str) -> Iterator[Callable[[int, int], None]]:
        shown.append(label)
        yield lambda done, total: shown.append((done, total))
        shown.append("done")

    opened = Vault.open(vault)
    opened.working = working
    load_history(opened)
    assert shown == ["git history", *((done, 8) for done in range(9)), "done"]
    shown.clear()
    again = Vault.open(vault)
    again.working = working
    assert len(load_history(again).commits) == 8
    assert shown == []


def test_a_commits_changed_notes_are_those_gits_own_diff_lists(
    git: Git, write: Write, vault: Path
) -> None:
    """The trees are compared folder by folder, a folder alike on both sides unread
    (libgit2's diff read them all: 20-40 ms a commit on 20,000 notes): the note files
    found are those ``git diff-tree`` lists, through files made folders and back,
    symlinks, an executable bit, nested folders come and gone."""
    from journal.adapters.git import Repository

    for rel in ("a/b/c.md", "a/b/keep.md", "a/x.md", "same/deep/n.md", "gone/g/1.md", "f.md"):
        write(rel, f"# {rel}\n")
    write("mode.md", "# mode\n")
    git.commit("Start", "2026-10-01")
    write("a/b/c.md", "# edited\n")
    (vault / "a/x.md").unlink()
    write("a/x.md/inner.md", "# a folder now\n")
    (vault / "f.md").unlink()
    (vault / "f.md").symlink_to("a/b/keep.md")
    (vault / "mode.md").chmod(0o755)
    shutil.rmtree(vault / "gone")
    write("new/deeper/still/n.md", "# new\n")
    write("notes.txt", "not a note\n")
    head = git.commit("Shuffle", "2026-10-02")
    listed = set()
    for line in git("diff-tree", "-r", "--no-renames", "--raw", "HEAD~1", "HEAD").splitlines():
        modes_ids, path = line.split("\t")
        old_mode, new_mode, old_id, new_id, _status = modes_ids.lstrip(":").split()
        blob = ("100644", "100755")
        old = (path, old_id) if old_mode in blob else (None, None)
        new = (path, new_id) if new_mode in blob else (None, None)
        if path.endswith(".md") and old != new:
            listed.add((*old, *new))
    found = Repository.open(Vault.open(vault)).changes(head, "").files
    assert {(f.old_path, f.old_blob, f.new_path, f.new_blob) for f in found} == listed
    assert {path for change in listed for path in change[::2] if path} == {
        "a/b/c.md",
        "a/x.md",
        "a/x.md/inner.md",
        "f.md",
        "gone/g/1.md",
        "new/deeper/still/n.md",
    }
    assert [f.new_path or f.old_path for f in found] == sorted(
        f.new_path or f.old_path or "" for f in found
    )


@pytest.mark.parametrize("run", ["first", "cached"])
def test_a_rebase_under_way_is_told_as_one_not_as_a_detached_head(
    story: Git, invoke: Invoke, run: str
) -> None:
    """A rebase stopped partway (to edit a commit, or at a conflict) leaves HEAD
    detached: the notice says the rebase is under way, from pygit2 and from the cache."""
    story("-c", "sequence.editor=sed -i 1s/^pick/edit/", "rebase", "-q", "-i", "HEAD~2")
    if run == "cached":
        assert invoke("history", "connect").exit_code == 0
    result = invoke("history", "connect", "--json")
    assert result.exit_code == 0, result.output
    head = story("rev-parse", "HEAD").strip()
    assert (
        f"a git rebase is under way: HEAD is at {head[:7]}, partway through it;"
        " history is read from there" in result.stderr
    )
    assert "HEAD is detached" not in result.stderr
    data = json.loads(result.stdout)
    assert data["repository"]["underway"] == "rebase"
    assert data["repository"]["detached"] is True


@pytest.mark.parametrize("run", ["first", "cached"])
def test_a_merge_under_way_says_its_other_side_is_not_read(
    story: Git, write: Write, invoke: Invoke, run: str
) -> None:
    story("checkout", "-q", "-b", "side", "HEAD~1")
    write("notes/Ideas.md", "# Ideas\n\nside\n")
    story.commit("Side", "2026-11-21")
    story("checkout", "-q", "-")
    write("notes/Ideas.md", "# Ideas\n\nmain\n")
    story.commit("Main", "2026-11-22")
    with pytest.raises(subprocess.CalledProcessError):  # conflicts in notes/Ideas.md
        story("merge", "-q", "side")
    if run == "cached":
        assert invoke("history", "connect").exit_code == 0
    result = invoke("history", "connect", "--json")
    assert result.exit_code == 0, result.output
    head = story("rev-parse", "HEAD").strip()
    assert (
        f"a git merge is under way: history is read from HEAD ({head[:7]}), without the"
        " merged side until it is committed" in result.stderr
    )
    assert json.loads(result.stdout)["repository"]["underway"] == "merge"


def test_no_operation_under_way_is_null(story: Git, invoke: Invoke) -> None:
    result = invoke("history", "connect", "--json")
    assert json.loads(result.stdout)["repository"]["underway"] is None
    assert "under way" not in result.stderr


# --- log lines dated by a daily note's name -------------------------------------------------

DAILY = {"format": "DD.MM.YYYY", "folder": "daily"}
LINKED = ("[[08.10.2026]]: +1 Coffee with Dana", "[[09.10.2026]]: +1 Call")


def daily_notes(vault: Path, settings: dict[str, str]) -> None:
    (vault / ".obsidian").mkdir(exist_ok=True)
    (vault / ".obsidian/daily-notes.json").write_text(json.dumps(settings))


def linked_story(git: Git, write: Write) -> None:
    """A goal whose log lines are dated by links to daily notes (``DD.MM.YYYY``)."""
    write("goals/Connect.md", goal(0))
    git.commit("Add goal", "2026-10-01")
    write("goals/Connect.md", goal(1, log=LINKED[:1]))
    git.commit("Coffee", "2026-10-08")
    write("goals/Connect.md", goal(2, log=LINKED))
    git.commit("Call", "2026-10-09")


def test_history_dates_log_lines_by_the_vaults_daily_notes(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    """Reported: history read each committed version without the vault's daily-note
    settings, so a log line dated `[[08.10.2026]]` was undated there: its commit told no
    check-in, and every check-in showed as not committed yet."""
    daily_notes(vault, DAILY)
    linked_story(git, write)
    assert summary(history_json(invoke, "connect")["entries"])[1:] == [
        ("2026-10-08", "Coffee", "goals/Connect.md",
         ["current 0 -> 1", "check-in 2026-10-08 +1 Coffee with Dana"]),
        ("2026-10-09", "Call", "goals/Connect.md",
         ["current 1 -> 2", "check-in 2026-10-09 +1 Call"]),
    ]  # fmt: skip


def test_history_reads_the_commits_again_when_the_daily_note_settings_change(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    """The history cache keeps what each commit's goal files read as, so a change of
    the daily-note settings reads them again: the cache's reading would be stale."""

    def told(message: str) -> list[str]:
        entries = summary(history_json(invoke, "connect")["entries"])
        return next(events for _day, said, _path, events in entries if said == message)

    linked_story(git, write)
    assert told("Coffee") == ["current 0 -> 1"]  # no daily notes: the line is undated
    daily_notes(vault, DAILY)
    assert told("Coffee") == ["current 0 -> 1", "check-in 2026-10-08 +1 Coffee with Dana"]
    daily_notes(vault, {**DAILY, "format": "MM.DD.YYYY"})
    assert told("Coffee") == ["current 0 -> 1", "check-in 2026-08-10 +1 Coffee with Dana"]


@pytest.mark.parametrize("committed", [True, False])
def test_a_deleted_goals_history_dates_its_log_by_the_daily_notes(
    git: Git, write: Write, invoke: Invoke, vault: Path, committed: bool
) -> None:
    """A deleted goal is read from git: its log lines dated by daily notes count in its
    series on the days they did while it was in the vault (its committed value dated
    by its log, not by its start: 2 on 2026-10-01)."""
    daily_notes(vault, DAILY)
    write("goals/Connect.md", goal(2, log=LINKED))
    git.commit("Add goal", "2026-10-12")
    live = history_json(invoke, "connect")["series"]
    (vault / "goals/Connect.md").unlink()
    if committed:
        git.commit("Remove", "2026-10-20")
    gone = history_json(invoke, "connect")["series"]
    assert isinstance(live, list) and isinstance(gone, list)
    assert [(p["date"], p["value"]) for p in gone] == [(p["date"], p["value"]) for p in live]
    assert [(p["date"], p["value"]) for p in gone] == [
        ("2026-10-01", 0),
        ("2026-10-08", 1),
        ("2026-10-09", 2),
    ]


def no_id_goal(current: int, title: str = "Read ten books") -> str:
    """A goal without an `id`: followed by path, across renames."""
    return (
        f"---\ntype: goal\ntitle: {title}\nstatus: active\nunit: books\nbaseline: 0\n"
        f"target: 10\ncurrent: {current}\nstart: 2026-11-01\ndue: 2026-12-31\n---\n# {title}\n"
    )


def _week_lines(week: object) -> list[tuple[str, str, list[str]]]:
    """(list, path, events) of each goal of a week in git."""
    assert isinstance(week, WeekInGit)
    data = week.to_dict()
    lists = ("created", "completed", "dropped", "deleted", "changed")
    return [(name, g["path"], g["events"]) for name in lists for g in data[name]]


@pytest.mark.parametrize(
    "names",
    [
        ("Read ten books", "read ten books", "Books"),  # case only, as a Mac/Windows sync
        ("Run 5k", "Run 10k", "Run a 10k"),
        ("Cafe\u0301 cre\u0300me", "Caf\u00e9 cr\u00e8me", "Tasting"),  # NFD -> NFC
    ],
)
def test_a_goal_without_id_renamed_in_the_week_is_one_line(
    git: Git, write: Write, vault: Path, names: tuple[str, str, str]
) -> None:
    """Renamed twice in a week, checked in between: one goal, as `journal history GOAL`
    follows it, not one line per path it had."""
    first, second, third = (f"goals/{name}.md" for name in names)
    write(first, no_id_goal(0))
    git.commit("one", "2026-11-30")
    git("mv", first, second)
    git.commit("renamed", "2026-12-01")
    write(second, no_id_goal(1))
    git.commit("log", "2026-12-02")
    git("mv", second, third)
    git.commit("renamed again", "2026-12-03")
    week = week_in_git(
        Vault.open(vault), Period(date(2026, 11, 30), date(2026, 12, 6)), date(2026, 12, 6)
    )
    renamed = (
        f"renamed {second}: the same name, its accents re-encoded (Unicode NFD -> NFC)"
        if first != second and unicodedata.normalize("NFC", first) == second
        else f"moved {first} -> {second}"
    )
    assert _week_lines(week) == [
        ("created", third, [
            "created (status active, current 0, target 10 books, due 2026-12-31)",
            renamed, "current 0 -> 1", f"moved {second} -> {third}",
        ]),
    ]  # fmt: skip


def test_a_rename_that_only_re_encodes_the_accents_says_so(
    git: Git, write: Write, invoke: Invoke, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Mac-to-Linux sync renames `Café` written as `e` and an accent (NFD) to `é`
    (NFC): both names look the same, so the move says what changed."""
    nfd, nfc = "goals/Cafe\u0301 cre\u0300me tasting.md", "goals/Caf\u00e9 cr\u00e8me tasting.md"
    write(nfd, goal(0))
    git.commit("from the Mac", "2026-11-30")
    git("mv", nfd, nfc)
    git.commit("from Linux", "2026-12-01")
    said = f"renamed {nfc}: the same name, its accents re-encoded (Unicode NFD -> NFC)"
    assert summary(history_json(invoke, "connect")["entries"])[-1][3] == [said]
    assert said in invoke("history").stdout
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-06")
    review = invoke("review", "--stdout").stdout
    assert f"- Created: [[Caf\u00e9 cr\u00e8me tasting]] ({CREATED[9:]}: {said}" in review


def test_a_commit_dated_after_today_counts_where_gits_order_puts_it(
    git: Git, write: Write, vault: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A phone's clock set wrong dates a commit in 2027: history says so, and the week
    counts it on the day of the commit after it in git's order (today when none is),
    naming it, rather than leaving the change out."""
    write("goals/Connect.md", goal(0))
    git.commit("start", "2026-11-20")
    write("goals/Connect.md", goal(1))
    git.commit("from the phone", "2027-05-01")
    write("goals/Connect.md", goal(2))
    git.commit("from the Mac", "2026-11-25")
    write("goals/Connect.md", goal(5))
    phone = git.commit("from the phone again", "2027-05-01")[:7]
    opened = Vault.open(vault)
    weeks = [
        week_in_git(opened, Period(date(2026, 11, 23), date(2026, 11, 29)), date(2026, 12, 6)),
        week_in_git(opened, Period(date(2026, 11, 30), date(2026, 12, 6)), date(2026, 12, 6)),
    ]
    assert [_week_lines(w) for w in weeks] == [
        [("changed", "goals/Connect.md", ["current 0 -> 1", "current 1 -> 2"])],
        [("changed", "goals/Connect.md", ["current 2 -> 5"])],
    ]
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-05")  # not the real day: named
    after = "after the day JOURNAL_TODAY sets (2026-12-05)"
    assert (
        f"2027-05-01  {phone}  {AUTHOR}: from the phone again  (dated {after})"
        in invoke("history", "connect").stdout
    )
    assert f"{phone}  {AUTHOR}: from the phone again  (dated {after})" in invoke("history").stdout
    assert "2026-11-25  " in invoke("history").stdout  # the others as they were
    result = invoke("review", "--stdout")
    assert result.exit_code == 0, result.output
    review = result.stdout
    assert "- Changed: [[Connect]]: current 2 -> 5\n" in review
    assert (
        f"- {phone} is dated 2027-05-01, {after}: counted in this week, as the commit after"
        " it in git's order is (or today)\n"
    ) in review


@contextlib.contextmanager
def local_time_zone(tz: str) -> Iterator[None]:
    """This process's local time zone is ``tz`` (a POSIX TZ string) inside."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = tz
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()


def test_a_commit_made_now_in_a_time_zone_a_day_ahead_is_not_after_today(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit made a moment ago at +14:00 carries tomorrow's date for a reader at
    -10:00: its moment is not after now, so no clock is blamed and the week counts it
    today (the author's day is tomorrow)."""
    monkeypatch.delenv("JOURNAL_TODAY")  # the real now
    write("goals/Connect.md", goal(1))
    stamp = f"{int(time.time())} +1400"
    git("add", "-A")
    dates = {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    git("commit", "-qm", "from Kiribati", env=dates)
    with local_time_zone("<-10>10"):
        timeline = invoke("history", "connect").stdout
        vault = invoke("history").stdout
        review = invoke("review", "--stdout").stdout
    assert f"{AUTHOR}: from Kiribati\n" in timeline and "from Kiribati" in vault
    assert "clock set wrong" not in timeline + vault + review
    assert "- Created: [[Connect]]" in review


def test_on_the_real_day_a_commit_dated_today_but_tomorrow_here_names_its_moment_here(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: a commit made at 22:00 -12:00 today (tomorrow morning at UTC),
    read at UTC on the real day, was "dated <today> ... later than now" with nothing to
    say why a commit of today is after now: its moment here is named, as before
    2026-12-07 (with JOURNAL_TODAY, its own date alone says whether it is after)."""
    monkeypatch.delenv("JOURNAL_TODAY")  # the real now
    monkeypatch.setenv("COLUMNS", "200")
    with local_time_zone("UTC0"):
        today = date.today()
        write("goals/Connect.md", goal(1, due="2099-12-31"))
        stamp = f"{today}T22:00:00-12:00"
        git("add", "-A")
        git(
            "commit",
            "-qm",
            "late out west",
            env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp},
        )
        timeline = invoke("history", "connect").stdout
    here = f"{today + timedelta(days=1)} 10:00 here"
    assert f"late out west  (dated {here}, later than now: a clock set wrong?)" in timeline


def _now_in_kiribati(git: Git, message: str) -> None:
    """A commit of everything, made now at +14:00 (tomorrow's date at -10:00)."""
    stamp = f"{int(time.time())} +1400"
    git("add", "-A")
    git("commit", "-qm", message, env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})


def test_a_commit_made_now_a_day_ahead_counts_today_for_the_review_and_the_series(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: a commit made a moment ago at +14:00 is dated tomorrow at -10:00, and
    the review (the day a goal was done, a past week's targets) and the series took it
    as made after today: left out.  It counts today, as in the history's lists."""
    monkeypatch.delenv("JOURNAL_TODAY")  # the real now
    with local_time_zone("<-10>10"):
        today = date.today()
        started = (today - timedelta(days=20)).isoformat()
        old = goal(1, due="2027-06-30").replace("start: 2026-10-01", f"start: {started}")
        write("goals/Connect.md", old)
        stamp = f"{started}T12:00:00-10:00"
        git("add", "-A")
        git("commit", "-qm", "start", env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
        write("goals/Connect.md", old.replace("current: 1", "current: 3"))
        _now_in_kiribati(git, "two more")
        assert history_json(invoke, "connect")["series"][-1] == {
            "date": today.isoformat(),
            "value": 3,
            "source": "git",  # not "file": the commit's value, not one git has not seen
        }
        write("goals/Connect.md", old.replace("target: 5", "target: 8"))
        _now_in_kiribati(git, "moved the goalposts")
        vault = Vault.open(git.root)
        catalog = load_catalog(vault)
        then = goals_then(vault, catalog, today - timedelta(days=7), today)
        assert then == {"goals/Connect.md": {"target": 5}}
        write("goals/Connect.md", old.replace("status: active", "status: done"))
        _now_in_kiribati(git, "done")
        catalog = load_catalog(vault)
        assert done_days(vault, catalog.goals, today) == {"goals/Connect.md": today}


def test_with_journal_today_now_is_the_end_of_that_day_on_each_commits_clock(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``JOURNAL_TODAY`` makes now the end of that day on each commit's own clock (its
    recorded offset): a commit of that day, wherever it was made, is not after today;
    one past its end (and 10 minutes' slack for a drifting clock) is, whatever the
    local time zone (it once was the end of the day here: 23:30 at -08:00 was after
    today read at UTC, not at -10:00)."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-22")
    monkeypatch.setenv("COLUMNS", "200")  # --plain's commit lines unwrapped
    write("goals/Connect.md", goal(1))
    git.commit("here on the 22nd", "2026-11-22")
    for current, message, stamp in (
        (2, "late on the 22nd out west", "2026-11-22T23:30:00-08:00"),  # the 23rd at UTC
        (3, "drifted", "2026-11-23T00:09:00+14:00"),
        (4, "a day ahead", "2026-11-23T00:11:00-10:00"),  # the 23rd on its clock
    ):
        write("goals/Connect.md", goal(current))
        git("add", "-A")
        git("commit", "-qm", message, env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp})
    after = "after the day JOURNAL_TODAY sets (2026-11-22)"  # not the real day
    seen = []
    for zone in ("UTC0", "<-10>10", "<+14>-14"):
        with local_time_zone(zone):
            lines = invoke("history").stdout.splitlines()
            plain = invoke("--plain", "history").stdout.splitlines()
            review = invoke("review", "--stdout").stdout
            week = week_in_git(
                Vault.open(git.root),
                Period(date(2026, 11, 16), date(2026, 11, 22)),
                date(2026, 11, 22),
            )
        flagged = [line for line in lines if line.endswith(f"(dated {after})")]
        assert [line.split(":")[1].split("  ")[0].strip() for line in flagged] == ["a day ahead"]
        late = [line for line in plain if f", a date {after} by " in line]
        assert [line.rsplit(": ", 1)[1] for line in late] == ["a day ahead"]
        assert week is not None and [r.summary for r in week.misdated] == ["a day ahead"]
        seen.append(review.split("## This week in git")[1].split("<!--")[0])
    assert seen[0] == seen[1] == seen[2]
    assert f"is dated 2026-11-23, {after}: counted" in seen[0]


def test_a_commit_that_only_changed_line_endings_or_the_bom_says_so(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Reported: a commit that only turned CRLF into LF, or only dropped Notepad's
    byte-order mark, said "text edited; no property changed"."""
    text = goal(1, goal_id="crlf", title="Mix FM")
    crlf = text.replace("\n", "\r\n").encode()
    write("goals/Mix FM.md", b"\xef\xbb\xbf" + crlf)
    git.commit("Notepad", "2026-11-16")
    write("goals/Mix FM.md", crlf)
    git.commit("no BOM", "2026-11-17")
    write("goals/Mix FM.md", text)
    git.commit("LF", "2026-11-18")
    write("goals/Mix FM.md", b"\xef\xbb\xbf" + crlf)
    git.commit("back", "2026-11-19")
    write("goals/Mix FM.md", crlf.replace(b"\r\n", b"\n", 3))
    git.commit("mixed", "2026-11-20")
    write("goals/Mix FM.md", crlf.replace(b"Why now", b"Why today"))
    git.commit("edited", "2026-11-21")
    lines = invoke("history", "Mix FM").stdout.splitlines()
    told = [line for line in lines if line.startswith("  ")][1:6]
    assert told == [
        "  byte-order mark removed",
        "  line endings changed (CRLF to LF)",
        "  line endings changed (LF to CRLF); byte-order mark added",
        "  line endings changed; byte-order mark removed",
        "  text edited; no property changed",
    ]
    entries = history_json(invoke, "Mix FM")["entries"]
    assert isinstance(entries, list)
    assert [e["layout"] for e in entries][1:] == [
        "byte-order mark removed",
        "line endings changed (CRLF to LF)",
        "line endings changed (LF to CRLF); byte-order mark added",
        "line endings changed; byte-order mark removed",
        "",
    ]
    vault = invoke("history").stdout  # the vault's: no event, no line
    assert ": Notepad" in vault and ": edited" not in vault and ": no BOM" not in vault


def test_a_goal_counting_its_meetings_is_told_without_its_files_current(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Found by an HR user: `created (status active, current 0, ...)` in `journal history`
    and the review's "This week in git" for a goal whose value is its meetings' count, where
    `current` is not read (the review's scoreboard said 1 of 6 beside it)."""
    counted = goal(0, title="Coffee chats").replace("---\n#", "metric_source: meetings\n---\n#")
    write("goals/Coffee chats.md", counted)
    meeting = "---\ntype: meeting\ndate: 2026-11-17\nkind: coffee\ngoal: '[[Coffee chats]]'\n---\n"
    write("meetings/2026-11-17 Coffee.md", meeting)
    git.commit("Start", "2026-11-17")
    write("goals/Coffee chats.md", counted.replace("current: 0", "current: 5"))
    git.commit("A stale current, not read", "2026-11-18")
    entries = history_json(invoke, "Coffee chats")["entries"]
    assert [events for *_rest, events in summary(entries)] == [
        ["created (status active, target 5 conversations, due 2026-12-31)"],
        ["property changed: current"],
    ]
    assert history_points(invoke, "Coffee chats") == [("2026-10-01", 0), ("2026-11-17", 1)]
    assert _week_in_git(invoke, git.root) == (
        "- Created: [[Coffee chats]] (status active, target 5 conversations, due 2026-12-31): "
        "property changed: current"
    )


def test_a_commit_after_the_day_journal_today_sets_is_not_blamed_on_the_clock(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: README's first session imitates 2026-11-22 and commits on the real
    day, after it; history and the review asked whether a clock was set wrong.  They
    name the day JOURNAL_TODAY sets instead, and the week still counts the commit."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-22")  # a day before the real one
    monkeypatch.setenv("COLUMNS", "200")  # --plain's commit lines unwrapped
    write("goals/Connect.md", goal(1))
    made = git.commit("first week", "2026-12-01")[:7]
    after = "after the day JOURNAL_TODAY sets (2026-11-22)"
    timeline = invoke("history", "connect").stdout
    plain = invoke("--plain", "history").stdout
    review = invoke("review", "--stdout").stdout
    assert f"{AUTHOR}: first week  (dated {after})\n" in timeline
    assert f"on 2026-12-01, a date {after} by {AUTHOR}: first week" in plain
    assert "clock set wrong" not in timeline + plain + review
    assert "- Created: [[Connect]]" in review
    assert (
        f"- {made} is dated 2026-12-01, {after}: counted in this week, as the commit after"
        " it in git's order is (or today)\n"
    ) in review


def test_a_commit_of_journal_todays_day_is_not_after_it_in_any_time_zone(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in a tryout: a commit made at 23:30 -08:00 on 2027-01-03, with
    JOURNAL_TODAY=2027-01-03, was "dated 2027-01-03 ... after the day JOURNAL_TODAY sets
    (2027-01-03)" read in Auckland, then "dated 2027-01-04 20:30 here, ..." (since
    2026-12-07), and at -08:00 nothing: the same repository and day told otherwise by
    the machine's time zone.  Its own day is that day: no remark, in any zone."""
    monkeypatch.setenv("JOURNAL_TODAY", "2027-01-03")
    monkeypatch.setenv("COLUMNS", "200")
    write("goals/Connect.md", goal(1, due="2027-12-31"))
    git("add", "-A")
    stamp = "2027-01-03T23:30:00-08:00"
    env = {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    git("commit", "-q", "--no-verify", "-m", "late post", env=env)
    made = git("rev-parse", "--short=7", "HEAD").strip()
    seen = set()
    for zone in ("NZST-12NZDT,M9.5.0,M4.1.0/3", "UTC0", "PST8PDT"):  # +13:00, 0, -08:00
        with local_time_zone(zone):
            timeline = invoke("history", "connect").stdout
            plain = invoke("--plain", "history").stdout
            review = invoke("review", "--stdout").stdout
        assert f"2027-01-03  {made}  {AUTHOR}: late post\n" in timeline
        assert "dated" not in timeline and "a date" not in plain
        seen.add(review.split("## This week in git\n\n")[1].split("\n<!--")[0])
    created = "(status active, current 1, target 5 conversations, due 2027-12-31)"
    assert seen == {f"- Created: [[Connect]] {created}"}


def test_with_the_real_today_a_commit_after_it_asks_about_the_clock(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without JOURNAL_TODAY a commit dated after now is put down to a clock set wrong."""
    monkeypatch.delenv("JOURNAL_TODAY")  # the real now
    write("goals/Connect.md", goal(1, due="2099-12-31"))
    ahead = (date.today() + timedelta(days=400)).isoformat()
    made = git.commit("from the phone", ahead)[:7]
    assert f"{AUTHOR}: from the phone  (dated later than now: a clock set wrong?)\n" in (
        invoke("history", "connect").stdout
    )
    assert f"- {made} is dated {ahead}, later than now (a clock set wrong?): counted" in (
        invoke("review", "--stdout").stdout
    )


def test_a_check_in_corrected_or_reverted_is_told_so_and_counted_once(
    tmp_path: Path, invoke: Invoke
) -> None:
    """Found in a tryout: a check-in logged (`+2 two chats`) and corrected in place the
    next day (`+1 one chat ...`) showed as two check-ins in the goal's history, and the
    review said `2 check-ins` while its Check-ins section listed one; a `git revert` of
    a logged check-in told only the drop of `current`."""
    repo, note = _started(tmp_path)
    note.write_text(goal(3, log=("2026-10-08: +1", "2026-11-17: +2 two chats")))
    repo.commit("journal: log +2", "2026-11-17")
    note.write_text(goal(2, log=("2026-10-08: +1", "2026-11-17: +1 one chat (one cancelled)")))
    repo.commit("correct the check-in", "2026-11-18")
    timeline = invoke("history", "Connect", root=repo.root).stdout
    assert "  current 3 -> 2\n  check-in changed: 2026-11-17 +2 two chats -> +1 one chat" in (
        timeline
    )
    assert _week_in_git(invoke, repo.root) == "- Changed: [[Connect]]: current 1 -> 2; " + (
        "check-in 2026-11-17 +1 one chat (one cancelled)"
    )
    review = invoke("review", "--stdout", root=repo.root).stdout
    assert review.count("one chat (one cancelled)") == 2  # the Check-ins section's, and git's
    stamp = "2026-11-19T12:00:00+01:00"
    dated = {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    repo("revert", "--no-edit", "HEAD", "HEAD~1", env=dated)
    shown = json.loads(invoke("history", "Connect", "--json", root=repo.root).stdout)
    assert [ev["text"] for ev in shown["entries"][-1]["events"]] == [
        "current 3 -> 1",
        "check-in removed: 2026-11-17 +2 two chats",
    ]
    assert (
        _week_in_git(invoke, repo.root) == "- Changed: [[Connect]]: current 1 -> 3 -> 2 -> 3 -> 1"
    )


def test_the_value_a_goal_is_first_committed_with_is_no_check_in(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tryout: `current: 10`, no log, committed long after its start. Before git,
    `status` said `(never)`; after the first commit it said `(last 2026-10-01)`, T006
    "no check-in since 2026-10-01" and `history` `2026-10-01  10  git`: a check-in on
    the start day that never happened. The value still counts from the start (as
    without git), told as first committed on its commit's day; a later commit that
    changes it is a check-in."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-06")
    write(
        "goals/Apply to 50 jobs.md",
        "---\ntype: goal\ntitle: Apply to 50 jobs\nstatus: active\nunit: applications\n"
        "target: 50\ncurrent: 10\nstart: 2026-10-01\ndue: 2026-12-31\n---\n",
    )
    quiet = "No recent check-in\n  Apply to 50 jobs (never)\n"
    assert quiet in invoke("status").stdout
    git.commit("first", "2026-12-06")
    assert quiet in invoke("status").stdout
    assert "no check-in since it began (2026-10-01): 66 days" in invoke("check").stdout
    assert invoke("history", "Apply to 50 jobs").stdout.endswith(
        "progress:\n  2026-10-01      10  first committed 2026-12-06\n"
    )
    assert history_json(invoke, "Apply to 50 jobs")["series"] == [
        {"date": "2026-10-01", "value": 10, "source": "first", "committed": "2026-12-06"}
    ]
    plain = invoke("--plain", "history", "Apply to 50 jobs").stdout
    assert "  2026-10-01: 10, as first committed, on 2026-12-06\n" in plain
    write(
        "goals/Apply to 50 jobs.md",
        "---\ntype: goal\ntitle: Apply to 50 jobs\nstatus: active\nunit: applications\n"
        "target: 50\ncurrent: 12\nstart: 2026-10-01\ndue: 2026-12-31\n---\n",
    )
    git.commit("two more", "2026-12-09")
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-20")
    assert "  Apply to 50 jobs (last 2026-12-09)\n" in invoke("status").stdout


def test_the_first_row_of_every_goal_begun_at_its_baseline_is_its_start(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tryout: goals written at their baseline and committed on their start day began
    `journal history`'s progress with `0 start`, `0 git` (a second commit that day) or
    `12 first committed 2026-12-06`, which changed again as commits came."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-20")
    note = (
        "---\ntype: goal\ntitle: {0}\nstatus: active\nbaseline: {1}\ntarget: {2}\n"
        "current: {1}\nstart: 2026-12-06\ndue: 2027-02-26\n{3}---\n## Log\n{4}"
    )
    write("goals/Build.md", note.format("Build", 0, 3, "", ""))
    write("goals/Cut.md", note.format("Cut", 12, 0, "", ""))
    write("goals/Send.md", note.format("Send", 0, 30, "", ""))
    git.commit("goals", "2026-12-06")
    write("goals/Build.md", note.format("Build", 0, 3, "kind: outcome\n", ""))
    git.commit("kind", "2026-12-06")
    write("goals/Cut.md", note.format("Cut", 12, 0, "", "\n- 2026-12-09: -2 fixed two\n"))
    git.commit("progress", "2026-12-12")
    for title, value in (("Build", 0), ("Cut", 12), ("Send", 0)):
        table = invoke("history", title).stdout.split("progress:\n", 1)[1]
        assert table.splitlines()[0] == f"  2026-12-06  {value:>6}  start", title
        assert history_json(invoke, title)["series"][0] == {  # type: ignore[index]
            "date": "2026-12-06",
            "value": value,
            "source": "start",
        }
