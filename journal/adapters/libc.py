"""The few C library calls journal makes (through ctypes, imported here only): none is
needed, so each is skipped where the platform or the Python build lacks it."""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends
_M_TRIM_THRESHOLD = -1  # mallopt(3)
_M_MMAP_THRESHOLD = -3
#: The thresholds while the heap is kept: glibc's largest mmap threshold on 64 bits
#: (32 MiB: buffers up to it come from the heap), and no trim short of a GiB.
_KEPT_MMAP = 32 << 20
_KEPT_TRIM = 1 << 30
#: The thresholds after: set once, they stay fixed (glibc raises its own, from 128 KiB,
#: to the size of each large buffer freed, and the trim threshold to twice that, only
#: until a program sets them), so they are set where glibc's own stand in a process that
#: freed a 4 MiB buffer: smaller buffers reused from the heap, more than 8 MiB free at
#: its top given back.  Back at 128 KiB, every buffer of a megabyte took fresh pages for
#: the rest of the process (a watcher's life; found in review).
_AFTER_MMAP = 4 << 20
_AFTER_TRIM = 8 << 20


def _function(name: str, *, errors: bool = False) -> Callable[..., Any] | None:
    """The C library's function ``name``, or None (no ctypes, no such function);
    ``errors``: its ``errno`` kept for ``ctypes.get_errno``."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        function: Callable[..., Any] = getattr(ctypes.CDLL(None, use_errno=errors), name)
    except (ImportError, AttributeError, OSError):
        return None
    return function


def die_with_parent(signal: int) -> None:
    """Have the kernel send this process ``signal`` when the process that forked it ends
    (Linux; nothing elsewhere)."""
    prctl = _function("prctl")
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal)


@contextlib.contextmanager
def heap_kept() -> Iterator[None]:
    """Keep the memory the C heap frees in the process, for reuse, while the block runs
    (glibc; nothing elsewhere), and in the processes forked meanwhile; after it, more
    than 8 MiB free at the heap's top goes back to the system, as before.  (Settings
    of ``MALLOC_TRIM_THRESHOLD_`` and the like are overridden.)  A cold build's
    workers send their rows in buffers of about a megabyte, each copied four times
    (marshalled, pickled, read from the pipe, unpickled): glibc gave every one fresh
    pages from the kernel and handed them back once freed (a build of 10,000 notes took
    50,000 page faults, 31,000 with the heap kept)."""
    mallopt = _function("mallopt")
    if mallopt is None:
        yield
        return
    mallopt(_M_MMAP_THRESHOLD, _KEPT_MMAP)
    mallopt(_M_TRIM_THRESHOLD, _KEPT_TRIM)
    try:
        yield
    finally:
        mallopt(_M_MMAP_THRESHOLD, _AFTER_MMAP)
        mallopt(_M_TRIM_THRESHOLD, _AFTER_TRIM)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # renameat2(2)
#: The errors that say the system or the file system has no exchange (an old kernel, a
#: network or FUSE file system, a sandbox that refuses the call: EPERM): the caller
#: renames instead (a real lack of permission then fails the rename too).
_NO_EXCHANGE = {
    errno.ENOSYS,
    errno.EINVAL,
    errno.ENOTSUP,
    errno.EOPNOTSUPP,
    errno.EXDEV,
    errno.EPERM,
}


@functools.cache
def _renameat2() -> Callable[..., Any] | None:
    """The C library's ``renameat2``, looked up once (a watcher writes again and again)."""
    return _function("renameat2", errors=True)


def exchange(first: str, second: str) -> bool:
    """Swap the files at ``first`` and ``second`` at once (Linux's ``renameat2`` with
    ``RENAME_EXCHANGE``); False, nothing done, where the system or file system can't.
    Told to audit hooks as ``os.rename`` (it is one of rename's forms)."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    sys.audit("os.rename", first, second, -1, -1)
    import ctypes

    done = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), first, None, second)
