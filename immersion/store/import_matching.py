"""Settling what the rows of an import refer to in the workbook, and which rows they match.

For each row of a checked file (`import_checks.CheckedFile`): its account (an id, a name, or the account
imported into; with `create_accounts`, a new one), whether its ids point at rows that exist, which existing row
it matches (by id, else by its table's natural key: stakeholders by email, else by name within the account —
by name only a row without another email; goals and ideas by title, investments by name and period, financials
by period, accounts by name), whether it repeats an earlier row of the file, and whom the names in "Reports to"
or "Owner" mean. Problems become rejections of the row (`CheckedFile.reject`) or, where the row can go in
without the link, warnings.

Used by `importing.py`; all reading, inside the import's transaction when there is one.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from immersion.domain.keys import new_id
from immersion.store import column_mapping as cm
from immersion.store.import_checks import CheckedFile, Rejection
from immersion.store.import_report import Duplicate, ImportReport

if TYPE_CHECKING:
    from immersion.store.importing import ImportOptions

_WHAT = {"accounts": "account", "stakeholders": "stakeholder", "team_members": "team member", "goals": "goal",
         "ideas": "idea", "meetings": "meeting", "investments": "investment", "financials": "period"}


def name_key(value: Any) -> str | None:
    """A name or email as rows are matched by it: blanks collapsed, case folded; None when empty."""
    if value is None:
        return None
    text = " ".join(str(value).split()).casefold()
    return text or None


# -- accounts -------------------------------------------------------------------------------------------------


@dataclass
class Accounts:
    """The account of each row, the accounts of the workbook, and those the import creates."""

    ids: list[str | None]  # the account of each row (None for the accounts table)
    known: dict[str, tuple[str, str]]  # id -> (name, currency)
    created: dict[str, tuple[str, str]] = field(default_factory=dict)  # name key -> (new id, name)


def resolve_accounts(conn: sqlite3.Connection, checked: CheckedFile, options: ImportOptions) -> Accounts:
    """Each row's account: its account id, else its account name, else the account imported into."""
    known = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, name, currency FROM accounts")}
    result = Accounts([None] * len(checked), known)
    if checked.table not in cm.ACCOUNT_TABLES:
        return result
    by_name: dict[str, list[str]] = {}
    for a_id, (name, _) in known.items():
        by_name.setdefault(name_key(name) or "", []).append(a_id)
    ids = checked.values.get("account_id")
    names = checked.values.get("account")
    cache: dict[str, tuple[str | None, str | None]] = {}

    def by_text(text: str) -> tuple[str | None, str | None]:
        if text in known:
            return text, None
        key = name_key(text) or ""
        found = by_name.get(key, [])
        if len(found) == 1:
            return found[0], None
        if len(found) > 1:
            return None, f"{len(found)} accounts are called “{text}”; use the account id"
        if options.create_accounts:
            if key not in result.created:
                result.created[key] = (new_id(), " ".join(text.split()))
                known[result.created[key][0]] = (result.created[key][1], "EUR")
            return result.created[key][0], None
        return None, f"unknown account “{text}” (add the account first, or let the import create it)"

    for position in range(len(checked)):
        if ids is not None and ids[position]:
            if ids[position] in known:
                result.ids[position] = ids[position]
            else:
                checked.reject(position, checked.columns["account_id"], "refers to an account that does not exist")
            continue
        if names is not None and names[position]:
            text = names[position]
            if text not in cache:
                cache[text] = by_text(text)
            account, problem = cache[text]
            if problem:
                checked.reject(position, checked.columns["account"], problem)
            result.ids[position] = account
            continue
        if options.account_id is not None:
            result.ids[position] = options.account_id
        else:
            checked.reject(position, checked.column_label("account"), "missing required field Account")
    return result


# -- existing rows and matching ----------------------------------------------------------------------------------


@dataclass
class Existing:
    """The workbook's rows that the file's rows may match, by id and by natural key."""

    by_id: dict[str, dict[str, Any]]
    keys: dict[tuple[Any, ...], list[str]]  # natural key -> ids


def natural_keys(table: str, row: dict[str, Any], account: str | None) -> list[tuple[str, tuple[Any, ...]]]:
    """The keys an existing row is found by, most telling first: (what, key)."""
    keys = []
    for what, columns in _KEYS[table]:
        parts = tuple(name_key(row.get(c)) if c != "period" else row.get(c) for c in columns)
        if all(parts):
            keys.append((what, (account, *parts)))
    return keys


