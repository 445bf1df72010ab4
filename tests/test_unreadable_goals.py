"""Goal, meeting and contact notes whose front matter can't be read: every command that
reads them says so, the review lists them, and a lookup by name says why the note can't
be used."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from journal.core.catalog import Catalog, meant_as
from journal.core.errors import Ambiguous, JournalError
from journal.core.notes import parse_note
from tests.conftest import Invoke, Write, goal_text, permissions_checked
from tests.gitutil import Git

HRBP = "goals/Become an HR Business Partner.md"
MENTOR = "goals/Find a mentor in HR leadership.md"
HRBP_PROBLEM = f"{HRBP}:6: invalid front matter: duplicate key 'status' (first on line 5)"
MENTOR_PROBLEM = f"{MENTOR}:23: invalid front matter: a ':' inside a value; put the value in quotes"


def break_two_goals(root: Path) -> None:
    """The new user's vault: a duplicate ``status:`` and an unquoted ``why: Key point: ...``."""
    hrbp = root / HRBP
    text = hrbp.read_text(encoding="utf-8")
    hrbp.write_text(text.replace("status: active\n", "status: active\nstatus: paused\n", 1))
    mentor = root / MENTOR
    lines = mentor.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[22].startswith("why: ")
    lines[22] = "why: Key point: someone who made the move can tell me what matters\n"
    mentor.write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ("review", "--stdout"),
        ("plan", "--stdout"),
        ("review",),
        ("plan",),
        ("list",),
        ("status",),
        ("followups",),
        ("people",),
    ],
)
def test_commands_that_read_the_goals_name_the_unreadable_ones(
    invoke: Invoke, example_vault: Path, args: tuple[str, ...]
) -> None:
    break_two_goals(example_vault)
    result = invoke(*args, root=example_vault)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [HRBP_PROBLEM, MENTOR_PROBLEM]


def test_the_review_lists_goal_notes_it_could_not_read(invoke: Invoke, example_vault: Path) -> None:
    break_two_goals(example_vault)
    out = invoke("review", "--stdout", root=example_vault).stdout
    attention = out.split("## Needs attention")[1].split("<!-- journal:end attention")[0]
    assert (
        "- Can't read [[Become an HR Business Partner]] (goals/Become an HR Business Partner.md, "
        "line 6): invalid front matter: duplicate key 'status' (first on line 5); "
        "fix it to see this goal here\n" in attention
    )
    assert (
        "- Can't read [[Find a mentor in HR leadership]] (goals/Find a mentor in HR "
        "leadership.md, line 23): invalid front matter: a ':' inside a value; put the value "
        "in quotes; fix it to see this goal here\n" in attention
    )


def test_a_goal_typed_note_outside_the_goal_folder_counts_and_a_plain_one_does_not(
    invoke: Invoke, write: Write
) -> None:
    write("projects/Mentor plan.md", "---\ntype: goal\ntitle: a: b\n---\n")
    write("notes/Meeting prep.md", "---\ntitle: a: b\n---\n")
    result = invoke("review", "--stdout")
    assert result.stderr.splitlines() == [
        "projects/Mentor plan.md:3: invalid front matter: a ':' inside a value; "
        "put the value in quotes"
    ]
    assert "Can't read [[Mentor plan]]" in result.stdout
    assert "Meeting prep" not in result.stdout


@pytest.mark.parametrize(
    "command", [("show",), ("log", "+1"), ("set", "current=2"), ("history",), ("done",)]
)
@pytest.mark.parametrize(
    ("ref", "problem"),
    [
        ("Find a mentor", MENTOR_PROBLEM),
        ("HR Business", HRBP_PROBLEM),
        ("find-a-mentor-in-hr-leadership", MENTOR_PROBLEM),  # its id: "no goal called" once
        ("become-an-hr-business-partner", HRBP_PROBLEM),
    ],
)
def test_naming_an_unreadable_goal_says_why_it_cant_be_used(
    invoke: Invoke, example_vault: Path, command: tuple[str, ...], ref: str, problem: str
) -> None:
    break_two_goals(example_vault)
    before = (example_vault / MENTOR).read_bytes()
    result = invoke(command[0], ref, *command[1:], root=example_vault)
    path, line, message = problem.split(":", 2)
    assert result.exit_code == 1
    assert result.stderr == f"{path}:{line}: can't use this note:{message}\n"
    assert (example_vault / MENTOR).read_bytes() == before


