"""Texts made safe for one markdown line, progress shown as a bar, and numbers with units
and rates."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from journal.core.formatting import (
    _IES_OF_Y,
    amount,
    bar,
    columns,
    json_progress,
    one_line,
    per_week,
    percent,
    rate,
    shell_word,
    shortened,
    single_line,
    table_pipes_only,
    terminal_text,
)
from tests.conftest import REPO
from tests.test_names import _CLUSTERED_TITLES, cluster_ends


@given(
    st.text(alphabet=st.sampled_from(list("ab |\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000")))
    | st.text().filter(lambda text: "`" not in text and "-->" not in text)  # spans: below
)
@example(" a")
@example("a ")
@example("a  b")
@example("a\u00a0b")
@example("see <!-- journal:end wins")
def test_one_line_is_a_single_line_with_bars_and_comments_escaped(text: str) -> None:
    """Its ``|`` written ``\\|`` in a table row only (:func:`table_pipes_only`)."""
    line = one_line(text)
    shown = single_line(text).replace("<!--", "<\\!--")
    assert table_pipes_only(f"- {line}") == f"- {shown}"
    cell = shown.replace("|", "\\|")
    assert table_pipes_only(f"| {line} |") == f"| {cell} |"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("write one item per line as `  - item`", "write one item per line as `  - item`"),
        ("a  `x \t y`\n\tb ``  c `` ", "a `x \t y` b ``  c ``"),
        ("`a\nb`  `c\r\nd`", "`a b` `c d`"),  # a line break in a span: a space, as read
        ("`` a  ` b  ```", "`` a ` b ```"),  # no run as long closes these: text
        ("`a  |  b`  <!--", "`a  \\|  b` <\\!--"),
    ],
)
def test_one_line_keeps_the_spaces_of_a_code_span(text: str, line: str) -> None:
    """Reported: the review copied "write one item per line as `  - item`" with one
    space in the code span."""
    assert table_pipes_only(f"| {one_line(text)}") == f"| {line}"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("hidden <!-- private note --> visible", "hidden visible"),
        ("a <!-- over\ntwo lines -->\nb <!---->", "a b"),
        ("`<!-- code -->` <!-- mine -->", "`<\\!-- code -->`"),  # no comment in a code span
        ("a <!-- x --> b <!-- never closed", "a b <\\!-- never closed"),
        ("<!-- a ` --> b `c`", "b `c`"),  # the comment opens first: its ` opens no span
        ("`a` <!-- x --> `<!--` <!-- y --> z", "`a` `<\\!--` z"),
    ],
)
def test_one_line_leaves_html_comments_out(text: str, line: str) -> None:
    """Reported: `hidden <!-- private note --> visible` was copied into the review as
    `hidden <\\!-- private note --> visible`, showing what the user had hidden."""
    assert one_line(text) == line


@given(st.text(alphabet=st.sampled_from(list("a` \t\n\r\u2028|"))))
def test_one_line_with_code_spans_is_one_line_of_the_same_words(text: str) -> None:
    line = table_pipes_only(f"- {one_line(text)}")[2:]
    assert len(line.splitlines()) <= 1 and line == line.strip()
    assert line.split() == single_line(text).split()


@given(
    st.text(alphabet=st.sampled_from(list("ab \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u202f\u3000")))
)
def test_a_single_line_has_the_words_and_the_other_spaces_of_the_text(text: str) -> None:
    """Line breaks, tabs and runs of ASCII spaces become one space; the other spaces
    (no-break, narrow no-break, ideographic) stay as typed, inside the text."""
    line = single_line(text)
    assert line.split() == text.split() and len(line.splitlines()) <= 1
    assert "\t" not in line and "  " not in line and line == line.strip()
    inner = text.strip()
    assert [c for c in line if c in "\xa0\u202f\u3000"] == [
        c for c in inner if c in "\xa0\u202f\u3000"
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Objectif\u00a0: «\u00a0test\u00a0»", "Objectif\u00a0: «\u00a0test\u00a0»"),
        ("Super\u202f!\n\t 二回目\u3000です  ", "Super\u202f! 二回目\u3000です"),
        ("\u3000山田\u3000太郎\u2028", "山田\u3000太郎"),
    ],
)
def test_single_line_keeps_the_spaces_typography_needs(text: str, line: str) -> None:
    assert single_line(text) == line


@pytest.mark.parametrize("text", ["Land a role", "Ana Berg (Acme, Inc.)", ""])
def test_a_text_already_on_one_line_is_returned_as_it_is(text: str) -> None:
    assert one_line(text) is text


def test_every_whitespace_but_the_space_is_unprintable() -> None:
    """What lets :func:`one_line` skip a printable text: no whitespace it collapses is
    printable (so a printable text's only whitespace is the space)."""
    printable = [c for c in map(chr, range(0x110000)) if c.isspace() and c.isprintable()]
    assert printable == [" "]


@pytest.mark.parametrize(
    ("progress", "shown"),
    [
        (0.0, "░░░░░░░░░░ 0%"),
        (0.4, "████░░░░░░ 40%"),
        (0.9967, "█████████░ 99%"),  # reported: a full bar and 100%, the goal not done
        (1.0, "██████████ 100%"),
        (1.2, "██████████ 120%"),
        # reported: a half went to the even number (Python's round): 12%, 38%, 62%
        (1 / 8, "█░░░░░░░░░ 13%"),
        (3 / 8, "████░░░░░░ 38%"),
        (5 / 8, "██████░░░░ 63%"),
        (0.25, "███░░░░░░░ 25%"),  # 2.5 cells: 3
        (0.145, "█░░░░░░░░░ 15%"),  # 29 of 200: 14.5% as written (the float is below it)
        (0.9999, "█████████░ 99%"),
        (-1 / 8, "░░░░░░░░░░ -13%"),  # a half away from zero below the baseline too
    ],
)
def test_progress_shows_full_only_at_the_target(progress: float, shown: str) -> None:
    assert f"{bar(progress)} {percent(progress)}" == shown


@pytest.mark.parametrize(
    ("progress", "given"),
    [
        (0.53125, 0.5313),  # reported: 0.5312, a half to the even digit
        (0.99996, 0.9999),  # short of the target: never 1
        (1.0, 1.0),
        (1.23456, 1.2346),
        (-0.00005, -0.0001),
        (None, None),
    ],
)
def test_json_progress_rounds_a_half_up_and_stays_below_1_short_of_the_target(
    progress: float | None, given: float | None
) -> None:
    assert json_progress(progress) == given


@pytest.mark.parametrize(
    ("unit", "one"),
    [
        ("referrals", "referral"),
        ("interviews", "interview"),
        ("coffee chats", "coffee chat"),
        ("hours", "hour"),
        ("follow-ups", "follow-up"),
        ("mins", "min"),
        ("OKRs", "OKR"),
        ("people", "person"),
        ("news", "news"),
        ("People", "Person"),  # whatever the case
        ("kudos", "kudos"),
        ("heures", "heure"),  # a French plural made with an s
        ("jours", "jour"),
        # no plural, or not one known for sure: left as written
        ("kg", "kg"),
        ("%", "%"),
        ("h", "h"),
        ("USD", "USD"),
        ("wpm", "wpm"),
        ("SMS", "SMS"),
        ("hrs", "hrs"),
        ("fps", "fps"),
        ("ms", "ms"),
        ("class", "class"),
        ("bonus", "bonus"),
        ("analysis", "analysis"),
        ("canvas", "canvas"),
        ("boxes", "boxes"),
        ("matches", "matches"),
        ("courses", "courses"),  # but buses
        ("movies", "movies"),  # but stories
        ("calories", "calories"),
        ("copies", "copies"),  # English copy, French copie
        ("heroes", "heroes"),  # but shoes
        ("words/min", "words/min"),
        # a plural in -ies the tool knows (reported: "1 case studies")
        ("case studies", "case study"),
        ("Case Studies", "Case Study"),
        ("stories", "story"),
        ("journal entries", "journal entry"),
        # the word before a preposition is what the unit counts
        ("hours of practice", "hour of practice"),
        ("hours of sales", "hour of sales"),
        ("case studies on retention", "case study on retention"),
        ("check-ins with my manager", "check-in with my manager"),
        ("pages per day", "page per day"),
        ("hours per week", "hour per week"),
        ("classes of yoga", "classes of yoga"),  # class, French classe
        ("minutes spent on it", "minutes spent on it"),  # (spent is no plural)
        ("per week", "per week"),
        # words with an s in the singular, and other languages' prepositions (a tryout:
        # "0/1 cour", "1 heures de cour")
        ("cours", "cours"),
        ("Cours", "Cours"),
        ("heures de cours", "heure de cours"),
        ("fois", "fois"),
        ("mois", "mois"),
        ("temps", "temps"),
        ("lens", "lens"),
        ("séances", "séances"),
        ("horas por semana", "horas por semana"),  # (-as: canvas)
        ("séances de sport", "séances de sport"),
    ],
)
def test_a_unit_after_one_is_singular_only_where_its_plural_is_plain(unit: str, one: str) -> None:
    """Reported: "reach 1 referrals"; and, in a tryout, "0/1 cour" for `cours`."""
    assert [amount(v, unit) for v in (1, 1.0, "+1", -1)] == [
        f"1 {one}",
        f"1 {one}",
        f"+1 {one}",
        f"-1 {one}",
    ]
    assert [amount(v, unit) for v in (2, 0, 1.5, "0.25")] == [
        f"{v} {unit}" for v in (2, 0, 1.5, "0.25")
    ]
    assert amount(1, None) == amount(1, "") == "1"


def test_the_format_doc_names_every_plural_in_ies_made_singular() -> None:
    """docs/format.md lists the `-ies` plurals a unit is said for one with (`1 case
    study`): a user can tell whether theirs is."""
    text = " ".join((REPO / "docs" / "format.md").read_text(encoding="utf-8").split())
    known = text.split("one in `-ies` of a word in `-y` the tool knows", 1)[1].split(");", 1)[0]
    named = set(re.findall(r"[a-z]+", known))  # a word, or its singular in an example
    assert [w for w in sorted(_IES_OF_Y) if not {w, w[:-3] + "y"} & named] == []


@pytest.mark.parametrize(
    ("value", "unit", "whole", "shown"),
    [
        (0.091, "referrals", True, "1 referral every 11 weeks"),  # reported: 0.091/week
        (0.091, None, True, "1 every 11 weeks"),
        (0.4, None, True, "1 every 2.5 weeks"),
        (0.7, "interviews", True, "1 interview every 1.4 weeks"),
        (0.0064, None, True, "1 every 156 weeks"),
        (0.96, None, True, "0.96/week"),  # one every 1.04 weeks: about 1 a week
        (1, "referrals", True, "1 referral/week"),
        (3.24, "interviews", True, "3.2 interviews/week"),
        (0, "referrals", True, "0 referrals/week"),
        # not counted in whole numbers: decimals
        (0.091, "kg", False, "0.091 kg/week"),
        (0.25, "hours", False, "0.25 hours/week"),
        (0.0021, None, False, "0.0021/week"),
    ],
)
def test_a_rate_of_whole_things_below_one_a_week_says_the_weeks_one_takes(
    value: float, unit: str | None, whole: bool, shown: str
) -> None:
    assert per_week(value, unit, whole) == shown


def test_rates_are_shown_as_the_format_doc_says() -> None:
    """Reported: docs/format.md said two significant digits below 1 and one decimal from 1
    up, where `needs 0.09/week` and `needs to drop 9/week` were shown (the docs now say
    a zero ending the rate is left out, which reads better: the examples must agree)."""
    text = " ".join((REPO / "docs" / "format.md").read_text(encoding="utf-8").split())
    examples = re.findall(r"([\d.]+) a week shows as `([\d.]+)/week`, not `([\d.]+)`", text)
    examples += re.findall(r"and ([\d.]+) as `([\d.]+)/week`, not `([\d.]+)`", text)
    assert len(examples) == 2
    for value, shown, not_shown in examples:
        assert rate(float(value)) == shown != not_shown
        assert per_week(float(value)) == f"{shown}/week"


def test_time_left_is_days_under_two_weeks_then_weeks() -> None:
    from journal.core.formatting import time_left

    assert [time_left(d) for d in (1, 11, 13, 14, 39, 70, 77)] == [
        "1 day",
        "11 days",
        "13 days",
        "2 weeks",
        "5.6 weeks",
        "10 weeks",
        "11 weeks",
    ]


def test_listed_joins_as_prose() -> None:
    from journal.core.formatting import listed

    assert [listed(items) for items in ([], ["a"], ["a", "b"], ["a", "b", "c"])] == [
        "",
        "a",
        "a and b",
        "a, b and c",
    ]
    assert listed(["x", "y", "z"], "or") == "x, y or z"


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
@example("Two interviews\nwith HRBPs")
@example('Land a "people partner" role for $5k more')
@example("it's a \\ \t tab")
@example("next\x85line")
@example("line\u2028and\u2029paragraph")
@example("right\u202eto left\u202doverride\u2067isolate\u2069")
def test_a_suggested_word_is_one_line_that_bash_reads_back(text: str) -> None:
    word = shell_word(text)
    assert "\n" not in word and "\r" not in word
    assert terminal_text(word) == word  # shown as it is: found in review (C1 controls)
    read = subprocess.run(["bash", "-c", f"printf %s {word}"], capture_output=True)
    assert read.stdout.decode() == text  # bytes: text mode would read "\r" as "\n"


def test_a_pipe_is_escaped_in_table_rows_only() -> None:
    """Reported: `grep a|b` in a check-in was copied into the review's list as
    `grep a\\|b`, which a code span shows; and a `\\|` in a wikilink outside a table is
    read by other tools as part of its target. Only a table cell needs the escape (in a
    quote too)."""
    text = one_line("ran `grep a|b`: A | B, see [[goals/Budget|Budget]] and [[a\\|b]]")
    cell = "ran `grep a\\|b`: A \\| B, see [[goals/Budget\\|Budget]] and [[a\\\\|b]]"
    rendered = f"- {text}\n| {text} |\n  | {text} |\n> | {text} |\n"
    once = table_pipes_only(rendered)
    assert once == (
        "- ran `grep a|b`: A | B, see [[goals/Budget|Budget]] and [[a\\|b]]\n"
        f"| {cell} |\n  | {cell} |\n> | {cell} |\n"
    )
    assert table_pipes_only(once) == once  # made once, in a section and in the note
    assert table_pipes_only("no pipes | \\|\n") == "no pipes | \\|\n"


def test_shell_words_leave_plain_words_and_quote_the_others() -> None:
    from journal.core.formatting import shell_words

    assert shell_words(["log", "hr", "+1", "a/b.md", "why=x", "2026-11-20"]) == (
        "log hr +1 a/b.md why=x 2026-11-20"
    )
    # zsh reads "=4" as a command's path, "[[" and "*" as patterns, "~" as home
    assert shell_words(["=4", "[[Dana]]", "a*", "~x", "Dana's", "$HOME", ""]) == (
        '"=4" "[[Dana]]" "a*" "~x" "Dana\'s" \'$HOME\' ""'
    )


@given(_CLUSTERED_TITLES, st.integers(min_value=2, max_value=60))
def test_a_shortened_title_ends_on_a_whole_visible_character(
    clustered: tuple[str, list[list[str]]], width: int
) -> None:
    title, words = clustered
    short = shortened(title, width)
    assert columns(short) <= width
    kept = short.removesuffix("…")
    assert title.startswith(kept) and len(kept) in cluster_ends(words)


def test_a_shortened_title_keeps_its_flags_whole() -> None:
    """Reported: `journal status` on a 70-column terminal showed half a flag."""
    assert shortened("Fika🇸🇪🇸🇪🇪", 8) == "Fika🇸🇪…"
    assert shortened("🇸🇪🇸🇪🇸🇪", 4) == "🇸🇪…"
