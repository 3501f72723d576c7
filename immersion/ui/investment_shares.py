"""The goal shares of one investment: each of the account's goals with the share of the amount it gets.

Shares add up to at most 100%; what is left is orphan spend, shown under the list in percent and in money. A
share that would push the sum past 100% is refused at its field with a message saying how much is free; the
field goes back to its saved share and no other share changes. Each accepted share is one undoable edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from immersion.ui import formatting
from immersion.ui.investment_fields import FieldMessage
from immersion.ui.pnl_input import percent_text
from immersion.ui.row_model import Row
from immersion.ui.widgets import Caption

OPEN = ("unconfirmed", "confirmed")


class ShareBox(QDoubleSpinBox):
    """A share in percent, 0–100 with one decimal, that only takes the wheel when it has the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 100)
        self.setDecimals(1)
        self.setSuffix(" %")
        self.setKeyboardTracking(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.saved = 0.0

    def wheelEvent(self, event: Any) -> None:  # noqa: N802
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the form scrolls instead of changing a share by accident


class GoalShares(QWidget):
    """The share editor.

    Signals:
        share_edited(str, str, float): investment id, goal id, new share 0–1 (0 removes the link).
    """

    share_edited = Signal(str, str, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._investment: Row | None = None
        self._editable = False
        self.boxes: dict[str, ShareBox] = {}
        self._labels: dict[str, QLabel] = {}
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(4)
        self._grid.setColumnStretch(0, 1)
        self.empty = Caption(self.tr("This account has no goals yet, so all its money is orphan spend. Add "
                                     "the customer's goals on the Boardroom agenda."), self)
        self.orphan = QLabel(self)
        self.orphan.setTextFormat(Qt.TextFormat.PlainText)
        self.orphan.setWordWrap(True)
        self.orphan.setToolTip(self.tr("Orphan spend = amount × (100% − Σ the goals' shares): money that serves "
                                       "no customer goal. Committed and spent orphan money lowers the "
                                       "alignment index (unlinked effort costs its full share)."))
        self.message = FieldMessage(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._grid_host)
        layout.addWidget(self.empty)
        layout.addWidget(self.orphan)
        layout.addWidget(self.message)

    def set_investment(self, investment: Row | None, goals: Sequence[Row], editable: bool) -> None:
        """Show the shares of `investment` over the account's `goals` (open goals first)."""
        same = investment is not None and self._investment is not None and investment["id"] == self._investment["id"]
        self._investment = investment
        self._editable = editable
        if [g["id"] for g in goals] != list(self.boxes) or \
                [self._title(g) for g in goals] != [label.text() for label in self._labels.values()]:
            self._rebuild(goals)
        if not same:
            self.message.say("")
        shares = {link["goal_id"]: link["share"] for link in (investment or {}).get("goals", [])}
        for goal_id, box in self.boxes.items():
            box.saved = round(shares.get(goal_id, 0.0) * 100, 1)
            if not (box.hasFocus() and same and abs(box.value() - box.saved) > 1e-9):
                box.blockSignals(True)
                box.setValue(box.saved)
                box.blockSignals(False)
            box.setEnabled(editable and investment is not None)
        self.empty.setVisible(not goals)
        self._show_orphan()

    def _title(self, goal: Row) -> str:
        closed = {"achieved": self.tr("achieved"), "dropped": self.tr("dropped")}
        if goal["status"] not in closed:
            return goal["title"]
        return f"{goal['title']} ({closed[goal['status']]})"

    def _rebuild(self, goals: Sequence[Row]) -> None:
        for widget in (*self.boxes.values(), *self._labels.values()):
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self.boxes, self._labels = {}, {}
        for row, goal in enumerate(goals):
            title = QLabel(self._title(goal), self._grid_host)
            title.setWordWrap(True)
            title.setTextFormat(Qt.TextFormat.PlainText)
            if goal["status"] not in OPEN:
                title.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                title.setToolTip(self.tr("A closed goal: money on it counts like money on a goal of priority 0."))
            box = ShareBox(self._grid_host)
            box.setAccessibleName(self.tr("Share for %1").replace("%1", goal["title"]))
            box.setToolTip(self.tr("The share of the amount that serves “%1”; all shares add up to at most "
                                   "100%.").replace("%1", goal["title"]))
            title.setBuddy(box)
            box.editingFinished.connect(lambda goal_id=goal["id"]: self._commit(goal_id))
            self._grid.addWidget(title, row, 0)
            self._grid.addWidget(box, row, 1)
            self.boxes[goal["id"]] = box
            self._labels[goal["id"]] = title
        previous: QWidget | None = None
        for box in self.boxes.values():
            if previous is not None:
                QWidget.setTabOrder(previous, box)
            previous = box

    def _show_orphan(self) -> None:
        investment = self._investment
        if investment is None:
            self.orphan.setText("")
            return
        linked = sum(box.saved for box in self.boxes.values()) / 100
        orphan = max(0.0, 1.0 - linked)
        money = formatting.money_text(investment["amount"] * orphan, investment.get("currency") or "")
        text = self.tr("Linked to goals: %1 · Orphan spend: %2 (%3)").replace("%1", percent_text(linked))
        self.orphan.setText(text.replace("%2", percent_text(orphan)).replace("%3", money))

    def _commit(self, goal_id: str) -> None:
        box = self.boxes.get(goal_id)
        if box is None or self._investment is None or not self._editable:
            return
        value = round(box.value(), 1)
        if abs(value - box.saved) < 1e-9:
            return
        others = sum(b.saved for g, b in self.boxes.items() if g != goal_id)
        if others + value > 100.0 + 1e-9:
            title = self._labels[goal_id].text()
            text = self.tr("Refused: %1 for “%2” would bring the shares to %3; at most 100% is possible, so up to "
                           "%4 is free. “%2” keeps %5.")
            text = text.replace("%1", percent_text(value / 100)).replace("%2", title)
            text = text.replace("%3", percent_text((others + value) / 100))
            text = text.replace("%4", percent_text(max(0.0, 100.0 - others) / 100))
            self.message.say(text.replace("%5", percent_text(box.saved / 100)))
            box.blockSignals(True)
            box.setValue(box.saved)  # nothing is saved, and no other share moves
            box.blockSignals(False)
            return
        self.message.say("")
        box.saved = value
        self._show_orphan()
        self.share_edited.emit(self._investment["id"], goal_id, value / 100)
