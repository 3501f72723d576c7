"""Periods, ROI and account contribution, as worked examples with the arithmetic in the comments."""

from __future__ import annotations

import pytest

from immersion.domain.enums import InvestmentKind, InvestmentStatus
from immersion.domain.finance import (
    Period,
    PeriodKind,
    RoiBasis,
    contribution,
    contributions,
    parse_period,
    roi,
    spent_in,
)
from immersion.domain.models import Financials, Investment


def inv(name: str, amount: float, period: str, status: InvestmentStatus = InvestmentStatus.SPENT,
        expected: float | None = None, actual: float | None = None) -> Investment:
    return Investment(id=name, account_id="acc", name=name, kind=InvestmentKind.TRADE_SPEND, status=status,
                      amount=amount, period=period, expected_return=expected, actual_return=actual)


# --- Periods ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "kind", "year", "number", "canonical"), [
    ("2026-Q3", PeriodKind.QUARTER, 2026, 3, "2026-Q3"),
    (" 2026-q4 ", PeriodKind.QUARTER, 2026, 4, "2026-Q4"),
    ("2026-07", PeriodKind.MONTH, 2026, 7, "2026-07"),
    ("2026-7", PeriodKind.MONTH, 2026, 7, "2026-07"),
    ("2027-12", PeriodKind.MONTH, 2027, 12, "2027-12"),
])
def test_parse_period(text: str, kind: PeriodKind, year: int, number: int, canonical: str) -> None:
    period = parse_period(text)
    assert (period.kind, period.year, period.number) == (kind, year, number)
    assert period.text == str(period) == canonical


@pytest.mark.parametrize(("text", "message"), [
    ("", "Enter a period"),
    ("2026", "is not a period: use a quarter such as 2026-Q3"),
    ("Q3 2026", "is not a period"),
    ("26-Q1", "is not a period"),
    ("2026-Q3x", "is not a period"),
    ("2026-Q5", "quarters run from Q1 to Q4"),
    ("2026-Q0", "quarters run from Q1 to Q4"),
    ("2026-13", "months run from 01 to 12"),
    ("2026-00", "months run from 01 to 12"),
    ("0999-01", "four digits"),
])
def test_parse_period_errors_are_readable(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_period(text)


def test_period_order_containment_and_labels() -> None:
    q3, jul, aug, oct_ = (parse_period(t) for t in ("2026-Q3", "2026-07", "2026-08", "2026-10"))
    # Chronological by first month; a quarter sorts just before its first month.
    assert sorted([oct_, aug, jul, q3, parse_period("2025-Q4")]) == [
        parse_period("2025-Q4"), q3, jul, aug, oct_]
    assert q3.contains(jul) and q3.contains(aug) and q3.contains(q3)
    assert not q3.contains(oct_) and not jul.contains(q3) and not q3.contains(parse_period("2025-07"))
    assert jul.quarter_of == q3 and oct_.quarter_of == Period.quarter(2026, 4) and q3.quarter_of == q3
    assert [m.text for m in q3.months] == ["2026-07", "2026-08", "2026-09"]
    assert (q3.label, aug.label) == ("Q3 2026", "Aug 2026")
    with pytest.raises(ValueError):
        Period.month(2026, 13)


# --- ROI ----------------------------------------------------------------------------------------------------

def test_roi_uses_actual_return_when_known() -> None:
    # (1,500 − 1,000) / 1,000 = .5; the expected 1,200 is ignored once the actual is known.
    result = roi(inv("a", 1_000, "2026-Q1", expected=1_200, actual=1_500))
    assert result.value == pytest.approx(.5) and result.basis is RoiBasis.ACTUAL
    assert result.text == "+50%"
    assert "returned 1.50×" in result.describe()


def test_roi_falls_back_to_expected_return_marked_as_such() -> None:
    # (1,200 − 1,000) / 1,000 = .2, expected
    result = roi(inv("e", 1_000, "2026-Q1", expected=1_200))
    assert result.value == pytest.approx(.2) and result.basis == "expected"
    assert result.text == "+20% (expected)"
    # (600 − 1,000) / 1,000 = −.4: a loss is a negative ROI, not an error.
    assert roi(inv("l", 1_000, "2026-Q1", actual=600)).value == pytest.approx(-.4)


def test_roi_is_undefined_without_return_or_amount() -> None:
    assert roi(inv("none", 1_000, "2026-Q1")).value is None
    zero = roi(inv("zero", 0, "2026-Q1", actual=500))  # (500 − 0) / 0 has no meaning
    assert (zero.value, zero.basis, zero.text) == (None, None, "—")


# --- Contribution -------------------------------------------------------------------------------------------

INVESTMENTS = [
    inv("jul", 5_000, "2026-07"),  # spent, a month of Q3
    inv("q3", 3_000, "2026-Q3"),  # spent, the quarter itself
    inv("aug-committed", 4_000, "2026-08", InvestmentStatus.COMMITTED),  # not spent yet
    inv("oct", 1_000, "2026-10"),  # spent, but in Q4
    inv("q2", 700, "2026-Q2"),  # spent, but in Q2
]


def test_quarterly_contribution_includes_its_monthly_investments() -> None:
    pnl = Financials(account_id="acc", period="2026-Q3", revenue=100_000, cost_of_goods=60_000,
                     cost_to_serve=8_000, other_costs=2_000)
    result = contribution(pnl, INVESTMENTS)
    # gross margin = 100,000 − 60,000 = 40,000
    # investments spent in Q3 = 5,000 (July) + 3,000 (Q3) = 8,000
    # contribution = 40,000 − 8,000 − 2,000 − 8,000 = 22,000
    assert result.gross_margin == 40_000
    assert result.investments_spent == 8_000 and result.investment_ids == ("jul", "q3")
    assert result.contribution == 22_000 and result.has_financials


def test_monthly_contribution_excludes_quarterly_investments() -> None:
    pnl = Financials(account_id="acc", period="2026-07", revenue=30_000, cost_of_goods=18_000,
                     cost_to_serve=2_000, other_costs=500)
    result = contribution(pnl, INVESTMENTS)
    # gross margin = 30,000 − 18,000 = 12,000; only July's 5,000 falls in July — the Q3 investment cannot
    # be placed in any one month, so it does not. contribution = 12,000 − 2,000 − 500 − 5,000 = 4,500
    assert (result.gross_margin, result.investments_spent, result.contribution) == (12_000, 5_000, 4_500)
    assert [i.id for i in spent_in(parse_period("2026-07"), INVESTMENTS)] == ["jul"]


def test_contributions_for_several_periods() -> None:
    pnl = [
        Financials(account_id="acc", period="2026-Q3", revenue=10_000, cost_of_goods=4_000),
        Financials(account_id="acc", period="2026-Q2", revenue=8_000, cost_to_serve=1_000),
    ]
    # Q2: 8,000 − 0 − 1,000 − 0 − 700 (q2) = 6,300
    # Q3: 10,000 − 4,000 − 0 − 0 − 8,000 (jul + q3) = −2,000
    by_entry = contributions(pnl, INVESTMENTS)
    assert [(c.period.text, c.contribution) for c in by_entry] == [("2026-Q2", 6_300), ("2026-Q3", -2_000)]
    # Q4 has no P&L: 0 − 1,000 (oct) = −1,000, marked as having no financials.
    asked = contributions(pnl, INVESTMENTS, ["2026-Q4", parse_period("2026-Q3")])
    assert [(c.period.text, c.contribution, c.has_financials) for c in asked] == [
        ("2026-Q3", -2_000, True), ("2026-Q4", -1_000, False)]
