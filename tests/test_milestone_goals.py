"""Goals measured by their milestones: milestones and neither ``metric`` nor ``target``
(found in a tryout: a portfolio project read as unmeasurable, its pace unknown with a
milestone 16 days overdue)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Invoke, Write, goal_text

#: Today is 2026-11-22: "Notebook" is 2 days overdue, "Dataset chosen" done.
MILESTONES = (
    "\n  - title: Dataset chosen\n    due: 2026-11-10\n    done: 2026-11-09"
    "\n  - title: Notebook\n    due: 2026-11-20\n  - title: Deck\n    due: 2027-01-15"
    "\n  - title: Talk\n    due: 2027-01-20\n    dropped: true"
)


def _unmeasured(milestones: str = MILESTONES) -> str:
    text = goal_text("Ship a portfolio project", milestones=milestones, start="2026-11-01")
    unsaid = ("metric:", "unit:", "baseline:", "target:", "current:")
    return "".join(line for line in text.splitlines(True) if not line.startswith(unsaid))


def test_a_goal_with_milestones_and_no_metric_is_measured_by_them(
    invoke: Invoke, write: Write
) -> None:
    write("goals/portfolio.md", _unmeasured())
    (listed,) = json.loads(invoke("list", "--json").stdout)
    assert listed["metric_source"] == "milestones"
    assert (listed["current"], listed["target"], listed["unit"]) == (1, 3, "milestones")
    assert abs(listed["progress"] - 1 / 3) < 0.01
    (board,) = json.loads(invoke("status", "--json").stdout)["goals"]
    assert board["pace"] == "behind"
    assert "1/3 milestones" in invoke("status").stdout
    shown = invoke("show", "Ship a portfolio project").stdout
    assert "measure: milestones done: 0 -> 1 / 3 milestones" in shown
    assert "counted from its milestones done" in shown
    found = json.loads(invoke("check", "--json").stdout)
    assert not [f for f in found if f["rule"].startswith("M")]
    review = invoke("review", "--stdout").stdout
    assert "**1** of 3 milestones (from 0)" in review
    assert "behind (milestone Notebook overdue 2 days)" in review


def test_a_goal_measured_by_its_milestones_is_on_track_with_none_overdue(
    invoke: Invoke, write: Write
) -> None:
    write("goals/portfolio.md", _unmeasured(MILESTONES.replace("2026-11-20", "2026-12-20")))
    (board,) = json.loads(invoke("status", "--json").stdout)["goals"]
    assert board["pace"] == "on track"


def test_all_milestones_done_is_m008s_hint_not_done(invoke: Invoke, write: Write) -> None:
    done = MILESTONES.replace("due: 2026-11-20", "due: 2026-11-20\n    done: true").replace(
        "due: 2027-01-15", "due: 2027-01-15\n    done: 2026-11-21"
    )
    write("goals/portfolio.md", _unmeasured(done))
    found = json.loads(invoke("check", "--json", "--select", "M").stdout)
    assert [f["rule"] for f in found] == ["M008"]


def test_logging_a_value_on_a_goal_measured_by_its_milestones_is_refused(
    invoke: Invoke, write: Write
) -> None:
    write("goals/portfolio.md", _unmeasured())
    result = invoke("log", "Ship a portfolio project", "+1", "did a thing")
    assert result.exit_code == 1
    assert "--milestone" in result.stderr


def test_a_milestone_counting_goal_with_an_overdue_milestone_is_behind(
    invoke: Invoke, write: Write
) -> None:
    text = goal_text(
        "Ship a portfolio project",
        milestones=MILESTONES,
        metric="milestones reached",
        unit="milestones",
        target=3,
        current=1,
        start="2026-11-01",
        due="2027-01-20",
    )
    write("goals/portfolio.md", text)
    (board,) = json.loads(invoke("status", "--json").stdout)["goals"]
    assert board["pace"] == "behind"


def test_the_plan_asks_a_goal_measured_by_its_milestones_for_those_due_each_week(
    invoke: Invoke, write: Write
) -> None:
    write("goals/portfolio.md", _unmeasured())
    plan = invoke("plan", "--stdout", "--start", "2026-11-02").stdout
    weeks = [line for line in plan.splitlines() if line.startswith("| 2026-W")]
    asked = [line.split(" | ")[2] for line in weeks]
    assert asked[:4] == ["0", "1", "2", "2"]  # due: 11-10 in W46, 11-20 in W47
    assert asked[-1] == "**3 (due)**"  # all of them by its due day


def test_done_short_of_its_milestones_says_to_mark_them_not_to_log(
    invoke: Invoke, write: Write
) -> None:
    write("goals/portfolio.md", _unmeasured())
    result = invoke("done", "Ship a portfolio project")
    assert "done at 1 of 3 milestones, short of its target" in result.stderr + result.stdout
    assert "--milestone TITLE" in result.stderr + result.stdout
    assert "journal log" not in result.stderr + result.stdout


def test_setting_target_and_current_on_a_goal_counting_meetings_is_still_refused(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Read-through: `metric=`/`target=` given with `current=` let a goal measured by its
    milestones become a counted one - and let a goal counting its meetings take a hand
    value too, which is refused with `current=` alone."""
    write("goals/hr.md", goal_text(metric_source="meetings"))
    before = (vault / "goals/hr.md").read_bytes()
    result = invoke("set", "five HR leaders", "target=10", "current=5")
    assert result.exit_code == 1
    assert "counts its meeting notes" in result.stderr
    assert (vault / "goals/hr.md").read_bytes() == before


def test_an_unreadable_baseline_or_current_leaves_a_milestone_goal_measured(
    invoke: Invoke, write: Write
) -> None:
    """Read-through: a goal measured by its milestones reads no `baseline` or `current`,
    yet one that can't be read made its value and pace unknown."""
    text = _unmeasured().replace("start: 2026-11-01\n", "start: 2026-11-01\ncurrent: lots\n")
    write("goals/portfolio.md", text)
    (board,) = json.loads(invoke("status", "--json").stdout)["goals"]
    assert board["pace"] == "behind"