# What rows are matched by, per table, most telling first: (what, the columns that make the key).
_KEYS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "accounts": (("name", ("name",)),),
    "stakeholders": (("email", ("email",)), ("name", ("name",))),
    "goals": (("title", ("title",)),),
    "ideas": (("title", ("title",)),),
    "investments": (("name and period", ("name", "period")),),
    "financials": (("period", ("period",)),),
}


def load_existing(conn: sqlite3.Connection, table: str, checked: CheckedFile, accounts: Accounts) -> Existing:
    rows: dict[str, dict[str, Any]] = {}
    if table == "accounts":
        query: Iterable[sqlite3.Row] = conn.execute("SELECT * FROM accounts")
        rows.update((r["id"], dict(r)) for r in query)
    else:
        wanted = sorted({a for a in accounts.ids if a is not None} - {i for i, _ in accounts.created.values()})
        for chunk in chunks(wanted, 500):
            marks = ", ".join("?" * len(chunk))
            rows.update((r["id"], dict(r)) for r in conn.execute(
                f"SELECT * FROM {table} WHERE account_id IN ({marks})", chunk))
    file_ids = sorted({v for v in checked.values.get("id", []) if v and v not in rows})
    for chunk in chunks(file_ids, 500):
        marks = ", ".join("?" * len(chunk))
        rows.update((r["id"], dict(r)) for r in conn.execute(f"SELECT * FROM {table} WHERE id IN ({marks})", chunk))
    keys: dict[tuple[Any, ...], list[str]] = {}
    for row_id, row in rows.items():
        for what, key in natural_keys(table, row, row.get("account_id")):
            keys.setdefault((what, *key), []).append(row_id)
    return Existing(rows, keys)


def chunks(items: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass
class Outcome:
    """What each row does, and the rows that repeat earlier ones."""

    actions: list[tuple[str, str, str]]  # (insert | update | duplicate, row id, matched by); see checked.errors
    duplicates: list[Duplicate]


def key_columns(checked: CheckedFile, accounts: Accounts) -> list[tuple[str, list[Any], tuple[str, ...]]]:
    """Per key of the table: (what, the key of each row or None, the fields it is made of)."""
    found = []
    for what, columns in _KEYS[checked.table]:
        if not all(checked.has(c) for c in columns):
            continue
        parts = [[" ".join(v.split()).casefold() or None if v else None for v in checked.values[c]]
                 if c != "period" else checked.values[c] for c in columns]
        if len(parts) == 1:
            keys = [(what, account, p) if p else None for account, p in zip(accounts.ids, parts[0], strict=True)]
        else:
            keys = [(what, account, *p) if all(p) else None for account, *p in zip(accounts.ids, *parts, strict=True)]
        found.append((what, keys, columns))
    return found


def match_rows(checked: CheckedFile, accounts: Accounts, existing: Existing,
               tick: Callable[[int], None]) -> Outcome:
    """Decide for each row: a new row, an update of an existing one, or a repeat of an earlier row of the file.

    Stakeholders: a row with an email matches by email; by name it matches only a row without an email (two
    people of one name with different emails are two people).
    """
    n = len(checked)
    ids = checked.values.get("id") or [None] * n
    people = checked.table == "stakeholders"
    emails = [v.casefold() if v else None for v in checked.values["email"]] if people and checked.has("email") \
        else [None] * n
    keys = key_columns(checked, accounts)
    known_emails: dict[int, str | None] = {}
    fresh = iter(new_ids(n))
    seen_ids: dict[str, int] = {}
    seen: dict[tuple[Any, ...], int] = {}
    actions: list[tuple[str, str, str]] = []
    duplicates: list[Duplicate] = []
    rows, errors, by_id, by_key = checked.rows, checked.errors, existing.by_id, existing.keys
    for position in range(n):
        if position % 20000 == 0 and position:
            tick(position)
        given, email = ids[position], emails[position]
        rejected = position in errors  # still matched, to tell whether it lacks what a new row needs
        if not rejected and given and given in seen_ids:
            duplicates.append(Duplicate(rows[position], rows[seen_ids[given]], f"id {given}"))
            actions.append(("duplicate", "", ""))
            continue
        repeated = None
        for what, column, fields in keys if not rejected else ():
            key = column[position]
            earlier = seen.get(key) if key is not None else None
            if earlier is not None and not (people and what == "name" and email and known_emails[earlier]):
                shown = " ".join(str(checked.values[c][position]) for c in fields)
                repeated = Duplicate(rows[position], rows[earlier], f"{what} {shown}")
                break
        if repeated is not None:
            duplicates.append(repeated)
            actions.append(("duplicate", "", ""))
            continue
        match: tuple[str, str] | None = (given, "id") if given and given in by_id else None
        if match is None:
            for what, column, _ in keys:
                key = column[position]
                for candidate in by_key.get(key, ()) if key is not None else ():
                    if people and what == "name" and email and by_id[candidate].get("email"):
                        continue
                    match = (candidate, what)
                    break
                if match:
                    break
        if given and not rejected:
            seen_ids[given] = position
        for _, column, _ in keys if not rejected else ():
            if column[position] is not None:
                seen.setdefault(column[position], position)
        if people:  # an earlier row "has" the email of the row it updates, for the rows after it
            known_emails[position] = email or (by_id[match[0]].get("email") if match else None)
        actions.append(("update", *match) if match else ("insert", given or next(fresh), ""))
    tick(n)
    return Outcome(actions, duplicates)


def new_ids(count: int) -> list[str]:
    """`count` random (version 4) UUIDs as text, like `ids.new_id()` but forty times faster in bulk."""
    raw = os.urandom(16 * count).hex()
    out = []
    for start in range(0, 32 * count, 32):
        h = raw[start:start + 32]
        out.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}")
    return out


