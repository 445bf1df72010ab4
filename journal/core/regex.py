"""Regular expressions compiled when first used.

Compiling the package's module-level patterns was about a seventh of a command's
imports (20-odd ms of 140 on the machine of docs/performance.md), and a command uses
about a third of them: the note parser's, for one, only when a file changed.
"""

from __future__ import annotations

import re
from typing import Any, cast


class _Lazy:
    """A compiled pattern's stand-in: compiled when first used; each attribute asked of
    it (``match``, ``sub``...) is then kept on the stand-in, found there as fast as on
    the pattern itself."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(*self._args)
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done on first use."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
