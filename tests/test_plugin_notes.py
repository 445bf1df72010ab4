"""Notes written for Obsidian plugins (Templater, Tasks, Dataview) in a vault moved to
journal: what ``journal check`` and the readers say of them."""

from __future__ import annotations

from tests.test_check_rules import PATH, catalog, goal_note, line_of, of, run


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
