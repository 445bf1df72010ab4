"""The shipped templates are found from the installed package."""

from __future__ import annotations

from journal.adapters.templates import Renderer, shipped_folder
from journal.core.goal import WHY_PLACEHOLDER
from tests.conftest import REPO


def test_every_template_in_the_repo_is_in_the_package() -> None:
    shipped = {p.name for p in shipped_folder().iterdir() if p.suffix == ".j2"}
    in_repo = {p.name for p in (REPO / "templates").glob("*.j2")}
    assert in_repo and shipped == in_repo


def test_the_goal_template_renders_with_plain_data() -> None:
    text = Renderer(None).render("goal.md.j2", {"title": "T", "outcome": None, "why": None})
    assert text.startswith("# T\n") and "## Log" in text
    assert f"\n## Why it matters\n\n{WHY_PLACEHOLDER}\n" in text  # what `set why=` replaces
