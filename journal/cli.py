"""The command line: click only, thin.  Each command parses its options, calls one
use-case function and prints what it returns.  Heavy modules are imported inside
the commands, so ``journal --help`` starts fast.  Every JournalError becomes one
line on stderr and its exit code here (0 ok, 1 findings or domain errors, 2 usage);
no traceback reaches the user unless ``--debug`` is given."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from datetime import date

    from journal.adapters.vault import Vault
    from journal.core.catalog import Catalog

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class State:
    vault_option: str | None
    debug: bool
    opened: Vault | None = None

    def vault(self) -> Vault:
        """The vault, opened once per command (``--commit`` watches what it writes)."""
        if self.opened is None:
            from journal.usecases.common import open_vault

            self.opened = open_vault(self.vault_option)
        return self.opened

    def catalog(self, vault: Vault) -> Catalog:
        from journal.usecases.common import catalog

        with ProgressBar() as progress:
            return catalog(vault, progress=progress)


class ProgressBar:
    """A progress bar on stderr while the index reads many files, on a terminal only."""

    MIN_FILES = 1000

    def __init__(self) -> None:
        self.bar: Any = None
        self.shown = 0

    def __enter__(self) -> ProgressBar:
        return self

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < self.MIN_FILES or not sys.stderr.isatty():
                return
            self.bar = click.progressbar(length=total, label="indexing", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def today() -> date:
    """Today, or ``JOURNAL_TODAY`` (YYYY-MM-DD) for reproducible runs."""
    from journal.core.dates import today_from

    return today_from(os.environ.get("JOURNAL_TODAY"))


class JournalGroup(click.Group):
    """A group that turns every error into one line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        from journal.core.errors import JournalError

        try:
            return super().invoke(ctx)
        except JournalError as exc:
            if _debug(ctx):
                raise
            message = str(exc) if exc.path else f"journal: {exc}"
            click.echo(message, err=True)
            ctx.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if _debug(ctx):
                raise
            click.echo(
                f"journal: internal error: {type(exc).__name__}: {exc} "
                "(run with --debug for the traceback)",
                err=True,
            )
            ctx.exit(1)


def _debug(ctx: click.Context) -> bool:
    root = ctx.find_root()
    return bool(root.obj and root.obj.debug)


def pass_state(func: F) -> F:
    return click.pass_obj(func)  # type: ignore[return-value]


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def report(diagnostics: list[Any], *, severities: tuple[str, ...] = ("error",)) -> None:
    """Per-file problems on stderr, one ``path:line: message`` each."""
    for diagnostic in diagnostics:
        if diagnostic.severity in severities:
            click.echo(str(diagnostic), err=True)


def commit_option(func: F) -> F:
    """Add ``--commit`` to a command that writes notes.

    Before the command runs, refuses when its notes could not be committed (no
    repository, not the user's, no git identity) and arms the vault to refuse a
    note with staged changes just before writing it; afterwards commits exactly
    the notes the command wrote.  The command may return the commit message.
    """

    @click.option(
        "--commit",
        "commit",
        is_flag=True,
        help="Commit exactly the files this command writes to git, nothing else.",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, commit: bool, **kwargs: Any) -> Any:
        if not commit:
            return func(*args, **kwargs)
        from journal.usecases.commit import commit_paths, prepare_commit

        ctx = click.get_current_context()
        vault = ctx.find_root().obj.vault()
        prepare_commit(vault)
        message = func(*args, **kwargs)
        err = bool(kwargs.get("as_json"))
        if not vault.written:
            click.echo("journal: nothing written, nothing to commit", err=err)
            return message
        command = ctx.command_path.split(" ", 1)[-1]
        message = message or f"journal: {command} {', '.join(vault.written)}"
        revision = commit_paths(vault, vault.written, message)
        if revision is None:
            click.echo("journal: the files match the last commit, nothing to commit", err=err)
        else:
            click.echo(f"committed {revision.short}: {message}", err=err)
        return message

    return wrapper  # type: ignore[return-value]


