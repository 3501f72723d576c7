"""The shared table views: which keys each table claims over the window's shortcuts, and fitted columns."""

from __future__ import annotations

from typing import ClassVar

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from immersion.ui.agenda_table import AgendaTable
from immersion.ui.investment_table import InvestmentTable
from immersion.ui.pnl_model import PnlTable
from immersion.ui.row_model import Column, RowTableModel
from immersion.ui.table_view import CommandTable, FittedTable

CTRL, NONE = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier


def claims(table: CommandTable, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> bool:
    """Whether `table` takes the key before a window shortcut could."""
    event = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers)
    QApplication.sendEvent(table, event)
    return event.isAccepted()


@pytest.mark.parametrize(("table_class", "claimed", "left"), [
    (AgendaTable, [(Qt.Key.Key_N, CTRL), (Qt.Key.Key_Up, CTRL), (Qt.Key.Key_Down, CTRL)], [(Qt.Key.Key_V, CTRL)]),
    (InvestmentTable, [(Qt.Key.Key_N, CTRL)], [(Qt.Key.Key_Up, CTRL), (Qt.Key.Key_V, CTRL)]),
    (PnlTable, [(Qt.Key.Key_V, CTRL), (Qt.Key.Key_C, CTRL)], [(Qt.Key.Key_N, CTRL), (Qt.Key.Key_Up, CTRL)]),
])
def test_each_table_claims_its_own_keys(qtbot: QtBot, table_class: type[CommandTable],
                                        claimed: list[tuple[Qt.Key, Qt.KeyboardModifier]],
                                        left: list[tuple[Qt.Key, Qt.KeyboardModifier]]) -> None:
    table = table_class(None)
    qtbot.addWidget(table)
    for key, modifiers in [(Qt.Key.Key_Insert, NONE), (Qt.Key.Key_Delete, NONE), (Qt.Key.Key_Return, NONE),
                           *claimed]:
        assert claims(table, key, modifiers), (key, modifiers)
    for key, modifiers in left:  # New Workbook, or another window shortcut, still works from this table
        assert not claims(table, key, modifiers), (key, modifiers)


def test_keys_become_commands(qtbot: QtBot) -> None:
    table = AgendaTable(None)
    qtbot.addWidget(table)
    for key, modifiers, command in [(Qt.Key.Key_Insert, NONE, "add"), (Qt.Key.Key_N, CTRL, "add"),
                                    (Qt.Key.Key_Delete, NONE, "delete"), (Qt.Key.Key_Up, CTRL, "up"),
                                    (Qt.Key.Key_Down, CTRL, "down")]:
        with qtbot.waitSignal(table.command) as said:
            qtbot.keyClick(table, key, modifiers)
        assert said.args == [command]


class Wide(FittedTable):
    FLEX = "title"
    OPTIONAL = ("owner", "notes")  # the owner is kept longer than the notes
    WIDTHS: ClassVar[dict[str, int]] = {"title": 20, "owner": 20, "notes": 20}


def test_optional_columns_give_way_in_order(qtbot: QtBot) -> None:
    table = Wide(None)
    qtbot.addWidget(table)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.show()
    qtbot.waitExposed(table)
    model = RowTableModel([Column("title", "Title"), Column("owner", "Owner"), Column("notes", "Notes")])
    table.setModel(model)
    table.set_columns(model.columns)
    char = table.fontMetrics().averageCharWidth()
    header = table.horizontalHeader()
    shown = {}
    for columns in (3, 2, 1):
        table.resize(columns * (20 * char + 16) + table.width() - table.viewport().width(), 200)
        shown[columns] = [key for number, key in enumerate(("title", "owner", "notes"))
                          if not header.isSectionHidden(number)]
    assert shown == {3: ["title", "owner", "notes"], 2: ["title", "owner"], 1: ["title"]}
    assert header.sectionSize(0) >= 20 * char + 16  # the title keeps at least its own width