def test_a_part_of_a_name_counts_the_unreadable_note_among_the_goals_it_matches() -> None:
    """Reported: with `goals/Plan Q3.md` broken beside `goals/Plan the offsite.md`,
    `journal log Plan +1 test` logged into "Plan the offsite" (once Plan Q3 was fixed,
    the same command was "ambiguous"): a broken note is looked for with the readable
    goals, in the same order, and listed with why it can't be used."""
    catalog = Catalog(
        [
            parse_note("goals/Find a mentor.md", b"---\ntype: goal\ntitle: Find a mentor\n---\n"),
            parse_note("goals/Mentor notes.md", b"---\ntype: goal\nwhy: a: b\n---\n"),
        ]
    )
    assert catalog.find_goal("Find a mentor").path == "goals/Find a mentor.md"
    with pytest.raises(Ambiguous) as several:
        catalog.find_goal("mentor")
    assert several.value.message == (
        "'mentor' matches 2 notes; name one by its path: `goals/Find a mentor.md` (or "
        "`[[Find a mentor]]`), `goals/Mentor notes.md` (can't be used, line 3: invalid "
        "front matter: a ':' inside a value; put the value in quotes)"
    )
    with pytest.raises(JournalError, match="can't use this note") as info:
        catalog.find_goal("notes")
    assert (info.value.path, info.value.line) == ("goals/Mentor notes.md", 3)


BUDGET = "goals/Budget.md"
BUDGET_TEXT = (  # a BOM, CRLF and a tab: the tryout's note
    b"\xef\xbb\xbf---\r\ntype: goal\r\ntitle: Budget\r\nmetric: x\r\nunit: euros\r\n"
    b"target: 1\r\n\tdue: 2027-01-31\r\n---\r\n"
)
PREP = "goals/Budget review prep.md"


@pytest.mark.parametrize(
    "command",
    [("log", "+1", "approved"), ("set", "target=3"), ("done",), ("show",), ("history",)],
)
@pytest.mark.parametrize("ref", ["Budget", "[[Budget]]", "budget.md", BUDGET])
def test_a_name_of_an_unreadable_goal_is_never_a_part_of_another_goals(
    invoke: Invoke, write: Write, vault: Path, command: tuple[str, ...], ref: str
) -> None:
    """Reported: `journal log Budget +1 approved` (and `"[[Budget]]"`, which Obsidian
    resolves to goals/Budget.md) wrote into "Budget review prep", exit 0, when
    goals/Budget.md could not be read."""
    write(BUDGET, BUDGET_TEXT)
    write(PREP, goal_text("Budget review prep", current=0))
    before = {path: (vault / path).read_bytes() for path in (BUDGET, PREP)}
    result = invoke(command[0], ref, *command[1:])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"{BUDGET}:7: can't use this note: invalid front matter: a tab; YAML indents with spaces\n"
    )
    assert {path: (vault / path).read_bytes() for path in before} == before


def test_a_link_names_the_unreadable_note_it_resolves_to(invoke: Invoke, write: Write) -> None:
    """Reported: with goals/Mentor.md broken beside goals/Mentor program launch.md,
    `journal log "[[Mentor]]" +1 x` said 'Mentor' matches 2 notes, naming neither
    goals/Mentor.md, the note the link is to, nor why it can't be used."""
    write("goals/Mentor.md", "---\ntype: goal\nwhy: a: b\n---\n")
    write("goals/Mentor program launch.md", goal_text("Mentor program launch"))
    write("goals/Find a mentor in HR leadership.md", goal_text("Find a mentor in HR leadership"))
    result = invoke("log", "[[Mentor]]", "+1", "x")
    assert (result.exit_code, result.stderr) == (
        1,
        "goals/Mentor.md:3: can't use this note: invalid front matter: a ':' inside a value; "
        "put the value in quotes\n",
    )


def test_done_does_not_pick_the_open_one_beside_a_note_it_cant_read(
    invoke: Invoke, write: Write
) -> None:
    """`journal done Plan` picks the one goal a name matches that is not done yet; a
    broken goal among those matched may be the one meant, so the name stays ambiguous
    (it told "goals/Plan Q3.md is not a readable goal")."""
    write("goals/Plan Q3.md", "---\ntype: goal\ntitle: Plan Q3\nwhy: a: b\n---\n")
    write("goals/Plan the offsite.md", goal_text("Plan the offsite", status="done"))
    result = invoke("done", "Plan")
    assert (result.exit_code, result.stderr) == (
        1,
        "journal: 'Plan' matches 2 notes; name one by its path: `goals/Plan Q3.md` (can't "
        "be used, line 4: invalid front matter: a ':' inside a value; put the value in "
        "quotes), `goals/Plan the offsite.md` (or `[[Plan the offsite]]`)\n",
    )


