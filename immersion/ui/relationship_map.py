"""The drawn relationship map: the account's org chart, influence lines and our coverage, in a graphics view.

Positions come from `immersion.charts.org_layout` in grid units; this module turns them into scene items.
Each person is one light item that paints a card (name, title, stance and buying role), a ring whose filled
segments show influence 1–5, and a fill tinted by stance. All reporting lines are one path; influence lines
are dashed curves with arrowheads; coverage chips sit on a layer that can be hidden. Pens, brushes, fonts and
elided texts are made once per build, so 300 people build and draw in a few tens of milliseconds
(tests/benchmarks/relationship_map.py).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor, QContextMenuEvent, QFont, QFontMetricsF, QImage, QKeyEvent, QMouseEvent, QPainter, QPainterPath,
    QPainterPathStroker, QPalette, QPen, QPolygonF, QResizeEvent, QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QGraphicsView, QWidget

from immersion.charts import org_layout
from immersion.ui.stakeholder_model import (
    ACCENTS, STANCES, MapCover, MapData, MapLink, MapPerson, rich, stance_accent,
)

COLUMN, ROW = 268.0, 160.0  # pixels per layout unit: a card plus room for chips, connectors and lines
CARD_W, CARD_H = 214.0, 74.0  # stacked reports are 0.55 rows apart, so a card must stay below 88 px
MARGIN = 48.0
RING = 32.0
CHIP = 22.0
_CHIP_HUES = ("#2a6fd6", "#7a4fd4", "#0f8b8d", "#b5582c", "#4a5fa8", "#a33f86", "#5b7d2a", "#6b6f78")


def _tr(text: str) -> str:
    return QCoreApplication.translate("RelationshipMap", text)


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


Curve = tuple[float, float, float, float, float, float, float, float]  # a cubic Bézier: four points


def _at(c: Curve, t: float) -> tuple[float, float]:
    u = 1 - t
    a, b, d, e = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return a * c[0] + b * c[2] + d * c[4] + e * c[6], a * c[1] + b * c[3] + d * c[5] + e * c[7]


def _split(c: Curve, t: float) -> tuple[Curve, Curve]:
    """The curve cut at `t` into two (de Casteljau)."""
    def lerp(p: tuple[float, float], q: tuple[float, float]) -> tuple[float, float]:
        return p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t

    p0, p1, p2, p3 = (c[0], c[1]), (c[2], c[3]), (c[4], c[5]), (c[6], c[7])
    ab, bc, cd = lerp(p0, p1), lerp(p1, p2), lerp(p2, p3)
    abc, bcd = lerp(ab, bc), lerp(bc, cd)
    mid = lerp(abc, bcd)
    return (*p0, *ab, *abc, *mid), (*mid, *bcd, *cd, *p3)


def _cross(c: Curve, inside: Callable[[tuple[float, float]], bool], lo: float, hi: float) -> float:
    """The parameter between `lo` (where `inside` holds) and `hi` (where it does not) at which it stops."""
    for _ in range(14):
        mid = (lo + hi) / 2
        if inside(_at(c, mid)):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _on_card(centre: QPointF) -> Callable[[tuple[float, float]], bool]:
    x, y = centre.x(), centre.y()
    return lambda p: abs(p[0] - x) <= CARD_W / 2 + 1 and abs(p[1] - y) <= CARD_H / 2 + 1


def _influence(a: QPointF, b: QPointF, strength: int) -> tuple[QPainterPath, QPolygonF]:
    """A curve from card centre `a` to card centre `b`, drawn from one card's border to the other's.

    It bows to the left of its direction, so that the two directions between one pair never overlap and no
    curve runs along a straight reporting line; the arrowhead sits where it meets the target card.
    """
    dx, dy = b.x() - a.x(), b.y() - a.y()
    dist = math.hypot(dx, dy) or 1.0
    bow = min(0.22 * dist, 90.0)
    nx, ny = dy / dist * bow, -dx / dist * bow
    curve: Curve = (a.x(), a.y(), a.x() + dx * 0.25 + nx, a.y() + dy * 0.25 + ny,
                    a.x() + dx * 0.75 + nx, a.y() + dy * 0.75 + ny, b.x(), b.y())
    on_target = _on_card(b)
    start = _cross(curve, _on_card(a), 0.0, 0.5)
    end = 1.0 - _cross(_reversed(curve), on_target, 0.0, 0.5)
    tip = _at(curve, end)
    size = 8.0 + 1.5 * strength
    tail = _cross(curve, lambda p: math.hypot(p[0] - tip[0], p[1] - tip[1]) > size, start, end)
    base = _at(curve, tail)
    ux, uy = tip[0] - base[0], tip[1] - base[1]
    norm = math.hypot(ux, uy) or 1.0
    ux, uy = ux / norm * size, uy / norm * size
    arrow = QPolygonF([QPointF(*tip), QPointF(tip[0] - ux - uy / 2, tip[1] - uy + ux / 2),
                       QPointF(tip[0] - ux + uy / 2, tip[1] - uy - ux / 2)])
    # The line stops inside the arrowhead, so the dashes never poke out past its tip.
    stop = tail + (end - tail) * 0.4
    piece = _split(_split(curve, stop)[0], start / stop)[1]
    path = QPainterPath(QPointF(piece[0], piece[1]))
    path.cubicTo(piece[2], piece[3], piece[4], piece[5], piece[6], piece[7])
    return path, arrow


def _reversed(c: Curve) -> Curve:
    return c[6], c[7], c[4], c[5], c[2], c[3], c[0], c[1]


def _reporting_path(placed: dict[str, QPointF], edges: tuple[tuple[str, str], ...]) -> QPainterPath:
    """Right-angled connectors: a bus below each manager, and for stacked reports a spine left of each
    column."""
    reports: dict[str, list[str]] = defaultdict(list)
    for manager, report in edges:
        reports[manager].append(report)
    path = QPainterPath()
    for manager, kids in reports.items():
        top = placed[manager]
        bottom = top.y() + CARD_H
        columns: dict[float, list[QPointF]] = defaultdict(list)
        for kid in kids:
            columns[round(placed[kid].x(), 1)].append(placed[kid])
        bus = bottom + (min(placed[kid].y() for kid in kids) - bottom) / 2
        stacked = any(len(column) > 1 for column in columns.values())
        drops = [x - CARD_W / 2 - 12 if stacked else x for x in columns]
        path.moveTo(top.x(), bottom)
        path.lineTo(top.x(), bus)
        path.moveTo(min(drops + [top.x()]), bus)
        path.lineTo(max(drops + [top.x()]), bus)
        for drop, column in zip(drops, columns.values(), strict=True):
            if not stacked:
                path.moveTo(drop, bus)
                path.lineTo(drop, column[0].y())
                continue
            path.moveTo(drop, bus)
            path.lineTo(drop, max(p.y() for p in column) + CARD_H / 2)
            for p in column:
                path.moveTo(drop, p.y() + CARD_H / 2)
                path.lineTo(p.x() - CARD_W / 2, p.y() + CARD_H / 2)
    return path


class RelationshipMap(QGraphicsView):
    """The map view: zoom with Ctrl+wheel or +/−, fit with 0, pan by dragging, select a person by clicking.

    Signals:
        person_selected(str): the selected person's id, or "" (not emitted for selections made by `select`).
        person_activated(str): a person was double-clicked.
        menu_requested(str, QPoint): a context menu was asked for over a person ("" over the background),
            at a global position.
    """

    person_selected = Signal(str)
    person_activated = Signal(str)
    menu_requested = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        scene = QGraphicsScene(self)
        # The map is rebuilt whole after every edit; without a BSP index, building is cheaper, and a few
        # hundred items are still found quickly enough on click and hover.
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.cards: dict[str, PersonCard] = {}
        self.influences: list[InfluenceItem] = []
        self.coverage_layer = LayerItem()
        self.reporting: QGraphicsPathItem | None = None
        self.edges: tuple[tuple[str, str], ...] = ()
        self.empty_text = ""
        self.style_ = MapStyle(self.palette(), self.font())
        self._data = MapData()
        self._quiet = False
        self._reset_pending = False
        self._centre_pending = ""
        scene.selectionChanged.connect(self._selection_changed)

    # -- contents ------------------------------------------------------------------------------------------------

    def show_data(self, data: MapData) -> None:
        """Rebuild the scene from `data`, keeping the selection, the zoom and whether coverage is shown."""
        selected = self.selected_id()
        coverage_visible = self.coverage_layer.isVisible()
        self._data = data
        self._quiet = True
        scene = self.scene()
        self.cards, self.influences = {}, []  # before clear(): it announces the lost selection
        scene.clear()
        style = self.style_ = MapStyle(self.palette(), self.font())
        for cover in data.coverage:
            style.members.setdefault(cover.member, len(style.members))
        org = org_layout.layout([(p.id, p.reports_to) for p in data.people])
        self.edges = org.edges
        placed = {pid: QPointF(MARGIN + p.x * COLUMN, MARGIN + p.y * ROW) for pid, p in org.positions.items()}
        for person in data.people:
            card = self.cards[person.id] = PersonCard(person, style)
            card.setPos(placed[person.id])
            scene.addItem(card)
        self.reporting = scene.addPath(_reporting_path(placed, org.edges), style.reporting)
        self.reporting.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        centre = {pid: QPointF(p.x(), p.y() + CARD_H / 2) for pid, p in placed.items()}
        for link in data.influences:
            if link.source in centre and link.target in centre:
                path, arrow = _influence(centre[link.source], centre[link.target], link.strength)
                item = InfluenceItem(link, path, arrow,
                                     style.influence_pens.get(link.strength, style.influence_pens[2]))
                scene.addItem(item)
                self.influences.append(item)
        self.coverage_layer = LayerItem()
        self.coverage_layer.setVisible(coverage_visible)
        scene.addItem(self.coverage_layer)
        self._add_chips(data.coverage, placed, style)
        width = max(org.width * COLUMN, COLUMN) + 2 * MARGIN
        height = max(org.height - 1, 0) * ROW + CARD_H + 2 * MARGIN
        scene.setSceneRect(0, 0, width, height)
        self._quiet = False
        if selected in self.cards:
            self.select(selected)
        self.viewport().update()

    def _add_chips(self, coverage: tuple[MapCover, ...], placed: dict[str, QPointF], style: MapStyle) -> None:
        by_person: dict[str, list[MapCover]] = defaultdict(list)
        for cover in coverage:
            if cover.person in placed:
                by_person[cover.person].append(cover)
        for person, covers in by_person.items():
            covers.sort(key=lambda c: -c.strength)
            shown: list[tuple[MapCover, str]] = [(c, "") for c in covers[:3]]
            if len(covers) > 3:  # a card has room for three chips; the third says how many more there are
                rest = covers[2:]
                shown[2] = (MapCover(person, "", "", max(c.strength for c in rest),
                                     "<br><br>".join(c.tooltip for c in rest)), f"+{len(rest)}")
            spot = placed[person]
            for n, (cover, text) in enumerate(shown):
                y = spot.y() + CARD_H / 2 + (n - (len(shown) - 1) / 2) * (CHIP + 2)
                chip = ChipItem(QPointF(spot.x() + CARD_W / 2, y), cover, style, text)
                chip.setParentItem(self.coverage_layer)

    def is_empty(self) -> bool:
        return not self.cards

    def set_coverage_visible(self, visible: bool) -> None:
        self.coverage_layer.setVisible(visible)

    # -- selection -----------------------------------------------------------------------------------------------

    def selected_id(self) -> str:
        return next((card.person_id for card in self.cards.values() if card.isSelected()), "")

    def select(self, person_id: str | None, reveal: bool = False) -> None:
        """Select one person (or none) without emitting `person_selected`; `reveal` scrolls them into view."""
        self._quiet = True
        try:
            for card in self.cards.values():
                if card.isSelected() and card.person_id != person_id:
                    card.setSelected(False)
            card = self.cards.get(person_id or "")
            if card is not None:
                card.setSelected(True)
                if reveal:
                    self.ensureVisible(card, 40, 40)
        finally:
            self._quiet = False

    def centre_on(self, person_id: str) -> None:
        """Scroll so that a person is in the middle (once the view is shown, if it is not yet)."""
        card = self.cards.get(person_id)
        if card is not None and not self.isVisible():
            self._centre_pending = person_id  # e.g. a jump from the overview to a page not built before
        elif card is not None:
            self.centerOn(card)

    def _selection_changed(self) -> None:
        selected = self.selected_id()
        # On a busy map, the selected person's influence lines stand out and the others step back.
        for item in self.influences:
            item.setOpacity(1.0 if not selected or selected in item.ends else 0.25)
        if not self._quiet:
            self.person_selected.emit(selected)

    # -- zoom and navigation -------------------------------------------------------------------------------------

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float) -> None:
        target = min(3.0, max(0.05, self.zoom() * factor))
        self.scale(target / self.zoom(), target / self.zoom())

    def fit(self) -> None:
        """Show the whole map, but never larger than life: a small team is not blown up to fill the view."""
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.resetTransform()
            self.centerOn(self.sceneRect().center())

    def reset_view(self) -> None:
        """The first look at an account: the whole map when it is readable so, else the top people legibly.

        Before the view is first shown its size is a placeholder, so the reset waits for the first resize.
        """
        if not self.isVisible():
            self._reset_pending = True
            return
        self._reset_pending = False
        self.fit()
        if self.zoom() < 0.6 and self.cards:
            self.resetTransform()
            self.scale(0.8, 0.8)
            top = min(self.cards.values(), key=lambda c: (c.y(), c.x()))
            half = self.viewport().height() / 2 / 0.8
            self.centerOn(top.x(), top.y() + half - MARGIN)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._reset_pending and self.isVisible():
            self.reset_view()
        if self._centre_pending and self.isVisible():
            person, self._centre_pending = self._centre_pending, ""
            self.centre_on(person)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 ** (event.angleDelta().y() / 120))
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.25)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.8)
        elif key == Qt.Key.Key_0:
            self.fit()
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, PersonCard):
            self.person_activated.emit(item.person_id)
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        item = self.itemAt(event.pos())
        person = item.person_id if isinstance(item, PersonCard) else ""
        if person:
            self.select(person)
            self.person_selected.emit(person)
        self.menu_requested.emit(person, event.globalPos())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and self.cards:
            self.show_data(self._data)  # colours and text widths are baked into the items

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        if self.cards or not self.empty_text:
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = QRectF(self.viewport().rect()).adjusted(40, 40, -40, -40)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text)
        painter.restore()

    # -- export ------------------------------------------------------------------------------------------------

    def render_image(self, max_pixels: float = 40e6) -> QImage:
        """The whole map (not just the visible part) with its legend below, at twice the screen's detail when
        that stays under `max_pixels`, so that it prints sharply."""
        source = self.sceneRect()
        scale = min(2.0, max(0.25, math.sqrt(max_pixels / max(1.0, source.width() * source.height()))))
        legend = legend_height(self.style_, source.width() - 2 * MARGIN)
        image = QImage(math.ceil(source.width() * scale), math.ceil((source.height() + legend) * scale),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(self.style_.base)
        selected = self.selected_id()
        self.select(None)  # the export shows the map, not what happens to be selected
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.scene().render(painter, QRectF(0, 0, source.width() * scale, source.height() * scale), source)
        painter.scale(scale, scale)
        paint_legend(painter, QRectF(MARGIN, source.height(), source.width() - 2 * MARGIN, legend),
                     self.style_)
        painter.end()
        self.select(selected)
        return image


def _legend_entries() -> list[tuple[str, str]]:
    entries = [(f"stance:{value}", QCoreApplication.translate("Choices", label)) for value, label in STANCES]
    return entries + [("reports", _tr("reports to")), ("influence", _tr("influences")),
                      ("ring", _tr("influence 1–5")), ("chip", _tr("our coverage"))]


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
