"""Entities of the workbook as plain dataclasses, one per table.

Field names are exactly the schema's column names (`immersion/store/schema.py` is the source of truth): the
`id`, `created_at` and `updated_at` every table has come from a shared base, the rest follow in the schema's
column order. Columns holding an enumeration are typed with the enum, 0/1 columns are `bool`, dates and
timestamps stay ISO-8601 strings, and nullable columns are `Optional`.

Every class is keyword-only (construct with keywords) so that it can keep the schema's column order while
still giving defaults for the columns the schema defaults. `id`, `created_at` and `updated_at` default to a
fresh UUID and "now", the values the store would give a new row, so
`Goal(account_id=a, title="Grow in Asia", category=GoalCategory.STRATEGIC)` is a complete, insertable goal.
Constructors take enum members as given (no coercion); `from_row` is the place where strings become enums.

`from_row` and `to_row` convert between these objects and the plain values SQLite stores; the conversion is
derived once per class from the type hints, not written out per class.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Self

from immersion.domain.enums import (
    AssetKind,
    BuyingRole,
    Channel,
    GoalCategory,
    GoalStatus,
    Horizon,
    IdeaOrigin,
    IdeaStage,
    InsightKind,
    InvestmentKind,
    InvestmentStatus,
    Level,
    MeetingKind,
    Response,
    Stance,
    TeamFunction,
    Tier,
)
from immersion.domain.keys import new_id, stored_date, utc_now

__all__ = [
    "MODEL_OF", "TABLE_OF", "Account", "ActionItem", "Asset", "Coverage", "Entity", "Financials", "Goal",
    "Idea", "IdeaAsset", "IdeaGoal", "IdeaPerson", "IdeaStageChange", "IdeaTag", "Insight", "Investment",
    "InvestmentGoal", "Meeting", "MeetingAttendee", "Stakeholder", "StakeholderInfluence", "TeamMember",
    "Touchpoint", "new_id", "stored_date", "utc_now",
]


# Column conversions: what `from_row` does to a stored value before it goes into a field.
def _converter(hint: Any) -> Any:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    base = args[0] if args else hint  # Optional[X] -> X
    if isinstance(base, type) and issubclass(base, Enum):
        return base
    if base is bool:
        return bool
    if base is float:
        return float  # SQLite may hand back 3 for a REAL column written as an int
    return None


@dataclass(slots=True, kw_only=True)
class Entity:
    """The base of every entity: the columns every table has, and the conversion to and from rows."""

    id: str = field(default_factory=new_id)
    created_at: str = field(default_factory=utc_now)
    updated_at: str = field(default_factory=utc_now)

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Self:
        """Build an entity from a stored row.

        Args:
            row: A mapping of column name to stored value (a dict or an `sqlite3.Row`). Keys that are not
                fields of this entity are ignored; missing columns take their default.

        Returns:
            The entity, with enum columns as enum members and 0/1 columns as bools.

        Raises:
            ValueError: A value is not a member of the column's enumeration.
        """
        converters = _converters(cls)
        values: dict[str, Any] = {}
        for key in row.keys():  # noqa: SIM118 - `in` on an sqlite3.Row searches its values, not its keys
            if key in converters:
                value = row[key]
                convert = converters[key]
                values[key] = value if value is None or convert is None else convert(value)
        return cls(**values)

    def to_row(self) -> dict[str, Any]:
        """The entity as plain stored values: enums as their string value, bools as 0/1."""
        row: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool):  # before int: bool is an int
                value = int(value)
            elif isinstance(value, Enum):
                value = value.value
            row[f.name] = value
        return row


_CONVERTERS: dict[type, dict[str, Any]] = {}


def _converters(cls: type) -> dict[str, Any]:
    # Resolving type hints is slow; rows are many, classes few, so work it out once per class.
    if cls not in _CONVERTERS:
        hints = typing.get_type_hints(cls)
        _CONVERTERS[cls] = {f.name: _converter(hints[f.name]) for f in dataclasses.fields(cls)}
    return _CONVERTERS[cls]


@dataclass(slots=True, kw_only=True)
class TeamMember(Entity):
    name: str
    title: str | None = None
    function: TeamFunction = TeamFunction.SALES
    organisation: str | None = None
    third_party: bool = False
    email: str | None = None
    notes: str | None = None


@dataclass(slots=True, kw_only=True)
class Asset(Entity):
    name: str
    kind: AssetKind
    description: str | None = None
    owner_id: str | None = None


@dataclass(slots=True, kw_only=True)
class Account(Entity):
    name: str
    industry: str | None = None
    tier: Tier = Tier.KEY
    mutual_purpose: str | None = None
    objectives: str | None = None
    owner_id: str | None = None
    currency: str = "EUR"
    notes: str | None = None


@dataclass(slots=True, kw_only=True)
class Stakeholder(Entity):
    account_id: str
    name: str
    title: str | None = None
    level: Level = Level.MANAGER
    buying_role: BuyingRole | None = None
    influence: int = 3
    stance: Stance = Stance.NEUTRAL
    personal_wins: str | None = None
    reports_to_id: str | None = None
    email: str | None = None
    phone: str | None = None
    last_contact: str | None = None
    notes: str | None = None


@dataclass(slots=True, kw_only=True)
class StakeholderInfluence(Entity):
    from_id: str
    to_id: str
    strength: int = 2
    note: str | None = None


@dataclass(slots=True, kw_only=True)
class Coverage(Entity):
    stakeholder_id: str
    team_member_id: str
    strength: int = 3
    note: str | None = None


@dataclass(slots=True, kw_only=True)
class Meeting(Entity):
    account_id: str
    kind: MeetingKind = MeetingKind.DISCOVERY
    title: str
    starts_at: str
    duration_minutes: int = 60
    location: str | None = None
    purpose: str | None = None
    notes: str | None = None
    outcome: str | None = None


@dataclass(slots=True, kw_only=True)
class Goal(Entity):
    account_id: str
    title: str
    description: str | None = None
    category: GoalCategory
    priority: int = 3
    rank: int = 0
    status: GoalStatus = GoalStatus.UNCONFIRMED
    horizon: Horizon | None = None
    kpi: str | None = None
    target: str | None = None
    source_stakeholder_id: str | None = None
    source_meeting_id: str | None = None
    owner_stakeholder_id: str | None = None
    status_changed_at: str | None = None


@dataclass(slots=True, kw_only=True)
class MeetingAttendee(Entity):
    """One attendee: exactly one of `stakeholder_id` (their side) or `team_member_id` (ours) is set."""

    meeting_id: str
    stakeholder_id: str | None = None
    team_member_id: str | None = None


@dataclass(slots=True, kw_only=True)
class Insight(Entity):
    account_id: str
    meeting_id: str | None = None
    kind: InsightKind = InsightKind.OBSERVATION
    text: str
    goal_id: str | None = None
    stakeholder_id: str | None = None


@dataclass(slots=True, kw_only=True)
class ActionItem(Entity):
    account_id: str
    meeting_id: str | None = None
    text: str
    owner_stakeholder_id: str | None = None
    owner_team_member_id: str | None = None
    due_date: str | None = None
    done: bool = False
    done_at: str | None = None


@dataclass(slots=True, kw_only=True)
class Touchpoint(Entity):
    account_id: str
    stakeholder_id: str
    team_member_id: str | None = None
    date: str
    channel: Channel = Channel.EMAIL
    content: str
    insight_id: str | None = None
    response: Response = Response.NONE


@dataclass(slots=True, kw_only=True)
class Idea(Entity):
    """An idea on the curation board; a merged idea keeps its row and points at the idea it went into."""

    account_id: str
    title: str
    description: str | None = None
    stage: IdeaStage = IdeaStage.CAPTURED
    origin: IdeaOrigin = IdeaOrigin.INTERNAL
    origin_meeting_id: str | None = None
    customer_value: int = 3
    our_value: int = 3
    effort: int = 3
    confidence: int = 3
    estimated_revenue: float | None = None
    board_order: float = 0.0
    stage_reason: str | None = None
    stage_changed_at: str | None = None
    merged_into_id: str | None = None


@dataclass(slots=True, kw_only=True)
class IdeaGoal(Entity):
    idea_id: str
    goal_id: str
    strength: int = 2


@dataclass(slots=True, kw_only=True)
class IdeaAsset(Entity):
    idea_id: str
    asset_id: str


@dataclass(slots=True, kw_only=True)
class IdeaPerson(Entity):
    """A person involved in an idea: exactly one of `stakeholder_id` or `team_member_id` is set."""

    idea_id: str
    stakeholder_id: str | None = None
    team_member_id: str | None = None


@dataclass(slots=True, kw_only=True)
class IdeaTag(Entity):
    idea_id: str
    tag: str


@dataclass(slots=True, kw_only=True)
class IdeaStageChange(Entity):
    """One move of an idea on the board (table `idea_stage_history`); `from_stage` is None when created."""

    idea_id: str
    from_stage: IdeaStage | None = None
    to_stage: IdeaStage
    changed_at: str
    reason: str | None = None


@dataclass(slots=True, kw_only=True)
class Investment(Entity):
    """Money or effort put into the account; `period` is "2026-Q3" or "2026-07" (`finance.parse_period`)."""

    account_id: str
    name: str
    kind: InvestmentKind
    status: InvestmentStatus = InvestmentStatus.PLANNED
    amount: float
    currency: str = "EUR"
    period: str
    expected_return: float | None = None
    actual_return: float | None = None
    idea_id: str | None = None
    notes: str | None = None


@dataclass(slots=True, kw_only=True)
class InvestmentGoal(Entity):
    """The share (0 < share ≤ 1) of an investment given to a goal; what no goal gets is orphan spend."""

    investment_id: str
    goal_id: str
    share: float


@dataclass(slots=True, kw_only=True)
class Financials(Entity):
    """The account P&L for one period ("2026-Q3" or "2026-07")."""

    account_id: str
    period: str
    revenue: float = 0.0
    cost_of_goods: float = 0.0
    cost_to_serve: float = 0.0
    other_costs: float = 0.0


TABLE_OF: dict[type[Entity], str] = {
    TeamMember: "team_members",
    Asset: "assets",
    Account: "accounts",
    Stakeholder: "stakeholders",
    StakeholderInfluence: "stakeholder_influences",
    Coverage: "coverage",
    Meeting: "meetings",
    Goal: "goals",
    MeetingAttendee: "meeting_attendees",
    Insight: "insights",
    ActionItem: "action_items",
    Touchpoint: "touchpoints",
    Idea: "ideas",
    IdeaGoal: "idea_goals",
    IdeaAsset: "idea_assets",
    IdeaPerson: "idea_people",
    IdeaTag: "idea_tags",
    IdeaStageChange: "idea_stage_history",
    Investment: "investments",
    InvestmentGoal: "investment_goals",
    Financials: "financials",
}
"""Entity class -> table name, in the schema's table order (parents before children)."""

MODEL_OF: dict[str, type[Entity]] = {table: cls for cls, table in TABLE_OF.items()}
"""Table name -> entity class."""
