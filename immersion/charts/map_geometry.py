"""The relationship map's geometry in scene pixels: card sizes, influence curves and reporting connectors.

`org_layout` says where each person sits in grid units; the sizes here turn those units into pixels, and the
functions draw the lines between cards as painter paths. An influence is a cubic Bézier curve that bows to one
side, cut where it leaves one card and meets the other, with an arrowhead at the target; reporting lines are
right-angled connectors. The Qt types here are plain geometry (points, paths, polygons): nothing is painted.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

COLUMN, ROW = 268.0, 160.0  # pixels per layout unit: a card plus room for chips, connectors and lines
CARD_W, CARD_H = 214.0, 74.0  # stacked reports are 0.55 rows apart, so a card must stay below 88 px
MARGIN = 48.0


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


def influence_curve(a: QPointF, b: QPointF, strength: int) -> tuple[QPainterPath, QPolygonF]:
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


def reporting_path(placed: dict[str, QPointF], edges: tuple[tuple[str, str], ...]) -> QPainterPath:
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
