"""Figure 4, the account P&L: a waterfall for one period (revenue → cost of goods → cost to serve → other costs
→ investments → contribution) and, beside it, the contribution of every period of the same kind.

Rises are green, falls red, totals in the text colour; dotted steps join each bar to the next, and every bar
carries its amount, so the picture reads without hovering. The chosen period's point on the trend is ringed.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QWidget

from immersion.charts.axes import CategoryAxis, MoneyAxis, compact_money
from immersion.charts.base import Chart, Charts, Hit
from immersion.charts.export import render_png as _render_png
from immersion.charts.style import ChartStyle
from immersion.domain.figures import PnlData

BAR = 0.62
STEP_NAMES = {
    "revenue": QT_TRANSLATE_NOOP("Charts", "Revenue"),
    "cost_of_goods": QT_TRANSLATE_NOOP("Charts", "Cost of goods"),
    "cost_to_serve": QT_TRANSLATE_NOOP("Charts", "Cost to serve"),
    "other_costs": QT_TRANSLATE_NOOP("Charts", "Other costs"),
    "investments": QT_TRANSLATE_NOOP("Charts", "Investments"),
    "contribution": QT_TRANSLATE_NOOP("Charts", "Contribution"),
}


class PnlChart(Chart):
    """The waterfall of one period and the contribution trend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(Charts.tr("Account P&L"))
        self.steps_axis = CategoryAxis("bottom", wrap=True)
        self.periods_axis = CategoryAxis("bottom", wrap=True)
        self.waterfall = self.add_plot(0, 0, left=MoneyAxis("left"), bottom=self.steps_axis)
        self.trend = self.add_plot(0, 1, left=MoneyAxis("left"), bottom=self.periods_axis)
        self.view.ci.layout.setColumnStretchFactor(0, 2)
        self.view.ci.layout.setColumnStretchFactor(1, 1)
        for plot in (self.waterfall, self.trend):
            plot.showGrid(y=True, alpha=0.25)
        self.bars = pg.BarGraphItem(x=[], y0=[], height=[], width=BAR)
        self.connectors = pg.PlotCurveItem(connect="pairs")
        self.amounts: list[pg.TextItem] = []
        self.waterfall.addItem(self.bars)
        self.waterfall.addItem(self.connectors)
        self.zero = pg.InfiniteLine(0, angle=0, movable=False)
        self.line = pg.PlotDataItem()
        self.points = pg.ScatterPlotItem(antialias=True)
        self.chosen = pg.ScatterPlotItem(antialias=True)
        for item in (self.zero, self.line, self.points, self.chosen):
            self.trend.addItem(item)

    def empty_text(self) -> str | None:
        data = self.data
        assert isinstance(data, PnlData)
        if data.is_empty:
            return Charts.tr("No P&L yet. Enter the account's revenue and costs by quarter or month to see where the "
                             "money goes, and how the contribution develops.")
        return None

    def draw(self, style: ChartStyle) -> None:
        data = self.data
        assert isinstance(data, PnlData)
        steps = data.steps
        colours = []
        for step in steps:
            if step.is_total or step.key == "revenue":
                colours.append(style.accent("total"))
            else:
                colours.append(style.accent("up" if step.amount > 0 else "down"))
        self.bars.setOpts(x=list(range(len(steps))), y0=[min(s.start, s.end) for s in steps],
                          height=[abs(s.amount) for s in steps], width=BAR, brushes=colours, pens=[None] * len(steps))
        xs, ys = [], []
        for n, step in enumerate(steps[:-1]):  # a dotted step from the top of each bar to the next one
            xs += [n + BAR / 2, n + 1 - BAR / 2]
            ys += [step.end, step.end]
        self.connectors.setData(xs, ys, pen=pg.mkPen(style.muted, width=1, style=Qt.PenStyle.DotLine))
        self._label_bars(style)
        self.steps_axis.set_labels([Charts.tr(STEP_NAMES[s.key]) for s in steps])
        low = min([0.0] + [min(s.start, s.end) for s in steps])
        high = max([0.0] + [max(s.start, s.end) for s in steps])
        pad = (high - low) * 0.12 or 1.0
        self.waterfall.setRange(xRange=(-0.6, len(steps) - 0.4), yRange=(low - (pad if low < 0 else 0), high + pad),
                                padding=0)
        self._draw_trend(style)
        period = data.period.label if data.period else ""
        self.set_headline(Charts.tr("%1 · amounts in %2").replace("%1", period).replace("%2", data.currency),
                          bold=False)
        self.set_legend([("■", style.accent("total"), Charts.tr("revenue and contribution")),
                         ("■", style.accent("down"), Charts.tr("costs and investments")),
                         ("●", style.accent("ideas"), Charts.tr("contribution by period"))], style)

    def _label_bars(self, style: ChartStyle) -> None:
        data = self.data
        assert isinstance(data, PnlData)
        while len(self.amounts) < len(data.steps):
            item = pg.TextItem(anchor=(0.5, 1))
            self.waterfall.addItem(item)
            self.amounts.append(item)
        for n, item in enumerate(self.amounts):
            item.setVisible(n < len(data.steps))
            if n < len(data.steps):
                step = data.steps[n]
                item.setText(compact_money(step.amount), color=style.text)
                item.setAnchor((0.5, 1) if step.amount >= 0 else (0.5, 0))
                item.setPos(n, max(step.start, step.end) if step.amount >= 0 else min(step.start, step.end))

    def _draw_trend(self, style: ChartStyle) -> None:
        data = self.data
        assert isinstance(data, PnlData)
        trend = data.trend
        xs = list(range(len(trend)))
        ys = [t.contribution for t in trend]
        accent = style.accent("ideas")
        self.zero.setPen(pg.mkPen(style.grid, width=1))
        self.line.setData(xs, ys, pen=pg.mkPen(accent, width=2))
        self.points.setData(x=xs, y=ys, size=8, brush=pg.mkBrush(accent), pen=pg.mkPen(style.background, width=1))
        chosen = [n for n, t in enumerate(trend) if t.period == data.period]
        self.chosen.setData(x=chosen, y=[ys[n] for n in chosen], size=16, brush=pg.mkBrush(None),
                            pen=pg.mkPen(style.text, width=1.5))
        self.periods_axis.set_labels([t.period.label for t in trend])
        low, high = min(ys + [0.0]), max(ys + [0.0])
        pad = (high - low) * 0.12 or 1.0
        self.trend.setRange(xRange=(-0.5, len(trend) - 0.5), yRange=(low - pad, high + pad), padding=0)

    def hit_at(self, plot: int, x: float, y: float, area: str = "view") -> Hit | None:
        data = self.data
        if not isinstance(data, PnlData) or area == "left":
            return None
        slot = int(round(x))
        if plot == 0 and 0 <= slot < len(data.steps) and (area == "bottom" or abs(x - slot) <= BAR / 2):
            step = data.steps[slot]
            return Hit(step.text, step.ref)
        if plot == 1 and 0 <= slot < len(data.trend) and (area == "bottom" or abs(x - slot) <= 0.35):
            point = data.trend[slot]
            return Hit(point.text, point.ref)
        return None


def render_png(data: PnlData, width: int, height: int, dark: bool = False) -> bytes:
    """The P&L waterfall and trend as a PNG, off-screen (for the briefing PDF)."""
    return _render_png(PnlChart, data, width, height, dark)
