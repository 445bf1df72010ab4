"""Helpers shared by the use cases: opening the vault and loading its notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from journal.adapters.vault import Vault, find_vault, load_catalog
from journal.core.catalog import Catalog


def open_vault(explicit: str | None, cwd: Path | None = None) -> Vault:
    """The vault named by ``--vault``/``JOURNAL_VAULT``, or found from ``cwd``."""
    return Vault.open(find_vault(explicit, cwd or Path.cwd()))


def catalog(
    vault: Vault,
    today: date | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> Catalog:
    """The vault's notes, fresh from disk (through the index), as of ``today``."""
    return load_catalog(vault, today, progress=progress)
