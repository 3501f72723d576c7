"""The Alignment page on a small account: charts from the store, coaching links, clicks, redraws after edits.

The account: goals A (priority 3), B (priority 1, unconfirmed), D (priority 2, nothing behind it); ideas x
(adopted → A), y (piloting for 120 days → B) and z (captured, no goal); money m (spent 1,000 in Q3, all to A);
P&L for Q2 and Q3 2026; a sceptical key stakeholder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from pytestqt.qtbot import QtBot

from immersion.charts import export
from immersion.domain.charts_data import ItemRef
from immersion.domain.coaching import TipKind
from immersion.store import edits, queries
from immersion.store.workbook import Workbook
from immersion.ui import chart_card
from immersion.ui.agenda_page import AgendaPage
from immersion.ui.alignment_page import AlignmentPage
from immersion.ui.edit_session import EditSession
from immersion.ui.pages import PageContext, Target

LONG_AGO = (dt.date.today() - dt.timedelta(days=120)).isoformat()


@dataclass
class Shown:
    page: AlignmentPage
    wb: Workbook
    session: EditSession
    ids: dict[str, str]
    targets: list[Target] = field(default_factory=list)

    def context(self) -> PageContext:
        portfolio = tuple(queries.portfolio_summary(self.wb))
        account = next(s for s in portfolio if s.id == self.ids["account"])
        return PageContext(self.wb, portfolio, account, self.session, self.targets.append)

    def refresh(self) -> None:
        self.page.show_context(self.context())


@pytest.fixture
def pages_built(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """Pretend that exactly the given pages exist, whatever this version has registered so far."""
    def build(*names: str) -> None:
        monkeypatch.setattr(chart_card, "registered", lambda name: name in names)

    build("agenda", "overview", "relationships", "ideas")
    return build


@pytest.fixture
def shown(qtbot: QtBot, wb: Workbook, pages_built) -> Shown:  # noqa: ANN001
    ids: dict[str, str] = {}

    def add(key: str, table: str, **values: object) -> str:
        ids[key] = edits.add(wb, table, **values).items[0].row_id
        return ids[key]

    acc = add("account", "accounts", name="Harbour Bank")
    for key, priority, rank, status in (("A", 3, 0, "confirmed"), ("B", 1, 1, "unconfirmed"),
                                        ("D", 2, 2, "confirmed")):
        add(key, "goals", account_id=acc, title=f"Goal {key}", priority=priority, rank=rank, status=status,
            category="strategic")
    add("x", "ideas", account_id=acc, title="Idea x", stage="adopted", customer_value=4, our_value=5)
    add("y", "ideas", account_id=acc, title="Idea y", stage="piloting", stage_changed_at=LONG_AGO)
    add("z", "ideas", account_id=acc, title="Idea z", stage="captured")
    edits.add(wb, "idea_goals", idea_id=ids["x"], goal_id=ids["A"], strength=3)
    edits.add(wb, "idea_goals", idea_id=ids["y"], goal_id=ids["B"], strength=3)
    add("m", "investments", account_id=acc, name="Money m", kind="pilot", status="spent", amount=1000,
        period="2026-Q3", actual_return=1500)
    edits.add(wb, "investment_goals", investment_id=ids["m"], goal_id=ids["A"], share=1.0)
    add("q2", "financials", account_id=acc, period="2026-Q2", revenue=800, cost_of_goods=300)
    add("q3", "financials", account_id=acc, period="2026-Q3", revenue=1000, cost_of_goods=400)
    add("sceptic", "stakeholders", account_id=acc, name="Martin Achterberg", influence=5, stance="sceptic",
        last_contact=dt.date.today().isoformat())
    page = AlignmentPage()
    qtbot.addWidget(page)
    result = Shown(page, wb, EditSession(wb), ids)
    result.session.changed.connect(lambda _changes: result.refresh())  # what the workspace does after an edit
    result.refresh()
    page.resize(1200, 2400)
    page.show()
    qtbot.waitExposed(page)
    return result


def test_page_draws_every_chart_from_the_workbook(shown: Shown) -> None:
    page, ids = shown.page, shown.ids
    # Ideas: x 1 (A), y .85 (B), z .25 unlinked → 2.1; money: 1,000 all to A. Halves ½ each.
    np.testing.assert_allclose(page.matrix.idea_image.image, [[0.5 / 2.1, 0, 0], [0, 0.5 * 0.85 / 2.1, 0],
                                                              [0, 0, 0], [0, 0, 0.5 * 0.25 / 2.1]])
    np.testing.assert_allclose(page.matrix.money_image.image, [[0.5], [0], [0], [0]])
    assert list(page.matrix.gap_bands.opts["y"]) == [2]  # Goal D
    assert page.profile.headline.text().startswith("Alignment index")
    assert len(page.quadrant.scatter.data) == 3
    assert list(page.pnl.bars.opts["height"])[-1] == 400  # Q3: 1,000 − 400 − 1,000 spent = −400
    assert list(page.returns.actual.opts["width"]) == [50]  # (1,500 − 1,000) ÷ 1,000
    assert page.period.currentData() == "2026-Q3" and page.period.count() == 2
    kinds = [row.tip.kind for row in page.coaching.rows]
    assert kinds == [TipKind.UNCOVERED_TOP_GOAL, TipKind.KEY_STAKEHOLDER, TipKind.STALLED_PILOT]
    assert page.coaching.rows[0].tip.ref_id == ids["D"]


def test_coaching_rules_and_chart_clicks_navigate(qtbot: QtBot, shown: Shown, pages_built) -> None:  # noqa: ANN001
    page, ids, acc = shown.page, shown.ids, shown.ids["account"]
    page.coaching.rows[0].activated.emit(page.coaching.rows[0].target)
    assert shown.targets[-1] == Target("agenda", acc, "goals", ids["D"])
    assert page.coaching.rows[1].target == Target("relationships", acc, "stakeholders", ids["sceptic"])
    page.matrix.open_at_scene(_scene(page, 0, 0))  # a click on the cell of idea x and goal A
    assert shown.targets[-1] == Target("ideas", acc, "ideas", ids["x"])
    assert page.open_item(ItemRef("goals", ids["B"], acc)) == Target("agenda", acc, "goals", ids["B"])
    pages_built("agenda")  # no Ideas page in this version: the idea leads nowhere, and says so
    shown.refresh()
    before = len(shown.targets)
    assert page.open_item(ItemRef("ideas", ids["x"], acc)) is None
    assert page.matrix.open_at_scene(_scene(page, 0, 0)) is None and len(shown.targets) == before
    assert not page.matrix.describe(page.matrix.hit_at(0, 0, 0)).endswith("Click to open it.")
    assert page.coaching.rows[-1].target is None  # the stalled pilot's page is missing too


def _scene(page: AlignmentPage, x: float, y: float) -> QPointF:
    """Where data point (x, y) of the matrix lies in its scene, for a click."""
    return page.matrix.plots[0].vb.mapViewToScene(QPointF(x, y))


def test_an_edit_on_the_agenda_page_changes_the_matrix(qtbot: QtBot, shown: Shown) -> None:
    agenda = AgendaPage()
    qtbot.addWidget(agenda)
    shown.session.changed.connect(lambda _changes: agenda.show_context(shown.context()))
    agenda.show_context(shown.context())
    matrix = shown.page.matrix
    image = matrix.idea_image  # updated in place, never rebuilt
    assert matrix.rows_axis.labels[:3] == ["1. Goal A", "2. Goal B", "3. Goal D"]
    agenda.select_goal(shown.ids["D"])
    assert agenda.move_selected(-1)  # the user moves D above B on the agenda
    assert matrix.rows_axis.labels[:3] == ["1. Goal A", "2. Goal D", "3. Goal B"]
    assert matrix.idea_image is image
    np.testing.assert_allclose(image.image[:, 1], [0, 0, 0.5 * 0.85 / 2.1, 0])  # y's cell moved with B
    # Linking z to D through the session: the "No goal" row goes, D's cell fills and D is no gap any more.
    shown.session.add("Link idea", "idea_goals", idea_id=shown.ids["z"], goal_id=shown.ids["D"], strength=3)
    z = matrix.columns_axis.labels.index("Idea z")
    assert z == 1  # columns follow the rows they serve: z now serves the second goal, D
    assert matrix.data.value(1, z) == pytest.approx(0.5 * 0.25 / 2.1)
    assert image.image.shape == (3, 3) and image.image[1, z] == pytest.approx(0.5 * 0.25 / 2.1)
    assert list(matrix.gap_bands.opts["y"]) == []
    shown.session.undo_stack.undo()
    assert list(matrix.gap_bands.opts["y"]) == [1]


def test_period_and_bubble_size_choices_redraw(shown: Shown) -> None:
    page = shown.page
    page.period.setCurrentIndex(page.period.findData("2026-Q2"))
    assert list(page.pnl.bars.opts["height"]) == [800, 300, 0, 0, 0, 500]  # Q2: 800 − 300
    sizes = list(page.quadrant.scatter.data["size"])
    page.size_by.setCurrentIndex(1)  # by money: no idea has money behind it, so all are smallest
    assert list(page.quadrant.scatter.data["size"]) != sizes
    assert len(set(page.quadrant.scatter.data["size"])) == 1
    shown.refresh()  # an edit elsewhere keeps the user's choices
    assert page.period.currentData() == "2026-Q2" and page.size_by.currentIndex() == 1


def test_an_account_with_nothing_yet_shows_empty_states(qtbot: QtBot, wb: Workbook, shown: Shown) -> None:
    blank = edits.add(wb, "accounts", name="Blank Ltd").items[0].row_id
    portfolio = tuple(queries.portfolio_summary(wb))
    shown.page.show_context(PageContext(wb, portfolio, next(s for s in portfolio if s.id == blank), shown.session))
    for chart in shown.page.charts:
        assert chart.stack.currentWidget() is chart.empty and chart.empty.text()
    assert shown.page.coaching.rows == [] and shown.page.coaching.hint.text().startswith("Nothing to point out")
    assert not shown.page.period.isEnabled()


def test_save_a_chart_from_its_card(shown: Shown, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(export, "ask_save_path", lambda *_args: str(tmp_path / "matrix.svg"))
    assert shown.page.cards["matrix"].save("svg") == str(tmp_path / "matrix.svg")
    assert "Goal A" in (tmp_path / "matrix.svg").read_text(encoding="utf-8")


def test_cards_stack_in_one_column_when_the_page_is_narrow(shown: Shown) -> None:
    grid = shown.page.grid
    assert grid.getItemPosition(grid.indexOf(shown.page.cards["profile"]))[:2] == (0, 1)  # beside the coaching
    shown.page.resize(700, 3000)
    assert grid.getItemPosition(grid.indexOf(shown.page.cards["profile"]))[:2] == (1, 0)  # below it
    assert grid.getItemPosition(grid.indexOf(shown.page.cards["pnl"]))[:2] == (5, 0)
