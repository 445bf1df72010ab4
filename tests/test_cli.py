"""The first commands end to end through click: init, new goal, list, show, set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from journal.cli import cli
from tests.conftest import DATA, Invoke, Write, goal_text


def test_init_creates_a_working_vault_and_refuses_to_run_twice(tmp_path: Path) -> None:
    runner = CliRunner()
    root = tmp_path / "career"
    result = runner.invoke(cli, ["init", str(root)])
    assert result.exit_code == 0, result.output
    assert (root / ".journal/config.toml").is_file()
    assert (root / ".gitignore").read_text().endswith(".journal-*.tmp\n")
    sample = root / "goals/Hold three informational interviews.md"
    assert sample.read_text().startswith(
        "---\ntype: goal\nid: hold-three-informational-interviews\n"
    )
    listed = runner.invoke(cli, ["--vault", str(root), "list", "--json"])
    assert [r["title"] for r in json.loads(listed.stdout)] == [
        "Hold three informational interviews"
    ]
    before = sample.read_bytes()
    again = runner.invoke(cli, ["init", str(root)])
    assert again.exit_code == 1
    assert again.stderr == (  # a tryout: "…/.journal/config.toml: is already a journal vault"
        f"journal: {root} is already a journal vault (.journal/config.toml is there); "
        "nothing changed\n"
    )
    assert sample.read_bytes() == before


def test_init_in_an_obsidian_vault_keeps_what_is_there(tmp_path: Path) -> None:
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / "goals").mkdir()
    (tmp_path / ".gitignore").write_text("workspace.json\n")
    result = CliRunner().invoke(cli, ["init", str(tmp_path)])
    assert result.exit_code == 0
    assert "kept    goals/" in result.stdout and "kept    .gitignore" in result.stdout
    assert (tmp_path / ".gitignore").read_text() == "workspace.json\n"


def test_new_goal_builds_front_matter_as_data(invoke: Invoke, vault: Path, write: Write) -> None:
    write("goals/Outcome.md", goal_text("Outcome"))
    write("notes/Become an HR Business Partner.md", "---\naliases: [Become an HRBP]\n---\n")
    title = "Plan: Q3 #1 [draft]\ninjected: key"
    result = invoke(
        "new",
        "goal",
        title,
        "--target",
        "5",
        "--due",
        "2026-12-31",
        "--supports",
        "[[Become an HRBP]]",
        "--kind",
        "activity",
        "--feeds",
        "Outcome",
    )
    assert result.exit_code == 0, result.stderr
    path = vault / "goals/Plan Q3 1 draft injected key.md"
    text = path.read_text()
    assert '\ntitle: "Plan: Q3 #1 [draft] injected: key"\n' in text  # one line, quoted
    assert "\ninjected:" not in text and "\n# Plan: Q3 \\#1 \\[draft] injected: key\n" in text
    shown = json.loads(invoke("show", "plan-q3-1-draft-injected-key", "--json").stdout)
    assert shown["title"] == "Plan: Q3 #1 [draft] injected: key"
    assert shown["target"] == 5 and shown["due"] == "2026-12-31"
    # the alias is found and the link Obsidian resolves, the file name, written
    assert shown["supports"] == ["[[Become an HR Business Partner]]"]
    assert shown["feeds"] == ["[[Outcome]]"]
    assert shown["kind"] == "activity" and shown["status"] == "active"
    missing = invoke("new", "goal", "Other", "--supports", "Nowhere land")
    assert missing.exit_code == 1 and not (vault / "goals/Other.md").exists()
    assert "--supports: no note called 'Nowhere land'; create that note first" in missing.stderr
    # reported: a due day before today was taken, and check then found T007 at once
    past = invoke("new", "goal", "Past", "--due", "2026-11-21")
    assert past.exit_code == 2 and not (vault / "goals/Past.md").exists()
    assert "--due 2026-11-21 is before today, when the goal starts" in past.stderr
    assert invoke("new", "goal", "Today", "--due", "2026-11-22").exit_code == 0
    # reported: a goal named like a conflict copy was "created", then left out by all
    for title in ("Budget (Conflict)", "x.sync-conflict-20261121-101010-ABCDEFG"):
        copy = invoke("new", "goal", title)
        assert copy.exit_code == 2 and "named like a sync client's conflict copy" in copy.stderr
    assert not list((vault / "goals").glob("*onflict*"))
    # reported: "conflict copy" in a title hid the goal from every command, silently
    guide = invoke("new", "goal", "Write a guide to fixing a conflict copy")
    assert guide.exit_code == 0, guide.stderr
    listed = json.loads(invoke("list", "--json").stdout)
    assert "goals/Write a guide to fixing a conflict copy.md" in {g["path"] for g in listed}
    tilde = invoke("new", "goal", "~tilde")  # a leading ~ goes, as a leading dot does
    assert tilde.stdout == "created goals/tilde.md (id: tilde)\n"
    assert invoke("show", "tilde").exit_code == 0
    # reported: a long title's id lost its last words without a word said
    long = invoke("new", "goal", "Mener 12 entretiens annuels d\u2019évaluation : équipe RH")
    assert long.stdout == (
        "created goals/Mener 12 entretiens annuels d\u2019évaluation équipe RH.md "
        "(id: mener-12-entretiens-annuels-d-evaluation-equipe, the title's words cut at "
        "48 characters)\n"
    )


def test_new_goal_tells_of_check_ins_that_already_name_it(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """A migrating user's: a new goal took in two old `progress::` lines naming it, from
    before its start, and was done the moment it was made, without a word."""
    write("daily/2026-11-10.md", "progress:: [[Land an HRBP role]] +1 applied\n")
    write("meetings/2026-11-20 Coffee.md", "[progress:: [[Land an HRBP role]] +1]\n")
    write("daily/2026-11-21.md", "progress:: [[Land an HRBP role]] a note, no value\n")
    write("daily/2026-11-22.md", "progress:: [[Land an HRBP role]] +1 today counts\n")
    write("daily/2026-11-12.md", "progress:: [[Other/Land an HRBP role]] +1 another note\n")
    result = invoke("new", "goal", "Land an HRBP role", "--target", "3")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "journal: goals/Land an HRBP role.md: 2 check-ins in other notes already name it "
        "(2026-11-10, 2026-11-20), before its start 2026-11-22: they count toward its "
        f"value all the same (T011 in journal --vault {vault} check); if they are progress on "
        f'it, move its start back (journal --vault {vault} set "land-an-hrbp-role" '
        "start=2026-11-10), else change their links or dates\n"
    )
    assert invoke("new", "goal", "Swim").stderr == ""


def test_new_goal_named_as_a_plain_note_says_to_make_that_note_the_goal(
    invoke: Invoke, vault: Path, write: Write
) -> None:
    """A migrating user's: for a plain note of that name, the advice was only another title."""
    write("goals/Run a half marathon.md", "# Run a half marathon\n\nTraining notes.\n")
    result = invoke("new", "goal", "Run a half marathon")
    assert result.exit_code == 1
    assert result.stderr == (
        "goals/Run a half marathon.md: a note with this name already exists; not overwritten: "
        "to make that note the goal, add `type: goal` to its front matter (see docs/guide.md, "
        "Notes you already have), or give the goal another title\n"
    )
    write("goals/Swim.md", goal_text("Swim"))
    assert invoke("new", "goal", "Swim").stderr.endswith(": give the goal another title\n")


def test_new_goal_feeds_writes_an_activity_goal_that_check_finds_paired(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """An activity goal made as `journal check` asks still got R001 and S002."""
    write("goals/Become an HR Business Partner.md", goal_text("Become an HR Business Partner"))
    args = ("--metric", "meetings attended", "--unit", "meetings", "--target", "6")
    args += ("--due", "2026-12-31")
    result = invoke("new", "goal", "Attend two SHRM chapter meetings", *args, "--feeds", "HR Bus")
    assert result.exit_code == 0, result.stderr
    text = (vault / "goals/Attend two SHRM chapter meetings.md").read_text()
    assert "\nkind: activity\n" in text
    assert '\nfeeds:\n  - "[[Become an HR Business Partner]]"\n' in text
    check = json.loads(invoke("check", "--json", "Attend two SHRM").stdout)
    assert {f["rule"] for f in check} & {"R001", "S002", "O001", "H001"} == set()
    wrong = invoke("new", "goal", "Attend more", "--kind", "outcome", "--feeds", "HR Business")
    assert (wrong.exit_code, wrong.stderr) == (
        2,
        "journal: feeds names the outcome goal an activity goal feeds, and this goal would "
        "be kind: outcome; use --kind activity, or drop --feeds\n",
    )
    missing = invoke("new", "goal", "Attend more", "--feeds", "Land a job")
    assert missing.exit_code == 1
    assert missing.stderr.startswith("journal: --feeds: no goal called 'Land a job'")
    assert missing.stderr.endswith("; create the outcome goal first\n")
    assert not (vault / "goals/Attend more.md").exists()


def test_feeds_to_an_activity_goal_is_warned_at_once(invoke: Invoke, vault: Path) -> None:
    """Reported: `new goal --feeds "Post 10 times"` linked an activity goal with no word;
    `journal check` then said O001.  `new goal` and `set` say so on stderr."""
    posts = ("--kind", "activity", "--metric", "posts", "--target", "10")
    assert invoke("new", "goal", "Post 10 times", *posts).exit_code == 0
    fed = invoke("new", "goal", "Attend two SHRM meetings", "--feeds", "Post 10 times")
    assert fed.exit_code == 0, fed.stderr
    assert fed.stderr == (
        "goals/Attend two SHRM meetings.md: warning: feeds only [[Post 10 times]], which is "
        "not an outcome goal (O001): link the outcome goal whose result its work is for\n"
    )
    check = json.loads(invoke("check", "--json", "--select", "O001").stdout)
    assert {f["path"] for f in check} >= {"goals/Attend two SHRM meetings.md"}
    invoke("new", "goal", "Attend three meetups", "--kind", "activity")
    again = invoke("set", "Attend three meetups", "feeds=[[Post 10 times]]")
    assert again.exit_code == 0, again.stderr
    assert "warning: feeds only [[Post 10 times]], which is not an outcome goal" in again.stderr
    invoke("new", "goal", "Land an HRBP role", "--kind", "outcome")
    paired = invoke("set", "Attend three meetups", "feeds=[[Land an HRBP role]]")
    assert (paired.exit_code, paired.stderr) == (0, "")


def test_new_goal_leaves_the_kind_to_the_check_unless_told(invoke: Invoke, vault: Path) -> None:
    """Reported: `new goal` wrote `kind: outcome` when no `--kind` was given, and an
    explicit kind decides, so O001 never named an activity metric of a goal it made."""
    args = ("--metric", "events attended", "--target", "3", "--due", "2027-03-31")
    assert invoke("new", "goal", "Attend 3 events", *args).exit_code == 0
    assert invoke("new", "goal", "Attend 4 events", *args, "--kind", "outcome").exit_code == 0
    assert "\nkind:\n" in (vault / "goals/Attend 3 events.md").read_text()
    assert "\nkind: outcome\n" in (vault / "goals/Attend 4 events.md").read_text()
    found = json.loads(invoke("check", "--json").stdout)
    assert sorted((f["path"], f["rule"]) for f in found if f["rule"] == "O001") == [
        ("goals/Attend 3 events.md", "O001")
    ]
    # reported: shown as an outcome while the check and the plan took it for an activity
    assert json.loads(invoke("show", "Attend 3", "--json").stdout)["kind"] == "activity"
    assert json.loads(invoke("show", "Attend 4", "--json").stdout)["kind"] == "outcome"


def test_new_goal_refuses_the_title_of_a_goal_under_another_file_name(
    invoke: Invoke, vault: Path, write: Write
) -> None:
    """Found in a migration tryout: a Notion export's `Get SHRM-CP certified 3f9a....md`,
    titled so, got a second goal `Get SHRM-CP certified.md`; `show` then matched 2 notes
    and a daily note's `[[Get SHRM-CP certified]]` counted for the new, empty one."""
    notion = "goals/Get SHRM-CP certified 3f9a2b1c0d4e4f5a8b7c6d5e4f3a2b1c.md"
    write(notion, "---\ntype: goal\ntitle: Get SHRM-CP certified\ntarget: 4\n---\n")
    result = invoke("new", "goal", "get shrm-cp certified", "--target", "4")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{notion}: a goal already goes by this name (its title, file name or an alias): "
        "give the goal another title\n"
    )
    write("goals/imported/Swim 3f9a.md", "---\ntype: goal\naliases: [Swim]\n---\n")
    assert invoke("new", "goal", "Swim").stderr == (
        "goals/imported/Swim 3f9a.md: a goal already goes by this name (its title, file name "
        "or an alias): give the goal another title\n"
    )
    assert sorted(p.name for p in (vault / "goals").iterdir()) == [notion[6:], "imported"]
    assert invoke("new", "goal", "Get SHRM-CP").exit_code == 0  # a part of a title is none


