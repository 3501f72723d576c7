"""The numbers behind the alignment charts of one account: the matrix and the category profile.

Everything a chart draws is computed here, in plain Python, together with the sentence that explains it (the
tooltip), so that the screen and the briefing PDF show the same figures (DESIGN.md, "Mutual-purpose
alignment"; CRAFT.md, "Chart logic outside the widget"). `immersion.charts` only turns these into pictures.
The idea quadrant, the P&L and the returns live in `figures.py`, the portfolio in `portfolio_figure.py`.

A matrix cell is the part of our effort `e_g` that one idea or one investment gives to one goal:
`w_i × stage_factor × strength/3 ÷ total idea effort` for an idea and `w_m × amount × share ÷ total money` for an
investment, where `w_i`, `w_m` are the weights of the two halves (½ each, or 1 for a lone half). So a row adds
up to the goal's `e_g`, and the extra "No goal" row adds up to the unlinked share `u`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from immersion.domain.alignment import Alignment, compute_alignment
from immersion.domain.effort import active_ideas
from immersion.domain.enums import GoalCategory, GoalStatus
from immersion.domain.gap_finder import GapKind, gaps
from immersion.domain.models import Goal, Idea, IdeaGoal, Investment, InvestmentGoal

__all__ = [
    "ItemRef", "MatrixCell", "MatrixColumn", "MatrixData", "MatrixRow", "ProfileBar", "ProfileData",
    "alignment_matrix", "category_profile", "half_weights", "money_text", "share_text",
]


@dataclass(frozen=True, slots=True)
class ItemRef:
    """The workbook row behind a mark on a chart, for "click to open it".

    Attributes:
        table: The table ("goals", "ideas", "investments", "financials", "accounts", "action_items").
        row_id: The row's id.
        account_id: The account it belongs to, when known.
    """

    table: str
    row_id: str
    account_id: str | None = None


def money_text(amount: float, currency: str) -> str:
    """An amount as the domain's sentences write it: "48,000 EUR" (screens format their own figures)."""
    sign = "−" if amount < 0 else ""
    return f"{sign}{abs(amount):,.0f} {currency}".strip()


def share_text(value: float) -> str:
    """A share as a whole percentage, "18%"."""
    return f"{value:.0%}"


def half_weights(alignment: Alignment) -> tuple[float, float]:
    """The weights `(w_i, w_m)` of the idea half and the money half: ½ each, or 1 for a lone half."""
    w_i = (0.5 if alignment.used_money else 1.0) if alignment.used_ideas else 0.0
    w_m = (0.5 if alignment.used_ideas else 1.0) if alignment.used_money else 0.0
    return w_i, w_m


def _half_rule(weight: float) -> str:
    return "× ½ (ideas and money count half each)" if weight == 0.5 else "× 1 (the only half with effort)"


# --- 1. Alignment matrix -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MatrixRow:
    """One goal of the matrix (or, with `ref` None, the "No goal" row of unlinked effort)."""

    ref: ItemRef | None
    title: str
    label: str
    category: GoalCategory | None
    priority: int
    place: int | None  # position among the open goals of the agenda, 1-based; None when closed
    status: GoalStatus | None
    p: float
    e: float
    is_gap: bool  # a top-three open goal with no active idea and no money: it stands out


@dataclass(frozen=True, slots=True)
class MatrixColumn:
    """One idea or investment that counts as effort."""

    ref: ItemRef
    kind: str  # "idea" or "investment"
    title: str
    detail: str  # "piloting (factor 0.85)" or "spent, 120,000 EUR"


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """What one column gives one row: `value` is the part of our effort, `raw` the effort or money."""

    value: float
    raw: float
    link: float  # the idea's strength (1–3) or the investment's share (0–1); 0 for unlinked effort


