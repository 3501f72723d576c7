"""Meetings and what comes out of them: attendees, insights, action items, and social-selling touchpoints.

Reading functions return plain dicts (a row of the table plus the names a screen shows next to it), so item
models can show them without another query. Edits that write more than one row (attendees, an insight that
confirms a goal) run in one transaction and return one `Changes`, so that each user action is one undo step.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from immersion.domain.enums import GoalStatus, InsightKind, MeetingKind
from immersion.domain.keys import utc_now
from immersion.store.edits import Changes, _delete, _insert, _integrity, _update  # noqa: PLC2701 - same package
from immersion.store.errors import EditError
from immersion.store.workbook import Workbook

Row = dict[str, Any]


def local_now() -> str:
    """The current local time as meetings store it ("2026-12-04T11:00:00")."""
    return _dt.datetime.now().replace(microsecond=0).isoformat()


def _stamp(moment: _dt.datetime | str | None) -> str:
    if moment is None:
        return local_now()
    if isinstance(moment, _dt.datetime):
        return moment.replace(microsecond=0, tzinfo=None).isoformat()
    return moment


def _account_of_meeting(conn: sqlite3.Connection, meeting_id: str) -> str:
    row = conn.execute("SELECT account_id FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    if row is None:
        raise EditError("", "That meeting no longer exists.")
    return row[0]


# -- meetings ------------------------------------------------------------------------------------------------


def meetings_for_account(wb: Workbook, account_id: str, now: _dt.datetime | str | None = None) -> list[Row]:
    """The account's meetings: upcoming ones first (soonest first), then past ones (most recent first).

    Each row is the meeting's own row plus `upcoming` (bool), `customer` and `ours` (attendee names, sorted),
    `stakeholder_ids` and `team_member_ids`, `insights` (count) and `open_actions` (count of actions not done).

    Args:
        now: the moment that separates upcoming from past (default: the local time now); a meeting starting
            exactly now counts as past, as on the account overview.
    """
    moment = _stamp(now)
    conn = wb.conn
    rows = [dict(r) for r in conn.execute(
        "SELECT id, account_id, kind, title, starts_at, duration_minutes, location, purpose, outcome, "
        "created_at, updated_at FROM meetings WHERE account_id = ?", (account_id,))]
    people: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: {"customer": [], "ours": []})
    for r in conn.execute(
            "SELECT a.meeting_id, a.stakeholder_id, a.team_member_id, coalesce(s.name, t.name) AS name "
            "FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id "
            "LEFT JOIN stakeholders s ON s.id = a.stakeholder_id "
            "LEFT JOIN team_members t ON t.id = a.team_member_id WHERE m.account_id = ?", (account_id,)):
        side = "customer" if r["stakeholder_id"] else "ours"
        people[r["meeting_id"]][side].append((r["name"], r["stakeholder_id"] or r["team_member_id"]))
    insights = dict(conn.execute(
        "SELECT meeting_id, count(*) FROM insights WHERE account_id = ? AND meeting_id IS NOT NULL "
        "GROUP BY meeting_id", (account_id,)).fetchall())
    actions = dict(conn.execute(
        "SELECT meeting_id, count(*) FROM action_items WHERE account_id = ? AND done = 0 "
        "AND meeting_id IS NOT NULL GROUP BY meeting_id", (account_id,)).fetchall())
    for row in rows:
        who = people.get(row["id"], {"customer": [], "ours": []})
        customer, ours = sorted(who["customer"], key=_by_name), sorted(who["ours"], key=_by_name)
        row.update(upcoming=row["starts_at"] > moment, customer=[n for n, _ in customer], ours=[n for n, _ in ours],
                   stakeholder_ids=[i for _, i in customer], team_member_ids=[i for _, i in ours],
                   insights=insights.get(row["id"], 0), open_actions=actions.get(row["id"], 0))
    upcoming = sorted((r for r in rows if r["upcoming"]), key=lambda r: (r["starts_at"], r["title"]))
    past = sorted((r for r in rows if not r["upcoming"]), key=lambda r: (r["starts_at"], r["title"]), reverse=True)
    return upcoming + past


def _by_name(item: tuple[str, str]) -> str:
    return item[0].casefold()


def meeting(wb: Workbook, meeting_id: str) -> Row | None:
    """One meeting's row with `stakeholder_ids` and `team_member_ids` of its attendees; None when gone."""
    row = wb.conn.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    if row is None:
        return None
    result = dict(row)
    stakeholders, members = attendees(wb, meeting_id)
    result.update(stakeholder_ids=stakeholders, team_member_ids=members)
    return result


