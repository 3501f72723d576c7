"""Field widgets and table pieces shared by the meeting editor, its insights, its actions and the touchpoints.

Fields save themselves as one undoable step when the user is done with them (a line on Enter or when focus
leaves; a longer text on Ctrl+Enter, when focus leaves, or — for the notes — after a short pause in typing),
never on every keystroke. They never write: they emit `committed(value)` and their owner goes through the edit
session. A refresh after an edit elsewhere never replaces a field the user is in the middle of changing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDateTime, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QHeaderView,
    QPlainTextEdit,
    QSizePolicy,
    QTableView,
    QWidget,
)

from immersion.ui import formatting
from immersion.ui.row_model import ID_ROLE, Column, ColumnDelegate, Index, Row, RowTableModel

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent

ISO_MINUTES = "yyyy-MM-ddTHH:mm:ss"
EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.SelectedClicked)


class TextField(QPlainTextEdit):
    """Plain multi-line text that saves on Ctrl+Enter, when focus leaves, and optionally after a pause.

    Args:
        pause_ms: save this long after the last keystroke (0: only on Ctrl+Enter and focus-out). A burst of
            typing thus becomes one undoable step, not one per keystroke.
        lines: the preferred height in lines, or 0 to grow with the space given.

    Signals:
        committed(str): the user finished an edit; the argument is the new text.
    """

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, pause_ms: int = 0, lines: int = 0) -> None:
        super().__init__(parent)
        self._saved = ""
        self._lines = lines
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(pause_ms)
        self.pause.timeout.connect(self.commit)
        if pause_ms:
            self.textChanged.connect(self._typed)
        if lines:
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.setTabChangesFocus(True)

    def _typed(self) -> None:
        if self.is_dirty():
            self.pause.start()

    def is_dirty(self) -> bool:
        return self.toPlainText() != self._saved

    def set_text(self, text: str | None) -> None:
        """Show the stored `text`, unless the user is in the middle of changing this field."""
        text = text or ""
        if self.toPlainText() == text:
            self._saved = text
            return
        if self.hasFocus() and self.is_dirty():
            return
        self._saved = text
        self.setPlainText(text)

    def commit(self) -> None:
        self.pause.stop()
        if self.is_dirty() and not self.isReadOnly():
            self._saved = self.toPlainText()
            self.committed.emit(self._saved)

    def selected_text(self) -> str:
        """The selection as plain text (paragraph separators turned into line breaks)."""
        return self.textCursor().selectedText().replace("\u2029", "\n").replace("\u2028", "\n")

    def sizeHint(self) -> QSize:
        if not self._lines:
            return super().sizeHint()
        height = self._lines * self.fontMetrics().lineSpacing() + 2 * round(self.document().documentMargin()) + \
            2 * self.frameWidth() + 4
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, self.sizeHint().height()) if self._lines else super().minimumSizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.commit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)


class DateTimeField(QDateTimeEdit):
    """A date and time that saves when the user is done with it (Enter or focus-out), as local ISO text.

    Signals:
        committed(str): the new moment, e.g. "2026-12-04T11:00:00".
    """

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved = ""
        self.setCalendarPopup(True)
        self.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.editingFinished.connect(self.commit)

    def value(self) -> str:
        return self.dateTime().toString(ISO_MINUTES)

    def set_value(self, iso: str) -> None:
        if self.hasFocus() and self.value() != self._saved:
            return
        self._saved = iso
        moment = QDateTime.fromString(iso[:19], ISO_MINUTES)
        if not moment.isValid():
            moment = QDateTime.fromString(iso[:16], "yyyy-MM-ddTHH:mm")
        if moment.isValid() and moment != self.dateTime():
            self.setDateTime(moment)
        self._saved = self.value()

    def commit(self) -> None:
        if self.value() != self._saved and not self.isReadOnly():
            self._saved = self.value()
            self.committed.emit(self._saved)


# -- tables ----------------------------------------------------------------------------------------------------


class PanelModel(RowTableModel):
    """A `RowTableModel` whose choices can change (a goal was added), that can be made read-only, and whose
    rows can be coloured (overdue actions).

    Args:
        decorate: called with (row, column key, role) for roles the base model does not answer.
    """

    def __init__(self, columns: Sequence[Column], on_edit: Callable[[str, str, Any], bool],
                 decorate: Callable[[Row, str, int], Any] | None = None, parent: Any = None) -> None:
        super().__init__(columns, on_edit, parent)
        self._editor = on_edit
        self._decorate = decorate

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Use new column specs; resets the view only when they differ (an open cell editor stays open)."""
        columns = list(columns)
        if columns == self.columns:
            return
        self.beginResetModel()
        self.columns = columns
        self.endResetModel()

    def set_editable(self, editable: bool) -> None:
        if editable == (self._on_edit is not None):
            return
        self.beginResetModel()
        self._on_edit = self._editor if editable else None
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = super().data(index, role)
        if value is None and self._decorate is not None and index.isValid() and index.row() < self.rowCount():
            return self._decorate(self.row(index), self.columns[index.column()].key, role)
        return value


