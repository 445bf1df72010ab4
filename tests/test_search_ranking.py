"""`journal search`: the order of the hits, their snippets, letters folded, and queries
that match nothing for a mistake in them."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Invoke, Write


def found(invoke: Invoke, query: str) -> list[dict[str, str]]:
    result = invoke("search", query, "--json")
    assert result.exit_code == 0, result.stderr
    hits: list[dict[str, str]] = json.loads(result.stdout)
    return hits


def test_a_note_whose_title_holds_every_word_comes_first(invoke: Invoke, write: Write) -> None:
    """Reported: `goal 120` listed `Raj Novak 120` (120 in the title, goal in a link's
    alias) above `Goal 120 Strategy Project Survey`, `weekly review` a `Topic 342 weekly
    weekly` with no review in its title above `Topic 1552 weekly review`."""
    filler = "Portfolio article leader data mentor talent reading data project. " * 3
    for n in range(30):  # "goal" in most notes weighs nothing: a shorter note won
        write(
            f"goals/Goal {n} Skill Plan.md", f"# Goal {n} Skill Plan\n\nThe goal of this review.\n"
        )
    write("people/Raj Novak 120.md", "# Raj Novak 120\n\nFor [[Goal 28 Mentor|the goal]].\n")
    write(
        "goals/Goal 120 Strategy Project Survey.md",
        f"# Goal 120 Strategy Project Survey\n\n{filler}\n",
    )
    write("notes/Topic 342 weekly weekly.md", f"# Topic 342 weekly weekly\n\n{filler}A review.\n")
    write("notes/Topic 1552 weekly review.md", f"# Topic 1552 weekly review\n\n{filler}\n")
    assert found(invoke, "goal 120")[0]["path"] == "goals/Goal 120 Strategy Project Survey.md"
    hits = found(invoke, "weekly review")
    assert [h["path"] for h in hits] == [
        "notes/Topic 1552 weekly review.md",
        "notes/Topic 342 weekly weekly.md",
    ]
    # the words found in the body are marked, though the title holds the others
    assert hits[1]["snippet"].endswith("**review**.")
    raj = next(h for h in found(invoke, "goal 120") if h["path"].startswith("people/"))
    assert raj["snippet"].endswith("For the **goal**.")


def test_search_folds_the_letters_unicode_does_not_decompose(invoke: Invoke, write: Write) -> None:
    """Reported: `odegard` did not find `Ødegård`, nor `strasse` `Straße` (å was folded,
    ø and ß were not)."""
    write("people/Zoë Ødegård.md", "# Zoë Ødegård\n\nMet at the Straße café. Æsir, Œuvre.\n")
    write("notes/more.md", "# More\n\nŁódź, Đorđe, Þór, \u0131stanbul, GROẞ and Straße again.\n")
    for query in ("odegard", "Odegard", "ØDEGÅRD"):
        assert [h["path"] for h in found(invoke, query)] == ["people/Zoë Ødegård.md"], query
    streets = found(invoke, "strasse")
    assert sorted(h["path"] for h in streets) == ["notes/more.md", "people/Zoë Ødegård.md"]
    assert found(invoke, "STRASSE") == streets
    assert "the **Straße** café" in streets[1]["snippet"]  # as written, marked whole
    assert found(invoke, "Straße") == streets
    for query in ("aesir", "oeuvre", "lodz", "dorde", "thor", "istanbul", "gross"):
        assert len(found(invoke, query)) == 1, query
    [more] = found(invoke, "thor gross")
    assert more["snippet"] == "Łódź, Đorđe, **Þór**, \u0131stanbul, **GROẞ** and Straße again."


@pytest.mark.parametrize(
    ("query", "fixed", "told"),
    [
        ('"dana cru*"', '"dana cru"*', "a * inside double quotes is no prefix: write"),
        ("mentor^2", "mentor", "'mentor^2' has no weight for the search to give: search"),
    ],
)
def test_a_query_that_matches_nothing_for_a_slip_says_how_to_write_it(
    invoke: Invoke, write: Write, query: str, fixed: str, told: str
) -> None:
    """Reported: these found nothing, silently, where other slips get a message."""
    write("people/Dana Cruz.md", "# Dana Cruz\n\nA mentor.\n")
    result = invoke("search", query)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"journal: {told} {fixed!r}\njournal: no notes match\n"
    assert [h["path"] for h in found(invoke, fixed)] == ["people/Dana Cruz.md"]
    assert invoke("search", '"dana cruz"').stderr == ""  # a phrase that matches: told nothing


def test_a_column_the_search_lacks_is_a_usage_error_when_nothing_matches(
    invoke: Invoke, write: Write
) -> None:
    """Reported: `tags:career` found nothing, silently: it reads as a column filter, as
    `title:` is, and the search has no such column."""
    write("notes/a.md", "---\ntags: [career]\n---\n# A\n\nSee https://example.com/x today.\n")
    result = invoke("search", "tags:career")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "journal: can't search for 'tags:career': 'tags:' is read as a column filter, and the"
        " search has only title:, body: and linked: (the names the properties link)\n"
    )
    # a word with a colon that is no column filter is still searched as typed
    assert [h["path"] for h in found(invoke, "https://example.com/x")] == ["notes/a.md"]
    assert invoke("search", "10:30").stderr == "journal: no notes match\n"


def test_search_passes_over_arabic_and_hebrew_vowel_marks_and_reads_arabic_indic_digits(
    invoke: Invoke, write: Write
) -> None:
    """Reported (tryout): `المعلم` did not find `المُعلِّم` (with a damma, a kasra and a
    shadda), nor `درسا` `درسًا` (tanween), where accents don't matter; `30` did not find
    `٣٠`.  The marks are dropped from the text and the query, as FTS5 drops Latin
    accents; the snippet shows the text as written."""
    write("notes/تعلم.md", "# تعلم\n\nإكمال ٣٠ درسًا مع المُعلِّم\n")  # noqa: RUF001
    write("notes/Hebrew.md", "שָׁלוֹם לְכֻלָּם\n")
    write("notes/plain.md", "# Plain\n\nمعلم, 3 0\n")
    for query in ("المعلم", "المُعلِّم", "درسا", "درسًا", "30", "٣٠", "المعلم 30"):
        assert [h["path"] for h in found(invoke, query)] == ["notes/تعلم.md"], query
    [hit] = found(invoke, "المعلم")
    assert hit["snippet"] == "إكمال ٣٠ درسًا مع **المُعلِّم**"
    [hit] = found(invoke, "30")
    assert hit["snippet"] == "إكمال **٣٠** درسًا مع المُعلِّم"
    for query in ("שלום", "שָׁלוֹם", "לכלם"):
        assert [h["path"] for h in found(invoke, query)] == ["notes/Hebrew.md"], query
    assert found(invoke, "שלום")[0]["snippet"] == "**שָׁלוֹם** לְכֻלָּם"


def test_search_passes_over_greek_accents(invoke: Invoke, write: Write) -> None:
    """Reported (fixer's note): `σοφια` did not find `σοφία` though accents don't
    matter: FTS5 takes them off Latin letters alone."""
    write("notes/Σοφία.md", "# Σοφία\n\nΗ σοφία της ομάδας\n")  # noqa: RUF001
    for query in ("σοφια", "σοφία", "ΣΟΦΙΑ", "ομαδας"):
        assert [h["path"] for h in found(invoke, query)] == ["notes/Σοφία.md"], query
    assert found(invoke, "ομαδας")[0]["snippet"] == "Η σοφία της **ομάδας**"  # noqa: RUF001


def test_a_snippet_of_a_symbol_or_of_a_title_hit_shows_the_text_as_written(
    invoke: Invoke, write: Write
) -> None:
    """Reported (tryout): `search 🎯` showed `模試 第２回 聴解 Ziel erreicht # **🎯** heute`
    (the ideographic space made an ASCII one, a space put between `#` and `🎯`), and a
    query found in the title alone the body's first words with their spaces made ASCII,
    where a word found shows the text as written."""
    opening = "模試\u3000第\uff12回 聴解"  # with a full-width 2
    body = f"{opening}\n\nZiel erreicht #\U0001f3af heute,\u00a0oui\n"
    write("notes/試験 Note.md", body)
    [hit] = found(invoke, "\U0001f3af")
    assert hit["snippet"] == f"{opening} Ziel erreicht #**\U0001f3af** heute,\u00a0oui"
    [hit] = found(invoke, "試験")
    assert hit["snippet"] == f"{opening} Ziel erreicht #\U0001f3af heute,\u00a0oui"
    [hit] = found(invoke, "heute")
    assert hit["snippet"].startswith(f"{opening} Ziel erreicht #\U0001f3af **heute**")
    words = " ".join(f"w{n}" for n in range(20))
    write("notes/Long.md", f"{words}\u3000\U0001f680 {words}\n")
    [hit] = found(invoke, "\U0001f680")
    # reported (tryout): `... w14` and `w5 ...`, where a word's snippet shows `...w14`
    assert hit["snippet"] == "...w14 w15 w16 w17 w18 w19\u3000**\U0001f680** w0 w1 w2 w3 w4 w5..."
    write("notes/Long.md", f"{words}\u3000{words}\n")
    [hit] = found(invoke, "title:long")
    assert hit["snippet"] == "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11..."


def _meeting(day: str, title: str, people: list[str], body: str, goal: str = "") -> str:
    """A meeting note as `journal new meeting` writes one (its heading: the title
    without the date)."""
    linked = "".join(f'  - "[[{p}]]"\n' for p in people)
    goal_line = f'goal: "[[{goal}]]"\n' if goal else ""
    return f"---\ntype: meeting\ndate: {day}\nwith:\n{linked}{goal_line}---\n# {title}\n\n{body}\n"


def test_a_name_linked_in_front_matter_finds_the_notes_that_link_it(
    invoke: Invoke, write: Write
) -> None:
    """Reported (tryout): `journal search Ostergaard` listed the contact and the one
    meeting whose title named Lars, not the two that linked him in `with:` only, though
    `people` counted 3 meetings: the names a note's properties link are searched too,
    weighing less than a word of the body, and a note found by them alone shows the
    property that links it as its snippet."""
    write("people/Lars Østergaard.md", "---\ntype: contact\n---\n# Lars Østergaard\n\nMentor.\n")
    write("goals/Land a role.md", "---\ntype: goal\nstatus: active\n---\n# Land a role\n")
    write(
        "meetings/2026-10-23 Mentoring with Lars Østergaard.md",
        _meeting("2026-10-23", "Mentoring with Lars Østergaard", ["Lars Østergaard"], "Good."),
    )
    trio = "meetings/2026-12-03 Coffee trio.md"
    people = ["Anna Schmidt", "Lars Østergaard|Lars", "Kenji Mori"]
    write(trio, _meeting("2026-12-03", "Coffee trio", people, "We talked.", "Land a role"))
    write(
        "meetings/2026-12-01 Mixed endings.md",
        _meeting("2026-12-01", "Mixed endings", ["Lars Østergaard"], "- [ ] Send portfolio"),
    )
    write("notes/Lunch.md", "# Lunch\n\nLunch with Lars Østergaard, who mentors me.\n")
    hits = found(invoke, "Ostergaard")
    assert [h["path"] for h in hits] == [
        "people/Lars Østergaard.md",  # the titles first
        "meetings/2026-10-23 Mentoring with Lars Østergaard.md",
        "notes/Lunch.md",  # a word of the body before a name the front matter links
        "meetings/2026-12-01 Mixed endings.md",
        trio,
    ]
    assert hits[-2]["snippet"] == "with: Lars **Østergaard**"
    assert hits[-1]["snippet"] == "with: Anna Schmidt, Lars **Østergaard** (Lars), Kenji Mori"
    assert found(invoke, "Kenji talked")[0]["snippet"] == "We **talked**."  # the body's hit
    goal, by_goal = found(invoke, "land role")
    assert (goal["path"], by_goal["path"]) == ("goals/Land a role.md", trio)
    assert by_goal["snippet"] == "goal: **Land** a **role**"
    assert [h["path"] for h in found(invoke, "linked:lars coffee")] == [trio]
    # a query of the linked names alone shows them too (found in review: the opening)
    (by_name,) = [h for h in found(invoke, "linked:lars") if h["path"] == trio]
    assert by_name["snippet"] == "with: Anna Schmidt, **Lars** Østergaard (**Lars**), Kenji Mori"


def test_a_meetings_heading_without_the_date_is_left_out_and_a_heading_kept_is_set_apart(
    invoke: Invoke, write: Write
) -> None:
    """Reported (tryout): `search Björn` showed `Event with Agnès Dupré and **Björn** Ek
    What we talked about, what...`: the heading `journal new meeting` writes is the
    title without its date, so it was not left out as a title, and a heading ran into
    the text after it."""
    write("people/Björn Ek.md", "---\ntype: contact\n---\n# Björn Ek\n\nHow we met.\n")
    body = "What we talked about, what I learned.\n\n## Follow-up\n\n- [ ] Thank-you note"
    people = ["Agnès Dupré", "Björn Ek"]
    write(
        "meetings/2026-12-02 Event with Agnès Dupré and Björn Ek.md",
        _meeting("2026-12-02", "Event with Agnès Dupré and Björn Ek", people, body),
    )
    meeting = found(invoke, "Björn")[1]
    assert meeting["title"] == "2026-12-02 Event with Agnès Dupré and Björn Ek"
    assert meeting["snippet"] == "What we talked about, what I learned. Follow-up · - [ ]..."
    [hit] = found(invoke, "thank")
    assert hit["snippet"].endswith("Follow-up · - [ ] **Thank**-you note")
