"""The boardroom agenda's toolbar: add, delete and move buttons, filters, the goal count and a status line.

The toolbar only reports what was asked for; the page carries it out and says in `count` and `status` how many
goals there are and what just happened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from immersion.ui.agenda_model import CATEGORY_CHOICES, STATUS_CHOICES, choice_label
from immersion.ui.table_toolbar import TableToolbar


class AgendaToolbar(TableToolbar):
    """The lines above the agenda: buttons and filters, then the goal count and the status.

    Signals:
        add(): add a goal.
        delete(): delete the selected goal.
        step(int): move the selected goal one place up (-1) or down (+1).
        filters_changed(): a filter changed, or the filters were cleared.
    """

    step = Signal(int)

    def __init__(self, undo_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_button = self.new_button(
            self.tr("Add goal"), self.tr("Add a goal at the bottom of the agenda (Insert or Ctrl+N)"),
            lambda: self.add.emit())
        self.delete_button = self.new_button(
            self.tr("Delete"), self.tr("Delete the selected goal (Delete); undo with %1").replace(
                "%1", undo_key), lambda: self.delete.emit())
        self.up_button = self.new_button(
            self.tr("Move up"), self.tr("Move the selected goal one place up (Ctrl+Up)"),
            lambda: self.step.emit(-1))
        self.down_button = self.new_button(
            self.tr("Move down"), self.tr("Move the selected goal one place down (Ctrl+Down)"),
            lambda: self.step.emit(1))
        self.text_filter = self.new_text_filter(
            self.tr("Filter goals…"),
            self.tr("Show only goals whose title, description, KPI, target or owner contains this text"))
        self.category_filter = self.new_choice_filter(self.tr("All categories"), CATEGORY_CHOICES,
                                                      self.tr("Show only goals of one category"), choice_label)
        self.state_filter = self.new_choice_filter(self.tr("All states"), STATUS_CHOICES,
                                                   self.tr("Show only goals in one validation state"), choice_label)
        self.state_filter.insertItem(1, self.tr("Open"), "open")
        self.state_filter.setItemData(1, self.tr("Unconfirmed or confirmed"), Qt.ItemDataRole.ToolTipRole)
        self.clear_button = self.new_button(self.tr("Clear filters"), self.tr("Show every goal"),
                                            self.clear_filters)
        self.arrange([[self.add_button, self.delete_button], [self.up_button, self.down_button]],
                     [self.text_filter, self.category_filter, self.state_filter, self.clear_button], spacing=8)
