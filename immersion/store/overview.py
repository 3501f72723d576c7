"""The account overview: the key figures and gaps of one account, computed from the file in one call."""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from immersion.domain.alignment import Alignment
from immersion.domain.enums import GoalCategory, IdeaStage
from immersion.domain.finance import Contribution, contribution, parse_period
from immersion.domain.gap_finder import Gap, gaps
from immersion.domain.models import Account, Financials, Stakeholder
from immersion.store import queries
from immersion.store.workbook import Workbook


@dataclass(frozen=True)
class MeetingRef:
    id: str
    title: str
    kind: str
    starts_at: str


@dataclass(frozen=True)
class ActionRef:
    id: str
    text: str
    due_date: str | None
    meeting_id: str | None


@dataclass(frozen=True)
class AccountOverview:
    account: Account
    alignment: Alignment
    open_goals_by_category: dict[GoalCategory, int]
    ideas_by_stage: dict[IdeaStage, int]
    invested_this_year: float
    invested_year: int
    last_contribution: Contribution | None
    overdue_actions: list[ActionRef]
    last_meeting: MeetingRef | None
    next_meeting: MeetingRef | None
    gaps: list[Gap] = field(default_factory=list)


def _meeting(row: Any) -> MeetingRef | None:
    return None if row is None else MeetingRef(row["id"], row["title"], row["kind"], row["starts_at"])


def account_overview(wb: Workbook, account_id: str, today: _dt.date | None = None) -> AccountOverview | None:
    """Everything the Overview page shows; None when the account no longer exists."""
    today = today or _dt.date.today()
    conn = wb.conn
    row = conn.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        return None
    inputs = queries.alignment_inputs(wb, account_id)[account_id]
    alignment = inputs.compute()
    by_category = Counter(g.category for g in inputs.goals if g.status.is_open)
    by_stage = Counter(i.stage for i in inputs.ideas if i.merged_into_id is None)
    year = today.year
    invested = sum(
        inv.amount for inv in inputs.investments
        if inv.status.counts_as_money and _year_of(inv.period) == year
    )
    fin_row = conn.execute(
        "SELECT * FROM financials WHERE account_id = ? ORDER BY period DESC LIMIT 1", (account_id,)
    ).fetchone()
    last = contribution(Financials.from_row(fin_row), inputs.investments) if fin_row else None
    overdue = [
        ActionRef(r["id"], r["text"], r["due_date"], r["meeting_id"])
        for r in conn.execute(
            "SELECT * FROM action_items WHERE account_id = ? AND done = 0 AND due_date < ? ORDER BY due_date",
            (account_id, today.isoformat()),
        )
    ]
    now = _dt.datetime.now().strftime("%Y-%m-%dT%H:%M")
    last_meeting = conn.execute(
        "SELECT * FROM meetings WHERE account_id = ? AND starts_at <= ? ORDER BY starts_at DESC LIMIT 1",
        (account_id, now),
    ).fetchone()
    next_meeting = conn.execute(
        "SELECT * FROM meetings WHERE account_id = ? AND starts_at > ? ORDER BY starts_at LIMIT 1", (account_id, now)
    ).fetchone()
    people = [Stakeholder.from_row(r) for r in conn.execute("SELECT * FROM stakeholders WHERE account_id = ?",
                                                            (account_id,))]
    found = gaps(inputs.goals, inputs.ideas, inputs.idea_goals, inputs.investments, inputs.investment_goals,
                 stakeholders=people, today=today)
    return AccountOverview(
        account=Account.from_row(row),
        alignment=alignment,
        open_goals_by_category={c: by_category.get(c, 0) for c in GoalCategory},
        ideas_by_stage={s: by_stage.get(s, 0) for s in IdeaStage},
        invested_this_year=invested,
        invested_year=year,
        last_contribution=last,
        overdue_actions=overdue,
        last_meeting=_meeting(last_meeting),
        next_meeting=_meeting(next_meeting),
        gaps=found,
    )


def _year_of(period: str) -> int | None:
    try:
        return parse_period(period).year
    except ValueError:
        return None


__all__ = ["AccountOverview", "ActionRef", "MeetingRef", "account_overview"]
