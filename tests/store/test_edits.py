"""Edits: each in one transaction, returning what changed, and undoable exactly."""

from __future__ import annotations

import pytest

from immersion.store import edits
from immersion.store.errors import EditError
from immersion.store.workbook import Workbook


def _snapshot(wb: Workbook) -> dict[str, list[dict]]:
    from immersion.store.schema import TABLES

    return {t: edits.rows(wb, t, order_by="id") for t in TABLES if t != "meta"}


@pytest.fixture
def account(wb: Workbook) -> str:
    return edits.add(wb, "accounts", name="Autoparts Kessler", industry="Automotive supplier").items[0].row_id


def test_add_returns_the_new_row(wb: Workbook, account: str) -> None:
    changes = edits.add(wb, "goals", account_id=account, title="Win the EV platform", category="competitive")
    [item] = changes.items
    assert item.op == "insert" and item.table == "goals" and item.after["title"] == "Win the EV platform"
    assert item.after["created_at"].endswith("Z") and len(item.row_id) == 36
    assert changes.accounts() == {account}


def test_change_writes_only_what_differs(wb: Workbook, account: str) -> None:
    assert not edits.change(wb, "accounts", account, name="Autoparts Kessler")
    [item] = edits.change(wb, "accounts", account, tier="strategic").items
    assert item.before["tier"] == "key" and item.after["tier"] == "strategic"
    assert item.after["updated_at"] >= item.before["updated_at"]


@pytest.mark.parametrize(
    ("table", "values", "words"),
    [
        ("goals", {"title": "x", "category": "spiritual"}, "not allowed"),
        ("goals", {"title": "x", "category": "strategic", "priority": 6}, "priority"),
        ("stakeholders", {"name": "A", "influence": 0}, "influence"),
        ("goals", {"title": "   ", "category": "strategic"}, "not allowed"),
        ("financials", {"period": "2026-13"}, "period"),
        ("financials", {"period": "Q3 2026"}, "period"),
        ("investments", {"name": "Promo", "kind": "capex", "amount": -5, "period": "2026-Q1"}, "amount"),
    ],
)
def test_rules_are_enforced_with_a_message(wb: Workbook, account: str, table: str, values: dict, words: str) -> None:
    before = _snapshot(wb)
    with pytest.raises(EditError, match=words):
        edits.add(wb, table, account_id=account, **values)
    assert _snapshot(wb) == before


def test_unknown_fields_and_tables_are_refused(wb: Workbook, account: str) -> None:
    with pytest.raises(EditError, match="no editable field"):
        edits.change(wb, "accounts", account, colour="red")
    with pytest.raises(EditError, match="no editable field"):
        edits.change(wb, "accounts", account, id="other")
    with pytest.raises(EditError, match="no table"):
        edits.add(wb, "accounts; DROP TABLE goals", name="x")


def test_delete_cascades_and_undo_restores_everything(wb: Workbook, account: str) -> None:
    boss = edits.add(wb, "stakeholders", account_id=account, name="Dr. Kessler", level="board").items[0].row_id
    cfo = edits.add(wb, "stakeholders", account_id=account, name="M. Brandt", reports_to_id=boss).items[0].row_id
    goal = edits.add(wb, "goals", account_id=account, title="Cut warranty costs", category="financial",
                     source_stakeholder_id=cfo).items[0].row_id
    meeting = edits.add(wb, "meetings", account_id=account, title="QBR", starts_at="2026-11-02T10:00").items[0].row_id
    member = edits.add(wb, "team_members", name="Sam Ortiz", function="sales").items[0].row_id
    edits.add(wb, "meeting_attendees", meeting_id=meeting, stakeholder_id=cfo)
    edits.add(wb, "meeting_attendees", meeting_id=meeting, team_member_id=member)
    edits.add(wb, "coverage", stakeholder_id=cfo, team_member_id=member, strength=4)
    idea = edits.add(wb, "ideas", account_id=account, title="Predictive QA", origin_meeting_id=meeting).items[0].row_id
    edits.add(wb, "idea_goals", idea_id=idea, goal_id=goal, strength=3)
    edits.add(wb, "accounts", name="Other account")
    before = _snapshot(wb)

    changes = edits.delete(wb, "accounts", account)
    assert {c.table for c in changes.items if c.op == "delete"} >= {
        "accounts", "stakeholders", "goals", "meetings", "meeting_attendees", "coverage", "ideas", "idea_goals"}
    after = _snapshot(wb)
    assert [r["name"] for r in after["accounts"]] == ["Other account"]
    assert after["team_members"] == before["team_members"]  # shared catalogue is not the account's

    edits.undo(wb, changes)
    assert _snapshot(wb) == before
    edits.redo(wb, changes)
    assert _snapshot(wb) == after


