"""The ledger's view: status badges, checked money and period editors, the ledger's keys, fitted columns.

`InvestmentTable` claims Insert / Ctrl+N (add), Delete and Enter over window shortcuts, and gives the
investment's name the room the other columns leave; when the page is narrow, optional columns go first
(every field of the selected investment is in the side form, so nothing is hidden for good).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QStyleOptionViewItem, QTableView, QWidget

from immersion.ui import formatting, theme
from immersion.ui.investment_model import STATUS_CHOICES, label, roi_text
from immersion.ui.pnl_input import Check, CheckedDelegate
from immersion.ui.row_model import Column, Index

STATUS_ACCENTS = {"planned": "#7a808a", "committed": "#2a6fd6", "spent": "#2b9a5a", "stopped": "#b5542d"}
# Preferred widths in average characters; the name takes what is left.
WIDTHS = {"name": 16, "kind": 11, "status": 10, "amount": 9, "period": 8, "expected_return": 12,
          "actual_return": 12, "roi": 12, "payback": 11, "goals": 22, "orphan_share": 7, "idea_title": 18,
          "notes": 18}
# Hidden in reverse order when space is short: the kind stays longest, the notes go first.
OPTIONAL = ("kind", "actual_return", "expected_return", "goals", "payback", "idea_title", "notes")
KEYS = {
    (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier): "add",
    (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier): "add",
    (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): "delete",
    (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier): "edit",
    (Qt.Key.Key_Enter, Qt.KeyboardModifier.NoModifier): "edit",
}


def badge_colours(accent: str) -> tuple[QColor, QColor]:
    """Fill and text colour of a badge in `accent`, readable on the current palette."""
    colour = QColor(accent)
    fill = QColor(colour)
    if theme.is_dark():
        fill.setAlpha(95)
        return fill, colour.lighter(170)
    fill.setAlpha(40)
    return fill, colour.darker(140)


class LedgerDelegate(CheckedDelegate):
    """Checked editors for money and periods, and the status drawn as a coloured badge."""

    def __init__(self, columns: Callable[[], Sequence[Column]], checks: Mapping[str, Check],
                 parent: QObject | None = None) -> None:
        super().__init__(columns, checks, parent)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if self._columns()[index.column()].key != "status":
            super().paint(painter, option, index)
            return
        status = index.data(Qt.ItemDataRole.EditRole)
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, widget)
        text = label(STATUS_CHOICES, status)
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        width = metrics.horizontalAdvance(text) + metrics.height()
        height = metrics.height() + 4
        rect = option.rect  # type: ignore[attr-defined]
        badge = QRectF(rect.center().x() - width / 2, rect.center().y() - height / 2 + 1, width, height)
        fill, ink = badge_colours(STATUS_ACCENTS.get(status, STATUS_ACCENTS["planned"]))
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            ink = option.palette.color(QPalette.ColorRole.HighlightedText)  # type: ignore[attr-defined]
            fill = QColor(ink)
            fill.setAlpha(60)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(badge, height / 2, height / 2)
        painter.setPen(ink)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class InvestmentTable(QTableView):
    """The ledger view.

    Signals:
        command(str): "add" or "delete" was asked for from the keyboard.
    """

    command = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys: list[str] = []
        self._widths: dict[str, int] = {}
        self._fitting = False
        self.horizontalHeader().sectionResized.connect(self._resized)

    def _command(self, event: QKeyEvent) -> str:
        if self.state() == QAbstractItemView.State.EditingState:
            return ""
        return KEYS.get((event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier), "")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._command(event):
            event.accept()  # the key press then comes to keyPressEvent instead of firing a window shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        command = self._command(event)
        index = self.currentIndex()
        if command == "edit":
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)
        elif command:
            self.command.emit(command)
        else:
            super().keyPressEvent(event)

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Size the columns to their headers, their longest choices and their usual content."""
        header, char = self.horizontalHeader(), self.fontMetrics().averageCharWidth()
        italic = QFont(self.font())
        italic.setItalic(True)
        samples = {"roi": roi_text({"roi": 8.888, "roi_basis": "expected"}),
                   "amount": formatting.money_text(8_888_888, "CHF")}
        self._keys = [column.key for column in columns]
        for number, column in enumerate(columns):
            header.setSectionResizeMode(number, QHeaderView.ResizeMode.Interactive)
            labels = [column.label(value) for value, _text in column.choices]
            needed = max([header.fontMetrics().horizontalAdvance(column.header())]
                         + [self.fontMetrics().horizontalAdvance(text) for text in labels]
                         + [QFontMetrics(italic).horizontalAdvance(samples.get(column.key, ""))]) + 20
            self._widths[column.key] = max(needed, WIDTHS.get(column.key, 10) * char + 16)
        self.fit_columns()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().viewportEvent(event)

    def _resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and new > 0 and column < len(self._keys) and self._keys[column] != "name":
            self._widths[self._keys[column]] = new  # the user's width is kept from now on
            self.fit_columns()

    def fit_columns(self) -> None:
        """Show the columns that fit beside a readable name; optional ones go first when space is short."""
        if not self._keys or self._fitting:
            return
        header, keys, widths = self.horizontalHeader(), self._keys, self._widths
        self._fitting = True
        try:
            available = self.viewport().width()
            used = sum(widths[k] for k in keys if k != "name" and k not in OPTIONAL)
            room = True
            for key in OPTIONAL:
                room = room and used + widths[key] + widths["name"] <= available
                header.setSectionHidden(keys.index(key), not room)
                used += widths[key] if room else 0
            for column, key in enumerate(keys):
                width = max(widths["name"], available - used) if key == "name" else widths[key]
                header.resizeSection(column, width)
        finally:
            self._fitting = False
