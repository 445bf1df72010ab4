"""Git history that can't be read (another user's repository, a partial clone, a missing
object): one error, `git history unavailable: ...`, for `journal history` and
`--commit`; the commands that only add history to what they show go on without it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Invoke
from tests.gitutil import Git
from tests.test_history import git, story  # noqa: F401 (fixtures)

ADDED_WITHOUT_HISTORY = "; going on without it\n"


def without_history(invoke: Invoke, root: Path, reason: str) -> None:
    """review, plan and log GOAL still work, each with one notice naming ``reason``."""
    for args in (("review", "--stdout"), ("plan", "--stdout"), ("log", "connect")):
        result = invoke(*args, root=root)
        assert result.exit_code == 0, (args, result.output)
        assert result.stderr.startswith("journal: git history unavailable: "), args
        assert reason in result.stderr, args
        assert result.stderr.endswith(ADDED_WITHOUT_HISTORY), args
        assert result.stderr.count("\n") == 1, args
        assert "This week in git" not in result.stdout
    history = invoke("history", "connect", root=root)
    assert history.exit_code == 1
    assert history.stderr.startswith("journal: git history unavailable: ")
    assert reason in history.stderr
    assert invoke("history", root=root).exit_code == 1


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_a_repository_owned_by_another_user(story: Git, invoke: Invoke) -> None:  # noqa: F811
    for path in [story.root, *story.root.rglob("*")]:
        os.lchown(path, 4242, 4242)
    without_history(invoke, story.root, "belongs to another user")
    goal = story.root / "goals/Meet HR leaders.md"
    before = goal.read_bytes()
    result = invoke("set", "connect", "current=5", "--commit", root=story.root)
    assert result.exit_code == 1
    assert result.stderr.startswith("journal: can't commit: the git repository at ")
    assert "belongs to another user" in result.stderr
    assert result.stderr.rstrip().endswith("nothing written")
    assert goal.read_bytes() == before


def test_a_blobless_clone(story: Git, invoke: Invoke, tmp_path: Path) -> None:  # noqa: F811
    story("config", "uploadpack.allowFilter", "true")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", f"file://{story.root}", str(clone)],
        check=True,
        env=story.env,
    )
    without_history(invoke, clone, "is not in this partial clone (cloned with --filter)")


@pytest.mark.parametrize("lost", ["blob", "commit"])
def test_a_missing_object(story: Git, invoke: Invoke, lost: str) -> None:  # noqa: F811
    first = story("rev-list", "--max-parents=0", "HEAD").strip()
    name = story("rev-parse", f"{first}:goals/Connect.md" if lost == "blob" else "HEAD~3")
    name = name.strip()
    (story.root / ".git" / "objects" / name[:2] / name[2:]).unlink()
    without_history(invoke, story.root, f"object {name[:12]} is missing from the repository")


def status_and_check_without_history(invoke: Invoke, root: Path, reason: str) -> None:
    """Both read git for an active goal's last check-in (a commit that changed its value
    counts): unreadable history is one notice, and the command still answers."""
    path = root / "goals/Meet HR leaders.md"
    path.write_text(path.read_text().replace("status: done", "status: active"))
    for args in (("status", "--json"), ("check", "--select", "T006")):
        result = invoke(*args, root=root)
        assert result.exit_code == 0, (args, result.output)
        assert result.stderr == (
            f"journal: git history unavailable: {reason}{ADDED_WITHOUT_HISTORY}"
        ), args
    board = json.loads(invoke("status", "--json", root=root).stdout)
    assert [g["title"] for g in board["goals"]] == ["Connect with five HR leaders"]


def test_status_and_check_go_on_without_history(story: Git, invoke: Invoke) -> None:  # noqa: F811
    name = story("rev-parse", "HEAD~3").strip()
    (story.root / ".git" / "objects" / name[:2] / name[2:]).unlink()
    reason = f"object {name[:12]} is missing from the repository (git fsck shows what is damaged)"
    status_and_check_without_history(invoke, story.root, reason)


NAMES_NONE = "names no repository (git wants one line: `gitdir: PATH`, the repository's folder)"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", NAMES_NONE),
        ("garbage\n", NAMES_NONE),
        (
            "gitdir: /nonexistent/.git/worktrees/brk\n",  # the main repository moved
            "points to /nonexistent/.git/worktrees/brk, which is not there (a moved or "
            "deleted repository?)",
        ),
    ],
)
def test_a_git_file_that_names_no_repository(
    story: Git,  # noqa: F811
    invoke: Invoke,
    text: str,
    problem: str,
) -> None:
    """Found in testing: an empty or malformed `.git` file was an internal error in every
    command that reads history, and one naming a folder that is gone was "not in a git
    repository (git init...)", advice that fails."""
    dot_git = story.root.resolve() / ".git"
    shutil.rmtree(dot_git)
    dot_git.write_text(text)
    reason = f"the `.git` file at {dot_git} {problem}"
    status_and_check_without_history(invoke, story.root, reason)
    without_history(invoke, story.root, reason)
    history = invoke("history", "connect", root=story.root)
    assert history.stderr == f"journal: git history unavailable: {reason}\n"
    goal = story.root / "goals/Meet HR leaders.md"
    before = goal.read_bytes()
    result = invoke("log", "connect", "1", "--commit", root=story.root)
    assert result.exit_code == 1
    assert result.stderr == f"journal: can't commit: {reason}; nothing written\n"
    assert goal.read_bytes() == before


def test_a_damaged_branch(story: Git, invoke: Invoke) -> None:  # noqa: F811
    """Found in testing: HEAD's branch unreadable was an internal error, not a notice."""
    (story.root / ".git/refs/heads/main").write_text("not a commit\n")
    reason = "git can't read the repository: corrupted loose reference file: refs/heads/main"
    status_and_check_without_history(invoke, story.root, reason)
    without_history(invoke, story.root, reason)


def test_a_repository_moved_while_it_is_read_is_not_called_damaged(
    story: Git,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Found in a tryout: a vault moved (with its repository) while a watcher read its
    history was said to have objects missing ("git fsck shows what is damaged")."""
    from journal.adapters.git import Repository
    from journal.adapters.gitfind import HistoryUnavailable
    from journal.adapters.vault import Vault

    repo = Repository.open(Vault.open(story.root))
    blob = story("rev-parse", "HEAD:goals/Meet HR leaders.md").strip()
    story.root.rename(tmp_path / "moved")
    with pytest.raises(HistoryUnavailable) as info:
        repo.read(blob)
    assert info.value.reason == (
        f"the repository at {story.root} was moved or deleted while it was read"
    )
