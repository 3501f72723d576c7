"""Importing a whole-workbook export ("import all"): every table, links included, ids kept.

The file is what `exporting.export_all` writes: an XLSX file with one sheet per table, a JSON file with one key
per table, or a folder with one CSV file per table. Each row is added when its id is new, updates the row with
its id otherwise, and is left alone when nothing differs, so a restore into a new workbook gives back the
exported workbook table by table, and restoring the same file twice changes nothing the second time.

Before anything is written, every row is checked: its cells against the column types, its values against the
workbook's rules (the schema's CHECK constraints, tried on an empty copy of the schema in memory), and every id
it refers to against the rows of the file and the workbook. Any problem refuses the whole file, with the table,
row and column of each; nothing is written. The restore itself runs in one transaction, like any import.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from immersion.store import schema
from immersion.store.edits import Change, Changes
from immersion.store.errors import EditError
from immersion.store.exporting import EXPORT_TABLES
from immersion.store.import_checks import Rejection
from immersion.store.import_csv import sniff_delimiter
from immersion.store.import_report import ImportRefused, ImportReport, Update
from immersion.store.import_sheets import cell_text
from immersion.store.import_source import ImportFileError, decode
from immersion.store.import_values import ooxml_unescape, unneutralise
from immersion.store.workbook import Workbook

Progress = Callable[[str, int, int], None]
_CHUNK = 2000
_INTEGER = re.compile(r"[-+]?\d+(?:\.0*)?")


@dataclass
class _Sheet:
    """One table of the file: its column names, raw cells, and the row number of each row."""

    columns: list[str]
    cells: list[list[Any]]
    rows: list[int]
    neutral: bool  # written by a spreadsheet format, so text may carry a neutralising quote


@lru_cache(maxsize=1)
def _schema_info() -> dict[str, dict[str, str]]:
    """table -> column -> declared type, from the schema itself."""
    conn = sqlite3.connect(":memory:")
    try:
        for ddl in schema.TABLES.values():
            conn.execute(ddl)
        return {t: {r[1]: r[2].upper() for r in conn.execute(f"PRAGMA table_info({t})")} for t in schema.TABLES}
    finally:
        conn.close()


@lru_cache(maxsize=1)
def _foreign_keys() -> dict[str, tuple[tuple[str, str], ...]]:
    """table -> ((column, parent table), ...)."""
    conn = sqlite3.connect(":memory:")
    try:
        for ddl in schema.TABLES.values():
            conn.execute(ddl)
        return {t: tuple((r[3], r[2]) for r in conn.execute(f"PRAGMA foreign_key_list({t})")) for t in schema.TABLES}
    finally:
        conn.close()


# -- reading -------------------------------------------------------------------------------------------------------


def read_export(path: Path | str) -> dict[str, _Sheet]:
    """The tables of a whole-workbook export, in the workbook's table order.

    Raises:
        ImportFileError: not such an export, or unreadable.
    """
    path = Path(path)
    if not path.exists():
        raise ImportFileError(path, f"“{path.name}” does not exist.")
    if path.is_dir():
        sheets = _read_folder(path)
    elif path.suffix.lower() == ".json":
        sheets = _read_json(path)
    elif path.suffix.lower() == ".xlsx":
        sheets = _read_xlsx(path)
    else:
        raise ImportFileError(path, "A whole workbook is imported from an export: an .xlsx or .json file, or a "
                              "folder of CSV files.")
    if not sheets:
        raise ImportFileError(path, f"“{path.name}” is not a whole-workbook export: none of its "
                              f"{'files' if path.is_dir() else 'tables'} is named after a table of a workbook "
                              f"({', '.join(EXPORT_TABLES[:4])} …).")
    return {t: sheets[t] for t in EXPORT_TABLES if t in sheets}


def _read_xlsx(path: Path) -> dict[str, _Sheet]:
    import pandas as pd

    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            book = pd.read_excel(path, sheet_name=None, header=None, dtype=object, engine="openpyxl")
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise ImportFileError(path, f"“{path.name}” cannot be read as an Excel workbook ({error}).") from None
    sheets = {}
    for name, frame in book.items():
        if name not in EXPORT_TABLES or frame.empty:
            continue
        cells = frame.to_numpy().tolist()
        header = [cell_text(c).strip() for c in cells[0]]
        width = len(header)
        while width and not header[width - 1]:
            width -= 1
        body = [[None if _blank(c) else ooxml_unescape(c) if isinstance(c, str) else c for c in row[:width]]
                for row in cells[1:]]
        numbers = [int(frame.index[n]) + 1 for n in range(1, len(cells))]
        kept = [(row, number) for row, number in zip(body, numbers, strict=True) if any(c is not None for c in row)]
        sheets[str(name)] = _Sheet(header[:width], [r for r, _ in kept], [n for _, n in kept], neutral=True)
    return sheets


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def _read_json(path: Path) -> dict[str, _Sheet]:
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ImportFileError(path, f"“{path.name}” is not valid JSON ({error}).") from None
    if not isinstance(document, dict):
        raise ImportFileError(path, f"“{path.name}” is not a whole-workbook export (one key per table).")
    unknown = [k for k in document if k not in EXPORT_TABLES and k != "meta"]
    if unknown:
        raise ImportFileError(path, f"“{path.name}” has tables a workbook does not have: {', '.join(unknown[:5])}.")
    sheets = {}
    for table, records in document.items():
        if table == "meta":
            continue
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise ImportFileError(path, f"“{table}” in “{path.name}” is not a list of rows.")
        columns: list[str] = []
        for record in records:
            columns.extend(k for k in record if k not in columns)
        sheets[table] = _Sheet(columns, [[r.get(c) for c in columns] for r in records],
                               list(range(1, len(records) + 1)), neutral=False)
    return sheets


def _read_folder(folder: Path) -> dict[str, _Sheet]:
    import csv
    import io

    sheets = {}
    for table in EXPORT_TABLES:
        path = folder / f"{table}.csv"
        if not path.is_file():
            continue
        text, _ = decode(path, path.read_bytes())
        text = text.removeprefix("\ufeff")
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text[:65536])))
        if not records:
            continue
        header = [c.strip() for c in records[0]]
        body = [(r, n) for n, r in enumerate(records[1:], start=2) if any(c for c in r)]
        sheets[table] = _Sheet(header, [r + [""] * (len(header) - len(r)) for r, _ in body], [n for _, n in body],
                               neutral=True)
    return sheets


# -- checking ----------------------------------------------------------------------------------------------------


def _coerce(value: Any, kind: str, neutral: bool) -> tuple[Any, str | None]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None, None
    if kind == "TEXT":
        if isinstance(value, str):
            text = unneutralise(value) if neutral else value
            return (text if text != "" else None), None
        return cell_text(value), None
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None, None
    if kind == "INTEGER":
        if isinstance(value, bool):
            return int(value), None
        if isinstance(value, int):
            return value, None
        if isinstance(value, float) and value.is_integer():
            return int(value), None
        if isinstance(value, str) and _INTEGER.fullmatch(text):
            return int(float(text)) if "." in text else int(text), None
        return None, f"“{cell_text(value)}” is not a whole number"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value), None
    try:
        number = float(text.replace(",", ".") if text.count(",") == 1 and "." not in text else text)
    except ValueError:
        return None, f"“{cell_text(value)}” is not a number"
    if math.isnan(number) or math.isinf(number):
        return None, f"“{cell_text(value)}” is not a number"
    return number, None


@dataclass
class _Rows:
    """One table's checked rows: columns written and, per row, its values and row number."""

    columns: list[str]
    values: list[tuple[Any, ...]]
    rows: list[int]