def test_deleting_a_person_clears_references_and_undo_sets_them_back(wb: Workbook, account: str) -> None:
    boss = edits.add(wb, "stakeholders", account_id=account, name="Dr. Kessler").items[0].row_id
    cfo = edits.add(wb, "stakeholders", account_id=account, name="M. Brandt", reports_to_id=boss).items[0].row_id
    before = _snapshot(wb)
    changes = edits.delete(wb, "stakeholders", boss)
    assert edits.get(wb, "stakeholders", cfo)["reports_to_id"] is None
    edits.undo(wb, changes)
    assert _snapshot(wb) == before


def test_undo_of_add_and_change(wb: Workbook, account: str) -> None:
    before = _snapshot(wb)
    added = edits.add(wb, "goals", account_id=account, title="x", category="political")
    edits.undo(wb, added)
    assert _snapshot(wb) == before
    changed = edits.change(wb, "accounts", account, name="Kessler Group", tier="strategic")
    edits.undo(wb, changed)
    assert _snapshot(wb) == before


def test_a_failed_edit_writes_nothing(wb: Workbook, account: str) -> None:
    before = _snapshot(wb)
    with pytest.raises(RuntimeError):
        with wb.transaction() as conn:
            conn.execute("UPDATE accounts SET name = 'half' WHERE id = ?", (account,))
            raise RuntimeError("power cut")
    assert _snapshot(wb) == before


def test_full_disk_is_reported_and_nothing_is_half_written(wb: Workbook, account: str) -> None:
    from immersion.store.errors import WorkbookWriteError

    pages = wb.conn.execute("PRAGMA page_count").fetchone()[0]
    wb.conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is nearly full
    before = _snapshot(wb)
    with pytest.raises(WorkbookWriteError, match="disk is full"):
        edits.add(wb, "accounts", name="Big", notes="x" * 200_000)
    assert _snapshot(wb) == before
    edits.change(wb, "accounts", account, tier="growth")  # small edits still fit


def test_goal_shares_of_an_investment_cannot_pass_100_percent(wb: Workbook, account: str) -> None:
    goals = [edits.add(wb, "goals", account_id=account, title=t, category="financial").items[0].row_id
             for t in ("A", "B")]
    spend = edits.add(wb, "investments", account_id=account, name="Line review", kind="people", amount=50_000,
                      period="2026-Q2").items[0].row_id
    link = edits.add(wb, "investment_goals", investment_id=spend, goal_id=goals[0], share=0.6).items[0].row_id
    with pytest.raises(EditError, match="110%"):
        edits.add(wb, "investment_goals", investment_id=spend, goal_id=goals[1], share=0.5)
    edits.add(wb, "investment_goals", investment_id=spend, goal_id=goals[1], share=0.4)
    with pytest.raises(EditError, match="at most 100%"):
        edits.change(wb, "investment_goals", link, share=0.7)
    assert [r["share"] for r in edits.rows(wb, "investment_goals", order_by="share")] == [0.4, 0.6]


def test_link_rows_are_traced_to_their_account(wb: Workbook, account: str) -> None:
    goal = edits.add(wb, "goals", account_id=account, title="G", category="strategic").items[0].row_id
    idea = edits.add(wb, "ideas", account_id=account, title="I").items[0].row_id
    link = edits.add(wb, "idea_goals", idea_id=idea, goal_id=goal)
    assert link.accounts() == set() and edits.touched_accounts(wb, link) == {account}
    gone = edits.delete(wb, "ideas", idea)  # the link goes with its idea, in the same edit
    assert edits.touched_accounts(wb, gone) == {account}


def test_undo_and_redo_of_a_large_edit_go_in_batches(wb: Workbook, account: str) -> None:
    """An import of thousands of rows is one edit; undoing and redoing it restores exactly, in one step each."""
    with wb.transaction() as conn:
        big = edits.Changes([edits._insert(conn, "stakeholders", {"account_id": account, "name": f"P{n}"})  # noqa: SLF001
                             for n in range(3000)])
    after = _snapshot(wb)
    edits.undo(wb, big)
    assert edits.count(wb, "stakeholders") == 0
    edits.redo(wb, big)
    assert _snapshot(wb) == after
