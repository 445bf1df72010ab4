"""Portable file names from titles, and ids from titles."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from journal.core.errors import UsageProblem
from journal.core.formatting import listed, uncommented, whole_end
from journal.core.regex import lazy

MAX_NAME_BYTES = 200  # leaves room for " 2.md" and sync tools' suffixes within 255
#: The longest file name (without ``.md``) made from a title, in characters: a path in
#: a vault stays short of what Windows holds (260 with the vault's folder: H018).
MAX_NAME_CHARS = 100
#: The longest vault path a Windows checkout holds with room for the vault's folder
#: (``C:\\Users\\NAME\\OneDrive - Company\\career\\``, about 60) within 260 (H018).
MAX_PATH_CHARS = 200
#: Unicode format characters that show nothing: the bidi marks, embeddings, overrides and
#: isolates (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069), the zero-width space
#: and the byte order mark.  Not the joiners: U+200D is part of an emoji (👨‍👩‍👧), U+200C of a
#: Persian word.  A file name made of a title leaves them out, and a note's name given to
#: a command is compared without them (a title typed with them and without is one).
INVISIBLE_MARKS = (
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff"
)
_NO_MARKS = str.maketrans(dict.fromkeys(INVISIBLE_MARKS))
_UNSAFE = lazy(r'[\x00-\x1f\x7f:?*<>|"\\/#^\[\]]+')
_SPACES = lazy(r"\s+")
#: Windows' device names: a file or folder name that is one of them up to its first dot
#: (``CON``, ``con.txt``, ``Aux .md``) names the device, so no file can have it.
_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in "123456789¹²³"]
)


#: The characters Windows reserves in a file or folder name (the control characters too).
_RESERVED_CHARS = r'[\x00-\x1f<>:"\\|?*]'
_WINDOWS_RESERVED = lazy(_RESERVED_CHARS)


#: A path holding a name :func:`windows_faults` finds something in, found in one pass
#: (most paths have none: the names of a vault of 10,000 notes are not looked at one by one).
_UNFIT_PATH = lazy(_RESERVED_CHARS + r"|[ .](?:/|$)")


def unfit_for_windows(path: str) -> bool:
    """Whether a name of ``path`` (a file's or a folder's) is one :func:`windows_faults`
    finds something in."""
    return _UNFIT_PATH.search(path) is not None


def windows_faults(name: str) -> list[str]:
    """What in a file or folder name Windows can't hold, besides a device name
    (:func:`device_name`), by Microsoft's naming rules: ``holds `|` and `?``` (of
    ``< > : " \\ | ? *`` and the control characters, shown as ``U+0007``), ``ends in a
    space``, ``ends in a dot``; none when Windows holds it."""
    reserved = sorted(set(_WINDOWS_RESERVED.findall(name)))
    shown = [f"`{ch}`" if ch >= " " else f"U+{ord(ch):04X}" for ch in reserved]
    faults = [f"holds {listed(shown)}"] if shown else []
    if name.endswith((" ", ".")):
        faults.append(f"ends in a {'space' if name.endswith(' ') else 'dot'}")
    return faults


def file_stem(title: str) -> str:
    """A file name (without ``.md``) that is valid on Windows, macOS, Linux and in links.

    Characters that break file systems or wikilinks (``: ? * < > | " \\ / # ^ [ ]``)
    become spaces, invisible marks (:data:`INVISIBLE_MARKS`) go; a Windows device name
    (:func:`device_name`) gets a ``_`` after it (``Con_. law exam``), also one a cut
    leaves; a longer name is cut to its words that fit in :data:`MAX_NAME_CHARS`
    characters and :data:`MAX_NAME_BYTES` bytes of UTF-8 (to the visible characters that
    fit when those words would keep less than half of them); leading dots and ``~`` go.
    A ValueError when nothing is left (a title of only those characters, dots, ``~`` and
    spaces).
    Its HTML comments go first (:func:`uncommented`: people hide private words in them).
    """
    name = _cut(_uncut(title)).rstrip(" .")
    device = device_name(name)  # after the cut, which may leave "Con" of "Con law ..."
    if device is not None:
        name = _cut(f"{device}_{name[len(device) :]}").rstrip(" .")
    if not name:
        raise ValueError(
            f"'{title}' has no character a file name can hold "
            '(not : ? * < > | " \\ / # ^ [ ], nor only dots, ~ and spaces)'
        )
    return name


_SEPARATORS = lazy(r"[/\\]")


def path_step(title: str) -> str | None:
    """What makes ``title`` read as a file path rather than a name, or None: a ``.`` or
    ``..`` between its slashes (``../../etc``), or a start at the home folder
    (``~/Dana``).  A slash alone is no path (``Lee/Chang``, ``HR/People``): it becomes a
    space in the file's name."""
    parts = _SEPARATORS.split(title)
    if len(parts) == 1:
        return None
    step = next((part.strip() for part in parts if part.strip() in (".", "..")), None)
    if step is not None:
        return f"its `{step}`"
    return "its `~`" if parts[0].strip() == "~" else None


def _uncut(title: str) -> str:
    """``title`` as a file name, but for its length (see :func:`file_stem`)."""
    name = unicodedata.normalize("NFC", uncommented(title)).translate(_NO_MARKS)
    # a leading "." or "~" would make a hidden or an editor's temporary file, never read
    return _SPACES.sub(" ", _UNSAFE.sub(" ", name)).strip(" .").lstrip("~ .")


def is_cut(title: str) -> bool:
    """Whether :func:`file_stem` cuts the name of ``title`` to fit (a long title)."""
    name = _uncut(title)
    return _cut(name) != name


def _cut(name: str) -> str:
    """``name`` cut to the words that fit in :data:`MAX_NAME_CHARS` characters and
    :data:`MAX_NAME_BYTES` bytes, or to the visible characters (:func:`whole_end`: a flag,
    an emoji and an accented letter whole) when the words would keep less than half of
    them (a long word after a short one: ``ab cccc...`` is not ``ab``)."""
    fits = name[:MAX_NAME_CHARS].encode("utf-8")[:MAX_NAME_BYTES].decode("utf-8", "ignore")
    fits = name[: whole_end(name, len(fits)) or len(fits)]  # one character too long: cut
    if fits == name or name[len(fits)] == " ":
        return fits
    words = fits.rpartition(" ")[0]
    return words if 2 * len(words) >= len(fits) else fits


def device_name(name: str) -> str | None:
    """The start of a file or folder name that Windows reads as a device (``Con`` of
    ``Con. law exam.md``, ``aux`` of ``aux .txt``), or None: its part before the first
    dot, without the spaces at its end, is ``CON``, ``PRN``, ``AUX``, ``NUL``,
    ``CONIN$``, ``CONOUT$``, ``COM1``-``COM9`` or ``LPT1``-``LPT9`` (also ``COM¹``...
    ``LPT³``), in any case."""
    part = name.split(".", 1)[0].rstrip(" ")
    return part if part.upper() in _DEVICES else None


#: How a device name starts (:data:`_DEVICES`), in lower case: a name starting otherwise
#: is none.
_DEVICE_STARTS = frozenset(device[:3].lower() for device in _DEVICES)


def device_named(paths: Collection[str]) -> list[str]:
    """The paths of ``paths`` with a file or folder name :func:`device_name` finds, in
    path order.  A file name is looked at only when it starts as a device name does,
    and each folder once (a vault has ten thousand notes in a few folders)."""
    split = [path.rpartition("/") for path in paths]
    found = {
        folder + slash + name
        for folder, slash, name in split
        if name[:3].lower() in _DEVICE_STARTS and device_name(name)
    }
    folders = {folder for folder, _slash, _name in split}
    bad = {f for f in folders if any(device_name(part) for part in f.split("/"))}
    if bad:
        found.update(folder + slash + name for folder, slash, name in split if folder in bad)
    return sorted(found)


#: The longest id :func:`slug` makes: the words that fit whole (a first word alone, cut).
ID_LENGTH = 48


def slug(title: str, limit: int = ID_LENGTH) -> str:
    """A lower-case id such as ``connect-with-five-hr-leaders``: compatibility forms
    folded (fullwidth letters, ``CO₂`` -> ``co2``), Latin letters without their accents
    (``Übung`` -> ``ubung``, ``Łódź`` -> ``lodz``), letters of other scripts kept whole,
    with their marks (``学ぶ``, ``नमस्ते``); the words after ``limit`` characters left out."""
    words: list[str] = []
    word = ""
    for ch in unaccented(title):
        if unicodedata.category(ch)[0] in "LMN":  # letters, their marks, digits
            word += ch
        elif word:
            words.append(word)
            word = ""
    words += [word] if word else []
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or (words[0][:limit] if words else "goal")


#: Latin letters that are not a base letter plus an accent in Unicode, as the letters
#: without one they are read as (in both cases: search folds text, keeping its case).
LATIN_LETTERS = str.maketrans(
    dict(zip("øłđħŧð\u0131æœßþ", [*"oldhtdi", "ae", "oe", "ss", "th"], strict=True))
    | dict(zip("ØŁĐĦŦÐÆŒẞÞ", [*"OLDHTD", "AE", "OE", "SS", "TH"], strict=True))
)


def unaccented(text: str) -> str:
    """``text`` lower-cased and in compatibility form (NFKC), Latin letters without their
    accents; the marks of other scripts' letters kept (kana voicing, Indic vowels)."""
    if text.isascii():  # as it comes out below, at a tenth of the cost (every name's part)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower()).translate(LATIN_LETTERS)
    kept = []
    latin = False  # the last base letter is Latin: its combining marks are accents
    for ch in decomposed:
        if not unicodedata.combining(ch):
            latin = ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")
        elif latin:
            continue
        kept.append(ch)
    return unicodedata.normalize("NFKC", "".join(kept)).lower()  # "№" is "No"


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not taken (case-insensitive)."""
    lowered = {t.casefold() for t in taken}
    candidate, number = base, 2
    while candidate.casefold() in lowered:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


_TOKEN = lazy(r"\{([a-z_]+)\}")


def pattern_tokens(pattern: str) -> set[str]:
    """The ``{token}`` names of a pattern such as ``{year}/{week}``."""
    return set(_TOKEN.findall(pattern))


def render_pattern(pattern: str, values: dict[str, str]) -> str:
    """A vault-relative note path (without ``.md``) from a pattern such as
    ``{year}/{week}``: each ``{token}`` is replaced, each ``/``-part made a portable
    file name.  An unknown token is a ValueError naming it."""

    def token(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise ValueError(
                f"unknown token {{{name}}} (known: "
                + ", ".join("{" + k + "}" for k in values)
                + ")"
            )
        return values[name]

    parts = [file_stem(_TOKEN.sub(token, part)) for part in pattern.split("/") if part.strip()]
    if not parts:
        raise ValueError("the pattern is empty")
    return "/".join(parts)


def refuse_comment_mark(title: str) -> None:
    """A usage error for a title holding ``%%``: in a note's heading, in the links to it
    and in the notes journal generates, it opens a comment (Obsidian's, and journal's
    reading of a note) that hides what follows."""
    if "%%" in title:
        raise UsageProblem(
            f"'{title}' holds %%, which starts a comment in Obsidian and journal (the rest "
            "of the note would be hidden): write it otherwise, e.g. with one %"
        )


def one_slip(typed: str, meant: str) -> bool:
    """Whether ``typed`` is ``meant`` with one letter left out, added, changed, or two
    neighbours swapped (or is ``meant`` itself).  A name of three letters or fewer only
    by two swapped (one other letter makes another word: `who` is no `why`, `ix` no
    `id`)."""
    if typed == meant:
        return True
    if abs(len(typed) - len(meant)) > 1:
        return False
    start = 0
    while start < min(len(typed), len(meant)) and typed[start] == meant[start]:
        start += 1
    a, b = typed[start:], meant[start:]
    swapped = len(a) >= 2 and a[0] == b[1:2] and a[1] == b[0] and a[2:] == b[2:]
    if len(meant) < 4:
        return swapped
    return swapped or a[1:] == b[1:] or a[1:] == b or a == b[1:]  # changed, added, left out


#: The hyphens and dashes U+2010 to U+2015 and the minus sign U+2212: what a keyboard,
#: a word processor or autocorrect types for ``-``.
TYPED_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def abbreviates(typed: str, meant: str) -> bool:
    """Whether ``typed`` is ``meant`` with letters left out after its first, four or more
    kept (``drop`` and ``dropd`` of ``dropped``)."""
    if not 4 <= len(typed) < len(meant) or typed[0] != meant[0]:
        return False
    rest = iter(meant[1:])
    return all(letter in rest for letter in typed[1:])  # in order: each found after the last
