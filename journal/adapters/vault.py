"""The vault on disk: finding it, its config, its notes, and paths kept inside it."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import stat
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import field, fields, replace
from datetime import date
from functools import cached_property
from pathlib import Path, PurePosixPath
from typing import Any

from journal.adapters import files
from journal.adapters.cachedir import vault_cache_file
from journal.core import codec
from journal.core.catalog import Catalog, LeftOut, NoteSource
from journal.core.errors import (
    ConfigError,
    Conflict,
    JournalError,
    NotFound,
    Stopped,
    UnsafeWrite,
    UsageProblem,
)
from journal.core.formatting import listed, plural, shell_word
from journal.core.links import fold
from journal.core.notes import Note, mid_save, plain_kind
from journal.core.periodic import PeriodicSettings, clean_folder, in_folder
from journal.core.records import Record, record
from journal.core.regex import lazy
from journal.core.settings import (
    Config,
    config_from_dict,
    folder_ignored,
    is_skipped_folder,
    key_line,
)

CONFIG_PATH = ".journal/config.toml"
MARKERS = (".journal", ".obsidian")
NOT_UTF8 = "its name is not valid UTF-8; rename it"
NOT_UTF8_FOLDER = "the name of a folder on its path is not valid UTF-8; rename it"


def find_vault(explicit: str | None, cwd: Path | None = None) -> Path:
    """The vault root: ``explicit`` (``--vault``/``JOURNAL_VAULT``), else the nearest
    folder at or above ``cwd`` (default: the working folder) that holds ``.journal/`` or
    ``.obsidian/``.  An ``explicit`` that is no folder, or a vault whose path is not
    UTF-8 (:func:`usable_root`), is a usage error; no vault found, or a relative path
    from a working folder that no longer exists, not found (exit 1)."""
    if explicit:
        root = Path(explicit).expanduser()
        root = cwd / root if cwd is not None else files.absolute(root)
        if not root.is_dir():
            problem = "is not a folder" if root.exists() else "does not exist"
            raise UsageProblem(f"vault folder '{shown(explicit)}' {problem}")
        try:  # one that can't be entered (chmod 644, 000) can't be read; 311 can, unlisted
            (root / MARKERS[0]).stat()
        except FileNotFoundError:
            pass
        except OSError as exc:
            why = exc.strerror or str(exc)
            raise JournalError(f"vault folder '{shown(explicit)}' can't be read ({why})") from None
        root = usable_root(root.resolve())
        if not is_vault(root) and (below := vaults_below(root)):
            given = explicit.rstrip("/") or "/"
            named = [str(PurePosixPath(given, rel)) for rel in below]
            raise UsageProblem(
                f"{given} is no vault but holds {len(below)}: {listed(named)}; "
                f"pick one: --vault {shell_word(named[0])} (or, to read it as one vault "
                f"with them in it, mark it as one: mkdir {shell_word(given + '/.journal')})"
            )
        return root
    cwd = cwd or files.absolute(Path())
    found = vault_around(cwd)
    if found is not None:
        return usable_root(found)
    below = vaults_below(cwd)
    if below:
        raise UsageProblem(
            f"no vault here, but this folder holds {len(below)}: {listed(below)}; "
            f"cd into one, or pick it with --vault {shell_word(below[0])}"
        )
    raise NotFound(
        "no vault here: run inside a vault (a folder with .journal/ or .obsidian/), "
        "pass --vault PATH or set JOURNAL_VAULT, or make one with journal init"
    )


def vault_around(cwd: Path) -> Path | None:
    """The nearest folder at or above ``cwd`` that holds ``.journal/`` or ``.obsidian/``
    (resolved), or None."""
    found = _first_vault((cwd, *cwd.parents))
    return None if found is None else found.resolve()


def is_vault(folder: Path) -> bool:
    """Whether ``folder`` holds ``.journal/`` or ``.obsidian/``: a vault of its own."""
    return _first_vault([folder]) is not None


def enclosing_vault(root: Path) -> Path | None:
    """The nearest folder above ``root`` that holds ``.journal/`` or ``.obsidian/``
    when ``root`` holds neither: ``root`` is then a folder inside that vault (``--vault
    goals``, ``--vault .journal``), not a vault of its own."""
    return None if is_vault(root) else _first_vault(root.parents)


def vaults_below(folder: Path) -> list[str]:
    """The vaults in ``folder``'s subfolders and theirs (not deeper, not hidden ones),
    as sorted paths relative to it: a folder that holds vaults (``~/Dropbox``) read as
    one would mix them.  Only asked when ``folder`` is no vault itself.  A vault that
    a symlink reaches too is named once: by its own folder, else by the first link."""
    names: dict[Path, list[str]] = {}  # by the vault's real folder
    for child in _subfolders(folder):
        found = [child] if is_vault(child) else [g for g in _subfolders(child) if is_vault(g)]
        for vault in found:
            names.setdefault(vault.resolve(), []).append(vault.relative_to(folder).as_posix())
    real = folder.resolve()
    return sorted(
        next((n for n in named if real / n == vault), min(named)) for vault, named in names.items()
    )


def _subfolders(folder: Path) -> list[Path]:
    """``folder``'s subfolders that are not hidden (none when it can't be listed)."""
    try:
        with os.scandir(folder) as entries:
            return [Path(e.path) for e in entries if e.name[:1] != "." and e.is_dir()]
    except OSError:
        return []


def _first_vault(folders: Iterable[Path]) -> Path | None:
    """The first of ``folders`` that holds ``.journal/`` or ``.obsidian/``."""
    return next((f for f in folders if any((f / m).is_dir() for m in MARKERS)), None)


def usable_root(root: Path) -> Path:
    """``root``, unless its path can't be stored or shown (not UTF-8): a usage error,
    however the vault was given or found."""
    if not is_utf8(str(root)):
        raise UsageProblem(f"vault folder '{shown(str(root))}': {NOT_UTF8_FOLDER}")
    return root


def load_config(root: Path) -> Config:
    path = root / CONFIG_PATH
    try:
        text = codec.utf8_text(path.read_bytes())  # a BOM (Windows Notepad) is no TOML
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise ConfigError(f"can't read the config: {exc}", path=CONFIG_PATH) from None
    except codec.NotUtf8 as exc:
        raise ConfigError(exc.message, path=CONFIG_PATH, line=exc.line) from None
    import tomllib  # only a vault with a config pays for it

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
        line = int(at.group(1)) if at else None
        if line is None and str(exc).endswith("(at end of document)"):
            line = max(1, text.count("\n") + (not text.endswith("\n")))  # the last line
        raise ConfigError(f"invalid TOML: {exc}", path=CONFIG_PATH, line=line) from None
    return config_from_dict(data, CONFIG_PATH, text)


#: iCloud's placeholder of a file kept only online: ``.Goal.md.icloud`` for ``Goal.md``
ICLOUD_SUFFIX = ".icloud"


def icloud_note(rel: str) -> str | None:
    """The note iCloud's placeholder at the vault path ``rel`` stands for
    (``goals/Goal.md`` for ``goals/.Goal.md.icloud``); None when ``rel`` is none."""
    folder, _, name = rel.rpartition("/")
    if not (name.startswith(".") and name.endswith(ICLOUD_SUFFIX)):
        return None
    note = name[1 : -len(ICLOUD_SUFFIX)]
    return f"{folder}/{note}".lstrip("/") if note.lower().endswith(".md") else None


def is_note_name(name: str) -> bool:
    """A markdown note the tool reads: ``*.md``, not hidden, not an editor/sync temp file."""
    # a slice and a look-up, not str.endswith and str.startswith: Python 3.11 parses
    # their arguments by a format string, 1,000 instructions a call (6 M of each
    # command's stat scan at 10,000 notes)
    return name[-3:] in _MD_ENDINGS and name[0] not in ".~"


#: ``.md`` in any case: no other character is ``.``, ``m`` or ``d`` in lower case, so
#: ``name.lower().endswith(".md")`` without lowering every file name of the vault
#: (4 M instructions of each command's stat scan at 10,000 notes).
_MD_ENDINGS = (".md", ".mD", ".Md", ".MD")


def misnamed(name: str) -> bool:
    """Whether a file called ``name``, no note by its name (:func:`is_note_name`), may be
    a note saved under another: ``Goal.markdown``, ``Goal.md `` or ``Goal.md.`` (a space
    or a dot after it), ``Goal.md.txt`` (Notepad's) or a ``.txt`` (:func:`left_out_note`
    tells)."""
    saved = _saved_ending(name)
    return saved.endswith((".md", ".markdown", ".txt")) and not name.startswith((".", "~"))


def left_out_note(name: str, path: str) -> str | None:
    """How the :func:`misnamed` file ``name`` at ``path`` is a note left out, to be told:
    ``Notepad`` for ``Goal.md.txt``; ``named`` for ``Goal.markdown``, ``Goal.md ``,
    ``Goal.md.`` and a ``.txt`` whose front matter has a ``type: goal`` (``meeting``,
    ``contact``) line; None for any other ``.txt`` (``readme.txt``)."""
    saved = _saved_ending(name)
    if saved.endswith(".md.txt"):
        return "Notepad"
    if not saved.endswith(".txt"):
        return "named"
    try:
        with Path(path).open("rb") as file:
            head = file.read(_TXT_HEAD)
    except OSError:
        return None
    text = head.decode("utf-8", "replace").removeprefix("\ufeff")
    return "named" if plain_kind(text) is not None else None


def _saved_ending(name: str) -> str:
    """``name`` in lower case, without the spaces and dots after its ending (``Goal.md ``,
    ``Goal.md.``), which Linux and macOS keep in a name and Windows strips; most names
    end in neither (every file of a vault is asked: no pattern for them)."""
    if not (name[-1:].isspace() or name.endswith(".")):
        return name.lower()
    return _AFTER_ENDING.sub("", name).lower()


#: The spaces and dots after a file name's ending (:func:`_saved_ending`).
_AFTER_ENDING = lazy(r"[\s.]+\Z")

#: How much of a ``.txt`` file is read for a note's front matter (:func:`left_out_note`).
_TXT_HEAD = 4096


def is_utf8(name: str) -> bool:
    """Whether a name read from the disk is valid UTF-8 (Python keeps other bytes as lone
    surrogates, which SQLite, JSON and the terminal refuse)."""
    if name.isascii():
        return True
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _files_below(rel: str, path: str) -> Iterator[str]:
    """The vault paths of the files in the folder ``rel`` (at ``path``) and its
    subfolders, not in skipped ones nor through symlinks; a folder that can't be listed
    is left out quietly (names only: see :meth:`Vault.excluded_notes`)."""
    stack = [(rel, path)]
    while stack:
        prefix, folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.is_file(follow_symlinks=False):
                yield f"{prefix}/{entry.name}"
            elif entry.is_dir(follow_symlinks=False) and not is_skipped_folder(entry.name):
                stack.append((f"{prefix}/{entry.name}", entry.path))


def name_problem(rel: str) -> str | None:
    """Why a note's path can't be used (its name or a folder's is not UTF-8), or None."""
    if is_utf8(rel):
        return None
    return NOT_UTF8_FOLDER if is_utf8(rel.rsplit("/", 1)[-1]) else NOT_UTF8


def shown(rel: str) -> str:
    """A path as it can be printed: bytes that are not UTF-8 as ``\\xff``."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def skip_notice(rel: str, why: str) -> str:
    """The notice that the note or folder ``rel`` is left out, and ``why``."""
    return f"skipped {shown(rel)}: {why}"


def _cant_list(reason: str) -> str:
    """Why a folder is skipped that can't be listed, for the system's ``reason``."""
    return f"can't read the folder ({reason})"


@contextlib.contextmanager
def _naming(rel: str) -> Iterator[None]:
    """An error of writing the note at ``rel`` names it as the vault does, not by its
    absolute path."""
    try:
        yield
    except JournalError as exc:
        exc.path = rel
        raise


#: Seconds a write waits for another journal command's to end (see Vault._taking_turns).
WRITE_WAIT = 10

#: A folder's listing failed because it is no folder there now (removed, or a file).
_GONE = (errno.ENOENT, errno.ENOTDIR)

#: Why a symlinked note or folder is left out: (a note, a folder).
_LINK_SKIPPED = {
    "note": "a symlink: journal does not follow links (move the note it links to into the "
    "vault, or list it in [vault] exclude to leave it out quietly)",
    "folder": "a symlink: journal does not follow links (move the folder it links to into "
    "the vault, or list it in [vault] exclude to leave it out quietly)",
    "nothing": "a symlink to nothing (what it linked to is gone): delete it, or list it in "
    "[vault] exclude to leave it out quietly",
    "loop": "a symlink that leads back to itself (a loop of links): delete it, or list it in "
    "[vault] exclude to leave it out quietly",
}
_NOT_A_FILE = (
    "not a regular file (a FIFO, a socket or a device): journal reads notes from files only"
)


def _link_target(path: str) -> str:
    """What the symlink at ``path`` points to: a ``folder``, a ``note`` (any other thing
    there), ``nothing`` (gone) or a ``loop`` of links."""
    try:
        info = Path(path).stat()
    except OSError as exc:  # ENOENT, ELOOP
        return "loop" if exc.errno == errno.ELOOP else "nothing"
    return "folder" if stat.S_ISDIR(info.st_mode) else "note"


def excluded_paths(root: Path, config: Config, tell: Callable[[str], None]) -> frozenset[str]:
    """The folders and notes never read besides skipped ones: ``[vault] exclude`` and
    the template folders and notes of Obsidian's plugins, as vault-relative paths
    (``Meta/Templates``, ``Shared/linked.md``).  A plugin's template named in another case
    than the one folder or note so named on disk is that one, as Obsidian finds it on a
    disk that ignores case (macOS', Windows'); ``tell`` is told so, to set it as spelt."""
    from journal.adapters.obsidian import template_paths

    templates = []
    listed: dict[Path, list[str]] = {}
    for source, written in template_paths(root):
        for rel in _usable([written]):
            spelt = _template_on_disk(root, rel, listed)
            if spelt != rel:
                tell(
                    f"{source} names '{rel}' for templates; the vault spells it '{spelt}': "
                    "left out as templates, as Obsidian finds it on macOS and Windows "
                    f"(write '{spelt}' in the plugin's settings for every system)"
                )
            templates.append(spelt)
    return frozenset(_usable(config.vault.exclude)).union(templates)


def _template_on_disk(root: Path, rel: str, listed: dict[Path, list[str]]) -> str:
    """A template folder or note as the vault spells it, ignoring case: its folder as
    :func:`_folder_on_disk` spells it, then its own name as the folder holding it does
    (a folder or a note: a disk that ignores case finds either so)."""
    folder, _, name = rel.rpartition("/")
    if folder:
        folder = _folder_on_disk(root, folder, listed)
    try:  # names as listed: a file system that ignores case still keeps them
        names = [entry.name for entry in os.scandir(root / folder)]
    except OSError:
        names = []
    return in_folder(folder, _as_spelt(name, names))


#: Work done of work to do, to show: ``(done, total)``.
Progress = Callable[[int, int], None]


def _unshown(_done: int, _total: int) -> None:
    """Work nobody is shown."""


def _usable(entries: Iterable[str]) -> list[str]:
    """Settings' folders and notes as vault-relative paths, less those that name no
    path inside the vault (empty, or with ``..``: told as bad settings)."""
    found = (clean_folder(text) for text in entries)
    return [f for f in found if f and ".." not in f.split("/")]


@record()
class Vault(Record):
    """An opened vault: its root folder and settings.

    Every note the tool writes goes through :meth:`rewrite` or :meth:`create`,
    which call ``before_write`` (when set) with the note's path just before
    writing, so a caller can refuse a write (``--commit`` does), and list the
    path in ``written``.  :meth:`notice` tells the user something that is not an
    error, once: through ``notify`` (which the command line sets), else on stderr.
    """

    root: Path
    config: Config
    before_write: Callable[[str], None] | None = None
    #: The notes written, each once, in the order first written (:meth:`_wrote`).
    written: list[str] = field(default_factory=list)
    #: The notes a command keeps up to date and found so (a review it regenerated with
    #: nothing to change): ``--commit`` commits them as they stand when it wrote none.
    kept: set[str] = field(default_factory=set)
    notify: Callable[[str], None] | None = None
    notices: list[str] = field(default_factory=list)
    #: How long work is shown (the command line's progress bar on a terminal): given its
    #: name, a context whose callable takes (done, total) (:meth:`at_work`).
    working: Callable[[str], contextlib.AbstractContextManager[Progress]] | None = None
    #: Whether a stop was asked for (``journal watch``'s): long work asks at cheap points
    #: (:meth:`check_stop`) and gives up.
    stopping: Callable[[], bool] | None = None
    #: What a command read once and may ask for again (the git history, by HEAD).
    memo: dict[str, Any] = field(default_factory=dict, repr=False)
    #: What to close once the command is done (the index its catalogs read): :meth:`close`.
    closing: list[Callable[[], None]] = field(default_factory=list, repr=False)
    #: The folders the last listing of each could not list, vault paths, with the system's
    #: reason (:meth:`_iter_files`): whatever notes they hold are missing from every list.
    unlisted: dict[str, str] = field(default_factory=dict)
    #: The notes iCloud keeps only online, as the last whole listing found them (their
    #: ``.NAME.icloud`` placeholders): missing from every list, as the review says.
    offline: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, root: Path) -> Vault:
        return cls(root, folders_on_disk(root, load_config(root)))

    def close(self) -> None:
        """Close what the command opened for this vault (``closing``), newest first."""
        while self.closing:
            self.closing.pop()()

    def reloaded(self) -> Vault:
        """This vault with its settings read again (``journal watch``, after an edit of
        :meth:`settings_stamp`'s files); it writes and tells the user as this one does.
        Raises :class:`ConfigError` when the config can't be read."""
        return replace(self, config=folders_on_disk(self.root, load_config(self.root)))

    def settings_stamp(self) -> tuple[tuple[int, int, int] | None, ...]:
        """The size, change time and inode of each file the vault's settings are read
        from (``.journal/config.toml`` and Obsidian's settings): when this changes, the
        settings may have."""
        from journal.adapters.obsidian import READ_SETTINGS

        stamps: list[tuple[int, int, int] | None] = []
        for rel in (CONFIG_PATH, *READ_SETTINGS):
            try:
                info = (self.root / rel).stat()
            except OSError:
                stamps.append(None)
                continue
            stamps.append(files.stat_stamp(info))
        return tuple(stamps)

    @cached_property
    def excluded(self) -> frozenset[str]:
        """The folders and notes never read besides skipped ones (see
        :func:`excluded_paths`)."""
        return excluded_paths(self.root, self.config, self.notice)

    @cached_property
    def periodic(self) -> PeriodicSettings:
        """Obsidian's daily and weekly note settings (in ``[obsidian] locale``), read once
        per command: they date notes and log lines, in the index and in git's history."""
        from journal.adapters.obsidian import load_periodic

        return load_periodic(self.root, self.config.obsidian.locale)

    def iter_notes(
        self, under: str = "", *, bad_name: Callable[[str, str], None] | None = None
    ) -> Iterator[tuple[str, os.DirEntry[str]]]:
        """Every note as (relative posix path, directory entry), or those in the folder
        ``under`` (a vault-relative path); symlinks are not followed, skipped and excluded
        folders not entered.  A note whose path is not valid UTF-8, a symlinked note or
        folder and a folder that can't be listed are left out and passed to ``bad_name``
        with the reason (to tell as :func:`skip_notice` words it: see :meth:`relisting`)."""
        met: set[str] = set()  # the excluded paths the listing came upon
        placeholders: list[str] = []  # the notes iCloud left a placeholder of
        vaults: dict[str, str] = {}  # the vaults inside this one, by folder
        saved: list[tuple[str, str]] = []  # the notes saved under another name, maybe
        for rel, entry in self._iter_files(under, skipped=bad_name, met=met, vaults=vaults):
            if not is_note_name(entry.name):
                if (note := icloud_note(rel)) is not None:
                    placeholders.append(note)
                elif misnamed(entry.name):
                    saved.append((rel, entry.path))
                continue
            problem = None if rel.isascii() else name_problem(rel)  # ASCII: UTF-8 (most)
            if problem is None:
                yield rel, entry
            elif bad_name is not None:
                bad_name(rel, problem)
        # one beside its note is stale (iCloud may leave it once the note is downloaded)
        self._keep_offline(under, [n for n in placeholders if not (self.root / n).exists()])
        if bad_name is not None:
            self._tell_vaults(vaults)
        if not under and bad_name is not None:  # a whole listing: the whole count
            self._tell_offline()
            self._tell_left_out(saved)
            self._tell_unmatched_excludes(met)

    def _tell_vaults(self, vaults: dict[str, str]) -> None:
        """Tell of each vault inside this one (a folder holding ``.journal/`` or
        ``.obsidian/``, by its marker: a report's vault copied in), whose notes are read
        as this vault's own: their goals would mix with these without a word."""
        for rel, marker in sorted(vaults.items()):
            self.notice(
                f"{shown(rel)} is a vault of its own (it holds {marker}/), read as a folder "
                "of this one: its notes count as this vault's too; move it out of the vault, "
                "or list it in [vault] exclude to leave it out"
            )

    def _keep_offline(self, under: str, notes: Collection[str]) -> None:
        """Make ``notes`` the :attr:`offline` ones in ``under`` (a folder or a note, ""
        for the vault), as a listing of it found them."""
        inside = f"{under}/"
        others = [n for n in self.offline if under and n != under and not n.startswith(inside)]
        self.offline = sorted({*others, *notes})

    def look_offline(self, rel: str, *, here: bool) -> None:
        """Keep :attr:`offline` right about the note at ``rel`` alone (a watcher's refresh
        of it), ``here`` on the disk or not: in it when not, and iCloud's placeholder is."""
        folder, _, name = rel.rpartition("/")
        gone = not here and (self.root / folder / f".{name}{ICLOUD_SUFFIX}").is_file()
        self._keep_offline(rel, [rel] if gone else [])

    def _tell_offline(self) -> None:
        """Tell, in one line, of the notes iCloud keeps only online (``.Goal.md.icloud``
        in the place of ``Goal.md``, with "Optimise Mac Storage"): they are not on the
        disk to read, and a goal among them would leave every list without a word."""
        notes = self.offline
        if notes:
            first = ", ".join(notes[:3]) + (", ..." if len(notes) > 3 else "")
            them = "them" if len(notes) > 1 else "it"
            self.notice(
                f"{plural(len(notes), 'note')} not downloaded from iCloud, so left out "
                f"({first}): download {them} (Finder: Download Now, or Keep Downloaded on the "
                "vault folder)"
            )

    def _tell_left_out(self, saved: list[tuple[str, str]]) -> None:
        """Tell, in one line each, of the notes saved under a name the tool does not read
        (:func:`left_out_note`, of ``saved``: the :func:`misnamed` files, by vault path
        and disk path): those Notepad saved as ``.txt`` (``Goal.md.txt``: its "Text
        Documents" type adds it), and the others (``Goal.markdown``, ``Goal.md ``): no note
        to read, a goal among them would leave every list without a word."""
        how = {rel: left_out_note(rel.rpartition("/")[2], path) for rel, path in saved}
        for kind, why in (("Notepad", "saved by Notepad as .txt"), ("named", "not ending in .md")):
            paths = sorted(rel for rel, told in how.items() if told == kind)
            if paths:
                # quoted when it ends in a space or a dot, which would read as the sentence's
                shown_paths = [
                    f"'{rel}'" if _AFTER_ENDING.search(rel) else rel for rel in paths[:3]
                ]
                first = ", ".join(shown_paths) + (", ..." if len(paths) > 3 else "")
                them = "them" if len(paths) > 1 else "it"
                self.notice(
                    f"{plural(len(paths), 'note')} {why}, so left out ({first}): rename {them} "
                    "to end in .md"
                )

    def _tell_unmatched_excludes(self, met: set[str]) -> None:
        """Tell of each ``[vault] exclude`` entry that names nothing in the vault (a typo,
        another case: ``archive`` for ``Archive``), which would otherwise leave the notes
        meant in every list without a word; ``met``: those a whole listing came upon
        (the others are looked for: one may lie in a folder the listing left out)."""
        for rel in _usable(self.config.vault.exclude):
            if rel in met:
                continue
            folder, _, name = rel.rpartition("/")
            try:  # names as listed: a file system that ignores case still keeps it
                names = sorted(e.name for e in os.scandir(self.root / folder))
            except OSError:
                names = []
            if name in names:
                continue
            same = [n for n in names if n.casefold() == name.casefold()]
            hint = f" (did you mean '{folder + '/' if folder else ''}{same[0]}'?)" if same else ""
            self.notice(f"[vault] exclude names '{rel}', which is not in the vault{hint}")

    def attachments(self) -> list[str]:
        """Every file that is not a note (images, PDFs, ``.base`` and ``.canvas``
        files...), in path order, those in excluded folders too: what ``![[diagram.png]]``
        links to."""
        listed = (rel for rel, _entry in self._iter_files())
        return sorted(
            rel
            for rel in itertools.chain(listed, self._excluded_files())
            if not (name := rel.rpartition("/")[2]).startswith(".")
            and not name.lower().endswith(".md")
            and name_problem(rel) is None
        )

    def excluded_notes(self, under: str = "") -> list[str]:
        """The notes in ``under`` ("": the vault) that are :attr:`excluded`, or in an
        excluded folder, in path order: never read, yet found by links as Obsidian finds
        them (docs/obsidian.md, "Templates"); not those in skipped folders (hidden ones,
        ``.trash``) nor reached through a symlink.  Their names only: no file is opened."""
        return sorted(
            rel
            for rel in self._excluded_files(under)
            if is_note_name(rel.rpartition("/")[2]) and name_problem(rel) is None
        )

    def _excluded_files(self, under: str = "") -> Iterator[str]:
        """Every file in ``under`` ("": the vault) that is :attr:`excluded` or in an
        excluded folder, outside skipped folders, not through symlinks (unordered)."""
        excluded = self.excluded
        for rel in excluded:
            if folder_ignored(rel.rpartition("/")[0], excluded) or folder_ignored(rel, ()):
                continue  # listed with the excluded folder it is in; or hidden
            start = rel
            if under and rel != under and not rel.startswith(f"{under}/"):
                if not under.startswith(f"{rel}/") or folder_ignored(under, ()):
                    continue
                start = under  # a part of the excluded folder
            try:
                path = self.disk_path(start)
                info = os.lstat(path)
            except (OSError, UnsafeWrite):
                continue  # not there (a setting's folder), or through a symlink
            if stat.S_ISREG(info.st_mode):
                yield start
            elif stat.S_ISDIR(info.st_mode):
                yield from _files_below(start, str(path))

    @contextlib.contextmanager
    def relisting(self, under: str) -> Iterator[None]:
        """While the folders under ``under`` ("" for all) are listed again: those that
        could not be listed are out of :attr:`unlisted`, kept in it again as they still
        can't be (:meth:`_unlistable`).  One that can now, or is gone, has its notice
        forgotten (each is told once: :meth:`notice`), so it is told again once made
        unreadable again (a watcher runs on)."""
        was = {
            r: why
            for r, why in self.unlisted.items()
            if not under or f"{r}/".startswith(f"{under}/")
        }
        for rel in was:
            del self.unlisted[rel]
        yield
        for rel, why in was.items():
            if rel not in self.unlisted:
                with contextlib.suppress(ValueError):
                    self.notices.remove(skip_notice(rel, _cant_list(why)))

    def left_out(self) -> LeftOut:
        """What every list leaves out now (:class:`~journal.core.catalog.LeftOut`):
        sync-conflict copies, and the notes in the folders in :attr:`unlisted`."""
        return LeftOut(self.unlisted)

    def find_unlisted_above(
        self, rel: str, skipped: Callable[[str, str], None] | None = None
    ) -> None:
        """Look for the folder above ``rel`` that can't be listed, when ``rel`` itself
        could not be looked at (a watcher's refresh of a note in a folder made
        unreadable: ``chmod 000 goals``), unless one is known (in :attr:`unlisted`); the
        first such folder is kept there and told to ``skipped``, as a whole listing
        would."""
        if self.left_out().unlisted(rel):
            return
        parts = rel.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth])
            try:
                files.check_entered(str(self.disk_path(folder)))
            except OSError as exc:
                if exc.errno not in _GONE:
                    self._unlistable(folder, exc, skipped)
                return

    def _unlistable(
        self, rel: str, exc: OSError, skipped: Callable[[str, str], None] | None
    ) -> None:
        """Keep the folder ``rel``, which could not be listed, in :attr:`unlisted`, and
        tell ``skipped`` why."""
        self.unlisted[rel] = exc.strerror or str(exc)
        if skipped is not None:
            skipped(rel, _cant_list(self.unlisted[rel]))

    def _iter_files(
        self,
        under: str = "",
        *,
        skipped: Callable[[str, str], None] | None = None,
        met: set[str] | None = None,
        vaults: dict[str, str] | None = None,
    ) -> Iterator[tuple[str, os.DirEntry[str]]]:
        """Every file outside the skipped and excluded folders, not through symlinks;
        ``skipped(rel, why)`` hears of a symlinked note or folder and of a folder that
        can't be listed (``chmod 000``), which would otherwise look empty and is kept in
        :attr:`unlisted` until a listing lists it; ``met`` gets the excluded folders and
        notes come upon; ``vaults`` the folders below ``under`` that are vaults of their
        own (:data:`MARKERS`), each with its marker (``.journal`` when it holds both)."""
        stack = [(under + "/", str(self.disk_path(under))) if under else ("", str(self.root))]
        excluded = self.excluded
        told: list[tuple[str, str]] = []  # told once listed, sorted: not in the disk's order

        def tell(rel: str, why: str) -> None:
            told.append((rel, why))

        try:
            with self.relisting(under):
                while stack:
                    prefix, folder = stack.pop()
                    try:
                        entries = files.folder_entries(folder)
                    except OSError as exc:  # told, unless it is gone (or a file) by now
                        if exc.errno not in _GONE:  # the vault's own folder is "."
                            self._unlistable(prefix.rstrip("/") or ".", exc, tell)
                        continue
                    for entry in entries:
                        if entry.is_file(follow_symlinks=False):  # most are: asked first
                            rel = prefix + entry.name
                            if rel not in excluded:
                                yield rel, entry
                            elif met is not None:
                                met.add(rel)
                            continue
                        if entry.is_symlink():
                            rel = prefix + entry.name
                            if why := self._link_skipped(rel, _link_target(entry.path)):
                                tell(rel, why)
                            elif met is not None and rel in excluded:
                                met.add(rel)
                            continue
                        if entry.is_dir(follow_symlinks=False):
                            if is_skipped_folder(entry.name):
                                if vaults is not None and prefix and entry.name in MARKERS:
                                    inner = prefix[:-1]
                                    vaults[inner] = min(vaults.get(inner, entry.name), entry.name)
                                continue
                            rel = prefix + entry.name
                            if rel not in excluded:
                                stack.append((rel + "/", entry.path))
                            elif met is not None:
                                met.add(rel)
                        elif is_note_name(entry.name) and prefix + entry.name not in excluded:
                            tell(prefix + entry.name, _NOT_A_FILE)  # a FIFO named x.md
        finally:  # also when the caller stops early
            if skipped is not None:
                for rel, why in sorted(told):
                    skipped(rel, why)

    def _link_skipped(self, rel: str, target: str) -> str | None:
        """Why the symlink at ``rel`` (to a ``target`` :func:`_link_target` names) is left
        out, to be told; None when it would be left out quietly anyway (a hidden or
        excluded one, or no note: ``picture.png``)."""
        name = rel.rpartition("/")[2]
        if is_skipped_folder(name) or rel in self.excluded:
            return None
        return _LINK_SKIPPED[target] if target == "folder" or is_note_name(name) else None

    def symlink_skipped(self, rel: str) -> str | None:
        """Why the vault-relative ``rel`` is left out when it is a symlink in a folder
        the listing enters (a watcher hears of one made while it runs); else None."""
        folder, _, name = rel.rpartition("/")
        if self.ignores(folder):
            return None
        try:
            parent = self.disk_path(folder) if folder else self.root
        except UnsafeWrite:  # through a symlinked folder, told as such
            return None
        path = parent / name
        if not path.is_symlink():
            return None
        return self._link_skipped(rel, _link_target(str(path)))

    def note_paths(self) -> list[str]:
        return sorted(rel for rel, _entry in self.iter_notes())

    def ignores(self, folder: str) -> bool:
        """Whether the listing never enters the vault-relative ``folder`` ("" is the root):
        a skipped or excluded folder, or one inside such a folder."""
        return folder_ignored(folder, self.excluded)

    def reads(self, rel: str) -> bool:
        """Whether the listing reads the file at the vault-relative ``rel`` (a disk name):
        a note name, not excluded, outside the skipped and excluded folders."""
        folder, _, name = rel.rpartition("/")
        return is_note_name(name) and rel not in self.excluded and not self.ignores(folder)

    def why_unread(self, rel: str) -> str | None:
        """Why the file at the vault-relative ``rel`` (a disk name) is no note journal
        reads, in words, or None when it is one (:meth:`reads`) or no file of the vault."""
        try:
            if self.reads(rel) or not self.disk_path(rel).is_file():
                return None
        except (JournalError, OSError, ValueError):  # outside the vault, through a link
            return None
        parts = rel.split("/")
        hidden = next((p for p in parts if p.startswith(".")), None)
        if hidden is not None:
            what = "its name" if hidden == parts[-1] else f"the name of its folder {hidden}"
            return f"{what} starts with a dot: journal reads no hidden note"
        skipped = next((p for p in parts[:-1] if is_skipped_folder(p)), None)
        if skipped is not None:
            return f"it is in {skipped}, a tool's folder journal never reads"
        if not is_note_name(parts[-1]):
            return "journal reads only notes named *.md"
        return (
            "it is in a folder journal does not read (a template folder, or `[vault] exclude`"
            " in .journal/config.toml); links still find it"
        )

    def links_find(self, rel: str, *, folder: bool = False) -> bool:
        """Whether links find what is at the vault-relative ``rel``, a note (or, with
        ``folder``, a folder of notes), read or not: one outside the skipped folders,
        excluded ones too (:meth:`excluded_notes`)."""
        if folder_ignored(rel, ()):
            return False
        return folder or is_note_name(rel.rpartition("/")[2])

    def config_line(self, key: tuple[str, ...]) -> int | None:
        """The line of ``key`` in the config file, for a problem with its value found
        after the config was read (a ``check.select`` naming no rule)."""
        try:
            text = (self.root / CONFIG_PATH).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return None
        return key_line(text, key)

    def named_path(self, ref: str, cwd: Path | None = None) -> str:
        """A note named on the command line: its vault path when ``ref`` is a file inside
        the vault (:meth:`argument_path`), as a shell completes it (``./goals/a.md``,
        ``~/vault/goals/a.md``); else ``ref`` itself, an id, name, title, alias or vault
        path for the catalog to find."""
        candidate = self.argument_path(ref, cwd)
        try:
            if ref and candidate.is_file():
                return self.inside(candidate) or ref  # through a symlink: the catalog says
        except (OSError, ValueError):  # too long for a file name; a NUL in it
            pass
        return ref

    def argument_path(self, ref: str, cwd: Path | None = None) -> Path:
        """The file or folder a command-line argument names: ``ref`` from ``cwd``
        (default: the working folder) or an absolute one when that exists, else ``ref``
        from the vault's folder (``goals/a.md`` run outside the vault, as a CI job passes
        it)."""
        candidate = (cwd or files.here() or Path()) / ref  # none: only an absolute path
        try:
            if candidate.exists():
                return candidate
        except (OSError, ValueError):  # too long for a file name; a NUL in it
            pass
        return self.root / ref

    def inside(self, path: Path) -> str | None:
        """The vault path of the file or folder ``path`` (``.`` for the vault's own
        folder), when it lies in the vault with no symlink between the vault's folder
        and it, as the listing never follows one (the vault's folder itself may be
        reached through one: ``~/vault`` -> ``/data/vault``); else None."""
        absolute = Path(os.path.normpath(path.absolute()))
        for folder in (absolute, *absolute.parents):
            try:
                if folder.samefile(self.root):
                    break
            except OSError:  # not there
                continue
        else:
            return None
        rel = absolute.relative_to(folder).as_posix()
        if rel == ".":
            return rel
        try:
            self.disk_path(rel)  # a symlinked folder or file on the way is refused
        except UnsafeWrite:
            return None
        return rel

    def disk_path(self, rel: str) -> Path:
        """The absolute path of a vault-relative path as the disk names it (a note's path
        from the listing or the index, a path built from the config): ``/`` separates
        folders, a ``\\`` is part of a name.  Anything outside the vault or reached
        through a symlink is refused."""
        pure = PurePosixPath(rel)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts:
            raise UnsafeWrite(f"'{rel}' is not a path inside the vault")
        target = self.root.joinpath(*pure.parts)
        current = self.root
        for part in pure.parts:
            current = current / part
            if current.is_symlink():
                raise UnsafeWrite(f"'{rel}' goes through a symlink; the tool does not follow it")
        return target

    def ensure_parent(self, rel: str) -> None:
        """Create the folder the vault path ``rel`` lies in, if it is not the vault's own
        (never through a symlink; never the vault's folder, which may have been deleted
        meanwhile)."""
        folder = rel.rpartition("/")[0]
        if not folder:
            return
        with self.writing(folder):
            path = self.disk_path(folder)
            if not self.root.is_dir():
                raise JournalError(f"the vault folder {self.root} is gone; nothing written")
            path.mkdir(parents=True, exist_ok=True)
            self.disk_path(folder)  # re-check: nothing became a symlink meanwhile

    @contextlib.contextmanager
    def writing(self, rel: str) -> Iterator[None]:
        """What the system refuses while the note or folder at ``rel`` is written, or
        looked for first (a folder read-only, or one that can't be listed or entered:
        ``chmod 555``, ``311``, ``644``), as one line naming it (:func:`files.writing`)."""
        try:
            with files.writing(self.root / rel, shown=rel):
                yield
        except JournalError as exc:
            if exc.path is not None:  # a file's: named as the vault names the note
                exc.path = rel
            raise  # (a refusal of the vault's own, `'goals' goes through a symlink`, as is)

    def rewrite(
        self, rel: str, transform: Callable[[codec.Document], str], resolved: Note | None
    ) -> bool:
        """Apply ``transform`` (document -> new text) to a note in one atomic write.

        The file must still be ``resolved``, the note the command found at ``rel``
        (None: none was), when read (:func:`mid_save`), and be unchanged between the
        read and the write; the BOM is kept; nothing is written when the text comes
        back the same.  Returns whether the file was written.
        """
        with _naming(rel), self._taking_turns():  # another journal command's write first
            return self._rewrite(rel, transform, resolved)

    def would_rewrite(
        self, rel: str, transform: Callable[[codec.Document], str], resolved: Note | None
    ) -> bool:
        """Whether :meth:`rewrite` would write the note (``--dry-run``, ``--stdout``):
        the same reading and refusals, named the same way, and nothing written."""
        with _naming(rel):
            snapshot, doc = self._editable(rel, resolved)
            return codec.encode(transform(doc), bom=doc.bom) != snapshot.data

    def _rewrite(
        self, rel: str, transform: Callable[[codec.Document], str], resolved: Note | None
    ) -> bool:
        snapshot, doc = self._editable(rel, resolved)
        data = codec.encode(transform(doc), bom=doc.bom)
        if data == snapshot.data:
            return False
        self.replace(rel, snapshot, data)
        return True

    def _editable(self, rel: str, resolved: Note | None) -> tuple[files.Snapshot, codec.Document]:
        """The note at ``rel`` as read for an edit; refused when it is not ``resolved``
        but caught in the middle of an editor's save (:func:`mid_save`), or at the line
        of its first problem when it can't be edited without losing text."""
        snapshot = files.read_snapshot(self.disk_path(rel))
        why = None if resolved is None else mid_save(resolved, snapshot.data)
        if why is not None:
            raise Conflict(why)
        doc = codec.decode(snapshot.data)
        if not doc.writable:
            problem = doc.problems[0]
            raise UnsafeWrite(f"not editing this note: {problem.message}", line=problem.line)
        return snapshot, doc

    @contextlib.contextmanager
    def _taking_turns(self) -> Iterator[None]:
        """Take turns with other journal commands editing this vault (a script running
        `journal log` in parallel, `journal watch --regenerate`): each reads the note
        after the other wrote it, so only an editor's save in between is a conflict.
        Without the lock (a cache folder that can't be written, a wait of over
        :data:`WRITE_WAIT` seconds) the write goes on, guarded as ever by the check that
        the file did not change since it was read."""
        lock = vault_cache_file(self.root, ".lock")
        with contextlib.suppress(OSError):  # the index may live elsewhere: make it here
            lock.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with files.turn(lock, WRITE_WAIT) as why:
            if why is not None:
                self.notice(f"{why}; writing without it")
            yield

    def replace(self, rel: str, snapshot: files.Snapshot, data: bytes) -> None:
        """Write ``data`` over the file at ``rel`` as ``snapshot`` read it: atomically,
        and only if nobody changed it since (see :func:`files.replace`).  What refuses
        the write names the file as the vault does, and a conflict over a file of
        Obsidian's settings folder guesses Obsidian saved it meanwhile."""
        from journal.adapters.obsidian import FOLDER

        if self.disk_path(rel) != snapshot.path:
            raise UnsafeWrite(f"'{rel}' is not the file that was read", path=rel)
        self.check_write(rel)
        saved = "by Obsidian" if rel.startswith(f"{FOLDER}/") else "in an editor"
        with _naming(rel):
            files.replace(snapshot, data, saved=saved)
        self._wrote(rel)

    def create(self, rel: str, data: bytes) -> None:
        """Create a new note with ``data``; never overwrites (see :func:`files.create`)."""
        with self.writing(rel):  # a folder that can't be entered: told as a write refused
            target = self.disk_path(rel)
        self.check_write(rel)  # what its hook raises is its own
        with self.writing(rel):
            if target.with_name(f".{target.name}{ICLOUD_SUFFIX}").exists():
                raise UnsafeWrite(  # the note is there, in iCloud: a second would stand beside it
                    "not written: the note at this path is in iCloud, not downloaded "
                    f"(.{target.name}{ICLOUD_SUFFIX} is in its place): download it first "
                    "(Finder: Download Now)",
                    path=rel,
                )
            files.create(target, data)
        self._wrote(rel)

    def _wrote(self, rel: str) -> None:
        if rel not in self.written:  # a note written twice (a log, then a set) is one
            self.written.append(rel)

    def notice(self, message: str) -> None:
        """Something the user should know that is not an error; each message once."""
        if message not in self.notices:
            self.notices.append(message)
            if self.notify is not None:
                self.notify(message)
            else:
                print(f"journal: {message}", file=sys.stderr)

    def at_work(self, name: str) -> contextlib.AbstractContextManager[Progress]:
        """A context in which long work is shown through ``working``, if set: its
        callable takes how much is done of how much."""
        return self.working(name) if self.working else contextlib.nullcontext(_unshown)

    def check_stop(self) -> None:
        """Raise :class:`Stopped` once a stop was asked for (see ``stopping``)."""
        if self.stopping is not None and self.stopping():
            raise Stopped("stopped before it was done")

    @property
    def meant_folders(self) -> dict[str, str]:
        """The folders whose notes are meant as a goal, meeting, contact or daily note, by
        kind (see :func:`~journal.core.catalog.meant_as`)."""
        folders = self.config.folders
        return {
            "goal": folders.goal,
            "meeting": folders.meeting,
            "contact": folders.contact,
            "daily": folders.daily,  # an unreadable one's check-ins are the review's loss
        }

    def catalog(self, source: NoteSource, today: date | None = None) -> Catalog:
        """The catalog of this vault's notes read from ``source`` (an index reader), as of
        ``today`` (see :class:`Catalog`)."""
        return Catalog(
            source=source,
            today=today,
            follow_up_days=self.config.networking.follow_up_days,
            folders=self.meant_folders,
            unlisted=self.unlisted,
            offline=self.offline,
        )

    def check_write(self, rel: str) -> None:
        """Refuse now, through ``before_write``, a note that may not be written."""
        if self.before_write is not None:
            self.before_write(rel)


