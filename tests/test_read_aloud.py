"""The review and the plan read aloud: headings a screen reader can jump to, charts with
a text equivalent, table columns named by their goals, words instead of symbols."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.core import codec
from journal.core.catalog import LITTLE_WORDS
from tests.conftest import REPO, Invoke, Write, goal_text
from tests.test_catalog import FOREIGN_LITTLE_WORDS
from tests.test_plan import section_of
from tests.test_review import run

BOLD_LINE = re.compile(r"^\*\*[^*]+\*\*$", re.MULTILINE)


def review_of(example_vault: Path) -> str:
    code, out, err = run(example_vault, "review", "--stdout")
    assert (code, err) == (0, "")
    return out


def plan_of(example_vault: Path) -> str:
    code, out, err = run(example_vault, "plan", "--stdout")
    assert (code, err) == (0, "")
    return out


def test_the_reviews_subheadings_are_headings_one_level_below_their_section(
    example_vault: Path,
) -> None:
    """Reported: bold lines for "Overdue", "Follow-ups", each goal of the check-ins...
    are skipped by a screen reader's heading navigation."""
    text = review_of(example_vault)
    assert BOLD_LINE.findall(text) == []
    milestones = section_of(text, "milestones")
    assert "\n## Milestones\n\n### Overdue\n\n- Three leaders" in milestones
    assert "\n\n### Due this week\n\n- nothing\n\n### Due next week\n\n" in milestones
    networking = section_of(text, "networking")
    for title in ("Follow-ups", "Meetings this week", "New contacts"):
        assert f"\n\n### {title}\n\n- " in networking
    checkins = section_of(text, "checkins")
    assert "\n## Check-ins\n\n### [[Attend two HR events a month]]\n\n- 2026-11-20" in checkins


def test_the_plans_months_are_headings(example_vault: Path) -> None:
    text = plan_of(example_vault)
    assert BOLD_LINE.findall(text) == []
    focus = section_of(text, "focus")
    assert "\n## Focus by month\n\n### November 2026\n\nMost progress" in focus
    assert (
        "\n\n### February 2027\n\nNothing due; in progress: [[Become an HR Business Partner]], "
        "[[Network more]].\n"
    ) in focus


def test_the_reviews_chart_says_in_words_what_it_shows(example_vault: Path) -> None:
    """Reported: "of 7 goals" under a scoreboard of 9, with no word why: the goals the
    chart leaves out are named, with why."""
    chart = section_of(review_of(example_vault), "chart")
    assert "```mermaid\ngantt\n    accTitle: Progress against time of 7 goals\n" in chart
    assert (
        "\n    accDescr: Of 7 goals, 1 is behind (Present the engagement survey results to "
        "the leadership team), 1 ahead and 5 on track, each a bar from its start to its due "
        "date filled as far as its progress, with the review day 2026-11-22 marked. 2 of "
        "the scoreboard's 9 goals are not charted, 1 without a due date (Network more) and 1 "
        "completed this week (Find a mentor in HR leadership)\n"
    ) in chart
    assert chart.split("```\n", 1)[1].startswith(
        "\nThe Scoreboard above says the same in words: each goal's Pace.\n"
    )


def test_the_plans_timeline_says_in_words_what_it_shows(example_vault: Path) -> None:
    chart = section_of(plan_of(example_vault), "chart")
    assert (
        "```mermaid\ngantt\n    accTitle: Timeline of 8 goals, 2026-11-23 to 2027-02-20\n" in chart
    )
    assert (
        "\n    accDescr: 8 goals from 2026-11-23 to 2027-02-20 with 8 milestones, none done, "
        "and 6 goals due in these weeks, the first Present the engagement survey results "
        "to the leadership team on 2026-12-03\n"
    ) in chart
    assert chart.split("```\n", 1)[1].startswith(
        "\nFocus by month above says the same in words: what is due in each month.\n"
    )


def test_a_chart_of_no_goal_says_so(invoke: Invoke) -> None:
    """A vault with no goal yet: the charts still describe themselves."""
    review = invoke("review", "--stdout")
    assert "    accDescr: no goal with a start and due date to chart\n" in review.stdout
    plan = invoke("plan", "--stdout")
    assert "    accDescr: no goal in these weeks" in plan.stdout


