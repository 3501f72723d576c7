"""Small building blocks shared by the pages: headings, badges, cards and key figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from immersion.ui import formatting, theme

if TYPE_CHECKING:  # event classes are only annotations here; importing them costs startup time
    from PySide6.QtGui import QPaintEvent, QResizeEvent

Colours = tuple[QColor, QColor]  # a badge's fill and text colour


def paint_badge(painter: QPainter, rect: QRectF, colours: str | Colours, text: str,
                on_highlight: bool = False) -> None:
    """Draw a rounded badge filling `rect` (the tier badge, the sidebar's tiers, the ledger's statuses).

    Args:
        colours: a tier, drawn in its colours, or the badge's fill and text colours.
        on_highlight: the badge sits on a selected row; it is drawn in the highlighted-text colour, on a faint
            fill of that colour.
    """
    fill, ink = theme.tier_colours(colours) if isinstance(colours, str) else colours
    if on_highlight:
        ink = QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)
        fill = QColor(ink)
        fill.setAlpha(56)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    radius = rect.height() / 2
    painter.drawRoundedRect(rect, radius, radius)
    painter.setPen(ink)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def badge_font(widget: QWidget):
    return theme.scaled_font(widget, 0.85, bold=True)


class TierBadge(QWidget):
    """A pill showing an account's tier in its colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tier = ""
        self.setFont(badge_font(self))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_tier(self, tier: str) -> None:
        self._tier = tier
        label = formatting.tier_label(tier)
        self.setAccessibleName(self.tr("Tier: %1").replace("%1", label))
        self.setToolTip(self.accessibleName())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        text = formatting.tier_label(self._tier) if self._tier else ""
        return QSize(metrics.horizontalAdvance(text) + round(metrics.height() * 1.4), metrics.height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._tier:
            return
        painter = QPainter(self)
        paint_badge(painter, QRectF(self.rect()), self._tier, formatting.tier_label(self._tier))
        painter.end()


class Heading(QLabel):
    """A page or section title, larger than body text; keeps its size when the font changes."""

    def __init__(self, text: str = "", factor: float = 1.6, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._factor = factor
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFont(theme.scaled_font(self, factor, bold=True))


class Caption(QLabel):
    """Secondary text (subtitles, hints) in the muted colour of the palette."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        # A role, not a colour: it follows the palette when the system switches between light and dark.
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)


class Card(QFrame):
    """A rounded panel on the base colour, grouping related content."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()


class KeyFigure(Card):
    """A card with a caption, a large value and a detail line ("Alignment" / "72" / "of 100")."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(2)
        self.caption = Caption(caption, self)
        self.value = QLabel(self)
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setFont(theme.scaled_font(self, 1.9, bold=True))
        self.detail = Caption("", self)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(150)

    def set_value(self, value: str, detail: str = "", tooltip: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail or " ")  # keeps cards in a row the same height
        self.setToolTip(tooltip)
        self.setAccessibleName(f"{self.caption.text()}: {value} {detail}".strip())


class FigureGrid(QWidget):
    """Key figures side by side, wrapping to two columns when the page is narrow."""

    def __init__(self, figures: list[KeyFigure], parent: QWidget | None = None, min_width: int = 180) -> None:
        super().__init__(parent)
        self._figures = figures
        self._min_width = min_width
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        for figure in figures:
            figure.setParent(self)
        self._arrange(len(figures))

    def resizeEvent(self, event: QResizeEvent) -> None:
        fits = max(1, (event.size().width() + self._grid.spacing()) // (self._min_width + self._grid.spacing()))
        count = len(self._figures)
        self._arrange(count if fits >= count else max(1, min(fits, (count + 1) // 2)))
        super().resizeEvent(event)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for figure in self._figures:
            self._grid.removeWidget(figure)
        for position, figure in enumerate(self._figures):
            self._grid.addWidget(figure, position // columns, position % columns)
        for column in range(len(self._figures)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
