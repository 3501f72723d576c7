"""Read-side queries that screens need: the portfolio summary and an account's alignment inputs.

Rows come back as domain entities; the numbers are computed by `immersion.domain`. Loads are done in bulk (one
query per table for the whole portfolio) so the sidebar of a 1,000-account workbook fills in one pass.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from immersion.domain.alignment import Alignment, compute_alignment
from immersion.domain.models import TABLE_OF, Goal, Idea, IdeaGoal, Investment, InvestmentGoal
from immersion.store import edits
from immersion.store.errors import WorkbookDamaged
from immersion.store.workbook import Workbook

T = TypeVar("T")


def load(wb: Workbook, model: type[T], order_by: str | None = None, **where: Any) -> list[T]:
    """Rows of the model's table as entities, e.g. `load(wb, Goal, account_id=a, order_by="rank")`."""
    return [model.from_row(row) for row in edits.rows(wb, TABLE_OF[model], order_by=order_by, **where)]  # type: ignore[attr-defined]


@dataclass(frozen=True)
class AlignmentInputs:
    goals: list[Goal]
    ideas: list[Idea]
    idea_goals: list[IdeaGoal]
    investments: list[Investment]
    investment_goals: list[InvestmentGoal]

    def compute(self) -> Alignment:
        return compute_alignment(self.goals, self.ideas, self.idea_goals, self.investments, self.investment_goals)


def _by_account(items: Iterable[T], key: str = "account_id") -> dict[str, list[T]]:
    grouped: dict[str, list[T]] = defaultdict(list)
    for item in items:
        grouped[getattr(item, key)].append(item)
    return grouped


def alignment_inputs(wb: Workbook, account_id: str | Collection[str] | None = None) -> dict[str, AlignmentInputs]:
    """What the alignment of each account (or of one, or of some) is computed from, keyed by account id."""
    wanted = [account_id] if isinstance(account_id, str) else (None if account_id is None else list(account_id))
    if wanted is not None and not wanted:
        return {}
    marks = "" if wanted is None else ", ".join("?" for _ in wanted)
    where = "" if wanted is None else f" WHERE account_id IN ({marks})"
    params: tuple[str, ...] = () if wanted is None else tuple(wanted)
    conn = wb.conn
    # Only the columns the alignment reads: a 1,000-account portfolio loads tens of thousands of rows here.
    stamps = "id, created_at, updated_at, account_id"
    goals = [Goal.from_row(r) for r in conn.execute(
        f"SELECT {stamps}, title, category, priority, rank, status FROM goals{where} ORDER BY rank", params)]
    ideas = [Idea.from_row(r) for r in conn.execute(
        f"SELECT {stamps}, title, stage, merged_into_id FROM ideas{where}", params)]
    investments = [Investment.from_row(r) for r in conn.execute(
        f"SELECT {stamps}, name, kind, status, amount, currency, period FROM investments{where}", params)]
    link_where = "" if wanted is None else f" WHERE i.account_id IN ({marks})"
    idea_links = conn.execute(
        "SELECT l.id, l.created_at, l.updated_at, l.idea_id, l.goal_id, l.strength, i.account_id AS owner "
        "FROM idea_goals l "
        f"JOIN ideas i ON i.id = l.idea_id{link_where}", params
    ).fetchall()
    money_links = conn.execute(
        "SELECT l.id, l.created_at, l.updated_at, l.investment_id, l.goal_id, l.share, i.account_id AS owner "
        "FROM investment_goals l "
        "JOIN investments i ON i.id = l.investment_id"
        + link_where,
        params,
    ).fetchall()
    goals_of, ideas_of, money_of = _by_account(goals), _by_account(ideas), _by_account(investments)
    idea_links_of: dict[str, list[IdeaGoal]] = defaultdict(list)
    for row in idea_links:
        idea_links_of[row["owner"]].append(IdeaGoal.from_row(row))
    money_links_of: dict[str, list[InvestmentGoal]] = defaultdict(list)
    for row in money_links:
        money_links_of[row["owner"]].append(InvestmentGoal.from_row(row))
    ids = wanted if wanted is not None else [r[0] for r in conn.execute("SELECT id FROM accounts")]
    return {
        a: AlignmentInputs(goals_of[a], ideas_of[a], idea_links_of[a], money_of[a], money_links_of[a]) for a in ids
    }


