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
#: burst of large buffers three times: plainly, in a kept heap, and after it.  The burst
#: is what a build's writing process does with each chunk its workers send: a buffer
#: read from a pipe 64 KiB at a time, then unpacked.
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
def faults():
    start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    burst()
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - start
burst()
plain = faults()
with heap_kept():
    burst()  # the heap grows once
    kept = faults()
burst()
print(plain, kept, faults())
"""


@glibc
def test_a_kept_heap_serves_a_burst_of_large_buffers_from_pages_it_has() -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    out = subprocess.run(
        [sys.executable, "-c", BURSTS], env=env, capture_output=True, text=True, check=True
    ).stdout
    plain, kept, after = map(int, out.split())
    assert plain > 1000  # each buffer new pages from the kernel, given back when freed
    assert kept * 20 < plain
    assert after > 1000  # given back again once the block is over


def test_without_ctypes_neither_call_does_anything(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Python built without ctypes (no libffi) builds on without them."""
    monkeypatch.setitem(sys.modules, "ctypes", None)  # what `import ctypes` then meets
    assert libc._function("mallopt") is None
    with libc.heap_kept():
        assert bytes(1 << 20)  # a large buffer, as in a build
    libc.die_with_parent(0)  # no signal asked for: nothing to undo


def test_a_function_the_c_library_lacks_is_none() -> None:
    assert libc._function("no_such_function_in_any_libc") is None
