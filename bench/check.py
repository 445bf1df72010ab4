"""Time ``journal check`` on a vault against a no-change index refresh plus the rules.

    .venv/bin/python bench/check.py [VAULT] [--repeat N]

The issue asks that the checks run on a 10,000-note vault "in about the time of a
no-change index refresh plus the rule evaluation".  This prints the median of N runs
(default 5) of: a no-change refresh; the rule evaluation on the refreshed index (what
``check_vault`` does: load the goals, build the lookups, run every rule); their sum;
``journal check`` in this process (opening the index, refresh, rules, report) and as a
new process (with Python's start-up and imports).  VAULT defaults to example-vault/;
its index is built first if needed.  Set ``XDG_CACHE_HOME`` to keep the index apart.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from run import median_time  # bench/ is the script's folder

from journal.adapters.index import Index
from journal.adapters.vault import Vault, load_catalog
from journal.core.dates import today_from
from journal.core.rules import RULES, Context
from journal.present import check_report
from journal.usecases.check import check_vault

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-22"


def median_ms(action: Callable[[], object], repeat: int) -> float:
    return median_time(action, repeat) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("vault", nargs="?", default=str(REPO / "example-vault"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    vault = Vault.open(Path(args.vault).resolve())
    today = today_from(TODAY)
    index = Index.open(vault)
    index.refresh()  # build or update the index: every timed refresh finds no change

    refresh = median_ms(index.refresh, args.repeat)
    catalogs = [load_catalog(vault, today) for _ in range(args.repeat)]  # fresh, unloaded
    evaluation = median_ms(lambda: check_vault(vault, catalogs.pop(), today), args.repeat)

    def in_process() -> None:
        catalog = load_catalog(vault, today)
        result = check_vault(vault, catalog, today)
        check_report([f.to_dict() for f in result.findings], result.goals, result.rules)

    whole = median_ms(in_process, args.repeat)
    command = [sys.executable, "-m", "journal", "--vault", str(vault.root), "check", "--json"]
    env = {**os.environ, "JOURNAL_TODAY": TODAY}
    process = median_ms(
        lambda: subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=False),
        args.repeat,
    )

    catalog = load_catalog(vault, today)
    report = check_vault(vault, catalog, today)
    context = Context(catalog, vault.config, today, vault.attachments)
    per_rule = {}
    for rule in RULES:
        per_rule[rule.id] = median_ms(lambda rule=rule: list(rule.check(context)), 1)
    notes = len(catalog.heads)
    print(f"vault: {vault.root}")
    print(f"notes: {notes}  goals: {report.goals}  findings: {len(report.findings)}", end="")
    print(f"  runs: {args.repeat}  (today: {TODAY})")
    rows = [
        ("no-change index refresh", refresh, ""),
        (f"rule evaluation ({len(RULES)} rules, goals loaded)", evaluation, ""),
        ("refresh + rule evaluation", refresh + evaluation, ""),
        ("journal check, in this process", whole, ""),
        ("journal check --json, new process", process, "  (with Python start-up)"),
        ("rule evaluation per 1,000 notes", evaluation / max(notes, 1) * 1000, ""),
    ]
    for label, ms, note in rows:
        print(f"{label + ':':<42}{ms:9.1f} ms{note}")
    slowest = sorted(per_rule, key=lambda rule_id: -per_rule[rule_id])[:5]
    print("slowest rules: " + ", ".join(f"{r} {per_rule[r]:.2f} ms" for r in slowest))


if __name__ == "__main__":
    main()
