"""The five account charts, built from a small workbook: plotted values, one tooltip and one click each.

The account (made with `store.edits.add`): goals A (priority 3), B (priority 1, unconfirmed, financial), D
(priority 2, competitive, nothing behind it) and C (achieved); ideas x (adopted, values 4/5 → A), y (piloting,
2/2 → A weakly and B) and z (captured, 2/2, no goal); money m1 (spent 1,000 in Q3, 60% to A, returned 1,500
against 1,200 expected) and m2 (committed 500 in Q4, all to B, 400 expected); P&L for Q2 and Q3 2026. The
figure numbers are worked out in `tests/domain/test_charts_data.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from immersion.charts.base import Chart
from immersion.charts.matrix import MatrixChart
from immersion.charts.pnl import PnlChart
from immersion.charts.profile import ProfileChart
from immersion.charts.quadrant import QuadrantChart, bubble_sizes
from immersion.charts.returns import ReturnsChart
from immersion.charts.style import ChartStyle
from immersion.domain.alignment import compute_alignment
from immersion.domain.charts_data import ItemRef, alignment_matrix, category_profile
from immersion.domain.figures import account_pnl, idea_quadrant, investment_returns
from immersion.store import edits
from immersion.store.chart_queries import AccountChartInputs, account_chart_inputs


@dataclass
class Account:
    id: str
    ids: dict[str, str]
    inputs: AccountChartInputs


@pytest.fixture
def account(wb) -> Account:  # noqa: ANN001
    ids: dict[str, str] = {}

    def add(key: str, table: str, **values: object) -> str:
        ids[key] = edits.add(wb, table, **values).items[0].row_id
        return ids[key]

    acc = add("account", "accounts", name="Harbour Bank", currency="EUR")
    for key, priority, rank, status, category in (("A", 3, 0, "confirmed", "strategic"),
                                                  ("B", 1, 1, "unconfirmed", "financial"),
                                                  ("D", 2, 2, "confirmed", "competitive"),
                                                  ("C", 2, 3, "achieved", "strategic")):
        add(key, "goals", account_id=acc, title=f"Goal {key}", priority=priority, rank=rank, status=status,
            category=category)
    for key, stage, cv, ov, effort in (("x", "adopted", 4, 5, 2), ("y", "piloting", 2, 2, 3),
                                       ("z", "captured", 2, 2, 1)):
        add(key, "ideas", account_id=acc, title=f"Idea {key}", stage=stage, customer_value=cv, our_value=ov,
            effort=effort)
    for idea, goal, strength in (("x", "A", 3), ("y", "A", 1), ("y", "B", 2)):
        edits.add(wb, "idea_goals", idea_id=ids[idea], goal_id=ids[goal], strength=strength)
    add("m1", "investments", account_id=acc, name="Money m1", kind="pilot", status="spent", amount=1000,
        period="2026-Q3", expected_return=1200, actual_return=1500)
    add("m2", "investments", account_id=acc, name="Money m2", kind="service", status="committed", amount=500,
        period="2026-Q4", expected_return=400)
    edits.add(wb, "investment_goals", investment_id=ids["m1"], goal_id=ids["A"], share=0.6)
    edits.add(wb, "investment_goals", investment_id=ids["m2"], goal_id=ids["B"], share=1.0)
    add("q2", "financials", account_id=acc, period="2026-Q2", revenue=800, cost_of_goods=300, cost_to_serve=100)
    add("q3", "financials", account_id=acc, period="2026-Q3", revenue=1000, cost_of_goods=400, cost_to_serve=100,
        other_costs=50)
    inputs = account_chart_inputs(wb, acc)
    assert inputs is not None
    return Account(acc, ids, inputs)


def shown(qtbot, chart: Chart, data: object) -> Chart:  # noqa: ANN001
    """`chart` showing `data`, on screen and laid out, as the user sees it."""
    qtbot.addWidget(chart)
    chart.resize(900, 560)
    chart.set_data(data)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def mouse(chart: Chart, kind: QEvent.Type, plot: int, x: float, y: float) -> None:
    """A real mouse event on the chart's view at data point (x, y) of plot `plot`."""
    viewport = chart.view.viewport()
    pos = chart.view_point(plot, x, y)
    pressed = Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    QApplication.sendEvent(viewport, QMouseEvent(kind, pos, viewport.mapToGlobal(pos), button, pressed,
                                                 Qt.KeyboardModifier.NoModifier))


def click(qtbot, chart: Chart, plot: int, x: float, y: float) -> ItemRef:  # noqa: ANN001
    with qtbot.waitSignal(chart.activated, timeout=1000) as blocker:
        mouse(chart, QEvent.Type.MouseButtonPress, plot, x, y)
        mouse(chart, QEvent.Type.MouseButtonRelease, plot, x, y)
    return blocker.args[0]


