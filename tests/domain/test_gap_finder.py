"""Each kind of gap (DESIGN.md "Gaps"), on small accounts worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from immersion.domain.alignment import Gap, GapKind, gaps
from immersion.domain.enums import (
    GoalCategory,
    GoalStatus,
    IdeaStage,
    InvestmentKind,
    InvestmentStatus,
    Stance,
)
from immersion.domain.models import Goal, Idea, IdeaGoal, Investment, InvestmentGoal, Stakeholder

TODAY = dt.date(2026, 6, 30)


def goal(title: str, rank: int, status: GoalStatus = GoalStatus.CONFIRMED) -> Goal:
    return Goal(id=title, account_id="acc", title=title, category=GoalCategory.STRATEGIC, rank=rank,
                status=status)


def money(name: str, amount: float, status: InvestmentStatus = InvestmentStatus.SPENT) -> Investment:
    return Investment(id=name, account_id="acc", name=name, kind=InvestmentKind.CO_MARKETING, status=status,
                      amount=amount, period="2026-Q2")


def person(name: str, influence: int, stance: Stance = Stance.NEUTRAL,
           last: str | None = "2026-06-20") -> Stakeholder:
    return Stakeholder(id=name, account_id="acc", name=name, influence=influence, stance=stance,
                       last_contact=last)


def of_kind(found: list[Gap], kind: GapKind) -> list[Gap]:
    return [g for g in found if g.kind == kind]


def test_uncovered_top_goal() -> None:
    # Agenda (open goals by rank): G1, G2, G3, G4. G0 has rank 0 but is achieved, so it is not on the agenda.
    g0 = goal("G0", 0, GoalStatus.ACHIEVED)
    g1, g2, g3, g4 = (goal(f"G{n}", n) for n in range(1, 5))
    active, parked = Idea(id="x", account_id="acc", title="x"), Idea(id="p", account_id="acc", title="p",
                                                                    stage=IdeaStage.PARKED)
    merged = Idea(id="m", account_id="acc", title="m", merged_into_id="x")
    plan = money("plan", 1_000, InvestmentStatus.PLANNED)
    paid = money("paid", 1_000, InvestmentStatus.COMMITTED)
    found = gaps(
        [g4, g3, g2, g1, g0], [active, parked, merged],
        # G1: an active idea covers it. G2: only a parked idea, a merged idea and planned money → uncovered.
        [IdeaGoal(idea_id="x", goal_id="G1"), IdeaGoal(idea_id="p", goal_id="G2"),
         IdeaGoal(idea_id="m", goal_id="G2")],
        # G3: half of a committed investment covers it. G4: uncovered, but fourth on the agenda.
        [plan, paid], [InvestmentGoal(investment_id="plan", goal_id="G2", share=1),
                       InvestmentGoal(investment_id="paid", goal_id="G3", share=.5)],
        today=TODAY,
    )
    uncovered = of_kind(found, GapKind.UNCOVERED_TOP_GOAL)
    assert [(g.ref_table, g.ref_id) for g in uncovered] == [("goals", "G2")]
    assert "#2" in uncovered[0].text and "G2" in uncovered[0].text


def test_orphan_spend() -> None:
    # 10,000 spent with .75 on a goal → 2,500 orphan, a quarter of it. Planned money is not spend.
    g = goal("G", 1)
    inv, plan = money("fund", 10_000), money("plan", 4_000, InvestmentStatus.PLANNED)
    exact = money("exact", 900)  # .7 + .2 + .1 is 0.9999999999999999 in floating point: still no orphan
    links = [InvestmentGoal(investment_id="fund", goal_id="G", share=.75)]
    links += [InvestmentGoal(investment_id="exact", goal_id=gid, share=s) for gid, s in
              (("G", .7), ("H", .2), ("I", .1))]
    found = gaps([g, goal("H", 2), goal("I", 3)], [], [], [inv, plan, exact], links, today=TODAY)
    orphans = of_kind(found, GapKind.ORPHAN_SPEND)
    assert [(o.ref_table, o.ref_id) for o in orphans] == [("investments", "fund")]
    assert orphans[0].amount == pytest.approx(2_500) and orphans[0].share == pytest.approx(.25)
    assert "2,500 EUR" in orphans[0].text and "25%" in orphans[0].text


def test_hostile_influencer() -> None:
    people = [person("Sam", 4, Stance.SCEPTIC), person("Dee", 5, Stance.DETRACTOR),
              person("Low", 3, Stance.DETRACTOR), person("Cham", 5, Stance.CHAMPION)]
    found = of_kind(gaps([], stakeholders=people, today=TODAY), GapKind.HOSTILE_INFLUENCER)
    # Influence ≥ 4 and sceptic/detractor: Sam and Dee; Low's influence is 3; Cham is a champion.
    assert [(g.ref_table, g.ref_id) for g in found] == [("stakeholders", "Sam"), ("stakeholders", "Dee")]
    assert "sceptic" in found[0].text


def test_forgotten_influencer() -> None:
    people = [
        person("Never", 4, last=None),  # never contacted → gap
        person("Sixty", 5, last="2026-05-01"),  # May 1 → June 30 = 30 + 30 = 60 days: not more than 60
        person("SixtyOne", 5, last="2026-04-30"),  # 61 days → gap
        person("Minor", 3, last=None),  # influence 3: not watched
        person("Recent", 4, last="2026-06-01T10:00:00Z"),  # a timestamp works too: 29 days
    ]
    found = of_kind(gaps([], stakeholders=people, today=TODAY), GapKind.FORGOTTEN_INFLUENCER)
    assert [g.ref_id for g in found] == ["Never", "SixtyOne"]
    assert "never" in found[0].text and "61 days" in found[1].text


def test_unconfirmed_goal() -> None:
    goals = [goal("B", 2, GoalStatus.UNCONFIRMED), goal("A", 1, GoalStatus.UNCONFIRMED), goal("C", 0),
             goal("D", 0, GoalStatus.DROPPED)]
    found = of_kind(gaps(goals, today=TODAY), GapKind.UNCONFIRMED_GOAL)
    assert [g.ref_id for g in found] == ["A", "B"]  # agenda order
    assert "unconfirmed" in found[0].text


def test_gaps_come_in_kind_order() -> None:
    g = goal("G", 1, GoalStatus.UNCONFIRMED)
    found = gaps([g], [], [], [money("m", 100)], [], stakeholders=[person("P", 5, Stance.DETRACTOR, None)],
                 today=TODAY)
    assert [x.kind for x in found] == list(GapKind)
