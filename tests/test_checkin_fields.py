"""A ``progress::`` field read from a note's body: its goal and amount outside code, its
note as written, each field on its own line - by the line scanner and by markdown-it."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from journal.adapters.index import Index
from journal.adapters.vault import Vault
from journal.core import body as body_module
from journal.core.body import BodyFacts, InlineField, parse_body
from journal.core.checkins import inline_link, parse_inline
from tests.conftest import Invoke, Write, goal_text

DAILY = "Journal/Daily/2026-11-20.md"
#: A first line that sends the paragraph after it to markdown-it: a code span over a line
#: break (the line scanner reads a span on one line only).
TO_MARKDOWN_IT = "see `make\ncheck` first\n"


def read(text: str, *, parsed: bool, monkeypatch: pytest.MonkeyPatch) -> BodyFacts:
    """``text`` read, checking that markdown-it read its inline content or not."""
    calls: list[str] = []
    real = body_module._parsed_inline

    def spy(content: str, *args: Any) -> None:
        calls.append(content)
        real(content, *args)

    monkeypatch.setattr(body_module, "_parsed_inline", spy)
    facts = parse_body(text)
    assert bool(calls) == parsed, calls
    return facts


@pytest.mark.parametrize(
    ("text", "parsed", "value"),
    [
        ("progress:: [[a]] +1 ran `make test` ok\n", False, "[[a]] +1 ran `make test` ok"),
        ("- progress:: [[a]] +1 `x` and [b](b.md#h)\n", True, "[[a]] +1 `x` and [b](b.md#h)"),
        (
            "progress:: [[a]] +1 ran `make test` and read [guide](https://x.org/p#s)\n",
            True,
            "[[a]] +1 ran `make test` and read [guide](https://x.org/p#s)",
        ),
        ("progress:: [[a]] +1 read [guide](guide.md)\n", True, "[[a]] +1 read [guide](guide.md)"),
        ("> progress:: [[a]] +1 <b>x</b> `y`\n", True, "[[a]] +1 <b>x</b> `y`"),
        ("**progress**:: [[a]] +1 `y`\n", True, "[[a]] +1 `y`"),
        ("text first\nprogress:: [[a]] +1 \\* `y`\n", True, "[[a]] +1 \\* `y`"),
        (TO_MARKDOWN_IT + "progress:: [[a]] +1 `make test` ok\n", True, "[[a]] +1 `make test` ok"),
        # (c) a heading's closing run of "#" is no part of its text, nor of a field's value
        ("## progress:: [[a]] +1 `x` ##\n", False, "[[a]] +1 `x`"),
        ("## progress:: [[a]] +1 `x` <i>y</i> ##\n", True, "[[a]] +1 `x` <i>y</i>"),
    ],
)
def test_a_line_field_keeps_its_value_as_written(
    text: str, parsed: bool, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `progress:: [[a]] +1 ran `make test` ok` showed in the review as
    `ran   ok`, and a link's address was left out (`[guide]()`) wherever markdown-it
    read the line: a line field's value is the text after its key, as written."""
    facts = read(text, parsed=parsed, monkeypatch=monkeypatch)
    assert [f.value for f in facts.fields] == [value]


