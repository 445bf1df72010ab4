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

#: The rules as docs/checks.md lists them: by group (in the order of SMART, then O and
#: H), then by id.
RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            *specific.RULES,
            *measurable.RULES,
            *achievable.RULES,
            *relevant.RULES,
            *timebound.RULES,
            *planned.RULES,
            *activity.RULES,
            *hygiene.RULES,
        ),
        key=lambda rule: ("SMARTOH".index(rule.id[0]), rule.id),
    )
)

__all__ = ["RULES", "Context", "Finding", "Rule"]
