"""Comparing an index with a fresh rebuild of the same vault."""

from __future__ import annotations

import contextlib
import errno
import os
import pickle
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from journal.adapters.index import Index
from journal.adapters.vault import Vault

_DETAIL_ORDER = {
    "parsed": "path",
    "records": "kind, path",
    "aliases": "path, key",
    "links": "path, seq",
    "tags": "path, seq",
    "tasks": "path, line, text",
    "checkins": "path, seq",
    "fields": "path, seq",
    "diagnostics": "path, seq",
    "excluded": "path",
}


def dump(db: Path) -> dict[str, Any]:
    """Everything an index holds that a rebuild must reproduce (not read times, rowids)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
    try:
        out: dict[str, Any] = {
            "notes": conn.execute(
                "SELECT path, size, changed_ns, inode, hash, kind, id, title, status, date,"
                " created, start, due, name, aliases, readable, props, note"
                " FROM notes JOIN parsed USING (path) ORDER BY path"
            ).fetchall()
        }
        for table, order in _DETAIL_ORDER.items():
            out[table] = conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
        out["records"] = [  # typed records as their repr: equal ones may pickle apart
            (*row[:2], repr(pickle.loads(row[2]))) for row in out["records"]
        ]
        out["search"] = conn.execute(
            "SELECT n.path, s.title, s.body FROM search s JOIN notes n ON n.rowid = s.rowid"
            " ORDER BY n.path"
        ).fetchall()
        out["search rows"] = conn.execute("SELECT count(*) FROM search").fetchone()[0]
        out["pending"] = conn.execute("SELECT value FROM meta WHERE key = 'resolve'").fetchall()
        return out
    finally:
        conn.close()


def rebuilt(root: Path, where: Path) -> dict[str, Any]:
    """The dump of a brand-new index of the vault at ``root``."""
    where.unlink(missing_ok=True)
    index = Index.open(listening(root, []), where)
    index.rebuild()
    index.close()
    return dump(where)


def assert_matches_rebuild(root: Path, db: Path, scratch: Path, timeout: float = 0.0) -> None:
    """The index at ``db`` equals a fresh rebuild (waiting up to ``timeout`` seconds for
    a watcher to catch up)."""
    expected = rebuilt(root, scratch / "rebuilt.sqlite")
    deadline = time.monotonic() + timeout
    while True:
        actual = dump(db)
        if actual == expected or time.monotonic() >= deadline:
            break
        time.sleep(0.05)
    for table, rows in expected.items():
        if actual[table] != rows and isinstance(rows, list):
            missing = [row for row in rows if row not in actual[table]][:3]
            extra = [row for row in actual[table] if row not in rows][:3]
            raise AssertionError(f"{table} differs from a rebuild: lacks {missing}, has {extra}")
        assert actual[table] == rows, f"{table} differs from a rebuild"


def write_many_notes(vault: Path, total: int) -> None:
    """``total`` small notes with tasks, links and tags in 16 folders: enough for a
    build that forks worker processes and takes a moment."""
    body = "".join(f"- [ ] task {i} [[note {i}]] #tag{i}\n" for i in range(8))
    for i in range(total):
        folder = vault / f"f{i % 16}"
        folder.mkdir(exist_ok=True)
        (folder / f"note {i}.md").write_text(f"---\ntitle: Note {i}\n---\n{body}")


def wait_for_a_stored_batch(db: Path, timeout: float = 60) -> bool:
    """Whether a build writing to ``db`` stored its first batch of notes in time."""
    return wait_until_stored(db, "SELECT count(*) FROM notes", timeout)


def wait_until_stored(db: Path, query: str, timeout: float = 60) -> bool:
    """Whether ``query`` on the index ``db`` (written by another process) gave a row whose
    first value is true within ``timeout`` seconds: a test waits for what it needs, not
    for a fixed time a loaded machine may overrun (a watcher not yet started at 1.5 s)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.01)
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
            try:
                row = conn.execute(query).fetchone()
                if row is not None and row[0]:
                    return True
            finally:
                conn.close()
    return False


def wait_for_workers(pid: int, timeout: float = 60) -> bool:
    """Whether the process ``pid`` forked its worker processes (a parallel build is
    under way) in time: Linux lists a process's children in /proc."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.01)
        with contextlib.suppress(OSError):
            if children.read_text().split():
                return True
    return False


def listening(root: Path, notices: list[str]) -> Vault:
    """The vault at ``root``, its notices (the index's among them) kept in ``notices``."""
    vault = Vault.open(root)
    vault.notify = notices.append
    return vault


@contextlib.contextmanager
def small_disk(where: Path) -> Iterator[Path]:
    """A 4 MB file system of its own (a tmpfs) mounted at ``where``, to fill; the test is
    skipped where none can be mounted (mounting needs root)."""
    where.mkdir()
    try:
        mounted = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(where)],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as exc:  # no mount command
        pytest.skip(f"can't mount a tmpfs: {exc}")
    if mounted.returncode != 0:
        pytest.skip(f"can't mount a tmpfs: {mounted.stderr.strip()}")
    try:
        yield where
    finally:  # lazily: a connection the test left open keeps it busy
        subprocess.run(["umount", "--lazy", str(where)], check=True)


def fill(disk: Path) -> Path:
    """Fill the file system of the folder ``disk`` to its last byte with a file (to
    delete to make room again)."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        for size in (1 << 16, 1):  # then the bytes left in the last page
            try:
                while True:
                    os.write(fd, bytes(size))
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
    finally:
        os.close(fd)
    return filler
