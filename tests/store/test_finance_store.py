"""Investments and the account P&L in the store: every computed figure checked against a worked example."""

from __future__ import annotations

import pytest

from immersion.store import edits, finance, pnl, queries
from immersion.store.errors import EditError
from immersion.store.workbook import Workbook


@pytest.fixture
def account(wb: Workbook) -> str:
    return edits.add(wb, "accounts", name="Harbour Bank", currency="EUR").items[0].row_id


@pytest.fixture
def goals(wb: Workbook, account: str) -> tuple[str, str]:
    first = edits.add(wb, "goals", account_id=account, title="Grow lending", category="strategic", rank=0)
    second = edits.add(wb, "goals", account_id=account, title="Cut costs", category="financial", rank=1)
    return first.items[0].row_id, second.items[0].row_id


def invest(wb: Workbook, account: str, **values: object) -> str:
    return finance.add_investment(wb, account, **values).items[0].row_id


def by_name(wb: Workbook, account: str) -> dict[str, dict]:
    return {row["name"]: row for row in finance.investments(wb, account)}


def test_roi_uses_the_actual_return_where_known_else_the_expected_one(wb: Workbook, account: str) -> None:
    invest(wb, account, name="Pilot", amount=40_000.0, expected_return=60_000.0, period="2026-Q1")
    invest(wb, account, name="Audit", amount=40_000.0, expected_return=60_000.0, actual_return=30_000.0,
           period="2026-Q1")
    invest(wb, account, name="Promo", amount=10_000.0, period="2026-Q1")
    invest(wb, account, name="Free", amount=0.0, expected_return=5_000.0, period="2026-Q1")
    rows = by_name(wb, account)
    # Expected only: (60,000 − 40,000) ÷ 40,000 = +0.5, marked expected; payback 60,000 − 40,000 = +20,000.
    assert rows["Pilot"]["roi"] == pytest.approx(0.5) and rows["Pilot"]["roi_basis"] == "expected"
    assert rows["Pilot"]["payback"] == pytest.approx(20_000)
    # Actual known: (30,000 − 40,000) ÷ 40,000 = −0.25, the expected 60,000 is ignored; payback −10,000.
    assert rows["Audit"]["roi"] == pytest.approx(-0.25) and rows["Audit"]["roi_basis"] == "actual"
    assert rows["Audit"]["payback"] == pytest.approx(-10_000)
    # No return at all, or nothing put in: no ROI (a dash on screen, never 0).
    assert rows["Promo"]["roi"] is None and rows["Promo"]["payback"] is None
    assert rows["Free"]["roi"] is None


def test_orphan_share_is_what_the_goals_leave(wb: Workbook, account: str, goals: tuple[str, str]) -> None:
    pilot = invest(wb, account, name="Pilot", amount=50_000.0, status="committed", period="2026-Q1")
    finance.set_goal_shares(wb, pilot, {goals[0]: 0.6, goals[1]: 0.3})
    row = by_name(wb, account)["Pilot"]
    # 100% − (60% + 30%) = 10% orphan, 10% of 50,000 = 5,000.
    assert row["share_total"] == pytest.approx(0.9)
    assert row["orphan_share"] == pytest.approx(0.1) and row["orphan"] == pytest.approx(5_000)
    assert [(g["title"], g["share"]) for g in row["goals"]] == [("Grow lending", 0.6), ("Cut costs", 0.3)]


def test_totals_by_kind_and_status_orphan_spend_and_roi(wb: Workbook, account: str, goals: tuple[str, str]) -> None:
    a = invest(wb, account, name="A", kind="pilot", status="committed", amount=40_000.0, expected_return=60_000.0,
               period="2026-Q1")
    finance.set_goal_shares(wb, a, {goals[0]: 0.6, goals[1]: 0.3})
    invest(wb, account, name="B", kind="service", status="spent", amount=10_000.0, expected_return=15_000.0,
           actual_return=12_000.0, period="2026-02")
    invest(wb, account, name="C", kind="capex", status="planned", amount=100_000.0, expected_return=150_000.0,
           period="2026-Q3")
    invest(wb, account, name="D", kind="pilot", status="stopped", amount=5_000.0, period="2025-Q4")
    totals = finance.totals(finance.investments(wb, account), "EUR")
    # By kind, committed and spent only: pilot A 40,000; service B 10,000 (C is planned, D stopped).
    assert totals.by_kind == {"service": 10_000, "pilot": 40_000}
    # By status, every investment: planned 100,000, committed 40,000, spent 10,000, stopped 5,000.
    assert totals.by_status == {"planned": 100_000, "committed": 40_000, "spent": 10_000, "stopped": 5_000}
    assert totals.invested == 50_000 and totals.count == 4 and totals.foreign == 0
    # Orphan spend: A leaves 10% of 40,000 = 4,000; B has no goal: all 10,000. 4,000 + 10,000 = 14,000.
    assert totals.orphan == pytest.approx(14_000)
    # ROI over A and B: returns 60,000 (expected) + 12,000 (actual) = 72,000 on 50,000: (72,000 − 50,000) ÷ 50,000.
    assert totals.returned == pytest.approx(72_000) and totals.with_return == pytest.approx(50_000)
    assert totals.roi == pytest.approx(0.44) and totals.actual_part == pytest.approx(10_000)
    # The alignment index sees the same orphan money.
    alignment = queries.alignment_inputs(wb, account)[account].compute()
    assert alignment.orphan_money == pytest.approx(totals.orphan)


