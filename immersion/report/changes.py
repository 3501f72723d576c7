"""What changed since the last meeting: new and moved ideas, new insights, goal status changes, new
investments, completed and overdue action items.

Pure functions over rows the content step has loaded. The workbook stamps changes in UTC (`…Z`) while meetings
keep local wall-clock time, so the last meeting's start is turned into UTC before comparing. An idea both
created and moved since then counts once, as new, at the stage it reached. The customer edition leaves out the
insights (our reading of the customer), the investments and the overdue flags.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from immersion.domain.models import ActionItem, Goal, Insight, Investment
from immersion.report.model import Changes, GoalChange, IdeaMove, InsightLine, MeetingInfo, MoneyChange
from immersion.report.people import action_line

LIMIT = 8
"""At most this many lines of each kind."""

Row = dict[str, Any]
T = TypeVar("T")


def utc_stamp(local: str) -> str:
    """A meeting's local start ("2026-11-20T10:00:00") as a UTC stamp comparable with `created_at` values."""
    moment = dt.datetime.fromisoformat(local)
    if moment.tzinfo is None:
        moment = moment.astimezone()  # the machine's zone: where the meeting time was typed in
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def _after(stamp: str | None, since: str) -> bool:
    return bool(stamp) and stamp[:19] > since  # type: ignore[index]


def idea_moves(ideas: Sequence[Row], history: Mapping[str, Sequence[Row]], since: str
               ) -> tuple[tuple[IdeaMove, ...], tuple[IdeaMove, ...]]:
    """(new ideas, moved ideas) since `since`, each newest first.

    Args:
        ideas: The ideas on the board (rows with `id`, `title`, `stage`, `created_at`).
        history: Each idea's stage changes, oldest first (`from_stage`, `to_stage`, `changed_at`).
        since: A UTC stamp.
    """
    new, moved = [], []
    for idea in ideas:
        steps = [h for h in history.get(idea["id"], ()) if _after(h["changed_at"], since)]
        created = _after(idea["created_at"], since) or any(h["from_stage"] is None for h in steps)
        if created:
            new.append(IdeaMove(idea["title"], None, idea["stage"], idea["created_at"][:10]))
        elif steps and steps[0]["from_stage"] != steps[-1]["to_stage"]:
            moved.append(IdeaMove(idea["title"], steps[0]["from_stage"], steps[-1]["to_stage"],
                                  steps[-1]["changed_at"][:10]))

    return (tuple(newest_first(new, lambda m: m.date, lambda m: m.title)[:LIMIT]),
            tuple(newest_first(moved, lambda m: m.date, lambda m: m.title)[:LIMIT]))


def newest_first(items: Iterable[T], stamp: Callable[[T], str], name: Callable[[T], str]) -> list[T]:
    """`items` by `stamp`, latest first; equal stamps by `name`, alphabetically (stable, so deterministic)."""
    return sorted(sorted(items, key=lambda item: name(item).casefold()), key=stamp, reverse=True)


def changes_since(
    since: MeetingInfo | None,
    *,
    ideas: Sequence[Row],
    history: Mapping[str, Sequence[Row]],
    goals: Sequence[Goal],
    insights: Sequence[Insight],
    investments: Sequence[Investment],
    actions: Sequence[ActionItem],
    names: Mapping[str, str],
    meetings: Mapping[str, str],
    internal: bool,
    today: dt.date,
) -> Changes:
    """Everything that changed in the account since the meeting `since` started.

    Args:
        since: The last meeting held; None when there was none (then only overdue items are listed).
        ideas: The ideas on the board.
        history: Their stage changes by idea id.
        goals: The account's goals.
        insights: The account's insights.
        investments: The account's investments.
        actions: The account's action items.
        names: Stakeholder, team member and goal names by id.
        meetings: Meeting titles by id.
        internal: Whether this is the internal edition.
        today: The day the briefing is prepared (what is overdue).
    """
    overdue = tuple(action_line(a, names, meetings, today) for a in sorted(
        (a for a in actions if not a.done and a.due_date and a.due_date < today.isoformat()),
        key=lambda a: (a.due_date or "", a.text.casefold(), a.id)))[:LIMIT] if internal else ()
    if since is None:
        return Changes(None, overdue=overdue)
    stamp = utc_stamp(since.starts_at)
    new_ideas, moved = idea_moves(ideas, history, stamp)
    goal_changes = tuple(GoalChange(g.title, g.status.value, (g.status_changed_at or "")[:10]) for g in newest_first(
        (g for g in goals if _after(g.status_changed_at, stamp)), lambda g: g.status_changed_at or "",
        lambda g: g.title))[:LIMIT]
    learned: tuple[InsightLine, ...] = ()
    money: tuple[MoneyChange, ...] = ()
    if internal:
        learned = tuple(insight_line(i, names, meetings) for i in newest_first(
            (i for i in insights if _after(i.created_at, stamp)), lambda i: i.created_at, lambda i: i.text))[:LIMIT]
        money = tuple(MoneyChange(v.name, v.status.value, v.amount, v.created_at[:10]) for v in newest_first(
            (v for v in investments if _after(v.created_at, stamp)), lambda v: v.created_at,
            lambda v: v.name))[:LIMIT]
    completed = tuple(action_line(a, names, meetings, today) for a in newest_first(
        (a for a in actions if a.done and _after(a.done_at, stamp)), lambda a: a.done_at or "",
        lambda a: a.text))[:LIMIT]
    return Changes(since, new_ideas, moved, learned, goal_changes, money, completed, overdue)


def insight_line(insight: Insight, names: Mapping[str, str], meetings: Mapping[str, str]) -> InsightLine:
    """An insight with its goal, person and meeting by name."""
    return InsightLine(text=insight.text, kind=insight.kind.value, goal=names.get(insight.goal_id or ""),
                       person=names.get(insight.stakeholder_id or ""), meeting=meetings.get(insight.meeting_id or ""),
                       date=insight.created_at[:10])
