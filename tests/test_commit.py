"""`--commit`: exactly the files a command wrote, in one commit, nothing else staged."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pygit2
import pytest
from click.testing import CliRunner
from pygit2.enums import ConfigLevel

from journal.cli import cli
from tests.conftest import Invoke, Write, goal_text
from tests.gitutil import AUTHOR, EMAIL, Git, journal_env
from tests.test_history import run_journal

GOAL = "goals/Connect with five HR leaders.md"
STAMP = "2026-11-22T09:30:00+01:00"


@pytest.fixture(autouse=True)
def _identity(monkeypatch: pytest.MonkeyPatch) -> None:
    """The author and date journal's own commits get (as git reads them)."""
    for kind in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{kind}_NAME", AUTHOR)
        monkeypatch.setenv(f"GIT_{kind}_EMAIL", EMAIL)
        monkeypatch.setenv(f"GIT_{kind}_DATE", STAMP)


@pytest.fixture
def git(vault: Path, tmp_path: Path, write: Write) -> Git:
    git = Git(vault, tmp_path / "home").init()
    write(GOAL, goal_text(current=2))
    write("notes/a.md", "# a\n")
    write("notes/b.md", "# b\n")
    git.commit("Start", "2026-11-01")
    return git


def test_set_commits_only_the_goal_and_leaves_other_changes_alone(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    write("notes/a.md", "# a\n\nstaged edit\n")
    git("add", "notes/a.md")
    write("notes/b.md", "# b\n\nunstaged edit\n")
    result = invoke("set", "Connect with five", "current=3", "due=2027-01-31", "--commit")
    assert result.exit_code == 0, result.output
    message = "journal: set current=3, due=2027-01-31 in Connect with five HR leaders"
    head = git("rev-parse", "HEAD").strip()
    assert result.stdout.splitlines()[-1] == f"committed {head[:7]}: {message}"
    assert git("log", "-1", "--format=%s|%an|%ae|%aI|%cn").strip() == (
        f"{message}|{AUTHOR}|{EMAIL}|2026-11-22T09:30:00+01:00|{AUTHOR}"
    )
    assert git.files() == [GOAL]
    assert git("show", f"HEAD:{GOAL}") == (vault / GOAL).read_text()
    assert git.staged() == ["notes/a.md"]  # still staged, not committed
    status = git("status", "--porcelain=v1", "-z").split("\0")
    assert sorted(s for s in status if s) == [" M notes/b.md", "M  notes/a.md"]


def test_a_set_message_names_the_values_as_typed_and_the_completed_day_added(
    git: Git, invoke: Invoke
) -> None:
    """The message comes from what `set` did (SetResult), not from re-reading the words."""
    result = invoke("set", "Connect with five", "status= Done", "current=2", "--commit")
    assert result.exit_code == 0, result.output
    assert git("log", "-1", "--format=%s").strip() == (
        "journal: set status=Done, completed=2026-11-22 in Connect with five HR leaders"
    )


def test_new_goal_commits_in_a_vault_inside_a_larger_repository(
    tmp_path: Path, invoke: Invoke
) -> None:
    big = Git(tmp_path / "big", tmp_path / "home").init()
    root = big.root / "life" / "career vault"
    (root / ".journal").mkdir(parents=True)
    (big.root / "README.md").write_text("# my life\n")
    big.commit("Start", "2026-11-01")
    (big.root / "README.md").write_text("# my life, edited\n")
    result = invoke("new", "goal", "Zoë's plan", "--target", "3", "--commit", root=root)
    assert result.exit_code == 0, result.output
    assert big.files() == ["life/career vault/goals/Zoë's plan.md"]
    assert big("log", "-1", "--format=%s").strip() == "journal: new goal Zoë's plan"
    assert big("status", "--porcelain=v1", "-z").strip("\0") == " M README.md"


def test_the_first_commit_of_an_empty_repository(
    vault: Path, tmp_path: Path, invoke: Invoke
) -> None:
    git = Git(vault, tmp_path / "home").init()
    result = invoke("new", "goal", "Learn SQL", "--commit", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["path"] == "goals/Learn SQL.md"
    assert "committed " in result.stderr
    assert git.files() == ["goals/Learn SQL.md"]
    assert git("rev-parse", "--abbrev-ref", "HEAD").strip() == "main"


def test_refused_before_writing_without_a_repository(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    write(GOAL, goal_text(current=2))
    before = (vault / GOAL).read_bytes()
    result = invoke("set", "Connect", "current=3", "--commit")
    assert result.exit_code == 1
    assert "can't commit:" in result.stderr
    assert "not in a git repository; nothing written" in result.stderr
    assert (vault / GOAL).read_bytes() == before
    result = invoke("new", "goal", "Learn SQL", "--commit")
    assert result.exit_code == 1
    assert not (vault / "goals" / "Learn SQL.md").exists()


def test_refused_before_writing_when_the_file_has_staged_changes(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    write(GOAL, goal_text(current=2, why="staged by hand"))
    git("add", GOAL)
    before = (vault / GOAL).read_bytes()
    head = git("rev-parse", "HEAD")
    result = invoke("set", "Connect", "current=3", "--commit")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{GOAL}: has staged changes in git")
    assert f'(git -C "{vault}" restore --staged -- "{GOAL}")' in result.stderr
    assert (vault / GOAL).read_bytes() == before
    assert git("rev-parse", "HEAD") == head


def test_refused_when_the_new_file_would_be_ignored(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    write(".gitignore", "goals/private*\n")
    git.commit("Ignore private goals", "2026-11-02")
    result = invoke("new", "goal", "private plan", "--commit")
    assert result.exit_code == 1
    assert "is ignored by git" in result.stderr
    assert not (vault / "goals" / "private plan.md").exists()


def test_refused_when_a_git_filter_applies_to_the_file(
    git: Git, write: Write, invoke: Invoke, vault: Path
) -> None:
    """Reported: with a clean filter (git-crypt's kind) on *.md, `--commit` stored the
    working file unfiltered, as plain text, since only git runs filter drivers."""
    git("config", "filter.enc.clean", "base64")
    git("config", "filter.enc.smudge", "base64 -d")
    write(".gitattributes", "*.md filter=enc\n")
    git.commit("Encrypt notes", "2026-11-02")
    before = (vault / GOAL).read_bytes()
    head = git("rev-parse", "HEAD")
    result = invoke("set", "Connect", "current=3", "--commit")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{GOAL}: goes through the git filter 'enc' (.gitattributes), which --commit can't "
        "run: it would commit the file unfiltered; commit it with git, nothing done\n"
    )
    assert (vault / GOAL).read_bytes() == before and git("rev-parse", "HEAD") == head


def test_nothing_written_means_nothing_committed(git: Git, invoke: Invoke) -> None:
    head = git("rev-parse", "HEAD")
    result = invoke("set", "Connect", "current=2", "--commit")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{GOAL}: unchanged",
        "journal: nothing written, nothing to commit",
    ]
    shown = invoke("log", "Connect", "--commit")  # a writer that wrote nothing: a message
    assert shown.exit_code == 0, shown.output
    assert shown.output.endswith("journal: nothing written, nothing to commit\n")
    assert git("rev-parse", "HEAD") == head


def test_review_commit_commits_the_review_as_it_stands_with_your_reflection(
    git: Git, invoke: Invoke, vault: Path
) -> None:
    """Reported: review, write the reflection, `journal review --commit`: "unchanged",
    "nothing written, nothing to commit", and the review stayed untracked."""
    assert invoke("review").exit_code == 0
    review = vault / "reviews/2026-W47.md"
    review.write_text(
        review.read_text().replace("### What went well?\n", "### What went well?\nMine.\n")
    )
    result = invoke("review", "--commit")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("committed ")
    assert git.files() == ["reviews/2026-W47.md"]
    assert "Mine." in git("show", "HEAD:reviews/2026-W47.md")
    again = invoke("review", "--commit")  # as committed: nothing to commit
    assert again.stdout.endswith("journal: the files match the last commit, nothing to commit\n")


def test_without_commit_nothing_is_committed(git: Git, invoke: Invoke) -> None:
    head = git("rev-parse", "HEAD")
    assert invoke("set", "Connect", "current=4").exit_code == 0
    assert git("rev-parse", "HEAD") == head
    assert git("status", "--porcelain=v1", "-z").strip("\0") == f" M {GOAL}"


def test_refused_when_git_does_not_know_the_user(git: Git, vault: Path, tmp_path: Path) -> None:
    empty_home = tmp_path / "empty-home"
    empty_home.mkdir()
    before = (vault / GOAL).read_bytes()
    done = run_journal(
        ["--vault", str(vault), "set", "Connect", "current=3", "--commit"], empty_home
    )
    assert done.returncode == 1
    assert "git does not know who you are" in done.stderr
    assert "Traceback" not in done.stderr
    assert (vault / GOAL).read_bytes() == before


def test_on_a_detached_head_the_commit_moves_head_only(git: Git, invoke: Invoke) -> None:
    """Found in a tryout: the commit on no branch went without a word (git's own says
    `[detached HEAD ...]`); the next checkout leaves it behind."""
    branch = git("rev-parse", "main").strip()
    git("checkout", "-q", "--detach")
    result = invoke("set", "Connect", "current=3", "--commit")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "journal: committed on a detached HEAD (no branch): it is lost at the next checkout "
        "unless a branch takes it (git branch NAME)\n"
    )
    assert git("rev-parse", "HEAD~1").strip() == branch
    assert git("rev-parse", "main").strip() == branch
    assert git.files() == [GOAL]


def _hook(folder: Path, name: str, mode: int = 0o755) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("#!/bin/sh\nexit 1\n")  # git's commit would stop here
    (folder / name).chmod(mode)


def test_hooks_not_run_and_signing_not_done_are_told_in_a_line(
    git: Git, invoke: Invoke, vault: Path
) -> None:
    """Found in a tryout: --commit skips the hooks (a `journal check` pre-commit hook,
    as checks.md suggests) and signing without a word."""
    hooks = vault / ".git/hooks"
    assert (hooks / "pre-commit.sample").is_file()  # git init's samples: never run
    result = invoke("set", "Connect", "current=3", "--commit")
    assert (result.exit_code, result.stderr) == (0, "")
    _hook(hooks, "pre-commit")
    _hook(hooks, "commit-msg")
    _hook(hooks, "prepare-commit-msg", 0o644)  # not executable: git does not run it
    _hook(hooks, "pre-push")  # not a commit's
    result = invoke("set", "Connect", "current=4", "--commit")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("committed ")  # made all the same
    assert result.stderr == (
        "journal: committed without running the repository's pre-commit and commit-msg "
        "hooks; journal commits only the notes it wrote\n"
    )
    git("config", "commit.gpgsign", "true")
    git("config", "core.hooksPath", "my hooks")  # relative: to the work tree
    _hook(vault / "my hooks", "post-commit")
    result = invoke("set", "Connect", "current=5", "--commit", "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[1:] == [
        "journal: committed without running the repository's post-commit hook, and unsigned "
        "(commit.gpgsign); journal commits only the notes it wrote"
    ]
    assert "\ncurrent: 5\n" in git("show", f"HEAD:{GOAL}")


def test_a_linked_work_trees_hooks_are_its_repositorys(
    git: Git, invoke: Invoke, vault: Path, tmp_path: Path
) -> None:
    _hook(vault / ".git/hooks", "pre-commit")
    linked = tmp_path / "linked"
    git("worktree", "add", "-q", "-b", "other", str(linked))
    result = invoke("set", "Connect", "current=3", "--commit", root=linked)
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "journal: committed without running the repository's pre-commit hook; journal "
        "commits only the notes it wrote\n"
    )
    assert "\ncurrent: 3\n" in git("show", f"other:{GOAL}")


def test_a_locked_index_refuses_before_anything_is_written(
    git: Git, invoke: Invoke, vault: Path
) -> None:
    before = (vault / GOAL).read_bytes()
    head = git("rev-parse", "HEAD")
    (vault / ".git" / "index.lock").touch()
    result = invoke("set", "Connect", "current=70", "--commit")
    assert result.exit_code == 1
    assert result.stderr.startswith("journal: can't commit: git's index is locked")
    assert result.stderr.rstrip().endswith("nothing written")
    assert (vault / GOAL).read_bytes() == before
    assert git("rev-parse", "HEAD") == head
    assert git.staged() == []


@pytest.mark.parametrize(
    ("command", "marker"), [("merge", "MERGE_HEAD"), ("cherry-pick", "CHERRY_PICK_HEAD")]
)
def test_a_merge_under_way_refuses_before_anything_is_written(
    git: Git, write: Write, invoke: Invoke, vault: Path, command: str, marker: str
) -> None:
    git("checkout", "-q", "-b", "other")
    write("notes/a.md", "# a\n\ntheirs\n")
    git.commit("Theirs", "2026-11-02")
    git("checkout", "-q", "-")
    write("notes/a.md", "# a\n\nours\n")
    git.commit("Ours", "2026-11-03")
    merging = subprocess.run(["git", command, "other"], cwd=vault, capture_output=True, env=git.env)
    assert merging.returncode == 1 and (vault / ".git" / marker).exists()
    before = (vault / GOAL).read_bytes()
    head = git("rev-parse", "HEAD")
    result = invoke("set", "Connect", "current=4", "--commit")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"journal: can't commit: a git {command} is under way; finish it (or abort it) first, "
        "then commit; nothing written\n"
    )
    assert (vault / GOAL).read_bytes() == before and git("rev-parse", "HEAD") == head


