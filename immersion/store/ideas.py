"""Editing the curation board: adding, moving and merging ideas, and replacing their link sets.

Every edit runs in one transaction and returns one `Changes`, so each user action is one undo step and
`edits.undo` restores it exactly. A card's place in its column is `board_order` (a REAL): a move between two
cards takes the midpoint, so it writes one row; only when two neighbours leave no room is the column
renumbered. Reading the board is `store.idea_queries`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from immersion.domain.enums import IdeaOrigin, IdeaStage
from immersion.domain.keys import utc_now
from immersion.store.edits import Changes, _delete, _insert, _integrity, _update  # noqa: PLC2701
from immersion.store.errors import EditError
from immersion.store.workbook import Workbook

Row = dict[str, Any]


def _idea(conn: sqlite3.Connection, idea_id: str) -> Row:
    row = conn.execute("SELECT * FROM ideas WHERE id = ?", (idea_id,)).fetchone()
    if row is None:
        raise EditError("", "That idea no longer exists.")
    return dict(row)


def _column(conn: sqlite3.Connection, account_id: str, stage: str,
            leave_out: Iterable[str]) -> list[tuple[str, float]]:
    """The cards of one column in hand order, as (id, board order), without `leave_out`."""
    skip = set(leave_out)
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT id, board_order FROM ideas WHERE account_id = ? AND stage = ? AND merged_into_id IS NULL "
        "ORDER BY board_order, created_at, id", (account_id, stage)) if r[0] not in skip]


def _place(conn: sqlite3.Connection, account_id: str, stage: str, ids: Sequence[str],
           position: int | None) -> Changes:
    """Put `ids` (already in `stage`) together at `position` of the column (None: at its end), in order."""
    column = _column(conn, account_id, stage, ids)
    position = len(column) if position is None else max(0, min(position, len(column)))
    low = column[position - 1][1] if position > 0 else None
    high = column[position][1] if position < len(column) else None
    if low is None and high is None:
        orders: list[float] | None = [float(n) for n in range(len(ids))]
    elif high is None:
        orders = [low + 1 + n for n in range(len(ids))]  # type: ignore[operator]
    elif low is None:
        orders = [high - len(ids) + n for n in range(len(ids))]
    else:
        step = (high - low) / (len(ids) + 1)
        orders = [low + step * (n + 1) for n in range(len(ids))]
        if not all(a < b for a, b in zip([low, *orders], [*orders, high], strict=True)):
            orders = None  # the float ran out of room between the two neighbours
    done = Changes()
    if orders is None:  # renumber the whole column 0, 1, 2 …
        ordered = [i for i, _ in column[:position]] + list(ids) + [i for i, _ in column[position:]]
        pairs = list(zip(ordered, map(float, range(len(ordered))), strict=True))
    else:
        pairs = list(zip(ids, orders, strict=True))
    for row_id, order in pairs:
        item = _update(conn, "ideas", row_id, {"board_order": order})
        if item:
            done.items.append(item)
    return done


def move_ideas(wb: Workbook, idea_ids: Sequence[str], stage: str, reason: str | None = None,
               position: int | None = None, at: str | None = None) -> Changes:
    """Move ideas of one account to `stage` in one transaction, recording each stage change with its date.

    Args:
        stage: the target stage; ideas already there only change place (and record nothing).
        reason: why (asked for when parking or declining); kept as `stage_reason` and in the history.
        position: where the ideas land in the target column, counted among the column's other cards (0 = top);
            None leaves the order alone for ideas already there and puts the others at the end.
        at: the UTC time of the change (default now).

    Raises:
        EditError: an idea is gone, merged, or of another account.
    """
    stage = IdeaStage(stage).value
    ids = list(dict.fromkeys(idea_ids))
    reason = (reason or "").strip() or None
    stamp = at or utc_now()
    try:
        with wb.transaction() as conn:
            rows = [_idea(conn, i) for i in ids]
            if not rows:
                return Changes()
            account = rows[0]["account_id"]
            if any(r["account_id"] != account or r["merged_into_id"] for r in rows):
                raise EditError(wb.path, "Only ideas of one account still on the board can be moved.")
            done = Changes()
            moving = [r for r in rows if r["stage"] != stage]
            for row in moving:
                item = _update(conn, "ideas", row["id"], {"stage": stage, "stage_reason": reason,
                                                          "stage_changed_at": stamp})
                done.items.append(item)  # type: ignore[arg-type] - the stage differs, so it was written
                done.items.append(_insert(conn, "idea_stage_history", {
                    "idea_id": row["id"], "from_stage": row["stage"], "to_stage": stage, "changed_at": stamp,
                    "reason": reason}))
            if position is not None or moving:
                placed = ids if position is not None else [r["id"] for r in moving]
                done.extend(_place(conn, account, stage, placed, position))
            return done
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, "ideas", error) from None


def move_idea(wb: Workbook, idea_id: str, stage: str, reason: str | None = None, position: int | None = None,
              at: str | None = None) -> Changes:
    """Move one idea to `stage` (and, with `position`, to that place in its column); see `move_ideas`."""
    return move_ideas(wb, [idea_id], stage, reason, position, at)


def add_idea(wb: Workbook, account_id: str, title: str, at: str | None = None, **fields: Any) -> Changes:
    """A new idea in "captured", at the end of that column, with its first history row; id in `items[0]`."""
    stamp = at or utc_now()
    values = {"account_id": account_id, "title": title, "stage": IdeaStage.CAPTURED.value, **fields,
              "stage_changed_at": stamp}
    try:
        with wb.transaction() as conn:
            last = conn.execute("SELECT max(board_order) FROM ideas WHERE account_id = ? AND stage = ? AND "
                                "merged_into_id IS NULL", (account_id, values["stage"])).fetchone()[0]
            values.setdefault("board_order", 0.0 if last is None else float(last) + 1)
            idea = _insert(conn, "ideas", values)
            first = _insert(conn, "idea_stage_history", {"idea_id": idea.row_id, "from_stage": None,
                                                         "to_stage": values["stage"], "changed_at": stamp})
            return Changes([idea, first])
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, "ideas", error) from None


def new_idea_from_meeting(wb: Workbook, meeting_id: str, title: str,
                          description: str | None = None) -> Changes:
    """A new captured idea whose origin is the meeting (e.g. from selected notes text); id in `items[0]`."""
    row = wb.conn.execute("SELECT account_id FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
    if row is None:
        raise EditError(wb.path, "That meeting no longer exists.")
    title = " ".join(title.split())
    if not title:
        raise EditError(wb.path, "An idea needs a title.")
    return add_idea(wb, row[0], title[:200], origin=IdeaOrigin.MEETING.value, origin_meeting_id=meeting_id,
                    description=(description or "").strip() or None)


def _replace(conn: sqlite3.Connection, table: str, idea_id: str, key: Sequence[str],
             wanted: Mapping[tuple[Any, ...], Mapping[str, Any]]) -> Changes:
    """Make the idea's rows of a link table exactly `wanted` ({key values: other values})."""
    done = Changes()
    rows = conn.execute(f"SELECT * FROM {table} WHERE idea_id = ?", (idea_id,))
    have = {tuple(r[k] for k in key): dict(r) for r in rows}
    gone = [row["id"] for k, row in have.items() if k not in wanted]
    if gone:
        done.extend(_delete(conn, table, gone))
    for k, values in wanted.items():
        if k in have:
            item = _update(conn, table, have[k]["id"], values) if values else None
            if item:
                done.items.append(item)
        else:
            fields = dict(zip(key, k, strict=True))
            done.items.append(_insert(conn, table, {"idea_id": idea_id, **fields, **values}))
    return done


