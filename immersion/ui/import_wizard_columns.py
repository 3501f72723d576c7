"""The import wizard's column page: a combo per column of the file, filled by the automatic match and
changeable, and a preview of the first rows headed by the field each column goes to."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from immersion.store import column_mapping
from immersion.store.column_mapping import Mapping
from immersion.store.import_source import SourceTable
from immersion.ui.background import plain_label

if TYPE_CHECKING:
    from immersion.ui.import_wizard import ImportWizard

PREVIEW_ROWS = 100
Index = QModelIndex | QPersistentModelIndex


def field_label(table: str, name: str) -> str:
    return QCoreApplication.translate("ImportFields", column_mapping.lookup(table, name).label)


class PreviewModel(QAbstractTableModel):
    """The first rows of the file, each column headed by its name and the field it goes to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = []
        self._rows: list[list[str]] = []
        self._numbers: list[int] = []
        self._mapping: Mapping | None = None

    def show(self, source: SourceTable, mapping: Mapping) -> None:
        self.beginResetModel()
        self._columns = list(source.columns)
        head = source.text.head(PREVIEW_ROWS)
        self._rows = [[str(v) for v in row] for row in head.itertuples(index=False, name=None)]
        self._numbers = list(source.rows[:PREVIEW_ROWS])
        self._mapping = mapping
        self.endResetModel()

    def mapping_changed(self) -> None:
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._numbers[section]) if 0 <= section < len(self._numbers) else None
        if not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        name = self._mapping.field_of(column) if self._mapping else None
        target = (field_label(self._mapping.table, name) if self._mapping and name
                  else QCoreApplication.translate("ImportWizard", "not imported"))
        return f"{column}\n→ {target}"


class ColumnsPage(QWizardPage):
    """A combo per column of the file, filled by the automatic match, and a preview of the first rows."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Each column of the file goes to the field chosen beside it. Columns set to "
                                 "“Not imported” are left out."))
        self.combos: dict[str, QComboBox] = {}
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.problems = plain_label("", self)
        self.problems.setWordWrap(True)
        self.preview_model = PreviewModel(self)
        self.preview = QTableView(self)
        self.preview.setModel(self.preview_model)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.problems)
        layout.addWidget(QLabel(self.tr("First rows of the file:"), self))
        layout.addWidget(self.preview, 2)

    def initializePage(self) -> None:
        source, mapping = self.wizard_.source, self.wizard_.mapping
        assert source is not None and mapping is not None
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos = {}
        for column, header in enumerate((self.tr("Column"), self.tr("Sample"), self.tr("Import as"))):
            label = QLabel(header, self.grid_host)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.grid.addWidget(label, 0, column)
        for row, column in enumerate(source.columns, start=1):
            samples = [str(v) for v in source.cells(column)[:50] if str(v).strip()][:3]
            self.grid.addWidget(plain_label(column, self.grid_host), row, 0)
            sample = plain_label(" · ".join(s[:30] for s in samples), self.grid_host)
            sample.setToolTip("\n".join(samples))
            sample.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # the combos keep room
            sample.setEnabled(False)  # greyed: an example, not a setting
            self.grid.addWidget(sample, row, 1)
            combo = QComboBox(self.grid_host)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setAccessibleName(self.tr("Import “%1” as").replace("%1", column))
            combo.addItem(self.tr("Not imported"), None)
            for item in column_mapping.fields(mapping.table):
                combo.addItem(field_label(mapping.table, item.name), item.name)
            self.combos[column] = combo
            self.grid.addWidget(combo, row, 2)
        self.grid.setColumnStretch(1, 1)
        for row in range(self.grid.rowCount()):  # the rows at the top, however few; the space below them
            self.grid.setRowStretch(row, 0)
        self.grid.setRowStretch(len(source.columns) + 1, 1)
        self.preview_model.show(source, mapping)
        self.preview.resizeColumnsToContents()
        for column in range(self.preview_model.columnCount()):
            self.preview.setColumnWidth(column, min(self.preview.columnWidth(column), 220))
        self._show_mapping()
        for column, combo in self.combos.items():
            combo.currentIndexChanged.connect(lambda _i, c=column: self._picked(c))

    def set_field(self, column: str, name: str | None) -> None:
        """Choose the field of a column, as the user does with its combo."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(name))

    def _picked(self, column: str) -> None:
        mapping = self.wizard_.mapping
        assert mapping is not None
        mapping.set(column, self.combos[column].currentData())
        self._show_mapping()

    def _show_mapping(self) -> None:
        mapping = self.wizard_.mapping
        assert mapping is not None
        for column, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(mapping.field_of(column)))
            combo.blockSignals(False)
        self.preview_model.mapping_changed()
        problems = mapping.problems(default_account=self.wizard_.options().account_id is not None)
        unfed = [item.label for item in mapping.unfed()]
        notes = list(problems)
        if unfed:
            notes.append(self.tr("No column gives %1: only rows that exist already can be updated.")
                         .replace("%1", ", ".join(unfed)))
        self.problems.setText("\n".join(notes))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        mapping = self.wizard_.mapping
        return mapping is not None and not mapping.problems(
            default_account=self.wizard_.options().account_id is not None)