def test_a_chart_names_the_goals_it_leaves_out_and_why(
    invoke: Invoke, write: Write, vault: Path
) -> None:
    """Reported: `of 3 goals` under a 5-row scoreboard, two goals without a due date: the
    goals on the scoreboard the chart leaves out are counted and named, by why."""
    write("goals/a.md", goal_text("Alpha", start="2026-10-01", due="2026-12-31"))
    write("goals/b.md", goal_text("Beta", start="2026-10-01", due=""))
    write("goals/c.md", goal_text("Gamma", start="2026-10-01", due="2026-10-01"))
    write("goals/d.md", goal_text("Delta", start="2027-06-01", due="2027-12-31"))
    write("goals/e.md", goal_text("Epsilon", start="2026-10-01", due=""))
    [line] = [
        line
        for line in invoke("review", "--stdout").stdout.splitlines()
        if line.startswith("    accDescr")
    ]
    assert line.endswith(
        ". 4 of the scoreboard's 5 goals are not charted, 2 without a due date (Beta, "
        "Epsilon), 1 due by its start (Gamma) and 1 outside its weeks (Delta)"
    )
    for path in ("a", "c", "d"):
        write(f"goals/{path}.md", goal_text(path, due=""))
    [line] = [
        line
        for line in invoke("review", "--stdout").stdout.splitlines()
        if line.startswith("    accDescr")
    ]
    assert line == (
        "    accDescr: no goal with a start and due date to chart. 5 of the scoreboard's 5 "
        "goals are not charted, 5 without a due date (a, Beta, c, d, Epsilon)"
    )
    for path in ("a", "c", "d", "e"):  # reported: "1 of the scoreboard's 3 goals are"
        write(f"goals/{path}.md", goal_text(path, start="2026-10-01", due="2026-12-31"))
    review = invoke("review", "--stdout").stdout
    assert ". 1 of the scoreboard's 5 goals is not charted, 1 without a due date (Beta)" in review
    for path in ("a", "c", "d", "e"):
        (vault / "goals" / f"{path}.md").unlink()
    review = invoke("review", "--stdout").stdout
    assert ". 1 of the scoreboard's 1 goal is not charted, 1 without a due date (Beta)" in review


def test_the_weekly_targets_name_each_goal_in_words(example_vault: Path) -> None:
    """Reported: the columns headed 1, 2, 3... and milestones "(6)" made a listener keep
    the numbers of the goals in mind; the due week was told by bold alone."""
    targets = section_of(plan_of(example_vault), "targets")
    assert (
        "| Column | Goal | From | To | By |\n|--------|------|------|----|----|\n"
        "| Attend two HR events | [[Attend two HR events a month]] | 4 | 6 events | "
        "2026-12-31 |\n"
    ) in targets
    assert (
        "| Week | Days | Attend two HR events | Become an HR Business | Complete the People | "
        "Connect with five HR | Post on LinkedIn twice | Present the engagement | "
        "Two informational | Milestones (goal) |\n"
    ) in targets
    engagement = "Present the engagement survey results to the leadership team"
    assert (
        "| 2026-W49 | 2026-11-30 to 2026-12-06 | 4 | 3 | 3 | 3 | 8 | **3 (due)** | 1 | "
        f"Dry run with Priya (goal: {engagement}); Present at the leadership meeting (goal: "
        f"{engagement}) |\n"
    ) in targets


def test_a_milestone_names_its_goal_by_title_not_by_a_column(example_vault: Path) -> None:
    """Reported on upgrading: `Complete the People Analytics certificate (Become an HR)`
    read as a milestone of the column "Complete the People"; the columns' names, cut at
    three words (`Become an HR`), read badly too."""
    targets = section_of(plan_of(example_vault), "targets")
    assert (
        "Complete the People Analytics certificate (goal: Become an HR Business Partner)"
    ) in targets
    assert "| Become an HR Business |" in targets


def test_a_milestone_names_goals_titled_alike_apart(invoke: Invoke, write: Write) -> None:
    """A milestone's goal is named by its title as markdown text, and goals titled alike
    (in any case) apart by their numbers, as their short names are."""
    for name, title in (("a", '"Budget #q1"'), ("b", '"budget #Q1"'), ("c", "Run")):
        milestones = '[{title: "Draft", due: 2026-12-02}]'
        write(f"goals/{name}.md", goal_text(title, id=name, target=40, milestones=milestones))
    targets = section_of(invoke("plan", "--stdout").stdout, "targets")
    assert (
        "Draft (goal: Budget \\#q1 (1)); Draft (goal: budget \\#Q1 (2)); Draft (goal: Run) |"
    ) in targets


