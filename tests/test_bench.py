"""The scripts of bench/ still run against the code (one was found calling a function
with an argument it had lost): each once, on a small vault, as a new process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_VAULT, REPO


def _run(tmp_path: Path, *args: str) -> str:
    env = {**os.environ, "JOURNAL_INDEX": str(tmp_path / "index.sqlite")}
    done = subprocess.run(
        [sys.executable, *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_check_benchmark_runs(tmp_path: Path) -> None:
    vault = tmp_path / "example-vault"
    shutil.copytree(EXAMPLE_VAULT, vault)
    out = _run(tmp_path, str(REPO / "bench/check.py"), str(vault), "--repeat", "1")
    assert "journal check, in this process:" in out and "slowest rules:" in out


def test_the_generator_and_the_networking_benchmark_run(tmp_path: Path) -> None:
    _run(tmp_path, str(REPO / "bench/generate.py"), "40", str(tmp_path / "v"))
    assert len(list((tmp_path / "v").rglob("*.md"))) == 40
    out = _run(tmp_path, str(REPO / "bench/networking.py"), "10", "30", "4")
    assert out.startswith("10 contacts, 30 meetings, 4 goals\n") and "status board" in out


def test_the_build_cpu_benchmark_runs(tmp_path: Path) -> None:
    """(Found in review: its parse-only run called a reading method without the argument
    that had become its fourth.)"""
    _run(tmp_path, str(REPO / "bench/generate.py"), "40", str(tmp_path / "v"))
    out = _run(tmp_path, str(REPO / "bench/build_cpu.py"), str(tmp_path / "v"), "--repeat", "1")
    assert [line.split("wall")[0].split() for line in out.splitlines()] == [
        ["build", "one", "process"],
        ["build", "workers"],
        ["parse", "only", "one", "process"],
        ["parse", "only", "workers"],
    ]


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="needs valgrind")
def test_the_instruction_counts_of_commands_come_out(tmp_path: Path) -> None:
    vault = tmp_path / "example-vault"
    shutil.copytree(EXAMPLE_VAULT, vault)
    out = _run(tmp_path, str(REPO / "bench/instructions.py"), str(vault), "--commands")
    names = [line.split("  ")[0] for line in out.splitlines()]
    assert names == [
        "python -c pass", "journal --help", "journal list --json", "journal review --stdout"
    ]  # fmt: skip
    counts = [float(line.split()[-3]) for line in out.splitlines()]
    assert counts[0] < counts[1] < counts[2] < counts[3]  # each does more than the one before


def test_the_one_goal_repository_logs_a_day_a_commit(tmp_path: Path) -> None:
    """The repository of bench/history.py --one-goal: one goal, a log line a commit."""
    _run(tmp_path, str(REPO / "bench/make_repo.py"), "--one-goal", "--commits", "4", "--out", "r")
    log = subprocess.run(
        ["git", "-C", str(tmp_path / "r"), "log", "--format=%ad", "--date=short"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert log == ["2024-01-04", "2024-01-03", "2024-01-02", "2024-01-01"]
    text = (tmp_path / "r/vault/goals/goal 000.md").read_text()
    assert "current: 3\n" in text and text.endswith(
        "- 2024-01-03: +1 step 2\n- 2024-01-04: +1 step 3\n"
    )
