"""Coaching rules, each with a worked example just on either side of its threshold."""

from __future__ import annotations

import datetime as dt

from immersion.domain.coaching import ORPHAN_LIMIT, Tip, TipKind, coaching_tips
from immersion.domain.enums import GoalCategory, GoalStatus, IdeaStage, InvestmentKind, InvestmentStatus, Stance
from immersion.domain.models import Goal, Idea, IdeaGoal, Investment, InvestmentGoal, Meeting, Stakeholder

TODAY = dt.date(2026, 11, 28)


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def goal(gid: str, rank: int, status: GoalStatus = GoalStatus.CONFIRMED, created: int = -200,
         source: str | None = None) -> Goal:
    return Goal(id=gid, account_id="acc", title=gid, category=GoalCategory.STRATEGIC, rank=rank, status=status,
                created_at=f"{day(created)}T09:00:00.000Z", source_meeting_id=source)


def meeting(mid: str, offset: int) -> Meeting:
    return Meeting(id=mid, account_id="acc", title=mid, starts_at=f"{day(offset)}T10:00")


def spent(mid: str, amount: float) -> Investment:
    return Investment(id=mid, account_id="acc", name=mid, kind=InvestmentKind.PILOT, status=InvestmentStatus.SPENT,
                      amount=amount, period="2026-Q3")


def tips(**kwargs) -> list[Tip]:  # noqa: ANN003
    kwargs.setdefault("goals", [])
    goals = kwargs.pop("goals")
    return coaching_tips(goals, today=TODAY, **kwargs)


def kinds(found: list[Tip]) -> list[tuple[TipKind, str]]:
    return [(t.kind, t.ref_id) for t in found]


def test_top_three_goal_with_no_active_idea_and_no_money() -> None:
    goals = [goal("g1", 0), goal("g2", 1), goal("g3", 2), goal("g4", 3)]
    active = Idea(id="i", account_id="acc", title="i", stage=IdeaStage.SHAPING)
    parked = Idea(id="p", account_id="acc", title="p", stage=IdeaStage.PARKED)
    links = [IdeaGoal(idea_id="i", goal_id="g1"), IdeaGoal(idea_id="p", goal_id="g2")]
    money = [InvestmentGoal(investment_id="m", goal_id="g3", share=1.0)]
    # g1 has an active idea, g3 money; g2 only a parked idea (does not count); g4 is fourth (not watched).
    found = tips(goals=goals, ideas=[active, parked], idea_goals=links, investments=[spent("m", 100)],
                 investment_goals=money)
    assert kinds(found) == [(TipKind.UNCOVERED_TOP_GOAL, "g2")]
    assert "#2 on the boardroom agenda" in found[0].reason and found[0].ref_table == "goals"


def test_orphan_spend_fires_only_above_ten_percent() -> None:
    g = goal("g", 0)
    # 1,000 spent, 900 linked: 100 orphan = exactly 10% → quiet.
    at_limit = tips(goals=[g], investments=[spent("a", 900), spent("b", 100)],
                    investment_goals=[InvestmentGoal(investment_id="a", goal_id="g", share=1.0)])
    assert not [t for t in at_limit if t.kind == TipKind.ORPHAN_SPEND]
    assert ORPHAN_LIMIT == 0.10
    # 1,000 spent: a 890 linked, b 110 not → 11% orphan → fires, pointing at b.
    above = tips(goals=[g], investments=[spent("a", 890), spent("b", 110)],
                 investment_goals=[InvestmentGoal(investment_id="a", goal_id="g", share=1.0)])
    orphan = [t for t in above if t.kind == TipKind.ORPHAN_SPEND]
    assert kinds(orphan) == [(TipKind.ORPHAN_SPEND, "b")]
    assert orphan[0].reason.startswith("110 EUR of the 1,000 EUR committed or spent (11%) serves no customer goal")
    assert "“b” (110 EUR)" in orphan[0].reason