def _written_then(vault: Path, lock: str) -> tuple[list[str], str]:
    """``set current=70`` written with --commit armed, then ``lock`` (a path in .git)
    taken by someone else before the commit: the error the commit gives."""
    from journal.adapters.vault import Vault, load_catalog
    from journal.core.errors import JournalError
    from journal.usecases.commit import commit_paths, prepare_commit
    from journal.usecases.set_fields import set_fields

    opened = Vault.open(vault)
    prepare_commit(opened)
    set_fields(opened, load_catalog(opened), "Connect", ("current=70",), date(2026, 11, 22))
    (vault / ".git" / lock).touch()
    with pytest.raises(JournalError) as caught:
        commit_paths(opened, opened.written, "journal: set current=70")
    (vault / ".git" / lock).unlink()
    return opened.written, str(caught.value)


def test_an_index_locked_after_the_write_leaves_head_and_the_index_alone(
    git: Git, vault: Path
) -> None:
    head = git("rev-parse", "HEAD")
    written, message = _written_then(vault, "index.lock")
    assert written == [GOAL]
    assert message.startswith("written but not committed: git's index is locked")
    assert "HEAD and the index are unchanged" in message
    assert git("rev-parse", "HEAD") == head
    assert git.staged() == []
    assert git("status", "--porcelain=v1", "-z").strip("\0") == f" M {GOAL}"
    assert "current: 70" in (vault / GOAL).read_text()


