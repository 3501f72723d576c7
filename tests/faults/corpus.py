"""A corpus of damaged and foreign files, each made from a real workbook or a real file of another kind.

`CASES` maps a name to (how to make it, what `immersion check` exits with, words its message must contain).
Exit 2: the file cannot be opened at all; exit 1: it opens, and the problem is listed.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from immersion.store import edits, schema
from immersion.store.workbook import Workbook

PAGE = 4096


def workbook(path: Path) -> Path:
    """A small real workbook whose data spans many pages."""
    with Workbook.create(path) as wb:
        account = edits.add(wb, "accounts", name="Northwind", mutual_purpose="Less waste").items[0].row_id
        with wb.transaction() as conn:
            conn.executemany(
                "INSERT INTO goals (id, account_id, title, category, rank) VALUES (?, ?, ?, 'strategic', ?)",
                [(f"g{n}", account, f"Goal {n} " + "x" * 300, n) for n in range(200)],
            )
    return path


def _truncate(size: Callable[[int], int]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        data = workbook(path).read_bytes()
        path.write_bytes(data[: size(len(data))])
    return make


def _flip(path: Path) -> None:
    data = bytearray(workbook(path).read_bytes())
    for offset in range(5 * PAGE, 5 * PAGE + 64):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


def _garbage_after_header(path: Path) -> None:
    data = bytearray(workbook(path).read_bytes())
    data[100:] = bytes((n * 37 + 11) % 256 for n in range(len(data) - 100))
    path.write_bytes(bytes(data))


def _sqlite_of_another_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT); INSERT INTO moz_places(url) "
                       "VALUES ('https://example.org');")
    conn.close()


def _ours_without_tables(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("CREATE TABLE scratch(x)")
    conn.close()


def _newer(path: Path) -> None:
    workbook(path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()


def _no_search_index(path: Path) -> None:
    workbook(path)
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE search_index")
    conn.commit()
    conn.close()


def _leftover_journal(path: Path) -> None:
    """A writer killed in the middle of an edit: the database and its hot journal stay behind."""
    workbook(path)
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('PRAGMA cache_size=1'); c.execute('BEGIN')\n"
        "c.execute(\"UPDATE goals SET title = 'half-done'\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], object]
    check_exit: int
    words: str
    opens_after_consent: bool = False  # the GUI asks (read-only, rebuild) and can then open it


CASES: dict[str, Case] = {
    "zero bytes": Case(lambda p: p.write_bytes(b""), 2, "empty"),
    "text file": Case(lambda p: p.write_text("Account plan\nTo do: call Olivia\n"), 2, "text file"),
    "png renamed": Case(lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200)), 2, "PNG image"),
    "pdf renamed": Case(lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 300), 2, "PDF document"),
    "xlsx renamed": Case(lambda p: p.write_bytes(b"PK\x03\x04" + b"\0" * 300), 2, "ZIP archive"),
    "another program's database": Case(_sqlite_of_another_program, 2, "another program"),
    "truncated inside the header": Case(_truncate(lambda n: 60), 2, "cut short"),
    "truncated after the first page": Case(_truncate(lambda n: PAGE + 10), 2, "cut short"),
    "truncated at half": Case(_truncate(lambda n: n // 2 + 100), 2, "cut short"),
    "truncated on a page boundary": Case(_truncate(lambda n: (n // PAGE - 3) * PAGE), 2, "cut short"),
    "flipped bytes in a page": Case(_flip, 2, "damaged"),
    "garbage after the header": Case(_garbage_after_header, 2, "damaged"),
    "our id without tables": Case(_ours_without_tables, 2, "no workbook tables"),
    "directory named like a workbook": Case(lambda p: p.mkdir(), 2, "folder"),
    "newer version": Case(_newer, 1, "newer Immersion", opens_after_consent=True),
    "search index missing": Case(_no_search_index, 1, "search index", opens_after_consent=True),
    "leftover journal from a crash": Case(_leftover_journal, 1, "being edited when", opens_after_consent=True),
}


def snapshot(path: Path) -> bytes | str:
    """What must not change: the file's bytes (or, for a folder, its listing), plus any journal beside it."""
    if path.is_dir():
        return "dir:" + ",".join(sorted(os.listdir(path)))
    journal = Path(str(path) + "-journal")
    return path.read_bytes() + (journal.read_bytes() if journal.exists() else b"")
