"""``journal merge-driver``: git's merge of a review or plan that two clones both wrote.

git runs :func:`merge_note` for the paths ``.gitattributes`` gives ``merge=journal``
(:func:`install`): the generated sections and owned properties no one edited are
taken from OURS (:mod:`journal.core.note_merge`), the text the user wrote (those
edited by hand included) is merged three-way by ``git merge-file``; the next
``journal review`` (or ``plan``) remakes the sections from the merged goals.
"""

from __future__ import annotations

import sys
from dataclasses import field
from pathlib import Path
from typing import Any

from journal.adapters import files
from journal.adapters.git import Repository
from journal.adapters.mergefile import LABELS, add_lines, lacking_lines, merge_file
from journal.adapters.vault import Vault
from journal.core import codec
from journal.core.codec import BOM
from journal.core.errors import JournalError
from journal.core.formatting import shell_words
from journal.core.generated import remake_command
from journal.core.names import render_pattern
from journal.core.note_merge import aligned
from journal.core.periodic import clean_folder
from journal.core.records import Record, record
from journal.core.regex import lazy
from journal.core.settings import PLAN_NAME, REVIEW_NAME_EXAMPLE, Config

ATTRIBUTES = ".gitattributes"
#: What a pattern of ``.gitattributes`` reads as more than itself: a glob, an escape,
#: a comment, a negation or a quoted pattern (the last three at its start alone).
_SPECIAL = frozenset('[]*?\\#!"')
_DIGIT = lazy(r"[0-9]")
DRIVER_NAME = "journal's merge of generated notes (reviews, plans)"
ARGUMENTS = "merge-driver %O %A %B %P"
#: What the driver's command says when its Python can't run journal, after its path.
_GONE = (
    "-m journal (moved, deleted, or journal uninstalled from it?): merged as git merges "
    "any file, generated sections included; resolve it (docs/guide.md, 'A generated note "
    "in a merge conflict'), then set the driver up again: journal merge-driver --install"
)


@record(frozen=True)
class Merged(Record):
    """What :func:`merge_note` did: ``clean`` (else git's conflict markers are left in
    OURS) and what to tell the user (None: nothing)."""

    clean: bool
    message: str | None


def merge_note(base: Path, ours: Path, theirs: Path, path: str) -> Merged:
    """Merge ``theirs`` into ``ours`` (written there) from ``base``: the note at
    ``path`` (in the repository), as git's merge driver.  A side that can't be read as
    a generated note is merged as git merges any text (never clean: it is said)."""
    try:
        snapshot = files.read_snapshot(ours)
        raw = [_read(base), snapshot.data, _read(theirs)]
    except JournalError as exc:
        raise JournalError(f"can't merge it: {exc.message}", path=path) from None
    bom = snapshot.data.startswith(BOM)
    remake = _remake(snapshot.data)
    try:
        texts = [codec.utf8_text(data) for data in raw]
        made = aligned(*texts)
        merged, clean = merge_file(*(text.encode() for text in (made.base, made.ours, made.theirs)))
    except JournalError as exc:
        merged, _clean = merge_file(*raw)
        files.replace(snapshot, merged, saved="by another program")
        why = f"{exc.message} (line {exc.line})" if exc.line else exc.message
        return Merged(
            False,
            f"{path}: can't merge its generated sections apart: {why}; merged line by line "
            "as git merges any file: resolve it by hand (docs/guide.md, 'A generated note "
            "in a merge conflict')",
        )
    files.replace(snapshot, BOM * bom + merged, saved="by another program")
    lost = _lost([comment for comment in made.dropped if comment.encode() not in merged])
    if clean:
        told = f"merged {path} (your text from both sides kept{f' but {lost}' if lost else ''})"
    elif not texts[0]:  # no base: the lines both sides have stood for it
        told = (
            f"{path}: both sides made this note (no version of it in common), and where "
            "git's conflict markers are their lines differ, neither the other's with text "
            "added: each side wrote its own text there, or one changed a line of the note "
            "the other kept as made (the sections no one edited are yours); resolve it"
        )
    else:
        told = (
            f"{path}: both sides changed the same lines of your text (or of a generated "
            "section or owned property edited by hand): git's conflict markers are around "
            "them (the sections no one edited are yours); resolve them"
        )
    if lost and not clean:
        told += f"; not kept: {lost}"
    if remake is None:
        return Merged(clean, None if clean and not lost else told)
    return Merged(
        clean,
        f'{told}; run "{remake}" once the merge is done, to remake its sections from the '
        "merged goals",
    )


def _lost(comments: list[str]) -> str:
    """What to say of THEIRS' comments that giving its properties OURS' values took away
    (with the lines they were on), nothing when none were."""
    if not comments:
        return ""
    quoted = ", ".join(f"'{comment}'" for comment in comments)
    one = len(comments) == 1
    return (
        f"theirs' comment{'' if one else 's'} in its properties on lines of a value ours "
        f"changed, which went with {'them' if one else 'those'}: {quoted}"
    )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise JournalError(f"can't read it: {exc.strerror or exc}", path=str(path)) from None


def _remake(data: bytes) -> str | None:
    """The command that remakes a review's or a plan's sections, from its properties."""
    try:
        props: dict[str, Any] = dict(codec.decode(data).data or {})
    except JournalError:
        return None
    return remake_command(props)


