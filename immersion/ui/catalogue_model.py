"""The catalogue table's model, filter and delegate, under the catalogue pages' editable table.

`CatalogueModel` is the row model with header tooltips, made read-only for a read-only workbook;
`CatalogueFilter` keeps the rows of the chosen group that contain the filter text and sorts by the columns'
sort values; `CatalogueDelegate` keeps check boxes visible on the dark palette.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from immersion.ui import theme
from immersion.ui.row_model import SORT_ROLE, Column, ColumnDelegate, Index, RowTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("Catalogue", text)


class CatalogueModel(RowTableModel):
    """A row model with header tooltips (field → untranslated text) that can be made read-only."""

    def __init__(self, columns: list[Column], on_edit: Any, header_tips: dict[str, str], parent: Any) -> None:
        super().__init__(columns, on_edit, parent)
        self.header_tips = header_tips
        self.editable = True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns)
        if role == Qt.ItemDataRole.ToolTipRole and horizontal:
            tip = self.header_tips.get(self.columns[section].key)
            return _tr(tip) if tip else None
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not self.editable:
            flags &= ~(Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        return flags


class CatalogueFilter(QSortFilterProxyModel):
    """Keeps the rows of the chosen group that contain the filter text; sorts by the columns' sort values."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.group: dict[str, Any] = {}

    def set_filter(self, text: str, group: dict[str, Any]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated from 6.10
            self.beginFilterChange()
            self.text, self.group = text.strip().casefold(), group
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.text, self.group = text.strip().casefold(), group
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model: RowTableModel = self.sourceModel()  # type: ignore[assignment]
        row = model.row(source_row)
        if any(row.get(key) != value for key, value in self.group.items()):
            return False
        return not self.text or any(self.text in column.text(row).casefold() for column in model.columns)

    def lessThan(self, left: Index, right: Index) -> bool:
        return bool(left.data(SORT_ROLE) < right.data(SORT_ROLE))


class CatalogueDelegate(ColumnDelegate):
    """The column delegate, with check boxes that stay visible on the dark palette."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator and theme.is_dark():
            # Fusion outlines the box a shade darker than Window, which vanishes on a dark Base.
            text = option.palette.color(QPalette.ColorRole.Text)
            option.palette.setColor(QPalette.ColorRole.Window, text.darker(160))
