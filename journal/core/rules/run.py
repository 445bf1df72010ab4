"""Running the chosen rules over a vault: findings, minus what goals silence, sorted."""

from __future__ import annotations

from collections.abc import Sequence

from journal.core.links import composed
from journal.core.rules.base import Context, Finding, Rule
from journal.core.rules.select import is_ignored


def evaluate(ctx: Context, rules: Sequence[Rule]) -> list[Finding]:
    """Every finding of ``rules``, except those a goal's ``check_ignore`` silences,
    sorted by path (:func:`composed` first: a file name a Mac wrote decomposed sorts as
    it will once renamed), line and rule."""
    # only the goals that silence a rule: most findings then need no look at it
    silenced = {
        g.path: [s.strip().upper() for s in g.check_ignore] for g in ctx.goals if g.check_ignore
    }
    findings = []
    for rule in rules:
        for problem in rule.check(ctx):
            ignore = silenced.get(problem.goal or problem.path) if silenced else None
            if ignore and is_ignored(rule, ignore):
                continue
            findings.append(
                Finding(
                    rule.id,
                    rule.severity,
                    problem.path,
                    problem.line,
                    problem.message,
                    problem.suggestion,
                    problem.goal,
                )
            )
    return sorted(findings, key=lambda f: (composed(f.path), f.path, f.line, f.rule, f.message))
