"""A meeting's insights: the inline "Make insight" form fed from the notes, and the list of insights made.

An insight is a thing learned — a quote, an observation, a need, a pressure — optionally tied to one of the
account's goals and to the stakeholder it came from. Tying it to a goal that is still unconfirmed offers to
mark the goal confirmed with this meeting as its source; insight and confirmation are saved together by
`store.meetings.make_insight`, as one undoable step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QMenu, QPlainTextEdit, \
    QPushButton, QSizePolicy, QVBoxLayout, QWidget

from immersion.domain.enums import InsightKind
from immersion.store import meetings
from immersion.ui.meeting_fields import PanelModel, RowTable
from immersion.ui.pages import PageContext
from immersion.ui.row_model import Column, Row
from immersion.ui.widgets import Caption, Card, Heading

INSIGHT_KINDS = (
    ("quote", QT_TRANSLATE_NOOP("Choices", "Quote")),
    ("observation", QT_TRANSLATE_NOOP("Choices", "Observation")),
    ("need", QT_TRANSLATE_NOOP("Choices", "Need")),
    ("pressure", QT_TRANSLATE_NOOP("Choices", "Pressure")),
)
NONE = (None, "—")
_QUOTES = "\"“”„«»‘'"
_MARKERS = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)")


def clean_excerpt(text: str) -> str:
    """Selected notes without their markdown dressing: list bullets, quote marks, headings, bold."""
    lines = [_MARKERS.sub("", line).replace("**", "").replace("__", "").strip() for line in text.splitlines()]
    return re.sub(r"\s+", " ", " ".join(line for line in lines if line)).strip()


def guess_kind(text: str) -> str:
    return InsightKind.QUOTE.value if text[:1] in _QUOTES else InsightKind.OBSERVATION.value


def _text(row: Row) -> str:
    """The whole text, as a tooltip for a cell that cuts it short."""
    return row.get("text") or ""


class InsightForm(Card):
    """The excerpt, its kind, goal and stakeholder, and the offer to confirm the goal.

    Signals:
        submitted(): Save was pressed (or Ctrl+Enter); read `values()`.
        cancelled(): Cancel or Escape.
    """

    submitted = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._goals: dict[str, Row] = {}
        self._people: list[Row] = []
        self._present: set[str] = set()
        self.text = QPlainTextEdit(self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 14)
        self.text.setPlaceholderText(self.tr("What did you learn?"))
        self.kind = QComboBox(self)
        for value, label in INSIGHT_KINDS:
            self.kind.addItem(QCoreApplication.translate("Choices", label), value)
        self.goal = QComboBox(self)
        self.stakeholder = QComboBox(self)
        for combo in (self.goal, self.stakeholder):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.confirm = QCheckBox(self.tr("Mark the goal confirmed (source: this meeting)"), self)
        self.goal.currentIndexChanged.connect(self._goal_changed)
        self.save = QPushButton(self.tr("Save insight"), self)
        self.save.setDefault(True)
        self.save.clicked.connect(self._submit)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.cancelled)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        for column, (caption, combo) in enumerate(((self.tr("Kind"), self.kind), (self.tr("Goal"), self.goal),
                                                    (self.tr("Stakeholder"), self.stakeholder))):
            label = Caption(caption, self)
            label.setBuddy(combo)
            grid.addWidget(label, 0, column)
            grid.addWidget(combo, 1, column)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm)
        buttons.addStretch(1)  # keeps the buttons at their size when the check box is hidden
        buttons.addWidget(cancel)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # never squeezed by the list
        layout.addWidget(self.text)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._submit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancelled.emit,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def set_choices(self, goals: Sequence[Row], stakeholders: Sequence[Row], attendee_ids: Sequence[str]) -> None:
        """Offer the account's goals, and its stakeholders with this meeting's attendees first."""
        self._goals = {g["id"]: g for g in goals}
        self._people, self._present = list(stakeholders), set(attendee_ids)
        goal, person = self.goal.currentData(), self.stakeholder.currentData()
        for combo in (self.goal, self.stakeholder):
            combo.blockSignals(True)
            combo.clear()
        self.goal.addItem(self.tr("No goal"), None)
        for g in goals:
            suffix = self.tr(" (unconfirmed)") if g["status"] == "unconfirmed" else ""
            self.goal.addItem(g["title"] + suffix, g["id"])
        self.stakeholder.addItem(self.tr("Nobody in particular"), None)
        present = [s for s in stakeholders if s["id"] in attendee_ids]
        others = [s for s in stakeholders if s["id"] not in attendee_ids]
        for s in present:
            self.stakeholder.addItem(s["name"], s["id"])
        if present and others:
            self.stakeholder.insertSeparator(self.stakeholder.count())
        for s in others:
            self.stakeholder.addItem(s["name"], s["id"])
        self.goal.setCurrentIndex(max(0, self.goal.findData(goal)))
        self.stakeholder.setCurrentIndex(max(0, self.stakeholder.findData(person)))
        for combo in (self.goal, self.stakeholder):
            combo.blockSignals(False)
        self._goal_changed()

    def start(self, excerpt: str) -> None:
        """Fill the form with an excerpt of the notes, guessing its kind and who said it."""
        self.text.setPlainText(excerpt)
        self.kind.setCurrentIndex(max(0, self.kind.findData(guess_kind(excerpt))))
        self.goal.setCurrentIndex(0)
        self.stakeholder.setCurrentIndex(max(0, self.stakeholder.findData(self._speaker(excerpt))))
        self.confirm.setChecked(False)
        self._goal_changed()

    def _speaker(self, excerpt: str) -> str | None:
        """Who the words are likely from: a stakeholder named in full, else an attendee named by first name."""
        for person in self._people:
            if person["name"] in excerpt:
                return person["id"]
        for person in self._people:
            first = person["name"].split()[0] if person["name"].split() else ""
            if person["id"] in self._present and len(first) > 2 and re.search(rf"\b{re.escape(first)}\b", excerpt):
                return person["id"]
        return None

    def values(self) -> dict[str, Any]:
        goal = self.goal.currentData()
        return {"text": self.text.toPlainText().strip(), "kind": self.kind.currentData(), "goal_id": goal,
                "stakeholder_id": self.stakeholder.currentData(),
                "confirm_goal": self.confirm.isVisible() and self.confirm.isChecked()}

    def _goal_changed(self) -> None:
        goal = self._goals.get(self.goal.currentData() or "")
        self.confirm.setVisible(goal is not None and goal["status"] == "unconfirmed")

    def _submit(self) -> None:
        if self.text.toPlainText().strip():
            self.submitted.emit()
        else:
            self.text.setFocus()


class InsightsPanel(QWidget):
    """The insights of one meeting: the form (shown while making one) over an editable list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self._meeting_id = ""
        self.title = Heading(self.tr("Insights"), 1.15, self)
        self.make_button = QPushButton(self.tr("Make insight"), self)
        self.make_button.setToolTip(self.tr("Keep the selected words of the notes as an insight (Ctrl+I)"))
        self.form = InsightForm(self)
        self.form.hide()
        self.form.submitted.connect(self._save)
        self.form.cancelled.connect(self.close_form)
        self.model = PanelModel(self._columns([], []), self._edit)
        self.table = RowTable(self.model, "text", self, optional=("stakeholder_id", "goal_id"))
        self.table.delete_requested.connect(self.delete)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.hint = Caption(self.tr("Select words in the notes and press Ctrl+I (or Make insight) to keep them "
                                    "as a quote, an observation, a need or a pressure."), self)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.form)
        layout.addWidget(self.hint, 1, Qt.AlignmentFlag.AlignTop)  # sits under the title when there is no table
        layout.addWidget(self.table, 1)

    @staticmethod
    def _columns(goals: Sequence[Row], stakeholders: Sequence[Row]) -> list[Column]:
        return [
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Kind"), "choice", True, INSIGHT_KINDS, required=True,
                   width=11),
            Column("text", QT_TRANSLATE_NOOP("Columns", "Insight"), "text", True, required=True, width=30,
                   tooltip=_text),
            Column("goal_id", QT_TRANSLATE_NOOP("Columns", "Goal"), "choice", True,
                   (NONE, *((g["id"], g["title"]) for g in goals)), width=18),
            Column("stakeholder_id", QT_TRANSLATE_NOOP("Columns", "Stakeholder"), "choice", True,
                   (NONE, *((s["id"], s["name"]) for s in stakeholders)), width=14),
        ]

    def show_meeting(self, context: PageContext, meeting_id: str, goals: Sequence[Row],
                     stakeholders: Sequence[Row], attendee_ids: Sequence[str], editable: bool) -> None:
        """Show the insights of `meeting_id` (read from the store) and offer these goals and people."""
        if meeting_id != self._meeting_id:
            self.close_form()
        self._context, self._meeting_id = context, meeting_id
        rows = meetings.insights_for_meeting(context.workbook, meeting_id) if context.workbook else []
        self.model.set_columns(self._columns(goals, stakeholders))
        self.model.set_rows(rows)
        self.table.set_editable(editable)
        self.form.set_choices(goals, stakeholders, attendee_ids)
        self.make_button.setEnabled(editable)
        if not editable:
            self.close_form()
        count = len(rows)
        self.title.setText(self.tr("Insights") + (f" ({count})" if count else ""))
        self.hint.setVisible(not count and editable)
        self.table.setVisible(bool(count))

    def open_form(self, excerpt: str) -> None:
        """Start a new insight from `excerpt` (already cleaned of markdown)."""
        if not self.make_button.isEnabled():
            return
        self.form.start(excerpt)
        self.form.show()
        self.hint.hide()
        if excerpt:
            self.form.kind.setFocus()
        else:
            self.form.text.setFocus()

    def wanted_height(self) -> int:
        """The height that shows the title, the form (when open) and a few insights without squeezing."""
        rows = self.table.verticalHeader().defaultSectionSize() * 3 + self.table.horizontalHeader().sizeHint().height()
        form = self.form.sizeHint().height() + 6 if self.form.isVisible() else 0
        return self.make_button.sizeHint().height() + 6 + form + rows + 2 * self.table.frameWidth()

    def close_form(self) -> None:
        self.form.hide()
        self.hint.setVisible(self.model.rowCount() == 0 and self.make_button.isEnabled())

    def delete(self, insight_id: str) -> None:
        session = self._context.session
        if session is not None:
            session.delete(self.tr("Delete insight"), "insights", insight_id)

    def _save(self) -> None:
        session, values = self._context.session, self.form.values()
        if session is None or not self._meeting_id:
            return
        text = self.tr("Make insight and confirm goal") if values["confirm_goal"] else self.tr("Make insight")
        meeting = self._meeting_id
        if session.edit(text, lambda wb: meetings.make_insight(wb, meeting, **values)) is not None:
            self.close_form()

    def _edit(self, insight_id: str, key: str, value: Any) -> bool:
        session = self._context.session
        if session is None:
            return False
        texts = {"kind": self.tr("Change insight kind"), "text": self.tr("Edit insight"),
                 "goal_id": self.tr("Tie insight to goal"), "stakeholder_id": self.tr("Change insight stakeholder")}
        return session.change(texts[key], "insights", insight_id, **{key: value}) is not None

    def _menu(self, position: Any) -> None:
        insight = self.table.selected_id()
        if not insight or not self.make_button.isEnabled():
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Delete insight"), lambda: self.delete(insight))
        menu.exec(self.table.viewport().mapToGlobal(position))


__all__ = ["InsightForm", "InsightsPanel", "clean_excerpt", "guess_kind"]
