"""The catalogue pages, Team & partners and Assets: keyboard add, in-place edits, delete and undo, filters."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QTableView, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import show_on

from immersion.store import edits
from immersion.store.workbook import Workbook
from immersion.ui import catalogue_base
from immersion.ui.catalogue_base import CataloguePage
from immersion.ui.catalogue_pages import AssetsPage, TeamPage
from immersion.ui.edit_session import EditSession
from immersion.ui.pages import PageContext


@dataclass
class Shown:
    page: CataloguePage
    session: EditSession
    workbook: Workbook

    def undo_texts(self) -> list[str]:
        stack = self.session.undo_stack
        return [stack.text(n) for n in range(stack.count())]

    def row(self, name: str) -> int:
        """The view row showing `name`."""
        column = self.page.model.column_of("name")
        proxy = self.page.proxy
        return next(r for r in range(proxy.rowCount()) if proxy.index(r, column).data() == name)


def show(qtbot: QtBot, workbook: Workbook, page_class: type[CataloguePage], editable: bool = True) -> Shown:
    session = EditSession(workbook)
    context = PageContext(workbook, session=session if editable else None)
    page = page_class()
    show_on(qtbot, page, session, context, (1100, 600))
    return Shown(page, session, workbook)


def add(wb: Workbook, table: str, **values: object) -> str:
    return edits.add(wb, table, **values).items[0].row_id


@pytest.fixture
def team(wb: Workbook) -> dict[str, str]:
    return {
        "Claire": add(wb, "team_members", name="Claire Fontaine", function="sales", organisation="Verdant"),
        "Marek": add(wb, "team_members", name="Marek Novák", function="operations", organisation="Verdant"),
        "Inês": add(wb, "team_members", name="Inês Duarte", function="agency", organisation="Northlight",
                    third_party=1),
    }


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirmations asked for (their texts); asking is a test failure unless a test sets an answer."""
    asked: list[str] = []

    def refuse(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        raise AssertionError("nothing used should need a confirmation")

    monkeypatch.setattr(catalogue_base, "confirm_delete", refuse)
    return asked


def type_into_editor(qtbot: QtBot, view: QTableView, text: str) -> None:
    """Type over the open cell editor and press Enter, as a user would."""
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.parent() is view.viewport()
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    commit(qtbot, view, editor)


def commit(qtbot: QtBot, view: QTableView, editor: QWidget) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor through a queued call.
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def pick(qtbot: QtBot, view: QTableView, value: object) -> None:
    """Choose `value` in the open combo box editor."""
    combo = view.viewport().findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findData(value))
    commit(qtbot, view, combo)


def test_team_member_added_by_keyboard(qtbot: QtBot, wb: Workbook, team: dict[str, str]) -> None:
    shown = show(qtbot, wb, TeamPage)
    view = shown.page.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    assert view.state() == view.State.EditingState  # the new row's name, ready to type over
    type_into_editor(qtbot, view, "Aisha Bello")
    names = {row["name"] for row in edits.rows(wb, "team_members")}
    assert names == {"Claire Fontaine", "Marek Novák", "Inês Duarte", "Aisha Bello"}
    assert shown.undo_texts() == ["Add team member", "Edit team member"]
    assert shown.page.count.text() == "4 people"
    assert view.currentIndex().row() == shown.row("Aisha Bello")

    new_workbook = QAction("New Workbook", shown.page)  # the window's Ctrl+N must not win over the table's
    new_workbook.setShortcut(QKeySequence("Ctrl+N"))
    shown.page.addAction(new_workbook)
    with qtbot.assertNotEmitted(new_workbook.triggered):
        qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_into_editor(qtbot, view, "Daniel Okafor")
    assert edits.count(wb, "team_members") == 5


def test_only_plain_insert_adds_a_row(qtbot: QtBot, wb: Workbook, team: dict[str, str]) -> None:
    shown = show(qtbot, wb, TeamPage)
    view = shown.page.view
    view.setFocus()
    for modifier in (Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier):
        qtbot.keyClick(view, Qt.Key.Key_Insert, modifier)  # Shift+Insert pastes in many programs
    assert edits.count(wb, "team_members") == 3 and shown.undo_texts() == []
    assert view.state() != view.State.EditingState
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    assert edits.count(wb, "team_members") == 4 and shown.undo_texts() == ["Add team member"]
    assert view.state() == view.State.EditingState


