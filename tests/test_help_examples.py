"""Every ``Example:`` in ``journal COMMAND --help`` runs on a copy of example-vault."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from journal.cli import cli
from tests.conftest import EXAMPLE_VAULT
from tests.gitutil import Git

#: Examples that can't run here: they write outside the vault or never end.
SKIPPED = {
    ("init",): "writes a new vault in the home folder",
    ("watch",): "runs until stopped",
}


def commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    """(command path, help text) of every command, groups included."""
    found = [(path, group.help or "")]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += commands(command, (*path, name))
        else:
            found.append(((*path, name), command.help or ""))
    return found


def examples(text: str) -> list[str]:
    """The command lines of a help text's ``Example:`` block (``\\`` continues a line)."""
    lines = text.split("Example:", 1)[1].strip().splitlines() if "Example:" in text else []
    joined = " ".join(line.strip() for line in lines).replace("\\ ", "")
    return ["journal " + part.strip() for part in joined.split("journal ") if part.strip()]


EXAMPLES = [(path, line) for path, text in commands(cli) for line in examples(text)]


def test_every_command_has_an_example() -> None:
    paths = {path for path, _line in EXAMPLES}
    assert paths == {path for path, _text in commands(cli)}


@pytest.mark.parametrize(("path", "line"), EXAMPLES, ids=[line for _path, line in EXAMPLES])
def test_the_help_example_runs_on_example_vault(
    path: tuple[str, ...], line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if path[:1] in SKIPPED:
        pytest.skip(SKIPPED[path[:1]])
    vault = tmp_path / "example-vault"
    shutil.copytree(EXAMPLE_VAULT, vault)
    if path == ("history",):
        git = Git(vault, tmp_path / "home").init()
        git.commit("the example vault", "2026-11-22")
    monkeypatch.chdir(tmp_path)  # `journal --vault example-vault ...`
    monkeypatch.setenv("JOURNAL_VAULT", str(vault))
    result = CliRunner().invoke(cli, shlex.split(line)[1:])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output and "internal error" not in result.stderr
    # Exit 1 is for findings (the vague goal's errors) and domain errors; only `check`
    # has findings to report, so anywhere else it is an example that does not work.
    assert result.exit_code in ((0, 1) if path == ("check",) else (0,)), result.stderr
