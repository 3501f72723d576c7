"""What the alignment charts and the portfolio dashboard read from the workbook, in as few queries as possible.

Rows come back as domain entities; every number is computed by `immersion.domain` (`charts_data`, `figures`,
`coaching`). The portfolio loads in bulk and only the columns it needs: a 1,000-account workbook has tens of
thousands of goals, ideas and links, and the dashboard redraws after every edit.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any

from immersion.domain.enums import GoalCategory, GoalStatus, IdeaStage, InvestmentKind, InvestmentStatus
from immersion.domain.figures import choose_period, period_texts
from immersion.domain.portfolio_figure import PortfolioAccount, top_of_agendas
from immersion.domain.finance import Period
from immersion.domain.models import (
    Account,
    ActionItem,
    Financials,
    Goal,
    Idea,
    IdeaGoal,
    Investment,
    InvestmentGoal,
    Meeting,
    Stakeholder,
)
from immersion.store import queries
from immersion.store.workbook import Workbook

__all__ = ["AccountChartInputs", "PortfolioChartInputs", "account_chart_inputs", "portfolio_accounts",
           "portfolio_chart_inputs"]

# The domain says which stages and statuses count; the queries only filter by them.
_ACTIVE_STAGES = tuple(s.value for s in IdeaStage if s.is_active)
_COUNTED = tuple(s.value for s in InvestmentStatus if s.counts_as_money)
_KIND = InvestmentKind.PILOT  # the portfolio never reads an investment's kind, but an entity needs one
# Stored value -> member: a dictionary look-up is several times cheaper than calling the enum, on 10,000 rows.
_CATEGORY = {c.value: c for c in GoalCategory}
_GOAL_STATUS = {s.value: s for s in GoalStatus}
_MONEY_STATUS = {s.value: s for s in InvestmentStatus}


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join("?" for _ in values)


def _numbered(first: int, values: tuple[str, ...]) -> str:
    """Numbered parameters ?first, ?first+1 …, for statements that use one parameter twice."""
    return ", ".join(f"?{n}" for n in range(first, first + len(values)))


@dataclass(frozen=True)
class AccountChartInputs:
    """Everything the Alignment page computes its charts and coaching rules from."""

    account: Account
    goals: list[Goal]
    ideas: list[Idea]
    idea_goals: list[IdeaGoal]
    investments: list[Investment]
    investment_goals: list[InvestmentGoal]
    financials: list[Financials]
    stakeholders: list[Stakeholder]
    meetings: list[Meeting]


def account_chart_inputs(wb: Workbook, account_id: str) -> AccountChartInputs | None:
    """The rows of one account that its charts need; None when the account no longer exists."""
    conn = wb.conn
    row = conn.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        return None
    one = (account_id,)

    def rows(sql: str) -> list[Any]:
        return conn.execute(sql, one).fetchall()

    goals = [Goal.from_row(r) for r in rows(
        "SELECT id, created_at, updated_at, account_id, title, category, priority, rank, status,"
        " source_meeting_id, status_changed_at FROM goals WHERE account_id = ? ORDER BY rank, id")]
    ideas = [Idea.from_row(r) for r in rows(
        "SELECT id, created_at, updated_at, account_id, title, stage, customer_value, our_value, effort,"
        " confidence, stage_changed_at, merged_into_id FROM ideas WHERE account_id = ?")]
    idea_goals = [IdeaGoal.from_row(r) for r in rows(
        "SELECT l.* FROM idea_goals l JOIN ideas i ON i.id = l.idea_id WHERE i.account_id = ?")]
    investments = [Investment.from_row(r) for r in rows(
        "SELECT id, created_at, updated_at, account_id, name, kind, status, amount, currency, period,"
        " expected_return, actual_return, idea_id FROM investments WHERE account_id = ? ORDER BY period, name")]
    investment_goals = [InvestmentGoal.from_row(r) for r in rows(
        "SELECT l.* FROM investment_goals l JOIN investments i ON i.id = l.investment_id WHERE i.account_id = ?")]
    financials = [Financials.from_row(r) for r in rows(
        "SELECT * FROM financials WHERE account_id = ? ORDER BY period")]
    stakeholders = [Stakeholder.from_row(r) for r in rows(
        "SELECT id, created_at, updated_at, account_id, name, influence, stance, last_contact"
        " FROM stakeholders WHERE account_id = ? ORDER BY name")]
    meetings = [Meeting.from_row(r) for r in rows(
        "SELECT id, created_at, updated_at, account_id, kind, title, starts_at FROM meetings"
        " WHERE account_id = ? ORDER BY starts_at")]
    return AccountChartInputs(Account.from_row(row), goals, ideas, idea_goals, investments, investment_goals,
                              financials, stakeholders, meetings)


@dataclass(frozen=True)
class PortfolioChartInputs:
    """What the portfolio dashboard draws from (accounts come separately, see `portfolio_accounts`).

    Attributes:
        currencies: Each account's currency, by account id.
        periods: The periods with a P&L anywhere in the portfolio, as stored.
        period: The period compared (None when there is no P&L at all).
        financials: The P&L entries of `period`.
        spent: The spent investments falling in `period` (id, account, name, amount, period).
        open_goals: The open goals in the top three of each agenda (for "top goals uncovered").
        covered_goal_ids: Those of them with an active, unmerged idea linked, or committed or spent money on them.
        orphans: Every committed or spent investment with the share of it given to its own account's goals.
        overdue: Open action items due before today.
    """

    currencies: dict[str, str]
    periods: list[str]
    period: Period | None
    financials: list[Financials]
    spent: list[Investment]
    open_goals: list[Goal]
    covered_goal_ids: set[str]
    orphans: list[tuple[Investment, float]]
    overdue: list[ActionItem]


def portfolio_chart_inputs(wb: Workbook, period: Period | str | None = None, today: _dt.date | None = None
                           ) -> PortfolioChartInputs:
    """Load what the portfolio chart and its gap list need, for every account at once.

    Args:
        period: The period whose P&L is compared; None, or one without a P&L, means the latest
            (`figures.choose_period`).
        today: The day before which an open action item is overdue.
    """
    today = today or _dt.date.today()
    conn = wb.conn
    currencies = dict(conn.execute("SELECT id, currency FROM accounts").fetchall())
    periods = [r[0] for r in conn.execute("SELECT DISTINCT period FROM financials")]
    chosen = choose_period(periods, period)
    wanted = period_texts(chosen) if chosen is not None else ()
    # Entities are built with their constructors, not `from_row`: thousands of rows, a few columns each.
    financials = [
        Financials(id=r[0], account_id=r[1], period=r[2], revenue=r[3], cost_of_goods=r[4], cost_to_serve=r[5],
                   other_costs=r[6], created_at="", updated_at="")
        for r in conn.execute("SELECT id, account_id, period, revenue, cost_of_goods, cost_to_serve, other_costs"
                              " FROM financials WHERE period = ?", wanted[:1])] if chosen is not None else []
    spent = [
        Investment(id=r[0], account_id=r[1], name=r[2], kind=_KIND, status=InvestmentStatus.SPENT, amount=r[3],
                   period=r[4], created_at="", updated_at="")
        for r in conn.execute("SELECT id, account_id, name, amount, period FROM investments"
                              f" WHERE status = ? AND period IN ({_marks(wanted)})",
                              (InvestmentStatus.SPENT.value, *wanted))] if wanted else []
    open_statuses = tuple(s.value for s in GoalStatus if s.is_open)
    open_goals = [
        Goal(id=r[0], account_id=r[1], title=r[2], category=_CATEGORY[r[3]], priority=r[4], rank=r[5],
             status=_GOAL_STATUS[r[6]], created_at="", updated_at="")
        for r in conn.execute("SELECT id, account_id, title, category, priority, rank, status FROM goals"
                              f" WHERE status IN ({_marks(open_statuses)})", open_statuses)]
    # Only the goals at the top of each agenda can be "uncovered top goals": ask about those alone, through the
    # goal index (CROSS JOIN fixes that order: without statistics, SQLite would rather scan every idea).
    top = [goal for _place, goal in top_of_agendas(open_goals)]
    covered = {r[0] for r in conn.execute(
        "SELECT l.goal_id FROM json_each(?1) w CROSS JOIN idea_goals l ON l.goal_id = w.value"
        " CROSS JOIN ideas i ON i.id = l.idea_id CROSS JOIN goals g ON g.id = l.goal_id"
        f" WHERE i.merged_into_id IS NULL AND i.stage IN ({_numbered(2, _ACTIVE_STAGES)})"
        " AND g.account_id = i.account_id"
        " UNION SELECT l.goal_id FROM json_each(?1) w CROSS JOIN investment_goals l ON l.goal_id = w.value"
        " CROSS JOIN investments v ON v.id = l.investment_id CROSS JOIN goals g ON g.id = l.goal_id"
        f" WHERE v.status IN ({_numbered(2 + len(_ACTIVE_STAGES), _COUNTED)}) AND v.amount > 0"
        " AND g.account_id = v.account_id",
        (json.dumps([goal.id for goal in top]), *_ACTIVE_STAGES, *_COUNTED))}
    orphans = [
        (Investment(id=r[0], account_id=r[1], name=r[2], kind=_KIND, status=_MONEY_STATUS[r[3]], amount=r[4],
                    currency=r[5], period=r[6], created_at="", updated_at=""), r[7])
        for r in conn.execute(
            "SELECT * FROM (SELECT v.id, v.account_id, v.name, v.status, v.amount, v.currency, v.period,"
            " coalesce((SELECT sum(l.share) FROM investment_goals l JOIN goals g ON g.id = l.goal_id"
            "           WHERE l.investment_id = v.id AND g.account_id = v.account_id), 0) AS linked"
            f" FROM investments v WHERE v.status IN ({_marks(_COUNTED)}) AND v.amount > 0)"
            # Fully linked money is never orphan; leaving it out here spares building thousands of entities.
            " WHERE linked < 1", _COUNTED)]
    overdue = [
        ActionItem(id=r[0], account_id=r[1], text=r[2], due_date=r[3], created_at="", updated_at="")
        for r in conn.execute("SELECT id, account_id, text, due_date FROM action_items"
                              " WHERE done = 0 AND due_date < ? ORDER BY due_date", (today.isoformat(),))]
    return PortfolioChartInputs(currencies, periods, chosen, financials, spent, top, covered, orphans, overdue)


def portfolio_accounts(wb: Workbook, summaries: Any = None) -> list[PortfolioAccount]:
    """The accounts with their alignment index, from the sidebar's summaries when given, else computed.

    Args:
        summaries: `queries.AccountSummary` rows the window already holds (a page's `context.portfolio`); they
            carry the alignment index, so the dashboard need not compute it again after every edit.
    """
    if summaries is None:
        summaries = queries.portfolio_summary(wb)
    currencies = dict(wb.conn.execute("SELECT id, currency FROM accounts").fetchall())
    return [PortfolioAccount(s.id, s.name, s.tier, currencies.get(s.id, "EUR"), s.alignment, s.alignment_reason,
                             s.alignment_explain) for s in summaries]
