"""The portfolio chart from a small workbook, and its gap list checked against the gap finder on the demo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from immersion.charts.portfolio import LARGEST, SMALLEST, PortfolioChart
from immersion.domain.charts_data import ItemRef
from immersion.domain.gap_finder import GapKind, gaps
from immersion.domain.portfolio_figure import PortfolioData, portfolio_figure
from immersion.store import edits, queries
from immersion.store.chart_queries import portfolio_accounts, portfolio_chart_inputs
from immersion.store.workbook import Workbook

TODAY = dt.date(2026, 11, 28)


def figure(wb: Workbook, period: str | None = None):  # noqa: ANN201 - PortfolioData
    inputs = portfolio_chart_inputs(wb, period, TODAY)
    return portfolio_figure(portfolio_accounts(wb), inputs.financials, inputs.spent, period=inputs.period,
                            periods=inputs.periods, open_goals=inputs.open_goals,
                            covered_goal_ids=inputs.covered_goal_ids, orphans=inputs.orphans,
                            overdue=inputs.overdue, today=TODAY)


def shown_chart(qtbot: QtBot, data: PortfolioData | None = None) -> PortfolioChart:
    """A portfolio chart at 900 × 560, with `data` when given, shown on screen."""
    chart = PortfolioChart()
    qtbot.addWidget(chart)
    chart.resize(900, 560)
    if data is not None:
        chart.set_data(data)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


@pytest.fixture
def portfolio(wb: Workbook) -> dict[str, str]:
    """Three accounts: Alpha (index 100, revenue 4,000), Beta (revenue 1,000, an investment spent in Q3 on no
    goal) and Gamma (no goals, so no index)."""
    def add(table: str, **values: object) -> str:
        return edits.add(wb, table, **values).items[0].row_id

    ids = {name: add("accounts", name=name, tier=tier) for name, tier in
           (("Alpha", "strategic"), ("Beta", "growth"), ("Gamma", "key"))}
    for name in ("Alpha", "Beta"):
        goal = add("goals", account_id=ids[name], title=f"{name} goal", category="strategic", priority=3)
        idea = add("ideas", account_id=ids[name], title=f"{name} idea", stage="adopted")
        edits.add(wb, "idea_goals", idea_id=idea, goal_id=goal, strength=3)
    add("financials", account_id=ids["Alpha"], period="2026-Q3", revenue=4000, cost_of_goods=1000)
    add("financials", account_id=ids["Beta"], period="2026-Q3", revenue=1000, cost_of_goods=600)
    add("financials", account_id=ids["Beta"], period="2026-Q2", revenue=900)
    ids["spent"] = add("investments", account_id=ids["Beta"], name="Booth", kind="co-marketing", status="spent",
                       amount=500, period="2026-09")
    ids["late"] = add("action_items", account_id=ids["Gamma"], text="Call back", due_date="2026-11-20")
    return ids


def test_portfolio_bubbles_place_accounts_by_index_and_contribution(qtbot, wb: Workbook,  # noqa: ANN001
                                                                      portfolio: dict[str, str]) -> None:
    data = figure(wb)
    chart = shown_chart(qtbot, data)
    xs, ys = chart.scatter.getData()
    names = [data.points[n].name for n in chart.scatter.data["data"]]
    # Alpha: its one idea serves its one goal, index 100; 4,000 − 1,000 = 3,000.
    # Beta: the booth is orphan money, so e = ½ (the idea half) and u = ½ · 1: 100 × (1 − ½·½ − ½·½) = 50;
    # 1,000 − 600 − 500 spent in September = −100.
    assert dict(zip(names, zip(xs, ys, strict=True), strict=True)) == {"Alpha": (100, 3000), "Beta": (50, -100)}
    sizes = dict(zip(names, chart.scatter.data["size"], strict=True))
    # Diameters grow with √revenue: Alpha the largest; Beta √(1,000/4,000) = ½ of the way.
    assert sizes == {"Alpha": LARGEST, "Beta": pytest.approx(SMALLEST + (LARGEST - SMALLEST) / 2)}
    assert dict(data.left_off) == {"Gamma": "no alignment index (No open goals)"}
    assert chart.plot.getAxis("left").labelText == "Contribution (EUR)"  # one currency: the axis names it
    assert "1 account(s) not shown" in chart.headline.text()
    assert "Gamma: no alignment index" in chart.headline.toolTip()
    beta = chart.hit_at(0, 50, -100)
    assert beta is not None and "Contribution in Q3 2026: −100 EUR" in beta.text
    assert "investments spent 500 EUR" in beta.text
    viewport = chart.view.viewport()
    pos = chart.view_point(0, 100, 3000)
    with qtbot.waitSignal(chart.activated, timeout=1000) as blocker:
        for kind, pressed in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                              (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
            QApplication.sendEvent(viewport, QMouseEvent(kind, pos, viewport.mapToGlobal(pos),
                                                         Qt.MouseButton.LeftButton, pressed,
                                                         Qt.KeyboardModifier.NoModifier))
    assert blocker.args[0] == ItemRef("accounts", portfolio["Alpha"], portfolio["Alpha"])
    assert [(g.kind, g.ref.row_id) for g in data.gaps] == [("orphan_spend", portfolio["spent"]),
                                                            ("overdue_action", portfolio["late"])]


def test_portfolio_period_choice(wb: Workbook, portfolio: dict[str, str]) -> None:
    data = figure(wb, "2026-Q2")
    assert [p.name for p in data.points] == ["Beta"] and data.points[0].contribution == 900
    assert dict(data.left_off)["Alpha"] == "no P&L for Q2 2026"
    assert [p.text for p in data.periods] == ["2026-Q2", "2026-Q3"]


def test_portfolio_gaps_agree_with_the_gap_finder_on_the_demo(tmp_path) -> None:  # noqa: ANN001
    from immersion.store.demo import write_demo

    write_demo(tmp_path / "d.immersion", today=TODAY)
    wb = Workbook.open(tmp_path / "d.immersion")
    try:
        data = figure(wb)
        expected = set()
        for account_id, inputs in queries.alignment_inputs(wb).items():
            for gap in gaps(inputs.goals, inputs.ideas, inputs.idea_goals, inputs.investments,
                            inputs.investment_goals, today=TODAY):
                if gap.kind in (GapKind.UNCOVERED_TOP_GOAL, GapKind.ORPHAN_SPEND):
                    expected.add((gap.kind.value, gap.ref_id, account_id))
        found = {(g.kind, g.ref.row_id, g.ref.account_id) for g in data.gaps if g.kind != "overdue_action"}
        assert found == expected and expected
        overdue = {g.ref.row_id for g in data.gaps if g.kind == "overdue_action"}
        assert len(overdue) == sum(s.overdue_actions for s in queries.portfolio_summary(wb, TODAY))
        assert len(data.points) == 5 and data.period is not None
    finally:
        wb.close()


def shown_labels(chart: PortfolioChart) -> list[tuple[str, QRectF]]:
    """(name, rectangle in scene pixels) of every name shown beside a bubble."""
    return [(label.toPlainText(), label.mapRectToScene(label.boundingRect()))
            for label in chart.labels if label.isVisible() and label.toPlainText()]


@pytest.fixture
def demo_figure(demo_master: Callable[..., Path]):  # noqa: ANN201 - PortfolioData
    wb = Workbook.open(demo_master(TODAY), read_only=True)
    try:
        yield figure(wb)
    finally:
        wb.close()


def test_a_small_portfolio_names_its_bubbles_without_overlaps(qtbot, demo_figure) -> None:  # noqa: ANN001
    chart = shown_chart(qtbot, demo_figure)
    labels = shown_labels(chart)
    assert sorted(name for name, _rect in labels) == sorted(p.name for p in demo_figure.points)
    area = chart.plot.getViewBox().sceneBoundingRect()
    view = chart.plot.getViewBox()
    for n, (name, rect) in enumerate(labels):
        assert area.contains(rect), name
        assert not any(rect.intersects(other) for _, other in labels[n + 1:]), name
        point = next(p for p in demo_figure.points if p.name == name)
        centre = view.mapViewToScene(QPointF(point.index, point.contribution))
        near = rect.adjusted(-LARGEST / 2 - 4, -LARGEST / 2 - 4, LARGEST / 2 + 4, LARGEST / 2 + 4)
        assert near.contains(centre), name  # beside its own bubble

    chart.resize(500, 320)  # a smaller chart places the names again, still apart and inside
    qtbot.waitUntil(lambda: chart.plot.getViewBox().sceneBoundingRect().width() < area.width())
    small = shown_labels(chart)
    area = chart.plot.getViewBox().sceneBoundingRect()
    assert small and all(area.contains(rect) for _, rect in small)
    assert not any(a.intersects(b) for n, (_, a) in enumerate(small) for _, b in small[n + 1:])


def test_crowded_or_large_portfolios_leave_names_to_the_tooltip(qtbot, demo_figure) -> None:  # noqa: ANN001
    chart = shown_chart(qtbot)
    same_place = replace(demo_figure, points=(demo_figure.points[0],) * 6)  # six bubbles on one spot
    chart.set_data(same_place)
    labels = shown_labels(chart)
    assert 1 <= len(labels) < 6  # four sides at most, none over another
    assert not any(a.intersects(b) for n, (_, a) in enumerate(labels) for _, b in labels[n + 1:])
    chart.set_data(replace(demo_figure, points=demo_figure.points * 9))  # 45 accounts
    assert shown_labels(chart) == []
