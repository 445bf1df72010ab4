"""Notes written for Obsidian plugins (Templater, Tasks, Dataview) in a vault moved to
journal: what ``journal check`` and the readers say of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal.core import codec, notes
from tests.conftest import Invoke, Write, goal_text
from tests.test_check_rules import LOG, PATH, catalog, goal_note, line_of, of, run


def test_a_templater_command_that_never_ran_is_named_not_used_as_the_title() -> None:
    text = goal_note(title="<% tp.file.title %>")
    findings = run((PATH, text))
    found = of("H024", findings)
    assert [(f.line, f.severity) for f in found] == [(line_of(text, "title"), "warning")]
    assert "a Templater command that never ran (`<% ... %>`)" in found[0].message
    assert "run the template in Obsidian or write the value" in found[0].suggestion
    (goal,) = catalog((PATH, text)).goals
    assert goal.title == "Hold four informational interviews"  # the file's name, as it ran


def test_a_due_day_left_as_a_templater_command_says_so_in_h005() -> None:
    text = goal_note(due='<% tp.date.now("YYYY-MM-DD", 90) %>')
    findings = run((PATH, text))
    bad = of("H005", findings)
    assert len(bad) == 1 and bad[0].line == line_of(text, "due")
    assert "a Templater command that never ran" in bad[0].message
    assert "not a date" not in bad[0].message
    assert "run the template in Obsidian or write the value" in bad[0].suggestion
    assert not of("H024", findings)  # told once


def test_a_smart_property_written_as_a_dataview_inline_field_is_told_where_it_is() -> None:
    body = (
        "Why:: HRBP roles ask for data skills\n"
        "Metric:: SQL exercises done\n"
        "[target:: 21.1] km, (unit:: km)\n"
        "started:: 2026-09-01\n\n" + LOG
    )
    text = goal_note(body, why=None, metric=None, target=None, unit=None, start=None)
    found = of("H025", run((PATH, text)))
    first = text.splitlines().index("Why:: HRBP roles ask for data skills") + 1
    assert [(f.line, f.severity) for f in found] == [
        (first, "hint"),
        (first + 1, "hint"),
        (first + 2, "hint"),
        (first + 2, "hint"),
        (first + 3, "hint"),
    ]
    assert found[0].message == (
        "`Why:: HRBP roles ask for data skills` is a Dataview inline field; "
        "journal reads `why:` in the front matter"
    )
    assert "`start:`" in found[-1].message  # `started` is another tool's name for it
    assert found[0].suggestion.startswith("move it there: `why: HRBP roles ask for data skills`")


def test_an_inline_field_the_front_matter_also_holds_is_no_finding() -> None:
    text = goal_note("Target:: 4\n\n" + LOG)
    assert not of("H025", run((PATH, text)))


def test_a_progress_field_in_a_goal_with_no_current_is_its_check_in_not_current() -> None:
    """Found in review: `progress` became another name for `current` (H012), and H025,
    which reads the same names, told a goal's `progress::` check-in to move to `current:`."""
    text = goal_note(f"{LOG}\nprogress:: [[{PATH[6:-3]}]] +1 call\n", current=None)
    assert not of("H025", run((PATH, text)))


