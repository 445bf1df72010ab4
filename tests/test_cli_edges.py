"""Edge cases of the first commands: link lists, blank titles, list filters and warnings,
show, numeric ranges, values shared through YAML anchors, numbers as typed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from journal.cli import _Whole, cli
from journal.core.goal import Goal
from journal.present import goal_card
from tests.conftest import DATA, Invoke, Write, goal_text

GOAL_RECORD = Goal(path="goals/x.md", title="X").to_dict()

#: What a command stopped before it wrote a note says.
STOPPED = "journal: interrupted; nothing in the vault was written\n"


def test_set_keeps_a_comma_inside_a_link(invoke: Invoke, write: Write) -> None:
    path = write("goals/x.md", goal_text("Learn databases"))
    write("notes/Learn SQL, then Python.md", "# Learn SQL, then Python\n")
    result = invoke("set", "learn-databases", "supports=[[Learn SQL, then Python]]")
    assert result.exit_code == 0, result.stderr
    assert path.read_text().count("[[") == 2  # the log's link and the new one
    assert '\nsupports:\n  - "[[Learn SQL, then Python]]"\n' in path.read_text()


def test_new_goal_keeps_a_comma_inside_a_link(invoke: Invoke, write: Write) -> None:
    write("notes/A.md", "# A\n")
    write("notes/D.md", "# D\n")
    result = invoke("new", "goal", "Learn SQL", "--supports", "[[A|b, c]], [[D]]", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["properties"]["supports"] == ["[[A|b, c]]", "[[D]]"]


UNQUOTED = 'supports:\n  # why these\n  - "[[A]]"  # main\n  - [[B]]  # second\n'


@pytest.mark.parametrize(
    ("given", "written"),
    [
        # a link kept keeps its line and comment, unquoted as it was (YAML: a list in a list)
        ("A, B, C", UNQUOTED + '  - "[[C]]"\n'),
        ("B", "supports:\n  # why these\n  - [[B]]  # second\n"),
        ("C, B", 'supports:\n  # why these\n  - "[[C]]"\n  - [[B]]  # second\n'),
    ],
)
def test_set_keeps_an_unquoted_link_in_a_list_as_written(
    invoke: Invoke, write: Write, given: str, written: str
) -> None:
    """Reported: an unquoted `- [[B]]` kept by `set supports=` became `- - - B` (no link
    to anyone, for Obsidian or a reader), and the list's comments were lost or moved."""
    for name in "ABC":
        write(f"notes/{name}.md", f"# {name}\n")
    path = write(
        "goals/x.md", goal_text("Alpha").replace("---\n# Alpha", UNQUOTED + "---\n# Alpha")
    )
    result = invoke("set", "alpha", f"supports={given}")
    assert result.exit_code == 0, result.stderr
    assert f"\n{written}---\n" in path.read_text()


@pytest.mark.parametrize(
    ("before", "after", "told"),
    [
        ("supports: [[A]]\n", 'supports: ["[[A]]", "[[C]]"]\n', "[[A]] -> [[A]], [[C]]"),
        (
            'supports: ["[[A]]", [[B]]]  # mine\n',
            'supports: ["[[A]]", "[[B]]", "[[C]]"]  # mine\n',
            "[[A]], [[B]] -> [[A]], [[B]], [[C]]",
        ),
    ],
)
def test_set_writes_an_unquoted_link_it_cant_keep_on_its_line_as_a_link(
    invoke: Invoke, write: Write, before: str, after: str, told: str
) -> None:
    """A list on one line is written anew: an unquoted link in it is written quoted, as
    every link the tool writes, not as a YAML list (`- - A`).  The old value is told as
    written (a tryout saw `supports: [A]` for `supports: [[A]]`)."""
    for name in "ABC":
        write(f"notes/{name}.md", f"# {name}\n")
    path = write("goals/x.md", goal_text("Alpha").replace("---\n# Alpha", before + "---\n# Alpha"))
    wanted = "A, B, C" if "[[B]]" in before else "A, C"
    result = invoke("set", "alpha", f"supports={wanted}")
    assert result.exit_code == 0, result.stderr
    assert f"\n{after}---\n" in path.read_text()
    assert result.stdout == f"goals/x.md: supports: {told}\n"


@pytest.mark.parametrize("value", ["[[Learn SQL", "Learn SQL]]", "[[A]] [[B]]"])
def test_a_malformed_link_is_a_usage_error(invoke: Invoke, write: Write, value: str) -> None:
    path = write("goals/x.md", goal_text("Learn databases"))
    before = path.read_bytes()
    result = invoke("set", "learn-databases", f"supports={value}")
    assert result.exit_code == 2
    assert "is not one well-formed link" in result.stderr
    assert path.read_bytes() == before
    made = invoke("new", "goal", "Other", "--supports", value)
    assert made.exit_code == 2 and "is not one well-formed link" in made.stderr


@pytest.mark.parametrize("title", ["", "   ", "\n"])
def test_every_new_command_refuses_a_blank_title(
    invoke: Invoke, write: Write, vault: Path, title: str
) -> None:
    write("people/Dana Ortiz.md", "---\ntype: contact\ntitle: Dana Ortiz\n---\n")
    before = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    goal = invoke("new", "goal", title)
    assert goal.exit_code == 2 and goal.stderr == "journal: a goal needs a title\n"
    contact = invoke("new", "contact", title)
    assert contact.exit_code == 2 and contact.stderr == "journal: a contact needs a name\n"
    meeting = invoke("new", "meeting", "--with", "Dana Ortiz", "--title", title)
    assert meeting.exit_code == 2
    assert meeting.stderr == (
        "journal: --title can't be empty; leave it out for the default title\n"
    )
    assert sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md")) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--due-before", "tomorrow"), "journal: --due-before: "),
        (("--due-before", "2027-02-30"), "journal: --due-before: "),
        (
            ("--status", "nope"),
            "journal: --status: 'nope' is not a goal status; use active, paused, done, dropped\n",
        ),
        (("--status", "active", "--status", "someday"), "'someday' is not a goal status"),
        (("--type", "goals"), "'goals' is not one of 'goal', 'contact', 'meeting'"),
    ],
)
def test_bad_list_filters_are_usage_errors(
    invoke: Invoke, write: Write, args: tuple[str, ...], message: str
) -> None:
    write("goals/a.md", goal_text("Alpha"))
    write("goals/bad.md", "---\ntype: goal\ntitle: Plan: Q3\n---\n")
    result = invoke("list", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_status_of_other_notes_is_free_text(invoke: Invoke, write: Write) -> None:
    write("books/a.md", "---\ntitle: A book\nstatus: reading\n---\n")
    result = invoke("list", "--type", "note", "--status", "reading", "--json")
    assert result.exit_code == 0
    assert [r["title"] for r in json.loads(result.stdout)] == ["A book"]
    assert invoke("list", "--status", "Active").exit_code == 0  # statuses ignore case


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("history", "--since", "someday"), "--since"),
        (("plan", "--start", "2026-02-30", "--stdout"), "--start"),
    ],
)
def test_bad_dates_name_their_option(
    invoke: Invoke, write: Write, args: tuple[str, ...], option: str
) -> None:
    write("goals/a.md", goal_text("Alpha"))
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"journal: {option}: ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("new", "meeting", "--with", "Dana", "--no-create-contacts"),
            "follow_up_by would be 9000-01-06",
        ),
        (("plan",), "the plan's end would be 9000-03-29"),
        (("review",), "the review week's end would be 9000-01-05"),
        (("review", "--date", "8999-12-31"), "the review week's end would be 9000-01-05"),
        (("review", "--week", "1000-W01"), "the review week's start would be 0999-12-30"),
    ],
)
def test_a_date_computed_past_8999_is_refused_not_written(
    invoke: Invoke,
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    message: str,
) -> None:
    """Reported: ``follow_up_by: 9000-01-06`` was written, which every later command
    refused as out of range."""
    monkeypatch.setenv("JOURNAL_TODAY", "8999-12-30")
    result = invoke(*args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"journal: {message}")
    assert result.stderr.endswith(": out of range (a year from 1000 to 8999)\n")
    assert [p.name for p in vault.iterdir()] == [".journal"]


def _command_lines(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command of ``group``, with the arguments it can't run without."""
    needs = {
        ("new", "goal"): ("Alpha",),
        ("new", "contact"): ("Rosa",),
        ("new", "meeting"): ("--with", "Rosa"),
        ("show",): ("Alpha",),
        ("set",): ("Alpha", "area=x"),
        ("search",): ("alpha",),
        ("log",): ("Alpha", "+1"),
        ("done",): ("Alpha",),
    }
    found = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += _command_lines(command, (*path, name))
        else:
            found.append((*path, name, *needs.get((*path, name), ())))
    return found


@pytest.mark.parametrize("args", _command_lines(cli), ids=" ".join)
def test_a_bad_journal_today_is_a_usage_error_of_every_command(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """Reported: `search`, `index` and `obsidian setup` ran with `JOURNAL_TODAY=22/11/2026`
    (exit 0) where `list` and `status` refused it: every command refuses it, once, before
    it starts (here before it finds no vault: `watch` never starts watching)."""
    monkeypatch.setenv("JOURNAL_TODAY", "22/11/2026")
    missing = tmp_path / "no vault"
    result = invoke(*args, root=missing)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "journal: JOURNAL_TODAY: '22/11/2026' is not a date (expected YYYY-MM-DD)\n"
    )
    monkeypatch.setenv("JOURNAL_TODAY", "  ")  # reported: shown as ''
    blank = invoke(*args, root=missing).stderr
    assert blank == "journal: JOURNAL_TODAY: '  ' is not a date (expected YYYY-MM-DD)\n"
    helped = invoke(*args[:2], "--help", root=missing)  # the help still shows
    assert helped.exit_code == 0 and helped.stdout.startswith("Usage: ")
    assert not missing.exists()


def test_show_has_no_python_none(invoke: Invoke, write: Write) -> None:
    write("goals/x.md", "---\ntype: goal\ntitle: No id\nstatus: active\n---\nBody.\n")
    result = invoke("show", "No id")
    assert result.exit_code == 0
    assert "  id: (none)   file: goals/x.md\n" in result.stdout
    assert "None" not in result.stdout


def test_a_problem_without_a_line_is_shown_without_one() -> None:
    record = dict(GOAL_RECORD)
    record["diagnostics"] = [{"line": None, "message": "can't read: gone"}]
    assert goal_card(record, date(2026, 11, 22)).endswith("\n  ! can't read: gone\n")


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("confidence=11", "journal: confidence should be from 1 to 10, not 11\n"),
        ("confidence=-5", "journal: confidence should be from 1 to 10, not -5\n"),
        ("effort=-1", "journal: effort should be 0 or more, not -1\n"),
    ],
)
def test_set_refuses_numbers_out_of_range(
    invoke: Invoke, write: Write, assignment: str, message: str
) -> None:
    path = write("goals/x.md", goal_text("Alpha"))
    before = path.read_bytes()
    result = invoke("set", "alpha", assignment)
    assert result.exit_code == 2
    assert result.stderr == message
    assert path.read_bytes() == before
    assert invoke("new", "goal", "Beta", "--effort", "-1").exit_code == 2


