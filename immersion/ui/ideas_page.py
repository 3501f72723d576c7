"""The Ideas page: the selected account's curation board (or the same ideas as a table) with an idea editor.

The page reads through `store.idea_queries` and edits through the context's `EditSession`
(`idea_commands.py`), so every action is one undoable step; following the session and the selected account is
`AccountPage`'s. A reload keeps the selection, the scroll positions and whatever the user is typing in the
editor. With thousands of ideas the board stays usable: each column is a virtualised list view whose delegate
paints only the visible cards, every column shows its count, and the filters (text, goal, origin, quadrant,
tag) and the column order (by hand, mutual value, effort or age) apply to the board too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QScrollArea, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from immersion.store import idea_queries
from immersion.ui import idea_labels as labels
from immersion.ui.account_page import AccountPage
from immersion.ui.idea_board import IdeaBoard
from immersion.ui.idea_commands import BOARD, IdeaCommands
from immersion.ui.idea_editor import IdeaEditor
from immersion.ui.idea_filters import IdeaFilterBar
from immersion.ui.idea_table_model import IdeaFilterProxy, IdeaTable, IdeaTableModel
from immersion.ui.idea_toolbar import IdeaToolbar
from immersion.ui.row_model import Row
from immersion.ui.table_page import undo_key
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from immersion.store.idea_queries import IdeaChoices
    from immersion.store.workbook import Workbook
    from immersion.ui.edit_session import EditSession

DETAILS_WIDTH = 1360  # pixels of page from which the editor is shown beside the board until the user decides
SORTS = {  # the board's column orders: hand order is the rows' own order, ties keep it
    "hand": None,
    "value": lambda r: -r["mutual_value"],
    "effort": lambda r: (r["effort"], -r["mutual_value"]),
    "age": lambda r: -r["age_days"],
}


class IdeasPage(AccountPage):
    """The curation board of the selected account, its table, and the idea editor.

    Its `model` is the table's; the board and the editor are as editable as the table is.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._by_id: dict[str, Row] = {}
        self._choices: IdeaChoices | None = None
        self._current: str | None = None
        self._table_stale = False  # the table has not been given the latest rows yet
        self._loading = False
        self.undo_key = undo_key()
        self.commands = IdeaCommands(self)

        self.filters = IdeaFilterBar(self)
        self.filters.changed.connect(self._filter)
        self.tools = IdeaToolbar(self)
        self.tools.new.connect(self.commands.new_idea)
        self.tools.step.connect(self.commands.step)
        self.tools.move_to.connect(lambda stage: self.commands.move(self.selected_ids(), stage))
        self.tools.merge.connect(self.commands.merge)
        self.tools.view.connect(self._show_view)
        self.tools.details.connect(lambda shown: self.show_details(shown, chosen=True))
        self.tools.order_changed.connect(self._filter)
        self.status = self.tools.status
        self.board = IdeaBoard(self)
        self.board.current_changed.connect(lambda idea_id: self._current_changed(idea_id, self.board))
        self.board.selection_changed.connect(self._update_actions)
        self.board.moved.connect(self._dropped)
        self.board.step.connect(self.commands.step)
        self.board.command.connect(self._command)
        self.board.menu_requested.connect(self.commands.menu)
        self.table_model = self.model = IdeaTableModel(self.commands.edit_cell, self)
        self.proxy = IdeaFilterProxy(self)
        self.table = IdeaTable(self.table_model, self.proxy, self)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._table_selection())
        self.table.command.connect(self._command)
        self.table.step.connect(self.commands.step)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.commands.menu(self.table.viewport().mapToGlobal(pos)))
        self.views = QStackedWidget(self)
        self.views.addWidget(self.board)
        self.views.addWidget(self.table)
        self.editor = IdeaEditor(self)
        self.editor.edited.connect(self.commands.edit_fields)
        self.editor.links_edited.connect(self.commands.edit_links)
        self.details = scroller = QScrollArea(self)
        scroller.setWidget(self.editor)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setMinimumWidth(self.editor.minimumWidth() + 16)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(scroller)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)  # the Details button hides it: a dragged-away panel gets lost
        self.splitter.setSizes([900, 330])
        self._details_chosen = False  # until the user shows or hides the editor, the page's width decides
        self.splitter.setHandleWidth(10)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.stack.addWidget(self._empty_panel())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN - 8)
        layout.setSpacing(8)
        layout.addWidget(self.tools)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(self.commands.new_idea)
        self.setFocusProxy(self.board)
        self._show_view(0)

    # -- building ------------------------------------------------------------------------------------------

    def _empty_panel(self) -> QWidget:
        panel = QWidget(self.stack)
        self.empty_hint = Caption("", panel)
        self.empty_hint.setForegroundRole(self.foregroundRole())
        detail = Caption(self.tr("Ideas are proposals co-created with the customer. Capture them as they "
                                 "come up, shape them with marketing, operations and partners, score them "
                                 "for value to the customer and to us, and move the good ones through to "
                                 "adoption."), panel)
        self.empty_add = QPushButton(self.tr("Capture the first idea"), panel)
        self.empty_add.setToolTip(self.tr("New idea (Insert)"))
        self.empty_add.clicked.connect(lambda _checked=False: self.commands.new_idea())
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(MARGIN, MARGIN * 2, MARGIN, MARGIN)
        for widget in (self.empty_hint, detail):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addSpacing(10)
        layout.addWidget(self.empty_add, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return panel

    # -- what the commands need ----------------------------------------------------------------------------

    def writable_session(self) -> EditSession | None:
        """The session to edit through, or None when nothing on the page may be edited."""
        return self._writable()

    def account_id(self) -> str | None:
        return self._account_id

    def workbook(self) -> Workbook | None:
        return self._context.workbook

    def row(self, idea_id: str | None) -> Row | None:
        return self._by_id.get(idea_id or "")

    def column_ids(self, stage: str, without: Sequence[str] = ()) -> list[str]:
        """A column's ideas in hand order (filters and sorting aside)."""
        return [r["id"] for r in self._rows if r["stage"] == stage and r["id"] not in without]

    def say(self, text: str) -> None:
        self.status.setText(text)

    def catch_up(self) -> None:
        """Reload after the page's own edit, unless the window did already."""
        self._catch_up()

    # -- showing -------------------------------------------------------------------------------------------

    def _account_changed(self) -> None:
        self._current = None
        self.say("")
        self._loading = True  # the reload that follows fills the board once
        try:
            self.filters.clear()  # a filter left from another account would hide its ideas without a word
        finally:
            self._loading = False

    def _reload(self) -> None:
        """Show the account's ideas, keeping the selection, the scroll positions and typed text."""
        self._stale = False
        workbook, account = self._context.workbook, self._account_id
        self._rows = idea_queries.ideas(workbook, account) if workbook is not None and account else []
        self._by_id = {row["id"]: row for row in self._rows}
        self._choices = idea_queries.choices(workbook, account) if workbook is not None and account else None
        self.model.editable = self._session is not None and not self._session.read_only
        editable = self._can_edit()
        keep, current = self.selected_ids(), self._current
        self._loading = True
        try:
            if self._choices is not None:
                self.filters.set_choices(self._choices.goals, self._choices.tags)
            self._table_stale = True
            self._fill_board()
            current = current if current in self._by_id else None
            self.select_ids([i for i in keep if i in self._by_id], current, scroll=False)
        finally:
            self._loading = False
        self._current = current if current in self._by_id else None
        empty = not self._rows and account is not None
        self.stack.setCurrentIndex(1 if empty else 0)
        self.tools.setVisible(not empty)
        self.filters.setVisible(not empty)
        self.empty_add.setVisible(editable)
        self.empty_hint.setText(
            self.tr("No ideas yet — capture the first with Insert, or from a meeting's notes.") if editable
            else self.tr("No ideas yet. This workbook is open read-only."))
        self._show_current()

    def _fill_board(self) -> None:
        found, key = self.filters.current(with_stage=False), SORTS[self.tools.order.currentData()]
        columns: dict[str, list[Row]] = {stage: [] for stage in labels.STAGES}
        totals = dict.fromkeys(labels.STAGES, 0)
        for row in self._rows:
            totals[row["stage"]] += 1
            if found.matches(row):
                columns[row["stage"]].append(row)
        if key is not None:
            for cards in columns.values():
                cards.sort(key=key)
        self.board.set_editable(self.writable_session() is not None, key is None)
        self.board.set_cards(columns, totals)
        if self._table_stale and self.views.currentIndex() == 1:  # the hidden table is filled when shown
            self._table_stale = False
            self.table_model.set_rows(self._rows)
        self.proxy.set_filter(self.filters.current())
        on_board = self.views.currentIndex() == 0
        shown = sum(len(cards) for cards in columns.values()) if on_board else self.proxy.rowCount()
        total, closed = len(self._rows), totals["parked"] + totals["declined"]
        if shown != total:
            text = self.tr("%1 of %2 ideas match the filters").replace("%1", str(shown))
            text = text.replace("%2", str(total))
        else:
            text = self.tr("1 idea") if total == 1 else self.tr("%1 ideas").replace("%1", str(total))
            if closed:
                text += " · " + self.tr("%1 parked or declined").replace("%1", str(closed))
        self.tools.count.setText(text)

    def _filter(self) -> None:
        if self._loading:
            return
        keep, current = self.selected_ids(), self._current
        self._loading = True
        try:
            self._fill_board()
            shown = self.select_ids(keep, current, scroll=False)
        finally:
            self._loading = False
        if not shown:  # the filters hide the idea in the editor: the actions must not reach it unseen
            self._current = None
        self._show_current()

    def extra_views(self) -> list[tuple[str, object]]:
        return [("table", lambda: self._show_view(1)), ("board", lambda: self._show_view(0))]

    def _show_view(self, number: int) -> None:
        keep, current = self.selected_ids(), self._current
        self.views.setCurrentIndex(number)
        self.tools.show_view(number)
        self.filters.show_stage(number == 1)
        self.setFocusProxy(self.board if number == 0 else self.table)
        self._filter()
        self.select_ids(keep, current)

    def show_details(self, shown: bool, chosen: bool = False) -> None:
        """Show or hide the editor beside the board or table; `chosen`: the user asked, so it stays so."""
        self._details_chosen = self._details_chosen or chosen
        self.details.setVisible(shown)
        self.tools.details_button.setChecked(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if not self._details_chosen:  # room for six readable columns and the editor, or the board goes first
            self.show_details(event.size().width() >= DETAILS_WIDTH)

    def _show_current(self) -> None:
        workbook, idea_id = self._context.workbook, self._current
        found = idea_queries.detail(workbook, idea_id) if workbook is not None and idea_id else None
        self.editor.set_idea(found, self._choices, self.writable_session() is not None)
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.row(self._current)
        stage = row["stage"] if row else ""
        self.tools.enable(self.writable_session() is not None, len(self.selected_ids()), stage, BOARD)

    # -- selection -----------------------------------------------------------------------------------------

    def current_id(self) -> str | None:
        return self._current

    def selected_ids(self) -> list[str]:
        return self.board.selected_ids() if self.views.currentIndex() == 0 else self.table.selected_ids()

    def select_ids(self, ids: Sequence[str], current: str | None = None, scroll: bool = True) -> bool:
        """Select ideas in the shown view (and make `current`, or the first, the editor's idea)."""
        ids = list(ids)
        if self.views.currentIndex() == 0:
            shown = self.board.select(ids, current, scroll)
        else:
            shown = self.table.select_ids(ids, current, self.table_model)
        if not self._loading:
            self._current_changed(current or (ids[0] if ids else None), None)
        return shown

    def reveal(self, idea_id: str, ids: Sequence[str] | None = None) -> bool:
        """Select an idea (with `ids`), clearing filters that hide it, and put the keyboard focus on it."""
        self.catch_up()
        row = self.row(idea_id)
        if row is None:
            return False
        if not self.filters.current(with_stage=self.views.currentIndex() == 1).matches(row):
            self.filters.clear()
        shown = self.select_ids(list(ids or [idea_id]), idea_id)
        (self.board.focus_current if self.views.currentIndex() == 0 else self.table.setFocus)()
        return shown

    def focus_item(self, table: str, row_id: str) -> bool:
        """Select idea `row_id` (or the idea it was merged into), unfolding parked/declined if need be."""
        workbook = self._context.workbook
        if table != "ideas" or workbook is None:
            return False
        survivor = idea_queries.survivor_of(workbook, row_id)
        return bool(survivor) and self.reveal(survivor)  # type: ignore[arg-type]

    def _current_changed(self, idea_id: str | None, source: QWidget | None) -> None:
        if self._loading or (source is not None and source is not self.views.currentWidget()):
            return
        if idea_id != self._current:
            self.editor.commit_pending()  # what is typed belongs to the idea shown until now
            self._current = idea_id
            self._show_current()
        else:
            self._update_actions()

    def _table_selection(self) -> None:
        if not self._loading:
            self._current_changed(self.table.current_id() or next(iter(self.table.selected_ids()), None),
                                  self.table)

    # -- user actions --------------------------------------------------------------------------------------

    def new_idea_from_meeting(self, meeting_id: str, text: str) -> str | None:
        """Capture an idea from a meeting (its page, or selected notes text); returns the new idea's id."""
        return self.commands.new_idea_from_meeting(meeting_id, text)

    def _dropped(self, ids: list[str], stage: str, row: int) -> None:
        """Cards were dropped before shown row `row` of a column (-1: at its end)."""
        model = self.board.columns[stage].model
        position = None
        if model.reorderable:
            shown = [r["id"] for r in model.rows()]
            anchor = next((i for i in shown[row:] if i not in ids), None) if row >= 0 else None
            rest = self.column_ids(stage, without=ids)
            if anchor is not None:
                position = rest.index(anchor)
            else:  # after the last card shown, which under a filter need not be the column's last
                last = next((i for i in reversed(shown) if i not in ids), None)
                position = rest.index(last) + 1 if last is not None else len(rest)
        self.commands.move(ids, stage, position)

    def _command(self, command: str) -> None:
        if command == "new":
            self.commands.new_idea()
        elif command == "delete":
            self.commands.delete()
        elif command == "open" and self._current:
            self.show_details(True, chosen=True)
            self.editor.focus_title()
