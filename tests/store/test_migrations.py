"""Upgrading a workbook: a backup first, the steps applied once, and search still finding new rows after."""

from __future__ import annotations

from pathlib import Path

import pytest

from immersion.store import backups, edits, migrations, schema, search
from immersion.store.workbook import Workbook


def _step_2_add_idea_source(db) -> None:  # noqa: ANN001 - sqlite_utils.Database
    """A later version: ideas gain a column and their table is rebuilt (which drops its triggers)."""
    db["ideas"].transform(types={"estimated_revenue": float})
    db.execute("ALTER TABLE ideas ADD COLUMN source_note TEXT")
    db["ideas"].transform()


def upgrade_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, pretend this is version 2 of the app, whose schema adds a step."""
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, ("0002_idea_source", _step_2_add_idea_source, 2)))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)


def _version_one_workbook(path: Path) -> tuple[str, str]:
    with Workbook.create(path) as wb:
        account = edits.add(wb, "accounts", name="Harbour Bank").items[0].row_id
        goal = edits.add(wb, "goals", account_id=account, title="Grow SME lending", category="financial")
        idea = edits.add(wb, "ideas", account_id=account, title="Cash-flow forecasting for farmers")
        edits.add(wb, "idea_goals", idea_id=idea.items[0].row_id, goal_id=goal.items[0].row_id, strength=3)
        return account, idea.items[0].row_id


def test_new_workbook_records_its_migrations(wb: Workbook) -> None:
    assert migrations.applied_names(wb.conn) == {"0001_initial"}
    assert not migrations.needs_migration(wb.conn)


def test_upgrade_backs_up_first_and_keeps_data_and_search(workbook_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    account, idea = _version_one_workbook(workbook_path)
    upgrade_app(monkeypatch)
    with Workbook.open(workbook_path) as wb:
        assert wb.schema_version == 2
        columns = {row[1] for row in wb.conn.execute("PRAGMA table_info(ideas)")}
        assert "source_note" in columns
        # Child rows survived the rebuild of their parent table (foreign keys were off during it).
        assert len(edits.rows(wb, "idea_goals", idea_id=idea)) == 1
        assert search.check(wb.conn) == []
        # The old row is still found, and so is a row added after the upgrade.
        assert [h.ref_id for h in search.search(wb.conn, "farmers")] == [idea]
        new = edits.add(wb, "ideas", account_id=account, title="Drought insurance bundle").items[0].row_id
        assert [h.ref_id for h in search.search(wb.conn, "drought")] == [new]
        edits.change(wb, "ideas", new, title="Hail insurance bundle")
        assert search.search(wb.conn, "drought") == []
        assert [h.ref_id for h in search.search(wb.conn, "hail")] == [new]
    taken = backups.list_backups(workbook_path)
    assert [b.reason for b in taken] == ["before-upgrade"]
    with Workbook.open(taken[0].path, read_only=True) as old:
        assert old.schema_version == 1
        assert edits.count(old, "ideas") == 1


def test_upgrade_runs_once(workbook_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _version_one_workbook(workbook_path)
    upgrade_app(monkeypatch)
    Workbook.open(workbook_path).close()
    Workbook.open(workbook_path).close()
    assert len(backups.list_backups(workbook_path)) == 1


def test_failed_upgrade_reports_and_loses_nothing(workbook_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(db) -> None:  # noqa: ANN001
        db.execute("ALTER TABLE ideas ADD COLUMN half TEXT")
        raise ValueError("step exploded")

    _version_one_workbook(workbook_path)
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, ("0002_broken", broken, 2)))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    with pytest.raises(Exception, match="could not be upgraded"):
        Workbook.open(workbook_path)
    monkeypatch.undo()
    with Workbook.open(workbook_path) as wb:
        columns = {row[1] for row in wb.conn.execute("PRAGMA table_info(ideas)")}
        assert "half" not in columns  # the step's transaction was rolled back
        assert edits.count(wb, "ideas") == 1
