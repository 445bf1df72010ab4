"""What the command line accepts: links with commas, titles, filters, ranges."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke, Write, goal_text


def test_set_keeps_a_comma_inside_a_link(invoke: Invoke, write: Write) -> None:
    path = write("goals/x.md", goal_text("Learn databases"))
    result = invoke("set", "learn-databases", "supports=[[Learn SQL, then Python]]")
    assert result.exit_code == 0, result.stderr
    assert path.read_text().count("[[") == 2  # the log's link and the new one
    assert '\nsupports:\n  - "[[Learn SQL, then Python]]"\n' in path.read_text()


def test_new_goal_keeps_a_comma_inside_a_link(invoke: Invoke, vault: Path) -> None:
    result = invoke("new", "goal", "Learn SQL", "--supports", "[[A|b, c]], [[D]]", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["properties"]["supports"] == ["[[A|b, c]]", "[[D]]"]


@pytest.mark.parametrize("value", ["[[Learn SQL", "Learn SQL]]", "[[A]] [[B]]"])
def test_a_malformed_link_is_a_usage_error(invoke: Invoke, write: Write, value: str) -> None:
    path = write("goals/x.md", goal_text("Learn databases"))
    before = path.read_bytes()
    result = invoke("set", "learn-databases", f"supports={value}")
    assert result.exit_code == 2
    assert "is not one well-formed link" in result.stderr
    assert path.read_bytes() == before
    made = invoke("new", "goal", "Other", "--supports", value)
    assert made.exit_code == 2 and "is not one well-formed link" in made.stderr


@pytest.mark.parametrize("title", ["", "   ", "\n"])
def test_every_new_command_refuses_a_blank_title(
    invoke: Invoke, write: Write, vault: Path, title: str
) -> None:
    write("people/Dana Ortiz.md", "---\ntype: contact\ntitle: Dana Ortiz\n---\n")
    before = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    goal = invoke("new", "goal", title)
    assert goal.exit_code == 2 and goal.stderr == "journal: a goal needs a title\n"
    contact = invoke("new", "contact", title)
    assert contact.exit_code == 2 and contact.stderr == "journal: a contact needs a name\n"
    meeting = invoke("new", "meeting", "--with", "Dana Ortiz", "--title", title)
    assert meeting.exit_code == 2
    assert meeting.stderr == (
        "journal: --title can't be empty; leave it out for the default title\n"
    )
    assert sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md")) == before
