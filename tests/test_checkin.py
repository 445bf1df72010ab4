"""`journal log`: one atomic write of current + the log line, and the check-in history."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from journal.adapters.vault import Vault, load_catalog
from journal.core.catalog import Catalog
from journal.core.checkins import CheckInError, LogLines, parse_log_line, replay, running
from journal.core.errors import Conflict
from journal.core.notes import parse_note
from journal.core.series import Point, stepped
from journal.present import chart
from journal.usecases.checkin import log_checkin
from tests.conftest import Invoke, Write, goal_text
from tests.gitutil import Git

GOAL = "goals/hr.md"
#: ``2026-11-21:+1`` as a Japanese input method types it in full-width mode.
_FULL_WIDTH = "2026-11-21:+1".translate({c: c + 0xFEE0 for c in b"0123456789-:+"})


def test_a_check_in_sets_current_and_appends_the_line(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    write(GOAL, goal_text(current=2))
    result = invoke("log", "Connect", "+1", "Coffee", "with", "[[Elena Varga]]")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "goals/hr.md: 2026-11-22 +1 Coffee with [[Elena Varga]]; current 2 -> 3\n"
    )
    text = (vault / GOAL).read_text()
    assert "\ncurrent: 3\n" in text
    assert text.endswith(
        "## Log\n\n- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n"
        "- 2026-11-22: +1 Coffee with [[Elena Varga]]\n"
    )
    assert text.replace("current: 3", "current: 2").replace(
        "- 2026-11-22: +1 Coffee with [[Elena Varga]]\n", ""
    ) == goal_text(current=2)


def test_a_numbered_log_is_read_and_numbered_on(invoke: Invoke, write: Write, vault: Path) -> None:
    numbered = goal_text(current=2).replace(
        "- 2026-11-20:", "1. 2026-11-19: +1 Lunch\n2. 2026-11-20:"
    )
    write(GOAL, numbered.replace("current: 2", "current: 3"))
    assert invoke("check", "--select", "M007").exit_code == 0  # the log agrees with current
    result = invoke("log", "Connect", "+1", "Call")
    assert result.exit_code == 0, result.stderr
    assert "current 3 -> 4" in result.stdout
    text = (vault / GOAL).read_text()
    assert text.endswith(
        "## Log\n\n1. 2026-11-19: +1 Lunch\n2. 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n"
        "3. 2026-11-22: +1 Call\n"
    )


def test_minus_equals_and_dates(invoke: Invoke, write: Write, vault: Path) -> None:
    write(GOAL, goal_text(current=2))
    assert invoke("log", "Connect", "-1", "miscounted").exit_code == 0
    assert invoke("log", "Connect", "=4.5", "--date", "2026-11-21").exit_code == 0
    assert invoke("log", "Connect", "--", "-0.5").exit_code == 0
    text = (vault / GOAL).read_text()
    assert "\ncurrent: 4\n" in text
    assert text.endswith(  # the backdated line goes before the first one dated later
        "- 2026-11-21: =4.5\n- 2026-11-22: -1 miscounted\n- 2026-11-22: -0.5\n"
    )


@pytest.mark.parametrize(
    "value", ["+99999999999999999999", "=2000000000000000", "--2000000000000000"]
)
def test_a_check_in_that_would_put_current_out_of_range_writes_nothing(
    invoke: Invoke, write: Write, vault: Path, value: str
) -> None:
    """Reported: `log G +99999999999999999999` wrote `current: 1e20`, a value every
    command then reported as bad, and further `log`s refused."""
    write(GOAL, goal_text(current=2))
    before = (vault / GOAL).read_bytes()
    args = ["--", value[1:]] if value.startswith("--") else [value]
    result = invoke("log", "Connect", *args)
    assert result.exit_code == 2
    assert "is no value journal reads: a value is at most 10^15" in result.stderr
    assert (vault / GOAL).read_bytes() == before
    write(GOAL, goal_text(current=999_999_999_999_999))  # the value fits; the sum does not
    over = invoke("log", "Connect", "+2")
    assert over.exit_code == 2
    assert "current should be a number from -10^15 to 10^15" in over.stderr


def test_small_numbers_are_written_out_and_sums_carry_no_float_noise(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `set current=0.00001` wrote `1e-05` (text to YAML 1.1 readers), `log
    +0.00001` was refused as unreadable, and +0.1 +0.2 -0.3 showed 5.55e-17."""
    write(GOAL, goal_text(current=0))
    assert invoke("set", "Connect", "current=0.00001").exit_code == 0
    assert "\ncurrent: 0.00001\n" in (vault / GOAL).read_text()
    logged = invoke("log", "Connect", "+0.00001", "tiny")
    assert logged.exit_code == 0, logged.stderr
    assert (vault / GOAL).read_text().endswith("- 2026-11-22: +0.00001 tiny\n")
    assert "\ncurrent: 0.00002\n" in (vault / GOAL).read_text()
    write(GOAL, goal_text(current=0))
    for args in (["+0.1"], ["+0.2"], ["--", "-0.3"]):
        result = invoke("log", "Connect", *args)
        assert result.exit_code == 0, result.stderr
    # reported: 12345.67 was shown as 12345.7 (six digits), a value the file did not hold
    write(GOAL.replace("hr", "big"), goal_text("Big", current=12345.67, target=20000))
    assert "current 12345.67 -> 12355.68" in invoke("log", "Big", "+10.01").stdout
    shown = json.loads(invoke("log", "Connect", "--json").stdout)
    assert shown["replayed"] == 1  # the log had +1 already
    assert not re.search(r"\d[eE]-\d", json.dumps(shown))
    assert "0000000" not in invoke("log", "Connect").stdout


