"""The repository git's environment names (``GIT_DIR``, ``GIT_WORK_TREE``), as in a bare
"dotfiles" repository and the hooks git runs, and ``GIT_INDEX_FILE``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygit2
import pytest
from pygit2.enums import ConfigLevel

from journal.adapters.git import Repository
from journal.adapters.gitfind import read_head
from journal.adapters.vault import Vault
from tests.conftest import Invoke, goal_text, permissions_checked
from tests.gitutil import AUTHOR, EMAIL, Git, journal_env

GOAL = "goals/Connect with five HR leaders.md"


def a_vault(folder: Path) -> Path:
    (folder / ".journal").mkdir(parents=True)
    (folder / ".journal" / "config.toml").write_text("")  # committed: a clone's vault too
    (folder / "goals").mkdir()
    (folder / GOAL).write_text(goal_text(current=2))
    return folder


@pytest.fixture
def dotfiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Git:
    """A bare repository ``dot`` tracking the folder ``home``, whose ``career`` is the
    vault, committed once; ``GIT_DIR`` and ``GIT_WORK_TREE`` set, relative to the current
    folder (``tmp_path``) as a shell may set them."""
    a_vault(tmp_path / "home" / "career")
    subprocess.run(["git", "init", "-q", "--bare", str(tmp_path / "dot")], check=True)
    git = Git(tmp_path / "home", tmp_path / "git-home")
    git.env.update(GIT_DIR=str(tmp_path / "dot"), GIT_WORK_TREE=str(tmp_path / "home"))
    git.commit("vault", "2026-11-01")
    monkeypatch.chdir(tmp_path)
    for kind in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{kind}_NAME", AUTHOR)
        monkeypatch.setenv(f"GIT_{kind}_EMAIL", EMAIL)
    monkeypatch.setenv("GIT_DIR", "dot")
    monkeypatch.setenv("GIT_WORK_TREE", "home")
    return git


def test_a_bare_repository_with_a_work_tree_holds_the_vault(
    dotfiles: Git, invoke: Invoke, tmp_path: Path
) -> None:
    """Reported: GIT_DIR and GIT_WORK_TREE were ignored: "no history: .../career is not
    in a git repository (git init and commit to start one)", and --commit refused."""
    vault = tmp_path / "home" / "career"
    shown = invoke("history", "connect-with-five-hr-leaders", root=vault)
    assert shown.exit_code == 0, shown.output
    assert "vault" in shown.stdout and "created" in shown.stdout
    done = invoke("set", "connect-with-five-hr-leaders", "current=3", "--commit", root=vault)
    assert done.exit_code == 0, done.output
    assert dotfiles("log", "--format=%s").splitlines()[0].startswith("journal: set current=3")
    assert dotfiles.files() == [f"career/{GOAL}"]
    assert dotfiles("status", "--porcelain") == ""
    head = read_head(vault)  # the history cache's quick look agrees with pygit2
    repo = Repository.open(Vault.open(vault))
    assert head is not None and (head.root, head.commit) == (repo.root, repo.head)
    assert repo.prefix == "career/"


