"""Pace against the straight line, rates, and check-ins from other notes."""

from __future__ import annotations

import re
from datetime import date

import pytest

from journal.core.catalog import Catalog
from journal.core.checkins import CheckIn
from journal.core.goal import Goal, Milestone
from journal.core.notes import parse_note
from journal.core.progress import (
    counted,
    expected_value,
    last_checkin,
    pace,
    plan_pace,
    reached,
)
from tests.conftest import REPO


def goal(**values: object) -> Goal:
    base: dict[str, object] = {
        "path": "g.md",
        "title": "G",
        "baseline": 0,
        "target": 10,
        "current": 5,
        "start": date(2026, 10, 1),
        "due": date(2026, 12, 10),
    }
    base.update(values)
    return Goal(**base)  # type: ignore[arg-type]


def test_expected_value_follows_the_straight_line() -> None:
    g = goal()  # 71 days, 2026-10-01 to 12-10 both included: the target by the 10th's end
    assert expected_value(g, date(2026, 9, 30)) == 0  # nothing is due before it starts
    assert expected_value(g, date(2026, 10, 1)) == pytest.approx(10 / 71)  # its first day
    assert expected_value(g, date(2026, 11, 4)) == pytest.approx(5 - 5 / 71)  # day 35 of 71
    assert expected_value(g, date(2026, 12, 9)) == pytest.approx(10 * 70 / 71)
    assert expected_value(g, date(2026, 12, 10)) == 10
    assert expected_value(g, date(2027, 1, 1)) == 10
    assert expected_value(goal(due=None), date(2026, 11, 5)) is None
    # reported (tryout): a goal of one day (due on its start) had no line, so its pace was
    # "unknown" on the day it was due, where the plan asked for the whole target
    one = goal(start=date(2026, 12, 31), due=date(2026, 12, 31))
    assert expected_value(one, date(2026, 12, 30)) == 0
    assert expected_value(one, date(2026, 12, 31)) == 10
    assert (
        expected_value(goal(start=date(2027, 1, 1), due=date(2026, 12, 31)), date(2027, 1, 1))
        is None
    )


def test_the_format_docs_worked_example_of_the_line_is_what_the_code_expects() -> None:
    """Reported: docs/format.md said the line reaches the target "on its due day", where
    the code expects it by the end of it (1 of 10 at the end of the start day)."""
    text = " ".join((REPO / "docs" / "format.md").read_text(encoding="utf-8").split())
    example = re.search(
        r"A goal from 0 to 10, start (\S+), due (\S+) \(10 days\), expects 1 on 12-01, 5 on "
        r"12-05 and 10 on 12-10 \(0 before its start, 10 after its due day\)",
        text,
    )
    assert example is not None
    g = goal(start=date.fromisoformat(example[1]), due=date.fromisoformat(example[2]))
    days = [date(2026, 11, 30), *(date(2026, 12, d) for d in (1, 5, 10, 11))]
    assert [expected_value(g, day) for day in days] == [0, 1, 5, 10, 10]


@pytest.mark.parametrize(
    ("current", "status"),
    [(5, "on track"), (6, "on track"), (7, "ahead"), (3, "behind"), (10, "done")],
)
def test_pace_status(current: float, status: str) -> None:
    assert pace(goal(current=current), date(2026, 11, 5)).status == status


def test_pace_rates_per_week() -> None:
    p = pace(goal(current=5), date(2026, 11, 5))
    assert p.seen_per_week == pytest.approx(1.0)  # 5 in 5 weeks
    assert p.needed_per_week == pytest.approx(1.0)  # 5 more in 5 weeks
    assert pace(goal(status="done"), date(2026, 11, 5)).status == "done"
    assert pace(goal(target=None), date(2026, 11, 5)).status == "unknown"


def test_a_goal_past_due_short_of_its_target_is_behind_without_a_start() -> None:
    """Reported: `status` and the review called such a goal's pace "unknown" (no start
    day to draw the line from) while `list` said "2d overdue"."""
    late = pace(goal(start=None, current=0, target=1, due=date(2026, 12, 1)), date(2026, 12, 3))
    assert (late.status, late.expected) == ("behind", 1)
    assert pace(goal(start=None), date(2026, 11, 5)).status == "unknown"  # not due yet


