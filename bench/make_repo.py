"""Build a git repository of a journal vault with a long history, for benchmarks.

    python bench/make_repo.py [--commits 5000] [--notes 1000] [--one-goal] [--out bench/out/repo]

The repository is made with real git (``git fast-import``), deterministically:
fixed author, committer and dates, so every run builds the same commit ids.
The vault lives in the repository's ``vault/`` folder (a vault inside a larger
repository).  It starts with 150 goals and 450 other notes; each commit edits
one goal (``current`` + a log line), every 12th commit adds a daily note with a
``progress::`` check-in, every 100th moves a goal's target and every 250th moves
a goal to ``goals/archive/`` and edits it in the same commit.  ``--one-goal``: the vault
is one goal instead, logged once a day by each commit (``current`` + a log line): a log
kept daily for years, every version of it parsed when history fills its cache.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
START = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)
STEP = timedelta(hours=3)
AUTHOR = b"Bench Author <bench@example.com>"
GOALS = 150
PREFIX = "vault/"


@dataclass
class GoalFile:
    number: int
    path: str
    current: int = 0
    target: int = 40
    log: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"goal-{self.number:03d}"

    def text(self) -> str:
        lines = "".join(f"- {line}\n" for line in self.log)
        return (
            "---\n"
            "type: goal\n"
            f"id: {self.id}\n"
            f"title: Goal number {self.number}\n"
            "status: active\n"
            "metric: things done\n"
            "unit: things\n"
            "baseline: 0\n"
            f"target: {self.target}\n"
            f"current: {self.current}\n"
            "start: 2024-01-01\n"
            "due: 2025-12-31\n"
            "milestones:\n"
            "  - title: Halfway\n"
            "    done: false\n"
            "---\n"
            f"# Goal number {self.number}\n\n"
            "Why this matters, and the plan, in a paragraph or two of prose so the\n"
            "file has a realistic size.\n\n"
            f"## Log\n\n{lines}"
        )


def other_note(number: int) -> tuple[str, str]:
    """A contact or a plain note; some names have spaces and non-ASCII letters."""
    if number % 3 == 0:
        path = f"people/Zoë Ørsted {number:03d}.md"
        text = f"---\ntype: contact\nname: Zoë Ørsted {number}\n---\nMet at a meetup.\n"
    else:
        path = f"notes/note {number:03d}.md"
        text = (
            f"# Note {number}\n\nSome thoughts, with a link to [[Goal number {number % GOALS}]].\n"
        )
    return path, text


def quote(path: str) -> bytes:
    """A path in fast-import's C-style quotes (spaces and UTF-8 allowed)."""
    escaped = path.replace("\\", "\\\\").replace('"', '\\"')
    return b'"' + (PREFIX + escaped).encode() + b'"'


def data(payload: bytes) -> bytes:
    return b"data %d\n" % len(payload) + payload + b"\n"


def stream(commits: int, notes: int) -> bytes:
    """The fast-import stream of the whole history."""
    out: list[bytes] = []
    goals = [GoalFile(n, f"goals/goal {n:03d}.md") for n in range(GOALS)]
    others = notes - GOALS - 400  # 400 daily notes come later
    dailies = 0
    for k in range(commits):
        when = START + k * STEP
        stamp = b"%d +0000" % int(when.timestamp())
        changes: list[bytes] = []
        if k == 0:
            message = "Start the vault"
            for goal in goals:
                changes.append(
                    b"M 100644 inline " + quote(goal.path) + b"\n" + data(goal.text().encode())
                )
            for n in range(others):
                path, text = other_note(n)
                changes.append(b"M 100644 inline " + quote(path) + b"\n" + data(text.encode()))
        else:
            goal = goals[(k * 7) % GOALS]
            goal.current += 1
            day = when.date().isoformat()
            goal.log.append(f"{day}: +1 step {k}")
            message = f"Progress on {goal.id}"
            if k % 100 == 0:
                goal.target += 5
                message += " (target moved)"
            if k % 250 == 0 and not goal.path.startswith("goals/archive/"):
                changes.append(b"D " + quote(goal.path) + b"\n")
                goal.path = goal.path.replace("goals/", "goals/archive/", 1)
                message += " (moved to the archive)"
            changes.append(
                b"M 100644 inline " + quote(goal.path) + b"\n" + data(goal.text().encode())
            )
            if k % 12 == 0 and dailies < 400:
                day_path = f"daily/{date(2024, 1, 1) + timedelta(days=dailies)}.md"
                dailies += 1
                link = f"[[Goal number {k % GOALS}]]"
                text = f"# {day_path}\n\nprogress:: {link} +1 from the daily note\n"
                changes.append(b"M 100644 inline " + quote(day_path) + b"\n" + data(text.encode()))
        out.append(b"commit refs/heads/main\nmark :%d\n" % (k + 1))
        out.append(b"author " + AUTHOR + b" " + stamp + b"\n")
        out.append(b"committer " + AUTHOR + b" " + stamp + b"\n")
        out.append(data(message.encode()))
        if k:
            out.append(b"from :%d\n" % k)
        out.extend(changes)
    return b"".join(out)


def one_goal_stream(commits: int) -> bytes:
    """The fast-import stream of one goal's history: a commit a day, each logging +1."""
    out: list[bytes] = []
    goal = GoalFile(0, "goals/goal 000.md")
    for k in range(commits):
        when = START + timedelta(days=k)
        stamp = b"%d +0000" % int(when.timestamp())
        if k:
            goal.current += 1
            goal.log.append(f"{when.date()}: +1 step {k}")
        out += [b"commit refs/heads/main\nmark :%d\n" % (k + 1)]
        out += [b"author " + AUTHOR + b" " + stamp + b"\n"]
        out += [b"committer " + AUTHOR + b" " + stamp + b"\n", data(b"Log day %d" % k)]
        out += [b"from :%d\n" % k] if k else []
        out += [b"M 100644 inline " + quote(goal.path) + b"\n" + data(goal.text().encode())]
    return b"".join(out)


def build(target: Path, commits: int, notes: int, *, one_goal: bool = False) -> Path:
    """Create the repository at ``target`` (replacing it) and check out ``main``."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    git = ["git", "-C", str(target), "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run(
        [*git, "fast-import", "--quiet"],
        input=one_goal_stream(commits) if one_goal else stream(commits, notes),
        check=True,
    )
    subprocess.run([*git, "checkout", "-q", "-f", "main"], check=True)
    (target / "vault" / ".journal").mkdir(exist_ok=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--commits", type=int, default=5000)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--one-goal", action="store_true", help="one goal logged daily")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "repo")
    args = parser.parse_args()
    repo = build(args.out, args.commits, args.notes, one_goal=args.one_goal)
    count = subprocess.run(
        ["git", "-C", str(repo), "rev-list", "--count", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    notes = sum(1 for _ in (repo / "vault").rglob("*.md"))
    print(f"{repo}: {count} commits, {notes} notes", file=sys.stderr)


if __name__ == "__main__":
    main()
