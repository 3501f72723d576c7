"""Form fields bound to the columns of one row: each finished field is saved on its own, as one undoable edit.

A side form (the goal form, the idea editor, the investment form) keeps one `FieldBinding`. For each column it
knows the widget, how to show a stored value in it and read the user's value back, and when the user is done
with it (a line's editingFinished, a combo's activated, a spin box's editingFinished, a `NotesEdit` losing
focus). A finished field that differs from what is stored is passed once to the form's `changed(column, value)`
hook, and the form asks the edit session for the edit; nothing is saved per keystroke. Refilling the form from
a refreshed row leaves alone a field the user is typing in and emits nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from immersion.ui.investment_fields import CheckedLine

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QFocusEvent

Choices = Sequence[tuple[Any, str]]


class NotesEdit(QPlainTextEdit):
    """A multi-line text field that says when the user leaves it, like a line edit does."""

    editingFinished = Signal()  # noqa: N815 - named like QLineEdit's signal on purpose

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)  # Tab moves on, so the form stays keyboard-navigable

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.editingFinished.emit()


def strip_or_none(text: str) -> str | None:
    """The text without surrounding blanks; None for an emptied optional field."""
    return text.strip() or None


def fill_choices(combo: QComboBox, choices: Choices) -> None:
    """Make `choices` ((stored value, label) pairs) the items of `combo`, without emitting anything."""
    if [(combo.itemData(n), combo.itemText(n)) for n in range(combo.count())] == list(choices):
        return  # unchanged: rebuilding would close an open popup
    with QSignalBlocker(combo):
        combo.clear()
        for stored, label in choices:
            combo.addItem(label, stored)


def show_choices(combo: QComboBox, choices: Choices, chosen: Any) -> None:
    """`choices` as the items of `combo` (see `fill_choices`) with `chosen` selected (else the first one), enabled
    only when there is a choice; without emitting anything."""
    fill_choices(combo, choices)
    with QSignalBlocker(combo):
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.setEnabled(bool(choices))


class FieldBinding:
    """The widgets of a form bound to the columns of the one row it shows.

    Args:
        changed: called with (column, new value) when the user finished changing a field.
    """

    def __init__(self, changed: Callable[[str, Any], None]) -> None:
        self._changed = changed
        self._fields: dict[str, _Field] = {}
        self._editable = False
        self.loaded: dict[str, Any] = {}  # what each column holds as far as the form knows

    # -- binding -------------------------------------------------------------------------------------------

    def line(self, column: str, widget: QLineEdit, clean: Callable[[str], Any] = strip_or_none,
             required: bool = False) -> None:
        """A line edit, saved on editingFinished; a `required` field emptied by the user gets its text back."""
        self._bind(column, _Line(widget, clean, required), widget.editingFinished)

    def notes(self, column: str, widget: NotesEdit, clean: Callable[[str], Any] = strip_or_none) -> None:
        """A multi-line text, saved when the user leaves it."""
        self._bind(column, _Notes(widget, clean), widget.editingFinished)

    def spin(self, column: str, widget: QSpinBox, disable: bool = False) -> None:
        """A spin box, saved on editingFinished; read-only when the row is (or, with `disable`, disabled)."""
        self._bind(column, _Spin(widget, disable), widget.editingFinished)

    def combo(self, column: str, widget: QComboBox) -> None:
        """A combo box of stored values (item data), saved when the user picks one."""
        self._bind(column, _Combo(widget), widget.activated)

    def checked(self, column: str, widget: CheckedLine) -> None:
        """A `CheckedLine`, saved when its check accepts what was typed."""
        self._bind(column, _Checked(widget), widget.committed)

    def _bind(self, column: str, field: _Field, finished: SignalInstance) -> None:
        self._fields[column] = field
        finished.connect(lambda *_args: self.commit(column))

    # -- showing -------------------------------------------------------------------------------------------

    def load(self, values: Mapping[str, Any] | None, same: bool = False, editable: bool = True) -> None:
        """Show the stored `values` ({column: value}; None: no row, and nothing is saved).

        Args:
            same: the row shown until now, refreshed: a field the user is typing in keeps what it holds.
            editable: whether the user may change the fields.
        """
        if values is None:
            self.loaded, self._editable = {}, False
            return
        for column, field in self._fields.items():
            with QSignalBlocker(field.widget):  # filling is not an edit
                if same and field.typing(self.loaded.get(column)):
                    field.keep(values.get(column))  # an unrelated refresh must not throw away the user's words
                else:
                    field.show(values.get(column))
            field.lock(editable)
        self.loaded = {column: values.get(column) for column in self._fields}
        self._editable = editable

    # -- saving --------------------------------------------------------------------------------------------

    def commit(self, column: str) -> None:
        """Pass the field's value on to `changed` if the user changed it."""
        if not self._editable:
            return
        field = self._fields[column]
        value = field.value()
        if field.required and not value:
            field.put_back(self.loaded.get(column))
            return
        if value == self.loaded.get(column):
            return
        self.loaded[column] = value
        self._changed(column, value)

    def commit_pending(self) -> None:
        """Save the field being typed in (before the form turns to another row)."""
        for column, field in self._fields.items():
            if field.widget.hasFocus():
                self.commit(column)


