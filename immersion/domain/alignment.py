"""Mutual-purpose alignment: how well our effort in an account lines up with the customer's goals.

The formulas are DESIGN.md's ("Mutual-purpose alignment"), so that every screen and the PDF agree:

- customer emphasis `p_g = priority_g / Σ priority` over open goals (achieved and dropped goals: `p_g = 0`);
- our effort `e_g = ½·i_g + ½·m_g`, the goal's share of idea effort and of money;
- unlinked effort `u = ½·u_i + ½·u_m`; a half with nothing in it is left out and the other counts fully;
- index `= 100 × (1 − ½ Σ_g |p_g − e_g| − ½·u)`, clipped at 0, undefined without open goals or effort.

Also here: the mutual value of an idea and its quadrant. Gaps live in `gap_finder.py` and are re-exported
here, as are the effort helpers of `effort.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from immersion.domain.effort import active_ideas, agenda_order, idea_effort_by_goal, money_by_goal
from immersion.domain.enums import GoalCategory
from immersion.domain.gap_finder import Gap, GapKind, gaps
from immersion.domain.models import Goal, Idea, IdeaGoal, Investment, InvestmentGoal

__all__ = [
    "MUTUAL_THRESHOLD", "REASON_NO_EFFORT", "REASON_NO_GOALS", "Alignment", "CategoryAlignment", "Gap",
    "GapKind", "GoalAlignment", "Quadrant", "active_ideas", "agenda_order", "compute_alignment", "gaps",
    "money_by_goal", "mutual_value", "quadrant", "quadrant_text",
]

REASON_NO_GOALS = "No open goals"
REASON_NO_EFFORT = "No ideas or money linked to this account yet"


@dataclass(frozen=True, slots=True)
class GoalAlignment:
    """One goal's row of the alignment table.

    Attributes:
        goal_id: The goal.
        title: Its title, for explanations.
        category: Its category on the boardroom agenda.
        is_open: Unconfirmed or confirmed; closed goals have `p = 0`.
        p: Customer emphasis, the goal's share of the open goals' priorities.
        i: The goal's share of the account's idea effort.
        m: The goal's share of the account's committed and spent money.
        e: Our effort on the goal, the weighted mix of `i` and `m`.
        contribution: `|p − e|`, what this goal adds to the distance.
        idea_effort: Idea effort on the goal, in stage-factor units.
        money: Money on the goal, in the account's currency.
    """

    goal_id: str
    title: str
    category: GoalCategory
    is_open: bool
    p: float
    i: float
    m: float
    e: float
    contribution: float
    idea_effort: float
    money: float


@dataclass(frozen=True, slots=True)
class CategoryAlignment:
    """The alignment summed over the goals of one category (the category profile).

    Attributes:
        category: The category.
        emphasis: Σ p over its goals.
        effort: Σ e over its goals.
        idea_effort: Σ i over its goals (share of idea effort).
        money_effort: Σ m over its goals (share of money).
    """

    category: GoalCategory
    emphasis: float
    effort: float
    idea_effort: float
    money_effort: float


@dataclass(frozen=True, slots=True)
class Alignment:
    """The alignment of one account, with every number needed to explain it.

    Attributes:
        goals: One row per goal (open ones first, by agenda rank).
        categories: The category profile, one entry per `GoalCategory` in canonical order.
        u_i: Share of idea effort linked to no goal.
        u_m: Share of money linked to no goal (orphan spend).
        u: Unlinked share of our effort, the weighted mix of `u_i` and `u_m`.
        used_ideas: Whether the idea half counted (the account has idea effort).
        used_money: Whether the money half counted (the account has committed or spent money).
        total_idea_effort: All idea effort, linked or not, in stage-factor units.
        unlinked_idea_effort: Idea effort of active ideas linked to no goal.
        total_money: All committed and spent money.
        orphan_money: Money linked to no goal.
        priority_total: Σ priority over open goals.
        distance: Σ_g |p_g − e_g|.
        index: The alignment index 0–100, or None when undefined.
        reason: Why the index is undefined, else None.
    """

    goals: tuple[GoalAlignment, ...]
    categories: tuple[CategoryAlignment, ...]
    u_i: float
    u_m: float
    u: float
    used_ideas: bool
    used_money: bool
    total_idea_effort: float
    unlinked_idea_effort: float
    total_money: float
    orphan_money: float
    priority_total: int
    distance: float
    index: float | None
    reason: str | None

    def goal(self, goal_id: str) -> GoalAlignment:
        """The row of one goal; raises KeyError if the goal is not part of this alignment."""
        for row in self.goals:
            if row.goal_id == goal_id:
                return row
        raise KeyError(goal_id)

    def category(self, category: GoalCategory) -> CategoryAlignment:
        """The profile entry of one category."""
        return next(c for c in self.categories if c.category == category)

    def explain(self) -> str:
        """A multi-line explanation of how the index was computed, with the actual numbers (for tooltips)."""
        lines = []
        if self.index is None:
            lines.append(f"Alignment index: — ({self.reason})")
        else:
            lines.append(f"Alignment index {self.index:.0f} = 100 × (1 − ½·Σ|p−e| − ½·u)")
            lines.append(
                f"  = 100 × (1 − ½·{self.distance:.2f} − ½·{self.u:.2f})"
                f" — how far our effort is from where the customer's priorities are."
            )
        open_count = sum(1 for g in self.goals if g.is_open)
        if open_count:
            lines.append(
                f"Customer emphasis p = priority ÷ {self.priority_total}"
                f" (the priorities of {open_count} open goal{'s' if open_count != 1 else ''})."
            )
        lines.append(self._effort_rule())
        if self.used_ideas:
            lines.append(
                f"Ideas: effort {self.total_idea_effort:.2f} (stage factor × strength/3 per linked goal);"
                f" {self.unlinked_idea_effort:.2f} ({self.u_i:.0%}) on ideas linked to no goal."
            )
        else:
            lines.append("Ideas: no active ideas, so they are left out.")
        if self.used_money:
            lines.append(
                f"Money: {self.total_money:,.0f} committed or spent;"
                f" {self.orphan_money:,.0f} ({self.u_m:.0%}) linked to no goal (orphan spend)."
            )
        else:
            lines.append("Money: nothing committed or spent, so it is left out.")
        if self.used_ideas or self.used_money:
            lines.append(f"Unlinked effort u = {self.u:.0%}; it costs its full share.")
        if self.goals:
            lines.append("Per goal (p → e, |p−e|):")
        for g in self.goals:
            closed = "" if g.is_open else " [closed: counts as priority 0]"
            lines.append(
                f"  {g.title}: p {g.p:.0%} → e {g.e:.0%} (ideas {g.i:.0%}, money {g.m:.0%}),"
                f" |p−e| {g.contribution:.2f}{closed}"
            )
        return "\n".join(lines)

    def _effort_rule(self) -> str:
        if self.used_ideas and self.used_money:
            return "Our effort e = ½ × share of idea effort + ½ × share of money."
        if self.used_ideas:
            return "Our effort e = share of idea effort (no money, so ideas count fully)."
        if self.used_money:
            return "Our effort e = share of money (no ideas, so money counts fully)."
        return "Our effort: none yet."


def compute_alignment(
    goals: Sequence[Goal],
    ideas: Sequence[Idea] = (),
    idea_goals: Sequence[IdeaGoal] = (),
    investments: Sequence[Investment] = (),
    investment_goals: Sequence[InvestmentGoal] = (),
) -> Alignment:
    """Compute the mutual-purpose alignment of one account.

    Args:
        goals: All goals of the account, open and closed (effort on closed goals costs).
        ideas: All ideas of the account; parked, declined and merged ideas are ignored.
        idea_goals: Links of ideas to goals; links to ideas or goals not given are ignored.
        investments: All investments of the account; only committed and spent ones count.
        investment_goals: Shares of investments given to goals.

    Returns:
        The alignment, with the index or the reason it is undefined.
    """
    goal_ids = {g.id for g in goals}
    idea_per_goal, idea_total, idea_unlinked = idea_effort_by_goal(ideas, idea_goals, goal_ids)
    money_per_goal, money_total, orphans = money_by_goal(investments, investment_goals, goal_ids)
    orphan_money = sum(orphans.values())

    used_ideas, used_money = idea_total > 0, money_total > 0
    # Each half weighs ½ when both have something in them; a lone half counts fully (DESIGN.md).
    w_i = (0.5 if used_money else 1.0) if used_ideas else 0.0
    w_m = (0.5 if used_ideas else 1.0) if used_money else 0.0
    u_i = idea_unlinked / idea_total if used_ideas else 0.0
    u_m = orphan_money / money_total if used_money else 0.0
    u = w_i * u_i + w_m * u_m

    priority_total = sum(g.priority for g in goals if g.status.is_open)
    rows = []
    for g in agenda_order(goals):
        p = g.priority / priority_total if g.status.is_open else 0.0
        i = idea_per_goal.get(g.id, 0.0) / idea_total if used_ideas else 0.0
        m = money_per_goal.get(g.id, 0.0) / money_total if used_money else 0.0
        e = w_i * i + w_m * m
        rows.append(GoalAlignment(
            goal_id=g.id, title=g.title, category=g.category, is_open=g.status.is_open, p=p, i=i, m=m, e=e,
            contribution=abs(p - e), idea_effort=idea_per_goal.get(g.id, 0.0),
            money=money_per_goal.get(g.id, 0.0),
        ))
    distance = sum(r.contribution for r in rows)

    if priority_total == 0:
        index, reason = None, REASON_NO_GOALS
    elif not (used_ideas or used_money):
        index, reason = None, REASON_NO_EFFORT
    else:
        # The sum is at most 2 in exact arithmetic; clip both ends against rounding.
        index, reason = min(100.0, max(0.0, 100.0 * (1.0 - 0.5 * distance - 0.5 * u))), None

    return Alignment(
        goals=tuple(rows), categories=_profile(rows), u_i=u_i, u_m=u_m, u=u, used_ideas=used_ideas,
        used_money=used_money, total_idea_effort=idea_total, unlinked_idea_effort=idea_unlinked,
        total_money=money_total, orphan_money=orphan_money, priority_total=priority_total, distance=distance,
        index=index, reason=reason,
    )


def _profile(rows: Iterable[GoalAlignment]) -> tuple[CategoryAlignment, ...]:
    sums: dict[GoalCategory, list[float]] = {c: [0.0, 0.0, 0.0, 0.0] for c in GoalCategory}
    for r in rows:
        acc = sums[GoalCategory(r.category)]
        acc[0] += r.p
        acc[1] += r.e
        acc[2] += r.i
        acc[3] += r.m
    return tuple(CategoryAlignment(c, *v) for c, v in sums.items())


# --- Mutual value of ideas --------------------------------------------------------------------------------

MUTUAL_THRESHOLD = 3
"""Customer value and our value must both reach this for an idea to be a mutual win."""


class Quadrant(StrEnum):
    """Where an idea sits on the customer-value × our-value grid."""

    MUTUAL_WIN = "mutual win"
    CUSTOMER_WIN = "customer win"
    OUR_WIN = "our win"
    NEITHER = "neither"


_QUADRANT_TEXT = {
    Quadrant.MUTUAL_WIN: "Good for the customer and for us: pursue it together.",
    Quadrant.CUSTOMER_WIN: "Good for the customer, little in it for us: find our side, or call it goodwill.",
    Quadrant.OUR_WIN: "Good for us, little in it for the customer: it will not survive their boardroom.",
    Quadrant.NEITHER: "Little value on either side: park it unless it can be reshaped.",
}


def mutual_value(idea: Idea) -> int:
    """The mutual value of an idea: customer value × our value (1–25)."""
    return idea.customer_value * idea.our_value


def quadrant(idea: Idea) -> Quadrant:
    """The quadrant of an idea; "mutual win" when both values are at least `MUTUAL_THRESHOLD`."""
    customer, ours = idea.customer_value >= MUTUAL_THRESHOLD, idea.our_value >= MUTUAL_THRESHOLD
    if customer and ours:
        return Quadrant.MUTUAL_WIN
    if customer:
        return Quadrant.CUSTOMER_WIN
    if ours:
        return Quadrant.OUR_WIN
    return Quadrant.NEITHER


def quadrant_text(q: Quadrant) -> str:
    """A one-line explanation of a quadrant, for tooltips and the briefing."""
    return _QUADRANT_TEXT[q]
