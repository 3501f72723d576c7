"""The portfolio's financial productivity: where does our next unit of investment pay best?

One row per account — revenue, contribution, money invested, ROI, alignment index and return per unit of
spend by kind of investment — and, below, the same return per unit by kind over the whole portfolio. The
numbers come from `store.portfolio_table` (pandas), computed on a pool thread with its own read-only
connection while a progress bar shows; the previous table stays readable meanwhile. Sorting by any column,
filtering by name and tier; a click on an account opens its Investments page.
"""

from __future__ import annotations

import heapq

from PySide6.QtCore import QEvent, QModelIndex, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from immersion.store import portfolio_table
from immersion.store.portfolio_table import PortfolioTable, Window
from immersion.ui import formatting
from immersion.ui.investment_fields import error_colour
from immersion.ui.investment_portfolio_model import (
    AccountFilter,
    AccountTableModel,
    KindTableModel,
    account_row,
)
from immersion.ui import gc_guard
from immersion.ui.investment_portfolio_worker import TableJob, TableJobSignals
from immersion.ui.pages import Page, PageContext, Target
from immersion.ui.pnl_input import percent_text
from immersion.ui.row_model import ID_ROLE, RowTableModel
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption, Heading

BUSY_DELAY_MS = 120  # a table that arrives within a blink never shows a progress bar
MONEY_COLUMNS = ("tier", "revenue", "contribution", "margin", "invested", "best_kind")


def _widest(rows: list[dict], key: str, count: int = 3) -> list[dict]:
    """The rows whose `key` is likely to read widest: longest texts, largest and most negative numbers."""
    numbers = [row for row in rows if isinstance(row.get(key), int | float)]
    if numbers:
        return heapq.nlargest(count, numbers, key=lambda row: abs(row[key])) + \
            heapq.nsmallest(count, numbers, key=lambda row: row[key])
    texts = [row for row in rows if isinstance(row.get(key), str)]
    return heapq.nlargest(count, texts, key=lambda row: len(row[key])) if texts else rows[:count]


class _Requests:
    """The number of the newest request, read by pool threads to skip stale work."""

    def __init__(self) -> None:
        self.latest = 0

    def current(self) -> int:
        return self.latest


