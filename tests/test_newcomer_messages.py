"""Messages a newcomer met in a first week: a name or value with spaces typed without
quotes (the most common slip) is told to be quoted, with the command to paste; and a
few others that did not say what to do."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

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
        f' journal --vault {vault} set "Senior HRBP" why="Next step in my career"\n'
    )
    name = invoke("set", "Senior", "HRBP", "why=test")
    assert name.exit_code == 2
    assert name.stderr == (
        "journal: 'HRBP' is not KEY=VALUE: a goal's name with spaces goes in quotes:"
        f' journal --vault {vault} set "Senior HRBP" why=test\n'
    )


def _pasted(invoke: Invoke, vault: Path, told: str) -> Result:
    """Run the command ``told`` (a message) ends with, as pasted in a shell."""
    words = shlex.split(told.rstrip("\n").rpartition(": journal ")[2])
    assert words[:2] == ["--vault", str(vault)], told
    return invoke(*words[2:])


@pytest.mark.parametrize(
    ("typed", "told", "fixed", "written"),
    [
        (  # reported: it suggested `journal set "hold target" "=" 5`, which fails alike
            ("hold", "target", "=", "5"),
            "'target' is not KEY=VALUE: no space around '='",
            'set "Hold a team offsite" target=5',
            "\ntarget: 5\n",
        ),
        (  # reported: `journal set "connect due" "=2027-01-31"`
            ("hold", "due", "=2027-01-31"),
            "'due' is not KEY=VALUE: no space around '='",
            'set "Hold a team offsite" due=2027-01-31',
            "\ndue: 2027-01-31\n",
        ),
        (  # reported: `due=" 2027-01-31"`, which pasted has "a space around it"
            ("hold", "due=", "2027-01-31"),
            "'2027-01-31' is not KEY=VALUE: no space around '='",
            'set "Hold a team offsite" due=2027-01-31',
            "\ndue: 2027-01-31\n",
        ),
        (
            ("hold", "status=paused", "why=", "Budget", "freeze"),
            "'Budget' is not KEY=VALUE: no space around '='; a value with spaces goes in quotes",
            'set "Hold a team offsite" status=paused why="Budget freeze"',
            "\nwhy: Budget freeze\n",
        ),
        (
            ("hold", "a", "team", "why", "=", "Team", "asked"),
            "'a' is not KEY=VALUE: a goal's name with spaces goes in quotes; no space around"
            " '='; a value with spaces goes in quotes",
            'set "Hold a team offsite" why="Team asked"',
            "\nwhy: Team asked\n",
        ),
        (  # Obsidian's legacy name of a list property is a property too
            ("hold", "tag", "=", "hr"),
            "'tag' is not KEY=VALUE: no space around '='",
            'set "Hold a team offsite" tag=hr',
            "\ntags:\n  - hr\n",
        ),
    ],
)
def test_set_suggests_the_command_that_works(
    invoke: Invoke,
    write: Write,
    vault: Path,
    typed: tuple[str, ...],
    told: str,
    fixed: str,
    written: str,
) -> None:
    """A tryout: `journal set hold target = 5` and `set connect due= 2027-01-31` were told
    commands that failed pasted.  The command told names the goal by its title, as every
    suggestion does, with each `=` closed up and each name or value quoted."""
    path = write("goals/hold.md", goal_text("Hold a team offsite"))
    before = path.read_bytes()
    result = invoke("set", *typed)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"journal: {told}: journal --vault {vault} {fixed}\n"
    assert path.read_bytes() == before
    pasted = _pasted(invoke, vault, result.stderr)
    assert pasted.exit_code == 0, pasted.stderr
    assert written in path.read_text()


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        (
            ("Senior", "HRBP", "role", "why=test"),
            "; no goal called 'Senior HRBP role' (did you mean: Senior HRBP?)",
        ),
        (("hold", "tgt", "=", "5"), "; unknown property 'tgt'"),
        (("hold", "current"), ""),
    ],
)
def test_set_says_the_form_it_expects_when_no_command_would_work(
    invoke: Invoke, write: Write, vault: Path, typed: tuple[str, ...], why: str
) -> None:
    """Words that name no goal or no property: no command would work pasted."""
    write("goals/hold.md", goal_text("Hold a team offsite"))
    write("goals/hrbp.md", goal_text("Senior HRBP"))
    result = invoke("set", *typed)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"journal: '{typed[1]}' is not KEY=VALUE: give journal --vault {vault} set GOAL"
        " KEY=VALUE..., each"
        " KEY=VALUE one word with no space around '=', a goal's name or a value with spaces"
        f" in quotes{why}\n"
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
