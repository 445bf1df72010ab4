"""Titles become portable file names; ids are slugs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.adapters.vault import Vault, load_catalog
from journal.core.names import MAX_NAME_BYTES, file_stem, slug, unique_id
from tests.conftest import Invoke


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Plan: Q3", "Plan Q3"),
        ('What? * <now> | "quotes" \\ back/slash', "What now quotes back slash"),
        ("Link [[breakers]] #tag ^block", "Link breakers tag block"),
        ("CON", "CON_"),
        ("nul.txt", "nul.txt_"),
        ("trailing dots...", "trailing dots"),
        ("...hidden", "hidden"),
        ("line\nbreak", "line break"),
        ("", "Untitled"),
        ("../../etc/passwd", "etc passwd"),
    ],
)
def test_file_stems_are_safe(title: str, stem: str) -> None:
    assert file_stem(title) == stem


@given(st.text())
def test_any_title_gives_a_portable_name(title: str) -> None:
    stem = file_stem(title)
    assert stem and len(stem.encode()) <= MAX_NAME_BYTES
    assert not any(ch in stem for ch in ':?*<>|"\\/#^[]\n\r\t\x00')
    assert stem == stem.strip(" .") and not stem.startswith(".")


def test_long_titles_are_cut_at_a_character_boundary() -> None:
    stem = file_stem("é" * 300)
    assert len(stem.encode()) <= MAX_NAME_BYTES
    assert set(stem) == {"é"}


def test_slugs_and_unique_ids() -> None:
    assert slug("Connect with five HR leaders!") == "connect-with-five-hr-leaders"
    assert slug("Übung macht den Meister") == "ubung-macht-den-meister"
    assert slug("???") == "goal"
    assert unique_id("a", {"A", "a-2"}) == "a-3"


def test_new_notes_with_link_breaking_titles_get_linkable_names(
    invoke: Invoke, vault: Path
) -> None:
    """Obsidian refuses ``[ ] # ^ |`` in link targets: the goal, contact and meeting
    made from such titles have names a wikilink reaches."""
    assert invoke("new", "goal", "Pipe | name ]] x #1 ^a").exit_code == 0
    assert invoke("new", "contact", "Ann [Ops] Lee").exit_code == 0
    made = invoke(
        "new", "meeting", "--with", "Ann", "--title", "Sync | [plan] #2", "--goal", "pipe"
    )
    assert made.exit_code == 0, made.stderr
    names = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    assert names == [
        "goals/Pipe name x 1 a.md",
        "meetings/2026-11-22 Sync plan 2.md",
        "people/Ann Ops Lee.md",
    ]
    catalog = load_catalog(Vault.open(vault))
    for name in names:
        link = catalog.link_to(name)
        assert not any(ch in link[2:-2] for ch in "[]|#^"), link
        assert catalog.resolve(link[2:-2]) is not None
    meeting = (vault / names[1]).read_text()
    assert '"[[Ann Ops Lee]]"' in meeting and '"[[Pipe name x 1 a]]"' in meeting
