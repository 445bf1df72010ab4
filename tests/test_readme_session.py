"""README's "A first session", run as written in a fresh vault on a fixed day."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from journal.cli import cli
from tests.conftest import REPO

#: Steps that can't run here: outside a git repository, and until stopped.
SKIPPED = ("journal history", "journal watch")


def session() -> list[str]:
    """The commands of the README's first session, comments dropped, lines joined."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## A first session\n\n.*?```sh\n(.*?)```", readme, re.DOTALL)
    assert block, "README has no first session"
    text = block.group(1).replace("\\\n", " ")
    return [line.split("  #", 1)[0].strip() for line in text.splitlines() if line.strip()]


def test_every_step_of_the_first_session_leaves_the_vault_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`set current=1` then `log +1` left a lasting M007 (current 2, baseline plus log 1)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    runner = CliRunner()
    ran: list[str] = []
    vault: list[str] = []
    for line in session():
        words = [str(Path(w).expanduser()) if w[0] == "~" else w for w in shlex.split(line)]
        if words[0] == "cd":
            monkeypatch.chdir(words[1])
            continue
        if words[0] == "export":
            monkeypatch.setenv(*words[1].split("=", 1))
            continue
        if words[0] == "unset":  # the session's end: back to the real today
            assert words[1] == "JOURNAL_TODAY"
            break
        if line.startswith(SKIPPED):
            continue
        result = runner.invoke(cli, words[1:])
        assert result.exit_code == 0, (line, result.output)
        ran.append(words[1])
        vault = ["--vault", words[2]] if words[1] == "init" else vault
        check = runner.invoke(cli, [*vault, "check", "--json", "--select", "M007"])
        assert json.loads(check.stdout) == [], line
    assert ran[:2] == ["init", "new"] and {"set", "log", "review", "plan"} <= set(ran)
    final = runner.invoke(cli, [*vault, "check", "--json"])
    assert (final.exit_code, json.loads(final.stdout)) == (0, [])
