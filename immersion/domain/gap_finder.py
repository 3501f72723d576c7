"""Gaps: the things in an account that DESIGN.md says deserve attention before the next meeting.

- open goals in the top three of the boardroom agenda with no active idea and no money behind them;
- orphan spend: committed or spent money linked to no goal;
- stakeholders with influence ≥ 4 who are sceptic or detractor, or not contacted for more than 60 days;
- goals still unconfirmed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from immersion.domain.effort import active_ideas, agenda_order, money_by_goal
from immersion.domain.enums import GoalStatus
from immersion.domain.keys import stored_date
from immersion.domain.models import Goal, Idea, IdeaGoal, Investment, InvestmentGoal, Stakeholder

__all__ = ["CONTACT_DAYS", "KEY_INFLUENCE", "TOP_AGENDA", "Gap", "GapKind", "gaps"]

TOP_AGENDA = 3
"""How many open goals at the top of the agenda must have effort behind them."""
KEY_INFLUENCE = 4
"""Stakeholders with at least this influence are watched for stance and contact."""
CONTACT_DAYS = 60
"""A key stakeholder not contacted for more than this many days is forgotten."""


_SHARE_NOISE = 1e-9


class GapKind(StrEnum):
    """The kinds of gap, in the order they are listed."""

    UNCOVERED_TOP_GOAL = "uncovered_top_goal"
    ORPHAN_SPEND = "orphan_spend"
    HOSTILE_INFLUENCER = "hostile_influencer"
    FORGOTTEN_INFLUENCER = "forgotten_influencer"
    UNCONFIRMED_GOAL = "unconfirmed_goal"


@dataclass(frozen=True, slots=True)
class Gap:
    """One gap, pointing at the row it is about.

    Attributes:
        kind: What kind of gap.
        text: A sentence for the user.
        ref_table: The table of the row it is about (`goals`, `investments`, `stakeholders`).
        ref_id: The id of that row.
        amount: Orphan money, for orphan spend; else None.
        share: The part of the investment that is orphan (0–1), for orphan spend; else None.
    """

    kind: GapKind
    text: str
    ref_table: str
    ref_id: str
    amount: float | None = None
    share: float | None = None


def gaps(
    goals: Sequence[Goal],
    ideas: Sequence[Idea] = (),
    idea_goals: Sequence[IdeaGoal] = (),
    investments: Sequence[Investment] = (),
    investment_goals: Sequence[InvestmentGoal] = (),
    *,
    stakeholders: Sequence[Stakeholder] = (),
    today: dt.date,
) -> list[Gap]:
    """Find the gaps of one account.

    Args:
        goals: All goals of the account.
        ideas: All ideas of the account; parked, declined and merged ideas do not cover a goal.
        idea_goals: Links of ideas to goals.
        investments: All investments; only committed and spent money covers a goal or is orphan spend.
        investment_goals: Shares of investments given to goals.
        stakeholders: The account's stakeholders.
        today: The date "60 days without contact" is measured from.

    Returns:
        The gaps, grouped in `GapKind` order; goals in agenda order, investments and people as given.
    """
    goal_ids = {g.id for g in goals}
    money, _total, orphans = money_by_goal(investments, investment_goals, goal_ids)
    live = {idea.id for idea in active_ideas(ideas)}
    with_ideas = {link.goal_id for link in idea_goals if link.idea_id in live}
    ordered = [g for g in agenda_order(goals) if g.status.is_open]

    found: list[Gap] = []
    for place, goal in enumerate(ordered[:TOP_AGENDA], start=1):
        if goal.id not in with_ideas and money.get(goal.id, 0.0) <= 0:
            found.append(Gap(
                GapKind.UNCOVERED_TOP_GOAL,
                f"“{goal.title}” is #{place} on the boardroom agenda,"
                " but no active idea and no money serve it.",
                "goals", goal.id,
            ))
    for inv in investments:
        amount = orphans.get(inv.id, 0.0)
        # Shares such as .4 + .35 + .25 may not add up to exactly 1 in floating point; that is not a gap.
        if amount > _SHARE_NOISE * inv.amount:
            found.append(Gap(
                GapKind.ORPHAN_SPEND,
                f"{amount:,.0f} {inv.currency} of “{inv.name}” ({amount / inv.amount:.0%} of it)"
                " is linked to no customer goal.",
                "investments", inv.id, amount=amount, share=amount / inv.amount,
            ))
    key_people = [s for s in stakeholders if s.influence >= KEY_INFLUENCE]
    for person in key_people:
        if person.stance.is_hostile:
            found.append(Gap(
                GapKind.HOSTILE_INFLUENCER,
                f"{person.name} (influence {person.influence}) is a {person.stance.value}.",
                "stakeholders", person.id,
            ))
    for person in key_people:
        text = _forgotten(person, today)
        if text:
            found.append(Gap(GapKind.FORGOTTEN_INFLUENCER, text, "stakeholders", person.id))
    for goal in ordered:
        if goal.status == GoalStatus.UNCONFIRMED:
            found.append(Gap(
                GapKind.UNCONFIRMED_GOAL,
                f"“{goal.title}” is still unconfirmed: check it with the customer.",
                "goals", goal.id,
            ))
    return found


def _forgotten(person: Stakeholder, today: dt.date) -> str | None:
    """The gap text if a key stakeholder has not been contacted for more than `CONTACT_DAYS`, else None."""
    last = stored_date(person.last_contact)  # a date or a full timestamp
    if last is None:
        return f"{person.name} (influence {person.influence}) has never been contacted."
    days = (today - last).days
    if days > CONTACT_DAYS:
        return f"{person.name} (influence {person.influence}) was last contacted {days} days ago."
    return None
