"""Time ``journal check`` on a vault: loading the notes, then evaluating every rule.

    .venv/bin/python bench/check.py [VAULT] [--repeat N]

Prints the median of N runs (default 5) for each phase, the counts, and the rule
evaluation time per 1,000 notes.  VAULT defaults to example-vault/.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from journal.adapters.vault import Vault, load_catalog
from journal.core.dates import today_from
from journal.core.rules import RULES, Context
from journal.core.rules.run import evaluate

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vault", nargs="?", default=str(REPO / "example-vault"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    vault = Vault.open(Path(args.vault).resolve())
    today = today_from("2026-11-22")
    loads, evaluations, per_rule_runs = [], [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        catalog = load_catalog(vault)
        catalog.goals  # noqa: B018 - build goals and inline check-ins with the load
        loaded = time.perf_counter()
        findings = evaluate(Context(catalog, vault.config, today), RULES)
        done = time.perf_counter()
        loads.append(loaded - start)
        evaluations.append(done - loaded)
        context = Context(catalog, vault.config, today)
        timings = {}
        for rule in RULES:
            tick = time.perf_counter()
            list(rule.check(context))
            timings[rule.id] = time.perf_counter() - tick
        per_rule_runs.append(timings)
    notes, goals = len(catalog.notes), len(catalog.goals)
    evaluation = statistics.median(evaluations)
    print(f"vault: {vault.root}")
    print(f"notes: {notes}  goals: {goals}  findings: {len(findings)}  runs: {args.repeat}")
    print(f"load (parse every note, goals):  {statistics.median(loads) * 1000:9.1f} ms")
    print(f"rule evaluation ({len(RULES)} rules):     {evaluation * 1000:9.1f} ms")
    print(f"rule evaluation per 1,000 notes: {evaluation * 1000 / max(notes, 1) * 1000:9.1f} ms")
    slowest = sorted(RULES, key=lambda r: -statistics.median(t[r.id] for t in per_rule_runs))
    shown = ", ".join(
        f"{r.id} {statistics.median(t[r.id] for t in per_rule_runs) * 1000:.2f} ms"
        for r in slowest[:5]
    )
    print(f"slowest rules: {shown}")


if __name__ == "__main__":
    main()
