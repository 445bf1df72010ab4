"""The rules of ``journal check``: SMART goals, checked like code is linted.

Every rule has a stable id: a letter for its group (S specific, M measurable,
A achievable, R relevant, T time-bound, O outcome over activity, H hygiene) and
a number.  docs/checks.md documents each one.
"""

from __future__ import annotations

from journal.core.rules import (
    achievable,
    activity,
    hygiene,
    measurable,
    planned,
    relevant,
    specific,
    timebound,
)
from journal.core.rules.base import Context, Finding, Rule

RULES: tuple[Rule, ...] = (
    *specific.RULES,
    *measurable.RULES,
    *achievable.RULES,
    *relevant.RULES,
    *timebound.RULES,
    *planned.RULES,
    *activity.RULES,
    *hygiene.RULES,
)

__all__ = ["RULES", "Context", "Finding", "Rule"]
