"""Titles become portable file names; ids are slugs."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from journal.adapters.vault import Vault, load_catalog
from journal.core.formatting import uncommented
from journal.core.names import (
    _UNSAFE,
    INVISIBLE_MARKS,
    MAX_NAME_BYTES,
    MAX_NAME_CHARS,
    MAX_PATH_CHARS,
    abbreviates,
    device_name,
    file_stem,
    is_cut,
    slug,
    unaccented,
    unique_id,
)
from tests.conftest import Invoke, Write, goal_text


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        ("Plan: Q3", "Plan Q3"),
        ('What? * <now> | "quotes" \\ back/slash', "What now quotes back slash"),
        ("Link [[breakers]] #tag ^block", "Link breakers tag block"),
        ("CON", "CON_"),
        # reported: the "_" went at the end, where Windows still reads the device
        ("nul.txt", "nul_.txt"),
        ("Con. law exam", "Con_. law exam"),
        ("Aux.Smith", "Aux_.Smith"),
        ("con .x", "con_ .x"),  # spaces before the dot are no part of the name
        ("com1.txt", "com1_.txt"),
        ("LPT³.log", "LPT³_.log"),
        ("CONIN$", "CONIN$_"),  # found in a tryout: git for Windows refuses it too
        ("Console", "Console"),
        ("COM10", "COM10"),
        ("trailing dots...", "trailing dots"),
        ("...hidden", "hidden"),
        ("~tilde", "tilde"),  # reported: an editor's temporary file to the vault, never read
        ("~ . ~notes~", "notes~"),
        ("line\nbreak", "line break"),
        ("../../etc/passwd", "etc passwd"),
        ("日本語のゴール", "日本語のゴール"),
        ("🚀 launch", "🚀 launch"),
        # reported: `Budget Q1 review !-- secret -- done`, the private words in the name
        ("Budget | Q1 review <!-- secret --> done", "Budget Q1 review done"),
        ("open <!-- never closed", "open !-- never closed"),  # no comment: text
    ],
)
def test_file_stems_are_safe(title: str, stem: str) -> None:
    assert file_stem(title) == stem


@pytest.mark.parametrize("title", ["", ":::", "...", " ?* / . ", "~~~"])
def test_a_title_with_nothing_a_file_name_can_hold_is_refused(title: str) -> None:
    with pytest.raises(ValueError, match="has no character a file name can hold"):
        file_stem(title)


@given(st.text())
@example("\ufeff")  # found by Hypothesis: the byte order mark alone
@example("<!-- x -->")
def test_any_title_gives_a_portable_name(title: str) -> None:
    try:
        stem = file_stem(title)
    except ValueError:  # nothing usable in it: its comments, invisible marks (U+FEFF) gone
        kept = "".join(ch for ch in uncommented(title) if ch not in INVISIBLE_MARKS)
        assert not re.sub(r"[\s.~]", "", _UNSAFE.sub("", kept))
        return
    assert stem and len(stem.encode()) <= MAX_NAME_BYTES and len(stem) <= MAX_NAME_CHARS
    assert not any(ch in stem for ch in ':?*<>|"\\/#^[]\n\r\t\x00')
    assert stem == stem.strip(" .") and not stem.startswith((".", "~"))  # a note read
    assert device_name(f"{stem}.md") is None  # Windows can hold it


def test_long_titles_are_cut_at_a_character_boundary() -> None:
    stem = file_stem("é" * 300)
    assert len(stem.encode()) <= MAX_NAME_BYTES
    assert set(stem) == {"é"}
    assert file_stem("学" * 300) == "学" * 66  # 3 bytes each: 198 of the 200
    assert file_stem("é" * 300) == "é" * 100  # 2 bytes each: 200


HR_TITLE = (
    "Build a complete evidence portfolio for the HR Business Partner promotion panel "
    "covering employee relations casework, organisational design projects, workforce "
    "planning analytics and coaching of line managers across three business units"
)


def test_long_titles_are_cut_at_a_word_boundary_within_100_characters() -> None:
    """Reported: a 202-character title made a 205-character file name, which a Windows
    checkout under `C:\\Users\\...\\OneDrive - Fernway Ltd\\career\\` can't hold."""
    assert MAX_NAME_CHARS == 100
    stem = file_stem(HR_TITLE)
    assert stem == (
        "Build a complete evidence portfolio for the HR Business Partner promotion panel "
        "covering employee"
    )
    assert file_stem("x" * 150) == "x" * 100  # one word: cut at the limit
    assert file_stem("a" * 99 + " bc") == "a" * 99  # the space before the cut goes
    # a review: the words that fit would keep less than half the name: the characters
    assert file_stem("Review, " + "q" * 95) == "Review, " + "q" * 92
    assert file_stem("ab " + "c" * 120) == "ab " + "c" * 97
    # a review: the cut left a Windows device's name ("Con" of "Con xxx..."), H018's own
    assert file_stem("Con " + "x" * 120) == "Con " + "x" * 96
    assert file_stem("Con. " + "x" * 120) == "Con_. " + "x" * 94  # a device kept whole
    assert file_stem("exactly " + "y" * 92) == "exactly " + "y" * 92  # 100: kept whole


