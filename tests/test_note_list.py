"""A note as the index stores it (:meth:`Note.to_list`) and reads it back."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from journal.adapters.index import Index
from journal.adapters.index_reading import json_text
from journal.adapters.vault import Vault
from journal.core.checkins import CheckIn
from journal.core.errors import Diagnostic
from journal.core.notes import STORED, Note, NoteField, NoteLink, NoteTask, parse_note


def _every_field_set() -> Note:
    return Note(
        path="daily/2026-11-20.md",
        kind="goal",
        title="Speak",
        props={"tags": ["a"], "due": "2026-12-31"},
        key_lines={"tags": 2, "due": 3},
        sources={"due": "2026-12-31"},
        body_line=5,
        links=[
            NoteLink("Dana", "Intro", "D", True, 6, "with"),
            NoteLink("Eve", None, None, False, 7),
        ],
        tags=["a", "b"],
        tasks=[NoteTask(8, "x", "done it"), NoteTask(9, " ", "not yet")],
        headings=["Log"],
        fields=[NoteField("progress", "[[Speak]] +1", 10)],
        checkins=[CheckIn(date(2026, 11, 20), "+", 1.5, "talk", 11, "daily/2026-11-20.md")],
        diagnostics=[Diagnostic("daily/2026-11-20.md", 12, "odd", "warning", "x")],
        readable=False,
        writable=False,
    )


def test_a_note_reads_back_from_its_stored_json() -> None:
    note = _every_field_set()
    stored = json.loads(json_text(note.to_list()))
    assert Note.from_list(note.path, note.props, stored) == note


def test_the_stored_list_holds_the_fields_stored_names_in_order() -> None:
    """The index's views find tags and tasks by their place in the list (STORED)."""
    note = _every_field_set()
    names = [f.name for f in dataclasses.fields(Note) if f.name not in ("path", "props")]
    assert list(STORED) == names
    values = dict(zip(STORED, note.to_list(), strict=True))
    for name in ("kind", "title", "key_lines", "sources", "body_line", "tags", "headings"):
        assert values[name] == getattr(note, name), name
    assert values["tasks"] == note.tasks
    assert (values["readable"], values["writable"]) == (note.readable, note.writable)


def test_a_note_loaded_from_the_index_is_the_note_parsed_from_its_file(tmp_path: Path) -> None:
    """Its links too, every value as parsed: headings and aliases empty or not, embeds,
    links in properties."""
    vault = tmp_path / "vault"
    (vault / "goals").mkdir(parents=True)
    (vault / "notes").mkdir()
    (vault / "goals" / "Speak.md").write_text(
        "---\ntype: goal\nrelated: '[[0|0]]'\n---\n# Speak\n\n- [ ] ask [[Dana#|]]\n",
        encoding="utf-8",
    )
    (vault / "notes" / "odd.md").write_text(
        "![[Speak#Plan|the plan]] [[#Top]] [[1e5]] [[ Dana Ortiz#0|x ]] [a](Speak.md)\n"
        "[[Speak]] ![[pic.png]] [[Speak#Plan]]\n",
        encoding="utf-8",
    )
    (vault / "notes" / "none.md").write_text("no links\n", encoding="utf-8")
    index = Index.open(Vault.open(vault), tmp_path / "index.sqlite")
    index.refresh()
    reader = index.reader()
    files = {
        rel: parse_note(rel, (vault / rel).read_bytes())
        for rel in ("goals/Speak.md", "notes/none.md", "notes/odd.md")
    }
    assert any(link.embed for link in files["notes/odd.md"].links)
    assert any(link.key for link in files["goals/Speak.md"].links)
    assert {n.path: n for n in reader.load()} == files
    assert reader.load(kind="goal") == [files["goals/Speak.md"]]
    assert reader.load(paths=["notes/odd.md", "notes/none.md"]) == [
        files["notes/none.md"],
        files["notes/odd.md"],
    ]
    index.close()
