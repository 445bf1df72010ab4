"""Text of scripts written without spaces, as the full-text index stores it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from journal.core.unspaced import GAP, spaced, unspaced


def test_a_gap_goes_between_each_two_letters_of_those_scripts_only() -> None:
    assert spaced("讨论了职业发展。") == GAP.join("讨论了职业发展") + "。"
    assert spaced("ネットワーク") == GAP.join("ネットワーク")
    assert spaced("면접을 봤어요") == f"면{GAP}접{GAP}을 봤{GAP}어{GAP}요"
    assert spaced("职 a职b 职") == "职 a职b 职"  # one letter alone is a word already
    assert spaced("café Straße ünd") == "café Straße ünd"  # spaced scripts untouched


def test_a_snippet_of_spaced_text_reads_as_written() -> None:
    marked = "讨论了**" + f"**{GAP}**".join("职业") + "**" + GAP + "发"
    assert unspaced(marked) == "讨论了**职业**发"


@given(st.text(alphabet=st.characters(blacklist_characters=GAP)))
def test_spacing_is_undone_exactly(text: str) -> None:
    assert unspaced(spaced(text)) == text


@given(st.text(alphabet="职业发展ネットaz 。*"))
def test_spacing_is_undone_exactly_in_text_dense_with_those_scripts(text: str) -> None:
    assert unspaced(spaced(text)) == text