def test_the_change_starts_from_baseline_or_zero_when_current_is_missing(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    write("goals/a.md", "---\ntype: goal\ntitle: Alpha\nbaseline: 10\n---\n# Alpha\n")
    write("goals/b.md", "---\ntype: goal\ntitle: Beta\n---\n")
    assert invoke("log", "Alpha", "+2").exit_code == 0
    assert invoke("log", "Beta", "+2").exit_code == 0
    assert (vault / "goals/a.md").read_text() == (
        "---\ntype: goal\ntitle: Alpha\nbaseline: 10\ncurrent: 12\n---\n# Alpha\n"
        "\n## Log\n\n- 2026-11-22: +2\n"
    )
    assert (vault / "goals/b.md").read_text() == (
        "---\ntype: goal\ntitle: Beta\ncurrent: 2\n---\n## Log\n\n- 2026-11-22: +2\n"
    )


def test_progress_made_before_the_log_began_is_logged_too(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `set current=2` on a goal with no Log section, then `log +1`, left
    M007 for good (baseline 0 plus the log's +1 is not 3)."""
    write("goals/a.md", "---\ntype: goal\ntitle: Alpha\nbaseline: 0\ncurrent: 0\n---\n# Alpha\n")
    assert invoke("set", "Alpha", "current=2").exit_code == 0
    result = invoke("log", "Alpha", "+1", "lesson", "3")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "goals/a.md: 2026-11-22 +1 lesson 3; current 2 -> 3\n"
        "goals/a.md: also logged 2026-11-22 +2 made before the log: the log did not have "
        "current 2 yet\n"
    )
    log = "## Log\n\n- 2026-11-22: +2 made before the log\n- 2026-11-22: +1 lesson 3\n"
    assert (vault / "goals/a.md").read_text().endswith(f"current: 3\n---\n# Alpha\n\n{log}")
    checked = json.loads(invoke("check", "--json").stdout)
    assert checked and "M007" not in {f["rule"] for f in checked}
    again = json.loads(invoke("log", "Alpha", "+1", "--json").stdout)
    assert again["carried"] is None and again["new"] == 4  # once the log explains it
    # backdated: the line in its place and today's for the rest - a change, not an =N,
    # which would leave the next backdated line uncounted (a review found)
    write("goals/b.md", "---\ntype: goal\ntitle: Beta\nbaseline: 0\ncurrent: 4\n---\n# Beta\n")
    back = json.loads(invoke("log", "Beta", "+1", "old", "--date", "2026-11-05", "--json").stdout)
    assert (back["carried"], back["old"], back["new"]) == (
        "2026-11-22 +4 made before the log",
        4,
        5,
    )
    more = json.loads(invoke("log", "Beta", "+1", "x", "--date", "2026-11-10", "--json").stdout)
    assert (more["carried"], more["new"]) == (None, 6)
    beta = "- 2026-11-05: +1 old\n- 2026-11-10: +1 x\n- 2026-11-22: +4 made before the log\n"
    assert (
        (vault / "goals/b.md").read_text().endswith(f"current: 6\n---\n# Beta\n\n## Log\n\n{beta}")
    )
    checked = json.loads(invoke("check", "--json").stdout)
    assert "M007" not in {f["rule"] for f in checked}


def test_tool_written_and_hand_written_check_ins_read_the_same(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    by_hand = goal_text(current=2).replace(
        "- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n",
        "- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n- 2026-11-21: +1.5 Lunch with [[Sam]]\n",
    )
    write("hand.md", by_hand)
    write(GOAL, goal_text(current=2))
    result = invoke("log", GOAL, "+1.5", "Lunch", "with", "[[Sam]]", "--date", "2026-11-21")
    assert result.exit_code == 0, result.stderr
    tool = parse_note(GOAL, (vault / GOAL).read_bytes())
    hand = parse_note("hand.md", (vault / "hand.md").read_bytes())
    assert [(c.day, c.op, c.amount, c.note, c.line) for c in tool.checkins] == [
        (c.day, c.op, c.amount, c.note, c.line) for c in hand.checkins
    ]
    assert (vault / GOAL).read_text() == by_hand.replace("current: 2", "current: 3.5")


def test_a_block_id_is_kept_in_the_file_and_shown_nowhere(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `log`, `log GOAL` and `show` printed a check-in's Obsidian block id
    (`^log1`), which only names the line for a link to it."""
    write(GOAL, goal_text(current=2))
    result = invoke("log", "Connect", "+1", "coffee with Tom ^log1")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{GOAL}: 2026-11-22 +1 coffee with Tom; current 2 -> 3\n"
    assert (vault / GOAL).read_text().endswith("- 2026-11-22: +1 coffee with Tom ^log1\n")
    shown = [invoke("log", "Connect").stdout, invoke("show", "Connect").stdout]
    assert all("coffee with Tom\n" in text and "^log1" not in text for text in shown)
    for command in ("log", "show"):
        checkins = json.loads(invoke(command, "Connect", "--json").stdout)["checkins"]
        assert checkins[-1]["note"] == "coffee with Tom"


def test_a_goal_with_crlf_and_a_bom_keeps_both(invoke: Invoke, write: Write, vault: Path) -> None:
    original = ("\ufeff" + goal_text(current=2)).replace("\n", "\r\n").encode()
    write(GOAL, original)
    assert invoke("log", "Connect", "+1", "Call").exit_code == 0
    data = (vault / GOAL).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf---\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert data == original.replace(b"current: 2\r\n", b"current: 3\r\n") + (
        b"- 2026-11-22: +1 Call\r\n"
    )


@pytest.mark.parametrize(
    ("body", "note", "added"),
    [
        pytest.param(  # no final newline, and the Log a code block shows
            "```markdown\n## Log\n- 2026-01-01: +5 example\n```",
            (),
            "\n\n## Log\n\n- 2026-11-22: +1 made before the log\n- 2026-11-22: +1",
            id="code-block",
        ),
        pytest.param(  # a Log in an Obsidian comment, before the real one
            "%%\nTemplate notes:\n## Log\n- 2026-01-01: +50 example line\n%%\n\n"
            "## Log\n\n- 2026-11-10: +1 real\n",
            ("new",),
            "- 2026-11-22: +1 new\n",
            id="obsidian-comment",
        ),
        pytest.param(  # a Log in a callout: the line went after it, with no heading
            "> [!summary] Progress\n> ## Log\n> - 2026-11-10: +1 in callout\n\nText after\n",
            ("x",),
            "\n## Log\n\n- 2026-11-22: +1 made before the log\n- 2026-11-22: +1 x\n",
            id="callout",
        ),
    ],
)
def test_a_log_heading_the_reader_does_not_see_is_not_written_to(
    invoke: Invoke, write: Write, vault: Path, body: str, note: tuple[str, ...], added: str
) -> None:
    text = "---\ntype: goal\ntitle: Alpha\ncurrent: 1\n---\n# Alpha\n\n" + body
    write("a.md", text)
    result = invoke("log", "Alpha", "+1", *note)
    assert (result.exit_code, result.stderr) == (0, "")
    assert (vault / "a.md").read_text() == text.replace("current: 1", "current: 2") + added


def test_a_user_saving_the_goal_during_the_write_wins(
    vault: Path, write: Write, tmp_path: Path
) -> None:
    """A second process (standing in for an editor) saves the goal after `journal log`
    read it and before it writes: the tool must abort and leave the user's text."""
    path = write(GOAL, goal_text(current=2))
    user_text = goal_text(current=2).replace("# Connect", "# Connect (edited in my editor)")
    editor = [
        sys.executable,
        "-c",
        "import pathlib, sys; pathlib.Path(sys.argv[1]).write_text(sys.argv[2])",
        str(path),
        user_text,
    ]
    handle = Vault.open(vault)

    def user_saves() -> None:
        subprocess.run(editor, check=True)

    with pytest.raises(Conflict, match="changed on disk since it was read") as info:
        log_checkin(
            handle,
            load_catalog(handle),
            "Connect",
            "+1",
            "x",
            date(2026, 11, 22),
            after_read=user_saves,
        )
    assert info.value.path == GOAL
    assert path.read_text() == user_text
    assert [p.name for p in path.parent.iterdir()] == ["hr.md"]  # no temp file left


def test_journal_commands_logging_at_once_take_turns(write: Write, vault: Path) -> None:
    """Reported: of 12 `journal log` run in parallel on one goal, 11 failed with "changed
    on disk since it was read (saved in an editor?)". They wait for each other."""
    path = write(GOAL, goal_text(current=1))
    command = [sys.executable, "-m", "journal", "--vault", str(vault), "log", "hr"]
    runs = [
        subprocess.Popen(
            [*command, "+1", f"run {i}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(6)
    ]
    results = [(run.communicate(timeout=120)[1], run.returncode) for run in runs]
    assert results == [("", 0)] * 6
    text = path.read_text()
    assert sorted(re.findall(r"\+1 run \d", text)) == [f"+1 run {i}" for i in range(6)]
    assert "\ncurrent: 7\n" in text


def test_journal_log_racing_an_editor_never_corrupts_the_goal(
    write: Write, vault: Path, tmp_path: Path
) -> None:
    """End to end: an editor keeps saving the goal (atomically, as most do) for as long
    as `journal log` runs in other processes.  Who wins each race is up to the
    scheduler, so that is not asserted (a conflict at a known moment is
    test_a_user_saving_the_goal_during_the_write_wins); what is: each run either logs
    or says the file changed and exits 1, and the goal is always one of the editor's
    saves, whole, plus only whole check-ins - readable, nothing mixed, no temp file."""
    path = write(GOAL, goal_text(current=2))
    stop = tmp_path / "stop"
    code = (
        "import os, pathlib, sys\n"
        "p, stop = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])\n"
        "base, tmp, i = p.read_text(), p.with_name('.tmp'), 0\n"
        "while not stop.exists():\n"
        "    i += 1; tmp.write_text(base.replace('# Connect', f'# Connect v{i}'))\n"
        "    os.replace(tmp, p)\n"
    )
    editor = subprocess.Popen([sys.executable, "-c", code, str(path), str(stop)])
    command = [sys.executable, "-m", "journal", "--vault", str(vault), "log", "hr", "+1", "race"]
    try:
        while "# Connect v" not in path.read_text():  # the editor is saving
            assert editor.poll() is None, "the editor stopped"
        results = [subprocess.run(command, capture_output=True, text=True) for _ in range(4)]
    finally:
        stop.touch()
        editor.wait(timeout=30)
    for result in results:
        assert result.returncode in (0, 1), result.stderr
        if result.returncode == 0:
            assert "goals/hr.md: 2026-11-22 +1 race; current " in result.stdout
        else:
            assert "goals/hr.md: changed on disk since it was read" in result.stderr
            assert "nothing written" in result.stderr
    text = path.read_text()
    logged = text.count("- 2026-11-22: +1 race\n")
    assert logged <= sum(r.returncode == 0 for r in results)
    save = re.search(r"# Connect v(\d+) with", text)
    assert save is not None, text
    editors = goal_text(current=2 + logged).replace("# Connect", f"# Connect v{save[1]}")
    assert text == editors + "- 2026-11-22: +1 race\n" * logged
    final = parse_note(GOAL, path.read_bytes())
    assert not final.diagnostics and final.props["title"] == "Connect with five HR leaders"
    assert sorted(p.name for p in path.parent.iterdir()) == ["hr.md"]


def test_history_shows_check_ins_from_other_notes_once_with_a_chart(
    invoke: Invoke, write: Write
) -> None:
    write("goals/Connect with five HR leaders.md", goal_text(current=1, start="2026-11-01"))
    write(
        "daily/2026-11-21.md",
        "# Saturday\n\nprogress:: [[Connect with five HR leaders]] +2 two calls\n\n"
        "Also [[Connect with five HR leaders]] again, but no second field.\n\n"
        "```\nprogress:: [[Connect with five HR leaders]] +10 in code, not counted\n```\n",
    )
    write(
        "meetings/2026-11-19 Coffee.md",
        "---\ntype: meeting\ndate: 2026-11-18\n---\n"
        "progress:: [[Connect with five HR leaders]] +1 from the meeting\n",
    )
    data = json.loads(invoke("log", "Connect", "--json").stdout)
    assert [(c["date"], c["change"], c["value"], c["path"]) for c in data["checkins"]] == [
        ("2026-11-18", "+1", 1, "meetings/2026-11-19 Coffee.md"),
        ("2026-11-20", "+1", 2, "goals/Connect with five HR leaders.md"),
        ("2026-11-21", "+2", 4, "daily/2026-11-21.md"),
    ]
    assert data["series"] == [
        {"date": "2026-11-01", "value": 0, "source": "start"},
        {"date": "2026-11-18", "value": 1, "source": "note"},
        {"date": "2026-11-20", "value": 2, "source": "log"},
        {"date": "2026-11-21", "value": 4, "source": "note"},
    ]
    assert data["agrees"] is True
    text = invoke("log", "Connect").stdout
    assert text.startswith(
        "Connect with five HR leaders: 4 / 5 conversations  "
        "(current 1 in the file, +3 from other notes = 4)\n"
    )
    assert "5 ┤┈┈┈" in text and " target" in text
    assert "2026-11-21  +2  4  two calls  (daily/2026-11-21.md)" in text


def test_set_current_tells_what_its_recount_takes_in(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """A migrating user's: `set current=19` logged `=19`, which took in the 13 their daily
    notes had counted (the value stayed 19, not 32), and nothing said so."""
    empty = goal_text(current=0).replace("- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n", "")
    path = write(GOAL, empty)
    write("daily/2026-11-18.md", "progress:: [[hr]] +1\n")
    write("daily/2026-11-20.md", "progress:: [[hr]] +2\n")
    write("daily/2026-11-22.md", "progress:: [[hr]] +1\n")  # today's count after it
    result = invoke("set", "Connect", "current=2")
    assert result.stdout.splitlines()[-1] == "goals/hr.md: 2026-11-22 =2 added to the log"
    assert result.stderr == (
        "journal: goals/hr.md: the =2 recount takes in the +3 of 2 check-ins in other notes "
        "before today (2026-11-18 to 2026-11-20); to count 2 on top of them instead, give "
        "that log line the first one's day (- 2026-11-18: =2), which counts them after it\n"
    )
    assert json.loads(invoke("show", "Connect", "--json").stdout)["current"] == 3
    path.write_text(path.read_text().replace("- 2026-11-22: =2", "- 2026-11-18: =2"))
    assert json.loads(invoke("show", "Connect", "--json").stdout)["current"] == 6  # as told
    # nothing to tell when no check-in elsewhere comes before the recount
    (vault / "daily/2026-11-18.md").unlink()
    (vault / "daily/2026-11-20.md").unlink()
    assert invoke("set", "Connect", "current=7").stderr == ""


def test_a_recount_taking_in_check_ins_of_one_day_names_that_day_once(
    invoke: Invoke, write: Write
) -> None:
    """Reviewed: "(2026-11-20 to 2026-11-20)" for the check-ins of a single day."""
    empty = goal_text(current=0).replace("- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n", "")
    write(GOAL, empty)
    write("daily/2026-11-20.md", "progress:: [[hr]] +1\nprogress:: [[hr]] +2\n")
    assert invoke("set", "Connect", "current=2").stderr == (
        "journal: goals/hr.md: the =2 recount takes in the +3 of 2 check-ins in other notes "
        "before today (on 2026-11-20); to count 2 on top of them instead, give that log line "
        "the first one's day (- 2026-11-20: =2), which counts them after it\n"
    )


def test_a_carriage_return_alone_in_a_log_line_stays_in_its_note(
    invoke: Invoke, write: Write
) -> None:
    """Reported (tryout): `- 2026-11-10: +1 foo\\rbar` showed the note "foo", in text and
    JSON.  JSON keeps the note as written; the terminal shows the return as ``\\r``, as
    it shows any line break from a note, so the row stays one line."""
    text = goal_text().replace("[[Dana Ortiz]]\n", "[[Dana Ortiz]]\n- 2026-11-21: +1 foo\rbar\n")
    write(GOAL, text)
    [*_, last] = json.loads(invoke("log", "Connect", "--json").stdout)["checkins"]
    assert (last["date"], last["note"]) == ("2026-11-21", "foo\rbar")
    assert "\n2026-11-21  +1  2  foo\\rbar\n" in invoke("log", "Connect").stdout


def test_set_current_keeps_the_log_in_step(invoke: Invoke, write: Write, vault: Path) -> None:
    """Reported: `set current=2` on a goal with an empty log, then `log +1`, left M007
    ("current is 3 but baseline 0 plus the log gives 1") for good."""
    empty = goal_text(current=0).replace("- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n", "")
    path = write(GOAL, empty)
    result = invoke("set", "Connect", "current=2")
    assert result.stdout.splitlines() == [
        "goals/hr.md: current: 0 -> 2",
        "goals/hr.md: 2026-11-22 =2 added to the log",
    ]
    assert invoke("log", "Connect", "+1", "Call").exit_code == 0
    assert path.read_text().endswith("## Log\n\n- 2026-11-22: =2\n- 2026-11-22: +1 Call\n\n")
    assert "M007" not in invoke("check").stdout
    # a value the log already gives, or a goal with no Log section: nothing added
    assert invoke("set", "Connect", "current=3").stdout == "goals/hr.md: unchanged\n"
    write(GOAL, goal_text(current=3))
    data = json.loads(invoke("set", "Connect", "current=1", "--json").stdout)
    assert data["logged"] is None
    assert path.read_text() == goal_text(current=1)
    no_log = goal_text(current=3).split("## Log")[0]
    write(GOAL, no_log)
    assert invoke("set", "Connect", "current=4").exit_code == 0
    assert path.read_text() == no_log.replace("current: 3", "current: 4")
    # a quoted start is a day too: nothing logged before it (found in review)
    later = goal_text(current=0, start="'2026-12-01'")
    write(GOAL, later)
    assert invoke("set", "Connect", "current=3").exit_code == 0
    assert path.read_text() == later.replace("current: 0", "current: 3")
    # a line that can't be added: current is set all the same, and the reason told
    big = goal_text(current=1).replace("- 2026-11-20:", "999999999. 2026-11-20:")
    write(GOAL, big)
    told = invoke("set", "Connect", "current=5")
    assert told.exit_code == 0 and "\ncurrent: 5\n" in path.read_text()
    assert "2026-11-22 =5 added to the log" in told.stdout  # numbered 999999999 again
    assert path.read_text().endswith("999999999. 2026-11-22: =5\n")
    hidden = goal_text(current=1).replace("## Log\n", "## Log\n%% an open comment\n")
    write(GOAL, hidden)  # the log is inside an open %% comment: no line can be read there
    refused = invoke("set", "Connect", "current=5", "--json")
    assert refused.exit_code == 0 and "\ncurrent: 5\n" in path.read_text()
    assert json.loads(refused.stdout)["unlogged"].startswith(
        "a %% comment opened on line 16 is never closed, so the log line would be part of it"
    )
    assert "current set, but no =N line added to the log" in refused.stderr


def test_log_and_current_disagreeing(invoke: Invoke, write: Write, vault: Path) -> None:
    """current wins: progress uses it, `journal log` adds to it, history warns."""
    write(GOAL, goal_text(current=4))  # baseline 0 + a log of +1 = 1, not 4
    data = json.loads(invoke("log", "Connect", "--json").stdout)
    assert (data["current"], data["replayed"], data["agrees"]) == (4, 1, False)
    warning = "! current is 4 in the file but baseline plus its log gives 1"
    assert warning in invoke("log", "hr").stdout
    assert json.loads(invoke("show", "hr", "--json").stdout)["progress"] == 0.8
    assert invoke("log", "Connect", "+1").stdout.endswith("current 4 -> 5\n")
    assert "\ncurrent: 5\n" in (vault / GOAL).read_text()


def test_bad_input_is_a_usage_error_and_writes_nothing(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    write(GOAL, goal_text())
    before = (vault / GOAL).read_bytes()
    for args, message in [
        (("1",), "VALUE should be +N"),
        (("+1x",), "'+1x' is no value journal reads"),
        (("+\u0661",), "is no value journal reads"),  # digits are ASCII, as in dates (was +1)
        # the advice a log line gets (reported: `+ 1` was told "not '+'")
        (("+", "1", "call"), "the sign must touch the number: write +1, not + 1"),
        (("+1,5", "hours"), "write a decimal with a point: +1.5, not +1,5"),
        (("\uff0b\uff11",), "write it in ASCII characters: +1, not \uff0b\uff11"),  # a tryout
        (("+1\u202f000", "calls"), "write it with no space: +1000, not +1\u202f000"),
        (("+1", "--date", "2026-02-30"), "not a real date"),
        (("+1", "--jsno"), "No such option '--jsno'. Did you mean '--json'?"),
        (("+1", "note", "--date"), "Option '--date' requires an argument."),
        (("--date", "2026-11-20"), "--date needs a VALUE"),
    ]:
        result = invoke("log", "Connect", *args)
        assert result.exit_code == 2, args
        assert message in result.stderr
    bad = write("goals/bad.md", "---\ntype: goal\ntitle: Bad\ncurrent: lots\n---\n")
    result = invoke("log", "Bad", "+1")
    assert result.exit_code == 1
    assert "goals/bad.md:4: current should be a number, not 'lots'; fix it" in result.stderr
    assert bad.read_text() == "---\ntype: goal\ntitle: Bad\ncurrent: lots\n---\n"
    assert (vault / GOAL).read_bytes() == before


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("+1", "--", "--verbose", "pairing"), "+1 --verbose pairing"),
        (("--", "-1", "--date", "was", "wrong"), "-1 --date was wrong"),
        (("+1", "a", "--", "--b"), "+1 a --b"),
    ],
)
@pytest.mark.parametrize("first", [False, True])  # `--` before GOAL too (found in review)
def test_words_after_a_double_dash_are_the_note_even_like_an_option(
    invoke: Invoke, write: Write, vault: Path, args: tuple[str, ...], line: str, first: bool
) -> None:
    """Reported: the docs say `--` ends the options, but a note word like an option
    after it was refused as "no such option"."""
    write(GOAL, goal_text())
    given = ("--", "Connect", *(a for a in args if a != "--")) if first else ("Connect", *args)
    result = invoke("log", *given)
    assert result.exit_code == 0, result.stderr
    assert (vault / GOAL).read_text().endswith(f"- 2026-11-22: {line}\n")


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (("+1", "x", "-with", "y"), "+1 x -with y"),
        (("+1", "met", "3", "-ish"), "+1 met 3 -ish"),
        (("+1", "-bath"), "+1 -bath"),
        (("+1", "-h2", "call"), "+1 -h2 call"),
        (("+1", "-3pm", "call", "--date", "2026-11-21"), "+1 -3pm call"),
        (("+1", "-jsonl", "--json"), "+1 -jsonl"),  # (`-json` is --json mistyped: refused)
    ],
)
def test_a_word_like_a_short_option_is_the_note(
    invoke: Invoke, write: Write, vault: Path, args: tuple[str, ...], line: str
) -> None:
    """Reported: a note word starting with `-` and holding an `h` (`-with`, `-ish`) was
    read by click as short options, one of them `-h`: the help was printed, exit 0, and
    nothing logged.  Only the command's own options are options."""
    write(GOAL, goal_text())
    result = invoke("log", "Connect", *args)
    assert result.exit_code == 0, result.output
    assert "Usage:" not in result.stdout
    assert (vault / GOAL).read_text().rstrip().endswith(f": {line}")


@pytest.mark.parametrize("value", ["-2h", "-1h", "-h1"])
def test_a_value_like_a_short_option_is_a_bad_value(
    invoke: Invoke, write: Write, vault: Path, value: str
) -> None:
    """`journal log G -2h` printed the help and exited 0; it is a VALUE that is none."""
    before = write(GOAL, goal_text()).read_bytes()
    result = invoke("log", "Connect", value, "call")
    assert (result.exit_code, result.stdout) == (2, "")
    assert f"VALUE should be +N (up by N), -N (down by N) or =N (now N), not '{value}'" in (
        result.stderr
    )
    assert (vault / GOAL).read_bytes() == before
    assert invoke("log", "Connect", "+1", "-h").stdout.startswith("Usage: cli log")  # -h itself


def test_a_check_in_before_the_goals_start_is_refused_naming_the_fix(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """It would count before the goal began: its pace line and its series start later."""
    write(GOAL, goal_text(start="2026-11-01"))
    before = (vault / GOAL).read_bytes()
    result = invoke("log", "Connect", "+1", "old news", "--date", "2026-10-20")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "journal: 2026-10-20 is before the goal's start (2026-11-01): a check-in then would "
        f"count before the goal began; log on or after it, or move the start first (journal "
        f'--vault {vault} set "Connect with five HR leaders" start=2026-10-20)\n'
    )
    assert (vault / GOAL).read_bytes() == before
    assert invoke("log", "Connect", "+1", "--date", "2026-11-01").exit_code == 0


@pytest.mark.parametrize(
    ("status", "again"), [("done", "reopen"), ("dropped", "reopen"), ("paused", "resume")]
)
def test_a_check_in_on_a_goal_not_active_is_logged_with_a_warning(
    invoke: Invoke, write: Write, vault: Path, status: str, again: str
) -> None:
    """Reported (tryout): a check-in on a paused goal was logged with no word of it, where
    a done one is told how to reopen it."""
    write(GOAL, goal_text(status=status))
    result = invoke("log", "Connect", "+1", "late message", "--json")
    assert result.exit_code == 0
    closed = (
        f"the goal is {status}; the check-in is logged all the same ({again} it: journal set "
        '"Connect with five HR leaders" status=active)'
    )
    assert json.loads(result.stdout)["closed"] == closed  # JSON: no options
    typed = closed.replace("journal set", f"journal --vault {vault} set")  # as typed
    assert f"{GOAL}:5: warning: {typed}\n" in result.stderr  # the status line
    assert "current: 3" in (vault / GOAL).read_text()
    assert json.loads(invoke("log", "Connect", "+1", "--json").stdout)["closed"] == closed
    write(GOAL, goal_text())
    assert json.loads(invoke("log", "Connect", "+1", "--json").stdout)["closed"] is None


BELOW_0 = (
    "log takes a current below 0 only for a goal whose baseline, target or current is "
    "below 0: for a value below 0 that is meant, edit the file (current and its log), or "
    "set a baseline or target below 0 first"
)


@pytest.mark.parametrize("value", ["-5", "=-3"])
def test_a_check_in_taking_a_goal_below_0_is_refused_as_set_refuses_it(
    invoke: Invoke, write: Write, vault: Path, value: str
) -> None:
    """Reported (tryout): `log dashboard -5 "meant +5? fat finger"` took a goal from 0
    to 12 at 2 to -3, exit 0, though `set dashboard current=-3` is refused."""
    path = write(GOAL, goal_text(target=12, current=1))
    before = path.read_bytes()
    result = invoke("log", "Connect", value, "fat finger")
    new = -4 if value == "-5" else -3
    said = f"{GOAL}: {value} would make current {new}, and {BELOW_0}\n"
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", said)
    assert path.read_bytes() == before
    refused = invoke("set", "Connect", "current=-3")  # the same rule, in the same words
    assert refused.exit_code == 2
    assert BELOW_0.replace("log takes", "set takes") in refused.stderr
    assert invoke("log", "Connect", "--", "-1").exit_code == 0  # down to 0 is taken
    assert "\ncurrent: 0\n" in path.read_text()


def test_a_backdated_check_in_taking_the_log_below_0_on_its_way_is_refused(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in review: `log -1 --date` before the log's +1 left current at 0 but the
    log at -1 on that day (its chart below 0), which a check-in of today is refused."""
    path = write(GOAL, goal_text(target=12, current=1))  # 0, +1 on 2026-11-20
    before = path.read_bytes()
    result = invoke("log", "Connect", "--date", "2026-11-19", "--", "-1", "too early")
    said = f"{GOAL}: -1 on 2026-11-19 would make the log's value -1 that day, and {BELOW_0}\n"
    assert (result.exit_code, result.stderr) == (2, said)
    assert path.read_bytes() == before
    assert invoke("log", "Connect", "--date", "2026-11-21", "--", "-1").exit_code == 0  # after


@pytest.mark.parametrize(
    ("props", "value", "written"),
    [
        ({"baseline": -10, "target": 20, "current": -6}, "-5", -11),
        ({"baseline": 10, "target": -5, "current": 11}, "=-2", -2),
        ({"baseline": -1, "current": 0}, "-3", -3),
    ],
)
def test_a_goal_whose_values_go_below_0_takes_a_check_in_below_0(
    invoke: Invoke, write: Write, vault: Path, props: dict[str, object], value: str, written: int
) -> None:
    """As `set` takes a current below 0 for it (an eNPS goal from -10 to +20)."""
    path = write(GOAL, goal_text(**props))
    result = invoke("log", "Connect", "--", value)
    assert result.exit_code == 0, result.stderr
    assert f"\ncurrent: {written}\n" in path.read_text()


def test_a_current_written_in_other_case_is_not_twinned_by_a_check_in(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """`Current: 2` is not read as `current`: logging would add a second key beside it."""
    path = write(GOAL, goal_text().replace("current: 2", "Current: 2"))
    before = path.read_bytes()
    result = invoke("log", "Connect", "+1")
    assert (result.exit_code, result.stdout) == (1, "")
    line = goal_text().splitlines().index("current: 2") + 1
    assert f"{GOAL}:{line}: has `Current`, which is not read as `current`; rename it" in (
        result.stderr
    )
    assert path.read_bytes() == before


def test_chart_is_a_step_function_of_points() -> None:
    points = [(date(2026, 11, 2), 1.0), (date(2026, 11, 6), 3.0)]
    text = chart(
        points, target=4, first=date(2026, 11, 1), last=date(2026, 11, 8), width=8, height=4
    )
    assert text == (
        "4 ┤┈┈┈┈┈┈┈┈ target\n"
        "  │     ███\n"
        "  │     ███\n"
        "0 ┤ ███████\n"
        "  └────────\n"
        "   2026-11-01 2026-11-08\n"
    )
    part = chart([(date(2026, 11, 2), 1.0)], target=4, width=1, height=2)
    assert part.splitlines()[:2] == ["4 ┤┈ target", "0 ┤▄"]
    assert chart([]) == ""


def test_a_goal_counted_from_meetings_refuses_hand_values(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    text = goal_text(metric_source="meetings", metric_kind="informational")
    path = write(GOAL, text)
    result = invoke("log", "Connect", "+1")
    assert result.exit_code == 1
    assert result.stderr == (
        "goals/hr.md:12: this goal counts its meeting notes (metric_source: meetings); "
        f"record a meeting instead: journal --vault {vault} new meeting --with PERSON --goal "
        '"Connect with five HR leaders" --kind informational\n'
    )
    assert invoke("set", "Connect", "current=3").exit_code == 1
    assert path.read_text() == text
    # Found by fuzzing: a title in a YAML block broke the line, and quotes in it split
    # the word the command suggests
    write(
        GOAL,
        text.replace("title: Connect with five HR leaders", 'title: |\n  Meet "HR"\n  $5 leads'),
    )
    told = invoke("log", "Connect", "+1").stderr
    assert told.endswith("""--goal $'Meet "HR"\\n$5 leads' --kind informational\n""")
    assert told.count("\n") == 1
    write(GOAL, text)
    assert invoke("set", "Connect", "target=6").exit_code == 0
    shown = json.loads(invoke("show", "Connect", "--json").stdout)
    assert (shown["current"], shown["metric_source"], shown["metric_kind"]) == (
        0,
        "meetings",
        ["informational"],
    )


def test_plus_zero_writes_a_dated_note_to_a_goal_counted_from_meetings(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `journal log G "no meetings this week"` said to give +0 before a note,
    and `journal log G +0 ...` then refused, as the goal counts its meetings.  +0 (no
    change) writes the note as a dated line with no value, which such a goal keeps: a
    check-in of its day (not quiet), the number still its meetings'."""
    text = goal_text(metric_source="meetings", start="2026-11-01", review_every="1w")
    path = write(GOAL, text.replace("current: 2\n", ""))
    words = invoke("log", "Connect", "no meetings this week, holidays")
    assert words.exit_code == 2 and "give +0 before it" in words.stderr
    result = invoke("log", "Connect", "+0", "no meetings this week, holidays")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "goals/hr.md: 2026-11-22 no meetings this week, holidays; current 0 -> 0 (a dated "
        "note: this goal counts its meeting notes, so its log takes no value)\n"
    )
    assert path.read_text().endswith(
        "- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n- 2026-11-22: no meetings this week, "
        "holidays\n"
    )
    assert "current" not in path.read_text().split("---")[1]  # the front matter untouched
    [checkin] = json.loads(invoke("show", "Connect", "--json").stdout)["checkins"]
    assert (checkin["date"], checkin["change"]) == ("2026-11-22", None)
    assert "No recent check-in\n  none\n" in invoke("status").stdout
    logged = json.loads(invoke("log", "Connect", "+0", "again", "--json").stdout)
    assert (logged["change"], logged["note"], logged["old"], logged["new"]) == (
        None,
        "again",
        0,
        0,
    )
    empty = invoke("log", "Connect", "+0")
    assert empty.exit_code == 2
    assert "+0 logs a note to a goal counting its meetings: give the note" in empty.stderr
    assert invoke("log", "Connect", "+1").exit_code == 1  # a value: still refused


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # "date - note": the dash separates, it is not a minus
        ("- 2026-11-02 - 3 HR leaders said hi", ("2026-11-02", None, 0.0, "3 HR leaders said hi")),
        ("- 2026-11-02 – met Dana", ("2026-11-02", None, 0.0, "met Dana")),
        ("- 2026-11-02 -3 recount", ("2026-11-02", "-", 3.0, "recount")),
        ("- 2026-11-02: - 3 leaders, said hi", ("2026-11-02", None, 0.0, "- 3 leaders, said hi")),
        ("- [[2026-11-20]]: +1 linked day", ("2026-11-20", "+", 1.0, "linked day")),
        ("- [[daily/2026-11-20|Friday]] +1 x", ("2026-11-20", "+", 1.0, "x")),
        ("- **2026-11-21**: +1", ("2026-11-21", "+", 1.0, "")),
        ("- **2026-11-21:** =4 bold", ("2026-11-21", "=", 4.0, "bold")),
        ("- 2026-11-21 14:30: +1 x", ("2026-11-21", "+", 1.0, "x")),
        ("- 2026-11-21 9:05 +2", ("2026-11-21", "+", 2.0, "")),
        ("- 2026-11-05: +1.", ("2026-11-05", "+", 1.0, "")),
        ("- 2026-11-05: +1, then dinner", ("2026-11-05", "+", 1.0, "then dinner")),
        ("- 2026-11-05: +1.5.", ("2026-11-05", "+", 1.5, "")),
        ("- 2026-11-05: =-2 in debt", ("2026-11-05", "=", -2.0, "in debt")),
        # a numbered log (reported: its lines were not read, without a word)
        ("1. 2026-11-05: +1 numbered", ("2026-11-05", "+", 1.0, "numbered")),
        ("12) [[2026-11-05]] =3", ("2026-11-05", "=", 3.0, "")),
    ],
)
def test_hand_written_log_lines(line: str, expected: tuple[object, ...]) -> None:
    found = parse_log_line(line, 1)
    assert found is not None
    assert (found.day.isoformat(), found.op, found.amount, found.note) == expected


_SIGN = (
    "write the sign (+, - or =) and the number alone, in digits 0-9 with a decimal point "
    "(+2500, +0.5, -200)"
)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("- 2026-11-20: + 1 coffee", "the sign must touch the number: write +1, not + 1"),
        ("- 2026-11-20 = 4 recounted", "the sign must touch the number: write =4, not = 4"),
        ("- 2026-11-20: =- 2", "the sign must touch the number: write =-2, not =- 2"),
        (
            "- **2026-11-20**: +  1.5 hours",
            "the sign must touch the number: write +1.5, not +  1.5",
        ),
        # ``+1,5 hours`` was read as +1 with the note ``5 hours``, silently
        ("- 2026-11-20: +1,5 hours prepping", "write a decimal with a point: +1.5, not +1,5"),
        ("- 2026-11-20: =2,25", "write a decimal with a point: =2.25, not =2,25"),
        ("- 2026-11-20: -0,5 recount", "write a decimal with a point: -0.5, not -0,5"),
        # reported: read as dated notes with no value (a salary goal's `+$2,500`), or
        # `+1/2` as +1 with the note `/2 day workshop`, or the line not at all
        *(
            (f"- 2026-11-20: {written} x", f"'{written}' is no value journal reads: {_SIGN}")
            for written in (
                *("+$2,500", "+1k", "+1x", "\u2212200", "+1/2", "=\u20ac95000", "-$200"),
                *("+2,500", "+12,500"),  # found in review: "write +2.500", which is 2.5
                *("+2h", "+5km", "=5km", "+1\u00bd", "+1e3"),  # a unit or more glued on
            )
        ),
        (
            "- 2026-11-10T09:00: +500 market adjustment",
            "the date '2026-11-10T09:00' must be written YYYY-MM-DD (which day it means is "
            "not guessed); the line is not read",
        ),
        # a tryout's French and Japanese forms: read as +1, +1 and +2 with the rest of the
        # number for a note, or as dated notes, or not at all - without a word
        *(
            (f"- 2026-11-21: {written} x", f"write {how}: {meant}, not {written} ({chars})")
            for written, how, meant, chars in (
                ("+1\u202f000", "it with no space", "+1000", "U+202F narrow no-break space"),
                ("+1\u00a0000", "it with no space", "+1000", "U+00A0 no-break space"),
                ("=12\u2009500", "it with no space", "=12500", "U+2009 thin space"),
                ("+2\uff0e5", "it in ASCII characters", "+2.5", "U+FF0E fullwidth full stop"),
                (
                    "\uff0b\uff11",
                    "it in ASCII characters",
                    "+1",
                    "U+FF0B fullwidth plus sign, full-width digits",
                ),
                ("+\uff11", "it in ASCII characters", "+1", "full-width digits"),
                ("-1\uff0c5", "a decimal with a point", "-1.5", "U+FF0C fullwidth comma"),
                # a verifier's: read as +1 with the note `'000 x` (Swiss thousands)
                (
                    "+1\u2019000",
                    "it with no separator",
                    "+1000",
                    "U+2019 right single quotation mark",
                ),
            )
        ),
        *(
            (
                f"- 2026-11-22: {written} swiss",
                f"write it with no separator: {meant}, not {written}",
            )
            for written, meant in (
                ("+1'000", "+1000"),
                ("=12'500'000", "=12500000"),
                ("-2'000.50", "-2000.50"),
                ("+10'000", "+10000"),
            )
        ),
        # a verifier's: a line typed in full-width characters, or with an en dash, minus
        # sign or hyphen in its date, was not read, without a word
        *(
            (
                line,
                f"write it in ASCII characters: '{ascii_}', not '{written}' ({chars}); the line "
                "is not read",
            )
            for line, ascii_, written, chars in (
                (
                    f"- {_FULL_WIDTH} all full-width",
                    "- 2026-11-21: +1",
                    f"- {_FULL_WIDTH}",
                    "full-width digits, U+FF0D fullwidth hyphen-minus, U+FF1A fullwidth colon, "
                    "U+FF0B fullwidth plus sign",
                ),
                (
                    "- 2026\u201311\u201321: +1 x",
                    "- 2026-11-21: +1",
                    "- 2026\u201311\u201321: +1",
                    "U+2013 en dash",
                ),
                (
                    "1. 2026\u221211\u221221 \u22122 x",
                    "1. 2026-11-21: -2",
                    "1. 2026\u221211\u221221 \u22122",
                    "U+2212 minus sign",
                ),
                (
                    "- [x] [[2026\u201011\u201021]] =4",
                    "- [x] 2026-11-21: =4",
                    "- [x] [[2026\u201011\u201021]] =4",
                    "U+2010 hyphen",
                ),
                (
                    "- 2026\u201311\u201321 met Dana",
                    "- 2026-11-21:",
                    "- 2026\u201311\u201321",
                    "U+2013 en dash",
                ),
            )
        ),
        (
            "- 2026-11-21\uff1a+1 deux-points",
            "a full-width colon '\uff1a' (U+FF1A) follows the date: write '2026-11-21:'; the "
            "line is not read",
        ),
        (
            "- [[2026-11-21]] \uff1a\uff0b\uff11",
            "a full-width colon '\uff1a' (U+FF1A) follows the date: write '2026-11-21:'; the "
            "line is not read",
        ),
    ],
)
def test_a_miswritten_value_makes_the_line_unreadable(line: str, message: str) -> None:
    """A sign apart from its number, or a decimal comma: meant as a value, not one."""
    with pytest.raises(CheckInError) as info:
        parse_log_line(line, 1)
    assert str(info.value) == message


