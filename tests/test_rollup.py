"""Goals that support a bigger goal, and goals measured by their milestones alone (found
in a skills tryout: the bigger goal was nagged as quiet while the goals supporting it were
checked in weekly, and a goal with milestones but no number was two errors and no pace)."""

from __future__ import annotations

import json

from tests.conftest import Invoke, Write, goal_text

PARENT = (
    "---\ntype: goal\nid: become\ntitle: Become an HRBP\nstatus: active\nmetric: gaps closed\n"
    "unit: gaps\nbaseline: 0\ntarget: 3\ncurrent: 0\nstart: 2026-10-01\ndue: 2027-10-31\n"
    "review_every: 4w\n---\n# Become an HRBP\n\n## Log\n\n- 2026-10-01: Wrote this goal\n"
)


def _child(title: str, logged: str, link: str = "supports") -> str:
    text = goal_text(title, start="2026-10-01", review_every="1w", current=1)
    text = text.replace("due: 2026-12-31\n", f'due: 2026-12-31\n{link}: "[[Become an HRBP]]"\n')
    return text.replace("2026-11-20", logged)


def test_a_goal_checked_in_through_its_supporting_goals_is_not_quiet(
    invoke: Invoke, write: Write
) -> None:
    write("goals/Become an HRBP.md", PARENT)
    write("goals/Learn SQL.md", _child("Learn SQL", "2026-11-20"))
    write("goals/Practise SQL.md", _child("Practise SQL", "2026-11-01", link="feeds"))
    board = json.loads(invoke("status", "--json").stdout)
    assert [q["title"] for q in board["quiet"]] == ["Practise SQL"]
    found = json.loads(invoke("check", "--json", "--select", "T006").stdout)
    assert [f["path"] for f in found] == ["goals/Practise SQL.md"]
    review = invoke("review", "--stdout").stdout
    quiet = [line for line in review.splitlines() if "No check-in for" in line]
    assert len(quiet) == 1 and "[[Practise SQL]]" in quiet[0]


def test_a_goal_whose_supporting_goals_are_quiet_too_is_quiet(invoke: Invoke, write: Write) -> None:
    write("goals/Become an HRBP.md", PARENT)
    write("goals/Learn SQL.md", _child("Learn SQL", "2026-10-10"))
    found = json.loads(invoke("check", "--json", "--select", "T006").stdout)
    assert [f["path"] for f in found] == ["goals/Become an HRBP.md", "goals/Learn SQL.md"]
    assert found[0]["message"].startswith(
        "no check-in since 2026-10-10, the last of a goal supporting it: 43 days"
    )


def test_show_lists_the_goals_a_goal_supports_and_that_support_it(
    invoke: Invoke, write: Write
) -> None:
    write("goals/Become an HRBP.md", PARENT)
    write("goals/Learn SQL.md", _child("Learn SQL", "2026-11-20"))
    write("goals/Practise SQL.md", _child("Practise SQL", "2026-11-01", link="feeds"))
    shown = invoke("show", "Become an HRBP").stdout
    assert "  goals supporting it:\n" in shown
    assert "    [[Learn SQL]]  20%  1/5 conversations  last check-in 2026-11-20\n" in shown
    assert "    [[Practise SQL]]  20%  1/5 conversations  last check-in 2026-11-01\n" in shown
    record = json.loads(invoke("show", "Become an HRBP", "--json").stdout)
    assert [g["path"] for g in record["supported_by"]] == [
        "goals/Learn SQL.md",
        "goals/Practise SQL.md",
    ]
    assert record["supported_by"][0]["progress"] == 0.2
    assert record["supported_by"][0]["last_checkin"] == "2026-11-20"
    child = invoke("show", "Learn SQL").stdout
    assert "    [[Become an HRBP]]  0%  0/3 gaps  last check-in 2026-10-01\n" in child
    assert json.loads(invoke("show", "Learn SQL", "--json").stdout)["supported_by"] == []
    plain = invoke("--plain", "show", "Become an HRBP").stdout
    said = "supported by goal: Learn SQL, 20%, 1 of 5 conversations, last check-in 2026-11-20"
    assert said in " ".join(plain.split())


def test_show_tells_a_goal_fed_from_one_supported(invoke: Invoke, write: Write) -> None:
    """Reported (tryout): `show` listed the goal a goal `feeds` under "goals it
    supports:", though the two keys mean different things (docs/checks.md)."""
    write("goals/Become an HRBP.md", PARENT)
    write("goals/Learn SQL.md", _child("Learn SQL", "2026-11-20"))
    write("goals/Practise SQL.md", _child("Practise SQL", "2026-11-01", link="feeds"))
    parent = invoke("show", "Become an HRBP").stdout
    supporting = parent.split("  goals supporting it:\n", 1)[1].split("\n  ", 1)[0]
    assert "[[Learn SQL]]" in supporting and "[[Practise SQL]]" not in supporting
    assert "  goals feeding it:\n    [[Practise SQL]]  20%" in parent
    fed = invoke("show", "Practise SQL").stdout
    assert "  goals it feeds:\n    [[Become an HRBP]]  0%" in fed
    assert "goals it supports:" not in fed
    record = json.loads(invoke("show", "Become an HRBP", "--json").stdout)
    assert [(g["path"], g["via"]) for g in record["supported_by"]] == [
        ("goals/Learn SQL.md", ["supports"]),
        ("goals/Practise SQL.md", ["feeds"]),
    ]
    child = json.loads(invoke("show", "Practise SQL", "--json").stdout)
    assert [g["via"] for g in child["supporting"]] == [["feeds"]]
    plain = " ".join(invoke("--plain", "show", "Become an HRBP").stdout.split())
    assert "fed by goal: Practise SQL, 20%" in plain
    assert "supported by goal: Practise SQL" not in plain
