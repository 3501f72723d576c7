"""Figure 2, the category profile: for each of the five goal categories, the customer's emphasis beside our
effort (ideas below, money above), with the alignment index as the headline.

A sixth group, "No goal", shows effort that serves no customer goal when there is any: together the effort bars
add up to 100%, as the emphasis bars do, so a mismatch shows as bars of unequal height.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from immersion.charts.axes import CategoryAxis, PercentAxis
from immersion.charts.base import Chart, Charts, Hit
from immersion.charts.export import render_png as _render_png
from immersion.charts.style import ChartStyle
from immersion.domain.charts_data import ProfileData

BAR = 0.36  # width of one bar; a category's two bars and the air between them fill 0.8 of its slot
CATEGORY_NAMES = {
    "strategic": QT_TRANSLATE_NOOP("Charts", "Strategic"),
    "competitive": QT_TRANSLATE_NOOP("Charts", "Competitive"),
    "interpersonal": QT_TRANSLATE_NOOP("Charts", "Interpersonal"),
    "political": QT_TRANSLATE_NOOP("Charts", "Political"),
    "financial": QT_TRANSLATE_NOOP("Charts", "Financial"),
}


class ProfileChart(Chart):
    """Customer emphasis and our effort per goal category."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(Charts.tr("Category profile"))
        self.categories_axis = CategoryAxis("bottom", stagger=True)
        self.plot = self.add_plot(left=PercentAxis("left"), bottom=self.categories_axis)
        self.plot.showGrid(y=True, alpha=0.25)
        self.emphasis = pg.BarGraphItem(x=[], height=[], width=BAR)
        self.ideas = pg.BarGraphItem(x=[], height=[], width=BAR)
        self.money = pg.BarGraphItem(x=[], height=[], y0=[], width=BAR)
        for item in (self.emphasis, self.ideas, self.money):
            self.plot.addItem(item)

    def empty_text(self) -> str | None:
        data = self.data
        assert isinstance(data, ProfileData)
        if data.is_empty:
            return Charts.tr("Nothing to compare yet: the profile sets the customer's goals, by category, beside the "
                             "ideas and money we put behind them.")
        return None

    def draw(self, style: ChartStyle) -> None:
        data = self.data
        assert isinstance(data, ProfileData)
        xs = list(range(len(data.bars)))
        customer, ideas, money = style.accent("customer"), style.accent("ideas"), style.accent("money")
        self.emphasis.setOpts(x=[x - BAR / 2 - 0.02 for x in xs], height=[100 * b.emphasis for b in data.bars],
                              width=BAR, brush=customer, pen=pg.mkPen(None))
        effort_x = [x + BAR / 2 + 0.02 for x in xs]
        self.ideas.setOpts(x=effort_x, height=[100 * b.idea_effort for b in data.bars], width=BAR, brush=ideas,
                           pen=pg.mkPen(None))
        self.money.setOpts(x=effort_x, y0=[100 * b.idea_effort for b in data.bars],
                           height=[100 * b.money_effort for b in data.bars], width=BAR, brush=money,
                           pen=pg.mkPen(None))
        labels = [Charts.tr(CATEGORY_NAMES[b.category.value]) if b.category else Charts.tr("No goal")
                  for b in data.bars]
        self.categories_axis.set_labels(labels, {n: style.muted for n, b in enumerate(data.bars) if not b.category})
        top = max([b.emphasis for b in data.bars] + [b.effort for b in data.bars] + [0.25])
        self.plot.setRange(xRange=(-0.6, len(xs) - 0.4), yRange=(0, 100 * top * 1.08), padding=0)
        if data.index is None:
            headline = Charts.tr("Alignment index — (%1)").replace("%1", data.reason or "")
        else:
            headline = Charts.tr("Alignment index %1 of 100").replace("%1", data.index_text)
        self.set_headline(headline, data.explain)
        self.set_legend([("■", customer, Charts.tr("customer's emphasis")), ("■", ideas, Charts.tr("our ideas")),
                         ("■", money, Charts.tr("our money"))], style)

    def hit_at(self, plot: int, x: float, y: float, area: str = "view") -> Hit | None:
        data = self.data
        if not isinstance(data, ProfileData):
            return None
        slot = int(round(x))
        if not 0 <= slot < len(data.bars) or area == "left":
            return None
        bar = data.bars[slot]
        return Hit(bar.text, bar.ref)


def render_png(data: ProfileData, width: int, height: int, dark: bool = False) -> bytes:
    """The category profile as a PNG, off-screen (for the briefing PDF)."""
    return _render_png(ProfileChart, data, width, height, dark)