@pytest.mark.parametrize(
    ("name", "args", "line", "key"),
    [
        ("anchor-target.md", ("set", "anchor-target", "target=6"), 7, "target"),
        ("anchor-target.md", ("set", "anchor-target", "current=1"), 9, "current"),
        ("anchor-list.md", ("set", "anchor-list", "current=3"), 6, "current"),
        ("anchor-list.md", ("set", "anchor-list", "milestones="), 8, "milestones"),
        (
            "anchor-list.md",
            ("done", "anchor-list", "--milestone", "Draft the list"),
            8,
            "milestones item 1.done",
        ),
    ],
)
def test_values_shared_through_an_anchor_are_refused(
    invoke: Invoke, write: Write, name: str, args: tuple[str, ...], line: int, key: str
) -> None:
    raw = (DATA / "anchors" / name).read_bytes()
    path = write(f"goals/{name}", raw)
    result = invoke(*args)
    assert result.exit_code == 1
    assert result.stderr == (
        f"goals/{name}:{line}: not editing '{key}': the value is shared through a YAML anchor "
        "(&name and *name); edit it by hand\n"
    )
    assert path.read_bytes() == raw


def test_list_warns_about_goals_and_notes_in_the_goal_folder(invoke: Invoke, write: Write) -> None:
    for name in ("second-block.md", "empty-block.md"):
        write(f"goals/{name}", (DATA / "hostile" / name).read_bytes())
    for name in ("thematic-break.md", "list-block.md", "empty-block.md"):
        write(f"notes/{name}", (DATA / "hostile" / name).read_bytes())
    write("notes/merged.md", (DATA / "hostile" / "second-block.md").read_bytes())
    result = invoke("list")
    assert result.exit_code == 0
    assert "Merged" in result.stdout
    assert result.stderr.splitlines() == [
        "goals/empty-block.md:1: warning: the '---' block at the top is empty; "
        "it is not read as front matter",
        "goals/second-block.md:6: warning: a second front-matter block follows the first "
        "(a sync merge?); merge them by hand",
        "notes/merged.md:6: warning: a second front-matter block follows the first "
        "(a sync merge?); merge them by hand",
    ]


def test_nan_and_infinity_in_front_matter_leave_every_query_working(
    invoke: Invoke, write: Write
) -> None:
    """Found by fuzzing: `.nan`, `.inf` or `1e400` anywhere in a meeting's front matter
    stopped `journal check` with "internal error: OperationalError: malformed JSON"
    (the index stored Python's `NaN`, which SQLite's JSON functions refuse)."""
    write(
        "meetings/2026-11-18 Coffee.md",
        '---\ntype: meeting\ndate: 2026-11-18\nwith:\n  - "[[Dana Ortiz]]"\n'
        "follow_up_by: 2026-11-25\nfollow_up_done: .inf\nscore: .nan\nreach: -.inf\n"
        "big: 1e400\n---\n# Coffee with Dana\n\nNumbers that are no JSON number.\n",
    )
    write("goals/x.md", goal_text("Alpha", confidence=".nan"))
    result = invoke("check", "--json")
    assert "internal error" not in result.stderr
    found = {(r["rule"], r["path"], r["line"]) for r in json.loads(result.stdout)}
    assert ("H005", "meetings/2026-11-18 Coffee.md", 7) in found  # follow_up_done: .inf
    assert invoke("followups", "--json").exit_code == 0
    assert invoke("search", "numbers").stdout.startswith("meetings/2026-11-18 Coffee.md")


def test_unknown_keys_keep_the_numbers_the_user_wrote(invoke: Invoke, write: Write) -> None:
    write(
        "goals/x.md",
        goal_text("Alpha", version="1.10", code="0012", big="1e3", n=2, half=1.5, owner="me"),
    )
    record = json.loads(invoke("show", "alpha", "--json").stdout)
    assert record["extra"] == {
        "version": "1.10",
        "code": "0012",
        "big": "1e3",
        "n": 2,
        "half": 1.5,
        "owner": "me",
    }
    assert record["target"] == 5  # typed properties stay numbers
    text = invoke("show", "alpha").stdout
    assert "\n  other: version: 1.10; code: 0012; big: 1e3; n: 2; half: 1.5; owner: me\n" in text


def test_other_notes_json_properties_keep_the_numbers_the_user_wrote(
    invoke: Invoke, write: Write
) -> None:
    """Found in a tryout: `list --type contact --json` gave a phone number 0612345678 as
    612345678, `1.10` as 1.1, and a whole number past 2**53 as one jq and JavaScript
    round (9007199254740993 read back as ...992): `show` keeps a goal's as typed."""
    write(
        "people/Ann.md",
        "---\ntype: contact\ntitle: Ann\nphone: 0612345678\nzip: 01234\nver: 1.10\n"
        "id_big: 9007199254740993\nvisits: 3\nscore: 2.5\nlimit: 9007199254740992\n---\n",
    )
    [ann] = json.loads(invoke("list", "--type", "contact", "--json").stdout)
    shown = {k: ann["properties"][k] for k in ("phone", "zip", "ver", "id_big", "visits", "score")}
    assert shown == {
        "phone": "0612345678",
        "zip": "01234",
        "ver": "1.10",
        "id_big": "9007199254740993",
        "visits": 3,
        "score": 2.5,
    }
    assert ann["properties"]["limit"] == 2**53  # the largest kept: still a number
    write("goals/x.md", goal_text("Alpha", ticket=12345678901234567890))
    assert json.loads(invoke("show", "alpha", "--json").stdout)["extra"] == {
        "ticket": "12345678901234567890"
    }


def test_json_keeps_the_numbers_the_user_wrote_inside_lists_and_maps(
    invoke: Invoke, write: Write
) -> None:
    """Found in a tryout: the rule held for top-level keys only: a list of phone numbers
    came out as `[612345678, 698765432]`, a map's `hourly: 1.10` as 1.1, and ids past
    2**53 in a list as numbers jq rounds.  Block (read without PyYAML) and flow lists
    and nested maps alike."""
    write(
        "people/Ann.md",
        "---\ntype: contact\ntitle: Ann\nphone: 0612345678\nphones:\n  - 0612345678\n"
        "  - 0698765432\n  - 3\n  - text\nrates:\n  hourly: 1.10\n  daily: 8\n"
        "  deep: [0012, {x: 1e3}]\n---\n",
    )
    write("people/Bob.md", "---\ntype: contact\ntitle: Bob\nphones:\n  - 0612345678\n---\n")
    ann, bob = json.loads(invoke("list", "--type", "contact", "--json").stdout)
    assert ann["properties"] == {
        "type": "contact",
        "title": "Ann",
        "phone": "0612345678",
        "phones": ["0612345678", "0698765432", 3, "text"],
        "rates": {"hourly": "1.10", "daily": 8, "deep": ["0012", {"x": "1e3"}]},
    }
    assert bob["properties"]["phones"] == ["0612345678"]
    write(
        "goals/x.md",
        goal_text(
            "Alpha",
            extra_list="[0612345678, 1.10, 2]",
            ids="[12345678901234567890, 9007199254740993, 9007199254740992]",
        ),
    )
    record = json.loads(invoke("show", "alpha", "--json").stdout)
    assert record["extra"] == {
        "extra_list": ["0612345678", "1.10", 2],
        "ids": ["12345678901234567890", "9007199254740993", 2**53],
    }
    assert 'other: extra_list: ["0612345678", "1.10", 2];' in invoke("show", "alpha").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("list", "--due-before", ""), "--due-before: '' is not a date"),
        (("history", "--since", ""), "--since: '' is not a date"),
        (("plan", "--start", "", "--stdout"), "--start: '' is not a date"),
        (("review", "--date", "", "--stdout"), "--date: '' is not a date"),
        (("review", "--week", "", "--stdout"), "--week: '' is not a week"),
        # reported: taken, where --date " 2026-11-20" is refused
        (("review", "--week", " 2026-W47", "--stdout"), "--week: ' 2026-W47' has a space"),
        (("review", "--week", "2026-W47 ", "--stdout"), "--week: '2026-W47 ' has a space"),
        (("done", "alpha", "--milestone", " "), "--milestone needs a milestone's title"),
        (("review", "--stdout", "--json"), "give --stdout or --json, not both"),
        (("plan", "--stdout", "--json"), "give --stdout or --json, not both"),
        # reported: exit 0 with "nothing written, nothing to commit"
        (("review", "--stdout", "--commit"), "give --stdout or --commit, not both"),
        (("review", "--dry-run", "--commit"), "give --dry-run or --commit, not both"),
        (("plan", "--stdout", "--commit"), "give --stdout or --commit, not both"),
        # reported: `--vault "$V"`, V unset, ran in the vault around the working folder
        (("--vault", "", "new", "goal", "X"), "--vault was given an empty folder name"),
        (("check", "--vault", ""), "--vault was given an empty folder name"),
        # reported: taken as not given (`--baseline ""` wrote `baseline:` and `current:`
        # empty, not 0); a text option given empty is no text, as ever
        *(
            (("new", "goal", "X", f"--{key}", ""), f"--{key} was given an empty value")
            for key in ("due", "target", "baseline", "effort", "supports", "feeds")
        ),
        (("new", "goal", "X", "--supports", ", ,"), "--supports was given an empty value"),
    ],
)
def test_empty_values_and_clashing_outputs_are_usage_errors(
    invoke: Invoke, write: Write, vault: Path, args: tuple[str, ...], message: str
) -> None:
    """An empty value is a value given (never the default), and --stdout --json would
    print markdown where JSON was asked for."""
    write("goals/a.md", goal_text("Alpha"))
    result = invoke(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"journal: {message}")
    assert sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md")) == ["goals/a.md"]


