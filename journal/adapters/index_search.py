"""Full-text search of the index: FTS5 queries as users type them (words, phrases,
prefixes, column filters, symbols), their refusals in plain words, and snippets."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from journal.adapters.index_faults import DamagedRows, damaged
from journal.core.errors import (
    JournalError,
    UsageProblem,
)
from journal.core.formatting import shortened, single_line
from journal.core.generated import GENERATED_KINDS
from journal.core.plaintext import linked_name, plain_text
from journal.core.records import Record, record
from journal.core.regex import lazy
from journal.core.unspaced import (
    CLOSE,
    GAP,
    OPEN,
    as_written,
    folded,
    marked,
    spaced,
    spaced_query,
    unspaced,
    whole_words,
)

SEARCH_SECONDS = 10  # a search that takes longer (a thousand prefixes) is stopped
SEARCH_STEPS = 10_000  # SQLite steps between two looks at the time a search has taken
#: Above this many results asked, a search stopped for its time names ``--limit`` too: the
#: snippets, made one hit at a time, took 2.9 s for 5,000 hits (a 50,000-note vault)
SNIPPETS_QUICKLY = 1000
#: The weights of a word in a title, a body and a name linked by a property, in bm25: a
#: name the front matter links counts half a word of the body (a note that tells of a
#: person before one that only lists them).
_WEIGHTS = "5.0, 1.0, 0.5"


@record(frozen=True, slots=True)
class Hit(Record):
    """One search result."""

    path: str
    kind: str
    title: str
    snippet: str
    rank: float


def matching(
    conn: sqlite3.Connection, query: str, limit: int, notice: Callable[[str], None]
) -> list[Hit]:
    """Notes matching an FTS5 query, best first (the notes journal generates, which
    repeat the goals' names each week, after the others), with a snippet of the
    body (or of the property whose links it found), read on ``conn`` (in a read
    transaction: hits and snippets from one state of the index); ``notice`` is told
    of a likely slip in a query that found nothing."""

    words, symbols = _symbol_terms(folded(query))  # as the index holds the text
    holding, held = "", []  # each word in the column its filter names, else either
    for column, symbol in symbols:
        found_in = [column] if column else ["title", "body"]
        holding += f" AND {' + '.join(f'instr(lower(search.{c}), lower(?))' for c in found_in)} > 0"
        held += [symbol] * len(found_in)

    def matches(text: str) -> list[Any]:
        deadline = time.monotonic() + SEARCH_SECONDS
        conn.set_progress_handler(lambda: time.monotonic() > deadline, SEARCH_STEPS)
        try:
            best = conn.execute(
                "SELECT search.rowid, n.path, n.kind, n.title,"
                f" {_TITLE_MATCHES_LAST} AS untitled, bm25(search, {_WEIGHTS}) AS rank"
                " FROM search JOIN notes n ON n.rowid = search.rowid"
                f" WHERE search MATCH ?{holding}"
                f" ORDER BY {_GENERATED_LAST}, untitled, rank, n.path LIMIT ?",
                (text, text, *held, limit),
            ).fetchall()  # then a snippet for these alone, not for every match
            return [
                (p, k, t, _snippet(conn, text, row, p, t, bool(untitled)), r)
                for row, p, k, t, untitled, r in best
            ]
        except sqlite3.OperationalError as exc:
            if str(exc) != "interrupted":
                raise
            many = (  # each hit's snippet is made apart: thousands take seconds
                ", or fewer results (--limit): a snippet is made for each"
                if limit > SNIPPETS_QUICKLY
                else ""
            )
            raise JournalError(
                f"the search for {_shown(query)} took over {SEARCH_SECONDS} s and was stopped: "
                f"search for fewer words, or longer prefixes (inter* rather than i*){many}"
            ) from None
        finally:
            conn.set_progress_handler(None, 0)

    if _symbols_only(query):
        return _symbol_hits(conn, _bare_symbols(query), limit)
    if not any(ch.isalnum() for ch in query):  # "!!!", "-", '""', "()", "**"
        why = (
            'a * ends a prefix: "inter*"'
            if "*" in query
            else "punctuation is no word to the search; symbols such as 🚀 alone are "
            "found as written"
        )
        raise UsageProblem(f"can't search for {_shown(query)}: it has no word ({why})")
    starred = next(filter(None, map(_STARRED_FILTER.fullmatch, _tokens(query))), None)
    if starred is not None:
        raise UsageProblem(
            f"can't search for {_shown(query)}: {starred[0]!r} has no word (a * ends a"
            f" prefix: {starred[1]}:inter*)"
        )
    lost = _symbol_words(words)  # FTS5 would leave them out, and answer another query
    if lost:
        raise UsageProblem(_symbol_in_syntax(lost[0], query))
    try:
        rows = matches(spaced_query(words))
    except sqlite3.OperationalError as exc:
        if damaged(exc) or "locked" in str(exc):
            raise
        plain = _quoted_words(spaced_query(words))
        try:
            if plain is None:
                raise
            rows = matches(plain)  # O'Brien, hr-leaders, C++: words, as meant
        except sqlite3.OperationalError:
            why, hint = _refusal(query, str(exc))
            raise UsageProblem(f"can't search for {_shown(query)}: {why} ({hint})") from None
    slip = None if rows else _unmatched(query)
    if slip:
        notice(slip)
    return [Hit(p, k, t, _short_words(single_line(marked(s))), r) for p, k, t, s, r in rows]


#: A body gets its snippet from pieces of itself of up to this size (in characters):
#: FTS5's snippet() takes time that grows with the square of the hits
#: in a text (a pasted log of 60,000 lines, each with the word searched for, took 30 s,
#: in one call that neither the time limit nor Ctrl-C can stop).
SNIPPET_PIECE = 4_000


def _snippet(
    conn: sqlite3.Connection, query: str, rowid: int, path: str, title: str, untitled: bool
) -> str:
    """The snippet of the body of the note at ``rowid`` for an FTS5 ``query`` it
    matches, made by FTS5 in a table of its own holding only that body as plain text
    (:func:`~journal.core.plaintext.plain_text`, without the H1 that is ``title``), in
    pieces of up to :data:`SNIPPET_PIECE` characters (asking the index, FTS5 would run
    the whole query again for each hit), each beside the note's title and the names its
    properties link (so that words found there leave those found in the body marked):
    from the piece that matches best.  When the body holds no hit: the property whose
    links hold them (:func:`_property_snippet`) when the title alone does not match
    (``untitled``), else (or when none does) the start of the body (the query found the
    title alone, or a link's hidden target).
    The pieces are folded and spaced as the index holds them (``HR`` for full-width ``HR``),
    and the snippet shows the text as written (:func:`~journal.core.unspaced.as_written`),
    with ``...`` wherever it does not reach the body's start or end."""
    row = conn.execute(
        "SELECT title, body, linked, written FROM search WHERE rowid = ?", (rowid,)
    ).fetchone()
    if row is None:  # FTS5 found a row its own table lacks
        raise DamagedRows(f"the search index names note {rowid}, which it does not hold")
    searched, body, linked, written = row
    text = plain_text(written or unspaced(body), title)
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.pieces"
        " USING fts5 (title, body, linked, tokenize = 'unicode61 remove_diacritics 2')"
    )
    pieces = list(_pieces(text))
    _fill_pieces(
        conn,
        searched,
        linked,
        _candidates(list(enumerate(map(folded, pieces), start=1)), query),
    )
    found = _marked(conn, query, pieces)
    if found is None:
        linking = untitled and linked  # some of the words may be in the names alone
        shown = _property_snippet(conn, query, path, searched, linked) if linking else None
        return _opening(text) if shown is None else shown
    number, shown = found
    if number > 1 and not shown.startswith("..."):  # the piece's start is not the body's
        shown = "..." + shown.lstrip()
    if number < len(pieces) and not shown.endswith("..."):
        shown = shown.rstrip() + "..."
    return shown


def _fill_pieces(
    conn: sqlite3.Connection, title: str, linked: str | None, texts: Iterable[tuple[int, str]]
) -> None:
    """``temp.pieces`` holding the (numbered, folded) ``texts`` alone, each beside the
    note's ``title`` and ``linked`` names as the index holds them (None: each text is
    the names linked, as a property's are)."""
    conn.execute("DELETE FROM temp.pieces")
    rows = [(number, title, spaced(text)) for number, text in texts]
    conn.executemany(
        "INSERT INTO temp.pieces (rowid, title, body, linked) VALUES (?, ?, ?, ?)",
        [(*row, row[2] if linked is None else linked) for row in rows],
    )


def _marked(
    conn: sqlite3.Connection, query: str, texts: list[str], column: int = 1
) -> tuple[int, str] | None:
    """The number of the text of ``temp.pieces`` (of ``texts``, from 1) that matches
    ``query`` best, and FTS5's snippet of it (of its body; ``column`` 2: of its linked
    names) shown as ``texts`` writes it; None when none matches, or every word the best
    matches is outside that column."""
    try:
        best = conn.execute(
            "SELECT rowid FROM temp.pieces WHERE pieces MATCH ? ORDER BY bm25(pieces) LIMIT 1",
            (query,),
        ).fetchone()
    except sqlite3.OperationalError:
        best = None  # a query that names no column the pieces have, or the like
    if best is None:
        return None
    size = 32 if GAP in query else 12  # words: one letter each of a query's Chinese, say
    (found,) = conn.execute(
        "SELECT snippet(pieces, ?, ?, ?, '...', ?) FROM temp.pieces"
        " WHERE pieces MATCH ? AND rowid = ?",
        (column, OPEN, CLOSE, size, query, best[0]),
    ).fetchone()
    if OPEN not in found:
        return None
    text = texts[best[0] - 1]
    plain = unspaced(str(found).replace(CLOSE + GAP + OPEN, ""))  # the letters of one hit
    shown = (as_written(plain, text) if folded(text) != text else None) or plain
    return best[0], whole_words(shown, text)


def _property_snippet(
    conn: sqlite3.Connection, query: str, path: str, title: str, linked: str
) -> str | None:
    """The snippet of the note at ``path`` whose body holds no word of ``query``: the
    property whose links hold them (those the title does not), as ``with: Anna Schmidt,
    **Lars Østergaard**``; None when none does (each holds some: ``linked`` has all)."""
    named: dict[str, dict[str, None]] = {}
    for key, target, alias in conn.execute(
        "SELECT property, target, alias FROM links"
        " WHERE path = ? AND property IS NOT NULL ORDER BY seq",
        (path,),
    ):
        named.setdefault(key, {})[linked_name(target, alias)] = None
    texts = [", ".join(filter(None, names)) for names in named.values()]
    pieces = list(enumerate(map(folded, texts), start=1))
    _fill_pieces(conn, title, linked, pieces)
    found = _marked(conn, query, texts)
    if found is None:  # a query of the linked names alone (linked:lars): each its own
        _fill_pieces(conn, title, None, pieces)
        found = _marked(conn, query, texts, column=2)
    return None if found is None else f"{list(named)[found[0] - 1]}: {found[1]}"


#: The pieces of a body a snippet is looked for in, at most: those that hold a word of
#: the query as written (a 5 MB log is some 2,500 pieces, each tokenized to be searched).
SNIPPET_CANDIDATES = 40


def _candidates(pieces: list[tuple[int, str]], query: str) -> list[tuple[int, str]]:
    """The first :data:`SNIPPET_CANDIDATES` ``pieces`` that hold a word of ``query``
    (in any case), or every piece when none does (a word FTS5 matches but not as
    written: ``cafe`` for ``café``, a phrase split over lines)."""
    words = [w.casefold() for w in _QUERY_WORD.findall(query) if w not in _OPERATORS]
    if len(pieces) <= SNIPPET_CANDIDATES or not words:
        return pieces
    found: list[tuple[int, str]] = []
    for number, piece in pieces:
        folded = piece.casefold()  # once, for every word
        if any(w in folded for w in words):
            found.append((number, piece))
            if len(found) == SNIPPET_CANDIDATES:
                break
    return found or pieces


_QUERY_WORD = lazy(r"\w+")
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR", "title", "body", "linked"})


def _pieces(body: str) -> Iterator[str]:
    """``body`` in pieces of up to :data:`SNIPPET_PIECE` characters, each overlapping
    the one before by about half (a snippet has the words on both sides of a hit),
    cut after a space or line break where there is one."""
    half = SNIPPET_PIECE // 2
    start = 0
    while True:
        end = start + SNIPPET_PIECE
        if end >= len(body):
            yield body[start:]
            return
        cut = max(body.rfind(" ", start + half, end), body.rfind("\n", start + half, end))
        end = cut + 1 if cut >= 0 else end
        yield body[start:end]
        found = (body.find(" ", end - half, end), body.find("\n", end - half, end))
        spaces = [at for at in found if at >= 0]
        start = min(spaces) + 1 if spaces else end - half


#: A run of characters with no space this long in a snippet (a pasted hash, a line of
#: base64) is cut to its ends, so a hit in a 5 MB line is a line, not 5 MB.
_LONG_WORD = lazy(r"\S{81,}")


def _short_words(snippet: str) -> str:
    """``snippet`` with its long runs cut to their ends, outside the words marked
    ``**so**`` (a run of Chinese with a hit in it keeps the hit and its marks)."""
    parts = snippet.split("**")
    parts[::2] = [_LONG_WORD.sub(lambda m: f"{m[0][:50]}...{m[0][-27:]}", p) for p in parts[::2]]
    return "**".join(parts)


def _symbols_only(query: str) -> bool:
    """A query of symbols such as emoji (Unicode's "other symbols"), currency and math
    signs (``€``, ``→``, ``±``) and no letter or digit: FTS5 would find nothing for it."""
    import unicodedata

    return not any(ch.isalnum() for ch in query) and any(
        unicodedata.category(ch) in ("So", "Sc", "Sm") for ch in query
    )


def _holds_symbol(word: str) -> bool:
    """Whether ``word`` holds an "other symbol" (an emoji, ``✓``) or an enclosing mark (a
    keycap's ``⃣``), which FTS5 leaves out of the word it searches."""
    import unicodedata

    return any(unicodedata.category(ch) in ("So", "Me") for ch in word)


def _symbol_words(query: str) -> list[str]:
    """The words of an FTS5 ``query`` made of symbols alone (``title:🚀``, ``🚀*``,
    ``"🚀"``), for which FTS5 finds nothing; a quoted phrase with words in it is FTS5's
    own (``"I ❤ NY"`` finds "I NY" with anything between)."""
    parts = query.split('"')
    words = re.split(r"[\s():*]+", " ".join(parts[::2])) + parts[1::2]
    return [w.strip() for w in words if w.strip() and _symbols_only(w)]


def _bare_symbols(query: str) -> str:
    """A query of symbols alone as it is looked up: as written, or in one pair of double
    quotes, or with a ``*`` after it; a usage error with any other syntax (``(🚀)``,
    ``"🚀" "❤"``)."""
    text = query.strip()
    if len(text) > 1 and text[0] == text[-1] == '"':
        text = text[1:-1].strip()
    elif text.endswith("*"):
        text = text[:-1].rstrip()
    if not text or any(ch in '"()*:' for ch in text):
        raise UsageProblem(_symbol_in_syntax(next(iter(_symbol_words(query)), text), query))
    return text


def _symbol_in_syntax(symbol: str, query: str) -> str:
    return (
        f"can't search for {symbol!r} in {_shown(query)}: a symbol is looked up alone (journal"
        f" search {symbol}) or beside plain words (journal search 'launch {symbol}'), not"
        " with FTS5's syntax (OR, NOT, NEAR, title:, parentheses, *, a quoted phrase of"
        " symbols)"
    )


#: The generated notes, last among hits (SQL).
_GENERATED_LAST = "n.kind IN (" + ", ".join(f"'{kind}'" for kind in GENERATED_KINDS) + ")"
#: The notes whose title alone does not match the query (a parameter), after those whose
#: title does (SQL): a goal's name typed finds that goal first, whatever the bodies say.
_TITLE_MATCHES_LAST = (
    "search.rowid NOT IN (SELECT rowid FROM search WHERE search MATCH 'title : (' || ? || ')')"
)


def _symbol_hits(conn: sqlite3.Connection, text: str, limit: int) -> list[Hit]:
    """The notes holding ``text``, a query of symbols alone (``🚀``, ``✓``), which are no
    words to FTS5 (a symbol against a word would make ``Excel®`` no longer ``excel``):
    found as written (in the titles and bodies as written, not folded: ``™`` is no
    ``TM``), titles first (generated notes last), each with the words around its first
    place."""
    like = "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"
    rows = conn.execute(
        "SELECT n.path, n.kind, n.title, s.body, s.written"
        " FROM search s JOIN notes n ON n.rowid = s.rowid"
        " WHERE n.title LIKE ?1 ESCAPE '\\'"
        " OR (CASE s.written WHEN '' THEN s.body ELSE s.written END) LIKE ?1 ESCAPE '\\'"
        f" ORDER BY {_GENERATED_LAST}, n.title NOT LIKE ?1 ESCAPE '\\', n.path LIMIT ?2",
        (like, limit),
    ).fetchall()
    hits = []
    for path, kind, title, body, written in rows:
        shown = plain_text(written or unspaced(body), title)
        hits.append(Hit(path, kind, title, _around(shown, text) or _opening(shown), 0.0))
    return hits


def _opening(text: str) -> str:
    """A snippet of a note whose shown text holds no hit (it was in the title, a comment
    or a link's target): its first words, as written."""
    piece = text[:SNIPPET_PIECE]
    first = _TWELVE_WORDS.match(piece)
    stop = first.end() if first else 0
    more = len(text) > SNIPPET_PIECE or bool(piece[stop:].strip())
    return single_line(piece[:stop]) + ("..." if more else "")


def _around(body: str, text: str) -> str:
    """``text`` marked ``**like this**`` with up to six words each side, as written, and
    ``...`` against the words where the body goes on, as FTS5's snippets are; empty when
    the body does not hold it."""
    import unicodedata

    at = body.find(text)
    if at < 0:
        return ""
    end = at + len(text)  # with the marks that dress it (❤ + U+FE0F is ❤️)
    while end < len(body) and unicodedata.category(body[end]) in ("Mn", "Me", "Cf"):
        end += 1
    before = _SIX_WORDS.match(body[at - 1 :: -1]) if at else None  # read backwards
    start = at - before.end() if before else at
    after = _SIX_WORDS.match(body, end)
    stop = after.end() if after else end
    lead = "..." if body[:start].strip() else ""
    tail = "..." if body[stop:].strip() else ""
    shown = single_line(f"{body[start:at]}**{body[at:end]}**{body[end:stop]}")
    return f"{lead}{shown.strip()}{tail}"


#: The first words of a text, with the spaces before each: a note's opening, and the
#: words each side of a symbol found.
_TWELVE_WORDS = lazy(r"(?:\s*\S+){1,12}")
_SIX_WORDS = lazy(r"(?:\s*\S+){1,6}")


#: The columns a query may name (``title:mentor``).
_COLUMNS = ("title", "body", "linked")
_FILTERS = frozenset(f"{column}:" for column in _COLUMNS)
_SYNTAX = frozenset({"AND", "OR", "NOT", "*", *_FILTERS})  # not a word to quote
_UNJOINED = frozenset({"AND", "OR", "NOT", *_FILTERS})  # never a column filter's word
_WORD = lazy(rf"((?:{'|'.join(_COLUMNS)}):)?(.+?)(\*?)", re.IGNORECASE)
#: A column filter with no word after it but a ``*`` (``title:*``).
_STARRED_FILTER = lazy(rf"({'|'.join(_COLUMNS)}):\*", re.IGNORECASE)


def _tokens(query: str) -> list[str]:
    """The words of ``query`` split at white space, a column filter written apart from
    its word joined to it (``title: O'Brien`` as ``title:O'Brien``, as FTS5 reads it)."""
    tokens: list[str] = []
    for token in query.split():
        # (not a `-word`: FTS5 reads `title: -x` as a column filter, refused and told)
        if tokens and tokens[-1].lower() in _FILTERS and token not in _UNJOINED and token[0] != "-":
            tokens[-1] += token
        else:
            tokens.append(token)
    return tokens


def _plain_words(query: str) -> list[str] | None:
    """The words of ``query`` (:func:`_tokens`); None when it uses FTS5's syntax (quotes,
    parentheses, AND/OR/NOT/NEAR, a bare ``title:`` or ``*``)."""
    words = _tokens(query)
    syntax = any(w in _SYNTAX or w.lower() in _SYNTAX or w.startswith(("NEAR", "-")) for w in words)
    if not words or syntax or any(ch in query for ch in '"()'):
        return None  # "-word" too: a search engine's "without", which FTS5 writes NOT
    return words


def _symbol_terms(query: str) -> tuple[str, list[tuple[str, str]]]:
    """``query`` without its words of symbols alone (``launch 🚀``), which FTS5 takes for
    no words, and those words and the ones with a symbol glued on (``x🚀``), which the
    notes found must hold as written, each with the column a filter names (``title:x🚀``:
    ``("title", "x🚀")``; none: ``""``, the title or the body); the query unchanged when
    it uses FTS5's syntax or has no such word, or no other."""
    words = _plain_words(query)
    symbols = [w for w in words or () if _symbols_only(w)]
    glued = [w for w in words or () if w not in symbols and _holds_symbol(w)]
    if words is None or not (symbols or glued) or len(symbols) == len(words):
        return query, []
    # a symbol glued to a word (`x🚀`): the word is searched, and held as written too
    held = [(column.lower(), word) for column, word in map(_filtered, glued)]
    return " ".join(w for w in words if w not in symbols), [("", w) for w in symbols] + held


def _filtered(word: str) -> tuple[str, str]:
    """The column filter ``word`` starts with (``""`` for none) and the rest of it:
    ``title:x🚀`` is ``("title", "x🚀")``."""
    column, colon, rest = word.partition(":")
    return (column, rest) if colon and f"{column.lower()}:" in _FILTERS else ("", word)


def _quoted_words(query: str) -> str | None:
    """``query`` with each word a quoted string (``title:`` and a final ``*`` kept
    outside the quotes), for a query FTS5 refused only for punctuation inside words;
    None when it uses FTS5's syntax, which the user then fixes."""
    words = _plain_words(query)
    if words is None:
        return None
    quoted = []
    for word in words:
        match = _WORD.fullmatch(word)
        assert match is not None  # any word of one character or more
        column, text, star = match.groups()
        quoted.append(f'{column or ""}"{text}"{star}')
    return " ".join(quoted)


def _not_for_and_not(query: str) -> str | None:
    """``query`` with its ``AND NOT`` written ``NOT``, when that is its only slip: plain
    words (and prefixes) on both sides, no other operator; else None."""
    tokens = query.split()
    pairs = [at for at in range(len(tokens) - 1) if tokens[at : at + 2] == ["AND", "NOT"]]
    if len(pairs) != 1 or pairs[0] == 0 or pairs[0] + 2 == len(tokens):
        return None
    others = tokens[: pairs[0]] + tokens[pairs[0] + 2 :]
    if not all(_PLAIN_TOKEN.fullmatch(t) and t not in _OPERATORS for t in others):
        return None
    return " ".join(tokens[: pairs[0]] + tokens[pairs[0] + 1 :])


_PLAIN_TOKEN = lazy(r"\w+\*?")
#: A NEAR group whose distance is no whole number (``NEAR(a b, -1)``, ``NEAR(a b, x)``).
_BAD_NEAR = lazy(r"NEAR\([^)]*,\s*(?!\d+\s*\))")


def _shown(query: str, most: int = 80) -> str:
    """``query`` as a message names it: quoted, cut to ``most`` columns (never inside a
    joined emoji: :func:`~journal.core.formatting.shortened`)."""
    return repr(shortened(query, most))


#: What a query that starts with a dash and no word (``-5%``) is told.
DASH_OUT = "leave the dash out, as the search reads words, not punctuation"


def _refusal(query: str, error: str) -> tuple[str, str]:
    """Why FTS5 refused ``query`` with ``error``, in plain words (not SQLite's: `no such
    column: dana` for ``-dana``), and what to change."""
    if "parser stack overflow" in error:
        return "it is nested too deeply", "use fewer parentheses"
    if "unterminated string" in error:
        return "a double quote is left open", "close the double quote"
    if "unknown special query" in error:
        return "a * follows no word", 'a * ends a prefix: "inter*"'
    tokens = query.split()
    dashes = [at for at, token in enumerate(tokens) if not token.strip("-")]
    if dashes:  # `coffee - dana`, `coffee --`: found by a verifier, told as a parenthesis
        # left open, or to quote the "-" (which then searched for dana too)
        at = dashes[0]
        why = f"a {tokens[at]!r} on its own is read as a column filter"
        before = [t for t in tokens[:at] if t.strip("-")]
        after = [t for t in tokens[at + 1 :] if t.strip("-")]
        if before and after:
            return why, f"leave a word out with NOT: {' '.join(before)} NOT {after[0]}"
        return why, "NOT leaves words out of a search for others: hr NOT leaders"
    if 'near ""' in error and query.rstrip().endswith(":"):
        return f"it ends with {query.split()[-1]}", "give words after title:, body: or linked:"
    fixed = _not_for_and_not(query)
    if fixed is not None:  # as other search engines write it
        return "AND NOT is written NOT here", f"search {_shown(fixed)}"
    if 'near ""' in error or any(f'near "{word}"' in error for word in ("AND", "OR", "NOT")):
        return _lone_operator(
            query
        ), "AND, OR and NOT go between two words; close every parenthesis"
    if _BAD_NEAR.search(query):
        return "a NEAR distance is no whole number", "write one, 0 or more: NEAR(hr leaders, 5)"
    words = [w.strip('"()') for w in query.split()]
    minus = [w for w in words if w.startswith("-")]
    if minus:  # `-dana`, `--dana`, `-"dana"`: the word without its dashes and quotes
        why = f"{minus[0]!r} is read as a column filter"
        left_out = [w.lstrip("-").strip('"') for w in minus]
        if words[0] == minus[0] and not left_out[0][:1].isalpha():  # `-5%`: no word left out
            dashless = re.sub("-+", "", query, count=1)
            return why, f"{DASH_OUT}: {dashless}"
        kept = [w for w in words if w and not w.startswith("-")]
        # a filter written before the word (`title: -dana`) goes with it: `NOT title:dana`
        # (found in review: `title: NOT dana` was told, which FTS5 refuses too)
        for at, word in enumerate(words[1:], 1):
            if word.startswith("-") and words[at - 1].lower() in _FILTERS:
                kept.remove(words[at - 1])
                left_out[minus.index(word)] = words[at - 1] + word.lstrip("-").strip('"')
        if not kept:
            return why, "NOT leaves words out of a search for others: hr NOT leaders"
        return why, "leave a word out with NOT: " + " NOT ".join([" ".join(kept), *left_out])
    if "near(" in query.lower() and "NEAR(" not in query:
        return "a lowercase near is a word", "NEAR is written in capitals: NEAR(word word)"
    raw = [w.strip('"') for w in query.split()]  # as typed: `401(k)` keeps its bracket
    word = next((w for w in raw if re.search(r"[^\w*]", w)), " ".join(raw))
    why = (
        f"{word!r} is read as a column filter"
        if "no such column" in error
        else (f"the punctuation of {word!r} is read as query syntax")
    )
    return why, f'put words with punctuation in double quotes: "{word}"'


#: A column filter (``tags:``, ``status :``), not a URL's scheme (``https://``).
_COLUMN = lazy(r"(?<![\w:/.])([^\W\d_]\w*)\s*:(?!/)")
#: A Lucene boost after a word (``mentor^2``); FTS5's ``^`` starts a word (``^mentor``).
_BOOST = lazy(r"(?<=\w)\^\d*(?:\.\d+)?")


def _unmatched(query: str) -> str | None:
    """How ``query``, which matched no note, may have been meant, for a slip FTS5 reads
    as punctuation: a ``*`` inside a phrase, a boost (``mentor^2``); None for any other.
    A column filter of a column the search lacks (``tags:career``) is a usage error."""
    parts = query.split('"')
    outside = " ".join(parts[::2])
    columns = [c for c in _COLUMN.findall(outside) if c.lower() not in _COLUMNS]
    if columns:
        raise UsageProblem(
            f"can't search for {_shown(query)}: '{columns[0]}:' is read as a column filter,"
            " and the search has only title:, body: and linked: (the names the properties link)"
        )
    starred = [at for at in range(1, len(parts), 2) if "*" in parts[at]]
    if starred:
        at, why = starred[0], "a * inside double quotes is no prefix"
        phrase = parts[at].rstrip()
        if "*" in phrase[:-1]:
            return f'{why}: only the last word of a phrase can be one ("hr lead"*)'
        parts[at], parts[at + 1] = phrase[:-1].rstrip(), "*" + parts[at + 1]
        fixed = '"'.join(parts)
        return f"{why}: write {_shown(fixed)}"
    boosted = [word for word in outside.split() if _BOOST.search(word)]
    if boosted:
        parts[::2] = [_BOOST.sub("", part) for part in parts[::2]]
        fixed = '"'.join(parts)
        return f"{boosted[0]!r} has no weight for the search to give: search {_shown(fixed)}"
    return None


def _lone_operator(query: str) -> str:
    """Why FTS5 found ``query``'s AND, OR, NOT or parentheses out of place: an operator
    with no word on one side (``hr AND``), else a parenthesis left open."""
    tokens = query.replace("(", " ( ").replace(")", " ) ").split()
    for at, token in enumerate(tokens):
        if token in ("AND", "OR", "NOT"):
            before = tokens[at - 1] if at else None
            after = tokens[at + 1] if at + 1 < len(tokens) else None
            if before in (None, "(", "AND", "OR", "NOT"):
                return f"{token} has no word before it"
            if after is None:
                return f"it ends with {token}"
            if after in (")", "AND", "OR", "NOT"):
                return f"{token} has no word after it"
    return "a parenthesis is left open"
