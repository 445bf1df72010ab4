"""Titles become portable file names; ids are slugs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.core.names import MAX_NAME_BYTES, file_stem, slug, unique_id


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