def test_a_note_in_the_goal_folder_whose_block_is_no_properties_is_looked_for_too() -> None:
    """A `---` block that is a list leaves a plain note, which the goal folder means as
    a goal: its file name is its, not a part of another goal's title."""
    catalog = Catalog(
        [
            parse_note(BUDGET, b"---\n- a\n- b\n---\n"),
            parse_note(PREP, goal_text("Budget review prep").encode()),
        ],
        folders={"goal": "goals"},
    )
    with pytest.raises(JournalError, match="can't use this note: the '---' block") as info:
        catalog.find_goal("Budget")
    assert (info.value.path, info.value.line) == (BUDGET, 1)
    assert catalog.find_goal("review").path == PREP


def test_a_lookup_in_a_vault_it_can_read_reads_no_problems() -> None:
    """A name is looked for among 10,000 notes: the problems of notes are read only when
    a note may be one that can't be used."""
    catalog = Catalog(
        [
            parse_note(PREP, goal_text("Budget review prep").encode()),
            parse_note("notes/Budget.md", b"---\n- a\n---\n"),  # no goal folder holds it
        ],
        folders={"goal": "goals"},
    )
    assert catalog.find_goal("Budget").path == PREP
    assert "diagnostics" not in catalog.__dict__


def test_a_goal_is_named_in_a_command_by_a_name_no_unreadable_goal_has() -> None:
    """A hint's name for a goal (:meth:`Catalog.goal_word`) finds it alone: the title
    Plan, which a broken goals/life/Plan.md has too, would now find both."""
    catalog = Catalog(
        [
            parse_note("goals/work/Plan.md", goal_text("Plan", id="work-plan").encode()),
            parse_note("goals/life/Plan.md", b"---\ntype: goal\nwhy: a: b\n---\n"),
        ]
    )
    assert catalog.goal_word("goals/work/Plan.md") == '"work-plan"'
    assert catalog.find_goal("work-plan").path == "goals/work/Plan.md"


def test_an_unreadable_note_keeps_its_goal_type_line() -> None:
    note = parse_note("x.md", b"---\ntype: 'goal'  # mine\nwhy: a: b\n---\n")
    assert (note.kind, note.readable) == ("goal", False)
    other = parse_note("y.md", b"---\ntype: Meeting\nwhy: a: b\n---\n")
    assert (other.kind, other.readable) == ("meeting", False)
    plain = parse_note("z.md", b"---\ntype: review\nwhy: a: b\n---\n")
    assert (plain.kind, plain.readable) == ("note", False)


def test_an_unreadable_note_keeps_a_plain_id_line_outside_a_conflict() -> None:
    note = parse_note("x.md", b"---\ntype: goal\nid: 'net-more'  # mine\nwhy: a: b\n---\n")
    assert (note.id, note.readable) == ("net-more", False)
    conflict = (
        "---\ntype: goal\n<<<<<<< HEAD\nid: ours\n||||||| base\nid: base\n=======\nid: theirs\n"
        ">>>>>>> side\ncurrent: 2\n{late}---\nid: body\n"
    )
    assert parse_note("y.md", conflict.format(late="").encode()).id is None
    late = parse_note("y.md", conflict.format(late="id: net-more\n").encode())
    assert (late.id, late.readable) == ("net-more", False)
    assert parse_note("z.md", b"---\nwhy: a: b\n---\nid: body\n").id is None


def test_a_goal_behind_a_second_bom_is_named_as_one_that_cant_be_read(
    invoke: Invoke, write: Write
) -> None:
    """Reported: a doubled BOM before `---` gave "not read as a goal: it has no front
    matter, so no `type: goal`" (fix: "write `type: goal`"), in `check` and `show`."""
    text = "---\r\nid: dbl\r\ntype: goal\r\ntitle: Double bom\r\nmetric: x\r\n---\r\n"
    path = write("goals/Double bom.md", b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode())
    before = path.read_bytes()
    problem = (
        "the file starts with two byte order marks (U+FEFF) before its '---', so its front "
        "matter can't be read; save it as UTF-8 with one BOM or none"
    )
    check = invoke("check", "--json", str(path))
    assert [(f["rule"], f["line"], f["message"]) for f in json.loads(check.stdout)] == [
        ("H004", 1, problem)
    ]
    for args in (("show", "Double bom"), ("show", "dbl"), ("set", "dbl", "current=1")):
        result = invoke(*args)
        assert result.exit_code == 1
        assert result.stderr == f"goals/Double bom.md:1: can't use this note: {problem}\n"
    assert path.read_bytes() == before


