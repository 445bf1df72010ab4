"""A name or value with spaces typed without quotes (a newcomer's most common slip):
the message says to quote it and gives the command to paste."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Invoke, Write, goal_text


def test_log_with_an_unquoted_goal_name(invoke: Invoke, write: Write) -> None:
    """Reported: the hint was to give +0 before the note."""
    write("goals/coffee.md", goal_text("coffee chats"))
    result = invoke("log", "coffee", "chats", "+1", "Coffee", "with", "Sam")
    assert result.exit_code == 2
    assert result.stderr == (
        "journal: 'chats' is no VALUE and +1 comes after it: a goal's name with spaces goes"
        ' in quotes: journal log "coffee chats" +1 Coffee with Sam\n'
    )
    assert "give +0 before it" in invoke("log", "coffee chats", "Went", "to", "a", "meetup").stderr


def test_set_with_an_unquoted_value_or_name(invoke: Invoke, write: Write) -> None:
    write("goals/hrbp.md", goal_text("Senior HRBP"))
    value = invoke("set", "Senior HRBP", "why=Next", "step", "in", "my", "career")
    assert value.exit_code == 2
    assert value.stderr == (
        "journal: 'step' is not KEY=VALUE: a value with spaces goes in quotes:"
        ' why="Next step in my career"\n'
    )
    name = invoke("set", "Senior", "HRBP", "role", "why=test")
    assert name.exit_code == 2
    assert name.stderr == (
        "journal: 'HRBP' is not KEY=VALUE: a goal's name with spaces goes in quotes:"
        ' journal set "Senior HRBP role" why=test\n'
    )


def test_extra_words_after_a_name_say_to_quote_it(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: click's `Got unexpected extra arguments (with Jordan)`."""
    done = invoke("done", "Coffee", "with", "Jordan", "--date", "2026-11-20")
    assert done.exit_code == 2
    assert done.stderr.endswith(
        "Error: Got unexpected extra arguments (with Jordan): a name with spaces goes in"
        ' quotes: journal done "Coffee with Jordan" --date 2026-11-20\n'
    )
    new = invoke("new", "goal", "Land", "an", "HRBP", "role", "by", "June")
    assert new.exit_code == 2
    assert new.stderr.endswith(
        'quotes: journal new goal "Land an HRBP role by June"\n'
    )
    assert not (vault / "goals").exists()