def test_a_refused_commit_puts_the_index_back(git: Git, vault: Path) -> None:
    head = git("rev-parse", "HEAD")
    _written, message = _written_then(vault, "refs/heads/main.lock")
    assert message.startswith("written but not committed: git refused the commit")
    assert message.endswith("HEAD and the index are unchanged")
    assert git("rev-parse", "HEAD") == head
    assert git.staged() == []
    assert git("status", "--porcelain=v1", "-z").strip("\0") == f" M {GOAL}"


def test_the_executable_bit_is_kept(git: Git, invoke: Invoke, vault: Path) -> None:
    (vault / GOAL).chmod(0o755)
    git.commit("Executable", "2026-11-02")
    assert git("ls-files", "-s", GOAL).startswith("100755 ")
    result = invoke("set", "Connect", "current=3", "--commit")
    assert result.exit_code == 0, result.output
    assert git("ls-tree", "HEAD", GOAL).startswith("100755 blob ")
    assert git("diff", "HEAD~1", "HEAD", "--summary").strip() == ""  # no mode change
    assert git("status", "--porcelain=v1", "-z") == ""


def test_with_json_the_commit_lines_go_to_stderr(git: Git, invoke: Invoke) -> None:
    result = invoke("review", "--json", "--commit")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["path"] == "reviews/2026-W47.md"
    assert re.fullmatch(r"committed [0-9a-f]{7}: journal: weekly review 2026-W47\n", result.stderr)


