"""The summary strip above the ledger: money that counts, ROI, orphan spend, and totals by kind and status.

The figures come from `store.finance.totals()`; each card's tooltip says how it was computed with the actual
numbers, so that the strip explains itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from immersion.store.finance import InvestmentTotals
from immersion.ui import formatting, theme
from immersion.ui.investment_model import KIND_CHOICES, STATUS_CHOICES, label
from immersion.ui.pnl_input import percent_text
from immersion.ui.widgets import Caption, FigureGrid, KeyFigure


class InvestmentSummary(QWidget):
    """Key figures of the ledger and one line each of totals by kind and by status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.invested = KeyFigure(self.tr("Committed and spent"), self)
        self.roi = KeyFigure(self.tr("ROI"), self)
        self.orphan = KeyFigure(self.tr("Orphan spend"), self)
        self.planned = KeyFigure(self.tr("Planned"), self)
        for figure in (self.invested, self.roi, self.orphan, self.planned):
            figure.value.setFont(theme.scaled_font(figure, 1.5, bold=True))  # four cards over a table
            figure.layout().setContentsMargins(14, 8, 14, 8)
        self.figures = FigureGrid([self.invested, self.roi, self.orphan, self.planned], self, min_width=170)
        self.by_kind = self._line()
        self.by_status = self._line()
        self.warning = Caption("", self)
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.figures)
        layout.addWidget(self.by_kind)
        layout.addWidget(self.by_status)
        layout.addWidget(self.warning)

    def _line(self) -> QLabel:
        line = QLabel(self)
        line.setTextFormat(Qt.TextFormat.PlainText)
        line.setWordWrap(True)
        return line

    def show_totals(self, totals: InvestmentTotals, currency: str) -> None:
        """Show `totals` of an account whose currency is `currency`."""
        money = lambda value: formatting.money_text(value, currency)  # noqa: E731
        self.invested.set_value(
            money(totals.invested), (self.tr("1 investment") if totals.count == 1 else
             self.tr("%1 investments").replace("%1", str(totals.count))),
            self.tr("Committed and spent money: the money that counts toward alignment, ROI and orphan spend. "
                    "Planned and stopped investments are left out."))
        if totals.roi is None:
            self.roi.set_value(formatting.UNDEFINED, self.tr("no return recorded"), self.tr(
                "ROI = (Σ return − Σ amount) ÷ Σ amount over committed and spent investments with a return. "
                "None has a return yet."))
        else:
            actual = totals.actual_part / totals.with_return if totals.with_return else 0.0
            detail = self.tr("%1 on actual returns").replace("%1", percent_text(actual))
            tip = self.tr("ROI = (Σ return − Σ amount) ÷ Σ amount = (%1 − %2) ÷ %2 = %3, over committed and spent "
                          "investments with a return; the actual return where known, else the expected one.")
            tip = tip.replace("%1", money(totals.returned)).replace("%2", money(totals.with_return))
            self.roi.set_value(percent_text(totals.roi, signed=True), detail,
                               tip.replace("%3", percent_text(totals.roi, signed=True)))
        share = totals.orphan / totals.invested if totals.invested else 0.0
        tip = self.tr("Orphan spend = Σ amount × (100% − Σ the goals' shares) over committed and spent "
                      "investments = %1, that is %2 of %3. It lowers the alignment index: money that serves no "
                      "customer goal costs its full share.")
        tip = tip.replace("%1", money(totals.orphan)).replace("%2", percent_text(share))
        self.orphan.set_value(money(totals.orphan), self.tr("%1 of the money that counts").replace(
            "%1", percent_text(share)), tip.replace("%3", money(totals.invested)))
        planned = totals.by_status.get("planned", 0.0)
        self.planned.set_value(money(planned), self.tr("not yet committed"), self.tr(
            "Planned investments: not agreed yet, so they count toward nothing."))
        kinds = [f"{label(KIND_CHOICES, kind)} {money(value)}" for kind, value in totals.by_kind.items()]
        self.by_kind.setText(self.tr("By kind (committed and spent): %1").replace(
            "%1", " · ".join(kinds) if kinds else formatting.UNDEFINED))
        self.by_kind.setToolTip(self.tr("Σ amount of committed and spent investments per kind."))
        statuses = [f"{label(STATUS_CHOICES, status)} {money(value)}" for status, value in totals.by_status.items()]
        self.by_status.setText(self.tr("By status: %1").replace("%1", " · ".join(statuses)))
        self.by_status.setToolTip(self.tr("Σ amount of the investments in each status, whatever their kind."))
        if totals.foreign:
            self.warning.setText(self.tr("Investments in another currency than %1: %2. They are added as if "
                                         "they were in %1.").replace("%1", currency)
                                 .replace("%2", str(totals.foreign)))
        self.warning.setVisible(bool(totals.foreign))
