"""Finding goals by id, name, title or alias; resolving wikilinks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.core.catalog import LITTLE_WORDS, Catalog
from journal.core.errors import Ambiguous, NotFound
from journal.core.names import unaccented
from journal.core.notes import parse_note, stem_of


def note(path: str, text: str) -> object:
    return parse_note(path, text.encode())


@pytest.fixture
def catalog() -> Catalog:
    return Catalog(
        [
            parse_note(
                "goals/Connect with HR leaders.md",
                b"---\ntype: goal\nid: hr-leaders\ntitle: Connect with five HR leaders\n"
                b"aliases: [HR five]\n---\n",
            ),
            parse_note(
                "goals/Present survey.md",
                b"---\ntype: goal\nid: survey\ntitle: Present the survey results\n---\n",
            ),
            parse_note(
                "archive/Present survey.md",
                b"---\ntype: goal\nid: survey-2025\ntitle: Present the 2025 survey\n---\n",
            ),
            parse_note("people/Dana Ortiz.md", b"---\ntype: contact\n---\n"),
            parse_note("Dana Ortiz.md", b"# a plain note with the same name at the root\n"),
        ]
    )


@pytest.mark.parametrize(
    "ref",
    [
        "hr-leaders",
        "HR-LEADERS",
        "Connect with HR leaders",
        "connect with five hr leaders",
        "HR five",
        "goals/Connect with HR leaders.md",
        "five HR",
    ],
)
def test_goals_are_found_by_every_name(catalog: Catalog, ref: str) -> None:
    assert catalog.find_goal(ref).id == "hr-leaders"


def test_ambiguous_names_list_the_candidates(catalog: Catalog) -> None:
    with pytest.raises(Ambiguous) as info:
        catalog.find_goal("Present survey")
    assert info.value.candidates == ["archive/Present survey.md", "goals/Present survey.md"]
    assert catalog.find_goal("survey").path == "goals/Present survey.md"  # exact id wins


def test_unknown_names_suggest_close_ones_by_title(catalog: Catalog) -> None:
    with pytest.raises(NotFound) as info:
        catalog.find_goal("hr-leader5")
    assert info.value.message.endswith("(did you mean: Connect with five HR leaders?)")
    with pytest.raises(NotFound) as info:  # a run of words inside a long title
        catalog.find_goal("five HR leaderz")
    assert "(did you mean: Connect with five HR leaders?)" in info.value.message
    with pytest.raises(NotFound) as info:
        catalog.find_goal("quantum chromodynamics")
    assert "did you mean" not in info.value.message


def test_links_resolve_by_name_path_and_alias_shortest_path_first(catalog: Catalog) -> None:
    assert catalog.resolve("Dana Ortiz").path == "Dana Ortiz.md"  # type: ignore[union-attr]
    assert catalog.resolve("people/dana ortiz").path == "people/Dana Ortiz.md"  # type: ignore[union-attr]
    assert catalog.resolve("HR five").path == "goals/Connect with HR leaders.md"  # type: ignore[union-attr]
    assert catalog.resolve("Present survey.md").path == "goals/Present survey.md"  # type: ignore[union-attr]
    assert catalog.resolve("Nobody") is None


def test_two_names_that_differ_only_in_how_accents_are_written_can_each_be_named() -> None:
    """Reported: `Café.md` (é composed) and `Café.md` (e + a combining accent, as macOS
    writes it) could not be told apart, even by their exact paths.  A link `[[Café]]`,
    either way written, is to the shorter path, so it is no way to name the other."""
    composed, decomposed = "goals/Caf\u00e9.md", "goals/Cafe\u0301.md"
    catalog = Catalog(
        [
            parse_note(composed, b"---\ntype: goal\ntitle: A\n---\n"),
            parse_note(decomposed, b"---\ntype: goal\ntitle: B\n---\n"),
        ]
    )
    assert catalog.find_note(composed).title == "A"
    assert catalog.find_note(decomposed).title == "B"
    with pytest.raises(Ambiguous) as raised:
        catalog.find_note("caf")
    assert str(raised.value) == (
        f"'caf' matches 2 notes; name one by its path: `{decomposed}` (its accents written "
        f"as separate marks), `{composed}` (or `[[{stem_of(composed)}]]`)"
    )
    assert catalog.find_note(f"[[{stem_of(decomposed)}]]").title == "A"


def test_ignoring_accents_keeps_the_marks_of_other_scripts() -> None:
    """Found in review: stripping every combining mark made `ガード` (guard) match
    `カード` (card), and split Korean syllables into letters."""
    catalog = Catalog(
        [
            parse_note("goals/ガード練習.md", b"---\ntype: goal\ntitle: G\n---\n"),
            parse_note("goals/カード整理.md", b"---\ntype: goal\ntitle: K\n---\n"),
            parse_note("goals/José Núñez.md", b"---\ntype: goal\ntitle: J\n---\n"),
        ]
    )
    assert catalog.find_note("ガード").title == "G"
    assert catalog.find_note("jose").title == "J"


def test_a_part_of_a_name_begins_a_word_of_it() -> None:
    """Reported: `--with Ana` linked the meeting to Dana Ortiz, the only name holding
    "ana". A part names a note when it begins a word of its title, file name or id; in
    Chinese, Japanese or Korean, written without spaces, anywhere."""
    catalog = Catalog(
        [
            parse_note("people/Dana Ortiz.md", b"---\ntype: contact\ntitle: Dana Ortiz\n---\n"),
            parse_note("goals/g.md", b"---\ntype: goal\nid: goal-2026-q4\ntitle: Grow\n---\n"),
            parse_note("people/田中太郎.md", b"---\ntype: contact\ntitle: Tanaka\n---\n"),
            parse_note("people/김민수.md", b"---\ntype: contact\ntitle: Kim\n---\n"),
        ]
    )
    with pytest.raises(NotFound):
        catalog.find_note("Ana")
    with pytest.raises(NotFound):
        catalog.find_note("rtiz")
    assert catalog.find_note("ortiz").title == "Dana Ortiz"
    assert catalog.find_note("2026-q4").title == "Grow"
    assert catalog.find_note("q4").title == "Grow"
    assert catalog.find_note("太郎").title == "Tanaka"
    assert catalog.find_note("민수").title == "Kim"


def test_a_part_of_an_alias_names_a_goal_too() -> None:
    """Found in a tryout: `journal log HRBP +1` logged to the one goal titled with "HRBP"
    (done), not to "Become an HR Business Partner", aliased "Become an HRBP": a part of
    an alias counts, so the name is ambiguous and said to be."""
    done = "---\ntype: goal\ntitle: Two interviews for an HRBP role\nstatus: done\n---\n"
    aliased = (
        "---\ntype: goal\ntitle: Become an HR Business Partner\naliases: [Become an HRBP]\n---\n"
    )
    both = Catalog(
        [parse_note("goals/a.md", done.encode()), parse_note("goals/b.md", aliased.encode())]
    )
    with pytest.raises(Ambiguous):
        both.find_goal("HRBP")
    one = Catalog([parse_note("goals/b.md", aliased.encode())])
    assert one.find_goal("HRBP").path == "goals/b.md"


def test_a_name_typed_in_the_case_of_one_of_two_notes_names_that_one() -> None:
    """Found in a tryout: with goals/Budget.md and goals/budget.md, `journal show budget`
    was refused as matching two notes, though one is named exactly so (as a link written
    so finds it)."""
    goal = "---\ntype: goal\nmetric: m\ntarget: 3\n---\n"
    both = Catalog([parse_note(p, goal.encode()) for p in ("goals/Budget.md", "goals/budget.md")])
    assert both.find_goal("budget").path == "goals/budget.md"
    assert both.find_goal("Budget").path == "goals/Budget.md"
    with pytest.raises(Ambiguous):
        both.find_goal("BUDGET")


def _goal(path: str, title: str, extra: str = "") -> object:
    return parse_note(path, f"---\ntype: goal\ntitle: {title}\n{extra}---\n".encode())


def test_a_name_to_write_by_is_whole_words_or_the_start_of_a_name() -> None:
    """Reported: `journal done On` and `journal done Ana` marked goals done.  To write
    (``writes``), a part of a name counts as whole words of it, one of 3 letters or more
    that is no little word (2 characters in a script written without spaces), or as its
    first 3 letters or more; any other part is an error naming the notes it matches."""
    goals = [
        _goal("goals/a.md", "Hold 2 interviews on time-to-hire"),
        _goal("goals/b.md", "Complete the People Analytics certificate"),
        _goal("goals/c.md", "田中太郎との面談"),
    ]
    catalog = Catalog(goals)
    for ref, path in [
        ("Hold 2", "a"),
        ("time-to-hire", "a"),
        ("hire", "a"),
        ("Hol", "a"),
        ("analytics", "b"),
        ("Complete the", "b"),
        ("太郎", "c"),
    ]:
        assert catalog.find_goal(ref, writes=True).path == f"goals/{path}.md", ref
    for ref, title in [
        ("Ana", "Complete the People Analytics certificate"),
        ("on", "Hold 2 interviews on time-to-hire"),
        ("Ho", "Hold 2 interviews on time-to-hire"),
        ("2", "Hold 2 interviews on time-to-hire"),
        ("the", "Complete the People Analytics certificate"),
    ]:
        with pytest.raises(NotFound) as raised:
            catalog.find_goal(ref, writes=True)
        assert raised.value.message == (
            f"'{ref}' is too little of a name for a command that writes (did you mean: {title}?); "
            "give more of its title, a [[link]] or its id"
        )
        assert catalog.find_goal(ref).title == title  # to read, any part
    with pytest.raises(NotFound):  # several, one of them only by the start of a word
        Catalog([*goals, _goal("goals/d.md", "Analyze churn")]).find_goal("Ana", writes=True)


#: The commonest German, Spanish and French little words a user reported writing by.
FOREIGN_LITTLE_WORDS = [
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "und",
    "mit",
    "von",
    "für",
    "auf",
    "aus",
    "bei",
    "zum",
    "zur",
    "nach",
    "über",
    "oder",
    "con",
    "los",
    "las",
    "del",
    "una",
    "uno",
    "por",
    "para",
    "que",
    "sus",
    "más",
    "les",
    "des",
    "une",
    "pour",
    "avec",
    "dans",
    "sur",
    "aux",
    "par",
    "est",
]


@given(
    word=st.sampled_from([w for w in (*FOREIGN_LITTLE_WORDS, *LITTLE_WORDS) if len(w) >= 3]),
    shout=st.booleans(),
    bare=st.booleans(),
)
def test_a_little_word_names_no_goal_to_write(word: str, shout: bool, bare: bool) -> None:
    """Reported: `journal log und +1` logged to "Zeit und Geld sparen", `done dem` closed
    a meeting's follow-up, while `log the +1` was refused.  A little word (of 3 letters or
    more: shorter parts are too short anyway) of English, German, Spanish or French, in
    any case, typed with or without its accents, is too little of a name to write by;
    with a word that says something it names the goal."""
    typed = unaccented(word) if bare else word
    typed = typed.upper() if shout else typed
    catalog = Catalog([_goal("goals/a.md", f"Zeit {word} Geld sparen")])
    with pytest.raises(NotFound, match="too little of a name"):
        catalog.find_goal(typed, writes=True)
    assert catalog.find_goal(typed).path == "goals/a.md"  # to read, any part
    assert catalog.find_goal(f"{typed} Geld", writes=True).path == "goals/a.md"


def test_a_cjk_part_across_a_particle_names_no_goal_to_write() -> None:
    """Reported: `journal log を三 +0` wrote to 日本語の面接を三回練習する.  Two characters
    of a script written without spaces still name a goal to write (a word, 面接), but
    not when they begin or end with a common particle (Japanese を, の..., Chinese 的,
    了, 和): a fragment across words."""
    catalog = Catalog(
        [_goal("goals/ja.md", "日本語の面接を三回練習する"), _goal("goals/zh.md", "学习中文的面试")]
    )
    for ref, path in [("面接", "ja"), ("三回", "ja"), ("練習", "ja"), ("中文", "zh")]:
        assert catalog.find_goal(ref, writes=True).path == f"goals/{path}.md", ref
    for ref in ("を三", "語の", "の面接", "面接を", "文的", "的面"):
        with pytest.raises(NotFound, match="too little of a name"):
            catalog.find_goal(ref, writes=True)
        assert catalog.find_goal(ref).path  # to read, any part


def test_a_partial_path_names_a_goal_as_a_link_to_it_would() -> None:
    """Found in a tryout: `journal show "[[work/Plan]]"` (and `work/Plan`) found no goal,
    though `progress:: [[work/Plan]]` counts for goals/work/Plan.md; a name of both is
    ambiguous, and the error says how to name one alone."""
    catalog = Catalog(
        [_goal("goals/work/Plan.md", "Work plan"), _goal("goals/life/Plan.md", "Life plan")]
    )
    for ref in ("[[work/Plan]]", "work/Plan", "work/plan.md", "[[work/Plan#Log|the plan]]"):
        assert catalog.find_goal(ref).path == "goals/work/Plan.md"
    assert catalog.find_goal("life/Plan").title == "Life plan"
    with pytest.raises(Ambiguous) as raised:
        catalog.find_goal("Plan")
    assert raised.value.message == (
        "'Plan' matches 2 notes; name one by its path: `goals/life/Plan.md` (or "
        "`[[life/Plan]]`), `goals/work/Plan.md` (or `[[work/Plan]]`)"
    )
    with pytest.raises(NotFound):  # as a link, it is to no note
        catalog.find_goal("home/Plan")


def test_a_partial_path_ends_at_a_folder() -> None:
    """`ork/Plan` is no end of goals/work/Plan.md's path, as in a link."""
    catalog = Catalog([_goal("goals/work/Plan.md", "Work plan")])
    with pytest.raises(NotFound):
        catalog.find_goal("ork/Plan")