def test_json_names_the_commit_made(git: Git, invoke: Invoke) -> None:
    """Reported (power user): with `--commit --json` the commit id was only in stderr's
    text; every command taking --commit gives it as "commit", null when none was made."""
    made = json.loads(invoke("review", "--json", "--commit").stdout)
    assert made["commit"] == git("rev-parse", "HEAD").strip()
    again = json.loads(invoke("review", "--json", "--commit").stdout)  # the files match
    assert again["commit"] is None
    assert json.loads(invoke("set", "Connect", "current=4", "--json").stdout)["commit"] is None


def _commits_only(git: Git, vault: Path, result: object, path: str, message: str) -> None:
    """``result`` committed exactly ``path`` with ``message``; notes/a.md is still staged."""
    assert getattr(result, "exit_code", None) == 0, getattr(result, "output", "")
    assert git("log", "-1", "--format=%s").strip() == message
    assert git.files() == [path]
    assert git("show", f"HEAD:{path}") == (vault / path).read_text()
    assert git.staged() == ["notes/a.md"]


def _stage_a(git: Git, write: Write) -> Git:
    write("notes/a.md", "# a\n\nstaged edit\n")
    git("add", "notes/a.md")
    return git


@pytest.fixture
def staged(git: Git, write: Write) -> Git:
    return _stage_a(git, write)


def test_log_commits_with_what_was_logged(staged: Git, invoke: Invoke, vault: Path) -> None:
    result = invoke("log", "Connect", "+1", "Coffee with [[Sam]]", "--commit")
    _commits_only(staged, vault, result, GOAL, "journal: log +1 Connect with five HR leaders")


def test_done_commits_with_what_was_done(
    git: Git, invoke: Invoke, write: Write, vault: Path
) -> None:
    meeting = "meetings/2026-11-05 HR meetup.md"
    write(meeting, "---\ntype: meeting\ndate: 2026-11-05\nfollow_up_by: 2026-11-12\n"
          "follow_up_done: false\n---\n# HR meetup\n")  # fmt: skip
    write(GOAL, goal_text(current=2, milestones='[{"title": "Draft list", "done": false}]'))
    git.commit("More notes", "2026-11-03")
    staged = _stage_a(git, write)
    result = invoke("done", "HR meetup", "--commit")
    _commits_only(staged, vault, result, meeting, "journal: follow-up done 2026-11-05 HR meetup")
    result = invoke("done", "Connect", "--milestone", "draft", "--commit")
    _commits_only(
        staged, vault, result, GOAL,
        "journal: milestone done Draft list (Connect with five HR leaders)",
    )  # fmt: skip
    result = invoke("done", "Connect", "--commit")
    _commits_only(staged, vault, result, GOAL, "journal: done Connect with five HR leaders")


def test_plan_commits_the_plan_note(staged: Git, invoke: Invoke, vault: Path) -> None:
    result = invoke("plan", "--start", "2026-11-23", "--commit")
    path = "plans/2026-11-23-90-day-plan.md"
    _commits_only(staged, vault, result, path, "journal: 90-day plan from 2026-11-23")


def test_new_contact_and_meeting_commit_with_their_names(
    staged: Git, invoke: Invoke, vault: Path
) -> None:
    result = invoke("new", "contact", "Dana Ortiz", "--commit")
    _commits_only(staged, vault, result, "people/Dana Ortiz.md", "journal: new contact Dana Ortiz")
    result = invoke("new", "meeting", "--with", "Dana", "--kind", "coffee", "--commit")
    path = "meetings/2026-11-22 Coffee with Dana Ortiz.md"
    _commits_only(
        staged, vault, result, path, "journal: new meeting 2026-11-22 Coffee with Dana Ortiz"
    )


@pytest.mark.parametrize("commit", [False, True])
def test_ctrl_c_between_two_writes_names_what_was_written(
    git: Git, invoke: Invoke, vault: Path, monkeypatch: pytest.MonkeyPatch, commit: bool
) -> None:
    """A meeting with a new contact is two files: Ctrl-C (a real SIGINT) right after the
    first leaves that one whole, the meeting unwritten and nothing committed; the
    message says so, with exit code 130 as a shell gives a job stopped by Ctrl-C."""
    import signal

    from journal.adapters.vault import Vault

    create = Vault.create

    def create_then_ctrl_c(self: Vault, rel: str, data: bytes) -> None:
        create(self, rel, data)
        signal.raise_signal(signal.SIGINT)

    monkeypatch.setattr(Vault, "create", create_then_ctrl_c)
    head = git("rev-parse", "HEAD")
    args = ("new", "meeting", "--with", "Lee Chang", "--create-contacts")
    result = invoke(*args, *(["--commit"] if commit else []))
    assert result.exit_code == 130
    said = (
        "journal: interrupted after writing people/Lee Chang.md (each whole); the rest was not done"
    )
    assert result.stderr == said + (
        "; they may not be committed: see git status\n" if commit else "\n"
    )
    assert (vault / "people/Lee Chang.md").is_file() and not (vault / "meetings").exists()
    assert (git("rev-parse", "HEAD"), git.staged()) == (head, [])


