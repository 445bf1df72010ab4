"""Slips a fast typist makes on the command line: an option typed with one hyphen or an
autocorrected dash (``-d``, ``-date``, ``—date``), an option left without its value.
Each is a usage error (exit 2) naming what was meant; nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

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
