"""The JSON text the ``--json`` options print, made in one walk of the data.

It is ``json.dumps(json_numbers(data), indent=2, ensure_ascii=False)`` with
:func:`~journal.core.formatting.escape_c1` applied, character for character; but
``json`` indents only in its pure-Python encoder, a generator for each dict and list
and a ``yield`` for each part, and :func:`~journal.core.formatting.json_numbers` walks
the data once more first: a tenth of ``list --json``'s instructions.  Here each dict
and list is one comprehension, whose strings and ints the C functions ``json`` calls
write; any other value (a subclass, a dict with a key not a string) is left to
``json.dumps``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring  # the C one
from typing import Any

from journal.core.formatting import escape_c1, json_numbers


def indented_json(data: Any, indent: str = "") -> str:
    """``data`` as JSON text indented by two spaces a level, whole floats as ints
    (``5.0`` -> ``5``), DEL, the C1 controls, U+2028 and U+2029 escaped; each line after
    the first begins with ``indent`` more (an item of a list written around it)."""
    text = _value(data, "\n" + indent)
    # escape_c1's regex looks at every character: ASCII without DEL has none to escape
    return text if text.isascii() and "\x7f" not in text else escape_c1(text)


def _float(number: float) -> str:
    """A float as ``json`` writes it, or as the int it is (:func:`json_numbers`)."""
    if number.is_integer():
        return int.__repr__(int(number))
    if number != number:
        return "NaN"
    if number == _INFINITY:
        return "Infinity"
    if number == -_INFINITY:
        return "-Infinity"
    return float.__repr__(number)


_INFINITY = float("inf")

#: How a value that holds none is written, by its exact type.
_PLAIN: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: {True: "true", False: "false"}.__getitem__,
    type(None): {None: "null"}.__getitem__,
}


def _value(data: Any, lead: str) -> str:
    """``data`` as JSON text, each line after the first led by ``lead`` (a line break
    and the indentation of the level ``data`` is at)."""
    write = _PLAIN.get(type(data))
    if write is not None:
        return write(data)
    kind = type(data)
    if kind is dict:
        if not data:
            return "{}"
        inner = lead + "  "
        try:
            items = [
                (_KEYS.get(key) or _key(key))
                + (write(value) if (write := _PLAIN.get(type(value))) else _value(value, inner))
                for key, value in data.items()
            ]
        except TypeError:  # a key not a string, which json writes as one (1 -> "1")
            return _dumped(data, lead)
        return "{" + inner + ("," + inner).join(items) + lead + "}"
    if kind is list or kind is tuple:
        if not data:
            return "[]"
        inner = lead + "  "
        items = [
            write(value) if (write := _PLAIN.get(type(value))) else _value(value, inner)
            for value in data
        ]
        return "[" + inner + ("," + inner).join(items) + lead + "]"
    return _dumped(data, lead)


#: The keys written so far, each as its JSON string and ": ": the records of a list hold
#: the same few dozen keys (``list --json``: 33 a goal).
_KEYS: dict[str, str] = {}


def _key(key: str) -> str:
    """``key`` as a dict's key is written (:data:`_KEYS`, kept there); a key not a string
    is :class:`TypeError`, as ``encode_basestring`` raises."""
    text = _KEYS[key] = encode_basestring(key) + ": "
    return text


def _dumped(data: Any, lead: str) -> str:
    """``data`` as ``json.dumps`` writes it, each line after the first led by ``lead``."""
    text = json.dumps(json_numbers(data), indent=2, ensure_ascii=False)
    return text.replace("\n", lead)  # no JSON string holds a line break