def test_a_goal_in_a_merge_conflict_is_named_by_its_id(
    invoke: Invoke, example_vault: Path, tmp_path: Path
) -> None:
    """Reported: after `journal set ... current=5/6` on two branches merged, `journal log
    attend-two-hr-events-a-month +1 x` said "no goal called ..." (by its title: the
    conflict)."""
    goal = example_vault / "goals/Attend two HR events a month.md"
    git = Git(example_vault, tmp_path / "home").init()
    git.commit("vault", "2026-11-01")
    git("checkout", "-q", "-b", "side")
    goal.write_text(goal.read_text().replace("current: 3\n", "current: 6\n"))
    git.commit("six", "2026-11-02")
    git("checkout", "-q", "main")
    goal.write_text(goal.read_text().replace("current: 3\n", "current: 5\n"))
    git.commit("five", "2026-11-03")
    with pytest.raises(subprocess.CalledProcessError):
        git("-c", "merge.conflictStyle=diff3", "merge", "-q", "side")
    for args in (("log", "+1", "x"), ("show",)):
        result = invoke(args[0], "attend-two-hr-events-a-month", *args[1:], root=example_vault)
        assert result.exit_code == 1
        assert result.stderr.startswith(
            "goals/Attend two HR events a month.md:17: can't use this note: git left a merge "
            "conflict in the front matter"
        )


DANIEL = "meetings/2027-01-08 Coffee with Daniel Cho.md"
DANIEL_TEXT = """---
type: meeting
date: 2026-11-18
kind: coffee
with: [[Daniel Cho]], [[Jon Okafor]]
follow_up_by: 2026-11-20
---
# Coffee with Daniel Cho

- [ ] Send Daniel the survey deck
"""


def test_a_meeting_that_cant_be_read_is_named_where_its_follow_up_would_be(
    invoke: Invoke, write: Write
) -> None:
    """Found in a tryout: a meeting whose `with` links were typed unquoted, as Obsidian
    users type links, dropped its open follow-up from `followups`, `status` and the
    review without a word but a line on stderr."""
    write(DANIEL, DANIEL_TEXT)
    review = invoke("review", "--stdout").stdout
    attention = review.split("## Needs attention")[1].split("<!-- journal:end attention")[0]
    assert (
        f"- Can't read [[2027-01-08 Coffee with Daniel Cho]] ({DANIEL}, line 5): invalid "
        "front matter: links on one line need quotes: "
    ) in attention
    assert attention.count("Can't read") == 1
    assert "; fix it to see its follow-up here\n" in attention
    followups = invoke("followups")
    assert followups.exit_code == 0
    assert followups.stdout == (
        f"can't read 1 meeting note; fix it to see its follow-up here:\n  {DANIEL}:5\n"
    )
    assert f"{DANIEL}:5: invalid front matter" in followups.stderr
    assert "journal: no follow-ups due\n" in followups.stderr
    status = invoke("status").stdout
    assert (
        f"Follow-ups due\n  none\n  can't read 1 meeting note; fix it to see its follow-up "
        f"here:\n    {DANIEL}:5\n"
    ) in status
    board = json.loads(invoke("status", "--json").stdout)
    assert [n["path"] for n in board["unreadable_meetings"]] == [DANIEL]
    assert (board["unreadable_goals"], board["unlisted_folders"]) == ([], [])


def test_people_names_the_contact_and_meeting_notes_it_cant_read(
    invoke: Invoke, write: Write
) -> None:
    """Found in a tryout: `people` showed "last: - next: -" for a contact whose meeting
    can't be read, and left out a contact that can't be read, without a word on stdout."""
    write(DANIEL, DANIEL_TEXT)
    write("people/Daniel Cho.md", "---\ntype: contact\n---\n")
    write("people/Jon Okafor.md", "---\ntype: contact\nrole: a: b\n---\n")
    people = invoke("people")
    assert people.exit_code == 0
    assert people.stdout.endswith(
        "\ncan't read 1 contact note; fix it to see this contact here:\n"
        "  people/Jon Okafor.md:3\n"
        "can't read 1 meeting note; fix it to see its follow-up here:\n"
        f"  {DANIEL}:5\n"
    )
    assert people.stdout.startswith("Daniel Cho")