def test_new_goal_never_overwrites_even_by_case(invoke: Invoke, vault: Path, write: Write) -> None:
    write("goals/network MORE.md", "mine\n")
    result = invoke("new", "goal", "Network more")
    assert result.exit_code == 1
    assert "already exists" in result.stderr
    assert (vault / "goals/network MORE.md").read_text() == "mine\n"
    assert sorted(p.name for p in (vault / "goals").iterdir()) == ["network MORE.md"]


@pytest.mark.parametrize(
    ("folder", "args"),
    [
        ("goals/Network more.md", ("goal", "Network more")),
        ("people/Dana Ortiz.md", ("contact", "Dana Ortiz")),
    ],
)
def test_a_folder_named_as_the_new_note_is_told_as_a_folder(
    invoke: Invoke, vault: Path, folder: str, args: tuple[str, str]
) -> None:
    """Found in an audit: a folder `people/Dana Ortiz.md` was "a note with this name
    already exists ... if it is the person's note, give it `type: contact`"."""
    (vault / folder).mkdir(parents=True)
    result = invoke("new", *args)
    assert result.exit_code == 1
    assert result.stderr == (
        f"{folder}: a folder has the name of this note, so no note is written there: rename "
        "the folder, or give the note another name\n"
    )
    assert (vault / folder).is_dir() and not any((vault / folder).iterdir())


def test_new_goal_rejects_bad_values_as_usage_errors(invoke: Invoke, vault: Path) -> None:
    result = invoke("new", "goal", "X", "--due", "2026-02-30")
    assert result.exit_code == 2
    assert "not a real date" in result.stderr
    assert not (vault / "goals").exists()


