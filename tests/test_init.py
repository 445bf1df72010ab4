"""``journal init``: which folder, symlinks inside the new vault, OS errors."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from journal.cli import cli
from tests.conftest import goal_text


def init(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def tree(root: Path) -> list[str]:
    """Every path below ``root`` (links not followed), sorted."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.mark.parametrize("link", [".journal", "people", ".gitignore", "goals"])
def test_init_never_writes_through_a_symlink(tmp_path: Path, link: str) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = tmp_path / "lv"
    root.mkdir()
    (root / link).symlink_to(elsewhere)
    result = init("init", str(root))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{root}: '{link}' goes through a symlink; the tool does not follow it; nothing changed\n"
    )
    assert list(elsewhere.iterdir()) == []
    assert tree(root) == [link]


def test_a_dangling_symlink_stops_init_before_anything_is_made(tmp_path: Path) -> None:
    root = tmp_path / "lv3"
    root.mkdir()
    (root / "people").symlink_to("nonexist")
    result = init("init", str(root))
    assert result.exit_code == 1
    assert "'people' goes through a symlink" in result.stderr
    assert "internal error" not in result.stderr
    assert tree(root) == ["people"]
    (root / "people").unlink()
    assert init("init", str(root)).exit_code == 0  # nothing half-made blocks a new run


@pytest.mark.parametrize("target", ["shared-obsidian", "missing"])
def test_a_symlinked_obsidian_folder_is_not_written_through(tmp_path: Path, target: str) -> None:
    """A .obsidian shared by several vaults (a symlink, even a dangling one) is a real
    setup: init makes the vault, writes nothing through it and says the property types
    were not added, as `journal obsidian setup` does."""
    shared = tmp_path / "shared-obsidian"
    shared.mkdir()
    root = tmp_path / "v"
    root.mkdir()
    (root / ".obsidian").symlink_to(tmp_path / target)
    result = init("init", str(root))
    assert (result.exit_code, result.stderr) == (0, "")
    assert "  created .journal/config.toml\n" in result.stdout
    assert "  kept    .obsidian/types.json: not changed: it is reached through a symlink" in (
        result.stdout
    )
    assert list(shared.iterdir()) == []
    assert not (tmp_path / "missing").exists()


def test_a_file_where_a_folder_belongs_stops_init(tmp_path: Path) -> None:
    (tmp_path / "goals").write_text("mine\n")
    result = init("init", str(tmp_path))
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"{tmp_path / 'goals'}: is a file where a folder belongs; nothing changed\n"
    )
    assert tree(tmp_path) == ["goals"]


