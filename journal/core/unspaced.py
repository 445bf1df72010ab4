"""Text in scripts written without spaces between words - Chinese, Japanese, and Korean,
whose particles join the word before them - made searchable word by word.

SQLite's FTS5 tokenizer (unicode61) takes a run of such letters for one word, so
``职业发展`` inside ``讨论了职业发展。`` could not be found.  The index stores a zero-width
space between each two of these letters, making each a word of its own, and a query's
run of them becomes a phrase of those words, found anywhere in the text.
"""

from __future__ import annotations

import functools
import re

#: Hiragana, katakana (with its extensions and halfwidth forms), Han (its extensions,
#: compatibility ideographs and the supplementary planes) and Hangul syllables.
_LETTERS = (
    "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff"
    "\uff66-\uff9f\U00020000-\U0003134f"
)

#: What separates two such letters in the index: invisible, and no letter to FTS5.
GAP = "\u200b"


def spaced(text: str) -> str:
    """``text`` with :data:`GAP` between each two letters of these scripts."""
    if text.isascii():
        return text
    return _runs().sub(lambda run: GAP.join(run[0]), text)


@functools.cache
def _runs() -> re.Pattern[str]:
    """Two or more of those letters in a row (compiled on first use: its ranges take
    milliseconds to compile, which a command reading no such text need not pay)."""
    return re.compile(f"[{_LETTERS}]{{2,}}")


def unspaced(text: str) -> str:
    """``text`` as written, from :func:`spaced` text (or a snippet of it, whose marks
    ``**`` around each letter found join up: ``**职**GAP**业**`` is ``**职业**``)."""
    return text.replace(f"**{GAP}**", "").replace(GAP, "")
