"""A line edit that saves itself: it remembers the stored text and says when the user changed it.

Used where each field is its own saved unit (the account's profile, the meeting editor): the owner connects
`committed` to one undoable edit. A refresh after an edit elsewhere never replaces what the user is typing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QKeyEvent


class LineField(QLineEdit):
    """One line of text that saves on Enter or when focus leaves; Escape puts back the saved text.

    Text its validator does not accept (a two-letter currency) is never saved; leaving the field shows the
    stored text again.

    Signals:
        committed(str): the user finished an edit; the argument is the new text.
    """

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved = ""
        self.editingFinished.connect(self.commit)

    def is_dirty(self) -> bool:
        return self.text() != self._saved

    def set_text(self, text: str | None) -> None:
        """Show the stored `text`, unless the user is in the middle of changing this field."""
        text = text or ""
        if self.hasFocus() and self.is_dirty() and self.text() != text:
            return
        self._saved = text
        if self.text() != text:
            self.setText(text)
            self.setCursorPosition(0)

    def commit(self) -> None:
        if self.is_dirty() and not self.isReadOnly() and self.hasAcceptableInput():
            self._saved = self.text()
            self.committed.emit(self._saved)

    def revert(self) -> None:
        """Put back the saved text."""
        self.setText(self._saved)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.is_dirty():
            self.revert()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if not self.hasAcceptableInput():  # never saved, so show what is stored
            self.setText(self._saved)