@pytest.mark.parametrize(
    "note",
    [
        *("-1st draft sent to Priya", "=2nd read", "-3pm call with Dana", "-10am standup"),
        *("-2FA set up", "-3D printing class", "-401k rollover done", "+3rd interview"),
        *("-Called Dana", "=) fun", "-> next step", "+/- the same"),
    ],
)
def test_a_word_glued_to_a_sign_is_a_dated_note(note: str) -> None:
    """Found in review: a dash or sign glued to a digit and a word (`-3pm call`) was
    taken for a miswritten value and the line not read."""
    found = parse_log_line(f"- 2026-11-20: {note}", 1)
    assert found is not None and (found.op, found.note) == (None, note)


@pytest.mark.parametrize(
    ("line", "value", "note"),
    [
        ("- 2026-11-22: +1 'quoted' note", "+1", "'quoted' note"),
        ("- 2026-11-22: +2 it's done", "+2", "it's done"),
        ("- 2026-11-22: +2's", "+2", "'s"),
        ("- 2026-11-22: +1'0000", "+1", "'0000"),  # four digits: no thousands
        ("- 2026-11-22: +3\u2019s call", "+3", "\u2019s call"),
        ("- 2026-11-22 \u2013 +1 an en dash after the date", "+1", "an en dash after the date"),
    ],
)
def test_an_apostrophe_or_dash_that_parts_no_number_stays_in_the_note(
    line: str, value: str, note: str
) -> None:
    """Only an apostrophe between a digit and three that end the number parts thousands."""
    found = parse_log_line(line, 1)
    assert found is not None and (found.value_text, found.note) == (value, note)
    assert parse_log_line("- r\u00e9union \u2013 2026\u201311", 1) is None  # no dated line


