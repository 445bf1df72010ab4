"""Texts made safe for one markdown line, and progress shown as a bar."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from journal.core.formatting import bar, one_line, percent


@given(
    st.text(alphabet=st.sampled_from(list("ab |\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000")))
    | st.text()
)
@example(" a")
@example("a ")
@example("a  b")
@example("a\u00a0b")
@example("see <!-- journal:end wins -->")
def test_one_line_collapses_whitespace_and_escapes_bars_and_comments(text: str) -> None:
    assert one_line(text) == " ".join(text.split()).replace("|", "\\|").replace("<!--", "<\\!--")


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
    ],
)
def test_progress_shows_full_only_at_the_target(progress: float, shown: str) -> None:
    assert f"{bar(progress)} {percent(progress)}" == shown