def test_decreasing_goals_are_done_at_or_below_target() -> None:
    assert pace(goal(baseline=10, target=2, current=2), date(2026, 11, 5)).status == "done"
    assert pace(goal(baseline=10, target=2, current=9), date(2026, 11, 5)).status == "behind"


def test_a_goal_reaches_its_target_in_its_direction_and_one_with_none_only_at_it() -> None:
    """Reviewed: "at target" was spelled four ways, which disagreed on a goal whose target
    is its baseline (M006): pace called a debt to pay down to 0 with no baseline, 5000
    still owed, "done"; M008, T006 and the review never saw one at its target."""
    assert (reached(goal(), 10), reached(goal(), 11), reached(goal(), 9.99)) == (True, True, False)
    down = goal(baseline=10, target=2)
    assert (reached(down, 2), reached(down, 1), reached(down, 3)) == (True, True, False)
    debt = goal(baseline=None, target=0, current=5000)
    assert (reached(debt, 0), reached(debt, 5000), reached(debt, -1)) == (True, False, False)
    assert pace(debt, date(2026, 11, 5)).status == "unknown"
    assert pace(goal(baseline=None, target=0, current=0), date(2026, 11, 5)).status == "done"
    assert not reached(goal(target=None), 5)
    assert not reached(goal(), None)


def test_a_goal_past_its_due_day_short_of_its_target_is_behind() -> None:
    """Reported: 75.4 kg on a 75 kg goal three days past due was "on track" (within
    the tolerance of the line, which then stands at the target)."""
    late = goal(baseline=80, target=75, current=75.4, due=date(2026, 11, 1))
    assert pace(late, date(2026, 11, 4)).status == "behind"
    assert pace(goal(current=9.5, due=date(2026, 11, 1)), date(2026, 11, 4)).status == "behind"
    assert pace(goal(current=10, due=date(2026, 11, 1)), date(2026, 11, 4)).status == "done"
    assert pace(goal(current=9.5), date(2026, 12, 10)).status == "on track"  # the due day


def test_a_plan_judges_a_goal_that_counts_down_the_right_way() -> None:
    """Reported: 79.9 kg against the plan's 79.2 was "ahead", 76.0 "behind"."""
    dates = {"start": date(2026, 12, 21), "due": date(2027, 1, 31)}
    weight = goal(baseline=80, target=75, current=79.5, **dates)  # in tenths: no count
    day = date(2026, 12, 27)
    assert plan_pace(weight, "on track", 79.9, 79.2, day) == "behind"
    assert plan_pace(weight, "on track", 76.0, 79.2, day) == "ahead"
    assert plan_pace(weight, "on track", 79.2, 79.2, day) == "on track"
    grow = goal()
    assert plan_pace(grow, "on track", 3, 5, date(2026, 11, 5)) == "behind"
    assert plan_pace(grow, "on track", 7, 5, date(2026, 11, 5)) == "ahead"


def test_a_plan_leaves_a_paused_done_or_overdue_goal_as_it_is() -> None:
    g = goal()
    assert plan_pace(g, "paused", 1, 5, date(2026, 11, 5)) == "paused"
    assert plan_pace(g, "done", 10, 5, date(2026, 11, 5)) == "done"
    assert plan_pace(g, "behind", 9, 9, date(2026, 12, 11)) == "behind"  # past its due day


def test_a_goal_one_step_from_its_target_is_judged_by_its_milestones() -> None:
    """Found in a tryout: a playbook to publish (0 to 1) was "behind" by the line once a
    tenth of its time had gone, and "on track (expected 0, by the plan)" with a plan,
    with a milestone 16 days overdue either way.  No line says how far along a single
    step should be: an undone milestone past its due day makes it behind, else it is on
    track until its due day."""
    draft = Milestone("First draft reviewed", date(2026, 12, 4), False, 0)
    done = Milestone("First draft reviewed", date(2026, 12, 4), date(2026, 12, 8), 0)
    one = {"target": 1, "current": 0, "start": date(2026, 11, 2), "due": date(2026, 12, 31)}
    playbook = goal(**one)
    for day in (date(2026, 11, 10), date(2026, 12, 4), date(2026, 12, 30)):
        now = pace(playbook, day)
        assert (now.status, now.expected, now.stepwise, now.late) == ("on track", None, True, None)
    late = pace(goal(**one, milestones=[draft]), date(2026, 12, 20))
    assert (late.status, late.expected, late.late) == ("behind", None, (16, draft))
    assert pace(goal(**one, milestones=[done]), date(2026, 12, 20)).status == "on track"
    assert pace(playbook, date(2027, 1, 1)).status == "behind"  # past its due day, as any
    # 4 of 5: the last step alone is left; the steps before may have come early
    assert pace(goal(target=5, current=4), date(2026, 12, 9)).status == "on track"  # line: 4.9
    assert pace(goal(target=5, current=4), date(2026, 10, 20)).status == "ahead"
    assert pace(goal(target=5, current=3), date(2026, 12, 9)).status == "behind"  # two steps