@dataclass(frozen=True)
class MatrixData:
    """The alignment matrix: goals (rows, agenda order) × ideas and investments (columns).

    `cells` holds only the non-empty cells, keyed by (row, column); tooltips are written on demand because a
    large account has 100,000 cells and the user hovers over a handful.
    """

    rows: tuple[MatrixRow, ...]
    columns: tuple[MatrixColumn, ...]
    cells: dict[tuple[int, int], MatrixCell]
    idea_columns: int  # the first `idea_columns` columns are ideas, the rest investments
    alignment: Alignment
    currency: str
    w_i: float
    w_m: float
    max_value: float = field(default=0.0)

    @property
    def is_empty(self) -> bool:
        return not self.rows

    def value(self, row: int, column: int) -> float:
        cell = self.cells.get((row, column))
        return cell.value if cell else 0.0

    def row_sum(self, row: int) -> float:
        return sum(c.value for (r, _c), c in self.cells.items() if r == row)

    def row_text(self, row: int) -> str:
        """The explanation of a row: emphasis against effort, and whether it is a gap."""
        r = self.rows[row]
        if r.ref is None:
            a = self.alignment
            return (f"No goal: effort linked to no customer goal.\nUnlinked share u = {share_text(a.u)}"
                    f" (ideas {share_text(a.u_i)}, money {share_text(a.u_m)}); it costs its full share"
                    " in the alignment index.")
        if r.place is not None:
            where = f"#{r.place} on the boardroom agenda, priority {r.priority}"
            emphasis = (f"customer emphasis p = {r.priority} ÷ {self.alignment.priority_total}"
                        f" = {share_text(r.p)}")
        else:
            where = f"{r.status.value if r.status else 'closed'}, counts as priority 0"
            emphasis = "customer emphasis p = 0"
        lines = [f"“{r.title}” ({where})", f"{emphasis}; our effort e = {share_text(r.e)}."]
        if r.is_gap:
            lines.append("No active idea and no money serve it: a gap at the top of the agenda.")
        elif r.place is None and r.e > 0:
            lines.append("Effort on a closed goal counts against the index.")
        return "\n".join(lines)

    def column_text(self, column: int) -> str:
        c = self.columns[column]
        noun = "Idea" if c.kind == "idea" else "Investment"
        return f"{noun} “{c.title}” — {c.detail}"

    def cell_text(self, row: int, column: int) -> str:
        """The explanation of one cell, with the arithmetic."""
        r, c, cell = self.rows[row], self.columns[column], self.cells.get((row, column))
        goal = "no goal" if r.ref is None else f"“{r.title}”"
        if cell is None:
            return f"{self.column_text(column)}\nIt does not serve {goal}.\n\n{self.row_text(row)}"
        if c.kind == "idea":
            total, weight = self.alignment.total_idea_effort, self.w_i
            if r.ref is None:
                how = f"Linked to no goal: its stage factor {cell.raw:.2f} counts as unlinked idea effort."
            else:
                how = (f"Idea effort: {c.detail} × strength {cell.link:.0f}/3 = {cell.raw:.2f}.")
            share = f"{cell.raw:.2f} ÷ {total:.2f} (all idea effort) = {share_text(cell.raw / total)}"
        else:
            total, weight = self.alignment.total_money, self.w_m
            if r.ref is None:
                how = f"Orphan money: {money_text(cell.raw, self.currency)} of it is linked to no goal."
            else:
                how = f"Money: {share_text(cell.link)} of it = {money_text(cell.raw, self.currency)}."
            share = (f"{money_text(cell.raw, self.currency)} ÷ {money_text(total, self.currency)}"
                     f" (all money committed or spent) = {share_text(cell.raw / total)}")
        return (f"{self.column_text(column)} → {goal}\n{how}\n{share} {_half_rule(weight)}"
                f" = {share_text(cell.value)} of our effort.\n\n{self.row_text(row)}")

    def cell_ref(self, row: int, column: int) -> ItemRef | None:
        """What a click on a cell opens: the idea or investment of a filled cell, else the row's goal."""
        if (row, column) in self.cells:
            return self.columns[column].ref
        return self.rows[row].ref