class FillColumnTable(QTableView):
    """A table whose `fill` column takes the room the other visible columns leave (at least `minimum`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fill = 0
        self.minimum = 140

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().viewportEvent(event)

    def fit(self) -> None:
        header = self.horizontalHeader()
        others = sum(header.sectionSize(n) for n in range(header.count()) if n != self.fill
                     and not header.isSectionHidden(n))
        header.resizeSection(self.fill, max(self.minimum, self.viewport().width() - others))


class ProductivityPage(Page):
    """Financial productivity across the portfolio.

    Signals:
        computed(): a fresh table is shown (or its computation failed and says so).
    """

    computed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        gc_guard.prepare()  # the collector's keeper lives in the GUI thread
        self._pool = QThreadPool(self)  # first child: destroyed (waiting for its job) before the signals
        self._pool.setMaxThreadCount(1)
        self._signals = TableJobSignals(self)
        self._signals.progress.connect(self._progress)
        self._signals.finished.connect(self._finished)
        self._signals.failed.connect(self._failed)
        self._requests = _Requests()
        self._context = PageContext(None)
        self._busy = False
        self.table_result: PortfolioTable | None = None
        self._windows: dict[str, Window] = {}
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.timeout.connect(lambda: self.progress.setVisible(self._busy))

        self.accounts = AccountTableModel(self)
        self.filtered = AccountFilter(self)
        self.filtered.setSourceModel(self.accounts)
        self.kinds = KindTableModel(self)
        self.tools = self._build_tools()
        self.totals = QLabel(self)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        self.account_table = self._table(self.filtered, self.tr("Accounts"))
        self.account_table.setSortingEnabled(True)
        self.account_table.sortByColumn(self.accounts.column_of("roi"), Qt.SortOrder.DescendingOrder)
        self.account_table.clicked.connect(self._open)
        self.account_table.activated.connect(self._open)
        self.show_columns("money")
        self.kind_table = self._table(self.kinds, self.tr("Return per unit of spend by kind"))
        self.kind_table.setSortingEnabled(False)  # best first, as computed
        bottom = QWidget(self)
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 8, 0, 0)
        lower.setSpacing(2)
        lower.addWidget(Heading(self.tr("Return per unit of spend by kind — where the next unit pays best"), 1.05,
                                bottom))
        lower.addWidget(Caption(self.tr(
            "Σ return ÷ Σ amount over committed and spent investments in the window that have a return (actual "
            "where known, else expected); “actual only” counts what has really come back. Amounts are never "
            "added across currencies."), bottom))
        lower.addWidget(self.kind_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.account_table)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 8, MARGIN, MARGIN)
        layout.setSpacing(6)
        layout.addWidget(Heading(self.tr("Financial productivity"), 1.5, self))
        layout.addWidget(self.tools)
        layout.addWidget(self.totals)
        layout.addWidget(splitter, 1)
        self.setFocusProxy(self.account_table)
        self._update_count()

    # -- building --------------------------------------------------------------------------------------------

    def _build_tools(self) -> QWidget:
        tools = QWidget(self)
        self.window_choice = QComboBox(tools)
        self.window_choice.setToolTip(self.tr("Which periods the figures cover: P&L periods and investments that "
                                              "lie wholly inside it"))
        self.window_choice.setAccessibleName(self.tr("Periods"))
        self.window_choice.activated.connect(lambda _index: self.refresh())
        self.text_filter = QLineEdit(tools)
        self.text_filter.setPlaceholderText(self.tr("Filter accounts…"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setMinimumWidth(120)
        self.text_filter.textChanged.connect(self._apply_filters)
        self.tier_filter = QComboBox(tools)
        self.tier_filter.addItem(self.tr("All tiers"), None)
        for tier in formatting.TIER_ORDER:
            self.tier_filter.addItem(formatting.tier_label(tier), tier)
        self.tier_filter.setAccessibleName(self.tr("Tier"))
        self.tier_filter.currentIndexChanged.connect(self._apply_filters)
        self.clear_button = QPushButton(self.tr("Clear filters"), tools)
        self.clear_button.clicked.connect(self.clear_filters)
        self.money_button = QPushButton(self.tr("Money"), tools)
        self.money_button.setToolTip(self.tr("Show tier, revenue, contribution, margin, money invested and "
                                             "the kind that pays best per account"))
        self.kinds_button = QPushButton(self.tr("Return by kind"), tools)
        self.kinds_button.setToolTip(self.tr("Show each account's return per unit of spend by kind of investment "
                                             "(Σ return ÷ Σ amount); its best kind in bold"))
        for button, group in ((self.money_button, "money"), (self.kinds_button, "kinds")):
            button.setCheckable(True)
            button.clicked.connect(lambda _checked, group=group: self.show_columns(group))
        self.count = Caption("", tools)
        self.count.setWordWrap(False)
        # The count gives way when the page is narrow: a changing text must never widen the window.
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.progress = QProgressBar(tools)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.progress.setFormat(self.tr("Computing… %p%"))
        self.progress.setAccessibleName(self.tr("Computing the portfolio table"))
        self.progress.hide()
        row = QHBoxLayout(tools)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(self.window_choice)
        row.addWidget(self.text_filter)
        row.addWidget(self.tier_filter)
        row.addWidget(self.clear_button)
        row.addSpacing(12)
        row.addWidget(self.money_button)
        row.addWidget(self.kinds_button)
        row.addSpacing(12)
        row.addWidget(self.count, 1)
        row.addWidget(self.progress)
        return tools

    def _table(self, model: RowTableModel | AccountFilter, name: str) -> FillColumnTable:
        table = FillColumnTable(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().lineSpacing() + 10)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.horizontalHeader().setHighlightSections(False)
        table.setAccessibleName(name)
        return table

    def _fit(self, table: FillColumnTable, model: RowTableModel, fill: str) -> None:
        """Columns as wide as their header and their widest cell; `fill` (the names) takes what is left.

        Only the likely widest cells are measured — the longest names, the largest and the most negative
        amounts — so that a thousand accounts are fitted in a few milliseconds.
        """
        header = table.horizontalHeader()
        bold = QFont(table.font())
        bold.setBold(True)
        wide = QFontMetrics(bold)
        rows = model.rows()
        for number, column in enumerate(model.columns):
            texts = {column.text(row) for row in _widest(rows, column.key)}
            width = max([header.fontMetrics().horizontalAdvance(column.header()) + 16]
                        + [wide.horizontalAdvance(text) for text in texts])
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(number, min(width + 14, 160))
        table.fill = model.column_of(fill)
        table.fit()

    def show_columns(self, group: str) -> None:
        """Show the "money" columns (revenue, contribution, margin, invested) or the "kinds" ones."""
        for number, column in enumerate(self.accounts.columns):
            kind = column.key.startswith("kind:")
            money = column.key in MONEY_COLUMNS  # their room goes to the seven kinds (the best one is bold)
            self.account_table.setColumnHidden(number, (kind and group != "kinds") or (money and group == "kinds"))
        self.account_table.fit()
        for button, checked in ((self.money_button, group != "kinds"), (self.kinds_button, group == "kinds")):
            button.setChecked(checked)
            font = button.font()
            font.setBold(checked)  # a pressed button alone reads poorly in the dark palette
            button.setFont(font)

    # -- showing ---------------------------------------------------------------------------------------------

    def show_context(self, context: PageContext) -> None:
        """Recompute the table for `context` (the previous one stays shown until the new one is ready)."""
        self._context = context
        self._fill_windows()
        self.refresh()

    def _fill_windows(self) -> None:
        key = self.window_choice.currentData() or "last4"
        workbook = self._context.workbook
        windows = [Window.last_quarters(), Window.everything()]
        windows += [Window.year(year) for year in (portfolio_table.years(workbook) if workbook else [])]
        labels = [self.tr("Last 4 quarters (%1)").replace("%1", windows[0].label), self.tr("All periods")]
        labels += [window.label for window in windows[2:]]
        self._windows = {window.key: window for window in windows}
        if [self.window_choice.itemData(n) for n in range(self.window_choice.count())] != list(self._windows):
            self.window_choice.clear()
            for window, text in zip(windows, labels, strict=True):
                self.window_choice.addItem(text, window.key)
        self.window_choice.setCurrentIndex(max(0, self.window_choice.findData(key)))

    def refresh(self) -> None:
        """Ask for a fresh table on the pool thread."""
        workbook = self._context.workbook
        self._requests.latest += 1
        if workbook is None:
            self._busy = False
            self.table_result = None
            self.accounts.set_rows([])
            self.kinds.set_rows([])
            self.totals.setText("")
            self._update_count()
            return
        window = self._windows.get(self.window_choice.currentData() or "last4", Window.last_quarters())
        alignment = {summary.id: summary.alignment for summary in self._context.portfolio}
        self._busy = True
        self.progress.setValue(0)
        self._busy_timer.start(BUSY_DELAY_MS)
        if self.table_result is None:
            self.count.setText(self.tr("Computing the table…"))
        gc_guard.begin()  # before the thread runs any Python; the job ends it
        self._pool.start(TableJob(workbook.path, window, alignment, self._requests.latest, self._signals,
                                  self._requests.current))

    def is_busy(self) -> bool:
        return self._busy

    def _progress(self, generation: int, percent: int, _step: str) -> None:
        if generation == self._requests.latest:
            self.progress.setValue(percent)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._requests.latest:
            return
        self._done()
        self.totals.setStyleSheet(f"color: {error_colour().name()}")
        self.totals.setText(self.tr("The table could not be computed: %1").replace("%1", message))
        self.computed.emit()

    def _done(self) -> None:
        self._busy = False
        self._busy_timer.stop()
        self.progress.hide()

    def _finished(self, generation: int, table: PortfolioTable) -> None:
        if generation != self._requests.latest:
            return  # an answer to an older question: a newer one is on its way
        self._done()
        self.table_result = table
        selected = self.account_table.currentIndex().data(ID_ROLE)
        self.accounts.set_rows([account_row(figures) for figures in table.accounts])
        self.filtered.resort()
        self.kinds.load(table.kinds)
        self.kind_table.setColumnHidden(self.kinds.column_of("currency"), len(table.currencies) < 2)
        self._fit(self.account_table, self.accounts, "name")
        self._fit(self.kind_table, self.kinds, "kind")
        if selected:
            source = self.accounts.index(self.accounts.row_of(selected), 0)
            self.account_table.setCurrentIndex(self.filtered.mapFromSource(source))
        self.totals.setStyleSheet("")
        self.totals.setText(self._totals_text(table))
        self._update_count()
        self.computed.emit()

    def _totals_text(self, table: PortfolioTable) -> str:
        lines = []
        for totals in table.currencies:
            text = self.tr("%1: %2 · revenue %3 · contribution %4 · invested %5 · ROI %6")
            money = lambda value, code=totals.currency: formatting.money_text(value, code)  # noqa: E731
            accounts = self.tr("1 account") if totals.accounts == 1 else self.tr("%1 accounts").replace(
                "%1", formatting.count_text(totals.accounts))
            text = text.replace("%1", totals.currency).replace("%2", accounts)
            text = text.replace("%3", money(totals.revenue)).replace("%4", money(totals.contribution))
            lines.append(text.replace("%5", money(totals.invested)).replace(
                "%6", percent_text(totals.roi, signed=True)))
        return "\n".join(lines)

    def _update_count(self) -> None:
        shown, total = self.filtered.rowCount(), self.accounts.rowCount()
        if self.filtered.is_filtered():
            text = self.tr("%1 of %2 accounts").replace("%1", formatting.count_text(shown)).replace(
                "%2", formatting.count_text(total))
        else:
            text = self.tr("1 account") if total == 1 else self.tr("%1 accounts").replace(
                "%1", formatting.count_text(total))
        self.count.setText(text)
        self.count.setToolTip(self.tr("Click an account to open its investments"))
        self.clear_button.setEnabled(self.filtered.is_filtered())

    # -- filters and navigation ------------------------------------------------------------------------------

    def clear_filters(self) -> None:
        self.text_filter.blockSignals(True)
        self.text_filter.clear()
        self.text_filter.blockSignals(False)
        self.tier_filter.setCurrentIndex(0)
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.filtered.set_filters(self.text_filter.text(), self.tier_filter.currentData())
        self._update_count()

    def _open(self, index: QModelIndex) -> None:
        account_id = index.data(ID_ROLE)
        if account_id:
            self._context.go(Target("investments", account_id))
