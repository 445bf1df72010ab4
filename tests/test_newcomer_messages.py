"""Messages a newcomer met in a first week: a name or value with spaces typed without
quotes (the most common slip) is told to be quoted, with the command to paste; and a
few others that did not say what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from journal.cli import cli
from tests.conftest import Invoke, Write, goal_text


def test_log_with_an_unquoted_goal_name(invoke: Invoke, write: Write, vault: Path) -> None:
    """Reported: the hint was to give +0 before the note."""
    write("goals/coffee.md", goal_text("coffee chats"))
    result = invoke("log", "coffee", "chats", "+1", "Coffee", "with", "Sam")
    assert result.exit_code == 2
    assert result.stderr == (
        "journal: 'chats' is no VALUE and +1 comes after it: a goal's name with spaces goes"
        f' in quotes: journal --vault {vault} log "coffee chats" +1 Coffee with Sam\n'
    )
    assert "give +0 before it" in invoke("log", "coffee chats", "Went", "to", "a", "meetup").stderr


def test_set_with_an_unquoted_value_or_name(invoke: Invoke, write: Write, vault: Path) -> None:
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
        f' journal --vault {vault} set "Senior HRBP role" why=test\n'
    )


def test_extra_words_after_a_name_say_to_quote_it(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: click's `Got unexpected extra arguments (with Jordan)`."""
    done = invoke("done", "Coffee", "with", "Jordan", "--date", "2026-11-20")
    assert done.exit_code == 2
    assert done.stderr.endswith(  # the --vault it was given kept, to paste anywhere
        "Error: Got unexpected extra arguments (with Jordan): a name with spaces goes in"
        f' quotes: journal --vault {vault} done "Coffee with Jordan" --date 2026-11-20\n'
    )
    new = invoke("new", "goal", "Land", "an", "HRBP", "role", "by", "June")
    assert new.exit_code == 2
    assert new.stderr.endswith(
        f'quotes: journal --vault {vault} new goal "Land an HRBP role by June"\n'
    )
    assert not (vault / "goals").exists()


def test_no_vault_here_says_how_to_make_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["list"])
    assert result.exit_code == 1
    assert "or make one with journal init" in result.stderr


def test_a_milestone_number_out_of_range_says_how_many(invoke: Invoke, write: Write) -> None:
    """Reported: `no milestone called '2' (milestones: First report: headcount)`."""
    write(
        "goals/a.md",
        goal_text("Learn HR analytics", milestones=[{"title": "First report: headcount"}]),
    )
    result = invoke("done", "Learn HR analytics", "--milestone", "2")
    assert result.exit_code == 1
    assert result.stderr == (
        "goals/a.md: no milestone 2: the goal has 1 (1. First report: headcount)\n"
    )
    assert (
        "no milestone called 'Party'"
        in invoke("done", "Learn HR analytics", "--milestone", "Party").stderr
    )


def test_a_number_with_its_unit_word_says_to_part_them(invoke: Invoke, write: Write) -> None:
    """Reported: `target: 1 mentor` was told `write the value in the form docs/format.md
    gives`."""
    write(
        "goals/a.md",
        goal_text("Find a mentor", target="1 mentor").replace("unit: conversations\n", ""),
    )
    write("goals/b.md", goal_text("Meet leaders", target="5 leaders"))  # has a unit
    fixes = [
        f["suggestion"] for f in json.loads(invoke("check", "--json", "--select", "H005").stdout)
    ]
    assert fixes == [
        "write the number alone, `target: 1`, and the word as the unit: `unit: mentor`",
        "write the number alone, `target: 5` (the unit, `unit: conversations`, names what"
        " it counts)",
    ]


def test_the_command_to_paste_quotes_every_word_a_shell_would_change(
    write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in review: only words with spaces were quoted (`Dana's`, `[[Dana]]` broke
    the paste; zsh: "no matches found"), and the `--vault` the command was given was
    left out, so the pasted command ran elsewhere."""
    monkeypatch.delenv("JOURNAL_VAULT", raising=False)
    write("goals/dana.md", goal_text("Dana's goal"))
    log = CliRunner().invoke(
        cli, ["--vault", str(vault), "log", "Dana's", "goal", "+1", "met", "[[Dana]]"]
    )
    assert log.exit_code == 2
    assert log.stderr.endswith(
        f'quotes: journal --vault {vault} log "Dana\'s goal" +1 met "[[Dana]]"\n'
    )
    done = CliRunner().invoke(cli, ["--vault", str(vault), "done", "Coffee", "with", "[[Jo]]"])
    assert done.exit_code == 2
    assert done.stderr.endswith(f'quotes: journal --vault {vault} done "Coffee with [[Jo]]"\n')
