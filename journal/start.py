"""The command's first steps, before anything heavy is imported.

In a locale of another encoding than UTF-8 the command starts again in Python's UTF-8
mode (:func:`_run_in_utf8_mode`).  Ctrl-C while Python loads journal's modules (about a
tenth of a second) would show a traceback from deep inside an import; here it stops the
command with the line every later Ctrl-C gives.  :func:`journal.cli.main` then takes
Ctrl-C over.
"""

from __future__ import annotations

import os
import signal
import sys


def _stop(signum: int, frame: object) -> None:
    sys.stderr.write("journal: interrupted; nothing was written\n")
    raise SystemExit(128 + signum)


def _run_in_utf8_mode() -> None:
    """Names, arguments and notes are UTF-8 whatever the locale.  In a locale of another
    encoding (Latin-1, or C with Python's UTF-8 mode turned off) Python would read a file
    name as that encoding, and journal would write it back garbled into a link: start
    again in UTF-8 mode instead (not in a frozen build, where ``-X`` is no option).  An
    argument that is not UTF-8 (``café`` typed in a Latin-1 terminal) is passed on as
    the text the locale reads in it, in UTF-8."""
    encoding = sys.getfilesystemencoding().lower().replace("-", "")
    if sys.flags.utf8_mode or encoding == "utf8" or getattr(sys, "frozen", False):
        return
    if not sys.executable:
        return
    args = []
    for arg in sys.orig_argv[1:]:
        raw = os.fsencode(arg)  # the bytes as given
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            raw = arg.encode("utf-8", "surrogateescape")
        args.append(raw)
    os.execv(sys.executable, [os.fsencode(sys.executable), b"-X", b"utf8", *args])


def main() -> None:
    """Console-script entry point."""
    _run_in_utf8_mode()
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not ignored
        signal.signal(signal.SIGINT, _stop)
    from journal.cli import main as run

    run()