def test_a_part_that_is_whole_words_of_one_name_names_it() -> None:
    """Found in a tryout: `journal show "Goal 9"` matched "Goal 9 ..." and the ten "Goal
    90 ..." to "Goal 99 ...": a part that is whole words of one name wins over names it
    only begins words of; of two names holding it whole, none wins, nor of two it only
    begins words of."""
    catalog = Catalog(
        [_goal(f"goals/g{n}.md", f"Goal {n} of the plan") for n in (9, *range(90, 100))]
    )
    assert catalog.find_goal("Goal 9").path == "goals/g9.md"
    assert catalog.find_goal("goal 9 of").path == "goals/g9.md"
    twice = Catalog([_goal("goals/a.md", "Goal 9 here"), _goal("goals/b.md", "Goal 9 there")])
    with pytest.raises(Ambiguous) as raised:
        twice.find_goal("Goal 9")
    assert raised.value.candidates == ["goals/a.md", "goals/b.md"]
    begun = Catalog([_goal("goals/a.md", "Goal 90"), _goal("goals/b.md", "Goal 91")])
    with pytest.raises(Ambiguous):
        begun.find_goal("Goal 9")


def test_a_name_that_is_one_goals_title_and_anothers_alias_names_both() -> None:
    """Found in a tryout: with "Work plan" the title of one goal and an alias of another,
    `journal show "Work plan"` picked the title's, while a link `[[Work plan]]` is the
    alias's: the name is ambiguous, as two titles are."""
    catalog = Catalog(
        [
            _goal("goals/work/Plan.md", "Work plan"),
            _goal("goals/life/Plan.md", "Life plan", "aliases: [Work plan]\n"),
        ]
    )
    assert catalog.resolve_path("Work plan") == "goals/life/Plan.md"
    for ref in ("Work plan", "work plan", "[[Work plan]]"):
        with pytest.raises(Ambiguous) as raised:
            catalog.find_goal(ref)
        assert raised.value.candidates == ["goals/life/Plan.md", "goals/work/Plan.md"]


