"""The README documents the workbook format: every table and column of the schema is named there."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from immersion.store import schema

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_table_and_column_is_documented() -> None:
    conn = sqlite3.connect(":memory:")
    missing = []
    for table, ddl in schema.TABLES.items():
        conn.execute(ddl)
        row = next((line for line in README.splitlines() if line.startswith(f"| `{table}` |")), None)
        if row is None:
            missing.append(table)
            continue
        for column in (r[1] for r in conn.execute(f"PRAGMA table_info({table})")):
            if column not in ("id", "created_at", "updated_at") and f"`{column}`" not in row:
                missing.append(f"{table}.{column}")
    assert missing == []


def test_readme_names_the_two_commands_that_ci_runs() -> None:
    assert "python3 packaging/dev.py run" in README
    assert "python3 packaging/dev.py test" in README
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
    assert "python3 packaging/dev.py test" in ci