def attendees(wb: Workbook, meeting_id: str) -> tuple[list[str], list[str]]:
    """The ids of a meeting's attendees: (stakeholders, team members)."""
    stakeholders, members = [], []
    for r in wb.conn.execute("SELECT stakeholder_id, team_member_id FROM meeting_attendees WHERE meeting_id = ? "
                             "ORDER BY created_at, id", (meeting_id,)):
        if r["stakeholder_id"]:
            stakeholders.append(r["stakeholder_id"])
        else:
            members.append(r["team_member_id"])
    return stakeholders, members


def add_meeting(wb: Workbook, account_id: str, title: str, starts_at: _dt.datetime | str | None = None,
                kind: str = MeetingKind.DISCOVERY, stakeholder_ids: Iterable[str] = (),
                team_member_ids: Iterable[str] = (), **fields: Any) -> Changes:
    """A new meeting with its attendees, in one transaction; the meeting's id is `changes.items[0].row_id`.

    Args:
        fields: other columns of `meetings` (duration_minutes, location, purpose, notes, outcome).
    """
    values = dict(fields, account_id=account_id, title=title, starts_at=_stamp(starts_at), kind=kind)
    try:
        with wb.transaction() as conn:
            created = _insert(conn, "meetings", values)
            done = Changes([created])
            for person in dict.fromkeys(stakeholder_ids):
                done.items.append(_insert(conn, "meeting_attendees", {"meeting_id": created.row_id,
                                                                      "stakeholder_id": person}))
            for member in dict.fromkeys(team_member_ids):
                done.items.append(_insert(conn, "meeting_attendees", {"meeting_id": created.row_id,
                                                                      "team_member_id": member}))
            return done
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, "meetings", error) from None


def set_attendees(wb: Workbook, meeting_id: str, stakeholder_ids: Iterable[str],
                  team_member_ids: Iterable[str]) -> Changes:
    """Make the meeting's attendees exactly these people (adding and removing rows) in one transaction.

    Returns:
        What changed; empty when the attendees were already these.
    """
    wanted = {("stakeholder_id", i) for i in stakeholder_ids} | {("team_member_id", i) for i in team_member_ids}
    try:
        with wb.transaction() as conn:
            _account_of_meeting(conn, meeting_id)
            present: dict[tuple[str, str], str] = {}
            for r in conn.execute("SELECT id, stakeholder_id, team_member_id FROM meeting_attendees "
                                  "WHERE meeting_id = ? ORDER BY created_at, id", (meeting_id,)):
                key = ("stakeholder_id", r["stakeholder_id"]) if r["stakeholder_id"] else (
                    "team_member_id", r["team_member_id"])
                present[key] = r["id"]
            done = Changes()
            gone = [row_id for key, row_id in present.items() if key not in wanted]
            if gone:
                done.extend(_delete(conn, "meeting_attendees", gone))
            for column, person in sorted(wanted - set(present)):
                done.items.append(_insert(conn, "meeting_attendees", {"meeting_id": meeting_id, column: person}))
            return done
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, "meeting_attendees", error) from None


# -- insights --------------------------------------------------------------------------------------------------


