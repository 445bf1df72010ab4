"""Time the check-in and networking views on a generated vault.

    python bench/networking.py [CONTACTS] [MEETINGS] [GOALS]

Prints seconds for: parsing every note, typing goals (with meeting counts), the
status board, people, follow-ups, and one `journal log` write.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from journal.adapters.vault import Vault, load_catalog
from journal.usecases.checkin import log_checkin
from journal.usecases.followups import followups
from journal.usecases.people import people
from journal.usecases.status import status

TODAY = date(2026, 11, 22)
KINDS = ("coffee", "informational", "event", "mentor")


def build(root: Path, contacts: int, meetings: int, goals: int) -> None:
    rng = random.Random(7)
    for folder in ("people", "meetings", "goals", ".journal"):
        (root / folder).mkdir(parents=True)
    for i in range(contacts):
        (root / f"people/Person {i}.md").write_text(
            f"---\ntype: contact\ntitle: Person {i}\norg: Org {i % 50}\n"
            f"created: 2026-01-01\n---\n# Person {i}\n"
        )
    for i in range(goals):
        source = "metric_source: meetings\nmetric_kind: informational\n" if i % 4 == 0 else ""
        log = "".join(f"- 2026-{m:02d}-10: +1 step {m}\n" for m in range(1, 11))
        (root / f"goals/Goal {i}.md").write_text(
            f"---\ntype: goal\ntitle: Goal {i}\nstatus: active\nbaseline: 0\ntarget: 20\n"
            f"current: 10\n{source}start: 2026-01-01\ndue: 2026-12-31\nreview_every: 1w\n"
            f"milestones:\n  - title: Half\n    due: 2026-07-01\n---\n# Goal {i}\n\n## Log\n\n{log}"
        )
    for i in range(meetings):
        day = date(2026, 1, 1) + timedelta(days=rng.randrange(365))
        who = "".join(f'  - "[[Person {rng.randrange(contacts)}]]"\n' for _ in range(2))
        (root / f"meetings/{day} Meeting {i}.md").write_text(
            f"---\ntype: meeting\ndate: {day}\nkind: {rng.choice(KINDS)}\nwith:\n{who}"
            f'goal: "[[Goal {rng.randrange(goals)}]]"\nfollow_up_by: {day + timedelta(days=7)}\n'
            f"follow_up_done: {'false' if rng.random() < 0.3 else day}\n---\n"
            "# Meeting\n\n## Follow-up\n\n- [ ] Thank-you note\n"
        )


def timed(label: str, func: object) -> object:
    start = time.perf_counter()
    result = func()  # type: ignore[operator]
    print(f"{label:<28} {time.perf_counter() - start:8.3f} s")
    return result


def main() -> None:
    contacts, meetings, goals = (int(a) for a in [*sys.argv[1:], "500", "2000", "40"][:3])
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        build(root, contacts, meetings, goals)
        print(f"{contacts} contacts, {meetings} meetings, {goals} goals")
        vault = Vault.open(root)
        catalog = timed("parse every note", lambda: load_catalog(vault, TODAY))
        timed("goals + meeting counts", lambda: catalog.goals)  # type: ignore[attr-defined]
        timed("status board", lambda: status(vault, catalog, TODAY))  # type: ignore[arg-type]
        timed("people", lambda: people(catalog, TODAY, 60))  # type: ignore[arg-type]
        timed("followups --all", lambda: followups(catalog, TODAY, everything=True))  # type: ignore[arg-type]
        timed(
            "journal log (one write)",
            lambda: log_checkin(vault, catalog, "Goal 1", "+1", "bench", TODAY),  # type: ignore[arg-type]
        )


if __name__ == "__main__":
    main()
