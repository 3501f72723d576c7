"""The two lines above a page's table or board: buttons and filters, then the row count and a status line.

`PageToolbar` lays out the two lines and holds `count` and `status`, in which the page says how many rows there
are and what just happened. `TableToolbar` adds what a table page's toolbar reports (add, delete, a filter
changed) and only lays out and reports; the page carries out what was asked for. Subclasses (agenda_toolbar.py,
investment_toolbar.py) make their buttons and filters with `new_button()`, `new_text_filter()` and
`new_choice_filter()`, in their own words, and place them with `arrange()`; the ideas page's toolbar
(idea_toolbar.py) is a `PageToolbar`, its filters being a bar of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from immersion.ui.widgets import Caption

Choices = tuple[tuple[str | None, str], ...]  # stored value, untranslated label



def reset_filters(filters: Sequence[QLineEdit | QComboBox]) -> None:
    """Empty the text filters and set the choice filters to their first item ("All …"), without signals: the
    caller refilters once."""
    for widget in filters:
        widget.blockSignals(True)
    for widget in filters:
        if isinstance(widget, QLineEdit):
            widget.clear()
        else:
            widget.setCurrentIndex(0)
    for widget in filters:
        widget.blockSignals(False)

class PageToolbar(QWidget):
    """Buttons on the left and filters or switches on the right of the first line; the count and the status
    below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.count = Caption("", self)
        self.count.setWordWrap(False)
        self.status = Caption("", self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status.setWordWrap(False)
        # A long name in a message must not widen the page: the label gives way instead.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def arrange(self, groups: Sequence[Sequence[QWidget]], right: Sequence[QWidget | int],
                spacing: int) -> None:
        """Lay out the button `groups` (a little apart) on the left and `right` on the right of the first
        line, the count and the status on the second, `spacing` pixels below it. A number in `right` is that
        many pixels more between its neighbours."""
        row = QHBoxLayout()
        row.setSpacing(6)
        for number, group in enumerate(groups):
            if number:
                row.addSpacing(10)
            for widget in group:
                row.addWidget(widget)
        row.addStretch(1)
        for item in right:
            if isinstance(item, int):
                row.addSpacing(item)
            else:
                row.addWidget(item)
        info = QHBoxLayout()
        info.addWidget(self.count)
        info.addSpacing(24)
        info.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        layout.addLayout(row)
        layout.addLayout(info)


class TableToolbar(PageToolbar):
    """Buttons on the left and filters on the right of the first line; the count and the status below.

    Signals:
        add(): add a row.
        delete(): delete the selected row.
        filters_changed(): a filter changed, or the filters were cleared.
    """

    add = Signal()
    delete = Signal()
    filters_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filters: list[QLineEdit | QComboBox] = []

    def new_button(self, text: str, tip: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def new_text_filter(self, placeholder: str, tip: str) -> QLineEdit:
        """A filter field that shows only the rows containing its text."""
        field = QLineEdit(self)
        field.setPlaceholderText(placeholder)
        field.setClearButtonEnabled(True)
        field.setToolTip(tip)
        field.setMinimumWidth(140)
        field.textChanged.connect(lambda _text: self.filters_changed.emit())
        self._filters.append(field)
        return field

    def new_choice_filter(self, everything: str, choices: Choices, tip: str,
                          label: Callable[[Choices, str | None], str]) -> QComboBox:
        """A filter that shows every row (`everything`, first) or those of one choice, named by `label`."""
        combo = QComboBox(self)
        combo.addItem(everything, None)
        for stored, _label in choices:
            combo.addItem(label(choices, stored), stored)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.currentIndexChanged.connect(lambda _index: self.filters_changed.emit())
        self._filters.append(combo)
        return combo

    def clear_filters(self) -> None:
        """Show every row again, with one `filters_changed`."""
        reset_filters(self._filters)
        self.filters_changed.emit()
