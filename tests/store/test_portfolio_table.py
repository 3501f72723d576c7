"""The portfolio productivity table (pandas): each figure checked against a worked example by hand."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from immersion.domain.finance import parse_period
from immersion.store import edits, finance, pnl, queries
from immersion.store.portfolio_table import Window, portfolio_table, years
from immersion.store.workbook import Workbook

YEAR = Window.year(2026)


def account(wb: Workbook, name: str, currency: str = "EUR", tier: str = "key") -> str:
    return edits.add(wb, "accounts", name=name, currency=currency, tier=tier).items[0].row_id


def invest(wb: Workbook, owner: str, kind: str, status: str, amount: float, period: str,
           expected: float | None = None, actual: float | None = None) -> str:
    return finance.add_investment(wb, owner, name=f"{kind} {period}", kind=kind, status=status, amount=amount,
                                  period=period, expected_return=expected, actual_return=actual).items[0].row_id


@pytest.fixture
def portfolio(wb: Workbook) -> dict[str, str]:
    a, b, c = account(wb, "Alpha"), account(wb, "Bravo", "GBP", "strategic"), account(wb, "Charlie")
    pnl.put_financials(wb, a, [
        ("2025-Q4", {"revenue": 999.0}),  # outside 2026
        ("2026-Q1", {"revenue": 1_000_000, "cost_of_goods": 600_000, "cost_to_serve": 100_000, "other_costs": 50_000}),
        ("2026-Q2", {"revenue": 1_200_000, "cost_of_goods": 700_000, "cost_to_serve": 150_000, "other_costs": 50_000}),
    ])
    invest(wb, a, "pilot", "spent", 50_000, "2026-Q1", expected=80_000, actual=100_000)
    invest(wb, a, "pilot", "committed", 30_000, "2026-05", expected=45_000)
    invest(wb, a, "service", "spent", 20_000, "2026-03", expected=10_000)
    invest(wb, a, "co-marketing", "planned", 60_000, "2026-Q3", expected=90_000)  # planned: never counted
    invest(wb, a, "capex", "spent", 99_999, "2025-Q4", actual=1.0)  # outside 2026
    pnl.put_financials(wb, b, [("2026-Q2", {"revenue": 500_000, "cost_of_goods": 400_000})])
    invest(wb, b, "pilot", "spent", 10_000, "2026-Q2", actual=40_000)
    return {"Alpha": a, "Bravo": b, "Charlie": c}


def test_account_rows(wb: Workbook, portfolio: dict[str, str]) -> None:
    table = portfolio_table(wb, YEAR)
    rows = {row.name: row for row in table.accounts}
    assert list(rows) == ["Alpha", "Bravo", "Charlie"]
    alpha = rows["Alpha"]
    # Revenue: 1,000,000 + 1,200,000 (2025-Q4 lies outside 2026).
    assert alpha.revenue == 2_200_000 and alpha.periods == 2
    # P&L: (1,000,000 − 750,000) + (1,200,000 − 900,000) = 550,000; spent in 2026: pilot 50,000 and the
    # March service 20,000 (the pilot of May is only committed) → 550,000 − 70,000 = 480,000.
    assert alpha.spent == 70_000 and alpha.contribution == 480_000
    # Invested (committed and spent): 50,000 + 30,000 + 20,000 = 100,000.
    assert alpha.invested == 100_000
    # Returns: 100,000 (actual; the expected 80,000 is ignored) + 45,000 + 10,000 (expected) = 155,000.
    # ROI = (155,000 − 100,000) ÷ 100,000 = 0.55; actual returns cover 50,000 of 100,000.
    assert alpha.returned == 155_000 and alpha.roi == pytest.approx(0.55) and alpha.actual_part == 0.5
    # Per unit by kind: pilot (100,000 + 45,000) ÷ (50,000 + 30,000) = 1.8125; service 10,000 ÷ 20,000 = 0.5.
    assert alpha.per_unit == pytest.approx({"pilot": 1.8125, "service": 0.5}) and alpha.best_kind == "pilot"
    bravo = rows["Bravo"]
    # 500,000 − 400,000 − 10,000 spent = 90,000; ROI (40,000 − 10,000) ÷ 10,000 = 3; pilot 40,000 ÷ 10,000 = 4.
    assert (bravo.currency, bravo.contribution, bravo.roi) == ("GBP", 90_000, pytest.approx(3.0))
    assert bravo.per_unit == {"pilot": 4.0} and bravo.best_kind == "pilot"
    charlie = rows["Charlie"]
    assert (charlie.revenue, charlie.contribution, charlie.invested, charlie.roi, charlie.best_kind) == (
        0, 0, 0, None, None)


def test_return_per_unit_of_spend_by_kind_and_currency(wb: Workbook, portfolio: dict[str, str]) -> None:
    table = portfolio_table(wb, YEAR)
    kinds = [(k.kind, k.currency, k.investments, k.accounts, k.invested, k.per_unit, k.actual_per_unit)
             for k in table.kinds]
    assert kinds == [
        # Bravo's pilot: 40,000 ÷ 10,000 = 4.0, all of it actual.
        ("pilot", "GBP", 1, 1, 10_000, 4.0, 4.0),
        # Alpha's pilots: (100,000 + 45,000) ÷ 80,000 = 1.8125; actual only: 100,000 ÷ 50,000 = 2.0.
        ("pilot", "EUR", 2, 1, 80_000, pytest.approx(1.8125), 2.0),
        # Alpha's service: 10,000 (expected) ÷ 20,000 = 0.5; nothing actual yet.
        ("service", "EUR", 1, 1, 20_000, 0.5, None),
    ]
    totals = {t.currency: t for t in table.currencies}
    # EUR: Alpha and Charlie; revenue 2,200,000, contribution 480,000, invested 100,000, ROI 0.55. Never added
    # to the GBP figures.
    assert (totals["EUR"].accounts, totals["EUR"].revenue, totals["EUR"].contribution) == (2, 2_200_000, 480_000)
    assert totals["EUR"].roi == pytest.approx(0.55) and totals["GBP"].invested == 10_000


def test_alignment_is_computed_unless_given(wb: Workbook, portfolio: dict[str, str]) -> None:
    goal = edits.add(wb, "goals", account_id=portfolio["Alpha"], title="Grow", category="strategic").items[0]
    pilot = edits.rows(wb, "investments", account_id=portfolio["Alpha"], kind="pilot", status="committed")[0]
    finance.set_goal_shares(wb, pilot["id"], {goal.row_id: 1.0})
    expected = {s.id: s.alignment for s in queries.portfolio_summary(wb)}
    computed = {row.id: row.alignment for row in portfolio_table(wb, YEAR).accounts}
    assert computed == expected and computed[portfolio["Alpha"]] is not None
    given = portfolio_table(wb, YEAR, alignment={portfolio["Bravo"]: 42.0})
    assert [row.alignment for row in given.accounts] == [None, 42.0, None]


def test_windows() -> None:
    last = Window.last_quarters(dt.date(2026, 11, 28))
    assert last.label == "2026-Q1 – 2026-Q4" and last.key == "last4"
    assert Window.last_quarters(dt.date(2026, 2, 1)).label == "2025-Q2 – 2026-Q1"
    assert last.contains(parse_period("2026-01")) and last.contains(parse_period("2026-Q4"))
    assert not last.contains(parse_period("2025-12")) and not last.contains(parse_period("2027-Q1"))
    assert Window.everything().contains(parse_period("1999-Q1"))


def test_the_window_changes_what_counts(wb: Workbook, portfolio: dict[str, str]) -> None:
    everything = {row.name: row for row in portfolio_table(wb, Window.everything()).accounts}
    # Adding 2025: revenue + 999, and the capex 99,999 spent in 2025-Q4 (actual return 1).
    assert everything["Alpha"].revenue == 2_200_999 and everything["Alpha"].invested == 199_999
    assert everything["Alpha"].contribution == 480_000 + 999 - 99_999
    assert years(wb) == [2026, 2025]


def test_an_empty_workbook_gives_an_empty_table(wb: Workbook) -> None:
    table = portfolio_table(wb, YEAR)
    assert (table.accounts, table.kinds, table.currencies) == ((), (), ())
    only = account(wb, "Lonely")
    [row] = portfolio_table(wb, YEAR, progress=lambda _p, _s: None).accounts
    assert (row.id, row.revenue, row.roi, row.per_unit) == (only, 0, None, {})


def test_pandas_is_not_imported_by_the_modules_that_use_it() -> None:
    script = ("import sys; import immersion.store.portfolio_table, immersion.store.finance, "
              "immersion.ui.productivity_page, immersion.ui.investments_page, immersion.ui.pnl_page; "
              "print(sorted(m for m in ('pandas', 'pyqtgraph') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
