"""``journal init [PATH]``: a vault skeleton that refuses to overwrite anything."""

from __future__ import annotations

import dataclasses
import fnmatch
import os
from dataclasses import field
from datetime import date, timedelta
from pathlib import Path

from journal.adapters import files
from journal.adapters.git import GitProblem, Repository
from journal.adapters.gitfind import HistoryUnavailable, NoRepository
from journal.adapters.index import variable_path
from journal.adapters.obsidian import load_periodic
from journal.adapters.vault import (
    CONFIG_PATH,
    Vault,
    enclosing_vault,
    folders_on_disk,
    is_vault,
    load_catalog,
    usable_root,
    vaults_below,
)
from journal.core.catalog import Catalog
from journal.core.dates import writable_day
from journal.core.errors import Conflict, JournalError, UnsafeWrite, UsageProblem
from journal.core.formatting import listed, plural, shell_word
from journal.core.names import file_stem
from journal.core.periodic import CORE_PLUGINS_PATH
from journal.core.records import Record, record
from journal.core.settings import Config
from journal.usecases.merge_driver import ATTRIBUTES, install, lacking, set_driver
from journal.usecases.new_note import new_goal
from journal.usecases.obsidian_setup import TYPES_PATH, fitted_lines, merge_property_types

GITIGNORE_LINE = ".journal-*.tmp"
SAMPLE_TITLE = "Hold three informational interviews"
SAMPLE = {
    "outcome": "Three informational interviews with people in roles I want next, "
    "each ending with one concrete piece of advice or a referral",
    "metric": "informational interviews that led to advice or a referral",
    "unit": "interviews",
    "target": "3",
    "area": "networking",
    "effort": "2",
    "why": "Learn what the next role really asks for before I apply.",
}


@record()
class InitResult(Record):
    """What `journal init` made, kept and updated in the vault."""

    root: Path
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    # kept, with what to know: a user's property type that differs from ours, a
    # .gitignore without journal's pattern
    kept_told: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # not made, and why
    sample: str | None = None  # the sample goal made (to delete once you have your own)


def config_text(config: Config) -> str:
    """A commented config file that shows every setting with its default."""
    lines = [
        "# journal settings: every key is shown with its default; see docs/format.md.",
        "",
    ]
    for section in dataclasses.fields(config):
        values = getattr(config, section.name)
        doc = (type(values).__doc__ or "").strip().splitlines()[0].replace("``", "`")
        lines.append(f"[{section.name}]")
        lines.append(f"# {doc}")
        for item in dataclasses.fields(values):
            value = getattr(values, item.name)
            shown = f'"{value}"' if isinstance(value, str) else str(value).lower()
            lines.append(f"{item.name} = {shown}")
        lines.append("")
    return "\n".join(lines)


def init_vault(root: Path, today: date, *, nested: bool = False) -> InitResult:
    """Create config, folders, .gitignore and .gitattributes lines (and git's config for
    the merge driver) and one sample goal under ``root``.

    Everything is checked before anything is created: a folder inside another vault or
    holding vaults in its subfolders (unless ``nested``), a symlink anywhere inside the
    vault (even a dangling one) or a file where a folder belongs stops it with nothing
    changed.  The config is written
    last, so a run that fails half-way (a full disk) can simply be run again.
    """
    try:
        root = usable_root(files.absolute(root.expanduser()).resolve())
        if not nested:
            _refuse_nested(root)
            _refuse_around(root)
        return _init(root, today)
    except OSError as exc:
        where = str(exc.filename) if exc.filename else str(root)
        raise JournalError(f"can't create the vault: {exc.strerror or exc}", path=where) from None


