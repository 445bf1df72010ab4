"""Links resolve as in Obsidian (getFirstLinkpathDest), in a vault of tricky names,
the same way from the catalog, the index and ``journal check``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from journal.adapters.index import Index
from journal.adapters.vault import Vault, load_catalog
from journal.core.catalog import Catalog
from journal.core.links import find_links, parse_link
from journal.core.notes import parse_note
from journal.core.rules import RULES, Context
from journal.core.settings import Config
from tests.conftest import Invoke, Write, goal_text, permissions_checked

#: path -> front matter lines (a note's aliases), for the tricky vault.
TRICKY = {
    "Note.md": "",
    "zzzz/Note.md": "",
    "a/b/Note.md": "",
    "b/Other.md": "",
    "a/b/Other.md": "",
    "deep/x/y/Other.md": "",
    "notes/v1.2 release.md": "",
    "notes/C# tips.md": "",
    "people/Ärzte Übersicht.md": "",
    "people/Straße.md": "",
    "people/Dana Ortiz.md": "aliases:\n  - Dana\n  - Note\n",
    "people/Sam Patel.md": "alias: Sam, S.P.\n",
    "src/here/Other.md": "",
    "src/here/source.md": "",
    "src/source.md": "",
    "zzzz/deep/source.md": "",
    "Tie/aa/Tie.md": "",
    "Tie/bb/Tie.md": "",
}


def tricky_catalog() -> Catalog:
    return Catalog(
        parse_note(path, (f"---\n{props}---\n" if props else "# x\n").encode())
        for path, props in TRICKY.items()
    )


RESOLVED = [
    # 1. an exact vault path wins, from anywhere, over a note beside the source
    ("Note", "a/b/x.md", "Note.md"),
    ("b/Note", "a/b/x.md", "a/b/Note.md"),  # no b/Note.md: the path ending in it
    ("zzzz/Note", "a/b/x.md", "zzzz/Note.md"),
    ("a/b/Note.md", None, "a/b/Note.md"),
    ("/zzzz/Note", None, "zzzz/Note.md"),
    ("NOTE.MD", None, "Note.md"),
    # 2. else a note in the linking note's own folder (not an ancestor's)
    ("Other", "src/here/source.md", "src/here/Other.md"),
    ("Other", "a/b/x.md", "a/b/Other.md"),
    ("Other", "src/source.md", "b/Other.md"),
    # 3. else the shortest path string, then path order
    ("Other", None, "b/Other.md"),
    ("Other", "zzzz/deep/source.md", "b/Other.md"),
    ("Tie", None, "Tie/aa/Tie.md"),
    # a path that ends with the target's folders
    ("b/Other", None, "b/Other.md"),
    ("y/Other", None, "deep/x/y/Other.md"),
    ("b/Note", None, "a/b/Note.md"),
    # relative to the linking note
    ("../Other", "src/here/source.md", None),
    ("./Other", "src/here/source.md", "src/here/Other.md"),
    ("../../b/Other", "a/b/x.md", "b/Other.md"),
    ("../../../x", "a/b.md", None),
    # names with dots, #, case and unicode
    ("v1.2 release", None, "notes/v1.2 release.md"),
    ("V1.2 RELEASE.md", None, "notes/v1.2 release.md"),
    ("ärzte übersicht", None, "people/Ärzte Übersicht.md"),
    ("STRASSE", None, None),  # JavaScript's toLowerCase keeps ß; casefold would not
    ("STRAßE", None, "people/Straße.md"),
    # aliases: only when no file has the name (journal's addition; Obsidian: none)
    ("Dana", None, "people/Dana Ortiz.md"),
    ("dana", None, "people/Dana Ortiz.md"),
    ("S.P.", None, "people/Sam Patel.md"),
    # the alias "Note" never beats the file Note.md
    ("Note", "people/x.md", "Note.md"),
    ("Nobody", None, None),
    # [[#Heading]] is the linking note itself
    ("", "src/source.md", "src/source.md"),
]


@pytest.mark.parametrize(("target", "source", "expected"), RESOLVED)
def test_links_resolve_as_in_obsidian(target: str, source: str | None, expected: str) -> None:
    assert tricky_catalog().resolve_path(target, source) == expected


def test_answers_kept_from_one_folder_hold_in_every_other() -> None:
    """One resolver answers every case, in both orders: an answer it keeps per target
    (one note answers to it) or per folder is never lent where it is wrong."""
    for cases in (RESOLVED, RESOLVED[::-1]):
        catalog = tricky_catalog()
        found = [catalog.resolve_path(target, source) for target, source, _ in cases]
        assert found == [expected for _, _, expected in cases]


def test_a_hash_in_a_file_name_can_not_be_linked_as_a_name() -> None:
    # [[C# tips]] is the heading " tips" of the note "C", as in Obsidian.
    link = parse_link("[[C# tips]]")
    assert link is not None and (link.target, link.heading) == ("C", "tips")
    assert tricky_catalog().resolve_path(link.target) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("[[Sq]uare]]", [("Sq]uare", None, None)]),
        ("[[Nested [[Inner]] x]]", [("Inner", None, None)]),
        ("[[Note#Heading|shown]]", [("Note", "Heading", "shown")]),
        ("[[Note#^block-id]]", [("Note", "^block-id", None)]),
        ("| [[Note\\|shown]] |", [("Note", None, "shown")]),  # a pipe escaped in a table
        ("[[#Heading]]", [("", "Heading", None)]),
        ("[[Multi\nLine]]", []),
        ("[[]]", []),
    ],
)
def test_link_grammar_is_obsidians(text: str, found: list[tuple[str, str, str]]) -> None:
    assert [(x.target, x.heading, x.alias) for x in find_links(text)] == found
    body = parse_note("n.md", f"# n\n\n{text}\n".encode())
    assert [(x.target, x.heading, x.alias) for x in body.links] == found


def test_the_index_resolves_every_link_as_the_catalog_does(vault: Path, write: Write) -> None:
    for path, props in TRICKY.items():
        write(path, f"---\n{props}---\n" if props else "# x\n")
    links = ["Note", "Other", "b/Note", "../Other", "Dana", "Nobody", "#Top"]
    body = "".join(f"- [[{t}]]\n" for t in links)
    write("src/here/linker.md", f"# Linker\n\n{body}")
    write("linker.md", f"# Linker\n\n{body}")
    index = Index.open(Vault.open(vault))
    index.refresh()
    rows = index.conn.execute(
        "SELECT path, target, heading, resolved FROM links ORDER BY path, seq"
    ).fetchall()
    catalog = load_catalog(Vault.open(vault))
    for path, target, heading, resolved in rows:
        assert resolved == catalog.resolve_path(target, path), (path, target, heading)
    resolved = {(p, t): r for p, t, _h, r in rows}
    assert resolved["src/here/linker.md", "Other"] == "src/here/Other.md"
    assert resolved["linker.md", "Other"] == "b/Other.md"
    assert resolved["src/here/linker.md", ""] == "src/here/linker.md"
    # a note appearing beside the linker takes the link over on the next refresh
    write("Other.md", "# root\n")
    index.refresh()
    again = {
        (p, t): r for p, t, r in index.conn.execute("SELECT path, target, resolved FROM links")
    }
    assert again["linker.md", "Other"] == "Other.md"
    assert again["src/here/linker.md", "Other"] == "Other.md"  # an exact path wins


def test_goals_link_targets_from_their_own_folder(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    write("goals/Become an HRBP.md", goal_text("Become an HRBP", target=1))
    write("archive/Become an HRBP.md", "# old\n")
    write("goals/Lead.md", goal_text("Lead", supports='"[[Become an HRBP]]"'))
    result = invoke("show", "Lead", "--json")
    assert result.exit_code == 0, result.output
    assert '"resolved": "goals/Become an HRBP.md"' in result.output


def test_check_hints_at_body_links_to_no_note_and_alias_links(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    write("people/Priya Raman.md", "---\ntype: contact\naliases: [Priya]\n---\n")
    write("people/Dana Ortiz.md", "---\ntype: contact\n---\n")
    body = "## Log\n\n- 2026-11-19: Met [[Priya]]\n- 2026-11-20: Met [[Prya Raman]]\n"
    write("goals/Mentor.md", goal_text("Find a mentor", supports='"[[Priya]]"') + body)
    result = invoke("check", "--select", "H008,H009", "--json")
    found = [(f["rule"], f["message"].split(" ")[0]) for f in json.loads(result.output)]
    assert sorted(found) == [
        ("H008", "[[Prya"),
        ("H009", "[[Priya]]"),
        ("H009", "[[Priya]]"),
    ]
    assert result.exit_code == 0  # hints only
    # a meeting's people and goal too (they were not looked at)
    write(
        "meetings/m.md",
        '---\ntype: meeting\ndate: 2026-11-20\nwith: ["[[Dana Ortiz]]", "[[Priya]]"]\n'
        'goal: "[[Mentor]]"\n---\n',
    )
    found = json.loads(invoke("check", "--select", "H009", "--json").output)
    assert [(f["path"], f["line"], f["message"]) for f in found][-1] == (
        "meetings/m.md",
        4,
        "`[[Priya]]` in `with` names the note by an alias: journal finds people/Priya Raman.md, "
        "Obsidian does not (it shows such a link as unresolved)",
    )
    assert [f["path"] for f in found].count("meetings/m.md") == 1  # the goal's by file name


def test_a_meetings_alias_link_is_told_at_its_items_line_through_the_index(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """Reported: H009 said line 5 (`with:`) for `  - "[[Ann Lee]]"` on line 6, and 5 again
    for another meeting's on line 7: the index keeps no list item's line, so the meeting
    keeps its people's."""
    write("people/Ann Lee-Wong.md", "---\ntype: contact\naliases: [Ann Lee]\n---\n")
    write("people/Dana Ortiz.md", "---\ntype: contact\n---\n")
    people = '  - "[[Ann Lee]]"\n'
    write(
        "meetings/a.md", f"---\ntype: meeting\ndate: 2026-11-20\nkind: coffee\nwith:\n{people}---\n"
    )
    write(
        "meetings/b.md",
        '---\ntype: meeting\ndate: 2026-11-21\nwith:\n  - "[[Dana Ortiz]]"\n  - Dana\n'
        f"{people}---\n",
    )
    found = json.loads(invoke("check", "--select", "H009", "--json").output)
    assert [(f["path"], f["line"], f["message"].split(" names")[0]) for f in found] == [
        ("meetings/a.md", 6, "`[[Ann Lee]]` in `with`"),
        ("meetings/b.md", 7, "`[[Ann Lee]]` in `with`"),
    ]


