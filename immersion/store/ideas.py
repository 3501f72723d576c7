"""The curation board's ideas: reading the board, moving and merging ideas, and replacing their link sets.

Reading functions return plain dicts (the idea's row plus what a card or a table row shows next to it: goal
chips, tags, the origin meeting, mutual value, quadrant, age), so item models need no further query. Every
edit runs in one transaction and returns one `Changes`, so each user action is one undo step and
`edits.undo` restores it exactly. A card's place in its column is `board_order` (a REAL): a move between two
cards takes the midpoint, so it writes one row; only when two neighbours leave no room is the column
renumbered.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from immersion.domain.alignment import mutual_value, quadrant
from immersion.domain.enums import BOARD_STAGES, IdeaOrigin, IdeaStage
from immersion.domain.models import Idea
from immersion.store.edits import Changes, _delete, _insert, _integrity, _update  # noqa: PLC2701
from immersion.store.errors import EditError
from immersion.store.ids import now
from immersion.store.workbook import Workbook

Row = dict[str, Any]
NO_GOAL = "-"  # the goal filter's value for "linked to no goal"
EXITS = (IdeaStage.PARKED, IdeaStage.DECLINED)
STAGES = tuple(IdeaStage)


@cache
def _scores(customer: int, ours: int) -> tuple[int, str]:
    """Mutual value and quadrant, computed by the domain once per pair of values (25 pairs in all)."""
    idea = Idea(account_id="", title="", customer_value=customer, our_value=ours)
    return mutual_value(idea), quadrant(idea).value


@lru_cache(maxsize=4096)
def _ordinal(day: str) -> int:
    """The day number of an ISO date (cached: a board's thousands of stamps share a few hundred days)."""
    try:
        return _dt.date.fromisoformat(day).toordinal()
    except ValueError:
        return _dt.date.max.toordinal()


def _dicts(conn: sqlite3.Connection, sql: str, params: Sequence[Any]) -> list[Row]:
    """Rows as plain dicts, built from tuples (faster than from `sqlite3.Row` for thousands of rows)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    cursor.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor]


# -- reading -----------------------------------------------------------------------------------------------


def ideas(wb: Workbook, account_id: str, today: _dt.date | None = None) -> list[Row]:
    """The account's ideas still on the board (not merged), in stage order, then in hand-made column order.

    Each row is the idea's row plus `goals` (dicts of `goal_id`, `title`, `strength`; strongest first),
    `goal_ids`, `tags`, `meeting_title`, `meeting_starts_at`, `mutual_value`, `quadrant` (its value),
    `age_days` (since the idea was created), `stage_days` (since it reached its stage) and `merged_count`
    (ideas merged into it).
    """
    day = (today or _dt.date.today()).toordinal()
    conn = wb.conn
    rows = _dicts(conn, "SELECT i.*, m.title AS meeting_title, m.starts_at AS meeting_starts_at FROM ideas i "
                  "LEFT JOIN meetings m ON m.id = i.origin_meeting_id WHERE i.account_id = ? AND "
                  "i.merged_into_id IS NULL ORDER BY i.board_order, i.created_at, i.id", (account_id,))
    goals: dict[str, list[Row]] = defaultdict(list)
    for idea_id, goal_id, strength, title in conn.execute(
            "SELECT l.idea_id, l.goal_id, l.strength, g.title FROM idea_goals l "
            "JOIN ideas i ON i.id = l.idea_id JOIN goals g ON g.id = l.goal_id "
            "WHERE i.account_id = ? AND i.merged_into_id IS NULL ORDER BY l.strength DESC, g.rank, g.title",
            (account_id,)):
        goals[idea_id].append({"goal_id": goal_id, "title": title, "strength": strength})
    tags: dict[str, list[str]] = defaultdict(list)
    for idea_id, tag in conn.execute(
            "SELECT t.idea_id, t.tag FROM idea_tags t JOIN ideas i ON i.id = t.idea_id "
            "WHERE i.account_id = ? AND i.merged_into_id IS NULL ORDER BY t.tag COLLATE NOCASE",
            (account_id,)):
        tags[idea_id].append(tag)
    merged = dict(conn.execute(
        "SELECT merged_into_id, count(*) FROM ideas WHERE account_id = ? AND merged_into_id IS NOT NULL "
        "GROUP BY merged_into_id", (account_id,)).fetchall())
    for row in rows:
        key = row["id"]
        links = goals.get(key, [])
        row["mutual_value"], row["quadrant"] = _scores(row["customer_value"], row["our_value"])
        row["goals"], row["goal_ids"], row["tags"] = links, [g["goal_id"] for g in links], tags.get(key, [])
        row["age_days"] = max(0, day - _ordinal(row["created_at"][:10]))
        row["stage_days"] = max(0, day - _ordinal((row["stage_changed_at"] or row["created_at"])[:10]))
        row["merged_count"] = merged.get(key, 0)
    rank = {stage.value: n for n, stage in enumerate(STAGES)}
    rows.sort(key=lambda r: rank.get(r["stage"], len(rank)))  # stable: the column order stays
    return rows


def board(wb: Workbook, account_id: str, today: _dt.date | None = None) -> dict[str, list[Row]]:
    """The account's board: every stage (six columns, then parked and declined) to its cards in hand order."""
    columns: dict[str, list[Row]] = {stage.value: [] for stage in STAGES}
    for row in ideas(wb, account_id, today):
        columns[row["stage"]].append(row)
    return columns


@dataclass(frozen=True)
class IdeaFilter:
    """What the table (and the board) shows; empty fields do not filter.

    Attributes:
        stage: one stage value.
        goal_id: ideas linked to this goal, or `NO_GOAL` for ideas linked to none.
        origin: one origin value.
        quadrant: one `Quadrant` value.
        tag: ideas carrying this tag (case-insensitive).
        text: words that must all occur in the title, description, tags, goals or origin meeting.
    """

    stage: str | None = None
    goal_id: str | None = None
    origin: str | None = None
    quadrant: str | None = None
    tag: str | None = None
    text: str = ""

    def __bool__(self) -> bool:
        return any((self.stage, self.goal_id, self.origin, self.quadrant, self.tag, self.text.strip()))

    def matches(self, row: Row) -> bool:
        """Whether a row of `ideas()` passes every filter that is set."""
        if self.stage and row["stage"] != self.stage:
            return False
        if self.origin and row["origin"] != self.origin:
            return False
        if self.quadrant and row["quadrant"] != self.quadrant:
            return False
        if self.goal_id == NO_GOAL and row["goal_ids"]:
            return False
        if self.goal_id and self.goal_id != NO_GOAL and self.goal_id not in row["goal_ids"]:
            return False
        if self.tag and self.tag.casefold() not in (t.casefold() for t in row["tags"]):
            return False
        words = self.text.casefold().split()
        if words:
            haystack = " ".join([row["title"], row.get("description") or "", row.get("meeting_title") or "",
                                 *row["tags"], *(g["title"] for g in row["goals"])]).casefold()
            return all(word in haystack for word in words)
        return True


@dataclass(frozen=True)
class IdeaChoices:
    """What an idea of the account can be linked to, as (id, label, detail) triples, and the tags in use."""

    goals: list[tuple[str, str, str]]
    meetings: list[tuple[str, str, str]]
    stakeholders: list[tuple[str, str, str]]
    team_members: list[tuple[str, str, str]]
    assets: list[tuple[str, str, str]]
    tags: list[str]


def choices(wb: Workbook, account_id: str) -> IdeaChoices:
    """The account's goals (agenda order), meetings (latest first), people, the asset catalogue and tags."""
    conn = wb.conn

    def triples(sql: str, *params: str) -> list[tuple[str, str, str]]:
        return [(r[0], r[1], r[2] or "") for r in conn.execute(sql, params)]

    return IdeaChoices(
        goals=triples("SELECT id, title, status FROM goals WHERE account_id = ? ORDER BY "
                      "status IN ('achieved', 'dropped'), rank, title", account_id),
        meetings=triples("SELECT id, title, starts_at FROM meetings WHERE account_id = ? "
                         "ORDER BY starts_at DESC", account_id),
        stakeholders=triples("SELECT id, name, title FROM stakeholders WHERE account_id = ? "
                             "ORDER BY name COLLATE NOCASE", account_id),
        team_members=triples("SELECT id, name, function FROM team_members ORDER BY name COLLATE NOCASE"),
        assets=triples("SELECT id, name, kind FROM assets ORDER BY name COLLATE NOCASE"),
        tags=[r[0] for r in conn.execute(
            "SELECT DISTINCT t.tag FROM idea_tags t JOIN ideas i ON i.id = t.idea_id WHERE i.account_id = ? "
            "ORDER BY t.tag COLLATE NOCASE", (account_id,))],
    )


def detail(wb: Workbook, idea_id: str) -> Row | None:
    """Everything the editor shows of one idea; None when it no longer exists.

    The idea's row plus `goal_links` ({goal id: strength}), `asset_ids`, `stakeholder_ids`,
    `team_member_ids`, `tags`, `meeting_title`, `history` (see `history()`), `merged` (the rows of the ideas
    merged into it, each with its `meeting_title`) and `merged_into_title`.
    """
    conn = wb.conn
    found = conn.execute("SELECT i.*, m.title AS meeting_title FROM ideas i LEFT JOIN meetings m "
                         "ON m.id = i.origin_meeting_id WHERE i.id = ?", (idea_id,)).fetchone()
    if found is None:
        return None
    row = dict(found)
    row["mutual_value"], row["quadrant"] = _scores(row["customer_value"], row["our_value"])
    row["goal_links"] = dict(conn.execute("SELECT goal_id, strength FROM idea_goals WHERE idea_id = ?",
                                          (idea_id,)).fetchall())
    row["asset_ids"] = [r[0] for r in conn.execute("SELECT asset_id FROM idea_assets WHERE idea_id = ?",
                                                   (idea_id,))]
    people = conn.execute("SELECT stakeholder_id, team_member_id FROM idea_people WHERE idea_id = ?",
                          (idea_id,)).fetchall()
    row["stakeholder_ids"] = [p[0] for p in people if p[0]]
    row["team_member_ids"] = [p[1] for p in people if p[1]]
    row["tags"] = [r[0] for r in conn.execute("SELECT tag FROM idea_tags WHERE idea_id = ? "
                                              "ORDER BY tag COLLATE NOCASE", (idea_id,))]
    row["history"] = history(wb, idea_id)
    row["merged"] = [dict(r) for r in conn.execute(
        "SELECT i.*, m.title AS meeting_title FROM ideas i LEFT JOIN meetings m "
        "ON m.id = i.origin_meeting_id WHERE i.merged_into_id = ? ORDER BY i.updated_at, i.title",
        (idea_id,))]
    into = conn.execute("SELECT title FROM ideas WHERE id = ?", (row["merged_into_id"],)).fetchone()
    row["merged_into_title"] = into[0] if into else None
    return row


def history(wb: Workbook, idea_id: str) -> list[Row]:
    """The idea's stage changes, oldest first: `from_stage` (None when it was captured), `to_stage`,
    `changed_at` (UTC) and `reason`."""
    return [dict(r) for r in wb.conn.execute(
        "SELECT id, from_stage, to_stage, changed_at, reason FROM idea_stage_history WHERE idea_id = ? "
        "ORDER BY changed_at, created_at, rowid", (idea_id,))]


def survivor_of(wb: Workbook, idea_id: str) -> str | None:
    """The idea that `idea_id` was merged into (perhaps in steps), or itself; None when it is gone."""
    seen: set[str] = set()
    current: str | None = idea_id
    while current is not None and current not in seen:
        seen.add(current)
        row = wb.conn.execute("SELECT merged_into_id FROM ideas WHERE id = ?", (current,)).fetchone()
        if row is None:
            return None
        if row[0] is None:
            return current
        current = row[0]
    return None


# -- edits -------------------------------------------------------------------------------------------------


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
    stamp = at or now()
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
    stamp = at or now()
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


def stage_before_exit(wb: Workbook, idea_id: str) -> str:
    """The board stage a parked or declined idea was in before it left the board ("captured" if unknown)."""
    for row in reversed(history(wb, idea_id)):
        if row["to_stage"] in EXITS and row["from_stage"] in {s.value for s in BOARD_STAGES}:
            return row["from_stage"]
    return IdeaStage.CAPTURED.value