def test_an_overdue_milestone_leaves_a_numeric_goals_pace_to_its_line() -> None:
    """The choice: a goal with steps between is judged by its value against its line;
    an overdue milestone is told by T013 and the status line, not folded into its pace."""
    late = [Milestone("Shortlist", date(2026, 10, 20), False, 0)]
    assert pace(goal(current=5, milestones=late), date(2026, 11, 5)).status == "on track"
    assert pace(goal(target=10.5, current=10, milestones=late), date(2026, 11, 5)).status == (
        "ahead"  # not counted in whole steps: the line judges it
    )


def test_inline_progress_fields_count_once_with_the_notes_date() -> None:
    catalog = Catalog(
        [
            parse_note(
                "goals/Read books.md",
                b"---\ntype: goal\ntitle: Read books\naliases: [Reading]\n---\n## Log\n"
                b"- 2026-11-01: +1 first\n",
            ),
            parse_note(
                "daily/2026-11-20.md", b"Good day.\nprogress:: [[Read books]] +2 two more\n"
            ),
            parse_note(
                "daily/2026-11-21.md",
                b"progress:: [[Reading|alias]] =5\n```\nprogress:: [[Read books]] +100\n```\n",
            ),
            parse_note(
                "meetings/m.md",
                b"---\ntype: meeting\ndate: 2026-11-22\n---\n"
                b"- progress:: [[Read books]] a note only\n",
            ),
            parse_note("notes/undated.md", b"progress:: [[Read books]] +7\n"),
        ]
    )
    g = catalog.goals[0]
    assert [(c.day.isoformat(), c.op, c.amount, c.path) for c in g.checkins] == [
        ("2026-11-01", "+", 1.0, "goals/Read books.md"),
        ("2026-11-20", "+", 2.0, "daily/2026-11-20.md"),
        ("2026-11-21", "=", 5.0, "daily/2026-11-21.md"),
        ("2026-11-22", None, 0.0, "meetings/m.md"),
    ]
    assert last_checkin(g) == date(2026, 11, 22)


def test_a_milestone_done_on_a_stated_day_is_a_check_in_that_day() -> None:
    done = Milestone("Tutorial", date(2026, 11, 10), date(2026, 11, 12), 0)
    ticked = Milestone("Draft", date(2026, 11, 20), True, 1)  # no day: none to count
    g = goal(milestones=[done, ticked])
    assert last_checkin(g) == date(2026, 11, 12)
    assert last_checkin(g, until=date(2026, 11, 11)) is None


def test_exactly_a_tenth_of_the_way_off_is_on_track() -> None:
    """Reported: 0.025 against an expected 0.022 on the way from 0.02 to 0.05 was
    "ahead": (0.025 - 0.022) / 0.03 is 0.10000000000000009 in floats."""
    rate = goal(baseline=0.02, target=0.05, current=0.025)
    assert plan_pace(rate, "ahead", 0.025, 0.022, date(2026, 11, 4)) == "on track"
    assert plan_pace(rate, "ahead", 0.0251, 0.022, date(2026, 11, 4)) == "ahead"


def test_a_goal_with_no_value_has_an_unknown_pace() -> None:
    """Reported: shown as "?" on the board, yet judged "behind" as if at its baseline."""
    unknown = pace(goal(current=None), date(2026, 11, 4))
    assert (unknown.status, unknown.needed_per_week, unknown.seen_per_week) == (
        "unknown",
        None,
        None,
    )
    assert unknown.expected == 4  # where it should be all the same: the line's whole steps (4.9)
    assert pace(goal(current=None), date(2026, 11, 4), value=1).status == "behind"


