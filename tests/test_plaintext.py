"""A note's markdown as search snippets show it: plain text, with no ``**`` of its own."""

from __future__ import annotations

import pytest

from journal.core.plaintext import plain_text


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("1. **Career growth is low** (52%)", "1. Career growth is low (52%)"),
        (
            "Some **bold text**, *it*, _word_, __two__, ~~gone~~, ==lit==",
            "Some bold text, it, word, two, gone, lit",
        ),
        ("snake_case_name, 5 * 3, a*b*c, * item", "snake_case_name, 5 * 3, a*b*c, * item"),
        ("## Energy Event ##", "Energy Event"),
        ("#tag and #1 are no headings", "#tag and #1 are no headings"),
        ("Met [[people/Dana Ortiz|Dana]] and [[Elena Varga]]", "Met Dana and Elena Varga"),
        (
            "See [[Goal 226#Article]], [[#Plan]], ![[chart.png]]",
            "See Goal 226 > Article, Plan, chart.png",
        ),
        (
            "[[Quarter Plan.md]] and [the site](https://x.org/a_(b)) <https://x.org>",
            "Quarter Plan and the site https://x.org",
        ),
        ("a <!-- hidden\nover lines --> b %% also\nhidden %% c", "a  b \n c"),
        ("before\n```python\nx = 2 ** 8\n```\nafter", "before\nx = 2  8\nafter"),
        ("text\n---\n***\nSetext\n===", "text\nSetext\n"),
    ],
)
def test_markdown_is_shown_as_plain_text(markdown: str, shown: str) -> None:
    assert plain_text(markdown) == shown


def test_the_heading_that_is_the_title_is_left_out_and_others_kept() -> None:
    text = "# Topic 6 **referral** plan\n\n## Notes\n# Other\n"
    assert plain_text(text, "topic 6 referral plan") == "\n\nNotes\nOther\n"
    assert plain_text(text, "Another title").startswith("Topic 6 referral plan\n")
