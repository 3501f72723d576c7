"""The portfolio's gap list on the Dashboard: top goals uncovered, orphan spend and overdue actions, one line
each, filterable by kind; Enter or a double-click opens the item behind a line.

A 1,000-account portfolio has thousands of gaps, so the list is a model over the figure data with uniform
one-line rows (the full sentence is in the tooltip): it fills in a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTreeView, QVBoxLayout, QWidget

from immersion.domain.portfolio_figure import PortfolioGap
from immersion.texts import TextContext
from immersion.ui import theme
from immersion.ui.chart_card import target_for
from immersion.ui.widgets import Caption

KINDS = {  # colour, then the kind's name (context "Dashboard")
    "uncovered_top_goal": ("#c77c12", QT_TRANSLATE_NOOP("Dashboard", "Top goals uncovered")),
    "orphan_spend": ("#7a4fd4", QT_TRANSLATE_NOOP("Dashboard", "Orphan spend")),
    "overdue_action": ("#c4403f", QT_TRANSLATE_NOOP("Dashboard", "Overdue actions")),
}
GAP_ROLE = Qt.ItemDataRole.UserRole + 1


Dashboard = TextContext("Dashboard")  # texts written Dashboard.tr("…"), as pyside6-lupdate reads them


def kind_icon(kind: str, dark: bool) -> QIcon:
    """A dot in the colour of a kind of gap, lighter on a dark palette."""
    colour = QColor(KINDS[kind][0])
    if dark:
        colour = colour.lighter(150)
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(3, 3, 10, 10))
    painter.end()
    return QIcon(pixmap)


class GapModel(QAbstractListModel):
    """The portfolio's gaps of one kind (or all), as list rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.gaps: list[PortfolioGap] = []
        self._icons: dict[tuple[str, bool], QIcon] = {}

    def set_gaps(self, gaps: Sequence[PortfolioGap]) -> None:
        if list(gaps) == self.gaps:
            return
        self.beginResetModel()
        self.gaps = list(gaps)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.gaps)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.gaps):
            return None
        gap = self.gaps[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{gap.account} — {gap.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            where = Dashboard.tr("Double-click or press Enter to show it.") if target_for(gap.ref) else Dashboard.tr(
                "Its page is not available yet.")
            return f"{gap.account}\n{gap.text}\n{where}"
        if role == Qt.ItemDataRole.DecorationRole:
            key = (gap.kind, theme.is_dark())
            if key not in self._icons:
                self._icons[key] = kind_icon(*key)
            return self._icons[key]
        if role == GAP_ROLE:
            return gap
        return None


class GapPanel(QWidget):
    """A kind filter above the list of gaps.

    Signals:
        activated(Target): the user asked to see the item behind a gap.
    """

    activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[PortfolioGap] = []
        self.kind = QComboBox(self)
        self.kind.setToolTip(self.tr("Show the gaps of one kind"))
        self.kind.setAccessibleName(self.kind.toolTip())
        self.kind.currentIndexChanged.connect(self._filter)
        self.model = GapModel(self)
        # A one-column tree rather than a list view: its column takes the view's width, so long lines are elided
        # instead of scrolling sideways, and uniform rows spare measuring thousands of them.
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleName(self.tr("Portfolio gaps"))
        self.view.activated.connect(self._open)
        self.empty = Caption("", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.kind)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)

    def show_gaps(self, gaps: Sequence[PortfolioGap]) -> None:
        """Show `gaps`, keeping the chosen kind."""
        self._all = list(gaps)
        chosen = self.kind.currentData()
        counts = {kind: sum(1 for g in gaps if g.kind == kind) for kind in KINDS}
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("All gaps (%1)").replace("%1", str(len(gaps))), None)
        for kind, (_colour, name) in KINDS.items():
            self.kind.addItem(f"{Dashboard.tr(name)} ({counts[kind]})", kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(chosen)))
        self.kind.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        kind = self.kind.currentData()
        shown = [g for g in self._all if kind is None or g.kind == kind]
        self.model.set_gaps(shown)
        self.view.setVisible(bool(shown))
        self.empty.setVisible(not shown)
        self.empty.setText(self.tr("No gaps: every top goal has effort behind it, all money serves a goal and no "
                                   "action is overdue."))

    def _open(self, index: QModelIndex) -> None:
        gap = index.data(GAP_ROLE)
        target = target_for(gap.ref) if gap is not None else None
        if target is not None:
            self.activated.emit(target)
