"""``journal watch``: keep the index current while notes are edited, until stopped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from journal.adapters.index import Index
from journal.adapters.vault import Vault
from journal.adapters.watcher import Update, Watcher, stop_on_signals


def update_record(update: Update) -> dict[str, Any]:
    """A batch of index updates as plain data."""
    return {
        "full": update.full,
        "read": update.refresh.parsed,
        "removed": update.refresh.removed,
        "seconds": round(update.refresh.seconds, 4),
    }


def watch_vault(
    vault: Vault,
    *,
    on_update: Callable[[dict[str, Any]], None],
    log: Callable[[str], None],
) -> None:
    """Watch ``vault`` until Ctrl-C or SIGTERM; ``on_update`` runs after every batch of
    index changes (a callback that writes notes should call ``Index.refresh`` on the
    paths it wrote, so their events are recognised as its own and change nothing)."""
    index = Index.open(vault, notify=log)
    settings = vault.config.watch
    watcher = Watcher(
        index,
        quiet=settings.quiet_seconds,
        reconcile_every=settings.reconcile_seconds,
        on_update=lambda update: on_update(update_record(update)),
        log=log,
    )
    try:
        with stop_on_signals(watcher):
            watcher.run()
    finally:
        index.close()
