"""The entity dataclasses match the schema and convert to and from stored rows.

The schema (`immersion/store/schema.py`) is the source of truth, so these tests build it in an in-memory
SQLite database and compare against what SQLite itself reports: column names, defaults and CHECK constraints.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import typing
from enum import Enum
from typing import Any

import pytest

from immersion.domain import models
from immersion.domain.enums import GoalCategory, GoalStatus, IdeaStage, InvestmentStatus, Stance
from immersion.domain.models import (
    MODEL_OF,
    TABLE_OF,
    ActionItem,
    Entity,
    Goal,
    Idea,
    Investment,
    Stakeholder,
)
from immersion.store.schema import TABLES

COMMON = ["id", "created_at", "updated_at"]
# Required text columns whose CHECK wants a particular shape.
SPECIAL = {"period": "2026-Q3", "currency": "USD"}


@pytest.fixture()
def db() -> typing.Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")  # foreign keys stay off: rows are checked one table at a time
    conn.row_factory = sqlite3.Row
    for ddl in TABLES.values():
        conn.execute(ddl)
    yield conn
    conn.close()


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row["name"] for row in conn.execute(f"PRAGMA table_info({table})")]


def required_values(cls: type) -> dict[str, Any]:
    """A value for every field without a default, of the right type and shape for the schema's CHECKs."""
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING:
            continue
        hint = hints[f.name]
        if isinstance(hint, type) and issubclass(hint, Enum):
            values[f.name] = next(iter(hint))
        elif hint is float:
            values[f.name] = 0.5  # a valid share, and a valid amount
        else:
            values[f.name] = SPECIAL.get(f.name, f"{f.name} value")  # distinct, so from_id <> to_id
    if cls in (models.MeetingAttendee, models.IdeaPerson):
        values["stakeholder_id"] = "someone"  # exactly one side must be set
    return values


def test_every_table_but_meta_has_a_model() -> None:
    assert set(TABLE_OF.values()) == set(TABLES) - {"meta"}
    assert len(TABLE_OF) == 21
    assert all(TABLE_OF[MODEL_OF[table]] == table for table in MODEL_OF)
    assert MODEL_OF["idea_stage_history"] is models.IdeaStageChange


@pytest.mark.parametrize("cls", list(TABLE_OF), ids=lambda c: c.__name__)
def test_fields_are_the_schema_columns(db: sqlite3.Connection, cls: type[Entity]) -> None:
    # The shared base puts id and the stamps first; the rest follow the schema's column order.
    cols = columns(db, TABLE_OF[cls])
    assert [f.name for f in dataclasses.fields(cls)] == COMMON + [c for c in cols if c not in COMMON]


@pytest.mark.parametrize("cls", list(TABLE_OF), ids=lambda c: c.__name__)
def test_defaults_match_the_schema_defaults(db: sqlite3.Connection, cls: type[Entity]) -> None:
    # Let SQLite fill in every column the model defaults, then read the row back: it must equal the model.
    table = TABLE_OF[cls]
    built = cls(**required_values(cls))
    given = {"id": built.id, **{k: v for k, v in built.to_row().items() if k in required_values(cls)}}
    db.execute(
        f"INSERT INTO {table} ({', '.join(given)}) VALUES ({', '.join('?' * len(given))})",
        list(given.values()),
    )
    stored = cls.from_row(db.execute(f"SELECT * FROM {table}").fetchone())
    for name in [f.name for f in dataclasses.fields(cls)]:
        if name not in ("created_at", "updated_at"):
            assert getattr(stored, name) == getattr(built, name), name


@pytest.mark.parametrize("cls", list(TABLE_OF), ids=lambda c: c.__name__)
def test_round_trip_through_sqlite(db: sqlite3.Connection, cls: type[Entity]) -> None:
    table = TABLE_OF[cls]
    built = cls(**required_values(cls))
    row = built.to_row()
    db.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
               list(row.values()))
    assert cls.from_row(db.execute(f"SELECT * FROM {table}").fetchone()) == built


def test_timestamps_look_like_the_schema_default(db: sqlite3.Connection) -> None:
    # Both forms are 24 characters: 2026-07-01T09:30:00.123Z
    db.execute("INSERT INTO team_members (id, name) VALUES ('t', 'Ann')")
    stored = db.execute("SELECT created_at FROM team_members").fetchone()[0]
    ours = models.utc_now()
    assert len(ours) == len(stored) == 24
    assert ours[10] == stored[10] == "T" and ours.endswith("Z") and ours[19] == "."


def test_from_row_converts_enums_and_bools_and_ignores_unknown_keys() -> None:
    goal = Goal.from_row({
        "id": "g1", "account_id": "a1", "title": "Grow in Asia", "category": "strategic",
        "status": "confirmed", "priority": 5, "rank": 1, "account_name": "Acme",  # a joined column
    })
    assert goal.category is GoalCategory.STRATEGIC
    assert goal.status is GoalStatus.CONFIRMED
    assert (goal.id, goal.priority, goal.horizon) == ("g1", 5, None)
    item = ActionItem.from_row({"account_id": "a1", "text": "Send deck", "done": 1})
    assert item.done is True
    # SQLite may return an integral REAL as int; the model keeps floats as floats.
    inv = Investment.from_row(
        {"account_id": "a", "name": "n", "kind": "pilot", "amount": 3, "period": "2026-07"})
    assert isinstance(inv.amount, float) and inv.status is InvestmentStatus.PLANNED


def test_to_row_gives_plain_values() -> None:
    idea = Idea(account_id="a1", title="Shelf pilot", stage=IdeaStage.CO_CREATING)
    row = idea.to_row()
    assert row["stage"] == "co-creating" and type(row["stage"]) is str
    assert type(ActionItem(account_id="a", text="t", done=True).to_row()["done"]) is int
    person = Stakeholder(account_id="a", name="Bo", stance=Stance.SCEPTIC)
    assert person.to_row()["stance"] == "sceptic" and person.to_row()["buying_role"] is None


def test_from_row_rejects_an_unknown_enum_value() -> None:
    with pytest.raises(ValueError, match="bogus"):
        Goal.from_row({"account_id": "a", "title": "t", "category": "bogus"})


def test_new_objects_get_distinct_ids_and_are_mutable() -> None:
    a, b = Goal(account_id="a", title="x", category=GoalCategory.POLITICAL), Goal(
        account_id="a", title="y", category=GoalCategory.POLITICAL
    )
    assert a.id != b.id and len(a.id) == 36
    a.priority = 5
    assert a.priority == 5
    with pytest.raises(AttributeError):
        a.no_such_field = 1  # type: ignore[attr-defined]  # slots: a typo does not silently add a field


def test_stored_date_reads_dates_and_timestamps_and_gives_none_for_the_rest() -> None:
    import datetime as dt

    assert models.stored_date("2026-07-01") == dt.date(2026, 7, 1)
    assert models.stored_date("2026-07-01T09:30:00.123Z") == dt.date(2026, 7, 1)
    assert models.stored_date(None) is None and models.stored_date("") is None
    assert models.stored_date("next week") is None
