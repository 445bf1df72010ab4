"""Text in scripts written without spaces between words - Chinese, Japanese, and Korean,
whose particles join the word before them - made searchable word by word.

SQLite's FTS5 tokenizer (unicode61) takes a run of such letters, with any letters or
digits beside it, for one word, so ``职业发展`` inside ``讨论了职业发展。`` or ``代码`` in
``用Python写代码`` could not be found.  The index stores a zero-width space (:data:`GAP`)
around each of these letters, making each a word of its own, and a query's run of them
becomes a phrase of those words, found anywhere inside a run.  Where a run ends at a
space before another word, the index also stores a word of its own (:data:`BOUNDARY`),
so a query's run never reaches across the space into the next word (``면접``,
interview, is not in ``라면 접시``); a quoted phrase of the query gets it too, so
``"라면 접시"`` is still found.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata

from journal.core.names import LATIN_LETTERS
from journal.core.regex import lazy

#: Hiragana, katakana (with its extensions and halfwidth forms), Han (its extensions,
#: compatibility ideographs and the supplementary planes), the iteration and closing
#: marks U+3005-U+3007 (々 and the like), and Hangul syllables.
_LETTERS = (
    "\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3"
    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)

#: What separates two such letters in the index: invisible, and no letter to FTS5.
GAP = "\u200b"

#: A word no query holds but a quoted phrase (a private-use character), stored where a
#: run of such letters ends at a space before another word.
BOUNDARY = "\ue000"

#: What FTS5 marks a hit of a snippet with (private-use characters no note holds, so a
#: note's own ``**bold**`` is not taken for one): see :func:`marked`.
OPEN, CLOSE = "\ue001", "\ue002"


def folded(text: str) -> str:
    """``text`` as search compares it: its compatibility forms folded (NFKC), as ``show``
    matches names: full-width ``HR`` (U+FF28 U+FF32) is ``HR``, half-width ``ﾏﾈｰｼﾞｬｰ`` is
    ``マネージャー``, an ideographic or no-break space a space; the Latin letters that are
    no letter plus an accent read as plain ones (``Ø`` is ``O``, ``ß`` is ``ss``: FTS5
    takes the accents off the others); Arabic and Hebrew vowel marks left out
    (``المُعلِّم`` is ``المعلم``), and Arabic-Indic digits ASCII ones (``٣٠`` is ``30``);
    Greek letters without their accents (``σοφία`` is ``σοφια``), and the Cyrillic io
    (U+0451) its ie (U+0435), as Russian is typed (``й`` stays a letter of its own)."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", text)
    for letter, plain in _LATIN:  # str.translate took 40 times NFKC's time (every body)
        if letter in text:
            text = text.replace(letter, plain)
    encoded = text.encode("utf-8", "surrogatepass")  # its bytes: half a pattern's instructions
    if any(lead in encoded for lead in _ARABIC_HEBREW):
        text = _ARABIC_DIGIT.sub(_ascii_digit, _MARKS.sub("", text))
    if any(lead in encoded for lead in _GREEK):
        text = _GREEK_ACCENTED.sub(_greek_base, text)
    if b"\xd1\x91" in encoded or b"\xd0\x81" in encoded:  # io, IO: ie, as Russian types it
        text = text.replace("\u0451", "\u0435").replace("\u0401", "\u0415")
    return text


_LATIN = [(chr(letter), plain) for letter, plain in LATIN_LETTERS.items()]

#: The marks of Hebrew (points, cantillation) and Arabic (harakat, tanween, shadda, the
#: dagger alif, Quranic marks), which a text may have or not (category Mn, every one).
_MARKS = lazy(
    "[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f"
    "\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0898-\u089f"
    "\u08ca-\u08e1\u08e3-\u08ff]+"
)
#: The Arabic-Indic digits, Arabic's and Persian's.
_ARABIC_DIGIT = lazy("[\u0660-\u0669\u06f0-\u06f9]")
#: The bytes that start the UTF-8 of those marks and digits (U+0591-U+08FF), and of no
#: character of most other scripts; one byte each (a search for two takes 30 times one's).
_ARABIC_HEBREW = (b"\xd6", b"\xd7", b"\xd8", b"\xd9", b"\xdb", b"\xe0")


