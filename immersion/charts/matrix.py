"""Figure 1, the alignment matrix: the account's goals (rows, in agenda order) against the ideas and the money
that serve them (columns), each cell coloured by the part of our effort it carries.

Ideas and investments are two heat maps side by side, blue and purple, on one colour scale, so that a cell's
depth means the same in both. A top-three goal with nothing behind it is a band in the gap colour with its
label in that colour too; the "No goal" row at the bottom is effort that serves no goal.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from immersion.charts.axes import CategoryAxis
from immersion.charts.base import Chart, Charts, Hit
from immersion.charts.export import render_png as _render_png
from immersion.charts.style import ChartStyle
from immersion.domain.charts_data import MatrixData

ROW_PIXELS = 22  # a row as tall as a line of text and a little air
LABEL_WIDTH = 240
COLUMN_LABELS = 150
GRID_LIMIT = 4_000  # cells up to which thin lines separate them; beyond, lines would only grey the picture


def _lut(low: QColor, high: QColor) -> np.ndarray:
    """256 colours from `low` (no effort) to `high` (the largest cell); any effort at all starts a quarter of the
    way, so that small contributions stay visible beside large ones."""
    t = np.concatenate(([0.0], 0.25 + 0.75 * np.linspace(0.0, 1.0, 255) ** 0.8))
    a = np.array(low.getRgb(), dtype=float)
    b = np.array(high.getRgb(), dtype=float)
    return np.round(a + (b - a) * t[:, None]).astype(np.ubyte)


class MatrixChart(Chart):
    """Goals × ideas and investments, coloured by their part of our effort."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(Charts.tr("Alignment matrix"))
        self.rows_axis = CategoryAxis("left", extent=LABEL_WIDTH)
        self.columns_axis = CategoryAxis("bottom", upright=True, extent=COLUMN_LABELS)
        self.plot = self.add_plot(left=self.rows_axis, bottom=self.columns_axis)
        self.plot.vb.invertY(True)  # the top of the agenda at the top
        self.idea_image = pg.ImageItem(axisOrder="row-major")
        self.money_image = pg.ImageItem(axisOrder="row-major")
        self.gap_bands = pg.BarGraphItem(x0=[], y=[], width=[], height=[])
        self.grid = pg.PlotCurveItem(connect="pairs")
        self.divider = pg.InfiniteLine(angle=90, movable=False)
        for item in (self.idea_image, self.money_image, self.gap_bands, self.grid, self.divider):
            self.plot.addItem(item)

    def empty_text(self) -> str | None:
        data = self.data
        assert isinstance(data, MatrixData)
        if data.is_empty:
            return Charts.tr("No goals yet. The matrix sets the customer's goals against the ideas and money that "
                             "serve them: put the goals on the boardroom agenda first.")
        if not data.columns:
            return Charts.tr("No ideas or money yet. Capture ideas and link them to goals, or commit investments to "
                             "them, and the matrix shows where our effort goes.")
        return None

    def preferred_height(self) -> int:
        """A height that gives each row a line, within reason (large agendas skip labels instead)."""
        rows = len(self.data.rows) if isinstance(self.data, MatrixData) else 6
        return max(280, min(640, COLUMN_LABELS + 40 + rows * ROW_PIXELS))

    def draw(self, style: ChartStyle) -> None:
        data = self.data
        assert isinstance(data, MatrixData)
        n_rows, n_cols, split = len(data.rows), len(data.columns), data.idea_columns
        values = np.zeros((n_rows, n_cols))
        if data.cells:
            keys = np.fromiter((k for key in data.cells for k in key), dtype=np.intp, count=2 * len(data.cells))
            values[keys[0::2], keys[1::2]] = [c.value for c in data.cells.values()]
        levels = (0.0, data.max_value or 1.0)
        for image, part, first, accent in ((self.idea_image, values[:, :split], 0, "ideas"),
                                           (self.money_image, values[:, split:], split, "money")):
            image.setVisible(part.shape[1] > 0)
            if part.shape[1]:
                image.setImage(part, levels=levels, lut=_lut(style.background, style.accent(accent)),
                               autoLevels=False)
                image.setRect(QRectF(first - 0.5, -0.5, part.shape[1], n_rows))
        gaps = [n for n, row in enumerate(data.rows) if row.is_gap]
        self.gap_bands.setOpts(x0=[-0.5] * len(gaps), y=gaps, width=[n_cols] * len(gaps), height=[1.0] * len(gaps),
                               brush=style.translucent(style.accent("gap"), 70), pen=pg.mkPen(None))
        self._draw_grid(n_rows, n_cols, style)
        self.divider.setVisible(0 < split < n_cols)
        self.divider.setPos(split - 0.5)
        self.divider.setPen(pg.mkPen(style.muted, width=1.5))
        gap_colour, muted, money = style.accent("gap"), style.muted, style.accent("money")
        row_colours = {n: gap_colour for n in gaps}
        if data.rows and data.rows[-1].ref is None:
            row_colours[n_rows - 1] = muted
        labels = [row.label if row.ref is not None else Charts.tr("No goal (unlinked)") for row in data.rows]
        self.rows_axis.set_labels(labels, row_colours)
        self.columns_axis.set_labels([c.title for c in data.columns], {n: money for n in range(split, n_cols)})
        self.plot.setRange(xRange=(-0.5, n_cols - 0.5), yRange=(-0.5, n_rows - 0.5), padding=0)
        self.set_legend([
            ("■", style.accent("ideas"), Charts.tr("idea effort")),
            ("■", style.accent("money"), Charts.tr("money")),
            ("■", gap_colour, Charts.tr("top-three goal with no idea and no money")),
            ("", style.muted, Charts.tr("deeper: a larger part of our effort")),
        ], style)

    def _draw_grid(self, n_rows: int, n_cols: int, style: ChartStyle) -> None:
        if n_rows * n_cols > GRID_LIMIT:
            self.grid.setData([], [])
            return
        # Lines in the background colour: the cells look like tiles without a frame that competes with them.
        xs = [[c - 0.5, c - 0.5] for c in range(1, n_cols)] + [[-0.5, n_cols - 0.5] for _ in range(1, n_rows)]
        ys = [[-0.5, n_rows - 0.5] for _ in range(1, n_cols)] + [[r - 0.5, r - 0.5] for r in range(1, n_rows)]
        self.grid.setData(np.array(xs, dtype=float).ravel(), np.array(ys, dtype=float).ravel(),
                          pen=pg.mkPen(style.background, width=1))

    def hit_at(self, plot: int, x: float, y: float, area: str = "view") -> Hit | None:
        data = self.data
        if not isinstance(data, MatrixData):
            return None
        row, col = int(round(y)), int(round(x))
        row_ok, col_ok = 0 <= row < len(data.rows), 0 <= col < len(data.columns)
        if area == "left" and row_ok:
            return Hit(data.row_text(row), data.rows[row].ref)
        if area == "bottom" and col_ok:
            return Hit(data.column_text(col), data.columns[col].ref)
        if area == "view" and row_ok and col_ok:
            return Hit(data.cell_text(row, col), data.cell_ref(row, col))
        return None


def render_png(data: MatrixData, width: int, height: int, dark: bool = False) -> bytes:
    """The matrix as a PNG, off-screen (for the briefing PDF)."""
    return _render_png(MatrixChart, data, width, height, dark)
