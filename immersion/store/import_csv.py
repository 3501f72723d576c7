"""Reading a CSV file into a `SourceTable` (see import_source.py), in whatever dialect a spreadsheet wrote it.

The delimiter (`,` `;` tab `|`) is the one that splits the most lines into the same number of cells; the header
row is found as in spreadsheets (`find_header`). pandas reads the rows; a file it cannot read whole (a row with
too many cells, a quote never closed) is read again with the csv module, which can say which row is wrong.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from immersion.store.import_source import (
    SNIFF_BYTES,
    ImportFileError,
    SourceTable,
    column_names,
    decode,
    find_header,
    finish,
)

if TYPE_CHECKING:
    import pandas as pd

DELIMITERS = (",", ";", "\t", "|")


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the largest share of the lines of `sample` into one number (above one) of cells.

    Scored by that share, then by the number of cells; a title line above the table lowers every candidate's
    share alike. Commas win ties (then semicolons, tabs, bars).
    """
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        try:
            records = [r for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
                       if any(c.strip() for c in r)]
        except csv.Error:
            continue
        records = records[:-1] if len(records) > 1 else records  # the sample may cut the last line short
        widths = [len(_trim(r)) for r in records]
        wide = [w for w in widths if w > 1]
        if not wide:
            continue
        mode = max(set(wide), key=lambda w: (wide.count(w), w))
        score = (round(wide.count(mode) / len(widths), 2), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _trim(record: Sequence[str]) -> list[str]:
    """A record without the empty cells at its end (spreadsheets pad rows with delimiters)."""
    cells = list(record)
    while cells and not cells[-1].strip():
        cells.pop()
    return cells


def _records(sample: str, delimiter: str) -> list[list[str]]:
    """The records of the start of a file, read leniently (a bad row further down does not matter here)."""
    records: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter):
            records.append(record)  # noqa: PERF402 - one by one: the records before a bad one are kept
    except csv.Error:
        pass
    return records


def read_csv(path: Path, data: bytes, table: str | None) -> SourceTable:
    import pandas as pd
    from pandas.errors import EmptyDataError, ParserError, ParserWarning

    text, encoding = decode(path, data)
    text = text.removeprefix("\ufeff")
    sample = text[:SNIFF_BYTES]
    delimiter = sniff_delimiter(sample)
    records = _records(sample, delimiter)
    if not records:
        raise ImportFileError(path, f"“{path.name}” is empty: there is nothing to import.")
    header_index = find_header(records, table)
    header = _trim(records[header_index])
    width = max(len(header), 1)
    widest = max(len(r) for r in records)
    unreadable: list[tuple[int, str]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", ParserWarning)  # pandas would drop cells: let the slow path say where
            # Rows are counted as records (line breaks inside quotes, \r, \n and \r\n alike), as the csv module
            # counted them to find the header; every row is read as wide as the widest row seen.
            frame = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, names=range(widest), index_col=False,
                                dtype=object, keep_default_na=False, na_filter=False, skip_blank_lines=False,
                                engine="c", quotechar='"', doublequote=True)
        frame = frame.iloc[header_index + 1:]
        if frame.shape[1] > width:
            extra = frame.iloc[:, width:]
            over = (extra.to_numpy(dtype=object) != "")
            bad = over.any(axis=1).nonzero()[0]
            for position in bad:
                count = width + int(over[position].nonzero()[0].max()) + 1
                unreadable.append((header_index + 2 + int(position), _too_many(count, width)))
            frame = frame.iloc[:, :width].copy()
            frame.iloc[bad, :] = ""  # an unreadable row is reported, never imported in part
    except (ParserError, ParserWarning, EmptyDataError):
        frame, unreadable = _read_csv_slowly(path, text, delimiter, width, header_index)
    names = column_names(header, width)
    frame.columns = names
    row_numbers = [header_index + 2 + n for n in range(len(frame))]
    return finish(SourceTable(path, "csv", names, frame.reset_index(drop=True), None, row_numbers,
                               header_index + 1, encoding, delimiter, None, unreadable))


def _too_many(count: int, width: int) -> str:
    return f"the row has {count} cells but there are {width} column headings"


def _read_csv_slowly(path: Path, text: str, delimiter: str, width: int,
                     header_index: int) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """Split the rows with the csv module, which can say which rows do not fit (pandas can only fail)."""
    import pandas as pd

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    unreadable: list[tuple[int, str]] = []
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            if number <= header_index + 1:
                continue
            cells = _trim(record)
            if len(cells) > width:
                unreadable.append((number, _too_many(len(cells), width)))
                rows.append([""] * width)
            else:
                rows.append(cells + [""] * (width - len(cells)))
    except csv.Error as error:
        raise ImportFileError(
            path, f"“{path.name}” cannot be read beyond row {number + 1}: {_csv_reason(error)}. "
            "Nothing was imported.") from None
    return pd.DataFrame(rows, columns=range(width), dtype=object), unreadable


def _csv_reason(error: csv.Error) -> str:
    text = str(error)
    if "unexpected end of data" in text or "EOF" in text:
        return "a quoted cell is never closed"
    if "expected after" in text:
        return "a quote is followed by more text in the same cell"
    return text
