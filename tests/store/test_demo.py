"""The demo workbook: handcrafted content, generated accounts, determinism and a safe, atomic write."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from immersion.domain import enums as E
from immersion.store.demo import COLUMNS, HANDCRAFTED_ACCOUNTS, DemoStats, write_demo
from immersion.store.errors import WorkbookError
from immersion.store.search import check as check_search
from immersion.store.search import search
from immersion.store.workbook import Workbook

TODAY = dt.date(2026, 11, 28)
STAGES = {stage.value for stage in E.IdeaStage}


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IMMERSION_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[sqlite3.Connection, DemoStats]]:
    """The default demo, written once for the read-only checks of this module."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("IMMERSION_DATA_DIR", str(folder / "data"))
        stats = write_demo(folder / "Demo.immersion", today=TODAY)
    conn = sqlite3.connect(stats.path)
    conn.execute("PRAGMA foreign_keys = ON")
    yield conn, stats
    conn.close()


def _values(conn: sqlite3.Connection, sql: str, *args: object) -> list:
    return [row[0] for row in conn.execute(sql, args)]


def _count(conn: sqlite3.Connection, sql: str, *args: object) -> int:
    return conn.execute(sql, args).fetchone()[0]


def _quarters(today: dt.date) -> list[str]:
    index = today.year * 4 + (today.month - 1) // 3
    return [f"{(index - back) // 4}-Q{(index - back) % 4 + 1}" for back in range(7, -1, -1)]


def check_account(conn: sqlite3.Connection, account: str, today: dt.date,
                  meetings: tuple[int, int] = (4, 8)) -> None:
    """The proportions every demo account has, handcrafted or generated."""
    name = _values(conn, "SELECT name FROM accounts WHERE id = ?", account)[0]
    where = f"account {name!r}"

    goals = conn.execute("SELECT category, rank, status, source_stakeholder_id, source_meeting_id FROM goals "
                         "WHERE account_id = ? ORDER BY rank", (account,)).fetchall()
    assert 6 <= len(goals) <= 10, where
    assert {g[0] for g in goals} == {c.value for c in E.GoalCategory}, where
    assert [g[1] for g in goals] == list(range(len(goals))), where
    assert {"unconfirmed", "confirmed"} & {g[2] for g in goals}, where
    assert all(g[3] and g[4] for g in goals if g[2] == "confirmed"), f"{where}: confirmed goals' source"

    people = _count(conn, "SELECT count(*) FROM stakeholders WHERE account_id = ?", account)
    assert 8 <= people <= 15, where
    roots = _count(conn, "SELECT count(*) FROM stakeholders WHERE account_id = ? AND reports_to_id IS NULL",
                   account)
    assert 1 <= roots <= 2, f"{where}: a reporting structure under the CEO"
    assert _count(conn, "SELECT count(*) FROM stakeholders s JOIN stakeholders b ON b.id = s.reports_to_id "
                        "WHERE s.account_id = ? AND b.account_id <> s.account_id", account) == 0, where
    assert _count(conn, "SELECT count(*) FROM stakeholder_influences i "
                        "JOIN stakeholders s ON s.id = i.from_id WHERE s.account_id = ?", account) >= 2, where
    assert _count(conn, "SELECT count(*) FROM coverage c JOIN stakeholders s ON s.id = c.stakeholder_id "
                        "WHERE s.account_id = ?", account) >= 1, where

    meeting_ids = _values(conn, "SELECT id FROM meetings WHERE account_id = ?", account)
    assert meetings[0] <= len(meeting_ids) <= meetings[1], where
    for meeting in meeting_ids:
        theirs, ours = conn.execute("SELECT count(stakeholder_id), count(team_member_id) "
                                    "FROM meeting_attendees WHERE meeting_id = ?", (meeting,)).fetchone()
        assert theirs >= 1 and ours >= 1, f"{where}: attendees from both sides"
    starts = [dt.date.fromisoformat(s[:10]) for s in
              _values(conn, "SELECT starts_at FROM meetings WHERE account_id = ?", account)]
    assert any(today + dt.timedelta(days=2) <= s <= today + dt.timedelta(days=14) for s in starts), \
        f"{where}: an upcoming meeting in the next two weeks"
    open_actions = "SELECT count(*) FROM action_items WHERE account_id = ? AND done = 0 AND due_date "
    assert _count(conn, open_actions + "< ?", account, today.isoformat()) >= 1, f"{where}: an overdue action"
    assert _count(conn, open_actions + ">= ?", account, today.isoformat()) >= 1, f"{where}: an action to do"
    assert _count(conn, "SELECT count(*) FROM insights WHERE account_id = ?", account) >= 1, where
    assert _count(conn, "SELECT count(*) FROM touchpoints WHERE account_id = ?", account) >= 1, where

    ideas = conn.execute("SELECT id, stage, stage_reason, stage_changed_at, origin, origin_meeting_id "
                         "FROM ideas WHERE account_id = ?", (account,)).fetchall()
    assert 10 <= len(ideas) <= 25, where
    assert {i[1] for i in ideas} == STAGES, f"{where}: ideas in every stage"
    linked = set(_values(conn, "SELECT idea_id FROM idea_goals"))
    assert any(i[0] not in linked for i in ideas), f"{where}: an idea linked to no goal"
    assert any(i[0] in linked for i in ideas), where
    for idea, stage, reason, changed, origin, meeting in ideas:
        assert (origin == "meeting") == (meeting is not None), where
        if stage in ("parked", "declined"):
            assert reason, f"{where}: a {stage} idea says why"
        moves = conn.execute("SELECT from_stage, to_stage, changed_at FROM idea_stage_history "
                             "WHERE idea_id = ? ORDER BY changed_at", (idea,)).fetchall()
        assert moves[0][:2] == (None, "captured"), where
        assert all(b[0] == a[1] for a, b in itertools.pairwise(moves)), f"{where}: a path of moves"
        assert moves[-1][1] == stage and moves[-1][2] == changed, where
        assert changed < today.isoformat(), where

    investments = _values(conn, "SELECT id FROM investments WHERE account_id = ?", account)
    assert 5 <= len(investments) <= 10, where
    for investment in investments:
        assert _count(conn, "SELECT coalesce(sum(share), 0) FROM investment_goals WHERE investment_id = ?",
                      investment) <= 1 + 1e-9, where

    assert _values(conn, "SELECT period FROM financials WHERE account_id = ? ORDER BY period", account) \
        == _quarters(today), where
    assert _count(conn, "SELECT count(*) FROM financials WHERE account_id = ? AND revenue > cost_of_goods + "
                        "cost_to_serve + other_costs", account) == 8, f"{where}: a profitable account"


