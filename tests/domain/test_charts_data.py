"""The numbers behind every chart, worked out by hand in the comments (DESIGN.md's formulas).

One small account serves the alignment figures: goals A (priority 3, rank 0), B (priority 1, unconfirmed,
financial), D (priority 2, competitive, nothing behind it) and C (achieved); ideas x (adopted → A, strength 3),
y (piloting → A strength 1 and B strength 2) and z (captured, no goal); money m1 (spent 1,000, 60% to A) and m2
(committed 500, all to B).
"""

from __future__ import annotations

import datetime as dt

import pytest

from immersion.domain.charts_data import ItemRef, alignment_matrix, category_profile
from immersion.domain.enums import GoalCategory, GoalStatus, IdeaStage, InvestmentKind, InvestmentStatus
from immersion.domain.figures import (
    SIZE_BY_MONEY,
    account_pnl,
    choose_period,
    idea_quadrant,
    investment_returns,
    period_texts,
)
from immersion.domain.finance import Period, RoiBasis
from immersion.domain.models import (
    ActionItem,
    Financials,
    Goal,
    Idea,
    IdeaGoal,
    Investment,
    InvestmentGoal,
)
from immersion.domain.portfolio_figure import PortfolioAccount, portfolio_figure

GS, GC, GF = GoalCategory.STRATEGIC, GoalCategory.COMPETITIVE, GoalCategory.FINANCIAL


def goal(gid: str, priority: int, rank: int, status: GoalStatus = GoalStatus.CONFIRMED,
         category: GoalCategory = GS, account: str = "acc") -> Goal:
    return Goal(id=gid, account_id=account, title=gid, priority=priority, rank=rank, status=status,
                category=category)


def idea(iid: str, stage: IdeaStage, cv: int = 3, ov: int = 3, effort: int = 3) -> Idea:
    return Idea(id=iid, account_id="acc", title=iid, stage=stage, customer_value=cv, our_value=ov, effort=effort)


def money(mid: str, amount: float, status: InvestmentStatus = InvestmentStatus.SPENT, period: str = "2026-Q3",
          account: str = "acc", **returns: float) -> Investment:
    return Investment(id=mid, account_id=account, name=mid, kind=InvestmentKind.PILOT, status=status,
                      amount=amount, period=period, **returns)


A, B = goal("A", 3, 0), goal("B", 1, 1, GoalStatus.UNCONFIRMED, GF)
D, C = goal("D", 2, 2, category=GC), goal("C", 2, 3, GoalStatus.ACHIEVED)
X, Y, Z = idea("x", IdeaStage.ADOPTED, 4, 5), idea("y", IdeaStage.PILOTING, 2, 2), idea("z", IdeaStage.CAPTURED, 2, 2)
LINKS = [IdeaGoal(idea_id="x", goal_id="A", strength=3), IdeaGoal(idea_id="y", goal_id="A", strength=1),
         IdeaGoal(idea_id="y", goal_id="B", strength=2)]
M1, M2 = money("m1", 1000), money("m2", 500, InvestmentStatus.COMMITTED)
SHARES = [InvestmentGoal(investment_id="m1", goal_id="A", share=0.6),
          InvestmentGoal(investment_id="m2", goal_id="B", share=1.0)]


@pytest.fixture
def matrix():  # noqa: ANN201
    return alignment_matrix([A, B, D, C], [X, Y, Z], LINKS, [M1, M2], SHARES)


def test_matrix_rows_in_agenda_order_columns_ideas_then_money(matrix) -> None:  # noqa: ANN001
    # Open goals by rank (A, B, D), then the closed C, then the unlinked effort.
    assert [r.title for r in matrix.rows] == ["A", "B", "D", "C", "No goal"]
    assert [r.label for r in matrix.rows[:4]] == ["1. A", "2. B", "3. D", "(achieved) C"]
    # Columns follow the first row they serve: x and y serve A (x carries more), z only the unlinked row.
    assert [c.title for c in matrix.columns] == ["x", "y", "z", "m1", "m2"]
    assert matrix.idea_columns == 3
    assert matrix.columns[3].ref == ItemRef("investments", "m1", "acc")


