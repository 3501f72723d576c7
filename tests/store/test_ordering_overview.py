"""Re-ranking the agenda (undoable as one step) and the overview's key figures."""

from __future__ import annotations

import datetime as dt

import pytest

from immersion.domain.enums import GoalCategory, IdeaStage
from immersion.domain.gap_finder import GapKind
from immersion.store import edits, ordering, overview
from immersion.store.workbook import Workbook


@pytest.fixture
def account(wb: Workbook) -> str:
    return edits.add(wb, "accounts", name="Medion Hospitals", industry="Healthcare").items[0].row_id


def _titles(wb: Workbook, account: str) -> list[str]:
    return [edits.get(wb, "goals", g)["title"] for g in ordering.agenda(wb, account)]


def test_move_goal_renumbers_and_undoes_in_one_step(wb: Workbook, account: str) -> None:
    ids = {}
    for title in ["Cut waiting times", "Win the tender", "Keep the union on side"]:
        ids[title] = edits.add(wb, "goals", account_id=account, title=title, category="strategic",
                               rank=ordering.next_rank(wb, account)).items[0].row_id
    changes = ordering.move_goal(wb, ids["Keep the union on side"], 0)
    assert _titles(wb, account) == ["Keep the union on side", "Cut waiting times", "Win the tender"]
    assert [edits.get(wb, "goals", g)["rank"] for g in ordering.agenda(wb, account)] == [0, 1, 2]
    edits.undo(wb, changes)
    assert _titles(wb, account) == ["Cut waiting times", "Win the tender", "Keep the union on side"]
    ordering.move_goal(wb, ids["Cut waiting times"], 99)  # past the end: to the bottom
    assert _titles(wb, account)[-1] == "Cut waiting times"


def test_overview_key_figures(wb: Workbook, account: str) -> None:
    goal = edits.add(wb, "goals", account_id=account, title="Cut waiting times", category="strategic",
                     priority=5).items[0].row_id
    edits.add(wb, "goals", account_id=account, title="Be seen as innovative", category="political", priority=2,
              rank=1)
    edits.add(wb, "ideas", account_id=account, title="Bed-flow dashboard", stage="piloting")
    edits.add(wb, "ideas", account_id=account, title="Parked idea", stage="parked")
    spend = edits.add(wb, "investments", account_id=account, name="Pilot team", kind="people", amount=40_000,
                      status="spent", period="2026-05").items[0].row_id
    edits.add(wb, "investments", account_id=account, name="Planned", kind="capex", amount=99_000,
              status="planned", period="2026-Q3")
    edits.add(wb, "investment_goals", investment_id=spend, goal_id=goal, share=0.5)
    edits.add(wb, "financials", account_id=account, period="2026-Q1", revenue=500_000, cost_of_goods=300_000)
    edits.add(wb, "financials", account_id=account, period="2026-Q2", revenue=600_000, cost_of_goods=350_000,
              cost_to_serve=50_000, other_costs=10_000)
    edits.add(wb, "action_items", account_id=account, text="Send the bed-flow data request", due_date="2026-05-01")
    edits.add(wb, "stakeholders", account_id=account, name="Chief Nurse", influence=5, stance="sceptic",
              last_contact="2026-06-01")

    view = overview.account_overview(wb, account, today=dt.date(2026, 6, 15))
    assert view is not None
    assert view.open_goals_by_category[GoalCategory.STRATEGIC] == 1
    assert view.open_goals_by_category[GoalCategory.POLITICAL] == 1
    assert view.ideas_by_stage[IdeaStage.PILOTING] == 1 and view.ideas_by_stage[IdeaStage.PARKED] == 1
    assert view.invested_this_year == 40_000  # the planned capex does not count
    # 2026-Q2: 600,000 − 350,000 − 50,000 − 10,000 − 40,000 (the May pilot team, spent) = 150,000
    assert view.last_contribution is not None and view.last_contribution.contribution == pytest.approx(150_000)
    assert [a.text for a in view.overdue_actions] == ["Send the bed-flow data request"]
    kinds = {g.kind for g in view.gaps}
    assert {GapKind.ORPHAN_SPEND, GapKind.HOSTILE_INFLUENCER, GapKind.UNCONFIRMED_GOAL,
            GapKind.UNCOVERED_TOP_GOAL} <= kinds
    assert view.alignment.index is not None


def test_overview_of_a_deleted_account_is_none(wb: Workbook, account: str) -> None:
    edits.delete(wb, "accounts", account)
    assert overview.account_overview(wb, account) is None