def _check_sheets(path: Path, sheets: dict[str, _Sheet], rejections: list[Rejection]) -> dict[str, _Rows]:
    info = _schema_info()
    checked = {}
    for table, sheet in sheets.items():
        types = info[table]
        unknown = [c for c in sheet.columns if c not in types]
        if unknown:
            raise ImportFileError(path, f"The table “{table}” in “{path.name}” has columns a workbook does not "
                                  f"have: {', '.join(unknown[:5])}.")
        if "id" not in sheet.columns:
            raise ImportFileError(path, f"The table “{table}” in “{path.name}” has no id column.")
        kinds = [types[c] for c in sheet.columns]
        values: list[tuple[Any, ...]] = []
        for cells, number in zip(sheet.cells, sheet.rows, strict=True):
            row = []
            for column, kind, cell in zip(sheet.columns, kinds, cells, strict=True):
                value, problem = _coerce(cell, kind, sheet.neutral)
                if problem:
                    rejections.append(Rejection(number, f"{table}.{column}", problem))
                row.append(value)
            values.append(tuple(row))
        id_at = sheet.columns.index("id")
        for row, number in zip(values, sheet.rows, strict=True):
            if row[id_at] is None:
                rejections.append(Rejection(number, f"{table}.id", "missing required field id"))
        checked[table] = _Rows(list(sheet.columns), values, list(sheet.rows))
    return checked


