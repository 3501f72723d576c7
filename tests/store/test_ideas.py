"""The curation board's store: moves with their history, hand order, merges and their undo, link sets."""

from __future__ import annotations

import datetime as _dt

import pytest

from immersion.store import edits, idea_queries, ideas, ordering
from immersion.store.errors import EditError
from immersion.store.workbook import Workbook

TABLES = ("ideas", "idea_goals", "idea_tags", "idea_assets", "idea_people", "idea_stage_history")


def snapshot(wb: Workbook) -> dict[str, list[dict]]:
    return {table: edits.rows(wb, table, order_by="id") for table in TABLES}


@pytest.fixture
def account(wb: Workbook) -> str:
    return edits.add(wb, "accounts", name="Harbour Bank").items[0].row_id


def goal(wb: Workbook, account: str, title: str, rank: int = 0) -> str:
    added = edits.add(wb, "goals", account_id=account, title=title, category="strategic", rank=rank)
    return added.items[0].row_id


def idea(wb: Workbook, account: str, title: str, **fields) -> str:
    return ideas.add_idea(wb, account, title, **fields).items[0].row_id


def column(wb: Workbook, account: str, stage: str) -> list[str]:
    return [row["title"] for row in idea_queries.board(wb, account)[stage]]


def test_a_new_idea_is_captured_at_the_end_with_its_first_history_row(wb: Workbook, account: str) -> None:
    first, second = idea(wb, account, "Shared forecasting"), idea(wb, account, "Joint pilot")
    assert column(wb, account, "captured") == ["Shared forecasting", "Joint pilot"]
    history = idea_queries.history(wb, second)
    assert [(h["from_stage"], h["to_stage"]) for h in history] == [(None, "captured")]
    assert edits.get(wb, "ideas", first)["stage_changed_at"]


def test_moving_records_the_stage_change_and_undo_takes_it_back(wb: Workbook, account: str) -> None:
    first = idea(wb, account, "Shared forecasting")
    moved = ideas.move_idea(wb, first, "shaping", at="2099-03-02T09:00:00.000Z")
    row = edits.get(wb, "ideas", first)
    assert (row["stage"], row["stage_changed_at"], row["stage_reason"]) == (
        "shaping", "2099-03-02T09:00:00.000Z", None)
    history = idea_queries.history(wb, first)
    assert [(h["from_stage"], h["to_stage"], h["changed_at"]) for h in history][1:] == [
        ("captured", "shaping", "2099-03-02T09:00:00.000Z")]
    assert moved.tables() == {"ideas", "idea_stage_history"}

    ideas.move_idea(wb, first, "parked", reason="  Budget frozen until Q3 ", at="2099-03-09T09:00:00.000Z")
    parked = edits.get(wb, "ideas", first)
    assert (parked["stage"], parked["stage_reason"]) == ("parked", "Budget frozen until Q3")
    assert idea_queries.history(wb, first)[-1]["reason"] == "Budget frozen until Q3"
    assert idea_queries.stage_before_exit(wb, first) == "shaping"
    assert column(wb, account, "parked") == ["Shared forecasting"] and column(wb, account, "shaping") == []

    edits.undo(wb, moved)  # the later move is undone first in the app; the file allows either order here
    assert len(idea_queries.history(wb, first)) == 2


def test_a_move_is_one_transaction_and_undo_restores_exactly(wb: Workbook, account: str) -> None:
    ids = [idea(wb, account, f"Idea {n}") for n in range(3)]
    ideas.move_idea(wb, ids[0], "proposed")
    before = snapshot(wb)
    changes = ideas.move_ideas(wb, ids[1:], "proposed", position=0)
    assert column(wb, account, "proposed") == ["Idea 1", "Idea 2", "Idea 0"]
    edits.undo(wb, changes)
    assert snapshot(wb) == before


def test_moves_refuse_merged_ideas_and_unknown_stages(wb: Workbook, account: str) -> None:
    first, second = idea(wb, account, "A"), idea(wb, account, "B")
    ideas.merge_ideas(wb, first, [second])
    with pytest.raises(EditError):
        ideas.move_idea(wb, second, "shaping")
    with pytest.raises(ValueError):
        ideas.move_idea(wb, first, "brainstorm")
    with pytest.raises(EditError):
        ideas.move_idea(wb, "no-such-idea", "shaping")


