"""YAML 1.2 semantics, line numbers and refusal of dangerous input."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.core import codec
from journal.core.plain_scalars import resolves_to_text
from journal.core.yaml12 import Yaml12Loader, spans
from tests.conftest import REPO


def load(text: str) -> object:
    return yaml.load(text, Loader=Yaml12Loader)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NO", "NO"),
        ("yes", "yes"),
        ("on", "on"),
        ("10:00", "10:00"),
        ("2026-11-22", "2026-11-22"),
        ("1.10", 1.1),
        ("0012", 12),
        ("0o17", 15),
        ("0x1F", 31),
        ("true", True),
        ("False", False),
        ("~", None),
        ("", None),
        ("-2.5e3", -2500.0),
        ("3", 3),
        (".inf", float("inf")),
    ],
)
def test_plain_scalars_resolve_by_yaml_1_2_core_schema(text: str, expected: object) -> None:
    assert load(f"value: {text}\n") == {"value": expected}


def test_keys_stay_the_text_the_user_typed() -> None:
    data = load("on: 1\n1: x\nnull: y\n")
    assert list(data) == ["on", "1", "null"]  # type: ignore[arg-type]


def test_plain_numbers_remember_their_source_text() -> None:
    data = load("id: 0012\nversion: 1.10\nname: x\n")
    assert data.sources == {"id": "0012", "version": "1.10"}  # type: ignore[attr-defined]


def test_mappings_know_their_key_lines() -> None:
    data = load("a: 1\n\n# comment\nb:\n  - x\nc: 3\n")
    assert data.key_lines == {"a": 1, "b": 4, "c": 6}  # type: ignore[attr-defined]


def test_duplicate_keys_are_errors_naming_both_lines() -> None:
    with pytest.raises(yaml.YAMLError) as info:
        load("a: 1\nb: 2\na: 3\n")
    assert "duplicate key 'a' (first on line 1)" in str(info.value)
    assert info.value.problem_mark.line == 2  # type: ignore[attr-defined]


def test_alias_bombs_are_refused() -> None:
    layers = ["a: &a [x,x,x,x,x,x,x,x,x,x]"]
    for name, prev in zip("bcde", "abcd", strict=True):
        layers.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    with pytest.raises(yaml.YAMLError, match="aliases expand"):
        load("\n".join(layers) + "\n")


def test_small_aliases_are_fine() -> None:
    assert load("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize("tag", ["!!binary aGk=", "!!set {a}", "!python/object:os.system ls"])
def test_non_plain_types_are_refused(tag: str) -> None:
    with pytest.raises(yaml.YAMLError):
        load(f"x: {tag}\n")


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("hello", True),
        ("yes", False),
        ("NO", False),
        ("10:00", False),
        ("12", False),
        ("2026-11-22", False),
        ("null", False),
        ("1.5", False),
        ("Plan Q3", True),
    ],
)
def test_resolves_to_text_checks_both_yaml_versions(text: str, safe: bool) -> None:
    assert resolves_to_text(text) is safe


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("review", "review"),
        ("Yes", '"Yes"'),
        ("off", '"off"'),
        ("~", '"~"'),
        ("=", '"="'),
        ("tab\there", '"tab\\there"'),
        ("line\u2028sep", '"line\\u2028sep"'),
        ("bom\ufeff", '"bom\\ufeff"'),
        ("c1\x85", '"c1\\u0085"'),
        ("café ok", "café ok"),
    ],
)
def test_scalars_are_quoted_when_a_loader_would_read_other_than_the_text(
    text: str, written: str
) -> None:
    assert codec.scalar_text(text) == written
    assert load(f"x: {written}\n") == {"x": text}


def test_spans_locate_values_and_trim_block_content() -> None:
    text = "a: 1 # c\nb:\n  - x\n  - y\n# tail\nc: |\n  t\n\nd:\n"
    root = spans(text)
    assert root is not None
    assert text[root.entries["a"].start : root.entries["a"].end] == "1"
    assert text[root.entries["b"].start : root.entries["b"].end] == "- x\n  - y"
    assert text[root.entries["c"].start : root.entries["c"].end] == "|\n  t"
    assert root.entries["d"].start == root.entries["d"].end == text.index("d:") + 2
    assert root.entries["b"].kind == "block-seq"


def _text_to_both_loaders(text: str) -> bool:
    """The oracle: no implicit resolver of PyYAML's safe loader nor of ours matches."""
    for loader in (Yaml12Loader, yaml.SafeLoader):
        candidates = loader.yaml_implicit_resolvers.get(text[:1], [])
        if any(pattern.match(text) for _tag, pattern in candidates):
            return False
    return True


_PATTERNS = sorted(
    {
        pattern.pattern
        for loader in (Yaml12Loader, yaml.SafeLoader)
        for candidates in loader.yaml_implicit_resolvers.values()
        for _tag, pattern in candidates
    }
)
_MATCHED_BY_SOME = st.sampled_from(_PATTERNS).flatmap(
    lambda p: st.from_regex(re.compile(p, re.X), fullmatch=True)
)


@settings(max_examples=1500, deadline=None)
@given(
    st.one_of(
        st.text(alphabet="0123456789+-._:eExob TtZ\tyesnoYESNOtrufalsTRUFALS~<=!&*", max_size=24),
        _MATCHED_BY_SOME,
    )
)
def test_resolves_to_text_agrees_with_both_yaml_loaders(text: str) -> None:
    """Writing decides without importing PyYAML, yet as its resolvers and ours would."""
    assert resolves_to_text(text) is _text_to_both_loaders(text)


def test_writing_a_scalar_imports_no_yaml_library() -> None:
    code = (
        "import sys; from journal.core import codec;"
        "assert codec.scalar_text('2026-W49') == '2026-W49';"
        "assert codec.scalar_text('10:00') == '\"10:00\"';"
        "assert 'yaml' not in sys.modules, 'yaml imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_every_implicit_resolver_names_the_characters_it_starts_with() -> None:
    """Yaml12Loader.resolve looks a scalar's resolvers up by its first character alone:
    a resolver for any first character (PyYAML's None key) would never be asked."""
    from journal.core.yaml12 import Yaml12Loader

    assert Yaml12Loader.yaml_implicit_resolvers
    assert all(isinstance(first, str) for first in Yaml12Loader.yaml_implicit_resolvers)