def test_notes_in_the_meeting_and_people_folders_are_meant_as_theirs(
    invoke: Invoke, write: Write
) -> None:
    """A note without a `type` line that can't be read is meant as a meeting or contact
    by its folder, as one in the goal folder is meant as a goal; elsewhere it is a plain
    note the review does not name."""
    write("people/Daniel Cho.md", "---\nrole: a: b\n---\n")
    write("meetings/2026-11-18 Coffee.md", "---\noutcome: a: b\n---\n")
    write("goals/Mentor.md", "---\nwhy: a: b\n---\n")
    write("notes/Prep.md", "---\ntitle: a: b\n---\n")
    two = invoke("followups", "--all").stdout
    assert two.endswith("fix it to see its follow-up here:\n  meetings/2026-11-18 Coffee.md:2\n")
    attention = invoke("review", "--stdout").stdout.split("## Needs attention")[1]
    found = [line for line in attention.splitlines() if line.startswith("- Can't read")]
    assert [line.split(" (")[0] + " ..." + line.rsplit(";", 1)[1] for line in found] == [
        "- Can't read [[Mentor]] ... fix it to see this goal here",
        "- Can't read [[2026-11-18 Coffee]] ... fix it to see its follow-up here",
        "- Can't read [[Daniel Cho]] ... fix it to see this contact here",
    ]
    status = invoke("status").stdout
    assert (
        "  can't read 1 goal note; fix it to see this goal here:\n    goals/Mentor.md:2\n" in status
    )


def test_the_review_names_on_stderr_every_note_it_lists_as_unreadable(
    invoke: Invoke, write: Write
) -> None:
    """Found in a tryout: a meeting or contact whose whole file can't be decoded (UTF-16,
    lines ended by CR alone) has no kind read from it; the review listed it under "Needs
    attention" but left it off stderr, where it names the goals, meetings and contacts it
    can't read, in path order.  So was a daily note that can't be read, whose check-ins
    the review then missed."""
    meeting = "---\ntype: meeting\ndate: 2026-11-18\nfollow_up_by: 2026-11-25\n---\n"
    write("meetings/2026-11-18 Lunch.md", meeting.encode("utf-16"))
    write("meetings/2026-11-19 Call.md", meeting.replace("\n", "\r"))
    write("meetings/2026-11-20 Tab.md", meeting.replace("follow_up", "\tfollow_up"))
    write("people/Zed Moss.md", "---\ntype: contact\n---\n".encode("utf-16"))
    write("goals/Mentor.md", "---\nwhy: a: b\n---\n")
    write("daily/2026-11-20.md", "- progress:: [[Mentor]] +1\n".encode("utf-16"))  # its check-ins
    result = invoke("review", "--stdout")
    attention = result.stdout.split("## Needs attention")[1]
    listed = [
        line.split(" (")[1].split(",")[0] for line in attention.splitlines() if "Can't" in line
    ]
    assert (
        [line.split(":")[0] for line in result.stderr.splitlines()]
        == sorted(listed)
        == [
            "daily/2026-11-20.md",
            "goals/Mentor.md",
            "meetings/2026-11-18 Lunch.md",
            "meetings/2026-11-19 Call.md",
            "meetings/2026-11-20 Tab.md",
            "people/Zed Moss.md",
        ]
    )
    assert "people/Zed Moss.md:1: the file is UTF-16; save it as UTF-8" in result.stderr
    assert "fix it to see its check-ins here" in attention  # found in a tryout: said nothing


def test_the_review_copies_a_problem_with_its_code_spans_as_written(
    invoke: Invoke, write: Write
) -> None:
    """Reported: stderr said "write one item per line as `  - item`" and the review's
    Needs attention "as ` - item`", a space less in advice about indentation."""
    write(
        "daily/2026-11-21.md",
        b"\xef\xbb\xbf---\r\nmood: ok\r\ntags: [a, b\r\n---\r\nprogress:: [[Alpha]] +1 Conf\r\n",
    )
    result = invoke("review", "--stdout")
    advice = "or write one item per line as `  - item`"
    assert result.stderr.endswith(f"{advice}\n")
    assert f"{advice}; fix it to see its check-ins here\n" in result.stdout


