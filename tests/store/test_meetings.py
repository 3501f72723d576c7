"""Meetings, attendees, insights, action items and touchpoints in the store, each edit undone exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from immersion.store import edits, meetings
from immersion.store.errors import EditError
from immersion.store.overview import account_overview
from immersion.store.workbook import Workbook

TODAY = dt.date(2026, 12, 4)
NOW = dt.datetime(2026, 12, 4, 12, 0)


def add(wb: Workbook, table: str, **values: object) -> str:
    return edits.add(wb, table, **values).items[0].row_id


@pytest.fixture
def account(wb: Workbook) -> dict[str, str]:
    """One account with a goal, two stakeholders, an agency partner and a colleague."""
    acc = add(wb, "accounts", name="Marlow & Finch")
    return {
        "account": acc,
        "goal": add(wb, "goals", account_id=acc, title="Cut fresh waste 30%", category="strategic"),
        "olivia": add(wb, "stakeholders", account_id=acc, name="Olivia Grant"),
        "martin": add(wb, "stakeholders", account_id=acc, name="Martin Achterberg"),
        "claire": add(wb, "team_members", name="Claire Dubois"),
        "agency": add(wb, "team_members", name="Studio Brightline", function="agency", third_party=1),
    }


def snapshot(wb: Workbook) -> dict[str, list[dict]]:
    tables = ("meetings", "meeting_attendees", "insights", "action_items", "touchpoints", "goals")
    return {t: edits.rows(wb, t, order_by="id") for t in tables}


def test_meetings_list_upcoming_first_then_most_recent(wb: Workbook, account: dict[str, str]) -> None:
    acc = account["account"]
    for title, at in (("Old", "2026-01-10T09:00:00"), ("Later", "2027-02-01T09:00:00"),
                      ("Recent", "2026-11-30T14:00:00"), ("Next", "2026-12-10T11:00:00"),
                      ("Just now", "2026-12-04T12:00:00")):
        meetings.add_meeting(wb, acc, title, at)
    rows = meetings.meetings_for_account(wb, acc, now=NOW)
    assert [r["title"] for r in rows] == ["Next", "Later", "Just now", "Recent", "Old"]
    assert [r["upcoming"] for r in rows] == [True, True, False, False, False]


def test_meeting_rows_carry_attendees_and_counts(wb: Workbook, account: dict[str, str]) -> None:
    acc = account["account"]
    changes = meetings.add_meeting(wb, acc, "Discovery", "2026-11-01T10:00:00",
                                   stakeholder_ids=[account["olivia"]], team_member_ids=[account["agency"],
                                                                                         account["claire"]])
    mid = changes.items[0].row_id
    assert len(changes.items) == 4  # the meeting and three attendees: one undo step
    meetings.make_insight(wb, mid, "Alarms cry wolf", "observation")
    meetings.add_action(wb, mid, "Send the data", owner_team_member_id=account["claire"], due_date="2026-11-10")
    done = edits.add(wb, "action_items", account_id=acc, meeting_id=mid, text="Done already", done=1).items[0]
    assert done.row_id
    (row,) = meetings.meetings_for_account(wb, acc, now=NOW)
    assert row["customer"] == ["Olivia Grant"]
    assert row["ours"] == ["Claire Dubois", "Studio Brightline"]
    assert row["insights"] == 1 and row["open_actions"] == 1
    assert meetings.meeting(wb, mid)["stakeholder_ids"] == [account["olivia"]]


def test_set_attendees_adds_and_removes_in_one_undoable_step(wb: Workbook, account: dict[str, str]) -> None:
    mid = meetings.add_meeting(wb, account["account"], "Review", "2026-11-01T10:00:00",
                               stakeholder_ids=[account["olivia"]]).items[0].row_id
    before = snapshot(wb)
    changes = meetings.set_attendees(wb, mid, [account["martin"]], [account["claire"], account["agency"]])
    assert sorted(c.op for c in changes.items) == ["delete", "insert", "insert", "insert"]
    customer, ours = meetings.attendees(wb, mid)
    assert customer == [account["martin"]] and sorted(ours) == sorted([account["claire"], account["agency"]])
    assert not meetings.set_attendees(wb, mid, [account["martin"]], [account["agency"], account["claire"]])
    edits.undo(wb, changes)
    assert snapshot(wb) == before


def test_make_insight_confirms_the_goal_with_its_source(wb: Workbook, account: dict[str, str]) -> None:
    mid = meetings.add_meeting(wb, account["account"], "Discovery", "2026-11-01T10:00:00").items[0].row_id
    before = snapshot(wb)
    changes = meetings.make_insight(wb, mid, "  “Halve waste by 2030.”  ", "quote", goal_id=account["goal"],
                                    stakeholder_id=account["olivia"], confirm_goal=True)
    assert [(c.table, c.op) for c in changes.items] == [("insights", "insert"), ("goals", "update")]
    goal = edits.get(wb, "goals", account["goal"])
    assert goal["status"] == "confirmed"
    assert goal["source_meeting_id"] == mid and goal["source_stakeholder_id"] == account["olivia"]
    assert goal["status_changed_at"]
    (insight,) = meetings.insights_for_meeting(wb, mid)
    assert insight["text"] == "“Halve waste by 2030.”" and insight["goal_title"] == "Cut fresh waste 30%"
    assert insight["stakeholder_name"] == "Olivia Grant"
    edits.undo(wb, changes)
    assert snapshot(wb) == before


def test_make_insight_leaves_goal_alone_unless_asked(wb: Workbook, account: dict[str, str]) -> None:
    mid = meetings.add_meeting(wb, account["account"], "Discovery", "2026-11-01T10:00:00").items[0].row_id
    changes = meetings.make_insight(wb, mid, "Waste is the COO's calling card", "need", goal_id=account["goal"])
    assert [c.table for c in changes.items] == ["insights"]
    assert edits.get(wb, "goals", account["goal"])["status"] == "unconfirmed"
    edits.change(wb, "goals", account["goal"], status="achieved")
    changes = meetings.make_insight(wb, mid, "Done", "observation", goal_id=account["goal"], confirm_goal=True)
    assert [c.table for c in changes.items] == ["insights"]  # an achieved goal is not set back to confirmed


def test_make_insight_refuses_empty_text_and_foreign_goals(wb: Workbook, account: dict[str, str]) -> None:
    mid = meetings.add_meeting(wb, account["account"], "Discovery", "2026-11-01T10:00:00").items[0].row_id
    other = add(wb, "accounts", name="Other")
    foreign = add(wb, "goals", account_id=other, title="Theirs", category="financial")
    with pytest.raises(EditError):
        meetings.make_insight(wb, mid, "   ", "quote")
    with pytest.raises(EditError):
        meetings.make_insight(wb, mid, "Text", "quote", goal_id=foreign, confirm_goal=True)
    assert edits.rows(wb, "insights") == []
    assert edits.get(wb, "goals", foreign)["status"] == "unconfirmed"


def test_action_items_done_and_overdue(wb: Workbook, account: dict[str, str]) -> None:
    acc = account["account"]
    mid = meetings.add_meeting(wb, acc, "Review", "2026-11-01T10:00:00").items[0].row_id
    late = meetings.add_action(wb, mid, "Send the term sheet", owner_stakeholder_id=account["martin"],
                               due_date="2026-11-20").items[0].row_id
    meetings.add_action(wb, mid, "Share refit costs", owner_team_member_id=account["claire"], due_date="2026-12-20")
    (overdue,) = meetings.overdue_actions(wb, acc, TODAY)
    assert overdue["id"] == late and overdue["owner_name"] == "Martin Achterberg" and overdue["overdue"]
    assert [a.id for a in account_overview(wb, acc, TODAY).overdue_actions] == [late]
    before = snapshot(wb)
    changes = meetings.set_action_done(wb, late, True)
    row = edits.get(wb, "action_items", late)
    assert row["done"] == 1 and row["done_at"]
    assert meetings.overdue_actions(wb, acc, TODAY) == []
    assert [a["text"] for a in meetings.actions_for_meeting(wb, mid, TODAY)] == ["Share refit costs",
                                                                                "Send the term sheet"]
    edits.undo(wb, changes)
    assert snapshot(wb) == before
    assert not meetings.set_action_done(wb, late, False)  # already open: nothing to do
    with pytest.raises(EditError):
        meetings.add_action(wb, mid, "  ")


def test_touchpoints_per_account_and_per_stakeholder(wb: Workbook, account: dict[str, str]) -> None:
    acc = account["account"]
    mid = meetings.add_meeting(wb, acc, "Discovery", "2026-11-01T10:00:00").items[0].row_id
    insight = meetings.make_insight(wb, mid, "Freshness wins baskets", "need").items[0].row_id
    add(wb, "touchpoints", account_id=acc, stakeholder_id=account["olivia"], team_member_id=account["claire"],
        date="2026-11-02", channel="linkedin", content="Kantar study", insight_id=insight, response="replied")
    add(wb, "touchpoints", account_id=acc, stakeholder_id=account["martin"], date="2026-11-05",
        content="Energy-as-a-service one-pager")
    rows = meetings.touchpoints_for(wb, account_id=acc)
    assert [r["stakeholder_name"] for r in rows] == ["Martin Achterberg", "Olivia Grant"]
    (olivia,) = meetings.touchpoints_for(wb, stakeholder_id=account["olivia"])
    assert olivia["team_member_name"] == "Claire Dubois" and olivia["insight_text"] == "Freshness wins baskets"
    with pytest.raises(ValueError):
        meetings.touchpoints_for(wb)


def test_deleting_a_meeting_takes_its_rows_and_undo_restores_them(wb: Workbook, account: dict[str, str]) -> None:
    mid = meetings.add_meeting(wb, account["account"], "Discovery", "2026-11-01T10:00:00",
                               stakeholder_ids=[account["olivia"]]).items[0].row_id
    meetings.make_insight(wb, mid, "Quote", "quote", goal_id=account["goal"], confirm_goal=True)
    meetings.add_action(wb, mid, "Follow up", due_date="2026-11-03")
    before = snapshot(wb)
    changes = edits.delete(wb, "meetings", mid)
    assert edits.rows(wb, "insights") == [] and edits.rows(wb, "action_items") == []
    assert edits.get(wb, "goals", account["goal"])["source_meeting_id"] is None
    edits.undo(wb, changes)
    assert snapshot(wb) == before


def test_people_and_goals_for_the_editors(wb: Workbook, account: dict[str, str]) -> None:
    stakeholders, team = meetings.people(wb, account["account"])
    assert [s["name"] for s in stakeholders] == ["Martin Achterberg", "Olivia Grant"]
    assert [t["name"] for t in team] == ["Claire Dubois", "Studio Brightline"]  # partners after our own people
    assert [g["title"] for g in meetings.goals(wb, account["account"])] == ["Cut fresh waste 30%"]
