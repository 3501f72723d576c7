"""The portfolio Dashboard: bubbles from the window's summaries and the P&L, the gap list, clicks and periods."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from immersion.store import edits, queries
from immersion.store.workbook import Workbook
from immersion.ui import chart_card
from immersion.ui.chart_gaps import GAP_ROLE
from immersion.ui.dashboard_page import DashboardPage
from immersion.ui.edit_session import EditSession
from immersion.ui.pages import PageContext, Target

OVERDUE = (dt.date.today() - dt.timedelta(days=5)).isoformat()


@dataclass
class Shown:
    page: DashboardPage
    wb: Workbook
    ids: dict[str, str]
    session: EditSession
    targets: list[Target] = field(default_factory=list)

    def refresh(self) -> None:
        self.page.show_context(PageContext(self.wb, tuple(queries.portfolio_summary(self.wb)),
                                           session=self.session, navigate=self.targets.append))


@pytest.fixture
def shown(qtbot: QtBot, wb: Workbook, monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Alpha (an idea on its one goal; revenue 4,000), Beta (a goal with nothing behind it, orphan money and an
    overdue action; revenue 1,000)."""
    monkeypatch.setattr(chart_card, "registered", lambda name: name in ("overview", "agenda", "meetings"))
    ids: dict[str, str] = {}

    def add(key: str, table: str, **values: object) -> str:
        ids[key] = edits.add(wb, table, **values).items[0].row_id
        return ids[key]

    add("alpha", "accounts", name="Alpha", tier="strategic")
    add("beta", "accounts", name="Beta", tier="growth")
    add("a-goal", "goals", account_id=ids["alpha"], title="Alpha goal", category="strategic")
    add("a-idea", "ideas", account_id=ids["alpha"], title="Alpha idea", stage="adopted")
    edits.add(wb, "idea_goals", idea_id=ids["a-idea"], goal_id=ids["a-goal"])
    add("b-goal", "goals", account_id=ids["beta"], title="Beta goal", category="financial")
    add("b-money", "investments", account_id=ids["beta"], name="Booth", kind="co-marketing", status="spent",
        amount=200, period="2026-Q2")
    add("b-late", "action_items", account_id=ids["beta"], text="Send the benchmark", due_date=OVERDUE)
    for key, period, revenue in (("a-q3", "2026-Q3", 4000), ("b-q3", "2026-Q3", 1000), ("b-q2", "2026-Q2", 900)):
        add(key, "financials", account_id=ids["alpha" if key.startswith("a") else "beta"], period=period,
            revenue=revenue, cost_of_goods=revenue / 2)
    page = DashboardPage()
    qtbot.addWidget(page)
    result = Shown(page, wb, ids, EditSession(wb))
    result.session.changed.connect(lambda _changes: result.refresh())
    result.refresh()
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return result


def bubbles(page: DashboardPage) -> dict[str, tuple[float, float]]:
    assert page.data is not None
    xs, ys = page.chart.scatter.getData()
    names = [page.data.points[n].name for n in page.chart.scatter.data["data"]]
    return dict(zip(names, zip(xs, ys, strict=True), strict=True))


def test_bubbles_use_the_summaries_index_and_the_period_contribution(shown: Shown) -> None:
    summaries = {s.name: s.alignment for s in queries.portfolio_summary(shown.wb)}
    # Beta's index: its one goal gets nothing and all its money is orphan → 100 × (1 − ½·1 − ½·1) = 0.
    assert summaries == {"Alpha": 100.0, "Beta": 0.0}
    assert bubbles(shown.page) == {"Alpha": (100, 2000), "Beta": (0, 500)}  # Q3: revenue − half of it
    assert shown.page.period.currentData() == "2026-Q3"
    shown.page.period.setCurrentIndex(shown.page.period.findData("2026-Q2"))
    assert bubbles(shown.page) == {"Beta": (0, 450 - 200)}  # Q2: 900 − 450 − the booth
    assert "Alpha: no P&L for Q2 2026" in shown.page.chart.headline.toolTip()


def test_a_click_on_a_bubble_opens_the_account(shown: Shown) -> None:
    chart = shown.page.chart
    target = shown.page.open_item(chart.hit_at(0, 100, 2000).ref)
    assert target == Target("overview", shown.ids["alpha"]) == shown.targets[-1]
    assert chart.open_at_scene(chart.plots[0].vb.mapViewToScene(QPointF(50, 1000))) is None  # no bubble there


def test_gap_list_filters_by_kind_and_opens_items(shown: Shown) -> None:
    panel = shown.page.gaps
    rows = [panel.model.index(n, 0).data(GAP_ROLE) for n in range(panel.model.rowCount())]
    assert [(g.kind, g.account) for g in rows] == [("uncovered_top_goal", "Beta"), ("orphan_spend", "Beta"),
                                                   ("overdue_action", "Beta")]
    assert panel.model.index(0, 0).data() == "Beta — “Beta goal” is #1 on the agenda; no active idea and no money " \
                                             "serve it."
    assert [panel.kind.itemText(n) for n in range(panel.kind.count())] == [
        "All gaps (3)", "Top goals uncovered (1)", "Orphan spend (1)", "Overdue actions (1)"]
    panel.view.activated.emit(panel.model.index(0, 0))
    assert shown.targets[-1] == Target("agenda", shown.ids["beta"], "goals", shown.ids["b-goal"])
    panel.kind.setCurrentIndex(3)
    assert panel.model.rowCount() == 1
    panel.view.activated.emit(panel.model.index(0, 0))
    assert shown.targets[-1] == Target("meetings", shown.ids["beta"], "action_items", shown.ids["b-late"])
    panel.kind.setCurrentIndex(2)  # orphan spend: no Investments page registered here, so it goes nowhere
    count = len(shown.targets)
    panel.view.activated.emit(panel.model.index(0, 0))
    assert len(shown.targets) == count
    assert "not available yet" in panel.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)  # and says so


def test_an_edit_redraws_the_dashboard(shown: Shown) -> None:
    scatter = shown.page.chart.scatter
    shown.session.add("Add idea", "ideas", account_id=shown.ids["beta"], title="Beta idea", stage="adopted")
    idea = edits.rows(shown.wb, "ideas", account_id=shown.ids["beta"])[0]["id"]
    shown.session.add("Link idea", "idea_goals", idea_id=idea, goal_id=shown.ids["b-goal"])
    assert shown.page.chart.scatter is scatter  # updated in place
    assert bubbles(shown.page)["Beta"][0] == pytest.approx(50.0)  # ideas now serve the goal: ½·0 + ½·1 → 50
    assert shown.page.gaps.kind.itemText(0) == "All gaps (2)"
    assert shown.page.gaps.kind.currentIndex() == 0


def test_a_workbook_without_any_pnl_shows_an_empty_state(qtbot: QtBot, tmp_path) -> None:  # noqa: ANN001
    wb = Workbook.create(tmp_path / "empty.immersion")
    try:
        page = DashboardPage()
        qtbot.addWidget(page)
        edits.add(wb, "accounts", name="Solo")
        page.show_context(PageContext(wb, tuple(queries.portfolio_summary(wb))))
        assert page.chart.stack.currentWidget() is page.chart.empty
        assert page.chart.empty.text().startswith("No P&L in this workbook yet")
        assert not page.period.isEnabled()
        assert page.gaps.empty.text().startswith("No gaps") and page.gaps.model.rowCount() == 0
    finally:
        wb.close()
