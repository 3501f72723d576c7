"""Org-chart layout for the relationship map, in plain Python: where each person sits.

Each reporting tree is laid out top-down: a manager is centred above the people who report to them, subtrees
sit side by side without overlapping. A manager with many direct reports who have no reports of their own gets
them stacked in short columns, as org-chart tools do, so a 300-person account stays readable. Reporting loops
(A reports to B reports to A) are broken at the first person met. Positions are in grid units (one unit is one
card width horizontally and one level vertically); the screen and the PDF scale them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

STACK_AFTER = 6  # more leaf reports than this are stacked in columns
STACK_DEPTH = 6  # people per stacked column


@dataclass(frozen=True)
class Placed:
    x: float  # centre, in card widths
    y: float  # level, in rows (stacked reports take fractional steps below their manager)


@dataclass(frozen=True)
class OrgLayout:
    positions: dict[str, Placed]
    width: float
    height: float
    edges: tuple[tuple[str, str], ...]  # (manager, report) pairs that are drawn

    def __len__(self) -> int:
        return len(self.positions)


def layout(people: Iterable[tuple[str, str | None]], order: Sequence[str] | None = None) -> OrgLayout:
    """Place people given as (id, reports_to id) pairs.

    Args:
        people: every person of the account with whom they report to (None or an unknown id for the top).
        order: optional sort order of ids among siblings (e.g. by influence); default is the input order.

    Returns:
        Positions for every person, the overall size, and the reporting edges kept after breaking loops.
    """
    pairs = list(people)
    ids = [p for p, _ in pairs]
    known = set(ids)
    rank = {pid: n for n, pid in enumerate(order if order is not None else ids)}
    boss = {p: b for p, b in pairs if b in known and b != p}
    # Break reporting loops: follow each chain; a person met twice on one walk loses their manager link.
    for start in ids:
        seen: set[str] = set()
        node = start
        while node in boss:
            if node in seen:
                boss.pop(node)
                break
            seen.add(node)
            node = boss[node]
    children: dict[str, list[str]] = {p: [] for p in ids}
    for person, manager in boss.items():
        children[manager].append(person)
    for kids in children.values():
        kids.sort(key=lambda k: rank.get(k, 0))
    roots = sorted((p for p in ids if p not in boss), key=lambda k: rank.get(k, 0))

    positions: dict[str, Placed] = {}
    width_of: dict[str, float] = {}
    _measure(roots, children, width_of)
    cursor = 0.0
    height = 0.0
    for root in roots:
        height = max(height, _place(root, cursor, 0.0, children, width_of, positions))
        cursor += width_of[root]
    edges = tuple((m, p) for p, m in boss.items())
    return OrgLayout(positions, cursor, height + 1.0, edges)


def _stacked(kids: list[str], children: dict[str, list[str]]) -> bool:
    return len(kids) > STACK_AFTER and all(not children[k] for k in kids)


def _measure(roots: Iterable[str], children: dict[str, list[str]], width_of: dict[str, float]) -> None:
    """Subtree widths, bottom-up without recursion (reporting chains can be long)."""
    stack: list[tuple[str, bool]] = [(r, False) for r in roots]
    while stack:
        node, done = stack.pop()
        kids = children[node]
        if not done:
            stack.append((node, True))
            stack.extend((k, False) for k in kids)
            continue
        if not kids:
            width_of[node] = 1.0
        elif _stacked(kids, children):
            width_of[node] = float(max(1, math.ceil(len(kids) / STACK_DEPTH)))
        else:
            width_of[node] = max(1.0, sum(width_of[k] for k in kids))


def _place(root: str, left: float, top: float, children: dict[str, list[str]], width_of: dict[str, float],
           positions: dict[str, Placed]) -> float:
    """Place a subtree whose left edge is `left`; returns the deepest y used."""
    deepest = top
    stack = [(root, left, top)]
    while stack:
        node, x0, y = stack.pop()
        kids = children[node]
        positions[node] = Placed(x0 + width_of[node] / 2, y)
        deepest = max(deepest, y)
        if not kids:
            continue
        if _stacked(kids, children):
            for n, kid in enumerate(kids):
                column, row = divmod(n, STACK_DEPTH)
                positions[kid] = Placed(x0 + column + 0.5, y + 1 + row * 0.55)
                deepest = max(deepest, y + 1 + row * 0.55)
            continue
        cursor = x0 + (width_of[node] - sum(width_of[k] for k in kids)) / 2
        for kid in kids:
            stack.append((kid, cursor, y + 1))
            cursor += width_of[kid]
    return deepest