def alignment_matrix(
    goals: Sequence[Goal],
    ideas: Sequence[Idea] = (),
    idea_goals: Sequence[IdeaGoal] = (),
    investments: Sequence[Investment] = (),
    investment_goals: Sequence[InvestmentGoal] = (),
    *,
    currency: str = "EUR",
    alignment: Alignment | None = None,
) -> MatrixData:
    """Build the alignment matrix of one account.

    Args:
        goals: All goals of the account (closed ones are rows too: effort on them counts against the index).
        ideas: The account's ideas; only active, unmerged ones are columns.
        idea_goals: Links of ideas to goals.
        investments: The account's investments; only committed and spent money is a column.
        investment_goals: Shares of investments given to goals.
        currency: The account's currency, for the sentences.
        alignment: The alignment computed from the same inputs, if the caller has it already.

    Returns:
        The matrix, its rows in agenda order and its columns ordered so that the matrix reads top-left to
        bottom-right (each column after the first row it serves).
    """
    alignment = alignment or compute_alignment(goals, ideas, idea_goals, investments, investment_goals)
    w_i, w_m = half_weights(alignment)
    by_id = {g.id: g for g in goals}
    row_of = {ga.goal_id: n for n, ga in enumerate(alignment.goals)}
    uncovered = {gap.ref_id for gap in gaps(goals, ideas, idea_goals, investments, investment_goals, today=_NO_DAY)
                 if gap.kind == GapKind.UNCOVERED_TOP_GOAL}
    rows, place = [], 0
    for ga in alignment.goals:
        goal = by_id[ga.goal_id]
        place += int(ga.is_open)
        label = f"{place}. {goal.title}" if ga.is_open else f"({goal.status.value}) {goal.title}"
        rows.append(MatrixRow(ItemRef("goals", goal.id, goal.account_id), goal.title, label, goal.category,
                              goal.priority, place if ga.is_open else None, goal.status, ga.p, ga.e,
                              goal.id in uncovered))
    unlinked_row = len(rows)

    # Per column: {row: (raw, link)}; an unlinked idea or orphan money goes to the "No goal" row.
    idea_cells: list[tuple[MatrixColumn, dict[int, tuple[float, float]]]] = []
    links_of: dict[str, list[IdeaGoal]] = defaultdict(list)
    for link in idea_goals:
        if link.goal_id in row_of:
            links_of[link.idea_id].append(link)
    for idea in active_ideas(ideas):
        factor = idea.stage.factor
        served = {row_of[link.goal_id]: (factor * link.strength / 3, float(link.strength))
                  for link in links_of.get(idea.id, ())}
        column = MatrixColumn(ItemRef("ideas", idea.id, idea.account_id), "idea", idea.title,
                              f"{idea.stage.value} (factor {factor:.2f})")
        idea_cells.append((column, served or {unlinked_row: (factor, 0.0)}))
    shares: dict[str, dict[str, float]] = defaultdict(dict)
    for share_link in investment_goals:
        if share_link.goal_id in row_of:
            shares[share_link.investment_id][share_link.goal_id] = share_link.share
    money_cells: list[tuple[MatrixColumn, dict[int, tuple[float, float]]]] = []
    for inv in investments:
        if not inv.status.counts_as_money or inv.amount <= 0:
            continue
        links = shares.get(inv.id, {})
        linked = sum(links.values())
        scale = 1.0 / linked if linked > 1.0 else 1.0  # as money_by_goal: never count an investment twice
        served = {row_of[g]: (inv.amount * s * scale, s * scale) for g, s in links.items()}
        orphan = inv.amount * (1.0 - min(linked, 1.0))
        if orphan > _NOISE * inv.amount:
            served[unlinked_row] = (orphan, 0.0)
        column = MatrixColumn(ItemRef("investments", inv.id, inv.account_id), "investment", inv.name,
                              f"{inv.status.value}, {money_text(inv.amount, currency)}")
        money_cells.append((column, served))

    def order(item: tuple[MatrixColumn, dict[int, tuple[float, float]]]) -> tuple[int, float, str]:
        column, served = item
        return min(served), -sum(raw for raw, _link in served.values()), column.title.casefold()

    idea_cells.sort(key=order)
    money_cells.sort(key=order)
    has_unlinked = any(unlinked_row in served for _column, served in (*idea_cells, *money_cells))
    if has_unlinked:
        rows.append(MatrixRow(None, "No goal", "No goal (unlinked)", None, 0, None, None, 0.0, alignment.u,
                              False))
    columns, cells = [], {}
    for n, (column, served) in enumerate([*idea_cells, *money_cells]):
        columns.append(column)
        is_idea = column.kind == "idea"
        total = alignment.total_idea_effort if is_idea else alignment.total_money
        weight = w_i if is_idea else w_m
        for row, (raw, link) in served.items():
            if row == unlinked_row and not has_unlinked:
                continue
            cells[(row, n)] = MatrixCell(weight * raw / total, raw, link)
    return MatrixData(tuple(rows), tuple(columns), cells, len(idea_cells), alignment, currency, w_i, w_m,
                      max((c.value for c in cells.values()), default=0.0))