def test_new_keeps_the_whole_title_of_a_note_whose_name_is_cut(invoke: Invoke, vault: Path) -> None:
    args = ("--metric", "sections", "--target", "4", "--due", "2027-03-31")
    result = invoke("new", "goal", HR_TITLE, *args)
    assert result.exit_code == 0, result.stderr
    (made,) = (vault / "goals").iterdir()
    assert made.name == f"{file_stem(HR_TITLE)}.md" and len(made.name) == 100
    assert f"\ntitle: {HR_TITLE}\n" in made.read_text()
    assert invoke("show", HR_TITLE).exit_code == 0  # found by its whole title
    team = "Talent acquisition " + " ".join(f"team{n}" for n in range(20))
    met = invoke("new", "meeting", "--with", team, "--create-contacts")
    assert met.exit_code == 0, met.stderr
    assert (vault / f"people/{file_stem(team)}.md").is_file() and len(file_stem(team)) < 100
    # a verification: a second long title alike in its first 100 characters was told only
    # "a note with this name already exists", though the title was new
    again = invoke("new", "goal", HR_TITLE + ", again", *args)
    assert again.exit_code == 1
    assert (
        "a note with this name already exists; not overwritten (the file name is the title "
        "cut to at most 100 characters and 200 bytes of UTF-8, which the note there shares: a "
        "title that begins differently makes another)"
    ) in again.stderr
    # reported: a Japanese name is cut at 66 characters (its 198 bytes), not 100
    japanese = "日本語の長い目標" * 15
    assert invoke("new", "goal", japanese, *args).exit_code == 0
    told = invoke("new", "goal", japanese + "再び", *args)
    assert told.exit_code == 1
    assert "cut to at most 100 characters and 200 bytes of UTF-8, which" in told.stderr
    assert is_cut(HR_TITLE) and not is_cut("Short title") and not is_cut("exactly " + "y" * 92)


def test_slugs_and_unique_ids() -> None:
    assert slug("Connect with five HR leaders!") == "connect-with-five-hr-leaders"
    assert slug("Übung macht den Meister") == "ubung-macht-den-meister"
    assert slug("???") == "goal"
    assert slug("面试 三次") == "面试-三次" and slug("Привет, мир") == "привет-мир"
    assert slug("晋升 HRBP") == "晋升-hrbp" and slug("Café crème") == "cafe-creme"
    # marks that are part of a letter stay: kana voicing, Devanagari and Thai vowels
    assert slug("日本語を学ぶ") == "日本語を学ぶ" and slug("ガイドを読む") == "ガイドを読む"
    assert slug("नमस्ते दुनिया") == "नमस्ते-दुनिया" and slug("ภาษาไทย เรียน") == "ภาษาไทย-เรียน"
    assert slug("İstanbul") == "istanbul" and slug("under_score") == "under-score"
    assert slug("ＨＲ面试") == "hr面试" and slug("CO₂ footprint") == "co2-footprint"
    assert slug("Øresund Łódź") == "oresund-lodz" and slug("q\u0307uiz") == "quiz"
    assert slug("Straße Þór Ðuro") == "strasse-thor-duro"  # as search folds them
    assert slug("Speak at conference № 3") == "speak-at-conference-no-3"
    assert slug("Brand™ launch") == "brandtm-launch"
    assert unique_id("a", {"A", "a-2"}) == "a-3"