def test_untyped_notes_in_the_people_and_meeting_folders_are_told(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    for name in ("Dana Ortiz", "Elena Varga", "Sam Patel"):
        write(f"people/{name}.md", f"---\ntags: [people]\n---\n# {name}\n")
    write("meetings/2026-11-20 Coffee.md", "---\ncategory: meeting\ndate: 2026-11-20\n---\n")
    write("goals/b.md", goal_text("Beta"))
    assert invoke("people").stderr == (
        "journal: no contacts yet; people/ holds 3 notes without type: contact "
        f"(journal --vault {vault} check --select H016)\n"
    )
    assert invoke("followups").stderr == (
        "journal: no follow-ups due; meetings/ holds 1 note without type: meeting "
        f"(journal --vault {vault} check --select H016)\n"
    )
    checked = json.loads(invoke("check", "--json", "--select", "H016").stdout)
    assert [(f["path"], f["line"], f["message"], f["suggestion"]) for f in checked] == [
        (
            "meetings/2026-11-20 Coffee.md",
            1,
            "not read as a meeting: it has no `type: meeting`",
            "write `type: meeting`, or move the note out of the meeting folder",
        ),
        *(
            (
                f"people/{name}.md",
                1,
                "not read as a contact: it has no `type: contact`",
                "write `type: contact`, or move the note out of the contact folder",
            )
            for name in ("Dana Ortiz", "Elena Varga", "Sam Patel")
        ),
    ]


def test_a_meetings_attendees_are_named_as_its_with(invoke: Invoke, write: Write) -> None:
    write(
        "meetings/2026-11-20 Coffee with Dana.md",
        '---\ntype: meeting\ndate: 2026-11-20\nattendees: ["[[Dana Ortiz]]"]\n---\n'
        "## Follow-up\n\n- [ ] Send thank-you note\n",
    )
    write("people/Dana Ortiz.md", "---\ntype: contact\n---\n")
    checked = json.loads(invoke("check", "--json", "--select", "H012").stdout)
    assert [(f["line"], f["message"], f["suggestion"]) for f in checked] == [
        (
            4,
            "`attendees` is no meeting property, and the meeting has no `with`: another name "
            "for it?",
            "rename `attendees:` to `with:` (a key of your own can stay: `--ignore H012`)",
        )
    ]


@pytest.mark.parametrize("kind", ["goal", "meeting", "contact"])
def test_a_note_with_no_front_matter_is_told_to_add_the_block(
    invoke: Invoke, write: Write, kind: str
) -> None:
    """Reported: `People/Priya Raman.md`, `Priya Raman, mentor. #people`, was told "write
    `type: contact`", and a first line `type: contact` is body text: the same H016 again.
    The fix shows the three lines of a front matter block; done so, the note is read."""
    folder = {"goal": "goals", "meeting": "meetings", "contact": "people"}[kind]
    path = f"{folder}/2026-11-20 Priya Raman.md"
    write(path, "Priya Raman, mentor. #people\n")
    write("goals/b.md", goal_text("Beta"))
    (found,) = json.loads(invoke("check", "--json", "--select", "H016").stdout)
    assert found["suggestion"] == (
        f"add front matter at its top, three lines: `---`, `type: {kind}`, `---`; "
        f"or move the note out of the {kind} folder"
    )
    if kind == "goal":
        assert f"`---`, `type: {kind}`, `---`" in invoke("list").stderr
    write(path, f"---\ntype: {kind}\n---\nPriya Raman, mentor. #people\n")
    assert json.loads(invoke("check", "--json", "--select", "H016").stdout) == []


LAND = 'goal: "[[Land an HRBP role]]"'


@pytest.mark.parametrize(
    ("goals", "written", "more"),
    [
        ('["[[Land an HRBP role]]"]', 'goal: "[[Land an HRBP role]]"', False),
        (
            '["[[Land an HRBP role]]", "[[Finish SHRM-CP prep]]"]',
            'goal: "[[Land an HRBP role]]"',
            True,
        ),
        ('\n  - "[[Land an HRBP role]]"', 'goal: "[[Land an HRBP role]]"', False),
        (
            "\n  - [[Land an HRBP role]]\n  - [[Finish SHRM-CP prep]]",
            'goal: "[[Land an HRBP role]]"',
            True,
        ),
    ],
)
def test_a_list_renamed_to_a_property_of_one_value_gives_the_line_to_write(
    invoke: Invoke, write: Write, goals: str, written: str, more: bool
) -> None:
    """Reported: `goals: ["[[Land an HRBP role]]"]` was told "rename `goals:` to `goal:`",
    and done so it was H005, `goal` holding one link: the fix is the line to write."""
    write("goals/Land an HRBP role.md", goal_text("Land an HRBP role"))
    write("goals/Finish SHRM-CP prep.md", goal_text("Finish SHRM-CP prep"))
    path = "meetings/2026-11-20 Interview with Sam.md"
    write(path, f"---\ntype: meeting\ndate: 2026-11-20\ngoals: {goals}\n---\n")
    (found,) = json.loads(invoke("check", "--json", "--select", "H012").stdout)
    fix = found["suggestion"]
    assert fix.startswith(f"write `{written}` in place of `goals:` and its list")
    assert ("one goal" in fix) is more
    write(path, f"---\ntype: meeting\ndate: 2026-11-20\n{written}\n---\n")
    assert json.loads(invoke("check", "--json", "--select", "H005,H012").stdout) == []


def test_a_text_renamed_to_a_list_of_records_says_what_the_value_needs(
    invoke: Invoke, write: Write
) -> None:
    write("goals/a.md", goal_text("Alpha", milestone="Submit the application"))
    (found,) = json.loads(invoke("check", "--json", "--select", "H012").stdout)
    assert found["suggestion"].startswith(
        "rename `milestone:` to `milestones:` and mend its value: milestones should be a "
        "list of {title, due, done, dropped}"
    )


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("company", "org"),
        ("organization", "org"),
        ("organisation", "org"),
        ("Employer", "org"),
        ("job_title", "role"),
        ("Job Title", "role"),
        ("position", "role"),
    ],
)
def test_a_contacts_org_and_role_by_other_names_are_named(
    invoke: Invoke, write: Write, key: str, meant: str
) -> None:
    """Reported: a contact's `company: Brightline` showed no org in `people`, and no
    check said why; `title` is the contact's name, its own property, never `role`."""
    write(
        "people/Dana Ortiz.md", f"---\ntype: contact\ntitle: Dana Ortiz\n{key}: Brightline\n---\n"
    )
    checked = json.loads(invoke("check", "--json", "--select", "H012").stdout)
    assert [(f["line"], f["message"], f["suggestion"]) for f in checked] == [
        (
            4,
            f"`{key}` is no contact property, and the contact has no `{meant}`: another name "
            "for it?",
            f"rename `{key}:` to `{meant}:` (a key of your own can stay: `--ignore H012`)",
        )
    ]


