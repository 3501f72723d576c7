"""The briefing as data: what each section shows, assembled by `content.py` and rendered by `html.py`.

Plain frozen dataclasses with no Qt, so the content can be built on a worker thread and tested without a screen.
Strings are the workbook's own text (not yet escaped) or ISO dates; numbers are left unformatted. In the
customer edition every internal field is None or empty *here*, so no renderer can leak it by mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from immersion.domain.charts_data import ProfileData
from immersion.domain.figures import PnlData
from immersion.report.options import BriefingOptions


@dataclass(frozen=True)
class MeetingInfo:
    """The meeting the briefing prepares (or, as `last_meeting`, the one before it)."""

    id: str
    title: str
    kind: str
    starts_at: str  # local time, "2026-11-26T11:00:00"
    duration_minutes: int
    location: str | None
    purpose: str | None
    notes: str | None  # markdown; internal edition only
    customer: tuple[str, ...] = ()  # attendee names, sorted
    ours: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionLine:
    """An action item: a promise with an owner and a due date."""

    text: str
    owner: str | None
    ours: bool  # owned by our side (or by nobody), not by the customer
    due_date: str | None
    done_at: str | None
    overdue: bool
    meeting: str | None


@dataclass(frozen=True)
class Card:
    """One person of the customer: in the room when there is a meeting, else one of the key stakeholders."""

    id: str
    name: str
    title: str | None
    level: str
    buying_role: str | None  # internal
    stance: str | None  # internal
    influence: int | None  # internal
    personal_wins: str | None  # internal
    notes: str | None  # internal
    last_contact: str | None  # internal
    days_since_contact: int | None  # internal
    covered_by: tuple[tuple[str, int | None], ...]  # our people covering them, with strength (internal)
    promises: tuple[ActionLine, ...]  # our open promises to them


@dataclass(frozen=True)
class TeamLine:
    """One person of our side in the room, and whom of the customer's attendees they cover."""

    name: str
    title: str | None
    organisation: str | None
    covers: tuple[tuple[str, int | None], ...]  # (customer attendee, strength; None in the customer edition)


@dataclass(frozen=True)
class GoalLine:
    """One goal of the boardroom agenda."""

    id: str
    place: int | None  # 1-based among the open goals; None for achieved or dropped goals
    title: str
    category: str
    priority: int
    status: str
    kpi: str | None
    target: str | None
    ideas: tuple[str, ...]  # titles of the active ideas serving it, strongest link first


@dataclass(frozen=True)
class IdeaLine:
    """An active idea worth discussing, ranked by mutual value."""

    id: str
    title: str
    description: str | None
    stage: str
    goals: tuple[str, ...]
    mutual_value: int | None  # internal (it reveals our value)
    customer_value: int | None  # internal
    our_value: int | None  # internal
    estimated_revenue: float | None  # internal


@dataclass(frozen=True)
class Standing:
    """Where we stand (internal): the alignment index, the category profile and the gaps."""

    index: float | None
    reason: str | None
    explain: str
    profile: ProfileData
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class InvestmentLine:
    """One of the account's main investments."""

    name: str
    kind: str
    status: str
    period: str
    amount: float
    returned: float | None
    roi: float | None
    roi_basis: str | None  # "actual" or "expected"
    goals: tuple[str, ...]


@dataclass(frozen=True)
class Finance:
    """Investments and the P&L summary (internal)."""

    currency: str
    pnl: PnlData
    period: str | None  # label of the P&L period shown
    revenue: float | None
    gross_margin: float | None
    contribution: float | None
    previous_period: str | None
    previous_contribution: float | None
    invested: float  # committed and spent
    orphan: float
    roi: float | None
    investments: tuple[InvestmentLine, ...]
    more_investments: int


@dataclass(frozen=True)
class InsightLine:
    text: str
    kind: str
    goal: str | None
    person: str | None
    meeting: str | None
    date: str  # ISO date it was recorded


@dataclass(frozen=True)
class IdeaMove:
    title: str
    from_stage: str | None  # None: the idea is new
    to_stage: str
    date: str


@dataclass(frozen=True)
class GoalChange:
    title: str
    status: str
    date: str


@dataclass(frozen=True)
class MoneyChange:
    name: str
    status: str
    amount: float
    date: str


@dataclass(frozen=True)
class Changes:
    """What changed since the last meeting; `since` is None when the account has had no meeting yet."""

    since: MeetingInfo | None
    new_ideas: tuple[IdeaMove, ...] = ()
    moved_ideas: tuple[IdeaMove, ...] = ()
    insights: tuple[InsightLine, ...] = ()  # internal
    goals: tuple[GoalChange, ...] = ()
    investments: tuple[MoneyChange, ...] = ()  # internal
    completed: tuple[ActionLine, ...] = ()
    overdue: tuple[ActionLine, ...] = ()  # internal (the customer edition lists open commitments instead)

    @property
    def is_empty(self) -> bool:
        return not (self.new_ideas or self.moved_ideas or self.insights or self.goals or self.investments
                    or self.completed or self.overdue)


@dataclass(frozen=True)
class Question:
    """A suggested question: a translatable template with `{name}` fields, and the values to put in them."""

    kind: str  # "unconfirmed_goal", "uncovered_goal", "unreached_influencer"
    template: str
    values: tuple[tuple[str, str], ...]
    about: str  # the goal or person it is about, for ordering and tests


@dataclass(frozen=True)
class Glance:
    """The figures on the cover of the internal edition."""

    index: float | None
    open_goals: int
    unconfirmed_goals: int
    active_ideas: int
    overdue_actions: int
    days_since_last_meeting: int | None


@dataclass(frozen=True)
class Briefing:
    """Everything one briefing shows, for one account and (when there is one) one meeting."""

    options: BriefingOptions
    account_name: str
    industry: str | None
    currency: str
    mutual_purpose: str | None
    objectives: str | None  # internal
    prepared_by: str | None
    prepared_title: str | None
    meeting: MeetingInfo | None
    last_meeting: MeetingInfo | None
    glance: Glance | None  # internal
    goals: tuple[GoalLine, ...]  # open goals, in agenda order
    closed_goals: tuple[GoalLine, ...]
    cards: tuple[Card, ...]
    cards_are_attendees: bool  # False: no meeting, or nobody of the customer in it; cards are key people
    team: tuple[TeamLine, ...]
    standing: Standing | None
    ideas: tuple[IdeaLine, ...]
    more_ideas: int
    finance: Finance | None
    changes: Changes
    questions: tuple[Question, ...]
    coaching: tuple[str, ...]
    insights: tuple[InsightLine, ...]
    actions: tuple[ActionLine, ...]  # open action items, soonest due first
    chart_names: tuple[str, ...] = field(default=())  # the charts the briefing shows ("profile", "pnl")

    @property
    def internal(self) -> bool:
        return self.options.edition.is_internal

    @property
    def prepared_on(self) -> dt.date:
        return self.options.today
