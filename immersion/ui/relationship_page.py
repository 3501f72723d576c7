"""The relationship map page: the account's people as a table and a drawn map, with quick add and a side form.

The page reads stakeholders, influence links, coverage and our team through `store.edits.rows` and edits only
through the context's `EditSession`, so every change is undoable and comes back as a `show_context()` call.
Table, map and side form show one selected person; `_select()` is the only place that moves the selection, and
it tells the widget the selection did not come from, so neither echoes it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from immersion.store import edits, queries
from immersion.ui.map_legend import MapLegend
from immersion.ui.pages import Page, PageContext
from immersion.ui.relationship_map import RelationshipMap
from immersion.ui.row_model import ID_ROLE, ColumnDelegate, Row
from immersion.ui.stakeholder_form import StakeholderForm
from immersion.ui.stakeholder_model import MapData, StakeholderModel, enrich, map_data
from immersion.ui.stakeholder_quick_add import QuickAdd
from immersion.ui.theme import PAGE_MARGIN

if TYPE_CHECKING:
    from immersion.ui.edit_session import EditSession


def ask_png_path(parent: QWidget, suggested: str) -> str:
    """Ask where to save the map (a module function, so that tests can replace it); "" when cancelled."""
    title = QCoreApplication.translate("RelationshipPage", "Save Map as PNG")
    kinds = QCoreApplication.translate("RelationshipPage", "PNG images (*.png)")
    path, _kind = QFileDialog.getSaveFileName(parent, title, suggested, kinds)
    return path


def save_png(view: RelationshipMap, path: str | Path) -> bool:
    """Write the whole map with its legend to a PNG file; returns whether it was written."""
    return view.render_image().save(str(path), "PNG")


class RelationshipPage(Page):
    """Who decides, who influences whom, who is with us, and who on our side covers them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context: PageContext | None = None
        self._account = ""
        self._selected = ""
        self._syncing = False
        self._rows: list[Row] = []
        self._links: tuple[list[Row], list[Row], list[Row]] = ([], [], [])  # influences, coverage, team
        self._data: MapData | None = None

        self.add_button = self._button(self.tr("Add person"), self.tr("Add a person to the map (Ctrl+N)"))
        self.add_button.clicked.connect(lambda: self.quick.start())
        self.delete_button = self._button(self.tr("Delete"), self.tr("Delete the selected person (Delete)"))
        self.delete_button.clicked.connect(self.delete_selected)
        # A check box, not a toggle button: whether the layer is on must be plain in either palette.
        self.coverage_toggle = QCheckBox(self.tr("Our coverage"), self)
        self.coverage_toggle.setToolTip(self.tr("Show or hide who on our side covers each person, and how "
                                                "strongly (the thicker the line, the stronger)"))
        self.coverage_toggle.setChecked(True)
        self.coverage_toggle.toggled.connect(lambda on: self.map.set_coverage_visible(on))
        zoom_out = self._button("−", self.tr("Zoom out (−, or Ctrl+wheel)"))
        zoom_in = self._button("+", self.tr("Zoom in (+, or Ctrl+wheel)"))
        fit = self._button(self.tr("Fit"), self.tr("Show the whole map (0)"))
        self.save_button = self._button(self.tr("Save map as PNG…"),
                                        self.tr("Save the whole map as a picture"))
        self.save_button.clicked.connect(self.save_map)
        self.quick = QuickAdd(self)
        self.quick.submitted.connect(self._add_person)
        self.legend = MapLegend(self)

        self.map = RelationshipMap(self)
        self.map.person_selected.connect(lambda pid: self._select(pid, source="map"))
        self.map.person_activated.connect(self._edit_details)
        self.map.menu_requested.connect(self._menu)
        zoom_out.clicked.connect(lambda: self.map.zoom_by(0.8))
        zoom_in.clicked.connect(lambda: self.map.zoom_by(1.25))
        fit.clicked.connect(self.map.fit)

        self.model = StakeholderModel(self._edit_cell, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(ColumnDelegate(lambda: self.model.columns, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the store's order until the user sorts
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        width = self.fontMetrics().averageCharWidth()
        for n, column in enumerate(self.model.columns):
            self.table.setColumnWidth(n, width * (column.width or 12))
        self.table.selectionModel().selectionChanged.connect(self._table_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda at: self._menu(self._id_at(self.table.indexAt(at)), self.table.viewport().mapToGlobal(at)))

        self.form = StakeholderForm(self)
        side = QScrollArea(self)
        side.setWidget(self.form)
        side.setWidgetResizable(True)
        side.setFrameShape(QScrollArea.Shape.NoFrame)
        side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the form fits its width
        side.setMinimumWidth(280)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.map)
        left.addWidget(self.table)
        left.setSizes([620, 380])  # proportions: the map is what the page is for
        left.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([900, 320])

        tools = QHBoxLayout()
        tools.setSpacing(6)
        for widget in (self.add_button, self.delete_button, None, self.coverage_toggle, zoom_out, zoom_in,
                       fit, self.save_button):
            if widget is None:
                tools.addSpacing(16)
            else:
                tools.addWidget(widget)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, 12, PAGE_MARGIN, PAGE_MARGIN // 2)
        layout.setSpacing(8)
        layout.addLayout(tools)
        layout.addWidget(self.quick)
        layout.addWidget(self.legend)
        layout.addWidget(self.splitter, 1)

    def _button(self, text: str, tooltip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tooltip)
        button.setAccessibleName(tooltip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    # -- showing -------------------------------------------------------------------------------------------------

    def show_context(self, context: PageContext) -> None:
        """Show the account's people; keeps the selection, and the zoom unless the account changed."""
        self._context = context
        wb, account = context.workbook, context.account
        if wb is None or account is None:
            return
        first_look = account.id != self._account
        if first_look:
            self._account, self._selected = account.id, ""
        people = edits.rows(wb, "stakeholders", account_id=account.id, order_by="name COLLATE NOCASE")
        ids = {p["id"] for p in people}
        # The store has no per-account query for links: read them whole and keep this account's (cheap).
        influences = [r for r in queries.influences_of_account(wb, account.id) if r["to_id"] in ids]
        coverage = queries.coverage_of_account(wb, account.id)
        team = edits.rows(wb, "team_members", order_by="name COLLATE NOCASE")
        self._rows = enrich(people, coverage, {m["id"]: m for m in team})
        self._links = (influences, coverage, team)
        editable = context.session is not None
        self.model.editable = editable
        self._syncing = True  # a model reset clears the table's selection; that is not the user's doing
        try:
            self.model.set_people(self._rows)
        finally:
            self._syncing = False
        data = map_data(self._rows, influences)
        was_empty = self.map.is_empty()
        if data != self._data:  # an edit on another page leaves the map as it is: no rebuild, no flicker
            self._data = data
            self.map.show_data(data)
        if first_look or was_empty != self.map.is_empty():  # else the user's zoom and scroll stay
            self.map.reset_view()
        if editable:
            self.map.empty_text = self.tr("Nobody is on the map yet. Type a name in the line above and press "
                                          "Enter; Ctrl+N brings you there from anywhere on this page.")
        else:
            self.map.empty_text = self.tr("Nobody is on the map of this account yet.")
        self.quick.setVisible(editable)
        self.quick.set_people(self._rows)
        self.add_button.setEnabled(editable)
        if self.form.session() is not context.session:
            self.form.set_session(context.session)
        self._select(self._selected if self._selected in ids else "")

    def focus_item(self, table: str, row_id: str) -> bool:
        """Select a stakeholder and centre the map on them."""
        if table != "stakeholders" or all(row["id"] != row_id for row in self._rows):
            return False
        self._select(row_id)
        self.map.centre_on(row_id)
        return True

    def selected_id(self) -> str:
        return self._selected

    # -- selection -----------------------------------------------------------------------------------------------

    def _select(self, person: str, source: str = "") -> None:
        """Make `person` ("" for nobody) the selection of the table, the map and the form.

        Args:
            source: "table" or "map" when the user selected there; that widget is already up to date.
        """
        if self._syncing:
            return
        self._syncing = True
        try:
            self._selected = person
            if source != "table":
                row = self.model.row_of(person) if person else -1
                selection = self.table.selectionModel()
                if row < 0:
                    selection.clearSelection()
                else:
                    index = self.model.index(row, 0)
                    flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)
                    selection.setCurrentIndex(index, flags)
                    self.table.scrollTo(index)
            if source != "map":
                self.map.select(person, reveal=bool(source))
            row_data = next((r for r in self._rows if r["id"] == person), None)
            influences, coverage, team = self._links
            self.form.show_person(row_data, self._rows, team, coverage, influences)
            self.delete_button.setEnabled(bool(person) and self._session() is not None)
        finally:
            self._syncing = False

    def _table_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._select(self._id_at(rows[0]) if rows else "", source="table")

    @staticmethod
    def _id_at(index: QModelIndex) -> str:
        return (index.data(ID_ROLE) or "") if index.isValid() else ""

    # -- editing -------------------------------------------------------------------------------------------------

    def _session(self) -> EditSession | None:
        return self._context.session if self._context is not None else None

    def _edit_details(self, person: str) -> None:
        self._select(person)
        self.form.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _page_key(self, event: QKeyEvent) -> str:
        """"new" for Ctrl+N anywhere on the page, "delete" for Delete on the table or the map, else ""."""
        if self._session() is None:
            return ""
        if event.matches(QKeySequence.StandardKey.New):
            return "new"
        if event.key() == Qt.Key.Key_Delete and QApplication.focusWidget() in (self.table, self.map):
            return "delete"  # in a text field Delete edits the text, in a combo box it does nothing
        return ""

    def event(self, event: QEvent) -> bool:
        # Ctrl+N means "New Workbook" elsewhere and Delete may delete an account; here they mean a person.
        # Claiming the keys keeps the window's shortcuts from firing (or being ambiguous) while focus is here.
        override = event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
        if override and self._page_key(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = self._page_key(event)
        if key == "new":
            self.quick.start()
        elif key == "delete":
            self.delete_selected()
        else:
            super().keyPressEvent(event)

    def _add_person(self, values: dict[str, Any]) -> None:
        session = self._session()
        if session is None or not self._account:
            return
        new = session.add(self.tr("Add stakeholder"), "stakeholders", account_id=self._account, **values)
        if new:
            self.quick.clear()
            self._selected = new  # the refresh that the session's signal brings selects the new person
            if any(row["id"] == new for row in self._rows):  # it has come already
                self._select(new)
                self.map.select(new, reveal=True)
        self.quick.start()

    def _edit_cell(self, row_id: str, key: str, value: Any) -> bool:
        session = self._session()
        if session is None:
            return False
        return bool(session.change(self.tr("Edit stakeholder"), "stakeholders", row_id, **{key: value}))

    def delete_selected(self) -> None:
        """Delete the selected person; people who reported to them lose the link (undo brings it back)."""
        session = self._session()
        if session is not None and self._selected:
            session.delete(self.tr("Delete stakeholder"), "stakeholders", self._selected)

    def _menu(self, person: str, at: QPoint) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        name = next((r["name"] for r in self._rows if r["id"] == person), "")
        editable = self._session() is not None
        if person:
            self._select(person)
            menu.addAction(self.tr("Edit %1’s details").replace("%1", name),
                           lambda: self._edit_details(person))
            if editable:
                menu.addAction(self.tr("Add someone reporting to %1").replace("%1", name),
                               lambda: self.quick.start(name))
                menu.addAction(self.tr("Delete %1").replace("%1", name), self.delete_selected)
        elif editable:
            menu.addAction(self.tr("Add person"), self.quick.start)
        menu.addAction(self.tr("Fit map to view"), self.map.fit)
        menu.popup(at)

    def save_map(self) -> bool:
        """Ask for a file and save the whole map there as a PNG; returns whether a file was written."""
        account = self._context.account if self._context is not None else None
        suggested = (self.tr("%1 relationship map.png").replace("%1", account.name) if account is not None
                     else self.tr("Relationship map.png"))
        path = ask_png_path(self, suggested)
        if not path:
            return False
        if not path.lower().endswith(".png"):
            path += ".png"
        return save_png(self.map, path)
