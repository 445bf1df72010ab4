"""journal plan made again: the rows of its ``targets`` property the user edited are
kept one by one (found in a tryout: any hand edit of one row, even a reorder of the
rows, kept the whole property, and no goal's later change reached its weekly values)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from journal.core import codec
from tests.conftest import Invoke, Write, goal_text

PLAN = "plans/2026-11-23-90-day-plan.md"
#: What `journal plan` says of a row of Alpha's the user edited.
KEPT_ALPHA = (
    f"journal: {PLAN}: kept your edits of the 'targets' row of Alpha, which the plan "
    "would change (run with --force to replace them)\n"
)


def rows_of(path: Path) -> dict[str, dict[str, object]]:
    doc = codec.decode(path.read_bytes())
    assert doc.data is not None
    return {row["goal"]: row for row in doc.data["targets"]}


def column(path: Path, goal: int) -> list[str]:
    """The cells of the ``goal``-th column (from 1) of the weekly targets table."""
    weeks = [r for r in path.read_text().splitlines() if re.match(r"\| 20\d\d-W\d\d \| 20", r)]
    return [r.split(" | ")[1 + goal] for r in weeks]


def two_goals(write: Write, invoke: Invoke, vault: Path) -> Path:
    write("goals/a.md", goal_text("Alpha", current=0, due="2026-12-31"))
    write("goals/b.md", goal_text("Beta", current=0, target=8, due="2027-01-31"))
    assert invoke("plan").exit_code == 0
    return vault / PLAN


def test_rows_reordered_by_hand_are_no_edit(invoke: Invoke, write: Write, vault: Path) -> None:
    path = two_goals(write, invoke, vault)
    head, alpha, beta_tail = re.split(r"(?m)^(?=  - goal: )", path.read_text(), maxsplit=2)
    beta, tail = beta_tail.split("generated_hash", 1)
    path.write_text(head + beta + alpha + "generated_hash" + tail)
    assert invoke("set", "Alpha", "target=7").exit_code == 0
    result = invoke("plan")
    assert result.exit_code == 0
    assert "kept your" not in result.stderr
    alpha_row = rows_of(path)["alpha"]
    assert (alpha_row["target"], alpha_row["values"][-1]) == (7, 7)  # type: ignore[index]
    assert [cell for cell in column(path, 1) if cell][-1] == "**7 (due)**"


def test_only_the_row_edited_is_kept(invoke: Invoke, write: Write, vault: Path) -> None:
    path = two_goals(write, invoke, vault)
    text = path.read_text()
    planned = rows_of(path)["alpha"]["values"]
    mine = [9, *planned[1:]]  # type: ignore[misc]
    edited = re.sub(
        r"(  - goal: alpha\n(?:    .*\n)*?    values: )\[.*\]",
        lambda m: m.group(1) + "[" + ", ".join(map(str, mine)) + "]  # holiday week: go easy",
        text,
    )
    path.write_text(edited)
    assert invoke("set", "Beta", "due=2027-01-15").exit_code == 0
    result = invoke("plan")
    assert result.exit_code == 0
    assert result.stderr == KEPT_ALPHA
    rows = rows_of(path)
    assert rows["alpha"]["values"] == mine
    assert "# holiday week: go easy" in path.read_text()
    assert (rows["beta"]["due"], rows["beta"]["values"][-1]) == ("2027-01-15", 8)  # type: ignore[index]
    assert column(path, 1)[0] == "9"
    assert [cell for cell in column(path, 2) if cell][-1] == "**8 (due)**"
    again = invoke("plan")
    assert (again.stdout, again.stderr) == (f"{PLAN}: unchanged\n", result.stderr)
    forced = invoke("plan", "--force")
    assert rows_of(path)["alpha"]["values"] == planned
    assert "kept your" not in forced.stderr


def test_a_kept_row_is_shown_as_it_was_planned(invoke: Invoke, write: Write, vault: Path) -> None:
    """Reported: a goal whose row the user edited, its due day moved since, had its
    Goals table say the new due day while its column, the kept values, ended there
    short of the target (``**2 (due)**``): the row's values are shown to the target and
    due day they were planned for, which the Goals table says."""
    path = two_goals(write, invoke, vault)
    text = path.read_text()
    path.write_text(
        re.sub(r"(  - goal: alpha\n(?:    .*\n)*?    values: )\[[^,]*", r"\g<1>[9", text)
    )
    planned = rows_of(path)["alpha"]
    assert invoke("set", "Alpha", "due=2026-12-20", "target=7").exit_code == 0
    result = invoke("plan")
    assert "kept your edits of the 'targets' row of Alpha" in result.stderr
    assert rows_of(path)["alpha"] == planned
    assert "| Alpha | [[a]] | 0 | 5 conversations | 2026-12-31 |" in path.read_text()
    cells = [cell for cell in column(path, 1) if cell]
    assert cells[0] == "9" and cells[-1] == "**5 (due)**"
    assert len(cells) == len(planned["values"])  # type: ignore[arg-type]


def test_capacity_counts_no_hours_in_the_weeks_a_resumed_goal_kept_no_target(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported (tryout): a goal paused for a week and resumed since counted its hours in
    the week it was paused, which its weekly targets leave empty."""
    write("goals/a.md", goal_text("Alpha", effort=4, current=0, due="2027-01-31"))
    write("goals/b.md", goal_text("Beta", effort=2, current=0, due="2027-01-31"))
    assert invoke("plan").exit_code == 0  # on 2026-11-22: from 2026-11-23 (2026-W48)
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-02")  # 2026-W49
    assert invoke("set", "Beta", "status=paused").exit_code == 0
    assert invoke("plan").exit_code == 0
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-16")  # 2026-W51: W50 passed without it
    assert invoke("set", "Beta", "status=active").exit_code == 0
    assert invoke("plan").exit_code == 0
    text = (vault / PLAN).read_text()
    assert rows_of(vault / PLAN)["beta"]["values"][2] is None  # type: ignore[index]
    capacity = text.split("## Capacity", 1)[1].split("\n## ", 1)[0]
    runs = [line for line in capacity.splitlines() if line.startswith("| 20")]
    assert runs[:3] == [
        "| 2026-W48 to 2026-W49 | 6 | 2 |  |",
        "| 2026-W50 | 4 | 1 | paused: [[b]] |",
        "| 2026-W51 to 2027-W04 | 6 | 2 | resumed: [[b]] |",
    ]


