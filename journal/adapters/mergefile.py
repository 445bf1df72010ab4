"""git's line merge of three texts (``git merge-file``), and lines added to a file such
as ``.gitattributes`` without touching its other bytes."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from journal.adapters import files
from journal.core.errors import JournalError

#: The labels of git's conflict markers: ``<<<<<<< ours`` ... ``>>>>>>> theirs``.
LABELS = ("ours", "base", "theirs")


def merge_file(base: bytes, ours: bytes, theirs: bytes) -> tuple[bytes, bool]:
    """The three-way line merge of ``ours`` and ``theirs`` from ``base``, as git merges
    a file's text, and whether it is clean (else git's conflict markers are in it)."""
    with tempfile.TemporaryDirectory(prefix="journal-merge-") as folder:
        paths = []
        for label, data in zip(LABELS, (ours, base, theirs), strict=True):
            path = Path(folder, label)
            path.write_bytes(data)
            paths.append(str(path))
        labels = [item for label in LABELS for item in ("-L", label)]
        try:
            done = subprocess.run(
                ["git", "merge-file", "-p", *labels, *paths], capture_output=True, check=False
            )
        except OSError as exc:
            raise JournalError(f"can't run git merge-file: {exc.strerror or exc}") from None
    if not 0 <= done.returncode < 128:  # else the number of conflicts
        said = done.stderr.decode("utf-8", "replace").strip()
        raise JournalError(f"git merge-file failed: {said or done.returncode}")
    return done.stdout, done.returncode == 0


def add_lines(path: Path, lines: list[str]) -> tuple[list[str], list[tuple[str, int, str]]]:
    """The ``lines`` of ``.gitattributes`` (a pattern, then attributes) the file at
    ``path`` lacked, appended to it (created when missing) with its line breaks; every
    byte it had stays.  A line is there when, as git reads the file, the last line of
    its pattern setting each of its attributes sets it so (however spaced, whatever
    else it sets).  One whose attribute that last line sets otherwise is not added (the
    later line would win, the user's choice overridden unsaid): each such is returned
    with that line's number and text."""
    snapshot = _read(path)
    old = snapshot.data if snapshot else b""
    missing, clashes = _lacking(old, lines)
    if missing:
        newline = b"\r\n" if b"\r\n" in old else b"\n"
        lead = newline if old and not old.endswith(b"\n") else b""
        data = old + lead + b"".join(line.encode("utf-8") + newline for line in missing)
        if snapshot is None:
            files.create(path, data)
        else:
            files.replace(snapshot, data)
    return missing, clashes


def lacking_lines(path: Path, lines: list[str]) -> list[str]:
    """The ``lines`` :func:`add_lines` would add to the file at ``path``; it writes none."""
    snapshot = _read(path)
    return _lacking(snapshot.data if snapshot else b"", lines)[0]


def _read(path: Path) -> files.Snapshot | None:
    """The file at ``path``, None when there is none."""
    try:
        return files.read_snapshot(path)
    except JournalError:
        if path.exists() or path.is_symlink():
            raise
        return None


def _lacking(old: bytes, lines: list[str]) -> tuple[list[str], list[tuple[str, int, str]]]:
    """The ``lines`` the file's bytes ``old`` lack, and those of them it gives another
    merge (:func:`add_lines`), as git reads the file: for each attribute of a line, the
    last line of its pattern that sets it decides (extra attributes on it are no matter)."""
    have = [line.strip() for line in old.decode("utf-8", "replace").splitlines()]
    missing: list[str] = []
    clashes: list[tuple[str, int, str]] = []
    for line in lines:
        pattern, *attributes = line.split()
        lacks, clash = False, None
        for attribute in attributes:
            last = _last_setting(have, pattern, _attribute_name(attribute))
            if last is None:
                lacks = True
            elif last[1] != attribute:
                clash = last[0]
                break
        if clash is not None:
            clashes.append((line, clash, have[clash - 1]))
        elif lacks:
            missing.append(line)
    return missing, clashes


def _attribute_name(word: str) -> str:
    """The attribute a word of a line sets: ``merge`` of ``merge=union``, ``-merge``..."""
    return word.lstrip("-!").split("=", 1)[0]


def _last_setting(have: list[str], pattern: str, name: str) -> tuple[int, str] | None:
    """The line number and word of the last of ``have`` setting attribute ``name`` for
    ``pattern``, or None: later lines win in a ``.gitattributes``."""
    found = None
    for number, there in enumerate(have, 1):
        words = there.split()
        if words and words[0] == pattern:
            for word in words[1:]:
                if _attribute_name(word) == name:
                    found = (number, word)
    return found