def make_insight(wb: Workbook, meeting_id: str, text: str, kind: str = InsightKind.OBSERVATION,
                 goal_id: str | None = None, stakeholder_id: str | None = None,
                 confirm_goal: bool = False) -> Changes:
    """Record an insight learned in a meeting, optionally confirming the goal it is tied to, as one edit.

    Args:
        confirm_goal: when the goal is unconfirmed, mark it confirmed with this meeting (and the stakeholder,
            when given) as its source. A goal in any other state is left as it is.

    Raises:
        EditError: the text is empty, or the goal or stakeholder belongs to another account.
    """
    text = text.strip()
    if not text:
        raise EditError(wb.path, "An insight needs some text.")
    try:
        with wb.transaction() as conn:
            account = _account_of_meeting(conn, meeting_id)
            goal = None
            if goal_id is not None:
                goal = conn.execute("SELECT * FROM goals WHERE id = ?", (goal_id,)).fetchone()
                if goal is None or goal["account_id"] != account:
                    raise EditError(wb.path, "That goal is not one of this account's goals.")
            if stakeholder_id is not None:
                person = conn.execute("SELECT account_id FROM stakeholders WHERE id = ?",
                                      (stakeholder_id,)).fetchone()
                if person is None or person[0] != account:
                    raise EditError(wb.path, "That person is not a stakeholder of this account.")
            done = Changes([_insert(conn, "insights", {
                "account_id": account, "meeting_id": meeting_id, "kind": kind, "text": text,
                "goal_id": goal_id, "stakeholder_id": stakeholder_id})])
            if confirm_goal and goal is not None and goal["status"] == GoalStatus.UNCONFIRMED:
                values = {"status": GoalStatus.CONFIRMED.value, "source_meeting_id": meeting_id,
                          "status_changed_at": utc_now()}
                if stakeholder_id is not None:
                    values["source_stakeholder_id"] = stakeholder_id
                confirmed = _update(conn, "goals", goal_id, values)  # type: ignore[arg-type]
                if confirmed is not None:
                    done.items.append(confirmed)
            return done
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, "insights", error) from None


def insights_for_meeting(wb: Workbook, meeting_id: str) -> list[Row]:
    """A meeting's insights in the order they were made, with `goal_title`, `goal_status` and
    `stakeholder_name`."""
    return [dict(r) for r in wb.conn.execute(
        "SELECT i.*, g.title AS goal_title, g.status AS goal_status, s.name AS stakeholder_name "
        "FROM insights i LEFT JOIN goals g ON g.id = i.goal_id LEFT JOIN stakeholders s ON s.id = i.stakeholder_id "
        "WHERE i.meeting_id = ? ORDER BY i.created_at, i.id", (meeting_id,))]


# -- action items ----------------------------------------------------------------------------------------------

_ACTIONS = (
    "SELECT a.*, coalesce(s.name, t.name) AS owner_name, m.title AS meeting_title "
    "FROM action_items a LEFT JOIN stakeholders s ON s.id = a.owner_stakeholder_id "
    "LEFT JOIN team_members t ON t.id = a.owner_team_member_id LEFT JOIN meetings m ON m.id = a.meeting_id "
)


def _with_overdue(rows: Iterable[sqlite3.Row], today: _dt.date) -> list[Row]:
    day = today.isoformat()
    return [dict(r, overdue=bool(not r["done"] and r["due_date"] and r["due_date"] < day)) for r in rows]


def actions_for_meeting(wb: Workbook, meeting_id: str, today: _dt.date | None = None) -> list[Row]:
    """A meeting's action items (open ones first, by due date), with `owner_name` and `overdue`."""
    rows = wb.conn.execute(_ACTIONS + "WHERE a.meeting_id = ? ORDER BY a.done, a.due_date IS NULL, a.due_date, "
                           "a.created_at, a.id", (meeting_id,))
    return _with_overdue(rows, today or _dt.date.today())


def overdue_actions(wb: Workbook, account_id: str, today: _dt.date | None = None) -> list[Row]:
    """The account's open action items due before `today`, oldest due date first."""
    rows = wb.conn.execute(_ACTIONS + "WHERE a.account_id = ? AND a.done = 0 AND a.due_date < ? "
                           "ORDER BY a.due_date, a.id", (account_id, (today or _dt.date.today()).isoformat()))
    return _with_overdue(rows, today or _dt.date.today())


def add_action(wb: Workbook, meeting_id: str, text: str, owner_stakeholder_id: str | None = None,
               owner_team_member_id: str | None = None, due_date: str | None = None) -> Changes:
    """A new open action item on a meeting (its account is the meeting's)."""
    if not text.strip():
        raise EditError(wb.path, "An action item needs some text.")
    try:
        with wb.transaction() as conn:
            account = _account_of_meeting(conn, meeting_id)
            return Changes([_insert(conn, "action_items", {
                "account_id": account, "meeting_id": meeting_id, "text": text.strip(), "due_date": due_date,
                "owner_stakeholder_id": owner_stakeholder_id, "owner_team_member_id": owner_team_member_id})])
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, "action_items", error) from None


