"""Names a Mac gives decomposed (Unicode NFD: ``e`` then the accent): what journal writes
of them is composed (NFC), ordered as composed, and matched as the composed name."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from journal.core import codec
from journal.core.generated import owned_hashes
from tests.conftest import Invoke, Write, goal_text
from tests.gitutil import Git

PLAN = "plans/2026-11-23-90-day-plan.md"
REVIEW = "reviews/2026-W47.md"
IST = "İstanbul a\u011f\u0131"  # (a dotless i: written so for ruff)
ISIL = "I\u015f\u0131l says 10 is ambitious"
EXAM = "模試\u3000第\uff11回で\uff11\uff10\uff10点"  # full-width space and digits
ILK = "İlk s\u0131nav"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def without_id(text: str) -> str:
    """A goal written by hand: no ``id``, so a plan names it by its path."""
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith("id:"))


def two_goals(write: Write) -> None:
    """``İstanbul`` (its file named decomposed, whose ``I`` and dot sort before
    ``S``; composed, ``İ`` sorts after) and ``Sofia net``, neither with an id."""
    dates = {"start": "2026-11-01", "due": "2027-03-31", "current": 1, "target": 10}
    write(nfd(f"goals/{IST}.md"), without_id(goal_text(IST, **dates)))
    write("goals/Sofia net.md", without_id(goal_text("Sofia net", **dates)))


def recompose(vault: Path, rel: str) -> None:
    """Rename the file at ``rel`` (decomposed) to its composed spelling, as a sync from a
    Mac to Linux may."""
    (vault / nfd(rel)).rename(vault / nfc(rel))


def test_a_plan_row_keeps_its_comment_when_its_goals_name_is_recomposed(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: the `targets` row of a goal without an id, keyed by its path as the file
    system spelled it (NFD), lost the user's comment when the file was renamed to its
    NFC spelling, and goals, columns and timeline sections changed order."""
    two_goals(write)
    assert invoke("plan").exit_code == 0
    path = vault / PLAN
    text = path.read_text()
    assert unicodedata.is_normalized("NFC", text)
    assert text.index(f"[[{IST}]]") > text.index("[[Sofia net]]")  # composed order
    row = f"  - goal: goals/{IST}.md\n    from: 1\n    target: 10\n"
    assert row in text
    path.write_text(text.replace(row, row.replace("10\n", f"10  # {ISIL}\n")))
    kept = path.read_text()
    recompose(vault, f"goals/{IST}.md")
    assert invoke("plan").stdout == f"{PLAN}: unchanged\n"
    assert path.read_text() == kept


