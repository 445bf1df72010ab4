"""Property test: ``indented_json`` writes the text ``json.dumps(indent=2)`` does, once
whole floats are ints and the C1 controls escaped, for any JSON-like value."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.core.formatting import escape_c1, json_numbers
from journal.core.json_indented import indented_json


class _Str(str):
    pass


class _Int(int):
    pass


class _Float(float):
    pass


class _Dict(dict[Any, Any]):
    pass


def expected(data: Any, indent: str = "") -> str:
    """What the ``--json`` options printed before: the standard library's text."""
    text = escape_c1(json.dumps(json_numbers(data), indent=2, ensure_ascii=False))
    return text.replace("\n", "\n" + indent)


# Any code point, surrogates, controls, C1, DEL, U+2028 and U+2029 among them
TEXT = st.text(st.characters(blacklist_categories=()), max_size=8) | st.sampled_from(
    ["", "\x7f", "\x85\x9f", "\u2028\u2029", '"\\/', "\x00\x1f\n\t", "é ü 日本", "\ud800"]
)
NUMBERS = st.one_of(
    st.integers(),
    st.integers(min_value=-(2**200), max_value=2**200),
    st.floats(),  # nan, inf, -0.0, whole ones too
    st.sampled_from([0.0, -0.0, 1e16, 1e17, 2.5, 1e-7, 5.0, -1e300, float("nan"), float("inf")]),
    st.sampled_from([-float("inf"), 123456789012345678.0]),
)
PLAIN = st.one_of(st.none(), st.booleans(), NUMBERS, TEXT)
ODD = st.one_of(  # values json writes as their base type: left to json.dumps
    TEXT.map(_Str),
    st.integers().map(_Int),
    st.floats().map(_Float),
)
KEYS = st.one_of(TEXT, TEXT.map(_Str))
VALUES = st.recursive(
    PLAIN | ODD,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(KEYS, inner, max_size=4),
        st.dictionaries(KEYS, inner, max_size=3).map(_Dict),
        st.dictionaries(  # keys json writes as strings: 1 -> "1", True -> "true"
            st.one_of(st.integers(), st.floats(), st.booleans(), st.none(), TEXT),
            inner,
            max_size=3,
        ),
    ),
    max_leaves=20,
)


@settings(max_examples=500)
@given(VALUES, st.sampled_from(["", "  ", "    "]))
def test_the_text_is_json_s(data: Any, indent: str) -> None:
    assert indented_json(data, indent) == expected(data, indent)


@pytest.mark.parametrize(
    "data",
    [
        {},
        [],
        (),
        [[], {}, [[]], {"a": {}}],
        {"n": 5.0, "x": -0.0, "big": 1e16, "frac": 2.5, "huge": 10**30, "nan": float("nan")},
        {"inf": [float("inf"), -float("inf")], "t": True, "f": False, "none": None},
        {"title": "Caf\u00e9 \u0085 \x7f \u2028\u2029 \x9f", "c": '\x00\x1f"\\'},
        {2: "two", 2.5: "x", True: "t", None: "n"},
    ],
)
def test_edges(data: Any) -> None:
    assert indented_json(data) == expected(data)
    assert indented_json(data, "  ") == expected(data, "  ")


def test_a_value_json_cannot_write_is_its_error() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        indented_json({"a": [object()]})