def without_id(text: str) -> str:
    return re.sub(r"(?m)^id: .*\n", "", text)


def test_an_edited_row_follows_its_goal_given_an_id(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported (read-through): a goal written without an id is planned by its path; given
    an id later, the row the user edited stayed under the path - read for no goal, the
    review pacing the goal by a new row of the tool's - and `journal plan` said it kept
    the edits "of goals/a.md".  The row now follows the goal: read for it by the review
    and T012, and kept as written (its `goal` too: re-keyed, the row was written anew,
    its `due` quoted)."""
    write("goals/a.md", without_id(goal_text("Alpha", current=0, due="2026-12-31")))
    write("goals/b.md", goal_text("Beta", current=0, target=8, due="2027-01-31"))
    assert invoke("plan").exit_code == 0
    path = vault / PLAN
    assert "goals/a.md" in rows_of(path)
    text = path.read_text()
    path.write_text(
        re.sub(r"(  - goal: goals/a.md\n(?:    .*\n)*?    values: )\[[^,]*", r"\g<1>[3", text)
    )
    mine = rows_of(path)["goals/a.md"]["values"]
    row_text = re.search(r"(?m)^  - goal: goals/a.md\n(?:    .*\n)*", path.read_text())
    assert row_text is not None
    write("goals/a.md", goal_text("Alpha", current=0, due="2026-12-31"))  # id: alpha
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-29")  # the end of the plan's first week
    review = invoke("review", "--stdout")
    assert review.exit_code == 0
    (alpha,) = [row for row in review.stdout.splitlines() if row.startswith("| [[a]] |")]
    assert "(expected 3, by the plan)" in alpha  # the user's target, not a straight line's
    result = invoke("plan")
    assert result.exit_code == 0
    assert result.stderr == KEPT_ALPHA
    rows = rows_of(path)
    assert sorted(rows) == ["beta", "goals/a.md"]
    assert rows["goals/a.md"]["values"] == mine
    assert row_text[0] in path.read_text()  # byte for byte
    assert column(path, 1)[0] == "3"
    again = invoke("plan")
    assert (again.stdout, again.stderr) == (f"{PLAN}: unchanged\n", result.stderr)


def test_t012_and_set_follow_a_goal_given_an_id(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan's row of a goal planned by its path is the goal's once it has an id: T012
    tells its target changed since, and `journal set` names the plan to make again."""
    write("goals/a.md", without_id(goal_text("Alpha", current=0, due="2026-12-31")))
    assert invoke("plan").exit_code == 0
    write("goals/a.md", goal_text("Alpha", current=0, due="2026-12-31"))  # id: alpha
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-25")
    changed = invoke("set", "Alpha", "target=7")
    assert changed.exit_code == 0
    assert f"{PLAN} still has this goal's weekly targets from before" in changed.stderr
    checked = invoke("check", "--json")
    assert "T012" in {problem["rule"] for problem in json.loads(checked.stdout)}


def test_an_edited_row_of_a_goal_renamed_names_no_goal(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """A goal without an id renamed after its row was edited: the row is kept (the
    user's text), and `journal plan` says it names no goal now, not that the plan would
    change it."""
    write("goals/a.md", without_id(goal_text("Alpha", current=0, due="2026-12-31")))
    assert invoke("plan").exit_code == 0
    path = vault / PLAN
    text = path.read_text()
    path.write_text(
        re.sub(r"(  - goal: goals/a.md\n(?:    .*\n)*?    values: )\[[^,]*", r"\g<1>[3", text)
    )
    (vault / "goals/a.md").rename(vault / "goals/alpha.md")
    result = invoke("plan")
    assert result.exit_code == 0
    assert result.stderr == (
        f"journal: {PLAN}: kept your edits of the 'targets' row of goals/a.md, which names "
        "no goal now (renamed? put the goal's id, or its path, in the row's `goal`, or "
        "delete the row)\n"
    )
    assert sorted(rows_of(path)) == ["goals/a.md", "goals/alpha.md"]
