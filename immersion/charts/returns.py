"""Figure 5, investment returns: the ROI of each investment as a horizontal bar, best first.

Actual and expected are told apart at a glance: an ROI on the actual return is a solid bar; one on the expected
return (nothing has come back yet) is a pale bar with a dashed outline. Where both are known, a tick marks what
was expected, so the bar shows how the investment did against its promise.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from immersion.charts.axes import CategoryAxis, PercentAxis
from immersion.charts.base import Chart, Charts, Hit
from immersion.charts.export import render_png as _render_png
from immersion.charts.style import ChartStyle
from immersion.domain.figures import RoiData
from immersion.domain.finance import RoiBasis

BAR = 0.64
LABEL_WIDTH = 200
ROW_PIXELS = 26


def colours(brushes: list, pens: list) -> dict[str, object]:
    """Per-bar brushes and pens for `BarGraphItem.setOpts`; none at all for no bars (pyqtgraph 0.14 fails on
    empty lists of pens)."""
    if not brushes:
        return {"brushes": None, "pens": None, "brush": None, "pen": None}
    return {"brushes": brushes, "pens": pens}


class ReturnsChart(Chart):
    """ROI by investment, actual and expected told apart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(Charts.tr("Investment returns"))
        self.names_axis = CategoryAxis("left", extent=LABEL_WIDTH)
        self.plot = self.add_plot(left=self.names_axis, bottom=PercentAxis("bottom"))
        self.plot.vb.invertY(True)  # the best return at the top
        self.plot.showGrid(x=True, alpha=0.25)
        self.plot.setLabel("bottom", Charts.tr("ROI = (return − amount) ÷ amount"))
        self.actual = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR)
        self.expected = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR)
        self.promised = pg.ScatterPlotItem(symbol="|", antialias=True)
        self.zero = pg.InfiniteLine(0, angle=90, movable=False)
        for item in (self.zero, self.actual, self.expected, self.promised):
            self.plot.addItem(item)

    def empty_text(self) -> str | None:
        data = self.data
        assert isinstance(data, RoiData)
        if data.is_empty:
            return Charts.tr("No returns to show yet. Give investments an expected return when you plan them, and the "
                             "actual return when it is known: both appear here, told apart.")
        return None

    def preferred_height(self) -> int:
        bars = len(self.data.bars) if isinstance(self.data, RoiData) else 4
        return max(240, min(560, 110 + bars * ROW_PIXELS))

    def draw(self, style: ChartStyle) -> None:
        data = self.data
        assert isinstance(data, RoiData)
        bars = data.bars
        actual = [(n, b) for n, b in enumerate(bars) if b.basis == RoiBasis.ACTUAL]
        expected = [(n, b) for n, b in enumerate(bars) if b.basis == RoiBasis.EXPECTED]
        up, down = style.accent("up"), style.accent("down")
        self.actual.setOpts(x0=[0.0] * len(actual), y=[n for n, _b in actual], height=BAR,
                            width=[100 * b.value for _n, b in actual],
                            **colours([up if b.value >= 0 else down for _n, b in actual], [None] * len(actual)))
        self.expected.setOpts(
            x0=[0.0] * len(expected), y=[n for n, _b in expected], height=BAR,
            width=[100 * b.value for _n, b in expected],
            **colours([style.translucent(up if b.value >= 0 else down, 60) for _n, b in expected],
                      [pg.mkPen(up if b.value >= 0 else down, width=1.2, style=Qt.PenStyle.DashLine)
                       for _n, b in expected]))
        promised = [(n, b.expected) for n, b in actual if b.expected is not None]
        self.promised.setData(x=[100 * e for _n, e in promised if e is not None], y=[n for n, _e in promised],
                              size=ROW_PIXELS - 4, pen=pg.mkPen(style.text, width=2), brush=pg.mkBrush(style.text))
        self.zero.setPen(pg.mkPen(style.muted, width=1))
        self.names_axis.set_labels([b.name for b in bars])
        values = [100 * b.value for b in bars] + [100 * b.expected for b in bars if b.expected is not None] + [0.0]
        low, high = min(values), max(values)
        pad = (high - low) * 0.06 or 10.0
        self.plot.setRange(xRange=(low - (pad if low < 0 else 0), high + pad), yRange=(-0.6, len(bars) - 0.4),
                           padding=0)
        entries = [("■", up, Charts.tr("actual return")), ("□", up, Charts.tr("expected return (not yet known)")),
                   ("|", style.text, Charts.tr("what was expected"))]
        if data.left_out:
            entries.append(("", style.muted, Charts.tr("%n investment(s) without a return left out", "",
                                                       data.left_out)))
        self.set_legend(entries, style)

    def hit_at(self, plot: int, x: float, y: float, area: str = "view") -> Hit | None:
        data = self.data
        if not isinstance(data, RoiData) or area == "bottom":
            return None
        row = int(round(y))
        if 0 <= row < len(data.bars):
            bar = data.bars[row]
            return Hit(bar.text, bar.ref)
        return None


def render_png(data: RoiData, width: int, height: int, dark: bool = False) -> bytes:
    """The investment returns as a PNG, off-screen (for the briefing PDF)."""
    return _render_png(ReturnsChart, data, width, height, dark)