def hover(chart: Chart, plot: int, x: float, y: float) -> str:
    mouse(chart, QEvent.Type.MouseMove, plot, x, y)
    return chart.view.toolTip()


def test_matrix_plots_each_cell_as_a_part_of_our_effort(qtbot, account: Account) -> None:  # noqa: ANN001
    i = account.inputs
    data = alignment_matrix(i.goals, i.ideas, i.idea_goals, i.investments, i.investment_goals)
    chart = shown(qtbot, MatrixChart(), data)
    # Rows A, B, D, C, No goal; idea columns x, y, z; money columns m1, m2 (see the module docstring).
    np.testing.assert_allclose(chart.idea_image.image, [
        [0.5 * 1.0 / 2.1, 0.5 * 0.85 / 3 / 2.1, 0], [0, 0.5 * 0.85 * 2 / 3 / 2.1, 0], [0, 0, 0], [0, 0, 0],
        [0, 0, 0.5 * 0.25 / 2.1]])
    np.testing.assert_allclose(chart.money_image.image, [[0.2, 0], [0, 0.5 * 500 / 1500], [0, 0], [0, 0],
                                                         [0.5 * 400 / 1500, 0]])
    assert list(chart.gap_bands.opts["y"]) == [2]  # D stands out
    assert chart.rows_axis.labels == ["1. Goal A", "2. Goal B", "3. Goal D", "(achieved) Goal C",
                                      "No goal (unlinked)"]
    assert chart.columns_axis.labels == ["Idea x", "Idea y", "Idea z", "Money m1", "Money m2"]
    tip = hover(chart, 0, 0, 0)
    assert tip.startswith("Idea “Idea x” — adopted (factor 1.00) → “Goal A”")
    assert "= 24% of our effort" in tip and tip.endswith("Click to open it.")
    assert click(qtbot, chart, 0, 0, 0) == ItemRef("ideas", account.ids["x"], account.id)
    assert click(qtbot, chart, 0, 3, 1) == ItemRef("goals", account.ids["B"], account.id)  # an empty cell
    assert chart.hit_at(0, 4, 1, "bottom").ref == ItemRef("investments", account.ids["m2"], account.id)
    assert "a gap at the top of the agenda" in chart.hit_at(0, 0, 2, "left").text


def test_profile_plots_emphasis_beside_effort(qtbot, account: Account) -> None:  # noqa: ANN001
    i = account.inputs
    alignment = compute_alignment(i.goals, i.ideas, i.idea_goals, i.investments, i.investment_goals)
    chart = shown(qtbot, ProfileChart(), category_profile(alignment, i.goals))
    # Strategic, competitive, interpersonal, political, financial, no goal; in percent.
    np.testing.assert_allclose(chart.emphasis.opts["height"], [50, 100 / 3, 0, 0, 100 / 6, 0])
    np.testing.assert_allclose(chart.ideas.opts["height"], [30.5556, 0, 0, 0, 13.4921, 5.9524], atol=1e-4)
    np.testing.assert_allclose(chart.money.opts["height"], [20, 0, 0, 0, 16.6667, 13.3333], atol=1e-4)
    np.testing.assert_allclose(chart.money.opts["y0"], chart.ideas.opts["height"])  # money sits on ideas
    assert chart.headline.text() == "Alignment index 67 of 100"
    assert chart.headline.toolTip() == alignment.explain()
    assert "Customer emphasis 50% = priorities 3 ÷ 6" in hover(chart, 0, 0.2, 10)
    assert click(qtbot, chart, 0, 4.2, 10) == ItemRef("goals", account.ids["B"], account.id)


def test_quadrant_plots_ideas_by_value_sized_by_effort(qtbot, account: Account) -> None:  # noqa: ANN001
    data = idea_quadrant(account.inputs.ideas, account.inputs.investments)
    chart = shown(qtbot, QuadrantChart(), data)
    x, y = chart.scatter.getData()
    plotted = {data.points[n].title: (px, py, size) for n, px, py, size in
               zip(chart.scatter.data["data"], x, y, chart.scatter.data["size"], strict=True)}
    largest = bubble_sizes([3.0], 3.0)[0]
    assert plotted["Idea x"] == (4.0, 5.0, pytest.approx(bubble_sizes([2.0], 3.0)[0]))
    assert plotted["Idea y"][2] == pytest.approx(largest)  # effort 3 of at most 3
    assert plotted["Idea y"][:2] != plotted["Idea z"][:2]  # both at (2, 2): spread apart
    assert "mutual value 20 (mutual win: both at least 3)" in hover(chart, 0, 4, 5)
    assert click(qtbot, chart, 0, 4, 5) == ItemRef("ideas", account.ids["x"], account.id)
    assert "Mutual win" in chart.hit_at(0, 5.2, 3.2).text and chart.hit_at(0, 5.2, 3.2).ref is None


