"""README's "A first session" and docs/guide.md's walk-through, run as written in a fresh
vault on a fixed day."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from journal.cli import cli
from tests.conftest import REPO
from tests.gitutil import git_env

#: A step that can't run here: until stopped.
SKIPPED = ("journal watch",)


def session(path: str = "README.md", heading: str = "## A first session") -> list[str]:
    """The commands of the first ``sh`` block after ``heading`` in ``path``, comments
    dropped, lines joined."""
    text = (REPO / path).read_text(encoding="utf-8")
    block = re.search(rf"{heading}\n\n.*?```sh\n(.*?)```", text, re.DOTALL)
    assert block, f"{path} has no {heading}"
    lines = block.group(1).replace("\\\n", " ")
    return [line.split("  #", 1)[0].strip() for line in lines.splitlines() if line.strip()]


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
        if words[0] == "git":  # as a shell runs it, with a git identity of its own
            subprocess.run(line, shell=True, check=True, env=git_env(tmp_path))
            continue
        result = runner.invoke(cli, words[1:])
        assert result.exit_code == 0, (line, result.output)
        if words[1] == "history":  # committed on the real day, after the imitated one
            assert "clock set wrong" not in result.output
            assert "(dated after the day JOURNAL_TODAY sets (2026-11-22))" in result.output
        ran.append(words[1])
        vault = ["--vault", words[2]] if words[1] == "init" else vault
        check = runner.invoke(cli, [*vault, "check", "--json", "--select", "M007"])
        assert json.loads(check.stdout) == [], line
    assert ran[:2] == ["init", "new"] and {"set", "log", "review", "plan", "history"} <= set(ran)
    final = runner.invoke(cli, [*vault, "check", "--json"])
    assert (final.exit_code, json.loads(final.stdout)) == (0, [])


def test_every_step_of_the_guides_walk_through_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/guide.md promises that every command of its walk-through works as written:
    each exits 0 (`journal check` 1 while it has findings, as it says), and the vault
    ends checked clean, with the plan and the review written."""
    monkeypatch.setenv("HOME", str(tmp_path))
    runner = CliRunner()
    root = tmp_path / "career"
    steps = session("docs/guide.md", "## The walk-through")
    for line in steps:
        words = [str(Path(w).expanduser()) if w[0] == "~" else w for w in shlex.split(line)]
        if words[0] == "cd":
            monkeypatch.chdir(words[1])
        elif words[0] == "export":
            monkeypatch.setenv(*words[1].split("=", 1))
        elif words[0] == "unset":
            break
        else:
            result = runner.invoke(cli, words[1:])
            assert result.exit_code in ((0, 1) if words[1] == "check" else (0,)), (
                line,
                result.output,
            )
    assert [line for line in steps if line.startswith("journal check")][-1] == "journal check"
    final = runner.invoke(cli, ["--vault", str(root), "check"])
    assert final.exit_code == 0 and "All checks passed" in final.stdout
    assert (root / "plans/2026-11-23-90-day-plan.md").is_file()
    assert (root / "reviews/2026-W48.md").is_file()
