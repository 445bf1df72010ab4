"""Plain output for screen readers and narrow terminals: `--plain` and `JOURNAL_PLAIN`
(docs/commands.md, "Plain output: screen readers and narrow terminals")."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from journal.cli import cli
from journal.core.formatting import columns
from tests.conftest import Invoke, Write, goal_text
from tests.gitutil import Git

GLYPHS = "█░·–→┤┈▃└─±…"
#: What plain output may hold: printable ASCII and letters of any script.
ALLOWED = re.compile(r"[\x20-\x7e\n]|[^\W\d_]")
GOAL = "connect-five-hr-leaders"
LONG_TITLE = "Present the engagement survey results to the leadership team"
COMMANDS = [
    ("list",),
    ("status",),
    ("show", GOAL),
    ("log", GOAL),
    ("followups",),
    ("people",),
    ("check",),
    ("history", GOAL),
    ("history",),
]


@pytest.fixture
def repo(example_vault: Path, tmp_path: Path) -> Path:
    """The example vault in git, one commit, then `current` moved in a second."""
    git = Git(example_vault, tmp_path / "home").init()
    git.commit("first", "2026-11-01")
    goal = example_vault / "goals" / "Connect with five HR leaders in my industry this quarter.md"
    goal.write_text(goal.read_text(encoding="utf-8").replace("current: 3", "current: 4"))
    git.commit("second", "2026-11-21")
    return example_vault


def run(vault: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(cli, ["--vault", str(vault), *args], env=env)
    assert result.exit_code in (0, 1), result.output
    return result


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("how", ["option", "env"])
def test_plain_output_is_words_not_glyphs(repo: Path, command: tuple[str, ...], how: str) -> None:
    """Reported: bars, `–`, `->`, `[x]`, `!` and the chart were read glyph by glyph."""
    if how == "option":
        out = run(repo, "--plain", *command).stdout
    else:
        out = run(repo, *command, env={"JOURNAL_PLAIN": "1"}).stdout
    assert out.strip()
    assert [c for c in out if c in GLYPHS] == []
    assert [c for c in out if not ALLOWED.match(c)] == []
    assert " -> " not in out and "[x]" not in out and "[ ]" not in out
    assert not re.search(r"(^|\s)!\s", out)


@pytest.mark.parametrize("value", ["0", ""])
def test_journal_plain_zero_or_empty_is_the_normal_mode(repo: Path, value: str) -> None:
    assert "█" in run(repo, "list", env={"JOURNAL_PLAIN": value}).stdout


def test_plain_lines_read_as_sentences(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "300")
    listed = run(repo, "--plain", "list").stdout
    assert (
        "Attend two HR events a month: active, 67%, 4 of 6 events, due 2026-12-31, 39 days left"
        in listed
    )
    assert "Network more: active, none logged, no due date" in listed
    status = run(repo, "--plain", "status").stdout
    assert (
        "Attend two HR events a month: 67%, 4 of 6 events, on track, due 2026-12-31, "
        "39 days left" in status
    )
    assert "for goal Connect with five HR leaders in my industry this quarter" in status
    assert "Network more: none logged, pace unknown, no due date" in status
    card = run(repo, "--plain", "show", GOAL).stdout
    assert "done: Draft target list of 15 HR leaders (due 2026-10-10)" in card
    assert "open: Fifth conversation held (due 2026-12-31)" in card
    checks = run(repo, "--plain", "check").stdout
    assert "goals/Network more.md, line 4: M001 error: no metric" in checks
    log = run(repo, "--plain", "log", GOAL).stdout
    assert "2026-10-08: up 1, total 1: Coffee with [[Dana Ortiz]]" in log
    history = run(repo, "--plain", "history", GOAL).stdout
    assert "current 3 to 4" in history and "2026-10-08: 1, from the log" in history


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_plain_output_wraps_at_the_terminal_width(
    repo: Path, command: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: nothing fitted a 40-column terminal; lines wrapped mid-word.  Run in
    the vault, so the paths `check` shows are as short wherever pytest runs."""
    monkeypatch.chdir(repo)
    out = run(repo, "--plain", *command, env={"COLUMNS": "40"}).stdout
    lines = out.splitlines()
    # only a command to paste, kept whole, may run past the width: on a line of its own
    long = [line for line in lines if len(line) > 40]
    assert all(re.fullmatch(r"\W*`[^`]*`\W*", line.strip()) for line in long), long
    # a wrapped line goes on two spaces further in than the line it continues
    assert any(line.startswith("  ") for line in lines)
    words = " ".join(out.split())
    wide = " ".join(run(repo, "--plain", *command, env={"COLUMNS": "500"}).stdout.split())
    assert words == wide  # only the line breaks differ: no word cut, none lost


