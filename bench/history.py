"""How fast is ``journal history`` on a long history?  Cold (empty cache) and warm.

    .venv/bin/python bench/history.py [--runs 5]

Uses the benchmark repository (bench/make_repo.py: 5,000 commits over a
1,000-note vault in ``vault/``; built when missing), a fresh cache folder under
bench/out/, and the installed ``journal`` command in a new process per run, as a
user would run it.  Prints wall-clock seconds: the first run (cold: every commit
diffed and parsed) and the median of the warm runs, for the vault-wide history
and for one goal's timeline (which also reads every note to find the goal).
"""

from __future__ import annotations

import argparse
import os
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


def run(args: list[str]) -> float:
    env = {**os.environ, "XDG_CACHE_HOME": str(CACHE), "JOURNAL_TODAY": "2026-11-22"}
    command = [sys.executable, "-m", "journal", "--vault", str(REPO / "vault"), *args]
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not REPO.exists():
        subprocess.run([sys.executable, str(HERE / "make_repo.py"), "--out", str(REPO)], check=True)
    cases = {
        "journal list (for scale)": ["list"],
        "journal history": ["history"],
        "journal history GOAL": ["history", "goal-000"],
    }
    print(f"repository: {REPO}; warm = median of {args.runs} runs")
    print(f"{'command':<28}{'cold':>9}{'warm':>9}")
    for name, argv in cases.items():
        shutil.rmtree(CACHE, ignore_errors=True)
        cold = run(argv)
        warm = statistics.median(run(argv) for _ in range(args.runs))
        print(f"{name:<28}{cold:>8.2f}s{warm:>8.2f}s")
    size = sum(p.stat().st_size for p in CACHE.rglob("*.json"))
    print(f"cache: {size / 1e6:.1f} MB in {CACHE}")


if __name__ == "__main__":
    main()
