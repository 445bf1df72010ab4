"""Journal's writes against an editor saving the same note at the same moment."""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from journal.adapters import files, index_reading
from journal.adapters.vault import Vault, load_catalog
from journal.core.catalog import Catalog
from journal.core.errors import Conflict
from journal.usecases.checkin import log_checkin
from journal.usecases.done import mark_done
from journal.usecases.review import weekly_review
from journal.usecases.set_fields import set_fields
from tests.conftest import Invoke, Write, goal_text

GOAL = "goals/hr.md"
DAY = date(2026, 11, 22)
TEXT = goal_text(current=2) + "\n## Notes\n\nMy own notes.\n"

Edit = Callable[[Vault, Catalog], object]
EDITS: dict[str, Edit] = {
    "set": lambda vault, catalog: set_fields(vault, catalog, "Connect", ["confidence=6"], DAY),
    "log": lambda vault, catalog: log_checkin(vault, catalog, "Connect", "+1", "x", DAY),
    "done": lambda vault, catalog: mark_done(vault, catalog, "Connect", DAY),
}


@pytest.mark.parametrize("command", EDITS)
@pytest.mark.parametrize(
    ("mid_save", "why"),
    [
        ("", "is being saved \\(it is empty right now\\); nothing written; try again"),
        (TEXT[:20], "is being saved \\(its front matter is incomplete right now\\)"),
        (TEXT[: TEXT.index("## Log")], "changed on disk since it was read"),  # half written
    ],
)
def test_an_edit_of_a_note_an_editor_is_saving_is_refused(
    write: Write, vault: Path, command: str, mid_save: str, why: str
) -> None:
    """Reported: `set`, `log` and `done` read a goal an editor had just emptied (or
    half written) to save it, and wrote their edit of that over it: the title, the log,
    the body were gone once the editor's write went to the unlinked file."""
    path = write(GOAL, TEXT)
    handle = Vault.open(vault)
    catalog = load_catalog(handle)  # the goal as the command resolved it
    path.write_text(mid_save)  # the editor, in the middle of its save
    with pytest.raises(Conflict, match=why) as info:
        EDITS[command](handle, catalog)
    assert info.value.path == GOAL
    assert path.read_text() == mid_save


@pytest.mark.parametrize(
    ("saving", "what"),
    [
        (b"", "it is empty right now"),
        (TEXT[:60].encode(), "its front matter is incomplete right now"),
        (TEXT[:60].encode() + b"\n...\n", "its front matter is incomplete right now"),
    ],
)
def test_a_goal_an_editor_is_saving_is_told_as_being_saved(
    invoke: Invoke, write: Write, saving: bytes, what: str
) -> None:
    """Found in a tryout: every command refreshes the index first, so a goal an editor
    had just emptied (or half written) to save it was told broken - `set` refused with
    "... or delete the note", and `status --json` polled meanwhile listed it so in
    `unreadable_goals` -: a file changed a moment ago is being saved."""
    path = write(GOAL, TEXT)
    assert invoke("list").exit_code == 0
    path.write_bytes(saving)
    told = f"is being saved ({what}); try again"
    refused = invoke("set", "hr", "confidence=6")
    assert refused.exit_code == 1
    assert re.fullmatch(rf"{GOAL}:\d+: {re.escape(told)}\n", refused.stderr)
    assert path.read_bytes() == saving
    status = invoke("status", "--json")
    assert [g["reason"] for g in json.loads(status.stdout)["unreadable_goals"]] == [told]
    assert "delete" not in status.stderr and told in status.stderr


@pytest.mark.parametrize("saving", [b"", TEXT[:60].encode()])
def test_check_gives_a_note_being_saved_the_fix_to_wait(
    invoke: Invoke, write: Write, saving: bytes
) -> None:
    """Found in review: H004 told a note being saved to have its YAML fixed."""
    path = write(GOAL, TEXT)
    assert invoke("list").exit_code == 0
    path.write_bytes(saving)
    found = json.loads(invoke("check", "--json").stdout)
    told = [f for f in found if f["path"] == GOAL and f["message"].startswith("is being saved")]
    assert len(told) == 1
    assert told[0]["suggestion"].startswith("wait for the editor or sync to finish saving it")
    assert "YAML" not in told[0]["suggestion"]


@pytest.mark.usefixtures("settled")
def test_a_goal_left_empty_is_told_as_lost_its_text(invoke: Invoke, write: Write) -> None:
    """An empty goal file older than a save is told as ever: it lost its text."""
    path = write(GOAL, TEXT)
    assert invoke("list").exit_code == 0
    path.write_bytes(b"")
    refused = invoke("set", "hr", "confidence=6")
    assert refused.exit_code == 1
    assert refused.stderr.startswith(f"{GOAL}:1: can't use this note: empty (0 bytes)")
    assert "or delete the note" in refused.stderr


