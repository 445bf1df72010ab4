"""Splicing edits: only the intended characters change, everything else stays byte for byte."""

from __future__ import annotations

from datetime import date

import pytest

from journal.core import codec
from journal.core.errors import UnsafeWrite
from journal.core.notes import NoteLink
from tests.conftest import DATA


def edit(text: str, changes: dict[tuple[str | int, ...], object], bom: bool = False) -> str:
    return codec.edit(codec.parse_text(text, bom=bom), changes)


def test_scalar_replacement_keeps_the_comment_and_spacing() -> None:
    text = "---\ncurrent: 2    # updated weekly\ntarget: 5\n---\nbody\n"
    assert edit(text, {("current",): 3}) == text.replace("2    #", "3    #")


def test_quoting_style_of_other_keys_is_untouched() -> None:
    text = "---\ntitle: 'Single'\nstatus: \"active\"\n---\n"
    assert edit(text, {("status",): "done"}) == "---\ntitle: 'Single'\nstatus: \"done\"\n---\n"


@pytest.mark.parametrize(
    ("line", "value", "written"),
    [
        ('status: "active"', "paused", 'status: "paused"'),
        ("status: 'active'", "paused", "status: 'paused'"),
        ("why: 'a'", "it's mine", "why: 'it''s mine'"),
        ("why: 'a'", "two\nlines", 'why: "two\\nlines"'),  # single quotes can't hold it
        ('why: "a"  # note', 'say "hi"', 'why: "say \\"hi\\""  # note'),
        ("why: a", "b", "why: b"),
        ('target: "5"', 6, "target: 6"),  # a number is no text: written as one
        # a day too (reported: `due: '2027-02-28'` lost its quotes)
        ("due: '2027-02-28'", date(2027, 3, 15), "due: '2027-03-15'"),
        ('due: "2027-02-28"  # x', date(2027, 3, 15), 'due: "2027-03-15"  # x'),
        ("due: 2027-02-28", date(2027, 3, 15), "due: 2027-03-15"),
        # an anchor no alias uses stays (reported: `log` dropped it); a shared value is
        # never edited (test_a_value_shared_through_an_anchor_is_not_edited)
        ("current: &a 3  # c", 4, "current: &a 4  # c"),
        ("current: &a '3'", "4", "current: &a '4'"),
        ('tags: ["a", b]', ["a", "c"], "tags: [a, c]"),
    ],
)
def test_an_edited_text_keeps_the_quotes_it_had(line: str, value: object, written: str) -> None:
    """Reported: `journal set G status=paused` on `status: "active"` wrote `status:
    paused`, dropping the user's quotes on the line it edited."""
    key = line.split(":", 1)[0]
    assert edit(f"---\n{line}\n---\n", {(key,): value}) == f"---\n{written}\n---\n"


def test_flow_lists_stay_flow_lists() -> None:
    text = "---\ntags: [a, b]\n---\n"
    assert edit(text, {("tags",): ["a", "b", "c d"]}) == "---\ntags: [a, b, c d]\n---\n"


def test_block_lists_keep_their_indentation() -> None:
    text = "---\ntags:\n- a\n- b\nnext: 1\n---\n"
    assert edit(text, {("tags",): ["x"]}) == "---\ntags:\n- x\nnext: 1\n---\n"


def test_block_list_replacement_keeps_a_comment_after_it() -> None:
    text = "---\ntags:\n  - a\n# about next\nnext: 1\n---\n"
    assert (
        edit(text, {("tags",): ["x", "y"]})
        == "---\ntags:\n  - x\n  - y\n# about next\nnext: 1\n---\n"
    )


