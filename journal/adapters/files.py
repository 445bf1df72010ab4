"""Safe file I/O: read a snapshot, replace atomically if unchanged, create exclusively."""

from __future__ import annotations

import contextlib
import errno
import operator
import os
import signal
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

try:  # hashlib's own BLAKE2 (hashlib.blake2b is this one), without importing hashlib, which
    # loads OpenSSL's library: 11 M instructions of the start of every command
    from _blake2 import blake2b as blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b as blake2b

from journal.adapters.libc import exchange
from journal.core.codec import MAX_NOTE_BYTES, TOO_LARGE
from journal.core.errors import Conflict, JournalError, NotFound, UnsafeWrite, changed_on_disk
from journal.core.records import Record, record

#: The signals a command stops on (Ctrl-C; ``kill``, a closed terminal: see ``cli.main``).
STOPS = {signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)}
TEMP_PREFIX = ".journal-"
TEMP_SUFFIX = ".tmp"


def here() -> Path | None:
    """The working folder; None when it no longer exists (deleted, or moved away while
    the shell stayed in it), where no path can be relative to it."""
    try:
        return Path.cwd()
    except FileNotFoundError:
        return None


def absolute(path: Path, what: str = "the vault") -> Path:
    """``path`` from the working folder when relative; a one-line error (not found,
    exit 1) when that folder no longer exists, which says to give ``what`` (the path's
    name for the user) as an absolute path."""
    if path.is_absolute():
        return path
    folder = here()
    if folder is None:
        raise NotFound(_gone(what))
    return folder / path


def _gone(what: str) -> str:
    """Why ``what`` can't be found from the working folder, and where to go: the nearest
    folder that exists above the one the shell says it is in (``PWD``)."""
    from journal.core.formatting import shell_word

    said = Path(os.environ.get("PWD", ""))
    shown, go = "", ""
    if said.is_absolute() and not said.is_dir():
        above = next(p for p in said.parents if p.is_dir())  # "/" at worst
        shown, go = f" {said}", f" (cd {shell_word(str(above))})"
    return (
        f"the working folder{shown} no longer exists (deleted, or moved away): cd to one "
        f"that exists{go}, or give {what} as an absolute path"
    )


def digest(data: bytes) -> str:
    """The content hash used everywhere (index, conflict checks, watcher echo)."""
    return blake2b(data, digest_size=16).hexdigest()


@record(frozen=True, slots=True)
class Snapshot(Record):
    """A file's bytes as read, to check it is unchanged before replacing it."""

    path: Path
    data: bytes
    digest: str
    mode: int


#: When the file last changed, by the system's clock (a getter in C: the stat scan of
#: every command asks it of every note): its ctime, which every write and every change of
#: its mtime moves and no tool can set.  An edit that keeps the size and puts the mtime
#: back (``touch -r``, ``rsync --inplace -t``) is seen, and a file whose mtime lies in the
#: future (unpacked from an archive, synced from a device with a wrong clock) is trusted
#: 2 s after it was read, as any other, rather than read again by every command (a chmod
#: moves the ctime too: the file is then read and hashed again, not parsed).  Windows'
#: ctime is the creation time: there, the mtime.
changed_ns: Callable[[os.stat_result], int] = operator.attrgetter(
    "st_ctime_ns" if os.name == "posix" else "st_mtime_ns"
)


def stat_stamp(info: os.stat_result) -> tuple[int, int, int]:
    """What tells one state of a file from another without reading it: size, change
    time (:func:`changed_ns`) and inode."""
    return (info.st_size, changed_ns(info), info.st_ino)


def read_note(fd: int, size: int = 0) -> bytes:
    """The bytes of the open file ``fd`` from where it stands, but never more than
    :data:`MAX_NOTE_BYTES` + 1: a file larger than a note can be (a video named ``.md``)
    is not read whole to be told so (:func:`codec.decode` tells it).  ``size``: the
    file's size if known (its first read asks for that much, plus one to meet the end).

    Read by ``os.read``, not a file object: ``read(n)`` of a buffered file sets aside
    ``n`` bytes before reading, and 8 MB for each note made reading a vault five
    times slower than reading its files."""
    parts = []
    left = MAX_NOTE_BYTES + 1
    ask = min(size + 1, left) if size > 0 else _READ_SIZE
    while left > 0:
        part = os.read(fd, ask)
        parts.append(part)
        left -= len(part)
        if len(part) < ask:  # the end: a file gives all it has up to what is asked
            break
        ask = min(_READ_SIZE, left)
    return parts[0] if len(parts) == 1 else b"".join(parts)