def test_short_names_are_the_first_words_and_unique() -> None:
    from journal.core.plan import short_names

    assert short_names(["Attend two HR events a month", "Run", "A: b"]) == [
        "Attend two HR events",  # not ending on "a": a cut name ends on a word that says
        "Run",
        "A: b",
    ]
    assert short_names(["Post on LinkedIn twice a week", "Read to the end of it"]) == [
        "Post on LinkedIn twice",
        "Read to the end of it",  # whole: nothing cut, so nothing dangles
    ]
    # at most 24 characters, cut at a word boundary (a single long word is cut)
    assert short_names(["Internationalisation project", "Führungskräfteentwicklungsprogramme"]) == [
        "Internationalisation",
        "Führungskräfteentwicklu…",
    ]
    # names that would be the same: numbers only for titles the same throughout
    assert short_names(["Speak at a meetup", "Speak at a conference", "Speak at a meetup"]) == [
        "Speak at a meetup (1)",
        "Speak at a conference",
        "Speak at a meetup (3)",
    ]
    # markdown shows it as typed: no tag, link or comment
    assert short_names(["Learn #python <!-- x --> [[now]]"]) == ["Learn \\#python \\[\\[now]]"]


def test_short_names_keep_to_their_length_when_titles_differ_late() -> None:
    """Found in review: names that were the same took words until they differed, past
    the 24 characters (a whole hostile title heading a column)."""
    from journal.core.plan import short_names

    assert short_names(
        [
            "Present the engagement survey results to the leadership team",
            "Present the engagement survey results to staff",
            "Plan: Q3 | quoted [[x]] #tag --- type: hacked",
        ]
    ) == [
        "Present … leadership",
        "Present … staff",
        "Plan: Q3 | quoted \\[\\[x]]",
    ]
    # in any case; a title that reads as another's numbered name is numbered too
    assert short_names(["Run a 10k", "run a 10K", "Budget", "Budget", "Budget (3)"]) == [
        "Run a 10k (1)",
        "run a 10K (2)",
        "Budget (3)",
        "Budget (4)",
        "Budget (3) (5)",
    ]
    assert short_names(["<!-- all hidden -->", "Run"]) == ["(1)", "Run"]  # never an empty header
    long = "Führungskräfteentwicklungsprogramme"
    assert short_names([f"{long} A", f"{long} B"]) == [
        "Führungskräfteentwick… A",
        "Führungskräfteentwick… B",
    ]


@given(word=st.sampled_from((*FOREIGN_LITTLE_WORDS, *LITTLE_WORDS)), shout=st.booleans())
def test_a_short_name_ends_on_no_german_spanish_or_french_little_word(
    word: str, shout: bool
) -> None:
    """Reported: the plan's columns `Die Rolle der HRBP mit` and `Mejorar los informes
    del`: only English little words were left off the end of a cut short name.  No word
    of the little words a command that writes won't go by ends one."""
    from journal.core.plan import short_names

    typed = word.upper() if shout else word
    assert short_names([f"Abcdefghij Klmno {typed} Zwischenzeitlich"]) == ["Abcdefghij Klmno"]
    assert short_names(
        ["Die Rolle der HRBP mit Leben füllen", "Mejorar los informes del equipo 📊"]
    ) == ["Die Rolle der HRBP", "Mejorar los informes"]


def test_short_names_that_collide_are_told_apart_by_the_word_that_differs() -> None:
    """Reported: "Present people analytics (3)" and "(4)" for a dashboard and a training:
    position numbers, while the word telling them apart was right there."""
    from journal.core.plan import short_names

    assert short_names(
        ["Run", "Present people analytics dashboard", "Present people analytics training"]
    ) == ["Run", "Present people … dashboard", "Present people … training"]
    # the first word where a title differs from the others it collides with, not a
    # little word (the, a, to...): the next one; and its first words, fewer to make room
    assert short_names(
        [
            "Attend two HR events a month",
            "Attend two HR events a year",
            "Attend two HR events",  # whole: the others tell themselves apart from it
        ]
    ) == ["Attend two HR … month", "Attend two HR … year", "Attend two HR events"]
    # three alike: each by the word that tells it from the one closest to it; a name
    # that would end on a little word before the ellipsis is cut before it
    assert short_names(
        [
            "Present people analytics dashboard to the board",
            "Present people analytics dashboard to the team",
            "Present people analytics training",
            "Speak at the regional HR meetup in spring",
            "Speak at the regional HR meetup in autumn",
            "Mentor two junior HR analysts on SQL",
            "Mentor two junior HR analysts",
        ]
    ) == [
        "Present people … board",
        "Present people … team",
        "Present people … training",
        "Speak … spring",
        "Speak … autumn",
        "Mentor two junior HR … SQL",
        "Mentor two junior HR",
    ]