@pytest.mark.parametrize(
    ("items", "value", "written"),
    [
        # kept items keep their comments; a comment line between items stays
        (
            "  - mentoring   # set in October\n  # - leadership (maybe later)\n  - career\n",
            ["mentoring", "hr"],
            "  - mentoring   # set in October\n  # - leadership (maybe later)\n  - hr\n",
        ),
        # a new item comes after the one before it, not onto its comment
        ("  - A001  # feedback at the meeting\n", ["A001", "T006"], None),
        # a removed item's comment goes with it
        ("  - a  # about a\n  - b  # about b\n", ["b"], "  - b  # about b\n"),
        ("  - a\n  - b\n", ["x", "a", "y", "b", "z"], "  - x\n  - a\n  - y\n  - b\n  - z\n"),
        ('- "[[Dana]]"  # met in May\n- x\n', ["[[Dana]]", "[[Sam]]"], None),
        ("  - 1\n  - two\n", ["1", "two"], '  - "1"\n  - two\n'),  # "1" is no number 1
        # reordered, every item keeps its comment (found in review: two were lost)
        (
            "  - networking  # Q4\n  - events  # in person\n  - career  # 2025\n",
            ["career", "events", "networking"],
            "  - career  # 2025\n  - events  # in person\n  - networking  # Q4\n",
        ),
        # a comment line leads the item below it: a new item goes above it
        ("  - a\n  # about b\n  - b\n", ["a", "x", "b"], "  - a\n  - x\n  # about b\n  - b\n"),
        # of two equal items the first is kept, with its comment
        ("  - a  # 1\n  - a  # 2\n  - b  # 3\n", ["a", "b"], "  - a  # 1\n  - b  # 3\n"),
        # every item replaced: no comment line is lost
        ("  - a\n  # c1\n  - b\n", ["x", "y"], "  # c1\n  - x\n  - y\n"),
        # a comment line under the key stays there (on the whole list, as often as not);
        # blank lines do not pile up
        ("  # keep sorted\n  - a\n  - b\n", ["b", "a"], "  # keep sorted\n  - b\n  - a\n"),
        ("  - a\n\n  - b\n\n  - c\n", ["c", "a"], "\n  - c\n  - a\n"),
    ],
)
def test_a_block_list_is_edited_item_by_item(items: str, value: list[str], written: str) -> None:
    """Reported: `set tags=mentoring, hr` dropped every comment in the list, and `set
    check_ignore=A001, T006` moved the reason written for A001 onto T006."""
    text = f"---\ntags:\n{items}next: 1\n---\n"
    if written is None:
        first = items.splitlines(keepends=True)[0]
        pad = first[: first.index("-")]
        written = first + f"{pad}- {codec.inline_text(value[-1])}\n"
    assert edit(text, {("tags",): value}) == f"---\ntags:\n{written}next: 1\n---\n"


@pytest.mark.parametrize(
    ("value", "written"), [(None, "tags:"), ([], "tags: []"), ("a", "tags: a")], ids=str
)
def test_a_block_list_cleared_keeps_its_comment_lines(value: object, written: str) -> None:
    """Reported: `set tags=` deleted the comment lines under the key and between the
    items with them.  The items' lines go, each with its own comment; a comment on the
    key's line and every comment line stay."""
    text = (
        "---\ntags:  # mine\n  # why these tags\n  - a  # first\n"
        "  # about b: keep this note!\n  - b\narea: x\n---\n"
    )
    assert edit(text, {("tags",): value}) == (
        f"---\n{written}  # mine\n  # why these tags\n  # about b: keep this note!\narea: x\n---\n"
    )


def test_a_block_of_mappings_cleared_keeps_the_comment_lines_inside_it() -> None:
    text = (
        "---\nmilestones:\n  # the plan\n  - title: A  # soon\n    # due in time\n"
        "    due: 2026-12-01\n  - title: B\nsub:\n  # c\n  k: 1\n---\n"
    )
    assert edit(text, {("milestones",): None, ("sub",): 2}) == (
        "---\nmilestones:\n  # the plan\n    # due in time\nsub: 2\n  # c\n---\n"
    )


def test_a_block_list_of_mappings_is_edited_item_by_item() -> None:
    """A plan's `targets`: a row kept keeps its lines, comments and all, wherever it
    goes; a row gone loses its lines but not the comment lines above or in it; a new row
    goes after the row before it, in block style."""
    text = (
        "---\nrows:\n  # under the key\n  - id: a  # mine\n    n: [1, 2]\n"
        "  # about b\n  - id: b\n    # in b\n    n: 2\n  - id: c\n    n: 3\nnext: 1\n---\n"
    )
    rows = [{"id": "a", "n": [1, 2]}, {"id": "x", "n": [9]}, {"id": "c", "n": 3}, {"id": "d"}]
    assert edit(text, {("rows",): rows}) == (
        "---\nrows:\n  # under the key\n  - id: a  # mine\n    n: [1, 2]\n"
        "  # about b\n    # in b\n  - id: x\n    n: [9]\n  - id: c\n    n: 3\n  - id: d\n"
        "next: 1\n---\n"
    )
    assert edit(text, {("rows",): rows[:1]}) == (
        "---\nrows:\n  # under the key\n  - id: a  # mine\n    n: [1, 2]\n"
        "  # about b\n    # in b\nnext: 1\n---\n"
    )