@pytest.mark.parametrize(
    "args",
    [
        ("new", "goal", ":::"),
        ("new", "contact", "?*"),
        ("new", "meeting", "--with", "...", "--create-contacts"),
    ],
)
def test_a_new_note_whose_name_would_be_empty_is_a_usage_error(
    invoke: Invoke, vault: Path, args: tuple[str, ...]
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert "has no character a file name can hold" in result.stderr
    assert not list(vault.rglob("*.md"))


def test_titles_in_other_scripts_name_their_notes(invoke: Invoke, vault: Path) -> None:
    for title in ("日本語を学ぶ", "🚀🚀"):
        assert invoke("new", "goal", title, "--target", "3").exit_code == 0
    names = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    assert names == ["goals/日本語を学ぶ.md", "goals/🚀🚀.md"]


def test_new_notes_with_link_breaking_titles_get_linkable_names(
    invoke: Invoke, vault: Path
) -> None:
    """Obsidian refuses ``[ ] # ^ |`` in link targets: the goal, contact and meeting
    made from such titles have names a wikilink reaches."""
    assert invoke("new", "goal", "Pipe | name ]] x #1 ^a").exit_code == 0
    assert invoke("new", "contact", "Ann [Ops] Lee").exit_code == 0
    made = invoke(
        "new", "meeting", "--with", "Ann", "--title", "Sync | [plan] #2", "--goal", "pipe"
    )
    assert made.exit_code == 0, made.stderr
    names = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    assert names == [
        "goals/Pipe name x 1 a.md",
        "meetings/2026-11-22 Sync plan 2.md",
        "people/Ann Ops Lee.md",
    ]
    catalog = load_catalog(Vault.open(vault))
    for name in names:
        link = catalog.link_to(name)
        assert not any(ch in link[2:-2] for ch in "[]|#^"), link
        assert catalog.resolve(link[2:-2]) is not None
    meeting = (vault / names[1]).read_text()
    assert '"[[Ann Ops Lee]]"' in meeting and '"[[Pipe name x 1 a]]"' in meeting
    # reported (tryout): the title as typed was kept in the heading only, so every list
    # showed the file's name: a meeting keeps it in `title`, as goals and contacts do
    assert meeting.startswith('---\ntype: meeting\ntitle: "Sync | [plan] #2"\n')
    assert [m.title for m in catalog.meetings] == ["Sync | [plan] #2"]
    plain = invoke("new", "meeting", "--with", "Ann", "--title", "Plain lunch")
    assert plain.exit_code == 0, plain.stderr
    assert "title:" not in (vault / "meetings/2026-11-22 Plain lunch.md").read_text()


def test_a_new_goals_name_leaves_out_the_titles_html_comment(invoke: Invoke, vault: Path) -> None:
    """Reported: `goals/Budget Q1 review !-- secret -- done.md`, the hidden words shown."""
    title = "Budget | Q1 review <!-- secret --> done"
    assert invoke("new", "goal", title).exit_code == 0
    assert [p.name for p in (vault / "goals").iterdir()] == ["Budget Q1 review done.md"]
    assert (
        "title: Budget | Q1 review <!-- secret --> done\n"
        in next((vault / "goals").iterdir()).read_text()
    )


def test_new_notes_titled_like_a_windows_device_get_names_windows_can_hold(
    invoke: Invoke, vault: Path
) -> None:
    """Reported: `Con. law exam` made `goals/Con. law exam_.md` and `Aux.Smith` made
    `people/Aux.Smith_.md`, both still the devices CON and AUX to Windows; `con .x` made
    `goals/con .x.md`.  A note named so before is told by `journal check` (H018)."""
    for title in ("Con. law exam", "con .x"):
        made = invoke("new", "goal", title, "--metric", "x", "--target", "1")
        assert made.exit_code == 0, made.stderr
    assert invoke("new", "contact", "Aux.Smith").exit_code == 0
    (vault / "goals/com1.txt_.md").write_text("# made by an earlier version\n")
    names = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    assert names == [
        "goals/Con_. law exam.md",
        "goals/com1.txt_.md",
        "goals/con_ .x.md",
        "people/Aux_.Smith.md",
    ]
    result = invoke("check", "--select", "H018", "--json")
    found = [(f["path"], f["message"], f["suggestion"]) for f in json.loads(result.output)]
    assert found == [
        (
            "goals/com1.txt_.md",
            "the file name `com1.txt_.md` names the Windows device COM1 (by its part before "
            "the first dot): Windows can't hold it, so a git checkout or a sync there fails "
            "on it",
            "rename the file, e.g. to `com1_.txt_.md` (journal's own names put a `_` after "
            "a device name)",
        )
    ]


def test_a_folder_named_as_a_windows_device_is_told_for_each_note_in_it(
    invoke: Invoke, vault: Path
) -> None:
    for rel in ("Aux/notes.md", "Aux/more.md", "auxiliary/x.md", "COM10.md", "LPT¹ .md"):
        (vault / rel).parent.mkdir(parents=True, exist_ok=True)
        (vault / rel).write_text("# x\n")
    result = invoke("check", "--select", "H018", "--json")
    found = [(f["path"], f["message"].split(" (")[0]) for f in json.loads(result.output)]
    assert found == [
        ("Aux/more.md", "the folder name `Aux` names the Windows device AUX"),
        ("Aux/notes.md", "the folder name `Aux` names the Windows device AUX"),
        ("LPT¹ .md", "the file name `LPT¹ .md` names the Windows device LPT¹"),
    ]


def test_names_that_break_the_other_windows_naming_rules_are_told(
    invoke: Invoke, vault: Path
) -> None:
    """Reported: H018 said nothing of `Pipe | name.md` or `quote's "double".md`, which
    no checkout on Windows can hold; a folder that ends in a dot or space is none either."""
    rels = (
        "Weird/Pipe | name.md",
        'Weird/quote\'s "double".md',
        "Weird/trailing space .md",  # ends in `.md`: Windows holds it
        "Drafts./a.md",
        "Archive /b.md",
        "Q/what? <now>*.md",
        "Q/bell\x07.md",
        "Q/???.md",
    )
    for rel in rels:
        (vault / rel).parent.mkdir(parents=True, exist_ok=True)
        (vault / rel).write_text("# x\n")
    result = invoke("check", "--select", "H018", "--json")
    found = [(f["path"], f["message"], f["suggestion"]) for f in json.loads(result.output)]
    fails = "which Windows can't hold in a name: a git checkout or a sync there fails on it"
    assert found == [
        (
            "Archive /b.md",
            f"the folder name `Archive ` ends in a space, {fails}",
            "rename the folder, e.g. to `Archive`",
        ),
        (
            "Drafts./a.md",
            f"the folder name `Drafts.` ends in a dot, {fails}",
            "rename the folder, e.g. to `Drafts`",
        ),
        ("Q/???.md", f"the file name `???.md` holds `?`, {fails}", "rename the file"),
        (
            "Q/bell\x07.md",
            f"the file name `bell\x07.md` holds U+0007, {fails}",
            "rename the file, e.g. to `bell.md`",
        ),
        (
            "Q/what? <now>*.md",
            f"the file name `what? <now>*.md` holds `*`, `<`, `>` and `?`, {fails}",
            "rename the file, e.g. to `what now.md`",
        ),
        (
            "Weird/Pipe | name.md",
            f"the file name `Pipe | name.md` holds `|`, {fails}",
            "rename the file, e.g. to `Pipe name.md`",
        ),
        (
            'Weird/quote\'s "double".md',
            f'the file name `quote\'s "double".md` holds `"`, {fails}',
            "rename the file, e.g. to `quote's double.md`",
        ),
    ]


def test_paths_too_long_for_a_windows_checkout_are_told(invoke: Invoke, vault: Path) -> None:
    """Reported: `goals/<202-character title>.md` passed H018, and a checkout under
    `C:\\Users\\jordan.smith\\OneDrive - Fernway Ltd\\career\\` can't hold it (git for
    Windows: "Filename too long")."""
    long_name = HR_TITLE + ".md"
    deep = "Archive/" + "Older projects and plans/" * 8 + "Plan.md"
    fits = "goals/" + "z" * (MAX_PATH_CHARS - len("goals/.md")) + ".md"
    for rel in (f"goals/{long_name}", deep, fits):
        (vault / rel).parent.mkdir(parents=True, exist_ok=True)
        (vault / rel).write_text("# x\n")
    result = invoke("check", "--select", "H018", "--json")
    found = [(f["path"], f["message"], f["suggestion"]) for f in json.loads(result.output)]
    windows = (
        f"characters long, over {MAX_PATH_CHARS}: with the vault's folder in front "
        "(`C:\\Users\\NAME\\OneDrive - Company\\career\\` is about 60 characters) it "
        "passes the 260 a Windows path holds, and a git checkout or a sync there fails on it"
    )
    assert len(fits) == MAX_PATH_CHARS and len(deep) == 215
    assert found == [
        (
            deep,
            f"the path is 215 {windows}",
            f"rename the file or a folder on its path, to a path of at most {MAX_PATH_CHARS} "
            "characters",
        ),
        (
            f"goals/{long_name}",
            f"the path is 245 {windows}",
            f"rename the file or a folder on its path, to a path of at most {MAX_PATH_CHARS} "
            f"characters, e.g. to `goals/{file_stem(HR_TITLE)}.md`",
        ),
    ]


@given(
    st.lists(
        st.text(alphabet="conprauxlmt123¹ ._/xX", min_size=1, max_size=12), min_size=1, max_size=5
    )
)
def test_device_named_finds_exactly_the_paths_with_a_device_name(paths: list[str]) -> None:
    """H018 looks at a file name only when it starts as a device name does, and at each
    folder once: it must find what a look at every part of every path finds."""
    from journal.core.names import device_name, device_named

    every = sorted({p for p in paths if any(device_name(part) for part in p.split("/"))})
    assert device_named(set(paths)) == every


@pytest.mark.parametrize(
    "suffix",
    [" 1", " 2", " 9", " copy", " Copy 3", " - Copy", " - Copy (2)", " (1)", "(12)"],
)
def test_every_copy_suffix_is_a_candidate_and_marked_in_the_index(suffix: str) -> None:
    """What :data:`COPY_SUFFIX` reads as a copy's name, :func:`copy_candidates`' quick
    test and :func:`copy_like` (what the index marks) must hold too."""
    from journal.core.links import copy_candidates, copy_like, copy_original

    path = f"notes/Plan{suffix}.md"
    assert copy_original(path) == "notes/Plan.md"
    assert copy_candidates([path]) == copy_like([path]) == [path]


@given(st.lists(st.text(alphabet="ab (1)2-9 copyCOPY/", min_size=1, max_size=14), max_size=6))
def test_copy_candidates_hold_every_path_named_as_a_copy(stems: list[str]) -> None:
    """H019 reads a name as a copy's only among the candidates told by its last characters:
    they must hold every path :func:`copy_original` reads as one."""
    from journal.core.links import copy_candidates, copy_like, copy_original

    paths = {f"{stem}.md" for stem in stems}
    named = {p for p in paths if copy_original(p) is not None}
    assert named <= set(copy_candidates(paths)) <= set(copy_like(paths))


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_text_is_unaccented_as_the_general_way_does(text: str) -> None:
    """Text of ASCII only takes a short way; with one accented letter after it, the
    general way (decomposing, dropping the accents, composing again) gives the same."""
    assert unaccented(text) == unaccented(text + "é")[:-1]


def test_a_suggestion_two_notes_share_the_title_of_is_shown_by_their_paths(
    write: Write, invoke: Invoke
) -> None:
    """Reported: `journal log "goals/Find a mentor in HR leadership (Conflict).md"`
    answered `(did you mean: Find a mentor in HR leadership, Find a mentor in HR
    leadership?)`, the same name twice."""
    write("goals/mentor.md", goal_text("Find a mentor in HR leadership", id="one"))
    write("goals/mentor 2.md", goal_text("Find a mentor in HR leadership", id="two"))
    write("goals/hr.md", goal_text("Find a mentor in sales"))
    result = invoke("log", "Find a mentr in HR leadrship now", "+1", "x")
    assert result.exit_code == 1
    assert "(did you mean: goals/mentor.md, goals/mentor 2.md, Find a mentor in sales?)" in (
        result.stderr
    )


FLAG = "🇪🇸"
FAMILY = "👨\u200d👩\u200d👧"
#: A Hebrew title as a user typed it, with a right-to-left and a left-to-right mark.
MARKED_TITLE = "לסיים 3 ראיונות\u200f HR\u200e עד מרץ"


def test_invisible_marks_are_left_out_of_file_names() -> None:
    """Reported: the bidi marks of a title stayed in its file name, which then looked
    like the title typed without them but was no name of it."""
    assert file_stem(MARKED_TITLE) == "לסיים 3 ראיונות HR עד מרץ"
    invisible = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200b"
    assert file_stem(f"\ufeffa{invisible}b") == "ab"
    # the joiners are part of what is written: an emoji's, a Persian word's
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "I want", with a ZWNJ
    assert file_stem(f"{FAMILY} {persian}") == f"{FAMILY} {persian}"


def test_a_name_typed_without_the_marks_of_a_title_finds_it(invoke: Invoke, vault: Path) -> None:
    args = ("--metric", "ראיונות", "--unit", "ראיונות", "--target", "3", "--due", "2027-03-01")
    assert invoke("new", "goal", MARKED_TITLE, *args).exit_code == 0
    (made,) = (vault / "goals").iterdir()
    assert made.name == "לסיים 3 ראיונות HR עד מרץ.md"
    assert f"title: {MARKED_TITLE}\n" in made.read_text()  # the title as typed
    typed = "לסיים 3 ראיונות HR עד מרץ"
    logged = invoke("log", typed, "+1", "x")
    assert logged.exit_code == 0, logged.stderr
    assert invoke("show", MARKED_TITLE).exit_code == 0
    assert invoke("show", "\u200f" + typed).exit_code == 0


def test_a_link_is_not_blind_to_invisible_marks(invoke: Invoke, write: Write) -> None:
    """As in Obsidian, the marks of a link are part of the name it links to: only the
    names given to a command ignore them."""
    write("goals/Plan A.md", goal_text("Plan A", current=0))
    write("2026-11-20.md", "progress:: [[Plan\u200e A]] +1\nprogress:: [[Plan A]] +2\n")
    shown = invoke("show", "Plan\u200e A", "--json")
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["current"] == 2


def test_a_long_name_is_cut_between_whole_flags_and_emoji() -> None:
    """Reported: a cut left half a flag (a lone regional indicator) or an emoji's
    joiner at the end of a file name."""
    stem = file_stem("Aprender " + FLAG * 40)
    assert stem == "Aprender " + FLAG * 23  # 55 of 100 characters, 193 of 200 bytes
    assert file_stem("xxxxxFeiern" + FAMILY * 20) == "xxxxxFeiern" + FAMILY * 10  # 191 bytes
    assert file_stem("x" * 99 + "q\u0301") == "x" * 99  # an accent NFC has no q with
    assert file_stem("x" * 99 + "👍🏽") == "x" * 99  # the skin tone with its hand
    assert file_stem("x" * 99 + "❤\ufe0f") == "x" * 99  # the emoji with its style
    # regional indicators are paired from the start of their run: 🇸 + 🇪🇸🇪🇸... is 🇸🇪🇸🇪...
    assert file_stem("ab🇸" + FLAG * 60) == "ab" + "🇸🇪" * 24  # 194 bytes


#: Visible characters made of several code points, and single ones: a cut of a text of
#: them may fall only between two.
_CLUSTERS = st.one_of(
    st.tuples(
        st.sampled_from(["q", "学", "ह", "👍", "❤"]),
        st.lists(st.sampled_from(["\u0301", "\u0308", "\ufe0f", "🏽", "\u093f"]), max_size=3),
    ).map(lambda c: c[0] + "".join(c[1])),
    st.sampled_from([FLAG, "🇸🇪", "🇩🇪", FAMILY, "❤\ufe0f\u200d🔥"]),
)
#: A title of words of such characters, and where each of its characters ends.
_CLUSTERED_TITLES = st.lists(
    st.lists(_CLUSTERS, min_size=1, max_size=40), min_size=1, max_size=8
).map(lambda words: (" ".join("".join(w) for w in words), [[*w, " "] for w in words]))


def cluster_ends(words: list[list[str]]) -> set[int]:
    """The offsets in a title of ``words`` (each a list of visible characters, then a
    space) that end a visible character."""
    ends, at = {0}, 0
    for word in words:
        for cluster in word:
            at += len(cluster)
            ends.add(at)
    return ends


@given(_CLUSTERED_TITLES)
def test_a_cut_name_ends_on_a_whole_visible_character(
    clustered: tuple[str, list[list[str]]],
) -> None:
    title, words = clustered
    assume(unicodedata.normalize("NFC", title) == title)
    stem = file_stem(title)
    assert title.startswith(stem) and len(stem) in cluster_ends(words)


def test_new_writes_the_text_it_is_given_in_nfc(invoke: Invoke, vault: Path) -> None:
    """Reported: a title typed decomposed (NFD, as macOS sends it) named the file in NFC
    but stayed NFD in `title:` and the heading, and a contact's name NFD got links
    `[[Hélène Dubois|Hélène Dubois]]` and its meeting a `title:` property."""

    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    title = "Réussir l\u2019évaluation finale"
    args = ("--metric", nfd("entretiens réussis"), "--target", "1", "--due", "2027-03-01")
    made = invoke("new", "goal", nfd(title), *args)
    assert made.exit_code == 0, made.stderr
    text = (vault / f"goals/{title}.md").read_text()
    assert f"title: {title}\n" in text and f"\n# {title}\n" in text
    assert unicodedata.is_normalized("NFC", text)
    shown = json.loads(invoke("show", title, "--json").stdout)
    assert shown["title"] == title
    met = invoke("new", "meeting", "--with", nfd("Hélène Dubois"), "--create-contacts")
    assert met.exit_code == 0, met.stderr
    meeting = (vault / "meetings/2026-11-22 Meeting with Hélène Dubois.md").read_text()
    assert "title:" not in meeting and "|" not in meeting
    assert unicodedata.is_normalized("NFC", meeting)
    contact = (vault / "people/Hélène Dubois.md").read_text()
    assert "title: Hélène Dubois\n" in contact and "\n# Hélène Dubois\n" in contact
    assert unicodedata.is_normalized("NFC", contact)
    # a review: `set` and `log` wrote what they were given NFD
    assert invoke("set", title, nfd("why=pour l\u2019équipe")).exit_code == 0
    assert invoke("log", title, "+1", nfd("répétition générale")).exit_code == 0
    text = (vault / f"goals/{title}.md").read_text()
    assert "why: pour l\u2019équipe\n" in text and "+1 répétition générale\n" in text
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(
    ("typed", "meant", "found"),
    [
        ("drop", "dropped", True),
        ("dropd", "dropped", True),
        ("titl", "title", True),
        ("dro", "dropped", False),  # too little of it
        ("ropped", "dropped", False),  # not its first letter
        ("dorp", "dropped", False),  # not in its order
        ("note", "done", False),  # as long: another word
        ("date", "due", False),
    ],
)
def test_a_key_shortened_is_letters_left_out_after_the_first(
    typed: str, meant: str, found: bool
) -> None:
    assert abbreviates(typed, meant) is found


@pytest.mark.parametrize(
    ("args", "told"),
    [
        # a tryout: the contact became people/etc.md, the meeting '.. .. etc'
        (("new", "meeting", "--with", "../../etc", "--create-contacts"), '--with "../../etc": '),
        (("new", "meeting", "--with", "Dana", "--with", "a/./b", "--create-contacts"), "--with"),
        (("new", "meeting", "--with", "~/notes/Dana", "--no-create-contacts"), "--with"),
        (("new", "contact", "..\\people\\Dana"), ""),
        (("new", "goal", "../Read more"), ""),
        (("new", "meeting", "--with", "Dana", "--title", "Chat/../x", "--create-contacts"), ""),
    ],
)
def test_a_name_that_reads_as_a_path_is_refused(
    invoke: Invoke, vault: Path, args: tuple[str, ...], told: str
) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"journal: {told}")
    assert "reads as a path" in result.stderr
    assert not list(vault.parent.rglob("*.md"))


def test_a_name_holding_a_slash_is_still_a_name(invoke: Invoke, vault: Path) -> None:
    """`Lee/Chang`, `HR/People`: a slash in a name is no path; the contact and the link
    to it agree on the file's name."""
    result = invoke("new", "meeting", "--with", "Lee/Chang", "--create-contacts")
    assert result.exit_code == 0, result.stderr
    names = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    assert names == ["meetings/2026-11-22 Meeting with Lee Chang.md", "people/Lee Chang.md"]
