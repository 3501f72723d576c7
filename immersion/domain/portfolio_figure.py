"""The numbers behind the portfolio chart: each account's alignment index against its contribution in one
period, sized by revenue and coloured by tier, and the portfolio's gaps — top goals uncovered, orphan spend,
overdue actions — as a list.

The alignment indexes are given (the window's portfolio summaries hold them already); the contribution is
`finance.contributions` for the chosen period; the gap rules are the gap finder's (`gap_finder.py`), so the
Overview and the Dashboard agree. A bubble's sentence is written when asked for: a thousand accounts, a few
hovered over.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from immersion.domain.charts_data import ItemRef, money_text, share_text
from immersion.domain.effort import agenda_order
from immersion.domain.figures import choose_period
from immersion.domain.finance import Contribution, Period, contributions, parse_period
from immersion.domain.gap_finder import TOP_AGENDA
from immersion.domain.models import ActionItem, Financials, Goal, Investment

__all__ = ["PortfolioAccount", "PortfolioData", "PortfolioGap", "PortfolioPoint", "portfolio_figure",
           "top_of_agendas"]


@dataclass(frozen=True, slots=True)
class PortfolioAccount:
    """What the portfolio chart needs to know of an account besides its P&L."""

    id: str
    name: str
    tier: str
    currency: str
    index: float | None
    reason: str | None = None
    explain: str = ""


@dataclass(frozen=True, slots=True)
class PortfolioPoint:
    """One account's bubble; its sentence is written when asked for (a portfolio has a thousand bubbles, the user
    hovers over a few)."""

    ref: ItemRef
    account: PortfolioAccount
    figures: Contribution

    @property
    def name(self) -> str:
        return self.account.name

    @property
    def tier(self) -> str:
        return self.account.tier

    @property
    def index(self) -> float:
        return self.account.index or 0.0

    @property
    def contribution(self) -> float:
        return self.figures.contribution

    @property
    def revenue(self) -> float:
        return self.figures.revenue

    @property
    def text(self) -> str:
        account, c = self.account, self.figures
        m = lambda value: money_text(value, account.currency)  # noqa: E731 - a local shorthand
        return (f"{account.name} ({account.tier})\n{_index_line(account)}\n"
                f"Contribution in {c.period.label}: {m(c.contribution)} = revenue {m(c.revenue)}"
                f" − cost of goods {m(c.cost_of_goods)} − cost to serve {m(c.cost_to_serve)}"
                f" − other costs {m(c.other_costs)} − investments spent {m(c.investments_spent)}.\n"
                f"Bubble size: revenue {m(c.revenue)}.")


@dataclass(frozen=True, slots=True)
class PortfolioGap:
    """One line of the portfolio's gap list."""

    kind: str  # uncovered_top_goal, orphan_spend, overdue_action
    account: str
    text: str
    ref: ItemRef


@dataclass(frozen=True)
class PortfolioData:
    """Every account with an index and a P&L in `period`, plus those left off and the portfolio's gaps."""

    period: Period | None
    periods: tuple[Period, ...]
    points: tuple[PortfolioPoint, ...]
    left_off: tuple[tuple[str, str], ...]  # (account name, why it is not on the chart)
    gaps: tuple[PortfolioGap, ...]

    @property
    def is_empty(self) -> bool:
        return not self.points


