"""The people of a briefing: a card for each customer attendee, and our side with whom each of us covers.

Without a meeting (or with nobody of the customer in it) the cards show the account's key stakeholders, the
most influential first. Our open promises to a person are the open action items owned by our side that came out
of meetings the person attended, soonest due first. The customer edition keeps names, titles, levels and our
promises; stance, influence, buying role, personal wins, notes, contact dates and coverage strength stay out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from immersion.domain.gap_finder import KEY_INFLUENCE
from immersion.domain.models import ActionItem, Stakeholder, TeamMember
from immersion.report.model import ActionLine, Card, TeamLine
from immersion.store import edits
from immersion.store.workbook import Workbook

KEY_PEOPLE = 6
"""How many key stakeholders an account briefing without a meeting shows."""
PROMISES = 4
"""At most this many open promises on one card."""

Row = dict[str, Any]


def action_line(item: ActionItem, names: Mapping[str, str], meetings: Mapping[str, str], today: dt.date,
                flag_overdue: bool = True) -> ActionLine:
    """An action item as a briefing line, its owner and meeting by name."""
    owner_id = item.owner_stakeholder_id or item.owner_team_member_id
    overdue = bool(flag_overdue and not item.done and item.due_date and item.due_date < today.isoformat())
    return ActionLine(text=item.text, owner=names.get(owner_id) if owner_id else None,
                      ours=item.owner_stakeholder_id is None, due_date=item.due_date, done_at=item.done_at,
                      overdue=overdue, meeting=meetings.get(item.meeting_id or ""))


def _days_since(text: str | None, today: dt.date) -> int | None:
    if not text:
        return None
    try:
        return (today - dt.date.fromisoformat(text[:10])).days
    except ValueError:  # an unreadable date is as good as none
        return None


def _coverage(wb: Workbook, stakeholder_ids: Sequence[str]) -> list[Row]:
    """The coverage rows of these stakeholders (a handful of indexed look-ups)."""
    found: list[Row] = []
    for person in stakeholder_ids:
        found.extend(edits.rows(wb, "coverage", stakeholder_id=person))
    return found


def people_in_room(
    wb: Workbook,
    meeting: Row | None,
    meetings: Sequence[Row],
    stakeholders: Sequence[Stakeholder],
    team: Mapping[str, TeamMember],
    actions: Sequence[ActionItem],
    names: Mapping[str, str],
    *,
    internal: bool,
    today: dt.date,
) -> tuple[tuple[Card, ...], bool, tuple[TeamLine, ...]]:
    """The cards of the customer's people and the lines of our side.

    Args:
        wb: The workbook (coverage is read from it).
        meeting: The meeting as `meetings.meetings_for_account` returns it, or None.
        meetings: All the account's meetings, in the same form (for who attended what).
        stakeholders: The account's stakeholders.
        team: Every team member by id.
        actions: The account's action items.
        names: Names of stakeholders and team members by id.
        internal: Whether this is the internal edition.
        today: The day the briefing is prepared.

    Returns:
        (cards, whether the cards are the meeting's attendees, our side's lines).
    """
    by_id = {s.id: s for s in stakeholders}
    attendees = [by_id[i] for i in (meeting or {}).get("stakeholder_ids", []) if i in by_id]
    are_attendees = bool(attendees)
    if not are_attendees:
        attendees = sorted((s for s in stakeholders if s.influence >= KEY_INFLUENCE),
                           key=lambda s: (-s.influence, s.name.casefold(), s.id))[:KEY_PEOPLE]
    else:
        attendees.sort(key=lambda s: (s.name.casefold(), s.id))
    coverage = _coverage(wb, [s.id for s in attendees])
    attended: dict[str, set[str]] = {}
    for row in meetings:
        for person in row.get("stakeholder_ids", []):
            attended.setdefault(person, set()).add(row["id"])
    titles = {row["id"]: row["title"] for row in meetings}
    open_ours = sorted((a for a in actions if not a.done and a.owner_stakeholder_id is None and a.meeting_id),
                       key=lambda a: (a.due_date is None, a.due_date or "", a.text.casefold(), a.id))
    cards = []
    for person in attendees:
        seen = attended.get(person.id, set())
        promises = tuple(action_line(a, names, titles, today, flag_overdue=internal)
                         for a in open_ours if a.meeting_id in seen)[:PROMISES]
        covered = tuple(sorted(((names.get(c["team_member_id"], "?"), c["strength"] if internal else None)
                                for c in coverage if c["stakeholder_id"] == person.id),
                               key=lambda pair: (-(pair[1] or 0), pair[0].casefold())))
        cards.append(Card(
            id=person.id, name=person.name, title=person.title, level=person.level.value,
            buying_role=person.buying_role.value if internal and person.buying_role else None,
            stance=person.stance.value if internal else None,
            influence=person.influence if internal else None,
            personal_wins=person.personal_wins if internal else None,
            notes=person.notes if internal else None,
            last_contact=person.last_contact if internal else None,
            days_since_contact=_days_since(person.last_contact, today) if internal else None,
            covered_by=covered if internal else (), promises=promises))
    ours = list((meeting or {}).get("team_member_ids", [])) if are_attendees else sorted(
        {c["team_member_id"] for c in coverage}, key=lambda i: names.get(i, "").casefold())
    customer = {p.id: p.name for p in attendees}
    lines = []
    for member_id in ours:
        member = team.get(member_id)
        if member is None:
            continue
        covers = tuple(sorted(((customer[c["stakeholder_id"]], c["strength"] if internal else None)
                               for c in coverage if c["team_member_id"] == member_id),
                              key=lambda pair: (-(pair[1] or 0), pair[0].casefold())))
        lines.append(TeamLine(member.name, member.title, member.organisation, covers))
    lines.sort(key=lambda line: (not line.covers, line.name.casefold()))
    return tuple(cards), are_attendees, tuple(lines)