def test_function_and_third_party_edited_in_place(qtbot: QtBot, wb: Workbook, team: dict[str, str]) -> None:
    shown = show(qtbot, wb, TeamPage)
    page, view = shown.page, shown.page.view
    function = page.proxy.index(shown.row("Marek Novák"), page.model.column_of("function"))
    assert function.data() == "Operations"
    assert "delivery" in function.data(Qt.ItemDataRole.ToolTipRole)
    view.setCurrentIndex(function)
    view.edit(function)
    pick(qtbot, view, "marketing")
    assert edits.get(wb, "team_members", team["Marek"])["function"] == "marketing"
    assert page.proxy.index(shown.row("Marek Novák"), page.model.column_of("function")).data() == "Marketing"

    third = page.proxy.index(shown.row("Marek Novák"), page.model.column_of("third_party"))
    assert page.proxy.setData(third, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert edits.get(wb, "team_members", team["Marek"])["third_party"] == 1
    assert shown.undo_texts() == ["Edit team member", "Edit team member"]
    header_tip = page.model.headerData(page.model.column_of("third_party"), Qt.Orientation.Horizontal,
                                       Qt.ItemDataRole.ToolTipRole)
    assert "outside our company" in header_tip


def test_delete_unused_member_at_once_and_undo(qtbot: QtBot, wb: Workbook, team: dict[str, str],
                                               no_questions: list[str]) -> None:
    shown = show(qtbot, wb, TeamPage)
    view = shown.page.view
    view.setFocus()
    view.selectRow(shown.row("Marek Novák"))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert edits.get(wb, "team_members", team["Marek"]) is None
    assert shown.undo_texts() == ["Delete team member"]
    assert shown.page.count.text() == "2 people"
    assert view.selectionModel().hasSelection()  # the next row, ready for the next key
    shown.session.undo_stack.undo()
    assert edits.get(wb, "team_members", team["Marek"])["name"] == "Marek Novák"
    assert shown.page.model.rowCount() == 3


def test_deleting_a_member_in_use_asks_first(qtbot: QtBot, wb: Workbook, team: dict[str, str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    account = add(wb, "accounts", name="Harbour Bank", owner_id=team["Claire"])
    person = add(wb, "stakeholders", account_id=account, name="Martin Achterberg")
    add(wb, "coverage", stakeholder_id=person, team_member_id=team["Claire"], strength=4)
    meeting = add(wb, "meetings", account_id=account, title="Discovery", starts_at="2026-01-10T10:00")
    add(wb, "meeting_attendees", meeting_id=meeting, team_member_id=team["Claire"])
    answers = [False, True]
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(catalogue_base, "confirm_delete", answer)
    shown = show(qtbot, wb, TeamPage)
    shown.page.view.selectRow(shown.row("Claire Fontaine"))
    assert not shown.page.delete_selected()  # the answer was no
    assert "3 places" in asked[0]
    assert "accounts they own: 1" in asked[0] and "meetings they attend: 1" in asked[0]
    assert edits.get(wb, "team_members", team["Claire"]) is not None

    assert shown.page.delete_selected()
    assert edits.get(wb, "accounts", account)["owner_id"] is None and edits.count(wb, "coverage") == 0
    shown.session.undo_stack.undo()
    assert edits.get(wb, "accounts", account)["owner_id"] == team["Claire"]
    assert edits.count(wb, "coverage") == 1


def test_filter_by_text_and_group(qtbot: QtBot, wb: Workbook, team: dict[str, str]) -> None:
    shown = show(qtbot, wb, TeamPage)
    page = shown.page
    qtbot.keyClicks(page.filter, "verdant")
    assert page.proxy.rowCount() == 2 and page.count.text() == "2 of 3 shown"
    page.filter.clear()
    page.group.setCurrentIndex(page.group.findText("Third parties"))
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == ["Inês Duarte"]
    page.add()  # a new row joins the group it was added in
    added = next(r for r in edits.rows(wb, "team_members") if r["name"] == "New team member")
    assert added["third_party"] == 1 and page.proxy.rowCount() == 2
    assert page.focus_item("team_members", team["Claire"])  # hidden by the group: the filter makes way
    assert page.group.currentIndex() == 0 and page.view.currentIndex().row() == shown.row("Claire Fontaine")
    assert not page.focus_item("assets", team["Claire"])


def test_models_pass_the_model_tester(qtbot: QtBot, wb: Workbook, team: dict[str, str],
                                      qtmodeltester: ModelTester) -> None:
    add(wb, "assets", name="Energy Benchmark", kind="insight", owner_id=team["Claire"])
    for page_class in (TeamPage, AssetsPage):
        shown = show(qtbot, wb, page_class)
        qtmodeltester.check(shown.page.model)
        qtmodeltester.check(shown.page.proxy)


def test_asset_added_edited_and_deleted(qtbot: QtBot, wb: Workbook, team: dict[str, str],
                                        no_questions: list[str]) -> None:
    shown = show(qtbot, wb, AssetsPage)
    page, view = shown.page, shown.page.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Insert)
    type_into_editor(qtbot, view, "Helio battery storage")
    asset = next(r for r in edits.rows(wb, "assets"))
    assert (asset["name"], asset["kind"]) == ("Helio battery storage", "product")

    for key, value, label in (("kind", "capability", "Capability"),
                              ("owner_id", team["Marek"], "Marek Novák")):
        index = page.proxy.index(shown.row("Helio battery storage"), page.model.column_of(key))
        view.edit(index)
        pick(qtbot, view, value)
        assert edits.get(wb, "assets", asset["id"])[key] == value
        assert index.data() == label
    assert "skills" in page.proxy.index(0, page.model.column_of("kind")).data(Qt.ItemDataRole.ToolTipRole)

    page.group.setCurrentIndex(page.group.findText("Data"))
    assert page.proxy.rowCount() == 0 and page.count.text() == "0 of 1 shown"
    page.group.setCurrentIndex(0)
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert edits.count(wb, "assets") == 0 and page.count.text().startswith("None yet")
    shown.session.undo_stack.undo()
    assert edits.get(wb, "assets", asset["id"])["owner_id"] == team["Marek"]
    assert shown.undo_texts() == ["Add asset", "Edit asset", "Edit asset", "Edit asset", "Delete asset"]


def test_deleting_an_asset_used_by_an_idea_asks_first(qtbot: QtBot, wb: Workbook,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    account = add(wb, "accounts", name="Harbour Bank")
    asset = add(wb, "assets", name="Energy Benchmark", kind="insight")
    idea = add(wb, "ideas", account_id=account, title="Benchmark the branches")
    add(wb, "idea_assets", idea_id=idea, asset_id=asset)
    asked: list[str] = []
    monkeypatch.setattr(catalogue_base, "confirm_delete", lambda _p, _t, text: asked.append(text) or True)
    shown = show(qtbot, wb, AssetsPage)
    shown.page.view.selectRow(0)
    assert shown.page.delete_selected()
    assert "ideas that use it: 1" in asked[0]
    assert edits.count(wb, "idea_assets") == 0
    shown.session.undo_stack.undo()
    assert edits.count(wb, "idea_assets") == 1


def test_read_only_catalogue_cannot_be_edited(qtbot: QtBot, wb: Workbook, team: dict[str, str]) -> None:
    shown = show(qtbot, wb, TeamPage, editable=False)
    page = shown.page
    assert not page.add_button.isEnabled() and page.add() is None
    index = page.proxy.index(0, page.model.column_of("name"))
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    third_party = page.proxy.index(0, page.model.column_of("third_party"))
    assert not third_party.flags() & Qt.ItemFlag.ItemIsUserCheckable
    page.view.selectRow(0)
    assert not page.delete_button.isEnabled() and not page.delete_selected()
    assert edits.count(wb, "team_members") == 3