def test_reordering_by_hand_writes_one_row_and_renumbers_when_out_of_room(wb: Workbook, account: str) -> None:
    a, b, c = (idea(wb, account, title) for title in "ABC")
    changes = ideas.move_idea(wb, c, "captured", position=1)  # same stage: only its place changes
    assert column(wb, account, "captured") == ["A", "C", "B"]
    assert [item.table for item in changes.items] == ["ideas"] and len(idea_queries.history(wb, c)) == 1
    ideas.move_idea(wb, a, "captured", position=2)
    assert column(wb, account, "captured") == ["C", "B", "A"]
    # Cards sharing one board order leave no room between them: the column is renumbered.
    for row_id in (a, b, c):
        edits.change(wb, "ideas", row_id, board_order=5.0)
    d = idea(wb, account, "D")
    ideas.move_idea(wb, d, "captured", position=1)
    orders = [row["board_order"] for row in idea_queries.board(wb, account)["captured"]]
    assert orders == sorted(set(orders)) and column(wb, account, "captured")[1] == "D"
    # The generic hand-order helper works on ideas too.
    ordering.reorder(wb, "ideas", [d, c, b, a])
    assert column(wb, account, "captured") == ["D", "C", "B", "A"]


def test_merge_moves_links_and_tags_to_the_survivor_and_undo_restores_it(wb: Workbook, account: str) -> None:
    growth, costs = goal(wb, account, "Grow lending"), goal(wb, account, "Cut costs", 1)
    risk = goal(wb, account, "Risk", 2)
    survivor, dup1, dup2 = idea(wb, account, "Open banking"), idea(wb, account, "Open-banking API"), idea(
        wb, account, "API for fintechs", origin="partner")
    ideas.set_goal_links(wb, survivor, {growth: 1})
    ideas.set_goal_links(wb, dup1, {growth: 3, costs: 2})
    ideas.set_goal_links(wb, dup2, {risk: 1})
    ideas.set_tags(wb, survivor, ["api"])
    ideas.set_tags(wb, dup1, ["API", "fintech"])
    ideas.move_idea(wb, dup2, "shaping")
    before = snapshot(wb)

    changes = ideas.merge_ideas(wb, survivor, [dup1, dup2])
    assert column(wb, account, "captured") == ["Open banking"] and column(wb, account, "shaping") == []
    card = idea_queries.board(wb, account)["captured"][0]
    assert {g["goal_id"]: g["strength"] for g in card["goals"]} == {growth: 3, costs: 2, risk: 1}
    assert card["tags"] == ["api", "fintech"] and card["merged_count"] == 2
    # The merged ideas keep their provenance: stage, origin, their own links and history.
    kept = idea_queries.detail(wb, dup2)
    assert (kept["stage"], kept["origin"], kept["merged_into_id"], kept["merged_into_title"]) == (
        "shaping", "partner", survivor, "Open banking")
    assert kept["goal_links"] == {risk: 1} and len(kept["history"]) == 2
    assert {row["id"] for row in idea_queries.detail(wb, survivor)["merged"]} == {dup1, dup2}
    assert idea_queries.survivor_of(wb, dup1) == survivor

    edits.undo(wb, changes)
    assert snapshot(wb) == before


def test_merge_refusals(wb: Workbook, account: str) -> None:
    other = edits.add(wb, "accounts", name="Other").items[0].row_id
    a, b, c = idea(wb, account, "A"), idea(wb, account, "B"), idea(wb, other, "C")
    for survivor, merged in ((a, [a]), (a, [c]), (a, [])):
        with pytest.raises(EditError):
            ideas.merge_ideas(wb, survivor, merged)
    ideas.merge_ideas(wb, a, [b])
    with pytest.raises(EditError):
        ideas.merge_ideas(wb, b, [a])


