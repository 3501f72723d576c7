"""Assembling a briefing: everything it shows, read from the workbook and computed by the domain. No Qt.

`build_briefing(wb, options)` returns a `model.Briefing`. It runs on any thread that has its own connection
(the export dialog opens the workbook again, read-only, on its worker). Every list is sorted on explicit keys
with a tie-breaker, so the same workbook and options always give the same content in the same order. In the
customer edition the internal fields are left out here, at the source, not by the renderer, and so are the
ideas the customer has not seen yet (`shared`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from immersion.domain.alignment import compute_alignment
from immersion.domain.charts_data import category_profile
from immersion.domain.coaching import TipKind, coaching_tips
from immersion.domain.effort import agenda_order
from immersion.domain.enums import IdeaStage
from immersion.domain.figures import account_pnl
from immersion.domain.finance import parse_period
from immersion.domain.gap_finder import KEY_INFLUENCE, GapKind, gaps
from immersion.domain.models import Account, ActionItem, Goal, Insight, Stakeholder, TeamMember
from immersion.report import changes as change_finder
from immersion.report import questions
from immersion.report.model import (
    Briefing,
    Finance,
    Glance,
    GoalLine,
    IdeaLine,
    InvestmentLine,
    MeetingInfo,
    Standing,
)
from immersion.report.options import NEXT_MEETING, BriefingOptions, Section
from immersion.report.people import action_line, people_in_room
from immersion.store import edits, queries
from immersion.store import finance as finance_store
from immersion.store import meetings as meeting_store
from immersion.store.chart_queries import AccountChartInputs, account_chart_inputs
from immersion.store.workbook import Workbook

try:  # reading the board moved to idea_queries; older trees kept it in ideas
    from immersion.store import idea_queries as idea_store
except ImportError:  # pragma: no cover - depends on the store's refactor
    from immersion.store import ideas as idea_store  # type: ignore[no-redef]

IDEAS = 8
INVESTMENTS = 6
INSIGHTS = 8
STAGE_ORDER = {stage.value: n for n, stage in enumerate(IdeaStage)}
SHARED_ORIGINS = frozenset({"customer", "meeting"})
CO_CREATION = STAGE_ORDER[IdeaStage.CO_CREATING.value]


class BriefingError(ValueError):
    """The options name something the workbook does not have (an account, a meeting); the message says which."""


def find_account(wb: Workbook, text: str) -> str | None:
    """The id of the account with this id or name (any case and spacing); None if none or several match."""
    accounts = queries.load(wb, Account)
    if any(a.id == text for a in accounts):
        return text
    wanted = " ".join(text.split()).casefold()
    found = [a.id for a in accounts if " ".join(a.name.split()).casefold() == wanted]
    return found[0] if len(found) == 1 else None


def account_names(wb: Workbook) -> list[tuple[str, str]]:
    """(id, name) of every account, by name."""
    return sorted(((a.id, a.name) for a in queries.load(wb, Account)), key=lambda p: (p[1].casefold(), p[0]))


def meeting_info(row: dict[str, Any], internal: bool) -> MeetingInfo:
    """A meeting row (from `meetings.meetings_for_account`, or with `notes`) as briefing data."""
    return MeetingInfo(
        id=row["id"], title=row["title"], kind=row["kind"], starts_at=row["starts_at"],
        duration_minutes=row.get("duration_minutes") or 0, location=row.get("location"), purpose=row.get("purpose"),
        notes=row.get("notes") if internal else None, customer=tuple(row.get("customer", ())),
        ours=tuple(row.get("ours", ())))


def account_meetings(wb: Workbook, account_id: str, as_of: dt.datetime) -> list[MeetingInfo]:
    """The account's meetings, upcoming ones first (soonest first), then past ones (latest first)."""
    return [meeting_info(r, internal=False) for r in meeting_store.meetings_for_account(wb, account_id, as_of)]


def _choose(rows: list[dict[str, Any]], wanted: str | None, as_of: dt.datetime) -> dict[str, Any] | None:
    if wanted is None:
        return None
    if wanted == NEXT_MEETING:
        return next((r for r in rows if r["upcoming"]), None)
    for row in rows:
        if row["id"] == wanted:
            return row
    raise BriefingError(f"The account has no meeting with the id “{wanted}”.")


