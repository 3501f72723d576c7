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
import unicodedata
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


_MARKUP = re.compile(r"[#*_>`|~]+")
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
    snippet: str  # matched words wrapped in MARK_START … MARK_END
    rank: float


@dataclass(frozen=True)
class Found:
    """The hits shown and how many entries match in all."""

    hits: list[Hit]
    total: int
    ranked: bool  # by relevance; False when there were too many matches and the newest are shown


MARK_START = "\x02"
MARK_END = "\x03"
RANKED_MAX = 4000  # above this many matches, ranking them all costs more than an as-you-type search may take
SNIPPET_WORDS = 14


def find(conn: sqlite3.Connection, text: str, limit: int = 50, kind: str | None = None) -> Found:
    """The best matches for what a user typed.

    Up to `RANKED_MAX` matches are ranked by relevance (BM25, a match in the title counting four times one in
    the text). More matches than that mean a very common word: ranking tens of thousands of entries would make
    typing stutter, so the newest entries are shown instead, those with the word in their title first.
    """
    query = to_fts_query(text)
    if query is None:
        return Found([], 0, True)
    kind_clause = " AND kind = ?" if kind else ""
    extra: tuple[str, ...] = (kind,) if kind else ()
    total = conn.execute(
        f"SELECT count(*) FROM search_index WHERE search_index MATCH ?{kind_clause}", (query, *extra)
    ).fetchone()[0]
    if total == 0:
        return Found([], 0, True)
    ranked = total <= RANKED_MAX
    if ranked:
        picked = conn.execute(
            f"SELECT rowid, bm25(search_index, 4.0, 1.0) FROM search_index WHERE search_index MATCH ?{kind_clause} "
            "ORDER BY bm25(search_index, 4.0, 1.0) LIMIT ?",
            (query, *extra, int(limit)),
        ).fetchall()
    else:
        picked = conn.execute(
            f"SELECT rowid, 0 FROM search_index WHERE search_index MATCH ?{kind_clause} ORDER BY rowid DESC LIMIT ?",
            (f"title : ({query})", *extra, int(limit)),
        ).fetchall()
        if len(picked) < limit:
            seen = {row[0] for row in picked}
            more = conn.execute(
                f"SELECT rowid, 1 FROM search_index WHERE search_index MATCH ?{kind_clause} "
                "ORDER BY rowid DESC LIMIT ?",
                (query, *extra, int(limit) + len(seen)),
            ).fetchall()
            picked += [row for row in more if row[0] not in seen][: limit - len(picked)]
    order = {rowid: (n, rank) for n, (rowid, rank) in enumerate(picked)}
    marks = ", ".join("?" for _ in order)
    # Fetched by rowid without MATCH: a snippet() in a MATCH query would be computed over every match.
    rows = conn.execute(
        f"SELECT s.rowid, s.kind, s.ref_id, s.account_id, coalesce(a.name, ''), s.title, s.body "
        f"FROM search_index s LEFT JOIN accounts a ON a.id = s.account_id WHERE s.rowid IN ({marks})",
        tuple(order),
    ).fetchall()
    terms = _terms(text)
    hits = [
        Hit(r[1], r[2], r[3] or "", r[4], r[5] or "", snippet(r[6] or "", terms), float(order[r[0]][1]))
        for r in sorted(rows, key=lambda r: order[r[0]][0])
    ]
    return Found(hits, total, ranked)


def search(conn: sqlite3.Connection, text: str, limit: int = 50, kind: str | None = None) -> list[Hit]:
    """The hits of `find()`."""
    return find(conn, text, limit, kind).hits


def _fold(word: str) -> str:
    """Case and accents folded, as the index's tokenizer does (`remove_diacritics 2`)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _terms(text: str) -> list[tuple[str, bool]]:
    """(folded word, is_prefix) for every word of the query; words of quoted phrases match whole."""
    terms: list[tuple[str, bool]] = []
    for phrase, bare in _TOKEN.findall(text):
        if phrase:
            terms.extend((_fold(w), False) for w in _WORD.findall(phrase))
        else:
            terms.extend((_fold(w), True) for w in _WORD.findall(bare))
    return terms


def snippet(body: str, terms: list[tuple[str, bool]], words: int = SNIPPET_WORDS) -> str:
    """A short window of `body` around the first matched word, with matched words between the marks."""
    tokens = list(re.finditer(r"\w+", body))
    if not tokens:
        return ""

    def matches(token: str) -> bool:
        folded = _fold(token)
        return any(folded.startswith(t) if prefix else folded == t for t, prefix in terms)

    hit = next((n for n, m in enumerate(tokens) if matches(m.group())), 0)
    first = max(0, hit - words // 3)
    last = min(len(tokens), first + words)
    out: list[str] = ["…" if first > 0 else ""]
    cursor = tokens[first].start()
    for m in tokens[first:last]:
        out.append(_MARKUP.sub(" ", body[cursor:m.start()]))  # markdown markers between words are noise here
        out.append(f"{MARK_START}{m.group()}{MARK_END}" if matches(m.group()) else m.group())
        cursor = m.end()
    out.append("…" if last < len(tokens) else "")
    return " ".join("".join(out).split())


def highlight(text: str, query: str) -> str:
    """`text` (a title) with every word the query matches between the marks."""
    terms = _terms(query)

    def mark(m: re.Match[str]) -> str:
        folded = _fold(m.group())
        hit = any(folded.startswith(t) if prefix else folded == t for t, prefix in terms)
        return f"{MARK_START}{m.group()}{MARK_END}" if hit else m.group()

    return re.sub(r"\w+", mark, text)