def test_shares_over_100_percent_are_refused_and_nothing_is_written(wb: Workbook, account: str,
                                                                     goals: tuple[str, str]) -> None:
    pilot = invest(wb, account, name="Pilot", amount=50_000.0, period="2026-Q1")
    finance.set_goal_shares(wb, pilot, {goals[0]: 0.6, goals[1]: 0.3})
    with pytest.raises(EditError, match="140%"):
        finance.set_goal_shares(wb, pilot, {goals[1]: 0.8})  # 60% + 80% = 140%
    assert sorted(r["share"] for r in edits.rows(wb, "investment_goals")) == [0.3, 0.6]
    with pytest.raises(EditError, match="0% to 100%"):
        finance.set_goal_shares(wb, pilot, {goals[1]: 1.5})
    changes = finance.set_goal_shares(wb, pilot, {goals[0]: 0.0, goals[1]: 0.4})  # 0 removes the link
    assert [r["share"] for r in edits.rows(wb, "investment_goals")] == [0.4]
    edits.undo(wb, changes)
    assert sorted(r["share"] for r in edits.rows(wb, "investment_goals")) == [0.3, 0.6]


def test_bad_investment_input_is_refused_with_a_reason(wb: Workbook, account: str) -> None:
    with pytest.raises(EditError, match="cannot be negative"):
        invest(wb, account, amount=-5.0)
    with pytest.raises(EditError, match="months run from 01 to 12"):
        invest(wb, account, period="2026-13")
    with pytest.raises(EditError, match="must be a number"):
        invest(wb, account, amount="lots")
    with pytest.raises(EditError, match="three-letter"):
        invest(wb, account, currency="EURO")
    pilot = invest(wb, account, period="2026-q3", currency="gbp")
    row = edits.get(wb, "investments", pilot)
    assert row["period"] == "2026-Q3" and row["currency"] == "GBP"
    with pytest.raises(EditError, match="not a period"):
        finance.change_investment(wb, pilot, period="Q3 2026")
    assert edits.get(wb, "investments", pilot)["period"] == "2026-Q3"


def test_a_new_investment_takes_the_account_currency(wb: Workbook) -> None:
    account = edits.add(wb, "accounts", name="Marlowe", currency="GBP").items[0].row_id
    assert edits.get(wb, "investments", invest(wb, account))["currency"] == "GBP"