def test_plain_output_cuts_no_title(repo: Path) -> None:
    for command in (("status",), ("followups",), ("list",)):
        out = " ".join(run(repo, "--plain", *command, env={"COLUMNS": "40"}).stdout.split())
        assert "…" not in out
    assert LONG_TITLE in " ".join(run(repo, "--plain", "status").stdout.split())


def test_json_is_the_same_in_plain_mode(repo: Path) -> None:
    for command in COMMANDS:
        plain = run(repo, "--plain", *command, "--json").stdout
        assert run(repo, *command, "--json").stdout == plain


def test_piped_normal_output_keeps_titles_whole(repo: Path) -> None:
    """Reported: `status` cut titles at 44 columns and the goal after `->` at 32 even
    piped or with COLUMNS=200."""
    status = run(repo, "status", env={"COLUMNS": "200"}).stdout
    assert "…" not in status and LONG_TITLE in status
    assert "-> Connect with five HR leaders in my industry this quarter" in status
    followups = run(repo, "followups").stdout
    assert "…" not in followups
    assert "-> Two informational interviews that lead to insight into an HRBP role" in followups


def test_terminal_room_decides_where_a_title_is_cut() -> None:
    from journal.present import status_screen

    goal = {
        "title": LONG_TITLE,
        "path": f"goals/{LONG_TITLE}.md",
        "progress": 0.0,
        "current": 0,
        "base": 0,
        "target": 3,
        "down": False,
        "unit": "leaders",
        "pace": "behind",
        "due": "2026-12-31",
        "next_milestone": None,
        "unread_meetings": 0,
    }
    screen = {
        "today": "2026-11-22",
        "week": "2026-W47",
        "goals": [goal],
        "followups": [],
        "unlisted_folders": [],
        "copies": [],
        "unreadable_goals": [],
        "unreadable_meetings": [],
        "quiet": [],
    }
    for width in (60, 80, 100):
        lines = status_screen(screen, room=width).splitlines()
        assert max(map(len, lines)) < width
    assert LONG_TITLE in status_screen(screen, room=120)
    assert LONG_TITLE in status_screen(screen, room=None)


def test_the_progress_bar_redraws_twice_a_second_and_leaves_no_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Reported: the bar redrew ~12 times a second and its last `100%` line stayed above
    the command's output."""
    from journal.cli import ProgressBar
    from tests.test_index import _terminal_output

    monkeypatch.setenv("TERM", "xterm")
    master, follower = os.openpty()
    with os.fdopen(follower, "w") as terminal:
        slow = ProgressBar(terminal)
        slow.started = time.monotonic() - 2 * ProgressBar.DELAY  # reading for a while
        started = time.monotonic()
        with slow:
            for done in range(1, 101):
                slow(done, 100)
                time.sleep(0.015)
        took = time.monotonic() - started
    shown = _terminal_output(master).decode()
    draws = shown.count("indexing")
    assert 1 <= draws <= took / ProgressBar.EVERY + 2
    assert "\n" not in shown  # no line left behind
    assert shown.endswith("\r\x1b[K\x1b[?25h")  # the line erased, the cursor shown again


