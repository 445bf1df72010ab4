"""What any ``journal review --stdout`` does before its own work, as one process.

    python bench/floor_imports.py VAULT

Imports click, jinja2 and sqlite3 (the libraries every review loads) and stats every
``*.md`` file of VAULT outside hidden folders, as the refresh's scan does. Time the whole
process beside ``journal review --stdout`` (see docs/performance.md): the difference is
what journal's own modules and the review's work cost.
"""

from __future__ import annotations

import os
import sqlite3  # noqa: F401
import sys

import click  # noqa: F401
import jinja2  # noqa: F401


def walk(folder: str) -> None:
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            if not entry.name.startswith("."):
                walk(entry.path)
        elif entry.name.endswith(".md"):
            entry.stat(follow_symlinks=False)


if __name__ == "__main__":
    walk(sys.argv[1])
