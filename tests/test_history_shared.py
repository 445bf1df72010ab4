"""History of a vault shared through git: check-ins dated ahead, merges of renames,
conflicts committed and resolved, a goal kept over a deletion (a team's tryout)."""

from __future__ import annotations

import pytest

from tests.conftest import Invoke, Write
from tests.gitutil import Git
from tests.test_history import _change_this_week, git, goal, history_json  # noqa: F401

FIRST = "2026-11-02: +1 first"


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
    assert series[-2:] == [("2026-12-03", 2), ("2026-12-07", 3)]
    assert max(value for _day, value in series) == 3
    assert _change_this_week(invoke, monkeypatch, "2026-12-06") == "+1"