def test_check_on_the_example_vault_is_unchanged(example_vault: Path, invoke: Invoke) -> None:
    result = invoke("check", root=example_vault)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "Found 10 problems (3 errors, 7 warnings) in 4 files; 10 goals checked."
    )


def test_tags_aliases_and_cssclasses_in_every_obsidian_form() -> None:
    forms = {
        "list": "tags:\n  - a\n  - '#b'\naliases:\n  - One\n  - 2\ncssclasses:\n  - wide\n",
        "comma": "tags: a, b\naliases: One, 2\ncssclasses: wide\n",
        "spaces": "tags: a b\naliases: [One, 2]\ncssclasses: wide\n",
        "legacy": "tag: a, b\nalias: One, 2\ncssclass: wide\n",
        "case": "Tags: [a, b]\nAliases: [One, '2']\nCSSClasses: [wide]\n",
    }
    for name, props in forms.items():
        note = parse_note("x.md", f"---\n{props}---\n".encode())
        assert note.tags == ["a", "b"], name
        assert note.aliases == ["One", "2"], name
        assert note.cssclasses == ["wide"], name


def test_a_goals_legacy_tag_key_types_as_its_tags() -> None:
    text = goal_text("Lead").replace("---\n", "---\ntag: hr, growth\n", 1)
    note = parse_note("goals/Lead.md", text.encode())
    catalog = Catalog([note])
    assert catalog.goals[0].tags == ["hr", "growth"]
    assert "tag" not in catalog.goals[0].extra


