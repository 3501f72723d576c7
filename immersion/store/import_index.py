"""Keeping the full-text index current during a big import: one statement for all rows, not a trigger per row.

The search index (store/search.py) is kept current by triggers on each searchable table. Fired once per row,
FTS5 flushes its pending terms at every statement, which makes a 100,000-row import spend almost all its time
there (measured: 7.6–9.7 s with the triggers against 0.6–0.7 s for one INSERT … SELECT into the index). So
during an import the table's insert and update triggers are dropped, the rows written, the index rows for the
new and changed rows written in bulk, and the triggers put back — all inside the import's transaction, so a
rolled-back import leaves the triggers (and the index) exactly as they were.

The bulk statements are derived from the triggers' own SQL (their `new.`/`old.` expressions are run over the
table aliased as `new`/`old`), so they always index exactly what the triggers would. Should a trigger have an
unexpected shape, the triggers are simply left in place: slower, never wrong.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

_INSERT = re.compile(r"BEGIN\s+(INSERT INTO search_index\s*\([^)]*\))\s*VALUES\s*\((.*)\)\s*;\s*END\s*$",
                     re.IGNORECASE | re.DOTALL)
_DELETE = re.compile(r"BEGIN\s+DELETE FROM search_index WHERE rowid\s*=\s*(old\.rowid[^;]*);", re.IGNORECASE)


class IndexBatch:
    """Told which existing rows an import changes, so that their index rows are rewritten at the end."""

    def __init__(self) -> None:
        self.changed_ids: list[str] = []

    def changed(self, ids: Sequence[str]) -> None:
        self.changed_ids.extend(ids)


@contextmanager
def bulk_index(conn: sqlite3.Connection, table: str) -> Iterator[IndexBatch]:
    """Write the index rows of `table` in bulk for what happens inside the block (inside a transaction).

    Rows inserted in the block are indexed by rowid (new rows get rowids above the current largest); rows
    updated in the block must be passed to `IndexBatch.changed()`.
    """
    batch = IndexBatch()
    triggers = dict(conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)",
        (f"search_{table}_ai", f"search_{table}_au")).fetchall())
    insert = _INSERT.search(triggers.get(f"search_{table}_ai", ""))
    delete = _DELETE.search(triggers.get(f"search_{table}_au", ""))
    if len(triggers) != 2 or insert is None or delete is None:
        yield batch  # not a searchable table (or an index of another shape): the triggers do the work
        return
    last = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
    for name in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    yield batch
    head, values = insert.group(1), insert.group(2)
    for start in range(0, len(batch.changed_ids), 500):
        chunk = batch.changed_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        conn.execute(f"DELETE FROM search_index WHERE rowid IN (SELECT {delete.group(1)} FROM {table} AS old "
                     f"WHERE old.id IN ({marks}))", chunk)
        conn.execute(f"{head} SELECT {values} FROM {table} AS new WHERE new.id IN ({marks})", chunk)
    conn.execute(f"{head} SELECT {values} FROM {table} AS new WHERE new.rowid > ?", (last,))
    for sql in triggers.values():
        conn.execute(sql)
