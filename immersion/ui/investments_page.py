"""The Investments page: the selected account's investment ledger with ROI, payback, goal shares and totals.

Every edit goes through the page context's `EditSession`, so it is undoable and announced: adding and deleting
an investment, a cell edited in place, a field of the side form, a goal's share. Bad input (a negative amount,
an unknown period, text in a number, shares over 100%) is refused where it was typed, with the reason. The
toolbar (investment_toolbar.py) and the table (investment_table.py) say what the user asked for; the page does
it, with what every table page shares (table_page.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget

from immersion.store import edits, finance
from immersion.ui.investment_form import InvestmentForm
from immersion.ui.investment_model import InvestmentFilter, InvestmentModel
from immersion.ui.investment_summary import InvestmentSummary
from immersion.ui.investment_table import InvestmentTable, LedgerDelegate
from immersion.ui.investment_toolbar import InvestmentToolbar
from immersion.ui.pnl_input import check_period, parse_money
from immersion.ui.row_model import Row
from immersion.ui.table_page import TablePage
from immersion.ui.widgets import Caption

if TYPE_CHECKING:
    from immersion.store.workbook import Workbook

CHECKS = {"amount": parse_money, "period": check_period,
          "expected_return": lambda text: parse_money(text, required=False),
          "actual_return": lambda text: parse_money(text, required=False)}


class InvestmentsPage(TablePage):
    """The investments of the selected account."""

    ITEMS = "investments"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._currency = "EUR"
        self._goals: list[dict[str, Any]] = []
        self._ideas: list[dict[str, Any]] = []

        self.model = InvestmentModel(self._edit_cell, self)
        self.filtered = InvestmentFilter(self)
        self.filtered.setSourceModel(self.model)
        self.tools = tools = InvestmentToolbar(self._undo_key, self)
        self._follow_toolbar(self.add_investment, self.delete_investment)
        # The toolbar's widgets keep the page's names for them.
        self.add_button, self.delete_button = tools.add_button, tools.delete_button
        self.text_filter, self.kind_filter = tools.text_filter, tools.kind_filter
        self.status_filter, self.clear_button = tools.status_filter, tools.clear_button
        self.summary = InvestmentSummary(self)
        self.table = InvestmentTable(self)
        self.delegate = LedgerDelegate(lambda: self.model.columns, CHECKS, self.table)
        self.delegate.refused.connect(self.status.setText)
        self.table.setItemDelegate(self.delegate)
        self._connect_table(self.table, self.tr("Investments"))
        self.form = InvestmentForm(self)
        self.form.edited.connect(self._edit_investment)
        self.form.share_edited.connect(self.set_share)
        self.splitter, scroller = self._beside_form(self.form, (960, 290))
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form fits its width
        self.empty_hint = Caption("", self)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.hide()
        self._lay_out([self.tools, self.summary, self.empty_hint], self.splitter, [
            self.add_button, self.delete_button, self.text_filter, self.kind_filter, self.status_filter,
            self.clear_button, self.table, self.form.name], self.add_investment)

    # -- showing ---------------------------------------------------------------------------------------------

    def _load(self, workbook: Workbook | None, account_id: str | None) -> list[Row]:
        """Read the account's investments, and the goals and ideas they may serve, into the model."""
        rows: list[dict[str, Any]] = []
        self._goals, self._ideas = [], []
        if workbook is not None and account_id is not None:
            rows = finance.investments(workbook, account_id)
            self._goals = finance.goal_choices(workbook, account_id)
            self._ideas = finance.idea_choices(workbook, account_id)
            self._currency = finance.account_currency(workbook, account_id)
        self.model.load(rows)
        return rows

    def _after_load(self, rows: list[Row]) -> None:
        self.summary.show_totals(finance.totals(rows, self._currency), self._currency)
        empty = not rows and self._account_id is not None
        self.empty_hint.setVisible(empty)
        self.empty_hint.setText(
            self.tr("No investments yet. Record what you put into this account — trade spend, co-marketing, "
                    "services, people, pilots, capex, discounts — with Add investment (Insert).")
            if self.model.editable else self.tr("No investments yet. This workbook is open read-only."))

    def _fill_form(self, row: Row | None) -> None:
        self.form.set_investment(row, self._goals, self._ideas, self.model.editable)

    def _count_text(self, shown: int, total: int, editable: bool) -> str:
        if self.filtered.is_filtered():
            return self.tr("%1 of %2 investments").replace("%1", str(shown)).replace("%2", str(total))
        return self.tr("1 investment") if total == 1 else self.tr("%1 investments").replace("%1", str(total))

    def _set_filters(self) -> None:
        self.filtered.set_filters(self.kind_filter.currentData(), self.status_filter.currentData(),
                                  self.text_filter.text())

    # -- edits -----------------------------------------------------------------------------------------------

    def _command(self, command: str) -> None:
        if command == "add":
            self.add_investment()
        else:
            self.delete_investment()

    def _menu(self, position: QPoint) -> None:
        self._menu_at(position, [
            (self.tr("Add investment"), "Ins", self.add_investment, self.add_button),
            (self.tr("Delete investment"), "Del", self.delete_investment, self.delete_button),
        ])

    def add_investment(self) -> str | None:
        """Add an investment (of the filtered kind and status, if any), select it and edit its name."""
        session, account_id = self._writable(), self._account_id
        if session is None or account_id is None:
            return None
        values = {"name": self.tr("New investment"), "kind": self.kind_filter.currentData() or "pilot",
                  "status": self.status_filter.currentData() or "planned"}
        changes = session.edit(self.tr("Add investment"),
                               lambda wb: finance.add_investment(wb, account_id, **values))
        if not changes:
            return None
        return self._show_added(changes.items[0].row_id, "name",
                                self.tr("Added an investment — type its name, then its amount and period"))

    def delete_investment(self) -> None:
        """Delete the selected investment (and its goal shares) without asking: it is one undo away."""
        self._delete_selected(
            lambda session, investment_id: session.edit(
                self.tr("Delete investment"), lambda wb: edits.delete(wb, "investments", investment_id)),
            "name", self.tr("Deleted investment “%1” — Undo with %2"))

    def _edit_cell(self, investment_id: str, key: str, value: Any) -> bool:
        return self._edit_investment(investment_id, {key: value})

    def _edit_investment(self, investment_id: str, values: dict[str, Any]) -> bool:
        """One undoable "Edit investment" from a cell or the form."""
        session = self._writable()
        if session is None:
            return False
        done = session.edit(self.tr("Edit investment"),
                            lambda wb: finance.change_investment(wb, investment_id, **values))
        if done:
            self.status.setText("")
        self._catch_up()
        return bool(done)

    def set_share(self, investment_id: str, goal_id: str, share: float) -> bool:
        """One undoable "Set goal share" (0 removes the goal's link)."""
        session = self._writable()
        if session is None:
            return False
        done = session.edit(self.tr("Set goal share"),
                            lambda wb: finance.set_goal_shares(wb, investment_id, {goal_id: share}))
        self._catch_up()
        return bool(done)