def test_a_decimal_comma_says_how_to_write_it_wherever_it_is_typed(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in a tryout: a log line's `+1,5` said "write +1.5", while `baseline: 2,5`,
    `--target 12,5` and `target=10,5` said only "should be a number, not '2,5'"."""
    made = invoke("new", "goal", "X", "--target", "12,5")
    assert made.exit_code == 2
    assert "target should be a number; write a decimal with a point: 12.5, not '12,5'" in (
        made.stderr
    )
    assert not (vault / "goals").exists()
    path = write("goals/hr.md", goal_text(baseline="2,5"))
    before = path.read_bytes()
    check = json.loads(invoke("check", "--json", "--select", "H005").stdout)
    assert [(f["line"], f["message"]) for f in check] == [
        (8, "baseline should be a number; write a decimal with a point: 2.5, not '2,5'")
    ]
    told = invoke("set", "Connect", "target=10,5")
    assert told.exit_code == 2
    assert "target should be a number; write a decimal with a point: 10.5, not '10,5'" in (
        told.stderr
    )
    assert path.read_bytes() == before


def test_list_json_records_are_typed_and_filtered(invoke: Invoke, write: Write) -> None:
    write("goals/a.md", goal_text("Alpha", status="active", area="networking", due="2026-12-01"))
    write("goals/b.md", goal_text("Beta", status="done", area="skills", due="2027-03-01"))
    write("people/dana.md", "---\ntype: contact\ntitle: Dana\n---\n")
    records = json.loads(invoke("list", "--json").stdout)
    assert [r["title"] for r in records] == ["Alpha", "Beta"]
    alpha = records[0]
    for key in (
        "id",
        "path",
        "type",
        "title",
        "status",
        "outcome",
        "metric",
        "unit",
        "baseline",
        "target",
        "current",
        "effort",
        "supports",
        "why",
        "due",
        "milestones",
        "kind",
    ):
        assert key in alpha
    assert alpha["path"] == "goals/a.md" and alpha["current"] == 2 and alpha["progress"] == 0.4
    assert [
        r["title"] for r in json.loads(invoke("list", "--status", "done", "--json").stdout)
    ] == ["Beta"]
    assert [
        r["title"] for r in json.loads(invoke("list", "--area", "NETWORKING", "--json").stdout)
    ] == ["Alpha"]
    due = json.loads(invoke("list", "--due-before", "2027-01-01", "--json").stdout)
    assert [r["title"] for r in due] == ["Alpha"]
    contacts = json.loads(invoke("list", "--type", "contact", "--json").stdout)
    assert [(r["type"], r["title"]) for r in contacts] == [("contact", "Dana")]


def test_filters_compare_the_typed_text_in_any_unicode_form_and_case(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported (tryout): `area: Réseau` written decomposed (NFD, as macOS may) was not
    listed by `--area Réseau` typed composed, nor the reverse; names, links and search
    already compared both alike.  `--status` of other notes and `done --milestone` too."""
    composed, decomposed = "R\u00e9seau", "Re\u0301seau"
    write("goals/a.md", goal_text("Alpha", area=decomposed))
    write("goals/b.md", goal_text("Beta", area=composed))
    write("goals/c.md", goal_text("Gamma", area="Autre"))
    for typed in (composed, decomposed, "RÉSEAU"):
        listed = json.loads(invoke("list", "--area", typed, "--json").stdout)
        assert [r["title"] for r in listed] == ["Alpha", "Beta"], typed
    write("notes/n.md", f"---\nstatus: Termine\u0301\narea: {decomposed}\n---\n")
    notes = invoke(
        "list", "--type", "note", "--status", "TERMIN\u00c9", "--area", composed, "--json"
    )
    assert [r["path"] for r in json.loads(notes.stdout)] == ["notes/n.md"]
    milestones = '[{title: "\u00c9tape 1\u00a0: finir"}, {title: "Etape 2"}]'
    write("goals/d.md", goal_text("Delta", milestones=milestones))
    done = invoke("done", "delta", "--milestone", "E\u0301TAPE 1 : FINIR", "--json")
    assert done.exit_code == 0, done.stderr
    assert json.loads(done.stdout)["key"] == "milestones[1] \u00c9tape 1\u00a0: finir"


def test_list_reports_bad_files_and_goes_on(invoke: Invoke, write: Write) -> None:
    write("goals/good.md", goal_text("Good"))
    write("goals/bad.md", "---\ntype: goal\ntitle: Plan: Q3\n---\n")
    result = invoke("list")
    assert result.exit_code == 0
    assert "Good" in result.stdout
    assert (
        result.stderr
        == "goals/bad.md:3: invalid front matter: a ':' inside a value; put the value in quotes\n"
    )


def test_list_keeps_its_columns_lined_up_whatever_their_widths(
    invoke: Invoke, write: Write
) -> None:
    """Reported: `1150%  2024-08-15 (829d overdue)   Goal 9` slipped past the columns."""
    write("goals/a.md", goal_text("Alpha", target=10, current=115, due="2024-08-15"))
    write("goals/b.md", goal_text("Beta", due="2026-12-31"))
    write("goals/c.md", goal_text("Gamma", due="1999-01-01", current=0))
    lines = invoke("list").stdout.splitlines()
    assert lines[0].startswith("active  ██████████ 1150%  2024-08-15 (829d overdue) ")
    assert lines[1].startswith("active  ████░░░░░░   40%  2026-12-31 (39d left) ")
    titles = zip(lines, ("Alpha", "Beta", "Gamma"), strict=True)
    assert {line.index(title) for line, title in titles} == {
        len("active  ██████████ 1150%  1999-01-01 (10187d overdue)  ")
    }


def test_list_tells_apart_goals_that_share_a_title_by_their_files(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported (tryout): with OneDrive's and a German sync client's copies beside
    `Network more.md`, `list` showed three identical "Network more" rows."""
    goal = goal_text("Network more")
    for name in ("Network more", "Network more-CORP-LAPTOP", "Network more (Kopie in Konflikt)"):
        write(f"goals/{name}.md", goal)
    write("goals/other.md", goal_text("Other"))
    titles = [line.split("(39d left)")[1].strip() for line in invoke("list").stdout.splitlines()]
    assert titles == [
        "Network more (goals/Network more (Kopie in Konflikt).md)",
        "Network more (goals/Network more-CORP-LAPTOP.md)",
        "Network more (goals/Network more.md)",
        "Other",  # a title of its own: no file named
    ]
    monkeypatch.setenv("COLUMNS", "300")  # no title cut
    status = invoke("status").stdout
    assert "  Network more (goals/Network more-CORP-LAPTOP.md)          2/5" in status
    assert "  Other                                                     2/5" in status


def test_status_keeps_its_columns_lined_up_whatever_the_percentage(
    invoke: Invoke, write: Write
) -> None:
    """Found by a verifier: a goal at 1150% put its row one column right in `status`."""
    write("goals/a.md", goal_text("Alpha", target=10, current=115, due="2027-08-15"))
    write("goals/b.md", goal_text("Beta", due="2027-12-31"))
    lines = [line for line in invoke("status").stdout.splitlines() if "██" in line]
    assert len(lines) == 2
    assert lines[0].index("Alpha") == lines[1].index("Beta")
    assert " 1150%  " in lines[0] and "   40%  " in lines[1]


def test_status_says_where_a_goals_progress_counts_from_when_not_0(
    invoke: Invoke, write: Write
) -> None:
    """Found in a tryout: a course from 40% to 100% at 70 read `50%  ...  70/100 %`, two
    numbers that disagree unless one knows it began at 40, as the review says."""
    course = {"unit": '"%"', "baseline": 40, "target": 100, "current": 70, "due": "2027-08-15"}
    write("goals/a.md", goal_text("Tableau", **course))
    write("goals/b.md", goal_text("Beta", due="2027-12-31"))
    [tableau, beta] = [line for line in invoke("status").stdout.splitlines() if "█" in line]
    assert " 50%  " in tableau and tableau.endswith("Tableau  70/100 % (from 40)")
    assert beta.endswith("Beta     2/5 conversations")  # from 0: said by no one
    assert "Tableau: 50%, 70 of 100 % (from 40), " in invoke("--plain", "status").stdout
    assert "Tableau: active, 50%, 70 of 100 % (from 40), " in invoke("--plain", "list").stdout
    goals = json.loads(invoke("status", "--json").stdout)["goals"]
    [record] = [g for g in goals if g["title"] == "Tableau"]
    assert record["base"] == 40


def test_a_folder_inside_a_vault_is_read_with_a_notice(
    invoke: Invoke, vault: Path, write: Write, tmp_path: Path
) -> None:
    """Reported: `--vault goals` (or `.journal`) inside a vault ran quietly with other
    numbers, leaving out the meetings and notes around it."""
    write("goals/a.md", goal_text("Alpha"))
    inside = invoke("list", "--json", root=vault / "goals")
    assert inside.exit_code == 0
    assert inside.stderr == (
        f"journal: {vault}/goals is a folder inside the vault {vault}, read as a vault of its "
        f'own: its numbers leave out the rest (pass --vault "{vault}" for the whole vault)\n'
    )
    assert invoke("list", "--json").stderr == ""  # the vault itself
    spaced = tmp_path / "my vault"  # a tryout: the path to paste was not quoted
    (spaced / "goals").mkdir(parents=True)
    (spaced / ".journal").mkdir()
    assert invoke("list", root=spaced / "goals").stderr.endswith(
        f'(pass --vault "{spaced}" for the whole vault)\njournal: no goals match\n'
    )
    alone = tmp_path / "notes"
    alone.mkdir()
    no_notice = "journal: no goals match\n"  # and no notice: a folder in no vault is its own
    assert invoke("list", root=alone).stderr == no_notice


def test_show_names_the_goal_fed_and_the_day_a_goal_was_completed(
    invoke: Invoke, example_vault: Path
) -> None:
    """Reported: `show` never showed an activity goal's `feeds:` nor a done goal's
    `completed` (its --json has both)."""
    fed = "[[Two informational interviews that lead to insight into an HRBP role]]"
    activity = invoke("show", "attend-two-hr-events", root=example_vault).stdout
    assert f"\n  feeds: {fed}\n  due: 2026-12-31 (39d left)   start: 2026-10-01\n" in activity
    assert "completed" not in activity
    done = invoke("show", "find-a-mentor", root=example_vault).stdout
    assert "\n  due: 2026-12-31   start: 2026-09-01   completed: 2026-11-19\n" in done
    assert "feeds" not in done
    record = json.loads(invoke("show", "find-a-mentor", "--json", root=example_vault).stdout)
    assert (record["completed"], record["feeds"]) == ("2026-11-19", [])


def test_show_tells_a_markdown_link_in_supports_without_wrapping_it_in_brackets(
    invoke: Invoke, write: Write
) -> None:
    """Reported (tryout): `supports: "[Be healthy](Areas/Be%20healthy.md)"` showed as
    `relevant: [[[Be healthy](Areas/Be%20healthy.md)]]`."""
    write("Areas/Be healthy.md", "# Be healthy\n")
    linked = "[Be healthy](Areas/Be%20healthy.md)"
    write("goals/a.md", goal_text("Alpha", supports=f'"{linked}"', why="Energy."))
    text = invoke("show", "alpha").stdout
    assert "[[[" not in text and "\n  relevant: Energy.\n" in text
    assert f"  ! line 12: supports: `{linked}` is a Markdown link" in text
    assert json.loads(invoke("show", "alpha", "--json").stdout)["supports"] == []
    refused = invoke("set", "alpha", f"supports={linked}")
    assert refused.exit_code == 2  # a value not of its type, as any other
    assert refused.stderr.startswith(f"journal: supports: `{linked}` is a Markdown link")


def test_show_marks_a_link_to_no_note_and_check_tells_it_written_as_text(
    invoke: Invoke, write: Write
) -> None:
    """Reported (tryout): `feeds: Become a HR partner` (no such goal, written without
    brackets) passed `journal check`, silenced O001, and `show` printed `feeds: [[Become a
    HR partner]]` as if it were a working link."""
    write("goals/b.md", goal_text("Become an HR Business Partner", why="Career."))
    write("goals/a.md", goal_text("Alpha", kind="activity", feeds="Become a HR partner"))
    text = invoke("show", "alpha").stdout
    assert "\n  feeds: [[Become a HR partner]] (links to no note)\n" in text
    assert "  ! line 13: H001 feeds: [[Become a HR partner]] links to no note\n" in text
    plain = invoke("--plain", "show", "alpha").stdout
    assert "\nfeeds: [[Become a HR partner]] (links to no note)\n" in plain
    checked = invoke("check", "goals/a.md")
    assert checked.exit_code == 1
    assert 'fix: did you mean "[[b]]"? Else fix the name' in checked.stdout
    fixed = goal_text("Alpha", kind="activity", feeds="Become an HR Business Partner")
    write("goals/a.md", fixed.replace("Become an HR Business Partner", "b"))
    assert "\n  feeds: [[b]]\n" in invoke("show", "alpha").stdout


def test_show_text_and_json(invoke: Invoke, write: Write) -> None:
    write("goals/a.md", goal_text("Alpha"))
    text = invoke("show", "alpha").stdout
    assert "Alpha  [active, outcome]" in text and "0 -> 2 / 5 conversations" in text
    # reported: a goal with no metric read as "[active, outcome]", like praise
    write("goals/b.md", goal_text("Beta", metric=""))
    assert "Beta  [active, outcome (no metric)]" in invoke("show", "beta").stdout
    record = json.loads(invoke("show", "Alpha", "--json").stdout)
    assert record["checkins"] == [
        {
            "date": "2026-11-20",
            "change": "+1",
            "note": "Coffee with [[Dana Ortiz]]",
            "path": "goals/a.md",
            "line": 17,
        }
    ]
    # reported: a check-in from another note did not say which note
    write("daily/2026-11-21.md", "progress:: [[a]] +1 met Sam\n")
    elsewhere = json.loads(invoke("show", "Alpha", "--json").stdout)["checkins"][-1]
    assert (elsewhere["path"], elsewhere["line"]) == ("daily/2026-11-21.md", 1)
    assert "2026-11-21  +1  met Sam  (daily/2026-11-21.md)\n" in invoke("show", "alpha").stdout
    write("daily/2026-11-21.md", "")
    assert record["links"][0]["target"] == "Dana Ortiz" and record["links"][0]["resolved"] is None
    # the goal's problems as journal check finds them: current 2 against a log giving 1
    [m007] = [f for f in record["findings"] if f["rule"] == "M007"]
    assert m007 == {
        "rule": "M007",
        "severity": "warning",
        "line": 10,
        "message": "current is 2 but baseline 0 plus the log's check-ins gives 1",
    }
    assert "  ! line 10: M007 current is 2 but baseline 0 plus the log's" in text
    write("goals/a.md", goal_text("Alpha", confidence=11))
    bad = json.loads(invoke("show", "Alpha", "--json").stdout)
    messages = [d["message"] for d in bad["diagnostics"]]
    assert messages == ["confidence should be from 1 to 10, not 11"]
    assert not [f for f in bad["findings"] if f["rule"] == "H005"]  # said once, as the note's
    write(".journal/config.toml", '[check]\nignore = ["ZZZ9"]\n')  # no such rule
    unread = invoke("show", "Alpha", "--json")
    assert unread.exit_code == 0 and json.loads(unread.stdout)["findings"] is None
    assert "  ! not checked: the [check] settings can't be read" in invoke("show", "Alpha").stdout


def test_every_command_names_a_goal_by_a_partial_path_as_a_link_does(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in a tryout: `show`, `log` and `set` found no goal by `[[work/Plan]]` or
    `work/Plan`, though `progress:: [[work/Plan]]` counted for goals/work/Plan.md."""
    write("goals/work/Plan.md", goal_text("Work plan", id="plan-work", current=1))
    write("goals/life/Plan.md", goal_text("Life plan", id="plan-life", current=1))
    write("daily/2026-11-21.md", "# 2026-11-21\n\nprogress:: [[work/Plan]] +1\n")
    shown = invoke("show", "[[work/Plan]]", "--json")
    assert shown.exit_code == 0, shown.stderr
    assert (json.loads(shown.stdout)["path"], json.loads(shown.stdout)["current"]) == (
        "goals/work/Plan.md",
        2,  # 1 in the file, +1 from the daily note
    )
    logged = invoke("log", "[[work/Plan]]", "+1", "x")
    assert (logged.exit_code, logged.stderr) == (0, "")
    assert logged.stdout.startswith("goals/work/Plan.md: ")
    changed = invoke("set", "work/Plan.md", "due=2027-01-31")
    assert (changed.exit_code, changed.stderr) == (0, "")
    assert "\ndue: 2027-01-31\n" in (vault / "goals/work/Plan.md").read_text()
    both = invoke("show", "Plan")
    assert both.exit_code == 1
    assert both.stderr.endswith(
        "name one by its path: `goals/life/Plan.md` (or `[[life/Plan]]`), "
        "`goals/work/Plan.md` (or `[[work/Plan]]`)\n"
    )


def test_a_command_that_writes_takes_no_fragment_of_a_word_or_little_words(
    invoke: Invoke, example_vault: Path
) -> None:
    """Reported by a newcomer: `journal done On` marked "Post on LinkedIn twice a week"
    done, `journal done Ana` (meant: a person) the People Analytics certificate, and `log
    Ana +1` logged to it.  A command that writes takes a part of a name only as whole
    words saying something, or as the first 3 letters or more of the name; else nothing
    is written and the error names the goal meant.  Reading commands still take any part."""
    before = {p: p.read_bytes() for p in example_vault.rglob("*.md")}
    certificate = "(did you mean: Complete the People Analytics certificate?)"
    for args, hint in [
        (["done", "On"], "(did you mean: Post on LinkedIn twice a week?)"),
        (["done", "Ana"], certificate),
        (["log", "Ana", "+1", "coffee"], certificate),
        (["set", "ana", "current=4"], certificate),
        (["set", "HR", "current=4"], "(did you mean: Attend two HR events a month, "),
        (["log", "the", "+1"], "Learn the basics of employment law"),
        (["new", "meeting", "--with", "Dana Ortiz", "--goal", "Ana"], certificate),
    ]:
        refused = invoke(*args, root=example_vault)
        assert refused.exit_code == 1, (args, refused.stdout)
        assert hint in refused.stderr, refused.stderr
        assert "give more of its title, a [[link]] or its id" in refused.stderr
        assert "Traceback" not in refused.stderr
    assert {p: p.read_bytes() for p in example_vault.rglob("*.md")} == before
    assert invoke("show", "Ana", "--json", root=example_vault).exit_code == 0  # reads: any part
    assert invoke("new", "contact", "Ana Lopez", root=example_vault).exit_code == 0
    person = invoke("done", "Ana", root=example_vault)  # the contact, whole: not the goal
    assert (person.exit_code, person.stderr) == (
        1,
        "journal: no follow-up is open with Ana Lopez (people/Ana Lopez.md is a contact)\n",
    )
    for args, path in [
        (["log", "five HR leaders", "+1", "x"], "Connect with five HR leaders"),
        (["log", "employment law", "+1", "x"], "Learn the basics"),
        (["set", "Comp", "confidence=7"], "Complete the People Analytics"),
        (["done", "Post on"], "Post on LinkedIn"),
    ]:
        done = invoke(*args, root=example_vault)
        assert done.exit_code == 0, (args, done.stderr)
        assert done.stdout.startswith(f"goals/{path}"), done.stdout


def test_a_command_a_hint_gives_names_a_goal_that_shares_its_title_alone(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found by a verifier: with two goals titled Plan, `done` told to record the value
    with `journal log "Plan" +4`, and `log --date` before the start to move it with
    `journal set "Plan" start=...`: both failed, 'Plan' matching 2 notes."""
    write("goals/work/Plan.md", goal_text("Plan", id="plan-work", current=1, start="2026-12-01"))
    write("goals/life/Plan.md", goal_text("Plan", id="plan-life", current=1))
    done = invoke("done", "[[life/Plan]]")
    assert done.exit_code == 0, done.stderr
    typed = f"journal --vault {vault}"  # the vault the tests type
    assert done.stderr.endswith(
        f'record it: {typed} log "plan-life" +4 (or {typed} set "plan-life" current=5)\n'
    )
    logged = invoke("log", "plan-life", "+4", "reached")
    assert logged.exit_code == 0
    assert f'(reopen it: {typed} set "plan-life" status=active)' in logged.stderr
    early = invoke("log", "[[work/Plan]]", "+1", "x", "--date", "2026-11-20")
    assert early.exit_code == 2
    assert early.stderr.endswith(f'({typed} set "plan-work" start=2026-11-20)\n')
    assert invoke("set", "plan-work", "start=2026-11-20").exit_code == 0


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "lossless").iterdir()))
def test_set_leaves_every_byte_outside_the_edited_lines(
    invoke: Invoke, write: Write, vault: Path, name: str
) -> None:
    raw = (DATA / "lossless" / name).read_bytes()
    path = write(f"goals/{name}", raw)
    result = invoke("set", f"goals/{name}", "current=7")
    assert result.exit_code == 0, result.stderr
    new = path.read_bytes()
    old_lines, new_lines = raw.splitlines(keepends=True), new.splitlines(keepends=True)
    # a goal with a log also gets the line that keeps it in step with current (and
    # nothing else: with it taken out, only `current:` differs)
    recount = [line for line in new_lines if line.rstrip() == b"- 2026-11-22: =7"]
    assert len(recount) == (1 if b"## Log" in raw else 0)
    new_lines = [line for line in new_lines if line not in recount]
    assert len(old_lines) == len(new_lines)
    changed = [(a, b) for a, b in zip(old_lines, new_lines, strict=True) if a != b]
    assert len(changed) == 1
    before, after = changed[0]
    assert before.startswith(b"current: ")
    assert after.startswith(b"current: 7")
    assert after[len(b"current: 7") :] == before[len(b"current: ") + 1 :]  # comment, newline


def test_set_is_typed_validated_and_idempotent(invoke: Invoke, write: Write, vault: Path) -> None:
    path = write("goals/a.md", goal_text("Alpha"))
    assert invoke("set", "alpha", "status=done", "due=2027-01-31").exit_code == 0
    text = path.read_text()
    assert "\nstatus: done\n" in text and "\ndue: 2027-01-31\n" in text
    again = invoke("set", "alpha", "status=done")
    assert again.stdout == "goals/a.md: unchanged\n"
    assert path.read_text() == text
    # reported (tryout): a goal reopened kept the `completed:` day `done` had written
    reopened = invoke("set", "alpha", "status=active")
    assert reopened.stdout.endswith("goals/a.md: completed: 2026-11-22 -> (none)\n")
    assert "\nstatus: active\n" in path.read_text() and "\ncompleted:\n" in path.read_text()
    assert invoke("set", "alpha", "status=done").exit_code == 0  # done again: today's day
    assert "\ncompleted: 2026-11-22\n" in path.read_text()
    paused = invoke("set", "alpha", "status=paused", "completed=2026-11-20")  # given: kept
    assert "\ncompleted: 2026-11-20\n" in path.read_text(), paused.output
    invoke("set", "alpha", "status=done", "completed=2026-11-21")
    # found in review: `status: Done`, read as done, was not: `set status=done` wrote
    # today over its day, and another status kept it
    path.write_text(path.read_text().replace("status: done", "status: Done"))
    assert invoke("set", "alpha", "status=done").stdout == "goals/a.md: status: Done -> done\n"
    assert "\ncompleted: 2026-11-21\n" in path.read_text()
    invoke("set", "alpha", "status=Done")
    assert "completed: 2026-11-21 -> (none)" in invoke("set", "alpha", "status=paused").stdout
    invoke("set", "alpha", "status=done", "completed=2026-11-21")
    text = path.read_text()
    # reported: `tags=` on a goal without tags wrote an empty `tags:` key
    empty = invoke("set", "alpha", "tags=", "milestones=")
    assert empty.stdout == "goals/a.md: unchanged\n" and path.read_text() == text
    commas = invoke("set", "alpha", "tags=,, ,")  # reported: wrote `tags: []`
    assert commas.stdout == "goals/a.md: unchanged\n" and path.read_text() == text
    for args, words in [
        (("statsu=done",), "did you mean 'status'"),
        (("status=someday",), "one of active, paused, done, dropped"),
        (("current=three",), "should be a number"),
        (("current",), "is not KEY=VALUE"),
        (("id=new-id",), "not changed by the tool"),
    ]:
        bad = invoke("set", "alpha", *args)
        assert bad.exit_code == 2, args
        assert words in bad.stderr
    assert path.read_text() == text
    # reported (tryout): `set` on a meeting checked the value against a goal's first and
    # gave a usage error about `kind`, where the note simply is no goal; `set` writes a
    # meeting's outcome, goal and follow_up_by, and says where to edit the rest
    write("meetings/2026-12-03 Lunch with Dana.md", "---\ntype: meeting\ndate: 2026-12-03\n---\n")
    meeting = invoke("set", "Lunch with Dana", "kind=event")
    assert (meeting.exit_code, meeting.stderr) == (
        2,
        "journal: set writes a meeting's outcome, goal and follow_up_by; edit its kind in the "
        "file: meetings/2026-12-03 Lunch with Dana.md\n",
    ), meeting.stderr


def test_set_offers_no_key_it_refuses_and_says_how_milestones_are_edited(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported (tryout): `set G milestone=x` said "did you mean 'milestones'?" and listed
    milestones among the properties, and `set G milestones=x` is refused."""
    path = write("goals/a.md", goal_text("Alpha", milestones="[Draft, Send]"))
    text = path.read_text()
    how = "edit milestones in the file, or mark one done with "
    how += f'`journal --vault {vault} done "Alpha" --milestone TITLE`'
    near = invoke("set", "alpha", "milestone=x")
    assert near.exit_code == 2 and "did you mean" not in near.stderr
    assert near.stderr.startswith(f"journal: unknown property 'milestone'; {how} (properties: ")
    offered = near.stderr.split("(properties: ")[1].split(";")[0].split(", ")
    assert "title" in offered and not {"id", "type", "milestones"} & set(offered)
    assert near.stderr.endswith(", cssclasses; cleared only: milestones=)\n")
    refused = invoke("set", "alpha", "milestones=x")
    assert (refused.exit_code, refused.stderr) == (
        2,
        f"journal: 'milestones' is only cleared by the tool (milestones=); {how}\n",
    )
    assert path.read_text() == text
    assert invoke("set", "alpha", "milestones=").exit_code == 0
    assert "\nmilestones:\n---\n" in path.read_text()  # cleared


def test_a_copy_a_sync_tool_made_is_named_by_status_and_the_review(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newcomer's: `daily/2026-12-09 (1).md` counted its check-in twice, and only
    `journal check` (H019) said so."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-10")
    write("goals/hr.md", goal_text(current=4))
    daily = "---\ndate: 2026-12-09\n---\nprogress:: [[hr]] +1\n"
    write("daily/2026-12-09.md", daily)
    write("daily/2026-12-09 (1).md", daily)
    write("notes/Plan 12.md", "# no copy: nothing beside it\n")
    told = (
        "daily/2026-12-09 (1).md looks like a copy of daily/2026-12-09.md made by a sync "
        "tool: what it holds (check-ins, follow-ups) counts twice; delete it if it is one"
    )
    board = invoke("status")
    assert (board.exit_code, told in board.stdout.splitlines()) == (0, True)
    shown = json.loads(invoke("status", "--json").stdout)
    assert shown["copies"] == [
        {
            "path": "daily/2026-12-09 (1).md",
            "original": "daily/2026-12-09.md",
            "rule": "H019",
            "message": told,
        }
    ]
    review = invoke("review", "--stdout").stdout
    attention = review.split("## Needs attention")[1].split("\n## ")[0]
    assert f"- {told}\n" in attention
    assert "H019" not in review  # said once
    config = vault / ".journal/config.toml"  # none yet: the vault is empty
    config.write_text('[check]\nignore = ["H019"]\n')  # for a real "Plan 2.md" beside "Plan.md"
    assert "looks like a copy" not in invoke("status").stdout + invoke("review", "--stdout").stdout
    config.unlink()
    (vault / "daily/2026-12-09 (1).md").unlink()
    assert "looks like a copy" not in invoke("status").stdout + invoke("review", "--stdout").stdout


def test_status_and_the_review_name_a_copy_only_when_it_holds_something_counted(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An Obsidian user's: `Untitled 1.md` beside `Untitled.md` (Obsidian's new-note
    names) and `Dune 2.md` beside `Dune.md` (a sequel) were named as a sync tool's
    copies whose check-ins count twice, though neither holds anything journal counts."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-10")
    write("goals/hr.md", goal_text(current=4))
    write("Untitled.md", "")
    write("Untitled 1.md", "# Draft\nsome text\n")
    write("Books/Dune.md", "# Dune\n")
    write("Books/Dune 2.md", "# Dune Messiah\n")
    write("notes/Talk.md", "# plain\n")  # the copy holds the check-in
    write("notes/Talk 2.md", "---\ndate: 2026-12-09\n---\nprogress:: [[hr]] +1\n")
    meeting = "---\ntype: meeting\ndate: 2026-12-08\nwith: Ana\n---\n"
    write("meetings/Coffee Ana.md", meeting)  # the original is a meeting
    write("meetings/Coffee Ana copy.md", "# notes\n")
    told = [
        f"{copy} looks like a copy of {original} made by a sync tool: what it holds "
        "(check-ins, follow-ups) counts twice; delete it if it is one"
        for copy, original in [
            ("meetings/Coffee Ana copy.md", "meetings/Coffee Ana.md"),
            ("notes/Talk 2.md", "notes/Talk.md"),
        ]
    ]
    shown = json.loads(invoke("status", "--json").stdout)
    assert [r["path"] for r in shown["copies"]] == [
        "meetings/Coffee Ana copy.md",
        "notes/Talk 2.md",
    ]
    board = invoke("status").stdout
    assert [line for line in board.splitlines() if "looks like a copy" in line] == told
    review = invoke("review", "--stdout").stdout
    attention = review.split("## Needs attention")[1].split("\n## ")[0]
    assert [line for line in attention.splitlines() if "looks like a copy" in line] == [
        f"- {line}" for line in told
    ]


def test_a_conflict_copy_and_a_name_spelled_two_ways_are_named_by_status_and_the_review(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync user's: a check-in logged in a conflict copy went uncounted, and a goal in
    both NFC and NFD spellings showed twice, and only `journal check` said either."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-10")
    write("goals/hr.md", goal_text(current=4))
    write("goals/hr.sync-conflict-20261205-101010-IPHONE1.md", goal_text(current=5))
    write("goals/Caf\u00e9.md", goal_text("Cafe", id="cafe-1"))
    write("goals/Cafe\u0301.md", goal_text("Cafe", id="cafe-2"))
    conflict = (
        "goals/hr.sync-conflict-20261205-101010-IPHONE1.md is a sync client's conflict copy "
        "of goals/hr.md, left out: merge what it has of its own into the original, then "
        "delete it"
    )
    spelled = (
        "goals/Caf\u00e9.md is spelled two ways (Unicode NFC and NFD): two notes, each "
        "counted; keep one"
    )
    board = invoke("status").stdout.splitlines()
    assert conflict in board and spelled in board
    shown = json.loads(invoke("status", "--json").stdout)
    assert shown["copies"] == [
        {
            "path": "goals/Cafe\u0301.md",
            "original": "goals/Caf\u00e9.md",
            "rule": "H018",
            "message": spelled,
        },
        {
            "path": "goals/hr.sync-conflict-20261205-101010-IPHONE1.md",
            "original": "goals/hr.md",
            "rule": "H003",
            "message": conflict,
        },
    ]
    attention = invoke("review", "--stdout").stdout.split("## Needs attention")[1]
    attention = attention.split("\n## ")[0]
    assert f"- {conflict}\n" in attention and f"- {spelled}\n" in attention
    config = vault / ".journal/config.toml"
    config.write_text('[check]\nignore = ["H003", "H018"]\n')
    quiet = invoke("status").stdout + invoke("review", "--stdout").stdout
    assert "conflict copy of" not in quiet and "spelled two ways" not in quiet


def test_set_outcome_writes_the_body_line_the_template_writes(invoke: Invoke, vault: Path) -> None:
    """A newcomer's: `set outcome=` left the body's `**Outcome:** ...` line as it was."""
    assert invoke("new", "goal", "Learn SQL", "--outcome", "Pass the exam").exit_code == 0
    path = vault / "goals/Learn SQL.md"
    made = path.read_bytes().replace(b"\n", b"\r\n")  # a CRLF file keeps its line ends
    path.write_bytes(made)
    result = invoke("set", "Learn SQL", "outcome=Build  a dashboard")
    assert result.stdout.splitlines()[1:] == [
        "goals/Learn SQL.md: the body's **Outcome:** line says it too"
    ]
    assert path.read_bytes() == made.replace(
        b"outcome: Pass the exam\r", b"outcome: Build a dashboard\r"
    ).replace(b"**Outcome:** Pass the exam\r", b"**Outcome:** Build a dashboard\r")
    # a goal made without one gets it where the template puts it
    assert invoke("new", "goal", "Swim").exit_code == 0
    swim = vault / "goals/Swim.md"
    before = swim.read_text()
    shown = json.loads(invoke("set", "Swim", "outcome=Swim 1 km", "--json").stdout)
    assert shown["outcome_in_body"] is True
    assert swim.read_text() == before.replace("outcome:\n", "outcome: Swim 1 km\n").replace(
        "# Swim\n\n", "# Swim\n\n**Outcome:** Swim 1 km\n\n"
    )
    # the user's own words there are never touched
    swim.write_text(swim.read_text().replace("**Outcome:** Swim 1 km", "**Outcome:** my words"))
    mine = swim.read_text()
    again = json.loads(invoke("set", "Swim", "outcome=Swim 2 km", "--json").stdout)
    assert again["outcome_in_body"] is False
    assert swim.read_text() == mine.replace("outcome: Swim 1 km", "outcome: Swim 2 km")


def test_set_outcome_and_why_leave_a_hand_written_body_byte_for_byte(
    invoke: Invoke, vault: Path
) -> None:
    """A migrating user's: `set outcome=` added `**Outcome:** ...` to their own goal's body."""
    path = vault / "goals/Give a conference talk.md"
    path.parent.mkdir()
    mine = (
        b'\xef\xbb\xbf---\r\ntype: goal\r\ntags: [career, "career/hr"]  # from Notion\r\n---\r\n'
        b"# Give a conference talk\r\n\r\nNotes.\r\n"
    )
    path.write_bytes(mine)
    result = invoke("set", "Give a conference talk", "outcome=One accepted talk at CIPD ACE")
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == mine.replace(
        b"---\r\n# Give", b"outcome: One accepted talk at CIPD ACE\r\n---\r\n# Give"
    )
    assert result.stderr == (
        "journal: goals/Give a conference talk.md: the body has no **Outcome:** line; "
        "left as it is\n"
    )
    # nor does why= write in a body of the user's own, a placeholder line of its own too
    path.write_bytes(
        mine.replace(b"Notes.", b"Write one or two sentences on why this goal matters now.")
    )
    before = path.read_bytes()
    shown = json.loads(invoke("set", "Give a conference talk", "why=To be seen", "--json").stdout)
    assert shown["why_in_body"] is False
    assert path.read_bytes() == before.replace(b"\r\n---\r\n#", b"\r\nwhy: To be seen\r\n---\r\n#")


def test_set_why_fills_the_new_goals_placeholder_once(invoke: Invoke, vault: Path) -> None:
    """Reported: `set why=` left "Write one or two sentences..." under "Why it matters"."""
    assert invoke("new", "goal", "Learn SQL").exit_code == 0
    path = vault / "goals/Learn SQL.md"
    made = path.read_bytes().replace(b"\n", b"\r\n")  # a CRLF file keeps its line ends
    path.write_bytes(made)
    result = invoke("set", "Learn SQL", "why=HR analytics  needs it")
    assert result.stdout.splitlines()[1:] == [
        "goals/Learn SQL.md: the body's 'Why it matters' says it too"
    ]
    text = path.read_bytes()
    assert b"## Why it matters\r\n\r\nHR analytics needs it\r\n\r\n## Next" in text
    placeholder = b"Write one or two sentences on why this goal matters now."
    assert text.replace(b"\nHR analytics needs it\r", b"\n" + placeholder + b"\r") == made.replace(
        b"\nwhy:\r", b"\nwhy: HR analytics needs it\r"
    )  # those two lines, and no other byte (both on one line, as typed text is)
    path.write_bytes(path.read_bytes().replace(b"\nHR analytics needs it", b"\nMy words"))
    again = json.loads(invoke("set", "Learn SQL", "why=Second thought", "--json").stdout)
    assert again["why_in_body"] is False  # the body is the user's words now
    assert b"\r\n\r\nMy words\r\n" in path.read_bytes()
    # a review found markdown pasted in as it stands: `why=## Log` made a second Log
    assert invoke("new", "goal", "Swim").exit_code == 0
    heading = json.loads(invoke("set", "Swim", "why=## Log", "--json").stdout)
    assert heading["why_in_body"] is False
    assert (vault / "goals/Swim.md").read_text().count("\n## Log\n") == 1
    # and `new goal --why "~~~ wave"` opened a fence over the Log: `log` could not write
    assert invoke("new", "goal", "Surf", "--why", "~~~ wave").exit_code == 0
    surf = (vault / "goals/Surf.md").read_text()
    assert "\n\nWrite one or two sentences on why this goal matters now.\n" in surf
    assert invoke("log", "Surf", "+1").exit_code == 0


def test_set_why_rewrites_the_line_new_goal_wrote_as_outcome_does(
    invoke: Invoke, vault: Path
) -> None:
    """Reported (tryout): `set why=` on a goal made with `--why` left the old reason under
    "Why it matters" while the `**Outcome:**` line took the new outcome, and nothing said
    the body disagreed with the property."""
    made = invoke(
        "new", "goal", "Write 2 case studies", "--unit", "case studies", "--target", "2",
        "--why", "Old reason", "--outcome", "Old outcome",
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    path = vault / "goals/Write 2 case studies.md"
    mine = b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n").replace(
        b"status: active\r", b"status: active  # since Monday\r"
    )  # a BOM, CRLF line ends and a comment, kept byte for byte
    path.write_bytes(mine)
    result = invoke("set", "case studies", "why=New  reason", "outcome=New outcome")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[2:] == [
        "goals/Write 2 case studies.md: the body's 'Why it matters' says it too",
        "goals/Write 2 case studies.md: the body's **Outcome:** line says it too",
    ]
    assert result.stderr == ""
    assert path.read_bytes() == (
        mine.replace(b"why: Old reason\r", b"why: New reason\r")
        .replace(b"outcome: Old outcome\r", b"outcome: New outcome\r")
        .replace(b"\r\n\r\nOld reason\r\n\r\n", b"\r\n\r\nNew reason\r\n\r\n")
        .replace(b"**Outcome:** Old outcome\r", b"**Outcome:** New outcome\r")
    )
    # a why the body can't say (a heading) leaves the old one there: stderr says so
    said = "the body's 'Why it matters' says otherwise; left as it is"
    before = path.read_bytes()
    heading = invoke("set", "case studies", "why=# Reason")
    assert heading.stderr == f"journal: goals/Write 2 case studies.md: {said}\n"
    assert path.read_bytes() == before.replace(b"why: New reason\r", b'why: "# Reason"\r')
    # the user's words there stay, a paragraph begun with the old why too
    assert invoke("set", "case studies", "why=New reason").stderr == ""  # the body says it
    # (quoted as `# Reason` was: a text keeps its quotes)
    base = path.read_bytes()
    for words in (b"My own reason", b"New reason\r\nand more"):
        edited = base.replace(b"\r\n\r\nNew reason\r\n", b"\r\n\r\n" + words + b"\r\n")
        path.write_bytes(edited)
        again = invoke("set", "case studies", "why=Third reason")
        assert again.stdout == "goals/Write 2 case studies.md: why: New reason -> Third reason\n"
        assert again.stderr == f"journal: goals/Write 2 case studies.md: {said}\n"
        assert path.read_bytes() == edited.replace(b'"New reason"\r', b'"Third reason"\r')
        path.write_bytes(base)
    # an outcome line of the user's own is told alike
    path.write_bytes(path.read_bytes().replace(b"**Outcome:** New outcome", b"**Outcome:** Mine"))
    outcome = invoke("set", "case studies", "outcome=Two published")
    assert outcome.stderr == (
        "journal: goals/Write 2 case studies.md: the body's **Outcome:** line says otherwise; "
        "left as it is\n"
    )
    assert b"**Outcome:** Mine\r" in path.read_bytes()


def test_no_break_and_ideographic_spaces_stay_in_titles_notes_and_whys(
    invoke: Invoke, vault: Path
) -> None:
    """Reported (tryout): French typography's no-break spaces (U+00A0 before `:`, inside
    `« »`; U+202F before `!`) and Japanese U+3000 became plain spaces in a new goal's
    title, its why and a log note; line breaks, tabs and runs of spaces still become one
    space.  The file name is made as before."""
    title = "Objectif\u00a0: «\u00a0test\u00a0»"
    why = "Parce que\u00a0!\n  \tvoilà"
    created = invoke("new", "goal", f" {title}\n", "--unit", "fois", "--target", "2", "--why", why)
    assert created.exit_code == 0, created.stderr
    note = "Super\u202f! «\u00a0génial\u00a0»  二回目\u3000です"
    assert invoke("log", "Objectif : « test »", "+1", note).exit_code == 0
    text = (vault / "goals/Objectif « test ».md").read_text()
    assert f'\ntitle: "{title}"\n' in text and f"\n# {title}\n" in text
    assert "\n\nParce que\u00a0! voilà\n\n" in text
    assert "\n- 2026-11-22: +1 Super\u202f! «\u00a0génial\u00a0» 二回目\u3000です\n" in text
    assert invoke("log", title, "+1", note).exit_code == 0  # read back as written: no twin
    assert (
        text.count("二回目") == 1
        and (vault / "goals/Objectif « test ».md").read_text().count("二回目\u3000です") == 2
    )
    shown = invoke("show", title).stdout  # a why over several lines is shown on one
    assert "Parce que\u00a0! voilà" in shown


def test_every_text_option_of_new_goal_and_set_is_written_on_one_line(
    invoke: Invoke, vault: Path
) -> None:
    """Reported (tryout): `new goal --why $'line one\\nline two'` wrote `why: "line
    one\\nline two"` while the body said `line one line two`; `--outcome`, `--metric` and
    `set why=` kept their line breaks too, though docs/commands.md says text you type for
    a note is written on one line."""
    texts = {key: f"{key} one\n\t{key}  two" for key in ("outcome", "metric", "unit", "area")}
    options = [item for key, text in texts.items() for item in (f"--{key}", text)]
    why = "line one\nline two"
    created = invoke("new", "goal", "Why test", "--why", why, "--target", "1", *options)
    assert created.exit_code == 0, created.stderr
    text = (vault / "goals/Why test.md").read_text()
    assert "\nwhy: line one line two\n" in text and "\n\nline one line two\n\n" in text
    assert all(f"\n{key}: {key} one {key} two\n" in text for key in texts)
    changed = invoke("set", "Why test", "why=again\r\nand again", "title=Why\ntest  again")
    assert changed.exit_code == 0, changed.stderr
    text = (vault / "goals/Why test.md").read_text()
    assert "\nwhy: again and again\n" in text and "\ntitle: Why test again\n" in text


def test_set_prints_values_as_the_file_shows_them(invoke: Invoke, write: Write) -> None:
    """Like ``journal done``: no JSON quotes; lists as ``set`` takes them; --json is JSON."""
    write("goals/a.md", goal_text("Alpha", tags="[career]"))
    write("notes/Big.md", "# Big\n")
    write("notes/Bigger.md", "# Bigger\n")
    args = ("alpha", "status=paused", "why=Because: yes", "due=2027-01-31", "effort=2.5")
    result = invoke("set", *args, "tags=a, b", "supports=[[Big]], [[Bigger]]")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "goals/a.md: status: active -> paused\n"
        "goals/a.md: why: (none) -> Because: yes\n"
        "goals/a.md: due: 2026-12-31 -> 2027-01-31\n"
        "goals/a.md: effort: (none) -> 2.5\n"
        "goals/a.md: tags: career -> a, b\n"
        "goals/a.md: supports: (none) -> [[Big]], [[Bigger]]\n"
    )
    data = json.loads(invoke("set", "alpha", "status=active", "tags=", "--json").stdout)
    assert data["changes"] == [
        {"key": "status", "old": "paused", "new": "active"},
        {"key": "tags", "old": ["a", "b"], "new": None},
    ]


def test_set_keeps_list_items_the_file_writes_otherwise_with_their_comments(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in review: an item the file writes otherwise than `set` would (`- 1.5`
    against the text 1.5, a link by path against the link by name) was taken for another
    item: rewritten, its comment lost."""
    write("goals/b.md", goal_text("Beta"))
    text = goal_text("Alpha").replace(
        "---\n#",
        'aliases:\n  - 1.5  # plan v1.5\nsupports:\n  - "[[goals/b.md|B]]"  # main\n---\n#',
    )  # (1.5 is no tag: Obsidian's tags hold no '.')
    path = write("goals/a.md", text)
    result = invoke("set", "alpha", "aliases=plan, 1.5", "supports=[[goals/b.md|B]], [[Beta]]")
    assert result.exit_code == 0, result.stderr
    after = path.read_text()
    assert "aliases:\n  - plan\n  - 1.5  # plan v1.5\n" in after
    assert 'supports:\n  - "[[goals/b.md|B]]"  # main\n  - "[[b]]"\n' in after, after


def test_set_clearing_a_list_keeps_the_comment_lines_in_it(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `set tags=` (and `supports=`, `milestones=`) deleted the comment lines
    under the key and between the items, which a list keeping an item keeps."""
    write("goals/b.md", goal_text("Beta"))
    lists = (
        "tags:\n  # why these tags\n  - a  # first\n  # about b: keep this note!\n  - b\n"
        'supports:\n  # the big one\n  - "[[Beta]]"\n'
        "milestones:\n  - title: Draft\n    # ask Dana first\n    due: 2026-12-01\n"
    )
    path = write("goals/a.md", goal_text("Alpha").replace("---\n#", lists + "---\n#"))
    result = invoke("set", "alpha", "tags=", "supports=", "milestones=")
    assert result.exit_code == 0, result.stderr
    assert (
        "tags:\n  # why these tags\n  # about b: keep this note!\n"
        "supports:\n  # the big one\n"
        "milestones:\n    # ask Dana first\n---\n"
    ) in path.read_text()


def test_set_writes_anew_a_list_item_that_means_something_else(
    invoke: Invoke, write: Write
) -> None:
    """Found in review: a link that Obsidian resolves to another note (`[[Career]]`,
    a note, where `set` named the goal titled Career), a tag the tags reader refuses
    (`- true`) and an item that can't be written as a number (`.inf`) were kept or
    failed, with `set` saying "unchanged"."""
    write("goals/g1.md", goal_text("Career"))
    write("notes/Career.md", "# Career\n")
    text = goal_text("Alpha").replace(
        "---\n#", 'feeds:\n  - "[[Career]]"\ntags:\n  - true\naliases:\n  - .inf\n---\n#'
    )
    path = write("goals/a.md", text)
    result = invoke("set", "alpha", "feeds=g1", "tags=true", "aliases=Net, inf")
    assert result.exit_code == 0, result.stderr
    after = path.read_text()
    assert 'feeds:\n  - "[[g1]]"\n' in after
    assert 'tags:\n  - "true"\n' in after
    assert "aliases:\n  - Net\n" in after


def test_a_why_written_as_a_folded_block_shows_on_one_line(invoke: Invoke, write: Write) -> None:
    """Reported: `why: >` over two lines made `show` print an empty line after it, and
    `set why=` showed the old value ending in a literal `\\n`."""
    text = goal_text("Alpha").replace("---\n", "---\nwhy: >\n  Someone who did\n  the job.\n", 1)
    write("goals/a.md", text)
    card = invoke("show", "alpha").stdout.splitlines()
    [relevant] = [line for line in card if "relevant:" in line]
    assert relevant == "  relevant: Someone who did the job."
    assert card[card.index(relevant) + 1].startswith("  due: ")  # no empty line between
    changed = invoke("set", "alpha", "why=Short").stdout
    assert changed == "goals/a.md: why: Someone who did the job. -> Short\n"


EDITABLE = {"bad-values.md", "invalid-date.md", "merge-key.md"}  # valid YAML, bad values


@pytest.mark.parametrize("name", sorted(p.name for p in (DATA / "hostile").iterdir()))
def test_hostile_notes_are_never_written(invoke: Invoke, write: Write, name: str) -> None:
    raw = (DATA / "hostile" / name).read_bytes()
    path = write(f"goals/{name}", raw)
    result = invoke("set", f"goals/{name}", "current=1")
    if name in EDITABLE:
        assert result.exit_code == 0
        changed = set(raw.splitlines()) ^ set(path.read_bytes().splitlines())
        assert changed <= {b"current: 1", b"current: [1, 2]"} and b"current: 1" in changed
        return
    assert path.read_bytes() == raw
    assert result.exit_code == 1
    assert result.stderr.startswith(f"goals/{name}:")
    assert "Traceback" not in result.output


def test_errors_are_one_line_with_exit_codes(invoke: Invoke, write: Write) -> None:
    missing = invoke("show", "nothing")
    assert missing.exit_code == 1 and missing.stderr == "journal: no goal called 'nothing'\n"
    usage = invoke("list", "--type", "bogus")
    assert usage.exit_code == 2
    write("goals/a.md", goal_text("Present survey"))
    write("goals/b.md", goal_text("Present survey", id="other"))
    ambiguous = invoke("show", "Present survey")
    assert ambiguous.exit_code == 1
    assert "`goals/a.md` (or `[[a]]`), `goals/b.md`" in ambiguous.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("show", "nothing"), 1),  # a domain error
        (("list", "--status", "nope"), 2),  # usage errors
        (("search", "("), 2),
    ],
)
def test_debug_adds_the_traceback_and_changes_nothing_else(
    vault: Path, args: tuple[str, ...], code: int
) -> None:
    """A tryout: `--debug` turned every usage error's exit code 2 into 1 (the error was
    raised past the funnel), which a script testing for 2 took for a finding."""
    runner = CliRunner()
    plain = runner.invoke(cli, ["--vault", str(vault), *args])
    debug = runner.invoke(cli, ["--debug", "--vault", str(vault), *args])
    assert plain.exit_code == debug.exit_code == code
    assert "Traceback" not in plain.stderr
    traceback, _, rest = debug.stderr.rpartition("\n".join(["", *plain.stderr.splitlines()]))
    assert traceback.startswith("Traceback (most recent call last):\n")
    assert rest == "\n"  # the same message, after the traceback


