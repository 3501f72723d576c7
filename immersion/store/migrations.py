"""Schema versions, applied with sqlite-utils' built-in `Migrations`.

Each step is one function whose docstring says what it changes. Before any step runs on an existing workbook a
backup is taken through the SQLite backup API. After the steps, the full-text index and its triggers are
rebuilt, because `table.transform()` silently drops triggers and may renumber rows.

Whether anything is pending is decided with plain sqlite3, so opening a current workbook never imports
sqlite-utils (which pulls in pandas).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from immersion.store import schema

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "immersion"


def _step_1_initial(db: Database) -> None:
    """Version 1: every table of the domain, their indexes, and the full-text index."""
    for ddl in schema.TABLES.values():
        db.execute(ddl)
    for ddl in schema.INDEXES:
        db.execute(ddl)
    db.execute(schema.SEARCH_TABLE)


# (name, function, schema version after it). Append only; never edit a released step.
STEPS: tuple[tuple[str, object, int], ...] = (("0001_initial", _step_1_initial, 1),)

assert STEPS[-1][2] == schema.SCHEMA_VERSION, "the last migration must reach SCHEMA_VERSION"


def applied_names(conn: sqlite3.Connection) -> set[str]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not exists:
        return set()
    rows = conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (MIGRATION_SET,))
    return {row[0] for row in rows}


def needs_migration(conn: sqlite3.Connection) -> bool:
    done = applied_names(conn)
    return any(name not in done for name, _fn, _version in STEPS)


def build_migrations(steps: tuple[tuple[str, object, int], ...] = STEPS):  # noqa: ANN201 - sqlite_utils type
    from sqlite_utils import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name, fn, _version in steps:
        migrations(name=name)(fn)
    return migrations


def migrate(
    conn: sqlite3.Connection,
    path: Path,
    backup: bool = True,
    steps: tuple[tuple[str, object, int], ...] | None = None,
) -> list[str]:
    """Apply pending steps; returns their names.

    Args:
        conn: a writable connection in autocommit mode.
        path: the workbook's path (names the backup).
        backup: take a backup first; off only for a file being created.
        steps: the steps to know about (tests pass extra ones to exercise upgrades).
    """
    from sqlite_utils import Database

    from immersion.store import search

    steps = STEPS if steps is None else steps
    done = applied_names(conn)
    pending = [name for name, _fn, _v in steps if name not in done]
    if not pending:
        return []
    if backup:
        from immersion.store import backups

        backups.make_backup(conn, path, reason="before-upgrade")
    db = Database(conn)
    # Rebuilding a table (table.transform) drops and renames it; with foreign keys on, the drop would
    # cascade-delete every child row. SQLite's documented procedure: keys off, rebuild, check, keys on.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        build_migrations(steps).apply(db)
        target = max(version for _n, _f, version in steps)
        with db.atomic():
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"a migration left {len(broken)} broken references")
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {int(target)}")
            search.install(conn)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return pending
