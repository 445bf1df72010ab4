"""The plain-lines reader gives what the YAML 1.2 loader gives, or steps aside."""

from __future__ import annotations

import math
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from journal.core import codec, plain_yaml, yaml12

ROOT = Path(__file__).resolve().parent.parent


def shape(value: Any) -> Any:
    """A value with its types spelled out (``1``, ``1.0`` and ``True`` are equal in
    Python), NaN comparable, and the line maps' lines."""
    if isinstance(value, dict):
        lines = getattr(value, "key_lines", None)
        sources = getattr(value, "sources", None)
        return ("map", [(k, shape(v)) for k, v in value.items()], lines, sources)
    if isinstance(value, list):
        lines = getattr(value, "item_lines", None)
        return ("list", [shape(v) for v in value], lines, getattr(value, "sources", None))
    if isinstance(value, float):  # by its bits: NaN, and the sign of NaN and 0.0
        return ("float", struct.pack(">d", value), value is plain_yaml.NAN or not math.isnan(value))
    return (type(value).__name__, value)


def span_shape(span: plain_yaml.Span | None) -> Any:
    if span is None:
        return None
    return (
        span.start, span.end, span.column, span.kind, span.key_start, span.key_end,
        span.key_column, span.shared, {k: span_shape(v) for k, v in span.entries.items()},
        [span_shape(item) for item in span.items],
    )  # fmt: skip


def same_as_yaml(text: str) -> plain_yaml.LineMap | None:
    """Read ``text`` both ways; when the plain reader reads it, YAML must agree, on the
    values and on where each sits (the spans an edit splices)."""
    plain = plain_yaml.read(text)
    spans = plain_yaml.spans(text)
    assert (plain is None) == (spans is None), text
    if plain is not None:
        assert shape(plain) == shape(yaml12.load(text))
        assert span_shape(spans) == span_shape(yaml12.spans(text))
    return plain


SCALARS = st.one_of(
    st.sampled_from(
        [
            "3",
            "-3",
            "+3",
            "0012",
            "0o17",
            "0x1F",
            "0o9",
            "1.5",
            "-0.0",
            "1e3",
            "1.",
            ".5",
            "-.5",
            ".inf",
            "-.Inf",
            ".NaN",
            "true",
            "False",
            "TRUE",
            "yes",
            "no",
            "on",
            "~",
            "null",
            "Null",
            "2026-11-22",
            "2026-W49",
            "10:00",
            "1_000",
            "0b11",
            "Acme, Inc.",
            "C#",
            "a #b",
            "a: b",
            "a:",
            "http://x.org/a?b=c",
            "-",
            "- a",
            "-x",
            "-5x",
            "?x",
            ":x",
            "[a, b]",
            "{a: 1}",
            "&anchor x",
            "*alias",
            "!!str 3",
            "|",
            ">",
            "%x",
            "@x",
            "`x",
            "'quoted'",
            "'it''s'",
            '"dq"',
            '"a\\"b"',
            "''",
            '""',
            "'open",
            '"open',
            "it's",
            'say "hi"',
            "[[Wiki Link]]",
            "#tag",
            "a\tb",
            "é",
            "日本",
            "😀",
            "a\u00a0b",
            "a\x85b",
            "a\u2028b",
            "1" * 5000,
            "x ",
            " x",
        ]
    ),
    st.text(
        alphabet=st.characters(
            whitelist_categories=("L", "N", "P", "S", "Zs"), whitelist_characters="\t\r"
        ),
        min_size=1,
        max_size=12,
    ),
)
KEYS = st.one_of(
    st.sampled_from(["type", "title", "tags", "due", "a", "A_b-c", "true", "null", "x y", "é"]),
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,8}", fullmatch=True),
)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    lines = [""]  # the newline that stands in for the opening `---`
    for _ in range(draw(st.integers(1, 7))):
        key = draw(KEYS)
        form = draw(st.sampled_from(["value", "value", "list", "empty", "comment", "blank", "odd"]))
        sep = draw(st.sampled_from([": ", ": ", ":  ", ":", ":\t"]))
        if form == "value":
            end = draw(st.sampled_from(["", " ", "\r"]))
            lines.append(f"{key}{sep}{draw(SCALARS)}{end}")
        elif form == "list":
            lines.append(f"{key}:")
            indent = draw(st.sampled_from(["", "  ", "    "]))
            for _ in range(draw(st.integers(0, 3))):
                shift = draw(st.sampled_from(["", "", "", " "]))
                lines.append(
                    f"{indent}{shift}-{draw(st.sampled_from([' ', '  ', '']))}{draw(SCALARS)}"
                )
        elif form == "empty":
            lines.append(f"{key}:")
        elif form == "comment":
            lines.append(draw(st.sampled_from(["# a comment", "  # indented", "#\tx"])))
        elif form == "blank":
            lines.append(draw(st.sampled_from(["", "  ", "\t"])))
        else:
            lines.append(
                draw(
                    st.sampled_from(
                        [
                            "  nested: 1",
                            "key",
                            "- item",
                            "...",
                            "%YAML 1.2",
                            "? x",
                            "<<: *a",
                            "  continued",
                            "a: &x 1",
                            "b: *x",
                            "c: !!int 3",
                            "d: |",
                            "e: >-",
                        ]
                    )
                )
            )
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


