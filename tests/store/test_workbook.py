"""Opening and creating workbooks: every bad file gets its own clear error and is left byte-for-byte as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from immersion.store import edits, schema
from immersion.store.errors import (
    NotAWorkbook,
    WorkbookDamaged,
    WorkbookMissing,
    WorkbookReadOnly,
    WorkbookTooNew,
)
from immersion.store.lock import lock_path
from immersion.store.workbook import Workbook


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def filled(path: Path) -> Path:
    """A small workbook with a few hundred rows, so damage lands in real data pages."""
    with Workbook.create(path) as wb:
        account = edits.add(wb, "accounts", name="Northwind Grocers", mutual_purpose="Less waste").items[0].row_id
        with wb.transaction() as conn:
            for n in range(300):
                conn.execute(
                    "INSERT INTO goals (id, account_id, title, category, rank) VALUES (?, ?, ?, 'strategic', ?)",
                    (f"g{n}", account, f"Goal number {n} " + "x" * 200, n),
                )
    return path


def test_create_gives_current_schema_and_our_id(workbook_path: Path) -> None:
    with Workbook.create(workbook_path) as wb:
        assert wb.conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert wb.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert wb.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert wb.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert wb.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in wb.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert set(schema.TABLES) <= tables
        assert wb.meta("last_written_by")


def test_every_table_has_uuid_key_and_timestamps(wb: Workbook) -> None:
    for table in schema.TABLES:
        info = {row[1]: row for row in wb.conn.execute(f"PRAGMA table_info({table})")}
        assert info["id"][2] == "TEXT" and info["id"][5] == 1, table
        assert {"created_at", "updated_at"} <= set(info), table


def test_create_refuses_to_overwrite(workbook_path: Path) -> None:
    Workbook.create(workbook_path).close()
    before = digest(workbook_path)
    with pytest.raises(Exception, match="already exists"):
        Workbook.create(workbook_path)
    assert digest(workbook_path) == before


def _flip_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(3 * page, 3 * page + 200):  # garbage over the header of a b-tree page
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


BAD_FILES = {
    "zero bytes": (lambda p: p.write_bytes(b""), NotAWorkbook, "empty"),
    "text file": (lambda p: p.write_text("Quarterly notes\nNothing here.\n"), NotAWorkbook, "text file"),
    "png renamed": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 300), NotAWorkbook, "PNG image"),
    "pdf renamed": (lambda p: p.write_bytes(b"%PDF-1.7\n" + b"\0" * 300), NotAWorkbook, "PDF document"),
    "other program's database": (
        lambda p: sqlite3.connect(p).executescript("CREATE TABLE songs(title); INSERT INTO songs VALUES ('x');"),
        NotAWorkbook,
        "another program",
    ),
    "truncated at half": (
        lambda p: p.write_bytes(filled(p).read_bytes()[: p.stat().st_size // 2 + 100]),
        WorkbookDamaged,
        "cut short",
    ),
    "truncated to header": (lambda p: p.write_bytes(filled(p).read_bytes()[:60]), WorkbookDamaged, "cut short"),
    "flipped bytes in a page": (lambda p: _flip_page(filled(p)), WorkbookDamaged, "damaged"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
@pytest.mark.parametrize("read_only", [False, True])
def test_bad_files_get_their_own_error_and_stay_untouched(case: str, read_only: bool, tmp_path: Path) -> None:
    make, error, words = BAD_FILES[case]
    path = tmp_path / "bad.immersion"
    make(path)
    before = digest(path)
    with pytest.raises(error, match=words) as caught:
        Workbook.open(path, read_only=read_only)
    assert "bad.immersion" in str(caught.value)
    assert digest(path) == before
    assert not lock_path(path).exists()
    assert not Path(str(path) + "-journal").exists()


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(WorkbookMissing, match="does not exist"):
        Workbook.open(tmp_path / "nowhere.immersion")
    folder = tmp_path / "folder.immersion"
    folder.mkdir()
    with pytest.raises(NotAWorkbook, match="folder"):
        Workbook.open(folder)


def test_newer_version_refuses_writing_but_opens_read_only(workbook_path: Path) -> None:
    filled(workbook_path)
    conn = sqlite3.connect(workbook_path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    conn.close()
    before = digest(workbook_path)
    with pytest.raises(WorkbookTooNew, match="newer version") as caught:
        Workbook.open(workbook_path)
    assert caught.value.file_version == schema.SCHEMA_VERSION + 5
    with Workbook.open(workbook_path, read_only=True) as wb:
        assert wb.read_only and wb.read_only_reason
        assert edits.count(wb, "goals") == 300
        with pytest.raises(WorkbookReadOnly):
            edits.add(wb, "accounts", name="Nope")
    assert digest(workbook_path) == before


def test_read_only_open_never_writes(workbook_path: Path) -> None:
    filled(workbook_path)
    before = digest(workbook_path)
    with Workbook.open(workbook_path, read_only=True) as wb:
        assert len(edits.rows(wb, "accounts")) == 1
    assert digest(workbook_path) == before


def test_reopening_a_current_workbook_does_not_change_it(workbook_path: Path) -> None:
    filled(workbook_path)
    before = digest(workbook_path)
    Workbook.open(workbook_path).close()
    assert digest(workbook_path) == before


def test_leftover_journal_from_a_crash_is_rolled_back(workbook_path: Path) -> None:
    """A crash mid-edit leaves a hot journal; opening restores the last committed state."""
    filled(workbook_path)
    import os
    import subprocess
    import sys

    code = (
        "import sqlite3, os\n"
        f"c = sqlite3.connect({str(workbook_path)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA journal_mode=DELETE'); c.execute('PRAGMA cache_size=1')\n"
        "c.execute('BEGIN'); c.execute(\"UPDATE goals SET title = 'half-done'\")\n"
        "c.execute('CREATE TABLE filler(x)'); c.execute(\"INSERT INTO filler SELECT randomblob(9000) FROM goals\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert Path(str(workbook_path) + "-journal").exists()
    with Workbook.open(workbook_path) as wb:
        titles = {row["title"] for row in edits.rows(wb, "goals")}
        assert "half-done" not in titles and len(titles) == 300
        assert wb.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not Path(str(workbook_path) + "-journal").exists()
    del os


def test_save_copy_is_a_complete_workbook(workbook_path: Path, tmp_path: Path) -> None:
    filled(workbook_path)
    with Workbook.open(workbook_path) as wb:
        copy = wb.save_copy(tmp_path / "copy.immersion")
    with Workbook.open(copy, read_only=True) as other:
        assert edits.count(other, "goals") == 300


def test_large_files_leave_the_page_check_to_the_background(workbook_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from immersion.store import workbook as workbook_module

    filled(workbook_path)
    _flip_page(workbook_path)
    monkeypatch.setattr(workbook_module, "QUICK_CHECK_BYTES", 1000)  # this small file counts as large
    with Workbook.open(workbook_path, read_only=True) as wb:  # the header and tables are fine: it opens
        assert wb.integrity_unchecked
    problem = workbook_module.check_integrity(workbook_path)
    assert problem is not None and "damaged" in problem
    monkeypatch.undo()
    with pytest.raises(WorkbookDamaged):
        Workbook.open(workbook_path, read_only=True)
