"""Text in scripts written without spaces between words - Chinese, Japanese, and Korean,
whose particles join the word before them - made searchable word by word.

SQLite's FTS5 tokenizer (unicode61) takes a run of such letters, with any letters or
digits beside it, for one word, so ``职业发展`` inside ``讨论了职业发展。`` or ``代码`` in
``用Python写代码`` could not be found.  The index stores a zero-width space (:data:`GAP`)
around each of these letters, making each a word of its own, and a query's run of them
becomes a phrase of those words, found anywhere inside a run.  Where a run ends at a
space or punctuation, the index also stores a word of its own (:data:`BOUNDARY`), so a
phrase never reaches across into the next word (``면접``, interview, is not in ``라면
접시``).
"""

from __future__ import annotations

import functools
import re

#: Hiragana, katakana (with its extensions and halfwidth forms), Han (its extensions,
#: compatibility ideographs and the supplementary planes), the iteration and closing
#: marks U+3005-U+3007 (々 and the like), and Hangul syllables.
_LETTERS = (
    "\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)

#: What separates two such letters in the index: invisible, and no letter to FTS5.
GAP = "\u200b"

#: A word no query holds (a private-use character), stored where a run of such letters
#: ends at a space or punctuation.
BOUNDARY = "\ue000"


def spaced(text: str) -> str:
    """``text`` as the index stores it: :data:`GAP` around each letter of these
    scripts, and :data:`BOUNDARY` after a run of them that a space or punctuation ends."""
    if text.isascii():
        return text
    return _runs().sub(_split_run, text)


def spaced_query(query: str) -> str:
    """A query as it is searched: :data:`GAP` around each letter of these scripts, so a
    run of them is a phrase found inside a run of the text."""
    if query.isascii():
        return query
    return _runs().sub(lambda run: GAP + GAP.join(run[1]) + GAP, query)


def unspaced(text: str) -> str:
    """``text`` as written, from :func:`spaced` text (or a snippet of it, whose marks
    ``**`` around each letter found join up: ``**职**GAP**业**`` is ``**职业**``)."""
    return text.replace(f"**{GAP}**", "").replace(GAP, "").replace(BOUNDARY, "")


def _split_run(run: re.Match[str]) -> str:
    letters = GAP + GAP.join(run[1]) + GAP
    return letters + BOUNDARY + GAP if run[2] else letters


@functools.cache
def _runs() -> re.Pattern[str]:
    """A run of those letters, and the spaces or punctuation after it when a word
    follows them (compiled on first use: its ranges take milliseconds to compile,
    which a command reading no such text need not pay)."""
    return re.compile(f"([{_LETTERS}]+)(?=([^\\w{GAP}]+\\w)?)")