@pytest.mark.parametrize(
    ("written", "number"),
    [("1 recommendations", "1"), ("2 d", "2"), ("1+ g", "1+"), ("3", "3"), ("2.5 hours", "2.5")],
)
def test_a_number_without_a_sign_is_a_note_and_a_warning(
    invoke: Invoke, write: Write, written: str, number: str
) -> None:
    """A newcomer's ``1 recommendations`` was read as +0, silently: it stays a dated note
    (which change is meant is not guessed), and the line says how a change is written."""
    found = parse_log_line(f"- 2026-12-12: {written}", 1)
    assert found is not None and (found.op, found.note) == (None, written)
    text = goal_text(current=1) + f"- 2026-12-12: {written}\n"
    write(GOAL, text)
    line = text.splitlines().index(f"- 2026-12-12: {written}") + 1
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert [(f["rule"], f["line"], f["message"]) for f in check] == [
        (
            "H006",
            line,
            f"log line: '{number}' has no sign, so it changes nothing: write "
            f"+{number.rstrip('+')} to add it (=N sets the value); the line is read as a note",
        )
    ]


@pytest.mark.parametrize(
    "note", ["3pm call with Dana", "10:00 call", "2FA set up", "3rd interview", "met Dana"]
)
def test_a_note_that_starts_with_text_is_no_warning(
    invoke: Invoke, write: Write, note: str
) -> None:
    write(GOAL, goal_text(current=1) + f"- 2026-12-12: {note}\n")
    assert json.loads(invoke("check", "--json", "--select", "H006").stdout) == []


def test_a_comma_and_a_space_after_a_value_end_it() -> None:
    found = parse_log_line("- 2026-11-20: +1, 5 more to go", 1)
    assert found is not None and (found.op, found.amount, found.note) == ("+", 1.0, "5 more to go")


def test_a_spaced_sign_in_the_log_is_a_warning_with_its_line(invoke: Invoke, write: Write) -> None:
    """``+ 1 coffee`` was read as a dated note with no value, silently."""
    text = goal_text(current=1) + "- 2026-11-21: + 1 coffee\n"
    write(GOAL, text)
    line = text.splitlines().index("- 2026-11-21: + 1 coffee") + 1
    warning = f"{GOAL}:{line}: warning: log line: the sign must touch the number: write +1, not + 1"
    assert warning in invoke("list").stderr.splitlines()
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert [(f["rule"], f["path"], f["line"], f["message"]) for f in check] == [
        ("H006", GOAL, line, "log line: the sign must touch the number: write +1, not + 1")
    ]
    # reported: 12345.67 was shown as 12345.7 (six digits), a value the file did not hold
    write(GOAL.replace("hr", "big"), goal_text("Big", current=12345.67, target=20000))
    assert "current 12345.67 -> 12355.68" in invoke("log", "Big", "+10.01").stdout
    shown = json.loads(invoke("log", "Connect", "--json").stdout)
    assert [c["date"] for c in shown["checkins"]] == ["2026-11-20"]  # the line is not read


@pytest.mark.parametrize(
    "day",
    [
        "30/11/2026",
        "11/30/2026",
        "30/11/26",
        "30.11.2026",
        "30-11-2026",
        "2026/11/30",
        "2026-11-3",
        "Nov 30, 2026",
        "November 30 2026",
        "30 Nov 2026",
        # a tryout: French and Japanese dates, whose lines were not read without a word
        *("30 novembre 2026", "1er d\u00e9cembre 2026", "30 f\u00e9vr. 2026", "30 ao\u00fbt 2026"),
        *("2026\u5e7411\u670830\u65e5", "11\u670830\u65e5", "2026\u5e7411\u670830\u65e5(\u6708)"),
        # a newcomer's: a month-name date without its year counted nothing, silently
        *("Dec 12", "December 12th", "12 Dec", "1er d\u00e9cembre", "Sat, Dec 12"),
    ],
)
def test_a_change_after_a_date_in_another_form_makes_the_line_unreadable(day: str) -> None:
    for line in (
        f"- {day}: +1 european date",
        f"- {day} =3",
        f"* [x] {day} - + 1",
        f"- {day}\uff1a\uff0b\uff11",  # a Japanese input method's colon and value
    ):
        with pytest.raises(CheckInError) as info:
            parse_log_line(line, 1)
        assert str(info.value) == (
            f"the date '{day}' must be written YYYY-MM-DD (which day it means is not "
            "guessed); the line is not read"
        )


