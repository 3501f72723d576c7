"""Editing accounts in the window: create, rename, delete with undo and redo, and pages kept in step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import open_in_window

from immersion.store import edits
from immersion.store.workbook import Workbook
from immersion.ui import account_commands, dialogs
from immersion.ui.main_window import MainWindow
from immersion.ui.pages import Target
from immersion.ui.portfolio_model import Column
from immersion.ui.settings import Settings


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # noqa: ANN001
    path = tmp_path / "plan.immersion"
    Workbook.create(path).close()
    return open_in_window(qtbot, path)


def names(window: MainWindow) -> list[str]:
    return [s.name for s in window.sidebar.model.summaries()]


def test_create_rename_delete_account_with_undo_and_redo(qtbot, window: MainWindow,  # noqa: ANN001
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "ask_text", lambda *_args, **_kw: "Nordwave Telecom")
    window.actions_.new_account.trigger()
    assert names(window) == ["Nordwave Telecom"]
    account = window.sidebar.current_account_id()
    assert account is not None and window.workspace.current_page_name() == "overview"
    assert window.actions_.undo.text().replace("&", "") == "Undo Add account “Nordwave Telecom”"

    monkeypatch.setattr(dialogs, "ask_text", lambda *_args, **_kw: "Nordwave Group")
    window.actions_.rename_account.trigger()
    assert names(window) == ["Nordwave Group"]
    assert window.workspace.header.isVisible()

    for goal in ("Win the 5G tender", "Cut churn"):
        window.session.add("Add goal", "goals", account_id=account, title=goal, category="competitive")
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, _title, text, _action: asked.append(text) or True)
    window.actions_.delete_account.trigger()
    assert names(window) == [] and "2 goals" in asked[0]
    assert window.workspace.current_page_name() == "portfolio"

    window.actions_.undo.trigger()  # the account comes back with its goals
    assert names(window) == ["Nordwave Group"]
    assert len(edits.rows(window.workbook, "goals", account_id=account)) == 2
    window.actions_.redo.trigger()
    assert names(window) == []
    window.actions_.undo.trigger()
    window.actions_.undo.trigger()
    window.actions_.undo.trigger()  # the two goals
    window.actions_.undo.trigger()  # the rename
    assert names(window) == ["Nordwave Telecom"]


def test_cancelled_delete_changes_nothing(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    account_commands.new_account(window, "Castellan Components")
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: False)
    window.actions_.delete_account.trigger()
    assert names(window) == ["Castellan Components"]


def test_an_edit_updates_the_sidebar_alignment(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    account = account_commands.new_account(window, "Banca Adriatica")
    model = window.sidebar.model
    assert model.index(0, Column.ALIGNMENT).data() == "—"
    goal = window.session.add("Add goal", "goals", account_id=account, title="Green loans", category="financial")
    idea = window.session.add("Add idea", "ideas", account_id=account, title="Solar loan bundle", stage="adopted")
    window.session.add("Link idea", "idea_goals", idea_id=idea, goal_id=goal, strength=3)
    assert model.index(0, Column.ALIGNMENT).data() == "100"
    window.actions_.undo.trigger()  # the idea is no longer linked to the goal: all effort unlinked
    assert model.index(0, Column.ALIGNMENT).data() == "0"
    window.actions_.undo.trigger()  # no idea at all: no effort, the index is undefined
    assert model.index(0, Column.ALIGNMENT).data() == "—"


def test_sort_by_last_activity_and_navigate(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    first = account_commands.new_account(window, "Alpha")
    second = account_commands.new_account(window, "Beta")
    window.session.add("Add meeting", "meetings", account_id=first, title="Old", starts_at="2025-01-01T10:00")
    window.session.add("Add meeting", "meetings", account_id=second, title="Older", starts_at="2024-01-01T10:00")
    window.session.change("Rename", "accounts", first, name="Zulu")
    window.sidebar.sort_actions[Column.ACTIVITY].trigger()  # latest meeting first
    assert names(window) == ["Zulu", "Beta"]
    window.sidebar.sort_actions[Column.NAME].trigger()
    assert names(window) == ["Beta", "Zulu"]
    window.navigate(Target("overview", account_id=second))
    assert window.sidebar.current_account_id() == second
    assert window.workspace.current_page_name() == "overview"


def test_read_only_workbook_offers_no_account_editing(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "ro.immersion"
    with Workbook.create(path) as wb:
        edits.add(wb, "accounts", name="Locked Ltd")
    win = open_in_window(qtbot, path, read_only=True)
    assert win.session is None
    assert not win.actions_.new_account.isEnabled()
    assert not win.actions_.undo.isEnabled()


def test_quick_capture_from_anywhere_and_typing_is_saved_on_close(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    window.actions_.quick_capture.trigger()
    assert "Select an account first" in window.statusBar().currentMessage()
    account = account_commands.new_account(window, "Volta Telecom")
    window.workspace.show_page("agenda")
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.workspace.current_page_name() == "meetings"
    editor = QApplication.focusWidget()
    assert editor is not None
    qtbot.keyClicks(editor, "CFO wants payback under two years")
    path = window.workbook.path
    window.close_workbook()  # straight away: no pause for the autosave
    with Workbook.open(path) as wb:
        [meeting] = edits.rows(wb, "meetings", account_id=account)
        assert "payback under two years" in (meeting["notes"] or "")


def test_new_idea_from_selected_notes_lands_on_the_board(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    from PySide6.QtGui import QTextCursor

    account = account_commands.new_account(window, "Marlowe & Finch")
    window.quick_capture()
    page = window.workspace.page_widget("meetings")
    notes = page.editor.notes
    qtbot.keyClicks(notes, "Idea: shelf-edge freshness labels")
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    qtbot.keyClicks(notes, "They want to see waste by store.")
    cursor = notes.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    notes.setTextCursor(cursor)
    qtbot.keyClick(notes, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.workspace.current_page_name() == "ideas"
    [idea] = edits.rows(window.workbook, "ideas", account_id=account)
    assert idea["title"] == "Idea: shelf-edge freshness labels"
    assert idea["stage"] == "captured" and idea["origin"] == "meeting" and idea["origin_meeting_id"]
    window.actions_.undo.trigger()
    assert edits.rows(window.workbook, "ideas", account_id=account) == []


def test_large_portfolio_shows_names_first_and_figures_a_moment_later(qtbot, tmp_path: Path,  # noqa: ANN001
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from immersion.store.demo import write_demo
    from immersion.ui import portfolio_loader

    path = tmp_path / "demo.immersion"
    write_demo(path)
    monkeypatch.setattr(portfolio_loader, "OUTLINE_FIRST", 2)  # the demo's five accounts count as many
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.ready, timeout=20_000):
        assert win.open_workbook(path)
        assert all(s.alignment is None for s in win.summaries())  # the outline, at once
        assert len(win.summaries()) == 5
    assert all(s.alignment is not None for s in win.summaries())  # the figures, when ready
    assert win.sidebar.model.index(0, Column.ALIGNMENT).data().isdigit()
