"""The briefing's charts as pictures: the category profile and the P&L, drawn by `immersion.charts` off-screen.

Each chart is laid out at 1.2× its size on the page (so its lettering prints a little smaller than the body
text, as captions do) and drawn at twice that in pixels: about 230 pixels to the inch on paper, crisp in print.
The pictures reach the document as resources under the internal `briefing:` URL scheme, never as files.

Drawing builds widgets, so `render_charts` must run on the GUI thread with a QApplication; the resulting
QImages may then be handed to a worker that prints the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from immersion.report.model import Briefing
from immersion.report.page import geometry

SCHEME = "briefing"
ZOOM = 1.2  # chart layout size ÷ size on the page
RATIO = 2.0  # pixels per layout pixel
HEIGHTS = {"profile": 0.34, "pnl": 0.34}  # height as a share of the text width


@dataclass(frozen=True)
class ChartImage:
    """A rendered chart and where it goes.

    Attributes:
        name: "profile" or "pnl".
        image: The picture, `RATIO × ZOOM` times its size on the page.
        width: Its width on the page, in px (96 to the inch).
        height: Its height on the page, in px.
    """

    name: str
    image: QImage
    width: int
    height: int

    @property
    def url(self) -> str:
        return f"{SCHEME}:chart/{self.name}"


def _figure(briefing: Briefing, name: str) -> object | None:
    if name == "profile" and briefing.standing is not None:
        return briefing.standing.profile
    if name == "pnl" and briefing.finance is not None:
        return briefing.finance.pnl
    return None


def draw(figure: object, width: int, height: int, ratio: float = RATIO) -> QImage:
    """`figure` (any figure data `immersion.charts` draws) as a picture of `width` × `height` layout pixels at
    `ratio` pixels each, in the charts' light print style."""
    from immersion.charts.render import chart_class
    from immersion.charts.style import style_for

    if QApplication.instance() is None:
        raise RuntimeError("Drawing a chart needs a QApplication.")
    style = style_for(False)
    chart = chart_class(figure)()
    try:
        chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        chart.fixed_style = style
        palette = style.palette()  # paper white behind the headline and legend too, not the window grey
        palette.setColor(QPalette.ColorRole.Window, style.background)
        chart.setPalette(palette)
        chart.setAutoFillBackground(True)
        chart.setBackgroundRole(QPalette.ColorRole.Base)
        chart.resize(width, height)
        chart.set_data(figure)
        for widget in [chart, *chart.findChildren(QWidget)]:  # lay out a chart that was never shown
            if widget.layout() is not None:
                widget.layout().activate()
        image = QImage(QSize(width, height) * ratio, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(style.background)
        painter = QPainter(image)
        try:
            chart.render(painter, QPoint())
        finally:
            painter.end()
        image.setDevicePixelRatio(1.0)  # the document places it by the width and height in the HTML
        return image
    finally:
        chart.deleteLater()
        QCoreApplication.sendPostedEvents(chart, QEvent.Type.DeferredDelete.value)


def render_charts(briefing: Briefing) -> dict[str, ChartImage]:
    """The charts `briefing.chart_names` asks for, sized for its paper; GUI thread only."""
    page = geometry(briefing.options.paper)
    width = int(page.content_width)
    found = {}
    for name in briefing.chart_names:
        figure = _figure(briefing, name)
        if figure is None:
            continue
        height = int(width * HEIGHTS[name])
        image = draw(figure, round(width * ZOOM), round(height * ZOOM))
        found[name] = ChartImage(name, image, width, height)
    return found
