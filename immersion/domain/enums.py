"""Enumerations of the domain, in their canonical order.

The string values are what the workbook stores; the schema's CHECK constraints are built from them.
"""

from __future__ import annotations

from enum import StrEnum


class Tier(StrEnum):
    STRATEGIC = "strategic"
    KEY = "key"
    GROWTH = "growth"
    MAINTAIN = "maintain"


class GoalCategory(StrEnum):
    """The five sections of a customer's boardroom agenda."""

    STRATEGIC = "strategic"
    COMPETITIVE = "competitive"
    INTERPERSONAL = "interpersonal"
    POLITICAL = "political"
    FINANCIAL = "financial"


class GoalStatus(StrEnum):
    UNCONFIRMED = "unconfirmed"
    CONFIRMED = "confirmed"
    ACHIEVED = "achieved"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        return self in (GoalStatus.UNCONFIRMED, GoalStatus.CONFIRMED)


class Horizon(StrEnum):
    SHORT = "short"  # this year
    MEDIUM = "medium"  # one to three years
    LONG = "long"  # beyond three years


class Level(StrEnum):
    BOARD = "board"
    EXECUTIVE = "executive"
    SENIOR = "senior"
    MANAGER = "manager"
    STAFF = "staff"


class BuyingRole(StrEnum):
    DECISION_MAKER = "decision maker"
    ECONOMIC_BUYER = "economic buyer"
    TECHNICAL_BUYER = "technical buyer"
    USER = "user"
    INFLUENCER = "influencer"
    GATEKEEPER = "gatekeeper"
    COACH = "coach"


class Stance(StrEnum):
    CHAMPION = "champion"
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    SCEPTIC = "sceptic"
    DETRACTOR = "detractor"

    @property
    def is_hostile(self) -> bool:
        return self in (Stance.SCEPTIC, Stance.DETRACTOR)


class TeamFunction(StrEnum):
    SALES = "sales"
    MARKETING = "marketing"
    OPERATIONS = "operations"
    SUPPLY_CHAIN = "supply chain"
    FINANCE = "finance"
    SERVICE = "service"
    EXECUTIVE = "executive"
    AGENCY = "agency"
    ALLIANCE_PARTNER = "alliance partner"


class AssetKind(StrEnum):
    BRAND = "brand"
    PRODUCT = "product"
    SERVICE = "service"
    CAPABILITY = "capability"
    INSIGHT = "insight"
    ALLIANCE = "alliance"
    EMERGING_BUSINESS = "emerging business"
    DATA = "data"


class MeetingKind(StrEnum):
    DISCOVERY = "discovery"
    CO_CREATION = "co-creation"
    BUSINESS_REVIEW = "business review"
    EXECUTIVE = "executive"
    SOCIAL = "social"


class InsightKind(StrEnum):
    QUOTE = "quote"
    OBSERVATION = "observation"
    NEED = "need"
    PRESSURE = "pressure"


class Channel(StrEnum):
    EMAIL = "email"
    LINKEDIN = "linkedin"
    PHONE = "phone"
    EVENT = "event"
    MEETING = "meeting"
    MESSAGE = "message"
    OTHER = "other"


class Response(StrEnum):
    NONE = "none"
    OPENED = "opened"
    REPLIED = "replied"
    POSITIVE = "positive"
    NEGATIVE = "negative"
    MEETING = "meeting"


class IdeaStage(StrEnum):
    """Curation stages in board order, then the two exits."""

    CAPTURED = "captured"
    SHAPING = "shaping"
    CO_CREATING = "co-creating"
    PROPOSED = "proposed"
    PILOTING = "piloting"
    ADOPTED = "adopted"
    PARKED = "parked"
    DECLINED = "declined"

    @property
    def is_active(self) -> bool:
        return self not in (IdeaStage.PARKED, IdeaStage.DECLINED)

    @property
    def factor(self) -> float:
        """How much an idea at this stage counts as effort toward its goals (DESIGN.md)."""
        return STAGE_FACTORS[self]


STAGE_FACTORS: dict[IdeaStage, float] = {
    IdeaStage.CAPTURED: 0.25,
    IdeaStage.SHAPING: 0.4,
    IdeaStage.CO_CREATING: 0.6,
    IdeaStage.PROPOSED: 0.7,
    IdeaStage.PILOTING: 0.85,
    IdeaStage.ADOPTED: 1.0,
    IdeaStage.PARKED: 0.0,
    IdeaStage.DECLINED: 0.0,
}

BOARD_STAGES: tuple[IdeaStage, ...] = tuple(s for s in IdeaStage if s.is_active)


class IdeaOrigin(StrEnum):
    CUSTOMER = "customer"
    MEETING = "meeting"
    INTERNAL = "internal"
    PARTNER = "partner"


class InvestmentKind(StrEnum):
    TRADE_SPEND = "trade spend"
    CO_MARKETING = "co-marketing"
    SERVICE = "service"
    PEOPLE = "people"
    PILOT = "pilot"
    CAPEX = "capex"
    DISCOUNT = "discount"


class InvestmentStatus(StrEnum):
    PLANNED = "planned"
    COMMITTED = "committed"
    SPENT = "spent"
    STOPPED = "stopped"

    @property
    def counts_as_money(self) -> bool:
        """Committed and spent investments count toward alignment (DESIGN.md)."""
        return self in (InvestmentStatus.COMMITTED, InvestmentStatus.SPENT)