@pytest.mark.parametrize("given", [" 30", "\u0663\u0660", "30.0", "+30"])
@pytest.mark.parametrize(
    "args", [("plan", "--stdout", "--days"), ("search", "hr", "--limit"), ("people", "--days")]
)
def test_a_count_option_takes_ascii_digits_only(
    invoke: Invoke, write: Write, args: tuple[str, ...], given: str
) -> None:
    """Reported: `plan --days " 30"` and Arabic-Indic digits made a 30-day plan (click's
    int), where every other number the tool reads is in digits 0-9."""
    write("goals/a.md", goal_text("Alpha"))
    result = invoke(*args, given)
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"'{given}' is not a whole number (digits 0-9)" in result.stderr


def _commands(group: click.Group) -> Iterator[click.Command]:
    """Every command of ``group``, its subgroups' too."""
    for command in group.commands.values():
        yield command
        if isinstance(command, click.Group):
            yield from _commands(command)


def test_every_number_option_reads_ascii_digits_only() -> None:
    """Found in a review: `people --days 2.5` said "'2.5' is not a valid integer range"
    (click's own type), where the other count options say what they take."""

    counts = [
        (command.name, param.name)
        for command in _commands(cli)
        for param in command.params
        if isinstance(param.type, click.types.IntParamType)
    ]
    assert ("people", "days") in counts
    assert [
        (command.name, param.name)
        for command in _commands(cli)
        for param in command.params
        if isinstance(param.type, click.types.IntParamType) and not isinstance(param.type, _Whole)
    ] == []


def test_every_count_option_is_n_in_help_as_the_docs_write_it(invoke: Invoke) -> None:
    """Found in review: `plan --help` showed `--days INTEGER RANGE ... [x<=None]`; in a
    tryout, `--days INTEGER` and `history --limit INTEGER RANGE` where the docs say N."""
    shown = invoke("plan", "--help").stdout
    assert "  --days N " in shown and "None" not in shown
    assert "  --limit N " in invoke("history", "--help").stdout
    assert [
        (command.name, param.name)
        for command in _commands(cli)
        for param in command.params
        if isinstance(param.type, click.types.IntParamType) and param.metavar != "N"
    ] == []


def test_a_count_options_range_is_said_once_in_help(invoke: Invoke) -> None:
    """Reported: `search --help` said `(1 to 100000).  [default: 20; 1<=x<=100000]`."""
    shown = " ".join(invoke("search", "--help").stdout.split())
    assert "--limit N At most this many notes. [default: 20; 1<=x<=100000]" in shown
    assert shown.count("100000") == 1


