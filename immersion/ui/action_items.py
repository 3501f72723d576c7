"""A meeting's action items: the promises made, with an owner from either side, a due date and a done box.

Open items past their due date are tinted and counted in the panel's title; they are also what the account
overview and the portfolio sidebar count as overdue. Adding, editing, ticking off and deleting are each one
undoable step.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton, \
    QVBoxLayout, QWidget

from immersion.store import meetings
from immersion.ui import formatting, theme
from immersion.ui.meeting_fields import PanelModel, RowTable
from immersion.ui.pages import PageContext
from immersion.ui.row_model import Column, Row
from immersion.ui.widgets import Heading

OVERDUE = "#c4403f"


def owner_key(row: Row) -> str | None:
    """An owner as one value for a combo box: "s:<stakeholder id>", "t:<team member id>" or None."""
    if row.get("owner_stakeholder_id"):
        return f"s:{row['owner_stakeholder_id']}"
    if row.get("owner_team_member_id"):
        return f"t:{row['owner_team_member_id']}"
    return None


def owner_fields(key: str | None) -> dict[str, str | None]:
    """The two owner columns for an owner key (exactly one of them set, or neither)."""
    side, _, person = (key or "").partition(":")
    return {"owner_stakeholder_id": person if side == "s" else None,
            "owner_team_member_id": person if side == "t" else None}


def _text(row: Row) -> str:
    """The whole text, as a tooltip for a cell that cuts it short."""
    return row.get("text") or ""


def overdue_colour() -> QColor:
    colour = QColor(OVERDUE)
    return colour.lighter(145) if theme.is_dark() else colour


class ActionsPanel(QWidget):
    """The action items of one meeting, with a line to add one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self._meeting_id = ""
        self.title = Heading(self.tr("Action items"), 1.15, self)
        self.status = QLabel(self)
        self.model = PanelModel(self._columns([], []), self._edit, self._decorate)
        self.table = RowTable(self.model, "text", self, optional=("owner",))
        self.table.delete_requested.connect(self.delete)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.new_text = QLineEdit(self)
        self.new_text.setPlaceholderText(self.tr("New action item: who does what, by when (Enter adds it)"))
        self.new_text.returnPressed.connect(self.add)
        self.new_owner = QComboBox(self)
        self.new_owner.setToolTip(self.tr("Owner"))
        self.new_owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.new_owner.setMinimumContentsLength(12)
        self.new_due = QDateEdit(self)
        self.new_due.setCalendarPopup(True)
        self.new_due.setDisplayFormat("d MMM yyyy")
        self.new_due.setToolTip(self.tr("Due date"))
        self.new_due.setDate(QDate.currentDate().addDays(7))
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self.add)
        self.adder = QWidget(self)
        grid = QGridLayout(self.adder)  # the text gets a line of its own: it is what people read later
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.new_text, 0, 0, 1, 3)
        grid.addWidget(self.new_owner, 1, 0)
        grid.addWidget(self.new_due, 1, 1)
        grid.addWidget(self.add_button, 1, 2)
        grid.setColumnStretch(0, 1)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.adder)
        layout.addWidget(self.table, 1)

    @staticmethod
    def _columns(stakeholders: Sequence[Row], team: Sequence[Row]) -> list[Column]:
        owners = ((None, "—"), *((f"s:{s['id']}", s["name"]) for s in stakeholders),
                  *((f"t:{t['id']}", t["name"]) for t in team))
        return [
            Column("done", QT_TRANSLATE_NOOP("Columns", "Done"), "bool", True, width=3),
            Column("text", QT_TRANSLATE_NOOP("Columns", "Action"), "text", True, required=True, width=24,
                   tooltip=_text),
            Column("owner", QT_TRANSLATE_NOOP("Columns", "Owner"), "choice", True, owners, width=14),
            Column("due_date", QT_TRANSLATE_NOOP("Columns", "Due"), "date", True, width=12),
        ]

    def show_meeting(self, context: PageContext, meeting_id: str, stakeholders: Sequence[Row],
                     team: Sequence[Row], attendee_ids: Sequence[str], editable: bool,
                     today: _dt.date | None = None) -> None:
        """Show the action items of `meeting_id` (read from the store); owners come from both sides."""
        self._context, self._meeting_id = context, meeting_id
        rows = meetings.actions_for_meeting(context.workbook, meeting_id, today) if context.workbook else []
        for row in rows:
            row["owner"] = owner_key(row)
        self.model.set_columns(self._columns(stakeholders, team))
        self.model.set_rows(rows)
        self.table.set_editable(editable)
        self.adder.setVisible(editable)
        self._fill_owners(stakeholders, team, attendee_ids)
        overdue = sum(1 for r in rows if r["overdue"])
        open_items = sum(1 for r in rows if not r["done"])
        self.status.setText(self.tr("%n overdue", "", overdue) if overdue else
                            self.tr("%n open", "", open_items) if rows else "")
        palette = self.status.palette()
        palette.setColor(QPalette.ColorRole.WindowText, overdue_colour() if overdue else theme.muted(self))
        self.status.setPalette(palette)

    def _fill_owners(self, stakeholders: Sequence[Row], team: Sequence[Row], attendee_ids: Sequence[str]) -> None:
        """The add line's owners: nobody, this meeting's people first, the customer's, then ours."""
        current = self.new_owner.currentData()
        combo = self.new_owner
        combo.clear()
        combo.addItem(self.tr("No owner yet"), None)
        present = [s for s in stakeholders if s["id"] in attendee_ids] + [t for t in team if t["id"] in attendee_ids]
        groups = (("", present), (self.tr("Customer"), [s for s in stakeholders if s["id"] not in attendee_ids]),
                  (self.tr("Our team and partners"), [t for t in team if t["id"] not in attendee_ids]))
        for title, people in groups:
            if not people:
                continue
            combo.insertSeparator(combo.count())
            for person in people:
                side = "s" if any(s["id"] == person["id"] for s in stakeholders) else "t"
                combo.addItem(person["name"], f"{side}:{person['id']}")
                combo.setItemData(combo.count() - 1, title or self.tr("At this meeting"), Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def add(self) -> None:
        """Add the action typed in the add line to the meeting."""
        session, text = self._context.session, self.new_text.text().strip()
        if session is None or not self._meeting_id or not text:
            return
        meeting, owner, due = self._meeting_id, owner_fields(self.new_owner.currentData()), \
            self.new_due.date().toString(Qt.DateFormat.ISODate)
        if session.edit(self.tr("Add action item"),
                        lambda wb: meetings.add_action(wb, meeting, text, due_date=due, **owner)) is not None:
            self.new_text.clear()
            self.new_due.setDate(QDate.currentDate().addDays(7))

    def delete(self, action_id: str) -> None:
        session = self._context.session
        if session is not None:
            session.delete(self.tr("Delete action item"), "action_items", action_id)

    def _edit(self, action_id: str, key: str, value: Any) -> bool:
        session = self._context.session
        if session is None:
            return False
        if key == "done":
            text = self.tr("Mark action done") if value else self.tr("Reopen action")
            return session.edit(text, lambda wb: meetings.set_action_done(wb, action_id, bool(value))) is not None
        if key == "owner":
            return session.change(self.tr("Change action owner"), "action_items", action_id,
                                  **owner_fields(value)) is not None
        texts = {"text": self.tr("Edit action item"), "due_date": self.tr("Change due date")}
        return session.change(texts[key], "action_items", action_id, **{key: value}) is not None

    def _decorate(self, row: Row, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row["overdue"]:
            tint = overdue_colour()
            tint.setAlpha(48 if theme.is_dark() else 26)
            return tint
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "due_date" and row["overdue"]:
                return overdue_colour()
            if row["done"]:
                return self.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and row["done"] and key == "text":
            font = QFont(self.font())
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key == "due_date" and row.get("due_date"):
            when = formatting.days_text(row["due_date"])
            return self.tr("Overdue: due %1").replace("%1", when) if row["overdue"] else when
        return None

    def _menu(self, position: Any) -> None:
        action = self.table.selected_id()
        if not action or not self.adder.isVisible():
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Delete action item"), lambda: self.delete(action))
        menu.exec(self.table.viewport().mapToGlobal(position))
