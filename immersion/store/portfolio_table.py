"""Portfolio financial productivity: per account and per investment kind, over a window of periods.

"Where does our next unit of investment pay best?" Per account: revenue, contribution, money invested, ROI
and the alignment index; per investment kind, for the portfolio and per account, the *return per unit of
spend* Σ return ÷ Σ amount. The figures follow DESIGN.md and `store.finance`:

- a period counts when it lies wholly inside the window (a month of a quarter in the window counts);
- contribution = Σ (revenue − cost of goods − cost to serve − other costs) over the P&L periods in the
  window − Σ amount of the investments *spent* in periods in the window (each counted once);
- invested = Σ amount of committed and spent investments in the window (the money that counts);
- return = actual where known, else expected; ROI = (Σ return − Σ amount) / Σ amount and return per unit
  = Σ return ÷ Σ amount, both over the invested money that has a return;
- amounts are in each account's currency and are never added across currencies: the by-kind table has one
  row per kind and currency.

pandas does the adding up; it is imported inside the functions, never at module level, so that nothing on the
path to the first window pays for it. The result holds plain dataclasses, no DataFrames.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from immersion.domain.enums import InvestmentKind
from immersion.domain.finance import Period, parse_period
from immersion.store.workbook import Workbook

if TYPE_CHECKING:
    import pandas as pd

KINDS = tuple(kind.value for kind in InvestmentKind)
Progress = Callable[[int, str], None]  # percent done, what is being done


@dataclass(frozen=True)
class Window:
    """The months a table covers, inclusive, as month numbers `year × 12 + month − 1`.

    Attributes:
        key: "last4", "all" or a year ("2026"), for choosing it again.
        first, last: the first and last month number.
        label: how it reads ("2025-Q3 – 2026-Q2", "2026", "All periods").
    """

    key: str
    first: int
    last: int
    label: str

    @classmethod
    def last_quarters(cls, today: _dt.date | None = None, count: int = 4) -> Window:
        """The current quarter and the `count − 1` before it."""
        today = today or _dt.date.today()
        current = today.year * 4 + (today.month - 1) // 3  # quarters counted from year 0, from 0
        (first_year, first_q), (last_year, last_q) = divmod(current - count + 1, 4), divmod(current, 4)
        start, end = Period.quarter(first_year, first_q + 1), Period.quarter(last_year, last_q + 1)
        return cls(f"last{count}", _month(start.year, start.first_month), _month(end.year, end.last_month),
                   f"{start.text} – {end.text}")

    @classmethod
    def year(cls, year: int) -> Window:
        return cls(str(year), _month(year, 1), _month(year, 12), str(year))

    @classmethod
    def everything(cls) -> Window:
        return cls("all", 0, 10_000 * 12, "All periods")

    def contains(self, period: Period) -> bool:
        """Whether `period` lies wholly inside the window."""
        return self.first <= _month(period.year, period.first_month) and \
            _month(period.year, period.last_month) <= self.last


def _month(year: int, month: int) -> int:
    return year * 12 + month - 1


@dataclass(frozen=True)
class AccountFigures:
    """One account's line of the table (money in the account's currency).

    Attributes:
        per_unit: return per unit of spend per kind (kinds without invested money with a return left out).
        best_kind: the kind with the highest return per unit, or None.
        actual_part: the share of `with_return` whose return is actual (the rest is expected).
        periods: how many P&L periods fell in the window.
    """

    id: str
    name: str
    tier: str
    currency: str
    revenue: float
    contribution: float
    spent: float
    invested: float
    returned: float
    with_return: float
    actual_part: float
    roi: float | None
    alignment: float | None
    per_unit: dict[str, float] = field(default_factory=dict)
    best_kind: str | None = None
    periods: int = 0


@dataclass(frozen=True)
class KindFigures:
    """Return per unit of spend of one kind of investment, over the portfolio, in one currency.

    Attributes:
        per_unit: Σ return ÷ Σ amount over the invested money with a return (actual where known).
        actual_per_unit: the same over the investments with an actual return only; None without any.
    """

    kind: str
    currency: str
    investments: int
    accounts: int
    invested: float
    with_return: float
    returned: float
    per_unit: float | None
    actual_per_unit: float | None


@dataclass(frozen=True)
class CurrencyTotals:
    """The portfolio's totals in one currency."""

    currency: str
    accounts: int
    revenue: float
    contribution: float
    invested: float
    roi: float | None