@pytest.mark.parametrize(
    "args",
    [
        ("new", "goal", "Learn SQL %% then Python"),
        ("new", "contact", "Rosa %% Diaz"),
        ("new", "meeting", "--with", "Dana", "--title", "Chat %% later", "--no-create-contacts"),
    ],
)
def test_a_title_holding_a_comment_mark_is_refused(
    invoke: Invoke, vault: Path, args: tuple[str, ...]
) -> None:
    """Reported: a goal titled with %% got a heading that opened a comment: `journal
    log` could not write to it, and its links hid most of the review."""
    result = invoke(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "holds %%, which starts a comment in Obsidian and journal" in result.stderr
    assert not any(vault.rglob("*.md"))


def test_a_comment_mark_is_refused_in_a_title_set_and_named_by_a_meetings_people(
    invoke: Invoke, write: Write
) -> None:
    """Found in review: `set title=...%%...` was taken, and a meeting with a contact whose
    name holds %% was refused without the way out (--title)."""
    path = write("goals/a.md", goal_text("Alpha"))
    before = path.read_bytes()
    result = invoke("set", "alpha", "title=Alpha %% beta")
    assert result.exit_code == 2 and "holds %%" in result.stderr
    assert path.read_bytes() == before
    write("people/Dana %% Ortiz.md", "---\ntype: contact\ntitle: Dana %% Ortiz\n---\n")
    met = invoke("new", "meeting", "--with", "Dana %% Ortiz")
    assert met.exit_code == 2 and met.stderr.rstrip().endswith("give the meeting a --title")
    assert invoke("new", "meeting", "--with", "Dana %% Ortiz", "--title", "Coffee").exit_code == 0


def test_init_with_an_empty_path_is_a_usage_error(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `journal init ""` (a script's "$V", V unset) made a vault in the working
    folder, where `--vault ""` is refused."""
    here = tmp_path / "working"
    here.mkdir()
    monkeypatch.chdir(here)
    result = invoke("init", "")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "journal: PATH was given an empty folder name\n"
    assert list(here.iterdir()) == []


def test_control_characters_in_a_title_are_shown_not_obeyed(invoke: Invoke, write: Write) -> None:
    # an OSC sequence would retitle the terminal window, a bell ring it
    write("goals/x.md", '---\ntype: goal\ntitle: "\\e]0;pwned\\a Alpha\\e[2J"\ntarget: 3\n---\n')
    for args in (("list",), ("show", "x")):
        out = invoke(*args).stdout
        assert "\\x1b]0;pwned\\x07 Alpha\\x1b[2J" in out, args
        assert not any(ch in out for ch in "\x1b\x07"), args
    assert (
        json.loads(invoke("list", "--json").stdout)[0]["title"] == "\x1b]0;pwned\x07 Alpha\x1b[2J"
    )


#: Every character str.splitlines() breaks a line at, and \r\n, between letters (a
#: title's or a log line's ends are trimmed).
LINE_BREAKS = "a\r\nb\nc\rd\ve\ff\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--type", "all"),
        ("--plain", "list"),
        ("show", "evil"),
        ("log", "evil"),
        ("status",),
        ("--plain", "status"),
        ("check",),
        ("followups",),
        ("people",),
        ("search", "breaksa"),
        ("list", "--json"),
        ("show", "evil", "--json"),
        ("check", "evil", "--json"),
        ("show", f"Breaks{LINE_BREAKS}"),  # none: the name in the message
    ],
)
def test_every_row_of_text_output_is_one_line_for_splitlines(
    example_vault: Path, args: tuple[str, ...]
) -> None:
    """Reported (scripting): a title holding U+2028 or U+2029 was printed raw (U+0085
    escaped), so Python's str.splitlines() read more rows than split("\\n")."""
    title = '"Breaks' + LINE_BREAKS.encode("unicode_escape").decode() + '"'  # YAML's escapes
    in_body = LINE_BREAKS.replace("\r", "").replace("\n", "")  # no line's end
    link = f'"[[Nowhere{in_body.encode("unicode_escape").decode()}]]"'  # check names it
    (example_vault / "goals/Evil.md").write_text(
        f"---\ntype: goal\nid: evil\ntitle: {title}\nsupports: {link}\nmetric: things\n"
        "target: 3\n"
        "current: 1\nstart: 2026-11-01\ndue: 2026-12-31\n---\n# Evil\n\n## Log\n\n"
        f"- 2026-11-20: +1 breaks{in_body}\n",
        newline="",
    )
    (example_vault / "people/Eve.md").write_text(f"---\ntype: contact\ntitle: {title}\n---\n")
    (example_vault / "meetings/2026-11-20 Eve.md").write_text(
        f'---\ntype: meeting\ndate: 2026-11-20\nwith:\n  - "[[Eve]]"\ntitle: {title}\n'
        f"follow_up_by: 2026-11-21\n---\n## Follow-up\n\n- [ ] Send breaks{in_body}\n",
        newline="",
    )
    result = CliRunner().invoke(cli, ["--vault", str(example_vault), *args])
    assert result.exit_code in (0, 1), result.output
    assert "\\u2028" in result.stdout + result.stderr  # the goal is shown, escaped
    for text in (result.stdout, result.stderr):
        rows = text.removesuffix("\n").split("\n") if text else []
        assert text.splitlines() == rows


def test_terminal_text_keeps_line_breaks_and_tabs_and_escapes_every_control() -> None:
    from journal.core.formatting import escape_c1, terminal_data, terminal_text

    assert terminal_text("a\tb\r\nc\n") == "a\tb\r\nc\n"
    assert terminal_text("\x1b[31mred\x1b[8mhidden\x1b[2J\r\x9b\x7f") == (
        "\\x1b[31mred\\x1b[8mhidden\\x1b[2J\\x0d\\x9b\\x7f"
    )
    assert terminal_data({"t": ["\x1b]0;x\x07", 3]}) == {"t": ["\\x1b]0;x\\x07", 3]}
    assert terminal_data(["a\tb\r\nc\x1b"]) == ["a\\tb\\r\\nc\\x1b"]  # a row stays one line
    assert terminal_text("a\x85b\u2028c\u2029d") == "a\\x85b\\u2028c\\u2029d"  # splitlines' breaks
    # found in a tryout: a title holding U+202E was printed raw, shown reversed
    assert terminal_text("Plan \u202egnp.exe\u202d") == "Plan \\u202egnp.exe\\u202d"
    # found in review: the isolates right-to-left names come wrapped in are kept
    assert terminal_text("\u2068דנה כהן\u2069 \u202bx\u202c") == "\u2068דנה כהן\u2069 \u202bx\u202c"
    assert json.loads(escape_c1('"\x9b\x7f\u2028\u2029"')) == "\x9b\x7f\u2028\u2029"
    assert escape_c1('"\x9b\u2028\u2029"') == '"\\u009b\\u2028\\u2029"'


def test_a_title_with_newlines_cannot_add_lines_to_the_body(invoke: Invoke, vault: Path) -> None:
    result = invoke("new", "goal", "Inject\n## Log\n- 2026-11-20: =99 fake", "--target", "5")
    assert result.exit_code == 0, result.stderr
    (path,) = (vault / "goals").iterdir()
    assert "\n# Inject \\#\\# Log - 2026-11-20: =99 fake\n" in path.read_text()
    shown = json.loads(invoke("show", "inject", "--json").stdout)
    assert shown["checkins"] == [] and shown["current"] == 0


def test_set_prints_each_change_on_one_line_and_whole_numbers_as_typed(
    invoke: Invoke, write: Write
) -> None:
    path = write(
        "goals/x.md", goal_text("Alpha").replace("---\n#", 'why: "line one\\nline two"\n---\n#')
    )  # (a value typed is written on one line: a line break in the file's value is shown)
    result = invoke("set", "alpha", "why=line one\nline two", "target=1e3")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "goals/x.md: why: line one\\nline two -> line one line two\ngoals/x.md: target: 5 -> 1000\n"
    )
    assert "\ntarget: 1000\n" in path.read_text()


def test_a_property_in_other_case_is_found_and_set_does_not_add_a_twin(
    invoke: Invoke, write: Write
) -> None:
    path = write("goals/x.md", goal_text("Alpha").replace("status: active\n", "Status: paused\n"))
    before = path.read_bytes()
    found = json.loads(invoke("check", "--json", "--select", "H011").stdout)
    message = "`Status` is not read as `status`: journal reads property names as written"
    assert [(f["line"], f["message"]) for f in found] == [(5, f"{message}, in lower case")]
    result = invoke("set", "alpha", "status=done")
    assert result.exit_code == 1 and path.read_bytes() == before
    assert result.stderr == (
        "goals/x.md:5: has `Status`, which is not read as `status`; rename it `status` first "
        "(nothing changed)\n"
    )
    done = invoke("done", "alpha")
    assert done.exit_code == 1 and path.read_bytes() == before
    assert "goals/x.md:5: has `Status`, which is not read as `status`" in done.stderr
    assert invoke("set", "alpha", "current=3").exit_code == 0  # other keys are fine


def test_tags_in_other_case_are_read_and_set_as_obsidian_does(invoke: Invoke, write: Write) -> None:
    path = write("goals/x.md", goal_text("Alpha").replace("status: active\n", "Tags: [a]\n"))
    assert json.loads(invoke("show", "alpha", "--json").stdout)["tags"] == ["a"]
    assert json.loads(invoke("check", "--json", "--select", "H011").stdout) == []
    result = invoke("set", "alpha", "tags=x, y")
    assert result.exit_code == 0, result.stderr
    assert "\nTags: [x, y]\n" in path.read_text() and "\ntags:" not in path.read_text()


def test_a_body_tag_and_a_front_matter_tag_are_one_tag(invoke: Invoke, write: Write) -> None:
    """Reported (tryout): `set tags=... #🎯` wrote `tags: [🎯]`, a tag in `list --json`,
    while the body's `#🎯` was none; a tag Obsidian calls invalid is refused."""
    write("notes/n.md", "---\ntags: [\U0001f3af]\n---\nZiel erreicht #\U0001f3af #u\u0308bung\n")
    [note] = json.loads(invoke("list", "--type", "note", "--json").stdout)
    assert note["tags"] == ["\U0001f3af", "\u00fcbung"]
    write("goals/x.md", goal_text("Alpha"))
    assert invoke("set", "alpha", "tags=#\U0001f3af").exit_code == 0
    refused = invoke("set", "alpha", "tags=c++")
    assert (refused.exit_code, refused.stderr) == (2, "journal: tags: 'c++' is not a valid tag\n")


def test_set_writes_cssclasses_under_the_key_the_file_has(invoke: Invoke, write: Write) -> None:
    """Reported (tryout): `set GOAL cssclasses=wide` was an unknown property, though the
    docs say cssclasses is set under the key the file has, as tags and aliases are."""
    path = write("goals/x.md", goal_text("Alpha"))
    assert invoke("set", "alpha", "cssclasses=wide").exit_code == 0
    assert "\ncssclasses:\n  - wide\n---\n" in path.read_text()
    legacy = goal_text("Beta").replace("status: active\n", "CSSClass: wide\n")
    beta = write("goals/y.md", legacy)
    result = invoke("set", "beta", "cssclass=wide, cards")  # Obsidian's old name too
    assert result.stdout == "goals/y.md: cssclasses: wide -> wide, cards\n", result.output
    assert "\nCSSClass:\n  - wide\n  - cards\n" in beta.read_text()
    assert beta.read_text().lower().count("cssclass") == 1  # no second key


def test_an_unknown_property_is_told_with_those_set_changes(invoke: Invoke, write: Write) -> None:
    """Reported (tryout): neither the error nor --help said which keys can be set."""
    write("goals/x.md", goal_text("Alpha"))
    result = invoke("set", "alpha", "colour=red")
    assert result.exit_code == 2
    assert result.stderr.startswith("journal: unknown property 'colour' (properties: title, ")
    named = result.stderr.split("(properties: ")[1].split(";")[0].split(", ")
    assert {"status", "current", "tags", "cssclasses", "check_ignore"} <= set(named)
    assert not {"id", "type"} & set(named)  # refused, with their own message


def test_a_choice_in_other_case_is_read_and_reported(invoke: Invoke, write: Write) -> None:
    write("goals/x.md", goal_text("Alpha").replace("status: active\n", "status: Active\n"))
    assert json.loads(invoke("list", "--json").stdout)[0]["status"] == "active"
    found = json.loads(invoke("check", "--json", "--select", "H011").stdout)
    assert [(f["line"], f["message"].split(",")[0]) for f in found] == [
        (5, "`status: Active` is read as `active`")
    ]


def test_set_refuses_a_time_for_a_day_and_names_the_day(invoke: Invoke, write: Write) -> None:
    path = write("goals/x.md", goal_text("Alpha"))
    before = path.read_bytes()
    result = invoke("set", "alpha", "due=2026-12-31T10:00")
    assert (result.exit_code, path.read_bytes()) == (2, before)
    assert result.stderr == "journal: due takes a day, not a time: write 2026-12-31\n"
    # reported: taken with a space around it, which every DATE option refuses
    spaced = invoke("set", "alpha", "due= 2026-12-31")
    assert (spaced.exit_code, path.read_bytes()) == (2, before)
    assert spaced.stderr == "journal: due: ' 2026-12-31' has a space around it; write YYYY-MM-DD\n"
    assert invoke("new", "goal", "Zq", "--due", "2026-11-20 ").exit_code == 2


def test_a_choice_with_spaces_around_it_is_reported_as_written(
    invoke: Invoke, write: Write
) -> None:
    write("goals/x.md", goal_text("Alpha").replace("status: active\n", "status: ' active '\n"))
    found = json.loads(invoke("check", "--json", "--select", "H011").stdout)
    assert [f["message"].split(",")[0] for f in found] == [
        "`status: ' active '` is read as `active`"
    ]


def test_set_finds_the_notes_supports_and_feeds_name_as_new_goal_does(
    invoke: Invoke, write: Write
) -> None:
    path = write("goals/x.md", goal_text("Alpha"))
    write("notes/Become an HR Business Partner.md", "---\naliases: [Become an HRBP]\n---\n")
    result = invoke("set", "alpha", "supports=Become an HRBP")
    assert result.exit_code == 0, result.stderr
    assert '\nsupports:\n  - "[[Become an HR Business Partner]]"\n' in path.read_text()
    before = path.read_bytes()
    missing = invoke("set", "alpha", "supports=[[Nowhere]]")
    assert (missing.exit_code, path.read_bytes()) == (1, before)
    assert missing.stderr == "journal: supports: no note called 'Nowhere'; create that note first\n"
    not_a_goal = invoke("set", "alpha", "feeds=Become an HRBP")
    assert not_a_goal.exit_code == 1 and "create the outcome goal first" in not_a_goal.stderr


def test_set_refuses_feeds_on_an_outcome_goal_and_a_goal_linking_itself(
    invoke: Invoke, write: Write
) -> None:
    """Reported: `set feeds=` worked on a `kind: outcome` goal, which `new goal --feeds`
    refuses, and a goal could be set to support itself; check then said nothing.  The
    review: a kind changed afterwards, or read from the metric, got round it."""
    outcome = write("goals/x.md", goal_text("Alpha", kind="outcome"))
    write("goals/y.md", goal_text("Beta"))
    before = outcome.read_bytes()
    refused = (
        "journal: feeds names the outcome goal an activity goal feeds, and this goal would be "
    )
    fix = "; give kind=activity, or clear feeds (feeds=)\n"
    for args, what in (
        (("feeds=Beta",), "kind: outcome"),
        (("feeds=Nowhere",), "kind: outcome"),  # the kind first: a usage error, not a lookup
        (
            ("feeds=Beta", "kind="),
            "an outcome goal (no `kind`, and its metric 'HR leaders met' counts a result)",
        ),
    ):
        fed = invoke("set", "alpha", *args)
        assert (fed.exit_code, fed.stderr) == (2, refused + what + fix), args
    assert outcome.read_bytes() == before
    for link, verb in (
        ("supports=Alpha", "support"),
        ("supports=[[x]]", "support"),
        ("feeds=alpha", "feed"),
    ):
        itself = invoke("set", "alpha", link, "kind=activity")
        key = link.split("=")[0]
        assert (itself.exit_code, itself.stderr) == (
            2,
            f"journal: {key}: names this goal itself, which it can't {verb}\n",
        ), link
    assert outcome.read_bytes() == before
    assert invoke("set", "alpha", "feeds=Beta", "kind=activity").exit_code == 0
    assert "kind: activity\n" in outcome.read_text() and "[[y]]" in outcome.read_text()
    back = invoke("set", "alpha", "kind=outcome")  # the feeds stay: refused too
    assert (back.exit_code, back.stderr) == (2, refused + "kind: outcome" + fix)
    assert invoke("set", "alpha", "kind=outcome", "feeds=").exit_code == 0
    # a goal that says no kind becomes an activity goal, as `new goal --feeds` writes one
    delta = write("goals/w.md", goal_text("Delta"))
    assert invoke("set", "delta", "feeds=Beta").stdout.splitlines() == [
        "goals/w.md: feeds: (none) -> [[y]]",
        "goals/w.md: kind: (none) -> activity",
    ]
    assert "kind: activity\n" in delta.read_text()
    write("goals/z.md", goal_text("Gamma", supports='"[[z]]"'))  # by hand
    found = json.loads(invoke("check", "--json", "--select", "R002").stdout)
    assert [(f["path"], f["message"]) for f in found] == [
        (
            "goals/z.md",
            "supports [[z]], which is this goal itself: it says nothing of why the goal matters",
        )
    ]


def test_set_refuses_supports_or_feeds_that_lead_back_to_the_goal(
    write: Write, invoke: Invoke
) -> None:
    """Found in a new user's tryout: `set` refused a goal supporting itself but wrote a
    loop through another goal (R003 then told it): in it no goal is the bigger one."""
    write("goals/a.md", goal_text("Alpha", supports='"[[c]]"'))
    b = write("goals/b.md", goal_text("Beta"))
    write("goals/c.md", goal_text("Gamma", supports='"[[b]]"'))
    before = b.read_bytes()
    for link in ("supports=Alpha", "feeds=[[a]]"):
        refused = invoke("set", "beta", link, "kind=activity")
        key = link.split("=")[0]
        assert (refused.exit_code, refused.stderr) == (
            2,
            f"journal: {key}: [[a]] leads back to this goal ([[b]] -> [[a]] -> [[c]] -> "
            "[[b]]): a loop, in which no goal is the bigger one; link the bigger goal or "
            "aspiration they serve\n",
        ), link
    assert b.read_bytes() == before
    assert invoke("set", "alpha", "supports=").exit_code == 0
    assert invoke("set", "beta", "supports=Alpha").exit_code == 0  # no loop now: a chain


def test_an_argument_that_is_not_utf8_is_a_usage_error(write: Write, vault: Path) -> None:
    """A Latin-1 terminal's ``café`` reached the commands as a lone surrogate and
    stopped log and search with an internal UnicodeEncodeError."""
    import os
    import subprocess
    import sys

    path = write("goals/g.md", goal_text("G"))
    before = path.read_bytes()
    # found in review: a word `init` anywhere let the word after it through
    for args in (
        [b"log", b"G", b"+1", b"caf\xe9"],
        [b"search", b"caf\xe9"],
        [b"log", b"G", b"+1", b"init", b"caf\xe9"],
    ):
        done = subprocess.run(
            [os.fsencode(sys.executable), b"-m", b"journal", b"--vault", os.fsencode(vault), *args],
            capture_output=True,
            env={**os.environ, "LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"},
        )
        assert done.returncode == 2
        assert done.stderr.decode() == (  # its bytes as `ls` shows them (was U+FFFD)
            f"journal: argument {len(args) + 2} is not UTF-8 text: 'caf\\xe9'\n"
        )
    assert path.read_bytes() == before
    # `init`'s folder is a vault's, told as such (its own message, not "argument 2")
    made = subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"journal", b"init", os.fsencode(vault) + b"/caf\xe9"],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"},
    )
    assert made.returncode == 2
    assert made.stderr.endswith(
        b"caf\\xe9': the name of a folder on its path is not valid UTF-8; rename it\n"
    )
    assert not (vault / os.fsdecode(b"caf\xe9")).exists()


