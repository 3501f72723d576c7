"""Form fields that refuse bad input where it is typed: a checked line edit and its message line.

`CheckedLine` runs its check when the user is done (Enter or leaving the field). Text the check refuses stays in
the field, outlined, with the reason in the `FieldMessage` beneath it; nothing is saved and nothing else in the
form is touched. Escape puts back the saved value.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from immersion.ui import theme

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent


def error_colour() -> QColor:
    """A red that reads on the current palette (light or dark)."""
    return QColor("#ff8a80") if theme.is_dark() else QColor("#b3261e")


class FieldMessage(QLabel):
    """The reason a field refused what was typed, in red under the field; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()

    def say(self, text: str) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_colour())
        self.setPalette(palette)
        self.setText(text)
        self.setVisible(bool(text))


class CheckedLine(QLineEdit):
    """A line edit whose text is checked before it is saved.

    Args:
        check: turns the text into the value to store, or raises ValueError with a sentence for the user.
        show: turns a stored value into the text shown.
        message: where the reason for a refusal is shown.

    Signals:
        committed(object): the user finished an edit that the check accepted; the argument is the new value.
        refused(str): the check refused what was typed; the argument says why.
    """

    committed = Signal(object)
    refused = Signal(str)

    def __init__(self, check: Callable[[str], Any], show: Callable[[Any], str], message: FieldMessage,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self._show = show
        self._saved: Any = None
        self.message = message
        self.editingFinished.connect(self.commit)

    def value(self) -> Any:
        return self._saved

    def is_dirty(self) -> bool:
        return self.text() != self._show(self._saved)

    def set_value(self, value: Any, keep_typing: bool = True) -> None:
        """Show the stored `value`, unless the user is in the middle of changing this field."""
        if keep_typing and self.hasFocus() and self.is_dirty():
            self._saved = value
            return
        self._saved = value
        self.setText(self._show(value))
        self.setCursorPosition(0)
        self._mark("")

    def commit(self) -> None:
        if self.isReadOnly() or not self.is_dirty():
            if not self.is_dirty():
                self._mark("")
            return
        try:
            value = self._check(self.text())
        except ValueError as error:
            self._mark(str(error))
            self.refused.emit(str(error))
            return
        self._mark("")
        if value != self._saved:
            self._saved = value
            self.committed.emit(value)
        self.setText(self._show(value))

    def revert(self) -> None:
        self.setText(self._show(self._saved))
        self._mark("")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.is_dirty():
            self.revert()
            return
        super().keyPressEvent(event)

    def _mark(self, reason: str) -> None:
        self.message.say(reason)
        self.setStyleSheet(f"QLineEdit {{ border: 2px solid {error_colour().name()}; border-radius: 3px; }}"
                           if reason else "")
        self.setToolTip(reason)