@pytest.mark.parametrize(
    "text",
    [
        # a code span over a line break: the second line is in code, the third a field
        "a `x\nprogress:: [[b]] +9` c\nprogress:: [[a]] +1 note\n",
        # an HTML tag over a line break
        "a <span\ntitle='progress:: [[b]] +9'>\nprogress:: [[a]] +1 note\n",
        # a link's title over a line break
        'a [t](x.md "u\nprogress:: [[b]] +9") c\nprogress:: [[a]] +1 note\n',
        # a code span that ends a field's line and runs on: what follows is no value
        "progress:: [[b]] `x\ny` +9\nprogress:: [[a]] +1 note\n",
        # a line that starts in a code span, ends it and then reads like a field
        "a `x\ny`progress:: [[b]] +9\nprogress:: [[a]] +1 note\n",
    ],
)
def test_each_field_is_read_from_its_own_line(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """(a) Found in review: markdown-it's tokens were given lines by counting line
    breaks, and a code span, HTML tag or link title over a line break holds one: every
    field after it took the line (and the text) of the field before it."""
    facts = read(text, parsed=True, monkeypatch=monkeypatch)
    assert facts.fields[-1] == InlineField("progress", "[[a]] +1 note", 3)
    assert not [f for f in facts.fields if "+9" in f.value]


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        # found in review: an image's alt text over a line break put the field on its
        # second line on the line before, and one on a task's line was lost for good
        (
            "Photo ![team\nprogress:: [[b]] +9](p.png)\nprogress:: [[a]] +1\n",
            [
                InlineField("Photo team progress", "[[b]] +9", 1),
                InlineField("progress", "[[a]] +1", 3),
            ],
        ),
        ("- [ ] buy ![x\nprogress:: [[b]] +9](p.png)\n", []),
        # a line's last token runs on past it: its field's value is read, not cut as
        # written (an unclosed code span there showed `[[b]]` as a link in the review)
        (
            "progress:: [[a]] +1 photo ![x\nprogress:: [[b]] +9](p.png)\n",
            [InlineField("progress", "[[a]] +1 photo x progress:: [[b]] +9", 1)],
        ),
        (
            "progress:: [[a]] +1 ran `[progress:: [[b]] +9]\nand more` ok\n",
            [InlineField("progress", "[[a]] +1 ran", 1)],
        ),
    ],
)
def test_no_field_starts_inside_an_image_or_a_token_run_on(
    text: str, fields: list[InlineField]
) -> None:
    facts = parse_body(text)
    assert facts.fields == fields
    assert [(f.value, f.line) for f in facts.stray_fields] in ([], [("[[b]] +9", 1)])


def test_a_field_in_a_code_span_is_no_field() -> None:
    assert parse_body("`progress:: [[a]] +1` and `k:: v`\n").fields == []


@pytest.mark.parametrize(
    ("value", "target", "op", "amount", "note"),
    [
        ("[[a]] +1 ran `make test` ok", "a", "+", 1.0, "ran `make test` ok"),
        ("[[a]] `+5` ran", "a", None, 0.0, "`+5` ran"),  # (b) no amount inside code
        ("`[[b]]` [[a]] +1 ok", "a", "+", 1.0, "ok"),  # (b) no goal inside code
        ("[[a|`shown`]] +2 n", "a", "+", 2.0, "n"),
        ("[[a]] +1 read [g](https://x.org/p#s)", "a", "+", 1.0, "read [g](https://x.org/p#s)"),
    ],
)
def test_a_fields_goal_and_amount_are_read_outside_code_its_note_as_written(
    value: str, target: str, op: str | None, amount: float, note: str
) -> None:
    parsed = parse_inline(value, date(2026, 11, 20), 3, "n.md")
    assert parsed is not None
    checkin = parsed[1]
    assert (parsed[0], checkin.op, checkin.amount, checkin.note) == (target, op, amount, note)


def test_a_link_in_code_starts_no_check_in() -> None:
    assert parse_inline("`[[b]] +5` ok", date(2026, 11, 20), 3, "n.md") is None
    assert inline_link("`[[b]]` [[a|`x`]] +1") == "[[a|`x`]]"


#: Each daily note, read by the line scanner and by markdown-it (after TO_MARKDOWN_IT),
#: and what it counts: (line, op, amount, note, goal) in the index.
CASES = [
    (
        "progress:: [[a]] +1 ran `make test` and read [guide](guide.md)\n",
        [(1, "+", 1.0, "ran `make test` and read [guide](guide.md)", "a")],
    ),
    ("progress:: [[a]] `+5` ran\n", [(1, None, 0.0, "`+5` ran", "a")]),
    ("progress:: `[[b]]` [[a]] +1 ok\n", [(1, "+", 1.0, "ok", "a")]),
    ("progress:: `[[b]] +5` ok\n", []),
    ("## progress:: [[a]] +1 `x` ##\n", [(1, "+", 1.0, "`x`", "a")]),
]


def checkin_rows(root: Path, tmp_path: Path) -> list[tuple[Any, ...]]:
    Index.open(Vault.open(root), tmp_path / "index.sqlite").rebuild()
    with sqlite3.connect(tmp_path / "index.sqlite") as conn:
        return conn.execute(
            "SELECT line, op, amount, note, goal FROM checkins WHERE path = ? ORDER BY seq",
            (DAILY,),
        ).fetchall()


