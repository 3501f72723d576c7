"""The boardroom agenda's table view: the agenda's keys, and columns that make room for a readable title.

`AgendaTable` claims its keys over the window's shortcuts (Insert and Ctrl+N add a goal, Delete deletes it,
Ctrl+Up and Ctrl+Down re-rank it, Enter edits the cell) and reports them as commands for the page to carry
out. Its columns are as wide as their headers and longest choices; the goal's title takes the room that is
left, and the optional columns give way, in order, when the title would get too little.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from immersion.ui.row_model import Column

LINES = 2  # rows are two lines tall: long titles wrap instead of hiding behind an ellipsis
CHOSEN = ("category", "status", "horizon")  # columns as wide as their longest choice
# Preferred column widths in average characters; the goal's title takes what is left, at least its own.
WIDTHS = {"position": 3, "title": 24, "category": 11, "priority": 5, "p": 7, "status": 11, "horizon": 7,
          "kpi": 18, "target": 16, "owner_stakeholder_id": 14}
OPTIONAL = ("target", "horizon", "kpi", "owner_stakeholder_id")  # hidden in this order when space is short
KEYS = {  # (key, modifiers) -> command; the table claims them over window shortcuts (Ctrl+N is New Workbook)
    (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier): "add",
    (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier): "add",
    (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): "delete",
    (Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier): "up",
    (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier): "down",
    (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier): "edit",
    (Qt.Key.Key_Enter, Qt.KeyboardModifier.NoModifier): "edit",
}


class AgendaTable(QTableView):
    """The ranked goals, one row selected at a time and re-ranked by drag and drop: the agenda's keys, and
    columns that make room for a readable title.

    Signals:
        command(str): "add", "delete", "up" or "down" was asked for from the keyboard.
    """

    command = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys: list[str] = []
        self._widths: dict[str, int] = {}
        self._fitting = False
        self.horizontalHeader().sectionResized.connect(self._resized)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSortingEnabled(False)  # the order is the agenda
        self.setTabKeyNavigation(False)  # Tab leaves the table for the form; arrows move between cells
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)  # otherwise a finished move would clear the dragged row's cells
        self.setDropIndicatorShown(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * LINES + 14)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionsClickable(False)
        header.setHighlightSections(False)

    def _command(self, event: QKeyEvent) -> str:
        if self.state() == QAbstractItemView.State.EditingState:
            return ""
        return KEYS.get((event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier), "")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self._command(event):
            event.accept()  # the key press then comes to keyPressEvent instead of firing a window shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        command = self._command(event)
        index = self.currentIndex()
        if command == "edit":
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)  # Enter edits like F2 does
        elif command:
            self.command.emit(command)
        else:
            super().keyPressEvent(event)

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Size the columns to their headers and longest choices (unconfirmed states are set in italics)."""
        italic = QFont(self.font())
        italic.setItalic(True)
        wide, char = QFontMetrics(italic), self.fontMetrics().averageCharWidth()
        header = self.horizontalHeader()
        self._keys = [column.key for column in columns]
        for number, column in enumerate(columns):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
            # Owners are people: their names wrap onto the second line instead of widening the column.
            labels = [column.label(value) for value, _label in column.choices] if column.key in CHOSEN else []
            needed = max([header.fontMetrics().horizontalAdvance(column.header())]
                         + [wide.horizontalAdvance(label) for label in labels]) + 24
            self._widths[column.key] = max(needed, WIDTHS.get(column.key, 10) * char + 16)
        self.fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:  # also when a scroll bar comes or goes
            self.fit_columns()
        return super().viewportEvent(event)

    def _resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and new > 0 and column < len(self._keys) and self._keys[column] != "title":
            self._widths[self._keys[column]] = new  # the user's width is kept from now on
            self.fit_columns()

    def fit_columns(self) -> None:
        """Show the columns that fit beside a readable title; optional ones go first when space is short.

        Every field of the selected goal is in the side form, so a hidden column hides nothing for good.
        """
        if not self._keys or self._fitting:
            return
        header, keys, widths = self.horizontalHeader(), self._keys, self._widths
        self._fitting = True
        try:
            available = self.viewport().width()
            used = sum(widths[k] for k in keys if k != "title" and k not in OPTIONAL)
            room = True
            for key in reversed(OPTIONAL):  # the owner stays longest, the target goes first
                room = room and used + widths[key] + widths["title"] <= available
                header.setSectionHidden(keys.index(key), not room)
                used += widths[key] if room else 0
            for column, key in enumerate(keys):
                width = max(widths["title"], available - used) if key == "title" else widths[key]
                header.resizeSection(column, width)
        finally:
            self._fitting = False