def test_matrix_cells_are_parts_of_our_effort(matrix) -> None:  # noqa: ANN001
    # Idea effort: x 1 × 3/3 = 1; y .85 × 1/3 = .2833 (A) and .85 × 2/3 = .5667 (B); z .25 unlinked → 2.1.
    # Money: 1,000 + 500 = 1,500, of which 400 (40% of m1) orphan. Both halves count ½.
    expected = {
        (0, 0): 0.5 * 1.0 / 2.1,  # .2381
        (0, 1): 0.5 * (0.85 / 3) / 2.1,  # .0675
        (1, 1): 0.5 * (0.85 * 2 / 3) / 2.1,  # .1349
        (4, 2): 0.5 * 0.25 / 2.1,  # .0595, z on no goal
        (0, 3): 0.5 * 600 / 1500,  # .2
        (4, 3): 0.5 * 400 / 1500,  # .1333, m1's orphan part
        (1, 4): 0.5 * 500 / 1500,  # .1667
    }
    assert set(matrix.cells) == set(expected)
    for key, value in expected.items():
        assert matrix.value(*key) == pytest.approx(value)
    assert matrix.value(2, 0) == 0.0  # D gets nothing
    # A row adds up to the goal's e: A = .2381 + .0675 + .2 = .5056; the unlinked row to u = .0595 + .1333.
    assert matrix.row_sum(0) == pytest.approx(matrix.rows[0].e) == pytest.approx(0.505556, abs=1e-6)
    assert matrix.row_sum(4) == pytest.approx(matrix.alignment.u) == pytest.approx(0.192857, abs=1e-6)
    assert matrix.max_value == pytest.approx(0.5 / 2.1)


def test_matrix_marks_top_goals_with_nothing_behind_them(matrix) -> None:  # noqa: ANN001
    # D is third of the open goals and has no idea and no money: a gap. C is closed, so never one.
    assert [r.is_gap for r in matrix.rows] == [False, False, True, False, False]
    # p over open goals: 3 + 1 + 2 = 6 → A .5, B 1/6, D 1/3; C closed → 0.
    assert [round(r.p, 4) for r in matrix.rows[:4]] == [0.5, 0.1667, 0.3333, 0.0]
    # Index = 100 × (1 − ½·(.0056 + .1349 + .3333 + 0) − ½·.1929) = 66.67.
    assert matrix.alignment.index == pytest.approx(66.667, abs=1e-3)


def test_matrix_tooltips_show_the_arithmetic_and_clicks_open_the_item(matrix) -> None:  # noqa: ANN001
    text = matrix.cell_text(0, 0)
    assert "Idea “x” — adopted (factor 1.00) → “A”" in text
    assert "adopted (factor 1.00) × strength 3/3 = 1.00" in text
    assert "1.00 ÷ 2.10 (all idea effort) = 48% × ½" in text and "= 24% of our effort" in text
    assert "customer emphasis p = 3 ÷ 6 = 50%; our effort e = 51%" in text
    money_text = matrix.cell_text(0, 3)
    assert "Money: 60% of it = 600 EUR." in money_text and "600 EUR ÷ 1,500 EUR" in money_text
    assert "Orphan money: 400 EUR" in matrix.cell_text(4, 3)
    gap = matrix.cell_text(2, 0)
    assert "does not serve “D”" in gap and "a gap at the top of the agenda" in gap
    assert matrix.cell_ref(0, 0) == ItemRef("ideas", "x", "acc")  # a filled cell opens its idea
    assert matrix.cell_ref(2, 0) == ItemRef("goals", "D", "acc")  # an empty one, the goal


def test_matrix_of_an_account_without_goals_or_effort_is_empty() -> None:
    assert alignment_matrix([]).is_empty
    bare = alignment_matrix([A])
    assert not bare.is_empty and bare.columns == () and bare.cells == {}
    assert [r.title for r in bare.rows] == ["A"]  # no "No goal" row without unlinked effort