def test_a_vault_outside_the_work_tree_git_dir_names_is_told_so(
    dotfiles: Git, invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No `git init` is suggested: it would make a repository inside the tracked one."""
    elsewhere = a_vault(tmp_path / "elsewhere")
    outside = invoke("history", root=elsewhere)
    assert outside.exit_code == 1
    assert outside.stderr == (
        f"journal: no history: {elsewhere} is not inside the work tree {tmp_path / 'home'} "
        f"of {tmp_path / 'dot'} (the repository GIT_DIR names)\n"
    )
    monkeypatch.delenv("GIT_WORK_TREE")
    bare = invoke("history", root=tmp_path / "home" / "career")
    assert bare.exit_code == 1
    assert bare.stderr == (
        f"journal: no history: {tmp_path / 'dot'} (the repository GIT_DIR names) is a bare "
        "repository: it has no work tree for the vault (set GIT_WORK_TREE to the folder it "
        "tracks)\n"
    )
    refused = invoke("set", "connect-with-five-hr-leaders", "current=3", "--commit", root=elsewhere)
    assert refused.exit_code == 1
    assert "can't commit: " in refused.stderr and "git init" not in refused.stderr


def test_git_dir_alone_takes_the_current_folder_as_the_work_tree(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git's rule for GIT_DIR without GIT_WORK_TREE nor core.worktree: a repository
    kept apart from the folder it tracks."""
    vault = a_vault(tmp_path / "tracked" / "career")
    store = Git(tmp_path / "store", tmp_path / "git-home").init()
    git = Git(tmp_path / "tracked", store.home)
    git.env.update(GIT_DIR=str(store.root / ".git"))
    git.commit("vault", "2026-11-01")
    (tmp_path / "other").mkdir()
    monkeypatch.setenv("GIT_DIR", str(store.root / ".git"))
    monkeypatch.chdir(tmp_path / "other")
    outside = invoke("history", root=vault)
    assert outside.exit_code == 1
    assert "is not inside the work tree" in outside.stderr and "git init" not in outside.stderr
    monkeypatch.chdir(tmp_path / "tracked")
    assert invoke("history", root=vault).exit_code == 0


HOOK = """#!/bin/sh
cd "$JOURNAL_FOLDER" && "$JOURNAL_PYTHON" -m journal $JOURNAL_ARGS > "$JOURNAL_OUT" 2>&1
echo "exit $?" >> "$JOURNAL_OUT"
"""


def run_hook(git: Git, folder: Path, args: str, out: Path, *git_args: str) -> str:
    """Run ``git_args`` (a ``git commit``) in ``git``'s work tree, whose repository's
    pre-commit hook runs ``journal ARGS`` in ``folder``; what journal printed."""
    hooks = Path(git("rev-parse", "--git-common-dir").strip())
    hook = (git.root / hooks if not hooks.is_absolute() else hooks) / "hooks" / "pre-commit"
    hook.parent.mkdir(exist_ok=True)
    hook.write_text(HOOK)
    hook.chmod(0o755)
    env = {
        **journal_env(git.home),
        "JOURNAL_FOLDER": str(folder),
        "JOURNAL_PYTHON": sys.executable,
        "JOURNAL_ARGS": args,
        "JOURNAL_OUT": str(out),
    }
    git(*git_args, env={k: v for k, v in env.items() if not k.startswith("GIT_")})
    return out.read_text()


@pytest.mark.parametrize("layout", ["repository", "worktree", "submodule", "dotfiles"])
def test_a_pre_commit_hook_finds_the_vaults_history(tmp_path: Path, layout: str) -> None:
    """git sets GIT_DIR (a worktree's, a submodule's, a bare repository's with
    GIT_WORK_TREE) and GIT_INDEX_FILE for the hook; it runs in a folder of the vault."""
    main = Git(tmp_path / "main", tmp_path / "git-home")
    a_vault(main.root / "notes")
    if layout == "dotfiles":  # no `.git` above the vault
        subprocess.run(["git", "init", "-q", "--bare", str(tmp_path / "dot")], check=True)
        main.env.update(GIT_DIR=str(tmp_path / "dot"), GIT_WORK_TREE=str(main.root))
    else:
        main.init()
    main.commit("vault", "2026-11-01")
    git = main
    if layout == "worktree":
        main("worktree", "add", "-q", "-b", "side", str(tmp_path / "linked"))
        git = Git(tmp_path / "linked", main.home)
    elif layout == "submodule":
        outer = Git(tmp_path / "outer", main.home).init()
        outer("-c", "protocol.file.allow=always", "submodule", "-q", "add", str(main.root), "sub")
        outer.commit("sub", "2026-11-02")
        git = Git(outer.root / "sub", main.home)
    (git.root / "notes" / "Ideas.md").write_text("# Ideas\n")
    git("add", "notes/Ideas.md")
    # git gives a bare repository's hook GIT_WORK_TREE=., so it must stay where it runs
    args = "--vault notes history" if layout == "dotfiles" else "history"
    folder = git.root if layout == "dotfiles" else git.root / "notes" / "goals"
    said = run_hook(git, folder, args, tmp_path / "hook.txt", "commit", "-q", "-m", "x")
    assert said.endswith("exit 0\n"), said
    assert "Connect with five HR leaders: created" in said
    assert git("log", "-1", "--format=%s").strip() == "x"  # the hook let git commit


def test_rebase_exec_in_a_vault_folder_finds_the_vaults_history(tmp_path: Path) -> None:
    """`git rebase --exec` sets GIT_DIR to a worktree's repository, and the command may
    run in a folder below the work tree, which git would take as the work tree."""
    main = Git(tmp_path / "main", tmp_path / "git-home").init()
    a_vault(main.root / "notes")
    main.commit("vault", "2026-11-01")
    main("worktree", "add", "-q", "-b", "side", str(tmp_path / "linked"))
    linked = Git(tmp_path / "linked", main.home)
    (linked.root / "notes" / "Ideas.md").write_text("# Ideas\n")
    linked.commit("ideas", "2026-11-02")
    out = tmp_path / "exec.txt"
    command = f'cd notes && "{sys.executable}" -m journal history > "{out}" 2>&1'
    env = {k: v for k, v in journal_env(main.home).items() if not k.startswith("GIT_")}
    linked("rebase", "-q", "--exec", command, "HEAD~1", env=env)
    assert "Connect with five HR leaders: created" in out.read_text()


def test_commit_in_a_pre_commit_hook_is_refused_and_git_commits(tmp_path: Path) -> None:
    """Reported as refused on git's index lock: so it was with `git commit -a`; a plain
    `git commit` holds no lock while its hook runs, and journal's commit made git's fail
    ("cannot lock ref 'HEAD'")."""
    git = Git(tmp_path / "main", tmp_path / "git-home").init()
    vault = a_vault(git.root / "notes")
    git.commit("vault", "2026-11-01")
    (vault / "Ideas.md").write_text("# Ideas\n")
    git("add", "notes/Ideas.md")
    args = "set connect-with-five-hr-leaders current=3 --commit"
    said = run_hook(git, vault, args, tmp_path / "hook.txt", "commit", "-q", "-m", "ideas")
    assert "GIT_INDEX_FILE is set, as git sets it while `git commit` runs its hooks" in said
    assert said.endswith("; nothing written\nexit 1\n")
    assert git("log", "--format=%s").splitlines() == ["ideas", "vault"]
    assert (vault / GOAL).read_text() == goal_text(current=2)
    (vault / "Ideas.md").write_text("# Ideas\n\nmore\n")
    said = run_hook(git, vault, args, tmp_path / "hook.txt", "commit", "-q", "-a", "-m", "more")
    assert "git's index is locked" in said  # `git commit -a` holds it
    assert git("log", "-1", "--format=%s").strip() == "more"


def test_a_user_config_git_cannot_read_is_left_out_as_git_leaves_it(
    tmp_path: Path, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported from a cron job run as a service user whose HOME it can't read: git
    warned and went on, journal said "can't open the git repository ... failed to stat
    '/root/.gitconfig'" (`review --commit` failed, the review lost its git section).
    libgit2 stops at a user config it can't stat: journal then reads none, as git does."""
    vault = a_vault(tmp_path / "career")
    git = Git(vault, tmp_path / "git-home").init()
    git.commit("vault", "2026-11-01")
    closed = tmp_path / "closed-home"
    closed.mkdir(mode=0o000)
    pygit2.settings.search_path[ConfigLevel.GLOBAL] = str(closed)  # conftest sets it back
    for kind in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{kind}_NAME", AUTHOR)
        monkeypatch.setenv(f"GIT_{kind}_EMAIL", EMAIL)
    with permissions_checked():
        opened = Repository.open(Vault.open(vault))
        shown = invoke("history", "connect-with-five-hr-leaders", root=vault)
        done = invoke("set", "connect-with-five-hr-leaders", "current=3", "--commit", root=vault)
    closed.chmod(0o700)
    assert opened.root == vault.resolve()
    assert shown.exit_code == 0, shown.output
    assert "vault" in shown.stdout
    assert done.exit_code == 0, done.output
    assert git("log", "--format=%s").splitlines()[0].startswith("journal: set current=3")