#: The Greek letters with an accent, a diaeresis or a polytonic mark (breathing,
#: circumflex, iota subscript): each is its letter and combining marks.
_GREEK_ACCENTED = lazy("[\u0386-\u03ce\u1f00-\u1ffc]")
#: The bytes that start the UTF-8 of Greek letters (U+0380-U+03FF, U+1F00-U+1FFF).
_GREEK = (b"\xce", b"\xcf", b"\xe1\xbc", b"\xe1\xbd", b"\xe1\xbe", b"\xe1\xbf")


def _greek_base(letter: re.Match[str]) -> str:
    """A Greek letter without its marks (``ά`` is alpha, ``ᾠ`` omega); a sign of
    that block that is no letter (the koronis U+1FBD) as it is."""
    bare = unicodedata.normalize("NFD", letter[0])
    return bare[0] if unicodedata.category(bare[0]).startswith("L") else letter[0]


def _ascii_digit(digit: re.Match[str]) -> str:
    return str(unicodedata.decimal(digit[0]))


def as_written(snippet: str, text: str) -> str | None:
    """A snippet of :func:`folded` ``text`` (its hits between :data:`OPEN` and
    :data:`CLOSE`, ``...`` at an end that cuts the text) in the characters of ``text``
    (full-width ``HR`` where the snippet has ``HR``), a hit taking whole characters of it; None
    when the snippet is no part of it."""
    starts = [i for i, ch in enumerate(text) if i == 0 or not _attached(ch)]
    starts.append(len(text))
    parts = [folded(text[a:b]) for a, b in itertools.pairwise(starts)]
    at = [0, *itertools.accumulate(map(len, parts))]  # where each character is, folded
    plain = snippet.replace(OPEN, "").replace(CLOSE, "")
    whole = "".join(parts)
    for lead, tail in (("...", "..."), ("...", ""), ("", "..."), ("", "")):
        inner = plain[len(lead) : len(plain) - len(tail)]
        found = whole.find(inner) if plain.startswith(lead) and plain.endswith(tail) else -1
        if found >= 0:
            break
    else:
        return None

    def written(offset: int, end: bool) -> int:
        """The offset in ``text`` of the one in ``whole``: a character's start (its end
        for ``end``, when it is inside one)."""
        k = bisect.bisect_right(at, offset) - 1
        return starts[k + 1] if end and at[k] != offset and k + 1 < len(starts) else starts[k]

    out, last, offset = [lead], written(found, end=False), found - len(lead)
    for part in re.split(f"([{OPEN}{CLOSE}])", snippet):
        if part in (OPEN, CLOSE):
            here = max(last, written(offset, end=part == CLOSE))
            out += [text[last:here], part]
            last = here
        else:
            offset += len(part)
    out += [text[last : max(last, written(found + len(inner), end=True))], tail]
    return "".join(out)


def whole_words(snippet: str, text: str) -> str:
    """``snippet`` of ``text`` (as :func:`as_written` gives it) without a Korean word cut
    at an end where it cuts the text: Korean spaces its words, so its snippets start and
    end at a space, as those of other spaced scripts do (Chinese and Japanese, written
    without spaces, are cut between any two letters); a cut word with a hit in it stays."""
    if snippet.isascii():
        return snippet
    lead = "..." if snippet.startswith("...") else ""
    tail = "..." if snippet.endswith("...") and len(snippet) > len(lead) + 3 else ""
    inner = snippet[len(lead) : len(snippet) - len(tail)]
    at = text.find(inner.replace(OPEN, "").replace(CLOSE, ""))
    if at < 0:
        return snippet
    end = at + len(inner.replace(OPEN, "").replace(CLOSE, ""))
    if lead and 0 < at < len(text) and _hangul(text[at - 1]) and _hangul(text[at]):
        inner = _CUT_START.sub("", inner, count=1)
    if tail and 0 < end < len(text) and _hangul(text[end - 1]) and _hangul(text[end]):
        inner = _CUT_END.sub("", inner, count=1)
    return lead + inner + tail


def _hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


#: A snippet's first (last) word and the spaces after (before) it, when it holds no hit.
_CUT_START = lazy(f"^[^\\s{OPEN}{CLOSE}]+\\s+(?=\\S)")
_CUT_END = lazy(f"(?<=\\S)\\s+[^\\s{OPEN}{CLOSE}]+$")