@pytest.mark.parametrize("given", [("--vault", "nope"), ("--vault", ""), ()])
def test_debug_keeps_the_exit_code_of_an_error_before_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: tuple[str, ...]
) -> None:
    """The same for a vault folder that does not exist or is empty (2, the second before
    the command's state is made) and a JOURNAL_TODAY that is no day (2, checked before
    each command runs)."""
    monkeypatch.chdir(tmp_path)
    if not given:
        monkeypatch.setenv("JOURNAL_TODAY", "bad")
    runner = CliRunner()
    plain = runner.invoke(cli, [*given, "list"])
    debug = runner.invoke(cli, ["--debug", *given, "list"])
    assert plain.exit_code == debug.exit_code == 2
    assert debug.stderr.startswith("Traceback (most recent call last):\n")
    assert debug.stderr.endswith(plain.stderr)


def test_vault_comes_from_the_environment(
    vault: Path, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("goals/a.md", goal_text("Alpha"))
    monkeypatch.setenv("JOURNAL_VAULT", str(vault))
    result = CliRunner().invoke(cli, ["list", "--json"])
    assert json.loads(result.stdout)[0]["title"] == "Alpha"


def test_a_vault_from_the_environment_names_the_other_vault_you_are_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: with JOURNAL_VAULT=ben, `journal log` run in ana's goals/ wrote into
    ben's goal of the same name, exit 0, and said nothing of it."""
    ana, ben = tmp_path / "ana", tmp_path / "ben"
    for root in (ana, ben):
        (root / "goals").mkdir(parents=True)
        (root / ".journal").mkdir()
        (root / "goals/Network more.md").write_text(goal_text("Network more", current=1))
    monkeypatch.setenv("JOURNAL_VAULT", str(ben))
    monkeypatch.chdir(ana / "goals")
    result = CliRunner().invoke(cli, ["log", "Network more", "+1", "x"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"journal: using the vault {ben} (JOURNAL_VAULT), not the vault {ana} you are in; "
        "give --vault to choose\n"
    )
    assert "current: 2" in (ben / "goals/Network more.md").read_text()  # as documented
    for args in (["--vault", str(ben), "list"], ["check", "--vault", str(ben)]):
        assert CliRunner().invoke(cli, args).stderr == ""  # chosen on the command line
    for where in (ben / "goals", tmp_path):  # in that vault; in none
        monkeypatch.chdir(where)
        assert CliRunner().invoke(cli, ["list"]).stderr == ""


def test_no_vault_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["list"])
    assert result.exit_code == 1
    assert result.stderr.startswith("journal: no vault here")


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "journal", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and "Usage: journal" in done.stdout


@pytest.mark.parametrize("command", [["show", ""], ["log", " ", "+1"], ["set", "", "current=1"]])
def test_an_empty_goal_name_is_a_usage_error(invoke: Invoke, command: list[str]) -> None:
    result = invoke(*command)
    assert result.exit_code == 2
    assert result.stderr == "journal: an empty name matches nothing: name a goal or note\n"


def test_the_entry_point_collects_garbage_less_often(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from journal.cli import GC_THRESHOLD, main

    monkeypatch.setattr(sys, "argv", ["journal", "--version"])
    before = gc.get_threshold()
    try:
        with pytest.raises(SystemExit) as exited:
            main()
        assert exited.value.code == 0
        assert gc.get_threshold() == GC_THRESHOLD != before
    finally:
        gc.set_threshold(*before)


@pytest.mark.parametrize(("current", "quiet"), [(1, True), (3, False)])
def test_a_goal_at_its_target_needs_marking_done_not_a_check_in_everywhere(
    invoke: Invoke, write: Write, current: int, quiet: bool
) -> None:
    """Reported: at its target, the review listed it for M008 alone, while `check` gave
    T006 too and `status` listed it under "No recent check-in"."""
    text = goal_text("Alpha", target=3, current=current, start="2026-10-01")
    write("goals/a.md", text.replace("2026-11-20: +1", "2026-10-12: +1"))
    board = json.loads(invoke("status", "--json").stdout)
    assert [g["quiet"] for g in board["goals"]] == [quiet]
    t006 = json.loads(invoke("check", "--select", "T006", "--json").stdout)
    assert bool(t006) is quiet
    assert ("No check-in for" in invoke("review", "--stdout").stdout) is quiet


@pytest.mark.parametrize(
    ("today", "quiet"), [("2026-11-22", False), ("2026-11-25", False), ("2026-12-10", True)]
)
def test_status_judges_a_new_goal_quiet_as_the_review_and_check_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, today: str, quiet: bool
) -> None:
    """A goal that began today has no check-in yet but is not overdue for one: status
    counts from its start (as the review and T006 do) until its `review_every` passes."""
    runner = CliRunner()
    root = tmp_path / "career"
    assert runner.invoke(cli, ["init", str(root)]).exit_code == 0  # starts 2026-11-22
    monkeypatch.setenv("JOURNAL_TODAY", today)

    def run(*args: str) -> str:
        return runner.invoke(cli, ["--vault", str(root), *args], catch_exceptions=False).stdout

    board = json.loads(run("status", "--json"))
    assert [g["quiet"] for g in board["goals"]] == [quiet]
    assert bool(board["quiet"]) is quiet
    listed = "Hold three informational interviews (never)" in run("status")
    assert listed is quiet
    assert bool(json.loads(run("check", "--select", "T006", "--json"))) is quiet
    assert ("No check-in for" in run("review", "--stdout")) is quiet


@pytest.mark.parametrize(
    ("front", "line"),
    [("type: goal\n\tstatus: active\n", 4), ("type: goal\ntags:\n\t- a\n", 5)],
)
def test_a_tab_indented_key_or_item_is_reported_with_the_documented_words(
    invoke: Invoke, write: Write, front: str, line: int
) -> None:
    write("goals/tabs.md", f"---\ntitle: Tabs\n{front}---\n# Tabs\n")
    result = invoke("list")
    assert f"goals/tabs.md:{line}: invalid front matter: a tab; YAML indents with spaces\n" in (
        result.stderr
    )
    assert "violates indentation" not in result.stderr


def test_a_count_of_one_reads_in_the_singular_wherever_it_is_shown(
    invoke: Invoke, write: Write
) -> None:
    """Reported: "reach 1 referrals", "0/1 referrals": after 1 the unit stayed plural."""
    dates = {"start": "2026-10-01", "due": "2027-01-31"}
    write("goals/a.md", goal_text("Alpha", unit="referrals", target=1, current=0, **dates))
    write("goals/b.md", goal_text("Beta", unit="coffee chats", target=1, current=1, **dates))
    assert " 0/1 referral\n" in invoke("status").stdout
    assert "-> 0 / 1 referral  " in invoke("show", "Alpha").stdout
    assert invoke("log", "Alpha").stdout.startswith("Alpha: 0 / 1 referral\n")
    assert "| **0** of 1 referral (from 0) |" in invoke("review", "--stdout").stdout
    plan = invoke("plan", "--stdout").stdout
    assert "| [[a]] | 0 | 1 referral |" in plan and "- [[a]]: reach 1 referral (+1" in plan
    [m008] = json.loads(invoke("check", "--select", "M008", "--json").stdout)
    assert "(1 coffee chat against a target of 1)" in m008["message"]
    # a tryout: French `cours` (one course) read "0/1 cour", `heures de cours` "1 heures de
    # cour"; the word before a preposition is what is counted: "1 heure de cours"
    write("goals/c.md", goal_text("Gamma", unit="cours", target=1, current=0, **dates))
    assert " 0/1 cours\n" in invoke("status").stdout
    assert "-> 0 / 1 cours  " in invoke("show", "Gamma").stdout
    write("goals/c.md", goal_text("Gamma", unit="heures de cours", target=1, current=0, **dates))
    assert invoke("log", "Gamma").stdout.startswith("Gamma: 0 / 1 heure de cours\n")


@pytest.mark.parametrize(
    ("args", "option", "corrected"),
    [
        (("list", "--vault", "v1"), "--vault", "journal --vault v1 list"),
        (("status", "--vault=v1"), "--vault", "journal --vault=v1 status"),
        (("new", "goal", "T", "--vault", "v1"), "--vault", "journal --vault v1 new goal T"),
        (("log", "G", "+1", "--vault", "v1"), "--vault", "journal --vault v1 log G +1"),
        (("list", "--plain"), "--plain", "journal --plain list"),  # every global option
        (("new", "goal", "T", "--debug"), "--debug", "journal --debug new goal T"),
        (("log", "G", "+1", "--plain"), "--plain", "journal --plain log G +1"),
        (("new", "--plain", "goal", "T"), "--plain", "journal --plain new goal T"),
        # a tryout: the values typed, quoted, and the command's own words, kept
        (
            ("list", "--json", "--vault", "my vault"),
            "--vault",
            'journal --vault "my vault" list --json',
        ),
        (("check", "--plain", "--vault", "ev"), "--plain", "journal --plain check --vault ev"),
        (
            ("--plain", "list", "--vault", "v1", "--json"),
            "--vault",
            "journal --plain --vault v1 list --json",
        ),
        (("list", "--plain", "--vault", "v1"), "--plain", "journal --plain --vault v1 list"),
        (("show", "A B", "--vault"), "--vault", 'journal --vault PATH show "A B"'),  # no value
    ],
)
def test_a_global_option_given_after_the_command_says_where_it_goes(
    args: tuple[str, ...], option: str, corrected: str
) -> None:
    """Found in a tryout: `journal list --vault v1` said "No such option '--vault'" and
    no more (`check --vault` is an option of its own, for pre-commit); then the hint
    named `journal --vault PATH goal` for `new goal` and `log` had none; then
    `journal list --plain` got click's bare error; then the hint dropped the value typed
    and every other word (`journal check --plain --vault ev`: `journal --plain check`).
    The whole command line to paste, every global option the command has not moved
    before it."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: No such option '{option}' after the command; give it before it: {corrected}"
    )


def test_version_after_the_command_gets_no_hint_to_give_it_first(invoke: Invoke) -> None:
    """A review: `journal list --version` was told to run `journal --version list`, which
    prints the version and lists nothing; `--version` and `--help` end a run, so they get
    click's own error (`--help` after a command is that command's help)."""
    result = invoke("list", "--version")
    assert result.exit_code == 2
    assert (
        result.stderr.splitlines()[-1]
        == "Error: No such option '--version'. Did you mean '--json'?"
    )


def _folder_of_vaults(tmp_path: Path) -> Path:
    """~/Dropbox holding two vaults (one a backup copy), as a tryout had it."""
    dropbox = tmp_path / "Dropbox"
    for name in ("HR Journal", "backup-d2"):
        (dropbox / name / ".journal").mkdir(parents=True)
        goal = dropbox / name / "goals" / "Coffee chats.md"
        goal.parent.mkdir()
        goal.write_text(goal_text("Coffee chats"), encoding="utf-8")
    return dropbox


def test_a_folder_that_holds_vaults_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `--vault Dropbox` above two vaults listed every goal twice, and `review`
    wrote a review mixing both into one of them."""
    dropbox = _folder_of_vaults(tmp_path)
    monkeypatch.chdir(tmp_path)
    refused = (
        "journal: Dropbox is no vault but holds 2: Dropbox/HR Journal and Dropbox/backup-d2;"
        ' pick one: --vault "Dropbox/HR Journal" (or, to read it as one vault with them in'
        ' it, mark it as one: mkdir "Dropbox/.journal")\n'
    )
    for command in (["--vault", "Dropbox", "list"], ["--vault", "Dropbox", "review"]):
        result = CliRunner().invoke(cli, command)
        assert (result.exit_code, result.stderr) == (2, refused)
    assert not list(dropbox.glob("*/reviews"))  # nothing written
    monkeypatch.setenv("JOURNAL_VAULT", "Dropbox")
    assert CliRunner().invoke(cli, ["list"]).stderr == refused
    monkeypatch.delenv("JOURNAL_VAULT")
    (dropbox / ".journal").mkdir()  # as the message says: a plain folder meant as a vault
    assert CliRunner().invoke(cli, ["--vault", "Dropbox", "list"]).exit_code == 0
    (dropbox / ".journal").rmdir()
    monkeypatch.chdir(dropbox)  # run inside it
    result = CliRunner().invoke(cli, ["list"])
    assert result.exit_code == 2
    assert result.stderr == (
        "journal: no vault here, but this folder holds 2: HR Journal and backup-d2;"
        ' cd into one, or pick it with --vault "HR Journal"\n'
    )


