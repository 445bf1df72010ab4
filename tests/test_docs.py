"""Every command has help with an example and is documented with all its options."""

from __future__ import annotations

import re
from collections.abc import Iterator

import click
import pytest

from journal.cli import cli
from journal.core.fields import GOAL_FIELDS
from tests.conftest import REPO

COMMANDS_MD = (REPO / "docs" / "commands.md").read_text(encoding="utf-8")


def walk(group: click.Group, prefix: str = "journal") -> Iterator[tuple[str, click.Command]]:
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from walk(command, path)


COMMANDS = list(walk(cli))


def test_the_command_list_is_not_empty() -> None:
    assert {"journal list", "journal new goal", "journal set"} <= {p for p, _ in COMMANDS}


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_has_help_with_an_example(path: str, command: click.Command) -> None:
    assert command.help and len(command.help) > 40, f"{path} needs help text"
    assert "Example" in command.help, f"{path} --help needs an example"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_every_command_and_option_is_documented(path: str, command: click.Command) -> None:
    if isinstance(command, click.Group) and not command.params:
        assert re.search(rf"`{re.escape(path)}\b", COMMANDS_MD), f"{path} not in docs/commands.md"
        return
    assert f"## `{path}`" in COMMANDS_MD, f"{path} has no section in docs/commands.md"
    section = COMMANDS_MD.split(f"## `{path}`", 1)[1].split("\n## ", 1)[0]
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(f"`{opt}" in section for opt in param.opts), (
                f"{path}: option {param.opts[0]} is not documented"
            )


def test_every_goal_property_is_in_the_format_doc() -> None:
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    for name in GOAL_FIELDS:
        assert f"| `{name}` |" in text, f"{name} missing from docs/format.md"


def test_readme_opens_with_the_two_commands_and_says_which_python() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", text, flags=re.S)
    assert blocks[0].startswith("python3 -m venv .venv && .venv/bin/pip install -q . ")
    assert blocks[1].startswith("python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev]'")
    after = text.split(blocks[1], 1)[1].split("\n## ", 1)[0]
    assert "Python 3.11 or newer" in after.split("`journal`", 1)[0]
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11"' in pyproject
