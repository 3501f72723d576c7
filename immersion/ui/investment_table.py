"""The ledger's view: status badges, checked money and period editors, the ledger's keys, fitted columns.

`InvestmentTable` claims Insert / Ctrl+N (add), Delete and Enter over window shortcuts, and gives the
investment's name the room the other columns leave; when the page is narrow, optional columns go first
(every field of the selected investment is in the side form, so nothing is hidden for good).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QWidget

from immersion.ui import formatting, theme
from immersion.ui.investment_model import STATUS_CHOICES, label, roi_text
from immersion.ui.pnl_input import Check, CheckedDelegate
from immersion.ui.row_model import Column, Index
from immersion.ui.table_view import FittedTable
from immersion.ui.widgets import paint_badge

STATUS_ACCENTS = {"planned": "#7a808a", "committed": "#2a6fd6", "spent": "#2b9a5a", "stopped": "#b5542d"}


class LedgerDelegate(CheckedDelegate):
    """Checked editors for money and periods, and the status drawn as a coloured badge."""

    def __init__(self, columns: Callable[[], Sequence[Column]], checks: Mapping[str, Check],
                 parent: QObject | None = None) -> None:
        super().__init__(columns, checks, parent)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if self._columns()[index.column()].key != "status":
            super().paint(painter, option, index)
            return
        status = index.data(Qt.ItemDataRole.EditRole)
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        text = label(STATUS_CHOICES, status)
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        width = metrics.horizontalAdvance(text) + metrics.height()
        height = metrics.height() + 4
        rect = option.rect  # type: ignore[attr-defined]
        badge = QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2 + 1, width, height)
        colours = theme.badge_colours(STATUS_ACCENTS.get(status, STATUS_ACCENTS["planned"]))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        paint_badge(painter, badge, colours, text, on_highlight=selected)


class InvestmentTable(FittedTable):
    """The ledger view, in chronological order until a header is clicked.

    Signals:
        command(str): "add" or "delete" was asked for from the keyboard.
    """

    FLEX = "name"
    # Shown while they fit beside the name: the kind stays longest, the notes go first.
    OPTIONAL = ("kind", "actual_return", "expected_return", "goals", "payback", "idea_title", "notes")
    # Preferred widths in average characters; the name takes what is left.
    WIDTHS: ClassVar[dict[str, int]] = {
        "name": 16, "kind": 11, "status": 10, "amount": 9, "period": 8, "expected_return": 12, "actual_return": 12,
        "roi": 12, "payback": 11, "goals": 22, "orphan_share": 7, "idea_title": 18, "notes": 18}
    PADDING = 20

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Chronological, as loaded, until a header is clicked (and again when its sort indicator is cleared).
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.horizontalHeader().setSortIndicatorClearable(True)
        self.setSortingEnabled(True)

    def content_width(self, column: Column) -> int:
        """The longest choice, and room for a large amount or an ROI (in italics, as an expected one is)."""
        italic = QFont(self.font())
        italic.setItalic(True)
        samples = {"roi": roi_text({"roi": 8.888, "roi_basis": "expected"}),
                   "amount": formatting.money_text(8_888_888, "CHF")}
        labels = [column.label(value) for value, _text in column.choices]
        return max([self.fontMetrics().horizontalAdvance(text) for text in labels]
                   + [QFontMetrics(italic).horizontalAdvance(samples.get(column.key, ""))])
