"""Reading a file to import: CSV in whatever dialect a spreadsheet wrote it, XLSX, or JSON, into one table.

What a file is comes from its bytes, not its name: an Excel workbook renamed to `.csv` is read as one, and a
PDF or an image renamed to `.csv` is refused with a sentence saying what it looks like. A CSV file's encoding
(UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252/Latin-1) and its delimiter (`,` `;` tab `|`) are
detected; its header row need not be the first: report titles and blank rows above it are skipped, in CSV and
XLSX alike. This module finds out what a file is and holds what the readers share; CSV is read in
`import_csv.py`, XLSX and JSON in `import_sheets.py`. The result, `SourceTable`, holds every cell as text plus,
for spreadsheets, the numbers and dates that were typed as such, and the row number a spreadsheet shows for
each row, so that problems are reported where the user will look for them.

pandas and openpyxl are imported inside the functions.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from immersion.store import column_mapping
from immersion.store.errors import WorkbookError

if TYPE_CHECKING:
    import pandas as pd

_DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}
HEADER_SEARCH_ROWS = 30
SNIFF_BYTES = 256 * 1024
_FOREIGN: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3\x00", "a database (an Immersion workbook is imported with “all”, from an export)"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)


class ImportFileError(WorkbookError):
    """The file cannot be imported at all (missing, empty, not a table); `str()` says why in one sentence."""


@dataclass
class SourceTable:
    """The rows of one table of a file, every cell as text.

    Attributes:
        path: the file.
        kind: "csv", "xlsx" or "json".
        columns: the column names, made unique ("Email", "Email (2)"); blank headings become "Column C".
        text: one column of str per column (empty cells are ""), object dtype.
        native: for spreadsheets and JSON, the cells typed as numbers, dates or booleans (None elsewhere).
        rows: the row number a spreadsheet shows for each row (the header row counts), or the record number
            in a JSON file.
        header_row: the row number of the column headings (0 for JSON).
        encoding, delimiter: how a CSV file was read (None otherwise).
        sheet: the sheet of an XLSX file.
        unreadable: (row number, reason) for rows that could not be split into the columns at all.
    """

    path: Path
    kind: str
    columns: list[str]
    text: pd.DataFrame
    native: pd.DataFrame | None
    rows: list[int]
    header_row: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    unreadable: list[tuple[int, str]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def describe(self) -> str:
        """How the file was read, e.g. "CSV, Windows-1252, separated by semicolons, headings in row 3"."""
        parts = [self.kind.upper()]
        if self.encoding:
            parts.append(self.encoding)
        if self.delimiter:
            parts.append(f"separated by {_DELIMITER_NAMES[self.delimiter]}")
        if self.sheet:
            parts.append(f"sheet “{self.sheet}”")
        if self.kind != "json":
            parts.append(f"headings in row {self.header_row}")
        return ", ".join(parts)

    def cells(self, column: str) -> list[str]:
        """The text of every cell of a column."""
        return self.text[column].tolist()

    def native_column(self, column: str) -> list[Any] | None:
        """The typed values of a column's cells (None for text cells), or None for a CSV file."""
        if self.native is None:
            return None
        return self.native[column].tolist()


def read_source(path: Path | str, table: str | None = None, sheet: str | None = None) -> SourceTable:
    """Read the table in `path`.

    Args:
        path: a CSV, XLSX or JSON file.
        table: the table it is meant for; helps to find the header row, and the sheet or JSON key to read.
        sheet: the XLSX sheet to read; default: the one named like `table`, else the first with data.

    Raises:
        ImportFileError: with a sentence for the user; nothing is read.
    """
    path = Path(path)
    data = _read_bytes(path)
    kind = _kind(path, data)
    if kind == "xlsx":
        from immersion.store.import_sheets import read_xlsx

        return read_xlsx(path, table, sheet)
    if kind == "json":
        from immersion.store.import_sheets import read_json

        return read_json(path, data, table)
    from immersion.store.import_csv import read_csv

    return read_csv(path, data, table)


# -- what the file is ------------------------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    name = path.name
    if not path.exists():
        raise ImportFileError(path, f"“{name}” does not exist.")
    if path.is_dir():
        raise ImportFileError(path, f"“{name}” is a folder, not a file to import.")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise ImportFileError(path, f"“{name}” cannot be read: permission denied.") from None
    except OSError as error:
        raise ImportFileError(path, f"“{name}” cannot be read: {error.strerror or error}.") from None
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ImportFileError(path, f"“{name}” is empty: there is nothing to import.")
    return data


