"""What the pages' data tables share: their look, their keys, and columns fitted around one main column.

`style_rows()` gives a table the rows every data table has. `CommandTable` claims its page's keys (`KEYS`:
Insert and Ctrl+N add, Delete deletes, Enter edits) over the window's shortcuts — Ctrl+N would otherwise be
New Workbook — and reports them as `command(str)` for the page to carry out. `FittedTable` adds columns as wide
as their headers and contents, one main column (`FLEX`) that takes the room the others leave, and optional
columns that give way when the page is narrow (every field is in the page's side form, so nothing is hidden for
good).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from immersion.ui.row_model import Column

Keys = Mapping[tuple[Qt.Key, Qt.KeyboardModifier], str]  # (key, modifiers) -> command
ROW_KEYS: Keys = {
    (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier): "add",
    (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier): "add",
    (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): "delete",
    (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier): "edit",
    (Qt.Key.Key_Enter, Qt.KeyboardModifier.NoModifier): "edit",
}


def style_rows(view: QTableView, row_height: int, wrap: bool = False) -> None:
    """Alternating rows `row_height` pixels tall, without row numbers or highlighted column headers."""
    view.setAlternatingRowColors(True)
    view.setWordWrap(wrap)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(row_height)
    view.horizontalHeader().setHighlightSections(False)


class CommandTable(QTableView):
    """A table view that takes its page's keys while no cell is being edited.

    Signals:
        command(str): a command of `KEYS` other than "edit" ("add", "delete" …) was asked for from the keyboard.
    """

    command = Signal(str)
    KEYS: ClassVar[Keys] = ROW_KEYS

    def command_for(self, event: QKeyEvent) -> str:
        """The command `event` asks for, or "" (always "" while a cell is being edited)."""
        if self.state() == QAbstractItemView.State.EditingState:
            return ""
        return self.KEYS.get((event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier), "")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self.command_for(event):
            event.accept()  # the key press then comes to keyPressEvent instead of firing a window shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        command = self.command_for(event)
        if command == "edit":
            index = self.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)  # Enter edits like F2 does
        elif command:
            self.command.emit(command)
        else:
            super().keyPressEvent(event)


class FittedTable(CommandTable):
    """One row selected at a time, in rows `LINES` lines tall; columns fitted around the main column `FLEX`.

    A column is as wide as its header and its `content_width()`, and at least its `WIDTHS` (in average
    characters; 10 where none is given); a width the user drags is kept from then on. `FLEX` takes what the
    others leave, at least its own width; the `OPTIONAL` columns are shown, in their order, while they fit beside
    it (the first is kept longest, the last goes first).
    """

    FLEX = ""
    OPTIONAL: ClassVar[tuple[str, ...]] = ()
    WIDTHS: ClassVar[Mapping[str, int]] = {}
    PADDING = 24  # beyond the widest of header and content
    LINES = 1

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
        self.setTabKeyNavigation(False)  # Tab leaves the table for the form; arrows move between cells
        style_rows(self, self.fontMetrics().lineSpacing() * self.LINES + 14, wrap=self.LINES > 1)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.horizontalHeader().setStretchLastSection(False)

    def content_width(self, column: Column) -> int:
        """The widest content `column` should show in full (its header is measured anyway)."""
        return 0

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Size the columns to their headers and contents, then fit them to the view."""
        header, char = self.horizontalHeader(), self.fontMetrics().averageCharWidth()
        self._keys = [column.key for column in columns]
        for number, column in enumerate(columns):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
            needed = max(header.fontMetrics().horizontalAdvance(column.header()), self.content_width(column))
            self._widths[column.key] = max(needed + self.PADDING, self.WIDTHS.get(column.key, 10) * char + 16)
        self.fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:  # also when a scroll bar comes or goes
            self.fit_columns()
        return super().viewportEvent(event)

    def _resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and new > 0 and column < len(self._keys) and self._keys[column] != self.FLEX:
            self._widths[self._keys[column]] = new  # the user's width is kept from now on
            self.fit_columns()

    def fit_columns(self) -> None:
        """Show the optional columns that fit beside a readable main column, and give it the rest."""
        if not self._keys or self._fitting:
            return
        header, keys, widths, flex = self.horizontalHeader(), self._keys, self._widths, self.FLEX
        self._fitting = True
        try:
            available = self.viewport().width()
            used = sum(widths[k] for k in keys if k != flex and k not in self.OPTIONAL)
            room = True
            for key in self.OPTIONAL:
                room = room and used + widths[key] + widths[flex] <= available
                header.setSectionHidden(keys.index(key), not room)
                used += widths[key] if room else 0
            for column, key in enumerate(keys):
                width = max(widths[flex], available - used) if key == flex else widths[key]
                header.resizeSection(column, width)
        finally:
            self._fitting = False
