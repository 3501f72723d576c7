"""A small painted chart of contribution per period: one bar per period around a zero line.

The geometry is computed in plain Python (`bar_layout`), the widget only paints it (moneyguru's habit), so the
same layout could be printed. Positive contributions are green, negative ones red; hovering a bar says its
period and amount. No plotting library: a dozen bars do not need pyqtgraph on the P&L page's first show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from immersion.ui import formatting, theme

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

POSITIVE, NEGATIVE = "#2b9a5a", "#c0392b"


@dataclass(frozen=True)
class Bar:
    """One bar: its rectangle, value and label."""

    rect: QRectF
    value: float
    label: str


def bar_layout(points: Sequence[tuple[str, float]], area: QRectF, gap: float = 0.3) -> tuple[list[Bar], float]:
    """Bars for `points` (label, value) filling `area`, around a zero line that includes 0 in the range.

    Args:
        gap: the share of each slot left empty between bars.

    Returns:
        The bars and the y of the zero line.
    """
    if not points or area.width() <= 0 or area.height() <= 0:
        return [], area.bottom()
    high = max(0.0, *(value for _label, value in points))
    low = min(0.0, *(value for _label, value in points))
    span = (high - low) or 1.0
    zero = area.top() + area.height() * high / span
    slot = area.width() / len(points)
    width = max(1.0, slot * (1 - gap))
    bars = []
    for number, (text, value) in enumerate(points):
        left = area.left() + number * slot + (slot - width) / 2
        height = area.height() * abs(value) / span
        top = zero - height if value >= 0 else zero
        bars.append(Bar(QRectF(left, top, width, max(height, 1.0)), value, text))
    return bars, zero


class TrendChart(QWidget):
    """Contribution per period as bars, named under them (only the first and last when they are many)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[tuple[str, float]] = []
        self._currency = ""
        self._bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(self.fontMetrics().height() * 6)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Contribution per period"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, self.fontMetrics().height() * 7)

    def set_points(self, points: Sequence[tuple[str, float]], currency: str) -> None:
        """Show `points` (period label, contribution), oldest first."""
        self._points, self._currency = list(points), currency
        described = "; ".join(f"{label} {formatting.money_text(value, currency)}" for label, value in points)
        self.setAccessibleDescription(described)
        self.update()

    def _area(self) -> QRectF:
        metrics = self.fontMetrics()
        left = max(metrics.horizontalAdvance(self._axis_text(value)) for value in self._range()) + 10
        return QRectF(self.rect()).adjusted(left, metrics.height() / 2 + 2, -6, -metrics.height() - 8)

    def _range(self) -> tuple[float, float]:
        values = [value for _label, value in self._points] or [0.0]
        return max(0.0, *values), min(0.0, *values)

    def _axis_text(self, value: float) -> str:
        return formatting.money_text(value, self._currency)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette, metrics = self.palette(), self.fontMetrics()
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        if not self._points:
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("Enter the P&L to see the contribution per period."))
            painter.end()
            return
        area = self._area()
        self._bars, zero = bar_layout(self._points, area)
        high, low = self._range()
        painter.setPen(muted)
        for value, y in ((high, area.top()), (low, area.bottom())):
            if value:
                rect = QRectF(0, y - metrics.height() / 2, area.left() - 8, metrics.height())
                painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 self._axis_text(value))
        dark = theme.is_dark()
        for bar in self._bars:
            colour = QColor(POSITIVE if bar.value >= 0 else NEGATIVE)
            painter.fillRect(bar.rect, colour.lighter(112) if dark else colour)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 1))
        painter.drawLine(round(area.left()), round(zero), round(area.right()), round(zero))
        painter.setPen(muted)
        labels = area.bottom() + 4
        slot = area.width() / len(self._bars)
        if all(metrics.horizontalAdvance(bar.label) + 8 <= slot for bar in self._bars):
            for bar in self._bars:  # every period named under its bar
                painter.drawText(QRectF(bar.rect.center().x() - slot / 2, labels, slot, metrics.height()),
                                 Qt.AlignmentFlag.AlignHCenter, bar.label)
        else:  # too many to name: the first and the last
            first, last = self._bars[0], self._bars[-1]
            painter.drawText(QRectF(first.rect.left(), labels, area.width() / 2, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft, first.label)
            if len(self._bars) > 1:
                painter.drawText(QRectF(last.rect.right() - area.width() / 2, labels, area.width() / 2,
                                        metrics.height()), Qt.AlignmentFlag.AlignRight, last.label)
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = next((b for b in self._bars if b.rect.left() - 2 <= event.position().x() <= b.rect.right() + 2),
                       None)
            if bar is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tr("%1: contribution %2").replace("%1", bar.label)
                                  .replace("%2", formatting.money_text(bar.value, self._currency)), self)
            return True
        return super().event(event)