def test_answers_kept_per_folder_never_lend_a_note_its_own_link() -> None:
    """The resolver (the catalog's and the index's) keeps answers per folder, except one
    that is the linking note itself (``[[#Heading]]``, a link to itself by name)."""
    catalog = tricky_catalog()
    for source in ("src/source.md", "src/Other.md", "src/here/Other.md", "src/source.md"):
        assert catalog.resolve_path("", source) == source
    assert catalog.resolve_path("Other", "src/here/Other.md") == "src/here/Other.md"
    assert catalog.resolve_path("Other", "src/here/source.md") == "src/here/Other.md"
    assert catalog.resolve_path("Other", "src/source.md") == "b/Other.md"


#: Two goals whose paths differ only in case (possible on Linux alone), and a daily note.
TWINS = {
    "goals/Budget.md": goal_text("Upper budget", target=3, current=0),
    "goals/budget.md": goal_text("Lower budget", target=3, current=0),
    "daily/2026-11-20.md": (
        "- progress:: [[budget]] +1 via daily\n"
        "- progress:: [[Budget]] +2 x\n"
        "- progress:: [[goals/budget]] +10 y\n"
    ),
}


@pytest.mark.parametrize(
    ("target", "source", "expected"),
    [
        ("budget", "daily/x.md", "goals/budget.md"),
        ("Budget", "daily/x.md", "goals/Budget.md"),
        ("BUDGET", "daily/x.md", "goals/Budget.md"),  # neither as written: path order
        ("goals/budget", None, "goals/budget.md"),
        ("goals/Budget", None, "goals/Budget.md"),
        ("/goals/budget.MD", None, "goals/budget.md"),
        ("./budget", "goals/x.md", "goals/budget.md"),
        ("../goals/Budget", "daily/x.md", "goals/Budget.md"),
        ("budget", "goals/x.md", "goals/budget.md"),  # both beside the linking note
    ],
)
def test_of_notes_differing_only_in_case_a_link_finds_the_one_it_writes(
    target: str, source: str | None, expected: str
) -> None:
    """Reported: `[[goals/budget]]`, which the review wrote for goals/budget.md, and every
    check-in naming it found goals/Budget.md (the first in path order); Obsidian takes
    whichever of the two it loaded first."""
    catalog = Catalog(parse_note(path, text.encode()) for path, text in TWINS.items())
    assert catalog.resolve_path(target, source) == expected