def portfolio_figure(
    accounts: Sequence[PortfolioAccount],
    financials: Sequence[Financials],
    spent: Sequence[Investment] = (),
    *,
    period: Period | str | None = None,
    periods: Iterable[str] | None = None,
    open_goals: Sequence[Goal] = (),
    covered_goal_ids: Iterable[str] = (),
    orphans: Sequence[tuple[Investment, float]] = (),
    overdue: Sequence[ActionItem] = (),
    today: dt.date | None = None,
) -> PortfolioData:
    """Place every account by alignment index and contribution in one period, and list the portfolio's gaps.

    Args:
        accounts: The accounts, with their alignment index (None: undefined, left off the chart).
        financials: P&L entries of the portfolio (those of `period` are used; the store loads only those).
        spent: Spent investments of the portfolio (those falling in `period` count against its contribution).
        period: The period compared; None, or one without a P&L, means the most recent one with a P&L.
        periods: The period texts with a P&L anywhere in the portfolio; None: those of `financials`.
        open_goals: The open goals of the portfolio (those at the top of each agenda suffice), for "top goals
            uncovered".
        covered_goal_ids: Goals with an active idea or committed or spent money behind them (those at the top of
            each agenda suffice).
        orphans: Committed or spent investments with the share of them given to goals of their account.
        overdue: Open action items past their due date.
        today: The day "overdue" is counted from.
    """
    available = set(periods) if periods is not None else {f.period for f in financials}
    chosen = choose_period(available, period)
    names = {a.id: a.name for a in accounts}
    # Stored periods are canonical ("2026-Q3"), so comparing texts is exact and spares parsing thousands.
    fin_of = {f.account_id: f for f in financials if chosen is not None and f.period == chosen.text}
    spent_of: dict[str, list[Investment]] = defaultdict(list)
    for inv in spent:
        spent_of[inv.account_id].append(inv)
    points, left_off = [], []
    for account in accounts:
        fin = fin_of.get(account.id)
        if account.index is None:
            left_off.append((account.name, f"no alignment index ({account.reason or 'undefined'})"))
            continue
        if fin is None or chosen is None:
            left_off.append((account.name, f"no P&L for {chosen.label if chosen else 'any period'}"))
            continue
        c = contributions([fin], spent_of.get(account.id, ()))[0]
        points.append(PortfolioPoint(ItemRef("accounts", account.id, account.id), account, c))
    found = _uncovered(open_goals, set(covered_goal_ids), names) + _orphans(orphans, names) \
        + _overdue(overdue, names, today or dt.date.today())
    return PortfolioData(chosen, tuple(sorted(parse_period(p) for p in available)), tuple(points),
                         tuple(left_off), tuple(found))


def _index_line(account: PortfolioAccount) -> str:
    # explain() opens with the formula and then the numbers in it: "= 100 × (1 − ½·0.42 − ½·0.28) — how far …".
    lines = account.explain.splitlines()
    if len(lines) >= 2 and lines[1].strip().startswith("="):
        return f"Alignment index {account.index:.0f} {lines[1].strip().split(' — ')[0]}"
    return f"Alignment index {account.index:.0f}"


def top_of_agendas(goals: Iterable[Goal]) -> list[tuple[int, Goal]]:
    """The open goals in the top three of each account's agenda (`gap_finder.TOP_AGENDA`), with their place."""
    per_account: dict[str, list[Goal]] = defaultdict(list)
    for goal in goals:
        if goal.status.is_open:
            per_account[goal.account_id].append(goal)
    return [(place, goal) for own in per_account.values()
            for place, goal in enumerate(agenda_order(own)[:TOP_AGENDA], start=1)]


def _uncovered(goals: Sequence[Goal], covered: set[str], names: Mapping[str, str]) -> list[PortfolioGap]:
    found = [
        PortfolioGap("uncovered_top_goal", names.get(goal.account_id, ""),
                     f"“{goal.title}” is #{place} on the agenda; no active idea and no money serve it.",
                     ItemRef("goals", goal.id, goal.account_id))
        for place, goal in top_of_agendas(goals) if goal.id not in covered]
    return sorted(found, key=lambda g: (g.account.casefold(), g.text))


def _orphans(orphans: Sequence[tuple[Investment, float]], names: Mapping[str, str]) -> list[PortfolioGap]:
    found = []
    for inv, linked in orphans:
        amount = inv.amount * (1.0 - min(linked, 1.0))
        if amount > 1e-9 * inv.amount:  # as the gap finder: rounding of shares is not a gap
            found.append((-amount, PortfolioGap(
                "orphan_spend", names.get(inv.account_id, ""),
                f"{money_text(amount, inv.currency)} of “{inv.name}” ({share_text(amount / inv.amount)})"
                " serves no customer goal.", ItemRef("investments", inv.id, inv.account_id))))
    return [gap for _amount, gap in sorted(found, key=lambda f: (f[0], f[1].account.casefold()))]


def _overdue(actions: Sequence[ActionItem], names: Mapping[str, str], today: dt.date) -> list[PortfolioGap]:
    found = []
    for action in actions:
        due = action.due_date or ""
        try:
            days = (today - dt.date.fromisoformat(due[:10])).days
        except ValueError:
            continue
        if action.done or days <= 0:
            continue
        found.append((-days, PortfolioGap(
            "overdue_action", names.get(action.account_id, ""),
            f"“{action.text}” was due {days} day{'s' if days != 1 else ''} ago ({due[:10]}).",
            ItemRef("action_items", action.id, action.account_id))))
    return [gap for _days, gap in sorted(found, key=lambda f: (f[0], f[1].account.casefold()))]
