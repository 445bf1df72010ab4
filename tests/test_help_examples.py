"""Every ``Example:`` in ``journal COMMAND --help`` runs on a copy of example-vault, and
the examples of the docs and the help all run, one after the other, on one copy."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from journal.cli import cli
from tests.conftest import EXAMPLE_VAULT, REPO
from tests.gitutil import Git

#: Examples that can't run here: they write outside the vault or never end.
SKIPPED = {
    ("init",): "writes a new vault in the home folder",
    ("watch",): "runs until stopped",
}
#: Examples that work in a git repository only (as the help says).
IN_GIT = {("history",), ("merge-driver",)}


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
    parts = re.split(r"Example[^:\n]*:", text, maxsplit=1)
    lines = parts[1].strip().splitlines() if len(parts) > 1 else []
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
    if path in IN_GIT:
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


@pytest.mark.parametrize(("path", "line"), EXAMPLES, ids=[line for _path, line in EXAMPLES])
def test_an_example_that_needs_example_vault_says_so(
    path: tuple[str, ...], line: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: examples naming the example vault's goals failed with `no goal called`
    in a newcomer's own vault, and the help did not say where the names come from."""
    if path[:1] in SKIPPED:
        pytest.skip(SKIPPED[path[:1]])
    (tmp_path / "vault" / ".journal").mkdir(parents=True)
    if path in IN_GIT:
        Git(tmp_path / "vault", tmp_path / "home").init()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JOURNAL_VAULT", str(tmp_path / "vault"))
    result = CliRunner().invoke(cli, shlex.split(line)[1:])
    help_text = dict(commands(cli))[path]
    if result.exit_code != 0 and path != ("check",):
        assert "Example (names from example-vault/):" in help_text, result.stderr


