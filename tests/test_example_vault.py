"""The sample vault stays coherent: readable, every link resolves, numbers add up."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.adapters.vault import Vault, load_catalog
from journal.core.catalog import Catalog
from journal.core.checkins import replay
from tests.conftest import EXAMPLE_VAULT


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(Vault.open(EXAMPLE_VAULT))


def test_every_note_reads_without_problems(catalog: Catalog) -> None:
    assert [str(d) for d in catalog.diagnostics] == []
    assert len(catalog.goals) >= 8


def test_every_wikilink_resolves(catalog: Catalog) -> None:
    broken = [
        f"{note.path}:{link.line}: [[{link.target}]]"
        for note in catalog.notes
        for link in note.links
        if not link.embed and catalog.resolve(link.target) is None
    ]
    assert broken == []


def test_current_agrees_with_baseline_plus_check_ins(catalog: Catalog) -> None:
    """`current` in each file is baseline plus its own log; the value adds the
    `progress::` fields of other notes."""
    for goal in catalog.goals:
        if goal.checkins and goal.current is not None:
            own = [c for c in goal.checkins if c.path == goal.path]
            if goal.metric_source == "manual":
                assert replay(goal.baseline or 0, own) == goal.file_current, goal.path
            assert replay(goal.baseline or 0, goal.checkins) == goal.current, goal.path


def test_the_sample_vault_shows_every_note_type(catalog: Catalog) -> None:
    kinds = {note.kind for note in catalog.notes}
    assert {"goal", "contact", "meeting", "note"} <= kinds
    assert {g.kind for g in catalog.goals} == {"outcome", "activity"}
    assert {g.status for g in catalog.goals} >= {"active", "done", "paused"}


def test_the_sample_vault_is_plain_utf8_with_lf_endings() -> None:
    for path in Path(EXAMPLE_VAULT).rglob("*.md"):
        data = path.read_bytes()
        assert b"\r\n" not in data and data.endswith(b"\n"), path
        data.decode("utf-8")
