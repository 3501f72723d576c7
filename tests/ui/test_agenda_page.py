"""The Boardroom agenda page, driven the way a user drives it: keys, drops, the side form, undo and redo."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import open_on_account

from immersion.store import edits, ordering, queries
from immersion.store.workbook import Workbook
from immersion.ui.agenda_page import AgendaPage
from immersion.ui.edit_session import EditSession
from immersion.ui.pages import PageContext


@dataclass
class Agenda:
    page: AgendaPage
    session: EditSession
    account: str
    context: PageContext

    def titles(self) -> list[str]:
        return [self.page.model.row(n)["title"] for n in range(self.page.model.rowCount())]

    def shown(self) -> list[str]:
        proxy = self.page.filtered
        return [proxy.index(n, 1).data() for n in range(proxy.rowCount())]

    def stored(self, workbook: Workbook | None = None) -> list[str]:
        workbook = workbook or self.session.workbook
        return [edits.get(workbook, "goals", g)["title"] for g in ordering.agenda(workbook, self.account)]

    def goal(self, title: str) -> str:
        return next(r["id"] for r in self.page.model.rows() if r["title"] == title)


def open_page(qtbot: QtBot, wb: Workbook, account: str, read_only: bool = False) -> Agenda:
    page = AgendaPage(None)
    session, context = open_on_account(qtbot, wb, page, account, read_only)
    return Agenda(page, session, account, context)


def add_account(wb: Workbook, name: str = "Harbour Bank") -> str:
    return edits.add(wb, "accounts", name=name).items[0].row_id


def add_goals(wb: Workbook, account: str, *specs: tuple[str, str, str]) -> None:
    for rank, (title, category, status) in enumerate(specs):
        edits.add(wb, "goals", account_id=account, title=title, category=category, status=status, rank=rank)


def drop(model: QAbstractItemModel, source: int, target: int) -> bool:
    """Drag shown row `source` and drop it above shown row `target` (-1: below the last), as a view does."""
    data = model.mimeData([model.index(source, 1)])
    return model.dropMimeData(data, Qt.DropAction.MoveAction, target, -1 if target < 0 else 0, QModelIndex())


def type_into_editor(qtbot: QtBot, text: str) -> None:
    editor = QApplication.focusWidget()
    assert editor is not None
    qtbot.keyClicks(editor, text)
    commit(qtbot, editor)


def commit(qtbot: QtBot, editor: QWidget) -> None:
    """Press Enter in a cell editor; the delegate commits and closes it on the next turn of the event loop."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not editor)


def edit_cell(qtbot: QtBot, agenda: Agenda, row: int, key: str) -> QWidget:
    """Make a cell current and open its editor with F2, as a user would."""
    table = agenda.page.table
    table.setCurrentIndex(agenda.page.filtered.index(row, agenda.page.model.column_of(key)))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    return editor


@pytest.fixture
def empty_agenda(qtbot: QtBot, wb: Workbook) -> Agenda:
    return open_page(qtbot, wb, add_account(wb))


@pytest.fixture
def agenda(qtbot: QtBot, wb: Workbook) -> Agenda:
    account = add_account(wb)
    add_goals(wb, account, ("Grow lending", "strategic", "confirmed"),
              ("Cut costs", "financial", "confirmed"), ("Win SMEs", "competitive", "unconfirmed"),
              ("Lower risk", "financial", "achieved"), ("Please the regulator", "political", "dropped"))
    return open_page(qtbot, wb, account)