@pytest.mark.parametrize("path", sorted(IN_GIT))
def test_an_example_that_needs_git_says_how_to_start_it(
    path: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `journal history connect-five-hr-leaders --since 2026-10-01`, headed
    "Example (names from example-vault/)", failed on a copy of example-vault, which has no
    git (`no history: ... is not in a git repository`); the help did not say so."""
    shutil.copytree(EXAMPLE_VAULT, tmp_path / "example-vault")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JOURNAL_VAULT", str(tmp_path / "example-vault"))
    runs = [CliRunner().invoke(cli, shlex.split(line)[1:]) for p, line in EXAMPLES if p == path]
    assert {result.exit_code for result in runs} == {1}
    assert "git init && git add -A && git commit -m start" in dict(commands(cli))[path]


def shell_specials(line: str) -> list[str]:
    """The characters of a command line that bash or zsh read as more than themselves,
    outside quotes: a pattern's ``*``, ``?`` and ``[`` (zsh stops at ``[[Dana`` with "bad
    pattern", at a pattern that matches no file with "no matches found"; bash puts the
    names of files that match in its place), ``#`` starting a word but a comment's (the
    rest of the line is a comment: ``#networking`` is lost) and ``!`` before a word
    (bash's history, in double quotes too)."""
    found: list[str] = []
    quote, escaped, start = "", False, True
    for at, ch in enumerate(line):
        after = line[at + 1 : at + 2]
        if escaped:
            escaped = False
        elif quote == "'":
            quote = "" if ch == "'" else quote
        elif ch == "\\":
            escaped = True
        elif ch == "!" and after not in ("", " ", "=", "(", '"'):
            found.append(ch)
        elif quote == '"':
            quote = "" if ch == '"' else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "*?[":
            found.append(ch)
        elif ch == "#" and start:
            if after not in ("", " "):
                found.append(ch)
            break  # a comment: the rest of the line is the reader's
        start = not quote and ch in " \t|;&("
    return found


def sh_blocks() -> list[tuple[str, str]]:
    """(file, line) of every line of the ``sh`` code blocks of the docs, the README and
    example-vault's README (``\\`` continues a line)."""
    found = []
    for path in [
        *sorted((REPO / "docs").glob("*.md")),
        REPO / "README.md",
        EXAMPLE_VAULT / "README.md",
    ]:
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"^```sh\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
            found += [(path.name, line) for line in block.replace("\\\n", "").splitlines()]
    return found


@pytest.mark.parametrize(
    ("line", "specials"),
    [
        ("journal log G +1 Coffee with [[Dana Ortiz]]", ["[", "["]),
        ('journal log G +1 "Coffee with [[Dana Ortiz]]"   # the log', []),
        ("journal search 'referral*' #networking", ["#"]),
        ("journal search referral* ?", ["*", "?"]),
        ('journal log G +1 "Done!" \\[x] it\\!', []),
        ('journal log G +1 "Done!now"', ["!"]),
        ("journal log G +1 it\\'s a#b \\#c", []),
    ],
)
def test_shell_specials_finds_what_a_shell_reads_as_more(line: str, specials: list[str]) -> None:
    assert shell_specials(line) == specials


def test_every_example_pastes_as_is_in_bash_and_zsh() -> None:
    """Reported: the help's `journal log ... Coffee with [[Dana Ortiz]]` failed in zsh
    (`bad pattern: [[Dana`), while docs/commands.md promises commands to paste in bash
    or zsh."""
    lines = [("--help", line) for _path, line in EXAMPLES] + sh_blocks()
    assert len(lines) > 100
    assert [(where, line) for where, line in lines if shell_specials(line)] == []


def documented_examples() -> dict[str, list[list[str]]]:
    """The argument lists of every example a newcomer may run on example-vault, in the
    order of where they are: docs/commands.md's, the help's (``journal --help``'s order),
    example-vault/README.md's."""
    commands_md = (REPO / "docs" / "commands.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```sh\n(.*?)^```", commands_md, re.MULTILINE | re.DOTALL)
    readme = (REPO / "example-vault" / "README.md").read_text(encoding="utf-8")
    lines = {
        "commands.md": [
            line for block in blocks for line in block.replace("\\\n", "").splitlines()
        ],
        "help": [line for path, line in EXAMPLES if path[:1] not in SKIPPED],
        "README": [line for line in readme.splitlines() if line.startswith("journal ")],
    }
    found: dict[str, list[list[str]]] = {}
    for where, texts in lines.items():
        args = [shlex.split(line, comments=True)[1:] for line in texts]
        found[where] = [a for a in args if a and not {"init", "watch"} & set(a)]
    return found


def notes(vault: Path) -> dict[str, bytes]:
    """The vault's files but git's and the index's, by path."""
    return {
        str(path.relative_to(vault)): path.read_bytes()
        for path in sorted(vault.rglob("*"))
        if path.is_file() and not {".git", ".journal"} & set(path.relative_to(vault).parts)
    }


#: The orders a newcomer may run the examples in: a page after the other, or every example
#: that makes a note first, so that a later name that finds one of them is ambiguous (an
#: error here) or, found exactly, makes the example write to a note an example made.
ORDERS = {
    "commands.md, help, README": ["commands.md", "help", "README"],
    "help, commands.md, README": ["help", "commands.md", "README"],
    "notes made first": [],
}


@pytest.mark.parametrize("order", ORDERS)
def test_the_documented_examples_run_one_after_the_other_on_one_copy(
    order: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newcomer runs the examples in turn on one copy: none may break a later one, nor
    change what it means.  Reported: the page and the help made the same notes (the second
    `new goal "Ask two HRBPs..."` failed: already exists), and `set ... current=4` made the
    later `log connect-five-hr-leaders =3 recounted --date 2026-11-20` count for nothing."""
    vault = tmp_path / "example-vault"
    shutil.copytree(EXAMPLE_VAULT, vault)
    Git(vault, tmp_path / "home").init().commit("the example vault", "2026-11-22")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JOURNAL_VAULT", str(vault))
    found = documented_examples()
    assert ["new", "meeting"] in [args[:2] for args in found["commands.md"]]
    every = [args for where in found for args in found[where]]
    examples = [args for where in ORDERS[order] for args in found[where]] or sorted(
        every, key=lambda args: args[:1] != ["new"]
    )
    made: set[str] = set()
    for args in examples:
        before = notes(vault)
        result = CliRunner().invoke(cli, args)
        assert result.exit_code in ((0, 1) if "check" in args else (0,)), (args, result.stderr)
        # A check-in that an =N logged later makes count for nothing.
        assert "(unchanged: " not in result.output, (args, result.output)
        after = notes(vault)
        changed = {path for path in before.keys() & after.keys() if before[path] != after[path]}
        assert not changed & made, f"{shlex.join(args)} wrote to {changed & made}"
        made |= after.keys() - before.keys()