def attribute_lines(config: Config) -> list[str]:
    """The ``.gitattributes`` lines that give the vault's reviews and plans to the
    driver (patterns relative to the vault, where the file is): the notes of their
    folders (``reviews/*.md``; ``reviews/**/*.md`` when ``[review] name`` makes folders
    in it), or, in the vault's own folder, the notes named as they are
    (``/[0-9][0-9][0-9][0-9]-W[0-9][0-9].md``), not every note."""
    review = render_pattern(config.review.name, REVIEW_NAME_EXAMPLE)
    patterns = (
        _pattern(config.folders.review, "/**/*.md" if "/" in review else "/*.md", f"{review}.md"),
        _pattern(config.folders.plan, "/*.md", PLAN_NAME.format(start="2026-11-23", days="*")),
    )
    return [f"{pattern} merge=journal" for pattern in dict.fromkeys(patterns)]


def _pattern(folder: str, notes: str, name: str) -> str:
    """The pattern of the notes (``notes``) in ``folder`` (a setting), or of ``name`` (an
    example, ``*`` for any text), its digits any digit, in the vault's own folder."""
    folder = clean_folder(folder)
    if folder:
        return _escaped(folder) + notes
    return "/" + _DIGIT.sub("[0-9]", _escaped(name, keep="*"))


def _escaped(path: str, keep: str = "") -> str:
    """``path`` as a pattern of ``.gitattributes`` that matches it alone: white space,
    which ends a pattern, as ``[[:space:]]``, and the characters special in a pattern
    (all but those in ``keep``) escaped."""
    return "".join(
        "[[:space:]]" if c in " \t" else f"\\{c}" if c in _SPECIAL and c not in keep else c
        for c in path
    )


def driver_command() -> tuple[str, str]:
    """The command git runs (with ``sh``), and the journal it runs: this Python's, by
    its path, so that git needs no PATH (a GUI client, a shell without the venv).  When
    that Python is gone or no longer imports journal (its venv moved or deleted), the
    command merges the note as git merges any file, conflicted, and says to install the
    driver again: git alone would keep OURS as it was, THEIRS' text lost unmarked.
    ``-P``: git runs it at the top of the work tree, whose ``json.py`` (a vault in a
    code repository) ``-m`` would import before the standard library's."""
    python = shell_words([sys.executable])
    run = python.replace("%", "%%")  # git reads %O, %A... in the command, and %% as %
    labels = " ".join(f"-L {label}" for label in LABELS)  # as merge_file's markers
    command = (
        f'if {run} -P -c "import journal" 2>/dev/null; then {run} -P -m journal {ARGUMENTS}; '
        f'else echo "journal: can\'t run" {run} "{_GONE}" >&2; '
        f"git merge-file {labels} %A %O %B; exit 1; fi"
    )
    return command, f"{python} -P -m journal (by its path: if it moves, install again)"


@record()
class Installed(Record):
    """What :func:`install` changed: lines added to ``.gitattributes``, git settings
    set (in ``repository``), and the driver's command (and the journal it runs);
    ``refused``: why a line was not added (a line there gives its notes another merge)."""

    driver: str
    found: str
    repository: str | None  # the work tree whose config is set up (None: not asked)
    attributes: list[str] = field(default_factory=list)
    settings: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def install(vault: Vault, *, repository: bool = True) -> Installed:
    """Give the vault's reviews and plans to the driver: the lines of
    :func:`attribute_lines` in the vault's ``.gitattributes`` (versioned: every clone
    reads them) and, ``repository`` (the vault must be in one), the driver in the
    repository's config (each clone's own).  Each part already there is left alone."""
    repo = Repository.open(vault) if repository else None
    driver, found = driver_command()
    result = Installed(driver, found, str(repo.root) if repo else None)
    result.attributes, clashes = add_lines(
        vault.disk_path(ATTRIBUTES), attribute_lines(vault.config)
    )
    result.refused = [
        f"{ATTRIBUTES}:{number}: '{there}' gives these notes another merge: '{line}' not "
        "added; to have journal merge them, delete that line, then: journal merge-driver "
        "--install"
        for line, number, there in clashes
    ]
    if repo is not None:
        result.settings = set_driver(repo, driver)
    return result


def set_driver(repo: Repository, driver: str) -> list[str]:
    """Set the driver (``driver``, its command) in ``repo``'s own config: the names set."""
    return repo.configure(_settings(driver))


def lacking(vault: Vault) -> bool:
    """Whether :func:`install` would change something: a line to add to the vault's
    ``.gitattributes`` (not one it gives another merge), or the driver to set in the
    config of the repository the vault is in (raising as :meth:`Repository.open` when
    it is in none).  It changes nothing."""
    repo = Repository.open(vault)
    if lacking_lines(vault.disk_path(ATTRIBUTES), attribute_lines(vault.config)):
        return True
    return bool(repo.unset(_settings(driver_command()[0])))


def _settings(driver: str) -> dict[str, str]:
    """The git config of the driver whose command is ``driver``."""
    return {"merge.journal.name": DRIVER_NAME, "merge.journal.driver": driver}
