"""Entry point for ``python -m journal``."""

from journal.cli import main

main()
