"""What a briefing is made of and for whom: its edition, its sections, its paper and the moment it describes.

Plain Python (no Qt): the content is assembled from these options off the GUI thread, and the command line
builds them from its arguments. Texts here are marked for translation (`QT_TRANSLATE_NOOP`) and translated
where they are shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum

NEXT_MEETING = "next"
"""The value of `BriefingOptions.meeting` that picks the account's next upcoming meeting."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without translating it (pure modules have no Qt)."""
    return text


class Edition(StrEnum):
    """Who the briefing is for.

    INTERNAL is for our own team and holds everything; CUSTOMER can be sent to the customer: it leaves out
    stances, influence, personal wins, internal notes, financials, investments, coverage strength, coaching
    rules and everything computed from them.
    """

    INTERNAL = "internal"
    CUSTOMER = "customer"

    @property
    def is_internal(self) -> bool:
        return self is Edition.INTERNAL


class Paper(StrEnum):
    """The paper sizes a briefing is laid out for."""

    A4 = "a4"
    LETTER = "letter"


class Section(StrEnum):
    """The sections of a briefing, in the order they are printed (the cover always comes first)."""

    AGENDA = "agenda"
    PEOPLE = "people"
    PLAN = "plan"
    STANDING = "standing"
    IDEAS = "ideas"
    FINANCE = "finance"
    CHANGES = "changes"
    QUESTIONS = "questions"
    COACHING = "coaching"
    FOLLOW_UP = "follow_up"

    @property
    def internal_only(self) -> bool:
        """Whether the section is left out of the customer edition altogether."""
        return self in _INTERNAL_ONLY

    @property
    def title(self) -> str:
        """The untranslated title of the section (translate it in context "Report")."""
        return _TITLES[self]


_INTERNAL_ONLY = frozenset({Section.PLAN, Section.STANDING, Section.FINANCE, Section.COACHING})
_TITLES = {
    Section.AGENDA: QT_TRANSLATE_NOOP("Report", "Mutual purpose and boardroom agenda"),
    Section.PEOPLE: QT_TRANSLATE_NOOP("Report", "People in the room"),
    Section.PLAN: QT_TRANSLATE_NOOP("Report", "Our plan for the meeting"),
    Section.STANDING: QT_TRANSLATE_NOOP("Report", "Where we stand"),
    Section.IDEAS: QT_TRANSLATE_NOOP("Report", "Ideas to discuss"),
    Section.FINANCE: QT_TRANSLATE_NOOP("Report", "Investments and P&L"),
    Section.CHANGES: QT_TRANSLATE_NOOP("Report", "What changed since the last meeting"),
    Section.QUESTIONS: QT_TRANSLATE_NOOP("Report", "Questions to ask"),
    Section.COACHING: QT_TRANSLATE_NOOP("Report", "Coaching notes"),
    Section.FOLLOW_UP: QT_TRANSLATE_NOOP("Report", "Recent insights and open action items"),
}
ALL_SECTIONS = frozenset(Section)


@dataclass(frozen=True)
class BriefingOptions:
    """Everything that decides what a briefing says; the same options on the same workbook give the same PDF.

    Attributes:
        account_id: The account the briefing is about.
        meeting: A meeting id of that account, `NEXT_MEETING` for its next upcoming meeting, or None for an
            account briefing without a meeting.
        edition: Internal, or customer-safe.
        paper: The paper size.
        sections: The sections to print; the customer edition drops the internal-only ones whatever is asked.
        as_of: The moment the briefing is prepared at (local time, naive): it separates upcoming meetings
            from past ones, decides what is overdue and is printed as the preparation date.
        prepared_by: Who the briefing says prepared it; None means the account owner.
    """

    account_id: str
    meeting: str | None = NEXT_MEETING
    edition: Edition = Edition.INTERNAL
    paper: Paper = Paper.A4
    sections: frozenset[Section] = field(default=ALL_SECTIONS)
    as_of: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(second=0, microsecond=0))
    prepared_by: str | None = None

    @property
    def today(self) -> dt.date:
        return self.as_of.date()

    def shows(self, section: Section) -> bool:
        """Whether `section` is printed in this briefing."""
        if section.internal_only and not self.edition.is_internal:
            return False
        return section in self.sections

    def with_edition(self, edition: Edition) -> BriefingOptions:
        return replace(self, edition=edition)
