"""`check_workbook`: healthy files pass; problems inside a file that opens are listed; the file is untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from immersion.store import edits, search
from immersion.store.check import check_workbook
from immersion.store.errors import NotAWorkbook, SearchIndexMissing
from immersion.store.workbook import Workbook


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_healthy_workbook(wb: Workbook) -> None:
    edits.add(wb, "accounts", name="Healthy")
    wb.close()
    report = check_workbook(wb.path)
    assert report.healthy and report.counts["accounts"] == 1


def test_missing_search_index_is_reported_then_rebuilt_on_open(workbook_path: Path) -> None:
    with Workbook.create(workbook_path) as wb:
        account = edits.add(wb, "accounts", name="Lost index", mutual_purpose="findable purpose").items[0].row_id
    conn = sqlite3.connect(workbook_path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE search_index")
    conn.commit()
    conn.close()
    before = _digest(workbook_path)
    report = check_workbook(workbook_path)
    assert any("search index" in p for p in report.problems)
    assert _digest(workbook_path) == before
    with pytest.raises(SearchIndexMissing, match="rebuild the index"):
        Workbook.open(workbook_path)  # the user is asked first: nothing changes without consent
    assert _digest(workbook_path) == before
    with Workbook.open(workbook_path, repair_index=True) as wb:
        assert [h.ref_id for h in search.search(wb.conn, "findable")] == [account]
    assert check_workbook(workbook_path).healthy


def test_broken_references_and_shares_are_listed(workbook_path: Path) -> None:
    with Workbook.create(workbook_path) as wb:
        account = edits.add(wb, "accounts", name="A").items[0].row_id
        goal = edits.add(wb, "goals", account_id=account, title="G", category="strategic").items[0].row_id
        other = edits.add(wb, "goals", account_id=account, title="H", category="strategic").items[0].row_id
        spend = edits.add(wb, "investments", account_id=account, name="Promo", kind="trade spend", amount=100,
                          period="2026-Q1").items[0].row_id
        edits.add(wb, "investment_goals", investment_id=spend, goal_id=goal, share=0.7)
    conn = sqlite3.connect(workbook_path)  # another tool broke rules the app enforces
    conn.execute("UPDATE goals SET account_id = 'nowhere' WHERE id = ?", (goal,))
    conn.execute("INSERT INTO investment_goals (id, investment_id, goal_id, share) VALUES ('x', ?, ?, .6)",
                 (spend, other))
    conn.commit()
    conn.close()
    problems = check_workbook(workbook_path).problems
    assert any("goals row" in p and "accounts" in p for p in problems)
    assert any("Promo" in p and "130%" in p for p in problems)


def test_foreign_file_cannot_be_checked(tmp_path: Path) -> None:
    path = tmp_path / "x.immersion"
    path.write_text("hello")
    with pytest.raises(NotAWorkbook):
        check_workbook(path)
