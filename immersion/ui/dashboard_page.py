"""The portfolio Dashboard: every account by alignment index and contribution, and the portfolio's gaps.

The bubble chart places each account by how well our effort serves its goals (across) against what it earns
us in one period (up), sized by revenue and coloured by tier; beside it, the gaps of the whole portfolio — top
goals with nothing behind them, orphan spend, overdue actions — each a double-click from its item.

The alignment indexes come from the context's portfolio summaries (the sidebar's, already current after an
edit), so a refresh reads only the P&L and the gap inputs. pyqtgraph is imported with this module; the page
registry imports it only when the page is first shown.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from immersion.charts.portfolio import PortfolioChart
from immersion.domain.charts_data import ItemRef
from immersion.domain.portfolio_figure import PortfolioData, portfolio_figure
from immersion.store.chart_queries import portfolio_accounts, portfolio_chart_inputs
from immersion.ui.chart_card import ChartCard, open_target, target_for
from immersion.ui.chart_gaps import GapPanel
from immersion.ui.field_binding import show_choices
from immersion.ui.pages import Page, PageContext, Target
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption, Card, Heading


def ask_portfolio_path(parent: QWidget | None) -> Path | None:
    """Ask where to save the portfolio briefing; None when cancelled (tests replace this function)."""
    title = QCoreApplication.translate("DashboardPage", "Portfolio briefing")
    name = f"{title} {dt.date.today().isoformat()}.pdf"
    path, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("DashboardPage", "Save the portfolio briefing"), str(Path.home() / name),
        QCoreApplication.translate("DashboardPage", "PDF documents (*.pdf)"))
    return Path(path) if path else None


class DashboardPage(Page):
    """The portfolio at a glance: alignment against contribution, and the gaps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self.data: PortfolioData | None = None
        self.chart = PortfolioChart()
        self.chart.activated.connect(self.open_item)
        self.chart.can_open = lambda ref: target_for(ref) is not None
        self.period = QComboBox()
        self.period.setToolTip(self.tr("The period whose contribution is compared"))
        self.period.setAccessibleName(self.period.toolTip())
        self.period.currentIndexChanged.connect(self.refresh)
        self.card = ChartCard(self.tr("Alignment and contribution"), self.tr(
            "Each account by alignment index and contribution, sized by revenue and coloured by tier. Top right: "
            "customers whose goals we serve and who pay for it. Click a bubble to open the account."),
            self.chart, self, [self.period])
        self.gaps = GapPanel(self)
        self.gaps.activated.connect(self._go)
        gap_card = Card(self)
        gap_layout = QVBoxLayout(gap_card)
        gap_layout.setContentsMargins(16, 12, 16, 12)
        gap_layout.setSpacing(4)
        gap_layout.addWidget(Heading(self.tr("Portfolio gaps"), 1.1, gap_card))
        gap_layout.addWidget(Caption(self.tr("What deserves attention across the accounts."), gap_card))
        gap_layout.addWidget(self.gaps, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.card)
        splitter.addWidget(gap_card)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(16)
        splitter.setSizes([620, 420])
        self.card.setMinimumWidth(360)
        gap_card.setMinimumWidth(280)
        self.brief_button = QPushButton(self.tr("Portfolio briefing…"), self)
        self.brief_button.setToolTip(self.tr("Save a PDF with one summary page per account (internal)"))
        self.brief_button.clicked.connect(self.export_briefing)
        self.brief_status = QLabel(self)
        self.brief_status.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.addWidget(self.brief_button)
        bar.addWidget(self.brief_status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def show_context(self, context: PageContext) -> None:
        """Show the portfolio of `context` (after any edit too)."""
        self._context = context
        self.refresh()

    def refresh(self) -> None:
        """Read the portfolio and redraw the chart and the gap list in place."""
        workbook = self._context.workbook
        if workbook is None:
            return
        today = dt.date.today()
        inputs = portfolio_chart_inputs(workbook, self.period.currentData(), today)
        accounts = portfolio_accounts(workbook, self._context.portfolio or None)
        self.data = portfolio_figure(
            accounts, inputs.financials, inputs.spent, period=inputs.period, periods=inputs.periods,
            open_goals=inputs.open_goals, covered_goal_ids=inputs.covered_goal_ids, orphans=inputs.orphans,
            overdue=inputs.overdue, today=today)
        self._set_periods()
        self.chart.set_data(self.data)
        self.gaps.show_gaps(self.data.gaps)

    def export_briefing(self) -> Path | None:
        """Ask for a file and write the portfolio briefing there; returns the path written (None: not written)."""
        workbook = self._context.workbook
        if workbook is None:
            return None
        path = ask_portfolio_path(self)
        if path is None:
            return None
        from immersion.report.portfolio import export_portfolio_briefing

        try:
            result = export_portfolio_briefing(workbook, path)
        except OSError as error:
            self.brief_status.setText(self.tr("Could not write %1: %2").replace("%1", str(path)).replace(
                "%2", str(error.strerror or error)))
            return None
        self.brief_status.setText(self.tr("Saved %1 (%n page(s))", "", result.pages).replace("%1", str(path)))
        return path

    def _set_periods(self) -> None:
        assert self.data is not None
        show_choices(self.period, [(p.text, p.label) for p in reversed(self.data.periods)],
                     self.data.period.text if self.data.period else None)

    def open_item(self, ref: ItemRef) -> Target | None:
        """Show the account (or item) behind a bubble; returns where it went (None: nowhere to go)."""
        return open_target(self._context, ref)

    def _go(self, target: Target) -> None:
        self._context.go(target)
