"""Entry point for ``python -m journal``."""

from journal.start import main

main()
