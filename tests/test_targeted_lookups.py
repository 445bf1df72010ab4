"""Commands that write one note look up what they need, not every note: `new goal` took
2.6 s and 193 MB at 20,000 notes to load them all for the ids taken."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path

import pytest

from journal.adapters.index import Index, IndexReader
from journal.adapters.vault import Vault
from journal.cli import emit_json, emit_json_list
from journal.core.catalog import Catalog
from journal.core.errors import Conflict
from journal.core.notes import Note
from journal.usecases.listing import list_notes
from journal.usecases.new_networking import new_contact
from journal.usecases.new_note import new_goal
from tests.conftest import Write, goal_text

TODAY = date(2026, 11, 22)


class Recording(IndexReader):
    """The index as a note source, telling which whole notes were loaded."""

    def __init__(self, index: Index) -> None:
        super().__init__(index)
        self.loads: list[tuple[str | None, Collection[str] | None]] = []

    def load(self, *, kind: str | None = None, paths: Collection[str] | None = None) -> list[Note]:
        self.loads.append((kind, None if paths is None else sorted(paths)))
        return super().load(kind=kind, paths=paths)


def opened(vault: Path) -> tuple[Vault, Recording, Catalog]:
    """The vault, its index as a recording source, and a catalog over it."""
    root = Vault.open(vault)
    index = Index.open(root)
    root.closing.append(index.close)
    index.refresh()
    source = Recording(index)
    return root, source, root.catalog(source, TODAY)


@pytest.mark.parametrize("supports", [None, "Career"])
def test_new_goal_finds_the_ids_taken_without_loading_the_notes(
    vault: Path, write: Write, supports: str | None
) -> None:
    """Any note's id is taken (in any case), a sync-conflict copy's is not; no note is
    loaded whole: the ids come from the index alone, or from every note's light head
    once --supports has looked a name up among them."""
    write("goals/Publish.md", goal_text("Publish"))  # id: publish
    write("notes/Draft.md", "---\nid: Publish-2\n---\n")  # a plain note's id, upper case
    write("notes/Old (conflicted copy 2026-01-01).md", "---\nid: publish-3\n---\n")
    write("notes/Career.md", "# Career\n")
    root, source, catalog = opened(vault)
    options = {"supports": supports, "target": "2"}
    created = new_goal(root, catalog, "Publish!", options, TODAY)
    assert created.id == "publish-3"  # publish and Publish-2 taken, the copy's not
    assert created.path == "goals/Publish!.md"
    assert "notes" not in catalog.__dict__
    assert "goals" not in catalog.__dict__  # (no --feeds: no goal typed to check it)
    assert ("heads" in catalog.__dict__) == (supports is not None)
    assert all(paths is not None for _kind, paths in source.loads), source.loads


@pytest.mark.parametrize("heads_first", [False, True])
def test_new_contact_finds_the_same_person_without_loading_the_contacts(
    vault: Path, write: Write, heads_first: bool
) -> None:
    """A contact's name, file name or alias (case and accents aside) is the person's:
    found from the contacts' light heads (those of every note, when they are loaded
    already), no contact note loaded whole."""
    write("people/José Núñez.md", "---\ntype: contact\naliases: [Pepe]\n---\n")
    write("people/Ana.md", "---\ntype: contact\ntitle: Ana Lopez\n---\n")
    write("notes/Rosa Diaz.md", "# a plain note, no contact\n")
    root, source, catalog = opened(vault)
    if heads_first:
        assert len(catalog.heads) == 3
    for name, existing in (("Jose Nunez", "José Núñez"), ("pepe", "José Núñez"), ("ANA", "Ana")):
        with pytest.raises(Conflict) as refused:
            new_contact(root, catalog, name, TODAY)
        assert refused.value.path == f"people/{existing}.md"
    with pytest.raises(Conflict, match="already exists: Ana Lopez"):
        new_contact(root, catalog, "ana lopez", TODAY)
    with pytest.raises(Conflict) as taken:  # not a contact, but [[Rosa Diaz]] names it
        new_contact(root, catalog, "Rosa Diaz", TODAY)
    assert taken.value.path == "notes/Rosa Diaz.md"
    assert new_contact(root, catalog, "Dana Ortiz", TODAY)[0] == "people/Dana Ortiz.md"
    assert source.loads == []


@pytest.mark.parametrize("kind", ["all", "note"])
def test_listing_every_note_reads_them_a_chunk_at_a_time(
    vault: Path, write: Write, kind: str
) -> None:
    """`list --type all --json` held 50,000 notes whole (330 MB) to print them: the
    listing reads them a few hundred paths at a time and keeps none, with the records
    of a catalog that holds them all."""
    write("goals/Publish.md", goal_text("Publish"))
    write("notes/Draft.md", "---\nid: draft\nstatus: open\nphone: 0612345678\n---\n")
    write("notes/Old (conflicted copy 2026-01-01).md", "---\nid: old\n---\n")
    write("people/Ana.md", "---\ntype: contact\ntitle: Ana Lopez\n---\n")
    write("notes/Broken.md", "---\ntitle: [\n---\n")
    _root, source, catalog = opened(vault)
    records = list(list_notes(catalog, kind=kind))
    assert "notes" not in catalog.__dict__ and catalog.by_path._loaded == {}
    assert source.loads and all(paths is not None for _kind, paths in source.loads)
    whole = opened(vault)[2]
    assert len(whole.notes) == 4  # the copy left out
    assert records == list(list_notes(whole, kind=kind))
    assert [r["path"] for r in records] == (
        ["goals/Publish.md", "notes/Draft.md", "people/Ana.md"]
        if kind == "all"
        else ["notes/Draft.md"]
    )


@pytest.mark.parametrize(
    "records",
    [
        [],
        [{}],
        [{"a": []}, {"b": {}}],
        [{"title": "Caf\u00e9 \u0085 \x7f \u2028", "n": 5.0, "x": 2.5, "tags": ["a", "b"]}],
        [{"nested": {"list": [1, {"deep": [None, True]}]}, "path": "a\nb"}] * 3,
    ],
)
def test_a_json_list_written_a_record_at_a_time_is_the_list_s_text(
    records: list[dict[str, object]], capsys: pytest.CaptureFixture[str]
) -> None:
    """`emit_json_list` streams a list of records: its bytes are those of `emit_json`."""
    emit_json(records)
    whole = capsys.readouterr().out
    emit_json_list(iter(records))
    assert capsys.readouterr().out == whole


@pytest.mark.parametrize("ref", ["publish", "Publish", "[[Publish]]", "Pub", "goals/Publish.md"])
def test_naming_one_goal_reads_that_goal_alone(vault: Path, write: Write, ref: str) -> None:
    """`log GOAL`, `show GOAL`, `done GOAL` read every note's head and typed every goal
    to find one (1.1 s a `log` at 50,000 notes): the goal is found among the heads of
    the goals, the notes that can't be read and those of the goal folder, and only it
    is typed, with the `progress::` check-ins that count for it, as a catalog that holds
    everything finds it."""
    write("goals/Publish.md", goal_text("Publish", aliases=["Pub"], current=0))
    write("goals/Other.md", goal_text("Other", current=0))
    write("daily/2026-11-20.md", "progress:: [[Publish]] +2 a draft\nprogress:: [[Pub]] +1\n")
    write("daily/2026-11-21.md", "progress:: [[Other]] +5\n")
    _root, _source, catalog = opened(vault)
    goal = catalog.find_goal(ref)
    assert "heads" not in catalog.__dict__ and "goals" not in catalog.__dict__
    whole = opened(vault)[2]
    whole.heads, whole.goals  # noqa: B018 (everything loaded first)
    assert goal == whole.find_goal(ref)
    assert [c.path for c in goal.checkins].count("daily/2026-11-20.md") == 2
