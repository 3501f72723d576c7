"""The account P&L page: pasting spreadsheet ranges, typing figures, contribution and its trend, undo."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from ui_helpers import open_on_account

from immersion.store import edits, finance, pnl
from immersion.store.workbook import Workbook
from immersion.ui.edit_session import EditSession
from immersion.ui.pnl_page import PnlPage

EIGHT_QUARTERS = "".join(
    f"{2025 + n // 4}-Q{n % 4 + 1}\t{1_000_000 + 100_000 * n:,}\t600,000\t100,000\t50,000\n" for n in range(8))


@dataclass
class Grid:
    page: PnlPage
    session: EditSession
    account: str

    def stored(self) -> dict[str, dict]:
        return {r["period"]: r for r in edits.rows(self.session.workbook, "financials")}

    def shown(self, period: str, key: str) -> str:
        model = self.page.model
        row = next(n for n in range(model.rowCount()) if model.row(n)["period"] == period)
        return model.index(row, model.column_of(key)).data()

    def contribution(self, period: str) -> float:
        return next(r["contribution"] for r in self.page.model.rows() if r["period"] == period)


def open_page(qtbot: QtBot, wb: Workbook, account: str, read_only: bool = False) -> Grid:
    page = PnlPage(None)
    session, _context = open_on_account(qtbot, wb, page, account, read_only)
    return Grid(page, session, account)


@pytest.fixture
def grid(qtbot: QtBot, wb: Workbook) -> Grid:
    return open_page(qtbot, wb, edits.add(wb, "accounts", name="Harbour Bank", currency="EUR").items[0].row_id)


def paste(qtbot: QtBot, grid: Grid, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    grid.page.table.setFocus()
    qtbot.keyClick(grid.page.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_paste_eight_quarters_then_see_contribution_change_and_undo(qtbot: QtBot, grid: Grid) -> None:
    page, stack = grid.page, grid.session.undo_stack
    paste(qtbot, grid, EIGHT_QUARTERS)
    assert stack.count() == 1 and stack.undoText() == "Paste 8 periods"
    assert page.model.rowCount() == 8 and len(grid.stored()) == 8
    assert "Pasted 8 periods: 8 new, 0 updated" in page.status.text()
    # 2026-Q4 is the eighth line: revenue 1,000,000 + 7 × 100,000 = 1,700,000;
    # 1,700,000 − 600,000 − 100,000 − 50,000 − 0 spent = 950,000.
    assert grid.contribution("2026-Q4") == 950_000 and grid.shown("2026-Q4", "contribution") == "€950,000"
    assert grid.shown("2026-Q4", "gross_margin") == "€1,100,000"
    assert page.trend._points[-1] == ("Q4 2026", 950_000)  # noqa: SLF001

    # A spent investment in a month of 2026-Q4 lowers that quarter's contribution: 950,000 − 40,000.
    finance.add_investment(grid.session.workbook, grid.account, name="Nov promo", status="spent",
                           amount=40_000.0, period="2026-11")
    page.show_context(page._context)  # noqa: SLF001 - the window refreshes the page after any edit
    assert grid.contribution("2026-Q4") == 910_000 and grid.shown("2026-Q4", "investments_spent") == "€40,000"

    # Pasting again updates in place, in one more step.
    paste(qtbot, grid, "2026-Q4\t2,000,000\n")
    assert stack.undoText() == "Paste 1 period" and grid.stored()["2026-Q4"]["revenue"] == 2_000_000
    assert grid.stored()["2026-Q4"]["cost_of_goods"] == 600_000  # the cells not pasted keep their figures
    # 2,000,000 − 600,000 − 100,000 − 50,000 − 40,000 = 1,210,000.
    assert grid.contribution("2026-Q4") == 1_210_000
    stack.undo()
    assert grid.contribution("2026-Q4") == 910_000
    stack.undo()
    assert page.model.rowCount() == 0 and grid.stored() == {}
    stack.redo()
    assert page.model.rowCount() == 8


@pytest.mark.parametrize(("text", "words"), [
    ("2026-Q1\t1,000\t12x\n", "row 1, column 3 (Cost of goods): “12x” is not a number"),
    ("Period\tRevenue\n2026-Q1\t5\n2026-13\t7\n", "row 3, column 1 (Period)"),
    ("2026-Q1\t1\n2026-q1\t2\n", "2026-Q1 is pasted twice"),
    ("2026-Q1\t-5\n", "negative"),
    ("2026-Q1\t1\t2\t3\t4\t5\t6\n", "at most four figures"),
])
def test_a_bad_cell_refuses_the_whole_paste(qtbot: QtBot, grid: Grid, text: str, words: str) -> None:
    paste(qtbot, grid, text)
    assert words in grid.page.status.text() and "Nothing was pasted" in grid.page.status.text()
    assert grid.stored() == {} and grid.session.undo_stack.count() == 0


def test_a_header_row_is_skipped_and_a_block_fills_the_selected_cells(qtbot: QtBot, grid: Grid) -> None:
    paste(qtbot, grid, "Period\tRevenue\tCost of goods\n2026-Q1\t100\t40\n2026-Q2\t200\t80\n")
    assert "Pasted 2 periods" in grid.page.status.text()
    page, model = grid.page, grid.page.model
    # Four figures pasted onto the revenue cell of 2026-Q1 fill both rows, left to right.
    page.table.selectionModel().setCurrentIndex(model.index(0, model.column_of("revenue")),
                                                QItemSelectionModel.SelectionFlag.ClearAndSelect)
    paste(qtbot, grid, "1,000\t400\t100\t(50)\n2,000\t800\t200\t\n")
    assert grid.session.undo_stack.undoText() == "Paste 2 periods"
    q1, q2 = grid.stored()["2026-Q1"], grid.stored()["2026-Q2"]
    assert (q1["revenue"], q1["cost_of_goods"], q1["cost_to_serve"], q1["other_costs"]) == (1000, 400, 100, -50)
    assert (q2["revenue"], q2["other_costs"]) == (2000, 0)  # an empty cell leaves the figure as it was
    # 1,000 − 400 − 100 − (−50) = 550 (other costs may be a credit).
    assert grid.contribution("2026-Q1") == 550
    page.table.selectionModel().setCurrentIndex(model.index(1, model.column_of("revenue")),
                                                QItemSelectionModel.SelectionFlag.ClearAndSelect)
    paste(qtbot, grid, "1\n2\n")  # two rows from the last one run past the grid
    assert "run past the last period" in page.status.text()


def test_typing_figures_is_checked_and_undoable(qtbot: QtBot, grid: Grid) -> None:
    page, model = grid.page, grid.page.model
    offered = pnl.next_period(grid.session.workbook, grid.account)
    qtbot.keyClick(page.table, Qt.Key.Key_Insert)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == offered
    editor.setText("2026-q2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "2026-Q2" in grid.stored())
    page.table.setCurrentIndex(model.index(0, model.column_of("revenue")))
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("lots")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor and "“lots” is not a number" in page.status.text()
    editor.setText("1,250,000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.stored()["2026-Q2"]["revenue"] == 1_250_000)
    assert grid.contribution("2026-Q2") == 1_250_000
    stack = grid.session.undo_stack
    assert [stack.text(n) for n in range(stack.count())] == ["Add period", "Edit P&L", "Edit P&L"]
    stack.undo()
    assert grid.contribution("2026-Q2") == 0
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert grid.stored() == {} and stack.undoText() == "Delete 1 period"


def test_copy_quarter_view_models_focus_and_read_only(qtbot: QtBot, qtmodeltester: ModelTester,
                                                       wb: Workbook) -> None:
    account = edits.add(wb, "accounts", name="Harbour Bank").items[0].row_id
    pnl.put_financials(wb, account, [("2026-01", {"revenue": 100.0}), ("2026-02", {"revenue": 250.5}),
                                         ("2026-Q2", {"revenue": 400.0})])
    grid = open_page(qtbot, wb, account, read_only=True)
    page, model = grid.page, grid.page.model
    qtmodeltester.check(model)
    assert not page.paste_button.isEnabled() and not page.add_button.isEnabled()
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    page.table.setFocus()
    page.table.selectAll()
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[1].split("\t")[:2] == ["2026-02", "250.5"] and len(lines) == 3
    february = edits.rows(wb, "financials", period="2026-02")[0]["id"]
    page.view.setCurrentIndex(1)  # by quarter: January and February add up into Q1
    assert [(r["period"], r["revenue"]) for r in model.rows()] == [("2026-Q1", 350.5), ("2026-Q2", 400.0)]
    qtmodeltester.check(model)
    assert page.focus_item("financials", february) and not page.by_quarter()
    assert page.table.currentIndex().row() == 1
    assert not page.focus_item("financials", "nope") and not page.focus_item("investments", february)