@pytest.mark.parametrize("first", ["", TO_MARKDOWN_IT])
@pytest.mark.parametrize(("text", "rows"), CASES)
def test_the_index_holds_a_fields_check_in_as_written(
    vault: Path, write: Write, tmp_path: Path, first: str, text: str, rows: list[tuple[Any, ...]]
) -> None:
    write(DAILY, first + text)
    shift = first.count("\n")
    assert checkin_rows(vault, tmp_path) == [(line + shift, *rest) for line, *rest in rows]


@pytest.mark.parametrize(
    "text",
    [
        "a `x\nprogress:: [[b]] +9` c\nprogress:: [[a]] +1 note\n",
        "a <span\ntitle='progress:: [[b]] +9'>\nprogress:: [[a]] +1 note\n",
        'a [t](x.md "u\nprogress:: [[b]] +9") c\nprogress:: [[a]] +1 note\n',
    ],
)
def test_the_index_credits_each_check_in_to_its_own_lines_goal(
    vault: Path, write: Write, tmp_path: Path, text: str
) -> None:
    """(a) Found in review: the field on line 3 took line 2's value (inside code) and
    credited goal b with +9."""
    write("goals/a.md", goal_text("Alpha"))
    write("goals/b.md", goal_text("Beta"))
    write(DAILY, text)
    assert checkin_rows(vault, tmp_path) == [(3, "+", 1.0, "note", "a")]


@pytest.mark.parametrize("first", ["", TO_MARKDOWN_IT])
def test_the_review_copies_a_fields_note_as_written(
    invoke: Invoke, write: Write, first: str
) -> None:
    """Found in a session: `progress:: [[a]] +1 ran `make test` and read
    [guide](https://x.org/p#s)` showed as `ran and read [guide]()`."""
    write("goals/a.md", goal_text("Alpha"))
    write("goals/b.md", goal_text("Beta"))
    write(
        DAILY,
        first + "progress:: [[a]] +1 ran `make test` and read [guide](https://x.org/p#s)\n"
        "progress:: [[b]] `+5` ran `[[a]] +9`\n",
    )
    review = invoke("review", "--stdout").stdout
    assert (
        "- 2026-11-20 · +1 · ran `make test` and read [guide](https://x.org/p#s) · "
        "in [[2026-11-20]]\n"
    ) in review
    told = "`progress:: [[b]]` has no value: `+5` is in code, which adds nothing"  # (H010)
    assert told in review
    assert "+5" not in review.replace("`+5` ran", "").replace(told, "")
    assert "+9" not in review.replace("`[[a]] +9`", "")
    assert "`+5` ran `[[a]] +9`" in review


def test_the_review_credits_no_goal_from_another_line(invoke: Invoke, write: Write) -> None:
    """(a) and (c): a code span over a line break, a heading's closing "##"."""
    write("goals/a.md", goal_text("Alpha"))
    write("goals/b.md", goal_text("Beta"))
    write(
        DAILY,
        "a `x\nprogress:: [[b]] +9` c\nprogress:: [[a]] +1 note `k`\n\n"
        "## progress:: [[a]] +2 `y` ##\n",
    )
    review = invoke("review", "--stdout").stdout
    assert "- 2026-11-20 · +1 · note `k` · in [[2026-11-20]]\n" in review
    assert "- 2026-11-20 · +2 · `y` · in [[2026-11-20]]\n" in review
    assert "+9" not in review and "##" not in review.split("`y`")[1].split("\n")[0]


def test_a_links_alias_holding_a_backtick_is_the_links(
    vault: Path, write: Write, tmp_path: Path
) -> None:
    """The field's link and amount were read outside code spans found as if no link
    were there: the alias's backtick and the note's made a span over `+1`, and the field
    counted nothing; the link starts first, so it holds its backtick, as the body's
    reader has it."""
    write("goals/a.md", goal_text("Alpha"))
    write(DAILY, "progress:: [[a|a ` b]] +1 ran `make`\n")
    assert checkin_rows(vault, tmp_path) == [(1, "+", 1.0, "ran `make`", "a")]