@pytest.mark.parametrize("key", ["Due Date", "due-date", "DUE_DATE", "Target Date"])
def test_a_goal_property_as_an_inline_field_with_spaces_or_dashes_is_named(
    invoke: Invoke, write: Write, key: str
) -> None:
    """Reported: `Due Date:: 2027-02-01` in a goal's body got no H025, where `Target::` did:
    its key is read as Dataview reads it, in any case, with a space or `-` for `_`."""
    text = goal_text("Alpha").replace("due: 2026-12-31\n", "") + f"\n{key}:: 2027-02-01\n"
    write("goals/a.md", text)
    (found,) = json.loads(invoke("check", "--json", "--select", "H025").stdout)
    assert found["line"] == len(text.splitlines())
    assert found["suggestion"].startswith("move it there: `due: 2027-02-01`")


MEETING = (
    "---\ntype: meeting\ndate: 2026-11-20\n{extra}---\n## Follow-up\n"
    "- [ ] Send thank-you note {due}\n"
)


@pytest.mark.parametrize(
    "due",
    [
        "📅 2026-11-24",
        "[due:: 2026-11-24]",
        "📅 2026-11-24 ⏫",
        "📆 2026-11-24",
        "🗓 2026-11-24",
        "🗓\ufe0f 2026-11-24",
        "📆2026-11-24",
    ],
)
def test_an_open_tasks_due_date_is_the_follow_ups_when_the_meeting_has_none(
    invoke: Invoke, write: Write, due: str
) -> None:
    write("meetings/2026-11-20 Coffee with Dana.md", MEETING.format(extra="", due=due))
    (row,) = json.loads(invoke("followups", "--all", "--json").stdout)
    assert (row["follow_up_by"], row["implied"]) == (
        "2026-11-24",
        "no follow_up_by: its task's due date",
    )
    (hint,) = json.loads(invoke("check", "--json", "--select", "T014").stdout)
    assert "taken as due 2026-11-24, its task's due date" in hint["message"]
    assert hint["suggestion"].startswith("add `follow_up_by: 2026-11-24`")


