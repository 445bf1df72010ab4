"""History of a vault shared through git: check-ins dated ahead, merges of renames,
conflicts committed and resolved, a goal kept over a deletion (a team's tryout)."""

from __future__ import annotations

import contextlib
import subprocess
from datetime import date
from pathlib import Path

import pytest

from journal.adapters.vault import Vault
from journal.core.dates import Period
from journal.usecases.history import week_in_git
from tests.conftest import Invoke, Write
from tests.gitutil import Git
from tests.test_history import CREATED, _change_this_week, goal, history_json

FIRST = "2026-11-02: +1 first"


@pytest.fixture
def git(vault: Path, tmp_path: Path) -> Git:
    return Git(vault, tmp_path / "home").init()


def test_a_committed_check_in_dated_after_today_counts_once(
    git: Git, write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: a check-in committed from Auckland on Monday, read in Europe on Sunday,
    was counted twice: the file's value (which holds it) from today, then the check-in
    again on its day (2, 3 file, 4).  As without git: 2, then 3 on its day."""
    second = "2026-12-03: +1 second"
    write("goals/Connect.md", goal(1, log=(FIRST,)))
    git.commit("init", "2026-11-30")
    write("goals/Connect.md", goal(2, log=(FIRST, second)))
    git.commit("second", "2026-12-03")
    write("goals/Connect.md", goal(3, log=(FIRST, second, "2026-12-07: +1 third")))
    git.commit("third", "2026-12-07")
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-06")
    series = [(p["date"], p["value"]) for p in history_json(invoke, "connect")["series"]]
    assert series[-1:] == [("2026-12-03", 2)]  # the 12-07 line: no point before its day
    assert max(value for _day, value in series) == 2
    assert _change_this_week(invoke, monkeypatch, "2026-12-06") == "+1"


def merge(git: Git, branch: str, day: str, *, message: str | None = None) -> None:
    """Merge ``branch`` with ``--no-ff`` on ``day``; a conflict is left for the test."""
    stamp = {
        "GIT_AUTHOR_DATE": f"{day}T12:00:00+01:00",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00+01:00",
    }
    with contextlib.suppress(subprocess.CalledProcessError):  # a conflict: committed next
        git(
            "merge", "-q", "--no-ff", "-m", message or f"Merge branch '{branch}'", branch, env=stamp
        )


def deleted_on_a_branch(git: Git, write: Write) -> None:
    """goals/Connect.md committed on main, deleted on a branch ``del``; main checked out."""
    write("goals/Connect.md", goal(1, log=(FIRST,)))
    git.commit("init", "2026-11-20")
    git("checkout", "-q", "-b", "del")
    git("rm", "-q", "goals/Connect.md")
    git.commit("delete", "2026-12-01")
    git("checkout", "-q", "main")


def week(vault: Path, start: str) -> dict[str, list[tuple[str, list[str]]]]:
    """The week in git from ``start``: each list's (path, event texts)."""
    day = date.fromisoformat(start)
    end = date.fromordinal(day.toordinal() + 6)
    found = week_in_git(Vault.open(vault), Period(day, end), end)
    assert found is not None
    data = found.to_dict()
    return {
        k: [(g["path"], g["events"]) for g in data[k]]
        for k in ("created", "completed", "dropped", "deleted", "changed")
    }


@pytest.mark.parametrize("renamed_first", [False, True], ids=["edit-first", "rename-first"])
def test_a_goal_renamed_on_one_branch_and_edited_on_the_other(
    git: Git, write: Write, invoke: Invoke, vault: Path, renamed_first: bool
) -> None:
    """Reported: after merging a `git mv` of a goal with a check-in logged on the other
    branch, the merge read as `created` (the edit on the first parent) or repeated the
    other branch's check-in (the rename on the first parent).  The merge changed
    nothing itself; each branch's commits tell what they did, once."""
    write("goals/Old.md", goal(1, log=(FIRST,)))
    git.commit("init", "2026-11-20")
    git("checkout", "-q", "-b", "rename")
    git("mv", "goals/Old.md", "goals/New.md")
    git.commit("rename", "2026-12-01")
    git("checkout", "-q", "main")
    write("goals/Old.md", goal(2, log=(FIRST, "2026-12-02: +1 second")))
    git.commit("edit", "2026-12-02")
    if renamed_first:
        git("checkout", "-q", "rename")
    merge(git, "main" if renamed_first else "rename", "2026-12-03")
    assert (git.root / "goals/New.md").exists() and not (git.root / "goals/Old.md").exists()
    entries = history_json(invoke, "connect")["entries"]
    assert [(e["message"], [ev["text"] for ev in e["events"]]) for e in entries] == [  # type: ignore[attr-defined]
        ("init", [CREATED.replace("current 0", "current 1")]),
        ("rename", ["moved goals/Old.md -> goals/New.md"]),
        ("edit", ["current 1 -> 2", "check-in 2026-12-02 +1 second"]),
    ]
    vault_wide = history_json(invoke, "--limit", "0")["entries"]
    assert not [e for e in vault_wide if e["message"].startswith("Merge")]  # type: ignore[attr-defined, index]
    assert week(vault, "2026-11-30") == {
        "created": [], "completed": [], "dropped": [], "deleted": [],
        "changed": [("goals/New.md", [
            "moved goals/Old.md -> goals/New.md", "current 1 -> 2",
            "check-in 2026-12-02 +1 second",
        ])],
    }  # fmt: skip


def test_a_merge_that_keeps_a_goal_the_other_branch_deleted_says_so(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    """Reported: a merge that kept a goal over the other branch's deletion (modify/delete
    conflict, the goal kept) recorded nothing, so its timeline and the week's review
    ended on `deleted`.  The merge says it kept the goal, as it says a value it kept."""
    deleted_on_a_branch(git, write)
    write("goals/Connect.md", goal(2, log=(FIRST, "2026-12-02: +1 second")))
    git.commit("log", "2026-12-02")
    merge(git, "del", "2026-12-03")
    git.commit("Merge branch 'del'", "2026-12-03")  # the goal kept
    entries = history_json(invoke, "connect")["entries"]
    assert [(e["message"], [ev["text"] for ev in e["events"]]) for e in entries][-1] == (  # type: ignore[attr-defined]
        "Merge branch 'del'",
        ["kept (deleted on the merged branch del)"],
    )
    found = week(vault, "2026-11-30")
    assert found["deleted"] == []
    assert found["changed"] == [
        (
            "goals/Connect.md",
            [
                "deleted",
                "current 1 -> 2",
                "check-in 2026-12-02 +1 second",
                "kept (deleted on the merged branch del)",
            ],
        )
    ]


def test_check_ins_committed_between_conflict_markers_count_once(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    """Reported: check-ins left between conflict markers (committed so), then resolved,
    were told again by the resolving commit (`4 check-ins` in the week, for 2).  The
    check-ins of either side of a conflict are known: resolving it adds none."""
    write("goals/Connect.md", goal(1, log=(FIRST,)))
    git.commit("init", "2026-11-20")
    git("checkout", "-q", "-b", "b")
    write("goals/Connect.md", goal(2, log=(FIRST, "2026-12-01: +1 bee")))
    git.commit("b", "2026-12-01")
    git("checkout", "-q", "main")
    write("goals/Connect.md", goal(2, log=(FIRST, "2026-12-01: +1 ay")))
    git.commit("a", "2026-12-01")
    merge(git, "b", "2026-12-02")
    assert "<<<<<<<" in (vault / "goals/Connect.md").read_text()
    git.commit("merge with markers", "2026-12-02")
    write("goals/Connect.md", goal(3, log=(FIRST, "2026-12-01: +1 ay", "2026-12-01: +1 bee")))
    git.commit("resolve", "2026-12-03")
    entries = history_json(invoke, "connect")["entries"]
    assert [(e["message"], [ev["text"] for ev in e["events"]]) for e in entries][1:] == [  # type: ignore[attr-defined]
        ("b", ["current 1 -> 2", "check-in 2026-12-01 +1 bee"]),
        ("a", ["current 1 -> 2", "check-in 2026-12-01 +1 ay"]),
        ("resolve", ["current 2 -> 3"]),
    ]
    [(_path, events)] = week(vault, "2026-11-30")["changed"]
    assert sorted(e for e in events if e.startswith("check-in")) == [
        "check-in 2026-12-01 +1 ay",
        "check-in 2026-12-01 +1 bee",
    ]


def test_a_goal_made_on_one_branch_is_not_the_goal_deleted_on_the_other(
    git: Git, write: Write, invoke: Invoke
) -> None:
    """Found in review: a merge paired a goal one branch made with a goal of another id
    that the other branch deleted, their texts alike (one template), and told the new
    goal "kept (deleted on the merged branch ...)".  Two ids are two goals."""
    deleted_on_a_branch(git, write)
    write("goals/Meet.md", goal(1, log=(FIRST,), goal_id="meet", title="Meet HR leaders"))
    git.commit("new goal", "2026-12-02")
    merge(git, "del", "2026-12-03")  # clean: committed by git
    entries = history_json(invoke, "meet")["entries"]
    events = [ev["text"] for e in entries for ev in e["events"]]  # type: ignore[attr-defined]
    assert not any(text.startswith("kept") for text in events), events
