"""Small text formats shared by the terminal views and the generated notes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from journal.core.fences import code_spans
from journal.core.regex import lazy

BAR_WIDTH = 10


def columns(text: str) -> int:
    """The terminal columns ``text`` takes: two for a wide letter (Chinese, Japanese,
    Korean, most emoji), none for a combining mark, an invisible format character, a
    skin tone, an emoji joined to the one before (👨‍👩‍👧 is one), or the vowel and final
    consonant of a decomposed Hangul syllable (as macOS writes file names)."""
    return len(text) if text.isascii() else sum(_widths(text))


def _widths(text: str) -> Iterator[int]:
    """The columns of each character of ``text`` in turn (see :func:`columns`)."""
    import unicodedata

    joined = False
    for char in text:
        code, category = ord(char), unicodedata.category(char)
        zero = (
            (joined and category == "So")
            or category in ("Mn", "Me", "Cf")
            or 0x1F3FB <= code <= 0x1F3FF  # skin tones
            or 0x1160 <= code <= 0x11FF  # Hangul vowels and final consonants
            or 0xD7B0 <= code <= 0xD7FF
        )
        joined = char == "\u200d"
        yield 0 if zero else 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def whole_end(text: str, end: int) -> int:
    """The offset at or before ``end`` where ``text`` can be cut without splitting what
    shows as one character: not before a combining mark, a variation selector (the
    emoji style U+FE0F), a skin tone, a tag (of a subdivision's flag), a zero-width
    joiner or the vowel or final consonant of a decomposed Hangul syllable; not after a
    joiner (inside 👨‍👩‍👧); not between the two regional indicators of a flag (paired from
    the start of their run).  0 when the first such character reaches past ``end``."""
    while 0 < end < len(text) and _joined(text, end):
        end -= 1
    return end


def _joined(text: str, at: int) -> bool:
    """Whether ``text[at]`` shows as one character with ``text[at - 1]``."""
    import unicodedata

    char, code = text[at], ord(text[at])
    if text[at - 1] == "\u200d" or char == "\u200d" or unicodedata.category(char)[0] == "M":
        return True
    if 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F or 0x1160 <= code <= 0x11FF:
        return True  # a skin tone, a tag, a Hangul vowel or final consonant
    if 0xD7B0 <= code <= 0xD7FF:
        return True
    if not _regional(char):
        return False
    start = at
    while start > 0 and _regional(text[start - 1]):
        start -= 1
    return (at - start) % 2 == 1


def _regional(char: str) -> bool:
    """Whether ``char`` is a regional indicator (two make a flag: 🇪 and 🇸 are 🇪🇸)."""
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def wide_parts(word: str) -> list[str]:
    """``word`` in the parts a line may break between: between any two wide letters
    (Chinese and Japanese text is broken so, having no spaces) but before closing
    punctuation or after an opening bracket (:data:`_NO_LINE_START`), never inside a
    backticked span, nor between a wide letter and any other (``学HRBP`` stays whole)."""
    if word.isascii():
        return [word]
    parts, wide = [""], False
    for span in _SPAN.split(word):
        if span[:1] == "`" and len(span) > 1:  # a backticked span: kept whole
            parts[-1] += span
            wide = False
            continue
        for char, columns_taken in zip(span, _widths(span), strict=True):
            if (
                columns_taken == 2
                and wide
                and char not in _NO_LINE_START
                and parts[-1][-1:] not in _NO_LINE_END
            ):
                parts.append("")
            parts[-1] += char
            if columns_taken:  # a mark or a joined emoji goes with the letter before
                wide = columns_taken == 2
    return parts


#: What a Chinese or Japanese line may not start with (closing punctuation, small kana,
#: the long vowel mark) or end with (opening brackets), as their line breaking rules say:
#: :func:`wide_parts` breaks no line there.
_NO_LINE_START = frozenset(
    "、。，．・：；？！）］｝〕〉》」』】〙〗"  # noqa: RUF001 (the full-width forms are meant)
    "ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々"
)
_NO_LINE_END = frozenset("（［｛〔〈《「『【〘〖")  # noqa: RUF001

#: A backticked span, kept by :func:`wide_parts` (``re.split`` keeps it as a part).
_SPAN = lazy(r"(`[^`]*`)")


def padded(text: str, width: int) -> str:
    """``text`` with spaces after it to fill ``width`` terminal columns."""
    return text + " " * (width - columns(text))


def shortened(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` terminal columns, ending in ``…`` when cut: after
    a whole word when one ends in the second half of what fits, else after a whole
    visible character (:func:`whole_end`: never inside a flag or a joined emoji)."""
    if columns(text) <= width:
        return text
    end, used = 0, 0
    for wide in _widths(text):
        used += wide
        if used > width - 1:
            break
        end += 1
    cut = text[: whole_end(text, end)]
    space = cut.rfind(" ")
    if not text[len(cut)].isspace() and space > len(cut) // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def number(value: float | None) -> str:
    """``3``, ``2.5``, or ``?`` for an unknown value; never in exponent form (a target of
    576087000000000.5 is not ``5.76087e+14``).  A value as written (up to 12 significant
    digits: ``12345.67``, what a note holds) in full; a longer one, which a division
    made (a rate, a share), to six significant digits."""
    if value is None:
        return "?"
    if float(value).is_integer():
        return str(int(value))
    exact = exact_number(value)
    if len(exact.lstrip("-").replace(".", "").lstrip("0")) <= 12:
        return exact
    text = f"{value:g}"
    return text if "e" not in text else exact


def exact_number(value: float) -> str:
    """``value`` written out in full, as it reads back exactly (its shortest ``repr``),
    never in exponent form: ``0.00001``, not ``1e-05`` (which YAML 1.1 reads as text,
    and a log line not at all); a whole number without ``.0``."""
    if float(value).is_integer():
        return str(int(value))
    text = repr(float(value))
    if "e" not in text:
        return text
    from decimal import Decimal  # rare: a value too large or small for plain digits

    return format(Decimal(text), "f")


def listed(items: Sequence[str], word: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c`` (``word``: ``or``); empty for no items."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def plural(count: float, noun: str, nouns: str | None = None) -> str:
    """``1 goal``, ``2 goals``, ``0.5 hours``: a count and its noun (plural with ``s``,
    or ``nouns``: ``2 copies``)."""
    return f"{number(count)} {noun if count == 1 else nouns or noun + 's'}"


def signed(value: float | None) -> str:
    """``+2``, ``-0.5``, ``±0``; ``–`` for unknown."""
    if value is None:
        return "–"
    if value == 0:
        return "±0"
    return ("+" if value > 0 else "-") + number(abs(value))


def rate(value: float | None) -> str:
    """A weekly rate rounded for reading: one decimal from 1 up (``1.3``, ``12``), two
    significant digits below 1 (``0.25``; a reply rate's ``0.0021`` is not ``0``), a
    zero that would end it left out (``9`` for 8.97, ``0.09`` for 0.0897)."""
    if value is None:
        return "?"
    return number(float(f"{value:.2g}") if abs(value) < 1 else round(value, 1))


def numeric(text: str) -> int | float:
    """The number a text of :func:`number` or :func:`rate` shows, as a number (an int
    when whole): what a template's context holds, rounded as the tool shows it."""
    value = float(text)
    return int(value) if value.is_integer() else value


def amount(value: str | float | None, unit: str | None) -> str:
    """A number and a goal's ``unit`` after it, for prose: ``3 referrals``, ``2.5 kg``;
    after exactly 1 (``1``, ``+1``) the unit for one (:func:`_singular`): ``1 referral``.
    ``value`` is a number (shown by :func:`number`) or one already shown (``rate``'s
    ``0.25``, a template's text); without a unit, the number alone."""
    shown = value if isinstance(value, str) else number(value)
    if not unit:
        return shown
    return f"{shown} {_singular(unit) if shown.lstrip('+-') == '1' else unit}"


#: Plural words not made with an ``s`` that units counting people use.
_IRREGULAR = {
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "news": "news",  # no plural of their own
    "kudos": "kudos",
}
#: Endings after which taking off the ``s`` is wrong or a guess: a singular word
#: (``class``, ``bonus``, ``analysis``, ``canvas``) or a plural that may be in ``-es``
#: (``boxes``, ``matches``, ``dishes``, ``quizzes``, ``buses`` but ``courses``,
#: ``heroes`` but ``shoes``) or in ``-ies`` (``stories`` but ``movies``: those of
#: :data:`_IES_OF_Y` are known).
_NOT_PLAIN = ("ss", "us", "is", "as", "ies", "oes", "ses", "xes", "zes", "ches", "shes")
#: Words with an ``s`` in the singular that no ending of :data:`_NOT_PLAIN` keeps: French
#: (``1 cours``, not ``1 cour``; ``fois`` and ``mois`` end in ``is``) and English.
_SINGULAR_S = frozenset((
    "cours", "discours", "concours", "parcours", "recours", "secours", "temps", "corps",
    "poids", "pays", "puits", "fils", "gens", "remords", "lens", "means",
))  # fmt: skip
#: English plurals in ``-ies`` of a singular in ``-y`` that units use: only these, as
#: others are of a singular in ``-ie`` (``movies``, ``calories``) or are French
#: (``copies``, ``parties``: ``copie``, ``partie``).
_IES_OF_Y = frozenset((
    "activities", "agencies", "categories", "charities", "cities", "communities", "competencies",
    "companies", "countries", "deliveries", "diaries", "enquiries", "entries", "families",
    "hobbies", "industries", "inquiries", "libraries", "opportunities", "policies",
    "priorities", "queries", "replies", "stories", "strategies", "studies", "summaries",
    "technologies", "theories", "universities", "vacancies",
))  # fmt: skip
#: Words after which a unit no longer names what it counts: the word before the first
#: of them does (``hours of sales``, French ``heures de cours``, Spanish ``horas por
#: semana``, German ``Seiten pro Tag``).
_PREPOSITIONS = frozenset((
    "of", "per", "for", "with", "in", "on", "to", "at", "from", "by", "about",
    "de", "du", "des", "par", "pour", "en", "sur", "avec", "dans", "chez", "au", "aux",
    "del", "por", "para", "con", "di", "da", "do", "com", "von", "pro", "mit", "im",
))  # fmt: skip
#: The last word of a unit: letters after a space, a hyphen or nothing (not ``words/min``).
_LAST_WORD = lazy(r"(?<![^\s-])[A-Za-z]+$")
#: A word of a unit after another (a preposition is looked for there).
_LATER_WORD = lazy(r"(?<=\s)\S+")


def _singular(unit: str) -> str:
    """A unit (user text) for one, only where its form is plain: the word it counts -
    its last, or the one before its first preposition (``hours of sales``, ``heures de
    cours``) - without the ``s`` of a plain English plural (``referrals``, ``coffee
    chats``, ``follow-ups``, ``mins``, ``OKRs``), a plural of :data:`_IES_OF_Y` in ``-y``
    (``case studies``), or ``people``, ``children``, ``men``, ``women`` as
    ``person``...; any other unit as written: no plural (``kg``, ``%``, ``USD``,
    ``wpm``, ``SMS``), an abbreviation without a vowel (``hrs``, ``fps``), another
    ending in :data:`_NOT_PLAIN` (``movies``, ``classes``), a word of
    :data:`_SINGULAR_S` (``cours``), or a word with a letter other than ASCII before it
    (``séances``)."""
    head = unit
    for later in _LATER_WORD.finditer(unit):
        if later[0].lower() in _PREPOSITIONS:
            head = unit[: later.start()].rstrip()
            break
    found = _LAST_WORD.search(head)
    if found is None:
        return unit
    word = found[0]
    plain = (
        len(word) > 2
        and word.endswith("s")
        and not word.lower().endswith(_NOT_PLAIN)
        and word.lower() not in _SINGULAR_S
        and any(c in "aeiouy" for c in word[:-1].lower())
    )
    irregular = _IRREGULAR.get(word.lower())
    if irregular is not None and word[:1].isupper():  # People: Person
        irregular = irregular[:1].upper() + irregular[1:]
    if word.lower() in _IES_OF_Y:  # Studies: Study, STUDIES: STUDY
        irregular = word[:-3] + ("Y" if word[-3].isupper() else "y")
    one = irregular or (word[:-1] if plain else word)
    return unit[: found.start()] + one + unit[found.end() :]


def per_week(value: float, unit: str | None = None, whole: bool = False) -> str:
    """A weekly rate (0 or more) for prose, rounded by :func:`rate`: ``2 interviews/week``,
    ``0.5 kg/week``, ``0.25/week`` without a unit; for a goal counted in whole numbers
    (``whole``), a rate below 1 a week as the weeks one takes: ``1 interview every 11
    weeks``, ``1 every 2.5 weeks`` (one decimal under 10 weeks, whole from 10)."""
    weeks = _weeks(1 / value if whole and 0 < value < 1 else 0.0)
    if weeks > 1:
        return f"{amount(1, unit)} every {number(weeks)} weeks"
    return f"{amount(rate(value), unit)}/week"


def time_left(days: int) -> str:
    """The time until a due day, for prose: days under two weeks (``11 days``), else weeks
    as :func:`per_week` writes them (``5.6 weeks``, ``11 weeks``)."""
    return plural(days, "day") if days < 14 else f"{number(_weeks(days / 7))} weeks"


def _weeks(weeks: float) -> float:
    """A number of weeks rounded for reading: one decimal under 10, whole from 10."""
    return round(weeks, 1) if weeks < 10 else round(weeks)


def parts_of(progress: float, whole: int) -> int:
    """``progress`` (a share of the way to the target: 1 reaches it) in ``whole`` parts,
    as every view shows it (percent, bar, gantt, JSON): rounded half away from zero as
    the share is written (1/8 is 13 of 100 and 0.145 is 15, where ``round`` gives 12 and
    14), and short of the target (below 1) ``whole - 1`` at most: 99.7% is 99%, not
    done."""
    numerator, denominator = _as_written(float(progress))
    shown = (2 * abs(numerator) * whole + denominator) // (2 * denominator)  # half up
    shown = -shown if numerator < 0 else shown
    return min(shown, whole - 1) if progress < 1 else shown


def _as_written(value: float) -> tuple[int, int]:
    """A finite ``value`` as the fraction its shortest text (``repr``) says: 0.145 is
    145/1000, not the float's 0.14499999999999999 (no :mod:`decimal`, whose import
    was a fortieth of `list --json`)."""
    mantissa, _, exponent = repr(value).partition("e")
    units, _, fraction = mantissa.partition(".")
    digits = int(units + fraction)  # "-0" and "5": -5
    scale = len(fraction) - int(exponent or 0)
    return (digits, 10**scale) if scale >= 0 else (digits * 10**-scale, 1)


def bar(progress: float | None, width: int = BAR_WIDTH) -> str:
    """``████░░░░░░`` for 0.4 (clamped to 0..1, in cells as :func:`parts_of` counts
    them: full only at the target); dots when unknown."""
    if progress is None:
        return "·" * width
    filled = parts_of(max(0.0, min(progress, 1.0)), width)
    return "█" * filled + "░" * (width - filled)


def percent(progress: float | None) -> str:
    """``40%`` (:func:`parts_of` 100: ``13%`` for 1/8, 99% at most short of the target);
    ``–`` when unknown."""
    if progress is None:
        return "–"
    return f"{parts_of(progress, 100)}%"


def json_progress(progress: float | None) -> float | None:
    """``progress`` as JSON gives it: 4 decimals by :func:`parts_of` (0.53125 is 0.5313,
    0.99996 short of the target 0.9999)."""
    return parts_of(progress, 10_000) / 10_000 if progress is not None else None


def json_numbers(data: Any) -> Any:
    """``data`` with every whole float as an int (``5.0`` -> ``5``), so JSON shows numbers
    as they are written; fractional floats stay."""
    if isinstance(data, float) and data.is_integer():
        return int(data)
    if isinstance(data, dict):
        return {k: json_numbers(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [json_numbers(v) for v in data]
    return data


#: What :func:`single_line` makes one space: a run of line breaks, tabs and ASCII spaces.
_LINE_SPACE = lazy(r"[\t\n\v\f\r \x1c-\x1f\x85\u2028\u2029]+")


def single_line(text: str) -> str:
    """``text`` on one line, its ends trimmed: each run of line breaks, tabs and ASCII
    spaces made one space; the other spaces kept as typed (French typography's no-break
    ``U+00A0`` and ``U+202F`` before ``:`` or inside ``« »``, Japanese ``U+3000``)."""
    return _LINE_SPACE.sub(" ", text).strip()


def one_line(text: str) -> str:
    """User text made safe for one markdown line or table cell: on one line
    (:func:`single_line`, but for the spaces and tabs of a code span, kept as written:
    markdown shows them, and advice such as "write ``  - item``" changes with one space
    less), each ``|`` marked for :func:`table_pipes_only` (which escapes it in a table
    row), its HTML comments left out (:func:`uncommented`: markdown hides them, and
    people hide words that way), and a ``<!--`` left (never closed, or in a code span)
    written ``<\\!--``, which shows the same but opens no HTML comment (one hiding the
    rest of the note, or a section marker)."""
    if (  # most texts: their only whitespace is single spaces between words
        text.isprintable()
        and "  " not in text
        and "|" not in text
        and "<!--" not in text
        and text == text.strip(" ")
    ):
        return text
    if "<!--" in text:
        text = uncommented(text)
    return _spans_kept(text).replace("|", _PIPE).replace("<!--", "<\\!--")


def uncommented(text: str) -> str:
    """``text`` without its HTML comments: ``<!--`` to the next ``-->``, but in a code
    span (a comment that opens first holds its backticks); one never closed is kept."""
    parts = []
    done = 0
    while (start := text.find("<!--", done)) >= 0:
        code = _span_over(text, done, start)
        if code is not None:  # in a code span: text
            parts.append(text[done:code])
            done = code
            continue
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts.append(text[done:start])
        done = end + 3
    parts.append(text[done:])
    return "".join(parts)


def _span_over(text: str, done: int, at: int) -> int | None:
    """Where the code span of ``text[done:]`` that holds offset ``at`` ends, if any."""
    if text.find("`", done, at) < 0:
        return None
    return next((done + e for s, e in code_spans(text[done:]) if s < at - done < e), None)


#: A ``|`` of a :func:`one_line` text, after a mark :func:`table_pipes_only` makes the
#: ``\\`` a table cell needs, or nothing: a unit separator, which no such text holds
#: (:func:`single_line` makes it a space, in a code span too).
_MARK = "\x1f"
_PIPE = _MARK + "|"
#: A mark no longer before its ``|`` (a template replaced the ``|`` or cut the text).
_STRAY_MARK = lazy(r"\x1f(?!\|)")


def stray_marks_dropped(text: str) -> str:
    """``text`` without the marks of :func:`table_pipes_only` that are not before a ``|``
    in it: a template's ``replace("|", ...)`` or ``[:4]`` left them, and the ``|`` a
    template writes after one is its own, never to be escaped."""
    return _STRAY_MARK.sub("", text) if _MARK in text else text


#: What markdown would read as more than text in a title: an escape, a tag, a link.
_MARKUP = lazy(r"[\\#\[]")


def markdown_text(text: str) -> str:
    """``text`` written so that markdown shows it as typed and reads no tag, wikilink,
    embed or markdown link in it, nor a heading's closing ``#``: each ``\\``, ``#`` and
    ``[`` outside code spans escaped with a backslash (``Q1 \\#people \\[draft]``)."""
    if _MARKUP.search(text) is None:
        return text
    return _by_spans(text, lambda part: _MARKUP.sub(r"\\\g<0>", part), str)


#: A line break in a code span: a space there, as markdown reads it.
_SPAN_BREAK = lazy(r"\r\n|[\n\v\f\r\x1c-\x1f\x85\u2028\u2029]")


def _spans_kept(text: str) -> str:
    """:func:`single_line` of ``text`` but for its code spans, whose line breaks alone
    become spaces."""
    if "`" not in text:
        return single_line(text)
    spaced = _by_spans(
        text, lambda part: _LINE_SPACE.sub(" ", part), lambda span: _SPAN_BREAK.sub(" ", span)
    )
    return spaced.strip()


def _by_spans(text: str, outside: Callable[[str], str], inside: Callable[[str], str]) -> str:
    """``text`` with ``outside`` made of each part outside its code spans and ``inside``
    of each span (its backticks included)."""
    parts = []
    done = 0
    for start, stop in code_spans(text) if "`" in text else ():
        parts += [outside(text[done:start]), inside(text[start:stop])]
        done = stop
    parts.append(outside(text[done:]))
    return "".join(parts)


def table_pipes_only(markdown: str) -> str:
    """``markdown`` made of :func:`one_line` texts with each ``|`` of theirs escaped
    (``\\|``) on a table row - a line that starts with ``|``, after an indent or a
    quote's ``>`` - where a cell needs it, code spans and wikilinks
    (``[[goals/Budget\\|Budget]]``) included; elsewhere as written, as there ``\\|``
    shows in a code span and other tools than Obsidian read it as part of a link's
    target.  A mark before no ``|`` is dropped (:func:`stray_marks_dropped`).  Made
    again, it changes nothing: a section is made so before it is hashed."""
    if _MARK not in markdown:
        return markdown
    lines = markdown.split("\n")
    for at, line in enumerate(lines):
        if _MARK in line:
            row = line.lstrip(" \t>").startswith("|")
            lines[at] = (line.replace(_PIPE, "\\|") if row else line).replace(_MARK, "")
    return "\n".join(lines)


def line_text(text: str) -> str:
    """``text`` kept on one line of a listing: a line break or tab in it (in a file name,
    in a title written over two lines) shown as ``\\n``, ``\\r``, ``\\t``, so a script
    reading the output line by line gets one line per entry."""
    return text.translate(_LINE_BREAKS)


_LINE_BREAKS = str.maketrans({"\n": "\\n", "\r": "\\r", "\t": "\\t"})


def line_texts(data: Any) -> Any:
    """``data`` with :func:`line_text` applied to every text in it."""
    return map_texts(data, line_text)


def one_line_texts(data: Any, keep: frozenset[str] = frozenset({"chart"})) -> Any:
    """``data`` with :func:`one_line` applied to every text, except under ``keep`` keys."""
    return map_texts(data, one_line, keep)


class _Changed(dict[str, str]):
    """Texts and what ``change`` makes of them, each made when first asked."""

    def __init__(self, change: Callable[[str], str]) -> None:
        super().__init__()
        self.change = change

    def __missing__(self, text: str) -> str:
        changed = self[text] = self.change(text)
        return changed


def map_texts(data: Any, change: Callable[[str], str], keep: frozenset[str] = frozenset()) -> Any:
    """``data`` (texts, numbers, lists and mappings) with ``change`` applied to every
    text in it, except under the keys ``keep``; ``change`` is made once of each text
    (a review's 5,600 are some 900 texts, repeated: a rule's message, a link)."""
    if type(data) is str:  # (a review's messages, one at a time)
        return change(data)
    done = _Changed(change)

    def walk(value: Any) -> Any:
        # a text, or a number, None or True, changed or kept here, without a call of
        # walk: most values are (a review's some 9,000: a call each cost 15 M instructions)
        if type(value) is str:
            return done[value]
        if isinstance(value, dict):
            return {
                k: v
                if k in keep or type(v) in _LEAVES
                else (done[v] if type(v) is str else walk(v))
                for k, v in value.items()
            }
        if isinstance(value, list):
            return [
                v if type(v) in _LEAVES else (done[v] if type(v) is str else walk(v)) for v in value
            ]
        return change(value) if isinstance(value, str) else value

    return walk(data)


#: The values :func:`map_texts` keeps as they are, told by their type alone.
_LEAVES = frozenset({int, float, bool, type(None)})


#: A line break (kept), every control character, and the line and paragraph separators.
_CONTROL = lazy(r"\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202d\u202e]")


def terminal_text(text: str) -> str:
    """``text`` safe to print on a terminal: control characters from notes (an escape
    sequence in a title could retitle the window, clear the screen or hide text) shown
    as ``\\x1b``, and U+2028 and U+2029 as ``\\u2028``, so that no character but
    ``\\n`` (and ``\\r\\n``) breaks a line where ``str.splitlines()`` reads one; the
    bidirectional overrides too (U+202D, U+202E: a title holding U+202E showed
    reversed, and the rest of its line with it; the isolates and embeddings
    right-to-left text is wrapped in are kept); line breaks and tabs kept.  Colour is
    added after (see :func:`terminal_data`)."""
    if text.isprintable():  # most texts: none of those characters is printable
        return text
    return _CONTROL.sub(_shown, text)


def _shown(found: re.Match[str]) -> str:
    ch = found[0]
    if len(ch) > 1:  # \r\n
        return ch
    return f"\\x{ord(ch):02x}" if ch < "\u0100" else f"\\u{ord(ch):04x}"


def terminal_data(data: Any) -> Any:
    """``data`` with every text in it kept on one line (:func:`line_text`) and its control
    characters shown (:func:`terminal_text`): what a view that adds colour codes of its
    own takes, so that only those reach the terminal, and a row stays one line."""
    return map_texts(data, lambda text: terminal_text(line_text(text)))


def escape_c1(text: str) -> str:
    """JSON text with DEL, the C1 controls and U+2028 and U+2029, which JSON allows raw,
    escaped too (``str.splitlines()`` breaks a line at U+0085, U+2028 and U+2029)."""
    return re.sub("[\x7f-\x9f\u2028\u2029]", lambda m: f"\\u{ord(m[0]):04x}", text)


def shell_word(text: str) -> str:
    """``text`` as one argument of a command to paste in a shell: in double quotes, or
    in single quotes when it holds a character double quotes don't protect; one that
    holds a line break or another control character (a title written as a YAML block;
    the C1 ones and U+2028 and U+2029 too, which :func:`terminal_text` would show
    escaped) as ``$'...'`` with it escaped, which bash and zsh read, so the command stays
    one line and reads back as the text."""
    if _SHELL_CONTROL.search(text):
        return "$'" + _CONTROL_OR_QUOTE.sub(_c_escape, text) + "'"
    if not any(ch in text for ch in '"$`\\!'):
        return f'"{text}"'
    return "'" + text.replace("'", "'\\''") + "'"


def shell_words(words: Iterable[str]) -> str:
    """``words`` as the arguments of a command to paste in a shell: each as written when
    bash and zsh read it so (letters, digits and ``+-=.,:/@%_``, no ``=`` first: zsh
    reads ``=4`` as a command's path), else as :func:`shell_word` quotes it."""
    return " ".join(word if _PLAIN_WORD.fullmatch(word) else shell_word(word) for word in words)


_PLAIN_WORD = lazy(r"(?!=)[\w+=.,:/@%-]+")
_SHELL_CONTROL = lazy(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202d\u202e]")
_CONTROL_OR_QUOTE = lazy(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202d\u202e'\\]")
_C_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "'": "\\'", "\\": "\\\\"}


def _c_escape(found: re.Match[str]) -> str:
    ch = found.group()  # a C1 control as \u: bash's \x writes one byte, not its UTF-8
    return _C_ESCAPES.get(ch, f"\\x{ord(ch):02x}" if ch < "\x80" else f"\\u{ord(ch):04x}")