def test_the_scoreboard_says_progress_and_change_in_words(example_vault: Path) -> None:
    """Reported: "Baseline → now → target", "0 → 4 → 6 events", and "–" and "±0" in
    This week, explained only below the table, read badly aloud; then a Progress cell
    opening with ten glyphs before its words (the percentage first now, the bar after it,
    and no bar of dots for an unknown progress)."""
    board = section_of(review_of(example_vault), "scoreboard")
    assert "→" not in board and "±" not in board and "–" not in board
    assert "| Goal | Progress | Value | This week | Pace |\n" in board
    assert (
        "| [[Attend two HR events a month]] | 67% ███████░░░ | **4** of 6 events (from 0) "
        "| +1 | on track"
    ) in board
    assert "| **3** of 8 competencies (from 0) | no change | on track" in board
    assert "| [[Network more]] | unknown | no target yet | none | unknown |" in board


def test_a_goal_going_down_says_so(invoke: Invoke, write: Write) -> None:
    write(
        "goals/w.md",
        goal_text("Weigh less", metric="weight", unit="kg", baseline=80, current=78, target=70),
    )
    board = section_of(invoke("review", "--stdout").stdout, "scoreboard")
    assert "| [[w]] | 20% ██░░░░░░░░ | **78 kg**, down to 70 kg (from 80) |" in board


def test_a_plan_written_before_short_names_is_read_as_one_written_now(
    invoke: Invoke, write: Write, vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """status and the review read a plan's weekly targets from its `targets` property,
    not its table: a plan written before its columns were named by short names and its
    due week said "(due)" (`| 1 |`, `**5**`) paces a goal as one written now does, and
    `journal plan` brings its table up to date with no edit of the user's to report
    (a `(due)` cell failed only a test that read the table, never journal)."""
    template = (REPO / "templates/plan.md.j2").read_text()
    for shipped, was in (
        ("row.short", "row.number"),
        ("(goal: {{ m.goal_title }}", "({{ m.goal }}"),
        ("**{{ t.value }} (due)**", "**{{ t.value }}**"),
    ):
        assert shipped in template
        template = template.replace(shipped, was)
    write(".journal/templates/plan.md.j2", template)  # the plan.md.j2 shipped before
    write("goals/a.md", goal_text("Alpha", start="2026-10-02", current=3, target=5))
    monkeypatch.setenv("JOURNAL_TODAY", "2026-10-16")
    assert invoke("plan").exit_code == 0
    (vault / ".journal/templates/plan.md.j2").unlink()
    [path] = (vault / "plans").iterdir()
    old = path.read_text()
    assert "\n| 1 | [[a]] | 3 | 5 conversations | 2026-12-31 |\n" in old
    assert "| **5** |" in old and "(due)**" not in old and "| Alpha |" not in old
    made = invoke("plan")  # the same day, by the template shipped now
    assert (made.exit_code, made.stdout, made.stderr) == (0, f"plans/{path.name}: updated\n", "")
    new = path.read_text()
    assert "\n| Alpha | [[a]] | 3 | 5 conversations | 2026-12-31 |\n" in new
    assert "\n| Week | Days | Alpha | Milestones (goal) |\n" in new
    assert "| **5 (due)** |" in new and "| 1 |" not in new
    assert codec.parse_text(new).data["targets"] == codec.parse_text(old).data["targets"]  # type: ignore[index]
    monkeypatch.setenv("JOURNAL_TODAY", "2026-11-29")

    def paced() -> tuple[object, ...]:
        [goal] = json.loads(invoke("status", "--json").stdout)["goals"]
        review = invoke("review", "--stdout").stdout
        row = next(r for r in review.splitlines() if r.startswith("| [[a]]"))
        return goal["pace"], goal["expected"], goal["by_plan"], row.split(" | ")[-1]

    now = paced()
    assert now[:3] == ("behind", 4, True)  # the plan's 4 by 2026-W48, not the line's 3.2
    path.write_text(old)
    assert paced() == now
