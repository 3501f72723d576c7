"""Investments: read with their computed figures, the edits that span rows, and the checks of money and
periods that the account P&L (`store.pnl`) shares.

Reading returns plain dicts (the stored row plus what a table row shows next to it: linked goals and their
shares, orphan share, ROI and its basis, payback, the funded idea's title), so item models need no further
query. The numbers come from `immersion.domain.finance` (ROI) so that every screen agrees:

- ROI = (return − amount) / amount, with the actual return where known, else the expected one (marked);
- payback = return − amount, in money: what the investment gave back beyond its cost (negative: still short);
- orphan share = 1 − Σ shares of the investment's goals; orphan spend is the committed and spent money that
  no goal gets (as in the alignment index).

Edits validate first and say why in a sentence (`EditError`), then write in one transaction and return one
`Changes`, so that a user action is one undo step.
"""

from __future__ import annotations

import datetime as _dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from immersion.domain.enums import InvestmentKind, InvestmentStatus
from immersion.domain.finance import Period, parse_period, roi
from immersion.domain.models import Investment
from immersion.store import edits
from immersion.store.edits import Changes, _delete, _enforce, _insert, _integrity, _update  # noqa: PLC2701
from immersion.store.errors import EditError
from immersion.store.workbook import Workbook

Row = dict[str, Any]
MONEY_FIELDS = ("amount", "expected_return", "actual_return")
PNL_FIELDS = ("revenue", "cost_of_goods", "cost_to_serve", "other_costs")
NEGATIVE_ALLOWED = ("other_costs",)  # a one-off credit (a rebate received) lowers other costs below zero
COUNTED = (InvestmentStatus.COMMITTED.value, InvestmentStatus.SPENT.value)
_LABELS = {"amount": "The amount", "expected_return": "The expected return", "actual_return": "The actual return",
           **{key: key.replace("_", " ").capitalize() for key in PNL_FIELDS}}


# -- validation ------------------------------------------------------------------------------------------------


def clean_period(text: Any) -> str:
    """The canonical form of a period ("2026-q3" → "2026-Q3", "2026-7" → "2026-07").

    Raises:
        EditError: not a quarter or a month, with the domain's sentence saying why.
    """
    try:
        return parse_period(str(text or "")).text
    except ValueError as error:
        raise EditError("", str(error)) from None


def clean_money(key: str, value: Any, required: bool = True) -> float | None:
    """A stored amount: a number, at least 0 unless the field allows less (other costs).

    Raises:
        EditError: not a number, or negative where that makes no sense.
    """
    if value is None or value == "":
        if required:
            raise EditError("", f"{_LABELS.get(key, key)} is required.")
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise EditError("", f"{_LABELS.get(key, key)} must be a number, not “{value}”.")
    if value < 0 and key not in NEGATIVE_ALLOWED:
        raise EditError("", f"{_LABELS.get(key, key)} cannot be negative.")
    return float(value)


def clean_investment(values: Mapping[str, Any]) -> dict[str, Any]:
    """Check and normalise fields of an investment before they are written."""
    clean = dict(values)
    if "name" in clean and not str(clean["name"] or "").strip():
        raise EditError("", "An investment needs a name.")
    if "name" in clean:
        clean["name"] = str(clean["name"]).strip()
    if "kind" in clean and clean["kind"] not in {k.value for k in InvestmentKind}:
        raise EditError("", f"“{clean['kind']}” is not a kind of investment.")
    if "status" in clean and clean["status"] not in {s.value for s in InvestmentStatus}:
        raise EditError("", f"“{clean['status']}” is not an investment status.")
    for key in MONEY_FIELDS:
        if key in clean:
            clean[key] = clean_money(key, clean[key], required=key == "amount")
    if "period" in clean:
        clean["period"] = clean_period(clean["period"])
    if "currency" in clean:
        code = str(clean["currency"] or "").strip().upper()
        if len(code) != 3 or not code.isalpha():
            raise EditError("", "A currency is a three-letter code such as EUR, GBP or USD.")
        clean["currency"] = code
    return clean


# -- investments: reading --------------------------------------------------------------------------------------


