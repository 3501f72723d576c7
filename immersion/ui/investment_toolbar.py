"""The investment ledger's toolbar: Add investment and Delete, then filters by text, kind and status."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from immersion.ui.investment_model import KIND_CHOICES, STATUS_CHOICES, label
from immersion.ui.table_toolbar import TableToolbar


class InvestmentToolbar(TableToolbar):
    """The lines above the ledger; its signals are the table toolbar's (`add` adds an investment)."""

    def __init__(self, undo_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_button = self.new_button(
            self.tr("Add investment"), self.tr("Add an investment (Insert or Ctrl+N)"), lambda: self.add.emit())
        self.delete_button = self.new_button(
            self.tr("Delete"), self.tr("Delete the selected investment (Delete); undo with %1").replace(
                "%1", undo_key), lambda: self.delete.emit())
        self.text_filter = self.new_text_filter(
            self.tr("Filter investments…"),
            self.tr("Show only investments whose name, notes, period, idea or goals contain this text"))
        self.kind_filter = self.new_choice_filter(self.tr("All kinds"), KIND_CHOICES,
                                                  self.tr("Show only one kind"), label)
        self.status_filter = self.new_choice_filter(self.tr("All statuses"), STATUS_CHOICES,
                                                    self.tr("Show only one status"), label)
        self.clear_button = self.new_button(self.tr("Clear filters"), self.tr("Show every investment"),
                                            self.clear_filters)
        self.arrange([[self.add_button, self.delete_button]],
                     [self.text_filter, self.kind_filter, self.status_filter, self.clear_button], spacing=6)