def test_link_setters_replace_whole_sets_in_one_undoable_step(wb: Workbook, account: str) -> None:
    growth, costs = goal(wb, account, "Grow lending"), goal(wb, account, "Cut costs", 1)
    person = edits.add(wb, "stakeholders", account_id=account, name="Ada Byrne").items[0].row_id
    member = edits.add(wb, "team_members", name="Sam Ortiz").items[0].row_id
    asset1 = edits.add(wb, "assets", name="Data lab", kind="capability").items[0].row_id
    asset2 = edits.add(wb, "assets", name="Brand", kind="brand").items[0].row_id
    first = idea(wb, account, "Shared forecasting")

    ideas.set_goal_links(wb, first, {growth: 2, costs: 1})
    changed = ideas.set_goal_links(wb, first, {growth: 3})
    assert idea_queries.detail(wb, first)["goal_links"] == {growth: 3}
    assert sorted(item.op for item in changed.items) == ["delete", "update"]
    before = snapshot(wb)
    tagged = ideas.set_tags(wb, first, [" data ", "Data", "pilot  project", ""])
    assert idea_queries.detail(wb, first)["tags"] == ["data", "pilot project"]
    edits.undo(wb, tagged)
    assert snapshot(wb) == before

    ideas.set_assets(wb, first, [asset1, asset2, asset1])
    ideas.set_assets(wb, first, [asset2])
    ideas.set_people(wb, first, [person], [member])
    found = idea_queries.detail(wb, first)
    assert (found["asset_ids"], found["stakeholder_ids"], found["team_member_ids"]) == (
        [asset2], [person], [member])
    assert not ideas.set_people(wb, first, [person], [member])  # nothing differs: nothing written
    ideas.set_people(wb, first, [], [member])
    assert idea_queries.detail(wb, first)["stakeholder_ids"] == []
    with pytest.raises(EditError):
        ideas.set_goal_links(wb, first, {growth: 4})


def test_new_idea_from_a_meeting(wb: Workbook, account: str) -> None:
    meeting = edits.add(wb, "meetings", account_id=account, title="Discovery workshop", kind="discovery",
                        starts_at="2026-03-01T10:00:00").items[0].row_id
    changes = ideas.new_idea_from_meeting(wb, meeting, "  Share the\nforecast ", "From the notes: *forecast*")
    found = idea_queries.detail(wb, changes.items[0].row_id)
    assert (found["title"], found["stage"], found["origin"]) == ("Share the forecast", "captured", "meeting")
    assert (found["origin_meeting_id"], found["meeting_title"]) == (meeting, "Discovery workshop")
    assert found["description"] == "From the notes: *forecast*"
    with pytest.raises(EditError):
        ideas.new_idea_from_meeting(wb, meeting, "   ")
    with pytest.raises(EditError):
        ideas.new_idea_from_meeting(wb, "gone", "Idea")


def test_board_rows_and_filters(wb: Workbook, account: str) -> None:
    growth = goal(wb, account, "Grow lending")
    meeting = edits.add(wb, "meetings", account_id=account, title="Co-creation day", kind="co-creation",
                        starts_at="2026-03-01T10:00:00").items[0].row_id
    win = idea(wb, account, "Mortgage pilot", customer_value=4, our_value=5, origin="meeting",
               origin_meeting_id=meeting, at="2026-01-01T08:00:00.000Z")
    idea(wb, account, "Branch refit", customer_value=2, our_value=4)
    ideas.set_goal_links(wb, win, {growth: 2})
    ideas.set_tags(wb, win, ["Pilot"])
    rows = idea_queries.ideas(wb, account, today=_dt.date(2026, 1, 31))
    card = next(r for r in rows if r["id"] == win)
    assert (card["mutual_value"], card["quadrant"]) == (20, "mutual win")
    assert card["meeting_title"] == "Co-creation day"
    assert card["goals"] == [{"goal_id": growth, "title": "Grow lending", "strength": 2}]
    assert card["stage_days"] == 30

    def shown(**spec) -> list[str]:
        return [r["title"] for r in rows if idea_queries.IdeaFilter(**spec).matches(r)]

    assert not idea_queries.IdeaFilter() and idea_queries.IdeaFilter(text="x")
    assert shown(goal_id=growth) == ["Mortgage pilot"]
    assert shown(goal_id=idea_queries.NO_GOAL) == ["Branch refit"]
    assert shown(quadrant="our win") == ["Branch refit"]
    assert shown(origin="meeting", tag="pilot") == ["Mortgage pilot"]
    assert shown(text="co-creation mortgage") == ["Mortgage pilot"]
    assert shown(text="lending") == ["Mortgage pilot"]
    assert shown(stage="shaping") == []
    listed = idea_queries.choices(wb, account)
    assert [g[1] for g in listed.goals] == ["Grow lending"] and listed.tags == ["Pilot"]