def test_category_profile_adds_up_to_one_on_both_sides(matrix) -> None:  # noqa: ANN001
    profile = category_profile(matrix.alignment, [A, B, D, C], matrix)
    by = {(b.category.value if b.category else None): b for b in profile.bars}
    # Strategic: p_A .5 (+ C's 0); ideas ½ × (1 + .2833)/2.1 = .3056; money ½ × 600/1500 = .2.
    assert by["strategic"].emphasis == pytest.approx(0.5)
    assert by["strategic"].idea_effort == pytest.approx(0.305556, abs=1e-6)
    assert by["strategic"].money_effort == pytest.approx(0.2)
    # Financial: p_B 1/6; ideas ½ × .5667/2.1 = .1349; money ½ × 500/1500 = .1667.
    assert by["financial"].effort == pytest.approx(0.134921 + 0.166667, abs=1e-6)
    assert by["competitive"].emphasis == pytest.approx(1 / 3) and by["competitive"].effort == 0
    # The unlinked bar: ideas .0595 + money .1333; all effort bars add up to 1, like the emphasis bars.
    assert by[None].idea_effort == pytest.approx(0.059524, abs=1e-6)
    assert sum(b.effort for b in profile.bars) == pytest.approx(1.0)
    assert sum(b.emphasis for b in profile.bars) == pytest.approx(1.0)
    assert by["strategic"].ref == ItemRef("goals", "A", "acc")  # the category's top open goal
    assert by[None].ref == ItemRef("investments", "m1", "acc")  # the largest unlinked part
    assert "Customer emphasis 50% = priorities 3 ÷ 6" in by["strategic"].text
    assert "We under-serve it by 33 points." in by["competitive"].text
    assert profile.index_text == "67" and profile.explain == matrix.alignment.explain()


def test_idea_quadrant_spreads_ideas_with_the_same_values() -> None:
    tied = idea("w", IdeaStage.SHAPING, 2, 2, effort=5)
    merged = Idea(id="m", account_id="acc", title="m", stage=IdeaStage.ADOPTED, merged_into_id="x")
    parked = idea("p", IdeaStage.PARKED)
    spent_on_x = Investment(id="i", account_id="acc", name="i", kind=InvestmentKind.PILOT,
                            status=InvestmentStatus.SPENT, amount=300, period="2026-Q3", idea_id="x")
    data = idea_quadrant([X, Y, Z, tied, merged, parked], [spent_on_x])
    points = {p.ref.row_id: p for p in data.points}
    assert set(points) == {"x", "y", "z", "w"}  # parked and merged ideas are left out
    assert (points["x"].x, points["x"].y) == (4, 5)  # alone on its grid point: not moved
    tied_points = [(points[k].x, points[k].y) for k in ("w", "y", "z")]
    assert len(set(tied_points)) == 3  # three ideas at (2, 2), spread apart …
    assert all(abs(px - 2) <= 0.4 and abs(py - 2) <= 0.4 for px, py in tied_points)  # … within their cell
    assert points["w"].size == 5 and data.max_size == 5  # effort 1–5
    assert "Customer value 4 × our value 5 = mutual value 20 (mutual win: both at least 3)" in points["x"].text
    by_money = idea_quadrant([X, Y], [spent_on_x], size_by=SIZE_BY_MONEY)
    assert [p.size for p in by_money.points] == [0.0, 300.0] and by_money.max_size == 300
    assert idea_quadrant([parked]).is_empty


def test_pnl_waterfall_and_trend() -> None:
    q3 = Financials(id="f3", account_id="acc", period="2026-Q3", revenue=1000, cost_of_goods=400,
                    cost_to_serve=100, other_costs=50)
    q2 = Financials(id="f2", account_id="acc", period="2026-Q2", revenue=800, cost_of_goods=300, cost_to_serve=100)
    spent = money("s", 30, period="2026-08")  # a month of Q3
    data = account_pnl([q2, q3], [spent], account_id="acc")
    assert data.period == Period.quarter(2026, 3)  # the latest by default
    # 1,000 → −400 = 600 → −100 = 500 → −50 = 450 → −30 = 420; contribution 0 → 420.
    assert [(s.key, s.start, s.end) for s in data.steps] == [
        ("revenue", 0, 1000), ("cost_of_goods", 1000, 600), ("cost_to_serve", 600, 500),
        ("other_costs", 500, 450), ("investments", 450, 420), ("contribution", 0, 420)]
    assert "Contribution in Q3 2026: 420 EUR (42% of revenue)" in data.steps[-1].text
    assert "“s” 30 EUR (2026-08)" in data.steps[4].text
    assert data.steps[4].ref == ItemRef("investments", "s", "acc")
    assert data.steps[0].ref == ItemRef("financials", "f3", "acc")
    # Q2: 800 − 300 − 100 − 0 − 0 = 400.
    assert [(t.period.label, t.contribution) for t in data.trend] == [("Q2 2026", 400), ("Q3 2026", 420)]
    earlier = account_pnl([q2, q3], [spent], period="2026-Q2")
    assert earlier.steps[-1].end == 400 and earlier.period == Period.quarter(2026, 2)
    assert account_pnl([], []).is_empty


