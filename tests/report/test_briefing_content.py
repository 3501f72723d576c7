"""The briefing's content, without Qt: what each section holds for a known account, what the customer edition
leaves out at the source, the suggested questions and what changed since the last meeting."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing_helpers import ACCOUNT, AS_OF, TODAY, options

from immersion.report import changes, questions
from immersion.report.content import BriefingError, account_meetings, build_briefing, find_account, shared
from immersion.report.model import GoalLine, MeetingInfo
from immersion.report.options import BriefingOptions, Edition, Section
from immersion.store import edits
from immersion.store.workbook import Workbook


@pytest.fixture
def book(demo: Path) -> Workbook:
    workbook = Workbook.open(demo, read_only=True)
    yield workbook
    workbook.close()


def briefing(book: Workbook, edition: Edition = Edition.INTERNAL, **values: object):
    return build_briefing(book, options(book, edition=edition, **values))


def test_an_account_is_found_by_name_in_any_case_and_spacing_or_by_id(book: Workbook) -> None:
    account = find_account(book, "  marlowe &  FINCH supermarkets ")
    assert account is not None
    assert find_account(book, account) == account
    assert find_account(book, "Marlowe") is None


def test_the_next_meeting_is_chosen_with_its_attendees_from_both_sides(book: Workbook) -> None:
    b = briefing(book)
    assert b.meeting is not None
    assert b.meeting.title == "Executive sponsor meeting: three-year partnership"
    assert b.meeting.starts_at.startswith("2026-11-26T11:00")
    assert b.meeting.customer == ("Martin Achterberg", "Olivia Grant", "Rebecca Thorne")
    assert b.meeting.ours == ("Claire Fontaine", "Daniel Okafor", "Helen Marsh")
    assert b.cards_are_attendees and [c.name for c in b.cards] == list(b.meeting.customer)
    assert b.last_meeting is not None and b.last_meeting.title == "IGD sustainability summit dinner"
    assert b.prepared_by == "Claire Fontaine"


def test_the_agenda_lists_open_goals_in_order_with_the_ideas_that_serve_them(book: Workbook) -> None:
    b = briefing(book)
    assert [g.place for g in b.goals] == list(range(1, 8))
    assert b.goals[0].title == "Cut food waste 30% by 2028" and b.goals[0].kpi
    assert "4 p.m. markdown signal from temperature history" in b.goals[0].ideas
    assert {g.status for g in b.closed_goals} == {"achieved", "dropped"}


def test_cards_carry_internal_fields_and_our_open_promises(book: Workbook) -> None:
    cfo = next(c for c in briefing(book).cards if c.name == "Martin Achterberg")
    assert (cfo.stance, cfo.influence, cfo.days_since_contact) == ("sceptic", 5, 48)
    assert cfo.personal_wins and "CFO who made sustainability pay back" in cfo.personal_wins
    assert ("Daniel Okafor", 2) in cfo.covered_by
    promise = next(p for p in cfo.promises if p.text.startswith("Send the energy-as-a-service term sheet"))
    assert promise.owner == "Daniel Okafor" and promise.overdue and promise.ours


def test_ideas_are_ranked_by_mutual_value_and_standing_and_money_are_computed(book: Workbook) -> None:
    b = briefing(book)
    values = [i.mutual_value for i in b.ideas]
    assert values == sorted(values, reverse=True) and values[0] == 20
    assert b.standing is not None and b.standing.index is not None and 0 < b.standing.index <= 100
    assert any("is a sceptic" in gap for gap in b.standing.gaps)
    assert b.finance is not None and b.finance.revenue and b.finance.investments
    assert b.chart_names == ("profile", "pnl")
    assert b.coaching and b.glance is not None and b.glance.overdue_actions == 2


def test_the_customer_edition_leaves_internal_fields_out_at_the_source(book: Workbook) -> None:
    b = briefing(book, Edition.CUSTOMER)
    assert b.standing is None and b.finance is None and b.glance is None and b.coaching == ()
    assert b.objectives is None and b.insights == () and b.chart_names == ()
    assert b.meeting is not None and b.meeting.notes is None
    for card in b.cards:
        assert (card.stance, card.influence, card.personal_wins, card.notes, card.buying_role) == (None,) * 5
        assert card.covered_by == () and card.last_contact is None
    assert all(strength is None for line in b.team for _name, strength in line.covers)
    assert all(i.mutual_value is None and i.estimated_revenue is None for i in b.ideas)
    assert all(q.kind != "unreached_influencer" for q in b.questions)
    assert b.changes.insights == () and b.changes.investments == () and b.changes.overdue == ()
    assert not any(a.overdue for a in b.actions)


def test_the_customer_edition_shows_only_ideas_the_customer_has_seen(book: Workbook) -> None:
    internal = {i.title for i in briefing(book).ideas}
    customer = {i.title for i in briefing(book, Edition.CUSTOMER).ideas}
    assert "EV charging in 120 car parks with revenue share" not in customer  # captured inside our team
    assert customer <= internal | customer and "Overnight excursion early warning for chilled cases" in customer
    assert shared({"origin": "internal", "stage": "proposed"}) and not shared({"origin": "internal",
                                                                               "stage": "shaping"})


def test_without_a_meeting_the_cards_are_the_key_stakeholders(book: Workbook) -> None:
    b = briefing(book, meeting=None)
    assert b.meeting is None and not b.cards_are_attendees
    assert all((c.influence or 0) >= 4 for c in b.cards) and len(b.cards) <= 6


def test_a_chosen_past_meeting_compares_with_the_one_before_it(book: Workbook) -> None:
    account = find_account(book, ACCOUNT)
    assert account is not None
    review = next(m for m in account_meetings(book, account, AS_OF) if m.title == "Q3 joint business plan review")
    b = briefing(book, meeting=review.id)
    assert b.meeting is not None and b.meeting.id == review.id
    assert b.last_meeting is not None and b.last_meeting.title == "Co-creation workshop: Fresher for Longer"


def test_unknown_accounts_and_meetings_are_refused(book: Workbook) -> None:
    with pytest.raises(BriefingError, match="no account"):
        build_briefing(book, BriefingOptions("no-such-id", as_of=AS_OF))
    with pytest.raises(BriefingError, match="no meeting"):
        briefing(book, meeting="no-such-meeting")


def test_sections_left_out_are_not_computed_into_charts(book: Workbook) -> None:
    b = briefing(book, sections=frozenset({Section.AGENDA, Section.FINANCE}))
    assert b.chart_names == ("pnl",)


def test_an_empty_account_gives_an_empty_but_complete_briefing(wb: Workbook) -> None:
    account = edits.add(wb, "accounts", name="Empty Co").items[0].row_id
    b = build_briefing(wb, BriefingOptions(account, as_of=AS_OF))
    assert b.meeting is None and b.goals == () and b.cards == () and b.questions == ()
    assert b.standing is not None and b.standing.index is None and b.chart_names == ()


def test_what_changed_counts_an_idea_created_and_moved_since_once_as_new() -> None:
    ideas = [{"id": "a", "title": "New one", "stage": "shaping", "created_at": "2026-11-05T10:00:00.000Z"},
             {"id": "b", "title": "Moved one", "stage": "proposed", "created_at": "2026-01-05T10:00:00.000Z"},
             {"id": "c", "title": "Untouched", "stage": "captured", "created_at": "2026-01-05T10:00:00.000Z"}]
    history = {
        "a": [{"from_stage": None, "to_stage": "captured", "changed_at": "2026-11-05T10:00:00.000Z"},
              {"from_stage": "captured", "to_stage": "shaping", "changed_at": "2026-11-06T10:00:00.000Z"}],
        "b": [{"from_stage": "shaping", "to_stage": "co-creating", "changed_at": "2026-11-03T10:00:00.000Z"},
              {"from_stage": "co-creating", "to_stage": "proposed", "changed_at": "2026-11-09T10:00:00.000Z"}],
        "c": [{"from_stage": None, "to_stage": "captured", "changed_at": "2026-01-05T10:00:00.000Z"}],
    }
    new, moved = changes.idea_moves(ideas, history, "2026-11-01T00:00:00")
    assert [(m.title, m.from_stage, m.to_stage) for m in new] == [("New one", None, "shaping")]
    assert [(m.title, m.from_stage, m.to_stage, m.date) for m in moved] == [
        ("Moved one", "shaping", "proposed", "2026-11-09")]


def test_questions_come_from_unconfirmed_and_uncovered_goals_then_unreached_influencers() -> None:
    from immersion.domain.enums import Stance
    from immersion.domain.models import Stakeholder

    def goal(n: int, status: str, kpi: str | None = None) -> GoalLine:
        return GoalLine(f"g{n}", n, f"Goal {n}", "strategic", 3, status, kpi, None, ())

    goals = [goal(1, "confirmed"), goal(2, "unconfirmed", "Margin"), goal(3, "confirmed")]
    far = Stakeholder(id="p1", account_id="a", name="Ada Stone", title="CFO", influence=5, stance=Stance.NEUTRAL,
                      last_contact="2026-01-01")
    near = Stakeholder(id="p2", account_id="a", name="Bo Lee", influence=5, last_contact="2026-11-10")
    asked = questions.suggest(goals, {"g1", "g2"}, [far, near], covered={"p1", "p2"}, goal_owners={"g3": "p1"},
                              internal=True, today=TODAY)
    assert [(q.kind, q.about) for q in asked] == [
        ("unconfirmed_goal", "Goal 2"), ("uncovered_goal", "Goal 1"), ("unreached_influencer", "Ada Stone")]
    assert dict(asked[2].values)["goal"] == "Goal 3"  # the goal Ada owns
    customer = questions.suggest(goals, {"g1"}, [far], covered=set(), goal_owners={}, internal=False, today=TODAY)
    assert [q.kind for q in customer] == ["unconfirmed_goal", "uncovered_goal"]


def test_the_last_meetings_local_start_is_compared_in_utc() -> None:
    stamp = changes.utc_stamp("2026-11-01T19:00:00")
    assert len(stamp) == 19 and stamp[:4] == "2026"
    since = MeetingInfo("m", "Dinner", "social", "2026-11-01T19:00:00", 60, None, None, None)
    assert changes.changes_since(None, ideas=[], history={}, goals=[], insights=[], investments=[], actions=[],
                                 names={}, meetings={}, internal=True, today=TODAY).since is None
    empty = changes.changes_since(since, ideas=[], history={}, goals=[], insights=[], investments=[], actions=[],
                                  names={}, meetings={}, internal=True, today=TODAY)
    assert empty.is_empty