_READ_SIZE = 1 << 16


def folder_entries(folder: str) -> list[os.DirEntry[str]]:
    """The entries of ``folder``; raises :class:`OSError` when it can't be listed, or
    can't be entered (``chmod 644``: its names read, no file in it looked at)."""
    entries = list(os.scandir(folder))
    if entries:
        _entered(entries[0])
    return entries


def check_entered(folder: str) -> None:
    """Raise :class:`OSError` when ``folder`` can't be listed or entered, reading no more
    of it than its first entry (:func:`folder_entries` lists all of it)."""
    with os.scandir(folder) as listing:
        first = next(listing, None)
    if first is not None:
        _entered(first)


def _entered(entry: os.DirEntry[str]) -> None:
    try:
        entry.stat(follow_symlinks=False)  # kept by the entry: the index's stat
    except PermissionError:
        raise
    except OSError:  # that one gone, or its path too long: told of as a note
        pass


def read_note_at(path: Path) -> bytes:
    """:func:`read_note` of the file at ``path`` (never through a symlink at its end)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        return read_note(fd)
    finally:
        os.close(fd)


def read_snapshot(path: Path) -> Snapshot:
    """Read ``path`` for a later :func:`replace`; refuses symlinks, hard links and a
    file larger than a note can be."""
    try:
        info = path.lstat()
        _refuse_links(path, info)
        data = read_note_at(path)
    except FileNotFoundError:
        raise JournalError("the file does not exist", path=str(path)) from None
    except OSError as exc:
        raise JournalError(f"can't read it: {exc.strerror or exc}", path=str(path)) from None
    if len(data) > MAX_NOTE_BYTES:
        raise UnsafeWrite(TOO_LARGE, path=str(path))
    return Snapshot(path, data, digest(data), stat.S_IMODE(info.st_mode))


@contextlib.contextmanager
def writing(path: Path, shown: str | None = None) -> Iterator[None]:
    """What the system refuses while ``path`` is written (a read-only folder, a full
    disk) as one line naming it (as ``shown``, else by its path), not a traceback."""
    try:
        yield
    except JournalError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.errno == errno.EROFS:
            reason += " (the disk or mount holding it is read-only: no chmod helps)"
        elif exc.errno in (errno.EACCES, errno.EPERM):
            reason += " (check the permissions of its folder)"
        elif exc.errno in (errno.EEXIST, errno.ENOTDIR):
            reason = "a file has the name of a folder it needs"
        raise JournalError(
            f"can't write it: {reason}; nothing written", path=shown or str(path)
        ) from None


def read_only_file_system(folder: Path) -> bool:
    """Whether ``folder`` is on a file system mounted read-only (``ST_RDONLY``); False
    when that can't be told (no ``statvfs``: Windows; a folder not there)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):
        return False


def _refuse_links(path: Path, info: os.stat_result) -> None:
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeWrite("is a symlink; the tool does not write through links", path=str(path))
    if not stat.S_ISREG(info.st_mode):  # before the links: a folder has several
        raise UnsafeWrite("is not a regular file", path=str(path))
    if info.st_nlink > 1:
        raise UnsafeWrite("has other hard links; the tool would break them", path=str(path))


