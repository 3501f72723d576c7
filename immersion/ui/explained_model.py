"""A row model that says what its columns mean and can be made read-only as a whole.

The investment ledger (investment_model.py) and the P&L grid (pnl_model.py) explain their computed columns
in the headers' tooltips, and stop every cell from being edited while the workbook is read-only (or, for the
P&L, while months are added up into quarters).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt

from immersion.ui.row_model import Column, Index, RowTableModel


class ExplainedRowModel(RowTableModel):
    """A `RowTableModel` with header tooltips from `header_tip()` and an `editable` switch for all cells."""

    def __init__(self, columns: Sequence[Column], on_edit: Callable[[str, str, Any], bool],
                 parent: Any = None) -> None:
        super().__init__(columns, on_edit, parent)
        self.editable = True

    def header_tip(self, key: str) -> str:
        """What the column `key` means, for its header's tooltip ("" for none)."""
        return ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags if self.editable else flags & ~Qt.ItemFlag.ItemIsEditable

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.columns):
            return self.header_tip(self.columns[section].key) or None
        return super().headerData(section, orientation, role)
