"""Full-text search over the workbook: one FTS5 table kept current by triggers.

`search_index` holds title and body text for accounts, goals, stakeholders, meetings, insights and ideas. Its
rowid is `source_rowid * 8 + kind number`, so a trigger updates one row by key instead of scanning. Source
rowids can change when a table is rebuilt (VACUUM, `table.transform()`), so `install()` re-creates the
triggers and rebuilds the index; migrations call it after every upgrade.

User queries are never passed to FTS5 as syntax: `to_fts_query()` quotes every word, so any text a user types
is a valid query (words in any order, each a prefix; "phrases in quotes" stay phrases).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from immersion.store.schema import SEARCH_SOURCES

KINDS: tuple[str, ...] = tuple(kind for kind, *_ in SEARCH_SOURCES)
_SLOTS = 8


def _trigger_sql(number: int, kind: str, table: str, account: str, title: str, body: str) -> list[str]:
    def cols(ref: str) -> tuple[str, str, str]:
        return account.format(r=ref), title.format(r=ref), body.format(r=ref)

    new_account, new_title, new_body = cols("new")
    insert = (
        f"INSERT INTO search_index(rowid, title, body, kind, ref_id, account_id) VALUES "
        f"(new.rowid * {_SLOTS} + {number}, {new_title}, {new_body}, '{kind}', new.id, {new_account});"
    )
    delete = f"DELETE FROM search_index WHERE rowid = old.rowid * {_SLOTS} + {number};"
    return [
        f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER search_{table}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    ]


def install(conn: sqlite3.Connection) -> None:
    """(Re)create the index's triggers and refill the index from the tables; run inside a transaction."""
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'"
    ).fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DELETE FROM search_index")
    for number, (kind, table, account, title, body) in enumerate(SEARCH_SOURCES):
        for ddl in _trigger_sql(number, kind, table, account, title, body):
            conn.execute(ddl)
        conn.execute(
            f"INSERT INTO search_index(rowid, title, body, kind, ref_id, account_id) "
            f"SELECT t.rowid * {_SLOTS} + {number}, {title.format(r='t')}, {body.format(r='t')}, '{kind}', t.id, "
            f"{account.format(r='t')} FROM {table} t"
        )


def _has_index(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_index'").fetchone() is not None


def _trigger_count(conn: sqlite3.Connection) -> int:
    return conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'"
    ).fetchone()[0]


def is_intact(conn: sqlite3.Connection) -> bool:
    """Cheap test used on every open: the index table and all its triggers exist."""
    return _has_index(conn) and _trigger_count(conn) == 3 * len(SEARCH_SOURCES)


def repair(conn: sqlite3.Connection) -> None:
    """Rebuild a missing or incomplete index (it is derived data: nothing of the user's is lost)."""
    from immersion.store.schema import SEARCH_TABLE

    conn.execute("BEGIN IMMEDIATE")
    try:
        if not _has_index(conn):
            conn.execute(SEARCH_TABLE)
        install(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def check(conn: sqlite3.Connection) -> list[str]:
    """Problems with the index: missing triggers or rows out of step with the tables."""
    if not _has_index(conn):
        return ["search index: the table is missing (it is rebuilt when the workbook is opened for editing)"]
    problems = []
    triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for kind, table, *_ in SEARCH_SOURCES:
        for suffix in ("ai", "ad", "au"):
            if f"search_{table}_{suffix}" not in triggers:
                problems.append(f"search index: trigger for {table} ({suffix}) is missing")
        indexed = conn.execute("SELECT count(*) FROM search_index WHERE kind = ?", (kind,)).fetchone()[0]
        rows = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if indexed != rows:
            problems.append(f"search index: {indexed} {kind} entries for {rows} rows in {table}")
    return problems


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


def to_fts_query(text: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query; None when nothing searchable is left.

    Every bare word becomes a quoted prefix term; text in double quotes becomes a quoted phrase. FTS5 operators
    and punctuation typed by the user are treated as separators, never as syntax.
    """
    terms: list[str] = []
    for phrase, bare in _TOKEN.findall(text):
        if phrase:
            words = _WORD.findall(phrase)
            if words:
                terms.append('"' + " ".join(words) + '"')
        else:
            terms.extend(f'"{word}"*' for word in _WORD.findall(bare))
    return " AND ".join(terms) if terms else None


@dataclass(frozen=True)
class Hit:
    kind: str
    ref_id: str
    account_id: str
    account_name: str
    title: str
    snippet: str  # matched words wrapped in [[ and ]]
    rank: float


MARK_START = "\x02"
MARK_END = "\x03"


def search(conn: sqlite3.Connection, text: str, limit: int = 50, kind: str | None = None) -> list[Hit]:
    """Best matches first. The snippet marks matched words with MARK_START/MARK_END."""
    query = to_fts_query(text)
    if query is None:
        return []
    where = "search_index MATCH ?"
    params: list[object] = [query]
    if kind:
        where += " AND search_index.kind = ?"
        params.append(kind)
    params.append(int(limit))
    sql = f"""
        SELECT search_index.kind, ref_id, account_id, coalesce(a.name, ''), title,
               snippet(search_index, 1, '{MARK_START}', '{MARK_END}', '…', 14), bm25(search_index, 4.0, 1.0)
        FROM search_index LEFT JOIN accounts a ON a.id = search_index.account_id
        WHERE {where}
        ORDER BY bm25(search_index, 4.0, 1.0)
        LIMIT ?"""
    rows = conn.execute(sql, params).fetchall()
    return [Hit(r[0], r[1], r[2], r[3], r[4] or "", r[5] or "", r[6]) for r in rows]
