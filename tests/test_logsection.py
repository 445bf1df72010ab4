"""Adding a check-in line to a note's Log section: only an insertion, never a rewrite."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.core.body import left_open, parse_body
from journal.core.checkins import CheckIn, format_log_line, parse_log_line
from journal.core.codec import decode, parse_text
from journal.core.errors import UnsafeWrite
from journal.core.formatting import single_line
from journal.core.logsection import append_checkin
from journal.core.notes import parse_note

NEW = CheckIn(date(2026, 11, 22), "+", 1.0, "Coffee with [[Dana Ortiz]]", 0)
LINE = "- 2026-11-22: +1 Coffee with [[Dana Ortiz]]"
FM = "---\ntype: goal\n---\n"


def added(text: str, checkin: CheckIn = NEW) -> str:
    return append_checkin(parse_text(text), checkin)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # after the last item, before the next section
            "# G\n\n## Log\n\n- 2026-11-20: +1 a\n\n## Next\n\n- x\n",
            f"# G\n\n## Log\n\n- 2026-11-20: +1 a\n{LINE}\n\n## Next\n\n- x\n",
        ),
        (  # after a multi-line item with a nested list and trailing blank lines
            "## Log\n\n- 2026-11-20: +1 a\n  more text\n  - nested\n\n\n# Other\n",
            f"## Log\n\n- 2026-11-20: +1 a\n  more text\n  - nested\n{LINE}\n\n\n# Other\n",
        ),
        (  # the same bullet as the list
            "## Log\n* 2026-11-20: +1 a\n",
            f"## Log\n* 2026-11-20: +1 a\n{LINE.replace('-', '*', 1)}\n",
        ),
        (  # an empty section: a blank line after the heading
            "# G\n\n## Log\n",
            f"# G\n\n## Log\n\n{LINE}\n",
        ),
        (  # an empty section followed by another: blank lines around the item
            "## Log\n## Next\n",
            f"## Log\n\n{LINE}\n\n## Next\n",
        ),
        (  # a section holding only text
            "## Log\nNothing yet.\n\n\n## Next\n",
            f"## Log\nNothing yet.\n\n{LINE}\n\n\n## Next\n",
        ),
        (  # a setext heading
            "Log\n---\n",
            f"Log\n---\n\n{LINE}\n",
        ),
        (  # no section: one is added at the end
            "# G\n\nSome text.\n",
            f"# G\n\nSome text.\n\n## Log\n\n{LINE}\n",
        ),
        (  # no section, body ends with a blank line already
            "# G\n\n",
            f"# G\n\n## Log\n\n{LINE}\n",
        ),
        (  # "## Log" inside a fenced code block is not the section
            "# G\n\n```\n## Log\n- 2026-01-01: +1 x\n```\n",
            f"# G\n\n```\n## Log\n- 2026-01-01: +1 x\n```\n\n## Log\n\n{LINE}\n",
        ),
        (  # the first Log section gets the line
            "## Log\n- 2026-11-01: +1 a\n## Log\n- 2026-11-02: +1 b\n",
            f"## Log\n- 2026-11-01: +1 a\n{LINE}\n## Log\n- 2026-11-02: +1 b\n",
        ),
        (  # backdated: before the first item dated later, after those of its day
            "## Log\n\n- 2026-11-21: +1 a\n- 2026-11-22: +1 b\n- 2026-11-23: +1 c\n"
            "  - nested 2026-11-01\n- 2026-11-24: +1 d\n",
            f"## Log\n\n- 2026-11-21: +1 a\n- 2026-11-22: +1 b\n{LINE}\n- 2026-11-23: +1 c\n"
            "  - nested 2026-11-01\n- 2026-11-24: +1 d\n",
        ),
        (  # a numbered log: numbered on from its last item
            "## Log\n\n1. 2026-11-20: +1 a\n2. 2026-11-21: +1 b\n\n## Next\n",
            f"## Log\n\n1. 2026-11-20: +1 a\n2. 2026-11-21: +1 b\n3.{LINE[1:]}\n\n## Next\n",
        ),
        (  # backdated in a numbered log: the number of the item it goes before
            "## Log\n\n7) 2026-11-20: +1 a\n8) 2026-11-23: +1 b\n",
            f"## Log\n\n7) 2026-11-20: +1 a\n8){LINE[1:]}\n8) 2026-11-23: +1 b\n",
        ),
        (  # backdated before the first item; items that are no check-ins are passed over
            "## Log\n- a thought\n- 2026-12-01: +1 a\n",
            f"## Log\n- a thought\n{LINE}\n- 2026-12-01: +1 a\n",
        ),
        (  # reported: a list of the user's under a paragraph below the check-ins got it
            "## Log\n\n- 2026-11-20: +1 a\n\nSome words.\n\n- a separate list\n* other\n",
            f"## Log\n\n- 2026-11-20: +1 a\n{LINE}\n\nSome words.\n\n- a separate list\n* other\n",
        ),
        (  # no check-in yet: after the last item, in its marker, as before
            "## Log\n\n- a thought\n* another\n",
            f"## Log\n\n- a thought\n* another\n{LINE.replace('-', '*', 1)}\n",
        ),
    ],
)
def test_the_line_goes_to_the_right_place(body: str, expected: str) -> None:
    assert added(FM + body) == FM + expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("## Log\n\n- 2026-11-20: +1 a", f"## Log\n\n- 2026-11-20: +1 a\n{LINE}"),
        ("## Log", f"## Log\n\n{LINE}"),
        ("# G\ntext", f"# G\ntext\n\n## Log\n\n{LINE}"),
        # reported: a body of blank space put the heading after it (`    ## Log`, code)
        ("    ", f"    \n## Log\n\n{LINE}"),
        ("\n  ", f"\n  \n## Log\n\n{LINE}"),
    ],
)
def test_a_file_without_a_final_newline_stays_without_one(body: str, expected: str) -> None:
    assert added(FM + body) == FM + expected


def test_front_matter_closed_at_the_end_of_the_file() -> None:
    assert added("---\ntype: goal\n---") == f"---\ntype: goal\n---\n## Log\n\n{LINE}"
    crlf = "---\r\ntype: goal\r\n---\r\n  "
    assert added(crlf) == f"{crlf}\r\n## Log\r\n\r\n{LINE}"


def test_crlf_and_bom_are_kept() -> None:
    raw = (
        "\ufeff---\r\ntype: goal\r\n---\r\n# G\r\n\r\n## Log\r\n\r\n"
        "- 2026-11-20: +1 a\r\n\r\n## Next\r\n"
    ).encode()
    doc = decode(raw)
    text = append_checkin(doc, NEW)
    assert doc.bom
    assert text.endswith(f"- 2026-11-20: +1 a\r\n{LINE}\r\n\r\n## Next\r\n")
    assert "\n" not in text.replace("\r\n", "")


@pytest.mark.parametrize(("front", "body"), [("\r\n", "\n"), ("\n", "\r\n")])
def test_the_line_takes_the_bodys_line_ending_not_the_front_matters(front: str, body: str) -> None:
    """Reported: a CRLF front matter over an LF body (a block pasted from a Windows
    template) got a CRLF log line among LF ones, and the reverse."""
    text = f"---{front}type: goal{front}---{front}## Log{body}{body}- 2026-11-20: +1 a{body}"
    assert added(text) == text + LINE + body
    new = f"---{front}type: goal{front}---{front}# G{body}"  # no Log section yet
    assert added(new) == new + f"{body}## Log{body}{body}{LINE}{body}"


def test_a_backdated_line_keeps_crlf_and_the_missing_final_newline() -> None:
    text = "---\r\ntype: goal\r\n---\r\n## Log\r\n- 2026-11-20: +1 a\r\n- 2026-11-30: +1 b"
    assert added(text) == (
        f"---\r\ntype: goal\r\n---\r\n## Log\r\n- 2026-11-20: +1 a\r\n{LINE}\r\n- 2026-11-30: +1 b"
    )


def test_a_form_feed_does_not_shift_lines() -> None:
    """markdown-it counts lines by \\n and \\r only; str.splitlines would also split at
    a form feed or U+2028 and put the line in the wrong place."""
    body = "# G\n\npage\x0cbreak and\u2028separator\n\n## Log\n\n- 2026-11-20: +1 a\n\n## Next\n"
    assert added(FM + body) == FM + body.replace("+1 a\n", f"+1 a\n{LINE}\n")
    facts = parse_body(body, want_log=True)
    assert facts.log_lines == [(7, "- 2026-11-20: +1 a")]


def test_a_line_that_would_not_read_back_is_refused() -> None:
    odd = CheckIn(date(2026, 11, 22), "+", 1.0, "x", 0)
    doc = parse_text(FM + "## Log\n\n> - 2026-11-20: +1 quoted\n")
    text = append_checkin(doc, odd)  # after a quoted item: a new list outside the quote
    assert text.endswith("> - 2026-11-20: +1 quoted\n- 2026-11-22: +1 x\n")
    assert [c.note for c in parse_note("g.md", text.encode()).checkins] == ["x"]
    bad = CheckIn(date(2026, 11, 22), "+", float("nan"), "x", 0)
    with pytest.raises(UnsafeWrite):
        append_checkin(doc, bad)


def test_a_comment_left_open_is_named_where_it_opens() -> None:
    """Found by fuzzing: an unclosed `%%` at the end of a log refused the line with no
    line number and the advice to add it by hand, where it would be inside the comment
    too."""
    doc = parse_text(FM + "## Log\n\n- 2026-11-20: +1 drafted %% private note\n")
    with pytest.raises(UnsafeWrite) as refused:
        append_checkin(doc, NEW)
    assert (refused.value.line, refused.value.message) == (
        6,
        "a %% comment opened on line 6 is never closed, so the log line would be part "
        "of it; nothing written: close it, then log again",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\n%% one %% two\n", None),
        ("a\n%% one\nstill\n", ("a %% comment", 2)),
        ("a\n```\n%% code\n", ("a fenced code block", 2)),
        ("%%\n```\n%%\n~~~\nx\n", ("a fenced code block", 4)),  # no fence in a comment
        ("`%%` in code\n", None),
    ],
)
def test_what_a_text_leaves_open(text: str, expected: tuple[str, int] | None) -> None:
    assert left_open(text) == expected


NOTES = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=30)


@settings(max_examples=200)
@given(st.sampled_from(["+", "-", "="]), st.decimals(0, 10**6, places=2), NOTES)
def test_tool_lines_read_back_as_written(op: str, amount: object, note: str) -> None:
    value = float(str(amount))
    line = format_log_line(date(2026, 11, 22), op, value, note)
    parsed = parse_log_line(line, 1)
    assert parsed is not None
    assert (parsed.day, parsed.op, parsed.amount, parsed.note) == (
        date(2026, 11, 22),
        op,
        value,
        single_line(note),
    )


BLOCKS = st.lists(
    st.sampled_from(
        [
            "# G\n",
            "## Log\n",
            "### Log\n",
            "Log\n---\n",
            "## Next\n",
            "\n",
            "text\n",
            "- 2026-11-20: +1 a\n",
            "* 2026-11-21: =3 b\n",
            "  - 2026-11-23: +9 nested\n",
            "  continued\n",
            "```\n",
            "    code\n",
            "> - quoted\n",
            "1. ordered\n",
            "\r\n",
            "- 2026-11-24: -1 c\r\n",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=400)
@given(BLOCKS, st.booleans())
def test_the_edit_only_inserts_and_adds_exactly_one_check_in(body: str, cut: bool) -> None:
    """Whatever the body, the new text is the old one with one chunk inserted, and it
    reads as the old check-ins plus the new one.  Refused (nothing written) only when
    the new line would be swallowed: by a code block left open at the end, or by
    indented text right after it that markdown would make part of the new item."""
    text = FM + (body.rstrip("\r\n") if cut else body)
    open_fence = sum(line == "```" for line in text.splitlines()) % 2 == 1
    indented = any(line.startswith(" ") for line in text.splitlines())
    try:
        new = added(text)
    except UnsafeWrite:
        assert open_fence or indented
        return
    prefix = next((i for i, (a, b) in enumerate(zip(text, new, strict=False)) if a != b), len(text))
    suffix = len(text) - prefix
    assert new[:prefix] == text[:prefix] and new[len(new) - suffix :] == text[prefix:]
    before = [c.note for c in parse_note("g.md", text.encode()).checkins]
    after = [c.note for c in parse_note("g.md", new.encode()).checkins]
    assert sorted(after) == sorted([*before, "Coffee with [[Dana Ortiz]]"])
