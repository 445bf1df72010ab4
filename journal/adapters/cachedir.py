"""Where journal keeps its caches: outside the vault, in the user cache folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_folder() -> Path:
    """The user cache folder for journal (XDG on Linux, ~/Library/Caches on macOS,
    %LOCALAPPDATA% on Windows).  Everything in it can be deleted at any time."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "journal"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "journal"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "journal" / "Cache"
    return Path.home() / ".cache" / "journal"