def _chronological(row: Row) -> tuple[Period, str]:
    return parse_period(row["period"]), (row.get("name") or "").casefold()  # the schema checks every period


def describe(row: Mapping[str, Any]) -> Row:
    """One investment row with its computed figures (see the module docstring); `row` is a stored row."""
    result = roi(Investment.from_row(row))
    returned = row["actual_return"] if row["actual_return"] is not None else row["expected_return"]
    links = list(row.get("goals") or [])
    linked = sum(link["share"] for link in links)
    orphan_share = max(0.0, 1.0 - linked)
    return {**row, "goals": links, "share_total": linked, "orphan_share": orphan_share,
            "orphan": row["amount"] * orphan_share, "counts": row["status"] in COUNTED, "roi": result.value,
            "roi_basis": result.basis.value if result.basis else None, "returned": returned,
            "payback": None if returned is None else returned - row["amount"]}


def investments(wb: Workbook, account_id: str) -> list[Row]:
    """The account's investments in chronological order of their periods, each `describe()`d.

    Each row also holds `goals` (dicts of `goal_id`, `title`, `share`, `rank`; largest share first) and
    `idea_title` (None when it funds no idea).
    """
    conn = wb.conn
    rows = [dict(r) for r in conn.execute(
        "SELECT v.*, i.title AS idea_title FROM investments v LEFT JOIN ideas i ON i.id = v.idea_id "
        "WHERE v.account_id = ?", (account_id,))]
    links: dict[str, list[Row]] = defaultdict(list)
    for r in conn.execute(
            "SELECT l.investment_id, l.goal_id, l.share, g.title, g.rank FROM investment_goals l "
            "JOIN investments v ON v.id = l.investment_id JOIN goals g ON g.id = l.goal_id "
            "WHERE v.account_id = ? ORDER BY l.share DESC, g.rank, g.title", (account_id,)):
        links[r["investment_id"]].append({"goal_id": r["goal_id"], "title": r["title"], "share": r["share"],
                                          "rank": r["rank"]})
    described = [describe({**row, "goals": links.get(row["id"], [])}) for row in rows]
    return sorted(described, key=_chronological)


@dataclass(frozen=True)
class InvestmentTotals:
    """The figures of an account's investment ledger.

    Attributes:
        by_kind: committed and spent money per kind (kinds without money left out), in kind order.
        by_status: money per status, every status, in status order.
        invested: committed and spent money (the money that counts).
        orphan: the part of `invested` that no goal gets (orphan spend).
        returned: Σ return (actual where known, else expected) of counted investments that have one.
        with_return: Σ amount of those investments.
        actual_part: the part of `with_return` whose return is actual.
        roi: (returned − with_return) / with_return, or None without any return.
        foreign: investments in another currency than the account's (added as if they were not).
        count: number of investments.
    """

    by_kind: dict[str, float]
    by_status: dict[str, float]
    invested: float
    orphan: float
    returned: float
    with_return: float
    actual_part: float
    roi: float | None
    foreign: int
    count: int


def totals(rows: Iterable[Mapping[str, Any]], currency: str | None = None) -> InvestmentTotals:
    """Totals of `investments()` rows by kind and by status, orphan spend and the ledger's ROI."""
    rows = list(rows)
    by_kind = {k.value: 0.0 for k in InvestmentKind}
    by_status = {s.value: 0.0 for s in InvestmentStatus}
    invested = orphan = returned = with_return = actual_part = 0.0
    for row in rows:
        by_status[row["status"]] = by_status.get(row["status"], 0.0) + row["amount"]
        if row["status"] not in COUNTED:
            continue
        by_kind[row["kind"]] = by_kind.get(row["kind"], 0.0) + row["amount"]
        invested += row["amount"]
        orphan += row["orphan"]
        if row["returned"] is not None and row["amount"] > 0:
            returned += row["returned"]
            with_return += row["amount"]
            if row["actual_return"] is not None:
                actual_part += row["amount"]
    return InvestmentTotals(
        by_kind={k: v for k, v in by_kind.items() if v}, by_status=by_status, invested=invested, orphan=orphan,
        returned=returned, with_return=with_return, actual_part=actual_part,
        roi=(returned - with_return) / with_return if with_return > 0 else None,
        foreign=sum(1 for r in rows if currency and r.get("currency") != currency), count=len(rows))


