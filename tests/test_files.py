"""Atomic, checked writes and exclusive creation."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from journal.adapters import files
from journal.adapters.files import MAX_NOTE_BYTES, read_note
from journal.core.errors import Conflict, JournalError, UnsafeWrite
from tests.conftest import goal_text


def test_replace_writes_atomically_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("old")
    path.chmod(0o600)
    files.replace(files.read_snapshot(path), b"new")
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.md"]


def test_replace_refuses_when_the_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("old")
    snapshot = files.read_snapshot(path)
    path.write_text("user saved this")
    with pytest.raises(Conflict, match="changed on disk"):
        files.replace(snapshot, b"tool text")
    assert path.read_text() == "user saved this"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.md"]


def test_replace_refuses_when_the_file_was_deleted(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("old")
    snapshot = files.read_snapshot(path)
    path.unlink()
    with pytest.raises(Conflict, match="deleted"):
        files.replace(snapshot, b"x")
    assert not path.exists()


def test_symlinks_and_hard_links_are_not_written(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("x")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(UnsafeWrite, match="symlink"):
        files.read_snapshot(link)
    hard = tmp_path / "hard.md"
    os.link(real, hard)
    with pytest.raises(UnsafeWrite, match="hard links"):
        files.read_snapshot(hard)
    assert real.read_text() == "x"


def test_no_temp_file_is_left_when_the_write_fails(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("old")
    snapshot = files.read_snapshot(path)
    (tmp_path / "note.md").unlink()
    (tmp_path / "note.md").mkdir()  # os.replace onto a folder fails
    with pytest.raises((Conflict, UnsafeWrite, OSError)):
        files.replace(snapshot, b"new")
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


def test_create_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "new.md"
    files.create(path, b"first")
    with pytest.raises(Conflict, match="already exists"):
        files.create(path, b"second")
    assert path.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["new.md"]


def test_a_read_only_note_is_not_written(tmp_path: Path) -> None:
    """Reported: a note made read-only (`chmod 444`) was replaced all the same (the
    atomic rename needs only the folder's permission)."""
    path = tmp_path / "note.md"
    path.write_text("old")
    path.chmod(0o444)
    snapshot = files.read_snapshot(path)
    with pytest.raises(UnsafeWrite, match="is read-only"):
        files.replace(snapshot, b"new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


def test_what_the_system_refuses_is_one_line_naming_the_file(tmp_path: Path) -> None:
    """Reported: a full disk, a read-only folder or a file where a folder belongs ended
    in "internal error: OSError" without the note's name."""
    blocker = tmp_path / "reviews"
    blocker.write_text("a file, not a folder")
    with pytest.raises(JournalError, match="can't write it: ") as raised:
        files.create(blocker / "2026-W47.md", b"new")
    assert raised.value.path == str(blocker / "2026-W47.md")
    assert blocker.read_text() == "a file, not a folder"
    full = Path("/dev/full")
    if full.exists():  # a write that fails half-way: ENOSPC
        with (
            pytest.raises(JournalError, match="No space left on device"),
            files.writing(full),
            full.open("wb") as handle,
        ):
            handle.write(b"x")


def test_keep_trying_stops_at_the_first_success_or_when_the_wait_runs_out() -> None:
    tries: list[int] = []

    def third_time_lucky() -> bool:
        tries.append(1)
        return len(tries) == 3

    assert files.keep_trying(third_time_lucky, 5, 0.001) and len(tries) == 3
    tries.clear()
    assert not files.keep_trying(lambda: bool(tries.append(1)), 0.05, 0.01)
    assert 2 <= len(tries) < 50


def test_a_file_system_is_read_only_by_its_mount_not_by_a_files_mode(tmp_path: Path) -> None:
    """The decision behind a read-only file system's message, on a real path (its
    mount's flags, as `statvfs` gives them): a note made read-only on a disk mounted
    read-write is not on a read-only file system, where a chmod helps."""
    path = tmp_path / "note.md"
    path.write_text("old")
    path.chmod(0o444)
    assert files.read_only_file_system(tmp_path) is False
    assert files.read_only_file_system(tmp_path / "gone") is False  # can't tell: no


def _read_only_mount_works(folder: Path) -> bool:
    """Whether ``unshare`` can make ``folder`` a read-only bind mount of its own (root,
    or user namespaces allowed): a real read-only file system, seen by its process only."""
    probe = (
        f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" '
        f'&& ! touch "{folder}/probe" 2>/dev/null'
    )
    try:
        done = subprocess.run(["unshare", "-rm", "sh", "-c", probe], capture_output=True)
    except FileNotFoundError:
        return False
    return done.returncode == 0


@pytest.mark.parametrize("mode", [0o644, 0o444])
@pytest.mark.parametrize("command", [["log", "Alpha", "+1", "call"], ["set", "Alpha", "current=3"]])
def test_a_note_on_a_read_only_file_system_says_so_not_to_chmod_it(
    tmp_path: Path, mode: int, command: list[str]
) -> None:
    """Reported: on a read-only mount, `log`, `set` and `done` said `is read-only (no
    write permission); make it writable for the tool to edit it`: no chmod can help."""
    vault = tmp_path / "vault"
    (vault / "goals").mkdir(parents=True)
    (vault / ".journal").mkdir()
    note = vault / "goals" / "Alpha.md"
    note.write_text(goal_text("Alpha"))
    note.chmod(mode)
    if not _read_only_mount_works(vault):
        pytest.skip("can't mount a read-only file system here (unshare -rm)")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    journal = shlex.join([sys.executable, "-m", "journal", "--vault", str(vault), *command])
    done = subprocess.run(
        [
            "unshare",
            "-rm",
            "sh",
            "-c",
            f'mount --bind "{vault}" "{vault}" && mount -o remount,bind,ro "{vault}" && {journal}',
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stderr) == (
        1,
        "goals/Alpha.md: can't write it: Read-only file system (the disk or mount holding "
        "it is read-only: no chmod helps); nothing written\n",
    )
    assert note.read_text() == goal_text("Alpha")


@pytest.mark.parametrize("hint", [0, 1, 10, 70_000, 10**9])
def test_read_note_reads_the_whole_file_whatever_its_size_hint(tmp_path: Path, hint: int) -> None:
    """A hint off the file's size (the file grew or shrank since its stat) reads it all."""
    path = tmp_path / "a.md"
    data = bytes(range(256)) * 600  # over one read's default size (64 KiB)
    path.write_bytes(data)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert read_note(fd, hint) == data
    finally:
        os.close(fd)


def test_read_note_stops_one_byte_past_the_largest_note(tmp_path: Path) -> None:
    path = tmp_path / "video.md"
    with path.open("wb") as handle:
        handle.truncate(MAX_NOTE_BYTES + 5000)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert len(read_note(fd, MAX_NOTE_BYTES + 5000)) == MAX_NOTE_BYTES + 1
        os.lseek(fd, 0, os.SEEK_SET)
        assert len(read_note(fd)) == MAX_NOTE_BYTES + 1
    finally:
        os.close(fd)


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_wait_for_another_process_turn_is_told_only_once_it_lasts(tmp_path: Path) -> None:
    """Found in a tryout: commands started at once on a new index (cron jobs) each said
    they waited for another journal process, though the wait took 0.3 s; cron mailed it.
    A wait is told once it has taken ``tell_after`` seconds, once."""
    import threading
    import time

    lock = tmp_path / "turn.lock"
    said: list[str] = []

    def hold(seconds: float, ready: threading.Event) -> None:
        with files.turn(lock, 5) as why:
            assert why is None
            ready.set()
            time.sleep(seconds)

    for seconds, told in ((0.3, []), (1.5, ["waiting"])):
        said.clear()
        ready = threading.Event()
        holder = threading.Thread(target=hold, args=(seconds, ready))
        holder.start()
        assert ready.wait(5)
        # flock is per open file: a second open in this process waits as another would
        with files.turn(lock, 10, lambda: said.append("waiting"), tell_after=1.0) as why:
            assert why is None
        holder.join(5)
        assert said == told
