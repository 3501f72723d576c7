"""The account P&L: read by period with its computed figures, and the edits of its rows.

Reading gives the periods as entered, or months added up into their quarters, each with gross margin,
investments spent and contribution from `immersion.domain.finance`, so that every screen agrees:

- contribution = revenue − cost of goods − cost to serve − other costs − investments spent in the period.

Edits check periods and figures as `store.finance` does and say why in a sentence (`EditError`), then write in
one transaction and return one `Changes`, so that a user action — a pasted block of eight periods included —
is one undo step.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from immersion.domain.finance import Period, PeriodKind, contributions, parse_period
from immersion.domain.models import Financials, Investment
from immersion.store import edits
from immersion.store.edits import Changes, _insert, _integrity, _update  # noqa: PLC2701
from immersion.store.errors import EditError
from immersion.store.finance import PNL_FIELDS, clean_money, clean_period
from immersion.store.workbook import Workbook

Row = dict[str, Any]


@dataclass(frozen=True)
class Pnl:
    """The account P&L as the grid shows it.

    Attributes:
        rows: one per period, chronological: the stored fields (`id` is "" for a quarter added up from
            months) plus `gross_margin`, `investments_spent`, `investment_ids`, `contribution`, `label`
            and, in the quarterly view, `parts` (the stored periods it adds up).
        unbooked: spent investments whose period no P&L row covers: dicts of `id`, `name`, `period`, `amount`.
        by_quarter: whether months were added up into their quarters.
    """

    rows: list[Row]
    unbooked: list[Row]
    by_quarter: bool


def _financials(wb: Workbook, account_id: str) -> list[Financials]:
    return [Financials.from_row(r) for r in wb.conn.execute("SELECT * FROM financials WHERE account_id = ?",
                                                             (account_id,))]


def _quarterly(entries: Sequence[Financials]) -> tuple[list[Financials], dict[str, list[str]]]:
    """Months added up into their quarters (a quarter entered as a whole is added to its months, if any)."""
    sums: dict[Period, dict[str, float]] = {}
    parts: dict[str, list[str]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: parse_period(e.period)):
        quarter = parse_period(entry.period).quarter_of
        acc = sums.setdefault(quarter, dict.fromkeys(PNL_FIELDS, 0.0))
        for key in PNL_FIELDS:
            acc[key] += getattr(entry, key)
        parts[quarter.text].append(entry.period)
    added = [Financials(account_id=entries[0].account_id if entries else "", period=q.text, **values)
             for q, values in sums.items()]
    return added, parts


def pnl(wb: Workbook, account_id: str, by_quarter: bool = False) -> Pnl:
    """The account's P&L by period with gross margin, investments spent and contribution (DESIGN.md).

    Args:
        by_quarter: add months up into their quarters (read-only rows); else the periods as entered.
    """
    stored = _financials(wb, account_id)
    spent = [Investment.from_row(r) for r in wb.conn.execute(
        "SELECT * FROM investments WHERE account_id = ? AND status = 'spent'", (account_id,))]
    ids = {f.period: f.id for f in stored}
    entries, parts = _quarterly(stored) if by_quarter else (stored, {})
    rows = [{
        "id": f"quarter:{figure.period.text}" if by_quarter else ids.get(figure.period.text, ""),
        "period": figure.period.text, "label": figure.period.label, "revenue": figure.revenue,
        "cost_of_goods": figure.cost_of_goods, "cost_to_serve": figure.cost_to_serve,
        "other_costs": figure.other_costs, "gross_margin": figure.gross_margin,
        "investments_spent": figure.investments_spent, "investment_ids": figure.investment_ids,
        "contribution": figure.contribution, "parts": parts.get(figure.period.text, [figure.period.text]),
    } for figure in contributions(entries, spent)]
    covered = [parse_period(r["period"]) for r in rows]
    unbooked = [{"id": inv.id, "name": inv.name, "period": inv.period, "amount": inv.amount}
                for inv in spent if not any(p.contains(parse_period(inv.period)) for p in covered)]
    unbooked.sort(key=lambda r: parse_period(r["period"]))
    return Pnl(rows, unbooked, by_quarter)


def next_period(wb: Workbook, account_id: str, today: _dt.date | None = None) -> str:
    """A period to offer for a new P&L row: the one after the latest entered (of the same kind), else the
    current quarter."""
    stored = sorted(parse_period(f.period) for f in _financials(wb, account_id))
    if not stored:
        today = today or _dt.date.today()
        return Period.quarter(today.year, (today.month - 1) // 3 + 1).text
    taken, period = {p.text for p in stored}, stored[-1]
    while period.text in taken:
        if period.kind == PeriodKind.QUARTER:  # Q4 → Q1 of the next year; December → January
            year, quarter = divmod(period.year * 4 + period.number, 4)
            period = Period.quarter(year, quarter + 1)
        else:
            year, month = divmod(period.year * 12 + period.number, 12)
            period = Period.month(year, month + 1)
    return period.text


def _clean_figures(values: Mapping[str, Any]) -> dict[str, Any]:
    clean = {}
    for key, value in values.items():
        if key == "period":
            clean[key] = clean_period(value)
        elif key in PNL_FIELDS:
            clean[key] = clean_money(key, value)
        else:
            raise EditError("", f"The P&L has no field {key}.")
    return clean


def add_period(wb: Workbook, account_id: str, period: str, **values: Any) -> Changes:
    """Add a P&L row for `period` (its figures 0 unless given).

    Raises:
        EditError: a bad period or figure, or a period that already has a row.
    """
    return put_financials(wb, account_id, [(period, values)], only_new=True)


def change_financials(wb: Workbook, row_id: str, **values: Any) -> Changes:
    """Change one P&L row; a new period must be free in its account."""
    clean = _clean_figures(values)
    if "period" in clean:
        row = edits.get(wb, "financials", row_id)
        if row is None:
            raise EditError(wb.path, "That period no longer exists.")
        clash = wb.conn.execute("SELECT 1 FROM financials WHERE account_id = ? AND period = ? AND id != ?",
                                (row["account_id"], clean["period"], row_id)).fetchone()
        if clash:
            raise EditError(wb.path, f"{clean['period']} already has a P&L row.")
    return edits.change(wb, "financials", row_id, **clean)


def put_financials(wb: Workbook, account_id: str, entries: Sequence[tuple[str, Mapping[str, Any]]],
                   only_new: bool = False) -> Changes:
    """Create or update P&L rows by period in one transaction (a pasted block is one undo step).

    Args:
        entries: (period, {field: value}) pairs; fields left out keep their value (0 for a new row).
        only_new: refuse a period that already has a row instead of updating it.

    Raises:
        EditError: a bad period or figure, or a period given twice; nothing is written then.
    """
    cleaned: list[tuple[str, dict[str, Any]]] = []
    seen: set[str] = set()
    for period, values in entries:
        text = clean_period(period)
        if text in seen:
            raise EditError(wb.path, f"{text} is given twice.")
        seen.add(text)
        cleaned.append((text, _clean_figures(values)))
    existing = {r["period"]: r["id"] for r in wb.conn.execute(
        "SELECT id, period FROM financials WHERE account_id = ?", (account_id,))}
    try:
        with wb.transaction() as conn:
            done = Changes()
            for text, values in cleaned:
                if text in existing:
                    if only_new:
                        raise EditError(wb.path, f"{text} already has a P&L row.")
                    item = _update(conn, "financials", existing[text], values)
                    if item:
                        done.items.append(item)
                else:
                    done.items.append(_insert(conn, "financials", {"account_id": account_id, "period": text,
                                                                   **values}))
            return done
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, "financials", error) from None
