"""Which plain YAML scalars read back as text, without importing a YAML library.

A value written unquoted must read back as the text it was: in YAML 1.2's core schema
(Obsidian, js-yaml, and :mod:`journal.core.yaml12`) and in YAML 1.1 (PyYAML and other
older readers), where ``yes``, ``10:00`` and ``2026-11-22`` are no text.  The patterns
are the implicit types of the two specs, each with the first characters it can start
with, as YAML readers dispatch them; the 1.2 ones are also :mod:`yaml12`'s resolvers.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from journal.core.regex import lazy


class Implicit(NamedTuple):
    """An implicit type: its tag, the pattern of its plain scalars, their first characters."""

    tag: str
    pattern: re.Pattern[str]
    first: str

    @property
    def starts(self) -> list[str]:
        """What a scalar of the type starts with, as YAML readers dispatch on it: its
        first characters, and "" when the empty scalar is one (null)."""
        return [*self.first, ""] if self.pattern.match("") else list(self.first)


_DIGITS = "0123456789"
_SIGNED = "-+" + _DIGITS

#: YAML 1.2 core schema (no 1.1 types: ``yes`` and ``10:00`` stay text; ``0o`` octal).
YAML12 = (
    Implicit("bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    Implicit("int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), _SIGNED),
    Implicit(
        "float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        _SIGNED + ".",
    ),
    Implicit("null", re.compile(r"^(?:~|null|Null|NULL|)$"), "~nN"),
)

#: YAML 1.1's types as PyYAML's safe loader resolves them (yes/no/on/off, sexagesimal
#: and ``_``-grouped numbers, ``0b``/``0`` octal, timestamps, merge ``<<``, value ``=``,
#: and a lone ``!``, ``&`` or ``*``), compiled when first used: only writing a value
#: needs them (:func:`resolves_to_text`), not reading notes.
YAML11 = (
    Implicit(
        "bool",
        lazy(r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
        "yYnNtTfFoO",
    ),
    Implicit(
        "float",
        lazy(
            r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?"
            r"|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        _SIGNED + ".",
    ),
    Implicit(
        "int",
        lazy(
            r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
            r"|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"
        ),
        _SIGNED,
    ),
    Implicit("merge", lazy(r"^(?:<<)$"), "<"),
    Implicit("null", lazy(r"^(?:~|null|Null|NULL|)$"), "~nN"),
    Implicit(
        "timestamp",
        lazy(
            r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            r"|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
            r"(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?"
            r"(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"
        ),
        _DIGITS,
    ),
    Implicit("value", lazy(r"^(?:=)$"), "="),
    Implicit("yaml", lazy(r"^(?:!|&|\*)$"), "!&*"),
)

#: Characters a plain scalar may not start with (YAML's indicators).
INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")

#: The YAML 1.2 types by the first character of their scalars, in the spec's order.
YAML12_BY_FIRST: dict[str, list[Implicit]] = {}
for _implicit in YAML12:
    for _start in _implicit.starts:
        YAML12_BY_FIRST.setdefault(_start, []).append(_implicit)


@functools.cache
def _by_first() -> dict[str, list[re.Pattern[str]]]:
    """The patterns of both specs' types by the first character of their scalars."""
    found: dict[str, list[re.Pattern[str]]] = {}
    for implicit in (*YAML12, *YAML11):
        for start in implicit.starts:
            found.setdefault(start, []).append(implicit.pattern)
    return found


def yaml_int(text: str) -> int:
    """An integer of YAML 1.2's core schema (decimal, ``0o`` octal, ``0x`` hex), built as
    :mod:`yaml12` builds it; ValueError when Python can't (too many digits)."""
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text, 10)


def resolves_to_text(plain: str) -> bool:
    """True when ``plain`` written unquoted reads back as text in YAML 1.2 *and* 1.1.

    Writing for other tools too, a string such as ``yes`` or ``10:00`` is quoted even
    though YAML 1.2 would read it as text.  (The empty string is null in both.)
    """
    return not any(pattern.match(plain) for pattern in _by_first().get(plain[:1], ()))