def test_vaults_two_levels_down_are_named(tmp_path: Path) -> None:
    (tmp_path / "home" / "Dropbox" / "Journal" / ".obsidian").mkdir(parents=True)
    (tmp_path / "home" / "Documents").mkdir()
    result = CliRunner().invoke(cli, ["--vault", str(tmp_path / "home"), "list"])
    assert result.exit_code == 2
    assert f"holds 1: {tmp_path}/home/Dropbox/Journal;" in result.stderr


def test_a_vault_and_a_link_to_it_are_named_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported (scripting): with no vault found, `linkv -> "my vault"` and `my vault` were
    listed as two vaults ("holds 4: ev, linkv, my vault and src/example-vault")."""
    dropbox = _folder_of_vaults(tmp_path)
    (dropbox / "current").symlink_to("HR Journal")  # named by the real folder
    (dropbox / "old").mkdir()
    (dropbox / "old" / "backup").symlink_to(dropbox / "backup-d2")  # two levels down
    elsewhere = tmp_path / "elsewhere" / "Team"
    (elsewhere / ".journal").mkdir(parents=True)
    (dropbox / "team").symlink_to(elsewhere)  # a vault only a link reaches: by the link
    (dropbox / "team2").symlink_to(elsewhere)
    monkeypatch.chdir(dropbox)
    result = CliRunner().invoke(cli, ["list"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "journal: no vault here, but this folder holds 3: HR Journal, backup-d2 and team;"
        ' cd into one, or pick it with --vault "HR Journal"\n'
    )


def test_status_json_names_its_vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reported: a loop over several vaults (`for v in ana ben; do journal --vault $v
    status --json; done`) could not tell their boards apart."""
    runner = CliRunner()
    for name in ("ana", "ben"):
        assert runner.invoke(cli, ["init", str(tmp_path / name)]).exit_code == 0
    monkeypatch.chdir(tmp_path)
    for name in ("ana", "ben"):
        board = runner.invoke(cli, ["--vault", name, "status", "--json"]).stdout
        assert list(json.loads(board))[:2] == ["vault", "today"]
        assert json.loads(board)["vault"] == str((tmp_path / name).resolve())


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (
            "current=+1",
            "current=+1 has a sign, and set writes a value, not a change: "
            'current=1 sets 1; to add 1, log it: journal log "Alpha" +1',
        ),
        (
            "current=-1",
            "current=-1 has a sign, and set writes a value, not a change: "
            'current=1 sets 1; to take away 1, log it: journal log "Alpha" -1; '
            "set takes a current below 0 only for a goal "
            "whose baseline, target or current is below 0: for a value below 0 that is meant, "
            "edit the file (current and its log), or set a baseline or target below 0 first",
        ),
        # reported (tryout): it offered `log "Alpha" -5` and `=-5`, below 0: log refuses both
        (
            "current=-5",
            "current=-5 has a sign, and set writes a value, not a change: current=5 sets 5; "
            "set takes a current below 0 only for a goal "
            "whose baseline, target or current is below 0: for a value below 0 that is meant, "
            "edit the file (current and its log), or set a baseline or target below 0 first",
        ),
        (
            "target=+5",
            "target=+5 has a sign, and set writes a value, not a change: target=5 sets 5",
        ),
        (
            "baseline=+2",
            "baseline=+2 has a sign, and set writes a value, not a change: baseline=2 sets 2",
        ),
        # reported: a minus sign (U+2212) got `should be a number`, with no ASCII hint
        (
            "current=\u22121",
            "write it in ASCII characters: current=-1, not '\u22121' (U+2212 minus sign); "
            "and current=-1 has a sign, and set writes a value, not a change: current=1 "
            'sets 1; to take away 1, log it: journal log "Alpha" -1; '
            "set takes a current below 0 only for a goal "
            "whose baseline, target or current is below 0: for a value below 0 that is meant, "
            "edit the file (current and its log), or set a baseline or target below 0 first",
        ),
        (
            "target=\uff0b5",
            "write it in ASCII characters: target=+5, not '\uff0b5' (U+FF0B fullwidth plus "
            "sign); and target=+5 has a sign, and set writes a value, not a change: target=5 "
            "sets 5",
        ),
    ],
)
def test_set_refuses_a_signed_number_as_a_change_it_does_not_make(
    invoke: Invoke, write: Write, vault: Path, given: str, said: str
) -> None:
    """Reported (tryout): `set G current=+1` set 3 to 1 (`current: 3 -> 1`, `=1 added to
    the log`) where `journal log` adds with +1; `current=-1` set -1."""
    path = write("goals/a.md", goal_text("Alpha", current=3, target=10))
    before = path.read_bytes()
    result = invoke("set", "alpha", given)
    said = said.replace("journal log", f"journal --vault {vault} log")  # the --vault given
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"journal: {said}\n")
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("props", "given", "written"),
    [
        ({}, ["baseline=-2"], ["baseline: -2"]),  # a level: baseline and target always
        ({}, ["target=-5"], ["target: -5"]),
        ({"baseline": -10, "target": 20}, ["current=-15"], ["current: -15"]),
        ({"baseline": 10, "target": -5}, ["current=-1"], ["current: -1"]),
        ({"current": -3}, ["current=-1"], ["current: -1"]),  # below 0 already
        ({}, ["current=-5", "baseline=-10"], ["baseline: -10", "current: -5"]),  # set with it
    ],
)
def test_set_writes_a_value_below_0_where_it_can_only_be_a_level(
    invoke: Invoke, write: Write, props: dict[str, object], given: list[str], written: list[str]
) -> None:
    """A tryout: `set "Raise eNPS from -10 to +20" current=-15`, `baseline=-20` and
    `target=-5` were refused as changes, though `new goal --baseline -10` is taken and
    A001 says `set 'target' to -24`. A minus is a change only for a `current` on a goal
    whose values are not below 0 (`current=+1` is refused whatever the goal)."""
    path = write("goals/a.md", goal_text("Alpha", **props))
    result = invoke("set", "alpha", *given)
    assert result.exit_code == 0, result.output
    lines = path.read_text().splitlines()
    assert all(line in lines for line in written), lines
    assert invoke("set", "alpha", "current=+1").exit_code == 2


