"""The Boardroom agenda page: the selected account's goals, ranked, with filters and a side form.

Every edit goes through the page context's `EditSession`, so it is undoable and announced: adding, deleting,
editing a cell or a form field, and re-ranking by drag and drop or Ctrl+Up/Ctrl+Down ("Re-rank goal", one
`ordering.move_goal` each). Filters only hide rows; positions are always computed on the full agenda. The
toolbar (agenda_toolbar.py) and the table (agenda_table.py) say what the user asked for; the page does it,
with what every table page shares (table_page.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from immersion.store import edits, ordering, queries
from immersion.ui import theme
from immersion.ui.agenda_model import CATEGORY_CHOICES, AgendaFilter, AgendaModel, goal_values
from immersion.ui.agenda_table import AgendaTable
from immersion.ui.agenda_toolbar import AgendaToolbar
from immersion.ui.goal_form import GoalForm
from immersion.ui.row_model import ColumnDelegate, Row
from immersion.ui.table_page import TablePage
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption

if TYPE_CHECKING:
    from immersion.store.workbook import Workbook


class AgendaPage(TablePage):
    """The customer's boardroom agenda for the selected account."""

    ITEMS = "goals"
    FIRST_COLUMN = 1  # past the position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stakeholders: list[dict[str, Any]] = []
        self._meetings: list[dict[str, Any]] = []

        self.model = AgendaModel(self._edit_cell, self._move, self)
        self.filtered = AgendaFilter(self)
        self.filtered.setSourceModel(self.model)
        self.tools = tools = AgendaToolbar(self._undo_key, self)
        self._follow_toolbar(self.add_goal, self.delete_goal)
        tools.step.connect(self.move_selected)
        # The toolbar's widgets keep the page's names for them.
        self.add_button, self.delete_button = tools.add_button, tools.delete_button
        self.up_button, self.down_button = tools.up_button, tools.down_button
        self.text_filter, self.category_filter = tools.text_filter, tools.category_filter
        self.state_filter, self.clear_button = tools.state_filter, tools.clear_button
        self.table = AgendaTable(self)
        self.table.setItemDelegate(ColumnDelegate(lambda: self.model.columns, self.table))
        self._connect_table(self.table, self.tr("Boardroom agenda"))
        self.form = GoalForm(self)
        self.form.edited.connect(self._edit_goal)
        splitter, _scroller = self._beside_form(self.form, (920, 320))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(splitter)
        self.stack.addWidget(self._empty_panel())
        self._lay_out([self.tools], self.stack, [
            self.add_button, self.delete_button, self.up_button, self.down_button, self.text_filter,
            self.category_filter, self.state_filter, self.clear_button, self.table, self.form.title],
            self.add_goal)

    # -- building --------------------------------------------------------------------------------------------

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

    def _load(self, workbook: Workbook | None, account_id: str | None) -> list[Row]:
        """Read the account's goals, people and alignment into the model."""
        goals: list[dict[str, Any]] = []
        self._stakeholders, self._meetings, alignment = [], [], None
        if workbook is not None and account_id is not None:
            goals = edits.rows(workbook, "goals", order_by="rank, created_at, id", account_id=account_id)
            self._stakeholders = edits.rows(workbook, "stakeholders", order_by="name", account_id=account_id)
            self._meetings = edits.rows(workbook, "meetings", order_by="starts_at DESC",
                                        account_id=account_id)
            alignment = queries.alignment_inputs(workbook, account_id)[account_id].compute()
        self.model.load(goals, self._stakeholders, alignment)
        return goals

    def _after_load(self, rows: list[Row]) -> None:
        editable = self.model.editable
        self.table.setDragEnabled(editable)
        empty = not rows and self._account_id is not None
        self.stack.setCurrentIndex(1 if empty else 0)
        self.tools.setVisible(not empty)
        self.setFocusProxy(self.empty_add if empty and editable else self.table)
        self.empty_add.setVisible(editable)
        self.empty_hint.setText(
            self.tr("No goals yet — the customer's boardroom agenda starts here. Add the first with Insert.")
            if editable else self.tr("No goals yet. This workbook is open read-only."))

    def _fill_form(self, row: Row | None) -> None:
        self.form.set_goal(row, self._stakeholders, self._meetings, self.model.editable)

    def _update_actions(self) -> None:
        super()._update_actions()
        editable, row, shown = self._can_edit(), self.table.currentIndex().row(), self.filtered.rowCount()
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and 0 <= row < shown - 1)

    def _count_text(self, shown: int, total: int, editable: bool) -> str:
        if self.filtered.is_filtered():
            count = self.tr("%1 of %2 goals").replace("%1", str(shown)).replace("%2", str(total))
        else:
            count = self.tr("1 goal") if total == 1 else self.tr("%1 goals").replace("%1", str(total))
        if editable and shown > 1:
            count += " · " + self.tr("drag a row or press Ctrl+Up / Ctrl+Down to re-rank")
        return count

    # -- selection and filters -------------------------------------------------------------------------------

    def selected_goal_id(self) -> str | None:
        """The id of the selected goal, if any."""
        return self.selected_id()

    def select_goal(self, goal_id: str, column: int = 1) -> QModelIndex:
        """Make `goal_id` the current, selected row (if the filters show it); returns its view index."""
        return self.select(goal_id, column)

    def _set_filters(self) -> None:
        self.filtered.set_filters(self.category_filter.currentData(), self.state_filter.currentData(),
                                  self.text_filter.text())

    # -- edits -----------------------------------------------------------------------------------------------

    def _command(self, command: str) -> None:
        if command == "add":
            self.add_goal()
        elif command == "delete":
            self.delete_goal()
        else:
            self.move_selected(-1 if command == "up" else 1)

    def _menu(self, position: QPoint) -> None:
        self._menu_at(position, [
            (self.tr("Add goal"), "Ins", self.add_goal, self.add_button),
            (self.tr("Move up"), "Ctrl+Up", lambda: self.move_selected(-1), self.up_button),
            (self.tr("Move down"), "Ctrl+Down", lambda: self.move_selected(1), self.down_button),
            (self.tr("Delete goal"), "Del", self.delete_goal, self.delete_button),
        ])

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
        return self._show_added(changes.items[0].row_id, "title",
                                self.tr("Added a goal — type its title and press Enter"))

    def delete_goal(self) -> None:
        """Delete the selected goal without asking: it is one undo away, and the page says so."""
        self._delete_selected(lambda session, goal_id: session.delete(self.tr("Delete goal"), "goals", goal_id),
                              "title", self.tr("Deleted goal “%1” — Undo with %2"))

    def move_selected(self, step: int) -> bool:
        """Move the selected goal one shown place up (-1) or down (+1); hidden goals keep their ranks."""
        goal_id, target = self.selected_id(), self.table.currentIndex().row() + step
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
        self.table.scrollTo(self.select(goal_id, column))
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