def test_a_note_is_meant_as_the_kind_of_the_deepest_folder_holding_it() -> None:
    folders = {"goal": "career", "meeting": "career/meetings", "contact": ""}
    assert meant_as("note", "career/meetings/a.md", folders) == "meeting"
    assert meant_as("note", "career/b.md", folders) == "goal"
    assert meant_as("note", "c.md", folders) is None  # the vault's root holds no kind
    assert meant_as("contact", "career/d.md", folders) == "contact"  # typed: its own


@pytest.mark.usefixtures("settled")
def test_an_unclosed_dash_line_is_a_rule_unless_properties_follow(
    invoke: Invoke, write: Write
) -> None:
    """Reported: a plain note opening with a `---` rule and no second one was reported
    as unclosed front matter, where docs/commands.md says such a note stays quiet."""
    write("notes/rule.md", "---\n\nJust a rule above.\n")
    write("notes/lost.md", "---\ntitle: Lost\nstatus: active\n\nThe closing line went.\n")
    write("goals/rule.md", "---\n\nA rule in the goal folder.\n")
    write("goals/lost.md", "---\n# my goal\ntype: goal\ntitle: Lost\n")  # a comment first
    write("goals/bad.md", "---\ntype: goal\ntitle: Plan: Q3\n")  # unread alone: no line
    missing = "invalid front matter: the closing '---' is missing after line {}, the last "
    missing += "property: no '---' line closes the front matter opened on line 1"
    assert invoke("list").stderr.splitlines() == [
        "goals/bad.md:1: front matter opened on line 1 is never closed (no closing '---' line)",
        f"goals/lost.md:4: {missing.format(4)}",
        "goals/rule.md:1: warning: the '---' on line 1 is never closed and no property "
        "follows it: read as a rule, not front matter",
        f"notes/lost.md:3: {missing.format(3)}",
        "journal: no goals match",
    ]


#: Notes whose kind a look at some bytes would get wrong: escapes, aliases, block and
#: quoted values, broken front matter with a goal's type line, goals' names elsewhere.
KINDS_OF_NOTES = [
    "---\ntype: goal\n---\n",
    "---\ntype: Goal \n---\n",
    "---\ntype: 'GOAL'\n---\n",
    '---\ntype: "\\x67oal"\n---\n',
    '---\n"t\\u0079pe": goal\n---\n',
    '---\ntype: "go\\\n  al"\n---\n',
    "---\nkind: &k goal\ntype: *k\n---\n",
    "---\ntype: |\n  goal\n---\n",
    "---\ntype:\n  goal\n---\n",
    "---\n{type: goal}\n---\n",
    "---\ntype: goal\ntitle: [unclosed\n---\n",
    "\n---\ntype: goal\n---\n",
    "---\ntype: goal\n",
    "---\ntype: contact\ntitle: [unclosed\n---\n",
    "---\ntype: review\ntitle: [unclosed\n---\ntype: goal\n",
    "---\ntype: goals\n---\n",
    "---\ntype: meeting\ngoal: '[[My goal]]'\n---\ntype: goal\n",
    "# A note\n\ntype: goal\n",
    "\ufeff---\ntype: goal\n---\n",
    "---\ntype: goal\n---\n\r",
    "---\r\ntype: goal\r\n---\r\n",
]


@pytest.mark.parametrize("text", KINDS_OF_NOTES)
def test_whether_a_note_reads_as_a_goal_is_told_from_its_bytes(text: str) -> None:
    from journal.core.notes import reads_as_goal

    for raw in (text.encode(), text.encode("latin-1", "replace") + b"\xff"):
        assert reads_as_goal(raw) == (parse_note("n.md", raw).kind == "goal"), raw


def test_every_sample_note_reads_as_a_goal_as_parsed() -> None:
    from journal.core.notes import reads_as_goal

    root = Path(__file__).parent
    found = [*(root / "data").rglob("*.md"), *(root.parent / "example-vault").rglob("*.md")]
    assert len(found) > 50
    told = {p.name: reads_as_goal(p.read_bytes()) for p in found}
    assert told == {p.name: parse_note(p.name, p.read_bytes()).kind == "goal" for p in found}
    assert any(told.values())


def test_no_letter_but_g_o_a_l_lower_cased_spells_goal() -> None:
    """:func:`reads_as_goal` looks for the bytes of `goal` in ASCII's lower case: a
    `type` that lower-cases to `goal` holds them, whatever its letters."""
    import sys

    every = map(chr, range(sys.maxunicode + 1))
    spelled = [c for c in every if any(letter in c.lower() for letter in "goal")]
    assert sorted(spelled) == sorted("goalGOAL")