def build_briefing(wb: Workbook, options: BriefingOptions) -> Briefing:
    """Assemble the briefing the options describe.

    Raises:
        BriefingError: the account or the meeting does not exist.
    """
    inputs = account_chart_inputs(wb, options.account_id)
    if inputs is None:
        raise BriefingError(f"There is no account with the id “{options.account_id}”.")
    account, internal, today = inputs.account, options.edition.is_internal, options.today
    rows = meeting_store.meetings_for_account(wb, account.id, options.as_of)
    chosen = _choose(rows, options.meeting, options.as_of)
    start = chosen["starts_at"] if chosen else options.as_of.isoformat()
    held = [r for r in rows if not r["upcoming"] and r["starts_at"] < start]
    last = held[0] if held else None
    meeting = None
    if chosen is not None:
        full = meeting_store.meeting(wb, chosen["id"]) or {}
        meeting = meeting_info({**chosen, "notes": full.get("notes")}, internal)

    stakeholders = queries.load(wb, Stakeholder, account_id=account.id, order_by="name, id")
    team = {m.id: m for m in queries.load(wb, TeamMember)}
    goals = agenda_order(queries.load(wb, Goal, account_id=account.id))
    names = {**{s.id: s.name for s in stakeholders}, **{m.id: m.name for m in team.values()},
             **{g.id: g.title for g in goals}}
    titles = {r["id"]: r["title"] for r in rows}
    actions = queries.load(wb, ActionItem, account_id=account.id)
    insights = queries.load(wb, Insight, account_id=account.id)
    board = [i for i in idea_store.ideas(wb, account.id, today) if internal or shared(i)]
    active = [i for i in board if IdeaStage(i["stage"]).is_active]

    goal_lines, closed = _goals(goals, active)
    cards, are_attendees, team_lines = people_in_room(
        wb, chosen, rows, stakeholders, team, actions, names, internal=internal, today=today)
    alignment = compute_alignment(inputs.goals, inputs.ideas, inputs.idea_goals, inputs.investments,
                                  inputs.investment_goals)
    found = gaps(inputs.goals, inputs.ideas, inputs.idea_goals, inputs.investments, inputs.investment_goals,
                 stakeholders=stakeholders, today=today)
    uncovered = {g.ref_id for g in found if g.kind == GapKind.UNCOVERED_TOP_GOAL}
    covered = {c["stakeholder_id"] for s in stakeholders if s.influence >= KEY_INFLUENCE
               for c in edits.rows(wb, "coverage", stakeholder_id=s.id)}
    attending = set(chosen["stakeholder_ids"]) if chosen else set()
    asked = questions.suggest(goal_lines, uncovered, [s for s in stakeholders if s.id not in attending], covered,
                              {g.id: g.owner_stakeholder_id for g in goals if g.owner_stakeholder_id},
                              internal=internal, today=today)
    history = {i["id"]: idea_store.history(wb, i["id"]) for i in board} if options.shows(Section.CHANGES) else {}
    last_info = meeting_info(last, internal=False) if last else None
    changed = change_finder.changes_since(
        last_info, ideas=board, history=history, goals=goals, insights=insights, investments=inputs.investments,
        actions=actions, names=names, meetings=titles, internal=internal, today=today)
    open_actions = tuple(action_line(a, names, titles, today, flag_overdue=internal) for a in sorted(
        (a for a in actions if not a.done), key=lambda a: (a.due_date is None, a.due_date or "", a.text.casefold(),
                                                            a.id)))
    recent = tuple(change_finder.insight_line(i, names, titles) for i in change_finder.newest_first(
        insights, lambda i: i.created_at, lambda i: i.text))[:INSIGHTS] if internal else ()
    ranked = sorted(active, key=lambda i: (-i["mutual_value"], -i["customer_value"], -STAGE_ORDER[i["stage"]],
                                           i["title"].casefold(), i["id"]))
    owner = team.get(account.owner_id or "")
    standing = finance = glance = None
    coaching: tuple[str, ...] = ()
    charts: list[str] = []
    if internal:
        profile = category_profile(alignment, inputs.goals)
        standing = Standing(alignment.index, alignment.reason, alignment.explain(), profile,
                            tuple(g.text for g in found))
        finance = _finance(wb, inputs)
        # Uncovered top goals and key people are gaps already; printed with them, they are not repeated here.
        repeated = {TipKind.UNCOVERED_TOP_GOAL, TipKind.KEY_STAKEHOLDER} if options.shows(Section.STANDING) else set()
        coaching = tuple(t.reason for t in coaching_tips(
            inputs.goals, inputs.ideas, inputs.idea_goals, inputs.investments, inputs.investment_goals,
            stakeholders=stakeholders, meetings=inputs.meetings, today=today, currency=account.currency)
            if t.kind not in repeated)
        days = (today - dt.date.fromisoformat(last["starts_at"][:10])).days if last else None
        glance = Glance(alignment.index, len(goal_lines), sum(g.status == "unconfirmed" for g in goal_lines),
                        len(active), sum(1 for a in open_actions if a.overdue), days)
        if options.shows(Section.STANDING) and not profile.is_empty:
            charts.append("profile")
        if options.shows(Section.FINANCE) and not finance.pnl.is_empty:
            charts.append("pnl")
    return Briefing(
        options=options, account_name=account.name, industry=account.industry, currency=account.currency,
        mutual_purpose=account.mutual_purpose, objectives=account.objectives if internal else None,
        prepared_by=options.prepared_by or (owner.name if owner else None),
        prepared_title=None if options.prepared_by else (owner.title if owner else None),
        meeting=meeting, last_meeting=last_info, glance=glance, goals=goal_lines, closed_goals=closed,
        cards=cards, cards_are_attendees=are_attendees, team=team_lines, standing=standing,
        ideas=tuple(_idea(i, internal) for i in ranked[:IDEAS]), more_ideas=max(0, len(ranked) - IDEAS),
        finance=finance, changes=changed, questions=asked, coaching=coaching, insights=recent,
        actions=open_actions, chart_names=tuple(charts))


