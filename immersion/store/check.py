"""A workbook health check (`immersion check`): everything that can be wrong inside a file that opens."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import shutil
import tempfile

from immersion.store import schema, search
from immersion.store.errors import WorkbookInterrupted
from immersion.store.workbook import Workbook


@dataclass
class CheckReport:
    path: Path
    schema_version: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_workbook(path: Path | str) -> CheckReport:
    """Inspect a workbook read-only; the file is not changed.

    Raises:
        WorkbookError: the file cannot be opened at all (missing, foreign, damaged beyond the header).
    """
    path = Path(path)
    try:
        wb = Workbook.open(path, read_only=True)
    except WorkbookInterrupted as error:
        return _check_interrupted(path, str(error))
    report = CheckReport(path, wb.schema_version)
    try:
        conn = wb.conn
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check(50)")]
        if integrity != ["ok"]:
            report.problems.extend(f"integrity: {line}" for line in integrity)
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()[:50]:
            report.problems.append(f"{table} row {rowid} refers to a missing row in {parent}")
        if wb.schema_version > schema.SCHEMA_VERSION:
            report.problems.append(
                f"written by a newer Immersion (format {wb.schema_version}); this version reads it read-only"
            )
            return report
        for table in schema.TABLES:
            report.counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        report.problems.extend(search.check(conn))
        for name, total in conn.execute(
            "SELECT i.name, sum(g.share) FROM investment_goals g JOIN investments i ON i.id = g.investment_id "
            "GROUP BY g.investment_id HAVING sum(g.share) > 1.000001"
        ):
            report.problems.append(f"investment “{name}” gives {total:.0%} of its amount to goals (over 100%)")
        for (title,) in conn.execute(
            "SELECT a.title FROM ideas a JOIN ideas b ON a.merged_into_id = b.id WHERE b.merged_into_id = a.id"
        ):
            report.problems.append(f"idea “{title}” is merged into an idea that is merged back into it")
        return report
    finally:
        wb.close()


def _check_interrupted(path: Path, message: str) -> CheckReport:
    """Check what the workbook holds once the interrupted edit is rolled back, on a copy: the file and its
    journal stay exactly as they are until the user opens the workbook for editing."""
    with tempfile.TemporaryDirectory(prefix="immersion-check-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(str(path) + "-journal", str(copy) + "-journal")
        Workbook.open(copy, repair_index=False).close()  # SQLite rolls the edit back on the copy
        report = check_workbook(copy)
    report.path = path
    report.problems.insert(0, message)
    return report