@pytest.mark.parametrize(
    "line",
    [
        "- 30/11/2026: met Dana",
        "- 30/11/2026 - 3 leaders",
        "- Nov 30, 2026",
        "- met Dana on 30/11/2026: +1",
        "- 30/11/20261: +1",
        "- 1/2: +1",
        "- 30 novembre 2026 : r\u00e9union avec Dana",
        "- 2026\u5e7411\u670830\u65e5\u306b\u9762\u63a5: +1",  # a sentence, not a date
    ],
)
def test_other_dates_without_a_change_are_no_check_ins_and_no_problem(line: str) -> None:
    assert parse_log_line(line, 1) is None


def test_a_change_after_a_european_date_is_a_warning(invoke: Invoke, write: Write) -> None:
    """``- 30/11/2026: +1`` was ignored without a word (``- 2026-11-31: +1`` warned)."""
    text = goal_text(current=1) + "- 21/11/2026: +1 european date\n"
    write(GOAL, text)
    line = text.splitlines().index("- 21/11/2026: +1 european date") + 1
    message = (
        "log line: the date '21/11/2026' must be written YYYY-MM-DD (which day it means is "
        "not guessed); the line is not read"
    )
    assert f"{GOAL}:{line}: warning: {message}" in invoke("list").stderr.splitlines()
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert [(f["rule"], f["path"], f["line"], f["message"]) for f in check] == [
        ("H006", GOAL, line, message)
    ]


def test_french_and_japanese_forms_are_warned_and_count_nothing(
    invoke: Invoke, write: Write
) -> None:
    """Found in a tryout: `+1 000` (a French no-break space) and `+2` then a full-width
    point and `5` counted +1 and +2 (the rest a note), a full-width `+1` and a full-width
    colon after the date made dated notes with no value, and a Japanese or French date's
    line was not read - all without a word from check."""
    lines = [
        "- 2026-11-21: +1\u202f000 espace fine",
        "- 2026-11-21: +1\u00a0000 ins\u00e9cable",
        "- 2026-11-21: +2\uff0e5 point pleine chasse",
        "- 2026-11-21: \uff0b\uff11 pleine chasse",
        "- 2026-11-21\uff1a+1 deux-points pleine chasse",
        "- 2026\u5e7411\u670821\u65e5: +1 japonais",
        "- 21 novembre 2026: +1 mois en fran\u00e7ais",
    ]
    text = goal_text(current=1) + "".join(f"{line}\n" for line in lines)
    write(GOAL, text)
    first = text.splitlines().index(lines[0]) + 1
    said = [
        "write it with no space: +1000, not +1\u202f000 (U+202F narrow no-break space)",
        "write it with no space: +1000, not +1\u00a0000 (U+00A0 no-break space)",
        "write it in ASCII characters: +2.5, not +2\uff0e5 (U+FF0E fullwidth full stop)",
        "write it in ASCII characters: +1, not \uff0b\uff11 (U+FF0B fullwidth plus sign, "
        "full-width digits)",
        "a full-width colon '\uff1a' (U+FF1A) follows the date: write '2026-11-21:'; the "
        "line is not read",
        "the date '2026\u5e7411\u670821\u65e5' must be written YYYY-MM-DD (which day it means "
        "is not guessed); the line is not read",
        "the date '21 novembre 2026' must be written YYYY-MM-DD (which day it means is not "
        "guessed); the line is not read",
    ]
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert [(f["path"], f["line"], f["message"]) for f in check] == [
        (GOAL, first + n, f"log line: {message}") for n, message in enumerate(said)
    ]
    warned = invoke("list").stderr.splitlines()
    assert f"{GOAL}:{first}: warning: log line: {said[0]}" in warned
    shown = json.loads(invoke("log", "Connect", "--json").stdout)
    assert [(c["date"], c["value"]) for c in shown["checkins"]] == [("2026-11-20", 1)]
    write(
        "daily/2026-11-21.md",
        "progress:: [[hr]] \uff0b\uff11\nprogress:: [[hr]] +1\u202f000\n"
        "progress:: [[hr]] +3\uff0e5\n",
    )
    fields = json.loads(invoke("check", "--json", "--select", "H010").stdout)
    assert [(f["line"], f["suggestion"]) for f in fields] == [
        (1, "write `progress:: [[hr]] +1`"),
        (2, "write `progress:: [[hr]] +1000`"),
        (3, "write `progress:: [[hr]] +3.5`"),
    ]
    assert json.loads(invoke("log", "Connect", "--json").stdout) == shown  # none counts


def test_swiss_thousands_and_lines_in_other_characters_are_warned_and_count_nothing(
    invoke: Invoke, write: Write
) -> None:
    """A verifier's: `+1'000` counted +1 (the rest a note) with only M007 to show for it,
    and a line typed in full-width characters or with en dashes in its date was not
    read, without a word."""
    lines = [
        "- 2026-11-22: +1'000 swiss",
        "- 2026-11-22: +1\u2019000 swiss",
        f"- {_FULL_WIDTH} all full-width",
        "- 2026\u201311\u201321: +1 x",
    ]
    text = goal_text(current=1) + "".join(f"{line}\n" for line in lines)
    write(GOAL, text)
    first = text.splitlines().index(lines[0]) + 1
    said = [
        "write it with no separator: +1000, not +1'000",
        "write it with no separator: +1000, not +1\u2019000 (U+2019 right single quotation mark)",
        f"write it in ASCII characters: '- 2026-11-21: +1', not '- {_FULL_WIDTH}' (full-width "
        "digits, U+FF0D fullwidth hyphen-minus, U+FF1A fullwidth colon, U+FF0B fullwidth plus "
        "sign); the line is not read",
        "write it in ASCII characters: '- 2026-11-21: +1', not '- 2026\u201311\u201321: +1' "
        "(U+2013 en dash); the line is not read",
    ]
    check = json.loads(invoke("check", "--json", "--select", "H006,M007").stdout)
    assert [(f["rule"], f["line"], f["message"]) for f in check] == [
        ("H006", first + n, f"log line: {message}") for n, message in enumerate(said)
    ]
    assert f"{GOAL}:{first + 2}: warning: log line: {said[2]}" in invoke("list").stderr
    shown = json.loads(invoke("log", "Connect", "--json").stdout)
    assert [(c["date"], c["value"]) for c in shown["checkins"]] == [("2026-11-20", 1)]


def test_dates_in_other_languages_are_warned_not_dropped(invoke: Invoke, write: Write) -> None:
    """Reviewed: month names were French only, so a Spanish or Polish date's line was
    dropped without a word (a French one warned); now any month of moment's locales
    journal has, long or short, with an optional ``de``, warns as H006."""
    dates = [
        "21 noviembre 2026",  # Spanish
        "21 de noviembre de 2026",
        "21 nov. 2026",
        "21 listopada 2026",  # Polish, the genitive after a day
        "21 lis 2026",
        "21 novembre 2026",  # Italian (and French)
        "21 dicembre 2026",
        "21 ott 2026",
        "21. November 2026",  # German
        "21. M\u00e4rz 2026",
        "21. Okt. 2026",
        "2026\u5e7411\u670821\u65e5",  # Japanese
        "21 \u043d\u043e\u044f\u0431\u0440\u044f 2026",  # Russian
        "21 de novembro de 2026",  # Portuguese
    ]
    lines = [f"- {day}: +1" for day in dates]
    text = goal_text(current=1) + "".join(f"{line}\n" for line in lines)
    write(GOAL, text)
    first = text.splitlines().index(lines[0]) + 1
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert [(f["line"], f["message"]) for f in check] == [
        (
            first + n,
            f"log line: the date '{day}' must be written YYYY-MM-DD (which day it means is "
            "not guessed); the line is not read",
        )
        for n, day in enumerate(dates)
    ]
    shown = json.loads(invoke("log", "Connect", "--json").stdout)
    assert [c["date"] for c in shown["checkins"]] == ["2026-11-20"]  # none counts