def test_pnl_plots_the_waterfall_and_the_trend(qtbot, account: Account) -> None:  # noqa: ANN001
    i = account.inputs
    chart = shown(qtbot, PnlChart(), account_pnl(i.financials, i.investments, account_id=account.id))
    # Q3: 1,000 → 600 → 500 → 450 → m1 spent (1,000) → −550; contribution 0 → −550.
    assert list(chart.bars.opts["y0"]) == [0, 600, 500, 450, -550, -550]
    assert list(chart.bars.opts["height"]) == [1000, 400, 100, 50, 1000, 550]
    # Trend: Q2 800 − 300 − 100 = 400; Q3 −550.
    assert list(chart.points.getData()[1]) == [400, -550]
    assert list(chart.chosen.getData()[0]) == [1]  # Q3 is ringed
    assert chart.periods_axis.labels == ["Q2 2026", "Q3 2026"]
    assert [item.toPlainText() for item in chart.amounts] == ["1k", "−400", "−100", "−50", "−1k", "−550"]
    assert "“Money m1” 1,000 EUR (2026-Q3)" in hover(chart, 0, 4, -100)
    assert click(qtbot, chart, 0, 4, -100) == ItemRef("investments", account.ids["m1"], account.id)
    assert click(qtbot, chart, 1, 0, 400) == ItemRef("financials", account.ids["q2"], account.id)


def test_returns_tell_actual_from_expected(qtbot, account: Account) -> None:  # noqa: ANN001
    chart = shown(qtbot, ReturnsChart(), investment_returns(account.inputs.investments))
    # m1: (1,500 − 1,000)/1,000 = +50% actual, +20% expected; m2: (400 − 500)/500 = −20% expected.
    assert list(chart.actual.opts["y"]) == [0] and list(chart.actual.opts["width"]) == [50]
    assert list(chart.expected.opts["y"]) == [1] and list(chart.expected.opts["width"]) == [-20]
    assert list(chart.promised.getData()[0]) == [pytest.approx(20)]  # what m1 was expected to bring
    assert chart.names_axis.labels == ["Money m1", "Money m2"]
    assert "on the expected return: no actual return yet" in hover(chart, 0, -10, 1)
    assert click(qtbot, chart, 0, 25, 0) == ItemRef("investments", account.ids["m1"], account.id)


def test_every_chart_shows_a_helpful_empty_state(qtbot, wb) -> None:  # noqa: ANN001
    acc = edits.add(wb, "accounts", name="Blank Ltd").items[0].row_id
    i = account_chart_inputs(wb, acc)
    assert i is not None
    alignment = compute_alignment(i.goals)
    for chart, data, words in (
        (MatrixChart(), alignment_matrix(i.goals), "No goals yet"),
        (ProfileChart(), category_profile(alignment, i.goals), "Nothing to compare yet"),
        (QuadrantChart(), idea_quadrant(i.ideas), "No active ideas yet"),
        (PnlChart(), account_pnl(i.financials, i.investments), "No P&L yet"),
        (ReturnsChart(), investment_returns(i.investments), "No returns to show yet"),
    ):
        shown(qtbot, chart, data)
        assert chart.stack.currentWidget() is chart.empty and chart.empty.isVisible()
        assert chart.empty.text().startswith(words)
        assert chart.hit_scene(QPointF(10, 10)) is None


def test_charts_follow_the_palette_and_clicks_respect_can_open(qtbot, account: Account) -> None:  # noqa: ANN001
    chart = shown(qtbot, QuadrantChart(), idea_quadrant(account.inputs.ideas))
    light = chart.view.backgroundBrush().color()
    chart.fixed_style = ChartStyle.dark_style()
    chart.redraw()
    assert chart.view.backgroundBrush().color() != light
    assert chart.view.backgroundBrush().color() == ChartStyle.dark_style().background
    chart.can_open = lambda ref: False  # no page to open ideas on: no promise, no signal
    assert not hover(chart, 0, 4, 5).endswith("Click to open it.")
    with qtbot.assertNotEmitted(chart.activated):
        mouse(chart, QEvent.Type.MouseButtonPress, 0, 4, 5)
        mouse(chart, QEvent.Type.MouseButtonRelease, 0, 4, 5)