_NOISE = 1e-9  # shares such as .4 + .35 + .25 need not add up to exactly 1 in floating point
_NO_DAY = dt.date(2000, 1, 1)  # the gap finder needs a day only for its stakeholder rules, not asked for here


# --- 2. Category profile -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProfileBar:
    """One category (or, with `category` None, the unlinked effort): emphasis beside effort."""

    category: GoalCategory | None
    emphasis: float
    idea_effort: float  # w_i × Σ i over the category's goals
    money_effort: float  # w_m × Σ m
    open_goals: int
    text: str
    ref: ItemRef | None

    @property
    def effort(self) -> float:
        return self.idea_effort + self.money_effort


@dataclass(frozen=True)
class ProfileData:
    """The category profile with the alignment index it sums up."""

    bars: tuple[ProfileBar, ...]
    index: float | None
    reason: str | None
    explain: str

    @property
    def is_empty(self) -> bool:
        return all(b.emphasis == 0 and b.effort == 0 for b in self.bars)

    @property
    def index_text(self) -> str:
        return "—" if self.index is None else f"{self.index:.0f}"


def category_profile(alignment: Alignment, goals: Sequence[Goal] = (), matrix: MatrixData | None = None
                     ) -> ProfileData:
    """The five categories' customer emphasis beside our effort, plus the unlinked effort when there is any.

    Args:
        alignment: The account's alignment.
        goals: The account's goals, to link each bar to its category's top open goal.
        matrix: The matrix of the same account, to link the unlinked bar to its largest column.
    """
    w_i, w_m = half_weights(alignment)
    by_id = {g.id: g for g in goals}
    bars = []
    for cat in alignment.categories:
        rows = [g for g in alignment.goals if g.category == cat.category and g.is_open]
        priorities = sum(by_id[g.goal_id].priority for g in rows if g.goal_id in by_id)
        ideas, money = w_i * cat.idea_effort, w_m * cat.money_effort
        lines = [f"{cat.category.value.capitalize()}: {len(rows)} open goal{'s' if len(rows) != 1 else ''}."]
        if alignment.priority_total:
            lines.append(f"Customer emphasis {share_text(cat.emphasis)} = priorities {priorities}"
                         f" ÷ {alignment.priority_total} (all open goals).")
        lines.append(f"Our effort {share_text(cat.effort)} = ideas {share_text(ideas)}"
                     f" + money {share_text(money)}.")
        lines.append(_verdict(cat.emphasis, cat.effort))
        top = rows[0] if rows else None
        ref = ItemRef("goals", top.goal_id, by_id[top.goal_id].account_id) if top and top.goal_id in by_id else None
        bars.append(ProfileBar(cat.category, cat.emphasis, ideas, money, len(rows), "\n".join(lines), ref))
    if alignment.u > 0:
        ideas, money = w_i * alignment.u_i, w_m * alignment.u_m
        text = (f"No goal: {share_text(alignment.u)} of our effort serves no customer goal"
                f" (ideas {share_text(ideas)} + money {share_text(money)}); it costs its full share in the index.")
        bars.append(ProfileBar(None, 0.0, ideas, money, 0, text, _largest_unlinked(matrix)))
    return ProfileData(tuple(bars), alignment.index, alignment.reason, alignment.explain())


def _verdict(emphasis: float, effort: float) -> str:
    points = round(100 * (effort - emphasis))
    if abs(points) < 5:
        return "Effort matches emphasis."
    if points < 0:
        return f"We under-serve it by {-points} points."
    return f"We over-serve it by {points} points."


def _largest_unlinked(matrix: MatrixData | None) -> ItemRef | None:
    if matrix is None or not matrix.rows or matrix.rows[-1].ref is not None:
        return None
    last = len(matrix.rows) - 1
    found = [(cell.value, col) for (row, col), cell in matrix.cells.items() if row == last]
    return matrix.columns[max(found)[1]].ref if found else None