@click.group(cls=JournalGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--vault",
    "vault_option",
    envvar="JOURNAL_VAULT",
    metavar="PATH",
    help="The vault folder (default: $JOURNAL_VAULT, else the nearest folder above "
    "holding .journal/ or .obsidian/).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.version_option(package_name="journal", prog_name="journal")
@click.pass_context
def cli(ctx: click.Context, vault_option: str | None, debug: bool) -> None:
    """A plain-text SMART-goal journal: goals are markdown notes in a vault.

    \b
    Example:
      journal --vault example-vault list
    """
    ctx.obj = State(vault_option, debug)


# --- init ---------------------------------------------------------------------------------


@cli.command()
@click.argument("path", required=False, type=click.Path(file_okay=False, path_type=Path))
def init(path: Path | None) -> None:
    """Create a vault: config, folders, a .gitignore line and a sample goal.

    Refuses to overwrite anything; run it in an existing Obsidian vault to add
    journal's folders beside your notes.

    \b
    Example:
      journal init ~/career
    """
    from journal.usecases.init import init_vault

    result = init_vault(path or Path.cwd(), today())
    click.echo(f"vault: {result.root}")
    for item in result.created:
        click.echo(f"  created {item}")
    for item in result.kept:
        click.echo(f"  kept    {item} (already there)")


# --- new ----------------------------------------------------------------------------------


@cli.group()
def new() -> None:
    """Create a note from its template.

    \b
    Example:
      journal new goal "Connect with five HR leaders" --metric "HR leaders met" --target 5
    """


@new.command("goal")
@click.argument("title")
@click.option("--outcome", help="The concrete result, one sentence.")
@click.option("--metric", help="What is counted, e.g. 'informational interviews held'.")
@click.option("--unit", help="Unit of the metric, e.g. interviews.")
@click.option("--baseline", help="Value at the start (default 0).")
@click.option("--target", help="Value that means done.")
@click.option("--effort", help="Hours per week the goal needs.")
@click.option("--due", help="Deadline, YYYY-MM-DD.")
@click.option("--area", help="Area, e.g. networking or skills.")
@click.option("--supports", help='The larger goal it serves, e.g. "[[Become an HRBP]]".')
@click.option("--why", help="Why the goal matters.")
@click.option("--kind", type=click.Choice(["outcome", "activity"]), help="Default: outcome.")
@click.option("--feeds", help="For an activity goal: the outcome goal it feeds.")
@click.option("--json", "as_json", is_flag=True, help="Print the created goal as JSON.")
@commit_option
@pass_state
def new_goal_command(state: State, title: str, as_json: bool, **options: str | None) -> str:
    """Write a new goal file from the goal template; never overwrites.

    \b
    Example:
      journal new goal "Hold two informational interviews" \\
        --metric "interviews held" --unit interviews --target 2 --due 2026-12-31
    """
    from journal.usecases.new_note import new_goal

    vault = state.vault()
    created = new_goal(vault, state.catalog(vault), title, options, today())
    if as_json:
        emit_json({"path": created.path, "id": created.id, "properties": created.props})
    else:
        click.echo(f"created {created.path} (id: {created.id})")
    return f"journal: new goal {title.strip()}"


# --- list / show --------------------------------------------------------------------------


@cli.command("list")
@click.option(
    "--type",
    "kind",
    default="goal",
    show_default=True,
    type=click.Choice(["goal", "contact", "meeting", "review", "plan", "note", "all"]),
    help="Which notes to list.",
)
@click.option("--status", "statuses", multiple=True, help="Only this status (repeatable).")
@click.option("--area", "areas", multiple=True, help="Only this area (repeatable).")
@click.option("--due-before", help="Only goals due before this date (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of records.")
@pass_state
def list_command(
    state: State,
    kind: str,
    statuses: tuple[str, ...],
    areas: tuple[str, ...],
    due_before: str | None,
    as_json: bool,
) -> None:
    """List goals (or other notes) with their status and progress.

    \b
    Example:
      journal list --status active --due-before 2027-01-01 --json
    """
    from journal.core.dates import parse_date
    from journal.present import goal_table, note_table
    from journal.usecases.listing import list_notes

    before = parse_date(due_before) if due_before else None
    vault = state.vault()
    catalog = state.catalog(vault)
    report(catalog.diagnostics)
    records = list_notes(catalog, kind=kind, statuses=statuses, areas=areas, due_before=before)
    if as_json:
        emit_json(records)
    elif kind == "goal":
        click.echo(goal_table(records, today()), nl=False)
    else:
        click.echo(note_table(records), nl=False)


@cli.command()
@click.argument("goal")
@click.option("--json", "as_json", is_flag=True, help="Print the goal as a JSON record.")
@pass_state
def show(state: State, goal: str, as_json: bool) -> None:
    """Show one goal: its SMART fields, milestones, check-ins and problems.

    GOAL is an id, file name, title or alias.

    \b
    Example:
      journal show connect-with-five-hr-leaders
    """
    from journal.present import goal_card
    from journal.usecases.listing import show_goal

    vault = state.vault()
    record = show_goal(state.catalog(vault), goal)
    if as_json:
        emit_json(record)
    else:
        click.echo(goal_card(record, today()), nl=False)


# --- set ----------------------------------------------------------------------------------


@cli.command("set")
@click.argument("goal")
@click.argument("assignments", nargs=-1, required=True, metavar="KEY=VALUE...")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@commit_option
@pass_state
def set_command(state: State, goal: str, assignments: tuple[str, ...], as_json: bool) -> str:
    """Change a goal's properties; only the edited lines of the file change.

    Values are checked against each property's type; an empty value clears it.

    \b
    Example:
      journal set "Connect with five HR leaders" current=3 status=active due=2026-12-31
    """
    from journal.usecases.set_fields import parse_assignments, set_fields

    vault = state.vault()
    result = set_fields(vault, state.catalog(vault), goal, assignments)
    if as_json:
        emit_json(
            {
                "path": result.path,
                "written": result.written,
                "changes": [{"key": c.key, "old": c.old, "new": c.new} for c in result.changes],
            }
        )
    else:
        if not result.changes:
            click.echo(f"{result.path}: unchanged")
        for change in result.changes:
            click.echo(f"{result.path}: {change.key}: {_show(change.old)} -> {_show(change.new)}")
    typed = parse_assignments(assignments)
    changed = ", ".join(f"{c.key}={typed[c.key].strip()}" for c in result.changes)
    return f"journal: set {changed} in {result.title}"


def _show(value: Any) -> str:
    return "(none)" if value is None else json.dumps(value, ensure_ascii=False)


# --- index / search -----------------------------------------------------------------------


@cli.command("index")
@click.option("--rebuild", is_flag=True, help="Forget the index and read every note again.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@pass_state
def index_command(state: State, rebuild: bool, as_json: bool) -> None:
    """Bring the index up to date and show what it holds.

    The index is a cache of the notes (in the user cache folder); every
    command refreshes it first, so this is only needed to see its state or
    to build it again from scratch.

    \b
    Example:
      journal index --rebuild
    """
    from journal.present import index_report
    from journal.usecases.indexing import index_vault

    with ProgressBar() as progress:
        report = index_vault(state.vault(), rebuild=rebuild, progress=progress)
    if as_json:
        emit_json(report)
    else:
        click.echo(index_report(report), nl=False)


@cli.command()
@click.argument("query")
@click.option("--limit", default=20, show_default=True, help="At most this many notes.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of hits.")
@pass_state
def search(state: State, query: str, limit: int, as_json: bool) -> None:
    """Search the titles and bodies of all notes, best matches first.

    QUERY uses SQLite FTS5 syntax: words (all must match), "a phrase",
    OR, NOT, prefix*, title:word.

    \b
    Example:
      journal search '"informational interview" OR referral*'
    """
    from journal.present import search_results
    from journal.usecases.indexing import search_notes

    hits = search_notes(state.vault(), query, limit=limit)
    if as_json:
        emit_json(hits)
    else:
        click.echo(search_results(hits), nl=False)


# --- watch --------------------------------------------------------------------------------


@cli.command()
@click.option("--quiet", is_flag=True, help="Print nothing but errors.")
@pass_state
def watch(state: State, quiet: bool) -> None:
    """Keep the index current while you edit notes, until Ctrl-C.

    Reconciles the whole vault first, then handles each saved, moved or
    deleted note once it has been quiet for a moment, printing one line per
    update.

    \b
    Example:
      journal watch --vault ~/career
    """
    import time

    from journal.present import watch_line
    from journal.usecases.watching import watch_vault

    vault = state.vault()

    def on_update(update: dict[str, Any]) -> None:
        if not quiet:
            click.echo(watch_line(update, time.strftime("%H:%M:%S")))

    if not quiet:
        click.echo(f"watching {vault.root} (Ctrl-C to stop)")
    watch_vault(vault, on_update=on_update, log=lambda message: click.echo(message, err=True))
    if not quiet:
        click.echo("stopped")


# --- history ------------------------------------------------------------------------------


@cli.command()
@click.argument("goal", required=False)
@click.option("--since", metavar="DATE", help="Only changes on or after this day (YYYY-MM-DD).")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    help="Without GOAL: show at most this many goal changes (0: all).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@pass_state
def history(state: State, goal: str | None, since: str | None, limit: int, as_json: bool) -> None:
    """What git remembers: a goal's timeline and progress, or the vault's goal events.

    With GOAL: every commit that touched the goal (across renames), oldest
    first, with what changed in meaning (current 2 -> 3, target 5 -> 8...), then
    its progress series.  Without GOAL: the vault's goal events, newest first.

    \b
    Example:
      journal history connect-five-hr-leaders --since 2026-10-01
      journal history --limit 10
    """
    from journal.core.dates import parse_date
    from journal.present import goal_timeline, vault_timeline
    from journal.usecases.history import goal_history, vault_history

    day = parse_date(since) if since else None
    vault = state.vault()
    if goal:
        timeline = goal_history(vault, state.catalog(vault), goal, today(), day)
        record = timeline.to_dict()
        notices = timeline.notices
    else:
        whole = vault_history(vault, day, limit)
        record = whole.to_dict()
        notices = whole.notices
    for notice in notices:
        click.echo(f"journal: {notice}", err=True)
    if as_json:
        emit_json(record)
    else:
        click.echo(goal_timeline(record) if goal else vault_timeline(record), nl=False)


# --- check --------------------------------------------------------------------------------


@cli.command()
@click.argument("goals", nargs=-1, metavar="[GOAL|FILE]...")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as a flat JSON list.")
@click.option("--strict", is_flag=True, help="Exit 1 on any finding, not only on errors.")
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules: ids or prefixes, comma-separated (e.g. S,M001); "
    "replaces check.select from the config.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Skip these rules: ids or prefixes, comma-separated; adds to check.ignore.",
)
@click.option("--list-rules", is_flag=True, help="List every rule and exit.")
@pass_state
def check(
    state: State,
    goals: tuple[str, ...],
    as_json: bool,
    strict: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    list_rules: bool,
) -> None:
    """Check goals against the SMART rules, like a linter checks code.

    Each finding names the file, the line, the rule, what is wrong and how to
    fix it.  GOAL is a goal's id, name, title or alias, or a note's file (as a
    pre-commit hook passes them); without GOAL every note is checked.  Exits 1
    when there is an error (with --strict: any finding).  The rules are in
    docs/checks.md.

    \b
    Example:
      journal check
      journal check "Network more" --select S,M --json
    """
    from journal.present import check_report, rule_table

    if list_rules:
        from journal.core.rules import RULES

        records = [
            {"id": r.id, "name": r.name, "severity": r.severity, "summary": r.summary}
            for r in RULES
        ]
        if as_json:
            emit_json(records)
        else:
            click.echo(rule_table(records), nl=False)
        return
    from journal.usecases.check import check_vault

    vault = state.vault()
    result = check_vault(
        vault, state.catalog(vault), today(), refs=goals, select=select, ignore=ignore
    )
    records = [f.to_dict() for f in result.findings]
    if as_json:
        emit_json(records)
    else:
        click.echo(check_report(records, result.goals), nl=False)
    if result.errors or (strict and result.findings):
        raise click.exceptions.Exit(1)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="journal")


if __name__ == "__main__":  # pragma: no cover
    main()