def goal_choices(wb: Workbook, account_id: str) -> list[Row]:
    """The account's goals for the share editor: open ones first, each in agenda order."""
    return [dict(r) for r in wb.conn.execute(
        "SELECT id, title, status, rank FROM goals WHERE account_id = ? "
        "ORDER BY status NOT IN ('unconfirmed', 'confirmed'), rank, title", (account_id,))]


def idea_choices(wb: Workbook, account_id: str) -> list[Row]:
    """The account's ideas an investment can fund (merged ones are gone into their survivor)."""
    return [dict(r) for r in wb.conn.execute(
        "SELECT id, title, stage FROM ideas WHERE account_id = ? AND merged_into_id IS NULL "
        "ORDER BY title COLLATE NOCASE", (account_id,))]


def account_currency(wb: Workbook, account_id: str) -> str:
    row = wb.conn.execute("SELECT currency FROM accounts WHERE id = ?", (account_id,)).fetchone()
    return row[0] if row is not None and row[0] else "EUR"


# -- investments: edits ----------------------------------------------------------------------------------------


def add_investment(wb: Workbook, account_id: str, **values: Any) -> Changes:
    """Add an investment in the account's currency; name, kind, amount and period get defaults."""
    today = _dt.date.today()
    fields = {"name": "New investment", "kind": InvestmentKind.PILOT.value, "amount": 0.0,
              "period": Period.quarter(today.year, (today.month - 1) // 3 + 1).text,
              "currency": account_currency(wb, account_id), **values}
    return edits.add(wb, "investments", account_id=account_id, **clean_investment(fields))


def change_investment(wb: Workbook, investment_id: str, **values: Any) -> Changes:
    """Change fields of an investment after checking them."""
    return edits.change(wb, "investments", investment_id, **clean_investment(values))


def set_goal_shares(wb: Workbook, investment_id: str, shares: Mapping[str, float]) -> Changes:
    """Give goals their shares of an investment (0–1 each, at most 1 in all) in one transaction.

    Goals not in `shares` keep theirs; a share of 0 removes the goal's link.

    Raises:
        EditError: a share outside 0–100%, a goal of another account, or shares adding up to more than 100%.
    """
    conn = wb.conn
    owner = conn.execute("SELECT account_id FROM investments WHERE id = ?", (investment_id,)).fetchone()
    if owner is None:
        raise EditError(wb.path, "That investment no longer exists.")
    current = {r["goal_id"]: (r["id"], r["share"]) for r in conn.execute(
        "SELECT id, goal_id, share FROM investment_goals WHERE investment_id = ?", (investment_id,))}
    goals = {r["id"]: r["title"] for r in conn.execute(
        "SELECT id, title FROM goals WHERE account_id = ?", (owner[0],))}
    wanted = {goal: share for goal, (_link, share) in current.items()}
    for goal, share in shares.items():
        if goal not in goals:
            raise EditError(wb.path, "That goal belongs to another account or no longer exists.")
        if not 0 <= share <= 1:
            raise EditError(wb.path, f"A share runs from 0% to 100%; {share:.0%} is not possible.")
        wanted[goal] = round(float(share), 6)
    total = sum(wanted.values())
    if total > 1.000001:
        raise EditError(wb.path, f"The goals' shares would add up to {total:.0%}; at most 100% is possible.")
    try:
        with wb.transaction() as conn:
            done = Changes()
            for goal, share in wanted.items():
                link = current.get(goal)
                if link is None and share > 0:
                    done.items.append(_insert(conn, "investment_goals",
                                              {"investment_id": investment_id, "goal_id": goal, "share": share}))
                elif link is not None and share <= 0:
                    done.extend(_delete(conn, "investment_goals", [link[0]]))
                elif link is not None and abs(link[1] - share) > 1e-9:
                    item = _update(conn, "investment_goals", link[0], {"share": share})
                    if item:
                        done.items.append(item)
            _enforce(conn, done.items)
            return done
    except sqlite3.IntegrityError as error:
        raise _integrity(wb, "investment_goals", error) from None