def test_add_three_goals_rerank_undo_redo_and_reopen(qtbot: QtBot, wb: Workbook,
                                                     empty_agenda: Agenda) -> None:
    agenda, page, stack = empty_agenda, empty_agenda.page, empty_agenda.session.undo_stack
    assert page.stack.currentIndex() == 1 and "No goals yet" in page.empty_hint.text()
    page.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Insert)  # the empty agenda takes Insert too
    type_into_editor(qtbot, "Grow lending")
    for key, modifier, title in ((Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier, "Cut costs"),
                                 (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, "Win SMEs")):
        qtbot.keyClick(page.table, key, modifier)
        type_into_editor(qtbot, title)
    assert agenda.stored() == agenda.titles() == ["Grow lending", "Cut costs", "Win SMEs"]
    assert page.selected_goal_id() == agenda.goal("Win SMEs")

    combo = edit_cell(qtbot, agenda, 1, "category")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("financial"))
    commit(qtbot, combo)
    spin = edit_cell(qtbot, agenda, 1, "priority")
    assert isinstance(spin, QSpinBox)
    spin.selectAll()
    type_into_editor(qtbot, "5")
    cut = edits.get(wb, "goals", agenda.goal("Cut costs"))
    assert (cut["category"], cut["priority"]) == ("financial", 5)
    assert stack.undoText() == "Edit goal"

    assert drop(page.table.model(), 2, 0)  # drag "Win SMEs" to the top
    after_drag = ["Win SMEs", "Grow lending", "Cut costs"]
    assert agenda.stored() == agenda.titles() == after_drag
    assert stack.undoText() == "Re-rank goal" and page.selected_goal_id() == agenda.goal("Win SMEs")

    # And by keyboard: the selected "Win SMEs" goes down twice, then back up once.
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert agenda.stored() == ["Grow lending", "Cut costs", "Win SMEs"]
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    final = ["Grow lending", "Win SMEs", "Cut costs"]
    assert agenda.stored() == agenda.titles() == final
    assert page.model.index(1, 0).data() == "2"  # the rank column counts from 1

    before_drag = ["Grow lending", "Cut costs", "Win SMEs"]
    steps = [before_drag, after_drag, ["Grow lending", "Win SMEs", "Cut costs"], before_drag, final]
    for expected in reversed(steps[:-1]):  # undo the four re-ranks, newest first
        assert stack.undoText() == "Re-rank goal"
        stack.undo()
        assert agenda.stored() == agenda.titles() == expected
    assert stack.undoText() == "Edit goal"
    for expected in steps[1:]:
        stack.redo()
        assert agenda.stored() == agenda.titles() == expected

    path = wb.path
    wb.close()
    reopened = Workbook.open(path)
    try:
        assert agenda.stored(reopened) == final
        again = open_page(qtbot, reopened, agenda.account)
        assert again.titles() == final
        assert edits.get(reopened, "goals", again.goal("Cut costs"))["priority"] == 5
    finally:
        reopened.close()


def test_filters_hide_and_show_and_count(agenda: Agenda) -> None:
    page = agenda.page
    assert page.count.text().startswith("5 goals")
    page.category_filter.setCurrentIndex(page.category_filter.findData("financial"))
    assert agenda.shown() == ["Cut costs", "Lower risk"] and page.count.text().startswith("2 of 5 goals")
    page.state_filter.setCurrentIndex(page.state_filter.findData("open"))
    assert agenda.shown() == ["Cut costs"]
    page.category_filter.setCurrentIndex(0)
    assert agenda.shown() == ["Grow lending", "Cut costs", "Win SMEs"]
    page.state_filter.setCurrentIndex(page.state_filter.findData("dropped"))
    assert agenda.shown() == ["Please the regulator"]
    page.state_filter.setCurrentIndex(0)
    page.text_filter.setText("cost")
    assert agenda.shown() == ["Cut costs"] and page.clear_button.isEnabled()
    page.clear_button.click()
    assert len(agenda.shown()) == 5 and page.text_filter.text() == "" and not page.clear_button.isEnabled()


def test_reranking_a_filtered_agenda_uses_the_full_order(qtbot: QtBot, agenda: Agenda) -> None:
    page = agenda.page
    page.category_filter.setCurrentIndex(page.category_filter.findData("financial"))
    proxy = page.table.model()
    assert drop(proxy, 1, 0)
    assert agenda.stored() == ["Grow lending", "Lower risk", "Cut costs", "Win SMEs", "Please the regulator"]
    assert agenda.shown() == ["Lower risk", "Cut costs"]
    # Ctrl+Down jumps over the hidden goals to land just below the next one shown.
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert agenda.stored() == ["Grow lending", "Cut costs", "Lower risk", "Win SMEs", "Please the regulator"]
    # Dropped below the last goal shown, it lands right after it, not at the very bottom.
    assert drop(proxy, 0, -1)
    assert agenda.stored() == ["Grow lending", "Lower risk", "Cut costs", "Win SMEs", "Please the regulator"]
    assert agenda.session.undo_stack.count() == 3


