"""The command's first steps, before anything heavy is imported.

In a locale of another encoding than UTF-8 the command starts again in Python's UTF-8
mode (:func:`_run_in_utf8_mode`).  Ctrl-C while Python loads journal's modules (about a
tenth of a second) would show a traceback from deep inside an import; here it stops the
command with the line every later Ctrl-C gives.  :func:`journal.cli.main` then takes
Ctrl-C over.
"""

from __future__ import annotations

import gc
import os
import signal
import sys


def _stop(signum: int, frame: object) -> None:
    sys.stderr.write("journal: interrupted; nothing in the vault was written\n")
    raise SystemExit(128 + signum)


def _run_in_utf8_mode() -> None:
    """Names, arguments and notes are UTF-8 whatever the locale.  In a locale of another
    encoding (Latin-1, or C with Python's UTF-8 mode turned off) Python would read a file
    name as that encoding, and journal would write it back garbled into a link: start
    again in UTF-8 mode instead (not in a frozen build, where ``-X`` is no option).
    Python's own arguments (the script's path) go as they were; the command's, see
    :func:`_as_utf8`."""
    encoding = sys.getfilesystemencoding().lower().replace("-", "")
    if sys.flags.utf8_mode or encoding == "utf8" or getattr(sys, "frozen", False):
        return
    if not sys.executable:
        return
    given = len(sys.argv) - 1  # the command's own arguments end sys.orig_argv
    python = [os.fsencode(arg) for arg in sys.orig_argv[1 : len(sys.orig_argv) - given]]
    args = [_as_utf8(arg) for arg in sys.orig_argv[len(sys.orig_argv) - given :]]
    os.execv(sys.executable, [os.fsencode(sys.executable), b"-X", b"utf8", *python, *args])


def _as_utf8(arg: str) -> bytes:
    """An argument for the command started again: its bytes as given when they are UTF-8
    or name a file (a path the shell completed, also as ``--vault=PATH``), else the text
    the locale reads in them (``café`` typed in a Latin-1 terminal), in UTF-8."""
    raw = os.fsencode(arg)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        value = raw.partition(b"=")[2] if raw.startswith(b"--") else raw  # --vault=PATH
        return raw if os.path.lexists(value or raw) else arg.encode("utf-8", "surrogateescape")
    return raw


def main() -> None:
    """Console-script entry point."""
    _run_in_utf8_mode()
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not ignored
        signal.signal(signal.SIGINT, _stop)
    # no collections while the modules load, nor of what they made later (the command's
    # would look at all of it again): modules, classes and functions that stay;
    # journal.cli's main sets the collector's pace for the command
    gc.disable()
    try:
        from journal.cli import main as run
    finally:
        gc.freeze()
        gc.enable()
    run()