def _folder_on_disk(root: Path, folder: str, listed: dict[Path, list[str]]) -> str:
    """``folder`` as the vault's folders already spell it, ignoring case (``People`` for
    ``people``): a second folder of that name would be two folders in Obsidian, and one
    on a file system that ignores case (a synced Mac or Windows copy).  ``listed``: the
    folders each folder holds, as read so far (each folder is read once)."""
    parts: list[str] = []
    for part in folder.split("/"):
        where = root.joinpath(*parts)
        names = listed.get(where)
        if names is None:
            try:
                names = [e.name for e in os.scandir(where) if e.is_dir(follow_symlinks=False)]
            except OSError:  # not there yet: the rest is made as written
                names = []
            listed[where] = names
        parts.append(_as_spelt(part, names))
    return "/".join(parts)


def _as_spelt(name: str, names: list[str]) -> str:
    """``name`` as ``names`` spell it: itself when among them, else the one of them that
    differs from it only in case (``People`` for ``people``); itself when none or several
    do."""
    same = [n for n in names if fold(n) == fold(name)]
    return name if name in same or len(same) != 1 else same[0]


def folders_on_disk(root: Path, config: Config) -> Config:
    """``config`` with the folders the tool writes new notes to (``[folders]``, and
    ``[obsidian] bases``) spelt as the vault's folders already are: with ``Reviews/``
    there, the review of a week goes in it, not in a second folder ``reviews/`` beside
    it.  Each folder on the way is listed once, for all of them."""
    listed: dict[Path, list[str]] = {}
    folders = config.folders
    written = {f.name: getattr(folders, f.name) for f in fields(folders)}
    spelt = {name: _folder_on_disk(root, value, listed) for name, value in written.items()}
    bases = _folder_on_disk(root, config.obsidian.bases, listed)
    if spelt == written and bases == config.obsidian.bases:
        return config
    obsidian = replace(config.obsidian, bases=bases)
    return replace(config, folders=replace(folders, **spelt), obsidian=obsidian)


def load_catalog(
    vault: Vault,
    today: date | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Catalog:
    """Every note of the vault, from the index, refreshed from the disk first.

    ``today``: see :class:`Catalog`; ``progress(done, total)`` is called while changed
    files are read.
    """
    from journal.adapters.index import Index  # the index builds on this module

    index = Index.open(vault)
    vault.closing.append(index.close)
    index.refresh(progress=progress)
    return vault.catalog(index.reader(), today)
