"""The portfolio sidebar: every account with its tier badge and alignment index, filterable and sortable.

Selecting an account tells the window to show that account's pages; clearing the selection (Escape, or the
"Portfolio" button) goes back to the portfolio page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from immersion.ui import formatting, theme
from immersion.ui.portfolio_model import ID_ROLE, TIER_ROLE, Column, PortfolioModel
from immersion.ui.widgets import Caption, badge_font, paint_badge

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QPainter

    from immersion.store.queries import AccountSummary

ROW_PADDING = 10  # extra vertical space per row, so that the list reads like a list and not a spreadsheet


def badge_width(metrics: QFontMetrics, text_width: int) -> int:
    """Width of a tier badge around text `text_width` pixels wide."""
    return text_width + round(metrics.height() * 1.2)


class _RowDelegate(QStyledItemDelegate):
    """Adds breathing room to every row."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height()) + ROW_PADDING)


class TierDelegate(_RowDelegate):
    """Paints the tier as a coloured badge instead of plain text."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._font = badge_font(view)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the cell's background and selection are drawn as usual, the text as a badge

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        text = str(index.data() or "")
        if not text:
            return
        painter.save()
        painter.setFont(self._font)
        metrics = painter.fontMetrics()
        height = metrics.height() + 4
        width = badge_width(metrics, metrics.horizontalAdvance(text))
        rect = QRectF(option.rect.left() + 4, option.rect.center().y() - height / 2 + 1, width, height)
        selected = self._view.selectionModel().isRowSelected(index.row(), index.parent())
        paint_badge(painter, rect, str(index.data(TIER_ROLE) or ""), text, on_highlight=selected)
        painter.restore()


class _SourceSortingProxy(QSortFilterProxyModel):
    """Filters here, but leaves sorting to the portfolio model (see `PortfolioModel.sort`)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class _AccountView(QTreeView):
    """The account list; Escape clears the selection (back to the portfolio page)."""

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.selectionModel().hasSelection():
            self.escaped.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class _FilterField(QLineEdit):
    """The filter field; Down moves into the list."""

    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class PortfolioSidebar(QWidget):
    """The left-hand list of accounts.

    Signals:
        account_changed(object): the selected account's id, or None when no account is selected.
    """

    account_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selected: str | None = None
        self._filtering = False
        self.model = PortfolioModel(self)
        self.proxy = _SourceSortingProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.portfolio_button = QToolButton(self)
        self.portfolio_button.setText(self.tr("Portfolio"))
        self.portfolio_button.setFont(theme.scaled_font(self, 1.25, bold=True))
        self.portfolio_button.setAutoRaise(True)
        self.portfolio_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.portfolio_button.setToolTip(self.tr("Show the whole portfolio (Alt+Home)"))
        self.portfolio_button.clicked.connect(self.clear_selection)
        self.count_label = Caption("", self)
        self.sort_button = QToolButton(self)
        self.sort_button.setText(self.tr("Sort"))
        self.sort_button.setToolTip(self.tr("Sort the accounts by name, tier, alignment or last activity"))
        self.sort_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sort_button.setAutoRaise(True)
        sort_menu = QMenu(self.sort_button)
        sort_group = QActionGroup(sort_menu)
        self.sort_actions: dict[Column, QAction] = {}
        for column, label, order in (
            (Column.NAME, self.tr("Name"), Qt.SortOrder.AscendingOrder),
            (Column.TIER, self.tr("Tier"), Qt.SortOrder.AscendingOrder),
            (Column.ALIGNMENT, self.tr("Alignment (lowest first)"), Qt.SortOrder.AscendingOrder),
            (Column.ACTIVITY, self.tr("Last activity (latest first)"), Qt.SortOrder.DescendingOrder),
        ):
            action = sort_menu.addAction(label)
            action.setCheckable(True)
            sort_group.addAction(action)
            action.triggered.connect(lambda _=False, c=column, o=order: self.sort_by(c, o))
            self.sort_actions[column] = action
        self.sort_actions[Column.NAME].setChecked(True)
        self.sort_button.setMenu(sort_menu)
        self._account_actions: list[QAction] = []

        self.filter = _FilterField(self)
        self.filter.setPlaceholderText(self.tr("Filter accounts"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter accounts"))
        self.filter.textChanged.connect(self._filter_changed)

        self.view = _AccountView(self)
        self.view.setAccessibleName(self.tr("Accounts"))
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setItemDelegate(_RowDelegate(self.view))
        self.view.setItemDelegateForColumn(Column.TIER, TierDelegate(self.view))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(Column.NAME, Qt.SortOrder.AscendingOrder)
        self._size_columns()
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.escaped.connect(self.clear_selection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.header().sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.filter.down.connect(self._focus_list)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.portfolio_button)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addWidget(self.sort_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 4, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self.setMinimumWidth(260)

    # -- contents ------------------------------------------------------------------------------------------------

    def set_summaries(self, summaries: Sequence[AccountSummary]) -> None:
        """Show a new portfolio, keeping the selected account when it is still there."""
        keep = self._selected
        self.model.set_summaries(summaries)
        count = len(summaries)
        self.count_label.setText(self.tr("%1 accounts").replace("%1", formatting.count_text(count))
                                 if count != 1 else self.tr("1 account"))
        if keep is None or not self.select_account(keep):
            self._set_selected(None)

    def sort_by(self, column: Column, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the list by a column (also one that is hidden, like last activity)."""
        self.view.sortByColumn(column, order)
        if self._selected is not None:
            self.select_account(self._selected)

    def set_account_actions(self, actions: list[QAction]) -> None:
        """The New/Rename/Delete account actions, offered in the list's context menu."""
        self._account_actions = list(actions)

    def _context_menu(self, position: QPoint) -> None:
        if not self._account_actions:
            return
        menu = QMenu(self)
        for action in self._account_actions:
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(position))

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        action = self.sort_actions.get(Column(column)) if 0 <= column < len(Column) else None
        if action is not None:
            action.setChecked(True)

    def current_account_id(self) -> str | None:
        return self._selected

    def select_account(self, account_id: str) -> bool:
        """Select an account by id (clearing the filter if it hides it); False when it is not in the list."""
        row = self.model.row_of(account_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)
        return True

    def clear_selection(self) -> None:
        """Select no account: the window shows the portfolio page."""
        self.view.selectionModel().clearSelection()
        self.view.selectionModel().setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        self._set_selected(None)

    def focus_filter(self) -> None:
        self.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter.selectAll()

    def header_state(self) -> QByteArray:
        return self.view.header().saveState()

    def restore_header_state(self, state: QByteArray) -> None:
        self.view.header().restoreState(state)
        self._size_columns()

    # -- internals -----------------------------------------------------------------------------------------------

    def _size_columns(self) -> None:
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionsMovable(False)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.TIER, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.ALIGNMENT, QHeaderView.ResizeMode.Fixed)
        header.setSectionHidden(Column.ACTIVITY, True)
        font_metrics = self.view.fontMetrics()
        badge_metrics = QFontMetrics(badge_font(self.view))
        widest = max(badge_metrics.horizontalAdvance(formatting.tier_label(t)) for t in formatting.TIER_ORDER)
        header.resizeSection(Column.TIER, badge_width(badge_metrics, widest) + 14)
        alignment_title = str(self.model.headerData(Column.ALIGNMENT, Qt.Orientation.Horizontal))
        header.resizeSection(Column.ALIGNMENT, font_metrics.horizontalAdvance(alignment_title) + font_metrics.height())

    def _filter_changed(self, text: str) -> None:
        # Filtering may hide the selected row; the account stays shown and is selected again when it reappears.
        self._filtering = True
        try:
            self.proxy.setFilterFixedString(text)
        finally:
            self._filtering = False
        if self._selected is not None and not self.view.selectionModel().hasSelection():
            row = self.model.row_of(self._selected)
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row >= 0 else QModelIndex()
            if index.isValid():
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )

    def _focus_list(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._filtering:
            self._set_selected(str(current.data(ID_ROLE)))

    def _selection_changed(self) -> None:
        if not self._filtering and not self.view.selectionModel().hasSelection():
            self._set_selected(None)

    def _set_selected(self, account_id: str | None) -> None:
        if account_id == self._selected:
            return
        self._selected = account_id
        self.account_changed.emit(account_id)