def test_a_goal_without_target_says_its_value_not_none_logged(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: a goal without a target but with check-ins was "none logged", its value
    nowhere in `list` or `status`, and `log` of a goal without any value said `?`."""
    monkeypatch.setenv("COLUMNS", "300")
    goals = vault / "goals"
    goals.mkdir()
    (goals / "Count things.md").write_text(
        "---\ntype: goal\ntitle: Count things\nstatus: active\nmetric: things\nunit: things\n"
        "baseline: 0\ncurrent: 0\n---\n# Count things\n\n## Log\n\n"
    )
    (goals / "Bare.md").write_text(
        "---\ntype: goal\ntitle: Bare\nstatus: active\n---\n# Bare\n\n## Log\n\n"
        "- 2026-11-20: met Dana\n"
    )
    (goals / "Aim.md").write_text(
        "---\ntype: goal\ntitle: Aim\nstatus: active\nmetric: talks\ntarget: 4\n---\n# Aim\n"
    )
    assert run(vault, "log", "Count things", "+2", "did two").exit_code == 0
    listed = run(vault, "--plain", "list").stdout
    assert "Count things: active, no target, current 2 things, no due date" in listed
    assert "Bare: active, none logged, no due date" in listed
    assert "Aim: active, none logged, no due date" in listed  # not "? of 4"
    status = run(vault, "--plain", "status").stdout
    assert "Count things: no target, current 2 things, pace unknown" in status
    card = run(vault, "--plain", "show", "Count things").stdout
    assert "measure: things, from 0, no target, current 2 things\n" in card
    assert "measure: talks, from 0, none logged\n" in run(vault, "--plain", "show", "Aim").stdout
    assert run(vault, "--plain", "log", "Count things").stdout.startswith(
        "Count things: no target, current 2 things\n"
    )
    bare = run(vault, "--plain", "log", "Bare").stdout
    assert bare.startswith("Bare: none logged\n") and "?" not in bare


def test_plain_wrapping_keeps_a_long_word_whole_and_counts_wide_letters(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: a path longer than a line was cut in two (read aloud as two words, and
    no longer copied whole); a line of Chinese or Japanese ran twice as wide as the
    terminal, letters counted as one column each."""
    monkeypatch.chdir(vault)
    folder = "deep/a/really/long/folder_name_without_spaces"
    (vault / folder).mkdir(parents=True)
    (vault / folder / "Vague.md").write_text("---\ntype: goal\ntitle: Vague\n---\n# Vague\n")
    wide = " ".join(["漢字漢字漢字"] * 8)
    (vault / "goals").mkdir()
    (vault / "goals" / "Wide.md").write_text(f"---\ntype: goal\ntitle: {wide}\n---\n# W\n")
    checked = run(vault, "--plain", "check", env={"COLUMNS": "40"}).stdout
    assert f"{folder}/Vague.md," in checked.splitlines()  # whole, on a line of its own
    listed = run(vault, "--plain", "list", env={"COLUMNS": "40"}).stdout.splitlines()
    assert len(listed) > 3 and max(map(columns, listed)) <= 40
    assert f"{wide}: active".replace(" ", "") in "".join("".join(listed).split())


def test_plain_wrapping_breaks_chinese_and_japanese_between_letters(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `COLUMNS=60 journal --plain status` printed a 102-character Japanese
    title on one line of 204 columns, read as one word with no space in it."""
    from journal.plain import wrapped

    # (a line is never narrower than 12 columns)
    assert wrapped("日本語の目標です", 10) == "日本語の目標\n  です\n"
    assert wrapped("ab 日本語日本語 cd", 12) == "ab 日本語日\n  本語 cd\n"
    # a Latin word, a backticked span and an emoji joined of several stay whole
    assert wrapped("学学学学学HRBP学", 12) == "学学学学\n  学HRBP学\n"
    assert wrapped("日本`journal 日本語`語", 12) == "日\n  本`journal 日本語`語\n"
    family = "👨\u200d👩\u200d👧"
    assert wrapped("学" + family * 6, 12) == f"学{family * 5}\n  {family}\n"
    # a review: no line starts with closing punctuation, none ends with an opening bracket
    text = "目標：面接の練習を毎週する。「転職」のため、ネットワークを広げる。"  # noqa: RUF001
    for width in range(12, 30):
        lines = wrapped(text, width).splitlines()
        assert "".join(line.strip() for line in lines) == text
        assert not [line for line in lines[1:] if line.strip()[0] in "、。」ー"], (width, lines)
        assert not [line for line in lines if line.rstrip()[-1] == "「"], (width, lines)
    monkeypatch.chdir(vault)
    title = (
        "人事ビジネスパートナーとして" * 7 + "昇進する目標を立てて毎週の振り返りで進捗を確かめる"
    )
    (vault / "goals").mkdir()
    (vault / "goals" / "目標.md").write_text(goal_text(title))
    lines = run(vault, "--plain", "status", env={"COLUMNS": "60"}).stdout.splitlines()
    assert max(map(columns, lines)) <= 60
    assert title in "".join(line.strip() for line in lines)


def test_plain_wrapping_keeps_a_backticked_command_whole() -> None:
    """Reported: at 40 columns a fix's `journal log "..." +1 "what you did"` was split
    over three lines; copied, it ran `journal log` alone."""
    from journal.plain import wrapped

    command = '`journal log "Finish SHRM-CP prep" +1 "what you did"`'
    out = wrapped(f"  fix: log what you did: {command} (it keeps `current` in step)", 40)
    assert out.splitlines() == [
        "  fix: log what you did:",
        f"    {command}",
        "    (it keeps `current` in step)",
    ]
    # a lone backtick is a letter like any other: the words after it still wrap
    assert wrapped("a ` bb cc dd ee ff", 12) == "a ` bb cc dd\n  ee ff\n"


def test_plain_task_text_says_the_tasks_plugin_signs_in_words(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `Intro her to Priya ⏫ 📅` / `2026-12-10`, `[due::` / `2026-11-26]` and
    `🔁 every week` were read glyph by glyph and split by the wrapping."""
    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-22")
    (vault / "meetings").mkdir()
    (vault / "meetings" / "2026-11-20 Coffee with Dana.md").write_text(
        "---\ntype: meeting\ndate: 2026-11-20\nwith: Dana\n---\n# Coffee\n"
        "- [ ] Intro her to Priya ⏫ 📅 2026-12-10\n"
        "- [ ] Send thank-you note [due:: 2026-11-26] (project:: HRBP)\n"
        "- [ ] #task send deck 📅 2026-11-30 🔁 every week \u2795 2026-11-20\n"  # created
        "- [ ] Book 🛫 2026-11-23 ⏳️ 2026-11-24 a room 🔽\n",
        encoding="utf-8",
    )
    tasks = [
        "  open: Intro her to Priya, high priority, due 2026-12-10",
        "  open: Send thank-you note, due 2026-11-26, project HRBP",
        "  open: #task send deck, due 2026-11-30, repeats every week",
        "  open: Book a room, starts 2026-11-23, scheduled 2026-11-24, low priority",
    ]
    followups = run(vault, "--plain", "followups").stdout.splitlines()
    assert followups[1:] == tasks
    status = run(vault, "--plain", "status").stdout.splitlines()
    assert all(f"  {task}" in status for task in tasks)
    normal = run(vault, "followups").stdout
    assert "Intro her to Priya ⏫ 📅 2026-12-10" in normal  # the normal mode as it was


def test_plain_names_the_file_of_goals_sharing_a_title(
    vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: an Obsidian copy `Goals/Land an HRBP role 1.md` with the same `title:`
    read as the same goal twice in `list` and `status`."""
    monkeypatch.setenv("COLUMNS", "300")
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-22")
    goal = "---\ntype: goal\ntitle: Land an HRBP role\nstatus: active\n---\n# Land\n"
    (vault / "goals").mkdir()
    for name in ("Land an HRBP role", "Land an HRBP role 1"):
        (vault / "goals" / f"{name}.md").write_text(goal)
    (vault / "goals" / "Other.md").write_text(goal.replace("Land", "Other"))
    (vault / "meetings").mkdir()
    (vault / "meetings" / "2026-11-20 Coffee.md").write_text(
        "---\ntype: meeting\ndate: 2026-11-20\nwith: Dana\ngoal: '[[Land an HRBP role]]'\n"
        "---\n- [ ] Send the deck\n"
    )
    one, copy = "Land an HRBP role (goals/Land an HRBP role.md)", "goals/Land an HRBP role 1.md"
    listed = run(vault, "--plain", "list").stdout
    assert f"{one}: active" in listed and f"Land an HRBP role ({copy}): active" in listed
    assert "Other an HRBP role: active" in listed  # a title of its own: no file named
    status = run(vault, "--plain", "status").stdout
    assert f"  {one}: none logged" in status and f"({copy}): none logged" in status
    assert f"for goal {one}" in status
    assert f"  {one}\n" in run(vault, "list").stdout  # the normal mode too (a tryout)


def test_plain_changes_and_amounts_are_words(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reported: `history` said `check-in 2026-12-06 +2 ...`, `log GOAL` `current 3 in
    the file, +1 from other notes = 4` and `show` `effort: 1 hours a week`, though the
    docs say a change reads `up 1` (not `+1`)."""
    monkeypatch.setenv("COLUMNS", "300")
    goal = repo / "goals" / "Connect with five HR leaders in my industry this quarter.md"
    text = goal.read_text(encoding="utf-8")
    goal.write_text(re.sub(r"effort: \S+", "effort: 1", text) + "- 2026-11-21: +2 Met sales\n")
    Git(repo, repo.parent / "home").commit("third", "2026-11-22")
    history = run(repo, "--plain", "history", GOAL).stdout
    assert "check-in 2026-11-21 up 2 Met sales" in history
    goal.write_text(goal.read_text(encoding="utf-8").replace("+2 Met sales", "+1 Met Sal"))
    Git(repo, repo.parent / "home").commit("fourth", "2026-11-22")
    history = run(repo, "--plain", "history", GOAL).stdout
    assert "check-in changed: 2026-11-21 up 2 Met sales to up 1 Met Sal" in history
    goal.write_text(goal.read_text(encoding="utf-8").replace("- 2026-11-21: +1 Met Sal\n", ""))
    Git(repo, repo.parent / "home").commit("fifth", "2026-11-22")
    history = run(repo, "--plain", "history", GOAL).stdout
    assert "check-in removed: 2026-11-21 up 1 Met Sal" in history
    assert "effort: 1 hour a week" in run(repo, "--plain", "show", GOAL).stdout
    (repo / "daily").mkdir(exist_ok=True)
    (repo / "daily" / "2026-11-22.md").write_text(f"- progress:: [[{goal.stem}]] +1 met Sam\n")
    log = run(repo, "--plain", "log", GOAL).stdout
    assert re.search(r"current \d+ in the file, and 1 more from other notes: \d+\n", log), log


@pytest.mark.parametrize("columns", ["40", "200"])
def test_help_lists_each_commands_first_sentence_whole(
    monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """Reported (screen-reader tryout): `journal --help` cut 9 of its 18 summaries with
    `...` at any width; what a command does was lost."""
    from click.testing import CliRunner

    from journal.cli import cli

    monkeypatch.setenv("COLUMNS", columns)
    out = CliRunner().invoke(cli, ["--help"], prog_name="journal").output
    commands = out[out.index("Commands:") :]
    assert "..." not in commands
    assert (
        " ".join(commands.split()).count("overdue, and due in the next 7 days, oldest first.") == 1
    )


def test_plain_set_log_and_done_say_a_change_in_words(
    example_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `set`, `log GOAL VALUE` and `done` said `current: (none) -> 1`, read
    aloud as "left paren none right paren dash greater than 1"."""
    monkeypatch.setenv("COLUMNS", "300")
    path = "goals/Network more.md"
    out = run(example_vault, "--plain", "set", "Network more", "current=1").stdout
    assert out == f"{path}: current from nothing to 1\n"
    out = run(example_vault, "--plain", "log", "Network more", "+1", "coffee").stdout
    assert out.startswith(f"{path}: 2026-11-22 up 1 coffee; current from 1 to 2\n"), out
    out = run(example_vault, "--plain", "done", "Network more").stdout
    assert out == (
        f"{path}: status from active to done\n{path}: completed from nothing to 2026-11-22\n"
    )
    out = run(example_vault, "--plain", "done", "Network more").stdout
    assert out == f"{path}: goal already done (status: done)\n"


def test_plain_search_says_each_hit_in_a_block_without_match_marks(
    example_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `search` marked a match `**coffee**`, read aloud as "star star"."""
    monkeypatch.setenv("COLUMNS", "40")
    out = run(example_vault, "--plain", "search", "Sam Patel").stdout
    assert "*" not in out
    assert out.startswith(
        "Sam Patel, file people/Sam Patel.md:\n"
        "  ...2026-10-21 Coffee with Sam Patel,\n"
        "    2026-11-18 Informational\n"
    ), out
    assert "  ...set up by Dana Ortiz. Sam moved\n    from HR operations to an...\n" in out
    assert "**Sam Patel**" in run(example_vault, "search", "Sam Patel").stdout


def test_a_goal_that_brings_a_number_down_is_not_read_as_a_count(
    write: Write, invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported by an HR user: `38/30 days` in status and `38 of 30 days` in plain output
    for a goal cutting time-to-hire from 45 days to 30 read as 38 of 30 done."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-06")
    write(
        "goals/Hire.md",
        goal_text("Cut time-to-hire", unit="days", baseline=45, target=30, current=38),
    )
    write("goals/Leaders.md", goal_text("Five leaders"))
    status = invoke("status").stdout
    assert "38 → 30 days" in status and "2/5 conversations" in status
    plain = invoke("--plain", "status").stdout
    assert "38 days, down to 30 days" in plain and "2 of 5 conversations" in plain
    assert (
        "Cut time-to-hire: active, 47%, 38 days, down to 30 days"
        in invoke("--plain", "list").stdout
    )
    assert invoke("log", "Cut time-to-hire").stdout.startswith("Cut time-to-hire: 38 → 30 days")
    assert "38 days, down to 30 days" in invoke("--plain", "log", "Cut time-to-hire").stdout
    records = {g["title"]: g for g in json.loads(invoke("list", "--json").stdout)}
    assert (records["Cut time-to-hire"]["down"], records["Five leaders"]["down"]) == (True, False)
    board = json.loads(invoke("status", "--json").stdout)
    assert [g["down"] for g in board["goals"]] == [True, False]
    assert "measure: HR leaders met: 45 -> 38, down to 30 days" in invoke("show", "Hire").stdout
    # past its target (a verification: `28 → 30 days` read as a number to raise)
    write(
        "goals/Hire.md",
        goal_text("Cut time-to-hire", unit="days", baseline=45, target=30, current=28),
    )
    assert "28 ≤ 30 days" in invoke("status").stdout
    assert "28 days, at or under 30 days" in invoke("--plain", "status").stdout
    assert "45 -> 28, at or under 30 days" in invoke("show", "Hire").stdout
    # no direction (kept at 0): down while above it, as the review words it (a review)
    write("goals/Zero.md", goal_text("Zero errors", unit="errors", baseline=0, target=0, current=3))
    assert "3 → 0 errors" in invoke("status").stdout
    assert "**3 errors**, down to 0 errors" in invoke("review", "--stdout").stdout
    assert "3 errors, down to 0 errors" in invoke("--plain", "status").stdout