def set_action_done(wb: Workbook, action_id: str, done: bool) -> Changes:
    """Tick an action item off (recording when) or open it again (clearing that)."""
    with wb.transaction() as conn:
        item = _update(conn, "action_items", action_id, {"done": int(bool(done)),
                                                         "done_at": utc_now() if done else None})
        return Changes([item] if item else [])


# -- touchpoints -----------------------------------------------------------------------------------------------


def touchpoints_for(wb: Workbook, account_id: str | None = None, stakeholder_id: str | None = None) -> list[Row]:
    """Touchpoints of an account and/or of one stakeholder, most recent first, with `stakeholder_name`,
    `team_member_name` and `insight_text`.

    Raises:
        ValueError: neither an account nor a stakeholder was given.
    """
    if account_id is None and stakeholder_id is None:
        raise ValueError("Touchpoints are listed per account or per stakeholder.")
    where, params = [], []
    if account_id is not None:
        where.append("p.account_id = ?")
        params.append(account_id)
    if stakeholder_id is not None:
        where.append("p.stakeholder_id = ?")
        params.append(stakeholder_id)
    return [dict(r) for r in wb.conn.execute(
        "SELECT p.*, s.name AS stakeholder_name, t.name AS team_member_name, i.text AS insight_text "
        "FROM touchpoints p JOIN stakeholders s ON s.id = p.stakeholder_id "
        "LEFT JOIN team_members t ON t.id = p.team_member_id LEFT JOIN insights i ON i.id = p.insight_id "
        f"WHERE {' AND '.join(where)} ORDER BY p.date DESC, p.created_at DESC, p.id", params)]


# -- what the editors offer ------------------------------------------------------------------------------------


def people(wb: Workbook, account_id: str) -> tuple[list[Row], list[Row]]:
    """Who can attend or own something: the account's stakeholders and our team and partners, by name."""
    stakeholders = [dict(r) for r in wb.conn.execute(
        "SELECT id, name, title, stance, influence FROM stakeholders WHERE account_id = ? "
        "ORDER BY name COLLATE NOCASE, id", (account_id,))]
    team = [dict(r) for r in wb.conn.execute(
        "SELECT id, name, title, function, organisation, third_party FROM team_members "
        "ORDER BY third_party, name COLLATE NOCASE, id")]
    return stakeholders, team


def goals(wb: Workbook, account_id: str) -> list[Row]:
    """The account's goals in boardroom-agenda order (id, title, status, category)."""
    return [dict(r) for r in wb.conn.execute(
        "SELECT id, title, status, category, rank FROM goals WHERE account_id = ? ORDER BY rank, title",
        (account_id,))]


def account_insights(wb: Workbook, account_id: str) -> list[Row]:
    """All insights of the account (id, kind, text), newest first: what a touchpoint may share."""
    return [dict(r) for r in wb.conn.execute(
        "SELECT id, kind, text, meeting_id FROM insights WHERE account_id = ? ORDER BY created_at DESC, id",
        (account_id,))]


__all__ = [
    "account_insights", "actions_for_meeting", "add_action", "add_meeting", "attendees", "goals",
    "insights_for_meeting", "local_now", "make_insight", "meeting", "meetings_for_account", "overdue_actions",
    "people", "set_action_done", "set_attendees", "touchpoints_for",
]


def next_meeting_after(wb: Workbook, account_id: str, moment: str) -> tuple[str, str] | None:
    """(title, starts_at) of the account's first meeting after `moment` (local ISO, e.g. "2026-12-04T11:00")."""
    row = wb.conn.execute(
        "SELECT title, starts_at FROM meetings WHERE account_id = ? AND starts_at > ? ORDER BY starts_at, id LIMIT 1",
        (account_id, moment)).fetchone()
    return None if row is None else (row["title"], row["starts_at"])


def action_counts(wb: Workbook, account_id: str, today: str) -> tuple[int, int]:
    """(open, overdue) action items of the account, overdue meaning due before `today` (ISO date)."""
    row = wb.conn.execute(
        "SELECT count(*) AS open, coalesce(sum(due_date IS NOT NULL AND due_date < ?), 0) AS overdue "
        "FROM action_items WHERE account_id = ? AND done = 0", (today, account_id)).fetchone()
    return int(row["open"]), int(row["overdue"])