def test_a_name_in_brackets_is_the_note_its_link_resolves_to() -> None:
    """Found by a verifier: `journal show "[[Budget]]"` was ambiguous with goals/Budget.md
    beside goals/Money plan.md (alias Budget), though a `[[...]]` name is resolved as the
    link is, and the link `[[Budget]]` is Budget.md alone.  A bare name names both."""
    catalog = Catalog(
        [
            _goal("goals/Budget.md", "Budget"),
            _goal("goals/Money plan.md", "Money plan", "aliases: [Budget]\n"),
        ]
    )
    assert catalog.find_goal("[[Budget]]").path == "goals/Budget.md"
    assert catalog.find_goal("[[budget|the budget]]").path == "goals/Budget.md"
    with pytest.raises(Ambiguous) as raised:
        catalog.find_goal("Budget")
    assert raised.value.message == (
        "'Budget' matches 2 notes; name one by its path: `goals/Budget.md` (or "
        "`[[Budget]]`), `goals/Money plan.md` (or `[[Money plan]]`)"
    )


def test_a_goal_whose_title_starts_with_a_dash_is_named_otherwise_in_a_command() -> None:
    """Found by a verifier: `journal done "-5 kg by summer" --milestone ...` failed, the
    title taken for an option (No such option '-5')."""
    catalog = Catalog(
        [
            _goal("goals/-5 kg by summer.md", "-5 kg by summer", "id: lose-5\n"),
            _goal("goals/-10 push-ups.md", "-10 push-ups"),
        ]
    )
    assert catalog.goal_word("goals/-5 kg by summer.md") == '"lose-5"'
    assert catalog.goal_word("goals/-10 push-ups.md") == '"[[-10 push-ups]]"'


