"""The toolbar of the ideas page: new, move and merge buttons, the column order, Board/Table and Details,
and a line that counts the ideas and says what just happened.

The toolbar only reports what was asked for; the page carries it out. Its two lines are a `PageToolbar`'s
(table_toolbar.py); the ideas' filters are a bar of their own (idea_filters.py), as they narrow the board too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QMenu, QPushButton, QToolButton, QWidget

from immersion.store.idea_queries import EXITS
from immersion.ui import idea_labels as labels
from immersion.ui.table_toolbar import PageToolbar


class IdeaToolbar(PageToolbar):
    """Buttons above the board or table.

    Signals:
        new(): capture a new idea.
        step(int): move the selected ideas one stage on (+1) or back (-1).
        move_to(str): move the selected ideas to this stage.
        merge(): merge the selected ideas.
        view(int): show the board (0) or the table (1).
        details(bool): show or hide the editor.
        order_changed(): the column order changed (`order.currentData()`: "hand", "value", "effort", "age").
    """

    new = Signal()
    step = Signal(int)
    move_to = Signal(str)
    merge = Signal()
    view = Signal(int)
    details = Signal(bool)
    order_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_button = self._button(self.tr("New idea"), self.tr("Capture a new idea (Insert or Ctrl+N)"),
                                       self.new.emit)
        self.back_button = self._button(self.tr("Move back"),
                                        self.tr("Move the selected idea one stage back (Ctrl+Left)"),
                                        lambda: self.step.emit(-1))
        self.on_button = self._button(self.tr("Move on"), self.tr("Move the selected idea one stage on "
                                                                  "(Ctrl+Right)"), lambda: self.step.emit(1))
        self.move_button = QToolButton(self)
        self.move_button.setText(self.tr("Move to"))
        self.move_button.setToolTip(self.tr("Move the selected ideas to any stage; parking or declining asks "
                                            "why"))
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.move_menu = QMenu(self.move_button)
        for stage in labels.STAGES:
            action = self.move_menu.addAction(labels.stage_label(stage) + ("…" if stage in EXITS else ""))
            action.triggered.connect(lambda _checked=False, stage=stage: self.move_to.emit(stage))
        self.move_button.setMenu(self.move_menu)
        self.merge_button = self._button(
            self.tr("Merge…"),
            self.tr("Merge the selected duplicates into one idea (select them with Ctrl+click)"),
            self.merge.emit)
        self.board_button = self._toggle(
            self.tr("Board"), self.tr("The ideas as cards in a column per stage"), lambda: self.view.emit(0))
        self.table_button = self._toggle(
            self.tr("Table"), self.tr("The ideas as a sortable, filterable table"), lambda: self.view.emit(1))
        self.details_button = self._toggle(
            self.tr("Details"),
            self.tr("Show or hide the editor of the selected idea (Enter or a double click on a card opens "
                    "it)"),
            lambda: self.details.emit(self.details_button.isChecked()))
        self.order = QComboBox(self)
        for key, text in (("hand", self.tr("Order by hand")), ("value", self.tr("Mutual value first")),
                          ("effort", self.tr("Least effort first")), ("age", self.tr("Oldest first"))):
            self.order.addItem(text, key)
        self.order.setToolTip(self.tr("How cards are ordered within each column; only in hand order can "
                                      "cards be dragged up and down a column"))
        self.order.setAccessibleName(self.tr("Card order"))
        self.order.currentIndexChanged.connect(lambda _index: self.order_changed.emit())
        buttons = [self.new_button, self.back_button, self.on_button, self.move_button, self.merge_button]
        self.arrange([buttons], [self.order, 8, self.board_button, self.table_button, 8, self.details_button],
                     spacing=6)

    def _button(self, text: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _toggle(self, text: str, tip: str, slot: Callable[[], Any]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setAutoRaise(True)  # flat until checked: the checked one reads as pressed in both palettes
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def show_view(self, number: int) -> None:
        """Mark the view shown (0 board, 1 table); the column order only concerns the board."""
        self.board_button.setChecked(number == 0)
        self.table_button.setChecked(number == 1)
        self.order.setVisible(number == 0)

    def enable(self, editable: bool, selected: int, stage: str, board: tuple[str, ...]) -> None:
        """Enable what applies to `selected` ideas, the current one being in `stage`."""
        self.new_button.setEnabled(editable)
        self.move_button.setEnabled(editable and selected > 0)
        self.merge_button.setEnabled(editable and selected >= 2)
        self.back_button.setEnabled(editable and bool(stage) and stage != board[0])
        self.on_button.setEnabled(editable and stage in board[:-1])
