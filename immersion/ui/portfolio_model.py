"""The portfolio as an item model: one row per account with its name, tier and alignment index.

The rows are the `AccountSummary` records of `immersion.store.queries.portfolio_summary()`; the model never
reads the workbook itself. `SORT_ROLE` gives values that sort naturally (tiers by importance, undefined
alignment last), `ID_ROLE` the account's id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPixmap

from immersion.ui import formatting

if TYPE_CHECKING:
    from immersion.store.queries import AccountSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
TIER_ROLE = Qt.ItemDataRole.UserRole + 3  # the stored tier value ("key"), for the badge delegate

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    TIER = 1
    ALIGNMENT = 2
    ACTIVITY = 3  # hidden in the sidebar by default; sorting by it puts the latest meeting first


_COLUMNS = len(Column)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ICONS: dict[str, QIcon] = {}


def _overdue_icon() -> QIcon | None:
    """A small red dot beside accounts with overdue action items (made once, after the app exists)."""
    icon = _ICONS.get("overdue")
    if icon is None:
        if QGuiApplication.instance() is None:  # pixmaps need the GUI; a bare model (tests, tools) has none
            return None
        pixmap = QPixmap(16, 16)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#d64545"))
        painter.drawEllipse(4, 4, 8, 8)
        painter.end()
        icon = _ICONS["overdue"] = QIcon(pixmap)
    return icon
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class PortfolioModel(QAbstractTableModel):
    """Accounts of the open workbook, in the order `portfolio_summary()` returns them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AccountSummary] = []
        self._cache: dict[int, tuple[str, str, str, str]] = {}  # row → display texts
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- contents ------------------------------------------------------------------------------------------------

    def set_summaries(self, summaries: Sequence[AccountSummary]) -> None:
        """Replace all rows (a workbook was opened or its portfolio changed)."""
        self.beginResetModel()
        self._rows = list(summaries)
        self._cache.clear()
        if self._sort is not None:
            self._rows.sort(key=self._sort_key(self._sort[0]), reverse=self._sort[1] == Qt.SortOrder.DescendingOrder)
        self.endResetModel()

    def summaries(self) -> tuple[AccountSummary, ...]:
        return tuple(self._rows)

    def summary(self, row: int) -> AccountSummary:
        return self._rows[row]

    def row_of(self, account_id: str) -> int:
        """The row of an account, or -1."""
        return next((row for row, item in enumerate(self._rows) if item.id == account_id), -1)

    # -- QAbstractItemModel --------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Account"), self.tr("Tier"), self.tr("Alignment"), self.tr("Last activity"))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                self.tr("The customer account"),
                self.tr("How the account is managed: strategic, key, growth or maintain"),
                self.tr("Mutual-purpose alignment index, 0–100: how closely our ideas and money follow the "
                        "customer's priorities"),
                self.tr("The date of the latest meeting with the account"),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.ALIGNMENT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell on every paint: plain int comparisons and cached texts keep a full
        # sidebar as cheap to paint as a short one.
        row, column = index.row(), index.column()
        if row < 0 or row >= len(self._rows) or not 0 <= column < _COLUMNS:
            return None
        if role == _DISPLAY or role == _ACCESSIBLE:
            return self._texts(row)[column]
        if role == _ALIGN:
            return _RIGHT if column >= Column.ALIGNMENT else _LEFT
        item = self._rows[row]
        if role == _DECORATION:
            return _overdue_icon() if column == Column.NAME and item.overdue_actions else None
        if role == _TOOLTIP:
            return self._tooltip(item, Column(column))
        if role == ID_ROLE:
            return item.id
        if role == TIER_ROLE:
            return item.tier
        if role == SORT_ROLE:
            return self._sort_key(column)(item)
        return None

    def _texts(self, row: int) -> tuple[str, str, str, str]:
        texts = self._cache.get(row)
        if texts is None:
            item = self._rows[row]
            texts = (
                item.name,
                formatting.tier_label(item.tier),
                formatting.alignment_text(item.alignment),
                formatting.date_text(item.last_activity) if item.last_activity else "",
            )
            self._cache[row] = texts
        return texts

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in Python, one key per row (a sorting proxy makes a Python call per comparison, which
        takes tens of milliseconds for 1,000 accounts); the order is kept when new summaries arrive."""
        if not 0 <= column < len(Column):
            self._sort = None
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self._cache.clear()
        old_ids = [item.id for item in self._rows]
        self._rows.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        new_rows = {item.id: row for row, item in enumerate(self._rows)}
        moved = self.persistentIndexList()
        self.changePersistentIndexList(
            moved, [self.index(new_rows[old_ids[index.row()]], index.column()) for index in moved]
        )
        self.layoutChanged.emit()

    @staticmethod
    def _sort_key(column: int) -> Callable[[AccountSummary], Any]:
        if column == Column.NAME:
            return lambda item: item.name.casefold()
        if column == Column.TIER:
            return lambda item: (formatting.tier_rank(item.tier), item.name.casefold())
        if column == Column.ACTIVITY:
            return lambda item: (item.last_activity or "", item.name.casefold())
        return lambda item: (-1.0 if item.alignment is None else float(item.alignment), item.name.casefold())

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _tooltip(self, item: AccountSummary, column: Column) -> str:
        if column == Column.ALIGNMENT:
            if item.alignment is None:
                reason = item.alignment_reason or self.tr("not enough information yet")
                return self.tr("Alignment index: undefined — %1").replace("%1", reason)
            return item.alignment_explain or self.tr("Alignment index %1 of 100").replace(
                "%1", formatting.alignment_text(item.alignment)
            )
        if column == Column.TIER:
            return self.tr("Tier: %1").replace("%1", formatting.tier_label(item.tier))
        lines = [item.name] + ([item.industry] if item.industry else [])
        if item.overdue_actions:
            lines.append(self.tr("1 overdue action item") if item.overdue_actions == 1 else
                         self.tr("%1 overdue action items").replace("%1", str(item.overdue_actions)))
        return "\n".join(lines)
