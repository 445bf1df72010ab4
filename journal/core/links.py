"""Obsidian wikilinks: ``[[Target#Heading|Alias]]`` and embeds ``![[Target]]``.

A link ends at the first ``]]`` on its line; a single ``]`` belongs to the
target (``[[Sq]uare]]`` links to ``Sq]uare``) and an inner ``[[`` starts a new
link, as in Obsidian.  Resolution follows Obsidian's ``getFirstLinkpathDest``
(docs/obsidian.md, "Links"): an exact vault path, else a note in the linking
note's folder, else the shortest path; names compare case-insensitively, and of notes
whose paths differ only in case the one the link writes, case and all, wins.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import unquote

from journal.core.records import new_tuple
from journal.core.regex import lazy

_LINK = lazy(r"(!?)\[\[((?:(?!\[\[)[^\n])+?)\]\]")
#: A Markdown link: its text, then its destination in ``<...>`` (spaces allowed) or bare.
_MARKDOWN_LINK = lazy(r"\[([^\[\]\n]*)\]\((?:<([^<>\n]*)>|([^\s()<>]*))\)")
_CONFLICT = lazy(
    # an opening parenthesis (with a pair inside, as an owner's "(Work)"), the words,
    # then any words (a device's name, a date, Dropbox's " (1)"), the closing one
    r"\.sync-conflict-\d{8}-"
    r"|\((?:[^()]|\([^()]*\))*\bconflict(?:ed)? copy\b(?:[^()]|\([^()]*\))*\)"
    r"|\((?:Case |Selective Sync )?Conflict(?: \d+)?\)"
    # OneDrive's: the computer's name ending the name, when it is the name Windows gives
    # one by default (DESKTOP- and 7; LAPTOP- and 7 or 8): exactly, as a shorter one
    # ends ordinary names too (Replace-LAPTOP-X1.md, Build-DESKTOP-APP.md)
    r"|-(?-i:DESKTOP-[A-Z0-9]{7}|LAPTOP-[A-Z0-9]{7,8})(?=\.md$)",
    re.IGNORECASE,
)


class Link(NamedTuple):
    """One wikilink; ``target`` is the note part (may hold a folder path)."""

    target: str
    heading: str | None = None
    alias: str | None = None
    embed: bool = False

    def __str__(self) -> str:
        text = self.target
        if self.heading:
            text += "#" + self.heading
        if self.alias:
            text += "|" + self.alias
        return ("!" if self.embed else "") + f"[[{text}]]"

    @property
    def display(self) -> str:
        return self.alias or self.target.rsplit("/", 1)[-1]


#: What a link's display text can't hold, with the spaces around: ``[`` and ``]`` (``[[``
#: and ``]]`` start and end links), ``|`` (a second display text; a table's cells), ``#``
#: (a tag, to journal's reading of a note) and ``^``.
_NOT_DISPLAYED = lazy(r" *[\[\]|#^][\[\]|#^ ]*")


def display_text(title: str) -> str:
    """``title`` fit to be a wikilink's display text: each run of ``[ ] | # ^`` (and the
    spaces around it) one space, as a file name made of it has (``Q1 [draft] | #hiring``
    shows as ``Q1 draft hiring``)."""
    return _NOT_DISPLAYED.sub(" ", title).strip()


def split_inner(inner: str, embed: bool = False) -> Link | None:
    """A link from the text between ``[[`` and ``]]``."""
    if "|" not in inner and "#" not in inner and "\\" not in inner:  # (most: the name alone)
        target = inner.strip()
        return new_tuple(Link, (target, None, None, embed)) if target else None
    target, _, alias = inner.partition("|")
    target = target.removesuffix("\\")  # [[Note\|alias]]: a pipe escaped in a table
    target, _, heading = target.partition("#")
    target = target.strip()
    if not target and not heading:
        return None
    return new_tuple(Link, (target, heading.strip() or None, alias.strip() or None, embed))


def unquoted_link(value: object) -> str | None:
    """The link an unquoted ``[[Note]]`` in YAML stands for, as text (it loads as a list
    holding a list holding the name, ``[["Note"]]``, alone or as a list's item), or None
    for any other value."""
    if isinstance(value, list) and len(value) == 1:
        inner = value[0]
        if isinstance(inner, list) and len(inner) == 1 and _name_like(inner[0]):
            return f"[[{inner[0]}]]"
    return None


def _name_like(value: object) -> bool:
    """A value YAML made of a note's name: text, or a whole number (``[[2026]]``, a
    yearly note; ``[[007]]`` comes back as ``[[7]]``: YAML kept no more of it)."""
    return isinstance(value, (str, int)) and not isinstance(value, bool)


@lru_cache(maxsize=4096)
def parse_link(text: str) -> Link | None:
    """The link when ``text`` is exactly one wikilink (as in a property value); cached,
    as reading a meeting parses its ``with`` and ``goal`` links three times."""
    match = _LINK.fullmatch(text.strip())
    if match is None:
        return None
    return split_inner(match.group(2), embed=bool(match.group(1)))


def markdown_link(text: str) -> tuple[str, str] | None:
    """(its text, its destination URL-decoded, without a ``#heading``) when ``text`` is
    exactly one Markdown link, as Obsidian writes links with "Use [[Wikilinks]]" off
    (``[Be healthy](Areas/Be%20healthy.md)``, ``[x](<../a b.md>)``), else None."""
    match = _MARKDOWN_LINK.fullmatch(text.strip())
    if match is None:
        return None
    destination = match.group(2) if match.group(2) is not None else match.group(3)
    return match.group(1), unquote(destination).partition("#")[0]


def find_links(text: str) -> list[Link]:
    """Every wikilink in a piece of plain text (no markdown structure considered): what
    ``_LINK.finditer`` finds, by string search (several times faster than the regex,
    which tests every character of a target for a new ``[[``)."""
    return [link for link, _line in links_by_line(text)]


def links_by_line(text: str, first_line: int = 0) -> list[tuple[Link, int]]:
    """Each wikilink :func:`find_links` finds, with the line it is on (``text``'s first
    being ``first_line``)."""
    found = []
    line, counted = first_line, 0  # the line ``counted`` is on
    opened = text.find("[[")
    while opened >= 0:
        start = opened + 2
        end = text.find("]]", start + 1)  # a target has at least one character
        if end < 0:
            break
        target = text[start:end]
        if "[[" in target:  # every "[[" before it holds it, but one that overlaps it
            inner = text.rfind("[[", start, end)
            opened = inner - 1 if text[inner - 1] == "[" else inner
            continue
        if "\n" in target:  # so does every "[[" before the line break
            opened = text.find("[[", text.find("\n", start, end) + 1)
            continue
        link = split_inner(target, opened > 0 and text[opened - 1] == "!")
        if link is not None:
            line += text.count("\n", counted, opened)
            counted = opened
            found.append((link, line))
        opened = text.find("[[", end + 2)
    return found


def replace_links(text: str, change: Callable[[Link], Link | None]) -> str:
    """``text`` with each wikilink (and embed) written as the one ``change`` gives for
    it; one it gives None for, and one that is no link (``[[|x]]``), as written."""

    def one(link: Link | None, written: str) -> str:
        new = change(link) if link is not None else None
        return written if new is None else str(new)

    return links_as(text, one)


def links_as(text: str, shown: Callable[[Link | None, str], str]) -> str:
    """``text`` with each wikilink (and embed) replaced by what ``shown`` makes of it
    and of its text as written (the link is None for ``[[|x]]``, no link)."""

    def one(match: re.Match[str]) -> str:
        return shown(split_inner(match.group(2), embed=bool(match.group(1))), match.group())

    return _LINK.sub(one, text) if "[[" in text else text


#: An inline markdown link or image (``[text](dest "title")``, ``![](<a b.png>)``), up to
#: its destination: in ``<...>``, or without spaces and with parentheses in pairs.
_MARKDOWN_DESTINATION = lazy(
    r"(?<!\\)(!?\[[^\[\]\n]*\]\([ \t]*)"
    r"(<(?:[^<>\n\\]|\\.)*>|(?:[^\s()<>\\]|\\.|\([^\s()]*\))+)"
    r"(?=[ \t]*\)|[ \t]+[\"'(])"
)
#: A URL's scheme (``https:``, ``mailto:``, ``obsidian:``): such a link names no path.
_SCHEME = lazy(r"[A-Za-z][A-Za-z0-9+.-]*:")


def replace_markdown_links(text: str, change: Callable[[str], str | None]) -> str:
    """``text`` with the destination of each inline markdown link and image written as
    ``change`` gives it for the destination as written (``<...>`` included); one it gives
    None for as written.  One in a code span or a wikilink is text, not a link."""
    if "](" not in text:
        return text
    from journal.core.fences import code_spans

    text_spans = [
        *(code_spans(text) if "`" in text else ()),
        *(m.span() for m in _LINK.finditer(text)),
    ]

    def one(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in text_spans):
            return match.group()
        new = change(match.group(2))
        return match.group() if new is None else match.group(1) + new

    return _MARKDOWN_DESTINATION.sub(one, text)


def moved_destination(
    written: str, source: str, here: str, find: Callable[[str], str | None]
) -> str | None:
    """A markdown link's destination ``written`` in the note at ``source``, written to
    reach the same file from the note at ``here`` (None: as written).  Only a relative
    path moves (not ``/...``, a URL, nor ``#heading`` alone), to the note Obsidian finds by
    it (``find``: its path, or None) or else the file the path reaches from ``source``'s
    folder; one that leaves the vault is kept.  Its ``#heading`` or ``?query``, its
    ``<...>``, and the names it wrote as it wrote them (``%20`` or a space) are kept; a
    folder name added is written as the destination writes names (``My%20Notes``)."""
    angle = written.startswith("<")
    inner = written[1:-1] if angle else written
    cut = min((at for at in (inner.find("#"), inner.find("?")) if at >= 0), default=len(inner))
    path, rest = inner[:cut], inner[cut:]
    if not path or path.startswith("/") or _SCHEME.match(path):
        return None
    name = unquote(path)
    target = find(name) or posixpath.normpath(posixpath.join(posixpath.dirname(source), name))
    if target in (".", "..") or target.startswith("../"):
        return None
    steps = _steps(target.split("/"), posixpath.dirname(here))
    kept = path.rstrip("/").split("/")  # the names it ends with, as written
    same = 0
    while (
        same < min(len(steps), len(kept))
        and steps[-1 - same] != ".."
        and unquote(kept[-1 - same]) == steps[-1 - same]
    ):
        same += 1
    added = [_destination_name(step, angle) for step in steps[: len(steps) - same]]
    moved = "/".join(added + kept[len(kept) - same :]) + "/" * path.endswith("/") + rest
    if moved == inner:
        return None
    return f"<{moved}>" if angle else moved


def _destination_name(name: str, angle: bool) -> str:
    """A folder's or file's name as a link's destination writes it: in ``<...>`` as it
    is but for ``<`` and ``>``, escaped; else %-encoded (a space as ``%20``)."""
    if angle:
        return name.replace("<", "\\<").replace(">", "\\>")
    from urllib.parse import quote

    return quote(name, "!$&'*+,;=@~")


def _steps(target: list[str], folder: str) -> list[str]:
    """The names of a relative path from ``folder`` to the vault path ``target``."""
    base = folder.split("/") if folder else []
    common = 0
    while common < min(len(base), len(target) - 1) and base[common] == target[common]:
        common += 1
    return [".."] * (len(base) - common) + target[common:]


def composed(text: str) -> str:
    """``text`` in Unicode NFC, its accents composed (``é``, not ``e`` and U+0301 as macOS
    names files): how names compare, and how journal writes and orders the names, paths
    and links it copies from file names, so a file renamed to another encoding of its
    name changes nothing journal writes."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """A name as links compare it: NFC, lower-cased as JavaScript's ``toLowerCase``
    (so ``ß`` stays ``ß``, unlike ``casefold``)."""
    return composed(text).lower()


def written_key(target: str) -> str:
    """A link target (or a note's path) as written, case kept: NFC, a ``\\`` read as
    ``/``, no ``.md`` (in any case)."""
    text = composed(target.strip().replace("\\", "/"))
    return text[:-3] if text[-3:].lower() == ".md" else text


@lru_cache(maxsize=1 << 16)
def link_key(target: str) -> str:
    """The case-insensitive form a link target is matched by (:func:`written_key`,
    folded); cached, as resolving a vault's links asks for the same few keys again and
    again."""
    return fold(written_key(target))


@lru_cache(maxsize=1 << 16)
def name_key(target: str) -> str:
    """The file-name part of a link target's key: what candidates are looked up by;
    cached too, as every link a build stores asks for its target's."""
    return link_key(target).rsplit("/", 1)[-1]


def resolve_link(
    target: str,
    named: Callable[[str], Sequence[str]],
    aliased: Callable[[str], Sequence[str]],
    source: str | None = None,
) -> str | None:
    """The path a wikilink target points to from the note at ``source``, or None.

    ``named(name)`` gives the paths of notes whose file name (folded, no ``.md``)
    is ``name``; ``aliased(key)`` those with that (folded) alias.  As Obsidian:

    1. a target that is a vault path (``[[Note]]`` for a root ``Note.md``,
       ``[[goals/Note]]``, with or without ``.md``, a leading ``/`` ignored) wins;
       ``./`` and ``../`` are taken from the linking note's folder;
    2. else, among the notes with that name (whose path ends with the target, when
       it has folders), one in the linking note's own folder;
    3. else the one with the shortest path (then the first in path order);
    4. ``[[#Heading]]`` is the linking note itself.

    Of notes a step can't tell apart, whose paths differ only in case (Obsidian takes
    the one it loaded first), the one whose path ends with the target as written, case
    and all, wins: ``[[goals/budget]]`` is ``goals/budget.md``, not ``goals/Budget.md``.
    Notes that differ in more (:func:`link_ties`) get the first in path order.

    Obsidian never resolves a link by alias; ``journal`` does, as a last resort
    for a bare name (``journal check`` hints at such links, H009).
    """
    tied = _contenders(target, named, aliased, source)
    if len(tied) < 2:
        return tied[0] if tied else None
    written = _as_linked(target)
    return next((p for p in tied if _in_case(p, written)), tied[0])


def link_ties(
    target: str,
    named: Callable[[str], Sequence[str]],
    aliased: Callable[[str], Sequence[str]],
    source: str | None = None,
) -> list[str]:
    """The notes a wikilink target from ``source`` can't choose between, in path order:
    two or more that :func:`resolve_link`'s steps leave tied (``[[Fitness]]`` for
    ``Career/Fitness.md`` and ``Health/Fitness.md``, from a third folder), whose paths
    differ in more than case; Obsidian's choice among them is not stable.  Empty when
    the link finds one note, or none."""
    tied = _contenders(target, named, aliased, source)
    return tied if len({link_key(p) for p in tied}) > 1 else []


def _contenders(
    target: str,
    named: Callable[[str], Sequence[str]],
    aliased: Callable[[str], Sequence[str]],
    source: str | None,
) -> list[str]:
    """The notes :func:`resolve_link` chooses among, in path order: those of the first
    of its steps that finds any, of the shortest path (:func:`_nearest`)."""
    key = link_key(target)
    if not key:
        return [source] if source is not None else []
    if key.startswith(("./", "../")):
        folder = link_key(posixpath.dirname(source)) if source is not None else ""
        key = posixpath.normpath(posixpath.join(folder, key))
        if key.startswith("../"):
            return []
        return _nearest([p for p in named(key.rsplit("/", 1)[-1]) if link_key(p) == key], None)
    key = key.lstrip("/")
    candidates = named(key.rsplit("/", 1)[-1])
    exact = [p for p in candidates if link_key(p) == key]
    if exact:
        return _nearest(exact, None)
    if "/" in key:
        return _nearest([p for p in candidates if link_key(p).endswith("/" + key)], source)
    return _nearest(candidates, source) or _nearest(aliased(key), source)


def is_conflict_copy(path: str) -> bool:
    """A sync client's conflict copy, by its file name: ``Note.sync-conflict-DATE-*``
    (Syncthing), ``Note (... conflicted copy ...)`` (Dropbox, Nextcloud; ``conflict
    copy`` too: the words in parentheses, with a device's name or a date), ``(Conflict)``,
    or OneDrive's ``Note-DESKTOP-ABC1234.md``, ``Note-LAPTOP-K2BM1N7J.md`` (a computer
    with the name Windows gives one by default).  Words in a title ("a guide to fixing a
    conflict copy") are no copy, nor OneDrive's copy named after a computer named by its
    owner (``Note-MAYA-LAPTOP.md``, ``Note-LAPTOP-1.md``): it can't be told from a note
    named with a hyphen (H002 names it when the two share an id)."""
    return _conflict_part(path.rsplit("/", 1)[-1]) is not None


#: Letters every conflict copy's name holds one of, in any case (each pattern of
#: :data:`_CONFLICT` does; nothing else matches them case-insensitively, where the "i" of
#: "conflict" is also matched by U+0131 and U+0130): a quick no, also in SQL (``LIKE``).
COPY_MARKS = ("onfl", "-desktop-", "-laptop-")


def may_hold_conflict_copies(paths: Sequence[str]) -> bool:
    """Whether any of ``paths`` may be a conflict copy: False when none holds one of
    :data:`COPY_MARKS` (one test of them all, where a vault has none)."""
    return _marked("\n".join(paths))


def _marked(text: str) -> bool:
    lowered = text.lower()
    for mark in COPY_MARKS:  # noqa: SIM110 (any() over a generator: 3x slower, per path)
        if mark in lowered:
            return True
    return False


def _conflict_part(name: str) -> re.Match[str] | None:
    return _CONFLICT.search(name) if _marked(name) else None


def conflict_original(path: str) -> str | None:
    """The note a conflict copy (:func:`is_conflict_copy`) was copied from, by its name:
    ``a/Note.sync-conflict-...md`` and ``a/Note (... conflicted copy ...).md`` are
    copies of ``a/Note.md``; None for no copy."""
    folder, slash, name = path.rpartition("/")
    found = _conflict_part(name)
    if found is None:
        return None
    return f"{folder}{slash}{name[: found.start()].rstrip()}.md"


#: The end of a name a file manager or sync client gives a second copy of ``Note.md``:
#: iCloud's ``Note 2.md``, Obsidian's ("Make a copy") ``Note 1.md``, Finder's ``Note
#: copy.md`` and ``Note copy 2.md``, Explorer's ``Note - Copy.md`` and ``Note - Copy
#: (2).md``, a browser's or Dropbox's ``Note (1).md``.
COPY_SUFFIX = lazy(
    r"(?: [1-9]| copy(?: \d{1,2})?| - Copy(?: \(\d{1,2}\))?| ?\(\d{1,2}\))\.md$",
    re.IGNORECASE,
)


def copy_candidates(paths: Collection[str]) -> list[str]:
    """The paths of ``paths`` whose name may end as a copy's (:data:`COPY_SUFFIX`), in
    path order (see :func:`_copy_suffixed`)."""
    return sorted(filter(_copy_suffixed, paths))


def _copy_suffixed(path: str) -> bool:
    """Whether ``path``'s name may end as a copy's: told by the characters before ``.md``
    (a ``)``, a ``y`` of "copy", a digit after a space, or two), without the pattern."""
    return (last := path[-4:-3]) in ")yY" or (
        last.isdigit() and (path[-5:-4] == " " or (path[-5:-4].isdigit() and path[-6:-5] == " "))
    )


def copy_like(paths: Collection[str]) -> list[str]:
    """The paths of ``paths`` that ``status`` and the review's line on copies may name, in
    path order (see :func:`is_copy_like`)."""
    return sorted(filter(is_copy_like, paths))


def is_copy_like(path: str) -> bool:
    """Whether ``status`` and the review's line on copies may name ``path``: a name that
    may end as a copy's (:func:`copy_candidates`), a conflict copy's
    (:func:`is_conflict_copy`) or one not written in NFC (:func:`spelled_apart`).  The
    index marks each note as it stores it (``notes.copy_like``)."""
    return (
        _copy_suffixed(path)
        or is_conflict_copy(path)
        or (not path.isascii() and not unicodedata.is_normalized("NFC", path))
    )


def spelled_apart(
    candidates: Sequence[str], present: Callable[[set[str]], Collection[str]]
) -> list[tuple[str, str]]:
    """(path, its NFC spelling) for each of ``candidates`` whose name writes an accent
    apart (NFD, as macOS writes names: ``Cafe\u0301.md``) beside a note of that name with
    the accent composed (``Caf\u00e9.md``; ``present``: which of some paths are notes),
    in their order: two notes on Linux, one file to Windows, macOS and Obsidian's links."""
    spelled = {p: unicodedata.normalize("NFC", p) for p in candidates}
    wanted = {nfc for p, nfc in spelled.items() if nfc != p}
    there = present(wanted) if wanted else ()
    return [(p, nfc) for p, nfc in spelled.items() if nfc != p and nfc in there]


def copy_original(path: str) -> str | None:
    """The note ``path`` is named as a second copy of (:data:`COPY_SUFFIX`: ``a/Note 2.md``
    of ``a/Note.md``), or None; whether that note exists is the caller's to know."""
    found = COPY_SUFFIX.search(path, path.rfind("/") + 2)  # a name of its own before it
    return f"{path[: found.start()]}.md" if found else None


def named_copies(
    candidates: Sequence[str], present: Callable[[set[str]], Collection[str]]
) -> list[tuple[str, str]]:
    """(copy, original) for each of ``candidates`` (:func:`copy_candidates`) named as a
    second copy of a note there is (:func:`copy_original`: ``daily/2026-12-09 (1).md``
    of ``daily/2026-12-09.md``; ``present``: which of some paths are notes), in their
    order: what the two hold counts twice."""
    originals = [(path, copy_original(path)) for path in candidates]
    wanted = {original for _path, original in originals if original is not None}
    there = present(wanted) if wanted else ()
    return [(path, original) for path, original in originals if original and original in there]


#: A link target naming a file by its extension (``diagram.png``, ``Goals.base``).
_FILE_TARGET = lazy(r"\.[A-Za-z][A-Za-z0-9]{0,9}$")


def names_file(target: str) -> bool:
    """Whether a link target names a file that is no note by its extension
    (``diagram.png``, ``talk.mp4``, ``Goals.base``; ``Version 1.5`` is a note)."""
    extension = _FILE_TARGET.search(target)
    return extension is not None and extension.group().lower() != ".md"


def path_finder(paths: Iterable[str]) -> Callable[[str, str | None], str | None]:
    """:func:`resolve_link` among ``paths`` alone, by file name or path (never an alias):
    ``find(target, source)`` is the one a link from the note at ``source`` finds, or
    None.  For the vault's files that are no note (``![[diagram.png]]``: docs/obsidian.md,
    "Links" 6) and its sync-conflict copies."""
    named: dict[str, list[str]] = {}
    for path in paths:
        named.setdefault(name_key(path), []).append(path)

    def find(target: str, source: str | None) -> str | None:
        return resolve_link(target, lambda name: named.get(name, ()), _no_alias, source)

    return find


def _no_alias(key: str) -> Sequence[str]:
    return ()


class LinkResolver:
    """:func:`resolve_link` over ``named`` and ``aliased``, remembering its answers: a
    link resolves the same from every note of a folder, unless it resolves to its own
    note (``[[#Heading]]``), so answers are kept per (target, folder of the source).
    A target that only one note (or none) answers to resolves the same from every
    folder: that answer is kept per target.  A sync-conflict copy
    (:func:`is_conflict_copy`) is never a link's note (``copies=False``: ``named`` and
    ``aliased`` give none).  ``may_tie()``: whether any two notes share a name or an
    alias (else no link can tie: :meth:`ties`), asked only of a target more than one
    note may answer to, as it may cost a look at every note."""

    def __init__(
        self,
        named: Callable[[str], Sequence[str]],
        aliased: Callable[[str], Sequence[str]],
        may_tie: Callable[[], bool] = lambda: True,
        *,
        copies: bool = True,
    ) -> None:
        self.named = _without_copies(named) if copies else named
        self.aliased = _without_copies(aliased) if copies else aliased
        self._may_tie = may_tie
        self._known: dict[tuple[str, str | None], str | None] = {}
        self._everywhere: dict[str, str | None] = {}
        self._ties: dict[tuple[str, str | None], tuple[str, ...]] = {}

    def __call__(self, target: str, source: str | None = None) -> str | None:
        """The path ``target`` points to from the note at ``source``, or None."""
        if target in self._everywhere:
            return self._everywhere[target]
        place = (target, source.rpartition("/")[0] if source is not None else None)
        found = self._known.get(place, source)
        if found == source:
            found = resolve_link(target, self.named, self.aliased, source)
            if found != source:
                self._known[place] = found
                if self._same_everywhere(target):
                    self._everywhere[target] = found
        return found

    def ties(self, target: str, source: str | None = None) -> tuple[str, ...]:
        """The notes ``target`` can't choose between from the note at ``source``
        (:func:`link_ties`; empty when it finds one or none), kept per folder too."""
        if target in self._everywhere or not self._may_tie():
            return ()  # one note answers to it (or none), or no two share a name
        place = (target, source.rpartition("/")[0] if source is not None else None)
        tied = self._ties.get(place)
        if tied is None:
            tied = tuple(link_ties(target, self.named, self.aliased, source))
            self._ties[place] = tied
        return tied

    def counted(self, target: str, source: str) -> str | None:
        """The path ``target`` points to from the note at ``source``, or None, also
        when it is one of notes it can't choose between (:meth:`ties`)."""
        if target in self._everywhere:
            return self._everywhere[target]  # one note answers to it, or none: no ties
        found = self(target, source)
        return None if found is not None and self.ties(target, source) else found

    def _same_everywhere(self, target: str) -> bool:
        """Whether ``target`` resolves to the same note (or none) from every note: it is
        no relative path, and at most one note answers to it (see :func:`resolve_link`)."""
        key = link_key(target)
        if not key or key.startswith(("./", "../")):
            return False
        key = key.lstrip("/")
        named = self.named(key.rsplit("/", 1)[-1])
        return len(named) == 1 or (not named and len(self.aliased(key)) <= 1)


def _without_copies(find: Callable[[str], Sequence[str]]) -> Callable[[str], list[str]]:
    return lambda key: [p for p in find(key) if not is_conflict_copy(p)]


def _nearest(paths: Sequence[str], source: str | None) -> list[str]:
    """The paths of ``paths`` in the folder of the note at ``source`` (None: any), else
    all of them, with the shortest path, in path order (the folder is made a
    :func:`link_key` only then: most links find one note)."""
    if len(paths) < 2:
        return list(paths)
    if source is not None:
        folder = link_key(posixpath.dirname(source))
        beside = [p for p in paths if link_key(posixpath.dirname(p)) == folder]
        paths = beside or paths
    shortest = min(map(len, paths))
    return sorted(p for p in paths if len(p) == shortest)


def _as_linked(target: str) -> str:
    """The part of a note's path a link target writes, case kept (:func:`written_key`,
    without a leading ``/``, ``./`` or ``../``): ``goals/Budget`` of ``/goals/Budget.md``."""
    parts = written_key(target).lstrip("/").split("/")
    while len(parts) > 1 and parts[0] in (".", ".."):
        del parts[0]
    return "/".join(parts)


def _in_case(path: str, written: str) -> bool:
    """Whether the note at ``path`` is the one ``written`` (:func:`_as_linked`) names,
    case and all: its path (:func:`written_key`) is it or ends with ``/`` and it."""
    name = written_key(path)
    return name == written or name.endswith("/" + written)
