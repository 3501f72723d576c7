"""Coaching rules: what a good sales leader would point out about an account, each with its reason.

The rules of issue 7, computed locally from the workbook and shown only to its user:

1. a goal in the top three of the boardroom agenda with no active idea and no money behind it;
2. orphan spend above 10% of the money committed or spent in the account;
3. a stakeholder of influence 4 or 5 who is a sceptic or a detractor, or not contacted for over 60 days;
4. a goal still unconfirmed although the account has had at least two meetings since we noted it — since the
   meeting we heard it in when that is recorded, else since the day the goal was written down;
5. an idea piloting for more than 90 days (since its last stage change).

Rules 1 and 3 use the thresholds of the gap finder (`gap_finder.py`) so that the Overview's gaps and the
coaching agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from immersion.domain.alignment import compute_alignment
from immersion.domain.charts_data import money_text, share_text
from immersion.domain.effort import agenda_order, money_by_goal
from immersion.domain.enums import GoalStatus, IdeaStage
from immersion.domain.gap_finder import CONTACT_DAYS, KEY_INFLUENCE, GapKind, gaps
from immersion.domain.keys import stored_date
from immersion.domain.models import (
    Goal,
    Idea,
    IdeaGoal,
    Investment,
    InvestmentGoal,
    Meeting,
    Stakeholder,
)

__all__ = ["MEETINGS_TO_CONFIRM", "ORPHAN_LIMIT", "PILOT_DAYS", "Tip", "TipKind", "coaching_tips"]

ORPHAN_LIMIT = 0.10
"""Orphan spend above this share of the account's money is worth a word."""
MEETINGS_TO_CONFIRM = 2
"""After this many meetings, a goal should have been confirmed (or dropped) with the customer."""
PILOT_DAYS = 90
"""A pilot running longer than this needs a decision."""


class TipKind(StrEnum):
    """The coaching rules, in the order they are listed."""

    UNCOVERED_TOP_GOAL = "uncovered_top_goal"
    ORPHAN_SPEND = "orphan_spend"
    KEY_STAKEHOLDER = "key_stakeholder"
    UNCONFIRMED_GOAL = "unconfirmed_goal"
    STALLED_PILOT = "stalled_pilot"


@dataclass(frozen=True, slots=True)
class Tip:
    """One rule that fires, pointing at the row it is about.

    Attributes:
        kind: Which rule.
        reason: A sentence with the numbers that made it fire.
        ref_table: The table of the row it is about ("goals", "investments", "stakeholders", "ideas").
        ref_id: That row's id.
    """

    kind: TipKind
    reason: str
    ref_table: str
    ref_id: str


def coaching_tips(
    goals: Sequence[Goal],
    ideas: Sequence[Idea] = (),
    idea_goals: Sequence[IdeaGoal] = (),
    investments: Sequence[Investment] = (),
    investment_goals: Sequence[InvestmentGoal] = (),
    *,
    stakeholders: Sequence[Stakeholder] = (),
    meetings: Sequence[Meeting] = (),
    today: dt.date,
    currency: str = "EUR",
) -> list[Tip]:
    """The coaching rules that fire for one account, in `TipKind` order.

    Args:
        goals: All goals of the account.
        ideas: All ideas of the account.
        idea_goals: Links of ideas to goals.
        investments: All investments of the account.
        investment_goals: Shares of investments given to goals.
        stakeholders: The account's stakeholders.
        meetings: The account's meetings (past and upcoming; only those held by `today` count).
        today: The day "90 days", "60 days" and "held" are measured from.
        currency: The account's currency, for the sentences.
    """
    found = gaps(goals, ideas, idea_goals, investments, investment_goals, stakeholders=stakeholders, today=today)
    tips = [Tip(TipKind.UNCOVERED_TOP_GOAL, g.text, g.ref_table, g.ref_id)
            for g in found if g.kind == GapKind.UNCOVERED_TOP_GOAL]
    tips.extend(_orphan_spend(goals, investments, investment_goals, currency))
    tips.extend(_key_people(stakeholders, today))
    tips.extend(_unconfirmed(goals, meetings, today))
    tips.extend(_stalled_pilots(ideas, today))
    return tips


