"""`journal check` fixes followed literally leave the vault better, not worse (a coach's
tryout: a T006 fix that raised M007, a T001 date already past, an M007 recount that the
review read as this week's progress)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import Invoke, Write

TODAY = "2026-12-06"


def goal(title: str, baseline: str, target: str, current: str, log: str, **more: str) -> str:
    props = {
        "type": "goal",
        "title": title,
        "status": "active",
        "metric": "referrals received",
        "baseline": baseline,
        "target": target,
        "current": current,
        "start": "2026-11-01",
        "due": "2027-03-31",
        "outcome": "Referrals into HRBP openings",
        "why": "Referrals get interviews",
        **more,
    }
    lines = "".join(f"{key}: {value}\n" for key, value in props.items())
    return f"---\n{lines}---\n## Log\n\n{log}"


def findings(invoke: Invoke, rule: str) -> list[dict[str, str]]:
    result = invoke("check", "--json", "--select", rule)
    assert result.exit_code in (0, 1), result.output
    return list(json.loads(result.stdout))


def commands(suggestion: str) -> list[list[str]]:
    """The `journal ...` commands a fix gives, split as a shell would."""
    return [shlex.split(c)[1:] for c in re.findall(r"`(journal [^`]*)`", suggestion)]


@pytest.mark.parametrize(
    ("baseline", "target", "current", "step", "after"),
    [
        ("0", "3", "1", "+1", "2"),  # counts up by whole steps
        ("45", "30", "42", "-1", "41"),  # counts down
        ("3.5", "4.2", "3.9", "+0.1", "4"),  # moves by tenths
    ],
)
def test_the_stale_fix_logs_a_step_the_goal_s_way_and_keeps_current_in_step(
    invoke: Invoke,
    write: Write,
    monkeypatch: pytest.MonkeyPatch,
    baseline: str,
    target: str,
    current: str,
    step: str,
    after: str,
) -> None:
    """Reported: T006 said to add `- TODAY: +1 what you did` under `## Log`; done, M007
    said current disagreed with the log, `show` kept the old value, and a goal counting
    down or in tenths got a step the wrong way or too big."""
    monkeypatch.setenv("JOURNAL_TODAY", TODAY)
    log = f"- 2026-11-10: ={current} Referrals counted\n"
    write(
        "goals/Get 3 HRBP referrals.md",
        goal("Get 3 HRBP referrals", baseline, target, current, log),
    )
    [stale] = findings(invoke, "T006")
    assert '"what you did"' not in stale["suggestion"]  # the words to write: in capitals
    [command] = commands(stale["suggestion"])
    assert command == ["log", "Get 3 HRBP referrals", step, "WHAT YOU DID"]
    assert f"`- {TODAY}: WHAT YOU DID`" in stale["suggestion"]
    assert invoke(*command).exit_code == 0
    assert findings(invoke, "T006") == []
    assert findings(invoke, "M007") == []
    shown = json.loads(invoke("show", "Get 3 HRBP referrals", "--json").stdout)
    assert float(shown["current"]) == float(after)


def test_a_progress_field_in_the_goal_s_own_note_is_moved_by_a_command(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """H010's fix for a `progress::` field in the goal's own note offered a `+1` log line
    to write by hand (dated 2026-11-20 whatever the day), which leaves `current` behind
    (M007): only the command that keeps `current` in step is offered."""
    monkeypatch.setenv("JOURNAL_TODAY", TODAY)
    log = "- 2026-11-10: +1 Referral from Sam\n\nprogress:: [[Get 3 HRBP referrals]] +1 Dana\n"
    path = write("goals/Get 3 HRBP referrals.md", goal("Get 3 HRBP referrals", "0", "3", "1", log))
    [found] = findings(invoke, "H010")
    assert "2026-11-20" not in found["suggestion"]
    [command] = commands(found["suggestion"])
    assert invoke(*command).exit_code == 0
    path.write_text(path.read_text().replace("progress:: [[Get 3 HRBP referrals]] +1 Dana\n", ""))
    assert findings(invoke, "H010") == findings(invoke, "M007") == []
    shown = json.loads(invoke("show", "Get 3 HRBP referrals", "--json").stdout)
    assert shown["current"] == 2


def test_the_recount_m007_suggests_is_no_progress_of_this_week(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: M007's recount, dated today, made the weekly review show this week `+2`
    and "1 check-in moved things along" for progress made before the week."""
    monkeypatch.setenv("JOURNAL_TODAY", TODAY)
    text = goal("Get 4 HRBP referrals", "0", "4", "3", "- 2026-10-20: +1 Referral from Sam\n")
    path = write("goals/Get 4 HRBP referrals.md", text)
    [found] = findings(invoke, "M007")
    [line] = re.findall(r"`(- [^`]*)`", found["suggestion"])
    assert line == "- 2026-10-20: =3 recounted"
    path.write_text(path.read_text() + line + "\n")
    assert findings(invoke, "M007") == []
    review = invoke("review", "--stdout").stdout
    assert "| **3** of 4 (from 0) | none |" in review
    assert "moved things along" not in review


