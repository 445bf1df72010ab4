"""Property test: edit random keys of random valid front matter; only their lines change."""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from journal.core import codec, yaml12

KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,7}", fullmatch=True)
WORDS = (
    st.text(string.ascii_letters + " ", min_size=1, max_size=12)
    .map(str.strip)
    .filter(lambda s: s != "" and codec.scalar_text(s) == s)
)


@dataclass
class Entry:
    key: str
    text: str  # the entry's lines, newline-terminated, in the file's line ending


def entry_texts(key: str, nl: str) -> st.SearchStrategy[Entry]:
    comment = st.sampled_from(["", "  # note", " #c"])
    scalar = st.one_of(
        WORDS,
        st.integers(-1000, 1000).map(str),
        WORDS.map(lambda w: f"'{w}'"),
        WORDS.map(lambda w: f'"{w}"'),
        st.just("2026-11-22"),
        st.just(""),
    )
    single = st.builds(
        lambda v, c: f"{key}: {v}{c}".rstrip() + nl if v or c else f"{key}:{nl}", scalar, comment
    )
    flow = st.builds(
        lambda items, c: f"{key}: [{', '.join(items)}]{c}{nl}", st.lists(WORDS, max_size=3), comment
    )
    block = st.builds(
        lambda items, pad: f"{key}:{nl}" + "".join(f"{pad}- {i}{nl}" for i in items),
        st.lists(WORDS, min_size=1, max_size=3),
        st.sampled_from(["", "  "]),
    )
    return st.one_of(single, flow, block).map(lambda text: Entry(key, text))


@st.composite
def notes(draw: st.DrawFn) -> tuple[str, list[Entry | str], str, bool]:
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    keys = draw(st.lists(KEYS, min_size=1, max_size=6, unique=True))
    chunks: list[Entry | str] = []
    for key in keys:
        if draw(st.booleans()):
            chunks.append(f"# comment about {key}{nl}")
        chunks.append(draw(entry_texts(key, nl)))
    body = draw(
        st.text(st.characters(exclude_characters="\x00\r", exclude_categories=("Cs",)), max_size=40)
    )
    bom = draw(st.booleans())
    return nl, chunks, body, bom


VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.dates(min_value=date(1000, 1, 1)),
    st.lists(st.text(max_size=8), min_size=1, max_size=3),
)


@settings(max_examples=300, deadline=None)
@given(note=notes(), data=st.data())
def test_edits_change_exactly_the_edited_lines(
    note: tuple[str, list[Entry | str], str, bool], data: st.DataObject
) -> None:
    """The new file is the old one with each edited entry's lines replaced by that key's
    new lines (or removed), a new key's lines added at the end of the front matter, and
    not one other byte changed: checked against the generated chunks, not the codec."""
    nl, chunks, body, bom = note
    text = f"---{nl}{''.join(c if isinstance(c, str) else c.text for c in chunks)}---{nl}{body}"
    raw = codec.encode(text, bom=bom)
    doc = codec.decode(raw)
    assert doc.data is not None, doc.problems
    keys = [c.key for c in chunks if isinstance(c, Entry)]
    edited = data.draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
    new_key = data.draw(st.one_of(st.none(), KEYS.filter(lambda k: k not in keys)))
    changes: dict[tuple[str | int, ...], object] = {
        (key,): data.draw(st.one_of(VALUES, st.just(codec.REMOVE))) for key in edited
    }
    if new_key is not None:
        changes[(new_key,)] = data.draw(VALUES)
    kept = [k for k in keys if changes.get((k,)) is not codec.REMOVE]
    assume(kept or new_key)  # an empty block is not front matter

    new_raw = codec.encode(codec.edit(doc, changes), bom=doc.bom)

    head, tail = (codec.BOM if bom else b"") + f"---{nl}".encode(), f"---{nl}{body}"
    assert new_raw.startswith(head) and new_raw.endswith(tail.encode())
    front = new_raw[len(head) : len(new_raw) - len(tail.encode())].decode("utf-8")
    position, run = 0, []
    for chunk in chunks:
        if isinstance(chunk, Entry) and chunk.key in edited:
            run.append(chunk.key)
            continue
        piece = chunk if isinstance(chunk, str) else chunk.text
        at = line_start_of(front, piece, position)
        assert_lines_of(front[position:at], run, changes, nl)
        position, run = at + len(piece), []
    assert_lines_of(front[position:], run + ([new_key] if new_key else []), changes, nl)


def line_start_of(text: str, piece: str, start: int) -> int:
    """Where ``piece`` starts a line at or after ``start``."""
    at = text.find(piece, start)
    while at > 0 and text[at - 1] != "\n":
        at = text.find(piece, at + 1)
    assert at >= 0, f"{piece!r} changed or went missing"
    return at


def assert_lines_of(
    gap: str, keys: list[str], changes: dict[tuple[str | int, ...], object], nl: str
) -> None:
    """``gap`` is exactly the lines of ``keys`` (removed ones left out), in order, each
    ending in the file's newline, reading back as their new values."""
    written = [k for k in keys if changes[(k,)] is not codec.REMOVE]
    if not written:
        assert gap == ""
        return
    assert gap.endswith(nl)
    lines = gap[: -len(nl)].split(nl)
    assert not any("\n" in line or "\r" in line for line in lines)
    assert [line.split(":")[0] for line in lines if not line.startswith((" ", "- "))] == written
    assert yaml12.load(gap) == {k: codec.plain(changes[(k,)]) for k in written}
