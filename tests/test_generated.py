"""Generated sections: found, merged over user edits, never silently discarded."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.core.codec import usual_newline
from journal.core.errors import JournalError
from journal.core.generated import (
    HASH_KEY,
    check_markers,
    content_hash,
    find_sections,
    merge,
    owned_hash,
    owned_hashes,
    searchable,
    section,
    untouched,
    with_record,
)

NEW = (
    f"# Title\n\n{section('Fresh score', 'score')}\n\n{section('Fresh wins', 'wins')}\n\n## Mine\n"
)


def note(score: str = "Old score", wins: str = "Old wins", mine: str = "my words") -> str:
    return with_record(
        f"# Title\nintro I wrote\n\n{section(score, 'score')}\n\n{section(wins, 'wins')}\n\n"
        f"## Mine\n{mine}\n"
    )


def test_unedited_sections_are_replaced_and_user_text_stays() -> None:
    result = merge(note(), NEW)
    assert result.replaced == ["score", "wins"] and result.kept == []
    assert result.text == note("Fresh score", "Fresh wins").replace(
        section("Old score", "score"), section("Fresh score", "score")
    )
    assert "intro I wrote" in result.text and "my words" in result.text


def test_an_edited_section_is_kept_and_reported_unless_forced() -> None:
    edited = note().replace("Old score", "Old score - and my comment")
    result = merge(edited, NEW)
    assert result.kept == ["score"] and result.replaced == ["wins"]
    assert "Old score - and my comment" in result.text and "Fresh wins" in result.text
    forced = merge(edited, NEW, force=True)
    assert forced.replaced == ["score", "wins"] and "my comment" not in forced.text


def test_a_section_the_user_removed_is_not_added_back_unless_forced() -> None:
    without = note().replace(section("Old wins", "wins"), "")
    result = merge(without, NEW)
    assert result.missing == ["wins"] and "Fresh wins" not in result.text
    forced = merge(without, NEW, force=True)
    assert forced.missing == [] and forced.replaced == ["score", "wins"]
    assert forced.restored == ["wins"] and result.restored == []
    assert forced.text.index("Fresh score") < forced.text.index("Fresh wins")  # in its place
    assert merge(forced.text, NEW).text == forced.text  # and kept from then on


def test_the_record_lists_the_sections_after_the_last_one() -> None:
    assert note().endswith(
        "<!-- journal:end wins -->\n<!-- journal:sections score wins -->\n\n## Mine\nmy words\n"
    )


def test_a_section_the_note_never_had_is_added_next_to_its_neighbours() -> None:
    new = (
        f"{section('Fresh top', 'top')}\n\n{section('Fresh score', 'score')}\n\n"
        f"{section('Fresh git', 'git')}\n\n{section('Fresh wins', 'wins')}\n"
    )
    result = merge(note(), new)
    assert result.replaced == ["score", "wins", "top", "git"] and result.missing == []
    assert result.text == (
        f"# Title\nintro I wrote\n\n{section('Fresh top', 'top')}\n\n"
        f"{section('Fresh score', 'score')}\n\n{section('Fresh git', 'git')}\n\n"
        f"{section('Fresh wins', 'wins')}\n<!-- journal:sections git score top wins -->\n\n"
        "## Mine\nmy words\n"
    )
    without_git = result.text.replace(f"{section('Fresh git', 'git')}\n\n", "")
    again = merge(without_git, new)  # now the record says the note had it: not re-added
    assert again.missing == ["git"] and again.text == without_git


def test_a_note_without_a_record_gains_what_it_lacks_once() -> None:
    legacy = note().replace("<!-- journal:sections score wins -->\n", "")
    without = legacy.replace(f"{section('Old wins', 'wins')}\n\n", "")
    result = merge(without, NEW)
    assert result.replaced == ["score", "wins"] and result.missing == []
    assert result.text == note("Fresh score", "Fresh wins")


def test_nothing_changes_when_nothing_is_new() -> None:
    current = note("Fresh score", "Fresh wins")
    result = merge(current, NEW)
    assert result.text == current and result.replaced == []


def test_crlf_notes_stay_crlf() -> None:
    old = note().replace("\n", "\r\n")
    result = merge(old, NEW)
    assert "\r\n" in result.text and "\n" not in result.text.replace("\r\n", "")
    assert "Fresh score" in result.text


def test_one_crlf_line_pasted_in_leaves_the_sections_lf() -> None:
    """Found in review: one line pasted with CRLF into the user's text turned every
    section written after it CRLF (and the record's line): a diff of every such line,
    and more at each later run. The note's usual ending is the one most lines have."""
    old = note(mine="pasted from Windows\r\nand mine")
    result = merge(old, NEW)
    assert result.replaced == ["score", "wins"]
    assert result.text.count("\r\n") == 1
    assert merge(result.text, NEW).text == result.text  # and a run after: no change
    mostly = note().replace("\n", "\r\n").replace("my words\r\n", "my words\n")
    assert "\nFresh score\r\n" in merge(mostly, NEW).text  # mostly CRLF: CRLF


@pytest.mark.parametrize(
    ("text", "usual"),
    [("", "\n"), ("a", "\n"), ("a\r\nb\r\nc\n", "\r\n"), ("a\r\nb\nc\n", "\n"), ("a\r\n", "\r\n")],
)
def test_a_text_s_usual_line_ending_is_most_of_its_lines(text: str, usual: str) -> None:
    assert usual_newline(text) == usual


def test_line_ending_conversion_alone_is_not_an_edit() -> None:
    old = note().replace("\n", "\r\n")
    assert find_sections(old)["score"].edited(old) is False


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("a\n<!-- journal:begin x 00000000 -->\nbody\n", "no matching end marker", 2),
        ("<!-- journal:end x -->\n", "has no begin marker", 1),
        # found in a tryout: the begin marker's hash edited, and the error named the end
        (
            "# R\n<!-- journal:begin x 949D7FA5 -->\nbody\n<!-- journal:end x -->\n",
            "'<!-- journal:begin x 949D7FA5 -->' is not a valid begin marker",
            2,
        ),
        (section("a", "x") + "\n" + section("b", "x") + "\n", "appears twice", 4),
        # found in a tryout: both sides of a merge conflict kept, said to have no end
        (
            "# R\n" + section("a", "x").replace("\n", "\n<!-- journal:begin x 00000000 -->\n", 1),
            "section 'x' begins twice, at lines 2 and 3, before its end marker (both sides "
            "of a merge conflict kept?): keep one side's begin marker and lines, or delete "
            "lines 2-5, then make it again",
            2,
        ),
        (
            "<!-- journal:begin x 00000000 -->\n"
            + section("b", "y")
            + "\n<!-- journal:end x -->\n",
            "no matching end marker",
            1,
        ),
    ],
)
def test_broken_markers_are_an_error_with_a_line(text: str, message: str, line: int) -> None:
    with pytest.raises(JournalError) as info:
        merge(text, NEW, path="reviews/x.md")
    assert message in info.value.message
    assert (info.value.path, info.value.line) == ("reviews/x.md", line)


