"""The command line: click only, thin.  Each command parses its options, calls one
use-case function and prints what it returns.  Heavy modules are imported inside
the commands, so ``journal --help`` starts fast.  Every JournalError becomes one
line on stderr and its exit code here (0 ok, 1 findings or domain errors, 2 usage,
130 interrupted by Ctrl-C); no traceback reaches the user unless ``--debug`` is given."""

from __future__ import annotations

import contextlib
import errno
import functools
import gc
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, TypeVar

import click

from journal.core.records import Record, record

if TYPE_CHECKING:
    from datetime import date
    from types import FrameType, ModuleType

    from journal.adapters.vault import Vault
    from journal.core.catalog import Catalog

F = TypeVar("F", bound=Callable[..., Any])
#: A command that writes notes: it returns the commit message for ``--commit``.
Writer = TypeVar("Writer", bound=Callable[..., str])


@record()
class State(Record):
    """What the group's options give every command: the vault asked for and how."""

    vault_option: str | None
    plain: bool = False  # --plain or $JOURNAL_PLAIN: words for screen readers, wrapped
    from_variable: bool = False  # vault_option is $JOURNAL_VAULT's, not typed
    opened: Vault | None = None

    def vault(self) -> Vault:
        """The vault, opened once per command (``--commit`` watches what it writes)."""
        if self.opened is None:
            from journal.usecases.common import open_vault

            self.opened = open_vault(
                self.vault_option,
                notify=lambda message: echo(f"journal: {message}", err=True),
                variable="JOURNAL_VAULT" if self.from_variable else None,
            )
            self.opened.working = lambda label: ProgressBar(label=label)  # git's history
        return self.opened

    def typed(self) -> list[str]:
        """The options typed that chose the vault (``--vault``, journal's or ``check``'s),
        which a command to paste gives (:func:`suggesting`); none from ``JOURNAL_VAULT``,
        which the command pasted reads too."""
        return (
            ["--vault", self.vault_option] if self.vault_option and not self.from_variable else []
        )

    def close(self) -> None:
        """The command is done: close what it opened (the index)."""
        if self.opened is not None:
            self.opened.close()

    def views(self) -> ModuleType:
        """The one place plain mode is decided: :mod:`journal.plain` in it, else
        :mod:`journal.present` (the same views by name)."""
        import importlib

        return importlib.import_module("journal.plain" if self.plain else "journal.present")

    def style(self) -> Callable[[str, str], str]:
        """Colour by role on a terminal (:func:`_style`); none in plain mode."""
        from journal.present import unstyled

        return unstyled if self.plain else _style()

    def room(self) -> int | None:
        """The columns a view may cut a title to: the terminal's width on one; None,
        nothing cut, piped or in plain mode."""
        import shutil

        on_terminal = sys.stdout.isatty() and not self.plain
        return shutil.get_terminal_size().columns if on_terminal else None

    def put(self, text: str, *, styled: bool = False) -> None:
        """Print a view of :meth:`views` (``styled``: coloured by :meth:`style`); in plain
        mode wrapped to the terminal's width ($COLUMNS, else 80 when not a terminal)."""
        if self.plain:
            import shutil

            from journal.plain import wrapped

            text = wrapped(text, shutil.get_terminal_size().columns)
        if styled:
            echo_styled(text)
        else:
            echo(text, nl=False)

    def catalog(self, vault: Vault) -> Catalog:
        from journal.usecases.common import catalog

        with ProgressBar() as progress:
            return catalog(vault, today(), progress=progress)


class ProgressBar:
    """A progress bar on stderr (or ``file``), on a terminal that can move its cursor
    only, once the work (by default the index reading changed files) has gone on for
    more than a moment; as wide as the terminal leaves room for (:meth:`width`), redrawn
    every :data:`EVERY` seconds at most (a screen reader reads each redraw), and erased
    when the work is done, so the command's output starts on a clean line."""

    DELAY = 0.5  # seconds of work before the bar appears
    EVERY = 0.5  # seconds between redraws, at least
    WIDTH = 36  # the bar's columns on a terminal wide enough (click's own)
    #: the columns of the rest of its line besides its label, `  [` and
    #: `]  100%  9d 23:59:59`, and one to spare: a line as wide as the terminal wraps on some
    AROUND = 24

    def __init__(self, file: TextIO | None = None, label: str = "indexing") -> None:
        self.file = file
        self.label = label
        self.bar: Any = None
        self.hidden = False  # no bar on this file (see :meth:`width`)
        self.shown = 0
        self.started: float | None = None
        self.drawn = 0.0  # when the bar was last drawn

    def __enter__(self) -> ProgressBar:
        return self

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.bar is None:
            self.started = self.started or now
            file = self.file or sys.stderr
            if self.hidden or now - self.started < self.DELAY or done >= total:
                return
            width = self.width(file)
            if not width:
                self.hidden = True
                return
            self.bar = click.progressbar(length=total, label=self.label, file=file, width=width)
            self.bar.__enter__()
        if now - self.drawn >= self.EVERY:
            self.bar.update(done - self.shown)
            self.shown, self.drawn = done, now

    def width(self, file: TextIO) -> int:
        """The bar's columns on ``file``: :data:`WIDTH`, fewer on a terminal narrower
        than its line (each redraw wrapped, stacking lines: a tryout); 0, no bar, off a
        terminal, on one that can't move its cursor (cursor codes in Emacs' shell: a
        tryout) or on one too narrow for the percent and time left."""
        if not file.isatty() or _dumb_terminal():
            return 0
        try:
            columns = os.get_terminal_size(file.fileno()).columns
        except (OSError, ValueError):
            columns = 0
        if not columns:  # not told (a pseudo-terminal never given a size): $COLUMNS or 80
            import shutil

            columns = shutil.get_terminal_size().columns
        return max(0, min(self.WIDTH, columns - len(self.label) - self.AROUND))

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:  # the line erased, the cursor click hid shown again
            self.bar.file.write("\r\x1b[K\x1b[?25h")
            self.bar.file.flush()


def today() -> date:
    """Today, or ``JOURNAL_TODAY`` (YYYY-MM-DD) for reproducible runs."""
    from journal.adapters.environment import variable
    from journal.core.dates import DateError, today_from
    from journal.core.errors import UsageProblem

    try:
        return today_from(variable("JOURNAL_TODAY"))
    except DateError as exc:
        raise UsageProblem(f"JOURNAL_TODAY: {exc.message}") from None


class _PrintsHelp(click.Command):
    """A command whose ``--help`` (or ``--version``) printing fails as a command's output
    does: quietly when the reader went away (:data:`PIPE_CLOSED`), else with one line.
    Every error parsing its line shows the usage lines (click's parser leaves them out
    of some: ``Option '--status' requires an argument.``, a tryout)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)  # parsing takes the arguments out of ``args``
        try:
            return super().parse_args(ctx, args)
        except BrokenPipeError:
            _drop_output()
            ctx.exit(PIPE_CLOSED)
        except OSError as exc:  # a full disk (/dev/full)
            _output_lost(ctx, exc)
        except click.NoSuchOption as exc:
            if _global_option(ctx, exc.option_name) is None:
                raise
            raise _no_such_option(ctx, exc.option_name, given) from None
        except click.UsageError as exc:
            if exc.ctx is None:  # (show reads ctx alone)
                exc.ctx = ctx
            raise


def _global_option(ctx: click.Context, name: str) -> click.Option | None:
    """The option ``name`` of ``journal`` itself (``--vault``, ``--plain``...), if it is one
    that goes with a command: not ``--version`` or ``--help``, which end the run before it
    (a review: `journal list --version` was told `give it before it: journal --version list`,
    which prints the version and lists nothing)."""
    options = ctx.find_root().command.params
    return next(
        (o for o in options if isinstance(o, click.Option) and name in o.opts and not o.is_eager),
        None,
    )


def _no_such_option(
    ctx: click.Context, name: str, given: list[str], close: list[str] | None = None
) -> Exception:
    """The usage error of an option the command does not have; one of ``journal``'s own
    says where it goes, with the command line to paste (:func:`_moved_first`; tryouts:
    `journal list --vault v`, `journal list --plain` said no more)."""
    if _global_option(ctx, name) is None:
        return click.NoSuchOption(name, possibilities=close, ctx=ctx)
    return click.NoSuchOption(
        name,
        f"No such option '{name}' after the command; give it before it: "
        + _moved_first(ctx, given),
        ctx=ctx,
    )


def _moved_first(ctx: click.Context, given: list[str]) -> str:
    """The command line typed, ``given`` the words after the command's (``new goal``: the
    group's too), with every option of ``journal``'s among them that the command has not
    (``check`` has a ``--vault`` of its own) moved before the command, its value too
    (its metavar when none follows), each word as typed, quoted for a shell."""
    from journal.core.formatting import shell_words

    own = {n for p in ctx.command.params if isinstance(p, click.Option) for n in p.opts}
    moved: list[str] = []
    kept: list[str] = []
    words = iter(given)
    for word in words:
        name = word.partition("=")[0]
        option = _global_option(ctx, name) if name not in own else None
        if word == "--":  # the words after it are no options
            kept += [word, *words]
        elif option is None:
            kept.append(word)
        else:
            moved.append(word)
            if not option.is_flag and name == word:
                moved.append(next(words, option.metavar or ""))
    typed = ctx.meta[TYPED]
    path = ctx.command_path.split()[1:]  # the command's words, the group's too
    before = typed[: len(typed) - len(given) - len(path)]  # the options of journal given
    return shell_words(["journal", *before, *moved, *path, *kept])


class JournalCommand(_PrintsHelp):
    """Every command of the group (see :class:`_PrintsHelp`): a ``JOURNAL_TODAY`` that is
    no day is a usage error of each, also one that does not read the date, before it
    starts (its ``--help`` still shows)."""

    def invoke(self, ctx: click.Context) -> Any:
        today()
        return super().invoke(ctx)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Words left over after a name (``journal done Coffee with Jordan``) are a usage
        error that says to quote the name, with the command to paste; so is an option
        typed with one hyphen or a dash (:func:`_dashed`)."""
        given = list(args)  # parsing takes the arguments out of ``args``
        if not ctx.resilient_parsing:  # (shell completion parses a line in making)
            _refuse_dashed(ctx, given, _option_words(self, ctx))
        ctx.allow_extra_args = True
        extra = super().parse_args(ctx, args)
        if not extra or ctx.resilient_parsing:
            return extra
        problem = f"Got unexpected extra argument{'s' * (len(extra) > 1)} ({' '.join(extra)})"
        last = [p for p in self.params if isinstance(p, click.Argument)][-1:]
        name = ctx.params.get(last[0].name or "") if last and last[0].nargs == 1 else None
        at = given.index(name) if isinstance(name, str) and name in given else -1
        if not isinstance(name, str) or given[at + 1 : at + 1 + len(extra)] != extra:
            raise click.UsageError(problem, ctx)
        words = list(given)
        words[at : at + 1 + len(extra)] = [" ".join([name, *extra])]
        told = f"{problem}: a name with spaces goes in quotes: {_pasted(ctx, words)}"
        raise click.UsageError(told, ctx)


def _pasted(ctx: click.Context, words: Sequence[str]) -> str:
    """The command of ``ctx`` (``new goal``: the group's word too) with the arguments
    ``words``, to paste in a shell, with the options typed that chose the vault
    (:meth:`State.typed`): a command made here is one for sure, whatever its words
    (:func:`suggesting` gives them to those it can tell, ``journal search hr`` not)."""
    from journal.core.formatting import shell_words

    state = ctx.find_root().obj
    typed = state.typed() if isinstance(state, State) else []
    return shell_words(["journal", *typed, *ctx.command_path.split()[1:], *words])


