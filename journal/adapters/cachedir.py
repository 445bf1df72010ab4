"""Where journal keeps its caches: outside the vault, in the user cache folder."""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from pathlib import Path

from journal.adapters.files import blake2b
from journal.core.regex import lazy


def cache_folder() -> Path:
    """The user cache folder for journal (XDG on Linux, ~/Library/Caches on macOS,
    %LOCALAPPDATA% on Windows).  Everything in it can be deleted at any time."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "journal"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "journal"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "journal" / "Cache"
    return Path.home() / ".cache" / "journal"


def cache_subfolder(name: str) -> Path:
    """The folder ``name`` in the cache folder, made (with the cache folder) if missing,
    each readable by the user alone: an index beside them holds every note's text, and
    the first of journal's files to make the cache folder decides its mode (a folder
    made with ``parents=True`` gets the default mode, 0755 under the usual umask: found
    in review).  OSError when it can't be made."""
    folder = cache_folder() / name
    private_folder(folder)
    return folder


def private_folder(folder: Path) -> None:
    """Make ``folder`` and whichever of the folders above it are missing, each readable
    by the user alone (``mkdir -p`` gives those above the default mode, 0755 under the
    usual umask; the XDG spec asks 0700 of the cache folder); those already there are
    left as they are.  OSError when one can't be made (a file in the way, say)."""
    if folder.exists() and not folder.is_dir():  # named: the file in the way
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for item in reversed(missing):
        item.mkdir(mode=0o700, exist_ok=True)


def folder_gone(root: Path) -> bool:
    """The folder ``root`` does not exist (not: can't be reached now, as an unreadable
    or failing mount, which keeps its caches)."""
    try:
        info = root.stat()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return not stat.S_ISDIR(info.st_mode)


#: The bytes of a vault folder's name kept in its cache files' names: the longest name
#: made beside its index (a moved-aside copy's, 56 bytes more) fits in 143 bytes,
#: eCryptfs's limit (an encrypted home), and well in the usual 255
NAME_BYTES = 80


def vault_cache_file(root: Path, suffix: str) -> Path:
    """A vault's own file in the cache folder (its index ``.sqlite``, its write
    ``.lock``): named after the vault folder, its first :data:`NAME_BYTES` in UTF-8
    (the hash tells vaults apart), and a hash of its full path."""
    full = str(root.resolve())
    tag = blake2b(full.encode("utf-8", "surrogateescape"), digest_size=6).hexdigest()
    name = re.sub(r"[^\w.-]+", "-", root.name).strip("-.") or "vault"
    name = name.encode()[:NAME_BYTES].decode(errors="ignore").rstrip("-.")  # whole characters
    return cache_folder() / f"{name}-{tag}{suffix}"


#: What ``index.default_path`` names (a version's part left out until schema 11): the
#: vault's part, and its hash, which alone tells the vault (older versions did not cut
#: a long folder name before it)
CACHED_INDEX = lazy(r"([\w.-]*-([0-9a-f]{12}))(?:\.s\d+-[0-9a-f]{8})?\.sqlite")
#: Days an index file of another version of journal, unmodified, or a moved-aside copy
#: is kept in the cache folder (see ``index.prune_other_versions``)
UNUSED_DAYS = 7


def same_vault(one: str, other: str) -> bool:
    """Whether the index files named ``one`` and ``other`` (as ``index.default_path`` names
    them, of any version) are of one vault."""
    found = [CACHED_INDEX.fullmatch(name) for name in (one, other)]
    return found[0] is not None and found[1] is not None and found[0][2] == found[1][2]