def test_os_errors_are_one_clean_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = init("init", str(tmp_path / "file" / "vault"))
    assert result.exit_code == 1
    assert (
        result.stderr == f"{tmp_path / 'file' / 'vault'}: can't create the vault: Not a directory\n"
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_permission_denied_is_a_clean_message(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    result = init("init", str(locked / "vault"))
    assert result.exit_code == 1
    assert "can't create the vault: Permission denied" in result.stderr
    assert "Traceback" not in result.output


def test_a_sample_goal_due_past_8999_is_refused_before_anything_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNAL_TODAY", "8999-12-30")
    result = init("init", str(tmp_path / "v"))
    assert result.exit_code == 1
    assert result.stderr == (
        "journal: the sample goal's due would be 9000-03-30: out of range "
        "(a year from 1000 to 8999)\n"
    )
    assert not (tmp_path / "v").exists()


def test_the_config_is_written_last(tmp_path: Path) -> None:
    """A vault whose sample goal can't be written is not yet 'a journal vault'."""
    root = tmp_path / "v"
    (root / ".journal/templates").mkdir(parents=True)
    (root / ".journal/templates/goal.md.j2").write_text("{{ nothing.here }}\n")
    failed = init("init", str(root))
    assert failed.exit_code == 1
    assert not (root / ".journal/config.toml").exists()
    (root / ".journal/templates/goal.md.j2").unlink()
    again = init("init", str(root))
    assert again.exit_code == 0, again.output
    assert "created .journal/config.toml" in again.stdout
    assert "kept    goals/" in again.stdout


@pytest.mark.parametrize(
    ("args", "env", "made"),
    [
        (["init", "{tmp}/a"], {"JOURNAL_VAULT": "{tmp}/b"}, "a"),
        (["--vault", "{tmp}/a", "init"], {"JOURNAL_VAULT": "{tmp}/b"}, "a"),
        (["init"], {"JOURNAL_VAULT": "{tmp}/b"}, "b"),
        (["--vault", "{tmp}/a", "init", "{tmp}/c"], {}, "c"),
        (["init"], {}, "cwd"),
    ],
)
def test_init_takes_path_then_vault_option_then_environment_then_cwd(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: dict[str, str],
    made: str,
) -> None:
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    for key, value in env.items():
        monkeypatch.setenv(key, value.format(tmp=tmp_path))
    result = init(*(arg.format(tmp=tmp_path) for arg in args))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"vault: {(tmp_path / made).resolve()}\n")
    made_vaults = sorted(p.parent.parent.name for p in tmp_path.glob("*/.journal/config.toml"))
    assert made_vaults == [made]


def test_the_index_init_builds_is_the_one_the_next_command_uses(tmp_path: Path) -> None:
    """The template folder of Obsidian's settings is excluded from init's index too, so
    the next command does not throw that index away ("the excluded folders or notes changed")."""
    root = tmp_path / "obsidian-vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / ".obsidian/templates.json").write_text('{"folder": "Templates"}')
    (root / "Templates").mkdir()
    (root / "Templates/Goal.md").write_text("---\ntype: goal\ntitle: '{{title}}'\n---\n")
    assert init("init", str(root)).exit_code == 0
    listed = init("--vault", str(root), "list")
    assert (listed.exit_code, listed.stderr) == (0, "")
    assert "Templates/" not in listed.stdout


def test_init_refuses_a_path_that_is_not_utf8_and_creates_nothing(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from journal.cli import cli

    root = tmp_path / "v\udcff"
    result = CliRunner().invoke(cli, ["init", str(root)])
    assert result.exit_code == 2  # a usage error, as for a vault given or found so
    assert "the name of a folder on its path is not valid UTF-8" in result.stderr
    assert not root.exists()


def test_init_takes_a_folder_the_vault_has_in_another_case(tmp_path: Path) -> None:
    """Reported: init made `people/` beside the vault's `People/`: two folders in
    Obsidian, and a clash in a copy synced to a file system that ignores case."""
    root = tmp_path / "v"
    (root / "People").mkdir(parents=True)
    (root / "goals").mkdir()
    (root / "Goals2").mkdir()  # not the same name: no match
    result = init("init", str(root))
    assert result.exit_code == 0, result.output
    assert [p for p in tree(root) if "/" not in p] == [
        ".gitattributes",
        ".gitignore",
        ".journal",
        "Goals2",
        "People",
        "daily",
        "goals",
        "meetings",
        "plans",
        "reviews",
    ]
    config = (root / ".journal/config.toml").read_text()
    assert 'contact = "People"\n' in config and 'goal = "goals"\n' in config
    made = init("--vault", str(root), "new", "contact", "Dana Ortiz")
    assert (made.exit_code, made.stdout) == (0, "created People/Dana Ortiz.md\n")


def test_obsidians_daily_folder_is_kept_as_its_settings_spell_it(tmp_path: Path) -> None:
    """Review: `journal/` on disk and `"folder": "Journal"` in Obsidian's settings gave
    `daily = "journal"`, where Obsidian (case-sensitive on Linux) writes to `Journal/`."""
    root = tmp_path / "v"
    (root / ".obsidian").mkdir(parents=True)
    (root / ".obsidian/daily-notes.json").write_text('{"folder": "Journal"}')
    (root / "journal").mkdir()
    assert init("init", str(root)).exit_code == 0
    assert 'daily = "Journal"\n' in (root / ".journal/config.toml").read_text()


def test_the_sample_goal_init_makes_is_told_as_one(tmp_path: Path) -> None:
    """Found in a tryout: the sample goal showed in every plan and review, and nothing
    said it was one to delete."""
    result = init("init", str(tmp_path / "v"))
    assert (
        "  created goals/Hold three informational interviews.md (a sample: delete it once you "
        "have goals of your own)\n"
    ) in result.stdout


def test_init_in_a_vault_of_goals_makes_no_sample_goal(tmp_path: Path) -> None:
    """Found in a tryout: init in an Obsidian vault that had 14 goals added an active
    sample goal, which then showed in every list, review and plan."""
    root = tmp_path / "v"
    (root / "goals").mkdir(parents=True)
    (root / "goals/Mine.md").write_text(goal_text("Mine"))
    result = init("init", str(root))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (root / "goals").iterdir()) == ["Mine.md"]
    assert "  skipped goals/Hold three informational interviews.md: the vault has goals" in (
        result.stdout
    )


def test_init_makes_no_review_folder_when_reviews_go_to_obsidians_weekly_notes(
    tmp_path: Path,
) -> None:
    """Found in a tryout: an empty `reviews/` beside `Weekly/`, where the reviews go."""
    root = tmp_path / "v"
    (root / ".obsidian/plugins/periodic-notes").mkdir(parents=True)
    (root / ".obsidian/community-plugins.json").write_text('["periodic-notes"]')
    (root / ".obsidian/plugins/periodic-notes/data.json").write_text(
        '{"weekly": {"enabled": true, "folder": "Weekly", "format": "gggg-[W]ww"}}'
    )
    result = init("init", str(root))
    assert result.exit_code == 0, result.output
    assert not (root / "reviews").exists()
    assert "  skipped reviews/: reviews go to Obsidian's weekly notes (Weekly/)" in result.stdout
    config = (root / ".journal/config.toml").read_text()
    assert "``" not in config and "# Thresholds and rule selection of `journal check`" in config


def test_init_makes_the_review_folder_when_weekly_notes_have_names_journal_lacks(
    tmp_path: Path,
) -> None:
    """Weekly notes named in a locale journal has no names for are not used: the reviews
    go to reviews/, which init makes and does not call skipped."""
    root = tmp_path / "v"
    (root / ".obsidian/plugins/calendar").mkdir(parents=True)
    (root / ".obsidian/community-plugins.json").write_text('["calendar"]')
    (root / ".obsidian/plugins/calendar/data.json").write_text(
        '{"localeOverride": "tr", "weeklyNoteFolder": "Hafta", "weeklyNoteFormat": "D MMMM YYYY"}'
    )
    result = init("init", str(root))
    assert result.exit_code == 0, result.output
    assert (root / "reviews").is_dir()
    assert "skipped reviews/" not in result.stdout


@pytest.mark.parametrize("how", ["cwd", "--vault", "PATH", "new folder"])
def test_init_refuses_a_folder_inside_a_journal_vault(
    example_vault: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Reported: `cd meetings; journal init` made a vault there, with no word, that took
    the folder over from the vault around it (whose list then showed its sample goal)."""
    before = tree(example_vault)
    inner = example_vault / ("meetings/new" if how == "new folder" else "meetings")
    args = {"cwd": ["init"], "--vault": ["--vault", "meetings", "init"]}.get(how)
    monkeypatch.chdir(example_vault if how == "--vault" else example_vault / "meetings")
    result = init(*(args or ["init", str(inner)]))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"journal: {inner} is a folder inside the vault {example_vault}, which journal's "
        "commands use when run there; for a vault of its own there anyway: journal init "
        f'--nested "{inner}"; nothing changed\n'
    )
    assert tree(example_vault) == before


def test_init_in_a_folder_of_an_obsidian_vault_says_how_to_make_that_vault_journals(
    tmp_path: Path,
) -> None:
    outer = tmp_path / "notes vault"
    (outer / ".obsidian").mkdir(parents=True)
    (outer / "Projects").mkdir()
    result = init("init", str(outer / "Projects"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"journal: {outer / 'Projects'} is a folder inside the vault {outer}; to add "
        f'journal to that vault: journal init "{outer}" (or, for a vault of its own there: '
        f'journal init --nested "{outer / "Projects"}"); nothing changed\n'
    )
    assert tree(outer) == [".obsidian", "Projects"]


def test_init_nested_makes_a_vault_inside_another(example_vault: Path) -> None:
    inner = example_vault / "meetings"
    result = init("init", "--nested", str(inner))
    assert result.exit_code == 0, result.output
    assert (inner / ".journal/config.toml").is_file()
    listed = init("--vault", str(inner), "list")
    assert (listed.exit_code, listed.stderr) == (0, "")  # a vault of its own: no notice
    assert "Hold three informational interviews" in listed.stdout


def test_init_in_an_obsidian_vault_inside_another_is_no_nested_vault(tmp_path: Path) -> None:
    """A folder that is a vault already (`.obsidian/`) is a vault of its own wherever it
    lies, as every command reads it."""
    outer = tmp_path / "outer"
    (outer / ".journal").mkdir(parents=True)
    (outer / "inner/.obsidian").mkdir(parents=True)
    result = init("init", str(outer / "inner"))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("how", ["cwd", "PATH"])
def test_init_refuses_a_folder_that_holds_vaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Reported: `cp -a ../team/ana ../team/ben . && journal init` made a vault around
    both copies, which then listed their goals as one vault's (each sample twice) and
    `check` found 127 problems."""
    team = tmp_path / "t2"
    for name in ("ana", "ben"):
        assert init("init", str(team / name)).exit_code == 0
    (team / "notes/old/.obsidian").mkdir(parents=True)  # two levels down counts too
    before = tree(team)
    monkeypatch.chdir(team if how == "cwd" else tmp_path)
    result = init(*(["init"] if how == "cwd" else ["init", "t2"]))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"journal: {team} is no vault but holds 3: ana, ben and notes/old; a vault made "
        "there would read their notes as its own: cd into one of them, or, for a vault "
        f'around them anyway: journal init --nested "{team}"; nothing changed\n'
    )
    assert tree(team) == before
    made = init("init", "--nested", str(team))
    assert made.exit_code == 0, made.output
    assert (team / ".journal/config.toml").is_file()


TOLD = (
    "  kept    .gitignore (already there; add the line .journal-*.tmp to it: journal's temp "
    "files, there only while it writes)"
)


@pytest.mark.parametrize(
    ("theirs", "said"),
    [
        ("node_modules/\n", TOLD),
        ("/*.tmp\n", TOLD),  # the vault's folder alone: temp files are made beside each note
        ("# mine\n.journal-*.tmp\n", "  kept    .gitignore (already there)"),
        ("*.tmp  \r\n", "  kept    .gitignore (already there)"),
        ("**/.journal-*.tmp\n", "  kept    .gitignore (already there)"),
    ],
)
def test_init_says_a_gitignore_it_keeps_lacks_journals_pattern(
    tmp_path: Path, theirs: str, said: str
) -> None:
    """Reported: init in a vault with a .gitignore of its own said `kept .gitignore (already
    there)` and added nothing; only docs/obsidian.md said to add `.journal-*.tmp`."""
    root = tmp_path / "v"
    root.mkdir()
    (root / ".gitignore").write_bytes(theirs.encode())
    result = init("init", str(root))
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if ".gitignore" in line] == [said]
    assert (root / ".gitignore").read_bytes() == theirs.encode()  # the user's, byte for byte