@dataclass(frozen=True)
class AccountSummary:
    """One line of the portfolio sidebar."""

    id: str
    name: str
    tier: str
    industry: str | None
    alignment: float | None
    alignment_reason: str | None
    alignment_explain: str
    open_goals: int
    overdue_actions: int
    last_activity: str | None
    next_meeting: str | None


def portfolio_summary(
    wb: Workbook, today: _dt.date | None = None, account_ids: Collection[str] | None = None
) -> list[AccountSummary]:
    """Every account (or those of `account_ids`) with its tier, alignment index and activity, sorted by name.

    Raises:
        WorkbookDamaged: a page of the file could not be read.
    """
    try:
        return _portfolio_summary(wb, today, account_ids)
    except sqlite3.DatabaseError as error:
        raise WorkbookDamaged(wb.path, f"“{wb.path.name}” is damaged ({error}). Restore a backup.") from None


def _portfolio_summary(
    wb: Workbook, today: _dt.date | None, account_ids: Collection[str] | None
) -> list[AccountSummary]:
    today = today or _dt.date.today()
    now = _dt.datetime.now().strftime("%Y-%m-%dT%H:%M")
    conn = wb.conn
    ids = None if account_ids is None else list(account_ids)
    if ids is not None and not ids:
        return []
    inputs = alignment_inputs(wb, ids)
    marks = "" if ids is None else ", ".join("?" for _ in ids)
    only = "" if ids is None else f" AND account_id IN ({marks})"
    some = tuple(ids or ())
    overdue = dict(
        conn.execute(
            "SELECT account_id, count(*) FROM action_items WHERE done = 0 AND due_date < ?"
            f"{only} GROUP BY account_id",
            (today.isoformat(), *some),
        ).fetchall()
    )
    last = dict(
        conn.execute(
            f"SELECT account_id, max(starts_at) FROM meetings WHERE starts_at <= ?{only} GROUP BY account_id",
            (now, *some),
        ).fetchall()
    )
    upcoming = dict(
        conn.execute(
            f"SELECT account_id, min(starts_at) FROM meetings WHERE starts_at > ?{only} GROUP BY account_id",
            (now, *some),
        ).fetchall()
    )
    result = []
    account_where = "" if ids is None else f" WHERE id IN ({marks})"
    for row in conn.execute(
        f"SELECT id, name, tier, industry FROM accounts{account_where} ORDER BY name COLLATE NOCASE, id", some
    ):
        account = row["id"]
        alignment = inputs[account].compute()
        result.append(
            AccountSummary(
                id=account,
                name=row["name"],
                tier=row["tier"],
                industry=row["industry"],
                alignment=alignment.index,
                alignment_reason=alignment.reason,
                alignment_explain=alignment.explain(),
                open_goals=sum(1 for g in inputs[account].goals if g.status.is_open),
                overdue_actions=overdue.get(account, 0),
                last_activity=last.get(account),
                next_meeting=upcoming.get(account),
            )
        )
    return result


def influences_of_account(wb: Workbook, account_id: str) -> list[dict[str, Any]]:
    """Influence links that start at one of the account's people (read through the index, not the table)."""
    return [dict(r) for r in wb.conn.execute(
        "SELECT l.* FROM stakeholder_influences l JOIN stakeholders s ON s.id = l.from_id WHERE s.account_id = ?",
        (account_id,))]


def coverage_of_account(wb: Workbook, account_id: str) -> list[dict[str, Any]]:
    """Who on our side covers each of the account's people, and how strongly."""
    return [dict(r) for r in wb.conn.execute(
        "SELECT c.* FROM coverage c JOIN stakeholders s ON s.id = c.stakeholder_id WHERE s.account_id = ?",
        (account_id,))]


def account_count(wb: Workbook) -> int:
    return wb.conn.execute("SELECT count(*) FROM accounts").fetchone()[0]


def portfolio_outline(wb: Workbook, note: str) -> list[AccountSummary]:
    """Every account's name, tier and industry at once, the figures to follow (`note` says so in tooltips).

    Opening a large portfolio shows this first; `portfolio_summary` fills in the figures in the background.
    """
    return [
        AccountSummary(r["id"], r["name"], r["tier"], r["industry"], None, note, "", 0, 0, None, None)
        for r in wb.conn.execute("SELECT id, name, tier, industry FROM accounts ORDER BY name COLLATE NOCASE, id")
    ]