def test_an_item_by_item_edit_keeps_crlf() -> None:
    text = "---\r\ntags:\r\n  - a  # keep\r\n  - b\r\n---\r\n"
    assert edit(text, {("tags",): ["a", "c"]}) == text.replace("- b", "- c")


def test_a_list_of_values_on_several_lines_is_written_anew() -> None:
    text = "---\ntags:\n  - a\n  - >\n    long\n    text\n---\n"
    assert edit(text, {("tags",): ["a", "b"]}) == "---\ntags:\n  - a\n  - b\n---\n"


def test_scalar_becomes_block_list_obsidian_style() -> None:
    text = "---\nsupports:\nnext: 1\n---\n"
    assert edit(text, {("supports",): ["[[A]]"]}) == '---\nsupports:\n  - "[[A]]"\nnext: 1\n---\n'


def test_empty_flow_list_becomes_a_block_list() -> None:
    text = "---\nsupports: []\n---\n"
    assert edit(text, {("supports",): ["[[A]]"]}) == '---\nsupports:\n  - "[[A]]"\n---\n'


def test_new_keys_are_added_at_the_end_of_the_front_matter() -> None:
    text = "---\na: 1\n# trailing comment\n---\nbody"
    assert edit(text, {("due",): date(2026, 12, 31)}) == (
        "---\na: 1\n# trailing comment\ndue: 2026-12-31\n---\nbody"
    )


def test_nested_milestone_keys_are_set_in_place() -> None:
    text = (
        "---\nmilestones:\n  - title: One\n    due: 2026-10-10\n"
        "  - {title: Two, due: 2026-12-01}\nnext: x\n---\n"
    )
    result = edit(
        text, {("milestones", 0, "done"): date(2026, 10, 9), ("milestones", 1, "done"): True}
    )
    assert result == (
        "---\nmilestones:\n  - title: One\n    due: 2026-10-10\n    done: 2026-10-09\n"
        "  - {title: Two, due: 2026-12-01, done: true}\nnext: x\n---\n"
    )


def test_a_scalar_list_item_becomes_a_flow_mapping_on_its_line() -> None:
    text = "---\nmilestones:\n  - Draft deck  # soon\n  - title: Dry run\n---\n"
    result = edit(text, {("milestones", 0): {"title": "Draft deck", "done": date(2026, 11, 20)}})
    assert result == (
        "---\nmilestones:\n  - {title: Draft deck, done: 2026-11-20}  # soon\n"
        "  - title: Dry run\n---\n"
    )
    with pytest.raises(UnsafeWrite):
        edit(text, {("milestones", 1): "a mapping item is not replaced whole"})


def test_a_record_is_no_value_to_write() -> None:
    """Links and check-ins are named tuples; one given as a value is refused, not written
    as a list of its fields."""
    record = NoteLink("Goal", None, None, False, 2)
    with pytest.raises(UnsafeWrite, match="NoteLink"):
        edit("---\na: 1\n---\n", {("a",): record})
    with pytest.raises(UnsafeWrite, match="NoteLink"):
        edit("---\na: 1\n---\n", {("a",): [record]})


def test_removing_a_key_removes_only_its_lines() -> None:
    text = "---\na: 1\ntags:\n  - x\n  - y\nb: 2\n---\n"
    assert edit(text, {("tags",): codec.REMOVE}) == "---\na: 1\nb: 2\n---\n"


def test_setting_none_leaves_an_empty_value() -> None:
    assert edit("---\nwhy: because # c\n---\n", {("why",): None}) == "---\nwhy: # c\n---\n"


def test_crlf_and_bom_are_kept() -> None:
    raw = (DATA / "lossless" / "bom-crlf.md").read_bytes()
    doc = codec.decode(raw)
    new = codec.encode(codec.edit(doc, {("current",): 2, ("due",): date(2027, 1, 1)}), bom=doc.bom)
    expected = raw.replace(b"current: 1\r\n", b"current: 2\r\n").replace(
        b"  - windows\r\n---", b"  - windows\r\ndue: 2027-01-01\r\n---"
    )
    assert new == expected


