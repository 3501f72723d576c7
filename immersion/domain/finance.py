"""Account finance: periods, investment ROI and account contribution.

Periods are quarters ("2026-Q3") or months ("2026-07"), the two forms the schema accepts for
`investments.period` and `financials.period`. A month belongs to its quarter; a quarter does not belong to any
one of its months.

All amounts are taken to be in the account's currency; converting currencies is not the domain's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import total_ordering

from immersion.domain.enums import InvestmentStatus
from immersion.domain.models import Financials, Investment

__all__ = [
    "Contribution", "Period", "PeriodKind", "RoiBasis", "RoiResult", "contribution", "contributions",
    "parse_period", "roi", "spent_in",
]

_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_PERIOD_RE = re.compile(r"(\d{4})-(?:[Qq](\d+)|(\d{1,2}))")
_EXAMPLE = "use a quarter such as 2026-Q3 or a month such as 2026-07"


class PeriodKind(StrEnum):
    QUARTER = "quarter"
    MONTH = "month"


@total_ordering
@dataclass(frozen=True, slots=True)
class Period:
    """A quarter or a month of a year.

    Periods sort chronologically by their first month; a quarter sorts just before its first month.

    Attributes:
        kind: Quarter or month.
        year: The year, four digits.
        number: The quarter (1–4) or the month (1–12).
    """

    kind: PeriodKind
    year: int
    number: int

    def __post_init__(self) -> None:
        high = 4 if self.kind == PeriodKind.QUARTER else 12
        if not 1 <= self.number <= high or not 1000 <= self.year <= 9999:
            raise ValueError(f"No such {self.kind.value}: {self.year}, {self.number}")

    @classmethod
    def quarter(cls, year: int, number: int) -> Period:
        """The quarter `number` (1–4) of `year`."""
        return cls(PeriodKind.QUARTER, year, number)

    @classmethod
    def month(cls, year: int, number: int) -> Period:
        """The month `number` (1–12) of `year`."""
        return cls(PeriodKind.MONTH, year, number)

    @property
    def first_month(self) -> int:
        """The first calendar month the period covers (1–12)."""
        return 3 * self.number - 2 if self.kind == PeriodKind.QUARTER else self.number

    @property
    def last_month(self) -> int:
        """The last calendar month the period covers (1–12)."""
        return 3 * self.number if self.kind == PeriodKind.QUARTER else self.number

    @property
    def quarter_of(self) -> Period:
        """The quarter this period lies in (a quarter is its own)."""
        if self.kind == PeriodKind.QUARTER:
            return self
        return Period.quarter(self.year, (self.number - 1) // 3 + 1)

    @property
    def months(self) -> tuple[Period, ...]:
        """The months the period covers, in order."""
        return tuple(Period.month(self.year, m) for m in range(self.first_month, self.last_month + 1))

    def contains(self, other: Period) -> bool:
        """Whether `other` lies wholly inside this period: itself, or one of a quarter's months."""
        return (
            self.year == other.year
            and self.first_month <= other.first_month
            and other.last_month <= self.last_month
        )

    @property
    def text(self) -> str:
        """The stored form: "2026-Q3" or "2026-07"."""
        if self.kind == PeriodKind.QUARTER:
            return f"{self.year}-Q{self.number}"
        return f"{self.year}-{self.number:02d}"

    @property
    def label(self) -> str:
        """A short label for charts and reports: "Q3 2026" or "Jul 2026"."""
        if self.kind == PeriodKind.QUARTER:
            return f"Q{self.number} {self.year}"
        return f"{_MONTH_NAMES[self.number - 1]} {self.year}"

    def __str__(self) -> str:
        return self.text

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.first_month, 0 if self.kind == PeriodKind.QUARTER else 1)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._key() < other._key()


def parse_period(text: str) -> Period:
    """Read a period as a user or the workbook writes it.

    Accepts "2026-Q3" (also "2026-q3") and "2026-07" (also "2026-7"); surrounding blanks are ignored. Store
    `period.text`, the canonical form the schema checks for.

    Args:
        text: The period as typed.

    Returns:
        The period.

    Raises:
        ValueError: With a message that can be shown to the user as it is.
    """
    cleaned = (text or "").strip()
    if not cleaned:
        raise ValueError(f"Enter a period: {_EXAMPLE}.")
    match = _PERIOD_RE.fullmatch(cleaned)
    if match is None:
        raise ValueError(f"“{cleaned}” is not a period: {_EXAMPLE}.")
    year, quarter, month = int(match[1]), match[2], match[3]
    if year < 1000:
        raise ValueError(f"“{cleaned}” is not a period: the year must have four digits.")
    if quarter is not None:
        if not 1 <= int(quarter) <= 4:
            raise ValueError(f"“{cleaned}” is not a period: quarters run from Q1 to Q4.")
        return Period.quarter(year, int(quarter))
    if not 1 <= int(month) <= 12:
        raise ValueError(f"“{cleaned}” is not a period: months run from 01 to 12.")
    return Period.month(year, int(month))


# --- ROI ----------------------------------------------------------------------------------------------------


class RoiBasis(StrEnum):
    """Which return an ROI was computed from; "expected" is shown marked as such."""

    ACTUAL = "actual"
    EXPECTED = "expected"


