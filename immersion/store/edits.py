"""Edits: add, change and delete rows of any table, each in one transaction, returning what changed.

Every edit returns a `Changes` record holding the rows before and after, including the rows that a delete
cascades to and the references it clears. `undo(changes)` applies the exact inverse, so the UI's undo stack
needs no per-entity code. Writes go through `Workbook.transaction()`; no other module writes SQL for edits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from immersion.domain.keys import new_id, utc_now
from immersion.store import schema
from immersion.store.errors import EditError
from immersion.store.workbook import Workbook

Op = Literal["insert", "update", "delete"]
_PROTECTED = {"id", "created_at", "updated_at"}


@dataclass(frozen=True)
class Change:
    """One row that an edit inserted, updated or deleted."""

    table: str
    op: Op
    row_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def account_id(self) -> str | None:
        row = self.after or self.before or {}
        if self.table == "accounts":
            return self.row_id
        return row.get("account_id")


@dataclass
class Changes:
    """What one edit did, in the order it did it."""

    items: list[Change] = field(default_factory=list)

    def tables(self) -> set[str]:
        return {c.table for c in self.items}

    def accounts(self) -> set[str]:
        return {c.account_id for c in self.items if c.account_id}

    def ids(self, table: str, op: Op | None = None) -> list[str]:
        return [c.row_id for c in self.items if c.table == table and (op is None or c.op == op)]

    def extend(self, other: Changes) -> Changes:
        self.items.extend(other.items)
        return self

    def __bool__(self) -> bool:
        return bool(self.items)


# -- schema introspection ---------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _columns(table: str) -> tuple[str, ...]:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(schema.TABLES[table])
        return tuple(row[1] for row in conn.execute(f"PRAGMA table_info({table})"))
    finally:
        conn.close()


@lru_cache(maxsize=None)
def _references() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """parent table -> ((child table, child column, ON DELETE action), ...)."""
    conn = sqlite3.connect(":memory:")
    refs: dict[str, list[tuple[str, str, str]]] = {}
    try:
        for table, ddl in schema.TABLES.items():
            conn.execute(ddl)
        for table in schema.TABLES:
            for row in conn.execute(f"PRAGMA foreign_key_list({table})"):
                refs.setdefault(row[2], []).append((table, row[3], row[6].upper()))
    finally:
        conn.close()
    return {parent: tuple(children) for parent, children in refs.items()}


def columns(table: str) -> tuple[str, ...]:
    """The columns of a workbook table (raises EditError for an unknown table)."""
    if table not in schema.TABLES:
        raise EditError("", f"There is no table “{table}” in a workbook.")
    return _columns(table)


def _check_fields(table: str, values: Mapping[str, Any], allow_protected: bool = False) -> None:
    known = set(columns(table))
    unknown = [k for k in values if k not in known or (k in _PROTECTED and not allow_protected)]
    if unknown:
        raise EditError("", f"{table} has no editable field {', '.join(sorted(unknown))}.")


def _plain(value: Any) -> Any:
    """Enums and booleans as the workbook stores them."""
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "value") and isinstance(getattr(value, "value"), str):
        return value.value
    return value


def _integrity(wb: Workbook, table: str, error: sqlite3.IntegrityError) -> EditError:
    text = str(error)
    if "CHECK constraint failed" in text:
        rule = text.split("CHECK constraint failed:", 1)[-1].strip()
        return EditError(wb.path, f"That value is not allowed for {table.replace('_', ' ')} ({rule}).")
    if "UNIQUE constraint failed" in text:
        return EditError(wb.path, f"That {table.replace('_', ' ').rstrip('s')} already exists.")
    if "FOREIGN KEY" in text:
        return EditError(wb.path, f"The {table.replace('_', ' ')} refers to something that does not exist.")
    if "NOT NULL" in text:
        column = text.rsplit(".", 1)[-1]
        return EditError(wb.path, f"{column.replace('_', ' ').capitalize()} is required.")
    return EditError(wb.path, f"The change was refused: {text}.")


def _row(conn: sqlite3.Connection, table: str, row_id: str) -> dict[str, Any] | None:
    row = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    return None if row is None else dict(row)


# -- primitive operations (inside a transaction) -----------------------------------------------------------------


def _insert(conn: sqlite3.Connection, table: str, values: Mapping[str, Any]) -> Change:
    row = {k: _plain(v) for k, v in values.items()}
    row.setdefault("id", new_id())
    stamp = utc_now()
    row.setdefault("created_at", stamp)
    row.setdefault("updated_at", stamp)
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(row.values()))
    return Change(table, "insert", row["id"], None, _row(conn, table, row["id"]))


def _update(conn: sqlite3.Connection, table: str, row_id: str, values: Mapping[str, Any],
            touch: bool = True) -> Change | None:
    before = _row(conn, table, row_id)
    if before is None:
        raise EditError("", f"That {table.replace('_', ' ').rstrip('s')} no longer exists.")
    changed = {k: _plain(v) for k, v in values.items() if before.get(k) != _plain(v)}
    if not changed:
        return None
    if touch:
        changed["updated_at"] = utc_now()
    sets = ", ".join(f"{k} = ?" for k in changed)
    conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*changed.values(), row_id))
    return Change(table, "update", row_id, before, _row(conn, table, row_id))


def _collect_delete(conn: sqlite3.Connection, table: str, ids: list[str],
                    doomed: dict[tuple[str, str], dict[str, Any]], order: list[tuple[str, str]]) -> None:
    fresh = [i for i in ids if (table, i) not in doomed]
    if not fresh:
        return
    for start in range(0, len(fresh), 500):
        chunk = fresh[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in conn.execute(f"SELECT * FROM {table} WHERE id IN ({marks})", chunk):
            doomed[(table, row["id"])] = dict(row)
            order.append((table, row["id"]))
    for child, column, action in _references().get(table, ()):
        if action != "CASCADE":
            continue
        for start in range(0, len(fresh), 500):
            chunk = fresh[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            child_ids = [r[0] for r in conn.execute(f"SELECT id FROM {child} WHERE {column} IN ({marks})", chunk)]
            _collect_delete(conn, child, child_ids, doomed, order)


def _delete(conn: sqlite3.Connection, table: str, row_ids: Iterable[str]) -> Changes:
    doomed: dict[tuple[str, str], dict[str, Any]] = {}
    order: list[tuple[str, str]] = []
    _collect_delete(conn, table, list(row_ids), doomed, order)
    changes = Changes()
    # References that ON DELETE SET NULL will clear, on rows that survive: recorded so undo can restore them.
    by_table: dict[str, list[str]] = {}
    for t, i in order:
        by_table.setdefault(t, []).append(i)
    for parent, ids in by_table.items():
        for child, column, action in _references().get(parent, ()):
            if action != "SET NULL":
                continue
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                marks = ", ".join("?" for _ in chunk)
                for row in conn.execute(f"SELECT * FROM {child} WHERE {column} IN ({marks})", chunk):
                    if (child, row["id"]) in doomed:
                        continue
                    before = dict(row)
                    after = dict(before, **{column: None})
                    changes.items.append(Change(child, "update", row["id"], before, after))
    deletions = [Change(t, "delete", i, doomed[(t, i)], None) for t, i in order]
    top = [i for t, i in order if t == table]
    for start in range(0, len(top), 500):
        chunk = top[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        conn.execute(f"DELETE FROM {table} WHERE id IN ({marks})", chunk)
    # Deletions first (parents before children), then the cleared references.
    return Changes(deletions + changes.items)


# -- rules that span rows (checked inside the edit's transaction, before it commits) -------------------------


def _shares_within_amount(conn: sqlite3.Connection, item: Change) -> None:
    row = item.after or item.before or {}
    total = conn.execute(
        "SELECT coalesce(sum(share), 0) FROM investment_goals WHERE investment_id = ?", (row.get("investment_id"),)
    ).fetchone()[0]
    if total > 1.000001:
        raise EditError("", f"The goals' shares of an investment add up to {total:.0%}; at most 100% is possible.")


_RULES = {"investment_goals": _shares_within_amount}


def _enforce(conn: sqlite3.Connection, items: Iterable[Change]) -> None:
    for item in items:
        rule = _RULES.get(item.table)
        if rule and item.op != "delete":
            rule(conn, item)


# -- public edits ----------------------------------------------------------------------------------------------


def add(wb: Workbook, table: str, **values: Any) -> Changes:
    """Insert one row; `values` are column names. The new row's id is `changes.items[0].row_id`."""
    _check_fields(table, values, allow_protected=False)
    try:
        with wb.transaction() as conn:
            done = Changes([_insert(conn, table, values)])
            _enforce(conn, done.items)
            return done
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, table, error) from None