def test_investment_returns_tell_actual_from_expected() -> None:
    done = money("done", 100, actual_return=150, expected_return=120)  # (150 − 100)/100 = +50%; expected +20%
    hoped = money("hoped", 200, InvestmentStatus.COMMITTED, expected_return=100)  # (100 − 200)/200 = −50%
    stopped = money("stopped", 50, InvestmentStatus.STOPPED, expected_return=100)  # will not return: left out
    silent = money("silent", 70)  # no return recorded: left out
    data = investment_returns([hoped, done, stopped, silent])
    assert [(b.name, b.value, b.basis, b.expected) for b in data.bars] == [
        ("done", 0.5, RoiBasis.ACTUAL, pytest.approx(0.2)), ("hoped", -0.5, RoiBasis.EXPECTED, -0.5)]
    assert data.left_out == 2
    assert "= (150 EUR − 100 EUR) ÷ 100 EUR, on the actual return." in data.bars[0].text
    assert "Expected was +20%" in data.bars[0].text
    assert "on the expected return: no actual return yet" in data.bars[1].text


def test_portfolio_places_accounts_and_lists_gaps() -> None:
    accounts = [PortfolioAccount("p1", "Alpha", "key", "EUR", 70.0, None,
                                 "Alignment index 70 = …\n  = 100 × (1 − ½·0.40 − ½·0.20) — how far …"),
                PortfolioAccount("p2", "Beta", "growth", "EUR", None, "No open goals"),
                PortfolioAccount("p3", "Gamma", "key", "GBP", 55.0)]
    fin = [Financials(id="f", account_id="p1", period="2026-Q3", revenue=1000, cost_of_goods=500),
           Financials(id="g", account_id="p2", period="2026-Q3", revenue=10)]
    spent = [money("s", 100, period="2026-07", account="p1")]
    goals = [goal("g1", 5, 0, account="p1"), goal("g2", 4, 1, account="p1"), goal("g3", 3, 2, account="p1"),
             goal("g4", 1, 3, account="p1")]
    orphan = money("o", 1000, account="p1")
    overdue = ActionItem(id="a", account_id="p3", text="Send the deck", due_date="2026-11-01")
    data = portfolio_figure(accounts, fin, spent, periods=["2026-Q2", "2026-Q3"], open_goals=goals,
                            covered_goal_ids={"g1"}, orphans=[(orphan, 0.25), (money("full", 10), 1.0)],
                            overdue=[overdue], today=dt.date(2026, 11, 11))
    assert data.period == Period.quarter(2026, 3)
    # Alpha: 1,000 − 500 − 100 spent in July = 400, sized by revenue 1,000.
    assert [(p.name, p.index, p.contribution, p.revenue) for p in data.points] == [("Alpha", 70.0, 400.0, 1000.0)]
    assert "Alignment index 70 = 100 × (1 − ½·0.40 − ½·0.20)" in data.points[0].text
    assert dict(data.left_off) == {"Beta": "no alignment index (No open goals)", "Gamma": "no P&L for Q3 2026"}
    # g2 and g3 are in the top three with nothing behind them (g4 is fourth); 75% of o is orphan; one overdue.
    assert [(g.kind, g.ref.row_id) for g in data.gaps] == [
        ("uncovered_top_goal", "g2"), ("uncovered_top_goal", "g3"), ("orphan_spend", "o"),
        ("overdue_action", "a")]
    assert data.gaps[2].text == "750 EUR of “o” (75%) serves no customer goal."
    assert data.gaps[3].text == "“Send the deck” was due 10 days ago (2026-11-01)."
    assert data.gaps[3].ref == ItemRef("action_items", "a", "p3")


def test_period_choice_falls_back_to_the_latest_quarter() -> None:
    assert choose_period(["2026-Q1", "2026-Q2", "2026-07"], None) == Period.quarter(2026, 2)
    assert choose_period(["2026-Q1", "2026-Q2"], "2026-Q1") == Period.quarter(2026, 1)
    assert choose_period(["2026-Q1"], "2025-Q4") == Period.quarter(2026, 1)  # no P&L there
    assert choose_period([], None) is None
    assert period_texts(Period.quarter(2026, 3)) == ("2026-Q3", "2026-07", "2026-08", "2026-09")
    assert period_texts(Period.month(2026, 8)) == ("2026-08",)