# -- one kind of widget each --------------------------------------------------------------------------------


class _Field:
    """How a binding shows, reads and locks one kind of widget."""

    required = False

    def __init__(self, widget: Any) -> None:
        self.widget = widget

    def value(self) -> Any:
        raise NotImplementedError

    def show(self, value: Any) -> None:
        raise NotImplementedError

    def typing(self, stored: Any) -> bool:
        """Whether the user is in the middle of changing the field (last shown or saved as `stored`)."""
        return False

    def keep(self, value: Any) -> None:
        """The user is typing in the field: leave it as it is (`value` is the stored one)."""

    def put_back(self, value: Any) -> None:
        self.show(value)

    def lock(self, editable: bool) -> None:
        self.widget.setEnabled(editable)


class _Line(_Field):
    def __init__(self, widget: QLineEdit, clean: Callable[[str], Any], required: bool) -> None:
        super().__init__(widget)
        self._clean = clean
        self.required = required

    def value(self) -> Any:
        return self._clean(self.widget.text())

    def show(self, value: Any) -> None:
        self.widget.setText(value or "")
        self.widget.setCursorPosition(0)

    def typing(self, stored: Any) -> bool:
        return self.widget.hasFocus() and self.widget.text() != (stored or "")

    def put_back(self, value: Any) -> None:
        self.widget.setText(value or "")

    def lock(self, editable: bool) -> None:
        self.widget.setReadOnly(not editable)


class _Notes(_Field):
    def __init__(self, widget: NotesEdit, clean: Callable[[str], Any]) -> None:
        super().__init__(widget)
        self._clean = clean

    def value(self) -> Any:
        return self._clean(self.widget.toPlainText())

    def show(self, value: Any) -> None:
        if self.widget.toPlainText() != (value or ""):
            self.widget.setPlainText(value or "")

    def typing(self, stored: Any) -> bool:
        return self.widget.hasFocus() and self.widget.toPlainText() != (stored or "")

    def lock(self, editable: bool) -> None:
        self.widget.setReadOnly(not editable)


class _Spin(_Field):
    def __init__(self, widget: QSpinBox, disable: bool) -> None:
        super().__init__(widget)
        self._disable = disable

    def value(self) -> Any:
        return self.widget.value()

    def show(self, value: Any) -> None:
        self.widget.setValue(int(value))

    def typing(self, stored: Any) -> bool:
        return self.widget.hasFocus() and self.widget.value() != stored

    def lock(self, editable: bool) -> None:
        if self._disable:
            self.widget.setEnabled(editable)
        else:
            self.widget.setReadOnly(not editable)


class _Combo(_Field):
    def value(self) -> Any:
        return self.widget.currentData()

    def show(self, value: Any) -> None:
        self.widget.setCurrentIndex(max(0, self.widget.findData(value)) if value is not None else 0)


class _Checked(_Field):
    """A `CheckedLine` keeps its own saved value and refusal; the binding only fills it and hears its commits."""

    def value(self) -> Any:
        return self.widget.value()

    def show(self, value: Any) -> None:
        self.widget.set_value(value, keep_typing=False)

    def typing(self, stored: Any) -> bool:
        return self.widget.hasFocus() and self.widget.is_dirty()

    def keep(self, value: Any) -> None:
        self.widget.set_value(value)  # what is typed stays; Escape now puts back the new stored value

    def lock(self, editable: bool) -> None:
        self.widget.setReadOnly(not editable)
