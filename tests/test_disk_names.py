"""A `\\` in a note's file name is part of the name (Linux and macOS allow it): every
command that writes a note writes that note, never its `a/b.md` twin."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke, Write, goal_text
from tests.gitutil import AUTHOR, EMAIL, Git

BACKSLASH = "goals/a\\b.md"
TWIN = "goals/a/b.md"
MEETING = "meetings/2026-11-20 Coffee\\tea.md"
MEETING_TWIN = "meetings/2026-11-20 Coffee/tea.md"


def meeting_text(title: str) -> str:
    return (
        f"---\ntype: meeting\ntitle: {title}\ndate: 2026-11-20\nkind: coffee\n"
        "follow_up_by: 2026-11-27\nfollow_up_done: false\n---\n# Coffee\n"
    )


@pytest.fixture
def twins(vault: Path, write: Write) -> dict[str, bytes]:
    """A backslash-named goal and meeting, each beside its slash twin; their bytes."""
    milestone = "milestones:\n  - title: Draft list\n    done: false\n---\n#"
    write(BACKSLASH, goal_text("Backslash goal", current=1).replace("---\n#", milestone))
    write(TWIN, goal_text("Slash goal", current=1).replace("---\n#", milestone))
    write(MEETING, meeting_text("Backslash meeting"))
    write(MEETING_TWIN, meeting_text("Slash meeting"))
    return {rel: (vault / rel).read_bytes() for rel in (BACKSLASH, TWIN, MEETING, MEETING_TWIN)}


WRITES = [
    pytest.param(("set", "Backslash goal", "current=4"), BACKSLASH, "current: 4\n", id="set"),
    pytest.param(
        ("log", "Backslash goal", "+2", "coffee"), BACKSLASH, "- 2026-11-22: +2 coffee\n", id="log"
    ),
    pytest.param(("done", "Backslash goal"), BACKSLASH, "status: done\n", id="done-goal"),
    pytest.param(
        ("done", "Backslash goal", "--milestone", "Draft"),
        BACKSLASH,
        "done: 2026-11-22\n",
        id="done-milestone",
    ),
    pytest.param(
        ("done", "Backslash meeting"), MEETING, "follow_up_done: 2026-11-22\n", id="done-follow-up"
    ),
]


@pytest.mark.parametrize(("args", "rel", "written"), WRITES)
def test_a_write_changes_the_backslash_note_not_its_twin(
    twins: dict[str, bytes],
    invoke: Invoke,
    vault: Path,
    args: tuple[str, ...],
    rel: str,
    written: str,
) -> None:
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert rel in result.stdout
    assert written in (vault / rel).read_text()
    for other, before in twins.items():
        if other != rel:
            assert (vault / other).read_bytes() == before, other


@pytest.mark.parametrize(("args", "rel", "written"), WRITES)
def test_commit_commits_the_backslash_note(
    twins: dict[str, bytes],
    invoke: Invoke,
    vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    rel: str,
    written: str,
) -> None:
    for kind in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{kind}_NAME", AUTHOR)
        monkeypatch.setenv(f"GIT_{kind}_EMAIL", EMAIL)
    git = Git(vault, tmp_path / "home").init()
    git.commit("Start", "2026-11-01")
    result = invoke(*args, "--commit")
    assert result.exit_code == 0, result.output
    assert git.files() == [rel]
    assert written in git("show", f"HEAD:{rel}")
    assert git("status", "--porcelain=v1", "-z") == ""


def test_folders_in_the_config_may_be_written_with_backslashes(
    vault: Path, invoke: Invoke, write: Write
) -> None:
    write(
        ".journal/config.toml",
        '[vault]\nexclude = ["career\\\\old"]\n[obsidian]\nbases = "career\\\\views"\n'
        '[folders]\ngoal = "career\\\\goals"\nreview = "career\\\\reviews"\n',
    )
    write("career/old/Old goal.md", goal_text("Old goal"))
    result = invoke("new", "goal", "Learn SQL", "--target", "3", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["path"] == "career/goals/Learn SQL.md"
    assert (vault / "career/goals/Learn SQL.md").is_file()
    result = invoke("review", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["path"] == "career/reviews/2026-W47.md"
    assert (vault / "career/reviews/2026-W47.md").is_file()
    listed = json.loads(invoke("list", "--json").stdout)
    assert [g["title"] for g in listed] == ["Learn SQL"]  # career/old is excluded
    result = invoke("obsidian", "setup", "--json")
    assert result.exit_code == 0, result.output
    bases = sorted(b["path"] for b in json.loads(result.stdout)["bases"])
    assert bases == [f"career/views/{name}.base" for name in ("Follow-ups", "Goals", "Reviews")]
    assert (vault / "career/views/Goals.base").is_file()
    assert not list(vault.rglob("*\\*"))


def test_a_backslash_name_finds_its_note_and_a_path_its_twin(
    twins: dict[str, bytes], invoke: Invoke
) -> None:
    """``a\\b`` names the file ``a\\b.md``; ``goals/a/b`` names the twin by its path
    (a "\\" in a name given to a command was read as a folder, and found nothing)."""
    found = invoke("show", "a\\b", "--json")
    assert found.exit_code == 0, found.stderr
    assert json.loads(found.stdout)["path"] == BACKSLASH
    twin = invoke("show", "goals/a/b", "--json")
    assert twin.exit_code == 0 and json.loads(twin.stdout)["path"] == TWIN
