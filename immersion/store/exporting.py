"""Exporting tables, views and whole workbooks to CSV, XLSX or JSON.

    export_table(wb, "stakeholders", Path("people.xlsx"))       # one table (optionally one account's rows)
    export_all(wb, Path("backup.xlsx"))                          # every table: one sheet / JSON key / CSV file each
    export_rows(Path("view.csv"), columns, rows, name="ideas")   # what a filtered view shows

The files are meant to be opened in a spreadsheet and to come back in whole: a whole-workbook export imported
into a new workbook (`import_restore.restore_file`) gives the same rows, ids included. So values keep their
types (numbers stay numbers, text stays text, empty is empty), the columns are the workbook's documented column
names, and text that a spreadsheet would run as a formula is neutralised with a leading quote
(`import_values.neutralise`), which the import takes off again.

- CSV: UTF-8 with a byte order mark (so Excel reads the accents), comma-separated, CRLF; a whole workbook is a
  folder with one `TABLE.csv` per table.
- XLSX: one sheet per table, headings bold and frozen; control characters in text escaped as Excel does
  (`_x000D_`), since XML would turn a lone carriage return into a line feed.
- JSON: one object whose keys are table names, each holding the list of its rows.

Files are written under a temporary name and moved into place when complete, so a failed or cancelled export
never leaves half a file. pandas and openpyxl are imported inside the functions.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from immersion.store import schema
from immersion.store.errors import WorkbookError
from immersion.store.import_values import neutralise, ooxml_escape
from immersion.store.workbook import Workbook

FORMATS = ("csv", "xlsx", "json")
# Every table of a workbook except `meta`, which records which app wrote the file (not the user's data).
EXPORT_TABLES: tuple[str, ...] = tuple(t for t in schema.TABLES if t != "meta")
Progress = Callable[[str, int, int], None]
"""`progress(table, done, total)` with tables done out of all; raising from it cancels the export."""


class ExportError(WorkbookError):
    """The export could not be written; no file was left behind."""


@dataclass
class ExportResult:
    """What was written: the file (or folder) and the rows per table."""

    path: Path
    format: str
    rows: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        total = sum(self.rows.values())
        tables = len(self.rows)
        return (f"{total} row{'s' if total != 1 else ''} of {tables} table{'s' if tables != 1 else ''} "
                f"written to {self.path.name}")


def format_for(path: Path, whole: bool = False) -> str:
    """The format a file name asks for: .csv, .xlsx or .json; a whole workbook without suffix is a CSV folder.

    Raises:
        ExportError: the name has another suffix.
    """
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    if not suffix and whole:
        return "csv"
    raise ExportError(path, f"Choose a file name ending in .csv, .xlsx or .json, not “{path.name}”.")


# -- reading the rows ------------------------------------------------------------------------------------------


def table_rows(conn: sqlite3.Connection, table: str, account_id: str | None = None) -> tuple[list[str], list[tuple]]:
    """The columns and rows of a table in a stable order (creation, then id); optionally one account's rows."""
    if table not in EXPORT_TABLES:
        raise ExportError("", f"There is no table “{table}” to export; choose one of: {', '.join(EXPORT_TABLES)}.")
    columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    where, params = "", ()
    if account_id is not None:
        if table == "accounts":
            where, params = " WHERE id = ?", (account_id,)
        elif "account_id" in columns:
            where, params = " WHERE account_id = ?", (account_id,)
        else:
            raise ExportError("", f"{table} rows do not belong to one account; export them for the whole workbook.")
    rows = [tuple(r) for r in conn.execute(f"SELECT * FROM {table}{where} ORDER BY created_at, id", params)]
    return columns, rows


# -- public API ------------------------------------------------------------------------------------------------


def export_table(wb: Workbook, table: str, path: Path | str, fmt: str | None = None,
                 account_id: str | None = None) -> ExportResult:
    """Export one table (all its rows, or those of one account) to a file."""
    path = Path(path)
    fmt = fmt or format_for(path)
    columns, rows = table_rows(wb.conn, table, account_id)
    _write({table: (columns, rows)}, path, fmt)
    return ExportResult(path, fmt, {table: len(rows)})


def export_rows(path: Path | str, columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str | None = None,
                name: str = "rows") -> ExportResult:
    """Export rows the caller already has (a filtered view): `columns` are their headings, `name` the sheet."""
    path = Path(path)
    fmt = fmt or format_for(path)
    width = len(columns)
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            raise ValueError(f"row {number} has {len(row)} values for {width} columns")
    _write({name: (list(columns), [tuple(r) for r in rows])}, path, fmt)
    return ExportResult(path, fmt, {name: len(rows)})


