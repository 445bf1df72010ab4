"""A goal on its due day and past it, as `list`, `show` and `status` say it (found in a
year-end tryout: `list` read `2026-12-31 (0d left)`, and `status` showed a goal past its
due day only as `behind`)."""

from __future__ import annotations

import pytest

from tests.conftest import Invoke, Write, goal_text


def test_the_due_day_is_told_as_today(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("goals/a.md", goal_text("Alpha", due="2026-12-31"))
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-31")
    assert "2026-12-31 (due today)" in invoke("list").stdout
    assert "  due: 2026-12-31 (due today)" in invoke("show", "Alpha").stdout
    assert "due 2026-12-31, today" in invoke("--plain", "list").stdout


def test_status_tells_a_goal_past_its_due_day(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("goals/a.md", goal_text("Alpha", due="2026-12-31"))
    write("goals/b.md", goal_text("Beta", due="2027-03-31"))
    monkeypatch.setenv("JOURNAL_TODAY", "2027-01-02")
    lines = invoke("status").stdout.splitlines()
    alpha = next(i for i, line in enumerate(lines) if " Alpha " in line)
    assert lines[alpha + 1].strip() == "past due: 2026-12-31, 2 days ago"
    assert not any("past due" in line for line in lines if "Beta" in line)
    assert sum("past due" in line for line in lines) == 1
