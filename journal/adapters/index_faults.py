"""What SQLite's errors say of the index file: damaged (moved aside and made again by
:class:`~journal.adapters.index.Index`), or on a full disk."""

from __future__ import annotations

import sqlite3

from journal.core.regex import lazy


class DamagedRows(sqlite3.DatabaseError):
    """Rows that can't be read back (a typed record) or that contradict each other (a
    search hit with no text): the file is damaged, or not journal's."""


#: What SQLite says of a database whose schema is not this index's (a table dropped by
#: hand), at the start of its message: FTS5 puts a search's own words into its errors,
#: so the words alone prove nothing (``journal search "malformed: input"``).
_NOT_THIS_SCHEMA = lazy(r"no such table: |table \S+ has no column named ")


def full(exc: sqlite3.DatabaseError) -> bool:
    """The disk (or the database's size limit) is full: SQLITE_FULL."""
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_FULL


def damaged(exc: sqlite3.DatabaseError) -> bool:
    """The index file is damaged, or not journal's: SQLite found it corrupt, not a
    database, cut short, or without a table of this schema (or its rows contradict
    each other: :class:`DamagedRows`)."""
    if isinstance(exc, DamagedRows):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return "malformed" in str(exc) or "not a database" in str(exc)
    if code & 0xFF == sqlite3.SQLITE_ERROR:  # a missing table has no code of its own
        return _NOT_THIS_SCHEMA.match(str(exc)) is not None
    # a short read: a file of the index cut under an open connection (its log truncated)
    return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or (
        code == sqlite3.SQLITE_IOERR_SHORT_READ
    )
