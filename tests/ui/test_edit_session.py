"""Undo and redo of store edits through the Qt undo stack, with one `changed` signal per step."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from immersion.store import edits, ordering
from immersion.store.workbook import Workbook
from immersion.ui.edit_session import EditSession


def test_edit_undo_redo_round_trip(qtbot: QtBot, wb: Workbook) -> None:
    session = EditSession(wb)
    with qtbot.waitSignal(session.changed) as blocker:
        account = session.add("Add account", "accounts", name="Harbour Bank")
    assert blocker.args[0].ids("accounts") == [account]
    goals = [session.add("Add goal", "goals", account_id=account, title=t, category="financial", rank=n)
             for n, t in enumerate(["Grow lending", "Cut risk", "Win SMEs"])]
    session.edit("Re-rank goal", lambda w: ordering.move_goal(w, goals[2], 0))
    assert session.undo_stack.undoText() == "Re-rank goal"
    assert ordering.agenda(wb, account) == [goals[2], goals[0], goals[1]]

    with qtbot.waitSignal(session.changed):
        session.undo_stack.undo()
    assert ordering.agenda(wb, account) == goals
    session.undo_stack.redo()
    assert ordering.agenda(wb, account) == [goals[2], goals[0], goals[1]]

    session.delete("Delete account", "accounts", account)
    assert edits.count(wb, "goals") == 0
    session.undo_stack.undo()
    assert edits.count(wb, "goals") == 3 and edits.get(wb, "accounts", account)["name"] == "Harbour Bank"


def test_refused_edit_says_why_and_is_not_on_the_stack(qtbot: QtBot, wb: Workbook) -> None:
    session = EditSession(wb)
    with qtbot.waitSignal(session.failed) as blocker:
        assert session.add("Add goal", "goals", account_id="none", title="x", category="bogus") is None
    assert "not allowed" in blocker.args[0]
    assert session.undo_stack.count() == 0


def test_nothing_changed_pushes_nothing(qtbot: QtBot, wb: Workbook) -> None:
    session = EditSession(wb)
    account = session.add("Add account", "accounts", name="Same")
    with qtbot.assertNotEmitted(session.changed):
        session.change("Rename account", "accounts", account, name="Same")
    assert session.undo_stack.count() == 1
