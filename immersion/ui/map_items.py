"""The relationship map's graphics items and the style they share: person cards, influence lines, coverage
chips, and the layer that shows or hides the chips.

Each person is one light item that paints a card (name, title, stance and buying role), a ring whose filled
segments show influence 1–5, and a fill tinted by stance. `MapStyle` makes the pens, brushes, fonts and font
metrics once per build, and each card lays out its elided texts once, when it is made, so that building and
painting stay cheap.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QWidget

from immersion.charts.map_geometry import CARD_H, CARD_W
from immersion.ui.stakeholder_model import ACCENTS, MapCover, MapLink, MapPerson, rich, stance_accent

RING = 32.0
CHIP = 22.0
_CHIP_HUES = ("#2a6fd6", "#7a4fd4", "#0f8b8d", "#b5582c", "#4a5fa8", "#a33f86", "#5b7d2a", "#6b6f78")


def _blend(base: QColor, accent: QColor, amount: float) -> QColor:
    """`amount` of the way from `base` to `accent`, opaque."""
    return QColor.fromRgbF(base.redF() + (accent.redF() - base.redF()) * amount,
                           base.greenF() + (accent.greenF() - base.greenF()) * amount,
                           base.blueF() + (accent.blueF() - base.blueF()) * amount)


class MapStyle:
    """Pens, brushes and fonts of one build, shared by every item (made once, so building and painting stay
    cheap).

    Fills are opaque blends, not translucent colours, so lines passing under a card never show through it.
    """

    def __init__(self, palette: QPalette, font: QFont) -> None:
        self.dark = palette.color(QPalette.ColorRole.Window).lightness() < palette.color(
            QPalette.ColorRole.WindowText).lightness()
        self.base = palette.color(QPalette.ColorRole.Base)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.muted = palette.color(QPalette.ColorRole.PlaceholderText)
        self.fill, self.border, self.ink, self.ring = {}, {}, {}, {}
        for stance in ACCENTS:
            accent = stance_accent(stance)
            if self.dark:
                accent = accent.lighter(120)
            self.fill[stance] = _blend(self.base, accent, 0.2 if self.dark else 0.12)
            self.border[stance] = QPen(_blend(self.base, accent, 0.75), 1.2)
            self.ink[stance] = accent.lighter(130) if self.dark else accent.darker(135)
            self.ring[stance] = QPen(accent, 4.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        self.ring_off = QPen(_blend(self.base, self.text, 0.22 if self.dark else 0.15), 4.0,
                             Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        self.selected = QPen(palette.color(QPalette.ColorRole.Highlight), 3.0)
        self.reporting = QPen(_blend(self.base, self.text, 0.45), 1.4)
        self.influence = QColor("#b48cff" if self.dark else "#7a45c8")
        self.influence_pens = {s: QPen(self.influence, w, Qt.PenStyle.DashLine, Qt.PenCapStyle.FlatCap)
                               for s, w in ((1, 1.2), (2, 2.0), (3, 3.0))}
        self.members: dict[str, int] = {}
        self.name_font = QFont(font)
        self.name_font.setBold(True)
        self.title_font = _scaled(font, 0.92)
        self.detail_font = _scaled(font, 0.86)
        self.chip_font = _scaled(font, 0.78, bold=True)
        self.name_metrics = QFontMetricsF(self.name_font)
        self.title_metrics = QFontMetricsF(self.title_font)
        self.detail_metrics = QFontMetricsF(self.detail_font)

    def chip_colours(self, member: str) -> tuple[QColor, QColor]:
        """Fill and text colour of a team member's chips: the account's members get distinct hues in turn."""
        slot = self.members.get(member, sum(map(ord, member)))
        fill = QColor(_CHIP_HUES[slot % len(_CHIP_HUES)])
        if self.dark:
            fill = fill.lighter(135)
        return fill, QColor("#111111" if fill.lightness() > 150 else "#ffffff")

    def cover_pen(self, member: str, strength: int) -> QPen:
        colour = self.chip_colours(member)[0]
        colour.setAlphaF(0.3 + 0.14 * strength)  # weak ties are faint and thin, strong ties solid and thick
        return QPen(colour, 0.8 + 0.55 * strength)


def _scaled(font: QFont, factor: float, bold: bool = False) -> QFont:
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    else:
        scaled.setPixelSize(max(1, round(font.pixelSize() * factor)))
    scaled.setBold(bold)
    return scaled


def _wrap(text: str, metrics: QFontMetricsF, width: float, lines: int) -> list[str]:
    """`text` on at most `lines` lines of `width`, the last one elided."""
    words, out, line = text.split(), [], ""
    for n, word in enumerate(words):
        trial = f"{line} {word}".strip()
        if not line or metrics.horizontalAdvance(trial) <= width:
            line = trial
            continue
        out.append(line)
        line = " ".join(words[n:]) if len(out) == lines - 1 else word
        if len(out) == lines - 1:
            break
    if line:
        out.append(line)
    return [metrics.elidedText(part, Qt.TextElideMode.ElideRight, width) for part in out[:lines]]


class PersonCard(QGraphicsItem):
    """One stakeholder: a selectable card; its texts are laid out once, when it is made."""

    def __init__(self, person: MapPerson, style: MapStyle) -> None:
        super().__init__()
        self.person_id = person.id
        self._person = person
        self._style = style
        self._rect = QRectF(-CARD_W / 2, 0, CARD_W, CARD_H)
        self._ring = QRectF(-CARD_W / 2 + 9, (CARD_H - RING) / 2, RING, RING)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setToolTip(rich(person.tooltip))
        self.setZValue(2)
        left, width = -CARD_W / 2 + RING + 18, CARD_W - RING - 26
        lines = [(style.name_font, style.text, style.name_metrics.elidedText(
            person.name, Qt.TextElideMode.ElideRight, width), style.name_metrics)]
        lines += [(style.title_font, style.muted, part, style.title_metrics)
                  for part in _wrap(person.title, style.title_metrics, width, 2)]
        if person.detail:
            lines.append((style.detail_font, style.ink[person.stance], style.detail_metrics.elidedText(
                person.detail, Qt.TextElideMode.ElideRight, width), style.detail_metrics))
        y = (CARD_H - sum(m.lineSpacing() for *_, m in lines)) / 2
        self._lines = []
        for font, colour, text, metrics in lines:
            self._lines.append((font, colour, QPointF(left, y + metrics.ascent()), text))
            y += metrics.lineSpacing()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option, widget: QWidget | None = None) -> None:  # noqa: ANN001
        style, stance = self._style, self._person.stance
        painter.setPen(style.selected if self.isSelected() else style.border[stance])
        painter.setBrush(style.fill[stance])
        painter.drawRoundedRect(self._rect, 8, 8)
        # Far out, text is unreadable and the slowest part to draw: a zoomed-out map shows colour and rings.
        detailed = option.levelOfDetailFromTransform(painter.worldTransform()) >= 0.4
        for segment in range(5):
            painter.setPen(style.ring[stance] if segment < self._person.influence else style.ring_off)
            painter.drawArc(self._ring, (90 - segment * 72 - 5) * 16, -62 * 16)
        if not detailed:
            return
        painter.setPen(style.text)
        painter.setFont(style.name_font)
        painter.drawText(self._ring, Qt.AlignmentFlag.AlignCenter, str(self._person.influence))
        for font, colour, point, text in self._lines:
            painter.setFont(font)
            painter.setPen(colour)
            painter.drawText(point, text)


class InfluenceItem(QGraphicsItem):
    """A dashed curve with an arrowhead; hovering anywhere near it shows its tooltip."""

    def __init__(self, link: MapLink, path: QPainterPath, arrow: QPolygonF, pen: QPen) -> None:
        super().__init__()
        self.ends = (link.source, link.target)
        self._path, self._arrow, self._pen = path, arrow, pen
        self._bounds = path.boundingRect().united(arrow.boundingRect()).adjusted(-6, -6, 6, 6)
        self._shape: QPainterPath | None = None
        self.setToolTip(rich(link.tooltip))
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # a drag that starts on a line pans the map
        self.setZValue(1)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:  # made on first hover only: most lines are never hovered
            stroker = QPainterPathStroker()
            stroker.setWidth(10)
            self._shape = stroker.createStroke(self._path)
            self._shape.addPolygon(self._arrow)
        return self._shape

    def paint(self, painter: QPainter, option, widget: QWidget | None = None) -> None:  # noqa: ANN001
        painter.setPen(self._pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._pen.color())
        painter.drawPolygon(self._arrow)


class ChipItem(QGraphicsItem):
    """A team member's initials beside a card they cover, tied to it by a line as strong as their
    relationship."""

    def __init__(self, anchor: QPointF, cover: MapCover, style: MapStyle, text: str = "") -> None:
        super().__init__()
        self._anchor = anchor
        self._circle = QRectF(anchor.x() + 10, anchor.y() - CHIP / 2, CHIP, CHIP)
        self._text = text or cover.initials
        self._pen = style.cover_pen(cover.member, cover.strength)
        self._fill, self._ink = style.chip_colours(cover.member)
        self._font = style.chip_font
        self.setToolTip(rich(cover.tooltip))
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF(self._anchor.x(), self._circle.top(), self._circle.right() - self._anchor.x(), CHIP)

    def paint(self, painter: QPainter, option, widget: QWidget | None = None) -> None:  # noqa: ANN001
        painter.setPen(self._pen)
        painter.drawLine(self._anchor, QPointF(self._circle.left(), self._anchor.y()))
        painter.setBrush(self._fill)
        painter.drawEllipse(self._circle)
        painter.setPen(self._ink)
        painter.setFont(self._font)
        painter.drawText(self._circle, Qt.AlignmentFlag.AlignCenter, self._text)


class LayerItem(QGraphicsItem):
    """An empty parent that shows or hides its children together (a group would steal their tooltips)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setZValue(3)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return QRectF()

    def paint(self, painter: QPainter, option, widget: QWidget | None = None) -> None:  # noqa: ANN001
        pass
