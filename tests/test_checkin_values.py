"""Check-in values written with more glued on (``+1:30``, ``+1.5h``, ``+40%``, ``++1``)
or after a time with its UTC offset: reported, never read as another number."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from journal.core.checkins import CheckInError, parse_log_line
from tests.conftest import Invoke, Write, goal_text

GOAL = "goals/Practise SQL 40 hours.md"
TITLE = "Practise SQL 40 hours"
DAILY = "daily/2026-11-21.md"


def _goal(unit: str, log: str = "") -> str:
    text = goal_text(TITLE, metric="time practised", unit=f'"{unit}"', target=40, current=1)
    return text + log


def _findings(invoke: Invoke, rule: str) -> list[tuple[int, str, str]]:
    result = invoke("check", "--select", rule, "--json")
    return [(f["line"], f["message"], f["suggestion"]) for f in json.loads(result.stdout)]


@pytest.mark.parametrize(
    "written", ["+1:30", "+0:45", "+2-3", "+1;30", "-1:30", "=2:15", "+1:30.", "+1.5:30"]
)
def test_a_value_with_more_digits_glued_on_is_no_value(written: str) -> None:
    """Reported: `+1:30` was read as +1 and the note `30 a`, `+2-3` as +2, silently."""
    with pytest.raises(CheckInError, match=f"'{re.escape(written)}' is no value journal reads"):
        parse_log_line(f"- 2026-11-02: {written} a", 1)


@pytest.mark.parametrize(
    ("unit", "written", "meant"),
    [
        ("hours", "+1:30", "+1.5"),
        ("hrs", "+0:45", "+0.75"),
        ("h", "+1.5h", "+1.5"),
        ("hours", "+45min", "+0.75"),
        ("hours", "+1h30", "+1.5"),
        ("minutes", "+1:30", "+90"),
        ("min", "+1.5h", "+90"),
        ("minutes", "+45min", "+45"),
    ],
)
def test_a_duration_in_the_log_or_a_field_is_reported_with_the_value_in_the_goals_unit(
    invoke: Invoke, write: Write, unit: str, written: str, meant: str
) -> None:
    write(GOAL, _goal(unit, f"- 2026-11-02: {written} CTEs\n"))
    write(DAILY, f"progress:: [[{TITLE}]] {written} joins\n")
    [(line, message, fix)] = _findings(invoke, "H006")
    assert line == 18 and message.startswith(f"log line: '{written}' is no value journal reads")
    assert fix.startswith(f"write `{meant}` for `{written}` (the goal counts {unit})")
    [(_, message, fix)] = _findings(invoke, "H010")
    assert message.startswith(f"`progress::` '{written}' is no value journal reads")
    assert fix == f"write `progress:: [[{TITLE}]] {meant} joins`"
    shown = json.loads(invoke("log", TITLE, "--json").stdout)
    assert [c["note"] for c in shown["checkins"]] == ["Coffee with [[Dana Ortiz]]"]
    result = invoke("log", TITLE, written, "CTEs")
    assert result.exit_code == 2
    assert f"for this goal, counted in {unit}, write {meant}" in result.stderr


@pytest.mark.parametrize("written", ["+1:30", "+1.5h", "+2-3"])
def test_a_glued_value_in_another_unit_gets_a_fix_unlike_the_line(
    invoke: Invoke, write: Write, written: str
) -> None:
    write(GOAL, _goal("chapters"))
    write(DAILY, f"progress:: [[{TITLE}]] {written} joins\n")
    [(_, _, fix)] = _findings(invoke, "H010")
    assert fix == (
        f"write the number alone, in the goal's unit (chapters): `progress:: [[{TITLE}]] +N joins`"
    )


@pytest.mark.parametrize(
    "line",
    [
        "- 2026-11-19 14:05 +0100 coffee with Dana",
        "- 2026-11-20 10:00:00+05:30 call with Sam",
        "- 2026-11-20 10:00 -0800: +1 x",
        "- 2026-11-20 10:00 Z +1 x",
        "- 2026-11-20 10:00Z x",
    ],
)
def test_a_time_with_its_offset_is_no_change(line: str) -> None:
    """Reported: `14:05 +0100` was read as +100, and `journal log` wrote it into current."""
    with pytest.raises(CheckInError, match="a time with a UTC offset"):
        parse_log_line(line, 1)


def test_a_time_alone_and_a_change_after_it_still_read() -> None:
    found = parse_log_line("- 2026-11-19 14:05 +1 coffee", 1)
    assert found is not None and (found.op, found.amount, found.note) == ("+", 1, "coffee")
    found = parse_log_line("- 2026-11-19 14:05 Zoom call", 1)
    assert found is not None and (found.op, found.note) == (None, "Zoom call")


def test_a_doubled_plus_is_reported_with_its_fix() -> None:
    with pytest.raises(CheckInError, match=r"one sign: write \+1, not \+\+1"):
        parse_log_line("- 2026-11-13: ++1", 1)


def test_a_percent_counts_for_a_percent_goal_only(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    write(GOAL, _goal("%", "- 2026-11-08: +40% course\n- 2026-11-09: +5%\n"))
    shown = json.loads(invoke("log", TITLE, "--json").stdout)
    assert sorted((c["change"], c["note"]) for c in shown["checkins"]) == [
        ("+1", "Coffee with [[Dana Ortiz]]"),
        ("+40", "course"),
        ("+5", ""),
    ]
    result = invoke("log", TITLE, "+5%", "module 3")
    assert result.exit_code == 0, result.stderr
    assert (vault / GOAL).read_text().endswith("- 2026-11-22: +5 module 3\n")
    write(GOAL, _goal("chapters", "- 2026-11-08: +40%\n"))
    [(_, message, fix)] = _findings(invoke, "H006")
    assert message.startswith("log line: '+40%' is no value journal reads")
    assert fix.startswith("write the number alone, in the goal's unit (chapters)")
    assert invoke("log", TITLE, "+5%").exit_code == 2


def test_journal_log_counts_a_percent_line_of_a_percent_goal(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """`current` is baseline plus the log with its `+40%` line: no disagreement, no warning."""
    write(GOAL, _goal("%", "- 2026-11-08: +40%\n").replace("current: 1", "current: 41"))
    result = invoke("log", TITLE, "+5%")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("current 41 -> 46\n") and not result.stderr
    assert "\ncurrent: 46\n" in (vault / GOAL).read_text()


@pytest.mark.parametrize("written", ["`+5`", "`+5` ran", "``=3``"])
def test_a_value_in_code_is_told_as_no_value(invoke: Invoke, write: Write, written: str) -> None:
    """Reported: ``progress:: [[Goal]] `+5` `` counts nothing (the amount is code) and
    H010 said nothing: it has no value, and the fix writes the change outside code."""
    write(GOAL, _goal("hours"))
    write(DAILY, f"progress:: [[{TITLE}]] {written}\n")
    [(line, message, fix)] = _findings(invoke, "H010")
    code, *rest = written.split()
    code = code.strip("`")
    assert line == 1
    assert message == (
        f"`progress:: [[{TITLE}]]` has no value: `{code}` is in code, which adds nothing"
    )
    kept = "".join(f" {word}" for word in rest)  # (found in review: the note was dropped)
    fix_text = f"write the change outside code, after the link: `progress:: [[{TITLE}]] {code}"
    assert fix == f"{fix_text}{kept}`"


def test_a_note_in_code_with_no_value_in_it_is_a_dated_note(invoke: Invoke, write: Write) -> None:
    write(GOAL, _goal("hours"))
    write(DAILY, f"progress:: [[{TITLE}]] `make test` ran\n")
    assert _findings(invoke, "H010") == []


@pytest.mark.parametrize(
    ("value", "fixed"),
    [
        ("`[[Other]]` [[{t}]] +1,5 joins", "`[[Other]]` [[{t}]] +1.5 joins"),
        ("[[{t}]] `+1,5` +1,5 joins", "[[{t}]] `+1,5` +1.5 joins"),
    ],
)
def test_h010s_fix_reads_the_link_and_value_outside_code(
    invoke: Invoke, write: Write, value: str, fixed: str
) -> None:
    """Reported: the fix split the field at its first ``]]``, one inside code too, and
    put the value right in the first ``+1,5``, in code or not."""
    write(GOAL, _goal("hours"))
    write(DAILY, f"progress:: {value.format(t=TITLE)}\n")
    [(_, _, fix)] = _findings(invoke, "H010")
    assert fix == f"write `progress:: {fixed.format(t=TITLE)}`"
