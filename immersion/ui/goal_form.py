"""The side form of the boardroom agenda: every field of the selected goal, each committed on its own.

The form never writes: when a field is finished (a line edit's editingFinished, a combo's activated, the
description losing focus) it emits `edited(goal_id, {field: value})` and the page makes that one undoable
"Edit goal". Refilling the form after any edit keeps text the user is still typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from immersion.ui import formatting
from immersion.ui.agenda_model import (
    CATEGORY_CHOICES,
    HORIZON_CHOICES,
    NONE_LABEL,
    STATUS_CHOICES,
    choice_label,
)
from immersion.ui.field_binding import FieldBinding, NotesEdit, fill_choices
from immersion.ui.row_model import Row
from immersion.ui.side_form import SideForm

Choices = Sequence[tuple[str | None, str]]
TEXT_FIELDS = ("title", "kpi", "target")
COMBO_FIELDS = ("category", "status", "horizon", "source_stakeholder_id", "source_meeting_id",
                "owner_stakeholder_id")


class GoalForm(SideForm):
    """All fields of one goal.

    Signals:
        edited(str, dict): the user finished changing a field of the goal with that id; the dict holds
            the field and its new value (None for an emptied optional field).
    """

    edited = Signal(str, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._goal: Row | None = None
        self.heading.setText(self.tr("Goal"))
        self.empty.setText(self.tr("Select a goal to see and edit all its fields."))
        self.title = QLineEdit(self)
        self.description = NotesEdit(self)
        self.description.setPlaceholderText(self.tr("What the customer said, and why it matters to them"))
        lines = self.fontMetrics().lineSpacing()
        self.description.setMinimumHeight(lines * 3 + 12)
        self.description.setMaximumHeight(lines * 6 + 12)
        self.category = self._combo(CATEGORY_CHOICES)
        self.priority = QSpinBox(self)
        self.priority.setRange(1, 5)
        self.priority.setToolTip(self.tr("1–5; it weighs the goal in the alignment index: customer emphasis "
                                         "p = priority ÷ Σ priority of the open goals."))
        self.status = self._combo(STATUS_CHOICES)
        self.status.setToolTip(self.tr("Unconfirmed → confirmed → achieved, or dropped. Only open goals "
                                       "(unconfirmed or confirmed) count toward customer emphasis."))
        self.horizon = self._combo(HORIZON_CHOICES)
        self.kpi = QLineEdit(self)
        self.kpi.setPlaceholderText(self.tr("How they measure it"))
        self.target = QLineEdit(self)
        self.target.setPlaceholderText(self.tr("The value they aim for, by when"))
        self.source_stakeholder_id = self._combo(())
        self.source_meeting_id = self._combo(())
        self.owner_stakeholder_id = self._combo(())

        self.place(self.tr("Title"), self.title)
        self.place(self.tr("Description"), self.description)
        self.place(self.tr("Category"), self.category, self.tr("Priority"), self.priority)
        self.place(self.tr("Status"), self.status, self.tr("Horizon"), self.horizon)
        self.place(self.tr("KPI"), self.kpi)
        self.place(self.tr("Target"), self.target)
        self.place(self.tr("Source: who told us"), self.source_stakeholder_id)
        self.place(self.tr("Source meeting"), self.source_meeting_id)
        self.place(self.tr("Owner at the customer"), self.owner_stakeholder_id)
        self.grid.setRowStretch(self.next_row, 1)
        self.finish_layout()
        self.setMinimumWidth(300)

        self.binding = FieldBinding(self._changed)
        for name in TEXT_FIELDS:
            self.binding.line(name, getattr(self, name), required=name == "title")  # a goal needs a title
        self.binding.notes("description", self.description)
        self.binding.spin("priority", self.priority, disable=True)
        for name in COMBO_FIELDS:
            self.binding.combo(name, getattr(self, name))

    # -- building --------------------------------------------------------------------------------------------

    def _combo(self, choices: Choices) -> QComboBox:
        combo = self.compact_combo()
        for stored, _label in choices:
            combo.addItem(choice_label(choices, stored), stored)
        return combo

    # -- showing ---------------------------------------------------------------------------------------------

    def goal_id(self) -> str | None:
        return self._goal["id"] if self._goal else None

    def set_goal(self, goal: Row | None, stakeholders: Sequence[Row], meetings: Sequence[Row],
                 editable: bool) -> None:
        """Show `goal` (None: a hint instead) with the account's people and meetings as choices."""
        same = goal is not None and self._goal is not None and goal["id"] == self._goal["id"]
        self._goal = goal
        if goal is None:
            self.binding.load(None)
            self.summary.setText("")
            self.show_hint()
            return
        self.show_fields()
        people = [(None, NONE_LABEL)] + [(s["id"], s["name"]) for s in stakeholders]
        dated = [(None, NONE_LABEL)] + [
            (m["id"], f"{formatting.date_text(m['starts_at'])} · {m['title']}") for m in meetings
        ]
        fill_choices(self.source_stakeholder_id, people)
        fill_choices(self.owner_stakeholder_id, people)
        fill_choices(self.source_meeting_id, dated)
        summary = self.tr("Rank %1 · %2").replace("%1", str(goal.get("position", ""))).replace(
            "%2", choice_label(STATUS_CHOICES, goal["status"]))
        if goal.get("status_changed_at"):
            since = formatting.date_text(goal["status_changed_at"])
            summary += " " + self.tr("since %1").replace("%1", since)
        self.summary.setText(summary)
        self.binding.load(goal, same, editable)

    # -- committing ------------------------------------------------------------------------------------------

    def _changed(self, name: str, value: Any) -> None:
        if self._goal is not None:
            self.edited.emit(self._goal["id"], {name: value})