LINKEDIN = "goals/Post on LinkedIn twice a week.md"
EMPTIED = (
    "empty (0 bytes): a sync may still be writing it, or it lost its text: restore its text "
    "from git or your sync's history if it had any, or delete the note"
)


@pytest.mark.usefixtures("settled")
def test_an_emptied_goal_is_a_goal_that_cant_be_read(invoke: Invoke, example_vault: Path) -> None:
    """Found in a tryout: a goal file a sync left at 0 bytes dropped out of `status` and
    the review without a word, and `list` told to write `type: goal` into it."""
    (example_vault / LINKEDIN).write_bytes(b"")
    listed = invoke("list", root=example_vault)
    assert listed.stderr == f"{LINKEDIN}:1: {EMPTIED}\n"
    status = invoke("status", root=example_vault)
    assert f"can't read 1 goal note; fix it to see this goal here:\n    {LINKEDIN}:1\n" in (
        status.stdout
    )
    assert status.stderr == f"{LINKEDIN}:1: {EMPTIED}\n"
    board = json.loads(invoke("status", "--json", root=example_vault).stdout)
    assert board["unreadable_goals"] == [
        {"kind": "goal", "path": LINKEDIN, "line": 1, "reason": EMPTIED}
    ]
    review = invoke("review", "--stdout", root=example_vault).stdout
    assert (
        f"- Can't read [[Post on LinkedIn twice a week]] ({LINKEDIN}, line 1): {EMPTIED}; "
        "fix it to see this goal here\n"
    ) in review
    found = json.loads(invoke("check", "--json", root=example_vault).stdout)
    assert [(f["rule"], f["message"]) for f in found if f["path"] == LINKEDIN] == [
        ("H004", EMPTIED)
    ]
    with pytest.raises(JournalError, match=r"empty \(0 bytes\)"):
        Catalog([parse_note(LINKEDIN, b"")], folders={"goal": "goals"}).find_goal("linkedin")


@pytest.mark.usefixtures("settled")
def test_a_goal_of_blank_lines_is_empty_too(invoke: Invoke, write: Write) -> None:
    write("goals/Mentor.md", " \n\n")
    board = json.loads(invoke("status", "--json").stdout)
    assert [n["path"] for n in board["unreadable_goals"]] == ["goals/Mentor.md"]
    assert invoke("list").stderr.splitlines()[0] == (
        "goals/Mentor.md:1: empty (only white space): a sync may still be writing it, or it "
        "lost its text: restore its text from git or your sync's history if it had any, or "
        "delete the note"
    )


