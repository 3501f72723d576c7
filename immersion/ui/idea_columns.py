"""The columns of the curation board: a list view per stage over its own model, cards painted by a delegate.

Cards are dragged with Qt's own drag and drop: the column models put the dragged ids into mime data and accept
drops between cards; a drop is announced (queued, after the drag has finished) as `moved(ids, stage, row)`,
and the page turns it into one undoable move. The columns never edit by themselves.

Keys on a card: Up/Down walk the column, Left/Right go to the neighbouring column, Ctrl+Right / Ctrl+Left ask
to move the selected card one stage on or back (`step`), Enter opens it in the editor, Delete and Ctrl+N are
passed on as commands. Ctrl- or Shift-click selects several cards (for a merge).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QDrag, QKeyEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHBoxLayout, QListView, QVBoxLayout, QWidget

from immersion.domain.enums import BOARD_STAGES
from immersion.ui import idea_labels as labels
from immersion.ui.idea_card import CardDelegate
from immersion.ui.idea_labels import Ideas
from immersion.ui.row_model import ID_ROLE, ROW_ROLE, Row, RowListModel
from immersion.ui.widgets import Caption

if TYPE_CHECKING:
    from PySide6.QtGui import QDropEvent, QMouseEvent

Index = QModelIndex | QPersistentModelIndex
IDEA_MIME = "application/x-immersion-ideas"
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


class StageModel(RowListModel):
    """The cards of one column, in the order shown (`set_rows` with the same ids only repaints the cards).

    Signals:
        dropped(list, str, int): idea ids were dropped on this column before shown row `row` (-1: at the end).
    """

    dropped = Signal(list, str, int)

    def __init__(self, stage: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.editable = False
        self.reorderable = True  # False while the board is sorted by something other than hand order

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row["title"]
        if role == Qt.ItemDataRole.ToolTipRole:
            return labels.card_tooltip(row)
        if role == ID_ROLE:
            return row["id"]
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # drops land between cards, never on one
            return Qt.ItemFlag.ItemIsDropEnabled if self.editable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsDragEnabled if self.editable else flags

    # -- drag and drop -------------------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [IDEA_MIME]

    def mimeData(self, indexes: Sequence[Index]) -> QMimeData:  # noqa: N802
        rows = sorted({index.row() for index in indexes if index.isValid()})
        ids = [self._rows[n]["id"] for n in rows if n < len(self._rows)]
        data = QMimeData()
        data.setData(IDEA_MIME, QByteArray(json.dumps({"stage": self.stage, "ids": ids}).encode()))
        data.setText("\n".join(self._rows[n]["title"] for n in rows if n < len(self._rows)))
        return data

    @staticmethod
    def read(data: QMimeData) -> tuple[str, list[str]]:
        """The source stage and the ids of dragged cards ("" and [] when the data is not ours)."""
        if not data.hasFormat(IDEA_MIME):
            return "", []
        try:
            found = json.loads(bytes(data.data(IDEA_MIME).data()).decode())
            return str(found["stage"]), [str(i) for i in found["ids"]]
        except (ValueError, KeyError, TypeError):
            return "", []

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: Index) -> bool:
        stage, ids = self.read(data)
        if not self.editable or not ids or action != Qt.DropAction.MoveAction:
            return False
        return stage != self.stage or self.reorderable  # a sorted column has no places to drop between

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: Index) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if parent.isValid():
            row = parent.row()
        elif not 0 <= row <= len(self._rows):
            row = -1
        self.dropped.emit(self.read(data)[1], self.stage, row)
        return True


class CardList(QListView):
    """The list view of one column: cards of equal height, dragged with the mouse, driven by the keys.

    Signals:
        step(int): move the selected cards one stage on (+1) or back (-1).
        neighbour(int): go to the column on the right (+1) or left (-1).
        command(str): "new", "delete" or "open" was asked for from the keyboard.
        engaged(bool): the user clicked or keyed into this list; True when extending a selection.
    """

    step = Signal(int)
    neighbour = Signal(int)
    command = Signal(str)
    engaged = Signal(bool)

    def __init__(self, model: StageModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = CardDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setModel(model)
        self.setUniformItemSizes(True)  # one card height: thousands of cards are laid out without measuring
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)  # the column paints its tint behind the cards
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAccessibleName(labels.stage_label(model.stage))

    def _command(self, event: QKeyEvent) -> tuple[str, int] | None:
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            direction = 1 if key == Qt.Key.Key_Right else -1
            if mods == CTRL:
                return "step", direction
            if mods == Qt.KeyboardModifier.NoModifier:
                return "neighbour", direction
        if key == Qt.Key.Key_N and mods == CTRL:
            return "new", 0
        if key == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.NoModifier:
            return "delete", 0
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            return "open", 0
        return None

    def event(self, event: QEvent) -> bool:
        overridden = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
        if overridden and self._command(event):  # type: ignore[arg-type]
            event.accept()  # the key comes to keyPressEvent instead of firing a window shortcut (Ctrl+N)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        found = self._command(event)
        if found is None:
            self.engaged.emit(bool(event.modifiers() & (CTRL | SHIFT)))
            super().keyPressEvent(event)
            return
        name, direction = found
        if name == "step":
            self.step.emit(direction)
        elif name == "neighbour":
            self.neighbour.emit(direction)
        else:
            self.command.emit(name)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.engaged.emit(bool(event.modifiers() & (CTRL | SHIFT)))
        super().mousePressEvent(event)

    def startDrag(self, supported: Qt.DropAction) -> None:  # noqa: N802
        """Drag the selected cards, showing a picture of the first under the mouse."""
        indexes = [i for i in self.selectedIndexes() if i.flags() & Qt.ItemFlag.ItemIsDragEnabled]
        if not indexes:
            return
        indexes.sort(key=lambda i: i.row())
        drag = QDrag(self)
        drag.setMimeData(self.model().mimeData(indexes))
        width = self.viewport().width()
        drag.setPixmap(self.delegate.pixmap(indexes[0].data(ROW_ROLE), width, self.palette(),
                                            self.devicePixelRatioF()))
        rect = self.visualRect(indexes[0])
        drag.setHotSpot(self.viewport().mapFromGlobal(self.cursor().pos()) - rect.topLeft())
        drag.exec(Qt.DropAction.MoveAction, Qt.DropAction.MoveAction)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        # QListView would turn a drop on its own list into moveRows(); the model's dropMimeData decides here.
        QAbstractItemView.dropEvent(self, event)

    def current_id(self) -> str | None:
        index = self.currentIndex()
        return index.data(ID_ROLE) if index.isValid() and self.selectionModel().isSelected(index) else None

    def selected_ids(self) -> list[str]:
        indexes = sorted(self.selectionModel().selectedIndexes(), key=lambda i: i.row())
        return [i.data(ID_ROLE) for i in indexes]


class StageColumn(QFrame):
    """One column: the stage's name, how many cards it holds, and its list of cards."""

    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.model = StageModel(stage, self)
        self.list = CardList(self.model, self)
        self.title = Caption(labels.stage_label(stage), self)
        self.title.setForegroundRole(QPalette.ColorRole.WindowText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(False)
        self.count = Caption("", self)
        self.count.setWordWrap(False)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setToolTip(labels.stage_hint(stage))
        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 8, 0)
        header.addWidget(self.title, 1)
        header.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(148)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAutoFillBackground(True)

    def set_cards(self, rows: Sequence[Row], total: int) -> None:
        self.model.set_rows(rows)
        shown = len(rows)
        self.count.setText(str(total) if shown == total else Ideas.tr("%1 of %2").replace("%1", str(shown))
                           .replace("%2", str(total)))
        self.count.setToolTip(Ideas.tr("1 idea in this stage") if total == 1
                              else Ideas.tr("%1 ideas in this stage").replace("%1", str(total)))


class BoardColumns(QWidget):
    """Columns side by side, filling the width (the board scrolls sideways when they cannot)."""

    def __init__(self, columns: Sequence[StageColumn], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for column in columns:
            column.setParent(self)
            layout.addWidget(column, 1)


BOARD = tuple(stage.value for stage in BOARD_STAGES)
EXITS = ("parked", "declined")


def select_rows(view: CardList, rows: Sequence[int], current: int) -> None:
    """Select `rows` of a list and make `current` its current card."""
    model, selection = view.model(), view.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    selection.setCurrentIndex(model.index(current, 0), QItemSelectionModel.SelectionFlag.Select)
