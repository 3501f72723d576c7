"""Figure 6, the portfolio: every account as a bubble, its alignment index across and its contribution in one
period up, sized by revenue and coloured by tier.

Top right is where the portfolio should be: customers whose goals we serve and who pay for it. Accounts without
an index or without a P&L in the period cannot be placed; the headline says how many, and the tooltip of the
headline which ones and why.

Up to `LABELLED_UP_TO` accounts carry their names beside their bubbles (a printed briefing cannot be hovered).
A name goes right of its bubble, else left, above or below, wherever it overlaps no name already placed and
stays inside the plot; the largest accounts are placed first, and a name that fits nowhere is left to the
tooltip. Names are placed again whenever the plot changes size or range.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF
from PySide6.QtWidgets import QWidget

from immersion.charts.axes import MoneyAxis
from immersion.charts.base import Chart, Charts, Hit
from immersion.charts.export import render_png as _render_png
from immersion.charts.style import ChartStyle
from immersion.domain.portfolio_figure import PortfolioData

SMALLEST, LARGEST = 8.0, 46.0  # bubble diameters in pixels
LABELLED_UP_TO = 40  # accounts; a larger portfolio names its bubbles on hover only
LABEL_GAP = 3  # pixels between a bubble and its name
# Where a name may go, in order of preference: (anchor of the text, direction away from the bubble's centre).
_SIDES = (((0.0, 0.5), (1, 0)), ((1.0, 0.5), (-1, 0)), ((0.5, 1.0), (0, -1)), ((0.5, 0.0), (0, 1)))
TIER_NAMES = {
    "strategic": QT_TRANSLATE_NOOP("Charts", "Strategic"),
    "key": QT_TRANSLATE_NOOP("Charts", "Key"),
    "growth": QT_TRANSLATE_NOOP("Charts", "Growth"),
    "maintain": QT_TRANSLATE_NOOP("Charts", "Maintain"),
}


class PortfolioChart(Chart):
    """Alignment index × contribution of every account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(Charts.tr("Portfolio"))
        self.plot = self.add_plot(left=MoneyAxis("left"))
        self.plot.setLabel("bottom", Charts.tr("Alignment index"))
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.zero = pg.InfiniteLine(0, angle=0, movable=False)
        self.scatter = pg.ScatterPlotItem(antialias=True)
        self.plot.addItem(self.zero)
        self.plot.addItem(self.scatter)
        self._order: list[int] = []
        self._sizes: list[float] = []
        self.labels: list[pg.TextItem] = []  # one per bubble, in drawing order; hidden where no place was found
        view = self.plot.getViewBox()
        view.sigResized.connect(self._place_labels)
        view.sigRangeChanged.connect(self._place_labels)
        # pyqtgraph caches each drawn bubble by the identity of its pen and brush: reusing them across redraws
        # spares drawing a thousand symbols again after every edit.
        self._paints: dict[tuple[str, str], tuple[object, object]] = {}

    def empty_text(self) -> str | None:
        data = self.data
        assert isinstance(data, PortfolioData)
        if data.is_empty:
            if data.period is None:
                return Charts.tr("No P&L in this workbook yet. Enter each account's revenue and costs by period, and "
                                 "every account appears here by alignment and contribution.")
            return Charts.tr("No account can be placed for %1: each needs an alignment index (open goals and some "
                             "effort) and a P&L for the period.").replace("%1", data.period.label)
        return None

    def draw(self, style: ChartStyle) -> None:
        data = self.data
        assert isinstance(data, PortfolioData)
        points = data.points
        largest = max((p.revenue for p in points), default=0.0)
        # Whole pixels: as sharp, and a few dozen distinct bubbles for pyqtgraph to cache instead of a thousand.
        sizes = [round(SMALLEST + (LARGEST - SMALLEST) * math.sqrt(max(p.revenue, 0.0) / largest)) if largest > 0
                 else SMALLEST for p in points]
        tiers = {p.tier for p in points}
        paints = {t: self._paint(t, style) for t in tiers}
        brushes = {t: paints[t][0] for t in tiers}
        pens = {t: paints[t][1] for t in tiers}
        # Large bubbles first, so that small ones are drawn on top and stay clickable.
        self._order = sorted(range(len(points)), key=lambda n: -sizes[n])
        order = self._order
        self.scatter.setData(x=[points[n].index for n in order], y=[points[n].contribution for n in order],
                             size=[sizes[n] for n in order], brush=[brushes[points[n].tier] for n in order],
                             pen=[pens[points[n].tier] for n in order], data=order)
        self._sizes = sizes
        self._set_labels([points[n].name for n in order] if len(points) <= LABELLED_UP_TO else [], style)
        self.zero.setPen(pg.mkPen(style.muted, width=1))
        currencies = sorted({p.account.currency for p in points})
        # Amounts are not converted between currencies (that is not the workbook's job): the axis says so.
        self.plot.setLabel("left", Charts.tr("Contribution (%1)").replace("%1", currencies[0]) if len(currencies) == 1
                           else Charts.tr("Contribution (each account's currency)"))
        ys = [p.contribution for p in points] + [0.0]
        low, high = min(ys), max(ys)
        pad = (high - low) * 0.1 or 1.0
        self.plot.setRange(xRange=(-3, 103), yRange=(low - pad, high + pad), padding=0)
        period = data.period.label if data.period else ""
        headline = Charts.tr("Contribution in %1, by alignment index").replace("%1", period)
        tip = ""
        if data.left_off:
            headline += " · " + Charts.tr("%n account(s) not shown", "", len(data.left_off))
            tip = "\n".join(f"{name}: {why}" for name, why in data.left_off[:30])
            if len(data.left_off) > 30:
                tip += "\n…"
        self.set_headline(headline, tip, bold=False)
        order_of_tiers = [t for t in TIER_NAMES if t in tiers] + sorted(tiers - set(TIER_NAMES))
        self.set_legend([("●", style.tier(t), Charts.tr(TIER_NAMES[t]) if t in TIER_NAMES else t)
                         for t in order_of_tiers]
                        + [("", style.muted, Charts.tr("bubble size: revenue"))], style)

    def _set_labels(self, names: list[str], style: ChartStyle) -> None:
        while len(self.labels) < len(names):
            label = pg.TextItem()
            self.plot.addItem(label)
            self.labels.append(label)
        for label, name in zip(self.labels, names, strict=False):
            label.setText(name, color=style.text)
        for label in self.labels[len(names):]:
            label.setText("")
            label.hide()
        self._place_labels()

    def _place_labels(self) -> None:
        """Put each name beside its bubble where it overlaps no other name and stays in the plot."""
        data = self.data
        view = self.plot.getViewBox()
        named = [label for label in self.labels if label.toPlainText()]
        if not isinstance(data, PortfolioData) or not named:
            return
        area = view.sceneBoundingRect()
        if area.width() < 2 or area.height() < 2:
            return  # not laid out yet: placed when the plot gets its size
        pixel_x, pixel_y = view.viewPixelSize()
        taken: list[QRectF] = []
        # self._order lists the bubbles largest first: the largest accounts get the first choice of place.
        for label, n in zip(named, self._order, strict=False):
            point = data.points[n]
            centre = view.mapViewToScene(QPointF(point.index, point.contribution))
            box = label.textItem.boundingRect()
            reach = self._sizes[n] / 2 + LABEL_GAP
            label.hide()
            for anchor, (dx, dy) in _SIDES:
                left = centre.x() + dx * reach - anchor[0] * box.width()
                top = centre.y() + dy * reach - anchor[1] * box.height()
                rect = QRectF(left, top, box.width(), box.height())
                if area.contains(rect) and not any(rect.intersects(other) for other in taken):
                    taken.append(rect)
                    label.setAnchor(anchor)
                    label.setPos(point.index + dx * reach * pixel_x, point.contribution - dy * reach * pixel_y)
                    label.show()
                    break

    def _paint(self, tier: str, style: ChartStyle) -> tuple[object, object]:
        """The brush and pen of a tier's bubbles in `style`, made once."""
        colour = style.tier(tier)
        key = (tier, colour.name())
        if key not in self._paints:
            self._paints[key] = (pg.mkBrush(style.translucent(colour, 150)), pg.mkPen(colour, width=1.2))
        return self._paints[key]

    def hit_at(self, plot: int, x: float, y: float, area: str = "view") -> Hit | None:
        data = self.data
        if not isinstance(data, PortfolioData) or area != "view":
            return None
        spots = self.scatter.pointsAt(QPointF(x, y))
        if not len(spots):
            return None
        point = data.points[spots[-1].data()]  # the last is drawn on top
        return Hit(point.text, point.ref)


def render_png(data: PortfolioData, width: int, height: int, dark: bool = False) -> bytes:
    """The portfolio chart as a PNG, off-screen (for the briefing PDF)."""
    return _render_png(PortfolioChart, data, width, height, dark)