def test_a_plan_written_with_a_decomposed_row_keeps_its_comment(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """A plan an earlier version wrote keyed the row by the decomposed path: made again,
    the row is the goal's (the comments in it kept), written composed."""
    two_goals(write)
    assert invoke("plan").exit_code == 0
    path = vault / PLAN
    row = f"  - goal: goals/{IST}.md\n    from: 1\n    target: 10\n"
    mine = nfd(row).replace("10\n", f"10  # {ISIL}\n")
    assert row in path.read_text()
    rows = codec.decode(path.read_bytes()).data["targets"]
    for written in rows:
        written["goal"] = nfd(written["goal"])
    hashed = re.sub(r"targets:[\w.]+", owned_hashes({"targets": rows}), path.read_text())
    path.write_text(hashed.replace(row, mine))  # as the earlier version wrote it
    assert invoke("plan").stdout == f"{PLAN}: updated\n"
    assert row.replace("10\n", f"10  # {ISIL}\n") in path.read_text()
    assert unicodedata.is_normalized("NFC", path.read_text())


def test_the_review_writes_names_composed_and_in_their_composed_order(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """Reported: the review copied links from decomposed file names, and sorted them as
    the file system spelled them; a file renamed to its composed name rewrote it."""
    two_goals(write)
    titled = without_id(goal_text("Français écrit", current=1))
    write(nfd("goals/Français écrit.md"), titled.replace("title: Français écrit\n", ""))
    git = Git(vault, tmp_path / "home").init()
    git.commit("goals", "2026-11-18")  # "This week in git" links them too
    assert invoke("review").exit_code == 0
    path = vault / REVIEW
    text = path.read_text()
    assert unicodedata.is_normalized("NFC", text)  # its title is its file's name
    assert "- Created: [[Français écrit]] (status active" in text
    assert text.index(f"[[{IST}]]") > text.index("[[Sofia net]]")
    for rel in (f"goals/{IST}.md", "goals/Français écrit.md"):
        recompose(vault, rel)
    assert invoke("review").stdout == f"{REVIEW}: unchanged\n"
    write("goals/Français écrit.md", titled.replace("current: 1", "current: 2"))
    again = invoke("review")  # each section's mark is of its text as written: none edited
    assert (again.stdout, again.stderr) == (f"{REVIEW}: updated\n", "")


def test_a_new_meeting_writes_the_names_of_decomposed_files_composed(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `new meeting --with` a contact whose file is named decomposed wrote its
    title, heading and links decomposed (copied from the file names), and a `title:`
    property the composed file name made needless; the links still find the notes."""
    write(nfd("people/Hélène Müller.md"), "---\ntype: contact\n---\n# Hélène Müller\n")
    write(nfd("goals/Français écrit.md"), goal_text("Français écrit", metric_source="meetings"))
    made = invoke(
        "new",
        "meeting",
        "--with",
        "Hélène Müller",
        "--kind",
        "coffee",
        "--goal",
        "français",
        "--json",
    )
    assert made.exit_code == 0, made.stderr
    record = json.loads(made.stdout)
    assert record["path"] == "meetings/2026-11-22 Coffee with Hélène Müller.md"
    assert "title" not in record["properties"]
    assert record["properties"]["with"] == ["[[Hélène Müller]]"]
    assert record["properties"]["goal"] == "[[Français écrit]]"
    text = (vault / record["path"]).read_text()
    assert unicodedata.is_normalized("NFC", text) and "\n# Coffee with Hélène Müller\n" in text
    shown = json.loads(invoke("show", "français", "--json").stdout)
    assert shown["current"] == 1  # the meeting's `goal` link finds the goal
    found = json.loads(invoke("check", "--select", "H008,H020", "--json").stdout)
    assert [f for f in found if f["path"] == record["path"]] == []  # `with` finds the contact
    assert [f["path"] for f in found] == [nfd("goals/Français écrit.md")]  # ([[Dana Ortiz]])


def test_setting_a_title_compares_it_with_the_file_name_composed(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `set title=` on a goal whose file name is decomposed said links show
    another name, 'Français écrit', and to rename the file: it is the same name."""
    write(nfd("goals/Français écrit.md"), goal_text("Francais"))
    done = invoke("set", "francais", "title=Français écrit")
    assert done.exit_code == 0, done.stderr
    assert "rename the file" not in done.stderr
    other = invoke("set", "français", "title=Français oral")
    assert "rename the file" in other.stderr  # another name is still told


@pytest.mark.parametrize(
    "typed",
    ["模試 第1回で100点", "ilk s\u0131nav", "Ilk s\u0131nav", "ILK SINAV", "İLK SINAV"],
)
def test_a_milestone_is_named_as_a_goal_is(
    invoke: Invoke, write: Write, vault: Path, typed: str
) -> None:
    """Reported: `done --milestone` compared less than a goal's name is: full-width
    digits and spaces, Turkish dotless and dotted i in any case, found no milestone."""
    milestones = f'[{{title: "{EXAM}"}}, {{title: "{ILK}"}}]'
    write("goals/jp.md", goal_text("日本語", milestones=milestones))
    done = invoke("done", "日本語", "--milestone", typed, "--json")
    assert done.exit_code == 0, done.stderr
    wanted = f"1] {EXAM}" if "模試" in typed else f"2] {ILK}"
    assert json.loads(done.stdout)["key"] == f"milestones[{wanted}"


@pytest.mark.parametrize("typed", ["TÜRKİYE", "TÜRKIYE", "türkiye", "Turkiye"])
def test_an_area_is_named_as_a_goal_is(
    invoke: Invoke, write: Write, vault: Path, typed: str
) -> None:
    """Reported: `list --area TÜRKİYE` did not find `area: Türkiye` (`TÜRKIYE` did),
    while `show İSTANBUL` finds the goal `İstanbul`."""
    write("goals/ist.md", goal_text(IST, area="Türkiye"))
    write("goals/other.md", goal_text("Other", area="Deutschland"))
    listed = json.loads(invoke("list", "--area", typed, "--json").stdout)
    assert [r["title"] for r in listed] == [IST]


def test_list_names_a_note_spelled_two_ways_as_status_does(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: with both spellings of a goal's name, `list` printed two rows alike and
    said nothing, while `status` named the pair."""
    write(nfc("goals/Français écrit.md"), goal_text("Français écrit", id="fr-1"))
    write(nfd("goals/Français écrit.md"), goal_text("Français écrit", id="fr-2"))
    spelled = (
        "journal: goals/Français écrit.md is spelled two ways (Unicode NFC and NFD): two "
        "notes, each counted; keep one\n"
    )
    for args in ((), ("--json",)):
        listed = invoke("list", *args)
        assert listed.exit_code == 0 and listed.stderr == spelled
    (vault / ".journal/config.toml").write_text('[check]\nignore = ["H018"]\n')
    assert invoke("list").stderr == ""  # as status, not once its rule is off
