"""Finding the vault, its config, which files are notes, and paths kept inside it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from journal.adapters.vault import Vault, find_vault, load_catalog, load_config
from journal.cli import cli
from journal.core.errors import ConfigError, JournalError, NotFound, UnsafeWrite, UsageProblem
from journal.core.settings import Config, key_line
from tests.conftest import Invoke, Write, goal_text, unlistable_folder


def test_explicit_vault_wins(tmp_path: Path) -> None:
    assert find_vault(str(tmp_path), cwd=Path("/")) == tmp_path.resolve()
    with pytest.raises(UsageProblem, match="does not exist"):
        find_vault(str(tmp_path / "missing"), cwd=tmp_path)
    (tmp_path / "a file").write_text("not a vault\n")
    with pytest.raises(UsageProblem, match=r"vault folder '.*a file' is not a folder"):
        find_vault(str(tmp_path / "a file"), cwd=tmp_path)


@pytest.mark.parametrize("marker", [".journal", ".obsidian"])
def test_vault_is_found_by_walking_up(tmp_path: Path, marker: str) -> None:
    (tmp_path / marker).mkdir()
    deep = tmp_path / "goals" / "sub"
    deep.mkdir(parents=True)
    assert find_vault(None, cwd=deep) == tmp_path.resolve()


def test_a_vault_option_or_variable_naming_no_folder_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `--vault` naming a folder that does not exist, or a file, exited 1 (a
    domain error) where `--vault ""` exits 2: each is a bad value given."""
    (tmp_path / "a file").write_text("not a vault\n")
    runner = CliRunner()
    for name, problem in (("missing", "does not exist"), ("a file", "is not a folder")):
        given = str(tmp_path / name)
        told = f"journal: vault folder '{given}' {problem}\n"
        for args in (["--vault", given, "list"], ["check", "--vault", given]):
            result = runner.invoke(cli, args)
            assert (result.exit_code, result.stdout, result.stderr) == (2, "", told), args
        monkeypatch.setenv("JOURNAL_VAULT", given)
        by_variable = runner.invoke(cli, ["status"])
        assert (by_variable.exit_code, by_variable.stderr) == (2, told)
        monkeypatch.delenv("JOURNAL_VAULT")
    monkeypatch.chdir(tmp_path)  # no vault found around the working folder: not found
    assert runner.invoke(cli, ["list"]).exit_code == 1


def test_no_vault_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="--vault PATH or set JOURNAL_VAULT"):
        find_vault(None, cwd=tmp_path)


def test_config_defaults_and_overrides(vault: Path) -> None:
    assert load_config(vault) == Config()
    (vault / ".journal/config.toml").write_text(
        '[folders]\ngoal = "objectives"\n[week]\nstart = "sunday"\n[goals]\nhours_per_week = 8\n'
    )
    config = load_config(vault)
    assert config.folders.goal == "objectives"
    assert config.week_start == 6
    assert config.goals.hours_per_week == 8.0


def test_a_config_saved_with_a_bom_is_read(vault: Path) -> None:
    """Reported: Windows Notepad's BOM made every command stop with `invalid TOML:
    Invalid statement (at line 1, column 1)`, the cause invisible."""
    config = vault / ".journal/config.toml"
    config.write_bytes(b'\xef\xbb\xbf[week]\r\nstart = "sunday"\r\n')
    assert load_config(vault).week_start == 6
    config.write_bytes(b'\xef\xbb\xbf[week]\nstart = "someday"\n')
    with pytest.raises(ConfigError) as info:
        load_config(vault)
    assert info.value.line == 2  # the BOM counts for no line