def test_the_target_a001_offers_below_0_is_set(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tryout: A001 said `set 'target' to -24` for an eNPS goal from -30 to -10, and
    `journal set ... target=-24` was refused (exit 2)."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-06")
    path = write(
        "goals/enps.md",
        "---\ntype: goal\ntitle: Raise eNPS from -30 to -10\nmetric: eNPS\nunit: points\n"
        "baseline: -30\ntarget: -10\ncurrent: -25\nstart: 2026-09-01\ndue: 2026-12-31\n---\n",
    )
    assert "set `target` to -24" in invoke("check").stdout
    result = invoke("set", "Raise eNPS from -30 to -10", "target=-24")
    assert result.exit_code == 0, result.output
    assert "target: -24\n" in path.read_text()


@pytest.mark.parametrize("command", ["list", "status"])
def test_a_notes_warnings_are_printed_in_line_order(
    invoke: Invoke, write: Write, command: str
) -> None:
    """Reported (migration tryout): `list` and `status` printed a log line's warning (line
    16) before the front matter's (`status: Active`, line 4)."""
    write(
        "goals/Order.md",
        "---\ntype: goal\ntitle: Order\nstatus: Active\nmetric: x done\ntarget: 5\n"
        "due: 2026-12-31\n---\n## Log\n\n- 2026-11-01: +1\n- 11/06/2026: +1\n",
    )
    said = invoke(command).stderr.splitlines()
    lines = [int(line.split(":")[1]) for line in said if line.startswith("goals/Order.md:")]
    assert len(lines) == 2
    assert lines == sorted(lines)