@settings(max_examples=1500, deadline=None)
@given(front_matter())
@example("\ntype: goal\ntags:\n  - a\n  - b\ncurrent: 3\n")
@example("\na: .NaN\nb: -0.0\nc:\n- -.nan\n")
def test_plain_reader_agrees_with_yaml(text: str) -> None:
    try:
        same_as_yaml(text)
    except yaml12.YAMLError:
        pytest.fail(f"read plain, but YAML refuses it: {text!r}")


SAFE_SCALARS = st.one_of(
    st.sampled_from(
        [
            "3",
            "-3",
            "0x1F",
            "1.5",
            ".inf",
            "true",
            "null",
            "~",
            "2026-11-22",
            "10:00",
            "yes",
            "Acme, Inc.",
            "it's",
            '"[[Wiki Link]]"',
            "'quoted'",
            '"dq"',
            "''",
            "é 日本 😀",
            "a - b",
        ]
    ),
    st.text(alphabet=st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=10),
)


@st.composite
def plain_front_matter(draw: st.DrawFn) -> str:
    """Front matter the plain reader must read: unique keys, values and block lists."""
    lines = [""]
    keys = draw(
        st.lists(
            st.from_regex(r"[a-z_][a-z0-9_-]{0,8}", fullmatch=True),
            min_size=1,
            max_size=8,
            unique=True,
        )
    )
    for key in keys:
        if draw(st.booleans()):
            lines.append(f"{key}:{draw(st.sampled_from([' ', '  ']))}{draw(SAFE_SCALARS)}")
        else:
            lines.append(f"{key}:")
            indent = draw(st.sampled_from(["", "  "]))
            lines += [f"{indent}- {v}" for v in draw(st.lists(SAFE_SCALARS, max_size=3))]
        lines += draw(st.lists(st.sampled_from(["", "# note", "  # indented"]), max_size=1))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=500, deadline=None)
@given(plain_front_matter())
def test_plain_lines_are_read_plain(text: str) -> None:
    assert same_as_yaml(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "\ntype: goal\ntitle: Land a role\ncurrent: 3\ntarget: 5.5\ndone: true\nnote: ~\n",
        "\ntags:\n  - career\n  - 'q4'\naliases:\n- A\n",
        '\r\ntitle: "Quoted"\r\nwhen: 2026-11-22\r\nempty:\r\n',
        "\n# a comment\ntitle: it's fine, really\n\nweek: 2026-W49\n",
    ],
)
def test_plain_front_matter_is_read_without_yaml(text: str) -> None:
    read = same_as_yaml(text)
    assert read is not None


@pytest.mark.parametrize(
    "text",
    [
        "\ntags: [a, b]\n",  # flow list
        "\nparent:\n  child: 1\n",  # nested mapping
        "\na: 1\na: 2\n",  # duplicate key: YAML words the error
        "\na: 1 # comment\n",
        "\na:\tb\n",
        "\na: &x 1\nb: *x\n",
        "\nbody: |\n  text\n",
        "\na: 'it''s'\n",
        '\na: "tab\\t"\n',
        "\nlist:\n  - a\n - b\n",
        "\nlist:\n  -\n",
        "\na: b\n  more\n",
        "\n# only a comment\n",
        "\na: b\x85c\n",
        "\nn: " + "1" * 5000 + "\n",
    ],
)
def test_anything_more_is_left_to_yaml(text: str) -> None:
    assert plain_yaml.read(text) is None


def test_every_front_matter_of_the_example_vault_reads_the_same() -> None:
    plain = 0
    notes = sorted((ROOT / "example-vault").rglob("*.md"))
    for note in notes:
        text = note.read_text(encoding="utf-8-sig")
        if text.startswith("---"):
            block = "\n" + codec.parse_text(text).yaml_text
            plain += same_as_yaml(block) is not None
    assert plain >= len(notes) // 2  # most notes are plain lines


def test_a_note_of_plain_lines_is_read_without_importing_yaml() -> None:
    code = (
        "import sys\n"
        "from journal.core import codec\n"
        "doc = codec.decode(b'---\\ntype: goal\\ntags:\\n  - a\\n---\\nbody\\n')\n"
        "assert doc.data == {'type': 'goal', 'tags': ['a']}, doc.data\n"
        "assert doc.key_line('tags') == 3\n"
        "print('yaml' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("reader", [plain_yaml.read, yaml12.load])
def test_a_nan_reads_equal_to_itself(reader: Any) -> None:
    text = "\na: .nan\nb:\n- .NaN\n"
    assert reader(text) == reader(text)


@pytest.mark.parametrize(
    ("text", "change", "after"),
    [
        ("---\na: .nan\n---\nbody\n", {("b",): "x"}, "---\na: .nan\nb: x\n---\nbody\n"),
        (
            "---\ntags:\n- .NaN\n- y\n---\nb\n",
            {("tags", 1): "x"},
            "---\ntags:\n- .NaN\n- x\n---\nb\n",
        ),
        # the edit leaves plain lines: read plain before, by YAML after
        ("---\na: .nan\n---\nb\n", {("m",): {"n": 1}}, "---\na: .nan\nm:\n  n: 1\n---\nb\n"),
    ],
)
def test_a_note_holding_nan_can_be_edited(text: str, change: Any, after: str) -> None:
    assert codec.edit(codec.parse_text(text), change) == after
