"""Reading the curation board: the account's ideas as cards and table rows, their filter, what an idea can be
linked to, one idea in detail with its stage history, and where a merged idea went.

Reading functions return plain dicts (the idea's row plus what a card or a table row shows next to it: goal
chips, tags, the origin meeting, mutual value, quadrant, age), so item models need no further query. The
edits of the board are in `store.ideas`.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from immersion.domain.alignment import mutual_value, quadrant
from immersion.domain.enums import BOARD_STAGES, IdeaStage
from immersion.domain.models import Idea
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


def stage_before_exit(wb: Workbook, idea_id: str) -> str:
    """The board stage a parked or declined idea was in before it left the board ("captured" if unknown)."""
    for row in reversed(history(wb, idea_id)):
        if row["to_stage"] in EXITS and row["from_stage"] in {s.value for s in BOARD_STAGES}:
            return row["from_stage"]
    return IdeaStage.CAPTURED.value
