"""The catalogue pages' shared base: one editable table over a workbook table, shared by all accounts.

`CataloguePage` shows the table with a text filter, a group filter, a count, Add and Delete; a subclass (see
catalogue_pages.py) only declares its table, columns, groups, texts and where a row is used. Edits go through
the edit session, one undoable step each; deleting a row that is used elsewhere asks first, through
`confirm_delete` (which tests replace).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from immersion.store import edits
from immersion.ui.catalogue_model import Catalogue, CatalogueDelegate, CatalogueFilter, CatalogueModel
from immersion.ui.pages import Page, PageContext
from immersion.ui.row_model import ROW_ROLE, Column
from immersion.ui.table_view import ROW_KEYS, CommandTable, Keys, style_rows
from immersion.ui.theme import PAGE_MARGIN as MARGIN
from immersion.ui.widgets import Caption, Heading

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint

    from immersion.store.workbook import Workbook
    from immersion.ui.edit_session import EditSession

Group = tuple[str, dict[str, Any]]  # untranslated label, the field values the rows of the group have
Use = tuple[str, str, str]  # table, column that refers to the row, untranslated description


def confirm_delete(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before deleting something that is used elsewhere; True to go ahead (tests replace this)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    delete = box.addButton(Catalogue.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete


def usage(workbook: Workbook, uses: tuple[Use, ...], row_ids: list[str]) -> list[tuple[str, int]]:
    """Where rows are used: (translated description, count) for each kind of use that occurs."""
    found = []
    for table, column, description in uses:
        count = sum(len(edits.rows(workbook, table, **{column: row_id})) for row_id in row_ids)
        if count:
            found.append((Catalogue.tr(description), count))
    return found


class CatalogueTable(CommandTable):
    """The catalogue's table: Insert and Ctrl+N add, Delete deletes, as in the account pages' tables; Enter is
    left alone (a cell is edited with F2, a double click or a click on the selected row)."""

    KEYS: ClassVar[Keys] = {key: command for key, command in ROW_KEYS.items() if command != "edit"}


class CataloguePage(Page):
    """A filterable, editable table of one catalogue; subclasses declare the attributes and `columns()`."""

    TABLE = ""
    TITLE = SUBTITLE = NEW_NAME = ""  # untranslated, context "Catalogue", like every text below
    UNDO = ("", "", "", "")  # add, edit, delete one, delete %1 (more than one)
    COUNT = ("", "")  # one row, %1 rows
    GROUPS: tuple[Group, ...] = ()  # the first shows every row; an empty label is a separator
    USES: tuple[Use, ...] = ()
    HEADER_TIPS: ClassVar[dict[str, str]] = {}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = PageContext(None)
        self.title = Heading(Catalogue.tr(self.TITLE), 1.7, self)
        self.subtitle = Caption(Catalogue.tr(self.SUBTITLE), self)
        self.model = CatalogueModel(self.columns([]), self._on_edit, self.HEADER_TIPS, self)
        self.proxy = CatalogueFilter(self)
        self.proxy.setSourceModel(self.model)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._count)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setToolTip(self.tr("Show only the rows containing this text, in any column."))
        self.filter.textChanged.connect(self._refilter)
        self.group = QComboBox(self)
        for number, (label, _values) in enumerate(self.GROUPS):
            if label:
                self.group.addItem(Catalogue.tr(label), number)
            else:
                self.group.insertSeparator(self.group.count())
        self.group.currentIndexChanged.connect(self._refilter)
        self.count = Caption("", self)
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setToolTip(self.tr("Add a row (Insert or Ctrl+N in the table)"))
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setToolTip(self.tr("Delete the selected rows (Delete); Edit ▸ Undo brings them "
                                              "back"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.view = self._table()

        tools = QHBoxLayout()
        tools.setSpacing(8)
        tools.addWidget(self.filter, 2)
        tools.addWidget(self.group, 1)
        tools.addSpacing(8)
        tools.addWidget(self.count)
        tools.addStretch(1)
        tools.addWidget(self.add_button)
        tools.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN - 6, MARGIN, MARGIN)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(10)
        layout.addLayout(tools)
        layout.addSpacing(6)
        layout.addWidget(self.view, 1)

    def _table(self) -> CatalogueTable:
        view = CatalogueTable(self)
        view.setModel(self.proxy)
        view.setItemDelegate(CatalogueDelegate(lambda: self.model.columns, view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        triggers = QAbstractItemView.EditTrigger
        view.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.SelectedClicked)
        style_rows(view, self.fontMetrics().height() + 14)
        view.setShowGrid(False)
        view.setSortingEnabled(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        view.command.connect(self._command)
        view.selectionModel().selectionChanged.connect(self._update_buttons)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for number, column in enumerate(self.model.columns):
            if column.width:
                header.resizeSection(number, column.width * self.fontMetrics().averageCharWidth() + 16)
        view.sortByColumn(self.model.column_of("name"), Qt.SortOrder.AscendingOrder)
        return view

    def columns(self, team: list[tuple[str, str]]) -> list[Column]:
        """The table's columns; `team` is (id, name) of all team members, for owner columns."""
        raise NotImplementedError

    def undo_text(self, action: str, count: int = 1) -> str:
        """The undo text of "add", "edit" or "delete" for `count` rows ("Delete 3 team members")."""
        if action == "delete":
            return Catalogue.tr(self.UNDO[2]) if count == 1 else Catalogue.tr(self.UNDO[3]).replace("%1", str(count))
        return Catalogue.tr(self.UNDO[0 if action == "add" else 1])

    def count_text(self, shown: int, total: int) -> str:
        """ "13 people", or "4 of 13 shown" while the filter hides some."""
        if shown != total:
            return self.tr("%1 of %2 shown").replace("%1", str(shown)).replace("%2", str(total))
        if not total:
            return self.tr("None yet: Add, or Insert in the table, creates one.")
        return Catalogue.tr(self.COUNT[0]) if total == 1 else Catalogue.tr(self.COUNT[1]).replace("%1", str(total))

    # -- showing ---------------------------------------------------------------------------------------------

    def show_context(self, context: PageContext) -> None:
        """Show the catalogue of `context.workbook`, keeping the selection, the sorting and the filter."""
        self._context = context
        if context.workbook is None:
            return
        team = [(row["id"], row["name"])
                for row in edits.rows(context.workbook, "team_members", order_by="name COLLATE NOCASE")]
        fresh = self.columns(team)  # only the owner choices can change; the columns stay what they are
        self.model.columns[:] = [replace(old, choices=new.choices)
                                 for old, new in zip(self.model.columns, fresh, strict=True)]
        self.model.editable = self._session() is not None
        # In the order they were made, which no edit changes: an edit then refreshes the rows in place,
        # keeping the selection and the open editor. The view sorts them as the user chose.
        self.model.set_rows(edits.rows(context.workbook, self.TABLE, order_by="created_at, id"))
        self.add_button.setEnabled(self.model.editable)
        self._count()
        self._update_buttons()

    def focus_item(self, table: str, row_id: str) -> bool:
        """Select the row `row_id` of this catalogue, clearing the filter when it hides the row."""
        if table != self.TABLE or self.model.row_of(row_id) < 0:
            return False
        if not self._index(row_id).isValid():
            self.filter.clear()
            self.group.setCurrentIndex(0)
        self._select(self._index(row_id))
        return True

    def selected_ids(self) -> list[str]:
        return [index.data(ROW_ROLE)["id"]
                for index in sorted(self.view.selectionModel().selectedRows(), key=QModelIndex.row)]

    def _index(self, row_id: str, key: str = "name") -> QModelIndex:
        source = self.model.index(self.model.row_of(row_id), self.model.column_of(key))
        return self.proxy.mapFromSource(source)

    def _select(self, index: QModelIndex) -> None:
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.selectRow(index.row())
        self.view.scrollTo(index)

    def _session(self) -> EditSession | None:
        session = self._context.session
        return None if session is None or session.read_only else session

    def _group_values(self) -> dict[str, Any]:
        return self.GROUPS[self.group.currentData()][1] if self.GROUPS else {}

    def _refilter(self) -> None:
        self.proxy.set_filter(self.filter.text(), self._group_values())
        self._count()

    def _count(self) -> None:
        self.count.setText(self.count_text(self.proxy.rowCount(), self.model.rowCount()))

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.model.editable and self.view.selectionModel().hasSelection())

    # -- editing ---------------------------------------------------------------------------------------------

    def _on_edit(self, row_id: str, key: str, value: Any) -> bool:
        session = self._session()
        return bool(session and session.change(self.undo_text("edit"), self.TABLE, row_id, **{key: value}))

    def new_values(self) -> dict[str, Any]:
        """Field values of a new row: a placeholder name and what the chosen group implies."""
        return {"name": Catalogue.tr(self.NEW_NAME), **self._group_values()}

    def add(self) -> str | None:
        """Add a row, select it and start editing its name; returns its id."""
        session = self._session()
        row_id = session.add(self.undo_text("add"), self.TABLE, **self.new_values()) if session else None
        if row_id is None:
            return None
        self.show_context(self._context)  # the window refreshes too; then the rows are the same: no reset
        if not self._index(row_id).isValid():
            self.filter.clear()
        self._select(self._index(row_id))
        self.view.edit(self._index(row_id))
        return row_id

    def delete_selected(self) -> bool:
        """Delete the selected rows, asking first when something uses them; returns whether they went."""
        session, ids = self._session(), self.selected_ids()
        if session is None or not ids or self._context.workbook is None:
            return False
        used = usage(self._context.workbook, self.USES, ids)
        title = self.undo_text("delete", len(ids))
        if used:
            names = ", ".join(f"“{self.model.row(self.model.row_of(i))['name']}”" for i in ids[:3])
            places = "\n".join(f"• {description}: {count}" for description, count in used)
            text = self.tr("%1 is used in %2 places:\n%3\n\nDelete anyway? Edit ▸ Undo brings it back.")
            text = text.replace("%1", names + ("…" if len(ids) > 3 else "")).replace(
                "%2", str(sum(n for _d, n in used))).replace("%3", places)
            if not confirm_delete(self, title + "?", text):
                return False
        row = self.view.currentIndex().row()
        if session.delete(title, self.TABLE, *ids) is None:
            return False
        self.show_context(self._context)
        if self.proxy.rowCount():
            self._select(self.proxy.index(min(max(row, 0), self.proxy.rowCount() - 1), 0))
        return True

    def _command(self, command: str) -> None:
        """Carry out a key of the table: "add" or "delete"."""
        if command == "add":
            self.add()
        elif command == "delete":
            self.delete_selected()

    def _menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for text, key, button, slot in ((self.tr("Add"), Qt.Key.Key_Insert, self.add_button, self.add),
                                        (self.tr("Delete"), Qt.Key.Key_Delete, self.delete_button,
                                         self.delete_selected)):
            action = QAction(text, menu)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # a hint: the table handles the keys
            action.setShortcutVisibleInContextMenu(True)
            action.setEnabled(button.isEnabled())
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.popup(self.view.viewport().mapToGlobal(position))