def _option_words(command: click.Command, ctx: click.Context) -> dict[str, bool]:
    """Every name of the options of ``command`` (``--date``, ``-h``), and whether it
    takes a value."""
    return {
        name: not (param.is_flag or param.count)
        for param in command.get_params(ctx)
        if isinstance(param, click.Option)
        for name in (*param.opts, *param.secondary_opts)
    }


#: The characters a hyphen is typed or pasted as, with :data:`~journal.core.names.
#: TYPED_DASHES` (hyphens, dashes: macOS and word processors make an em dash of ``--``;
#: the minus sign): hyphen-minus, small em dash, small and full-width hyphen-minus.
_DASHES = "-\ufe58\ufe63\uff0d"


def _dashed(word: str, after: Sequence[str], options: dict[str, bool]) -> str | None:
    """The option of ``options`` that ``word`` is meant as, typed with one hyphen
    (``-date``, ``-d``) or a dash (``—date``, ``—dat``, as autocorrect and pasted text
    write ``--date``): "" for an option-like ``-x`` that names none; None for a word
    (``-ish``, ``-3pm``, ``—``, ``--date``, ``"—Commit to it"``: one with a space is
    text).  ``after``: the word after it, whose day makes ``--date`` the option meant
    (``-dt 2026-11-20``)."""
    from journal.core.names import TYPED_DASHES  # (not loaded for --help)

    rest = word.lstrip(_DASHES + TYPED_DASHES)
    lead = word[: len(word) - len(rest)]
    name = rest.partition("=")[0].casefold()
    if lead in ("", "--") or not name[:1].isalpha() or " " in name:
        return None
    longs = {option[2:]: option for option in options if option.startswith("--")}
    if name in longs:
        return longs[name]
    if len(name) == 1:  # a short option's form: the one long option of that letter
        firsts = [option for long, option in longs.items() if long[0] == name]
        return firsts[0] if len(firsts) == 1 else ""
    if lead.strip("-"):  # a dash: `--` as autocorrect wrote it
        import difflib

        close = difflib.get_close_matches(name, longs, 1)
        if close:
            return longs[close[0]]
    if "--date" in options and after and re.fullmatch(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", after[0]):
        return "--date"
    return None


def _refuse_dashed(ctx: click.Context, args: list[str], options: dict[str, bool]) -> None:
    """A usage error for the first word of ``args`` (before a ``--``, no option's value)
    that is one of ``options`` typed with one hyphen or a dash (:func:`_dashed`), with
    the command to paste; an option-like word that names none is left to click."""
    value_next = False
    for at, arg in enumerate(args):
        if value_next:
            value_next = False
            continue
        if arg == "--":
            return
        name = arg.partition("=")[0] if arg.startswith("--") else arg
        if name in options:
            value_next = options[name] and name == arg
            continue
        meant = _dashed(arg, args[at + 1 : at + 2], options)
        if meant:
            raise click.UsageError(_dashed_problem(ctx, args, at, meant), ctx)


def _dashed_problem(
    ctx: click.Context, args: Sequence[str], at: int, meant: str, end: int | None = None
) -> str:
    """What is wrong with ``args[at]``, the option ``meant`` (:func:`_dashed`), with
    the command to paste (the words from ``end`` on come after a ``--``)."""
    word = args[at]
    fixed = [*args[:at], meant + "".join(word.partition("=")[1:]), *args[at + 1 : end]]
    if end is not None and end < len(args):
        fixed += ["--", *args[end:]]
    return f"'{word}' is no option; write {meant} (two hyphens): {_pasted(ctx, fixed)}"


def _typed(ctx: click.Context, name: str) -> bool:
    """Whether the option ``name`` was given on the command line (not by its variable)."""
    return ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE


class _Whole(click.IntRange):
    """A whole number in ASCII digits, as every number the tool reads (click's ``int``
    also takes ``" 30"`` and Arabic-Indic ``٣٠``), within an optional range (none: its
    help says ``INTEGER``, as ``int``'s)."""

    def __init__(self, min: int | None = None, max: int | None = None) -> None:
        super().__init__(min, max)
        if min is None and max is None:
            self.name = "integer"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not (value.isascii() and value.lstrip("-").isdigit()):
            self.fail(f"'{value}' is not a whole number (digits 0-9)", param, ctx)
        return super().convert(value, param, ctx)

    def _describe_range(self) -> str:
        return super()._describe_range() if self.name != "integer" else ""


class _LogCommand(JournalCommand):
    """``journal log``: a word is an option only when it is exactly one of the
    command's (``--date DAY``, ``--date=DAY``, ``--json``, ``--commit``, ``-h``); every
    other word is the check-in's, its value or a word of its note, also one that starts
    with ``-`` (``-1``, ``-3pm``, ``-ish``: click alone reads ``-2h`` or ``-with`` as short
    options, one of them ``-h``, and prints the help).  A ``--word`` that is no option is
    a usage error, and so is an option typed with one hyphen or a dash, or a word like
    a short option (``-date``, ``—date``, ``-x``: :func:`_dashed`), until ``--``: every
    word after it is the note's (``journal log G +1 -- --verbose``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        takes_value = _option_words(self, ctx)
        options: list[str] = []
        words: list[str] = []
        given = iter(args)
        guard = None  # where the words after `--` begin
        for arg in given:
            name, equals, _ = arg.partition("=") if arg.startswith("--") else (arg, "", "")
            if arg == "--":
                guard = len(words)
                words.extend(given)
            elif name in takes_value:
                options.append(arg)
                if takes_value[name] and not equals:  # its value: the next word, whatever it is
                    value = next(given, None)
                    if value is None:  # else the `--` put before the words would be it
                        raise click.BadOptionUsage(
                            name, f"Option {name!r} requires an argument.", ctx=ctx
                        )
                    options.append(value)
            elif arg.startswith("--"):
                longs = [n for n in takes_value if n.startswith("--")]
                import difflib  # here: an error's path (click before 8.2 lists all given)

                raise _no_such_option(ctx, name, args, difflib.get_close_matches(name, longs))
            else:
                words.append(arg)
        guard = len(words) if guard is None else guard
        for at, word in enumerate(words[:guard]):
            meant = _dashed(word, words[at + 1 : at + 2], takes_value)
            if meant is not None:
                raise click.UsageError(_dashed_note(ctx, words, options, at, meant, guard), ctx)
        return super().parse_args(ctx, [*options, "--", *words])


def _dashed_note(
    ctx: click.Context, words: list[str], options: list[str], at: int, meant: str, guard: int
) -> str:
    """What is wrong with ``words[at]``, a word of ``journal log`` (its ``options`` apart;
    those from ``guard`` on typed after ``--``) that reads as the option ``meant``
    (:func:`_dashed`), with the commands to paste: the one with that option, and the one
    that keeps the word in the note."""
    noted = _pasted(ctx, [*words[:at], *options, "--", *words[at:]])
    if not meant:
        return (
            f"No such option '{words[at]}': a word of the note that starts with a dash goes "
            f"after --: {noted}"
        )
    line = [*words[:guard], *options, *words[guard:]]
    problem = _dashed_problem(ctx, line, at, meant, guard + len(options))
    return f"{problem} (or, to have it in the note, put -- before it: {noted})"


class _SearchCommand(JournalCommand):
    """``journal search``: a query word that starts with ``-`` (``hr -leaders``, as web
    search engines leave a word out) is taken for an option; say how to write it."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        given = list(args)  # parsing takes the arguments out of ``args``
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as exc:
            word = next((a for a in given if a[:1] == "-" and a[1:2] not in ("-", "")), None)
            first = all(a.startswith("-") for a in given[: given.index(word)]) if word else False
            if word is None or not (word[1].isalpha() or first):  # --jsn; NEAR(a b, -1)
                raise
            if word[1].isalpha():
                how = "to leave a word out of the search, write NOT, as in"
                how += " journal search 'hr NOT leaders'"
            else:  # a query that starts with a dash: "-1:1", "-5%"
                import shlex

                from journal.adapters.index_search import DASH_OUT

                how = f"{DASH_OUT}: journal search {shlex.quote(word.lstrip('-'))}"
            told = f"{exc.format_message()} ({word!r} reads as an option: {how})"
            raise click.UsageError(suggesting(told), ctx) from None


class _ListsWholeSummaries(click.Group):
    """A group whose ``--help`` lists each command with the whole first sentence of its
    help, wrapped, where click cuts it with ``...`` at the width's end (a screen reader,
    a narrow terminal: what a command does was lost)."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [
            (name, command)
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if commands:
            with formatter.section("Commands"):
                formatter.write_dl(
                    [(name, command.get_short_help_str(limit=1_000)) for name, command in commands]
                )


class JournalSubgroup(_PrintsHelp, _ListsWholeSummaries):
    """``journal new`` and ``journal obsidian``, and their commands (see :class:`_PrintsHelp`)."""

    command_class = JournalCommand


class JournalGroup(_PrintsHelp, _ListsWholeSummaries):
    """A group that turns every error into one line and an exit code."""

    command_class = JournalCommand
    group_class = JournalSubgroup

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Every argument without the ``\\r`` a line of a script saved with CRLF ends in
        (Git Bash passes it on the line's last word), before any command reads it; kept
        as :data:`TYPED` too."""
        ctx.meta[TYPED] = [arg.removesuffix("\r") for arg in args]
        return super().parse_args(ctx, list(ctx.meta[TYPED]))

    def invoke(self, ctx: click.Context) -> Any:
        from journal.core.errors import JournalError

        try:
            try:
                _STOPPING.arm()
                return super().invoke(ctx)
            finally:  # what follows only tells how it ended: a second stop changes nothing
                _STOPPING.disarm()
        except JournalError as exc:
            if _debug(ctx):  # the traceback too; the message and exit code as ever
                import traceback

                traceback.print_exc()
            for error in (exc, *exc.also):
                echo(str(error) if error.path else f"journal: {error}", err=True)
            ctx.exit(exc.exit_code)
        except click.Abort as exc:  # a question (click.confirm) not answered
            if isinstance(exc.__context__, KeyboardInterrupt):  # Ctrl-C, as anywhere else
                _stopped(ctx, exc.__context__)
            echo("journal: the question got no answer (end of input); nothing written", err=True)
            ctx.exit(1)
        except (click.ClickException, click.exceptions.Exit):
            raise
        except BrokenPipeError:
            # what reads the output went away (`journal list | head -1`, a `journal
            # watch` piped to a reader that ended): stop quietly, as SIGPIPE would
            _drop_output()
            ctx.exit(PIPE_CLOSED)
        except _OutputLost as exc:
            _output_lost(ctx, exc.error)
        except KeyboardInterrupt as exc:
            _stopped(ctx, exc)
        except Exception as exc:
            if _debug(ctx):
                raise
            echo(
                f"journal: internal error: {type(exc).__name__}: {exc} "
                "(run with --debug for the traceback)",
                err=True,
            )
            ctx.exit(1)


#: Where :class:`JournalGroup` keeps the arguments of the command line
#: (``click.Context.meta``, which every context of a run shares).
TYPED = "journal.typed"

#: The exit code when what reads the output went away, as git and coreutils report it.
PIPE_CLOSED = 128 + getattr(signal, "SIGPIPE", 13)


class _OutputLost(Exception):
    """Standard output could not be written (a full disk): not the command's failure."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _output_lost(ctx: click.Context, error: OSError) -> NoReturn:
    """Say in one line that the output could not be written, and exit 1."""
    _drop_output()
    echo(f"journal: can't write the output: {error.strerror or error}", err=True)
    ctx.exit(1)


def _drop_output() -> None:
    """Send the rest of standard output nowhere: nothing is left to fail at exit."""
    with contextlib.suppress(OSError, ValueError):  # no file behind it: nothing to do
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def _stopped(ctx: click.Context, exc: KeyboardInterrupt) -> NoReturn:
    """Say what a stop left written, and exit as a shell reports Ctrl-C (128 + SIGINT),
    or the signal that stopped it (SIGTERM, SIGHUP)."""
    echo(f"journal: {_interrupted(ctx)}", err=True)
    ctx.exit(128 + (exc.signum if isinstance(exc, Terminated) else signal.SIGINT))


def _interrupted(ctx: click.Context) -> str:
    """What a command stopped by Ctrl-C leaves.  Each file is written atomically, so
    none is half-written; but a command that writes several (a meeting and its new
    contacts) may have written only some, and with --commit they may not have been
    committed yet."""
    state = ctx.find_root().obj
    vault = state.opened if isinstance(state, State) else None
    if vault is None and ctx.find_root().invoked_subcommand == "init":  # makes its own
        return "interrupted; any file already written is whole"
    if vault is None or not vault.written:  # no vault opened yet: nothing written
        return "interrupted; nothing in the vault was written"
    done = (
        f"interrupted after writing {', '.join(vault.written)} (each whole); the rest was not done"
    )
    if vault.before_write is not None:  # --commit was armed
        return f"{done}; they may not be committed: see git status"
    return done


def _ask_yes(question: str, *, default: bool = True) -> bool:
    """Ask ``question`` on the terminal (on stderr: stdout may carry --json), Enter
    answering ``default``, as ``click.confirm`` does; an end of input is
    :class:`click.Abort`.  The
    answer is waited for a quarter of a second at a time, not in one blocking read: a
    stop (Ctrl-C, ``kill``) that comes just as the question is asked would otherwise be
    noticed only once a line is typed, and the command would hang until then."""
    import select

    if sys.platform == "win32":  # its select takes sockets only
        return click.confirm(question, default=default, err=True)
    while True:
        _print(f"{question} {'[Y/n]' if default else '[y/N]'}: ", err=True, nl=False)
        while not select.select([sys.stdin], [], [], 0.25)[0]:
            pass  # a stop that came meanwhile is raised here, between two waits
        line = sys.stdin.readline()
        if not line:
            _print("", err=True)
            raise click.Abort
        answer = line.strip().lower()
        if answer in ("y", "yes") or (default and answer == ""):
            return True
        if answer in ("n", "no", ""):
            return False
        enter = "yes" if default else "no"
        _print(f"Answer y (yes) or n (no); Enter is {enter}, Ctrl-D stops.", err=True)


def _debug(ctx: click.Context) -> bool:
    """Whether ``--debug`` was given (also when the command's state was never made)."""
    return bool(ctx.find_root().params.get("debug"))


def pass_state(func: F) -> F:
    return click.pass_obj(func)  # type: ignore[return-value]


def typed_in_nfc(func: F) -> F:
    """Give a command that writes its arguments into a note (``journal new``, ``set``,
    ``log``) each text argument in Unicode NFC, as a new note's file is named: macOS sends
    what is typed decomposed (NFD), and ``Hélène`` so would be two spellings in one note."""
    import unicodedata

    def nfc(value: Any) -> Any:
        if isinstance(value, str):
            return unicodedata.normalize("NFC", value)
        return tuple(map(nfc, value)) if isinstance(value, tuple) else value

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **{key: nfc(value) for key, value in kwargs.items()})

    return wrapper  # type: ignore[return-value]


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Print ``text``, control characters from notes shown, not obeyed
    (:func:`~journal.core.formatting.terminal_text`); a message (``err``) with the
    commands it suggests as :func:`suggesting` gives them."""
    from journal.core.formatting import terminal_text

    _print(terminal_text(suggesting(text) if err else text), err=err, nl=nl)


def suggesting(text: str) -> str:
    """``text`` (a message, ``check``'s report) with the options the user typed to choose
    the vault (:meth:`State.typed`) in each command it suggests, so that it runs pasted
    anywhere (from cron's mail, outside the vault): ``journal set "Network more"
    status=active`` run with ``--vault "my vault"`` becomes ``journal --vault "my vault"
    set ...``.  The messages are made in layers that know nothing of how the vault was
    chosen; a command is told by its shape (:func:`_suggested`)."""
    ctx = click.get_current_context(silent=True)
    state = ctx.find_root().obj if ctx is not None else None
    typed = state.typed() if isinstance(state, State) else []
    if not typed or "journal " not in text:
        return text
    from journal.core.formatting import shell_words

    options = f"journal {shell_words(typed)} "
    given = functools.partial(_suggested().sub, lambda on: options if on["command"] else on[0])
    lines = text.splitlines(keepends=True)  # only those that name journal are looked at
    return "".join(given(line) if "journal " in line else line for line in lines)


@functools.cache
def _suggested() -> re.Pattern[str]:
    """What :func:`suggesting` looks for: a quoted text, passed over whole (a title,
    ``"My journal review - weekly"``, a link), or the ``journal`` (group ``command``) of a
    command journal suggests.  That is ``journal`` standing alone (not in a path or a
    word, nor ``python -m journal``), one of its commands (a group's with its command:
    ``new contact``), then nothing, a backtick or a parenthesis closing, or a space and
    what a command goes on with: an option, a quoted word (as
    :func:`~journal.core.formatting.shell_word` quotes every name), a number, a
    placeholder (``GOAL``); not a word in lower case, nor a parenthesis (``journal review
    habit``, ``journal log (daily)``)."""
    names = [
        f"{name} {word}" if word else name
        for name, command in cli.commands.items()
        if name != "init"  # it names its folder in every command suggested: `init PATH`
        for word in [*getattr(command, "commands", ()), ""]
    ]
    named = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    then = r"(?:$|[`)]| (?![a-z(])\S)"
    quoted = r"""\$?'[^'\n]*'(?!\w)|"[^"\n]*"|\[\[[^\]\n]*\]\]"""
    command = rf"""(?<![\w/.'"-])(?<!-m )(?P<command>journal )(?=(?:{named}){then})"""
    first = r"""(?=[$'"\[j])"""  # a look at the first character: 5 times faster
    return re.compile(rf"{first}(?:(?<!\w){quoted}|{command})", re.M)


def echo_styled(text: str) -> None:
    """Print a coloured view, made from :func:`~journal.core.formatting.terminal_data`:
    its own colour codes are the only control characters in it."""
    _print(text, nl=False)


#: Where :func:`commit_option` keeps the command's JSON (``click.Context.meta``) until
#: the commit is made, to print it with the commit's id.
HELD_JSON = "journal.held_json"


def emit_json(data: Any) -> None:
    from journal.core.json_indented import indented_json

    ctx = click.get_current_context(silent=True)
    held = ctx.meta.get(HELD_JSON) if ctx is not None else None
    if held is not None:
        held.append(data)
        return
    _print(indented_json(data))


def emit_json_list(records: Iterable[Any]) -> None:
    """The text :func:`emit_json` gives the list of ``records``, written as they come, a
    few dozen kilobytes at a time: ``list --type all --json`` held the 50,000 notes of a
    vault, their records and the 22 MB of text at once (600 MB)."""
    from journal.core.json_indented import indented_json

    held: list[str] = []
    size = 0
    start = "["
    for item in records:
        text = indented_json(item, "  ")
        held.append(start + "\n  " + text)
        size += len(text)
        start = ","
        if size > _JSON_CHUNK:
            _print("".join(held), nl=False)
            held, size = [], 0
    held.append("[]" if start == "[" else "\n]")
    _print("".join(held))


_JSON_CHUNK = 64 * 1024  # characters of JSON text written at once


def _print(text: str, *, err: bool = False, nl: bool = True) -> None:
    """``click.echo``; standard output that can't be written (not a closed pipe) is
    :class:`_OutputLost`, which the group reports in one line.  A reader gone in the
    middle of a long write is a closed pipe too: Python takes the part the pipe held as
    the whole (:func:`_pipe_closed`)."""
    try:
        click.echo(text, err=err, nl=nl)
    except BrokenPipeError:
        raise
    except OSError as exc:
        if err:
            raise
        raise _OutputLost(exc) from exc
    if _PIPE_CLOSED and _reader_gone(sys.stderr if err else sys.stdout):
        raise BrokenPipeError(errno.EPIPE, "the reader of the output went away")


_PIPE_CLOSED = False  # set by SIGPIPE (see _pipe_closed)


def _reader_gone(stream: Any) -> bool:
    """Whether ``stream`` is a pipe whose reader went away, once some SIGPIPE came: it
    may have been another pipe's (a worker process of an index build, stopped with the
    command's process group, and the queue writing to it), and then the output is fine."""
    import select

    try:
        poll = select.poll()
        poll.register(stream.fileno(), select.POLLOUT)
    except (AttributeError, OSError, ValueError):  # no file behind it: the signal decides
        return True
    # Linux says POLLERR of a pipe whose reader is gone; the BSDs and macOS, POLLHUP
    return any(events & (select.POLLERR | select.POLLHUP) for _fd, events in poll.poll(0))


def _pipe_closed(signum: int, frame: FrameType | None) -> None:
    """SIGPIPE's handler: notes that a reader went away (Python ignores the signal, and
    a write cut short by it returns what was written, no error)."""
    global _PIPE_CLOSED
    _PIPE_CLOSED = True


def _nothing_to_list(message: str) -> None:
    """Say on stderr that a listing found nothing: its output stays empty, so that a
    script counting its lines counts none."""
    echo(f"journal: {message}", err=True)


def report(diagnostics: Sequence[Any], *, severities: tuple[str, ...] = ("error",)) -> None:
    """Per-file problems on stderr, one ``path:line: message`` each (``path:line:
    warning: message`` for a warning), kept on one line as ``check`` shows them: a
    line break in a quoted value shown as ``\\n`` (:func:`~journal.core.formatting.line_text`)."""
    from journal.core.formatting import line_text

    for d in diagnostics:
        if d.severity in severities:
            message = d.message if d.severity == "error" else f"warning: {d.message}"
            echo(str(replace(d, path=line_text(d.path), message=line_text(message))), err=True)


def commit_option(func: Writer) -> Writer:
    """Add ``--commit`` to a command that writes notes.

    Before the command runs, refuses when its notes could not be committed (no
    repository, not the user's, no git identity, a locked index) and arms the vault
    to refuse a note with staged changes just before writing it; afterwards commits
    exactly the notes the command wrote, with the message the command returns (its
    type says it always returns one, also when it wrote nothing).  The lines saying
    so go to stderr when stdout carries data (``--json``), and the notices of a commit
    unlike git's (a detached HEAD, hooks not run) always; ``--stdout`` and
    ``--dry-run`` write nothing, and are refused with it.  The command's JSON gets
    ``"commit"``: the id of the commit made, else null (also without ``--commit``).
    """

    @click.option(
        "--commit",
        "commit",
        is_flag=True,
        help="Commit exactly the files this command writes to git, nothing else.",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, commit: bool, **kwargs: Any) -> str:
        meta = click.get_current_context().meta
        held: list[dict[str, Any]] = []
        made: list[str] = []  # the commit's id, once made
        meta[HELD_JSON] = held
        try:
            return committing(args, kwargs, made) if commit else func(*args, **kwargs)
        finally:
            del meta[HELD_JSON]
            for data in held:
                emit_json({**data, "commit": made[0] if made else None})

    def committing(args: tuple[Any, ...], kwargs: dict[str, Any], made: list[str]) -> str:
        """Run the command with ``--commit``; the commit's id goes into ``made``."""
        from journal.core.errors import UsageProblem
        from journal.usecases.commit import commit_paths, prepare_commit, to_commit

        for option, given in (("--stdout", "to_stdout"), ("--dry-run", "dry_run")):
            if kwargs.get(given):  # they write nothing: nothing to commit, ever
                raise UsageProblem(f"give {option} or --commit, not both")

        ctx = click.get_current_context()
        vault = ctx.find_root().obj.vault()
        prepare_commit(vault)
        message = func(*args, **kwargs)
        err = bool(kwargs.get("as_json"))
        paths = to_commit(vault)
        if not paths:
            echo("journal: nothing written, nothing to commit", err=err)
            return message
        committed = commit_paths(vault, paths, message)
        if committed is None:
            echo("journal: the files match the last commit, nothing to commit", err=err)
            return message
        made.append(committed.revision.id)
        echo(f"committed {committed.revision.short}: {committed.revision.summary}", err=err)
        for notice in committed.notices:
            echo(f"journal: {notice}", err=True)
        return message

    return wrapper  # type: ignore[return-value]


@click.group(cls=JournalGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--vault",
    "vault_option",
    metavar="PATH",
    help="The vault folder (default: $JOURNAL_VAULT, else the nearest folder above "
    "holding .journal/ or .obsidian/).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.option(
    "--plain",
    is_flag=True,
    help="Words, not bars or symbols, one item a line, wrapped to the terminal: for screen "
    "readers and narrow terminals (default: $JOURNAL_PLAIN set and not 0).",
)
@click.version_option(package_name="journal", prog_name="journal")
@click.pass_context
def cli(ctx: click.Context, vault_option: str | None, debug: bool, plain: bool) -> None:
    """A plain-text SMART-goal journal: goals are markdown notes in a vault.

    \b
    Example (names from example-vault/):
      journal --vault example-vault list
    """
    from journal.adapters.environment import variable

    plain = plain or variable("JOURNAL_PLAIN") not in (None, "0")
    from_variable = vault_option is None and variable("JOURNAL_VAULT") is not None
    vault = _vault_folder(vault_option) or variable("JOURNAL_VAULT")
    ctx.obj = State(vault, plain, from_variable)
    ctx.call_on_close(ctx.obj.close)


# --- init ---------------------------------------------------------------------------------


@cli.command()
@click.argument("path", required=False, type=click.Path(file_okay=False))
@click.option(
    "--nested",
    is_flag=True,
    help="Make the vault even in a folder inside another vault, or one that holds "
    "vaults (the outer vault then reads the inner one's notes as its own too).",
)
@pass_state
def init(state: State, path: str | None, nested: bool) -> None:
    """Create a vault: config, folders, .gitignore and .gitattributes lines, a sample goal.

    The sample goal is left out when the vault has goals already.

    The vault is PATH, else --vault, else $JOURNAL_VAULT, else the working
    folder.  Refuses to overwrite anything or to go through symlinks, and a
    folder inside another vault (a folder above it holds .journal/ or
    .obsidian/) or one that holds vaults (exit 2) unless --nested is given;
    run it in an existing Obsidian vault to add journal's folders beside your
    notes.

    \b
    Example:
      journal init ~/career
    """
    from journal.usecases.init import init_vault

    root = Path(_vault_folder(path, "PATH") or state.vault_option or ".")
    result = init_vault(root, today(), nested=nested)
    echo(f"vault: {result.root}")
    for item in result.created:
        sample = " (a sample: delete it once you have goals of your own)"
        echo(f"  created {item}{sample if item == result.sample else ''}")
    for item in result.updated:
        echo(f"  updated {item}")
    for item in result.kept:
        echo(f"  kept    {item} (already there)")
    for item in result.kept_told:
        echo(f"  kept    {item}")
    for item in result.skipped:
        echo(f"  skipped {item}")


@cli.command("merge-driver")
@click.argument("files", nargs=-1, metavar="[BASE OURS THEIRS PATH]")
@click.option(
    "--install",
    is_flag=True,
    help="Set the driver up: .gitattributes lines and this clone's git config.",
)
@pass_state
def merge_driver(state: State, files: tuple[str, ...], install: bool) -> None:
    """Merge a review or plan both sides of a git merge wrote (git runs it).

    git runs it as the merge driver of the notes .gitattributes gives
    merge=journal, with the base, ours and theirs versions and the note's
    path: the generated sections and properties are taken from ours, your
    text is merged from both sides (git's conflict markers where both changed
    the same lines: exit 1).  --install adds the .gitattributes lines (reviews
    and plans) and sets the driver in this clone's git config (this Python, by
    its path: git needs no PATH); run it once in every clone, and again after
    moving journal's venv.  It needs the vault in a git repository; a copy of
    example-vault/ is in none, so start one first:

    \b
      git init && git add -A && git commit -m start

    \b
    Example:
      journal merge-driver --install
    """
    from journal.usecases.merge_driver import install as install_driver
    from journal.usecases.merge_driver import merge_note

    if install:
        if files:
            raise click.UsageError("--install takes no BASE OURS THEIRS PATH")
        vault = state.vault()
        echo(f"vault: {vault.root}")
        _installed(install_driver(vault))
        return
    if len(files) != 4:
        raise click.UsageError("give BASE OURS THEIRS PATH (git's %O %A %B %P), or --install")
    base, ours, theirs, path = files
    merged = merge_note(Path(base), Path(ours), Path(theirs), path)
    if merged.message is not None:
        echo(f"journal: {merged.message}", err=True)
    if not merged.clean:
        raise click.exceptions.Exit(1)


def _installed(result: Any) -> None:
    """What ``merge-driver --install`` changed: each line, each setting (in which
    repository); each line not added, and why, on stderr (exit 1)."""
    for line in result.attributes:
        echo(f"  added   .gitattributes: {line}")
    if result.settings:
        names = ", ".join(result.settings)
        echo(
            f"  set     git config {names} in {result.repository} (this clone's): git runs "
            f"{result.found}"
        )
    for refused in result.refused:
        echo(f"journal: {refused}", err=True)
    if result.refused:
        raise click.exceptions.Exit(1)
    if not result.attributes and not result.settings:
        echo("merge driver: set up already, nothing to change")


# --- new ----------------------------------------------------------------------------------


@cli.group()
def new() -> None:
    """Create a note from its template.

    \b
    Example:
      journal new goal "Shadow an HRBP for five days" --metric "days shadowed" --target 5
    """


@new.command("goal")
@click.argument("title")
@click.option("--outcome", help="The concrete result, one sentence.")
@click.option(
    "--metric", help="What is counted, e.g. 'informational interviews that led to a referral'."
)
@click.option("--unit", help="Unit of the metric, e.g. interviews.")
@click.option(
    "--baseline",
    metavar="N",
    help=(
        "Value at the start (default: a title's 'from N'; for a title that brings a number "
        "down, none: log its first value; else 0)."
    ),
)
@click.option("--target", metavar="N", help="Value that means done.")
@click.option("--effort", metavar="N", help="Hours per week the goal needs.")
@click.option("--due", metavar="DATE", help="Deadline, YYYY-MM-DD.")
@click.option("--area", help="Area, e.g. networking or skills.")
@click.option(
    "--supports", metavar="NOTE", help="The aspiration or larger goal it serves (a note's name)."
)
@click.option("--why", help="Why the goal matters.")
@click.option(
    "--kind",
    type=click.Choice(["outcome", "activity"], case_sensitive=False),
    help="Not given: read from the metric (activity with --feeds).",
)
@click.option("--feeds", metavar="GOAL", help="For an activity goal: the outcome goal it feeds.")
@click.option("--json", "as_json", is_flag=True, help="Print the created goal as JSON.")
@commit_option
@pass_state
@typed_in_nfc
def new_goal_command(state: State, title: str, as_json: bool, **options: str | None) -> str:
    """Write a new goal file from the goal template; never overwrites.

    \b
    Example (names from example-vault/):
      journal new goal "Ask two HRBPs to review my CV" \\
        --metric "CV reviews" --unit reviews --target 2 --due 2030-12-31 \\
        --supports "Become an HRBP"
    """
    from journal.usecases.new_note import new_goal

    vault = state.vault()
    created = new_goal(vault, state.catalog(vault), title, options, today())
    report(created.warnings, severities=("warning",))
    if created.start:
        echo(f"journal: {_line(created.path)}: {created.start}", err=True)
    if created.early:
        from journal.core.formatting import plural, shell_word

        days = ", ".join(day.isoformat() for day in created.early)
        echo(
            f"journal: {_line(created.path)}: {plural(len(created.early), 'check-in')} in "
            f"other notes already name it ({days}), before its start {created.props['start']}: "
            "they count toward its value all the same (T011 in journal check); if they are "
            "progress on it, move its start back (journal set "
            f"{shell_word(created.id or created.path)} "
            f"start={created.early[0].isoformat()}), else change their links or dates",
            err=True,
        )
    if as_json:
        emit_json({"path": created.path, "id": created.id, "properties": created.props})
    else:
        cut = f", {created.cut}" if created.cut else ""
        echo(f"created {created.path} (id: {created.id}{cut})")
    return f"journal: new goal {created.props['title']}"


# --- list / show --------------------------------------------------------------------------


@cli.command("list")
@click.option(
    "--type",
    "kind",
    default="goal",
    show_default=True,
    type=click.Choice(
        ["goal", "contact", "meeting", "review", "plan", "note", "all"], case_sensitive=False
    ),
    help="Which notes to list.",
)
@click.option("--status", "statuses", multiple=True, help="Only this status (repeatable).")
@click.option("--area", "areas", multiple=True, help="Only this area (repeatable).")
@click.option("--due-before", metavar="DATE", help="Only goals due before this day (YYYY-MM-DD).")
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
    from journal.core.formatting import line_texts
    from journal.usecases.listing import list_notes, listing_problems, tell_copies

    before = _optional_day(due_before, "--due-before")
    vault = state.vault()
    catalog = state.catalog(vault)
    found = list_notes(catalog, kind=kind, statuses=statuses, areas=areas, due_before=before)
    report(listing_problems(catalog), severities=("error", "warning"))
    tell_copies(vault, catalog)
    if as_json:
        emit_json_list(found)
        return
    records = list(found)
    if not records:
        _nothing_to_list("no goals match" if kind == "goal" else "no notes match")
    elif kind == "goal":
        state.put(state.views().goal_table(line_texts(records), today()))
    else:
        state.put(state.views().note_table(line_texts(records)))


@cli.command()
@click.argument("goal")
@click.option("--json", "as_json", is_flag=True, help="Print the goal as a JSON record.")
@pass_state
def show(state: State, goal: str, as_json: bool) -> None:
    """Show one goal: its SMART fields, milestones, check-ins and problems.

    GOAL is an id, path, file name, title or alias (or a [[link]] to the goal),
    or a part of a title, file name, alias or id that matches only one goal.

    \b
    Example (names from example-vault/):
      journal show connect-five-hr-leaders
    """
    from journal.usecases.listing import show_goal

    vault = state.vault()
    record = show_goal(vault, state.catalog(vault), goal, today())
    if as_json:
        emit_json(record)
    else:
        state.put(state.views().goal_card(record, today()))


# --- set ----------------------------------------------------------------------------------


def _changes(changes: list[Any]) -> list[dict[str, Any]]:
    """Property changes as JSON records."""
    return [{"key": c.key, "old": c.old, "new": c.new} for c in changes]


def _line(text: str) -> str:
    """A file name kept on one line (see :func:`~journal.core.formatting.line_text`)."""
    from journal.core.formatting import line_text

    return line_text(text)


def _echo_changes(state: State, path: str, changes: list[Any]) -> None:
    """A line per change, values as read (``change_lines`` of
    :meth:`State.views`)."""
    lined = [{**c, "key": _line(c["key"])} for c in _changes(changes)]
    state.put(state.views().change_lines(_line(path), lined))


#: How `set` names the body's line of ``why`` and of ``outcome`` (``BODY_FILLS``).
_BODY_LINES = {"why": "'Why it matters'", "outcome": "**Outcome:** line"}


@cli.command("set")
@click.argument("goal")
@click.argument("assignments", nargs=-1, required=True, metavar="KEY=VALUE...")
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON.")
@commit_option
@pass_state
@typed_in_nfc
def set_command(state: State, goal: str, assignments: tuple[str, ...], as_json: bool) -> str:
    """Change a goal's properties, or a meeting's outcome, goal or follow_up_by; a
    goal's new current is also logged, and why/outcome update the body's lines new goal
    wrote for them.

    Values are checked against each property's type; an empty value clears it.
    A number is the value itself: current=4, not +1 (journal log GOAL +1 adds 1).
    status=done also sets completed: TODAY, and another status clears a done
    goal's completed (unless completed is given).  GOAL is
    an id, path, file name, title or alias, or whole words or the first 3 letters
    or more of one (not 'on', nor 'Ana' of 'Analytics'); a name that finds no goal
    may name a meeting (set edits no contact: their file is named).

    \b
    Example (names from example-vault/):
      journal set "employment law" current=3 due=2027-04-30
    """
    from journal.usecases.set_fields import set_fields

    vault = state.vault()
    result = set_fields(vault, state.catalog(vault), goal, assignments, today())
    report(result.warnings, severities=("warning",))
    if as_json:
        emit_json(
            {
                "path": result.path,
                "written": result.written,
                "changes": _changes(result.changes),
                "plans": sorted(result.plans),
                "logged": result.logged,
                "unlogged": result.unlogged,
                "why_in_body": "why" in result.in_body,
                "outcome_in_body": "outcome" in result.in_body,
                "file_name": result.named,
            }
        )
    elif not result.changes:
        echo(f"{_line(result.path)}: unchanged")
    else:
        _echo_changes(state, result.path, result.changes)
        if result.logged:
            echo(f"{_line(result.path)}: {result.logged} added to the log")
        for key in result.in_body:
            echo(f"{_line(result.path)}: the body's {_BODY_LINES[key]} says it too")
    if result.named is not None and not as_json:
        echo(
            f"journal: {_line(result.path)}: links to the goal (in the review, the plan, "
            f"Obsidian) show its file's name, '{_line(result.named)}': rename the file in "
            "Obsidian, which updates the links to it, to have them show the new title",
            err=True,
        )
    if result.taken_in is not None and result.logged is not None:
        from journal.present import recount_taken_in

        told = recount_taken_in(result.logged, *result.taken_in)
        echo(f"journal: {_line(result.path)}: {told}", err=True)
    for key in result.otherwise:
        echo(
            f"journal: {_line(result.path)}: the body's {_BODY_LINES[key]} says otherwise; "
            "left as it is",
            err=True,
        )
    if result.outcome_not_in_body:
        echo(
            f"journal: {_line(result.path)}: the body has no **Outcome:** line; left as it is",
            err=True,
        )
    if result.unlogged:
        echo(
            f"journal: {_line(result.path)}: current set, but no =N line added to the log: "
            f"{result.unlogged}",
            err=True,
        )
    for path, (options, edited) in sorted(result.plans.items()):
        mine = " --force (you edited them: --force replaces your edits)" if edited else ""
        echo(
            f"journal: {_line(path)} still has this goal's weekly targets from before; make them "
            f"again with: journal plan {options}{mine}",
            err=True,
        )
    return f"journal: set {', '.join(result.assigned)} in {result.title}"


# --- index / search -----------------------------------------------------------------------


@cli.command("index")
@click.option("--rebuild", is_flag=True, help="Forget the index and read every note again.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@pass_state
def index_command(state: State, rebuild: bool, as_json: bool) -> None:
    """Bring the index up to date and show what it holds.

    The index is a cache of the notes (in the user cache folder); every
    command refreshes it first, so this is only needed to see its state or
    to build it again from scratch.  It also deletes the cache folder's
    index files of vaults whose folder no longer exists.

    \b
    Example:
      journal index --rebuild
    """
    from journal.core.errors import Diagnostic
    from journal.present import index_report
    from journal.usecases.indexing import index_vault

    with ProgressBar() as progress:
        summary = index_vault(state.vault(), rebuild=rebuild, progress=progress)
    report([Diagnostic.from_dict(d) for d in summary["errors"]])
    if as_json:
        emit_json(summary)
    else:
        echo(suggesting(index_report(summary)), nl=False)


@cli.command(cls=_SearchCommand)
@click.argument("query")
@click.option(
    "--limit",
    type=_Whole(1, 100_000),
    default=20,
    show_default=True,
    metavar="N",
    help="At most this many notes.",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of hits.")
@pass_state
def search(state: State, query: str, limit: int, as_json: bool) -> None:
    """Search the titles and bodies of all notes, and the names their properties
    link (a person's name finds the meetings with them), best matches first.

    QUERY uses SQLite FTS5 syntax: words (all must match), "a phrase",
    OR, NOT, NEAR(word word), prefix*, title:word, body:word, linked:word.

    \b
    Example:
      journal search '"informational interview" OR referral*'
    """
    from journal.core.formatting import line_texts
    from journal.usecases.indexing import search_notes

    with ProgressBar() as progress:
        found = search_notes(state.vault(), query, limit=limit, progress=progress)
    report(found.errors)
    hits = found.hits
    if as_json:
        emit_json(hits)
    elif not hits:
        _nothing_to_list("no notes match")
    else:
        state.put(state.views().search_results(line_texts(hits)))


# --- watch --------------------------------------------------------------------------------


@cli.command()
@click.option("--quiet", is_flag=True, help="Print nothing but the notes' errors and warnings.")
@click.option("--regenerate", is_flag=True, help="Also keep this week's review note up to date.")
@pass_state
def watch(state: State, quiet: bool, regenerate: bool) -> None:
    """Keep the index current while you edit notes, until Ctrl-C.

    Reconciles the whole vault first, then handles each saved, moved or
    deleted note once it has been quiet for a moment, printing one line per
    update.  With --regenerate, this week's review note (once `journal
    review` has created it) is refreshed after each change and each new day,
    writing only when its content differs and never over text you wrote.

    \b
    Example:
      journal --vault ~/career watch --regenerate
    """
    from journal.core.errors import Diagnostic
    from journal.core.formatting import line_texts
    from journal.present import history_line, reading_line, stopped_line, watch_line
    from journal.usecases.watching import watch_vault

    # it runs for hours, each batch leaving a catalog behind: Python's own thresholds
    # (a command's, :data:`GC_THRESHOLD`, would let those pile up between collections)
    gc.set_threshold(*PYTHON_GC_THRESHOLD)
    vault = state.vault()
    told: set[str] = set()  # each edit kept is told once while it is kept, not every batch

    def tell_kept(regenerated: dict[str, Any]) -> None:
        path = regenerated["path"]
        kept = [f"{path}: kept your edits in the '{name}' section" for name in regenerated["kept"]]
        kept += [f"{path}: kept your value of '{name}'" for name in regenerated["kept_properties"]]
        for line in kept:
            if line not in told:
                echo(line, err=True)
        # an edit no longer kept (undone, or --force) is told again if made again
        told.difference_update({t for t in told if t.startswith(f"{path}: ")} - set(kept))
        told.update(kept)

    def on_update(update: dict[str, Any]) -> None:
        # even with --quiet; warnings as `journal list` tells them
        report([Diagnostic.from_dict(d) for d in update["errors"]], severities=("error", "warning"))
        regenerated = update.get("regenerated")
        if regenerated:
            tell_kept(regenerated)
        if quiet:
            return
        echo(watch_line(line_texts(update), time.strftime("%H:%M:%S")))
        if regenerated and regenerated["action"] == "updated":
            echo(f"{time.strftime('%H:%M:%S')} {regenerated['path']} regenerated")
            tell_linked(regenerated)

    def on_regenerated(regenerated: dict[str, Any], why: str) -> None:
        tell_kept(regenerated)
        if not quiet and regenerated["action"] == "updated":
            echo(f"{time.strftime('%H:%M:%S')} {regenerated['path']} regenerated {why}")
            tell_linked(regenerated)

    def tell_linked(regenerated: dict[str, Any]) -> None:
        if regenerated["linked"]:
            echo(f"{time.strftime('%H:%M:%S')} {regenerated['linked']}: next link added")

    def on_ready() -> None:  # once the first reconcile is done, as the docs tell
        echo(f"watching {vault.root} (Ctrl-C to stop)")

    def on_reading(total: int) -> None:
        echo(reading_line(total, time.strftime("%H:%M:%S")))

    def on_history(total: int) -> None:
        echo(history_line(total, time.strftime("%H:%M:%S")))

    left = watch_vault(
        vault,
        on_update=on_update,
        log=lambda message: echo(message, err=True),
        on_reading=None if quiet else on_reading,
        on_history=None if quiet else on_history,
        regenerate=today if regenerate else None,
        on_regenerated=on_regenerated,
        on_ready=None if quiet else on_ready,
        on_stop=_STOPPING.disarm,  # it stops by itself: a further stop changes nothing
        output=_output_fd(),
    )
    if not quiet:
        echo(
            stopped_line(
                left["unread"], left["review"], read=left["read"], review_due=left["review_due"]
            )
        )


def _output_fd() -> int | None:
    """Standard output's file descriptor; None when it has none (a test's runner)."""
    try:
        return sys.stdout.fileno()
    except (OSError, ValueError):
        return None


# --- history ------------------------------------------------------------------------------


@cli.command()
@click.argument("goal", required=False)
@click.option("--since", metavar="DATE", help="Only changes on or after this day (YYYY-MM-DD).")
@click.option(
    "--limit",
    type=_Whole(min=0),
    default=30,
    show_default=True,
    metavar="N",
    help="Without GOAL: show at most this many goal changes (0: all).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the history as JSON.")
@pass_state
def history(state: State, goal: str | None, since: str | None, limit: int, as_json: bool) -> None:
    """What git remembers: a goal's timeline and progress, or the vault's goal events.

    With GOAL: every commit that touched the goal (across renames), oldest
    first, with what changed in meaning (current 2 -> 3, target 5 -> 8...), then
    its progress series; a goal no longer in the vault is looked up among the
    deleted ones.  Without GOAL: the vault's goal events, newest first.

    It needs the vault in a git repository with a commit; a copy of
    example-vault/ has none, so commit its notes first:

    \b
      git init && git add -A && git commit -m start

    \b
    Example (names from example-vault/):
      journal history connect-five-hr-leaders --since 2026-10-01
      journal history --limit 10
    """
    from journal.usecases.history import goal_history, vault_history

    day = _optional_day(since, "--since")
    vault = state.vault()
    if goal is not None:
        timeline = goal_history(vault, state.catalog(vault), goal, today(), day)
        record = timeline.to_dict()
        notices = timeline.notices
    else:
        whole = vault_history(vault, day, limit)
        record = whole.to_dict()
        notices = whole.notices
    for notice in notices:
        echo(f"journal: {notice}", err=True)
    if as_json:
        emit_json(record)
    elif goal is None and not record["entries"]:
        _nothing_to_list(f"no goal changes in the git history{f' since {day}' if day else ''}")
    else:
        from journal.core.formatting import line_texts

        shown, views, now = line_texts(record), state.views(), today()
        state.put(
            views.goal_timeline(shown, now, day) if goal else views.vault_timeline(shown, now)
        )


# --- check --------------------------------------------------------------------------------


@cli.command()
@click.argument("goals", nargs=-1, metavar="[GOAL|FILE]...")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as a flat JSON list.")
@click.option("--strict", is_flag=True, help="Exit 1 on any finding, not only on errors.")
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Print only the findings that make it exit 1 (errors; with --strict, all), "
    "no summary: nothing when the check passes (for a pre-commit hook).",
)
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
@click.option(
    "--list-rules",
    is_flag=True,
    help="List every rule (or those --select, --ignore choose) and exit.",
)
@click.option(
    "--vault",
    "vault_option",
    metavar="PATH",
    help="The vault folder, as the global --vault (for a pre-commit hook's args).",
)
@pass_state
def check(
    state: State,
    goals: tuple[str, ...],
    as_json: bool,
    strict: bool,
    quiet: bool,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    list_rules: bool,
    vault_option: str | None,
) -> None:
    """Check goals against the SMART rules, like a linter checks code.

    Each finding names the file, the line, the rule, what is wrong and how to
    fix it.  GOAL is a goal's id, name, title or alias, or a note's file (as a
    pre-commit hook passes them); without GOAL every note is checked.  Exits 1
    when there is an error (with --strict: any finding).  With --quiet only
    those findings are printed, and nothing when the check passes (as a
    pre-commit hook: `exec journal check --quiet`).  The rules are in
    docs/checks.md.

    \b
    Example (names from example-vault/):
      journal check
      journal check "Network more" --select S,M --json
      journal check --quiet
    """
    from journal.present import rule_table
    from journal.usecases.check import check_vault, listed_rules, shown_folder

    if list_rules:
        records = listed_rules(select, ignore)
        if as_json:
            emit_json(records)
        else:
            echo(rule_table(records), nl=False)
        return

    if vault_option is not None:
        state.vault_option = _vault_folder(vault_option)
        state.from_variable = False
        _one_vault(vault_option)
    vault = state.vault()
    result = check_vault(
        vault, state.catalog(vault), today(), refs=goals, select=select, ignore=ignore
    )
    stopping = result.stopping(strict)
    records = [f.to_dict() for f in (stopping if quiet else result.findings)]
    if not result.rules:  # reported: "All checks passed" when --ignore ALL ran nothing
        echo("journal: no rule is selected (--select, --ignore, [check] in the config):"
             " nothing was checked", err=True)  # fmt: skip
    if as_json:
        emit_json(records)
    else:
        folder = shown_folder(vault)
        from journal.core.formatting import line_texts

        view = state.views().check_report
        texts = line_texts(records)
        shown = view(texts, result.goals, result.rules, folder, result.named, summary=not quiet)
        state.put(suggesting(shown))
    if stopping:
        raise click.exceptions.Exit(1)


# --- check-ins and the networking log ------------------------------------------------------


def _day_option(text: str | None, option: str = "--date") -> date:
    """An option's date (a usage error naming ``option`` when it is not one), else today."""
    from journal.core.dates import DateError, parse_day
    from journal.core.errors import UsageProblem

    if text is None:
        return today()
    try:
        return parse_day(text)
    except DateError as exc:
        raise UsageProblem(f"{option}: {exc.message}") from None


def _one_vault(folder: str) -> None:
    """A command's own ``--vault folder`` (check's, for a pre-commit hook's args) and the
    global ``--vault`` typed too must name one folder: a usage error naming both, not
    one of them quietly."""
    from journal.core.errors import UsageProblem

    root = click.get_current_context().find_root()
    given = root.params.get("vault_option")
    if given is None or not _typed(root, "vault_option"):
        return
    try:
        same = Path(given).samefile(folder)
    except OSError:  # one is no folder: the same path, then
        same = Path(given).resolve() == Path(folder).resolve()
    if not same:
        raise UsageProblem(f"--vault {given} and --vault {folder} name two vaults: give one")


def _vault_folder(value: str | None, name: str = "--vault") -> str | None:
    """A vault folder given as ``name`` (``--vault``, init's ``PATH``): an empty value
    (``"$V"``, V unset) is a usage error, not the vault around the working folder, which
    a script did not mean to write in."""
    from journal.core.errors import UsageProblem

    if value == "":
        raise UsageProblem(f"{name} was given an empty folder name")
    return value


def _optional_day(text: str | None, option: str) -> date | None:
    """An option's date, None when the option is not given (an empty value is given,
    and not a date: a usage error, as everywhere)."""
    return _day_option(text, option) if text is not None else None


def _one_output(to_stdout: bool, as_json: bool) -> None:
    """``--stdout`` prints the note and ``--json`` a report of the run: one or the other."""
    from journal.core.errors import UsageProblem

    if to_stdout and as_json:
        raise UsageProblem("give --stdout or --json, not both")


_ROLE_STYLES: dict[str, dict[str, Any]] = {
    "good": {"fg": "green"},
    "warn": {"fg": "yellow"},
    "bad": {"fg": "red", "bold": True},
    "muted": {"dim": True},
    "heading": {"bold": True},
}


def _dumb_terminal() -> bool:
    """A terminal that can't move its cursor nor show colour: ``TERM=dumb``, or no
    ``TERM`` at all, as git takes it (not on Windows, whose terminals set none)."""
    term = os.environ.get("TERM", "" if os.name != "nt" else "windows")
    return term in ("dumb", "")


def _style() -> Callable[[str, str], str]:
    """Colour by role on a terminal; plain text when piped, when NO_COLOR is set or on a
    terminal that shows no colour (``TERM=dumb``, or no ``TERM`` at all, as git takes it;
    not on Windows, whose terminals set none)."""
    from journal.present import unstyled

    if os.environ.get("NO_COLOR") or _dumb_terminal() or not sys.stdout.isatty():
        return unstyled
    return lambda text, role: click.style(text, **_ROLE_STYLES.get(role, {}))


@cli.command("log", cls=_LogCommand)
@click.argument("goal")
@click.argument("value", required=False)
@click.argument("note", nargs=-1)
@click.option(
    "--date", "day", metavar="DATE", help="Day of the check-in (default: today; not later)."
)
@click.option("--json", "as_json", is_flag=True, help="Print the check-in (or history) as JSON.")
@commit_option
@pass_state
@typed_in_nfc
def log_command(
    state: State,
    goal: str,
    value: str | None,
    note: tuple[str, ...],
    day: str | None,
    as_json: bool,
) -> str:
    """Record a check-in, or show a goal's check-ins with a chart.

    VALUE is +N (up by N), -N (down by N) or =N (now N; =-N below zero).  The
    line goes to the goal's ## Log section and `current` changes, in one atomic
    write.  Without VALUE, the goal's check-ins (from its log and from progress::
    fields in other notes) are listed with a small chart.  To record, GOAL is an
    id, path, file name, title or alias, or whole words or the first 3 letters or
    more of one (not 'on', nor 'Ana' of 'Analytics'); to list, any unique part.

    \b
    Example (names from example-vault/):
      journal log "Connect with five HR leaders" +1 "Coffee with [[Dana Ortiz]]"
      journal log connect-five-hr-leaders -1 miscounted --date 2026-11-20
      journal log connect-five-hr-leaders
    """
    from journal.core.errors import UsageProblem

    vault = state.vault()
    catalog = state.catalog(vault)
    if value is None:
        if day is not None:
            raise UsageProblem("--date needs a VALUE to record, e.g. +1")
        from journal.usecases.checkin import history
        from journal.usecases.listing import goal_problems

        record = history(vault, catalog, goal, today())
        report(goal_problems(catalog, record["path"]), severities=("error", "warning"))
        if as_json:
            emit_json(record)
        else:
            from journal.core.formatting import line_texts

            state.put(state.views().history_view(line_texts(record), today()))  # `unit: "u\r"`
        return f"journal: log {record['title']}"  # nothing written: never committed
    from journal.core.formatting import number
    from journal.usecases.checkin import log_checkin

    logged = log_checkin(vault, catalog, goal, value, " ".join(note), _day_option(day))
    record = {
        "path": logged.path,
        "date": logged.day.isoformat(),
        "change": logged.change or None,
        "note": logged.note,
        "old": logged.old,
        "new": logged.new,
        "notice": logged.notice,
        "carried": logged.carried,
        "hint": logged.hint,
        "baseline": logged.baseline,
        "warning": logged.warning.message if logged.warning else None,
        "closed": logged.closed.message if logged.closed else None,
    }
    if as_json:
        emit_json(record)
    else:
        state.put(state.views().checkin_logged({**record, "path": _line(logged.path)}))
        if logged.carried:
            echo(
                f"{_line(logged.path)}: also logged {logged.carried}: the log did not have "
                f"current {number(logged.old)} yet" + (f"; {logged.hint}" if logged.hint else "")
            )
        if logged.baseline is not None:
            echo(
                f"{_line(logged.path)}: also wrote baseline: {number(logged.baseline)}: the "
                "goal had none, and counts down from its first value"
            )
    report([d for d in (logged.warning, logged.closed) if d], severities=("warning",))
    return f"journal: log {logged.change or 'a note to'} {logged.title}"


@new.command("contact")
@click.argument("name")
@click.option("--org", help="The organisation they work for.")
@click.option("--role", help="Their job title.")
@click.option(
    "--met-at", help='Where you met: a note link such as "[[2026-11-05 Meetup]]", or text.'
)
@click.option("--json", "as_json", is_flag=True, help="Print the created contact as JSON.")
@commit_option
@pass_state
@typed_in_nfc
def new_contact_command(
    state: State,
    name: str,
    org: str | None,
    role: str | None,
    met_at: str | None,
    as_json: bool,
) -> str:
    """Write a contact note (type: contact) for a person in your network.

    \b
    Example:
      journal new contact "Rosa Diaz" --org "Northwind Health" --role "HR Business Partner"
    """
    from journal.usecases.new_networking import new_contact

    vault = state.vault()
    path, props = new_contact(
        vault, state.catalog(vault), name, today(), org=org, role=role, met_at=met_at
    )
    if as_json:
        emit_json({"path": path, "properties": props})
    else:
        echo(f"created {path}")
    return f"journal: new contact {props['title']}"


@new.command("meeting")
@click.option(
    "--with",
    "people",
    multiple=True,
    required=True,
    metavar="PERSON",
    help="A person you met (repeat for several).",
)
@click.option("--goal", metavar="GOAL", help="The goal the meeting serves.")
@click.option("--date", "day", metavar="DATE", help="Day of the meeting (default: today).")
@click.option(
    "--kind",
    type=click.Choice(["coffee", "informational", "event", "mentor"], case_sensitive=False),
    help="What kind of meeting it was.",
)
@click.option("--title", help="Title after the date (default: e.g. 'Coffee with Dana Ortiz').")
@click.option(
    "--create-contacts/--no-create-contacts",
    default=None,
    help="Create contact notes for people who have none (no: only link their names).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the created meeting as JSON.")
@commit_option
@pass_state
@typed_in_nfc
def new_meeting_command(
    state: State,
    people: tuple[str, ...],
    goal: str | None,
    day: str | None,
    kind: str | None,
    title: str | None,
    create_contacts: bool | None,
    as_json: bool,
) -> str:
    """Write a meeting note (type: meeting) linked to the people and the goal.

    follow_up_by is the meeting date plus [networking] follow_up_days (7).  A
    person with no contact note is offered as a new contact on a terminal; use
    --create-contacts to create them without asking, --no-create-contacts to only
    link their names.

    \b
    Example (names from example-vault/):
      journal new meeting --with "Tom Becker" --kind informational \\
        --goal "Two informational interviews" --date 2026-11-20
    """
    from journal.usecases.new_networking import find_people, new_meeting, not_in_contacts, slips

    vault = state.vault()
    catalog = state.catalog(vault)
    unknown = find_people(catalog, people)[1]
    if unknown and create_contacts is None and sys.stdin.isatty():
        slipped = slips(catalog, unknown)  # a slip for a contact's name: no by default
        create_contacts = _ask_yes(
            f"Not in your contacts: {not_in_contacts(unknown, slipped)}. Create contact notes?",
            default=not slipped,
        )
    created = new_meeting(
        vault,
        catalog,
        people,
        today(),
        day=_day_option(day),
        kind=kind,
        goal=goal,
        title=title,
        create_contacts=create_contacts,
    )
    if as_json:
        emit_json(
            {
                "path": created.path,
                "properties": created.props,
                "contacts_created": created.contacts_created,
                "contacts_missing": created.contacts_missing,
            }
        )
    else:
        for path in created.contacts_created:
            echo(f"created {path}")
        echo(f"created {created.path} (follow up by {created.props['follow_up_by']})")
    return f"journal: new meeting {created.title}"


@cli.command()
@click.option("--all", "everything", is_flag=True, help="Also later and done follow-ups.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of follow-ups.")
@pass_state
def followups(state: State, everything: bool, as_json: bool) -> None:
    """List follow-ups owed from meetings: overdue, and due in the next 7 days, oldest first.

    A meeting with an open task and no follow_up_by owes one [networking]
    follow_up_days after it, marked "(no follow_up_by: a week after the meeting)".

    \b
    Example:
      journal followups --all
    """
    from journal.core.formatting import terminal_data
    from journal.usecases.followups import followups as list_followups
    from journal.usecases.listing import mistyped, untyped_note

    vault = state.vault()
    catalog = state.catalog(vault)
    report(catalog.diagnostics)
    report(mistyped(catalog), severities=("warning",))
    rows = list_followups(catalog, today(), everything=everything)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        _nothing_to_list("no follow-ups due" + untyped_note(catalog, "meeting"))
    shown, folders, unread = terminal_data(
        [rows, catalog.unlisted_records(), catalog.unreadable_records(("meeting",))]
    )
    text = state.views().followup_table(shown, folders, unread, state.style(), state.room())
    if text:
        state.put(text, styled=True)


@cli.command()
@click.argument("note")
@click.option("--milestone", metavar="TITLE", help="Mark this milestone of the goal done.")
@click.option(
    "--date",
    "day",
    metavar="DATE",
    help="The day it was done (default: today; not later); corrects a milestone's done day.",
)
@click.option("--json", "as_json", is_flag=True, help="Print what changed as JSON.")
@commit_option
@pass_state
def done(state: State, note: str, milestone: str | None, day: str | None, as_json: bool) -> str:
    """Mark a meeting's follow-up, a goal, or a goal's milestone done.

    A meeting gets follow_up_done: DATE (when it has a follow_up_by, or an open
    task without one); a goal
    gets status: done and completed: DATE; with --milestone, that milestone
    gets done: DATE.  A contact's name is the follow-up still open with them.
    Only those lines change, and each change is printed.  NOTE is an id, path,
    file name, title or alias, or whole words or the first 3 letters or more of
    one (not 'on', nor 'Ana' of 'Analytics').

    \b
    Example (names from example-vault/):
      journal done "2026-11-05 HR meetup"
      journal done connect-five-hr-leaders --milestone "Fifth conversation"
    """
    from journal.core.formatting import plural
    from journal.usecases.done import mark_done

    vault = state.vault()
    result = mark_done(
        vault,
        state.catalog(vault),
        note,
        _day_option(day),
        milestone=milestone,
        dated=day is not None,
    )
    if as_json:
        emit_json(
            {
                "path": result.path,
                "what": result.what,
                "key": result.key,
                "old": result.old,
                "new": result.new,
                "changes": _changes(result.changes),
                "written": result.written,
                "open_tasks": result.open_tasks,
                "open_milestones": result.open_milestones,
                "short": result.short,
                "dropped": result.dropped,
            }
        )
    elif result.written:
        _echo_changes(state, result.path, result.changes)
    else:
        shown = state.views().file_value(result.old)
        already = f"{result.what} already done ({_line(result.key)}: {shown})"
        echo(f"{_line(result.path)}: {already}")
    if result.open_tasks and result.written and not as_json:  # closed by this run
        left = plural(len(result.open_tasks), "task")
        echo(f"journal: {_line(result.path)}: {left} not ticked yet:", err=True)
        for mark, task in zip(result.open_states, result.open_tasks, strict=True):
            echo(f"  - [{mark}] {task}", err=True)
    if result.short and not as_json:
        echo(f"journal: {_line(result.path)}: {result.short}", err=True)
    if result.dropped is not None and not as_json:
        day = "" if result.dropped is True else f" ({_line(str(result.dropped))})"
        echo(
            f"journal: {_line(result.path)}: milestone '{_line(str(result.milestone))}' was "
            f"dropped{day}: done now, it counts as done; its `dropped:` is kept, as a record",
            err=True,
        )
    if result.open_milestones and not as_json:
        left = plural(len(result.open_milestones), "milestone")
        echo(f"journal: {_line(result.path)}: {left} not done yet:", err=True)
        for item in result.open_milestones:
            echo(f"  - {item}", err=True)
    if result.what == "milestone":
        return f"journal: milestone done {result.milestone} ({result.title})"
    return f"journal: {'done' if result.what == 'goal' else 'follow-up done'} {result.title}"


@cli.command()
@click.option(
    "--stale",
    "stale_only",
    is_flag=True,
    help="Only the stale contacts, the longest untouched first.",
)
@click.option(
    "--days",
    type=_Whole(min=0),
    metavar="N",
    help="Stale after N days untouched (this run; default [networking] stale_contact_days).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of contacts.")
@pass_state
def people(state: State, stale_only: bool, days: int | None, as_json: bool) -> None:
    """List contacts with their last and next touch point; mark stale ones.

    A contact is stale when not touched (met, or sent the follow-up of a meeting
    with them alone) for [networking] stale_contact_days (60), or --days: `--stale
    --days 30` answers "who haven't I talked to in a month?".  A follow-up overdue
    is shown as owed.

    \b
    Example:
      journal people --stale --days 30
    """
    from journal.core.formatting import plural, terminal_data
    from journal.usecases.listing import mistyped, untyped_note
    from journal.usecases.people import people as list_people

    vault = state.vault()
    catalog = state.catalog(vault)
    report(catalog.diagnostics)
    report(mistyped(catalog), severities=("warning",))
    stale_days = vault.config.networking.stale_contact_days if days is None else days
    rows = list_people(catalog, today(), stale_days, stale_only=stale_only)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        _nothing_to_list(
            f"no contact untouched for more than {plural(stale_days, 'day')}"
            if stale_only and catalog.contacts
            else "no contacts yet" + untyped_note(catalog, "contact")
        )
    shown, folders, unread = terminal_data(
        [
            rows,
            catalog.unlisted_records(),
            {k: catalog.unreadable_records((k,)) for k in ("contact", "meeting")},
        ]
    )
    text = state.views().people_table(shown, today(), folders, unread, state.style())
    if text:
        state.put(text, styled=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the board as JSON.")
@pass_state
def status(state: State, as_json: bool) -> None:
    """One screen: active goals with progress and pace, next milestones, follow-ups
    overdue or due, and goals without a recent check-in (in a git repository, a
    commit that changed a goal's value counts as one).

    \b
    Example:
      journal status
    """
    from journal.core.formatting import terminal_data
    from journal.usecases.listing import goal_problems
    from journal.usecases.status import status as board

    vault = state.vault()
    catalog = state.catalog(vault)
    report(goal_problems(catalog), severities=("error", "warning"))
    data = board(vault, catalog, today())
    if as_json:
        emit_json(data)
    else:
        screen = state.views().status_screen(terminal_data(data), state.style(), state.room())
        state.put(screen, styled=True)


# --- review / plan ------------------------------------------------------------------------


def _generated_report(written: Any, as_json: bool, what: str) -> None:
    """What a review/plan run did, and which of the user's edits it kept."""
    if as_json:
        emit_json(written.to_dict())
    else:
        echo(f"{written.path}: {written.action}")
    _generated_notices(written, what)


def _generated_notices(written: Any, what: str) -> None:
    """The user's edits a review/plan run kept or replaced, and the sections it left, on
    stderr (with ``--stdout`` too: why the text printed holds them as they are)."""
    for name in written.kept:
        echo(
            f"{written.path}: kept your edits in the '{name}' section of the {what} "
            "(run with --force to replace them)",
            err=True,
        )
    for name in written.missing:
        echo(
            f"{written.path}: the '{name}' section was removed from the note; not added back "
            "(run with --force to add it back)",
            err=True,
        )
    for name in written.kept_properties:
        echo(
            f"{written.path}: kept your value of '{name}', which the {what} would change "
            "(run with --force to replace it)",
            err=True,
        )
    replaced = "would replace" if written.action.startswith("would") else "replaced"
    for name in written.overwritten:
        echo(f"{written.path}: {replaced} your edits in the '{name}' section (--force)", err=True)
    for name in written.overwritten_properties:
        echo(f"{written.path}: {replaced} your value of '{name}' (--force)", err=True)
    added = "would add back" if written.action.startswith("would") else "added back"
    for name in written.restored:
        echo(f"{written.path}: {added} the '{name}' section you removed (--force)", err=True)
    for name in written.orphaned:
        echo(
            f"{written.path}: the '{name}' section is no longer made by the {what} template; "
            "left as it was, no longer updated (delete it, markers too, if you don't want it)",
            err=True,
        )


@cli.command()
@click.option("--week", metavar="YYYY-Www", help="The ISO week to review, e.g. 2026-W47.")
@click.option(
    "--date",
    "day",
    metavar="DATE",
    help="Review the week holding this day, as of it (of today if later).",
)
@click.option("--stdout", "to_stdout", is_flag=True, help="Print the note; write nothing.")
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
@click.option("--force", is_flag=True, help="Also replace generated parts you edited or removed.")
@click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON.")
@commit_option
@pass_state
def review(
    state: State,
    week: str | None,
    day: str | None,
    to_stdout: bool,
    dry_run: bool,
    force: bool,
    as_json: bool,
) -> str:
    """Write this week's review note (reviews/YYYY-Www.md) from the vault.

    The period (dates and links to the weeks around it), scoreboard,
    check-ins, milestones, networking, needs attention, wins, this week in
    git and chart sections, and the properties week, start, end and goals,
    are regenerated on every run; your reflection and anything else you
    write stays.  A section or property you edited is kept and reported
    (use --force to replace it).  Last week's review gets its "next" link
    to this one, and nothing else.

    \b
    Example:
      journal review
      journal review --week 2026-W46 --stdout
    """
    from journal.usecases.listing import review_problems
    from journal.usecases.review import review_period, weekly_review

    _one_output(to_stdout, as_json)
    vault = state.vault()
    given_day = _optional_day(day, "--date")
    seen = review_period(vault, today(), week=week, day=given_day)  # before the notes
    catalog = state.catalog(vault)
    report(review_problems(catalog), severities=("error", "warning"))
    result = weekly_review(
        vault,
        catalog,
        today(),
        seen=seen,
        write=not to_stdout,
        dry_run=dry_run,
        force=force,
    )
    if to_stdout:
        echo(result.written.text, nl=False)
        _generated_notices(result.written, "review")
    else:
        _generated_report(result.written, as_json, "review")
    if result.linked is not None:  # on stderr beside --json, as a commit's line
        echo(f"{result.linked}: next link {'would be ' if dry_run else ''}added", err=as_json)
    return f"journal: weekly review {result.data['week']}"


@cli.command()
@click.option(
    "--start",
    metavar="DATE",
    help="First day (default: today if a week starts today, else next week's first day).",
)
@click.option(
    "--days", type=_Whole(), metavar="N", help="Length in days, 7-366 (default: [plan] days, 90)."
)
@click.option("--stdout", "to_stdout", is_flag=True, help="Print the note; write nothing.")
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
@click.option("--force", is_flag=True, help="Also replace generated parts you edited or removed.")
@click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON.")
@commit_option
@pass_state
def plan(
    state: State,
    start: str | None,
    days: int | None,
    to_stdout: bool,
    dry_run: bool,
    force: bool,
    as_json: bool,
) -> str:
    """Write a plan note (plans/<start>-<days>-day-plan.md) from the active goals.

    90 days unless --days or [plan] days says otherwise: weekly targets per
    goal, milestones in their weeks, a capacity check against hours_per_week,
    a focus list per month and a timeline chart.  Sections and properties you
    edited are kept, as in the review.  Without --start and --days it makes
    again the plan that runs through the week a new one would start (next
    week, or this one from its first day), if there is one.

    \b
    Example:
      journal plan --start 2026-11-23
      journal plan --days 30 --stdout
    """
    from journal.usecases.listing import review_problems
    from journal.usecases.plan import plan_length, quarterly_plan

    _one_output(to_stdout, as_json)
    vault = state.vault()
    first = _optional_day(start, "--start")
    length = plan_length(vault, days)  # usage errors before the notes are read
    catalog = state.catalog(vault)
    report(review_problems(catalog), severities=("error", "warning"))
    result = quarterly_plan(
        vault,
        catalog,
        today(),
        start=first,
        days=length,
        write=not to_stdout,
        dry_run=dry_run,
        force=force,
        keep_running=start is None and days is None,
    )
    if to_stdout:
        echo(result.written.text, nl=False)
        _generated_notices(result.written, "plan")
    else:
        _generated_report(result.written, as_json, "plan")
    return f"journal: {result.data['days']}-day plan from {result.data['start']}"


# --- obsidian ------------------------------------------------------------------------------


@cli.group()
def obsidian() -> None:
    """Make journal's notes native in Obsidian.

    \b
    Example:
      journal obsidian setup --dry-run
    """


@obsidian.command("setup")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print what was done as JSON.")
@pass_state
def obsidian_setup_command(state: State, dry_run: bool, as_json: bool) -> None:
    """Add journal's property types to .obsidian/types.json (keeping yours) and write
    Bases views (goals, follow-ups, reviews) you may edit; also shows the daily and
    weekly note settings journal reads from .obsidian/.  Running it again changes
    nothing that is already in place, and never a view you have edited.

    \b
    Example:
      journal obsidian setup
      journal obsidian setup --dry-run --json
    """
    from journal.present import obsidian_report
    from journal.usecases.obsidian_setup import obsidian_setup

    result = obsidian_setup(state.vault(), dry_run=dry_run).to_dict()
    if as_json:
        emit_json(result)
    else:
        echo(obsidian_report(result), nl=False)


#: Allocations between two collections of the youngest generation (Python's default is
#: 700), and how many of those before each older one (10 and 10).  A command builds
#: hundreds of thousands of small objects that are never garbage (the records of a large
#: vault): each collection walks them all again.  At 10,000 / 10 / 10 the collector took
#: 29 ms of ``journal review`` on 10,000 notes, at these values 3 ms.
GC_THRESHOLD = (100_000, 50, 100)
PYTHON_GC_THRESHOLD = gc.get_threshold()  # Python's own, before main() sets ours: for watch


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP (``kill``, a closed terminal, a supervisor, a CI timeout), raised
    as Ctrl-C is, so that a command stops the same clean way - its worker processes
    stopped, its transaction rolled back - instead of dying and leaving workers behind."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Stopping:
    """Ctrl-C, SIGTERM and SIGHUP stop a command where it is, raised as
    :class:`Terminated` while it runs (:meth:`JournalGroup.invoke` arms them and tells
    what was written).  One that comes before is raised as it starts; one that comes
    after it ended changes nothing: its work is done, its exit code stands."""

    armed = False
    pending: int | None = None
    missed = False  # a stop :meth:`dropped` is raised again by a timer, still to go off

    def arm(self) -> None:
        self.armed = True
        if self.pending is not None:
            raise Terminated(self.pending)

    def disarm(self) -> None:
        self.armed = False
        if self.missed:  # the command ended before it: its work is done, its exit stands
            self.missed = False
            signal.setitimer(signal.ITIMER_REAL, 0)

    def __call__(self, signum: int, frame: object) -> None:
        if self.armed:
            raise Terminated(signum)
        self.pending = self.pending or signum

    def dropped(self, hook: Any) -> None:
        """:data:`sys.unraisablehook`: a stop raised where Python drops exceptions - a
        finalizer, a weakref callback, as the build's worker processes are let go (found
        in a tryout: "Exception ignored in ...", a traceback, and the command ran on to
        exit 0) - is raised again a moment later, from a timer's signal, where the
        command runs; anything else as Python tells it."""
        import threading

        stop = hook.exc_value
        main = threading.current_thread() is threading.main_thread()  # (signals' thread)
        if isinstance(stop, KeyboardInterrupt) and self.armed and main and _ALARM:
            signum = stop.signum if isinstance(stop, Terminated) else signal.SIGINT
            signal.signal(signal.SIGALRM, lambda _alarm, frame: self.alarm(signum, frame))
            self.missed = True
            signal.setitimer(signal.ITIMER_REAL, 0.001)
            return
        sys.__unraisablehook__(hook)

    def alarm(self, signum: int, frame: object) -> None:
        """The timer :meth:`dropped` set went off: the stop it dropped, raised now."""
        if self.missed:
            self.missed = False
            self(signum, frame)

    def ignore(self) -> None:
        """Ignore the stops from now on: at exit Python sets its handlers back to the
        default, and a stop then would kill the process, its exit code lost (found in a
        tryout: a second Ctrl-C as `journal watch` stopped ended it with -2, not 0)."""
        for sig in STOP_SIGNALS:
            if signal.getsignal(sig) is self:
                signal.signal(sig, signal.SIG_IGN)


_STOPPING = _Stopping()
_ALARM = hasattr(signal, "setitimer")  # no timer signals on Windows
#: The signals that stop a command (no SIGHUP on Windows).
STOP_SIGNALS = [getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)]


def _closed_streams() -> None:
    """A standard stream closed when the command starts (``<&-``, ``>&-``, ``2>&-``: hooks
    and cron jobs may start it so), which Python leaves as None, gets ``/dev/null`` in its
    place: no file the command opens (the index) takes its descriptor.  Input reads as
    ``</dev/null`` (nothing to answer a question with).  Output is opened there
    read-only, so that writing it fails as on a closed descriptor and is reported as a
    full disk is (``can't write the output: Bad file descriptor``), never taken for done;
    messages to a closed stderr go nowhere, as to ``2>/dev/null``."""
    streams = ((0, "stdin", os.O_RDONLY, "r"), (1, "stdout", os.O_RDONLY, "w"))
    for fd, name, flags, mode in (*streams, (2, "stderr", os.O_WRONLY, "w")):
        if getattr(sys, name) is not None:
            continue
        null = os.open(os.devnull, flags)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
        stream = open(fd, mode, encoding="utf-8", closefd=False)  # noqa: SIM115 (kept open)
        setattr(sys, name, stream)


def _utf8_output() -> None:
    """What goes to a file or a pipe is UTF-8, as notes are (``review --stdout >
    note.md``, ``--json`` read by a script), whatever the locale or
    ``PYTHONIOENCODING`` say; a terminal of another encoding shows ``?`` for a character
    it can't hold, rather than the command failing."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding == "utf8" or not hasattr(stream, "reconfigure"):
            continue
        if stream.isatty():
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8")


class _Messages:
    """Standard error that goes to ``/dev/null`` once it can't be written (``2>/dev/full``,
    a reader gone): a message lost changes no exit code (found in a tryout: a usage
    error then exited 1, the code of a finding, with Python's traceback lost too)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError:
            self._lost()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError:
            self._lost()

    def _lost(self) -> None:
        with contextlib.suppress(OSError, ValueError):  # no descriptor behind it: as lost
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._stream.fileno())
            os.close(null)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _utf8_arguments(args: list[str]) -> None:
    """Exit 2 at the first argument that is not UTF-8 text (bytes the locale could not
    decode: a Latin-1 terminal), its bytes shown as ``\\xe9``; but a vault's folder
    (``--vault``'s, ``init``'s), which the vault's own message names (found in a tryout:
    this one came first, the byte shown as U+FFFD)."""
    folders = _vault_folders(args)
    for number, arg in enumerate(args, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            if number - 1 in folders:
                continue
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            print(f"journal: argument {number} is not UTF-8 text: '{shown}'", file=sys.stderr)
            sys.exit(2)


def _vault_folders(args: list[str]) -> set[int]:
    """Where in ``args`` a vault's folder is: ``--vault``'s value (before the command),
    and ``init``'s ``PATH`` (its first word); none other (found in review: any word
    ``init`` let a word after it through)."""
    folders: set[int] = set()
    command: str | None = None
    for at, arg in enumerate(args):
        if at in folders:
            continue  # --vault's value
        if arg.startswith("-"):
            if command is None and arg == "--vault":
                folders.add(at + 1)
            elif command is None and arg.startswith("--vault="):
                folders.add(at)
        elif command is None:
            command = arg
        elif command == "init":
            folders.add(at)
            break
    return folders


def main() -> None:
    """Console-script entry point."""
    _closed_streams()
    _utf8_output()
    sys.stderr = _Messages(sys.stderr)
    gc.set_threshold(*GC_THRESHOLD)
    for stop in STOP_SIGNALS:
        if signal.getsignal(stop) is not signal.SIG_IGN:
            signal.signal(stop, _STOPPING)  # kept ignored when ignored (nohup)
    sys.unraisablehook = _STOPPING.dropped
    if hasattr(signal, "SIGPIPE"):  # no SIGPIPE on Windows
        signal.signal(signal.SIGPIPE, _pipe_closed)
    _utf8_arguments(sys.argv[1:])
    try:
        cli(prog_name="journal")
    finally:
        _STOPPING.ignore()  # the command is over: its exit code stands
        # the process ends: what the command made is never garbage worth collecting,
        # and the collections at exit would look at all of it (the index is closed)
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    main()
