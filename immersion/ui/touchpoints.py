"""Touchpoints (social selling): content or an insight shared with a stakeholder — channel, date, response.

`TouchpointsPanel` lists an account's touchpoints with a stakeholder filter, or — built with a fixed
stakeholder — one person's touchpoints, which is how a relationship page can show them. It reads through
`store.meetings.touchpoints_for` and edits through the page context's edit session, one undoable step each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLineEdit, QMenu, QPushButton, QVBoxLayout, \
    QWidget

from immersion.store import meetings
from immersion.ui.meeting_fields import PanelModel, RowTable
from immersion.ui.pages import PageContext
from immersion.ui.row_model import Column, Row
from immersion.ui.widgets import Caption, Heading

CHANNELS = (
    ("email", QT_TRANSLATE_NOOP("Choices", "Email")), ("linkedin", QT_TRANSLATE_NOOP("Choices", "LinkedIn")),
    ("phone", QT_TRANSLATE_NOOP("Choices", "Phone")), ("event", QT_TRANSLATE_NOOP("Choices", "Event")),
    ("meeting", QT_TRANSLATE_NOOP("Choices", "Meeting")), ("message", QT_TRANSLATE_NOOP("Choices", "Message")),
    ("other", QT_TRANSLATE_NOOP("Choices", "Other")),
)
RESPONSES = (
    ("none", QT_TRANSLATE_NOOP("Choices", "No response")), ("opened", QT_TRANSLATE_NOOP("Choices", "Opened")),
    ("replied", QT_TRANSLATE_NOOP("Choices", "Replied")), ("positive", QT_TRANSLATE_NOOP("Choices", "Positive")),
    ("negative", QT_TRANSLATE_NOOP("Choices", "Negative")),
    ("meeting", QT_TRANSLATE_NOOP("Choices", "Meeting booked")),
)


def _content(row: Row) -> str:
    """What was shared, in full, and the insight it carried."""
    insight = row.get("insight_text")
    return f"{row['content']}\n\n{insight}" if insight else row["content"]


def _short(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


class TouchpointsPanel(QWidget):
    """Touchpoints of the context's account, or of one stakeholder.

    Args:
        stakeholder_id: show only this stakeholder's touchpoints, without a filter (for a person's page).
    """

    def __init__(self, parent: QWidget | None = None, stakeholder_id: str | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self._fixed = stakeholder_id
        self.title = Heading(self.tr("Touchpoints"), 1.3, self)
        self.subtitle = Caption(self.tr("Content and insights shared with the customer's people, and how they "
                                        "responded."), self)
        self.filter = QComboBox(self)
        self.filter.setToolTip(self.tr("Show the touchpoints of one stakeholder"))
        self.filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter.currentIndexChanged.connect(self._reload)
        self.filter.setVisible(stakeholder_id is None)
        self.model = PanelModel(self._columns([], [], []), self._edit)
        self.table = RowTable(self.model, "content", self,
                              optional=("insight_id", "team_member_id", "channel", "response"))
        self.table.delete_requested.connect(self.delete)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.empty = Caption("", self)
        self.new_content = QLineEdit(self)
        self.new_content.setPlaceholderText(self.tr("What did you share? An article, a study, an insight …"))
        self.new_content.returnPressed.connect(self.add)
        self.new_person = QComboBox(self)
        self.new_person.setToolTip(self.tr("Shared with"))
        self.new_person.setVisible(stakeholder_id is None)
        self.new_channel = QComboBox(self)
        for value, label in CHANNELS:
            self.new_channel.addItem(QCoreApplication.translate("Choices", label), value)
        self.new_date = QDateEdit(QDate.currentDate(), self)
        self.new_date.setCalendarPopup(True)
        self.new_date.setDisplayFormat("d MMM yyyy")
        add = QPushButton(self.tr("Add touchpoint"), self)
        add.clicked.connect(self.add)
        self.adder = QWidget(self)
        row = QHBoxLayout(self.adder)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for widget, stretch in ((self.new_content, 1), (self.new_person, 0), (self.new_channel, 0),
                                (self.new_date, 0), (add, 0)):
            row.addWidget(widget, stretch)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.filter, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.adder)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    @staticmethod
    def _columns(stakeholders: Sequence[Row], team: Sequence[Row], insights: Sequence[Row]) -> list[Column]:
        return [
            Column("date", QT_TRANSLATE_NOOP("Columns", "Date"), "date", True, required=True, width=11),
            Column("stakeholder_id", QT_TRANSLATE_NOOP("Columns", "Stakeholder"), "choice", True,
                   tuple((s["id"], s["name"]) for s in stakeholders), required=True, width=16),
            Column("channel", QT_TRANSLATE_NOOP("Columns", "Channel"), "choice", True, CHANNELS, required=True,
                   width=9),
            Column("content", QT_TRANSLATE_NOOP("Columns", "Content"), "text", True, required=True, width=30,
                   tooltip=_content),
            Column("insight_id", QT_TRANSLATE_NOOP("Columns", "Insight shared"), "choice", True,
                   ((None, "—"), *((i["id"], _short(i["text"])) for i in insights)), width=16),
            Column("response", QT_TRANSLATE_NOOP("Columns", "Response"), "choice", True, RESPONSES, required=True,
                   width=11),
            Column("team_member_id", QT_TRANSLATE_NOOP("Columns", "By"), "choice", True,
                   ((None, "—"), *((t["id"], t["name"]) for t in team)), width=14),
        ]

    def show_context(self, context: PageContext) -> None:
        """Show the touchpoints of the context's account (or of the fixed stakeholder)."""
        self._context = context
        if context.workbook is None or context.account is None:
            return
        stakeholders, team = meetings.people(context.workbook, context.account.id)
        insights = meetings.account_insights(context.workbook, context.account.id)
        self.model.set_columns(self._columns(stakeholders, team, insights))
        for combo, first in ((self.filter, self.tr("All stakeholders")), (self.new_person, "")):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if first:
                combo.addItem(first, None)
            for s in stakeholders:
                combo.addItem(s["name"], s["id"])
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        editable = context.session is not None and not context.session.read_only
        self.table.set_editable(editable)
        self.adder.setVisible(editable and bool(stakeholders))
        self._reload()

    def stakeholder(self) -> str | None:
        """Whose touchpoints are shown (None: everyone's)."""
        return self._fixed or self.filter.currentData()

    def set_stakeholder(self, stakeholder_id: str | None) -> None:
        """Filter to one stakeholder (None: all)."""
        self.filter.setCurrentIndex(max(0, self.filter.findData(stakeholder_id)))
        self._reload()

    def select(self, touchpoint_id: str) -> bool:
        """Select a touchpoint, clearing the filter if it hides it."""
        if self.table.select_id(touchpoint_id):
            return True
        if self._fixed is None and self.filter.currentIndex() > 0:
            self.set_stakeholder(None)
        return self.table.select_id(touchpoint_id)

    def _reload(self) -> None:
        context = self._context
        if context.workbook is None or context.account is None:
            return
        person = self.stakeholder()
        rows = meetings.touchpoints_for(context.workbook, account_id=None if self._fixed else context.account.id,
                                        stakeholder_id=person)
        self.model.set_rows(rows)
        if person and self._fixed is None:
            self.new_person.setCurrentIndex(max(0, self.new_person.findData(person)))
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.empty.setText(self.tr("No touchpoints yet. Share something useful — a study, an article, an insight "
                                   "from a meeting — and note it here with the response it got."))

    def add(self) -> None:
        session, content = self._context.session, self.new_content.text().strip()
        person = self._fixed or self.new_person.currentData()
        if session is None or self._context.account is None or not content or not person:
            return
        added = session.add(self.tr("Add touchpoint"), "touchpoints", account_id=self._context.account.id,
                            stakeholder_id=person, channel=self.new_channel.currentData(), content=content,
                            date=self.new_date.date().toString(Qt.DateFormat.ISODate))
        if added is not None:
            self.new_content.clear()
            if self.model.row_of(added) < 0:  # nobody refreshed us (no window around): do it now
                self._reload()
            self.table.select_id(added)

    def delete(self, touchpoint_id: str) -> None:
        session = self._context.session
        if session is not None:
            session.delete(self.tr("Delete touchpoint"), "touchpoints", touchpoint_id)

    def _edit(self, touchpoint_id: str, key: str, value: Any) -> bool:
        session = self._context.session
        if session is None:
            return False
        return session.change(self.tr("Edit touchpoint"), "touchpoints", touchpoint_id, **{key: value}) is not None

    def _menu(self, position: Any) -> None:
        touchpoint = self.table.selected_id()
        if not touchpoint or not self.adder.isVisible():
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Delete touchpoint"), lambda: self.delete(touchpoint))
        menu.exec(self.table.viewport().mapToGlobal(position))
