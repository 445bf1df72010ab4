"""Writing generated notes (the weekly review, the 90-day plan) without losing a word.

A first run creates the note exclusively.  Later runs rewrite only the
generated sections (see :mod:`journal.core.generated`) and the properties the
tool owns; every other byte is the user's and stays.  ``generated_hash`` records
the owned properties as the tool last wrote them, so a value the user changed
since is kept and reported, like an edited section.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any

from journal.adapters import files
from journal.adapters.vault import Vault
from journal.core import codec, generated
from journal.core.catalog import Catalog
from journal.core.errors import Conflict, UnsafeWrite
from journal.core.formatting import listed
from journal.core.generated import HASH_KEY, owned_hashes, untouched
from journal.core.notes import Note, emptied
from journal.core.records import Record, record


@record()
class Written(Record):
    """What a run did (or, with ``dry_run``, would do) to a generated note."""

    path: str
    action: str = "unchanged"  # created, updated, unchanged (dry run: would create/update)
    replaced: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # sections the user edited: left alone
    missing: list[str] = field(default_factory=list)  # sections the user removed
    kept_properties: list[str] = field(default_factory=list)  # owned ones the user changed
    orphaned: list[str] = field(default_factory=list)  # sections the template no longer makes
    #: with ``force``: the sections and owned properties the user had edited, replaced
    overwritten: list[str] = field(default_factory=list)
    overwritten_properties: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)  # with ``force``: sections the user removed
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "action": self.action,
            "replaced": self.replaced,
            "kept": self.kept,
            "missing": self.missing,
            "kept_properties": self.kept_properties,
            "orphaned": self.orphaned,
            "overwritten": self.overwritten,
            "overwritten_properties": self.overwritten_properties,
            "restored": self.restored,
        }


def write_generated(
    vault: Vault,
    rel: str,
    kind: str,
    props: Mapping[str, Any],
    body: str,
    *,
    force: bool = False,
    dry_run: bool = False,
    adopt: bool = False,
    resolved: Note | None = None,
    printed: bool = False,
    hashed: Mapping[str, Any] | None = None,
) -> Written:
    """Create ``rel`` from ``props`` and ``body``, or regenerate it in place.

    ``hashed``: the tool's values of owned properties whose value in ``props`` keeps
    parts the user edited (a plan's ``targets`` rows): written as ``props`` has them,
    not kept whole, and hashed as the tool's, so those parts are still the user's next
    time.

    ``resolved``: the note at ``rel`` as the catalog read it, which the file must still
    be (see :meth:`Vault.rewrite`).  ``adopt``: the note may be another tool's
    (Obsidian's weekly note); when it is not typed ``kind`` (another ``type`` or none),
    only the generated sections are written into it, and no property is set or
    changed.  An empty note at ``rel`` (a sync's placeholder, a save half done) is not
    written over unless ``force`` or ``adopt`` (Obsidian makes a weekly note empty when no
    template is set), nor said to be unless the text is only ``printed`` (``--stdout``)."""
    result = Written(rel)
    target = vault.disk_path(rel)
    if not (target.exists() or target.is_symlink()):
        hashed = {**props, HASH_KEY: owned_hashes(props)}
        fresh = result.text = codec.new_note_text(hashed, generated.with_record(body))
        if dry_run:
            result.action = "would create"
            return result
        vault.ensure_parent(rel)
        try:
            vault.create(rel, fresh.encode("utf-8"))
        except Conflict:
            pass  # another process created it a moment ago: regenerate over theirs
        else:
            result.action = "created"
            return result

    def transform(doc: codec.Document) -> str:
        if doc.blank and not (force or printed or adopt):  # Obsidian's weekly note: made so
            raw = codec.encode(doc.text, bom=doc.bom)
            raise UnsafeWrite(f"not written: {emptied(raw)} (--force writes the {kind} over it)")
        result.text = _regenerate(doc, rel, kind, props, body, force, adopt, result, hashed)
        return result.text

    if dry_run:
        result.action = (
            "would update" if vault.would_rewrite(rel, transform, resolved) else "unchanged"
        )
        return result
    result.action = "updated" if vault.rewrite(rel, transform, resolved) else "unchanged"
    if result.action == "unchanged":
        vault.kept.add(rel)  # yours to commit as it stands (your reflection in it)
    return result


def refuse_unlisted(catalog: Catalog, rel: str, what: str) -> None:
    """Refuse to write ``rel``, ``what`` (the review, the plan) made from the vault's
    notes, while a folder can't be listed (:attr:`Catalog.unlisted`): it would leave out
    whatever goals, meetings and check-ins the folder holds, and a note read later in
    Obsidian would not say so (``--stdout`` still prints it, naming the folder)."""
    if catalog.unlisted:
        raise UnlistedFolders(catalog.unlisted, what, rel)


class UnlistedFolders(UnsafeWrite):
    """A note made from the vault's notes is not written while folders can't be listed
    (:func:`refuse_unlisted`); a watcher writes it once they can be.  ``why``: what
    ``what`` (the review, the plan) would leave out; ``it``: "it" or "them", the
    folders."""

    def __init__(self, unlisted: Mapping[str, str], what: str, rel: str) -> None:
        one = len(unlisted) == 1
        folders = listed([f"{folder} ({why})" for folder, why in unlisted.items()])
        self.it = "it" if one else "them"
        self.why = (
            f"can't read the folder{'' if one else 's'} {folders}, so {what} would leave "
            f"out the notes in {self.it}"
        )
        super().__init__(
            f"not written: {self.why}; make {self.it} readable (--stdout prints {what} as "
            "it would be)",
            path=rel,
        )


@record(frozen=True)
class UsersNote(Record):
    """A generated note as it is now: its properties, the owned ones the user changed and
    the sections the user edited (:func:`write_generated` keeps both, unless ``force``)."""

    props: dict[str, Any]
    changed: list[str]
    edited: set[str]


def users_note(vault: Vault, rel: str, props: Mapping[str, Any]) -> UsersNote | None:
    """What the user made of the generated note at ``rel`` (whose owned properties are
    ``props``), or None when there is no such note."""
    target = vault.disk_path(rel)
    if not target.is_file():
        return None
    doc = codec.decode(files.read_snapshot(target).data)
    old = dict(doc.data or {})
    try:
        sections = generated.find_sections(doc.body, rel)
    except generated.SectionError:
        sections = {}  # the write says what is wrong with them
    # a marker of an older version, whose hash saw no link, is the tool's text here, as
    # before: the fresh text, which tells a display text the user typed, is not made yet
    # (`merge` tells it with that text, keeping such a section)
    edited = {name for name, found in sections.items() if found.edited(doc.body, old_hash_ok=True)}
    return UsersNote(old, _users_values(old, props, False)[0], edited)


def _regenerate(
    doc: codec.Document,
    rel: str,
    kind: str,
    props: Mapping[str, Any],
    body: str,
    force: bool,
    adopt: bool,
    result: Written,
    hashed: Mapping[str, Any] | None = None,
) -> str:
    old = dict(doc.data or {})
    if adopt and old.get("type") != kind:
        props = {}
    elif old.get("type") not in (None, kind):
        advice = "move it, or change [review] name in the config" if kind == "review" else "move it"
        raise UnsafeWrite(
            f"is a '{old.get('type')}' note, not a {kind}; not touching it ({advice})"
        )
    again = doc
    for changes in _property_changes(old, props, force, result, hashed or {}):
        again = codec.edited(again, changes)
    text = again.text
    old_body = again.body
    try:
        if not generated.find_sections(old_body, rel) and not generated.has_record(old_body, rel):
            sections = generated.find_sections(body)
            new_body = generated.with_record(_append(old_body, sections, body, doc.body_newline))
            result.replaced = sorted(sections)
        else:
            merged = generated.merge(old_body, body, force=force, path=rel)
            new_body = merged.text
            result.replaced, result.kept = merged.replaced, merged.kept
            result.missing, result.orphaned = merged.missing, merged.orphaned
            result.overwritten, result.restored = merged.overwritten, merged.restored
    except generated.SectionError as exc:
        if exc.path == rel and exc.line is not None:
            exc.move(doc.body_line - 1)  # a line of the body, counted in the file on disk
        raise
    final = text[: again.body_start] + new_body
    if final != doc.text:  # what is written must read back (a template may hold git's
        # conflict markers); the properties an edit writes were checked by the edit
        codec.read_back(final, new_body, bom=doc.bom, known=doc.problems)
    return final


def _property_changes(
    old: Mapping[str, Any],
    props: Mapping[str, Any],
    force: bool,
    result: Written,
    hashed: Mapping[str, Any],
) -> list[generated.Edits]:
    """The edits of the owned properties to write, made in turn: first the rows a list
    of rows gains and loses, then every value that changes
    (:func:`~journal.core.generated.value_edits`).  Not written: those holding the
    user's value (:func:`_users_values`: kept and reported unless ``force``) and those
    unchanged.  The hash written is of the tool's values, so a kept one still differs on
    the next run (:func:`~journal.core.generated.owned_hashes`), as is that of a value
    ``hashed`` gives (see :func:`write_generated`).  Missing properties are always
    added."""
    kept, one_hash = _users_values(old, props, force)
    kept = [key for key in kept if key not in hashed]
    if props:  # none for a note of another tool's, adopted
        props = {**props, HASH_KEY: owned_hashes({**props, **hashed}, kept, old)}
    result.kept_properties.extend(kept)
    if force:  # what was the user's, replaced
        result.overwritten_properties.extend(_users_values(old, props, False)[0])
    rows: generated.Edits = {}
    changes: generated.Edits = {}
    for key, value in props.items():
        if key not in kept and not (key in old and codec.plain(old[key]) == codec.plain(value)):
            more_rows, more = generated.value_edits(key, old.get(key), value)
            rows.update(more_rows)
            changes.update(more)
    if one_hash:  # kept as it is, with every value it covers
        changes.pop((HASH_KEY,), None)
    return [edits for edits in (rows, changes) if edits]


def _users_values(
    old: Mapping[str, Any], props: Mapping[str, Any], force: bool
) -> tuple[list[str], bool]:
    """The owned ``props`` (in their order) whose value in ``old``, a note's properties,
    is no longer as the tool last wrote it (its hash in ``generated_hash`` differs) and
    is not what the tool would write now (:func:`_same_items`): the user's, unless
    ``force``.  And whether the note has one hash of them all that no
    longer matches (written before a hash per property): then every value is the
    user's."""
    keys = [k for k in props if k not in ("type", HASH_KEY)]
    trusted = set(keys) if force else untouched(old, keys)
    kept = [
        key
        for key in keys
        if key in old
        and not _same_items(old[key], props[key])
        and (trusted is None or key not in trusted)
    ]
    return kept, trusted is None


def _same_items(old: Any, new: Any) -> bool:
    """Whether a note's value says what the tool would write, a list's items in any
    order: after a rename in Obsidian, which rewrites ``[[Old]]`` in place, the review's
    ``goals`` holds the tool's links, only not in the path order the tool writes."""
    old, new = codec.plain(old), codec.plain(new)
    if isinstance(old, list) and isinstance(new, list):
        return sorted(map(generated.value_text, old)) == sorted(map(generated.value_text, new))
    return bool(old == new)


def _append(old: str, sections: Mapping[str, generated.Section], body: str, newline: str) -> str:
    """A note that has none of the generated sections (e.g. one Obsidian created from
    its own template): the sections go after everything the user wrote."""
    blocks = "\n\n".join(body[s.start : s.end] for s in sections.values()) + "\n"
    if not old.strip() or old.endswith(("\n\n", "\r\n\r\n")):
        lead = ""
    else:
        lead = "\n" if old.endswith("\n") else "\n\n"
    return old + (lead + blocks).replace("\n", newline)
