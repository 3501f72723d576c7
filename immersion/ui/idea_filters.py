"""The filter bar of the ideas page: text, stage, goal, origin, quadrant and tag, read as an `IdeaFilter`.

The same filters narrow the board and the table (the stage filter only the table: on the board the columns
are the stages), so a 2,000-idea board can be cut down to what the user is looking for.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from immersion.store.idea_queries import NO_GOAL, IdeaFilter
from immersion.ui import idea_labels as labels
from immersion.ui.table_toolbar import reset_filters


class IdeaFilterBar(QWidget):
    """Filter fields in one row.

    Signals:
        changed(): a filter changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Filter ideas…"))
        self.text.setClearButtonEnabled(True)
        self.text.setToolTip(self.tr("Show only ideas whose title, description, tags, goals or origin "
                                     "meeting contain all these words"))
        self.text.setAccessibleName(self.tr("Filter ideas"))
        self.text.setMinimumWidth(150)
        self.text.textChanged.connect(self.changed)
        self.stage = self._combo(self.tr("All stages"), [(s, labels.stage_label(s)) for s in labels.STAGES],
                                 self.tr("Show only ideas in one stage"))
        self.goal = self._combo(self.tr("All goals"), [], self.tr("Show only ideas serving one goal"))
        origins = [(o, labels.origin_label(o)) for o in labels.ORIGINS]
        self.origin = self._combo(self.tr("All origins"), origins, self.tr("Show only ideas of one origin"))
        quadrants = [(q, labels.quadrant_label(q)) for q in labels.QUADRANTS]
        self.quadrant = self._combo(self.tr("All quadrants"), quadrants,
                                    self.tr("Show only ideas in one quadrant of customer value × our value"))
        self.tag = self._combo(self.tr("All tags"), [], self.tr("Show only ideas with one tag"))
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.clear_button.setToolTip(self.tr("Show every idea"))
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.text, 2)
        for combo in (self.stage, self.goal, self.origin, self.quadrant, self.tag):
            layout.addWidget(combo, 1)
        layout.addWidget(self.clear_button)
        self.changed.connect(lambda: self.clear_button.setEnabled(bool(self.current())))
        self.clear_button.setEnabled(False)

    def _combo(self, everything: str, choices: Sequence[tuple[str, str]], tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)  # goal titles and tags must not widen the page
        combo.addItem(everything, None)
        for value, label in choices:
            combo.addItem(label, value)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def set_choices(self, goals: Sequence[tuple[str, str, str]], tags: Sequence[str]) -> None:
        """The account's goals and tags as choices; a chosen one that is gone falls back to "All"."""
        linked = [(goal, title) for goal, title, _status in goals]
        self._refill(self.goal, [(NO_GOAL, self.tr("No goal linked")), *linked])
        self._refill(self.tag, [(t, t) for t in tags])

    def _refill(self, combo: QComboBox, choices: Sequence[tuple[str, str]]) -> None:
        wanted = [(None, combo.itemText(0)), *choices]
        if [(combo.itemData(n), combo.itemText(n)) for n in range(combo.count())] == wanted:
            return
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value, label in choices:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        combo.blockSignals(False)
        if combo.currentData() != chosen:
            self.changed.emit()

    def current(self, with_stage: bool = True) -> IdeaFilter:
        return IdeaFilter(stage=self.stage.currentData() if with_stage else None,
                          goal_id=self.goal.currentData(), origin=self.origin.currentData(),
                          quadrant=self.quadrant.currentData(), tag=self.tag.currentData(),
                          text=self.text.text())

    def clear(self) -> None:
        """Show every idea again (one refresh, not six)."""
        reset_filters((self.text, self.stage, self.goal, self.origin, self.quadrant, self.tag))
        self.changed.emit()

    def show_stage(self, shown: bool) -> None:
        self.stage.setVisible(shown)
