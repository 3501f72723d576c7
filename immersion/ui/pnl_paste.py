"""Reading a pasted spreadsheet range into P&L entries, all of it or nothing.

Two shapes are understood:

- *rows with their periods*: each line a period and up to four figures in the grid's order (revenue, cost of
  goods, cost to serve, other costs), e.g. eight lines "2026-Q1\\t1,200,000\\t…" — periods that exist are
  updated, new ones are created;
- *a block of figures* pasted onto the selected cell: the figures fill the grid's rows and columns from there,
  like a spreadsheet (the block must not run past the last period or the last column).

A first line that is a header ("Period, Revenue …") is skipped. An empty cell leaves its figure as it is (0 for
a new period). Any cell that is not a number, a period that is not one, or a block that does not fit refuses
the whole paste with a `PasteError` naming the row and column; then nothing is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication

from immersion.store.finance import NEGATIVE_ALLOWED, PNL_FIELDS
from immersion.texts import TextContext
from immersion.ui.pnl_input import check_period, parse_money

Entry = tuple[str, dict[str, float]]
_NAMES = {"period": "Period", "revenue": "Revenue", "cost_of_goods": "Cost of goods",
          "cost_to_serve": "Cost to serve", "other_costs": "Other costs"}


PnlPaste = TextContext("PnlPaste")  # texts written PnlPaste.tr("…"), as pyside6-lupdate reads them


class PasteError(ValueError):
    """A paste refused as a whole; `str()` is the sentence for the user.

    Attributes:
        row: the line of the pasted block (1 = first), or 0 when the whole block is at fault.
        column: the column of the pasted block (1 = first), or 0.
    """

    def __init__(self, message: str, row: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.row = row
        self.column = column


@dataclass(frozen=True)
class Paste:
    """What a paste will write: entries by period, and whether a header line was skipped."""

    entries: list[Entry]
    skipped_header: bool = False


def cells_of(text: str) -> list[list[str]]:
    """Tab-separated lines as a list of rows of cells; trailing empty lines are dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return [[cell.strip().strip('"') for cell in line.split("\t")] for line in lines]


def _is_period(text: str) -> bool:
    try:
        check_period(text)
    except ValueError:
        return False
    return True


def _is_number(text: str) -> bool:
    try:
        parse_money(text, negative=True)
    except ValueError:
        return False
    return True


def _figure(text: str, key: str, row: int, column: int) -> float | None:
    if not text:
        return None
    try:
        return parse_money(text, negative=key in NEGATIVE_ALLOWED)
    except ValueError as error:
        raise _error(str(error), row, column, key) from None


def _error(reason: str, row: int, column: int, key: str) -> PasteError:
    where = PnlPaste.tr("row %1, column %2 (%3)").replace("%1", str(row)).replace("%2", str(column))
    where = where.replace("%3", QCoreApplication.translate("Columns", _NAMES.get(key, key)))
    return PasteError(PnlPaste.tr("Nothing was pasted: %1: %2").replace("%1", where).replace("%2", reason), row, column)


def plan_paste(text: str, rows: Sequence[dict[str, Any]], current_row: int, current_key: str) -> Paste:
    """Turn pasted `text` into P&L entries.

    Args:
        rows: the grid's rows (dicts with `period`), in the order shown.
        current_row: the row of the selected cell (-1 when none).
        current_key: the field of the selected cell ("period", "revenue" …; "" when none).

    Raises:
        PasteError: the paste cannot be taken as a whole; nothing must be written.
    """
    block = cells_of(text)
    if not block or not any(cell for line in block for cell in line):
        raise PasteError(PnlPaste.tr("Nothing was pasted: the clipboard holds no text."))
    header = not _is_period(block[0][0]) and not any(_is_number(cell) for cell in block[0] if cell)
    if header and len(block) > 1:
        block = block[1:]
    else:
        header = False
    offset = 2 if header else 1  # rows are named as they were in the copied range
    if _is_period(block[0][0]) or current_key in ("period", "") or current_row < 0:
        return Paste(_with_periods(block, offset), header)
    return Paste(_onto_cells(block, offset, rows, current_row, current_key), header)


def _with_periods(block: list[list[str]], offset: int) -> list[Entry]:
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(block, start=offset):
        if len(line) > 1 + len(PNL_FIELDS):
            raise PasteError(PnlPaste.tr("Nothing was pasted: row %1 has %2 cells; a P&L row has a period and at most "
                                         "four figures (revenue, cost of goods, cost to serve, other costs).")
                             .replace("%1", str(number)).replace("%2", str(len(line))), number)
        try:
            period = check_period(line[0])
        except ValueError as error:
            raise _error(str(error), number, 1, "period") from None
        if period in seen:
            raise _error(PnlPaste.tr("%1 is pasted twice (also in row %2).").replace("%1", period)
                         .replace("%2", str(seen[period])), number, 1, "period")
        seen[period] = number
        values = {}
        for column, (key, cell) in enumerate(zip(PNL_FIELDS, line[1:], strict=False), start=2):
            value = _figure(cell, key, number, column)
            if value is not None:
                values[key] = value
        entries.append((period, values))
    return entries


def _onto_cells(block: list[list[str]], offset: int, rows: Sequence[dict[str, Any]], current_row: int,
                current_key: str) -> list[Entry]:
    first = PNL_FIELDS.index(current_key) if current_key in PNL_FIELDS else -1
    if first < 0:
        raise PasteError(PnlPaste.tr("Nothing was pasted: select a figure cell to paste figures onto, or paste whole "
                                     "rows that start with their periods."))
    width = max(len(line) for line in block)
    if first + width > len(PNL_FIELDS):
        raise PasteError(PnlPaste.tr("Nothing was pasted: %1 columns from “%2” run past the last column (other costs).")
                         .replace("%1", str(width)).replace("%2", QCoreApplication.translate(
                             "Columns", _NAMES[current_key])))
    if current_row + len(block) > len(rows):
        raise PasteError(PnlPaste.tr("Nothing was pasted: %1 rows from %2 run past the last period; add periods first, "
                                     "or paste rows that start with their periods.").replace("%1", str(len(block)))
                         .replace("%2", str(rows[current_row]["period"])))
    entries: list[Entry] = []
    for number, line in enumerate(block, start=offset):
        values = {}
        for column, cell in enumerate(line, start=1):
            key = PNL_FIELDS[first + column - 1]
            value = _figure(cell, key, number, column)
            if value is not None:
                values[key] = value
        entries.append((rows[current_row + number - offset]["period"], values))
    return entries