@dataclass(frozen=True, slots=True)
class RoiResult:
    """The ROI of an investment.

    Attributes:
        value: (return − amount) / amount, e.g. 0.5 for +50%; None if there is no return or no amount.
        basis: Whether the actual or the expected return was used; None when `value` is None.
    """

    value: float | None
    basis: RoiBasis | None

    @property
    def text(self) -> str:
        """"+50%", "+50% (expected)" or "—"."""
        if self.value is None:
            return "—"
        marker = " (expected)" if self.basis == RoiBasis.EXPECTED else ""
        return f"{self.value:+.0%}{marker}"

    def describe(self) -> str:
        """A sentence for tooltips: what the investment paid back, and on which basis."""
        if self.value is None:
            return "No ROI: no return recorded, or the amount is zero."
        multiple = 1.0 + self.value
        verb = "returned" if self.basis == RoiBasis.ACTUAL else "is expected to return"
        paid = "pays itself back" if multiple >= 1 else "does not pay itself back"
        return f"It {verb} {multiple:.2f}× its amount (ROI {self.value:+.0%}); it {paid}."


def roi(investment: Investment) -> RoiResult:
    """The ROI of an investment: (return − amount) / amount.

    The actual return is used where it is known, else the expected return (marked as expected).

    Returns:
        The ROI; its value is None when no return is recorded or the amount is 0 (no meaningful ratio).
    """
    if investment.amount <= 0:
        return RoiResult(None, None)
    if investment.actual_return is not None:
        returned, basis = investment.actual_return, RoiBasis.ACTUAL
    elif investment.expected_return is not None:
        returned, basis = investment.expected_return, RoiBasis.EXPECTED
    else:
        return RoiResult(None, None)
    return RoiResult((returned - investment.amount) / investment.amount, basis)


# --- Contribution -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contribution:
    """The account's contribution for one period.

    Attributes:
        period: The period.
        revenue: Revenue of the period.
        cost_of_goods: Cost of goods sold.
        cost_to_serve: Cost to serve the account.
        other_costs: Other costs.
        investments_spent: Spent investments falling in the period (see `spent_in`).
        investment_ids: The ids of those investments.
        gross_margin: revenue − cost of goods.
        contribution: gross margin − cost to serve − other costs − investments spent.
        has_financials: Whether a P&L was entered for the period (else the P&L figures are 0).
    """

    period: Period
    revenue: float
    cost_of_goods: float
    cost_to_serve: float
    other_costs: float
    investments_spent: float
    investment_ids: tuple[str, ...]
    gross_margin: float
    contribution: float
    has_financials: bool


def spent_in(period: Period, investments: Iterable[Investment]) -> list[Investment]:
    """The spent investments that fall in `period`.

    A monthly investment falls in its month and in its quarter. A quarterly investment falls only in its
    quarter, never in one of its months: there is no honest way to say which month it was spent in, and
    splitting it by three would invent numbers. So a monthly P&L does not see quarterly investments.
    """
    return [
        inv for inv in investments
        if inv.status == InvestmentStatus.SPENT and period.contains(parse_period(inv.period))
    ]


def _contribution(
    period: Period, figures: Financials | None, investments: Iterable[Investment]
) -> Contribution:
    spent = spent_in(period, investments)
    revenue = figures.revenue if figures else 0.0
    cogs = figures.cost_of_goods if figures else 0.0
    to_serve = figures.cost_to_serve if figures else 0.0
    other = figures.other_costs if figures else 0.0
    invested = sum(inv.amount for inv in spent)
    gross = revenue - cogs
    return Contribution(
        period=period, revenue=revenue, cost_of_goods=cogs, cost_to_serve=to_serve, other_costs=other,
        investments_spent=invested, investment_ids=tuple(inv.id for inv in spent), gross_margin=gross,
        contribution=gross - to_serve - other - invested, has_financials=figures is not None,
    )


def contribution(financials: Financials, investments: Iterable[Investment]) -> Contribution:
    """The account contribution for the period of one P&L entry.

    contribution = revenue − cost of goods − cost to serve − other costs − investments spent in the period.

    Args:
        financials: The P&L of one period.
        investments: The account's investments; only spent ones falling in the period count (see `spent_in`).

    Returns:
        The contribution, with the gross margin and the figures it was computed from.
    """
    return _contribution(parse_period(financials.period), financials, investments)


def contributions(
    financials: Iterable[Financials],
    investments: Sequence[Investment],
    periods: Iterable[Period | str] | None = None,
) -> list[Contribution]:
    """The contribution for several periods, in chronological order.

    Args:
        financials: The account's P&L entries.
        investments: The account's investments.
        periods: The periods wanted; a period without a P&L entry gets revenue and costs of 0 (so only its
            spent investments show). None means one per P&L entry.

    Returns:
        One contribution per period. Quarters and months are not reconciled: a list holding both a quarter and
        its months counts a monthly investment in each, so do not add such a list up.
    """
    by_period = {parse_period(f.period): f for f in financials}
    wanted = by_period.keys() if periods is None else (
        p if isinstance(p, Period) else parse_period(p) for p in periods
    )
    return [_contribution(p, by_period.get(p), investments) for p in sorted(set(wanted))]