def _trial(tables: dict[str, _Rows], rejections: list[Rejection]) -> None:
    """Insert every row into an empty in-memory copy of the schema: breaks of the workbook's rules show up."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for ddl in schema.TABLES.values():
            conn.execute(ddl)
        for table, rows in tables.items():
            sql = f"INSERT INTO {table} ({', '.join(rows.columns)}) VALUES ({', '.join('?' * len(rows.columns))})"
            conn.execute("BEGIN")
            try:
                conn.executemany(sql, rows.values)
                conn.execute("COMMIT")
                continue
            except sqlite3.IntegrityError:
                conn.execute("ROLLBACK")
            for values, number in zip(rows.values, rows.rows, strict=True):
                try:
                    conn.execute(sql, values)
                except sqlite3.IntegrityError as error:
                    rejections.append(Rejection(number, table, _rule(str(error))))
    finally:
        conn.close()


def _rule(text: str) -> str:
    if "CHECK constraint failed" in text:
        return "a value is not allowed (" + text.split("CHECK constraint failed:", 1)[-1].strip() + ")"
    if "UNIQUE constraint failed" in text:
        return "repeats another row (" + text.split("UNIQUE constraint failed:", 1)[-1].strip() + ")"
    if "NOT NULL constraint failed" in text:
        return "missing required field " + text.rsplit(".", 1)[-1]
    return text


def _check_links(conn: sqlite3.Connection, tables: dict[str, _Rows], rejections: list[Rejection]) -> None:
    """Every id a row refers to is in the file or in the workbook."""
    in_file = {t: {v[r.columns.index("id")] for v in r.values} for t, r in tables.items()}
    found_in_workbook: dict[str, set[str]] = {}
    for table, rows in tables.items():
        for column, parent in _foreign_keys()[table]:
            if column not in rows.columns:
                continue
            at = rows.columns.index(column)
            wanted = {v[at] for v in rows.values if v[at] is not None} - in_file.get(parent, set())
            missing_here = wanted - found_in_workbook.setdefault(parent, set())
            for chunk in _chunks(sorted(missing_here), 500):
                marks = ", ".join("?" * len(chunk))
                found_in_workbook[parent].update(
                    r[0] for r in conn.execute(f"SELECT id FROM {parent} WHERE id IN ({marks})", chunk))
            known = in_file.get(parent, set()) | found_in_workbook[parent]
            for values, number in zip(rows.values, rows.rows, strict=True):
                if values[at] is not None and values[at] not in known:
                    rejections.append(Rejection(number, f"{table}.{column}",
                                                f"refers to a row of {parent} that is neither in the file nor "
                                                "in the workbook"))


def _chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


# -- planning and writing ---------------------------------------------------------------------------------------


def _existing(conn: sqlite3.Connection, table: str, ids: list[Any]) -> dict[str, dict[str, Any]]:
    found = {}
    for chunk in _chunks(ids, 500):
        marks = ", ".join("?" * len(chunk))
        found.update((r["id"], dict(r)) for r in conn.execute(f"SELECT * FROM {table} WHERE id IN ({marks})", chunk))
    return found


def _plan(conn: sqlite3.Connection, path: Path, report: ImportReport) -> tuple[dict[str, _Rows], dict[str, Any]]:
    """The rows to write per table (new or different), and the rows they replace."""
    sheets = read_export(path)
    rejections: list[Rejection] = []
    tables = _check_sheets(path, sheets, rejections)
    if not rejections:
        _trial(tables, rejections)
        _check_links(conn, tables, rejections)
    report.rows = sum(len(r.values) for r in tables.values())
    report.rejections = rejections
    to_write: dict[str, _Rows] = {}
    befores: dict[str, Any] = {}
    for table, rows in tables.items():
        at = rows.columns.index("id")
        existing = _existing(conn, table, [v[at] for v in rows.values if v[at] is not None])
        added = updated = same = 0
        keep = _Rows(rows.columns, [], [])
        for values, number in zip(rows.values, rows.rows, strict=True):
            before = existing.get(values[at])
            if before is None:
                added += 1
            else:
                differs = tuple(c for c, v in zip(rows.columns, values, strict=True) if before.get(c) != v)
                if not differs:
                    same += 1
                    continue
                updated += 1
                report.updates.append(Update(number, values[at], table, "id", differs))
            keep.values.append(values)
            keep.rows.append(number)
        report.per_table[table] = (added, updated, same)
        report.added += added
        report.unchanged += same
        to_write[table] = keep
        befores[table] = existing
    return to_write, befores


def restore_file(wb: Workbook, path: Path | str, dry: bool = False, progress: Progress | None = None,
                 record: bool = True) -> tuple[ImportReport, Changes]:
    """Import a whole-workbook export; with `dry`, only report what it would do.

    Raises:
        ImportFileError: the file is not a whole-workbook export.
        ImportRefused: some rows are wrong (see its report); nothing was written.
        ImportCancelled: `progress` raised it; nothing was written.
    """
    path = Path(path)
    report = ImportReport("all", source=_describe(path))
    if dry:
        _plan(wb.conn, path, report)
        return report, Changes()
    changes = Changes()
    try:
        with wb.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            to_write, befores = _plan(conn, path, report)
            if report.rejections:
                raise ImportRefused(report)
            total = sum(len(r.values) for r in to_write.values())
            done = 0
            if progress is not None:
                progress("write", 0, total)
            for table, rows in to_write.items():
                columns = rows.columns
                sets = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
                sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
                       f"ON CONFLICT(id) DO UPDATE SET {sets}")
                at = columns.index("id")
                for chunk in _chunks(rows.values, _CHUNK):
                    conn.executemany(sql, chunk)
                    if record:
                        after = _existing(conn, table, [v[at] for v in chunk])
                        for values in chunk:
                            before = befores[table].get(values[at])
                            op = "update" if before is not None else "insert"
                            changes.items.append(Change(table, op, values[at], before, after[values[at]]))
                    done += len(chunk)
                    if progress is not None:
                        progress("write", done, total)
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                table, _, parent, _ = problems[0]
                raise EditError(wb.path, f"The import would leave {len(problems)} row(s) of {table} pointing at "
                                f"missing rows of {parent}; nothing was imported.")
    except sqlite3.IntegrityError as error:
        raise EditError(wb.path, f"The import was refused by the workbook ({error}); nothing was imported.") from None
    report.written = True
    return report, changes


def _describe(path: Path) -> str:
    if path.is_dir():
        return "a folder of CSV files, one per table"
    return f"{path.suffix.lstrip('.').upper()}, one {'sheet' if path.suffix.lower() == '.xlsx' else 'key'} per table"