@pytest.mark.parametrize("name", ["Bad Name", "", "a_b", "ü", "x -->"])
def test_the_section_filter_refuses_names_markers_cannot_hold(name: str) -> None:
    with pytest.raises(JournalError, match="is not allowed"):
        section("text", name)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (section("a", "x") + section("b", "y") + "\n", "on a line of its own", 3),
        ("# T\n" + section("a", "x") + " trailing\n", "on a line of its own", 4),
        ("# T <!-- journal:begin x 00000000 -->\n", "on a line of its own", 1),
        ("<!-- journal:begin X 00000000 -->\nx\n<!-- journal:end X -->\n", "valid section", 1),
        (section("a", "x") + "\n\n" + section("b", "x") + "\n", "appears twice", 5),
    ],
)
def test_rendered_text_with_bad_markers_is_refused(text: str, message: str, line: int) -> None:
    with pytest.raises(JournalError) as info:
        check_markers(text)
    assert message in info.value.message and info.value.line == line


def test_well_formed_rendered_text_passes() -> None:
    assert sorted(check_markers(NEW)) == ["score", "wins"]


def test_each_owned_property_is_vouched_for_by_its_own_hash() -> None:
    """Which property the user changed is told apart; a note written with one hash of
    them all (before) is trusted whole, or, when it no longer matches, not at all (None:
    the note keeps that hash, as it did)."""
    wrote = {"type": "plan", "goals": ["[[a]]"], "start": "2026-11-23", "targets": {"a": [1]}}
    keys = ["goals", "start", "targets"]
    note = {**wrote, HASH_KEY: owned_hashes(wrote)}
    assert note[HASH_KEY] == " ".join(f"{k}:{owned_hash({k: wrote[k]})}" for k in keys)
    assert untouched(note, keys) == set(keys)
    assert untouched({**note, "targets": {"a": [2]}}, keys) == {"goals", "start"}
    assert untouched({**note, "goals": ["[[a]]", "[[b]]"]}, keys) == {"start", "targets"}
    assert untouched({**note, "goals": ["[[a renamed]]"]}, keys) == set(keys)  # Obsidian's
    gone = {k: v for k, v in note.items() if k != "start"}
    assert untouched({**gone, "goals": []}, keys) == {"start", "targets"}  # lacking
    kept = {**wrote, "goals": ["[[b]]"], HASH_KEY: owned_hashes(wrote, ["goals"])}
    assert untouched(kept, keys) == {"start", "targets"}  # the user's, kept: still theirs
    assert untouched(note, [*keys, "weeks"]) == {*keys, "weeks"}  # owned later: added
    older = {**wrote, HASH_KEY: owned_hash(wrote)}
    assert untouched(older, keys) == set(keys)
    assert untouched({**older, "targets": {"a": [2]}}, keys) is None
    assert untouched({k: v for k, v in wrote.items() if k != "goals"}, keys) == {"goals"}
    assert untouched({**wrote, HASH_KEY: 12345678}, keys) == set()  # unquoted by an editor