@pytest.mark.parametrize(
    ("raw", "told"),
    [
        ('[week]\nstart = "sunday"\n'.encode("utf-16"), ":1: the file is UTF-16; save it as UTF-8"),
        (
            "[week]\n# caf\u00e9\n".encode("cp1252"),
            ":2: not valid UTF-8 (byte 0xe9); save as UTF-8",
        ),
    ],
    ids=["utf-16", "cp1252"],
)
def test_a_config_in_a_windows_encoding_is_told_to_be_saved_as_utf8(
    vault: Path, raw: bytes, told: str
) -> None:
    """Reported (tryout): `can't read the config: 'utf-8' codec can't decode byte 0xff in
    position 0: invalid start byte`, Python's words, no line, nothing to do."""
    (vault / ".journal/config.toml").write_bytes(raw)
    with pytest.raises(ConfigError) as info:
        load_config(vault)
    assert str(info.value) == ".journal/config.toml" + told


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[folders]\ngoals = "x"\n', "unknown key 'folders.goals' (did you mean 'goal'?)"),
        ("[wek]\n", "unknown section [wek] (did you mean 'week'?)"),
        (
            '[goals]\nmax_active_goals = "five"\n',
            "'goals.max_active_goals' should be a whole number, not text ('five')",
        ),
        ('[week]\nstart = "someday"\n', "'someday' is not a weekday"),
        ('[folders]\ngoal = "../outside"\n', "must be a folder inside the vault"),
        ("[folders\n", "invalid TOML"),
        (
            '[vault]\nexclude = ["../x"]\n',
            "'vault.exclude' must be a folder or note inside the vault",
        ),
        (
            '[vault]\nexclude = "Archive"\n',
            "'vault.exclude' should be a list, not text ('Archive')",
        ),
        ("[vault]\nexclude = [1]\n", "'vault.exclude' should be a list of folders and notes"),
        ("[vault]\nexclud = []\n", "unknown key 'vault.exclud' (did you mean 'exclude'?)"),
        ("[plan]\ndays = 3\n", "'plan.days' must be between 7 and 366"),  # as --days
        # found by a verifier: "between 0 and 86400" for 0, which is refused
        ("[watch]\nquiet_seconds = 0\n", "'watch.quiet_seconds' must be more than 0 and at"),
        # reported: TOML's nan and inf passed the "0 or more" checks
        ("[goals]\nhours_per_week = nan\n", "'goals.hours_per_week' should be a number, not nan"),
        ("[check]\npace_ratio = inf\n", "'check.pace_ratio' should be a number, not inf"),
        # reported: a name that is one note for every week made each review rewrite it
        ('[review]\nname = "Week {number}"\n', "'review.name' = 'Week {number}' names no one week"),
        ('[review]\nname = "{year}"\n', "names no one week"),
        # reported: the review was reviews/2026-W47.md.md
        ('[review]\nname = "{week}.MD"\n', "'review.name' = '{week}.MD' ends in .md, which"),
        # reported: a goal folder never read: new goal made goals no command found
        ('[vault]\nexclude = ["goals"]\n', "'folders.goal' = 'goals' is a folder journal never"),
        ('[folders]\ngoal = ".hidden"\n', "'folders.goal' = '.hidden' is a folder journal never"),
        ('[folders]\ncontact = "x/node_modules"\n', "'folders.contact' = 'x/node_modules' is"),
    ],
)
def test_bad_config_names_the_key(vault: Path, text: str, message: str) -> None:
    (vault / ".journal/config.toml").write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(vault)
    assert message in str(info.value)
    assert str(info.value).startswith(".journal/config.toml")


@pytest.mark.parametrize(
    ("text", "section", "key", "value"),
    [
        ('[review]\nname = "{year}/Week {number}"\n', "review", "name", "{year}/Week {number}"),
        ('[review]\nname = "{start} to {end}"\n', "review", "name", "{start} to {end}"),
        ('[folders]\ngoal = "."\n', "folders", "goal", ""),  # the vault's own: read
        ('[folders]\nreview = "./Areas//Reviews/"\n', "folders", "review", "Areas/Reviews"),
        ('[obsidian]\nbases = "./Views/."\n', "obsidian", "bases", "Views"),
        (
            '[folders]\ngoal = "Areas/Goals"\n[vault]\nexclude = ["Areas/Goals old"]\n',
            "folders",
            "goal",
            "Areas/Goals",
        ),
    ],
)
def test_good_config_values_near_the_refused_ones_are_read(
    vault: Path, text: str, section: str, key: str, value: str
) -> None:
    (vault / ".journal/config.toml").write_text(text)
    assert getattr(getattr(load_config(vault), section), key) == value


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[vault]\nexclude = []\n\n[goals]\nhours_per_week = ", 5),
        ('[goals]\nhours_per_week = 8\n[vault]\nexclude = ["Archive', 4),
        ('[goals]\nhours_per_week = 8\n\n[vault]\nexclude = """Archive\n\n', 6),
    ],
)
def test_a_toml_error_at_the_end_names_the_last_line(vault: Path, text: str, line: int) -> None:
    """tomllib says "(at end of document)" with no line."""
    (vault / ".journal/config.toml").write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(vault)
    assert (info.value.path, info.value.line) == (".journal/config.toml", line)
    assert str(info.value).startswith(f".journal/config.toml:{line}: invalid TOML: ")