def test_a_goal_is_named_in_a_command_to_type_by_a_name_that_finds_it_alone() -> None:
    """Found by a verifier: with two goals titled Plan, `journal done "[[life/Plan]]"`
    told to record the value with `journal log "Plan" +4`, which failed ('Plan' matches
    2 notes).  A hint names a goal by its title, else its id, else the end of its path
    as a link, else its path: whichever finds it alone."""
    catalog = Catalog(
        [
            _goal("goals/Budget.md", "Budget"),
            _goal("goals/work/Plan.md", "Plan", "id: plan-work\n"),
            _goal("goals/life/Plan.md", "Plan", "id: plan-life\n"),
            _goal("goals/home/Plan.md", "Plan"),
            _goal("goals/Plan.md", "Plan", "id: plan-life\n"),  # [[Plan]] is Plan.md
            _goal("Plan.md", "Plan"),
        ]
    )
    words = {g.path: catalog.goal_word(g.path) for g in catalog.goals}
    assert words == {
        "Plan.md": '"Plan"',  # its path without .md, before titles
        "goals/Budget.md": '"Budget"',
        "goals/Plan.md": '"goals/Plan.md"',
        "goals/home/Plan.md": '"[[home/Plan]]"',
        "goals/life/Plan.md": '"[[life/Plan]]"',  # its id is another's too
        "goals/work/Plan.md": '"plan-work"',
    }
    for path, word in words.items():
        assert catalog.find_goal(word.strip('"')).path == path