@contextlib.contextmanager
def _unchanged(snapshot: Snapshot, saved: str) -> Iterator[tuple[int, os.stat_result]]:
    """The file at ``snapshot.path``, checked to hold ``snapshot``'s bytes, opened: its
    descriptor and its stat as checked (taken before reading, so a write after it
    shows as a new size or mtime), closed when the block ends."""
    try:
        info = snapshot.path.lstat()
        _refuse_links(snapshot.path, info)
        fd = os.open(snapshot.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise Conflict(
            "was deleted while the tool was working; nothing written", path=str(snapshot.path)
        ) from None
    try:
        checked = os.fstat(fd)
        now = read_note(fd, checked.st_size)
        if checked.st_ino != info.st_ino or digest(now) != snapshot.digest:
            raise Conflict(changed_on_disk(saved), path=str(snapshot.path))
        yield fd, checked
    finally:
        os.close(fd)


def _read_all(fd: int) -> bytes:
    """All the bytes of the open file ``fd``, from its start (the user's text, however
    large)."""
    os.lseek(fd, 0, os.SEEK_SET)
    with os.fdopen(fd, "rb", closefd=False) as handle:
        return handle.read()


def replace(snapshot: Snapshot, data: bytes, *, saved: str = "in an editor") -> None:
    """Atomically replace the file with ``data`` if it still holds ``snapshot``'s bytes.

    Writes a temp file in the same folder, fsyncs it, keeps the file mode,
    checks the file is unchanged and swaps the two (Linux; elsewhere ``os.replace``),
    then checks that what it swapped out is the file checked, unwritten since - else
    swaps them back and refuses (an editor's save between the check and the swap);
    no temp file of the tool's text is left behind on any error (:func:`_temp_dropped`).
    ``saved``: how the file was likely saved meanwhile, as a conflict guesses it ("in
    an editor").
    """
    with _unchanged(snapshot, saved):
        pass
    # as an editor warns before it saves over it; on a read-only file system, the write
    # fails as such (no chmod helps there)
    if not snapshot.mode & 0o222 and not read_only_file_system(snapshot.path.parent):
        raise UnsafeWrite(
            "is read-only (no write permission); make it writable for the tool to edit it",
            path=str(snapshot.path),
        )
    with writing(snapshot.path):
        temp = _write_temp(snapshot.path.parent, data, snapshot.mode)
        ours = 0
        try:
            ours = temp.lstat().st_ino
            with _unchanged(snapshot, saved) as (fd, checked):
                if _exchanged(temp, snapshot.path):  # temp: the file replaced
                    _theirs_back(snapshot, temp, ours, (fd, checked), saved)
                    temp.unlink()
                else:  # no exchange here: a rename
                    temp.replace(snapshot.path)
                    _theirs_kept(snapshot, fd, checked, saved)
        except BaseException:  # a stop (Ctrl-C) too: the swap undone, as its message says
            with interrupts_held():  # (another stop waits until this is done)
                _temp_dropped(temp, ours, snapshot.path)
            raise
    _fsync_dir(snapshot.path.parent)


def _exchanged(temp: Path, path: Path) -> bool:
    """:func:`exchange` of the two; a note deleted since the check is a conflict."""
    try:
        return exchange(str(temp), str(path))
    except FileNotFoundError:
        raise Conflict(
            "was deleted while the tool was working; nothing written", path=str(path)
        ) from None


def _temp_dropped(temp: Path, ours: int, path: Path) -> None:
    """After a replace that failed or was refused: the temp file deleted when it holds
    the tool's text (inode ``ours``, or unknown: 0); else it holds the user's file,
    swapped out and not back: swapped back when the tool's is at the path, put back
    there when the path is free (moved aside or deleted meanwhile, as vim saves), and
    left at the temp name, never deleted, when another file took the path."""
    with contextlib.suppress(OSError):
        if ours and temp.lstat().st_ino != ours:
            try:
                there = path.lstat().st_ino
            except FileNotFoundError:
                os.link(temp, path)
            else:
                if there != ours or not exchange(str(temp), str(path)):
                    return
        temp.unlink()


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C and the other stops (:data:`STOPS`) back while the block runs, in
    this thread (signals are delivered once it ends); nothing where the system can't."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    # the mask as it is, changing nothing: a stop Python already caught is raised by
    # either call, and one raised by the second must find the mask put back (found in
    # review: it stayed blocked for the rest of the process)
    held = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _theirs_back(
    snapshot: Snapshot, temp: Path, ours: int, opened: tuple[int, os.stat_result], saved: str
) -> None:
    """After the exchange, which left at ``temp`` the file the path held: when that is
    not the file checked (an editor's save renamed a new one in after the check) or the
    file checked was written since (``opened``: its descriptor and stat as checked; an
    editor saving in place), swap them back - their file at the path again, whole, any
    write still to come into it landing there - and refuse.  Should another save have
    renamed a file in meanwhile (``temp`` then not the tool's file, inode ``ours``), that
    newest one goes back to the path."""
    fd, checked = opened
    replaced, now = temp.lstat(), os.fstat(fd)
    if (
        replaced.st_ino == checked.st_ino
        and (now.st_size, now.st_mtime_ns) == (checked.st_size, checked.st_mtime_ns)
        and digest(_read_all(fd)) == snapshot.digest  # (a same-size write in the same tick)
    ):
        return
    with contextlib.suppress(FileNotFoundError):  # the path gone: see _temp_dropped
        exchange(str(temp), str(snapshot.path))
        if temp.lstat().st_ino != ours:  # a newer save: it goes back, the older one away
            exchange(str(temp), str(snapshot.path))
            temp.unlink()
        _fsync_dir(snapshot.path.parent)  # their text back for good before the refusal
    raise Conflict(changed_on_disk(saved), path=str(snapshot.path))


def _theirs_kept(snapshot: Snapshot, fd: int, checked: os.stat_result, saved: str) -> None:
    """After the replace: when the file replaced (open as ``fd``) was written after it
    was ``checked`` (an editor saving in place, a script's ``>>``), its text went to the
    unlinked file: put it back at the path, whole, over the tool's, and refuse."""
    now = os.fstat(fd)
    # (not its ctime: the rename that unlinked it changed that)
    if (now.st_size, now.st_mtime_ns) == (checked.st_size, checked.st_mtime_ns):
        return
    _write_temp(snapshot.path.parent, _read_all(fd), snapshot.mode).replace(snapshot.path)
    _fsync_dir(snapshot.path.parent)  # their text back for good before the refusal
    raise Conflict(changed_on_disk(saved), path=str(snapshot.path))


def create(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Create ``path`` with ``data``, failing if anything already has that name.

    The content is complete before the name appears (temp file + hard link),
    so no other process or sync client ever sees a half-written note.
    """
    with writing(path):
        temp = _write_temp(path.parent, data, mode & ~_umask())
        try:
            try:
                os.link(temp, path)
            except FileExistsError:
                raise Conflict("already exists; not overwritten", path=str(path)) from None
            except OSError:  # file systems without hard links
                _create_exclusive(path, data)
        finally:
            temp.unlink(missing_ok=True)
    _fsync_dir(path.parent)


def _create_exclusive(path: Path, data: bytes) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise Conflict("already exists; not overwritten", path=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:  # a full disk: no half note left behind
        path.unlink(missing_ok=True)
        raise


def _write_temp(folder: Path, data: bytes, mode: int) -> Path:
    import tempfile  # only commands that write need it (it takes a while to import)

    fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=folder)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(mode)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not supported on every platform / file system
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def keep_trying(
    attempt: Callable[[], bool],
    wait: float,
    poll: float,
    stop: Callable[[], bool] | None = None,
) -> bool:
    """Call ``attempt`` until it succeeds (returns True), ``poll`` seconds apart, for up
    to ``wait`` seconds (a lock another process holds for a moment), or until ``stop()``
    (a watcher asked to stop: its signal handler only says so).  Whether it did."""
    deadline = time.monotonic() + wait
    while not attempt():
        if time.monotonic() > deadline or (stop is not None and stop()):
            return False
        time.sleep(poll)
    return True


@contextlib.contextmanager
def turn(
    lock: Path,
    wait: float,
    waiting: Callable[[], None] | None = None,
    stop: Callable[[], bool] | None = None,
    tell_after: float = 1.0,
) -> Iterator[str | None]:
    """Take turns with other journal processes: hold an ``flock`` on the file ``lock``
    (made if missing) while the block runs, waiting up to ``wait`` seconds for another
    to let it go (``waiting()`` is called once, when the wait has taken ``tell_after``
    seconds: a cron job's mail told a wait of a fraction of a second, found in a
    tryout), or until ``stop()``.  Yields None when held (or where there is no
    ``flock``: Windows), else why it is not (the file can't be made, the wait ran out or
    was stopped); the caller decides whether to go on without it."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock
        yield None
        return
    try:  # read only: flock needs no more, and a shared file may be another's
        fd = os.open(lock, os.O_RDONLY | os.O_CREAT, 0o666)
    except OSError as exc:
        yield f"can't take the lock {lock}: {exc.strerror or exc}"
        return

    def take() -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    started, told = time.monotonic(), False

    def take_or_tell() -> bool:
        nonlocal told
        if take():
            return True
        if waiting is not None and not told and time.monotonic() - started >= tell_after:
            told = True
            waiting()
        return False

    try:
        try:
            held = take() or keep_trying(take_or_tell, wait, 0.02, stop)
        except OSError as exc:  # NFS without flock, no locks left (ENOLCK)
            yield f"can't take the lock {lock}: {exc.strerror or exc}"
            return
        if held:
            yield None
        elif stop is not None and stop():
            yield f"stopped while another journal command held {lock}"
        else:
            yield f"another journal command has held {lock} for {wait:g} s"
    finally:
        os.close(fd)  # lets the lock go