def shared(idea: dict[str, Any]) -> bool:
    """Whether the customer has seen an idea: it came from them or from a meeting, or it is on the board at
    co-creation or later (a parked or declined idea of our own may never have been shown).

    The customer edition shows only these; an idea still being shaped inside our team stays internal.
    """
    stage = IdeaStage(idea["stage"])
    return idea["origin"] in SHARED_ORIGINS or (stage.is_active and STAGE_ORDER[stage.value] >= CO_CREATION)


def _goals(goals: list[Goal], active: list[dict[str, Any]]) -> tuple[tuple[GoalLine, ...], tuple[GoalLine, ...]]:
    """The open goals in agenda order, numbered, and the closed ones; each with the active ideas serving it."""
    serving: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for idea in active:
        for link in idea["goals"]:
            serving[link["goal_id"]].append((link["strength"], idea["title"]))
    lines, closed, place = [], [], 0
    for goal in goals:
        ideas = tuple(title for _s, title in sorted(serving.get(goal.id, []), key=lambda p: (-p[0], p[1].casefold())))
        is_open = goal.status.is_open
        place += int(is_open)
        line = GoalLine(goal.id, place if is_open else None, goal.title, goal.category.value, goal.priority,
                        goal.status.value, goal.kpi, goal.target, ideas)
        (lines if is_open else closed).append(line)
    return tuple(lines), tuple(closed)


def _idea(row: dict[str, Any], internal: bool) -> IdeaLine:
    return IdeaLine(
        id=row["id"], title=row["title"], description=row.get("description"), stage=row["stage"],
        goals=tuple(link["title"] for link in row["goals"]),
        mutual_value=row["mutual_value"] if internal else None,
        customer_value=row["customer_value"] if internal else None,
        our_value=row["our_value"] if internal else None,
        estimated_revenue=row.get("estimated_revenue") if internal else None)


def _finance(wb: Workbook, inputs: AccountChartInputs) -> Finance:
    """The P&L figure and summary of the latest period, and the main investments with their ROI."""
    currency = inputs.account.currency
    pnl = account_pnl(inputs.financials, inputs.investments, currency=currency, account_id=inputs.account.id)
    steps = {s.key: s for s in pnl.steps}
    ledger = finance_store.investments(wb, inputs.account.id)
    totals = finance_store.totals(ledger, currency)
    main = sorted((r for r in ledger if r["status"] != "stopped"),
                  key=lambda r: (not r["counts"], -r["amount"], r["name"].casefold(), r["id"]))
    previous = pnl.trend[-2] if len(pnl.trend) > 1 else None
    revenue = steps["revenue"].end if "revenue" in steps else None
    return Finance(
        currency=currency, pnl=pnl, period=pnl.period.label if pnl.period else None, revenue=revenue,
        gross_margin=steps["cost_of_goods"].end if "cost_of_goods" in steps else None,
        contribution=steps["contribution"].end if "contribution" in steps else None,
        previous_period=previous.period.label if previous else None,
        previous_contribution=previous.contribution if previous else None,
        invested=totals.invested, orphan=totals.orphan, roi=totals.roi,
        investments=tuple(InvestmentLine(r["name"], r["kind"], r["status"], parse_period(r["period"]).label,
                                         r["amount"], r["returned"],
                                         r["roi"], r["roi_basis"], tuple(g["title"] for g in r["goals"]))
                          for r in main[:INVESTMENTS]),
        more_investments=max(0, len(main) - INVESTMENTS))


__all__ = ["BriefingError", "account_meetings", "account_names", "build_briefing", "find_account", "shared"]

