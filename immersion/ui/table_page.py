"""The base of the account pages that are a filtered table, a toolbar above it and a side form beside it.

`TablePage` keeps the user's place across reloads (the selected row, its column, the scroll position), shows
the selected row in the form, keeps the toolbar's buttons and count current, reveals an item after a navigation
(clearing filters that hide it), and carries out the steps every add and delete shares. The agenda
(agenda_page.py) and the investments (investments_page.py) say what is their own: what they read, what the
form shows, their words, and their edits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from immersion.ui.account_page import AccountPage
from immersion.ui.row_model import ID_ROLE, Row
from immersion.ui.table_toolbar import TableToolbar
from immersion.ui.table_view import FittedTable
from immersion.ui.theme import PAGE_MARGIN as MARGIN

if TYPE_CHECKING:
    from immersion.store.workbook import Workbook
    from immersion.ui.edit_session import EditSession

ROWS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
MenuEntry = tuple[str, str, Callable[[], Any], QPushButton]  # text, key shown, slot, the button it mirrors


def undo_key() -> str:
    """The platform's Undo key as the user reads it ("Ctrl+Z")."""
    undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
    return undo or "Ctrl+Z"


class TablePage(AccountPage):
    """An account's rows in a filtered table, with a toolbar above and a side form beside it.

    A subclass builds `model` (a row model with `editable`), `filtered` (a proxy over it with `accepts(row)`
    and `is_filtered()`), `tools` (followed with `_follow_toolbar()`; its add, delete and clear buttons are kept
    as the page's `add_button`, `delete_button` and `clear_button`), `table` (connected with `_connect_table()`)
    and `form`, then calls `_lay_out()`. It implements `_load()` and `_after_load()` (reading and showing),
    `_fill_form()`, `_count_text()`, `_set_filters()`, `_command()` (the table's keys) and `_menu()` (with
    `_menu_at()`).

    Attributes:
        ITEMS: the workbook table of the rows, as `focus_item()` is asked for it ("goals").
        FIRST_COLUMN: the column a selected row starts in.
    """

    ITEMS = ""
    FIRST_COLUMN = 0
    filtered: Any  # the subclass's filter proxy over `model`
    tools: TableToolbar
    table: FittedTable
    add_button: QPushButton
    delete_button: QPushButton
    clear_button: QPushButton
    count: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False  # a reload resets the model: the form waits until the selection is back
        self._undo_key = undo_key()

    # -- building --------------------------------------------------------------------------------------------

    def _follow_toolbar(self, add: Callable[[], Any], delete: Callable[[], Any]) -> None:
        """Carry out what `tools` asks for (`add`, `delete`, filtering), and say things in its lines."""
        self.tools.add.connect(add)
        self.tools.delete.connect(delete)
        self.tools.filters_changed.connect(self._apply_filters)
        self.count, self.status = self.tools.count, self.tools.status

    def _connect_table(self, table: FittedTable, name: str) -> None:
        """Show `filtered` in `table`, called `name` for screen readers, and follow its keys and selection."""
        table.setModel(self.filtered)
        table.setAccessibleName(name)
        table.set_columns(self.model.columns)
        table.command.connect(self._command)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())

    def _beside_form(self, form: QWidget, sizes: tuple[int, int]) -> tuple[QSplitter, QScrollArea]:
        """The table and, beside it, `form` in a scroll area, split at `sizes`; the form may be dragged away to
        make room for every column, the table may not."""
        scroller = QScrollArea(self)
        scroller.setWidget(form)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setMinimumWidth(form.minimumWidth())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(scroller)
        splitter.setStretchFactor(0, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes(list(sizes))
        splitter.setHandleWidth(12)
        return splitter, scroller

    def _lay_out(self, widgets: Sequence[QWidget], main: QWidget, chain: Sequence[QWidget],
                 add: Callable[[], Any]) -> None:
        """Stack `widgets` above `main` (which gets the height left), set the Tab order to `chain`, and let
        Insert call `add` anywhere on the page."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN)
        layout.setSpacing(8)
        for widget in widgets:
            layout.addWidget(widget)
        layout.addWidget(main, 1)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.table)
        # Insert adds anywhere on the page, an empty one included; in the table, the table's own key handling
        # gets there first. Ctrl+N is only claimed by the table: elsewhere it is New Workbook.
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(add)
        self._update_actions()

    # -- showing ---------------------------------------------------------------------------------------------

    def _account_changed(self) -> None:
        self.status.setText("")
        self.tools.clear_filters()  # a filter left from another account would hide its rows silently
        self.table.verticalScrollBar().setValue(0)  # another account's rows start at their top

    def _reload(self) -> None:
        """Read the account's rows and show them without losing the user's place."""
        self._stale = False
        selected, column = self.selected_id(), max(self.table.currentIndex().column(), self.FIRST_COLUMN)
        scroll = self.table.verticalScrollBar().value()
        self.model.editable = self._session is not None and not self._session.read_only
        self._loading = True
        try:
            rows = self._load(self._context.workbook, self._account_id)
            if selected and self.model.row_of(selected) >= 0:
                self.select(selected, column)
        finally:
            self._loading = False
        self.table.updateGeometries()  # the scroll range must be current before the value is restored
        self.table.verticalScrollBar().setValue(scroll)
        self._after_load(rows)
        self._selection_changed()

    def _load(self, workbook: Workbook | None, account_id: str | None) -> list[Row]:
        """Read the account's rows (none without a workbook and an account), load them into the model, and
        return them."""
        raise NotImplementedError

    def _after_load(self, rows: list[Row]) -> None:
        """Show what depends on the rows beside the table: totals, an empty page's hint."""

    def _selection_changed(self) -> None:
        if self._loading:
            return
        row_id = self.selected_id()
        self._fill_form(self.model.row(self.model.row_of(row_id)) if row_id else None)
        self._update_actions()

    def _fill_form(self, row: Row | None) -> None:
        """Show `row` (None: no row is selected) in the side form."""
        raise NotImplementedError

    def _update_actions(self) -> None:
        editable = self._can_edit()
        shown, total = self.filtered.rowCount(), self.model.rowCount()
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and self.table.currentIndex().isValid())
        self.clear_button.setEnabled(self.filtered.is_filtered())
        self.count.setText(self._count_text(shown, total, editable))

    def _count_text(self, shown: int, total: int, editable: bool) -> str:
        """How many rows there are ("3 goals"), and how many are shown while filters hide some."""
        raise NotImplementedError

    # -- selection and filters -------------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.filtered.mapToSource(index).data(ID_ROLE) if index.isValid() else None

    def select(self, row_id: str, column: int | None = None) -> QModelIndex:
        """Make `row_id` the current, selected row (if the filters show it); returns its view index."""
        column = self.FIRST_COLUMN if column is None else column
        index = self.filtered.mapFromSource(self.model.index(self.model.row_of(row_id), column))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(index, ROWS)
        return index

    def focus_item(self, table: str, row_id: str) -> bool:
        """Select and reveal row `row_id`, clearing filters that hide it."""
        if table != self.ITEMS:
            return False
        if self.model.row_of(row_id) < 0 and self._context.workbook is not None:
            self._reload()  # added since the last refresh, e.g. by the page that navigated here
        if self.model.row_of(row_id) < 0:
            return False
        if not self.filtered.accepts(self.model.row(self.model.row_of(row_id))):
            self.clear_filters()
        self.table.scrollTo(self.select(row_id), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def clear_filters(self) -> None:
        self.tools.clear_filters()

    def _apply_filters(self) -> None:
        selected = self.selected_id()
        self._set_filters()
        if selected and self.model.row_of(selected) >= 0:
            self.select(selected)
        self._selection_changed()

    def _set_filters(self) -> None:
        """Give `filtered` the toolbar's filters."""
        raise NotImplementedError

    # -- edits -----------------------------------------------------------------------------------------------

    def _command(self, command: str) -> None:
        """Carry out a command of the table's keys ("add", "delete" …)."""
        raise NotImplementedError

    def _menu(self, position: QPoint) -> None:
        raise NotImplementedError

    def _menu_at(self, position: QPoint, entries: Sequence[MenuEntry]) -> None:
        """Pop up the table's context menu at `position`: an action per entry, enabled as its button is."""
        menu = QMenu(self)
        for text, key, slot, button in entries:
            action = menu.addAction(f"{text}\t{key}")  # the key is only shown: the table handles it
            action.triggered.connect(slot)
            action.setEnabled(button.isEnabled())
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _show_added(self, row_id: str, key: str, message: str) -> str:
        """After an add: select the new row, edit its `key` cell and say `message`; returns `row_id`."""
        self._catch_up()
        self.focus_item(self.ITEMS, row_id)
        self.table.edit(self.select(row_id, self.model.column_of(key)))
        self.status.setText(message)
        return row_id

    def _delete_selected(self, delete: Callable[[EditSession, str], Any], key: str, message: str) -> None:
        """Delete the selected row with `delete(session, row_id)`, without asking: it is one undo away, and the
        page says so in `message` (%1: the row's `key` field, %2: the Undo key)."""
        session, row_id = self._writable(), self.selected_id()
        if session is None or not row_id:
            return
        name, view_row = self.model.row(self.model.row_of(row_id))[key], self.table.currentIndex().row()
        if not delete(session, row_id):
            return
        self._catch_up()
        if self.filtered.rowCount():  # the next row moves into the deleted one's place
            self.table.selectionModel().setCurrentIndex(
                self.filtered.index(min(view_row, self.filtered.rowCount() - 1), self.FIRST_COLUMN), ROWS)
        self.status.setText(message.replace("%1", name).replace("%2", self._undo_key))
