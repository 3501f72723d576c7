"""The side form of the boardroom agenda: every field of the selected goal, each committed on its own.

The form never writes: when a field is finished (a line edit's editingFinished, a combo's activated, the
description losing focus) it emits `edited(goal_id, {field: value})` and the page makes that one undoable
"Edit goal". Refilling the form after any edit keeps text the user is still typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpacerItem,
    QSpinBox,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from immersion.ui import formatting
from immersion.ui.agenda_model import (
    CATEGORY_CHOICES,
    HORIZON_CHOICES,
    NONE_LABEL,
    STATUS_CHOICES,
    choice_label,
)
from immersion.ui.row_model import Row
from immersion.ui.widgets import Caption, Heading

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QPaintEvent

Choices = Sequence[tuple[str | None, str]]
TEXT_FIELDS = ("title", "kpi", "target")
COMBO_FIELDS = ("category", "status", "horizon", "source_stakeholder_id", "source_meeting_id",
                "owner_stakeholder_id")
FIELDS = (*TEXT_FIELDS, "description", "priority", *COMBO_FIELDS)


class NotesEdit(QPlainTextEdit):
    """A multi-line text field that says when the user leaves it, like a line edit does."""

    editingFinished = Signal()  # noqa: N815 - named like QLineEdit's signal on purpose

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, so the form stays keyboard-navigable

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.editingFinished.emit()


class GoalForm(QWidget):
    """All fields of one goal.

    Signals:
        edited(str, dict): the user finished changing a field of the goal with that id; the dict holds
            the field and its new value (None for an emptied optional field).
    """

    edited = Signal(str, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._goal: Row | None = None
        self._editable = False
        self._loaded: dict[str, Any] = {}
        self.heading = Heading(self.tr("Goal"), 1.15, self)
        self.summary = Caption("", self)
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

        fields = QWidget(self)
        grid = QGridLayout(fields)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        self._row = 0
        self._place(grid, self.tr("Title"), self.title)
        self._place(grid, self.tr("Description"), self.description)
        self._place(grid, self.tr("Category"), self.category, self.tr("Priority"), self.priority)
        self._place(grid, self.tr("Status"), self.status, self.tr("Horizon"), self.horizon)
        self._place(grid, self.tr("KPI"), self.kpi)
        self._place(grid, self.tr("Target"), self.target)
        self._place(grid, self.tr("Source: who told us"), self.source_stakeholder_id)
        self._place(grid, self.tr("Source meeting"), self.source_meeting_id)
        self._place(grid, self.tr("Owner at the customer"), self.owner_stakeholder_id)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(self._row, 1)

        self.empty = Caption(self.tr("Select a goal to see and edit all its fields."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._stack = QStackedLayout()
        self._stack.addWidget(fields)
        self._stack.addWidget(self.empty)
        self._stack.setCurrentWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addLayout(self._stack, 1)
        self.setMinimumWidth(300)

        for name in TEXT_FIELDS:
            widget: QLineEdit = getattr(self, name)
            widget.editingFinished.connect(lambda name=name: self._commit(name))
        self.description.editingFinished.connect(lambda: self._commit("description"))
        self.priority.editingFinished.connect(lambda: self._commit("priority"))
        for name in COMBO_FIELDS:
            combo: QComboBox = getattr(self, name)
            combo.activated.connect(lambda _index, name=name: self._commit(name))
        for name in FIELDS:
            widget = getattr(self, name)
            label = widget.property("formLabel")
            widget.setAccessibleName(label or name)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        # Only an outline: on the window colour the fields' own base colour stands out in light and dark alike
        # (a Card's base fill would swallow them in the dark palette).
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()

    # -- building --------------------------------------------------------------------------------------------

    def _combo(self, choices: Choices) -> QComboBox:
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)  # long names must not widen the side panel
        for stored, _label in choices:
            combo.addItem(choice_label(choices, stored), stored)
        return combo

    def _place(self, grid: QGridLayout, label: str, widget: QWidget, label2: str = "",
               widget2: QWidget | None = None) -> None:
        """One row of the form: labels above their fields, one field across or two side by side."""
        pairs = [(label, widget)] + ([(label2, widget2)] if widget2 is not None else [])
        for column, (text, field) in enumerate(pairs):
            caption = Caption(text, self)
            caption.setBuddy(field)
            field.setProperty("formLabel", text)
            span = 1 if widget2 is not None else 2
            grid.addWidget(caption, self._row, column, 1, span)
            grid.addWidget(field, self._row + 1, column, 1, span)
        grid.addItem(_spacer(), self._row + 2, 0)
        self._row += 3

    # -- showing ---------------------------------------------------------------------------------------------

    def goal_id(self) -> str | None:
        return self._goal["id"] if self._goal else None

    def set_goal(self, goal: Row | None, stakeholders: Sequence[Row], meetings: Sequence[Row],
                 editable: bool) -> None:
        """Show `goal` (None: a hint instead) with the account's people and meetings as choices."""
        same = goal is not None and self._goal is not None and goal["id"] == self._goal["id"]
        self._goal = goal
        self._editable = editable
        if goal is None:
            self._loaded = {}
            self.summary.setText("")
            self._stack.setCurrentWidget(self.empty)
            return
        self._stack.setCurrentIndex(0)
        people = [(None, NONE_LABEL)] + [(s["id"], s["name"]) for s in stakeholders]
        dated = [(None, NONE_LABEL)] + [
            (m["id"], f"{formatting.date_text(m['starts_at'])} · {m['title']}") for m in meetings
        ]
        for name, choices in (("source_stakeholder_id", people), ("owner_stakeholder_id", people),
                              ("source_meeting_id", dated)):
            self._fill(getattr(self, name), choices)
        summary = self.tr("Rank %1 · %2").replace("%1", str(goal.get("position", ""))).replace(
            "%2", choice_label(STATUS_CHOICES, goal["status"]))
        if goal.get("status_changed_at"):
            since = formatting.date_text(goal["status_changed_at"])
            summary += " " + self.tr("since %1").replace("%1", since)
        self.summary.setText(summary)
        for name in (*TEXT_FIELDS, "description"):
            widget = getattr(self, name)
            value = goal.get(name) or ""
            typing = same and widget.hasFocus() and self._text(name) != (self._loaded.get(name) or "")
            if not typing:  # an unrelated refresh must not throw away what the user is typing
                if isinstance(widget, QLineEdit):
                    widget.setText(value)
                    widget.setCursorPosition(0)
                elif widget.toPlainText() != value:
                    widget.setPlainText(value)
            widget.setReadOnly(not editable)
        self.priority.setValue(int(goal["priority"]))
        self.priority.setEnabled(editable)
        for name in COMBO_FIELDS:
            combo: QComboBox = getattr(self, name)
            found = combo.findData(goal.get(name)) if goal.get(name) is not None else 0
            combo.setCurrentIndex(max(0, found))
            combo.setEnabled(editable)
        self._loaded = {name: goal.get(name) for name in FIELDS}

    @staticmethod
    def _fill(combo: QComboBox, choices: Choices) -> None:
        if [combo.itemData(n) for n in range(combo.count())] == [c[0] for c in choices] and \
                [combo.itemText(n) for n in range(combo.count())] == [c[1] for c in choices]:
            return  # unchanged: rebuilding would close an open popup
        combo.clear()
        for stored, label in choices:
            combo.addItem(label, stored)

    # -- committing ------------------------------------------------------------------------------------------

    def _text(self, name: str) -> str:
        widget = getattr(self, name)
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def _value(self, name: str) -> Any:
        if name in COMBO_FIELDS:
            return getattr(self, name).currentData()
        if name == "priority":
            return self.priority.value()
        return self._text(name).strip() or None

    def _commit(self, name: str) -> None:
        if self._goal is None or not self._editable:
            return
        value = self._value(name)
        if name == "title" and not value:
            self.title.setText(self._loaded.get("title") or "")  # a goal needs a title: put it back
            return
        if value == self._loaded.get(name):
            return
        self._loaded[name] = value
        self.edited.emit(self._goal["id"], {name: value})


def _spacer() -> QSpacerItem:
    return QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