class RowTable(QTableView):
    """A compact, row-selecting table over a `PanelModel`, edited in place through a `ColumnDelegate`.

    Args:
        stretch: the key of the column that takes the width left over (the main text).
        optional: keys of columns to hide, in this order, when the table is too narrow for them.

    Signals:
        delete_requested(str): Delete was pressed on a row; the argument is its id.
    """

    delete_requested = Signal(str)

    def __init__(self, model: PanelModel, stretch: str, parent: QWidget | None = None,
                 optional: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self._stretch = stretch
        self._optional = tuple(optional)
        self.setModel(model)
        self.setItemDelegate(ColumnDelegate(lambda: model.columns, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(EDIT_TRIGGERS)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setMinimumSectionSize(40)
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()
        self._outline_check_boxes()

    def _outline_check_boxes(self) -> None:
        """Fusion outlines check boxes in a darker shade of the window colour, which vanishes on a dark base;
        a lighter window colour for this view alone keeps the done boxes visible in the dark palette."""
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        if window.lightness() < palette.color(QPalette.ColorRole.WindowText).lightness():
            palette.setColor(QPalette.ColorRole.Window, window.lighter(220))
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            self.setPalette(QPalette())
            self._outline_check_boxes()

    def panel_model(self) -> PanelModel:
        return self.model()  # type: ignore[return-value]

    def fit_columns(self) -> None:
        """Give each column its preferred width; the `stretch` column takes the rest. When the table is narrow
        the other columns give up width first (down to their titles), then the optional ones hide, so that the
        main text stays readable."""
        model, header = self.panel_model(), self.horizontalHeader()
        metrics = self.fontMetrics()
        digit = metrics.horizontalAdvance("0")
        space = self.viewport().width()
        keep = max(140, space // 3)  # what the main text keeps, at least
        date = metrics.horizontalAdvance(formatting.date_text("2026-09-28")) + 16  # a date is never cut short
        titles = {n: max(metrics.horizontalAdvance(c.header()) + 24, date if c.kind == "date" else 0)
                  for n, c in enumerate(model.columns)}
        others = [n for n, c in enumerate(model.columns) if c.key != self._stretch]
        hidden: set[int] = set()
        for key in self._optional:
            if sum(titles[n] for n in others if n not in hidden) + keep <= space:
                break
            hidden.update(n for n in others if model.columns[n].key == key)
        preferred = {n: max(model.columns[n].width * digit + 16, titles[n]) for n in others if n not in hidden}
        room = space - keep
        total = sum(preferred.values())
        scale = min(1.0, room / total) if total and room > 0 else 1.0
        for number, column in enumerate(model.columns):
            self.setColumnHidden(number, number in hidden)
            if column.key == self._stretch:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
            elif number in preferred:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
                self.setColumnWidth(number, max(titles[number], round(preferred[number] * scale)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_columns()

    def selected_id(self) -> str | None:
        index = self.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_id(self, row_id: str) -> bool:
        row = self.panel_model().row_of(row_id)
        if row < 0:
            return False
        index = self.model().index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        row_id = self.selected_id()
        if row_id and event.matches(QKeySequence.StandardKey.Delete) and self.is_editable() \
                and self.state() != QAbstractItemView.State.EditingState:
            self.delete_requested.emit(row_id)
            return
        super().keyPressEvent(event)

    def is_editable(self) -> bool:
        return self.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers

    def set_editable(self, editable: bool) -> None:
        self.panel_model().set_editable(editable)
        self.setEditTriggers(EDIT_TRIGGERS if editable else QAbstractItemView.EditTrigger.NoEditTriggers)