def _attached(char: str) -> bool:
    """Whether ``char`` belongs to the character before it as :func:`folded` reads them: a
    combining mark, a half-width (semi-)voiced sound mark (``ｼﾞ`` is ``ジ``), or the vowel
    or final consonant of a decomposed Hangul syllable."""
    return (
        unicodedata.category(char)[0] == "M"
        or char in "\uff9e\uff9f"
        or "\u1160" <= char <= "\u11ff"
        or "\ud7b0" <= char <= "\ud7ff"
    )


def spaced(text: str) -> str:
    """``text`` as the index stores it: :data:`GAP` around each letter of these
    scripts, and :data:`BOUNDARY` after a run of them that a space ends before a word."""
    if text.isascii():
        return text
    return _RUNS.sub(_split_run, text)


def spaced_query(query: str) -> str:
    """A query as it is searched: :data:`GAP` around each letter of these scripts, so a
    run of them is a phrase found inside a run of the text; in a quoted phrase also
    :data:`BOUNDARY` where the text has one (elsewhere a space separates two words)."""
    if query.isascii():
        return query
    parts = query.split('"')
    parts[::2] = [_RUNS.sub(_split_alone, part) for part in parts[::2]]
    parts[1::2] = [spaced(part) for part in parts[1::2]]
    return '"'.join(parts)


def unspaced(text: str) -> str:
    """``text`` as written, from :func:`spaced` text."""
    return text.replace(GAP, "").replace(BOUNDARY, "")


def marked(snippet: str) -> str:
    """A snippet of :func:`spaced` text, its hits marked with :data:`OPEN` and
    :data:`CLOSE`, as written with the hits marked ``**so**`` (the letters of one hit
    joined: ``**职业**``, not ``**职****业**``; hits with only spaces between them too:
    ``[[**Dana Ortiz**]]``, not ``[[**Dana** **Ortiz**]]``)."""
    joined = _NEIGHBOURS.sub(r"\1", snippet.replace(CLOSE + GAP + OPEN, ""))
    whole = _HIT.sub(_with_brackets, unspaced(joined))
    return whole.replace(OPEN, "**").replace(CLOSE, "**")


_NEIGHBOURS = lazy(f"{CLOSE}([ \t\n]+){OPEN}")
#: A hit, with the brackets right before and after it.
_HIT = lazy(f"([([{{]*){OPEN}([^{OPEN}{CLOSE}]*){CLOSE}([)\\]}}]*)")
_PAIRS = {"(": ")", "[": "]", "{": "}"}


def _with_brackets(hit: re.Match[str]) -> str:
    """A hit with the brackets beside it that close (open) one it holds: ``**401(k)**``,
    not ``**401(k**)`` (FTS5 marks the words, ``401`` to ``k``)."""
    before, inside, after = hit.groups()
    taken = 0
    for closer in after:
        opener = next(o for o, c in _PAIRS.items() if c == closer)
        if inside.count(opener) <= inside.count(closer):
            break
        inside, taken = inside + closer, taken + 1
    kept = len(before)
    for opener in reversed(before):
        if inside.count(_PAIRS[opener]) <= inside.count(opener):
            break
        inside, kept = opener + inside, kept - 1
    return f"{before[:kept]}{OPEN}{inside}{CLOSE}{after[taken:]}"


def _split_run(run: re.Match[str]) -> str:
    """A run with its gaps, and the boundary when a space follows it before a word: a
    line break is one for Korean, which spaces its words, and none inside a paragraph
    of Chinese or Japanese, which wrap anywhere."""
    letters = _split_alone(run)
    space = run[2]
    korean = "\uac00" <= run[1][-1] <= "\ud7a3"
    ends = space and (korean or any(ch.isspace() and ch != "\n" for ch in space))
    return letters + BOUNDARY + GAP if ends else letters


def _split_alone(run: re.Match[str]) -> str:
    return GAP + GAP.join(run[1]) + GAP


#: A run of those letters, and the spaces after it when a word follows them.
_RUNS = lazy(f"([{_LETTERS}]+)(?=(\\s+\\w)?)")