# -- references --------------------------------------------------------------------------------------------------


def check_references(conn: sqlite3.Connection, checked: CheckedFile) -> None:
    """Id columns (ours, from an export) must point at rows that exist, in the workbook or in the file."""
    table = checked.table
    own = {v for v in checked.values.get("id", []) if v}
    for name, values in checked.values.items():
        item = cm.lookup(table, name)
        if item.kind != cm.REF or item.name == "account_id":
            continue
        wanted = sorted({v for v in values if v} - (own if item.ref == table else set()))
        found: set[str] = set()
        for chunk in chunks(wanted, 500):
            marks = ", ".join("?" * len(chunk))
            found.update(r[0] for r in conn.execute(f"SELECT id FROM {item.ref} WHERE id IN ({marks})", chunk))
        known = found | (own if item.ref == table else set())
        ids = checked.values.get("id")
        for position, value in enumerate(values):
            if not value:
                continue
            if value not in known:
                checked.reject(position, checked.columns[name],
                               f"refers to a {_WHAT.get(item.ref or '', 'row')} that does not exist")
            elif ids is not None and ids[position] == value:
                checked.reject(position, checked.columns[name], "a row cannot refer to itself")


def resolve_people(conn: sqlite3.Connection, checked: CheckedFile, accounts: Accounts, existing: Existing,
                   outcome: Outcome, report: ImportReport) -> dict[str, list[Any]]:
    """Names of people (whom a stakeholder reports to, an account's owner) as ids; unknown ones are left empty."""
    resolved: dict[str, list[Any]] = {}
    n = len(checked)
    if checked.has("reports_to"):
        index: dict[tuple[str | None, str], set[str]] = {}

        def add(account: str | None, row_id: str, name: Any, email: Any) -> None:
            for key in (name_key(name), name_key(email)):
                if key:
                    index.setdefault((account, key), set()).add(row_id)

        for row_id, row in existing.by_id.items():
            add(row.get("account_id"), row_id, row.get("name"), row.get("email"))
        for position, (kind, ref, _) in enumerate(outcome.actions):
            if kind in ("insert", "update") and position not in checked.errors:
                add(accounts.ids[position], ref, checked.get("name", position), checked.get("email", position))
        column = checked.columns["reports_to"]
        values: list[Any] = [None] * n
        for position, (kind, ref, _) in enumerate(outcome.actions):
            text = checked.get("reports_to", position)
            if not text or kind not in ("insert", "update") or position in checked.errors:
                continue
            found = index.get((accounts.ids[position], name_key(text) or ""), set()) - {ref}
            if len(found) == 1:
                values[position] = next(iter(found))
            else:
                why = "is not a stakeholder of the account" if not found else "matches several stakeholders"
                report.warnings.append(Rejection(checked.rows[position], column,
                                                 f"“{text}” {why}; Reports to is left empty"))
        resolved["reports_to_id"] = values
    if checked.has("owner"):
        members: dict[str, set[str]] = {}
        for r in conn.execute("SELECT id, name, email FROM team_members"):
            for key in (name_key(r[1]), name_key(r[2])):
                if key:
                    members.setdefault(key, set()).add(r[0])
        column = checked.columns["owner"]
        values = [None] * n
        for position in range(n):
            text = checked.get("owner", position)
            if not text or position in checked.errors:
                continue
            found = members.get(name_key(text) or "", set())
            if len(found) == 1:
                values[position] = next(iter(found))
            else:
                why = "is not in the team" if not found else "matches several team members"
                report.warnings.append(Rejection(checked.rows[position], column,
                                                 f"“{text}” {why}; the owner is left empty"))
        resolved["owner_id"] = values
    return resolved
