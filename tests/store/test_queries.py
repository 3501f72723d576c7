"""The portfolio summary: each account's alignment, open goals and activity, computed from the file."""

from __future__ import annotations

import datetime as dt

import pytest

from immersion.domain.models import Goal
from immersion.store import edits, queries
from immersion.store.workbook import Workbook


def test_summary_of_a_small_portfolio(wb: Workbook) -> None:
    a = edits.add(wb, "accounts", name="Bravo Bank", tier="strategic", industry="Banking").items[0].row_id
    edits.add(wb, "accounts", name="alpha Telecom")  # no goals: alignment undefined
    growth = edits.add(wb, "goals", account_id=a, title="Grow SME lending", category="financial", priority=3,
                       rank=0).items[0].row_id
    edits.add(wb, "goals", account_id=a, title="Win back the regulator's trust", category="political",
              priority=1, rank=1)
    edits.add(wb, "goals", account_id=a, title="Old goal", category="strategic", priority=5, rank=2,
              status="achieved")
    idea = edits.add(wb, "ideas", account_id=a, title="Cash-flow app", stage="adopted").items[0].row_id
    edits.add(wb, "idea_goals", idea_id=idea, goal_id=growth, strength=3)
    edits.add(wb, "action_items", account_id=a, text="Send the pilot plan", due_date="2026-01-10")
    edits.add(wb, "action_items", account_id=a, text="Done already", due_date="2026-01-10", done=1)
    edits.add(wb, "meetings", account_id=a, title="QBR", starts_at="2026-01-05T10:00")
    edits.add(wb, "meetings", account_id=a, title="Board dinner", starts_at="2999-01-05T19:00")

    summary = queries.portfolio_summary(wb, today=dt.date(2026, 2, 1))

    assert [s.name for s in summary] == ["alpha Telecom", "Bravo Bank"]  # by name, case-insensitive
    bank = summary[1]
    # Open goals have priorities 3 and 1: p = 3/4 = .75 and 1/4 = .25 (the achieved goal has p = 0).
    # The one adopted idea (factor 1 × strength 3/3 = 1.0) is all idea effort, on the growth goal: e = 1, 0.
    # No money, so the idea half counts fully. Distance = |.75 − 1| + |.25 − 0| = .5; index = 100 × (1 − .5/2) = 75.
    assert bank.alignment == pytest.approx(75.0)
    assert "75" in bank.alignment_explain
    assert bank.tier == "strategic" and bank.industry == "Banking"
    assert bank.open_goals == 2
    assert bank.overdue_actions == 1
    assert bank.last_activity == "2026-01-05T10:00"
    assert bank.next_meeting == "2999-01-05T19:00"
    telecom = summary[0]
    assert telecom.alignment is None and telecom.alignment_reason


def test_load_returns_entities_in_order(wb: Workbook) -> None:
    a = edits.add(wb, "accounts", name="Carta").items[0].row_id
    for rank, title in enumerate(["First", "Second"]):
        edits.add(wb, "goals", account_id=a, title=title, category="strategic", rank=rank)
    goals = queries.load(wb, Goal, account_id=a, order_by="rank")
    assert [g.title for g in goals] == ["First", "Second"]
    assert goals[0].category.value == "strategic"


def test_summary_of_some_accounts_matches_the_full_one(wb: Workbook) -> None:
    from immersion.store.demo import write_demo

    wb.close()
    path = wb.path.with_name("demo.immersion")
    write_demo(path)
    with Workbook.open(path) as demo:
        full = {s.id: s for s in queries.portfolio_summary(demo)}
        some = list(full)[1:3]
        assert {s.id: s for s in queries.portfolio_summary(demo, account_ids=some)} == {i: full[i] for i in some}
        assert queries.portfolio_summary(demo, account_ids=[]) == []


def test_alignment_inputs_keep_the_money_s_currency(wb: Workbook) -> None:
    account = edits.add(wb, "accounts", name="Marlowe", currency="GBP").items[0].row_id
    edits.add(wb, "investments", account_id=account, name="Cold-chain pilot", kind="pilot", amount=42_000,
              currency="GBP", status="spent", period="2026-Q1")
    [investment] = queries.alignment_inputs(wb, account)[account].investments
    assert investment.currency == "GBP"  # orphan-spend texts name it; a default of EUR would be wrong
