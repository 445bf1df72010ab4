"""``journal check``: the SMART rules over a vault (or some of its goals), as findings."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from pathlib import Path

from journal.adapters.files import here
from journal.adapters.vault import CONFIG_PATH, Vault
from journal.core.catalog import Catalog
from journal.core.errors import ConfigError, NotFound, UsageProblem
from journal.core.records import Record, record
from journal.core.rules import Context, Finding
from journal.core.rules.run import evaluate
from journal.core.rules.select import chosen, parse_selectors


@record(frozen=True)
class CheckReport(Record):
    """What `journal check` found, and over how many goals and rules."""

    findings: list[Finding]
    goals: int  # how many goals were checked
    rules: int  # how many rules ran
    named: bool = True  # the arguments named a note (or none was given)

    def stopping(self, strict: bool = False) -> list[Finding]:
        """The findings that make `journal check` exit 1: its errors (``strict``: all)."""
        return [f for f in self.findings if strict or f.severity == "error"]


def rules_on(vault: Vault, codes: Collection[str]) -> set[str]:
    """The rules of ``codes`` the vault's ``[check]`` settings leave on (settings that
    can't be read: all, as ``journal check`` tells what is wrong with them)."""
    settings = vault.config.check
    try:
        rules = chosen(parse_selectors(settings.select), parse_selectors(settings.ignore))
    except UsageProblem:
        return set(codes)
    return {rule.id for rule in rules} & set(codes)


def check_vault(
    vault: Vault,
    catalog: Catalog,
    today: date,
    *,
    refs: Sequence[str] = (),
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    cwd: Path | None = None,
    severities: Collection[str] = ("error", "warning", "hint"),
    also: Collection[str] = (),
    goals_only: bool = False,
    fixes: bool = True,
    files: Callable[[], Sequence[str]] | None = None,
) -> CheckReport:
    """Run the chosen rules; with ``refs`` (goal names or note files) keep only the
    findings in those notes, and those in other notes about their goals (T011 at a
    ``progress::`` line).  ``select`` replaces the config's ``check.select`` (one that
    names no rule is then told, not an error);
    ``ignore`` adds to its ``check.ignore``; ``severities``: only the rules of these
    (the review shows no hints, so it runs only those ``also`` names); ``goals_only``:
    only the findings in goal notes are wanted, and H010's; ``fixes``: their fixes are
    shown (see :class:`~journal.core.rules.base.Context`); ``files``: the vault's files
    that are no note, when the caller lists them (by default :meth:`Vault.attachments`,
    listed if a link names such a file)."""
    settings = vault.config.check
    given = parse_selectors(select)
    configured: dict[str, list[str]] = {}
    for name in ("select", "ignore"):
        try:
            configured[name] = parse_selectors(getattr(settings, name))
        except UsageProblem as exc:
            line = vault.config_line(("check", name))
            error = ConfigError(f"'check.{name}': {exc.message}", path=CONFIG_PATH, line=line)
            if name != "select" or not given:
                raise error from None
            vault.notice(f"{error}; not used: --select replaces it")
    rules = chosen(given or configured["select"], [*configured["ignore"], *parse_selectors(ignore)])
    rules = [rule for rule in rules if rule.severity in severities or rule.id in also]
    wanted = selected_paths(vault, catalog, refs, cwd or here() or Path()) if refs else None
    if any(rule.id == "T006" for rule in rules):
        from journal.usecases.history import look_up_changes

        look_up_changes(vault, catalog, today)
    context = Context(
        catalog,
        vault.config,
        today,
        files or vault.attachments,
        goals_only=goals_only,
        fixes=fixes,
        periodic=lambda: vault.periodic,
    )
    findings = evaluate(context, rules)
    goal_paths = {g.path for g in catalog.goals}
    if wanted is not None:
        findings = [f for f in findings if f.path in wanted or f.goal in wanted]
        goal_paths &= wanted
    return CheckReport(findings, len(goal_paths), len(rules), wanted is None or bool(wanted))


def listed_rules(select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[dict[str, str]]:
    """The rules ``select`` and ``ignore`` (option values) choose, every rule without
    them, as records; the config's ``[check]`` is not read (``--list-rules`` needs no
    vault)."""
    return [
        {"id": r.id, "name": r.name, "severity": r.severity, "summary": r.summary}
        for r in chosen(parse_selectors(select), parse_selectors(ignore))
    ]


def selected_paths(vault: Vault, catalog: Catalog, refs: Sequence[str], cwd: Path) -> set[str]:
    """Vault paths of the notes named by ``refs``: an existing file
    (:meth:`Vault.argument_path`: from ``cwd``, else from the vault's folder) is taken
    as a file (none when the listing reads no note there: ``photo.png``, and
    ``Goal.markdown``, which the listing tells), a folder as every note in it; anything
    else is a goal's id, name, title or alias, but for a name of a ``.md`` file that
    none is (a deleted file, as ``git diff --cached --name-only`` lists it, or a
    mistyped one: the note of its name is suggested), skipped with a notice.  A note or
    folder outside the vault is skipped with a notice (any other file quietly, as a hook
    may pass every changed file); when files outside are given and no argument names a
    note, folder or goal of the vault, a usage error: nothing to check."""
    paths = set()
    outside = in_vault = False
    for ref in refs:
        candidate = vault.argument_path(ref, cwd)
        try:
            is_file = candidate.is_file()
            on_disk = is_file or candidate.is_dir()
        except OSError:  # a name too long for the file system: a name, then
            is_file = on_disk = False
        if on_disk:
            rel = vault.inside(candidate)
            if rel is None:  # outside the vault, or through a symlink it never follows
                outside = True
                if not is_file or ref.lower().endswith(".md"):
                    where = f"the vault {vault.root}"
                    if candidate.resolve().is_relative_to(vault.root):
                        where = f"reached through a symlink, which {where} never follows"
                    else:
                        where = f"not in {where}"
                    vault.notice(f"{ref}: {where}; skipped")
                continue
            in_vault = True
            if is_file:
                paths.update([rel] if vault.reads(rel) else [])
            else:
                inside = "" if rel == "." else rel + "/"
                notes = [*catalog.by_path, *catalog.conflict_copies]  # copies get H003
                paths.update(p for p in notes if p.startswith(inside))
        else:
            try:
                paths.add(catalog.find_goal(ref).path)
                in_vault = True
            except NotFound:
                if not ref.lower().endswith(".md"):
                    raise
                name = ref.replace("\\", "/").rpartition("/")[2].casefold()
                same = [p for p in catalog.by_path if p.rpartition("/")[2].casefold() == name]
                why = f"deleted, or did you mean {same[0]}?" if len(same) == 1 else "deleted?"
                vault.notice(f"{ref}: no such file ({why}); skipped")
    if outside and not in_vault:
        raise UsageProblem(f"no file given is a note of the vault {vault.root}: nothing to check")
    return paths


def shown_folder(vault: Vault, cwd: Path | None = None) -> str:
    """What the text report puts before a vault path so it is relative to ``cwd`` (the
    working folder), as a linter's paths are: ``notes/`` when the vault is the folder
    ``notes`` below it, nothing when the vault is ``cwd`` or not below it (nor when the
    working folder no longer exists)."""
    cwd = cwd or here()
    if cwd is None:
        return ""
    try:
        folder = vault.root.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return ""
    return "" if folder == "." else folder + "/"
