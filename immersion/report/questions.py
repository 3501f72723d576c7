"""Suggested questions for the meeting, generated from what the workbook does not know yet.

Three sources, in this order:

1. unconfirmed goals (agenda order): is it still a priority, and how is it measured;
2. uncovered top goals, the open goals in the top three of the agenda with no active idea and no money behind
   them (the gap finder's rule): where could we help, and who owns it;
3. influencers we have not reached, stakeholders of influence ≥ 4 never contacted, not contacted for more than
   60 days (the gap finder's thresholds), or covered by nobody of ours: how do they see the goal they own (or the
   top goal), and would they join us. These reveal our reading of influence, so only the internal edition
   asks them; the caller leaves out the people who attend the meeting (they will be in the room).

Pure Python. A question is a template marked for translation plus its values; the renderer translates the
template and puts the (escaped) values in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence

from immersion.domain.gap_finder import CONTACT_DAYS, KEY_INFLUENCE
from immersion.domain.models import Stakeholder
from immersion.report.model import GoalLine, Question
from immersion.report.options import QT_TRANSLATE_NOOP

MAX_UNCONFIRMED = 4
MAX_UNCOVERED = 3
MAX_PEOPLE = 3

UNCONFIRMED_KPI = QT_TRANSLATE_NOOP(
    "Report",
    "“{goal}”: is this still among your priorities, and is “{kpi}” the measure you will be judged on?")
UNCONFIRMED = QT_TRANSLATE_NOOP(
    "Report", "“{goal}”: is this still among your priorities, and how will you measure success?")
UNCOVERED = QT_TRANSLATE_NOOP(
    "Report", "“{goal}” is number {place} on your agenda: where could we help most, and who owns it on your side?")
UNREACHED = QT_TRANSLATE_NOOP(
    "Report", "How does {person} ({title}) see “{goal}”, and would they join us for the next step?")
UNREACHED_NO_TITLE = QT_TRANSLATE_NOOP(
    "Report", "How does {person} see “{goal}”, and would they join us for the next step?")


def _unreached(person: Stakeholder, covered: Collection[str], today: dt.date) -> bool:
    if person.influence < KEY_INFLUENCE:
        return False
    if person.id not in covered:
        return True
    try:
        last = dt.date.fromisoformat((person.last_contact or "")[:10])
    except ValueError:
        return True  # never contacted (or no readable date)
    return (today - last).days > CONTACT_DAYS


def suggest(
    goals: Sequence[GoalLine],
    uncovered: Collection[str],
    stakeholders: Sequence[Stakeholder],
    covered: Collection[str],
    goal_owners: Mapping[str, str],
    *,
    internal: bool,
    today: dt.date,
) -> tuple[Question, ...]:
    """The suggested questions, in the module docstring's order.

    Args:
        goals: The open goals in agenda order.
        uncovered: Ids of the uncovered top goals.
        stakeholders: The account's stakeholders.
        covered: Ids of the stakeholders someone of ours covers.
        goal_owners: The owning stakeholder's id of each goal that has one, by goal id.
        internal: Whether this is the internal edition (only it asks about influencers).
        today: The day "not contacted for 60 days" is measured from.
    """
    found: list[Question] = []
    asked: set[str] = set()
    for goal in [g for g in goals if g.status == "unconfirmed"][:MAX_UNCONFIRMED]:
        values = (("goal", goal.title),) + ((("kpi", goal.kpi),) if goal.kpi else ())
        found.append(Question("unconfirmed_goal", UNCONFIRMED_KPI if goal.kpi else UNCONFIRMED, values, goal.title))
        asked.add(goal.id)
    top = [g for g in goals if g.id in uncovered and g.id not in asked][:MAX_UNCOVERED]
    for goal in top:
        found.append(Question("uncovered_goal", UNCOVERED, (("goal", goal.title), ("place", str(goal.place))),
                              goal.title))
    if not internal or not goals:
        return tuple(found)
    owned: dict[str, GoalLine] = {}
    for goal in goals:  # a person owning several goals is asked about the highest on the agenda
        if goal.id in goal_owners:
            owned.setdefault(goal_owners[goal.id], goal)
    people = sorted((s for s in stakeholders if _unreached(s, covered, today)),
                    key=lambda s: (-s.influence, s.name.casefold(), s.id))[:MAX_PEOPLE]
    for person in people:
        goal = owned.get(person.id, goals[0])
        values = (("person", person.name), ("goal", goal.title)) + ((("title", person.title),) if person.title else ())
        found.append(Question("unreached_influencer", UNREACHED if person.title else UNREACHED_NO_TITLE, values,
                              person.name))
    return tuple(found)
