"""Every command has help with an example and is documented with all its options."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from journal.cli import cli
from journal.core.fields import GOAL_FIELDS
from tests.conftest import REPO, Invoke

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


def test_the_little_words_in_the_docs_are_the_ones_in_the_code() -> None:
    """Commands that write and a plan's short names go by one list (docs/commands.md)."""
    from journal.core.catalog import LITTLE_WORDS

    listed = COMMANDS_MD.split("**Little words**:", 1)[1].split("\n\n", 1)[0]
    for word in LITTLE_WORDS:
        assert f"`{word}`" in listed, f"'{word}' missing from docs/commands.md's little words"


def test_every_goal_property_is_in_the_format_doc() -> None:
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    for name in GOAL_FIELDS:
        assert f"| `{name}` |" in text, f"{name} missing from docs/format.md"


def test_the_results_a_meeting_leads_to_are_the_format_docs() -> None:
    """The table of results a goal counting its meetings may name (docs/format.md) is
    the one the code reads, row by row."""
    from journal.core.words import MEETING_RESULTS

    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    for result, (nouns, stems) in MEETING_RESULTS.items():
        named = ", ".join(f"`{noun}`" for noun in nouns)
        stemmed = ", ".join(f"`{stem}`" for stem in stems)
        assert f"\n| {result} | {named} | {stemmed}" in text, f"{result} is not as documented"


_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
MARKDOWN_DOCS = sorted([*(REPO / "docs").glob("*.md"), REPO / "README.md"])


def fence_problem(text: str) -> str | None:
    """Where code fences don't pair up, else None.  As in CommonMark, a fence closes
    with the same character, at least as long, and nothing after it; a line inside
    a block that would open a fence of that kind (it has an info string, ```` ```sh ````)
    is a fence someone forgot to close, since a longer fence is how a block shows one."""
    opened: tuple[int, str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _FENCE.match(line)
        if match is None:
            continue
        fence, info = match[1], match[2].strip()
        if opened is None:
            if not (fence[0] == "`" and "`" in info):
                opened = (number, fence)
        elif fence[0] == opened[1][0] and len(fence) >= len(opened[1]):
            if info:
                return f"line {number} opens a fence inside the block opened on line {opened[0]}"
            opened = None
    return f"the fence on line {opened[0]} is never closed" if opened else None


def test_the_fence_checker_sees_fences_that_do_not_pair_up() -> None:
    forgotten = "```sh\njournal check\n\n## Next\n\n```sh\nx\n```\n"
    assert fence_problem(forgotten) == "line 6 opens a fence inside the block opened on line 1"
    assert fence_problem("text\n~~~\nx\n") == "the fence on line 2 is never closed"
    nested = "````md\n```sh\ninner\n```\n````\n~~~\n```\n~~~\n```text\nx\n````\n"
    assert fence_problem(nested) is None


@pytest.mark.parametrize("path", MARKDOWN_DOCS, ids=[p.name for p in MARKDOWN_DOCS])
def test_code_fences_pair_up(path: Path) -> None:
    problem = fence_problem(path.read_text(encoding="utf-8"))
    assert problem is None, f"{path.name}: {problem}"


def test_the_example_vault_readme_runs_its_commands_on_the_vaults_day() -> None:
    readme = (REPO / "example-vault" / "README.md").read_text(encoding="utf-8")
    assert "JOURNAL_TODAY=2026-11-22" in readme.split("```")[0]  # said before the commands
    for block in re.findall(r"^```sh\n(.*?)^```", readme, re.MULTILINE | re.DOTALL):
        if "journal " in block:
            assert block.startswith("export JOURNAL_TODAY=2026-11-22\n"), block


def test_readme_opens_with_the_two_commands_and_says_which_python() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", text, flags=re.S)
    assert blocks[0].startswith("python3 -m venv .venv && .venv/bin/pip install -q . ")
    assert blocks[1].startswith("python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev]'")
    after = text.split(blocks[1], 1)[1].split("\n## ", 1)[0]
    assert "Python 3.11 or newer" in after.split("`journal`", 1)[0]
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11"' in pyproject


def synopsis(path: str) -> str:
    """The first `journal ...` form of a command's section in docs/commands.md."""
    section = COMMANDS_MD.split(f"## `{path}`", 1)[1].split("\n## ", 1)[0]
    found = re.search(rf"`({re.escape(path)}(?: [^`]*)?)`", section.replace("\n", " "))
    return found[1] if found else path


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[p for p, _ in COMMANDS])
def test_a_synopsis_that_names_options_names_them_all(path: str, command: click.Command) -> None:
    """`journal watch [--quiet]` once hid --regenerate.  --json and --commit are in
    every table and may be left out of the first line."""
    if isinstance(command, click.Group):
        return
    shown = synopsis(path)
    named = set(re.findall(r"--[a-z-]+", shown))
    options = {o for p in command.params if isinstance(p, click.Option) for o in p.opts}
    assert named <= options, f"{path}: {shown} names options it does not have"
    if named and "[options]" not in shown:
        wanted = {p.opts[0] for p in command.params if isinstance(p, click.Option)}
        assert wanted - {"--json", "--commit"} <= named, f"{path}: {shown}"


def test_the_format_doc_names_this_versions_index_schema() -> None:
    from journal.adapters.index import SCHEMA_VERSION

    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    assert f"(this version's is {SCHEMA_VERSION})" in text


def test_what_set_writes_beyond_its_keys_is_in_its_help_and_the_readme(
    invoke: Invoke, vault: Path
) -> None:
    """Reported: set's help said "only the edited lines of the file change" and the README
    "changes only the lines it must", but `current=` also logs the value and `why=` and
    `outcome=` write the body's lines `new goal` made for them."""
    assert invoke("new", "goal", "Learn SQL", "--outcome", "Pass the exam").exit_code == 0
    path = vault / "goals/Learn SQL.md"
    before = path.read_text(encoding="utf-8").split("\n---\n", 1)[1].splitlines()
    changes = ["current=2", "why=Data matters", "outcome=Build a dashboard"]
    assert invoke("set", "Learn SQL", *changes).exit_code == 0
    after = path.read_text(encoding="utf-8").split("\n---\n", 1)[1].splitlines()
    body = ["**Outcome:** Build a dashboard", "Data matters", "- 2026-11-22: =2"]
    assert [line for line in after if line not in before] == body
    said = (cli.commands["set"].help or "").split("\n\n", 1)[0]
    assert "only" not in said and "logged" in said and "why/outcome" in said, said
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    bullet = readme.split("**Lossless edits.**", 1)[1].split("\n- ", 1)[0]
    assert "`## Log`" in bullet and "`why`" in bullet and "`outcome`" in bullet, bullet