def test_a_goal_changed_ahead_of_the_clock_is_not_told_as_being_saved(
    invoke: Invoke, write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in a review: a note whose change time lies ahead of the clock (a file
    server's clock ahead: NFS) was told as being saved for as long as it was ahead, and
    the watcher held its row that long."""
    ahead = 60 * 10**9  # the file server's clock a minute ahead of this one
    monkeypatch.setattr(index_reading, "changed_ns", lambda info: files.changed_ns(info) + ahead)
    write(GOAL, " \n")
    found = json.loads(invoke("check", "--json").stdout)
    told = [f["message"] for f in found if f["path"] == GOAL]
    assert len(told) == 1
    assert told[0].startswith("empty (only white space): ")


def test_a_review_an_editor_is_saving_is_not_regenerated(example_vault: Path) -> None:
    """Reported: `journal review` over a review note an editor had just emptied wrote a
    fresh review there, and the user's reflection was gone."""
    handle = Vault.open(example_vault)
    catalog = load_catalog(handle)
    path = example_vault / "reviews/2026-W47.md"
    path.write_bytes(b"")
    with pytest.raises(Conflict, match=r"is being saved \(it is empty right now\)"):
        weekly_review(handle, catalog, DAY)
    assert path.read_bytes() == b""


_AT_RENAME: list[Callable[[object], None]] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event == "os.rename" and _AT_RENAME:  # before the system renames
        action = _AT_RENAME.pop()
        held, _AT_RENAME[:] = _AT_RENAME[:], []  # not for the action's own renames
        try:
            action(args[1])
        finally:
            _AT_RENAME[:] = held


sys.addaudithook(_audit)


def test_a_line_appended_between_the_check_and_the_rename_is_kept(tmp_path: Path) -> None:
    """Reported: a user's in-place write (``echo line >> goal``) landing between the
    tool's "unchanged since read" check and its rename went to the old, unlinked file,
    and was lost.  The line is appended, through the file's path, right before the
    system renames the tool's text over it: the user's text wins, the write is refused."""
    path = tmp_path / "note.md"
    path.write_text("start\n")
    snapshot = files.read_snapshot(path)

    def user_appends(target: object) -> None:
        assert Path(str(target)) == path
        with path.open("a") as handle:
            handle.write("user line\n")

    _AT_RENAME.append(user_appends)
    with pytest.raises(Conflict, match="changed on disk since it was read") as info:
        files.replace(snapshot, b"start\ntool line\n")
    assert not _AT_RENAME  # the rename came
    assert info.value.path == str(path)
    assert path.read_text() == "start\nuser line\n"
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]  # no temp file left


def _renamed_in(path: Path, text: str) -> None:
    """An editor's atomic save: a new file written beside, renamed over the note."""
    temp = path.with_name(".saving.tmp")
    temp.write_text(text)
    temp.replace(path)


def test_an_atomic_save_between_the_check_and_the_swap_is_kept(tmp_path: Path) -> None:
    """Found in review: an editor's save by rename (Obsidian, VS Code) landing after
    the tool's last check went under the tool's rename, and the call said nothing."""
    path = tmp_path / "note.md"
    path.write_text("start\n")
    snapshot = files.read_snapshot(path)
    _AT_RENAME.append(lambda _target: _renamed_in(path, "start\nuser text\n"))
    with pytest.raises(Conflict, match="changed on disk since it was read"):
        files.replace(snapshot, b"start\ntool line\n")
    assert not _AT_RENAME
    assert path.read_text() == "start\nuser text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


def test_a_save_in_place_begun_before_the_swap_ends_in_the_note(tmp_path: Path) -> None:
    """Found in review: an editor that truncates the note, then writes it, truncating
    it just before the tool's rename: the tool put the empty file back, and the
    editor's write went to the file the rename had unlinked - an empty note."""
    path = tmp_path / "note.md"
    path.write_text("start\n")
    snapshot = files.read_snapshot(path)
    held = []
    _AT_RENAME.append(lambda _target: held.append(path.open("w")))  # truncated
    with pytest.raises(Conflict, match="changed on disk since it was read"):
        files.replace(snapshot, b"start\ntool line\n")
    with held[0] as handle:  # the editor's write, through the descriptor it opened
        handle.write("start\nuser text\n")
    assert path.read_text() == "start\nuser text\n"
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


def test_a_second_save_while_the_first_is_put_back_wins(tmp_path: Path) -> None:
    """Two saves by rename: one after the check, one just before the tool puts the
    first back: the newest is the note, no file of the tool's or temp file left."""
    path = tmp_path / "note.md"
    path.write_text("start\n")
    snapshot = files.read_snapshot(path)
    _AT_RENAME.append(lambda _target: _renamed_in(path, "second save\n"))  # (popped last)
    _AT_RENAME.append(lambda _target: _renamed_in(path, "first save\n"))
    with pytest.raises(Conflict):
        files.replace(snapshot, b"tool\n")
    assert not _AT_RENAME
    assert path.read_text() == "second save\n"
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


@pytest.mark.parametrize(
    ("error", "saved"),
    [
        # found in review: the temp name then held the user's file, deleted with it
        (MemoryError, "start\nuser text\n"),
        # found in review: a Ctrl-C held through the swap was raised once the note was
        # written, and the command said "nothing in the vault was written"
        (KeyboardInterrupt, None),
    ],
)
def test_an_error_or_a_stop_just_after_the_swap_undoes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[BaseException], saved: str | None
) -> None:
    """Anything raised right after the swap (``saved``: an editor's save came just
    before it) leaves the note as it was, the user's file at the path, no temp file."""
    path = tmp_path / "note.md"
    path.write_text("start\n")
    snapshot = files.read_snapshot(path)
    real, calls = files.exchange, []

    def failing(first: str, second: str) -> bool:
        assert real(first, second)
        calls.append(first)
        if len(calls) == 1:
            raise error  # right after the swap, before it is checked
        return True

    monkeypatch.setattr(files, "exchange", failing)
    if saved is not None:
        _AT_RENAME.append(lambda _target: _renamed_in(path, saved))
    with pytest.raises(error):
        files.replace(snapshot, b"tool\n")
    assert path.read_text() == (saved or "start\n")
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