def _contact(path: str, extra: str = "") -> object:
    return parse_note(path, f"---\ntype: contact\n{extra}---\n".encode())


def test_a_name_typed_with_another_apostrophe_or_hyphen_finds_the_note_no_link_does() -> None:
    """Reported: `--with "Mary-Kate O'Neill"` was "not in your contacts" beside
    `Mary-Kate O\u2019Neill` (and `--create-contacts` made her twice): a name typed with a
    straight apostrophe or hyphen is one written with a curly one or another dash, as
    it is without accents.  A link is resolved as Obsidian resolves it, exactly."""
    mary = "people/Mary-Kate O\u2019Neill.md"
    catalog = Catalog(
        [
            _contact(mary),
            _contact("people/Jean\u2010Luc Picard.md"),
            _contact("people/Ólafur Arnalds.md"),
        ]
    )
    for typed in (
        "Mary-Kate O'Neill",
        "mary\u2011kate o\u2018neill",
        "Mary\u2013Kate O\u02bcNeill",
        "Mary-Kate O\u2032Neill",
        "Mary-Kate O\u00b4Neill",
        "O'Neill",
    ):
        assert catalog.find_note(typed, kinds=("contact",)).path == mary
    assert catalog.find_note("Jean-Luc Picard").path == "people/Jean\u2010Luc Picard.md"
    assert catalog.find_note("jean-luc").path == "people/Jean\u2010Luc Picard.md"
    assert catalog.find_note("Olafur Arnalds").path == "people/Ólafur Arnalds.md"
    assert catalog.resolve_path("Mary-Kate O'Neill") is None
    assert catalog.resolve_path("Jean-Luc Picard") is None


