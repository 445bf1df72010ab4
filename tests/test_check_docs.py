"""docs/checks.md documents every rule, and its bad and good examples do what they say."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from journal.core.catalog import Catalog
from journal.core.notes import parse_note
from journal.core.rules import RULES, Context
from journal.core.rules.run import evaluate
from journal.core.settings import Check, Config
from tests.conftest import REPO

CHECKS_MD = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
FORMAT_MD = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
EXAMPLE_PATH = "goals/example.md"
#: Rules whose examples are notes of another folder than the goal folder.
EXAMPLE_PATHS = {"H017": "meetings/example.md"}
#: Notes the examples may link to.
NEIGHBOURS = {
    "goals/Become an HRBP.md": "---\ntype: goal\nmetric: competencies\ntarget: 8\n---\n",
    "people/Priya Raman.md": "---\ntype: contact\naliases:\n  - Priya\n---\n# Priya Raman\n",
}
#: Rules whose examples need several notes or a config, shown as text.
TEXT_EXAMPLES = {
    "A002",
    "A003",
    "H002",
    "H003",
    "H014",
    "H018",
    "H019",
    "H020",
    "H028",
    "R003",
    "T012",
}


def sections() -> dict[str, str]:
    parts = re.split(r"^#### ", CHECKS_MD, flags=re.MULTILINE)[1:]
    return {part.split(" ", 1)[0]: part for part in parts}


SECTIONS = sections()


def example(section: str, label: str) -> tuple[str, str]:
    """The language and text of the first fenced block after the line starting with ``label``."""
    match = re.search(rf"^{label}\b.*?^```(\w+)\n(.*?)^```", section, re.MULTILINE | re.DOTALL)
    assert match, f"no {label} example"
    return match.group(1), match.group(2)


def findings_of(rule_id: str, language: str, text: str) -> list[str]:
    note = text if language == "markdown" else f"---\n{text}---\n# Example\n"
    where = EXAMPLE_PATHS.get(rule_id, EXAMPLE_PATH)
    notes = {**NEIGHBOURS, where: note}
    catalog = Catalog(
        (parse_note(path, body.encode("utf-8")) for path, body in notes.items()),
        # H016, H017: a note there that is no goal, or whose `type` is a slip
        folders={"goal": "goals", "meeting": "meetings", "contact": "people"},
    )
    rule = next(r for r in RULES if r.id == rule_id)
    context = Context(catalog, Config(), date(2026, 11, 22))
    return [f.rule for f in evaluate(context, [rule]) if f.path == where]


def test_every_rule_has_a_section_with_its_name_and_severity() -> None:
    assert list(SECTIONS) == [r.id for r in RULES]
    for rule in RULES:
        heading = SECTIONS[rule.id].splitlines()[0]
        assert heading == f"{rule.id} {rule.name} ({rule.severity})"
        assert "Silence:" in SECTIONS[rule.id], f"{rule.id}: how to silence it"


@pytest.mark.parametrize("rule_id", [r.id for r in RULES])
def test_the_bad_example_breaks_the_rule_and_the_good_one_passes(rule_id: str) -> None:
    bad_language, bad = example(SECTIONS[rule_id], "Bad")
    if rule_id in TEXT_EXAMPLES:
        assert bad_language == "text" and "\nGood: " in SECTIONS[rule_id]
        return
    good_language, good = example(SECTIONS[rule_id], "Good")
    assert bad_language in ("yaml", "markdown") and good_language in ("yaml", "markdown")
    assert findings_of(rule_id, bad_language, bad) == [rule_id]
    assert findings_of(rule_id, good_language, good) == []


def test_every_check_setting_is_documented_in_both_docs() -> None:
    for key in (f.name for f in dataclasses.fields(Check)):
        assert f"`check.{key}`" in CHECKS_MD, f"check.{key} missing from docs/checks.md"
        assert re.search(rf"^{key} = ", FORMAT_MD, re.MULTILINE), f"{key} missing in format.md"


def test_the_word_lists_in_the_docs_are_the_ones_in_the_code() -> None:
    from journal.core import words

    lists = (
        words.VAGUE_PHRASES,
        words.MULTIPLES,
        words.RESULT_VERBS,
        words.AGENTS,
        words.DELIVERABLES,
        words.DETERMINERS,
        words.MAKING_VERBS,
        words.NOT_OBJECTS,
        words.ACTIVITY_NOUNS,
        words.ACTIVITY_VERBS,
        words.REACH_WORDS,
        words.OUTCOME_MARKERS,
        words.EFFORT_BEFORE_MARKER,
        words.EFFORT_AFTER_MARKER,
    )
    for phrase in (phrase for listed in lists for phrase in listed):
        assert f"`{phrase}`" in CHECKS_MD, f"'{phrase}' missing from docs/checks.md"
