"""The account P&L page: a grid of periods × figures, pasted from a spreadsheet or typed, and its trend.

Revenue, cost of goods, cost to serve and other costs are entered per period (quarters or months); gross
margin, investments spent in the period and contribution are computed as DESIGN.md defines them. Ctrl+V takes a
spreadsheet range — whole rows with their periods, or a block of figures onto the selected cell — as ONE
undoable step ("Paste 8 periods"); a cell that is not a number, or a bad period, refuses the whole paste with a
message naming its row and column. The quarterly view adds months up into their quarters (read-only).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from immersion.store import edits, finance, pnl
from immersion.store.finance import NEGATIVE_ALLOWED, PNL_FIELDS
from immersion.ui import formatting
from immersion.ui.account_page import AccountPage
from immersion.ui.investment_fields import error_colour
from immersion.ui.pnl_input import CheckedDelegate, check_period, parse_money
from immersion.ui.pnl_model import PnlModel, PnlTable
from immersion.ui.pnl_paste import PasteError, plan_paste
from immersion.ui.pnl_trend import TrendChart
from immersion.ui.row_model import ID_ROLE
from immersion.ui.table_toolbar import TableToolbar
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption, Card, Heading

CURRENT = QItemSelectionModel.SelectionFlag.ClearAndSelect


def _checks() -> dict[str, Callable[[str], Any]]:
    checks: dict[str, Callable[[str], Any]] = {"period": check_period}
    for key in PNL_FIELDS:
        checks[key] = lambda text, key=key: parse_money(text, negative=key in NEGATIVE_ALLOWED)
    return checks


class PnlPage(AccountPage):
    """The P&L of the selected account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PnlModel(self._edit_cell, self)
        self.tools = self._build_tools()
        self.table = PnlTable(self)
        self.table.setModel(self.model)
        self.delegate = CheckedDelegate(lambda: self.model.columns, _checks(), self.table)
        self.delegate.refused.connect(lambda text: self._say(text, error=True))
        self.table.setItemDelegate(self.delegate)
        self.table.setAccessibleName(self.tr("Account P&L"))
        self.table.set_columns(self.model.columns, formatting.money_text(-8_888_888, "EUR"))
        self.table.command.connect(self._command)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.trend = TrendChart(self)
        self.unbooked = Caption("", self)
        trend_card = Card(self)
        card = QVBoxLayout(trend_card)
        card.setContentsMargins(14, 10, 14, 10)
        card.setSpacing(4)
        heading = Heading(self.tr("Contribution per period"), 1.0, trend_card)
        heading.setToolTip(self.model.header_tip("contribution"))
        card.addWidget(heading)
        card.addWidget(self.trend)
        card.addWidget(self.unbooked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN)
        layout.setSpacing(8)
        layout.addWidget(self.tools)
        layout.addWidget(self.table, 3)
        layout.addWidget(trend_card, 2)
        self.setFocusProxy(self.table)
        self._update_actions()

    def _build_tools(self) -> TableToolbar:
        tools = TableToolbar(self)
        self.add_button = tools.new_button(
            self.tr("Add period"), self.tr("Add the period after the last one (Insert); type over it to choose "
                                           "another"), self.add_period)
        self.delete_button = tools.new_button(
            self.tr("Delete"), self.tr("Delete the periods of the selected cells (Delete)"), self.delete_periods)
        self.paste_button = tools.new_button(self.tr("Paste"), self.tr(
            "Paste a spreadsheet range (Ctrl+V): rows that start with their periods (e.g. 2026-Q1, revenue, cost "
            "of goods, cost to serve, other costs), or a block of figures onto the selected cell. One undo step."),
            self.paste)
        self.view = QComboBox(tools)
        self.view.addItem(self.tr("Periods as entered"), False)
        self.view.addItem(self.tr("By quarter (months added up)"), True)
        self.view.setToolTip(self.tr("Show the periods as they were entered, or add months up into their "
                                     "quarters (read-only)"))
        self.view.setAccessibleName(self.tr("View"))
        self.view.currentIndexChanged.connect(lambda _index: self._reload())
        self.count, self.status = tools.count, tools.status
        tools.arrange([[self.add_button, self.delete_button, self.paste_button]], [self.view], spacing=6)
        return tools

    # -- showing ---------------------------------------------------------------------------------------------

    def _account_changed(self) -> None:
        self._say("")

    def _failed(self, text: str) -> None:
        self._say(text, error=True)

    def by_quarter(self) -> bool:
        return bool(self.view.currentData())

    def _reload(self) -> None:
        self._stale = False
        workbook, account_id = self._context.workbook, self._account_id
        current = self.table.currentIndex()
        current_id, column = current.data(ID_ROLE), max(current.column(), 0)
        rows: list[dict[str, Any]] = []
        unbooked: list[dict[str, Any]] = []
        currency = ""
        if workbook is not None and account_id is not None:
            view = pnl.pnl(workbook, account_id, by_quarter=self.by_quarter())
            rows, unbooked = view.rows, view.unbooked
            currency = finance.account_currency(workbook, account_id)
        editable = self._session is not None and not self._session.read_only and not self.by_quarter()
        self.model.load(rows, currency, editable)
        widest = max((abs(row[key]) for row in rows for key in (*PNL_FIELDS, "contribution")), default=0.0)
        self.table.set_columns(self.model.columns, formatting.money_text(-max(widest, 8_888_888), currency))
        if current_id and self.model.row_of(current_id) >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(self.model.row_of(current_id), column), CURRENT)
        self.trend.set_points([(row["label"], row["contribution"]) for row in rows], currency)
        if unbooked:
            items = ", ".join(f"{item['name']} ({item['period']}, {formatting.money_text(item['amount'], currency)})"
                              for item in unbooked)
            self.unbooked.setText(self.tr("Spent in periods without a P&L row (not in any contribution above): %1")
                                  .replace("%1", items))
        self.unbooked.setVisible(bool(unbooked))
        self._update_actions()

    def _update_actions(self) -> None:
        editable = self._can_edit()
        self.add_button.setEnabled(editable)
        self.paste_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and bool(self._selected_ids()))
        total = self.model.rowCount()
        text = self.tr("1 period") if total == 1 else self.tr("%1 periods").replace("%1", str(total))
        if not total and editable:
            text = self.tr("No P&L yet: add a period, or copy rows from a spreadsheet (period, revenue, cost of "
                           "goods, cost to serve, other costs) and press Ctrl+V here")
        elif self.by_quarter():
            text += " · " + self.tr("added up by quarter; switch to periods as entered to edit")
        elif editable:
            text += " · " + self.tr("type over a cell, or paste a spreadsheet range with Ctrl+V")
        self.count.setText(text)

    def _say(self, text: str, error: bool = False) -> None:
        palette = self.status.palette()
        colour = error_colour() if error else self.palette().color(QPalette.ColorRole.PlaceholderText)
        palette.setColor(self.status.foregroundRole(), colour)
        self.status.setPalette(palette)
        self.status.setText(text)
        self.status.setToolTip(text)

    def focus_item(self, table: str, row_id: str) -> bool:
        """Select the P&L row `row_id` (switching to periods as entered if needed)."""
        if table != "financials":
            return False
        if self.by_quarter():
            self.view.setCurrentIndex(0)
        if self.model.row_of(row_id) < 0 and self._context.workbook is not None:
            self._reload()
        row = self.model.row_of(row_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(index, CURRENT)
        self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    # -- edits -----------------------------------------------------------------------------------------------

    def _command(self, command: str) -> None:
        {"paste": self.paste, "copy": self.copy, "add": self.add_period, "delete": self.delete_periods}[command]()

    def _selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedIndexes()})
        return [self.model.row(row)["id"] for row in rows if self.model.row(row)["id"]]

    def add_period(self) -> str | None:
        """Add the period after the last one and start editing it (type over it to pick another)."""
        session, account_id = self._writable(), self._account_id
        if session is None or account_id is None:
            return None
        changes = session.edit(self.tr("Add period"), lambda wb: pnl.add_period(
            wb, account_id, pnl.next_period(wb, account_id)))
        if not changes:
            return None
        self._catch_up()
        row_id = changes.items[0].row_id
        self.focus_item("financials", row_id)
        self.table.edit(self.table.currentIndex())
        self._say(self.tr("Added %1 — type over it to choose another period").replace(
            "%1", changes.items[0].after["period"] if changes.items[0].after else ""))
        return row_id

    def delete_periods(self) -> None:
        """Delete the periods of the selected cells in one undoable step."""
        session, ids = self._writable(), self._selected_ids()
        if session is None or not ids:
            return
        what = self.tr("1 period") if len(ids) == 1 else self.tr("%1 periods").replace("%1", str(len(ids)))
        if session.edit(self.tr("Delete %1").replace("%1", what),
                        lambda wb: edits.delete(wb, "financials", *ids)):
            self._catch_up()
            self._say(self.tr("Deleted %1 — Undo with Ctrl+Z").replace("%1", what))

    def paste(self, text: str | None = None) -> bool:
        """Paste `text` (the clipboard's by default) as one undoable step; returns whether anything changed."""
        session, account_id = self._writable(), self._account_id
        if session is None or account_id is None:
            if self.by_quarter():
                self._say(self.tr("Switch to periods as entered to paste."), error=True)
            return False
        text = QGuiApplication.clipboard().text() if text is None else text
        current = self.table.currentIndex()
        key = self.model.columns[current.column()].key if current.isValid() else ""
        try:
            plan = plan_paste(text, self.model.rows(), current.row() if current.isValid() else -1, key)
        except PasteError as error:
            self._say(str(error), error=True)
            return False
        count = len(plan.entries)
        what = self.tr("1 period") if count == 1 else self.tr("%1 periods").replace("%1", str(count))
        changes = session.edit(self.tr("Paste %1").replace("%1", what),
                               lambda wb: pnl.put_financials(wb, account_id, plan.entries))
        if not changes:
            self._say(self.tr("The pasted figures are the ones already entered; nothing changed."))
            return False
        self._catch_up()
        added, updated = len(changes.ids("financials", "insert")), len(changes.ids("financials", "update"))
        self._say(self.tr("Pasted %1: %2 new, %3 updated").replace("%1", what)
                  .replace("%2", str(added)).replace("%3", str(updated)))
        return True

    def copy(self) -> None:
        """Copy the selected cells as tab-separated text, as a spreadsheet does."""
        indexes = self.table.selectionModel().selectedIndexes()
        if not indexes:
            return
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = []
        for row in rows:
            record = self.model.row(row)
            lines.append("\t".join(_plain(record.get(self.model.columns[column].key)) if (row, column) in chosen
                                   else "" for column in columns))
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")
        self._say(self.tr("Copied 1 cell") if len(indexes) == 1 else
                  self.tr("Copied %1 cells").replace("%1", str(len(indexes))))

    def _edit_cell(self, row_id: str, key: str, value: Any) -> bool:
        session = self._writable()
        if session is None or not row_id:
            return False
        done = session.edit(self.tr("Edit P&L"), lambda wb: pnl.change_financials(wb, row_id, **{key: value}))
        if done:
            self._say("")
        self._catch_up()
        return bool(done)


def _plain(value: Any) -> str:
    """A cell as copied: numbers without grouping, as spreadsheets read them anywhere."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return "" if value is None else str(value)
