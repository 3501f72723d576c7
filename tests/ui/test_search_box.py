"""The search box: as-you-type results grouped by kind, keyboard to open, nothing a user types is an error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from immersion.store import edits
from immersion.ui.main_window import MainWindow
from immersion.ui.search_results import SearchResultsModel, _marked_html
from immersion.ui.settings import Settings


@pytest.fixture
def window(qtbot, demo_copy: Callable[..., Path]) -> MainWindow:
    path = demo_copy()
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.ready, timeout=10_000):
        win.open_workbook(path)
    return win


def type_query(qtbot, window: MainWindow, text: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    qtbot.keyClicks(window.search_box, text)
    qtbot.waitUntil(lambda: window.search_box.popup.isVisible(), timeout=3000)


def test_find_a_word_from_meeting_notes_and_land_on_it(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "wythensh")  # a prefix of a word in one grocer meeting note
    model = window.search_box.popup.model
    hit = window.search_box.current_hit()
    assert hit is not None and hit.kind == "meeting" and hit.account_name == "Marlowe & Finch Supermarkets"
    assert model.index(0).data() == "Meetings"  # the group title comes first
    with qtbot.waitSignal(window.search_box.opened) as opened:
        qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    target = opened.args[0]
    assert window.sidebar.current_account_id() == hit.account_id
    assert window.workspace.current_page_name() == target.page == "meetings"
    assert window.workspace.page_widget("meetings")._current_id() == hit.ref_id  # the meeting is open
    assert not window.search_box.popup.isVisible()


def test_results_are_grouped_by_kind_and_keys_move_through_hits(qtbot, window: MainWindow) -> None:
    type_query(qtbot, window, "energy")
    model: SearchResultsModel = window.search_box.popup.model
    headers = [model.index(r).data() for r in range(model.rowCount()) if model.index(r).data(model.HIT_ROLE) is None]
    assert len(headers) >= 3 and len(set(headers)) == len(headers)
    first = window.search_box.current_hit()
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    second = window.search_box.current_hit()
    assert second is not None and second != first
    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    assert not window.search_box.popup.isVisible()


@pytest.mark.parametrize("text", ['AND OR "(', "NEAR(x y)", "*", "col:umn", '"'])
def test_fts_syntax_is_never_an_error(qtbot, window: MainWindow, text: str) -> None:
    type_query(qtbot, window, text)
    assert "Nothing found" in window.search_box.popup.status.text() or window.search_box.current_hit() is not None


def test_user_text_in_results_is_escaped(qtbot, window: MainWindow) -> None:
    account = window.summaries()[0].id
    window.session.add("Add goal", "goals", account_id=account, title="<img src='file:///etc/passwd'> zanzibar",
                       category="strategic")
    type_query(qtbot, window, "zanzibar")
    model = window.search_box.popup.model
    rich = model.index(1).data(Qt.ItemDataRole.UserRole + 2)
    assert "<img" not in rich and "&lt;img" in rich
    assert _marked_html("a\x02b\x03") == "a<b><u>b</u></b>"
    assert edits.count(window.workbook, "goals") > 0