@pytest.mark.parametrize("due", ["📅 0001-01-01", "[due:: 9999-12-31]", "📅 2026-02-30"])
def test_a_tasks_due_date_out_of_range_is_no_due_date(
    invoke: Invoke, write: Write, due: str
) -> None:
    """Reported: `📅 0001-01-01` made a follow-up overdue 739955 days; a year that a date
    written as a property may not have (1000 to 8999) is no due date, as a day that does
    not exist: the follow-up is due a week after the meeting."""
    write("meetings/2026-11-20 Coffee with Dana.md", MEETING.format(extra="", due=due))
    (row,) = json.loads(invoke("followups", "--all", "--json").stdout)
    assert (row["follow_up_by"], row["implied"]) == (
        "2026-11-27",
        "no follow_up_by: a week after the meeting",
    )


def test_follow_up_by_wins_over_a_tasks_due_date(invoke: Invoke, write: Write) -> None:
    text = MEETING.format(extra="follow_up_by: 2026-11-30\n", due="📅 2026-11-24")
    write("meetings/2026-11-20 Coffee with Dana.md", text)
    (row,) = json.loads(invoke("followups", "--all", "--json").stdout)
    assert (row["follow_up_by"], row["implied"]) == ("2026-11-30", None)


def test_a_log_task_dated_only_by_its_done_date_is_told_with_the_line_to_write() -> None:
    body = "## Log\n\n- 2026-11-01: CFP\n- [x] +1 Talk accepted at HR Tech ✅ 2026-12-02\n"
    text = goal_note(body)
    (found,) = of("H006", run((PATH, text)))
    assert found.line == len(text.splitlines())
    assert found.message == (
        "log line: a task dated only by its done date (✅): write "
        "'- 2026-12-02: +1 Talk accepted at HR Tech'; the line is not read"
    )


@pytest.mark.parametrize(
    ("key", "value", "written"),
    [
        ("outcome", "- a list", '"- a list"'),
        ("outcome", "? a question", '"? a question"'),
        ("outcome", ", then more", '", then more"'),
        ("outcome", "Done when:", '"Done when:"'),
        ("outcome", "Ten talks # at least", '"Ten talks # at least"'),
        ("outcome", '"Quoted" twice', '"\\"Quoted\\" twice"'),
        ("outcome", "Ten talks: given", '"Ten talks: given"'),
        ("outcome", "Ten talks given", "Ten talks given"),
        ("target", "50", "50"),
        ("start", "2026-09-01", "2026-09-01"),
    ],
)
def test_an_inline_fields_fix_reads_back_as_its_value(key: str, value: str, written: str) -> None:
    """Reported: `outcome:: - a list` gave the fix `outcome: - a list`, which written into
    the front matter is an error (H004): a value goes as written only when the front
    matter reads it back so, else quoted as `journal set` quotes it."""
    text = goal_note(f"{key}:: {value}\n\n" + LOG, **{key: None})
    (found,) = of("H025", run((PATH, text)))
    assert found.suggestion.startswith(f"move it there: `{key}: {written}` (")
    fixed = goal_note(**{key: written})
    assert not of("H004", run((PATH, fixed)))
    assert str(codec.parse_text(fixed).data[key]) == value  # type: ignore[index]
    assert found.message == (
        f"`{key}:: {value}` is a Dataview inline field; journal reads `{key}:` in the front matter"
    )


def test_an_inline_link_is_moved_to_the_front_matter_quoted() -> None:
    text = goal_note("area:: [[Health]]\n\n" + LOG, area=None)
    (found,) = of("H025", run((PATH, text)))
    assert found.suggestion.startswith('move it there: `area: "[[Health]]"`')


