"""Importing rows from a file into accounts, stakeholders, goals, ideas, investments or financials.

    source = read_source(path, "stakeholders")              # import_source: any CSV dialect, XLSX, JSON
    mapping = auto_map("stakeholders", source.columns)      # column_mapping; the user may change it
    report = dry_run(wb, source, mapping, ImportOptions(account_id=acme))
    result = run_import(wb, source, mapping, ImportOptions(account_id=acme), progress=...)

A dry run and an import share every step, so they report the same: each row is added, updates an existing row
(matched by id, else — stakeholders — by email, else by name within the account; goals and ideas by title,
investments by name and period, financials by period, accounts by name), changes nothing, repeats an earlier
row of the file (a duplicate, skipped), or is rejected with its row number, column and reason.

An import is all or nothing: it runs in one transaction, which also settles what the rows refer to, so what the
dry run showed is what is written. If any row is rejected nothing is written (`ImportRefused`), unless the
caller asked to skip rejected rows. A progress callback may raise (`ImportCancelled`) to cancel; the transaction
is then rolled back and the workbook is exactly as it was. The import returns its `Changes`, so the UI can undo
it as one step.

The work runs on whatever thread calls it; the GUI calls it on a worker thread with the open workbook's
connection (opened with `check_same_thread=False`) and leaves that connection alone until it returns.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from immersion.domain.keys import new_id, utc_now
from immersion.store import column_mapping as cm
from immersion.store.column_mapping import Mapping, auto_map
from immersion.store.edits import Change, Changes
from immersion.store.errors import EditError
from immersion.store.import_checks import CheckedFile, check_file
from immersion.store.import_index import bulk_index
from immersion.store.import_matching import (
    Accounts,
    Existing,
    Outcome,
    check_references,
    chunks,
    load_existing,
    match_rows,
    name_key,
    resolve_accounts,
    resolve_people,
)
from immersion.store.import_report import (
    ImportCancelled,
    ImportRefused,
    ImportReport,
    Update,
)
from immersion.store.import_source import SourceTable, read_source
from immersion.store.workbook import Workbook

__all__ = [
    "ImportCancelled",
    "ImportOptions",
    "ImportRefused",
    "ImportReport",
    "ImportResult",
    "Progress",
    "account_names",
    "auto_map",
    "dry_run",
    "find_account",
    "import_file",
    "read_source",
    "run_import",
]

Progress = Callable[[str, int, int], None]
"""`progress(phase, done, total)`, phase "check" or "write"; raising from it cancels the import."""

_CHUNK = 5000
_LABEL_COLUMN = {"accounts": "name", "stakeholders": "name", "goals": "title", "ideas": "title",
                 "investments": "name", "financials": "period"}


@dataclass(frozen=True)
class ImportOptions:
    """How to import.

    Attributes:
        account_id: the account rows go to when the file does not name one (account-level tables).
        on_existing: "update" existing rows that a row matches, or "skip" them (keep the workbook's values).
        skip_rejected: import the good rows when some are rejected (by default nothing is imported then).
        create_accounts: an account name that is not in the workbook creates the account (else the row is
            rejected).
    """

    account_id: str | None = None
    on_existing: str = "update"
    skip_rejected: bool = False
    create_accounts: bool = False


@dataclass
class ImportResult:
    """What an import did (`report`) and the rows it wrote, before and after (`changes`, for undo)."""

    report: ImportReport
    changes: Changes = field(default_factory=Changes)


# -- public entry points ------------------------------------------------------------------------------------------


def dry_run(wb: Workbook, source: SourceTable, mapping: Mapping, options: ImportOptions = ImportOptions(),
            progress: Progress | None = None) -> ImportReport:
    """What importing `source` with `mapping` would do; reads the workbook, writes nothing."""
    _check_options(wb, mapping, options)
    checked = check_file(source, mapping)
    plan = _plan(wb.conn, checked, mapping, options, progress)
    plan.report.source = source.describe()
    return plan.report


def run_import(wb: Workbook, source: SourceTable, mapping: Mapping, options: ImportOptions = ImportOptions(),
               progress: Progress | None = None, record: bool = True) -> ImportResult:
    """Import `source` into the workbook in one transaction.

    Args:
        record: build the `Changes` (for undo); the command line does without.

    Raises:
        ImportRefused: rows were rejected and `options.skip_rejected` is false; nothing was written.
        ImportCancelled: `progress` raised it; nothing was written.
        WorkbookError: the workbook could not be written; nothing was written.
    """
    _check_options(wb, mapping, options)
    checked = check_file(source, mapping)
    try:
        with wb.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")  # rows may refer to rows later in the file
            plan = _plan(conn, checked, mapping, options, progress)
            plan.report.source = source.describe()
            if plan.report.rejections and not options.skip_rejected:
                raise ImportRefused(plan.report)
            changes = _write(conn, plan, progress, record)
    except sqlite3.IntegrityError as error:
        raise EditError(wb.path, f"The import was refused by the workbook ({error}); nothing was imported.") from None
    plan.report.written = True
    return ImportResult(plan.report, changes)


def import_file(wb: Workbook, path: Path | str, table: str, options: ImportOptions = ImportOptions(),
                columns: dict[str, str | None] | None = None, sheet: str | None = None, dry: bool = False,
                record: bool = False, progress: Progress | None = None) -> ImportResult:
    """Read, map automatically (then apply `columns`: file column -> field or None) and import or dry-run."""
    source = read_source(path, table, sheet)
    mapping = auto_map(table, source.columns)
    for column, name in (columns or {}).items():
        mapping.set(column, name)
    if dry:
        return ImportResult(dry_run(wb, source, mapping, options, progress))
    return run_import(wb, source, mapping, options, progress, record)


def _check_options(wb: Workbook, mapping: Mapping, options: ImportOptions) -> None:
    if mapping.table not in cm.IMPORTABLE:
        raise EditError(wb.path, f"Rows cannot be imported into “{mapping.table}”; choose one of: "
                        f"{', '.join(cm.IMPORTABLE)}.")
    if options.on_existing not in ("update", "skip"):
        raise ValueError(f"on_existing must be 'update' or 'skip', not {options.on_existing!r}")
    problems = mapping.problems(default_account=options.account_id is not None)
    if problems:
        raise EditError(wb.path, " ".join(problems))
    if (options.account_id is not None and mapping.table in cm.ACCOUNT_TABLES
            and wb.conn.execute("SELECT 1 FROM accounts WHERE id = ?", (options.account_id,)).fetchone() is None):
        raise EditError(wb.path, "The account to import into no longer exists.")


# -- the plan: what each row does ---------------------------------------------------------------------------------


@dataclass
class _Plan:
    table: str
    columns: tuple[str, ...]
    inserts: list[tuple[Any, ...]]
    updates: list[tuple[dict[str, Any], dict[str, Any]]]  # (row before, changed values)
    new_accounts: list[tuple[Any, ...]]
    history: list[tuple[Any, ...]]  # first stage-history rows of new ideas
    report: ImportReport


def _table_info(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, Any]]:
    """(column, declared type, default value) of a table; time-stamp defaults come out as None."""
    out = []
    for row in conn.execute(f"PRAGMA table_info({table})"):
        default = row[4]
        if isinstance(default, str):
            if default.startswith("'") and default.endswith("'"):
                default = default[1:-1].replace("''", "'")
            elif default.lstrip("-").replace(".", "", 1).isdigit():
                default = float(default) if "." in default else int(default)
            else:
                default = None
        out.append((row[1], row[2].upper(), default))
    return out


def _plan(conn: sqlite3.Connection, checked: CheckedFile, mapping: Mapping, options: ImportOptions,
          progress: Progress | None) -> _Plan:
    table = checked.table
    report = ImportReport(table, rows=len(checked), unfed=[f.label for f in mapping.unfed()])
    tick = _ticker(progress, "check", len(checked))
    accounts = resolve_accounts(conn, checked, options)
    existing = load_existing(conn, table, checked, accounts)
    check_references(conn, checked)
    outcome = match_rows(checked, accounts, existing, tick)
    resolved = resolve_people(conn, checked, accounts, existing, outcome, report)
    info = _table_info(conn, table)
    real = {name for name, kind, _ in info if kind == "REAL"}
    stamp = utc_now()
    inserts, history = _plan_inserts(conn, checked, accounts, outcome, resolved, info, stamp, report)
    updates = _plan_updates(checked, accounts, existing, outcome, resolved, real, stamp, options, report)
    report.duplicates = outcome.duplicates
    report.rejections = sorted((r for rs in checked.errors.values() for r in rs), key=lambda r: (r.row, r.column))
    report.warnings.sort(key=lambda r: (r.row, r.column))
    report.new_accounts = [name for _, name in accounts.created.values()]
    return _Plan(table, tuple(name for name, _, _ in info), inserts, updates,
                 [(a_id, name, stamp, stamp) for a_id, name in accounts.created.values()], history, report)


def _column_for(checked: CheckedFile, name: str, resolved: dict[str, list[Any]]) -> list[Any] | None:
    """The values a table column gets from the file: a mapped field, or a resolved name (resolved wins)."""
    given = checked.values.get(name)
    found = resolved.get(name)
    if found is None:
        return given
    if given is None:
        return found
    return [f if f is not None else g for f, g in zip(found, given, strict=True)]


def _plan_inserts(conn: sqlite3.Connection, checked: CheckedFile, accounts: Accounts, outcome: Outcome,
                  resolved: dict[str, list[Any]], info: list[tuple[str, str, Any]], stamp: str,
                  report: ImportReport) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The new rows, column by column: file values, then the table's defaults."""
    table = checked.table
    wanted = [p for p, (kind, _, _) in enumerate(outcome.actions) if kind == "insert"]  # rejected ones too
    for name in _required(table):
        values = checked.values.get(name)
        column = checked.column_label(name)
        for position in wanted:
            if values is not None and values[position] is not None:
                continue
            if any(r.column == column for r in checked.errors.get(position, ())):
                continue  # the cell was there but unreadable: that reason is given already
            checked.reject(position, column, f"missing required field {cm.lookup(table, name).label}")
    positions = [p for p in wanted if p not in checked.errors]
    columns: dict[str, list[Any]] = {}
    for name, kind, default in info:
        if name == "id":
            values = [outcome.actions[p][1] for p in positions]
        elif name == "account_id" and table != "accounts":
            values = [accounts.ids[p] for p in positions]
        else:
            source = _column_for(checked, name, resolved)
            if source is None:
                values = [default] * len(positions)
            elif default is None:
                values = [source[p] for p in positions]
            else:
                values = [default if source[p] is None else source[p] for p in positions]
        if kind == "REAL":
            values = [None if v is None else float(v) for v in values]
        columns[name] = values
    columns["created_at"] = [v or stamp for v in columns["created_at"]]
    columns["updated_at"] = [u or c for u, c in zip(columns["updated_at"], columns["created_at"], strict=True)]
    history: list[tuple[Any, ...]] = []
    if table in ("goals", "ideas", "investments"):
        _fill_orders(conn, checked, positions, columns, accounts)
    if table == "ideas":
        ids = checked.values.get("id")
        changed = columns["stage_changed_at"]
        for n, position in enumerate(positions):
            if ids is None or not ids[position]:  # a new idea, not one coming back from an export
                changed[n] = changed[n] or stamp
                history.append((new_id(), columns["id"][n], None, columns["stage"][n], changed[n], None, stamp,
                                stamp))
    report.added = len(positions)
    return list(zip(*(columns[name] for name, _, _ in info), strict=True)), history


def _fill_orders(conn: sqlite3.Connection, checked: CheckedFile, positions: list[int], columns: dict[str, list[Any]],
                 accounts: Accounts) -> None:
    """New goals go to the end of the agenda, new ideas to the end of their board column, in file order; new
    investments take their account's currency."""
    table = checked.table
    if table == "investments":
        if not checked.has("currency"):
            currencies = {a_id: currency for a_id, (_, currency) in accounts.known.items()}
            columns["currency"] = [currencies.get(a, c) for a, c in zip(columns["account_id"], columns["currency"],
                                                                        strict=True)]
        return
    column = "rank" if table == "goals" else "board_order"
    given = checked.values.get(column)
    following: dict[tuple[Any, ...], float] = {}
    for n, position in enumerate(positions):
        if given is not None and given[position] is not None:
            continue
        key = (columns["account_id"][n],) if table == "goals" else (columns["account_id"][n], columns["stage"][n])
        if key not in following:
            if table == "goals":
                last = conn.execute("SELECT max(rank) FROM goals WHERE account_id = ?", key).fetchone()[0]
            else:
                last = conn.execute("SELECT max(board_order) FROM ideas WHERE account_id = ? AND stage = ? AND "
                                    "merged_into_id IS NULL", key).fetchone()[0]
            following[key] = 0 if last is None else last + 1
        columns[column][n] = int(following[key]) if table == "goals" else float(following[key])
        following[key] += 1


def _plan_updates(checked: CheckedFile, accounts: Accounts, existing: Existing, outcome: Outcome,
                  resolved: dict[str, list[Any]], real: set[str], stamp: str, options: ImportOptions,
                  report: ImportReport) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Existing rows that a row matches: the fields whose non-empty cells differ from the workbook's values."""
    table = checked.table
    sources = {}
    for item in cm.fields(table):
        if item.column and item.column not in ("id", "created_at", "updated_at"):
            source = _column_for(checked, item.column, resolved)
            if source is not None:
                sources[item.column] = source
    stamps = checked.values.get("updated_at")
    updates = []
    for position, (kind, ref, by) in enumerate(outcome.actions):
        if kind != "update" or position in checked.errors:
            continue
        before = existing.by_id[ref]
        changed = {}
        for column, values in sources.items():
            value = values[position]
            if value is None:
                continue
            if column in real:
                value = float(value)
            old = before.get(column)
            if old != value and not (column == "email" and isinstance(old, str) and old.casefold() == value.casefold()):
                changed[column] = value
        if table != "accounts" and before.get("account_id") != accounts.ids[position]:
            changed["account_id"] = accounts.ids[position]
        if not changed:
            report.unchanged += 1
            continue
        if options.on_existing == "skip":
            report.kept += 1
            continue
        fields = tuple(changed)
        changed["updated_at"] = (stamps[position] if stamps is not None else None) or stamp
        updates.append((before, changed))
        report.updates.append(Update(checked.rows[position], ref, str(before.get(_LABEL_COLUMN[table])), by, fields))
    return updates


def _required(table: str) -> list[str]:
    return [f.name for f in cm.fields(table) if f.required and f.column]


def _ticker(progress: Progress | None, phase: str, total: int) -> Callable[[int], None]:
    if progress is None:
        return lambda done: None

    def tick(done: int) -> None:
        progress(phase, done, total)

    tick(0)
    return tick


# -- writing -------------------------------------------------------------------------------------------------------


def _write(conn: sqlite3.Connection, plan: _Plan, progress: Progress | None, record: bool) -> Changes:
    changes = Changes()
    total = len(plan.new_accounts) + len(plan.inserts) + len(plan.updates) + len(plan.history)
    tick = _ticker(progress, "write", total)
    done = 0
    if plan.new_accounts:
        conn.executemany("INSERT INTO accounts (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                         plan.new_accounts)
        if record:
            for row in plan.new_accounts:
                after = dict(conn.execute("SELECT * FROM accounts WHERE id = ?", (row[0],)).fetchone())
                changes.items.append(Change("accounts", "insert", row[0], None, after))
        done += len(plan.new_accounts)
    sql = f"INSERT INTO {plan.table} ({', '.join(plan.columns)}) VALUES ({', '.join('?' * len(plan.columns))})"
    with bulk_index(conn, plan.table) as index:
        for chunk in chunks(plan.inserts, _CHUNK):
            conn.executemany(sql, chunk)
            if record:
                changes.items.extend(Change(plan.table, "insert", row[0], None,
                                            dict(zip(plan.columns, row, strict=True))) for row in chunk)
            done += len(chunk)
            tick(done)
        by_columns: dict[tuple[str, ...], list[tuple[dict[str, Any], dict[str, Any]]]] = {}
        for before, changed in plan.updates:
            by_columns.setdefault(tuple(changed), []).append((before, changed))
        for columns, group in by_columns.items():
            sets = ", ".join(f"{c} = ?" for c in columns)
            for chunk in chunks(group, _CHUNK):
                conn.executemany(f"UPDATE {plan.table} SET {sets} WHERE id = ?",
                                 [(*changed.values(), before["id"]) for before, changed in chunk])
                index.changed([before["id"] for before, _ in chunk])
                if record:
                    changes.items.extend(Change(plan.table, "update", before["id"], before, {**before, **changed})
                                         for before, changed in chunk)
                done += len(chunk)
                tick(done)
    if plan.history:
        keys = ("id", "idea_id", "from_stage", "to_stage", "changed_at", "reason", "created_at", "updated_at")
        conn.executemany(f"INSERT INTO idea_stage_history ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})",
                         plan.history)
        if record:
            changes.items.extend(Change("idea_stage_history", "insert", row[0], None,
                                        dict(zip(keys, row, strict=True))) for row in plan.history)
        done += len(plan.history)
        tick(done)
    return changes


# -- looking up ----------------------------------------------------------------------------------------------------


def find_account(wb: Workbook, text: str) -> str | None:
    """The id of the account called `text` (any case and spacing) or with that id; None if none or several."""
    row = wb.conn.execute("SELECT id FROM accounts WHERE id = ?", (text,)).fetchone()
    if row is not None:
        return row[0]
    wanted = name_key(text)
    found = [r[0] for r in wb.conn.execute("SELECT id, name FROM accounts") if name_key(r[1]) == wanted]
    return found[0] if len(found) == 1 else None


def account_names(wb: Workbook) -> list[tuple[str, str]]:
    """(id, name) of every account, by name: for choosing the account to import into."""
    return [(r[0], r[1]) for r in wb.conn.execute("SELECT id, name FROM accounts ORDER BY name COLLATE NOCASE")]
