"""The environment every test runs in (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, TODAY, Invoke, Write, goal_text


def test_a_test_sees_no_journal_variable_but_its_today(invoke: Invoke, write: Write) -> None:
    assert {k: v for k, v in os.environ.items() if k.startswith("JOURNAL_")} == {
        "JOURNAL_TODAY": TODAY
    }
    write("goals/Connect.md", goal_text())
    assert "█" in invoke("list").stdout  # not plain


def test_the_developers_journal_variables_reach_no_test(tmp_path: Path) -> None:
    """Reviewed: the tests kept a ``JOURNAL_INDEX`` set in the developer's shell, and so
    wrote their real index; ``JOURNAL_PLAIN`` changed every view."""
    index = tmp_path / "my-real-index.sqlite"
    env = {
        **os.environ,
        "JOURNAL_INDEX": str(index),
        "JOURNAL_PLAIN": "1",
        "JOURNAL_VAULT": str(tmp_path),
        "JOURNAL_TODAY": "2030-01-01",
        "JOURNAL_ANOTHER": "one day read too",
    }
    inner = test_a_test_sees_no_journal_variable_but_its_today.__name__
    test = f"{Path(__file__).relative_to(REPO)}::{inner}"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", test],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not index.exists()