def test_a_new_goal_with_a_line_break_in_its_title_commits_a_one_line_message(
    git: Git, invoke: Invoke
) -> None:
    result = invoke("new", "goal", "Two\nlines goal", "--commit")
    assert result.exit_code == 0, result.stderr
    assert git("log", "-1", "--format=%B").strip() == "journal: new goal Two lines goal"


def test_a_title_with_a_line_break_in_the_file_gives_a_one_line_commit(
    git: Git, invoke: Invoke, vault: Path
) -> None:
    path = vault / GOAL
    path.write_text(path.read_text().replace("title: Connect", 'title: "Multi\\nline" #'))
    git.commit("Two-line title", "2026-11-02")
    result = invoke("set", "Multi", "why=because", "--commit")
    assert result.exit_code == 0, result.stderr
    subject = "journal: set why=because in Multi line"
    assert git("log", "-1", "--format=%B").strip() == subject
    assert result.stdout.splitlines()[-1].endswith(f": {subject}")


def _logged_at_once(git: Git, vault: Path, names: list[str]) -> list[tuple[int, str]]:
    """``journal log NAME +1 --commit`` for each name, in processes all started at once:
    each one's exit code and stderr."""
    env = journal_env(git.home)
    command = [sys.executable, "-m", "journal", "--vault", str(vault), "log"]
    runs = [
        subprocess.Popen(
            [*command, name, "+1", "--commit"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    return [(run.wait(timeout=60), run.communicate()[1]) for run in runs]


def test_commands_committing_at_once_take_turns(git: Git, write: Write, vault: Path) -> None:
    """Reported: three `journal log GOAL +1 --commit` at once left git's index holding a
    goal's old content (a plain `git commit` would then undo the check-in), with
    "old reference value does not match" and "HEAD and the index are unchanged"."""
    names = ["g1", "g2", "g3"]
    for name in names:
        write(f"goals/{name}.md", goal_text(name, current=1))  # its log holds a +1
    git.commit("Three goals", "2026-11-02")
    for _round in range(4):
        assert _logged_at_once(git, vault, names) == [(0, "")] * 3
        assert git.staged() == []  # the index is HEAD's: nothing left staged, nothing lost
    assert int(git("rev-list", "--count", "HEAD")) == 2 + 4 * 3  # Start, Three goals, ours
    for name in names:
        assert "\ncurrent: 5\n" in git("show", f"HEAD:goals/{name}.md")


def test_an_identity_from_author_and_committer_settings_is_enough(
    git: Git, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: git (2.22 and later) commits with only `author.name`/`author.email` and
    `committer.*` set; journal said "git does not know who you are"."""
    for kind in ("AUTHOR", "COMMITTER"):
        for part in ("NAME", "EMAIL", "DATE"):
            monkeypatch.delenv(f"GIT_{kind}_{part}")
    git("config", "author.name", "Ana Author")
    git("config", "author.email", "ana@example.com")
    git("config", "committer.name", "Cy Committer")
    git("config", "committer.email", "cy@example.com")
    result = invoke("set", "Connect", "current=3", "--commit")
    assert result.exit_code == 0, result.stderr
    assert git("log", "-1", "--format=%an <%ae> / %cn <%ce>") == (
        "Ana Author <ana@example.com> / Cy Committer <cy@example.com>\n"
    )


def test_an_index_git_can_read_and_journal_cant_is_a_clear_refusal(
    git: Git, invoke: Invoke, vault: Path
) -> None:
    """Reported: with `core.splitIndex`, `--commit` ended with an internal error."""
    git("config", "core.splitIndex", "true")
    git("update-index", "--split-index")
    before = (vault / GOAL).read_bytes()
    result = invoke("set", "Connect", "current=3", "--commit")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{GOAL}: git's index can't be read here (")
    assert result.stderr.endswith("; commit with git, nothing done\n")
    assert (vault / GOAL).read_bytes() == before


def test_a_commit_lock_that_cant_be_taken_is_a_clear_refusal(
    git: Git, invoke: Invoke, vault: Path
) -> None:
    """Found in review: the lock file of a shared repository (another user's) failed with
    an internal error; any file that can't be opened says so instead."""
    lock = vault / ".git/journal-commit.lock"
    lock.symlink_to(vault / "no such folder/lock")  # can't be created
    before = (vault / GOAL).read_bytes()
    result = invoke("set", "Connect", "current=3", "--commit")
    assert result.exit_code == 1
    assert result.stderr.startswith("journal: can't commit: can't take the lock ")
    assert ".git/journal-commit.lock" in result.stderr
    assert result.stderr.endswith("; nothing written\n")
    assert (vault / GOAL).read_bytes() == before


@pytest.mark.parametrize("when", ["before", "while writing"])
def test_an_index_lock_a_git_command_holds_for_a_moment_is_waited_for(
    git: Git, invoke: Invoke, vault: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    """Found in a tryout: with `git status` running in a loop (as a shell prompt or an
    editor runs it; it takes git's index lock for a moment), 4 of 12 `log --commit`
    failed with "git's index is locked", before or after writing the goal."""
    import threading

    from journal.adapters.git import Repository

    index_lock = vault / ".git/index.lock"
    release = threading.Timer(1.0, index_lock.unlink)
    if when == "before":
        index_lock.touch()
        release.start()
    else:
        checked = Repository._index_free  # the early check passes; then git takes it

        def taken_after_the_check(self: Repository) -> bool:
            free = checked(self)
            index_lock.touch()
            release.start()
            return free

        monkeypatch.setattr(Repository, "_index_free", taken_after_the_check)
    try:
        result = invoke("set", "Connect", "current=3", "--commit")
    finally:
        release.join()
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("committed ")
    assert "\ncurrent: 3\n" in git("show", f"HEAD:{GOAL}")
    assert git.staged() == []


def test_an_index_lock_held_by_a_journal_commit_under_way_is_waited_for(
    git: Git, vault: Path
) -> None:
    """Found in CI: of three `journal log --commit` at once, one refused with "git's
    index is locked": it looked for git's index.lock while another journal command was
    writing the index, outside the turns journal's commits take."""
    import fcntl

    head = git("rev-parse", "HEAD")
    command = ("set", "Connect", "current=3", "--commit")
    index_lock = vault / ".git/index.lock"
    fd = os.open(vault / ".git/journal-commit.lock", os.O_RDONLY | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # as a journal command committing holds it
        index_lock.touch()  # ... while it writes git's index
        run = subprocess.Popen(
            [sys.executable, "-m", "journal", "--vault", str(vault), *command],
            env=journal_env(git.home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(1.0)  # the command starts and waits for its turn
        assert run.poll() is None, run.communicate()
        index_lock.unlink()  # that commit is made
    finally:
        os.close(fd)
    out, err = run.communicate(timeout=60)
    assert (run.returncode, err) == (0, "")
    assert out.splitlines()[-1].startswith("committed ")
    assert git("rev-parse", "HEAD~1") == head
    assert "\ncurrent: 3\n" in git("show", f"HEAD:{GOAL}")


def test_a_commit_in_another_encoding_header_it_cant_read_falls_back() -> None:
    from journal.adapters.git import _text

    assert _text(b"Ana.B", "punycode") == "Ana.B"  # punycode raises a bare UnicodeError
    assert _text("Caf\u00e9".encode("latin-1"), "ISO-8859-1") == "Caf\u00e9"
    assert _text(b"\xff", "no-such-codec") == "\ufffd"


def test_a_note_in_a_submodule_is_refused_before_anything_is_written(
    git: Git, invoke: Invoke, vault: Path, tmp_path: Path
) -> None:
    """Reported: `log --commit` on a goal in a submodule committed it as a file of the
    vault's repository, in place of the submodule (the gitlink `team` replaced by
    `team/goals/Shared.md`), where `git add` refuses such a file."""
    shared = Git(tmp_path / "shared", tmp_path / "home").init()
    (shared.root / "goals").mkdir()
    (shared.root / "goals/Shared.md").write_text(goal_text("Shared goal", current=1))
    shared_head = shared.commit("Shared", "2026-11-01")
    git("-c", "protocol.file.allow=always", "submodule", "add", "-q", str(shared.root), "team")
    head = git.commit("Add the team", "2026-11-02")
    note = vault / "team/goals/Shared.md"
    before = note.read_bytes()
    result = invoke("log", "Shared goal", "+1", "--commit")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "team/goals/Shared.md: is in the git submodule 'team', a repository of its own that "
        "--commit does not commit to (nor does git add); commit it there with git, nothing "
        "done\n"
    )
    assert note.read_bytes() == before
    assert git("rev-parse", "HEAD").strip() == head
    assert git("ls-files", "-s", "team").startswith(f"160000 {shared_head} 0\tteam\n")
    assert shared("rev-parse", "HEAD").strip() == shared_head
    assert shared("status", "--porcelain") == ""


def test_a_note_in_a_repository_of_its_own_inside_the_vault_is_refused(
    git: Git, invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """A folder with its own .git that is no submodule: git add stages nothing there."""
    Git(vault / "inner", tmp_path / "home").init()
    write("inner/goals/Inner.md", goal_text("Inner goal"))
    head = git("rev-parse", "HEAD")
    result = invoke("log", "Inner goal", "+1", "--commit")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "inner/goals/Inner.md: is in 'inner', a git repository of its own inside this one, "
        "that --commit does not commit to; commit it there with git, nothing done\n"
    )
    assert "current: 2\n" in (vault / "inner/goals/Inner.md").read_text()
    assert (git("rev-parse", "HEAD"), git.staged()) == (head, [])


@pytest.mark.parametrize(
    ("setting", "why"),
    [
        ((".gitignore", "reviews/\nplans/\n"), "is ignored by git, as is its folder '{folder}' "
         "(`git check-ignore -v` names the rule), nothing done"),
        ((".gitattributes", "reviews/** filter=git-crypt\nplans/** filter=git-crypt\n"),
         "goes through the git filter 'git-crypt' (.gitattributes), which --commit can't "
         "run: it would commit the file unfiltered; commit it with git, nothing done"),
    ],
    ids=["ignored", "filtered"],
)  # fmt: skip
def test_a_review_or_plan_that_cant_be_committed_says_why_once(
    git: Git, write: Write, invoke: Invoke, vault: Path, setting: tuple[str, str], why: str
) -> None:
    """Reported: a new review or plan refused by --commit said "the file does not exist"
    (the refusal taken for another process's note, which was then to be rewritten); one
    as it stands said "unchanged", then "written but not committed: ..., nothing done"."""
    write(*setting)
    head = git.commit("Keep them out", "2026-11-02")
    notes = [
        (("review",), "reviews/2026-W47.md"),
        (("plan", "--start", "2026-11-23"), "plans/2026-11-23-90-day-plan.md"),
    ]
    for command, path in notes:
        refused = why.format(folder=path.partition("/")[0])
        result = invoke(*command, "--commit")
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr == f"{path}: {refused}\n"
        assert not (vault / path).exists()
        assert invoke(*command).exit_code == 0  # made without --commit; then as it stands
        result = invoke(*command, "--commit")
        assert (result.exit_code, result.stdout) == (1, f"{path}: unchanged\n")
        assert result.stderr == f"{path}: {refused}\n"
    assert (git("rev-parse", "HEAD").strip(), git.staged()) == (head, [])


def test_a_note_kept_as_it_was_and_not_committed_is_not_called_written(
    git: Git, invoke: Invoke, vault: Path
) -> None:
    from journal.adapters.vault import Vault, load_catalog
    from journal.core.errors import JournalError
    from journal.usecases.commit import commit_paths, prepare_commit, to_commit
    from journal.usecases.review import weekly_review

    assert invoke("review").exit_code == 0
    opened = Vault.open(vault)
    prepare_commit(opened)
    weekly_review(opened, load_catalog(opened), date(2026, 11, 22))
    assert (opened.written, to_commit(opened)) == ([], ["reviews/2026-W47.md"])
    (vault / ".git/index.lock").touch()
    with pytest.raises(JournalError) as caught:
        commit_paths(opened, to_commit(opened), "journal: weekly review 2026-W47")
    assert str(caught.value).startswith("not committed: git's index is locked")
    assert str(caught.value).endswith("; HEAD and the index are unchanged")


def test_a_vault_git_ignores_is_named_as_the_reason(tmp_path: Path, invoke: Invoke) -> None:
    """Reported: in a vault git ignores as a whole, `new goal --commit` said "is ignored
    by git (.gitignore); not committing it: give the goal another title"."""
    big = Git(tmp_path / "big", tmp_path / "home").init()
    root = big.root / "life" / "vault"
    (root / ".journal").mkdir(parents=True)
    (big.root / ".gitignore").write_text("life/\n")
    big.commit("Start", "2026-11-01")
    result = invoke("new", "goal", "Brand new goal", "--commit", root=root)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "goals/Brand new goal.md: is ignored by git, as is the whole vault ('life/' in "
        f"{big.root.resolve()}; `git check-ignore -v` names the rule), nothing done\n"
    )
    assert not (root / "goals/Brand new goal.md").exists()


def test_a_note_refused_after_another_was_written_names_that_one(
    git: Git, invoke: Invoke, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A meeting's notes are all checked before the first is written; one that can't be
    committed by the time it is written says which were written before it."""
    from journal.adapters.vault import Vault

    create = Vault.create

    def create_then_ignore_meetings(self: Vault, rel: str, data: bytes) -> None:
        create(self, rel, data)
        (vault / ".gitignore").write_text("meetings/\n")

    monkeypatch.setattr(Vault, "create", create_then_ignore_meetings)
    head = git("rev-parse", "HEAD")
    result = invoke("new", "meeting", "--with", "Lee Chang", "--create-contacts", "--commit")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "meetings/2026-11-22 Meeting with Lee Chang.md: is ignored by git, as is its folder "
        "'meetings' (`git check-ignore -v` names the rule); written before it, not committed: "
        "people/Lee Chang.md\n"
    )
    assert (git("rev-parse", "HEAD"), git.staged()) == (head, [])


def test_commands_committing_one_goal_at_once_take_turns(
    git: Git, write: Write, vault: Path
) -> None:
    """Reported: of 8 `journal log GOAL +1 --commit` at once on two goals, one or two a
    round refused with "has staged changes in git": its check before writing saw the
    goal another one had staged for the moment of its commit."""
    for name in ("g1", "g2"):
        write(f"goals/{name}.md", goal_text(name, current=1))  # its log holds a +1
    git.commit("Two goals", "2026-11-02")
    rounds = 2
    for _round in range(rounds):
        assert _logged_at_once(git, vault, ["g1", "g2"] * 4) == [(0, "")] * 8
    assert git("status", "--porcelain") == ""  # nothing left staged, nothing uncommitted
    for name in ("g1", "g2"):
        assert f"\ncurrent: {1 + 4 * rounds}\n" in git("show", f"HEAD:goals/{name}.md")


def test_the_check_before_writing_waits_for_a_journal_commit_under_way(
    git: Git, write: Write, vault: Path
) -> None:
    """The same, step by step: a `log --commit` past its first checks, waiting to write
    the goal, which another journal command then stages and commits meanwhile (the
    commit lock held, the goal staged and HEAD not moved yet: the moment of a commit).
    The check just before writing waits for that commit, then sees nothing staged."""
    import fcntl

    from journal.adapters.cachedir import vault_cache_file

    write("goals/g1.md", goal_text("g1", current=1))  # its log holds a +1
    git.commit("A goal", "2026-11-02")

    def held(lock: Path) -> int:
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDONLY | os.O_CREAT, 0o666)
        fcntl.flock(fd, fcntl.LOCK_EX)
        return fd

    writing = held(vault_cache_file(vault, ".lock"))  # the vault's write turn: ours
    try:
        run = subprocess.Popen(
            [sys.executable, "-m", "journal", "--vault", str(vault), "log", "g1", "+1", "--commit"],
            env=journal_env(git.home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(1.5)  # it checks the repository, reads the vault, waits to write
        committing = held(vault / ".git/journal-commit.lock")
        try:
            write("goals/g1.md", goal_text("g1", current=1, why="the other's change"))
            git("add", "goals/g1.md")  # staged by the other command, about to commit
            fcntl.flock(writing, fcntl.LOCK_UN)  # the goal may be written now
            time.sleep(1.0)
            assert run.poll() is None, run.communicate()  # it waits for that commit
            other = git.commit("The other's commit", "2026-11-03", "goals/g1.md")
        finally:
            os.close(committing)
    finally:
        os.close(writing)
    out, err = run.communicate(timeout=60)
    assert (run.returncode, err) == (0, "")
    assert out.splitlines()[-1].startswith("committed ")
    assert git("rev-parse", "HEAD~1").strip() == other
    committed = git("show", "HEAD:goals/g1.md")
    assert "why: the other's change\n" in committed and "\ncurrent: 2\n" in committed
    assert git("status", "--porcelain") == ""


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_unstage_command_a_refusal_suggests_works_pasted_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shell: str
) -> None:
    """Reported: from `notes/goals` of a vault `notes/` in a repository, the suggestion
    `git restore --staged -- 'notes/goals/Hold3.md'` named a path from the top, which
    git reads from the working folder; and `Maya's plan.md` gave an unclosed quote."""
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    repo = Git(tmp_path / "repo", tmp_path / "home").init()
    root = repo.root / "notes"
    (root / ".journal").mkdir(parents=True)
    goal = root / "goals" / "Maya's plan.md"
    goal.parent.mkdir()
    goal.write_text(goal_text("Maya's plan"))
    repo.commit("Start", "2026-11-01")
    goal.write_text(goal_text("Maya's plan", why="staged by hand"))
    repo("add", "--", "notes/goals/Maya's plan.md")
    monkeypatch.chdir(goal.parent)
    result = CliRunner().invoke(cli, ["log", "Maya's plan", "+1", "via commit", "--commit"])
    assert result.exit_code == 1
    suggested = re.search(r"unstage them first \((.*)\), nothing done$", result.stderr.strip())
    assert suggested is not None, result.stderr
    assert repo.staged() == ["notes/goals/Maya's plan.md"]
    subprocess.run(
        [shell, "-fc" if shell == "zsh" else "-c", suggested[1]],
        cwd=goal.parent,
        env=repo.env,
        check=True,
    )
    assert repo.staged() == []
    assert "staged by hand" in goal.read_text()  # only unstaged


def _identity_file(path: Path, name: str) -> str:
    """A git config file holding ``name`` as user.name (and a made-up email)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    email = name.split()[0].lower() + "@example.com"
    path.write_text(f"[user]\n\tname = {name}\n\temail = {email}\n")
    return str(path)


@pytest.fixture
def no_identity_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No GIT_AUTHOR_*/GIT_COMMITTER_* variables: the identity comes from git's config."""
    for kind in ("AUTHOR", "COMMITTER"):
        for part in ("NAME", "EMAIL", "DATE"):
            monkeypatch.delenv(f"GIT_{kind}_{part}")


@pytest.mark.usefixtures("no_identity_env")
def test_the_identity_comes_from_git_config_global_as_for_git(
    git: Git, invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Reported: with GIT_CONFIG_GLOBAL set, `git commit` took its file's user.name and
    journal's `--commit` the one of ~/.gitconfig (libgit2 does not read the variable)."""
    home = tmp_path / "home-config"
    _identity_file(home / ".gitconfig", "Hal Home")
    pygit2.settings.search_path[ConfigLevel.GLOBAL] = str(home)  # conftest puts it back
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", _identity_file(tmp_path / "ana.cfg", "Ana Global"))
    as_git = {"GIT_CONFIG_GLOBAL": os.environ["GIT_CONFIG_GLOBAL"]}
    assert git("config", "user.name", env=as_git) == "Ana Global\n"
    result = invoke("set", "Connect", "current=3", "--commit")
    assert result.exit_code == 0, result.stderr
    assert git("log", "-1", "--format=%an <%ae> / %cn") == (
        "Ana Global <ana@example.com> / Ana Global\n"
    )


@pytest.mark.usefixtures("no_identity_env")
def test_git_config_system_and_nosystem_are_honoured(
    git: Git, invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """GIT_CONFIG_SYSTEM names the system file git reads; GIT_CONFIG_NOSYSTEM skips it."""
    monkeypatch.setenv("GIT_CONFIG_SYSTEM", _identity_file(tmp_path / "sys.cfg", "Sy System"))
    assert invoke("set", "Connect", "current=3", "--commit").exit_code == 0
    assert git("log", "-1", "--format=%an") == "Sy System\n"
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "true")
    result = invoke("set", "Connect", "current=4", "--commit")
    assert result.exit_code == 1
    assert "git does not know who you are" in result.stderr


@pytest.mark.usefixtures("no_identity_env")
def test_git_config_system_set_empty_reads_no_system_file(
    git: Git, invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Found in review: `GIT_CONFIG_SYSTEM=` (empty) read the usual system file, which
    git does not (the empty name is no file)."""
    _identity_file(tmp_path / "etc/gitconfig", "Us Ual")
    pygit2.settings.search_path[ConfigLevel.SYSTEM] = str(tmp_path / "etc")  # put back
    monkeypatch.setenv("GIT_CONFIG_SYSTEM", "")
    result = invoke("set", "Connect", "current=3", "--commit")
    assert (result.exit_code, "git does not know who you are" in result.stderr) == (1, True)
    monkeypatch.delenv("GIT_CONFIG_SYSTEM")  # the usual file, as git reads it
    assert invoke("set", "Connect", "current=3", "--commit").exit_code == 0
    assert git("log", "-1", "--format=%an") == "Us Ual\n"
