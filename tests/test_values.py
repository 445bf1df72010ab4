"""A goal's value: check-ins from other notes, values on a past day, sync-conflict copies,
staleness from git, and numbers in JSON."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import EXAMPLE_VAULT, Invoke, Write, goal_text

GOAL = "goals/Connect with five HR leaders.md"


def test_sync_conflict_copies_are_never_data(invoke: Invoke, write: Write, vault: Path) -> None:
    write(GOAL, goal_text(current=1))
    goal = "goals/Meet HRBPs.md"
    write(goal, goal_text("Meet HRBPs", metric_source="meetings", baseline=0, current=0))
    daily = "# Friday\n\nprogress:: [[Connect with five HR leaders]] +1 panel\n"
    write("daily/2026-11-21.md", daily)
    write("daily/2026-11-21.sync-conflict-20261121-101010-ABCDEFG.md", daily)
    write("daily/2026-11-21 (conflicted copy 2026-11-21).md", daily)
    write("people/Dana Ortiz.md", "---\ntype: contact\n---\n")
    meeting = (
        "---\ntype: meeting\ndate: 2026-11-18\nkind: coffee\nwith:\n  - \"[[Dana Ortiz]]\"\n"
        'goal: "[[Meet HRBPs]]"\nfollow_up_by: 2026-11-25\nfollow_up_done: false\n---\n'
        "- [ ] Send the article\n"
    )
    write("meetings/2026-11-18 Coffee.md", meeting)
    write("meetings/2026-11-18 Coffee (Dana's conflicted copy 2026-11-19).md", meeting)
    write("goals/Meet HRBPs.sync-conflict-20261121-101010-ABCDEFG.md", goal_text("Meet HRBPs"))

    history = json.loads(invoke("log", "Connect", "--json").stdout)
    assert [(c["date"], c["path"]) for c in history["checkins"]] == [
        ("2026-11-20", GOAL),
        ("2026-11-21", "daily/2026-11-21.md"),
    ]
    shown = json.loads(invoke("show", "Meet HRBPs", "--json").stdout)
    assert shown["current"] == 1
    assert [r["path"] for r in json.loads(invoke("followups", "--json").stdout)] == [
        "meetings/2026-11-18 Coffee.md"
    ]
    people = json.loads(invoke("people", "--json").stdout)
    assert [(p["name"], p["meetings"]) for p in people] == [("Dana Ortiz", 1)]
    listed = json.loads(invoke("list", "--json").stdout)
    assert sorted(g["path"] for g in listed) == [GOAL, goal]
    found = json.loads(invoke("check", "--select", "H003", "--json").stdout)
    assert sorted(f["path"] for f in found if f["rule"] == "H003") == [
        "daily/2026-11-21 (conflicted copy 2026-11-21).md",
        "daily/2026-11-21.sync-conflict-20261121-101010-ABCDEFG.md",
        "goals/Meet HRBPs.sync-conflict-20261121-101010-ABCDEFG.md",
        "meetings/2026-11-18 Coffee (Dana's conflicted copy 2026-11-19).md",
    ]
