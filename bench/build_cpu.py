"""Where the CPU of a cold build goes: one process against forked workers.

    .venv/bin/python bench/build_cpu.py VAULT [--repeat N]

Each run rebuilds a scratch index of VAULT (``journal index --rebuild``'s work, without
the command's start-up) in a new process and prints its wall time and the CPU time
(user + system) of the process and of its workers, median of N runs (default 3):

- ``one process``: the work itself, with no worker processes (as a small refresh runs);
- ``workers``: as a cold build runs, parsing in forked workers while this process
  writes the index;
- the same two with ``parse only``: every file read and parsed, nothing stored (what
  the workers cost with no writing process beside them).

On a machine with C cores, a build can't take less than the one-process CPU / C,
however well it is spread: that is the bound the 3x target meets (docs/performance.md).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import gc, resource, sys, time
from pathlib import Path
from journal.adapters import index as ix, index_reading as reading
from journal.adapters.vault import Vault
gc.set_threshold(10_000, 10, 10)  # as the journal command sets it
if sys.argv[1] == "one":
    reading.PARALLEL_MIN = 10**9
index = ix.Index.open(Vault.open(Path(sys.argv[2])), Path(sys.argv[3]))
started = time.perf_counter()
if sys.argv[4] == "store":
    index.rebuild()
else:
    paths = sorted(rel for rel, _entry in index.vault.iter_notes())
    forking = reading.process_context(len(paths))
    root, periodic = str(index.vault.root), index.periodic
    for _item in reading.read_all(root, paths, [None] * len(paths), periodic, None, forking):
        pass
wall = time.perf_counter() - started
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime)
"""


def run(mode: str, vault: Path, scratch: Path, what: str) -> tuple[float, float, float]:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, str(vault), str(scratch), what],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    wall, own, workers = (float(x) for x in out)
    return wall, own, workers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "index.sqlite"
        for what, title in (("store", "build"), ("parse", "parse only")):
            for mode, label in (("one", "one process"), ("workers", "workers")):
                runs = [run(mode, args.vault, scratch, what) for _ in range(args.repeat)]
                wall, own, workers = (statistics.median(r[i] for r in runs) for i in range(3))
                print(
                    f"{title:10s} {label:12s} wall {wall:6.2f} s  cpu: this process"
                    f" {own:6.2f} s, workers {workers:6.2f} s, total {own + workers:6.2f} s"
                )


if __name__ == "__main__":
    main()
