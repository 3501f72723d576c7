"""The Investments page: the selected account's investment ledger with ROI, payback, goal shares and totals.

Every edit goes through the page context's `EditSession`, so it is undoable and announced: adding and deleting
an investment, a cell edited in place, a field of the side form, a goal's share. Bad input (a negative amount,
an unknown period, text in a number, shares over 100%) is refused where it was typed, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from immersion.store import edits, finance
from immersion.ui.investment_form import InvestmentForm
from immersion.ui.investment_model import KIND_CHOICES, STATUS_CHOICES, InvestmentFilter, InvestmentModel, label
from immersion.ui.investment_summary import InvestmentSummary
from immersion.ui.investment_table import InvestmentTable, LedgerDelegate
from immersion.ui.pages import Page, PageContext
from immersion.ui.pnl_input import check_period, parse_money
from immersion.ui.row_model import ID_ROLE
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption

if TYPE_CHECKING:
    from immersion.store.edits import Changes
    from immersion.ui.edit_session import EditSession

ROWS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
CHECKS = {"amount": parse_money, "period": check_period,
          "expected_return": lambda text: parse_money(text, required=False),
          "actual_return": lambda text: parse_money(text, required=False)}


class InvestmentsPage(Page):
    """The investments of the selected account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self._session: EditSession | None = None
        self._account_id: str | None = None
        self._currency = "EUR"
        self._goals: list[dict[str, Any]] = []
        self._ideas: list[dict[str, Any]] = []
        self._stale = False
        self._loading = False
        undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)
        self._undo_key = undo or "Ctrl+Z"

        self.model = InvestmentModel(self._edit_cell, self)
        self.filtered = InvestmentFilter(self)
        self.filtered.setSourceModel(self.model)
        self.tools = self._build_tools()
        self.summary = InvestmentSummary(self)
        self.table = self._build_table()
        self.form = InvestmentForm(self)
        self.form.edited.connect(self._edit_investment)
        self.form.share_edited.connect(self.set_share)
        scroller = QScrollArea(self)
        scroller.setWidget(self.form)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form fits its width
        scroller.setMinimumWidth(self.form.minimumWidth())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(scroller)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([960, 290])
        self.splitter.setHandleWidth(12)
        self.empty_hint = Caption("", self)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN)
        layout.setSpacing(8)
        layout.addWidget(self.tools)
        layout.addWidget(self.summary)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.splitter, 1)
        chain = [self.add_button, self.delete_button, self.text_filter, self.kind_filter, self.status_filter,
                 self.clear_button, self.table, self.form.name]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.setFocusProxy(self.table)
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(self.add_investment)
        self._update_actions()

    # -- building --------------------------------------------------------------------------------------------

    def _button(self, text: str, tip: str, slot: Callable[[], Any], parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _combo(self, everything: str, choices: Any, tip: str, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.addItem(everything, None)
        for stored, _text in choices:
            combo.addItem(label(choices, stored), stored)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.currentIndexChanged.connect(self._apply_filters)
        return combo

    def _build_tools(self) -> QWidget:
        tools = QWidget(self)
        self.add_button = self._button(self.tr("Add investment"), self.tr("Add an investment (Insert or Ctrl+N)"),
                                       self.add_investment, tools)
        self.delete_button = self._button(
            self.tr("Delete"), self.tr("Delete the selected investment (Delete); undo with %1").replace(
                "%1", self._undo_key), self.delete_investment, tools)
        self.text_filter = QLineEdit(tools)
        self.text_filter.setPlaceholderText(self.tr("Filter investments…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setToolTip(self.tr("Show only investments whose name, notes, period, idea or goals "
                                            "contain this text"))
        self.text_filter.setMinimumWidth(140)
        self.text_filter.textChanged.connect(self._apply_filters)
        self.kind_filter = self._combo(self.tr("All kinds"), KIND_CHOICES, self.tr("Show only one kind"), tools)
        self.status_filter = self._combo(self.tr("All statuses"), STATUS_CHOICES,
                                         self.tr("Show only one status"), tools)
        self.clear_button = self._button(self.tr("Clear filters"), self.tr("Show every investment"),
                                         self.clear_filters, tools)
        self.count = Caption("", tools)
        self.count.setWordWrap(False)
        self.status = Caption("", tools)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status.setWordWrap(False)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        for widget in (self.text_filter, self.kind_filter, self.status_filter, self.clear_button):
            row.addWidget(widget)
        info = QHBoxLayout()
        info.addWidget(self.count)
        info.addSpacing(24)
        info.addWidget(self.status, 1)
        layout = QVBoxLayout(tools)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addLayout(info)
        return tools

    def _build_table(self) -> InvestmentTable:
        table = InvestmentTable(self)
        table.setModel(self.filtered)
        self.delegate = LedgerDelegate(lambda: self.model.columns, CHECKS, table)
        self.delegate.refused.connect(self.status.setText)
        table.setItemDelegate(self.delegate)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                              | QAbstractItemView.EditTrigger.EditKeyPressed)
        # Chronological, as loaded, until a header is clicked (and again when its sort indicator is cleared).
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().setSortIndicatorClearable(True)
        table.setSortingEnabled(True)
        table.setTabKeyNavigation(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().lineSpacing() + 14)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.setAccessibleName(self.tr("Investments"))
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        table.set_columns(self.model.columns)
        table.command.connect(lambda command: self.add_investment() if command == "add" else
                              self.delete_investment())
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._menu)
        table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        return table

    # -- showing ---------------------------------------------------------------------------------------------

    def show_context(self, context: PageContext) -> None:
        """Show the investments of `context.account`, keeping the selected one and the scroll position."""
        if context.session is not self._session:
            if self._session is not None:
                self._session.changed.disconnect(self._announced)
                self._session.failed.disconnect(self.status.setText)
            self._session = context.session
            if self._session is not None:
                self._session.changed.connect(self._announced)
                self._session.failed.connect(self.status.setText)
        self._context = context
        account_id = context.account.id if context.account is not None else None
        if account_id != self._account_id:
            self._account_id = account_id
            self.status.setText("")
            self.clear_filters()
            self.table.verticalScrollBar().setValue(0)
        self._reload()

    def _announced(self, _changes: Changes) -> None:
        self._stale = True

    def _catch_up(self) -> None:
        if self._stale:
            self._reload()

    def _reload(self) -> None:
        self._stale = False
        workbook, account_id = self._context.workbook, self._account_id
        selected, column = self.selected_id(), max(self.table.currentIndex().column(), 0)
        scroll = self.table.verticalScrollBar().value()
        rows: list[dict[str, Any]] = []
        self._goals, self._ideas = [], []
        if workbook is not None and account_id is not None:
            rows = finance.investments(workbook, account_id)
            self._goals = finance.goal_choices(workbook, account_id)
            self._ideas = finance.idea_choices(workbook, account_id)
            self._currency = finance.account_currency(workbook, account_id)
        self.model.editable = self._session is not None and not self._session.read_only
        self._loading = True
        try:
            self.model.load(rows)
            if selected and self.model.row_of(selected) >= 0:
                self.select(selected, column)
        finally:
            self._loading = False
        self.table.updateGeometries()
        self.table.verticalScrollBar().setValue(scroll)
        self.summary.show_totals(finance.totals(rows, self._currency), self._currency)
        empty = not rows and account_id is not None
        self.empty_hint.setVisible(empty)
        self.empty_hint.setText(
            self.tr("No investments yet. Record what you put into this account — trade spend, co-marketing, "
                    "services, people, pilots, capex, discounts — with Add investment (Insert).")
            if self.model.editable else self.tr("No investments yet. This workbook is open read-only."))
        self._selection_changed()

    def _selection_changed(self) -> None:
        if self._loading:
            return
        investment_id = self.selected_id()
        row = self.model.row(self.model.row_of(investment_id)) if investment_id else None
        self.form.set_investment(row, self._goals, self._ideas, self.model.editable)
        self._update_actions()

    def _update_actions(self) -> None:
        editable = self.model.editable and self._account_id is not None
        shown, total = self.filtered.rowCount(), self.model.rowCount()
        self.add_button.setEnabled(editable)
        self.delete_button.setEnabled(editable and self.table.currentIndex().isValid())
        self.clear_button.setEnabled(self.filtered.is_filtered())
        if self.filtered.is_filtered():
            count = self.tr("%1 of %2 investments").replace("%1", str(shown)).replace("%2", str(total))
        else:
            count = self.tr("1 investment") if total == 1 else self.tr("%1 investments").replace("%1", str(total))
        self.count.setText(count)

    # -- selection and filters -------------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.filtered.mapToSource(index).data(ID_ROLE) if index.isValid() else None

    def select(self, investment_id: str, column: int = 0) -> QModelIndex:
        """Make `investment_id` the current, selected row (if the filters show it); returns its view index."""
        index = self.filtered.mapFromSource(self.model.index(self.model.row_of(investment_id), column))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(index, ROWS)
        return index

    def focus_item(self, table: str, row_id: str) -> bool:
        """Select and reveal investment `row_id`, clearing filters that hide it."""
        if table != "investments":
            return False
        if self.model.row_of(row_id) < 0 and self._context.workbook is not None:
            self._reload()
        if self.model.row_of(row_id) < 0:
            return False
        if not self.filtered.accepts(self.model.row(self.model.row_of(row_id))):
            self.clear_filters()
        self.table.scrollTo(self.select(row_id), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def clear_filters(self) -> None:
        widgets = (self.text_filter, self.kind_filter, self.status_filter)
        for widget in widgets:
            widget.blockSignals(True)
        self.text_filter.clear()
        self.kind_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self._apply_filters()

    def _apply_filters(self) -> None:
        selected = self.selected_id()
        self.filtered.set_filters(self.kind_filter.currentData(), self.status_filter.currentData(),
                                  self.text_filter.text())
        if selected and self.model.row_of(selected) >= 0:
            self.select(selected)
        self._selection_changed()

    # -- edits -----------------------------------------------------------------------------------------------

    def _menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for text, key, slot, button in (
            (self.tr("Add investment"), "Ins", self.add_investment, self.add_button),
            (self.tr("Delete investment"), "Del", self.delete_investment, self.delete_button),
        ):
            action = menu.addAction(f"{text}\t{key}")
            action.triggered.connect(slot)
            action.setEnabled(button.isEnabled())
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _writable(self) -> EditSession | None:
        return self._session if self.model.editable and self._account_id is not None else None

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
        investment_id = changes.items[0].row_id
        self._catch_up()
        self.focus_item("investments", investment_id)
        self.table.edit(self.select(investment_id, self.model.column_of("name")))
        self.status.setText(self.tr("Added an investment — type its name, then its amount and period"))
        return investment_id

    def delete_investment(self) -> None:
        """Delete the selected investment (and its goal shares) without asking: it is one undo away."""
        session, investment_id = self._writable(), self.selected_id()
        if session is None or not investment_id:
            return
        name, view_row = self.model.row(self.model.row_of(investment_id))["name"], self.table.currentIndex().row()
        if not session.edit(self.tr("Delete investment"),
                            lambda wb: edits.delete(wb, "investments", investment_id)):
            return
        self._catch_up()
        if self.filtered.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.filtered.index(min(view_row, self.filtered.rowCount() - 1), 0), ROWS)
        self.status.setText(self.tr("Deleted investment “%1” — Undo with %2").replace("%1", name)
                            .replace("%2", self._undo_key))

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