def test_links_obsidian_rewrote_in_a_section_are_no_edit_of_the_users() -> None:
    """Reported: after a rename in Obsidian (which rewrites `[[Old]]` everywhere) the next
    run kept the plan's sections as "your edits", frozen with their old numbers."""
    wrote = section("| 1 | [[Reach out]] | 12 |\n", "targets")
    renamed = wrote.replace("[[Reach out]]", "[[Outreach]]")
    fresh = section("| 1 | [[Outreach]] | 15 |\n", "targets")
    merged = merge(renamed, fresh)
    assert (merged.replaced, merged.kept) == (["targets"], [])
    assert "| 15 |" in merged.text
    typed = renamed.replace("| 12 |", "| 12 | my note |")
    assert merge(typed, fresh).kept == ["targets"]  # text of the user's: still an edit


def test_text_typed_into_a_link_of_a_section_is_an_edit_a_rename_is_not() -> None:
    """Reported: a display text (`[[Network more|DROP it]]`) or heading typed into a link
    of a generated section was deleted by the next plain run, as if Obsidian had
    rewritten the link."""
    wrote = section("- No check-in for 83 days: [[Network more]]\n", "attention")
    fresh = section("- No check-in for 84 days: [[Network more]]\n", "attention")
    for typed in (
        "[[Network more|DROP it, agreed with Priya]]",
        "[[Network more\\|DROP it, agreed with Priya]]",  # as in a table
        "[[Network more#Why I keep skipping this]]",
    ):
        merged = merge(wrote.replace("[[Network more]]", typed), fresh)
        assert (merged.replaced, merged.kept) == ([], ["attention"]) and typed in merged.text
    for renamed in (
        "[[Networking]]",
        "[[goals/Networking]]",
        "[[goals/Networking|Networking]]",  # the path, showing the name
        "[[Networking|Networking]]",
    ):
        merged = merge(wrote.replace("[[Network more]]", renamed), fresh)
        assert (merged.replaced, merged.kept) == (["attention"], [])


def test_links_shown_by_sections_written_before_display_texts_counted_are_the_tools() -> None:
    """A marker written when the hash saw no link at all: a display text the tool wrote
    (from a check-in's note) is still the tool's, one the tool doesn't write the user's."""
    body = "- 2026-11-20 · Coffee with [[Dana Ortiz\\|Dana]]"
    old = f"<!-- journal:begin checkins {content_hash(body, shown=False)} -->\n{body}\n"
    old += "<!-- journal:end checkins -->"
    fresh = section(f"{body}\n- 2026-11-21 · Lunch\n", "checkins")
    assert merge(old, fresh).replaced == ["checkins"]
    mine = old.replace("[[Dana Ortiz\\|Dana]]", "[[Dana Ortiz|Dana, call back]]")
    assert merge(mine, fresh).kept == ["checkins"]


def test_sections_written_before_links_were_ignored_are_still_recognised() -> None:
    """A marker an earlier version wrote holds a hash that saw the links: still the
    tool's text, not an edit."""
    body = "| 1 | [[Reach out]] | 12 |"
    old = f"<!-- journal:begin targets {content_hash(body, links=True)} -->\n{body}\n"
    old += "<!-- journal:end targets -->"
    assert content_hash(body, links=True) != content_hash(body)
    assert merge(old, section("| 1 | [[Reach out]] | 15 |\n", "targets")).replaced == ["targets"]