def test_every_config_problem_is_reported_on_its_line(vault: Path) -> None:
    (vault / ".journal/config.toml").write_text(
        '[folders]\ngoal = "goals"\nbogus = 1\nalso_bad = "x"\n\n[week]\nstart = "someday"\n'
        '[wek]\nx = 1\n[goals]\nmax_active_goals = "five"\n'
    )
    result = CliRunner().invoke(cli, ["--vault", str(vault), "list"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        ".journal/config.toml:3: unknown key 'folders.bogus'",
        ".journal/config.toml:4: unknown key 'folders.also_bad'",
        ".journal/config.toml:7: 'week.start': 'someday' is not a weekday (expected one of "
        "monday, tuesday, wednesday, thursday, friday, saturday, sunday)",
        ".journal/config.toml:8: unknown section [wek] (did you mean 'week'?)",
        ".journal/config.toml:11: 'goals.max_active_goals' should be a whole number, "
        "not text ('five')",
    ]


def test_a_toml_syntax_error_has_its_line(vault: Path) -> None:
    (vault / ".journal/config.toml").write_text("[folders]\ngoal = \n")
    with pytest.raises(ConfigError) as info:
        load_config(vault)
    assert info.value.line == 2


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ('[folders]\ngoal = "g"\n', ("folders", "goal"), 2),
        ('[folders] # where\n  "goal" = "g"\n', ("folders", "goal"), 2),
        ('folders.goal = "g"\n', ("folders", "goal"), 1),
        ("[a]\n[wek]\n", ("wek",), 2),
        ("[goals]\nx = 1\n[folders]\nx = 2\n", ("folders", "x"), 4),
        # ambiguous or not findable: no line rather than a wrong one
        ('folders = { goal = "g" }\n', ("folders", "goal"), None),
        ('[folders]\ngoal = """\ngoal = 1\n"""\n', ("folders", "goal"), None),
    ],
)
def test_a_config_key_is_found_on_its_line_or_not_at_all(
    text: str, key: tuple[str, ...], line: int | None
) -> None:
    assert key_line(text, key) == line


def test_listing_skips_hidden_folders_temp_files_and_symlinks(vault: Path) -> None:
    for rel in [
        "a.md",
        "goals/b.md",
        "goals/c.MD",
        ".obsidian/x.md",
        ".git/y.md",
        ".trash/z.md",
        "node_modules/m.md",
        "goals/.#b.md",
        "goals/b.md~",
        "goals/.journal-1.tmp",
        "goals/b.md.swp",
        "goals/4913",
        "goals/b (conflicted copy).md",
        "notes.txt",
    ]:
        path = vault / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    (vault / "linked.md").symlink_to(vault / "a.md")
    (vault / "linkdir").symlink_to(vault / "goals")
    assert Vault.open(vault).note_paths() == [
        "a.md",
        "goals/b (conflicted copy).md",
        "goals/b.md",
        "goals/c.MD",
    ]


def test_a_symlinked_note_or_folder_is_told_not_skipped_silently(
    vault: Path, tmp_path: Path
) -> None:
    """Reported: a symlinked goal note (or `goals/` symlinked in) was left out without a
    word, so `journal list` said "no goals match" and `set` found another goal."""
    outside = tmp_path / "outside"
    (outside / "people").mkdir(parents=True)
    (outside / "linked.md").write_text("---\ntype: goal\n---\n")
    (vault / "goals").mkdir()
    (vault / "goals/linked.md").symlink_to(outside / "linked.md")
    (vault / "people").symlink_to(outside / "people")
    (vault / "Archive").symlink_to(outside / "people")  # excluded: quiet
    (vault / ".shared").symlink_to(outside / "people")  # hidden: quiet
    (vault / "picture.png").symlink_to(outside / "linked.md")  # no note: quiet
    (vault / ".journal").mkdir(exist_ok=True)
    (vault / ".journal/config.toml").write_text('[vault]\nexclude = ["Archive"]\n')
    told: list[tuple[str, str]] = []
    assert Vault.open(vault).note_paths() == []
    list(Vault.open(vault).iter_notes(bad_name=lambda rel, why: told.append((rel, why))))
    assert sorted(rel for rel, _why in told) == ["goals/linked.md", "people"]
    assert all(why.startswith("a symlink: journal does not follow links") for _, why in told)
    result = CliRunner().invoke(cli, ["--vault", str(vault), "list"])
    assert "journal: skipped goals/linked.md: a symlink" in result.stderr
    assert "or list it in [vault] exclude to leave it out quietly" in result.stderr


