"""Real git repositories for tests, with a fixed author and fixed dates."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

AUTHOR = "Ana Example"
EMAIL = "ana@example.com"


def only_config_of(home: Path) -> dict[str, str]:
    """The variables that make git (the program or journal's library) read no user or
    system config but ``home``'s."""
    return {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "GIT_CONFIG_NOSYSTEM": "1"}


def journal_env(home: Path) -> dict[str, str]:
    """This environment for journal run as a process from this checkout, with the git
    config of ``home`` only (the ``GIT_`` variables kept)."""
    return {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent), **only_config_of(home)}


def git_env(home: Path) -> dict[str, str]:
    """An environment where git sees no user or system config but ``home``'s."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        only_config_of(home),
        GIT_AUTHOR_NAME=AUTHOR,
        GIT_AUTHOR_EMAIL=EMAIL,
        GIT_COMMITTER_NAME=AUTHOR,
        GIT_COMMITTER_EMAIL=EMAIL,
    )
    return env


class Git:
    """``git`` in one work tree; :meth:`commit` stamps the day given."""

    def __init__(self, root: Path, home: Path) -> None:
        self.root = root
        self.home = home
        home.mkdir(parents=True, exist_ok=True)
        self.env = git_env(home)

    def __call__(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            ["git", "-C", str(self.root), *args],
            env={**self.env, **(env or {})},
            check=True,
            capture_output=True,
            text=True,
        )
        return done.stdout

    def init(self) -> Git:
        self.root.mkdir(parents=True, exist_ok=True)
        self("init", "-q", "-b", "main")
        return self

    def commit(self, message: str, day: str, *paths: str, author: str = AUTHOR) -> str:
        """Stage ``paths`` (everything when none) and commit at noon (+01:00) on ``day``."""
        self("add", "-A", *(["--", *paths] if paths else []))
        stamp = f"{day}T12:00:00+01:00"
        self(
            "commit",
            "-q",
            "--no-verify",
            "-m",
            message,
            env={"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": author},
        )
        return self("rev-parse", "HEAD").strip()

    def files(self, rev: str = "HEAD") -> list[str]:
        """The paths a commit changed (-z: no quoting of unusual names)."""
        out = self("show", "-z", "--name-only", "--format=", rev)
        return sorted(p for p in out.split("\0") if p.strip())

    def staged(self) -> list[str]:
        out = self("diff", "--cached", "-z", "--name-only")
        return sorted(p for p in out.split("\0") if p.strip())
