"""The vault on disk: finding it, its config, its notes, and paths kept inside it."""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from journal.adapters import files
from journal.core import codec
from journal.core.catalog import Catalog
from journal.core.errors import ConfigError, JournalError, NotFound, UnsafeWrite
from journal.core.notes import Note, parse_note
from journal.core.settings import Config, config_from_dict

CONFIG_PATH = ".journal/config.toml"
MARKERS = (".journal", ".obsidian")
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__"})


def find_vault(explicit: str | None, cwd: Path) -> Path:
    """The vault root: ``explicit`` (``--vault``/``JOURNAL_VAULT``), else the nearest
    folder at or above ``cwd`` that holds ``.journal/`` or ``.obsidian/``."""
    if explicit:
        root = Path(explicit).expanduser()
        if not root.is_dir():
            raise NotFound(f"vault folder '{explicit}' does not exist")
        return root.resolve()
    for folder in (cwd, *cwd.parents):
        if any((folder / marker).is_dir() for marker in MARKERS):
            return folder.resolve()
    raise NotFound(
        "no vault here: run inside a vault (a folder with .journal/ or .obsidian/), "
        "pass --vault PATH or set JOURNAL_VAULT"
    )


def load_config(root: Path) -> Config:
    path = root / CONFIG_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"can't read the config: {exc}", path=CONFIG_PATH) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+), column \d+\)$", str(exc))
        line = int(at.group(1)) if at else None
        raise ConfigError(f"invalid TOML: {exc}", path=CONFIG_PATH, line=line) from None
    return config_from_dict(data, CONFIG_PATH, text)


def is_note_name(name: str) -> bool:
    """A markdown note the tool reads: ``*.md``, not hidden, not an editor/sync temp file."""
    return name.lower().endswith(".md") and not name.startswith((".", "~"))


def is_skipped_folder(name: str) -> bool:
    """Folders never read: hidden ones (.git, .obsidian, .trash, .journal) and tool caches."""
    return name.startswith(".") or name in SKIPPED_FOLDERS


@dataclass
class Vault:
    """An opened vault: its root folder and settings.

    Every note the tool writes goes through :meth:`rewrite` or :meth:`create`,
    which call ``before_write`` (when set) with the note's path just before
    writing, so a caller can refuse a write (``--commit`` does), and list the
    path in ``written``.
    """

    root: Path
    config: Config
    before_write: Callable[[str], None] | None = None
    written: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, root: Path) -> Vault:
        return cls(root, load_config(root))

    def iter_notes(self, under: str = "") -> Iterator[tuple[str, os.DirEntry[str]]]:
        """Every note as (relative posix path, directory entry), or those in the folder
        ``under`` (a vault-relative path); symlinks are not followed."""
        stack = [(under + "/", str(self.path(under))) if under else ("", str(self.root))]
        while stack:
            prefix, folder = stack.pop()
            try:
                entries = list(os.scandir(folder))
            except OSError:
                continue
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if not is_skipped_folder(entry.name):
                        stack.append((prefix + entry.name + "/", entry.path))
                elif entry.is_file(follow_symlinks=False) and is_note_name(entry.name):
                    yield prefix + entry.name, entry

    def note_paths(self) -> list[str]:
        return sorted(rel for rel, _entry in self.iter_notes())

    def path(self, rel: str) -> Path:
        """The absolute path of a vault-relative path, refusing anything outside the vault
        or reached through a symlink."""
        pure = PurePosixPath(rel.replace("\\", "/"))
        if pure.is_absolute() or ".." in pure.parts or not pure.parts:
            raise UnsafeWrite(f"'{rel}' is not a path inside the vault")
        target = self.root.joinpath(*pure.parts)
        current = self.root
        for part in pure.parts:
            current = current / part
            if current.is_symlink():
                raise UnsafeWrite(f"'{rel}' goes through a symlink; the tool does not follow it")
        return target

    def rel(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def read_note(self, rel: str) -> Note:
        """Parse one note from disk."""
        return parse_note(rel, self.path(rel).read_bytes())

    def ensure_folder(self, rel: str) -> Path:
        """Create a folder inside the vault (never through a symlink) and return it."""
        folder = self.path(rel)
        folder.mkdir(parents=True, exist_ok=True)
        self.path(rel)  # re-check: nothing became a symlink meanwhile
        return folder

    def rewrite(self, rel: str, transform: Callable[[codec.Document], str]) -> bool:
        """Apply ``transform`` (document -> new text) to a note in one atomic write.

        The file must be unchanged between the read and the write; the BOM is
        kept; nothing is written when the text comes back the same.  Returns
        whether the file was written.
        """
        try:
            snapshot = files.read_snapshot(self.path(rel))
            doc = codec.decode(snapshot.data)
            if not doc.writable:
                problem = doc.problems[0]
                raise UnsafeWrite(f"not editing this note: {problem.message}", line=problem.line)
            data = codec.encode(transform(doc), bom=doc.bom)
            if data == snapshot.data:
                return False
            if self.before_write is not None:
                self.before_write(rel)
            files.replace(snapshot, data)
        except JournalError as exc:
            exc.path = rel
            raise
        self.written.append(rel)
        return True

    def create(self, rel: str, data: bytes) -> None:
        """Create a new note with ``data``; never overwrites (see :func:`files.create`)."""
        target = self.path(rel)
        if self.before_write is not None:
            self.before_write(rel)
        files.create(target, data)
        self.written.append(rel)


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
    index.refresh(progress=progress)
    return Catalog(source=index.reader(), today=today)