def _orphan_spend(goals: Sequence[Goal], investments: Sequence[Investment],
                  investment_goals: Sequence[InvestmentGoal], currency: str) -> list[Tip]:
    alignment = compute_alignment(goals, (), (), investments, investment_goals)
    if not alignment.used_money or alignment.u_m <= ORPHAN_LIMIT:
        return []
    _per_goal, _total, orphans = money_by_goal(investments, investment_goals, {g.id for g in goals})
    largest = max(orphans, key=lambda i: (orphans[i], i))
    name = next(inv.name for inv in investments if inv.id == largest)
    return [Tip(
        TipKind.ORPHAN_SPEND,
        f"{money_text(alignment.orphan_money, currency)} of the {money_text(alignment.total_money, currency)}"
        f" committed or spent ({share_text(alignment.u_m)}) serves no customer goal — more than"
        f" {ORPHAN_LIMIT:.0%}. The largest part is in “{name}” ({money_text(orphans[largest], currency)}):"
        " link it to the goals it serves, or ask why we spend it.",
        "investments", largest)]


def _key_people(stakeholders: Sequence[Stakeholder], today: dt.date) -> list[Tip]:
    tips = []
    for person in stakeholders:
        if person.influence < KEY_INFLUENCE:
            continue
        reasons = []
        if person.stance.is_hostile:
            reasons.append(f"is a {person.stance.value}")
        last = stored_date(person.last_contact)
        if last is None:
            reasons.append("has never been contacted")
        elif (today - last).days > CONTACT_DAYS:
            reasons.append(f"was last contacted {(today - last).days} days ago (more than {CONTACT_DAYS})")
        if reasons:
            tips.append(Tip(
                TipKind.KEY_STAKEHOLDER,
                f"{person.name} (influence {person.influence}) {' and '.join(reasons)}: plan who sees them next,"
                " and with what.", "stakeholders", person.id))
    return tips


def _unconfirmed(goals: Sequence[Goal], meetings: Sequence[Meeting], today: dt.date) -> list[Tip]:
    held = sorted((m.starts_at[:16], m.id) for m in meetings
                  if (stored_date(m.starts_at) or dt.date.max) <= today)
    start_of = {m_id: start for start, m_id in held}
    tips = []
    for goal in agenda_order(goals):
        if goal.status != GoalStatus.UNCONFIRMED:
            continue
        source = start_of.get(goal.source_meeting_id or "")
        if source is not None:  # heard in a meeting: count the meetings after that one
            since = [start for start, _id in held if start > source]
            noted = f"since the meeting we heard it in ({source[:10]})"
        else:  # written down outside a meeting: count meetings on later days
            created = goal.created_at[:10]
            since = [start for start, _id in held if start[:10] > created]
            noted = f"since it was noted on {created}"
        if len(since) >= MEETINGS_TO_CONFIRM:
            tips.append(Tip(
                TipKind.UNCONFIRMED_GOAL,
                f"“{goal.title}” is still unconfirmed after {len(since)} meetings {noted}: confirm it with"
                " the customer, or drop it.", "goals", goal.id))
    return tips


def _stalled_pilots(ideas: Sequence[Idea], today: dt.date) -> list[Tip]:
    tips = []
    for idea in sorted(ideas, key=lambda i: (i.stage_changed_at or i.created_at, i.id)):
        if idea.stage != IdeaStage.PILOTING or idea.merged_into_id is not None:
            continue
        since = stored_date(idea.stage_changed_at) or stored_date(idea.created_at)
        if since is None or (today - since).days <= PILOT_DAYS:
            continue
        tips.append(Tip(
            TipKind.STALLED_PILOT,
            f"“{idea.title}” has been piloting for {(today - since).days} days (since {since.isoformat()}),"
            f" more than {PILOT_DAYS}: decide with the customer — adopt it, reshape it or park it.",
            "ideas", idea.id))
    return tips
