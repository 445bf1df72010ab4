"""Which git library should ``journal history`` use?  Measure pygit2, dulwich and GitPython.

    python3 bench/git_libraries.py [--rounds 3]

Builds the benchmark repository (bench/make_repo.py: 5,000 commits over a
1,000-note vault in ``vault/``) unless it exists, makes one virtual environment
per library under bench/out/ (pip, from PyPI), and times in a fresh process per
library, best of ``--rounds``:

- import: ``import <library>`` in a fresh interpreter;
- open: open the repository found from the vault folder;
- walk: every commit from HEAD with its parents, author, time and message;
- file: the commits that changed one goal file (its blob differs from the
  first parent's) and that file's bytes at each of them;
- diff: for every commit, the vault's changed paths against its first parent
  (what filling the history cache costs).

It prints one table and the installed size of each library with its
dependencies.  Nothing here is a test; it prints figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
REPO = OUT / "repo"
GOAL = "vault/goals/goal 001.md"
LIBRARIES = {"pygit2": "pygit2", "dulwich": "dulwich.repo", "gitpython": "git"}


def timed(func: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


# --- the work, once per library (runs inside that library's venv) -----------------------


def work_pygit2(repo_path: str) -> dict[str, Callable[[], object]]:
    import pygit2

    state: dict[str, object] = {}

    def open_repo() -> object:
        state["repo"] = pygit2.Repository(pygit2.discover_repository(repo_path + "/vault"))
        return 1

    def walk() -> object:
        repo = state["repo"]
        out = []
        for commit in repo.walk(repo.head.target, pygit2.enums.SortMode.TOPOLOGICAL):
            out.append(
                (
                    str(commit.id),
                    commit.parent_ids,
                    commit.author.name,
                    commit.commit_time,
                    commit.message,
                )
            )
        return len(out)

    def entry(tree: object, path: str) -> object:
        try:
            return tree[path].id
        except KeyError:
            return None

    def file_history() -> object:
        repo = state["repo"]
        seen = 0
        for commit in repo.walk(repo.head.target, pygit2.enums.SortMode.TOPOLOGICAL):
            new = entry(commit.tree, GOAL)
            old = entry(commit.parents[0].tree, GOAL) if commit.parents else None
            if new is not None and new != old:
                seen += len(repo[new].data)
        return seen

    def diff() -> object:
        repo = state["repo"]
        changed = 0
        for commit in repo.walk(repo.head.target, pygit2.enums.SortMode.TOPOLOGICAL):
            new = commit.tree["vault"]
            if commit.parents:
                old = commit.parents[0].tree["vault"]
                if old.id == new.id:
                    continue
                d = repo.diff(old, new)
            else:
                d = new.diff_to_tree(swap=True)
            changed += sum(1 for _ in d.deltas)
        return changed

    return {"open": open_repo, "walk": walk, "file": file_history, "diff": diff}


def work_dulwich(repo_path: str) -> dict[str, Callable[[], object]]:
    from dulwich.diff_tree import tree_changes
    from dulwich.object_store import tree_lookup_path
    from dulwich.repo import Repo

    state: dict[str, object] = {}

    def open_repo() -> object:
        state["repo"] = Repo.discover(repo_path + "/vault")
        return 1

    def walk() -> object:
        repo = state["repo"]
        out = []
        for entry in repo.get_walker():
            c = entry.commit
            out.append((c.id, c.parents, c.author, c.commit_time, c.message))
        return len(out)

    def lookup(tree_id: bytes, path: bytes) -> bytes | None:
        repo = state["repo"]
        try:
            return tree_lookup_path(repo.object_store.__getitem__, tree_id, path)[1]
        except KeyError:
            return None

    def file_history() -> object:
        repo = state["repo"]
        seen = 0
        path = GOAL.encode()
        for entry in repo.get_walker():
            c = entry.commit
            new = lookup(c.tree, path)
            old = lookup(repo[c.parents[0]].tree, path) if c.parents else None
            if new is not None and new != old:
                seen += len(repo[new].data)
        return seen

    def diff() -> object:
        repo = state["repo"]
        store = repo.object_store
        changed = 0
        for entry in repo.get_walker():
            c = entry.commit
            new = lookup(c.tree, b"vault")
            old = lookup(repo[c.parents[0]].tree, b"vault") if c.parents else None
            if old == new:
                continue
            changed += sum(1 for _ in tree_changes(store, old, new))
        return changed

    return {"open": open_repo, "walk": walk, "file": file_history, "diff": diff}


def work_gitpython(repo_path: str) -> dict[str, Callable[[], object]]:
    import git

    state: dict[str, object] = {}

    def open_repo() -> object:
        state["repo"] = git.Repo(repo_path + "/vault", search_parent_directories=True)
        return 1

    def walk() -> object:
        repo = state["repo"]
        out = []
        for c in repo.iter_commits("HEAD"):
            out.append((c.hexsha, c.parents, c.author.name, c.committed_date, c.message))
        return len(out)

    def file_history() -> object:
        repo = state["repo"]
        seen = 0
        for c in repo.iter_commits("HEAD", paths=GOAL):
            try:
                seen += len((c.tree / GOAL).data_stream.read())
            except KeyError:
                continue
        return seen

    def diff() -> object:
        repo = state["repo"]
        changed = 0
        for c in repo.iter_commits("HEAD"):
            new = c.tree / "vault"
            if c.parents:
                old = c.parents[0].tree / "vault"
                if old.binsha == new.binsha:
                    continue
                changed += len(old.diff(new))
            else:
                changed += len(new.diff(git.NULL_TREE))
        return changed

    return {"open": open_repo, "walk": walk, "file": file_history, "diff": diff}


def worker(library: str, repo_path: str, rounds: int) -> None:
    """Time each step ``rounds`` times in this process; print JSON."""
    import_seconds, _ = timed(lambda: __import__(LIBRARIES[library]))
    steps = {"pygit2": work_pygit2, "dulwich": work_dulwich, "gitpython": work_gitpython}[library](
        repo_path
    )
    figures: dict[str, object] = {"import_in_process": import_seconds}
    for name, step in steps.items():
        runs = []
        result = None
        for _ in range(rounds):
            seconds, result = timed(step)
            runs.append(seconds)
        figures[name] = min(runs)
        figures[name + "_result"] = result
    print(json.dumps(figures))


# --- the driver ---------------------------------------------------------------------------


def venv(library: str) -> Path:
    """bench/out/venv-<library> with the library installed (from PyPI, first run only)."""
    folder = OUT / f"venv-{library}"
    python = folder / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", library], check=True)
    return python


def site_size(python: Path) -> int:
    """Bytes installed in the venv's site-packages, less what a bare venv holds."""
    site = next((python.parent.parent / "lib").glob("python3*/site-packages"))
    base = OUT / "venv-base"
    if not base.exists():
        subprocess.run([sys.executable, "-m", "venv", str(base)], check=True)
    base_site = next((base / "lib").glob("python3*/site-packages"))

    def size(folder: Path) -> int:
        return sum(
            p.stat().st_size
            for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        )

    return size(site) - size(base_site)