def test_hand_written_forms_and_the_tool_read_the_same(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Each form by hand reads as the line the tool writes for the same check-in."""
    pairs = [
        ("- [[2026-11-21]]: +1 Lunch", ("+1", "Lunch")),
        ("- **2026-11-21**: -2 miscounted", ("-2", "miscounted")),
        ("- 2026-11-21 14:30: =-2 in debt", ("=-2", "in", "debt")),
        ("- 2026-11-21: +1.5.", ("+1.5",)),
    ]
    for hand, args in pairs:
        write(GOAL, goal_text(baseline=-5, current=-4))  # it goes below 0: `=-2 in debt`
        result = invoke("log", "Connect", *args, "--date", "2026-11-21")
        assert result.exit_code == 0, result.stderr
        tool = parse_note(GOAL, (vault / GOAL).read_bytes()).checkins[-1]
        by_hand = parse_log_line(hand, tool.line, GOAL)
        assert by_hand == tool, hand


def test_inline_fields_in_brackets_and_with_a_bold_key() -> None:
    catalog = Catalog(
        [
            parse_note("goals/G.md", b"---\ntype: goal\ntitle: G\nbaseline: 0\n---\n# G\n"),
            parse_note(
                "daily/2026-11-20.md",
                b"Met Dana [progress:: [[G]] +1 coffee] and then (progress:: [[G|the goal]] +2)\n"
                b"\n**progress**:: [[G]] +3 bold key\n\n- __progress__:: [[G]] +4 in a list\n",
            ),
        ]
    )
    assert [(c.op, c.amount, c.note) for c in catalog.goals[0].checkins] == [
        ("+", 1.0, "coffee"),
        ("+", 2.0, ""),
        ("+", 3.0, "bold key"),
        ("+", 4.0, "in a list"),
    ]


def test_log_show_log_and_m007_agree_on_float_sums(invoke: Invoke, write: Write) -> None:
    """+0.1 and +0.2 make the 0.3 in the file, for `journal log GOAL`, `journal log GOAL
    VALUE` and M007 alike, though 0.1 + 0.2 is not 0.3 in floating point."""
    text = goal_text(current=0.3).split("## Log")[0]
    write(GOAL, text + "## Log\n\n- 2026-11-18: +0.1 a\n- 2026-11-19: +0.2 b\n")
    assert json.loads(invoke("log", "Connect", "--json").stdout)["agrees"] is True
    assert json.loads(invoke("check", "--select", "M007", "--json").stdout) == []
    logged = invoke("log", "Connect", "+1", "--json")
    assert (logged.exit_code, logged.stderr) == (0, "")
    data = json.loads(logged.stdout)
    assert (data["old"], data["new"], data["warning"]) == (0.3, 1.3, None)


def test_a_large_value_that_differs_from_its_log_is_told() -> None:
    """The float tolerance is for rounding, not for a real difference of large numbers."""
    from datetime import date

    from journal.core.checkins import CheckIn, log_agrees

    log = [CheckIn(date(2026, 11, 18), "=", 1e12, "recount", 5)]
    assert log_agrees(0, log, 1e12)
    assert not log_agrees(0, log, 1e12 + 500)


def test_a_log_line_that_cant_be_read_is_told_by_log_and_status(
    invoke: Invoke, write: Write
) -> None:
    """Reported: `journal log GOAL` said "no check-ins yet" and `status` "never" for a
    goal whose only log line was `+ 1` (a space after the sign), without a word on why."""
    text = goal_text("Talks").replace("+1 Coffee", "+ 1 Coffee")
    write("goals/talks.md", text)
    write("goals/other.md", goal_text("Other").replace("+1 Coffee", "+ 2 Coffee"))
    warning = (
        "goals/talks.md:17: warning: log line: the sign must touch the number: write +1, not + 1\n"
    )
    listed = invoke("log", "talks")
    assert listed.exit_code == 0
    assert "no check-ins yet" in listed.stdout
    assert listed.stderr == warning  # that goal's alone
    shown = invoke("status")
    assert shown.exit_code == 0
    assert warning in shown.stderr
    assert "goals/other.md:17: warning: log line" in shown.stderr


def test_a_note_left_in_a_merge_conflict_is_reported_and_not_edited(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: with git's conflict markers in a goal's log, `check` passed (exit 0)
    and `log` wrote its line between `=======` and `>>>>>>> side`."""
    text = goal_text("Talks").replace(
        "- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n",
        "<<<<<<< HEAD\n- 2026-11-20: +1 coffee with Dana\n=======\n"
        "- 2026-11-20: +1 call with Sam\n>>>>>>> side\n",
    )
    path = write("goals/talks.md", text)
    checked = invoke("check", "--select", "H013")
    assert checked.exit_code == 1
    assert "goals/talks.md:\n   17  H013  error    git left a merge conflict" in checked.stdout
    logged = invoke("log", "talks", "+1", "later")
    assert logged.exit_code == 1
    assert logged.stderr.startswith(
        "goals/talks.md:17: not editing this note: git left a merge conflict"
    )
    assert path.read_text() == text
    assert invoke("list").exit_code == 0  # still read: it is listed, its error said


@pytest.mark.parametrize("style", ["diff3", "zdiff3"])
def test_a_conflict_with_its_base_text_is_found_and_its_fix_names_it(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, style: str
) -> None:
    """Reported: with `merge.conflictStyle diff3` git adds a `|||||||` line and the base
    text, which H013's fix did not mention."""
    path = write("goals/talks.md", goal_text("Talks"))
    git = Git(vault, tmp_path / "home").init()
    git.commit("talks", "2026-11-01")
    git("checkout", "-q", "-b", "side")
    path.write_text(path.read_text().replace("Coffee with", "Call with"))
    git.commit("call", "2026-11-02")
    git("checkout", "-q", "main")
    path.write_text(path.read_text().replace("Coffee with", "Lunch with"))
    git.commit("lunch", "2026-11-03")
    with pytest.raises(subprocess.CalledProcessError):
        git("-c", f"merge.conflictStyle={style}", "merge", "-q", "side")
    lines = path.read_text().splitlines()
    assert lines[16].startswith("<<<<<<< ") and lines[18].startswith("||||||| ")
    assert lines[19] == "- 2026-11-20: +1 Coffee with [[Dana Ortiz]]"  # the base text
    result = invoke("check", "--select", "H013", "--json")
    assert result.exit_code == 1
    [finding] = json.loads(result.stdout)
    assert (finding["path"], finding["line"]) == ("goals/talks.md", 17)
    assert finding["suggestion"].endswith(
        "(with `merge.conflictStyle diff3` or `zdiff3`, also the `|||||||` line and the base "
        "text after it, up to `=======`)"
    )


@pytest.mark.parametrize(
    "body",
    [
        "## How git shows a conflict\n\n```text\n<<<<<<< HEAD\nmine\n=======\ntheirs\n"
        ">>>>>>> side\n```\n",  # quoted in fenced code
        "<<<<<<< an arrow\n\nno divider\n\n>>>>>>> another\n",  # no ======= between
    ],
)
def test_conflict_markers_a_note_only_quotes_are_no_conflict(
    invoke: Invoke, write: Write, body: str
) -> None:
    """Found in review: a goal about learning git, quoting a conflict in a code block,
    was taken for one: H013, and `log` refused to edit it."""
    write("goals/git.md", goal_text("Learn git") + "\n" + body)
    assert invoke("check", "--select", "H013").exit_code == 0
    assert invoke("log", "Learn git", "+1").exit_code == 0


def test_check_in_sums_are_exact_in_decimal() -> None:
    """Found in review: relative rounding took 576087000000001 + 0.5 to ...002, and a
    tiny amount vanished from current."""
    half = parse_log_line("- 2026-11-20: +0.5 half", 1, "g.md")
    tiny = parse_log_line("- 2026-11-20: +0.0000000004 tiny", 1, "g.md")
    assert half is not None and tiny is not None
    assert replay(576087000000001, [half]) == 576087000000001.5
    assert replay(1, [tiny]) == 1.0000000004


def test_running_counts_on_from_its_start_value_and_steps_to_the_series() -> None:
    """One start value carries across days; beside a goal's series, each value of it the
    check-ins do not give is a step, at the end of its day."""
    lines = ["- 2026-11-21: +2 b", "- 2026-11-20: +1 a", "- 2026-11-21: =7 c", "- 2026-11-22: x"]
    log = [parse_log_line(text, n, "g.md") for n, text in enumerate(lines)]
    checkins = [c for c in log if c is not None]
    assert [(c.note, v) for c, v in running(10, checkins)] == [
        ("a", 11),
        ("b", 13),
        ("c", 7),
        ("x", 7),
    ]
    points = [
        Point(date(2026, 11, 19), 5, "git"),  # before the first check-in
        Point(date(2026, 11, 20), 6, "log"),  # what the check-ins give: no step
        Point(date(2026, 11, 21), 8, "git"),  # after the day's check-ins
        Point(date(2026, 11, 23), 9, "file"),  # after the last
    ]
    rows, steps = stepped(points, checkins, 0)
    assert [(c.note, v) for c, v in rows] == [("a", 6), ("b", 8), ("c", 7), ("x", 8)]
    assert [s.to_dict() for s in steps] == [
        {"date": "2026-11-19", "change": "+5", "value": 5, "source": "git"},
        {"date": "2026-11-21", "change": "+1", "value": 8, "source": "git"},
        {"date": "2026-11-23", "change": "+1", "value": 9, "source": "file"},
    ]
    assert stepped(points, [], 0) == ([], [])  # no check-in, no table to add up


def test_the_log_view_shows_a_line_break_in_a_unit_not_obeys_it(
    invoke: Invoke, write: Write
) -> None:
    """Reported: `unit: "u\\r"` printed a raw carriage return in `journal log GOAL`'s
    header, where `list` shows it as `\\r`."""
    write(GOAL, goal_text(unit='"u\\r"'))
    out = invoke("log", "Connect").stdout
    assert "\r" not in out and out.splitlines()[0].endswith(" u\\r")


def test_the_value_after_a_check_in_counts_a_committed_hand_edit(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """Reported: after `current` was edited by hand and committed, the value after a
    check-in in another note was counted from the log alone (7), where the header, the
    chart and every other command said 6."""
    git = Git(vault, tmp_path / "home").init()
    text = goal_text("Cut overtime", baseline=10, target=4, current="7.5", start="2026-11-02")
    path = write(
        GOAL, text.replace("- 2026-11-20: +1 Coffee with [[Dana Ortiz]]", "- 2026-11-13: =7.5")
    )
    git.commit("start", "2026-11-13")
    path.write_text(path.read_text().replace("current: 7.5", "current: 6.5"))
    git.commit("hand", "2026-11-19")
    write("daily/2026-11-21.md", "progress:: [[hr]] -0.5 note\n")
    shown = json.loads(invoke("log", "Cut overtime", "--json").stdout)
    assert shown["current"] == 6
    assert [(c["date"], c["value"]) for c in shown["checkins"]] == [
        ("2026-11-13", 7.5),
        ("2026-11-21", 6),
    ]


def test_progress_made_before_the_log_counts_once_after_a_commit_that_holds_it(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `current` set to 3 by hand and committed, then `log +1 lunch`: the
    table said `+3  6  made before the log` and `+1  7  lunch` (the 3 counted twice)
    where the header said 4; with a check-in on a later day the series had 7 too."""
    git = Git(vault, tmp_path / "home").init()
    path = write(GOAL, goal_text(current=0, start="2026-11-01").split("\n- ")[0] + "\n")
    git.commit("new", "2026-11-01")
    path.write_text(path.read_text().replace("current: 0", "current: 3"))
    git.commit("hand 3", "2026-11-10")
    write("daily/2026-11-15.md", "progress:: [[hr]] +1 chat\n")  # other notes add on top
    assert invoke("log", "Connect", "+1", "lunch").exit_code == 0
    shown = json.loads(invoke("log", "Connect", "--json").stdout)
    values = [(c["date"], c["change"], c["value"]) for c in shown["checkins"]]
    assert values == [
        ("2026-11-15", "+1", 4),
        ("2026-11-22", "+3", 4),
        ("2026-11-22", "+1", 5),
    ]
    assert (shown["current"], shown["series"][-1]["value"]) == (5, 5)
    assert shown["steps"] == [{"date": "2026-11-10", "change": "+3", "value": 3, "source": "git"}]
    assert (
        "2026-11-10  (+3)  3  not logged: current as committed\n"
        "2026-11-15  +1    4  chat  (daily/2026-11-15.md)\n"
        "2026-11-22  +3    4  made before the log\n2026-11-22  +1    5  lunch\n"
    ) in invoke("log", "Connect").stdout
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-25")
    assert invoke("log", "Connect", "+1", "more").exit_code == 0
    shown = json.loads(invoke("log", "Connect", "--json").stdout)
    assert [(p["date"], p["value"]) for p in shown["series"]][-2:] == [
        ("2026-11-22", 5),
        ("2026-11-25", 6),
    ]
    assert [c["value"] for c in shown["checkins"]] == [4, 4, 5, 6]


def test_check_ins_dated_after_today_are_left_out_of_the_series_and_the_chart(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """Reported (power user): a `progress::` line dated 2026-12-20 (a typo in the year)
    put `{"date": "2026-12-20", "value": 4}` at the end of `log --json`'s series, past
    today and past `current` (1), and ran the chart's axis to that day."""
    git = Git(vault, tmp_path / "home").init()
    write(GOAL, goal_text(current=0, start="2026-11-01").split("\n- ")[0] + "\n")
    git.commit("new", "2026-11-01")
    assert invoke("log", "Connect", "+1", "first").exit_code == 0
    write("daily/2026-12-20.md", "---\ndate: 2026-12-20\n---\nprogress:: [[hr]] +3 typo\n")
    for command in (("log", "Connect", "--json"), ("history", "Connect", "--json")):
        shown = json.loads(invoke(*command).stdout)
        last = shown["series"][-1]
        assert last["date"] <= "2026-11-22" and last["value"] == 1, command
    shown = json.loads(invoke("log", "Connect", "--json").stdout)
    assert shown["current"] == 1
    assert [(c["date"], c["value"], c["future"]) for c in shown["checkins"]] == [
        ("2026-11-22", 1, False),
        ("2026-12-20", 4, True),
    ]
    text = invoke("log", "Connect").stdout
    assert "2026-12-20" not in text.split("\n\n")[1]  # the chart's axis ends today


def test_a_note_given_as_the_value_is_told_how_to_log_it(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in a tryout: `journal log G "Went to a meetup"` (a goal with nothing to
    count) was refused with no word of how to log a line with no number."""
    before = write(GOAL, goal_text()).read_bytes()
    result = invoke("log", "Connect", "Went to a meetup")
    assert result.exit_code == 2 and "give +0 before it" in result.stderr
    assert (vault / GOAL).read_bytes() == before
    assert "give +0" not in invoke("log", "Connect", "1").stderr  # a number: no note


def test_a_value_typed_with_its_note_in_one_word_is_the_value_then_the_note(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in a tryout: `journal log G "+1 Went to a meetup"` (one quoted word) was
    refused with no word of splitting it."""
    write(GOAL, goal_text())
    result = invoke("log", "Connect", "+1 Went to a meetup")
    assert result.exit_code == 0, result.stderr
    assert (vault / GOAL).read_text().rstrip().endswith(": +1 Went to a meetup")
    assert invoke("log", "Connect", "+ 1 Went").exit_code == 2  # still "write +1, not + 1"
    for amount in ("=10 000", "+2 500 steps", "+1 1/2", "+1 \u00bd"):  # found in review
        assert invoke("log", "Connect", amount).exit_code == 2, amount  # one amount: refused


@pytest.mark.parametrize("style", ["merge", "zdiff3"])
def test_check_ins_between_conflict_markers_count_nothing(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, style: str
) -> None:
    """Reported: a log line changed on two branches, then merged, was counted once for
    each side (with zdiff3 the base's too: 2 -> 3 -> 4), and `check` said M007 beside
    H013; a `progress::` field in a daily note's conflict counted on both sides too."""
    goal = goal_text("Talks").replace(
        "- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n",
        "- 2026-10-29: +1 first\n- 2026-10-30: +1 Coffee with [[Dana Ortiz]]\n",
    )
    path = write("goals/talks.md", goal)
    daily = write("daily/2026-11-02.md", "# Monday\n\nprogress:: [[Talks]] +1 coffee\n")
    git = Git(vault, tmp_path / "home").init()
    git.commit("talks", "2026-11-01")
    git("checkout", "-q", "-b", "side")
    for note in (path, daily):
        note.write_text(note.read_text().replace("offee", "all"))
    git.commit("call", "2026-11-02")
    git("checkout", "-q", "main")
    for note in (path, daily):
        note.write_text(note.read_text().replace("offee", "unch"))
    git.commit("lunch", "2026-11-03")
    with pytest.raises(subprocess.CalledProcessError):
        git("-c", f"merge.conflictStyle={style}", "merge", "-q", "side")
    assert "=======\n- 2026-10-30: +1 Call with" in path.read_text()
    assert "=======\nprogress:: [[Talks]] +1 call" in daily.read_text()
    data = json.loads(invoke("log", "talks", "--json").stdout)
    assert [(c["date"], c["value"]) for c in data["checkins"]] == [("2026-10-29", 1)]
    checked = invoke("check", "--select", "H013,M007", "--json")
    assert checked.exit_code == 1
    found = sorted((f["rule"], f["path"]) for f in json.loads(checked.stdout))
    assert found == [("H013", "daily/2026-11-02.md"), ("H013", "goals/talks.md")]


@pytest.mark.parametrize("state", [" ", "-", "/", ">", "?"])
def test_a_task_not_done_in_the_log_counts_nothing(state: str) -> None:
    """An open or cancelled task was counted as a check-in (``- [ ] 2026-11-10: +3``)."""
    with pytest.raises(CheckInError) as info:
        parse_log_line(f"- [{state}] 2026-11-10: +3 plan to do", 1)
    assert str(info.value) == (
        f"a task not done (`[{state}]`) counts nothing: it counts when ticked (`[x]`)"
    )
    assert parse_log_line(f"- [{state}] an undated task", 1) is None  # no log line at all


@pytest.mark.parametrize("line", ["- [x] 2026-11-11: +1 did", "1. [X] [[2026-11-11]] +1 did"])
def test_a_ticked_task_in_the_log_counts_as_the_plain_line(line: str) -> None:
    found = parse_log_line(line, 1)
    assert found is not None
    assert (found.day.isoformat(), found.op, found.amount, found.note) == (
        "2026-11-11",
        "+",
        1.0,
        "did",
    )


def test_log_show_and_check_count_only_ticked_tasks_of_the_log(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """``journal log`` wrote a ``current`` that counted open and cancelled tasks."""
    tasks = "- [ ] 2026-11-10: +3 plan to do\n- [x] 2026-11-11: +1 did\n- [-] 2026-11-12: +2 no\n"
    text = goal_text(current=2).replace("- 2026-11-20:", tasks + "- 2026-11-20:")
    write(GOAL, text)
    lines = text.splitlines()
    open_line, cancelled = (lines.index(t) + 1 for t in tasks.splitlines()[::2])
    check = json.loads(invoke("check", "--json", "--select", "H006,M007").stdout)
    assert [(f["rule"], f["line"], f["message"], f["suggestion"]) for f in check] == [
        (
            "H006",
            line,
            f"log line: a task not done (`[{state}]`) counts nothing: it counts when ticked "
            "(`[x]`)",
            "tick it (`- [x]`) once done; if it will not be, delete it or move it out of the log",
        )
        for line, state in ((open_line, " "), (cancelled, "-"))
    ]  # and no M007: current 2 is the two lines that count
    shown = json.loads(invoke("log", "Connect", "--json").stdout)
    assert [c["note"] for c in shown["checkins"]] == ["did", "Coffee with [[Dana Ortiz]]"]
    result = invoke("log", "Connect", "+1", "real")
    assert result.exit_code == 0, result.stderr
    assert "current 2 -> 3" in result.stdout
    assert (vault / GOAL).read_text() == text.replace("current: 2", "current: 3") + (
        "- 2026-11-22: +1 real\n"
    )


@pytest.mark.parametrize(
    ("value", "written"),
    [
        *(
            (value, value)
            for value in ("=inf", "+NaN", "-inf", "=-Infinity", "+nan.", "+\u221e", "+1e999")
        ),
        ("+" + "9" * 400, "+" + "9" * 19 + "..."),  # a float of 400 digits is inf
    ],
)
def test_a_number_that_is_none_makes_the_line_unreadable(value: str, written: str) -> None:
    """``=inf`` and ``+NaN`` were dated notes, silently; 400 digits counted as +inf."""
    with pytest.raises(CheckInError) as info:
        parse_log_line(f"- 2026-11-10: {value} note", 1)
    assert str(info.value).startswith(f"'{written}' is no value journal reads: ")


@pytest.mark.parametrize("note", ["-informal chat", "-Nancy called", "=info shared"])
def test_a_word_that_starts_like_a_number_that_is_none_is_a_note(note: str) -> None:
    found = parse_log_line(f"- 2026-11-10: {note}", 1)
    assert found is not None and (found.op, found.note) == (None, note)


def test_numbers_that_are_none_count_nothing_and_are_told_at_their_line(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """In the log (H006), in a ``progress::`` field (H010), as ``journal log``'s VALUE,
    and in the front matter (H005)."""
    huge = "+" + "9" * 400
    added = f"- 2026-11-10: =inf\n- 2026-11-11: +NaN\n- 2026-11-12: {huge}\n"
    added += "- 2026-11-13: +2000000000000000\n"  # past 10^15, as current may not be
    text = goal_text(current=1).replace("current: 1", "current: .inf") + added
    write(GOAL, text)
    write("daily/2026-11-21.md", "progress:: [[Connect with five HR leaders]] =inf\n")
    lines = text.splitlines()
    check = json.loads(invoke("check", "--json", "--select", "H005,H006,H010").stdout)
    assert [(f["rule"], f["path"], f["line"], f["message"]) for f in check] == [
        (
            "H010",
            "daily/2026-11-21.md",
            1,
            f"`progress::` '=inf' is no value journal reads: {_WRITE_A_NUMBER}, so it counts "
            "for no goal",
        ),
        (
            "H005",
            GOAL,
            lines.index("current: .inf") + 1,
            "current should be a finite number",
        ),
        *(
            (
                "H006",
                GOAL,
                lines.index(line) + 1,
                f"log line: '{value}' is no value journal reads: {why}",
            )
            for line, value, why in (
                ("- 2026-11-10: =inf", "=inf", _WRITE_A_NUMBER),
                ("- 2026-11-11: +NaN", "+NaN", _WRITE_A_NUMBER),
                (f"- 2026-11-12: {huge}", huge[:20] + "...", "a value is at most 10^15"),
                (
                    "- 2026-11-13: +2000000000000000",
                    "+2000000000000000",
                    "a value is at most 10^15",
                ),
            )
        ),
    ]
    shown = json.loads(invoke("log", "Connect", "--json").stdout)
    assert [c["date"] for c in shown["checkins"]] == ["2026-11-20"]  # the lines count nothing
    write(GOAL, text.replace("current: .inf", "current: 1"))
    for value, told in (
        ("=inf", f"'=inf' is no value journal reads: {_WRITE_A_NUMBER}"),
        (huge, f"'{huge[:20]}...' is no value journal reads: a value is at most 10^15"),
    ):
        result = invoke("log", "Connect", value)
        assert (result.exit_code, result.stderr) == (2, f"journal: {told}\n")
    assert (vault / GOAL).read_text() == text.replace("current: .inf", "current: 1")


_WRITE_A_NUMBER = (
    "write the sign (+, - or =) and the number alone, in digits 0-9 with a decimal point "
    "(+2500, +0.5, -200)"
)


def test_a_log_heading_in_a_quote_is_told_and_counts_nothing(invoke: Invoke, write: Write) -> None:
    """``> ## Log`` in a callout was no log to ``show``, but ``journal log`` wrote after it."""
    text = goal_text(current=1).replace(
        "## Log\n\n- 2026-11-20:", "> [!summary] Progress\n> ## Log\n> - 2026-11-20:"
    )
    write(GOAL, text)
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert [(f["line"], f["message"], f["suggestion"]) for f in check] == [
        (
            text.splitlines().index("> ## Log") + 1,
            "a Log heading inside a quote or callout is not read as the log: the lines under "
            "it count nothing",
            "take the heading and the lines under it out of the quote (no `>` before them); "
            "`journal log` writes a `## Log` of its own at the end until then",
        )
    ]
    assert json.loads(invoke("log", "Connect", "--json").stdout)["checkins"] == []


def test_progress_carried_into_a_goal_that_says_not_where_it_began_suggests_a_baseline(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: a note made a goal with `set current=19` (docs/guide.md, "Notes you
    already have"), then `log +1`: the review counted +20 this week and ahead of pace.
    With no baseline, start or created day nothing says the 19 came before: log says
    so and how to make it the baseline, which counts only what is logged next."""
    write("notes/Spanish lessons.md", "---\ntype: goal\n---\n# Spanish lessons\n\nSo far 19.\n")
    said = invoke(
        "set", "Spanish lessons", "unit=lessons", "current=19", "target=50", "due=2027-06-30"
    )
    assert said.exit_code == 0, said.stderr
    result = invoke("log", "Spanish lessons", "+1", "lesson 20")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith(
        "notes/Spanish lessons.md: also logged 2026-11-22 +19 made before the log: the log "
        "did not have current 19 yet; with no baseline, start or created day it counts as "
        "progress made that day: if 19 is where the goal began, delete that line and run "
        'journal set "Spanish lessons" baseline=19\n'
    )
    assert json.loads(invoke("log", "Spanish lessons", "+1", "--json").stdout)["hint"] is None
    path = vault / "notes/Spanish lessons.md"
    path.write_text(path.read_text().replace("- 2026-11-22: +19 made before the log\n", ""))
    assert invoke("set", "Spanish lessons", "baseline=19").exit_code == 0
    row = next(
        line
        for line in invoke("review", "--stdout").stdout.splitlines()
        if line.startswith("| [[Spanish lessons]]")
    )
    assert "| **21** of 50 lessons (from 19) | +2 | on track" in row
    assert "M007" not in invoke("check", "--select", "M").stdout


def test_in_git_a_baseline_for_where_a_note_stood_leaves_this_week_and_pace_to_the_log(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """The guide's way for a note made a goal in a vault in git: where it stood goes in
    `baseline` and `current` too; committed the week before, a `log +1` is this week's
    +1, on track, with no line made before the log and no hint."""
    git = Git(vault, tmp_path / "home").init()
    write("notes/Spanish lessons.md", "---\ntype: goal\n---\n# Spanish lessons\n\nSo far 19.\n")
    git.commit("a note", "2026-11-02")
    made = invoke(
        "set",
        "Spanish lessons",
        "unit=lessons",
        "baseline=19",
        "current=19",
        "target=50",
        "due=2027-06-30",
    )
    assert made.exit_code == 0, made.stderr
    git.commit("a goal", "2026-11-10")
    logged = invoke("log", "Spanish lessons", "+1", "lesson 20")
    assert logged.stdout == "notes/Spanish lessons.md: 2026-11-22 +1 lesson 20; current 19 -> 20\n"
    git.commit("a lesson", "2026-11-22")
    review = invoke("review", "--stdout").stdout
    assert (
        "| [[Spanish lessons]] | 3% ░░░░░░░░░░ | **20** of 50 lessons (from 19) | +1 | on track"
        in review
    )


def test_log_lines_read_once_give_what_each_line_gives_where_it_stands() -> None:
    """A goal's history reads every version's log again: a line read before gives the
    check-in parse_log_line gives, at the line and path asked; one that can't be read
    raises each time it is asked."""
    lines = LogLines(None)
    text = "- 2026-11-20: +2 Coffee with [[Dana]]"
    assert lines(text, 7, "goals/a.md") == parse_log_line(text, 7, "goals/a.md")
    again = lines(text, 12, "goals/b.md")
    assert (again.line, again.path, again.amount, again.note) == (
        12,
        "goals/b.md",
        2.0,
        "Coffee with [[Dana]]",
    )
    assert lines("- a note, no date", 3, "goals/a.md") is None
    for _ in range(2):
        with pytest.raises(CheckInError, match="2026-02-30"):
            lines("- 2026-02-30: +1 no such day", 4, "goals/a.md")


COFFEES = """---
type: goal
id: c
title: Coffees
status: active
unit: coffees
baseline: 0
target: 10
current: 3
start: 2026-10-01
due: 2026-12-31
---
# Coffees

## Log

- 2026-10-08: +1 a
- 2026-10-21: +1 b
"""


def _adds_up(shown: dict[str, Any]) -> None:
    """Each row of `log GOAL --json`'s check-ins and steps, in the table's order, goes
    from the row before by its change, and the table ends at the series' last value."""
    rows = [(c["date"], 0, c) for c in shown["checkins"]] + [
        (s["date"], 1, s) for s in shown["steps"]
    ]
    value = shown["baseline"] or 0
    for _day, _step, row in sorted(rows, key=lambda r: r[:2]):
        assert row["change"][0] == "+"
        value += float(row["change"][1:])
        assert row["value"] == value, (row, shown)
    assert value == shown["series"][-1]["value"] == shown["current"]


@pytest.mark.parametrize("in_git", [True, False], ids=["git", "no git"])
def test_the_log_table_adds_up_where_current_disagreed_with_the_log(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, in_git: bool
) -> None:
    """Reported (a git user): a goal at `current: 3` with a log of +1 and +1, committed,
    then `journal log c +1 d`: the table read `+1 1`, `+1 2`, `+1 4` (a +1 from 2 to 4)
    while the series put the committed 3 on 10-21; outside git it read `+1 3` where
    `current`, the header and the chart said 4.  The value no check-in gives is a row
    of its own, marked, where the series has it."""
    git = Git(vault, tmp_path / "home").init() if in_git else None
    write("goals/c.md", COFFEES)
    if git is not None:
        git.commit("init", "2026-10-25")
    result = invoke("log", "c", "+1", "d", "--date", "2026-11-01")
    assert result.exit_code == 0 and "M007" in result.stderr
    if git is not None:
        git.commit("journal: log +1 Coffees", "2026-11-01")
    shown = json.loads(invoke("log", "c", "--json").stdout)
    assert [c["value"] for c in shown["checkins"]] == ([1, 2, 4] if in_git else [1, 2, 3])
    step = ("2026-10-21", 3, "first") if in_git else ("2026-11-01", 4, "file")
    assert shown["steps"] == [
        {"date": step[0], "change": "+1", "value": step[1], "source": step[2]}
    ]
    _adds_up(shown)
    table = invoke("log", "c").stdout
    said = "current as first committed" if in_git else "current in the file"
    assert f"{step[0]}  (+1)  {step[1]}  not logged: {said}\n" in table
    assert "2026-10-21  +1    2  b\n" in table
    plain = invoke("--plain", "log", "c").stdout
    assert f"{step[0]}: not logged, up 1, total {step[1]}: {said}\n" in plain


_LOGS = "---\ntype: goal\ntitle: G03 Logs\nbaseline: 0\ncurrent: 0\ntarget: 10\n---\n"
_ADD_LOG = "name that heading '## Log', or add a '## Log' heading above the line"


@pytest.mark.parametrize(
    ("heading", "why"),
    [
        ("## Logs", f"under '## Logs', not a Log heading: it counts nothing; {_ADD_LOG}"),
        ("## Lgo", f"under '## Lgo', not a Log heading: it counts nothing; {_ADD_LOG}"),
        ("## Check-in", f"under '## Check-in', not a Log heading: it counts nothing; {_ADD_LOG}"),
        (
            "## Weekly log",
            f"under '## Weekly log', not a Log heading: it counts nothing; {_ADD_LOG}",
        ),
        (
            "### Log of progress",
            "under '### Log of progress', not a Log heading: it counts nothing; name that "
            "heading '### Log', or add a '## Log' heading above the line",
        ),
        *[
            (
                written,
                f"under '{written}', which is no heading: it counts nothing; write '## Log' there "
                "instead",
            )
            for written in ("##Log", "**Log**", "Log:")
        ],
        ("", "under no heading: it counts nothing; add a '## Log' heading above it"),
    ],
)
def test_check_ins_under_no_log_heading_are_told_and_logging_waits_for_them(
    invoke: Invoke, write: Write, vault: Path, heading: str, why: str
) -> None:
    """Reported (tryout): check-ins under `## Logs` (`##Log`, `**Log**`, `Log:`, `## Lgo`,
    none...) counted nothing and nothing said so: `list` showed 0%, `check` passed H006 and
    `journal log` wrote `current 0 -> 1` and a second `## Log` (the value was 5)."""
    text = _LOGS + (f"{heading}\n" if heading else "") + "- 2026-11-10: +2 a\n- 2026-11-20: +3 b\n"
    write(GOAL, text)
    first = text.splitlines().index("- 2026-11-10: +2 a") + 1
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert [(f["line"], f["message"]) for f in check] == [
        (first, f"log line {why}"),
        (first + 1, f"log line {why}"),
    ]
    assert check[0]["suggestion"].startswith("put the line under a Log heading")
    listed = invoke("list")
    assert f"{GOAL}:{first}: warning: log line {why}" in listed.stderr.splitlines()
    logged = invoke("log", "G03", "+1", "c")
    assert (logged.exit_code, logged.stdout) == (1, "")
    assert logged.stderr == (
        f"{GOAL}:{first}: log line {why}; nothing written: fix it, then log again (2 such lines)\n"
    )
    assert (vault / GOAL).read_text() == text


def test_a_check_in_outside_the_log_is_told_where_the_log_is(invoke: Invoke, write: Write) -> None:
    text = _LOGS + "## Log\n\n- 2026-11-10: +2 a\n\n## Notes\n\n- 2026-11-20: +3 b\n"
    write(GOAL, text)
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert [(f["line"], f["message"]) for f in check] == [
        (
            text.splitlines().index("- 2026-11-20: +3 b") + 1,
            "log line under '## Notes', not under '## Log' (line 8): it counts nothing; move "
            "it there",
        )
    ]


@pytest.mark.parametrize(
    ("log", "fix"),
    [
        ("## Log\n\n-2026-11-10: +2 a\n", ""),
        ("## Log\n\n- 2026-11-09: +1 x\n-2026-11-10: +2 a\n", ""),  # read as the item's text
        ("## Notes\n\n-2026-11-10: +2 a\n", " under a '## Log' heading"),
        (
            "## Log\n\n- 2026-11-09: +1 x\n\n## Notes\n\n-2026-11-10: +2 a\n",
            " under '## Log' (line 8)",
        ),
    ],
)
def test_a_check_in_with_no_space_after_its_dash_is_told(
    invoke: Invoke, write: Write, vault: Path, log: str, fix: str
) -> None:
    """Reported (tryout): `-2026-11-10: +2 a` under `## Log` was dropped with no finding."""
    text = _LOGS + log
    write(GOAL, text)
    line = text.splitlines().index("-2026-11-10: +2 a") + 1
    said = (
        "log line with no space after its '-' is no list item: it counts nothing; write "
        f"'- 2026-11-10: +2 a'{fix}"
    )
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert [(f["line"], f["message"]) for f in check] == [(line, said)]
    assert check[0]["suggestion"].startswith("put a space after the list marker")
    logged = invoke("log", "G03", "+1", "c")
    assert logged.exit_code == 1
    assert logged.stderr == f"{GOAL}:{line}: {said}; nothing written: fix it, then log again\n"
    assert (vault / GOAL).read_text() == text


@pytest.mark.parametrize(
    "body",
    [
        "## Next actions\n\n- [ ] 2026-12-01: +1 call Dana\n- [x] 2026-11-01: +1 book a call\n",
        "## Notes\n\n- 2026-11-10: met Dana\n- 2026-11-12 - no change\n",
        "## Log\n\n- 2026-11-10: +2 a\n  - 2026-11-11: +1 nested, as documented\n",
        "## Log\n\n- 2026-11-10: +2 a\n\nIn 2026-11-10 -2 days\n",
        "```\n- 2026-11-10: +2 in code\n-2026-11-11: +1 in code\n```\n",
        "> ## Log\n> - 2026-11-10: +2 in a callout, told as the heading in it\n",
    ],
)
def test_lines_that_are_no_check_ins_or_told_otherwise_are_not_told_as_outside_the_log(
    invoke: Invoke, write: Write, body: str
) -> None:
    write(GOAL, _LOGS + body)
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert [f["message"] for f in check if "counts nothing;" in f["message"]] == []


_STAMPED_LINES = [
    # (line as pasted, what the message quotes, the line journal reads)
    (
        "- 2026-11-03 09:14 AM: +1 passed module 1",
        "2026-11-03 09:14 AM: +1",
        "- 2026-11-03: +1 passed module 1",
    ),
    ("- 2026-11-04 9:14 PM +1 call", "2026-11-04 9:14 PM +1", "- 2026-11-04: +1 call"),
    (
        "- [2026-11-04 09:14:00 AM] +1 passed module 2",
        "[2026-11-04 09:14:00 AM] +1",
        "- 2026-11-04: +1 passed module 2",
    ),
    ("- [2026-11-01 09:14] +1", "[2026-11-01 09:14] +1", "- 2026-11-01: +1"),
    ("- 2026-11-05, +1 passed module 3", "2026-11-05, +1", "- 2026-11-05: +1 passed module 3"),
    ("- 2026-11-20; -2 returned", "2026-11-20; -2", "- 2026-11-20: -2 returned"),
    ("- 2026-11-25 (Wed): +1 talk", "2026-11-25 (Wed): +1", "- 2026-11-25: +1 talk"),
    ("- Wed 2026-11-26: +1 talk", "Wed 2026-11-26: +1", "- 2026-11-26: +1 talk"),
    ("1. [2026-11-27] =4 recount", "[2026-11-27] =4", "1. 2026-11-27: =4 recount"),
    (
        "- [2026-11-28] passed module +1",
        "[2026-11-28] passed module +1",
        "- 2026-11-28: +1 passed module",
    ),
]


@pytest.mark.parametrize(("line", "written", "fix"), _STAMPED_LINES)
def test_a_change_after_a_date_stamped_another_way_makes_the_line_unreadable(
    line: str, written: str, fix: str
) -> None:
    """A migration tryout (jrnl's ``[2026-11-04 09:14:00 AM]``, a time with AM, a comma
    after the date, a weekday): each +1 counted nothing, as a note or no line at all,
    without a word."""
    with pytest.raises(CheckInError) as info:
        parse_log_line(line, 1)
    assert str(info.value) == (
        f"the date and change are written '{written}', which journal does not read: write "
        f"'{fix}'; the line is not read"
    )
    found = parse_log_line(fix, 1)  # the fix reads as the change meant
    assert found is not None and found.op is not None


def test_a_change_after_the_note_is_told_and_the_line_stays_a_note(
    invoke: Invoke, write: Write
) -> None:
    """``- 2026-11-06: passed module 4 +1`` (the value last) was a note, silently."""
    text = goal_text(current=1) + "- 2026-11-06: passed module 4 +1\n"
    write(GOAL, text)
    found = parse_log_line("- 2026-11-06: passed module 4 +1", 1)
    assert found is not None and (found.op, found.note) == (None, "passed module 4 +1")
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert check[0]["suggestion"].startswith("write the line the message gives")
    assert [(f["line"], f["message"]) for f in check] == [
        (
            len(text.splitlines()),
            "log line: the change '+1' comes after the note's first words, so it changes "
            "nothing: write '- 2026-11-06: +1 passed module 4' (a change comes right after "
            "the date); the line is read as a note",
        )
    ]


def test_stamped_lines_are_told_by_check(invoke: Invoke, write: Write) -> None:
    text = goal_text(current=1) + "".join(f"{line}\n" for line, _, _ in _STAMPED_LINES)
    write(GOAL, text)
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    lines = text.splitlines()
    assert [f["line"] for f in check] == [lines.index(line) + 1 for line, _, _ in _STAMPED_LINES]
    assert {f["suggestion"] for f in check} == {
        "write the line the message gives: the date YYYY-MM-DD first, then the change and "
        "the note; the line is not counted until then"
    }


@pytest.mark.parametrize(
    "line",
    [
        "- 2026-11-06: met 3 people",
        "- 2026-11-06: -3pm call moved",
        "- 2026-11-06: score 3->4",
        "- 2026-11-06: trip 2026-11-06-2026-11-08",
        "- [2026-11-06] met 3 people",
        "- Wed 2026-11-26: met Dana",
        "- Meeting 2026-11-26: +1",  # no weekday: not a stamp
        "- met Dana on 2026-11-26, +1",
    ],
)
def test_digits_in_prose_are_no_change(line: str) -> None:
    note = Path("goals/g.md")
    found = parse_note(str(note), f"---\ntype: goal\n---\n## Log\n\n{line}\n".encode())
    assert [d.message for d in found.diagnostics if d.code == "log"] == []


def test_ordinary_log_lines_do_not_build_the_stamp_words() -> None:
    """A quick guard on the hot path: a log's usual lines (check-ins, notes, numbers in
    prose, undated items) never need the weekday names of every locale."""
    from journal.core import checkins

    checkins._stamp_words.cache_clear()
    for line in (
        "- 2026-11-20: +1 Coffee with [[Dana Ortiz]]",
        "- 2026-11-20: met 3 people, +1 more soon",  # a note's change: told, no stamp
        "- 2026-11-20 10:00 - talked",
        "- an idea for 2026",
        "- [x] 2026-11-20: +1 done",
        "1. [[2026-11-20]] =3",
    ):
        parse_log_line(line, 1)
    assert checkins._stamp_words.cache_info().currsize == 0


_TABLE_LOG = (
    "---\ntype: goal\ntitle: Table log\nmetric: modules passed\nunit: modules\nbaseline: 0\n"
    "target: 4\ncurrent: 2\nstart: 2026-01-01\ndue: 2026-12-31\n---\n# Table log\n\n## Log\n\n"
    "| Date | Change | Note |\n| --- | --- | --- |\n"
    "| 2026-10-01 | +1 | Module 1 passed |\n| 2026-11-15 | Module 2 passed | +1 |\n"
    "| 2026-11-16 | no change |\n\n## Notes\n\n| 2026-11-17 | +1 | not in the log |\n"
)


def test_a_table_in_the_log_is_told_and_logging_waits_for_it(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """A migration tryout: a Markdown table under ``## Log`` was ignored, and ``journal
    log`` then dated its progress today (``+2 made before the log``)."""
    write("goals/Tab.md", _TABLE_LOG)
    lines = _TABLE_LOG.splitlines()
    first = lines.index("| 2026-10-01 | +1 | Module 1 passed |") + 1
    why = (
        "log line in a table: journal reads no table, so it counts nothing; write it as a list item"
    )
    check = json.loads(invoke("check", "--json", "--select", "H006").stdout)
    assert [(f["line"], f["message"]) for f in check] == [
        (first, f"{why}: '- 2026-10-01: +1 Module 1 passed'"),
        (first + 1, f"{why}: '- 2026-11-15: +1 Module 2 passed'"),
    ]
    assert check[0]["suggestion"].startswith("write each row as a list item")
    logged = invoke("log", "Table log", "+1", "Module 3 passed")
    assert (logged.exit_code, logged.stdout) == (1, "")
    assert logged.stderr == (
        f"goals/Tab.md:{first}: {why}: '- 2026-10-01: +1 Module 1 passed'; nothing written: "
        "fix it, then log again (2 such lines)\n"
    )
    assert (vault / "goals/Tab.md").read_text() == _TABLE_LOG


@pytest.mark.parametrize("note", ["+2, more chats", "+2. more", "=3: done"])
def test_a_dated_note_whose_line_would_read_as_a_value_is_refused(
    invoke: Invoke, write: Write, vault: Path, note: str
) -> None:
    """Read-through: the check looked at the note's first word alone, and `+2,` is no
    VALUE on the command line, though the log reads the written line back as +2."""
    write("goals/hr.md", goal_text(metric_source="meetings"))
    before = (vault / "goals/hr.md").read_bytes()
    result = invoke("log", "five HR leaders", "+0", note)
    assert result.exit_code == 2, result.stderr
    assert "starts like a value" in result.stderr
    assert (vault / "goals/hr.md").read_bytes() == before


def test_a_dated_note_that_starts_like_a_value_says_how_to_write_it(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """`journal log Referrals +0 "+2 more chats booked"`: the line would read as +2, and
    the refusal blamed indented text after the log."""
    write("goals/hr.md", goal_text(metric_source="meetings"))
    before = (vault / "goals/hr.md").read_bytes()
    result = invoke("log", "five HR leaders", "+0", "+2 more chats booked")
    assert result.exit_code == 2
    assert "indented text" not in result.stderr
    assert (
        "the note '+2 more chats booked' starts like a value, so its log line would read as "
        "+2: start the note with a word, e.g. journal "
    ) in result.stderr
    assert 'log "Connect with five HR leaders" +0 "more chats booked: +2"\n' in result.stderr
    assert (vault / "goals/hr.md").read_bytes() == before