def export_all(wb: Workbook, path: Path | str, fmt: str | None = None,
               progress: Progress | None = None) -> ExportResult:
    """Export every table of the workbook: a sheet, a JSON key or (CSV) a file in the folder `path` per table."""
    path = Path(path)
    fmt = fmt or format_for(path, whole=True)
    tables: dict[str, tuple[list[str], list[tuple]]] = {}
    for done, table in enumerate(EXPORT_TABLES):
        if progress is not None:
            progress(table, done, len(EXPORT_TABLES))
        tables[table] = table_rows(wb.conn, table)
    if progress is not None:
        progress("", len(EXPORT_TABLES), len(EXPORT_TABLES))
    if fmt == "csv":
        _write_csv_folder(tables, path)
    else:
        _write(tables, path, fmt)
    return ExportResult(path, fmt, {t: len(rows) for t, (_, rows) in tables.items()})


# -- writers ---------------------------------------------------------------------------------------------------


def _write(tables: dict[str, tuple[list[str], list[tuple]]], path: Path, fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(path, f"Unknown export format “{fmt}”; choose csv, xlsx or json.")
    if fmt == "csv" and len(tables) != 1:
        raise ExportError(path, "A CSV file holds one table; export several to a folder.")
    if not path.parent.is_dir():
        raise ExportError(path, f"The folder “{path.parent}” does not exist.")
    writer = {"csv": _csv, "xlsx": _xlsx, "json": _json}[fmt]
    tmp = path.with_name(f".{path.name}.exporting-{os.getpid()}")
    try:
        writer(tables, tmp)
        os.replace(tmp, path)
    except OSError as error:
        raise ExportError(path, f"“{path.name}” could not be written: {error.strerror or error}.") from None
    finally:
        tmp.unlink(missing_ok=True)


def _frame(columns: list[str], rows: list[tuple], neutral: bool, xlsx: bool = False) -> Any:
    import pandas as pd

    if neutral:
        rows = [tuple(neutralise(v) for v in row) for row in rows]
    if xlsx:
        rows = [tuple(ooxml_escape(v) if isinstance(v, str) else v for v in row) for row in rows]
    # object columns: ints stay ints next to empty cells (never "3.0"), and empty stays None
    return pd.DataFrame(rows, columns=columns, dtype=object)


def _csv(tables: dict[str, tuple[list[str], list[tuple]]], path: Path) -> None:
    ((columns, rows),) = tables.values()
    _frame(columns, rows, neutral=True).to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\r\n")


def _write_csv_folder(tables: dict[str, tuple[list[str], list[tuple]]], folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportError(folder, f"“{folder.name}” is a file; a whole workbook as CSV needs a folder.")
    try:
        folder.mkdir(parents=False, exist_ok=True)
    except OSError as error:
        raise ExportError(folder, f"The folder “{folder}” could not be made: {error.strerror or error}.") from None
    for table, content in tables.items():
        _write({table: content}, folder / f"{table}.csv", "csv")


def _xlsx(tables: dict[str, tuple[list[str], list[tuple]]], path: Path) -> None:
    import pandas as pd
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    try:
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for table, (columns, rows) in tables.items():
                sheet_name = re.sub(r"[\[\]:*?/\\]", " ", table).strip()[:31] or "Sheet"  # what Excel allows
                frame = _frame(columns, rows, neutral=True, xlsx=True)
                frame.to_excel(writer, sheet_name=sheet_name, index=False)
                sheet = writer.sheets[sheet_name]
                sheet.freeze_panes = "A2"
                for index, column in enumerate(columns, start=1):
                    sheet.cell(row=1, column=index).font = Font(bold=True)
                    widest = max([len(column), *(len(str(r[index - 1])) for r in rows[:200] if r[index - 1] is not None)])
                    sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, widest + 2))
    except ValueError as error:  # openpyxl: characters a spreadsheet cannot hold
        raise ExportError(path, f"“{path.name}” could not be written: {error}.") from None


def _json(tables: dict[str, tuple[list[str], list[tuple]]], path: Path) -> None:
    document = {table: [dict(zip(columns, row, strict=True)) for row in rows]
                for table, (columns, rows) in tables.items()}
    with path.open("w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1, allow_nan=False)
        handle.write("\n")
