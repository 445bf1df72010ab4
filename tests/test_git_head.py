"""HEAD read from ``.git``'s files, and the history cache answering without pygit2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.adapters.git import Repository
from journal.adapters.gitfind import read_head
from journal.adapters.history_cache import cache_root
from journal.adapters.vault import Vault
from tests.conftest import Invoke, Write, goal_text
from tests.gitutil import Git


@pytest.fixture
def git(vault: Path, tmp_path: Path) -> Git:
    return Git(vault, tmp_path / "home").init()


def pygit2_says(vault: Path) -> tuple[str | None, str | None, bool]:
    repo = Repository.open(Vault.open(vault))
    return repo.branch, repo.head, repo.shallow


def head_says(folder: Path) -> tuple[str | None, str | None, bool]:
    head = read_head(folder)
    assert head is not None
    return head.branch, head.commit, bool(head.shallow)


def test_head_agrees_with_pygit2_on_loose_packed_and_detached_heads(
    git: Git, write: Write, vault: Path
) -> None:
    write("goals/A.md", goal_text("A", current=1))
    first = git.commit("one", "2026-11-01")
    write("goals/A.md", goal_text("A", current=2))
    second = git.commit("two", "2026-11-02")
    (vault / "notes").mkdir()
    assert head_says(vault / "notes") == pygit2_says(vault) == ("main", second, False)
    git("pack-refs", "--all", "--prune")
    assert not (vault / ".git/refs/heads/main").exists()
    assert head_says(vault) == pygit2_says(vault) == ("main", second, False)
    git("checkout", "-q", "--detach", first)
    assert head_says(vault) == pygit2_says(vault) == (None, first, False)


def test_a_worktree_has_its_own_head_and_the_shared_refs(
    git: Git, write: Write, tmp_path: Path
) -> None:
    write("goals/A.md", goal_text("A", current=1))
    first = git.commit("one", "2026-11-01")
    worktree = tmp_path / "other"
    git("worktree", "add", "-q", "-b", "side", str(worktree))
    assert (worktree / ".git").is_file()
    assert head_says(worktree) == pygit2_says(worktree) == ("side", first, False)
    write("goals/A.md", goal_text("A", current=2))
    second = git.commit("two", "2026-11-02")  # on main, in the main work tree
    assert head_says(git.root) == ("main", second, False)
    assert head_says(worktree) == ("side", first, False)
    git("pack-refs", "--all", "--prune")
    assert head_says(worktree) == pygit2_says(worktree) == ("side", first, False)


def test_a_shallow_clone_is_stamped_with_its_shallow_file(
    git: Git, write: Write, tmp_path: Path
) -> None:
    for day in ("2026-11-01", "2026-11-02", "2026-11-03"):
        write("goals/A.md", goal_text("A", current=int(day[-1])))
        last = git.commit(day, day)
    clone = tmp_path / "clone"
    git("clone", "-q", "--depth", "1", f"file://{git.root}", str(clone))
    head = read_head(clone)
    assert head is not None and head.commit == last and head.shallow.strip() == last
    assert pygit2_says(clone) == ("main", last, True)


def test_unusual_repositories_are_left_to_pygit2(git: Git, write: Write, tmp_path: Path) -> None:
    assert read_head(git.root) is None  # no commit yet
    write("goals/A.md", goal_text("A"))
    git.commit("one", "2026-11-01")
    assert read_head(tmp_path / "nowhere") is None
    (git.root / ".git/info").mkdir(exist_ok=True)
    (git.root / ".git/info/grafts").write_text(git("rev-parse", "HEAD"))  # cuts the walk
    assert read_head(git.root) is None
    (git.root / ".git/info/grafts").unlink()
    assert read_head(git.root) is not None
    git("config", "core.worktree", str(git.root))
    assert read_head(git.root) is None


def cache_files() -> list[Path]:
    return sorted(cache_root().glob("*.json"))


def test_the_cache_answers_while_head_stays_and_not_once_it_moves(
    git: Git, write: Write, invoke: Invoke
) -> None:
    write("goals/A.md", goal_text("A", current=1))
    git.commit("one", "2026-11-01")
    write("goals/A.md", goal_text("A", current=2))
    second = git.commit("two", "2026-11-02")
    walked = invoke("history", "--json").stdout
    (cache,) = cache_files()
    data = json.loads(cache.read_text())
    assert data["head"]["commit"] == second and len(data["order"]) == 2
    assert invoke("history", "--json").stdout == walked  # from the cache alone
    write("goals/A.md", goal_text("A", current=3))
    git.commit("three", "2026-11-03")
    after = json.loads(invoke("history", "--json").stdout)
    assert [e["message"] for e in after["entries"]] == ["three", "two", "one"]
    git("commit", "-q", "--amend", "-m", "three, amended")  # HEAD moves, same branch
    amended = json.loads(invoke("history", "--json").stdout)
    assert amended["entries"][0]["message"] == "three, amended"
    assert amended["repository"]["head"] == git("rev-parse", "HEAD").strip()


def test_a_review_after_the_first_loads_no_git_library(git: Git, write: Write, vault: Path) -> None:
    """The review reads history while HEAD has not moved since the cache's walk: no pygit2."""
    write("goals/A.md", goal_text("A", current=1))
    git.commit("one", "2026-11-20")
    code = (
        "import sys\nfrom journal.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pygit2' in sys.modules, file=sys.stderr)\n"
    )
    command = [sys.executable, "-c", code, "--vault", str(vault), "review", "--stdout"]
    env = {**os.environ, "JOURNAL_INDEX": str(vault.parent / "index.sqlite")}
    runs = [subprocess.run(command, env=env, capture_output=True, text=True) for _ in range(2)]
    assert [r.stderr.splitlines()[-1] for r in runs] == ["True", "False"]
    assert runs[0].stdout == runs[1].stdout and "this week in git" in runs[0].stdout.lower()