def test_paused_and_dropped_goals_have_no_pace_to_keep() -> None:
    assert pace(goal(status="paused", current=1), date(2026, 11, 5)).status == "paused"
    assert pace(goal(status="dropped", current=1), date(2026, 11, 5)).needed_per_week is None


def test_notes_with_unreadable_front_matter_give_no_inline_check_ins() -> None:
    catalog = Catalog(
        [
            parse_note("goals/G.md", b"---\ntype: goal\ntitle: G\n---\n"),
            parse_note("daily/2026-11-20.md", b"---\ntitle: Plan: Q3\n---\nprogress:: [[G]] +1\n"),
        ]
    )
    assert catalog.goals[0].checkins == []


def test_a_goal_counted_in_whole_steps_is_judged_against_the_whole_steps_of_its_line() -> None:
    """Found in a tryout: 0 of 2 presentations was "behind" by the line (0.47 due) and
    "on track" with a plan, which asks for whole steps (0); and 0 of 3 gaps turned from on
    track to behind the day after the plan's last week.  Both judge by the whole steps
    the line has reached: no step is due until the line reaches the first."""
    two = goal(target=2, current=0, start=date(2026, 11, 2), due=date(2027, 3, 31))
    early = pace(two, date(2026, 12, 6))  # the line at 0.47
    assert (early.status, early.expected) == ("on track", 0)
    assert pace(two, date(2027, 1, 20)).status == "behind"  # the line at 1.05: 1 step due
    assert pace(goal(target=2, current=1), date(2026, 12, 1)).status == "on track"  # 1.7
    # not counted in whole steps: the line as it is
    assert pace(goal(target=2, current=0.1), date(2026, 12, 6)).status == "behind"


def test_a_count_is_judged_in_whole_steps_by_what_was_known_on_the_day_judged() -> None:
    """Reported: half a module logged on 01-12 made 1 of 4 modules on 01-10 "behind
    (expected 1.4)", judged "on track (expected 1)" that day: a check-in after the day
    judged, or a value after it, does not change how the goal was counted then."""
    one = CheckIn(date(2027, 1, 5), "+", 1, "module 1", 15, "g.md")
    half = CheckIn(date(2027, 1, 12), "+", 0.5, "half of module 2", 16, "g.md")
    dates = {"start": date(2027, 1, 1), "due": date(2027, 1, 28)}
    modules = goal(target=4, current=1.5, checkins=[one, half], **dates)
    then = pace(modules, date(2027, 1, 10), 1)
    assert (then.status, then.expected) == ("on track", 1)
    assert plan_pace(modules, "on track", 1, 1.43, date(2027, 1, 10)) == "on track"
    assert pace(modules, date(2027, 1, 13)).expected == pytest.approx(4 * 13 / 28)  # a measure
    assert counted(modules, date(2027, 1, 11), 1) and not counted(modules, date(2027, 1, 12), 1)
    assert not counted(modules, date(2027, 1, 10), 1.5)  # its value then in decimals
    assert not counted(modules)  # as it is now


def test_a_count_is_ahead_only_past_its_line_and_a_plan_judges_it_so() -> None:
    """Whole steps make a count behind later, not ahead sooner: 3 of 5 with the line at
    2.9 is on it, not a step past the 2 it expects; a plan's line, not its whole steps,
    judges the same way (0 of 2 against a plan's 0.47 is on track, 0 against 1.05 behind)."""
    five = goal(target=5, current=3)
    assert pace(five, date(2026, 11, 10)).status == "on track"  # line 2.9, expected 2
    assert pace(five, date(2026, 11, 10)).expected == 2
    two = goal(target=2, current=0, start=date(2026, 11, 2), due=date(2027, 3, 31))
    day = date(2026, 12, 6)
    assert plan_pace(two, "on track", 0, 0.47, day) == "on track"
    assert plan_pace(two, "on track", 0, 1.05, day) == "behind"
    assert plan_pace(two, "on track", 1, 0.47, day) == "ahead"
