"""A chart on a page: a card with a heading, a caption, the chart's own controls and a Save button; and where a
click on a chart leads (`target_for`).

Charts speak of workbook rows (`ItemRef`); pages speak of places (`Target`). A row whose page is not in this
version (Ideas, Investments and P&L come in other issues) leads nowhere, and its tooltip does not promise a
click.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QMenu, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from immersion.charts import export
from immersion.charts.base import Chart
from immersion.domain.charts_data import ItemRef
from immersion.ui.pages import Target, registered
from immersion.ui.widgets import Caption, Card, Heading

if TYPE_CHECKING:
    from immersion.ui.pages import PageContext

PAGE_OF = {
    "goals": "agenda",
    "ideas": "ideas",
    "investments": "investments",
    "financials": "pnl",
    "accounts": "overview",
    "action_items": "meetings",
    "stakeholders": "relationships",
}
"""The page that shows rows of each table."""


def target_for(ref: ItemRef) -> Target | None:
    """Where a click on `ref` leads: its page with the row selected (an account: its overview); None when that
    page does not exist in this version."""
    name = PAGE_OF.get(ref.table)
    if name is None or not registered(name):
        return None
    if ref.table == "accounts":
        return Target(name, ref.row_id)
    return Target(name, ref.account_id, ref.table, ref.row_id)


def open_target(context: PageContext, ref: ItemRef) -> Target | None:
    """Show the item behind a chart's mark on its page (see `target_for`); returns where it went (None: nowhere
    to go)."""
    target = target_for(ref)
    if target is not None:
        context.go(target)
    return target


class ChartCard(Card):
    """A chart with its heading, a one-line caption, optional controls and a Save menu (PNG, SVG)."""

    def __init__(self, title: str, caption: str, chart: Chart, parent: QWidget | None = None,
                 tools: Sequence[QWidget] = ()) -> None:
        super().__init__(parent)
        self.chart = chart
        self.title = Heading(title, 1.1, self)
        self.caption = Caption(caption, self)
        self.save_button = QToolButton(self)
        self.save_button.setText(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save this chart as a PNG picture or an SVG drawing"))
        self.save_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.save_button.setAutoRaise(True)
        menu = QMenu(self.save_button)
        menu.addAction(self.tr("Save as PNG…"), lambda: self.save("png"))
        menu.addAction(self.tr("Save as SVG…"), lambda: self.save("svg"))
        self.save_button.setMenu(menu)
        chart.setParent(self)
        chart.setAccessibleName(title)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.title, 1)
        for tool in tools:
            tool.setParent(self)
            top.addWidget(tool, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(chart, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def save(self, kind: str) -> str | None:
        """Ask where, then save the chart as `kind` ("png" or "svg"); returns the path saved to."""
        return export.save_as(self.chart, kind, self.title.text())