def test_contribution_per_period_with_a_monthly_investment_inside_a_quarter(wb: Workbook, account: str) -> None:
    pnl.put_financials(wb, account, [
        ("2026-Q1", {"revenue": 1_000_000, "cost_of_goods": 600_000, "cost_to_serve": 100_000, "other_costs": 50_000}),
        ("2026-02", {"revenue": 300_000, "cost_of_goods": 180_000}),
    ])
    invest(wb, account, name="Feb promo", status="spent", amount=20_000.0, period="2026-02")
    invest(wb, account, name="Q1 pilot", status="spent", amount=30_000.0, period="2026-Q1")
    invest(wb, account, name="Planned", status="planned", amount=70_000.0, period="2026-Q1")
    invest(wb, account, name="April audit", status="spent", amount=5_000.0, period="2026-04")
    view = pnl.pnl(wb, account)
    q1, feb = view.rows
    assert (q1["period"], feb["period"]) == ("2026-Q1", "2026-02")  # a quarter sorts before its months
    # Q1: gross margin 1,000,000 − 600,000 = 400,000; spent in Q1: the February 20,000 (a month of Q1) and the
    # quarterly 30,000; the planned 70,000 does not count. 400,000 − 100,000 − 50,000 − 50,000 = 200,000.
    assert q1["gross_margin"] == 400_000 and q1["investments_spent"] == 50_000
    assert q1["contribution"] == 200_000
    # February: 300,000 − 180,000 − 0 − 0 − 20,000 = 100,000; the quarterly pilot is not in any one month.
    assert feb["investments_spent"] == 20_000 and feb["contribution"] == 100_000
    # April has no P&L row: its spend is in no contribution above, and is listed as such.
    assert [(u["name"], u["amount"]) for u in view.unbooked] == [("April audit", 5_000)]
    quarters = pnl.pnl(wb, account, by_quarter=True)
    [q1] = quarters.rows
    # By quarter, the February row is added to Q1: revenue 1,300,000, cost of goods 780,000;
    # 1,300,000 − 780,000 − 100,000 − 50,000 − 50,000 = 320,000.
    assert q1["revenue"] == 1_300_000 and q1["cost_of_goods"] == 780_000 and q1["contribution"] == 320_000
    assert q1["parts"] == ["2026-Q1", "2026-02"] and q1["id"] == "quarter:2026-Q1"


def test_put_financials_creates_and_updates_in_one_undoable_step(wb: Workbook, account: str) -> None:
    entries = [(f"{2025 + n // 4}-Q{n % 4 + 1}", {"revenue": 1000.0 * (n + 1), "cost_of_goods": 400.0})
               for n in range(8)]
    changes = pnl.put_financials(wb, account, entries)
    assert len(changes.ids("financials", "insert")) == 8
    again = pnl.put_financials(wb, account, [("2025-Q1", {"revenue": 1500.0}), ("2027-q1", {})])
    assert (len(again.ids("financials", "update")), len(again.ids("financials", "insert"))) == (1, 1)
    stored = {r["period"]: r for r in edits.rows(wb, "financials")}
    assert stored["2025-Q1"]["revenue"] == 1500 and stored["2025-Q1"]["cost_of_goods"] == 400
    assert stored["2027-Q1"]["revenue"] == 0
    edits.undo(wb, again)
    assert len(edits.rows(wb, "financials")) == 8
    assert edits.rows(wb, "financials", period="2025-Q1")[0]["revenue"] == 1000
    edits.undo(wb, changes)
    assert edits.rows(wb, "financials") == []


@pytest.mark.parametrize(("entries", "words"), [
    ([("2026-Q1", {}), ("2026-q1", {})], "given twice"),
    ([("2026-Q1", {}), ("2026-Q5", {})], "quarters run from Q1 to Q4"),
    ([("2026-Q1", {"revenue": -1.0})], "Revenue cannot be negative"),
    ([("2026-Q1", {"cost_of_goods": "12x"})], "must be a number"),
])
def test_a_bad_entry_refuses_the_whole_put(wb: Workbook, account: str, entries: list, words: str) -> None:
    with pytest.raises(EditError, match=words):
        pnl.put_financials(wb, account, entries)
    assert edits.rows(wb, "financials") == []


def test_other_costs_may_be_a_credit_and_periods_stay_unique(wb: Workbook, account: str) -> None:
    pnl.put_financials(wb, account, [("2026-Q1", {"other_costs": -2_000.0}), ("2026-Q2", {})])
    first, second = (r["id"] for r in pnl.pnl(wb, account).rows)
    assert pnl.pnl(wb, account).rows[0]["contribution"] == 2_000  # 0 − 0 − 0 − (−2,000) − 0
    with pytest.raises(EditError, match="2026-Q1 already has a P&L row"):
        pnl.change_financials(wb, second, period="2026-q1")
    with pytest.raises(EditError, match="already has a P&L row"):
        pnl.add_period(wb, account, "2026-Q2")
    pnl.change_financials(wb, first, period="2025-12")
    assert [r["period"] for r in pnl.pnl(wb, account).rows] == ["2025-12", "2026-Q2"]


def test_next_period_follows_the_last_one_of_its_kind(wb: Workbook, account: str) -> None:
    import datetime as dt

    assert pnl.next_period(wb, account, dt.date(2026, 11, 28)) == "2026-Q4"
    pnl.put_financials(wb, account, [("2026-Q3", {}), ("2026-Q4", {})])
    assert pnl.next_period(wb, account) == "2027-Q1"
    pnl.put_financials(wb, account, [("2027-12", {})])
    assert pnl.next_period(wb, account) == "2028-01"
