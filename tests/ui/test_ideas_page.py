"""The Ideas page driven the way a user drives it: mouse drags between and within columns, keys, the reason
and merge dialogs (patched), the editor, undo, the table's filters, and the file after reopening."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import account_summary, open_on_account

from immersion.store import edits, idea_queries, ideas
from immersion.store.workbook import Workbook
from immersion.ui import idea_dialogs
from immersion.ui.edit_session import EditSession
from immersion.ui.idea_columns import CardList
from immersion.ui.ideas_page import IdeasPage
from immersion.ui.pages import PageContext

LEFT, CTRL = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier


@dataclass
class Board:
    page: IdeasPage
    session: EditSession
    account: str
    context: PageContext

    def column(self, stage: str) -> list[str]:
        return [row["title"] for row in self.page.board.columns[stage].model.rows()]

    def stored(self, stage: str, workbook: Workbook | None = None) -> list[str]:
        board = idea_queries.board(workbook or self.session.workbook, self.account)
        return [row["title"] for row in board[stage]]

    def idea(self, title: str) -> str:
        rows = idea_queries.ideas(self.session.workbook, self.account)
        return next(row["id"] for row in rows if row["title"] == title)

    def view(self, stage: str) -> CardList:
        return self.page.board.view(stage)

    def card_centre(self, stage: str, title: str) -> QPoint:
        view = self.view(stage)
        return view.visualRect(view.model().index(self.column(stage).index(title), 0)).center()


def open_page(qtbot: QtBot, wb: Workbook, account: str, read_only: bool = False) -> Board:
    page = IdeasPage(None)
    size = (1400, 800)  # wide enough for the editor beside six columns
    session, context = open_on_account(qtbot, wb, page, account, read_only, size)
    return Board(page, session, account, context)


@pytest.fixture
def board(qtbot: QtBot, wb: Workbook) -> Board:
    account = edits.add(wb, "accounts", name="Harbour Bank").items[0].row_id
    growth = edits.add(wb, "goals", account_id=account, title="Grow lending",
                       category="strategic").items[0].row_id
    edits.add(wb, "goals", account_id=account, title="Cut costs", category="financial", rank=1)
    meeting = edits.add(wb, "meetings", account_id=account, title="Discovery workshop",
                        starts_at="2026-03-01T10:00:00").items[0].row_id
    for title, values in (("Open banking API", (4, 4)), ("Mortgage pilot", (5, 3)), ("Branch refit", (2, 4)),
                          ("Open-banking portal", (3, 3))):
        row_id = ideas.add_idea(wb, account, title, customer_value=values[0], our_value=values[1],
                                origin="meeting", origin_meeting_id=meeting).items[0].row_id
        if title.startswith("Open"):
            ideas.set_goal_links(wb, row_id, {growth: 2})
    mortgage = next(r["id"] for r in idea_queries.ideas(wb, account) if r["title"] == "Mortgage pilot")
    ideas.move_idea(wb, mortgage, "shaping")
    return open_page(qtbot, wb, account)


def drag(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, source: CardList, start: QPoint, target: CardList,
         end: QPoint) -> None:
    """A real drag: mouse press and moves on the source view start Qt's drag (QAbstractItemView.startDrag with
    the source model's mime data); the platform's drag loop is played by delivering enter, move and drop
    events to the target viewport, as a platform does while the mouse moves and is released over it."""
    delivered: dict[str, bool] = {}

    def platform_drag(drag_: QDrag, *_actions: object) -> Qt.DropAction:
        data: QMimeData = drag_.mimeData()
        actions = Qt.DropAction.MoveAction
        enter = QDragEnterEvent(end, actions, data, LEFT, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target.viewport(), enter)
        move = QDragMoveEvent(end, actions, data, LEFT, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target.viewport(), move)
        drop = QDropEvent(end, actions, data, LEFT, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(target.viewport(), drop)
        delivered.update(enter=enter.isAccepted(), move=move.isAccepted(), drop=drop.isAccepted())
        return drop.dropAction() if drop.isAccepted() else Qt.DropAction.IgnoreAction

    monkeypatch.setattr(QDrag, "exec", platform_drag)
    QTest.mousePress(source.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, start)
    step = QApplication.startDragDistance() + 4
    QTest.mouseMove(source.viewport(), start + QPoint(0, 2))  # the view enters its dragging state …
    QTest.mouseMove(source.viewport(), start + QPoint(step, step))  # … and starts the drag past the distance
    QTest.mouseRelease(source.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, start + QPoint(step, step))
    monkeypatch.undo()
    assert delivered == {"enter": True, "move": True, "drop": True}


def test_drag_a_card_to_another_column_and_within_one(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                      board: Board) -> None:
    page, stack = board.page, board.session.undo_stack
    source, target = board.view("captured"), board.view("co-creating")
    assert board.column("captured") == ["Open banking API", "Branch refit", "Open-banking portal"]
    drag(qtbot, monkeypatch, source, board.card_centre("captured", "Branch refit"), target, QPoint(40, 10))
    qtbot.waitUntil(lambda: board.stored("co-creating") == ["Branch refit"])  # the move follows the drop
    assert board.column("co-creating") == ["Branch refit"] and stack.undoText() == "Move idea to Co-creating"
    assert page.board.selected_ids() == [board.idea("Branch refit")]
    assert page.editor.title.text() == "Branch refit"
    history = idea_queries.history(board.session.workbook, board.idea("Branch refit"))
    moves = [(h["from_stage"], h["to_stage"]) for h in history]
    assert moves == [(None, "captured"), ("captured", "co-creating")]

    # Within a column, in hand order: drop the last card on the top half of the first.
    first = source.visualRect(source.model().index(0, 0))
    drag(qtbot, monkeypatch, source, board.card_centre("captured", "Open-banking portal"), source,
         first.topLeft() + QPoint(20, 4))
    qtbot.waitUntil(lambda: board.stored("captured")[0] == "Open-banking portal")
    assert board.column("captured") == ["Open-banking portal", "Open banking API"]
    assert stack.undoText() == "Reorder idea"
    stack.undo()
    assert board.column("captured") == ["Open banking API", "Open-banking portal"]
    stack.undo()
    assert board.column("captured") == ["Open banking API", "Branch refit", "Open-banking portal"]
    assert board.column("co-creating") == []

    # Sorted by mutual value, a column cannot be reordered by hand: the drop is refused.
    page.tools.order.setCurrentIndex(page.tools.order.findData("value"))
    assert board.column("captured") == ["Open banking API", "Open-banking portal", "Branch refit"]
    data = source.model().mimeData([source.model().index(2, 0)])
    assert not source.model().canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, source.rootIndex())
    assert target.model().canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target.rootIndex())


def test_keys_move_cards_and_walk_the_board(qtbot: QtBot, board: Board) -> None:
    page, view = board.page, board.view("captured")
    page.focus_item("ideas", board.idea("Branch refit"))
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)
    assert board.stored("shaping") == ["Mortgage pilot", "Branch refit"]
    assert board.session.undo_stack.undoText() == "Move idea to Shaping"
    shaping = board.view("shaping")
    assert QApplication.focusWidget() is shaping and page.current_id() == board.idea("Branch refit")
    qtbot.keyClick(shaping, Qt.Key.Key_Right, CTRL)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, CTRL)
    assert board.stored("shaping")[-1] == "Branch refit"
    assert len(idea_queries.history(board.session.workbook, board.idea("Branch refit"))) == 4

    # Plain arrows walk: Up/Down within the column, Left/Right to the nearest column with cards.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert page.current_id() == board.idea("Mortgage pilot")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert QApplication.focusWidget() is view and page.current_id() == board.idea("Open banking API")
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert page.current_id() == board.idea("Open-banking portal")
    assert page.editor.title.text() == "Open-banking portal"
    qtbot.keyClick(view, Qt.Key.Key_Left, CTRL)  # nothing before captured
    assert board.session.undo_stack.count() == 3


def test_parking_asks_for_a_reason_and_records_it(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                  board: Board) -> None:
    page, idea = board.page, board.idea("Mortgage pilot")
    asked: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(idea_dialogs, "ask_reason",
                        lambda _parent, stage, titles: asked.append((stage, titles)))
    page.focus_item("ideas", idea)
    next(a for a in page.tools.move_menu.actions() if a.text() == "Parked…").trigger()
    assert asked == [("parked", ["Mortgage pilot"])]
    assert board.stored("shaping") == ["Mortgage pilot"]  # cancelled: nothing moved

    monkeypatch.setattr(idea_dialogs, "ask_reason", lambda *_args: "Budget frozen until Q3")
    next(a for a in page.tools.move_menu.actions() if a.text() == "Parked…").trigger()
    row = edits.get(board.session.workbook, "ideas", idea)
    assert (row["stage"], row["stage_reason"]) == ("parked", "Budget frozen until Q3")
    assert board.session.undo_stack.undoText() == "Move idea to Parked"
    assert page.board.exits_shown() and board.column("parked") == ["Mortgage pilot"]
    assert "Shaping → Parked — Budget frozen until Q3" in page.editor.history.text()
    assert page.editor.summary.text().endswith("Budget frozen until Q3")

    # Back from parked returns to the stage it left from.
    qtbot.keyClick(board.view("parked"), Qt.Key.Key_Left, CTRL)
    assert edits.get(board.session.workbook, "ideas", idea)["stage"] == "shaping"


def test_merge_two_ideas_and_undo(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, board: Board) -> None:
    page, wb = board.page, board.session.workbook
    before = {t: edits.rows(wb, t, order_by="id") for t in ("ideas", "idea_goals", "idea_tags")}
    keep, dup = board.idea("Open banking API"), board.idea("Open-banking portal")
    ideas.set_tags(wb, dup, ["api"])
    before["idea_tags"] = edits.rows(wb, "idea_tags", order_by="id")
    page.show_context(board.context)
    view = board.view("captured")
    qtbot.mouseClick(view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier,
                     board.card_centre("captured", "Open banking API"))
    qtbot.mouseClick(view.viewport(), LEFT, CTRL, board.card_centre("captured", "Open-banking portal"))
    assert set(page.selected_ids()) == {keep, dup} and page.tools.merge_button.isEnabled()
    offered: list[list[str]] = []

    def choose(_parent: QWidget, rows: list[dict]) -> str:
        offered.append([r["title"] for r in rows])
        return keep

    monkeypatch.setattr(idea_dialogs, "ask_survivor", choose)
    page.tools.merge_button.click()
    assert offered == [["Open banking API", "Open-banking portal"]]
    assert board.column("captured") == ["Open banking API", "Branch refit"]
    assert board.session.undo_stack.undoText() == "Merge ideas"
    assert page.editor.idea_id() == keep and "Open-banking portal" in page.editor.provenance.text()
    assert page.board.columns["captured"].model.rows()[0]["tags"] == ["api"]
    assert page.focus_item("ideas", dup) and page.current_id() == keep  # a merged idea shows its survivor

    board.session.undo_stack.undo()
    assert board.column("captured") == ["Open banking API", "Branch refit", "Open-banking portal"]
    assert {t: edits.rows(wb, t, order_by="id") for t in before} == before


def test_history_and_state_survive_reopening(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, wb: Workbook,
                                             board: Board) -> None:
    page, idea = board.page, board.idea("Open banking API")
    page.focus_item("ideas", idea)
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right, CTRL)
    monkeypatch.setattr(idea_dialogs, "ask_reason", lambda *_args: "Customer chose a vendor")
    page.commands.move([board.idea("Branch refit")], "declined")
    page.focus_item("ideas", idea)
    history = page.editor.history.text().splitlines()
    assert [line.split("   ")[1] for line in history] == [
        "Co-creating → Proposed", "Shaping → Co-creating", "Captured → Shaping", "Captured"]
    path = wb.path
    board.session.deleteLater()
    wb.close()
    reopened = Workbook.open(path)
    try:
        again = open_page(qtbot, reopened, board.account)
        assert again.column("proposed") == ["Open banking API"]
        assert again.column("declined") == ["Branch refit"]
        declined = edits.get(reopened, "ideas", again.idea("Branch refit"))
        assert declined["stage_reason"] == "Customer chose a vendor"
        assert [h["to_stage"] for h in idea_queries.history(reopened, again.idea("Open banking API"))] == [
            "captured", "shaping", "co-creating", "proposed"]
    finally:
        reopened.close()


def test_new_ideas_by_key_and_from_a_meeting(qtbot: QtBot, wb: Workbook, board: Board) -> None:
    page = board.page
    page.focus_item("ideas", board.idea("Branch refit"))
    qtbot.keyClick(board.view("captured"), Qt.Key.Key_N, CTRL)  # Ctrl+N on a card: a new idea, not a workbook
    assert QApplication.focusWidget() is page.editor.title and page.editor.title.selectedText() == "New idea"
    qtbot.keyClicks(page.editor.title, "Cash-flow forecasting")
    qtbot.keyClick(page.editor.title, Qt.Key.Key_Return)
    assert board.stored("captured")[-1] == "Cash-flow forecasting"
    assert [board.session.undo_stack.text(n) for n in range(2)] == ["New idea", "Edit idea"]
    page.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Insert)
    assert board.stored("captured")[-1] == "New idea"

    meeting = edits.rows(wb, "meetings", account_id=board.account)[0]["id"]
    new = page.new_idea_from_meeting(meeting, "Share the liquidity forecast\nThey asked twice.")
    row = idea_queries.detail(wb, new)
    assert (row["title"], row["origin"], row["origin_meeting_id"], row["stage"]) == (
        "Share the liquidity forecast", "meeting", meeting, "captured")
    assert row["description"] == "Share the liquidity forecast\nThey asked twice."
    assert page.current_id() == new and board.session.undo_stack.undoText() == "New idea from meeting"


def test_editor_fields_and_links_are_one_undo_step_each(qtbot: QtBot, wb: Workbook, board: Board) -> None:
    page, editor, stack = board.page, board.page.editor, board.session.undo_stack
    idea = board.idea("Branch refit")
    page.show_details(True, chosen=True)
    page.focus_item("ideas", idea)
    assert editor.value.text() == "Mutual value 8 of 25 · Our win"
    assert "customer value × our value = 2 × 4 = 8" in editor.value.toolTip()
    assert "both values are at least 3" in editor.value.toolTip()
    editor.customer_value.setFocus()
    editor.customer_value.selectAll()
    qtbot.keyClicks(editor.customer_value, "4")
    assert editor.value.text() == "Mutual value 16 of 25 · Mutual win"  # shown before it is saved
    qtbot.keyClick(editor.customer_value, Qt.Key.Key_Return)
    assert edits.get(wb, "ideas", idea)["customer_value"] == 4 and stack.undoText() == "Edit idea"
    assert page.board.columns["captured"].model.rows()[1]["mutual_value"] == 16

    grow = next(g for g, t, _s in idea_queries.choices(wb, board.account).goals if t == "Grow lending")
    editor.goals.boxes[grow].click()
    assert idea_queries.detail(wb, idea)["goal_links"] == {grow: 2} and stack.undoText() == "Link goals"
    strength = editor.goals.strengths[grow]
    strength.setCurrentIndex(strength.findData(3))
    strength.activated.emit(strength.currentIndex())
    assert idea_queries.detail(wb, idea)["goal_links"] == {grow: 3}
    editor.tags.setText("quick win, Quick Win, branches")
    editor.tags.editingFinished.emit()
    assert idea_queries.detail(wb, idea)["tags"] == ["branches", "quick win"]
    assert stack.undoText() == "Edit tags"

    # A refresh while the user types keeps the text; an edit elsewhere does not disturb it.
    editor.description.setFocus()
    qtbot.keyClicks(editor.description, "Refit ten branches")
    board.session.change("Edit idea", "ideas", board.idea("Mortgage pilot"), effort=5)
    assert editor.description.toPlainText() == "Refit ten branches"
    editor.title.setFocus()
    assert edits.get(wb, "ideas", idea)["description"] == "Refit ten branches"
    count = stack.count()
    for _ in range(4):
        stack.undo()
    assert idea_queries.detail(wb, idea)["goal_links"] == {grow: 2} and count - stack.index() == 4


def test_table_filters_sorts_and_edits(qtbot: QtBot, wb: Workbook, board: Board) -> None:
    page = board.page
    page.tools.table_button.click()
    proxy, filters = page.proxy, page.filters
    assert page.views.currentWidget() is page.table and proxy.rowCount() == 4

    def shown() -> list[str]:
        return [proxy.index(n, 0).data() for n in range(proxy.rowCount())]

    grow = next(g for g, t, _s in idea_queries.choices(wb, board.account).goals if t == "Grow lending")
    filters.goal.setCurrentIndex(filters.goal.findData(grow))
    assert sorted(shown()) == ["Open banking API", "Open-banking portal"]
    assert page.tools.count.text() == "2 of 4 ideas match the filters"
    filters.goal.setCurrentIndex(filters.goal.findData(idea_queries.NO_GOAL))
    assert sorted(shown()) == ["Branch refit", "Mortgage pilot"]
    filters.clear()
    filters.quadrant.setCurrentIndex(filters.quadrant.findData("our win"))
    assert shown() == ["Branch refit"]
    filters.clear()
    filters.stage.setCurrentIndex(filters.stage.findData("shaping"))
    assert shown() == ["Mortgage pilot"]
    filters.clear()
    filters.text.setText("portal")
    assert shown() == ["Open-banking portal"]
    filters.clear()
    page.table.sortByColumn(page.table_model.column_of("mutual_value"), Qt.SortOrder.DescendingOrder)
    assert shown()[0] == "Open banking API" and shown()[-1] == "Branch refit"
    # Editing a cell saves it; a new stage is a move.
    index = proxy.index(0, page.table_model.column_of("effort"))
    assert proxy.setData(index, 5)
    assert edits.get(wb, "ideas", board.idea("Open banking API"))["effort"] == 5
    stage = proxy.index(0, page.table_model.column_of("stage"))
    assert proxy.setData(stage, "proposed")
    assert board.session.undo_stack.undoText() == "Move idea to Proposed"
    # The board shows the same filters, with counts of what each column holds.
    filters.text.setText("open")
    page.tools.board_button.click()
    assert board.column("captured") == ["Open-banking portal"]
    assert board.column("proposed") == ["Open banking API"]
    assert page.board.columns["captured"].count.text() == "1 of 2"


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, board: Board) -> None:
    page = board.page
    qtmodeltester.check(page.board.columns["captured"].model)
    page.tools.table_button.click()
    qtmodeltester.check(page.table_model)
    page.filters.text.setText("open")
    qtmodeltester.check(page.proxy)
    page.focus_item("ideas", board.idea("Branch refit"))
    qtmodeltester.check(page.editor.people.check_model)
    qtmodeltester.check(page.editor.assets.check_model)


def test_focus_item(board: Board) -> None:
    page = board.page
    idea = board.idea("Mortgage pilot")
    edits.change(board.session.workbook, "ideas", idea, stage="declined")
    page.show_context(board.context)
    page.filters.text.setText("open")
    assert not page.board.exits_shown()
    assert page.focus_item("ideas", idea)
    assert page.board.exits_shown() and page.board.selected_ids() == [idea] and page.filters.text.text() == ""
    assert page.editor.title.text() == "Mortgage pilot"
    assert not page.focus_item("goals", idea) and not page.focus_item("ideas", "no-such-idea")


def test_read_only_nothing_is_editable(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, wb: Workbook,
                                       board: Board) -> None:
    path, account = wb.path, board.account
    board.session.deleteLater()
    wb.close()
    reopened = Workbook.open(path, read_only=True)
    try:
        ro = open_page(qtbot, reopened, account, read_only=True)
        page = ro.page
        page.focus_item("ideas", ro.idea("Branch refit"))
        tools = page.tools
        assert not any(b.isEnabled() for b in (tools.new_button, tools.merge_button, tools.on_button,
                                               tools.move_button))
        view = ro.view("captured")
        assert not view.model().flags(view.model().index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
        qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)
        qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
        qtbot.keyClick(view, Qt.Key.Key_Delete)
        assert ro.stored("captured") == ["Open banking API", "Branch refit", "Open-banking portal"]
        assert page.editor.title.isReadOnly() and not page.editor.origin.isEnabled()
        assert page.editor.customer_value.isReadOnly() and not page.editor.people.check_model.editable
        assert not page.table_model.flags(page.table_model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    finally:
        reopened.close()


def test_empty_account_says_what_to_do(qtbot: QtBot, wb: Workbook) -> None:
    account = edits.add(wb, "accounts", name="Quiet Ltd").items[0].row_id
    empty = open_page(qtbot, wb, account)
    assert empty.page.stack.currentIndex() == 1 and "No ideas yet" in empty.page.empty_hint.text()
    empty.page.empty_add.click()
    assert empty.page.stack.currentIndex() == 0 and empty.stored("captured") == ["New idea"]


def test_refresh_keeps_selection_scroll_and_unsaved_typing(qtbot: QtBot, wb: Workbook, board: Board) -> None:
    with wb.transaction():
        for n in range(60):
            ideas.add_idea(wb, board.account, f"Filler {n:02d}")
    page = board.page
    page.show_context(board.context)
    target = board.idea("Filler 50")
    page.focus_item("ideas", target)
    view = board.view("captured")
    scroll = view.verticalScrollBar().value()
    assert scroll > 0
    board.session.change("Edit idea", "ideas", board.idea("Filler 03"), effort=5)  # an edit elsewhere
    assert page.board.selected_ids() == [target] and view.verticalScrollBar().value() == scroll
    board.session.edit("Move idea", lambda w: ideas.move_idea(w, board.idea("Filler 02"), "shaping"))
    assert page.board.selected_ids() == [target] and page.editor.idea_id() == target  # the column was rebuilt

    # Typing in the editor survives a refresh, and is saved when another idea is shown.
    page.show_details(True, chosen=True)
    page.editor.title.setFocus()
    page.editor.title.selectAll()
    qtbot.keyClicks(page.editor.title, "Filler fifty")
    page.show_context(board.context)
    assert page.editor.title.text() == "Filler fifty"
    page.select_ids([board.idea("Filler 51")])
    assert edits.get(wb, "ideas", target)["title"] == "Filler fifty"
    assert page.editor.title.text() == "Filler 51"


def test_follows_the_session_and_the_selected_account(qtbot: QtBot, wb: Workbook, board: Board) -> None:
    page, idea = board.page, board.idea("Branch refit")
    assert not page.commands.edit_fields(idea, {"customer_value": 9})  # the workbook refuses: said, not saved
    assert "not allowed" in page.tools.status.text() and edits.get(wb, "ideas", idea)["customer_value"] == 2

    # Another account: its ideas, without the filters, the message or the idea of the one before.
    page.filters.text.setText("open")
    page.focus_item("ideas", idea)
    other = edits.add(wb, "accounts", name="Quiet Ltd").items[0].row_id
    ideas.add_idea(wb, other, "Quiet idea")
    summary = account_summary(wb, other)
    page.show_context(PageContext(wb, account=summary, session=board.session))
    assert page.filters.text.text() == "" and page.tools.status.text() == ""
    assert [r["title"] for r in page.board.columns["captured"].model.rows()] == ["Quiet idea"]
    assert page.current_id() is None and page.editor.idea_id() is None
    assert page.tools.count.text() == "1 idea"

    # A new session replaces the old one: only its refusals are said, and only it is edited through.
    fresh = EditSession(wb)
    page.show_context(PageContext(wb, account=summary, session=fresh))
    with qtbot.assertNotEmitted(board.session.changed):
        assert page.commands.new_idea("Second quiet idea")
    assert [r["title"] for r in page.board.columns["captured"].model.rows()] == ["Quiet idea",
                                                                                "Second quiet idea"]
    board.session.failed.emit("from the old session")
    assert page.tools.status.text() != "from the old session"
    fresh.failed.emit("from the new session")
    assert page.tools.status.text() == "from the new session"


def test_toolbar_lines(board: Board) -> None:
    """Buttons on the left and the order and views on the right of the first line; the count and the status
    on the second."""
    tools = board.page.tools
    left = [tools.new_button, tools.back_button, tools.on_button, tools.move_button, tools.merge_button]
    right = [tools.order, tools.board_button, tools.table_button, tools.details_button]
    xs = [widget.geometry().x() for widget in left + right]
    assert xs == sorted(xs) and len({widget.geometry().center().y() for widget in left + right}) <= 2
    assert tools.count.geometry().top() > tools.new_button.geometry().bottom()
    assert tools.status.geometry().left() > tools.count.geometry().right()
    assert tools.status.geometry().right() == tools.details_button.geometry().right()
