"""The vault as data: every parsed note, with goal lookup and link resolution.

A :class:`Catalog` reads its notes from a :class:`NoteSource`: a list of parsed
notes (``Catalog(notes)``) or the index (``Catalog(source=...)``), which loads
only what a question needs - the goals for ``journal list``, the light
:class:`NoteHead` of every note for lookups and link resolution.
"""

from __future__ import annotations

import bisect
import contextlib
import operator
import posixpath
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import cached_property
from typing import Any, Protocol, TypeVar

from journal.core import codec
from journal.core.checkins import INLINE_KEY, CheckIn
from journal.core.errors import (
    Ambiguous,
    Diagnostic,
    NotFound,
    Unreadable,
    UsageProblem,
)
from journal.core.fields import MEETING_FIELDS, FieldError, coerce
from journal.core.formatting import listed, shell_word
from journal.core.goal import Goal
from journal.core.links import (
    Link,
    LinkResolver,
    composed,
    conflict_original,
    copy_like,
    display_text,
    fold,
    is_conflict_copy,
    link_key,
    may_hold_conflict_copies,
    moved_destination,
    name_key,
    named_copies,
    parse_link,
    replace_links,
    replace_markdown_links,
    resolve_link,
    spelled_apart,
)
from journal.core.names import INVISIBLE_MARKS, TYPED_DASHES, one_slip, slug, unaccented
from journal.core.networking import (
    Contact,
    Meeting,
    imply_follow_up,
    meeting_checkin,
    without_outcome,
)
from journal.core.notes import (
    Note,
    NoteField,
    NoteLink,
    inline_checkins,
    note_date,
    plugin_file,
    stem_of,
    typed_record,
)
from journal.core.regex import lazy
from journal.core.series import Counted, counted_value
from journal.core.settings import Networking

#: The rules whose findings ``status`` and the review name in their line on copies
#: (:meth:`Catalog.copy_records`): conflict copies, a name spelled two ways, copy names.
COPY_RULES = ("H003", "H018", "H019")
CHUNK = 500  # notes read at once by :meth:`Catalog.each_note`


def _conflict_message(path: str, original: str, there: Collection[str]) -> str:
    """What a line on copies says of the conflict copy ``path`` of ``original``
    (``there``: whether it is a note)."""
    if original in there:
        return (
            f"{path} is a sync client's conflict copy of {original}, left out: merge what it "
            "has of its own into the original, then delete it"
        )
    return (
        f"{path} is a sync client's conflict copy, left out, and there is no {original}: "
        f"rename it {original} if it is the note to keep"
    )


def _named(copy: str, wanted: str) -> bool:
    """Whether ``wanted`` (a :func:`link_key`) names the original of a conflict copy: its
    path, file name, or the id made from it."""
    original = conflict_original(copy)
    if original is None:
        return False
    stem = stem_of(original)
    return wanted in (link_key(original), fold(stem), slug(stem))