def test_values_that_would_change_type_are_quoted() -> None:
    result = edit("---\ntitle: x\n---\n", {("title",): "yes"})
    assert result == '---\ntitle: "yes"\n---\n'
    result = edit("---\ntitle: x\n---\n", {("title",): "Plan: Q3\nline two"})
    assert result == '---\ntitle: "Plan: Q3\\nline two"\n---\n'


def test_a_note_without_front_matter_gets_a_new_block() -> None:
    assert edit("# Note\n", {("status",): "active"}) == "---\nstatus: active\n---\n# Note\n"


def test_unreadable_front_matter_is_never_edited() -> None:
    doc = codec.decode((DATA / "hostile" / "colon-in-title.md").read_bytes())
    with pytest.raises(UnsafeWrite, match="not editing"):
        codec.edit(doc, {("status",): "done"})


def test_second_block_notes_are_never_edited() -> None:
    doc = codec.decode((DATA / "hostile" / "second-block.md").read_bytes())
    with pytest.raises(UnsafeWrite, match="second front-matter block"):
        codec.edit(doc, {("status",): "done"})


def test_overlapping_changes_are_refused() -> None:
    text = "---\nmilestones:\n  - {title: A}\n---\n"
    with pytest.raises(UnsafeWrite, match="same lines"):
        edit(text, {("milestones",): [{"title": "B"}], ("milestones", 0, "done"): True})


def test_lossless_samples_keep_every_other_byte() -> None:
    raw = (DATA / "lossless" / "comments-quotes-flow.md").read_bytes()
    doc = codec.decode(raw)
    new = codec.edit(doc, {("current",): 3, ("status",): "done"}).encode()
    assert new == raw.replace(b"current: 2    #", b"current: 3    #").replace(
        b"status: active #", b"status: done #"
    )


ANCHORED = "---\na: {x: &v 1}\nb: *v\nc: 1\nd: &d [p, q]\ne: *d\n---\n"


@pytest.mark.parametrize("path", [("a",), ("a", "x"), ("b",), ("d",), ("d", 0), ("e",)], ids=str)
def test_a_value_shared_through_an_anchor_is_not_edited(path: tuple[str | int, ...]) -> None:
    doc = codec.decode(ANCHORED.encode())
    with pytest.raises(UnsafeWrite) as info:
        codec.edit(doc, {path: 9})
    assert "the value is shared through a YAML anchor" in info.value.message
    assert info.value.message.endswith("; edit it by hand")
    assert info.value.line == doc.key_line(str(path[0]))


def test_values_beside_an_anchor_are_edited() -> None:
    assert edit(ANCHORED, {("c",): 2}) == ANCHORED.replace("c: 1", "c: 2")
    assert edit(ANCHORED, {("a", "y"): 2}) == ANCHORED.replace("{x: &v 1}", "{x: &v 1, y: 2}")


def test_a_failed_read_back_says_why() -> None:
    # A new key lands after the '...' document end: YAML would read a second document.
    doc = codec.decode(b"---\na: 1\n...\n---\nbody\n")
    with pytest.raises(UnsafeWrite) as info:
        codec.edit(doc, {("b",): 2})
    assert info.value.message == (
        "the edit would not read back as intended (invalid front matter: did not find "
        "expected <document start>); the file was left unchanged"
    )


def test_a_value_that_would_read_back_differently_is_named_with_its_line() -> None:
    doc = codec.decode(b"---\ntitle: T\ncurrent: 2\n---\n")
    wrong = "---\ntitle: T\ncurrent: 4\n---\n"
    with pytest.raises(UnsafeWrite) as info:
        codec._verify(doc, wrong, {"title": "T", "current": 3})
    assert info.value.line == 3
    assert info.value.message == (
        "the edit would not read back as intended: 'current' would read 4 instead of 3; "
        "the file was left unchanged"
    )


def test_a_list_item_is_named_as_the_user_counts_it() -> None:
    """Reported: `journal done G --milestone 5` on a folded `>-` item said
    `milestones[4]`: journal numbers milestones from 1."""
    text = "---\nmilestones:\n  - a\n  - >-\n    folded\n---\n"
    with pytest.raises(
        UnsafeWrite, match=r"^can only replace a single value at milestones item 2$"
    ):
        edit(text, {("milestones", 1): {"title": "folded", "done": "2026-11-22"}})