def test_the_missing_due_fix_suggests_a_day_ahead_of_today(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: T001 suggested `due: 2026-12-31` whatever the day; pasted in 2027, T002
    said the goal was overdue."""
    monkeypatch.setenv("JOURNAL_TODAY", "2027-01-15")
    text = goal("Get 3 HRBP referrals", "0", "3", "1", "- 2027-01-10: +1 Sam\n", start="2027-01-01")
    path = write("goals/Get 3 HRBP referrals.md", text.replace("due: 2027-03-31\n", ""))
    [found] = findings(invoke, "T001")
    [due] = re.findall(r"`(due: [^`]*)`", found["suggestion"])
    assert due == "due: 2027-04-15"  # 90 days on
    path.write_text(path.read_text().replace("start:", f"{due}\nstart:"))
    assert findings(invoke, "T") == []


def test_the_new_goal_help_example_stays_valid_for_a_year_at_least() -> None:
    """Reported: `journal new goal --help` gave `--due 2026-12-31`, refused from 2027 on;
    this fails a year before its example goes stale."""
    from datetime import date, timedelta

    from click.testing import CliRunner

    from journal.cli import cli

    text = CliRunner().invoke(cli, ["new", "goal", "--help"]).output
    [due] = re.findall(r"--due (\d{4}-\d{2}-\d{2})", text)
    assert date.fromisoformat(due) > date.today() + timedelta(days=365)


def test_a001_says_what_a_goal_counting_down_needs_as_the_scoreboard_does(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: A001 said `needs 1.5 days/week` (read: spend 1.5 days a week) where the
    review's scoreboard said `needs to drop 1.5/week`."""
    monkeypatch.setenv("JOURNAL_TODAY", TODAY)
    text = goal("Cut time-to-hire to 30 days", "45", "30", "42", "- 2026-10-01: -3 New intake\n")
    write("goals/Cut time-to-hire.md", text.replace("start: 2026-11-01", "start: 2026-09-01"))
    [found] = findings(invoke, "A001")
    assert found["message"].startswith("needs to drop ")
    assert "but has dropped " in found["message"]


def test_a001_s_lower_target_retitles_a_goal_whose_title_says_the_old_one(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: A001 said `set target to 3`; after `journal set G target=3` the title
    still said 100 and status showed 2/3. The fix now sets the title too."""
    monkeypatch.setenv("JOURNAL_TODAY", TODAY)
    title = "Get 100 informational interviews secured by year end"
    text = goal(title, "0", "100", "2", "", due="2026-12-31", unit="interviews")
    write(f"goals/{title}.md", text)
    [found] = findings(invoke, "A001")
    retitled = "Get 3 informational interviews secured by year end"
    command = f'`journal set "{title}" target=3 title="{retitled}"`'
    assert f"set `target` to 3 ({command}: the title says 100 too)" in found["suggestion"]
    [args] = commands(found["suggestion"])
    assert invoke(*args).exit_code == 0
    note = (vault / f"goals/{title}.md").read_text()
    assert f"title: {retitled}\n" in note and "target: 3\n" in note
    assert findings(invoke, "A001") == []


def test_a001_says_in_words_to_retitle_when_the_old_target_is_in_the_title_twice(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title stating the old target twice is not rewritten by guess: the fix says it."""
    monkeypatch.setenv("JOURNAL_TODAY", TODAY)
    title = "Get 100 interviews, 100 by year end"
    write("goals/g.md", goal(title, "0", "100", "2", "", due="2026-12-31"))
    [found] = findings(invoke, "A001")
    assert "set `target` to 3 (and change the title, which says 100 too)" in found["suggestion"]


def test_a001_offers_no_due_day_beyond_sense(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported by a career coach: EUR 1 of 5000 in three months was told "at this rate
    you reach 5000 around 3340-11-11: move `due` there". A day more than ten times the
    goal's span after its start, or five years ahead, is offered as no due day."""
    monkeypatch.setenv("JOURNAL_TODAY", TODAY)
    dates = {"start": "2026-09-01", "due": "2026-12-31", "unit": "EUR"}
    write("goals/Earn.md", goal("Earn EUR 5000 from coaching", "0", "5000", "1", "", **dates))
    [found] = findings(invoke, "A001")
    # ten times its 121 days after 2026-09-01: 2029-12-24
    assert found["suggestion"].startswith(
        "at this rate 5000 is far off (not reached by 2029-12-24): make more time for it; "
    )
    assert "move `due`" not in found["suggestion"]


@pytest.mark.parametrize(
    ("baseline", "target", "current", "log", "reachable"),
    [
        ("0", "10", "3.5", "- 2026-10-20: +1.5\n- 2026-11-10: +2\n", "6.4"),  # at 6.47
        ("70.0", "80.0", "71.5", "", "72.7"),  # at 72.77
        # hours logged in quarters: a target is round-ish, its check-ins' decimals aside
        ("0", "40", "4.5", "- 2026-10-20: +4.25\n- 2026-11-10: +0.25\n", "8.3"),  # 8.31
        ("0", "40", "4.25", "", "7.8"),  # at most one decimal, as current has two
        ("0.1", "0.25", "0.12", "", "0.13"),  # two where the target has them
    ],
)
def test_a001_offers_a_target_to_the_decimals_the_goal_is_written_with(
    invoke: Invoke,
    write: Write,
    monkeypatch: pytest.MonkeyPatch,
    baseline: str,
    target: str,
    current: str,
    log: str,
    reachable: str,
) -> None:
    """Reported by a career coach: a goal from 0 to 10 at 3.5 (logged +1.5, +2) was told
    `set target to 6`, where the rate so far reaches 6.47: its current and check-ins are
    written in tenths, as are 70.0 to 80.0 at 71.5 (told 72).  Found in a tryout: 40 hours
    logged in quarters was told `set target to 24.48`: a target has the decimals of the
    baseline, target and current, one at most unless the target has two."""
    monkeypatch.setenv("JOURNAL_TODAY", TODAY)
    dates = {"start": "2026-10-01", "due": "2027-01-31", "metric": "assessment score"}
    write("goals/Score.md", goal("Reach the score", baseline, target, current, log, **dates))
    [found] = findings(invoke, "A001")
    assert f"set `target` to {reachable} " in found["suggestion"]


def test_a001_retitles_a_goal_in_the_title_s_own_number_format(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported by a career coach: "Lower cost per hire to EUR 3,500" was to be retitled
    "... to EUR 4874", and told "the title says 3500 too"."""
    monkeypatch.setenv("JOURNAL_TODAY", TODAY)
    title = "Lower cost per hire to EUR 3,500"
    dates = {"start": "2026-09-01", "due": "2026-12-31", "metric": "average cost per hire"}
    text = goal(title, "5000", "3500", "4900", "- 2026-10-15: -100 one job board less\n", **dates)
    write(f"goals/{title}.md", text)
    [found] = findings(invoke, "A001")
    retitled = "Lower cost per hire to EUR 4,874"
    command = f'`journal set "{title}" target=4874 title="{retitled}"`'
    assert f"set `target` to 4874 ({command}: the title says 3,500 too)" in found["suggestion"]
    [args] = commands(found["suggestion"])
    assert invoke(*args).exit_code == 0
    note = (vault / f"goals/{title}.md").read_text()
    assert f"title: {retitled}\n" in note and "target: 4874\n" in note
    assert findings(invoke, "A001") == []