class NoteHead(Protocol):
    """What lookups need of a note (a :class:`Note` is one)."""

    @property
    def path(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def id(self) -> str | None: ...
    @property
    def title(self) -> str: ...
    @property
    def stem(self) -> str: ...
    @property
    def aliases(self) -> Sequence[str]: ...
    @property
    def readable(self) -> bool: ...


class _Pathed(Protocol):
    @property
    def path(self) -> str: ...


_P = TypeVar("_P", bound=_Pathed)


def _composed_order(records: list[_P]) -> list[_P]:
    """``records``, in path order, in the order of their paths :func:`composed` (sorted
    again only when a path is not ASCII): a name a Mac wrote decomposed (NFD) is listed
    where it is once renamed, and the review and the plan list it there."""
    if all(record.path.isascii() for record in records):
        return records
    return sorted(records, key=lambda record: composed(record.path))


class NoteSource(Protocol):
    """Where a catalog gets its notes from; every list is in path order."""

    def heads(self) -> Sequence[NoteHead]:
        """Every note, light."""
        ...

    def paths(self) -> Sequence[str]:
        """Every note's path."""
        ...

    def has(self, path: str) -> bool:
        """Whether a note is at ``path`` (one lookup, not every path)."""
        ...

    def copy_named(self) -> Sequence[str]:
        """The paths a line on copies may name (:func:`~journal.core.links.copy_like`)."""
        ...

    def present(self, paths: Collection[str]) -> set[str]:
        """Which of ``paths`` are notes (one look-up for them all)."""
        ...

    def unreadable(self) -> Sequence[NoteHead]:
        """The notes that can't be read, light."""
        ...

    def heads_in(self, folder: str, kind: str | None) -> Sequence[NoteHead]:
        """The notes of ``kind`` (None: of any) in ``folder`` (a vault path; "": the whole
        vault) and its subfolders, light."""
        ...

    def ids(self) -> Sequence[tuple[str, str]]:
        """(path, id) of every note with an ``id``."""
        ...

    def load(self, *, kind: str | None = None, paths: Collection[str] | None = None) -> list[Note]:
        """Whole notes: all of them, those of one kind, or those at ``paths``."""
        ...

    def records(self, kind: str, path: str | None = None) -> list[Any]:
        """The typed record (:func:`typed_record`) of every readable goal, contact or
        meeting (``kind``), or of the one at ``path``, each its own copy."""
        ...

    def inline_checkins(self) -> list[tuple[str, CheckIn]]:
        """Every ``progress::`` check-in as (link target, check-in)."""
        ...

    def diagnostics(self, kinds: Collection[str] | None = None) -> list[Diagnostic]:
        """Every note's problems (only the notes of ``kinds``, when given)."""
        ...

    def unresolved_links(self, kinds: Collection[str]) -> list[tuple[str, str, NoteLink]]:
        """(path, kind, link) for each link that resolves to no note, in the readable
        notes of ``kinds``."""
        ...

    def backlinks(self, paths: Collection[str]) -> Mapping[str, Sequence[str]]:
        """For each of ``paths`` that other notes link to, their paths (a link resolved
        as :meth:`unresolved_links` resolves it); a path none links to may be left out."""
        ...

    def fields(self, key: str) -> list[tuple[str, date | None, NoteField]]:
        """(path, day, field) for each inline field ``key::`` (any case) of a readable
        note; ``day``: the note's day (see :func:`note_date`), None when it has none."""
        ...

    def property_texts(self, kind: str, key: str) -> list[tuple[str, str]]:
        """(path, value) for each readable note of ``kind`` whose property ``key`` holds
        text (a date is text here: ``2026-11-22``), without loading the notes."""
        ...

    def property_values(self, keys: Collection[str]) -> list[tuple[str, str, Any]]:
        """(path, key as written, value as :func:`~journal.core.codec.plain` gives it)
        for each property of a readable note whose name, in lower case, is one of
        ``keys``, in path order, without loading the notes."""
        ...

    def named(self, names: Collection[str]) -> Mapping[str, Sequence[str]]:
        """For each of ``names``, the paths of the notes whose case-folded file name
        (without .md) it is (a name no note has may be left out), those in excluded
        folders too, which journal does not read but links find (the index's)."""
        ...

    def aliased(self, key: str) -> Sequence[str]:
        """The paths of the notes with the case-folded alias ``key``."""
        ...

    def shares_names(self) -> bool:
        """Whether two notes have the same case-folded file name, or alias: only then can
        a link name two notes equally well (:meth:`Catalog.link_ties`)."""
        ...


Head = TypeVar("Head", bound=NoteHead)


def match_head(
    pool: Sequence[Head],
    ref: str,
    *,
    parts: bool = True,
    linked: Collection[str] = (),
    writes: bool = False,
) -> Head | None:
    """The one head of ``pool`` that ``ref`` names: by id, path, file name, title or
    alias (case-insensitive; a name that is one note's title and another's alias names
    both), else by the paths of ``linked`` (what ``ref`` as a link resolves to: a partial
    path, ``work/Plan`` for ``goals/work/Plan.md``), else by one of those names compared
    as :func:`bare_name` compares them (``Jose Nunez`` is ``José Núñez``, not also ``Jose
    Nunez (Globex)``), else (with ``parts``) by a part of its title, file name, id or an
    alias compared so (found in a tryout, `HRBP` picked the one goal titled with it, not
    the one aliased so), whole words first; None when none does, :class:`Ambiguous` when
    several do.  With ``writes`` (a command that changes the note), a part that is not
    sure of each note it matches (:func:`_sure_part`) is :class:`NotFound`, naming them."""
    wanted = link_key(ref)  # as a link: a "\\" taken for a "/"
    plain = fold(ref.strip()).removesuffix(".md")  # as typed: a "\\" may be part of a name
    names = {wanted, plain}
    bare_names = {bare_name(name) for name in names}  # "jose" for José, typed without accents
    spelled: dict[str, list[str]] = {}  # each note's names as bare names, made once

    def bare(n: NoteHead) -> list[str]:
        if n.path not in spelled:
            spelled[n.path] = [bare_name(x) for x in (n.title, n.stem, n.id or "", *n.aliases)]
        return spelled[n.path]

    tiers: list[Callable[[NoteHead], bool]] = [
        lambda n: n.id == ref.strip(),
        lambda n: n.path == ref.strip(),  # as on disk: tells apart Café and Cafe + accent
        lambda n: fold(n.id or "") in names,
        lambda n: fold(n.path).removesuffix(".md") == plain,
        lambda n: link_key(n.path) == wanted,
        # as typed: `budget` of Budget and budget
        lambda n: ref.strip() in (n.stem, n.title, *n.aliases),
        lambda n: any(fold(x) in names for x in (n.stem, n.title, *n.aliases)),
        lambda n: n.path in linked,
        lambda n: not bare_names.isdisjoint(bare(n)),
    ]
    whole_words = len(tiers)  # the tier of parts that are whole words, then of any part
    if parts:

        def by_part(whole: bool) -> Callable[[NoteHead], bool]:
            def matches(n: NoteHead) -> bool:
                return any(_at_a_word(part, x, whole=whole) for part in bare_names for x in bare(n))

            return matches

        tiers += [by_part(True), by_part(False)]
    for tier, matches in enumerate(tiers):
        found = [n for n in pool if matches(n)]
        whole = tier == whole_words
        if (
            writes
            and tier >= whole_words
            and not all(_sure_part(bare_names, bare(n), whole=whole) for n in found)
        ):
            titles = ", ".join(n.title for n in found[: Ambiguous.SHOWN])
            more = len(found) - Ambiguous.SHOWN
            titles += f" and {more} more" if more > 0 else ""
            raise NotFound(
                f"'{ref.strip()}' is too little of a name for a command that writes (did you "
                f"mean: {titles}?); give more of its title, a [[link]] or its id"
            )
        if len(found) == 1:
            return found[0]
        if found:
            raise Ambiguous(ref, [n.path for n in found])
    return None


#: How to make a note whose `type` is a slip for ``kind`` (:attr:`Catalog.mistyped`) one.
MISTYPED_FIX = "write `type: {kind}`"

#: The kinds a note is meant as (:func:`meant_as`): those journal reads a record of.
MEANT_KINDS = ("goal", "meeting", "contact")
#: What fixing a note meant as each kind that can't be read shows, for one and for
#: several (the review's "fix it to see this goal here", the lists' lines).
TO_SEE = {
    "goal": ("this goal", "these goals"),
    "meeting": ("its follow-up", "their follow-ups"),
    "contact": ("this contact", "these contacts"),
    "daily": ("its check-ins", "their check-ins"),
}


def meant_as(kind: str, path: str, folders: Mapping[str, str]) -> str | None:
    """The kind of :data:`MEANT_KINDS` a note is meant as: its own (a note whose front
    matter can't be read has the one of a ``type: goal``, ``meeting`` or ``contact`` line
    in its text), else the kind whose folder (``folders``: kind -> vault path, as
    ``[folders]`` has them) holds it, the deepest when they nest (a folder that is the
    vault's root holds none); None for any other note."""
    if kind in MEANT_KINDS:
        return kind
    holding = [
        (len(folder), meant)
        for meant, folder in folders.items()
        if folder != "" and path.startswith(folder + "/")
    ]
    return max(holding)[1] if holding else None


def warns(kind: str, path: str, goal_folder: str) -> bool:
    """Whether a note's warnings are told with the errors (``journal list``, ``journal
    watch``): a typed note's (goal, contact...) or one in the goal folder, meant as a
    goal; a plain note elsewhere that opens with a ``---`` rule stays quiet."""
    return kind != "note" or (goal_folder != "" and path.startswith(f"{goal_folder}/"))


def _at_a_word(part: str, name: str, *, whole: bool) -> bool:
    """Whether ``part`` begins a word of ``name`` (``whole``: and ends one): ``ana`` names
    ``Ana Lopez``, not ``Dana Ortiz``; ``2026-q4`` names ``goal-2026-q4``; ``goal 9``
    names ``Goal 9 ...`` and ``Goal 90 ...``, only the first as whole words.  In a
    script written without spaces between words (Chinese, Japanese, Thai...) any place
    counts."""
    start = name.find(part)
    while start != -1:
        before = name[start - 1] if start else " "
        after = name[start + len(part) : start + len(part) + 1] or " "
        if (not before.isalnum() or _unspaced(before) or _unspaced(part[:1])) and (
            not whole or not after.isalnum() or _unspaced(after) or _unspaced(part[-1:])
        ):
            return True
        start = name.find(part, start + 1)
    return False


#: Articles, prepositions and conjunctions of English, German, Spanish and French, too
#: common to name a note to change by (:func:`_sure_part`) or to end a plan's short name
#: on (:func:`~journal.core.plan.short_names`); compared as :func:`is_little_word` does.
LITTLE_WORDS = (
    *("a", "an", "and", "at", "by", "for", "from", "in", "into", "its", "of", "on", "onto"),
    *("or", "our", "than", "that", "the", "this", "to", "with"),
    # German (``an`` as in English; ``des`` as in French)
    *("am", "auf", "aus", "bei", "beim", "das", "dem", "den", "der", "des", "die"),
    *("ein", "eine", "einem", "einen", "einer", "eines", "für", "im", "mit", "nach", "oder"),
    *("über", "um", "und", "vom", "von", "zu", "zum", "zur"),
    # Spanish
    *("al", "con", "de", "del", "el", "en", "la", "las", "los", "más", "o", "para", "por"),
    *("que", "sus", "un", "una", "uno", "unos", "unas", "y"),
    # French
    *("au", "aux", "avec", "dans", "du", "est", "et", "le", "les", "ou", "par"),
    *("pour", "sur", "une", "à"),
)
_LITTLE = frozenset(unaccented(word) for word in LITTLE_WORDS)
#: The commonest particles of Japanese (を, の...) and Chinese (的, 了, 和): a part of a
#: name in those scripts that begins or ends with one runs across words.
_PARTICLES = frozenset("をのにはがでともへ的了和")


def is_little_word(word: str) -> bool:
    """Whether ``word`` is one of :data:`LITTLE_WORDS`, in any case, with or without its
    accents (``Für``, ``fur``)."""
    return unaccented(word) in _LITTLE


def _sure_part(parts: Collection[str], names: Sequence[str], *, whole: bool) -> bool:
    """Whether one of ``parts``, a part of one of a note's ``names`` (all bare names),
    names the note surely enough to change it: as the first 3 characters or more of one
    of them (``Pos`` of ``Post on LinkedIn``), or (``whole``: it is whole words of one)
    with a word of 3 letters or more that is not a little word (``five HR leaders``,
    ``Hold 2``; not ``on``, ``the``, ``und``), or of 2 in a script written without spaces
    that neither begins nor ends with a particle (``太郎``, ``面接``; not ``を三``).  Not
    ``ana`` of ``People Analytics``: only the start of a word."""
    return any(
        (len(part) >= 3 and any(name.startswith(part) for name in names))
        or (whole and any(_says_something(word) for word in _WORDS.findall(part)))
        for part in parts
    )


def _says_something(word: str) -> bool:
    """Whether a word of a part is one a command that writes goes by (:func:`_sure_part`):
    of 3 letters or more and no little word, or, in a script written without spaces, of 2
    or more, neither beginning nor ending with a particle."""
    if _unspaced(word[0]):
        return len(word) >= 2 and word[0] not in _PARTICLES and word[-1] not in _PARTICLES
    return len(word) >= 3 and not is_little_word(word)


def _unspaced(char: str) -> bool:
    """A letter of a script whose words are not separated by spaces."""
    return bool(char) and (
        "\u0e00" <= char <= "\u0eff"  # Thai, Lao
        or "\u3040" <= char <= "\u30ff"  # kana
        or "\u3400" <= char <= "\u9fff"  # CJK ideographs
        or "\uac00" <= char <= "\ud7af"  # Hangul: a Korean name is written as one word
        or "\uf900" <= char <= "\ufaff"
    )


#: The apostrophes and dashes a name may be written with (a phone's or a word processor's
#: curly apostrophe, a no-break hyphen), as a keyboard types them: U+2019, U+2018,
#: U+201B, U+02BC, the prime U+2032 and the acute accent U+00B4 as ``'``; the hyphens
#: and dashes U+2010 to U+2015 and the minus sign U+2212 as ``-``; the invisible marks
#: (:data:`~journal.core.names.INVISIBLE_MARKS`, a bidi mark a keyboard typed) left out.
_TYPED_MARKS = str.maketrans(
    dict.fromkeys("\u2019\u2018\u201b\u02bc\u2032\u00b4", "'")
    | dict.fromkeys(TYPED_DASHES, "-")
    | dict.fromkeys(INVISIBLE_MARKS)
)


def bare_name(text: str) -> str:
    """``text`` as a command's name of a note is compared: folded (:func:`fold`), Latin
    letters without their accents (:func:`~journal.core.names.unaccented`), apostrophes
    and dashes as typed (:data:`_TYPED_MARKS`): ``José`` is ``jose``, ``O\u2019Neill``
    is ``o'neill``, ``Mary\u2011Kate`` (a no-break hyphen) ``mary-kate``, ``HR\u200e``
    (a left-to-right mark) ``hr``.  Links never are: Obsidian's keep their marks."""
    return unaccented(fold(text).translate(_TYPED_MARKS))


def match_key(text: str) -> str:
    """``text`` as a filter compares what was typed with a property (``list --area``,
    ``--status``, ``done --milestone``): as a note's name (:func:`bare_name`: ``TÜRKİYE``
    is ``Türkiye``, a full-width digit its ASCII one, ``Réseau`` written decomposed, as
    macOS may, ``reseau``), each run of spaces one space (a no-break space and U+3000
    are spaces)."""
    return " ".join(bare_name(text).split())


def two_organisations(first: str | None, second: str | None) -> bool:
    """Whether two contacts' ``org`` are both given and differ (as a filter compares
    them: :func:`match_key`): two people, however alike their names."""
    return bool(first and second) and match_key(first or "") != match_key(second or "")


def one_slip_from(name: str, heads: Iterable[Head]) -> list[Head]:
    """The notes of ``heads`` with a title, file name or alias that is ``name`` but for one
    slip (:func:`~journal.core.names.one_slip`: a letter left out, added, changed, or two
    swapped), compared as bare names (:func:`bare_name`): ``Sam Patell`` finds ``Sam
    Patel``."""
    wanted = bare_name(name)
    return [
        h
        for h in heads
        if any(one_slip(wanted, bare_name(n)) for n in (h.title, h.stem, *h.aliases))
    ]


def _no_alias(key: str) -> Sequence[str]:
    return ()


class NoteList:
    """A :class:`NoteSource` over notes already parsed."""

    def __init__(self, notes: Iterable[Note]) -> None:
        self.notes = sorted(notes, key=lambda n: n.path)

    def heads(self) -> Sequence[NoteHead]:
        return self.notes

    def paths(self) -> Sequence[str]:
        return [n.path for n in self.notes]

    def has(self, path: str) -> bool:
        return path in self._path_set

    def copy_named(self) -> Sequence[str]:
        return copy_like(self.paths())

    def present(self, paths: Collection[str]) -> set[str]:
        return {path for path in paths if path in self._path_set}

    def unreadable(self) -> Sequence[NoteHead]:
        return [n for n in self.notes if not n.readable]

    def heads_in(self, folder: str, kind: str | None) -> Sequence[NoteHead]:
        inside = f"{folder}/" if folder else ""
        return [n for n in self.notes if n.path.startswith(inside) and kind in (None, n.kind)]

    def ids(self) -> Sequence[tuple[str, str]]:
        return [(n.path, n.id) for n in self.notes if n.id]

    def load(self, *, kind: str | None = None, paths: Collection[str] | None = None) -> list[Note]:
        return [
            n
            for n in self.notes
            if (kind is None or n.kind == kind) and (paths is None or n.path in paths)
        ]

    def records(self, kind: str, path: str | None = None) -> list[Any]:
        return [
            typed_record(n)[0]
            for n in self.notes
            if n.kind == kind and n.readable and path in (None, n.path)
        ]

    def inline_checkins(self) -> list[tuple[str, CheckIn]]:
        return [item for note in self.notes for item in inline_checkins(note)]

    def diagnostics(self, kinds: Collection[str] | None = None) -> list[Diagnostic]:
        return [d for n in self.notes if kinds is None or n.kind in kinds for d in n.diagnostics]

    def unresolved_links(self, kinds: Collection[str]) -> list[tuple[str, str, NoteLink]]:
        resolve = LinkResolver(lambda name: self._names[0].get(name, ()), self.aliased)
        return [
            (n.path, n.kind, link)
            for n in self.notes
            if n.readable and n.kind in kinds
            for link in n.links
            if resolve(link.target, n.path) is None
        ]

    def backlinks(self, paths: Collection[str]) -> Mapping[str, Sequence[str]]:
        resolve = LinkResolver(lambda name: self._names[0].get(name, ()), self.aliased)
        wanted, found = set(paths), dict[str, list[str]]()
        for n in self.notes:
            for path in dict.fromkeys(resolve(link.target, n.path) for link in n.links):
                if path in wanted and path != n.path:
                    found.setdefault(path, []).append(n.path)
        return found

    def fields(self, key: str) -> list[tuple[str, date | None, NoteField]]:
        return [
            (n.path, note_date(n), f)
            for n in self.notes
            if n.readable
            for f in n.fields
            if f.key.casefold() == key
        ]

    def property_texts(self, kind: str, key: str) -> list[tuple[str, str]]:
        found = (
            (n.path, codec.plain(n.props.get(key)))
            for n in self.notes
            if n.readable and n.kind == kind
        )
        return [(path, value) for path, value in found if isinstance(value, str)]

    def property_values(self, keys: Collection[str]) -> list[tuple[str, str, Any]]:
        return [
            (n.path, key, codec.plain(value))
            for n in self.notes
            if n.readable
            for key, value in n.props.items()
            if str(key).lower() in keys
        ]

    def named(self, names: Collection[str]) -> Mapping[str, Sequence[str]]:
        return {name: self._names[0][name] for name in names if name in self._names[0]}

    def aliased(self, key: str) -> Sequence[str]:
        return self._names[1].get(key, ())

    def shares_names(self) -> bool:
        return any(len(paths) > 1 for found in self._names for paths in found.values())

    @cached_property
    def _names(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        by_name: dict[str, list[str]] = {}
        by_alias: dict[str, list[str]] = {}
        for note in self.notes:
            by_name.setdefault(fold(note.stem), []).append(note.path)
            for alias in note.aliases:
                by_alias.setdefault(fold(alias), []).append(note.path)
        return by_name, by_alias

    @cached_property
    def _path_set(self) -> frozenset[str]:
        return frozenset(n.path for n in self.notes)


class LeftOut:
    """The one test of what every list leaves out: the sync-conflict copies
    (:func:`is_conflict_copy`) and the notes in the folders ``unlisted``, which can't be
    listed (``chmod 000``; the index keeps what it read of them, as a folder made
    unreadable is no empty one).  The catalog (:class:`_Originals`) and the index's
    counts, errors and search hits leave out what it says."""

    def __init__(self, unlisted: Collection[str] = ()) -> None:
        # every path is under the vault's own folder, "."
        self._under = tuple("" if folder == "." else f"{folder}/" for folder in unlisted)

    def __call__(self, path: str) -> bool:
        return self.unlisted(path) or is_conflict_copy(path)

    def unlisted(self, path: str) -> bool:
        """Whether ``path`` lies in a folder that can't be listed (whether it is still
        there is not known)."""
        return path.startswith(self._under)

    def copy(self, path: str) -> bool:
        """Whether ``path`` is a sync-conflict copy the lists leave out as one (not in a
        folder that can't be listed): ``journal check`` names it (H003)."""
        return not self.unlisted(path) and is_conflict_copy(path)

    def may_hold(self, paths: Sequence[str]) -> bool:
        """Whether any of ``paths`` may be left out: a quick no where there is no folder
        that can't be listed and no name holds one of
        :data:`~journal.core.links.COPY_MARKS`."""
        return bool(self._under) or may_hold_conflict_copies(paths)


def unlisted_records(unlisted: Mapping[str, str]) -> list[dict[str, str]]:
    """The folders that can't be listed, ``unlisted`` (each with the system's reason), as
    ``folder`` and ``reason`` in path order: whatever notes they hold are in no list."""
    return [{"folder": folder, "reason": why} for folder, why in sorted(unlisted.items())]


_T = TypeVar("_T")
_path: Callable[[Any], str] = operator.attrgetter("path")
_first: Callable[[Any], str] = operator.itemgetter(0)


class _Originals:
    """The notes of a :class:`NoteSource` but those every list leaves out
    (:class:`LeftOut`): sync-conflict copies and the notes in folders that can't be
    listed; the one place the catalog leaves them out."""

    def __init__(self, source: NoteSource, unlisted: Collection[str] = ()) -> None:
        self._source = source
        self._out = LeftOut(unlisted)

    def _kept(self, items: Sequence[_T], path_of: Callable[[_T], str]) -> Sequence[_T]:
        """``items`` but those whose path (``path_of``) is left out: all of them, after
        one quick test, where none may be (most vaults)."""
        return self._kept_at(items, list(map(path_of, items)))

    def _kept_at(self, items: Sequence[_T], paths: Sequence[str]) -> Sequence[_T]:
        """:meth:`_kept`, the items' ``paths`` given (in their order)."""
        if not self._out.may_hold(paths):
            return items
        return [item for item, path in zip(items, paths, strict=True) if not self._out(path)]

    def heads(self) -> Sequence[NoteHead]:
        return self._kept(self._source.heads(), _path)

    @cached_property
    def _paths(self) -> tuple[Sequence[str], list[str]]:
        paths = self._source.paths()
        if not self._out.may_hold(paths):
            return paths, []
        kept: list[str] = []
        copies: list[str] = []
        for path in paths:
            if not self._out(path):
                kept.append(path)
            elif self._out.copy(path):
                copies.append(path)
        return kept, copies

    def paths(self) -> Sequence[str]:
        return self._paths[0]

    def has(self, path: str) -> bool:
        return not self._out(path) and self._source.has(path)

    def copies(self) -> list[str]:
        """The paths of the sync-conflict copies, in path order."""
        return self._paths[1]

    def copy_named(self) -> Sequence[str]:
        """The source's, conflict copies included (not those in folders that can't be
        listed)."""
        return [path for path in self._source.copy_named() if not self._out.unlisted(path)]

    def present(self, paths: Collection[str]) -> set[str]:
        return {path for path in self._source.present(paths) if not self._out(path)}

    def unreadable(self) -> Sequence[NoteHead]:
        return self._kept(self._source.unreadable(), _path)

    def heads_in(self, folder: str, kind: str | None) -> Sequence[NoteHead]:
        return self._kept(self._source.heads_in(folder, kind), _path)

    def ids(self) -> Sequence[tuple[str, str]]:
        return self._kept(self._source.ids(), _first)

    def load(self, *, kind: str | None = None, paths: Collection[str] | None = None) -> list[Note]:
        return list(self._kept(self._source.load(kind=kind, paths=paths), _path))

    def records(self, kind: str, path: str | None = None) -> list[Any]:
        return list(self._kept(self._source.records(kind, path), _path))

    def inline_checkins(self) -> list[tuple[str, CheckIn]]:
        found = self._source.inline_checkins()  # their paths without a call for each
        return list(self._kept_at(found, [checkin.path for _target, checkin in found]))

    def diagnostics(self, kinds: Collection[str] | None = None) -> list[Diagnostic]:
        return list(self._kept(self._source.diagnostics(kinds), _path))

    def unresolved_links(self, kinds: Collection[str]) -> list[tuple[str, str, NoteLink]]:
        return list(self._kept(self._source.unresolved_links(kinds), _first))

    def backlinks(self, paths: Collection[str]) -> Mapping[str, Sequence[str]]:
        found = self._source.backlinks(paths)
        return {path: self._kept(linking, str) for path, linking in found.items()}  # str: itself

    def fields(self, key: str) -> list[tuple[str, date | None, NoteField]]:
        return list(self._kept(self._source.fields(key), _first))

    def property_texts(self, kind: str, key: str) -> list[tuple[str, str]]:
        return list(self._kept(self._source.property_texts(kind, key), _first))

    def property_values(self, keys: Collection[str]) -> list[tuple[str, str, Any]]:
        return list(self._kept(self._source.property_values(keys), _first))

    def named(self, names: Collection[str]) -> Mapping[str, Sequence[str]]:
        found = self._source.named(names)
        if not self._out.may_hold([p for paths in found.values() for p in paths]):
            return found
        return {name: [p for p in paths if not self._out(p)] for name, paths in found.items()}

    def aliased(self, key: str) -> Sequence[str]:
        return [p for p in self._source.aliased(key) if not self._out(p)]

    def shares_names(self) -> bool:
        return self._source.shares_names()  # a copy's name is its own: nothing to leave out


class _NotesByPath(Mapping[str, Note]):
    """``catalog.by_path``: notes loaded one by one as they are asked for."""

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self._loaded: dict[str, Note] = {}
        self._known: dict[str, bool] = {}  # paths looked up one by one

    def __getitem__(self, path: str) -> Note:
        note = self._loaded.get(path)
        if note is None:
            if path not in self:
                raise KeyError(path)
            found = self._catalog._source.load(paths=[path])
            if not found:
                raise KeyError(path)
            note = self._loaded[path] = found[0]
        return note

    def __iter__(self) -> Iterator[str]:
        return iter(h.path for h in self._catalog.heads)

    def __len__(self) -> int:
        return len(self._catalog.heads)

    def __contains__(self, path: object) -> bool:
        """From every path when they are loaded, else by a lookup of its own (a
        command asking of a few paths does not load 10,000)."""
        loaded = self._catalog.__dict__
        if "paths" in loaded or "heads" in loaded or not isinstance(path, str):
            return path in self._catalog.paths
        known = self._known.get(path)
        if known is None:
            known = self._known[path] = self._catalog._source.has(path)
        return known

    def remember(self, notes: Iterable[Note]) -> None:
        for note in notes:
            self._loaded.setdefault(note.path, note)


#: The most goals a way between goals is named by (:meth:`Catalog.named_way`).
WAY_NAMED = 8


class Catalog:
    """All notes of a vault, sorted by path, with the lookups commands need.

    ``today`` (when given) keeps meetings dated after it out of the goals that
    count their meetings (``metric_source: meetings``).  ``follow_up_days`` (``[networking]
    follow_up_days``) dates the follow-up a meeting owes without ``follow_up_by``
    (:func:`~journal.core.networking.imply_follow_up`).  ``folders`` (the vault's
    ``[folders]`` goal, meeting and contact, by kind: vault paths, "" for its own folder)
    hold notes meant as those (:meth:`meant_as`).  ``unlisted``: the folders the vault's
    listing could not list (``chmod 000``), each with why: whatever notes they hold are
    in no list of this catalog; ``offline``: the notes iCloud keeps only online, in none
    either.
    Sync-conflict copies (:func:`is_conflict_copy`) are never data: no goal,
    check-in, meeting, contact, lookup, link or diagnostic comes from them (the
    source is read through :class:`_Originals`); only :attr:`conflict_copies` lists
    them, for ``journal check``.
    """

    def __init__(
        self,
        notes: Iterable[Note] = (),
        *,
        source: NoteSource | None = None,
        today: date | None = None,
        follow_up_days: int = Networking.follow_up_days,
        folders: Mapping[str, str] | None = None,
        unlisted: Mapping[str, str] | None = None,
        offline: Sequence[str] = (),
    ) -> None:
        self.today = today
        self.follow_up_days = follow_up_days
        self.folders = dict(folders or {})
        self.unlisted = dict(sorted((unlisted or {}).items()))
        self.offline = list(offline)
        self.by_path = _NotesByPath(self)
        self._source = _Originals(source if source is not None else NoteList(notes), self.unlisted)
        if source is None:
            self.__dict__["notes"] = self._source.load()
            self.by_path.remember(self.notes)
        self._lookups: tuple[dict[str, Sequence[str]], dict[str, Sequence[str]]] = ({}, {})
        self._goal_words: dict[str, str] = {}
        self._links: dict[tuple[str, str | None, str | None], str] = {}  # link_to's
        #: What counting each goal's value worked out, by path (:meth:`counted`).
        self._counted_parts: dict[str, tuple[Goal, Counted]] = {}
        self._resolvers = {  # the source leaves out the conflict copies (_Originals)
            True: LinkResolver(self._named, self._aliased, lambda: self.may_tie, copies=False),
            False: LinkResolver(self._named, _no_alias, lambda: self.may_tie, copies=False),
        }

    @cached_property
    def notes(self) -> list[Note]:
        """Every note, parsed, in path order (sync-conflict copies left out)."""
        notes = self._source.load()
        self.by_path.remember(notes)
        return notes

    @cached_property
    def heads(self) -> Sequence[NoteHead]:
        """Every note's path, kind, id, title and aliases, in path order (sync-conflict
        copies left out)."""
        return self._source.heads()

    @property
    def conflict_copies(self) -> list[str]:
        """The paths of the sync-conflict copies, in path order: ``journal check``
        reports them, nothing else reads them."""
        return self._source.copies()

    def heads_of(self, kind: str) -> Sequence[NoteHead]:
        """The readable notes of one kind, light, in path order (no sync-conflict copies):
        from :attr:`heads` when they are loaded, else by themselves."""
        heads = self.heads if "heads" in self.__dict__ else self._source.heads_in("", kind)
        return [h for h in heads if h.kind == kind and h.readable]

    def ids(self) -> set[str]:
        """Every note's ``id`` (sync-conflict copies left out): from :attr:`heads` when
        they are loaded, else alone."""
        if "heads" in self.__dict__:
            return {h.id for h in self.heads if h.id}
        return {id_ for _path, id_ in self._source.ids()}

    @cached_property
    def paths(self) -> frozenset[str]:
        """Every note's path (sync-conflict copies left out): from the heads when they
        are loaded, else alone."""
        if "heads" in self.__dict__:
            return frozenset(h.path for h in self.heads)
        return frozenset(self._source.paths())

    @cached_property
    def goals(self) -> list[Goal]:
        """The typed goals of every readable goal note, in path order (of the paths
        :func:`composed`: a name a Mac wrote decomposed is where it is once renamed), each
        with its log's check-ins plus the ``progress::`` check-ins other notes hold for
        it, and its value on ``today``: the file's ``current`` plus those check-ins
        (:func:`~journal.core.series.current_value`; ``file_current`` keeps the file's)."""
        goals = self._counted(self._source.records("goal"), self._source.inline_checkins())
        return _composed_order(goals)

    def supporters(self, goal: Goal) -> list[Goal]:
        """The goals whose ``supports`` or ``feeds`` links to ``goal``, in path order."""
        return self._supporters.get(goal.path, [])

    @cached_property
    def _supporters(self) -> dict[str, list[Goal]]:
        """The goals supporting or feeding each goal, by its path (found once asked)."""
        found: dict[str, list[Goal]] = {}
        for goal in self.goals:
            links = {self.counted_path(link.target, goal.path) for link in goal.supports}
            links |= {self.counted_path(link.target, goal.path) for link in goal.feeds}
            for path in sorted(p for p in links if p is not None and p != goal.path):
                found.setdefault(path, []).append(goal)
        return found

    def way_between(self, start: str, end: str) -> list[str] | None:
        """The shortest way from the goal at ``start`` to the one at ``end`` along the
        links that count (a goal to each goal it supports or feeds: :meth:`supporters`),
        as their paths, both ends included (the first in path order of those as short);
        None when there is none.  ``start`` equal to ``end``: the way back to it, through
        other goals."""
        came_from: dict[str, str] = {}
        frontier = [start]
        while frontier:
            reached = []
            for path in frontier:
                for target in self._leads.get(path, ()):
                    if target == end:
                        way = [path]
                        while way[-1] != start:
                            way.append(came_from[way[-1]])
                        return [*reversed(way), end]
                    if target not in came_from and target != start:
                        came_from[target] = path
                        reached.append(target)
            frontier = reached
        return None

    def named_way(self, way: Sequence[str], source: str) -> str:
        """``way`` (paths, :meth:`way_between`) as links from the note at ``source``
        joined by arrows; of a way longer than :data:`WAY_NAMED` goals, its first ones
        and its last two, with how many are left out between."""
        if len(way) > WAY_NAMED:
            left = f"({len(way) - WAY_NAMED} more)"
            named = [*(self.link_to(p, source) for p in way[: WAY_NAMED - 2]), left]
            named += [self.link_to(p, source) for p in way[-2:]]
        else:
            named = [self.link_to(p, source) for p in way]
        return " -> ".join(named)

    @cached_property
    def _leads(self) -> dict[str, list[str]]:
        """Each goal's paths of the goals it supports or feeds (links that count), in
        path order."""
        found: dict[str, list[str]] = {}
        for goal in self.goals:
            for source in self.supporters(goal):
                if source.path != goal.path:
                    found.setdefault(source.path, []).append(goal.path)
        return found

    def _counted(self, goals: list[Goal], checkins: list[tuple[str, CheckIn]]) -> list[Goal]:
        """``goals`` with the check-ins of ``checkins`` that count for each, and their
        values (:attr:`goals`)."""
        by_path = {g.path: g for g in goals}
        self._look_up_names(map(name_key, {target for target, _checkin in checkins}))
        counted_path = self._resolvers[True].counted  # as self.counted_path, a call less
        for target, checkin in checkins:
            path = counted_path(target, checkin.path)
            goal = by_path.get(path) if path is not None else None
            if goal is not None and checkin.path != goal.path:
                goal.checkins.append(checkin)
        for goal in goals:
            if goal.metric_source == "meetings":
                self._count_meetings(goal)
            path = goal.path
            goal.checkins.sort(key=lambda c: (c.day, c.path != path, c.path, c.line))
            goal.current, parts = counted_value(goal, self.today)
            if parts is not None:
                self._counted_parts[goal.path] = (goal, parts)
        return goals

    def counted(self, goal: Goal, today: date | None) -> Counted | None:
        """What counting ``goal``'s value worked out (:func:`counted_value`), for its
        series on ``today`` (:func:`~journal.core.series.value_series`): None for
        another day, or a goal not typed by this catalog (a copy changed since).  For a
        goal as typed: one changed in place since (a check-in added) must not ask."""
        found = self._counted_parts.get(goal.path)
        if found is None or found[0] is not goal or today != self.today:
            return None
        return found[1]

    def checkins_naming(self, path: str) -> list[CheckIn]:
        """The ``progress::`` check-ins whose link goes to a note made at ``path`` since
        the catalog was read (its name is no other note's: see ``new_note.free_path``)."""
        key = name_key(path)

        def named(name: str) -> list[str]:
            return [path] if name == key else []

        return [
            checkin
            for target, checkin in self._source.inline_checkins()
            if name_key(target) == key
            and resolve_link(target, named, lambda _key: (), checkin.path)
        ]

    def counted_path(self, target: str, source: str) -> str | None:
        """The note a link that decides what counts (a ``progress::`` field's, a
        meeting's ``goal`` or ``with``) is to from the note at ``source``: the one
        :meth:`resolve_path` finds, or None when it is one of notes the link can't choose
        between (:meth:`link_ties`): it counts for none of them (H010, H020 say so)."""
        return self._resolvers[True].counted(target, source)

    def _count_meetings(self, goal: Goal) -> None:
        """A goal with ``metric_source: meetings``: its value is baseline plus the
        meetings that count for it, each a +1 check-in (one that came to nothing, for an
        outcome goal, a check-in with no value: :func:`meeting_checkin`); ``current`` in
        its file, values in its log and in ``progress::`` fields are ignored (dated notes
        stay)."""
        linked = self.meetings_for(goal.path)
        held = (meeting_checkin(goal, m, self.today) for m in linked)
        goal.checkins = [c for c in goal.checkins if c.op is None] + [c for c in held if c]
        goal.file_current = None

    def meetings_for(self, path: str) -> list[Meeting]:
        """The meetings whose ``goal`` links to the note at ``path``, in path order."""
        return self._meetings_by_goal.get(path, [])

    def last_meeting_for(self, goal: Goal, after: date | None, until: date) -> Meeting | None:
        """The last meeting whose ``goal`` links to ``goal``, dated after ``after`` (None:
        any day) and not after ``until``: what a goal quiet since ``after`` had done for
        it, whose outcome a check-in would record.  For a goal counting its meetings,
        whose log takes no value, only one that waits for its ``outcome``
        (:func:`without_outcome`): filling that in is the check-in, and any other it
        counts is one already."""
        meetings = self.meetings_for(goal.path)
        if goal.metric_source == "meetings":
            meetings = without_outcome(goal, meetings, until)
        held = [
            m
            for m in meetings
            if m.day is not None and (after is None or after < m.day) and m.day <= until
        ]
        return max(held, key=lambda m: (m.day, m.path), default=None)

    @cached_property
    def _meetings_by_goal(self) -> dict[str, list[Meeting]]:
        """Meetings by the path of the note their ``goal`` links to."""
        found: dict[str, list[Meeting]] = {}
        for meeting in self.meetings:
            target = self.counted_path(meeting.goal.target, meeting.path) if meeting.goal else None
            if target is not None:
                found.setdefault(target, []).append(meeting)
        return found

    @cached_property
    def contacts(self) -> list[Contact]:
        """The typed contacts, in path order (composed, as :attr:`goals`)."""
        contacts: list[Contact] = self._source.records("contact")
        return _composed_order(contacts)

    @cached_property
    def meetings(self) -> list[Meeting]:
        """The typed meetings, in path order (composed, as :attr:`goals`), a follow-up
        owed without ``follow_up_by`` dated
        (:func:`~journal.core.networking.imply_follow_up`)."""
        meetings: list[Meeting] = self._source.records("meeting")
        for meeting in meetings:
            imply_follow_up(meeting, self.follow_up_days)
        return _composed_order(meetings)

    def people_of(self, meeting: Meeting) -> list[Note]:
        """The contact notes a meeting's ``with`` links resolve to (:meth:`counted_path`)."""
        found = (self.counted_path(link.target, meeting.path) for link in meeting.people)
        notes = (self.by_path.get(path) for path in found if path is not None)
        unique = {n.path: n for n in notes if n is not None and n.kind == "contact"}
        return list(unique.values())

    @cached_property
    def _contact_paths(self) -> frozenset[str]:
        return frozenset(c.path for c in self.contacts)

    def not_a_contact(self, target: str, source: str) -> tuple[str, str] | None:
        """Why a meeting at ``source`` whose ``with`` links ``[[target]]`` counts for no
        contact, and the fix, when the link finds a note that is none (a goal, a plain
        note, one that can't be read); None when it finds a contact, no note, or notes
        it can't choose between (:meth:`counted_path`: H020 tells of those)."""
        found = self.counted_path(target, source)
        if found is None or found in self._contact_paths:
            return None
        note = self.by_path.get(found)
        if note is None:  # found as Obsidian finds it, where journal reads no note
            return (
                f"[[{target}]] is {found}, a note journal does not read (in a template folder "
                "or [vault] exclude), not a contact: the meeting counts for no contact",
                "link the person's contact note by its path",
            )
        if not note.readable:  # its own H004 says why: not "a contact note, not a contact"
            return (
                f"[[{target}]] is {found}, which can't be read: the meeting counts for no "
                "contact until it can",
                f"fix {found} (H004 says what is wrong with it)",
            )
        what = "a plain note" if note.kind == "note" else f"a {note.kind} note"
        return (
            f"[[{target}]] is {found}, {what}, not a contact: the meeting counts for no contact",
            "give that note `type: contact` if it is theirs",
        )

    def link_to(self, path: str, source: str | None = None, *, title: str | None = None) -> str:
        """A wikilink that resolves to the note at ``path`` (from the note at
        ``source``, by default the one :meth:`linking_from` names): ``[[File name]]``,
        or the path when another note would win, or ties with it (:meth:`link_ties`).
        ``title``: the note's, shown as the link's text when it is not its file name (a
        title a file can't be named as: ``[[2026-12-04 Chat HR People|Chat: HR/People]]``;
        :func:`~journal.core.links.display_text`).  Kept once made: a review links the
        same few hundred notes some 1,800 times."""
        source = source if source is not None else self._link_source
        made = self._links.get((path, source, title))
        if made is not None:
            return made
        target = self.link_target(path, source)
        shown = composed(display_text(title)) if title else None
        if not shown or shown == composed(path.rsplit("/", 1)[-1][:-3]):
            made = f"[[{target}]]"
        else:
            made = f"[[{target}|{shown}]]"
        self._links[(path, source, title)] = made
        return made

    def titled_link(self, path: str) -> str:
        """:meth:`link_to` the note at ``path``, showing the title of the contact or
        meeting there when it is not its file name (a meeting's ``title`` property, not
        the name its file gives it): how the review links them."""
        return self.link_to(path, title=self._titles.get(path))

    @cached_property
    def _titles(self) -> dict[str, str]:
        titles = {contact.path: contact.title for contact in self.contacts}
        titles.update((m.path, m.title) for m in self.meetings if "title" in m.lines)
        return titles

    def link_target(self, path: str, source: str | None = None) -> str:
        """The target of :meth:`link_to`'s link: ``File name``, or the path (no ``.md``),
        composed (:func:`~journal.core.links.composed`: links find names in any form)."""
        source = source if source is not None else self._link_source
        stem = path.rsplit("/", 1)[-1][:-3]
        target = self.resolve_path(stem, source)
        if target is None or (target == path and not self.link_ties(stem, source)):
            return composed(stem)
        return composed(path[:-3])

    def relinked(self, text: str, source: str) -> str:
        """``text`` copied from the note at ``source`` into the note :meth:`linking_from`
        names, each wikilink (and embed) in it written so that it resolves there to the
        note it resolves to from ``source``, as Obsidian resolves (never by alias):
        ``[[Budget]]`` beside ``goals/Budget.md`` as ``[[goals/Budget|Budget]]``, keeping
        its heading and display text.  A link to no note, or to the same one from both
        (and to no other: :meth:`link_ties`), stays as written.  A markdown link or
        image with a relative path is written from the other folder
        (:func:`moved_destination`): ``[plan](../../Areas/Plan.md)`` in
        ``Journal/Daily/`` is ``[plan](../Areas/Plan.md)`` in ``reviews/``."""

        here = self._link_source

        def moved(link: Link) -> Link | None:
            path = self.resolve_path(link.target, source, by_alias=False)
            if path is None or (
                path == self.resolve_path(link.target, here, by_alias=False)
                and not self.link_ties(link.target, here, by_alias=False)
            ):
                return None
            shown = link.alias or (None if link.embed else link.target or None)
            return link._replace(target=self.link_target(path), alias=shown)

        def found(name: str) -> str | None:
            return self.resolve_path(name, source, by_alias=False)

        text = replace_links(text, moved)
        if "](" not in text or posixpath.dirname(source) == posixpath.dirname(here or ""):
            return text  # a markdown link reaches the same file from the same folder
        return replace_markdown_links(
            text, lambda written: moved_destination(written, source, here or "", found)
        )

    _link_source: str | None = None

    @contextlib.contextmanager
    def linking_from(self, source: str) -> Iterator[None]:
        """Make the links of :meth:`link_to` resolve from the note at ``source`` inside
        (a weekly review in Obsidian's weekly folder, next to a note of a goal's name:
        Obsidian resolves a link from the linking note's folder first)."""
        before, self._link_source = self._link_source, source
        try:
            yield
        finally:
            self._link_source = before

    def of_kind(self, kind: str) -> list[Note]:
        """The readable notes of one kind, in path order (no sync-conflict copies)."""
        if "notes" in self.__dict__:
            return [n for n in self.notes if n.kind == kind and n.readable]
        notes = self._source.load(kind=kind)
        self.by_path.remember(notes)
        return [n for n in notes if n.readable]

    def each_note(self, kind: str | None = None) -> Iterator[Note]:
        """Every note (of ``kind``), parsed, in path order (no sync-conflict copies), read
        :data:`CHUNK` paths at a time and kept by nobody: for a command that goes through
        them once (``list --type all --json`` held 50,000 notes whole, 330 MB)."""
        if "notes" in self.__dict__:
            yield from (n for n in self.notes if kind is None or n.kind == kind)
            return
        if kind is None:
            paths = self._source.paths()
        else:
            paths = [h.path for h in self._source.heads_in("", kind)]
        for start in range(0, len(paths), CHUNK):
            yield from self._source.load(paths=paths[start : start + CHUNK])

    @cached_property
    def diagnostics(self) -> Sequence[Diagnostic]:
        """Every note's problems, in path order (read once: rules and reports each ask).
        An empty note's hint (``empty``: a sync truncated it, or is writing it) is an
        error where its folder means it as a goal (:meth:`_emptied`)."""
        return tuple(
            replace(d, severity="error") if self._emptied(d) else d
            for d in self._source.diagnostics()
        )

    def _emptied(self, d: Diagnostic) -> str | None:
        """ "goal" when ``d`` is the ``empty`` hint of a note in the goal folder
        (:func:`meant_as`); else None: an empty note elsewhere - a meeting or contact
        just made and not yet written (Obsidian's ``Untitled.md``), a daily note - has no
        goal to lose."""
        kind = meant_as("note", d.path, self.folders) if d.code == "empty" else None
        return kind if kind == "goal" else None

    def diagnostics_of(self, kinds: Collection[str]) -> list[Diagnostic]:
        """The problems of the notes of ``kinds``, in path order."""
        return self._source.diagnostics(kinds)

    @property
    def goal_folder(self) -> str:
        """The vault path of the goal folder ("" for the vault's own, or not known)."""
        return self.folders.get("goal", "")

    def meant_as(self, head: NoteHead) -> str | None:
        """The kind a note is meant as (see :func:`meant_as`)."""
        return meant_as(head.kind, head.path, self.folders)

    @cached_property
    def not_goals(self) -> list[Diagnostic]:
        """A warning for each readable note in the goal folder that is not a goal, nor a
        meeting, contact, review or plan (a ``type: goals``, a ``Type:`` key, no front
        matter): meant as a goal (:meth:`meant_as`), it is in no list of goals.  Saying
        why, at its ``type`` line, else line 1 (the fix: :meth:`typing_fix`)."""
        found = []
        for note in self._plain_notes_in("goal"):
            key = _type_key(note.props)
            found.append(
                Diagnostic(
                    note.path,
                    note.key_lines.get(key, 1) if key is not None else 1,
                    f"not read as a goal: {_why_not('goal', note.props, key)}",
                    "warning",
                    "not-goal",
                )
            )
        return found

    def typing_fix(self, kind: str, path: str) -> str:
        """How the note at ``path``, in the ``kind`` folder and not read as one
        (:attr:`not_goals`, :attr:`untyped`), is: its ``type`` line, in a front matter
        block when it has none (a ``type:`` line alone is body text), or out of there."""
        write = f"write `type: {kind}`," if self.by_path[path].props else front_matter(kind) + ";"
        return f"{write} or move the note out of the {kind} folder"

    @cached_property
    def mistyped(self) -> list[tuple[str, Diagnostic]]:
        """(kind, warning) for each readable note in the meeting or people folder whose `type`
        is a slip for that folder's kind (``type: meetng``, ``type: meetings``, ``Type:
        meeting``): read as a plain note, its follow-up or contact is in no list.  Notes
        there with another ``type`` are the user's own; those with none, :attr:`untyped`."""
        found: list[tuple[str, Diagnostic]] = []
        for kind, notes in self._networking_notes.items():
            for note in notes:
                key = _type_key(note.props)
                if key is not None and _slip_for(kind, key, note.props[key]):
                    why = f"not read as a {kind}: {_why_not(kind, note.props, key)}"
                    at = note.key_lines.get(key, 1)
                    found.append((kind, Diagnostic(note.path, at, why, "warning", "mistyped")))
        return found

    @cached_property
    def untyped(self) -> list[tuple[str, Diagnostic]]:
        """(kind, warning) for each readable note in the meeting or people folder with no
        `type` key (no front matter too), as a goal folder's (:attr:`not_goals`): a
        meeting or contact from before journal is in no list until it is typed."""
        return [
            (kind, Diagnostic(note.path, 1, f"not read as a {kind}: {why}", "warning", "untyped"))
            for kind, notes in self._networking_notes.items()
            for note in notes
            if _type_key(note.props) is None and (why := _why_not(kind, note.props, None))
        ]

    @cached_property
    def _networking_notes(self) -> dict[str, list[Note]]:
        """The plain notes of the meeting and people folders (:meth:`_plain_notes_in`),
        loaded once for :attr:`mistyped` and :attr:`untyped`."""
        return {kind: self._plain_notes_in(kind) for kind in ("meeting", "contact")}

    def _plain_notes_in(self, kind: str) -> list[Note]:
        """The readable plain notes (kind ``note``) that their folder means as ``kind``
        (:meth:`meant_as`), loaded in one go, in path order: not the vault's own folder's
        (it would mean every note), nor a note whose ``---`` block is not read as
        properties (that warning, ``front-matter``, says why), nor an empty one (a note
        just made: ``empty``, quiet), nor a plugin's file (a Kanban board, a drawing:
        :func:`plugin_file`)."""
        folder = self.folders.get(kind, "")
        if not folder:
            return []
        told = {d.path for d in self.diagnostics if d.code in ("front-matter", "empty")}
        paths = [
            h.path
            for h in self._source.heads_in(folder, "note")  # not every note's (`list`)
            if h.readable and h.path not in told and self.meant_as(h) == kind
        ]
        notes = self._source.load(paths=paths) if paths else []
        return sorted((n for n in notes if not plugin_file(n.props)), key=lambda n: n.path)

    @cached_property
    def unreadable_notes(self) -> list[tuple[str, Diagnostic]]:
        """(kind, why) for each error of a note meant as a goal, meeting or contact
        (:meth:`meant_as`) that can't be read, or is empty, in path order: it is in no
        list of its kind, so what reads them says so."""
        heads = self.heads if "heads" in self.__dict__ else self._source.unreadable()
        broken = {h.path: kind for h in heads if not h.readable and (kind := self.meant_as(h))}
        return [
            (kind, d)
            for d in self.diagnostics
            if d.severity == "error" and (kind := broken.get(d.path) or self._emptied(d))
        ]

    def copy_records(self, rules: Collection[str] = COPY_RULES) -> list[dict[str, str]]:
        """The copies of notes ``status`` and the review name, as ``path``, ``original``,
        ``rule`` (of ``rules``, the check's rule on them) and ``message``, in path order:
        each sync-conflict copy, left out (H003); each note whose name writes an accent
        apart beside the note of that name written composed, two notes each counted
        (H018); each note named as a second copy of the note beside it, what the two hold
        counting twice (H019: a sync tool's ``daily/2026-12-09 (1).md``), when one of them
        holds something counted (:meth:`counted_copies`)."""
        marked = self._source.copy_named()
        originals = {p: o for p in marked if (o := conflict_original(p)) is not None}
        kept = [p for p in marked if p not in originals]
        found: list[tuple[str, str, str, str]] = []
        if "H003" in rules and originals:
            there = self._source.present(set(originals.values()))
            for path, original in originals.items():
                found.append((path, original, "H003", _conflict_message(path, original, there)))
        if "H018" in rules:
            found += [
                (
                    path,
                    nfc,
                    "H018",
                    f"{nfc} is spelled two ways (Unicode NFC and NFD): two "
                    "notes, each counted; keep one",
                )
                for path, nfc in spelled_apart(kept, self._source.present)
            ]
        if "H019" in rules:
            found += [
                (
                    path,
                    original,
                    "H019",
                    f"{path} looks like a copy of {original} made by a "
                    "sync tool: what it holds (check-ins, follow-ups) counts twice; delete it if "
                    "it is one",
                )
                for path, original, counts in self.counted_copies(
                    named_copies(kept, self._source.present)
                )
                if counts
            ]
        keys = ("path", "original", "rule", "message")
        return [dict(zip(keys, record, strict=True)) for record in sorted(found)]

    def counted_copies(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, str, bool]]:
        """Each (copy, original) of ``pairs`` (:func:`~journal.core.links.named_copies`)
        with whether either note holds something journal counts: it is a goal, meeting or
        contact, or holds a ``progress::`` field.  Only then does a copy count twice."""
        paths = {path for pair in pairs for path in pair}
        counting = {
            note.path
            for note in (self._source.load(paths=paths) if paths else ())
            if note.kind in MEANT_KINDS or any(f.key.casefold() == INLINE_KEY for f in note.fields)
        }
        return [(copy, original, bool({copy, original} & counting)) for copy, original in pairs]

    def unlisted_records(self) -> list[dict[str, str]]:
        """The folders the listing could not list (:attr:`unlisted`): see
        :func:`unlisted_records`."""
        return unlisted_records(self.unlisted)

    def unreadable_records(self, kinds: Collection[str] = MEANT_KINDS) -> list[dict[str, Any]]:
        """Each note meant as one of ``kinds`` that can't be read (:attr:`unreadable_notes`),
        in path order, as ``kind``, ``path``, ``line`` and ``reason`` (its first error):
        every list of that kind leaves it out.  A meeting's has ``counts_for`` too: the
        goals whose count it is missing from (:attr:`unread_meetings`), as ``path`` and
        ``title``."""
        first: dict[str, dict[str, Any]] = {}
        for kind, d in self.unreadable_notes:
            if kind in kinds and d.path not in first:
                first[d.path] = {"kind": kind, "path": d.path, "line": d.line, "reason": d.message}
                if kind == "meeting":
                    counted = self.unread_meetings.get(d.path, ())
                    goals = self.goals if counted else []
                    first[d.path]["counts_for"] = [
                        {"path": g.path, "title": g.title} for g in goals if g.path in counted
                    ]
        return list(first.values())

    @cached_property
    def unread_meetings(self) -> dict[str, list[str]]:
        """By the path of each meeting note that can't be read, the goals counting their
        meetings (``metric_source: meetings``) it may be missing from, by path: the one
        the ``goal:`` line its text holds links to (the parser keeps it as ``goal``), or
        every active one when that line is no link."""
        paths = {d.path for kind, d in self.unreadable_notes if kind == "meeting"}
        if not paths:  # the usual case: nothing to load
            return {}
        counting = {g.path: g for g in self.goals if g.metric_source == "meetings"}
        found: dict[str, list[str]] = {}
        for note in self._source.load(paths=paths):
            written = note.props.get("goal")
            try:
                link = coerce(MEETING_FIELDS["goal"], written) if written else None
            except FieldError:  # can't be known: any goal counting meetings
                found[note.path] = [p for p, g in counting.items() if g.status == "active"]
                continue
            path = self.counted_path(link.target, note.path) if link else None
            found[note.path] = [path] if path in counting else []
        return found

    def unread_meetings_of(self, goal: Goal) -> int:
        """How many meeting notes that can't be read may be missing from ``goal``'s count
        (:attr:`unread_meetings`)."""
        return sum(goal.path in paths for paths in self.unread_meetings.values())

    @property
    def unreadable_goals(self) -> list[Diagnostic]:
        """Why each note meant as a goal can't be read (:attr:`unreadable_notes`): what
        every command that reads the goals reports."""
        return [d for kind, d in self.unreadable_notes if kind == "goal"]

    def unresolved_links(self, kinds: Collection[str]) -> list[tuple[str, str, NoteLink]]:
        """(path, kind, link) for each link to no note in the readable notes of ``kinds``."""
        return self._source.unresolved_links(kinds)

    def backlinks(self, paths: Collection[str]) -> Mapping[str, Sequence[str]]:
        """For each of ``paths`` that other notes link to, their paths, in path order."""
        return self._source.backlinks(paths)

    def fields(self, key: str) -> list[tuple[str, date | None, NoteField]]:
        """(path, day, field) for each inline field ``key::`` of a readable note."""
        return self._source.fields(key)

    def property_texts(self, kind: str, key: str) -> list[tuple[str, str]]:
        """(path, text) for each readable note of ``kind`` whose ``key`` holds text."""
        return self._source.property_texts(kind, key)

    def property_values(self, keys: Collection[str]) -> list[tuple[str, str, Any]]:
        """(path, key, value) for each property named one of ``keys`` (in lower case:
        Obsidian's names ignore case) of a readable note, in path order."""
        return self._source.property_values(keys)

    def goal_at(self, path: str) -> Goal:
        """The goal at ``path``, as :attr:`goals` has it: from them when they are typed,
        else typed alone, with the ``progress::`` check-ins whose link may name it (by
        its file name or an alias) resolved (a command naming one goal typed the 2,000
        of a 50,000-note vault)."""
        if "goals" in self.__dict__:
            found = [goal for goal in self.goals if goal.path == path]
        else:
            found = self._source.records("goal", path)
            if found:
                names = {name_key(path), *(fold(a) for a in found[0].aliases)}
                checkins = self._source.inline_checkins()
                self._counted(found, [c for c in checkins if name_key(c[0]) in names])
        if not found:
            raise NotFound(f"{path} is not a readable goal")
        return found[0]

    def find_goal(self, ref: str, *, parts: bool = True, writes: bool = False) -> Goal:
        """A goal by id, path, file name, title or alias (case-insensitive)."""
        return self.goal_at(self.find_note(ref, ("goal",), parts=parts, writes=writes).path)

    def find_note(
        self,
        ref: str,
        kinds: tuple[str, ...] | None = None,
        *,
        parts: bool = True,
        writes: bool = False,
    ) -> Note:
        """A readable note by id, path, file name, title or alias (also written as a
        wikilink), else (with ``parts``) by a unique part of its title, file name or id,
        for a command that ``writes`` only a sure one (:func:`match_head`); a name that
        matches several notes is an error.  The notes meant as one of
        ``kinds`` that can't be used (:meth:`_pool`: front matter that can't be read, or
        is no properties) are looked for with the readable ones, in the same order: the
        one a name finds is an error saying why it can't be used, and one of several a
        name matches is listed saying why.  When none matches, any note that can't be
        used, by its exact file name or path, is that error too."""
        if not ref.strip():
            raise UsageProblem("an empty name matches nothing: name a goal or note")
        pool, unusable = self._pool(kinds)
        try:
            match = self._named_by(pool, ref, parts=parts, writes=writes)
        except Ambiguous as several:
            raise self.ambiguous(ref, several.candidates, kinds) from None
        if match is not None:
            broken = unusable.get(match.path)
            if broken is not None:
                raise Unreadable(broken.message, path=broken.path, line=broken.line)
            return self.by_path[match.path]
        ref = _link_target(ref) or ref  # "[[Dana Ortiz]]" as typed in a note
        wanted = link_key(ref)
        exact = (  # by its file name or path: a note of no kind looked for (the pool's matched)
            self.by_path[path]
            for path in self._named(name_key(ref))
            if wanted in (link_key(path), fold(stem_of(path))) and path in self.by_path
        )
        problem = next(iter(self._problems(exact).values()), None)
        if problem is not None:
            raise Unreadable(problem.message, path=problem.path, line=problem.line)
        linked = self.linked_paths(ref)
        what = listed(kinds, "or") if kinds else "note"
        other = None
        if kinds is not None:  # `journal show "Dana Ortiz"`: the name is a contact's
            others = [h for h in self.heads if h.readable and h.kind not in kinds]
            for kind in (None, "contact"):  # `ortiz`, a part of a contact's name and of
                # the meetings named after her, names the contact
                try:
                    other = match_head(
                        [h for h in others if kind in (None, h.kind)], ref, linked=linked
                    )
                except Ambiguous:  # several: no one note to name
                    other = None
                if other is not None:
                    break
        if other is not None:
            said = [f"{other.path} is a {other.kind}"]  # and why, in the goal folder
            said += [d.message for d in self.not_goals if d.path == other.path]
            if other.kind == "note" and "goal" in (kinds or ()) and len(said) == 1:
                said[0] += f"; to make it a goal, {_made_a_goal(self.by_path[other.path])}"
            raise NotFound(f"no {what} called '{ref}' ({', '.join(said)})")
        close = closest(ref, pool)
        titles = [h.title for h in close]  # the paths of those sharing a title
        names = [h.path if titles.count(h.title) > 1 else h.title for h in close]
        hint = f" (did you mean: {', '.join(names)}?)" if close else ""
        copy = None if hint else next((p for p in self.conflict_copies if _named(p, wanted)), None)
        if copy is not None:
            hint = (
                f" ({copy} is named like a sync client's conflict copy, so it is left out: "
                "rename it to use it)"
            )
        raise NotFound(f"no {what} called '{ref}'{hint}")

    def _pool(self, kinds: tuple[str, ...] | None) -> tuple[list[NoteHead], dict[str, Diagnostic]]:
        """The notes a name is looked for among (:meth:`find_note`), light, in path
        order: the readable notes of ``kinds`` (None: of any) and those meant as one of
        them (:meth:`meant_as`) that can't be used, with why each of these can't
        (:meth:`_problems`): one that can't be read, or one of another kind in their
        folder whose ``---`` block is not read as properties.  As fast as the readable
        ones alone: one test of each note, the folders' notes found by bisection, and
        their problems read only when a note may be such."""
        heads = self._heads_for(kinds)
        pool = [h for h in heads if kinds is None or h.kind in kinds or not h.readable]
        suspects = {h.path: h for h in pool if not h.readable}
        if kinds is not None:  # and the notes of other kinds in their folders
            for folder in {self.folders.get(kind, "") for kind in kinds} - {""}:
                inside = _under(heads, folder)
                suspects.update((h.path, h) for h in inside if h.kind not in kinds)
        unusable = self._problems(
            h
            for h in suspects.values()
            if kinds is None or h.kind in kinds or self.meant_as(h) in kinds
        )
        pool = [h for h in pool if h.readable or h.path in unusable]
        others = [h for h in suspects.values() if h.readable and h.path in unusable]
        return sorted([*pool, *others], key=lambda h: h.path) if others else pool, unusable

    def _heads_for(self, kinds: tuple[str, ...] | None) -> Sequence[NoteHead]:
        """The heads :meth:`_pool` looks at, in path order: every note's when they are
        loaded or ``kinds`` is None, else those of ``kinds``, those that can't be read
        and those in the folders of ``kinds``, by themselves (every note's cost a
        command naming one goal of a 50,000-note vault a quarter of its time)."""
        if kinds is None or "heads" in self.__dict__:
            return self.heads
        found = {h.path: h for h in self._source.unreadable()}
        for kind in kinds:
            found.update((h.path, h) for h in self._source.heads_in("", kind))
        for folder in {self.folders.get(kind, "") for kind in kinds} - {""}:
            found.update((h.path, h) for h in self._source.heads_in(folder, None))
        return sorted(found.values(), key=lambda h: h.path)

    def unusable(self, path: str) -> Diagnostic | None:
        """Why the note at ``path`` can't be used (:meth:`_problems`); None when it can,
        or journal reads no note there.  No note is loaded."""
        broken = any(h.path == path for h in self._source.unreadable())
        return self._why({path: not broken}).get(path)

    def _problems(self, heads: Iterable[NoteHead]) -> dict[str, Diagnostic]:
        """The first problem that makes each note of ``heads`` unusable, by path, for those
        that have one: its front matter can't be read, or is no properties
        (``front-matter``: a ``---`` block that is a list, or empty), or the note is
        empty (``empty``)."""
        return self._why({h.path: h.readable for h in heads})

    def _why(self, readable: Mapping[str, bool]) -> dict[str, Diagnostic]:
        """:meth:`_problems` of the notes at the paths of ``readable``, by whether each
        can be read."""
        if not readable:
            return {}
        why: dict[str, Diagnostic] = {}
        for d in self.diagnostics:
            if d.path in readable and (
                d.code in ("front-matter", "empty")
                or (d.severity == "error" and not readable[d.path])
            ):
                why.setdefault(d.path, d)
        return why

    def _named_by(
        self, pool: Sequence[Head], ref: str, *, parts: bool, writes: bool = False
    ) -> Head | None:
        """The one note of ``pool`` that ``ref`` names (:func:`match_head`); a name in
        ``[[...]]`` is first the link it is: the note of ``pool`` the link resolves to by
        its path or file name, as in Obsidian, when it resolves to one (``[[Budget]]``
        is ``Budget.md``, not a note with the alias or title Budget)."""
        target = _link_target(ref)
        name = target or ref
        if target is not None:
            path = self.resolve_path(target, by_alias=False)
            if path is not None and not self.link_ties(target, by_alias=False):
                found = next((h for h in pool if h.path == path), None)
                if found is not None:
                    return found
        linked = self.linked_paths(name)
        return match_head(pool, name, parts=parts, linked=linked, writes=writes)

    def _names_alone(self, pool: Sequence[NoteHead], ref: str, path: str) -> bool:
        """Whether ``ref``, typed as a command's name of a note, names the note at
        ``path`` alone among ``pool``, also where a part of a name is none."""
        try:
            found = self._named_by(pool, ref, parts=False)
        except Ambiguous:
            return False
        return found is not None and found.path == path

    def _link_end(self, pool: Sequence[NoteHead], path: str) -> str | None:
        """The shortest link to the note at ``path`` by the end of its path that names it
        alone among ``pool`` (``[[work/Plan]]`` for ``goals/work/Plan.md``), or None."""
        words = path.removesuffix(".md").split("/")
        ends = (f"[[{'/'.join(words[start:])}]]" for start in range(len(words) - 1, 0, -1))
        return next((end for end in ends if self._names_alone(pool, end, path)), None)

    def ambiguous(
        self, ref: str, paths: Sequence[str], kinds: tuple[str, ...] | None = None
    ) -> Ambiguous:
        """The error for ``ref``, a name of each note at ``paths`` among those of
        ``kinds`` (:meth:`find_note`): the notes listed by their paths, each that can be
        used with the shortest link by the end of its path that names it alone
        (``[[work/Plan]]``), each that can't with why."""
        pool, unusable = self._pool(kinds)
        why = {path: unusable[path] for path in paths if path in unusable}
        shown = sorted(paths)[: Ambiguous.SHOWN]
        links = {p: end for p in shown if p not in why and (end := self._link_end(pool, p))}
        return Ambiguous(_link_target(ref) or ref, list(paths), links=links, unusable=why)

    def goal_word(self, path: str) -> str:
        """The goal at ``path`` as the ``GOAL`` argument of a command to paste in a
        shell (:func:`shell_word`), one that finds it alone (:meth:`find_goal`): its
        title, else its id, else the shortest link to it by the end of its path
        (``"[[life/Plan]]"``), else its path.  Kept: a check may tell it of every
        check-in of a goal."""
        if path not in self._goal_words:
            pool, named = self._goal_names
            head = pool[path]
            title = head.title
            plain = (  # as typed it is itself: no ".md" or spaces dropped, no option ("-5 kg")
                title == title.strip()
                and not title.lower().endswith(".md")
                and not title.startswith("-")
            )
            if plain and named.get(fold(title), set()) | named.get(link_key(title), set()) <= {
                path
            }:  # its title names it alone: no other goal has it as any name
                word = shell_word(title)
            else:
                heads = list(pool.values())
                names = (
                    n
                    for n in (title, head.id)
                    if n and not n.startswith("-") and self._names_alone(heads, n, path)
                )
                word = shell_word(next(names, None) or self._link_end(heads, path) or path)
            self._goal_words[path] = word
        return self._goal_words[path]

    @cached_property
    def _goal_names(self) -> tuple[dict[str, NoteHead], dict[str, set[str]]]:
        """The goals a name is looked for among by path (:meth:`_pool`: the readable ones
        and those that can't be used), and the goals each name finds among them as
        :func:`match_head` compares names before parts (ids, paths, file names, titles,
        aliases): a title only its own goal has names that goal alone (a check asked it
        of every goal of a 10,000-note vault, each a name looked up among all notes)."""
        pool = {head.path: head for head in self._pool(("goal",))[0]}
        named: dict[str, set[str]] = {}
        for head in pool.values():
            for name in (
                *(fold(x) for x in (head.id or "", head.stem, head.title, *head.aliases)),
                fold(head.path).removesuffix(".md"),
                link_key(head.path),
            ):
                named.setdefault(name, set()).add(head.path)
        return pool, named

    def linked_paths(self, target: str) -> tuple[str, ...]:
        """The notes a wikilink to ``target`` from no note in particular names: the one
        it resolves to (:meth:`resolve_path`), or those it can't choose between."""
        found = self.resolve_path(target)
        return () if found is None else self.link_ties(target) or (found,)

    def resolve_path(
        self, target: str, source: str | None = None, *, by_alias: bool = True
    ) -> str | None:
        """The path of the note a wikilink target points to from the note at
        ``source`` (see :func:`resolve_link`); ``by_alias=False``: as Obsidian
        resolves it, never by an alias.  It may be a note journal does not read, in an
        excluded folder (a template's: :meth:`NoteSource.named`), which
        :attr:`by_path` does not hold."""
        return self._resolvers[by_alias](target, source)

    def link_ties(
        self, target: str, source: str | None = None, *, by_alias: bool = True
    ) -> tuple[str, ...]:
        """The notes a wikilink target can't choose between from the note at ``source``
        (see :func:`link_ties`), in path order; empty when it finds one note, or none."""
        return self._resolvers[by_alias].ties(target, source)

    @cached_property
    def may_tie(self) -> bool:
        """Whether any link can name two notes equally well (two share a name or an
        alias); asked once, and only of a link more than one note may answer to
        (:class:`LinkResolver`), so that a vault where none do pays nothing for ties (H020
        would load every goal note to look at its links)."""
        return self._source.shares_names()

    def _named(self, name: str) -> Sequence[str]:
        if name not in self._lookups[0]:
            self._look_up_names([name])
        return self._lookups[0][name]

    def _look_up_names(self, names: Iterable[str]) -> None:
        """Ask the source at once for the notes of every name not asked for yet."""
        known = self._lookups[0]
        wanted = {name for name in names if name not in known}
        if wanted:
            found = self._source.named(wanted)
            known.update((name, found.get(name, ())) for name in wanted)

    def _aliased(self, key: str) -> Sequence[str]:
        if key not in self._lookups[1]:
            self._lookups[1][key] = self._source.aliased(key)
        return self._lookups[1][key]

    def resolve(self, target: str, source: str | None = None) -> Note | None:
        """The note a wikilink target points to from the note at ``source``: by path,
        file name (one beside ``source`` first, else the shortest path, as in
        Obsidian), then alias; None when it finds none, or one journal does not read
        (in an excluded folder: :meth:`resolve_path`)."""
        path = self.resolve_path(target, source)
        return self.by_path.get(path) if path is not None else None


def _under(heads: Sequence[Head], folder: str) -> Sequence[Head]:
    """The notes of ``heads`` (in path order) in ``folder`` and its subfolders: one run
    of them, from ``folder/`` up to ``folder0`` ("0" follows "/")."""
    start = bisect.bisect_left(heads, f"{folder}/", key=lambda h: h.path)
    return heads[start : bisect.bisect_left(heads, f"{folder}0", start, key=lambda h: h.path)]


def _link_target(ref: str) -> str | None:
    """The target of ``ref`` when it is a wikilink (``[[Dana Ortiz]]``), else None."""
    link = parse_link(ref)
    return link.target if link is not None and link.target else None


def _type_key(props: Mapping[str, Any]) -> str | None:
    """The note's ``type`` key: ``type``, else one in another case (``Type``), else None."""
    typed = (k for k in props if isinstance(k, str) and k.casefold() == "type")
    return "type" if "type" in props else next(typed, None)


def _slip_for(kind: str, key: str, value: Any) -> bool:
    """Whether a ``type`` line (``key: value``) is a slip for ``type: kind``: the key in
    another case, or a value one letter off (``meetng``) or in the plural."""
    if not isinstance(value, str):
        return False
    typed = value.strip().casefold()
    if key != "type":
        return typed == kind
    return typed != kind and one_slip(typed, kind)  # `meetings` too: one letter added


def _why_not(kind: str, props: Mapping[str, Any], key: str | None) -> str:
    """Why a note whose ``type`` key (in any case) is ``key`` is no ``kind``."""
    if not props:
        return f"it has no front matter, so no `type: {kind}`"
    if key is None:
        return f"it has no `type: {kind}`"
    value = props[key]
    if key != "type":
        return f"its key is `{key}`, not `type` (journal reads it in lower case only)"
    if value is None or value == "":
        return f"its `type` is empty, not {kind}"
    shown = f"'{value}'" if isinstance(value, str) else codec.inline_text(value)
    return f"its `type` is {shown}, not {kind}"


_WORDS = lazy(r"[^\W_]+")


def front_matter(kind: str) -> str:
    """How a note with no front matter is made a ``kind``: the block's three lines."""
    return f"add front matter at its top, three lines: `---`, `type: {kind}`, `---`"


def _made_a_goal(note: Note) -> str:
    """How the plain note ``note`` becomes a goal: in its front matter."""
    if not note.props:
        return front_matter("goal")
    written = note.props.get("type")
    if written is None:
        return "add `type: goal` to its front matter"
    return f"change its `type: {written}` to `type: goal`"


def closest(ref: str, pool: Sequence[Head], n: int = 3) -> list[Head]:
    """The ``n`` notes of ``pool`` most like ``ref``, best first: each word of ``ref``
    is matched to the closest word of a note's title, file name or id (so "five HR
    leaderz" finds "Connect with five HR leaders in my industry"), and a note scores the
    mean of those matches; below 0.6 it is no suggestion.  Words are compared once each,
    against the vault's vocabulary, so a vault of any size answers at once."""
    wanted = _WORDS.findall(ref.casefold())
    if not wanted:
        return []
    words_of = [
        (head, set(_WORDS.findall(f"{head.title} {head.stem} {head.id or ''}".casefold())))
        for head in pool
        if head.title.strip()
    ]
    vocabulary: set[str] = set().union(*(words for _head, words in words_of))
    import difflib  # a suggestion for a name that matched nothing

    close: list[dict[str, float]] = []
    for word in wanted:
        matcher = difflib.SequenceMatcher(b=word)
        found = {}
        for candidate in difflib.get_close_matches(word, vocabulary, n=50, cutoff=0.75):
            matcher.set_seq1(candidate)
            found[candidate] = matcher.ratio()
        close.append(found)
    scored = []
    for head, words in words_of:
        score = sum(
            max((r for w, r in found.items() if w in words), default=0.0) for found in close
        )
        if score / len(wanted) >= 0.6:
            scored.append((-score, len(words), head.title, head.path, head))
    return [head for *_rank, head in sorted(scored, key=lambda s: s[:4])[:n]]