def test_progress_naming_an_untyped_note_in_the_goal_folder_says_to_make_it_a_goal(
    invoke: Invoke, write: Write
) -> None:
    """Reported (migration tryout): `progress::` naming a note of the goal folder that has
    no `type: goal` only said "name the goal it is progress on"; the note is the goal. One
    with no front matter is told the block to add (a `type:` line alone is body text)."""
    write("goals/Learn SQL.md", "---\ntags: [career]\n---\n# Learn SQL\n")
    write("goals/Run.md", "# Run\n")
    write("notes/Read more.md", "# Read more\n")
    write(
        "daily/2026-11-20.md",
        "progress:: [[Learn SQL]] +1\nprogress:: [[Run]] +1\nprogress:: [[Read more]] +1\n",
    )
    found = json.loads(invoke("check", "--json", "--select", "H010").stdout)
    fixes = {f["line"]: f["suggestion"] for f in found}
    example = "name the goal it is progress on: `progress:: [[NAME OF THE GOAL]] +1 WHAT YOU DID`"
    assert fixes == {
        1: "to make goals/Learn SQL.md the goal (it sits in the goal folder), add `type: goal` "
        f"to its front matter; or {example}",
        2: "to make goals/Run.md the goal (it sits in the goal folder), add front matter at its "
        f"top, three lines: `---`, `type: goal`, `---`; or {example}",
        3: example,
    }


@pytest.mark.parametrize("state", [" ", "x", "-", "/"])
def test_a_tasks_plugin_field_on_a_task_is_the_tasks_not_the_goals(state: str) -> None:
    """Reported (plugin user): `- [ ] Apply [start:: 2026-12-07] [due:: 2026-12-14]` (the
    Tasks plugin's Dataview format) got H025 "journal reads `start:` in the front matter":
    the task's dates are not the goal's."""
    body = (
        f"- [{state}] Apply to Fernway [start:: 2026-12-07] [due:: 2026-12-14] [priority:: high]\n"
        "- [ ] Ask Priya for a referral [created:: 2026-12-01] [scheduled:: 2026-12-08]\n"
        "- started:: 2026-12-01\n\n" + LOG
    )
    text = goal_note(body, start=None, due=None, created=None)
    found = of("H025", run((PATH, text)))
    assert [f.line for f in found] == [text.splitlines().index("- started:: 2026-12-01") + 1]


def _drawing(elements: int = 2, board: bool = False) -> str:
    """An Excalidraw drawing as the plugin saves it (or a Kanban board): front matter,
    the text elements (links and tags Obsidian reads), then the drawing's JSON inside
    ``%%``, ``elements`` freedraw strokes of about 2.5 KB each."""
    if board:
        return "---\n\nkanban-plugin: basic\n\n---\n\n## To do\n\n- [ ] Email [[Dana Ortiz]]\n"
    stroke = {"type": "freedraw", "strokeColor": "#1e1e1e", "points": [[12.345678, 98.7654]] * 100}
    data = {"type": "excalidraw", "elements": [stroke] * elements, "text": "[[Hidden]] #hidden"}
    return (
        "---\n\nexcalidraw-plugin: parsed\ntags: [excalidraw]\n\n---\n"
        "==⚠  Switch to EXCALIDRAW VIEW in the MORE OPTIONS menu of this document. ⚠==\n\n\n"
        "# Excalidraw Data\n## Text Elements\nPlan: [[Become an HR Business Partner]]\n"
        "- 2026-11-20: +1 tag #career ^txt1\n\n"
        "%%\n## Drawing\n```json\n" + json.dumps(data, indent="\t") + "\n```\n%%"
    )