def test_an_empty_new_note_in_the_people_or_meeting_folder_stays_quiet(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """Reported on upgrading: Obsidian's "new note" leaves an empty `Untitled.md` in the
    folder at hand; committed so, it failed `check` (the pre-commit hook) as H004, whose
    `git checkout` changed nothing, and `list` and `status` told of it on every run.  A
    note just made, not yet written, is no contact or meeting lost: only an emptied goal
    is told."""
    write("goals/Mentor.md", goal_text("Mentor"))
    write("people/Untitled.md", "")
    write("meetings/Untitled.md", "\n")
    Git(vault, tmp_path / "home").init().commit("new notes", "2026-11-20")
    assert invoke("check").exit_code == 0
    for args in (("list",), ("status",), ("people",), ("followups",), ("review", "--stdout")):
        result = invoke(*args)
        assert result.exit_code == 0, args
        assert "Untitled" not in result.stdout + result.stderr, args


def test_an_empty_note_outside_the_goal_folder_stays_quiet(invoke: Invoke, write: Write) -> None:
    write("goals/Mentor.md", goal_text("Mentor"))
    write("Untitled.md", "")
    write("daily/2026-11-20.md", "\n")
    write("notes/Blank.md", b"\xef\xbb\xbf")
    for args in (("list",), ("list", "--type", "all"), ("status",), ("review", "--stdout")):
        result = invoke(*args)
        assert (result.exit_code, result.stderr) == (0, ""), args
        assert "empty" not in result.stdout, args
    checked = invoke("check", "--json")
    assert [f for f in json.loads(checked.stdout) if "empty" in f["message"]] == []


COFFEE_GOAL = (
    "---\ntype: goal\ntitle: Coffee chats\nstatus: active\nmetric: coffee chats held\n"
    "unit: coffee chats\nbaseline: 0\ntarget: 2\nstart: 2026-11-01\ndue: 2026-12-31\n"
    "metric_source: meetings\n---\n# Coffee chats\n"
)


def _coffee(day: str, goal: str, outcome: str = "") -> str:
    return (
        f"---\ntype: meeting\ndate: {day}\nkind: coffee\ngoal: {goal}\n"
        f"follow_up_by: 2026-11-30\noutcome: {outcome}\n---\n# Coffee\n"
    )


def test_an_unreadable_meeting_note_is_said_to_be_missing_from_the_goal_counting_it(
    invoke: Invoke, write: Write
) -> None:
    """Found by an HR user: a hand edit `outcome: Referral: Globex HRBP role` (a colon
    unquoted) took a coffee chat from the goal that counts them, which then needed one more,
    and status and the review spoke only of the meeting's follow-up."""
    write("goals/Coffee chats.md", COFFEE_GOAL)
    write("goals/Other.md", goal_text("Other"))
    write("meetings/2026-11-10 Coffee.md", _coffee("2026-11-10", '"[[Coffee chats]]"'))
    broken = "meetings/2026-11-12 Coffee.md"
    write(broken, _coffee("2026-11-12", '"[[Coffee chats]]"  # the goal', "Referral: Globex"))
    write("meetings/2026-11-13 Lunch.md", _coffee("2026-11-13", "[[Other]]", "a: b"))
    status = invoke("status").stdout
    assert "Coffee chats  1/2 coffee chats (1 unreadable meeting not counted)\n" in status
    assert "Other         2/5 conversations\n" in status
    assert (
        "  can't read 2 meeting notes; fix them to see their follow-ups here and to count "
        "them for Coffee chats:\n    meetings/2026-11-12 Coffee.md:7\n"
    ) in status
    board = json.loads(invoke("status", "--json").stdout)
    assert [g["unread_meetings"] for g in board["goals"]] == [1, 0]
    assert [m["counts_for"] for m in board["unreadable_meetings"]] == [
        [{"path": "goals/Coffee chats.md", "title": "Coffee chats"}],
        [],
    ]
    review = invoke("review", "--stdout").stdout
    assert (
        "| [[Coffee chats]] | 50% █████░░░░░ | **1** of 2 coffee chats (from 0) · 1 unreadable "
        "meeting not counted |"
    ) in review
    assert (
        f"({broken}, line 7): invalid front matter: a ':' inside a value; put the value in "
        "quotes; fix it to see its follow-up here and to count it for [[Coffee chats]]\n"
    ) in review
    assert (
        "Lunch.md, line 7): invalid front matter: a ':' inside a value; put the value in "
        "quotes; fix it to see its follow-up here\n"
    ) in review


def test_an_unreadable_meeting_whose_goal_cant_be_known_may_count_for_any_goal_counting_meetings(
    invoke: Invoke, write: Write
) -> None:
    write("goals/Coffee chats.md", COFFEE_GOAL)
    write("goals/Other.md", goal_text("Other"))
    write("meetings/2026-11-12 Coffee.md", _coffee("2026-11-12", "[[Coffee chats]]: yes"))
    status = invoke("status").stdout
    assert "Coffee chats  0/2 coffee chats (1 unreadable meeting not counted)\n" in status
    assert "to see its follow-up here and to count it for Coffee chats:\n" in status
    write("meetings/2026-11-12 Coffee.md", _coffee("2026-11-12", '"[[Other]]"', "a: b"))
    status = invoke("status").stdout
    assert "Coffee chats  0/2 coffee chats\n" in status
    assert "can't read 1 meeting note; fix it to see its follow-up here:\n" in status


def test_index_counts_a_goal_that_cant_be_opened_as_a_goal(invoke: Invoke, write: Write) -> None:
    """Found in a tryout: with `chmod 000` on a goal, `index --json` counted it as a note
    where `status --json` gave it as an unreadable goal (and a goal whose YAML is broken
    counted as a goal): a note that can't be read is of the kind its folder gives it."""
    write("goals/Five leaders.md", goal_text("Five leaders"))
    write("notes/Plain.md", "# plain\n")
    secret = write("goals/Network more.md", goal_text("Network more"))
    secret.chmod(0)
    try:
        with permissions_checked():
            report = json.loads(invoke("index", "--json").stdout)
            status = json.loads(invoke("status", "--json").stdout)
    finally:
        secret.chmod(0o644)
    assert [g["path"] for g in status["unreadable_goals"]] == ["goals/Network more.md"]
    assert (report["kinds"]["goal"], report["kinds"]["note"]) == (2, 1)
