"""What an import did, or would do: rows to add and to update, duplicates, rejected rows with their reasons.

The same report answers a dry run and a real import, so the wizard's preview, the `immersion import --dry-run`
output and the result of the import itself always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from immersion.store.errors import WorkbookError
from immersion.store.import_checks import Rejection

__all__ = ["Duplicate", "ImportCancelled", "ImportRefused", "ImportReport", "Rejection", "Update"]


class ImportCancelled(Exception):
    """Raised (by a progress callback) to stop an import; the transaction is rolled back."""


class ImportRefused(WorkbookError):
    """Rows were rejected and the import was not told to skip them: nothing was written. See `report`."""

    def __init__(self, report: ImportReport) -> None:
        count = len(report.rejected_rows())
        super().__init__(
            "", f"{count} row{'s' if count != 1 else ''} of the file cannot be imported, so nothing was "
            "imported. Correct them, or skip them.")
        self.report = report


@dataclass(frozen=True)
class Duplicate:
    """A row of the file that repeats an earlier one (by id, email or name); it is not imported."""

    row: int
    first_row: int
    key: str  # e.g. "email anna.berg@example.com"

    def text(self) -> str:
        return f"row {self.row} repeats row {self.first_row} (same {self.key}); skipped"


@dataclass(frozen=True)
class Update:
    """A row of the file that matches a row of the workbook, and the fields it changes there."""

    row: int
    row_id: str
    label: str
    by: str  # "id", "email", "name", "title", "period"
    fields: tuple[str, ...]

    def text(self) -> str:
        return f"row {self.row} updates “{self.label}” (matched by {self.by}): {', '.join(self.fields)}"


@dataclass
class ImportReport:
    """The outcome of an import or a dry run.

    Attributes:
        table: the table imported into ("all" for a whole-workbook restore).
        source: how the file was read ("CSV, UTF-8, separated by commas, headings in row 1").
        rows: the data rows of the file.
        added: rows that are (or would be) new.
        updates: rows that change an existing row.
        unchanged: rows that match an existing row and change nothing.
        kept: rows matching an existing row left alone because existing rows are kept (`on_existing="skip"`).
        duplicates: rows repeating an earlier row of the file.
        rejections: every bad cell or row (several per row are possible).
        warnings: things done differently than the file says, but not wrong enough to reject the row (a
            manager who is not in the account is left empty).
        new_accounts: accounts created for account names that were not in the workbook.
        unfed: labels of required fields no column feeds (then only existing rows can be updated).
        per_table: for a whole-workbook restore, (added, updated, unchanged) per table.
        written: the import was carried out (False for dry runs and refused imports).
    """

    table: str
    source: str = ""
    rows: int = 0
    added: int = 0
    updates: list[Update] = field(default_factory=list)
    unchanged: int = 0
    kept: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[Rejection] = field(default_factory=list)
    new_accounts: list[str] = field(default_factory=list)
    unfed: list[str] = field(default_factory=list)
    per_table: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    written: bool = False

    @property
    def updated(self) -> int:
        return len(self.updates)

    def rejected_rows(self) -> set[int]:
        return {r.row for r in self.rejections}

    @property
    def ok(self) -> bool:
        """Nothing was rejected: the import can go ahead without skipping rows."""
        return not self.rejections

    def summary(self) -> str:
        """One line: "12 to add, 3 to update, 1 unchanged, 1 duplicate, 2 rows rejected"."""
        verb_add, verb_update = ("added", "updated") if self.written else ("to add", "to update")
        parts = [f"{self.added} {verb_add}", f"{self.updated} {verb_update}"]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        if self.kept:
            parts.append(f"{self.kept} existing kept")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} duplicate{'s' if len(self.duplicates) != 1 else ''}")
        rejected = len(self.rejected_rows())
        if rejected:
            parts.append(f"{rejected} row{'s' if rejected != 1 else ''} rejected")
        if self.new_accounts:
            parts.append(f"{len(self.new_accounts)} new account{'s' if len(self.new_accounts) != 1 else ''}")
        return ", ".join(parts)

    def lines(self, limit: int | None = None) -> list[str]:
        """The details, one per line: rejections first, then duplicates, warnings and updates."""
        out = [f"rejected: {r.text()}" for r in self.rejections]
        out += [f"duplicate: {d.text()}" for d in self.duplicates]
        out += [f"warning: {w.text()}" for w in self.warnings]
        out += [f"new account: {name}" for name in self.new_accounts]
        out += [f"update: {u.text()}" for u in self.updates]
        if limit is not None and len(out) > limit:
            hidden = len(out) - limit
            out = out[:limit] + [f"… and {hidden} more"]
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "source": self.source,
            "written": self.written,
            "rows": self.rows,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "kept": self.kept,
            "duplicates": [{"row": d.row, "first_row": d.first_row, "key": d.key} for d in self.duplicates],
            "rejected": [{"row": r.row, "column": r.column, "reason": r.reason} for r in self.rejections],
            "warnings": [{"row": w.row, "column": w.column, "reason": w.reason} for w in self.warnings],
            "updates": [{"row": u.row, "id": u.row_id, "label": u.label, "by": u.by, "fields": list(u.fields)}
                        for u in self.updates],
            "new_accounts": list(self.new_accounts),
            "unmapped_required": list(self.unfed),
            "tables": {t: {"added": a, "updated": u, "unchanged": s} for t, (a, u, s) in self.per_table.items()},
        }
