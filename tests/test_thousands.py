"""Numbers a European writes: a point that may part thousands (``2.500``), refused when
typed, told by ``journal check`` when written (H022); and a goal whose baseline, target
or current can't be read, whose progress is unknown, never counted from 0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal.core.numerals import dotted_thousands
from tests.conftest import Invoke, Write, goal_text


def reads(written: str, read: str) -> str:
    """What is told of ``written``, whose point journal reads as a decimal point."""
    meant = written.replace(".", "")
    return (
        f"`{written}` reads as {read} in journal; write {meant} if you meant thousands, or {read}"
    )


READS = reads("2.500", "2.5")
ONE = reads("+1.000", "+1")


@pytest.mark.parametrize(
    ("written", "told"),
    [
        ("2.500", READS),
        ("1.000", reads("1.000", "1")),
        ("12.300", reads("12.300", "12.3")),
        ("+1.000", ONE),
        ("=-10.000", reads("=-10.000", "=-10")),
        (
            "1.000.000",
            "`1.000.000` parts its thousands with points, which journal does not read; "
            "write 1000000",
        ),
        ("0.125", None),
        ("0.500", None),
        ("1.125", None),
        ("2.5", None),
        ("2.50", None),
        ("2500", None),
        ("1000.000", None),
        ("1.0000", None),
    ],
)
def test_a_point_before_groups_of_three_may_part_thousands(written: str, told: str | None) -> None:
    assert dotted_thousands(written) == told


@pytest.mark.parametrize(
    "args",
    [
        ("new", "goal", "Einstellen", "--target", "2.500"),
        ("new", "goal", "Einstellen", "--baseline", "2.500"),
        ("new", "goal", "Einstellen", "--effort", "2.500"),
    ],
)
def test_new_refuses_a_number_whose_point_may_part_thousands(
    invoke: Invoke, vault: Path, args: tuple[str, ...]
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert READS in result.stderr
    assert not (vault / "goals").exists()


def test_set_and_log_refuse_it_and_change_nothing(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    path = write("goals/hr.md", goal_text())
    before = path.read_bytes()
    told = invoke("set", "Connect", "target=1.000")
    assert told.exit_code == 2
    assert reads("1.000", "1") in told.stderr
    logged = invoke("log", "Connect", "+1.000", "erste Tranche")
    assert logged.exit_code == 2
    assert ONE in logged.stderr
    assert path.read_bytes() == before
    assert invoke("set", "Connect", "target=2.5").exit_code == 0
    assert invoke("log", "Connect", "+0.125").exit_code == 0


def test_check_tells_a_written_one_where_it_is_and_reads_it_as_before(
    invoke: Invoke, write: Write
) -> None:
    text = goal_text(target="2.500", baseline="0.125").replace(
        "- 2026-11-20: +1 Coffee", "- 2026-11-20: +1.000 Coffee"
    )
    write("goals/hr.md", text + "- 2026-11-21: +2.5 more\n")
    write("daily/2026-11-21.md", "progress:: [[hr]] +1.000 tausend\nprogress:: [[hr]] +1.5\n")
    found = json.loads(invoke("check", "--json", "--select", "H022").stdout)
    assert [(f["path"], f["line"], f["severity"], f["message"]) for f in found] == [
        ("daily/2026-11-21.md", 1, "warning", f"progress:: {ONE}"),
        ("goals/hr.md", 9, "warning", "target: " + READS),
        ("goals/hr.md", 17, "warning", f"log line: {ONE}"),
    ]
    assert found[0]["suggestion"]
    records = json.loads(invoke("list", "--json").stdout)
    assert records[0]["target"] == 2.5  # read as before


REDUCE = """---
type: goal
title: Reduce turnover to 8 %
metric: turnover rate
unit: "%"
baseline: {baseline}
target: {target}
current: {current}
start: 2026-11-01
due: 2027-06-30
why: hiring costs
outcome: yearly turnover under 8 %
---
## Log

- 2026-11-20: =11.2 November figures
"""


@pytest.mark.parametrize(
    "values",
    [
        {"baseline": "12,5", "target": "8", "current": "11.2"},
        {"baseline": "12.5", "target": "8,0", "current": "11.2"},
        {"baseline": "12.5", "target": "8", "current": "11,2"},
    ],
)
def test_a_goal_with_a_number_it_cant_read_has_unknown_progress(
    invoke: Invoke, write: Write, values: dict[str, str]
) -> None:
    write("goals/reduce.md", REDUCE.format(**values))
    listed = invoke("list")
    assert "140%" not in listed.stdout and " – " in listed.stdout, listed.stdout
    assert json.loads(invoke("list", "--json").stdout)[0]["progress"] is None
    status = json.loads(invoke("status", "--json").stdout)["goals"][0]
    assert (status["progress"], status["pace"]) == (None, "unknown")
    review = invoke("review", "--stdout").stdout
    row = next(line for line in review.splitlines() if line.startswith("| [[reduce]]"))
    assert "done" not in row and "140" not in row and "(from 0)" not in row, row
    assert "+11.2" not in row, row
    found = json.loads(invoke("check", "--json").stdout)
    assert "H005" in {f["rule"] for f in found}
    assert not {"M007", "M008", "A001", "M006"} & {f["rule"] for f in found}, found
    shown = invoke("show", "reduce").stdout
    assert "140" not in shown and "done" not in shown and ": 0 -> " not in shown, shown
