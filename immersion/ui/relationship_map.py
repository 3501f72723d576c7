"""The drawn relationship map: the account's org chart, influence lines and our coverage, in a graphics view.

Positions come from `immersion.charts.org_layout` in grid units; `immersion.charts.map_geometry` turns them
into pixels and lines, and the items of `map_items` draw them: a card for each person, all reporting lines as
one path, influence lines as dashed curves with arrowheads, coverage chips on a layer that can be hidden. The
map is rebuilt whole after every edit; 300 people build and draw in a few tens of milliseconds
(tests/benchmarks/relationship_map.py). An exported image carries the legend of `map_legend` below the map.
"""

from __future__ import annotations

import math
from collections import defaultdict

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QGraphicsView, QWidget

from immersion.charts import org_layout
from immersion.charts.map_geometry import (
    CARD_H,
    CARD_W,
    COLUMN,
    MARGIN,
    ROW,
    influence_curve,
    reporting_path,
)
from immersion.ui.map_items import CHIP, ChipItem, InfluenceItem, LayerItem, MapStyle, PersonCard
from immersion.ui.map_legend import legend_height, paint_legend
from immersion.ui.stakeholder_model import MapCover, MapData


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
        self.reporting = scene.addPath(reporting_path(placed, org.edges), style.reporting)
        self.reporting.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        centre = {pid: QPointF(p.x(), p.y() + CARD_H / 2) for pid, p in placed.items()}
        for link in data.influences:
            if link.source in centre and link.target in centre:
                path, arrow = influence_curve(centre[link.source], centre[link.target], link.strength)
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