def test_check_ins_go_to_the_goal_named_in_its_case_and_links_written_find_it(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    for path, text in TWINS.items():
        write(path, text)
    result = invoke("list", "--json")
    assert result.exit_code == 0, result.output
    current = {g["path"]: g["current"] for g in json.loads(result.output)}
    assert current == {"goals/Budget.md": 2, "goals/budget.md": 11}
    catalog = load_catalog(Vault.open(vault))
    for path in ("goals/Budget.md", "goals/budget.md"):
        link = parse_link(catalog.link_to(path, "reviews/2026-W47.md"))
        assert link is not None
        assert catalog.resolve_path(link.target, "reviews/2026-W47.md") == path


def test_check_warns_of_notes_differing_only_in_case_from_their_paths_alone(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    for path, text in TWINS.items():
        write(path, text)
    result = invoke("check", "--select", "H018", "--json")
    found = [(f["path"], f["rule"], f["severity"]) for f in json.loads(result.output)]
    assert found == [("goals/Budget.md", "H018", "warning"), ("goals/budget.md", "H018", "warning")]
    catalog = load_catalog(Vault.open(vault))
    rule = next(r for r in RULES if r.id == "H018")
    assert len(list(rule.check(Context(catalog, Config(), date(2026, 11, 22))))) == 2
    assert "heads" not in catalog.__dict__ and "notes" not in catalog.__dict__  # paths only


@pytest.mark.parametrize(
    ("target", "source", "tied"),
    [
        ("Tie", None, ("Tie/aa/Tie.md", "Tie/bb/Tie.md")),  # equally long, in no folder
        ("Tie", "daily/x.md", ("Tie/aa/Tie.md", "Tie/bb/Tie.md")),
        ("tie|shown", None, ()),  # a name no note has
        ("Tie", "Tie/bb/x.md", ()),  # the one beside the linking note
        ("aa/Tie", None, ()),  # a path ending with the target
        ("Tie/bb/Tie", None, ()),  # an exact path
        ("Other", None, ()),  # the shortest path
        ("Note", "a/b/x.md", ()),  # an exact path beats the one beside
        ("Nobody", None, ()),
        ("", "src/source.md", ()),
    ],
)
def test_a_link_ties_when_obsidian_cant_choose_between_notes(
    target: str, source: str | None, tied: tuple[str, ...]
) -> None:
    """Reported: `[[Fitness]]` for Career/Fitness.md and Health/Fitness.md counted for the
    first in path order, where Obsidian's choice between two paths of one length is not
    stable; notes whose paths differ only in case are no tie (the link's case chooses)."""
    assert tricky_catalog().link_ties(target, source) == tied
    twins = Catalog(parse_note(path, text.encode()) for path, text in TWINS.items())
    assert twins.link_ties("budget", "daily/x.md") == ()


def test_ties_are_looked_for_only_where_two_notes_share_a_name_or_an_alias(
    vault: Path, write: Write
) -> None:
    """H020 loads every goal note to read its links (20 ms of a review at 10,000 notes):
    a vault where no two notes share a file name or an alias can hold no tie, and is
    asked that once.  Two notes sharing an alias (no file name) still tie."""
    write("goals/a.md", goal_text("Alpha", supports='"[[Plan]]"'))
    write("notes/Plan.md", "# Plan\n")
    assert load_catalog(Vault.open(vault)).may_tie is False
    write("notes/b.md", "---\naliases: [Plan B]\n---\n")
    write("notes/c.md", "---\naliases: [plan b]\n---\n")
    catalog = load_catalog(Vault.open(vault))
    assert catalog.may_tie is True
    assert catalog.link_ties("Plan B", "goals/a.md") == ("notes/b.md", "notes/c.md")
    in_memory = Catalog(parse_note(p.relative_to(vault).as_posix(), p.read_bytes())
                        for p in sorted(vault.rglob("*.md")))  # fmt: skip
    assert in_memory.may_tie is True
    assert in_memory.link_ties("Plan B", "goals/a.md") == ("notes/b.md", "notes/c.md")


#: The tester's vault: two goals of one name in two folders, a check-in naming that name
#: and one naming a path, a meeting naming that name.
FITNESS = {
    "Career/Fitness.md": goal_text("Fitness", target=20, current=2),
    "Health/Fitness.md": goal_text("Fitness", target=20, current=2),
    "daily/2026-11-20.md": "# Friday\n\nprogress:: [[Fitness]] +1 gym\n",
    "daily/2026-11-21.md": "# Saturday\n\nprogress:: [[Health/Fitness]] +1 swim\n",
    "meetings/2026-11-19 Run club.md": (
        "---\ntype: meeting\ndate: 2026-11-19\ngoal: '[[Fitness]]'\n---\n# Run club\n"
    ),
}


def test_an_ambiguous_check_in_counts_for_none_and_check_names_the_notes(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    for path, text in FITNESS.items():
        write(path, text)
    listed = json.loads(invoke("list", "--json").output)
    current = {g["path"]: g["current"] for g in listed if g["title"] == "Fitness"}
    assert current == {"Career/Fitness.md": 2, "Health/Fitness.md": 3}  # the +1 by path only
    found = json.loads(invoke("check", "--select", "H010,H020", "--json").output)
    told = {(f["path"], f["line"], f["rule"]): (f["message"], f["suggestion"]) for f in found}
    either = "may link to Career/Fitness.md or Health/Fitness.md: Obsidian's choice"
    fix = "write the path of the note meant: [[Career/Fitness]] or [[Health/Fitness]]"
    message, suggestion = told.pop(("daily/2026-11-20.md", 3, "H010"))
    assert message.startswith(f"`progress:: [[Fitness]]` {either}")
    assert message.endswith("so it counts for none of them") and suggestion == fix
    message, suggestion = told.pop(("meetings/2026-11-19 Run club.md", 4, "H020"))
    assert message.startswith(f"goal: [[Fitness]] {either}")
    assert message.endswith("so the meeting counts for none of them") and suggestion == fix
    assert told == {}


def test_a_link_to_an_alias_two_goals_share_is_not_told_as_obsidians_unstable_choice(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """Reported (tryout): with two goals sharing the alias `Gee`, H010 said "Obsidian's
    choice between notes a link names equally well is not stable": Obsidian resolves no
    alias (the link is unresolved there), and the fix is the file name, not a path."""
    write("goals/Alpha.md", goal_text("Alpha", aliases="[Gee]"))
    write("goals/Betas.md", goal_text("Betas", aliases="[Gee]"))
    write("daily/2026-11-20.md", "# Friday\n\nprogress:: [[Gee]] +1 gym\n")
    write(
        "meetings/2026-11-19 Run.md", "---\ntype: meeting\ndate: 2026-11-19\ngoal: '[[Gee]]'\n---\n"
    )
    found = json.loads(invoke("check", "--select", "H009,H010,H020", "--json").output)
    told = {(f["path"], f["rule"]): (f["message"], f["suggestion"]) for f in found}
    shared = (
        "is an alias of goals/Alpha.md and goals/Betas.md: Obsidian resolves no link by an "
        "alias (it shows it as unresolved), and journal does not choose between them"
    )
    fix = "write the file name of the note meant: [[Alpha|Gee]] or [[Betas|Gee]]"
    assert told.pop(("daily/2026-11-20.md", "H010")) == (
        f"`progress:: [[Gee]]` {shared}, so it counts for none of them",
        fix,
    )
    assert told.pop(("meetings/2026-11-19 Run.md", "H020")) == (
        f"goal: [[Gee]] {shared}, so the meeting counts for none of them",
        fix,
    )
    assert told == {}  # no H009 naming one of them as the note journal finds


def test_a_meeting_whose_goal_link_ties_counts_for_no_goal(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """The meeting counted for the first goal in path order, the one counting meetings."""
    for path, text in FITNESS.items():
        write(path, text)
    meeting = "meetings/2026-11-19 Run club.md"
    counts = goal_text("Running", current=0, metric_source="meetings", start="2026-11-01")
    write("Career/Running.md", counts)
    write("Health/Running.md", goal_text("Running", target=5, current=0))
    write(meeting, FITNESS[meeting].replace("[[Fitness]]", "[[Running]]"))
    catalog = load_catalog(Vault.open(vault))
    assert catalog.meetings_for("Career/Running.md") == []
    assert catalog.goal_at("Career/Running.md").current == 0
    assert catalog.link_ties("Running", meeting) == ("Career/Running.md", "Health/Running.md")
    # found in review: `followups` named the first of the two as the meeting's goal
    owing = (
        "---\ntype: meeting\ndate: 2026-11-19\ngoal: '[[Running]]'\nfollow_up_by: 2026-11-26\n---\n"
    )
    write(meeting, owing)
    [owed] = json.loads(invoke("followups", "--all", "--json").stdout)
    assert owed["goal"] is None
    write(meeting, FITNESS[meeting].replace("[[Fitness]]", "[[Career/Running]]"))
    catalog = load_catalog(Vault.open(vault))
    assert [m.path for m in catalog.meetings_for("Career/Running.md")] == [meeting]
    assert catalog.goal_at("Career/Running.md").current == 1


def test_links_journal_writes_name_a_tied_note_by_its_path(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """Reported: the review wrote `[[Fitness]]` for Career/Fitness.md (the first in path
    order, Obsidian's choice is not stable) and `[[Health/Fitness]]` for the other."""
    for path, text in FITNESS.items():
        write(path, text)
    review = invoke("review", "--stdout").stdout
    assert "| [[Career/Fitness]] |" in review and "| [[Health/Fitness]] |" in review
    assert "| [[Fitness]] |" not in review
    catalog = load_catalog(Vault.open(vault))
    for path in ("Career/Fitness.md", "Health/Fitness.md"):
        link = parse_link(catalog.link_to(path, "reviews/2026-W47.md"))
        assert link is not None and link.target == path[:-3]
        assert catalog.link_ties(link.target, "reviews/2026-W47.md") == ()
        assert catalog.link_to(path, path) == "[[Fitness]]"  # beside it: no tie
    # text copied from a check-in note: `[[Fitness]]` found the note beside it there
    with catalog.linking_from("reviews/2026-W47.md"):
        assert catalog.relinked("see [[Fitness]]", "Career/x.md") == (
            "see [[Career/Fitness|Fitness]]"
        )


def test_check_warns_of_a_tied_link_in_the_properties_of_goals_meetings_and_contacts(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    for path, text in FITNESS.items():
        write(path, text)
    write("goals/Lead.md", goal_text("Lead", supports='"[[Fitness]]"'))
    for folder in ("a", "b"):
        write(f"people/{folder}/Dana Ortiz.md", "---\ntype: contact\n---\n# Dana\n")
    write("people/Sam Patel.md", "---\ntype: contact\nmet_at: '[[Fitness]]'\n---\n# Sam\n")
    meeting = "meetings/2026-11-18 Coffee with Dana.md"
    write(meeting, "---\ntype: meeting\ndate: 2026-11-18\nwith: '[[Dana Ortiz]]'\n---\n")
    found = json.loads(invoke("check", "--select", "H020", "--json").output)
    told = [(f["path"], f["line"], f["message"].split(" may ")[0]) for f in found]
    assert told == [
        ("goals/Lead.md", 12, "supports: [[Fitness]]"),
        (meeting, 4, "with: [[Dana Ortiz]]"),
        ("meetings/2026-11-19 Run club.md", 4, "goal: [[Fitness]]"),
        ("people/Sam Patel.md", 3, "met_at: [[Fitness]]"),
    ]
    assert found[1]["suggestion"] == (
        "write the path of the note meant: [[people/a/Dana Ortiz]] or [[people/b/Dana Ortiz]]"
    )
    catalog = load_catalog(Vault.open(vault))
    assert catalog.people_of(catalog.meetings[0]) == []  # the meeting counts for no contact
    attention = invoke("review", "--stdout").stdout.split("## Needs attention", 1)[1]
    assert "- Hygiene H020 (warning) [[Lead]]: supports: [[Fitness]] may link to" in attention
    write(meeting, "---\ntype: meeting\ndate: 2026-11-18\nwith: '[[b/Dana Ortiz]]'\n---\n")
    catalog = load_catalog(Vault.open(vault))
    assert [n.path for n in catalog.people_of(catalog.meetings[0])] == ["people/b/Dana Ortiz.md"]


@pytest.mark.parametrize(
    ("text", "source", "copied"),
    [
        # Obsidian's "relative path" links, from a daily note two folders down
        ("[the plan](../../Areas/Plan.md)", "Journal/Daily/d.md", "[the plan](../Areas/Plan.md)"),
        ("![c](img/run%201.png)", "Journal/Daily/d.md", "![c](../Journal/Daily/img/run%201.png)"),
        ("[p](<../../Areas/Be healthy.md#Sleep> 'Plan')", "Journal/Daily/d.md",
         "[p](<../Areas/Be healthy.md#Sleep> 'Plan')"),
        ("[p](../../Areas/Be%20healthy.md?x=1#Sleep \"t\")", "Journal/Daily/d.md",
         "[p](../Areas/Be%20healthy.md?x=1#Sleep \"t\")"),
        # a folder name added to the path is written as the link writes its own
        ("![](img.png) ![](<img 2.png>) [f](img/)", "My Notes/d.md",
         "![](../My%20Notes/img.png) ![](<../My Notes/img 2.png>) [f](../My%20Notes/img/)"),
        # a path Obsidian reads as a vault path or a name: the note it finds
        ("[p](Areas/Plan.md) [p](Plan.md)", "Journal/Daily/d.md",
         "[p](../Areas/Plan.md) [p](../Areas/Plan.md)"),
        # as written: the same folder, no path, a scheme, the vault's root, out of the vault
        ("[p](Plan.md)", "reviews/old.md", "[p](Plan.md)"),
        ("[a](#Log) [w](https://x.org/a) [m](mailto:a@b.c) [r](/Areas/Plan.md) [o](../../x.md)",
         "goals/g.md", None),
        # not links: a reference, in a code span, escaped, a wikilink's display
        ("[p][plan] `[p](../x.md)` \\[p](../x.md) [[Plan|[p](x.md)]]", "goals/g.md", None),
    ],
)  # fmt: skip
def test_relative_markdown_links_in_copied_text_reach_the_same_file(
    text: str, source: str, copied: str | None
) -> None:
    """Reported: a markdown link with a relative path, copied into the review from a note
    in another folder, pointed to another place (out of the vault, for a daily note)."""
    catalog = Catalog([parse_note(p, b"# x\n") for p in ("Areas/Plan.md", "Areas/Be healthy.md")])
    with catalog.linking_from("reviews/2026-W47.md"):
        assert catalog.relinked(text, source) == (copied or text)


@pytest.mark.parametrize(
    ("alias", "name"),
    [("alias: Marcus\n", "Marcus"), ("Aliases: Elena, E. Varga\n", "E. Varga")],
)
def test_a_person_named_by_an_alias_of_a_plain_note_is_linked_by_its_file_name(
    vault: Path, write: Write, invoke: Invoke, alias: str, name: str
) -> None:
    """Reported: `new meeting --with Marcus --no-create-contacts`, for a plain note
    `People/Marcus Lee.md` aliased Marcus (no `type: contact`), wrote `[[Marcus]]`, which
    Obsidian does not resolve and `journal check` then told (H009); with `type: contact`
    it wrote `[[Marcus Lee]]`.  The note is known: it is linked as Obsidian finds it."""
    write("People/Marcus Lee.md", f"---\n{alias}tags: [people/network]\n---\n# Marcus Lee\n")
    args = ("--kind", "coffee", "--title", "Coffee", "--no-create-contacts", "--json")
    result = invoke("new", "meeting", "--with", name, *args)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["properties"]["with"] == ["[[Marcus Lee]]"]
    assert result.stderr == (
        "journal: with: [[Marcus Lee]] is People/Marcus Lee.md, a plain note, not a contact: "
        "the meeting counts for no contact; give that note `type: contact` if it is theirs, "
        "or link the person's contact note\n"
    )
    assert invoke("check", "--select", "H009").exit_code == 0


def test_links_given_to_new_and_set_resolve_from_the_note_they_are_written_in(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """`new goal --supports "Be healthy"` wrote `[[Health]]` for the goal
    `A/Health.md`, resolving it from no folder: in the new goal, `goals/Run.md`,
    Obsidian finds the note beside it, `goals/Health.md`, instead."""
    write("A/Health.md", goal_text("Be healthy"))
    write("goals/Health.md", "# my notes on health\n")
    write("people/Health.md", "# the health of my network\n")
    created = invoke("new", "goal", "Run", "--supports", "Be healthy", "--json")
    assert created.exit_code == 0, created.stderr
    assert json.loads(created.stdout)["properties"]["supports"] == ["[[A/Health]]"]
    write("goals/Walk.md", goal_text("Walk"))
    assert invoke("set", "Walk", "supports=Be healthy").exit_code == 0
    assert '  - "[[A/Health]]"\n' in (vault / "goals/Walk.md").read_text()
    contact = invoke("new", "contact", "Ann Lee", "--met-at", "[[Be healthy]]", "--json")
    assert contact.exit_code == 0, contact.stderr
    assert json.loads(contact.stdout)["properties"]["met_at"] == "[[A/Health]]"


def test_show_gives_the_file_a_link_to_an_attachment_finds(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """Reported: `show --json` gave `resolved: null` for `![[x.png]]` and `![[Career
    map.canvas]]`, which exist, as for `![[missing.png]]`, which does not (only `journal
    check` told them apart)."""
    body = "\n![[x.png]] ![[Career map.canvas]] ![[missing.png]] [[Website/x.png|deeper]]\n"
    write("goals/Lead.md", goal_text("Lead") + body)
    write("Attachments/x.png", b"\x89PNG")
    write("Projects/Website/x.png", b"\x89PNG")
    write("Boards/Career map.canvas", "{}")
    links = json.loads(invoke("show", "Lead", "--json").stdout)["links"]
    assert {link["target"]: link["resolved"] for link in links} == {
        "Dana Ortiz": None,
        "x.png": "Attachments/x.png",
        "Career map.canvas": "Boards/Career map.canvas",
        "missing.png": None,
        "Website/x.png": "Projects/Website/x.png",
    }
    found = json.loads(invoke("check", "Lead", "--json", "--select", "H008").stdout)
    assert [f["message"] for f in found] == [
        "[[Dana Ortiz]] links to no note",
        "[[missing.png]] links to no file",
    ]


def _excluded_vault(write: Write) -> None:
    """A template folder (Obsidian's Templates plugin) and a folder of `[vault] exclude`."""
    write(".obsidian/templates.json", '{"folder": "Templates"}')
    write(".journal/config.toml", '[vault]\nexclude = ["Archive"]\n')
    write("Templates/Daily.md", "---\ndate: <% tp.file.title %>\n---\n")
    write("Templates/Goal.md", "---\ntype: goal\ntitle: <% tp.file.title %>\n---\n")
    write("Templates/banner.png", b"\x89PNG")
    write("Archive/2025/Projects/Alpha.md", "# Alpha\n")
    write(".trash/Gone.md", "# deleted\n")
    body = (
        "\nMy daily template is [[Daily]], the goal template [[Templates/Goal]], the old "
        "project [[Archive/2025/Projects/Alpha]], ![[banner.png]]; not [[Gone]].\n"
    )
    write("goals/Learn Rust.md", goal_text("Learn Rust") + body)


def test_links_to_notes_in_template_and_excluded_folders_find_them(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """Reported: `[[Daily]]` (Templates/Daily.md, the template folder) and
    `[[Archive/2025/Projects/Alpha]]` (`exclude = ["Archive"]`) were told as links to no
    note (H008), though Obsidian resolves links into any folder but hidden ones."""
    _excluded_vault(write)
    links = json.loads(invoke("show", "Learn Rust", "--json").stdout)["links"]
    assert {link["target"]: link["resolved"] for link in links} == {
        "Dana Ortiz": None,
        "Daily": "Templates/Daily.md",
        "Templates/Goal": "Templates/Goal.md",
        "Archive/2025/Projects/Alpha": "Archive/2025/Projects/Alpha.md",
        "banner.png": "Templates/banner.png",
        "Gone": None,  # .trash is Obsidian's, hidden: no link finds what it holds
    }
    write(
        "meetings/m.md",
        "---\ntype: meeting\ndate: 2026-11-20\nwith: ['[[Daily]]']\ngoal: '[[Daily]]'\n"
        "follow_up_by: 2026-11-27\n---\n",
    )
    found = json.loads(invoke("check", "--json", "--select", "H008").stdout)
    assert [f["message"] for f in found] == [
        "[[Dana Ortiz]] links to no note",
        "[[Gone]] links to no note",
        "with: [[Daily]] is Templates/Daily.md, a note journal does not read (in a template "
        "folder or [vault] exclude), not a contact: the meeting counts for no contact",
    ]
    notes = json.loads(invoke("list", "--type", "all", "--json").stdout)
    assert [n["path"] for n in notes] == ["goals/Learn Rust.md", "meetings/m.md"]  # not read
    [owed] = json.loads(invoke("followups", "--json").stdout)
    assert (owed["with"], owed["goal"]) == (["Daily"], None)


def test_a_check_in_to_a_template_s_name_counts_for_no_goal_as_in_obsidian(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """Reported: `progress:: [[Meeting]] +1` counted for the goal
    `Areas/Career/Goals/Meeting.md`, where Obsidian's shortest path rule finds the
    template `Templates/Meeting.md`.  Links journal writes name the goal by its path."""
    write(".obsidian/templates.json", '{"folder": "Templates"}')
    write("Templates/Meeting.md", "---\ncategory: meeting\n---\n")
    write("Areas/Career/Goals/Meeting.md", goal_text("Meeting", current=0))
    write("daily/2026-11-20.md", "progress:: [[Meeting]] +1\n")
    assert json.loads(invoke("show", "Meeting", "--json").stdout)["current"] == 0
    [told] = json.loads(invoke("check", "--json", "--select", "H010").stdout)
    assert told["path"] == "daily/2026-11-20.md"
    assert told["message"] == (
        "`progress:: [[Meeting]]` names Templates/Meeting.md, a note journal does not read "
        "(in a template folder or [vault] exclude), not a goal, so it counts for none"
    )
    assert "`progress:: [[Areas/Career/Goals/Meeting]] +1`" in told["suggestion"]
    assert "| [[Areas/Career/Goals/Meeting]] |" in invoke("review", "--stdout").stdout
    # the template deleted: the next command finds the goal by the link, and back again
    (vault / "Templates/Meeting.md").unlink()
    assert json.loads(invoke("show", "Meeting", "--json").stdout)["current"] == 1
    write("Templates/Meeting.md", "# again\n")
    assert json.loads(invoke("show", "Meeting", "--json").stdout)["current"] == 0


def test_notes_in_excluded_folders_are_known_by_name_never_read(
    vault: Path, write: Write, invoke: Invoke
) -> None:
    """A note journal does not read is not opened: one that can't be (chmod 000), or
    whose front matter is broken, is found by links without a word about it."""
    _excluded_vault(write)
    write("Templates/Broken.md", "---\ntype: [goal\n---\n")
    locked = write("Archive/2025/Projects/Alpha.md", "# Alpha\n")
    locked.chmod(0)
    with permissions_checked():
        result = invoke("check", "--select", "H")
    assert "Broken" not in result.output and "Alpha" not in result.output
    assert "can't read" not in result.output