def _init(root: Path, today: date) -> InitResult:
    config = Config()
    # a folder the vault has already in another case (`People`) is that folder
    named = dataclasses.asdict(folders_on_disk(root, config).folders)
    periodic = load_periodic(root)
    daily = periodic.daily
    at_root = None  # why no daily folder is made: Obsidian's daily notes are at the root
    if daily is not None and ".." not in daily.folder.split("/"):
        # Obsidian's daily notes folder ("." when they are at the vault root), as its
        # settings spell it: Obsidian writes there
        named["daily"] = daily.folder or "."
        if not daily.folder:
            why = (
                "the Daily notes core plugin is on, with its default settings"
                if daily.source == CORE_PLUGINS_PATH
                else f"as {daily.source} says"
            )
            at_root = (
                f"{config.folders.daily}/: Obsidian's daily notes are at the vault root "
                f'({why}): [folders] daily = "."'
            )
    config = dataclasses.replace(config, folders=dataclasses.replace(config.folders, **named))
    vault = Vault(root, config)
    folders = [f for f in dataclasses.asdict(config.folders).values() if f != "."]
    weekly = periodic.weekly if config.obsidian.weekly_notes else None
    if weekly is not None and weekly.names is None:  # not named: reviews go to [folders] review
        weekly = None
    elsewhere = None  # why no review folder is made: the reviews go to the weekly notes
    if weekly is not None and not (root / config.folders.review).is_dir():
        folders.remove(config.folders.review)
        where = f"{weekly.folder}/" if weekly.folder else "the vault folder"
        elsewhere = f"{config.folders.review}/: reviews go to Obsidian's weekly notes ({where})"
    sample = f"{config.folders.goal}/{file_stem(SAMPLE_TITLE)}.md"
    planned = [".journal", CONFIG_PATH, ".gitignore", ATTRIBUTES, *folders, sample]
    if not (root / ".journal").is_symlink() and os.path.lexists(root / CONFIG_PATH):
        raise Conflict(
            f"{root} is already a journal vault ({CONFIG_PATH} is there); nothing changed"
            + _driver_offer(root)
        )
    _check(vault, planned, [".journal", *folders])
    variable_path()  # a JOURNAL_INDEX in no folder: refused before anything is made
    due = writable_day(today + timedelta(days=90), "the sample goal's due").isoformat()
    result = InitResult(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / ".journal").mkdir(exist_ok=True)
    for folder in folders:
        if (root / folder).is_dir():
            result.kept.append(folder + "/")
        else:
            (root / folder).mkdir(parents=True)  # checked: no symlink on the way
            result.created.append(folder + "/")
    gitignore = root / ".gitignore"
    if _ignores_temp_files(gitignore):
        result.kept.append(".gitignore")
    elif gitignore.exists():
        result.kept_told.append(
            f".gitignore (already there; add the line {GITIGNORE_LINE} to it: journal's temp "
            "files, there only while it writes)"
        )
    else:
        files.create(
            gitignore,
            f"# journal's temp files exist only during a write\n{GITIGNORE_LINE}\n".encode(),
        )
        result.created.append(".gitignore")
    _merge_driver(vault, result)
    try:
        catalog = load_catalog(vault)
        obsidian = root / ".obsidian"
        if obsidian.is_dir() or obsidian.is_symlink():  # a symlink is reported, not followed
            _property_types(vault, catalog, result)
        result.skipped += [why for why in (at_root, elsewhere) if why is not None]
        if any(g.path != sample for g in catalog.goals):  # a vault of goals: no sample
            result.skipped.append(f"{sample}: the vault has goals already")
        else:
            options = {**SAMPLE, "due": due}
            try:
                result.sample = new_goal(vault, catalog, SAMPLE_TITLE, options, today).path
                result.created.append(result.sample)
            except Conflict as exc:
                result.kept.append(exc.path or "sample goal")
    finally:
        vault.close()  # the index the sample goal was checked against
    files.create(root / CONFIG_PATH, config_text(config).encode("utf-8"))
    result.created.insert(0, CONFIG_PATH)
    return result


def _ignores_temp_files(gitignore: Path) -> bool:
    """Whether ``gitignore`` has a line that ignores journal's temp files in every folder
    (``.journal-*.tmp``, ``*.tmp``, ``**/*.tmp``: a pattern git matches by name alone);
    False for a file not there or not one to read."""
    try:
        lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    patterns = (line.strip().removeprefix("**/") for line in lines)
    return any(
        fnmatch.fnmatchcase(".journal-0.tmp", pattern)
        for pattern in patterns
        if "/" not in pattern and not pattern.startswith(("#", "!"))
    )


