"""The demo workbook: five handcrafted key accounts, optionally padded with generated ones for benchmarks.

`write_demo()` builds the file under a temporary name beside `path` and moves it into place only when it is
complete, so a failure or Ctrl+C never leaves a half-written workbook. The same seed and the same `today` give
identical rows, ids included; every date is relative to `today`, so the demo always has recent history,
overdue and upcoming action items and an upcoming meeting per account. The words live in `demo_content.py`;
generated accounts are specs in the same format as the handcrafted ones, put together from its fragments.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import time
import unicodedata
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from immersion.store import demo_content as C
from immersion.store.errors import WorkbookError
from immersion.store.lock import WorkbookLock
from immersion.store.workbook import Workbook

__all__ = ["COLUMNS", "HANDCRAFTED_ACCOUNTS", "DemoStats", "write_demo"]

HANDCRAFTED_ACCOUNTS = len(C.ACCOUNTS)

# Tables in foreign-key order with the columns the demo writes; created_at and updated_at follow in every row.
COLUMNS: dict[str, tuple[str, ...]] = {
    "team_members": ("id", "name", "title", "function", "organisation", "third_party", "email", "notes"),
    "assets": ("id", "name", "kind", "description", "owner_id"),
    "accounts": ("id", "name", "industry", "tier", "mutual_purpose", "objectives", "owner_id", "currency",
                 "notes"),
    "stakeholders": ("id", "account_id", "name", "title", "level", "buying_role", "influence", "stance",
                     "personal_wins", "reports_to_id", "email", "phone", "last_contact", "notes"),
    "stakeholder_influences": ("id", "from_id", "to_id", "strength", "note"),
    "coverage": ("id", "stakeholder_id", "team_member_id", "strength", "note"),
    "meetings": ("id", "account_id", "kind", "title", "starts_at", "duration_minutes", "location", "purpose",
                 "notes", "outcome"),
    "goals": ("id", "account_id", "title", "description", "category", "priority", "rank", "status", "horizon",
              "kpi", "target", "source_stakeholder_id", "source_meeting_id", "owner_stakeholder_id",
              "status_changed_at"),
    "meeting_attendees": ("id", "meeting_id", "stakeholder_id", "team_member_id"),
    "insights": ("id", "account_id", "meeting_id", "kind", "text", "goal_id", "stakeholder_id"),
    "action_items": ("id", "account_id", "meeting_id", "text", "owner_stakeholder_id", "owner_team_member_id",
                     "due_date", "done", "done_at"),
    "touchpoints": ("id", "account_id", "stakeholder_id", "team_member_id", "date", "channel", "content",
                    "insight_id", "response"),
    "ideas": ("id", "account_id", "title", "description", "stage", "origin", "origin_meeting_id",
              "customer_value", "our_value", "effort", "confidence", "estimated_revenue", "board_order",
              "stage_reason", "stage_changed_at", "merged_into_id"),
    "idea_goals": ("id", "idea_id", "goal_id", "strength"),
    "idea_assets": ("id", "idea_id", "asset_id"),
    "idea_people": ("id", "idea_id", "stakeholder_id", "team_member_id"),
    "idea_tags": ("id", "idea_id", "tag"),
    "idea_stage_history": ("id", "idea_id", "from_stage", "to_stage", "changed_at", "reason"),
    "investments": ("id", "account_id", "name", "kind", "status", "amount", "currency", "period",
                    "expected_return", "actual_return", "idea_id", "notes"),
    "investment_goals": ("id", "investment_id", "goal_id", "share"),
    "financials": ("id", "account_id", "period", "revenue", "cost_of_goods", "cost_to_serve", "other_costs"),
}
_INSERT = {
    table: f"INSERT INTO {table} ({', '.join(columns)}, created_at, updated_at) "
           f"VALUES ({', '.join('?' * (len(columns) + 2))})"
    for table, columns in COLUMNS.items()
}
_BOARD = ("captured", "shaping", "co-creating", "proposed", "piloting", "adopted")
_STAGES = (*_BOARD, "parked", "declined")
_MEETING_KINDS = ("discovery", "co-creation", "business review", "executive", "social")
_CATEGORIES = ("strategic", "competitive", "interpersonal", "political", "financial")
_SUPPORT = ("dir", "mkt", "ops", "sc", "fin", "svc", "agency", "alliance", "datap")
_FLUSH_ROWS = 200_000  # rows kept in memory before they are written in one transaction


@dataclass(frozen=True)
class DemoStats:
    """What `write_demo()` wrote: rows per table (foreign-key order), seconds taken, file size in bytes."""

    path: Path
    counts: Mapping[str, int]
    seconds: float
    size: int

    @property
    def accounts(self) -> int:
        return self.counts["accounts"]

    @property
    def rows(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        return (f"{self.accounts} accounts, {self.counts['meetings']} meetings, {self.rows} rows, "
                f"{self.size / 1e6:.1f} MB in {self.seconds:.1f} s")


def write_demo(path: Path | str, accounts: int | None = None, seed: int = 1, today: dt.date | None = None,
               meetings_per_account: int | None = None, overwrite: bool = False,
               progress: Callable[[int, int], None] | None = None) -> DemoStats:
    """Write the demo workbook to `path`.

    Args:
        path: the workbook file to create.
        accounts: how many accounts; the five handcrafted ones come first, more are generated. Default five.
        seed: the random seed; the same seed and `today` give identical rows, ids included.
        today: the day the demo is written for (default: today); every date is relative to it.
        meetings_per_account: meetings per generated account (default: four to eight).
        overwrite: replace an existing file at `path` (never while another program holds its lock).
        progress: called as `progress(done, total)` after each account; an exception it raises cancels the
            write and leaves nothing at `path`.

    Raises:
        ValueError: `accounts` below 1 or `meetings_per_account` below 2.
        WorkbookError: `path` exists and `overwrite` is false, another program holds it, or it could not be
            written.
    """
    started = time.perf_counter()
    total = HANDCRAFTED_ACCOUNTS if accounts is None else int(accounts)
    if total < 1:
        raise ValueError("A demo workbook needs at least one account.")
    if meetings_per_account is not None and meetings_per_account < 2:
        raise ValueError("Generated accounts need at least two meetings (one past, one upcoming).")
    path = Path(path)
    if path.exists() and not overwrite:
        raise WorkbookError(path, f"“{path.name}” already exists.")
    lock = WorkbookLock(path)  # keeps the app (and a second writer) off `path` until the new file is in place
    tmp = path.with_name(f".{path.name}.demo-{os.getpid()}")
    leftovers = (tmp, Path(f"{tmp}-journal"), Path(f"{tmp}.lock"))
    wb: Workbook | None = None
    try:
        lock.acquire()
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        wb = Workbook.create(tmp)
        wb.conn.execute("PRAGMA journal_mode = MEMORY")  # not in place yet: speed over durability
        wb.conn.execute("PRAGMA synchronous = OFF")
        wb.conn.execute("PRAGMA cache_size = -65536")
        builder = _Builder(wb, random.Random(seed), today or dt.date.today())
        builder.catalogue()
        for number in range(total):
            if number < HANDCRAFTED_ACCOUNTS:
                builder.account(C.ACCOUNTS[number])
            else:
                builder.account(builder.invent(meetings_per_account))
            builder.flush(_FLUSH_ROWS)
            if progress is not None:
                progress(number + 1, total)
        builder.flush(0)
        with wb.transaction() as conn:
            about = json.dumps({"seed": seed, "today": builder.today.isoformat(), "accounts": total})
            stamp = builder.stamp(0)
            conn.execute("INSERT INTO meta (id, key, value, created_at, updated_at) "
                         "VALUES (?, 'demo', ?, ?, ?)", (builder.uid(), about, stamp, stamp))
            conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")  # one compact segment
        wb.conn.execute("PRAGMA journal_mode = DELETE")
        wb.close()
        wb = None
        fd = os.open(tmp, os.O_RDWR)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as error:
        raise WorkbookError(path, f"“{path.name}” could not be written: {error.strerror or error}.") from None
    finally:
        if wb is not None:
            wb.close()
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        lock.release()
    counts = MappingProxyType(dict(builder.counts))
    return DemoStats(path, counts, time.perf_counter() - started, path.stat().st_size)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _email(name: str, domain: str) -> str:
    words = [w for w in name.replace("'", "").split() if not w.endswith(".") and w not in ("Dr", "Prof")]
    return f"{_ascii(words[0]).lower()}.{_ascii(words[-1]).lower()}@{domain}"


def _by_boss(people: Sequence[tuple]) -> list[tuple]:
    """People ordered so that everyone comes after the person they report to (foreign keys are immediate)."""
    placed: set[str] = set()
    ordered: list[tuple] = []
    pending = list(people)
    while pending:
        ready = [p for p in pending if p[7] is None or p[7] in placed]
        if not ready:
            raise ValueError(f"reporting lines form a loop: {[p[0] for p in pending]}")
        ordered += ready
        placed.update(p[0] for p in ready)
        pending = [p for p in pending if p[0] not in placed]
    return ordered


class _Builder:
    """Turns account specs (handcrafted or invented) into rows and writes them in large transactions."""

    def __init__(self, wb: Workbook, rng: random.Random, today: dt.date) -> None:
        self.wb = wb
        self.rng = rng
        self.today = today
        self.rows: dict[str, list[tuple]] = {table: [] for table in COLUMNS}
        self.counts: dict[str, int] = dict.fromkeys(COLUMNS, 0)
        self.pending = 0
        self.team: dict[str, str] = {}
        self.assets: dict[str, str] = {}
        self.names: set[str] = {spec["name"] for spec in C.ACCOUNTS}
        self._quarter0 = today.year * 4 + (today.month - 1) // 3
        self._month0 = today.year * 12 + today.month - 1

    # -- small helpers -------------------------------------------------------------------------------------

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def day(self, offset: int) -> str:
        return (self.today + dt.timedelta(days=offset)).isoformat()

    def stamp(self, offset: int, minute: int = 540) -> str:
        """A UTC timestamp `offset` days from today, `minute` minutes after midnight."""
        return f"{self.day(offset)}T{minute // 60:02d}:{minute % 60:02d}:00.000Z"

    def period(self, code: str) -> tuple[str, int]:
        """`q-2` is two quarters ago, `m+1` next month: the period's text and its first day as an offset."""
        step = int(code[1:])
        if code[0] == "q":
            year, quarter = divmod(self._quarter0 + step, 4)
            first, text = dt.date(year, quarter * 3 + 1, 1), f"{year}-Q{quarter + 1}"
        else:
            year, month = divmod(self._month0 + step, 12)
            first, text = dt.date(year, month + 1, 1), f"{year}-{month + 1:02d}"
        return text, (first - self.today).days

    def add(self, table: str, stamp: str, *values: Any, updated: str | None = None) -> None:
        self.rows[table].append((*values, stamp, updated or stamp))
        self.pending += 1

    def flush(self, threshold: int) -> None:
        """Write the rows kept so far in one transaction, if there are more than `threshold`."""
        if self.pending <= threshold:
            return
        with self.wb.transaction() as conn:
            for table, rows in self.rows.items():
                if rows:
                    conn.executemany(_INSERT[table], rows)
                    self.counts[table] += len(rows)
                    rows.clear()
        self.pending = 0

    # -- the shared catalogue ------------------------------------------------------------------------------

    def catalogue(self) -> None:
        for key, name, title, function, organisation, domain, notes in C.TEAM:
            self.team[key] = self.uid()
            self.add("team_members", self.stamp(-900), self.team[key], name, title, function, organisation,
                     int(organisation != C.OUR_ORGANISATION), _email(name, domain), notes)
        for key, name, kind, owner, description in C.ASSETS:
            self.assets[key] = self.uid()
            self.add("assets", self.stamp(-880), self.assets[key], name, kind, description, self.team[owner])

    # -- one account from a spec -----------------------------------------------------------------------------

    def account(self, spec: Mapping[str, Any]) -> None:
        """All rows of one account; see `demo_content` for the spec format."""
        rng, add, stamp, uid = self.rng, self.add, self.stamp, self.uid
        acc = uid()
        add("accounts", stamp(-420), acc, spec["name"], spec["industry"], spec["tier"], spec["purpose"],
            spec["objectives"], self.team[spec["owner"]], spec["currency"], spec["notes"])

        people: dict[str, str] = {}
        for key, name, title, level, role, influence, stance, boss, contact, wins, notes in (
                _by_boss(spec["people"])):
            if key in self.team:
                raise ValueError(f"{spec['name']}: stakeholder key {key!r} is also a team member's key")
            people[key] = uid()
            add("stakeholders", stamp(-400 + rng.randrange(60)), people[key], acc, name, title, level, role,
                influence, stance, wins, people[boss] if boss else None, _email(name, spec["domain"]),
                f"{spec['phone']}{rng.randrange(100, 1000)}", self.day(-contact), notes)

        def who(key: str) -> tuple[str | None, str | None]:
            """A person of either side as (stakeholder id, team member id)."""
            return (people[key], None) if key in people else (None, self.team[key])

        for source, target, strength, note in spec["influences"]:
            add("stakeholder_influences", stamp(-300), uid(), people[source], people[target], strength, note)
        for person, member, strength, note in spec["coverage"]:
            add("coverage", stamp(-300), uid(), people[person], self.team[member], strength, note)

        meetings: dict[str, str] = {}
        days: dict[str, int] = {}
        for m in spec["meetings"]:
            mid = meetings[m["key"]] = uid()
            day = days[m["key"]] = m["day"]
            hours, minutes = map(int, m["at"].split(":"))
            booked = stamp(min(day, -1) - 7, hours * 60 + minutes)
            add("meetings", booked, mid, acc, m["kind"], m["title"], f"{self.day(day)}T{m['at']}:00",
                m["minutes"], m["where"], m["purpose"], m["notes"], m["outcome"])
            for key in (*m["who"].split(), *m["us"].split()):
                add("meeting_attendees", booked, uid(), mid, *who(key))

        goals: dict[str, str] = {}
        for rank, (key, category, title, priority, status, horizon, kpi, target, source, owner,
                   description) in enumerate(spec["goals"]):
            goals[key] = uid()
            person, _, meeting = (source or "").partition("@")
            changed = days[meeting] if meeting else None
            if status in ("achieved", "dropped"):
                changed = -rng.randrange(5, 60)
            created = -400 + rng.randrange(30) if changed is None else min(changed, -1) - 1
            add("goals", stamp(created), goals[key], acc, title, description, category, priority, rank,
                status, horizon, kpi, target, people.get(person), meetings.get(meeting), people.get(owner),
                None if changed is None else stamp(changed, 1020))

        for meeting, kind, goal, person, text in spec["insights"]:
            add("insights", stamp(min(days[meeting], 0), 1080), uid(), acc, meetings[meeting], kind, text,
                goals.get(goal), people.get(person))
        for meeting, owner, due, done, text in spec["actions"]:
            done_at = stamp(min(due, 0) - 1, 960) if done else None
            add("action_items", stamp(min(days[meeting], 0), 1080), uid(), acc, meetings[meeting], text,
                *who(owner), self.day(due), int(done), done_at, updated=done_at)
        for person, member, day, channel, response, content in spec["touchpoints"]:
            add("touchpoints", stamp(day, 600), uid(), acc, people[person], self.team[member], self.day(day),
                channel, content, None, response)

        ideas: dict[str, str] = {}
        board_order = dict.fromkeys(_STAGES, 0.0)
        for key, stage, origin, scores, revenue, links, assets, persons, tags, title, description, reason in (
                spec["ideas"]):
            iid = ideas[key] = uid()
            origin, _, meeting = origin.partition(":")
            merged = None
            if reason and reason.startswith("merged:"):
                into, _, reason = reason.removeprefix("merged:").partition(" ")
                merged = ideas[into]
            first = min(days[meeting], -1) if meeting else -rng.randrange(40, 260)
            start, changed = self.history(iid, stage, first, reason)
            board_order[stage] += 1.0
            add("ideas", stamp(start, 840), iid, acc, title, description, stage, origin,
                meetings.get(meeting), *map(int, scores.split()), revenue, board_order[stage], reason,
                changed, merged, updated=changed)
            for link in links.split():
                goal, strength = link.split(":")
                add("idea_goals", stamp(start, 850), uid(), iid, goals[goal], int(strength))
            for asset in assets.split():
                add("idea_assets", stamp(start, 850), uid(), iid, self.assets[asset])
            for person in persons.split():
                add("idea_people", stamp(start, 850), uid(), iid, *who(person))
            for tag in tags.split():
                add("idea_tags", stamp(start, 850), uid(), iid, tag)

        for name, kind, status, amount, code, expected, actual, idea, shares, notes in spec["investments"]:
            inv = uid()
            period, offset = self.period(code)
            created = stamp(min(offset, 0) - 20)
            add("investments", created, inv, acc, name, kind, status, float(amount), spec["currency"], period,
                expected, actual, ideas[idea] if idea else None, notes)
            for share in shares.split():
                goal, value = share.split(":")
                add("investment_goals", created, uid(), inv, goals[goal], float(value))

        revenues, cogs, cts, other = spec["financials"]
        for step, revenue in enumerate(revenues):
            period, offset = self.period(f"q{step - len(revenues) + 1:+d}")
            rev = revenue * 1000.0
            add("financials", stamp(min(offset + 105, 0)), uid(), acc, period, rev,
                round(rev * cogs * rng.uniform(0.98, 1.02), -2), round(rev * cts * rng.uniform(0.9, 1.1), -2),
                round(rev * other * rng.uniform(0.85, 1.15), -2))

    def history(self, idea: str, stage: str, start: int, reason: str | None) -> tuple[int, str]:
        """Write an idea's path from captured to `stage` as dated moves.

        Returns the day it was captured and the time it reached `stage`.
        """
        rng = self.rng
        if stage in ("parked", "declined"):
            path = [*_BOARD[: rng.randint(1, 3) if stage == "parked" else rng.randint(2, 4)], stage]
        else:
            path = list(_BOARD[: _BOARD.index(stage) + 1])
        start = min(start, -len(path))
        end = max(start + len(path) - 1, -rng.randrange(1, 30)) if len(path) > 1 else start
        days = [start + round((end - start) * i / max(len(path) - 1, 1)) for i in range(len(path))]
        previous = None
        for i, (to_stage, day) in enumerate(zip(path, days, strict=True)):
            note = reason if to_stage in ("parked", "declined") else None
            moved = self.stamp(day, 600 + i)
            self.add("idea_stage_history", moved, self.uid(), idea, previous, to_stage, moved, note)
            previous = to_stage
        return start, self.stamp(days[-1], 600 + len(path) - 1)

    # -- invented accounts ---------------------------------------------------------------------------------

    def invent(self, meeting_count: int | None) -> dict[str, Any]:
        """A plausible account in the handcrafted specs' format, from fragments and the seeded generator."""
        rng = self.rng
        industry, suffixes, (site, unit), (low, high), scale, currency = rng.choice(C.INDUSTRIES)
        stem = rng.choice(C.NAME_STEMS)
        name, attempt = f"{stem} {rng.choice(suffixes)}", 0
        while name in self.names:
            attempt += 1
            stem = rng.choice(C.NAME_STEMS)
            name = f"{stem} {rng.choice(C.REGIONS) if attempt < 20 else attempt} {rng.choice(suffixes)}"
        self.names.add(name)
        tld = rng.choice((".com", ".eu", ".de", ".nl", ".it"))
        domain = "".join(ch for ch in _ascii(name).lower() if ch.isalnum())[:24] + tld
        units = rng.randint(low, high)
        owner = rng.choice(("ad", "kam1", "kam2", "kam3"))
        ctx = {"co": stem, "site": site, "unit": unit, "units": units, "third": max(units // 3, 1)}
        people, influences, coverage = self._invent_people(ctx, owner)
        names = {p[0]: p[1] for p in people}
        meetings = self._invent_meetings(ctx, names, owner, meeting_count or rng.randint(4, 8))
        goals = self._invent_goals(ctx, names, meetings)
        ideas = self._invent_ideas(ctx, names, owner, meetings, [g[0] for g in goals])
        base, growth = scale * rng.uniform(0.4, 2.5), rng.uniform(-0.02, 0.05)  # thousands a quarter
        investments = self._invent_investments(base, [g[0] for g in goals], ideas)
        insights, actions, touchpoints = self._invent_follow_up(ctx, names, owner, meetings, goals)
        revenues = tuple(round(base * (1 + growth) ** q * rng.uniform(0.94, 1.06)) for q in range(8))
        sign = {"EUR": "€", "GBP": "£"}.get(currency, currency + " ")
        gain = rng.choice(("lower costs", "a stronger brand", "better service", "growth"))
        prize = rng.choice(("the group framework", "the next refurbishment wave",
                            "a multi-site service contract"))
        return {
            "name": name, "industry": industry, "currency": currency, "owner": owner, "domain": domain,
            "tier": rng.choice(("strategic", "key", "key", "growth", "maintain")),
            "phone": rng.choice(C.PHONE_PREFIXES),
            "purpose": f"Help {stem} run every one of its {units} {unit} on less energy and less carbon, "
                       f"and turn that into {gain}.",
            "objectives": f"Grow revenue to {sign}{base * 6 / 1000:.1f}m a year by 2028 and win {prize}.",
            "notes": f"{units} {unit}; headquarters in {rng.choice(C.CITIES)}.",
            "people": people, "influences": influences, "coverage": coverage, "meetings": meetings,
            "goals": goals, "insights": insights, "actions": actions, "touchpoints": touchpoints,
            "ideas": ideas, "investments": investments,
            "financials": (revenues, rng.uniform(0.45, 0.65), rng.uniform(0.06, 0.14),
                           rng.uniform(0.03, 0.07)),
        }

    def _invent_people(self, ctx: dict[str, Any], owner: str) -> tuple[list, list, list]:
        """CEO, CFO and COO, then other roles reporting into the executives; influence lines and coverage."""
        rng = self.rng
        roles = C.EXECUTIVES + rng.sample(C.ROLES, rng.randint(8, 15) - len(C.EXECUTIVES))
        stances = [stance for stance, weight in C.STANCE_WEIGHTS for _ in range(weight)]
        people, taken, seniors = [], set(), []
        for i, (title, level, role, (low, high)) in enumerate(roles):
            name = f"{rng.choice(C.FIRST_NAMES)} {rng.choice(C.LAST_NAMES)}"
            while name in taken:
                name = f"{rng.choice(C.FIRST_NAMES)} {rng.choice(C.LAST_NAMES)}"
            taken.add(name)
            if i == 0:
                boss = None
            elif level in ("board", "executive") or "CEO" in title:
                boss = "p0"
            else:
                boss = rng.choice(seniors)
            if level in ("board", "executive", "senior"):
                seniors.append(f"p{i}")
            people.append((f"p{i}", name, title, level, role, rng.randint(low, high), rng.choice(stances),
                           boss, rng.randint(1, 160), rng.choice(C.PERSONAL_WINS).format(**ctx), None))
        keys = [p[0] for p in people]
        pairs = dict.fromkeys(tuple(rng.sample(keys, 2)) for _ in range(rng.randint(2, 4)))
        influences = [(source, target, rng.randint(1, 3), None) for source, target in pairs]
        coverage = [(key, member, rng.randint(1, 5), None) for key in keys if rng.random() < 0.6
                    for member in dict.fromkeys((owner, *rng.sample(_SUPPORT, rng.randint(0, 1))))]
        return people, influences, coverage

    def _invent_meetings(self, ctx: dict[str, Any], names: Mapping[str, str], owner: str,
                         count: int) -> list[dict[str, Any]]:
        """`count` meetings: the last one upcoming, the others spread over the past, the first a discovery."""
        rng = self.rng
        span = max(200, (count - 1) * 10)
        meetings = []
        for i, day in enumerate([*sorted(rng.sample(range(-span, -1), count - 1)), rng.randint(2, 14)]):
            kind = "discovery" if i == 0 else rng.choice(_MEETING_KINDS)
            fill, social = self._fill(ctx, names), kind == "social"
            us = dict.fromkeys((owner, *rng.sample(_SUPPORT, rng.randint(0, 2))))
            meetings.append({
                "key": f"m{i}", "kind": kind, "day": day,
                "who": " ".join(rng.sample(list(names), rng.randint(1, 4))), "us": " ".join(us),
                "at": rng.choice(("12:30", "19:00") if social else ("08:30", "09:00", "10:00", "14:00")),
                "minutes": rng.choice((120, 150, 180) if social else (45, 60, 90, 120, 180)),
                "title": rng.choice(C.MEETING_TITLES[kind]).format(**fill),
                "where": rng.choice(C.SOCIAL_LOCATIONS if social else C.LOCATIONS).format(**fill),
                "purpose": rng.choice(C.PURPOSES[kind]).format(**fill),
                "outcome": rng.choice(C.OUTCOMES).format(**fill) if day < 0 else None,
                "notes": self._note(fill, held=day < 0),
            })
        return meetings

    def _invent_goals(self, ctx: dict[str, Any], names: Mapping[str, str], meetings: list[dict]) -> list:
        """Every category once, then up to five more; in agenda order (highest priority first)."""
        rng = self.rng
        extra = rng.sample([c for c in _CATEGORIES for _ in range(2)], rng.randint(1, 5))
        templates = {c: rng.sample(C.GOAL_TEMPLATES[c], len(C.GOAL_TEMPLATES[c])) for c in _CATEGORIES}
        goals = []
        for i, category in enumerate(sorted([*_CATEGORIES, *extra], key=lambda _: rng.random())):
            title, kpi, target = templates[category].pop()
            fill = self._fill(ctx, names)
            status = rng.choice(("unconfirmed",) * 3 + ("confirmed",) * 5 + ("achieved", "dropped"))
            meeting = rng.choice(meetings[:-1])
            source = f"{rng.choice(meeting['who'].split())}@{meeting['key']}"
            if status == "unconfirmed":
                source = None
            description = rng.choice(C.GOAL_DESCRIPTIONS[0 if status == "unconfirmed" else 2:])
            goals.append((f"g{i}", category, title.format(**fill), rng.randint(1, 5), status,
                          rng.choice(("short", "medium", "long")), kpi.format(**fill), target.format(**fill),
                          source, rng.choice(list(names)), description and description.format(**fill)))
        goals.sort(key=lambda goal: -goal[3])
        return goals

    def _invent_ideas(self, ctx: dict[str, Any], names: Mapping[str, str], owner: str, meetings: list[dict],
                      goal_keys: list[str]) -> list:
        """Every stage once, then more active ideas; one or two linked to no goal."""
        rng = self.rng
        count = rng.randint(10, 16)
        stages = [*_STAGES, *rng.choices(_BOARD, k=count - len(_STAGES))]
        unlinked = rng.sample(range(count), rng.randint(1, 2))
        ideas = []
        for i, (stage, (title, tags, assets)) in enumerate(
                zip(stages, rng.sample(C.IDEA_TEMPLATES, count), strict=True)):
            fill = self._fill(ctx, names)
            origin = rng.choice(("customer", "meeting", "meeting", "internal", "partner"))
            if origin == "meeting":
                origin = f"meeting:{rng.choice(meetings[:-1])['key']}"
            links = [] if i in unlinked else rng.sample(goal_keys, rng.randint(1, 2))
            reason = None
            if stage in ("parked", "declined"):
                reason = rng.choice(C.PARK_REASONS if stage == "parked" else C.DECLINE_REASONS)
            description = rng.choice(C.IDEA_DESCRIPTIONS)
            ideas.append((f"i{i}", stage, origin, " ".join(str(rng.randint(1, 5)) for _ in range(4)),
                          rng.choice((None, float(rng.randrange(20, 3000) * 1000))),
                          " ".join(f"{g}:{rng.randint(1, 3)}" for g in links), assets,
                          f"{rng.choice(list(names))} {owner}", tags, title.format(**fill),
                          description and description.format(**fill), reason))
        return ideas

    def _invent_investments(self, base: float, goal_keys: list[str], ideas: list) -> list:
        """Five to eight, at least one spent and one committed, each 0.5 to 4% of a year's revenue."""
        rng = self.rng
        statuses = ["spent", "committed",
                    *rng.choices(("planned", "committed", "spent", "stopped"), k=rng.randint(3, 6))]
        live_ideas = [None, *(idea[0] for idea in ideas if idea[1] != "declined")]
        investments = []
        for (label, kind), status in zip(rng.sample(C.INVESTMENT_TEMPLATES, len(statuses)), statuses,
                                         strict=True):
            amount = round(base * 4000 * rng.uniform(0.005, 0.04), -3)
            code = rng.choice("qm")
            if status in ("spent", "stopped"):
                offset = -rng.randint(1, 6) if code == "q" else -rng.randint(1, 18)
            else:
                offset = rng.randint(0, 3) if code == "q" else rng.randint(0, 9)
            first, second = rng.sample(goal_keys, 2)
            share, mix = round(rng.uniform(0.3, 0.8), 2), rng.random()
            if mix < 0.25:
                shares = ""  # orphan spend
            elif mix < 0.5:
                shares = f"{first}:1"
            elif mix < 0.75:
                shares = f"{first}:{share}"
            else:
                shares = f"{first}:{share} {second}:{round(rng.uniform(0.05, 1 - share), 2)}"
            actual = round(amount * rng.uniform(0.3, 3.5), -2) if status == "spent" else None
            expected = round(amount * rng.uniform(1.2, 4), -2)
            investments.append((f"{label}, {rng.choice(C.CITIES)}", kind, status, amount,
                                f"{code}{offset:+d}", expected, actual, rng.choice(live_ideas), shares, None))
        return investments

    def _invent_follow_up(self, ctx: dict[str, Any], names: Mapping[str, str], owner: str,
                          meetings: list[dict], goals: list) -> tuple[list, list, list]:
        """Insights and an action per past meeting, one overdue and one upcoming action, a few touchpoints."""
        rng = self.rng
        goal_keys = [None, *(g[0] for g in goals)]
        insights, actions = [], []
        for m in meetings[:-1]:
            for _ in range(rng.randint(1, 2)):
                kind = rng.choice(("quote", "observation", "need", "pressure"))
                text = rng.choice(C.INSIGHT_TEMPLATES[kind]).format(**self._fill(ctx, names))
                insights.append((m["key"], kind, rng.choice(goal_keys), rng.choice(m["who"].split()),
                                 f'"{text}"' if kind == "quote" else text))
            due = m["day"] + rng.randint(7, 30)
            text = rng.choice(C.ACTION_TEMPLATES).format(**self._fill(ctx, names))
            doer = rng.choice((*m["who"].split(), *m["us"].split()))
            actions.append((m["key"], doer, due, due < -5 and rng.random() < 0.85, text))
        actions.append((meetings[-2]["key"], owner, -rng.randint(2, 10), False, "Send the revised proposal"))
        actions.append((meetings[-1]["key"], rng.choice(list(names)), rng.randint(1, 10), False,
                        "Confirm the agenda and attendees"))
        touchpoints = []
        for _ in range(rng.randint(3, 6)):
            channel, content = rng.choice(C.TOUCHPOINT_TEMPLATES)
            response = rng.choice(("none", "opened", "replied", "positive", "negative", "meeting"))
            touchpoints.append((rng.choice(list(names)), rng.choice((owner, "mkt", "dir")),
                                -rng.randint(1, 150), channel, response, content))
        return insights, actions, touchpoints

    def _fill(self, ctx: dict[str, Any], names: Mapping[str, str]) -> dict[str, Any]:
        """Values for the fragments' placeholders: the account's, plus a random person, city, number…"""
        rng = self.rng
        return {**ctx, "person": rng.choice(list(names.values())), "city": rng.choice(C.CITIES),
                "pct": rng.randint(5, 45), "n": rng.randint(2, 12), "month": rng.choice(C.MONTHS),
                "asset": rng.choice(C.ASSETS)[1], "us": rng.choice(C.TEAM)[1], "role": rng.choice(C.ROLES)[0]}

    def _note(self, fill: dict[str, Any], held: bool) -> str:
        """Markdown meeting notes from fragments: context, what we heard, a quote and next steps."""
        rng = self.rng
        choice, randint = rng.choice, rng.randint

        def sentence() -> str:
            parts = (choice(C.NOTE_SUBJECTS), choice(C.NOTE_VERBS), choice(C.NOTE_OBJECTS),
                     choice(C.NOTE_QUALIFIERS))
            text = " ".join(part for part in parts if part)
            return text[0].upper() + text[1:] + "."

        if not held:
            agenda = "\n".join(f"{i}. {sentence()}" for i in range(1, randint(3, 6)))
            return f"## Agenda\n{agenda}\n\n## Our ask\n- {choice(C.NOTE_NEXT)}\n".format(**fill)
        context = " ".join(sentence() for _ in range(randint(2, 4)))
        heard = [*rng.sample(C.NOTE_BULLETS, randint(1, 3)), *(sentence() for _ in range(randint(2, 3)))]
        steps = rng.sample(C.NOTE_NEXT, randint(1, 3))
        text = (f"## Context\n{context}\n\n## What we heard\n" + "".join(f"- {line}\n" for line in heard)
                + f"\n> \"{choice(C.NOTE_QUOTES)}\" — {{person}}\n\n## Next steps\n"
                + "".join(f"- {line}\n" for line in steps))
        return text.format(**fill)
