"""How fast is ``journal history`` on a long history?  Cold (empty cache) and warm.

    .venv/bin/python bench/history.py [--runs 5] [--one-goal COMMITS]

Uses the benchmark repository (bench/make_repo.py: 5,000 commits over a
1,000-note vault in ``vault/``; built when missing), a fresh cache folder under
bench/out/, and the installed ``journal`` command in a new process per run, as a
user would run it.  Prints wall-clock seconds: the first run (cold: every commit
diffed and parsed), its CPU time, and the median of the warm runs, for the
vault-wide history and for one goal's timeline (which also reads every note to find
the goal).  ``--one-goal COMMITS``: ``journal history --limit 1`` of a vault of one
goal logged once a day for COMMITS commits instead (``make_repo.py --one-goal``).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
REPO = OUT / "repo"
CACHE = OUT / "history-cache"


def run(repo: Path, args: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user and system) of one command."""
    env = {**os.environ, "XDG_CACHE_HOME": str(CACHE), "JOURNAL_TODAY": "2026-11-22"}
    command = [sys.executable, "-m", "journal", "--vault", str(repo / "vault"), *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--one-goal", type=int, metavar="COMMITS")
    args = parser.parse_args()
    repo, build = REPO, ["--out", str(REPO)]
    cases = {
        "journal list (for scale)": ["list"],
        "journal history": ["history"],
        "journal history GOAL": ["history", "goal-000"],
    }
    if args.one_goal:
        repo = OUT / f"one-goal-{args.one_goal}"
        build = ["--one-goal", "--commits", str(args.one_goal), "--out", str(repo)]
        cases = {"journal history --limit 1": ["history", "--limit", "1"]}
    if not repo.exists():
        subprocess.run([sys.executable, str(HERE / "make_repo.py"), *build], check=True)
    print(f"repository: {repo}; warm = median of {args.runs} runs")
    print(f"{'command':<28}{'cold':>9}{'cold CPU':>10}{'warm':>9}")
    for name, argv in cases.items():
        shutil.rmtree(CACHE, ignore_errors=True)
        cold, cpu = run(repo, argv)
        warm = statistics.median(run(repo, argv)[0] for _ in range(args.runs))
        print(f"{name:<28}{cold:>8.2f}s{cpu:>9.2f}s{warm:>8.2f}s")
    size = sum(p.stat().st_size for p in CACHE.rglob("*.json"))
    print(f"cache: {size / 1e6:.1f} MB in {CACHE}")


if __name__ == "__main__":
    main()
