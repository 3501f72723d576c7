"""The numbers behind the idea quadrant, the account P&L (waterfall and trend) and the investment returns.

As in `charts_data.py`, each mark comes with the sentence explaining it, and `immersion.charts` only draws:

- idea quadrant: each active idea by customer value and our value, its mutual value and quadrant
  (`alignment.quadrant`), nudged apart from ideas with the same two values;

- waterfall for one period: revenue → − cost of goods → − cost to serve → − other costs → − investments spent →
  contribution (`finance.contributions`); the trend is the contribution of every period of the same kind;
- investment returns: ROI = (return − amount) / amount on the actual return where known, else the expected one
  (`finance.roi`), with the expected ROI kept beside an actual one so the two can be told apart;

The portfolio figure is in `portfolio_figure.py`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from immersion.domain.alignment import mutual_value, quadrant, quadrant_text
from immersion.domain.charts_data import ItemRef, money_text, share_text
from immersion.domain.effort import active_ideas
from immersion.domain.enums import IdeaStage
from immersion.domain.finance import Period, PeriodKind, RoiBasis, contributions, parse_period, roi
from immersion.domain.models import Financials, Idea, Investment

__all__ = [
    "SIZE_BY_EFFORT", "SIZE_BY_MONEY", "PnlData", "QuadrantData", "QuadrantPoint", "RoiBar", "RoiData",
    "TrendPoint", "WaterfallStep", "account_pnl", "choose_period", "idea_quadrant", "investment_returns",
    "latest_period", "period_texts",
]

SIZE_BY_EFFORT = "effort"
SIZE_BY_MONEY = "money"


def latest_period(financials: Iterable[Financials | str]) -> Period | None:
    """The most recent period with a P&L, preferring quarters (the demo and most plans are quarterly).

    Args:
        financials: P&L entries, or the period texts they are stored with.
    """
    periods = {parse_period(f if isinstance(f, str) else f.period) for f in financials}
    quarters = [p for p in periods if p.kind == PeriodKind.QUARTER]
    return max(quarters or periods, default=None)


def choose_period(available: Iterable[str], wanted: Period | str | None) -> Period | None:
    """`wanted` if a P&L exists for it, else the latest period with one (`latest_period`)."""
    texts = set(available)
    chosen = parse_period(wanted) if isinstance(wanted, str) else wanted
    return chosen if chosen is not None and chosen.text in texts else latest_period(texts)


def period_texts(period: Period) -> tuple[str, ...]:
    """The stored periods whose spending falls in `period` (`finance.spent_in`): itself and, for a quarter, its
    months."""
    months = period.months if period.kind == PeriodKind.QUARTER else ()
    return (period.text, *(m.text for m in months))


# --- 3. Idea quadrant -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QuadrantPoint:
    """One active idea on the customer-value × our-value grid."""

    ref: ItemRef
    title: str
    stage: IdeaStage
    x: float  # customer value, nudged apart from ideas with the same values
    y: float  # our value, nudged likewise
    size: float  # the measure the bubble's area shows (effort 1–5, or money)
    money: float
    text: str


@dataclass(frozen=True)
class QuadrantData:
    """Every active idea by customer value and our value; `size_by` is "effort" or "money"."""

    points: tuple[QuadrantPoint, ...]
    size_by: str
    max_size: float

    @property
    def is_empty(self) -> bool:
        return not self.points


_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def _nudge(k: int, n: int) -> tuple[float, float]:
    """Where the k-th of n ideas sharing one grid point sits: a sunflower spiral around it, within ±0.4."""
    if n == 1:
        return 0.0, 0.0
    radius = min(0.4, 0.14 * math.sqrt(k + 0.5) * (3 / max(3.0, math.sqrt(n))))
    angle = k * _GOLDEN_ANGLE
    return radius * math.cos(angle), radius * math.sin(angle)


def idea_quadrant(ideas: Sequence[Idea], investments: Sequence[Investment] = (), *, size_by: str = SIZE_BY_EFFORT,
                  currency: str = "EUR") -> QuadrantData:
    """Place the account's active ideas by customer value (x) and our value (y).

    Args:
        ideas: The account's ideas; parked, declined and merged ones are left out.
        investments: The account's investments; committed and spent ones count as money behind their idea.
        size_by: "effort" (the idea's effort score, 1–5) or "money" (money behind it).
        currency: The account's currency, for the sentences.
    """
    money: dict[str, float] = defaultdict(float)
    for inv in investments:
        if inv.idea_id and inv.status.counts_as_money:
            money[inv.idea_id] += inv.amount
    live = sorted(active_ideas(ideas), key=lambda i: (i.customer_value, i.our_value, i.title.casefold(), i.id))
    groups: dict[tuple[int, int], list[Idea]] = defaultdict(list)
    for idea in live:
        groups[(idea.customer_value, idea.our_value)].append(idea)
    points = []
    for (cv, ov), members in groups.items():
        for k, idea in enumerate(members):
            dx, dy = _nudge(k, len(members))
            q = quadrant(idea)
            behind = money.get(idea.id, 0.0)
            text = (f"“{idea.title}” — {idea.stage.value}\n"
                    f"Customer value {cv} × our value {ov} = mutual value {mutual_value(idea)}"
                    f" ({q.value}{': both at least 3' if q.value == 'mutual win' else ''}).\n"
                    f"{quadrant_text(q)}\n"
                    f"Effort {idea.effort} of 5 · money behind it {money_text(behind, currency)}"
                    " (committed or spent).")
            size = behind if size_by == SIZE_BY_MONEY else float(idea.effort)
            points.append(QuadrantPoint(ItemRef("ideas", idea.id, idea.account_id), idea.title, idea.stage,
                                        cv + dx, ov + dy, size, behind, text))
    return QuadrantData(tuple(points), size_by, max((p.size for p in points), default=0.0))


# --- 4. Account P&L ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WaterfallStep:
    """One bar of the waterfall, from `start` to `end`; totals start at 0."""

    key: str  # revenue, cost_of_goods, cost_to_serve, other_costs, investments, contribution
    start: float
    end: float
    is_total: bool
    text: str
    ref: ItemRef | None

    @property
    def amount(self) -> float:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """The contribution of one period."""

    period: Period
    contribution: float
    revenue: float
    text: str
    ref: ItemRef | None


@dataclass(frozen=True)
class PnlData:
    """The P&L of one account: the waterfall of `period` and the trend over `trend`'s periods."""

    period: Period | None
    periods: tuple[Period, ...]  # every period with a P&L, for choosing
    steps: tuple[WaterfallStep, ...]
    trend: tuple[TrendPoint, ...]
    currency: str

    @property
    def is_empty(self) -> bool:
        return not self.steps


def account_pnl(financials: Sequence[Financials], investments: Sequence[Investment], *,
                period: Period | str | None = None, currency: str = "EUR", account_id: str | None = None
                ) -> PnlData:
    """The waterfall of one period and the contribution trend.

    Args:
        financials: The account's P&L entries.
        investments: The account's investments (spent ones in the period count against it).
        period: The period of the waterfall; None, or one without a P&L, means the latest (`latest_period`).
        currency: The account's currency.
        account_id: The account, for the links.
    """
    by_period = {parse_period(f.period): f for f in financials}
    periods = tuple(sorted(by_period))
    chosen = parse_period(period) if isinstance(period, str) else period
    if chosen not in by_period:
        chosen = latest_period(financials)
    if chosen is None:
        return PnlData(None, periods, (), (), currency)
    same_kind = [p for p in periods if p.kind == chosen.kind]
    figures = {c.period: c for c in contributions(financials, investments, same_kind)}
    c = figures[chosen]
    row = by_period[chosen]
    fin_ref = ItemRef("financials", row.id, account_id)
    m = lambda value: money_text(value, currency)  # noqa: E731 - a local shorthand for many sentences
    label = chosen.label
    steps = []
    running = 0.0
    plan = (
        ("revenue", c.revenue, f"Revenue in {label}: {m(c.revenue)}."),
        ("cost_of_goods", -c.cost_of_goods, f"Cost of goods: {m(-c.cost_of_goods)}; gross margin"
         f" {m(c.gross_margin)} ({_margin(c.gross_margin, c.revenue)} of revenue)."),
        ("cost_to_serve", -c.cost_to_serve, f"Cost to serve the account: {m(-c.cost_to_serve)}."),
        ("other_costs", -c.other_costs, f"Other costs: {m(-c.other_costs)}."),
        ("investments", -c.investments_spent, _spent_text(chosen, c.investment_ids, investments, currency)),
    )
    spent_ref = (ItemRef("investments", c.investment_ids[0], account_id) if c.investment_ids else None)
    for key, delta, text in plan:
        start, running = running, running + delta
        steps.append(WaterfallStep(key, start, running, False, f"{text}\nRunning total {m(running)}.",
                                   spent_ref if key == "investments" else fin_ref))
    steps.append(WaterfallStep(
        "contribution", 0.0, c.contribution, True,
        f"Contribution in {label}: {m(c.contribution)} ({_margin(c.contribution, c.revenue)} of revenue)\n"
        f"= revenue {m(c.revenue)} − cost of goods {m(c.cost_of_goods)} − cost to serve {m(c.cost_to_serve)}"
        f" − other costs {m(c.other_costs)} − investments spent {m(c.investments_spent)}.", fin_ref))
    trend = tuple(
        TrendPoint(p, f.contribution, f.revenue,
                   f"{p.label}: contribution {m(f.contribution)} on revenue {m(f.revenue)}"
                   f" ({_margin(f.contribution, f.revenue)}); investments spent {m(f.investments_spent)}.",
                   ItemRef("financials", by_period[p].id, account_id))
        for p, f in sorted(figures.items()))
    return PnlData(chosen, periods, tuple(steps), trend, currency)


def _margin(value: float, revenue: float) -> str:
    return share_text(value / revenue) if revenue else "—"


def _spent_text(period: Period, ids: Sequence[str], investments: Sequence[Investment], currency: str) -> str:
    if not ids:
        return f"No investment was spent in {period.label}."
    by_id = {inv.id: inv for inv in investments}
    shown = [f"“{by_id[i].name}” {money_text(by_id[i].amount, currency)} ({by_id[i].period})" for i in ids[:6]]
    more = f" and {len(ids) - 6} more" if len(ids) > 6 else ""
    return f"Investments spent in {period.label}: " + "; ".join(shown) + more + "."


# --- 5. Investment returns -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoiBar:
    """The ROI of one investment; `basis` says whether it is actual or expected."""

    ref: ItemRef
    name: str
    value: float
    basis: RoiBasis
    expected: float | None  # the expected ROI, also when the bar shows the actual one
    text: str


@dataclass(frozen=True)
class RoiData:
    """Investments with a return recorded, best ROI first; `left_out` says how many had none."""

    bars: tuple[RoiBar, ...]
    left_out: int

    @property
    def is_empty(self) -> bool:
        return not self.bars


def investment_returns(investments: Sequence[Investment], *, currency: str = "EUR") -> RoiData:
    """ROI by investment, actual where known, else expected.

    Stopped investments count only with an actual return: an expected return of a stopped investment will not
    come. Investments without any return (or with amount 0) are counted in `left_out`.
    """
    bars, left_out = [], 0
    for inv in investments:
        result = roi(inv)
        if result.value is None or result.basis is None or (
                inv.status.value == "stopped" and result.basis == RoiBasis.EXPECTED):
            left_out += 1
            continue
        expected = (inv.expected_return - inv.amount) / inv.amount if inv.expected_return is not None else None
        lines = [f"“{inv.name}” — {inv.kind.value}, {inv.status.value}, {inv.period}",
                 f"ROI {result.text} = (return − amount) ÷ amount"]
        if result.basis == RoiBasis.ACTUAL:
            assert inv.actual_return is not None
            lines.append(f"= ({money_text(inv.actual_return, currency)} − {money_text(inv.amount, currency)})"
                         f" ÷ {money_text(inv.amount, currency)}, on the actual return.")
            if expected is not None:
                lines.append(f"Expected was {expected:+.0%} (return {money_text(inv.expected_return or 0, currency)}).")
        else:
            lines.append(f"= ({money_text(inv.expected_return or 0, currency)} − {money_text(inv.amount, currency)})"
                         f" ÷ {money_text(inv.amount, currency)}, on the expected return: no actual return yet.")
        lines.append(result.describe())
        bars.append(RoiBar(ItemRef("investments", inv.id, inv.account_id), inv.name, result.value, result.basis,
                           expected, "\n".join(lines)))
    bars.sort(key=lambda b: (-b.value, b.name.casefold()))
    return RoiData(tuple(bars), left_out)
