"""Item models over store rows: a table described by column specs, with a delegate that edits by column kind,
and a plain list (`RowListModel`) for views that paint their rows themselves.

Pages list goals, stakeholders, team members, assets … as `RowTableModel`s: the rows are plain dicts from the
store, the columns say how to show, sort and edit each field. An edit in a cell never writes by itself: it
calls the page's `on_edit(row_id, key, value)`, which goes through the `EditSession` (undoable, one
transaction); the session's `changed` signal then brings fresh rows back through `set_rows()`. A model
explains its columns in the headers' tooltips (`header_tip()`) and is made read-only as a whole (`editable`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from immersion.ui import formatting

Row = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class Column:
    """How one field of a row is shown and edited.

    Attributes:
        key: the row's field.
        title: untranslated header text (context "Columns"), marked with QT_TRANSLATE_NOOP.
        kind: "text", "int", "float", "date", "choice" or "bool"; decides the editor and the sorting.
        editable: whether the cell can be edited in place.
        choices: for "choice": (stored value, untranslated label) pairs, in their natural order; None values
            are allowed when `required` is False.
        minimum, maximum: the range of "int" and "float" values.
        required: a text or choice that cannot be emptied.
        display: the cell's text, when not the plain value.
        tooltip: the cell's tooltip.
        sort: the value to sort by, when not the plain value.
        width: a preferred width in characters (a hint for the view).
    """

    key: str
    title: str
    kind: str = "text"
    editable: bool = False
    choices: tuple[tuple[str | None, str], ...] = ()
    minimum: float = 0
    maximum: float = 1_000_000_000
    required: bool = False
    display: Callable[[Row], str] | None = None
    tooltip: Callable[[Row], str] | None = None
    sort: Callable[[Row], Any] | None = None
    width: int = 0

    def header(self) -> str:
        return QCoreApplication.translate("Columns", self.title)

    def label(self, value: Any) -> str:
        """The translated label of a stored choice value."""
        for stored, label in self.choices:
            if stored == value:
                return QCoreApplication.translate("Choices", label) if label else ""
        return "" if value is None else str(value)

    def text(self, row: Row) -> str:
        if self.display is not None:
            return self.display(row)
        value = row.get(self.key)
        if self.kind == "choice":
            return self.label(value)
        if self.kind == "date":
            return formatting.date_text(value) if value else ""
        if self.kind == "bool":
            return ""
        if value is None:
            return ""
        if self.kind == "float":
            return formatting.number_text(value)
        return str(value)

    def sort_value(self, row: Row) -> Any:
        if self.sort is not None:
            return self.sort(row)
        value = row.get(self.key)
        if self.kind == "choice":
            order = [stored for stored, _label in self.choices]
            return order.index(value) if value in order else len(order)
        if self.kind == "text":
            return (value or "").casefold()
        return (value is None, value if value is not None else 0)


def choices_of(enum: type, labels: dict[str, str] | None = None) -> tuple[tuple[str | None, str], ...]:
    """Choice pairs from a StrEnum: stored value and a capitalised label (or the label given)."""
    labels = labels or {}
    return tuple((member.value, labels.get(member.value, member.value.capitalize())) for member in enum)


class RowsMixin:
    """The rows of a model over store rows (dicts with an "id"): replacing them, finding one by index or id.

    `RowListModel` and `RowTableModel` share it. It goes before the Qt model class in the bases; the model's
    `__init__` sets `self._rows`.
    """

    _rows: list[Row]

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show `rows`; when the same rows come back in the same order only their contents are refreshed (the
        selection and scroll position stay)."""
        rows = list(rows)
        if rows and [r["id"] for r in rows] == [r["id"] for r in self._rows]:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self._last_column()))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def _last_column(self) -> int:
        """The last column `set_rows` refreshes: a list has only column 0."""
        return 0

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row(self, index: Index | int) -> Row:
        return self._rows[index if isinstance(index, int) else index.row()]

    def row_of(self, row_id: str) -> int:
        """The row number of an id, or -1."""
        return next((n for n, row in enumerate(self._rows) if row["id"] == row_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)


class RowListModel(RowsMixin, QAbstractListModel):
    """Rows (dicts with an "id") as a list; a subclass says in `data()` what a row shows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = []


class RowTableModel(RowsMixin, QAbstractTableModel):
    """Rows (dicts with an "id") shown through `Column` specs, with header tooltips from `header_tip()`.

    Args:
        columns: the columns, left to right.
        on_edit: called with (row id, field, new value) when a cell is edited; returns whether it was saved.

    Attributes:
        editable: False stops every cell from being edited or checked (a read-only workbook, say).
    """

    def __init__(self, columns: Sequence[Column], on_edit: Callable[[str, str, Any], bool] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[Row] = []
        self._on_edit = on_edit
        self.editable = True

    # -- contents ----------------------------------------------------------------------------------------------

    def _last_column(self) -> int:
        return len(self.columns) - 1

    def column_of(self, key: str) -> int:
        return next((n for n, column in enumerate(self.columns) if column.key == key), -1)

    def header_tip(self, key: str) -> str:
        """What the column `key` means, for its header's tooltip ("" for none)."""
        return ""

    # -- Qt model interface ------------------------------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header()
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tip(self.columns[section].key) or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.EditRole:
            return row.get(column.key)
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            return Qt.CheckState.Checked if row.get(column.key) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("int", "float"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return row["id"]
        if role == SORT_ROLE:
            return column.sort_value(row)
        if role == ROW_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base
        column = self.columns[index.column()]
        if column.editable and self.editable and self._on_edit is not None:
            if column.kind == "bool":
                return base | Qt.ItemFlag.ItemIsUserCheckable
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or self._on_edit is None:
            return False
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "bool":
            value = int(Qt.CheckState(value) == Qt.CheckState.Checked)
        elif role != Qt.ItemDataRole.EditRole:
            return False
        value = _clean(column, value)
        if column.required and value in (None, ""):
            return False
        row = self._rows[index.row()]
        if row.get(column.key) == value:
            return False
        return bool(self._on_edit(row["id"], column.key, value))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        spec = self.columns[column]
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=spec.sort_value, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


def _clean(column: Column, value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        if value == "" and not column.required:
            return None
    if column.kind == "int" and value is not None:
        return int(value)
    if column.kind == "float" and value is not None:
        return float(value)
    if column.kind == "date" and isinstance(value, QDate):
        return value.toString(Qt.DateFormat.ISODate) if value.isValid() else None
    return value


class ColumnDelegate(QStyledItemDelegate):
    """Editors by column kind: a combo box for choices, spin boxes for numbers, a date edit for dates."""

    def __init__(self, model_columns: Callable[[], Sequence[Column]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = model_columns

    def _column(self, index: Index) -> Column:
        return self._columns()[index.column()]

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        column = self._column(index)
        if column.kind == "choice":
            combo = QComboBox(parent)
            for stored, _label in column.choices:
                combo.addItem(column.label(stored), stored)
            return combo
        if column.kind == "int":
            spin = QSpinBox(parent)
            spin.setRange(int(column.minimum), int(column.maximum))
            return spin
        if column.kind == "float":
            dspin = QDoubleSpinBox(parent)
            dspin.setRange(column.minimum, column.maximum)
            dspin.setDecimals(2)
            dspin.setGroupSeparatorShown(True)
            return dspin
        if column.kind == "date":
            edit = QDateEdit(parent)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            return edit
        return QLineEdit(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
            editor.setValue(value if value is not None else editor.minimum())
        elif isinstance(editor, QDateEdit):
            date = formatting.parse_date(value)
            editor.setDate(date if date is not None else QDate.currentDate())
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, (QSpinBox, QDoubleSpinBox)):
            value = editor.value()
        elif isinstance(editor, QDateEdit):
            value = editor.date()
        else:
            value = editor.text()  # type: ignore[attr-defined]
        model.setData(index, value, Qt.ItemDataRole.EditRole)