def test_handcrafted_accounts_have_the_full_plan(demo: tuple[sqlite3.Connection, DemoStats]) -> None:
    conn, stats = demo
    accounts = _values(conn, "SELECT id FROM accounts ORDER BY rowid")
    assert len(accounts) == stats.accounts == HANDCRAFTED_ACCOUNTS >= 5
    for account in accounts:
        check_account(conn, account, TODAY)
    industries = " ".join(_values(conn, "SELECT lower(industry) FROM accounts"))
    for word in ("grocery", "hospital", "automotive", "bank", "telecom"):
        assert word in industries
    assert set(_values(conn, "SELECT currency FROM accounts")) == {"EUR", "GBP"}
    assert _count(conn, "SELECT count(*) FROM accounts WHERE owner_id IS NULL OR mutual_purpose IS NULL "
                        "OR objectives IS NULL") == 0


def test_demo_uses_every_enumeration(demo: tuple[sqlite3.Connection, DemoStats]) -> None:
    conn, _ = demo
    used = {
        (E.Stance, "SELECT stance FROM stakeholders"),
        (E.GoalStatus, "SELECT status FROM goals"),
        (E.GoalCategory, "SELECT category FROM goals"),
        (E.MeetingKind, "SELECT kind FROM meetings"),
        (E.InsightKind, "SELECT kind FROM insights"),
        (E.AssetKind, "SELECT kind FROM assets"),
        (E.IdeaOrigin, "SELECT origin FROM ideas"),
        (E.InvestmentStatus, "SELECT status FROM investments"),
        (E.Level, "SELECT level FROM stakeholders"),
        (E.Horizon, "SELECT horizon FROM goals"),
    }
    for enum, sql in used:
        assert set(_values(conn, sql)) >= {member.value for member in enum}, enum.__name__
    assert len(set(_values(conn, "SELECT kind FROM investments"))) >= 6
    third_parties = _values(conn, "SELECT organisation FROM team_members WHERE third_party = 1")
    assert len(third_parties) >= 3 and all(third_parties)
    assert _count(conn, "SELECT count(*) FROM ideas WHERE merged_into_id IS NOT NULL") >= 1
    assert _count(conn, "SELECT count(*) FROM investments WHERE idea_id IS NOT NULL") >= 5
    assert _count(conn, "SELECT count(*) FROM investments WHERE status = 'spent' "
                        "AND actual_return IS NULL") == 0
    high_and_quiet = _count(conn, "SELECT count(*) FROM stakeholders WHERE influence >= 4 "
                                  "AND last_contact < ?", (TODAY - dt.timedelta(days=60)).isoformat())
    assert high_and_quiet >= 3, "some influential people are uncontacted for 60 days (gaps to find)"


