"""Saving a chart as a picture: PNG through a widget grab, SVG through `QSvgGenerator` (pyqtgraph 0.14's own
`SVGExporter` fails with this Qt; DESIGN.md, "Facts about the stack"), and off-screen rendering of any figure
for the briefing PDF.

Off-screen rendering builds widgets, so it must run on the GUI thread; it needs no page and no window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from immersion.charts.base import Chart, Charts
from immersion.charts.style import style_for

FILTERS = {"png": "PNG image (*.png)", "svg": "SVG drawing (*.svg)"}


def ask_save_path(parent: QWidget | None, title: str, suggested: str, kind: str) -> str | None:
    """Ask where to save a picture; None when the user cancels. Tests patch this function."""
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, Charts.tr(FILTERS[kind]))
    return path or None


def image(chart: QWidget, size: QSize | None = None) -> QImage:
    """The chart as an image, at its current size or at `size` (device-independent pixels)."""
    if size is not None and size != chart.size():
        chart.resize(size)
    _settle(chart)
    return chart.grab().toImage()


def png_bytes(img: QImage) -> bytes:
    """`img` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def save_png(chart: QWidget, path: Path | str) -> bool:
    """Save the chart as a PNG at twice its size on screen, sharp enough to print."""
    _settle(chart)
    ratio = 2.0
    img = QImage(chart.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    img.setDevicePixelRatio(ratio)
    img.fill(chart.palette().color(chart.backgroundRole()))
    painter = QPainter(img)
    try:
        chart.render(painter, QPoint())
    finally:
        painter.end()
    return img.save(str(path), "PNG")


def save_svg(chart: QWidget, path: Path | str, title: str = "") -> bool:
    """Save the chart as an SVG drawing: lines and text stay vectors (a heat map stays an image)."""
    from PySide6.QtSvg import QSvgGenerator  # only when saving: QtSvg is not needed to show anything

    _settle(chart)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(chart.size())
    generator.setViewBox(QRect(0, 0, chart.width(), chart.height()))
    generator.setTitle(title or chart.accessibleName())
    generator.setDescription(Charts.tr("Made with Immersion"))
    painter = QPainter()
    if not painter.begin(generator):
        return False
    try:
        chart.render(painter, QPoint())
    finally:
        ended = painter.end()
    return ended


def save_as(chart: QWidget, kind: str, suggested: str = "") -> str | None:
    """Ask for a file and save the chart there as `kind` ("png" or "svg"); returns the path, None if not saved."""
    name = suggested or (chart.accessibleName() or Charts.tr("Chart")).replace("/", "-")
    path = ask_save_path(chart, Charts.tr("Save chart as %1").replace("%1", kind.upper()), f"{name}.{kind}", kind)
    if not path:
        return None
    if not path.lower().endswith(f".{kind}"):
        path += f".{kind}"
    saved = save_png(chart, path) if kind == "png" else save_svg(chart, path)
    return path if saved else None


def render(chart_class: type[Chart], data: object, width: int, height: int, dark: bool = False) -> QImage:
    """Draw `data` with a fresh chart of `chart_class`, off-screen, at `width` × `height` pixels.

    The chart keeps the light or dark style whatever the app's palette, so the briefing looks the same on every
    machine. Needs a QApplication, and must run on its thread.
    """
    if QApplication.instance() is None:
        raise RuntimeError("Rendering a chart needs a QApplication.")
    style = style_for(dark)
    chart = chart_class()
    try:
        chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        chart.fixed_style = style
        chart.setPalette(style.palette())
        chart.setAutoFillBackground(True)
        chart.setBackgroundRole(QPalette.ColorRole.Base)
        chart.resize(width, height)
        chart.set_data(data)
        return image(chart)
    finally:
        chart.deleteLater()
        QCoreApplication.sendPostedEvents(chart, QEvent.Type.DeferredDelete.value)


def render_png(chart_class: type[Chart], data: object, width: int, height: int, dark: bool = False) -> bytes:
    """`render` encoded as PNG."""
    return png_bytes(render(chart_class, data, width, height, dark))


def _settle(chart: QWidget) -> None:
    """Lay the chart out before it is painted, also when it has never been shown."""
    layout = chart.layout()
    if layout is not None:
        layout.activate()
    for child in chart.findChildren(QWidget):
        if child.layout() is not None:
            child.layout().activate()
