"""The days a commit changed a goal's value (``Goal.changed``), and the series a review
asks for worked out alone."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import journal.usecases.history as history
from journal.adapters.vault import Vault, load_catalog
from journal.usecases.history import goals_series, series_lookup
from tests.conftest import Write
from tests.gitutil import Git

TODAY = date(2026, 11, 22)


def goal(goal_id: str, current: int, log: str = "", start: str = "2026-10-01") -> str:
    return (
        f"---\ntype: goal\nid: {goal_id}\ntitle: {goal_id}\nstatus: active\nunit: calls\n"
        f"baseline: 0\ntarget: 9\ncurrent: {current}\nstart: {start}\ndue: 2026-12-31\n"
        f"---\n# {goal_id}\n\n## Log\n\n{log}"
    )


def test_a_first_commit_changes_the_value_after_a_log_line_dated_before_the_start(
    vault: Path, write: Write, tmp_path: Path
) -> None:
    """The value a goal was first committed with is no change of it, unless its log has
    a line dated before its start: the commit's point is then a `git` one."""
    git = Git(vault, tmp_path / "home").init()
    write("goals/Early.md", goal("early", 3, "- 2026-09-20: +1 before it began\n"))
    write("goals/Plain.md", goal("plain", 3, "- 2026-10-20: +1 a call\n"))
    write("goals/Twice.md", goal("twice", 2))
    git.commit("Goals", "2026-10-05")
    write("goals/Twice.md", goal("twice", 4))
    git.commit("More", "2026-11-10")
    opened = Vault.open(vault)
    goals = load_catalog(opened, TODAY).goals
    series = goals_series(opened, goals, TODAY)
    assert {g.id: g.changed for g in goals} == {
        "early": [date(2026, 10, 1)],
        "plain": [],
        "twice": [date(2026, 11, 10)],
    }
    sources = {p.source for p in series["goals/Early.md"].points}
    assert "git" in sources and "first" not in sources


def test_a_series_is_worked_out_when_asked(
    vault: Path, write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review asks for the series of the goals on its scoreboard: the others' are not
    worked out, though each goal's changed days are recorded."""
    git = Git(vault, tmp_path / "home").init()
    write("goals/A.md", goal("a", 1))
    write("goals/B.md", goal("b", 2))
    git.commit("Goals", "2026-10-05")
    opened = Vault.open(vault)
    goals = load_catalog(opened, TODAY).goals
    made: list[str] = []
    value_series = history.value_series

    def counting(goal: object, *args: object) -> object:
        made.append(getattr(goal, "id", ""))
        return value_series(goal, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(history, "value_series", counting)
    points = series_lookup(opened, goals, TODAY)
    assert made == [] and [g.changed for g in goals] == [[], []]
    first = next(g for g in goals if g.id == "a")
    assert points(first) == points(first) == [(date(2026, 10, 1), 1.0)]
    assert made == ["a"]
