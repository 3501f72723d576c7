"""The portfolio item model and the sidebar on hand-made summaries (no workbook needed)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from immersion.store.queries import AccountSummary
from immersion.ui import formatting
from immersion.ui.portfolio_model import ID_ROLE, SORT_ROLE, Column, PortfolioModel
from immersion.ui.sidebar import PortfolioSidebar


def summary(name: str, tier: str = "key", alignment: float | None = 50.0, **extra: object) -> AccountSummary:
    values: dict[str, object] = {
        "id": name.lower(),
        "name": name,
        "tier": tier,
        "industry": "Retail",
        "alignment": alignment,
        "alignment_reason": None if alignment is not None else "No open goals",
        "alignment_explain": f"Alignment index: {alignment}",
        "open_goals": 3,
        "overdue_actions": 1,
        "last_activity": "2025-03-01T10:00",
        "next_meeting": None,
    }
    values.update(extra)
    return AccountSummary(**values)  # type: ignore[arg-type]


def test_undefined_alignment_is_a_dash_with_the_reason(qtmodeltester) -> None:
    model = PortfolioModel()
    model.set_summaries([summary("Acme", alignment=None), summary("Bolt", alignment=72.6)])
    qtmodeltester.check(model)
    assert model.index(0, Column.ALIGNMENT).data() == formatting.UNDEFINED
    assert "No open goals" in model.index(0, Column.ALIGNMENT).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, Column.ALIGNMENT).data() == "73"
    assert model.index(1, Column.ALIGNMENT).data(Qt.ItemDataRole.ToolTipRole) == "Alignment index: 72.6"
    assert model.index(1, Column.NAME).data(ID_ROLE) == "bolt"
    assert model.index(0, Column.TIER).data() == "Key"
    assert model.headerData(Column.ALIGNMENT, Qt.Orientation.Horizontal) == "Alignment"


def test_sort_values_order_tiers_by_importance_and_undefined_last() -> None:
    model = PortfolioModel()
    model.set_summaries([summary("A", "maintain", None), summary("B", "strategic", 10.0), summary("C", "growth", 90)])
    tier = [model.index(row, Column.TIER).data(SORT_ROLE) for row in range(3)]
    assert tier[1] < tier[2] < tier[0]
    alignment = [model.index(row, Column.ALIGNMENT).data(SORT_ROLE) for row in range(3)]
    assert alignment[0] < alignment[1] < alignment[2]


def test_sorting_moves_rows_and_keeps_persistent_indexes(qtmodeltester) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    model = PortfolioModel()
    qtmodeltester.check(model)
    model.set_summaries([summary("B", alignment=40), summary("A", alignment=None), summary("C", alignment=90)])
    kept = QPersistentModelIndex(model.index(0, Column.NAME))  # "B"
    model.sort(Column.ALIGNMENT, Qt.SortOrder.DescendingOrder)
    assert [model.index(row, 0).data() for row in range(3)] == ["C", "B", "A"]
    assert kept.row() == 1 and kept.data() == "B"
    model.set_summaries([summary("D", alignment=10), summary("E", alignment=99)])  # the order stays
    assert [model.index(row, 0).data() for row in range(2)] == ["E", "D"]


def test_sidebar_sorts_filters_and_keeps_the_selection(qtbot) -> None:
    sidebar = PortfolioSidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_summaries([summary("Zephyr"), summary("Atlas", "strategic"), summary("Mill", "growth")])
    names = [sidebar.proxy.index(row, 0).data() for row in range(3)]
    assert names == ["Atlas", "Mill", "Zephyr"]
    assert sidebar.count_label.text() == "3 accounts"
    with qtbot.waitSignal(sidebar.account_changed) as changed:
        assert sidebar.select_account("mill")
    assert changed.args == ["mill"]
    sidebar.set_summaries([summary("Mill", "growth"), summary("Atlas")])
    assert sidebar.current_account_id() == "mill"
    sidebar.filter.setText("strat")
    assert sidebar.proxy.rowCount() == 0  # Atlas is "key" now
    sidebar.filter.setText("atl")
    assert [sidebar.proxy.index(row, 0).data() for row in range(sidebar.proxy.rowCount())] == ["Atlas"]
    with qtbot.waitSignal(sidebar.account_changed) as cleared:
        sidebar.set_summaries([summary("Atlas")])
    assert cleared.args == [None]


def test_long_names_do_not_break_the_layout(qtbot) -> None:
    from immersion.ui.overview_page import OverviewPage
    from immersion.ui.pages import PageContext

    long_name = "The Extraordinarily Long-Named International Holding of Regional Grocery Cooperatives " * 2
    page = OverviewPage()
    qtbot.addWidget(page)
    page.resize(700, 500)
    page.show_context(PageContext(None, (), summary(long_name, industry="Wholesale " * 20)))
    page.show()
    assert page.minimumSizeHint().width() < 900


def test_smoke_test_counts_qt_warnings_and_exceptions_but_not_the_offscreen_note() -> None:
    import io
    import sys

    from PySide6.QtCore import qWarning

    from immersion.ui.smoke import SmokeTest

    smoke = SmokeTest(out=io.StringIO())
    smoke.install()
    try:
        qWarning("This plugin does not support propagateSizeHints()")
        qWarning("QPainter::begin: Paint device returned engine == 0")
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        smoke.uninstall()
    assert smoke.problems == ["Qt warning: QPainter::begin: Paint device returned engine == 0", "RuntimeError: boom"]


def test_accounts_with_overdue_actions_are_marked(qapp) -> None:  # noqa: ANN001 - icons need the app
    from PySide6.QtCore import Qt

    from immersion.store.queries import AccountSummary

    late = AccountSummary("a", "Late Ltd", "key", None, None, "No open goals", "", 0, 2, None, None)
    fine = AccountSummary("b", "Fine Ltd", "key", None, None, "No open goals", "", 0, 0, None, None)
    model = PortfolioModel()
    model.set_summaries([late, fine])
    assert model.index(0, Column.NAME).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(1, Column.NAME).data(Qt.ItemDataRole.DecorationRole) is None
    assert "2 overdue action items" in model.index(0, Column.NAME).data(Qt.ItemDataRole.ToolTipRole)
