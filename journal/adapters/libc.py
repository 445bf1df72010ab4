"""The few C library calls a build makes (through ctypes, imported here only): none is
needed, so each is skipped where the platform or the Python build lacks it."""

from __future__ import annotations

import contextlib
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
#: glibc's thresholds at the start (set again after, as fixed values: glibc raises them
#: by itself only until a program sets them).
_FIRST = 128 << 10


def _function(name: str) -> Callable[..., Any] | None:
    """The C library's function ``name``, or None (no ctypes, no such function)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        function: Callable[..., Any] = getattr(ctypes.CDLL(None), name)
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
    (glibc; nothing elsewhere), and in the processes forked meanwhile.  A cold build's
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
        mallopt(_M_MMAP_THRESHOLD, _FIRST)
        mallopt(_M_TRIM_THRESHOLD, _FIRST)