def _kind(path: Path, data: bytes) -> str:
    name = path.name
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if "xl/workbook.xml" in archive.namelist():
                    return "xlsx"
        except zipfile.BadZipFile:
            raise ImportFileError(path, f"“{name}” is a damaged ZIP or Excel file.") from None
        raise ImportFileError(path, f"“{name}” is a ZIP archive, not a CSV or Excel file.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            path, f"“{name}” is an old Excel (.xls) or other Office file: save it as .xlsx or CSV and import that.")
    for magic, what in _FOREIGN:
        if data.startswith(magic):
            raise ImportFileError(path, f"“{name}” is not a CSV or Excel file: it looks like {what}.")
    if path.suffix.lower() == ".json" or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{") and _is_json(data):
        return "json"
    return "csv"


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return False
    return True


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding.

    Raises:
        ImportFileError: the bytes are not text (binary data, or UTF-16 without a byte order mark that
            cannot be told apart from binary).
    """
    boms = ((b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
            (b"\xef\xbb\xbf", "utf-8", "UTF-8 with BOM"), (b"\xff\xfe", "utf-16-le", "UTF-16"),
            (b"\xfe\xff", "utf-16-be", "UTF-16"))
    for bom, codec, label in boms:
        if data.startswith(bom):
            try:
                return _check_text(path, data[len(bom):].decode(codec)), label
            except UnicodeDecodeError:
                raise ImportFileError(path, f"“{path.name}” says it is {label} but is not: it may be damaged.") from None
    head = data[:SNIFF_BYTES]
    if head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a byte order mark: ASCII text has a zero in every other byte.
        even, odd = head[0::2].count(0), head[1::2].count(0)
        codec = "utf-16-le" if odd > 2 * even else "utf-16-be" if even > 2 * odd else ""
        if codec:
            try:
                return _check_text(path, data.decode(codec)), "UTF-16"
            except UnicodeDecodeError:
                pass
        raise _binary(path)
    if b"\x00" in head:
        raise _binary(path)
    try:
        return _check_text(path, data.decode("utf-8")), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return _check_text(path, data.decode("cp1252")), "Windows-1252"
    except UnicodeDecodeError:
        return _check_text(path, data.decode("latin-1")), "Latin-1"


def _binary(path: Path) -> ImportFileError:
    return ImportFileError(path, f"“{path.name}” is not a CSV file: it holds binary data, not text.")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _check_text(path: Path, text: str) -> str:
    sample = text[:SNIFF_BYTES]
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 200):
        raise _binary(path)
    return text


def find_header(records: Sequence[Sequence[str]], table: str | None) -> int:
    """The index of the column headings among the first records of a sheet.

    The row naming the most fields of `table` wins; without any such row, the first of the widest rows whose
    cells are all text. Rows above it (titles, dates, blank rows) are skipped.
    """
    candidates = list(records[:HEADER_SEARCH_ROWS])
    if not candidates:
        return 0
    if table is not None:
        scores = [column_mapping.match_score(table, r) for r in candidates]
        if max(scores) > 0:
            return scores.index(max(scores))
    widths = [len([c for c in r if c.strip()]) for r in candidates]
    widest = max(widths)
    for index, record in enumerate(candidates):
        cells = [c for c in record if c.strip()]
        if widths[index] == widest and not any(_looks_numeric(c) for c in cells):
            return index
    return widths.index(widest)


def _looks_numeric(cell: str) -> bool:
    return bool(re.fullmatch(r"\s*[-+]?[\d.,\s]+\s*", cell))


def column_names(header: Sequence[Any], width: int) -> list[str]:
    names: list[str] = []
    seen: dict[str, int] = {}
    for index in range(width):
        raw = header[index] if index < len(header) else ""
        name = " ".join(str(raw).replace("\ufeff", "").split()) if raw is not None else ""
        if not name:
            name = f"Column {_letters(index)}"
        count = seen.get(name.casefold(), 0) + 1
        seen[name.casefold()] = count
        names.append(name if count == 1 else f"{name} ({count})")
    return names


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def finish(source: SourceTable) -> SourceTable:
    """Drop empty rows (kept until now so that row numbers count them) and columns with neither name nor data."""
    frame = source.text
    filled = frame.to_numpy(dtype=object) != ""
    if source.native is not None:
        filled = filled | source.native.notna().to_numpy()
    keep_rows = filled.any(axis=1) if len(frame.columns) else []
    if len(frame.columns) >= 3:
        _drop_footer(filled, keep_rows)
    blank_columns = [c for n, c in enumerate(source.columns) if c.startswith("Column ") and not filled[:, n].any()]
    source.text = frame.loc[keep_rows].drop(columns=blank_columns).reset_index(drop=True)
    if source.native is not None:
        source.native = source.native.loc[keep_rows].drop(columns=blank_columns).reset_index(drop=True)
    source.rows = [n for n, keep in zip(source.rows, keep_rows, strict=True) if keep]
    source.columns = [c for c in source.columns if c not in blank_columns]
    if not source.columns:
        raise ImportFileError(source.path, f"“{source.path.name}” has no columns to import.")
    if not source.rows and not source.unreadable:
        raise ImportFileError(
            source.path, f"“{source.path.name}” has column headings but no rows: there is nothing to import.")
    return source


def _drop_footer(filled: Any, keep_rows: Any) -> None:
    """Leave out a footer: rows of one cell each ("Confidential", "Generated by …") after a blank row at the end.

    Report exports end like that; a row of data has more than one cell, and a blank row sets the footer apart.
    """
    counts = filled.sum(axis=1)
    wide = (counts >= 2).nonzero()[0]
    if not len(wide):
        return
    last = int(wide[-1])
    tail = counts[last + 1:]
    if len(tail) and (tail <= 1).all() and tail.any() and tail[0] == 0:
        keep_rows[last + 1:] = False