def change(wb: Workbook, table: str, row_id: str, **values: Any) -> Changes:
    """Update fields of one row; unchanged values are not written. Empty Changes when nothing differs."""
    _check_fields(table, values)
    try:
        with wb.transaction() as conn:
            item = _update(conn, table, row_id, values)
            done = Changes([item] if item else [])
            _enforce(conn, done.items)
            return done
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, table, error) from None


def delete(wb: Workbook, table: str, *row_ids: str) -> Changes:
    """Delete rows and, as the schema says, what cascades from them; the result can be undone."""
    columns(table)
    with wb.transaction() as conn:
        return _delete(conn, table, list(row_ids))


def undo(wb: Workbook, changes: Changes) -> Changes:
    """Apply the exact inverse of `changes` in one transaction and return what that did (for redo)."""
    return apply_inverse(wb, changes)


def redo(wb: Workbook, changes: Changes) -> Changes:
    """Re-apply `changes` (as returned by an earlier edit) in one transaction."""
    return _apply(wb, changes.items)


def apply_inverse(wb: Workbook, changes: Changes) -> Changes:
    """Undo `changes`, newest step first. Foreign keys are checked at commit, so order within is free."""
    inverse: list[Change] = []
    for item in reversed(changes.items):
        if item.op == "insert":
            inverse.append(Change(item.table, "delete", item.row_id, item.after, None))
        elif item.op == "delete":
            inverse.append(Change(item.table, "insert", item.row_id, None, item.before))
        else:
            inverse.append(Change(item.table, "update", item.row_id, item.after, item.before))
    return _apply(wb, inverse)