@pytest.mark.parametrize("board", [False, True])
def test_a_plugins_file_over_the_size_limit_is_read_for_its_front_matter_only(
    invoke: Invoke, write: Write, board: bool
) -> None:
    """Reported: an 8.5 MB Excalidraw drawing was an error on every `check` (H004, exit 1:
    a pre-commit hook failed on a drawing) and a warning from every command."""
    text = _drawing(3400, board)
    if board:  # a board that large is a board still, long
        text += "- [ ] a card\n" * (codec.MAX_NOTE_BYTES // 13 + 1)
    path = write("Excalidraw/Drawing 2026-12-06.excalidraw.md", text)
    assert path.stat().st_size > codec.MAX_NOTE_BYTES
    write("goals/b.md", goal_text("Beta"))
    checked = invoke("check")
    assert checked.exit_code == 0, checked.stdout
    assert "H004" not in checked.stdout and "larger than" not in checked.stdout
    listed = invoke("list", "--type", "all", "--json")
    assert listed.stderr == ""
    (drawn,) = [n for n in json.loads(listed.stdout) if n["path"].startswith("Excalidraw/")]
    assert drawn["tags"] == ([] if board else ["excalidraw"])  # its front matter is read


@pytest.mark.parametrize(
    "head",
    [
        "---\ntags: [excalidraw]\n---\n",  # no plugin's key
        "---\n" + "a: b\n" * 20_000 + "excalidraw-plugin: parsed\n---\n",  # past the first KBs
        "# Drawing\n\nexcalidraw-plugin: parsed\n",  # no front matter
    ],
)
def test_another_file_over_the_size_limit_is_still_an_error(
    invoke: Invoke, write: Write, head: str
) -> None:
    write("notes/Huge.md", head + "word " * (codec.MAX_NOTE_BYTES // 5 + 1))
    checked = invoke("check", "--select", "H004")
    assert checked.exit_code == 1
    assert "notes/Huge.md:\n    1  H004  error    the file is larger than 8 MB" in checked.stdout


def test_an_excalidraw_drawing_is_read_up_to_its_drawing(invoke: Invoke, write: Write) -> None:
    """Reported: a 7 MB drawing took every build and every autosave under `journal watch`
    about a second, reading its JSON (inside `%%`, which hides it: read for nothing),
    and search found every drawing by the JSON's words. Its text elements are read."""
    write("Excalidraw/Map.excalidraw.md", _drawing())
    assert invoke("search", "freedraw").stdout == ""
    assert invoke("search", "strokeColor").stdout == ""
    found = invoke("search", "Plan")
    assert found.stdout.startswith("Excalidraw/Map.excalidraw.md")
    listed = json.loads(invoke("list", "--type", "all", "--json").stdout)
    (drawn,) = [n for n in listed if n["path"].startswith("Excalidraw/")]
    assert drawn["tags"] == ["excalidraw", "career"]  # not the JSON's #hidden


def test_a_drawing_or_a_board_in_the_goal_folder_is_not_told_to_be_a_goal(
    invoke: Invoke, write: Write
) -> None:
    """Reported: a Kanban board and an Excalidraw drawing in the goal folder were each told
    to "write `type: goal`" (H016), which only `--ignore H016` silenced, with real slips."""
    write("goals/Board.md", _drawing(board=True))
    write("goals/Map.excalidraw.md", _drawing())
    write("people/Board.md", _drawing(board=True))
    write("goals/Network more.md", "---\ntags: [career]\n---\n# Network more\n")
    write("goals/b.md", goal_text("Beta"))
    found = json.loads(invoke("check", "--json", "--select", "H016").stdout)
    assert [f["path"] for f in found] == ["goals/Network more.md"]  # a slip is still told
    assert "Board" not in invoke("list").stderr


@pytest.mark.parametrize(
    ("props", "body", "read"),
    [
        ({"excalidraw-plugin": "parsed"}, "## Text Elements\nA\n\n%%\n## Drawing\n{}\n%%", 20),
        ({"excalidraw-plugin": "parsed"}, "# Text Elements\r\nA\r\n# Drawing\r\n{}", 20),
        ({"excalidraw-plugin": "parsed"}, "# Notes\n\n## Drawings\n", None),  # no drawing data
        ({"tags": ["x"]}, "## Text Elements\n%%\n## Drawing\n{}\n%%", None),  # no drawing's
    ],
)
def test_a_drawings_body_is_read_up_to_its_data(props: dict, body: str, read: int | None) -> None:
    assert notes.body_read(props, body) == body[:read]
