"""Search latency on a workbook with 50,000+ meetings: the full-text index against a plain LIKE scan.

Generates `immersion demo --accounts 1000 --meetings-per-account 51` (about 50,800 meetings with notes), then
runs 50 different queries — common and rare words, prefixes, two-word queries and quoted phrases, drawn from
the workbook's own notes with a fixed seed — through `store.search.find()` (what the search box calls), and the
same queries as a LIKE scan over the searchable columns of the six searchable tables.

Target: p95 ≤ 50 ms for the index. Run: `python -m tests.benchmarks search`.
"""

from __future__ import annotations

import random
import re
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks import Result

QUERIES = 50
TARGET_P95_MS = 50.0
LIKE_COLUMNS = {
    "accounts": ("name", "mutual_purpose", "objectives"),
    "goals": ("title", "description", "kpi"),
    "stakeholders": ("name", "title", "notes", "personal_wins"),
    "meetings": ("title", "purpose", "notes", "outcome"),
    "insights": ("text",),
    "ideas": ("title", "description"),
}


def make_queries(conn: sqlite3.Connection, count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    notes = [r[0] for r in conn.execute("SELECT notes FROM meetings WHERE notes IS NOT NULL ORDER BY rowid LIMIT 3000")]
    words = sorted({w for text in notes for w in re.findall(r"[A-Za-z]{4,}", text)})
    queries: list[str] = []
    while len(queries) < count:
        shape = len(queries) % 5
        word = rng.choice(words)
        if shape == 0:
            query = word
        elif shape == 1:
            query = word[:3].lower()  # a prefix, as typed
        elif shape == 2:
            query = f"{word} {rng.choice(words)}"
        elif shape == 3:
            text = rng.choice(notes)
            found = re.findall(r"[A-Za-z]+ [A-Za-z]+", text)
            query = f'"{rng.choice(found)}"' if found else word
        else:
            query = word.lower()
        if query not in queries:
            queries.append(query)
    return queries


def like_scan(conn: sqlite3.Connection, text: str, limit: int = 50) -> list[tuple[str, str]]:
    """Every word (or phrase) must appear somewhere in a row's searchable columns."""
    parts = [p for p in re.findall(r'"([^"]*)"|(\S+)', text)]
    needles = [phrase or word for phrase, word in parts]
    hits: list[tuple[str, str]] = []
    for table, columns in LIKE_COLUMNS.items():
        blob = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
        where = " AND ".join(f"({blob}) LIKE ?" for _ in needles)
        rows = conn.execute(f"SELECT '{table}', id FROM {table} WHERE {where} LIMIT ?",
                            (*[f"%{n}%" for n in needles], limit - len(hits))).fetchall()
        hits.extend(rows)
        if len(hits) >= limit:
            break
    return hits


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main() -> list[Result]:
    from immersion.store import search
    from immersion.store.demo import write_demo

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "meetings.immersion"
        started = time.perf_counter()
        stats = write_demo(path, accounts=1000, meetings_per_account=51)
        print(f"generated {stats.counts['meetings']:,} meetings ({stats.size / 1e6:.0f} MB) "
              f"in {time.perf_counter() - started:.1f} s")
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        queries = make_queries(conn, QUERIES)
        search.find(conn, "warm up the page cache")
        like_scan(conn, "warm")
        fts, like, counts = [], [], []
        for query in queries:
            started = time.perf_counter()
            found = search.find(conn, query)
            fts.append((time.perf_counter() - started) * 1000)
            counts.append(found.total)
            started = time.perf_counter()
            like_scan(conn, query)
            like.append((time.perf_counter() - started) * 1000)
        conn.close()
    for query, a, b, n in list(zip(queries, fts, like, counts, strict=True))[:10]:
        print(f"  {query!r:34} {n:7,} matches  index {a:7.2f} ms   LIKE {b:8.1f} ms")
    print(f"  … {len(queries) - 10} more queries")
    fts_median, fts_p95 = statistics.median(fts), percentile(fts, 0.95)
    like_median, like_p95 = statistics.median(like), percentile(like, 0.95)
    print(f"index: median {fts_median:.2f} ms, p95 {fts_p95:.2f} ms, max {max(fts):.2f} ms")
    print(f"LIKE:  median {like_median:.1f} ms, p95 {like_p95:.1f} ms; LIKE/index at the median "
          f"{like_median / fts_median:.0f}×, at p95 {like_p95 / fts_p95:.0f}×")
    return [
        Result("search", "index median", fts_median, "ms"),
        Result("search", "index p95", fts_p95, "ms", f"≤ {TARGET_P95_MS:g} ms", fts_p95 <= TARGET_P95_MS),
        Result("search", "LIKE scan median", like_median, "ms"),
        Result("search", "LIKE scan p95", like_p95, "ms"),
        Result("search", "LIKE / index (median)", like_median / fts_median, "×"),
    ]


if __name__ == "__main__":
    main()
