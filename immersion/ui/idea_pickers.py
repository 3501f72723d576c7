"""Pickers of the idea editor: goals with a link strength, and checkable lists for assets and people.

Like the rest of the editor they never write: a change is announced with the whole new set, which the page
saves as one undoable step (the store replaces the set in one transaction). Refilling them with the same
choices keeps their scroll position and an open popup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from immersion.ui import idea_labels as labels
from immersion.ui import theme
from immersion.ui.idea_labels import Ideas
from immersion.ui.widgets import Caption

Index = QModelIndex | QPersistentModelIndex
Item = tuple[str, str, str]  # key, label, tooltip
TITLE_WIDTH = 190  # pixels for a goal's title next to its strength


class CheckModel(QAbstractListModel):
    """Checkable items (key, label, tooltip); checking one announces the new set of checked keys.

    Signals:
        toggled(list): the keys now checked, in the items' order.
    """

    toggled = Signal(list)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[Item] = []
        self.checked: set[str] = set()
        self.editable = False

    def set_items(self, items: Sequence[Item], checked: Sequence[str]) -> None:
        items, wanted = list(items), set(checked)
        if items == self.items:
            if wanted != self.checked:
                self.checked = wanted
                self.dataChanged.emit(self.index(0), self.index(max(0, len(items) - 1)))
            return
        self.beginResetModel()
        self.items, self.checked = items, wanted
        self.endResetModel()

    def checked_keys(self) -> list[str]:
        return [key for key, _label, _tip in self.items if key in self.checked]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        key, label, tip = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if key in self.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or label
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsUserCheckable if self.editable else flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or not self.editable:
            return False
        key = self.items[index.row()][0]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.checked.add(key)
        else:
            self.checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(self.checked_keys())
        return True


class CheckDelegate(QStyledItemDelegate):
    """Check boxes that stay visible on the dark palette."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator and theme.is_dark():
            # Fusion outlines the box a shade darker than Window, which vanishes on a dark Base.
            text = option.palette.color(QPalette.ColorRole.Text)
            option.palette.setColor(QPalette.ColorRole.Window, text.darker(160))


class CheckList(QListView):
    """A short list of checkable items, a few rows tall, with a line that says when it is empty."""

    def __init__(self, empty: str, parent: QWidget | None = None, rows: int = 5) -> None:
        super().__init__(parent)
        self.check_model = CheckModel(self)
        self.setModel(self.check_model)
        self.setItemDelegate(CheckDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSpacing(1)  # check boxes of neighbouring rows must not touch
        self.empty = empty
        self._rows = rows
        self.check_model.modelReset.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """As tall as `rows` items (a check box makes an item taller than a line of text)."""
        row = self.sizeHintForRow(0) if self.check_model.rowCount() else self.fontMetrics().lineSpacing() + 6
        self.setFixedHeight((row + self.spacing() * 2) * self._rows + self.frameWidth() * 2 + 2)

    def paintEvent(self, event: Any) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self.check_model.rowCount():
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect().adjusted(6, 4, -6, -4),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                                 | Qt.TextFlag.TextWordWrap),
                             self.empty)
            painter.end()


class GoalLinks(QWidget):
    """The account's goals, each with a check box (linked or not) and the strength of the link.

    Signals:
        edited(dict): the idea's new goal links, {goal id: strength 1–3}.
    """

    edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 1)
        self._goals: list[tuple[str, str, str]] = []
        self.boxes: dict[str, QCheckBox] = {}
        self.strengths: dict[str, QComboBox] = {}
        self.none = Caption(Ideas.tr("The account has no goals yet. Add them on the Boardroom agenda."),
                            self)
        self._grid.addWidget(self.none, 0, 0, 1, 2)
        self._editable = False

    def set_links(self, goals: Sequence[tuple[str, str, str]], links: Mapping[str, int],
                  editable: bool) -> None:
        """Show the goals (id, title, status) with the idea's links."""
        if list(goals) != self._goals:
            self._rebuild(goals)
        self._editable = editable
        for goal_id, box in self.boxes.items():
            strength = self.strengths[goal_id]
            for widget in (box, strength):
                widget.blockSignals(True)
            box.setChecked(goal_id in links)
            strength.setCurrentIndex(max(0, strength.findData(int(links.get(goal_id, 2)))))
            box.setEnabled(editable)
            strength.setEnabled(editable and goal_id in links)
            for widget in (box, strength):
                widget.blockSignals(False)

    def _rebuild(self, goals: Sequence[tuple[str, str, str]]) -> None:
        for widget in [*self.boxes.values(), *self.strengths.values()]:
            self._grid.removeWidget(widget)
            widget.deleteLater()
        self.boxes, self.strengths, self._goals = {}, {}, list(goals)
        self.none.setVisible(not goals)
        for row, (goal_id, title, status) in enumerate(goals, start=1):
            # Long titles are cut to fit the side panel; the tooltip has them whole.
            label = self.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, TITLE_WIDTH)
            box = QCheckBox(label, self)
            closed = status in ("achieved", "dropped")
            box.setToolTip(Ideas.tr("%1 (%2): effort on a closed goal counts as effort on no priority.")
                           .replace("%1", title).replace("%2", status) if closed else title)
            box.setAccessibleName(Ideas.tr("Linked to %1").replace("%1", title))
            strength = QComboBox(self)
            for value in (1, 2, 3):
                strength.addItem(labels.strength_label(value), value)
            strength.setToolTip(Ideas.tr("How strongly the idea serves this goal: its effort counts "
                                         "strength ÷ 3 toward the goal in the alignment index."))
            strength.setAccessibleName(Ideas.tr("Strength of the link to %1").replace("%1", title))
            box.toggled.connect(self._changed)
            strength.activated.connect(self._changed)
            self._grid.addWidget(box, row, 0)
            self._grid.addWidget(strength, row, 1)
            self.boxes[goal_id], self.strengths[goal_id] = box, strength

    def links(self) -> dict[str, int]:
        return {g: int(self.strengths[g].currentData()) for g, box in self.boxes.items() if box.isChecked()}

    def _changed(self, *_args: object) -> None:
        if not self._editable:
            return
        for goal_id, box in self.boxes.items():
            self.strengths[goal_id].setEnabled(box.isChecked())
        self.edited.emit(self.links())
