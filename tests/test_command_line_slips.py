"""Slips a fast typist makes on the command line: an option typed with one hyphen or an
autocorrected dash (``-d``, ``-date``, ``—date``), an option left without its value.
Each is a usage error (exit 2) naming what was meant; nothing is written."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from journal.core.formatting import shell_words
from tests.conftest import Invoke, Write, goal_text


@pytest.mark.parametrize(
    ("command", "args"),
    [
        ("done", ("survey", "--milestone")),
        ("list", ("--status",)),
        ("list", ("--due-before",)),
        ("review", ("--week",)),
        ("plan", ("--days",)),
        ("search", ("--limit",)),
        ("history", ("--since",)),
        ("check", ("--select",)),
        ("new goal", ("Hire", "--due")),
        ("log", ("survey", "+1", "--date")),
    ],
)
def test_an_option_without_its_value_gets_the_usage_lines(
    invoke: Invoke, command: str, args: tuple[str, ...]
) -> None:
    """Reported: only `log --date` printed the usage line and the --help pointer; the
    others printed `Error: Option ... requires an argument.` alone, unlike the docs."""
    result = invoke(*command.split(), *args)
    assert (result.exit_code, result.stdout) == (2, "")
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"Usage: cli {command} [OPTIONS]")
    assert lines[1:] == [
        f"Try 'cli {command} --help' for help.",
        "",
        f"Error: Option '{args[-1]}' requires an argument.",
    ]


def _pasted(invoke: Invoke, vault: Path, suggestion: str) -> object:
    """Run a command a message suggests, as pasted in a shell (its --vault is the test's)."""
    words = shlex.split(suggestion)
    assert words[:3] == ["journal", "--vault", str(vault)], suggestion
    return invoke(*words[3:])


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (("-d", "2026-11-20"), ("--date", "2026-11-20")),
        (("-date", "2026-11-20"), ("--date", "2026-11-20")),
        (("-date=2026-11-20",), ("--date=2026-11-20",)),
        (("\u2014date", "2026-11-20"), ("--date", "2026-11-20")),  # an em dash (macOS, Slack)
        (("\u2013date", "2026-11-20"), ("--date", "2026-11-20")),  # an en dash
        (("\u2014Date", "2026-11-20"), ("--date", "2026-11-20")),
        (("\u2014dat", "2026-11-20"), ("--date", "2026-11-20")),
        (("-dt", "2026-11-20"), ("--date", "2026-11-20")),  # a day after it: --date meant
        (("\u2014json",), ("--json",)),
        (("-json",), ("--json",)),
    ],
)
def test_log_refuses_an_option_typed_with_one_hyphen_or_a_dash(
    invoke: Invoke, write: Write, vault: Path, typed: tuple[str, ...], meant: tuple[str, ...]
) -> None:
    """Reported: `journal log connect +1 -d 2026-11-20` logged `+1 -d 2026-11-20` today,
    exit 0 (also `-date`, and `—date` as autocorrect and pasted text write `--date`)."""
    before = write("goals/hr.md", goal_text()).read_bytes()
    result = invoke("log", "Connect", "+1", "coffee", *typed)
    assert (result.exit_code, result.stdout) == (2, "")
    assert (vault / "goals/hr.md").read_bytes() == before
    fixed = shell_words(["log", "Connect", "+1", "coffee", *meant])
    noted = shell_words(["log", "Connect", "+1", "coffee", "--", *typed])
    assert result.stderr.endswith(
        f"Error: '{typed[0]}' is no option; write {meant[0].partition('=')[0]} (two hyphens): "
        f"journal --vault {vault} {fixed} (or, to have it in the note, put -- before it: "
        f"journal --vault {vault} {noted})\n"
    ), result.stderr
    told = result.stderr.splitlines()[-1]
    for suggestion in re.findall(r"journal --vault \S+ [^()]*[^ ()]", told):
        pasted = _pasted(invoke, vault, suggestion)
        assert pasted.exit_code == 0, (suggestion, pasted.stderr)
    text = (vault / "goals/hr.md").read_text()
    if meant[0].startswith("--date"):
        assert "- 2026-11-20: +1 coffee\n" in text
    assert f"- 2026-11-22: +1 coffee {' '.join(typed)}\n" in text  # the one after --


