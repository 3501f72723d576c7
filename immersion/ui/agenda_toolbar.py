"""The boardroom agenda's toolbar: add, delete and move buttons, filters, the goal count and a status line.

The toolbar only reports what was asked for; the page carries it out and says in `count` and `status` how many
goals there are and what just happened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from immersion.ui.agenda_model import CATEGORY_CHOICES, STATUS_CHOICES, choice_label
from immersion.ui.widgets import Caption


class AgendaToolbar(QWidget):
    """The lines above the agenda: buttons and filters, then the goal count and the status.

    Signals:
        add(): add a goal.
        delete(): delete the selected goal.
        step(int): move the selected goal one place up (-1) or down (+1).
        filters_changed(): a filter changed, or the filters were cleared.
    """

    add = Signal()
    delete = Signal()
    step = Signal(int)
    filters_changed = Signal()

    def __init__(self, undo_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_button = self._button(
            self.tr("Add goal"), self.tr("Add a goal at the bottom of the agenda (Insert or Ctrl+N)"),
            lambda: self.add.emit())
        self.delete_button = self._button(
            self.tr("Delete"), self.tr("Delete the selected goal (Delete); undo with %1").replace(
                "%1", undo_key), lambda: self.delete.emit())
        self.up_button = self._button(
            self.tr("Move up"), self.tr("Move the selected goal one place up (Ctrl+Up)"),
            lambda: self.step.emit(-1))
        self.down_button = self._button(
            self.tr("Move down"), self.tr("Move the selected goal one place down (Ctrl+Down)"),
            lambda: self.step.emit(1))
        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(self.tr("Filter goals…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setToolTip(self.tr("Show only goals whose title, description, KPI, target or owner "
                                            "contains this text"))
        self.text_filter.setMinimumWidth(140)
        self.text_filter.textChanged.connect(lambda _text: self.filters_changed.emit())
        self.category_filter = self._combo(self.tr("All categories"), CATEGORY_CHOICES,
                                           self.tr("Show only goals of one category"))
        self.state_filter = self._combo(self.tr("All states"), STATUS_CHOICES,
                                        self.tr("Show only goals in one validation state"))
        self.state_filter.insertItem(1, self.tr("Open"), "open")
        self.state_filter.setItemData(1, self.tr("Unconfirmed or confirmed"), Qt.ItemDataRole.ToolTipRole)
        self.clear_button = self._button(self.tr("Clear filters"), self.tr("Show every goal"),
                                         self.clear_filters)
        self.count = Caption("", self)
        self.count.setWordWrap(False)
        self.status = Caption("", self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status.setWordWrap(False)
        # A long goal title in a message must not widen the page: the label gives way instead.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        row.addSpacing(10)
        row.addWidget(self.up_button)
        row.addWidget(self.down_button)
        row.addStretch(1)
        for widget in (self.text_filter, self.category_filter, self.state_filter, self.clear_button):
            row.addWidget(widget)
        info = QHBoxLayout()
        info.addWidget(self.count)
        info.addSpacing(24)
        info.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(row)
        layout.addLayout(info)

    def _button(self, text: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _combo(self, everything: str, choices: Any, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for stored, _label in choices:
            combo.addItem(choice_label(choices, stored), stored)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.currentIndexChanged.connect(lambda _index: self.filters_changed.emit())
        return combo

    def clear_filters(self) -> None:
        """Show every goal again, with one `filters_changed`."""
        widgets = (self.text_filter, self.category_filter, self.state_filter)
        for widget in widgets:
            widget.blockSignals(True)  # one refilter, not three
        self.text_filter.clear()
        self.category_filter.setCurrentIndex(0)
        self.state_filter.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self.filters_changed.emit()
