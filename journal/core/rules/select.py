"""Choosing rules by id or prefix, the way ruff does (``--select S,M --ignore M003``).

A selector is ``ALL`` or a prefix of rule ids (``S``, ``M00``, ``M003``).  For each
rule the longest selector that matches it decides; on a tie ``ignore`` wins.
With nothing selected, every rule is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from journal.core.errors import UsageProblem
from journal.core.rules import RULES
from journal.core.rules.base import Rule

ALL = "ALL"


def parse_selectors(values: Iterable[str]) -> list[str]:
    """Selectors from option values that may hold several, comma-separated."""
    found = []
    for value in values:
        if not value.strip(" ,"):  # `--select ''` would otherwise run every rule
            raise UsageProblem(
                "an empty selector names no rule (ids look like S001, groups like S)"
            )
        for part in value.split(","):
            selector = part.strip().upper()
            if not selector:
                continue
            if selector != ALL and not any(rule.id.startswith(selector) for rule in RULES):
                raise UsageProblem(
                    f"'{part.strip()}' matches no rule (ids look like S001, groups like S; "
                    "see `journal check --list-rules`)"
                )
            found.append(selector)
    return found


def _strength(rule: Rule, selectors: Sequence[str]) -> int:
    """The length of the longest selector matching ``rule`` (ALL counts as 0), else -1."""
    best = -1
    for selector in selectors:
        if selector == ALL:
            best = max(best, 0)
        elif rule.id.startswith(selector):
            best = max(best, len(selector))
    return best


def is_ignored(rule: Rule, ignore: Sequence[str]) -> bool:
    return _strength(rule, ignore) >= 0


def chosen(select: Sequence[str], ignore: Sequence[str]) -> list[Rule]:
    """The rules ``select`` turns on and ``ignore`` does not turn off."""
    wanted = select or [ALL]
    return [rule for rule in RULES if _strength(rule, wanted) > _strength(rule, ignore)]