def test_a_name_equal_to_a_notes_but_for_accents_names_it_before_names_holding_it() -> None:
    """Reported: `--with "Ann Lee"` was `Ann Lee`, not also `Ann Lee (Northwind)`, but
    `--with "Jose Nunez"` matched `José Núñez` and `Jose Nunez (Globex)` alike: a name
    that is a note's but for accents, apostrophes and dashes is an exact one too."""
    catalog = Catalog(
        [
            _contact("people/José Núñez.md"),
            _contact("people/Jose Nunez (Globex).md"),
            _contact("people/Ann Lee.md"),
            _contact("people/Ann Lee (Northwind).md"),
        ]
    )
    assert catalog.find_note("Jose Nunez").path == "people/José Núñez.md"
    assert catalog.find_note("jose nunez").path == "people/José Núñez.md"
    assert catalog.find_note("Ann Lee").path == "people/Ann Lee.md"
    assert catalog.find_note("Globex").path == "people/Jose Nunez (Globex).md"
    with pytest.raises(Ambiguous) as raised:
        catalog.find_note("Nunez")
    assert raised.value.candidates == ["people/Jose Nunez (Globex).md", "people/José Núñez.md"]


def test_a_name_of_several_notes_lists_each_to_paste_the_first_five_in_path_order() -> None:
    """Reported: "matches 2 notes" errors told how to name the first match alone, not
    the one meant: each is listed by its path, and the link that names it alone, the
    first five in path order, then how many more."""
    days = (16, 12, 10, 15, 11, 14, 13)
    catalog = Catalog(
        [parse_note(f"meetings/2026-11-{d} Chat with Sam.md", b"# chat\n") for d in days]
    )
    with pytest.raises(Ambiguous) as raised:
        catalog.find_note("Sam")
    assert raised.value.message == (
        "'Sam' matches 7 notes; name one by its path: "
        + ", ".join(
            f"`meetings/2026-11-{d} Chat with Sam.md` (or `[[2026-11-{d} Chat with Sam]]`)"
            for d in range(10, 15)
        )
        + " and 2 more"
    )
    two = Catalog([parse_note(f"meetings/2026-11-{d} Chat with Sam.md", b"") for d in (11, 10)])
    with pytest.raises(Ambiguous) as raised:
        two.find_note("[[Sam]]")
    assert raised.value.message == (
        "'Sam' matches 2 notes; name one by its path: `meetings/2026-11-10 Chat with Sam.md` "
        "(or `[[2026-11-10 Chat with Sam]]`), `meetings/2026-11-11 Chat with Sam.md` (or "
        "`[[2026-11-11 Chat with Sam]]`)"
    )
