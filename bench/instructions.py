"""Instructions a cold build executes, against the floor's, counted by valgrind.

    .venv/bin/python bench/instructions.py VAULT [--every 10]
    .venv/bin/python bench/instructions.py VAULT --commands

This machine's speed swings by 2-4x from minute to minute, so two timed runs of the same
code can differ more than two versions of the code do. Instructions don't swing: this
script copies every Nth note of VAULT (default every 10th) to a scratch vault, and
counts with valgrind's cachegrind the instructions of

- the floor: reading every file and parsing its front matter with PyYAML's C loader;
- a cold build in one process (``journal index --rebuild``'s work, no worker processes);

each as a run that does the work minus a run that only starts and imports, so the
interpreter's start is left out. It prints both and their ratio. The ratio is not the
wall-time ratio the target is set in (the floor is mostly C, which runs more
instructions a cycle; a build spreads over the cores), but it tells whether a change
cut the work.

``--commands``: the whole processes of ``python -c pass``, ``journal --help``, ``journal
list --json`` and ``journal review --stdout`` on VAULT itself (its git history too),
each once before it is counted (a new index and cache folder, made fresh for the run,
written then), interpreter start included as in the targets' wall times. Run with
``PYTHONPATH=<a tree>`` to count another version of the code.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import gc, sys
from pathlib import Path
gc.set_threshold(10_000, 10, 10)  # as the journal command sets it
from journal.adapters import index as ix  # first: from PYTHONPATH, not beside bench/
from journal.adapters import index_reading as reading
from journal.adapters.vault import Vault
sys.path.insert(0, sys.argv[5])
from run import read_and_parse  # bench/run.py's floor, the same work
reading.PARALLEL_MIN = 10**9  # one process: valgrind counts the process it runs
what, vault, db, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4] == "1"
index = ix.Index.open(Vault.open(vault), db)
if work and what == "floor":
    read_and_parse(index.vault)
elif work:
    index.rebuild()
"""


def instructions(what: str, vault: Path, scratch: Path, work: bool) -> int:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    here = str(Path(__file__).resolve().parent)
    work_flag = "1" if work else "0"
    return counted([sys.executable, "-c", CHILD, what, str(vault), str(scratch), work_flag, here])


def counted(command: list[str], env: dict[str, str] | None = None) -> int:
    """The instructions ``command`` executes, counted by valgrind's cachegrind."""
    valgrind = ["valgrind", "--tool=cachegrind", "--cache-sim=no"]
    valgrind.append("--cachegrind-out-file=/dev/null")
    out = subprocess.run(
        [*valgrind, *command],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stderr
    found = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if found is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{out}")
    return int(found.group(1).replace(",", ""))


def commands(vault: Path) -> None:
    """Print the instructions of each command of ``--commands`` (see the module's text)."""
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "JOURNAL_INDEX": f"{folder}/index.sqlite",
            "XDG_CACHE_HOME": f"{folder}/cache",
            "PYTHONHASHSEED": "0",
        }
        journal = [sys.executable, "-m", "journal", "--vault", str(vault)]
        subprocess.run([*journal, "index"], env=env, check=True, capture_output=True)
        for name, command in (
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("journal --help", [*journal, "--help"]),
            ("journal list --json", [*journal, "list", "--json"]),
            ("journal review --stdout", [*journal, "review", "--stdout"]),
        ):
            subprocess.run(command, env=env, check=True, capture_output=True)  # caches written
            print(f"{name:24s} {counted(command, env) / 1e6:9.1f} M instructions", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("vault", type=Path)
    parser.add_argument("--every", type=int, default=10, help="copy every Nth note")
    parser.add_argument("--commands", action="store_true", help="count whole commands")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("this script needs valgrind (apt install valgrind)")
    if args.commands:
        commands(args.vault.resolve())
        return
    with tempfile.TemporaryDirectory() as folder:
        vault = Path(folder) / "vault"
        notes = sorted(args.vault.rglob("*.md"))[:: args.every]
        for note in notes:
            copy = vault / note.relative_to(args.vault)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(note, copy)
        scratch = Path(folder) / "index.sqlite"
        counts = {
            what: instructions(what, vault, scratch, True)
            - instructions(what, vault, scratch, False)
            for what in ("floor", "build")
        }
    print(f"{len(notes)} notes (every {args.every}th of {args.vault})")
    for what, count in counts.items():
        print(f"{what:6s} {count / 1e6:9.1f} M instructions, {count / len(notes):9.0f} a note")
    print(f"build / floor: {counts['build'] / counts['floor']:.2f}")


if __name__ == "__main__":
    main()
