"""The side form of the investment ledger: every field of the selected investment and its goal shares.

The form never writes: a finished field emits `edited(investment_id, {field: value})` and a finished share
`share_edited(investment_id, goal_id, share)`; the page makes each one undoable edit. Amounts, returns, the
period and the currency are checked where they are typed (`CheckedLine`): a refused value stays in its field
with the reason under it, and nothing else in the form is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QStackedLayout, QVBoxLayout, QWidget

from immersion.ui.goal_form import NotesEdit
from immersion.ui.investment_fields import CheckedLine, FieldMessage
from immersion.ui.investment_model import (
    KIND_CHOICES,
    STATUS_CHOICES,
    label,
    payback_text,
    payback_tip,
    roi_text,
    roi_tip,
)
from immersion.ui.investment_shares import GoalShares
from immersion.ui.pnl_input import check_period, edit_text, parse_money
from immersion.ui.row_model import Row
from immersion.ui.widgets import Caption, Heading

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

NONE_LABEL = "—"


def _currency(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise ValueError(QCoreApplication.translate("InvestmentForm",
                                                "A currency is a three-letter code such as EUR, GBP or USD."))
    return code


class InvestmentForm(QWidget):
    """All fields of one investment.

    Signals:
        edited(str, dict): the user finished changing fields of the investment with that id.
        share_edited(str, str, float): investment id, goal id, new share 0–1.
    """

    edited = Signal(str, dict)
    share_edited = Signal(str, str, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row: Row | None = None
        self._editable = False
        self.heading = Heading(self.tr("Investment"), 1.15, self)
        self.summary = Caption("", self)
        self.name = QLineEdit(self)
        self.kind = self._combo(KIND_CHOICES)
        self.status = self._combo(STATUS_CHOICES)
        self.amount = self._checked(lambda text: parse_money(text), self.tr("0 or more, e.g. 40,000"))
        self.currency = self._checked(_currency, "EUR", show=lambda value: value or "")
        self.currency.setMaxLength(3)
        self.period = self._checked(check_period, "2026-Q3", show=lambda value: value or "")
        self.period.setToolTip(self.tr("A quarter such as 2026-Q3 or a month such as 2026-07."))
        self.expected_return = self._checked(lambda text: parse_money(text, required=False),
                                             self.tr("e.g. 60,000"))
        self.actual_return = self._checked(lambda text: parse_money(text, required=False),
                                           self.tr("when known"))
        for field in (self.expected_return, self.actual_return):
            field.setToolTip(self.tr("ROI = (return − amount) ÷ amount, with the actual return where it is "
                                     "known, else the expected return. Leave empty when unknown."))
        self.idea_id = QComboBox(self)
        self.idea_id.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.idea_id.setMinimumContentsLength(10)
        self.notes = NotesEdit(self)
        lines = self.fontMetrics().lineSpacing()
        self.notes.setMinimumHeight(lines * 3 + 12)
        self.notes.setMaximumHeight(lines * 5 + 12)
        self.shares = GoalShares(self)
        self.shares.share_edited.connect(self.share_edited)

        fields = QWidget(self)
        grid = QGridLayout(fields)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self._grid, self._next = grid, 0
        self._place(self.tr("Name"), self.name)
        self._place(self.tr("Kind"), self.kind, self.tr("Status"), self.status)
        self._place(self.tr("Amount"), self.amount, self.tr("Currency"), self.currency)
        self._place(self.tr("Period"), self.period)
        self._place(self.tr("Expected return"), self.expected_return, self.tr("Actual return"), self.actual_return)
        goals_heading = Heading(self.tr("Goals it serves"), 1.0, fields)
        goals_heading.setToolTip(self.tr("Give each customer goal its share of the amount; the rest is orphan "
                                         "spend."))
        grid.addWidget(goals_heading, self._next, 0, 1, 2)
        grid.addWidget(self.shares, self._next + 1, 0, 1, 2)
        grid.setRowMinimumHeight(self._next + 2, 10)
        self._next += 3
        self._place(self.tr("Funds idea"), self.idea_id)
        self._place(self.tr("Notes"), self.notes)
        grid.setRowStretch(self._next, 1)

        self.empty = Caption(self.tr("Select an investment to see and edit all its fields and its goal shares."),
                             self)
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
        self.setMinimumWidth(290)

        self.name.editingFinished.connect(self._name_done)
        for key in ("kind", "status", "idea_id"):
            combo: QComboBox = getattr(self, key)
            combo.activated.connect(lambda _index, key=key: self._emit(key, getattr(self, key).currentData()))
        for key in ("amount", "currency", "period", "expected_return", "actual_return"):
            checked: CheckedLine = getattr(self, key)
            checked.committed.connect(lambda value, key=key: self._emit(key, value))
        self.notes.editingFinished.connect(lambda: self._emit("notes", self.notes.toPlainText().strip() or None))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()

    # -- building --------------------------------------------------------------------------------------------

    def _combo(self, choices: Sequence[tuple[str | None, str]]) -> QComboBox:
        combo = QComboBox(self)
        for stored, _text in choices:
            combo.addItem(label(tuple(choices), stored), stored)
        return combo

    def _checked(self, check: Any, placeholder: str, show: Any = edit_text) -> CheckedLine:
        field = CheckedLine(check, show, FieldMessage(self), self)
        field.setPlaceholderText(placeholder)
        return field

    def _place(self, text: str, widget: QWidget, text2: str = "", widget2: QWidget | None = None) -> None:
        """One row of the form: labels above their fields (and a refusal under a checked field)."""
        pairs = [(text, widget)] + ([(text2, widget2)] if widget2 is not None else [])
        span = 1 if widget2 is not None else 2
        for column, (caption_text, field) in enumerate(pairs):
            caption = Caption(caption_text, self)
            caption.setBuddy(field)
            field.setAccessibleName(caption_text)
            self._grid.addWidget(caption, self._next, column, 1, span)
            self._grid.addWidget(field, self._next + 1, column, 1, span)
            if isinstance(field, CheckedLine):
                self._grid.addWidget(field.message, self._next + 2, column, 1, span)
        self._grid.setRowMinimumHeight(self._next + 3, 8)
        self._next += 4

    # -- showing ---------------------------------------------------------------------------------------------

    def investment_id(self) -> str | None:
        return self._row["id"] if self._row else None

    def set_investment(self, row: Row | None, goals: Sequence[Row], ideas: Sequence[Row], editable: bool) -> None:
        """Show `row` (None: a hint instead) with the account's goals and ideas as choices."""
        same = row is not None and self._row is not None and row["id"] == self._row["id"]
        self._row, self._editable = row, editable
        if row is None:
            self.summary.setText("")
            self._stack.setCurrentWidget(self.empty)
            self.shares.set_investment(None, goals, False)
            return
        self._stack.setCurrentIndex(0)
        self.summary.setText(self.tr("ROI %1\nPayback %2").replace("%1", roi_text(row))
                             .replace("%2", payback_text(row)))
        self.summary.setToolTip(f"{roi_tip(row)}\n\n{payback_tip(row)}")
        if not (same and self.name.hasFocus() and self.name.isModified()):
            self.name.setText(row["name"])
            self.name.setCursorPosition(0)
        self.name.setReadOnly(not editable)
        choices = [(None, NONE_LABEL)] + [(idea["id"], idea["title"]) for idea in ideas]
        if [self.idea_id.itemData(n) for n in range(self.idea_id.count())] != [c[0] for c in choices]:
            self.idea_id.clear()
            for stored, text in choices:
                self.idea_id.addItem(text, stored)
        for key in ("kind", "status", "idea_id"):
            combo: QComboBox = getattr(self, key)
            combo.setCurrentIndex(max(0, combo.findData(row.get(key))) if row.get(key) is not None else 0)
            combo.setEnabled(editable)
        for key in ("amount", "currency", "period", "expected_return", "actual_return"):
            checked: CheckedLine = getattr(self, key)
            checked.set_value(row.get(key), keep_typing=same)
            checked.setReadOnly(not editable)
        notes = row.get("notes") or ""
        if not (same and self.notes.hasFocus()) and self.notes.toPlainText() != notes:
            self.notes.setPlainText(notes)
        self.notes.setReadOnly(not editable)
        self.shares.set_investment(row, goals, editable)

    # -- committing ------------------------------------------------------------------------------------------

    def _name_done(self) -> None:
        if self._row is None:
            return
        name = self.name.text().strip()
        if not name:
            self.name.setText(self._row["name"])  # an investment needs a name: put it back
            return
        self._emit("name", name)

    def _emit(self, key: str, value: Any) -> None:
        if self._row is None or not self._editable or self._row.get(key) == value:
            return
        self._row = dict(self._row, **{key: value})
        self.edited.emit(self._row["id"], {key: value})
