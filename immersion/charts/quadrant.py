"""Figure 3, the idea quadrant: every active idea by customer value (across) and our value (up), its bubble
sized by effort or by the money behind it and coloured by stage, with the mutual-win quadrant marked.

Ideas with the same two values are spread around their grid point by the domain (`charts_data._nudge`), so
none hides another.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, Qt
from PySide6.QtWidgets import QWidget

from immersion.charts.base import Chart, Charts, Hit
from immersion.charts.export import render_png as _render_png
from immersion.charts.style import ChartStyle
from immersion.domain.alignment import MUTUAL_THRESHOLD
from immersion.domain.enums import BOARD_STAGES
from immersion.domain.figures import SIZE_BY_MONEY, QuadrantData

SMALLEST, LARGEST = 9.0, 34.0  # bubble diameters in pixels
STAGE_NAMES = {
    "captured": QT_TRANSLATE_NOOP("Charts", "captured"),
    "shaping": QT_TRANSLATE_NOOP("Charts", "shaping"),
    "co-creating": QT_TRANSLATE_NOOP("Charts", "co-creating"),
    "proposed": QT_TRANSLATE_NOOP("Charts", "proposed"),
    "piloting": QT_TRANSLATE_NOOP("Charts", "piloting"),
    "adopted": QT_TRANSLATE_NOOP("Charts", "adopted"),
}
_EDGE = MUTUAL_THRESHOLD - 0.5  # the quadrant's border lies between 2 and 3


def bubble_sizes(sizes: list[float], largest: float) -> list[float]:
    """Diameters whose areas grow with the measure: √(size ÷ largest) between the smallest and largest bubble."""
    if largest <= 0:
        return [SMALLEST] * len(sizes)
    return [SMALLEST + (LARGEST - SMALLEST) * math.sqrt(max(s, 0.0) / largest) for s in sizes]


class QuadrantChart(Chart):
    """Customer value × our value of the account's active ideas."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(Charts.tr("Idea quadrant"))
        self.plot = self.add_plot()
        self.plot.setLabel("bottom", Charts.tr("Customer value"))
        self.plot.setLabel("left", Charts.tr("Our value"))
        for name in ("bottom", "left"):
            self.plot.getAxis(name).setTicks([[(v, str(v)) for v in range(1, 6)]])
        self.mutual = pg.BarGraphItem(x0=[_EDGE], y0=[_EDGE], width=[5.5 - _EDGE], height=[5.5 - _EDGE])
        self.mutual_label = pg.TextItem(anchor=(1, 0))
        self.mutual_label.setPos(5.45, 5.45)
        self.lines = [pg.InfiniteLine(_EDGE, angle=90, movable=False), pg.InfiniteLine(_EDGE, angle=0, movable=False)]
        self.scatter = pg.ScatterPlotItem(antialias=True)
        for item in (self.mutual, *self.lines, self.mutual_label, self.scatter):
            self.plot.addItem(item)
        self._paints: dict[str, tuple[dict, dict]] = {}

    def empty_text(self) -> str | None:
        data = self.data
        assert isinstance(data, QuadrantData)
        if data.is_empty:
            return Charts.tr("No active ideas yet. Capture ideas with the customer and score their value to both "
                             "sides; they appear here, with the mutual wins top right.")
        return None

    def draw(self, style: ChartStyle) -> None:
        data = self.data
        assert isinstance(data, QuadrantData)
        self.mutual.setOpts(brush=style.translucent(style.accent("up"), 40), pen=pg.mkPen(None))
        self.mutual_label.setText(Charts.tr("Mutual win"), color=style.accent("up"))
        for line in self.lines:
            line.setPen(pg.mkPen(style.grid, width=1, style=Qt.PenStyle.DashLine))
        # pyqtgraph caches each drawn bubble by the identity of its pen and brush: reuse them across redraws.
        key = style.stage(BOARD_STAGES[0]).name()
        if key not in self._paints:
            self._paints[key] = (
                {s: pg.mkBrush(style.translucent(style.stage(s), 200)) for s in BOARD_STAGES},
                {s: pg.mkPen(style.stage(s).darker(130) if not style.dark else style.stage(s), width=1)
                 for s in BOARD_STAGES})
        brushes, pens = self._paints[key]
        points = data.points
        sizes = bubble_sizes([p.size for p in points], data.max_size)
        # Large bubbles first, so that small ones are drawn on top and stay clickable.
        order = sorted(range(len(points)), key=lambda n: -sizes[n])
        self.scatter.setData(
            x=[points[n].x for n in order], y=[points[n].y for n in order], size=[sizes[n] for n in order],
            brush=[brushes[points[n].stage] for n in order], pen=[pens[points[n].stage] for n in order],
            data=order)
        self.plot.setRange(xRange=(0.5, 5.5), yRange=(0.5, 5.5), padding=0)
        shown = [s for s in BOARD_STAGES if any(p.stage == s for p in points)]
        size_note = Charts.tr("size: money behind it") if data.size_by == SIZE_BY_MONEY else Charts.tr("size: effort")
        self.set_legend([("●", style.stage(s), Charts.tr(STAGE_NAMES[s.value])) for s in shown]
                        + [("", style.muted, size_note)], style)

    def hit_at(self, plot: int, x: float, y: float, area: str = "view") -> Hit | None:
        data = self.data
        if not isinstance(data, QuadrantData) or area != "view":
            return None
        spots = self.scatter.pointsAt(QPointF(x, y))
        if len(spots):
            point = data.points[spots[-1].data()]  # the last is drawn on top
            return Hit(point.text, point.ref)
        if x >= _EDGE and y >= _EDGE:
            return Hit(Charts.tr("Mutual win: customer value and our value both at least 3."), None)
        return None


def render_png(data: QuadrantData, width: int, height: int, dark: bool = False) -> bytes:
    """The idea quadrant as a PNG, off-screen (for the briefing PDF)."""
    return _render_png(QuadrantChart, data, width, height, dark)
