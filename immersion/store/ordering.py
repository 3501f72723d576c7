"""Hand-made orderings: the boardroom agenda's ranks (and later the board's card order), renumbered as a whole.

A move renumbers the affected rows to 0..n-1 in one transaction and returns the updates, so one undo puts
every rank back.
"""

from __future__ import annotations

from collections.abc import Sequence

from immersion.store import edits
from immersion.store.edits import Changes
from immersion.store.errors import EditError
from immersion.store.workbook import Workbook

_ORDERED = {"goals": "rank", "ideas": "board_order"}


def reorder(wb: Workbook, table: str, ordered_ids: Sequence[str]) -> Changes:
    """Give `ordered_ids` the positions 0, 1, 2 … in their table's order column; only changed rows are written."""
    column = _ORDERED.get(table)
    if column is None:
        raise EditError(wb.path, f"{table} has no hand-made order.")
    with wb.transaction() as conn:
        done = Changes()
        for position, row_id in enumerate(ordered_ids):
            item = edits._update(conn, table, row_id, {column: position})  # noqa: SLF001 - same package
            if item:
                done.items.append(item)
        return done


def agenda(wb: Workbook, account_id: str) -> list[str]:
    """The account's goal ids in boardroom-agenda order (rank, then creation)."""
    return [r[0] for r in wb.conn.execute(
        "SELECT id FROM goals WHERE account_id = ? ORDER BY rank, created_at, id", (account_id,))]


def move_goal(wb: Workbook, goal_id: str, position: int) -> Changes:
    """Move a goal to `position` (0 = top) on its account's agenda; other goals close up around it."""
    row = edits.get(wb, "goals", goal_id)
    if row is None:
        raise EditError(wb.path, "That goal no longer exists.")
    order = [g for g in agenda(wb, row["account_id"]) if g != goal_id]
    position = max(0, min(position, len(order)))
    order.insert(position, goal_id)
    return reorder(wb, "goals", order)


def next_rank(wb: Workbook, account_id: str) -> int:
    """The rank for a goal added at the bottom of the agenda."""
    value = wb.conn.execute("SELECT max(rank) FROM goals WHERE account_id = ?", (account_id,)).fetchone()[0]
    return 0 if value is None else value + 1
