"""The Alignment page: does what we bring line up with what the customer is trying to achieve?

Five charts of the selected account — the alignment matrix, the category profile with the index, the idea
quadrant, the P&L waterfall with its trend, and the investment returns — beside the coaching rules that fire.
The numbers come from `immersion.domain` (`charts_data`, `figures`, `coaching`), the pictures from
`immersion.charts`; this page only reads the workbook and passes the figures on. After an edit anywhere,
`show_context` recomputes everything and updates the charts in place. A click on a mark opens the item behind it.

pyqtgraph is imported with this module; the page registry imports it only when the page is first shown.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QGridLayout, QVBoxLayout, QWidget

from immersion.charts.matrix import MatrixChart
from immersion.charts.pnl import PnlChart
from immersion.charts.profile import ProfileChart
from immersion.charts.quadrant import QuadrantChart
from immersion.charts.returns import ReturnsChart
from immersion.domain.alignment import compute_alignment
from immersion.domain.charts_data import ItemRef, alignment_matrix, category_profile
from immersion.domain.coaching import coaching_tips
from immersion.domain.figures import (
    SIZE_BY_EFFORT,
    SIZE_BY_MONEY,
    account_pnl,
    idea_quadrant,
    investment_returns,
)
from immersion.store.chart_queries import account_chart_inputs
from immersion.ui.chart_card import ChartCard, open_target, target_for
from immersion.ui.chart_coaching import CoachingList
from immersion.ui.field_binding import show_choices
from immersion.ui.pages import Page, PageContext, Target
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption

if TYPE_CHECKING:  # event classes are only annotations here
    from PySide6.QtGui import QResizeEvent

TWO_COLUMNS = 880  # narrower than this, the cards stack in one column


class AlignmentPage(Page):
    """The alignment charts and coaching rules of the selected account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self._account_id: str | None = None
        self._columns = 0
        self.matrix, self.profile, self.quadrant = MatrixChart(), ProfileChart(), QuadrantChart()
        self.pnl, self.returns = PnlChart(), ReturnsChart()
        self.charts = (self.matrix, self.profile, self.quadrant, self.pnl, self.returns)
        for chart in self.charts:
            chart.activated.connect(self.open_item)
            chart.can_open = lambda ref: target_for(ref) is not None
        self.size_by = QComboBox()
        self.size_by.addItem(self.tr("Size by effort"), SIZE_BY_EFFORT)
        self.size_by.addItem(self.tr("Size by money"), SIZE_BY_MONEY)
        self.size_by.setToolTip(self.tr("What a bubble's size shows: the idea's effort score, or the money "
                                        "committed or spent on it"))
        self.size_by.currentIndexChanged.connect(self.refresh)
        self.period = QComboBox()
        self.period.setToolTip(self.tr("The period of the waterfall"))
        self.period.setAccessibleName(self.period.toolTip())
        self.period.currentIndexChanged.connect(self.refresh)
        self.coaching = CoachingList(self)
        self.coaching.activated.connect(self._go)
        self.cards = {
            "profile": ChartCard(self.tr("Category profile"), self.tr(
                "The customer's emphasis beside our effort, per goal category; hover a bar for the numbers."),
                self.profile, self),
            "matrix": ChartCard(self.tr("Alignment matrix"), self.tr(
                "Goals in agenda order against the ideas and money that serve them; a cell's colour is its part "
                "of our effort. Click a cell to open the item."), self.matrix, self),
            "quadrant": ChartCard(self.tr("Idea quadrant"), self.tr(
                "Customer value against our value of every active idea, coloured by stage."), self.quadrant, self,
                [self.size_by]),
            "returns": ChartCard(self.tr("Investment returns"), self.tr(
                "ROI by investment: solid on the actual return, pale and dashed on the expected one."),
                self.returns, self),
            "pnl": ChartCard(self.tr("Account P&L"), self.tr(
                "Where the period's revenue goes, down to the contribution; and the contribution over time."),
                self.pnl, self, [self.period]),
        }
        self.intro = Caption(self.tr("Does what we bring — ideas, money, people — line up with what the customer "
                                     "is trying to achieve? Every number explains itself when you hover over it."),
                             self)
        self.grid = QGridLayout()
        self.grid.setSpacing(16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self._arrange(2)

    # -- layout ----------------------------------------------------------------------------------------------

    def _arrange(self, columns: int) -> None:
        """Two columns (coaching beside the profile, quadrant beside returns) or, when narrow, one."""
        if columns == self._columns:
            return
        self._columns = columns
        c = self.cards
        for widget in (self.coaching, *c.values()):
            self.grid.removeWidget(widget)
        if columns == 2:
            places = [(self.coaching, 0, 0, 1), (c["profile"], 0, 1, 1), (c["matrix"], 1, 0, 2),
                      (c["quadrant"], 2, 0, 1), (c["returns"], 2, 1, 1), (c["pnl"], 3, 0, 2)]
        else:
            places = [(self.coaching, 0, 0, 1), (c["profile"], 1, 0, 1), (c["matrix"], 2, 0, 1),
                      (c["quadrant"], 3, 0, 1), (c["returns"], 4, 0, 1), (c["pnl"], 5, 0, 1)]
        for widget, row, col, span in places:
            self.grid.addWidget(widget, row, col, 1, span)
        for col in range(2):
            self.grid.setColumnStretch(col, 1 if col < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(2 if event.size().width() >= TWO_COLUMNS else 1)
        super().resizeEvent(event)

    def _size_charts(self) -> None:
        self.matrix.setMinimumHeight(self.matrix.preferred_height())
        self.returns.setMinimumHeight(self.returns.preferred_height())
        for chart in (self.profile, self.quadrant):
            chart.setMinimumHeight(300)
        self.pnl.setMinimumHeight(320)

    # -- showing ---------------------------------------------------------------------------------------------

    def show_context(self, context: PageContext) -> None:
        """Show the charts of `context.account` (after any edit too: everything is recomputed)."""
        self._context = context
        account_id = context.account.id if context.account is not None else None
        if account_id != self._account_id:
            self._account_id = account_id
            self._set_periods([], None)  # another account: its latest period, not the one chosen before
        self.refresh()

    def refresh(self) -> None:
        """Read the account and redraw every chart and the coaching rules in place."""
        workbook, account_id = self._context.workbook, self._account_id
        inputs = account_chart_inputs(workbook, account_id) if workbook and account_id else None
        if inputs is None:
            return
        currency = inputs.account.currency
        alignment = compute_alignment(inputs.goals, inputs.ideas, inputs.idea_goals, inputs.investments,
                                      inputs.investment_goals)
        matrix = alignment_matrix(inputs.goals, inputs.ideas, inputs.idea_goals, inputs.investments,
                                  inputs.investment_goals, currency=currency, alignment=alignment)
        pnl = account_pnl(inputs.financials, inputs.investments, period=self.period.currentData(),
                          currency=currency, account_id=account_id)
        self._set_periods([(p.text, p.label) for p in pnl.periods], pnl.period.text if pnl.period else None)
        self.matrix.set_data(matrix)
        self.profile.set_data(category_profile(alignment, inputs.goals, matrix))
        self.quadrant.set_data(idea_quadrant(inputs.ideas, inputs.investments, size_by=self.size_by.currentData(),
                                             currency=currency))
        self.pnl.set_data(pnl)
        self.returns.set_data(investment_returns(inputs.investments, currency=currency))
        self.coaching.show_tips(coaching_tips(
            inputs.goals, inputs.ideas, inputs.idea_goals, inputs.investments, inputs.investment_goals,
            stakeholders=inputs.stakeholders, meetings=inputs.meetings, today=dt.date.today(), currency=currency),
            account_id)
        self._size_charts()

    def _set_periods(self, periods: list[tuple[str, str]], chosen: str | None) -> None:
        """Offer `periods` ((stored text, label) pairs, oldest first) newest first, with `chosen` selected."""
        show_choices(self.period, list(reversed(periods)), chosen)

    # -- navigation ------------------------------------------------------------------------------------------

    def open_item(self, ref: ItemRef) -> Target | None:
        """Show the item behind a chart's mark on its page; returns where it went (None: nowhere to go)."""
        return open_target(self._context, ref)

    def _go(self, target: Target) -> None:
        self._context.go(target)
