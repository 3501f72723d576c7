"""Backups through the SQLite backup API: taken, rotated to the last ten, listed and restored."""

from __future__ import annotations

from pathlib import Path

import pytest

from immersion.store import backups, edits
from immersion.store.errors import WorkbookDamaged
from immersion.store.workbook import Workbook


def test_backups_rotate_to_ten_newest_first(wb: Workbook) -> None:
    made = [wb.backup("manual") for _ in range(13)]
    listed = backups.list_backups(wb.path)
    assert len(listed) == 10
    assert [b.path for b in listed] == [b.path for b in reversed(made[-10:])]
    assert all(b.path.exists() for b in made[-10:]) and not any(b.path.exists() for b in made[:3])
    assert "manual" in listed[0].label()


def test_backup_is_consistent_while_workbook_is_open(wb: Workbook) -> None:
    edits.add(wb, "accounts", name="Medion Hospitals")
    taken = wb.backup()
    with Workbook.open(taken.path, read_only=True) as copy:
        assert [r["name"] for r in edits.rows(copy, "accounts")] == ["Medion Hospitals"]
        assert copy.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_after_damage(workbook_path: Path) -> None:
    with Workbook.create(workbook_path) as wb:
        edits.add(wb, "accounts", name="Volta Telecom")
        good = wb.backup()
        edits.add(wb, "accounts", name="Added after the backup")
    workbook_path.write_bytes(workbook_path.read_bytes()[:5000])  # damaged
    with pytest.raises(WorkbookDamaged):
        Workbook.open(workbook_path)
    backups.restore_backup(good.path, workbook_path)
    with Workbook.open(workbook_path) as wb:
        assert [r["name"] for r in edits.rows(wb, "accounts")] == ["Volta Telecom"]


def test_restore_keeps_the_current_state_as_a_backup(workbook_path: Path) -> None:
    with Workbook.create(workbook_path) as wb:
        edits.add(wb, "accounts", name="First")
        first = wb.backup()
        edits.add(wb, "accounts", name="Second")
    backups.restore_backup(first.path, workbook_path)
    reasons = [b.reason for b in backups.list_backups(workbook_path)]
    assert reasons[0] == "before-restore"
    with Workbook.open(backups.list_backups(workbook_path)[0].path, read_only=True) as before:
        assert edits.count(before, "accounts") == 2


def test_damaged_backup_is_refused_and_workbook_untouched(workbook_path: Path, tmp_path: Path) -> None:
    Workbook.create(workbook_path).close()
    before = workbook_path.read_bytes()
    bad = tmp_path / "bad.immersion"
    bad.write_text("not a database")
    with pytest.raises(Exception, match="not an Immersion workbook"):
        backups.restore_backup(bad, workbook_path)
    assert workbook_path.read_bytes() == before