def test_the_notes_of_excluded_folders_are_listed_by_name_apart(vault: Path) -> None:
    """What links find there (as Obsidian does), by path: not in a hidden or skipped
    folder inside, not a symlink, each once where excluded folders nest, in a scope too."""
    (vault / ".journal/config.toml").write_text(
        '[vault]\nexclude = ["Archive", "Archive/2025", "Meta/T.md", "Gone"]\n'
    )
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian/templates.json").write_text('{"folder": "Templates"}')
    for rel in (
        "Archive/a.md", "Archive/2025/b.md", "Archive/.hidden/c.md", "Archive/node_modules/d.md",
        "Archive/x.png", "Meta/T.md", "Meta/U.md", "Templates/Daily.md", "goals/g.md",
    ):  # fmt: skip
        (vault / rel).parent.mkdir(parents=True, exist_ok=True)
        (vault / rel).write_text("# x\n")
    (vault / "Archive/link.md").symlink_to(vault / "goals/g.md")
    opened = Vault.open(vault)
    assert opened.excluded_notes() == [
        "Archive/2025/b.md", "Archive/a.md", "Meta/T.md", "Templates/Daily.md"
    ]  # fmt: skip
    assert opened.excluded_notes("Archive/2025") == ["Archive/2025/b.md"]
    assert opened.excluded_notes("Archive/2025/b.md") == ["Archive/2025/b.md"]
    assert opened.excluded_notes("Meta") == ["Meta/T.md"]
    assert opened.excluded_notes("goals") == []
    assert opened.note_paths() == ["Meta/U.md", "goals/g.md"]
    assert opened.attachments() == ["Archive/x.png"]


