"""An axis of named categories (goals, ideas, periods) that never lets its labels overlap.

pyqtgraph's `AxisItem` always draws its top tick level, so 200 goal titles on a 400-pixel axis would be drawn
on top of each other. `CategoryAxis` shows every n-th label, n chosen from the space there is, elides long
labels to the axis' size, can colour single labels (gap rows) and, for a bottom axis, can write its labels
upwards so that long idea titles fit under narrow columns.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter


class CategoryAxis(pg.AxisItem):
    """An axis whose ticks are the integers 0…n−1, each labelled with a category name.

    Args:
        orientation: "left", "bottom", "right" or "top".
        upright: For a bottom axis: write the labels upwards (rotated by 90°).
        extent: The axis' width (left/right) or height (bottom/top) in pixels; labels are elided to fit it.
        wrap: For a flat bottom axis: break labels of several words onto two lines, so more of them fit.
        stagger: For a flat bottom axis: when the labels do not fit side by side, drop every other one half a
            line lower instead of leaving it out.
    """

    def __init__(self, orientation: str, upright: bool = False, extent: int = 0, wrap: bool = False,
                 stagger: bool = False) -> None:
        super().__init__(orientation)
        flat = orientation in ("bottom", "top") and not upright
        self.wrap = wrap and flat
        self.stagger = stagger and flat and not wrap
        self._staggered = False
        if orientation in ("bottom", "top"):
            self.setStyle(hideOverlappingLabels=False)  # let a label at either end reach past the axis a little
        if self.wrap or self.stagger:  # room for two lines from the start: pyqtgraph drops them on a first paint
            self.setHeight(round(2 * self._metrics().height() + max(0, self.style["tickLength"]) + 12))
        self.labels: list[str] = []
        self.colours: dict[int, QColor] = {}
        self._text_colours: dict[str, QColor] = {}  # label as drawn -> its colour, filled as labels are made
        self.upright = upright and orientation in ("bottom", "top")
        self.extent = extent
        self._vertical = orientation in ("left", "right")
        if extent:
            if self._vertical:
                self.setWidth(extent)
            else:
                self.setHeight(extent)

    def set_labels(self, labels: Sequence[str], colours: dict[int, QColor] | None = None) -> None:
        """Name the ticks 0…len(labels)−1; `colours` draws some labels in their own colour."""
        self.labels = list(labels)
        self.colours = dict(colours or {})
        self._text_colours = {}
        self.picture = None  # pyqtgraph's cached drawing of the axis
        self.update()

    def _metrics(self) -> QFontMetricsF:
        font = self.style["tickFont"] or self.font()
        return QFontMetricsF(font)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        """Every label that fits: labels one line tall apart (or as wide as the widest, for flat labels)."""
        if not self.labels:
            return []
        minVal, maxVal = min(minVal, maxVal), max(minVal, maxVal)  # an inverted view hands them reversed
        low, high = max(0, math.ceil(minVal - 0.5)), min(len(self.labels) - 1, math.floor(maxVal + 0.5))
        if high < low:
            return []
        metrics = self._metrics()
        if self._vertical or self.upright:
            needed = metrics.height() * 1.1
        else:
            needed = max(max(metrics.horizontalAdvance(line) for line in self._elided(t).split("\n"))
                         for t in self.labels[low:high + 1]) + 6
        span = max(maxVal - minVal, 1e-9)
        per_label = size / span  # pixels per category
        step = max(1, math.ceil(needed / max(per_label, 1e-9)))
        self._staggered = self.stagger and step == 2  # two rows of labels fit where one does not
        if self._staggered:
            step = 1
        return [(float(step), [float(v) for v in range(low, high + 1) if v % step == 0])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self._label(int(round(v))) for v in values]

    def _label(self, index: int) -> str:
        if not 0 <= index < len(self.labels):
            return ""
        text = self._elided(self.labels[index])
        if index in self.colours:
            self._text_colours[text] = self.colours[index]
        return "\n" + text if self._staggered and index % 2 else text

    def _elided(self, text: str) -> str:
        room = (self.extent or 200) - 16
        if self.wrap and " " in text:
            # Break at the space nearest the middle: two short lines instead of one long one.
            middle = len(text) / 2
            cut = min((n for n, ch in enumerate(text) if ch == " "), key=lambda n: abs(n - middle))
            return "\n".join(self._metrics().elidedText(part, Qt.TextElideMode.ElideRight, room)
                             for part in (text[:cut], text[cut + 1:]))
        return self._metrics().elidedText(text, Qt.TextElideMode.ElideRight, room)

    def generateDrawSpecs(self, p: QPainter):  # noqa: ANN201 - pyqtgraph's own tuple of specs
        specs = super().generateDrawSpecs(p)
        if specs is None or not self.upright:
            return specs
        axis_spec, tick_specs, _texts = specs
        # Upright labels: one per tick, anchored at the tick's x; drawn rotated by `drawPicture`.
        bounds = self.mapRectFromParent(self.geometry())
        low, high = self.range
        scale = bounds.width() / (high - low) if high != low else 1.0
        texts = []
        for _pen, start, _end in tick_specs:
            value = round(low + start.x() / scale) if scale else 0
            if 0 <= value < len(self.labels):
                texts.append((QRectF(start.x(), 0, 0, 0), 0, self._label(value)))
        return axis_spec, tick_specs, texts

    def drawPicture(self, p: QPainter, axisSpec, tickSpecs, textSpecs) -> None:  # noqa: ANN001, N803
        if not self.upright and not self.colours:
            super().drawPicture(p, axisSpec, tickSpecs, textSpecs)
            return
        super().drawPicture(p, axisSpec, tickSpecs, [])
        if self.style["tickFont"] is not None:
            p.setFont(self.style["tickFont"])
        height = self._metrics().height()
        offset = max(0, self.style["tickLength"]) + self.style["tickTextOffset"][1]
        for rect, flags, text in textSpecs:
            colour = self._text_colours.get(text.lstrip("\n"))
            p.setPen(colour if colour is not None else self.textPen())
            if not self.upright:
                p.drawText(rect, int(flags), text)
                continue
            p.save()
            p.translate(QPointF(rect.x() + height / 2, offset))
            p.rotate(-90)  # reads bottom to top; the label ends at the axis
            p.drawText(QRectF(-(self.extent - offset), -height, self.extent - offset, height),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
            p.restore()


def compact_money(value: float) -> str:
    """An amount short enough for an axis: "1.2M", "350k", "−40k", "0"."""
    sign = "−" if value < 0 else ""
    size = abs(value)
    if size >= 1e6:
        text = f"{size / 1e6:.1f}".rstrip("0").rstrip(".") + "M"
    elif size >= 1e3:
        text = f"{size / 1e3:.0f}k"
    else:
        text = f"{size:.0f}"
    return sign + text if text != "0" else "0"


class MoneyAxis(pg.AxisItem):
    """A value axis of amounts, labelled compactly ("1.2M") with no SI prefix on the axis title."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [compact_money(v * scale) for v in values]


class PercentAxis(pg.AxisItem):
    """A value axis of percentages: the data are in percent already, the labels say so ("40%")."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [f"{v * scale:.0f}%" for v in values]
