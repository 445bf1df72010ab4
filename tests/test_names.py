"""Titles become portable file names; ids are slugs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.adapters.vault import Vault, load_catalog
from journal.core.names import _UNSAFE, MAX_NAME_BYTES, file_stem, slug, unique_id
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
        ("~tilde", "tilde"),  # reported: an editor's temporary file to the vault, never read
        ("~ . ~notes~", "notes~"),
        ("line\nbreak", "line break"),
        ("../../etc/passwd", "etc passwd"),
        ("日本語のゴール", "日本語のゴール"),
        ("🚀 launch", "🚀 launch"),
    ],
)
def test_file_stems_are_safe(title: str, stem: str) -> None:
    assert file_stem(title) == stem


@pytest.mark.parametrize("title", ["", ":::", "...", " ?* / . ", "~~~"])
def test_a_title_with_nothing_a_file_name_can_hold_is_refused(title: str) -> None:
    with pytest.raises(ValueError, match="has no character a file name can hold"):
        file_stem(title)


@given(st.text())
def test_any_title_gives_a_portable_name(title: str) -> None:
    try:
        stem = file_stem(title)
    except ValueError:
        assert not re.sub(r"[\s.~]", "", _UNSAFE.sub("", title))  # nothing usable in it
        return
    assert stem and len(stem.encode()) <= MAX_NAME_BYTES
    assert not any(ch in stem for ch in ':?*<>|"\\/#^[]\n\r\t\x00')
    assert stem == stem.strip(" .") and not stem.startswith((".", "~"))  # a note read


def test_long_titles_are_cut_at_a_character_boundary() -> None:
    stem = file_stem("é" * 300)
    assert len(stem.encode()) <= MAX_NAME_BYTES
    assert set(stem) == {"é"}


def test_slugs_and_unique_ids() -> None:
    assert slug("Connect with five HR leaders!") == "connect-with-five-hr-leaders"
    assert slug("Übung macht den Meister") == "ubung-macht-den-meister"
    assert slug("???") == "goal"
    assert slug("面试 三次") == "面试-三次" and slug("Привет, мир") == "привет-мир"
    assert slug("晋升 HRBP") == "晋升-hrbp" and slug("Café crème") == "cafe-creme"
    # marks that are part of a letter stay: kana voicing, Devanagari and Thai vowels
    assert slug("日本語を学ぶ") == "日本語を学ぶ" and slug("ガイドを読む") == "ガイドを読む"
    assert slug("नमस्ते दुनिया") == "नमस्ते-दुनिया" and slug("ภาษาไทย เรียน") == "ภาษาไทย-เรียน"
    assert slug("İstanbul") == "istanbul" and slug("under_score") == "under-score"
    assert slug("ＨＲ面试") == "hr面试" and slug("CO₂ footprint") == "co2-footprint"
    assert slug("Øresund Łódź") == "oresund-lodz" and slug("q\u0307uiz") == "quiz"
    assert slug("Speak at conference № 3") == "speak-at-conference-no-3"
    assert slug("Brand™ launch") == "brandtm-launch"
    assert unique_id("a", {"A", "a-2"}) == "a-3"


@pytest.mark.parametrize(
    "args",
    [
        ("new", "goal", ":::"),
        ("new", "contact", "?*"),
        ("new", "meeting", "--with", "...", "--create-contacts"),
    ],
)
def test_a_new_note_whose_name_would_be_empty_is_a_usage_error(
    invoke: Invoke, vault: Path, args: tuple[str, ...]
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "has no character a file name can hold" in result.stderr
    assert not list(vault.rglob("*.md"))


def test_titles_in_other_scripts_name_their_notes(invoke: Invoke, vault: Path) -> None:
    for title in ("日本語を学ぶ", "🚀🚀"):
        assert invoke("new", "goal", title, "--target", "3").exit_code == 0
    names = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    assert names == ["goals/日本語を学ぶ.md", "goals/🚀🚀.md"]


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
    # reported (tryout): the title as typed was kept in the heading only, so every list
    # showed the file's name: a meeting keeps it in `title`, as goals and contacts do
    assert meeting.startswith('---\ntype: meeting\ntitle: "Sync | [plan] #2"\n')
    assert [m.title for m in catalog.meetings] == ["Sync | [plan] #2"]
    plain = invoke("new", "meeting", "--with", "Ann", "--title", "Plain lunch")
    assert plain.exit_code == 0, plain.stderr
    assert "title:" not in (vault / "meetings/2026-11-22 Plain lunch.md").read_text()
