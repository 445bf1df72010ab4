"""The check rules the review runs, and those it leaves to its own lists."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from journal.adapters.vault import Vault, load_catalog
from journal.usecases.check import check_vault
from journal.usecases.review import PAST_DUE, STALE, weekly_review
from tests.conftest import TODAY, goal_text


def test_this_weeks_stale_and_past_due_lists_name_every_goal_t006_and_t002_find(
    example_vault: Path,
) -> None:
    """The review of this week runs neither T006 nor T002: its stale and past-due lists
    name every goal they find (Needs attention would leave their findings out)."""
    quiet = goal_text("Quiet", start="2026-09-01", due="2027-03-01").split("## Log")[0]
    (example_vault / "goals/Quiet.md").write_text(quiet, encoding="utf-8")
    late = goal_text("Late", start="2026-09-01", due="2026-11-01")
    (example_vault / "goals/Late.md").write_text(late, encoding="utf-8")
    vault = Vault.open(example_vault)
    today = date.fromisoformat(TODAY)
    catalog = load_catalog(vault, today)
    result = weekly_review(vault, catalog, today, write=False)
    attention = result.data["attention"]
    with catalog.linking_from(result.written.path):
        for rule, listed in ((STALE, attention["stale"]), (PAST_DUE, attention["past_due"])):
            report = check_vault(vault, catalog, today, select=[rule], goals_only=True)
            found = {catalog.link_to(f.path) for f in report.findings}
            assert found, rule  # the goals written above
            assert found <= {item["goal"] for item in listed}, rule
    assert f"{STALE} " not in result.written.text and f"{PAST_DUE} " not in result.written.text
