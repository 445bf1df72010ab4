"""The C library calls a build makes: the heap kept through a burst of large buffers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.adapters import libc

glibc = pytest.mark.skipif(
    libc._function("mallopt") is None or not libc._function("gnu_get_libc_version"),
    reason="glibc's malloc only",
)


#: A child process (a fresh heap: a process's history, memory freed amid its heap,
#: serves such buffers without new pages as well) that prints the page faults of the same
#: burst of large buffers twice, plainly and in a kept heap - what a build's writing
#: process does with each chunk its workers send: a buffer read from a pipe 64 KiB at a
#: time, then unpacked; then, after the kept heap, the faults of buffers of a megabyte
#: taken and freed one after the other, and the megabytes the process holds after 100
#: of them were freed at once, beyond what it held before.
BURSTS = """
import io, marshal, resource
from journal.adapters.libc import heap_kept
def burst():
    piece = b"x" * 65536
    for _ in range(10):
        received = io.BytesIO()
        for _ in range(16):
            received.write(piece)
        data = received.getvalue()
        rows = marshal.loads(marshal.dumps([data[: 1 << 19], list(range(20_000))]))
        del received, data, rows
def one_by_one():
    for _ in range(50):
        buffer = bytearray(1 << 20)
        del buffer
def faults(work):
    start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    work()
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - start
def held():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() >> 20
burst()
plain = faults(burst)
before = held()
with heap_kept():
    burst()  # the heap grows once
    kept = faults(burst)
    many = [bytearray(1 << 20) for _ in range(100)]
    del many
    kept_back = held() - before
one_by_one()
after = faults(one_by_one)
many = [bytearray(1 << 20) for _ in range(100)]
del many
print(plain, kept, kept_back, after, held() - before)
"""


@glibc
def test_a_kept_heap_serves_a_burst_of_large_buffers_from_pages_it_has() -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    out = subprocess.run(
        [sys.executable, "-c", BURSTS], env=env, capture_output=True, text=True, check=True
    ).stdout
    plain, kept, kept_back, after, given_back = map(int, out.split())
    assert plain > 1000  # each buffer new pages from the kernel, given back when freed
    assert kept * 20 < plain
    assert kept_back >= 90  # 100 MiB freed, kept while the block runs
    # after it: a megabyte freed is reused (as glibc's own thresholds do once raised:
    # set back to glibc's first values, each took 256 new pages, found in review), and
    # what is freed at once beyond 8 MiB goes back to the system
    assert after < 100 and given_back < 20


def test_without_ctypes_neither_call_does_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Python built without ctypes (no libffi) builds on without them."""
    monkeypatch.setitem(sys.modules, "ctypes", None)  # what `import ctypes` then meets
    assert libc._function("mallopt") is None
    with libc.heap_kept():
        assert bytes(1 << 20)  # a large buffer, as in a build
    libc.die_with_parent(0)  # no signal asked for: nothing to undo


def test_a_function_the_c_library_lacks_is_none() -> None:
    assert libc._function("no_such_function_in_any_libc") is None