def test_an_exclude_entry_that_names_nothing_is_told(vault: Path) -> None:
    """Reported (tryout): an `exclude` entry in another case (`archive` for `Archive`)
    or with a typo matched nothing, and the notes it meant stayed in every list without a
    word. Each such entry is told once a command, with the name it likely meant."""
    (vault / "Archive").mkdir()
    (vault / "Archive/old.md").write_text("---\ntype: goal\ntitle: Old\n---\n")
    (vault / "goals").mkdir()
    (vault / "goals/Draft.md").write_text("---\ntype: goal\ntitle: Draft\n---\n")
    (vault / ".journal").mkdir(exist_ok=True)
    (vault / ".journal/config.toml").write_text(
        '[vault]\nexclude = ["archive", "goals/draft.md", "Gone", "goals/Draft.md"]\n'
    )
    result = CliRunner().invoke(cli, ["--vault", str(vault), "list", "--json"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "journal: [vault] exclude names 'archive', which is not in the vault "
        "(did you mean 'Archive'?)",
        "journal: [vault] exclude names 'goals/draft.md', which is not in the vault "
        "(did you mean 'goals/Draft.md'?)",
        "journal: [vault] exclude names 'Gone', which is not in the vault",
    ]
    assert [n["path"] for n in json.loads(result.stdout)] == ["Archive/old.md"]
    # found by the listing, or inside a folder it leaves out: nothing to tell
    (vault / ".journal/config.toml").write_text(
        '[vault]\nexclude = ["Archive", "Archive/old.md", "goals/Draft.md"]\n'
    )
    quiet = CliRunner().invoke(cli, ["--vault", str(vault), "list", "--json"])
    assert quiet.exit_code == 0 and "exclude names" not in quiet.stderr, quiet.stderr
    assert "the excluded folders or notes changed" in quiet.stderr  # the index made again


def test_an_excluded_note_is_not_read_and_its_symlink_not_told(vault: Path, tmp_path: Path) -> None:
    """Reported (carried since stop 19): a symlinked note was named on stderr by every
    command, and `[vault] exclude` took folders only, so nothing could quiet it. A note
    listed there is left out as an excluded folder's notes are, symlinked or not."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "shared.md").write_text("---\ntype: goal\n---\n")
    (vault / "goals").mkdir()
    (vault / "goals/shared.md").symlink_to(outside / "shared.md")
    (vault / "goals/draft.md").write_text("---\ntype: goal\ntitle: Draft\n---\n")
    (vault / "goals/kept.md").write_text("---\ntype: goal\ntitle: Kept\n---\n")
    (vault / ".journal").mkdir(exist_ok=True)
    (vault / ".journal/config.toml").write_text(
        '[vault]\nexclude = ["goals/shared.md", "./goals/draft.md"]\n'
    )
    opened = Vault.open(vault)
    told: list[str] = []
    assert [rel for rel, _ in opened.iter_notes(bad_name=lambda rel, why: told.append(rel))] == [
        "goals/kept.md"
    ]
    assert told == []
    assert not opened.reads("goals/draft.md") and opened.reads("goals/kept.md")
    result = CliRunner().invoke(cli, ["--vault", str(vault), "list", "--json"])
    assert result.exit_code == 0, result.output
    assert (result.stderr, [n["path"] for n in json.loads(result.stdout)]) == (
        "",
        ["goals/kept.md"],
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists every folder")
def test_a_folder_that_cant_be_listed_is_told(vault: Path) -> None:
    (vault / "people").mkdir()
    (vault / "people/Dana.md").write_text("# Dana\n")
    (vault / "people").chmod(0)
    try:
        told: list[str] = []
        list(Vault.open(vault).iter_notes(bad_name=lambda rel, why: told.append(f"{rel}: {why}")))
    finally:
        (vault / "people").chmod(0o755)
    assert told == ["people: can't read the folder (Permission denied)"]


def test_a_folder_whose_path_is_too_long_to_list_is_told_and_the_rest_read(
    vault: Path, invoke: Invoke
) -> None:
    """Found in a tryout: a folder whose path passes the system's limit (4,096 bytes on
    Linux; made by descending into it) stopped every command with an internal error,
    and `journal watch` logged an error every second and indexed nothing."""
    (vault / "goals").mkdir(exist_ok=True)
    (vault / "goals/kept.md").write_text("# kept\n")
    unlistable_folder(vault, "goals")
    told: list[str] = []
    found = list(Vault.open(vault).iter_notes(bad_name=lambda rel, why: told.append(why)))
    assert [rel for rel, _entry in found] == ["goals/kept.md"]
    assert told == ["can't read the folder (File name too long)"]
    result = invoke("list", "--type", "all", "--json")
    assert result.exit_code == 0, result.output
    assert [n["path"] for n in json.loads(result.stdout)] == ["goals/kept.md"]
    assert "can't read the folder (File name too long)" in result.stderr


def test_paths_stay_inside_the_vault(vault: Path, tmp_path: Path) -> None:
    v = Vault.open(vault)
    for bad in ["../x.md", "/etc/passwd", "a/../../x.md", ""]:
        with pytest.raises(UnsafeWrite):
            v.disk_path(bad)
    (vault / "out").symlink_to(tmp_path)
    with pytest.raises(UnsafeWrite, match="symlink"):
        v.disk_path("out/x.md")
    assert v.disk_path("goals/x.md") == vault / "goals" / "x.md"


def test_one_bad_note_does_not_stop_the_others(vault: Path) -> None:
    (vault / "good.md").write_text("---\ntype: goal\ntitle: Good\n---\n")
    (vault / "bad.md").write_bytes(b"---\ntype: goal\ntitle: Plan: Q3\n---\n")
    catalog = load_catalog(Vault.open(vault))
    assert [g.title for g in catalog.goals] == ["Good"]
    assert [(d.path, d.line) for d in catalog.diagnostics] == [("bad.md", 3)]


def test_excluded_folders_are_not_listed(vault: Path) -> None:
    for rel in ["a.md", "Templates/t.md", "Archive/2024/x.md", "Archive2/y.md", "Meta/T/z.md"]:
        path = vault / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    (vault / ".journal/config.toml").write_text('[vault]\nexclude = ["Archive/", "./Meta/T"]\n')
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian/templates.json").write_text('{"folder": "Templates"}')
    opened = Vault.open(vault)
    assert opened.excluded == {"Archive", "Meta/T", "Templates"}
    assert opened.note_paths() == ["Archive2/y.md", "a.md"]
    assert opened.ignores("Archive/2024") and opened.ignores("x/.git") and not opened.ignores("")
    assert not opened.ignores("Archive2") and not opened.ignores("Meta")


def test_the_templates_periodic_note_settings_name_are_not_notes(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """Reported: the weekly note's template of Periodic Notes (`"template":
    "Templates/Weekly"`, outside a Templates plugin folder) was read as a note, its
    `week: {{date}}` an error in every `journal check`."""
    placeholder = "---\ntype: goal\nweek: {{date}}\n---\n"
    names = ["Meta/Daily.md", "Meta/Weekly.md", "Meta/W1.md", "Meta/Cal.md", "Meta/Month.md"]
    for name in names:
        write(name, placeholder)
    write("Meta/Real.md", "---\ntitle: A note\n---\n")
    write(".obsidian/daily-notes.json", '{"template": "Meta/Daily"}')
    write(".obsidian/plugins/calendar/data.json", '{"weeklyNoteTemplate": "Meta/Cal.md"}')
    write(
        ".obsidian/plugins/periodic-notes/data.json",
        '{"weekly": {"enabled": true, "template": "./Meta/Weekly"},'
        ' "monthly": {"template": "Meta/Month"},'
        ' "calendarSets": [{"id": "a", "week": {"templatePath": "Meta/W1.md"}}, 7]}',
    )
    assert Vault.open(vault).excluded == set(names)
    assert Vault.open(vault).note_paths() == ["Meta/Real.md"]
    result = invoke("check")
    assert (result.exit_code, "Meta/" in result.stdout) == (0, False), result.stdout


def test_template_settings_in_another_case_find_the_vaults_templates(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """Reported: Templater's `"templates_folder": "templates"` with `Templates/` on disk
    was ignored without a word, and its templates read as notes (`created: '<% tp.date.now
    ... %>' is not a date`); on macOS and Windows Templater finds that folder. A template
    folder or note named in another case than the one on disk is that one, and told."""
    placeholder = "---\ntype: goal\ncreated: <% tp.date.now() %>\n---\n"
    for name in ["Templates/Goal.md", "Meta/Tpl/A.md", "Meta/Daily.md", "Meta/Weekly.md"]:
        write(name, placeholder)
    write("Meta/month.md", "# a\n")
    write("Meta/MONTH.md", "# b\n")  # two notes of that name: neither is guessed
    write(".obsidian/plugins/templater-obsidian/data.json", '{"templates_folder": "templates"}')
    write(".obsidian/templates.json", '{"folder": "meta/TPL"}')
    write(".obsidian/daily-notes.json", '{"template": "Meta/daily"}')
    write(
        ".obsidian/plugins/periodic-notes/data.json",
        '{"weekly": {"template": "Meta/Weekly"}, "monthly": {"template": "Meta/Month"}}',
    )
    result = invoke("list", "--type", "all", "--json")
    assert result.exit_code == 0, result.output
    assert sorted(n["path"] for n in json.loads(result.stdout)) == [
        "Meta/MONTH.md",
        "Meta/month.md",
    ]
    told = "for templates; the vault spells it '{0}': left out as templates, as Obsidian"
    told += " finds it on macOS and Windows (write '{0}' in the plugin's settings for every system)"
    assert result.stderr.splitlines() == [
        "journal: .obsidian/templates.json names 'meta/TPL' " + told.format("Meta/Tpl"),
        "journal: .obsidian/plugins/templater-obsidian/data.json names 'templates' "
        + told.format("Templates"),
        "journal: .obsidian/daily-notes.json names 'Meta/daily.md' " + told.format("Meta/Daily.md"),
    ]
    assert Vault.open(vault).excluded == {
        "Templates",
        "Meta/Tpl",
        "Meta/Daily.md",
        "Meta/Weekly.md",
        "Meta/Month.md",
    }


def test_a_deleted_vault_is_not_made_again(tmp_path: Path) -> None:
    """Reported: `journal watch --regenerate`, regenerating as the vault folder was being
    deleted, made the vault folder again (and its review) with `mkdir -p`."""
    root = tmp_path / "vault"
    (root / ".journal").mkdir(parents=True)
    vault = Vault(root, load_config(root))
    (root / ".journal").rmdir()
    root.rmdir()
    with pytest.raises(JournalError, match="is gone"):
        vault.ensure_parent("reviews/2026-W47.md")
    assert not root.exists()


def test_a_loop_of_symlinks_is_skipped_not_fatal(vault: Path, write: Write) -> None:
    """Reported: `ln -s self.md notes/self.md` made every command fail with ELOOP."""
    write("notes/a.md", "# a\n")
    (vault / "notes/self.md").symlink_to("self.md")
    (vault / "notes/l1").symlink_to("l2")
    (vault / "notes/l2").symlink_to("l1")
    skipped: list[str] = []
    found = [
        rel for rel, _e in Vault.open(vault).iter_notes(bad_name=lambda r, w: skipped.append(r))
    ]
    assert found == ["notes/a.md"] and "notes/self.md" in skipped


def test_what_a_listing_leaves_out_is_told_in_name_order_and_as_what_it_is(
    vault: Path, write: Write
) -> None:
    """Reported: skipped notes were told in the disk's order (`ls -U`), so a command and
    the watcher, or two machines, told them in different orders; a FIFO named `x.md` was
    left out without a word; a symlink to nothing was told to move "the note it links to"
    into the vault."""
    write("notes/a.md", "# a\n")
    for name in "dbefac":
        (vault / f"notes/{name}-gone.md").symlink_to(f"/nonexistent/{name}")
    os.mkfifo(vault / "notes/Pipe.md")
    told: list[tuple[str, str]] = []
    found = [rel for rel, _e in Vault.open(vault).iter_notes(bad_name=lambda *i: told.append(i))]
    assert found == ["notes/a.md"]
    assert [rel for rel, _why in told] == [
        "notes/Pipe.md",
        *(f"notes/{name}-gone.md" for name in "abcdef"),
    ]
    assert told[0][1].startswith("not a regular file (a FIFO, a socket or a device)")
    (vault / "Gone.md").symlink_to("/nonexistent/g")  # listed before notes/ is entered
    early: list[str] = []  # a caller that stops at the first note still hears of it
    listing = Vault.open(vault).iter_notes(bad_name=lambda rel, _why: early.append(rel))
    assert next(listing)[0] == "notes/a.md"
    listing.close()
    assert early[0] == "Gone.md" and early == sorted(early)
    assert told[1][1] == (
        "a symlink to nothing (what it linked to is gone): delete it, or list it in "
        "[vault] exclude to leave it out quietly"
    )


def test_a_symlink_in_a_loop_is_told_as_one_not_as_gone(vault: Path, write: Write) -> None:
    """Reported (tryout): after `ln -s self goals/self.md`, every command said `a symlink
    to nothing (what it linked to is gone)`; one that leads back to itself is a loop."""
    write("goals/a.md", "# a\n")
    (vault / "goals/self.md").symlink_to("self.md")
    (vault / "goals/ping.md").symlink_to("pong.md")  # two that lead to each other
    (vault / "goals/pong.md").symlink_to("ping.md")
    told: list[tuple[str, str]] = []
    found = [rel for rel, _e in Vault.open(vault).iter_notes(bad_name=lambda *i: told.append(i))]
    assert found == ["goals/a.md"]
    loop = (
        "a symlink that leads back to itself (a loop of links): delete it, or list it in "
        "[vault] exclude to leave it out quietly"
    )
    assert told == [(f"goals/{name}.md", loop) for name in ("ping", "pong", "self")]


def test_notes_icloud_has_not_downloaded_are_told_in_one_line(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in a tryout: with "Optimise Mac Storage", iCloud leaves `.Goal.md.icloud` in
    the place of a goal not downloaded, and the goal left every list without a word."""
    write("goals/Kept.md", "---\ntype: goal\ntitle: Kept\n---\n")
    for name in ("goals/.Find a mentor.md.icloud", "daily/.2026-11-20.md.icloud"):
        write(name, "bplist00")
    write("attachments/.photo.png.icloud", "bplist00")  # no note: not told
    result = invoke("list", "--json")
    assert result.exit_code == 0
    assert [g["path"] for g in json.loads(result.stdout)] == ["goals/Kept.md"]
    assert result.stderr == (
        "journal: 2 notes not downloaded from iCloud, so left out (daily/2026-11-20.md, "
        "goals/Find a mentor.md): download them (Finder: Download Now, or Keep Downloaded "
        "on the vault folder)\n"
    )
    review = invoke("review", "--stdout").stdout  # found by the verifier: said nowhere in it
    assert (
        "- Not downloaded from iCloud, so left out of this review: daily/2026-11-20.md, "
        "goals/Find a mentor.md\n"
    ) in review.split("## Needs attention")[1]


