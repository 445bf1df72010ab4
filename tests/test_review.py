"""journal review and journal plan: golden notes, safe regeneration, hostile input."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from journal.cli import cli
from journal.core import codec
from journal.core.generated import content_hash
from tests.conftest import EXAMPLE_VAULT, REPO, Invoke, Write, goal_text
from tests.gitutil import Git

UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
SAMPLE_REVIEW = "reviews/2026-W47.md"
SAMPLE_PLAN = "plans/2026-11-23-90-day-plan.md"


def alpha_reviewed(invoke: Invoke, write: Write, vault: Path) -> Path:
    """A vault with one goal, Alpha, and this week's review made of it: the review's path."""
    write("goals/a.md", goal_text("Alpha"))
    assert invoke("review").exit_code == 0
    return vault / "reviews/2026-W47.md"


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--vault", str(root), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def regenerate_sample(example_vault: Path, rel: str, *args: str) -> None:
    """The review and plan committed in example-vault/ are exactly what the tool makes
    of it on 2026-11-22 (UPDATE_GOLDEN=1 writes them back after a deliberate change)."""
    code, out, err = run(example_vault, *args)
    assert (code, err) == (0, "")
    if UPDATE:
        (EXAMPLE_VAULT / rel).write_bytes((example_vault / rel).read_bytes())
        return
    assert out == f"{rel}: unchanged\n", f"{rel} is out of date (UPDATE_GOLDEN=1 to accept)"
    assert (example_vault / rel).read_bytes() == (EXAMPLE_VAULT / rel).read_bytes()


def test_the_sample_vaults_review_is_what_the_tool_makes(example_vault: Path) -> None:
    regenerate_sample(example_vault, SAMPLE_REVIEW, "review")


def test_the_sample_vaults_plan_is_what_the_tool_makes(example_vault: Path) -> None:
    regenerate_sample(example_vault, SAMPLE_PLAN, "plan")


def test_a_first_review_of_the_sample_vault_is_the_committed_one(example_vault: Path) -> None:
    (example_vault / SAMPLE_REVIEW).unlink()
    code, out, _ = run(example_vault, "review")
    assert (code, out) == (0, f"{SAMPLE_REVIEW}: created\n")
    assert (example_vault / SAMPLE_REVIEW).read_bytes() == (
        EXAMPLE_VAULT / SAMPLE_REVIEW
    ).read_bytes()


def test_the_same_vault_and_date_give_byte_identical_notes(example_vault: Path) -> None:
    (example_vault / SAMPLE_REVIEW).unlink()
    run(example_vault, "review")
    path = example_vault / "reviews/2026-W47.md"
    first = path.read_bytes()
    stat = path.stat()
    code, out, _ = run(example_vault, "review")
    assert (code, out) == (0, "reviews/2026-W47.md: unchanged\n")
    assert path.read_bytes() == first and path.stat().st_mtime_ns == stat.st_mtime_ns
    _, printed, _ = run(example_vault, "review", "--stdout")
    assert printed.encode() == first


def test_stdout_and_dry_run_write_nothing(example_vault: Path) -> None:
    shutil.rmtree(example_vault / "reviews")
    shutil.rmtree(example_vault / "plans")
    _, printed, _ = run(example_vault, "review", "--stdout")
    assert printed.startswith("---\ntype: review\nweek: 2026-W47\n")
    code, out, _ = run(example_vault, "review", "--dry-run")
    assert (code, out) == (0, "reviews/2026-W47.md: would create\n")
    run(example_vault, "plan", "--stdout")
    assert not (example_vault / "reviews").exists() and not (example_vault / "plans").exists()


@pytest.mark.parametrize("how", ["--stdout", "--dry-run", None])
@pytest.mark.parametrize(
    ("command", "rel", "damage", "said"),
    [
        ("review", SAMPLE_REVIEW, ("type: review", "type: 4.5"), ": is a '4.5' note, not a review"),
        ("review", SAMPLE_REVIEW, ("week: ", "week: \xf4"), ":3: not editing this note: not valid"),
        ("plan", SAMPLE_PLAN, ("type: plan", 'type: "plan'), ":2: not editing this note: invalid"),
    ],
)
def test_every_variant_names_the_note_it_refuses(
    example_vault: Path,
    how: str | None,
    command: str,
    rel: str,
    damage: tuple[str, str],
    said: str,
) -> None:
    """Reported: `review --stdout` (and `--dry-run`, and `plan`'s) said `journal: is a
    '4.5' note, ...` or `journal: not editing this note: ...`, naming no file, where
    writing said `reviews/2026-W47.md:11: not editing this note: ...`."""
    path = example_vault / rel
    path.write_bytes(path.read_bytes().replace(*(s.encode("latin-1") for s in damage), 1))
    code, _, err = run(example_vault, command, *([how] if how else []))
    assert code != 0
    assert err.startswith(rel + said), err


def test_a_review_whose_front_matter_a_second_bom_hides_is_not_written(
    example_vault: Path,
) -> None:
    """Reported with a goal: a doubled BOM hid a note's front matter, and `journal review`
    wrote a second block of properties over the review's."""
    path = example_vault / SAMPLE_REVIEW
    path.write_bytes(b"\xef\xbb\xbf\xef\xbb\xbf" + path.read_bytes())
    before = path.read_bytes()
    code, _, err = run(example_vault, "review")
    assert code == 1
    assert err.startswith(f"{SAMPLE_REVIEW}:1: not editing this note: the file starts with two")
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "name", "start", "end"),
    [
        (("--date", "2026-12-31"), "2026-W53", "2026-12-28", "2027-01-03"),
        (("--date", "2027-01-01"), "2026-W53", "2026-12-28", "2027-01-03"),
        (("--week", "2026-W53"), "2026-W53", "2026-12-28", "2027-01-03"),
        (("--date", "2027-01-04"), "2027-W01", "2027-01-04", "2027-01-10"),
        (("--date", "2024-12-30"), "2025-W01", "2024-12-30", "2025-01-05"),
    ],
)
def test_weeks_are_iso_weeks_across_year_boundaries(
    invoke: Invoke,
    write: Write,
    vault: Path,
    args: tuple[str, ...],
    name: str,
    start: str,
    end: str,
) -> None:
    write("goals/a.md", goal_text("Alpha"))
    result = invoke("review", *args)
    assert result.exit_code == 0, result.stderr
    note = codec.decode((vault / f"reviews/{name}.md").read_bytes())
    assert note.data is not None
    assert (note.data["week"], note.data["start"], note.data["end"]) == (name, start, end)


def test_bad_week_and_both_options_are_usage_errors(invoke: Invoke, write: Write) -> None:
    """The options are checked before the notes are read: a typo gets its one line,
    not the vault's warnings first (reported, with a goal's `Status:`)."""
    write("goals/a.md", goal_text("Alpha").replace("status: active", "Status: active"))
    assert invoke("review", "--week", "2025-W53").exit_code == 2
    both = invoke("review", "--week", "2026-W47", "--date", "2026-11-20")
    assert both.exit_code == 2 and "not both" in both.stderr
    for args in (("--week", "2026-47"), ("--date", "2026-13-01")):
        typo = invoke("review", *args)
        assert typo.exit_code == 2 and typo.stderr.count("\n") == 1, typo.stderr
        assert typo.stderr.startswith(f"journal: {args[0]}: "), typo.stderr
    assert "goals/a.md:5: warning: " in invoke("review", "--stdout").stderr


def test_regeneration_keeps_every_word_the_user_wrote(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    path = alpha_reviewed(invoke, write, vault)
    text = path.read_text()
    text = text.replace(
        "### What went well?\n", "### What went well?\nCoffee with Dana went great.\n"
    )
    text = text.replace("---\n# Weekly", "mood: good\n---\n# Weekly", 1)
    text += "\nA closing thought of mine.\n"
    path.write_text(text)
    assert invoke("log", "alpha", "+2", "lunch").exit_code == 0
    result = invoke("review")
    assert result.exit_code == 0 and result.stdout == "reviews/2026-W47.md: updated\n"
    new = path.read_text()
    assert "Coffee with Dana went great." in new and "A closing thought of mine." in new
    assert "\nmood: good\n" in new
    assert "**4** of 5 conversations (from 0)" in new  # the scoreboard was refreshed
    assert new.replace("**4** of 5", "**2** of 5").replace("| +2 |", "| +1 |") != text


def test_text_typed_into_a_link_of_a_review_or_plan_is_kept_and_reported(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `[[Alpha|my words]]` typed in a generated section was deleted by the
    next run, which said "updated", as if Obsidian had rewritten the link."""
    path = alpha_reviewed(invoke, write, vault)
    assert invoke("plan").exit_code == 0
    plan = vault / "plans/2026-11-23-90-day-plan.md"
    for note, typed, name in (
        (path, "[[a|DROP it, agreed with Priya]]", "scoreboard"),
        (plan, "[[a#Why I keep skipping this]]", "targets"),
    ):
        note.write_text(note.read_text().replace("| [[a]] |", f"| {typed} |", 1))
        again = invoke("plan" if note == plan else "review")
        assert again.exit_code == 0
        assert f"kept your edits in the '{name}' section" in again.stderr
        assert typed in note.read_text()


def test_an_edit_inside_a_generated_section_is_kept_until_forced(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    path = alpha_reviewed(invoke, write, vault)
    edited = path.read_text().replace("## Scoreboard\n", "## Scoreboard\nMy note in the table.\n")
    path.write_text(edited)
    invoke("log", "alpha", "+1")
    kept = invoke("review")
    assert kept.exit_code == 0
    assert "kept your edits in the 'scoreboard' section" in kept.stderr
    assert "My note in the table." in path.read_text()
    assert "**2** of 5" in path.read_text()  # the kept section is the user's version
    dry = invoke("review", "--force", "--dry-run")  # found in review: it said "replaced"
    assert dry.stderr == (
        "reviews/2026-W47.md: would replace your edits in the 'scoreboard' section (--force)\n"
    )
    assert "My note in the table." in path.read_text()
    forced = invoke("review", "--force")
    assert forced.exit_code == 0  # and it says what it replaced (reported: it did not)
    assert forced.stderr == (
        "reviews/2026-W47.md: replaced your edits in the 'scoreboard' section (--force)\n"
    )
    assert "My note in the table." not in path.read_text()
    assert "**3** of 5" in path.read_text()


def test_check_names_a_generated_section_kept_for_its_edits(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found by an HR user: a line typed into W45's Networking section kept that section
    as it was on every later `journal review --week 2026-W45`, told only on stderr at the
    time; the note then said one thing there and another elsewhere for weeks."""
    path = alpha_reviewed(invoke, write, vault)

    def h026() -> list[dict[str, object]]:
        found = json.loads(invoke("check", "--json").stdout)
        return [f for f in found if f["rule"] == "H026"]

    assert h026() == []  # as the tool wrote it
    text = path.read_text()
    line = text[: text.index("<!-- journal:begin scoreboard")].count("\n") + 1
    path.write_text(text.replace("## Scoreboard\n", "## Scoreboard\nNOTE TO SELF: ask Dana\n"))
    assert h026() == [
        {
            "rule": "H026",
            "severity": "hint",
            "path": "reviews/2026-W47.md",
            "line": line,
            "message": "the 'scoreboard' section holds your edits, so `journal review --week "
            "2026-W47` keeps it as it is: it is no longer updated",
            "suggestion": "move your text out of the section (above or below its markers) and "
            "run `journal review --week 2026-W47` again, or `journal review --week 2026-W47 "
            "--force` to drop it; if that run says the review template no longer makes the "
            "section (--force leaves such a section alone), delete the section, markers too, "
            "once your text is out",
        }
    ]
    assert invoke("review", "--force").exit_code == 0
    assert h026() == []
    plan = vault / invoke("plan", "--json").stdout.split('"path": "')[1].split('"')[0]
    assert h026() == []  # a plan as the tool wrote it
    plan.write_text(plan.read_text().replace("## Weekly targets\n", "## Weekly targets\nmine\n"))
    (found,) = h026()
    assert found["path"] == "plans/2026-11-23-90-day-plan.md"
    assert (
        "`journal plan --start 2026-11-23 --days 90 --force` to drop it; if that run says "
        "the plan template no longer makes" in str(found["suggestion"])
    )