def test_side_form_edits_each_field_undoably(qtbot: QtBot, wb: Workbook, agenda: Agenda) -> None:
    person = edits.add(wb, "stakeholders", account_id=agenda.account, name="Dana Cole").items[0].row_id
    meeting_id = edits.add(wb, "meetings", account_id=agenda.account, title="Discovery",
                           starts_at="2025-03-14T10:00").items[0].row_id
    page, form = agenda.page, agenda.page.form
    page.show_context(agenda.context)
    goal = agenda.goal("Win SMEs")
    assert page.focus_item("goals", goal) and form.goal_id() == goal

    form.kpi.setFocus()
    qtbot.keyClicks(form.kpi, "SME market share")
    qtbot.keyClick(form.kpi, Qt.Key.Key_Return)
    assert edits.get(wb, "goals", goal)["kpi"] == "SME market share"
    assert agenda.session.undo_stack.undoText() == "Edit goal"

    form.status.setCurrentIndex(form.status.findData("confirmed"))
    form.status.activated.emit(form.status.currentIndex())
    row = edits.get(wb, "goals", goal)
    assert row["status"] == "confirmed" and row["status_changed_at"].endswith("Z")
    for combo, value in ((form.owner_stakeholder_id, person), (form.source_stakeholder_id, person),
                         (form.source_meeting_id, meeting_id)):
        combo.setCurrentIndex(combo.findData(value))
        combo.activated.emit(combo.currentIndex())
    row = edits.get(wb, "goals", goal)
    assert (row["owner_stakeholder_id"], row["source_stakeholder_id"], row["source_meeting_id"]) == \
        (person, person, meeting_id)
    assert "14 Mar 2025" in form.source_meeting_id.currentText()
    assert page.model.index(page.model.row_of(goal), page.model.column_of("owner_stakeholder_id")).data() == \
        "Dana Cole"

    form.description.setFocus()
    qtbot.keyClicks(form.description, "They lose SMEs to fintechs.")
    form.title.setFocus()  # leaving the description commits it
    assert edits.get(wb, "goals", goal)["description"] == "They lose SMEs to fintechs."
    form.title.clear()
    form.title.editingFinished.emit()  # a goal needs a title: the form puts it back
    assert form.title.text() == "Win SMEs" and edits.get(wb, "goals", goal)["title"] == "Win SMEs"

    agenda.session.undo_stack.undo()
    assert edits.get(wb, "goals", goal)["description"] is None
    assert form.description.toPlainText() == ""


def test_delete_by_key_says_how_to_undo(qtbot: QtBot, wb: Workbook, agenda: Agenda) -> None:
    page = agenda.page
    page.focus_item("goals", agenda.goal("Cut costs"))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert agenda.stored() == ["Grow lending", "Win SMEs", "Lower risk", "Please the regulator"]
    assert page.status.text().startswith("Deleted goal “Cut costs” — Undo with ")
    assert page.selected_goal_id() == agenda.goal("Win SMEs")  # the next goal moves into its place
    agenda.session.undo_stack.undo()
    assert agenda.titles()[1] == "Cut costs"


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, agenda: Agenda) -> None:
    qtmodeltester.check(agenda.page.model)
    agenda.page.text_filter.setText("s")
    qtmodeltester.check(agenda.page.filtered)


def test_tooltips_explain_columns_and_scores(agenda: Agenda) -> None:
    model = agenda.page.model
    for column in range(model.columnCount()):
        assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    row = model.row_of(agenda.goal("Grow lending"))
    priority = model.index(row, model.column_of("priority")).data(Qt.ItemDataRole.ToolTipRole)
    assert "alignment index" in priority and "3 ÷ 9" in priority  # three open goals of priority 3
    assert "Confirmed" in model.index(row, model.column_of("status")).data(Qt.ItemDataRole.ToolTipRole)
    emphasis = model.index(row, model.column_of("p"))
    assert emphasis.data() == "33%"
    assert "e = " in emphasis.data(Qt.ItemDataRole.ToolTipRole) and "|p − e|" in emphasis.data(
        Qt.ItemDataRole.ToolTipRole)
    closed = model.index(model.row_of(agenda.goal("Lower risk")), model.column_of("p"))
    assert closed.data() == "0%"


