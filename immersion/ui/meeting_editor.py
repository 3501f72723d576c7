"""The editor of one meeting: its details and attendees, the markdown notes beside their live rendering, the
outcome, and the meeting's insights and action items.

Every field saves itself as one undoable step ("Edit meeting notes", "Change meeting kind" …) when the user is
done with it; the notes save after a short pause in typing (or when focus leaves), so a burst of typing is one
step. The rendering follows the typing with a short debounce and never loads anything (see `markdown_view`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from immersion.store import meetings
from immersion.ui import theme
from immersion.ui.action_items import ActionsPanel
from immersion.ui.attendee_picker import AttendeesField
from immersion.ui.insight_panel import InsightsPanel, clean_excerpt
from immersion.ui.line_field import LineField
from immersion.ui.markdown_view import MarkdownView
from immersion.ui.meeting_fields import DateTimeField, TextField
from immersion.ui.meeting_list_model import KINDS, kind_label
from immersion.ui.pages import PageContext
from immersion.ui.row_model import Row
from immersion.ui.widgets import Caption

NOTES_PAUSE_MS = 1200  # long enough to span a thought, short enough that a crash loses one sentence
RENDER_DELAY_MS = 150


def _column(caption: QWidget, body: QWidget) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    layout.addWidget(caption)
    layout.addWidget(body, 1)
    return holder


class MeetingEditor(QWidget):
    """Shows and edits one meeting through the page context's edit session.

    Signals:
        delete_requested(str): the user asked to delete the meeting shown (its id).
    """

    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self._meeting: Row | None = None
        self._duration = 0
        self.title = LineField(self)
        self.title.setFont(theme.scaled_font(self, 1.35, bold=True))
        self.title.setPlaceholderText(self.tr("Meeting title"))
        self.title.setFrame(False)
        # Reads as a heading, not as a form field; the cursor shows it is editable once clicked.
        self.title.setStyleSheet("QLineEdit { background: transparent; }")
        self.title.setToolTip(self.tr("The meeting's title; click to rename it"))
        self.title.committed.connect(self._title)
        self.delete_button = QPushButton(self.tr("Delete meeting"), self)
        self.delete_button.setToolTip(self.tr("Delete this meeting with its insights and action items "
                                              "(Edit ▸ Undo brings it back)"))
        self.delete_button.setFlat(True)
        self.delete_button.clicked.connect(self._delete)
        self.kind = QComboBox(self)
        for value in KINDS:
            self.kind.addItem(kind_label(value), value)
        self.kind.setToolTip(self.tr("Kind of meeting"))
        self.kind.activated.connect(lambda _i: self._change(self.tr("Change meeting kind"),
                                                            kind=self.kind.currentData()))
        self.when = DateTimeField(self)
        self.when.setToolTip(self.tr("Date and start time"))
        self._saves(self.when, self.tr("Change meeting time"), "starts_at")
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 10080)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setToolTip(self.tr("Duration in minutes"))
        self.duration.editingFinished.connect(self._duration_done)
        self.location = LineField(self)
        self.location.setPlaceholderText(self.tr("Where: room, city or video call"))
        self._saves(self.location, self.tr("Change meeting location"), "location")
        self.purpose = LineField(self)
        self.purpose.setPlaceholderText(self.tr("Why we meet: what we want to learn or agree"))
        self._saves(self.purpose, self.tr("Edit meeting purpose"), "purpose")
        self.attendees = AttendeesField(self)
        self.attendees.committed.connect(self._attendees)
        self.notes = TextField(self, pause_ms=NOTES_PAUSE_MS)
        self.notes.setPlaceholderText(self.tr("Type the notes in Markdown: ## headings, - lists, > quotes, **bold**. "
                                              "They are saved as you type."))
        self._saves(self.notes, self.tr("Edit meeting notes"), "notes")
        self.notes.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.notes.customContextMenuRequested.connect(self._notes_menu)
        self.preview = MarkdownView(self)
        self.preview.setPlaceholderText(self.tr("The rendered notes appear here as you type."))
        self._render = QTimer(self)
        self._render.setSingleShot(True)
        self._render.setInterval(RENDER_DELAY_MS)
        self._render.timeout.connect(self.render_notes)
        self.notes.textChanged.connect(self._render.start)
        self.outcome = TextField(self, lines=2)
        self.outcome.setPlaceholderText(self.tr("What was agreed or decided"))
        self._saves(self.outcome, self.tr("Edit meeting outcome"), "outcome")
        self.insights = InsightsPanel(self)
        self.actions = ActionsPanel(self)
        self.insight_action: QAction | None = None  # the page's "Make insight", shown in the notes' menu
        self.idea_action: QAction | None = None  # the page's "New idea from notes", shown there too
        self._lay_out()

    def _lay_out(self) -> None:
        details = QHBoxLayout()
        details.setSpacing(8)
        for widget, stretch in ((self.kind, 0), (self.when, 0), (self.duration, 0), (self.location, 1)):
            details.addWidget(widget, stretch)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.delete_button, 0, 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for row, (caption, item) in enumerate(((self.tr("Meeting"), details), (self.tr("Purpose"), self.purpose),
                                               (self.tr("Attendees"), self.attendees)), start=1):
            label = Caption(caption, self)
            if item is self.attendees:  # level with the first line of chips, which may wrap
                label.setToolTip(self.tr("Blue: the customer's people · grey: our team · purple: partners"))
                label.setMinimumHeight(self.attendees.edit_button.sizeHint().height())
                label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(label, row, 0, (Qt.AlignmentFlag.AlignTop if item is self.attendees
                                           else Qt.AlignmentFlag.AlignVCenter) | Qt.AlignmentFlag.AlignLeft)
            if isinstance(item, QWidget):
                label.setBuddy(item)
                grid.addWidget(item, row, 1, 1, 2)
            else:
                grid.addLayout(item, row, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        text = QSplitter(Qt.Orientation.Horizontal, self)
        text.setChildrenCollapsible(False)
        text.addWidget(_column(Caption(self.tr("Notes · Markdown"), self), self.notes))
        text.addWidget(_column(Caption(self.tr("Preview"), self), self.preview))
        outcome = QHBoxLayout()
        outcome.setSpacing(12)
        outcome.addWidget(Caption(self.tr("Outcome"), self), 0, Qt.AlignmentFlag.AlignTop)
        outcome.addWidget(self.outcome, 1)
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 4)
        upper_layout.setSpacing(8)
        upper_layout.addWidget(text, 1)
        upper_layout.addLayout(outcome)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.setChildrenCollapsible(False)
        lower.addWidget(self.insights)
        lower.addWidget(self.actions)
        lower.setSizes([500, 500])  # insights and actions share the width evenly, whatever their hints say
        lower.setContentsMargins(0, 8, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([660, 340])  # the notes get the most room; a few insights need little
        self.splitter.setHandleWidth(12)
        lower.setHandleWidth(24)
        text.setHandleWidth(12)
        self.insights.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(grid)
        layout.addWidget(self.splitter, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # -- showing ---------------------------------------------------------------------------------------------------

    def meeting_id(self) -> str | None:
        return self._meeting["id"] if self._meeting else None

    def show_meeting(self, context: PageContext, meeting: Row, stakeholders: Sequence[Row], team: Sequence[Row],
                     goals: Sequence[Row], editable: bool) -> None:
        """Show `meeting` (a row of `store.meetings.meeting`); fields being typed in keep their text."""
        if self._meeting is not None and self._meeting["id"] != meeting["id"]:
            self.flush()
        self._context, self._meeting = context, meeting
        self._show_fields(meeting)
        self.attendees.set_people(stakeholders, team, meeting["stakeholder_ids"], meeting["team_member_ids"])
        present = [*meeting["stakeholder_ids"], *meeting["team_member_ids"]]
        self.insights.show_meeting(context, meeting["id"], goals, stakeholders, meeting["stakeholder_ids"], editable)
        self.actions.show_meeting(context, meeting["id"], stakeholders, team, present, editable)
        self.set_editable(editable)

    def _show_fields(self, meeting: Row) -> None:
        self.title.set_text(meeting["title"])
        self.kind.setCurrentIndex(max(0, self.kind.findData(meeting["kind"])))
        self.when.set_value(meeting["starts_at"])
        if not (self.duration.hasFocus() and self.duration.value() != self._duration):
            self._duration = meeting["duration_minutes"]
            self.duration.setValue(self._duration)
        self.location.set_text(meeting["location"])
        self.purpose.set_text(meeting["purpose"])
        self.notes.set_text(meeting["notes"])
        self.outcome.set_text(meeting["outcome"])
        self.render_notes()

    def set_editable(self, editable: bool) -> None:
        for field in (self.title, self.location, self.purpose, self.notes, self.outcome):
            field.setReadOnly(not editable)
        for box in (self.when, self.duration):
            box.setReadOnly(not editable)
            box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows if editable
                                 else QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.when.setCalendarPopup(editable)
        self.kind.setEnabled(editable)
        self.attendees.set_editable(editable)
        self.delete_button.setVisible(editable)

    def render_notes(self) -> None:
        """Render the notes now (typing renders them after a short pause)."""
        self._render.stop()
        self.preview.set_markdown(self.notes.toPlainText())

    def flush(self) -> None:
        """Save what the user typed and has not yet been saved (before showing another meeting)."""
        for field in (self.title, self.location, self.purpose, self.notes, self.outcome):
            field.commit()
        self.when.commit()
        self._duration_done()

    def forget(self) -> None:
        """Drop the meeting shown without saving (its workbook is gone); the fields empty."""
        self.notes.pause.stop()
        self._render.stop()
        self._meeting, self._context = None, PageContext(None)
        for field in (self.title, self.location, self.purpose, self.notes, self.outcome):
            field.clearFocus()
            field.set_text("")
        self.insights.close_form()

    def focus_notes(self) -> None:
        """Put the cursor at the end of the notes, ready to type."""
        self.notes.setFocus()
        self.notes.moveCursor(QTextCursor.MoveOperation.End)

    def excerpt(self) -> str:
        """The selected notes, or the paragraph around the cursor, cleaned of markdown."""
        selected = self.notes.selected_text()
        if selected.strip():
            return clean_excerpt(selected)
        return clean_excerpt(self.notes.textCursor().block().text())

    def make_insight(self) -> None:
        """Open the insight form with the selected words of the notes."""
        if self._meeting is None or self.notes.isReadOnly():
            return
        excerpt = self.excerpt()
        self.notes.commit()  # the notes the insight comes from are saved first, as their own step
        self.insights.open_form(excerpt)
        self._make_room()

    def _make_room(self) -> None:
        """Grow the insights pane when the form would not fit, taking the height from the notes."""
        upper, lower = self.splitter.sizes()
        missing = self.insights.wanted_height() - lower
        if missing > 0 and upper > 0:
            self.splitter.setSizes([max(upper - missing, 160), lower + missing])
            QTimer.singleShot(0, self.notes.ensureCursorVisible)  # once laid out: the quoted words stay in sight

    # -- saving ----------------------------------------------------------------------------------------------------

    def _change(self, text: str, **values: Any) -> None:
        session = self._context.session
        if session is None or self._meeting is None:
            return
        if session.change(text, "meetings", self._meeting["id"], **values) is None and self._context.workbook:
            stored = meetings.meeting(self._context.workbook, self._meeting["id"])
            if stored is not None:  # refused (the session said why): show what is stored again
                self._meeting = stored
                self._show_fields(stored)

    def _saves(self, field: LineField | TextField | DateTimeField, text: str, column: str) -> None:
        """Save `column` as one step called `text` whenever `field` commits (an emptied field stores NULL)."""
        field.committed.connect(lambda value: self._change(text, **{column: value or None}))

    def _delete(self) -> None:
        if self._meeting is not None:
            self.delete_requested.emit(self._meeting["id"])

    def _title(self, value: str) -> None:
        if not value.strip() and self._meeting is not None:
            self.title.set_text(self._meeting["title"])  # a meeting keeps a title: put the old one back
            return
        self._change(self.tr("Rename meeting"), title=value.strip())

    def _duration_done(self) -> None:
        if self.duration.value() != self._duration and not self.duration.isReadOnly():
            self._duration = self.duration.value()
            self._change(self.tr("Change meeting duration"), duration_minutes=self._duration)

    def _attendees(self, stakeholder_ids: list[str], team_member_ids: list[str]) -> None:
        session = self._context.session
        if session is None or self._meeting is None:
            return
        meeting = self._meeting["id"]
        session.edit(self.tr("Change attendees"),
                     lambda wb: meetings.set_attendees(wb, meeting, stakeholder_ids, team_member_ids))

    def _notes_menu(self, position: QPoint) -> None:
        menu = self.notes.createStandardContextMenu()
        first = menu.actions()[0] if menu.actions() else None
        for action in (self.insight_action, self.idea_action):
            if action is not None:
                menu.insertAction(first, action)
        if first is not None and (self.insight_action or self.idea_action):
            menu.insertSeparator(first)
        menu.exec(self.notes.mapToGlobal(position))
        menu.deleteLater()
