"""The boardroom agenda's table view: the agenda's keys, and columns that make room for a readable title.

`AgendaTable` claims its keys over the window's shortcuts (Insert and Ctrl+N add a goal, Delete deletes it,
Ctrl+Up and Ctrl+Down re-rank it, Enter edits the cell) and reports them as commands for the page to carry
out. Its columns are as wide as their headers and longest choices; the goal's title takes the room that is
left, and the optional columns give way, in order, when the title would get too little.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QWidget

from immersion.ui.row_model import Column
from immersion.ui.table_view import ROW_KEYS, FittedTable, Keys

CHOSEN = ("category", "status", "horizon")  # columns as wide as their longest choice


class AgendaTable(FittedTable):
    """The ranked goals, one row selected at a time and re-ranked by drag and drop: the agenda's keys, and
    columns that make room for a readable title.

    Every field of the selected goal is in the side form, so a hidden column hides nothing for good.

    Signals:
        command(str): "add", "delete", "up" or "down" was asked for from the keyboard.
    """

    KEYS: ClassVar[Keys] = {**ROW_KEYS,  # the table claims them over window shortcuts (Ctrl+N is New Workbook)
                            (Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier): "up",
                            (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier): "down"}
    FLEX = "title"
    # Shown while they fit beside the title: the owner stays longest, the target goes first.
    OPTIONAL = ("owner_stakeholder_id", "kpi", "horizon", "target")
    # Preferred column widths in average characters; the goal's title takes what is left, at least its own.
    WIDTHS: ClassVar[dict[str, int]] = {
        "position": 3, "title": 24, "category": 11, "priority": 5, "p": 7, "status": 11, "horizon": 7, "kpi": 18,
        "target": 16, "owner_stakeholder_id": 14}
    LINES = 2  # rows are two lines tall: long titles wrap instead of hiding behind an ellipsis

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortingEnabled(False)  # the order is the agenda
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)  # otherwise a finished move would clear the dragged row's cells
        self.setDropIndicatorShown(True)
        self.horizontalHeader().setSectionsClickable(False)

    def content_width(self, column: Column) -> int:
        """The longest choice, in italics as unconfirmed states are set; owners are people: their names wrap
        onto the second line instead of widening the column."""
        if column.key not in CHOSEN:
            return 0
        italic = QFont(self.font())
        italic.setItalic(True)
        wide = QFontMetrics(italic)
        return max((wide.horizontalAdvance(column.label(value)) for value, _label in column.choices), default=0)