def test_refresh_keeps_selection_and_scroll(qtbot: QtBot, wb: Workbook) -> None:
    account = add_account(wb)
    add_goals(wb, account, *((f"Goal {n}", "strategic", "confirmed") for n in range(40)))
    agenda = open_page(qtbot, wb, account)
    page = agenda.page
    page.focus_item("goals", agenda.goal("Goal 30"))
    scroll = page.table.verticalScrollBar().value()
    assert scroll > 0
    agenda.session.change("Edit goal", "goals", agenda.goal("Goal 2"), title="Goal two")  # an edit elsewhere
    assert page.selected_goal_id() == agenda.goal("Goal 30")
    last = agenda.goal("Goal 0")
    agenda.session.edit("Re-rank goal", lambda w: ordering.move_goal(w, last, 39))  # resets the model
    assert page.selected_goal_id() == agenda.goal("Goal 30")
    assert page.table.verticalScrollBar().value() == scroll


def test_read_only_context_cannot_edit(qtbot: QtBot, wb: Workbook) -> None:
    account = add_account(wb)
    add_goals(wb, account, ("Grow lending", "strategic", "confirmed"),
              ("Cut costs", "financial", "confirmed"))
    agenda = open_page(qtbot, wb, account, read_only=True)
    page, model = agenda.page, agenda.page.model
    assert not page.add_button.isEnabled() and not page.delete_button.isEnabled()
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    page.focus_item("goals", agenda.goal("Cut costs"))
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert not drop(page.table.model(), 1, 0)
    assert agenda.stored() == ["Grow lending", "Cut costs"] and agenda.session.undo_stack.count() == 0
    assert page.form.title.isReadOnly() and not page.form.status.isEnabled()


def test_focus_item_clears_hiding_filters(agenda: Agenda) -> None:
    page = agenda.page
    page.text_filter.setText("lending")
    assert page.focus_item("goals", agenda.goal("Please the regulator"))
    assert page.text_filter.text() == "" and page.selected_goal_id() == agenda.goal("Please the regulator")
    assert page.form.title.text() == "Please the regulator"
    assert not page.focus_item("stakeholders", agenda.goal("Cut costs"))
    assert not page.focus_item("goals", "no-such-goal")


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_screenshot_on_the_demo_workbook(qtbot: QtBot, tmp_path: Path, palette: str) -> None:
    from immersion.store.demo import write_demo
    from immersion.ui import theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    app.setPalette(theme.dark_palette() if palette == "dark" else theme.light_palette())
    write_demo(tmp_path / "d.immersion")
    demo = Workbook.open(tmp_path / "d.immersion")
    try:
        agenda = open_page(qtbot, demo, queries.portfolio_summary(demo)[0].id)
        agenda.page.focus_item("goals", agenda.page.model.row(1)["id"])
        qtbot.wait(10)
        picture = agenda.page.grab()
        folder = Path(os.environ.get("IMMERSION_SCREENSHOTS", tmp_path))
        assert picture.save(str(folder / ("agenda.png" if palette == "light" else "agenda-dark.png")))
        header = agenda.page.table.horizontalHeader()
        assert header.sectionSize(1) >= agenda.page.table.fontMetrics().averageCharWidth() * 30
        assert agenda.page.count.text().startswith("8 goals")
    finally:
        app.setPalette(before)
        demo.close()


def test_keys_reach_every_control_and_beat_window_shortcuts(qtbot: QtBot, agenda: Agenda) -> None:
    page = agenda.page
    new_workbook = QAction("New Workbook", page)  # the window's Ctrl+N, as the main window has it
    new_workbook.setShortcut(QKeySequence("Ctrl+N"))
    page.addAction(new_workbook)
    page.focus_item("goals", agenda.goal("Cut costs"))
    with qtbot.assertNotEmitted(new_workbook.triggered):
        qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)  # keeps the title "New goal"
    assert agenda.titles()[-1] == "New goal"

    page.add_button.setFocus()
    visited = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    form = page.form
    for widget in (page.delete_button, page.text_filter, page.category_filter, page.state_filter, page.table,
                   form.title, form.description, form.priority, form.status, form.kpi, form.target,
                   form.source_meeting_id, form.owner_stakeholder_id):
        assert widget in visited