def _links(wb: Workbook, idea_id: str, table: str, key: Sequence[str],
           wanted: Mapping[tuple[Any, ...], Mapping[str, Any]]) -> Changes:
    try:
        with wb.transaction() as conn:
            _idea(conn, idea_id)
            return _replace(conn, table, idea_id, key, wanted)
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, table, error) from None


def set_goal_links(wb: Workbook, idea_id: str, links: Mapping[str, int]) -> Changes:
    """Link the idea to exactly these goals ({goal id: strength 1–3})."""
    wanted = {(goal,): {"strength": int(strength)} for goal, strength in links.items()}
    return _links(wb, idea_id, "idea_goals", ("goal_id",), wanted)


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags trimmed, inner spaces collapsed, empty ones and case-insensitive repeats dropped."""
    seen: dict[str, str] = {}
    for tag in tags:
        text = " ".join(str(tag).split())
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return list(seen.values())


def set_tags(wb: Workbook, idea_id: str, tags: Iterable[str]) -> Changes:
    """Give the idea exactly these tags (see `clean_tags`)."""
    return _links(wb, idea_id, "idea_tags", ("tag",), {(t,): {} for t in clean_tags(tags)})


def set_assets(wb: Workbook, idea_id: str, asset_ids: Iterable[str]) -> Changes:
    """The assets of the catalogue the idea needs, exactly these."""
    return _links(wb, idea_id, "idea_assets", ("asset_id",), {(a,): {} for a in dict.fromkeys(asset_ids)})


def set_people(wb: Workbook, idea_id: str, stakeholder_ids: Iterable[str] = (),
               team_member_ids: Iterable[str] = ()) -> Changes:
    """The people involved, exactly these: stakeholders of the customer and members of our team."""
    wanted: dict[tuple[Any, ...], Mapping[str, Any]] = {(s, None): {} for s in dict.fromkeys(stakeholder_ids)}
    wanted.update({(None, t): {} for t in dict.fromkeys(team_member_ids)})
    return _links(wb, idea_id, "idea_people", ("stakeholder_id", "team_member_id"), wanted)


def merge_ideas(wb: Workbook, survivor_id: str, merged_ids: Iterable[str]) -> Changes:
    """Merge duplicates into `survivor_id` in one transaction.

    The merged ideas stay in the workbook with `merged_into_id` set, keeping their own stage, origin, meeting,
    links and history (their provenance); they leave the board. The survivor gains their goal links (at the
    strongest strength either had) and their tags.

    Raises:
        EditError: an idea is gone, already merged, of another account, or the survivor is among the merged.
    """
    ids = list(dict.fromkeys(merged_ids))
    if not ids:
        raise EditError(wb.path, "Choose at least one idea to merge into the one that stays.")
    if survivor_id in ids:
        raise EditError(wb.path, "An idea cannot be merged into itself.")
    try:
        with wb.transaction() as conn:
            survivor = _idea(conn, survivor_id)
            rows = [_idea(conn, i) for i in ids]
            if survivor["merged_into_id"] or any(r["merged_into_id"] for r in rows):
                raise EditError(wb.path, "An idea that was merged already cannot take part in another merge.")
            if any(r["account_id"] != survivor["account_id"] for r in rows):
                raise EditError(wb.path, "Only ideas of the same account can be merged.")
            done = Changes()
            for row in rows:
                item = _update(conn, "ideas", row["id"], {"merged_into_id": survivor_id})
                done.items.append(item)  # type: ignore[arg-type] - not merged before, so it was written
            marks = ", ".join("?" for _ in ids)
            links: dict[str, int] = {}
            for goal, strength in conn.execute(f"SELECT goal_id, strength FROM idea_goals WHERE idea_id "
                                               f"IN (?, {marks})", (survivor_id, *ids)):
                links[goal] = max(strength, links.get(goal, 0))
            done.extend(_replace(conn, "idea_goals", survivor_id, ("goal_id",),
                                 {(g,): {"strength": s} for g, s in links.items()}))
            own = [r[0] for r in conn.execute("SELECT tag FROM idea_tags WHERE idea_id = ? "
                                              "ORDER BY created_at, id", (survivor_id,))]
            gained = [r[0] for r in conn.execute(
                f"SELECT tag FROM idea_tags WHERE idea_id IN ({marks}) ORDER BY tag", ids)]
            done.extend(_replace(conn, "idea_tags", survivor_id, ("tag",),
                                 {(t,): {} for t in clean_tags([*own, *gained])}))
            return done
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, "ideas", error) from None
