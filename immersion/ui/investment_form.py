"""The side form of the investment ledger: every field of the selected investment and its goal shares.

The form never writes: a finished field emits `edited(investment_id, {field: value})` and a finished share
`share_edited(investment_id, goal_id, share)`; the page makes each one undoable edit. Amounts, returns, the
period and the currency are checked where they are typed (`CheckedLine`): a refused value stays in its field
with the reason under it, and nothing else in the form is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from immersion.ui.field_binding import FieldBinding, NotesEdit, fill_choices
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
from immersion.ui.side_form import SideForm
from immersion.ui.widgets import Heading

NONE_LABEL = "—"


def _currency(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise ValueError(QCoreApplication.translate("InvestmentForm",
                                                "A currency is a three-letter code such as EUR, GBP or USD."))
    return code


class InvestmentForm(SideForm):
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
        self.heading.setText(self.tr("Investment"))
        self.empty.setText(self.tr("Select an investment to see and edit all its fields and its goal shares."))
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
        self.idea_id = self.compact_combo(10)
        self.notes = NotesEdit(self)
        lines = self.fontMetrics().lineSpacing()
        self.notes.setMinimumHeight(lines * 3 + 12)
        self.notes.setMaximumHeight(lines * 5 + 12)
        self.shares = GoalShares(self)
        self.shares.share_edited.connect(self.share_edited)

        self.place(self.tr("Name"), self.name)
        self.place(self.tr("Kind"), self.kind, self.tr("Status"), self.status)
        self.place(self.tr("Amount"), self.amount, self.tr("Currency"), self.currency)
        self.place(self.tr("Period"), self.period)
        self.place(self.tr("Expected return"), self.expected_return, self.tr("Actual return"), self.actual_return)
        goals_heading = Heading(self.tr("Goals it serves"), 1.0, self.fields)
        goals_heading.setToolTip(self.tr("Give each customer goal its share of the amount; the rest is orphan "
                                         "spend."))
        self.grid.addWidget(goals_heading, self.next_row, 0, 1, 2)
        self.grid.addWidget(self.shares, self.next_row + 1, 0, 1, 2)
        self.grid.setRowMinimumHeight(self.next_row + 2, 10)
        self.next_row += 3
        self.place(self.tr("Funds idea"), self.idea_id)
        self.place(self.tr("Notes"), self.notes)
        self.grid.setRowStretch(self.next_row, 1)
        self.finish_layout()
        self.setMinimumWidth(290)

        self.binding = FieldBinding(self._changed)
        self.binding.line("name", self.name, str.strip, required=True)  # an investment needs a name
        for key in ("kind", "status", "idea_id"):
            self.binding.combo(key, getattr(self, key))
        for key in ("amount", "currency", "period", "expected_return", "actual_return"):
            self.binding.checked(key, getattr(self, key))
        self.binding.notes("notes", self.notes)

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

    # -- showing ---------------------------------------------------------------------------------------------

    def investment_id(self) -> str | None:
        return self._row["id"] if self._row else None

    def set_investment(self, row: Row | None, goals: Sequence[Row], ideas: Sequence[Row], editable: bool) -> None:
        """Show `row` (None: a hint instead) with the account's goals and ideas as choices."""
        same = row is not None and self._row is not None and row["id"] == self._row["id"]
        self._row = row
        if row is None:
            self.binding.load(None)
            self.summary.setText("")
            self.show_hint()
            self.shares.set_investment(None, goals, False)
            return
        self.show_fields()
        self.summary.setText(self.tr("ROI %1\nPayback %2").replace("%1", roi_text(row))
                             .replace("%2", payback_text(row)))
        self.summary.setToolTip(f"{roi_tip(row)}\n\n{payback_tip(row)}")
        fill_choices(self.idea_id, [(None, NONE_LABEL)] + [(idea["id"], idea["title"]) for idea in ideas])
        self.binding.load(row, same, editable)
        self.shares.set_investment(row, goals, editable)

    # -- committing ------------------------------------------------------------------------------------------

    def _changed(self, key: str, value: Any) -> None:
        if self._row is not None:
            self.edited.emit(self._row["id"], {key: value})
