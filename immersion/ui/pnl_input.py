"""Reading and writing money as people type and paste it, and a cell delegate that refuses bad input.

Numbers are read in the user's locale first ("1.200.000,50" in German), then in the C locale ("1,200,000.50",
as most spreadsheets copy them); currency signs and codes, spaces and accounting brackets for negatives are
allowed. What cannot be read is refused with a sentence saying why — at the field, never silently as 0.

`CheckedDelegate` edits the columns it is given checks for in a plain line edit: Enter or Tab with text that a
check refuses keeps the editor open, shows the reason beside it and emits `refused`; the stored value stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem, QWidget

from immersion.domain.finance import parse_period
from immersion.texts import TextContext
from immersion.ui import formatting
from immersion.ui.row_model import Column, ColumnDelegate, Index

Check = Callable[[str], Any]  # text → stored value; raises ValueError with a sentence for the user
_SIGNS = re.compile(r"^[A-Za-z]{3}\s*|\s*[A-Za-z]{3}$|[€£$¥]")
_SPACES = re.compile(r"[\s\u00a0\u202f']")


Numbers = TextContext("Numbers")  # texts written Numbers.tr("…"), as pyside6-lupdate reads them


def parse_number(text: str) -> float:
    """A number as typed or pasted: "1,200,000", "€ 1.200.000,50", "(4,000)", "−12.5".

    Raises:
        ValueError: the text is not a number; the message says so for the user.
    """
    raw = (text or "").strip()
    cleaned = _SIGNS.sub("", raw).strip().replace("\u2212", "-")
    negative = cleaned.startswith("(") and cleaned.endswith(")")
    if negative:
        cleaned = cleaned[1:-1].strip()
    if not cleaned:
        raise ValueError(Numbers.tr("Enter a number.") if not raw
                         else Numbers.tr("“%1” is not a number.").replace("%1", raw))
    for locale in (QLocale(), QLocale.c()):
        for candidate in (cleaned, _SPACES.sub("", cleaned)):
            value, ok = locale.toDouble(candidate)
            if ok:
                return -value if negative else value
    raise ValueError(Numbers.tr("“%1” is not a number.").replace("%1", raw))


def parse_money(text: str, negative: bool = False, required: bool = True) -> float | None:
    """An amount of money; None for an empty optional field.

    Args:
        negative: whether a negative amount makes sense here (other costs may be a credit).
        required: whether the field may be left empty.

    Raises:
        ValueError: not a number, negative where it makes no sense, or missing.
    """
    if not (text or "").strip():
        if required:
            raise ValueError(Numbers.tr("Enter an amount; 0 if there is none."))
        return None
    value = parse_number(text)
    if value < 0 and not negative:
        raise ValueError(Numbers.tr("“%1” is negative; an amount here cannot be.").replace("%1", text.strip()))
    return value


def check_period(text: str) -> str:
    """The stored form of a period as typed ("2026-q3" → "2026-Q3").

    Raises:
        ValueError: not a quarter or a month, with the domain's reason.
    """
    try:
        return parse_period(text).text
    except ValueError as error:
        raise ValueError(str(error)) from None


def edit_text(value: float | None) -> str:
    """An amount as it is put into an editor: the user's locale, no more decimals than it has."""
    if value is None:
        return ""
    decimals = 0 if float(value).is_integer() else 2
    return QLocale().toString(float(value), "f", decimals)


def percent_text(value: float | None, decimals: int = 1, signed: bool = False) -> str:
    """A share or a ratio as a percentage with one decimal: 0.2 → "20.0%", signed: "+20.0%" / "−5.0%"."""
    if value is None:
        return formatting.UNDEFINED
    number = QLocale().toString(abs(value) * 100, "f", decimals)
    sign = ("+" if value >= 0 else "\u2212") if signed else ("\u2212" if value < 0 else "")
    return f"{sign}{number}{QLocale().percent()}"


def multiple_text(value: float | None) -> str:
    """A return per unit of spend: 2.4 → "2.40×"."""
    return formatting.UNDEFINED if value is None else f"{QLocale().toString(float(value), 'f', 2)}×"


class CheckedDelegate(ColumnDelegate):
    """Column editors, with line edits that check their text before it reaches the model.

    Args:
        columns: the model's columns (a callable, as for `ColumnDelegate`).
        checks: column key → check turning the typed text into the stored value or raising ValueError.

    Signals:
        refused(str): a check refused what was typed; the argument says why.
    """

    refused = Signal(str)

    def __init__(self, columns: Callable[[], Sequence[Column]], checks: Mapping[str, Check],
                 parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self._checks = dict(checks)

    def _check(self, index: Index) -> Check | None:
        return self._checks.get(self._columns()[index.column()].key)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        if self._check(index) is None:
            return super().createEditor(parent, option, index)
        editor = QLineEdit(parent)
        editor.setProperty("checked_column", index.column())
        editor.setAccessibleName(self._columns()[index.column()].header())
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit) and self._check(index) is not None:
            value = index.data(Qt.ItemDataRole.EditRole)
            editor.setText(edit_text(value) if isinstance(value, int | float) else str(value or ""))
            editor.selectAll()
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        check = self._check(index)
        if check is None or not isinstance(editor, QLineEdit):
            super().setModelData(editor, model, index)
            return
        try:
            value = check(editor.text())
        except ValueError as error:
            self.refused.emit(str(error))  # the editor is closing (focus left): the stored value stays
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if isinstance(editor, QLineEdit) and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and editor.property("checked_column") is not None:
            column = self._columns()[int(editor.property("checked_column"))]
            try:
                self._checks[column.key](editor.text())
            except ValueError as error:
                self._refuse_at(editor, str(error))
                return True  # the editor stays open with what was typed, so it can be corrected
        return super().eventFilter(editor, event)

    def _refuse_at(self, editor: QLineEdit, message: str) -> None:
        # The outline and the editor's tooltip mark the cell; the page shows the sentence beside the grid. (A
        # tooltip popped up here would be a window of its own: it could take the focus and close the editor.)
        editor.setStyleSheet("QLineEdit { border: 2px solid #c0392b; }")
        editor.setToolTip(message)
        self.refused.emit(message)
