"""Text of scripts written without spaces, as the full-text index stores and searches it."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.core.unspaced import (
    BOUNDARY,
    CLOSE,
    GAP,
    OPEN,
    as_written,
    folded,
    marked,
    spaced,
    spaced_query,
    unspaced,
)


def test_each_letter_of_those_scripts_is_a_word_to_the_index() -> None:
    def words(text: str) -> list[str]:
        return spaced(text).replace(GAP, " ").split()

    assert words("讨论了职业发展。下") == [*"讨论了职业发展。下"]  # no space: no boundary
    assert words("用Python写代码") == ["用", "Python", "写", "代", "码"]
    assert words("2026年目标") == ["2026", "年", "目", "标"]
    assert words("人々の生活") == [*"人々の生活"]  # 々 is a letter of the word
    assert words("라면 접시") == ["라", "면", BOUNDARY, "접", "시"]  # no phrase across
    assert words("职业\n发展") == [*"职业发展"]  # a line break inside a paragraph is none
    assert words("라면\n접시") == ["라", "면", BOUNDARY, "접", "시"]  # but Korean spaces words
    assert spaced("café Straße ünd") == "café Straße ünd"  # spaced scripts untouched


def test_a_query_has_boundaries_only_in_its_quoted_phrases() -> None:
    assert spaced_query("면접") == f"{GAP}면{GAP}접{GAP}"
    assert spaced_query("title:写代码 OR Python") == f"title:{GAP}写{GAP}代{GAP}码{GAP} OR Python"
    assert spaced_query('"라면 접시"') == f'"{spaced("라면 접시")}"'
    assert BOUNDARY in spaced("라면 접시")


def test_a_snippet_of_spaced_text_reads_as_written() -> None:
    snippet = f"{GAP}讨{GAP}论{GAP}了{GAP}{OPEN}职{CLOSE}{GAP}{OPEN}业{CLOSE}{GAP}发{BOUNDARY}"
    assert marked(snippet) == "讨论了**职业**发"
    own = f"会议记录\uff1a**{GAP}{OPEN}重{CLOSE}{GAP}{OPEN}要{CLOSE}{GAP}**{GAP}决{GAP}定"
    assert marked(own) == "会议记录\uff1a****重要****决定"  # the note's own bold stays
    assert marked(f"set up by [[{OPEN}Dana{CLOSE} {OPEN}Ortiz{CLOSE}]]") == (
        "set up by [[**Dana Ortiz**]]"  # found in a tryout: [[**Dana** **Ortiz**]]
    )
    assert marked(f"{OPEN}Dana{CLOSE}, {OPEN}Ortiz{CLOSE}") == "**Dana**, **Ortiz**"


_TEXT = st.text(alphabet=st.characters(blacklist_characters=GAP + BOUNDARY + OPEN + CLOSE))


@given(_TEXT)
def test_spacing_is_undone_exactly(text: str) -> None:
    assert unspaced(spaced(text)) == text
    assert unspaced(spaced_query(text)) == text


@given(st.text(alphabet="职业发展ネットa면접z9 。*_-"))
def test_spacing_is_undone_exactly_in_text_dense_with_those_scripts(text: str) -> None:
    assert unspaced(spaced(text)) == text


def test_a_snippet_of_folded_text_is_shown_as_written() -> None:
    hr, tech = "\uff28\uff32", "\uff34\uff45\uff43\uff48"  # full-width
    text = f"佐藤　花子さん。{hr}　{tech}の話。ﾏﾈｰｼﾞｬｰ, ½ cup, ™"
    assert folded(text) == "佐藤 花子さん。HR Techの話。マネージャー, 1\u20442 cup, TM"

    def shown(snippet: str) -> str | None:
        written = as_written(snippet.replace("[", OPEN).replace("]", CLOSE), text)
        return written and written.replace(OPEN, "[").replace(CLOSE, "]")

    assert shown("...さん。[HR] [Tech]の話...") == f"...さん。[{hr}]　[{tech}]の話..."
    assert shown("[マネージャー], [1]\u2044[2] cup, [TM]") == "[ﾏﾈｰｼﾞｬｰ], [½][] cup, [™]"
    assert shown("[佐藤] [花子]さん。HR...") == f"[佐藤]　[花子]さん。{hr}..."
    assert shown("no such [text]") is None
    assert folded("plain ascii") == "plain ascii"


def test_folding_drops_only_arabic_and_hebrew_marks_and_reads_arabic_indic_digits() -> None:
    """The marks left out are combining marks (Mn) of those scripts alone: the vowel
    signs of Indic scripts, kana voicing and an emoji's variation selector are letters'
    parts, kept."""
    left_out = [ch for ch in map(chr, range(0x10000)) if folded(f"a{ch}") == "a"]
    assert {unicodedata.category(ch) for ch in left_out} == {"Mn"}
    assert {unicodedata.name(ch).split()[0] for ch in left_out} == {"ARABIC", "HEBREW"}
    assert folded("हिंदी ガ\u3099 ❤\ufe0f") == "हिंदी ガ\u3099 ❤\ufe0f"
    assert folded("٣٠ ۴۲ ๓ \U0001d7d7") == "30 42 ๓ 9"  # Thai digits are no Arabic-Indic


@pytest.mark.parametrize(
    ("snippet", "shown"),
    [
        (f"the {OPEN}401(k{CLOSE}) match", "the **401(k)** match"),  # was **401(k**)
        (f"({OPEN}a) b{CLOSE} c", "**(a) b** c"),
        (f"f({OPEN}x{CLOSE}) and [{OPEN}y]]{CLOSE}", "f(**x**) and **[y]]**"),
    ],
)
def test_a_hit_takes_the_brackets_beside_it_that_pair_with_its_own(
    snippet: str, shown: str
) -> None:
    assert marked(snippet) == shown


def test_greek_letters_read_without_their_accents() -> None:
    """Reported (tryout): ``σοφια`` did not find ``σοφία`` - FTS5 takes the accents off
    Latin letters alone. Tonos, dialytika and the polytonic marks are left out of a Greek
    letter, one letter for one (snippets map hits back by characters); a Cyrillic ``й``
    keeps its breve (another letter), the io reads as ie, as Russian is typed."""
    assert folded("Σοφία ΐ ὁδός ᾠδη Ά") == "Σοφια ι οδος ωδη Α"  # noqa: RUF001
    assert folded("ᾠ") == "ω"  # (no other Greek letter beside it)
    assert folded("й \u0451\u0401") == "й \u0435\u0415"  # io is ie as Russian types it
    text = "η σοφία μας"
    assert len(folded(text)) == len(text)
