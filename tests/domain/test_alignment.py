"""Worked examples of the alignment index, each computed by hand in the comments (DESIGN.md's formulas).

Reminders: p_g = priority_g / Σ priority over open goals; an idea gives stage_factor × strength/3 to each
linked goal (captured .25, shaping .4, co-creating .6, proposed .7, piloting .85, adopted 1);
e = ½·i + ½·m (a lone half counts fully); index = 100 × (1 − ½ Σ|p − e| − ½·u).
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from immersion.domain.alignment import (
    REASON_NO_EFFORT,
    REASON_NO_GOALS,
    Quadrant,
    compute_alignment,
    mutual_value,
    quadrant,
    quadrant_text,
)
from immersion.domain.enums import GoalCategory, GoalStatus, IdeaStage, InvestmentKind, InvestmentStatus
from immersion.domain.models import Goal, Idea, IdeaGoal, Investment, InvestmentGoal

S, C, F = GoalCategory.STRATEGIC, GoalCategory.COMPETITIVE, GoalCategory.FINANCIAL


def goal(title: str, priority: int, status: GoalStatus = GoalStatus.CONFIRMED, category: GoalCategory = S,
         rank: int = 0) -> Goal:
    return Goal(id=title, account_id="acc", title=title, priority=priority, status=status, category=category,
                rank=rank)


def idea(name: str, stage: IdeaStage, merged_into: str | None = None) -> Idea:
    return Idea(id=name, account_id="acc", title=name, stage=stage, merged_into_id=merged_into)


def link(i: Idea, g: Goal, strength: int = 3) -> IdeaGoal:
    return IdeaGoal(idea_id=i.id, goal_id=g.id, strength=strength)


def money(name: str, amount: float, status: InvestmentStatus = InvestmentStatus.SPENT) -> Investment:
    return Investment(id=name, account_id="acc", name=name, kind=InvestmentKind.PILOT, status=status,
                      amount=amount, period="2026-Q3")


def share(inv: Investment, g: Goal, s: float) -> InvestmentGoal:
    return InvestmentGoal(investment_id=inv.id, goal_id=g.id, share=s)


def test_design_example_priorities_mirrored_with_20_percent_unlinked_scores_80() -> None:
    # Priorities 5, 3, 2 → Σ 10 → p = .5, .3, .2.
    a, b, c = goal("A", 5), goal("B", 3), goal("C", 2)
    # Ideas: adopted→A (1 × 3/3 = 1.0), co-creating→B (.6 × 3/3 = .6), shaping→C (.4), two captured ideas
    # on no goal (.25 + .25 = .5). Total 2.5 → i = .4, .24, .16; u_i = .5/2.5 = .2.
    x, y, z = idea("x", IdeaStage.ADOPTED), idea("y", IdeaStage.CO_CREATING), idea("z", IdeaStage.SHAPING)
    loose = [idea("l1", IdeaStage.CAPTURED), idea("l2", IdeaStage.CAPTURED)]
    # Money: 10,000 spent, shares .4/.24/.16 → m = .4, .24, .16; 2,000 orphan → u_m = .2.
    inv = money("fund", 10_000)
    result = compute_alignment(
        [a, b, c], [x, y, z, *loose], [link(x, a), link(y, b), link(z, c)],
        [inv], [share(inv, a, .4), share(inv, b, .24), share(inv, c, .16)],
    )
    # e = ½·i + ½·m = .4, .24, .16; Σ|p−e| = .1 + .06 + .04 = .2; u = ½·.2 + ½·.2 = .2
    # index = 100 × (1 − ½·.2 − ½·.2) = 80
    assert [round(r.e, 9) for r in result.goals] == [.4, .24, .16]
    assert (result.u_i, result.u_m, result.u) == pytest.approx((.2, .2, .2))
    assert result.distance == pytest.approx(.2)
    assert result.index == pytest.approx(80)
    assert result.orphan_money == pytest.approx(2_000) and result.total_idea_effort == pytest.approx(2.5)
    text = result.explain()
    assert "Alignment index 80" in text and "0.20" in text and "A: p 50%" in text


def test_perfectly_aligned_account_scores_100() -> None:
    # Priorities 4, 1 → p = .8, .2.
    a, b = goal("A", 4), goal("B", 1)
    # Ideas: adopted→A 1.0, captured→B .25; total 1.25 → i = .8, .2. Money 1,000 split .8/.2 → m = .8, .2.
    x, y = idea("x", IdeaStage.ADOPTED), idea("y", IdeaStage.CAPTURED)
    inv = money("m", 1_000, InvestmentStatus.COMMITTED)
    result = compute_alignment([a, b], [x, y], [link(x, a), link(y, b)],
                               [inv], [share(inv, a, .8), share(inv, b, .2)])
    # e = p everywhere, u = 0 → 100 × (1 − 0 − 0) = 100
    assert result.index == pytest.approx(100)
    assert result.reason is None


def test_only_ideas_count_fully_when_there_is_no_money() -> None:
    # Priorities 3, 1 → p = 3/4, 1/4.
    a, b = goal("A", 3), goal("B", 1)
    # proposed→A strength 3: .7 × 3/3 = .7; co-creating→B strength 2: .6 × 2/3 = .4; total 1.1
    # i = 7/11, 4/11. Planned and stopped money does not count, so e = i.
    x, y = idea("x", IdeaStage.PROPOSED), idea("y", IdeaStage.CO_CREATING)
    invs = [money("plan", 5_000, InvestmentStatus.PLANNED), money("stop", 900, InvestmentStatus.STOPPED)]
    result = compute_alignment([a, b], [x, y], [link(x, a, 3), link(y, b, 2)], invs,
                               [share(invs[0], b, 1.0)])
    # |3/4 − 7/11| = |33/44 − 28/44| = 5/44; |1/4 − 4/11| = |11/44 − 16/44| = 5/44; Σ = 10/44
    # index = 100 × (1 − ½ · 10/44) = 100 × 39/44 = 88.636…
    assert result.used_ideas and not result.used_money
    assert result.goal("A").e == pytest.approx(7 / 11)
    assert result.index == pytest.approx(100 * 39 / 44)


def test_only_money_counts_fully_when_there_are_no_ideas() -> None:
    # Priorities 2, 2 → p = .5, .5.
    a, b = goal("A", 2), goal("B", 2)
    # committed 6,000 → A; spent 2,000 → B; planned 5,000 → B ignored; total 8,000 → m = .75, .25.
    # A parked idea on B has stage factor 0, so there is no idea effort and the idea half is left out.
    i1, i2 = money("i1", 6_000, InvestmentStatus.COMMITTED), money("i2", 2_000)
    i3 = money("i3", 5_000, InvestmentStatus.PLANNED)
    parked = idea("p", IdeaStage.PARKED)
    result = compute_alignment([a, b], [parked], [link(parked, b)], [i1, i2, i3],
                               [share(i1, a, 1), share(i2, b, 1), share(i3, b, 1)])
    # Σ|p−e| = |.5 − .75| + |.5 − .25| = .5 → index = 100 × (1 − .25) = 75
    assert result.used_money and not result.used_ideas
    assert result.total_money == 8_000
    assert result.index == pytest.approx(75)
    assert "no active ideas" in result.explain()


def test_effort_on_an_achieved_goal_costs() -> None:
    # A open priority 1 → p = 1; B achieved (priority 5 ignored) → p = 0; C dropped, no effort → p = e = 0.
    a, b = goal("A", 1), goal("B", 5, GoalStatus.ACHIEVED)
    c = goal("C", 4, GoalStatus.DROPPED)
    # adopted→A 1.0, adopted→B 1.0 → i = .5, .5, 0
    x, y = idea("x", IdeaStage.ADOPTED), idea("y", IdeaStage.ADOPTED)
    result = compute_alignment([a, b, c], [x, y], [link(x, a), link(y, b)])
    # Σ|p−e| = |1 − .5| + |0 − .5| + 0 = 1 → index = 100 × (1 − .5) = 50
    assert result.priority_total == 1
    assert result.goal("B").p == 0 and result.goal("B").e == pytest.approx(.5)
    assert result.index == pytest.approx(50)
    # Rows: open goals first; then closed ones by rank (all 0 here), higher priority first: B (5), C (4).
    assert [r.goal_id for r in result.goals] == ["A", "B", "C"]


def test_no_open_goals_is_undefined_not_zero() -> None:
    done = goal("Done", 3, GoalStatus.ACHIEVED)
    x = idea("x", IdeaStage.ADOPTED)
    for result in (compute_alignment([done], [x], [link(x, done)]), compute_alignment([])):
        assert result.index is None and result.reason == REASON_NO_GOALS
        assert "—" in result.explain() and REASON_NO_GOALS in result.explain()


def test_no_effort_is_undefined_not_zero() -> None:
    # Only a declined idea (factor 0) and planned money: nothing counts.
    a = goal("A", 3)
    result = compute_alignment([a], [idea("d", IdeaStage.DECLINED)], [],
                               [money("plan", 100, InvestmentStatus.PLANNED)])
    assert result.index is None and result.reason == REASON_NO_EFFORT
    assert result.goal("A").p == 1 and result.goal("A").e == 0


def test_parked_and_declined_ideas_are_ignored() -> None:
    # Priorities 1, 1 → p = .5, .5. captured→A .25, captured→B .25 → i = .5, .5 → 100.
    # A parked idea on A and a declined idea on no goal change nothing (not active, and factor 0).
    a, b = goal("A", 1), goal("B", 1)
    x, y = idea("x", IdeaStage.CAPTURED), idea("y", IdeaStage.CAPTURED)
    parked, declined = idea("p", IdeaStage.PARKED), idea("d", IdeaStage.DECLINED)
    result = compute_alignment([a, b], [x, y, parked, declined], [link(x, a), link(y, b), link(parked, a)])
    assert result.total_idea_effort == pytest.approx(.5) and result.u_i == 0
    assert result.index == pytest.approx(100)


def test_merged_ideas_are_ignored() -> None:
    # adopted→A 1.0, adopted→B 1.0 → i = .5, .5 = p → 100.
    # m was merged into y; had it counted (1.0 more on A) i would be 2/3, 1/3 and the index 100 × (1 − 1/6).
    a, b = goal("A", 1), goal("B", 1)
    x, y = idea("x", IdeaStage.ADOPTED), idea("y", IdeaStage.ADOPTED)
    merged = idea("m", IdeaStage.ADOPTED, merged_into="y")
    result = compute_alignment([a, b], [x, y, merged], [link(x, a), link(y, b), link(merged, a)])
    assert result.index == pytest.approx(100)


def test_shares_below_one_leave_orphan_money() -> None:
    # A only goal, priority 1 → p = 1.
    # spent 10,000 with .6 on A → 6,000 on A, 4,000 orphan; committed 5,000 with no goal → 5,000 orphan.
    # total 15,000 → m_A = 6/15 = .4; u_m = 9/15 = .6.
    a = goal("A", 1)
    i1, i2 = money("i1", 10_000), money("i2", 5_000, InvestmentStatus.COMMITTED)
    result = compute_alignment([a], [], [], [i1, i2], [share(i1, a, .6)])
    # Σ|p−e| = |1 − .4| = .6; u = .6 (money counts fully) → 100 × (1 − .3 − .3) = 40
    assert result.orphan_money == pytest.approx(9_000)
    assert result.u_m == pytest.approx(.6) and result.u == pytest.approx(.6)
    assert result.index == pytest.approx(40)


def test_shares_above_one_are_scaled_down() -> None:
    # 1,000 with shares .8 + .6 = 1.4 → A 800/1.4 = 571.43, B 600/1.4 = 428.57; nothing orphan.
    a, b = goal("A", 1), goal("B", 1)
    inv = money("i", 1_000)
    result = compute_alignment([a, b], [], [], [inv], [share(inv, a, .8), share(inv, b, .6)])
    assert result.goal("A").money == pytest.approx(1_000 * .8 / 1.4)
    assert result.orphan_money == 0 and result.goal("A").m + result.goal("B").m == pytest.approx(1)


def test_category_profile_sums() -> None:
    # Strategic A (3), strategic B (1), financial C (4) → Σ 8 → p = .375, .125, .5.
    a, b, c = goal("A", 3), goal("B", 1), goal("C", 4, category=F)
    # Ideas: adopted→A 1.0, adopted→C 1.0 → i = .5, 0, .5. Money: 1,000 spent → B → m = 0, 1, 0.
    # e = ½i + ½m = .25, .5, .25.
    x, y = idea("x", IdeaStage.ADOPTED), idea("y", IdeaStage.ADOPTED)
    inv = money("i", 1_000)
    result = compute_alignment([a, b, c], [x, y], [link(x, a), link(y, c)], [inv], [share(inv, b, 1)])
    strategic, financial = result.category(S), result.category(F)
    # strategic: emphasis .375 + .125 = .5; effort .25 + .5 = .75; ideas .5 + 0; money 0 + 1
    assert (strategic.emphasis, strategic.effort) == pytest.approx((.5, .75))
    assert (strategic.idea_effort, strategic.money_effort) == pytest.approx((.5, 1))
    # financial: emphasis .5; effort .25; ideas .5; money 0
    assert (financial.emphasis, financial.effort, financial.idea_effort, financial.money_effort) == \
        pytest.approx((.5, .25, .5, 0))
    assert result.category(C).emphasis == 0 and len(result.categories) == 5
    assert sum(cat.emphasis for cat in result.categories) == pytest.approx(1)
    assert sum(cat.effort for cat in result.categories) == pytest.approx(1 - result.u)
    # Σ|p−e| = .125 + .375 + .25 = .75 → 100 × (1 − .375) = 62.5
    assert result.index == pytest.approx(62.5)


def test_mutual_value_and_quadrants() -> None:
    def valued(customer: int, ours: int) -> Idea:
        return Idea(account_id="acc", title="i", customer_value=customer, our_value=ours)

    assert mutual_value(valued(4, 5)) == 20  # 4 × 5
    assert quadrant(valued(3, 3)) is Quadrant.MUTUAL_WIN  # both ≥ 3
    assert quadrant(valued(5, 2)) is Quadrant.CUSTOMER_WIN
    assert quadrant(valued(2, 5)) is Quadrant.OUR_WIN
    assert quadrant(valued(2, 2)) is Quadrant.NEITHER
    assert all(quadrant_text(q) for q in Quadrant)


# --- Property: the index is always in [0, 100] or None; p sums to 1 over open goals ------------------------

@st.composite
def accounts(draw: st.DrawFn) -> tuple[list, list, list, list, list]:
    goals = [goal(f"g{n}", draw(st.integers(1, 5)), draw(st.sampled_from(GoalStatus)),
                  draw(st.sampled_from(GoalCategory))) for n in range(draw(st.integers(0, 5)))]
    ideas = [idea(f"i{n}", draw(st.sampled_from(IdeaStage)), draw(st.sampled_from([None, "i0"])))
             for n in range(draw(st.integers(0, 5)))]
    idea_links, money_links = [], []
    for i in ideas:
        for g in goals:
            if draw(st.booleans()):
                idea_links.append(link(i, g, draw(st.integers(1, 3))))
    # Amounts in whole cents: subnormal floats such as 5e-324 underflow when split and are not money.
    invs = [money(f"m{n}", draw(st.integers(0, 10**9)) / 100, draw(st.sampled_from(InvestmentStatus)))
            for n in range(draw(st.integers(0, 4)))]
    for inv in invs:
        for g in goals:
            if draw(st.booleans()):
                money_links.append(share(inv, g, draw(st.floats(0.01, 1))))
    return goals, ideas, idea_links, invs, money_links


@given(accounts())
def test_index_is_bounded_and_emphasis_sums_to_one(account: tuple[list, list, list, list, list]) -> None:
    goals = account[0]
    result = compute_alignment(*account)
    assert result.index is None or 0 <= result.index <= 100
    assert (result.index is None) == (result.reason is not None)
    if any(g.status.is_open for g in goals):
        assert math.isclose(sum(r.p for r in result.goals if r.is_open), 1)
    assert all(r.p == 0 for r in result.goals if not r.is_open)
    if result.used_ideas or result.used_money:
        assert math.isclose(sum(r.e for r in result.goals) + result.u, 1)
    assert result.explain()