def test_notes_are_markdown(demo: tuple[sqlite3.Connection, DemoStats]) -> None:
    conn, _ = demo
    for notes in _values(conn, "SELECT notes FROM meetings WHERE starts_at < ?", TODAY.isoformat()):
        assert notes.startswith("## ") and "\n- " in notes and "\n> " in notes


def test_file_is_sound_and_opens(demo: tuple[sqlite3.Connection, DemoStats]) -> None:
    conn, stats = demo
    assert _values(conn, "PRAGMA integrity_check") == ["ok"]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    counts = {table: _count(conn, f"SELECT count(*) FROM {table}") for table in COLUMNS}
    assert counts == dict(stats.counts)
    assert stats.size == stats.path.stat().st_size > 0
    with Workbook.open(stats.path, read_only=True) as wb:
        assert check_search(wb.conn) == []
        hits = search(wb.conn, "Wythenshawe")
        assert [hit.kind for hit in hits] == ["meeting"]
        assert hits[0].account_name == "Marlowe & Finch Supermarkets"
        assert search(wb.conn, "Zaragoza", kind="meeting")


def test_same_seed_and_day_give_identical_rows(tmp_path: Path) -> None:
    first = write_demo(tmp_path / "a.immersion", accounts=7, seed=5, today=TODAY)
    second = write_demo(tmp_path / "b.immersion", accounts=7, seed=5, today=TODAY)
    other = write_demo(tmp_path / "c.immersion", accounts=7, seed=6, today=TODAY)
    a, b, c = (sqlite3.connect(s.path) for s in (first, second, other))
    try:
        for table in (*COLUMNS, "search_index"):
            order = "rowid" if table == "search_index" else "id"
            rows = a.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
            assert rows, table
            assert rows == b.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall(), table
        assert a.execute("SELECT value FROM meta WHERE key = 'demo'").fetchone() \
            == b.execute("SELECT value FROM meta WHERE key = 'demo'").fetchone()
        assert _values(a, "SELECT id FROM accounts") != _values(c, "SELECT id FROM accounts")
    finally:
        for conn in (a, b, c):
            conn.close()


def test_generated_accounts_have_the_same_proportions(tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    today = dt.date(2031, 3, 15)  # dates follow `today`, whatever it is
    stats = write_demo(tmp_path / "forty.immersion", accounts=40, today=today,
                       progress=lambda done, total: calls.append((done, total)))
    assert calls == [(n, 40) for n in range(1, 41)]
    with sqlite3.connect(stats.path) as conn:
        accounts = _values(conn, "SELECT id FROM accounts ORDER BY rowid")
        assert len(accounts) == stats.accounts == 40
        assert len(set(_values(conn, "SELECT name FROM accounts"))) == 40
        assert len(set(_values(conn, "SELECT industry FROM accounts"))) >= 8
        for account in accounts:
            check_account(conn, account, today)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        notes = _values(conn, "SELECT notes FROM meetings")
        assert len(set(notes)) == len(notes), "generated notes are varied"
    conn.close()


def test_meetings_per_account_sets_generated_meetings(tmp_path: Path) -> None:
    stats = write_demo(tmp_path / "m.immersion", accounts=7, meetings_per_account=12, today=TODAY)
    with sqlite3.connect(stats.path) as conn:
        counts = _values(conn, "SELECT (SELECT count(*) FROM meetings m WHERE m.account_id = a.id) "
                               "FROM accounts a ORDER BY a.rowid")
        assert counts[HANDCRAFTED_ACCOUNTS:] == [12, 12]
        for account in _values(conn, "SELECT id FROM accounts ORDER BY rowid"):
            check_account(conn, account, TODAY, meetings=(4, 12))
    conn.close()


def test_an_interrupted_write_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "Demo.immersion"

    def cancel(done: int, total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_demo(target, progress=cancel)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == []


def test_an_existing_file_is_replaced_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "Demo.immersion"
    target.write_text("mine")
    with pytest.raises(WorkbookError):
        write_demo(target, accounts=1)
    assert target.read_text() == "mine"
    stats = write_demo(target, accounts=1, overwrite=True)
    assert stats.accounts == 1
    with Workbook.open(target) as wb:
        assert _count(wb.conn, "SELECT count(*) FROM accounts") == 1
        assert wb.meta("demo") is not None
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["Demo.immersion"]


def test_default_day_is_today(tmp_path: Path) -> None:
    stats = write_demo(tmp_path / "now.immersion", accounts=1)
    with sqlite3.connect(stats.path) as conn:
        check_account(conn, _values(conn, "SELECT id FROM accounts")[0], dt.date.today())
    conn.close()


@pytest.mark.parametrize("kwargs", [{"accounts": 0}, {"meetings_per_account": 1}])
def test_bad_arguments(tmp_path: Path, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        write_demo(tmp_path / "x.immersion", **kwargs)
    assert not (tmp_path / "x.immersion").exists()
