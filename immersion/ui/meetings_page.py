"""The Meetings page of an account: the meetings list (upcoming first, then the most recent), the editor of the
selected meeting with its notes, insights and action items, and the account's touchpoints.

The page reads through `store.meetings` and edits only through the page context's edit session, so every
change is one undoable step and refreshes every page from one signal. A refresh keeps the selection and never
replaces a field the user is typing in.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QButtonGroup, QHBoxLayout, QListView, QMenu, QPushButton, \
    QSplitter, QStackedWidget, QVBoxLayout, QWidget

from immersion.store import edits, meetings
from immersion.ui import formatting
from immersion.ui.meeting_editor import MeetingEditor
from immersion.ui.meeting_list_model import ID_ROLE, MeetingDelegate, MeetingListModel
from immersion.ui.pages import Page, PageContext, Target
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.touchpoints import TouchpointsPanel
from immersion.ui.widgets import Caption, Heading

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QKeyEvent


class MeetingList(QListView):
    """The meetings; Delete asks to delete the selected one."""

    def __init__(self, page: MeetingsPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._page = page

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Delete) and self.currentIndex().isValid():
            self._page.delete_meeting(self.currentIndex().data(ID_ROLE))
            return
        super().keyPressEvent(event)


class MeetingsPage(Page):
    """Meetings, notes, insights, action items and touchpoints of the selected account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self._busy = False
        self._again = False
        self._workbook: object = None
        self._account = ""
        self._want = ""  # the meeting to select on the next refresh (a new one, a navigation target)
        self.new_action = self._action(self.tr("New Meeting"), "Ctrl+Shift+M", self.new_meeting,
                                       self.tr("Record a new meeting for this account (Ctrl+Shift+M)"))
        self.insight_action = self._action(self.tr("Make Insight"), "Ctrl+I", lambda: self.editor.make_insight(),
                                           self.tr("Keep the selected words of the notes as an insight (Ctrl+I)"))
        self.idea_action = self._action(self.tr("New Idea from Notes"), "Ctrl+Shift+I", self.new_idea,
                                        self.tr("Capture the selected words of the notes (or the paragraph) as a new "
                                                "idea on the board, with this meeting as its origin (Ctrl+Shift+I)"))
        self.model = MeetingListModel(self)
        self.list = MeetingList(self, self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(MeetingDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setMouseTracking(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._list_menu)
        self.list.selectionModel().currentChanged.connect(self._picked)
        self.list.setAccessibleName(self.tr("Meetings"))
        self.new_button = QPushButton(self.tr("New meeting"), self)
        self.new_button.setToolTip(self.new_action.toolTip())
        self.new_button.clicked.connect(self.new_action.trigger)
        self.count = Caption("", self)
        self.editor = MeetingEditor(self)
        self.editor.insight_action = self.insight_action
        self.editor.idea_action = self.idea_action
        self.editor.insights.make_button.clicked.connect(self.insight_action.trigger)
        self.editor.delete_requested.connect(self.delete_meeting)
        self.touchpoints = TouchpointsPanel(self)
        self._lay_out()

    def _action(self, text: str, keys: str, slot: object, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _lay_out(self) -> None:
        self.meetings_tab = QPushButton(self.tr("Meetings"), self)
        self.touchpoints_tab = QPushButton(self.tr("Touchpoints"), self)
        self.tabs = QButtonGroup(self)
        for number, button in enumerate((self.meetings_tab, self.touchpoints_tab)):
            button.setCheckable(True)
            button.setFlat(True)
            self.tabs.addButton(button, number)
        self.meetings_tab.setChecked(True)
        self.tabs.idClicked.connect(self.show_view)
        switch = QHBoxLayout()
        switch.setSpacing(4)
        switch.addWidget(self.meetings_tab)
        switch.addWidget(self.touchpoints_tab)
        switch.addStretch(1)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(6)
        side_header = QHBoxLayout()
        side_header.addWidget(self.count, 1)
        side_header.addWidget(self.new_button)
        side_layout.addLayout(side_header)
        side_layout.addWidget(self.list, 1)
        side.setMinimumWidth(220)
        self.empty = QWidget(self)
        message = QWidget(self.empty)
        message.setFixedWidth(460)  # a centred widget gets its hint's width; wrapped text needs a real one
        message_layout = QVBoxLayout(message)
        message_layout.setSpacing(6)
        title = Heading(self.tr("No meetings yet"), 1.3, message)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        hint = Caption(self.tr("Record discovery and co-creation meetings here: who came from both sides, the notes, "
                               "the insights tied to the customer's goals, and the promises made."), message)
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.empty_button = QPushButton(self.tr("New meeting"), message)
        self.empty_button.clicked.connect(self.new_action.trigger)
        message_layout.addWidget(title)
        message_layout.addWidget(hint)
        message_layout.addSpacing(8)
        message_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        centred = QHBoxLayout()  # stretches, not an alignment flag: wrapped text then gets its full height
        centred.addStretch(1)
        centred.addWidget(message)
        centred.addStretch(1)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        empty_layout.addLayout(centred)
        empty_layout.addStretch(2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(MARGIN)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 910])
        self.views = QStackedWidget(self)
        for view in (self.splitter, self.empty, self.touchpoints):
            self.views.addWidget(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN // 2, MARGIN, MARGIN)
        layout.setSpacing(12)
        layout.addLayout(switch)
        layout.addWidget(self.views, 1)

    # -- showing ---------------------------------------------------------------------------------------------------

    def show_context(self, context: PageContext) -> None:
        """Show the meetings of the context's account, keeping the selected meeting and any unsaved typing."""
        self._context = context
        if self._busy:  # an edit made while refreshing (a flush) refreshes again once this pass is done
            self._again = True
            return
        self._busy = True
        try:
            self._again = True
            while self._again:
                self._again = False
                self._refresh()
        finally:
            self._busy = False

    def flush(self) -> None:
        """Save what the user typed and has not yet been saved (call before closing the workbook)."""
        self.editor.flush()

    def _editable(self) -> bool:
        session = self._context.session
        return session is not None and not session.read_only

    def _refresh(self) -> None:
        context = self._context
        if context.workbook is not self._workbook:  # another file (or none): its meeting is not ours to save
            self.editor.forget()
            self._workbook, self._account, self._want = context.workbook, "", ""
        if context.workbook is None or context.account is None:
            return
        account = context.account.id
        moved = account != self._account
        if moved:
            self.editor.flush()  # typed into the previous account's meeting: save it there first
            self._account, self._want = account, self._want if self._want_is_in(account) else ""
        editable = self._editable()
        for widget in (self.new_button, self.empty_button):
            widget.setVisible(editable)
        self.new_action.setEnabled(editable)
        self.insight_action.setEnabled(editable)
        self.idea_action.setEnabled(editable)
        rows = meetings.meetings_for_account(context.workbook, account)
        current = self._want or ("" if moved else self._current_id())
        position = max(0, self.list.currentIndex().row())
        self.model.set_rows(rows)
        self.count.setText(self.tr("1 meeting") if len(rows) == 1 else self.tr("%n meetings", "", len(rows)))
        if self.touchpoints_tab.isChecked():
            self.touchpoints.show_context(context)
        else:
            self.views.setCurrentWidget(self.splitter if rows else self.empty)
        if not rows:
            return
        row = self.model.row_of(current) if current else -1
        if row < 0:
            row = min(position, len(rows) - 1) if current else 0
        self._want = ""
        index = self.model.index(row)
        if self.list.currentIndex() != index:
            self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show_meeting(self.model.row(row)["id"])

    def _want_is_in(self, account: str) -> bool:
        row = edits.get(self._context.workbook, "meetings", self._want) if self._want and self._context.workbook \
            else None
        return row is not None and row["account_id"] == account

    def _current_id(self) -> str:
        index = self.list.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else ""

    def _show_meeting(self, meeting_id: str) -> None:
        workbook, account = self._context.workbook, self._context.account
        meeting = meetings.meeting(workbook, meeting_id) if workbook else None
        if meeting is None or account is None:
            return
        stakeholders, team = meetings.people(workbook, account.id)
        self.editor.show_meeting(self._context, meeting, stakeholders, team, meetings.goals(workbook, account.id),
                                 self._editable())

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._busy or not current.isValid():
            return
        meeting_id = current.data(ID_ROLE)
        if meeting_id == self.editor.meeting_id():
            return
        self._want = meeting_id
        self.editor.flush()  # may refresh the page through the session; then the wanted meeting is shown
        if self.editor.meeting_id() != meeting_id:
            self.show_context(self._context)

    def extra_views(self) -> list[tuple[str, object]]:
        return [("touchpoints", lambda: self.show_view(1)), ("meetings", lambda: self.show_view(0))]

    def show_view(self, number: int) -> None:
        """0: the meetings, 1: the touchpoints."""
        (self.meetings_tab if number == 0 else self.touchpoints_tab).setChecked(True)
        if number == 1:
            self.editor.flush()
            self.touchpoints.show_context(self._context)
            self.views.setCurrentWidget(self.touchpoints)
        else:
            self.show_context(self._context)

    # -- navigation ------------------------------------------------------------------------------------------------

    def select_meeting(self, meeting_id: str) -> bool:
        """Select a meeting of this account and show it in the editor."""
        if self.model.row_of(meeting_id) < 0:
            return False
        if self.touchpoints_tab.isChecked():
            self.meetings_tab.setChecked(True)
        self._want = meeting_id
        self.editor.flush()
        self.show_context(self._context)
        return self.editor.meeting_id() == meeting_id

    def focus_item(self, table: str, row_id: str) -> bool:
        """Select a meeting, an insight or an action item (with its meeting), or a touchpoint."""
        workbook = self._context.workbook
        if workbook is None:
            return False
        if table == "touchpoints":
            self.show_view(1)
            return self.touchpoints.select(row_id)
        if table == "meetings":
            meeting_id: str | None = row_id
        elif table in ("insights", "action_items"):
            row = edits.get(workbook, table, row_id)
            meeting_id = row["meeting_id"] if row else None
        else:
            return False
        if not meeting_id or not self.select_meeting(meeting_id):
            return False
        if table == "insights":
            return self.editor.insights.table.select_id(row_id)
        if table == "action_items":
            return self.editor.actions.table.select_id(row_id)
        self.list.setFocus()
        return True

    # -- acting ----------------------------------------------------------------------------------------------------

    def new_meeting(self, title: str = "", starts_at: str | None = None) -> str | None:
        """Add a discovery meeting (at the next full hour unless `starts_at` is given), select it and put the
        cursor in its title; returns its id (None when read-only)."""
        session, account = self._context.session, self._context.account
        if session is None or account is None or not self._editable():
            return None
        if starts_at is None:
            soon = _dt.datetime.now().replace(minute=0, second=0, microsecond=0) + _dt.timedelta(hours=1)
            starts_at = soon.isoformat()
        name = title or self.tr("New meeting")
        changes = session.edit(self.tr("New meeting"), lambda wb: meetings.add_meeting(wb, account.id, name,
                                                                                       starts_at))
        if changes is None:
            return None
        meeting_id = changes.items[0].row_id
        self.show_view(0)
        self.select_meeting(meeting_id)
        if not title:
            self.editor.title.setFocus()
            self.editor.title.selectAll()
        return meeting_id

    def new_idea(self) -> str | None:
        """A captured idea from the selected notes text (or the paragraph at the cursor); opens it on the board."""
        from immersion.store import ideas

        session, meeting = self._context.session, self._current_id()
        text = self.editor.excerpt().strip() if meeting else ""
        if session is None or not meeting or not text:
            return None
        self.editor.notes.commit()  # the notes the idea comes from are saved first, as their own step
        title = text.splitlines()[0].strip()
        title = title if len(title) <= 120 else title[:119].rstrip() + "…"
        description = text if text != title else None
        changes = session.edit(self.tr("New idea from meeting"),
                               lambda wb: ideas.new_idea_from_meeting(wb, meeting, title, description))
        if not changes:
            return None
        idea = changes.items[0].row_id
        self._context.go(Target("ideas", self._account or None, "ideas", idea))
        return idea

    def quick_capture(self) -> str | None:
        """Start a note for a meeting happening now, with the cursor in the notes; returns its id."""
        now = _dt.datetime.now().replace(second=0, microsecond=0)
        title = self.tr("Notes %1").replace("%1", formatting.date_text(now.date().isoformat()))
        meeting_id = self.new_meeting(title, now.isoformat())
        if meeting_id is not None:
            self.editor.focus_notes()
        return meeting_id

    def delete_meeting(self, meeting_id: str) -> None:
        """Delete a meeting with its attendees, insights and action items (one undoable step)."""
        session = self._context.session
        row = self.model.row_of(meeting_id)
        if session is None or row < 0 or not self._editable():
            return
        title = self.model.row(row)["title"]
        session.delete(self.tr("Delete meeting “%1”").replace("%1", title), "meetings", meeting_id)
        if self.model.row_of(meeting_id) >= 0:  # nobody refreshed us (no window around): do it now
            self.show_context(self._context)

    def _list_menu(self, position: QPoint) -> None:
        index = self.list.indexAt(position)
        if not self._editable():
            return
        menu = QMenu(self)
        menu.addAction(self.new_action)
        if index.isValid():
            meeting_id = index.data(ID_ROLE)
            menu.addAction(self.tr("Delete meeting"), lambda: self.delete_meeting(meeting_id))
        menu.exec(self.list.viewport().mapToGlobal(position))
