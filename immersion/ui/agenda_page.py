"""The Boardroom agenda page: the selected account's goals, ranked, with filters and a side form.

Every edit goes through the page context's `EditSession`, so it is undoable and announced: adding, deleting,
editing a cell or a form field, and re-ranking by drag and drop or Ctrl+Up/Ctrl+Down ("Re-rank goal", one
`ordering.move_goal` each). Filters only hide rows; positions are always computed on the full agenda. The
toolbar (agenda_toolbar.py) and the table (agenda_table.py) say what the user asked for; the page does it.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from immersion.store import edits, ordering, queries
from immersion.ui import theme
from immersion.ui.agenda_model import CATEGORY_CHOICES, AgendaFilter, AgendaModel, goal_values
from immersion.ui.agenda_table import AgendaTable
from immersion.ui.agenda_toolbar import AgendaToolbar
from immersion.ui.goal_form import GoalForm
from immersion.ui.pages import Page, PageContext
from immersion.ui.row_model import ID_ROLE, ColumnDelegate
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption

if TYPE_CHECKING:
    from immersion.store.edits import Changes
    from immersion.ui.edit_session import EditSession

ROWS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class AgendaPage(Page):
    """The customer's boardroom agenda for the selected account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self._session: EditSession | None = None
        self._account_id: str | None = None
        self._stakeholders: list[dict[str, Any]] = []
        self._meetings: list[dict[str, Any]] = []
        self._stale = False  # an edit was announced that this page has not reloaded yet
        self._loading = False  # a reload resets the model: the form waits until the selection is back
        undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
        self._undo_key = undo or "Ctrl+Z"

        self.model = AgendaModel(self._edit_cell, self._move, self)
        self.filtered = AgendaFilter(self)
        self.filtered.setSourceModel(self.model)
        self.tools = AgendaToolbar(self._undo_key, self)
        self.tools.add.connect(self.add_goal)
        self.tools.delete.connect(self.delete_goal)
        self.tools.step.connect(self.move_selected)
        self.tools.filters_changed.connect(self._apply_filters)
        tools = self.tools  # its widgets keep the page's names for them
        self.add_button, self.delete_button = tools.add_button, tools.delete_button
        self.up_button, self.down_button = tools.up_button, tools.down_button
        self.text_filter, self.category_filter = tools.text_filter, tools.category_filter
        self.state_filter, self.clear_button = tools.state_filter, tools.clear_button
        self.count, self.status = tools.count, tools.status
        self.table = self._build_table()
        self.form = GoalForm(self)
        self.form.edited.connect(self._edit_goal)
        scroller = QScrollArea(self)
        scroller.setWidget(self.form)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setMinimumWidth(self.form.minimumWidth())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(scroller)
        splitter.setStretchFactor(0, 1)
        splitter.setCollapsible(0, False)  # the form may be dragged away to make room for every column
        splitter.setSizes([920, 320])
        splitter.setHandleWidth(12)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(splitter)
        self.stack.addWidget(self._empty_panel())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN)
        layout.setSpacing(8)
        layout.addWidget(self.tools)
        layout.addWidget(self.stack, 1)
        chain = [self.add_button, self.delete_button, self.up_button, self.down_button, self.text_filter,
                 self.category_filter, self.state_filter, self.clear_button, self.table, self.form.title]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.table)
        # Insert adds a goal anywhere on the page, the empty agenda included; in the table, the table's own
        # key handling gets there first. Ctrl+N is only claimed by the table: elsewhere it is New Workbook.
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(self.add_goal)
        self._update_actions()

    # -- building --------------------------------------------------------------------------------------------

    def _build_table(self) -> AgendaTable:
        table = AgendaTable(self)
        table.setModel(self.filtered)
        table.setItemDelegate(ColumnDelegate(lambda: self.model.columns, table))
        table.setAccessibleName(self.tr("Boardroom agenda"))
        table.set_columns(self.model.columns)
        table.command.connect(self._command)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        return table

    def _empty_panel(self) -> QWidget:
        panel = QWidget(self.stack)
        self.empty_hint = Caption("", panel)
        self.empty_hint.setForegroundRole(self.foregroundRole())  # the panel's main line: body text
        self.empty_hint.setFont(theme.scaled_font(self.empty_hint, 1.15))
        self.empty_detail = Caption(self.tr("Goals are what the customer wants — strategic, competitive, "
                                            "interpersonal, political and financial — ranked as their board "
                                            "would rank them."), panel)
        self.empty_detail.setMaximumWidth(self.fontMetrics().averageCharWidth() * 80)  # a readable measure
        self.empty_add = QPushButton(self.tr("Add the first goal"), panel)
        self.empty_add.setToolTip(self.tr("Add a goal (Insert)"))
        self.empty_add.clicked.connect(self.add_goal)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(MARGIN, MARGIN * 2, MARGIN, MARGIN)
        layout.setSpacing(6)
        for widget in (self.empty_hint, self.empty_detail):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(10)
        layout.addWidget(self.empty_add, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return panel

    # -- showing ---------------------------------------------------------------------------------------------

    def show_context(self, context: PageContext) -> None:
        """Show the goals of `context.account`, keeping the selected goal and the scroll position."""
        if context.session is not self._session:
            if self._session is not None:
                self._session.changed.disconnect(self._announced)
                self._session.failed.disconnect(self.status.setText)
            self._session = context.session
            if self._session is not None:
                self._session.changed.connect(self._announced)
                self._session.failed.connect(self.status.setText)
        self._context = context
        account_id = context.account.id if context.account is not None else None
        if account_id != self._account_id:
            self._account_id = account_id
            self.status.setText("")
            self.tools.clear_filters()  # a filter left from another account would hide its goals silently
            self.table.verticalScrollBar().setValue(0)  # another account's agenda starts at its top
        self._reload()

    def _announced(self, _changes: Changes) -> None:
        self._stale = True

    def _catch_up(self) -> None:
        """Reload after the page's own edit unless the window did already (it calls show_context on edits)."""
        if self._stale:
            self._reload()

    def _reload(self) -> None:
        """Read the account's goals, people and alignment, and show them without losing the user's place."""
        self._stale = False
        workbook, account_id = self._context.workbook, self._account_id
        selected, column = self.selected_goal_id(), max(self.table.currentIndex().column(), 1)
        scroll = self.table.verticalScrollBar().value()
        goals: list[dict[str, Any]] = []
        self._stakeholders, self._meetings, alignment = [], [], None
        if workbook is not None and account_id is not None:
            goals = edits.rows(workbook, "goals", order_by="rank, created_at, id", account_id=account_id)
            self._stakeholders = edits.rows(workbook, "stakeholders", order_by="name", account_id=account_id)
            self._meetings = edits.rows(workbook, "meetings", order_by="starts_at DESC",
                                        account_id=account_id)
            alignment = queries.alignment_inputs(workbook, account_id)[account_id].compute()
        editable = self._session is not None and not self._session.read_only
        self.model.editable = editable
        self._loading = True
        try:
            self.model.load(goals, self._stakeholders, alignment)
            if selected and self.model.row_of(selected) >= 0:
                self.select_goal(selected, column)
        finally:
            self._loading = False
        self.table.updateGeometries()  # the scroll range must be current before the value is restored
        self.table.verticalScrollBar().setValue(scroll)
        self.table.setDragEnabled(editable)
        empty = not goals and account_id is not None
        self.stack.setCurrentIndex(1 if empty else 0)
        self.tools.setVisible(not empty)
        self.setFocusProxy(self.empty_add if empty and editable else self.table)
        self.empty_add.setVisible(editable)
        self.empty_hint.setText(
            self.tr("No goals yet — the customer's boardroom agenda starts here. Add the first with Insert.")
            if editable else self.tr("No goals yet. This workbook is open read-only."))
        self._selection_changed()

    def _selection_changed(self) -> None:
        if self._loading:
            return
        goal_id = self.selected_goal_id()
        row = self.model.row(self.model.row_of(goal_id)) if goal_id else None
        self.form.set_goal(row, self._stakeholders, self._meetings, self.model.editable)
        self._update_actions()

    def _update_actions(self) -> None:
        editable = self.model.editable and self._account_id is not None
        row, shown, total = self.table.currentIndex().row(), self.filtered.rowCount(), self.model.rowCount()
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and row >= 0)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < shown - 1)
        self.clear_button.setEnabled(self.filtered.is_filtered())
        if self.filtered.is_filtered():
            count = self.tr("%1 of %2 goals").replace("%1", str(shown)).replace("%2", str(total))
        else:
            count = self.tr("1 goal") if total == 1 else self.tr("%1 goals").replace("%1", str(total))
        if editable and shown > 1:
            count += " · " + self.tr("drag a row or press Ctrl+Up / Ctrl+Down to re-rank")
        self.count.setText(count)

    # -- selection and filters -------------------------------------------------------------------------------

    def selected_goal_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.filtered.mapToSource(index).data(ID_ROLE) if index.isValid() else None

    def select_goal(self, goal_id: str, column: int = 1) -> QModelIndex:
        """Make `goal_id` the current, selected row (if the filters show it); returns its view index."""
        index = self.filtered.mapFromSource(self.model.index(self.model.row_of(goal_id), column))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(index, ROWS)
        return index

    def focus_item(self, table: str, row_id: str) -> bool:
        """Select and reveal goal `row_id`, clearing filters that hide it."""
        if table != "goals":
            return False
        if self.model.row_of(row_id) < 0 and self._context.workbook is not None:
            self._reload()  # added since the last refresh, e.g. by the page that navigated here
        if self.model.row_of(row_id) < 0:
            return False
        if not self.filtered.accepts(self.model.row(self.model.row_of(row_id))):
            self.tools.clear_filters()
        self.table.scrollTo(self.select_goal(row_id), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _apply_filters(self) -> None:
        selected = self.selected_goal_id()
        self.filtered.set_filters(self.category_filter.currentData(), self.state_filter.currentData(),
                                  self.text_filter.text())
        if selected and self.model.row_of(selected) >= 0:
            self.select_goal(selected)
        self._selection_changed()

    # -- edits -----------------------------------------------------------------------------------------------

    def _command(self, command: str) -> None:
        if command == "add":
            self.add_goal()
        elif command == "delete":
            self.delete_goal()
        else:
            self.move_selected(-1 if command == "up" else 1)

    def _menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for text, key, slot, button in (
            (self.tr("Add goal"), "Ins", self.add_goal, self.add_button),
            (self.tr("Move up"), "Ctrl+Up", lambda: self.move_selected(-1), self.up_button),
            (self.tr("Move down"), "Ctrl+Down", lambda: self.move_selected(1), self.down_button),
            (self.tr("Delete goal"), "Del", self.delete_goal, self.delete_button),
        ):
            action = menu.addAction(f"{text}\t{key}")  # the key is only shown: the table handles it
            action.triggered.connect(slot)
            action.setEnabled(button.isEnabled())
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _writable(self) -> EditSession | None:
        """The session to edit through, or None when the page shows nothing editable."""
        return self._session if self.model.editable and self._account_id is not None else None

    def add_goal(self) -> str | None:
        """Add a goal at the bottom of the agenda, select it and start editing its title; returns its id."""
        session, account_id = self._writable(), self._account_id
        if session is None or account_id is None:
            return None
        category, title = self.category_filter.currentData() or CATEGORY_CHOICES[0][0], self.tr("New goal")
        changes = session.edit(self.tr("Add goal"), lambda wb: edits.add(
            wb, "goals", account_id=account_id, title=title, category=category,
            rank=ordering.next_rank(wb, account_id)))
        if not changes:
            return None
        goal_id = changes.items[0].row_id
        self._catch_up()
        self.focus_item("goals", goal_id)
        self.table.edit(self.select_goal(goal_id, self.model.column_of("title")))
        self.status.setText(self.tr("Added a goal — type its title and press Enter"))
        return goal_id

    def delete_goal(self) -> None:
        """Delete the selected goal without asking: it is one undo away, and the page says so."""
        session, goal_id = self._writable(), self.selected_goal_id()
        if session is None or not goal_id:
            return
        title, view_row = self.model.row(self.model.row_of(goal_id))["title"], self.table.currentIndex().row()
        if not session.delete(self.tr("Delete goal"), "goals", goal_id):
            return
        self._catch_up()
        if self.filtered.rowCount():  # the next goal moves into the deleted one's place
            self.table.selectionModel().setCurrentIndex(
                self.filtered.index(min(view_row, self.filtered.rowCount() - 1), 1), ROWS)
        self.status.setText(self.tr("Deleted goal “%1” — Undo with %2").replace("%1", title)
                            .replace("%2", self._undo_key))

    def move_selected(self, step: int) -> bool:
        """Move the selected goal one shown place up (-1) or down (+1); hidden goals keep their ranks."""
        goal_id, target = self.selected_goal_id(), self.table.currentIndex().row() + step
        if not goal_id or not 0 <= target < self.filtered.rowCount():
            return False
        # The goal leaves its place first, so what lies below it moves up one: in both directions the goal
        # lands beyond its neighbour by taking the neighbour's current position.
        return self._move(goal_id, self.filtered.mapToSource(self.filtered.index(target, 0)).row())

    def _move(self, goal_id: str, position: int) -> bool:
        """Move a goal to `position` on the full agenda (the model's drops come here too)."""
        session = self._writable()
        if session is None:
            return False
        column = max(self.table.currentIndex().column(), 1)
        if not session.edit(self.tr("Re-rank goal"), lambda wb: ordering.move_goal(wb, goal_id, position)):
            return False
        self._catch_up()
        self.table.scrollTo(self.select_goal(goal_id, column))
        title = self.model.row(self.model.row_of(goal_id))["title"]
        self.status.setText(self.tr("Moved “%1” to rank %2").replace("%1", title)
                            .replace("%2", str(self.model.row_of(goal_id) + 1)))
        return True

    def _edit_cell(self, goal_id: str, key: str, value: Any) -> bool:
        return self._edit_goal(goal_id, {key: value})

    def _edit_goal(self, goal_id: str, values: dict[str, Any]) -> bool:
        """One undoable "Edit goal" from a cell or the form; a new status also stamps when it changed."""
        session = self._writable()
        if session is None:
            return False
        done = session.change(self.tr("Edit goal"), "goals", goal_id, **goal_values(values))
        self._catch_up()
        return bool(done)
