"""journal's environment variables (``JOURNAL_VAULT``, ``JOURNAL_INDEX``, ``JOURNAL_TODAY``,
``JOURNAL_PLAIN``), read in one place."""

from __future__ import annotations

import os


def variable(name: str) -> str | None:
    """The value of the environment variable ``name`` without the ``\\r`` a line of a
    file saved with CRLF ends in (a ``.env`` sourced in Git Bash), as every argument is
    taken; None when it is unset or empty."""
    return os.environ.get(name, "").removesuffix("\r") or None
