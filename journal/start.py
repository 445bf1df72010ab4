"""The command's first step, before anything heavy is imported.

Ctrl-C while Python loads journal's modules (about a tenth of a second) would show a
traceback from deep inside an import; here it stops the command with the line every
later Ctrl-C gives.  :func:`journal.cli.main` then takes Ctrl-C over.
"""

from __future__ import annotations

import signal
import sys


def _stop(signum: int, frame: object) -> None:
    sys.stderr.write("journal: interrupted; nothing was written\n")
    raise SystemExit(128 + signum)


def main() -> None:
    """Console-script entry point."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not ignored
        signal.signal(signal.SIGINT, _stop)
    from journal.cli import main as run

    run()
