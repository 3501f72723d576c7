"""Reading the mapped columns of a source file into field values, cell by cell, with a reason for each bad cell.

This step needs only the file and the mapping, not the workbook: it turns each mapped column into Python values
of its field's kind (see `column_mapping`) and records every cell that cannot be read (a bad date, an unknown
stage, text in a number). What the cells refer to in the workbook (accounts, people, existing rows) is settled
afterwards, in `importing.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from immersion.store import column_mapping as cm
from immersion.store import import_values as iv
from immersion.store.column_mapping import Field, Mapping
from immersion.store.import_source import SourceTable

_CURRENCY = re.compile(r"[A-Za-z]{3}")
_ROW = ""  # the column of a rejection that concerns the whole row


@dataclass(frozen=True)
class Rejection:
    """Why one row (or one cell of it) cannot be imported.

    Attributes:
        row: the row number a spreadsheet shows (the header row counts).
        column: the file's column, or "" when the row as a whole is meant.
        reason: a phrase for the user ("bad date “31/02/2026” …").
    """

    row: int
    column: str
    reason: str

    def text(self) -> str:
        where = f"row {self.row}" + (f", column “{self.column}”" if self.column else "")
        return f"{where}: {self.reason}"


@dataclass
class CheckedFile:
    """The mapped columns as field values, one list per field, position n being the file's n-th data row."""

    table: str
    rows: list[int]
    values: dict[str, list[Any]]
    columns: dict[str, str]  # field name -> the file column it came from
    errors: dict[int, list[Rejection]] = field(default_factory=dict)
    decimal: str = "."

    def __len__(self) -> int:
        return len(self.rows)

    def reject(self, position: int, column: str, reason: str) -> None:
        self.errors.setdefault(position, []).append(Rejection(self.rows[position], column, reason))

    def has(self, name: str) -> bool:
        return name in self.values

    def get(self, name: str, position: int) -> Any:
        column = self.values.get(name)
        return None if column is None else column[position]

    def column_label(self, name: str) -> str:
        """The file column of a field, or the field's label when no column feeds it."""
        return self.columns.get(name) or cm.lookup(self.table, name).label


def check_file(source: SourceTable, mapping: Mapping) -> CheckedFile:
    """Read every mapped column of `source` as its field's kind."""
    checked = CheckedFile(mapping.table, list(source.rows), {}, {})
    for row, reason in source.unreadable:
        checked.rows.append(row)
        position = len(checked.rows) - 1
        checked.reject(position, _ROW, reason)
    n_readable = len(source.rows)
    numeric = [c for c, f in mapping.mapped() if f.kind in (cm.WHOLE, cm.NUMBER)]
    hint = "," if source.delimiter == ";" else "."
    checked.decimal = iv.detect_decimal((cell for column in numeric for cell in source.cells(column)[:5000]), hint)
    padding = [None] * len(source.unreadable)
    for column, item in mapping.mapped():
        cells = iv.unneutralise_cells(source.cells(column))
        parsed = _parse(item, cells, source.native_column(column), checked.decimal)
        checked.values[item.name] = parsed.values + padding
        checked.columns[item.name] = column
        for position, reason in parsed.bad_rows():
            checked.reject(position, column, reason)
    _join_names(checked, n_readable)
    return checked


def _parse(item: Field, text: list[str], native: list[Any] | None, decimal: str) -> iv.Parsed:
    kind = item.kind
    if kind in (cm.WHOLE, cm.NUMBER):
        return iv.parse_numbers(text, decimal, native, whole=kind == cm.WHOLE, low=item.low, high=item.high)
    if kind == cm.CHOICE:
        assert item.choices is not None
        return iv.parse_choice(text, item.choices, item.label.lower())
    if kind == cm.DATE:
        return iv.parse_dates(text, native)
    if kind == cm.STAMP:
        return iv.parse_timestamps(text, native)
    if kind == cm.PERIOD:
        return iv.parse_periods(text, native)
    parsed = iv.parse_text(text)
    if item.name == "currency":
        for n, value in enumerate(parsed.values):
            if value is None:
                continue
            if _CURRENCY.fullmatch(value):
                parsed.values[n] = value.upper()
            else:
                parsed.values[n] = None
                parsed.errors[n] = f"{iv.quoted(value)} is not a currency code such as EUR"
    elif item.name == "email":
        parsed.values = [None if v is None else v.removeprefix("mailto:") for v in parsed.values]
    return parsed


def _join_names(checked: CheckedFile, count: int) -> None:
    """Stakeholders: "First Name" and "Last Name" make the name where no column gives it whole."""
    first = checked.values.pop("first_name", None)
    last = checked.values.pop("last_name", None)
    if first is None and last is None:
        return
    whole = checked.values.get("name")
    names: list[Any] = []
    for n in range(len(checked.rows)):
        given = whole[n] if whole is not None else None
        if given:
            names.append(given)
            continue
        parts = [p[n] for p in (first, last) if p is not None and n < count and p[n]]
        names.append(" ".join(parts) or None)
    checked.values["name"] = names
    if "name" not in checked.columns:
        sources = [checked.columns.get(k) for k in ("first_name", "last_name") if checked.columns.get(k)]
        checked.columns["name"] = " + ".join(s for s in sources if s)
