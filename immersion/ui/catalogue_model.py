"""The catalogue table's model, filter and delegate, under the catalogue pages' editable table.

`CatalogueModel` is the row model with the page's header tooltips; `CatalogueFilter` keeps the rows of
the chosen group that contain the filter text and sorts by the columns' sort values; `CatalogueDelegate` keeps
check boxes visible on the dark palette.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from immersion.texts import TextContext
from immersion.ui import theme
from immersion.ui.row_model import SORT_ROLE, Column, ColumnDelegate, Index, RowTableModel

Catalogue = TextContext("Catalogue")  # texts written Catalogue.tr("…"), as pyside6-lupdate reads them


class CatalogueModel(RowTableModel):
    """A row model whose header tooltips are the page's `header_tips` (field → untranslated text)."""

    def __init__(self, columns: list[Column], on_edit: Any, header_tips: dict[str, str], parent: Any) -> None:
        super().__init__(columns, on_edit, parent)
        self.header_tips = header_tips

    def header_tip(self, key: str) -> str:
        tip = self.header_tips.get(key)
        return Catalogue.tr(tip) if tip else ""


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
