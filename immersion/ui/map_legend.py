"""The relationship map's legend: what the colours, rings, lines and chips mean, wrapped to the width it has.

`paint_legend` draws it with any painter, so that the strip above the map (`MapLegend`) and the legend below
an exported image of the map (`RelationshipMap.render_image`) are the same drawing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPolygonF, QResizeEvent
from PySide6.QtWidgets import QWidget

from immersion.texts import TextContext
from immersion.ui.map_items import MapStyle
from immersion.ui.stakeholder_model import STANCES

# The legend's texts keep the map's translation context, written RelationshipMap.tr("…"), as pyside6-lupdate
# reads them.
RelationshipMap = TextContext("RelationshipMap")


def _legend_entries() -> list[tuple[str, str]]:
    entries = [(f"stance:{value}", QCoreApplication.translate("Choices", label)) for value, label in STANCES]
    return entries + [("reports", RelationshipMap.tr("reports to")), ("influence", RelationshipMap.tr("influences")),
                      ("ring", RelationshipMap.tr("influence 1–5")), ("chip", RelationshipMap.tr("our coverage"))]


def _legend_layout(style: MapStyle, width: float) -> tuple[list[tuple[QPointF, str, str]], float]:
    metrics, line = style.title_metrics, style.title_metrics.height() + 8
    x = y = 0.0
    placed = []
    for kind, label in _legend_entries():
        size = 30 + metrics.horizontalAdvance(label) + 12  # symbol, label, gap
        if x and x + size > width:
            x, y = 0.0, y + line
        placed.append((QPointF(x, y + line / 2), kind, label))
        x += size
    return placed, y + line


def legend_height(style: MapStyle, width: float) -> float:
    """The height the legend needs in `width` (it wraps), with a margin below."""
    return _legend_layout(style, width)[1] + 16


def paint_legend(painter: QPainter, rect: QRectF, style: MapStyle) -> None:
    """What the colours, rings, lines and chips mean, wrapped to `rect`'s width."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(rect.topLeft())
    painter.setFont(style.title_font)
    for at, kind, label in _legend_layout(style, rect.width())[0]:
        x, y = at.x(), at.y()
        if kind.startswith("stance:"):
            stance = kind.split(":", 1)[1]
            painter.setPen(style.border[stance])
            painter.setBrush(style.fill[stance])
            painter.drawRoundedRect(QRectF(x, y - 7, 22, 14), 4, 4)
            painter.setPen(style.ring[stance])
            painter.drawLine(QPointF(x + 4, y), QPointF(x + 18, y))
        elif kind == "reports":
            painter.setPen(style.reporting)
            painter.drawPolyline(QPolygonF([QPointF(x, y - 6), QPointF(x, y), QPointF(x + 22, y),
                                            QPointF(x + 22, y + 6)]))
        elif kind == "influence":
            painter.setPen(style.influence_pens[2])
            painter.drawLine(QPointF(x, y), QPointF(x + 15, y))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(style.influence)
            painter.drawPolygon(QPolygonF([QPointF(x + 24, y), QPointF(x + 14, y - 5),
                                           QPointF(x + 14, y + 5)]))
        elif kind == "ring":
            painter.setPen(style.ring["neutral"])
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawArc(QRectF(x + 3, y - 8, 16, 16), 90 * 16, -216 * 16)
            painter.setPen(style.ring_off)
            painter.drawArc(QRectF(x + 3, y - 8, 16, 16), -126 * 16, -144 * 16)
        else:
            painter.setPen(style.cover_pen("legend", 4))
            painter.drawLine(QPointF(x, y), QPointF(x + 10, y))
            painter.setBrush(style.chip_colours("legend")[0])
            painter.drawEllipse(QRectF(x + 10, y - 7, 14, 14))
        painter.setPen(style.text)
        painter.drawText(QPointF(x + 30, y + style.title_metrics.ascent() / 2 - 1), label)
    painter.restore()


class MapLegend(QWidget):
    """The map's legend above it, painted by the same code that adds it to the PNG."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._style = MapStyle(self.palette(), self.font())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._style = MapStyle(self.palette(), self.font())
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        height = round(legend_height(self._style, event.size().width())) - 8
        if height != self.height():
            self.setFixedHeight(height)  # the legend wraps on narrow windows
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        paint_legend(painter, self.rect().toRectF().adjusted(2, 0, 0, 0), self._style)
        painter.end()
