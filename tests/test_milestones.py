"""Milestones no plan can place: dropped ones, undated ones, and keys a milestone does not
read (found in a tryout: each of them went missing from the plan without a word)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Invoke, Write, goal_text
from tests.gitutil import Git

#: Today is 2026-11-22: "Draft list" would be overdue and "Shoot video" in the plan's
#: second week, were they not dropped.
DROPPED = (
    "\n  - title: Draft list\n    due: 2026-11-18\n    dropped: 2026-11-16"
    "\n  - title: Shoot video\n    due: 2026-12-02\n    dropped: true"
    "\n  - title: Call Dana\n    due: 2026-12-10"
)


def test_a_dropped_milestone_is_shown_dropped_and_planned_nowhere(
    invoke: Invoke, write: Write
) -> None:
    write("goals/talks.md", goal_text("Talks", start="2026-10-01", milestones=DROPPED))
    shown = invoke("show", "Talks").stdout
    assert "  [-] Draft list (due 2026-11-18, dropped 2026-11-16)\n" in shown
    assert "  [-] Shoot video (due 2026-12-02, dropped)\n" in shown
    assert "  [ ] Call Dana (due 2026-12-10)\n" in shown
    assert "dropped: Shoot video (due 2026-12-02)\n" in invoke("--plain", "show", "Talks").stdout
    record = json.loads(invoke("show", "Talks", "--json").stdout)
    assert record["milestones"] == [
        {"title": "Draft list", "due": "2026-11-18", "done": False, "dropped": "2026-11-16"},
        {"title": "Shoot video", "due": "2026-12-02", "done": False, "dropped": True},
        {"title": "Call Dana", "due": "2026-12-10", "done": False, "dropped": False},
    ]
    plan = invoke("plan", "--stdout")
    review = invoke("review", "--stdout")
    for text in (plan.stdout, review.stdout):
        assert "Draft list" not in text and "Shoot video" not in text
    assert "Call Dana (goal: Talks)" in plan.stdout
    assert "with 1 milestone," in plan.stdout  # the timeline counts none dropped
    assert plan.stderr == review.stderr == ""
    (board,) = json.loads(invoke("status", "--json").stdout)["goals"]
    assert board["next_milestone"]["title"] == "Call Dana"
    assert json.loads(invoke("check", "--json", "--select", "T").stdout) == []  # no T013


def test_a_dropped_milestone_with_a_value_that_is_no_day_is_told(
    invoke: Invoke, write: Write
) -> None:
    milestones = "\n  - title: Shoot video\n    due: 2026-12-02\n    dropped: skipped"
    write("goals/talks.md", goal_text("Talks", milestones=milestones))
    (found,) = json.loads(invoke("check", "--json", "--select", "H005").stdout)
    assert (found["rule"], found["line"]) == ("H005", 15)
    assert found["message"] == (
        "milestones item 1: dropped should be true, false or the date it was dropped"
    )


def test_a_key_a_milestone_does_not_read_is_told_at_its_line(invoke: Invoke, write: Write) -> None:
    """Found in a tryout: `status: dropped` under a milestone was silently ignored, so the
    milestone stayed planned, while `done: skipped` was reported (H005)."""
    milestones = (
        "\n  - title: Shoot video\n    due: 2026-12-20\n    status: dropped"
        "\n  - title: Call Dana\n    droped: true"
        "\n  - title: Edit video\n    due: 2026-12-24\n    owner: me"
    )
    write("goals/talks.md", goal_text("Talks", milestones=milestones))
    found = json.loads(invoke("check", "--json", "--select", "H027").stdout)
    assert [(f["line"], f["message"]) for f in found] == [
        (
            15,
            "milestones item 1: `status` is no milestone key, so `status: dropped` is not "
            "read: a milestone is dropped with `dropped: true` (or the day)",
        ),
        (17, "milestones item 2: `droped` is no milestone key, and it has no `dropped`: a typo?"),
        (
            20,
            "milestones item 3: `owner` is no milestone key: it is not read (a milestone "
            "reads `title`, `due`, `done` and `dropped`)",
        ),
    ]
    assert {f["severity"] for f in found} == {"warning"}
    told = "goals/talks.md:15: warning: milestones item 1: `status` is no milestone key"
    for command in ("review", "plan"):
        assert invoke(command, "--stdout").stderr.startswith(told)


def test_a_milestone_with_no_due_day_is_told_while_it_is_open(invoke: Invoke, write: Write) -> None:
    """Found in a tryout: `- title: Shoot video` was in `journal show` and in no plan,
    review or check."""
    milestones = (
        "\n  - Write the script"
        "\n  - title: Shoot video\n    done: 2026-11-20"
        "\n  - title: Edit video\n    dropped: true"
        "\n  - title: Publish"
    )
    write("goals/talks.md", goal_text("Talks", start="2026-10-01", milestones=milestones))
    write("goals/done.md", goal_text("Done", status="done", milestones="\n  - Write the script"))
    found = json.loads(invoke("check", "--json", "--select", "T015").stdout)
    assert [(f["path"], f["line"], f["severity"]) for f in found] == [
        ("goals/talks.md", 14, "warning"),  # the item's line (13 is `milestones:`)
        ("goals/talks.md", 19, "warning"),
    ]
    assert found[0]["message"] == (
        "milestone 1 'Write the script' has no due day, so no plan or review can place it"
    )
    assert found[0]["suggestion"] == (
        "give it the day you mean to reach it by (`due: YYYY-MM-DD` under its title), or "
        "drop it (`dropped: true`)"
    )


def test_a_slip_in_a_milestone_key_is_named_with_the_rename(invoke: Invoke, write: Write) -> None:
    """Found in a verification pass: `dropd: true` got no "a typo?", and `deu:` one whose
    fix named no key, where H012 says ``rename `reveiw_every:` to `review_every:` ``."""
    milestones = (
        "\n  - title: Shoot video\n    due: 2026-12-20\n    dropd: true"
        "\n  - title: Call Dana\n    deu: 2026-12-02"
        "\n  - title: Edit video\n    drop: 2026-11-20\n    owner: me"
    )
    write("goals/talks.md", goal_text("Talks", milestones=milestones))
    found = json.loads(invoke("check", "--json", "--select", "H027").stdout)
    own = "a key of your own can stay: `check_ignore: [H027]`"
    assert [(f["line"], f["message"], f["suggestion"]) for f in found] == [
        (
            15,
            "milestones item 1: `dropd` is no milestone key, and it has no `dropped`: a typo?",
            f"rename `dropd:` to `dropped:` ({own})",
        ),
        (
            17,
            "milestones item 2: `deu` is no milestone key, and it has no `due`: a typo?",
            f"rename `deu:` to `due:` ({own})",
        ),
        (
            19,
            "milestones item 3: `drop` is no milestone key, and it has no `dropped`: a typo?",
            f"rename `drop:` to `dropped:` ({own})",
        ),
        (
            20,
            "milestones item 3: `owner` is no milestone key: it is not read (a milestone "
            "reads `title`, `due`, `done` and `dropped`)",
            "rename it to the key meant, or delete it: `done` and `dropped` take `true` or "
            f"the day (docs/format.md, Milestones); {own}",
        ),
    ]


@pytest.mark.parametrize(
    ("key", "item"),
    [
        ("milestones", "title: Draft\n    due: 2026-12-01"),
        ("tags", "career"),
        ("aliases", "Speaking"),
        ("metric_kind", "coffee"),
        ("supports", '"[[Beta]]"'),
        ("feeds", '"[[Beta]]"'),
        ("check_ignore", "S002"),
        ("cssclasses", "wide"),
    ],
)
def test_a_list_cleared_by_set_reads_as_empty(
    invoke: Invoke, write: Write, key: str, item: str
) -> None:
    """Found in a verification pass: `set milestones=` left `milestones:` (its comment
    kept), which `journal check` then told as H005, "should be a list" (exit 1), where a
    `supports:` left so reads as no link."""
    write("goals/b.md", goal_text("Beta"))
    listed = f"{key}:\n  # kept when cleared\n  - {item}\n"
    path = write("goals/a.md", goal_text("Alpha").replace("---\n#", listed + "---\n#"))
    assert invoke("set", "alpha", f"{key}=").exit_code == 0
    assert f"\n{key}:\n  # kept when cleared\n---\n" in path.read_text()
    found = json.loads(invoke("check", "--json").stdout)
    assert [f["message"] for f in found if f["severity"] == "error"] == []
    assert json.loads(invoke("show", "alpha", "--json").stdout).get(key, []) == []


@pytest.mark.parametrize("value", ["", " []", " null", " ~"])
def test_an_empty_milestones_list_is_no_milestone(invoke: Invoke, write: Write, value: str) -> None:
    write("goals/a.md", goal_text("Alpha", milestones=value))
    result = invoke("check", "--json", "--select", "H005")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])
    assert json.loads(invoke("show", "alpha", "--json").stdout)["milestones"] == []


def test_done_on_a_dropped_milestone_says_it_counts_again(invoke: Invoke, write: Write) -> None:
    """Found in a verification pass: `done --milestone` on a dropped milestone made it
    count as done again (done and dropped is done) without a word."""
    path = write("goals/talks.md", goal_text("Talks", start="2026-10-01", milestones=DROPPED))
    done = invoke("done", "Talks", "--milestone", "Draft list")
    assert done.exit_code == 0
    assert done.stderr == (
        "journal: goals/talks.md: milestone 'Draft list' was dropped (2026-11-16): done "
        "now, it counts as done; its `dropped:` is kept, as a record\n"
    )
    text = path.read_text()
    assert "  - title: Draft list\n    due: 2026-11-18\n    dropped: 2026-11-16\n" in text
    assert "    done: 2026-11-22\n" in text
    assert "  [x] Draft list" in invoke("show", "Talks").stdout
    record = json.loads(invoke("done", "Talks", "--milestone", "Shoot video", "--json").stdout)
    assert record["dropped"] is True
    again = invoke("done", "Talks", "--milestone", "Shoot video", "--json")
    assert (json.loads(again.stdout)["dropped"], again.stderr) == (None, "")
    plain = invoke("done", "Talks", "--milestone", "Call Dana")
    assert plain.exit_code == 0 and plain.stderr == ""


def test_done_with_another_date_redates_a_milestone_done_touching_only_its_line(
    invoke: Invoke, write: Write
) -> None:
    """Reported: `done G --milestone 1` stamped today; run again with `--date
    2026-11-14` it said "milestone already done" and kept today, and `journal set` can't
    edit milestones."""
    steps = "\n  - title: Module 2 done\n    due: 2026-11-15 # week 2\n  - title: Module 4 done"
    path = write("goals/sql.md", goal_text("SQL", start="2026-10-01", milestones=steps))
    assert invoke("done", "SQL", "--milestone", "1").exit_code == 0
    stamped = path.read_bytes()
    assert b"    done: 2026-11-22\n" in stamped
    again = invoke("done", "SQL", "--milestone", "1", "--date", "2026-11-14")
    assert again.exit_code == 0, again.stderr
    assert again.stdout == ("goals/sql.md: milestones[1] Module 2 done: 2026-11-22 -> 2026-11-14\n")
    assert path.read_bytes() == stamped.replace(b"done: 2026-11-22", b"done: 2026-11-14")
    same = invoke("done", "SQL", "--milestone", "1", "--date", "2026-11-14", "--json")
    assert json.loads(same.stdout)["written"] is False  # that day already: nothing to do
    today = invoke("done", "SQL", "--milestone", "1")  # no --date: done stays as it is
    assert "milestone already done" in today.stdout
    assert b"done: 2026-11-14" in path.read_bytes()


STORYLINE = (
    "---\ntype: goal\ntitle: Storyline\nstatus: active\nmetric: modules published\n"
    "unit: modules\nbaseline: 0\ntarget: 3\ncurrent: 0\nstart: 2026-12-06\ndue: 2027-02-26\n"
    "review_every: 1w\nmilestones:\n  - title: Tutorial done\n    due: 2026-12-13\n"
    "  - title: Module 1\n    due: 2027-01-08\n---\n# Storyline\n\n## Log\n"
)


def test_a_milestone_reached_on_a_day_is_a_check_in_that_day(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tryout: a milestone marked done on 12-12 left the goal "no check-in since it began
    (2026-12-06)" in `journal check` and the review's Needs attention 14 days on."""
    git = Git(vault, tmp_path / "home").init()
    write("goals/s.md", STORYLINE)
    git.commit("start", "2026-12-06")
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-12")
    assert invoke("done", "Storyline", "--milestone", "1").exit_code == 0
    git.commit("tutorial done", "2026-12-12")
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-19")
    assert "No check-in for" not in invoke("review", "--stdout").stdout
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-20")
    review = invoke("review", "--stdout").stdout
    assert "- No check-in for 8 days (rhythm 1w): [[s]]\n" in review
    assert "- No check-in for 14 days" not in review
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-21")
    (finding,) = json.loads(invoke("check", "--json", "--select", "T006").stdout)
    assert finding["message"].startswith("no check-in since 2026-12-12: 9 days")
    (board,) = json.loads(invoke("status", "--json").stdout)["goals"]
    assert board["last_checkin"] == "2026-12-12"
    # a past week's review counts what was done by its end, not after
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-30")
    assert invoke("done", "Storyline", "--milestone", "2").exit_code == 0
    git.commit("module 1", "2026-12-30")
    past = invoke("review", "--week", "2026-W52", "--stdout").stdout
    assert "- No check-in for 15 days (rhythm 1w): [[s]]\n" in past
    assert "No check-in for" not in invoke("review", "--stdout").stdout