@dataclass(frozen=True)
class PortfolioTable:
    """The whole table: accounts sorted by name, kinds by return per unit (best first)."""

    window: Window
    accounts: tuple[AccountFigures, ...]
    kinds: tuple[KindFigures, ...]
    currencies: tuple[CurrencyTotals, ...]


def years(wb: Workbook) -> list[int]:
    """The years that have P&L rows or investments, newest first (for choosing a window)."""
    found = wb.conn.execute(
        "SELECT DISTINCT substr(period, 1, 4) FROM financials UNION SELECT DISTINCT substr(period, 1, 4) "
        "FROM investments").fetchall()
    return sorted((int(row[0]) for row in found if str(row[0]).isdigit()), reverse=True)


def _frame(wb: Workbook, sql: str, columns: list[str], floats: tuple[str, ...] = ()) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame.from_records(wb.conn.execute(sql).fetchall(), columns=columns)
    return frame.astype(dict.fromkeys(floats, "float64")) if floats else frame


def _in_window(periods: pd.Series, window: Window) -> pd.Series:
    """Which periods lie inside the window; each distinct period is parsed once by the domain."""
    inside = {text: window.contains(parse_period(text)) for text in periods.unique()}
    return periods.map(inside).astype(bool)


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator > 0 else None


def _finite(value: Any) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def portfolio_table(wb: Workbook, window: Window | None = None, alignment: Mapping[str, float | None] | None = None,
                    progress: Progress | None = None) -> PortfolioTable:
    """Compute the portfolio's financial productivity over `window` (the last four quarters by default).

    Args:
        wb: the workbook; its connection must belong to the calling thread.
        alignment: the accounts' alignment indexes when the caller has them (the GUI does); else computed.
        progress: called with (percent done, step) between steps.
    """
    report = progress or (lambda _percent, _step: None)
    window = window or Window.last_quarters()
    report(5, "Reading accounts and P&L")
    accounts = _frame(wb, "SELECT id, name, tier, currency FROM accounts ORDER BY name COLLATE NOCASE, id",
                      ["account_id", "name", "tier", "currency"])
    pnl = _frame(wb, "SELECT account_id, period, revenue, cost_of_goods + cost_to_serve + other_costs "
                     "FROM financials", ["account_id", "period", "revenue", "costs"], ("revenue", "costs"))
    report(20, "Reading investments")
    money = _frame(wb, "SELECT account_id, kind, status, period, amount, expected_return, actual_return "
                       "FROM investments WHERE status IN ('committed', 'spent')",
                   ["account_id", "kind", "status", "period", "amount", "expected", "actual"],
                   ("amount", "expected", "actual"))
    report(35, "Adding up")
    pnl = pnl[_in_window(pnl["period"], window)]
    money = money[_in_window(money["period"], window)]
    money = money.assign(
        spent=money["amount"].where(money["status"] == "spent", 0.0),
        returned=money["actual"].where(money["actual"].notna(), money["expected"]),
    )
    money = money.assign(
        with_return=money["amount"].where(money["returned"].notna() & (money["amount"] > 0), 0.0),
        actual_amount=money["amount"].where(money["actual"].notna() & (money["amount"] > 0), 0.0),
    )
    money = money.assign(returned=money["returned"].where(money["with_return"] > 0, 0.0),
                         actual=money["actual"].where(money["actual_amount"] > 0, 0.0))
    table = accounts.set_index("account_id").join(
        pnl.groupby("account_id").agg(revenue=("revenue", "sum"), costs=("costs", "sum"),
                                      periods=("period", "count"))
    ).join(
        money.groupby("account_id").agg(spent=("spent", "sum"), invested=("amount", "sum"),
                                        returned=("returned", "sum"), with_return=("with_return", "sum"),
                                        actual_part=("actual_amount", "sum"))
    ).fillna(
        dict.fromkeys(["revenue", "costs", "periods", "spent", "invested", "returned", "with_return",
                       "actual_part"], 0))
    table = table.assign(contribution=table["revenue"] - table["costs"] - table["spent"])

    report(55, "Return per unit of spend by kind")
    by_kind = money.groupby(["account_id", "kind"]).agg(returned=("returned", "sum"),
                                                        with_return=("with_return", "sum"))
    by_kind = by_kind[by_kind["with_return"] > 0]
    unit = (by_kind["returned"] / by_kind["with_return"]).unstack("kind")
    per_unit: dict[str, dict[str, float]] = {
        account: {k: float(v) for k, v in values.items() if not math.isnan(v)}
        for account, values in unit.to_dict("index").items()
    }

    report(70, "Alignment")
    if alignment is None:
        from immersion.store import queries

        alignment = {account: inputs.compute().index for account, inputs in queries.alignment_inputs(wb).items()}
    rows = []
    for account, values in zip(table.index, table.to_dict("records"), strict=True):
        kinds = per_unit.get(account, {})
        rows.append(AccountFigures(
            id=account, name=values["name"], tier=values["tier"], currency=values["currency"] or "EUR",
            revenue=float(values["revenue"]), contribution=float(values["contribution"]),
            spent=float(values["spent"]), invested=float(values["invested"]),
            returned=float(values["returned"]), with_return=float(values["with_return"]),
            actual_part=_ratio(values["actual_part"], values["with_return"]) or 0.0,
            roi=_ratio(values["returned"] - values["with_return"], values["with_return"]),
            alignment=_finite(alignment.get(account)), per_unit={k: kinds[k] for k in KINDS if k in kinds},
            best_kind=max(kinds, key=lambda k: kinds[k]) if kinds else None, periods=int(values["periods"]),
        ))

    report(85, "Portfolio by kind")
    currency_of = accounts.set_index("account_id")["currency"].fillna("EUR")
    money = money.assign(currency=money["account_id"].map(currency_of))
    grouped = money.groupby(["kind", "currency"]).agg(
        investments=("amount", "size"), accounts=("account_id", "nunique"), invested=("amount", "sum"),
        with_return=("with_return", "sum"), returned=("returned", "sum"), actual=("actual", "sum"),
        actual_amount=("actual_amount", "sum"))
    kinds = [KindFigures(
        kind=kind, currency=currency, investments=int(v["investments"]), accounts=int(v["accounts"]),
        invested=float(v["invested"]), with_return=float(v["with_return"]), returned=float(v["returned"]),
        per_unit=_ratio(v["returned"], v["with_return"]), actual_per_unit=_ratio(v["actual"], v["actual_amount"]),
    ) for (kind, currency), v in grouped.to_dict("index").items()]
    kinds.sort(key=lambda k: (k.per_unit is None, -(k.per_unit or 0.0), k.kind, k.currency))

    totals = table.groupby("currency").agg(accounts=("name", "size"), revenue=("revenue", "sum"),
                                           contribution=("contribution", "sum"), invested=("invested", "sum"),
                                           returned=("returned", "sum"), with_return=("with_return", "sum"))
    currencies = tuple(CurrencyTotals(
        currency=currency, accounts=int(v["accounts"]), revenue=float(v["revenue"]),
        contribution=float(v["contribution"]), invested=float(v["invested"]),
        roi=_ratio(v["returned"] - v["with_return"], v["with_return"]),
    ) for currency, v in totals.to_dict("index").items())
    report(100, "Done")
    return PortfolioTable(window, tuple(rows), tuple(kinds), currencies)


__all__ = ["KINDS", "AccountFigures", "CurrencyTotals", "KindFigures", "PortfolioTable", "Window",
           "portfolio_table", "years"]