def _refuse_nested(root: Path) -> None:
    """Refuse ``root`` when it is a folder inside another vault (which every command run
    there reads): a vault made there would take the folder over from it, and the vault
    around it would read the new vault's notes as its own."""
    outer = enclosing_vault(root)
    if outer is None:
        return
    nested = f"journal init --nested {shell_word(str(root))}"
    if (outer / CONFIG_PATH).exists():
        how = (
            ", which journal's commands use when run there; for a vault of its own there "
            f"anyway: {nested}"
        )
    else:  # an Obsidian vault journal has not been set up in
        how = (
            f"; to add journal to that vault: journal init {shell_word(str(outer))} (or, for "
            f"a vault of its own there: {nested})"
        )
    raise Conflict(f"{root} is a folder inside the vault {outer}{how}; nothing changed")


def _refuse_around(root: Path) -> None:
    """Refuse ``root`` when it is no vault but holds vaults (:func:`vaults_below`): a
    vault made there would read their notes as its own, each of them mixed into one."""
    below = [] if is_vault(root) else vaults_below(root)
    if below:
        raise UsageProblem(
            f"{root} is no vault but holds {len(below)}: {listed(below)}; a vault made there "
            "would read their notes as its own: cd into one of them, or, for a vault around "
            f"them anyway: journal init --nested {shell_word(str(root))}; nothing changed"
        )


def _driver_offer(root: Path) -> str:
    """What ``init`` offers the vault at ``root`` (made by a version before the merge
    driver) that it refuses: the driver, when the vault is in a repository and it lacks
    the driver (:func:`lacking`)."""
    try:
        if lacking(Vault.open(root)):
            return "; to have git merge its reviews and plans: journal merge-driver --install"
    except JournalError:  # no repository, or a config or one that can't be read
        pass
    return ""


def _check(vault: Vault, planned: list[str], folders: list[str]) -> None:
    """Refuse, before anything is written, a path that goes through a symlink or a
    file where a folder belongs."""
    for rel in planned:
        try:
            path = vault.disk_path(rel)
        except UnsafeWrite as exc:
            raise UnsafeWrite(f"{exc.message}; nothing changed", path=str(vault.root)) from None
        if rel in folders and path.exists() and not path.is_dir():
            raise Conflict("is a file where a folder belongs; nothing changed", path=str(path))


def _merge_driver(vault: Vault, result: InitResult) -> None:
    """The merge driver of reviews and plans (``journal merge-driver --install``): its
    ``.gitattributes`` lines, and git's config when the vault is in a repository."""
    existed = (vault.root / ATTRIBUTES).exists()
    installed = install(vault, repository=False)
    try:
        installed.settings = set_driver(Repository.open(vault), installed.driver)
    except NoRepository:
        result.skipped.append(
            "git config merge.journal.*: not in a git repository yet; after git init, and "
            "in every clone: journal merge-driver --install"
        )
    except (HistoryUnavailable, GitProblem) as exc:  # not a repository to use, or its config
        result.skipped.append(
            f"git config merge.journal.*: {exc.message}; once that is fixed, and in every "
            "clone: journal merge-driver --install"
        )
    result.skipped.extend(installed.refused)
    if installed.attributes:
        line = f"{ATTRIBUTES} (reviews and plans merged by journal merge-driver)"
        (result.updated if existed else result.created).append(line)
    if installed.settings:
        result.updated.append(
            "git config merge.journal.* (this clone's; in every other clone: journal "
            "merge-driver --install)"
        )


def _property_types(vault: Vault, catalog: Catalog, result: InitResult) -> None:
    """In an Obsidian vault: journal's property types into ``.obsidian/types.json``
    (never through a symlink, as ``journal obsidian setup``: that is said, not fatal),
    those the values of the notes of ``catalog`` fit."""
    existed = (vault.root / TYPES_PATH).exists()
    types = merge_property_types(vault, catalog.property_values)
    if types.refused:
        result.kept_told.append(f"{TYPES_PATH}: {types.refused}")
    typed, left = fitted_lines(types.to_dict())
    if types.written:
        line = f"{TYPES_PATH} ({plural(len(types.added), 'property type')} added)"
        told = result.updated if existed else result.created
        told += [line, *(f"{TYPES_PATH}: {item}" for item in typed)]
    result.skipped += [f"{TYPES_PATH}: {item}" for item in left]
    for key, theirs, ours in types.kept:
        result.kept_told.append(f"{TYPES_PATH}: {key} is {theirs} (journal reads it as {ours})")