def test_a_vault_folder_named_in_other_bytes_than_utf8_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported (scripting): a `JOURNAL_VAULT` in Latin-1 bytes that does not exist was
    shown `caf\\udce9`, exit 2; one that exists `lat\\xe9v`, exit 1."""
    named = tmp_path / "lat\udce9v"
    try:
        (named / ".journal").mkdir(parents=True)
    except OSError:  # a file system that takes UTF-8 names only (macOS)
        pytest.skip("no folder can be named so here")
    missing = f"journal: vault folder '{tmp_path}/caf\\xe9' does not exist\n"
    unusable = (
        f"journal: vault folder '{tmp_path}/lat\\xe9v': the name of a folder on its path is"
        " not valid UTF-8; rename it\n"
    )
    for folder, told in ((tmp_path / "caf\udce9", missing), (named, unusable)):
        monkeypatch.setenv("JOURNAL_VAULT", str(folder))
        result = CliRunner().invoke(cli, ["list"])
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", told)
        monkeypatch.delenv("JOURNAL_VAULT")
        given = CliRunner().invoke(cli, ["--vault", str(folder), "list"])
        assert (given.exit_code, given.stderr) == (2, told)


def test_a_locale_that_is_not_utf8_reads_names_and_arguments_as_utf8(tmp_path: Path) -> None:
    """Reported: with Python's UTF-8 mode off in the C locale, `Café ✓.md` was "not valid
    UTF-8" and left out of a plan; in a Latin-1 locale its name was read as Latin-1 and
    written back into the plan as `CafÃ©`.  The command starts again in UTF-8 mode."""
    import os
    import subprocess
    import sys

    root = tmp_path / "vault ü"
    (root / ".journal").mkdir(parents=True)
    (root / "goals").mkdir()
    (root / "goals/Café mit Jürgen ✓.md").write_text(goal_text("Café mit Jürgen ✓"), "utf-8")
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    journal = [sys.executable, "-m", "journal", "--vault", os.fsencode(root)]
    listed = subprocess.run([*journal, "list", "--json"], capture_output=True, env=env)
    assert listed.returncode == 0, listed.stderr.decode()
    goals = json.loads(listed.stdout.decode("utf-8"))
    assert [g["path"] for g in goals] == ["goals/Café mit Jürgen ✓.md"]
    assert goals[0]["title"] == "Café mit Jürgen ✓" and listed.stderr == b""
    shown = subprocess.run([*journal, "show", "café".encode()], capture_output=True, env=env)
    assert shown.returncode == 0 and "Café mit Jürgen ✓" in shown.stdout.decode("utf-8")
    plan = subprocess.run([*journal, "plan", "--stdout"], capture_output=True, env=env)
    assert plan.returncode == 0 and '"[[Café mit Jürgen ✓]]"' in plan.stdout.decode("utf-8")


def test_output_to_a_file_or_pipe_is_utf8_whatever_the_stream_encoding(write: Write) -> None:
    """Reported: `█` and `…` in `journal status` stopped it with an internal error on a
    stream of another encoding (``PYTHONIOENCODING=latin-1``, and Windows' cp1252 when
    output is redirected); a file or a pipe now gets UTF-8, as notes are."""
    import os
    import subprocess
    import sys

    vault = write("goals/g.md", goal_text("Grow ✓", current=2)).parents[1]
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    for command in (["status"], ["list"], ["list", "--json"]):
        done = subprocess.run(
            [sys.executable, "-m", "journal", "--vault", str(vault), *command],
            capture_output=True,
            env=env,
        )
        assert (done.returncode, done.stderr) == (0, b"")
        assert "Grow ✓" in done.stdout.decode("utf-8")


def test_a_latin1_locale_reads_names_as_utf8_and_typed_arguments_as_latin1(
    tmp_path: Path,
) -> None:
    """Reported: in a Latin-1 locale `Café mit Jürgen ✓.md` went into a plan as
    `[[CafÃ© ...]]`; then, started again in UTF-8 mode, `café` typed in that terminal
    (Latin-1 bytes) was refused as not UTF-8."""
    import os
    import subprocess
    import sys

    locales = tmp_path / "locales"
    locales.mkdir()
    made = subprocess.run(
        ["localedef", "-i", "en_US", "-f", "ISO-8859-1", str(locales / "en_US.ISO-8859-1")],
        capture_output=True,
    )
    if not (locales / "en_US.ISO-8859-1").exists():
        pytest.skip(f"no Latin-1 locale could be made: {made.stderr[-200:]!r}")
    env = {**os.environ, "LOCPATH": str(locales), "LC_ALL": "en_US.ISO-8859-1"}
    env.pop("PYTHONUTF8", None)
    root = tmp_path / "vault"
    (root / ".journal").mkdir(parents=True)
    (root / "goals").mkdir()
    (root / "goals/Café mit Jürgen ✓.md").write_text(goal_text("Café mit Jürgen ✓"), "utf-8")
    journal = [sys.executable, "-m", "journal", "--vault", str(root)]
    plan = subprocess.run([*journal, "plan", "--stdout"], capture_output=True, env=env)
    assert plan.returncode == 0, plan.stderr
    assert '"[[Café mit Jürgen ✓]]"' in plan.stdout.decode("utf-8")
    shown = subprocess.run([*journal, "show", b"caf\xe9 mit"], capture_output=True, env=env)
    assert shown.returncode == 0, shown.stderr
    assert "Café mit Jürgen ✓" in shown.stdout.decode("utf-8")
    # Python's own arguments (a script in a folder named in Latin-1) and an argument that
    # names a file go on as they were given
    folder = tmp_path / os.fsdecode(b"bin-\xe9")
    folder.mkdir()
    script = folder / "journal"  # what pip writes as the console script
    script.write_text("import sys\nfrom journal.start import main\nsys.exit(main())\n")
    version = subprocess.run([sys.executable, script, "--version"], capture_output=True, env=env)
    assert version.returncode == 0 and b"journal" in version.stdout, version.stderr
    (folder / "vault").mkdir()
    found = subprocess.run(
        [*journal[:3], "--vault", folder / "vault", "list"], capture_output=True, env=env
    )
    # not another folder; reported (tryout): "argument 2 is not UTF-8 text", its byte
    # shown as U+FFFD, where the vault's own message says what to do
    told = b"bin-\\xe9/vault': the name of a folder on its path is not valid UTF-8; rename it\n"
    assert found.returncode == 2 and found.stderr.endswith(told), found.stderr
    option = os.fsencode(f"--vault={folder / 'vault'}")
    found = subprocess.run([*journal[:3], option, "list"], capture_output=True, env=env)
    assert found.returncode == 2 and found.stderr.endswith(told), found.stderr


def test_a_line_break_in_a_file_name_stays_on_its_line(invoke: Invoke, write: Write) -> None:
    """Reported: a note named `Call Dana<newline>DONE.md` was printed over two lines by
    list, search and watch, so a script reading line by line got a fake entry."""
    write("notes/Call Dana\nDONE.md", "# Call Dana\n\nAbout the referral.\n")
    listed = invoke("list", "--type", "note")
    assert listed.exit_code == 0
    assert "notes/Call Dana\\nDONE.md" in listed.stdout
    assert listed.stdout == "note  Call Dana\\nDONE  (notes/Call Dana\\nDONE.md)\n"
    found = invoke("search", "referral")
    assert found.exit_code == 0 and "notes/Call Dana\\nDONE.md" in found.stdout
    assert not any(line.startswith("DONE.md") for line in found.stdout.splitlines())
    data = json.loads(invoke("list", "--type", "note", "--json").stdout)
    assert data[0]["path"] == "notes/Call Dana\nDONE.md"  # JSON keeps the name as it is


def test_a_line_break_in_a_goals_file_name_stays_on_its_line_in_every_report(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """Reported: `show`, `set`, `done`, the file headers of `check` and `history` still
    printed a goal's `new<newline>line.md` over two lines."""
    from tests.gitutil import Git

    write("goals/new\nline.md", goal_text("Grow", id="grow", metric=""))
    Git(vault, tmp_path / "home").init().commit("start", "2026-11-20")
    outputs = [
        invoke("show", "grow").stdout,
        invoke("check").stdout,
        invoke("set", "grow", "status=paused").stdout,
        invoke("done", "grow").stdout,
        invoke("done", "grow").stdout,
        invoke("history", "grow").stdout,
    ]
    for output in outputs:
        assert "goals/new\\nline.md" in output, output
        assert not any(line.startswith("line.md") for line in output.splitlines()), output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("list", "--area", "nowhere"), "no goals match"),
        (("list", "--status", "dropped"), "no goals match"),
        (("list", "--type", "review"), "no notes match"),
        (("search", "zebra"), "no notes match"),
        (("people",), "no contacts yet"),
        (("followups",), "no follow-ups due"),
    ],
)
def test_nothing_to_list_is_said_on_stderr(
    invoke: Invoke, write: Write, args: tuple[str, ...], message: str
) -> None:
    """Reported: `journal list --status dropped | wc -l` counted 1 for no goal: "no goals
    match" was printed on stdout, where a script reads the entries."""
    write("goals/a.md", goal_text())
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"journal: {message}\n")


