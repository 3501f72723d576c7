"""The frame the side forms share: a heading, a summary line, and the fields of the selected row or a hint.

`SideForm` lays the fields out in two columns with their labels above them (`place`), shows them or the hint
(`show_fields`, `show_hint`) and draws a rounded outline around itself. It is as tall as what it shows: the
hint alone needs no scroll bar. What the fields are and how they save is up to the form (see `field_binding`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QGridLayout, QVBoxLayout, QWidget

from immersion.ui.investment_fields import CheckedLine
from immersion.ui.widgets import Caption, Heading

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent


class SideForm(QWidget):
    """A side form's frame; the subclass sets the `heading` and `empty` texts, places its fields and then
    calls `finish_layout`.

    Attributes:
        outlined: draw a rounded outline around the form.
        row_gap: the space under each row of fields, in pixels.
    """

    outlined = True
    row_gap = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = Heading("", 1.15, self)
        self.summary = Caption("", self)
        self.fields = QWidget(self)
        self.grid = QGridLayout(self.fields)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(3)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        self.next_row = 0
        self.empty = Caption("", self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # The fields or the hint, the other hidden: a box layout gives a hidden widget no room, where a stacked
        # layout would keep the form as tall as its fields under the hint (and the scroll area's bar showing).
        self._pages = QVBoxLayout()  # filled by `finish_layout`
        self._pages.setContentsMargins(0, 0, 0, 0)
        self._pages.setSpacing(0)
        self.frame = QVBoxLayout(self)
        self.frame.setContentsMargins(16, 14, 16, 14)
        self.frame.setSpacing(2)
        self.frame.addWidget(self.heading)
        self.frame.addWidget(self.summary)
        self.frame.addSpacing(8)
        self.frame.addLayout(self._pages, 1)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        if not self.outlined:
            return
        # Only an outline: on the window colour the fields' own base colour stands out in light and dark alike
        # (a Card's base fill would swallow them in the dark palette).
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        painter.end()

    # -- building ------------------------------------------------------------------------------------------

    def compact_combo(self, min_chars: int = 8) -> QComboBox:
        """A combo box that long item texts do not widen beyond `min_chars` characters."""
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(min_chars)  # long names must not widen the side panel
        return combo

    def place(self, label: str, widget: QWidget, label2: str = "", widget2: QWidget | None = None) -> None:
        """One row of the form: labels above their fields, one field across or two side by side, and under a
        `CheckedLine` the reason it refused what was typed."""
        pairs = [(label, widget)] + ([(label2, widget2)] if widget2 is not None else [])
        span = 1 if widget2 is not None else 2
        for column, (text, field) in enumerate(pairs):
            caption = Caption(text, self)
            caption.setBuddy(field)
            field.setAccessibleName(text)
            self.grid.addWidget(caption, self.next_row, column, 1, span)
            self.grid.addWidget(field, self.next_row + 1, column, 1, span)
            if isinstance(field, CheckedLine):
                self.grid.addWidget(field.message, self.next_row + 2, column, 1, span)
        self.grid.setRowMinimumHeight(self.next_row + 3, self.row_gap)
        self.next_row += 4

    def finish_layout(self) -> None:
        """Put the placed fields and the hint into the form; call once, after the last field is placed.

        The fields join the form, hidden until a row is shown, only now: hidden before their widgets arrived,
        Qt would go on with stale heights for them, e.g. of a goal-shares list that grew.
        """
        self._pages.addWidget(self.fields, 1)
        self._pages.addWidget(self.empty, 1)
        self.show_hint()

    # -- showing -------------------------------------------------------------------------------------------

    def show_fields(self) -> None:
        self.empty.hide()
        self.fields.show()

    def show_hint(self) -> None:
        self.fields.hide()
        self.empty.show()