def test_log_says_how_to_write_a_note_word_like_a_short_option(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `journal log connect +1 -x foo` logged `+1 -x foo`; a note word that
    starts with a dash goes after `--`, and the options typed stay options."""
    before = write("goals/hr.md", goal_text()).read_bytes()
    result = invoke("log", "Connect", "+1", "-x", "foo", "--json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (vault / "goals/hr.md").read_bytes() == before
    suggestion = f"journal --vault {vault} log Connect +1 --json -- -x foo"
    assert result.stderr.endswith(
        "Error: No such option '-x': a word of the note that starts with a dash goes after --: "
        f"{suggestion}\n"
    )
    pasted = _pasted(invoke, vault, suggestion)
    assert json.loads(pasted.stdout)["note"] == "-x foo"
    both = invoke("log", "Connect", "+1", "-d", "2026-11-20", "--json", "--", "--more")
    assert both.stderr.splitlines()[-1] == (
        f"Error: '-d' is no option; write --date (two hyphens): journal --vault {vault} log "
        "Connect +1 --date 2026-11-20 --json -- --more (or, to have it in the note, put -- "
        f"before it: journal --vault {vault} log Connect +1 --json -- -d 2026-11-20 --more)"
    )
    fixed = _pasted(invoke, vault, re.findall(r"journal --vault .*?(?= \(or)", both.stderr)[0])
    assert json.loads(fixed.stdout)["date"] == "2026-11-20"


@pytest.mark.parametrize(
    "words", [("\u2014", "great"), ("\u2014great",), ("-ish",), ("x-d",), ("\u2014commit to it",)]
)
def test_a_dash_that_names_no_option_stays_a_note_word(
    invoke: Invoke, write: Write, vault: Path, words: tuple[str, ...]
) -> None:
    write("goals/hr.md", goal_text())
    result = invoke("log", "Connect", "+1", "chat", "2026-11-20", *words)
    assert result.exit_code == 0, result.stderr
    assert (
        (vault / "goals/hr.md")
        .read_text()
        .endswith(f"- 2026-11-22: +1 chat 2026-11-20 {' '.join(words)}\n")
    )


@pytest.mark.parametrize(
    ("args", "meant"),
    [
        (("new", "goal", "Hire two recruiters", "\u2014due", "2026-12-31"), "--due"),
        (("new", "goal", "Hire two recruiters", "\u2013target", "5"), "--target"),
        (("new", "contact", "Ann Lee", "\u2014org", "Acme"), "--org"),
        (("new", "meeting", "--with", "Dana Ortiz", "\u2014kind", "coffee"), "--kind"),
        (("done", "Connect", "\u2014date", "2026-11-20"), "--date"),
        (("done", "Connect", "-date", "2026-11-20"), "--date"),
        (("set", "Connect", "due=2027-01-31", "\u2014json"), "--json"),
        (("search", "hr", "\u2014limit", "3"), "--limit"),
        (("search", "hr", "-l", "3"), "--limit"),
        (("list", "\u2014status", "active"), "--status"),
        (("list", "\u2014stat", "active"), "--status"),
    ],
)
def test_every_command_refuses_an_option_typed_with_a_dash(
    invoke: Invoke, write: Write, vault: Path, args: tuple[str, ...], meant: str
) -> None:
    """Reported: `journal new goal "Hire" —due 2026-12-31` (an em dash, as autocorrect
    writes `--`) said to quote the title with `—due 2026-12-31` in it; `set G due=X —json`
    to quote the value with `—json` in it."""
    write("goals/hr.md", goal_text())
    write("people/Dana Ortiz.md", "---\ntype: contact\n---\n")
    files = sorted(vault.rglob("*.md"))
    result = invoke(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert sorted(vault.rglob("*.md")) == files  # nothing written
    at = next(i for i, word in enumerate(args) if word[:1] in "-\u2013\u2014" and word[1:2] != "-")
    suggestion = f"journal --vault {vault} " + shell_words([*args[:at], meant, *args[at + 1 :]])
    assert result.stderr.splitlines()[-1] == (
        f"Error: '{args[at]}' is no option; write {meant} (two hyphens): {suggestion}"
    )
    pasted = _pasted(invoke, vault, suggestion)
    assert pasted.exit_code == 0, pasted.stderr


def test_a_choice_is_read_in_any_case(invoke: Invoke, write: Write) -> None:
    """Found in a tryout: `list --type NOTE` was refused while `--status Active` was
    read; every option with a fixed set of values takes them in any case."""
    write("goals/a.md", goal_text("Alpha"))
    write("notes/b.md", "# Bravo\n")
    upper = invoke("list", "--type", "NOTE", "--json")
    assert upper.exit_code == 0, upper.stderr
    assert upper.stdout == invoke("list", "--type", "note", "--json").stdout
    assert [n["path"] for n in json.loads(upper.stdout)] == ["notes/b.md"]


@pytest.mark.parametrize(
    ("path", "why"),
    [
        ("goals/.draft.md", "its name starts with a dot: journal reads no hidden note"),
        (
            ".archive/old.md",
            "the name of its folder .archive starts with a dot: journal reads no hidden note",
        ),
        ("node_modules/x/a.md", "it is in node_modules, a tool's folder journal never reads"),
        ("goals/a.txt", "journal reads only notes named *.md"),
    ],
)
def test_a_file_journal_does_not_read_is_named_as_such(
    invoke: Invoke, write: Write, path: str, why: str
) -> None:
    """Found in a tryout: `journal show goals/.dotfile.md`, a goal's file that exists, was
    told `no goal called ...` alone, as if the file were not there."""
    write(path, goal_text("Hidden"))
    result = invoke("show", path)
    assert result.exit_code == 1
    assert result.stderr.endswith(f"journal: no goal called '{path}': {why}\n")
    assert invoke("show", "no/such.md").stderr.endswith("journal: no goal called 'no/such.md'\n")