def test_a_tab_or_line_break_in_note_text_stays_on_its_line_in_every_view(
    invoke: Invoke, write: Write
) -> None:
    """Reported: `status` and `show` printed a title's tab and line break as they are,
    splitting a row over two lines, where `list`, `log GOAL` and `search` show them as
    `\\t` and `\\n`; so did `people`, `followups`, `log`'s line for a file name holding a
    tab, and `done`'s for a milestone title holding one."""
    title = "Tab\\there\\nnewline"  # as the YAML has it
    write(
        "goals/Tab\tfile.md",
        goal_text(f'"{title}"', id="tabbed").replace(
            "due: 2026-12-31\n", 'due: 2026-12-31\nmilestones:\n  - title: "M\\tone"\n'
        ),
    )
    contact = '---\ntype: contact\ntitle: Dana\norg: "Bright\\tline\\nSoftware"\n---\n'
    write("people/Dana.md", contact)
    write(
        "meetings/2026-11-20 Odd.md",
        '---\ntype: meeting\ndate: 2026-11-20\ntitle: "Odd\\tmeeting\\nsplit"\n'
        'with:\n  - "[[Dana]]"\nfollow_up_by: 2026-11-25\n---\n',
    )
    outputs = {
        args: invoke(*args)
        for args in [
            ("status",),
            ("show", "tabbed"),
            ("people",),
            ("followups",),
            ("list",),
            ("log", "tabbed", "+1", "call"),
            ("done", "tabbed", "--milestone", "M"),
            ("done", "tabbed", "--milestone", "M"),  # already done: its own line
        ]
    }
    for args, result in outputs.items():
        assert result.exit_code == 0, (args, result.stderr)
        assert "\t" not in result.stdout, args
        starts = ("newline", "Software", "split")
        assert not any(line.startswith(starts) for line in result.stdout.splitlines()), args
    for args in (("status",), ("show", "tabbed"), ("list",)):
        assert "Tab\\there\\nnewline" in outputs[args].stdout, args
    assert "Bright\\tline\\nSoftware" in outputs["people",].stdout
    assert "Odd\\tmeeting\\nsplit" in outputs["followups",].stdout
    assert outputs["log", "tabbed", "+1", "call"].stdout.startswith("goals/Tab\\tfile.md: ")
    assert "M\\tone" in outputs["done", "tabbed", "--milestone", "M"].stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["plan", "--help"],
        ["new", "goal", "--help"],
        ["obsidian", "--help"],
    ],
)
def test_help_to_a_closed_pipe_or_a_full_disk_fails_as_a_commands_output_does(
    args: list[str],
) -> None:
    """Reported: `journal --help | (exec 0<&-; true)` exited 1 (a command: 141), and
    `journal --help >/dev/full` printed a Python traceback."""
    import os
    import subprocess
    import sys

    journal = [sys.executable, "-m", "journal", *args]
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte
    try:
        closed = subprocess.run(journal, stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert (closed.returncode, closed.stderr) == (141, b"")
    full_disk = Path("/dev/full")
    if not full_disk.exists():
        return
    with full_disk.open("wb") as full:
        failed = subprocess.run(journal, stdout=full, stderr=subprocess.PIPE, text=True)
    assert failed.returncode == 1
    assert failed.stderr == "journal: can't write the output: No space left on device\n"


def test_another_pipes_sigpipe_does_not_stop_the_output(vault: Path) -> None:
    """Found under load: `kill` of an index build's process group (its workers too) made
    the build exit 1, not 143: the pipe to a dead worker raised SIGPIPE, taken for the
    output's reader gone, and the stop's own line then failed. A SIGPIPE that is not the
    output's leaves the output alone."""
    import subprocess
    import sys

    script = (
        "import os, signal, sys\n"
        "import journal.cli as c\n"
        "group = c.cli\n"
        "def run(*args, **kwargs):\n"
        "    os.kill(os.getpid(), signal.SIGPIPE)  # another pipe's reader went away\n"
        "    return group(*args, **kwargs)\n"
        "c.cli = run\n"
        f"sys.argv = ['journal', '--vault', {str(vault)!r}, 'list', '--json']\n"
        "c.main()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (0, "[]\n", "")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    "args",
    [["list"], ["list", "--json"], ["status"], ["review", "--stdout"], ["show", "five"]],
)
def test_a_commands_output_to_a_full_disk_is_one_line(
    example_vault: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Reported: `journal list >/dev/full` said "internal error: OSError" (only `--help`
    gave the line docs/commands.md promises)."""
    import subprocess
    import sys

    monkeypatch.setenv("JOURNAL_INDEX", str(tmp_path / "index.sqlite"))
    journal = [sys.executable, "-m", "journal", "--vault", str(example_vault), *args]
    with Path("/dev/full").open("wb") as full:
        failed = subprocess.run(journal, stdout=full, stderr=subprocess.PIPE, text=True)
    assert (failed.returncode, failed.stderr) == (
        1,
        "journal: can't write the output: No space left on device\n",
    )


@pytest.mark.parametrize(
    "args", [["list", "--json"], ["review", "--stdout"], ["status"], ["--help"], ["--version"]]
)
def test_a_closed_output_fails_as_a_full_disk_does(
    example_vault: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Reported: `journal review --stdout >&-` and `journal list --json >&-` exited 0,
    nothing written: Python makes a closed stdout None, which click's echo skips."""
    import subprocess
    import sys

    monkeypatch.setenv("JOURNAL_INDEX", str(tmp_path / "index.sqlite"))
    journal = [sys.executable, "-m", "journal", "--vault", str(example_vault), *args]
    closed = subprocess.run(
        ["sh", "-c", 'exec "$@" >&-', "sh", *journal], stderr=subprocess.PIPE, text=True
    )
    assert (closed.returncode, closed.stderr) == (
        1,
        "journal: can't write the output: Bad file descriptor\n",
    )


def test_a_closed_stderr_loses_the_messages_not_the_exit_code(
    example_vault: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`2>&-`: no traceback, the output and the exit codes as ever, and the index (which
    might have taken the closed descriptor) intact."""
    import subprocess
    import sys

    monkeypatch.setenv("JOURNAL_INDEX", str(tmp_path / "index.sqlite"))
    journal = [sys.executable, "-m", "journal", "--vault", str(example_vault)]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        shell = ["sh", "-c", 'exec "$@" 2>&-', "sh", *journal, *args]
        return subprocess.run(shell, stdout=subprocess.PIPE, text=True)

    listed = run("list", "--json")
    assert listed.returncode == 0 and len(json.loads(listed.stdout)) == 10
    assert (run("show", "no such goal").returncode, run("list", "--jsno").returncode) == (1, 2)
    again = subprocess.run([*journal, "list", "--json"], capture_output=True, text=True)
    assert (again.returncode, again.stderr, again.stdout) == (0, "", listed.stdout)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_an_unwritable_stderr_loses_the_messages_not_the_exit_code(
    example_vault: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Reported (tryout): `journal set X bogus=1 2>/dev/full` (and `journal list --bogus`
    with its stderr a pipe no one reads) exited 1, a finding's code, where a usage error
    is 2."""
    import subprocess
    import sys

    monkeypatch.setenv("JOURNAL_INDEX", str(tmp_path / "index.sqlite"))
    journal = [sys.executable, "-m", "journal", "--vault", str(example_vault)]
    codes = {}
    for args in (["list", "--bogus"], ["set", "employment law", "bogus=1"], ["show", "nope"]):
        with Path("/dev/full").open("wb") as full:
            done = subprocess.run([*journal, *args], stdout=subprocess.PIPE, stderr=full)
        codes[args[0]] = done.returncode
    assert codes == {"list": 2, "set": 2, "show": 1}
    listed = subprocess.run([*journal, "list", "--json"], capture_output=True, text=True)
    assert listed.returncode == 0 and listed.stderr == ""


def test_a_closed_input_reads_as_an_empty_one(
    example_vault: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A tryout (hooks and cron start commands with stdin closed): `new meeting` with a
    person not in the contacts gave "internal error: AttributeError: 'NoneType' object
    has no attribute 'isatty'" under `<&-`; it now answers as under `</dev/null`."""
    import subprocess
    import sys

    monkeypatch.setenv("JOURNAL_INDEX", str(tmp_path / "index.sqlite"))
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-22")
    journal = [sys.executable, "-m", "journal", "--vault", str(example_vault)]
    meeting = ["new", "meeting", "--with", "Zed Quill", "--kind", "coffee"]
    closed = subprocess.run(
        ["sh", "-c", 'exec "$@" <&-', "sh", *journal, *meeting], capture_output=True, text=True
    )
    empty = subprocess.run(
        [*journal, *meeting], stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    assert "internal error" not in closed.stderr
    assert (closed.returncode, closed.stderr) == (empty.returncode, empty.stderr)
    assert "Zed Quill" in closed.stderr and closed.returncode == 1
    assert not list((example_vault / "meetings").glob("*Zed*"))


def test_a_stop_signal_outside_a_commands_run_is_raised_as_it_starts_or_not_at_all() -> None:
    """Reported: Ctrl-C or SIGTERM while click parsed the arguments or closed the command
    gave click's `Aborted!` and exit 1.  Now one that comes before the command runs stops
    it as it starts (the usual line, 130 or 143); one that comes after it ended leaves its
    exit code as it was."""
    import signal

    from journal.cli import Terminated, _Stopping

    stops = _Stopping()
    stops(signal.SIGTERM, None)  # not armed yet: kept for later
    with pytest.raises(Terminated) as info:
        stops.arm()
    assert info.value.signum == signal.SIGTERM
    stops = _Stopping()
    stops.arm()
    with pytest.raises(Terminated) as info:
        stops(signal.SIGINT, None)
    assert info.value.signum == signal.SIGINT
    stops.armed = False  # the command ended
    stops(signal.SIGINT, None)  # nothing raised


#: A command whose work drops an object whose finalizer is running as the stop comes,
#: and goes on.
STOP_IN_A_FINALIZER = """
import signal, sys, time
import journal.usecases.listing as listing
class Dropped:
    def __del__(self):
        signal.raise_signal(signal.SIG)  # Python runs the handler inside __del__
        sum(range(100))
real = listing.list_notes
def listed(*args, **kwargs):
    if sys.argv[2] == "late":  # as the command's work ends
        found = real(*args, **kwargs)
        Dropped()
        return found
    Dropped()
    time.sleep(5)  # the command's work goes on
    return real(*args, **kwargs)
listing.list_notes = listed
sys.argv = ["journal", "--vault", sys.argv[1], "list", "--json"]
from journal.cli import main
main()
"""


@pytest.mark.parametrize("sig", ["SIGINT", "SIGTERM"])
def test_a_stop_that_lands_in_a_finalizer_still_stops_the_command(vault: Path, sig: str) -> None:
    """Found in a tryout: a Ctrl-C or `kill` that came as the build's worker processes
    were let go landed in a finalizer (a weakref callback, a connection's ``__del__``),
    where Python prints "Exception ignored in ..." with a traceback and drops it: the
    command ran on and exited 0.  The stop is raised again once the finalizer is done."""
    import os
    import signal
    import subprocess
    import sys

    code = STOP_IN_A_FINALIZER.replace("signal.SIG)", f"signal.{sig})")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(vault), "soon"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 128 + getattr(signal, sig), done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr.startswith("journal: interrupted")
    # dropped as the command ends (found in review: the timer went off after it, and
    # killed the process, "Alarm clock", exit 142): stopped, or ended as it would have
    for _ in range(5):
        done = subprocess.run(
            [sys.executable, "-c", code, str(vault), "late"],
            capture_output=True,
            text=True,
            env=env,
        )
        assert (done.returncode, done.stderr) in (
            (0, ""),
            (128 + getattr(signal, sig), STOPPED),
        ), done.stderr


def test_ctrl_c_while_journal_is_loading_stops_it_with_one_line() -> None:
    """Reported: Ctrl-C during the tenth of a second Python takes to import journal's
    modules printed a traceback from inside `import click`."""
    import subprocess
    import sys

    code = (
        "import os, signal, sys; sys.argv = ['journal', '--help'];"
        "import journal.start as start; signal.signal(signal.SIGINT, start._stop);"
        "os.kill(os.getpid(), signal.SIGINT); import journal.cli"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (130, STOPPED)


def test_a_goal_is_named_by_the_path_a_shell_completes(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `show ./goals/Network more.md` (or an absolute path, or one from the
    folder above the vault) was "no goal called ...", though `check` takes such paths."""
    path = write("goals/Network more.md", goal_text("Network more"))
    write("people/Dana.md", "---\ntype: contact\n---\n# Dana\n")
    (vault.parent / "elsewhere.md").write_text(goal_text("Elsewhere"), encoding="utf-8")
    monkeypatch.chdir(vault)
    for ref in ("./goals/Network more.md", str(path), "goals/../goals/Network more.md"):
        shown = invoke("show", ref, "--json")
        assert shown.exit_code == 0, (ref, shown.stderr)
        assert json.loads(shown.stdout)["path"] == "goals/Network more.md"
    assert invoke("log", "./goals/Network more.md", "+1", "--date", "2026-11-21").exit_code == 0
    assert "- 2026-11-21: +1\n" in path.read_text()
    monkeypatch.chdir(vault.parent)
    assert invoke("set", "vault/goals/Network more.md", "target=6").exit_code == 0
    assert "target: 6\n" in path.read_text()
    outside = invoke("show", "elsewhere.md")  # a file, but not in the vault
    assert (outside.exit_code, outside.stderr) == (1, "journal: no goal called 'elsewhere.md'\n")
    # a symlinked note is never followed, by a path either (review)
    (vault / "goals/alias.md").symlink_to("Network more.md")
    linked = invoke("set", "vault/goals/alias.md", "target=7")
    assert linked.exit_code == 1 and "target: 6\n" in path.read_text(), linked.output
    assert "journal: no goal called 'vault/goals/alias.md'" in linked.stderr
    (vault / "goals/alias.md").unlink()
    (vault / "lg").symlink_to("goals")  # a folder link: no note through it either (review)
    through = invoke("show", "vault/lg/Network more.md")
    assert through.exit_code == 1, through.output
    assert "journal: no goal called 'vault/lg/Network more.md'" in through.stderr
    checked = invoke("check", "vault/lg/Network more.md")  # a file not in the vault: skipped
    assert (checked.exit_code, checked.stdout) == (2, "")  # nothing to check
    assert (
        "journal: vault/lg/Network more.md: reached through a symlink, which the vault "
        f"{vault} never follows; skipped\n"
    ) in checked.stderr
    (vault / "lg").unlink()
    (vault.parent / "vlink").symlink_to(vault)  # the vault's own folder by a link: fine
    by_link = invoke("show", "vlink/goals/Network more.md", "--json")
    assert json.loads(by_link.stdout)["path"] == "goals/Network more.md", by_link.output
    long_name = "a" * 300  # too long for a file name: a name, and no internal error
    for command in ("show", "check"):
        result = invoke(command, long_name)
        assert (result.exit_code, result.stderr) == (
            1,
            f"journal: no goal called '{long_name}'\n",
        ), command
    contact = invoke("show", "vault/people/Dana.md")
    assert (contact.exit_code, contact.stderr) == (
        1,
        "journal: no goal called 'people/Dana.md' (people/Dana.md is a contact)\n",
    )


def test_a_part_of_a_contacts_name_is_told_to_be_a_contact(
    invoke: Invoke, example_vault: Path
) -> None:
    """Reported: `show "Dana Ortiz"` said the name is a contact's, but `show ortiz`
    (a part, which the meetings named after her hold too) only "no goal called"."""
    for ref, contact in (("ortiz", "Dana Ortiz"), ("Elena", "Elena Varga")):
        result = invoke("show", ref, root=example_vault)
        assert (result.exit_code, result.stderr) == (
            1,
            f"journal: no goal called '{ref}' (people/{contact}.md is a contact)\n",
        )


def test_a_plain_note_named_as_a_goal_is_told_how_to_become_one(
    invoke: Invoke, vault: Path, write: Write
) -> None:
    """Reported (a migrated vault): `show "Read 24 books"` said only "(Read 24
    books.md is a note)"; the note a user means to track is made a goal in its front
    matter, which nothing said."""
    write("Read 24 books.md", "---\ntags: [reading]\n---\nRead 24 books in 2026. So far 19.\n")
    for command in (("show",), ("set", "target=24")):
        result = invoke(*command[:1], "Read 24 books", *command[1:])
        assert (result.exit_code, result.stderr) == (
            1,
            "journal: no goal called 'Read 24 books' (Read 24 books.md is a note; to make it"
            " a goal, add `type: goal` to its front matter)\n",
        ), command
    write("Read 24 books.md", "---\ntype: reading\n---\nSo far 19.\n")  # (the verifier)
    assert invoke("show", "Read 24 books").stderr.endswith(
        "to make it a goal, change its `type: reading` to `type: goal`)\n"
    )
    write("Read 24 books.md", "So far 19.\n")
    assert invoke("show", "Read 24 books").stderr.endswith(
        "to make it a goal, add front matter at its top, three lines: `---`, `type: goal`, `---`)\n"
    )
    contact = invoke("show", "Dana")  # a contact is only said to be one
    assert "type: goal" not in contact.stderr


@pytest.mark.parametrize("args", [("list",), ("status",), ("review", "--stdout")])
@pytest.mark.parametrize(
    ("value", "shown"),
    [('"a\\nb"', "due: 'a\\nb' is not a date"), ("|\n  block\n  text", "'block\\ntext")],
)
def test_a_line_break_in_a_bad_value_stays_on_one_stderr_line(
    invoke: Invoke, write: Write, args: tuple[str, ...], value: str, shown: str
) -> None:
    """Reported: `due: "a\\nb"` printed `due: 'a` and `b' is not a date` on two lines of
    stderr in list, status, review and log; check showed it as `'a\\nb'`."""
    write("goals/x.md", goal_text("Alpha", due=value))
    result = invoke(*args)
    line = next(line for line in result.stderr.splitlines() if "goals/x.md" in line)
    assert line.startswith("goals/x.md:")
    assert shown in line


@pytest.mark.parametrize(
    ("text", "line", "why"),
    [
        (goal_text("Alpha", type="goals"), 2, "its `type` is 'goals', not goal"),
        (goal_text("Alpha").replace("type:", "Type:"), 2, "its key is `Type`, not `type`"),
        (goal_text("Alpha", type=""), 2, "its `type` is empty, not goal"),
        (goal_text("Alpha", type=42), 2, "its `type` is 42, not goal"),
        (goal_text("Alpha", type="[goal]"), 2, "its `type` is [goal], not goal"),
        (goal_text("Alpha").replace("type: goal\n", ""), 1, "it has no `type: goal`"),
        ("# Alpha\n", 1, "it has no front matter, so no `type: goal`"),
    ],
)
def test_a_note_in_the_goal_folder_that_is_no_goal_says_why(
    invoke: Invoke, write: Write, text: str, line: int, why: str
) -> None:
    """Reported: a goal whose `type` was mistyped (`goals`, `Type:`, none) or that has
    no front matter vanished from `list`, `check` and `show` with no word of why (an
    emptied one can't be read: test_unreadable_goals)."""
    write("goals/a.md", text)
    write("goals/b.md", goal_text("Beta"))
    listed = invoke("list")
    assert listed.stderr.startswith(f"goals/a.md:{line}: warning: not read as a goal: {why}")
    written = "write `type: goal`," if text.startswith("---") else "`---`, `type: goal`, `---`;"
    assert listed.stderr.endswith(f"{written} or move the note out of the goal folder\n")
    checked = json.loads(invoke("check", "--json").stdout)
    found = [(f["path"], f["line"]) for f in checked if f["rule"] == "H016"]
    assert found == [("goals/a.md", line)]
    if text.startswith("---"):  # a note without front matter is found by its file name alone
        shown = invoke("show", "alpha")
        assert f"(goals/a.md is a note, not read as a goal: {why}" in shown.stderr


@pytest.mark.parametrize(
    ("path", "line", "why"),
    [
        ("meetings/m.md", "type: meetng", "a meeting: its `type` is 'meetng', not meeting"),
        ("meetings/m.md", "type: Meetings", "a meeting: its `type` is 'Meetings', not meeting"),
        ("meetings/m.md", "Type: meeting", "a meeting: its key is `Type`, not `type`"),
        ("people/Sam.md", "type: contacts", "a contact: its `type` is 'contacts', not contact"),
    ],
)
def test_a_slip_in_a_meetings_or_contacts_type_line_is_told(
    invoke: Invoke, write: Write, path: str, line: str, why: str
) -> None:
    """Found by fuzzing: `type: meetng` (or `meetings`, `Type:`) made a meeting a plain
    note, and its open follow-up vanished from `followups`, `status` and the review, with
    nothing said by `list` or `check`."""
    write(path, f"---\n{line}\ndate: 2026-11-18\nfollow_up_by: 2026-11-20\n---\n# M\n")
    write("goals/b.md", goal_text("Beta"))
    told = f"{path}:2: warning: not read as {why}"
    for command in ("list", "followups", "status", "people"):
        assert invoke(command).stderr.startswith(told), command
    checked = json.loads(invoke("check", "--json").stdout)
    assert [(f["path"], f["line"]) for f in checked if f["rule"] == "H017"] == [(path, 2)]


@pytest.mark.parametrize(
    "text",
    ["# Agenda, no front matter\n", "---\ntype: agenda\n---\n", "---\ntitle: Notes\n---\n"],
)
def test_a_note_of_the_users_own_in_the_meeting_folder_stays_quiet(
    invoke: Invoke, write: Write, text: str
) -> None:
    write("meetings/agenda.md", text)
    write("goals/b.md", goal_text("Beta"))
    assert "meetings/agenda.md" not in invoke("list").stderr + invoke("followups").stderr
    assert "H017" not in invoke("check").stdout


@pytest.mark.parametrize(
    ("path", "text", "config"),
    [
        ("goals/m.md", "---\ntype: meeting\ndate: 2026-11-20\n---\n", ""),  # another journal type
        ("goals/r.md", "---\ntype: review\n---\n", ""),
        ("notes/a.md", "# A plain note\n", ""),  # outside the goal folder
        ("a.md", "# A plain note\n", '[folders]\ngoal = "."\n'),  # the goal folder is the root
        ("goals/e.md", "---\n---\n", ""),  # an empty block: H007 says so
    ],
)
def test_notes_that_are_no_goals_where_none_is_expected_stay_quiet(
    invoke: Invoke, write: Write, path: str, text: str, config: str
) -> None:
    if config:
        write(".journal/config.toml", config)
    write(path, text)
    write("goals/b.md", goal_text("Beta"))
    assert "not read as a goal" not in invoke("list").stderr
    assert "H016" not in invoke("check").stdout


def test_a_title_set_that_the_file_name_does_not_say_is_told(invoke: Invoke, write: Write) -> None:
    """Found in a tryout: `set title=` on the goal `check` called vague left the review,
    the plan and Obsidian showing the old name (links show the file's), with no word."""
    write("goals/Get better.md", goal_text("Get better"))
    result = invoke("set", "Get better", "title=Build 3 dashboards")
    assert result.exit_code == 0
    assert result.stderr == (
        "journal: goals/Get better.md: links to the goal (in the review, the plan, Obsidian) "
        "show its file's name, 'Get better': rename the file in Obsidian, which updates the "
        "links to it, to have them show the new title\n"
    )
    assert (
        json.loads(invoke("set", "Get better", "title=Get better", "--json").stdout)["file_name"]
        is None
    )


def test_a_title_makes_a_heading_that_adds_no_tag_or_link(invoke: Invoke, vault: Path) -> None:
    """Reported: `journal new goal 'Q1: raise eNPS #people [draft] "v2"'` wrote the heading
    `# Q1: raise eNPS #people ...`, and the new goal had the tag `people`."""
    from journal.core.notes import parse_note

    title = 'Q1: raise eNPS #people [draft] "v2" [[Dana]] C:\\temp `#code`'
    result = invoke("new", "goal", title, "--metric", "eNPS", "--target", "10")
    assert result.exit_code == 0, result.stderr
    invoke("new", "contact", "Ana #hr [[Bo]]")
    met = invoke("new", "meeting", "--with", "Ana #hr [[Bo]]", "--title", "Sync #q1 [[Cy]]")
    assert met.exit_code == 0, met.stderr
    heading = '# Q1: raise eNPS \\#people \\[draft] "v2" \\[\\[Dana]] C:\\\\temp `#code`\n'
    written = {p.parent.name: p for p in vault.glob("*/*.md")}
    assert written["goals"].read_text().count(heading) == 1
    assert "\n# Ana \\#hr \\[\\[Bo]]\n" in written["people"].read_text()
    assert "\n# Sync \\#q1 \\[\\[Cy]]\n" in written["meetings"].read_text()
    for path in written.values():
        note = parse_note(path.name, path.read_bytes())
        assert (note.tags, [link.target for link in note.links if link.key is None]) == ([], [])
    shown = json.loads(invoke("show", "q1-raise-enps", "--json").stdout)
    assert shown["title"] == title  # the property is the title as typed
    hits = json.loads(invoke("search", "eNPS", "--json").stdout)
    assert "\\#" not in hits[0]["snippet"]  # the heading that says the title is left out


@pytest.fixture
def gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder deleted while the shell stays in it (``mkdir gone; cd gone;
    rmdir ../gone``); ``PWD`` says where the shell thinks it is."""
    folder = tmp_path / "place" / "gone"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("PWD", str(folder))
    folder.rmdir()
    return folder


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["show", "Connect with five"],
        ["check", "Connect with five"],
        ["log", "Connect with five", "+1", "call"],
        ["status"],
    ],
)
@pytest.mark.parametrize("how", ["--vault", "JOURNAL_VAULT"])
def test_a_deleted_working_folder_changes_nothing_for_a_vault_given_by_its_absolute_path(
    gone: Path,
    vault: Path,
    write: Write,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    how: str,
) -> None:
    """Reported: every command ended in `internal error: FileNotFoundError`, also with an
    absolute `--vault`."""
    write("goals/a.md", goal_text())
    if how == "JOURNAL_VAULT":
        monkeypatch.setenv("JOURNAL_VAULT", str(vault))
    given = ["--vault", str(vault)] if how == "--vault" else []
    result = CliRunner().invoke(cli, [*given, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert "internal error" not in result.stderr
    assert result.stdout


def test_init_makes_a_vault_at_an_absolute_path_from_a_deleted_working_folder(
    gone: Path, tmp_path: Path
) -> None:
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "new")], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "new/.journal/config.toml").is_file()


@pytest.mark.parametrize(
    "args", [["list"], ["--vault", "vault", "list"], ["init"], ["init", "new"]]
)
def test_a_deleted_working_folder_is_one_line_when_the_vault_is_to_be_found_from_it(
    gone: Path, args: list[str]
) -> None:
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.stderr == (
        f"journal: the working folder {gone} no longer exists (deleted, or moved away): "
        f'cd to one that exists (cd "{gone.parent}"), or give the vault as an absolute '
        "path\n"
    )
    assert not gone.exists()


def test_a_deleted_working_folder_the_shell_does_not_name_is_still_one_line(
    gone: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PWD")
    result = CliRunner().invoke(cli, ["list"], catch_exceptions=False)
    assert (result.exit_code, result.stderr) == (
        1,
        "journal: the working folder no longer exists (deleted, or moved away): cd to one "
        "that exists, or give the vault as an absolute path\n",
    )


def test_a_trailing_carriage_return_on_any_argument_is_dropped(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: a Git Bash script saved with CRLF passes a `\\r` on its lines' last
    argument; `set` and `show` took it, `log` refused `'+1\\x0d'` and `--date` said `has
    a space around it`."""
    path = write("goals/x.md", goal_text("Mix FM", target=5, current=0))
    logged = invoke("log", "Mix FM", "+1\r")
    assert logged.exit_code == 0, logged.stderr
    dated = invoke("log", "Mix FM", "+1", "--date", "2026-11-20\r")
    assert dated.exit_code == 0, dated.stderr
    assert "\ncurrent: 2\n" in path.read_text() and "\r" not in path.read_text()
    assert "- 2026-11-20" in path.read_text()
    assert invoke("show", "Mix FM\r").exit_code == 0
    listed = invoke("list", "--json\r")
    assert listed.exit_code == 0, listed.stderr
    assert [g["title"] for g in json.loads(listed.stdout)] == ["Mix FM"]


def test_a_trailing_carriage_return_on_a_journal_variable_is_dropped(
    write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tryout: a CRLF `.env` sourced in Git Bash gave `JOURNAL_VAULT=$'ev\\r'`, told
    `vault folder 'ev\\x0d' does not exist` (its `\\r` is dropped from `--vault`); so is
    every variable of journal's: `JOURNAL_INDEX` made a file whose name ends in `\\r`,
    and `JOURNAL_PLAIN=$'0\\r'` turned plain output on."""
    write("goals/x.md", goal_text("Mix FM"))
    monkeypatch.chdir(vault.parent)
    for name, value in {
        "JOURNAL_VAULT": vault.name,
        "JOURNAL_INDEX": str(tmp_path / "index.sqlite"),
        "JOURNAL_PLAIN": "0",
        "JOURNAL_TODAY": "2026-11-22",
    }.items():
        monkeypatch.setenv(name, value + "\r")
    listed = CliRunner().invoke(cli, ["list"], catch_exceptions=False)
    assert (listed.exit_code, listed.stderr) == (0, "")
    assert "█" in listed.stdout  # the bar: not plain
    assert (tmp_path / "index.sqlite").is_file()
    assert not (tmp_path / "index.sqlite\r").exists()
