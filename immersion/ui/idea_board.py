"""The curation board: the six stage columns side by side, and parked and declined ideas in a fold-out area.

The board shows the cards it is given (the page sorts and filters them) and reports what the user does: which
card is current, which cards are selected, drops (`moved`), one-stage moves by key (`step`) and key commands.
Selection behaves like one list across the columns: a plain click or key selects in one column only, Ctrl- or
Shift-click adds to the selection (also across columns), for merging duplicates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from immersion.ui.idea_columns import BOARD, EXITS, BoardColumns, CardList, StageColumn, select_rows
from immersion.ui.row_model import ID_ROLE, Row


class IdeaBoard(QWidget):
    """A column per stage, with parked and declined folded away below.

    Signals:
        current_changed(object): the current card's idea id, or None.
        selection_changed(): the set of selected cards changed.
        moved(list, str, int): ideas were dropped on a column's shown row (-1: at its end); emitted after the
            drag has finished.
        step(int): move the selected cards one stage on (+1) or back (-1).
        command(str): "new", "delete" or "open" from the keyboard.
        menu_requested(QPoint): a context menu was asked for at this global position.
    """

    current_changed = Signal(object)
    selection_changed = Signal()
    moved = Signal(list, str, int)
    step = Signal(int)
    command = Signal(str)
    menu_requested = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = {stage: StageColumn(stage) for stage in (*BOARD, *EXITS)}
        self._active = BOARD[0]
        self._quiet = False  # set while the board itself changes selections
        self._announced: str | None = None

        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setWidget(BoardColumns([self.columns[s] for s in BOARD]))
        self.exits_button = QToolButton(self)
        self.exits_button.setCheckable(True)
        self.exits_button.setAutoRaise(True)
        self.exits_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.exits_button.setArrowType(Qt.ArrowType.RightArrow)
        self.exits_button.setToolTip(self.tr("Show or hide the ideas that were parked or declined"))
        self.exits_button.toggled.connect(self.show_exits)
        self.exits = BoardColumns([self.columns[s] for s in EXITS], self)
        self.exits.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.exits.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.scroller, 3)
        layout.addWidget(self.exits_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.exits, 2)

        self.setFocusProxy(self.columns[BOARD[0]].list)
        for stage, column in self.columns.items():
            view = column.list
            view.step.connect(self.step)
            view.command.connect(self.command)
            view.neighbour.connect(lambda direction, stage=stage: self._neighbour(stage, direction))
            view.engaged.connect(lambda extend, stage=stage: self._engaged(stage, extend))
            view.selectionModel().selectionChanged.connect(lambda *_args, stage=stage: self._selected(stage))
            view.customContextMenuRequested.connect(lambda pos, stage=stage: self._menu(stage, pos))
            view.doubleClicked.connect(lambda _index: self.command.emit("open"))
            # Queued: the move (and any question it asks) happens after the drop has returned to Qt.
            column.model.dropped.connect(self.moved, Qt.ConnectionType.QueuedConnection)

    # -- contents ------------------------------------------------------------------------------------------

    def set_editable(self, editable: bool, reorderable: bool) -> None:
        """Whether cards can be dragged, and whether a drop may reorder a column (only in hand order)."""
        for column in self.columns.values():
            column.model.editable = editable
            column.model.reorderable = reorderable
            column.list.setDragEnabled(editable)
            column.list.setAcceptDrops(editable)

    def set_cards(self, columns: Mapping[str, Sequence[Row]], totals: Mapping[str, int]) -> None:
        """Show each column's cards (already sorted and filtered) with the column's total before filtering."""
        keep, current = self.selected_ids(), self.current_id()
        self._quiet = True
        try:
            for stage, column in self.columns.items():
                column.set_cards(columns.get(stage, ()), totals.get(stage, 0))
        finally:
            self._quiet = False
        parked, declined = totals.get("parked", 0), totals.get("declined", 0)
        self.exits_button.setText(self.tr("Parked %1 · Declined %2").replace("%1", str(parked))
                                  .replace("%2", str(declined)))
        if keep and set(keep) != set(self.selected_ids()):
            self.select(keep, current, scroll=False)  # a column was rebuilt: put the selection back
        else:
            self._announce()

    def show_exits(self, shown: bool) -> None:
        """Fold the parked and declined columns out (or away)."""
        if self.exits_button.isChecked() != shown:
            self.exits_button.setChecked(shown)  # comes back here through toggled
            return
        self.exits.setVisible(shown)
        self.exits_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def exits_shown(self) -> bool:
        return self.exits_button.isChecked()

    def view(self, stage: str) -> CardList:
        return self.columns[stage].list

    # -- selection -----------------------------------------------------------------------------------------

    def current_id(self) -> str | None:
        """The current card: the active column's, else the first selected card anywhere."""
        found = self.columns[self._active].list.current_id()
        if found:
            return found
        selected = self.selected_ids()
        return selected[0] if selected else None

    def current_stage(self) -> str:
        return self._active

    def selected_ids(self) -> list[str]:
        return [i for stage in (*BOARD, *EXITS) for i in self.columns[stage].list.selected_ids()]

    def stage_of(self, idea_id: str) -> str | None:
        return next((s for s, c in self.columns.items() if c.model.row_of(idea_id) >= 0), None)

    def select(self, ids: Sequence[str], current: str | None = None, scroll: bool = True) -> bool:
        """Select the shown cards of `ids`, `current` (or the first) current; False when none is shown."""
        current = current if current in ids else (ids[0] if ids else None)
        home = self.stage_of(current) if current else None
        self._quiet = True
        try:
            for stage, column in self.columns.items():
                rows = [r for r in (column.model.row_of(i) for i in ids) if r >= 0]
                if stage == home:
                    select_rows(column.list, rows, column.model.row_of(current or ""))
                elif rows:
                    for row in rows:
                        column.list.selectionModel().select(column.model.index(row, 0),
                                                            QItemSelectionModel.SelectionFlag.Select)
                else:
                    column.list.selectionModel().clearSelection()
        finally:
            self._quiet = False
        if home is None:
            self._announce()
            return False
        self._activate(home)
        if home in EXITS:
            self.show_exits(True)
        view = self.columns[home].list
        if scroll:
            view.scrollTo(view.currentIndex(), QAbstractItemView.ScrollHint.EnsureVisible)
            self.scroller.ensureWidgetVisible(self.columns[home], 8, 0)
        self._announce()
        return True

    def focus_current(self) -> None:
        self.columns[self._active].list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _activate(self, stage: str) -> None:
        self._active = stage
        self.setFocusProxy(self.columns[stage].list)  # focus on the board goes to the column in use

    def _engaged(self, stage: str, extend: bool) -> None:
        self._activate(stage)
        if extend:
            return
        self._quiet = True
        try:
            for other, column in self.columns.items():
                if other != stage:
                    column.list.selectionModel().clearSelection()
        finally:
            self._quiet = False

    def _selected(self, stage: str) -> None:
        if self._quiet:
            return
        if self.columns[stage].list.selectionModel().hasSelection():
            self._activate(stage)
        self._announce()

    def _announce(self) -> None:
        self.selection_changed.emit()
        current = self.current_id()
        if current != self._announced:
            self._announced = current
            self.current_changed.emit(current)

    def _neighbour(self, stage: str, direction: int) -> None:
        """Go to the nearest column in `direction` that has cards, to the card level with the current one."""
        order = [*BOARD, *(EXITS if self.exits_shown() else ())]
        row = max(0, self.columns[stage].list.currentIndex().row())
        position = order.index(stage) + direction
        while 0 <= position < len(order):
            column = self.columns[order[position]]
            if column.model.rowCount():
                target = min(row, column.model.rowCount() - 1)
                self.select([column.model.index(target, 0).data(ID_ROLE)])
                column.list.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            position += direction

    def _menu(self, stage: str, pos: QPoint) -> None:
        view = self.columns[stage].list
        index = view.indexAt(pos)
        if index.isValid() and not view.selectionModel().isSelected(index):
            self.select([index.data(ID_ROLE)])
        self.menu_requested.emit(view.viewport().mapToGlobal(pos))
