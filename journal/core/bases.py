"""Obsidian Bases (``.base`` files) over journal's notes, built as data.

A base is YAML with ``filters``, ``formulas``, ``properties``, ``summaries`` and
``views`` (Obsidian's "Bases syntax").  :data:`BASES` holds ours as plain
dicts; :func:`base_text` writes one as YAML (and checks it reads back the same);
:func:`validate_base` checks any base against the documented syntax: section
and view shapes, filter objects, and formula expressions (balanced quotes and
brackets, known global functions, ``formula.X`` names that exist).

The formulas follow docs/format.md ("Progress and pace") closely enough for a
table; ``journal status`` stays the reference for the numbers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from journal.core import codec, yaml12
from journal.core.networking import DUE_SOON_DAYS
from journal.core.regex import lazy

#: How every base journal writes starts.
MARKER = "# Made by `journal obsidian setup`."
HEADER = (
    f"{MARKER} Edit it freely: once you change it,\n"
    "# journal never writes it again (docs/obsidian.md).\n"
)

#: The last day a follow-up is due (not yet later), as ``networking.follow_up_state`` says.
_DUE_BY = f'today() + "{DUE_SOON_DAYS}d"'

_GOAL_FORMULAS = {
    # no baseline: down from `current` when above the target (docs/format.md, "Where
    # progress counts from"; a title's "from X" and the log are journal's alone)
    "base": (
        "if(!baseline.isEmpty(), baseline,"
        " if(!current.isEmpty() && !target.isEmpty() && current > target, current, 0))"
    ),
    "value": "if(current.isEmpty(), formula.base, current)",
    "start": "if(start, start, created)",
    "share": (
        "if(target.isEmpty() || target == formula.base, null,"
        " (formula.value - formula.base) / (target - formula.base))"
    ),
    # as journal shows it: 99% at most short of the target (99.7% is not done)
    "progress": (
        'if(formula.share == null, "", if(formula.share < 1,'
        ' min((formula.share * 100).round(), 99), (formula.share * 100).round()) + "%")'
    ),
    # a date minus a date is a Duration (Obsidian 1.10), no number: read in days
    # a goal of one day (due on its start day): the whole of it elapsed on that day
    "elapsed": (
        "if(due == formula.start, if(today() < due, 0, 1),"
        " min(max((today() - formula.start).days / (due - formula.start).days, 0), 1))"
    ),
    # reached: at or past the target in the goal's direction (a decreasing goal goes down)
    # (a goal to 0 with no baseline and no value yet is not: it counts down from its first)
    "reached": (
        "if(target.isEmpty() || (target == 0 && baseline.isEmpty() && current.isEmpty()), false,"
        " if(target >= formula.base, formula.value >= target, formula.value <= target))"
    ),
    # where the line is today, and for a goal counted in whole numbers (its base, target
    # and value) the whole steps it has reached: behind only short of those
    "expected": "formula.base + (target - formula.base) * formula.elapsed",
    "steps": (
        "if(formula.base.round() != formula.base || target.round() != target"
        " || formula.value.round() != formula.value, formula.expected,"
        " if(target >= formula.base, formula.expected.floor(), formula.expected.ceil()))"
    ),
    "pace": (
        'if(status == "done" || formula.reached, "done",'
        ' if(status == "paused" || status == "dropped", status,'
        ' if(current.isEmpty() || formula.share == null, "unknown",'
        # past its due day short of the target: behind, with or without a start
        ' if(due && today() > due, "behind",'
        ' if(!due || !formula.start || due < formula.start, "unknown",'
        ' if(formula.share - formula.elapsed > 0.1, "ahead",'
        " if(formula.share - formula.elapsed < -0.1"
        " && (formula.value - formula.steps) / (target - formula.base) < -0.1,"
        ' "behind", "on track")))))))'
    ),
}

BASES: dict[str, dict[str, Any]] = {
    "Goals": {
        "filters": {"and": ['note.type == "goal"']},
        "formulas": _GOAL_FORMULAS,
        "properties": {
            "file.name": {"displayName": "Goal"},
            "formula.progress": {"displayName": "Progress"},
            "formula.pace": {"displayName": "Pace"},
            "note.due": {"displayName": "Due"},
        },
        "views": [
            {
                "type": "table",
                "name": "Active goals",
                "filters": {"or": ['status == "active"', "!status"]},
                "order": [
                    "file.name",
                    "area",
                    "current",
                    "target",
                    "unit",
                    "formula.progress",
                    "formula.pace",
                    "due",
                ],
                "sort": [{"property": "due", "direction": "ASC"}],
            },
            {
                "type": "cards",
                "name": "Board",
                "filters": {"or": ['status == "active"', "!status"]},
                "groupBy": {"property": "area", "direction": "ASC"},
                "order": ["file.name", "formula.progress", "formula.pace", "due"],
            },
            {
                "type": "table",
                "name": "All goals",
                "order": ["file.name", "status", "area", "formula.progress", "due"],
                "sort": [{"property": "file.name", "direction": "ASC"}],
            },
        ],
    },
    "Follow-ups": {
        "filters": {"and": ['note.type == "meeting"', "follow_up_by", "!follow_up_done"]},
        "formulas": {
            "state": (
                'if(follow_up_by < today(), "overdue",'
                f' if(follow_up_by <= {_DUE_BY}, "due", "later"))'
            ),
        },
        "properties": {
            "file.name": {"displayName": "Meeting"},
            "formula.state": {"displayName": "State"},
            "note.follow_up_by": {"displayName": "Follow up by"},
        },
        "views": [
            {
                "type": "table",
                "name": "Due this week",
                "filters": f"follow_up_by <= {_DUE_BY}",
                "order": ["file.name", "with", "goal", "formula.state", "follow_up_by"],
                "sort": [{"property": "follow_up_by", "direction": "ASC"}],
            },
            {
                "type": "table",
                "name": "All open follow-ups",
                "order": ["file.name", "with", "goal", "formula.state", "follow_up_by"],
                "sort": [{"property": "follow_up_by", "direction": "ASC"}],
            },
        ],
    },
    "Reviews": {
        "filters": 'note.type == "review"',
        "properties": {"file.name": {"displayName": "Review"}},
        "views": [
            {
                "type": "table",
                "name": "Weekly reviews",
                "order": ["file.name", "file.mtime"],
                "sort": [{"property": "file.name", "direction": "DESC"}],
            },
            {
                "type": "cards",
                "name": "Cards",
                "order": ["file.name"],
                "sort": [{"property": "file.name", "direction": "DESC"}],
            },
        ],
    },
}


def outside(data: dict[str, Any], excluded: Iterable[tuple[str, bool]]) -> dict[str, Any]:
    """``data``, a base, filtering out the notes journal does not read (``excluded``:
    each vault-relative path, and whether it is a folder): a note template of type
    ``goal`` in the templates folder listed as a goal (found in a tryout: Bases query the
    whole vault)."""

    def text(rel: str) -> str:  # as written, not \u escapes (`Modèles`, a folder of emoji)
        return json.dumps(rel, ensure_ascii=False)

    kept = [
        f"!file.inFolder({text(rel)})" if folder else f"file.path != {text(rel)}"
        for rel, folder in sorted(excluded)
    ]
    if not kept:
        return data
    filters = data["filters"]
    held = list(filters["and"]) if isinstance(filters, dict) else [filters]
    return {**data, "filters": {"and": [*held, *kept]}}


# --- writing ----------------------------------------------------------------------------


def base_text(data: dict[str, Any]) -> str:
    """The base as YAML text (block style, keys in order) after :data:`HEADER`;
    it must read back as ``data`` and pass :func:`validate_base`."""
    problems = validate_base(data)
    if problems:
        raise ValueError("; ".join(problems))
    text = HEADER + "".join(line + "\n" for line in _lines(data))
    if yaml12.load(text) != data:
        raise ValueError("the base would not read back as written")
    return text


def _lines(value: Any) -> list[str]:
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{codec.scalar_text(key)}:")
                lines.extend("  " + line for line in _lines(item))
            else:
                lines.append(f"{codec.scalar_text(key)}: {codec.inline_text(item)}")
        return lines
    for item in value:
        if isinstance(item, (dict, list)) and item:
            inner = _lines(item)
            lines.append("- " + inner[0])
            lines.extend("  " + line for line in inner[1:])
        else:
            lines.append("- " + codec.inline_text(item))
    return lines


# --- checking ---------------------------------------------------------------------------

SECTIONS = ("filters", "formulas", "properties", "summaries", "views")
VIEW_TYPES = ("table", "cards", "list", "map")
GLOBAL_FUNCTIONS = frozenset(
    "date duration escapeHTML file html if image icon link list max min now number today".split()  # noqa: SIM905
)
_DIRECTIONS = ("ASC", "DESC")
_CALL = lazy(r"(?<![\w.])([A-Za-z_]\w*)\s*\(")
_FORMULA_REF = lazy(r"\bformula\.(\w+)")
_STRING = lazy(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')


def validate_base(data: Any) -> list[str]:
    """What is wrong with a base by the documented syntax (empty: nothing)."""
    if not isinstance(data, dict):
        return ["a base is a mapping of sections"]
    problems = [f"unknown section '{key}'" for key in data if key not in SECTIONS]
    formulas = data.get("formulas", {})
    if not _text_map(formulas):
        problems.append("formulas: should map names to expressions (text)")
        formulas = {}
    names = set(formulas)
    for name, expression in formulas.items():
        problems += [f"formula {name}: {p}" for p in check_expression(expression, names)]
    if "filters" in data:
        problems += [f"filters: {p}" for p in _check_filter(data["filters"], names)]
    properties = data.get("properties", {})
    if not isinstance(properties, dict) or not all(
        isinstance(v, dict) and isinstance(v.get("displayName", ""), str)
        for v in properties.values()
    ):
        problems.append("properties: should map properties to settings such as displayName")
    else:
        problems += [f"properties: {p}" for p in _check_refs(list(properties), names)]
    if not _text_map(data.get("summaries", {})):
        problems.append("summaries: should map names to expressions (text)")
    views = data.get("views", [])
    if not isinstance(views, list):
        return [*problems, "views: should be a list"]
    for number, view in enumerate(views, 1):
        problems += [f"view {number}: {p}" for p in _check_view(view, names)]
    return problems


def check_expression(expression: Any, formulas: set[str]) -> list[str]:
    """Problems of one filter or formula expression: not text, unbalanced quotes or
    brackets, an unknown global function, a formula that is not defined."""
    if not isinstance(expression, str) or not expression.strip():
        return ["an expression should be non-empty text"]
    problems = []
    bare = _STRING.sub('""', expression)
    if "'" in bare or '"' in bare.replace('""', ""):
        problems.append(f"unbalanced quotes in {expression!r}")
    depth = 0
    for char in bare:
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0:
        problems.append(f"unbalanced brackets in {expression!r}")
    for name in _CALL.findall(bare):
        if name not in GLOBAL_FUNCTIONS:
            problems.append(f"unknown function {name}() in {expression!r}")
    problems += _check_refs(_FORMULA_REF.findall(bare), formulas, prefixed=False)
    return problems


def _check_refs(refs: list[str], formulas: set[str], *, prefixed: bool = True) -> list[str]:
    found = [r.removeprefix("formula.") for r in refs if not prefixed or r.startswith("formula.")]
    return [f"formula.{name} is not defined" for name in found if name not in formulas]


def _check_filter(value: Any, formulas: set[str]) -> list[str]:
    if isinstance(value, str):
        return check_expression(value, formulas)
    if not isinstance(value, dict) or len(value) != 1 or next(iter(value)) not in _JOINS:
        return ["a filter is an expression or an object with one key: and, or, not"]
    items = next(iter(value.values()))
    if not isinstance(items, list) or not items:
        return ["and/or/not hold a non-empty list of filters"]
    return [p for item in items for p in _check_filter(item, formulas)]


_JOINS = ("and", "or", "not")


def _check_view(view: Any, formulas: set[str]) -> list[str]:
    if not isinstance(view, dict):
        return ["a view is a mapping"]
    problems = []
    if view.get("type") not in VIEW_TYPES:
        problems.append(f"type should be one of {', '.join(VIEW_TYPES)}")
    if not isinstance(view.get("name"), str) or not view["name"].strip():
        problems.append("a view needs a name")
    if "limit" in view and (not isinstance(view["limit"], int) or view["limit"] < 1):
        problems.append("limit should be a positive whole number")
    if "filters" in view:
        problems += _check_filter(view["filters"], formulas)
    order = view.get("order", [])
    if not isinstance(order, list) or not all(isinstance(p, str) for p in order):
        problems.append("order should be a list of properties")
    else:
        problems += _check_refs(order, formulas)
    for key in ("sort", "groupBy"):
        items = view.get(key, [])
        for item in items if isinstance(items, list) else [items]:
            if not (
                isinstance(item, dict)
                and isinstance(item.get("property"), str)
                and item.get("direction", "ASC") in _DIRECTIONS
            ):
                problems.append(f"{key} entries are {{property, direction: ASC or DESC}}")
            else:
                problems += _check_refs([item["property"]], formulas)
    return problems


def _text_map(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )
