"""``journal new goal``: a goal file from the shipped (or vault) template."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from journal.adapters.templates import Renderer
from journal.adapters.vault import Vault
from journal.core import codec
from journal.core.catalog import Catalog
from journal.core.errors import Conflict, NotFound, UsageProblem
from journal.core.fields import GOAL_FIELDS, parse_cli_value, yaml_value
from journal.core.links import Link
from journal.core.names import file_stem, slug, unique_id

#: Options of ``journal new goal`` that are goal properties, typed by GOAL_FIELDS.
GOAL_OPTIONS = (
    "outcome",
    "metric",
    "unit",
    "baseline",
    "target",
    "effort",
    "supports",
    "why",
    "due",
    "area",
    "kind",
    "feeds",
)


@dataclass(frozen=True)
class Created:
    path: str
    id: str | None
    props: dict[str, Any] = field(default_factory=dict)


def note_stem(title: str) -> str:
    """The file name (without ``.md``) of a note titled ``title`` (:func:`file_stem`); a
    usage error when the title has no character a file name can hold (``:::``)."""
    try:
        return file_stem(title)
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None


def free_path(vault: Vault, folder: str, title: str) -> str:
    """The vault path a new note ``folder/<title>.md`` would get; Conflict when a
    note of that name (compared case-insensitively) is already there."""
    stem = note_stem(title)
    folder = folder.strip("/")
    rel = f"{folder}/{stem}.md" if folder else f"{stem}.md"
    where = vault.disk_path(folder) if folder else vault.root
    taken = {p.name.casefold() for p in where.iterdir()} if where.is_dir() else set()
    if f"{stem}.md".casefold() in taken:
        raise Conflict("a note with this name already exists; not overwritten", path=rel)
    return rel


def create_note(
    vault: Vault,
    folder: str,
    title: str,
    props: Mapping[str, Any],
    template: str,
    context: Mapping[str, Any],
) -> str:
    """Write a new note ``folder/<title>.md``; never overwrites (case-insensitively)."""
    if folder.strip("/"):
        vault.ensure_folder(folder.strip("/"))
    rel = free_path(vault, folder, title)
    vault.create(rel, note_data(vault, props, template, context))
    return rel


def note_data(
    vault: Vault, props: Mapping[str, Any], template: str, context: Mapping[str, Any]
) -> bytes:
    """A new note's bytes: ``props`` as its front matter, its body from ``template``."""
    body = Renderer(vault.root).render(template, context)
    return codec.new_note_text(props, body).encode("utf-8")


def new_goal(
    vault: Vault, catalog: Catalog, title: str, options: Mapping[str, str | None], today: date
) -> Created:
    """Create a goal note; ``options`` are the typed-as-text values of GOAL_OPTIONS."""
    if not title.strip():
        raise UsageProblem("a goal needs a title")
    values = {
        key: parse_cli_value(GOAL_FIELDS[key], text)
        for key, text in options.items()
        if text is not None and key in GOAL_OPTIONS
    }
    if values.get("feeds"):
        if values.get("kind", "activity") != "activity":
            raise UsageProblem(
                "--feeds names the outcome goal an activity goal feeds; drop it, "
                "or use --kind activity"
            )
        values["feeds"] = _fed_goals(catalog, values["feeds"])
    ids = {note.id for note in catalog.notes if note.id}
    goal_id = unique_id(slug(title), ids)
    baseline = values.get("baseline", 0)
    props: dict[str, Any] = {
        "type": "goal",
        "id": goal_id,
        "title": title.strip(),
        "status": "active",
        "kind": values.get("kind", "activity" if values.get("feeds") else "outcome"),
        "area": values.get("area"),
        "created": today,
        "outcome": values.get("outcome"),
        "metric": values.get("metric"),
        "unit": values.get("unit"),
        "baseline": baseline,
        "target": values.get("target"),
        "current": baseline,
        "effort": values.get("effort"),
        "supports": values.get("supports") or None,
        "why": values.get("why"),
        "start": today,
        "due": values.get("due"),
        "review_every": vault.config.goals.review_every,
    }
    if props["kind"] == "activity":
        props["feeds"] = values.get("feeds")
    written = {key: yaml_value(GOAL_FIELDS[key], value) for key, value in props.items()}
    context = {key: codec.plain(value) for key, value in written.items()}
    rel = create_note(vault, vault.config.folders.goal, title, written, "goal.md.j2", context)
    return Created(rel, goal_id, context)


def _fed_goals(catalog: Catalog, links: list[Link] | None) -> list[str] | None:
    """The links ``--feeds`` names, each found as a goal is found by name (a unique part
    of a title will do) and written as the link that resolves to it."""
    if not links:
        return None
    try:
        return [catalog.link_to(catalog.find_goal(link.target).path) for link in links]
    except NotFound as exc:
        raise NotFound(f"--feeds: {exc.message}; create the outcome goal first") from None
