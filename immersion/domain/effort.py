"""Where our effort in an account goes: idea effort and money per goal.

Shared by the alignment index (`alignment.py`) and the gap finder (`gap_finder.py`), so that both count effort
the same way: active, unmerged ideas weighted by stage factor and link strength; committed and spent money
split by the investments' shares.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from immersion.domain.models import Goal, Idea, IdeaGoal, Investment, InvestmentGoal

__all__ = ["active_ideas", "agenda_order", "idea_effort_by_goal", "money_by_goal"]


def active_ideas(ideas: Iterable[Idea]) -> list[Idea]:
    """The ideas that count as effort: not parked or declined, and not merged into another idea."""
    return [idea for idea in ideas if idea.stage.is_active and idea.merged_into_id is None]


def money_by_goal(
    investments: Iterable[Investment], investment_goals: Iterable[InvestmentGoal], goal_ids: set[str]
) -> tuple[dict[str, float], float, dict[str, float]]:
    """Split committed and spent money over goals.

    An investment's links give each goal `share × amount`; what its shares leave over is orphan money. Shares
    summing to more than 1 are scaled down to 1, so an investment is never counted more than once. Links to
    goals outside `goal_ids` are treated as missing (their money is orphan).

    Returns:
        Money per goal id, the total money, and orphan money per investment id (only where positive).
    """
    shares: dict[str, dict[str, float]] = defaultdict(dict)
    for link in investment_goals:
        if link.goal_id in goal_ids:
            shares[link.investment_id][link.goal_id] = link.share
    per_goal: dict[str, float] = defaultdict(float)
    orphans: dict[str, float] = {}
    total = 0.0
    for inv in investments:
        if not inv.status.counts_as_money or inv.amount <= 0:
            continue
        total += inv.amount
        links = shares.get(inv.id, {})
        linked = sum(links.values())
        scale = 1.0 / linked if linked > 1.0 else 1.0
        for goal_id, share in links.items():
            per_goal[goal_id] += inv.amount * share * scale
        orphan = inv.amount * (1.0 - min(linked, 1.0))
        if orphan > 0:
            orphans[inv.id] = orphan
    return dict(per_goal), total, orphans


def idea_effort_by_goal(
    ideas: Sequence[Idea], idea_goals: Iterable[IdeaGoal], goal_ids: set[str]
) -> tuple[dict[str, float], float, float]:
    """Measure idea effort per goal.

    Each active idea gives `stage factor × strength/3` to every goal it is linked to; an active idea linked to
    no goal gives its stage factor to the unlinked part. A link to a goal outside `goal_ids` is ignored, so an
    idea whose only links point there counts as unlinked.

    Returns:
        Idea effort per goal id, the total idea effort (linked and unlinked) and the unlinked part.
    """
    by_id = {idea.id: idea for idea in active_ideas(ideas)}
    per_goal: dict[str, float] = defaultdict(float)
    linked_ideas: set[str] = set()
    for link in idea_goals:
        idea = by_id.get(link.idea_id)
        if idea is None or link.goal_id not in goal_ids:
            continue
        per_goal[link.goal_id] += idea.stage.factor * link.strength / 3
        linked_ideas.add(idea.id)
    unlinked = sum(idea.stage.factor for idea in by_id.values() if idea.id not in linked_ideas)
    return dict(per_goal), sum(per_goal.values()) + unlinked, unlinked


def agenda_order(goals: Iterable[Goal]) -> list[Goal]:
    """Goals in boardroom-agenda order: open first, then by rank, higher priority, title and id."""
    return sorted(goals, key=lambda g: (not g.status.is_open, g.rank, -g.priority, g.title.casefold(), g.id))