class _Stopped(BaseException):
    """What the command line's handler of SIGTERM raises (``Terminated``), in a test."""


def test_a_stop_as_the_note_is_swapped_writes_nothing(tmp_path: Path) -> None:
    """Found in review: SIGTERM arriving at the swap was held until the write was done,
    and then the command said "nothing in the vault was written"."""
    path = tmp_path / "note.md"
    path.write_text("start\n")
    snapshot = files.read_snapshot(path)

    def stop(_signum: int, _frame: object) -> None:
        raise _Stopped

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        _AT_RENAME.append(lambda _target: os.kill(os.getpid(), signal.SIGTERM))
        with pytest.raises(_Stopped):
            files.replace(snapshot, b"tool\n")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert path.read_text() == "start\n"
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


def test_the_stops_are_held_in_the_block_and_put_back_after() -> None:
    before = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    with pytest.raises(Conflict), files.interrupts_held():
        assert signal.pthread_sigmask(signal.SIG_BLOCK, ()) >= files.STOPS
        raise Conflict("x")
    assert signal.pthread_sigmask(signal.SIG_BLOCK, ()) == before


def test_a_note_moved_aside_while_its_save_is_put_back_gets_it_back(tmp_path: Path) -> None:
    """Found in review: an editor's save after the check, then the note moved aside (as
    vim moves it to `note.md~` to save) before the tool swapped the save back: the
    swap back failed, and the user's save was deleted with the temp file."""
    path = tmp_path / "note.md"
    path.write_text("start\n")
    snapshot = files.read_snapshot(path)
    _AT_RENAME.append(lambda _target: path.rename(tmp_path / "note.md~"))  # at the swap back
    _AT_RENAME.append(lambda _target: _renamed_in(path, "start\nuser text\n"))  # at the swap
    with pytest.raises(Conflict, match="changed on disk since it was read"):
        files.replace(snapshot, b"tool\n")
    assert path.read_text() == "start\nuser text\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note.md", "note.md~"]


def test_a_note_deleted_just_before_the_swap_is_told_as_deleted(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("start\n")
    snapshot = files.read_snapshot(path)
    _AT_RENAME.append(lambda _target: path.unlink())
    with pytest.raises(Conflict, match="was deleted while the tool was working"):
        files.replace(snapshot, b"tool\n")
    assert list(tmp_path.iterdir()) == []


def test_where_files_cant_be_swapped_a_rename_keeps_an_appended_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the system has no exchange (macOS, Windows, some network file systems)
    the file is renamed over, then the replaced one checked: a line appended just
    before the rename is put back."""
    monkeypatch.setattr(files, "exchange", lambda _first, _second: False)
    path = tmp_path / "note.md"
    path.write_text("start\n")
    snapshot = files.read_snapshot(path)

    def user_appends(_target: object) -> None:
        with path.open("a") as handle:
            handle.write("user line\n")

    _AT_RENAME.append(user_appends)
    with pytest.raises(Conflict):
        files.replace(snapshot, b"start\ntool line\n")
    assert path.read_text() == "start\nuser line\n"
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]
    files.replace(files.read_snapshot(path), b"replaced\n")  # and one unchanged: written
    assert path.read_text() == "replaced\n"


def _limited_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


def test_a_huge_file_named_md_is_not_read_whole(write: Write, vault: Path) -> None:
    """Reported: `truncate -s 3G notes/video.md; journal list` took 50.9 s and 6.3 GB
    to say the file is larger than 8 MB.  Under 2 GB of memory, it says so at once, and
    `journal set` refuses to edit it."""
    write(GOAL, TEXT)
    huge = write("notes/video.md", b"")
    os.truncate(huge, 3 * 2**30)  # sparse: no disk space taken
    for args in (["list", "--json"], ["set", "notes/video.md", "confidence=3"]):
        result = subprocess.run(
            [sys.executable, "-m", "journal", "--vault", str(vault), *args],
            capture_output=True,
            text=True,
            preexec_fn=_limited_memory,
            timeout=60,
        )
        assert "notes/video.md:1: " in result.stderr, result.stderr
        assert "the file is larger than 8 MB" in result.stderr
        assert "Traceback" not in result.stderr
    assert huge.stat().st_size == 3 * 2**30
