"""The two lines above a table page's table: buttons and filters, then the row count and a status line.

`TableToolbar` only lays out and reports; the page carries out what was asked for and says in `count` and
`status` how many rows there are and what just happened. Subclasses (agenda_toolbar.py,
investment_toolbar.py) make their buttons and filters with `new_button()`, `new_text_filter()` and
`new_choice_filter()`, in their own words, and place them with `arrange()`.
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


class TableToolbar(QWidget):
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
        self.count = Caption("", self)
        self.count.setWordWrap(False)
        self.status = Caption("", self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status.setWordWrap(False)
        # A long name in a message must not widen the page: the label gives way instead.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

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

    def arrange(self, groups: Sequence[Sequence[QWidget]], right: Sequence[QWidget], spacing: int) -> None:
        """Lay out the button `groups` (a little apart) on the left and `right` on the right of the first line,
        the count and the status on the second, `spacing` pixels below it."""
        row = QHBoxLayout()
        row.setSpacing(6)
        for number, group in enumerate(groups):
            if number:
                row.addSpacing(10)
            for widget in group:
                row.addWidget(widget)
        row.addStretch(1)
        for widget in right:
            row.addWidget(widget)
        info = QHBoxLayout()
        info.addWidget(self.count)
        info.addSpacing(24)
        info.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(spacing)
        layout.addLayout(row)
        layout.addLayout(info)

    def clear_filters(self) -> None:
        """Show every row again, with one `filters_changed`."""
        for widget in self._filters:
            widget.blockSignals(True)  # one refilter, not one per filter
        for widget in self._filters:
            if isinstance(widget, QLineEdit):
                widget.clear()
            else:
                widget.setCurrentIndex(0)
        for widget in self._filters:
            widget.blockSignals(False)
        self.filters_changed.emit()
