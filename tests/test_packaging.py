"""The shipped templates are found from the installed package."""

from __future__ import annotations

from journal.adapters.templates import Renderer, shipped_folder
from journal.core import codec
from journal.core.goal import WHY_PLACEHOLDER, fill_outcome, fill_why
from tests.conftest import REPO


def test_every_template_in_the_repo_is_in_the_package() -> None:
    shipped = {p.name for p in shipped_folder().iterdir() if p.suffix == ".j2"}
    in_repo = {p.name for p in (REPO / "templates").glob("*.j2")}
    assert in_repo and shipped == in_repo


def test_the_goal_template_renders_with_plain_data() -> None:
    text = Renderer(None).render("goal.md.j2", {"title": "T", "outcome": None, "why": None})
    assert text.startswith("# T\n") and "## Log" in text
    assert f"\n## Why it matters\n\n{WHY_PLACEHOLDER}\n" in text  # what `set why=` replaces


def test_set_writes_in_the_body_the_goal_template_renders() -> None:
    """`set outcome=` and `why=` write only in a body as the shipped template makes it."""
    for outcome, why in ((None, None), ("Pass", "To grow")):
        context = {"title": "T", "outcome": outcome, "why": why}
        text = Renderer(None).render("goal.md.j2", context)
        doc = codec.parse_text(f"---\noutcome: {outcome or ''}\n---\n{text}")
        assert fill_why(doc, why, "Because") is not None
        assert fill_outcome(doc, outcome, "Win") is not None
