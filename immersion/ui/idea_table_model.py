"""The ideas as a table: the columns, a proxy that filters with the store's `IdeaFilter` and sorts by the
columns' sort values, and the table view with the board's keys (Ctrl+N, Delete, Enter).

Cells that hold plain values (title, the four scores, estimated revenue) are edited in place; a new stage goes
through the page like a drop on the board does, so parking still asks for a reason.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from immersion.store.idea_queries import IdeaFilter
from immersion.ui import formatting
from immersion.ui import idea_labels as labels
from immersion.ui.idea_labels import Ideas
from immersion.ui.row_model import ID_ROLE, SORT_ROLE, Column, ColumnDelegate, Row, RowTableModel

Index = QModelIndex | QPersistentModelIndex
_QUADRANT_ORDER = tuple(labels.QUADRANTS)


def _scores(key: str, title: str) -> Column:
    return Column(key, title, "int", editable=True, minimum=1, maximum=5, width=7)


def _goals(row: Row) -> str:
    return ", ".join(g["title"] for g in row["goals"])


def _explain(row: Row) -> str:
    return labels.value_explanation(row["customer_value"], row["our_value"], row["quadrant"])


def _quadrant_rank(row: Row) -> int:
    found = row["quadrant"]
    return _QUADRANT_ORDER.index(found) if found in _QUADRANT_ORDER else len(_QUADRANT_ORDER)


COLUMNS = (
    Column("title", QT_TRANSLATE_NOOP("Columns", "Idea"), editable=True, required=True, width=30),
    Column("stage", QT_TRANSLATE_NOOP("Columns", "Stage"), "choice", editable=True, required=True,
           choices=tuple(labels.STAGES.items()), width=11),
    Column("mutual_value", QT_TRANSLATE_NOOP("Columns", "Mutual value"), "int", width=8, tooltip=_explain),
    Column("quadrant", QT_TRANSLATE_NOOP("Columns", "Quadrant"), sort=_quadrant_rank, tooltip=_explain,
           display=lambda r: labels.quadrant_label(r["quadrant"]), width=13),
    _scores("customer_value", QT_TRANSLATE_NOOP("Columns", "Customer value")),
    _scores("our_value", QT_TRANSLATE_NOOP("Columns", "Our value")),
    _scores("effort", QT_TRANSLATE_NOOP("Columns", "Effort")),
    _scores("confidence", QT_TRANSLATE_NOOP("Columns", "Confidence")),
    Column("estimated_revenue", QT_TRANSLATE_NOOP("Columns", "Est. revenue"), "float", editable=True,
           width=10),
    Column("goals", QT_TRANSLATE_NOOP("Columns", "Goals"), display=_goals, tooltip=_goals,
           sort=lambda r: (-len(r["goals"]), _goals(r).casefold()), width=22),
    Column("tags", QT_TRANSLATE_NOOP("Columns", "Tags"), display=lambda r: ", ".join(r["tags"]),
           sort=lambda r: ", ".join(r["tags"]).casefold() or "\uffff", width=12),
    Column("origin", QT_TRANSLATE_NOOP("Columns", "Origin"), "choice", choices=tuple(labels.ORIGINS.items()),
           width=9),
    Column("meeting_title", QT_TRANSLATE_NOOP("Columns", "Origin meeting"), width=18,
           tooltip=lambda r: formatting.date_text(r["meeting_starts_at"]) if r.get("meeting_title") else ""),
    Column("age_days", QT_TRANSLATE_NOOP("Columns", "Age (days)"), "int", width=8,
           tooltip=lambda r: Ideas.tr("Captured on %1").replace("%1",
                                                                formatting.date_text(r["created_at"]))),
)


class IdeaFilterProxy(QSortFilterProxyModel):
    """Shows the rows an `IdeaFilter` lets through; sorts by each column's sort value."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.filter = IdeaFilter()

    def set_filter(self, found: IdeaFilter) -> None:
        if found == self.filter:
            return
        self.beginFilterChange()
        self.filter = found
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model: RowTableModel = self.sourceModel()  # type: ignore[assignment]
        return self.filter.matches(model.row(source_row))

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        return bool(left.data(SORT_ROLE) < right.data(SORT_ROLE))


class IdeaTable(QTableView):
    """The ideas table.

    Signals:
        command(str): "new" or "delete" was asked for from the keyboard.
        step(int): Ctrl+Right / Ctrl+Left asked to move the selected ideas one stage on (+1) or back (-1).
    """

    command = Signal(str)
    step = Signal(int)

    def __init__(self, model: RowTableModel, proxy: IdeaFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        proxy.setSourceModel(model)
        self.setModel(proxy)
        self.setItemDelegate(ColumnDelegate(lambda: model.columns, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the board's order until a header is clicked
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = self.fontMetrics().averageCharWidth()
        for number, column in enumerate(model.columns):
            needed = header.fontMetrics().horizontalAdvance(column.header()) + 28
            self.setColumnWidth(number, max(needed, column.width * char + 16))
        self.setAccessibleName(self.tr("Ideas"))

    def _command(self, event: QKeyEvent) -> str:
        if self.state() == QAbstractItemView.State.EditingState:
            return ""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_N and mods == Qt.KeyboardModifier.ControlModifier:
            return "new"
        if event.key() == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.NoModifier:
            return "delete"
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods == Qt.KeyboardModifier.ControlModifier:
            return "on" if event.key() == Qt.Key.Key_Right else "back"
        return ""

    def event(self, event: QEvent) -> bool:
        overridden = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
        if overridden and self._command(event):  # type: ignore[arg-type]
            event.accept()  # Ctrl+N comes to keyPressEvent instead of making a new workbook
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        command = self._command(event)
        if command in ("on", "back"):
            self.step.emit(1 if command == "on" else -1)
        elif command:
            self.command.emit(command)
        else:
            super().keyPressEvent(event)

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [self.model().index(r, 0).data(ID_ROLE) for r in rows]

    def current_id(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        return index.siblingAtColumn(0).data(ID_ROLE)

    def select_ids(self, ids: list[str], current: str | None, source: RowTableModel) -> bool:
        """Select the rows of `ids` that the filter shows, `current` (or the first) current; False if none."""
        proxy: IdeaFilterProxy = self.model()  # type: ignore[assignment]
        rows = [proxy.mapFromSource(source.index(source.row_of(i), 0)) for i in ids if source.row_of(i) >= 0]
        rows = [r for r in rows if r.isValid()]
        selection = self.selectionModel()
        selection.clearSelection()
        if not rows:
            return False
        flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
        for index in rows:
            selection.select(index, flags)
        home = next((r for r in rows if r.data(ID_ROLE) == current), rows[0])
        column = max(self.currentIndex().column(), 0)
        selection.setCurrentIndex(home.siblingAtColumn(column), selection.SelectionFlag.NoUpdate)
        self.scrollTo(home.siblingAtColumn(column))
        return True


class IdeaTableModel(RowTableModel):
    """The idea rows in the table's columns; `on_edit(id, field, value)` saves a cell while `editable`."""

    def __init__(self, on_edit: Any, parent: QObject | None = None) -> None:
        super().__init__(COLUMNS, on_edit, parent)
        self.editable = False  # until the page knows the workbook can be written
