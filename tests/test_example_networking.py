"""The example vault exercises check-ins and the networking log end to end."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from journal.adapters.vault import Vault, load_catalog
from tests.conftest import Invoke

INTERVIEWS = "goals/Two informational interviews that lead to insight into an HRBP role.md"


def test_status_followups_and_people(invoke: Invoke, example_vault: Path) -> None:
    status = json.loads(invoke("status", "--json", root=example_vault).stdout)
    goals = {g["title"]: g for g in status["goals"]}
    assert goals["Network more"]["quiet"] is True
    assert goals["Connect with five HR leaders in my industry this quarter"]["pace"] == "on track"
    overdue = [f for f in status["followups"] if f["state"] == "overdue"]
    assert [(f["title"], f["with"]) for f in overdue] == [
        ("HR meetup with Marcus Lee and Elena Varga", ["Marcus Lee", "Elena Varga"])
    ]
    people = {
        p["name"]: p for p in json.loads(invoke("people", "--json", root=example_vault).stdout)
    }
    assert [name for name, p in people.items() if p["stale"]] == ["Tom Becker"]
    assert people["Marcus Lee"]["meetings"] == 1  # the December 2 interview is still ahead


def test_people_tells_a_follow_up_owed_and_whose_touch_a_follow_up_done_is(
    invoke: Invoke, example_vault: Path
) -> None:
    """Reported: Elena's line read `last: 2026-11-17 meeting ... next: 2026-11-12
    follow-up (10d overdue)`, the next before the last; and once the HR meetup's
    follow-up (an article for Marcus) was done, it was Elena's last touch too."""
    elena = next(
        line for line in invoke("people", root=example_vault).stdout.splitlines() if "Elena" in line
    )
    assert "last: 2026-11-17 meeting (5d ago)" in elena
    assert elena.endswith("  owed: follow-up due 2026-11-12 (10d overdue)")
    assert invoke("done", "2026-11-05 HR meetup", root=example_vault).exit_code == 0
    people = {
        p["name"]: p for p in json.loads(invoke("people", "--json", root=example_vault).stdout)
    }
    assert people["Elena Varga"]["last"]["date"] == "2026-11-17"  # the coffee, not the article
    assert people["Marcus Lee"]["last"] == {
        "date": "2026-11-05",
        "what": "meeting",
        "path": "meetings/2026-11-05 HR meetup with Marcus Lee and Elena Varga.md",
        "implied": None,
        "follow_up_text": None,
    }
    assert people["Tom Becker"]["last"]["what"] == "follow-up"  # a meeting with him alone


def test_the_interviews_goal_counts_informational_meetings_held(
    invoke: Invoke, example_vault: Path
) -> None:
    history = json.loads(invoke("log", "Two informational", "--json", root=example_vault).stdout)
    assert history["path"] == INTERVIEWS and history["current"] == 1 and history["agrees"]
    counted = [c["path"] for c in history["checkins"] if c["change"]]
    assert counted == ["meetings/2026-11-18 Informational interview with Sam Patel.md"]


def test_a_meeting_note_holds_a_check_in(invoke: Invoke, example_vault: Path) -> None:
    history = json.loads(invoke("log", "Connect with five", "--json", root=example_vault).stdout)
    assert ("2026-11-17", "+1", "meetings/2026-11-17 Coffee with Elena Varga.md") in [
        (c["date"], c["change"], c["path"]) for c in history["checkins"]
    ]


def test_recording_a_week_keeps_the_vault_coherent(invoke: Invoke, example_vault: Path) -> None:
    def run(*args: str) -> None:
        result = invoke(*args, root=example_vault)
        assert result.exit_code == 0, result.stderr

    run(
        "new",
        "meeting",
        "--with",
        "Marcus",
        "--kind",
        "informational",
        "--date",
        "2026-11-21",
        "--goal",
        "Two informational",
        "--title",
        "Call with Marcus Lee",
    )
    call = example_vault / "meetings/2026-11-21 Call with Marcus Lee.md"
    call.write_text(call.read_text().replace("outcome:", "outcome: Marcus will introduce me"))
    run(
        "new",
        "meeting",
        "--with",
        "Dana",
        "--with",
        "Ravi Shah",
        "--kind",
        "coffee",
        "--goal",
        "Connect with five",
        "--create-contacts",
    )
    run("log", "Connect with five", "+1", "Coffee with [[Dana Ortiz]] and [[Ravi Shah]]")
    run("done", "HR meetup")
    run("done", "Connect with five", "--milestone", "Fifth conversation")
    catalog = load_catalog(Vault.open(example_vault), date(2026, 11, 22))
    assert [str(d) for d in catalog.diagnostics] == []
    assert all(catalog.resolve(link.target) for n in catalog.notes for link in n.links)
    goal = catalog.find_goal("Two informational")
    assert goal.current == 2  # Sam on 11-18 and Marcus on 11-21, each with its outcome
    connect = catalog.find_goal("Connect with five")
    assert connect.current == 4