def _apply(wb: Workbook, items: list[Change]) -> Changes:
    """Replay changes in order. Runs of inserts or deletes on one table go in batches, so undoing (or redoing)
    an import of 100,000 rows takes seconds, not minutes."""
    try:
        with wb.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            done = Changes()
            for op, table, run in _runs(items):
                if op == "insert":
                    done.items.extend(_insert_many(conn, table, [c.after for c in run if c.after is not None]))
                elif op == "delete":
                    done.extend(_delete(conn, table, [c.row_id for c in run]))
                else:
                    for item in run:
                        assert item.after is not None
                        values = {k: v for k, v in item.after.items() if k not in ("id", "created_at")}
                        result = _update(conn, item.table, item.row_id, values, touch=False)
                        if result:
                            done.items.append(result)
            _enforce(conn, done.items)
            return done
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, items[0].table if items else "workbook", error) from None


def _runs(items: list[Change]) -> Iterable[tuple[str, str, list[Change]]]:
    """Consecutive changes of the same kind on the same table, in order."""
    run: list[Change] = []
    for item in items:
        if run and (item.op, item.table) != (run[0].op, run[0].table):
            yield run[0].op, run[0].table, run
            run = []
        run.append(item)
    if run:
        yield run[0].op, run[0].table, run


def _insert_many(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> list[Change]:
    """Put back rows exactly as recorded (rows already there are left alone)."""
    if not rows:
        return []
    ids = [row["id"] for row in rows]
    present: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        present.update(r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk))
    fresh = [row for row in rows if row["id"] not in present]
    by_shape: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in fresh:
        by_shape.setdefault(tuple(row), []).append(row)
    for names, group in by_shape.items():
        marks = ", ".join("?" for _ in names)
        conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})",
                         [tuple(_plain(row[n]) for n in names) for row in group])
    return [Change(table, "insert", row["id"], None, dict(row)) for row in fresh]


# -- reading ---------------------------------------------------------------------------------------------------


def get(wb: Workbook, table: str, row_id: str) -> dict[str, Any] | None:
    columns(table)
    return _row(wb.conn, table, row_id)


def rows(wb: Workbook, table: str, order_by: str | None = None, **where: Any) -> list[dict[str, Any]]:
    """All rows of `table` matching equality filters, e.g. `rows(wb, "goals", account_id=a, order_by="rank")`."""
    _check_fields(table, where, allow_protected=True)
    clause = " AND ".join(f"{k} IS ?" for k in where)
    sql = f"SELECT * FROM {table}" + (f" WHERE {clause}" if clause else "")
    if order_by:
        for part in order_by.split(","):
            name = part.strip().split()[0]
            if name not in columns(table):
                raise EditError(wb.path, f"{table} cannot be sorted by {name}.")
        sql += f" ORDER BY {order_by}"
    return [dict(r) for r in wb.conn.execute(sql, tuple(_plain(v) for v in where.values()))]


def count(wb: Workbook, table: str) -> int:
    columns(table)
    return wb.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# Link tables have no account of their own: their account is their parent's.
_PARENT_OF = {
    "idea_goals": ("ideas", "idea_id"),
    "idea_assets": ("ideas", "idea_id"),
    "idea_people": ("ideas", "idea_id"),
    "idea_tags": ("ideas", "idea_id"),
    "idea_stage_history": ("ideas", "idea_id"),
    "investment_goals": ("investments", "investment_id"),
    "meeting_attendees": ("meetings", "meeting_id"),
    "coverage": ("stakeholders", "stakeholder_id"),
    "stakeholder_influences": ("stakeholders", "from_id"),
}


def touched_accounts(wb: Workbook, changes: Changes) -> set[str]:
    """The accounts whose figures an edit may have changed, including through link rows."""
    found = changes.accounts()
    for item in changes.items:
        parent = _PARENT_OF.get(item.table)
        if parent is None:
            continue
        table, column = parent
        row = item.after or item.before or {}
        owner = wb.conn.execute(f"SELECT account_id FROM {table} WHERE id = ?", (row.get(column),)).fetchone()
        if owner is not None:
            found.add(owner[0])
        else:  # the parent went in the same edit: its row is among the changes
            found.update(c.account_id for c in changes.items if c.table == table and c.row_id == row.get(column)
                         and c.account_id)
    return found