def test_notes_notepad_saved_as_txt_are_told_in_one_line(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: Notepad saves `Notepad goal.md` as `Notepad goal.md.txt` (its "Text
    Documents" type), and the goal was in no list, check or status, without a word."""
    write("goals/Kept.md", "---\ntype: goal\ntitle: Kept\n---\n")
    write("goals/Notepad goal.md.txt", "---\ntype: goal\ntitle: Notepad goal\n---\n")
    write("notes/Ideas.MD.TXT", "# Ideas\n")
    write("notes/readme.txt", "plain text\n")  # no note's name: not told
    write("notes/.hidden.md.txt", "x\n")  # hidden: not told
    result = invoke("list", "--json")
    assert result.exit_code == 0
    assert [g["path"] for g in json.loads(result.stdout)] == ["goals/Kept.md"]
    assert result.stderr == (
        "journal: 2 notes saved by Notepad as .txt, so left out (goals/Notepad goal.md.txt, "
        "notes/Ideas.MD.TXT): rename them to end in .md\n"
    )
    (vault / "goals/Notepad goal.md.txt").rename(vault / "goals/Notepad goal.md")
    (vault / "notes/Ideas.MD.TXT").rename(vault / "notes/Ideas.md")
    again = invoke("list", "--json")
    assert again.stderr == "" and len(json.loads(again.stdout)) == 2


def test_notes_saved_under_another_ending_than_md_are_told_in_one_line(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: goals saved as `Longext.markdown`, `Space.md ` (a space after the name)
    and `Txt.txt` were in no list, check or status, without a word; `Upper.MD` is read."""
    goal = "---\ntype: goal\ntitle: {}\n---\n"
    write("goals/Kept.md", goal.format("Kept"))
    write("goals/Upper.MD", goal.format("Upper"))
    write("goals/Longext.markdown", goal.format("Longext"))
    write("goals/Space.md ", goal.format("Space"))
    write("goals/Txt.txt", "\ufeff---\ntitle: Txt\ntype: goal\n---\n")  # a BOM: Notepad
    write("notes/Notes.MARKDOWN", "# Notes\n")
    write("notes/readme.txt", "plain text\n")  # no front matter: not told
    write("notes/export.txt", "---\ntitle: x\n---\ntype: goal\n")  # no type in it
    write("notes/.hidden.markdown", "x\n")  # hidden: not told
    write("goals/Notepad.md.txt", goal.format("Notepad"))
    result = invoke("list", "--json")
    assert result.exit_code == 0
    assert [g["path"] for g in json.loads(result.stdout)] == ["goals/Kept.md", "goals/Upper.MD"]
    assert result.stderr == (
        "journal: 1 note saved by Notepad as .txt, so left out (goals/Notepad.md.txt): "
        "rename it to end in .md\n"
        "journal: 4 notes not ending in .md, so left out (goals/Longext.markdown, "
        "'goals/Space.md ', goals/Txt.txt, ...): rename them to end in .md\n"
    )
    for name in ("goals/Longext.markdown", "goals/Space.md ", "goals/Txt.txt"):
        (vault / name).rename(vault / (name.rstrip().rpartition(".")[0] + ".md"))
    (vault / "notes/Notes.MARKDOWN").unlink()
    (vault / "goals/Notepad.md.txt").unlink()
    again = invoke("list", "--json")
    assert again.stderr == "" and len(json.loads(again.stdout)) == 5


def test_a_note_named_with_a_dot_after_md_is_told_as_not_ending_in_md(
    invoke: Invoke, write: Write
) -> None:
    """Found in an audit: `Goal.md.` (a dot after the name, which Linux and macOS allow
    and Windows and OneDrive strip or refuse) was in no list, without a word, while
    `Goal.md ` was told."""
    write("goals/Dot.md.", "---\ntype: goal\ntitle: Dot\n---\n")
    write("goals/Both.md. ", "---\ntype: goal\ntitle: Both\n---\n")
    result = invoke("list", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert result.stderr == (
        "journal: 2 notes not ending in .md, so left out ('goals/Both.md. ', 'goals/Dot.md.'): "
        "rename them to end in .md\n"
    )


def test_no_note_is_made_where_icloud_keeps_one_not_downloaded(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in a tryout: with `reviews/.2026-W47.md.icloud` there, `journal review`
    created a second review at its path (and `new goal`, `new contact` theirs), which
    stands beside the user's once iCloud downloads it."""
    write("goals/a.md", "---\ntype: goal\ntitle: A\nmetric: x\ntarget: 2\n---\n")
    write("reviews/.2026-W47.md.icloud", "bplist00")
    write("people/.Dana Ortiz.md.icloud", "bplist00")
    result = invoke("review")
    assert result.exit_code == 1 and not (vault / "reviews/2026-W47.md").exists()
    assert (
        "reviews/2026-W47.md: not written: the note at this path is in iCloud, not downloaded "
        "(.2026-W47.md.icloud is in its place): download it first (Finder: Download Now)"
    ) in result.stderr
    made = invoke("new", "contact", "Dana Ortiz")
    assert made.exit_code == 1 and not (vault / "people/Dana Ortiz.md").exists()


def test_a_stale_icloud_placeholder_beside_its_note_is_not_told(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in a tryout: iCloud may leave `.Goal.md.icloud` behind once `Goal.md` is
    downloaded; `list`, `set` and the review told the goal as left out while showing it."""
    write("goals/Kept.md", "---\ntype: goal\ntitle: Kept\n---\n")
    write("goals/.Kept.md.icloud", "bplist00")
    listed = invoke("list", "--json")
    assert [g["path"] for g in json.loads(listed.stdout)] == ["goals/Kept.md"]
    assert listed.stderr == ""
    assert "iCloud" not in invoke("review", "--stdout").stdout
    changed = invoke("set", "Kept", "why=test")
    assert changed.exit_code == 0 and "iCloud" not in changed.stderr


def test_a_vault_inside_the_vault_is_named_on_stderr(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """Reported: a report's vault copied into `reports/ana` was read as part of the lead's
    vault (its goals listed as the lead's, the index counting them) with no word."""
    write("goals/mine.md", goal_text("Mine"))
    write("reports/ana/goals/hers.md", goal_text("Hers"))
    (vault / "reports/ana/.journal").mkdir()
    (vault / "reports/ana/.obsidian").mkdir()  # both markers: one vault, told once
    (vault / "old/x/.obsidian").mkdir(parents=True)
    (vault / "Archive/.journal").mkdir(parents=True)
    (vault / ".journal/config.toml").write_text('[vault]\nexclude = ["Archive"]\n')
    result = invoke("list")
    assert result.exit_code == 0
    assert "Hers" in result.stdout  # still read, as the vault's own notes
    assert result.stderr == "".join(
        f"journal: {rel} is a vault of its own (it holds {marker}/), read as a folder of "
        "this one: its notes count as this vault's too; move it out of the vault, or list "
        "it in [vault] exclude to leave it out\n"
        for rel, marker in (("old/x", ".obsidian"), ("reports/ana", ".journal"))
    )
