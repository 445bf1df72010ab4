"""Adding keys to a JSON file's text without reformatting it.

Obsidian's settings files are the user's: :func:`add_members` puts new keys into
one object of the top-level object (``{"types": {...}}``) as new lines laid out
like their neighbours (line endings, indentation, separators), and leaves every
other character as it was.  The result must parse to the intended data, keys in
order, or :class:`ValueError` is raised.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from journal.core.records import Record, record
from journal.core.regex import lazy

_SPACE = lazy(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


@record(frozen=True, slots=True)
class _Member(Record):
    """A member of a JSON object as written: where its key and value sit (offsets)."""

    key: str
    start: int  # the key's opening quote
    key_end: int  # after its closing quote
    value: int  # the value's first character
    end: int  # after the value


def add_members(text: str, name: str, items: Mapping[str, Any]) -> str:
    """``text`` (a JSON object) with ``items`` added at the end of its object
    ``name``, which is added at the end of the top level when missing.  An object
    without members to copy the layout from gets Obsidian's (two spaces)."""
    top = _skip(text, 0)
    members, close = _members(text, top)
    if members:
        lead, colon = _layout(text, top, members)
    else:
        lead, colon = ("\r\n" if "\r\n" in text else "\n") + "  ", ": "
    inner = lead + (lead.rsplit("\n", 1)[1] if "\n" in lead else "")
    found = [m for m in members if m.key == name]  # JSON.parse keeps the last
    if found:
        start = found[-1].value
        current, current_close = _members(text, start)
        if current:
            at = current[-1].end
            result = text[:at] + _pairs(items, *_layout(text, start, current)) + text[at:]
        else:
            result = text[:start] + _object(items, inner, colon, lead) + text[current_close + 1 :]
    else:
        member = json.dumps(name) + colon + _object(items, inner, colon, lead)
        if members:
            at = members[-1].end
            result = text[:at] + "," + lead + member + text[at:]
        else:
            outer = lead.rsplit("\n", 1)[0] + "\n" if "\n" in lead else lead
            result = text[: top + 1] + lead + member + outer + text[close:]
    expected = json.loads(text)
    expected[name] = {**expected.get(name, {}), **items}
    if json.dumps(json.loads(result)) != json.dumps(expected):
        raise ValueError("the keys could not be added without changing other text")
    return result


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _members(text: str, start: int) -> tuple[list[_Member], int]:
    """The members of the object whose ``{`` is at ``start``, and where its ``}`` is."""
    if text[start : start + 1] != "{":
        raise ValueError("not a JSON object")
    members: list[_Member] = []
    at = _skip(text, start + 1)
    if text[at : at + 1] == "}":
        return members, at
    while True:
        if text[at : at + 1] != '"':
            raise ValueError("expected a key")
        key, key_end = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
        colon = _skip(text, key_end)
        if text[colon : colon + 1] != ":":
            raise ValueError("expected ':'")
        value = _skip(text, colon + 1)
        end = _DECODER.raw_decode(text, value)[1]
        members.append(_Member(key, at, key_end, value, end))
        after = _skip(text, end)
        if text[after : after + 1] == "}":
            return members, after
        if text[after : after + 1] != ",":
            raise ValueError("expected ',' or '}'")
        at = _skip(text, after + 1)


def _layout(text: str, start: int, members: list[_Member]) -> tuple[str, str]:
    """What goes before each member of the object at ``start`` (line break and
    indentation, or spaces) and between a key and its value, copied from its members."""
    first = members[0]
    lead = text[start + 1 : first.start]
    if len(members) > 1:
        lead = text[first.end : members[1].start].split(",", 1)[1]
    return lead, text[first.key_end : first.value]


def _pairs(items: Mapping[str, Any], lead: str, colon: str) -> str:
    """Each item as ``,`` + ``lead`` + key + ``colon`` + value (JSON.stringify's escapes)."""
    return "".join(f",{lead}{_json(key)}{colon}{_json(value)}" for key, value in items.items())


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _object(items: Mapping[str, Any], lead: str, colon: str, close: str) -> str:
    """A new object whose members are led by ``lead``; ``close`` goes before its ``}``."""
    return "{" + _pairs(items, lead, colon)[1:] + close + "}"
