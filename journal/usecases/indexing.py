"""``journal index`` and ``journal search``: the index's state, and full-text search."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_args

from journal.adapters import history_cache
from journal.adapters.index import Index, prune_orphans, prune_other_versions
from journal.adapters.index_search import Hit
from journal.adapters.vault import Vault
from journal.core.errors import Diagnostic, Severity, UsageProblem
from journal.core.fields import KINDS
from journal.core.records import Record, record

Progress = Callable[[int, int], None]


def index_vault(
    vault: Vault, *, rebuild: bool = False, progress: Progress | None = None
) -> dict[str, Any]:
    """Bring the index up to date (or build it again) and describe it, with every note's
    errors (what makes a note unreadable, or part of it).  Index files of vaults that
    no longer exist are deleted from the cache folder, and so are the vault's own of
    other versions of journal, unused for a week (``pruned``: both)."""
    index = Index.open(vault)
    vault.closing.append(index.close)
    result = index.rebuild(progress=progress) if rebuild else index.refresh(progress=progress)
    summary = index.summary()
    # every type and severity, 0 too: a script reads `.kinds.goal` as 0, not null (a tryout)
    kinds = summary["kinds"]
    summary["kinds"] = {k: kinds.get(k, 0) for k in sorted({*KINDS, "note", *kinds})}
    found = summary["diagnostics"]
    summary["diagnostics"] = {s: found.get(s, 0) for s in get_args(Severity)}
    errors = [d.to_dict() for d in index.errors()]
    pruned = index.pruned + prune_orphans(index.path)  # the first: when it was opened
    if index.path is not None:
        pruned += prune_other_versions(index.path)
    history_cache.prune_gone()  # not told: `pruned` names the index files
    return {
        "index": None if index.in_memory else str(index.path),
        "rebuilt": index.rebuilt_because is not None,
        "rebuilt_because": index.rebuilt_because,
        "read": len(result.parsed),
        "removed": len(result.removed),
        "seconds": round(result.seconds, 3),
        **summary,
        "errors": errors,
        "pruned": [str(p) for p in pruned],
    }


#: The longest query searched: far more than anyone types, far less than SQLite's limits.
MAX_QUERY = 2000


@record(frozen=True)
class Found(Record):
    """What `journal search` found, best first, and the notes' problems."""

    hits: list[dict[str, Any]]  # best first
    errors: list[Diagnostic]  # every note's, as `list` and `index` tell them


def search_notes(
    vault: Vault, query: str, *, limit: int = 20, progress: Progress | None = None
) -> Found:
    """Notes matching a full-text query (FTS5 syntax), best first, from the index brought
    up to date (``progress`` as :func:`index_vault`'s), and the errors of every note (what
    makes it unreadable, or a part of it: a snippet shows a file that is not UTF-8 with
    ``�``); the notes that match and every command leaves out are left out: the
    sync-conflict copies (told) and those in folders that can't be listed."""
    if not query.strip():
        raise UsageProblem("give words to search for")
    if len(query) > MAX_QUERY:  # SQLite refuses a symbol's pattern of 50,000 bytes
        raise UsageProblem(
            f"the query is {len(query):,} characters long: search for at most {MAX_QUERY:,}"
        )
    if limit < 1:
        raise UsageProblem("--limit must be at least 1")
    unquoted = query.split('"')[::2]  # outside "phrases"
    for word in dict.fromkeys(w for part in unquoted for w in part.split()):
        if word in ("or", "and", "not"):  # `mentor or coffee` searches for "or" too
            vault.notice(f"'{word}' is searched as a word: an operator is written {word.upper()}")
    index = Index.open(vault)
    vault.closing.append(index.close)
    index.refresh(progress=progress)
    left_out = set(index.left_out())
    is_copy = vault.left_out().copy
    hits: list[Hit] = []
    left: list[str] = []  # the copies that would be among them
    for hit in index.search(query, limit + len(left_out)):  # `limit` hits, whatever else
        if len(hits) == limit:
            break
        if hit.path not in left_out:
            hits.append(hit)
        elif is_copy(hit.path):  # a folder that can't be listed is told as the index reads
            left.append(hit.path)
    if left:
        vault.notice(
            f"{', '.join(sorted(left))}: left out, as every command leaves out a sync-conflict "
            f"copy (journal check --select H003 names {'them' if len(left) > 1 else 'it'})"
        )
    listed = [
        {
            "path": hit.path,
            "type": hit.kind,
            "title": hit.title,
            "snippet": hit.snippet,
            "rank": float(f"{hit.rank:.6g}"),  # bm25 of a common word is ~1e-6: keep it
        }
        for hit in hits
    ]
    return Found(listed, index.errors())