def test_markers_quoted_in_fenced_code_are_text_not_sections() -> None:
    """Reported: a copy of a section pasted in a code block of the reflection made every
    later run fail with "section 'score' appears twice"."""
    quoted = f"```markdown\n{section('Quoted score', 'score')}\n```\n"
    old = note(mine=f"How it looked:\n\n{quoted}")
    assert list(find_sections(old)) == ["score", "wins"]
    result = merge(old, NEW)
    assert result.replaced == ["score", "wins"]
    assert quoted in result.text and "Fresh score" in result.text
    unclosed = note(mine="```\nnever closed\n")  # hides nothing after it
    assert list(find_sections(unclosed)) == ["score", "wins"]
    in_open = note(score="Old score").replace("# Title\n", "# Title\n```\n", 1)
    assert list(find_sections(in_open)) == ["score", "wins"]  # an open fence hides none


def test_a_fence_left_open_above_a_section_hides_none() -> None:
    """Found in review: a fence the user left open above the chart was closed by the
    chart's own fence, which hid the chart's begin marker ("no begin marker")."""
    chart = section("```mermaid\nxychart-beta\n```", "chart")
    text = with_record(f"# Title\n\n```\nunfinished code\n\n{section('Wins', 'wins')}\n\n{chart}\n")
    assert list(find_sections(text)) == ["wins", "chart"]


def test_a_section_quoted_after_a_fence_left_open_at_the_end_is_text() -> None:
    """Reported: an unclosed fence at the end of the reflection quoting a section (code
    to the end, in CommonMark and Obsidian) made the review fail ("appears twice")."""
    text = note(mine=f"```\n{section('Quoted score', 'score')}\n")
    assert list(find_sections(text)) == ["score", "wins"]
    assert merge(text, NEW).replaced == ["score", "wins"]


def test_a_record_quoted_in_fenced_code_is_not_the_record() -> None:
    """Found in review: a `journal:sections` line quoted in a code block above the real
    one was taken for it, rewritten inside the user's code and read for what was had."""
    quoted = "~~~\n<!-- journal:sections score -->\n~~~\n"
    text = quoted + note()
    assert with_record(text).startswith(quoted)
    assert merge(text, NEW).text.startswith(quoted)


def test_a_removed_section_quoted_in_fenced_code_stays_as_quoted() -> None:
    """Found in review: with `wins` removed (the record still names it) and last week's
    quoted in a code block, the quote inside the fence was regenerated."""
    quoted = f"```md\n{section('Last week wins', 'wins')}\n```\n"
    old = with_record(f"# Title\n\n{section('Old score', 'score')}\n", ["score", "wins"])
    old += f"\n## Mine\n{quoted}"
    result = merge(old, NEW)
    assert result.missing == ["wins"] and quoted in result.text


def test_search_reads_no_markers_nor_mermaid_source_and_every_other_byte() -> None:
    text = (
        "# Week\r\n<!-- journal:begin chart 0123abcd -->\r\n```mermaid\r\ngantt\r\n"
        "    Speak at a meetup :a1, 2026-11-02, 3d\r\n```\r\n<!-- journal:end chart -->\r\n"
        "My words.\n> ~~~ Mermaid\n> graph\n> ~~~\n```python\nmermaid = 1\n"
        "<!-- journal:end chart -->\n```\n<!-- journal:sections chart -->\n\u2028tail"
    )
    assert searchable(text) == (
        "# Week\r\nMy words.\n> ~~~ Mermaid\n> graph\n> ~~~\n```python\nmermaid = 1\n"
        "<!-- journal:end chart -->\n```\n\u2028tail"
    )
    plain = "no marker here\n```\ncode\n```\n"
    assert searchable(plain) is plain
    kept = "a\u2028```mermaid\nkept, no fence\n```mermaidish\ngraph\n```\n<!-- journal: -->\n"
    assert searchable(kept) == kept


_LINKISH = ["[", "]", "[[", "]]", "#", "|", "\\|", "\\", "a", "b/", "\n", " "]


@given(st.lists(st.sampled_from(_LINKISH)).map("".join))
def test_the_hash_reads_links_as_the_one_regex_reads_them(text: str) -> None:
    """The hash replaces bare links without calling Python (its cost at 10,000 notes):
    the same text as one substitution with :func:`_link_shown` for every link."""
    from journal.core.generated import _WIKILINK, _link_shown

    normal = text.replace("\r\n", "\n").strip("\n")
    whole = hashlib.blake2b(
        _WIKILINK.sub(_link_shown, normal).encode("utf-8"), digest_size=4
    ).hexdigest()
    assert content_hash(text) == whole
