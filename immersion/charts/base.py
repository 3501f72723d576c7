"""The frame every chart shares: plots, an empty state, a legend, hover tooltips, clicks and restyling.

A chart is a `Chart` subclass that draws one kind of figure data (`immersion.domain.charts_data`,
`figures`, `portfolio_figure`). It keeps its pyqtgraph items and updates them in place when new data arrives, so that a redraw
after an edit costs milliseconds. Marks are found by `hit_at(plot, x, y, area)`, in data coordinates, for the
mouse and for tests alike; what a mark is about is an `ItemRef`, emitted by `activated` on a click.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QCursor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QStackedWidget, QToolTip, QVBoxLayout, QWidget

from immersion.charts.style import ChartStyle
from immersion.domain.charts_data import ItemRef
from immersion.texts import TextContext

Charts = TextContext("Charts")  # texts written Charts.tr("…"), as pyside6-lupdate reads them


@dataclass(frozen=True)
class Hit:
    """A mark under the mouse: what it says and what it opens."""

    text: str
    ref: ItemRef | None


class Chart(QWidget):
    """A figure of the workbook: one or more pyqtgraph plots, a headline, a legend and an empty state.

    Signals:
        activated(ItemRef): the user clicked a mark that opens an item.
    """

    activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: object | None = None
        self.fixed_style: ChartStyle | None = None  # off-screen charts keep theirs; on screen it follows the palette
        self.can_open = lambda ref: True  # the page says which items have a page to open them on
        self.plots: list[pg.PlotItem] = []
        self.view = pg.GraphicsLayoutWidget()
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.ci.layout.setContentsMargins(4, 6, 10, 4)
        self.view.setMouseTracking(True)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.headline = QLabel(self)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setVisible(False)
        self.empty = QLabel(self)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # follows the palette, light or dark
        self.empty.setContentsMargins(24, 12, 24, 12)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.legend = QLabel(self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.headline)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        self.view.scene().sigMouseMoved.connect(self._hover)
        self.view.scene().sigMouseClicked.connect(self._click)
        self.last_hit: Hit | None = None

    # -- building (subclasses) -----------------------------------------------------------------------------------

    def add_plot(self, row: int = 0, col: int = 0, **axes: pg.AxisItem) -> pg.PlotItem:
        """A plot at (row, col) with the given axes, fixed in place: charts are read, not panned."""
        plot = self.view.addPlot(row=row, col=col, axisItems=axes or None)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.vb.setMenuEnabled(False)
        plot.vb.setZValue(1)  # bars and bubbles over the grid lines, which the axes draw across the view
        self.plots.append(plot)
        return plot

    def draw(self, style: ChartStyle) -> None:
        """Draw `self.data` (not None and not empty) with `style`; every subclass implements it."""
        raise NotImplementedError

    def empty_text(self) -> str | None:
        """The helpful sentence shown instead of a blank plot, or None when there is something to draw."""
        raise NotImplementedError

    def hit_at(self, plot: int, x: float, y: float, area: str = "view") -> Hit | None:
        """The mark at (x, y) in data coordinates of plot `plot`; `area` is "view" or the axis ("left" …)."""
        return None

    # -- showing -------------------------------------------------------------------------------------------------

    def set_data(self, data: object) -> None:
        """Show `data` (figure data of this chart's kind), updating the plot's items in place."""
        self.data = data
        self.redraw()

    def chart_style(self) -> ChartStyle:
        return self.fixed_style or ChartStyle.from_palette(self.palette())

    def redraw(self) -> None:
        """Draw the current data again (after new data, or when the palette changed)."""
        if self.data is None:
            return
        style = self.chart_style()
        self._apply_frame(style)
        message = self.empty_text()
        if message:
            self.empty.setText(message)
            self.stack.setCurrentWidget(self.empty)
            self.legend.setVisible(False)
            return
        self.stack.setCurrentWidget(self.view)
        self.draw(style)

    def _apply_frame(self, style: ChartStyle) -> None:
        self.view.setBackground(style.background)
        for plot in self.plots:
            for name in ("left", "bottom", "right", "top"):
                axis = plot.getAxis(name)
                axis.setPen(style.grid)
                axis.setTextPen(style.text)
                axis.setTickPen(style.grid)
                if axis.label is not None:
                    axis.label.setDefaultTextColor(style.text)
            if plot.titleLabel is not None and plot.titleLabel.text:
                plot.setTitle(plot.titleLabel.text, color=style.text)

    def set_legend(self, entries: list[tuple[str, object, str]], style: ChartStyle) -> None:
        """A legend line under the plot: (symbol, colour, text) per entry; symbols are characters ("■", "●")."""
        parts = []
        for symbol, colour, text in entries:
            name = colour.name() if hasattr(colour, "name") else str(colour)
            parts.append(f'<span style="color:{name}">{symbol}</span>&nbsp;{_escape(text)}')
        self.legend.setText("&nbsp;&nbsp;&nbsp; ".join(parts))
        self.legend.setVisible(bool(parts))

    def set_headline(self, text: str, tooltip: str = "", bold: bool = True) -> None:
        font = QFont(self.font())
        font.setBold(bold)
        self.headline.setFont(font)
        self.headline.setText(text)
        self.headline.setToolTip(tooltip)
        self.headline.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.fixed_style is None:
            self.redraw()

    # -- the mouse -----------------------------------------------------------------------------------------------

    def hit_scene(self, pos: QPointF) -> Hit | None:
        """The mark under scene position `pos`, over a plot's data area or one of its axes."""
        for number, plot in enumerate(self.plots):
            vb = plot.vb
            if vb.sceneBoundingRect().contains(pos):
                point = vb.mapSceneToView(pos)
                return self.hit_at(number, point.x(), point.y(), "view")
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                if axis.isVisible() and axis.sceneBoundingRect().contains(pos):
                    point = vb.mapSceneToView(pos)
                    return self.hit_at(number, point.x(), point.y(), name)
        return None

    def describe(self, hit: Hit | None) -> str:
        """The tooltip of a hit: its sentence and, when it opens something, how."""
        if hit is None:
            return ""
        if hit.ref is not None and self.can_open(hit.ref):
            return hit.text + "\n\n" + Charts.tr("Click to open it.")
        return hit.text

    def _hover(self, pos: QPointF) -> None:
        hit = self.hit_scene(pos)
        self.last_hit = hit
        text = self.describe(hit)
        if text != self.view.toolTip():
            self.view.setToolTip(text)
            # A tooltip already showing follows the mouse to the next mark at once, not after the usual delay.
            if text and QToolTip.isVisible():
                QToolTip.showText(QCursor.pos(), text, self.view)
            elif not text:
                QToolTip.hideText()
        opens = hit is not None and hit.ref is not None and self.can_open(hit.ref)
        self.view.viewport().setCursor(Qt.CursorShape.PointingHandCursor if opens else Qt.CursorShape.ArrowCursor)

    def _click(self, event: object) -> None:
        if event.button() != Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            return
        self.open_at_scene(event.scenePos())  # type: ignore[attr-defined]

    def open_at_scene(self, pos: QPointF) -> ItemRef | None:
        """Open what lies at scene position `pos` (emits `activated`); returns it."""
        hit = self.hit_scene(pos)
        if hit is None or hit.ref is None or not self.can_open(hit.ref):
            return None
        self.activated.emit(hit.ref)
        return hit.ref

    def view_point(self, plot: int, x: float, y: float) -> QPointF:
        """Where data point (x, y) of plot `plot` lies in the view's viewport (for tests and keyboard users)."""
        scene = self.plots[plot].vb.mapViewToScene(QPointF(x, y))
        return QPointF(self.view.mapFromScene(scene))

    # -- the context menu ----------------------------------------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        from immersion.charts import export

        menu = QMenu(self)
        menu.addAction(Charts.tr("Save as PNG…"), lambda: export.save_as(self, "png"))
        menu.addAction(Charts.tr("Save as SVG…"), lambda: export.save_as(self, "svg"))
        menu.exec(event.globalPos())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
