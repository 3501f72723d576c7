"""Reading a table from an XLSX workbook or a JSON file into a `SourceTable` (see import_source.py).

XLSX: the sheet named like the table (else the first) is read with pandas through openpyxl; the header row is
found as in CSV files, and every cell keeps both its text and, when a spreadsheet typed it as a number, date or
boolean, that typed value. Text is unescaped as Excel escapes control characters (`_x000D_`). Row numbers are the
spreadsheet's own. JSON: a list of objects, or an object holding such lists by table name (our own exports).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import warnings
from pathlib import Path
from typing import Any

from immersion.store import column_mapping
from immersion.store.import_source import (
    HEADER_SEARCH_ROWS,
    ImportFileError,
    SourceTable,
    column_names,
    find_header,
    finish,
)
from immersion.store.import_values import ooxml_unescape

# -- XLSX ------------------------------------------------------------------------------------------------------


def sheet_names(path: Path) -> list[str]:
    """The sheets of an XLSX file."""
    import pandas as pd

    try:
        with pd.ExcelFile(path, engine="openpyxl") as book:
            return [str(name) for name in book.sheet_names]
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise ImportFileError(path, f"“{path.name}” cannot be read as an Excel workbook ({error}).") from None


def _pick_sheet(path: Path, names: list[str], table: str | None, sheet: str | None) -> str:
    if sheet is not None:
        if sheet not in names:
            raise ImportFileError(path, f"“{path.name}” has no sheet “{sheet}” (it has: {', '.join(names)}).")
        return sheet
    if table is not None:
        for name in names:
            if column_mapping.fold(name) in (column_mapping.fold(table), column_mapping.fold(table.rstrip("s"))):
                return name
    return names[0]


def read_xlsx(path: Path, table: str | None, sheet: str | None) -> SourceTable:
    import pandas as pd

    names = sheet_names(path)
    chosen = _pick_sheet(path, names, table, sheet)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features of a workbook it does not keep (data validation, default styles);
            # the cells it reads are unaffected.
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            raw = pd.read_excel(path, sheet_name=chosen, header=None, dtype=object, engine="openpyxl")
    except Exception as error:  # noqa: BLE001 - see sheet_names
        raise ImportFileError(path, f"“{path.name}” cannot be read as an Excel workbook ({error}).") from None
    if raw.empty:
        raise ImportFileError(path, f"The sheet “{chosen}” of “{path.name}” is empty: there is nothing to import.")
    cells = raw.to_numpy().tolist()
    head = [[cell_text(v) for v in row] for row in cells[:HEADER_SEARCH_ROWS]]
    header_index = find_header(head, table)
    header = head[header_index]
    width = len(header)
    body = cells[header_index + 1:]
    names_ = column_names(header, width)
    text_columns = {name: [_sheet_text(row[i]) for row in body] for i, name in enumerate(names_)}
    native_columns = {name: [_native(row[i]) for row in body] for i, name in enumerate(names_)}
    text = pd.DataFrame(text_columns, columns=names_, dtype=object)
    native = pd.DataFrame(native_columns, columns=names_, dtype=object)
    # pandas numbers rows from 0 and keeps the blank rows above the first cell: row n is spreadsheet row n + 1.
    rows = [int(raw.index[header_index + 1 + n]) + 1 for n in range(len(body))]
    return finish(SourceTable(path, "xlsx", names_, text, native, rows, int(raw.index[header_index]) + 1,
                               sheet=chosen))


def _sheet_text(value: Any) -> str:
    return ooxml_unescape(value) if isinstance(value, str) else cell_text(value)


def cell_text(value: Any) -> str:
    """A spreadsheet or JSON cell as text: numbers without a needless ".0", dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, int):
        return str(value)
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _native(value: Any) -> Any:
    """The typed value of a cell that is not text (None for text and empty cells)."""
    if value is None or isinstance(value, str):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    if isinstance(value, (bool, int, float, dt.date, dt.datetime)):
        return value
    return None


# -- JSON ------------------------------------------------------------------------------------------------------


def read_json(path: Path, data: bytes, table: str | None) -> SourceTable:
    import pandas as pd

    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError(path, f"“{path.name}” is not a JSON file in UTF-8.") from None
    except ValueError as error:
        raise ImportFileError(path, f"“{path.name}” is not valid JSON ({error}).") from None
    records = _json_records(path, document, table)
    if not records:
        raise ImportFileError(path, f"“{path.name}” holds no rows: there is nothing to import.")
    names: list[str] = []
    for record in records:
        for key in record:
            if key not in names:
                names.append(key)
    text = pd.DataFrame({n: [cell_text(_flat(r.get(n))) for r in records] for n in names}, columns=names,
                        dtype=object)
    native = pd.DataFrame({n: [_native(r.get(n)) for r in records] for n in names}, columns=names, dtype=object)
    return finish(SourceTable(path, "json", [str(n) for n in names], text, native,
                               list(range(1, len(records) + 1)), 0))


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def _json_records(path: Path, document: Any, table: str | None) -> list[dict[str, Any]]:
    if isinstance(document, dict):
        tables = document.get("tables", document)
        key = table if table in tables else (next(iter(tables)) if len(tables) == 1 else None)
        if key is None:
            raise ImportFileError(
                path, f"“{path.name}” holds several tables ({', '.join(list(tables)[:6])}); "
                f"none is called “{table}”.")
        document = tables[key]
    if not isinstance(document, list) or not all(isinstance(r, dict) for r in document):
        raise ImportFileError(path, f"“{path.name}” is JSON but not a list of rows (objects).")
    return document