def test_key_stakeholder_sceptical_or_forgotten() -> None:
    def person(pid: str, influence: int, stance: Stance = Stance.SUPPORTER, contact: int | None = -10) -> Stakeholder:
        return Stakeholder(id=pid, account_id="acc", name=pid, influence=influence, stance=stance,
                           last_contact=day(contact) if contact is not None else None)

    people = [
        person("low", 3, Stance.DETRACTOR, None),  # influence 3: not watched
        person("sixty", 4, contact=-60),  # exactly 60 days: still fine
        person("late", 4, contact=-61),  # 61 days: forgotten
        person("never", 5, contact=None),  # never contacted
        person("sceptic", 5, Stance.SCEPTIC),  # hostile, recently seen
        person("both", 4, Stance.DETRACTOR, -90),  # hostile and forgotten: one tip, both reasons
    ]
    found = tips(stakeholders=people)
    assert kinds(found) == [(TipKind.KEY_STAKEHOLDER, pid) for pid in ("late", "never", "sceptic", "both")]
    by_id = {t.ref_id: t.reason for t in found}
    assert by_id["late"].startswith("late (influence 4) was last contacted 61 days ago (more than 60)")
    assert by_id["never"].startswith("never (influence 5) has never been contacted")
    assert by_id["both"].startswith("both (influence 4) is a detractor and was last contacted 90 days ago")


def test_goal_unconfirmed_after_two_meetings() -> None:
    meetings = [meeting("m1", -100), meeting("m2", -50), meeting("m3", -5), meeting("future", 10)]
    goals = [
        goal("old", 0, GoalStatus.UNCONFIRMED, created=-120),  # m1, m2, m3 since: fires (3)
        goal("recent", 1, GoalStatus.UNCONFIRMED, created=-30),  # only m3 since; the future one not held
        goal("heard", 2, GoalStatus.UNCONFIRMED, created=-1, source="m1"),  # m2 and m3 after its meeting: fires
        goal("heard late", 3, GoalStatus.UNCONFIRMED, created=-1, source="m2"),  # only m3 after m2
        goal("sure", 4, GoalStatus.CONFIRMED, created=-120),  # confirmed: quiet
    ]
    found = [t for t in tips(goals=goals, meetings=meetings) if t.kind == TipKind.UNCONFIRMED_GOAL]
    assert kinds(found) == [(TipKind.UNCONFIRMED_GOAL, "old"), (TipKind.UNCONFIRMED_GOAL, "heard")]
    assert "after 3 meetings since it was noted on" in found[0].reason
    assert f"after 2 meetings since the meeting we heard it in ({day(-100)})" in found[1].reason


def test_idea_piloting_for_over_ninety_days() -> None:
    def pilot(iid: str, since: int | None, stage: IdeaStage = IdeaStage.PILOTING, created: int = -300) -> Idea:
        return Idea(id=iid, account_id="acc", title=iid, stage=stage, created_at=f"{day(created)}T08:00:00.000Z",
                    stage_changed_at=f"{day(since)}T08:00:00.000Z" if since is not None else None)

    ideas = [pilot("ninety", -90), pilot("long", -91), pilot("adopted", -200, IdeaStage.ADOPTED),
             pilot("unknown", None, created=-120)]  # no stage change recorded: since it was created
    found = tips(ideas=ideas)
    assert kinds(found) == [(TipKind.STALLED_PILOT, "unknown"), (TipKind.STALLED_PILOT, "long")]
    assert found[1].reason.startswith(f"“long” has been piloting for 91 days (since {day(-91)})")
    assert found[1].ref_table == "ideas"


def test_a_healthy_account_gets_no_coaching() -> None:
    g = goal("g", 0)
    active = Idea(id="i", account_id="acc", title="i", stage=IdeaStage.PROPOSED)
    assert tips(goals=[g], ideas=[active], idea_goals=[IdeaGoal(idea_id="i", goal_id="g")],
                meetings=[meeting("m", -3)]) == []