def import_time(python: Path, module: str, runs: int = 7) -> float:
    """Median wall time of ``import module`` in a fresh interpreter, less a bare start."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([str(python), "-c", code], check=True)
        return time.perf_counter() - start

    bare = statistics.median(run("pass") for _ in range(runs))
    full = statistics.median(run(f"import {module}") for _ in range(runs))
    return full - bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker", nargs=2, metavar=("LIBRARY", "REPO"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], args.worker[1], args.rounds)
        return
    if not REPO.exists():
        subprocess.run([sys.executable, str(HERE / "make_repo.py"), "--out", str(REPO)], check=True)
    rows = []
    for library, module in LIBRARIES.items():
        python = venv(library)
        out = subprocess.run(
            [str(python), __file__, "--rounds", str(args.rounds), "--worker", library, str(REPO)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        figures = json.loads(out)
        figures["import"] = import_time(python, module)
        figures["installed_mb"] = site_size(python) / 1e6
        version = (
            subprocess.run(
                [str(python), "-m", "pip", "show", library], capture_output=True, text=True
            )
            .stdout.split("Version: ", 1)[1]
            .split()[0]
        )
        rows.append((f"{library} {version}", figures))
    print(f"repository: {REPO} ({rows[0][1]['walk_result']} commits); best of {args.rounds}")
    print(
        f"{'library':<18}{'import':>9}{'open':>9}{'walk':>9}{'file':>9}{'diff':>9}{'installed':>11}"
    )
    for name, f in rows:
        print(
            f"{name:<18}{f['import'] * 1000:>7.0f}ms{f['open'] * 1000:>7.1f}ms"
            f"{f['walk'] * 1000:>7.0f}ms{f['file'] * 1000:>7.0f}ms{f['diff'] * 1000:>7.0f}ms"
            f"{f['installed_mb']:>9.1f}MB"
        )
    print("file: bytes read", {name: f["file_result"] for name, f in rows})
    print("diff: changed paths", {name: f["diff_result"] for name, f in rows})


if __name__ == "__main__":
    main()