def test_a_note_of_another_type_at_the_review_path_is_refused(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    original = "---\ntype: goal\ntitle: Not a review\n---\nmine\n"
    write("reviews/2026-W47.md", original)
    result = invoke("review")
    assert result.exit_code == 1 and "not a review" in result.stderr
    assert (vault / "reviews/2026-W47.md").read_text() == original


def test_a_note_without_sections_gets_them_after_the_users_text(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    write("goals/a.md", goal_text("Alpha"))
    write("reviews/2026-W47.md", "---\ntags: [weekly]\n---\n# My week\n\nObsidian made this.\n")
    assert invoke("review").exit_code == 0
    text = (vault / "reviews/2026-W47.md").read_text()
    assert text.startswith("---\ntags: [weekly]\ntype: review\n")
    assert "# My week\n\nObsidian made this.\n\n<!-- journal:begin period" in text


def test_two_processes_generating_the_same_week(write: Write, vault: Path) -> None:
    write("goals/a.md", goal_text("Alpha"))
    env = {**os.environ, "JOURNAL_VAULT": str(vault)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "journal", "review"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outcomes = []
    for process in runs:
        out, err = process.communicate(timeout=60)
        outcomes.append((process.returncode, out, err))
    assert all(code == 0 for code, _, _ in outcomes), outcomes
    actions = sorted(out.strip().rsplit(" ", 1)[-1] for _, out, _ in outcomes)
    assert actions.count("created") == 1 and set(actions) <= {"created", "unchanged", "updated"}
    assert sorted(p.name for p in (vault / "reviews").iterdir()) == ["2026-W47.md"]
    single = CliRunner().invoke(cli, ["--vault", str(vault), "review", "--stdout"]).stdout
    assert (vault / "reviews/2026-W47.md").read_text() == single


def test_hostile_goal_titles_cannot_break_the_note(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    title = 'Plan: Q3 | "quoted" [[x]] #tag\n---\ntype: hacked'
    props = {
        "type": "goal",
        "id": "hostile",
        "title": title,
        "target": 5,
        "current": 1,
        "start": "2026-11-01",
        "due": "2026-12-31",
        "milestones": [{"title": title, "due": "2026-12-01"}],
    }
    write("goals/hostile.md", codec.new_note_text(props, "# body\n"))
    write("goals/b.md", goal_text("Beta"))
    result = invoke("review")
    assert result.exit_code == 0, result.stderr
    doc = codec.decode((vault / "reviews/2026-W47.md").read_bytes())
    assert doc.data is not None and doc.data["type"] == "review"
    assert doc.data["goals"] == ["[[b]]", "[[hostile]]"]
    rows = [line for line in doc.body.splitlines() if line.startswith("| [[")]
    assert len(rows) == 2 and all(row.count(" | ") == 4 for row in rows)
    chart = doc.body.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert all(":" not in line.split(" :", 1)[0] for line in chart.splitlines()[4:])
    plan = invoke("plan", "--stdout")
    assert plan.exit_code == 0 and codec.parse_text(plan.stdout).data["type"] == "plan"  # type: ignore[index]
    tables = [block for block in plan.stdout.split("\n\n") if block.startswith("| ")]
    assert len(tables) == 2  # the goals, their weekly targets
    for table in tables:
        rows = [row for row in table.splitlines() if row.startswith("|")]
        assert len({len(re.split(r"(?<!\\)\|", row)) for row in rows}) == 1
    # its column is headed by its short name: 24 characters at most, its pipe escaped
    assert '\n| Week | Days | Beta | Plan: Q3 \\| "quoted" | Milestones (goal) |\n' in plan.stdout
    assert '\n| Plan: Q3 \\| "quoted" | [[hostile]] | 1 | 5 | 2026-12-31 |\n' in plan.stdout
    assert (  # the milestone's goal by its title as text: no link, no tag
        '| Plan: Q3 \\| "quoted" [[x]] #tag --- type: hacked (goal: Plan: Q3 \\| "quoted" '
        "\\[\\[x]] \\#tag --- type: hacked) |"
    ) in plan.stdout


def test_marker_like_text_in_goals_and_meetings_is_shown_not_taken_for_a_marker(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: a milestone titled with a section marker, or a meeting outcome holding
    one, made review and plan fail, blaming the shipped template. A comment that ends
    is left out of the review (as markdown hides it); one that doesn't is shown."""
    title = "Document the <!-- journal:begin NAME HASH marker format"
    write("goals/a.md", goal_text("Alpha", milestones=f'[{{title: "{title}", due: 2026-11-26}}]'))
    write(
        "meetings/m.md",
        "---\ntype: meeting\ndate: 2026-11-18\nkind: coffee\n"
        "outcome: agreed <!-- journal:end networking --> next\n---\n",
    )
    for command in ("review", "plan"):
        result = invoke(command)
        assert (result.exit_code, result.stderr) == (0, ""), command
    review = (vault / "reviews/2026-W47.md").read_text()
    assert "- Document the <\\!-- journal:begin NAME HASH marker format · [[a]]" in review
    assert ": agreed next\n" in review
    plan = (vault / "plans/2026-11-23-90-day-plan.md").read_text()
    assert "Document the <\\!-- journal:begin NAME HASH marker format (goal: Alpha)" in plan
    assert invoke("review").stdout == "reviews/2026-W47.md: unchanged\n"


def test_a_vault_template_override_is_used(invoke: Invoke, write: Write, vault: Path) -> None:
    write("goals/a.md", goal_text("Alpha"))
    write(
        ".journal/templates/review.md.j2",
        '# Week {{ review.week }}\n{% filter section("score") %}\n'
        "{% for g in review.scoreboard %}- {{ g.goal }} {{ g.current }}\n{% endfor %}"
        "{% endfilter %}\n",
    )
    assert invoke("review").exit_code == 0
    body = codec.decode((vault / "reviews/2026-W47.md").read_bytes()).body
    assert body.startswith("# Week 2026-W47\n<!-- journal:begin score ")
    assert "- [[a]] 2\n" in body


@pytest.mark.parametrize(
    ("template", "line", "words"),
    [
        ("# {{ review.week }\n", 1, "template error"),
        ("# ok\n\n{{ review.scorebord[0] }}\n", 3, "scorebord"),
        ("{% for x in review.scoreboard %}\n{{ x.nope() }}\n{% endfor %}\n", 2, "nope"),
    ],
)
def test_a_broken_override_names_file_and_line_and_writes_nothing(
    invoke: Invoke, write: Write, vault: Path, template: str, line: int, words: str
) -> None:
    write("goals/a.md", goal_text("Alpha"))
    write(".journal/templates/review.md.j2", template)
    result = invoke("review")
    assert result.exit_code == 1
    assert f"review.md.j2:{line}: " in result.stderr and words in result.stderr
    assert "Traceback" not in result.output
    assert not (vault / "reviews").exists()


def test_review_name_pattern_from_config(invoke: Invoke, write: Write, vault: Path) -> None:
    write(".journal/config.toml", '[review]\nname = "{year}/Week {number}"\n')
    write("goals/a.md", goal_text("Alpha"))
    assert invoke("review").stdout == "reviews/2026/Week 47.md: created\n"
    write(".journal/config.toml", '[review]\nname = "{wek}"\n')
    bad = invoke("review")
    assert bad.exit_code == 1 and "unknown token {wek}" in bad.stderr
    write(".journal/config.toml", '[review]\nname = "{year}/:::"\n')
    bad = invoke("review")
    assert bad.exit_code == 1
    assert bad.stderr == (
        ".journal/config.toml:2: 'review.name': ':::' has no character a file name can hold "
        '(not : ? * < > | " \\ / # ^ [ ], nor only dots, ~ and spaces)\n'
    )


def test_the_plan_calls_out_capacity_and_drives_the_reviews_pace(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    write(".journal/config.toml", "[goals]\nhours_per_week = 3\n")
    write("goals/a.md", goal_text("Alpha", effort=2, start="2026-11-01", confidence=8))
    write("goals/b.md", goal_text("Beta", effort=2, kind="activity", start="2026-11-01"))
    result = invoke("plan", "--start", "2026-11-16", "--days", "28")
    assert result.exit_code == 0, result.stderr
    plan = (vault / "plans/2026-11-16-28-day-plan.md").read_text()
    capacity = plan.split("## Capacity", 1)[1].split("<!-- journal:end", 1)[0]
    assert "**Over capacity:** 3 hours a week are available" in capacity
    assert "\n- 2026-W47 to 2026-W50 (4 h/week): [[b]] (2 h)\n" in capacity
    doc = codec.decode(plan.encode())
    assert doc.data is not None and doc.data["targets"][0]["goal"] == "alpha"
    review = invoke("review", "--stdout").stdout
    assert "by the plan" in review and "[[2026-11-16-28-day-plan]]" in review


def test_this_week_in_git_appears_only_in_a_repository(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    from tests.gitutil import Git

    write("goals/a.md", goal_text("Alpha"))
    assert "## This week in git" not in invoke("review", "--stdout").stdout
    git = Git(vault, tmp_path / "home").init()
    git.commit("add alpha", "2026-11-10")
    write("goals/a.md", goal_text("Alpha", status="done", current=5))
    git.commit("alpha done", "2026-11-18")
    review = invoke("review", "--stdout").stdout
    assert "## This week in git" in review
    assert "- Completed: [[a]]" in review


def test_review_commit_commits_only_the_review(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    from tests.gitutil import Git

    write("goals/a.md", goal_text("Alpha"))
    git = Git(vault, tmp_path / "home").init()
    git.commit("add alpha", "2026-11-10")
    write("notes/scratch.md", "unrelated\n")
    result = CliRunner(env=git.env).invoke(cli, ["--vault", str(vault), "review", "--commit"])
    assert result.exit_code == 0, result.stderr
    assert git("show", "--name-only", "--format=%s", "HEAD").split() == [
        "journal:",
        "weekly",
        "review",
        "2026-W47",
        "reviews/2026-W47.md",
    ]
    assert "?? notes/" in git("status", "--porcelain")


def test_shipped_templates_exist_for_review_and_plan() -> None:
    names = {p.name for p in (REPO / "templates").glob("*.j2")}
    assert {"review.md.j2", "plan.md.j2"} <= names


GANTT_LINE = re.compile(
    r"gantt|    dateFormat YYYY-MM-DD|    axisFormat %b %d(?: %Y)?|    todayMarker off"
    r"|    acc(?:Title|Descr): [^:#;%\n]+"
    r"|    section [^:#;%\n]+"
    r"|    [A-Za-z][^:#;%\n]* :(?:done, )?(?:milestone, )?[a-z0-9]+, \d{4}-\d\d-\d\d, "
    r"(?:\d{4}-\d\d-\d\d|0d)"
)


@pytest.mark.parametrize("name", [SAMPLE_REVIEW, SAMPLE_PLAN])
def test_gantt_charts_use_only_the_mermaid_syntax_we_checked(name: str) -> None:
    """Each line of our charts is one of the forms checked against mermaid's own parser
    (mermaid 10, by hand: see docs/templates.md); task names never start with a digit."""
    text = (EXAMPLE_VAULT / name).read_text()
    chart = text.split("```mermaid\n", 1)[1].split("```", 1)[0]
    bad = [line for line in chart.splitlines() if not GANTT_LINE.fullmatch(line)]
    assert bad == []


def test_the_review_is_written_where_obsidian_expects_the_weekly_note(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Calendar plugin: Monday weeks, weekly notes in `Weekly/` named `GGGG-[W]WW`."""
    write(".obsidian/community-plugins.json", '["calendar"]')
    write(
        ".obsidian/plugins/calendar/data.json",
        '{"weekStart": "monday", "weeklyNoteFolder": "Weekly", "weeklyNoteFormat": "GGGG-[W]WW"}',
    )
    write("goals/a.md", goal_text("Alpha"))
    write("Weekly/2026-W53.md", "# My week\n\nwritten in Obsidian\n")
    assert invoke("review").stdout == "Weekly/2026-W47.md: created\n"
    result = invoke("review", "--date", "2027-01-01")
    assert result.stdout == "Weekly/2026-W53.md: updated\n"
    text = (vault / "Weekly/2026-W53.md").read_text()  # yours: sections only, no properties
    assert text.startswith("# My week\n\nwritten in Obsidian\n\n<!-- journal:begin period")
    assert (vault / "Weekly/2026-W47.md").read_text().startswith("---\ntype: review\n")


def test_a_review_of_the_week_left_beside_the_weekly_note_is_told(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in a tryout: with weekly notes set up after a review was made, the review went
    into Obsidian's weekly note, and `reviews/2026-W47.md`, with what was written in it,
    stayed beside it without a word."""
    write("goals/a.md", goal_text("Alpha"))
    assert invoke("review").stdout == "reviews/2026-W47.md: created\n"
    write(".obsidian/community-plugins.json", '["calendar"]')
    write(
        ".obsidian/plugins/calendar/data.json",
        '{"weekStart": "monday", "weeklyNoteFolder": "Weekly", "weeklyNoteFormat": "GGGG-[W]WW"}',
    )
    write("Weekly/2026-W47.md", "# My week\n")
    result = invoke("review")
    assert result.stdout == "Weekly/2026-W47.md: updated\n"
    assert result.stderr == (
        "journal: reviews/2026-W47.md is a review of 2026-W47 too, beside Weekly/2026-W47.md: "
        "merge what you wrote in it into Weekly/2026-W47.md and delete it\n"
    )
    (vault / "reviews/2026-W47.md").unlink()
    assert invoke("review").stderr == ""


@pytest.mark.parametrize("option", ["--week", "--date"])
def test_an_empty_week_or_date_is_a_usage_error(invoke: Invoke, option: str) -> None:
    result = invoke("review", option, "", "--stdout")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"{option}: " in result.stderr


def test_the_current_week_by_label_is_seen_as_of_today(
    example_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-19")
    plain = run(example_vault, "review", "--stdout")
    by_label = run(example_vault, "review", "--week", "2026-W47", "--stdout")
    assert plain[0] == 0 and by_label == plain
    assert "No check-in for 80 days" in plain[1] and "Due in 14 days (2026-12-03)" in plain[1]
    past = run(example_vault, "review", "--week", "2026-W46", "--stdout")[1]
    assert "No check-in for 76 days" in past  # a past week is seen from its last day


def test_a_day_ahead_is_seen_as_of_today_as_its_week_is(
    example_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: `--date` a week ahead listed follow-ups and milestones overdue on a day
    that had not come, where `--week` of the same week saw it from today."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-22")
    ahead = run(example_vault, "review", "--date", "2026-12-10", "--stdout")
    assert ahead[0] == 0 and ahead == run(example_vault, "review", "--week", "2026-W50", "--stdout")
    assert "No check-in for 83 days" in ahead[1]  # as of 11-22, not of 12-10 (101 days)


def test_a_due_day_at_the_end_of_the_calendar_is_a_bad_value_not_a_crash(
    invoke: Invoke, write: Write
) -> None:
    """Reported: `due: 9999-12-31` (a "no deadline") crashed `journal review` with an
    OverflowError; `--date 0001-01-07` too."""
    write("goals/far.md", goal_text("Far", due="9999-12-31"))
    review = invoke("review", "--stdout")
    assert review.exit_code == 0, review.stderr
    assert "goals/far.md:" in review.stderr and "out of range" in review.stderr
    early = invoke("review", "--date", "0001-01-07", "--stdout")
    assert early.exit_code == 2 and "out of range" in early.stderr


def attention_of(text: str) -> str:
    return text.split("## Needs attention", 1)[1].split("<!-- journal:end", 1)[0]


def test_a_problem_the_review_lists_is_not_repeated_as_a_smart_finding(
    invoke: Invoke, write: Write
) -> None:
    quiet = goal_text("Quiet", start="2026-09-01", due="2027-03-01").split("## Log")[0]
    write("goals/quiet.md", quiet)
    write("goals/late.md", goal_text("Late", start="2026-09-01", due="2026-11-01"))
    attention = attention_of(invoke("review", "--stdout").stdout)
    assert "- No check-in for 82 days (rhythm 1w): [[quiet]]\n" in attention
    assert "- Past due by 21 days and still active: [[late]]\n" in attention
    assert "- SMART R001 (warning) [[quiet]]" in attention  # other findings stay
    assert "T006" not in attention and "T002" not in attention


def test_an_overdue_milestone_is_in_check_and_under_needs_attention(
    invoke: Invoke, write: Write
) -> None:
    """Found in a tryout: a milestone 30 days overdue showed only in the review's
    Milestones list; `journal check` and Needs attention said nothing."""
    late = "[{title: First draft reviewed, due: 2026-10-23}]"
    write("goals/playbook.md", goal_text("Playbook", start="2026-09-01", milestones=late))
    said = "milestone 1 'First draft reviewed' is 30 days overdue (due 2026-10-23) and not done"
    assert said in invoke("check", "--select", "T013").stdout
    review = invoke("review", "--stdout").stdout
    assert f"- SMART T013 (warning) [[playbook]]: {said}\n" in attention_of(review)
    # done since: the week it was overdue in still says so, this week no more
    done = "[{title: First draft reviewed, due: 2026-10-23, done: 2026-11-18}]"
    write("goals/playbook.md", goal_text("Playbook", start="2026-09-01", milestones=done))
    assert "T013" not in attention_of(invoke("review", "--stdout").stdout)
    past = attention_of(invoke("review", "--week", "2026-W45", "--stdout").stdout)
    assert (
        "- SMART T013 (warning) [[playbook]]: milestone 1 'First draft reviewed' is 16 days" in past
    )


def test_a_goal_at_its_target_is_not_listed_as_due_soon(invoke: Invoke, write: Write) -> None:
    """Reported: a goal at 8 of 8, still active, was listed as `Due in 12 days` beside
    its M008 hint: at its target it is at no risk of missing its due day."""
    write("goals/reached.md", goal_text("Reached", target=8, current=8, due="2026-12-04"))
    write("goals/open.md", goal_text("Open", target=8, current=7, due="2026-12-04"))
    attention = attention_of(invoke("review", "--stdout").stdout)
    assert "- Due in 12 days (2026-12-04): [[open]]\n" in attention
    assert "Due in 12 days (2026-12-04): [[reached]]" not in attention
    assert "- SMART M008 (hint) [[reached]]: the goal has reached its target" in attention


def test_a_goal_at_its_target_is_asked_to_be_marked_done_and_a_done_one_for_nothing(
    invoke: Invoke, write: Write
) -> None:
    """Reported: a goal at 3 of 3 was asked for a check-in ("No check-in for 17 days"),
    and a done goal's typo warning stayed under Needs attention though it had left the
    scoreboard."""
    reached = goal_text("Reached", start="2026-09-01", due="2027-03-01", current=5, why="x")
    write("goals/reached.md", reached.split("## Log")[0])
    done = goal_text("Finished", start="2026-09-01", efort=3, completed="2026-11-02")
    write("goals/finished.md", done.replace("status: active", "status: done"))
    write("goals/typo.md", goal_text("Typo", start="2026-09-01", efort=3))
    attention = attention_of(invoke("review", "--stdout").stdout)
    assert (
        "[[reached]]: the goal has reached its target (5 conversations against a target of 5)"
        in attention
    )
    told = [line for line in attention.splitlines() if "[[reached]]" in line]
    assert any("SMART M008 (hint)" in line for line in told)
    assert not any("T006" in line or "No check-in" in line for line in told)
    # an active goal's: still listed, labelled by its group (reported: "SMART H012")
    assert "- Hygiene H012 (warning) [[typo]]" in attention
    assert "SMART H" not in attention
    assert "[[finished]]" not in attention
    assert "goals/finished.md:\n   13  H012" in invoke("check").stdout  # check still does
    # a past week judges by the value then: 0 of 5, so no M008 (the check's is today's)
    write("goals/reached.md", reached.split("## Log")[0] + "## Log\n\n- 2026-11-20: +5\n")
    assert "M008" in invoke("check", "--select", "M008").stdout
    past = attention_of(invoke("review", "--week", "2026-W45", "--stdout").stdout)
    assert "M008" not in past and "No check-in for 68 days (rhythm 1w): [[reached]]" in past
    # a goal done this week is on the scoreboard: its findings stay
    write("goals/finished.md", done.replace("2026-11-02", "2026-11-20"))
    assert "[[finished]]: `efort`" in attention_of(invoke("review", "--stdout").stdout)


def test_a_goal_that_counts_down_needs_to_drop_and_no_unit_leaves_no_gap(
    invoke: Invoke, write: Write
) -> None:
    write(
        "goals/weight.md",
        goal_text("Weight", metric="kg", unit="", baseline=80, target=70, current=78),
    )
    review = invoke("review", "--stdout").stdout
    row = next(line for line in review.splitlines() if line.startswith("| [[weight]]"))
    assert "| **78**, down to 70 (from 80) |" in row
    assert "needs to drop 1.4/week" in row and "-1.4" not in row


def test_a_goal_past_its_target_reads_in_its_own_direction(invoke: Invoke, write: Write) -> None:
    """Reported: a count goal past its target (3 of 2) read `**3 interviews**, down to 2
    interviews`, and a goal counting down past its (28 for 30, from 45) `**28** of 30
    days`: the words followed the value against the target, not baseline to target."""
    write("goals/hold.md", goal_text("Hold", unit="interviews", target=2, current=3))
    write("goals/cut.md", goal_text("Cut", unit="days", baseline=45, target=30, current=28))
    write("goals/up.md", goal_text("Up", unit="days", baseline=45, target=30, current=50))
    write("goals/zero.md", goal_text("Zero", unit="errors", baseline=0, target=0, current=3))
    rows = {
        r.split("]]")[0][4:]: r.split(" | ")[2]
        for r in invoke("review", "--stdout").stdout.splitlines()
        if r.startswith("| [[")
    }
    assert rows == {
        "cut": "**28 days**, down to 30 days (from 45)",
        "hold": "**3** of 2 interviews (from 0)",
        "up": "**50 days**, down to 30 days (from 45)",  # gone the wrong way: still down
        "zero": "**3 errors**, down to 0 errors (from 0)",  # no direction: the way left
    }


def test_on_its_due_day_a_goal_needs_what_is_left_by_the_end_of_it(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: on its due day a goal's row said no "needs" (`behind (expected 75)`),
    where the day before said `needs to drop 28/week`: the target is for the end of the
    due day, so what is left is still needed, by then."""
    weight = goal_text("Weight", unit="kg", baseline=82, target=75, current=79, start="2026-10-01")
    write("goals/weight.md", weight.replace("due: 2026-12-31", "due: 2026-12-30"))
    milestones = "[{title: First draft reviewed, due: 2026-11-06}]"
    playbook = goal_text("Playbook", unit="playbooks", target=1, current=0, milestones=milestones)
    write("goals/playbook.md", playbook.split("## Log")[0])

    def needs(day: str) -> dict[str, str]:
        monkeypatch.setenv("JOURNAL_TODAY", day)
        rows = invoke("review", "--stdout").stdout.splitlines()
        return {r.split("]]")[0][4:]: r.rsplit(" | ", 1)[1] for r in rows if r.startswith("| [[")}

    assert needs("2026-12-29") == {
        "playbook": "behind (milestone First draft reviewed overdue 53 days) · needs 1 by "
        "2026-12-31, in 2 days |",
        "weight": "behind (expected 76) · needs to drop 28 kg/week |",  # whole kg: the line at 75.1
    }
    assert (
        needs("2026-12-30")["weight"]
        == "behind (expected 75) · needs to drop 4 by 2026-12-30, today |"
    )
    assert needs("2026-12-31") == {
        "playbook": "behind (milestone First draft reviewed overdue 55 days) · needs 1 by "
        "2026-12-31, today |",
        "weight": "behind (expected 75) |",  # the day after: past due, no more to say
    }


def test_the_chart_shows_a_goal_short_of_its_target_short_of_it(
    invoke: Invoke, write: Write
) -> None:
    """Reported: goals 99.99% and 99.75% of the way were `Almost (100 pct)` and `Half (100
    pct)` with their bars all done, where the scoreboard said 99%; and 1/8 of the way
    was 12% (a half to the even number)."""
    for title, current, target in (("Almost", 999.9, 1000), ("Half", 199.5, 200), ("Eighth", 1, 8)):
        write(
            f"goals/{title}.md",
            goal_text(title, current=current, target=target, start="2026-11-01", due="2026-11-30"),
        )
    review = invoke("review", "--stdout").stdout
    for title, shown in (("Almost", "99"), ("Half", "99"), ("Eighth", "13")):
        assert f"    section {title} ({shown} pct)" in review
    assert "| [[Almost]] | 99% █████████░ |" in review
    assert "| [[Half]] | 99% █████████░ |" in review
    assert "| [[Eighth]] | 13% █░░░░░░░░░ |" in review
    # 30 days to the end of the due day: 99% of them done, not all; 1/8 of them 3.75: 4
    assert "done :done, g1a, 2026-11-01, 2026-11-30\n    to go :g1b, 2026-11-30," in review
    assert "done :done, g3a, 2026-11-01, 2026-11-30\n    to go :g3b, 2026-11-30," in review
    assert "done :done, g2a, 2026-11-01, 2026-11-05\n" in review


def test_the_chart_keeps_to_a_window_around_the_review_day() -> None:
    from datetime import date

    from journal.core.goal import Goal
    from journal.core.review import gantt

    def goal(title: str, start: str, due: str) -> Goal:
        return Goal(
            path=f"goals/{title}.md",
            title=title,
            baseline=0,
            target=10,
            current=5,
            start=date.fromisoformat(start),
            due=date.fromisoformat(due),
        )

    chart = gantt(
        [
            goal("Short", "2026-11-01", "2026-12-31"),
            goal("Long", "2025-01-01", "2028-06-30"),
            goal("Later", "2027-06-01", "2027-12-31"),
        ],
        date(2026, 11, 22),
        lambda g: g.current,
        lambda g: "behind" if g.title == "Long" else "on track",
    )
    # the description counts the goals shown, not Later
    assert "\n    accDescr: Of 2 goals, 1 is behind (Long) and 1 on track, each a bar" in chart
    dates = re.findall(
        r"\d{4}-\d\d-\d\d", chart.replace("2025-01-01", "").replace("2028-06-30", "")
    )
    assert min(dates) == "2026-05-24" and max(dates) == "2027-02-21"
    assert "    section Long (50 pct, from 2025-01-01, due 2028-06-30)" in chart
    # cut at the window's start; half of its 1277 days is 638.5: 639, a half up
    assert "    done :done, g2a, 2026-05-24, 2026-10-02" in chart
    assert "    section Short (50 pct)" in chart and "Later" not in chart
    assert "    axisFormat %b %d %Y" in chart  # the window crosses a year
    assert "axisFormat %b %d\n" in gantt(
        [goal("Short", "2026-11-01", "2026-12-31")],
        date(2026, 11, 22),
        lambda g: g.current,
        lambda g: "on track",
    )
    assert "axisFormat %b %d %Y\n" in gantt(  # the review day is in the next year
        [goal("Ended", "2025-10-01", "2025-12-20")],
        date(2026, 1, 1),
        lambda g: g.current,
        lambda g: "on track",
    )


def test_chart_names_are_cut_at_a_word_boundary() -> None:
    from journal.core.review import gantt_text

    title = "Two informational interviews that lead to insight into an HRBP role"
    assert gantt_text(title) == "Two informational interviews that lead to insight into an…"
    assert gantt_text("Plan: Q3; #1 at 50%") == "Plan Q3 1 at 50 pct"
    # reported: a plan's milestone "Module 2 done (25%)" was `Module 2 done (25 pct )`
    assert (
        gantt_text("Module 2 done (25%), then 50%off") == "Module 2 done (25 pct), then 50 pct off"
    )
    assert gantt_text("Learn <b>SQL</b> now") == "Learn b SQL /b now"  # no HTML in Mermaid
    assert gantt_text("x" * 70) == "x" * 59 + "…"
    # reported: `Budget | Q1 review !-- secret -- done`, the words hidden in a comment shown
    assert gantt_text("Budget | Q1 review <!-- secret --> done") == "Budget | Q1 review done"


def test_a_run_of_percent_signs_in_a_chart_name_reads_one_pct() -> None:
    """Reported (tryout): "Grow NPS 20%%" was charted `Grow NPS 20 pct pct`, each `%`
    read apart.  A run of them (`%%` opens a Mermaid comment, `%%{` a directive, so none
    is left) reads as one `pct`."""
    from journal.core.review import gantt_text

    assert gantt_text("Grow NPS 20%%") == "Grow NPS 20 pct"
    assert gantt_text("100%% done") == "100 pct done"
    assert gantt_text("%%{init: x}%% setup") == "pct{init x} pct setup"
    assert gantt_text("Up 5%%%, then 50%%off") == "Up 5 pct, then 50 pct off"


@pytest.mark.parametrize(
    "name",
    [
        "Click through the module 3 quiz",
        "2027-01-05 demo day",
        "Gantt chart",
        "topAxis done",
        "Title page of the capstone",
        "Excludes list",
        "includes: all of it",
        "todayMarker off",
        "Section 5 done",
        "Weekday monday standup",
        "inclusiveEndDates done",
        "dateFormat practice",
        "AccTitle review",
    ],
)
def test_a_chart_name_that_mermaid_reads_as_a_statement_starts_with_a_zero_width_space(
    name: str,
) -> None:
    """Reported (tryout, checked with mermaid 11): a plan milestone "Title page of the
    capstone" became the chart's title, "Section 5 done" a section, and "Click through
    the module 3 quiz" or "2027-01-05 demo day" broke the chart in Obsidian."""
    from journal.core.review import gantt_text

    shown = gantt_text(name)
    assert shown.startswith("\u200b") and shown[1:] == gantt_text(f"x {name}")[2:]


def test_other_chart_names_start_as_written() -> None:
    from journal.core.review import gantt_text

    for name in ("Clicks on my profile", "Sections written: 3", "Normal one", "Page title done"):
        assert not gantt_text(name).startswith("\u200b")


def test_a_chart_description_names_a_goal_without_the_zero_width_space(
    invoke: Invoke, write: Write
) -> None:
    """Reported (tryout): the plan's `accDescr` named `the first \u200bSection 5 done`,
    the guard a task's name needs at the start of its line (Mermaid reads "Section" there
    as a statement) put in the middle of the description too, where it is read aloud."""
    write("goals/s.md", goal_text("Section 5 done", current=0, start="2026-09-01"))
    review = invoke("review", "--stdout").stdout
    plan = invoke("plan", "--stdout").stdout
    for chart in (review, plan):
        assert "    section \u200bSection 5 done" in chart, chart
        [described] = [line for line in chart.split("\n") if line.startswith("    accDescr: ")]
        assert "Section 5 done" in described and "\u200b" not in described, described


def test_a_percent_in_a_title_reads_pct_in_the_review_and_plan_charts(
    invoke: Invoke, write: Write
) -> None:
    """Reported: "Raise team engagement score to 75%" was charted as `section Raise team
    engagement score to 75 (15 pct, ...)`, in the review and in the plan: the `%` Mermaid
    can't have reads ` pct`, as the labels write the progress."""
    title = "Raise team engagement score to 75%"
    props = {"unit": "'%'", "baseline": 62, "current": 64, "target": 75, "start": "2026-10-01"}
    write("goals/e.md", goal_text(title, **props))
    review = invoke("review", "--stdout").stdout
    assert "    section Raise team engagement score to 75 pct (" in review, review
    plan = invoke("plan", "--stdout").stdout
    assert "    section Raise team engagement score to 75 pct\n" in plan, plan


def networking_of(text: str) -> str:
    return text.split("## Networking\n\n", 1)[1].split("\n<!-- journal:end", 1)[0]


def test_follow_ups_overdue_for_over_four_weeks_are_counted_not_listed(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """All but the 3 due last of those overdue for over 4 weeks are counted in one line;
    those 3 stay listed, so a review where every follow-up owed is old still names
    someone (a tryout: it named nobody)."""
    meeting = "---\ntype: meeting\ndate: {day}\nfollow_up_by: {by}\n---\n"
    write("meetings/recent.md", meeting.format(day="2026-10-20", by="2026-10-27"))
    old = (
        ("old", "2026-10-24"),
        ("older", "2026-06-01"),
        ("c", "2026-07-01"),
        ("d", "2026-08-01"),
        ("e", "2026-09-01"),
    )
    for name, by in old:  # 29 days and more
        write(f"meetings/{name}.md", meeting.format(day="2026-05-25", by=by))
    section = networking_of(invoke("review", "--stdout", "--date", "2026-11-22").stdout)
    listed = [line for line in section.splitlines() if line.startswith("- **overdue")]
    assert listed == [
        "- **overdue 113 days** (due 2026-08-01) · [[d]]",
        "- **overdue 82 days** (due 2026-09-01) · [[e]]",
        "- **overdue 29 days** (due 2026-10-24) · [[old]]",
        "- **overdue 26 days** (due 2026-10-27) · [[recent]]",
    ]
    assert (
        "- and 2 more follow-ups overdue for over 4 weeks, the oldest due 2026-06-01:"
        " `journal followups` lists them\n" in section
    )
    write(
        "meetings/recent.md",
        "---\ntype: meeting\ndate: 2026-10-20\nfollow_up_by: 2026-10-27\n"
        "follow_up_done: 2026-10-28\n---\n",
    )
    section = networking_of(invoke("review", "--stdout", "--date", "2026-11-22").stdout)
    assert "- none due" not in section
    assert "- **overdue 29 days** (due 2026-10-24) · [[old]]\n" in section  # someone is still named
    assert (
        "\n- and 2 more follow-ups overdue for over 4 weeks, the oldest due 2026-06-01: "
        "`journal followups` lists them\n\nTick a follow-up's tasks" in section
    )
    write(
        "meetings/e.md",
        "---\ntype: meeting\ndate: 2026-05-25\nfollow_up_by: 2026-09-01\n"
        "follow_up_done: 2026-09-02\n---\n",
    )
    section = networking_of(invoke("review", "--stdout", "--date", "2026-11-22").stdout)
    assert "more follow-up" not in section  # one left over: listed, not counted
    assert "- **overdue 174 days** (due 2026-06-01) · [[older]]" in section


def test_a_few_follow_ups_overdue_for_over_four_weeks_are_listed_not_folded(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in a tryout: the only overdue follow-up, owed for over 4 weeks, read "and 1
    more follow-up overdue for over 4 weeks, due 2026-12-12": a line counting up to
    three saves nothing, so they are listed as the others."""
    meeting = "---\ntype: meeting\ndate: {day}\nfollow_up_by: {by}\n---\n"
    write("meetings/old.md", meeting.format(day="2026-10-01", by="2026-10-12"))
    section = networking_of(invoke("review", "--stdout", "--date", "2026-11-22").stdout)
    assert section.startswith(
        "### Follow-ups\n\n- **overdue 41 days** (due 2026-10-12) · [[old]]\n\nTick"
    )
    write("meetings/recent.md", meeting.format(day="2026-11-10", by="2026-11-20"))
    for name, by in (("older", "2026-06-01"), ("c", "2026-07-01")):
        write(f"meetings/{name}.md", meeting.format(day="2026-05-25", by=by))
    section = networking_of(invoke("review", "--stdout", "--date", "2026-11-22").stdout)
    listed = [line for line in section.splitlines() if line.startswith("- **overdue")]
    assert listed == [
        "- **overdue 174 days** (due 2026-06-01) · [[older]]",
        "- **overdue 144 days** (due 2026-07-01) · [[c]]",
        "- **overdue 41 days** (due 2026-10-12) · [[old]]",
        "- **overdue 2 days** (due 2026-11-20) · [[recent]]",
    ]
    assert "more follow-up" not in section


def test_needs_attention_says_how_many_follow_ups_are_overdue(invoke: Invoke, write: Write) -> None:
    """Reported: with a follow-up overdue 9 days under Networking, Needs attention said
    `- nothing: every goal is checked in, on time and SMART`.  It counts them, the
    folded ones too, with the oldest's days; a follow-up only due is not owed yet."""
    meeting = "---\ntype: meeting\ndate: {day}\nfollow_up_by: {by}\n---\n"
    write("meetings/soon.md", meeting.format(day="2026-11-20", by="2026-11-25"))
    attention = attention_of(invoke("review", "--stdout").stdout)
    assert "follow-up" not in attention and "- nothing: every goal" in attention
    write("meetings/ann.md", meeting.format(day="2026-11-06", by="2026-11-13"))
    attention = attention_of(invoke("review", "--stdout").stdout)
    assert attention == "\n\n- 1 follow-up overdue 9 days: see Networking\n"
    for name, by in (("b", "2026-06-01"), ("c", "2026-07-01"), ("d", "2026-08-01")):
        write(f"meetings/{name}.md", meeting.format(day="2026-05-25", by=by))
    write("meetings/e.md", meeting.format(day="2026-05-25", by="2026-05-30"))  # folded
    attention = attention_of(invoke("review", "--stdout").stdout)
    assert attention == "\n\n- 5 follow-ups overdue, the oldest 176 days: see Networking\n"


def test_generated_sections_hold_no_checkboxes_so_ticks_go_to_the_notes(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    milestones = '[{title: Draft list, due: "2026-11-20"}]'
    write("goals/a.md", goal_text("Alpha", milestones=milestones))
    write(
        "meetings/2026-11-18 Coffee.md",
        "---\ntype: meeting\ndate: 2026-11-18\nfollow_up_by: 2026-11-25\n---\n"
        "## Follow-up\n\n- [ ] Send the article\n- [x] Say thanks\n",
    )
    assert invoke("review").exit_code == 0
    path = vault / "reviews/2026-W47.md"
    text = path.read_text()
    assert "- Draft list · [[a]] · due 2026-11-20, **overdue 2 days**\n" in text
    assert "\n    - Send the article\n" in text and "Say thanks" not in text
    assert "[ ]" not in text and "[x]" not in text
    assert "`journal done GOAL --milestone TITLE`" in text
    assert "Tick a follow-up's tasks in its meeting note" in text
    (vault / "meetings/2026-11-18 Coffee.md").write_text(
        "---\ntype: meeting\ndate: 2026-11-18\nfollow_up_by: 2026-11-25\n---\n"
        "## Follow-up\n\n- [x] Send the article\n- [x] Say thanks\n"
    )
    assert invoke("done", "alpha", "--milestone", "Draft list").exit_code == 0
    result = invoke("review")
    assert (result.exit_code, result.stderr) == (0, "")
    text = path.read_text()
    assert "Send the article" not in text and "- Draft list ·" not in text


def test_journal_done_records_the_day_and_the_review_counts_it_as_a_win(
    example_vault: Path,
) -> None:
    goal = example_vault / "goals/Present the engagement survey results to the leadership team.md"
    before = goal.read_text()
    code, out, _ = run(example_vault, "done", "Present the engagement", "--date", "2026-11-20")
    shown = "goals/Present the engagement survey results to the leadership team.md"
    assert (code, out) == (
        0,
        f"{shown}: status: active -> done\n{shown}: completed: (none) -> 2026-11-20\n",
    )
    front, body = before.split("\n---\n", 1)
    front = front.replace("\nstatus: active\n", "\nstatus: done\n")
    assert goal.read_text() == f"{front}\ncompleted: 2026-11-20\n---\n{body}"
    review = run(example_vault, "review", "--stdout")[1]
    link = "[[Present the engagement survey results to the leadership team]]"
    assert f"- Completed: {link}\n" in review
    row = next(line for line in review.splitlines() if line.startswith(f"| {link}"))
    assert row.endswith("| done |")
    assert f'  - "{link}"\n' in review.split("---", 2)[1]
    next_week = run(example_vault, "review", "--week", "2026-W48", "--stdout")[1]
    assert link not in next_week.split("---", 2)[1] and "- Completed:" not in next_week


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (("log", "Attend two HR", "+1", "panel"), "journal log"),
        (("done", "Post on LinkedIn"), "journal done"),
        (("done", "Complete the People", "--milestone", "1"), "journal done"),
    ],
)
def test_a_check_in_or_completion_after_today_is_refused(
    example_vault: Path, args: tuple[str, ...], command: str
) -> None:
    before = {p: p.read_bytes() for p in example_vault.rglob("*.md")}
    code, out, err = run(example_vault, *args, "--date", "2026-12-22")
    assert (code, out) == (2, "")
    assert f"--date 2026-12-22 is after today (2026-11-22): {command} records" in err
    assert {p: p.read_bytes() for p in example_vault.rglob("*.md")} == before


def test_a_past_weeks_review_shows_a_goal_completed_later_as_active_then(
    invoke: Invoke, write: Write
) -> None:
    write(
        "goals/a.md", goal_text("Alpha", status="done", completed="2026-11-19", start="2026-10-01")
    )
    past = invoke("review", "--week", "2026-W46", "--stdout").stdout
    row = next(line for line in past.splitlines() if line.startswith("| [[a]]"))
    assert "| done |" not in row and "behind" in row
    assert "- Completed:" not in past
    this_week = invoke("review", "--stdout").stdout
    assert "- Completed: [[a]]" in this_week
    assert invoke("review", "--week", "2026-W48", "--stdout").stdout.count("[[a]]") == 0


def test_set_status_done_records_the_day_unless_given(invoke: Invoke, write: Write) -> None:
    path = write("goals/a.md", goal_text("Alpha"))
    write("goals/b.md", goal_text("Beta"))
    assert invoke("set", "alpha", "status=done").stdout == (
        "goals/a.md: status: active -> done\ngoals/a.md: completed: (none) -> 2026-11-22\n"
    )
    assert "\ncompleted: 2026-11-22\n" in path.read_text()
    assert invoke("set", "alpha", "status=done").stdout == "goals/a.md: unchanged\n"
    invoke("set", "beta", "status=done", "completed=2026-11-17")
    assert "\ncompleted: 2026-11-17\n" in (path.parent / "b.md").read_text()
    bad = invoke("set", "beta", "completed=someday")
    assert bad.exit_code == 2 and "completed" in bad.stderr


def test_a_completion_date_outside_the_week_is_no_win_even_with_a_check_in(
    invoke: Invoke, write: Write
) -> None:
    write("goals/a.md", goal_text("Alpha", status="done", completed="2026-11-02"))
    review = invoke("review", "--stdout").stdout
    assert "- Completed:" not in review and "[[a]]" not in review.split("## Wins")[0]


def test_the_links_to_the_weeks_around_refresh_when_their_reviews_appear(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    path = alpha_reviewed(invoke, write, vault)
    assert "\n2026-11-16 to 2026-11-22\n" in path.read_text()
    assert invoke("review", "--week", "2026-W48").exit_code == 0
    assert invoke("review", "--week", "2026-W46").exit_code == 0
    result = invoke("review")
    assert (result.stdout, result.stderr) == ("reviews/2026-W47.md: updated\n", "")
    assert (
        "\n2026-11-16 to 2026-11-22 · previous: [[2026-W46]] · next: [[2026-W48]]\n"
        in path.read_text()
    )


def period_block(text: str) -> str:
    """The period section of a review, its markers too."""
    start = text.index("<!-- journal:begin period ")
    return text[start : text.index("<!-- journal:end period -->", start)]


def test_writing_a_weeks_review_gives_last_weeks_its_next_link_and_nothing_else(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reported case: after the review of 2026-W49 was written, W48's still read
    `... · previous: [[2026-W47]]`, with no next link; `review --week 2026-W48` gave it
    one, and rewrote its Needs attention from today's files too.  Writing W48 gives W47
    its link: its period section alone changes, a run again changes nothing."""
    path = alpha_reviewed(invoke, write, vault)
    path.write_text(path.read_text() + "Mine.\n")
    before = path.read_text()
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-29")
    result = invoke("review")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "reviews/2026-W48.md: created\nreviews/2026-W47.md: next link added\n"
    after = path.read_text()
    line = "2026-11-16 to 2026-11-22 · next: [[2026-W48]]"
    changed = [(a, b) for a, b in zip(before.split("\n"), after.split("\n"), strict=True) if a != b]
    assert [b for _a, b in changed] == [
        f"<!-- journal:begin period {content_hash(line)} -->",
        line,
    ]
    again = invoke("review", "--week", "2026-W47", "--stdout").stdout
    assert period_block(again) == period_block(after)  # what it is made again with
    result = invoke("review")
    assert (result.stdout, result.stderr) == ("reviews/2026-W48.md: unchanged\n", "")
    write("goals/a.md", goal_text("Alpha", current=3))
    assert invoke("review").stdout == "reviews/2026-W48.md: updated\n"
    assert path.read_text() == after


@pytest.mark.parametrize(
    "change",
    [
        ("2026-11-16 to 2026-11-22\n", "2026-11-16 to 2026-11-22 · theme: hiring\n"),
        ("Alpha", "Alpha"),  # a template of the user's, its period line without links
    ],
)
def test_last_weeks_review_keeps_a_period_line_not_the_templates_without_its_next_link(
    invoke: Invoke,
    write: Write,
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: tuple[str, str],
) -> None:
    """Its period line edited (no link added to what the user wrote), or made by a
    template that shows no next link: last week's review is left as it is, unsaid."""
    if change[0] == "Alpha":
        write(
            ".journal/templates/review.md.j2",
            '# {{ review.week }}\n\n{% filter section("period") %}\n{{ review.start }} to '
            "{{ review.end }}\n{% endfilter %}\n",
        )
    path = alpha_reviewed(invoke, write, vault)
    path.write_text(path.read_text().replace(*change))
    before = path.read_bytes()
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-29")
    result = invoke("review")
    assert (result.stdout, result.stderr) == ("reviews/2026-W48.md: created\n", "")
    assert path.read_bytes() == before


def test_last_weeks_review_gets_its_next_link_in_its_own_line_endings(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = alpha_reviewed(invoke, write, vault)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-29")
    assert "reviews/2026-W47.md: next link would be added" in invoke("review", "--dry-run").stdout
    assert invoke("review").exit_code == 0
    text = path.read_bytes()
    assert b"\r\n2026-11-16 to 2026-11-22 \xc2\xb7 next: [[2026-W48]]\r\n" in text
    assert b"\n" not in text.replace(b"\r\n", b"")


def test_this_week_in_git_is_added_once_the_vault_is_a_repository(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    from tests.gitutil import Git

    path = alpha_reviewed(invoke, write, vault)
    assert "<!-- journal:begin git " in path.read_text()  # empty, hidden, ready
    git = Git(vault, tmp_path / "home").init()
    git.commit("add alpha", "2026-11-10")
    write("goals/a.md", goal_text("Alpha", status="done", current=5))
    git.commit("alpha done", "2026-11-18")
    result = invoke("review")
    assert (result.exit_code, result.stderr) == (0, "")
    text = path.read_text()
    assert "## This week in git\n\n- Completed: [[a]]" in text
    assert text.index("## Wins") < text.index("## This week in git") < text.index("## Progress")


def test_an_older_review_gains_the_sections_it_never_had(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """A note made before a section existed (no record of its sections) gets the new
    sections once; a section removed after that is not added back."""
    path = alpha_reviewed(invoke, write, vault)
    made = path.read_text()
    git_section = re.search(r"<!-- journal:begin git .*?<!-- journal:end git -->\n\n", made, re.S)
    assert git_section is not None
    old = re.sub(r"<!-- journal:sections[^>]*-->\n", "", made.replace(git_section.group(), ""))
    path.write_text(old + "\nMy own closing words.\n")
    result = invoke("review")
    assert (result.stdout, result.stderr) == ("reviews/2026-W47.md: updated\n", "")
    assert path.read_text() == made + "\nMy own closing words.\n"
    wins = re.search(r"<!-- journal:begin wins .*?<!-- journal:end wins -->\n\n", made, re.S)
    assert wins is not None
    path.write_text(made.replace(wins.group(), ""))
    result = invoke("review")
    assert result.stdout == "reviews/2026-W47.md: unchanged\n"
    assert "the 'wins' section was removed from the note; not added back" in result.stderr
    # reported: --force put it back without a word (only --json said so)
    dry = invoke("review", "--force", "--dry-run")
    assert "would add back the 'wins' section you removed (--force)" in dry.stderr
    forced = invoke("review", "--force")
    assert forced.stdout == "reviews/2026-W47.md: updated\n" and path.read_text() == made
    assert (
        forced.stderr
        == "reviews/2026-W47.md: added back the 'wins' section you removed (--force)\n"
    )


def test_the_review_lists_the_weeks_check_ins_with_the_note_they_were_made_in(
    invoke: Invoke, write: Write
) -> None:
    log = "- 2026-11-09: +1 too early\n- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n"
    write("goals/a.md", goal_text("Alpha").split("## Log")[0] + "## Log\n\n" + log)
    write("goals/b.md", goal_text("Beta").split("## Log")[0])
    write("daily/2026-11-18.md", "# Wed\n\nprogress:: [[a]] =1 recounted\n")
    write("daily/2026-11-23.md", "progress:: [[a]] +1 next week\n")
    review = invoke("review", "--stdout").stdout
    section = review.split("## Check-ins\n\n", 1)[1].split("\n<!-- journal:end", 1)[0]
    assert section == (
        "### [[a]]\n\n"
        "- 2026-11-18 · =1 · recounted · in [[2026-11-18]]\n"
        "- 2026-11-20 · +1 · Coffee with [[Dana Ortiz]]"
    )
    quiet = invoke("review", "--week", "2026-W45", "--stdout").stdout
    assert "- none this week (record one with `journal log GOAL +1 NOTE`" in quiet


def test_a_check_ins_block_id_is_shown_as_a_link_to_its_line_not_as_text(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: a daily note's `progress:: [[Talks|the talks]] +1 finished book 4 ^d1`
    showed `finished book 4 ^d1 · in [[2026-11-21]]`; the block id links to the line."""
    write("goals/talks.md", goal_text("Talks").replace("Coffee with", "Coffee with ^c1 and"))
    write(
        "goals/talks.md",
        (vault / "goals/talks.md").read_text() + "- 2026-11-19: +1 met Sam ^log1\n",
    )
    write("daily/2026-11-21.md", "# Sat\n\nprogress:: [[Talks|the talks]] +1 finished book 4 ^d1\n")
    review = invoke("review", "--stdout").stdout
    checkins = review.split("## Check-ins")[1].split("<!-- journal:end checkins")[0]
    assert "- 2026-11-19 · +1 · met Sam\n" in checkins
    assert "- 2026-11-20 · +1 · Coffee with ^c1 and [[Dana Ortiz]]\n" in checkins  # mid-line
    assert "- 2026-11-21 · +1 · finished book 4 · in [[2026-11-21#^d1]]\n" in checkins


def test_check_ins_that_count_for_no_goal_need_attention(invoke: Invoke, write: Write) -> None:
    write("goals/a.md", goal_text("Alpha"))
    write("daily/2026-11-18.md", "# Wed\n\nprogress:: [[Old name of alpha]] +1 coffee\n")
    write("goals/b.md", goal_text("Beta") + "\nprogress:: [[b]] +1 in its own note\n")
    attention = attention_of(invoke("review", "--stdout").stdout)
    assert (
        "- Check-in not counted ([[2026-11-18]], line 3): `progress:: [[Old name of alpha]]` "
        "links to no note, so it counts for no goal\n" in attention
    )
    assert "- Check-in not counted ([[b]], line 19): `progress::` in the goal's own note" in (
        attention
    )
    assert "H010" not in attention  # listed once, not again as a SMART finding
    # reported: a past week's review cited a note written after it
    past = attention_of(invoke("review", "--week", "2026-W46", "--stdout").stdout)
    assert "[[2026-11-18]]" not in past and "Check-in not counted ([[b]]" in past


def test_a_goal_quiet_since_a_meeting_for_it_names_the_meeting(
    invoke: Invoke, write: Write
) -> None:
    """A tryout: "No check-in for 12 days" in the week of an informational interview
    held for that goal read as if nothing had been done; the meeting is named, with what
    to do (a check-in records what it moved)."""
    write("goals/a.md", goal_text("Alpha").replace("2026-11-20", "2026-11-08"))
    write("goals/b.md", goal_text("Beta", id="beta").replace("2026-11-20", "2026-11-08"))
    meeting = "---\ntype: meeting\ndate: {day}\ngoal: '[[{goal}]]'\n---\n"
    write("meetings/early.md", meeting.format(day="2026-11-05", goal="a"))
    write("meetings/talk.md", meeting.format(day="2026-11-18", goal="a"))
    write("meetings/before.md", meeting.format(day="2026-11-06", goal="b"))
    write("meetings/later.md", meeting.format(day="2026-11-25", goal="b"))  # after the day
    attention = attention_of(invoke("review", "--stdout").stdout)
    assert (
        "- No check-in for 14 days (rhythm 1w): [[a]]; met for it 2026-11-18 ([[talk]]): "
        "log what that moved, `+0` if nothing\n" in attention
    )
    assert "- No check-in for 14 days (rhythm 1w): [[b]]\n" in attention


def test_many_uncounted_check_ins_are_summed_up(invoke: Invoke, write: Write) -> None:
    write("goals/a.md", goal_text("Alpha"))
    for day in range(1, 16):
        write(f"daily/2026-10-{day:02}.md", "progress:: [[Gone]] +1\n")
    attention = attention_of(invoke("review", "--stdout").stdout)
    assert attention.count("- Check-in not counted") == 10
    assert "- and 5 more check-ins not counted: `journal check --select H010` lists them\n" in (
        attention
    )


def wins_of(text: str) -> str:
    return text.split("## Wins\n\n", 1)[1].split("\n<!-- journal:end", 1)[0]


def test_a_meeting_a_goal_counts_is_one_thing_that_moved_not_two(
    invoke: Invoke, write: Write
) -> None:
    """A tryout: a goal counting its meetings (``metric_source: meetings``) made each
    meeting of the week a check-in too, and the week read "6 check-ins, 4 meetings"."""
    write(
        "goals/chats.md",
        "---\ntype: goal\ntitle: Coffee chats\nstatus: active\nmetric_source: meetings\n"
        "target: 10\ndue: 2026-12-31\n---\n",
    )
    meeting = "---\ntype: meeting\ndate: {day}\ngoal: '[[chats]]'\n---\n"
    write("meetings/m1.md", meeting.format(day="2026-11-17"))
    write("meetings/m2.md", meeting.format(day="2026-11-19"))
    write("goals/a.md", goal_text("Alpha"))  # a check-in on 2026-11-20 in its log
    write("daily/2026-11-20.md", "progress:: [[a]] +1 a step\n")
    text = invoke("review", "--stdout").stdout
    assert "[[m1]]" in text.split("## Check-ins", 1)[1]  # still listed as the goal's
    assert wins_of(text) == (
        "- no goal or milestone completed this week; 2 check-ins and 2 meetings moved things along"
    )


def test_a_goal_that_reached_its_target_in_the_week_is_a_win_of_that_week(
    invoke: Invoke, write: Write
) -> None:
    """A tryout: the week a referrals goal reached 2/2 through its meetings, still active,
    the review's Wins said "no goal or milestone completed this week"."""
    write(
        "goals/referrals.md",
        "---\ntype: goal\ntitle: Referrals\nstatus: active\nmetric_source: meetings\n"
        "baseline: 0\ntarget: 2\nunit: referrals\ndue: 2026-12-31\n---\n",
    )
    meeting = "---\ntype: meeting\ndate: {day}\ngoal: '[[referrals]]'\n---\n"
    write("meetings/m1.md", meeting.format(day="2026-11-10"))
    write("meetings/m2.md", meeting.format(day="2026-11-18"))
    log = "## Log\n\n- 2026-11-11: +5 all five\n"  # reached its target the week before
    write("goals/a.md", goal_text("Alpha", current=5).split("## Log")[0] + log)
    cut = "## Log\n\n- 2026-11-17: =0 all revised\n"  # counts down, from 12 to 0
    write(
        "goals/cut.md",
        goal_text("Cut", baseline=12, target=0, current=0, unit="revisions").split("## Log")[0]
        + cut,
    )
    wins = wins_of(invoke("review", "--stdout").stdout)
    assert wins == (
        "- Reached its target: [[cut]] down to 0 revisions (from 12)\n"
        "- Reached its target: [[referrals]] 2/2 referrals"
    )
    before = wins_of(invoke("review", "--week", "2026-W46", "--stdout").stdout)
    assert before == "- Reached its target: [[a]] 5/5 conversations"  # not [[referrals]], 1/2


def test_a_week_without_wins_says_so_neutrally_and_names_what_happened(
    invoke: Invoke, write: Write
) -> None:
    log = "".join(f"- 2026-11-{day}: +1 step\n" for day in (16, 17, 18, 19, 20))
    write("goals/a.md", goal_text("Alpha").split("## Log")[0] + "## Log\n\n" + log)
    write("daily/2026-11-21.md", "progress:: [[a]] +1 from the daily note\n")
    meeting = "---\ntype: meeting\ndate: {day}\nfollow_up_by: {by}\nfollow_up_done: {done}\n---\n"
    write("meetings/m1.md", meeting.format(day="2026-11-18", by="2026-11-25", done="false"))
    write("meetings/m0.md", meeting.format(day="2026-11-02", by="2026-11-09", done="2026-11-19"))
    write("meetings/old.md", meeting.format(day="2026-10-02", by="2026-10-09", done="2026-10-10"))
    wins = wins_of(invoke("review", "--stdout").stdout)
    assert wins == (
        "- no goal or milestone completed this week; 6 check-ins, 1 meeting and 1 closed "
        "follow-up moved things along"
    )
    quiet = wins_of(invoke("review", "--week", "2026-W38", "--stdout").stdout)
    assert quiet == (
        "- no goal or milestone completed this week, and no check-in, meeting or follow-up recorded"
    )
    one = wins_of(invoke("review", "--week", "2026-W41", "--stdout").stdout)
    assert one == (
        "- no goal or milestone completed this week; 1 closed follow-up moved things along"
    )


def test_each_line_of_this_week_in_git_says_its_event_once(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    from tests.gitutil import Git

    git = Git(vault, tmp_path / "home").init()
    write("goals/a.md", goal_text("Alpha"))
    git.commit("add alpha", "2026-11-10")
    write("goals/b.md", goal_text("Beta", area="hr"))
    write("goals/c.md", goal_text("Gamma"))
    git.commit("add beta", "2026-11-16")
    write("goals/b.md", goal_text("Beta", current=3, area="people"))
    write("goals/c.md", goal_text("Gamma", status="dropped"))
    git.commit("beta +1", "2026-11-17")
    assert invoke("done", "Alpha", "--date", "2026-11-18").exit_code == 0
    git.commit("alpha done", "2026-11-18")
    review = invoke("review", "--stdout").stdout
    section = review.split("## This week in git\n\n", 1)[1].split("\n<!-- journal:end", 1)[0]
    assert section.splitlines() == [
        "- Completed: [[a]]",
        "- Dropped: [[c]]: created (status active, current 2, target 5 conversations, due "
        "2026-12-31)",
        "- Created: [[b]] (status active, current 2, target 5 conversations, due 2026-12-31): "
        "current 2 -> 3; area: hr -> people",
    ]


def test_a_goal_deleted_in_the_week_is_listed_as_deleted(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """Found in a tryout: the sample goal of `journal init`, deleted in the week it was
    made, read "Created: Hold three informational interviews (status active, ...):
    deleted"; a goal made earlier and deleted read "Changed: ...: deleted"."""
    from tests.gitutil import Git

    git = Git(vault, tmp_path / "home").init()
    write("goals/a.md", goal_text("Alpha"))
    git.commit("add alpha", "2026-11-10")
    write("goals/b.md", goal_text("Beta"))
    git.commit("add beta", "2026-11-16")
    write("goals/a.md", goal_text("Alpha", current=3))
    git.commit("alpha +1", "2026-11-17")
    (vault / "goals/a.md").unlink()
    (vault / "goals/b.md").unlink()
    git.commit("delete both", "2026-11-18")
    review = invoke("review", "--stdout").stdout
    section = review.split("## This week in git\n\n", 1)[1].split("\n<!-- journal:end", 1)[0]
    assert section.splitlines() == [
        "- Deleted: Alpha: current 2 -> 3",
        "- Deleted: Beta (created this week)",
    ]


def test_a_past_weeks_git_lines_link_a_goal_moved_since_where_it_is_now(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    from tests.gitutil import Git

    git = Git(vault, tmp_path / "home").init()
    write("goals/a.md", goal_text("Alpha"))
    write("goals/b.md", goal_text("Beta").replace("id: beta\n", ""))  # followed by path
    git.commit("add", "2026-11-03")
    write("goals/a.md", goal_text("Alpha", current=3))
    write("goals/b.md", goal_text("Beta", current=4).replace("id: beta\n", ""))
    git.commit("progress", "2026-11-10")
    (vault / "goals" / "archive").mkdir()
    (vault / "goals/a.md").rename(vault / "goals/archive/Alpha renamed.md")
    (vault / "goals/b.md").rename(vault / "goals/archive/Beta renamed.md")
    git.commit("move", "2026-11-17")
    review = invoke("review", "--stdout", "--week", "2026-W46").stdout
    section = review.split("## This week in git\n\n", 1)[1].split("\n<!-- journal:end", 1)[0]
    assert section.splitlines() == [
        "- Changed: [[Alpha renamed]]: current 2 -> 3",
        "- Changed: [[Beta renamed]]: current 2 -> 4",
    ]


def test_a_review_renamed_by_hand_is_regenerated_where_it_is(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    path = alpha_reviewed(invoke, write, vault)
    renamed = path.with_name("2026-W47 Friday.md")
    path.rename(renamed)
    renamed.write_text(renamed.read_text() + "\nMy reflections.\n")
    write("goals/b.md", goal_text("Beta"))
    result = invoke("review")
    assert result.exit_code == 0
    assert "reviews/2026-W47 Friday.md" in result.stdout
    assert sorted(p.name for p in (vault / "reviews").iterdir()) == ["2026-W47 Friday.md"]
    text = renamed.read_text()
    assert "[[b]]" in text and text.endswith("\nMy reflections.\n")
    week = invoke("review", "--week", "2026-W48", "--stdout").stdout
    assert "[[2026-W47 Friday]]" in week  # the link to the previous week finds it too


def test_two_reviews_of_the_week_both_moved_are_named_and_none_made(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Found in review: with the week's review renamed and a copy of it under another
    name, `journal review` made a third review, at the planned place, without the
    user's text, and `watch --regenerate` said there was no review of the week."""
    path = alpha_reviewed(invoke, write, vault)
    (vault / "reviews/Week 47.md").write_text(path.read_text() + "\nMine.\n")
    path.rename(vault / "reviews/Fifty.md")
    write("goals/b.md", goal_text("Beta"))
    result = invoke("review")
    assert result.exit_code == 1
    assert result.stderr == (
        "journal: reviews/Fifty.md and reviews/Week 47.md are both reviews of 2026-W47 (their"
        " `week` property) and neither is at reviews/2026-W47.md: merge them into one and"
        " delete the other\n"
    )
    assert sorted(p.name for p in (vault / "reviews").iterdir()) == ["Fifty.md", "Week 47.md"]
    assert "Mine." in (vault / "reviews/Week 47.md").read_text()
    shown = invoke("review", "--stdout")  # writes nothing: shows the week as it would be
    assert shown.exit_code == 0 and "[[b]]" in shown.stdout


def test_a_broken_marker_is_reported_at_its_line_in_the_file(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    path = alpha_reviewed(invoke, write, vault)
    lines = path.read_text().splitlines(keepends=True)
    begin = next(i for i, line in enumerate(lines, 1) if "journal:begin checkins" in line)
    path.write_text("".join(line for line in lines if "journal:end checkins" not in line))
    write("goals/b.md", goal_text("Beta"))  # the note's `goals:` would grow by a line
    before = path.read_bytes()
    result = invoke("review")
    assert result.exit_code == 1
    assert result.stderr == (
        f"reviews/2026-W47.md:{begin}: section 'checkins' has no matching end marker\n"
    )
    assert path.read_bytes() == before


def test_text_typed_beside_an_end_marker_is_named_at_its_line(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `<!-- journal:end wins --> oops` was told "section 'wins' has no
    matching end marker" at the begin line, where the end marker stands, spoilt."""
    path = alpha_reviewed(invoke, write, vault)
    text = path.read_text().replace("<!-- journal:end wins -->", "<!-- journal:end wins --> oops")
    path.write_text(text)
    line = text.splitlines().index("<!-- journal:end wins --> oops") + 1
    result = invoke("review")
    assert result.exit_code == 1
    assert result.stderr == (
        f"reviews/2026-W47.md:{line}: '<!-- journal:end wins --> oops' is not a valid end "
        "marker alone at the start of its line: move what you typed beside it\n"
    )
    assert path.read_text() == text
    # found in review: one quoted in prose is no marker of the user's (nor one indented
    # in code); the section has none, as before
    quoted = text.replace("<!-- journal:end wins --> oops", "I lost `<!-- journal:end wins -->`")
    path.write_text(quoted)
    result = invoke("review")
    assert result.exit_code == 1 and "section 'wins' has no matching end marker" in result.stderr


def test_text_after_the_record_of_sections_is_refused_like_text_after_a_marker(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: ` my note` typed after the `journal:sections` line made it no record: a
    second one was added, and the section the user had deleted came back."""
    path = alpha_reviewed(invoke, write, vault)
    text = re.sub(
        r"<!-- journal:begin wins .*?<!-- journal:end wins -->\n\n",
        "",
        path.read_text(),
        flags=re.S,
    )
    text = re.sub(r"(<!-- journal:sections [a-z -]+-->)", r"\1 my note", text)
    path.write_text(text)
    line = text[: text.index("<!-- journal:sections")].count("\n") + 1
    record = re.search(r"<!-- journal:sections .* my note", text)
    assert record is not None
    for command in ("review", "review --force"):
        result = invoke(*command.split())
        assert (result.exit_code, result.stderr) == (
            1,
            f"reviews/2026-W47.md:{line}: '{record.group()}' is not a valid record of "
            "sections on a line of its own\n",
        )
        assert path.read_text() == text


def test_a_week_ahead_is_judged_as_of_today_not_by_its_own_plan_target(
    example_vault: Path,
) -> None:
    """2027-W02 is in the sample plan (6 modules by then); seen on 2026-11-22, the goal
    stands at 3 and is judged as the review of this week judges it."""
    link = "[[Complete the People Analytics certificate]]"

    def row(*args: str) -> str:
        out = run(example_vault, "review", "--stdout", *args)[1]
        return next(line for line in out.splitlines() if line.startswith(f"| {link}"))

    ahead = row("--week", "2027-W02")
    assert "by the plan" not in ahead and "behind" not in ahead
    assert ahead.split("|")[-2] == row().split("|")[-2]  # the pace cell


def test_a_past_week_shows_milestones_and_follow_ups_open_then_though_done_since(
    example_vault: Path,
) -> None:
    """On 2026-11-15 (the end of W46) the milestone done on 11-17 was still due and the
    follow-up closed on 11-20 overdue: re-running that week's review must not rewrite it."""
    code, _out, err = run(example_vault, "done", "2026-11-05 HR meetup", "--date", "2026-11-20")
    assert code == 0, err
    past = run(example_vault, "review", "--week", "2026-W46", "--stdout")[1]
    due_next = past.split("### Due next week", 1)[1].split("\n#", 1)[0]
    assert "Third conversation held · [[Connect with five HR leaders" in due_next
    follow_ups = past.split("### Follow-ups", 1)[1].split("### Meetings this week", 1)[0]
    assert "**overdue 3 days** (due 2026-11-12) · [[2026-11-05 HR meetup" in follow_ups
    now = run(example_vault, "review", "--stdout")[1]  # this week: done is done
    assert (
        "2026-11-05 HR meetup" not in now.split("### Follow-ups", 1)[1].split("### Meetings", 1)[0]
    )


def test_counts_of_days_read_as_english(invoke: Invoke, write: Write) -> None:
    write("goals/a.md", goal_text("Alpha", due="2026-11-23"))
    write("goals/b.md", goal_text("Beta", due="2026-11-22"))
    review = invoke("review", "--stdout").stdout
    assert "- Due in 1 day (2026-11-23): [[a]]" in review
    assert "- Due today (2026-11-22): [[b]]" in review  # reported: "Due in 0 days"


def test_stdout_prints_a_crlf_review_as_it_would_be_written(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    path = alpha_reviewed(invoke, write, vault)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    printed = invoke("review", "--stdout").stdout_bytes
    assert b"\\x0d" not in printed and printed.count(b"\r\n") > 50


def scoreboard_row(text: str, link: str) -> str | None:
    return next((line for line in text.splitlines() if line.startswith(f"| {link}")), None)


def test_a_past_week_leaves_out_the_goals_written_after_it(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reported case: seen on 2026-12-02, 2026-W47 (11-16 to 11-22) showed a goal
    created on 11-23 on its scoreboard and chart, with its findings."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-02")
    write("goals/old.md", goal_text("Old", created="2026-10-01", start="2026-10-01"))
    write("goals/new.md", goal_text("New", created="2026-11-23", start="2026-11-23"))
    write("goals/unstarted.md", goal_text("Unstarted", start="2026-11-25"))  # no created
    # written in the week, starting after it: it was there, expecting nothing yet
    write("goals/planned.md", goal_text("Planned", created="2026-11-20", start="2026-12-01"))
    # written after the week for work that began before it: there, with its check-ins
    write("goals/later.md", goal_text("Later", created="2026-11-25", start="2026-10-01"))
    now = invoke("review", "--stdout").stdout
    assert scoreboard_row(now, "[[new]]") is not None
    assert "- SMART R001 (warning) [[new]]" in attention_of(now)  # findings to leave out
    past = invoke("review", "--week", "2026-W47", "--stdout").stdout
    assert "[[new]]" not in past and "section New" not in past
    assert "[[unstarted]]" not in past and "section Unstarted" not in past
    assert scoreboard_row(past, "[[old]]") is not None and "section Old" in past
    assert scoreboard_row(past, "[[later]]") is not None
    planned = scoreboard_row(past, "[[planned]]")
    assert planned is not None and "expected 0" in planned
    assert "- SMART R001 (warning) [[old]]" in attention_of(past)
    assert 'goals:\n  - "[[later]]"\n  - "[[old]]"\n  - "[[planned]]"\n' in past.split("---", 2)[1]
    w48 = invoke("review", "--week", "2026-W48", "--stdout").stdout  # 11-23 to 11-29
    assert scoreboard_row(w48, "[[new]]") is not None
    assert scoreboard_row(w48, "[[unstarted]]") is not None


def test_a_past_week_shows_a_goal_dropped_since_as_active_when_git_dates_the_drop(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dropped on 2026-12-03 (committed), the goal was active all of 2026-W48."""
    from tests.gitutil import Git

    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-06")
    made = {"created": "2026-10-01", "start": "2026-10-01"}
    write("goals/drop.md", goal_text("Drop", **made))
    write("goals/pause.md", goal_text("Pause", status="paused", **made))
    write("goals/done.md", goal_text("Done", **made))  # done later, no completed day
    write("goals/gone.md", goal_text("Gone", status="dropped", **made))  # dropped all along
    git = Git(vault, tmp_path / "home").init()
    git.commit("add goals", "2026-10-01")
    write("goals/drop.md", goal_text("Drop", status="dropped", **made))
    write("goals/pause.md", goal_text("Pause", **made))
    write("goals/done.md", goal_text("Done", status="done", current=5, **made))
    git.commit("drop, resume, finish", "2026-12-03")
    w48 = invoke("review", "--week", "2026-W48", "--stdout").stdout
    row = scoreboard_row(w48, "[[drop]]")
    assert row is not None and "| done |" not in row and "section Drop" in w48
    done = scoreboard_row(w48, "[[done]]")
    assert done is not None and "| done |" not in done and "**5**" not in done  # 5 came later
    assert "section Done" in w48 and "- Completed: [[done]]" not in w48
    assert scoreboard_row(w48, "[[pause]]") is None and "section Pause" not in w48
    assert "[[gone]]" not in w48.split("## Wins")[0]
    assert 'goals:\n  - "[[done]]"\n  - "[[drop]]"\n' in w48.split("---", 2)[1]
    now = invoke("review", "--stdout").stdout  # 2026-W49: as the files are
    assert scoreboard_row(now, "[[drop]]") is None and "section Drop" not in now
    assert scoreboard_row(now, "[[pause]]") is not None
    assert (scoreboard_row(now, "[[done]]") or "").endswith("| done |")


def test_a_goal_paused_then_and_completed_later_is_off_that_weeks_scoreboard(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in a year-long tryout: a goal paused in 2026-W48, taken up again and done in
    April, came back on W48's scoreboard as active and behind (its `completed` day said it
    was not done then, and git's status then, paused, was not asked)."""
    from tests.gitutil import Git

    monkeypatch.setenv("JOURNAL_TODAY", "2027-04-07")
    made = {"created": "2026-10-01", "start": "2026-10-01"}
    write("goals/pause.md", goal_text("Pause", status="paused", **made))
    git = Git(vault, tmp_path / "home").init()
    git.commit("add it, paused", "2026-10-01")
    write("goals/pause.md", goal_text("Pause", **made))
    git.commit("take it up again", "2027-04-05")
    done = {"status": "done", "completed": "2027-04-07", "current": 5}
    write("goals/pause.md", goal_text("Pause", **made, **done))
    git.commit("done", "2027-04-07")
    w48 = invoke("review", "--week", "2026-W48", "--stdout").stdout
    assert scoreboard_row(w48, "[[pause]]") is None and "section Pause" not in w48
    assert "[[pause]]" not in w48.split("---", 2)[1]  # nor in its goals
    w14 = invoke("review", "--week", "2027-W14", "--stdout").stdout  # done that week
    assert (scoreboard_row(w14, "[[pause]]") or "").endswith("| done |")


def test_a_goal_paused_then_is_not_judged_in_that_weeks_needs_attention(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in a tryout: paused in 2027-W02 and taken up again since, the goal was off
    W02's scoreboard but had A001 and T006 (as a bare SMART line) under Needs attention,
    where a paused goal is not judged by the SMART rules."""
    from tests.gitutil import Git

    monkeypatch.setenv("JOURNAL_TODAY", "2027-02-15")
    made = {"created": "2026-10-01", "start": "2026-10-01", "due": "2027-01-31", "current": 1}
    write("goals/pause.md", goal_text("Pause", target=12, **made))  # +1 on 2026-11-20
    git = Git(vault, tmp_path / "home").init()
    git.commit("add it", "2026-11-20")
    write("goals/pause.md", goal_text("Pause", status="paused", target=12, **made))
    git.commit("pause it", "2027-01-15")
    write("goals/pause.md", goal_text("Pause", target=12, **made))
    git.commit("take it up again", "2027-01-29")
    w02 = invoke("review", "--week", "2027-W02", "--stdout").stdout
    assert scoreboard_row(w02, "[[pause]]") is None
    assert "[[pause]]" not in attention_of(w02)
    w05 = invoke("review", "--week", "2027-W05", "--stdout").stdout  # active again then
    assert "[[pause]]" in attention_of(w05)


def test_a_review_seen_from_mid_week_has_no_wins_or_git_lines_from_after_that_day(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in a tryout: `review --date 2026-12-29` listed a goal completed on 12-30
    among its wins (from git's "became done in the week") and its commit under This
    week in git, while its scoreboard, as of 12-29, showed it at 0 and behind."""
    from tests.gitutil import Git

    monkeypatch.setenv("JOURNAL_TODAY", "2027-01-05")
    made = {"created": "2026-12-01", "start": "2026-12-01", "due": "2027-01-31"}
    write("goals/two.md", goal_text("Hold two interviews", target=2, current=0, **made))
    git = Git(vault, tmp_path / "home").init()
    git.commit("add it", "2026-12-01")
    done = {"status": "done", "completed": "2026-12-30", "current": 2}
    write("goals/two.md", goal_text("Hold two interviews", target=2, **made, **done))
    git.commit("two interviews, done", "2026-12-30")
    seen = invoke("review", "--date", "2026-12-29", "--stdout").stdout
    assert "**0**" in (scoreboard_row(seen, "[[two]]") or "")
    assert "Completed: [[two]]" not in seen
    assert "[[two]]" not in seen.split("## This week in git")[-1].split("<!--")[0]
    whole = invoke("review", "--week", "2026-W53", "--stdout").stdout  # as of its last day
    assert "- Completed: [[two]]" in whole


def test_a_drop_git_cannot_date_leaves_the_goal_out_of_past_weeks(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not committed yet, or outside a repository, a dropped goal has no date: it is left
    out as the file says, as before."""
    from tests.gitutil import Git

    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-06")
    made = {"created": "2026-10-01", "start": "2026-10-01"}
    write("goals/drop.md", goal_text("Drop", status="dropped", **made))
    outside = invoke("review", "--week", "2026-W48", "--stdout").stdout
    assert "[[drop]]" not in outside and "section Drop" not in outside
    git = Git(vault, tmp_path / "home").init()
    write("goals/drop.md", goal_text("Drop", **made))
    git.commit("add drop", "2026-10-01")
    write("goals/drop.md", goal_text("Drop", status="dropped", **made))  # uncommitted
    w48 = invoke("review", "--week", "2026-W48", "--stdout").stdout
    assert scoreboard_row(w48, "[[drop]]") is None and "section Drop" not in w48
    git.commit("drop it", "2026-12-03")
    dated = invoke("review", "--week", "2026-W48", "--stdout").stdout
    assert scoreboard_row(dated, "[[drop]]") is not None and "section Drop" in dated
    before = invoke("review", "--date", "2026-12-04", "--stdout").stdout  # dropped by then
    assert scoreboard_row(before, "[[drop]]") is None and "section Drop" not in before


def referral_goal(**props: object) -> str:
    """A goal without check-ins in its log: its values come from git alone."""
    made: dict[str, object] = {
        "id": "referrals",
        "unit": "referrals",
        "baseline": 0,
        "current": 0,
        "target": 2,
        "created": "2026-09-01",
        "start": "2026-09-01",
        "due": "2026-12-18",
    }
    text = goal_text("Referrals", **{**made, **props})
    return text.split("## Log", 1)[0]


def test_a_past_week_judges_a_goal_by_the_target_and_due_day_git_had_then(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reported case: target 2 -> 3 and due 12-18 -> 2027-01-15 in a commit on
    10-01; re-run on 11-01, 2026-W38 (to 09-20) said `3 referrals`, `on track` and
    `due 2027-01-15` - this week's goal, not that week's."""
    from tests.gitutil import Git

    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-01")
    write(
        "plans/p.md",
        "---\ntype: plan\nstart: 2026-09-14\nend: 2026-10-11\ntargets:\n"
        "  - goal: referrals\n    values: [1, 1.5, 2, 2]\n---\n# Plan\n",
    )
    write("goals/referrals.md", referral_goal())
    git = Git(vault, tmp_path / "home").init()
    git.commit("add goal", "2026-09-01")
    write("goals/referrals.md", referral_goal(target=3, due="2027-01-15"))
    git.commit("move the goalposts", "2026-10-01")
    w38 = invoke("review", "--week", "2026-W38", "--stdout").stdout
    row = scoreboard_row(w38, "[[referrals]]")
    assert row is not None and "**0** of 2 referrals (from 0) |" in row, row
    assert "| behind (expected 1, by the plan) · needs 1 referral every 6.4 weeks |" in row, row
    assert "to go :g1b, 2026-09-01, 2026-12-19" in w38 and "due 2027-01-15" not in w38
    now = invoke("review", "--stdout").stdout  # 2026-W44: the goal as the file has it
    row = scoreboard_row(now, "[[referrals]]")
    assert row is not None and "**0** of 3 referrals (from 0) |" in row, row
    assert ", 2027-01-16\n" in now.split("```mermaid", 1)[1]  # the day after it is due


def test_a_past_week_keeps_a_field_edited_and_not_committed_as_the_file_has_it(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each field by itself: git dates the start, baseline, unit and due changed on
    10-01, but not the target edited since and not committed (it could be any day)."""
    from tests.gitutil import Git

    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-01")
    write("goals/referrals.md", referral_goal())
    git = Git(vault, tmp_path / "home").init()
    git.commit("add goal", "2026-09-01")
    later = {"start": "2026-09-10", "baseline": 1, "current": 1, "unit": "intros"}
    write("goals/referrals.md", referral_goal(target=3, due="2027-01-15", **later))
    git.commit("rework the goal", "2026-10-01")
    write("goals/referrals.md", referral_goal(target=4, due="2027-01-15", **later))
    w38 = invoke("review", "--week", "2026-W38", "--stdout").stdout
    row = scoreboard_row(w38, "[[referrals]]")
    # baseline 0 and unit then; the target the file has; from 09-01 to 12-18 the line is
    # at 0.7, short of its first whole step
    assert row is not None and "**0** of 4 referrals (from 0) |" in row, row
    assert "| on track (expected 0) · needs 1 referral every 3.2 weeks |" in row, row
    assert "to go :g1b, 2026-09-01, 2026-12-19" in w38


def test_a_past_week_moves_a_goal_valued_by_its_log_alone_to_its_baseline_then(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No `current`: its values are its baseline plus its log; rebased since (0 to 5),
    the week shows the baseline it had then and one book read, not six."""
    from tests.gitutil import Git

    monkeypatch.setenv("JOURNAL_TODAY", "2026-01-25")
    text = (
        "---\ntype: goal\ntitle: Read\nunit: books\nbaseline: {b}\ntarget: {t}\n"
        "start: 2026-01-01\ndue: 2026-06-30\n---\n# Read\n\n## Log\n\n- 2026-01-06: +1 one\n"
    )
    write("goals/read.md", text.format(b=0, t=10))
    git = Git(vault, tmp_path / "home").init()
    git.commit("add goal", "2026-01-06")
    write("goals/read.md", text.format(b=5, t=15))
    git.commit("rebase it", "2026-01-20")
    row = scoreboard_row(invoke("review", "--week", "2026-W02", "--stdout").stdout, "[[read]]")
    assert row is not None and "| **1** of 10 books (from 0) | +1 |" in row, row
    now = scoreboard_row(invoke("review", "--stdout").stdout, "[[read]]")
    assert now is not None and "| **6** of 15 books (from 5) |" in now, now


def test_the_current_week_shows_the_goal_as_the_file_has_it_and_a_day_before_as_it_was(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change committed on Wednesday: the week holding today (and the week ahead) goes
    by the file, as does that Wednesday; the Tuesday before had the old target."""
    from tests.gitutil import Git

    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-06")  # Sunday of 2026-W49
    write("goals/referrals.md", referral_goal())
    git = Git(vault, tmp_path / "home").init()
    git.commit("add goal", "2026-09-01")
    write("goals/referrals.md", referral_goal(target=3, due="2027-01-15"))
    git.commit("move the goalposts", "2026-12-02")
    for args in ((), ("--week", "2026-W49"), ("--week", "2026-W50"), ("--date", "2026-12-02")):
        text = invoke("review", *args, "--stdout").stdout
        row = scoreboard_row(text, "[[referrals]]")
        assert row is not None and "of 3 referrals (from " in row, (args, row)
    tuesday = invoke("review", "--date", "2026-12-01", "--stdout").stdout
    row = scoreboard_row(tuesday, "[[referrals]]")
    assert row is not None and "of 2 referrals (from " in row, row
    chart = tuesday.split("```mermaid", 1)[1]
    assert ", 2026-12-19\n" in chart and "2027-01-15" not in chart


def test_this_week_says_what_the_log_gives_when_current_disagrees(
    invoke: Invoke, write: Write
) -> None:
    """Reported (an M007 case): `current: 1` with `+1` lines on 2026-11-01 and in the
    week: the row said `no change` while Check-ins listed the week's `+1`.  The value is
    still `current`'s, and the cell says what the week's check-ins add up to beside it."""
    text = goal_text("Exams", current=1, target=3).replace(
        "- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n",
        "- 2026-11-01: +1 first practice exam\n- 2026-11-20: +1 second exam\n",
    )
    write("goals/exams.md", text)
    review = invoke("review", "--stdout").stdout
    row = next(line for line in review.splitlines() if line.startswith("| [[exams]]"))
    assert "| **1** of 3 conversations (from 0) | no change (+1 logged, see M007) |" in row
    assert "- 2026-11-20 · +1 · second exam" in review
    write("goals/exams.md", text.replace("current: 1", "current: 2"))  # log and current agree
    review = invoke("review", "--stdout").stdout
    row = next(line for line in review.splitlines() if line.startswith("| [[exams]]"))
    assert "| **2** of 3 conversations (from 0) | +1 |" in row


def test_a_week_with_only_note_check_ins_shows_no_change_not_none(
    invoke: Invoke, write: Write
) -> None:
    """Reported: a log line with a note and no value in the week gave `–` (no check-in)
    in "This week", while the legend says `±0` is for check-ins that changed nothing."""
    text = goal_text("Talks", current=1).replace(
        "- 2026-11-20: +1 Coffee with [[Dana Ortiz]]\n",
        "- 2026-11-06: +1 First talk\n- 2026-11-18: prepared questions for Elena\n",
    )
    write("goals/talks.md", text)
    review = invoke("review", "--stdout", "--week", "2026-W47").stdout
    row = next(line for line in review.splitlines() if line.startswith("| [[talks]]"))
    assert "| no change |" in row
    earlier = invoke("review", "--stdout", "--week", "2026-W46").stdout  # nothing that week
    assert "| none |" in next(
        line for line in earlier.splitlines() if line.startswith("| [[talks]]")
    )


def test_this_week_counts_no_check_in_dated_after_the_week_whatever_day_it_is_seen_from(
    example_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: a check-in logged for Monday 11-23 a day ahead (a colleague's time zone)
    made the W47 review written on Sunday say `+2` this week, though its check-ins list
    one +1 and seen from Monday it says `+1`.  The now column keeps the file's `current`
    (it counts the Monday check-in, which T009 reports)."""
    link = "[[Connect with five HR leaders in my industry this quarter]]"
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-23")
    code, _out, err = run(example_vault, "log", "Connect with five", "+1", "Monday coffee")
    assert code == 0, err
    monday = scoreboard_row(run(example_vault, "review", "--week", "2026-W47", "--stdout")[1], link)
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-22")
    sunday = scoreboard_row(run(example_vault, "review", "--stdout")[1], link)
    assert sunday is not None and monday is not None
    assert sunday.split(" | ")[3] == monday.split(" | ")[3] == "+1"
    assert "**4** of 5 conversations" in sunday  # current: 4
    assert "**3** of 5 conversations" in monday  # its value on 11-22


MODULES = """---
type: goal
title: Finish the course modules
status: active
metric: course modules finished
unit: modules
baseline: 0
target: 4
current: 1
start: 2027-01-01
due: 2027-01-28
---

## Log
- 2027-01-05: +1 module 1
"""


def test_a_later_check_in_in_decimals_leaves_a_past_weeks_whole_steps_as_they_were(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reported: logging half a module on 01-12 turned W01 (1 of 4 modules on its last day,
    "on track (expected 1)") into "behind (expected 1.4)": whether a goal counts in whole
    steps is judged by what was known on the day judged, not by a check-in after it."""
    monkeypatch.setenv("JOURNAL_TODAY", "2027-01-10")
    path = write("goals/Modules.md", MODULES)
    then = scoreboard_row(invoke("review", "--stdout").stdout, "[[Modules]]")
    assert then is not None and " | on track (expected 1) · " in then
    half = "- 2027-01-12: +0.5 half of module 2\n"
    path.write_text(MODULES.replace("current: 1\n", "current: 1.5\n") + half)
    monkeypatch.setenv("JOURNAL_TODAY", "2027-01-13")
    assert (
        scoreboard_row(invoke("review", "--week", "2027-W01", "--stdout").stdout, "[[Modules]]")
        == then
    )
    now = scoreboard_row(invoke("review", "--stdout").stdout, "[[Modules]]")
    assert now is not None and " | on track (expected 1.9) · " in now  # no longer whole steps


def test_a_milestone_past_its_day_is_overdue_in_its_own_week(invoke: Invoke, write: Write) -> None:
    """Reported: a milestone due on Wednesday and not done was still "Due this week" in
    the Sunday review, with "Overdue - nothing"."""
    milestones = (
        "\n  - title: Draft list\n    due: 2026-11-18\n  - title: Call Dana\n    due: 2026-11-22"
    )
    write("goals/talks.md", goal_text("Talks", milestones=milestones))
    review = invoke("review", "--stdout").stdout  # today: 2026-11-22, a Sunday
    section = review.split("## Milestones")[1].split("<!-- journal:end milestones")[0]
    overdue, this_week = section.split("### Due this week")
    assert "- Draft list · [[talks]] · due 2026-11-18, **overdue 4 days**\n" in overdue
    assert "Call Dana" not in overdue  # due today: not late yet
    assert "- Call Dana · [[talks]] · due 2026-11-22\n" in this_week
    assert "Draft list" not in this_week


def milestones_of(text: str) -> dict[str, str]:
    """The review's milestone lists by their heading (``Overdue``, ``Due this week``...)."""
    section = text.split("## Milestones\n", 1)[1].split("<!-- journal:end milestones", 1)[0]
    parts = section.split("### ")[1:]
    return {part.split("\n", 1)[0]: part.split("\n", 1)[1] for part in parts}


def portfolio_goal(milestones: str) -> str:
    made = {"created": "2026-12-06", "start": "2026-12-06", "due": "2027-02-26"}
    return goal_text("Portfolio", milestones=milestones, **made)


def test_a_past_week_shows_the_milestones_git_had_then(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reported case: 2027-W05 (to 02-07) listed "Storyline build" due that week;
    moved to 02-14 and done since, W05 made again said nothing was due then and had it
    due the week after. Likewise a milestone ticked `done: true` since was gone from
    its Due next week, and one removed since from its Due this week."""
    monkeypatch.setenv("JOURNAL_TODAY", "2027-02-14")
    write(
        "goals/portfolio.md",
        portfolio_goal(
            "\n  - title: Storyline build\n    due: 2027-02-07"
            "\n  - title: Evaluation report\n    due: 2027-02-05"
            "\n  - title: Storyboard\n    due: 2027-02-10"
        ),
    )
    git = Git(vault, tmp_path / "home").init()
    git.commit("add the goal", "2026-12-06")
    then = milestones_of(invoke("review", "--week", "2027-W05", "--stdout").stdout)
    write(
        "goals/portfolio.md",
        portfolio_goal(
            "\n  - title: Storyline build\n    due: 2027-02-14\n    done: 2027-02-13"
            "\n  - title: Storyboard\n    due: 2027-02-10\n    done: true"
        ),
    )
    git.commit("moved, ticked, removed", "2027-02-13")
    w05 = invoke("review", "--week", "2027-W05", "--stdout").stdout
    assert milestones_of(w05) == then
    assert then["Overdue"] == (
        "\n- Evaluation report · [[portfolio]] · due 2027-02-05, **overdue 2 days**\n\n"
    )
    assert then["Due this week"] == "\n- Storyline build · [[portfolio]] · due 2027-02-07\n\n"
    assert then["Due next week"].startswith("\n- Storyboard · [[portfolio]] · due 2027-02-10\n")
    now = milestones_of(invoke("review", "--stdout").stdout)  # 2027-W06: as the file has it
    assert "Storyline" not in str(now) and "Storyboard" not in str(now)


def test_a_past_week_takes_milestones_changed_and_not_committed_as_the_file_has_them(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where git can't tell (changed since the last commit, on a day it does not
    know), a past week shows the milestones as the file has them, as other fields."""
    monkeypatch.setenv("JOURNAL_TODAY", "2027-02-14")
    write("goals/portfolio.md", portfolio_goal("\n  - title: Storyline build\n    due: 2027-02-07"))
    git = Git(vault, tmp_path / "home").init()
    git.commit("add the goal", "2026-12-06")
    write("goals/portfolio.md", portfolio_goal("\n  - title: Storyline build\n    due: 2027-02-21"))
    git.commit("moved", "2027-02-08")
    write("goals/portfolio.md", portfolio_goal("\n  - title: Storyline build\n    due: 2027-02-14"))
    w05 = milestones_of(invoke("review", "--week", "2027-W05", "--stdout").stdout)
    assert "Storyline" not in w05["Due this week"] + w05["Overdue"]
    assert "- Storyline build · [[portfolio]] · due 2027-02-14\n" in w05["Due next week"]


def certificate_goal(done: str) -> str:
    milestones = f"\n  - title: Storyline certificate\n    due: 2026-12-16\n    done: {done}"
    return goal_text(
        "Courses", target=3, current=1, start="2026-12-07", due="2027-02-19", milestones=milestones
    )


def test_a_milestone_ticked_without_a_day_is_a_win_of_the_week_of_its_due_day(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reported case: `done: true` counts as done on its due day in the plan (W51)
    but the review of W51 said no milestone was completed that week."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-20")
    write("goals/courses.md", certificate_goal("true"))
    plan = invoke("plan", "--start", "2026-12-14", "--stdout").stdout
    assert "| 2026-W51 | 2026-12-14 to 2026-12-20 | 1 | Storyline certificate (goal: " in plan
    assert "- Milestone reached 2026-12-16: Storyline certificate · [[courses]]" in wins_of(
        invoke("review", "--stdout").stdout
    )
    assert "Storyline" not in wins_of(invoke("review", "--week", "2026-W50", "--stdout").stdout)


def test_a_milestone_ticked_without_a_day_counts_on_the_day_git_saw_it_ticked(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ticked `done: true` in a commit of 12-22 (its due day, 12-16, past): a win of
    2026-W52, where "This week in git" says it was reached, not of W51, which had it
    overdue; the plan puts it on that day too."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-27")
    write("goals/courses.md", certificate_goal("false"))
    git = Git(vault, tmp_path / "home").init()
    git.commit("add the goal", "2026-12-07")
    write("goals/courses.md", certificate_goal("true"))
    git.commit("ticked", "2026-12-22")
    w52 = invoke("review", "--stdout").stdout
    assert "- Milestone reached 2026-12-22: Storyline certificate · [[courses]]" in wins_of(w52)
    assert "milestone reached: Storyline certificate" in w52.split("## This week in git")[1]
    w51 = invoke("review", "--week", "2026-W51", "--stdout").stdout
    assert "Storyline" not in wins_of(w51)
    assert (
        "- Storyline certificate · [[courses]] · due 2026-12-16, **overdue 4 days**\n"
        in (milestones_of(w51)["Overdue"])
    )
    plan = invoke("plan", "--start", "2026-12-14", "--stdout").stdout
    assert "| 2026-W52 | 2026-12-21 to 2026-12-27 | 1 | Storyline certificate (goal: " in plan
    focus = "- 2026-12-22 · [[courses]] · milestone: Storyline certificate (done, due 2026-12-16)"
    assert focus in plan


def coach_goal(milestones: str) -> str:
    return goal_text(
        "Coach", target=4, current=0, start="2026-12-01", due="2027-01-29", milestones=milestones
    )


def test_a_milestone_done_or_dropped_on_a_day_counts_from_that_day_though_committed_later(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reported case: ticked `done: 2027-01-08`, committed on Monday 01-11, the
    review of 2027-W01 made that Monday had it overdue and no win, as git's last commit
    by the week's end had it open; the day the user wrote wins. So does a `dropped:` day
    (no longer overdue), and a day after the week leaves it open in that week."""
    monkeypatch.setenv("JOURNAL_TODAY", "2027-01-11")
    milestones = (
        "\n  - title: Second session\n    due: 2027-01-07{}"
        "\n  - title: Third session\n    due: 2027-01-06{}"
        "\n  - title: Fourth session\n    due: 2027-01-05{}"
    )
    write("goals/coach.md", coach_goal(milestones.format("", "", "")))
    git = Git(vault, tmp_path / "home").init()
    git.commit("add the goal", "2027-01-03")
    ticked = ("\n    done: 2027-01-08", "\n    dropped: 2027-01-09", "\n    done: 2027-01-11")
    write("goals/coach.md", coach_goal(milestones.format(*ticked)))
    git.commit("weekly", "2027-01-11")
    w01 = invoke("review", "--week", "2027-W01", "--stdout").stdout
    assert milestones_of(w01)["Overdue"] == (
        "\n- Fourth session · [[coach]] · due 2027-01-05, **overdue 5 days**\n\n"
    )
    assert wins_of(w01) == "- Milestone reached 2027-01-08: Second session · [[coach]]"


def test_links_resolve_from_the_folder_the_review_is_in(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: with Obsidian's weekly notes in `Weekly/`, the review linked the goal
    `goals/Health.md` as `[[Health]]`, which Obsidian (and journal) resolve to
    `Weekly/Health.md`, the note beside the review."""
    write(".obsidian/community-plugins.json", '["periodic-notes"]')
    write(
        ".obsidian/plugins/periodic-notes/data.json",
        '{"weekly": {"format": "gggg-[W]ww", "folder": "Weekly", "enabled": true}}',
    )
    write("goals/Health.md", goal_text("Health"))
    write("Weekly/Health.md", "# Health themes\n")
    assert invoke("review").exit_code == 0
    text = (vault / "Weekly/2026-W47.md").read_text()
    assert "| [[goals/Health]] |" in text and "[[Health]]" not in text
    assert '  - "[[goals/Health]]"\n' in text  # the goals property too


def test_an_empty_weekly_note_obsidian_made_is_filled(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """A review found (a review of the session's changes): `journal review` refused the
    empty weekly note Periodic Notes makes when no template is set, blaming a sync; the
    note is Obsidian's, made empty, and is filled. An empty note in journal's own review
    folder is still refused (a sync may be writing it)."""
    write(".obsidian/community-plugins.json", '["periodic-notes"]')
    write(
        ".obsidian/plugins/periodic-notes/data.json",
        '{"weekly": {"format": "gggg-[W]ww", "folder": "Weekly", "enabled": true}}',
    )
    write("goals/Health.md", goal_text("Health"))
    write("Weekly/2026-W47.md", "")
    result = invoke("review")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Weekly/2026-W47.md: updated\n"
    assert "| [[Health]] |" in (vault / "Weekly/2026-W47.md").read_text()  # the scoreboard


def budget_vault(write: Write) -> None:
    """Two notes named Budget: `goals/Budget.md` beside the goal, which its links mean,
    and `HR/Budget.md`, the shortest path, which the same links mean from `reviews/`
    and `plans/`; and `meetings/Budget.md` and `people/Budget.md`, which a meeting's and
    a contact's links mean."""
    milestones = '[{title: "Book the room from [[Budget]]", due: 2026-11-26}]'
    log = "".join(
        f"- 2026-11-{day}: {note}\n"
        for day, note in (
            (17, "+1 approved in [[Budget]]"),
            (18, "read [[Budget#Q3|the Q3 figures]] and [[budget]]; [[HR/Budget]] too"),
            (19, "![[Budget]] [[Nowhere]] [[#Log]]"),
        )
    )
    write("goals/Lunch.md", goal_text("Run an HR lunch and learn", milestones=milestones) + log)
    for path in ("goals/Budget.md", "HR/Budget.md", "meetings/Budget.md", "people/Budget.md"):
        write(path, "# Budget\n")
    write(
        "people/Ana Ruiz.md",
        '---\ntype: contact\nrole: owns the "[[Budget]]"\norg: "[[Fernway]]"\n'
        "created: 2026-11-20\n---\n",
    )
    write("daily/2026-11-20.md", "progress:: [[Lunch]] +1 costed in [[Budget]]\n")
    write(
        "meetings/2026-11-20 Lunch.md",
        "---\ntype: meeting\ndate: 2026-11-20\nfollow_up_by: 2026-11-25\n"
        "outcome: the [[Budget]] holds\n---\n# Lunch\n\n- [ ] Send the [[Budget]]\n",
    )


def test_links_copied_from_notes_resolve_from_the_review_as_from_their_notes(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `journal log "Lunch and learn" +1 "approved in [[Budget]]"` put `approved in
    [[Budget]]` in the review, which from `reviews/` is `HR/Budget.md`, not the
    `goals/Budget.md` it is from the goal.  Text copied from a note (a check-in's note, a
    milestone, a meeting's outcome and tasks) has each link written to resolve to the note
    it did there, its heading and display text kept; a link to no note, or to the same note
    from both, is left as written."""
    budget_vault(write)
    review = invoke("review", "--stdout").stdout
    checkins = review.split("## Check-ins")[1].split("<!-- journal:end checkins")[0]
    assert "- 2026-11-17 · +1 · approved in [[goals/Budget|Budget]]\n" in checkins
    assert (
        "- 2026-11-18 · read [[goals/Budget#Q3|the Q3 figures]] and "
        "[[goals/Budget|budget]]; [[HR/Budget]] too\n"
    ) in checkins
    assert "- 2026-11-19 · ![[goals/Budget]] [[Nowhere]] [[Lunch#Log]]\n" in checkins
    assert "- 2026-11-20 · +1 · costed in [[Budget]] · in [[2026-11-20]]\n" in checkins  # HR's
    assert "- Book the room from [[goals/Budget|Budget]] · [[Lunch]] · due 2026-11-26\n" in review
    assert "\n    - Send the [[meetings/Budget|Budget]]\n" in review
    assert "[[2026-11-20 Lunch]]: the [[meetings/Budget|Budget]] holds\n" in review
    assert '- [[Ana Ruiz]] (owns the "[[people/Budget|Budget]]", [[Fernway]])\n' in review
    plan = invoke("plan", "--stdout").stdout
    assert (
        "| Book the room from [[goals/Budget\\|Budget]] (goal: Run an HR lunch and learn) |"
    ) in plan
    assert "milestone: Book the room from [[goals/Budget|Budget]]\n" in plan


@pytest.mark.parametrize("another", [False, True])
def test_a_rename_in_obsidian_that_reorders_the_goals_is_no_edit_of_the_users(
    invoke: Invoke, write: Write, vault: Path, another: bool
) -> None:
    """Reported: Obsidian rewrote `[[b]]` in place in the review's `goals`; the tool's
    list, in path order, now had it first, and every run said "kept your value of
    'goals'" until --force.  Found in a tryout: so did a rename and another change (a
    goal added), the value neither as last written nor as the tool would write it."""
    write("goals/a.md", goal_text("Alpha"))
    write("goals/b.md", goal_text("Beta"))
    assert invoke("review").exit_code == 0
    note = vault / "reviews/2026-W47.md"
    (vault / "goals/b.md").rename(vault / "goals/0 first.md")
    note.write_text(note.read_text().replace("[[b]]", "[[0 first]]"))  # as Obsidian does
    if another:
        write("goals/c.md", goal_text("Gamma"))
    again = invoke("review")
    assert (again.exit_code, again.stderr) == (0, "")
    added = ["[[c]]"] if another else []
    assert codec.decode(note.read_bytes()).data["goals"] == ["[[0 first]]", "[[a]]", *added]
    mine = note.read_text().replace('  - "[[0 first]]"\n', "")  # a goal taken out: an edit
    note.write_text(mine)
    assert "kept your value of 'goals'" in invoke("review").stderr


def test_a_paused_goal_is_not_judged_by_the_smart_rules_in_the_review(
    invoke: Invoke, write: Write
) -> None:
    """Found in a tryout: after pausing a vague goal, the user's way of saying "not now",
    its SMART findings stayed in every week's Needs attention."""
    write("goals/a.md", "---\ntype: goal\ntitle: Network more\nstatus: paused\n---\n")
    write("goals/b.md", "---\ntype: goal\ntitle: Learn more\nstatus: active\n---\n")
    attention = invoke("review", "--stdout").stdout.split("## Needs attention")[1]
    assert "[[b]]" in attention and "[[a]]" not in attention
    assert "goals/a.md" in invoke("check").stdout  # check still judges it
    # found in review: a mistake in the file is no judgement: still listed (T007 here)
    write(
        "goals/a.md",
        goal_text("Network more", status="paused", start="2026-12-01", due="2026-11-30"),
    )
    attention = invoke("review", "--stdout").stdout.split("## Needs attention")[1]
    assert "T007" in attention and "[[a]]" in attention


def test_the_review_links_a_note_by_its_title_when_its_file_cant_be_named_so(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: docs promise a meeting's `title` is what reviews show, but the review
    linked `[[2026-12-04 Chat HR People]]` for `--title "Chat: HR/People"`. A link to a
    meeting or contact whose title is not its file name shows the title, made fit for a
    link's display text (no `[`, `]`, `|`, `#`, `^`); a re-run changes nothing."""
    write(
        "people/Dana Ortiz.md",
        "---\ntype: contact\ntitle: Dana Ortiz (Brightline)\ncreated: 2026-11-18\n---\n",
    )
    made = invoke(
        "new", "meeting", "--with", "Dana Ortiz", "--title", "Chat: HR/People", "--date",
        "2026-11-20",
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    write(
        "meetings/2026-11-21 Odd.md",
        "---\ntype: meeting\ntitle: 'Q1 [draft] | #hiring ^x'\nfollow_up_by: 2026-11-24\n---\n"
        "- [ ] Send it\n",
    )
    assert invoke("review").exit_code == 0
    review = (vault / "reviews/2026-W47.md").read_text()
    assert (
        "- due 2026-11-27 · [[2026-11-20 Chat HR People|Chat: HR/People]] with "
        "[[Dana Ortiz|Dana Ortiz (Brightline)]]\n" in review
    )
    assert "- due 2026-11-24 · [[2026-11-21 Odd|Q1 draft hiring x]]\n" in review
    assert "- 2026-11-20 · meeting · [[2026-11-20 Chat HR People|Chat: HR/People]]\n" in review
    assert "- [[Dana Ortiz|Dana Ortiz (Brightline)]]\n" in review  # new contacts
    assert invoke("review").stdout == "reviews/2026-W47.md: unchanged\n"


def test_relative_markdown_links_copied_into_the_review_are_rebased_to_its_folder(
    invoke: Invoke, write: Write
) -> None:
    """Reported: `progress:: [[G]] +1 followed [the plan](../../Areas/Plan.md)` in
    `Journal/Daily/` was copied as written into `reviews/`, where the path leads out of
    the vault. A relative markdown link (or image) is written to reach, from the review's
    folder, what it reaches from its note's folder; others are left as written."""
    log = (
        "- 2026-11-19: +1 see ![chart](img/run%201.png), [web](https://example.com/x) "
        "[top](#Log) [root](/Areas/Plan.md) [ref][plan] `[code](img/x.png)` "
        "[out](../../x.md)\n"
    )
    write("goals/a.md", goal_text("Alpha") + log)
    write("Areas/Plan.md", "# Plan\n")
    write(
        "Journal/Daily/2026-11-20.md",
        "progress:: [[a]] +1 followed [the plan](../../Areas/Plan.md) and [[Plan]]\n",
    )
    write(
        "meetings/m.md",
        "---\ntype: meeting\ndate: 2026-11-18\nkind: coffee\n"
        'outcome: "advice on [the plan](<../Areas/Plan.md#Step 1> \\"Plan\\")"\n---\n',
    )
    review = invoke("review", "--stdout").stdout
    assert (
        "- 2026-11-20 · +1 · followed [the plan](../Areas/Plan.md) and [[Plan]] · "
        "in [[2026-11-20]]\n"
    ) in review
    assert (
        "- 2026-11-19 · +1 · see ![chart](../goals/img/run%201.png), "
        "[web](https://example.com/x) [top](#Log) [root](/Areas/Plan.md) [ref][plan] "
        "`[code](img/x.png)` [out](../../x.md)\n"
    ) in review
    # meetings/ and reviews/ are as deep: the same path reaches the same note
    assert ': advice on [the plan](<../Areas/Plan.md#Step 1> "Plan")\n' in review


def test_html_comments_in_copied_text_are_left_out_and_an_open_one_shown(
    invoke: Invoke, write: Write
) -> None:
    """Reported: `progress:: [[G]] +1 hidden <!-- private note --> visible` showed the
    comment in the review (`<\\!-- private note -->`), as text people hide that way. A
    whole comment is left out, as Obsidian leaves it out; one never closed is still
    written `<\\!--`, so it can't hide the rest of the review."""
    write("goals/a.md", goal_text("Alpha") + "- 2026-11-19: +1 `<!-- code -->` <!-- mine -->\n")
    write(
        "Journal/Daily/2026-11-20.md", "progress:: [[a]] +1 hidden <!-- private note --> visible\n"
    )
    write(
        "meetings/m.md",
        "---\ntype: meeting\ndate: 2026-11-18\nkind: coffee\n"
        "outcome: agreed <!-- salary --> on <!-- a start date\n---\n",
    )
    review = invoke("review", "--stdout").stdout
    assert "- 2026-11-20 · +1 · hidden visible · in [[2026-11-20]]\n" in review
    assert "- 2026-11-19 · +1 · `<\\!-- code -->`\n" in review
    assert ": agreed on <\\!-- a start date\n" in review
    assert "private" not in review and "salary" not in review and "mine" not in review


def test_a_pipe_in_copied_text_is_escaped_only_in_a_table_row(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `ran `grep a|b` and chose A | B` was copied as `grep a\\|b` and `A \\| B`
    into the review's list, where a code span shows the backslash; and a unit
    `pages|chapters` as `pages\\|chapters` in the review's and the plan's lists. Only a
    table cell needs the `\\|`."""
    write(
        "goals/a.md",
        goal_text("Alpha", unit="pages|chapters", start="2026-11-01", target=50, current=0)
        + "- 2026-11-19: +1 ran `grep a|b` and chose A | B\n",
    )
    assert invoke("review").exit_code == 0
    review = (vault / "reviews/2026-W47.md").read_text()
    assert "- 2026-11-19 · +1 · ran `grep a|b` and chose A | B\n" in review
    assert " of 50 pages\\|chapters (from " in review
    assert "\\|" not in "".join(line for line in review.splitlines() if line[:1] != "|")
    assert "pages|chapters/week" in review
    assert invoke("review").stdout == "reviews/2026-W47.md: unchanged\n"
    plan = invoke("plan", "--stdout").stdout
    assert "reach 50 pages|chapters" in plan and " pages\\|chapters |" in plan
    assert "\\|" not in "".join(line for line in plan.splitlines() if line[:1] != "|")


def merged_in_conflict(invoke: Invoke, write: Write, vault: Path, tmp_path: Path) -> Git:
    """Two people logged Alpha on two branches, each ran `journal review` and `journal
    plan` and committed; the merge conflicted in the goal, the review and the plan.  The
    goal is resolved (as ours); the review and the plan are left in conflict."""
    alpha_reviewed(invoke, write, vault)
    assert invoke("plan").exit_code == 0
    git = Git(vault, tmp_path / "home").init()
    git.commit("start", "2026-11-16")
    git("checkout", "-q", "-b", "ana")
    for logged in (["+1", "ana's call"], ["+2", "bo's two calls"]):
        assert invoke("log", "Alpha", *logged).exit_code == 0
        assert invoke("review").exit_code == 0
        assert invoke("plan").exit_code == 0
        git.commit(logged[1], "2026-11-17")
        git("checkout", "-q", "main")
    with pytest.raises(subprocess.CalledProcessError):
        git("merge", "-q", "ana")
    git("checkout", "--ours", "goals/a.md")
    git("add", "goals/a.md")
    return git


def union_merged_review(invoke: Invoke, write: Write, vault: Path, tmp_path: Path) -> Git:
    """:func:`merged_in_conflict`, the review resolved as a plain union of both sides
    (every conflict block kept whole)."""
    git = merged_in_conflict(invoke, write, vault, tmp_path)
    sides = []
    for stage in (2, 1, 3):
        sides.append(vault / f"side{stage}")
        sides[-1].write_text(git("show", f":{stage}:reviews/2026-W47.md"))
    union = git("merge-file", "-p", "--union", *map(str, sides))
    (vault / "reviews/2026-W47.md").write_text(union)
    for side in sides:
        side.unlink()
    return git


def test_a_generated_note_in_a_merge_conflict_is_mended_as_the_guide_says(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """docs/guide.md, "A generated note in a merge conflict": take one side of the
    review and the plan, add the other side's text of yours by hand, make them again."""
    git = merged_in_conflict(invoke, write, vault, tmp_path)
    review = vault / "reviews/2026-W47.md"
    (plan,) = (vault / "plans").iterdir()
    conflicted = git("diff", "--name-only", "--diff-filter=U").split()
    assert conflicted == [f"plans/{plan.name}", "reviews/2026-W47.md"]
    for path in (review, plan):
        git("checkout", "--theirs", str(path.relative_to(vault)))
    with review.open("a") as mine:
        mine.write("Ana: the call went well.\n")  # the other side's reflection, by hand
    review_done, plan_done = invoke("review"), invoke("plan")
    assert (review_done.exit_code, review_done.stderr) == (0, "")
    assert (plan_done.exit_code, plan_done.stderr) == (0, "")
    text = review.read_text()
    # the goal as merged; its log (+1, +2) short of its current (M007), said beside
    assert "| **4** of 5 conversations (from 0) | +4 (+3 logged, see M007) |" in text
    assert "bo's two calls" in text and "ana's call" not in text
    assert text.endswith("Ana: the call went well.\n")
    again = json.loads(invoke("plan", "--json").stdout)
    assert (again["action"], again["kept"], again["missing"]) == ("unchanged", [], [])
    git("add", "-A")
    git("commit", "-q", "--no-edit")
    assert not [
        f for f in json.loads(invoke("check", "--json").stdout) if f["rule"] in ("H013", "H023")
    ]


def test_a_review_merged_by_keeping_both_sides_names_the_twice_begun_section(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """Reported: a review whose conflict was resolved by keeping both sides was said to
    have "no matching end marker" at the first begin marker: the begin marker is there
    twice.  The fix the message gives works, and (found in review: it said `--force`)
    keeps the user's edits in the other sections."""
    union_merged_review(invoke, write, vault, tmp_path)
    path = vault / "reviews/2026-W47.md"
    lines = path.read_text().splitlines()
    first, second = (i for i, t in enumerate(lines, 1) if "journal:begin scoreboard" in t)
    end = lines.index("<!-- journal:end scoreboard -->") + 1
    mine = path.read_text().replace(
        "<!-- journal:end wins -->", "My win.\n<!-- journal:end wins -->"
    )
    path.write_text(mine)
    result = invoke("review")
    assert result.exit_code == 1
    assert result.stderr == (
        f"reviews/2026-W47.md:{first}: section 'scoreboard' begins twice, at lines {first} and "
        f"{second}, before its end marker (both sides of a merge conflict kept?): keep one "
        f"side's begin marker and lines, or delete lines {first}-{end} and 'scoreboard' in the "
        "`<!-- journal:sections ... -->` line, then make it again (`journal --vault "
        f"{vault} review`; `journal --vault {vault} plan` for a plan): that section is made "
        "anew, what you wrote elsewhere in the note kept\n"
    )
    # the fix it gives, for each section begun twice in turn: delete it, make it again
    while result.exit_code == 1:
        found = re.search(r"or delete lines (\d+)-(\d+) and '(\w+)' in the", result.stderr)
        assert found is not None, result.stderr
        lines = path.read_text().splitlines(keepends=True)
        del lines[int(found.group(1)) - 1 : int(found.group(2))]
        text = "".join(lines)
        record = re.search(r"<!-- journal:sections [^>]*-->", text)
        assert record is not None
        names = record.group().replace(f" {found.group(3)} ", " ")
        path.write_text(text.replace(record.group(), names))
        result = invoke("review")
    assert result.exit_code == 0, result.stderr
    text = path.read_text()
    assert "My win.\n" in text
    assert text.count("<!-- journal:begin scoreboard ") == 1
    # the goal as merged (ours); its log short of its current (M007), said beside
    assert "| **4** of 5 conversations (from 0) | +4 (+3 logged, see M007) |" in text
    assert invoke("review").stderr == (
        "reviews/2026-W47.md: kept your edits in the 'wins' section of the review (run with"
        " --force to replace them)\n"
    )


def test_check_reports_a_review_whose_markers_are_broken(
    invoke: Invoke, write: Write, vault: Path, tmp_path: Path
) -> None:
    """Reported: `journal check` said nothing of the review `journal review` refused (its
    begin markers twice after a merge kept both sides): H023, at the line and with the
    words `journal review` stops with."""
    union_merged_review(invoke, write, vault, tmp_path)
    stopped = invoke("review").stderr.removesuffix("\n")
    stopped = stopped.replace(f"journal --vault {vault} ", "journal ")  # JSON: no options
    path, line, message = stopped.split(":", 2)
    found = invoke("check", "--json")
    assert found.exit_code == 1
    h023 = [f for f in json.loads(found.stdout) if f["rule"] == "H023"]
    assert [(f["path"], f["line"], f["message"], f["severity"]) for f in h023] == [
        (path, int(line), message.strip(), "error")
    ]
    assert "journal review" in h023[0]["suggestion"]


@pytest.mark.parametrize(
    ("unit", "target", "current", "rate"),
    [("posts", 10, 3, "2 posts/week"), ("events", 3, 1, "1 event every 1.8 weeks")],
)
def test_the_review_words_the_needed_rate_as_a001_does(
    invoke: Invoke,
    write: Write,
    vault: Path,
    monkeypatch: pytest.MonkeyPatch,
    unit: str,
    target: int,
    current: int,
    rate: str,
) -> None:
    """Reported: check said `needs 2 posts/week`, the review `needs 2/week` (and `needs 1
    every 1.8 weeks` for check's `1 event every 1.8 weeks`): the unit is in both."""
    monkeypatch.setenv("JOURNAL_TODAY", "2026-12-06")
    props = {"unit": unit, "target": target, "current": current, "start": "2026-11-01"}
    write("goals/a.md", goal_text("Alpha", **props))
    check = invoke("check", "--select", "A001").stdout
    assert f"needs {rate} to reach {target}" in check, check
    row = scoreboard_row(invoke("review", "--stdout").stdout, "[[a]]")
    assert row is not None and row.endswith(f" · needs {rate} |"), row


@pytest.mark.parametrize("blank", [b"", b"\r\n\r\n  \r\n"])
@pytest.mark.parametrize(("command", "rel"), [("review", SAMPLE_REVIEW), ("plan", SAMPLE_PLAN)])
def test_review_and_plan_write_over_an_empty_note_only_when_forced(
    example_vault: Path, blank: bytes, command: str, rel: str
) -> None:
    """Reported (a OneDrive placeholder, a sync mid-write): review and plan wrote a fresh
    note over an empty one, as `updated`, where the note's text was still to come."""
    path = example_vault / rel
    path.write_bytes(blank)
    size = "only white space" if blank else "0 bytes"
    told = (
        f"{rel}: not written: empty ({size}): a sync may still be writing it, or it lost "
        "its text: restore its text from git or your sync's history if it had any, or "
        f"delete the note (--force writes the {command} over it)\n"
    )
    for args in ((), ("--dry-run",), ("--json",)):
        assert run(example_vault, command, *args) == (1, "", told)
        assert path.read_bytes() == blank
    code, out, _ = run(example_vault, command, "--stdout")  # writes nothing: prints it
    assert code == 0 and out.startswith(f"---\ntype: {command}\n")
    assert path.read_bytes() == blank
    assert run(example_vault, command, "--force")[:2] == (0, f"{rel}: updated\n")
    assert codec.decode(path.read_bytes()).data["type"] == command  # type: ignore[index]


def test_a_field_the_review_copies_from_a_log_line_counts_for_no_goal(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported (plugin user): a check-in's note holding `(progress:: [[B]] +1)` was copied
    into the review's Check-ins, and B counted it from there: journal's own output became
    its input."""
    write("goals/Beta.md", goal_text("Beta", current=0).replace("- 2026-11-20: +1 Coffee", "- x"))
    write(
        "goals/Alpha.md",
        goal_text("Alpha", current=1).replace(
            "Coffee with [[Dana Ortiz]]", "case study (progress:: [[Beta]] +1)"
        ),
    )
    assert invoke("review").exit_code == 0
    review = vault / SAMPLE_REVIEW
    assert "(progress:: [[Beta]] +1)" in review.read_text("utf-8")
    h010 = json.loads(invoke("check", "--json", "--select", "H010").stdout)
    assert [r["path"] for r in h010] == ["goals/Alpha.md"]  # not dated, but not the review's
    # dated, as a weekly note of Obsidian's often is: still no check-in of Beta's
    review.write_text(review.read_text("utf-8").replace("---\n", "---\ndate: 2026-11-22\n", 1))
    shown = json.loads(invoke("show", "Beta", "--json").stdout)
    assert [c["path"] for c in shown["checkins"]] == []


def test_stdout_tells_the_sections_it_prints_as_they_are(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `--stdout` said nothing of a section kept for the edits in it, nor of
    one the template no longer makes, where a run and `--dry-run` do."""
    path = alpha_reviewed(invoke, write, vault)
    path.write_text(path.read_text().replace("## Scoreboard\n", "## Scoreboard\nMINE\n"))
    write(
        ".journal/templates/review.md.j2",
        '# Week\n\n{% filter section("scoreboard") %}\nnew\n{% endfilter %}\n',
    )
    result = invoke("review", "--stdout")
    assert result.exit_code == 0 and "MINE" in result.stdout
    assert "reviews/2026-W47.md: kept your edits in the 'scoreboard' section" in result.stderr
    assert "the 'chart' section is no longer made by the review template" in result.stderr
    assert "reviews/2026-W47.md: would update" not in result.stderr + result.stdout


def test_a_file_name_with_control_characters_is_shown_escaped_as_check_shows_it(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported (tryout): for `goals/evil<LF>name<TAB>tab.md` the review's Hygiene line
    said ``the file name `evil name<TAB>tab.md` `` with a raw tab (and a bell or an
    escape would have been written raw too); `journal check` shows `evil\\nname\\ttab.md`."""
    write("goals/evil\nname\ttab\x07.md", goal_text("Evil", start="2026-09-01"))
    checked = invoke("check", "--select", "H018").stdout
    assert "the file name `evil\\nname\\ttab\\x07.md` holds" in checked
    invoke("review")
    attention = attention_of((vault / SAMPLE_REVIEW).read_text(encoding="utf-8"))
    [told] = [line for line in attention.splitlines() if "H018" in line]
    message = told.split("]]: ", 1)[1]
    assert message.startswith("the file name `evil\\nname\\ttab\\x07.md` holds")
    assert message.isprintable()


def test_a_check_in_field_copied_into_the_review_keeps_its_code_and_addresses(
    invoke: Invoke, write: Write
) -> None:
    """Found in a session: `progress:: [[a]] +1 ran `make test` and read
    [guide](https://x.org/p#s)` showed as `ran and read [guide]()`: the code span and
    the link's address were left out of the field's note; its goal and amount are still
    read outside code (tests/test_checkin_fields.py has more)."""
    write("goals/a.md", goal_text("Alpha"))
    write(
        "Journal/Daily/2026-11-20.md",
        "progress:: [[a]] +1 ran `make test` and read [guide](https://x.org/p#s)\n"
        "progress:: [[a]] `+5` and a [rebased](../../goals/a.md) link\n",
    )
    review = invoke("review", "--stdout").stdout
    assert (
        "- 2026-11-20 · +1 · ran `make test` and read [guide](https://x.org/p#s) · "
        "in [[2026-11-20]]\n"
    ) in review
    assert "`+5` and a [rebased](../goals/a.md) link" in review


def test_the_review_loads_the_planner_only_for_a_week_a_plan_covers() -> None:
    """``journal.core.plan`` (its weeks) is imported by covering_plan, when a plan covers
    the week: not with the review's module."""
    code = (
        "import sys; import journal.cli, journal.usecases.review;"
        "assert 'journal.core.plan' not in sys.modules, 'journal.core.plan imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
