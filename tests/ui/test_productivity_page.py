"""The financial productivity page: computed off the GUI thread, sortable, filterable, a click away from an account."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from immersion.store import edits, finance, pnl, queries
from immersion.store import portfolio_table as store_table
from immersion.store.workbook import Workbook
from immersion.ui import productivity_page
from immersion.ui.edit_session import EditSession
from immersion.ui.pages import PageContext, Target
from immersion.store.portfolio_table import AccountFigures
from immersion.ui.investment_portfolio_model import AccountTableModel, account_row
from immersion.ui.productivity_page import ProductivityPage
from immersion.ui.row_model import ID_ROLE


@pytest.fixture
def accounts(wb: Workbook) -> dict[str, str]:
    ids = {}
    for name, tier, currency, spent, returned in (("Alpha", "key", "EUR", 50_000.0, 100_000.0),
                                                  ("Bravo", "strategic", "GBP", 10_000.0, 40_000.0),
                                                  ("Charlie", "growth", "EUR", 20_000.0, 10_000.0)):
        account = edits.add(wb, "accounts", name=name, tier=tier, currency=currency).items[0].row_id
        pnl.put_financials(wb, account, [("2026-Q1", {"revenue": 1_000_000, "cost_of_goods": 600_000})])
        finance.add_investment(wb, account, name="Pilot", kind="pilot", status="spent", amount=spent,
                               actual_return=returned, period="2026-Q1")
        ids[name] = account
    return ids


def open_page(qtbot: QtBot, wb: Workbook, navigate: list[Target] | None = None) -> ProductivityPage:
    context = PageContext(wb, tuple(queries.portfolio_summary(wb)), None, EditSession(wb),
                          navigate.append if navigate is not None else None)
    page = ProductivityPage(None)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    with qtbot.waitSignal(page.computed, timeout=20_000):
        page.show_context(context)
    page.window_choice.setCurrentIndex(page.window_choice.findData("2026"))
    with qtbot.waitSignal(page.computed, timeout=20_000):
        page.refresh()
    return page


def names(page: ProductivityPage) -> list[str]:
    proxy = page.filtered
    return [proxy.index(n, 0).data() for n in range(proxy.rowCount())]


def test_rows_sorting_filters_and_navigation(qtbot: QtBot, qtmodeltester: ModelTester, wb: Workbook,
                                            accounts: dict[str, str]) -> None:
    targets: list[Target] = []
    page = open_page(qtbot, wb, targets)
    qtmodeltester.check(page.accounts)
    qtmodeltester.check(page.filtered)
    qtmodeltester.check(page.kinds)
    # Sorted by ROI, best first: Bravo (40,000 − 10,000) ÷ 10,000 = +300%, Alpha +100%, Charlie −50%.
    assert names(page) == ["Bravo", "Alpha", "Charlie"]
    model = page.accounts
    bravo = model.row(model.row_of(accounts["Bravo"]))
    assert model.index(model.row_of(accounts["Bravo"]), model.column_of("roi")).data() == "+300.0%"
    # 1,000,000 − 600,000 − 10,000 spent = 390,000, in pounds.
    assert model.index(model.row_of(accounts["Bravo"]), model.column_of("contribution")).data() == "£390,000"
    assert bravo["per_unit"] == {"pilot": 4.0}
    assert model.index(model.row_of(accounts["Bravo"]), model.column_of("kind:pilot")).data() == "4.00×"
    # By kind: pilot in GBP 4.00×; pilot in EUR (100,000 + 10,000) ÷ (50,000 + 20,000) = 1.57×.
    kinds = [(page.kinds.row(n)["currency"], page.kinds.index(n, page.kinds.column_of("per_unit")).data())
             for n in range(page.kinds.rowCount())]
    assert kinds == [("GBP", "4.00×"), ("EUR", "1.57×")]
    assert "EUR: 2 accounts" in page.totals.text() and "GBP: 1 account ·" in page.totals.text()

    page.account_table.setCurrentIndex(page.filtered.index(2, 0))  # Charlie, the worst ROI
    page.account_table.sortByColumn(model.column_of("name"), Qt.SortOrder.AscendingOrder)
    assert names(page) == ["Alpha", "Bravo", "Charlie"]
    assert page.account_table.currentIndex().data(ID_ROLE) == accounts["Charlie"]  # the selection follows
    page.account_table.sortByColumn(model.column_of("kind:pilot"), Qt.SortOrder.DescendingOrder)
    assert names(page) == ["Bravo", "Alpha", "Charlie"]  # 4.00×, 2.00×, 0.50×
    page.tier_filter.setCurrentIndex(page.tier_filter.findData("strategic"))
    assert names(page) == ["Bravo"] and page.count.text() == "1 of 3 accounts"
    page.clear_filters()
    page.text_filter.setText("char")
    assert names(page) == ["Charlie"]
    page.account_table.clicked.emit(page.filtered.index(0, 0))
    assert targets == [Target("investments", accounts["Charlie"])]
    page.show_columns("kinds")
    assert page.account_table.isColumnHidden(model.column_of("revenue"))
    assert not page.account_table.isColumnHidden(model.column_of("kind:pilot"))


def test_the_table_is_computed_on_a_pool_thread_with_its_own_connection(
        qtbot: QtBot, wb: Workbook, accounts: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, bool, bool]] = []
    real = store_table.portfolio_table

    def slow(workbook: Workbook, *args: object, **kwargs: object) -> store_table.PortfolioTable:
        seen.append((threading.current_thread().name, workbook is wb, workbook.read_only))
        time.sleep(0.4)  # longer than a blink: the progress bar shows
        return real(workbook, *args, **kwargs)

    monkeypatch.setattr(store_table, "portfolio_table", slow)
    page = ProductivityPage(None)
    qtbot.addWidget(page)
    page.show()
    context = PageContext(wb, tuple(queries.portfolio_summary(wb)), None, None)
    with qtbot.waitSignal(page.computed, timeout=20_000):
        page.show_context(context)
        assert page.is_busy()
        qtbot.waitUntil(page.progress.isVisible)
    assert not page.is_busy() and not page.progress.isVisible() and page.accounts.rowCount() == 3
    [(thread, same, read_only)] = seen
    assert thread != threading.main_thread().name and not same and read_only


def test_an_edit_brings_fresh_numbers_and_stale_answers_are_dropped(qtbot: QtBot, wb: Workbook,
                                                                   accounts: dict[str, str]) -> None:
    page = open_page(qtbot, wb)
    finance.add_investment(wb, accounts["Charlie"], name="Audit", kind="service", status="spent",
                           amount=10_000.0, actual_return=50_000.0, period="2026-02")
    context = PageContext(wb, tuple(queries.portfolio_summary(wb)), None, None)
    with qtbot.waitSignal(page.computed, timeout=20_000):
        page.show_context(context)
        page.show_context(context)  # two requests in a row: only the newest answer is shown
    charlie = page.accounts.row(page.accounts.row_of(accounts["Charlie"]))
    # Returns 10,000 + 50,000 on 20,000 + 10,000: (60,000 − 30,000) ÷ 30,000 = +100%.
    assert charlie["roi"] == pytest.approx(1.0) and charlie["best_kind"] == "service"
    assert page.account_table.model().index(0, 0).data(ID_ROLE) in accounts.values()


def test_no_workbook_shows_nothing(qtbot: QtBot) -> None:
    page = ProductivityPage(None)
    qtbot.addWidget(page)
    page.show_context(PageContext(None))
    assert page.accounts.rowCount() == 0 and not page.is_busy()
    assert productivity_page.BUSY_DELAY_MS <= 150


def test_undefined_numbers_sort_last_both_ways(qtmodeltester: ModelTester) -> None:
    def figures(name: str, roi: float | None) -> AccountFigures:
        return AccountFigures(id=name, name=name, tier="key", currency="EUR", revenue=0.0, contribution=0.0,
                              spent=0.0, invested=0.0, returned=0.0, with_return=0.0, actual_part=0.0, roi=roi,
                              alignment=None)

    model = AccountTableModel()
    model.set_rows([account_row(figures(n, r)) for n, r in (("A", 0.5), ("B", None), ("C", -0.2), ("D", 2.0))])
    qtmodeltester.check(model)
    column = model.column_of("roi")
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert [row["name"] for row in model.rows()] == ["D", "A", "C", "B"]
    model.sort(column, Qt.SortOrder.AscendingOrder)
    assert [row["name"] for row in model.rows()] == ["C", "A", "D", "B"]
